//! A request waiting for the order's number or email, taken back in so many words ("actually
//! wait no. keep it. sorry", "算了不取消了"): nothing is done, and the bot says so, rather
//! than hearing a complaint in the apology. Pure.

use kefu_protocol::ConversationState;

use super::confirm;
use super::context::TurnContext;
use super::decision::{Decision, say};
use super::language::mentions;
use super::replies::Line;
use super::understand::Understanding;

/// The requests a shopper can take back before the bot acts on them.
const WITHDRAWABLE: &[&str] = &["cancel_order", "change_shipping_address", "change_order"];

/// Whether `text` says nothing but the taking back: short, no question, no number or email,
/// nothing else to change ("不改了" is taken back; "no, don't cancel, change the address" is
/// not), nor the email's "no" ("No, don't have access to that email", "no don't worry").
fn says_nothing_else(text: &str) -> bool {
    let lower = text.to_lowercase();
    let unchanged = lower
        .replace("不改了", " ")
        .replace("先不改", " ")
        .replace("不取消了", " ");
    text.chars().count() <= 50
        && !text.contains(['?', '？', '@'])
        && !text.contains(|c: char| c.is_ascii_digit())
        // Another thing asked instead ("算了不改了,干脆取消吧").
        && !mentions(
            &unchanged,
            &[
                "address", "地址", "改", "change", "取消", "cancel", "退", "refund", "return",
                "instead",
            ],
        )
        && !mentions(
            &lower,
            &[
                "don't have",
                "dont have",
                "don't worry",
                "dont worry",
                "don't know",
                "dont know",
                "don't remember",
                "dont remember",
            ],
        )
}

/// The answer to `u` when it takes back the request waiting for its order's number or email.
pub fn withdrawn(ctx: &TurnContext, u: &Understanding) -> Option<Decision> {
    let intent = ctx.conversation.pending_intent.as_deref()?;
    if !WITHDRAWABLE.contains(&intent)
        || !confirm::takes_it_back(&u.text)
        || !says_nothing_else(&u.text)
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
