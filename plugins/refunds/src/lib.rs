//! kefu's reference refunds plugin: applies the shop's refund policy and proposes refunds;
//! the money only moves in `commit`, after the shopper confirmed, within the caps of
//! `manifest.toml`.
//!
//! Policy: a delivered order can be refunded within 30 days of delivery, up to what has not
//! been refunded yet; an order still being prepared or on its way cannot (cancel it, or wait
//! for it), unless it is more than [`LOST_AFTER_DAYS`] past the day it was due: then it is
//! treated as lost in transit and refunded in full (above the bot's caps kefu hands that to
//! a person). kefu only asks this plugin about orders the shopper has proven are theirs.
//! Delivery claims (damaged, wrong or missing items, parcels not received) are settled by
//! the policy in [`claims`].
mod claims;

use kefu_plugin_sdk::{
    Action, Description, Guest, HostError, PluginError, RefundProposal, Reply, Request, clock,
    days_between, export_plugin, format_money, orders, refunds,
};

/// Days after delivery within which a refund may be asked for.
pub(crate) const WINDOW_DAYS: i64 = 30;

/// Days past its expected delivery after which a parcel still on its way counts as lost.
pub(crate) const LOST_AFTER_DAYS: i64 = 5;

struct Refunds;

pub(crate) fn host(e: HostError, what: &str) -> PluginError {
    e.into_plugin_error(what)
}

pub(crate) fn already_refunded(order_id: &str) -> Result<u64, PluginError> {
    Ok(refunds::refunds_for_order(order_id)
        .map_err(|e| host(e, order_id))?
        .iter()
        .map(|r| r.amount_minor)
        .sum())
}

fn propose(request: &Request, id: &str) -> Result<Reply, PluginError> {
    let zh = request.is_zh();
    let order = orders::get_order(id).map_err(|e| host(e, id))?;
    let refusal =
        |en: String, zh_text: String| Err(PluginError::NotAllowed(if zh { zh_text } else { en }));
    // The day a parcel still on its way was due, when that is long enough ago to count it
    // lost (compared with the call's frozen clock, so a replay decides the same).
    let lost_since = order.eta.clone().filter(|due| {
        order.status == "shipped"
            && days_between(due, &clock::today()).is_some_and(|d| d > LOST_AFTER_DAYS)
    });
    match order.status.as_str() {
        "delivered" => {}
        "shipped" if lost_since.is_some() => {}
        "processing" => {
            return refusal(
                format!(
                    "Order {id} hasn't shipped yet, so there is nothing to refund: it can be cancelled free of charge instead."
                ),
                format!("订单{id}还未发货，暂时无需退款：可以免费取消订单。"),
            );
        }
        "shipped" => {
            return refusal(
                format!(
                    "Order {id} is still on its way. Once it's delivered, you can return it within {WINDOW_DAYS} days for a refund."
                ),
                format!("订单{id}正在配送途中。签收后{WINDOW_DAYS}天内可以申请退货退款。"),
            );
        }
        other => {
            return refusal(
                format!("Order {id} is {other}, so it can't be refunded here."),
                format!("订单{id}当前状态为{other}，无法在这里申请退款。"),
            );
        }
    }
    if let Some(delivered) = order.eta.as_ref().filter(|_| lost_since.is_none())
        && days_between(delivered, &clock::today()).is_some_and(|d| d > WINDOW_DAYS)
    {
        return refusal(
            format!(
                "Order {id} was delivered on {delivered}, more than {WINDOW_DAYS} days ago, so it is outside our refund window."
            ),
            format!("订单{id}已于{delivered}签收，超过{WINDOW_DAYS}天退款期限。"),
        );
    }
    let refundable = order.total_minor.saturating_sub(already_refunded(id)?);
    if refundable == 0 {
        return refusal(
            format!("Order {id} has already been refunded in full."),
            format!("订单{id}已全额退款。"),
        );
    }
    // A smaller amount the shopper asked for; never more than what is left.
    let amount = match request.amount() {
        Some((asked, currency)) if currency == order.currency && asked > 0 => asked.min(refundable),
        _ => refundable,
    };
    let money = format_money(amount, &order.currency);
    let text = match (&lost_since, zh) {
        (Some(due), false) => format!(
            "I'm sorry: order {id} was due on {due} and still hasn't arrived, so we treat it as lost in transit. I can refund {money}; please confirm below."
        ),
        (Some(due), true) => {
            format!(
                "非常抱歉，订单{id}原定{due}送达，至今未到，我们按运输途中丢失处理，可以为您退款{money}，请在下方确认。"
            )
        }
        (None, false) => format!("Order {id} can be refunded {money}. Please confirm below."),
        (None, true) => format!("订单{id}符合退款条件，可退{money}。请确认是否退款。"),
    };
    Ok(Reply {
        text,
        cards: vec![],
        proposal: Some(Action::Refund(RefundProposal {
            order_id: id.to_string(),
            amount_minor: amount,
            currency: order.currency,
            reason: if lost_since.is_some() {
                "lost in transit".into()
            } else {
                "shopper request".into()
            },
            terms: terms(zh),
        })),
    })
}

