//! The merchant's plugin secrets through the admin API: set one, remove one, list their
//! names. Write-only: no route returns a value, not even the one just set. The sealing is
//! [`crate::secrets`]'s; without the operator's key setting is refused
//! (`secrets_key_missing`) and the rest of the API works as before.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::auth::Merchant;
use super::openapi::ErrorBody;
use super::{ApiError, AppState};
use crate::http::json::Json;
use crate::secrets::VaultError;
use crate::store::SecretInfo;

/// A secret's value.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct SecretBody {
    /// 1 to 4096 printable ASCII characters, sent as the header value the manifest names
    /// (e.g. `Bearer sk_live_…` for `Authorization`). Never returned.
    #[schema(example = "Bearer sk_live_abc123")]
    value: String,
}

/// The merchant's secrets: names and times, never values.
#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct SecretList {
    /// By name.
    secrets: Vec<SecretInfo>,
}

fn api_error(e: VaultError) -> ApiError {
    match e {
        VaultError::NoKey => ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "secrets_key_missing",
            e.to_string(),
        ),
        VaultError::BadName(_) => ApiError::unprocessable("invalid_secret_name", e.to_string()),
        VaultError::BadValue => ApiError::unprocessable("invalid_secret_value", e.to_string()),
        VaultError::Store(e) => e.into(),
        e @ (VaultError::WrongKey { .. } | VaultError::Key(_)) => ApiError::internal(e),
    }
}

/// The names of the merchant's secrets and when each was set.
#[utoipa::path(
    get,
    path = "/v1/admin/secrets",
    tag = "secrets",
    responses((status = OK, body = SecretList))
)]
pub(super) async fn list(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
) -> Result<Response, ApiError> {
    let secrets = state.secrets.list(&merchant).await.map_err(api_error)?;
    Ok(Json(SecretList { secrets }).into_response())
}

/// Sets a secret the merchant's plugins may send (stored encrypted; never returned).
#[utoipa::path(
    put,
    path = "/v1/admin/secrets/{name}",
    tag = "secrets",
    params(("name" = String, Path, description = "The `name` of the manifest's `[[http.secrets]]` entry: 1 to 64 letters, digits and `_` (case does not matter)")),
    request_body = SecretBody,
    responses(
        (status = NO_CONTENT, description = "Set; the merchant's plugins send it from their next call"),
        (status = UNPROCESSABLE_ENTITY, description = "Bad name or value (`invalid_secret_name`, `invalid_secret_value`)", body = ErrorBody),
        (status = SERVICE_UNAVAILABLE, description = "The runtime has no secrets key (`secrets_key_missing`)", body = ErrorBody),
    )
)]
pub(super) async fn set(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
    Path(name): Path<String>,
    Json(body): Json<SecretBody>,
) -> Result<Response, ApiError> {
    state
        .secrets
        .set(&merchant, &name, &body.value)
        .await
        .map_err(api_error)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Removes a secret.
#[utoipa::path(
    delete,
    path = "/v1/admin/secrets/{name}",
    tag = "secrets",
    params(("name" = String, Path, description = "The secret's name")),
    responses(
        (status = NO_CONTENT, description = "Removed"),
        (status = NOT_FOUND, description = "No such secret (`no_such_secret`)", body = ErrorBody),
    )
)]
pub(super) async fn remove(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
    Path(name): Path<String>,
) -> Result<Response, ApiError> {
    if !state
        .secrets
        .delete(&merchant, &name)
        .await
        .map_err(api_error)?
    {
        return Err(ApiError::not_found(
            "no_such_secret",
            format!("this shop has no secret `{name}`; GET /v1/admin/secrets lists them"),
        ));
    }
    Ok(StatusCode::NO_CONTENT.into_response())
}
