//! Delivery claims (a damaged, wrong or missing item; a parcel marked delivered but not
//! received). Pure. The default path is a person with the facts ("claim: damaged item,
//! order 1003"). When the merchant's plugin serves the claim's intent, it is asked first
//! (after the order's ownership is proven, by its manifest's `[needs]`): a refund it
//! proposes is shown for confirmation like any other, with the claim kept beside it so
//! that declining hands the claim to a person; a claim the plugin does not take (the order
//! is not eligible, the plugin failed, it proposed nothing) goes to a person as before.
//! A claim without an order number asks for it once, keeping the email the shopper gave;
//! a second message without one hands the claim to a person with what is known, unless
//! its email names one order (the claim goes on with it) or the shopper says they have no
//! number (the email is asked for instead: `no_number.rs`).

use kefu_intent::slots::SlotKind;

use super::context::TurnContext;
use super::decision::{Decision, Pending, ask, hand_off};
use super::handoff;
use super::ownership;
use super::plan::CallPlan;
use super::replies::{self, Lang, Line};
use super::understand::Understanding;
use crate::plugins::{CallError, PluginReply};

/// What a delivery claim's intent reports, as the person reads it; `None` for any other
/// intent.
pub fn what(intent: &str) -> Option<&'static str> {
    Some(match intent {
        "report_damaged" => "damaged item",
        "report_wrong_item" => "wrong item",
        "report_missing_item" => "missing item",
        "report_not_received" => "marked delivered, not received",
        _ => return None,
    })
}

/// The handoff reason of a claim: what happened and on which order.
pub fn reason(what: &str, order: &str) -> String {
    format!("claim: {what}, order {order}")
}

/// What a claim's question for its order number leaves pending ([`Pending::need`]).
const NEEDS_ORDER_NUMBER: &str = "order-number";

/// A claim: without an order number, the number is asked for once (saying the email the
/// shopper gave is kept, when they gave one: it is never asked for again); with one, a claim
/// no plugin takes goes to a person with the facts, and so does the claim of an upset
/// shopper whose ownership is not proven yet. `None` when the intent is no claim, or the
/// merchant's plugin serves it (it is called instead).
pub fn intake(
    ctx: &TurnContext,
    intent: &str,
    order: Option<&str>,
    email: Option<&str>,
    upset: bool,
    lang: Lang,
) -> Option<Decision> {
    let what = what(intent)?;
    let served = ctx.served(intent);
    let Some(order) = order else {
        // A plugin that finds the order by itself is asked as it is.
        if served.is_some_and(|s| !s.needs_slot(NEEDS_ORDER_NUMBER)) {
            return None;
        }
        let line = if email.is_some() {
            Line::ClaimAskOrderNumber
        } else {
            Line::AskOrderNumber
        };
        let pending = Pending {
            need: Some(NEEDS_ORDER_NUMBER.into()),
            ..Pending::default()
        };
        return Some(ask(intent, line, lang, pending));
    };
    // An upset shopper whose ownership is not proven yet ("说了半天都没解决，订单1004漏发了
    // 一件") is not held up by a question for the order's email before the plugin may
    // weigh the claim: a person takes it with the facts, and proves ownership themselves.
    let proven = email.is_some() || ctx.conversation.verified_email.is_some();
    if served.is_some() && (proven || !upset) {
        return None;
    }
    Some(to_a_person(intent, &reason(what, order), None, lang))
}

/// A claim whose order number was asked for, and a message without one (they say more
/// about what happened, they give their email again): it is not asked a second time. A
/// person takes the claim with what is known (what happened, the email), so the
/// conversation never dead-ends on a number the shopper may not have. `None` when nothing
/// waits for a claim's order number, the message brings one or an email that names one, or
/// it is clearly another request (the model is sure of a shop intent that is no part of a
/// claim). A shopper who says they have no number is asked for the email first
/// (`no_number.rs`, before this).
pub fn awaiting_order_number(ctx: &TurnContext, u: &Understanding) -> Option<Decision> {
    let intent = ctx.conversation.pending_intent.as_deref()?;
    let what = what(intent)?;
    if ctx.pending.need.as_deref() != Some(NEEDS_ORDER_NUMBER)
        || u.slot(SlotKind::OrderNumber).is_some()
    {
        return None;
    }
    // An email the shop has exactly one order with names that order
    // ([`TurnContext::load`]): the claim goes on with it.
    if u.slot(SlotKind::Email).is_some() && ctx.remembered.order_number.is_some() {
        return None;
    }
    let p = &u.prediction;
    let part_of_the_claim = matches!(
        p.intent.as_str(),
        kefu_intent::OUT_OF_SCOPE
            | "complaint"
            | "product_info"
            | "track_order"
            | "get_refund"
            | "return_item"
            | "contact_customer_service"
    );
    let elsewhere = p.confidence >= 0.9
        && !part_of_the_claim
        && u.slot(SlotKind::Email).is_none()
        && !u.topic.is_some_and(|(t, _)| t.is_delivery_problem());
    if elsewhere {
        return None;
    }
    let reason = match u.slot(SlotKind::Email).or(ctx.remembered.email.as_deref()) {
        Some(email) => format!("claim: {what}, order number not given; email {email}"),
        None => format!("claim: {what}, order number not given"),
    };
    Some(to_a_person(intent, &reason, None, u.lang))
}

