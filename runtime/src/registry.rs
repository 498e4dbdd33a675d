//! Plugin deployment: immutable versions, atomic activation, one-step rollback.
//!
//! A deploy is prepare → rehearse → record → activate. *Prepare*: validate the manifest,
//! compile the component in a child process ([`crate::plugins::compile`]), link it against
//! the host (which refuses components that do not fit a `kefu:plugin` world) and check its
//! `describe()` against the manifest. *Rehearse*: replay the merchant's latest recorded
//! calls of the plugin against it (`rehearsal.rs`) and judge what changed (`report.rs`): a
//! version that fails calls the recorded one answered stops here, with its report, unless
//! the deployer forces it. *Record*: store the version and its report and mark it active in
//! the database. *Activate*: the host swaps the plugin by replacing an `Arc`: calls already
//! running finish on the old version, new calls get the new one, nothing is dropped. Only
//! a recorded version ever serves, so a database failure leaves the previous version
//! serving and a restart (which loads every merchant's active versions again, from the
//! artifact cache) serves exactly what was serving before it.
//!
//! Several nodes: the store says which version is active, so a node that recorded a change
//! announces it on the bus ([`Bus::plugins_changed`]) and the others [`Registry::reload`]
//! that merchant's active versions from the store ([`Registry::follow`]); news that may
//! have been missed, and a check every [`RECHECK`], make every node look at everyone's.
//! Activations on one node are serialised (a reload never puts back a version that a
//! deploy here has just replaced), and each node remembers which component it activated
//! per plugin, so a reload compiles only what changed.

mod rehearsal;
pub mod report;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use crate::bus::{Bus, PluginsChanged};
use crate::plugins::compile::{ArtifactCache, CompileError, sha256_hex};
use crate::plugins::{LoadError, LoadedPlugin, Manifest, PluginHost};
use crate::store::{PluginVersion, Store, StoreError, Stored};
pub use report::DeployReport;

/// How many of a plugin's latest recorded calls a deploy replays, unless the runtime says
/// otherwise (`kefu serve --deploy-replay-calls`).
pub const DEFAULT_REPLAY_CALLS: u32 = 500;

/// How often a node in a cluster checks every merchant's active versions, whatever it heard.
pub const RECHECK: Duration = Duration::from_secs(30);

/// Why a deploy, activation or rollback failed. Messages are for the merchant.
#[derive(Debug, thiserror::Error)]
pub enum DeployError {
    /// The manifest is invalid.
    #[error(transparent)]
    Manifest(#[from] crate::plugins::manifest::ManifestError),
    /// The component is invalid or could not be compiled.
    #[error(transparent)]
    Compile(#[from] CompileError),
    /// The component does not fit the plugin contract.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// This version exists with different bytes.
    #[error(
        "{name} {version} is already deployed with different contents; versions are immutable, bump the version in manifest.toml"
    )]
    VersionExists {
        /// Plugin name.
        name: String,
        /// Version.
        version: String,
    },
    /// No such plugin or version.
    #[error("no deployed version {0}")]
    NotFound(String),
    /// Nothing to roll back to.
    #[error("{0} has no earlier version to roll back to")]
    NoEarlierVersion(String),
    /// No deploy of that version made a report.
    #[error("no deploy report for {0}: it was never deployed here")]
    NoReport(String),
    /// Replaying recorded calls could not run (a bug: the replays themselves do not fail).
    #[error("replaying recorded calls failed: {0}")]
    Rehearsal(String),
    /// Storage failed.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What a deploy or activation produced.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, utoipa::ToSchema)]
pub struct Activated {
    /// Plugin name.
    pub name: String,
    /// Version now serving.
    pub version: String,
    /// SHA-256 of the component.
    pub sha256: String,
    /// The `kefu:plugin` contract the component was built against.
    pub contract: String,
    /// Whether the compiled artifact came from the cache.
    pub cached: bool,
}

/// What a deploy did: the version went live, or its replays refused it. Either way the
/// report is kept with the version.
#[derive(Debug, Clone, PartialEq)]
pub enum Deployed {
    /// Serving now.
    Live {
        /// What serves.
        activated: Activated,
        /// What replaying recorded calls against it found.
        report: Box<DeployReport>,
    },
    /// Not activated: calls the recorded versions answered fail on it. The version is not
    /// stored, so a fixed build may take the same version number.
    Refused {
        /// Why, call by call.
        report: Box<DeployReport>,
    },
}

/// Deploys, lists, activates and rolls back merchants' plugins.
#[derive(Debug, Clone)]
pub struct Registry {
    store: Store,
    host: Arc<PluginHost>,
    cache: ArtifactCache,
    compiler: PathBuf,
    bus: Option<Bus>,
    /// Held from recording an activation until the host serves it, and by a reload.
    activating: Arc<tokio::sync::Mutex<()>>,
    /// (merchant, plugin) → SHA-256 of the stored component this node activated.
    serving: Arc<Mutex<HashMap<(String, String), String>>>,
    replay_calls: u32,
}

impl Registry {
    /// A registry caching artifacts in `cache_dir` and compiling with the `kefu` binary at
    /// `compiler` (normally the running executable).
    pub fn new(store: Store, host: Arc<PluginHost>, cache_dir: PathBuf, compiler: PathBuf) -> Self {
        let cache = ArtifactCache::new(cache_dir, host.engine());
        Self {
            store,
            host,
            cache,
            compiler,
            bus: None,
            activating: Arc::default(),
            serving: Arc::default(),
            replay_calls: DEFAULT_REPLAY_CALLS,
        }
    }

