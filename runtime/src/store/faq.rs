//! The merchant's FAQ entries (table `faq`), which FAQ retrieval reads, agents add to and
//! the admin API manages.

use serde::Serialize;
use sqlx::Row;

use super::{Store, StoreError, now_ms};

/// One FAQ entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
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
    /// Whether the entry is shipped to shoppers' browsers, which then answer it on the
    /// device; a private entry is answered by the runtime only.
    pub public: bool,
}

impl kefu_intent::faq::Question for FaqEntry {
    fn question(&self) -> &str {
        &self.question
    }
    fn intent(&self) -> Option<&str> {
        self.intent.as_deref()
    }
    fn answer(&self) -> &str {
        &self.answer
    }
}

impl Store {
    /// The merchant's FAQ entries.
    pub async fn faq(&self, merchant: &str) -> Result<Vec<FaqEntry>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, question, answer, lang, intent, public FROM faq WHERE merchant_id = $1 \
             ORDER BY id",
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
                public: r.get::<i64, _>("public") != 0,
            })
            .collect())
    }

    /// Adds a FAQ entry (shipped to shoppers' browsers if `public`); returns its id.
    pub async fn add_faq(
        &self,
        merchant: &str,
        lang: &str,
        intent: Option<&str>,
        question: &str,
        answer: &str,
        public: bool,
    ) -> Result<i64, StoreError> {
        let row = sqlx::query(
            "INSERT INTO faq (merchant_id, question, answer, lang, intent, created_at, public) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(merchant)
        .bind(question)
        .bind(answer)
        .bind(lang)
        .bind(intent)
        .bind(now_ms())
        .bind(i64::from(public))
        .fetch_one(&self.pool)
        .await?;
        Ok(row.get("id"))
    }

    /// How many FAQ entries `merchant` has.
    pub async fn faq_count(&self, merchant: &str) -> Result<u64, StoreError> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM faq WHERE merchant_id = $1")
            .bind(merchant)
            .fetch_one(&self.pool)
            .await?;
        Ok(row.get::<i64, _>("n") as u64)
    }

    /// Rewrites `merchant`'s FAQ entry `id`; `false` if they have none of that id.
    pub async fn update_faq(&self, merchant: &str, entry: &FaqEntry) -> Result<bool, StoreError> {
        Ok(sqlx::query(
            "UPDATE faq SET question = $1, answer = $2, lang = $3, intent = $4, public = $5 \
             WHERE merchant_id = $6 AND id = $7",
        )
        .bind(&entry.question)
        .bind(&entry.answer)
        .bind(&entry.lang)
        .bind(&entry.intent)
        .bind(i64::from(entry.public))
        .bind(merchant)
        .bind(entry.id)
        .execute(&self.pool)
        .await?
        .rows_affected()
            > 0)
    }

    /// Removes `merchant`'s FAQ entry `id`; `false` if they have none of that id.
    pub async fn delete_faq(&self, merchant: &str, id: i64) -> Result<bool, StoreError> {
        Ok(
            sqlx::query("DELETE FROM faq WHERE merchant_id = $1 AND id = $2")
                .bind(merchant)
                .bind(id)
                .execute(&self.pool)
                .await?
                .rows_affected()
                > 0,
        )
    }
}
