//! Draining the long-lived sockets when the runtime stops. The accept loop
//! ([`super::server`]) stops taking connections and lets HTTP requests finish, but a
//! WebSocket, once upgraded, is no longer its connection: each chat and console socket
//! holds a [`DrainGuard`] instead, taken before the upgrade. When [`Drain::begin`] is
//! called, every socket finishes the turn it is answering (its ack and messages are sent),
//! then closes with 1012 "service restart", and the widget reconnects (to this node once it
//! is back, or to another behind the same proxy) and resumes from its last `seq`; what it
//! had sent but not seen acknowledged it sends again. [`Drain::finished`] resolves once
//! every guard is gone.
//!
//! Before that, [`Drain::announce`] marks the node as leaving: `/healthz` answers 503 from
//! then on, so a load balancer stops sending it new shoppers, while everything else is
//! still served (`kefu serve --drain-delay-secs` is how long that lasts).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use axum::extract::ws::{CloseFrame, Message, WebSocket, close_code};
use tokio::sync::watch;

/// The close frame a socket gets when the runtime stops: reconnect, elsewhere or later.
pub fn restart_close() -> Message {
    Message::Close(Some(CloseFrame {
        code: close_code::RESTART,
        reason: "service restart; reconnect".into(),
    }))
}

/// Whether the runtime is stopping, and who is still open.
#[derive(Debug, Clone)]
pub struct Drain {
    stopping: Arc<watch::Sender<bool>>,
    leaving: Arc<AtomicBool>,
}

impl Default for Drain {
    fn default() -> Self {
        Self {
            stopping: Arc::new(watch::Sender::new(false)),
            leaving: Arc::new(AtomicBool::new(false)),
        }
    }
}

impl Drain {
    /// Marks the node as leaving: [`Drain::is_leaving`] from now on, nothing else changes.
    pub fn announce(&self) {
        self.leaving.store(true, Ordering::Relaxed);
    }

    /// Whether the node is leaving (announced or draining): `/healthz` answers 503.
    pub fn is_leaving(&self) -> bool {
        self.leaving.load(Ordering::Relaxed)
    }

    /// Tells every socket to finish what it is doing and close.
    pub fn begin(&self) {
        self.announce();
        self.stopping.send_replace(true);
    }

    /// A guard for one socket: [`Drain::finished`] waits for it.
    pub fn guard(&self) -> DrainGuard {
        DrainGuard {
            stopping: self.stopping.subscribe(),
        }
    }

    /// Resolves when no guard is left.
    pub async fn finished(&self) {
        self.stopping.closed().await;
    }

    /// How many sockets are still open.
    pub fn open(&self) -> usize {
        self.stopping.receiver_count()
    }
}

/// Held by one socket for as long as it is open.
#[derive(Debug)]
pub struct DrainGuard {
    stopping: watch::Receiver<bool>,
}

impl DrainGuard {
    /// Resolves once the runtime is stopping (at once if it already is).
    pub async fn stopping(&mut self) {
        // An error means the drain itself is gone: nobody will ask to stop.
        if self.stopping.wait_for(|s| *s).await.is_err() {
            std::future::pending::<()>().await;
        }
    }
}

/// Closes `socket` with [`restart_close`] and waits (briefly) for the client's answering
/// close frame, so the connection ends cleanly on both sides.
pub async fn close_for_restart(socket: &mut WebSocket) {
    if socket.send(restart_close()).await.is_err() {
        return;
    }
    let _ = tokio::time::timeout(std::time::Duration::from_secs(2), async {
        while let Some(Ok(msg)) = socket.recv().await {
            if matches!(msg, Message::Close(_)) {
                break;
            }
        }
    })
    .await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn finished_waits_for_every_guard_and_late_guards_stop_at_once() {
        let drain = Drain::default();
        let mut a = drain.guard();
        let b = drain.guard();
        assert_eq!(drain.open(), 2);
        assert!(!drain.is_leaving());
        drain.announce();
        assert!(drain.is_leaving());
        assert!(
            tokio::time::timeout(std::time::Duration::from_millis(50), a.stopping())
                .await
                .is_err(),
            "announcing closes nothing"
        );
        let waiting = tokio::spawn({
            let drain = drain.clone();
            async move { drain.finished().await }
        });
        drain.begin();
        tokio::time::timeout(std::time::Duration::from_secs(1), a.stopping())
            .await
            .expect("a guard hears the stop");
        let mut late = drain.guard();
        tokio::time::timeout(std::time::Duration::from_secs(1), late.stopping())
            .await
            .expect("a guard taken while stopping stops at once");
        drop((a, b));
        assert!(!waiting.is_finished(), "one guard is still open");
        drop(late);
        tokio::time::timeout(std::time::Duration::from_secs(1), waiting)
            .await
            .expect("finished once every guard is gone")
            .unwrap();
    }
}
