//! The panel's state: one reducer, changed only through [`Action`]s.

use std::rc::Rc;

use kefu_protocol::{ChatMessage, ConversationState, IntentHint};
use yew::Reducible;

/// The link to the runtime.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Connection {
    /// Opening or re-opening.
    Connecting,
    /// Live.
    Open,
    /// Lost; retrying.
    Offline,
}

/// A message the shopper sent that the runtime has not acknowledged yet.
#[derive(Debug, Clone, PartialEq)]
pub struct Outgoing {
    /// The id it was sent with.
    pub client_msg_id: String,
    /// What the shopper typed.
    pub text: String,
}

/// Everything the panel shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ChatState {
    /// Stored messages, by `seq`.
    pub messages: Vec<ChatMessage>,
    /// Sent but not yet acknowledged (shown as queued).
    pub outbox: Vec<Outgoing>,
    /// Who answers.
    pub conversation: ConversationState,
    /// The link.
    pub connection: Connection,
    /// The last refusal from the runtime, to show.
    pub error: Option<String>,
    /// What the in-browser model makes of the draft.
    pub hint: Option<IntentHint>,
    /// The human agent in charge, when one is.
    pub agent: Option<String>,
}

impl Default for ChatState {
    fn default() -> Self {
        Self {
            messages: Vec::new(),
            outbox: Vec::new(),
            conversation: ConversationState::Bot,
            connection: Connection::Connecting,
            error: None,
            hint: None,
            agent: None,
        }
    }
}

/// Everything that can happen to the panel.
#[derive(Debug, Clone)]
pub enum Action {
    /// The runtime accepted the connection: who answers, and the agent's name if a person.
    Welcomed(ConversationState, Option<String>),
    /// The link dropped.
    Disconnected,
    /// A stored message arrived (new or replayed).
    Received(ChatMessage),
    /// The shopper sent something.
    Queued(Outgoing),
    /// The runtime refused something (a `say`, if the id is given: it leaves the outbox).
    Refused {
        /// What to show.
        message: String,
        /// The refused message.
        client_msg_id: Option<String>,
    },
    /// The model classified the draft.
    Hint(Option<IntentHint>),
}

impl Reducible for ChatState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Welcomed(state, agent) => {
                next.connection = Connection::Open;
                next.conversation = state;
                next.agent = agent;
                next.error = None;
            }
            Action::Disconnected => next.connection = Connection::Offline,
            Action::Received(message) => {
                if let Some(id) = &message.client_msg_id {
                    next.outbox.retain(|o| &o.client_msg_id != id);
                }
                // Replays come in order, so the newest message sets who is in charge.
                if next.messages.last().is_none_or(|m| m.seq < message.seq) {
                    next.conversation = message.state;
                    if message.agent.is_some() {
                        next.agent = message.agent.clone();
                    }
                }
                // Replays after a reconnect may repeat what we have: keep one per seq.
                if !next.messages.iter().any(|m| m.seq == message.seq) {
                    let at = next.messages.partition_point(|m| m.seq < message.seq);
                    next.messages.insert(at, message);
                }
            }
            Action::Queued(outgoing) => {
                next.outbox.push(outgoing);
                next.error = None;
                next.hint = None;
            }
            Action::Refused {
                message,
                client_msg_id,
            } => {
                if let Some(id) = client_msg_id {
                    next.outbox.retain(|o| o.client_msg_id != id);
                }
                next.error = Some(message);
            }
            Action::Hint(hint) => next.hint = hint,
        }
        Rc::new(next)
    }
}
