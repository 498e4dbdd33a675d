//! The bus inside one process: channels, presence, resynchronisation.

use kefu_protocol::{Author, ConversationState};

use super::*;

fn message(seq: u64) -> ChatMessage {
    ChatMessage {
        seq,
        author: Author::Agent,
        text: "hello from a person".into(),
        cards: vec![],
        client_msg_id: None,
        intent: None,
        state: ConversationState::Human,
        agent: Some("Ada".into()),
    }
}

async fn nothing_for(sub: &mut Subscription) -> bool {
    tokio::time::timeout(std::time::Duration::from_millis(50), sub.recv())
        .await
        .is_err()
}

#[tokio::test]
async fn messages_reach_the_conversation_and_its_merchant_but_no_one_else() {
    let bus = Bus::new();
    let mut shopper = bus.subscribe_conversation("c1");
    let mut other_shopper = bus.subscribe_conversation("c2");
    let mut console = bus.subscribe_merchant("demo");
    let mut other_console = bus.subscribe_merchant("other");
    bus.publish_messages("demo", "c1", &[message(3)]);
    let expected = Event::Messages {
        conversation_id: "c1".into(),
        messages: vec![message(3)],
    };
    assert_eq!(shopper.recv().await.unwrap(), expected);
    assert_eq!(console.recv().await.unwrap(), expected);
    for sub in [&mut other_shopper, &mut other_console] {
        assert!(
            nothing_for(sub).await,
            "another conversation or shop heard it"
        );
    }
}

#[tokio::test]
async fn channels_are_forgotten_when_their_last_subscriber_leaves() {
    let bus = Bus::new();
    let a = bus.subscribe_conversation("c1");
    let b = bus.subscribe_conversation("c1");
    let c = bus.subscribe_merchant("demo");
    drop(a);
    assert_eq!(bus.shared.channels.len(), (1, 1));
    drop((b, c));
    assert_eq!(bus.shared.channels.len(), (0, 0));
}

#[test]
fn presence_counts_open_consoles_per_merchant() {
    let bus = Bus::new();
    assert_eq!(bus.agents_online("demo"), 0);
    let first = bus.agent_online("demo");
    let second = bus.agent_online("demo");
    assert_eq!((bus.agents_online("demo"), bus.agents_online("x")), (2, 0));
    drop(first);
    assert_eq!(bus.agents_online("demo"), 1);
    drop(second);
    assert_eq!(bus.agents_online("demo"), 0);
}

#[tokio::test]
async fn a_resync_tells_every_subscription_it_lagged_once() {
    let bus = Bus::new();
    let mut shopper = bus.subscribe_conversation("c1");
    let mut console = bus.subscribe_merchant("demo");
    bus.resync_local();
    for sub in [&mut shopper, &mut console] {
        assert!(matches!(
            sub.recv().await,
            Err(broadcast::error::RecvError::Lagged(_))
        ));
        assert!(nothing_for(sub).await, "told twice");
    }
    // A subscription made afterwards has nothing to catch up on.
    let mut late = bus.subscribe_conversation("c1");
    assert!(nothing_for(&mut late).await);
}

#[tokio::test]
async fn another_nodes_note_reaches_local_subscribers_only_as_a_seq() {
    let bus = Bus::new();
    let mut shopper = bus.subscribe_conversation("c1");
    let note = wire::Body::Stored {
        merchant: "demo".into(),
        conversation_id: "c1".into(),
        through_seq: 7,
    };
    let (merchant, event) = note.into_event().unwrap();
    bus.deliver(&merchant, event);
    assert_eq!(
        shopper.recv().await.unwrap(),
        Event::Stored {
            conversation_id: "c1".into(),
            through_seq: 7
        }
    );
}

#[tokio::test]
async fn plugin_announcements_reach_listeners_and_a_lag_means_check_everyone() {
    let bus = Bus::new();
    let mut changes = bus.plugin_changes();
    bus.announce_plugins(PluginsChanged::Merchant("demo".into()));
    assert_eq!(
        changes.recv().await,
        Some(PluginsChanged::Merchant("demo".into()))
    );
    for _ in 0..100 {
        bus.announce_plugins(PluginsChanged::Merchant("demo".into()));
    }
    assert_eq!(changes.recv().await, Some(PluginsChanged::Unknown));
    // Without NATS nothing is sent anywhere, and this node does not hear itself.
    bus.plugins_changed("demo");
    assert!(!bus.is_clustered());
}

#[tokio::test]
async fn a_conversation_socket_far_behind_is_told_to_catch_up_while_its_console_keeps_up() {
    // A conversation's channel is small (every open chat has one, and its slots are
    // allocated up front); falling further behind means reading the store, never a loss.
    let bus = Bus::new();
    let mut shopper = bus.subscribe_conversation("c1");
    let mut console = bus.subscribe_merchant("demo");
    let events = local::CONVERSATION_CAPACITY as u64 + 1;
    for seq in 1..=events {
        bus.publish_messages("demo", "c1", &[message(seq)]);
    }
    assert!(matches!(
        shopper.recv().await,
        Err(broadcast::error::RecvError::Lagged(1))
    ));
    for seq in 1..=events {
        let Ok(Event::Messages { messages, .. }) = console.recv().await else {
            panic!("the console missed {seq}")
        };
        assert_eq!(messages[0].seq, seq);
    }
}
