//! Forgetting conversations: the shopper's "delete this conversation", and the retention
//! sweep that deletes conversations idle for longer than their merchant keeps them. What is
//! removed and what is kept (anonymised) is the store's ([`crate::store::Store::delete_conversation`]);
//! here every deletion is also announced, so an agent console showing the conversation
//! drops it and another tab's chat socket on it closes.

use std::time::Duration;

use super::Engine;
use crate::bus::{Change, Event};
use crate::store::{Forgotten, StoreError};

/// Conversations deleted per store round trip by the sweep.
const SWEEP_BATCH: u32 = 100;

impl Engine {
    /// Deletes `merchant`'s conversation `id`; `None` if there is no such conversation.
    pub async fn delete_conversation(
        &self,
        merchant: &str,
        id: &str,
    ) -> Result<Option<Forgotten>, StoreError> {
        let forgotten = self.store.delete_conversation(merchant, id).await?;
        if forgotten.is_some() {
            self.announce_deleted(merchant, id);
        }
        Ok(forgotten)
    }

    /// Deletes every conversation whose merchant's retention period has passed since its
    /// last activity, as of `now` (Unix ms); returns how many.
    pub async fn expire_conversations(&self, now: i64) -> Result<usize, StoreError> {
        let mut total = 0;
        loop {
            let deleted = self.store.expire_conversations(now, SWEEP_BATCH).await?;
            for (merchant, id) in &deleted {
                self.announce_deleted(merchant, id);
            }
            total += deleted.len();
            if deleted.len() < SWEEP_BATCH as usize {
                return Ok(total);
            }
        }
    }

    fn announce_deleted(&self, merchant: &str, id: &str) {
        self.bus.publish(
            merchant,
            Event::Changed {
                conversation_id: id.to_string(),
                what: Change::Deleted,
            },
        );
    }
}

/// Runs the retention sweep every `every`, for as long as the runtime runs.
pub async fn sweep_forever(engine: Engine, every: Duration) {
    let mut ticks = tokio::time::interval(every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        ticks.tick().await;
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as i64);
        match engine.expire_conversations(now).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(conversations = n, "deleted past their retention period"),
            Err(e) => tracing::error!(error = %e, "the retention sweep failed; retrying later"),
        }
    }
}
