//! Which intent a message is about, beyond what the model says on its own. The rules are
//! tried in order, each file holding one kind of misreading: a message that goes on with
//! what came before (`routing_continued.rs`: what the bot asked for, a clarifying question's
//! choice, a follow-up naming another order, "I already told you"); a new address
//! (`routing_address.rs`); complaints, thanks and product questions taken for one another
//! (`routing_complaints.rs`, remarks in `routing_remarks.rs`); the shop's answers asked in
//! other words (`routing_policies.rs`); questions about one order (`routing_orders.rs`,
//! money asked back in `routing_money.rs`). Otherwise the model's intent, unsettled: when
//! the model is torn between shop intents, the bot asks which one is meant (`clarify.rs`).
//! A question naming one of the shop's products is about that product. Pure.

use super::context::TurnContext;
use super::cues::asks_about_stock;
use super::labels;
use super::routing_address;
use super::routing_complaints;
use super::routing_continued;
use super::routing_heard::Heard;
pub(super) use super::routing_heard::{CHANGE_ADDRESS, TRACK_ORDER};
pub use super::routing_heard::{GET_REFUND, PRODUCT_AVAILABILITY, PRODUCT_INFO, SUPPLIED};
use super::routing_money;
use super::routing_orders;
use super::routing_policies;
use super::routing_remarks;
use super::routing_values::{self, Given};
use super::understand::Understanding;

/// Where a message goes, with the values it brings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    /// The intent to serve.
    pub intent: String,
    /// Whether the intent is certain (a continuation, a choice, a product named): no
    /// clarifying question then.
    pub settled: bool,
    /// The order asked about: in the message, or the one the pending question is about.
    pub order_number: Option<String>,
    /// An email in the message.
    pub email: Option<String>,
    /// The new address: the whole message when it answers "what's the new address?", one
    /// written with the request or before, or a part of one corrected.
    pub address: Option<String>,
}

/// Routes `u` in `ctx`.
pub fn route(ctx: &TurnContext, u: &Understanding) -> Route {
    let conv = &ctx.conversation;
    let pending = &ctx.pending;
    let text = u.text.as_str();
    let Given {
        address,
        written,
        order_number,
        email,
    } = routing_values::given(ctx, u);
    let named = order_number
        .as_deref()
        .or(ctx.remembered.order_number.as_deref());
    let heard = Heard {
        ctx,
        u,
        text,
        order_number: order_number.as_deref(),
        named,
        written: written.as_deref(),
        address: address.as_deref(),
        continues: order_number.is_some() || email.is_some() || address.is_some(),
        // A clarifying question's choice is that intent.
        chosen: labels::intent_for_label(text, &pending.clarify),
        money_back: None,
        remark: routing_remarks::reroute(u, order_number.is_some()),
    };
    let takes_order_number = |intent: &str| heard.takes_order_number(intent);
    let heard = Heard {
        money_back: routing_money::money_back(
            u,
            named.is_some(),
            named.is_some_and(|n| ctx.has_left(n)),
            email.is_some() || ctx.remembered.email.is_some(),
            takes_order_number,
        ),
        ..heard
    };
    let (intent, settled) = routing_continued::continued(&heard)
        .or_else(|| routing_address::address_change(&heard))
        .or_else(|| routing_complaints::misread(&heard))
        .or_else(|| routing_policies::policies(&heard))
        .or_else(|| routing_orders::about_the_order(&heard))
        .unwrap_or((u.prediction.intent.as_str(), false));
    let about_product = |intent: &str| ctx.served(intent).is_some_and(|s| s.about_product());
    let intent = if !settled
        && !about_product(intent)
        && routing_values::about_the_product_named(ctx, u, intent, order_number.as_deref())
    {
        if asks_about_stock(text) {
            PRODUCT_AVAILABILITY
        } else {
            PRODUCT_INFO
        }
    } else {
        intent
    };
    let settled = settled || about_product(intent);
    let order_number = order_number.clone().or_else(|| {
        pending
            .order_number
            .clone()
            .filter(|_| conv.pending_intent.as_deref() == Some(intent))
    });
    let address = address.clone().or_else(|| {
        (intent == CHANGE_ADDRESS)
            .then(|| {
                routing_values::address_for(ctx, text, written.clone(), order_number.as_deref())
            })
            .flatten()
    });
    let (intent, settled) = routing_money::unshipped_means_cancel(
        ctx,
        u,
        order_number.as_deref(),
        (intent, settled),
        takes_order_number,
    );
    Route {
        intent: intent.to_string(),
        settled,
        order_number,
        email,
        address,
    }
}
