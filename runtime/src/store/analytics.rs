//! The rows the reports are computed from, and the cache that keeps a report over a large
//! store fast: each conversation's [`ConversationFacts`] in `conversation_facts`, valid
//! while the conversation's `last_seq` is unchanged (every change to a conversation stores
//! a message) and, while a 24-hour window is open, until it closes. A report reads one row
//! per conversation of its days and recomputes only the conversations that changed.
//!
//! What the figures mean is [`crate::analytics`]'s business; this file only loads and
//! saves.

use std::collections::HashMap;

use sqlx::Row;

use super::{BusinessHours, Store, StoreError, now_ms};
use crate::analytics::{
    self, ConversationFacts, ConversationRow, MessageRow, OpenHours, PluginCallRow, Who,
};

/// Above this many stale conversations, their messages are read in one query over the
/// range instead of one query each.
const BULK: usize = 64;

/// Facts written per transaction.
const WRITE_CHUNK: usize = 500;

impl From<&BusinessHours> for OpenHours {
    fn from(h: &BusinessHours) -> Self {
        const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
        let minutes = |hhmm: &str| {
            hhmm.split_once(':')
                .and_then(|(h, m)| Some(h.parse::<i64>().ok()? * 60 + m.parse::<i64>().ok()?))
                .unwrap_or(0)
        };
        OpenHours {
            days: h
                .days
                .iter()
                .filter_map(|d| DAYS.iter().position(|x| x == d).map(|i| i as u8))
                .collect(),
            open: minutes(&h.open),
            close: minutes(&h.close),
            utc_offset_minutes: i64::from(h.utc_offset_minutes),
        }
    }
}

fn message_from(row: &sqlx::any::AnyRow) -> MessageRow {
    let author: String = row.get("author");
    let cards: String = row.get("cards");
    MessageRow {
        seq: row.get::<i64, _>("seq") as u64,
        author: match author.as_str() {
            "shopper" => Who::Shopper,
            "agent" => Who::Agent,
            _ => Who::Bot,
        },
        text: row.get("text"),
        intent: row.get("intent"),
        state: row.get("state"),
        created_at: row.get("created_at"),
        line: row.get("line"),
        failed: row.get::<i64, _>("failed") != 0,
        handoff_reason: row.get("handoff_reason"),
        upset: row.get::<i64, _>("upset") != 0,
        contact_form: cards.contains("\"kind\":\"contact_form\""),
    }
}

const MESSAGE_COLUMNS: &str = "m.conversation_id, m.seq, m.author, m.text, m.intent, m.state, \
    m.created_at, m.line, m.failed, m.handoff_reason, m.upset, m.cards";

const CONVERSATION_COLUMNS: &str = "c.id, c.created_at, c.locale, c.channel, c.csat_asked, \
    c.csat_score, c.handoff_reason";

fn conversation_from(row: &sqlx::any::AnyRow) -> ConversationRow {
    ConversationRow {
        id: row.get("id"),
        created_at: row.get("created_at"),
        locale: row.get("locale"),
        channel: row.get("channel"),
        csat_asked: row.get::<i64, _>("csat_asked") != 0,
        csat_score: row.get::<Option<i64>, _>("csat_score").map(|s| s as u8),
        handoff_reason: row.get("handoff_reason"),
        messages: vec![],
    }
}

impl Store {
    /// The merchant's business hours as the reports count them (`None`: any hour).
    pub async fn open_hours(&self, merchant: &str) -> Result<Option<OpenHours>, StoreError> {
        Ok(self
            .merchant_settings(merchant)
            .await?
            .and_then(|s| s.business_hours)
            .map(|h| OpenHours::from(&h)))
    }

