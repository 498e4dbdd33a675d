//! The decision table of docs/architecture.md as pure functions: no I/O, no async. Given
//! the turn's facts ([`TurnContext`]) and the message ([`Understanding`]), [`decide`] says
//! what to do; when that is a plugin call or a commit, [`after_call`] and [`after_commit`]
//! turn its outcome into the answer; [`finish`] adds what every answer gets (no loops, a
//! person for an upset shopper, the satisfaction question, honesty about who is there);
//! [`worded`] puts the merchant's wording on the bot's own lines. The executor
//! ([`super::execute`]) does the I/O around them.

use kefu_intent::OUT_OF_SCOPE;
use kefu_protocol::ConversationState;

use super::address;
use super::address_change;
use super::beside;
use super::claims;
use super::clarify;
use super::confirm;
use super::context::TurnContext;
use super::decision::{Decision, Pending, answer_with, ask, hand_off, say};
use super::email_declined;
use super::faq_answers;
use super::honesty;
use super::money;
use super::no_number;
use super::ownership;
use super::person_first::{escalation, to_a_person, unless_a_person_is_likelier};
use super::plan::{CallPlan, CommitOutcome, Plan, Step};
use super::replies::{self, Lang, Line, Msg};
use super::routing::{self, Route};
use super::understand::Understanding;
use crate::plugins::{CallError, PluginReply, PluginRequest};

pub use super::finish::{FAILED_TURNS_OFFER, finish, worded};

/// What to do with message `u` in `ctx`.
///
/// While a person is asked for or in charge, nothing (the message is stored). A proposed
/// action is confirmed by this message or lapses. Explicit requests for a person, policy
/// topics and the merchant's own handoff phrases go to a person at once; everything else is
/// answered ([`answer`]) and [`finish`]ed.
pub fn decide(ctx: &TurnContext, u: &Understanding) -> Plan {
    let conv = &ctx.conversation;
    let lang = u.lang;
    if conv.state != ConversationState::Bot && conv.state != ConversationState::Resolved {
        // A sensitive topic raised meanwhile reaches the person; with nobody online, a
        // question the shop's facts answer is answered (`meanwhile.rs`); otherwise silence.
        let step = escalation(ctx, u)
            .map(Step::Escalate)
            .or_else(|| super::meanwhile::answer_meanwhile(ctx, u))
            .unwrap_or(Step::Silence);
        return Plan {
            lapsed_action: None,
            step,
        };
    }
    // A proposed action is answered by this message, or lapses: money never moves on a
    // "yes" that came later, to something else (`confirm.rs`).
    let lapsed_action = match confirm::read(ctx, u) {
        confirm::Reading::Answered(plan) => return plan,
        confirm::Reading::StillOpen(_)
            if to_a_person(ctx, u).is_none() && !honesty::asks_if_bot(&u.text) =>
        {
            return Plan {
                lapsed_action: None,
                step: Step::Reply(confirm::still_open(ctx, u)),
            };
        }
        confirm::Reading::Lapses(action) | confirm::Reading::StillOpen(action) => action,
    };
    let step = match to_a_person(ctx, u) {
        Some(d) => Step::Reply(d),
        // Asked whether it is a bot: it says so plainly, and a person is one tap away.
        None if (honesty::asks_if_bot(&u.text)
            || (ctx.last_intent() == Some("bot_identity")
                && honesty::presses_for_the_truth(&u.text)))
            && !honesty::beside_a_task(u) =>
        {
            Step::Reply(finish(
                ctx,
                u,
                say(
                    "bot_identity",
                    Line::BotDisclosure,
                    lang,
                    ConversationState::Bot,
                ),
            ))
        }
        None => match answer(ctx, u) {
            Answer::Now(d) => match unless_a_person_is_likelier(ctx, u, &d) {
                Some(to_a_person) => Step::Reply(to_a_person),
                None => Step::Reply(finish(ctx, u, d)),
            },
            Answer::Call(call) => Step::Call(call),
        },
    };
    // A question about the terms of what was proposed, asked before answering it: answered,
    // and the proposal shown again, still open (`confirm.rs`).
    if lapsed_action.is_some()
        && let Step::Reply(d) = &step
        && let Some(again) = confirm::shown_again(ctx, u, d)
    {
        return Plan {
            lapsed_action: None,
            step: Step::Reply(again),
        };
    }
    Plan {
        lapsed_action,
        step,
    }
}

