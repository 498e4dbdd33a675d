//! The reports' edges: what each plugin version did (calls, errors, latency, money), and a
//! range the API refuses with what to send instead.

use serde_json::json;

use super::tests::{app, get};

#[tokio::test(flavor = "multi_thread")]
async fn plugin_versions_report_calls_errors_latency_and_money() {
    let app = app(false).await;
    let call = |plugin: &str, version: &str, export: &str, micros: u64, outcome: &str| {
        crate::store::AuditEntry {
            id: 0,
            merchant_id: "demo".into(),
            plugin: plugin.into(),
            plugin_version: version.into(),
            conversation_id: None,
            export: export.into(),
            intent: None,
            host_calls: 1,
            micros,
            peak_memory: 0,
            proposed_minor: None,
            committed_minor: None,
            currency: None,
            outcome: outcome.into(),
        }
    };
    let store = &app.state.store;
    store
        .record_call(&call("orders", "1.0.0", "handle", 1000, "ok"), None)
        .await
        .unwrap();
    store
        .record_call(&call("orders", "1.0.0", "handle", 3000, "ok"), None)
        .await
        .unwrap();
    store
        .record_call(&call("orders", "1.0.0", "handle", 50_000, "timeout"), None)
        .await
        .unwrap();
    let mut proposed = call("refunds", "0.2.0", "handle", 2000, "ok");
    proposed.proposed_minor = Some(2500);
    proposed.currency = Some("EUR".into());
    store.record_call(&proposed, None).await.unwrap();
    let mut committed = call("refunds", "0.2.0", "commit", 2200, "ok");
    committed.committed_minor = Some(2500);
    committed.currency = Some("EUR".into());
    store.record_call(&committed, None).await.unwrap();
    let today = crate::analytics::day_of(crate::store::report_now());
    let (status, body) = get(
        &app,
        &format!("/v1/admin/analytics?from={today}&to={today}"),
        &app.demo,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["plugins"],
        json!([
            // Nearest rank of [1000, 3000, 50000]: p50 the 2nd, p99 the 3rd.
            {"plugin": "orders", "version": "1.0.0", "calls": 3, "errors": 1,
             "errors_by_kind": {"timeout": 1}, "p50_micros": 3000, "p99_micros": 50_000,
             "proposed_minor": {}, "committed_minor": {}},
            {"plugin": "refunds", "version": "0.2.0", "calls": 2, "errors": 0,
             "errors_by_kind": {}, "p50_micros": 2000, "p99_micros": 2200,
             "proposed_minor": {"EUR": 2500}, "committed_minor": {"EUR": 2500}},
        ])
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_bad_range_is_refused_with_what_to_send() {
    let app = app(false).await;
    for query in [
        "",
        "from=2026-03-02",
        "from=2026-03-05&to=2026-03-02",
        "from=2025-01-01&to=2026-03-02",
        "from=yesterday&to=today",
    ] {
        let (status, body) = get(&app, &format!("/v1/admin/analytics?{query}"), &app.demo).await;
        assert_eq!(
            (status.as_u16(), body["code"].as_str()),
            (400, Some("invalid_range")),
            "{query}: {body}"
        );
    }
    let (status, _) = get(
        &app,
        "/v1/admin/analytics?from=2026-03-02&to=2026-03-02",
        "Bearer nope",
    )
    .await;
    assert_eq!(status, 401);
}
