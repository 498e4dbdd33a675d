//! What a turn reads of a merchant's configuration that changes rarely — its FAQ, its
//! wording of the bot's lines, its catalogue — kept in memory per merchant and reread only
//! when the merchant's `config_version` moved.
//!
//! The version is raised by the database itself (triggers on the tables, migration 0019),
//! whoever writes them: this node's admin API, another node sharing the database, an
//! import. Each turn reads the version with its conversation (no statement of its own), so
//! a change counts from the next turn on every node, exactly, with nothing sent over the
//! bus. Reading the tables after the version means a turn may see newer rows than the
//! version it saw, never older ones; the next turn then reads them again.
//!
//! The merchant's settings are not kept here: they come with the conversation's row.

use std::collections::HashMap;
use std::sync::{Arc, PoisonError, RwLock};

use kefu_intent::faq::Faq;

use super::{FaqEntry, ProductRecord, Store, StoreError};

/// A merchant's rarely changing configuration, as of one version.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MerchantConfig {
    /// The `config_version` it was read at (or after).
    pub version: i64,
    /// The FAQ, every language.
    pub faq: Vec<FaqEntry>,
    /// The FAQ by language tag, prepared for matching messages ([`Faq`]) once per version,
    /// not on every turn; always made from `faq` ([`MerchantConfig::new`]).
    faq_by_lang: HashMap<String, Faq<FaqEntry>>,
    /// The wording of the bot's lines, by (line key, language tag).
    pub wording: HashMap<(String, String), String>,
    /// The catalogue.
    pub catalog: Vec<ProductRecord>,
}

impl MerchantConfig {
    /// The configuration at `version`: `faq` is also prepared for matching, per language.
    pub fn new(
        version: i64,
        faq: Vec<FaqEntry>,
        wording: HashMap<(String, String), String>,
        catalog: Vec<ProductRecord>,
    ) -> Self {
        let mut by_lang: HashMap<String, Vec<FaqEntry>> = HashMap::new();
        for entry in &faq {
            by_lang
                .entry(entry.lang.clone())
                .or_default()
                .push(entry.clone());
        }
        Self {
            version,
            faq,
            faq_by_lang: by_lang
                .into_iter()
                .map(|(lang, entries)| (lang, Faq::new(entries)))
                .collect(),
            wording,
            catalog,
        }
    }

    /// The merchant's wording of line `key` in language `lang` (a tag), if they set one.
    pub fn wording_of(&self, key: &str, lang: &str) -> Option<&str> {
        self.wording
            .get(&(key.to_string(), lang.to_string()))
            .map(String::as_str)
    }

    /// The FAQ entries in language `lang` (a tag), prepared for matching a message.
    pub fn faq_in(&self, lang: &str) -> Option<&Faq<FaqEntry>> {
        self.faq_by_lang.get(lang)
    }
}

/// Every merchant's configuration this node has read, shared by the store's clones.
#[derive(Debug, Default)]
pub(super) struct ConfigCache {
    merchants: RwLock<HashMap<String, Arc<MerchantConfig>>>,
}

impl ConfigCache {
    fn get(&self, merchant: &str, version: i64) -> Option<Arc<MerchantConfig>> {
        self.merchants
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(merchant)
            .filter(|c| c.version >= version)
            .cloned()
    }

    fn put(&self, merchant: &str, config: Arc<MerchantConfig>) {
        let mut merchants = self
            .merchants
            .write()
            .unwrap_or_else(PoisonError::into_inner);
        // Two turns may read at once: the later version stays.
        if merchants
            .get(merchant)
            .is_none_or(|c| c.version < config.version)
        {
            merchants.insert(merchant.to_string(), config);
        }
    }
}

impl Store {
    /// `merchant`'s configuration at `version` (read with a conversation) or later.
    pub async fn merchant_config(
        &self,
        merchant: &str,
        version: i64,
    ) -> Result<Arc<MerchantConfig>, StoreError> {
        if let Some(config) = self.config.get(merchant, version) {
            return Ok(config);
        }
        let config = Arc::new(MerchantConfig::new(
            version,
            self.faq(merchant).await?,
            self.reply_templates(merchant)
                .await?
                .into_iter()
                .map(|(key, lang, text)| ((key, lang), text))
                .collect(),
            self.catalog(merchant).await?,
        ));
        self.config.put(merchant, config.clone());
        Ok(config)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Database, DemoData, ImportMode};

    /// Two stores on one database, as two nodes have them.
    async fn two_nodes() -> (Store, Store, std::path::PathBuf) {
        let dir = std::env::temp_dir().join(format!("kefu-config-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let database = Database::for_tests_in(&dir).unwrap_or(Database::in_data_dir(&dir));
        let a = Store::connect(&database).await.unwrap();
        let b = Store::connect(&database).await.unwrap();
        a.load_demo(&DemoData::builtin().unwrap()).await.unwrap();
        (a, b, dir)
    }

    async fn config(store: &Store, conversation: &str) -> Arc<MerchantConfig> {
        store
            .turn_snapshot("demo", conversation, "x", "hello", |_, _| (vec![], None))
            .await
            .unwrap()
            .unwrap()
            .config
    }

    #[tokio::test]
    async fn a_change_made_on_another_node_counts_from_the_next_turn_and_nothing_else_rereads() {
        let (a, b, dir) = two_nodes().await;
        let conv = a.create_conversation("demo", "en").await.unwrap();
        let first = config(&b, &conv.id).await;
        assert!(!first.faq.is_empty() && !first.catalog.is_empty());
        // Nothing changed: the same copy, nothing read again.
        assert!(Arc::ptr_eq(&first, &config(&b, &conv.id).await));

        let id = a
            .add_faq(
                "demo",
                "en",
                None,
                "Do you gift wrap?",
                "Yes, for free.",
                true,
            )
            .await
            .unwrap();
        let seen = config(&b, &conv.id).await;
        assert!(seen.version > first.version);
        assert!(seen.faq.iter().any(|e| e.id == id));

        a.set_reply_template("demo", "greeting", "en", Some("Welcome to the shop!"))
            .await
            .unwrap();
        let seen = config(&b, &conv.id).await;
        assert_eq!(
            seen.wording
                .get(&("greeting".into(), "en".into()))
                .map(String::as_str),
            Some("Welcome to the shop!")
        );

        let mut product = seen.catalog[0].clone();
        product.sku = "SCARF-RED".into();
        product.name = "Red wool scarf".into();
        a.import_catalog("demo", &[product], ImportMode::Upsert)
            .await
            .unwrap();
        let seen = config(&b, &conv.id).await;
        assert!(seen.catalog.iter().any(|p| p.sku == "SCARF-RED"));

        assert!(a.delete_faq("demo", id).await.unwrap());
        let seen = config(&b, &conv.id).await;
        assert!(!seen.faq.iter().any(|e| e.id == id));
        assert!(Arc::ptr_eq(&seen, &config(&b, &conv.id).await));
        a.close().await;
        b.close().await;
        let _ = std::fs::remove_dir_all(dir);
    }

    #[tokio::test]
    async fn one_merchants_change_leaves_anothers_copy_alone() {
        let store = Store::scratch().await.unwrap();
        store
            .load_demo(&DemoData::builtin().unwrap())
            .await
            .unwrap();
        store.create_merchant("other", "Other shop").await.unwrap();
        let conv = store.create_conversation("demo", "en").await.unwrap();
        let before = config(&store, &conv.id).await;
        store
            .add_faq("other", "en", None, "Open on Sundays?", "No.", true)
            .await
            .unwrap();
        assert!(Arc::ptr_eq(&before, &config(&store, &conv.id).await));
    }
}
