//! `GET /healthz`: whether the runtime takes new shoppers, for load balancers and container
//! probes (plain text: probes read the status, people read the line). 503 once the node
//! is leaving (after SIGTERM, [`super::drain`]) or cannot reach its database.

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;

use super::AppState;

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/healthz", get(healthz))
}

async fn healthz(State(state): State<AppState>) -> (StatusCode, &'static str) {
    if state.drain.is_leaving() {
        return (StatusCode::SERVICE_UNAVAILABLE, "draining\n");
    }
    match state.store.ping().await {
        Ok(()) => (StatusCode::OK, "ok\n"),
        Err(e) => {
            tracing::error!(error = %e, "health check: database unavailable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable\n")
        }
    }
}
