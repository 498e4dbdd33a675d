//! A request waiting for the order's number or email, taken back in so many words ("actually
//! wait no. keep it. sorry", "算了不取消了"): nothing is done, and the bot says so, rather
//! than hearing a complaint in the apology. Pure.

use kefu_protocol::ConversationState;

use super::confirm;
use super::context::TurnContext;
use super::decision::{Decision, say};
use super::replies::Line;
use super::understand::Understanding;

/// The requests a shopper can take back before the bot acts on them.
const WITHDRAWABLE: &[&str] = &["cancel_order", "change_shipping_address", "change_order"];

/// The answer to `u` when it takes back the request waiting for its order's number or email.
pub fn withdrawn(ctx: &TurnContext, u: &Understanding) -> Option<Decision> {
    let intent = ctx.conversation.pending_intent.as_deref()?;
    if !WITHDRAWABLE.contains(&intent)
        || !confirm::takes_it_back(&u.text)
        || !confirm::says_nothing_else(&u.text)
    {
        return None;
    }
    Some(say(
        intent,
        Line::RefundCancelled,
        u.lang,
        ConversationState::Bot,
    ))
}
