//! The HTTP face of the runtime: the chat WebSocket, the agent console (its page, API and
//! live socket), the admin API, the widget's assets, the demo pages and `/healthz`; and
//! on a listener of its own, `/metrics` ([`metrics`]).
//! Each resource module owns its `router()`; [`crate::app::router`] merges them over an
//! [`AppState`] so tests can drive the app without a socket. JSON endpoints read bodies
//! with [`json::Json`] and fail with [`ApiError`]. Nothing here touches wasmtime: plugins
//! are reached through the engine.

pub(crate) mod admin;
pub(crate) mod agent;
pub(crate) mod assets;
#[cfg(test)]
mod body_fuzz;
pub(crate) mod chat;
#[cfg(test)]
mod console_tests;
pub mod drain;
pub mod error;
pub(crate) mod forget;
#[cfg(test)]
mod forget_tests;
pub(crate) mod health;
pub(crate) mod host_check;
pub mod json;
pub mod limits;
pub(crate) mod login_throttle;
pub mod metrics;
pub mod proxy;
pub mod server;
#[cfg(test)]
mod tests;
pub(crate) mod training;

pub use error::ApiError;
pub use limits::{ChatLimits, Limits};
pub use login_throttle::{LoginThrottle, PeerIp};
pub use training::TrainingFile;

use std::path::PathBuf;
use std::sync::Arc;

use crate::engine::Engine;
use crate::registry::Registry;
use crate::secrets::Vault;
use crate::store::Store;

/// Where the runtime finds what it serves, and how it is reached.
#[derive(Debug, Clone)]
pub struct HttpConfig {
    /// Built widget assets: `kefu.js` and `widget/` (from `cargo xtask build`).
    pub assets_dir: PathBuf,
    /// The demo storefront and other pages (`www/`).
    pub www_dir: PathBuf,
    /// The URL shoppers' browsers reach this runtime at, e.g. `http://127.0.0.1:8080`.
    pub public_url: String,
    /// Whether the runtime runs the demo shop (`kefu serve --demo`).
    pub demo: bool,
    /// Logins of the demo's agents (lower-cased): their password is published, so they
    /// may only log in when [`HttpConfig::demo`] is set.
    pub demo_agents: Vec<String>,
    /// Reverse proxies whose `X-Forwarded-For` names the client (`--trusted-proxy`).
    pub trusted_proxies: Arc<proxy::TrustedProxies>,
}

impl HttpConfig {
    /// Whether browsers reach the runtime over https (its cookie is then `Secure`).
    pub fn https(&self) -> bool {
        self.public_url
            .get(..8)
            .is_some_and(|s| s.eq_ignore_ascii_case("https://"))
    }

    /// The console's session cookie name: `__Host-` prefixed over https.
    pub fn session_cookie(&self) -> &'static str {
        if self.https() {
            crate::auth::SECURE_SESSION_COOKIE
        } else {
            crate::auth::SESSION_COOKIE
        }
    }

    /// Whether `email` is a demo agent's login that this runtime refuses (not in demo mode).
    pub fn demo_login_disabled(&self, email: &str) -> bool {
        !self.demo
            && self
                .demo_agents
                .iter()
                .any(|a| a == &email.trim().to_lowercase())
    }
}

/// Everything a request handler may use.
#[derive(Debug, Clone)]
pub struct AppState {
    /// The conversation engine.
    pub engine: Engine,
    /// The database: what handlers read and write directly (sessions, API keys, FAQ,
    /// settings), beside what the engine does with it.
    pub store: Store,
    /// Merchants' deployed plugins.
    pub registry: Registry,
    /// Merchants' plugin secrets, sealed with the operator's key.
    pub secrets: Vault,
    /// Serving configuration.
    pub config: Arc<HttpConfig>,
    /// Where agents' training labels are appended (a file per merchant).
    pub training: Arc<TrainingFile>,
    /// Failed console logins per account.
    pub logins: Arc<LoginThrottle>,
    /// Limits on anonymous chat clients, and their counters.
    pub limits: Arc<ChatLimits>,
    /// What `GET /metrics` renders (`None` if another recorder was installed first).
    pub metrics: Option<metrics_exporter_prometheus::PrometheusHandle>,
    /// The open sockets, told to close when the runtime stops.
    pub drain: drain::Drain,
}