/// A claim that waits for the order's email, and a message that gives neither an email nor
/// an order number nor a clear other request (more about what happened, "so what can you
/// do?", the product's name): the email is asked once more, with a person offered, instead
/// of the claim being dropped for a product card or "outside what I can help with".
pub fn awaiting_email(ctx: &TurnContext, u: &Understanding) -> Option<Decision> {
    let (intent, order) = ownership::email_awaited(ctx, u)?;
    what(intent)?;
    ctx.served(intent)?;
    if u.slot(SlotKind::OrderNumber).is_some() {
        return None;
    }
    // Other goods asked for instead ("能不能直接换一件新的"): the plugin proposes money back
    // only, so a person arranges it, with the facts, whatever the model made of it.
    if super::claim_words::asks_for_other_goods(&u.text) {
        let claim = format!(
            "{}; the shopper asks for an exchange or replacement; email not given",
            reason(what(intent)?, order)
        );
        return Some(to_a_person(intent, &claim, None, u.lang));
    }
    let p = &u.prediction;
    let elaborates = p.confidence < 0.7
        || matches!(
            p.intent.as_str(),
            kefu_intent::OUT_OF_SCOPE | "product_info" | "complaint"
        )
        || u.topic.is_some_and(|(t, _)| t.is_delivery_problem());
    if !elaborates {
        return None;
    }
    // Asked once more already, with a person offered, and still no email: the shopper is
    // not going to give it here. A person takes the claim with what is known, rather than
    // the bot offering a person yet again.
    let asked_again = ctx
        .last_bot
        .as_ref()
        .is_some_and(|(text, _)| ctx.is_line(text, Line::ClaimNeedsEmail, u.lang));
    if asked_again {
        let claim = format!("{}; email not given", reason(what(intent)?, order));
        return Some(to_a_person(intent, &claim, None, u.lang));
    }
    let pending = Pending {
        order_number: Some(order.to_string()),
        ..Pending::default()
    };
    Some(ask(intent, Line::ClaimNeedsEmail, u.lang, pending))
}

/// A claim that waits for the order's email, given with other goods asked for instead of the
/// money ("carlos@example.com 帮我换成对的颜色吧"): the plugin proposes money back only, so a
/// person arranges the exchange, with the facts and the email to check.
pub fn exchange_asked_with_the_email(ctx: &TurnContext, u: &Understanding) -> Option<Decision> {
    let intent = ctx.conversation.pending_intent.as_deref()?;
    let order = ctx.pending.order_number.as_deref()?;
    let email = u.slot(SlotKind::Email)?;
    what(intent)?;
    ctx.served(intent)?;
    if u.slot(SlotKind::OrderNumber).is_some_and(|n| n != order)
        || !super::claim_words::asks_for_other_goods(&u.text)
    {
        return None;
    }
    let claim = format!(
        "{}; the shopper asks for an exchange or replacement; email given: {email}",
        reason(what(intent)?, order)
    );
    Some(to_a_person(intent, &claim, None, u.lang))
}

/// The plugin's answer to a claim, when it does not lead to a proposal: a person takes the
/// claim (with the plugin's explanation first, when the merchant's policy is why). `None`
/// when the answer takes the usual path: a proposal, an unknown order, a missing slot, or
/// no claim at all.
pub fn unless_proposed(
    call: &CallPlan,
    result: &Result<PluginReply, CallError>,
    lang: Lang,
) -> Option<Decision> {
    let intent = call.intent();
    let what = what(intent)?;
    let order = call.order_number.as_deref()?;
    let why = match result {
        Ok(reply) if reply.proposal.is_some() => return None,
        Err(CallError::NotFound(_) | CallError::MissingSlot(_)) => return None,
        Err(CallError::NotAllowed(why)) => Some(why.as_str()),
        Ok(_) | Err(_) => None,
    };
    Some(to_a_person(intent, &reason(what, order), why, lang))
}

