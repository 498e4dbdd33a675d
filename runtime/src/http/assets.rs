//! Static files: the loader (`/kefu.js`) and its TypeScript declarations (`/kefu.d.ts`), the
//! widget's iframe app (`/widget/…`) and the demo storefront (`/`, from `www/`).
//!
//! The agent console (`/console`, from `www/console/`) is a static page with its own strict
//! policy: its scripts and styles come only from this origin, it may not be framed, and it
//! talks only to this runtime's API.
//!
//! The widget's files are served precompressed (`FILE.gz`, written by `cargo xtask build`)
//! to browsers that accept gzip.
//!
//! The widget iframe gets a strict Content-Security-Policy of its own (it needs
//! `wasm-unsafe-eval`; the shop's page does not, because the Wasm only ever runs here).
//! Images may come from any https origin: the shop's logo is a URL on the merchant's own
//! server (`engine::brand`); an image runs no script and the panel's brand colours are set
//! through the CSSOM, so `style-src` stays `'self'`.
//! Demo pages embed the loader as `http://127.0.0.1:8080/kefu.js`, exactly as a web
//! developer would; when the runtime is reached at another address that origin is
//! rewritten to [`HttpConfig::public_url`], so the same page works on any port.

use axum::Router;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use tower::ServiceBuilder;
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

use super::{AppState, HttpConfig};

/// The origin the demo pages are written for.
const DEMO_ORIGIN: &str = "http://127.0.0.1:8080";

const WIDGET_CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; \
    worker-src 'self'; connect-src 'self'; style-src 'self'; img-src 'self' data: https:; \
    base-uri 'none'; form-action 'none'";

const CONSOLE_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
    connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; \
    frame-ancestors 'none'";

pub(crate) fn router(config: &HttpConfig) -> Router<AppState> {
    let widget = ServiceBuilder::new()
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(WIDGET_CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        // Caches must keep the gzipped and the plain copy apart.
        .layer(SetResponseHeaderLayer::overriding(
            header::VARY,
            HeaderValue::from_static("accept-encoding"),
        ))
        // `cargo xtask build` writes a `.gz` beside every file: browsers that accept gzip
        // get the model runtime at a quarter of its size, compressed once at build time.
        .service(ServeDir::new(config.assets_dir.join("widget")).precompressed_gzip());
    Router::new()
        .route("/kefu.js", get(loader))
        .route("/kefu.d.ts", get(declarations))
        .route(
            "/console",
            get(|state| console(state, Path("index.html".to_string()))),
        )
        .route("/console/{file}", get(console))
        .route("/console/vendor/{file}", get(console_vendor))
        .route(
            "/",
            get(|state| page(state, Path("index.html".to_string()))),
        )
        .route("/{page}", get(page))
        .nest_service("/widget", widget)
}

/// The loader, on every page of the shop: gzipped (written by `cargo xtask build`) when the
/// browser accepts it, like the widget's files.
async fn loader(State(state): State<AppState>, request: Request) -> Response {
    use tower::ServiceExt as _;
    let path = state.config.assets_dir.join("kefu.js");
    if let Err(e) = tokio::fs::metadata(&path).await {
        tracing::error!(path = %path.display(), error = %e, "widget loader missing; run `cargo xtask build`");
        return (StatusCode::SERVICE_UNAVAILABLE, "widget not built\n").into_response();
    }
    let served = ServeFile::new(&path).precompressed_gzip().oneshot(request);
    let mut response = match served.await {
        Ok(response) => response.into_response(),
        Err(never) => match never {},
    };
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/javascript; charset=utf-8"),
    );
    // Short: the loader is tiny and must pick up new widget versions quickly.
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=300"),
    );
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    response
}

