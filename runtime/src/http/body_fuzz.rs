//! Random request bodies on every JSON endpoint (the list in `tests.rs`): whatever arrives,
//! the answer is never a server error, and every refusal is the documented
//! `{"error", "code"}`. Bodies are random bytes, random JSON, and objects with the fields
//! the endpoints read holding values of every type.
//!
//! One runtime serves all cases; 256 of them, or `PROPTEST_CASES`.

use axum::body::Body;
use axum::http::{Request, header};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::Value;
use tower::ServiceExt as _;

use super::tests::{Auth, JSON_ENDPOINTS, TestApp, app};

/// Field names the endpoints read, so that many bodies get past "missing field".
const FIELDS: &[&str] = &[
    "manifest",
    "component",
    "text",
    "phrases",
    "email",
    "password",
    "label",
    "question",
    "answer",
    "lang",
    "limit",
];

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        any::<String>().prop_map(Value::String),
        "[a-z_ @.]{0,12}".prop_map(Value::String),
        // Base64 that decodes, to a component that is not one.
        proptest::collection::vec(any::<u8>(), 0..64).prop_map(|b| {
            use base64::Engine as _;
            Value::String(base64::engine::general_purpose::STANDARD.encode(b))
        }),
    ]
}

fn json() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 32, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            proptest::collection::btree_map(
                prop_oneof![
                    proptest::sample::select(FIELDS).prop_map(String::from),
                    any::<String>()
                ],
                inner,
                0..6,
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// Objects holding the fields the endpoints read, each with a random value.
fn shaped() -> impl Strategy<Value = Value> {
    proptest::collection::btree_map(
        proptest::sample::select(FIELDS).prop_map(String::from),
        json(),
        0..FIELDS.len(),
    )
    .prop_map(|m| Value::Object(m.into_iter().collect()))
}

fn body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..256),
        json().prop_map(|v| v.to_string().into_bytes()),
        shaped().prop_map(|v| v.to_string().into_bytes()),
    ]
}

/// Sends `body` to endpoint `i`; checks the answer.
async fn check(app: &TestApp, i: usize, body: Vec<u8>) -> Result<(), TestCaseError> {
    let (method, path, who) = &JSON_ENDPOINTS[i];
    let mut request = Request::builder()
        .method(method.clone())
        .uri(*path)
        .header(header::CONTENT_TYPE, "application/json");
    match who {
        Auth::None => {}
        Auth::Agent => request = request.header(header::COOKIE, &app.cookie),
        Auth::Admin => request = request.header(header::AUTHORIZATION, &app.bearer),
    }
    let response = crate::app::router(app.state.clone())
        .oneshot(request.body(Body::from(body.clone())).unwrap())
        .await
        .unwrap();
    let status = response.status();
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .unwrap();
    let what = format!(
        "{method} {path} with {}: {status} {}",
        String::from_utf8_lossy(&body),
        String::from_utf8_lossy(&bytes)
    );
    prop_assert!(!status.is_server_error(), "{}", what);
    if status.is_client_error() {
        let json: Value = serde_json::from_slice(&bytes)
            .map_err(|e| TestCaseError::fail(format!("{what}: not JSON: {e}")))?;
        let object = json.as_object();
        prop_assert!(
            object.is_some_and(|o| o.len() == 2
                && o["error"].as_str().is_some_and(|e| !e.is_empty())
                && o["code"].as_str().is_some_and(|c| !c.is_empty())),
            "{}",
            what
        );
    }
    Ok(())
}

#[test]
fn random_bodies_never_cause_a_server_error_and_are_refused_in_the_documented_shape() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let app = rt.block_on(app());
    let mut runner = TestRunner::new(Config::default());
    let result = runner.run(&(0..JSON_ENDPOINTS.len(), body()), |(i, body)| {
        rt.block_on(check(&app, i, body))
    });
    drop(app);
    if let Err(e) = result {
        panic!("{e}");
    }
}
