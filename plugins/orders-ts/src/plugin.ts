// kefu's reference orders plugin in TypeScript: tells a shopper where their order is, and
// cancels an order that has not shipped, or sends it to a new address, once the shopper
// confirms (kefu only asks about orders the shopper has proven are theirs).
//
// The same behaviour as the Rust plugin in `plugins/orders` and the Python one in
// `plugins/orders-py`, which pass the same `fixtures.toml`: a merchant deploys any of the
// three. It reads the order through the host's `orders` import (granted in manifest.toml)
// and never sees the shopper's address or payment details: the host does not hand them out.
// Types for editors: `npm run build` writes them to src/types from vendor/wit.
/// <reference path="./types/plugin.d.ts" />
import type { Action, Description, Reply, Request } from 'kefu:plugin/plugin@0.2.1';
import type {
  AddressProposal,
  CancelProposal,
  HostError,
  Order,
  PluginError,
} from 'kefu:plugin/types@0.2.1';
import { cancelOrder, changeAddress, deliveredOn, getOrder } from 'kefu:plugin/orders@0.2.1';
import { today } from 'kefu:plugin/clock@0.2.1';

export function describe(): Description {
  return {
    intents: ['track_order', 'cancel_order', 'change_shipping_address'],
    slots: ['order-number'],
  };
}

export function handle(request: Request): Reply {
  const zh = request.locale.startsWith('zh');
  const id = slot(request, 'order-number');
  if (id === undefined) {
    throw fail({ tag: 'missing-slot', val: 'order-number' });
  }
  if (request.intent === 'cancel_order') {
    return proposeCancel(request, id);
  }
  if (request.intent === 'change_shipping_address') {
    return proposeAddress(request, id);
  }
  const order = orderOrFail(id);
  // The day it was delivered is said when the shop knows it; without it, the rest is.
  const delivered = order.status === 'delivered' ? deliveredOnIfKnown(id) : undefined;
  return {
    text: describeOrder(order, delivered, today(), zh),
    cards: [
      {
        tag: 'order-status',
        val: {
          orderId: order.id,
          status: order.status,
          statusLabel: statusLabel(order.status, zh),
          carrier: order.carrier,
          trackingNumber: order.trackingNumber,
          eta: order.eta,
        },
      },
    ],
    proposal: undefined,
  };
}

export function commit(action: Action): Reply {
  switch (action.tag) {
    case 'cancel-order':
      return commitCancel(action.val);
    case 'change-address':
      return commitAddress(action.val);
    case 'refund':
      throw fail({ tag: 'internal', val: 'the orders plugin issues no refunds' });
  }
}

function commitCancel(c: CancelProposal): Reply {
  const zh = hasChinese(c.terms);
  try {
    cancelOrder(c.orderId);
  } catch (e) {
    const error = hostError(e);
    if (error?.tag === 'limit-exceeded') {
      throw fail({
        tag: 'not-allowed',
        val: zh
          ? `订单${c.orderId}刚刚已发货，无法取消了。签收后可以申请退货。`
          : `Order ${c.orderId} shipped in the meantime, so it can't be cancelled any more; you can return it once it arrives.`,
      });
    }
    throw fail(pluginError(e, c.orderId));
  }
  const text = zh
    ? `订单${c.orderId}已取消。${c.terms}`
    : `Done: order ${c.orderId} is cancelled. ${c.terms}`;
  return { text, cards: [], proposal: undefined };
}

function commitAddress(a: AddressProposal): Reply {
  const zh = hasChinese(a.terms);
  try {
    changeAddress(a.orderId, a.address);
  } catch (e) {
    if (hostError(e)?.tag === 'limit-exceeded') {
      throw fail({
        tag: 'not-allowed',
        val: zh
          ? `订单${a.orderId}刚刚已发货，地址无法修改了。`
          : `Order ${a.orderId} shipped in the meantime, so its address can't change any more.`,
      });
    }
    throw fail(pluginError(e, a.orderId));
  }
  const text = zh
    ? `好的，订单${a.orderId}将寄往新地址。`
    : `Done: order ${a.orderId} will go to the new address.`;
  return { text, cards: [], proposal: undefined };
}

