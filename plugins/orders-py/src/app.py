"""kefu's reference orders plugin in Python: tells a shopper where their order is, and
cancels an order that has not shipped, or sends it to a new address, once the shopper
confirms (kefu only asks about orders the shopper has proven are theirs).

The same behaviour as the Rust plugin in `plugins/orders` and the TypeScript one in
`plugins/orders-ts`, which pass the same `fixtures.toml`: a merchant deploys any of the
three. It reads the order through the host's `orders` import (granted in manifest.toml)
and never sees the shopper's address or payment details: the host does not hand them out.
"""
import re

import wit_world
from componentize_py_types import Err
from wit_world.imports import clock, orders
from wit_world.imports.types import (
    Action, Action_CancelOrder, Action_ChangeAddress, AddressProposal, CancelProposal,
    Card_OrderStatus, Description, HostError_AccessDenied, HostError_LimitExceeded,
    HostError_NotFound, HostError_Unavailable, Order, OrderStatusCard, PluginError,
    PluginError_Internal, PluginError_MissingSlot, PluginError_NotAllowed,
    PluginError_NotFound, PluginError_Unavailable, Reply, Request,
)

LABELS = {
    "processing": ("being prepared", "备货中"),
    "shipped": ("shipped", "已发货"),
    "delivered": ("delivered", "已签收"),
    "cancelled": ("cancelled", "已取消"),
    "returned": ("returned", "已退货"),
}

SYMBOLS = {"USD": "$", "CNY": "¥", "GBP": "£", "EUR": "€"}

CHINESE = re.compile("[\u4e00-\u9fff]")


class WitWorld(wit_world.WitWorld):
    def describe(self) -> Description:
        return Description(
            intents=["track_order", "cancel_order", "change_shipping_address"],
            slots=["order-number"],
        )

    def handle(self, request: Request) -> Reply:
        zh = request.locale.startswith("zh")
        order_id = slot(request, "order-number")
        if order_id is None:
            raise Err(PluginError_MissingSlot("order-number"))
        if request.intent == "cancel_order":
            return propose_cancel(request, order_id)
        if request.intent == "change_shipping_address":
            return propose_address(request, order_id)
        order = order_or_fail(order_id)
        # The day it was delivered is said when the shop knows it; without it, the rest is.
        delivered = delivered_on_if_known(order_id) if order.status == "delivered" else None
        card = OrderStatusCard(
            order_id=order.id,
            status=order.status,
            status_label=status_label(order.status, zh),
            carrier=order.carrier,
            tracking_number=order.tracking_number,
            eta=order.eta,
        )
        return Reply(
            text=describe_order(order, delivered, clock.today(), zh),
            cards=[Card_OrderStatus(card)],
            proposal=None,
        )

    def commit(self, action: Action) -> Reply:
        if isinstance(action, Action_CancelOrder):
            return commit_cancel(action.value)
        if isinstance(action, Action_ChangeAddress):
            return commit_address(action.value)
        raise Err(PluginError_Internal("the orders plugin issues no refunds"))


def commit_cancel(c: CancelProposal) -> Reply:
    zh = CHINESE.search(c.terms) is not None
    try:
        orders.cancel_order(c.order_id)
    except Err as e:
        if isinstance(e.value, HostError_LimitExceeded):
            raise Err(PluginError_NotAllowed(
                f"订单{c.order_id}刚刚已发货，无法取消了。签收后可以申请退货。" if zh else
                f"Order {c.order_id} shipped in the meantime, so it can't be cancelled any "
                "more; you can return it once it arrives."))
        raise Err(plugin_error(e.value, c.order_id))
    text = (f"订单{c.order_id}已取消。{c.terms}" if zh
            else f"Done: order {c.order_id} is cancelled. {c.terms}")
    return Reply(text=text, cards=[], proposal=None)


def commit_address(a: AddressProposal) -> Reply:
    zh = CHINESE.search(a.terms) is not None
    try:
        orders.change_address(a.order_id, a.address)
    except Err as e:
        if isinstance(e.value, HostError_LimitExceeded):
            raise Err(PluginError_NotAllowed(
                f"订单{a.order_id}刚刚已发货，地址无法修改了。" if zh else
                f"Order {a.order_id} shipped in the meantime, so its address can't change "
                "any more."))
        raise Err(plugin_error(e.value, a.order_id))
    text = (f"好的，订单{a.order_id}将寄往新地址。" if zh
            else f"Done: order {a.order_id} will go to the new address.")
    return Reply(text=text, cards=[], proposal=None)


def propose_address(request: Request, order_id: str) -> Reply:
    """Proposes sending the order to the address in the `address` slot, if it has not shipped."""
    zh = request.locale.startswith("zh")
    require_owner(request)
    order = order_or_fail(order_id)
    if order.status != "processing":
        raise Err(PluginError_NotAllowed(
            f"订单{order_id}已发货，无法修改收货地址。" if zh else
            f"Order {order_id} has already left our warehouse, so its address can't be changed."))
    # Asked for only once the order can still change.
    address = slot(request, "address")
    if address is None:
        raise Err(PluginError_MissingSlot("address"))
    address = address.strip()
    if not 10 <= len(address) <= 300:
        raise Err(PluginError_NotAllowed(
            "这个地址看起来不完整，请提供完整的收货地址。" if zh else
            "That doesn't look like a full address; please send the whole address."))
    if zh:
        text = f"订单{order_id}还未发货，可以改寄到新地址。请确认："
        terms = "确认后将按新地址发货。"
    else:
        text = (f"Order {order_id} hasn't shipped yet, so it can go to the new address. "
                "Please confirm:")
        terms = "The parcel will be sent to this address."
    proposal = AddressProposal(order_id=order_id, address=address, terms=terms)
    return Reply(text=text, cards=[], proposal=Action_ChangeAddress(proposal))


