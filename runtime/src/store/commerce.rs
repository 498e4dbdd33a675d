//! The merchant side of the store: merchant settings, products, the FAQ, proposed actions,
//! the refund ledger, plugins' key-value stores and the plugin audit log.

use serde::Serialize;
use sqlx::Row;

use super::{Store, StoreError, now_ms};
use crate::domain::{
    ActionRecord, ActionState, AuditEntry, CallRecording, MoneyLimits, NewRefund, ProductRecord,
    RefundRecord,
};

/// The reply time promised when a merchant has not set one (also the column's default).
pub const DEFAULT_REPLY_WITHIN_HOURS: u32 = 24;

/// A merchant's settings that the engine applies.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MerchantSettings {
    /// Shop name.
    pub name: String,
    /// Refunds above this always go to a person.
    pub refund_cap_minor: Option<u64>,
    /// Secret for signed shopper identities.
    pub identity_secret: Option<String>,
    /// When agents answer live (`None`: whenever one is online).
    pub business_hours: Option<super::BusinessHours>,
    /// The reply time promised when nobody can answer live, in hours.
    pub reply_within_hours: u32,
    /// Phrases that always go to a person in this shop (lower-case).
    pub handoff_phrases: Vec<String>,
}

/// One FAQ entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FaqEntry {
    /// Row id.
    pub id: i64,
    /// The question as the merchant wrote it.
    pub question: String,
    /// The answer, given verbatim.
    pub answer: String,
    /// `en` or `zh`.
    pub lang: String,
    /// The intent it answers, if tied to one.
    pub intent: Option<String>,
}

fn audit_entry(r: &sqlx::sqlite::SqliteRow) -> AuditEntry {
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

fn ascii_terms(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric() || !c.is_ascii())
        .filter(|w| w.len() >= 3)
        .map(|w| {
            w.strip_suffix('s')
                .filter(|s| s.len() >= 3)
                .unwrap_or(w)
                .to_string()
        })
        .collect()
}

fn cjk_bigrams(text: &str) -> Vec<String> {
    let chars: Vec<char> = text
        .to_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    chars
        .windows(2)
        .filter(|w| w.iter().any(|c| !c.is_ascii()))
        .map(|w| w.iter().collect())
        .collect()
}

/// How well `product` matches `query`: name words and SKU count most, description words a
/// little, Chinese name bigrams like name words.
fn product_score(product: &ProductRecord, query: &str) -> u32 {
    let query_terms = ascii_terms(query);
    let query_lower = query.to_lowercase();
    let has = |t: &String| query_terms.iter().any(|q| q == t);
    let mut score = 0;
    for t in ascii_terms(&product.name) {
        if has(&t) {
            score += 3;
        }
    }
    if query_lower.contains(&product.sku.to_lowercase()) {
        score += 6;
    }
    for t in ascii_terms(&product.description) {
        if t.len() >= 4 && has(&t) {
            score += 1;
        }
    }
    if let Some(zh) = &product.name_zh {
        for bigram in cjk_bigrams(zh) {
            if query_lower.contains(&bigram) {
                score += 3;
            }
        }
    }
    score
}

