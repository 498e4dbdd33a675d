//! The realtime bus: who hears about a conversation once something about it is committed.
//!
//! Two kinds of channel, both `tokio::sync::broadcast` inside the process ([`local`]):
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
//! online" means a console socket is open.
//!
//! Several nodes sharing one database join one NATS server ([`Bus::join_nats`], module
//! [`nats`]): each event committed here is also told to the other nodes (as a note naming
//! the conversation and the last `seq`, [`wire`]), and their notes arrive in the local
//! channels as [`Event::Stored`], on which sockets read the messages from the store. The
//! fan-out may lose notes; whenever it might have (a reconnection, a full queue, a slow
//! subscription) every local subscription is told it lagged and catches up from the store.
//! Presence is the union over nodes ([`roster`]); a plugin deployed on one node is announced
//! so the others load it from the store ([`Bus::plugin_changes`]). Without NATS the bus is
//! what it always was: one process.

mod local;
pub mod nats;
pub mod roster;
mod wire;

use std::sync::{Arc, Mutex, OnceLock, Weak};
use std::time::Instant;

use kefu_protocol::ChatMessage;
use serde::{Deserialize, Serialize};
use tokio::sync::{broadcast, watch};

use local::{Channels, Topic};
pub use nats::NatsError;
use roster::Roster;

/// What changed about a conversation without a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// An agent wrote an internal note.
    Note,
    /// The shopper left a contact request.
    Ticket,
    /// The shopper rated the conversation.
    Csat,
    /// An agent relabelled a message.
    Label,
    /// The conversation was deleted (by the shopper, or past the shop's retention period).
    Deleted,
}

/// Something committed about a conversation.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    /// Messages were stored here (in `seq` order); each carries the conversation's state
    /// after it.
    Messages {
        /// The conversation.
        conversation_id: String,
        /// What was stored.
        messages: Vec<ChatMessage>,
    },
    /// Another node stored messages of the conversation, the last one being `through_seq`:
    /// read them from the store.
    Stored {
        /// The conversation.
        conversation_id: String,
        /// The highest `seq` stored.
        through_seq: u64,
    },
    /// Something agents see changed without a message (a note, a rating, a ticket).
    Changed {
        /// The conversation.
        conversation_id: String,
        /// What changed.
        what: Change,
    },
}

impl Event {
    /// The conversation the event is about.
    pub fn conversation_id(&self) -> &str {
        match self {
            Self::Messages {
                conversation_id, ..
            }
            | Self::Stored {
                conversation_id, ..
            }
            | Self::Changed {
                conversation_id, ..
            } => conversation_id,
        }
    }
}

/// Whose plugins another node changed (deployed, activated, rolled back).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PluginsChanged {
    /// This merchant's.
    Merchant(String),
    /// Maybe anyone's: news may have been missed (a reconnection, a slow listener), so
    /// every merchant's active versions are worth checking.
    Unknown,
}

#[derive(Debug)]
struct Shared {
    channels: Channels,
    roster: Mutex<Roster>,
    /// Bumped when local subscribers may have missed events from other nodes.
    resync: watch::Sender<u64>,
    plugins: broadcast::Sender<PluginsChanged>,
    link: OnceLock<nats::Link>,
}

impl Default for Shared {
    fn default() -> Self {
        Self {
            channels: Channels::default(),
            roster: Mutex::default(),
            resync: watch::Sender::new(0),
            plugins: broadcast::channel(64).0,
            link: OnceLock::new(),
        }
    }
}

/// The bus. Cheap to clone; every clone is the same bus.
#[derive(Debug, Clone, Default)]
pub struct Bus {
    shared: Arc<Shared>,
}

/// A live subscription; dropping it forgets the channel once nobody else listens.
#[derive(Debug)]
pub struct Subscription {
    bus: Bus,
    topic: Topic,
    receiver: Option<broadcast::Receiver<Event>>,
    resync: watch::Receiver<u64>,
}