/// The answer to a message, now or after a plugin call.
#[expect(
    clippy::large_enum_variant,
    reason = "one value per turn, moved once: boxing buys nothing"
)]
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// Answered without a plugin.
    Now(Decision),
    /// A plugin must be asked first.
    Call(CallPlan),
}

/// The answer to the message itself: a fixed reply, a clarifying question, a question for
/// what the intent still needs, the merchant's FAQ, an honest "I can't", or a plugin call.
pub fn answer(ctx: &TurnContext, u: &Understanding) -> Answer {
    answer_routed(ctx, u, routing::route(ctx, u))
}

/// [`answer`], with the message already routed ([`routing::route`]).
pub fn answer_routed(ctx: &TurnContext, u: &Understanding, route: Route) -> Answer {
    use ConversationState::Bot;
    let lang = u.lang;
    if let Some(d) = super::withdrawn::withdrawn(ctx, u)
        .or_else(|| no_number::email_given(ctx, u))
        .or_else(|| no_number::not_at_hand(ctx, u))
        .or_else(|| money::named_beyond_the_caps_while_proof_waits(ctx, u))
        .or_else(|| email_declined::declined(ctx, u))
        .or_else(|| claims::awaiting_email(ctx, u))
        .or_else(|| claims::exchange_asked_with_the_email(ctx, u))
        .or_else(|| claims::awaiting_order_number(ctx, u))
    {
        return Answer::Now(d);
    }
    // What went wrong with a delivery, or time pressure, is heard by meaning, whatever the
    // model or a product named made of the message; a message that answers a question the
    // bot asked keeps to that question.
    // A clarifying question is answered by one of its options or a short follow-up; a
    // message that tells more ("fine. hoodies. order 1004. one has a hole in the sleeve.")
    // is heard afresh.
    let answering = ctx.conversation.pending_intent.is_some()
        || (!ctx.pending.clarify.is_empty()
            && (super::labels::intent_for_label(&u.text, &ctx.pending.clarify).is_some()
                || super::language::is_follow_up(&u.text)));
    let heard = super::situation::heard(ctx, u, &route, answering);
    // An FAQ entry an agent saved for these words answers them, whatever the model made of
    // them (`correction.rs`), unless they answer a question the bot asked or a delivery
    // problem or time pressure was heard.
    if !answering
        && heard.is_none()
        && let Some(entry) = faq_answers::taught_faq(ctx, u)
    {
        return Answer::Now(answer_with(
            entry.intent.as_deref().unwrap_or("faq"),
            entry.answer.clone(),
            vec![],
        ));
    }
    // Torn between the shop's delivery times or options and where an order is, with an order
    // named now or earlier ("wait no. actually keep it. sorry!! is it shipping soon though"
    // after 1002's cancellation was shown): that order's whereabouts.
    let mut route = route;
    if !route.settled
        && (route.order_number.is_some() || ctx.remembered.order_number.is_some())
        && u.prediction.top.len() >= 2
        && u.prediction.top.iter().take(2).all(|(i, _)| {
            matches!(
                i.as_str(),
                "track_order" | "delivery_period" | "delivery_options"
            )
        })
        && u.prediction
            .top
            .iter()
            .take(2)
            .any(|(i, _)| i == "track_order")
        // "forget that … how long does express shipping take?": the shop's options asked;
        // "how long does delivery to Germany take?": the shop's times abroad.
        && !super::shipping_words::names_a_shipping_option(&u.text)
        && !super::set_aside::sets_aside(&u.text)
        && !super::destinations::names_a_destination(&u.text)
        // Only where the shopper would be asked which they mean.
        && clarify::clarify(u).is_some()
    {
        route.intent = routing::TRACK_ORDER.to_string();
        route.settled = true;
    }
    if !route.settled
        && heard.is_none()
        && let Some(d) = clarify::clarify(u)
    {
        // Torn between two questions the FAQ answers: the entry the words match is the
        // answer, not "which of these do you mean?".
        if let Some(entry) = faq_answers::faq_for_either(ctx, u, &d.pending.clarify) {
            return Answer::Now(faq_answers::with_other_answers(ctx, u, entry));
        }
        return Answer::Now(d);
    }
    let Route {
        intent,
        settled,
        order_number,
        email,
        address,
    } = route;
    let settled = settled && heard.is_none();
    let intent = heard.map_or(intent, str::to_string);
    // An order number the shopper gave earlier is never asked for again.
    let order_number = order_number.or_else(|| ctx.remembered.order_number.clone());
    // A delivery problem told of an order that has not shipped ("has my bottle order shipped
    // yet??" heard as a parcel not received, with 1002 still being prepared): nothing of it
    // can have arrived, damaged or not, so where the order is answers it, nobody needed.
    // Told it never came while the carrier has not marked it delivered ("supposed to be here
    // on the 26th. Order 1001. Is it lost or what"), the parcel is late, not lost: where it
    // is answers that too, with the apology and the way to a person a late order gets (a
    // claim told before, its number given now, stays the claim).
    let status = order_number
        .as_deref()
        .and_then(|n| ctx.order(n))
        .map(|o| o.status.as_str());
    let intent = if claims::what(&intent).is_some() && status == Some("processing")
        || intent == "report_not_received"
            && !answering
            && status == Some("shipped")
            && !super::claim_words::says_the_carrier_left_it(&u.text)
    {
        routing::TRACK_ORDER.to_string()
    } else {
        intent
    };
    let intent = intent.as_str();
    if let Some(d) = intake(ctx, u, intent, order_number.as_deref()) {
        return Answer::Now(d);
    }
    match intent {
        routing::SUPPLIED => {
            let mut d = say(intent, Line::WhatToDoWithIt, lang, Bot);
            d.cards = replies::quick_replies(Line::WhatToDoWithIt, lang);
            return Answer::Now(d);
        }
        "greeting" => return Answer::Now(say(intent, Line::Greeting, lang, Bot)),
        "thanks" => return Answer::Now(say(intent, Line::Thanks, lang, Bot)),
        "goodbye" => return Answer::Now(say(intent, Line::Goodbye, lang, Bot)),
        _ => {}
    }
    // How a product fits, or which size to take: the shop's sizing advice in its FAQ, which
    // the product's details do not hold. Asked with its price or stock, the product's card,
    // which holds those. Heard as out of scope, a size asked for one of the shop's products
    // ("what size tee should i get, normally an M") is the same question.
    if (matches!(intent, "product_info" | "product_availability")
        || (intent == OUT_OF_SCOPE && ctx.names_product))
        && kefu_intent::asks::asks_only_about_fit(&u.text)
    {
        if let Some(entry) = ctx.faq_in(lang).and_then(|f| f.find(&u.text, intent)) {
            return Answer::Now(answer_with(
                entry.intent.as_deref().unwrap_or("faq"),
                entry.answer.clone(),
                vec![],
            ));
        }
        // Asked in words the entry does not share ("how does the zip hoodie fit?"): the
        // entry about fit all the same.
        if let Some(advice) = faq_answers::fit_advice(ctx, u) {
            return Answer::Now(answer_with("faq", advice, vec![]));
        }
    }
    let Some(served) = ctx.served(intent).filter(|_| intent != OUT_OF_SCOPE) else {
        let found = ctx.faq_in(lang).and_then(|f| f.find(&u.text, intent));
        // Routed for certain to a question the FAQ answers, an entry about another question
        // is not its answer: the entries about it answer it ("if my basket comes to 45 bucks
        // do i still pay for shipping": what shipping costs, though "pay" is the ways to
        // pay's word).
        if settled
            && found.is_some_and(|e| e.intent.as_deref().is_some_and(|i| i != intent))
            && let Some(entry) = faq_answers::of_the_intent(ctx, u, intent)
        {
            return Answer::Now(faq_answers::with_other_answers(ctx, u, &entry));
        }
        if let Some(entry) = found {
            return Answer::Now(faq_answers::with_other_answers(ctx, u, entry));
        }
        let line = if intent == OUT_OF_SCOPE {
            Line::OutOfScope
        } else {
            Line::CannotHandleYet
        };
        return Answer::Now(say(intent, line, lang, Bot));
    };
    // The email given instead of the number ("jane@example.com" when the number was asked):
    // kept, and the number asked with a way out for a shopper who does not have it.
    let ask_number = if u.slot(kefu_intent::slots::SlotKind::Email).is_some() {
        Line::AskOrderNumberHaveEmail
    } else {
        Line::AskOrderNumber
    };
    if served.needs_slot("order-number") && order_number.is_none() {
        let mut d = ask(intent, ask_number, lang, Pending::default());
        // When a refund comes, asked ("我就想知道我的钱什么时候能退回来"): the shop's answer
        // first (its refund policy says how long refunds take), then the order asked for,
        // to see whether one has been issued.
        if intent == "track_refund"
            && super::refund_words::asks_when(&u.text)
            && let Some(entry) = faq_answers::entry_for(ctx, "check_refund_policy", lang)
        {
            d.text = format!("{} {}", entry.answer, d.text);
        }
        return Answer::Now(d);
    }
    if let Some(d) = claims::returned_without_refund(ctx, u, intent, order_number.as_deref()) {
        return Answer::Now(d);
    }
    // Acting on an order needs proof it is the shopper's; telling where it is does not,
    // but its carrier and tracking number are shown only to its owner (`ownership.rs`).
    let mut verified_email = None;
    let mut proof_failed = false;
    if served.needs_owner() {
        let Some(number) = &order_number else {
            return Answer::Now(ask(intent, ask_number, lang, Pending::default()));
        };
        if (intent == routing::GET_REFUND || claims::what(intent).is_some())
            && email.is_none()
            && ownership::verified(ctx).is_none()
            && let Some(d) =
                money::asked_beyond_the_caps(ctx, served, intent, &u.text, Some(number), lang)
        {
            return Answer::Now(d);
        }
        match ownership::required(ctx, intent, number, email.as_deref(), lang) {
            Ok(by) => verified_email = Some(by),
            // A second email that does not match, given in doubt or with the first held to
            // ("hmm that's my email though? try liwei@example.com then"), or a first given
            // with word that the shopper does not know which it was ("no idea which one I
            // used, maybe liwei88@example.com?"): a person checks another way.
            Err(d)
                if d.line == Some(Line::OwnershipNotProven)
                    && ((ctx.trust.conversation_failures >= 1
                        && (email_declined::doubts_the_email_given(&u.text)
                            || email_declined::disputes_the_mismatch(&u.text)))
                        || email_declined::does_not_know_the_email_given(&u.text)) =>
            {
                let why = "the shopper is not sure which email the order was placed with";
                return Answer::Now(Decision {
                    proof_failed: true,
                    ..email_declined::to_a_person(intent, number, why, lang)
                });
            }
            // A claim whose email does not match reaches a person, who checks another way
            // that the order is theirs: a delivery problem is not left at "please check
            // both".
            Err(d)
                if d.line == Some(Line::OwnershipNotProven) && claims::what(intent).is_some() =>
            {
                let what = claims::what(intent).unwrap_or_default();
                let reason = format!(
                    "{}; the email given did not match: check it is theirs another way",
                    claims::reason(what, number)
                );
                let why = replies::text(Line::ClaimEmailMismatch, lang);
                return Answer::Now(Decision {
                    proof_failed: true,
                    ..claims::to_a_person(intent, &reason, Some(why), lang)
                });
            }
            Err(d) => return Answer::Now(d),
        }
    } else if let Some(number) = &order_number {
        match ownership::optional(ctx, intent, number, email.as_deref(), lang) {
            Ok(o) => (verified_email, proof_failed) = (o.proven, o.failed),
            Err(d) => return Answer::Now(d),
        }
    }
    let mut slots = Vec::new();
    if let Some(n) = &order_number {
        slots.push(("order-number".to_string(), n.clone()));
    }
    if let Some(e) = &email {
        slots.push(("email".to_string(), e.clone()));
    }
    if let Some(m) = u.slot(kefu_intent::slots::SlotKind::Money) {
        slots.push(("amount".to_string(), m.to_string()));
    }
    if let Some(a) = &address {
        slots.push(("address".to_string(), a.clone()));
    }
    Answer::Call(CallPlan {
        plugin: served.plugin.clone(),
        request: PluginRequest {
            intent: intent.to_string(),
            locale: lang.tag().to_string(),
            // A product is looked up by the words the shopper meant: pinyin typed without a
            // Chinese input method ("maozi hai you huo ma") as the characters it spells.
            // A follow-up that names no product ("and how much is it again") is about the one
            // named before.
            text: if served.about_product() {
                let text = super::understand::as_read(&u.text).into_owned();
                match &ctx.remembered.product {
                    Some(product) => format!("{product} {text}"),
                    None => text,
                }
            } else {
                u.text.clone()
            },
            slots,
            owner_verified: verified_email.is_some(),
        },
        verified_email,
        order_number,
        proof_failed,
    })
}

