//! What routing knows of a message before it reads it as an intent (`routing.rs`): the
//! values it gives, the order named in it or before, a choice, money asked back, a remark;
//! and the intents the routing rules send messages to. Pure.

use super::context::TurnContext;
use super::understand::Understanding;

/// The intent a product question is routed to: details, or stock.
pub const PRODUCT_INFO: &str = "product_info";
/// See [`PRODUCT_INFO`].
pub const PRODUCT_AVAILABILITY: &str = "product_availability";

/// The intent of a message that only supplies values (an order number, an email) when
/// nothing was asked: the bot asks what to do with them.
pub const SUPPLIED: &str = "supplied_values";

/// The intent that answers questions about one order's whereabouts.
pub(super) const TRACK_ORDER: &str = "track_order";

/// The intent that sends an order to a new address.
pub(super) const CHANGE_ADDRESS: &str = "change_shipping_address";
/// Money back for an order.
pub const GET_REFUND: &str = "get_refund";
/// An order cancelled before it ships (its money back with it).
pub(super) const CANCEL_ORDER: &str = "cancel_order";
/// The shop's delivery options and what they cost.
pub(super) const DELIVERY_OPTIONS: &str = "delivery_options";

/// A message as routing hears it, in its turn's context.
#[derive(Clone, Copy)]
pub(super) struct Heard<'a> {
    /// The turn's context.
    pub ctx: &'a TurnContext,
    /// The message understood.
    pub u: &'a Understanding,
    /// Its text.
    pub text: &'a str,
    /// The order named in the message.
    pub order_number: Option<&'a str>,
    /// The order named in the message, else the one remembered from before.
    pub named: Option<&'a str>,
    /// A new address written with the request.
    pub written: Option<&'a str>,
    /// The new address, when the message answers "what's the new address?".
    pub address: Option<&'a str>,
    /// Whether the message gives an order number, an email or an address.
    pub continues: bool,
    /// The intent a clarifying question offered and the message chose.
    pub chosen: Option<&'a str>,
    /// Money asked back, however the model read it (`routing_money.rs`).
    pub money_back: Option<&'static str>,
    /// A remark taken for something else (`routing_remarks.rs`).
    pub remark: Option<&'static str>,
}

impl Heard<'_> {
    /// Whether `intent` is served here and takes an order number.
    pub fn takes_order_number(&self, intent: &str) -> bool {
        self.ctx
            .served(intent)
            .is_some_and(|s| s.needs_slot("order-number"))
    }
}
