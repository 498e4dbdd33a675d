//! A message that goes on with what came before: the choice a clarifying question offered,
//! what was asked for (with another question the model is fairly sure of, that question),
//! a part of an address corrected while its change is under way, an order number after a
//! choice or a follow-up naming another order, "I already told you". Tried first by
//! `routing.rs`. Pure.

use kefu_intent::OUT_OF_SCOPE;

use super::address_change::{corrected_now, proposed_address};
use super::cancel_words;
use super::claim_words;
use super::cues::{self, says_already_told};
use super::language::{is_follow_up, mentions};
use super::refund_words::asks_for_money_back;
use super::replies;
use super::return_words;
use super::routing_heard::{
    CHANGE_ADDRESS, DELIVERY_OPTIONS, GET_REFUND, Heard, SUPPLIED, TRACK_ORDER,
};
use super::supplied::only_values;

/// From this confidence a message that gives what was asked for and asks something else
/// ([`continued`]) is heard as that other question.
const ANOTHER_QUESTION: f32 = 0.5;

/// The intent `h` continues, and whether it is settled, if it goes on with what came before.
pub(super) fn continued<'a>(h: &Heard<'a>) -> Option<(&'a str, bool)> {
    let Heard {
        ctx,
        u,
        text,
        order_number,
        named,
        address,
        continues,
        chosen,
        ..
    } = *h;
    let takes_order_number = |intent: &str| h.takes_order_number(intent);
    let conv = &ctx.conversation;
    let pending = &ctx.pending;
    Some(
        match (conv.pending_intent.as_deref(), chosen, ctx.last_intent()) {
            (_, Some(chosen), _) => (chosen, true),
            // "取消不了的话，那我要怎么退？" while the cancellation waits for its email: the
            // return policy, the cancellation still waiting ([`super::finish`]).
            (Some("cancel_order"), None, _)
                if cancel_words::asks_how_to_return_if_not(text)
                    && u.slot(kefu_intent::slots::SlotKind::Email).is_none() =>
            {
                ("check_refund_policy", true)
            }
            // With what was asked for, another question the model is fairly sure of
            // ("carlos@example.com，帽子到底怎么退" after the email was asked for the order's
            // carrier): that question, with the values remembered for it.
            // (A claim's own next question, "carlos@example.com，能直接退钱吗", is the claim's.)
            // (Nor are the times of the order asked after, "1002, when will it arrive?", nor an
            // address written as a question.)
            (Some(p), None, _)
                if continues
                    && super::claims::what(p).is_none()
                    && address.is_none()
                    && !(takes_order_number(p)
                        && matches!(
                            u.prediction.intent.as_str(),
                            "delivery_period" | DELIVERY_OPTIONS
                        ))
                    && !only_values(u, true)
                    && u.prediction.intent != p
                    && u.prediction.confidence >= ANOTHER_QUESTION
                    && !matches!(
                        u.prediction.intent.as_str(),
                        OUT_OF_SCOPE | "greeting" | "thanks" | "goodbye" | "complaint"
                    )
                    && (cues::is_a_question(text)
                        || mentions(text, &["怎么", "如何", "how do"]))
                    && !hedges_what_it_gives(u) =>
            {
                (u.prediction.intent.as_str(), false)
            }
            // The email the order's whereabouts waited for, with the money asked back instead
            // ("jane@example.com. honestly just refund me, I'm done waiting"): the refund.
            (Some(TRACK_ORDER), None, _)
                if continues && asks_for_money_back(text) && takes_order_number(GET_REFUND) =>
            {
                (GET_REFUND, true)
            }
            (Some(p), None, _) if continues => (p, true),
            // "for the water bottle" while the refund waits for its order number: which goods
            // the request is about, not a question about the product; the request goes on.
            (Some(p), None, _)
                if takes_order_number(p) && ctx.names_product && names_the_goods_only(text) =>
            {
                (p, true)
            }
            // "yes please stop it, found one cheaper locally" while the email for the
            // cancellation is asked: the same request agreed to again, its question asked
            // again (not a question of its own, nor a value given).
            (Some(p), None, _)
                if replies::opens_with_yes(text)
                    && takes_order_number(p)
                    && !cues::is_a_question(text)
                    && matches!(
                        u.prediction.intent.as_str(),
                        OUT_OF_SCOPE | "greeting" | "thanks" | "goodbye"
                    ) =>
            {
                (p, true)
            }
            // A part of the address corrected while its change is under way, asked or proposed
            // ("sorry it's 17 not 71"), when the correction applies: the change, with the
            // address corrected.
            (pending_intent, None, _)
                if (pending_intent == Some(CHANGE_ADDRESS) || proposed_address(ctx).is_some())
                    && corrected_now(ctx, text, named, true).is_some() =>
            {
                (CHANGE_ADDRESS, true)
            }
            // Asked which of two things is meant, the order number sent: the choice taking one.
            // So with word that it was said already ("1002啊 刚才不是说了吗").
            (None, None, _)
                if (only_values(u, true)
                    || (order_number.is_some()
                        && (says_already_told(text) || text.chars().count() <= 12)))
                    && pending.clarify.iter().any(|c| takes_order_number(c)) =>
            {
                let choice = pending.clarify.iter().find(|c| takes_order_number(c));
                (choice.map_or(SUPPLIED, String::as_str), true)
            }
            (None, None, Some(last))
                if order_number.is_some()
                    && (is_follow_up(text) || corrects_a_slip(text))
                    && takes_order_number(last) =>
            {
                (last, true)
            }
            // Told to start what the return's steps or the refund policy just described, the
            // order named ("alright, go ahead and start it - you've got everything from my
            // first message"): the refund the merchant's plugin weighs.
            (None, None, Some("return_item" | "check_refund_policy"))
                if named.is_some()
                    && return_words::starts_it(text)
                    && takes_order_number(GET_REFUND) =>
            {
                (GET_REFUND, true)
            }
            // "I already told you": what was told answers the question pending (or the one just
            // answered), with the order number and email the shopper gave earlier.
            (Some(p), None, _)
                if says_already_told(text)
                    && (ctx.remembered.order_number.is_some()
                        || ctx.remembered.email.is_some()) =>
            {
                (p, true)
            }
            (None, None, Some(last))
                if says_already_told(text)
                && named.is_some()
                && takes_order_number(last)
                // "right, then cancel it. everything you need is up there in my first
                // message": what it asks in so many words.
                && !cancel_words::asks_to_cancel_an_order(text)
                && !asks_for_money_back(text)
                // "ok then cancel it. I already gave you everything above", "那我现在还能退吗？
                // 单号和邮箱刚才都给过你了": another thing asked, not the question before.
                && !(u.prediction.intent != last
                    && u.prediction.confidence >= 0.5
                    && (takes_order_number(&u.prediction.intent)
                        || (text.contains(['?', '？'])
                            && !matches!(
                                u.prediction.intent.as_str(),
                                OUT_OF_SCOPE | "greeting" | "thanks" | "goodbye" | "complaint"
                            )))) =>
            {
                (last, true)
            }
            // "I already told you the order number three times. 1001.", nothing asked before: the
            // order's whereabouts (not "…cancel 掉!!", goods gone wrong, or money asked back).
            (None, None, _)
                if says_already_told(text)
                    && order_number.is_some()
                    && !claim_words::goods_gone_wrong(text, u.topic)
                    && !asks_for_money_back(text)
                    // "third time I'm asking today. 1003. … I want to return the cap": the
                    // return.
                    && !return_words::asks_to_send_back(text)
                    && takes_order_number(TRACK_ORDER)
                    && !(u.prediction.intent != TRACK_ORDER
                        && u.prediction.confidence >= 0.5
                        && takes_order_number(&u.prediction.intent)) =>
            {
                (TRACK_ORDER, true)
            }
            _ => return None,
        },
    )
}

