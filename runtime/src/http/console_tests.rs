//! The console's cookie and host, driven through the whole app without a socket.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use tower::ServiceExt as _;

use super::tests::app;
use super::{AppState, HttpConfig};
use crate::auth;

/// `state` published at `public_url`.
fn at(state: &AppState, public_url: &str) -> AppState {
    AppState {
        config: Arc::new(HttpConfig {
            public_url: public_url.into(),
            ..(*state.config).clone()
        }),
        ..state.clone()
    }
}

async fn get(
    state: &AppState,
    path: &str,
    host: Option<&str>,
    cookie: Option<&str>,
) -> (StatusCode, String, Option<String>) {
    let mut request = Request::builder().uri(path);
    if let Some(host) = host {
        request = request.header(header::HOST, host);
    }
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    let response = crate::app::router(state.clone())
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let set_cookie = response
        .headers()
        .get(header::SET_COOKIE)
        .map(|v| v.to_str().unwrap().to_string());
    let body = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .unwrap();
    (
        status,
        String::from_utf8_lossy(&body).into_owned(),
        set_cookie,
    )
}

#[tokio::test]
async fn console_cookie_is_host_prefixed_over_https() {
    let t = app().await;
    let token = t.cookie.split_once('=').unwrap().1.to_string();
    let https = at(&t.state, "https://chat.shop.example");
    let host = Some("chat.shop.example");
    let prefixed = format!("{}={token}", auth::SECURE_SESSION_COOKIE);
    assert_eq!(
        get(&https, "/v1/agent/me", host, Some(&prefixed)).await.0,
        StatusCode::OK
    );
    // Without the prefix the cookie may come from another host or a plain-http page.
    assert_eq!(
        get(&https, "/v1/agent/me", host, Some(&t.cookie)).await.0,
        StatusCode::UNAUTHORIZED
    );
    let response = crate::app::router(https.clone())
        .oneshot(
            Request::post("/v1/agent/logout")
                .header(header::HOST, "chat.shop.example")
                .header(header::COOKIE, &prefixed)
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    let set = response.headers()[header::SET_COOKIE].to_str().unwrap();
    assert!(set.starts_with("__Host-kefu_agent=;"), "{set}");
    for part in ["; Secure", "; Path=/", "; HttpOnly", "; SameSite=Strict"] {
        assert!(set.contains(part), "{set} lacks {part}");
    }
    assert!(!set.contains("Domain"), "{set}");
    // Over plain http (a laptop, a test) the plain name, not `Secure`.
    let response = crate::app::router(t.state.clone())
        .oneshot(
            Request::post("/v1/agent/logout")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    let set = response.headers()[header::SET_COOKIE].to_str().unwrap();
    assert!(
        set.starts_with("kefu_agent=;") && !set.contains("Secure"),
        "{set}"
    );
}

#[tokio::test]
async fn a_request_with_a_foreign_host_is_refused() {
    let t = app().await;
    let https = at(&t.state, "https://chat.shop.example");
    let cookie = format!(
        "{}={}",
        auth::SECURE_SESSION_COOKIE,
        t.cookie.split_once('=').unwrap().1
    );
    // A page on a site whose name points at this server (DNS rebinding) reaches nothing of
    // the console: its API, its page or its socket.
    for path in [
        "/v1/agent/me",
        "/v1/agent/queue",
        "/console",
        "/v1/agent/ws",
    ] {
        let (status, body, _) =
            get(&https, path, Some("rebound.evil.example"), Some(&cookie)).await;
        assert_eq!(status, StatusCode::MISDIRECTED_REQUEST, "{path}: {body}");
        assert!(body.contains("\"code\":\"wrong_host\""), "{body}");
    }
    assert_eq!(
        get(
            &https,
            "/v1/agent/me",
            Some("chat.shop.example:443"),
            Some(&cookie)
        )
        .await
        .0,
        StatusCode::OK
    );
    // The shopper's side and the health check answer whatever the host.
    assert_eq!(
        get(&https, "/healthz", Some("10.0.0.7:8080"), None).await.0,
        StatusCode::OK
    );
    // A loopback runtime answers on every loopback name (tests use 127.0.0.1 and localhost).
    let local = at(&t.state, "http://127.0.0.1:8080");
    for host in ["127.0.0.1:8080", "localhost:8080"] {
        assert_eq!(
            get(&local, "/v1/agent/me", Some(host), Some(&t.cookie))
                .await
                .0,
            StatusCode::OK,
            "{host}"
        );
    }
}
