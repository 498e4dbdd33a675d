//! SQLite's one writer, taken in turn: every write on the shopper's and the agent's paths
//! waits for the slot the batches of turns take (`group.rs`) before it asks SQLite for the
//! write lock.
//!
//! Why: a write that went straight to SQLite while batches were being committed met a held
//! lock and was left to SQLite's busy handler, which sleeps between tries (1, 2, 5 … 100 ms)
//! and tries again at a moment chosen blind; under load the next batch had nearly always
//! taken the lock by then. A contact form's ticket or a new conversation waited 0.4–1.3 s
//! that way while turns took 15 ms (`cargo xtask load`'s slowest turns were all of them).
//! Waiting in line costs at most the batch being written.
//!
//! PostgreSQL has no line: its locks are per conversation (`engine.rs`), so this is a no-op
//! there.

use std::ops::{Deref, DerefMut};

use sqlx::AnyConnection;
use tokio::sync::MutexGuard;

use super::Store;
use super::engine::{self, Engine};

/// A write transaction that holds its place in the line until it ends. Queries run on it
/// as on a transaction (`&mut *tx`).
pub(super) struct WriteTx<'s> {
    tx: sqlx::Transaction<'static, sqlx::Any>,
    // Dropped after `tx`: the slot is given up only once the transaction is over.
    _in_line: Option<MutexGuard<'s, ()>>,
}

impl Deref for WriteTx<'_> {
    type Target = AnyConnection;

    fn deref(&self) -> &AnyConnection {
        &self.tx
    }
}

impl DerefMut for WriteTx<'_> {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        &mut self.tx
    }
}

impl WriteTx<'_> {
    /// Commits, then leaves the line.
    pub(super) async fn commit(self) -> Result<(), sqlx::Error> {
        self.tx.commit().await
    }

    /// Rolls back, then leaves the line.
    pub(super) async fn rollback(self) -> Result<(), sqlx::Error> {
        self.tx.rollback().await
    }
}

impl Store {
    /// Waits for SQLite's writer slot (`None` on PostgreSQL, which needs none). Held by the
    /// caller for as long as it writes; never while the batch slot is already held.
    pub(super) async fn in_line(&self) -> Option<MutexGuard<'_, ()>> {
        match self.engine {
            Engine::Sqlite => Some(self.turns.slot.lock().await),
            Engine::Postgres => None,
        }
    }

    /// A transaction that may write anything, holding the whole database's write lock
    /// (see [`engine::begin_write`]), in line with the batches of turns.
    pub(super) async fn write_tx(&self) -> Result<WriteTx<'_>, sqlx::Error> {
        let in_line = self.in_line().await;
        let tx = engine::begin_write(&self.pool, self.engine).await?;
        Ok(WriteTx {
            tx,
            _in_line: in_line,
        })
    }

    /// A transaction that writes only to `conversations` (their header, messages, actions
    /// and audit rows), holding their write locks: on PostgreSQL, writes to other
    /// conversations go on at the same time (see [`engine::begin_conversation_write`]). In
    /// line with the batches of turns on SQLite.
    pub(super) async fn conversation_write_tx(
        &self,
        conversations: &[&str],
    ) -> Result<WriteTx<'_>, sqlx::Error> {
        let in_line = self.in_line().await;
        let tx = engine::begin_conversation_write(&self.pool, self.engine, conversations).await?;
        Ok(WriteTx {
            tx,
            _in_line: in_line,
        })
    }
}
