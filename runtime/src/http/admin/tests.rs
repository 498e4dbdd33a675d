//! The admin API driven without a socket (`oneshot` on the whole app): settings, FAQ,
//! catalogue import and secrets, as a merchant's program uses them (the OpenAPI
//! document has `openapi_tests.rs`).

use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::{Value, json};
use tower::ServiceExt as _;

use crate::http::AppState;

/// A runtime on a fresh data directory (the demo shop, no plugins), with API keys for the
/// demo shop and for a second shop.
pub(crate) struct TestApp {
    pub(crate) state: AppState,
    /// `Authorization` header of the demo shop.
    pub(crate) demo: String,
    /// `Authorization` header of another shop, `other-shop`.
    pub(crate) other: String,
    data_dir: std::path::PathBuf,
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}

pub(crate) async fn app(with_key: bool) -> TestApp {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let data_dir = std::env::temp_dir().join(format!(
        "kefu-admin-test-{}-{}",
        std::process::id(),
        uuid::Uuid::new_v4().simple()
    ));
    let plugins_dir = data_dir.join("no-plugins");
    std::fs::create_dir_all(&plugins_dir).unwrap();
    let args = crate::app::ServeArgs {
        assets_dir: root.join("dist"),
        secrets_key_file: with_key.then(|| crate::http::tests::write_secrets_key(&data_dir)),
        ..crate::app::ServeArgs::demo_in(
            ([127, 0, 0, 1], 0).into(),
            data_dir.clone(),
            root.join("www"),
            plugins_dir,
        )
    };
    let state = crate::app::build_app(&args, args.listen).await.unwrap();
    state
        .store
        .create_merchant("other-shop", "Other Shop")
        .await
        .unwrap();
    let demo = state.store.create_api_key("demo", "test").await.unwrap();
    let other = state
        .store
        .create_api_key("other-shop", "test")
        .await
        .unwrap();
    TestApp {
        state,
        demo: format!("Bearer {demo}"),
        other: format!("Bearer {other}"),
        data_dir,
    }
}

/// A response: status and body (JSON when it is JSON, else a string).
pub(crate) async fn send(
    app: &TestApp,
    method: Method,
    path: &str,
    auth: Option<&str>,
    content_type: &str,
    body: impl Into<Body>,
) -> (StatusCode, Value) {
    let mut request = Request::builder()
        .method(method)
        .uri(path)
        .header(header::CONTENT_TYPE, content_type);
    if let Some(auth) = auth {
        request = request.header(header::AUTHORIZATION, auth);
    }
    let response = crate::app::router(app.state.clone())
        .oneshot(request.body(body.into()).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), 16 << 20)
        .await
        .unwrap();
    let body = serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).into_owned()));
    (status, body)
}

pub(crate) async fn get(app: &TestApp, path: &str, auth: &str) -> (StatusCode, Value) {
    send(app, Method::GET, path, Some(auth), "application/json", "").await
}

pub(crate) async fn json(
    app: &TestApp,
    method: Method,
    path: &str,
    auth: &str,
    body: Value,
) -> (StatusCode, Value) {
    let body = body.to_string();
    send(app, method, path, Some(auth), "application/json", body).await
}

fn settings(overrides: Value) -> Value {
    let mut s = json!({
        "name": "Demo Shop",
        "refund_cap_minor": 5000,
        "business_hours": {"days": ["mon", "tue"], "open": "09:00", "close": "18:00", "utc_offset_minutes": 480},
        "reply_within_hours": 12,
        "handoff_phrases": ["Warranty claim"],
        "default_locale": "zh",
    });
    for (k, v) in overrides.as_object().unwrap() {
        s[k] = v.clone();
    }
    s
}

