//! The HTTP app driven without a socket (`oneshot` on the router): every JSON endpoint
//! fails a bad body with the documented `{"error", "code"}`.

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use tower::ServiceExt as _;

use super::AppState;
use crate::auth;

/// A runtime on a fresh data directory with no plugins, and the credentials each API wants.
pub(super) struct TestApp {
    pub(super) state: AppState,
    /// `Cookie` header of a logged-in demo agent.
    pub(super) cookie: String,
    /// `Authorization` header with the demo merchant's API key.
    pub(super) bearer: String,
    data_dir: std::path::PathBuf,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}

pub(super) async fn app() -> TestApp {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let data_dir = std::env::temp_dir().join(format!(
        "kefu-http-test-{}-{}",
        std::process::id(),
        uuid::Uuid::new_v4().simple()
    ));
    let plugins_dir = data_dir.join("no-plugins");
    std::fs::create_dir_all(&plugins_dir).unwrap();
    let args = crate::app::ServeArgs {
        assets_dir: root.join("dist"),
        secrets_key_file: Some(write_secrets_key(&data_dir)),
        ..crate::app::ServeArgs::demo_in(
            ([127, 0, 0, 1], 0).into(),
            data_dir.clone(),
            root.join("www"),
            plugins_dir,
        )
    };
    let state = crate::app::build_app(&args, args.listen).await.unwrap();
    let store = &state.store;
    // The password is never checked: the session is made directly.
    let agent = store
        .add_agent("demo", "walker@demo.test", "Walker", "unused")
        .await
        .unwrap();
    let token = auth::new_token();
    store
        .create_session(agent.id, &auth::token_hash(&token), 60_000)
        .await
        .unwrap();
    let key = store.create_api_key("demo", "test").await.unwrap();
    TestApp {
        state,
        cookie: format!("{}={token}", auth::SESSION_COOKIE),
        bearer: format!("Bearer {key}"),
        data_dir,
    }
}

/// A secrets key readable by its owner only, as `--secrets-key-file` wants it.
pub(super) fn write_secrets_key(data_dir: &std::path::Path) -> std::path::PathBuf {
    let key_file = data_dir.join("secrets.key");
    std::fs::write(&key_file, "07".repeat(32)).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&key_file, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    key_file
}

/// Who may call an endpoint.
#[derive(Debug, Clone, Copy)]
pub(super) enum Auth {
    None,
    Agent,
    Admin,
}

/// Every endpoint that reads a JSON body. A new one belongs here: the walk below is what
/// keeps their failures alike, and `body_fuzz.rs` sends each of them random bodies.
pub(super) const JSON_ENDPOINTS: &[(Method, &str, Auth)] = &[
    (Method::POST, "/v1/agent/login", Auth::None),
    (Method::POST, "/v1/agent/faq", Auth::Agent),
    (
        Method::POST,
        "/v1/agent/conversations/c1/reply",
        Auth::Agent,
    ),
    (
        Method::POST,
        "/v1/agent/conversations/c1/notes",
        Auth::Agent,
    ),
    (
        Method::POST,
        "/v1/agent/conversations/c1/messages/1/label",
        Auth::Agent,
    ),
    (Method::POST, "/v1/admin/plugins", Auth::Admin),
    (Method::PUT, "/v1/admin/replies/greeting/en", Auth::Admin),
    (Method::PUT, "/v1/admin/handoff-phrases", Auth::Admin),
    (Method::PUT, "/v1/admin/settings", Auth::Admin),
    (Method::POST, "/v1/admin/faq", Auth::Admin),
    (Method::PUT, "/v1/admin/faq/1", Auth::Admin),
    (Method::PUT, "/v1/admin/secrets/shop_token", Auth::Admin),
];

