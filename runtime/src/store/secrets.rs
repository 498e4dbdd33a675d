//! Merchants' plugin secrets as stored (table `merchant_secrets`): sealed bytes only. The
//! sealing and opening, and the key, are [`crate::secrets`]'s; nothing here sees a value in
//! clear.

use serde::Serialize;
use sqlx::Row;

use super::{Store, StoreError, now_ms};

/// A secret value as stored: sealed with the operator's key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealedSecret {
    /// The random nonce it was sealed with.
    pub nonce: Vec<u8>,
    /// The sealed value with its authentication tag.
    pub ciphertext: Vec<u8>,
    /// The fingerprint of the key that sealed it.
    pub key_id: String,
}

/// What the admin API may say about a secret: its name and when it was set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct SecretInfo {
    /// The name plugins' manifests use (lower-case).
    pub name: String,
    /// When it was last set, Unix milliseconds.
    pub updated_at: i64,
}

impl Store {
    /// Stores `merchant`'s secret `name`, replacing an earlier value.
    pub async fn put_secret(
        &self,
        merchant: &str,
        name: &str,
        sealed: &SealedSecret,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO merchant_secrets (merchant_id, name, nonce, ciphertext, key_id, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (merchant_id, name) DO UPDATE SET \
             nonce = excluded.nonce, ciphertext = excluded.ciphertext, key_id = excluded.key_id, \
             updated_at = excluded.updated_at",
        )
        .bind(merchant)
        .bind(name)
        .bind(&sealed.nonce)
        .bind(&sealed.ciphertext)
        .bind(&sealed.key_id)
        .bind(now_ms())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// `merchant`'s sealed secret `name`, if set.
    pub async fn sealed_secret(
        &self,
        merchant: &str,
        name: &str,
    ) -> Result<Option<SealedSecret>, StoreError> {
        let row = sqlx::query(
            "SELECT nonce, ciphertext, key_id FROM merchant_secrets \
             WHERE merchant_id = $1 AND name = $2",
        )
        .bind(merchant)
        .bind(name)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| SealedSecret {
            nonce: r.get("nonce"),
            ciphertext: r.get("ciphertext"),
            key_id: r.get("key_id"),
        }))
    }

    /// Removes `merchant`'s secret `name`; whether there was one.
    pub async fn delete_secret(&self, merchant: &str, name: &str) -> Result<bool, StoreError> {
        Ok(
            sqlx::query("DELETE FROM merchant_secrets WHERE merchant_id = $1 AND name = $2")
                .bind(merchant)
                .bind(name)
                .execute(&self.pool)
                .await?
                .rows_affected()
                > 0,
        )
    }

    /// The names of `merchant`'s secrets and when each was set, by name.
    pub async fn secret_names(&self, merchant: &str) -> Result<Vec<SecretInfo>, StoreError> {
        Ok(sqlx::query(
            "SELECT name, updated_at FROM merchant_secrets WHERE merchant_id = $1 ORDER BY name",
        )
        .bind(merchant)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| SecretInfo {
            name: r.get("name"),
            updated_at: r.get("updated_at"),
        })
        .collect())
    }

    /// How many secrets (of all merchants) were sealed with a key other than `key_id`.
    pub async fn secrets_not_sealed_with(&self, key_id: &str) -> Result<u64, StoreError> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM merchant_secrets WHERE key_id != $1")
            .bind(key_id)
            .fetch_one(&self.pool)
            .await?;
        Ok(row.get::<i64, _>("n") as u64)
    }

    /// Replaces every stored secret by what `reseal(merchant, name, sealed)` returns, in
    /// one transaction; if it returns `None` for any, nothing changes and this returns
    /// `Ok(None)`. Otherwise returns how many were resealed.
    pub async fn reseal_secrets(
        &self,
        mut reseal: impl FnMut(&str, &str, &SealedSecret) -> Option<SealedSecret>,
    ) -> Result<Option<u64>, StoreError> {
        let mut tx = self.pool.begin().await?;
        let rows = sqlx::query(
            "SELECT merchant_id, name, nonce, ciphertext, key_id FROM merchant_secrets",
        )
        .fetch_all(&mut *tx)
        .await?;
        let mut count = 0;
        for r in rows {
            let (merchant, name): (String, String) = (r.get("merchant_id"), r.get("name"));
            let sealed = SealedSecret {
                nonce: r.get("nonce"),
                ciphertext: r.get("ciphertext"),
                key_id: r.get("key_id"),
            };
            let Some(new) = reseal(&merchant, &name, &sealed) else {
                return Ok(None);
            };
            sqlx::query(
                "UPDATE merchant_secrets SET nonce = $1, ciphertext = $2, key_id = $3 \
                 WHERE merchant_id = $4 AND name = $5",
            )
            .bind(&new.nonce)
            .bind(&new.ciphertext)
            .bind(&new.key_id)
            .bind(&merchant)
            .bind(&name)
            .execute(&mut *tx)
            .await?;
            count += 1;
        }
        tx.commit().await?;
        Ok(Some(count))
    }
}