    /// The facts of every conversation of `merchant` started in `from..until` (Unix ms),
    /// as of `now`: read from the cache, recomputed (and cached) where a conversation
    /// changed or a 24-hour window closed since.
    pub async fn conversation_facts(
        &self,
        merchant: &str,
        from: i64,
        until: i64,
        now: i64,
    ) -> Result<Vec<ConversationFacts>, StoreError> {
        let _timer = crate::telemetry::StoreTimer::start("conversation_facts");
        let rows = sqlx::query(
            "SELECT c.id, c.last_seq, f.last_seq AS facts_seq, f.valid_until, f.facts \
             FROM conversations c LEFT JOIN conversation_facts f ON f.conversation_id = c.id \
             WHERE c.merchant_id = $1 AND c.created_at >= $2 AND c.created_at < $3 \
             AND c.deleted_at IS NULL",
        )
        .bind(merchant)
        .bind(from)
        .bind(until)
        .fetch_all(&self.pool)
        .await?;
        let mut facts = Vec::with_capacity(rows.len());
        let mut stale = vec![];
        for row in &rows {
            let id: String = row.get("id");
            let last_seq: i64 = row.get("last_seq");
            let cached: Option<i64> = row.get("facts_seq");
            let valid_until: Option<i64> = row.get("valid_until");
            let fresh = cached == Some(last_seq) && valid_until.is_none_or(|v| v > now);
            let json: Option<String> = row.get("facts");
            match json.filter(|_| fresh).map(|j| serde_json::from_str(&j)) {
                Some(Ok(f)) => facts.push(f),
                // An old format or a changed conversation: computed again.
                _ => stale.push(id),
            }
        }
        if stale.is_empty() {
            return Ok(facts);
        }
        let hours = self.open_hours(merchant).await?;
        let conversations = if stale.len() > BULK {
            self.conversations_in(merchant, from, until, &stale).await?
        } else {
            let mut out = Vec::with_capacity(stale.len());
            for id in &stale {
                out.extend(self.conversation_row(id).await?);
            }
            out
        };
        let computed: Vec<(ConversationFacts, i64)> = conversations
            .iter()
            .map(|c| {
                let last_seq = c.messages.last().map_or(0, |m| m.seq as i64);
                (
                    analytics::conversation_facts(c, now, hours.as_ref()),
                    last_seq,
                )
            })
            .collect();
        self.save_facts(merchant, &computed).await?;
        facts.extend(computed.into_iter().map(|(f, _)| f));
        Ok(facts)
    }

