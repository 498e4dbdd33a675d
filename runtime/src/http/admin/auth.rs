//! [`Merchant`]: the admin API's authentication. A request names its merchant by an API key
//! (`kefu merchant key`; only its SHA-256 is stored), never by an id in the URL or body.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use super::{ApiError, AppState};

/// The merchant the request's API key belongs to.
pub(super) struct Merchant(pub String);

impl FromRequestParts<AppState> for Merchant {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let unauthorized = |why: &str| {
            ApiError::unauthorized(format!(
                "{why}: send `Authorization: Bearer <your API key>` (create one with `kefu merchant key`)"
            ))
        };
        let key = parts
            .headers
            .get(axum::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or_else(|| unauthorized("missing API key"))?;
        match state.store.merchant_for_key(key.trim()).await? {
            Some(merchant) => Ok(Self(merchant)),
            None => Err(unauthorized("unknown API key")),
        }
    }
}
