//! The admin API: merchants deploy, list, activate and roll back their plugins and read
//! their plugin audit log. Authenticated by a merchant API key (`Authorization: Bearer …`,
//! stored hashed); every route acts on the key's merchant only, so a merchant can never
//! name another merchant's plugins or data.
//!
//! - `POST /v1/admin/plugins` `{"manifest": "<manifest.toml>", "component": "<base64>"}`
//! - `GET  /v1/admin/plugins`
//! - `POST /v1/admin/plugins/{name}/rollback`
//! - `POST /v1/admin/plugins/{name}/versions/{version}/activate`
//! - `GET  /v1/admin/audit?limit=N`
//! - `GET  /v1/admin/replies`: every line the bot says itself, kefu's wording and yours
//! - `PUT  /v1/admin/replies/{key}/{lang}` `{"text": "…"}`; `DELETE` restores kefu's wording
//! - `GET`/`PUT /v1/admin/handoff-phrases` `{"phrases": ["warranty claim", "保修"]}`: topics
//!   that always go to a person in this shop

use axum::Router;
use axum::extract::{DefaultBodyLimit, FromRequestParts, Path, Query, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use base64::Engine as _;
use serde::Deserialize;
use serde_json::json;

use super::AppState;
use super::error::ApiError;
use super::json::Json;
use crate::engine::replies::{self, Lang, Line};
use crate::plugins::compile::MAX_COMPONENT_BYTES;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/v1/admin/plugins", get(list).post(deploy))
        .route("/v1/admin/plugins/{name}/rollback", post(rollback))
        .route(
            "/v1/admin/plugins/{name}/versions/{version}/activate",
            post(activate),
        )
        .route("/v1/admin/audit", get(audit))
        .route("/v1/admin/replies", get(replies))
        .route(
            "/v1/admin/handoff-phrases",
            get(handoff_phrases).put(set_handoff_phrases),
        )
        .route(
            "/v1/admin/replies/{key}/{lang}",
            axum::routing::put(set_reply).delete(reset_reply),
        )
        // Base64 makes a component a third larger.
        .layer(DefaultBodyLimit::max(
            MAX_COMPONENT_BYTES * 4 / 3 + 64 * 1024,
        ))
}

/// The merchant the request's API key belongs to.
struct Merchant(String);

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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DeployBody {
    manifest: String,
    component: String,
}

async fn deploy(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
    Json(body): Json<DeployBody>,
) -> Result<Response, ApiError> {
    let component = base64::engine::general_purpose::STANDARD
        .decode(body.component.trim())
        .map_err(|e| {
            ApiError::bad_request("bad_component", format!("component is not base64: {e}"))
        })?;
    let activated = state
        .registry
        .deploy(&merchant, &body.manifest, component)
        .await?;
    Ok((StatusCode::CREATED, Json(activated)).into_response())
}

async fn list(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
) -> Result<Response, ApiError> {
    Ok(Json(json!({ "plugins": state.registry.list(&merchant).await? })).into_response())
}

async fn rollback(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
    Path(name): Path<String>,
) -> Result<Response, ApiError> {
    Ok(Json(state.registry.rollback(&merchant, &name).await?).into_response())
}

async fn activate(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
    Path((name, version)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    Ok(Json(state.registry.activate(&merchant, &name, &version).await?).into_response())
}

#[derive(Deserialize)]
struct AuditQuery {
    limit: Option<u32>,
}

async fn audit(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
    Query(q): Query<AuditQuery>,
) -> Result<Response, ApiError> {
    let limit = q.limit.unwrap_or(100).clamp(1, 1000);
    let calls = state.store.plugin_calls(&merchant, limit).await?;
    Ok(Json(json!({ "calls": calls })).into_response())
}

/// Longest wording a merchant may give a line.
const MAX_REPLY_CHARS: usize = 1000;

fn line_and_lang(key: &str, lang: &str) -> Result<(Line, &'static str), ApiError> {
    let line = Line::from_key(key).ok_or_else(|| {
        ApiError::not_found(
            "no_such_line",
            format!("no line `{key}`; GET /v1/admin/replies lists them"),
        )
    })?;
    let lang = match lang {
        "en" => "en",
        "zh" => "zh",
        _ => {
            return Err(ApiError::not_found(
                "unsupported_lang",
                format!("language `{lang}` is not one kefu speaks: use en or zh"),
            ));
        }
    };
    Ok((line, lang))
}

async fn replies(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
) -> Result<Response, ApiError> {
    let own = state.store.reply_templates(&merchant).await?;
    let lines: Vec<_> = Line::ALL
        .iter()
        .flat_map(|line| {
            [Lang::En, Lang::Zh].into_iter().map(|lang| {
                let yours = own
                    .iter()
                    .find(|(k, l, _)| k == line.key() && l == lang.tag())
                    .map(|(_, _, t)| t.clone());
                json!({
                    "key": line.key(),
                    "lang": lang.tag(),
                    "default": replies::text(*line, lang),
                    "yours": yours,
                })
            })
        })
        .collect();
    Ok(Json(json!({ "lines": lines })).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReplyBody {
    text: String,
}

async fn set_reply(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
    Path((key, lang)): Path<(String, String)>,
    Json(body): Json<ReplyBody>,
) -> Result<Response, ApiError> {
    let (line, lang) = line_and_lang(&key, &lang)?;
    let text = body.text.trim();
    if text.is_empty() || text.chars().count() > MAX_REPLY_CHARS {
        return Err(ApiError::unprocessable(
            "invalid_text",
            format!("the text must be 1 to {MAX_REPLY_CHARS} characters"),
        ));
    }
    if line == Line::Suggestions {
        crate::engine::welcome::check_suggestions(text)
            .map_err(|e| ApiError::unprocessable("too_many_suggestions", e))?;
    }
    state
        .store
        .set_reply_template(&merchant, line.key(), lang, Some(text))
        .await?;
    Ok(Json(json!({ "key": line.key(), "lang": lang, "yours": text })).into_response())
}

async fn reset_reply(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
    Path((key, lang)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let (line, lang) = line_and_lang(&key, &lang)?;
    state
        .store
        .set_reply_template(&merchant, line.key(), lang, None)
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PhrasesBody {
    phrases: Vec<String>,
}

async fn handoff_phrases(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
) -> Result<Response, ApiError> {
    let settings = state
        .store
        .merchant_settings(&merchant)
        .await?
        .unwrap_or_default();
    Ok(Json(json!({ "phrases": settings.handoff_phrases })).into_response())
}

async fn set_handoff_phrases(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
    Json(body): Json<PhrasesBody>,
) -> Result<Response, ApiError> {
    if body.phrases.len() > 200
        || body
            .phrases
            .iter()
            .any(|p| p.trim().chars().count() < 2 || p.chars().count() > 100)
    {
        return Err(ApiError::unprocessable(
            "invalid_phrases",
            "up to 200 phrases of 2 to 100 characters each",
        ));
    }
    state
        .store
        .set_handoff_phrases(&merchant, &body.phrases)
        .await?;
    handoff_phrases(State(state), Merchant(merchant)).await
}
