//! A merchant's plugins through the admin API: deploy a version (after replaying recorded
//! calls against it; the answer carries the report), read a version's deploy report, list
//! versions, roll back, activate one, and read the audit log of their calls. The work is
//! the registry's ([`crate::registry`]); this file only speaks HTTP.

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::auth::Merchant;
use super::openapi::ErrorBody;
use super::{ApiError, AppState};
use crate::http::json::Json;
use crate::registry::{Activated, DeployReport, Deployed};
use crate::store::PluginVersion;

/// A plugin version to deploy.
#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct DeployBody {
    /// The plugin's `manifest.toml`, as text.
    manifest: String,
    /// The component (`plugin.wasm`), base64.
    component: String,
}

/// Options of a deploy.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(super) struct DeployQuery {
    /// Activate the version even if calls that answered when recorded now fail on it.
    #[serde(default)]
    force: bool,
}

/// A version that went live, and what replaying recorded calls against it found.
#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct DeployedBody {
    #[serde(flatten)]
    activated: Activated,
    /// The deploy report (also at `GET …/versions/{version}/report`).
    report: DeployReport,
}

/// A deploy its replays refused: the error body and the report.
#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct RefusedBody {
    /// What to do: "3 of 120 recorded calls now fail (…); deploy with force to activate
    /// anyway".
    error: String,
    /// `breaks_recorded_calls`.
    code: String,
    /// The deploy report, call by call.
    report: DeployReport,
}

/// A deployed version and the verdict of its deploy report.
#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct VersionEntry {
    #[serde(flatten)]
    version: PluginVersion,
    /// The report's verdict (`clear`, `changed`, `forced`); none for a version deployed
    /// without replays (one bundled with kefu).
    verdict: Option<String>,
    /// The report's one sentence.
    summary: Option<String>,
}

/// A version its replays refused: it was never deployed, and its report says why.
#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct RefusedEntry {
    /// Plugin name.
    name: String,
    /// The refused version (`GET …/versions/{version}/report`).
    version: String,
    /// Always `refused`.
    verdict: String,
    /// The report's one sentence.
    summary: String,
    /// When it was refused, Unix ms.
    refused_at: i64,
}

/// The merchant's plugin versions.
#[derive(Serialize, utoipa::ToSchema)]
pub(super) struct PluginList {
    /// Every deployed version, newest first per plugin, with which one serves.
    plugins: Vec<VersionEntry>,
    /// Versions refused at deploy and never deployed since, newest first per plugin.
    refused: Vec<RefusedEntry>,
}

/// Deploys a plugin version: replays the merchant's latest recorded calls of the plugin
/// against it (with the recorded host answers and clock) and makes it serve, unless calls
/// that answered when recorded now fail, trap or time out (then 409 with the report, and
/// the serving version stays; `?force=true` activates it anyway). Changed answers are
/// reported and do not refuse a version.
#[utoipa::path(
    post,
    path = "/v1/admin/plugins",
    tag = "plugins",
    request_body = DeployBody,
    params(DeployQuery),
    responses(
        (status = CREATED, description = "Deployed and serving, with its deploy report", body = DeployedBody),
        (status = UNPROCESSABLE_ENTITY, description = "Invalid manifest or component (`invalid_manifest`, `invalid_component`, `incompatible_component`)", body = ErrorBody),
        (status = CONFLICT, description = "Recorded calls that answered fail on this version (`breaks_recorded_calls`, with the report; not activated), or that version exists (`version_exists`)", body = RefusedBody),
    )
)]
pub(super) async fn deploy(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
    Query(q): Query<DeployQuery>,
    Json(body): Json<DeployBody>,
) -> Result<Response, ApiError> {
    let component = base64::engine::general_purpose::STANDARD
        .decode(body.component.trim())
        .map_err(|e| {
            ApiError::bad_request("bad_component", format!("component is not base64: {e}"))
        })?;
    let deployed = state
        .registry
        .deploy(&merchant, &body.manifest, component, q.force)
        .await?;
    Ok(match deployed {
        Deployed::Live { activated, report } => (
            StatusCode::CREATED,
            Json(DeployedBody {
                activated,
                report: *report,
            }),
        )
            .into_response(),
        Deployed::Refused { report } => (
            StatusCode::CONFLICT,
            Json(RefusedBody {
                error: report.summary.clone(),
                code: "breaks_recorded_calls".into(),
                report: *report,
            }),
        )
            .into_response(),
    })
}