/// The intent of a message whose situation makes time critical.
pub const URGENT: &str = "urgent_request";

/// Delivery problems, urgency and complaints: the bot takes in what happened (the order,
/// asked for once) and hands it to a person with the facts, instead of "I can't handle
/// that". The shopper is told the person sees the whole conversation. A delivery problem
/// the merchant's plugin serves is asked of the plugin instead (`claims.rs`).
fn intake(
    ctx: &TurnContext,
    u: &Understanding,
    intent: &str,
    order: Option<&str>,
) -> Option<Decision> {
    let lang = u.lang;
    if let Some(what) = claims::what(intent) {
        // The goods asked to be exchanged or sent again ("邮箱 carlos@example.com，能换吗"):
        // the plugin proposes money back only, so a person arranges it, with the facts.
        if let Some(order) = order
            && super::claim_words::asks_for_other_goods(&u.text)
        {
            let reason = format!(
                "{}; the shopper asks for an exchange or replacement",
                claims::reason(what, order)
            );
            return Some(claims::to_a_person(intent, &reason, None, lang));
        }
        let email = u
            .slot(kefu_intent::slots::SlotKind::Email)
            .or(ctx.remembered.email.as_deref());
        return claims::intake(ctx, intent, order, email, u.upset, lang);
    }
    let on_order = order.map(|n| format!(", order {n}")).unwrap_or_default();
    match intent {
        URGENT => {
            let mut d = hand_off(
                Line::UrgentHandoff,
                lang,
                &format!("urgent: time-critical for the shopper{on_order}"),
                1,
            );
            d.intent = URGENT.into();
            // What the shop can do now, in its own words: its fastest delivery options.
            if let Some(entry) = faq_answers::entry_for(ctx, "delivery_options", lang) {
                d.text = format!("{}\n\n{}", d.text, entry.answer);
                d.line = None;
            }
            Some(d)
        }
        "complaint" => {
            let mut d = hand_off(
                Line::ComplaintHandoff,
                lang,
                &format!("complaint{on_order}"),
                1,
            );
            d.intent = intent.into();
            Some(d)
        }
        _ => None,
    }
}

