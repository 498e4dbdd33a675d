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
pub mod compile;
mod conversions;
mod host;
pub mod manifest;
mod outbound;
pub mod record;
mod ticker;

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, RwLock};

use std::time::{Instant, SystemTime, UNIX_EPOCH};

use kefu_protocol::Card;
use wasmtime::component::{Component, HasSelf, Linker};
use wasmtime::{Engine, InstanceAllocationStrategy, PoolingAllocationConfig, Store, Trap};

use self::bindings::{Plugin, PluginPre, types as wit, v0_1};
use self::host::{CallContext, HostState};
pub use self::host::{MerchantData, Phase, iso_date};
pub use self::manifest::{Manifest, MoneyLimits, Need};
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
    /// The plugin's `describe()` failed, or what it says it serves does not match its
    /// manifest (its intents, or the slots `[needs]` names).
    #[error("plugin `{name}`: {reason}")]
    Description {
        /// The plugin's name.
        name: String,
        /// What went wrong, naming both sides of a mismatch.
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
    /// The merchant's policy, as the plugin applies it, does not allow this; the text is
    /// for the shopper.
    #[error("not allowed: {0}")]
    NotAllowed(String),
    /// The plugin was built against a contract version without this export.
    #[error("the plugin's contract version has no `{0}`")]
    Unsupported(&'static str),
    /// The plugin failed too often in a row; it is not called until it cools down.
    #[error("the plugin failed {0} times in a row and is paused")]
    CircuitOpen(u32),
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
    /// Whether the shopper proved they own the order in the `order-number` slot.
    pub owner_verified: bool,
}

/// Something a plugin proposes that needs the shopper's consent before `commit`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Proposal {
    /// Give money back.
    Refund {
        /// The order refunded.
        order_id: String,
        /// Exactly how much, in minor units.
        amount_minor: u64,
        /// ISO 4217.
        currency: String,
        /// Why, for the merchant's records.
        reason: String,
        /// What the shopper agrees to, in their language.
        terms: String,
    },
    /// Send an order that has not shipped somewhere else.
    ChangeAddress {
        /// The order.
        order_id: String,
        /// The new address.
        address: String,
        /// What happens, in the shopper's language.
        terms: String,
    },
    /// Cancel an order that has not shipped.
    CancelOrder {
        /// The order.
        order_id: String,
        /// What the shopper gets back, in minor units.
        amount_minor: u64,
        /// ISO 4217.
        currency: String,
        /// What happens, in the shopper's language.
        terms: String,
    },
}

impl Proposal {
    /// The order it is about.
    pub fn order_id(&self) -> &str {
        match self {
            Self::Refund { order_id, .. }
            | Self::CancelOrder { order_id, .. }
            | Self::ChangeAddress { order_id, .. } => order_id,
        }
    }

    /// The money it moves, in minor units, and its currency.
    pub fn amount(&self) -> (u64, &str) {
        match self {
            Self::Refund {
                amount_minor,
                currency,
                ..
            }
            | Self::CancelOrder {
                amount_minor,
                currency,
                ..
            } => (*amount_minor, currency),
            Self::ChangeAddress { .. } => (0, ""),
        }
    }

    /// What the shopper agrees to.
    pub fn terms(&self) -> &str {
        match self {
            Self::Refund { terms, .. }
            | Self::CancelOrder { terms, .. }
            | Self::ChangeAddress { terms, .. } => terms,
        }
    }

    /// The intent it serves.
    pub fn intent(&self) -> &'static str {
        match self {
            Self::Refund { .. } => "get_refund",
            Self::CancelOrder { .. } => "cancel_order",
            Self::ChangeAddress { .. } => "change_shipping_address",
        }
    }
}

/// What a plugin says it serves: its `describe()` export, in kefu's own types. Checked
/// against the manifest at load.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Description {
    /// Intent labels it answers.
    pub intents: Vec<String>,
    /// Slots it accepts, by WIT name (`order-number`); every slot `[needs]` names is here.
    pub slots: Vec<String>,
}