/// The deploy report of one version: what replaying recorded calls against it found when it
/// was last deployed, whether it went live or was refused.
#[utoipa::path(
    get,
    path = "/v1/admin/plugins/{name}/versions/{version}/report",
    tag = "plugins",
    params(
        ("name" = String, Path, description = "The plugin's name"),
        ("version" = String, Path, description = "A version deployed, or refused, here"),
    ),
    responses(
        (status = OK, description = "The report", body = DeployReport),
        (status = NOT_FOUND, description = "No deploy of that version (`no_such_report`)", body = ErrorBody),
    )
)]
pub(super) async fn report(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
    Path((name, version)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    Ok(Json(state.registry.report(&merchant, &name, &version).await?).into_response())
}

/// Lists the merchant's plugin versions with their deploy reports' verdicts, and the
/// versions refused at deploy.
#[utoipa::path(
    get,
    path = "/v1/admin/plugins",
    tag = "plugins",
    responses((status = OK, body = PluginList))
)]
pub(super) async fn list(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
) -> Result<Response, ApiError> {
    let versions = state.registry.list(&merchant).await?;
    let mut headlines = state.store.deploy_report_headlines(&merchant).await?;
    let plugins = versions
        .into_iter()
        .map(|version| {
            let headline = headlines
                .iter()
                .position(|h| h.name == version.name && h.version == version.version)
                .map(|i| headlines.remove(i));
            VersionEntry {
                verdict: headline.as_ref().map(|h| h.verdict.clone()),
                summary: headline.map(|h| h.summary),
                version,
            }
        })
        .collect();
    // What is left has no deployed version: refused, and not deployed since.
    let refused = headlines
        .into_iter()
        .filter(|h| h.verdict == "refused")
        .map(|h| RefusedEntry {
            name: h.name,
            version: h.version,
            verdict: h.verdict,
            summary: h.summary,
            refused_at: h.created_at,
        })
        .collect();
    Ok(Json(PluginList { plugins, refused }).into_response())
}

/// Makes the version deployed before the serving one serve again.
#[utoipa::path(
    post,
    path = "/v1/admin/plugins/{name}/rollback",
    tag = "plugins",
    params(("name" = String, Path, description = "The plugin's name")),
    responses(
        (status = OK, description = "Rolled back", body = Activated),
        (status = CONFLICT, description = "No earlier version (`no_earlier_version`)", body = ErrorBody),
    )
)]
pub(super) async fn rollback(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
    Path(name): Path<String>,
) -> Result<Response, ApiError> {
    Ok(Json(state.registry.rollback(&merchant, &name).await?).into_response())
}

/// Makes one deployed version serve.
#[utoipa::path(
    post,
    path = "/v1/admin/plugins/{name}/versions/{version}/activate",
    tag = "plugins",
    params(
        ("name" = String, Path, description = "The plugin's name"),
        ("version" = String, Path, description = "A deployed version"),
    ),
    responses(
        (status = OK, description = "Activated", body = Activated),
        (status = NOT_FOUND, description = "No such version (`no_such_version`)", body = ErrorBody),
    )
)]
pub(super) async fn activate(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
    Path((name, version)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    Ok(Json(state.registry.activate(&merchant, &name, &version).await?).into_response())
}

#[derive(Deserialize)]
pub(super) struct AuditQuery {
    limit: Option<u32>,
}

/// The latest plugin calls: who, what, how long, what money they moved, how they ended.
#[utoipa::path(
    get,
    path = "/v1/admin/audit",
    tag = "plugins",
    params(("limit" = Option<u32>, Query, description = "How many calls, newest first (1 to 1000, default 100)")),
    responses((status = OK, description = "`{\"calls\": [...]}`", body = serde_json::Value))
)]
pub(super) async fn audit(
    State(state): State<AppState>,
    Merchant(merchant): Merchant,
    Query(q): Query<AuditQuery>,
) -> Result<Response, ApiError> {
    let limit = q.limit.unwrap_or(100).clamp(1, 1000);
    let calls = state.store.plugin_calls(&merchant, limit).await?;
    Ok(Json(json!({ "calls": calls })).into_response())
}
