//! Between the WIT types plugins see and kefu's own types. The only file that knows both.

use kefu_protocol::Card;

use super::bindings::{types as wit, v0_1};
use super::error::CallError;
use super::types::{Description, PluginReply, PluginRequest, Proposal};
use crate::domain::{OrderRecord, ProductRecord, RefundRecord};

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

/// The same, for plugins built against 0.1.0.
pub fn order_to_v0_1(o: OrderRecord) -> v0_1::types::Order {
    let o = order_to_wit(o);
    v0_1::types::Order {
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
            .map(|i| v0_1::types::OrderItem {
                sku: i.sku,
                name: i.name,
                quantity: i.quantity,
            })
            .collect(),
    }
}

/// A host error for a 0.1.0 plugin (which has no `limit-exceeded`).
pub fn host_error_to_v0_1(e: wit::HostError) -> v0_1::types::HostError {
    match e {
        wit::HostError::AccessDenied(why) => v0_1::types::HostError::AccessDenied(why),
        wit::HostError::NotFound => v0_1::types::HostError::NotFound,
        wit::HostError::Unavailable(why) | wit::HostError::LimitExceeded(why) => {
            v0_1::types::HostError::Unavailable(why)
        }
    }
}

pub fn product_to_wit(p: ProductRecord) -> wit::Product {
    wit::Product {
        sku: p.sku,
        name: p.name,
        name_zh: p.name_zh,
        description: p.description,
        description_zh: p.description_zh,
        price_minor: p.price_minor,
        currency: p.currency,
        stock: p.stock,
    }
}

pub fn refund_to_wit(r: RefundRecord) -> wit::RefundRecord {
    wit::RefundRecord {
        reference: r.reference,
        order_id: r.order_id,
        amount_minor: r.amount_minor,
        currency: r.currency,
        issued_at: r.issued_at,
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
        wit::Card::Product(p) => Card::Product {
            sku: p.sku,
            name: p.name,
            price_minor: p.price_minor,
            currency: p.currency,
            stock: p.stock,
        },
    }
}

pub fn reply_from_wit(reply: wit::Reply) -> PluginReply {
    PluginReply {
        text: reply.text,
        cards: reply.cards.into_iter().map(card_from_wit).collect(),
        proposal: reply.proposal.map(|a| match a {
            wit::Action::Refund(r) => Proposal::Refund {
                order_id: r.order_id,
                amount_minor: r.amount_minor,
                currency: r.currency,
                reason: r.reason,
                terms: r.terms,
            },
            wit::Action::ChangeAddress(a) => Proposal::ChangeAddress {
                order_id: a.order_id,
                address: a.address,
                terms: a.terms,
            },
            wit::Action::CancelOrder(c) => Proposal::CancelOrder {
                order_id: c.order_id,
                amount_minor: c.refund_minor,
                currency: c.currency,
                terms: c.terms,
            },
        }),
    }
}

pub fn reply_from_v0_1(reply: v0_1::types::Reply) -> PluginReply {
    PluginReply {
        text: reply.text,
        cards: reply
            .cards
            .into_iter()
            .map(|c| match c {
                v0_1::types::Card::OrderStatus(c) => Card::OrderStatus {
                    order_id: c.order_id,
                    status: c.status,
                    status_label: c.status_label,
                    carrier: c.carrier,
                    tracking_number: c.tracking_number,
                    eta: c.eta,
                },
                v0_1::types::Card::QuickReplies(options) => Card::QuickReplies { options },
            })
            .collect(),
        proposal: None,
    }
}

pub fn action_to_wit(p: &Proposal) -> wit::Action {
    match p {
        Proposal::Refund {
            order_id,
            amount_minor,
            currency,
            reason,
            terms,
        } => wit::Action::Refund(wit::RefundProposal {
            order_id: order_id.clone(),
            amount_minor: *amount_minor,
            currency: currency.clone(),
            reason: reason.clone(),
            terms: terms.clone(),
        }),
        Proposal::ChangeAddress {
            order_id,
            address,
            terms,
        } => wit::Action::ChangeAddress(wit::AddressProposal {
            order_id: order_id.clone(),
            address: address.clone(),
            terms: terms.clone(),
        }),
        Proposal::CancelOrder {
            order_id,
            amount_minor,
            currency,
            terms,
        } => wit::Action::CancelOrder(wit::CancelProposal {
            order_id: order_id.clone(),
            refund_minor: *amount_minor,
            currency: currency.clone(),
            terms: terms.clone(),
        }),
    }
}

pub fn description_from_wit(d: wit::Description) -> Description {
    Description {
        intents: d.intents,
        slots: d.slots,
    }
}

pub fn description_from_v0_1(d: v0_1::types::Description) -> Description {
    Description {
        intents: d.intents,
        slots: d.slots,
    }
}

pub fn request_to_wit(r: &PluginRequest) -> wit::Request {
    wit::Request {
        intent: r.intent.clone(),
        locale: r.locale.clone(),
        text: r.text.clone(),
        slots: r
            .slots
            .iter()
            .map(|(name, value)| wit::Slot {
                name: name.clone(),
                value: value.clone(),
            })
            .collect(),
        owner_verified: r.owner_verified,
    }
}

/// The request for a plugin built against 0.1.0 (which is never told about ownership).
pub fn request_to_v0_1(r: &wit::Request) -> v0_1::types::Request {
    v0_1::types::Request {
        intent: r.intent.clone(),
        locale: r.locale.clone(),
        text: r.text.clone(),
        slots: r
            .slots
            .iter()
            .map(|s| v0_1::types::Slot {
                name: s.name.clone(),
                value: s.value.clone(),
            })
            .collect(),
    }
}

pub fn plugin_error_from_v0_1(e: v0_1::types::PluginError) -> wit::PluginError {
    match e {
        v0_1::types::PluginError::NotFound(w) => wit::PluginError::NotFound(w),
        v0_1::types::PluginError::MissingSlot(w) => wit::PluginError::MissingSlot(w),
        v0_1::types::PluginError::Unavailable(w) => wit::PluginError::Unavailable(w),
        v0_1::types::PluginError::Internal(w) => wit::PluginError::Internal(w),
    }
}

/// The error a plugin chose, in kefu's types.
pub fn call_error_from_wit(e: wit::PluginError) -> CallError {
    match e {
        wit::PluginError::NotFound(what) => CallError::NotFound(what),
        wit::PluginError::MissingSlot(slot) => CallError::MissingSlot(slot),
        wit::PluginError::Unavailable(why) => CallError::Unavailable(why),
        wit::PluginError::Internal(why) => CallError::Failed(why),
        wit::PluginError::NotAllowed(why) => CallError::NotAllowed(why),
    }
}
