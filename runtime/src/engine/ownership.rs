//! Whether the shopper has proven that an order is theirs, and what they may see and do
//! before they have. Pure: the orders, the conversation's trust facts and the turn's clock
//! come with the turn's context.
//!
//! Proof is the order's email given in this conversation, or a signed identity whose email
//! is the order's and whose `expires` has not passed (checked on every use, not only when
//! the identity arrived). Without proof an order's status may be told, but not its carrier
//! or tracking number: those lead to the parcel, and an order number is easy to guess.
//! Guessing the email is limited: after [`MAX_PROOF_FAILURES`] wrong emails in one
//! conversation, or [`MAX_ADDRESS_PROOF_FAILURES`] from one network address within an hour
//! (counted by [`super::proofs::ProofFailures`]), the bot checks no more emails and a person
//! takes over.

use kefu_intent::slots::SlotKind;
use kefu_protocol::Card;

use super::context::TurnContext;
use super::decision::{Decision, Pending, ask, hand_off, say};
use super::plan::CallPlan;
use super::replies::{self, Lang, Line};
use super::understand::Understanding;

/// Wrong emails in one conversation after which a person takes over.
pub const MAX_PROOF_FAILURES: u32 = 3;
/// Wrong emails from one network address (all its conversations) within
/// [`super::proofs::WINDOW`] after which a person takes over: higher than per
/// conversation, since many shoppers may share an address (an office, a mobile carrier).
pub const MAX_ADDRESS_PROOF_FAILURES: u32 = 10;

/// What a turn knows about trust beyond the conversation header.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Trust {
    /// The turn's clock, Unix seconds.
    pub now: u64,
    /// Until when (Unix seconds) the conversation's verified email counts: a signed
    /// identity's `expires`; `None` when it was proven in the conversation.
    pub verified_until: Option<u64>,
    /// Wrong emails given in this conversation.
    pub conversation_failures: u32,
    /// Wrong emails given from the shopper's network address lately, in any conversation.
    pub address_failures: u32,
    /// The action of the confirmation card on the conversation's latest message.
    pub latest_card_action: Option<String>,
}

/// Whether a shopper owns the order they want acted on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ownership {
    /// Proven, by this email.
    Proven(String),
    /// Not yet: ask for the order's email.
    NeedEmail,
    /// The email given is not the order's (or there is no such order). Worded to the
    /// shopper so as not to reveal which.
    Refused,
    /// Too many wrong emails already: no more are checked.
    Exhausted,
}

/// The conversation's verified email, while it still counts: a signed identity's only
/// until its `expires`.
pub fn verified(ctx: &TurnContext) -> Option<&str> {
    let email = ctx.conversation.verified_email.as_deref()?;
    match ctx.trust.verified_until {
        Some(until) if until <= ctx.trust.now => None,
        _ => Some(email),
    }
}

/// The task and the order waiting for their owner's email, when this message gives
/// neither an email nor another order: what a refusal, a sum or more words answer.
pub fn email_awaited<'a>(ctx: &'a TurnContext, u: &Understanding) -> Option<(&'a str, &'a str)> {
    let intent = ctx.conversation.pending_intent.as_deref()?;
    let order = ctx.pending.order_number.as_deref()?;
    let other_order = u.slot(SlotKind::OrderNumber).is_some_and(|n| n != order);
    if other_order || u.slot(SlotKind::Email).is_some() {
        return None;
    }
    Some((intent, order))
}

/// Whether order `number` is proven to be the shopper's, by `email` given in this message
/// or by the conversation's verified email.
pub fn owner_of(ctx: &TurnContext, number: &str, email: Option<&str>) -> Ownership {
    let owner = ctx.order(number).map(|o| o.email.to_lowercase());
    let matches = |e: &str| owner.as_deref() == Some(e.to_lowercase().as_str());
    if let Some(e) = email {
        return if matches(e) {
            Ownership::Proven(e.to_lowercase())
        } else {
            Ownership::Refused
        };
    }
    match verified(ctx) {
        Some(v) if matches(v) => Ownership::Proven(v.to_string()),
        _ => Ownership::NeedEmail,
    }
}

