//! The conversation's state: one reducer, changed only through [`Action`]s.
//!
//! It owns the transcript and the outbox, the one list of frames the runtime has not
//! acknowledged yet: `say` frames are shown from it as "not sent yet", and every frame in it
//! is sent again after a reconnect (see `hooks::use_chat`). `api.rs` only carries frames.
//!
//! What the shopper is typing is not here: the draft and its hint belong to the composer, so
//! a keystroke never reaches this reducer. The transcript sits behind an `Rc`, so passing it
//! to the message list, or reducing an action that does not touch it, copies a pointer.
//!
//! Answers the shop's public FAQ gives on the device ([`DeviceAnswer`]) are kept beside the
//! transcript, tied to the message they answer, until the runtime's own answer to that
//! message arrives: [`transcript`] then shows one of them, never both (the device's, where
//! the two are the same, so nothing moves; the runtime's, where they differ: it decides).
//!
//! Plain data and no DOM: the tests below run natively (`cargo test -p kefu-widget --lib`).

use std::rc::Rc;

use kefu_protocol::{ChatMessage, ClientMessage, ConversationState, PanelWelcome};
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

/// Everything the panel shows about the conversation.
#[derive(Debug, Clone, PartialEq)]
pub struct ChatState {
    /// Stored messages, by `seq`.
    pub messages: Rc<Vec<ChatMessage>>,
    /// Frames sent (`say`, `contact`, `rate`) but not yet acknowledged, oldest first.
    pub outbox: Rc<Vec<ClientMessage>>,
    /// Who answers.
    pub conversation: ConversationState,
    /// The link.
    pub connection: Connection,
    /// The last refusal from the runtime, to show.
    pub error: Option<String>,
    /// The human agent in charge, when one is.
    pub agent: Option<String>,
    /// The shop's greeting and suggested questions, from the runtime's welcome.
    pub welcome: Option<Rc<PanelWelcome>>,
    /// Whether `error` asks the shopper to wait (a rate limit) and goes when the wait does.
    pub waiting: bool,
    /// Bumped each time a wait is over: the outbox is then sent again (`use_chat`).
    pub retries: u32,
    /// Answers the shop's public FAQ gave on the device, oldest first.
    pub device_answers: Rc<Vec<DeviceAnswer>>,
}

/// An answer the shop's public FAQ gave on the shopper's device to a message they sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviceAnswer {
    /// The message it answers.
    pub client_msg_id: String,
    /// The FAQ entry's answer, verbatim.
    pub text: String,
}

/// One line of the conversation as the panel shows it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Line<'a> {
    /// A stored message.
    Stored(&'a ChatMessage),
    /// An answer given on the device, with the `seq` of the runtime's identical answer
    /// once it came (shown in its place).
    Device(&'a DeviceAnswer, Option<u64>),
    /// A shopper's message not sent yet: its text.
    Unsent(&'a str),
}

/// The conversation in order: stored messages, each shopper message followed by the
/// device's answer to it while the runtime's has not come (or when the runtime's is the
/// same text: then it is shown instead of the runtime's, not beside it), then the messages
/// not sent yet, each with its device answer.
pub fn transcript<'a>(
    messages: &'a [ChatMessage],
    outbox: &'a [ClientMessage],
    answers: &'a [DeviceAnswer],
) -> Vec<Line<'a>> {
    let answer_to =
        |id: Option<&str>| id.and_then(|id| answers.iter().find(|a| a.client_msg_id == id));
    let mut out = Vec::with_capacity(messages.len() + outbox.len());
    let mut skip_next_seq = None;
    for (i, m) in messages.iter().enumerate() {
        if skip_next_seq == Some(m.seq) {
            continue;
        }
        out.push(Line::Stored(m));
        if m.author != kefu_protocol::Author::Shopper {
            continue;
        }
        let Some(answer) = answer_to(m.client_msg_id.as_deref()) else {
            continue;
        };
        match messages.get(i + 1) {
            None => out.push(Line::Device(answer, None)),
            Some(next) if next.author == kefu_protocol::Author::Bot && next.text == answer.text => {
                out.push(Line::Device(answer, Some(next.seq)));
                skip_next_seq = Some(next.seq);
            }
            // The runtime answered otherwise: its answer stands alone.
            Some(_) => {}
        }
    }
    for frame in outbox {
        if let ClientMessage::Say {
            text,
            client_msg_id,
            ..
        }
        | ClientMessage::Confirm {
            text,
            client_msg_id,
            ..
        } = frame
        {
            out.push(Line::Unsent(text));
            if let Some(answer) = answer_to(Some(client_msg_id)) {
                out.push(Line::Device(answer, None));
            }
        }
    }
    out
}