/** Proposes sending order `id` to the address in the `address` slot, if it has not shipped. */
function proposeAddress(request: Request, id: string): Reply {
  const zh = request.locale.startsWith('zh');
  requireOwner(request);
  const order = orderOrFail(id);
  if (order.status !== 'processing') {
    throw fail({
      tag: 'not-allowed',
      val: zh
        ? `订单${id}已发货，无法修改收货地址。`
        : `Order ${id} has already left our warehouse, so its address can't be changed.`,
    });
  }
  // Asked for only once the order can still change.
  const given = slot(request, 'address');
  if (given === undefined) {
    throw fail({ tag: 'missing-slot', val: 'address' });
  }
  const address = given.trim();
  const length = [...address].length;
  if (length < 10 || length > 300) {
    throw fail({
      tag: 'not-allowed',
      val: zh
        ? '这个地址看起来不完整，请提供完整的收货地址。'
        : "That doesn't look like a full address; please send the whole address.",
    });
  }
  return {
    text: zh
      ? `订单${id}还未发货，可以改寄到新地址。请确认：`
      : `Order ${id} hasn't shipped yet, so it can go to the new address. Please confirm:`,
    cards: [],
    proposal: {
      tag: 'change-address',
      val: {
        orderId: id,
        address,
        terms: zh ? '确认后将按新地址发货。' : 'The parcel will be sent to this address.',
      },
    },
  };
}

/** Proposes cancelling order `id` if it has not shipped. */
function proposeCancel(request: Request, id: string): Reply {
  const zh = request.locale.startsWith('zh');
  requireOwner(request);
  const order = orderOrFail(id);
  if (order.status === 'cancelled') {
    throw fail({
      tag: 'not-allowed',
      val: zh ? `订单${id}已经取消了。` : `Order ${id} is already cancelled.`,
    });
  }
  if (order.status !== 'processing') {
    throw fail({
      tag: 'not-allowed',
      val: zh
        ? `订单${id}已发货，无法取消。签收后30天内可以申请退货。`
        : `Order ${id} has already shipped, so it can't be cancelled. Once it arrives you can return it within 30 days.`,
    });
  }
  const money = formatMoney(order.totalMinor, order.currency);
  return {
    text: zh
      ? `订单${id}还未发货，可以取消。请确认是否取消。`
      : `Order ${id} hasn't shipped yet, so it can still be cancelled. Please confirm below.`,
    cards: [],
    proposal: {
      tag: 'cancel-order',
      val: {
        orderId: id,
        refundMinor: order.totalMinor,
        currency: order.currency,
        terms: zh
          ? `${money}将在5个工作日内退回原支付方式。`
          : `${money} goes back to your original payment method within 5 business days.`,
      },
    },
  };
}

function requireOwner(request: Request): void {
  if (!request.ownerVerified) {
    throw fail({ tag: 'internal', val: 'ownership of the order is not proven' });
  }
}

function statusLabel(status: string, zh: boolean): string {
  const labels: Record<string, [string, string]> = {
    processing: ['being prepared', '备货中'],
    shipped: ['shipped', '已发货'],
    delivered: ['delivered', '已签收'],
    cancelled: ['cancelled', '已取消'],
    returned: ['returned', '已退货'],
  };
  const label = labels[status];
  return label === undefined ? status : label[zh ? 1 : 0];
}

/**
 * What to say about the expected date, read against `day` (the call's frozen clock, so a
 * replay says the same): a date still ahead is a promise of the carrier's; a date that has
 * passed is said to have passed; a delivered order needs none.
 */
