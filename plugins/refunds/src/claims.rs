//! Delivery claims the shop settles itself: a damaged, wrong or missing item, or a parcel
//! the carrier marked delivered that never arrived. A refund is proposed (the shopper
//! confirms it; money moves only in `commit`); anything this policy does not cover is
//! refused with the reason, and kefu hands the claim to a person.
//!
//! Policy: the order must be delivered, on a day the shop knows (`orders.delivered-on`,
//! compared with the call's frozen clock). An item claim is settled within
//! [`WINDOW_DAYS`] of delivery, for one unit when the order is one product (which item
//! of a mixed order is a person's to find out). A parcel not received is refunded in full
//! within [`NOT_RECEIVED_DAYS`] of the carrier's delivery scan; later, a person looks into
//! it with the carrier.
use kefu_plugin_sdk::{
    Action, Order, PluginError, RefundProposal, Reply, Request, clock, days_between, format_money,
    orders,
};

use crate::{WINDOW_DAYS, already_refunded, host, terms};

/// Days after the carrier's delivery scan within which a parcel not received is refunded.
pub const NOT_RECEIVED_DAYS: i64 = 14;

/// The claim an intent reports, if it is one: (reason for the ledger, English, Chinese).
pub fn kind(intent: &str) -> Option<(&'static str, &'static str, &'static str)> {
    Some(match intent {
        "report_damaged" => ("damaged item", "arrived damaged", "商品损坏"),
        "report_wrong_item" => ("wrong item", "was the wrong item", "发错了商品"),
        "report_missing_item" => ("missing item", "was missing from the parcel", "商品缺件"),
        "report_not_received" => ("not received", "never arrived", "显示签收但未收到"),
        _ => return None,
    })
}

/// A refund for the claim `intent` on order `id`, or the reason the shop's policy does not
/// settle it here.
pub fn propose(request: &Request, id: &str) -> Result<Reply, PluginError> {
    let zh = request.is_zh();
    let Some((reason, what_en, what_zh)) = kind(&request.intent) else {
        return Err(PluginError::Internal(format!(
            "not a claim: {}",
            request.intent
        )));
    };
    let refuse =
        |en: String, zh_text: String| Err(PluginError::NotAllowed(if zh { zh_text } else { en }));
    let order = orders::get_order(id).map_err(|e| host(e, id))?;
    if order.status != "delivered" {
        let (en, zh_text) = not_delivered(id, &order);
        return refuse(en, zh_text);
    }
    let Some(delivered) = orders::delivered_on(id).map_err(|e| host(e, id))? else {
        return refuse(
            format!(
                "I don't have the delivery date of order {id}, so I can't settle this claim myself."
            ),
            format!("没有查到订单{id}的签收日期，这个问题我无法直接处理。"),
        );
    };
    let today = clock::today();
    let days = days_between(&delivered, &today).unwrap_or(i64::MAX).max(0);
    let not_received = request.intent == "report_not_received";
    let window = if not_received {
        NOT_RECEIVED_DAYS
    } else {
        WINDOW_DAYS
    };
    if days > window {
        return refuse(
            format!(
                "Order {id} was marked delivered on {delivered}, more than {window} days ago, so I can't settle this claim myself."
            ),
            format!("订单{id}已于{delivered}显示签收，超过{window}天，这个问题我无法直接处理。"),
        );
    }
    let refundable = order.total_minor.saturating_sub(already_refunded(id)?);
    if refundable == 0 {
        return refuse(
            format!("Order {id} has already been refunded in full."),
            format!("订单{id}已全额退款。"),
        );
    }
    let (amount, what) = if not_received {
        (refundable, None)
    } else {
        // One unit of the order's one product; a mixed order needs a person to see which.
        let [line] = order.items.as_slice() else {
            return refuse(
                format!(
                    "Order {id} has several different items, so a person needs to check which one this is about."
                ),
                format!("订单{id}包含多种商品，需要工作人员确认是哪一件。"),
            );
        };
        let unit = order.total_minor / u64::from(line.quantity.max(1));
        (unit.min(refundable), Some(line.name.clone()))
    };
    let money = format_money(amount, &order.currency);
    let text = match (zh, what) {
        (false, Some(name)) => format!(
            "I'm sorry the {name} from order {id} {what_en}. I can refund {money} for it; please confirm below."
        ),
        // A parcel not received: the carrier's scan is said, so the shopper sees what the
        // shop's records show.
        (false, None) => format!(
            "I'm sorry order {id} {what_en}: the carrier marked it delivered on {delivered}. I can refund the order's {money}; please confirm below."
        ),
        (true, Some(name)) => {
            format!("非常抱歉，订单{id}的{name}{what_zh}。可以为您退款{money}，请在下方确认。")
        }
        (true, None) => format!(
            "非常抱歉，订单{id}于{delivered}显示签收，但您没有收到。可以为您退回订单金额{money}，请在下方确认。"
        ),
    };
    Ok(Reply {
        text,
        cards: vec![],
        proposal: Some(Action::Refund(RefundProposal {
            order_id: id.to_string(),
            amount_minor: amount,
            currency: order.currency,
            reason: reason.into(),
            terms: terms(zh),
        })),
    })
}

/// Why a claim on an order not delivered cannot be settled, said with where the order is: not
/// shipped yet, or on its way and late (its expected date before today, by the call's frozen
/// clock), or on its way.
fn not_delivered(id: &str, order: &Order) -> (String, String) {
    let today = clock::today();
    let late = order
        .eta
        .as_deref()
        .filter(|eta| days_between(eta, &today).is_some_and(|d| d > 0));
    match (order.status.as_str(), late) {
        ("processing", _) => (
            format!(
                "Order {id} hasn't shipped yet: it's still being prepared, so I can't settle this claim myself."
            ),
            format!("订单{id}还没有发货，仍在处理中，这个问题我无法直接处理。"),
        ),
        ("shipped", Some(eta)) => (
            format!(
                "Order {id} hasn't been delivered yet and it's late: it was expected on {eta}. I'm sorry about the delay. I can't settle this claim myself."
            ),
            format!(
                "订单{id}还没有签收，已经晚了：预计送达日期是{eta}。很抱歉出现延误，这个问题我无法直接处理。"
            ),
        ),
        _ => (
            format!("Order {id} hasn't been delivered yet, so I can't settle this claim myself."),
            format!("订单{id}尚未签收，这个问题我无法直接处理。"),
        ),
    }
}
