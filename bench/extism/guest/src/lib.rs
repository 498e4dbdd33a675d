//! kefu's reference orders plugin, written the way an Extism plug-in is: JSON in, a host
//! function for the order lookup, JSON out. Same decisions and text as plugins/orders.
use extism_pdk::*;
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
struct Request {
    locale: String,
    slots: Vec<(String, String)>,
}

#[derive(Deserialize)]
struct Order {
    id: String,
    status: String,
    carrier: Option<String>,
    tracking_number: Option<String>,
    eta: Option<String>,
}

#[derive(Serialize)]
struct Card {
    order_id: String,
    status: String,
    status_label: String,
    carrier: Option<String>,
    tracking_number: Option<String>,
    eta: Option<String>,
}

#[derive(Serialize)]
struct Reply {
    text: String,
    cards: Vec<Card>,
}

#[host_fn]
extern "ExtismHost" {
    fn get_order(id: String) -> String;
}

fn status_label(status: &str, zh: bool) -> String {
    match (status, zh) {
        ("processing", false) => "being prepared",
        ("processing", true) => "备货中",
        ("shipped", false) => "shipped",
        ("shipped", true) => "已发货",
        ("delivered", false) => "delivered",
        ("delivered", true) => "已签收",
        (other, _) => other,
    }
    .to_string()
}

#[plugin_fn]
pub fn handle(input: String) -> FnResult<String> {
    let request: Request = serde_json::from_str(&input)?;
    let zh = request.locale.starts_with("zh");
    let Some((_, id)) = request.slots.iter().find(|(k, _)| k == "order-number") else {
        return Err(WithReturnCode::new(Error::msg("missing slot order-number"), 2));
    };
    let found = unsafe { get_order(id.clone())? };
    if found.is_empty() {
        return Err(WithReturnCode::new(Error::msg("not found"), 3));
    }
    let order: Order = serde_json::from_str(&found)?;
    let label = status_label(&order.status, zh);
    let text = match (&order.carrier, &order.tracking_number, zh) {
        (Some(c), Some(t), false) => {
            let eta = order.eta.as_ref().map(|d| format!(" It should arrive by {d}.")).unwrap_or_default();
            format!("Order {} has {label} with {c}, tracking number {t}.{eta}", order.id)
        }
        (Some(c), Some(t), true) => {
            let eta = order.eta.as_ref().map(|d| format!("预计{d}送达。")).unwrap_or_default();
            format!("订单{}{label}，承运商{c}，运单号{t}。{eta}", order.id)
        }
        (_, _, false) => format!("Order {} is {label}. We'll share tracking as soon as it ships.", order.id),
        (_, _, true) => format!("订单{}目前{label}，发货后会第一时间提供物流单号。", order.id),
    };
    let reply = Reply {
        text,
        cards: vec![Card {
            order_id: order.id.clone(),
            status: order.status.clone(),
            status_label: label,
            carrier: order.carrier,
            tracking_number: order.tracking_number,
            eta: order.eta,
        }],
    };
    Ok(serde_json::to_string(&reply)?)
}
