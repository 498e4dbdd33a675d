//! The plugin host: runs merchants' WebAssembly components in wasmtime sandboxes.
//!
//! One lifecycle, everywhere: one [`wasmtime::Engine`] and [`Linker`] per process; one
//! pre-instantiated [`PluginPre`] per loaded plugin; a **fresh [`wasmtime::Store`] per call**,
//! so no state leaks between shoppers, with the plugin's memory cap, an epoch deadline
//! ticked by a dedicated OS thread ([`ticker`]) and a host-call budget. Instances come from
//! the pooling allocator, so a fresh instance costs microseconds.
//!
//! Plugins only reach the outside world through the imports in `plugins/wit`, each checked
//! against the manifest's grants ([`host`]); a denied import is a WIT error value, not a
//! trap. Merchant scoping is the host's: a plugin is bound to its merchant at load time and
//! cannot name another.
//!
//! Calls are synchronous and CPU-bound: callers on an async runtime run them on a blocking
//! thread. This module knows nothing about HTTP.

mod bindings;
mod conversions;
mod host;
pub mod manifest;
mod ticker;

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, RwLock};

use kefu_protocol::Card;
use wasmtime::component::{Component, HasSelf, Linker};
use wasmtime::{Config, Engine, InstanceAllocationStrategy, PoolingAllocationConfig, Store, Trap};

use self::bindings::{Plugin, PluginPre, types as wit};
use self::host::HostState;
pub use self::host::MerchantData;
pub use self::manifest::Manifest;
use self::ticker::{EpochTicker, TICK};

/// Why a plugin could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The manifest is invalid.
    #[error(transparent)]
    Manifest(#[from] manifest::ManifestError),
    /// The component is malformed or does not fit the `kefu:plugin` world.
    #[error("plugin `{name}` is not a valid kefu plugin component: {reason}")]
    Component {
        /// The plugin's name.
        name: String,
        /// What wasmtime said.
        reason: String,
    },
    /// Reading the plugin's files failed.
    #[error("reading plugin files in {path}: {source}")]
    Io {
        /// Where.
        path: String,
        /// What failed.
        source: std::io::Error,
    },
}

/// Why a plugin call did not produce a reply. The variants a plugin chose itself come first.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CallError {
    /// The plugin says the thing asked for does not exist.
    #[error("not found: {0}")]
    NotFound(String),
    /// The plugin needs a slot the engine did not fill.
    #[error("missing slot `{0}`")]
    MissingSlot(String),
    /// The plugin's backend is down.
    #[error("plugin backend unavailable: {0}")]
    Unavailable(String),
    /// The plugin reported an internal failure.
    #[error("plugin failed: {0}")]
    Failed(String),
    /// The plugin ran past its deadline and was stopped.
    #[error("plugin exceeded its {0} ms deadline")]
    Timeout(u64),
    /// The plugin tried to use more memory than its cap.
    #[error("plugin exceeded its memory cap of {0} bytes")]
    MemoryLimit(u64),
    /// The plugin's reply was larger than its output cap.
    #[error("plugin reply exceeded its output cap of {0} bytes")]
    OutputTooLarge(u64),
    /// The plugin crashed (trap or panic).
    #[error("plugin crashed: {0}")]
    Trapped(String),
}

/// One shopper turn for a plugin.
#[derive(Debug, Clone, PartialEq)]
pub struct PluginRequest {
    /// The intent being served.
    pub intent: String,
    /// `en` or `zh`.
    pub locale: String,
    /// The shopper's message.
    pub text: String,
    /// Filled slots, by WIT name (`order-number`, `email`).
    pub slots: Vec<(String, String)>,
}

/// A plugin's answer in kefu's own types.
#[derive(Debug, Clone, PartialEq)]
pub struct PluginReply {
    /// Plain text.
    pub text: String,
    /// Cards to render.
    pub cards: Vec<Card>,
}

/// A plugin ready to be called.
pub struct LoadedPlugin {
    merchant: String,
    manifest: Manifest,
    pre: PluginPre<HostState>,
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
}

/// Runs plugins. One per process.
pub struct PluginHost {
    engine: Engine,
    linker: Linker<HostState>,
    data: Arc<dyn MerchantData>,
    /// merchant id → its plugins.
    plugins: RwLock<HashMap<String, Vec<Arc<LoadedPlugin>>>>,
    // Declared last: dropped after everything that could still be running a guest.
    _ticker: EpochTicker,
}

impl std::fmt::Debug for PluginHost {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PluginHost").finish_non_exhaustive()
    }
}

impl PluginHost {
    /// A host whose plugins read merchant data from `data`.
    pub fn new(data: Arc<dyn MerchantData>) -> anyhow::Result<Self> {
        let mut pool = PoolingAllocationConfig::default();
        pool.total_component_instances(256)
            .total_core_instances(1024)
            .total_memories(256)
            .total_tables(256)
            .max_memory_size(manifest::MAX_MEMORY_BYTES as usize)
            // Keeping the first pages resident makes a fresh instance's first call cheap.
            .linear_memory_keep_resident(1 << 20);
        let mut config = Config::new();
        config
            .wasm_component_model(true)
            .epoch_interruption(true)
            .allocation_strategy(InstanceAllocationStrategy::Pooling(pool));
        let engine = Engine::new(&config)?;
        let mut linker = Linker::new(&engine);
        Plugin::add_to_linker::<_, HasSelf<_>>(&mut linker, |state| state)?;
        let ticker = EpochTicker::start(engine.clone());
        Ok(Self {
            engine,
            linker,
            data,
            plugins: RwLock::default(),
            _ticker: ticker,
        })
    }

