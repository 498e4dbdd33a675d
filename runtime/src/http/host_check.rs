//! The console answers only to the host it is published at.
//!
//! A request for the agent console (`/console…`, `/v1/agent/…`) must name, in its `Host`
//! header, the host of the runtime's public URL (`--public-url`). Otherwise a page on
//! another site whose name an attacker points at this server (DNS rebinding) could reach
//! the console from an agent's browser as if it were that site's own; and the host the
//! console's cookie is bound to is the public one. When the public host is a loopback name
//! (`127.0.0.1`, `localhost`, `[::1]`: a runtime on a developer's machine or in tests), any
//! loopback name with the same port is that host too. A request without a `Host` (no
//! browser sends one) is let through.
//!
//! Only the console is checked. The shopper's chat and the widget's files are reached from
//! every shop's pages and carry no cookie; a proxy that rewrites `Host` (nginx's default)
//! must not silently take every shop's chat down. The admin API is authenticated by a key
//! in a header, which no other site's page can make a browser send, and operators often
//! call it from the server itself (`http://127.0.0.1:8080`). `/healthz` is probed by
//! address.

use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::error::ApiError;
use super::{AppState, HttpConfig};

/// Whether `path` is the console's (page, API or live socket).
fn is_console(path: &str) -> bool {
    path == "/console" || path.starts_with("/console/") || path.starts_with("/v1/agent/")
}

/// `host[:port]` split, lower-cased, with the default port of `scheme` when none is given.
fn host_and_port(authority: &str, scheme: &str) -> (String, u16) {
    let authority = authority.trim().to_ascii_lowercase();
    let default = if scheme == "https" { 443 } else { 80 };
    // `[::1]:8080`, `[::1]`, `host:8080`, `host`.
    if let Some(rest) = authority.strip_prefix('[') {
        let (host, after) = rest.split_once(']').unwrap_or((rest, ""));
        let port = after
            .strip_prefix(':')
            .and_then(|p| p.parse().ok())
            .unwrap_or(default);
        return (format!("[{host}]"), port);
    }
    match authority.rsplit_once(':') {
        Some((host, port)) if port.bytes().all(|b| b.is_ascii_digit()) && !port.is_empty() => {
            (host.to_string(), port.parse().unwrap_or(default))
        }
        _ => (authority, default),
    }
}

fn is_loopback(host: &str) -> bool {
    matches!(host, "localhost" | "[::1]") || host.starts_with("127.")
}

/// Whether a request naming `host` (its `Host` header) is for the public URL of `config`.
pub fn host_allowed(config: &HttpConfig, host: &str) -> bool {
    let (scheme, rest) = config
        .public_url
        .split_once("://")
        .unwrap_or(("http", config.public_url.as_str()));
    let authority = rest.split('/').next().unwrap_or(rest);
    let public = host_and_port(authority, scheme);
    let asked = host_and_port(host, scheme);
    asked == public || (is_loopback(&public.0) && is_loopback(&asked.0) && asked.1 == public.1)
}

/// Refuses console requests for any other host than the public URL's.
pub(crate) async fn console_host(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    if is_console(request.uri().path()) {
        let host = request
            .headers()
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .map(str::to_string)
            .or_else(|| request.uri().authority().map(|a| a.to_string()));
        if let Some(host) = host
            && !host_allowed(&state.config, &host)
        {
            tracing::info!(host = %host, "console request for a foreign host refused");
            return ApiError::new(
                StatusCode::MISDIRECTED_REQUEST,
                "wrong_host",
                format!(
                    "the console is served at {} only; behind a proxy, pass the Host header \
                     through (nginx: `proxy_set_header Host $host;`), or set --public-url",
                    state.config.public_url
                ),
            )
            .into_response();
        }
    }
    next.run(request).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(public_url: &str) -> HttpConfig {
        HttpConfig {
            assets_dir: "dist".into(),
            www_dir: "www".into(),
            public_url: public_url.into(),
            demo: false,
            demo_agents: vec![],
            trusted_proxies: Default::default(),
        }
    }

    #[test]
    fn the_public_host_is_allowed_with_or_without_its_default_port() {
        let c = config("https://chat.shop.example");
        assert!(host_allowed(&c, "chat.shop.example"));
        assert!(host_allowed(&c, "Chat.Shop.Example:443"));
        assert!(!host_allowed(&c, "chat.shop.example:8443"));
        assert!(!host_allowed(&c, "evil.example"));
        assert!(!host_allowed(&c, "127.0.0.1:8080"));
        // A loopback runtime answers to every loopback name on its port (tests, laptops).
        let c = config("http://127.0.0.1:8080");
        assert!(host_allowed(&c, "127.0.0.1:8080"));
        assert!(host_allowed(&c, "localhost:8080"));
        assert!(host_allowed(&c, "[::1]:8080"));
        assert!(!host_allowed(&c, "localhost:9090"));
        assert!(!host_allowed(&c, "rebound.evil.example:8080"));
    }
}
