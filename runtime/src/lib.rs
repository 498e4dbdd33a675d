//! kefu's runtime: one binary that serves the chat widget, runs conversations, persists them
//! and hosts merchants' sandboxed plugins.
//!
//! - [`app`]: builds the app (store, model, plugins) and its router, for `kefu serve` and
//!   tests alike;
//! - [`http`]: axum routes (chat WebSocket, agent console and API, widget assets, demo
//!   pages, health);
//! - [`bus`]: realtime publish/subscribe of committed messages, agent presence;
//! - [`auth`]: agent password hashes and session tokens;
//! - [`engine`]: what the bot answers, when it hands off, what it never says;
//! - [`plugins`]: the wasmtime host for merchant plugins;
//! - [`registry`]: deploying, activating and rolling back merchants' plugin versions;
//! - [`secrets`]: merchants' plugin secrets, encrypted at rest with the operator's key;
//! - [`store`]: SQLite persistence;
//! - [`telemetry`]: Prometheus metrics, recorded where the I/O happens;
//! - [`cli`]: the `kefu` command line, one module per command group (`serve`, `chat`,
//!   `intent`, `agent`, `merchant`, `secrets-key`, `plugin`).
//!
//! `main.rs` is a shim over [`cli::main`]; everything is callable from tests.
#![deny(missing_docs)]

pub mod analytics;
pub mod app;
pub mod auth;
pub mod bus;
mod chat_client;
pub mod cli;
pub mod domain;
pub mod engine;
pub mod http;
pub mod plugins;
pub mod registry;
pub mod secrets;
pub mod store;
pub mod telemetry;

use std::sync::Arc;

use kefu_intent::Classifier;

/// The intent model compiled into the runtime (the same file the widget serves).
pub const DEFAULT_MODEL: &[u8] = include_bytes!("../../widget/model/intent.onnx");

/// Loads [`DEFAULT_MODEL`].
pub fn default_classifier() -> Result<Arc<Classifier>, kefu_intent::LoadError> {
    Classifier::load(DEFAULT_MODEL).map(Arc::new)
}

/// Lets plugins read orders from the store. Plugin calls run on blocking threads, so the
/// async store is driven with the runtime handle captured at construction.
#[derive(Debug, Clone)]
pub struct StoreData {
    store: store::Store,
    handle: tokio::runtime::Handle,
}

impl StoreData {
    /// Wraps `store`; call from inside the tokio runtime.
    pub fn new(store: store::Store) -> Self {
        Self {
            store,
            handle: tokio::runtime::Handle::current(),
        }
    }
}

impl StoreData {
    /// Runs a store call to completion from the plugin's blocking thread.
    fn run<T>(
        &self,
        call: impl std::future::Future<Output = Result<T, store::StoreError>>,
    ) -> Result<T, String> {
        self.handle.block_on(call).map_err(|e| e.to_string())
    }
}

impl plugins::MerchantData for StoreData {
    fn order(&self, merchant: &str, id: &str) -> Result<Option<store::OrderRecord>, String> {
        self.run(self.store.order(merchant, id))
    }

    fn change_order(
        &self,
        merchant: &str,
        id: &str,
        change: &store::OrderChange,
    ) -> Result<Result<(), String>, String> {
        self.run(self.store.change_unshipped_order(merchant, id, change))
    }

    fn search_products(
        &self,
        merchant: &str,
        query: &str,
        limit: usize,
    ) -> Result<Vec<store::ProductRecord>, String> {
        self.run(self.store.search_products(merchant, query, limit))
    }

    fn product(&self, merchant: &str, sku: &str) -> Result<Option<store::ProductRecord>, String> {
        self.run(self.store.product(merchant, sku))
    }

    fn refunds_for_order(
        &self,
        merchant: &str,
        order: &str,
    ) -> Result<Vec<store::RefundRecord>, String> {
        self.run(self.store.refunds_for_order(merchant, order))
    }

    fn issue_refund(
        &self,
        refund: &store::NewRefund,
        limits: &plugins::MoneyLimits,
    ) -> Result<Result<String, String>, String> {
        self.run(self.store.issue_refund(refund, limits))
    }

    fn kv_get(&self, merchant: &str, plugin: &str, key: &str) -> Result<Option<Vec<u8>>, String> {
        self.run(self.store.kv_get(merchant, plugin, key))
    }

    fn kv_set(
        &self,
        merchant: &str,
        plugin: &str,
        key: &str,
        value: &[u8],
        quota: u64,
    ) -> Result<bool, String> {
        self.run(self.store.kv_set(merchant, plugin, key, value, quota))
    }

    fn kv_delete(&self, merchant: &str, plugin: &str, key: &str) -> Result<(), String> {
        self.run(self.store.kv_delete(merchant, plugin, key))
    }
}