/// The answer after the plugin `call` returned `result`. A proposal is stored under
/// `action_id` (made by the executor: ids are random) in the plugin's `version`.
pub fn after_call(
    ctx: &TurnContext,
    u: &Understanding,
    call: &CallPlan,
    result: Result<PluginReply, CallError>,
    action_id: &str,
    version: &str,
) -> Decision {
    use ConversationState::Bot;
    let lang = u.lang;
    let intent = call.intent();
    let about_product = ctx.served(intent).is_some_and(|s| s.about_product());
    // A delivery claim the plugin does not answer with a proposal goes to a person.
    if let Some(d) = claims::unless_proposed(call, &result, lang) {
        return finish(ctx, u, d);
    }
    let mut d = match result {
        Ok(reply) => match ctx.served(intent) {
            Some(served) => claims::proposed(
                call,
                money::proposal(ctx, served, intent, reply, call, lang, action_id, version),
                lang,
            ),
            // The plugin went away between deciding and answering: its words still hold,
            // but nothing it proposes can be checked.
            None => answer_with(intent, reply.text, reply.cards),
        },
        Err(CallError::MissingSlot(slot)) if slot == "address" => {
            let pending = Pending {
                order_number: call.order_number.clone(),
                need: Some("address".into()),
                ..Pending::default()
            };
            let mut d = ask(intent, Line::AskAddress, lang, pending);
            // Asked which address the order goes to (the shopper proved it theirs), or a part
            // of it corrected that it does not have ("it says Nanjing Rd 12 but it should be
            // 21"): the one the merchant's data has, and the new one asked for whole.
            let fix_missed = ctx.remembered.address_correction.is_some()
                || super::address_fix::correction(&u.text, true).is_some();
            if (address::asks_which_one(&u.text) || fix_missed)
                && let Some(order) = call.order_number.as_deref()
                && let Some(on_file) = address_change::on_file(ctx, Some(order))
            {
                d.text = replies::say_with(
                    lang,
                    Msg::AddressOnFile,
                    &[("order", order), ("address", on_file)],
                );
                d.line = None;
            }
            d
        }
        Err(CallError::MissingSlot(_)) => {
            ask(intent, Line::AskOrderNumber, lang, Pending::default())
        }
        // The shop's range asked ("do you guys sell socks", "ok what DO you sell"): what it
        // does sell, rather than the name asked for again.
        Err(CallError::NotFound(_))
            if about_product
                && super::range_words::asks_what_the_shop_sells(&u.text)
                && !ctx.config.catalog.is_empty() =>
        {
            let names: Vec<&str> = ctx
                .config
                .catalog
                .iter()
                .map(|p| match lang {
                    Lang::Zh => p.name_zh.as_deref().unwrap_or(&p.name),
                    _ => p.name.as_str(),
                })
                .collect();
            let list = names.join(if lang == Lang::Zh { "、" } else { ", " });
            answer_with(
                intent,
                replies::say_with(lang, Msg::ShopRange, &[("products", &list)]),
                vec![],
            )
        }
        Err(CallError::NotFound(_)) if about_product => {
            say(intent, Line::ProductNotFound, lang, Bot)
        }
        Err(CallError::NotFound(_)) => ask(intent, Line::OrderNotFound, lang, Pending::default()),
        // The merchant's policy, in the plugin's words; the need is still unmet.
        Err(CallError::NotAllowed(why)) => Decision {
            failed: true,
            ..answer_with(
                intent,
                why,
                replies::quick_replies(Line::CannotHandleYet, lang),
            )
        },
        Err(_) => say(intent, Line::PluginFailed, lang, Bot),
    };
    beside::append(ctx, u, intent, about_product, &mut d);
    d = ownership::shown(call, d, lang);
    if d.verified_email.is_none() {
        d.verified_email = call.verified_email.clone();
    }
    finish(ctx, u, d)
}

