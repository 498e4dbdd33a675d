//! Agents of a merchant (table `agents`) and their console sessions (`agent_sessions`,
//! stored only as the token's SHA-256).

use serde::Serialize;
use sqlx::Row;

use super::{Store, StoreError, now_ms};

/// A human agent of one merchant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Agent {
    /// Database id.
    pub id: i64,
    /// The merchant whose conversations they answer (and no other's).
    pub merchant_id: String,
    /// Login, lower-cased.
    pub email: String,
    /// Shown to shoppers ("Ada").
    pub name: String,
}

/// Why an agent could not be added.
#[derive(Debug, thiserror::Error)]
pub enum NewAgentError {
    /// The email already belongs to an agent.
    #[error("an agent with this email already exists")]
    EmailTaken,
    /// No such merchant.
    #[error("no merchant with this id")]
    UnknownMerchant,
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

fn agent_from_row(row: &sqlx::any::AnyRow) -> Agent {
    Agent {
        id: row.get("id"),
        merchant_id: row.get("merchant_id"),
        email: row.get("email"),
        name: row.get("name"),
    }
}

impl Store {
    /// Adds an agent to `merchant` with an already hashed password.
    pub async fn add_agent(
        &self,
        merchant: &str,
        email: &str,
        name: &str,
        password_hash: &str,
    ) -> Result<Agent, NewAgentError> {
        if !self.merchant_exists(merchant).await? {
            return Err(NewAgentError::UnknownMerchant);
        }
        let email = email.trim().to_lowercase();
        let result = sqlx::query(
            "INSERT INTO agents (merchant_id, email, name, password_hash, created_at) \
             VALUES ($1, $2, $3, $4, $5) RETURNING id",
        )
        .bind(merchant)
        .bind(&email)
        .bind(name.trim())
        .bind(password_hash)
        .bind(now_ms())
        .fetch_one(&self.pool)
        .await;
        match result {
            Ok(r) => Ok(Agent {
                id: r.get("id"),
                merchant_id: merchant.to_string(),
                email,
                name: name.trim().to_string(),
            }),
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                Err(NewAgentError::EmailTaken)
            }
            Err(e) => Err(StoreError::from(e).into()),
        }
    }

    /// The agent with login `email` and their password hash.
    pub async fn agent_credentials(
        &self,
        email: &str,
    ) -> Result<Option<(Agent, String)>, StoreError> {
        let row = sqlx::query(
            "SELECT id, merchant_id, email, name, password_hash FROM agents WHERE email = $1",
        )
        .bind(email.trim().to_lowercase())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| (agent_from_row(&r), r.get("password_hash"))))
    }

    /// Opens a session for `agent` lasting `ttl_ms`, keyed by the token's hash.
    pub async fn create_session(
        &self,
        agent: i64,
        token_hash: &str,
        ttl_ms: i64,
    ) -> Result<(), StoreError> {
        let now = now_ms();
        sqlx::query("DELETE FROM agent_sessions WHERE expires_at < $1")
            .bind(now)
            .execute(&self.pool)
            .await?;
        sqlx::query(
            "INSERT INTO agent_sessions (token_hash, agent_id, created_at, expires_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(token_hash)
        .bind(agent)
        .bind(now)
        .bind(now + ttl_ms)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The agent of an unexpired session.
    pub async fn session_agent(&self, token_hash: &str) -> Result<Option<Agent>, StoreError> {
        let row = sqlx::query(
            "SELECT a.id, a.merchant_id, a.email, a.name FROM agent_sessions s \
             JOIN agents a ON a.id = s.agent_id WHERE s.token_hash = $1 AND s.expires_at > $2",
        )
        .bind(token_hash)
        .bind(now_ms())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.as_ref().map(agent_from_row))
    }

    /// Ends a session.
    pub async fn delete_session(&self, token_hash: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM agent_sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
