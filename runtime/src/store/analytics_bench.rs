//! The reports over a store of 1,000,000 messages: 125,000 conversations of 8 messages
//! over 90 days in one shop, shaped like real ones (answered and thanked, answered and
//! silent, handed off and claimed by a person, out of scope). Ignored by default (seeding
//! takes a while); run it with
//!
//! ```text
//! cargo test -p kefu-runtime --lib -- --ignored --nocapture reports_over_a_million_messages
//! ```
//!
//! (`KEFU_TEST_DATABASE` runs it on PostgreSQL.) For the last 30 days and for all 90, it
//! prints the time of the report read from each conversation's cached facts (the first
//! run computes and caches them) and from the daily roll-ups (the first run builds them
//! from the cached facts), and checks both give the same report. Figures are in
//! `docs/benchmarks.md`.

use std::time::Instant;

use super::Store;
use crate::analytics::{Filter, build_report, day_of, report_from_parts};

const CONVERSATIONS: usize = 125_000;
const DAYS: i64 = 90;
const DAY: i64 = 86_400_000;
const ROWS_PER_INSERT: usize = 200;

/// The eight messages of conversation `i` starting at `t`: (author, text, intent, state,
/// line, failed, reason, offset ms).
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    i64,
    Option<&'static str>,
    i64,
);

fn shape(i: usize) -> [Row; 8] {
    let s = "shopper";
    let b = "bot";
    match i % 4 {
        // Answered, thanked, answered again, silence.
        0 => [
            (
                s,
                "where is my order 1001",
                "track_order",
                "bot",
                None,
                0,
                None,
                0,
            ),
            (
                b,
                "Order 1001 is on its way",
                "track_order",
                "bot",
                None,
                0,
                None,
                500,
            ),
            (s, "thanks", "thanks", "bot", None, 0, None, 60_000),
            (
                b,
                "You're welcome",
                "thanks",
                "bot",
                Some("thanks"),
                0,
                None,
                60_500,
            ),
            (
                s,
                "and when will it arrive",
                "track_order",
                "bot",
                None,
                0,
                None,
                120_000,
            ),
            (b, "Thursday", "track_order", "bot", None, 0, None, 120_500),
            (s, "great", "thanks", "bot", None, 0, None, 180_000),
            (
                b,
                "Glad to help",
                "thanks",
                "bot",
                Some("thanks"),
                0,
                None,
                180_500,
            ),
        ],
        // Out of scope twice, a person offered and asked for, claimed, answered.
        1 => [
            (
                s,
                "can I pay with bitcoin",
                "out_of_scope",
                "bot",
                Some("out_of_scope"),
                0,
                None,
                0,
            ),
            (
                b,
                "I can't help with that",
                "out_of_scope",
                "bot",
                Some("out_of_scope"),
                1,
                None,
                500,
            ),
            (
                s,
                "a person please",
                "contact_human_agent",
                "waiting_for_human",
                None,
                0,
                None,
                60_000,
            ),
            (
                b,
                "A person will join",
                "contact_human_agent",
                "waiting_for_human",
                Some("handoff_requested"),
                0,
                Some("asked for a human"),
                60_500,
            ),
            (
                b,
                "Ada joined",
                "agent_joined",
                "human",
                None,
                0,
                None,
                300_000,
            ),
            (
                "agent",
                "Hello, we do not take bitcoin",
                "",
                "human",
                None,
                0,
                None,
                360_000,
            ),
            (
                b,
                "Ada resolved this",
                "resolved",
                "resolved",
                None,
                0,
                None,
                600_000,
            ),
            (s, "ok", "thanks", "bot", None, 0, None, 700_000),
        ],
        // Clarified, not found, answered, silence.
        2 => [
            (s, "cancel", "cancel_order", "bot", None, 0, None, 0),
            (
                b,
                "Which one?",
                "cancel_order",
                "bot",
                Some("clarify"),
                0,
                None,
                500,
            ),
            (
                s,
                "cancel order 9999",
                "cancel_order",
                "bot",
                None,
                0,
                None,
                30_000,
            ),
            (
                b,
                "No such order",
                "cancel_order",
                "bot",
                Some("order_not_found"),
                1,
                None,
                30_500,
            ),
            (
                s,
                "cancel order 1002",
                "cancel_order",
                "bot",
                None,
                0,
                None,
                60_000,
            ),
            (b, "Cancelled", "cancel_order", "bot", None, 0, None, 60_500),
            (
                s,
                "what is your return policy",
                "return_policy",
                "bot",
                None,
                0,
                None,
                90_000,
            ),
            (b, "30 days", "return_policy", "bot", None, 0, None, 90_500),
        ],
        // A policy topic straight away, never claimed; the shopper keeps writing.
        _ => [
            (
                s,
                "my account was hacked",
                "account_security",
                "waiting_for_human",
                None,
                0,
                None,
                0,
            ),
            (
                b,
                "A person should handle this",
                "account_security",
                "waiting_for_human",
                Some("policy_handoff"),
                0,
                Some("policy: account security"),
                500,
            ),
            (
                s,
                "hello?",
                "greeting",
                "waiting_for_human",
                None,
                0,
                None,
                60_000,
            ),
            (
                s,
                "anyone?",
                "greeting",
                "waiting_for_human",
                None,
                0,
                None,
                120_000,
            ),
            (
                s,
                "please",
                "greeting",
                "waiting_for_human",
                None,
                0,
                None,
                180_000,
            ),
            (
                s,
                "still here",
                "greeting",
                "waiting_for_human",
                None,
                0,
                None,
                240_000,
            ),
            (
                s,
                "hurry",
                "greeting",
                "waiting_for_human",
                None,
                0,
                None,
                300_000,
            ),
            (
                s,
                "ok",
                "greeting",
                "waiting_for_human",
                None,
                0,
                None,
                360_000,
            ),
        ],
    }
}

