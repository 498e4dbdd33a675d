//! kefu's reference orders plugin: tells a shopper where their order is, and cancels an
//! order that has not shipped once the shopper confirms (kefu only asks about orders the
//! shopper has proven are theirs).
//!
//! It reads the order through the host's `orders` import (granted in `manifest.toml`) and
//! answers with a sentence in the shopper's language and an order-status card. It never sees
//! the shopper's address or payment details: the host does not hand them out.
use kefu_plugin_sdk::{
    Action, AddressProposal, CancelProposal, Card, Description, Guest, HostError, Order,
    OrderStatusCard, PluginError, Reply, Request, clock, export_plugin, format_money, orders,
};

struct Orders;

fn status_label(status: &str, zh: bool) -> String {
    let label = match (status, zh) {
        ("processing", false) => "being prepared",
        ("processing", true) => "备货中",
        ("shipped", false) => "shipped",
        ("shipped", true) => "已发货",
        ("delivered", false) => "delivered",
        ("delivered", true) => "已签收",
        ("cancelled", false) => "cancelled",
        ("cancelled", true) => "已取消",
        ("returned", false) => "returned",
        ("returned", true) => "已退货",
        (other, _) => other,
    };
    label.to_string()
}

/// What to say about the expected date, read against `today` (the call's frozen clock, so
/// a replay says the same): a date still ahead is a promise of the carrier's; a date that has
/// passed is said to have passed, never as if it were still to come; a delivered order needs
/// none.
fn eta_sentence(order: &Order, today: &str, zh: bool) -> String {
    let Some(eta) = order.eta.as_deref() else {
        return String::new();
    };
    match (order.status.as_str(), eta < today, zh) {
        ("delivered", ..) => String::new(),
        (_, false, false) => format!(" It should arrive by {eta}."),
        (_, false, true) => format!("预计{eta}送达。"),
        (_, true, false) => format!(
            " It was due on {eta}, so it is running late: sorry about that. If it has not \
             arrived in the next two days, ask for a person and our team will trace it."
        ),
        (_, true, true) => {
            format!(
                "原定{eta}送达，目前已延误，非常抱歉。如两天内仍未收到，请转人工，我们会为您追查。"
            )
        }
    }
}

/// What to say about `order` on `today`; `delivered_on` is the day the carrier marked it
/// delivered, when it was and the shop knows it.
fn describe_order(order: &Order, delivered_on: Option<&str>, today: &str, zh: bool) -> String {
    let label = status_label(&order.status, zh);
    if matches!(order.status.as_str(), "cancelled" | "returned") {
        return if zh {
            format!("订单{}{label}。", order.id)
        } else {
            format!("Order {} is {label}.", order.id)
        };
    }
    // A delivered order says when it was delivered, and by whom.
    if order.status == "delivered"
        && let (Some(carrier), Some(tracking)) = (&order.carrier, &order.tracking_number)
    {
        return match (delivered_on, zh) {
            (Some(day), false) => format!(
                "Order {} was delivered on {day} by {carrier}, tracking number {tracking}.",
                order.id
            ),
            (None, false) => format!(
                "Order {} was delivered by {carrier}, tracking number {tracking}.",
                order.id
            ),
            (Some(day), true) => format!(
                "订单{}已于{day}签收，承运商{carrier}，运单号{tracking}。",
                order.id
            ),
            (None, true) => format!(
                "订单{}已签收，承运商{carrier}，运单号{tracking}。",
                order.id
            ),
        };
    }
    match (&order.carrier, &order.tracking_number, zh) {
        (Some(carrier), Some(tracking), false) => {
            let eta = eta_sentence(order, today, false);
            format!(
                "Order {} has {label} with {carrier}, tracking number {tracking}.{eta}",
                order.id
            )
        }
        (Some(carrier), Some(tracking), true) => {
            let eta = eta_sentence(order, today, true);
            format!(
                "订单{}{label}，承运商{carrier}，运单号{tracking}。{eta}",
                order.id
            )
        }
        (_, _, false) => format!(
            "Order {} is {label}. We'll share tracking as soon as it ships.",
            order.id
        ),
        (_, _, true) => format!(
            "订单{}目前{label}，发货后会第一时间提供物流单号。",
            order.id
        ),
    }
}

impl Guest for Orders {
    fn describe() -> Description {
        Description {
            intents: vec![
                "track_order".into(),
                "cancel_order".into(),
                "change_shipping_address".into(),
            ],
            slots: vec!["order-number".into()],
        }
    }

    fn handle(request: Request) -> Result<Reply, PluginError> {
        let zh = request.is_zh();
        let Some(id) = request.slot("order-number") else {
            return Err(PluginError::MissingSlot("order-number".into()));
        };
        match request.intent.as_str() {
            "cancel_order" => return propose_cancel(&request, id),
            "change_shipping_address" => return propose_address(&request, id),
            _ => {}
        }
        let order = orders::get_order(id).map_err(|e: HostError| e.into_plugin_error(id))?;
        // The day it was delivered is said when the shop knows it; without it, the rest is.
        let delivered_on = if order.status == "delivered" {
            orders::delivered_on(id).ok().flatten()
        } else {
            None
        };
        let card = OrderStatusCard {
            order_id: order.id.clone(),
            status: order.status.clone(),
            status_label: status_label(&order.status, zh),
            carrier: order.carrier.clone(),
            tracking_number: order.tracking_number.clone(),
            eta: order.eta.clone(),
        };
        Ok(Reply {
            text: describe_order(&order, delivered_on.as_deref(), &clock::today(), zh),
            cards: vec![Card::OrderStatus(card)],
            proposal: None,
        })
    }