/// `d`, the answer to a claim's plugin call: a refund awaiting confirmation keeps the claim
/// (declining hands it to a person) and says that nothing has moved yet; a proposal beyond
/// what the bot may approve is handed off as the claim, with the claim in its reason.
pub fn proposed(call: &CallPlan, mut d: Decision, lang: Lang) -> Decision {
    let (Some(what), Some(order)) = (what(call.intent()), call.order_number.as_deref()) else {
        return d;
    };
    let claim = reason(what, order);
    if d.pending.action.is_some() {
        d.text = join(&d.text, replies::text(Line::ClaimRefundOffered, lang), lang);
        d.pending.claim = Some(claim);
    } else if let Some(why) = d.handoff_reason.take() {
        d.handoff_reason = Some(format!("{claim}; {why}"));
        // The shopper reported a problem; they did not ask for "a refund like this". The
        // claim is what goes to a person (the amount is in the reason for them).
        let above = replies::text(Line::RefundNeedsHuman, lang);
        if let Some(rest) = d.text.strip_prefix(above) {
            d.text = format!("{}{rest}", replies::text(Line::DeliveryClaim, lang));
            d.line = Some(Line::DeliveryClaim);
        }
    }
    d
}

/// The shopper declined the refund proposed for a claim: a person takes the claim (said
/// honestly when nobody is there). `None` when the declined action answered no claim.
pub fn declined(ctx: &TurnContext, lang: Lang) -> Option<Decision> {
    let claim = ctx.pending.claim.as_deref()?;
    let mut d = hand_off(
        Line::ClaimRefundDeclined,
        lang,
        &format!("{claim}; refund declined"),
        1,
    );
    d.intent = "delivery_claim".into();
    Some(handoff::unless_nobody_is_there(ctx, d, lang))
}

/// Asked after a refund for goods the shopper says they sent back ("两件卫衣我都寄回去了，138块
/// 什么时候退给我"), when no refund is on record for the order, and the refund is above what
/// the bot may give or the shopper says it is overdue ("sent them back three weeks ago, still
/// nothing"): only a person can see whether the return arrived, so one takes it, with the
/// facts.
pub fn returned_without_refund(
    ctx: &TurnContext,
    u: &Understanding,
    intent: &str,
    order: Option<&str>,
) -> Option<Decision> {
    let record = ctx.order(order?)?;
    let order = record.id.as_str();
    // A refund the shopper says has not come ("why my refund for 1003 still hasn't
    // arrived") is one they are owed by their word, and overdue by it.
    let awaited = super::refund_words::refund_not_come(&u.text) || ctx.remembered.refund_awaited;
    let sent_back = super::return_words::says_sent_back(&u.text) || ctx.remembered.sent_back;
    if intent != "track_refund"
        || !(sent_back || awaited)
        || ctx.refunded.iter().any(|r| r == order)
    {
        return None;
    }
    // A refund the bot may not give (above the merchant's cap), or one the shopper says is
    // overdue: a person. Otherwise the refund's progress and the shop's refund times answer.
    let above_cap = ctx
        .settings
        .refund_cap_minor
        .is_some_and(|cap| record.total_minor > cap);
    if !above_cap && !awaited && !super::refund_words::says_it_is_overdue(&u.text) {
        return None;
    }
    let reason = format!("refund: goods sent back, no refund on record, order {order}");
    let mut d = hand_off(Line::ReturnWithoutRefund, u.lang, &reason, 1);
    d.intent = intent.into();
    Some(d)
}

/// A person takes the claim; `why` (the merchant's policy, in the plugin's words) comes
/// first.
pub(super) fn to_a_person(intent: &str, reason: &str, why: Option<&str>, lang: Lang) -> Decision {
    let mut d = hand_off(Line::DeliveryClaim, lang, reason, 1);
    d.intent = intent.into();
    if let Some(why) = why.map(str::trim).filter(|w| !w.is_empty()) {
        d.text = join(why, &d.text, lang);
        d.line = None;
    }
    d
}

/// Two sentences of one reply (Chinese runs on without a space).
fn join(first: &str, second: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("{first} {second}"),
        Lang::Zh => format!("{first}{second}"),
    }
}
