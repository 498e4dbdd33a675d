//! Turns committed together (`group.rs`) and the write locks they take (`engine.rs`): a
//! batch stores each turn exactly as it would alone — a stale turn is refused, a resend
//! reported, neither spoiling the others — turns that arrive together share a commit, and
//! on PostgreSQL writes to different conversations do not wait for each other while writes
//! to the same one, or to the whole store, still do.

use kefu_protocol::{Author, ConversationState};

use super::*;
use crate::store::{
    Conversation, ConversationUpdate, DemoData, Engine, NewMessage, TEST_DATABASE_VAR, TurnWrite,
};

fn message(author: Author, text: &str, id: Option<&str>) -> NewMessage {
    NewMessage {
        author,
        text: text.into(),
        cards: vec![],
        client_msg_id: id.map(str::to_string),
        intent: None,
        confidence: None,
        marks: Default::default(),
    }
}

/// A shopper's `id` and the bot's answer, decided on `conv` as read.
fn turn(conv: &Conversation, id: &str) -> TurnWrite {
    TurnWrite {
        conversation: conv.id.clone(),
        seen_last_seq: Some(conv.last_seq),
        seen_state: conv.state,
        messages: vec![
            message(Author::Shopper, "where is my order?", Some(id)),
            message(Author::Bot, "Which order?", None),
        ],
        update: Some(ConversationUpdate {
            state: ConversationState::Bot,
            ..conv.unchanged()
        }),
        cancel_actions: vec![],
        fail_actions: vec![],
        new_actions: vec![],
        calls: vec![],
        proof_failed: false,
    }
}

async fn store() -> Store {
    let store = Store::scratch().await.unwrap();
    store
        .load_demo(&DemoData::builtin().unwrap())
        .await
        .unwrap();
    store
}

fn shopper_ids(messages: &[kefu_protocol::ChatMessage]) -> Vec<&str> {
    messages
        .iter()
        .filter_map(|m| m.client_msg_id.as_deref())
        .collect()
}

#[tokio::test]
async fn a_batch_stores_each_turn_as_it_would_alone() {
    let store = store().await;
    let a = store.create_conversation("demo", "en").await.unwrap();
    let b = store.create_conversation("demo", "en").await.unwrap();
    let c = store.create_conversation("demo", "en").await.unwrap();
    let stored = store.write_turn(turn(&b, "b1")).await.unwrap();
    assert!(matches!(stored, TurnWritten::Stored(_)));
    let b_now = store.conversation("demo", &b.id).await.unwrap().unwrap();

    let outcomes = store
        .write_turns(vec![
            turn(&a, "a1"),
            // Decided on the same facts as a1, which the batch has just changed.
            turn(&a, "a2"),
            // A resend of b1: a unique violation, which on PostgreSQL aborts the whole
            // transaction unless it is rolled back to the turn's savepoint.
            turn(&b_now, "b1"),
            turn(&c, "c1"),
        ])
        .await;
    let outcomes: Vec<TurnWritten> = outcomes.into_iter().map(Result::unwrap).collect();
    let TurnWritten::Stored(a1) = &outcomes[0] else {
        panic!("{outcomes:?}")
    };
    assert_eq!(a1.iter().map(|m| m.seq).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(outcomes[1], TurnWritten::Changed);
    assert_eq!(outcomes[2], TurnWritten::Duplicate);
    assert!(matches!(&outcomes[3], TurnWritten::Stored(m) if m[0].seq == 1));

    let a_stored = store.messages_after(&a.id, 0).await.unwrap();
    assert_eq!(shopper_ids(&a_stored), ["a1"]);
    let b_stored = store.messages_after(&b.id, 0).await.unwrap();
    assert_eq!(shopper_ids(&b_stored), ["b1"], "the resend wrote nothing");
    assert_eq!(b_stored.len(), 2);
    let c_stored = store.messages_after(&c.id, 0).await.unwrap();
    assert_eq!(
        shopper_ids(&c_stored),
        ["c1"],
        "a resend in the batch spoils nothing"
    );
    let a_now = store.conversation("demo", &a.id).await.unwrap().unwrap();
    assert_eq!(a_now.last_seq, 2);
}

#[tokio::test]
async fn turns_arriving_together_share_a_commit_and_each_is_stored_once() {
    const TURNS: usize = 32;
    let store = store().await;
    let mut conversations = Vec::new();
    for _ in 0..TURNS / 2 {
        conversations.push(store.create_conversation("demo", "en").await.unwrap());
    }
    let before = store.turns.batches();
    // Two turns per conversation, both decided on the same facts: one is stored, the
    // other finds its conversation changed, as it would without batching.
    let writers: Vec<_> = (0..TURNS)
        .map(|i| {
            let (store, conv) = (store.clone(), conversations[i / 2].clone());
            tokio::spawn(async move { store.write_turn(turn(&conv, &format!("t{i}"))).await })
        })
        .collect();
    let mut stored = 0;
    let mut changed = 0;
    for writer in writers {
        match writer.await.unwrap().unwrap() {
            TurnWritten::Stored(_) => stored += 1,
            TurnWritten::Changed => changed += 1,
            TurnWritten::Duplicate => panic!("no turn was sent twice"),
        }
    }
    assert_eq!((stored, changed), (TURNS / 2, TURNS / 2));
    let batches = store.turns.batches() - before;
    assert!(
        batches < (TURNS / 4) as u64,
        "{TURNS} turns arriving together took {batches} transactions"
    );
    for conv in &conversations {
        let messages = store.messages_after(&conv.id, 0).await.unwrap();
        assert_eq!(shopper_ids(&messages).len(), 1, "{messages:?}");
        assert_eq!(messages.iter().map(|m| m.seq).collect::<Vec<_>>(), [1, 2]);
    }
}

/// Whether `task` is still waiting after a moment (a lock it should wait for).
async fn still_waiting<T>(task: &tokio::task::JoinHandle<T>) -> bool {
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    !task.is_finished()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_postgresql_only_writes_to_the_same_conversation_or_the_whole_store_wait() {
    let store = store().await;
    if store.engine() != Engine::Postgres {
        eprintln!(
            "SQLite has one writer at a time; this checks PostgreSQL's locks (set {TEST_DATABASE_VAR})"
        );
        return;
    }
    let a = store.create_conversation("demo", "en").await.unwrap();
    let b = store.create_conversation("demo", "en").await.unwrap();
    let held = store.conversation_write_tx(&[a.id.as_str()]).await.unwrap();

    // Another conversation is written and committed while `a` is held.
    let other = tokio::time::timeout(
        std::time::Duration::from_secs(30),
        store.write_turn(turn(&b, "b1")),
    )
    .await
    .expect("a turn of another conversation must not wait for `a`'s lock")
    .unwrap();
    assert!(matches!(other, TurnWritten::Stored(_)));

    // The same conversation waits, and so does a write to the whole store.
    let same = tokio::spawn({
        let (store, a) = (store.clone(), a.clone());
        async move { store.write_turn(turn(&a, "a1")).await }
    });
    let whole = tokio::spawn({
        let store = store.clone();
        async move {
            let tx = store.write_tx().await.unwrap();
            tx.commit().await.unwrap();
        }
    });
    assert!(
        still_waiting(&same).await,
        "a turn of `a` went past its lock"
    );
    assert!(
        still_waiting(&whole).await,
        "a whole-store write went past `a`'s lock"
    );
    held.commit().await.unwrap();
    assert!(matches!(
        same.await.unwrap().unwrap(),
        TurnWritten::Stored(_)
    ));
    whole.await.unwrap();
}