    /// The same registry announcing its changes to other nodes on `bus`.
    pub fn with_bus(mut self, bus: Bus) -> Self {
        self.bus = Some(bus);
        self
    }

    /// Makes `plugin` (stored with component `sha256`) serve, and remembers it.
    fn serve(&self, merchant: &str, plugin: Arc<LoadedPlugin>, sha256: &str) {
        let name = plugin.manifest().plugin.name.clone();
        self.host.activate(plugin);
        self.serving
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert((merchant.to_string(), name), sha256.to_string());
    }

    /// Tells the other nodes (if any) that `merchant`'s active versions changed.
    fn announce(&self, merchant: &str) {
        if let Some(bus) = &self.bus {
            bus.plugins_changed(merchant);
        }
    }

    /// A deploy replays the latest `calls` recorded calls of the plugin (0: none; the
    /// version goes live with an empty report).
    pub fn with_replay_calls(mut self, calls: u32) -> Self {
        self.replay_calls = calls;
        self
    }

    /// Compiles (or takes from the cache) and loads a component, checked against its
    /// manifest, without making it serve: the first step of every deploy, activation and
    /// restore.
    async fn prepare(
        &self,
        merchant: &str,
        manifest: &str,
        component: Vec<u8>,
    ) -> Result<(Arc<LoadedPlugin>, Activated), DeployError> {
        let (cache, compiler) = (self.cache.clone(), self.compiler.clone());
        let bytes = component.clone();
        let (artifact, cached) =
            tokio::task::spawn_blocking(move || cache.artifact(&compiler, &bytes))
                .await
                .map_err(|e| CompileError::Aborted(e.to_string()))??;
        let plugin = self
            .host
            .prepare_precompiled(merchant, manifest, &artifact)?;
        let activated = Activated {
            name: plugin.manifest().plugin.name.clone(),
            version: plugin.manifest().plugin.version.clone(),
            sha256: sha256_hex(&component),
            contract: plugin.contract_version().to_string(),
            cached,
        };
        Ok((plugin, activated))
    }

