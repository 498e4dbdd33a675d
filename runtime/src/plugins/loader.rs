//! The [`PluginHost`] and how plugins get into it: one engine and linker (every contract
//! version) set up once; a component compiled or deserialized, pre-linked for the newest
//! contract its exports fit, described and checked against its manifest, then made its
//! merchant's plugin of that name.

use std::path::Path;
use std::sync::Arc;

use wasmtime::component::{Component, HasSelf, Linker};
use wasmtime::{Engine, InstanceAllocationStrategy, PoolingAllocationConfig};

use super::bindings::{Plugin, PluginPre, v0_1};
use super::compile;
use super::error::LoadError;
use super::host::{HostState, MerchantData};
use super::manifest::{self, Manifest};
use super::network::{self, PrivateHttp};

/// The `kefu:plugin` version of `plugins/wit/plugin.wit`, the contract this host serves.
pub const CONTRACT: &str = "0.2.1";
use super::outbound::OutboundPolicy;
use super::table::{LoadedPlugin, Pre, Table};
use super::ticker::EpochTicker;
use super::types::{Clock, Description, Secrets};

/// Runs plugins. One per process.
pub struct PluginHost {
    pub(super) engine: Engine,
    linker: Linker<HostState>,
    pub(super) data: Arc<dyn MerchantData>,
    pub(super) clock: Clock,
    pub(super) secrets: Arc<Secrets>,
    pub(super) outbound: Arc<OutboundPolicy>,
    plugins: Table,
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
            // Resetting memory and tables with memset instead of madvise spares every call
            // a TLB shootdown across cores: 44 → 32 µs per call, 15k → 25k calls/s on 2
            // cores (runtime/benches/plugin_calls.rs).
            .linear_memory_keep_resident(1 << 20)
            .table_keep_resident(64 << 10);
        let mut config = compile::compiler_config();
        config.allocation_strategy(InstanceAllocationStrategy::Pooling(pool));
        let engine = Engine::new(&config)?;
        let mut linker = Linker::new(&engine);
        Plugin::add_to_linker::<_, HasSelf<_>>(&mut linker, |state| state)?;
        v0_1::Plugin::add_to_linker::<_, HasSelf<_>>(&mut linker, |state| state)?;
        let ticker = EpochTicker::start(engine.clone());
        Ok(Self {
            engine,
            linker,
            data,
            clock: Clock::System,
            secrets: Arc::new(Secrets::None),
            outbound: Arc::new(OutboundPolicy::default()),
            plugins: Table::default(),
            _ticker: ticker,
        })
    }

    /// Secret header values for plugins' outbound HTTP come from `secrets` (by default
    /// there are none).
    pub fn with_secrets(mut self, secrets: Secrets) -> Self {
        self.secrets = Arc::new(secrets);
        self
    }

    /// Plugins may reach the addresses inside the runtime's network that `allowed` lists
    /// (`kefu serve --allow-private-http`); by default none.
    pub fn with_private_http(mut self, allowed: PrivateHttp) -> Self {
        self.outbound = Arc::new(OutboundPolicy {
            allowed,
            ..OutboundPolicy::default()
        });
        self
    }

    /// Refuses a manifest whose `[http]` origins name an address inside the runtime's
    /// network, or `localhost`, that this runtime does not allow: at deploy, before the
    /// merchant's first call finds out.
    pub fn check_http(&self, manifest: &Manifest) -> Result<(), manifest::ManifestError> {
        match &manifest.http {
            Some(grant) => network::check_grant(grant, &self.outbound.allowed)
                .map_err(manifest::ManifestError::Value),
            None => Ok(()),
        }
    }

    /// Plugins see `clock` instead of the system time.
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// The wasmtime engine plugins are compiled for.
    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    /// Compiles (in this process) and links a plugin for `merchant`, replacing one of the
    /// same name. For plugins the operator trusts (the reference plugins shipped with
    /// kefu); uploads go through [`Self::load_precompiled`] after [`compile`].
    pub fn load(
        &self,
        merchant: &str,
        manifest_text: &str,
        component: &[u8],
    ) -> Result<Arc<LoadedPlugin>, LoadError> {
        let manifest = Manifest::parse(manifest_text)?;
        let component =
            Component::from_binary(&self.engine, component).map_err(|e| LoadError::Component {
                name: manifest.plugin.name.clone(),
                reason: format!("{e:#}"),
            })?;
        let plugin = self.prepare_component(merchant, manifest, &component)?;
        self.activate(plugin.clone());
        Ok(plugin)
    }

    /// Links an artifact compiled by [`compile::ArtifactCache`] for `merchant`, replacing a
    /// plugin of the same name. Calls already running finish on the old version.
    pub fn load_precompiled(
        &self,
        merchant: &str,
        manifest_text: &str,
        artifact: &[u8],
    ) -> Result<Arc<LoadedPlugin>, LoadError> {
        let plugin = self.prepare_precompiled(merchant, manifest_text, artifact)?;
        self.activate(plugin.clone());
        Ok(plugin)
    }

    /// Everything [`Self::load_precompiled`] does except making the plugin serve: the
    /// artifact is linked, described and checked against its manifest, and nothing changes
    /// for shoppers until [`Self::activate`]. Deployments record the version in between.
    pub fn prepare_precompiled(
        &self,
        merchant: &str,
        manifest_text: &str,
        artifact: &[u8],
    ) -> Result<Arc<LoadedPlugin>, LoadError> {
        let manifest = Manifest::parse(manifest_text)?;
        // SAFETY: `Component::deserialize` trusts its input to be wasmtime's own output.
        // Artifacts only come from `compile::ArtifactCache`: written by this binary's own
        // compile child (never by a merchant) into the runtime's private data directory,
        // and checked by wasmtime against this engine's version and configuration.
        #[allow(unsafe_code, reason = "loading our own compiler's output; see SAFETY")]
        let component = unsafe { Component::deserialize(&self.engine, artifact) };
        let component = component.map_err(|e| LoadError::Component {
            name: manifest.plugin.name.clone(),
            reason: format!("{e:#}"),
        })?;
        self.prepare_component(merchant, manifest, &component)
    }

    /// Makes a prepared plugin its merchant's plugin of that name, replacing the one before:
    /// new calls get it, calls already running finish on the old one.
    pub fn activate(&self, plugin: Arc<LoadedPlugin>) {
        tracing::info!(
            merchant = %plugin.merchant,
            plugin = %plugin.manifest.plugin.name,
            version = %plugin.manifest.plugin.version,
            contract = plugin.contract_version(),
            intents = ?plugin.manifest.plugin.intents,
            "plugin loaded"
        );
        self.plugins.insert(plugin);
    }

    /// Pre-links `component` for the newest contract its exports fit, asks it to
    /// `describe()` itself and checks that against `manifest`.
    fn prepare_component(
        &self,
        merchant: &str,
        manifest: Manifest,
        component: &Component,
    ) -> Result<Arc<LoadedPlugin>, LoadError> {
        self.check_http(&manifest)?;
        let invalid = |e: wasmtime::Error| LoadError::Component {
            name: manifest.plugin.name.clone(),
            reason: format!("{e:#}"),
        };
        let pre = self.linker.instantiate_pre(component).map_err(invalid)?;
        // The newest contract the component's exports fit.
        let pre = match PluginPre::new(pre.clone()) {
            Ok(current) => Pre::Current(current),
            Err(e) => match v0_1::PluginPre::new(pre) {
                Ok(old) => Pre::V0_1(old),
                Err(_) => return Err(invalid(e)),
            },
        };
        // The version its imports name; one that imports nothing of kefu's is taken to be
        // built against the contract it was linked to.
        let contract = component
            .component_type()
            .imports(&self.engine)
            .find_map(|(name, _)| {
                let (_, version) = name.strip_prefix("kefu:plugin/")?.split_once('@')?;
                Some(version.to_string())
            })
            .unwrap_or_else(|| {
                match pre {
                    Pre::Current(_) => CONTRACT,
                    Pre::V0_1(_) => "0.1.0",
                }
                .to_string()
            });
        let mut plugin = LoadedPlugin {
            merchant: merchant.to_string(),
            manifest,
            description: Description::default(),
            pre,
            contract,
            breaker: std::sync::Mutex::default(),
        };
        plugin.description = self.describe(&plugin)?;
        if let Some(reason) = plugin.description.mismatch(&plugin.manifest) {
            return Err(LoadError::Description {
                name: plugin.manifest.plugin.name.clone(),
                reason,
            });
        }
        Ok(Arc::new(plugin))
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

    /// The plugin of `merchant` named `name`, if loaded.
    pub fn by_name(&self, merchant: &str, name: &str) -> Option<Arc<LoadedPlugin>> {
        self.plugins.by_name(merchant, name)
    }

    /// Every plugin `merchant` has loaded, in the order they serve intents.
    pub fn plugins_of(&self, merchant: &str) -> Vec<Arc<LoadedPlugin>> {
        self.plugins.of(merchant)
    }

    /// The plugin of `merchant` serving `intent`, if any.
    pub fn for_intent(&self, merchant: &str, intent: &str) -> Option<Arc<LoadedPlugin>> {
        self.plugins.for_intent(merchant, intent)
    }
}
