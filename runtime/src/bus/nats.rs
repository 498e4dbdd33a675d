//! The bus across nodes: a NATS connection (async-nats, core publish/subscribe, no
//! JetStream) that tells the other nodes what this one committed and brings their news into
//! the local channels.
//!
//! Three tasks per node, owned by the [`Link`]:
//! - *send*: notes queued by [`super::Bus::publish`] and friends (a bounded queue: a turn
//!   never waits for NATS; a full queue drops the note, counts it, and sends
//!   [`Body::Resync`] once there is room), plus this node's presence every
//!   [`roster::HEARTBEAT`];
//! - *receive*: every note under `kefu.bus.>`, except this node's own (the server does not
//!   echo them, and the node id is checked anyway), into the local channels, the roster or
//!   the plugin announcements;
//! - *watch*: the connection's events. A disconnection is logged and shown as
//!   `kefu_nats_connected 0`; async-nats reconnects on its own, and once it has, local
//!   subscribers catch up from the store, every merchant's plugins are checked, and the
//!   other nodes are asked to do the same (they may have missed this node's notes).
//!
//! A node whose NATS server is gone keeps serving its own sockets: only the fan-out stops.

use std::sync::Arc;
use std::sync::Weak;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use super::roster::{self, Counts};
use super::wire::{self, Body, PREFIX};
use super::{Bus, PluginsChanged, Shared};
use crate::telemetry;

/// Notes waiting to be sent; past this a note is dropped (and a resync sent later).
const QUEUE: usize = 4096;
/// Notes async-nats may hold for the receive task before it calls the subscription slow.
const SUBSCRIPTION_CAPACITY: usize = 16 * 1024;
/// How long connecting at start may take.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(5);
/// How long [`Link::leave`] waits for the server to take what is queued.
const LEAVE_TIMEOUT: Duration = Duration::from_secs(1);

/// Why joining the other nodes failed.
#[derive(Debug, thiserror::Error)]
pub enum NatsError {
    /// The URL is not a NATS server address.
    #[error("`{url}` is not a NATS server address (nats://host:port): {reason}")]
    BadUrl {
        /// The URL, password masked.
        url: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The server could not be reached or refused the connection.
    #[error("cannot connect to the NATS server {url}: {reason}")]
    Connect {
        /// The URL, password masked.
        url: String,
        /// What went wrong.
        reason: String,
    },
    /// The server refused the subscription.
    #[error("cannot subscribe to {PREFIX}.> on the NATS server {url}: {reason}")]
    Subscribe {
        /// The URL, password masked.
        url: String,
        /// What went wrong.
        reason: String,
    },
    /// [`super::Bus::join_nats`] was called twice.
    #[error("this node is already connected to NATS")]
    AlreadyJoined,
}

/// This node's connection to the others.
#[derive(Debug)]
pub(super) struct Link {
    node: String,
    client: async_nats::Client,
    queue: mpsc::Sender<Body>,
    overflowed: Arc<AtomicBool>,
    tasks: Vec<JoinHandle<()>>,
}

impl Drop for Link {
    fn drop(&mut self) {
        for task in &self.tasks {
            task.abort();
        }
    }
}

impl Link {
    /// Connects to `url`, subscribes, and starts the tasks feeding `bus`.
    pub(super) async fn connect(bus: &Bus, url: &str) -> Result<Self, NatsError> {
        let shown = masked(url);
        let addr: async_nats::ServerAddr = url.parse().map_err(|e| NatsError::BadUrl {
            url: shown.clone(),
            reason: format!("{e}"),
        })?;
        if !matches!(addr.scheme(), "nats" | "tls") {
            return Err(NatsError::BadUrl {
                url: shown,
                reason: "the scheme must be nats:// or tls://".into(),
            });
        }
        let node = uuid::Uuid::new_v4().simple().to_string();
        let (events, watched) = mpsc::unbounded_channel();
        let client = async_nats::ConnectOptions::new()
            .name(format!("kefu {node}"))
            // The server does not send this node's own notes back.
            .no_echo()
            .connection_timeout(CONNECT_TIMEOUT)
            .subscription_capacity(SUBSCRIPTION_CAPACITY)
            .event_callback(move |event| {
                let events = events.clone();
                async move {
                    let _ = events.send(event);
                }
            })
            .connect(addr)
            .await
            .map_err(|e| NatsError::Connect {
                url: shown.clone(),
                reason: e.to_string(),
            })?;
        let subscriber =
            client
                .subscribe(format!("{PREFIX}.>"))
                .await
                .map_err(|e| NatsError::Subscribe {
                    url: shown.clone(),
                    reason: e.to_string(),
                })?;
        telemetry::nats_connected(true);
        tracing::info!(url = %shown, node = %node, "joined the other nodes over NATS");
        let (queue, queued) = mpsc::channel(QUEUE);
        let overflowed = Arc::new(AtomicBool::new(false));
        let shared = bus.downgrade();
        let tasks = vec![
            tokio::spawn(send(
                client.clone(),
                node.clone(),
                queued,
                shared.clone(),
                overflowed.clone(),
            )),
            tokio::spawn(receive(subscriber, node.clone(), shared.clone())),
            tokio::spawn(watch(watched, shared, queue.clone())),
        ];
        Ok(Self {
            node,
            client,
            queue,
            overflowed,
            tasks,
        })
    }