    /// One conversation with its messages.
    async fn conversation_row(&self, id: &str) -> Result<Option<ConversationRow>, StoreError> {
        let Some(row) = sqlx::query(&format!(
            "SELECT {CONVERSATION_COLUMNS} FROM conversations c WHERE c.id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        else {
            return Ok(None);
        };
        let mut c = conversation_from(&row);
        let messages = sqlx::query(&format!(
            "SELECT {MESSAGE_COLUMNS} FROM messages m WHERE m.conversation_id = $1 ORDER BY m.seq"
        ))
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        c.messages = messages.iter().map(message_from).collect();
        Ok(Some(c))
    }

    /// The conversations `wanted` of those `merchant` started in `from..until`, with their
    /// messages, read in two queries over the range.
    pub(super) async fn conversations_in(
        &self,
        merchant: &str,
        from: i64,
        until: i64,
        wanted: &[String],
    ) -> Result<Vec<ConversationRow>, StoreError> {
        let wanted: std::collections::HashSet<&str> = wanted.iter().map(String::as_str).collect();
        let rows = sqlx::query(&format!(
            "SELECT {CONVERSATION_COLUMNS} FROM conversations c \
             WHERE c.merchant_id = $1 AND c.created_at >= $2 AND c.created_at < $3 \
             AND c.deleted_at IS NULL"
        ))
        .bind(merchant)
        .bind(from)
        .bind(until)
        .fetch_all(&self.pool)
        .await?;
        let mut by_id: HashMap<String, ConversationRow> = rows
            .iter()
            .map(conversation_from)
            .filter(|c| wanted.contains(c.id.as_str()))
            .map(|c| (c.id.clone(), c))
            .collect();
        let messages = sqlx::query(&format!(
            "SELECT {MESSAGE_COLUMNS} FROM messages m JOIN conversations c \
             ON c.id = m.conversation_id \
             WHERE c.merchant_id = $1 AND c.created_at >= $2 AND c.created_at < $3 \
             AND c.deleted_at IS NULL \
             ORDER BY m.conversation_id, m.seq"
        ))
        .bind(merchant)
        .bind(from)
        .bind(until)
        .fetch_all(&self.pool)
        .await?;
        for row in &messages {
            let id: String = row.get("conversation_id");
            if let Some(c) = by_id.get_mut(&id) {
                c.messages.push(message_from(row));
            }
        }
        Ok(by_id.into_values().collect())
    }

    async fn save_facts(
        &self,
        merchant: &str,
        computed: &[(ConversationFacts, i64)],
    ) -> Result<(), StoreError> {
        for chunk in computed.chunks(WRITE_CHUNK) {
            let mut tx = self.write_tx().await?;
            for (f, last_seq) in chunk {
                let json =
                    serde_json::to_string(f).map_err(|e| StoreError::Corrupt(e.to_string()))?;
                sqlx::query(
                    "INSERT INTO conversation_facts \
                     (conversation_id, merchant_id, created_at, last_seq, valid_until, facts) \
                     VALUES ($1, $2, $3, $4, $5, $6) \
                     ON CONFLICT (conversation_id) DO UPDATE SET last_seq = excluded.last_seq, \
                     valid_until = excluded.valid_until, facts = excluded.facts",
                )
                .bind(&f.id)
                .bind(merchant)
                .bind(f.created_at)
                .bind(last_seq)
                .bind(f.valid_until)
                .bind(json)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
        }
        Ok(())
    }

    /// The plugin calls `merchant`'s plugins made in `from..until` (Unix ms).
    pub async fn plugin_call_rows(
        &self,
        merchant: &str,
        from: i64,
        until: i64,
    ) -> Result<Vec<PluginCallRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT plugin, plugin_version, outcome, micros, proposed_minor, committed_minor, \
             currency FROM plugin_calls \
             WHERE merchant_id = $1 AND created_at >= $2 AND created_at < $3",
        )
        .bind(merchant)
        .bind(from)
        .bind(until)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| PluginCallRow {
                plugin: r.get("plugin"),
                version: r.get("plugin_version"),
                outcome: r.get("outcome"),
                micros: r.get("micros"),
                proposed_minor: r.get("proposed_minor"),
                committed_minor: r.get("committed_minor"),
                currency: r.get("currency"),
            })
            .collect())
    }

    /// Re-dates a conversation and its messages (Unix ms): for importing history and for
    /// tests that need a day to have passed. Its merchant's cached facts and roll-ups are
    /// dropped (re-dated messages do not move `last_seq`).
    pub async fn redate_conversation(
        &self,
        conversation: &str,
        created_at: i64,
        messages: &[(u64, i64)],
    ) -> Result<(), StoreError> {
        let mut tx = self.write_tx().await?;
        sqlx::query("UPDATE conversations SET created_at = $1 WHERE id = $2")
            .bind(created_at)
            .bind(conversation)
            .execute(&mut *tx)
            .await?;
        for (seq, at) in messages {
            sqlx::query(
                "UPDATE messages SET created_at = $1 WHERE conversation_id = $2 AND seq = $3",
            )
            .bind(*at)
            .bind(conversation)
            .bind(*seq as i64)
            .execute(&mut *tx)
            .await?;
        }
        let merchant: Option<String> =
            sqlx::query_scalar("SELECT merchant_id FROM conversations WHERE id = $1")
                .bind(conversation)
                .fetch_optional(&mut *tx)
                .await?;
        if let Some(merchant) = merchant {
            super::report_days::forget_report_caches(&mut tx, &merchant).await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// The current time in Unix ms, for callers that report "as of now".
pub fn report_now() -> i64 {
    now_ms()
}

#[cfg(test)]
#[path = "analytics_bench.rs"]
mod bench;