    /// Compiles and links a plugin for `merchant`, replacing one of the same name.
    pub fn load(
        &self,
        merchant: &str,
        manifest_text: &str,
        component: &[u8],
    ) -> Result<Arc<LoadedPlugin>, LoadError> {
        let manifest = Manifest::parse(manifest_text)?;
        let invalid = |e: wasmtime::Error| LoadError::Component {
            name: manifest.plugin.name.clone(),
            reason: format!("{e:#}"),
        };
        let component = Component::from_binary(&self.engine, component).map_err(invalid)?;
        let pre = self.linker.instantiate_pre(&component).map_err(invalid)?;
        let pre = PluginPre::new(pre).map_err(invalid)?;
        let plugin = Arc::new(LoadedPlugin {
            merchant: merchant.to_string(),
            manifest,
            pre,
        });
        let mut plugins = self.plugins.write().unwrap_or_else(|e| e.into_inner());
        let list = plugins.entry(merchant.to_string()).or_default();
        list.retain(|p| p.manifest.plugin.name != plugin.manifest.plugin.name);
        list.push(plugin.clone());
        tracing::info!(
            merchant,
            plugin = %plugin.manifest.plugin.name,
            version = %plugin.manifest.plugin.version,
            intents = ?plugin.manifest.plugin.intents,
            "plugin loaded"
        );
        Ok(plugin)
    }

    /// Loads every plugin under `dir`: each subdirectory holding `manifest.toml` and
    /// `plugin.wasm`. Returns how many were loaded.
    pub fn load_dir(&self, merchant: &str, dir: &Path) -> Result<usize, LoadError> {
        let io = |path: &Path| {
            let path = path.display().to_string();
            move |source| LoadError::Io { path, source }
        };
        let mut count = 0;
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .map_err(io(dir))?
            .filter_map(|e| e.ok())
            .collect();
        entries.sort_by_key(|e| e.path());
        for entry in entries {
            let path = entry.path();
            let manifest = path.join("manifest.toml");
            if !manifest.is_file() {
                continue;
            }
            let text = std::fs::read_to_string(&manifest).map_err(io(&manifest))?;
            let wasm = path.join("plugin.wasm");
            let bytes = std::fs::read(&wasm).map_err(io(&wasm))?;
            self.load(merchant, &text, &bytes)?;
            count += 1;
        }
        Ok(count)
    }

    /// The plugin of `merchant` serving `intent`, if any.
    pub fn for_intent(&self, merchant: &str, intent: &str) -> Option<Arc<LoadedPlugin>> {
        let plugins = self.plugins.read().unwrap_or_else(|e| e.into_inner());
        plugins
            .get(merchant)?
            .iter()
            .find(|p| p.manifest.plugin.intents.iter().any(|i| i == intent))
            .cloned()
    }

    /// Calls `plugin` for one turn, in a fresh sandbox. Blocks the calling thread.
    pub fn call(
        &self,
        plugin: &LoadedPlugin,
        request: &PluginRequest,
    ) -> Result<PluginReply, CallError> {
        let limits = &plugin.manifest.limits;
        let state = HostState::new(
            plugin.merchant.clone(),
            plugin.manifest.plugin.name.clone(),
            plugin.manifest.capabilities.clone(),
            limits,
            self.data.clone(),
        );
        let mut store = Store::new(&self.engine, state);
        store.limiter(|state| &mut state.memory);
        let ticks = limits.deadline_ms.div_ceil(TICK.as_millis() as u64).max(1);
        store.set_epoch_deadline(ticks);
        store.epoch_deadline_trap();
        let request = wit::Request {
            intent: request.intent.clone(),
            locale: request.locale.clone(),
            text: request.text.clone(),
            slots: request
                .slots
                .iter()
                .map(|(name, value)| wit::Slot {
                    name: name.clone(),
                    value: value.clone(),
                })
                .collect(),
        };
        let outcome = plugin
            .pre
            .instantiate(&mut store)
            .and_then(|instance| instance.call_handle(&mut store, &request));
        let reply = match outcome {
            Ok(Ok(reply)) => reply,
            Ok(Err(e)) => {
                return Err(match e {
                    wit::PluginError::NotFound(what) => CallError::NotFound(what),
                    wit::PluginError::MissingSlot(slot) => CallError::MissingSlot(slot),
                    wit::PluginError::Unavailable(why) => CallError::Unavailable(why),
                    wit::PluginError::Internal(why) => CallError::Failed(why),
                });
            }
            Err(e) => return Err(classify_trap(&e, &store, limits)),
        };
        if reply.text.len() as u64 > limits.output_bytes {
            return Err(CallError::OutputTooLarge(limits.output_bytes));
        }
        Ok(PluginReply {
            text: reply.text,
            cards: reply
                .cards
                .into_iter()
                .map(conversions::card_from_wit)
                .collect(),
        })
    }
}

fn classify_trap(
    e: &wasmtime::Error,
    store: &Store<HostState>,
    limits: &manifest::Limits,
) -> CallError {
    if store.data().memory.exceeded() {
        return CallError::MemoryLimit(limits.memory_bytes);
    }
    match e.downcast_ref::<Trap>() {
        Some(Trap::Interrupt) => CallError::Timeout(limits.deadline_ms),
        Some(trap) => CallError::Trapped(trap.to_string()),
        None => CallError::Trapped(format!("{e:#}")),
    }
}