/// Whether the wrong emails so far reached a limit.
pub fn exhausted(ctx: &TurnContext) -> bool {
    ctx.trust.conversation_failures >= MAX_PROOF_FAILURES
        || ctx.trust.address_failures >= MAX_ADDRESS_PROOF_FAILURES
}

/// Whether one more wrong email reaches a limit.
fn last_chance(ctx: &TurnContext) -> bool {
    ctx.trust.conversation_failures + 1 >= MAX_PROOF_FAILURES
        || ctx.trust.address_failures + 1 >= MAX_ADDRESS_PROOF_FAILURES
}

/// Whether order `number` is the shopper's: by `email` given now, by a valid signed
/// identity, or by an email they gave earlier in the conversation (an earlier, unrelated
/// email is not a wrong answer: the order's is asked for). Once the limits are reached, only
/// a signed identity still counts.
pub fn prove(ctx: &TurnContext, number: &str, email: Option<&str>) -> Ownership {
    if exhausted(ctx) {
        return match owner_of(ctx, number, None) {
            Ownership::Proven(by) => Ownership::Proven(by),
            _ => Ownership::Exhausted,
        };
    }
    match owner_of(ctx, number, email) {
        Ownership::NeedEmail => match &ctx.remembered.email {
            Some(earlier) => match owner_of(ctx, number, Some(earlier)) {
                Ownership::Proven(by) => Ownership::Proven(by),
                _ => Ownership::NeedEmail,
            },
            None => Ownership::NeedEmail,
        },
        other => other,
    }
}

/// The answer to a wrong email (or one given past the limits): a refusal that does not
/// reveal whether the order exists, counted; once the limits are reached, a person.
pub fn refused(ctx: &TurnContext, intent: &str, lang: Lang) -> Decision {
    let mut d = if last_chance(ctx) {
        let reason = format!(
            "ownership: {} wrong order emails; the bot checks no more",
            ctx.trust
                .conversation_failures
                .max(ctx.trust.address_failures)
                + 1
        );
        Decision {
            intent: intent.to_string(),
            ..hand_off(Line::ProofsExhausted, lang, &reason, 1)
        }
    } else {
        say(
            intent,
            Line::OwnershipNotProven,
            lang,
            kefu_protocol::ConversationState::Bot,
        )
    };
    d.proof_failed = true;
    d
}

/// For an intent whose plugin acts on the order (`[needs] owner`): the email that proves
/// order `number` is the shopper's, or the answer instead (ask for the email, refuse, or a
/// person once the limits are reached).
#[expect(
    clippy::result_large_err,
    reason = "one answer per turn, moved once: boxing buys nothing"
)]
pub fn required(
    ctx: &TurnContext,
    intent: &str,
    number: &str,
    email: Option<&str>,
    lang: Lang,
) -> Result<String, Decision> {
    match prove(ctx, number, email) {
        Ownership::Proven(by) => Ok(by),
        Ownership::NeedEmail => {
            let pending = Pending {
                order_number: Some(number.to_string()),
                ..Pending::default()
            };
            Err(ask(intent, Line::AskOrderEmail, lang, pending))
        }
        Ownership::Refused | Ownership::Exhausted => {
            let mut d = refused(ctx, intent, lang);
            // Refused but not yet past the limits, the request still waits for its owner's
            // email: the next one given is checked for it ("不对？那试试sam@example.com"), and
            // not knowing which it was reaches a person (`email_declined.rs`).
            if d.line == Some(Line::OwnershipNotProven) {
                d.pending_intent = Some(intent.to_string());
                d.pending = Pending {
                    order_number: Some(number.to_string()),
                    ..Pending::default()
                };
            }
            Err(d)
        }
    }
}

/// What a call that needs no proof (tracking an order) knows of the owner.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Optional {
    /// The email that proved the order the shopper's, if one did: details may be shown.
    pub proven: Option<String>,
    /// A wrong email was given (counted, answered with the status only).
    pub failed: bool,
}

