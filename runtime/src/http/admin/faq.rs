//! The shop's FAQ entries through the admin API: list, add, rewrite, remove. The bot gives
//! an entry's answer verbatim when a shopper's message in the entry's language matches its
//! question well enough (`engine/faq.rs`), with a head start for entries tied to the intent
//! the model recognised; these are the entries it reads, and agents add to them from the
//! console too.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::auth::Merchant;
use super::openapi::ErrorBody;
use super::settings::{speaks, spoken};
use super::{ApiError, AppState};
use crate::http::json::Json;
use crate::store::FaqEntry;

/// Longest question, in characters.
const MAX_QUESTION_CHARS: usize = 500;
/// Longest answer, in characters.
const MAX_ANSWER_CHARS: usize = 4000;
/// Most entries a shop may have: every turn compares the message with all of them.
const MAX_ENTRIES: u64 = 1000;

/// An entry to add or the new text of one.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct FaqBody {
    /// The question as shoppers would ask it (1 to 500 characters).
    #[schema(example = "Which countries do you deliver to?")]
    question: String,
    /// The answer, given verbatim (1 to 4000 characters).
    #[schema(example = "We deliver to the EU, the UK and the US.")]
    answer: String,
    /// `en` or `zh`; the shop's default locale when left out.
    #[schema(example = "en")]
    lang: Option<String>,
    /// The intent label it answers, if tied to one (one of the intent model's labels,
    /// e.g. `shipping_policy`): such an entry gets a head start when that intent is
    /// recognised.
    intent: Option<String>,
    /// Whether the entry is shipped to shoppers' browsers with the chat panel, which then
    /// answers it on the device at once and while the connection is down (default `true`:
    /// the FAQ is the shop's public help). A private entry (`false`) is answered by the
    /// runtime only.
    #[serde(default = "public_by_default")]
    #[schema(default = true)]
    public: bool,
}

fn public_by_default() -> bool {
    true
}

/// The shop's FAQ entries.
#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct FaqList {
    /// By id.
    faq: Vec<FaqEntry>,
}

/// The entry as stored, or an error naming the field that is wrong.
async fn checked(
    state: &AppState,
    merchant: &str,
    id: i64,
    body: FaqBody,
) -> Result<FaqEntry, ApiError> {
    let question = body.question.trim();
    if question.is_empty() || question.chars().count() > MAX_QUESTION_CHARS {
        return Err(ApiError::unprocessable(
            "invalid_question",
            format!("question: 1 to {MAX_QUESTION_CHARS} characters"),
        ));
    }
    let answer = body.answer.trim();
    if answer.is_empty() || answer.chars().count() > MAX_ANSWER_CHARS {
        return Err(ApiError::unprocessable(
            "invalid_answer",
            format!("answer: 1 to {MAX_ANSWER_CHARS} characters"),
        ));
    }
    let lang = match body.lang {
        Some(lang) => lang,
        None => state
            .store
            .merchant_settings(merchant)
            .await?
            .map_or_else(|| "en".into(), |s| s.default_locale),
    };
    if !speaks(&lang) {
        return Err(ApiError::unprocessable(
            "unsupported_lang",
            format!(
                "lang: `{lang}` is not a language kefu speaks; use {}",
                spoken()
            ),
        ));
    }
    let labels = state.engine.labels();
    if let Some(intent) = &body.intent
        && !labels.contains(intent)
    {
        return Err(ApiError::unprocessable(
            "unknown_intent",
            format!(
                "intent: `{intent}` is not one of the intent model's labels ({})",
                labels.join(", ")
            ),
        ));
    }
    Ok(FaqEntry {
        id,
        question: question.to_string(),
        answer: answer.to_string(),
        lang,
        intent: body.intent,
        public: body.public,
    })
}

fn no_such_entry(id: &str) -> ApiError {
    ApiError::not_found(
        "no_such_faq",
        format!("this shop has no FAQ entry `{id}`; GET /v1/admin/faq lists them"),
    )
}

/// The id in the path; an id that is not a number names no entry. (Read as text: axum's
/// own rejection of a non-number would not be the API's error shape.)
fn entry_id(id: &str) -> Result<i64, ApiError> {
    id.parse().map_err(|_| no_such_entry(id))
}

/// The shop's FAQ entries.
#[utoipa::path(
    get,
    path = "/v1/admin/faq",
    tag = "faq",
    responses((status = OK, body = FaqList))
)]
pub(super) async fn list(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
) -> Result<Response, ApiError> {
    let faq = state.store.faq(&merchant).await?;
    Ok(Json(FaqList { faq }).into_response())
}

/// Adds an entry.
#[utoipa::path(
    post,
    path = "/v1/admin/faq",
    tag = "faq",
    request_body = FaqBody,
    responses(
        (status = CREATED, body = FaqEntry),
        (status = UNPROCESSABLE_ENTITY, description = "A field is wrong; the error names it (`invalid_question`, `invalid_answer`, `unsupported_lang`, `unknown_intent`)", body = ErrorBody),
        (status = CONFLICT, description = "The shop has 1000 entries (`too_many_faq_entries`)", body = ErrorBody),
    )
)]
pub(super) async fn add(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
    Json(body): Json<FaqBody>,
) -> Result<Response, ApiError> {
    let mut entry = checked(&state, &merchant, 0, body).await?;
    if state.store.faq_count(&merchant).await? >= MAX_ENTRIES {
        return Err(ApiError::conflict(
            "too_many_faq_entries",
            format!("a shop may have at most {MAX_ENTRIES} FAQ entries; remove some first"),
        ));
    }
    entry.id = state
        .store
        .add_faq(
            &merchant,
            &entry.lang,
            entry.intent.as_deref(),
            &entry.question,
            &entry.answer,
            entry.public,
        )
        .await?;
    Ok((StatusCode::CREATED, Json(entry)).into_response())
}

/// Rewrites an entry.
#[utoipa::path(
    put,
    path = "/v1/admin/faq/{id}",
    tag = "faq",
    params(("id" = i64, Path, description = "The entry's id")),
    request_body = FaqBody,
    responses(
        (status = OK, body = FaqEntry),
        (status = NOT_FOUND, description = "The shop has no such entry (`no_such_faq`)", body = ErrorBody),
        (status = UNPROCESSABLE_ENTITY, description = "A field is wrong; the error names it", body = ErrorBody),
    )
)]
pub(super) async fn update(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
    Path(id): Path<String>,
    Json(body): Json<FaqBody>,
) -> Result<Response, ApiError> {
    let entry = checked(&state, &merchant, entry_id(&id)?, body).await?;
    if !state.store.update_faq(&merchant, &entry).await? {
        return Err(no_such_entry(&id));
    }
    Ok(Json(entry).into_response())
}

/// Removes an entry.
#[utoipa::path(
    delete,
    path = "/v1/admin/faq/{id}",
    tag = "faq",
    params(("id" = i64, Path, description = "The entry's id")),
    responses(
        (status = NO_CONTENT, description = "Removed"),
        (status = NOT_FOUND, description = "The shop has no such entry (`no_such_faq`)", body = ErrorBody),
    )
)]
pub(super) async fn remove(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    if !state.store.delete_faq(&merchant, entry_id(&id)?).await? {
        return Err(no_such_entry(&id));
    }
    Ok(StatusCode::NO_CONTENT.into_response())
}
