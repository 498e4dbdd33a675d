//! Tickets opened from the contact form (table `tickets`).

use kefu_protocol::{ChatMessage, ConversationState};
use serde::Serialize;
use sqlx::Row;

use super::{NewMessage, Store, StoreError, insert_messages, now_ms};

/// A contact request left when no agent could answer live.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ticket {
    /// Ticket number, shown to the shopper.
    pub id: i64,
    /// The conversation it came from.
    pub conversation_id: String,
    /// Where to reply.
    pub email: String,
    /// What the shopper added.
    pub message: String,
    /// `open` (the only status so far).
    pub status: String,
    /// When (Unix ms).
    pub created_at: i64,
}

impl Store {
    /// Opens a ticket and stores the turn that asked for it (the shopper's form and the
    /// bot's confirmation, which may quote the ticket number: `{ticket}` in its text is
    /// replaced). `Ok(None)` if the form's `client_msg_id` was already stored.
    pub async fn open_ticket(
        &self,
        merchant: &str,
        conversation: &str,
        email: &str,
        message: &str,
        mut messages: Vec<NewMessage>,
    ) -> Result<Option<(i64, Vec<ChatMessage>)>, StoreError> {
        let mut tx = self.write_tx().await?;
        let row = sqlx::query("SELECT state FROM conversations WHERE id = $1 AND merchant_id = $2")
            .bind(conversation)
            .bind(merchant)
            .fetch_one(&mut *tx)
            .await?;
        let state: String = row.get("state");
        let state = ConversationState::parse(&state)
            .ok_or_else(|| StoreError::Corrupt(format!("state `{state}`")))?;
        let id = sqlx::query(
            "INSERT INTO tickets (merchant_id, conversation_id, email, message, created_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(merchant)
        .bind(conversation)
        .bind(email)
        .bind(message)
        .bind(now_ms())
        .fetch_one(&mut *tx)
        .await?
        .get::<i64, _>("id");
        for m in &mut messages {
            m.text = m.text.replace("{ticket}", &id.to_string());
        }
        let Some(stored) = insert_messages(&mut tx, conversation, messages, state, None).await?
        else {
            return Ok(None);
        };
        tx.commit().await?;
        Ok(Some((id, stored)))
    }

    /// `merchant`'s tickets, newest first.
    pub async fn tickets(&self, merchant: &str) -> Result<Vec<Ticket>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, conversation_id, email, message, status, created_at FROM tickets \
             WHERE merchant_id = $1 ORDER BY id DESC LIMIT 200",
        )
        .bind(merchant)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| Ticket {
                id: r.get("id"),
                conversation_id: r.get("conversation_id"),
                email: r.get("email"),
                message: r.get("message"),
                status: r.get("status"),
                created_at: r.get("created_at"),
            })
            .collect())
    }

    /// How many tickets `conversation` has opened (the chat limits cap it).
    pub async fn ticket_count(&self, conversation: &str) -> Result<u64, StoreError> {
        let n: i64 = sqlx::query_scalar(TICKET_COUNT)
            .bind(conversation)
            .fetch_one(&self.pool)
            .await?;
        Ok(n as u64)
    }

    /// The CSAT score and the ticket of `conversation`, if any.
    pub async fn ticket_of(&self, conversation: &str) -> Result<Option<Ticket>, StoreError> {
        let row = sqlx::query(
            "SELECT id, conversation_id, email, message, status, created_at FROM tickets \
             WHERE conversation_id = $1 ORDER BY id DESC LIMIT 1",
        )
        .bind(conversation)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| Ticket {
            id: r.get("id"),
            conversation_id: r.get("conversation_id"),
            email: r.get("email"),
            message: r.get("message"),
            status: r.get("status"),
            created_at: r.get("created_at"),
        }))
    }
}

/// How many tickets a conversation has: asked on every contact form (the ticket limit), so it
/// reads the `tickets_by_conversation` index, never the whole table.
const TICKET_COUNT: &str = "SELECT COUNT(*) FROM tickets WHERE conversation_id = $1";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Engine;

    #[tokio::test]
    async fn counting_a_conversations_tickets_reads_an_index_not_every_ticket() {
        let store = Store::scratch().await.unwrap();
        if store.engine() != Engine::Sqlite {
            // The plan's wording is SQLite's; PostgreSQL has the same index.
            return;
        }
        let plan: Vec<String> = sqlx::query(&format!("EXPLAIN QUERY PLAN {TICKET_COUNT}"))
            .bind("c1")
            .fetch_all(&store.pool)
            .await
            .unwrap()
            .iter()
            .map(|step| step.get::<String, _>("detail"))
            .collect();
        assert!(
            plan.iter()
                .any(|step| step.contains("tickets_by_conversation")),
            "{plan:?}"
        );
    }
}
