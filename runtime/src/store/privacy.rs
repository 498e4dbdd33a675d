//! Forgetting conversations: when the shopper deletes theirs, and once a merchant's retention
//! period has passed since a conversation's last activity (`merchants.retention_days`).
//!
//! What was said goes: the messages, agents' notes, the contact form's ticket, training
//! labels, proposals that were never carried out, and the recorded input, host answers and
//! result of every plugin call made for the conversation. What the merchant must keep for
//! their accounts stays, anonymised: a refund issued or an order cancelled (the committed
//! `actions` and their `refunds`: order, amount, time) with the shopper's email replaced by
//! [`ERASED`], and the plugin calls' figures (plugin, version, duration, outcome, amounts).
//! The conversation's row goes too unless such records point to it; then it stays, emptied
//! and marked `deleted_at`, as their anchor, and is never resumed or shown again.

use sqlx::Row;

use super::{Store, StoreError, now_ms};

/// What replaces the shopper's email in the records the merchant keeps.
pub const ERASED: &str = "[deleted]";

/// The longest retention period a merchant may set (ten years).
pub const MAX_RETENTION_DAYS: u32 = 3_650;

const DAY_MS: i64 = 86_400_000;

/// What deleting a conversation removed and kept.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Forgotten {
    /// Messages removed.
    pub messages: u64,
    /// Money records kept, anonymised (committed actions).
    pub kept: u64,
}

impl Store {
    /// Deletes `merchant`'s conversation `id` as described in this module; `None` if there is
    /// no such conversation (or it was deleted already).
    pub async fn delete_conversation(
        &self,
        merchant: &str,
        id: &str,
    ) -> Result<Option<Forgotten>, StoreError> {
        let mut tx = self.write_tx().await?;
        let found = sqlx::query(
            "SELECT 1 AS found FROM conversations \
             WHERE id = $1 AND merchant_id = $2 AND deleted_at IS NULL",
        )
        .bind(id)
        .bind(merchant)
        .fetch_optional(&mut *tx)
        .await?;
        if found.is_none() {
            return Ok(None);
        }
        let forgotten = forget(&mut tx, id, now_ms()).await?;
        tx.commit().await?;
        Ok(Some(forgotten))
    }

    /// Deletes up to `batch` conversations whose merchant's retention period has passed since
    /// their last activity, as of `now` (Unix ms); returns the ids deleted, with their
    /// merchants.
    pub async fn expire_conversations(
        &self,
        now: i64,
        batch: u32,
    ) -> Result<Vec<(String, String)>, StoreError> {
        let rows = sqlx::query(
            "SELECT c.id, c.merchant_id FROM conversations c \
             JOIN merchants m ON m.id = c.merchant_id \
             WHERE m.retention_days IS NOT NULL AND c.deleted_at IS NULL \
             AND c.updated_at < $1 - m.retention_days * CAST($2 AS BIGINT) \
             ORDER BY c.updated_at LIMIT $3",
        )
        .bind(now)
        .bind(DAY_MS)
        .bind(i64::from(batch))
        .fetch_all(&self.pool)
        .await?;
        let mut deleted = Vec::with_capacity(rows.len());
        for row in rows {
            let (id, merchant): (String, String) = (row.get("id"), row.get("merchant_id"));
            if self.delete_conversation(&merchant, &id).await?.is_some() {
                deleted.push((merchant, id));
            }
        }
        Ok(deleted)
    }

    /// How many days `merchant` keeps conversations after their last activity (`Some(None)`:
    /// until the shopper deletes them); `None` if there is no such merchant.
    pub async fn retention_days(&self, merchant: &str) -> Result<Option<Option<u32>>, StoreError> {
        let row = sqlx::query("SELECT retention_days FROM merchants WHERE id = $1")
            .bind(merchant)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| r.get::<Option<i64>, _>("retention_days").map(|d| d as u32)))
    }

    /// Sets how long `merchant` keeps conversations (checked by the caller against
    /// [`MAX_RETENTION_DAYS`]).
    pub async fn set_retention_days(
        &self,
        merchant: &str,
        days: Option<u32>,
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE merchants SET retention_days = $1 WHERE id = $2")
            .bind(days.map(i64::from))
            .bind(merchant)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

async fn forget(tx: &mut sqlx::AnyConnection, id: &str, now: i64) -> Result<Forgotten, StoreError> {
    let messages = sqlx::query("DELETE FROM messages WHERE conversation_id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    for table in ["notes", "training_labels", "tickets", "conversation_facts"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE conversation_id = $1"))
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    // Money that moved is the merchant's record: kept, without the shopper's email.
    sqlx::query(
        "UPDATE refunds SET shopper = $1 WHERE action_id IN \
         (SELECT id FROM actions WHERE conversation_id = $2 AND state = 'committed')",
    )
    .bind(ERASED)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM actions WHERE conversation_id = $1 AND state <> 'committed'")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    let kept = sqlx::query("UPDATE actions SET shopper = $1 WHERE conversation_id = $2")
        .bind(ERASED)
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    sqlx::query(
        "UPDATE plugin_calls SET input = NULL, host_log = NULL, result = NULL \
         WHERE conversation_id = $1",
    )
    .bind(id)
    .execute(&mut *tx)
    .await?;
    if kept == 0 {
        sqlx::query("DELETE FROM conversations WHERE id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
    } else {
        sqlx::query(
            "UPDATE conversations SET deleted_at = $1, updated_at = $1, state = 'resolved', \
             pending_intent = NULL, pending = NULL, verified_email = NULL, \
             verified_until = NULL, handoff_reason = NULL, agent_id = NULL, \
             waiting_since = NULL WHERE id = $2",
        )
        .bind(now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    }
    Ok(Forgotten { messages, kept })
}