/// What the shopper agrees to with a refund, in their language.
pub(crate) fn terms(zh: bool) -> String {
    if zh {
        "退回原支付方式，5个工作日内到账。".into()
    } else {
        "Refunded to your original payment method; it shows up within 5 business days.".into()
    }
}

fn status(request: &Request, id: &str) -> Result<Reply, PluginError> {
    let zh = request.is_zh();
    let issued = refunds::refunds_for_order(id).map_err(|e| host(e, id))?;
    let text = match (issued.as_slice(), zh) {
        ([], false) => format!("No refund has been issued for order {id}."),
        ([], true) => format!("订单{id}目前没有退款记录。"),
        (list, false) => {
            let lines: Vec<String> = list
                .iter()
                .map(|r| {
                    format!(
                        "{} (reference {})",
                        format_money(r.amount_minor, &r.currency),
                        r.reference
                    )
                })
                .collect();
            format!(
                "Refunds issued for order {id}: {}. They show up on your original payment method within 5 business days.",
                lines.join(", ")
            )
        }
        (list, true) => {
            let lines: Vec<String> = list
                .iter()
                .map(|r| {
                    format!(
                        "{}（退款单号{}）",
                        format_money(r.amount_minor, &r.currency),
                        r.reference
                    )
                })
                .collect();
            format!(
                "订单{id}已退款：{}。款项将在5个工作日内退回原支付方式。",
                lines.join("，")
            )
        }
    };
    Ok(Reply {
        text,
        cards: vec![],
        proposal: None,
    })
}

impl Guest for Refunds {
    fn describe() -> Description {
        Description {
            intents: vec![
                "get_refund".into(),
                "track_refund".into(),
                "report_damaged".into(),
                "report_wrong_item".into(),
                "report_missing_item".into(),
                "report_not_received".into(),
            ],
            slots: vec!["order-number".into(), "amount".into()],
        }
    }

    fn handle(request: Request) -> Result<Reply, PluginError> {
        let Some(id) = request.slot("order-number").map(str::to_string) else {
            return Err(PluginError::MissingSlot("order-number".into()));
        };
        // kefu checks ownership before asking; refuse anyway if it did not.
        if !request.owner_verified {
            return Err(PluginError::Internal(
                "ownership of the order is not proven".into(),
            ));
        }
        match request.intent.as_str() {
            "get_refund" => propose(&request, &id),
            "track_refund" => status(&request, &id),
            intent if claims::kind(intent).is_some() => claims::propose(&request, &id),
            other => Err(PluginError::Internal(format!(
                "not a refunds intent: {other}"
            ))),
        }
    }

    fn commit(action: Action) -> Result<Reply, PluginError> {
        let Action::Refund(r) = action else {
            return Err(PluginError::Internal(
                "the refunds plugin only refunds".into(),
            ));
        };
        let reference = refunds::issue_refund(&r.order_id, r.amount_minor, &r.currency, &r.reason)
            .map_err(|e| host(e, &r.order_id))?;
        let money = format_money(r.amount_minor, &r.currency);
        // The terms were written in the shopper's language; answer in the same one.
        let zh = r
            .terms
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        let text = if zh {
            format!(
                "已为订单{}退款{money}，退款单号{reference}。{}",
                r.order_id, r.terms
            )
        } else {
            format!(
                "Done: {money} refunded for order {} (reference {reference}). {}",
                r.order_id, r.terms
            )
        };
        Ok(Reply {
            text,
            cards: vec![],
            proposal: None,
        })
    }
}

export_plugin!(Refunds);