impl Description {
    /// Why this description does not fit `manifest`, if it does not: the intents must be
    /// the manifest's (as sets), and every slot the manifest's `[needs]` names must be
    /// among the slots (it may list more).
    fn mismatch(&self, manifest: &Manifest) -> Option<String> {
        use std::collections::BTreeSet;
        let list = |set: BTreeSet<&str>| set.into_iter().collect::<Vec<_>>().join(", ");
        let said: BTreeSet<&str> = self.intents.iter().map(String::as_str).collect();
        let listed: BTreeSet<&str> = manifest.plugin.intents.iter().map(String::as_str).collect();
        if said != listed {
            return Some(format!(
                "describe() says intents [{}] but manifest.toml says [{}]",
                list(said),
                list(listed)
            ));
        }
        let missing: BTreeSet<&str> = manifest
            .needed_slots()
            .filter(|slot| !self.slots.iter().any(|s| s == slot))
            .collect();
        if !missing.is_empty() {
            return Some(format!(
                "manifest.toml [needs] names slots [{}] but describe() says slots [{}]",
                list(missing),
                list(self.slots.iter().map(String::as_str).collect())
            ));
        }
        None
    }
}

/// A plugin's answer in kefu's own types.
#[derive(Debug, Clone, PartialEq)]
pub struct PluginReply {
    /// Plain text.
    pub text: String,
    /// Cards to render.
    pub cards: Vec<Card>,
    /// An action to confirm with the shopper.
    pub proposal: Option<Proposal>,
}

/// What one call cost and did, for the audit log.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CallStats {
    /// Wall-clock time, microseconds.
    pub micros: u64,
    /// Host imports called.
    pub host_calls: u32,
    /// The most linear memory the plugin had, in bytes.
    pub peak_memory: u64,
    /// Refund references issued during the call.
    pub refunds_issued: Vec<String>,
    /// The call's frozen time, Unix milliseconds.
    pub now_ms: u64,
    /// Every answer the host's data gave the plugin, in order (for replay).
    pub host_log: Vec<record::HostCall>,
}

/// What a plugin was asked, as recorded for replay.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "export", rename_all = "snake_case")]
pub enum CallInput {
    /// `handle(request)`.
    Handle {
        /// The intent.
        intent: String,
        /// `en` or `zh`.
        locale: String,
        /// The shopper's message.
        text: String,
        /// Filled slots.
        slots: Vec<(String, String)>,
        /// Ownership proven.
        owner_verified: bool,
    },
    /// `commit(action)`.
    Commit {
        /// The confirmed action's id.
        action_id: String,
        /// What was confirmed.
        action: Proposal,
        /// Who it is for.
        shopper: String,
    },
}

impl CallInput {
    /// The input of `handle(request)`.
    pub fn handle(r: &PluginRequest) -> Self {
        Self::Handle {
            intent: r.intent.clone(),
            locale: r.locale.clone(),
            text: r.text.clone(),
            slots: r.slots.clone(),
            owner_verified: r.owner_verified,
        }
    }
}

/// A call's outcome in a stable, comparable form (for the record and replays).
pub fn outcome_json(result: &Result<PluginReply, CallError>) -> serde_json::Value {
    match result {
        Ok(r) => serde_json::json!({ "text": r.text, "cards": r.cards, "proposal": r.proposal }),
        Err(e) => serde_json::json!({ "error": e.to_string() }),
    }
}

/// Where the time plugins see comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clock {
    /// The system clock, read once at the start of each call.
    System,
    /// A fixed time (Unix milliseconds): tests, replays.
    Fixed(u64),
}

impl Clock {
    fn now_ms(self) -> u64 {
        match self {
            Self::System => SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_millis() as u64),
            Self::Fixed(ms) => ms,
        }
    }
}

