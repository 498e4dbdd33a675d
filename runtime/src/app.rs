//! The app as a value: [`build_app`] opens the store, loads the model and the plugins and
//! returns the [`AppState`]; [`router`] turns a state into the whole HTTP app, each
//! resource under [`crate::http`] contributing its own routes. `kefu serve` binds a socket
//! and serves it; tests call the same two functions and drive the router with `oneshot` or
//! a real listener.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::{Context, Result};
use axum::Router;
use clap::Args;
use tower_http::trace::TraceLayer;

use crate::bus::Bus;
use crate::engine::Engine;
use crate::http::{self, AppState, ChatLimits, HttpConfig, Limits, LoginThrottle, TrainingFile};
use crate::plugins::{PluginHost, PrivateHttp, Secrets};
use crate::registry::Registry;
use crate::secrets::{SecretsKey, Vault};
use crate::store::{Database, DemoData, Store};
use crate::{StoreData, default_classifier};

/// Options of `kefu serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "KEFU_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    /// Where the SQLite database lives (created if missing), with the files kefu writes.
    #[arg(long, env = "KEFU_DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,
    /// The database instead of `<data-dir>/kefu.db`: `postgres://user:password@host/db`
    /// (PostgreSQL) or `sqlite://<path>`. Migrated on start.
    #[arg(
        long,
        env = "KEFU_DATABASE",
        hide_env_values = true,
        value_name = "URL"
    )]
    pub database: Option<Database>,
    /// Built widget assets (`kefu.js`, `widget/`), from `cargo xtask build`.
    #[arg(long, env = "KEFU_ASSETS_DIR", default_value = "dist")]
    pub assets_dir: PathBuf,
    /// Demo storefront pages.
    #[arg(long, env = "KEFU_WWW_DIR", default_value = "www")]
    pub www_dir: PathBuf,
    /// Plugins for the demo merchant: subdirectories with `manifest.toml` and `plugin.wasm`
    /// (loaded only with `--demo`).
    #[arg(long, env = "KEFU_PLUGINS_DIR", default_value = "dist/plugins")]
    pub plugins_dir: PathBuf,
    /// Run the demo shop: load the demo merchant, its agent (`agent@demo.kefu`, whose
    /// published password only works in this mode), its identity secret and the reference
    /// plugins from `--plugins-dir`. Never on a deployment real shoppers reach.
    #[arg(long)]
    pub demo: bool,
    /// The URL browsers reach this runtime at (default: http://<listen address>).
    #[arg(long, env = "KEFU_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Where messages agents label in the console are appended as `label<TAB>text`, one
    /// file per merchant named after this one (default: <data-dir>/train_agent_labels.tsv,
    /// so shop `demo` writes <data-dir>/train_agent_labels.demo.tsv), emails and phone
    /// numbers masked; `cargo xtask train --extra PATH` trains with one.
    #[arg(long, env = "KEFU_TRAINING_FILE")]
    pub training_file: Option<PathBuf>,
    /// The key that seals merchants' plugin secrets: a file holding 32 bytes as 64 hex
    /// digits or base64, readable by its owner only (`kefu secrets-key new --out FILE`
    /// makes one). Without it, `KEFU_SECRETS_KEY` holds the key itself; without either,
    /// merchants cannot set secrets.
    #[arg(long, env = "KEFU_SECRETS_KEY_FILE")]
    pub secrets_key_file: Option<PathBuf>,
    /// The `kefu` binary that compiles uploaded plugins in a child process (default: this
    /// one).
    #[arg(long, env = "KEFU_COMPILER", hide = true)]
    pub compiler: Option<PathBuf>,
    /// Limits on anonymous chat clients (sockets and messages per address, messages and
    /// tickets per conversation, timeouts).
    #[command(flatten)]
    pub limits: Limits,
    /// Addresses inside this runtime's network that plugins' outbound HTTP may reach
    /// anyway: a range (`10.0.0.0/8`), an address (`127.0.0.1`, `::1`) or a host name
    /// (`localhost`, `orders.internal`). Repeat the flag or separate with commas. None by
    /// default: a plugin whose `[http]` lists such an address is refused at deploy, and a
    /// name resolving to one is refused when called. `kefu plugin test`, `run` and `replay`
    /// read the same environment variable.
    #[arg(
        long = "allow-private-http",
        env = "KEFU_ALLOW_PRIVATE_HTTP",
        value_delimiter = ',',
        value_name = "RANGE|ADDRESS|HOST"
    )]
    pub allow_private_http: Vec<String>,
    /// Reverse proxies in front of kefu (addresses or ranges, repeatable or comma-separated):
    /// requests from them are counted against the address their `X-Forwarded-For` names,
    /// for the per-address chat limits and the login throttle. Without it every client is
    /// the address that connected, which behind a proxy is the proxy.
    #[arg(
        long = "trusted-proxy",
        env = "KEFU_TRUSTED_PROXIES",
        value_delimiter = ',',
        value_name = "ADDRESS|RANGE"
    )]
    pub trusted_proxies: Vec<String>,
    /// Serve Prometheus metrics at `GET /metrics` on this address, a listener of its own
    /// (e.g. `127.0.0.1:9090` or a private network's address; never the public one).
    /// Without it there are no metrics over HTTP.
    #[arg(long, env = "KEFU_METRICS_LISTEN", value_name = "ADDR")]
    pub metrics_listen: Option<SocketAddr>,
    /// Join the other kefu nodes sharing this database through the NATS server at this URL
    /// (`nats://host:4222`, `nats://user:password@host:4222`, `tls://…`): messages, agent
    /// presence and plugin deployments reach shoppers and agents connected to any node. A
    /// NATS server that cannot be reached at start is an error; once joined, a lost
    /// connection is retried while the node serves its own sockets. Without it, the node
    /// works alone.
    #[arg(long, env = "KEFU_NATS", hide_env_values = true, value_name = "URL")]
    pub nats: Option<String>,
    /// On SIGTERM or Ctrl-C: how long turns in flight and open requests may take to finish
    /// before the process exits anyway (sockets are told to reconnect at once).
    #[arg(
        long,
        env = "KEFU_SHUTDOWN_GRACE_SECS",
        default_value_t = 20,
        value_name = "SECS"
    )]
    pub shutdown_grace_secs: u64,
    /// On SIGTERM or Ctrl-C: how long `/healthz` answers 503 ("draining") while the node
    /// still serves everything else, before sockets are told to reconnect; set it above
    /// your load balancer's health-check interval times its failure threshold, so that it
    /// stops sending new shoppers here first. 0: drain at once.
    #[arg(
        long,
        env = "KEFU_DRAIN_DELAY_SECS",
        default_value_t = 0,
        value_name = "SECS"
    )]
    pub drain_delay_secs: u64,
    /// How many of a plugin's latest recorded calls a deploy replays against the new version
    /// before it goes live (0: none; the version goes live unreplayed). More calls catch
    /// rarer breakage and make deploys slower.
    #[arg(
        long,
        env = "KEFU_DEPLOY_REPLAY_CALLS",
        default_value_t = crate::registry::DEFAULT_REPLAY_CALLS,
        value_name = "N"
    )]
    pub deploy_replay_calls: u32,
}

