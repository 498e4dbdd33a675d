//! The admin API's OpenAPI document: served without a key, generated from the same
//! attributes the router is built from, and the only way a route gets in.

use axum::http::{Method, StatusCode};

use super::tests::{app, send};

#[tokio::test(flavor = "multi_thread")]
async fn openapi_documents_every_admin_route() {
    let app = app(false).await;
    // Served without a key, and the same document the routes were built from.
    let (status, served) = send(
        &app,
        Method::GET,
        "/v1/admin/openapi.json",
        None,
        "application/json",
        "",
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let spec = super::openapi::spec();
    assert_eq!(served, serde_json::to_value(spec).unwrap());
    // Every documented operation is routed (a documented route the router lacks answers
    // 404 or 405 here), needs the key unless it is this document, and has a summary.
    let mut operations = 0;
    for (path, item) in &spec.paths.paths {
        let concrete = path.replace("{id}", "1").replace(['{', '}'], "");
        for (method, op) in [
            (Method::GET, &item.get),
            (Method::POST, &item.post),
            (Method::PUT, &item.put),
            (Method::DELETE, &item.delete),
        ] {
            let Some(op) = op else { continue };
            operations += 1;
            let (status, _) = send(
                &app,
                method.clone(),
                &concrete,
                None,
                "application/json",
                "{}",
            )
            .await;
            let what = format!("{method} {path}");
            assert!(op.summary.is_some(), "{what} has no doc comment");
            if path == "/v1/admin/openapi.json" {
                assert_eq!(status, StatusCode::OK, "{what}");
            } else {
                assert_eq!(
                    status,
                    StatusCode::UNAUTHORIZED,
                    "{what} is routed and needs a key"
                );
            }
        }
    }
    assert!(operations >= 22, "{operations} operations");
    // And nothing is routed any other way than from a documented handler: the admin
    // router is built from `routes!` alone.
    for (file, source) in [
        ("mod.rs", include_str!("mod.rs")),
        ("analytics.rs", include_str!("analytics.rs")),
        ("analytics_tests.rs", include_str!("analytics_tests.rs")),
        (
            "analytics_plugin_tests.rs",
            include_str!("analytics_plugin_tests.rs"),
        ),
        ("auth.rs", include_str!("auth.rs")),
        ("catalog.rs", include_str!("catalog.rs")),
        ("catalog_tests.rs", include_str!("catalog_tests.rs")),
        ("faq.rs", include_str!("faq.rs")),
        ("openapi.rs", include_str!("openapi.rs")),
        ("plugins.rs", include_str!("plugins.rs")),
        ("privacy.rs", include_str!("privacy.rs")),
        ("replies.rs", include_str!("replies.rs")),
        ("secrets.rs", include_str!("secrets.rs")),
        ("settings.rs", include_str!("settings.rs")),
        ("tests.rs", include_str!("tests.rs")),
    ] {
        for call in [
            ".route(",
            ".route_service(",
            ".nest(",
            ".merge(",
            ".fallback(",
        ] {
            assert!(
                !source.contains(call),
                "http/admin/{file} registers a route with `{call}`: use `routes!` and `#[utoipa::path]`"
            );
        }
    }
    let files = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/src/http/admin"))
        .unwrap()
        .count();
    // The list above plus this file.
    assert_eq!(
        files, 16,
        "a new file in http/admin belongs in the list above"
    );
}
