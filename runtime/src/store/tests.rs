//! The store's demo data, conversations and messages: what the demo promises, appending turns,
//! concurrent turns and resends, and what another merchant can see.

use super::*;

fn shopper(text: &str, id: &str) -> NewMessage {
    NewMessage {
        author: Author::Shopper,
        text: text.into(),
        cards: vec![],
        client_msg_id: Some(id.into()),
        intent: None,
        confidence: None,
        marks: Default::default(),
    }
}

async fn demo_store() -> Store {
    let store = Store::scratch().await.unwrap();
    assert!(
        store
            .load_demo(&DemoData::builtin().unwrap())
            .await
            .unwrap()
    );
    store
}

#[tokio::test]
async fn an_order_is_found_by_its_parcels_tracking_number_in_its_merchants_shop_only() {
    let store = demo_store().await;
    let found = store
        .order_by_tracking("demo", "1z999aa10123456784")
        .await
        .unwrap()
        .map(|o| o.id);
    assert_eq!(found.as_deref(), Some("1001"));
    assert!(
        store
            .order_by_tracking("demo", "1Z000000000000000")
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        store
            .order_by_tracking("other", "1Z999AA10123456784")
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn demo_data_has_the_orders_the_demo_promises() {
    let store = demo_store().await;
    let order = store.order("demo", "1001").await.unwrap().unwrap();
    assert_eq!(
        (order.status.as_str(), order.email.as_str()),
        ("shipped", "jane@example.com")
    );
    assert!(order.tracking_number.is_some() && order.carrier.is_some());
    let order = store.order("demo", "1002").await.unwrap().unwrap();
    assert_eq!(
        (order.status.as_str(), order.email.as_str()),
        ("processing", "li.wei@example.com")
    );
    assert!(store.order("other", "1001").await.unwrap().is_none());
    // Loading twice changes nothing.
    assert!(
        !store
            .load_demo(&DemoData::builtin().unwrap())
            .await
            .unwrap()
    );
}

#[tokio::test]
async fn turns_get_increasing_seqs_and_resends_are_detected() {
    let store = demo_store().await;
    let c = store.create_conversation("demo", "en").await.unwrap();
    let first = store
        .append_turn(&c.id, vec![shopper("hi", "a")], &c.unchanged())
        .await
        .unwrap()
        .unwrap();
    assert_eq!(first[0].seq, 1);
    let again = store
        .append_turn(&c.id, vec![shopper("hi", "a")], &c.unchanged())
        .await
        .unwrap();
    assert!(
        again.is_none(),
        "a resent client id must not be stored twice"
    );
    let second = store
        .append_turn(
            &c.id,
            vec![shopper("yo", "b")],
            &ConversationUpdate {
                state: ConversationState::WaitingForHuman,
                pending_intent: Some("x".into()),
                failed_turns: 2,
                priority: 1,
                handoff_reason: Some("asked for a human".into()),
                pending: None,
                verified_email: None,
            },
        )
        .await
        .unwrap()
        .unwrap();
    assert_eq!(second[0].seq, 2);
    assert_eq!(
        store.seq_of_client_message(&c.id, "a").await.unwrap(),
        Some(1)
    );
    let after = store.messages_after(&c.id, 1).await.unwrap();
    assert_eq!(after.len(), 1);
    assert_eq!(after[0].text, "yo");
    let c = store.conversation("demo", &c.id).await.unwrap().unwrap();
    assert_eq!(
        (c.state, c.last_seq, c.pending_intent.as_deref()),
        (ConversationState::WaitingForHuman, 2, Some("x"))
    );
    assert_eq!(
        (c.failed_turns, c.priority, c.handoff_reason.as_deref()),
        (2, 1, Some("asked for a human"))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_turns_get_every_seq_once_and_a_resend_is_stored_once() {
    let store = demo_store().await;
    let c = store.create_conversation("demo", "en").await.unwrap();
    // Eight writers, five turns each, all at once; every writer also resends `dup`.
    let writers = (0..8).map(|w| {
        let (store, c) = (store.clone(), c.clone());
        tokio::spawn(async move {
            let mut stored = 0;
            for t in 0..5 {
                let id = format!("{w}-{t}");
                let turn = vec![shopper("hi", &id), shopper("again", "dup")];
                let first = vec![shopper("hi", &id)];
                let wrote = store
                    .append_turn(&c.id, turn, &c.unchanged())
                    .await
                    .unwrap();
                let wrote = match wrote {
                    Some(m) => m,
                    None => store
                        .append_turn(&c.id, first, &c.unchanged())
                        .await
                        .unwrap()
                        .unwrap(),
                };
                stored += wrote.len();
            }
            stored
        })
    });
    let mut stored = 0;
    for w in writers.collect::<Vec<_>>() {
        stored += w.await.unwrap();
    }
    assert_eq!(stored, 8 * 5 + 1, "`dup` is stored once");
    let all = store.messages_after(&c.id, 0).await.unwrap();
    let seqs: Vec<u64> = all.iter().map(|m| m.seq).collect();
    assert_eq!(seqs, (1..=41).collect::<Vec<u64>>(), "no gap, no repeat");
    let c = store.conversation("demo", &c.id).await.unwrap().unwrap();
    assert_eq!(c.last_seq, 41);
}

#[tokio::test]
async fn a_conversation_is_invisible_to_other_merchants() {
    let store = demo_store().await;
    let c = store.create_conversation("demo", "en").await.unwrap();
    assert!(
        store
            .conversation("someone-else", &c.id)
            .await
            .unwrap()
            .is_none()
    );
}