impl Store {
    /// A merchant's settings.
    pub async fn merchant_settings(
        &self,
        merchant: &str,
    ) -> Result<Option<MerchantSettings>, StoreError> {
        let row = sqlx::query(
            "SELECT name, refund_cap_minor, identity_secret, business_hours, reply_within_hours, \
             handoff_phrases FROM merchants WHERE id = ?",
        )
        .bind(merchant)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            let hours: Option<String> = r.get("business_hours");
            Ok(MerchantSettings {
                name: r.get("name"),
                refund_cap_minor: r
                    .get::<Option<i64>, _>("refund_cap_minor")
                    .map(|v| v as u64),
                identity_secret: r.get("identity_secret"),
                business_hours: hours
                    .map(|h| serde_json::from_str(&h))
                    .transpose()
                    .map_err(|e| StoreError::Corrupt(format!("business hours: {e}")))?,
                reply_within_hours: r.get::<i64, _>("reply_within_hours") as u32,
                handoff_phrases: serde_json::from_str(&r.get::<String, _>("handoff_phrases"))
                    .map_err(|e| StoreError::Corrupt(format!("handoff phrases: {e}")))?,
            })
        })
        .transpose()
    }

    async fn products(&self, merchant: &str) -> Result<Vec<ProductRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT sku, name, name_zh, description, description_zh, price_minor, currency, stock FROM products \
             WHERE merchant_id = ? ORDER BY sku",
        )
        .bind(merchant)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| ProductRecord {
                sku: r.get("sku"),
                name: r.get("name"),
                name_zh: r.get("name_zh"),
                description: r.get("description"),
                description_zh: r.get("description_zh"),
                price_minor: r.get::<i64, _>("price_minor") as u64,
                currency: r.get("currency"),
                stock: r.get::<i64, _>("stock") as u32,
            })
            .collect())
    }

    /// One product.
    pub async fn product(
        &self,
        merchant: &str,
        sku: &str,
    ) -> Result<Option<ProductRecord>, StoreError> {
        Ok(self
            .products(merchant)
            .await?
            .into_iter()
            .find(|p| p.sku.eq_ignore_ascii_case(sku)))
    }

    /// Products matching `query`, best first (only those that match at all).
    pub async fn search_products(
        &self,
        merchant: &str,
        query: &str,
        limit: usize,
    ) -> Result<Vec<ProductRecord>, StoreError> {
        let mut scored: Vec<(u32, ProductRecord)> = self
            .products(merchant)
            .await?
            .into_iter()
            .map(|p| (product_score(&p, query), p))
            .filter(|(score, _)| *score > 0)
            .collect();
        // Best first; among equals, catalogue order.
        scored.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.sku.cmp(&b.1.sku)));
        // Keep only products close to the best match: "steel bottle" should not list caps.
        let best = scored.first().map_or(0, |(s, _)| *s);
        Ok(scored
            .into_iter()
            .filter(|(s, _)| *s * 2 >= best)
            .take(limit)
            .map(|(_, p)| p)
            .collect())
    }

    /// The product `text` names (by its name, Chinese name or SKU, not just by words of its
    /// description), if any.
    pub async fn product_named(
        &self,
        merchant: &str,
        text: &str,
    ) -> Result<Option<ProductRecord>, StoreError> {
        Ok(self
            .products(merchant)
            .await?
            .into_iter()
            .map(|p| (product_score(&p, text), p))
            .filter(|(score, _)| *score >= 3)
            .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.sku.cmp(&a.1.sku)))
            .map(|(_, p)| p))
    }

    /// The merchant's FAQ entries.
    pub async fn faq(&self, merchant: &str) -> Result<Vec<FaqEntry>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, question, answer, lang, intent FROM faq WHERE merchant_id = ? ORDER BY id",
        )
        .bind(merchant)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| FaqEntry {
                id: r.get("id"),
                question: r.get("question"),
                answer: r.get("answer"),
                lang: r.get("lang"),
                intent: r.get("intent"),
            })
            .collect())
    }

    /// Adds a FAQ entry; returns its id.
    pub async fn add_faq(
        &self,
        merchant: &str,
        lang: &str,
        intent: Option<&str>,
        question: &str,
        answer: &str,
    ) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "INSERT INTO faq (merchant_id, question, answer, lang, intent, created_at) \
             VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        )
        .bind(merchant)
        .bind(question)
        .bind(answer)
        .bind(lang)
        .bind(intent)
        .bind(now_ms())
        .fetch_one(&self.pool)
        .await?;
        Ok(row.get("id"))
    }

    /// Sets the phrases that always go to a person in `merchant`'s shop.
    pub async fn set_handoff_phrases(
        &self,
        merchant: &str,
        phrases: &[String],
    ) -> Result<(), StoreError> {
        let phrases: Vec<String> = phrases.iter().map(|p| p.trim().to_lowercase()).collect();
        sqlx::query("UPDATE merchants SET handoff_phrases = ? WHERE id = ?")
            .bind(serde_json::to_string(&phrases).map_err(|e| StoreError::Corrupt(e.to_string()))?)
            .bind(merchant)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The merchant's wording of line `key` in `lang`, if they set one.
    pub async fn reply_template(
        &self,
        merchant: &str,
        key: &str,
        lang: &str,
    ) -> Result<Option<String>, StoreError> {
        let row = sqlx::query(
            "SELECT text FROM reply_templates WHERE merchant_id = ? AND key = ? AND lang = ?",
        )
        .bind(merchant)
        .bind(key)
        .bind(lang)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| r.get("text")))
    }

    /// Every wording the merchant set, as (key, lang, text).
    pub async fn reply_templates(
        &self,
        merchant: &str,
    ) -> Result<Vec<(String, String, String)>, StoreError> {
        let rows = sqlx::query(
            "SELECT key, lang, text FROM reply_templates WHERE merchant_id = ? ORDER BY key, lang",
        )
        .bind(merchant)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| (r.get("key"), r.get("lang"), r.get("text")))
            .collect())
    }

    /// Sets (`Some`) or removes (`None`) the merchant's wording of line `key` in `lang`.
    pub async fn set_reply_template(
        &self,
        merchant: &str,
        key: &str,
        lang: &str,
        text: Option<&str>,
    ) -> Result<(), StoreError> {
        match text {
            Some(text) => {
                sqlx::query(
                    "INSERT INTO reply_templates (merchant_id, key, lang, text, updated_at) \
                     VALUES (?, ?, ?, ?, ?) ON CONFLICT (merchant_id, key, lang) \
                     DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at",
                )
                .bind(merchant)
                .bind(key)
                .bind(lang)
                .bind(text)
                .bind(now_ms())
                .execute(&self.pool)
                .await?;
            }
            None => {
                sqlx::query(
                    "DELETE FROM reply_templates WHERE merchant_id = ? AND key = ? AND lang = ?",
                )
                .bind(merchant)
                .bind(key)
                .bind(lang)
                .execute(&self.pool)
                .await?;
            }
        }
        Ok(())
    }

    /// Records an action proposed to the shopper.
    pub async fn create_action(
        &self,
        merchant: &str,
        action: &ActionRecord,
    ) -> Result<(), StoreError> {
        let now = now_ms();
        sqlx::query(
            "INSERT INTO actions (id, merchant_id, conversation_id, plugin, plugin_version, \
             proposal, shopper, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(&action.id)
        .bind(merchant)
        .bind(&action.conversation_id)
        .bind(&action.plugin)
        .bind(&action.plugin_version)
        .bind(&action.proposal)
        .bind(&action.shopper)
        .bind(action.state.as_str())
        .bind(now)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// An action of one conversation.
    pub async fn action(
        &self,
        conversation: &str,
        id: &str,
    ) -> Result<Option<ActionRecord>, StoreError> {
        let row = sqlx::query(
            "SELECT id, conversation_id, plugin, plugin_version, proposal, shopper, state \
             FROM actions WHERE id = ? AND conversation_id = ?",
        )
        .bind(id)
        .bind(conversation)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            let state: String = r.get("state");
            Ok(ActionRecord {
                id: r.get("id"),
                conversation_id: r.get("conversation_id"),
                plugin: r.get("plugin"),
                plugin_version: r.get("plugin_version"),
                proposal: r.get("proposal"),
                shopper: r.get("shopper"),
                state: ActionState::parse(&state)
                    .ok_or_else(|| StoreError::Corrupt(format!("action state `{state}`")))?,
            })
        })
        .transpose()
    }

    /// Moves an action from `from` to `to`; `false` if it was not in `from` (someone else
    /// moved it first: a double confirmation commits once).
    pub async fn move_action(
        &self,
        id: &str,
        from: ActionState,
        to: ActionState,
    ) -> Result<bool, StoreError> {
        let done =
            sqlx::query("UPDATE actions SET state = ?, updated_at = ? WHERE id = ? AND state = ?")
                .bind(to.as_str())
                .bind(now_ms())
                .bind(id)
                .bind(from.as_str())
                .execute(&self.pool)
                .await?
                .rows_affected();
        Ok(done == 1)
    }

    /// Refunds issued on one order.
    pub async fn refunds_for_order(
        &self,
        merchant: &str,
        order: &str,
    ) -> Result<Vec<RefundRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT reference, order_id, amount_minor, currency, issued_at FROM refunds \
             WHERE merchant_id = ? AND order_id = ? ORDER BY issued_at",
        )
        .bind(merchant)
        .bind(order)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| RefundRecord {
                reference: r.get("reference"),
                order_id: r.get("order_id"),
                amount_minor: r.get::<i64, _>("amount_minor") as u64,
                currency: r.get("currency"),
                issued_at: r.get::<i64, _>("issued_at") as u64,
            })
            .collect())
    }

    /// Issues a refund if every limit allows it, atomically (an immediate transaction: two
    /// refunds cannot both pass the caps). `Ok(Err(why))` when a limit refuses it.
    pub async fn issue_refund(
        &self,
        r: &NewRefund,
        limits: &MoneyLimits,
    ) -> Result<Result<String, String>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        sqlx::query("BEGIN IMMEDIATE").execute(&mut *conn).await?;
        let outcome = Self::issue_refund_in(&mut conn, r, limits).await;
        let end = if matches!(outcome, Ok(Ok(_))) {
            "COMMIT"
        } else {
            "ROLLBACK"
        };
        sqlx::query(end).execute(&mut *conn).await?;
        outcome
    }

    async fn issue_refund_in(
        conn: &mut sqlx::SqliteConnection,
        r: &NewRefund,
        limits: &MoneyLimits,
    ) -> Result<Result<String, String>, StoreError> {
        let sum = |sql: &'static str| sqlx::query(sql);
        if sum("SELECT 1 FROM refunds WHERE action_id = ?")
            .bind(&r.action_id)
            .fetch_optional(&mut *conn)
            .await?
            .is_some()
        {
            return Ok(Err("this refund was already issued".into()));
        }
        let order = sqlx::query(
            "SELECT total_minor, currency FROM orders WHERE merchant_id = ? AND id = ?",
        )
        .bind(&r.merchant)
        .bind(&r.order_id)
        .fetch_optional(&mut *conn)
        .await?;
        let Some(order) = order else {
            return Ok(Err(format!("order {} does not exist", r.order_id)));
        };
        let total = order.get::<i64, _>("total_minor") as u64;
        let order_currency: String = order.get("currency");
        if r.currency != order_currency || r.currency != limits.currency {
            return Ok(Err(format!("refunds must be in {}", limits.currency)));
        }
        let settings = sqlx::query("SELECT refund_cap_minor FROM merchants WHERE id = ?")
            .bind(&r.merchant)
            .fetch_one(&mut *conn)
            .await?;
        let merchant_cap = settings
            .get::<Option<i64>, _>("refund_cap_minor")
            .map(|v| v as u64);
        let refunded: i64 = sum("SELECT COALESCE(SUM(amount_minor), 0) FROM refunds WHERE merchant_id = ? AND order_id = ?")
            .bind(&r.merchant)
            .bind(&r.order_id)
            .fetch_one(&mut *conn)
            .await?
            .get(0);
        let since = r.now_ms.saturating_sub(86_400_000) as i64;
        let today: i64 = sum("SELECT COALESCE(SUM(amount_minor), 0) FROM refunds WHERE merchant_id = ? AND plugin = ? AND issued_at > ?")
            .bind(&r.merchant)
            .bind(&r.plugin)
            .bind(since)
            .fetch_one(&mut *conn)
            .await?
            .get(0);
        let shopper: i64 = sum("SELECT COALESCE(SUM(amount_minor), 0) FROM refunds WHERE merchant_id = ? AND shopper = ? AND issued_at > ?")
            .bind(&r.merchant)
            .bind(&r.shopper)
            .bind(since)
            .fetch_one(&mut *conn)
            .await?
            .get(0);
        let amount = r.amount_minor;
        if refunded as u64 + amount > total {
            return Ok(Err(format!(
                "order {} would be refunded more than its total",
                r.order_id
            )));
        }
        if amount > limits.max_refund_minor || merchant_cap.is_some_and(|cap| amount > cap) {
            return Ok(Err("above the largest refund allowed".into()));
        }
        if today as u64 + amount > limits.max_per_day_minor {
            return Ok(Err("the daily refund limit is reached".into()));
        }
        if shopper as u64 + amount > limits.max_per_shopper_minor {
            return Ok(Err("this shopper's daily refund limit is reached".into()));
        }
        let reference = format!(
            "R-{}",
            &uuid::Uuid::new_v4().simple().to_string()[..10].to_uppercase()
        );
        sqlx::query(
            "INSERT INTO refunds (reference, merchant_id, plugin, action_id, order_id, \
             amount_minor, currency, reason, shopper, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(&reference)
        .bind(&r.merchant)
        .bind(&r.plugin)
        .bind(&r.action_id)
        .bind(&r.order_id)
        .bind(amount as i64)
        .bind(&r.currency)
        .bind(&r.reason)
        .bind(&r.shopper)
        .bind(r.now_ms as i64)
        .execute(&mut *conn)
        .await?;
        Ok(Ok(reference))
    }

    /// A value of a plugin's key-value store.
    pub async fn kv_get(
        &self,
        merchant: &str,
        plugin: &str,
        key: &str,
    ) -> Result<Option<Vec<u8>>, StoreError> {
        let row = sqlx::query(
            "SELECT value FROM plugin_kv WHERE merchant_id = ? AND plugin = ? AND key = ?",
        )
        .bind(merchant)
        .bind(plugin)
        .bind(key)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| r.get("value")))
    }

    /// Sets a value unless the plugin's store would exceed `quota` bytes; `Ok(false)` then.
    pub async fn kv_set(
        &self,
        merchant: &str,
        plugin: &str,
        key: &str,
        value: &[u8],
        quota: u64,
    ) -> Result<bool, StoreError> {
        let mut conn = self.pool.acquire().await?;
        sqlx::query("BEGIN IMMEDIATE").execute(&mut *conn).await?;
        let used: i64 = sqlx::query(
            "SELECT COALESCE(SUM(LENGTH(key) + LENGTH(value)), 0) FROM plugin_kv \
             WHERE merchant_id = ? AND plugin = ? AND key != ?",
        )
        .bind(merchant)
        .bind(plugin)
        .bind(key)
        .fetch_one(&mut *conn)
        .await?
        .get(0);
        let fits = used as u64 + (key.len() + value.len()) as u64 <= quota;
        if fits {
            sqlx::query(
                "INSERT INTO plugin_kv (merchant_id, plugin, key, value) VALUES (?, ?, ?, ?) \
                 ON CONFLICT (merchant_id, plugin, key) DO UPDATE SET value = excluded.value",
            )
            .bind(merchant)
            .bind(plugin)
            .bind(key)
            .bind(value)
            .execute(&mut *conn)
            .await?;
        }
        sqlx::query(if fits { "COMMIT" } else { "ROLLBACK" })
            .execute(&mut *conn)
            .await?;
        Ok(fits)
    }

    /// Deletes a value.
    pub async fn kv_delete(
        &self,
        merchant: &str,
        plugin: &str,
        key: &str,
    ) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM plugin_kv WHERE merchant_id = ? AND plugin = ? AND key = ?")
            .bind(merchant)
            .bind(plugin)
            .bind(key)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Appends to the plugin audit log with what replaying the call needs; returns its id.
    pub async fn record_call(
        &self,
        e: &AuditEntry,
        recording: Option<&CallRecording>,
    ) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "INSERT INTO plugin_calls (merchant_id, plugin, plugin_version, conversation_id, \
             export, intent, host_calls, micros, peak_memory, proposed_minor, committed_minor, \
             currency, outcome, input, now_ms, host_log, result, created_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
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
        .fetch_one(&self.pool)
        .await?;
        Ok(row.get("id"))
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
             WHERE id = ? AND (? IS NULL OR merchant_id = ?) AND input IS NOT NULL",
        )
        .bind(id)
        .bind(merchant)
        .bind(merchant)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| CallRecording {
            entry: audit_entry(&r),
            input: r.get("input"),
            now_ms: r.get::<i64, _>("now_ms") as u64,
            host_log: r.get("host_log"),
            result: r.get("result"),
        }))
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
             FROM plugin_calls WHERE merchant_id = ? ORDER BY id DESC LIMIT ?",
        )
        .bind(merchant)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.iter().map(audit_entry).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::DemoData;

    async fn demo() -> Store {
        let store = Store::in_memory().await.unwrap();
        store
            .load_demo(&DemoData::builtin().unwrap())
            .await
            .unwrap();
        store
    }

    fn limits() -> MoneyLimits {
        MoneyLimits {
            currency: "USD".into(),
            max_refund_minor: 5000,
            max_per_day_minor: 6000,
            max_per_shopper_minor: 6000,
        }
    }

    fn refund(action: &str, order: &str, amount: u64) -> NewRefund {
        NewRefund {
            merchant: "demo".into(),
            plugin: "refunds".into(),
            action_id: action.into(),
            order_id: order.into(),
            amount_minor: amount,
            currency: "USD".into(),
            reason: "test".into(),
            shopper: "carlos@example.com".into(),
            now_ms: 1_795_305_600_000,
        }
    }

    #[tokio::test]
    async fn products_are_found_by_name_in_both_languages() {
        let store = demo().await;
        let found = store
            .search_products("demo", "is the steel bottle in stock?", 5)
            .await
            .unwrap();
        assert_eq!(found.first().map(|p| p.sku.as_str()), Some("BOT-STL-750"));
        assert_eq!(found.len(), 1, "{found:?}");
        let found = store
            .search_products("demo", "保温杯还有货吗", 5)
            .await
            .unwrap();
        assert_eq!(found.first().map(|p| p.sku.as_str()), Some("BOT-STL-750"));
        assert!(
            store
                .search_products("demo", "do you sell laptops", 5)
                .await
                .unwrap()
                .is_empty()
        );
    }

    #[tokio::test]
    async fn refunds_respect_order_totals_caps_and_issue_once_per_action() {
        let store = demo().await;
        // Order 1003 totals 22.00.
        let first = store
            .issue_refund(&refund("a1", "1003", 2000), &limits())
            .await
            .unwrap();
        assert!(first.is_ok(), "{first:?}");
        let again = store
            .issue_refund(&refund("a1", "1003", 200), &limits())
            .await
            .unwrap();
        assert!(again.is_err(), "one refund per action");
        let over = store
            .issue_refund(&refund("a2", "1003", 300), &limits())
            .await
            .unwrap();
        assert!(over.unwrap_err().contains("more than its total"));
        // Order 1001 totals 98.00: above the single-refund cap.
        let big = store
            .issue_refund(&refund("a3", "1001", 5001), &limits())
            .await
            .unwrap();
        assert!(big.unwrap_err().contains("largest"));
        // 20.00 issued already; another 45.00 would pass 60.00 a day.
        let day = store
            .issue_refund(&refund("a4", "1001", 4500), &limits())
            .await
            .unwrap();
        assert!(day.unwrap_err().contains("daily"));
        let euros = NewRefund {
            currency: "EUR".into(),
            ..refund("a5", "1003", 100)
        };
        assert!(
            store
                .issue_refund(&euros, &limits())
                .await
                .unwrap()
                .is_err()
        );
        let listed = store.refunds_for_order("demo", "1003").await.unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].amount_minor, 2000);
        assert!(
            store
                .refunds_for_order("other", "1003")
                .await
                .unwrap()
                .is_empty()
        );
    }

    #[tokio::test]
    async fn orders_are_found_by_their_email_within_one_merchant() {
        let store = demo().await;
        assert_eq!(
            store
                .order_ids_by_email("demo", "JANE@example.com")
                .await
                .unwrap(),
            ["1001"]
        );
        assert!(
            store
                .order_ids_by_email("other", "jane@example.com")
                .await
                .unwrap()
                .is_empty()
        );
    }

    #[tokio::test]
    async fn the_key_value_store_keeps_to_its_quota() {
        let store = demo().await;
        assert!(store.kv_set("demo", "p", "k", b"12345", 16).await.unwrap());
        assert_eq!(
            store.kv_get("demo", "p", "k").await.unwrap().as_deref(),
            Some(&b"12345"[..])
        );
        // Overwriting counts the new size only.
        assert!(
            store
                .kv_set("demo", "p", "k", b"1234567890", 16)
                .await
                .unwrap()
        );
        assert!(
            !store
                .kv_set("demo", "p", "k2", b"123456", 16)
                .await
                .unwrap()
        );
        // Another plugin's store is separate.
        assert_eq!(store.kv_get("demo", "q", "k").await.unwrap(), None);
        store.kv_delete("demo", "p", "k").await.unwrap();
        assert_eq!(store.kv_get("demo", "p", "k").await.unwrap(), None);
    }
}
