//! The HTTP face of the runtime: the chat WebSocket, the agent console (its page, API and
//! live socket), the admin API, the widget's assets, the demo pages and `/healthz`.
//! [`router`] builds the whole app from an [`AppState`] so tests can drive it without a
//! socket. Nothing here touches wasmtime: plugins are reached through the engine.

mod admin;
mod agent;
mod assets;
mod chat;
pub mod error;
pub mod json;
#[cfg(test)]
mod tests;

pub use agent::{LoginThrottle, TrainingFile};
pub use error::ApiError;

use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use tower_http::trace::TraceLayer;

use crate::engine::Engine;
use crate::registry::Registry;

/// Where the runtime finds what it serves, and how it is reached.
#[derive(Debug, Clone)]
pub struct HttpConfig {
    /// Built widget assets: `kefu.js` and `widget/` (from `cargo xtask build`).
    pub assets_dir: PathBuf,
    /// The demo storefront and other pages (`www/`).
    pub www_dir: PathBuf,
    /// The URL shoppers' browsers reach this runtime at, e.g. `http://127.0.0.1:8080`.
    pub public_url: String,
}

/// Everything a request handler may use.
#[derive(Debug, Clone)]
pub struct AppState {
    /// The conversation engine.
    pub engine: Engine,
    /// Merchants' deployed plugins.
    pub registry: Registry,
    /// Serving configuration.
    pub config: Arc<HttpConfig>,
    /// Where agents' training labels are appended.
    pub training: Arc<TrainingFile>,
    /// Failed console logins per account.
    pub logins: Arc<LoginThrottle>,
}

/// The whole HTTP app.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/healthz", get(healthz))
        .merge(chat::router())
        .merge(agent::router())
        .merge(admin::router())
        .merge(assets::router(&state.config))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

async fn healthz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    match state.engine.store().ping().await {
        Ok(()) => (StatusCode::OK, "ok\n"),
        Err(e) => {
            tracing::error!(error = %e, "health check: database unavailable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n")
        }
    }
}