/// Where the values of secrets named in manifests (`[[http.secrets]]`) come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Secrets {
    /// `KEFU_SECRET_<NAME>` in the runtime's environment.
    Environment,
    /// A fixed table (tests).
    Fixed(HashMap<String, String>),
}

impl Secrets {
    /// The value of secret `name`.
    pub fn get(&self, name: &str) -> Option<String> {
        match self {
            Self::Environment => {
                std::env::var(format!("KEFU_SECRET_{}", name.to_ascii_uppercase())).ok()
            }
            Self::Fixed(table) => table.get(name).cloned(),
        }
    }
}

/// A compiled plugin, pre-linked for the contract version it was built against.
enum Pre {
    Current(PluginPre<HostState>),
    V0_1(v0_1::PluginPre<HostState>),
}

/// Consecutive failures after which a plugin is paused.
pub const BREAKER_FAILURES: u32 = 5;
/// How long a paused plugin rests before one trial call is let through.
pub const BREAKER_COOL_DOWN: std::time::Duration = std::time::Duration::from_secs(30);

/// A per-plugin circuit breaker: a plugin that keeps failing (crashing, timing out, its
/// backend down) is not called for a while, so shoppers get a person at once instead of
/// waiting on it, and the host stops spending time on it.
#[derive(Debug, Default)]
struct Breaker {
    failures: u32,
    open_until: Option<Instant>,
}

impl Breaker {
    /// Whether a call may go ahead now; after the cool-down one trial call may.
    fn admit(&mut self, now: Instant) -> bool {
        match self.open_until {
            Some(until) if now < until => false,
            Some(_) => {
                // Half-open: this call decides; until it returns, others wait it out.
                self.open_until = Some(now + BREAKER_COOL_DOWN);
                true
            }
            None => true,
        }
    }

    fn record(&mut self, failed: bool, now: Instant) {
        if failed {
            self.failures += 1;
            if self.failures >= BREAKER_FAILURES {
                self.open_until = Some(now + BREAKER_COOL_DOWN);
            }
        } else {
            self.failures = 0;
            self.open_until = None;
        }
    }
}

/// Failures that count against a plugin's breaker: its own breakage, not a shopper's typo.
fn counts_as_failure(e: &CallError) -> bool {
    matches!(
        e,
        CallError::Unavailable(_)
            | CallError::Failed(_)
            | CallError::Timeout(_)
            | CallError::MemoryLimit(_)
            | CallError::OutputTooLarge(_)
            | CallError::Trapped(_)
    )
}

/// A plugin ready to be called.
pub struct LoadedPlugin {
    merchant: String,
    manifest: Manifest,
    description: Description,
    pre: Pre,
    breaker: std::sync::Mutex<Breaker>,
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
    pub fn contract_version(&self) -> &'static str {
        match self.pre {
            Pre::Current(_) => "0.2.0",
            Pre::V0_1(_) => "0.1.0",
        }
    }
}

