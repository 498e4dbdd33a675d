//! What group commit buys on the write path, measured rather than asserted: an ignored test
//! (`cargo test -p kefu-runtime --lib -- --ignored --nocapture
//! turns_per_second_with_and_without_group_commit`) that writes the same turns from 64
//! conversations at once, first one transaction per turn (as before group commit), then
//! through the batching queue, on an SQLite file with `synchronous = FULL` (or, with
//! `KEFU_TEST_DATABASE`, a PostgreSQL schema). Figures in docs/benchmarks.md.

use std::time::{Duration, Instant};

use kefu_protocol::{Author, ConversationState};

use crate::store::{
    ConversationUpdate, Database, DemoData, NewMessage, Store, TurnWrite, TurnWritten,
};

const WRITERS: usize = 64;
const TURNS: usize = 30;

fn message(author: Author, text: &str, id: Option<String>) -> NewMessage {
    NewMessage {
        author,
        text: text.into(),
        cards: vec![],
        client_msg_id: id,
        intent: None,
        confidence: None,
        marks: Default::default(),
    }
}

/// Writes `TURNS` turns in each of `WRITERS` new conversations at once; the per-turn write
/// times and the wall time.
async fn run(store: &Store, grouped: bool) -> (Vec<Duration>, Duration) {
    let started = Instant::now();
    let mut writers = Vec::new();
    for w in 0..WRITERS {
        let store = store.clone();
        writers.push(tokio::spawn(async move {
            let mut conv = store.create_conversation("demo", "en").await.unwrap();
            let mut times = Vec::with_capacity(TURNS);
            for t in 0..TURNS {
                let turn = TurnWrite {
                    conversation: conv.id.clone(),
                    seen_last_seq: Some(conv.last_seq),
                    seen_state: conv.state,
                    messages: vec![
                        message(
                            Author::Shopper,
                            "where is my order 1001?",
                            Some(format!("{w}-{t}")),
                        ),
                        message(Author::Bot, "Order 1001 shipped yesterday.", None),
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
                };
                let at = Instant::now();
                let written = if grouped {
                    store.write_turn(turn).await.unwrap()
                } else {
                    store.write_turns(vec![turn]).await.pop().unwrap().unwrap()
                };
                times.push(at.elapsed());
                let TurnWritten::Stored(stored) = written else {
                    panic!("{written:?}")
                };
                conv.last_seq = stored.last().unwrap().seq;
            }
            times
        }));
    }
    let mut times = Vec::new();
    for w in writers {
        times.extend(w.await.unwrap());
    }
    (times, started.elapsed())
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a measurement, not a check: run it with --ignored --nocapture"]
async fn turns_per_second_with_and_without_group_commit() {
    let dir = std::env::temp_dir().join(format!("kefu-group-bench-{}", uuid::Uuid::new_v4()));
    let database = Database::for_tests(Database::Sqlite(dir.join("kefu.db")));
    let store = Store::connect(&database).await.unwrap();
    store
        .load_demo(&DemoData::builtin().unwrap())
        .await
        .unwrap();
    println!(
        "{} writers × {} turns on {}",
        WRITERS,
        TURNS,
        database.display()
    );
    for (label, grouped) in [
        ("one transaction per turn", false),
        ("group commit", true),
        ("one transaction per turn, again", false),
        ("group commit, again", true),
    ] {
        let batches = store.turns.batches();
        let (mut times, wall) = run(&store, grouped).await;
        times.sort_unstable();
        let n = times.len();
        println!(
            "{label}: {n} turns in {:.2} s = {:.0} turns/s; write p50 {:.1} ms, p99 {:.1} ms; \
             {} transactions",
            wall.as_secs_f64(),
            n as f64 / wall.as_secs_f64(),
            percentile(&times, 0.5),
            percentile(&times, 0.99),
            if grouped {
                (store.turns.batches() - batches).to_string()
            } else {
                n.to_string()
            }
        );
    }
    store.close().await;
    let _ = std::fs::remove_dir_all(dir);
}
