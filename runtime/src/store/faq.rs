//! The merchant's FAQ entries (table `faq`), which FAQ retrieval reads and agents add to.

use serde::Serialize;
use sqlx::Row;

use super::{Store, StoreError, now_ms};

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

impl Store {
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
}
