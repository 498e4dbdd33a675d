//! The admin API's OpenAPI document, generated from the handlers' `#[utoipa::path]`
//! attributes and the bodies' `ToSchema` derives, served at `GET /v1/admin/openapi.json`.
//! This file holds what is common to every operation: the title, the API-key scheme, the
//! tags and the error body.

use std::sync::OnceLock;

use axum::http::header;
use axum::response::{IntoResponse, Response};
use utoipa::openapi::OpenApi;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi as _};

/// Every failure's body (see `http/error.rs`).
#[derive(utoipa::ToSchema)]
#[expect(dead_code, reason = "documentation of ApiError's body; never built")]
pub(super) struct ErrorBody {
    /// A sentence a person can act on.
    #[schema(example = "unknown API key: send `Authorization: Bearer <your API key>`")]
    error: String,
    /// A stable machine code (`unauthorized`, `invalid_fields`, …).
    #[schema(example = "unauthorized")]
    code: String,
}

#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "kefu admin API",
        description = "What a merchant manages for their shop: plugins, settings, FAQ, \
            catalogue, plugin secrets and the bot's wording. Every operation but this \
            document needs `Authorization: Bearer <API key>` (`kefu merchant key`) and acts \
            on that key's merchant only. Failures are `{\"error\", \"code\"}`."
    ),
    modifiers(&ApiKey),
    security(("api_key" = [])),
    components(schemas(ErrorBody)),
    tags(
        (name = "plugins", description = "Deploy plugin versions (after replaying recorded calls against them), read their deploy reports, list, roll back and activate versions; the audit log of their calls."),
        (name = "settings", description = "The shop's settings the conversation engine applies."),
        (name = "replies", description = "The merchant's wording of the bot's own lines."),
        (name = "faq", description = "FAQ entries the bot answers from, verbatim."),
        (name = "catalog", description = "The product catalogue plugins read."),
        (name = "secrets", description = "Secrets the merchant's plugins send to their allow-listed origins; write-only."),
        (name = "analytics", description = "Reports: resolution, handoffs, satisfaction, people, intents, plugin versions, unanswered questions (definitions in docs/analytics.md)."),
        (name = "docs", description = "This document."),
    )
)]
struct Base;

/// The `api_key` security scheme: a bearer token.
struct ApiKey;

impl Modify for ApiKey {
    fn modify(&self, openapi: &mut OpenApi) {
        openapi
            .components
            .get_or_insert_with(Default::default)
            .add_security_scheme(
                "api_key",
                SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
            );
    }
}

/// The document before the routes add their operations.
pub(super) fn base() -> OpenApi {
    let mut api = Base::openapi();
    api.info.version = env!("CARGO_PKG_VERSION").to_string();
    api
}

/// The whole document (built once).
pub(super) fn spec() -> &'static OpenApi {
    static SPEC: OnceLock<OpenApi> = OnceLock::new();
    SPEC.get_or_init(|| super::routes().split_for_parts().1)
}

/// This document.
#[utoipa::path(
    get,
    path = "/v1/admin/openapi.json",
    tag = "docs",
    security(()),
    responses((status = OK, description = "The OpenAPI 3.1 document of the admin API", content_type = "application/json"))
)]
pub(super) async fn document() -> Response {
    static JSON: OnceLock<String> = OnceLock::new();
    let json = JSON.get_or_init(|| {
        spec()
            .to_pretty_json()
            .expect("an OpenAPI document serialises")
    });
    ([(header::CONTENT_TYPE, "application/json")], json.as_str()).into_response()
}
