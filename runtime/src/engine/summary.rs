//! What an agent needs at one glance when a conversation reaches them: what the shopper
//! wants, the facts they gave (orders, emails, amounts, the email they proved), what the bot
//! tried, and why it handed off. Pure: computed from the transcript and the conversation
//! header, so nobody has to read the whole chat, and the shopper never repeats themselves.

use kefu_intent::slots::{self, SlotKind};
use kefu_protocol::{Author, ChatMessage};
use serde::Serialize;

use super::replies::{self, Line};
use crate::store::Conversation;

/// The summary the console shows above the transcript.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct HandoffSummary {
    /// What the shopper wants, as the bot understood it last (an intent or a claim).
    pub wants: Option<String>,
    /// Order numbers the shopper gave, in order.
    pub orders: Vec<String>,
    /// Emails the shopper gave.
    pub emails: Vec<String>,
    /// Amounts of money the shopper named.
    pub amounts: Vec<String>,
    /// The email the shopper proved is theirs (an order's email, or a signed identity).
    pub verified_email: Option<String>,
    /// What the bot answered, in order, each once (`track_order`, `faq`, …).
    pub bot_answered: Vec<String>,
    /// How many of the bot's answers did not help (out of scope, can't handle, not found,
    /// a plugin failure).
    pub unhelpful_answers: usize,
    /// Why a person was asked for.
    pub why: Option<String>,
}

/// Intents that say nothing about what the shopper wants.
fn says_nothing(intent: &str) -> bool {
    matches!(
        intent,
        "greeting"
            | "thanks"
            | "goodbye"
            | "contact_human_agent"
            | "clarify"
            | "supplied_values"
            | "bot_identity"
            // The hand-over of a claim whose refund was declined: the claim itself
            // (`report_damaged`, …) is what the shopper wants.
            | "delivery_claim"
            | super::CARD_ACCEPTED
            | super::CARD_DECLINED
            | kefu_intent::OUT_OF_SCOPE
            | kefu_protocol::CONTACT_INTENT
            | kefu_protocol::CSAT_INTENT
    )
}

fn unhelpful(text: &str) -> bool {
    [
        Line::OutOfScope,
        Line::CannotHandleYet,
        Line::OrderNotFound,
        Line::PluginFailed,
    ]
    .iter()
    .any(|line| {
        replies::LANGS
            .iter()
            .any(|l| text.starts_with(replies::text(*line, *l)))
    })
}

fn push_once(list: &mut Vec<String>, value: &str) {
    if !list.iter().any(|v| v == value) {
        list.push(value.to_string());
    }
}

/// The summary of `messages` in `conv`.
pub fn summarize(messages: &[ChatMessage], conv: &Conversation) -> HandoffSummary {
    let mut s = HandoffSummary {
        verified_email: conv.verified_email.clone(),
        why: conv.handoff_reason.clone(),
        ..HandoffSummary::default()
    };
    for m in messages {
        let intent = m.intent.as_deref().unwrap_or("");
        match m.author {
            Author::Shopper => {
                for slot in slots::extract(&m.text) {
                    match slot.kind {
                        SlotKind::OrderNumber => push_once(&mut s.orders, &slot.value),
                        SlotKind::Email => push_once(&mut s.emails, &slot.value),
                        SlotKind::Money => push_once(&mut s.amounts, &slot.value),
                        _ => {}
                    }
                }
                if !intent.is_empty() && !says_nothing(intent) {
                    s.wants = Some(intent.to_string());
                }
            }
            Author::Bot => {
                if !intent.is_empty() && !says_nothing(intent) {
                    push_once(&mut s.bot_answered, intent);
                    // What the bot settled on (a claim, a continued request) is the best
                    // reading of what the shopper wants.
                    s.wants = Some(intent.to_string());
                }
                s.unhelpful_answers += usize::from(unhelpful(&m.text));
            }
            Author::Agent => {}
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use kefu_protocol::ConversationState;

    use super::*;

    fn message(author: Author, text: &str, intent: &str) -> ChatMessage {
        ChatMessage {
            seq: 0,
            author,
            text: text.into(),
            cards: vec![],
            client_msg_id: None,
            intent: Some(intent.into()),
            state: ConversationState::Bot,
            agent: None,
        }
    }

    #[test]
    fn an_agent_sees_what_the_shopper_wants_the_facts_what_was_tried_and_why() {
        let conv = Conversation {
            id: "c".into(),
            merchant_id: "demo".into(),
            state: ConversationState::WaitingForHuman,
            locale: "en".into(),
            pending_intent: None,
            last_seq: 4,
            failed_turns: 0,
            priority: 1,
            handoff_reason: Some("claim: damaged item, order 1003".into()),
            agent_id: None,
            csat_asked: false,
            csat_score: None,
            pending: None,
            verified_email: Some("carlos@example.com".into()),
        };
        let out_of_scope = replies::text(Line::OutOfScope, replies::Lang::En);
        let messages = [
            message(Author::Shopper, "hello, what's the weather", "out_of_scope"),
            message(Author::Bot, out_of_scope, "out_of_scope"),
            message(
                Author::Shopper,
                "the cap in my order arrived torn",
                "complaint",
            ),
            message(Author::Bot, "What's your order number?", "report_damaged"),
            message(
                Author::Shopper,
                "1003, carlos@example.com, I paid $22",
                "out_of_scope",
            ),
            message(Author::Bot, "I've passed it to a person…", "report_damaged"),
        ];
        let s = summarize(&messages, &conv);
        assert_eq!(s.wants.as_deref(), Some("report_damaged"));
        assert_eq!(s.orders, ["1003"]);
        assert_eq!(s.emails, ["carlos@example.com"]);
        assert_eq!(s.amounts.len(), 1);
        assert_eq!(s.bot_answered, ["report_damaged"]);
        assert_eq!(
            s.unhelpful_answers, 1,
            "the out-of-scope answer did not help"
        );
        assert_eq!(s.why.as_deref(), Some("claim: damaged item, order 1003"));
        assert_eq!(s.verified_email.as_deref(), Some("carlos@example.com"));

        // A refund offered for the claim and declined: the claim is still what they want.
        let mut declined = messages.to_vec();
        declined.push(message(
            Author::Shopper,
            "Cancel",
            super::super::CARD_DECLINED,
        ));
        declined.push(message(
            Author::Bot,
            "All right, no refund…",
            "delivery_claim",
        ));
        let s = summarize(&declined, &conv);
        assert_eq!(s.wants.as_deref(), Some("report_damaged"));
    }
}
