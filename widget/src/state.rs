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
mod tests {
    use kefu_protocol::Author;

    use super::*;

    fn reduce(state: Rc<ChatState>, actions: impl IntoIterator<Item = Action>) -> Rc<ChatState> {
        actions.into_iter().fold(state, Reducible::reduce)
    }

    fn say(id: &str, text: &str) -> ClientMessage {
        ClientMessage::Say {
            client_msg_id: id.into(),
            text: text.into(),
            locale: Some("en".into()),
            hint: None,
        }
    }

    fn rate(id: &str) -> ClientMessage {
        ClientMessage::Rate {
            client_msg_id: id.into(),
            score: 5,
            locale: Some("en".into()),
        }
    }

    fn stored(seq: u64, author: Author, text: &str, client_msg_id: Option<&str>) -> ChatMessage {
        ChatMessage {
            seq,
            author,
            text: text.into(),
            cards: Vec::new(),
            client_msg_id: client_msg_id.map(Into::into),
            intent: None,
            state: ConversationState::Bot,
            agent: None,
        }
    }

    fn seqs(state: &ChatState) -> Vec<u64> {
        state.messages.iter().map(|m| m.seq).collect()
    }

    #[test]
    fn a_sent_message_is_shown_as_unsent_until_the_runtime_stores_it() {
        let state = reduce(Rc::default(), [Action::Queued(say("m1", "hello"))]);
        assert_eq!(unsent(&state.outbox).collect::<Vec<_>>(), ["hello"]);

        let state = reduce(
            state,
            [Action::Received(stored(
                1,
                Author::Shopper,
                "hello",
                Some("m1"),
            ))],
        );
        assert_eq!(unsent(&state.outbox).count(), 0);
        assert!(state.outbox.is_empty());
        assert_eq!(seqs(&state), [1]);
    }

    #[test]
    fn a_pressed_card_button_is_shown_as_unsent_and_kept_for_a_resend() {
        let confirm = ClientMessage::Confirm {
            client_msg_id: "c1".into(),
            action_id: "a1".into(),
            accept: true,
            text: "Confirm refund".into(),
            locale: Some("en".into()),
        };
        let state = reduce(Rc::default(), [Action::Queued(confirm.clone())]);
        assert_eq!(
            unsent(&state.outbox).collect::<Vec<_>>(),
            ["Confirm refund"]
        );
        // Resent as it was after a reconnect: still naming its action.
        assert_eq!(*state.outbox, [confirm]);
        let state = reduce(
            state,
            [Action::Received(stored(
                2,
                Author::Shopper,
                "Confirm refund",
                Some("c1"),
            ))],
        );
        assert!(state.outbox.is_empty());
    }

    #[test]
    fn the_outbox_survives_a_dropped_link_and_a_new_welcome() {
        let state = reduce(
            Rc::default(),
            [
                Action::Welcomed(ConversationState::Bot, None),
                Action::Disconnected,
                Action::Queued(say("m1", "where is my order 1001?")),
            ],
        );
        assert_eq!(state.connection, Connection::Offline);
        let state = reduce(state, [Action::Welcomed(ConversationState::Bot, None)]);
        assert_eq!(state.connection, Connection::Open);
        assert_eq!(*state.outbox, [say("m1", "where is my order 1001?")]);
    }

    #[test]
    fn forms_and_ratings_wait_in_the_outbox_but_are_not_shown_as_messages() {
        let state = reduce(Rc::default(), [Action::Queued(rate("r1"))]);
        assert_eq!(*state.outbox, [rate("r1")]);
        assert_eq!(unsent(&state.outbox).count(), 0);
        let mut answer = stored(4, Author::Shopper, "★★★★★", Some("r1"));
        answer.intent = Some("csat".into());
        let state = reduce(state, [Action::Received(answer)]);
        assert!(state.outbox.is_empty());
    }

    #[test]
    fn a_refused_frame_leaves_the_outbox_and_its_reason_is_shown() {
        let state = reduce(
            Rc::default(),
            [
                Action::Queued(say("m1", "first")),
                Action::Queued(say("m2", "second")),
                Action::Refused {
                    message: "too long".into(),
                    client_msg_id: Some("m1".into()),
                },
            ],
        );
        assert_eq!(unsent(&state.outbox).collect::<Vec<_>>(), ["second"]);
        assert_eq!(state.error.as_deref(), Some("too long"));
    }