#[tokio::test(flavor = "multi_thread")]
async fn settings_are_replaced_at_once_and_the_engine_reads_them() {
    let app = app(false).await;
    let (status, body) = json(
        &app,
        Method::PUT,
        "/v1/admin/settings",
        &app.demo,
        settings(json!({})),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["reply_within_hours"], 12);
    assert_eq!(body["handoff_phrases"], json!(["warranty claim"]));
    let (_, read) = get(&app, "/v1/admin/settings", &app.demo).await;
    assert_eq!(read, body);
    let stored = app
        .state
        .store
        .merchant_settings("demo")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.refund_cap_minor, Some(5000));
    assert_eq!(stored.business_hours.unwrap().utc_offset_minutes, 480);
    // A conversation whose widget names no locale starts in the shop's.
    let conv = app.state.engine.open("demo", None, "").await.unwrap();
    assert_eq!(conv.locale, "zh");
    // The other shop's settings did not move.
    let (_, other) = get(&app, "/v1/admin/settings", &app.other).await;
    assert_eq!(other["name"], "Other Shop");
    assert_eq!(other["default_locale"], "en");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_shops_colour_and_logo_reach_the_panels_welcome_with_a_readable_text_colour() {
    let app = app(false).await;
    let body = settings(json!({
        "brand_color": "#FFD400",
        "logo_url": "https://cdn.example.com/logo.png",
    }));
    let (status, stored) = json(&app, Method::PUT, "/v1/admin/settings", &app.demo, body).await;
    assert_eq!(status, StatusCode::OK, "{stored}");
    assert_eq!(stored["brand_color"], "#ffd400", "stored lower-case");
    assert_eq!(stored["logo_url"], "https://cdn.example.com/logo.png");
    let welcome = app
        .state
        .engine
        .welcome("demo", kefu_protocol::Lang::En)
        .await
        .unwrap()
        .unwrap();
    let brand = welcome.brand.expect("branded");
    assert_eq!(brand.color.as_deref(), Some("#ffd400"));
    // Yellow is light: black text on it (white would be 1.5:1).
    assert_eq!(brand.text_color.as_deref(), Some("#000000"));
    // Back to kefu's own look.
    let body = settings(json!({ "brand_color": null, "logo_url": null }));
    let (status, cleared) = json(&app, Method::PUT, "/v1/admin/settings", &app.demo, body).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(cleared["brand_color"], Value::Null);
    let welcome = app
        .state
        .engine
        .welcome("demo", kefu_protocol::Lang::En)
        .await;
    assert_eq!(welcome.unwrap().unwrap().brand, None);
    // Another shop's panel never had it.
    let (_, other) = get(&app, "/v1/admin/settings", &app.other).await;
    assert_eq!(other["brand_color"], Value::Null);
}