impl ServeArgs {
    /// The demo shop on `listen`, its database in `data_dir` (or, when
    /// [`crate::store::TEST_DATABASE_VAR`] names a PostgreSQL server, a schema there named
    /// after `data_dir`), pages from `www_dir` and the
    /// demo's plugins from `plugins_dir`; no widget files (`data_dir/assets`) and every other
    /// setting at its default. Embedders and tests change what they need with `..`.
    pub fn demo_in(
        listen: SocketAddr,
        data_dir: PathBuf,
        www_dir: PathBuf,
        plugins_dir: PathBuf,
    ) -> Self {
        Self {
            listen,
            assets_dir: data_dir.join("assets"),
            database: Database::for_tests_in(&data_dir),
            data_dir,
            www_dir,
            plugins_dir,
            demo: true,
            public_url: None,
            training_file: None,
            secrets_key_file: None,
            compiler: None,
            limits: Limits::default(),
            allow_private_http: vec![],
            trusted_proxies: vec![],
            metrics_listen: None,
            nats: None,
            shutdown_grace_secs: 20,
            drain_delay_secs: 0,
            deploy_replay_calls: crate::registry::DEFAULT_REPLAY_CALLS,
        }
    }
}

/// The whole HTTP app.
pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(http::health::router())
        .merge(http::chat::router())
        .merge(http::forget::router())
        .merge(http::agent::router())
        .merge(http::admin::router())
        .merge(http::assets::router(&state.config))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            http::host_check::console_host,
        ))
        .layer(TraceLayer::new_for_http())
        .layer(axum::Extension(state.config.trusted_proxies.clone()))
        .with_state(state)
}

