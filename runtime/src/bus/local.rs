//! The channels inside one process: a `tokio::sync::broadcast` channel per conversation and
//! per merchant, made on first subscription and forgotten with their last subscriber.
//! Every event reaches local subscribers through here, whether this node committed it or
//! another node's note of it arrived over NATS ([`super::nats`]).

use std::collections::HashMap;
use std::sync::Mutex;

use tokio::sync::broadcast;

use super::Event;

/// How many events a slow console may fall behind before it must catch up from the store.
const MERCHANT_CAPACITY: usize = 256;
/// The same for a conversation's sockets. Small on purpose: a broadcast channel allocates
/// all its slots up front, and every open chat has one; at 256 slots each idle chat held
/// ~25 KB for them (of the 38 KB an idle chat cost the release build with 10,000 open,
/// docs/benchmarks.md). A conversation sees one event per turn or reply, and a socket that
/// does fall behind catches up from the store, as after any lag.
pub(super) const CONVERSATION_CAPACITY: usize = 16;

/// Which channel a subscription listens to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Topic {
    Conversation(String),
    Merchant(String),
}

#[derive(Debug, Default)]
struct Maps {
    conversations: HashMap<String, broadcast::Sender<Event>>,
    merchants: HashMap<String, broadcast::Sender<Event>>,
}

impl Maps {
    fn of(&mut self, topic: &Topic) -> (&mut HashMap<String, broadcast::Sender<Event>>, String) {
        match topic {
            Topic::Conversation(k) => (&mut self.conversations, k.clone()),
            Topic::Merchant(k) => (&mut self.merchants, k.clone()),
        }
    }
}

/// Every local channel.
#[derive(Debug, Default)]
pub(super) struct Channels(Mutex<Maps>);

impl Channels {
    fn lock(&self) -> std::sync::MutexGuard<'_, Maps> {
        // Nothing panics while holding the lock, but a poisoned map is still consistent.
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A receiver on `topic`'s channel, made if it is missing.
    pub(super) fn subscribe(&self, topic: &Topic) -> broadcast::Receiver<Event> {
        let capacity = match topic {
            Topic::Conversation(_) => CONVERSATION_CAPACITY,
            Topic::Merchant(_) => MERCHANT_CAPACITY,
        };
        let mut maps = self.lock();
        let (map, key) = maps.of(topic);
        map.entry(key)
            .or_insert_with(|| broadcast::channel(capacity).0)
            .subscribe()
    }

    /// Forgets `topic`'s channel if `receiver` was its last subscriber.
    pub(super) fn unsubscribe(&self, topic: &Topic, receiver: broadcast::Receiver<Event>) {
        let mut maps = self.lock();
        drop(receiver);
        let (map, key) = maps.of(topic);
        if map.get(&key).is_some_and(|s| s.receiver_count() == 0) {
            map.remove(&key);
        }
    }

    /// Tells the conversation's subscribers and `merchant`'s.
    pub(super) fn publish(&self, merchant: &str, event: Event) {
        let maps = self.lock();
        // `send` fails only when nobody listens, which is fine.
        if let Some(s) = maps.conversations.get(event.conversation_id()) {
            let _ = s.send(event.clone());
        }
        if let Some(s) = maps.merchants.get(merchant) {
            let _ = s.send(event);
        }
    }

    /// How many channels exist (conversations, merchants).
    #[cfg(test)]
    pub(super) fn len(&self) -> (usize, usize) {
        let maps = self.lock();
        (maps.conversations.len(), maps.merchants.len())
    }
}
