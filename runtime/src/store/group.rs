//! Group commit of shopper turns: the turns that arrive while one batch is being written
//! (its commit waiting for the disk) are written together next, in one transaction with
//! one `fsync`, instead of one transaction each.
//!
//! Why: a commit is an `fsync` of the write-ahead log (SQLite with `synchronous = FULL`,
//! PostgreSQL with `synchronous_commit = on`), about 2 ms on the reference machine's disk,
//! and SQLite takes one writer at a time: one commit per turn capped the runtime at ~500
//! turns/s, whatever the CPU (docs/benchmarks.md). With group commit the cap is per batch.
//!
//! What does not change: a turn is answered only after the `COMMIT` of its batch returned,
//! so nothing is acknowledged before it is on disk; each turn is still written only if its
//! conversation is as the turn's facts said (see [`super::turn`]), checked inside the
//! batch, so a second turn of the same conversation in one batch sees the first. A batch is
//! first written as it comes; if a turn was a resend (a unique violation, which aborts a
//! whole PostgreSQL transaction) or failed, the batch is rolled back and written again with
//! each turn in a savepoint of its own, so that turn alone is rolled back.
//!
//! No writer task: the first caller to find the batch slot free leads, takes every turn
//! queued (up to [`MAX_BATCH`]) and writes them on a task of its own, so the other turns
//! of the batch are answered even if the leader's caller goes away; the others wait for
//! their answer or for the slot, whichever comes first.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::sync::oneshot;

use super::engine;
use super::turn::{TurnWrite, TurnWritten, write_one};
use super::{Store, StoreError};

/// The most turns one transaction writes; the rest wait for the next.
pub(super) const MAX_BATCH: usize = 64;

/// One turn waiting to be written, and where its outcome goes.
struct Pending {
    turn: TurnWrite,
    reply: oneshot::Sender<Result<TurnWritten, StoreError>>,
}

/// The turns waiting to be written and the slot of the one batch being written.
#[derive(Default)]
pub(super) struct TurnQueue {
    pending: Mutex<Vec<Pending>>,
    pub(super) slot: tokio::sync::Mutex<()>,
    batches: AtomicU64,
}

impl std::fmt::Debug for TurnQueue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TurnQueue")
            .field("batches", &self.batches.load(Ordering::Relaxed))
            .finish_non_exhaustive()
    }
}

impl TurnQueue {
    fn push(&self, pending: Pending) {
        self.pending
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(pending);
    }

    /// The oldest turns waiting, at most [`MAX_BATCH`].
    fn take(&self) -> Vec<Pending> {
        let mut pending = self
            .pending
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let n = pending.len().min(MAX_BATCH);
        pending.drain(..n).collect()
    }

    /// How many transactions have written turns (tests: turns arriving together share one).
    #[cfg(test)]
    pub(super) fn batches(&self) -> u64 {
        self.batches.load(Ordering::Relaxed)
    }
}

impl Store {
    /// Writes `turn` in the next batch of turns (see the module's documentation) and
    /// answers once that batch is committed: as [`Store::write_turns`] would for it alone.
    pub async fn write_turn(&self, turn: TurnWrite) -> Result<TurnWritten, StoreError> {
        let _timer = crate::telemetry::StoreTimer::start("write_turn");
        let (reply, mut answer) = oneshot::channel();
        self.turns.push(Pending { turn, reply });
        loop {
            tokio::select! {
                // The answer first: a turn another leader wrote needs no slot.
                biased;
                answer = &mut answer => {
                    return answer.unwrap_or_else(|_| {
                        Err(StoreError::Batch("the batch writing this turn stopped".into()))
                    });
                }
                _slot = self.turns.slot.lock() => {
                    let batch = self.turns.take();
                    if batch.is_empty() {
                        // Ours was in the batch just written: its answer is on its way.
                        continue;
                    }
                    let store = self.clone();
                    let _ = tokio::spawn(async move { store.write_batch(batch).await }).await;
                }
            }
        }
    }

