// Runs kefu's intent model (kefu-intent, compiled to wasm) off the main thread, with the shop's
// public FAQ. Messages in: {type: 'shop', shop: {faq, served}} (the welcome's on_device,
// again after each welcome) and {id, text}; out: {type: 'ready'} once, then
// {type: 'result', id, understood: {prediction, order, faq}} for each text.
import init, { IntentModel } from './pkg/kefu_intent_web.js';

let model = null;
let shop = null;
const ready = (async () => {
  await init({ module_or_path: new URL('./pkg/kefu_intent_web_bg.wasm', import.meta.url) });
  const response = await fetch(new URL('./intent.onnx', import.meta.url));
  model = new IntentModel(new Uint8Array(await response.arrayBuffer()));
  if (shop) model.setShop(shop);
  postMessage({ type: 'ready' });
})().catch((e) => postMessage({ type: 'error', message: String(e) }));

onmessage = async (event) => {
  const data = event.data;
  if (data.type === 'shop') {
    // Kept as JSON text: the model may not be loaded yet.
    shop = JSON.stringify(data.shop);
    if (model) model.setShop(shop);
    return;
  }
  await ready;
  if (!model) return;
  postMessage({ type: 'result', id: data.id, understood: JSON.parse(model.understand(data.text)) });
};
