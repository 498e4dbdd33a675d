//! The loaded plugins: each [`LoadedPlugin`] (manifest, `describe()` answer, the component
//! pre-linked for its contract version, its breaker), and the [`Table`] of them by merchant
//! that calls look plugins up in. Replacing a plugin swaps an `Arc`: calls already running
//! keep the old one.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};

use super::bindings::{PluginPre, v0_1};
use super::breaker::Breaker;
use super::host::HostState;
use super::manifest::Manifest;
use super::types::Description;

/// A compiled plugin, pre-linked for the contract version it was built against.
pub(super) enum Pre {
    Current(PluginPre<HostState>),
    V0_1(v0_1::PluginPre<HostState>),
}

/// A plugin ready to be called.
pub struct LoadedPlugin {
    pub(super) merchant: String,
    pub(super) manifest: Manifest,
    pub(super) description: Description,
    pub(super) pre: Pre,
    /// The `kefu:plugin` version the component imports (`0.2.0` for a plugin built before
    /// 0.2.1, linked to the current contract all the same).
    pub(super) contract: String,
    pub(super) breaker: Mutex<Breaker>,
}

impl std::fmt::Debug for LoadedPlugin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LoadedPlugin")
            .field("merchant", &self.merchant)
            .field("manifest", &self.manifest)
            .finish_non_exhaustive()
    }
}

impl LoadedPlugin {
    /// The plugin's manifest.
    pub fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// What the plugin's `describe()` said at load (it agrees with the manifest).
    pub fn description(&self) -> &Description {
        &self.description
    }

    /// The `kefu:plugin` contract version the component was built against.
    pub fn contract_version(&self) -> &str {
        &self.contract
    }
}

/// merchant id → its plugins, at most one per name.
#[derive(Debug, Default)]
pub(super) struct Table(RwLock<HashMap<String, Vec<Arc<LoadedPlugin>>>>);

impl Table {
    /// Makes `plugin` its merchant's plugin of that name, replacing the one before.
    pub(super) fn insert(&self, plugin: Arc<LoadedPlugin>) {
        let mut plugins = self.0.write().unwrap_or_else(|e| e.into_inner());
        let list = plugins.entry(plugin.merchant.clone()).or_default();
        list.retain(|p| p.manifest.plugin.name != plugin.manifest.plugin.name);
        list.push(plugin);
    }

    /// The plugin of `merchant` named `name`, if loaded.
    pub(super) fn by_name(&self, merchant: &str, name: &str) -> Option<Arc<LoadedPlugin>> {
        let plugins = self.0.read().unwrap_or_else(|e| e.into_inner());
        plugins
            .get(merchant)?
            .iter()
            .find(|p| p.manifest.plugin.name == name)
            .cloned()
    }

    /// The first plugin of `merchant` serving `intent`, if any.
    pub(super) fn of(&self, merchant: &str) -> Vec<Arc<LoadedPlugin>> {
        let plugins = self.0.read().unwrap_or_else(|e| e.into_inner());
        plugins.get(merchant).cloned().unwrap_or_default()
    }

    pub(super) fn for_intent(&self, merchant: &str, intent: &str) -> Option<Arc<LoadedPlugin>> {
        let plugins = self.0.read().unwrap_or_else(|e| e.into_inner());
        plugins
            .get(merchant)?
            .iter()
            .find(|p| p.manifest.plugin.intents.iter().any(|i| i == intent))
            .cloned()
    }
}
