//! Deleting a conversation leaves nothing of what was said anywhere in the store, keeps the
//! money records anonymised, and the retention sweep deletes only what is past its period.

use kefu_protocol::{Author, ConversationState};
use sqlx::{Column, Row};

use super::privacy::ERASED;
use super::*;
use crate::store::DemoData;

const EMAIL: &str = "forget.me@example.com";
const SAID: &str = "my cat knocked the vase over, order 1001";

async fn demo() -> Store {
    let store = Store::scratch().await.unwrap();
    store
        .load_demo(&DemoData::builtin().unwrap())
        .await
        .unwrap();
    store
}

fn said(text: &str) -> NewMessage {
    NewMessage {
        author: Author::Shopper,
        text: text.into(),
        cards: vec![],
        client_msg_id: Some(format!("c-{}", text.len())),
        intent: Some("track_order".into()),
        confidence: Some(0.9),
        marks: Default::default(),
    }
}

/// A conversation with something in every table that can hold what the shopper said:
/// messages, a note, a ticket, a training label, a proposal never carried out, one carried
/// out with its refund, and a recorded plugin call.
async fn full_conversation(store: &Store, refunded: bool) -> String {
    let conv = store.create_conversation("demo", "en").await.unwrap();
    let update = ConversationUpdate {
        state: ConversationState::Bot,
        pending_intent: None,
        failed_turns: 0,
        priority: 0,
        handoff_reason: None,
        pending: None,
        verified_email: Some(EMAIL.into()),
    };
    store
        .append_turn(&conv.id, vec![said(SAID)], &update)
        .await
        .unwrap()
        .unwrap();
    let agent: i64 = sqlx::query("SELECT id FROM agents WHERE merchant_id = 'demo' LIMIT 1")
        .fetch_one(&store.pool)
        .await
        .unwrap()
        .get("id");
    sqlx::query(
        "INSERT INTO notes (conversation_id, agent_id, text, created_at) VALUES ($1, $2, $3, 1)",
    )
    .bind(&conv.id)
    .bind(agent)
    .bind(format!("shopper {EMAIL} says: {SAID}"))
    .execute(&store.pool)
    .await
    .unwrap();
    store
        .teach_label("demo", &conv.id, 1, "damaged_item", agent, SAID)
        .await
        .unwrap();
    sqlx::query(
        "INSERT INTO tickets (merchant_id, conversation_id, email, message, created_at) \
         VALUES ('demo', $1, $2, $3, 1)",
    )
    .bind(&conv.id)
    .bind(EMAIL)
    .bind(SAID)
    .execute(&store.pool)
    .await
    .unwrap();
    for (id, state) in [
        ("a-open", ActionState::Proposed),
        ("a-done", ActionState::Committed),
    ] {
        if state == ActionState::Committed && !refunded {
            continue;
        }
        let id = format!("{id}-{}", conv.id);
        store
            .create_action(
                "demo",
                &ActionRecord {
                    id: id.clone(),
                    conversation_id: conv.id.clone(),
                    plugin: "refunds".into(),
                    plugin_version: "1.0.0".into(),
                    proposal: r#"{"kind":"refund","order":"1001","amount_minor":1999}"#.into(),
                    shopper: EMAIL.into(),
                    state: ActionState::Proposed,
                },
            )
            .await
            .unwrap();
        if state == ActionState::Committed {
            store
                .move_action(&id, ActionState::Proposed, ActionState::Committed)
                .await
                .unwrap();
            sqlx::query(
                "INSERT INTO refunds (reference, merchant_id, plugin, action_id, order_id, \
                 amount_minor, currency, reason, shopper, issued_at) \
                 VALUES ($1, 'demo', 'refunds', $2, '1001', 1999, 'USD', 'damaged', $3, 1)",
            )
            .bind(format!("R-{}", conv.id))
            .bind(&id)
            .bind(EMAIL)
            .execute(&store.pool)
            .await
            .unwrap();
        }
    }
    let entry = AuditEntry {
        merchant_id: "demo".into(),
        plugin: "refunds".into(),
        plugin_version: "1.0.0".into(),
        conversation_id: Some(conv.id.clone()),
        export: "handle".into(),
        outcome: "ok".into(),
        ..AuditEntry::default()
    };
    let recording = CallRecording {
        entry: entry.clone(),
        input: format!(r#"{{"text":"{SAID}","email":"{EMAIL}"}}"#),
        now_ms: 1,
        host_log: format!(r#"[{{"order":"1001","email":"{EMAIL}"}}]"#),
        result: format!(r#"{{"reply":"refund to {EMAIL}"}}"#),
    };
    store.record_call(&entry, Some(&recording)).await.unwrap();
    conv.id
}

/// Every text value in every table of the store (but the taught phrasings) that contains
/// `needle`, as `table: value`.
async fn traces(store: &Store, needle: &str) -> Vec<String> {
    let tables_sql = match store.engine() {
        Engine::Sqlite => "SELECT name AS t FROM sqlite_master WHERE type = 'table'",
        Engine::Postgres => {
            "SELECT CAST(table_name AS TEXT) AS t FROM information_schema.tables \
             WHERE table_schema = current_schema()"
        }
    };
    let tables: Vec<String> = sqlx::query(tables_sql)
        .fetch_all(&store.pool)
        .await
        .unwrap()
        .iter()
        .map(|r| r.get("t"))
        .collect();
    let mut found = Vec::new();
    // The migrations' own bookkeeping holds no shopper data (and types `Any` cannot read).
    // What agents taught the bot (`corrections`: the phrasing, contact details masked) is the
    // shop's, like its training file, and stays.
    for table in tables
        .into_iter()
        .filter(|t| !t.starts_with("_sqlx") && t != "corrections")
    {
        let rows = sqlx::query(&format!("SELECT * FROM {table}"))
            .fetch_all(&store.pool)
            .await
            .unwrap();
        for row in &rows {
            for column in row.columns() {
                if let Ok(Some(text)) = row.try_get::<Option<String>, _>(column.ordinal())
                    && text.contains(needle)
                {
                    found.push(format!("{table}.{}: {text}", column.name()));
                }
            }
        }
    }
    found
}

#[tokio::test]
async fn deleting_a_conversation_leaves_no_trace_of_what_was_said() {
    let store = demo().await;
    let id = full_conversation(&store, false).await;
    let other = full_conversation(&store, false).await;
    assert!(
        !traces(&store, SAID).await.is_empty(),
        "the set-up stores the text"
    );

    let forgotten = store
        .delete_conversation("demo", &id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        forgotten,
        Forgotten {
            messages: 1,
            kept: 0
        }
    );
    assert!(store.conversation("demo", &id).await.unwrap().is_none());
    assert!(
        traces(&store, &id)
            .await
            .iter()
            .all(|t| t.starts_with("plugin_calls."))
    );
    // The other conversation, word for word the same, is untouched.
    assert!(store.conversation("demo", &other).await.unwrap().is_some());
    let left = traces(&store, SAID).await;
    assert!(!left.is_empty() && left.iter().all(|t| !t.contains(&id)));
    assert_eq!(
        store
            .delete_conversation("demo", &other)
            .await
            .unwrap()
            .unwrap()
            .messages,
        1
    );
    assert_eq!(traces(&store, SAID).await, Vec::<String>::new());
    assert_eq!(traces(&store, EMAIL).await, Vec::<String>::new());
    // Gone is gone: a second deletion finds nothing.
    assert_eq!(store.delete_conversation("demo", &id).await.unwrap(), None);
}

#[tokio::test]
async fn money_that_moved_is_kept_without_the_shopper() {
    let store = demo().await;
    let id = full_conversation(&store, true).await;
    let forgotten = store
        .delete_conversation("demo", &id)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        forgotten,
        Forgotten {
            messages: 1,
            kept: 1
        }
    );
    assert_eq!(traces(&store, SAID).await, Vec::<String>::new());
    assert_eq!(traces(&store, EMAIL).await, Vec::<String>::new());
    let refunds = store.refunds_for_order("demo", "1001").await.unwrap();
    assert_eq!(refunds.len(), 1, "the refund issued stays on the books");
    let shopper: String = sqlx::query("SELECT shopper FROM refunds WHERE action_id = $1")
        .bind(format!("a-done-{id}"))
        .fetch_one(&store.pool)
        .await
        .unwrap()
        .get("shopper");
    assert_eq!(shopper, ERASED);
    let kept = store
        .action(&id, &format!("a-done-{id}"))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (kept.state, kept.shopper.as_str()),
        (ActionState::Committed, ERASED)
    );
    assert!(
        store
            .action(&id, &format!("a-open-{id}"))
            .await
            .unwrap()
            .is_none()
    );
    // The anchor row is never resumed, and deleting it again finds nothing.
    assert!(store.conversation("demo", &id).await.unwrap().is_none());
    assert_eq!(store.delete_conversation("demo", &id).await.unwrap(), None);
    // The plugin call's figures stay for the merchant's reports.
    assert_eq!(store.plugin_calls("demo", 10).await.unwrap().len(), 1);
}

#[tokio::test]
async fn another_merchant_cannot_delete_a_conversation() {
    let store = demo().await;
    let id = full_conversation(&store, false).await;
    assert_eq!(store.delete_conversation("other", &id).await.unwrap(), None);
    assert!(store.conversation("demo", &id).await.unwrap().is_some());
}

#[tokio::test]
async fn the_sweep_deletes_only_conversations_past_their_retention() {
    let store = demo().await;
    let old = full_conversation(&store, false).await;
    let recent = full_conversation(&store, false).await;
    let day = 86_400_000_i64;
    let now = now_ms();
    sqlx::query("UPDATE conversations SET updated_at = $1 WHERE id = $2")
        .bind(now - 31 * day)
        .bind(&old)
        .execute(&store.pool)
        .await
        .unwrap();
    // Without a retention period nothing is ever swept.
    assert_eq!(store.retention_days("demo").await.unwrap(), Some(None));
    assert!(
        store
            .expire_conversations(now, 10)
            .await
            .unwrap()
            .is_empty()
    );
    store.set_retention_days("demo", Some(30)).await.unwrap();
    assert_eq!(store.retention_days("demo").await.unwrap(), Some(Some(30)));
    let swept = store.expire_conversations(now, 10).await.unwrap();
    assert_eq!(swept, vec![("demo".to_string(), old.clone())]);
    assert!(store.conversation("demo", &old).await.unwrap().is_none());
    assert!(store.conversation("demo", &recent).await.unwrap().is_some());
    // A ten-year period does not overflow the arithmetic on either engine.
    store
        .set_retention_days("demo", Some(MAX_RETENTION_DAYS))
        .await
        .unwrap();
    assert!(
        store
            .expire_conversations(now, 10)
            .await
            .unwrap()
            .is_empty()
    );
}
