//! A shopper without their order number ("i dont have the order number handy", "单号我找不到
//! 了"): the email they ordered with is asked for instead, once, and the order it names is
//! the one meant ([`super::context::TurnContext::load`] finds it when the shop has exactly
//! one order with that email). When the email is already known, names no single order or is
//! not given either, a person takes it with what is known: the number is never asked again.
//! Pure.

use kefu_intent::slots::SlotKind;

use super::claims;
use super::context::TurnContext;
use super::cues;
use super::decision::{Decision, Pending, ask, hand_off};
use super::replies::Line;
use super::understand::Understanding;

/// What the question for the email leaves pending ([`Pending::need`]).
const NEEDS_EMAIL_TO_FIND: &str = "email-to-find";

/// An order question or a claim waiting for its order number (or asked for it just before:
/// the wait can lapse on a reply in between), and a shopper who says they have none: the
/// email is asked for when it is not known; otherwise a person takes it.
pub fn not_at_hand(ctx: &TurnContext, u: &Understanding) -> Option<Decision> {
    let intent = ctx
        .conversation
        .pending_intent
        .as_deref()
        .or(ctx.last_intent())?;
    let needs_it = ctx
        .served(intent)
        .is_some_and(|s| s.needs_slot("order-number"))
        || claims::what(intent).is_some();
    if !needs_it
        || u.slot(SlotKind::OrderNumber).is_some()
        || ctx.remembered.order_number.is_some()
        || !(cues::has_no_order_number(&u.text) || names_it_by_its_goods(ctx, u))
    {
        return None;
    }
    let email = known_email(ctx, u);
    if email.is_none() {
        let pending = Pending {
            need: Some(NEEDS_EMAIL_TO_FIND.into()),
            ..Pending::default()
        };
        return Some(ask(intent, Line::AskEmailToFindOrder, u.lang, pending));
    }
    Some(to_a_person(intent, email, u))
}

/// Whether `u` answers the order number asked for with what the order holds or cost instead
/// ("It's the one with a hoodie and a tshirt in it", "就是买了帽子的那单", "the 98 dollar
/// one"): the number is not at hand.
fn names_it_by_its_goods(ctx: &TurnContext, u: &Understanding) -> bool {
    let by_its_cost = (u.slot(SlotKind::Money).is_some()
        || super::language::says_word(&u.text, &["dollar", "dollars", "bucks"]))
        && (super::language::says_word(&u.text, &["one", "order"])
            || super::language::mentions(&u.text, &["那单", "那个订单", "的那个"]));
    let by_its_goods = ctx.names_product
        && super::language::mentions(
            &u.text,
            &[
                "the one with",
                "one with a",
                "the order with",
                "the one where",
                "it's the one",
                "its the one",
                "the one i ordered",
                // "the tshirt + hoodie order. should've been here ages ago".
                " order.",
                " order,",
                "hoodie order",
                "cap order",
                "bottle order",
                "tshirt order",
                "tee order",
                "的那单",
                "的那个订单",
                "那一单",
                "那单",
                "那个单",
            ],
        );
    // "就是那个水杯的订单": the goods, then "的订单" (not "我的订单"); "the water bottle one".
    let lower = u.text.trim().to_lowercase();
    let by_its_goods = by_its_goods
        || (ctx.names_product
            && lower.starts_with("the ")
            && lower.ends_with(" one")
            && lower.split_whitespace().count() <= 5)
        || (ctx.names_product
            && super::language::mentions(&u.text, &["的订单", "的单子"])
            && !super::language::mentions(&u.text, &["我的订单", "我的单子", "们的订单"]));
    ctx.conversation.pending_intent.is_some() && (by_its_cost || by_its_goods)
}

/// The email asked for to find the order, and the message that answers: an email that
/// names one order (or an order number after all) continues the question with it (`None`);
/// any other answer ("no idea which email", an email with no single order) goes to a
/// person with what is known.
pub fn email_given(ctx: &TurnContext, u: &Understanding) -> Option<Decision> {
    if ctx.pending.need.as_deref() != Some(NEEDS_EMAIL_TO_FIND) {
        return None;
    }
    let intent = ctx.conversation.pending_intent.as_deref()?;
    if u.slot(SlotKind::OrderNumber).is_some() || ctx.remembered.order_number.is_some() {
        return None;
    }
    // Something else asked instead, which the model is sure of: that is answered.
    let p = &u.prediction;
    if u.slot(SlotKind::Email).is_none()
        && !cues::has_no_order_number(&u.text)
        && p.confidence >= 0.9
        && p.intent != intent
    {
        return None;
    }
    let email = known_email(ctx, u);
    Some(to_a_person(intent, email, u))
}

/// The email the shopper gave now or earlier, or proved the order with.
fn known_email<'a>(ctx: &'a TurnContext, u: &'a Understanding) -> Option<&'a str> {
    u.slot(SlotKind::Email)
        .or(ctx.remembered.email.as_deref())
        .or(ctx.conversation.verified_email.as_deref())
}

/// A person takes `intent` without an order number, with the email if one was given.
fn to_a_person(intent: &str, email: Option<&str>, u: &Understanding) -> Decision {
    let email = email.map_or(String::new(), |e| format!("; email {e}"));
    if let Some(what) = claims::what(intent) {
        let reason = format!("claim: {what}, order number not given{email}");
        return claims::to_a_person(intent, &reason, None, u.lang);
    }
    let reason = format!("{intent}: order number not at hand{email}");
    let mut d = hand_off(Line::HandoffRequested, u.lang, &reason, 0);
    d.intent = intent.into();
    d
}