    fn commit(action: Action) -> Result<Reply, PluginError> {
        let c = match action {
            Action::CancelOrder(c) => c,
            Action::ChangeAddress(a) => return commit_address(a),
            Action::Refund(_) => {
                return Err(PluginError::Internal(
                    "the orders plugin issues no refunds".into(),
                ));
            }
        };
        let zh = c
            .terms
            .chars()
            .any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch));
        match orders::cancel_order(&c.order_id) {
            Ok(()) => {}
            Err(HostError::LimitExceeded(_)) => {
                return Err(PluginError::NotAllowed(if zh {
                    format!(
                        "订单{}刚刚已发货，无法取消了。签收后可以申请退货。",
                        c.order_id
                    )
                } else {
                    format!(
                        "Order {} shipped in the meantime, so it can't be cancelled any more; you can return it once it arrives.",
                        c.order_id
                    )
                }));
            }
            Err(e) => return Err(e.into_plugin_error(&c.order_id)),
        }
        let text = if zh {
            format!("订单{}已取消。{}", c.order_id, c.terms)
        } else {
            format!("Done: order {} is cancelled. {}", c.order_id, c.terms)
        };
        Ok(Reply {
            text,
            cards: vec![],
            proposal: None,
        })
    }
}

/// Proposes sending order `id` to the address in the `address` slot, if it has not shipped.
fn propose_address(request: &Request, id: &str) -> Result<Reply, PluginError> {
    let zh = request.is_zh();
    if !request.owner_verified {
        return Err(PluginError::Internal(
            "ownership of the order is not proven".into(),
        ));
    }
    let order = orders::get_order(id).map_err(|e| e.into_plugin_error(id))?;
    if order.status != "processing" {
        return Err(PluginError::NotAllowed(if zh {
            format!("订单{id}已发货，无法修改收货地址。")
        } else {
            format!("Order {id} has already left our warehouse, so its address can't be changed.")
        }));
    }
    // Asked for only once the order can still change.
    let Some(address) = request.slot("address") else {
        return Err(PluginError::MissingSlot("address".into()));
    };
    let address = address.trim();
    if address.chars().count() < 10 || address.chars().count() > 300 {
        return Err(PluginError::NotAllowed(if zh {
            "这个地址看起来不完整，请提供完整的收货地址。".into()
        } else {
            "That doesn't look like a full address; please send the whole address.".into()
        }));
    }
    let (text, terms) = if zh {
        (
            format!("订单{id}还未发货，可以改寄到新地址。请确认："),
            "确认后将按新地址发货。".to_string(),
        )
    } else {
        (
            format!(
                "Order {id} hasn't shipped yet, so it can go to the new address. Please confirm:"
            ),
            "The parcel will be sent to this address.".to_string(),
        )
    };
    Ok(Reply {
        text,
        cards: vec![],
        proposal: Some(Action::ChangeAddress(AddressProposal {
            order_id: id.to_string(),
            address: address.to_string(),
            terms,
        })),
    })
}

fn commit_address(a: AddressProposal) -> Result<Reply, PluginError> {
    let zh = a
        .terms
        .chars()
        .any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch));
    match orders::change_address(&a.order_id, &a.address) {
        Ok(()) => {}
        Err(HostError::LimitExceeded(_)) => {
            return Err(PluginError::NotAllowed(if zh {
                format!("订单{}刚刚已发货，地址无法修改了。", a.order_id)
            } else {
                format!(
                    "Order {} shipped in the meantime, so its address can't change any more.",
                    a.order_id
                )
            }));
        }
        Err(e) => return Err(e.into_plugin_error(&a.order_id)),
    }
    let text = if zh {
        format!("好的，订单{}将寄往新地址。", a.order_id)
    } else {
        format!("Done: order {} will go to the new address.", a.order_id)
    };
    Ok(Reply {
        text,
        cards: vec![],
        proposal: None,
    })
}

/// Proposes cancelling order `id` if it has not shipped.
fn propose_cancel(request: &Request, id: &str) -> Result<Reply, PluginError> {
    let zh = request.is_zh();
    if !request.owner_verified {
        return Err(PluginError::Internal(
            "ownership of the order is not proven".into(),
        ));
    }
    let order = orders::get_order(id).map_err(|e| e.into_plugin_error(id))?;
    match order.status.as_str() {
        "processing" => {}
        "cancelled" => {
            return Err(PluginError::NotAllowed(if zh {
                format!("订单{id}已经取消了。")
            } else {
                format!("Order {id} is already cancelled.")
            }));
        }
        _ => {
            return Err(PluginError::NotAllowed(if zh {
                format!("订单{id}已发货，无法取消。签收后30天内可以申请退货。")
            } else {
                format!(
                    "Order {id} has already shipped, so it can't be cancelled. Once it arrives you can return it within 30 days."
                )
            }));
        }
    }
    let money = format_money(order.total_minor, &order.currency);
    let (text, terms) = if zh {
        (
            format!("订单{id}还未发货，可以取消。请确认是否取消。"),
            format!("{money}将在5个工作日内退回原支付方式。"),
        )
    } else {
        (
            format!(
                "Order {id} hasn't shipped yet, so it can still be cancelled. Please confirm below."
            ),
            format!("{money} goes back to your original payment method within 5 business days."),
        )
    };
    Ok(Reply {
        text,
        cards: vec![],
        proposal: Some(Action::CancelOrder(CancelProposal {
            order_id: id.to_string(),
            refund_minor: order.total_minor,
            currency: order.currency,
            terms,
        })),
    })
}

export_plugin!(Orders);