impl Subscription {
    /// The next event; `Err(Lagged)` means events were missed (here, or on the way from
    /// another node) and the caller must catch up from the store.
    pub async fn recv(&mut self) -> Result<Event, broadcast::error::RecvError> {
        let receiver = self.receiver.as_mut().expect("present until drop");
        tokio::select! {
            biased;
            // The sender lives as long as the bus this subscription holds.
            Ok(()) = self.resync.changed() => Err(broadcast::error::RecvError::Lagged(0)),
            event = receiver.recv() => event,
        }
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        if let Some(receiver) = self.receiver.take() {
            self.bus.shared.channels.unsubscribe(&self.topic, receiver);
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
        self.bus.roster().closed(&self.merchant);
        self.bus.presence_changed();
    }
}

/// Merchants whose plugins another node changed, as they are announced.
#[derive(Debug)]
pub struct PluginChanges(broadcast::Receiver<PluginsChanged>);

impl PluginChanges {
    /// The next announcement; `None` once the bus is gone.
    pub async fn recv(&mut self) -> Option<PluginsChanged> {
        match self.0.recv().await {
            Ok(change) => Some(change),
            Err(broadcast::error::RecvError::Lagged(_)) => Some(PluginsChanged::Unknown),
            Err(broadcast::error::RecvError::Closed) => None,
        }
    }
}

impl Bus {
    /// A bus nobody listens to yet, inside this process only.
    pub fn new() -> Self {
        Self::default()
    }

    fn roster(&self) -> std::sync::MutexGuard<'_, Roster> {
        // Nothing panics while holding the lock, but a poisoned roster is still consistent.
        self.shared.roster.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn subscribe(&self, topic: Topic) -> Subscription {
        Subscription {
            bus: self.clone(),
            receiver: Some(self.shared.channels.subscribe(&topic)),
            resync: self.shared.resync.subscribe(),
            topic,
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

    /// Tells `merchant`'s consoles and the conversation's sockets, on this node and the
    /// others. Call after the commit.
    pub fn publish(&self, merchant: &str, event: Event) {
        if let Some(link) = self.shared.link.get()
            && let Some(body) = wire::Body::of_event(merchant, &event)
        {
            link.send(body);
        }
        self.shared.channels.publish(merchant, event);
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
        self.roster().opened(merchant);
        self.presence_changed();
        Presence {
            bus: self.clone(),
            merchant: merchant.to_string(),
        }
    }

    /// How many agent consoles of `merchant` are connected, to this node or (with NATS) to
    /// any node heard from lately.
    pub fn agents_online(&self, merchant: &str) -> usize {
        self.roster().online(merchant, Instant::now())
    }

    /// Tells the other nodes that this node changed `merchant`'s plugins (they load the
    /// active versions from the store). Call after the store recorded the change.
    pub fn plugins_changed(&self, merchant: &str) {
        if let Some(link) = self.shared.link.get() {
            link.send(wire::Body::Plugins {
                merchant: merchant.to_string(),
            });
        }
    }

    /// Hears which merchants' plugins other nodes changed.
    pub fn plugin_changes(&self) -> PluginChanges {
        PluginChanges(self.shared.plugins.subscribe())
    }

    /// Joins the other nodes on the NATS server at `url` (`nats://host:port`): from now on
    /// events, presence and plugin changes travel between them. Fails if the server cannot
    /// be reached; once joined, a lost connection is retried for as long as the node runs.
    pub async fn join_nats(&self, url: &str) -> Result<(), NatsError> {
        let link = nats::Link::connect(self, url).await?;
        self.shared
            .link
            .set(link)
            .map_err(|_| NatsError::AlreadyJoined)
    }

    /// Whether this bus reaches other nodes.
    pub fn is_clustered(&self) -> bool {
        self.shared.link.get().is_some()
    }

    /// Tells the other nodes this one is stopping (its consoles stop counting at once) and
    /// sends what is still queued; waits at most a second. Nothing without NATS.
    pub async fn leave(&self) {
        if let Some(link) = self.shared.link.get() {
            link.leave().await;
        }
    }

    /// A handle that does not keep the bus alive (for the NATS tasks).
    fn downgrade(&self) -> Weak<Shared> {
        Arc::downgrade(&self.shared)
    }

    fn upgrade(shared: &Weak<Shared>) -> Option<Self> {
        shared.upgrade().map(|shared| Self { shared })
    }

    /// Delivers another node's event to this node's subscribers only.
    fn deliver(&self, merchant: &str, event: Event) {
        self.shared.channels.publish(merchant, event);
    }

    /// Tells every local subscription it may have missed events.
    fn resync_local(&self) {
        self.shared.resync.send_modify(|n| *n = n.wrapping_add(1));
    }

    fn announce_plugins(&self, change: PluginsChanged) {
        // Nobody listening (no registry follows other nodes) is fine.
        let _ = self.shared.plugins.send(change);
    }

    /// This node's presence changed: tell the other nodes now rather than at the heartbeat.
    fn presence_changed(&self) {
        if let Some(link) = self.shared.link.get() {
            let online = self.roster().local();
            link.send(wire::Body::Presence { online });
        }
    }
}

#[cfg(test)]
mod tests;
