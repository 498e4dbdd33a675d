//! Agents' internal notes on a conversation (table `notes`), never shown to the shopper.

use serde::Serialize;
use sqlx::Row;

use super::{Agent, ClaimError, Store, StoreError, now_ms};

/// An internal note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    /// Database id.
    pub id: i64,
    /// Who wrote it.
    pub agent_name: String,
    /// The note.
    pub text: String,
    /// When (Unix ms).
    pub created_at: i64,
}

impl Store {
    /// Adds an internal note by `agent` to a conversation of their merchant.
    pub async fn add_note(
        &self,
        agent: &Agent,
        conversation: &str,
        text: &str,
    ) -> Result<Note, ClaimError> {
        if self
            .conversation(&agent.merchant_id, conversation)
            .await?
            .is_none()
        {
            return Err(ClaimError::NotFound);
        }
        let now = now_ms();
        let id = sqlx::query(
            "INSERT INTO notes (conversation_id, agent_id, text, created_at) VALUES ($1, $2, $3, $4) \
             RETURNING id",
        )
        .bind(conversation)
        .bind(agent.id)
        .bind(text)
        .bind(now)
        .fetch_one(&self.pool)
        .await?
        .get("id");
        Ok(Note {
            id,
            agent_name: agent.name.clone(),
            text: text.to_string(),
            created_at: now,
        })
    }

    /// The notes on `conversation`, oldest first.
    pub async fn notes(&self, conversation: &str) -> Result<Vec<Note>, StoreError> {
        let rows = sqlx::query(
            "SELECT n.id, a.name, n.text, n.created_at FROM notes n \
             JOIN agents a ON a.id = n.agent_id WHERE n.conversation_id = $1 ORDER BY n.id",
        )
        .bind(conversation)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| Note {
                id: r.get("id"),
                agent_name: r.get("name"),
                text: r.get("text"),
                created_at: r.get("created_at"),
            })
            .collect())
    }
}
