//! Between the WIT types plugins see and kefu's own types. The only file that knows both.

use kefu_protocol::Card;

use super::bindings::types as wit;
use crate::store::OrderRecord;

/// What a plugin may see of an order: no email, no address.
pub fn order_to_wit(o: OrderRecord) -> wit::Order {
    wit::Order {
        id: o.id,
        status: o.status,
        carrier: o.carrier,
        tracking_number: o.tracking_number,
        eta: o.eta,
        total_minor: o.total_minor,
        currency: o.currency,
        items: o
            .items
            .into_iter()
            .map(|i| wit::OrderItem {
                sku: i.sku,
                name: i.name,
                quantity: i.quantity,
            })
            .collect(),
    }
}

/// A plugin's card as the widget renders it.
pub fn card_from_wit(card: wit::Card) -> Card {
    match card {
        wit::Card::OrderStatus(c) => Card::OrderStatus {
            order_id: c.order_id,
            status: c.status,
            status_label: c.status_label,
            carrier: c.carrier,
            tracking_number: c.tracking_number,
            eta: c.eta,
        },
        wit::Card::QuickReplies(options) => Card::QuickReplies { options },
    }
}
