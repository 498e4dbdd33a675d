//! How long the shop keeps conversations (`/v1/admin/privacy`): after `retention_days` without
//! activity a conversation is deleted as a shopper's own deletion would (what the shop must
//! keep of money that moved stays, anonymised). `null` keeps conversations until a shopper
//! deletes theirs.

use axum::extract::State;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::auth::Merchant;
use super::openapi::ErrorBody;
use super::{ApiError, AppState};
use crate::http::json::Json;
use crate::store::MAX_RETENTION_DAYS;

/// The shop's privacy settings.
#[derive(Debug, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct Privacy {
    /// Days a conversation is kept after its last message (1 to 3650); `null`: until the
    /// shopper deletes it.
    #[schema(example = 90)]
    retention_days: Option<u32>,
}

/// The shop's privacy settings.
#[utoipa::path(
    get,
    path = "/v1/admin/privacy",
    tag = "settings",
    responses((status = OK, body = Privacy))
)]
pub(super) async fn get_privacy(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
) -> Result<Response, ApiError> {
    let retention_days = state
        .store
        .retention_days(&merchant)
        .await?
        .ok_or_else(|| ApiError::internal(format!("merchant {merchant} has a key but no row")))?;
    Ok(Json(Privacy { retention_days }).into_response())
}

/// Sets how long the shop keeps conversations; the hourly sweep applies it.
#[utoipa::path(
    put,
    path = "/v1/admin/privacy",
    tag = "settings",
    request_body = Privacy,
    responses(
        (status = OK, body = Privacy),
        (status = UNPROCESSABLE_ENTITY, description = "Out of bounds (`invalid_retention`)", body = ErrorBody),
    )
)]
pub(super) async fn put_privacy(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
    Json(body): Json<Privacy>,
) -> Result<Response, ApiError> {
    if body
        .retention_days
        .is_some_and(|d| !(1..=MAX_RETENTION_DAYS).contains(&d))
    {
        return Err(ApiError::unprocessable(
            "invalid_retention",
            format!(
                "retention_days must be 1 to {MAX_RETENTION_DAYS} days, or null to keep conversations until the shopper deletes them"
            ),
        ));
    }
    state
        .store
        .set_retention_days(&merchant, body.retention_days)
        .await?;
    get_privacy(State(state), Merchant(merchant)).await
}
