//! Training labels agents give shopper messages (table `training_labels`), once per
//! message.

use sqlx::Row;

use super::{Store, StoreError, now_ms};

impl Store {
    /// Records `label` for shopper message `seq`; false if that message already has one.
    pub async fn add_training_label(
        &self,
        conversation: &str,
        seq: u64,
        label: &str,
        agent: i64,
    ) -> Result<bool, StoreError> {
        let inserted = sqlx::query(
            "INSERT INTO training_labels (conversation_id, seq, label, agent_id, created_at) \
             VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
        )
        .bind(conversation)
        .bind(seq as i64)
        .bind(label)
        .bind(agent)
        .bind(now_ms())
        .execute(&self.pool)
        .await?
        .rows_affected();
        Ok(inserted == 1)
    }

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
