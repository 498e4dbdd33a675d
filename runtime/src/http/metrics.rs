//! `GET /metrics`: the Prometheus exposition of [`crate::telemetry`], served on the metrics
//! listener only (`kefu serve --metrics-listen ADDR`), never on the public one: whoever can
//! reach that address may read it, so bind it to loopback or a private network and let
//! Prometheus scrape it there. It carries counts by merchant, intent, handoff kind, plugin
//! and outcome; no conversation, message or shopper data.

use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::AppState;

/// The metrics listener's whole app.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/metrics", get(metrics))
        .with_state(state)
}

async fn metrics(State(state): State<AppState>) -> Response {
    let Some(handle) = &state.metrics else {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            "another metrics recorder is installed in this process\n",
        )
            .into_response();
    };
    // The queue is the store's: read at each scrape.
    match state.store.waiting_counts().await {
        Ok(counts) => {
            for (merchant, waiting) in counts {
                crate::telemetry::queue_length(&merchant, waiting);
            }
        }
        Err(e) => tracing::error!(error = %e, "counting the conversations waiting for a person"),
    }
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        handle.render(),
    )
        .into_response()
}