    /// Queues `body` for the other nodes; drops it when the queue is full.
    pub(super) fn send(&self, body: Body) {
        if self.queue.try_send(body).is_err() {
            telemetry::bus_dropped();
            self.overflowed.store(true, Ordering::Relaxed);
        }
    }

    /// Says goodbye and sends what is queued, within [`LEAVE_TIMEOUT`].
    pub(super) async fn leave(&self) {
        let goodbye = async {
            let bytes = wire::encode(&self.node, Body::Leaving);
            let _ = self
                .client
                .publish(Body::Leaving.subject(), bytes.into())
                .await;
            let _ = self.client.flush().await;
        };
        if tokio::time::timeout(LEAVE_TIMEOUT, goodbye).await.is_err() {
            tracing::warn!("the NATS server did not take the goodbye in time");
        }
    }
}

/// `url` with its user part (a user and password, or a token) masked, for messages and logs.
fn masked(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => format!("{scheme}://***{}", &rest[at..]),
        None => url.to_string(),
    }
}

/// Sends queued notes, and this node's presence every heartbeat.
async fn send(
    client: async_nats::Client,
    node: String,
    mut queued: mpsc::Receiver<Body>,
    shared: Weak<Shared>,
    overflowed: Arc<AtomicBool>,
) {
    let mut heartbeat = tokio::time::interval(roster::HEARTBEAT);
    heartbeat.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        let body = tokio::select! {
            body = queued.recv() => match body {
                Some(body) => body,
                None => return,
            },
            _ = heartbeat.tick() => {
                let Some(bus) = Bus::upgrade(&shared) else { return };
                let mut roster = bus.roster();
                roster.prune(Instant::now());
                Body::Presence { online: roster.local() }
            }
        };
        publish(&client, &node, body).await;
        // Some notes were dropped: the other nodes catch up from the store.
        if overflowed.swap(false, Ordering::Relaxed) {
            publish(&client, &node, Body::Resync).await;
        }
    }
}

async fn publish(client: &async_nats::Client, node: &str, body: Body) {
    let subject = body.subject();
    if let Err(e) = client
        .publish(subject, wire::encode(node, body).into())
        .await
    {
        // Only when the client is gone; a disconnection is reported by `watch`.
        tracing::debug!(error = %e, "publishing to NATS");
    }
}

