//! What the engine decided to say and change for one turn, and what the conversation waits
//! on afterwards. Plain data: built by the pure decision functions ([`super::decide`]),
//! written by the executor ([`super::execute`]) in the turn's one transaction.

use kefu_protocol::{Card, ConversationState};
use serde::{Deserialize, Serialize};

use super::replies::{self, Lang, Line};
use crate::store::ActionRecord;

/// The bot's answer to one message and everything the turn changes with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    /// The intent the answer serves (stored on the bot's message).
    pub intent: String,
    /// What the bot says.
    pub text: String,
    /// Cards under the text.
    pub cards: Vec<Card>,
    /// Who answers after this turn.
    pub state: ConversationState,
    /// The intent waiting for the shopper to supply something.
    pub pending_intent: Option<String>,
    /// The bot could not help with this turn (counts towards offering a human).
    pub failed: bool,
    /// Why a human was asked for, for a handoff.
    pub handoff_reason: Option<String>,
    /// Escalation priority to raise the conversation to.
    pub priority: u32,
    /// What the next message is expected to answer.
    pub pending: Pending,
    /// An email the shopper just proved to be theirs.
    pub verified_email: Option<String>,
    /// The line `text` says, when it is one of the bot's own (the merchant may reword it).
    pub line: Option<Line>,
    /// An action proposed to the shopper with this answer (stored as `proposed`).
    pub new_action: Option<ActionRecord>,
    /// A claimed action whose commit failed before anything moved (stored as `failed`).
    pub failed_action: Option<String>,
    /// The shopper gave an email that is not the order's (counted against guessing).
    pub proof_failed: bool,
}

/// What the conversation waits on, beyond `pending_intent`. Stored as JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pending {
    /// The order the pending intent is about.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_number: Option<String>,
    /// The intents a clarifying question offered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clarify: Vec<String>,
    /// The action shown to the shopper for confirmation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// The slot the last question asked for, when the whole next message is its value
    /// (`address`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub need: Option<String>,
    /// The delivery claim a proposed refund answers (`claim: damaged item, order 1003`):
    /// declining the refund hands it to a person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<String>,
}

impl Pending {
    /// The stored JSON, or nothing pending when absent or unreadable (an unreadable value
    /// only loses what the bot asked last; the shopper is asked again).
    pub fn parse(json: Option<&str>) -> Self {
        json.and_then(|j| serde_json::from_str(j).ok())
            .unwrap_or_default()
    }

    /// As stored: `None` when nothing is pending.
    pub fn to_json(&self) -> Option<String> {
        (self != &Self::default()).then(|| serde_json::to_string(self).expect("pending serialises"))
    }
}

/// The bot answers in words of its own: one of its lines (which the merchant may reword).
pub fn say(intent: &str, line: Line, lang: Lang, state: ConversationState) -> Decision {
    Decision {
        state,
        failed: matches!(
            line,
            Line::OutOfScope | Line::CannotHandleYet | Line::OrderNotFound | Line::PluginFailed
        ),
        line: Some(line),
        ..answer_with(
            intent,
            replies::text(line, lang).to_string(),
            replies::quick_replies(line, lang),
        )
    }
}

/// The bot answers in words that are not its own: a plugin's, or the merchant's FAQ.
pub fn answer_with(intent: &str, text: String, cards: Vec<Card>) -> Decision {
    Decision {
        intent: intent.to_string(),
        text,
        cards,
        state: ConversationState::Bot,
        pending_intent: None,
        failed: false,
        handoff_reason: None,
        priority: 0,
        pending: Pending::default(),
        verified_email: None,
        line: None,
        new_action: None,
        failed_action: None,
        proof_failed: false,
    }
}

/// Hands the conversation to a person, recording why.
pub fn hand_off(line: Line, lang: Lang, reason: &str, priority: u32) -> Decision {
    Decision {
        handoff_reason: Some(reason.to_string()),
        priority,
        ..say(
            "contact_human_agent",
            line,
            lang,
            ConversationState::WaitingForHuman,
        )
    }
}

/// Asks for what `intent` still needs, remembering the intent so the answer continues it.
pub fn ask(intent: &str, line: Line, lang: Lang, pending: Pending) -> Decision {
    Decision {
        pending_intent: Some(intent.to_string()),
        pending,
        ..say(intent, line, lang, ConversationState::Bot)
    }
}