impl Default for ChatState {
    fn default() -> Self {
        Self {
            messages: Rc::default(),
            outbox: Rc::default(),
            conversation: ConversationState::Bot,
            connection: Connection::Connecting,
            error: None,
            agent: None,
            welcome: None,
            waiting: false,
            retries: 0,
            device_answers: Rc::default(),
        }
    }
}

/// The texts of the shopper's messages in `outbox`, oldest first: what the panel shows as
/// "not sent yet" (a queued form or rating shows on its card instead).
pub fn unsent(outbox: &[ClientMessage]) -> impl Iterator<Item = &str> {
    outbox.iter().filter_map(|frame| match frame {
        ClientMessage::Say { text, .. } | ClientMessage::Confirm { text, .. } => {
            Some(text.as_str())
        }
        _ => None,
    })
}

impl ChatState {
    fn acknowledge(&mut self, client_msg_id: &str) {
        if self
            .outbox
            .iter()
            .any(|o| o.client_msg_id() == Some(client_msg_id))
        {
            Rc::make_mut(&mut self.outbox).retain(|o| o.client_msg_id() != Some(client_msg_id));
        }
    }
}

/// Everything that can happen to the conversation.
#[derive(Debug, Clone)]
pub enum Action {
    /// The runtime's welcome said what the panel greets the shopper with.
    Greeted(PanelWelcome),
    /// The runtime accepted the connection: who answers, and the agent's name if a person.
    Welcomed(ConversationState, Option<String>),
    /// The link dropped.
    Disconnected,
    /// A stored message arrived (new or replayed); it acknowledges the frame with its
    /// `client_msg_id`.
    Received(ChatMessage),
    /// The shopper sent a frame (`say`, `contact` or `rate`): it waits in the outbox.
    Queued(ClientMessage),
    /// The runtime refused something (a frame, if the id is given: it leaves the outbox).
    Refused {
        /// What to show.
        message: String,
        /// The refused frame.
        client_msg_id: Option<String>,
    },
    /// The runtime did not take a frame now (too fast, or the conversation is full): it
    /// stays in the outbox, shown as not sent, and `message` says why. With `wait`, it is
    /// a "please wait" that [`Action::WaitOver`] takes down.
    Held {
        /// What to show.
        message: String,
        /// Whether the shopper is asked to wait (the frame is then sent again).
        wait: bool,
    },
    /// The wait a [`Action::Held`] asked for is over: send the outbox again.
    WaitOver,
    /// The shop's public FAQ answered a message on the device.
    AnsweredOnDevice(DeviceAnswer),
}

impl Reducible for ChatState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // Cheap: the transcript and the outbox are shared until an action changes them.
        let mut next = (*self).clone();
        match action {
            Action::Greeted(welcome) => {
                if next.welcome.as_deref() != Some(&welcome) {
                    next.welcome = Some(Rc::new(welcome));
                }
            }
            Action::Welcomed(state, agent) => {
                next.connection = Connection::Open;
                next.conversation = state;
                next.agent = agent;
                next.error = None;
                next.waiting = false;
            }
            Action::Disconnected => next.connection = Connection::Offline,
            Action::Received(message) => {
                if let Some(id) = &message.client_msg_id {
                    next.acknowledge(id);
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
                    Rc::make_mut(&mut next.messages).insert(at, message);
                }
            }
            Action::Queued(frame) => {
                // A new message replaces the last refusal; a form or a rating leaves it up.
                if matches!(
                    frame,
                    ClientMessage::Say { .. } | ClientMessage::Confirm { .. }
                ) {
                    next.error = None;
                    next.waiting = false;
                }
                Rc::make_mut(&mut next.outbox).push(frame);
            }
            Action::Refused {
                message,
                client_msg_id,
            } => {
                if let Some(id) = client_msg_id {
                    next.acknowledge(&id);
                }
                next.error = Some(message);
                next.waiting = false;
            }
            Action::Held { message, wait } => {
                next.error = Some(message);
                next.waiting = wait;
            }
            Action::WaitOver => {
                if next.waiting {
                    next.error = None;
                    next.waiting = false;
                }
                next.retries += 1;
            }
            Action::AnsweredOnDevice(answer) => {
                if !next
                    .device_answers
                    .iter()
                    .any(|a| a.client_msg_id == answer.client_msg_id)
                {
                    Rc::make_mut(&mut next.device_answers).push(answer);
                }
            }
        }
        Rc::new(next)
    }
}

/// Whether the panel still suggests questions: until the shopper has said anything.
pub fn suggesting(state: &ChatState) -> bool {
    state.outbox.is_empty()
        && !state
            .messages
            .iter()
            .any(|m| m.author == kefu_protocol::Author::Shopper)
}

#[cfg(test)]
mod tests;
