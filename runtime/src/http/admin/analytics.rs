//! The shop's reports through the admin API (`docs/analytics.md` defines every figure):
//! the report over a date range, the conversations behind any one figure, the by-day
//! table as CSV, and the questions the bot could not answer, grouped, each ready to become
//! an FAQ entry (`POST /v1/admin/faq` with the group's `faq` and an answer).
//!
//! Every endpoint takes the same filter: `from` and `to` (UTC days, inclusive, at most 366
//! days apart), and optionally `lang` and `channel`. Texts shown (a conversation's first
//! line, the questions) have emails and phone numbers masked.

use std::collections::HashMap;

use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::auth::Merchant;
use super::openapi::ErrorBody;
use super::{ApiError, AppState};
use crate::analytics::hours::day_start;
use crate::analytics::{self, Filter, Metric, QuestionGroup, Report};
use crate::http::json::Json;
use crate::plugins::record::redact_text;
use crate::store::report_now;

/// Longest range a report covers, in days.
const MAX_DAYS: i64 = 366;
const DAY_MS: i64 = 86_400_000;

/// The report and the filter it answers.
#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct ReportBody {
    /// First day.
    from: String,
    /// Last day.
    to: String,
    /// The language asked for, if any.
    lang: Option<String>,
    /// The channel asked for, if any.
    channel: Option<String>,
    /// The figures.
    #[serde(flatten)]
    report: Report,
}

/// A conversation behind a figure.
#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct Behind {
    /// The conversation's id (the console opens it).
    conversation: String,
    /// The day it started.
    day: String,
    /// Its language.
    lang: String,
    /// The shopper's first message, emails and phone numbers masked.
    line: String,
}

/// The conversations behind one figure.
#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct BehindList {
    /// How many (all of them are listed, oldest first).
    count: usize,
    /// The conversations.
    conversations: Vec<Behind>,
}

/// A draft FAQ entry for a question group: post it with an answer.
#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct FaqDraft {
    /// The question.
    question: String,
    /// Its language.
    lang: String,
}

/// A group of similar unanswered questions.
#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct Unanswered {
    /// The group.
    #[serde(flatten)]
    group: QuestionGroup,
    /// `POST /v1/admin/faq` this with an `answer` to teach the bot.
    faq: FaqDraft,
}

/// The questions the bot could not answer, most asked first.
#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct UnansweredList {
    /// Up to `limit` groups.
    questions: Vec<Unanswered>,
}

/// The filter and the Unix ms range it covers.
fn filter(q: &HashMap<String, String>) -> Result<(Filter, i64, i64), ApiError> {
    let day = |name: &str| -> Result<(String, i64), ApiError> {
        let value = q.get(name).map(|s| s.trim()).unwrap_or_default();
        let start = day_start(value).ok_or_else(|| {
            ApiError::bad_request(
                "invalid_range",
                format!("{name}: a day as YYYY-MM-DD (UTC) is required, got `{value}`"),
            )
        })?;
        Ok((value.to_string(), start))
    };
    let (from, start) = day("from")?;
    let (to, last) = day("to")?;
    if last < start {
        return Err(ApiError::bad_request(
            "invalid_range",
            format!("to ({to}) is before from ({from})"),
        ));
    }
    if (last - start) / DAY_MS >= MAX_DAYS {
        return Err(ApiError::bad_request(
            "invalid_range",
            format!("a report covers at most {MAX_DAYS} days; narrow from and to"),
        ));
    }
    let opt = |name: &str| {
        q.get(name)
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let filter = Filter {
        from,
        to,
        lang: opt("lang"),
        channel: opt("channel"),
    };
    Ok((filter, start, last + DAY_MS))
}

/// The report over a date range.
#[utoipa::path(
    get,
    path = "/v1/admin/analytics",
    tag = "analytics",
    params(Filter),
    responses(
        (status = OK, body = ReportBody),
        (status = BAD_REQUEST, description = "`from`/`to` missing, not days, reversed or over 366 days apart (`invalid_range`)", body = ErrorBody),
    )
)]
pub(super) async fn report(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let (filter, start, until) = filter(&q)?;
    let parts = state
        .store
        .report_parts(&merchant, start, until, report_now())
        .await?;
    let calls = state
        .store
        .plugin_call_rows(&merchant, start, until)
        .await?;
    let report = analytics::report_from_parts(&filter, &parts, &calls);
    Ok(Json(ReportBody {
        from: filter.from,
        to: filter.to,
        lang: filter.lang,
        channel: filter.channel,
        report,
    })
    .into_response())
}

