//! The merchant's FAQ beside the model's reading of a message: the entry answering either of
//! two meanings the model is torn between, the entry an agent taught for these words, the
//! answers to a message's other questions, and the shop's sizing advice. Pure; the matching
//! itself is [`super::faq`]'s.

use super::context::TurnContext;
use super::correction::{Correction, Target};
use super::cues;
use super::decision::{Decision, answer_with};
use super::replies::Lang;
use super::understand::Understanding;
use crate::store::FaqEntry;

/// The merchant's FAQ entry the message's words match, when it answers one of `choices`
/// (the two requests the model is torn between) and no plugin serves either of them (a
/// product's question counts as served only when a product of the catalogue is named).
pub(super) fn faq_for_either<'a>(
    ctx: &'a TurnContext,
    u: &Understanding,
    choices: &[String],
) -> Option<&'a FaqEntry> {
    // A product's question with no product of the catalogue named is no choice a plugin
    // answers ("能用支付宝付吗?另外寄日本的话大概多久能到" torn between the ways to pay and a
    // product's details).
    let product_unnamed =
        |c: &str| matches!(c, "product_info" | "product_availability") && !ctx.names_product;
    if choices.is_empty()
        || choices
            .iter()
            .any(|c| ctx.served(c).is_some() && !product_unnamed(c))
    {
        return None;
    }
    let first = choices.iter().find(|c| !product_unnamed(c))?;
    let entry = ctx.faq_in(u.lang)?.find(&u.text, first)?;
    // An entry about no intent in particular ("可以寄到国外吗？": the countries shipped to)
    // that the words found over both choices' own entries answers it too ("你们可以寄到日本吗？
    // 大概多久").
    match entry.intent.as_deref() {
        None => Some(entry),
        Some(intent) => choices.iter().any(|c| c == intent).then_some(entry),
    }
}

/// The merchant's FAQ entry in the reply's language that an agent taught the message's
/// words to mean, if it still exists.
pub(super) fn taught_faq<'a>(ctx: &'a TurnContext, u: &Understanding) -> Option<&'a FaqEntry> {
    let Some(Correction {
        target: Target::Faq(id),
        ..
    }) = &u.taught
    else {
        return None;
    };
    ctx.faq()
        .iter()
        .find(|e| e.id == *id && e.lang == u.lang.tag())
}

/// `entry`'s answer, and the answers to the other questions `u` asks
/// ([`other_answers`]).
pub(super) fn with_other_answers(
    ctx: &TurnContext,
    u: &Understanding,
    entry: &FaqEntry,
) -> Decision {
    let mut text = entry.answer.clone();
    for other in other_answers(ctx, u, &entry.answer) {
        super::replies::append(&mut text, &other, u.lang);
    }
    answer_with(entry.intent.as_deref().unwrap_or("faq"), text, vec![])
}

/// The merchant's FAQ answers to the other questions `u` asks, one per question mark ("do
/// you ship to australia?? and can i pay with afterpay"), besides `first`, the answer to the
/// whole message: each shop question gets its answer, not only the likeliest one.
fn other_answers(ctx: &TurnContext, u: &Understanding, first: &str) -> Vec<String> {
    let questions: Vec<&str> = u
        .text
        .split_inclusive(['?', '？'])
        // The question itself, without what leads up to it ("Hi there! Few quick questions:
        // 1) is shipping free?").
        .map(|q| {
            let body = q.trim_end_matches(['?', '？']);
            body.rfind(['!', '.', ':', ')', '。', '！', '：', '）'])
                .map_or(q, |at| {
                    &q[at + body[at..].chars().next().map_or(1, char::len_utf8)..]
                })
                .trim()
        })
        .filter(|q| q.chars().filter(|c| c.is_alphanumeric()).count() >= 4)
        .collect();
    let Some(faq) = ctx.faq_in(u.lang).filter(|_| questions.len() >= 2) else {
        return Vec::new();
    };
    let mut answers: Vec<String> = Vec::new();
    for q in questions {
        // Each question on its own: what the model heard in the whole message ("can I pay
        // with Apple Pay?") favours no entry for another ("is shipping free?").
        if let Some(entry) = faq.find(q, kefu_intent::OUT_OF_SCOPE)
            && entry.answer != first
            && !answers.contains(&entry.answer)
        {
            answers.push(entry.answer.clone());
        }
    }
    answers.truncate(2);
    answers
}

/// The merchant's first FAQ entry about `intent` in `lang`, whatever was asked: the shop's
/// own words beside another answer (its refund times, its delivery options).
pub(super) fn entry_for<'a>(
    ctx: &'a TurnContext,
    intent: &str,
    lang: Lang,
) -> Option<&'a FaqEntry> {
    ctx.faq()
        .iter()
        .find(|e| e.lang == lang.tag() && e.intent.as_deref() == Some(intent))
}

/// The entry among those about `intent` (in the reply's language) that answers `u`, if any
/// does: for a message routed to that intent for certain.
pub(super) fn of_the_intent(
    ctx: &TurnContext,
    u: &Understanding,
    intent: &str,
) -> Option<crate::store::FaqEntry> {
    let about: Vec<crate::store::FaqEntry> = ctx
        .faq()
        .iter()
        .filter(|e| e.lang == u.lang.tag() && e.intent.as_deref() == Some(intent))
        .cloned()
        .collect();
    super::faq::find(&about, &u.text, intent).cloned()
}

/// The merchant's sizing advice when `u` asks how a product fits: the FAQ entry (in the
/// reply's language) whose own question asks that.
pub(super) fn fit_advice(ctx: &TurnContext, u: &Understanding) -> Option<String> {
    if !cues::asks_about_fit(&u.text) {
        return None;
    }
    ctx.faq()
        .iter()
        .filter(|e| e.lang == u.lang.tag())
        .find(|e| kefu_intent::asks::asks_about_fit(&e.question))
        .map(|e| e.answer.clone())
}
