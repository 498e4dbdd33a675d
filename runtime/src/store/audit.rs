//! The plugin audit log (table `plugin_calls`): every call, what it cost and did, and for
//! replay its input, frozen clock and the host's answers.

use sqlx::Row;

use super::{Store, StoreError, now_ms};
use crate::domain::{AuditEntry, CallRecording};

fn audit_entry(r: &sqlx::any::AnyRow) -> AuditEntry {
    AuditEntry {
        id: r.get("id"),
        merchant_id: r.get("merchant_id"),
        plugin: r.get("plugin"),
        plugin_version: r.get("plugin_version"),
        conversation_id: r.get("conversation_id"),
        export: r.get("export"),
        intent: r.get("intent"),
        host_calls: r.get::<i64, _>("host_calls") as u32,
        micros: r.get::<i64, _>("micros") as u64,
        peak_memory: r.get::<i64, _>("peak_memory") as u64,
        proposed_minor: r.get::<Option<i64>, _>("proposed_minor").map(|v| v as u64),
        committed_minor: r.get::<Option<i64>, _>("committed_minor").map(|v| v as u64),
        currency: r.get("currency"),
        outcome: r.get("outcome"),
    }
}

fn recording(r: &sqlx::any::AnyRow) -> CallRecording {
    CallRecording {
        entry: audit_entry(r),
        input: r.get("input"),
        now_ms: r.get::<i64, _>("now_ms") as u64,
        host_log: r.get("host_log"),
        result: r.get("result"),
    }
}

impl Store {
    /// Appends to the plugin audit log with what replaying the call needs; returns its id.
    pub async fn record_call(
        &self,
        e: &AuditEntry,
        recording: Option<&CallRecording>,
    ) -> Result<i64, StoreError> {
        let _in_line = self.in_line().await;
        insert_call(&self.pool, e, recording).await
    }

    /// A recorded call of `merchant` (any merchant's with `None`: the operator's CLI).
    pub async fn call_recording(
        &self,
        merchant: Option<&str>,
        id: i64,
    ) -> Result<Option<CallRecording>, StoreError> {
        let row = sqlx::query(
            "SELECT id, merchant_id, plugin, plugin_version, conversation_id, export, intent, \
             host_calls, micros, peak_memory, proposed_minor, committed_minor, currency, outcome, \
             input, now_ms, host_log, result FROM plugin_calls \
             WHERE id = $1 AND ($2 IS NULL OR merchant_id = $3) AND input IS NOT NULL",
        )
        .bind(id)
        .bind(merchant)
        .bind(merchant)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.as_ref().map(recording))
    }

    /// The latest `limit` recorded calls of `merchant`'s plugin `plugin` (any version),
    /// newest first: what a deploy replays. Calls the circuit breaker refused never ran
    /// the plugin and are left out.
    pub async fn recent_recordings(
        &self,
        merchant: &str,
        plugin: &str,
        limit: u32,
    ) -> Result<Vec<CallRecording>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, merchant_id, plugin, plugin_version, conversation_id, export, intent, \
             host_calls, micros, peak_memory, proposed_minor, committed_minor, currency, outcome, \
             input, now_ms, host_log, result FROM plugin_calls \
             WHERE merchant_id = $1 AND plugin = $2 AND input IS NOT NULL \
             AND outcome <> 'circuit_open' ORDER BY id DESC LIMIT $3",
        )
        .bind(merchant)
        .bind(plugin)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.iter().map(recording).collect())
    }

    /// The latest `limit` audit log entries of `merchant`, newest first.
    pub async fn plugin_calls(
        &self,
        merchant: &str,
        limit: u32,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, merchant_id, plugin, plugin_version, conversation_id, export, intent, \
             host_calls, micros, peak_memory, proposed_minor, committed_minor, currency, outcome \
             FROM plugin_calls WHERE merchant_id = $1 ORDER BY id DESC LIMIT $2",
        )
        .bind(merchant)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.iter().map(audit_entry).collect())
    }
}

/// Appends one call to the plugin audit log; returns its id.
pub(super) async fn insert_call<'e>(
    db: impl sqlx::AnyExecutor<'e>,
    e: &AuditEntry,
    recording: Option<&CallRecording>,
) -> Result<i64, StoreError> {
    let row = sqlx::query(
        "INSERT INTO plugin_calls (merchant_id, plugin, plugin_version, conversation_id, \
         export, intent, host_calls, micros, peak_memory, proposed_minor, committed_minor, \
         currency, outcome, input, now_ms, host_log, result, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) RETURNING id",
    )
    .bind(&e.merchant_id)
    .bind(&e.plugin)
    .bind(&e.plugin_version)
    .bind(&e.conversation_id)
    .bind(&e.export)
    .bind(&e.intent)
    .bind(i64::from(e.host_calls))
    .bind(e.micros as i64)
    .bind(e.peak_memory as i64)
    .bind(e.proposed_minor.map(|v| v as i64))
    .bind(e.committed_minor.map(|v| v as i64))
    .bind(&e.currency)
    .bind(&e.outcome)
    .bind(recording.map(|r| &r.input))
    .bind(recording.map(|r| r.now_ms as i64))
    .bind(recording.map(|r| &r.host_log))
    .bind(recording.map(|r| &r.result))
    .bind(now_ms())
    .fetch_one(db)
    .await?;
    Ok(row.get("id"))
}