function etaSentence(order: Order, day: string, zh: boolean): string {
  const eta = order.eta;
  if (eta === undefined || order.status === 'delivered') {
    return '';
  }
  if (eta >= day) {
    return zh ? `预计${eta}送达。` : ` It should arrive by ${eta}.`;
  }
  return zh
    ? `原定${eta}送达，目前已延误，非常抱歉。如两天内仍未收到，请转人工，我们会为您追查。`
    : ` It was due on ${eta}, so it is running late: sorry about that. If it has not arrived in the next two days, ask for a person and our team will trace it.`;
}

/** What to say about `order`; `delivered` is the day the carrier marked it delivered. */
function describeOrder(
  order: Order,
  delivered: string | undefined,
  day: string,
  zh: boolean,
): string {
  const label = statusLabel(order.status, zh);
  if (order.status === 'cancelled' || order.status === 'returned') {
    return zh ? `订单${order.id}${label}。` : `Order ${order.id} is ${label}.`;
  }
  const { carrier, trackingNumber } = order;
  // A delivered order says when it was delivered, and by whom.
  if (order.status === 'delivered' && carrier !== undefined && trackingNumber !== undefined) {
    if (zh) {
      const on = delivered === undefined ? '' : `于${delivered}`;
      return `订单${order.id}已${on}签收，承运商${carrier}，运单号${trackingNumber}。`;
    }
    const on = delivered === undefined ? '' : ` on ${delivered}`;
    return `Order ${order.id} was delivered${on} by ${carrier}, tracking number ${trackingNumber}.`;
  }
  if (carrier !== undefined && trackingNumber !== undefined) {
    const eta = etaSentence(order, day, zh);
    return zh
      ? `订单${order.id}${label}，承运商${carrier}，运单号${trackingNumber}。${eta}`
      : `Order ${order.id} has ${label} with ${carrier}, tracking number ${trackingNumber}.${eta}`;
  }
  return zh
    ? `订单${order.id}目前${label}，发货后会第一时间提供物流单号。`
    : `Order ${order.id} is ${label}. We'll share tracking as soon as it ships.`;
}

/** `amountMinor` of `currency` as a shopper reads it: `$22.00`, `¥88.00`, `22.00 CHF`. */
function formatMoney(amountMinor: bigint, currency: string): string {
  const cents = (amountMinor % 100n).toString().padStart(2, '0');
  const number = `${amountMinor / 100n}.${cents}`;
  const symbols: Record<string, string> = { USD: '$', CNY: '¥', GBP: '£', EUR: '€' };
  const symbol = symbols[currency];
  return symbol === undefined ? `${number} ${currency}` : `${symbol}${number}`;
}

function hasChinese(text: string): boolean {
  return /[\u4e00-\u9fff]/.test(text);
}

function slot(request: Request, name: string): string | undefined {
  return request.slots.find((s) => s.name === name)?.value;
}

function orderOrFail(id: string): Order {
  try {
    return getOrder(id);
  } catch (e) {
    throw fail(pluginError(e, id));
  }
}

function deliveredOnIfKnown(id: string): string | undefined {
  try {
    return deliveredOn(id);
  } catch {
    return undefined;
  }
}

/** The host's error inside what a failed import threw. */
function hostError(e: unknown): HostError | undefined {
  return (e as { payload?: HostError })?.payload;
}

/** A failed host call as the plugin error a turn returns for it (as the Rust SDK does). */
function pluginError(e: unknown, what: string): PluginError {
  const error = hostError(e);
  switch (error?.tag) {
    case 'not-found':
      return { tag: 'not-found', val: what };
    case 'access-denied':
    case 'limit-exceeded':
      return { tag: 'internal', val: error.val };
    case 'unavailable':
      return { tag: 'unavailable', val: error.val };
    default:
      return { tag: 'internal', val: String(e) };
  }
}

/** The error value kefu receives when a function throws it. */
function fail(error: PluginError): PluginError {
  return error;
}
