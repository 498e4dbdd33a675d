//! The admin API: what a merchant manages for their shop. Authenticated by a merchant API
//! key (`Authorization: Bearer …`, stored hashed; [`auth::Merchant`]); every route acts on
//! the key's merchant only, so a merchant can never name another merchant's plugins,
//! settings or secrets. Failures are the API's `{"error", "code"}` ([`ApiError`]).
//!
//! One file per job:
//!
//! - [`plugins`]: deploy (replaying recorded calls first), list, roll back and activate
//!   plugin versions; a version's deploy report; the plugin audit log
//!   (`/v1/admin/plugins…`, `/v1/admin/audit`);
//! - [`settings`]: the shop's name, refund cap, business hours, reply time, handoff phrases
//!   and default locale (`/v1/admin/settings`, `/v1/admin/handoff-phrases`);
//! - [`privacy`]: how long conversations are kept (`/v1/admin/privacy`);
//! - [`replies`]: the merchant's wording of the bot's own lines (`/v1/admin/replies…`);
//! - [`faq`]: FAQ entries (`/v1/admin/faq…`);
//! - [`catalog`]: the product catalogue, imported from CSV or JSON (`/v1/admin/catalog`);
//! - [`secrets`]: plugin secrets, write-only (`/v1/admin/secrets…`);
//! - [`analytics`]: the shop's reports, the conversations behind a figure, CSV, and the
//!   questions the bot could not answer (`/v1/admin/analytics…`);
//! - [`openapi`]: the OpenAPI document of all of the above, `GET /v1/admin/openapi.json`
//!   (no key needed: it is documentation).
//!
//! Every route is registered through `routes!` from its handler's `#[utoipa::path]`, so
//! the document is generated from the same attributes the router is: a route cannot exist
//! undocumented (`openapi_documents_every_admin_route` checks that nothing is added any
//! other way).

mod analytics;
#[cfg(test)]
mod analytics_plugin_tests;
#[cfg(test)]
mod analytics_tests;
mod auth;
mod catalog;
#[cfg(test)]
mod catalog_tests;
mod faq;
mod openapi;
#[cfg(test)]
mod openapi_tests;
mod plugins;
mod privacy;
mod replies;
mod secrets;
mod settings;
#[cfg(test)]
pub(crate) mod tests;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::AppState;
use super::error::ApiError;
use crate::plugins::compile::MAX_COMPONENT_BYTES;

/// Every admin route with its documentation.
fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(openapi::base())
        .routes(routes!(plugins::list, plugins::deploy))
        .routes(routes!(plugins::rollback))
        .routes(routes!(plugins::activate))
        .routes(routes!(plugins::report))
        .routes(routes!(plugins::audit))
        .routes(routes!(settings::get_settings, settings::put_settings))
        .routes(routes!(
            settings::handoff_phrases,
            settings::set_handoff_phrases
        ))
        .routes(routes!(privacy::get_privacy, privacy::put_privacy))
        .routes(routes!(replies::replies))
        .routes(routes!(replies::set_reply, replies::reset_reply))
        .routes(routes!(faq::list, faq::add))
        .routes(routes!(faq::update, faq::remove))
        .routes(routes!(catalog::list, catalog::import))
        .routes(routes!(secrets::list))
        .routes(routes!(secrets::set, secrets::remove))
        .routes(routes!(analytics::report))
        .routes(routes!(analytics::conversations))
        .routes(routes!(analytics::export))
        .routes(routes!(analytics::unanswered))
        .routes(routes!(openapi::document))
}

pub(crate) fn router() -> Router<AppState> {
    let (router, _) = routes().split_for_parts();
    // Base64 makes a component a third larger. Catalogue imports check their own, smaller
    // limit.
    router.layer(DefaultBodyLimit::max(
        MAX_COMPONENT_BYTES * 4 / 3 + 64 * 1024,
    ))
}