/// Opens the store (with `--demo`, loading the demo merchant on first start and its
/// reference plugins), loads the model and the deployed plugins, and returns the state the
/// HTTP app runs on.
pub async fn build_app(args: &ServeArgs, local: SocketAddr) -> Result<AppState> {
    let database = args
        .database
        .clone()
        .unwrap_or_else(|| Database::in_data_dir(&args.data_dir));
    let store = Store::connect(&database)
        .await
        .with_context(|| format!("opening the store {}", database.display()))?;
    let demo = DemoData::builtin()?;
    if args.demo && store.load_demo(&demo).await? {
        tracing::info!(merchant = demo.merchant_id(), "loaded demo merchant data");
    }
    let classifier = default_classifier().context("loading the intent model")?;
    let private_http = PrivateHttp::parse(&args.allow_private_http).map_err(anyhow::Error::msg)?;
    let trusted_proxies =
        http::proxy::TrustedProxies::parse(&args.trusted_proxies).map_err(anyhow::Error::msg)?;
    let key = SecretsKey::configured(args.secrets_key_file.as_deref())?;
    let vault = Vault::new(store.clone(), key);
    report_secrets(&vault).await?;
    // Each merchant's plugins see their merchant's stored secrets only; the runtime's
    // environment (`KEFU_SECRET_<NAME>`) only for the demo shop, under `--demo`.
    let secrets = Secrets::PerMerchant {
        store: Some(vault.lookup()),
        environment_for: args.demo.then(|| demo.merchant_id().to_string()),
    };
    let plugins = Arc::new(
        PluginHost::new(Arc::new(StoreData::new(store.clone())))?
            .with_private_http(private_http)
            .with_secrets(secrets),
    );
    if args.demo {
        let loaded = plugins
            .load_dir(demo.merchant_id(), &args.plugins_dir)
            .with_context(|| "loading plugins (build them with `cargo xtask build`)".to_string())?;
        tracing::info!(count = loaded, dir = %args.plugins_dir.display(), "plugins loaded");
    }
    let compiler = match &args.compiler {
        Some(path) => path.clone(),
        None => std::env::current_exe().context("locating the kefu binary")?,
    };
    let bus = Bus::new();
    if let Some(url) = &args.nats {
        bus.join_nats(url).await?;
    }
    let registry = Registry::new(
        store.clone(),
        plugins.clone(),
        args.data_dir.join("plugin-cache"),
        compiler,
    )
    .with_bus(bus.clone())
    .with_replay_calls(args.deploy_replay_calls);
    // Deployed versions override the bundled plugins of the same name.
    let deployed = registry.restore().await?;
    if deployed > 0 {
        tracing::info!(count = deployed, "deployed plugins loaded");
    }
    if bus.is_clustered() {
        // Until the process exits, like the bus.
        drop(registry.follow(&bus));
    }
    if args.demo && !store.has_api_key(demo.merchant_id()).await? {
        let key = store.create_api_key(demo.merchant_id(), "demo").await?;
        // Never into a log: on the terminal, or into a file only the operator can read.
        let text = format!(
            "  Admin API key for the demo shop (shown once): {key}\n  Deploy a plugin: kefu plugin deploy --key {key} path/to/plugin\n"
        );
        let file = args.data_dir.join("demo-admin-key.txt");
        match crate::cli::reveal::show_once(&text, &file)
            .with_context(|| format!("writing {}", file.display()))?
        {
            crate::cli::reveal::Shown::Terminal => {}
            crate::cli::reveal::Shown::File(path) => {
                tracing::info!(path = %path.display(), "demo admin API key written (mode 0600)");
            }
        }
    }
    if !args.assets_dir.join("kefu.js").is_file() {
        tracing::warn!(dir = %args.assets_dir.display(), "widget assets missing: run `cargo xtask build`");
    }
    let public_url = args
        .public_url
        .clone()
        .unwrap_or_else(|| format!("http://{local}"));
    let training_file = args
        .training_file
        .clone()
        .unwrap_or_else(|| args.data_dir.join("train_agent_labels.tsv"));
    Ok(AppState {
        engine: Engine::new(store.clone(), classifier, plugins).with_bus(bus),
        store,
        registry,
        secrets: vault,
        config: Arc::new(HttpConfig {
            assets_dir: args.assets_dir.clone(),
            www_dir: args.www_dir.clone(),
            public_url: public_url.trim_end_matches('/').to_string(),
            demo: args.demo,
            demo_agents: demo
                .agents()
                .iter()
                .map(|a| a.email.to_lowercase())
                .collect(),
            trusted_proxies: Arc::new(trusted_proxies),
        }),
        training: Arc::new(TrainingFile::new(training_file)),
        logins: Arc::new(LoginThrottle::default()),
        limits: Arc::new(ChatLimits::new(args.limits.clone())),
        metrics: crate::telemetry::prometheus(),
        drain: http::drain::Drain::default(),
    })
}

/// Says at start whether merchants can set secrets, and warns about stored secrets this
/// runtime's key cannot open (they were sealed with another key: plugins will not get them).
async fn report_secrets(vault: &Vault) -> Result<()> {
    let unreadable = vault.unreadable().await?;
    if !vault.has_key() {
        tracing::info!(
            "no secrets key (--secrets-key-file or KEFU_SECRETS_KEY): merchants cannot set plugin secrets"
        );
    }
    if unreadable > 0 {
        tracing::warn!(
            count = unreadable,
            "stored plugin secrets were sealed with another key than this runtime's; plugins will not get them (start with the key that sealed them, or `kefu secrets-key rotate`)"
        );
    }
    Ok(())
}