    #[test]
    fn a_message_sent_too_fast_is_kept_with_a_please_wait_until_the_wait_is_over() {
        let state = reduce(
            Rc::default(),
            [
                Action::Welcomed(ConversationState::Bot, None),
                Action::Queued(say("m1", "hello")),
                Action::Queued(say("m2", "hello??")),
                Action::Held {
                    message: "please wait 3 s".into(),
                    wait: true,
                },
            ],
        );
        // Nothing the shopper typed is dropped: both wait, shown as not sent yet.
        assert_eq!(
            unsent(&state.outbox).collect::<Vec<_>>(),
            ["hello", "hello??"]
        );
        assert_eq!(state.error.as_deref(), Some("please wait 3 s"));
        let over = reduce(state.clone(), [Action::WaitOver]);
        assert_eq!(over.error, None);
        assert_eq!(over.retries, state.retries + 1, "the outbox goes out again");
        assert_eq!(over.outbox, state.outbox);
        // Stored at last: it leaves the outbox as any message does.
        let stored_now = reduce(
            over,
            [Action::Received(stored(
                1,
                Author::Shopper,
                "hello",
                Some("m1"),
            ))],
        );
        assert_eq!(unsent(&stored_now.outbox).collect::<Vec<_>>(), ["hello??"]);
        // A full conversation keeps the text too, and its reason stays after a wait.
        let full = reduce(
            stored_now,
            [
                Action::Held {
                    message: "this conversation is full".into(),
                    wait: false,
                },
                Action::WaitOver,
            ],
        );
        assert_eq!(full.error.as_deref(), Some("this conversation is full"));
        assert_eq!(unsent(&full.outbox).collect::<Vec<_>>(), ["hello??"]);
    }

    #[test]
    fn a_new_message_clears_the_last_refusal_but_a_rating_does_not() {
        let refused = reduce(
            Rc::default(),
            [Action::Refused {
                message: "not an email address".into(),
                client_msg_id: None,
            }],
        );
        let after_rating = reduce(refused.clone(), [Action::Queued(rate("r1"))]);
        assert_eq!(after_rating.error.as_deref(), Some("not an email address"));
        let after_say = reduce(refused, [Action::Queued(say("m1", "hi"))]);
        assert_eq!(after_say.error, None);
    }

    #[test]
    fn replays_keep_one_message_per_seq_in_order() {
        let state = reduce(
            Rc::default(),
            [
                Action::Received(stored(2, Author::Bot, "two", None)),
                Action::Received(stored(1, Author::Shopper, "one", None)),
                Action::Received(stored(2, Author::Bot, "two", None)),
                Action::Received(stored(3, Author::Bot, "three", None)),
            ],
        );
        assert_eq!(seqs(&state), [1, 2, 3]);
    }

    #[test]
    fn the_newest_message_sets_who_is_in_charge() {
        let mut joined = stored(2, Author::Bot, "Ada joined", None);
        joined.state = ConversationState::Human;
        joined.agent = Some("Ada".into());
        let mut older = stored(1, Author::Bot, "hi", None);
        older.state = ConversationState::Bot;
        let mut reply = stored(3, Author::Agent, "how can I help?", None);
        reply.state = ConversationState::Human;
        let state = reduce(
            Rc::default(),
            [
                Action::Received(joined),
                Action::Received(older),
                Action::Received(reply),
            ],
        );
        assert_eq!(state.conversation, ConversationState::Human);
        assert_eq!(state.agent.as_deref(), Some("Ada"));
    }

    #[test]
    fn actions_that_do_not_touch_the_transcript_share_it() {
        let state = reduce(
            Rc::default(),
            [Action::Received(stored(1, Author::Bot, "hi", None))],
        );
        let next = reduce(
            state.clone(),
            [Action::Disconnected, Action::Queued(say("m1", "hello"))],
        );
        assert!(Rc::ptr_eq(&state.messages, &next.messages));
        let replayed = reduce(
            next.clone(),
            [Action::Received(stored(1, Author::Bot, "hi", None))],
        );
        assert!(Rc::ptr_eq(&next.messages, &replayed.messages));
    }

