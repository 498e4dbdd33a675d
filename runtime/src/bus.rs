//! The realtime bus: who hears about a conversation once something about it is committed.
//!
//! Two kinds of channel, both `tokio::sync::broadcast`:
//! - per conversation: the shopper's chat socket hears messages it did not cause itself (an
//!   agent's reply, the notice that an agent joined, a satisfaction question);
//! - per merchant: every agent console of that merchant hears every message and every change
//!   (claimed, resolved, a note, a ticket), and refreshes what it shows.
//!
//! Events are published only after the transaction that stored them committed, so a
//! subscriber never sees something the store could still lose. The bus is a notifier, not
//! the record: a subscriber that falls behind (`RecvError::Lagged`) or reconnects catches
//! up from the store by `seq`, which is why delivery stays exactly-once for the widget.
//!
//! The bus also counts connected agent consoles per merchant ([`Presence`]): "an agent is
//! online" means a console socket is open. Everything here lives in one process; several
//! runtime nodes would put a message bus behind the same interface.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use kefu_protocol::ChatMessage;
use serde::Serialize;
use tokio::sync::broadcast;

/// How many events a slow subscriber may fall behind before it must catch up from the store.
const CAPACITY: usize = 256;

/// Something committed about a conversation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    /// Messages were stored (in `seq` order); each carries the conversation's state after it.
    Messages {
        /// The conversation.
        conversation_id: String,
        /// What was stored.
        messages: Vec<ChatMessage>,
    },
    /// Something agents see changed without a message (a note, a rating, a ticket).
    Changed {
        /// The conversation.
        conversation_id: String,
        /// What changed: `note`, `ticket`, `csat`, `label`.
        what: &'static str,
    },
}

impl Event {
    /// The conversation the event is about.
    pub fn conversation_id(&self) -> &str {
        match self {
            Self::Messages {
                conversation_id, ..
            }
            | Self::Changed {
                conversation_id, ..
            } => conversation_id,
        }
    }
}

#[derive(Debug, Default)]
struct Inner {
    conversations: HashMap<String, broadcast::Sender<Event>>,
    merchants: HashMap<String, broadcast::Sender<Event>>,
    online: HashMap<String, usize>,
}

/// The bus. Cheap to clone; every clone is the same bus.
#[derive(Debug, Clone, Default)]
pub struct Bus {
    inner: Arc<Mutex<Inner>>,
}

/// Which channel a [`Subscription`] listens to.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Topic {
    Conversation(String),
    Merchant(String),
}

/// A live subscription; dropping it forgets the channel once nobody else listens.
#[derive(Debug)]
pub struct Subscription {
    bus: Bus,
    topic: Topic,
    receiver: Option<broadcast::Receiver<Event>>,
}

impl Subscription {
    /// The next event; `Err(Lagged)` means events were missed and the caller must catch up
    /// from the store.
    pub async fn recv(&mut self) -> Result<Event, broadcast::error::RecvError> {
        self.receiver
            .as_mut()
            .expect("present until drop")
            .recv()
            .await
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        let mut inner = self.bus.lock();
        drop(self.receiver.take());
        let map = match &self.topic {
            Topic::Conversation(_) => &mut inner.conversations,
            Topic::Merchant(_) => &mut inner.merchants,
        };
        let key = match &self.topic {
            Topic::Conversation(k) | Topic::Merchant(k) => k,
        };
        if map.get(key).is_some_and(|s| s.receiver_count() == 0) {
            map.remove(key);
        }
    }
}

/// An agent console counted as online for its merchant until this is dropped.
#[derive(Debug)]
pub struct Presence {
    bus: Bus,
    merchant: String,
}

impl Drop for Presence {
    fn drop(&mut self) {
        let mut inner = self.bus.lock();
        if let Some(n) = inner.online.get_mut(&self.merchant) {
            *n -= 1;
            if *n == 0 {
                inner.online.remove(&self.merchant);
            }
        }
    }
}

impl Bus {
    /// A bus nobody listens to yet.
    pub fn new() -> Self {
        Self::default()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // Nothing panics while holding the lock, but a poisoned map is still consistent.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn subscribe(&self, topic: Topic) -> Subscription {
        let mut inner = self.lock();
        let (map, key) = match &topic {
            Topic::Conversation(k) => (&mut inner.conversations, k),
            Topic::Merchant(k) => (&mut inner.merchants, k),
        };
        let receiver = map
            .entry(key.clone())
            .or_insert_with(|| broadcast::channel(CAPACITY).0)
            .subscribe();
        drop(inner);
        Subscription {
            bus: self.clone(),
            topic,
            receiver: Some(receiver),
        }
    }

    /// Hears everything committed about `conversation`.
    pub fn subscribe_conversation(&self, conversation: &str) -> Subscription {
        self.subscribe(Topic::Conversation(conversation.to_string()))
    }

    /// Hears everything committed about any conversation of `merchant`.
    pub fn subscribe_merchant(&self, merchant: &str) -> Subscription {
        self.subscribe(Topic::Merchant(merchant.to_string()))
    }

    /// Tells `merchant`'s consoles and the conversation's sockets. Call after the commit.
    pub fn publish(&self, merchant: &str, event: Event) {
        let inner = self.lock();
        // `send` fails only when nobody listens, which is fine.
        if let Some(s) = inner.conversations.get(event.conversation_id()) {
            let _ = s.send(event.clone());
        }
        if let Some(s) = inner.merchants.get(merchant) {
            let _ = s.send(event);
        }
    }

    /// Publishes stored `messages` of `conversation` (nothing if there are none).
    pub fn publish_messages(&self, merchant: &str, conversation: &str, messages: &[ChatMessage]) {
        if !messages.is_empty() {
            self.publish(
                merchant,
                Event::Messages {
                    conversation_id: conversation.to_string(),
                    messages: messages.to_vec(),
                },
            );
        }
    }

    /// Counts an agent console of `merchant` as online while the guard lives.
    pub fn agent_online(&self, merchant: &str) -> Presence {
        *self.lock().online.entry(merchant.to_string()).or_default() += 1;
        Presence {
            bus: self.clone(),
            merchant: merchant.to_string(),
        }
    }

    /// How many agent consoles of `merchant` are connected.
    pub fn agents_online(&self, merchant: &str) -> usize {
        self.lock().online.get(merchant).copied().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
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
            let nothing =
                tokio::time::timeout(std::time::Duration::from_millis(50), sub.recv()).await;
            assert!(nothing.is_err(), "another conversation or shop heard it");
        }
    }

    #[tokio::test]
    async fn channels_are_forgotten_when_their_last_subscriber_leaves() {
        let bus = Bus::new();
        let a = bus.subscribe_conversation("c1");
        let b = bus.subscribe_conversation("c1");
        drop(a);
        assert_eq!(bus.lock().conversations.len(), 1);
        drop(b);
        assert!(bus.lock().conversations.is_empty());
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
}
