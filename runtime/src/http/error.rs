//! The one error type of the HTTP boundary.
//!
//! Every JSON endpoint (the agent API, the admin API) fails the same way: a status and
//!
//! ```json
//! {"error": "<a sentence a person can act on>", "code": "<stable_code>"}
//! ```
//!
//! `error` is for people (the console shows it as is); `code` is for programs and never
//! changes meaning once published (docs/architecture.md lists them). Engine, store and
//! registry errors become an [`ApiError`] through `From`, once, at the handler's `?`; what
//! went wrong inside the server (a database message, a join error) is logged exactly once,
//! when the response is built, and never sent: the client gets a generic sentence.
//!
//! Not here: the chat WebSocket answers with protocol `error` frames
//! ([`kefu_protocol::ServerMessage::Error`]), and static files with plain-text 404s.

use std::borrow::Cow;

use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::engine::agents::AgentError;
use crate::registry::DeployError;
use crate::store::{ClaimError, StoreError};

/// An API failure: status, stable code, sentence and (for the log only) what went wrong
/// inside.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    code: &'static str,
    message: Cow<'static, str>,
    /// The server-side cause, logged when the response is built; never sent.
    internal: Option<String>,
}

impl ApiError {
    /// A failure the client can act on: `message` is sent as is.
    pub fn new(
        status: StatusCode,
        code: &'static str,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            internal: None,
        }
    }

    /// `400`: the request is wrong in a way `message` explains.
    pub fn bad_request(code: &'static str, message: impl Into<Cow<'static, str>>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, message)
    }

    /// `404` with its own sentence.
    pub fn not_found(code: &'static str, message: impl Into<Cow<'static, str>>) -> Self {
        Self::new(StatusCode::NOT_FOUND, code, message)
    }

    /// `409`: the request conflicts with the resource's current state.
    pub fn conflict(code: &'static str, message: impl Into<Cow<'static, str>>) -> Self {
        Self::new(StatusCode::CONFLICT, code, message)
    }

    /// `422`: well-formed, but a value is out of bounds.
    pub fn unprocessable(code: &'static str, message: impl Into<Cow<'static, str>>) -> Self {
        Self::new(StatusCode::UNPROCESSABLE_ENTITY, code, message)
    }

    /// `401`: the request needs credentials it lacks; `message` says which.
    pub fn unauthorized(message: impl Into<Cow<'static, str>>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "unauthorized", message)
    }

    /// `500`: a bug or an environment failure on our side; `cause` goes to the log only.
    pub fn internal(cause: impl std::fmt::Display) -> Self {
        Self {
            internal: Some(cause.to_string()),
            ..Self::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "something went wrong on our side; try again",
            )
        }
    }

    /// The response status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The stable machine code.
    pub fn code(&self) -> &'static str {
        self.code
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let Some(cause) = &self.internal {
            tracing::error!(code = self.code, error = %cause, "API request failed");
        }
        let body = json!({ "error": self.message, "code": self.code });
        (self.status, axum::Json(body)).into_response()
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        Self {
            internal: Some(e.to_string()),
            ..Self::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "storage_unavailable",
                "storage is unavailable; try again",
            )
        }
    }
}

impl From<ClaimError> for ApiError {
    fn from(e: ClaimError) -> Self {
        match e {
            ClaimError::NotFound => Self::not_found("no_such_conversation", e.to_string()),
            ClaimError::Taken(_) => Self::conflict("already_claimed", e.to_string()),
            ClaimError::WrongState(_) => Self::conflict("wrong_state", e.to_string()),
            ClaimError::Store(e) => e.into(),
        }
    }
}

impl From<AgentError> for ApiError {
    fn from(e: AgentError) -> Self {
        match e {
            // The same codes the chat socket uses for a shopper's message.
            AgentError::Empty => Self::bad_request("empty", e.to_string()),
            AgentError::TooLong => Self::bad_request("too_long", e.to_string()),
            AgentError::Claim(e) => e.into(),
        }
    }
}

impl From<DeployError> for ApiError {
    fn from(e: DeployError) -> Self {
        // The merchant's manifest and component are theirs to fix: those messages are sent.
        let (status, code) = match &e {
            DeployError::Manifest(_) => (StatusCode::UNPROCESSABLE_ENTITY, "invalid_manifest"),
            DeployError::Compile(_) => (StatusCode::UNPROCESSABLE_ENTITY, "invalid_component"),
            DeployError::Load(_) => (StatusCode::UNPROCESSABLE_ENTITY, "incompatible_component"),
            DeployError::VersionExists { .. } => (StatusCode::CONFLICT, "version_exists"),
            DeployError::NoEarlierVersion(_) => (StatusCode::CONFLICT, "no_earlier_version"),
            DeployError::NotFound(_) => (StatusCode::NOT_FOUND, "no_such_version"),
            DeployError::NoReport(_) => (StatusCode::NOT_FOUND, "no_such_report"),
            DeployError::Rehearsal(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
            DeployError::Store(_) => (StatusCode::SERVICE_UNAVAILABLE, "storage_unavailable"),
        };
        match e {
            DeployError::Store(e) => e.into(),
            DeployError::Rehearsal(e) => Self::internal(e),
            e => Self::new(status, code, e.to_string()),
        }
    }
}

impl From<JsonRejection> for ApiError {
    fn from(rejection: JsonRejection) -> Self {
        // axum's status for each case (400, 422, 415, 413) stays; the body becomes ours.
        // The detail is serde's account of the client's own bytes ("missing field `text` at
        // line 1 column 2"), which tells them what to fix and reveals nothing of ours.
        let status = rejection.status();
        let detail = std::error::Error::source(&rejection)
            .map(ToString::to_string)
            .unwrap_or_default();
        let (code, message) = match &rejection {
            JsonRejection::JsonSyntaxError(_) => (
                "malformed_json",
                format!("the request body is not valid JSON ({detail}); send a JSON object"),
            ),
            JsonRejection::JsonDataError(_) => (
                "invalid_fields",
                format!("the JSON body does not have the fields this endpoint expects: {detail}"),
            ),
            JsonRejection::MissingJsonContentType(_) => (
                "wrong_content_type",
                "send the body as JSON with `Content-Type: application/json`".to_string(),
            ),
            JsonRejection::BytesRejection(_) if status == StatusCode::PAYLOAD_TOO_LARGE => (
                "body_too_large",
                "the request body is too large".to_string(),
            ),
            _ => (
                "unreadable_body",
                "the request body could not be read; send it again".to_string(),
            ),
        };
        Self::new(status, code, message)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_storage_failure_is_logged_not_sent() {
        let e = ApiError::from(StoreError::Corrupt("secret table detail".into()));
        assert_eq!(e.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(e.code(), "storage_unavailable");
        assert!(!e.message.contains("secret"));
        assert!(e.internal.as_deref().unwrap().contains("secret"));
    }
}
