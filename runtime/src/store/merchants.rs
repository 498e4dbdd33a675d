//! Merchants as an operator manages them from the command line: a new shop with its own
//! identity secret, a new secret, the shop's API keys revoked; and its agents listed,
//! removed, given a new password.

use sqlx::Row;

use super::{Agent, Store, StoreError, now_ms};

/// Why a merchant could not be created.
#[derive(Debug, thiserror::Error)]
pub enum NewMerchantError {
    /// The id is not lower-case letters, digits and `-`, 2 to 40 characters.
    #[error(
        "`{0}` is not a merchant id: use 2 to 40 lower-case letters, digits and `-` \
         (it appears in the widget's snippet and in URLs)"
    )]
    BadId(String),
    /// The name is empty.
    #[error("the merchant needs a name shoppers will see")]
    NoName,
    /// A merchant with this id exists.
    #[error("a merchant with the id `{0}` already exists")]
    Exists(String),
    /// The database failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Whether `id` may name a merchant: 2 to 40 lower-case ASCII letters, digits and `-`,
/// neither first nor last a `-`.
pub fn valid_merchant_id(id: &str) -> bool {
    (2..=40).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

/// A new identity secret: 32 bytes from the operating system's generator, as 64 hex
/// digits. The shop's backend signs a logged-in shopper's identity with it.
pub fn new_identity_secret() -> Result<String, StoreError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|e| StoreError::Corrupt(format!("the OS random generator failed: {e}")))?;
    Ok(hex::encode(bytes))
}

/// What removing an agent did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgentRemoval {
    /// No agent has this email.
    NotFound,
    /// The agent and their sessions are gone.
    Removed,
    /// The agent wrote notes or labelled messages, which keep their author: the agent
    /// stays on record with login disabled and sessions ended.
    Disabled,
}

/// The stored hash of an agent who may not log in: no password matches it.
const DISABLED_PASSWORD: &str = "!disabled";

impl Store {
    /// Creates merchant `id` named `name` with a new identity secret, which it returns
    /// (the only time it is shown).
    pub async fn create_merchant(&self, id: &str, name: &str) -> Result<String, NewMerchantError> {
        if !valid_merchant_id(id) {
            return Err(NewMerchantError::BadId(id.to_string()));
        }
        if name.trim().is_empty() {
            return Err(NewMerchantError::NoName);
        }
        let secret = new_identity_secret()?;
        let result = sqlx::query(
            "INSERT INTO merchants (id, name, identity_secret, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(name.trim())
        .bind(&secret)
        .bind(now_ms())
        .execute(&self.pool)
        .await;
        match result {
            Ok(_) => Ok(secret),
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                Err(NewMerchantError::Exists(id.to_string()))
            }
            Err(e) => Err(StoreError::from(e).into()),
        }
    }

    /// Gives merchant `id` a new identity secret and returns it; `None` when there is no
    /// such merchant. Identities signed with the old secret stop verifying.
    pub async fn rotate_identity_secret(&self, id: &str) -> Result<Option<String>, StoreError> {
        let secret = new_identity_secret()?;
        let updated = sqlx::query("UPDATE merchants SET identity_secret = $1 WHERE id = $2")
            .bind(&secret)
            .bind(id)
            .execute(&self.pool)
            .await?
            .rows_affected();
        Ok((updated > 0).then_some(secret))
    }