/// Brings the other nodes' notes into this node.
async fn receive(mut subscriber: async_nats::Subscriber, node: String, shared: Weak<Shared>) {
    while let Some(message) = subscriber.next().await {
        let Some(bus) = Bus::upgrade(&shared) else {
            return;
        };
        let envelope = match wire::decode(&message.payload) {
            Ok(envelope) => envelope,
            Err(e) => {
                tracing::debug!(subject = %message.subject, error = %e, "ignoring a note kefu does not know");
                continue;
            }
        };
        if envelope.node == node {
            continue;
        }
        arrived(&bus, &envelope.node, envelope.body);
    }
}

/// What `from`'s note does to this node.
fn arrived(bus: &Bus, from: &str, body: Body) {
    match body {
        Body::Stored { .. } | Body::Changed { .. } => {
            if let Some((merchant, event)) = body.into_event() {
                bus.deliver(&merchant, event);
            }
        }
        Body::Presence { online } => heard(bus, from, online),
        Body::Leaving => bus.roster().left(from),
        Body::Plugins { merchant } => bus.announce_plugins(PluginsChanged::Merchant(merchant)),
        Body::Resync => bus.resync_local(),
    }
}

fn heard(bus: &Bus, from: &str, online: Counts) {
    bus.roster().heard(from, online, Instant::now());
}

/// Follows the connection's state.
async fn watch(
    mut events: mpsc::UnboundedReceiver<async_nats::Event>,
    shared: Weak<Shared>,
    queue: mpsc::Sender<Body>,
) {
    let mut disconnected = false;
    while let Some(event) = events.recv().await {
        let Some(bus) = Bus::upgrade(&shared) else {
            return;
        };
        match event {
            async_nats::Event::Disconnected => {
                disconnected = true;
                telemetry::nats_connected(false);
                tracing::warn!(
                    "lost the NATS connection: serving this node's sockets alone while reconnecting"
                );
            }
            async_nats::Event::Connected => {
                telemetry::nats_connected(true);
                if std::mem::take(&mut disconnected) {
                    tracing::info!("reconnected to NATS; catching up from the store");
                    caught_up(&bus, &queue);
                }
            }
            async_nats::Event::SlowConsumer(_) => {
                tracing::warn!("fell behind the other nodes' notes; catching up from the store");
                bus.resync_local();
                bus.announce_plugins(PluginsChanged::Unknown);
            }
            other => tracing::info!(event = %other, "NATS"),
        }
    }
}

/// After a gap in the connection: this node and the others catch up from the store.
fn caught_up(bus: &Bus, queue: &mpsc::Sender<Body>) {
    bus.resync_local();
    bus.announce_plugins(PluginsChanged::Unknown);
    let online = bus.roster().local();
    for body in [Body::Resync, Body::Presence { online }] {
        let _ = queue.try_send(body);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_in_a_url_are_masked() {
        assert_eq!(
            masked("nats://kefu:pw@10.0.0.5:4222"),
            "nats://***@10.0.0.5:4222"
        );
        assert_eq!(
            masked("nats://s3cret@nats.internal"),
            "nats://***@nats.internal"
        );
        assert_eq!(masked("nats://127.0.0.1:4222"), "nats://127.0.0.1:4222");
    }

    #[tokio::test]
    async fn a_bad_url_or_an_unreachable_server_is_refused_with_the_url() {
        let bus = Bus::new();
        let err = bus
            .join_nats("http://kefu:pw@127.0.0.1:4222")
            .await
            .unwrap_err();
        let text = err.to_string();
        assert!(text.contains("nats://") && !text.contains("pw"), "{text}");
        // Nothing listens on the discard port of the loopback address.
        let err = bus.join_nats("nats://127.0.0.1:9").await.unwrap_err();
        assert!(
            err.to_string()
                .contains("cannot connect to the NATS server nats://127.0.0.1:9"),
            "{err}"
        );
        assert!(!bus.is_clustered());
    }
}