/// The conversations behind one figure of the report with the same filter.
#[utoipa::path(
    get,
    path = "/v1/admin/analytics/conversations",
    tag = "analytics",
    params(
        Filter,
        ("metric" = Metric, Query, description = "The figure: `handoffs`, `resolved_assumed`, `csat_human`, `clarifications`, …"),
        ("reason" = Option<String>, Query, description = "With `handoffs`: only this reason kind"),
        ("intent" = Option<String>, Query, description = "With `handoffs` and the per-intent figures: only this intent"),
    ),
    responses(
        (status = OK, body = BehindList),
        (status = BAD_REQUEST, description = "A bad range (`invalid_range`) or an unknown metric (`unknown_metric`)", body = ErrorBody),
    )
)]
pub(super) async fn conversations(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let (filter, start, until) = filter(&q)?;
    let name = q.get("metric").map(String::as_str).unwrap_or_default();
    let metric: Metric = serde_json::from_value(serde_json::Value::String(name.into()))
        .map_err(|_| {
            ApiError::bad_request(
                "unknown_metric",
                format!("metric: `{name}` is not a figure of the report (e.g. handoffs, involved, resolved_assumed)"),
            )
        })?;
    let facts = state
        .store
        .conversation_facts(&merchant, start, until, report_now())
        .await?;
    let reason = q.get("reason").map(String::as_str);
    let intent = q.get("intent").map(String::as_str);
    let behind: Vec<Behind> = analytics::drill_down(&filter, &facts, metric, reason, intent)
        .into_iter()
        .map(|f| Behind {
            conversation: f.id.clone(),
            day: f.day.clone(),
            lang: f.lang.clone(),
            line: redact_text(&f.first_line),
        })
        .collect();
    Ok(Json(BehindList {
        count: behind.len(),
        conversations: behind,
    })
    .into_response())
}

/// The by-day figures as CSV.
#[utoipa::path(
    get,
    path = "/v1/admin/analytics/export.csv",
    tag = "analytics",
    params(Filter),
    responses(
        (status = OK, description = "One row per day and a `total` row", content_type = "text/csv"),
        (status = BAD_REQUEST, description = "A bad range (`invalid_range`)", body = ErrorBody),
    )
)]
pub(super) async fn export(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let (filter, start, until) = filter(&q)?;
    let parts = state
        .store
        .report_parts(&merchant, start, until, report_now())
        .await?;
    let calls = state
        .store
        .plugin_call_rows(&merchant, start, until)
        .await?;
    let csv = analytics::report_csv(&analytics::report_from_parts(&filter, &parts, &calls));
    let disposition = format!(
        "attachment; filename=\"kefu-{merchant}-{}-{}.csv\"",
        filter.from, filter.to
    );
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        csv,
    )
        .into_response())
}

/// The questions the bot could not answer, grouped by similarity.
#[utoipa::path(
    get,
    path = "/v1/admin/analytics/unanswered",
    tag = "analytics",
    params(Filter, ("limit" = Option<u32>, Query, description = "How many groups (1 to 100, default 20)")),
    responses(
        (status = OK, body = UnansweredList),
        (status = BAD_REQUEST, description = "A bad range (`invalid_range`)", body = ErrorBody),
    )
)]
pub(super) async fn unanswered(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, ApiError> {
    let (filter, start, until) = filter(&q)?;
    let limit = q
        .get("limit")
        .and_then(|l| l.parse::<usize>().ok())
        .unwrap_or(20)
        .clamp(1, 100);
    let mut facts = state
        .store
        .conversation_facts(&merchant, start, until, report_now())
        .await?;
    facts.sort_by(|a, b| a.created_at.cmp(&b.created_at).then(a.id.cmp(&b.id)));
    let asked: Vec<(String, String, String)> = facts
        .iter()
        .filter(|f| filter.keeps(f))
        .flat_map(|f| {
            f.unanswered
                .iter()
                .map(|t| (f.lang.clone(), redact_text(t), f.id.clone()))
        })
        .collect();
    let questions = analytics::group_questions(&asked, limit)
        .into_iter()
        .map(|group| Unanswered {
            faq: FaqDraft {
                question: group.question.clone(),
                lang: group.lang.clone(),
            },
            group,
        })
        .collect();
    Ok(Json(UnansweredList { questions }).into_response())
}
