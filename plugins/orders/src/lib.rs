//! kefu's reference orders plugin: tells a shopper where their order is.
//!
//! It reads the order through the host's `orders` import (granted in `manifest.toml`) and
//! answers with a sentence in the shopper's language and an order-status card. It never sees
//! the shopper's address or payment details: the host does not hand them out.
use kefu_plugin_sdk::{
    Action, Card, Description, Guest, HostError, Order, OrderStatusCard, PluginError, Reply,
    Request, export_plugin, orders,
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

fn describe_order(order: &Order, zh: bool) -> String {
    let label = status_label(&order.status, zh);
    match (&order.carrier, &order.tracking_number, zh) {
        (Some(carrier), Some(tracking), false) => {
            let eta = order
                .eta
                .as_ref()
                .map(|d| format!(" It should arrive by {d}."))
                .unwrap_or_default();
            format!(
                "Order {} has {label} with {carrier}, tracking number {tracking}.{eta}",
                order.id
            )
        }
        (Some(carrier), Some(tracking), true) => {
            let eta = order
                .eta
                .as_ref()
                .map(|d| format!("预计{d}送达。"))
                .unwrap_or_default();
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
            intents: vec!["track_order".into()],
            slots: vec!["order-number".into()],
        }
    }

    fn handle(request: Request) -> Result<Reply, PluginError> {
        let zh = request.is_zh();
        let Some(id) = request.slot("order-number") else {
            return Err(PluginError::MissingSlot("order-number".into()));
        };
        let order = orders::get_order(id).map_err(|e: HostError| e.into_plugin_error(id))?;
        let card = OrderStatusCard {
            order_id: order.id.clone(),
            status: order.status.clone(),
            status_label: status_label(&order.status, zh),
            carrier: order.carrier.clone(),
            tracking_number: order.tracking_number.clone(),
            eta: order.eta.clone(),
        };
        Ok(Reply {
            text: describe_order(&order, zh),
            cards: vec![Card::OrderStatus(card)],
            proposal: None,
        })
    }

    fn commit(_action: Action) -> Result<Reply, PluginError> {
        Err(PluginError::Internal(
            "the orders plugin proposes no actions".into(),
        ))
    }
}

export_plugin!(Orders);