    /// Deploys a new version for `merchant`: replays the plugin's latest recorded calls
    /// against it and makes it active, unless calls that answered when recorded now fail
    /// and `force` is false.
    pub async fn deploy(
        &self,
        merchant: &str,
        manifest_text: &str,
        component: Vec<u8>,
        force: bool,
    ) -> Result<Deployed, DeployError> {
        let manifest = Manifest::parse(manifest_text)?;
        self.host.check_http(&manifest)?;
        let (name, version) = (manifest.plugin.name, manifest.plugin.version);
        let sha = sha256_hex(&component);
        // Refuse a changed component under an existing version before compiling anything.
        if let Some(existing) = self.store.plugin_version(merchant, &name, &version).await?
            && sha256_hex(&existing.component) != sha
        {
            return Err(DeployError::VersionExists { name, version });
        }
        let (plugin, activated) = self
            .prepare(merchant, manifest_text, component.clone())
            .await?;
        let report = self.rehearse(merchant, &plugin, force).await?;
        let report_json =
            serde_json::to_string(&report).map_err(|e| DeployError::Rehearsal(e.to_string()))?;
        let verdict = report.verdict.as_str();
        if !report.verdict.activates() {
            self.store
                .save_deploy_report(merchant, &name, &version, &sha, verdict, &report_json)
                .await?;
            tracing::info!(merchant, plugin = %name, %version, summary = %report.summary, "plugin deploy refused");
            return Ok(Deployed::Refused {
                report: Box::new(report),
            });
        }
        // Recorded before it serves: if the database refuses, the previous version keeps
        // serving and nothing runs that a restart would not bring back.
        let _activating = self.activating.lock().await;
        match self
            .store
            .add_plugin_version(merchant, &name, &version, &sha, manifest_text, &component)
            .await?
        {
            Stored::New | Stored::Same => {}
            Stored::Conflict => return Err(DeployError::VersionExists { name, version }),
        }
        self.store
            .save_deploy_report(merchant, &name, &version, &sha, verdict, &report_json)
            .await?;
        self.store
            .activate_plugin(merchant, &name, &version)
            .await?;
        self.serve(merchant, plugin, &sha);
        self.announce(merchant);
        tracing::info!(merchant, plugin = %name, %version, summary = %report.summary, "plugin deployed");
        Ok(Deployed::Live {
            activated,
            report: Box::new(report),
        })
    }

    /// Replays the latest recorded calls of `candidate`'s plugin against it and the
    /// serving version, and judges the difference.
    async fn rehearse(
        &self,
        merchant: &str,
        candidate: &Arc<LoadedPlugin>,
        force: bool,
    ) -> Result<DeployReport, DeployError> {
        let name = candidate.manifest().plugin.name.clone();
        let started = std::time::Instant::now();
        let recordings = match self.replay_calls {
            0 => Vec::new(),
            n => self.store.recent_recordings(merchant, &name, n).await?,
        };
        let serving = self.host.by_name(merchant, &name);
        let (host, new) = (self.host.clone(), candidate.clone());
        let old = serving.clone();
        let rehearsal = tokio::task::spawn_blocking(move || {
            rehearsal::rehearse(&host, &new, old.as_ref(), &recordings)
        })
        .await
        .map_err(|e| DeployError::Rehearsal(e.to_string()))?;
        let subject = report::Subject {
            plugin: name,
            version: candidate.manifest().plugin.version.clone(),
            serving: serving.map(|s| (s.manifest().plugin.version.clone(), rehearsal.serving_runs)),
            force,
            replay_millis: started.elapsed().as_millis() as u64,
            now_ms: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_millis() as i64),
        };
        Ok(report::build(&subject, &rehearsal.observations))
    }

    /// The report of `merchant`'s `name` `version`: what its last deploy's replays found.
    pub async fn report(
        &self,
        merchant: &str,
        name: &str,
        version: &str,
    ) -> Result<DeployReport, DeployError> {
        let stored = self
            .store
            .deploy_report(merchant, name, version)
            .await?
            .ok_or_else(|| DeployError::NoReport(format!("{name} {version}")))?;
        serde_json::from_str(&stored.report).map_err(|e| DeployError::Rehearsal(e.to_string()))
    }

    /// Makes a stored version active again.
    pub async fn activate(
        &self,
        merchant: &str,
        name: &str,
        version: &str,
    ) -> Result<Activated, DeployError> {
        let stored = self
            .store
            .plugin_version(merchant, name, version)
            .await?
            .ok_or_else(|| DeployError::NotFound(format!("{name} {version}")))?;
        let (plugin, activated) = self
            .prepare(merchant, &stored.manifest, stored.component)
            .await?;
        let _activating = self.activating.lock().await;
        self.store.activate_plugin(merchant, name, version).await?;
        self.serve(merchant, plugin, &activated.sha256);
        self.announce(merchant);
        tracing::info!(merchant, plugin = %name, %version, "plugin version activated");
        Ok(activated)
    }