    /// The ids of all merchants, sorted.
    pub async fn merchant_ids(&self) -> Result<Vec<String>, StoreError> {
        Ok(sqlx::query("SELECT id FROM merchants ORDER BY id")
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| r.get("id"))
            .collect())
    }

    /// Revokes every API key of `merchant`; returns how many there were.
    pub async fn revoke_api_keys(&self, merchant: &str) -> Result<u64, StoreError> {
        Ok(sqlx::query("DELETE FROM api_keys WHERE merchant_id = $1")
            .bind(merchant)
            .execute(&self.pool)
            .await?
            .rows_affected())
    }

    /// The agents of `merchant`, by email, with whether they may log in.
    pub async fn agents_of(&self, merchant: &str) -> Result<Vec<(Agent, bool)>, StoreError> {
        Ok(sqlx::query(
            "SELECT id, merchant_id, email, name, password_hash FROM agents \
             WHERE merchant_id = $1 ORDER BY email",
        )
        .bind(merchant)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            let agent = Agent {
                id: r.get("id"),
                merchant_id: r.get("merchant_id"),
                email: r.get("email"),
                name: r.get("name"),
            };
            let hash: String = r.get("password_hash");
            (agent, hash != DISABLED_PASSWORD)
        })
        .collect())
    }

    /// Sets the password hash of the agent with login `email` and ends their sessions;
    /// false when there is no such agent.
    pub async fn set_agent_password(
        &self,
        email: &str,
        password_hash: &str,
    ) -> Result<bool, StoreError> {
        let mut tx = self.write_tx().await?;
        let updated = sqlx::query("UPDATE agents SET password_hash = $1 WHERE email = $2")
            .bind(password_hash)
            .bind(email.trim().to_lowercase())
            .execute(&mut *tx)
            .await?
            .rows_affected();
        sqlx::query(
            "DELETE FROM agent_sessions WHERE agent_id IN (SELECT id FROM agents WHERE email = $1)",
        )
        .bind(email.trim().to_lowercase())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(updated > 0)
    }

    /// Removes the agent with login `email`: their conversations return to nobody's, their
    /// sessions end. An agent whose notes or labels keep their name is disabled instead.
    pub async fn remove_agent(&self, email: &str) -> Result<AgentRemoval, StoreError> {
        let email = email.trim().to_lowercase();
        let Some((agent, _)) = self.agent_credentials(&email).await? else {
            return Ok(AgentRemoval::NotFound);
        };
        let mut tx = self.write_tx().await?;
        sqlx::query("DELETE FROM agent_sessions WHERE agent_id = $1")
            .bind(agent.id)
            .execute(&mut *tx)
            .await?;
        let authored: i64 = sqlx::query(
            "SELECT (SELECT COUNT(*) FROM notes WHERE agent_id = $1) \
             + (SELECT COUNT(*) FROM training_labels WHERE agent_id = $1) AS n",
        )
        .bind(agent.id)
        .fetch_one(&mut *tx)
        .await?
        .get("n");
        let removal = if authored > 0 {
            sqlx::query("UPDATE agents SET password_hash = $1 WHERE id = $2")
                .bind(DISABLED_PASSWORD)
                .bind(agent.id)
                .execute(&mut *tx)
                .await?;
            AgentRemoval::Disabled
        } else {
            sqlx::query("UPDATE conversations SET agent_id = NULL WHERE agent_id = $1")
                .bind(agent.id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM agents WHERE id = $1")
                .bind(agent.id)
                .execute(&mut *tx)
                .await?;
            AgentRemoval::Removed
        };
        tx.commit().await?;
        Ok(removal)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merchant_ids_are_short_lower_case_slugs() {
        for ok in ["demo", "shop-a", "a1", "my-shop-2026", &"a".repeat(40)] {
            assert!(valid_merchant_id(ok), "{ok}");
        }
        for bad in [
            "",
            "a",
            "Shop",
            "shop_a",
            "shop a",
            "-shop",
            "shop-",
            "shöp",
            "../x",
            &"a".repeat(41),
        ] {
            assert!(!valid_merchant_id(bad), "{bad}");
        }
    }

    #[test]
    fn identity_secrets_are_64_hex_digits_and_never_repeat() {
        let a = new_identity_secret().unwrap();
        let b = new_identity_secret().unwrap();
        assert_eq!(a.len(), 64);
        assert!(
            a.bytes()
                .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase())
        );
        assert_ne!(a, b);
    }

    #[tokio::test]
    async fn a_merchant_is_created_once_with_its_own_secret() {
        let store = Store::scratch().await.unwrap();
        let secret = store.create_merchant("shop-a", "Shop A").await.unwrap();
        let settings = store.merchant_settings("shop-a").await.unwrap().unwrap();
        assert_eq!(settings.identity_secret.as_deref(), Some(secret.as_str()));
        assert!(matches!(
            store.create_merchant("shop-a", "Again").await,
            Err(NewMerchantError::Exists(_))
        ));
        assert!(matches!(
            store.create_merchant("Shop_B", "B").await,
            Err(NewMerchantError::BadId(_))
        ));
        let rotated = store
            .rotate_identity_secret("shop-a")
            .await
            .unwrap()
            .unwrap();
        assert_ne!(rotated, secret);
        assert_eq!(store.rotate_identity_secret("nope").await.unwrap(), None);
        assert_eq!(store.merchant_ids().await.unwrap(), ["shop-a"]);
    }

    #[tokio::test]
    async fn an_agent_is_listed_given_a_password_and_removed() {
        let store = Store::scratch().await.unwrap();
        store.create_merchant("shop-a", "Shop A").await.unwrap();
        store
            .add_agent("shop-a", "Bo@A.test", "Bo", "h1")
            .await
            .unwrap();
        let agents = store.agents_of("shop-a").await.unwrap();
        assert_eq!(agents.len(), 1);
        assert_eq!(
            (agents[0].0.email.as_str(), agents[0].1),
            ("bo@a.test", true)
        );
        assert!(store.set_agent_password("bo@a.test", "h2").await.unwrap());
        assert_eq!(
            store
                .agent_credentials("bo@a.test")
                .await
                .unwrap()
                .unwrap()
                .1,
            "h2"
        );
        assert!(!store.set_agent_password("no@a.test", "h").await.unwrap());
        assert_eq!(
            store.remove_agent("BO@a.test").await.unwrap(),
            AgentRemoval::Removed
        );
        assert_eq!(
            store.remove_agent("bo@a.test").await.unwrap(),
            AgentRemoval::NotFound
        );
        assert!(store.agents_of("shop-a").await.unwrap().is_empty());
    }
}
