//! While a person is asked for and nobody from the team is online, the shopper is not left in
//! silence: a question the shop's own facts answer (where an order is, delivery times, the
//! return policy, a product), or whether anyone is there, is answered meanwhile, and the
//! request for a person stays open as it was (its reason, its priority, its place in the
//! queue). Nothing is done to an order and
//! nothing is proposed meanwhile: a person has the case. With someone online the bot stays
//! silent, as the person will answer. Pure.

use kefu_protocol::ConversationState::{Bot, WaitingForHuman};

use super::context::TurnContext;
use super::decide::{Answer, answer_routed};
use super::decision::{Decision, say};
use super::person_words;
use super::plan::Step;
use super::replies::{self, Lang, Line};
use super::routing;
use super::understand::Understanding;

/// Intents answered from the shop's facts alone, with nothing done to an order.
const ANSWERED_MEANWHILE: &[&str] = &[
    "track_order",
    "track_refund",
    "delivery_period",
    "delivery_options",
    "check_refund_policy",
    "check_payment_methods",
    "check_cancellation_fee",
    "product_info",
    "product_availability",
];

/// What to do with `u` while a person is asked for and nobody is online: answer it when
/// the shop's facts do, or `None` (silence). A sensitive topic is the escalation's
/// ([`super::person_first::escalation`]), heard before this; a person asked for again is
/// already asked for.
pub(super) fn answer_meanwhile(ctx: &TurnContext, u: &Understanding) -> Option<Step> {
    // Told or asked that it is a program while asking for a person again ("Right, so you're
    // a program. Is there anyone with a pulse around? I'd like to talk to them"): the bot
    // says what it is; the request for a person is already open.
    let called_a_bot = super::honesty::asks_if_bot(&u.text)
        || super::bot_conceded::names_it_a_bot(&u.text.to_lowercase());
    if ctx.conversation.state == WaitingForHuman
        && !ctx.live
        && u.card.is_none()
        && called_a_bot
        && !u.topic.is_some_and(|(t, _)| t.needs_a_person())
    {
        return Some(Step::Reply(say(
            "bot_identity",
            Line::BotDisclosureShort,
            u.lang,
            Bot,
        )));
    }
    if ctx.conversation.state != WaitingForHuman
        || ctx.live
        || u.card.is_some()
        || replies::asks_for_human(&u.text)
        || person_words::asks_for_a_person(&u.text)
        || u.topic.is_some_and(|(t, _)| t.needs_a_person())
    {
        return None;
    }
    // Asked meanwhile whether anyone is there ("你说话咋这么机械，到底是不是人啊"): never left
    // unanswered, the bot says what it is (the request for a person stays open).
    if super::honesty::asks_if_bot(&u.text) {
        return Some(Step::Reply(say(
            "bot_identity",
            Line::BotDisclosureShort,
            u.lang,
            Bot,
        )));
    }
    let route = routing::route(ctx, u);
    if !ANSWERED_MEANWHILE.contains(&route.intent.as_str()) {
        return None;
    }
    match answer_routed(ctx, u, route) {
        Answer::Now(d) if d.state == Bot && d.new_action.is_none() => Some(Step::Reply(d)),
        Answer::Call(c) if ANSWERED_MEANWHILE.contains(&c.intent()) => Some(Step::Call(c)),
        _ => None,
    }
}

/// `d`, given while a person is asked for ([`answer_meanwhile`]): the request stays as it
/// was, nothing is proposed, no person is offered again, and the shopper is told the
/// request is still open. Any other
/// decision is returned as it is.
pub fn keeps_waiting(ctx: &TurnContext, mut d: Decision, lang: Lang) -> Decision {
    let conv = &ctx.conversation;
    if conv.state != WaitingForHuman {
        return d;
    }
    d.state = WaitingForHuman;
    d.priority = conv.priority;
    d.handoff_reason = conv.handoff_reason.clone();
    d.new_action = None;
    // A person is asked for already: no offer of one, no button for one.
    let offer = replies::text(Line::FrustrationOffer, lang);
    d.text = d.text.replace(offer, "").trim_end().to_string();
    d.cards
        .retain(|c| !matches!(c, kefu_protocol::Card::QuickReplies { .. }));
    replies::append(&mut d.text, replies::text(Line::StillWaiting, lang), lang);
    d
}
