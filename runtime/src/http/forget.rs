//! The shopper's "delete this conversation": `DELETE /v1/chat/{merchant}/conversations/{id}`.
//!
//! The conversation's id is the shopper's credential for it (the widget keeps it in the
//! tab's sessionStorage and resumes with it), so knowing it is what allows deleting it, as it
//! is what allows reading it. What is removed and what the merchant keeps, anonymised, is
//! [`crate::store::Store::delete_conversation`]'s.

use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::routing::delete;
use serde::Serialize;

use super::json::Json;
use super::{ApiError, AppState};

/// What the runtime answers a deletion with.
#[derive(Debug, Serialize)]
struct Deleted {
    /// Always true: a conversation that was not there is a 404.
    deleted: bool,
    /// Messages removed.
    messages_removed: u64,
    /// Records of money that moved (a refund issued, an order cancelled), which the shop
    /// must keep: kept without the shopper's email.
    records_kept: u64,
}

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/v1/chat/{merchant}/conversations/{id}", delete(forget))
}

async fn forget(
    State(state): State<AppState>,
    Path((merchant, id)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let forgotten = state
        .engine
        .delete_conversation(&merchant, &id)
        .await?
        .ok_or_else(|| {
            ApiError::not_found(
                "no_conversation",
                "there is no such conversation here (already deleted, or never started)",
            )
        })?;
    tracing::info!(
        %merchant,
        conversation = %crate::domain::conversation_ref(&id),
        messages = forgotten.messages,
        kept = forgotten.kept,
        "conversation deleted by the shopper"
    );
    Ok(Json(Deleted {
        deleted: true,
        messages_removed: forgotten.messages,
        records_kept: forgotten.kept,
    })
    .into_response())
}