/// The loader's TypeScript declarations, for a shop's developers to copy into their project.
async fn declarations(State(state): State<AppState>) -> Response {
    match tokio::fs::read(state.config.assets_dir.join("kefu.d.ts")).await {
        Ok(body) => (
            [
                (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
                (header::CACHE_CONTROL, "public, max-age=300"),
            ],
            body,
        )
            .into_response(),
        Err(_) => (StatusCode::NOT_FOUND, "not found\n").into_response(),
    }
}

/// The console's files: a fixed list, each with its type and the console's policy.
async fn console(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let content_type = match file.as_str() {
        "index.html" => "text/html; charset=utf-8",
        "console.js" => "text/javascript; charset=utf-8",
        "console.css" => "text/css; charset=utf-8",
        "reports.html" => "text/html; charset=utf-8",
        "reports.js" => "text/javascript; charset=utf-8",
        "reports.css" => "text/css; charset=utf-8",
        "plugins.html" => "text/html; charset=utf-8",
        "plugins.js" => "text/javascript; charset=utf-8",
        "plugins.css" => "text/css; charset=utf-8",
        _ => return (StatusCode::NOT_FOUND, "not found\n").into_response(),
    };
    console_file(&state, &file, content_type).await
}

/// The console's third-party files (`www/console/vendor/`, see its README): a fixed list.
async fn console_vendor(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let content_type = match file.as_str() {
        "uPlot.iife.min.js" => "text/javascript; charset=utf-8",
        "uPlot.min.css" => "text/css; charset=utf-8",
        _ => return (StatusCode::NOT_FOUND, "not found\n").into_response(),
    };
    console_file(&state, &format!("vendor/{file}"), content_type).await
}

/// A console file with the console's policy.
async fn console_file(state: &AppState, file: &str, content_type: &'static str) -> Response {
    match tokio::fs::read(state.config.www_dir.join("console").join(file)).await {
        Ok(body) => (
            [
                (header::CONTENT_TYPE, content_type),
                (header::CONTENT_SECURITY_POLICY, CONSOLE_CSP),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
                (header::REFERRER_POLICY, "no-referrer"),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            body,
        )
            .into_response(),
        Err(_) => (StatusCode::NOT_FOUND, "not found\n").into_response(),
    }
}

async fn page(State(state): State<AppState>, Path(name): Path<String>) -> Response {
    // Only plain page names: no paths, no dot-files.
    let valid = name.ends_with(".html")
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if !valid {
        return (StatusCode::NOT_FOUND, "not found\n").into_response();
    }
    match tokio::fs::read_to_string(state.config.www_dir.join(&name)).await {
        Ok(body) => Html(body.replace(DEMO_ORIGIN, &state.config.public_url)).into_response(),
        Err(_) => (StatusCode::NOT_FOUND, "not found\n").into_response(),
    }
}

#[cfg(test)]
mod tests {
    use kefu_protocol::{Author, CONTACT_INTENT, CSAT_INTENT, CSAT_SCALE, ConversationState};

    /// The console is plain JavaScript and cannot import `kefu-protocol`: it spells the
    /// wire values it compares against (intents, states, authors, the console socket's
    /// events, the rating scale), and this keeps the spellings in step.
    #[test]
    fn the_console_spells_the_protocols_values_as_the_runtime_does() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../www/console/console.js");
        let js = std::fs::read_to_string(path).unwrap();
        let author = |a: Author| {
            serde_json::to_value(a)
                .unwrap()
                .as_str()
                .unwrap()
                .to_owned()
        };
        for value in [
            CONTACT_INTENT.to_string(),
            CSAT_INTENT.to_string(),
            ConversationState::WaitingForHuman.as_str().to_string(),
            ConversationState::Human.as_str().to_string(),
            author(Author::Shopper),
            author(Author::Agent),
            super::super::agent::READY_EVENT.to_string(),
            super::super::agent::RESYNC_EVENT.to_string(),
        ] {
            assert!(
                js.contains(&format!("'{value}'")),
                "console.js lacks '{value}'"
            );
        }
        assert!(
            js.contains(&format!(" / {CSAT_SCALE})")),
            "console.js shows scores out of another scale than {CSAT_SCALE}"
        );
    }
}