def propose_cancel(request: Request, order_id: str) -> Reply:
    """Proposes cancelling the order if it has not shipped."""
    zh = request.locale.startswith("zh")
    require_owner(request)
    order = order_or_fail(order_id)
    if order.status == "cancelled":
        raise Err(PluginError_NotAllowed(
            f"订单{order_id}已经取消了。" if zh else f"Order {order_id} is already cancelled."))
    if order.status != "processing":
        raise Err(PluginError_NotAllowed(
            f"订单{order_id}已发货，无法取消。签收后30天内可以申请退货。" if zh else
            f"Order {order_id} has already shipped, so it can't be cancelled. Once it arrives "
            "you can return it within 30 days."))
    money = format_money(order.total_minor, order.currency)
    if zh:
        text = f"订单{order_id}还未发货，可以取消。请确认是否取消。"
        terms = f"{money}将在5个工作日内退回原支付方式。"
    else:
        text = (f"Order {order_id} hasn't shipped yet, so it can still be cancelled. "
                "Please confirm below.")
        terms = f"{money} goes back to your original payment method within 5 business days."
    proposal = CancelProposal(
        order_id=order_id, refund_minor=order.total_minor, currency=order.currency, terms=terms)
    return Reply(text=text, cards=[], proposal=Action_CancelOrder(proposal))


def require_owner(request: Request) -> None:
    if not request.owner_verified:
        raise Err(PluginError_Internal("ownership of the order is not proven"))


def status_label(status: str, zh: bool) -> str:
    label = LABELS.get(status)
    return status if label is None else label[1 if zh else 0]


def eta_sentence(order: Order, today: str, zh: bool) -> str:
    """What to say about the expected date, read against `today` (the call's frozen clock,
    so a replay says the same): a date still ahead is a promise of the carrier's; a date
    that has passed is said to have passed; a delivered order needs none."""
    eta = order.eta
    if eta is None or order.status == "delivered":
        return ""
    if eta >= today:
        return f"预计{eta}送达。" if zh else f" It should arrive by {eta}."
    if zh:
        return f"原定{eta}送达，目前已延误，非常抱歉。如两天内仍未收到，请转人工，我们会为您追查。"
    return (f" It was due on {eta}, so it is running late: sorry about that. If it has not "
            "arrived in the next two days, ask for a person and our team will trace it.")


def describe_order(order: Order, delivered: str | None, today: str, zh: bool) -> str:
    """What to say about `order`; `delivered` is the day the carrier marked it delivered."""
    label = status_label(order.status, zh)
    if order.status in ("cancelled", "returned"):
        return f"订单{order.id}{label}。" if zh else f"Order {order.id} is {label}."
    # A delivered order says when it was delivered, and by whom.
    if (order.status == "delivered" and order.carrier is not None
            and order.tracking_number is not None):
        if zh:
            on = "" if delivered is None else f"于{delivered}"
            return f"订单{order.id}已{on}签收，承运商{order.carrier}，运单号{order.tracking_number}。"
        on = "" if delivered is None else f" on {delivered}"
        return (f"Order {order.id} was delivered{on} by {order.carrier}, "
                f"tracking number {order.tracking_number}.")
    if order.carrier is not None and order.tracking_number is not None:
        eta = eta_sentence(order, today, zh)
        if zh:
            return f"订单{order.id}{label}，承运商{order.carrier}，运单号{order.tracking_number}。{eta}"
        return (f"Order {order.id} has {label} with {order.carrier}, "
                f"tracking number {order.tracking_number}.{eta}")
    if zh:
        return f"订单{order.id}目前{label}，发货后会第一时间提供物流单号。"
    return f"Order {order.id} is {label}. We'll share tracking as soon as it ships."


def format_money(amount_minor: int, currency: str) -> str:
    """The amount as a shopper reads it: `$22.00`, `¥88.00`, `22.00 CHF`."""
    number = f"{amount_minor // 100}.{amount_minor % 100:02}"
    symbol = SYMBOLS.get(currency)
    return f"{number} {currency}" if symbol is None else f"{symbol}{number}"


def slot(request: Request, name: str) -> str | None:
    return next((s.value for s in request.slots if s.name == name), None)


def order_or_fail(order_id: str) -> Order:
    try:
        return orders.get_order(order_id)
    except Err as e:
        raise Err(plugin_error(e.value, order_id))


def delivered_on_if_known(order_id: str) -> str | None:
    try:
        return orders.delivered_on(order_id)
    except Err:
        return None


def plugin_error(error, what: str) -> PluginError:
    """A failed host call as the plugin error a turn returns for it (as the Rust SDK does)."""
    if isinstance(error, HostError_NotFound):
        return PluginError_NotFound(what)
    if isinstance(error, (HostError_AccessDenied, HostError_LimitExceeded)):
        return PluginError_Internal(error.value)
    if isinstance(error, HostError_Unavailable):
        return PluginError_Unavailable(error.value)
    return PluginError_Internal(str(error))