#[tokio::test(flavor = "multi_thread")]
async fn settings_reject_bad_business_hours() {
    let app = app(false).await;
    let before = get(&app, "/v1/admin/settings", &app.demo).await.1;
    for (hours, words) in [
        (
            json!({"days": ["mon"], "open": "9", "close": "18:00"}),
            "HH:MM",
        ),
        (
            json!({"days": ["funday"], "open": "09:00", "close": "18:00"}),
            "funday",
        ),
        (
            json!({"days": ["mon"], "open": "18:00", "close": "09:00"}),
            "after open",
        ),
        (
            json!({"days": [], "open": "09:00", "close": "18:00"}),
            "at least one day",
        ),
        (
            json!({"days": ["mon"], "open": "09:00", "close": "18:00", "utc_offset_minutes": 2000}),
            "utc_offset_minutes",
        ),
    ] {
        let body = settings(json!({ "business_hours": hours }));
        let (status, error) = json(&app, Method::PUT, "/v1/admin/settings", &app.demo, body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{hours}: {error}");
        assert_eq!(error["code"], "invalid_business_hours", "{error}");
        let sentence = error["error"].as_str().unwrap();
        assert!(
            sentence.starts_with("business_hours: ") && sentence.contains(words),
            "{sentence}"
        );
    }
    for (field, value, code) in [
        ("reply_within_hours", json!(0), "invalid_reply_time"),
        ("default_locale", json!("fr"), "unsupported_lang"),
        ("name", json!("  "), "invalid_name"),
        ("handoff_phrases", json!(["x"]), "invalid_phrases"),
    ] {
        let body = settings(json!({ field: value }));
        let (status, error) = json(&app, Method::PUT, "/v1/admin/settings", &app.demo, body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{field}: {error}");
        assert_eq!(error["code"], code, "{error}");
    }
    for (field, value, code, says) in [
        (
            "brand_color",
            json!("blue"),
            "invalid_brand_color",
            "#rrggbb",
        ),
        (
            "brand_color",
            json!("#12345"),
            "invalid_brand_color",
            "#rrggbb",
        ),
        (
            "logo_url",
            json!("http://cdn.example.com/l.png"),
            "invalid_logo_url",
            "https://",
        ),
        (
            "logo_url",
            json!("javascript:alert(1)"),
            "invalid_logo_url",
            "https://",
        ),
        (
            "logo_url",
            json!("https://cdn.example.com/a\"b.png"),
            "invalid_logo_url",
            "quotes",
        ),
    ] {
        let body = settings(json!({ field: value }));
        let (status, error) = json(&app, Method::PUT, "/v1/admin/settings", &app.demo, body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{field}: {error}");
        assert_eq!(error["code"], code, "{error}");
        let message = error["error"].as_str().unwrap_or_default();
        assert!(
            message.starts_with(field) && message.contains(says),
            "{error}"
        );
    }
    let body = settings(json!({ "colour": "red" }));
    let (status, error) = json(&app, Method::PUT, "/v1/admin/settings", &app.demo, body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error["code"], "invalid_fields");
    // Nothing was written.
    assert_eq!(get(&app, "/v1/admin/settings", &app.demo).await.1, before);
}

#[tokio::test(flavor = "multi_thread")]
async fn on_device_help_is_the_merchants_to_turn_off_and_only_public_entries_are_shipped() {
    let app = app(false).await;
    let (_, before) = get(&app, "/v1/admin/settings", &app.demo).await;
    assert_eq!(before["on_device_answers"], true, "on by default");
    assert_eq!(before["typing_suggestions"], true, "on by default");
    let private = json!({"question": "Staff discount code?", "answer": "STAFF10", "lang": "en", "public": false});
    let (status, added) = json(&app, Method::POST, "/v1/admin/faq", &app.demo, private).await;
    assert_eq!(status, StatusCode::CREATED, "{added}");
    assert_eq!(added["public"], false);
    let welcome = app
        .state
        .engine
        .welcome("demo", kefu_protocol::Lang::En)
        .await;
    let shipped = welcome.unwrap().unwrap().on_device.unwrap();
    assert!(shipped.answers && shipped.suggestions);
    assert!(!shipped.faq.is_empty());
    assert!(
        shipped.faq.iter().all(|e| e.answer != "STAFF10"),
        "private entries stay here"
    );

    let body = settings(json!({"on_device_answers": false}));
    let (status, body) = json(&app, Method::PUT, "/v1/admin/settings", &app.demo, body).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["on_device_answers"], false);
    assert_eq!(body["typing_suggestions"], true, "left out: on");
    let welcome = app
        .state
        .engine
        .welcome("demo", kefu_protocol::Lang::En)
        .await;
    let shipped = welcome.unwrap().unwrap().on_device.unwrap();
    assert!(!shipped.answers && shipped.suggestions);
    let body = settings(json!({"on_device_answers": false, "typing_suggestions": false}));
    let (status, _) = json(&app, Method::PUT, "/v1/admin/settings", &app.demo, body).await;
    assert_eq!(status, StatusCode::OK);
    let welcome = app
        .state
        .engine
        .welcome("demo", kefu_protocol::Lang::En)
        .await;
    assert_eq!(welcome.unwrap().unwrap().on_device, None, "nothing shipped");
    let body = settings(json!({"typing_suggestions": "no"}));
    let (status, _) = json(&app, Method::PUT, "/v1/admin/settings", &app.demo, body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test(flavor = "multi_thread")]
async fn faq_entries_are_managed_per_shop_and_answered_by_the_bot() {
    let app = app(false).await;
    let entry = json!({"question": "Do you gift wrap orders?", "answer": "Yes, for 2 dollars at checkout.", "lang": "en"});
    let (status, added) = json(&app, Method::POST, "/v1/admin/faq", &app.demo, entry).await;
    assert_eq!(status, StatusCode::CREATED, "{added}");
    let id = added["id"].as_i64().unwrap();
    let faq = app.state.store.faq("demo").await.unwrap();
    let stored = faq.iter().find(|e| e.id == id).unwrap();
    // The engine's own matcher finds it.
    let found = crate::engine::faq::find(
        &faq,
        "can you gift wrap my order?",
        kefu_intent::OUT_OF_SCOPE,
    );
    assert_eq!(found.map(|e| e.id), Some(stored.id));

    let path = format!("/v1/admin/faq/{id}");
    let rewrite = json!({"question": "Do you gift wrap?", "answer": "Yes, free.", "intent": "no_such_intent"});
    let (status, error) = json(&app, Method::PUT, &path, &app.demo, rewrite).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error["code"], "unknown_intent");
    let rewrite = json!({"question": "Do you gift wrap?", "answer": "Yes, free."});
    let (status, updated) = json(&app, Method::PUT, &path, &app.demo, rewrite.clone()).await;
    assert_eq!(status, StatusCode::OK, "{updated}");
    assert_eq!(updated["answer"], "Yes, free.");
    assert_eq!(updated["lang"], "en", "the shop's default locale");

    // Another shop can neither change nor remove it.
    let (status, error) = json(&app, Method::PUT, &path, &app.other, rewrite).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(error["code"], "no_such_faq");
    let (status, _) = send(
        &app,
        Method::DELETE,
        &path,
        Some(&app.other),
        "application/json",
        "",
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (_, list) = get(&app, "/v1/admin/faq", &app.other).await;
    assert_eq!(list["faq"], json!([]));

    let (status, _) = send(
        &app,
        Method::DELETE,
        &path,
        Some(&app.demo),
        "application/json",
        "",
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, error) = send(
        &app,
        Method::DELETE,
        "/v1/admin/faq/abc",
        Some(&app.demo),
        "application/json",
        "",
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(error["code"], "no_such_faq");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_secret_is_never_returned_by_the_api() {
    let app = app(true).await;
    let value = "Bearer zq-never-shown-7731";
    let path = "/v1/admin/secrets/Shop_Token";
    let (status, body) = json(
        &app,
        Method::PUT,
        path,
        &app.demo,
        json!({ "value": value }),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT, "{body}");
    let (status, list) = get(&app, "/v1/admin/secrets", &app.demo).await;
    assert_eq!(status, StatusCode::OK);
    let secrets = list["secrets"].as_array().unwrap();
    assert_eq!(secrets.len(), 1);
    assert_eq!(secrets[0]["name"], "shop_token");
    assert!(secrets[0]["updated_at"].as_i64().unwrap() > 0);
    assert_eq!(
        secrets[0].as_object().unwrap().len(),
        2,
        "names and times only"
    );
    // No admin GET answers the value.
    for (path, item) in &super::openapi::spec().paths.paths {
        if item.get.is_some() && !path.contains('{') {
            let (_, body) = get(&app, path, &app.demo).await;
            assert!(!body.to_string().contains("never-shown"), "{path}: {body}");
        }
    }
    // Nor does the database hold it in clear.
    let sealed = app
        .state
        .store
        .sealed_secret("demo", "shop_token")
        .await
        .unwrap()
        .unwrap();
    assert!(!sealed.ciphertext.windows(11).any(|w| w == b"never-shown"));
    // The other shop sees none of it; the value reaches the demo's plugins only.
    assert_eq!(
        get(&app, "/v1/admin/secrets", &app.other).await.1,
        json!({"secrets": []})
    );
    assert_eq!(
        app.state
            .secrets
            .get("demo", "SHOP_TOKEN")
            .await
            .unwrap()
            .as_deref(),
        Some(value)
    );
    assert_eq!(
        app.state
            .secrets
            .get("other-shop", "shop_token")
            .await
            .unwrap(),
        None
    );

    for (name, body, code) in [
        ("bad-name", json!({"value": "x"}), "invalid_secret_name"),
        (
            "ok",
            json!({"value": "line\nbreak"}),
            "invalid_secret_value",
        ),
        ("ok", json!({"value": ""}), "invalid_secret_value"),
    ] {
        let path = format!("/v1/admin/secrets/{name}");
        let (status, error) = json(&app, Method::PUT, &path, &app.demo, body).await;
        assert_eq!(
            (status, error["code"].as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, Some(code))
        );
    }
    let (status, error) = send(
        &app,
        Method::DELETE,
        path,
        Some(&app.other),
        "application/json",
        "",
    )
    .await;
    assert_eq!(
        (status, error["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("no_such_secret"))
    );
    let (status, _) = send(
        &app,
        Method::DELETE,
        path,
        Some(&app.demo),
        "application/json",
        "",
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    assert_eq!(
        app.state.secrets.get("demo", "shop_token").await.unwrap(),
        None
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn without_a_secrets_key_setting_a_secret_is_refused_and_the_rest_works() {
    let app = app(false).await;
    let (status, error) = json(
        &app,
        Method::PUT,
        "/v1/admin/secrets/token",
        &app.demo,
        json!({"value": "v"}),
    )
    .await;
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(error["code"], "secrets_key_missing");
    assert!(
        error["error"]
            .as_str()
            .unwrap()
            .contains("--secrets-key-file"),
        "{error}"
    );
    assert_eq!(
        get(&app, "/v1/admin/secrets", &app.demo).await.1,
        json!({"secrets": []})
    );
    assert_eq!(
        get(&app, "/v1/admin/settings", &app.demo).await.0,
        StatusCode::OK
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_version_never_deployed_has_no_report() {
    let app = app(false).await;
    let (status, body) = get(
        &app,
        "/v1/admin/plugins/orders/versions/9.9.9/report",
        &app.demo,
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    assert_eq!(body["code"], "no_such_report");
    assert_eq!(
        body["error"],
        "no deploy report for orders 9.9.9: it was never deployed here"
    );
}
