// kefu's reference orders plugin written the way an Extism JavaScript plug-in is (the
// Extism JS PDK: QuickJS, JSON in, a host function for the order lookup, JSON out): the same
// decisions and text as bench/extism/guest (Rust) and plugins/orders. Built with
// `extism-js plugin.js -i plugin.d.ts -o plugin.wasm`.
const { get_order } = Host.getFunctions();

const LABELS = {
  processing: ['being prepared', '备货中'],
  shipped: ['shipped', '已发货'],
  delivered: ['delivered', '已签收'],
};

function statusLabel(status, zh) {
  const label = LABELS[status];
  return label === undefined ? status : label[zh ? 1 : 0];
}

function handle() {
  const request = JSON.parse(Host.inputString());
  const zh = request.locale.startsWith('zh');
  const slot = request.slots.find(([name]) => name === 'order-number');
  if (slot === undefined) throw new Error('missing slot order-number');
  const id = slot[1];
  const found = Memory.find(get_order(Memory.fromString(id).offset)).readString();
  if (found === '') throw new Error('not found');
  const order = JSON.parse(found);
  const label = statusLabel(order.status, zh);
  let text;
  if (order.carrier && order.tracking_number) {
    const eta = order.eta ? (zh ? `预计${order.eta}送达。` : ` It should arrive by ${order.eta}.`) : '';
    text = zh
      ? `订单${order.id}${label}，承运商${order.carrier}，运单号${order.tracking_number}。${eta}`
      : `Order ${order.id} has ${label} with ${order.carrier}, tracking number ${order.tracking_number}.${eta}`;
  } else {
    text = zh
      ? `订单${order.id}目前${label}，发货后会第一时间提供物流单号。`
      : `Order ${order.id} is ${label}. We'll share tracking as soon as it ships.`;
  }
  const card = {
    order_id: order.id,
    status: order.status,
    status_label: label,
    carrier: order.carrier,
    tracking_number: order.tracking_number,
    eta: order.eta,
  };
  Host.outputString(JSON.stringify({ text, cards: [card] }));
  return 0;
}

module.exports = { handle };
