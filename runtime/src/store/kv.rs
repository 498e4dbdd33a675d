//! Plugins' own key-value stores (table `plugin_kv`), each within its manifest's quota.

use sqlx::Row;

use super::{Store, StoreError};

impl Store {
    /// A value of a plugin's key-value store.
    pub async fn kv_get(
        &self,
        merchant: &str,
        plugin: &str,
        key: &str,
    ) -> Result<Option<Vec<u8>>, StoreError> {
        let row = sqlx::query(
            "SELECT value FROM plugin_kv WHERE merchant_id = $1 AND plugin = $2 AND key = $3",
        )
        .bind(merchant)
        .bind(plugin)
        .bind(key)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| r.get("value")))
    }

    /// Sets a value unless the plugin's store would exceed `quota` bytes; `Ok(false)` then.
    pub async fn kv_set(
        &self,
        merchant: &str,
        plugin: &str,
        key: &str,
        value: &[u8],
        quota: u64,
    ) -> Result<bool, StoreError> {
        let mut conn = self.write_tx().await?;
        let used: i64 = sqlx::query(
            "SELECT CAST(COALESCE(SUM(LENGTH(key) + LENGTH(value)), 0) AS BIGINT) FROM plugin_kv \
             WHERE merchant_id = $1 AND plugin = $2 AND key != $3",
        )
        .bind(merchant)
        .bind(plugin)
        .bind(key)
        .fetch_one(&mut *conn)
        .await?
        .get(0);
        let fits = used as u64 + (key.len() + value.len()) as u64 <= quota;
        if fits {
            sqlx::query(
                "INSERT INTO plugin_kv (merchant_id, plugin, key, value) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (merchant_id, plugin, key) DO UPDATE SET value = excluded.value",
            )
            .bind(merchant)
            .bind(plugin)
            .bind(key)
            .bind(value)
            .execute(&mut *conn)
            .await?;
        }
        if fits {
            conn.commit().await?;
        } else {
            conn.rollback().await?;
        }
        Ok(fits)
    }

    /// Deletes a value.
    pub async fn kv_delete(
        &self,
        merchant: &str,
        plugin: &str,
        key: &str,
    ) -> Result<(), StoreError> {
        let _in_line = self.in_line().await;
        sqlx::query("DELETE FROM plugin_kv WHERE merchant_id = $1 AND plugin = $2 AND key = $3")
            .bind(merchant)
            .bind(plugin)
            .bind(key)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::DemoData;

    async fn demo() -> Store {
        let store = Store::scratch().await.unwrap();
        store
            .load_demo(&DemoData::builtin().unwrap())
            .await
            .unwrap();
        store
    }

    #[tokio::test]
    async fn the_key_value_store_keeps_to_its_quota() {
        let store = demo().await;
        assert!(store.kv_set("demo", "p", "k", b"12345", 16).await.unwrap());
        assert_eq!(
            store.kv_get("demo", "p", "k").await.unwrap().as_deref(),
            Some(&b"12345"[..])
        );
        // Overwriting counts the new size only.
        assert!(
            store
                .kv_set("demo", "p", "k", b"1234567890", 16)
                .await
                .unwrap()
        );
        assert!(
            !store
                .kv_set("demo", "p", "k2", b"123456", 16)
                .await
                .unwrap()
        );
        // Another plugin's store is separate.
        assert_eq!(store.kv_get("demo", "q", "k").await.unwrap(), None);
        store.kv_delete("demo", "p", "k").await.unwrap();
        assert_eq!(store.kv_get("demo", "p", "k").await.unwrap(), None);
    }
}