    /// Goes back to the version deployed before the active one.
    pub async fn rollback(&self, merchant: &str, name: &str) -> Result<Activated, DeployError> {
        let versions: Vec<PluginVersion> = self
            .store
            .plugin_versions(merchant)
            .await?
            .into_iter()
            .filter(|v| v.name == name)
            .collect();
        let active = versions
            .iter()
            .position(|v| v.active)
            .ok_or_else(|| DeployError::NotFound(name.to_string()))?;
        let earlier = versions
            .get(active + 1)
            .ok_or_else(|| DeployError::NoEarlierVersion(name.to_string()))?;
        self.activate(merchant, name, &earlier.version).await
    }

    /// A merchant's versions, newest first per plugin.
    pub async fn list(&self, merchant: &str) -> Result<Vec<PluginVersion>, DeployError> {
        Ok(self.store.plugin_versions(merchant).await?)
    }

    /// Loads every merchant's active versions (at start). A version that no longer loads
    /// is logged and skipped: one merchant's broken plugin never keeps the runtime down.
    pub async fn restore(&self) -> Result<usize, DeployError> {
        let mut loaded = 0;
        let _activating = self.activating.lock().await;
        for p in self.store.active_plugins().await? {
            match self.prepare(&p.merchant_id, &p.manifest, p.component).await {
                Ok((plugin, activated)) => {
                    self.serve(&p.merchant_id, plugin, &activated.sha256);
                    loaded += 1;
                }
                Err(e) => {
                    tracing::error!(merchant = %p.merchant_id, plugin = %p.name, version = %p.version, error = %e, "cannot load deployed plugin")
                }
            }
        }
        Ok(loaded)
    }

    /// Makes this node serve what the store says is active for `merchant` (every merchant
    /// with `None`), loading only versions it does not serve yet; how many it loaded. A
    /// version that no longer loads is logged and skipped, as at start.
    pub async fn reload(&self, merchant: Option<&str>) -> Result<usize, DeployError> {
        let merchants = match merchant {
            Some(m) => vec![m.to_string()],
            None => self.store.merchant_ids().await?,
        };
        let _activating = self.activating.lock().await;
        let mut loaded = 0;
        for merchant in merchants {
            for v in self.store.plugin_versions(&merchant).await? {
                let key = (merchant.clone(), v.name.clone());
                let serving = self
                    .serving
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .get(&key)
                    .cloned();
                if !v.active || serving.as_deref() == Some(v.sha256.as_str()) {
                    continue;
                }
                let Some(stored) = self
                    .store
                    .plugin_version(&merchant, &v.name, &v.version)
                    .await?
                else {
                    continue;
                };
                match self
                    .prepare(&merchant, &stored.manifest, stored.component)
                    .await
                {
                    Ok((plugin, activated)) => {
                        self.serve(&merchant, plugin, &activated.sha256);
                        loaded += 1;
                        tracing::info!(merchant = %merchant, plugin = %v.name, version = %v.version, "plugin version activated on another node; serving it here");
                    }
                    Err(e) => {
                        tracing::error!(merchant = %merchant, plugin = %v.name, version = %v.version, error = %e, "cannot load a plugin version activated on another node")
                    }
                }
            }
        }
        Ok(loaded)
    }

    /// Serves what other nodes activate, as `bus` announces it, and checks every
    /// merchant's active versions every [`RECHECK`] (an announcement may be lost). Runs
    /// until the bus is gone.
    pub fn follow(&self, bus: &Bus) -> tokio::task::JoinHandle<()> {
        let registry = self.clone();
        let mut changes = bus.plugin_changes();
        tokio::spawn(async move {
            let mut recheck = tokio::time::interval(RECHECK);
            recheck.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            recheck.tick().await;
            loop {
                let merchant = tokio::select! {
                    change = changes.recv() => match change {
                        Some(PluginsChanged::Merchant(m)) => Some(m),
                        Some(PluginsChanged::Unknown) => None,
                        None => return,
                    },
                    _ = recheck.tick() => None,
                };
                if let Err(e) = registry.reload(merchant.as_deref()).await {
                    tracing::error!(error = %e, "loading plugin versions activated on other nodes");
                }
            }
        })
    }
}