/// Runs plugins. One per process.
pub struct PluginHost {
    engine: Engine,
    linker: Linker<HostState>,
    data: Arc<dyn MerchantData>,
    clock: Clock,
    secrets: Arc<Secrets>,
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
            secrets: Arc::new(Secrets::Environment),
            plugins: RwLock::default(),
            _ticker: ticker,
        })
    }

    /// Secret header values for plugins' outbound HTTP come from `secrets`.
    pub fn with_secrets(mut self, secrets: Secrets) -> Self {
        self.secrets = Arc::new(secrets);
        self
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
        self.install(merchant, manifest, &component)
    }

    /// Links an artifact compiled by [`compile::ArtifactCache`] for `merchant`, replacing a
    /// plugin of the same name. Calls already running finish on the old version.
    pub fn load_precompiled(
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
        self.install(merchant, manifest, &component)
    }

    fn install(
        &self,
        merchant: &str,
        manifest: Manifest,
        component: &Component,
    ) -> Result<Arc<LoadedPlugin>, LoadError> {
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
        let mut plugin = LoadedPlugin {
            merchant: merchant.to_string(),
            manifest,
            description: Description::default(),
            pre,
            breaker: std::sync::Mutex::default(),
        };
        plugin.description = self.describe(&plugin)?;
        if let Some(reason) = plugin.description.mismatch(&plugin.manifest) {
            return Err(LoadError::Description {
                name: plugin.manifest.plugin.name.clone(),
                reason,
            });
        }
        let plugin = Arc::new(plugin);
        let mut plugins = self.plugins.write().unwrap_or_else(|e| e.into_inner());
        let list = plugins.entry(merchant.to_string()).or_default();
        list.retain(|p| p.manifest.plugin.name != plugin.manifest.plugin.name);
        list.push(plugin.clone());
        tracing::info!(
            merchant,
            plugin = %plugin.manifest.plugin.name,
            version = %plugin.manifest.plugin.version,
            contract = plugin.contract_version(),
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

    /// Calls the plugin's `describe()` in a fresh sandbox with its limits and no grants.
    fn describe(&self, plugin: &LoadedPlugin) -> Result<Description, LoadError> {
        let limits = &plugin.manifest.limits;
        let state = HostState::new(
            CallContext {
                merchant: plugin.merchant.clone(),
                plugin: plugin.manifest.plugin.name.clone(),
                // Describing needs nothing from the host: every import is denied.
                capabilities: manifest::Capabilities::default(),
                money: None,
                http: None,
                secrets: self.secrets.clone(),
                deadline: Instant::now() + std::time::Duration::from_millis(limits.deadline_ms),
                limits: limits.clone(),
                phase: Phase::Handle,
                now_ms: self.clock.now_ms(),
            },
            self.data.clone(),
        );
        let mut store = self.sandbox(state, limits);
        let described = match &plugin.pre {
            Pre::Current(pre) => pre
                .instantiate(&mut store)
                .and_then(|instance| instance.call_describe(&mut store))
                .map(conversions::description_from_wit),
            Pre::V0_1(pre) => pre
                .instantiate(&mut store)
                .and_then(|instance| instance.call_describe(&mut store))
                .map(conversions::description_from_v0_1),
        };
        described.map_err(|e| LoadError::Description {
            name: plugin.manifest.plugin.name.clone(),
            reason: format!("describe() failed: {}", classify_trap(&e, &store, limits)),
        })
    }

    /// A fresh store for one call: the memory cap and the epoch deadline of `limits`.
    fn sandbox(&self, state: HostState, limits: &manifest::Limits) -> Store<HostState> {
        let mut store = Store::new(&self.engine, state);
        store.limiter(|state| &mut state.memory);
        let ticks = limits.deadline_ms.div_ceil(TICK.as_millis() as u64).max(1);
        store.set_epoch_deadline(ticks);
        store.epoch_deadline_trap();
        store
    }

    /// The plugin of `merchant` named `name`, if loaded.
    pub fn by_name(&self, merchant: &str, name: &str) -> Option<Arc<LoadedPlugin>> {
        let plugins = self.plugins.read().unwrap_or_else(|e| e.into_inner());
        plugins
            .get(merchant)?
            .iter()
            .find(|p| p.manifest.plugin.name == name)
            .cloned()
    }

    /// Every plugin `merchant` has loaded, in the order they serve intents.
    pub fn plugins_of(&self, merchant: &str) -> Vec<Arc<LoadedPlugin>> {
        let plugins = self.plugins.read().unwrap_or_else(|e| e.into_inner());
        plugins.get(merchant).cloned().unwrap_or_default()
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
        self.call_with_stats(plugin, request).0
    }

    /// [`Self::call`], with what the call cost.
    pub fn call_with_stats(
        &self,
        plugin: &LoadedPlugin,
        request: &PluginRequest,
    ) -> (Result<PluginReply, CallError>, CallStats) {
        self.run_input(
            plugin,
            &CallInput::handle(request),
            self.data.clone(),
            self.clock.now_ms(),
        )
    }

    /// Runs a recorded call again, answering the plugin's data calls from `log` at the
    /// recorded time. Returns the outcome and, if the plugin asked for other data than it
    /// did when recorded, how it diverged.
    pub fn replay(
        &self,
        plugin: &LoadedPlugin,
        input: &CallInput,
        log: Vec<record::HostCall>,
        now_ms: u64,
    ) -> (Result<PluginReply, CallError>, Option<String>) {
        let replayer = Arc::new(record::Replayer::new(log));
        let (result, _) = self.run_input(plugin, input, replayer.clone(), now_ms);
        (result, replayer.divergence())
    }

    fn run_input(
        &self,
        plugin: &LoadedPlugin,
        input: &CallInput,
        data: Arc<dyn MerchantData>,
        now_ms: u64,
    ) -> (Result<PluginReply, CallError>, CallStats) {
        let request = match input {
            CallInput::Handle {
                intent,
                locale,
                text,
                slots,
                owner_verified,
            } => PluginRequest {
                intent: intent.clone(),
                locale: locale.clone(),
                text: text.clone(),
                slots: slots.clone(),
                owner_verified: *owner_verified,
            },
            CallInput::Commit {
                action_id,
                action,
                shopper,
            } => return self.commit_with(plugin, action_id, action, shopper, data, now_ms),
        };
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
            owner_verified: request.owner_verified,
        };
        self.invoke(
            plugin,
            Phase::Handle,
            data,
            now_ms,
            |store, pre| match pre {
                Pre::Current(pre) => {
                    let instance = pre.instantiate(&mut *store)?;
                    Ok(instance
                        .call_handle(&mut *store, &request)?
                        .map(conversions::reply_from_wit))
                }
                Pre::V0_1(pre) => {
                    let instance = pre.instantiate(&mut *store)?;
                    let old = v0_1::types::Request {
                        intent: request.intent.clone(),
                        locale: request.locale.clone(),
                        text: request.text.clone(),
                        slots: request
                            .slots
                            .iter()
                            .map(|s| v0_1::types::Slot {
                                name: s.name.clone(),
                                value: s.value.clone(),
                            })
                            .collect(),
                    };
                    Ok(instance
                        .call_handle(&mut *store, &old)?
                        .map(conversions::reply_from_v0_1)
                        .map_err(|e| match e {
                            v0_1::types::PluginError::NotFound(w) => wit::PluginError::NotFound(w),
                            v0_1::types::PluginError::MissingSlot(w) => {
                                wit::PluginError::MissingSlot(w)
                            }
                            v0_1::types::PluginError::Unavailable(w) => {
                                wit::PluginError::Unavailable(w)
                            }
                            v0_1::types::PluginError::Internal(w) => wit::PluginError::Internal(w),
                        }))
                }
            },
        )
    }

    /// Carries out `action`, which the shopper confirmed, in a fresh sandbox: the only
    /// call during which the plugin may move money, and only as much as `action` says.
    pub fn commit(
        &self,
        plugin: &LoadedPlugin,
        action_id: &str,
        action: &Proposal,
        shopper: &str,
    ) -> (Result<PluginReply, CallError>, CallStats) {
        let now = self.clock.now_ms();
        self.commit_with(plugin, action_id, action, shopper, self.data.clone(), now)
    }

    fn commit_with(
        &self,
        plugin: &LoadedPlugin,
        action_id: &str,
        action: &Proposal,
        shopper: &str,
        data: Arc<dyn MerchantData>,
        now_ms: u64,
    ) -> (Result<PluginReply, CallError>, CallStats) {
        let phase = Phase::Commit {
            action_id: action_id.to_string(),
            confirmed: action.clone(),
            shopper: shopper.to_string(),
        };
        let wit_action = conversions::action_to_wit(action);
        self.invoke(plugin, phase, data, now_ms, |store, pre| match pre {
            Pre::Current(pre) => {
                let instance = pre.instantiate(&mut *store)?;
                Ok(instance
                    .call_commit(&mut *store, &wit_action)?
                    .map(conversions::reply_from_wit))
            }
            Pre::V0_1(_) => Ok(Err(wit::PluginError::Internal(
                "contract 0.1.0 has no commit".into(),
            ))),
        })
    }

    /// Runs `f` against a fresh store for `plugin`, enforcing its limits, and turns the
    /// outcome into kefu's types.
    fn invoke(
        &self,
        plugin: &LoadedPlugin,
        phase: Phase,
        data: Arc<dyn MerchantData>,
        now_ms: u64,
        f: impl FnOnce(
            &mut Store<HostState>,
            &Pre,
        ) -> wasmtime::Result<Result<PluginReply, wit::PluginError>>,
    ) -> (Result<PluginReply, CallError>, CallStats) {
        let started = Instant::now();
        let admitted = plugin
            .breaker
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .admit(started);
        if !admitted {
            return (
                Err(CallError::CircuitOpen(BREAKER_FAILURES)),
                CallStats::default(),
            );
        }
        let limits = &plugin.manifest.limits;
        let recorder = Arc::new(record::Recorder::new(data));
        let unsupported = matches!((&phase, &plugin.pre), (Phase::Commit { .. }, Pre::V0_1(_)));
        let state = HostState::new(
            CallContext {
                merchant: plugin.merchant.clone(),
                plugin: plugin.manifest.plugin.name.clone(),
                capabilities: plugin.manifest.capabilities.clone(),
                money: plugin.manifest.money.clone(),
                http: plugin.manifest.http.clone(),
                secrets: self.secrets.clone(),
                deadline: started + std::time::Duration::from_millis(limits.deadline_ms),
                limits: limits.clone(),
                phase,
                now_ms,
            },
            recorder.clone(),
        );
        let mut store = self.sandbox(state, limits);
        let outcome = f(&mut store, &plugin.pre);
        let result = match outcome {
            Ok(_) if unsupported => Err(CallError::Unsupported("commit")),
            Ok(Ok(reply)) if reply.text.len() as u64 > limits.output_bytes => {
                Err(CallError::OutputTooLarge(limits.output_bytes))
            }
            Ok(Ok(reply)) => Ok(reply),
            Ok(Err(e)) => Err(match e {
                wit::PluginError::NotFound(what) => CallError::NotFound(what),
                wit::PluginError::MissingSlot(slot) => CallError::MissingSlot(slot),
                wit::PluginError::Unavailable(why) => CallError::Unavailable(why),
                wit::PluginError::Internal(why) => CallError::Failed(why),
                wit::PluginError::NotAllowed(why) => CallError::NotAllowed(why),
            }),
            Err(e) => Err(classify_trap(&e, &store, limits)),
        };
        plugin
            .breaker
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .record(
                result.as_ref().is_err_and(counts_as_failure),
                Instant::now(),
            );
        let state = store.data();
        let stats = CallStats {
            micros: started.elapsed().as_micros() as u64,
            host_calls: state.host_calls_made,
            peak_memory: state.memory.peak() as u64,
            refunds_issued: state.issued.clone(),
            now_ms,
            host_log: recorder.take(),
        };
        (result, stats)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_breaker_opens_after_repeated_failures_and_a_success_closes_it() {
        let mut b = Breaker::default();
        let t0 = Instant::now();
        for _ in 0..BREAKER_FAILURES - 1 {
            assert!(b.admit(t0));
            b.record(true, t0);
        }
        assert!(b.admit(t0), "still closed below the threshold");
        b.record(true, t0);
        assert!(
            !b.admit(t0),
            "open after {BREAKER_FAILURES} failures in a row"
        );
        let later = t0 + BREAKER_COOL_DOWN;
        assert!(b.admit(later), "one trial call after the cool-down");
        assert!(!b.admit(later), "only one");
        b.record(false, later);
        assert!(b.admit(later), "a success closes it");
        // A success resets the count.
        b.record(true, later);
        assert!(b.admit(later));
    }
}