/// Sends `body` as `content_type` and returns the status and the JSON answer.
async fn call(
    app: &TestApp,
    (method, path, who): &(Method, &str, Auth),
    content_type: &str,
    body: impl Into<Body>,
) -> (StatusCode, serde_json::Value) {
    let mut request = Request::builder()
        .method(method.clone())
        .uri(*path)
        .header(header::CONTENT_TYPE, content_type);
    match who {
        Auth::None => {}
        Auth::Agent => request = request.header(header::COOKIE, &app.cookie),
        Auth::Admin => request = request.header(header::AUTHORIZATION, &app.bearer),
    }
    let response = crate::app::router(app.state.clone())
        .oneshot(request.body(body.into()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .unwrap();
    let json = serde_json::from_slice(&bytes).unwrap_or_else(|e| {
        panic!(
            "{method} {path}: not JSON ({e}): {}",
            String::from_utf8_lossy(&bytes)
        )
    });
    (status, json)
}

/// The documented error body: exactly `error` (a sentence) and `code`.
fn assert_api_error(json: &serde_json::Value, code: &str, what: &str) {
    let object = json.as_object().unwrap_or_else(|| panic!("{what}: {json}"));
    assert_eq!(object.len(), 2, "{what}: {json}");
    assert_eq!(json["code"], code, "{what}: {json}");
    let sentence = json["error"].as_str().unwrap_or_default();
    assert!(sentence.len() > 10, "{what}: {json}");
}

#[tokio::test(flavor = "multi_thread")]
async fn every_json_endpoint_answers_a_malformed_body_with_the_documented_error() {
    let app = app().await;
    for endpoint in JSON_ENDPOINTS {
        let what = format!("{} {}", endpoint.0, endpoint.1);
        let (status, json) = call(&app, endpoint, "application/json", "{not json").await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{what}: {json}");
        assert_api_error(&json, "malformed_json", &what);

        let (status, json) = call(&app, endpoint, "text/plain", "{}").await;
        assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{what}: {json}");
        assert_api_error(&json, "wrong_content_type", &what);

        let (status, json) = call(&app, endpoint, "application/json", "[1, 2]").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{what}: {json}");
        assert_api_error(&json, "invalid_fields", &what);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_body_over_the_limit_is_refused_in_the_same_shape() {
    let app = app().await;
    let huge = format!("{{\"text\": \"{}\"}}", "a".repeat(3 << 20));
    let endpoint = &JSON_ENDPOINTS[2];
    let (status, json) = call(&app, endpoint, "application/json", huge).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{json}");
    assert_api_error(&json, "body_too_large", "an oversized reply");
}

#[tokio::test(flavor = "multi_thread")]
async fn failures_the_handlers_decide_share_the_shape() {
    let app = app().await;
    let login = (Method::POST, "/v1/agent/login", Auth::None);
    let wrong = r#"{"email": "nobody@demo.test", "password": "guess"}"#;
    let (status, json) = call(&app, &login, "application/json", wrong).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_api_error(&json, "wrong_password", "a wrong password");
    assert_eq!(json["error"], "wrong email or password");

    let reply = (Method::POST, "/v1/agent/conversations/c1/reply", Auth::None);
    let (status, json) = call(&app, &reply, "application/json", r#"{"text": "hi"}"#).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_api_error(&json, "unauthorized", "no session");

    let reply = (
        Method::POST,
        "/v1/agent/conversations/c1/reply",
        Auth::Agent,
    );
    let (status, json) = call(&app, &reply, "application/json", r#"{"text": "hi"}"#).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_api_error(&json, "no_such_conversation", "an unknown conversation");

    let phrases = (Method::PUT, "/v1/admin/handoff-phrases", Auth::Admin);
    let (status, json) = call(&app, &phrases, "application/json", r#"{"phrases": [""]}"#).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_api_error(&json, "invalid_phrases", "an empty phrase");
}

/// Sends a request to `state`'s app; returns the status, the `Set-Cookie` value and the
/// JSON answer.
async fn send(
    state: &AppState,
    method: Method,
    path: &str,
    cookie: Option<&str>,
    body: Option<serde_json::Value>,
) -> (StatusCode, Option<String>, serde_json::Value) {
    let mut request = Request::builder()
        .method(method)
        .uri(path)
        .header(header::CONTENT_TYPE, "application/json");
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    let body = body.map_or_else(Body::empty, |b| Body::from(b.to_string()));
    let response = crate::app::router(state.clone())
        .oneshot(request.body(body).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let set_cookie = response
        .headers()
        .get(header::SET_COOKIE)
        .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_string());
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .unwrap();
    (
        status,
        set_cookie,
        serde_json::from_slice(&bytes).unwrap_or_default(),
    )
}

#[tokio::test]
async fn the_published_demo_login_only_works_in_the_demo() {
    let demo = app().await;
    let login = serde_json::json!({"email": "Agent@demo.kefu", "password": "kefu-demo"});
    let (status, cookie, _) = send(
        &demo.state,
        Method::POST,
        "/v1/agent/login",
        None,
        Some(login.clone()),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "the demo agent logs in to the demo");
    let cookie = cookie.expect("a session cookie");

    // The same database, served without `--demo`.
    let mut config = (*demo.state.config).clone();
    config.demo = false;
    let served = AppState {
        config: std::sync::Arc::new(config),
        ..demo.state.clone()
    };
    let (status, _, json) = send(&served, Method::POST, "/v1/agent/login", None, Some(login)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_api_error(&json, "demo_login_disabled", "demo login outside the demo");
    assert!(json["error"].as_str().unwrap().contains("--demo"));
    let (status, _, _) = send(&served, Method::GET, "/v1/agent/me", Some(&cookie), None).await;
    assert_eq!(
        status,
        StatusCode::UNAUTHORIZED,
        "a demo session ends outside the demo"
    );
    // Other agents of the same database keep working.
    let (status, _, _) = send(
        &served,
        Method::GET,
        "/v1/agent/me",
        Some(&demo.cookie),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn the_welcome_is_reworded_like_any_line_and_too_many_questions_are_refused() {
    let app = app().await;
    let path = "/v1/admin/replies/suggestions/en";
    let put = (Method::PUT, path, Auth::Admin);
    let (status, json) = call(
        &app,
        &put,
        "application/json",
        r#"{"text": "a?\nb?\nc?\nd?\ne?"}"#,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_api_error(&json, "too_many_suggestions", "five questions");
    let (status, _) = call(&app, &put, "application/json", r#"{"text": "a?\nb?"}"#).await;
    assert_eq!(status, StatusCode::OK);
    let welcome = app
        .state
        .engine
        .welcome("demo", crate::engine::replies::Lang::En)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(welcome.suggestions, ["a?", "b?"]);
}

#[tokio::test]
async fn the_agent_queue_is_paged() {
    let app = app().await;
    let store = &app.state.store;
    for n in 0..5 {
        let c = store.create_conversation("demo", "en").await.unwrap();
        let mut update = c.unchanged();
        update.state = kefu_protocol::ConversationState::WaitingForHuman;
        update.priority = n % 2;
        let asked = crate::store::NewMessage {
            author: kefu_protocol::Author::Shopper,
            text: format!("a person, please ({n})"),
            cards: vec![],
            client_msg_id: Some(format!("m{n}")),
            intent: None,
            confidence: None,
            marks: Default::default(),
        };
        store
            .append_turn(&c.id, vec![asked], &update)
            .await
            .unwrap();
    }
    let whole: Vec<String> = store
        .queue("demo")
        .await
        .unwrap()
        .into_iter()
        .map(|q| q.id)
        .collect();
    assert_eq!(whole.len(), 5);

    // Pages of two, each picking up where the last ended, in the queue's order.
    let mut paged = Vec::new();
    let mut after: Option<String> = None;
    for _ in 0..5 {
        let path = match &after {
            Some(cursor) => format!("/v1/agent/queue?limit=2&after={cursor}"),
            None => "/v1/agent/queue?limit=2".to_string(),
        };
        let (status, _, json) = send(&app.state, Method::GET, &path, Some(&app.cookie), None).await;
        assert_eq!(status, StatusCode::OK, "{json}");
        let page = json["queue"].as_array().unwrap();
        assert!(page.len() <= 2, "{json}");
        paged.extend(page.iter().map(|q| q["id"].as_str().unwrap().to_string()));
        match json["next"].as_str() {
            Some(next) => after = Some(next.to_string()),
            None => break,
        }
    }
    assert_eq!(paged, whole);

    // Without a limit: one page of up to 50, and no next page here.
    let (_, _, json) = send(
        &app.state,
        Method::GET,
        "/v1/agent/queue",
        Some(&app.cookie),
        None,
    )
    .await;
    assert_eq!(json["queue"].as_array().unwrap().len(), 5);
    assert!(json["next"].is_null());

    for (path, status, code) in [
        (
            "/v1/agent/queue?limit=0",
            StatusCode::UNPROCESSABLE_ENTITY,
            "bad_limit",
        ),
        (
            "/v1/agent/queue?limit=201",
            StatusCode::UNPROCESSABLE_ENTITY,
            "bad_limit",
        ),
        (
            "/v1/agent/queue?limit=ten",
            StatusCode::UNPROCESSABLE_ENTITY,
            "bad_limit",
        ),
        (
            "/v1/agent/queue?after=yesterday",
            StatusCode::BAD_REQUEST,
            "bad_cursor",
        ),
    ] {
        let (got, _, json) = send(&app.state, Method::GET, path, Some(&app.cookie), None).await;
        assert_eq!(got, status, "{path}: {json}");
        assert_api_error(&json, code, path);
    }
}

#[tokio::test]
async fn healthz_answers_503_once_the_node_is_leaving() {
    let t = app().await;
    let probe = || async {
        let response = crate::app::router(t.state.clone())
            .oneshot(Request::get("/healthz").body(Body::empty()).unwrap())
            .await
            .unwrap();
        let status = response.status();
        let body = axum::body::to_bytes(response.into_body(), 1024)
            .await
            .unwrap();
        (status, String::from_utf8_lossy(&body).into_owned())
    };
    assert_eq!(probe().await, (StatusCode::OK, "ok\n".into()));
    t.state.drain.announce();
    assert_eq!(
        probe().await,
        (StatusCode::SERVICE_UNAVAILABLE, "draining\n".into())
    );
}
