//! Deleting a conversation over HTTP: the shopper's `DELETE`, the merchant's retention
//! setting, and the bus announcement that closes other sockets on it.

use axum::http::{Method, StatusCode};
use kefu_protocol::{Author, ConversationState};
use serde_json::json;

use super::admin::tests::{app, get, json, send};
use crate::bus::{Change, Event};
use crate::store::{ConversationUpdate, NewMessage};

#[tokio::test(flavor = "multi_thread")]
async fn a_shopper_deletes_their_conversation_once_and_only_in_its_shop() {
    let app = app(false).await;
    let store = &app.state.store;
    let conv = store.create_conversation("demo", "en").await.unwrap();
    let update = ConversationUpdate {
        state: ConversationState::Bot,
        pending_intent: None,
        failed_turns: 0,
        priority: 0,
        handoff_reason: None,
        pending: None,
        verified_email: None,
    };
    let said = NewMessage {
        author: Author::Shopper,
        text: "where is 1001".into(),
        cards: vec![],
        client_msg_id: Some("c1".into()),
        intent: None,
        confidence: None,
        marks: Default::default(),
    };
    store
        .append_turn(&conv.id, vec![said], &update)
        .await
        .unwrap();
    let path = |shop: &str| format!("/v1/chat/{shop}/conversations/{}", conv.id);
    // Another shop's path does not reach it.
    let (status, body) = send(&app, Method::DELETE, &path("other-shop"), None, "", "").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("no_conversation"))
    );
    assert!(
        store
            .conversation("demo", &conv.id)
            .await
            .unwrap()
            .is_some()
    );

    let mut live = app.state.engine.bus().subscribe_conversation(&conv.id);
    let (status, body) = send(&app, Method::DELETE, &path("demo"), None, "", "").await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        body,
        json!({"deleted": true, "messages_removed": 1, "records_kept": 0})
    );
    assert!(
        store
            .conversation("demo", &conv.id)
            .await
            .unwrap()
            .is_none()
    );
    // Announced, so an open chat socket on it closes and a console showing it drops it.
    match live.recv().await.unwrap() {
        Event::Changed { what, .. } => assert_eq!(what, Change::Deleted),
        other => panic!("expected the deletion, got {other:?}"),
    }
    let (status, body) = send(&app, Method::DELETE, &path("demo"), None, "", "").await;
    assert_eq!(
        (status, body["code"].as_str()),
        (StatusCode::NOT_FOUND, Some("no_conversation"))
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_merchant_sets_how_long_conversations_are_kept() {
    let app = app(false).await;
    let (status, body) = get(&app, "/v1/admin/privacy", &app.demo).await;
    assert_eq!(
        (status, body),
        (StatusCode::OK, json!({"retention_days": null}))
    );
    for bad in [json!(0), json!(3651)] {
        let body = json!({ "retention_days": bad });
        let (status, body) = json(&app, Method::PUT, "/v1/admin/privacy", &app.demo, body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["code"], "invalid_retention");
        assert!(body["error"].as_str().unwrap().contains("1 to 3650 days"));
    }
    let body = json!({"retention_days": 30});
    let (status, body) = json(&app, Method::PUT, "/v1/admin/privacy", &app.demo, body).await;
    assert_eq!(
        (status, body),
        (StatusCode::OK, json!({"retention_days": 30}))
    );
    assert_eq!(
        app.state.store.retention_days("demo").await.unwrap(),
        Some(Some(30))
    );
    // Each shop its own.
    let (_, body) = get(&app, "/v1/admin/privacy", &app.other).await;
    assert_eq!(body, json!({"retention_days": null}));
    let (status, _) = send(&app, Method::GET, "/v1/admin/privacy", None, "", "").await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}