/// For an intent that needs no proof but whose answer holds details only the owner may
/// see: whether order `number` is proven the shopper's. A wrong email is counted and the
/// status alone is told; one that reaches the limits (or any email past them) hands over
/// to a person.
#[expect(
    clippy::result_large_err,
    reason = "one answer per turn, moved once: boxing buys nothing"
)]
pub fn optional(
    ctx: &TurnContext,
    intent: &str,
    number: &str,
    email: Option<&str>,
    lang: Lang,
) -> Result<Optional, Decision> {
    match prove(ctx, number, email) {
        Ownership::Proven(by) => Ok(Optional {
            proven: Some(by),
            failed: false,
        }),
        Ownership::Refused if !last_chance(ctx) => Ok(Optional {
            proven: None,
            failed: true,
        }),
        Ownership::Refused => Err(refused(ctx, intent, lang)),
        Ownership::Exhausted if email.is_some() => Err(refused(ctx, intent, lang)),
        Ownership::NeedEmail | Ownership::Exhausted => Ok(Optional::default()),
    }
}

/// `d`, a plugin's answer to `call`, as the shopper may see it: without proof of ownership
/// an order card keeps its status and date but loses carrier and tracking number, and a
/// text that names them is replaced by the status and the way to see more (the order's
/// email, which the next message may give). A plugin cannot leak them by mistake.
pub fn shown(call: &CallPlan, mut d: Decision, lang: Lang) -> Decision {
    d.proof_failed |= call.proof_failed;
    if call.request.owner_verified {
        return d;
    }
    let mut withheld = Vec::new();
    let mut statuses = Vec::new();
    for card in &mut d.cards {
        if let Card::OrderStatus {
            order_id,
            status_label,
            carrier,
            tracking_number,
            ..
        } = card
        {
            withheld.extend(carrier.take());
            withheld.extend(tracking_number.take());
            statuses.push((order_id.clone(), status_label.clone()));
        }
    }
    if withheld.is_empty() {
        return d;
    }
    let names = |s: &str| {
        withheld
            .iter()
            .any(|w| !w.trim().is_empty() && s.contains(w.trim()))
    };
    let sep = if lang == Lang::En { " " } else { "" };
    let mut parts: Vec<String> = Vec::new();
    if names(&d.text) {
        // The sentences that name them go; the status is said instead, and whatever else
        // the plugin said (a late delivery, an apology) stays.
        parts.extend(statuses.iter().map(|(id, label)| match lang {
            Lang::Zh => format!("订单{id}：{label}。"),
            Lang::En => format!("Order {id}: {label}."),
        }));
        parts.extend(
            sentences(&d.text)
                .into_iter()
                .filter(|s| !names(s))
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty()),
        );
    } else {
        parts.push(d.text.clone());
    }
    // The email asked already for what the order holds asks it for these too: asked once.
    let asked = statuses
        .iter()
        .any(|(id, _)| super::order_paid::asks_email_for_items(&d.text, lang, id));
    if !asked {
        parts.push(replies::text(Line::DetailsNeedProof, lang).to_string());
    }
    d.text = parts.join(sep);
    // The next message may be just the email: it continues this question.
    d.pending_intent = Some(call.intent().to_string());
    d.pending = Pending {
        order_number: call.order_number.clone(),
        ..Pending::default()
    };
    d
}

/// `text` cut into sentences, each with its closing mark: after `.`, `!` or `?` followed by
/// a space or the end, and after `。`, `！`, `？`.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let end = i + c.len_utf8();
        let ends = match c {
            '。' | '！' | '？' => true,
            '.' | '!' | '?' => chars.peek().is_none_or(|(_, next)| next.is_whitespace()),
            _ => false,
        };
        if ends {
            out.push(&text[start..end]);
            start = end;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::sentences;

    #[test]
    fn text_is_cut_into_sentences_in_both_languages() {
        assert_eq!(
            sentences("Order 1001 has shipped with UPS. It is 2.5 days late! Sorry"),
            [
                "Order 1001 has shipped with UPS.",
                " It is 2.5 days late!",
                " Sorry"
            ]
        );
        assert_eq!(
            sentences("订单1001已发货，承运商UPS。预计2026-11-26送达。"),
            ["订单1001已发货，承运商UPS。", "预计2026-11-26送达。"]
        );
    }
}
