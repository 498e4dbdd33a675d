//! Deployed plugin versions and merchants' API keys.

use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::Row;

use super::{Store, StoreError, now_ms};

/// One deployed version of a plugin (without its bytes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct PluginVersion {
    /// Plugin name.
    pub name: String,
    /// Its version.
    pub version: String,
    /// SHA-256 of the component.
    pub sha256: String,
    /// Unix milliseconds.
    pub deployed_at: i64,
    /// Whether this is the version serving shoppers.
    pub active: bool,
}

/// A deployed version with what is needed to load it.
#[derive(Debug, Clone)]
pub struct StoredPlugin {
    /// Whose.
    pub merchant_id: String,
    /// Plugin name.
    pub name: String,
    /// Version.
    pub version: String,
    /// The manifest text.
    pub manifest: String,
    /// The component bytes.
    pub component: Vec<u8>,
}

/// What storing a version did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stored {
    /// A new version.
    New,
    /// The same bytes were already stored under this version.
    Same,
    /// Another component already has this version: versions are immutable.
    Conflict,
}

fn hash_key(key: &str) -> String {
    hex::encode(Sha256::digest(key.as_bytes()))
}

impl Store {
    /// Stores a version unless another component holds it already.
    pub async fn add_plugin_version(
        &self,
        merchant: &str,
        name: &str,
        version: &str,
        sha256: &str,
        manifest: &str,
        component: &[u8],
    ) -> Result<Stored, StoreError> {
        let existing = sqlx::query(
            "SELECT sha256 FROM plugin_versions WHERE merchant_id = $1 AND name = $2 AND version = $3",
        )
        .bind(merchant)
        .bind(name)
        .bind(version)
        .fetch_optional(&self.pool)
        .await?;
        if let Some(row) = existing {
            let stored: String = row.get("sha256");
            return Ok(if stored == sha256 {
                Stored::Same
            } else {
                Stored::Conflict
            });
        }
        sqlx::query(
            "INSERT INTO plugin_versions (merchant_id, name, version, sha256, manifest, component, \
             deployed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(merchant)
        .bind(name)
        .bind(version)
        .bind(sha256)
        .bind(manifest)
        .bind(component)
        .bind(now_ms())
        .execute(&self.pool)
        .await?;
        Ok(Stored::New)
    }

    /// Makes `version` the active version of plugin `name`.
    pub async fn activate_plugin(
        &self,
        merchant: &str,
        name: &str,
        version: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO plugin_active (merchant_id, name, version, activated_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (merchant_id, name) DO UPDATE SET version = excluded.version, \
             activated_at = excluded.activated_at",
        )
        .bind(merchant)
        .bind(name)
        .bind(version)
        .bind(now_ms())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// One stored version.
    pub async fn plugin_version(
        &self,
        merchant: &str,
        name: &str,
        version: &str,
    ) -> Result<Option<StoredPlugin>, StoreError> {
        let row = sqlx::query(
            "SELECT merchant_id, name, version, manifest, component FROM plugin_versions \
             WHERE merchant_id = $1 AND name = $2 AND version = $3",
        )
        .bind(merchant)
        .bind(name)
        .bind(version)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| StoredPlugin {
            merchant_id: r.get("merchant_id"),
            name: r.get("name"),
            version: r.get("version"),
            manifest: r.get("manifest"),
            component: r.get("component"),
        }))
    }

    /// Every active version of every merchant (to load at start).
    pub async fn active_plugins(&self) -> Result<Vec<StoredPlugin>, StoreError> {
        let rows = sqlx::query(
            "SELECT v.merchant_id, v.name, v.version, v.manifest, v.component \
             FROM plugin_active a JOIN plugin_versions v \
             ON v.merchant_id = a.merchant_id AND v.name = a.name AND v.version = a.version \
             ORDER BY v.merchant_id, v.name",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .into_iter()
            .map(|r| StoredPlugin {
                merchant_id: r.get("merchant_id"),
                name: r.get("name"),
                version: r.get("version"),
                manifest: r.get("manifest"),
                component: r.get("component"),
            })
            .collect())
    }

    /// A merchant's deployed versions, newest first.
    pub async fn plugin_versions(&self, merchant: &str) -> Result<Vec<PluginVersion>, StoreError> {
        let sql = format!(
            "SELECT v.name, v.version, v.sha256, v.deployed_at, \
             CASE WHEN a.version IS NULL THEN 0 ELSE 1 END AS active FROM plugin_versions v \
             LEFT JOIN plugin_active a ON a.merchant_id = v.merchant_id AND a.name = v.name \
             AND a.version = v.version WHERE v.merchant_id = $1 \
             ORDER BY v.name, v.deployed_at DESC, {} DESC",
            super::engine::insertion_order(self.engine, "v")
        );
        let rows = sqlx::query(&sql)
            .bind(merchant)
            .fetch_all(&self.pool)
            .await?;
        Ok(rows
            .into_iter()
            .map(|r| PluginVersion {
                name: r.get("name"),
                version: r.get("version"),
                sha256: r.get("sha256"),
                deployed_at: r.get("deployed_at"),
                active: r.get::<i64, _>("active") != 0,
            })
            .collect())
    }

    /// Creates an API key for `merchant`; returns it (it is not stored, only its hash).
    pub async fn create_api_key(&self, merchant: &str, label: &str) -> Result<String, StoreError> {
        let key = format!(
            "kefu_sk_{}{}",
            uuid::Uuid::new_v4().simple(),
            uuid::Uuid::new_v4().simple()
        );
        sqlx::query(
            "INSERT INTO api_keys (key_hash, merchant_id, label, created_at) VALUES ($1, $2, $3, $4)",
        )
        .bind(hash_key(&key))
        .bind(merchant)
        .bind(label)
        .bind(now_ms())
        .execute(&self.pool)
        .await?;
        Ok(key)
    }

    /// Whether `merchant` has any API key.
    pub async fn has_api_key(&self, merchant: &str) -> Result<bool, StoreError> {
        Ok(
            sqlx::query("SELECT 1 FROM api_keys WHERE merchant_id = $1 LIMIT 1")
                .bind(merchant)
                .fetch_optional(&self.pool)
                .await?
                .is_some(),
        )
    }

    /// The merchant an API key belongs to.
    pub async fn merchant_for_key(&self, key: &str) -> Result<Option<String>, StoreError> {
        let row = sqlx::query("SELECT merchant_id FROM api_keys WHERE key_hash = $1")
            .bind(hash_key(key))
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| r.get("merchant_id")))
    }
}
