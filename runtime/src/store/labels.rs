//! Training labels agents give shopper messages (table `training_labels`), once per
//! message; they are written with the phrasing they teach (`corrections.rs`).

use sqlx::Row;

use super::{Store, StoreError};

impl Store {
    /// The labels agents gave messages of `conversation`, as (seq, label).
    pub async fn training_labels(
        &self,
        conversation: &str,
    ) -> Result<Vec<(u64, String)>, StoreError> {
        let rows = sqlx::query(
            "SELECT seq, label FROM training_labels WHERE conversation_id = $1 ORDER BY seq",
        )
        .bind(conversation)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| (r.get::<i64, _>("seq") as u64, r.get("label")))
            .collect())
    }
}