async fn seed(store: &Store, start: i64) {
    store.create_merchant("bench", "Bench Shop").await.unwrap();
    let mut tx = store.write_tx().await.unwrap();
    for chunk in (0..CONVERSATIONS)
        .collect::<Vec<_>>()
        .chunks(ROWS_PER_INSERT)
    {
        let mut sql = String::from(
            "INSERT INTO conversations (id, merchant_id, state, locale, last_seq, created_at, \
             updated_at) VALUES ",
        );
        let mut n = 0;
        for (k, _) in chunk.iter().enumerate() {
            if k > 0 {
                sql.push(',');
            }
            sql.push_str(&format!(
                "(${}, 'bench', 'bot', ${}, 8, ${}, ${})",
                n + 1,
                n + 2,
                n + 3,
                n + 4
            ));
            n += 4;
        }
        let mut q = sqlx::query(&sql);
        for &i in chunk {
            let t = start + (i as i64 * DAYS * DAY) / CONVERSATIONS as i64;
            q = q
                .bind(format!("bench{i:06}"))
                .bind(if i % 10 == 0 { "zh" } else { "en" })
                .bind(t)
                .bind(t);
        }
        q.execute(&mut *tx).await.unwrap();
    }
    // 100 conversations' 800 messages, 8,000 parameters: under both engines' limits.
    for chunk in (0..CONVERSATIONS).collect::<Vec<_>>().chunks(100) {
        let mut sql = String::from(
            "INSERT INTO messages (conversation_id, seq, author, text, intent, state, \
             created_at, line, failed, handoff_reason, upset) VALUES ",
        );
        let mut n = 0;
        for k in 0..chunk.len() * 8 {
            if k > 0 {
                sql.push(',');
            }
            let p: Vec<String> = (1..=10).map(|j| format!("${}", n + j)).collect();
            sql.push_str(&format!("({}, 0)", p.join(", ")));
            n += 10;
        }
        let mut q = sqlx::query(&sql);
        for &i in chunk {
            let t = start + (i as i64 * DAYS * DAY) / CONVERSATIONS as i64;
            for (seq, (author, text, intent, state, line, failed, reason, offset)) in
                shape(i).into_iter().enumerate()
            {
                q = q
                    .bind(format!("bench{i:06}"))
                    .bind(seq as i64 + 1)
                    .bind(author)
                    .bind(text)
                    .bind((!intent.is_empty()).then_some(intent))
                    .bind(state)
                    .bind(t + offset)
                    .bind(line)
                    .bind(failed)
                    .bind(reason);
            }
        }
        q.execute(&mut *tx).await.unwrap();
    }
    tx.commit().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "seeds 1,000,000 messages; run with --ignored"]
async fn reports_over_a_million_messages() {
    let store = Store::scratch().await.unwrap();
    let now = super::now_ms();
    let start = (now / DAY - DAYS) * DAY;
    let seeding = Instant::now();
    seed(&store, start).await;
    let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM messages")
        .fetch_one(&store.pool)
        .await
        .unwrap();
    assert_eq!(count, 1_000_000);
    eprintln!("seeded {count} messages in {:.1?}", seeding.elapsed());
    for days in [30, DAYS] {
        let from = start + (DAYS - days) * DAY;
        let until = start + DAYS * DAY;
        let filter = Filter {
            from: day_of(from),
            to: day_of(until - 1),
            lang: None,
            channel: None,
        };
        // Per conversation: one cached facts row each (the first run computes them).
        let mut by_conversation = vec![];
        let mut report = None;
        for _ in 0..6 {
            let t = Instant::now();
            let facts = store
                .conversation_facts("bench", from, until, now)
                .await
                .unwrap();
            let calls = store.plugin_call_rows("bench", from, until).await.unwrap();
            let r = build_report(&filter, &facts, &calls);
            by_conversation.push(t.elapsed());
            assert_eq!(
                r.totals.conversations as usize,
                facts.len(),
                "every seeded conversation has a shopper message"
            );
            report = Some(r);
        }
        // Per day: the roll-ups (the first run builds them from the cached facts).
        let mut by_day = vec![];
        for _ in 0..6 {
            let t = Instant::now();
            let parts = store.report_parts("bench", from, until, now).await.unwrap();
            let calls = store.plugin_call_rows("bench", from, until).await.unwrap();
            let r = report_from_parts(&filter, &parts, &calls);
            by_day.push(t.elapsed());
            assert_eq!(Some(r), report, "the roll-ups add up to the same report");
        }
        let conversations = report.map_or(0, |r| r.totals.conversations);
        for (how, times) in [
            ("cached facts", by_conversation),
            ("daily roll-ups", by_day),
        ] {
            let mut warm = times[1..].to_vec();
            warm.sort();
            eprintln!(
                "{days} days ({conversations} conversations), {how}: first report {:.1?}, \
                 then median {:.1?}, max {:.1?}",
                times[0],
                warm[warm.len() / 2],
                warm[warm.len() - 1],
            );
        }
    }
}