/// The answer once a confirmed action was carried out (or could not be).
pub fn after_commit(u: &Understanding, outcome: CommitOutcome) -> Decision {
    money::committed(outcome, u.lang)
}

#[cfg(test)]
#[path = "decide_tests.rs"]
pub(crate) mod tests;

#[cfg(test)]
#[path = "decide_aside_tests.rs"]
mod aside_tests;
#[cfg(test)]
#[path = "decide_asked_tests.rs"]
mod asked_tests;
#[cfg(test)]
#[path = "decide_delivery_tests.rs"]
mod delivery_tests;
#[cfg(test)]
#[path = "decide_faq_tests.rs"]
mod faq_tests;
#[cfg(test)]
#[path = "decide_meanwhile_tests.rs"]
mod meanwhile_tests;
#[cfg(test)]
#[path = "decide_memory_tests.rs"]
mod memory_tests;
#[cfg(test)]
#[path = "decide_money_tests.rs"]
mod money_tests;
#[cfg(test)]
#[path = "decide_orders_tests.rs"]
mod orders_tests;
#[cfg(test)]
#[path = "decide_own_words_tests.rs"]
mod own_words_tests;
#[cfg(test)]
#[path = "ownership_tests.rs"]
mod ownership_tests;
#[cfg(test)]
#[path = "decide_person_tests.rs"]
mod person_tests;
#[cfg(test)]
#[path = "decide_plain_words_tests.rs"]
mod plain_words_tests;
#[cfg(test)]
#[path = "decide_plugin_tests.rs"]
mod plugin_tests;
#[cfg(test)]
#[path = "decide_policy_tests.rs"]
mod policy_tests;
#[cfg(test)]
#[path = "decide_reading_tests.rs"]
mod reading_tests;
#[cfg(test)]
#[path = "decide_refund_tests.rs"]
mod refund_tests;
#[cfg(test)]
#[path = "decide_remarks_tests.rs"]
mod remarks_tests;
#[cfg(test)]
#[path = "decide_second_asks_tests.rs"]
mod second_asks_tests;
#[cfg(test)]
#[path = "decide_shop_tests.rs"]
mod shop_tests;
#[cfg(test)]
#[path = "decide_situations_tests.rs"]
mod situations_tests;
#[cfg(test)]
#[path = "decide_taught_tests.rs"]
mod taught_tests;
#[cfg(test)]
#[path = "decide_waiting_tests.rs"]
mod waiting_tests;