/// Whether `u` hedges the value it gives rather than asking something ("the hoodie one.
/// um 1004 i think??", "应该是1002吧？", "hm 好像不是这个... maybe li.wei@example.com?"): its
/// question mark is doubt, not a question.
fn hedges_what_it_gives(u: &super::understand::Understanding) -> bool {
    let text = u.text.as_str();
    let lower = text.to_lowercase();
    let hedge = [
        "i think?",
        "i think ?",
        "i believe?",
        "maybe?",
        "i guess?",
        "not sure?",
        "应该是",
        "好像是",
        "我记得是",
    ];
    // The question mark straight after the email given ("maybe jane@example.com?"), or after
    // the number alone or doubted ("1004?", "um 1004?"; "can you track 1002?" and "取消1002？"
    // ask).
    let asked_of_the_value = u.slots.iter().any(|s| {
        let doubted = match s.kind {
            kefu_intent::slots::SlotKind::Email => true,
            kefu_intent::slots::SlotKind::OrderNumber => text.get(..s.start).is_some_and(|b| {
                let b = b.trim().to_lowercase();
                b.is_empty()
                    || [
                        "um", "hm", "hmm", "maybe", "i think", "好像", "可能", "应该",
                    ]
                    .iter()
                    .any(|h| b.ends_with(h))
            }),
            _ => false,
        };
        doubted
            && text
                .get(s.end..)
                .is_some_and(|rest| rest.trim_start().starts_with(['?', '？']))
    });
    (hedge.iter().any(|h| lower.contains(h)) || asked_of_the_value)
        && !mentions(
            &lower,
            &[
                "where", "when", "how", "what", "why", "哪", "什么", "怎么", "多久",
            ],
        )
}

/// Whether `text` owns up to a slip in what it gave before ("ugh, typo. 1002. the bottle.",
/// "打错了，是1002"): the number it gives now goes on with what came before.
/// Short, asking nothing else ("the slogan on my tee from 1004 has a typo" reports a defect).
fn corrects_a_slip(text: &str) -> bool {
    let lower = text.to_lowercase();
    let short = text.split_whitespace().count() <= 6 && text.chars().count() <= 40;
    short
        && (super::language::says_word(&lower, &["typo", "typo'd", "mistyped"])
            || mentions(&lower, &["打错了", "输错了", "写错了"]))
        && !mentions(&lower, &["address", "地址", "slogan", "print"])
}

/// Whether `text` only names which goods a request is about, in a fragment ("for the water
/// bottle", "it's for the navy cap"): no question, a handful of words.
fn names_the_goods_only(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    let a_fragment = [
        "for the ",
        "it's for the ",
        "its for the ",
        "it is for the ",
        "about the ",
    ]
    .iter()
    .any(|p| lower.starts_with(p));
    a_fragment
        && lower.split_whitespace().count() <= 6
        && !lower.contains(['?', '？'])
        && !cues::asks_in_any_clause(&lower)
        && !cues::asks_about_a_product_at_all(&lower)
}