    #[test]
    fn questions_are_suggested_until_the_shopper_says_something() {
        let welcome = PanelWelcome {
            shop: "Demo".into(),
            greeting: "Hi!".into(),
            suggestions: vec!["Where is my order?".into()],
            on_device: None,
        };
        let state = reduce(Rc::default(), [Action::Greeted(welcome.clone())]);
        assert_eq!(state.welcome.as_deref(), Some(&welcome));
        assert!(suggesting(&state));
        // A reconnect's welcome with the same greeting keeps the shared one.
        let again = reduce(state.clone(), [Action::Greeted(welcome)]);
        assert!(Rc::ptr_eq(
            state.welcome.as_ref().unwrap(),
            again.welcome.as_ref().unwrap()
        ));
        let typed = reduce(again.clone(), [Action::Queued(say("m1", "hi"))]);
        assert!(!suggesting(&typed));
        let stored_reply = reduce(
            again,
            [Action::Received(stored(1, Author::Shopper, "hi", None))],
        );
        assert!(!suggesting(&stored_reply));
    }

    fn device(id: &str, text: &str) -> Action {
        Action::AnsweredOnDevice(DeviceAnswer {
            client_msg_id: id.into(),
            text: text.into(),
        })
    }

    fn shown(state: &ChatState) -> Vec<String> {
        transcript(&state.messages, &state.outbox, &state.device_answers)
            .into_iter()
            .map(|line| match line {
                Line::Stored(m) => format!("{}:{}", m.seq, m.text),
                Line::Device(a, None) => format!("device:{}", a.text),
                Line::Device(a, Some(seq)) => format!("device={seq}:{}", a.text),
                Line::Unsent(t) => format!("unsent:{t}"),
            })
            .collect()
    }

    #[test]
    fn a_device_answer_follows_its_message_and_the_runtimes_same_answer_is_not_shown_twice() {
        let policy = "Returns within 30 days.";
        let state = reduce(
            Rc::default(),
            [
                Action::Queued(say("m1", "refund policy?")),
                device("m1", policy),
            ],
        );
        assert_eq!(
            shown(&state),
            ["unsent:refund policy?", "device:Returns within 30 days."]
        );
        let state = reduce(
            state,
            [Action::Received(stored(
                1,
                Author::Shopper,
                "refund policy?",
                Some("m1"),
            ))],
        );
        assert_eq!(
            shown(&state),
            ["1:refund policy?", "device:Returns within 30 days."]
        );
        let state = reduce(
            state,
            [
                Action::Received(stored(2, Author::Bot, policy, None)),
                Action::Received(stored(3, Author::Shopper, "thanks", Some("m2"))),
                Action::Received(stored(4, Author::Bot, "You're welcome", None)),
            ],
        );
        assert_eq!(
            shown(&state),
            [
                "1:refund policy?",
                "device=2:Returns within 30 days.",
                "3:thanks",
                "4:You're welcome"
            ]
        );
    }

    #[test]
    fn the_runtimes_answer_replaces_a_device_answer_that_differs() {
        let state = reduce(
            Rc::default(),
            [
                Action::Queued(say("m1", "refund policy?")),
                device("m1", "Returns within 30 days."),
                device("m1", "a second answer to the same message is ignored"),
                Action::Received(stored(1, Author::Shopper, "refund policy?", Some("m1"))),
                Action::Received(stored(2, Author::Bot, "A person will help you.", None)),
            ],
        );
        assert_eq!(
            shown(&state),
            ["1:refund policy?", "2:A person will help you."]
        );
    }

    #[test]
    fn offline_the_device_answers_while_other_messages_wait_in_order() {
        let state = reduce(
            Rc::default(),
            [
                Action::Welcomed(ConversationState::Bot, None),
                Action::Disconnected,
                Action::Queued(say("m1", "where is order 1001?")),
                Action::Queued(say("m2", "how long does delivery take?")),
                device("m2", "3-5 business days."),
            ],
        );
        assert_eq!(
            shown(&state),
            [
                "unsent:where is order 1001?",
                "unsent:how long does delivery take?",
                "device:3-5 business days."
            ]
        );
        assert_eq!(
            *state.outbox,
            [
                say("m1", "where is order 1001?"),
                say("m2", "how long does delivery take?")
            ]
        );
    }

    #[test]
    fn a_welcome_clears_the_error_and_names_the_agent() {
        let state = reduce(
            Rc::default(),
            [
                Action::Refused {
                    message: "slow down".into(),
                    client_msg_id: None,
                },
                Action::Welcomed(ConversationState::Human, Some("Ada".into())),
            ],
        );
        assert_eq!(state.error, None);
        assert_eq!(state.conversation, ConversationState::Human);
        assert_eq!(state.agent.as_deref(), Some("Ada"));
    }
}
