//! Which of two meanings the shopper means, when the model is torn between two shop intents:
//! a clarifying question with both and a person as options, or (when exactly one of them
//! acts on an order the shopper named) that one. Pure.

use kefu_intent::OUT_OF_SCOPE;
use kefu_protocol::{Card, ConversationState};

use super::decision::{Decision, Pending, say};
use super::labels;
use super::replies::{self, Lang, Line};
use super::understand::Understanding;

/// Below this confidence the bot asks which of the likely intents is meant.
pub(super) const CLARIFY_BELOW: f32 = 0.7;
/// The runner-up must be at least this likely to be offered.
const CLARIFY_RUNNER_UP: f32 = 0.1;

/// When the model is torn between two shop intents of which exactly one acts on an order
/// (getting a refund against the refund policy, a refund against a return no plugin takes),
/// that one: the shopper named an order (now or earlier), so the message is about it, and
/// asking "which do you mean?" of a shopper who gave the order and the email is one
/// question too many.
pub(super) fn torn_towards_the_order(
    u: &Understanding,
    takes_order_number: impl Fn(&str) -> bool,
) -> Option<&str> {
    let [(first, p1), (second, p2), ..] = u.prediction.top.as_slice() else {
        return None;
    };
    if u.prediction.intent != *first
        || *p1 >= CLARIFY_BELOW
        || *p2 < CLARIFY_RUNNER_UP
        || !clarifiable(first)
        || !clarifiable(second)
    {
        return None;
    }
    match (takes_order_number(first), takes_order_number(second)) {
        (true, false) => Some(first),
        (false, true) => Some(second),
        _ => None,
    }
}

/// Labels a shopper can be asked to choose between in a clarifying question.
fn clarifiable(intent: &str) -> bool {
    !matches!(intent, OUT_OF_SCOPE | "greeting" | "thanks" | "goodbye")
}

/// A clarifying question when the model is torn between two shop intents.
pub fn clarify(u: &Understanding) -> Option<Decision> {
    let prediction = &u.prediction;
    let lang: Lang = u.lang;
    let [(first, p1), (second, p2), ..] = prediction.top.as_slice() else {
        return None;
    };
    if prediction.intent != *first
        || *p1 >= CLARIFY_BELOW
        || *p2 < CLARIFY_RUNNER_UP
        || !clarifiable(first)
        || !clarifiable(second)
    {
        return None;
    }
    let choices = [first, second];
    let mut options: Vec<String> = choices
        .iter()
        .filter_map(|i| labels::label(i, lang).map(str::to_string))
        .collect();
    if options.len() != 2 {
        return None;
    }
    // A person is always one of the options, once (one of the two may be that already).
    let human = replies::human_option(lang);
    if !options.iter().any(|o| o == human) {
        options.push(human.to_string());
    }
    Some(Decision {
        cards: vec![Card::QuickReplies { options }],
        pending: Pending {
            clarify: choices.iter().map(|s| s.to_string()).collect(),
            ..Pending::default()
        },
        ..say("clarify", Line::Clarify, lang, ConversationState::Bot)
    })
}