    /// Writes `turns` in one transaction, each only if its conversation is as it saw it;
    /// their outcomes in the same order. Every outcome holds only once the transaction is
    /// committed; if the commit fails, every turn gets the error.
    pub async fn write_turns(&self, turns: Vec<TurnWrite>) -> Vec<Result<TurnWritten, StoreError>> {
        // Nearly every batch stores every turn: first without a savepoint each (two
        // statements a turn fewer); if one turn needs rolling back, the batch is rolled
        // back and written again turn by turn.
        let copies = turns.clone();
        let conversations: Vec<&str> = turns.iter().map(|t| t.conversation.as_str()).collect();
        // Not `conversation_write_tx`: a batch's leader is already first in line.
        let mut tx =
            match engine::begin_conversation_write(&self.pool, self.engine, &conversations).await {
                Ok(tx) => tx,
                Err(e) => return turns.iter().map(|_| Err(batch_error(&e))).collect(),
            };
        let mut outcomes = Vec::with_capacity(turns.len());
        for turn in turns {
            match write_one(&mut tx, turn).await {
                // Nothing of a changed conversation was written.
                Ok(outcome @ (TurnWritten::Stored(_) | TurnWritten::Changed)) => {
                    outcomes.push(Ok(outcome));
                }
                _ => break,
            }
        }
        if outcomes.len() < copies.len() {
            if let Err(e) = tx.rollback().await {
                return copies.iter().map(|_| Err(batch_error(&e))).collect();
            }
            return self.write_turns_one_by_one(copies).await;
        }
        self.turns.batches.fetch_add(1, Ordering::Relaxed);
        match tx.commit().await {
            Ok(()) => outcomes,
            Err(e) => outcomes.into_iter().map(|_| Err(batch_error(&e))).collect(),
        }
    }

    /// [`Store::write_turns`], each turn in a savepoint of its own, so that a turn that
    /// failed or was a resend rolls back alone.
    async fn write_turns_one_by_one(
        &self,
        turns: Vec<TurnWrite>,
    ) -> Vec<Result<TurnWritten, StoreError>> {
        let conversations: Vec<&str> = turns.iter().map(|t| t.conversation.as_str()).collect();
        // Not `conversation_write_tx`: a batch's leader is already first in line.
        let mut tx =
            match engine::begin_conversation_write(&self.pool, self.engine, &conversations).await {
                Ok(tx) => tx,
                Err(e) => return turns.iter().map(|_| Err(batch_error(&e))).collect(),
            };
        self.turns.batches.fetch_add(1, Ordering::Relaxed);
        let mut outcomes = Vec::with_capacity(turns.len());
        let mut broken = None;
        for turn in turns {
            if let Some(e) = &broken {
                outcomes.push(Err(StoreError::Batch(format!(
                    "an earlier turn of the batch broke its transaction: {e}"
                ))));
                continue;
            }
            let outcome = match savepoint(&mut tx, "SAVEPOINT turn").await {
                Ok(()) => write_one(&mut tx, turn).await,
                Err(e) => Err(e),
            };
            // Only a stored turn keeps what it wrote; a failed one may have written part.
            let end = if matches!(outcome, Ok(TurnWritten::Stored(_))) {
                savepoint(&mut tx, "RELEASE SAVEPOINT turn").await
            } else {
                match savepoint(&mut tx, "ROLLBACK TO SAVEPOINT turn").await {
                    Ok(()) => savepoint(&mut tx, "RELEASE SAVEPOINT turn").await,
                    Err(e) => Err(e),
                }
            };
            if let Err(e) = end {
                broken = Some(e.to_string());
            }
            outcomes.push(outcome);
        }
        if let Some(e) = broken {
            drop(tx);
            return outcomes
                .into_iter()
                .map(|_| Err(StoreError::Batch(e.clone())))
                .collect();
        }
        match tx.commit().await {
            Ok(()) => outcomes,
            Err(e) => outcomes.into_iter().map(|_| Err(batch_error(&e))).collect(),
        }
    }

    /// Writes `batch` and answers each of its turns.
    async fn write_batch(&self, batch: Vec<Pending>) {
        let (turns, replies): (Vec<_>, Vec<_>) =
            batch.into_iter().map(|p| (p.turn, p.reply)).unzip();
        for (outcome, reply) in self.write_turns(turns).await.into_iter().zip(replies) {
            // A caller that went away no longer needs its answer; the turn is stored all
            // the same, and its resend will find it.
            let _ = reply.send(outcome);
        }
    }
}

async fn savepoint(tx: &mut sqlx::AnyConnection, sql: &'static str) -> Result<(), StoreError> {
    sqlx::query(sql).execute(tx).await?;
    Ok(())
}

/// One error for every turn of a batch (a `sqlx::Error` cannot be cloned).
fn batch_error(e: &sqlx::Error) -> StoreError {
    StoreError::Batch(e.to_string())
}

#[cfg(test)]
#[path = "group_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "group_bench.rs"]
mod bench;
