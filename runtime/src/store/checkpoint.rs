//! SQLite's write-ahead log copied back into the database file off the write path.
//!
//! Why: SQLite checkpoints on its own inside the commit that takes the log past its
//! threshold (1,000 pages by default). That commit, a batch of turns or a new
//! conversation's insert, then copies the log's pages into the database file and syncs it
//! before it returns, while every turn queued behind it waits: under load, turns of about a
//! second now and then, far above the 99th percentile (docs/benchmarks.md).
//!
//! Now the connections checkpoint on their own only past [`AUTO_CHECKPOINT_PAGES`], a
//! safety net for a log nobody else empties, and after a batch of turns commits a
//! *passive* checkpoint runs on a task and a connection of its own, at most one at a time
//! and one every [`EVERY`]. A passive checkpoint never takes the write lock: turns commit
//! while it copies. Durability does not change: a commit is on disk once the log is synced,
//! as before; the checkpoint only moves pages already there.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use super::Store;

/// Pages of log past which a connection checkpoints inside its own commit (~80 MB with
/// SQLite's 4 KiB pages): reached only if the checkpoints below stop.
pub(super) const AUTO_CHECKPOINT_PAGES: u32 = 20_000;

/// The shortest time between two checkpoints.
const EVERY: Duration = Duration::from_millis(500);

/// Whether a checkpoint runs and when the last one started.
#[derive(Debug, Default)]
pub(super) struct Checkpoints {
    running: AtomicBool,
    last: Mutex<Option<Instant>>,
    done: AtomicU64,
}

impl Checkpoints {
    /// Claims the next checkpoint, if none runs and the last started long enough ago.
    fn claim(&self) -> bool {
        let mut last = self
            .last
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if last.is_some_and(|t| t.elapsed() < EVERY) || self.running.swap(true, Ordering::AcqRel) {
            return false;
        }
        *last = Some(Instant::now());
        true
    }

    /// How many checkpoints have finished (tests).
    #[cfg(test)]
    pub(super) fn done(&self) -> u64 {
        self.done.load(Ordering::Acquire)
    }
}

impl Store {
    /// Starts a passive checkpoint on a task of its own unless one runs or ran just now;
    /// a store without a log file (in memory, PostgreSQL) has none to run.
    pub(super) fn checkpoint_soon(&self) {
        let Some(checkpoints) = &self.checkpoints else {
            return;
        };
        if !checkpoints.claim() {
            return;
        }
        let store = self.clone();
        tokio::spawn(async move {
            let _timer = crate::telemetry::StoreTimer::start("checkpoint");
            if let Err(e) = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
                .fetch_all(&store.pool)
                .await
            {
                // The next batch tries again; the log meanwhile only grows.
                tracing::warn!(error = %e, "checkpointing the write-ahead log failed");
            }
            if let Some(checkpoints) = &store.checkpoints {
                checkpoints.done.fetch_add(1, Ordering::AcqRel);
                checkpoints.running.store(false, Ordering::Release);
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_checkpoint_at_a_time_and_none_just_after_another() {
        let c = Checkpoints::default();
        assert!(c.claim());
        assert!(!c.claim(), "one runs");
        c.running.store(false, Ordering::Release);
        assert!(!c.claim(), "one started just now");
        *c.last.lock().unwrap() = Some(Instant::now() - EVERY);
        assert!(c.claim());
    }
}
