//! The panel's reducer, natively: what each frame and action does to the state.

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
        brand: None,
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
