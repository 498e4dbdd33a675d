//! Daily roll-ups: what keeps a report over a large store fast. A report over 30 days adds
//! up 30 days' [`Part`]s (`report_days`), instead of one cached [`ConversationFacts`] per
//! conversation (tens of thousands for a busy shop).
//!
//! A day's roll-up is used only while it still describes the day. Its fingerprint is the
//! number of the day's conversations (not deleted), the sum of their `last_seq` and the sum
//! of their `created_at`; all three are read for every day of the range in one indexed
//! query that never touches a conversation's row. Every change to a conversation stores a
//! message and moves `last_seq` (a late message, a claim, a resolution, a rating); a
//! conversation deleted leaves the count; a new or re-dated one changes the sums. While a
//! 24-hour window of the day is open, the roll-up also expires when it closes
//! (`valid_until`), as the conversation facts it was built from do. A stale day is rebuilt
//! from its conversations' facts (themselves cached per conversation, see
//! `store/analytics.rs`) and written back.
//!
//! Re-dating a conversation (an import) changes messages without moving `last_seq`, and a
//! change of business hours changes the people's times of every conversation: both drop
//! the merchant's cached facts and roll-ups instead.

use std::collections::{BTreeMap, HashMap};

use sqlx::Row;

use super::{Store, StoreError};
use crate::analytics::{self, ConversationFacts, Part};

const DAY_MS: i64 = 86_400_000;

/// What a day's roll-up was built from (see the module's doc).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fingerprint {
    conversations: i64,
    seq_sum: i64,
    created_sum: i64,
}

/// A day's roll-up as stored.
struct Rolled {
    fingerprint: Fingerprint,
    valid_until: Option<i64>,
    parts: String,
}

/// Consecutive days (by their start, Unix ms), so each run of stale days is read in one
/// query.
fn runs(days: &[(i64, Fingerprint)]) -> Vec<&[(i64, Fingerprint)]> {
    let mut out = vec![];
    let mut start = 0;
    for i in 1..=days.len() {
        if i == days.len() || days[i].0 != days[i - 1].0 + DAY_MS {
            if i > start {
                out.push(&days[start..i]);
            }
            start = i;
        }
    }
    out
}

impl Store {
    /// The report's parts (per day, language and channel) of the conversations `merchant`
    /// started in `from..until` (Unix ms, whole UTC days), as of `now`: each day from its
    /// roll-up while that holds, rebuilt and stored again where it does not.
    pub async fn report_parts(
        &self,
        merchant: &str,
        from: i64,
        until: i64,
        now: i64,
    ) -> Result<Vec<Part>, StoreError> {
        let _timer = crate::telemetry::StoreTimer::start("report_parts");
        let current = sqlx::query(
            "SELECT (created_at / 86400000) * 86400000 AS day, COUNT(*) AS n, \
             CAST(SUM(last_seq) AS BIGINT) AS seq_sum, \
             CAST(SUM(created_at) AS BIGINT) AS created_sum \
             FROM conversations \
             WHERE merchant_id = $1 AND created_at >= $2 AND created_at < $3 \
             AND deleted_at IS NULL GROUP BY 1 ORDER BY 1",
        )
        .bind(merchant)
        .bind(from)
        .bind(until)
        .fetch_all(&self.pool)
        .await?;
        let mut rolled: HashMap<i64, Rolled> = sqlx::query(
            "SELECT day, conversations, seq_sum, created_sum, valid_until, parts \
             FROM report_days WHERE merchant_id = $1 AND day >= $2 AND day < $3",
        )
        .bind(merchant)
        .bind(from)
        .bind(until)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            let rolled = Rolled {
                fingerprint: Fingerprint {
                    conversations: r.get("conversations"),
                    seq_sum: r.get("seq_sum"),
                    created_sum: r.get("created_sum"),
                },
                valid_until: r.get("valid_until"),
                parts: r.get("parts"),
            };
            (r.get::<i64, _>("day"), rolled)
        })
        .collect();
        let mut parts = vec![];
        let mut stale = vec![];
        for row in &current {
            let day: i64 = row.get("day");
            let fingerprint = Fingerprint {
                conversations: row.get("n"),
                seq_sum: row.get("seq_sum"),
                created_sum: row.get("created_sum"),
            };
            let held = rolled
                .remove(&day)
                .filter(|r| r.fingerprint == fingerprint && r.valid_until.is_none_or(|v| v > now));
            match held.map(|r| serde_json::from_str::<Vec<Part>>(&r.parts)) {
                Some(Ok(p)) => parts.extend(p),
                // Changed, expired, never rolled up, or an old format: rebuilt.
                _ => stale.push((day, fingerprint)),
            }
        }
        for run in runs(&stale) {
            parts.extend(self.roll_up(merchant, run, now).await?);
        }
        Ok(parts)
    }

    /// Rebuilds and stores the roll-ups of consecutive `days` with the fingerprints read
    /// before their conversations were: a conversation that changes in between makes the
    /// stored fingerprint stale, never the figures.
    async fn roll_up(
        &self,
        merchant: &str,
        days: &[(i64, Fingerprint)],
        now: i64,
    ) -> Result<Vec<Part>, StoreError> {
        let (Some(first), Some(last)) = (days.first(), days.last()) else {
            return Ok(vec![]);
        };
        let facts = self
            .conversation_facts(merchant, first.0, last.0 + DAY_MS, now)
            .await?;
        let mut by_day: BTreeMap<i64, Vec<ConversationFacts>> = BTreeMap::new();
        for f in facts {
            by_day
                .entry(f.created_at.div_euclid(DAY_MS) * DAY_MS)
                .or_default()
                .push(f);
        }
        let mut out = vec![];
        let mut tx = self.write_tx().await?;
        for (day, fingerprint) in days {
            let facts = by_day.remove(day).unwrap_or_default();
            let parts = analytics::rollup::parts(&facts);
            let valid_until = facts.iter().filter_map(|f| f.valid_until).min();
            let json =
                serde_json::to_string(&parts).map_err(|e| StoreError::Corrupt(e.to_string()))?;
            sqlx::query(
                "INSERT INTO report_days (merchant_id, day, conversations, seq_sum, \
                 created_sum, valid_until, parts) VALUES ($1, $2, $3, $4, $5, $6, $7) \
                 ON CONFLICT (merchant_id, day) DO UPDATE SET \
                 conversations = excluded.conversations, seq_sum = excluded.seq_sum, \
                 created_sum = excluded.created_sum, valid_until = excluded.valid_until, \
                 parts = excluded.parts",
            )
            .bind(merchant)
            .bind(*day)
            .bind(fingerprint.conversations)
            .bind(fingerprint.seq_sum)
            .bind(fingerprint.created_sum)
            .bind(valid_until)
            .bind(json)
            .execute(&mut *tx)
            .await?;
            out.extend(parts);
        }
        tx.commit().await?;
        Ok(out)
    }
}

/// Drops `merchant`'s cached conversation facts and daily roll-ups: the next report
/// computes everything again.
pub(super) async fn forget_report_caches(
    tx: &mut sqlx::AnyConnection,
    merchant: &str,
) -> Result<(), StoreError> {
    for table in ["conversation_facts", "report_days"] {
        sqlx::query(&format!("DELETE FROM {table} WHERE merchant_id = $1"))
            .bind(merchant)
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}

#[cfg(test)]
#[path = "report_days_tests.rs"]
mod tests;
