//! The merchant's wording of the bot's own lines (greeting, out-of-scope answer, …) per
//! language: list them with kefu's default beside the merchant's, set one, restore kefu's.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::auth::Merchant;
use super::openapi::ErrorBody;
use super::{ApiError, AppState};
use crate::engine::replies::{self, Line};
use crate::http::json::Json;

/// Longest wording a merchant may give a line.
const MAX_REPLY_CHARS: usize = 1000;

/// One line in one language.
#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct ReplyLine {
    /// The line (`greeting`, `out_of_scope`, …).
    key: &'static str,
    /// `en` or `zh`.
    lang: &'static str,
    /// kefu's wording.
    #[serde(skip_serializing_if = "Option::is_none")]
    default: Option<&'static str>,
    /// The merchant's wording, if they set one.
    yours: Option<String>,
}

/// Every line the bot says itself.
#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct ReplyLines {
    /// Each line in each language.
    lines: Vec<ReplyLine>,
}

/// The merchant's wording of a line.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct ReplyBody {
    /// 1 to 1000 characters.
    text: String,
}

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

/// Every line the bot says itself, kefu's wording and the merchant's.
#[utoipa::path(
    get,
    path = "/v1/admin/replies",
    tag = "replies",
    responses((status = OK, body = ReplyLines))
)]
pub(super) async fn replies(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
) -> Result<Response, ApiError> {
    let own = state.store.reply_templates(&merchant).await?;
    let lines = Line::ALL
        .iter()
        .flat_map(|line| {
            let own = &own;
            crate::engine::replies::LANGS.iter().map(move |&lang| {
                let yours = own
                    .iter()
                    .find(|(k, l, _)| k == line.key() && l == lang.tag())
                    .map(|(_, _, t)| t.clone());
                ReplyLine {
                    key: line.key(),
                    lang: lang.tag(),
                    default: Some(replies::text(*line, lang)),
                    yours,
                }
            })
        })
        .collect();
    Ok(Json(ReplyLines { lines }).into_response())
}

/// Sets the merchant's wording of a line in a language.
#[utoipa::path(
    put,
    path = "/v1/admin/replies/{key}/{lang}",
    tag = "replies",
    params(
        ("key" = String, Path, description = "The line, as GET /v1/admin/replies lists them"),
        ("lang" = String, Path, description = "`en` or `zh`"),
    ),
    request_body = ReplyBody,
    responses(
        (status = OK, body = ReplyLine),
        (status = NOT_FOUND, description = "No such line or language (`no_such_line`, `unsupported_lang`)", body = ErrorBody),
        (status = UNPROCESSABLE_ENTITY, description = "Empty or too long (`invalid_text`), or more suggested questions than the panel shows (`too_many_suggestions`)", body = ErrorBody),
    )
)]
pub(super) async fn set_reply(
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
    Ok(Json(ReplyLine {
        key: line.key(),
        lang,
        default: None,
        yours: Some(text.to_string()),
    })
    .into_response())
}

/// Restores kefu's wording of a line in a language.
#[utoipa::path(
    delete,
    path = "/v1/admin/replies/{key}/{lang}",
    tag = "replies",
    params(
        ("key" = String, Path, description = "The line"),
        ("lang" = String, Path, description = "`en` or `zh`"),
    ),
    responses(
        (status = NO_CONTENT, description = "kefu's wording is used again"),
        (status = NOT_FOUND, description = "No such line or language", body = ErrorBody),
    )
)]
pub(super) async fn reset_reply(
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
