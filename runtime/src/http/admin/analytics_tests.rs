//! The reports, correct by construction: conversations seeded through the real store (as
//! the engine and the console write them), re-dated to two past days because a test
//! cannot wait 25 hours, and every figure of the admin API's answer worked out by hand
//! below, as literals, from the definitions in `docs/analytics.md`.
//!
//! The days: Monday 2026-03-02 (D) and Tuesday 2026-03-03 (D+1); business hours Monday to
//! Friday 09:00–17:00 UTC.
//!
//! | | day | lang | what happens | resolution |
//! | --- | --- | --- | --- | --- |
//! | A | D | en | order answered, "thanks", rated 5 | confirmed |
//! | B | D | en | return policy answered; back after 25 h about an order | assumed |
//! | C | D | en | order answered; back after 30 h about the same order | withdrawn |
//! | D | D | en | asks for a person at 20:00, nobody online, never claimed | not involved |
//! | E | D | zh | asks for a person 16:50; claimed next morning; resolved; rated 2 | agent-only |
//! | F | D | en | out of scope twice, offered a person, takes it (loop); resolved; reopened; frustrated, handed off again; resolved | handed off |
//! | G | D+1 | en | clarified, order not found, account hacked (policy), never claimed | handed off |
//! | I | D+1 | en | "Do you ship to Canada?", out of scope, silence | unresolved |
//! | H | D | en | opened, nothing written | not counted |

use kefu_protocol::{Author, Card, ConversationState};
use serde_json::{Value, json};

use super::tests::{TestApp, app, get, json as send_json};
use crate::analytics::hours::day_start;
use crate::store::{Agent, MessageMarks, NewMessage, Store};

const MIN: i64 = 60_000;
const HOUR: i64 = 60 * MIN;

fn at(day: i64, hh: i64, mm: i64) -> i64 {
    day_start("2026-03-02").unwrap() + day * 24 * HOUR + hh * HOUR + mm * MIN
}

/// A bot answer as the engine stores it.
#[derive(Default)]
struct Bot {
    text: &'static str,
    intent: &'static str,
    line: Option<&'static str>,
    failed: bool,
    reason: Option<&'static str>,
    cards: Vec<Card>,
}

/// One conversation being written, with the times its messages are re-dated to.
struct Seed<'a> {
    store: &'a Store,
    id: String,
    times: Vec<(u64, i64)>,
}

fn message(author: Author, text: &str, intent: Option<&str>, marks: MessageMarks) -> NewMessage {
    NewMessage {
        author,
        text: text.into(),
        cards: vec![],
        client_msg_id: None,
        intent: intent.map(str::to_string),
        confidence: None,
        marks,
    }
}

impl<'a> Seed<'a> {
    async fn new(store: &'a Store, locale: &str) -> Self {
        let c = store.create_conversation("demo", locale).await.unwrap();
        Self {
            store,
            id: c.id,
            times: vec![],
        }
    }

    fn stored(&mut self, messages: &[kefu_protocol::ChatMessage], times: &[i64]) {
        for (m, t) in messages.iter().zip(times) {
            self.times.push((m.seq, *t));
        }
    }

    /// The shopper says `text` (heard as `intent`) at `t`; the bot answers at once.
    async fn turn(&mut self, t: i64, text: &str, intent: &str, upset: bool, bot: Bot) {
        let conv = self
            .store
            .conversation("demo", &self.id)
            .await
            .unwrap()
            .unwrap();
        let state = if bot.reason.is_some() {
            ConversationState::WaitingForHuman
        } else {
            ConversationState::Bot
        };
        let mut shopper = message(
            Author::Shopper,
            text,
            Some(intent),
            MessageMarks {
                upset,
                ..MessageMarks::default()
            },
        );
        shopper.client_msg_id = Some(uuid::Uuid::new_v4().to_string());
        let mut answer = message(
            Author::Bot,
            bot.text,
            Some(bot.intent),
            MessageMarks {
                line: bot.line.map(str::to_string),
                failed: bot.failed,
                handoff_reason: bot.reason.map(str::to_string),
                upset: false,
            },
        );
        answer.cards = bot.cards;
        let mut update = conv.unchanged();
        update.state = state;
        if let Some(reason) = bot.reason {
            update.handoff_reason = Some(reason.into());
        }
        let stored = self
            .store
            .append_turn(&self.id, vec![shopper, answer], &update)
            .await
            .unwrap()
            .unwrap();
        self.stored(&stored, &[t, t]);
    }

    async fn claim(&mut self, agent: &Agent, t: i64) {
        let notice = message(
            Author::Bot,
            "Ada joined",
            Some("agent_joined"),
            Default::default(),
        );
        let stored = self.store.claim(agent, &self.id, notice).await.unwrap();
        self.stored(&stored, &[t]);
    }

    async fn agent_says(&mut self, agent: &Agent, t: i64) {
        let reply = message(
            Author::Agent,
            "Hello, let me look",
            None,
            Default::default(),
        );
        let stored = self
            .store
            .agent_messages(agent, &self.id, vec![reply], ConversationState::Human)
            .await
            .unwrap();
        self.stored(&stored, &[t]);
    }

    async fn resolve(&mut self, agent: &Agent, t: i64) {
        let mut notice = message(
            Author::Bot,
            "Ada resolved this",
            Some("resolved"),
            Default::default(),
        );
        notice.cards = vec![Card::Csat { scale: 5 }];
        let stored = self
            .store
            .agent_messages(agent, &self.id, vec![notice], ConversationState::Resolved)
            .await
            .unwrap();
        self.stored(&stored, &[t]);
    }

    async fn rate(&mut self, score: u8, t: i64) {
        let rating = message(
            Author::Shopper,
            &score.to_string(),
            Some("csat"),
            Default::default(),
        );
        let thanks = message(
            Author::Bot,
            "Thank you for rating",
            Some("csat"),
            Default::default(),
        );
        let stored = self
            .store
            .rate(&self.id, score, vec![rating, thanks])
            .await
            .unwrap()
            .unwrap();
        self.stored(&stored, &[t, t]);
    }

    async fn done(self, created_at: i64) -> String {
        self.store
            .redate_conversation(&self.id, created_at, &self.times)
            .await
            .unwrap();
        self.id
    }
}

fn answer(text: &'static str, intent: &'static str) -> Bot {
    Bot {
        text,
        intent,
        ..Bot::default()
    }
}

fn said(intent: &'static str, line: &'static str, failed: bool) -> Bot {
    Bot {
        text: "(the bot's line)",
        intent,
        line: Some(line),
        failed,
        ..Bot::default()
    }
}

fn hand_off(intent: &'static str, line: &'static str, reason: &'static str, nobody: bool) -> Bot {
    Bot {
        text: "(handing off)",
        intent,
        line: Some(line),
        reason: Some(reason),
        cards: if nobody {
            vec![Card::ContactForm {
                reply_within: "within 24 hours".into(),
            }]
        } else {
            vec![]
        },
        ..Bot::default()
    }
}

/// The seeded shop; the conversations' ids by letter.
async fn seeded() -> (TestApp, std::collections::HashMap<char, String>) {
    let app = app(false).await;
    let (status, body) = send_json(
        &app,
        axum::http::Method::PUT,
        "/v1/admin/settings",
        &app.demo,
        json!({
            "name": "Demo Shop",
            "refund_cap_minor": null,
            "business_hours": {"days": ["mon", "tue", "wed", "thu", "fri"], "open": "09:00", "close": "17:00", "utc_offset_minutes": 0},
            "reply_within_hours": 24,
            "handoff_phrases": [],
            "default_locale": "en",
        }),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let store = app.state.store.clone();
    let ada = store
        .add_agent("demo", "ada@reports.test", "Ada", "x")
        .await
        .unwrap();
    let mut ids = std::collections::HashMap::new();

    let mut a = Seed::new(&store, "en").await;
    a.turn(
        at(0, 10, 0),
        "where is my order 1001",
        "track_order",
        false,
        answer("Order 1001 is on its way", "track_order"),
    )
    .await;
    let mut thanks = said("thanks", "thanks", false);
    thanks.cards = vec![Card::Csat { scale: 5 }];
    a.turn(at(0, 10, 1), "thanks!", "thanks", false, thanks)
        .await;
    a.rate(5, at(0, 10, 2)).await;
    ids.insert('A', a.done(at(0, 10, 0)).await);

    let mut b = Seed::new(&store, "en").await;
    b.turn(
        at(0, 11, 0),
        "what is your return policy",
        "return_policy",
        false,
        answer("30 days", "return_policy"),
    )
    .await;
    b.turn(
        at(1, 12, 0),
        "where is order 1002",
        "track_order",
        false,
        answer("Order 1002 was delivered", "track_order"),
    )
    .await;
    ids.insert('B', b.done(at(0, 11, 0)).await);

    let mut c = Seed::new(&store, "en").await;
    c.turn(
        at(0, 12, 0),
        "where is order 1003",
        "track_order",
        false,
        answer("Order 1003 ships tomorrow", "track_order"),
    )
    .await;
    c.turn(
        at(1, 18, 0),
        "order 1003 still hasn't arrived",
        "track_order",
        false,
        answer("Order 1003 is in transit", "track_order"),
    )
    .await;
    ids.insert('C', c.done(at(0, 12, 0)).await);

    let mut d = Seed::new(&store, "en").await;
    d.turn(
        at(0, 20, 0),
        "I want to talk to a person",
        "contact_human_agent",
        false,
        hand_off(
            "contact_human_agent",
            "handoff_requested",
            "asked for a human",
            true,
        ),
    )
    .await;
    ids.insert('D', d.done(at(0, 20, 0)).await);

    let mut e = Seed::new(&store, "zh-CN").await;
    e.turn(
        at(0, 16, 50),
        "转人工",
        "contact_human_agent",
        false,
        hand_off(
            "contact_human_agent",
            "handoff_requested",
            "asked for a human",
            false,
        ),
    )
    .await;
    e.claim(&ada, at(1, 9, 0)).await;
    e.agent_says(&ada, at(1, 9, 10)).await;
    e.resolve(&ada, at(1, 9, 30)).await;
    e.rate(2, at(1, 9, 31)).await;
    ids.insert('E', e.done(at(0, 16, 50)).await);

    let mut f = Seed::new(&store, "en").await;
    f.turn(
        at(0, 14, 0),
        "can I pay with bitcoin",
        "out_of_scope",
        false,
        said("out_of_scope", "out_of_scope", true),
    )
    .await;
    f.turn(
        at(0, 14, 1),
        "do you accept bitcoin?",
        "out_of_scope",
        false,
        said("out_of_scope", "offer_human", false),
    )
    .await;
    f.turn(
        at(0, 14, 2),
        "yes please, a person",
        "contact_human_agent",
        false,
        hand_off(
            "contact_human_agent",
            "handoff_requested",
            "asked for a human",
            false,
        ),
    )
    .await;
    f.claim(&ada, at(0, 14, 10)).await;
    f.agent_says(&ada, at(0, 14, 12)).await;
    f.resolve(&ada, at(0, 14, 20)).await;
    f.turn(
        at(0, 15, 0),
        "one more question: do you ship to Canada",
        "delivery_options",
        false,
        said("delivery_options", "cannot_handle_yet", true),
    )
    .await;
    f.turn(
        at(0, 15, 1),
        "this is useless, a human NOW",
        "contact_human_agent",
        true,
        hand_off(
            "contact_human_agent",
            "handoff_requested",
            "asked for a human",
            false,
        ),
    )
    .await;
    f.claim(&ada, at(0, 15, 31)).await;
    f.agent_says(&ada, at(0, 15, 33)).await;
    f.resolve(&ada, at(0, 15, 40)).await;
    ids.insert('F', f.done(at(0, 14, 0)).await);

    let mut g = Seed::new(&store, "en").await;
    g.turn(
        at(1, 9, 30),
        "cancel",
        "cancel_order",
        false,
        said("cancel_order", "clarify", false),
    )
    .await;
    g.turn(
        at(1, 9, 31),
        "cancel order 9999",
        "cancel_order",
        false,
        said("cancel_order", "order_not_found", true),
    )
    .await;
    g.turn(
        at(1, 9, 32),
        "my account was hacked, refund me",
        "get_refund",
        false,
        hand_off(
            "get_refund",
            "policy_handoff",
            "policy: account security",
            false,
        ),
    )
    .await;
    ids.insert('G', g.done(at(1, 9, 30)).await);

    let mut i = Seed::new(&store, "en").await;
    i.turn(
        at(1, 10, 0),
        "Do you ship to Canada?",
        "out_of_scope",
        false,
        said("out_of_scope", "out_of_scope", true),
    )
    .await;
    ids.insert('I', i.done(at(1, 10, 0)).await);

    let h = Seed::new(&store, "en").await;
    ids.insert('H', h.done(at(0, 8, 0)).await);
    (app, ids)
}

const RANGE: &str = "from=2026-03-02&to=2026-03-03";

/// Conversation-level figures: conversations, involved, confirmed, assumed, withdrawn,
/// pending, unresolved, handoffs, handed off; and the two rates.
fn figures(v: [u64; 9], resolution_rate: Value, handoff_rate: Value) -> Value {
    json!({
        "conversations": v[0], "involved": v[1], "resolved_confirmed": v[2],
        "resolved_assumed": v[3], "resolution_withdrawn": v[4], "resolution_pending": v[5],
        "unresolved": v[6], "resolution_rate": resolution_rate,
        "handoffs": v[7], "handed_off": v[8], "handoff_rate": handoff_rate,
    })
}

fn slice(key: &str, f: Value) -> Value {
    let mut f = f;
    f["key"] = json!(key);
    f
}

fn intent(name: &str, [volume, clarifications, not_found, unhelpful, handoffs]: [u64; 5]) -> Value {
    json!({"intent": name, "volume": volume, "clarifications": clarifications,
           "not_found": not_found, "unhelpful": unhelpful, "handoffs": handoffs})
}

#[tokio::test(flavor = "multi_thread")]
async fn every_figure_of_a_seeded_shop_is_what_the_definitions_say() {
    let (app, ids) = seeded().await;
    let (status, body) = get(&app, &format!("/v1/admin/analytics?{RANGE}"), &app.demo).await;
    assert_eq!(status, 200, "{body}");

    // Counted: A B C D E F G I (H has no message). Involved: A B C F G I (D and E had
    // only a handoff from the bot). Handoffs: D, E, F twice, G.
    let totals = figures([8, 6, 1, 1, 1, 0, 1, 5, 4], json!(0.3333), json!(0.5));
    let day1 = figures([6, 4, 1, 1, 1, 0, 0, 4, 3], json!(0.5), json!(0.5));
    let day2 = figures([2, 2, 0, 0, 0, 0, 1, 1, 1], json!(0.0), json!(0.5));
    let en = figures([7, 6, 1, 1, 1, 0, 1, 4, 3], json!(0.3333), json!(0.4286));
    let zh = figures([1, 0, 0, 0, 0, 0, 0, 1, 1], Value::Null, json!(1.0));
    let expected = json!({
        "from": "2026-03-02", "to": "2026-03-03", "lang": null, "channel": null,
        "totals": totals,
        "by_day": [slice("2026-03-02", day1), slice("2026-03-03", day2)],
        "by_language": [slice("en", en), slice("zh", zh)],
        "by_channel": [slice("widget", totals.clone())],
        "handoffs": {
            // D and E asked; F took the offer after two failures (loop), then asked upset
            // (frustration); G's account was hacked (policy).
            "by_reason": {"asked_for_human": 2, "frustration": 1, "loop": 1, "policy_topic": 1},
            "by_intent": {"contact_human_agent": 4, "get_refund": 1},
            "nobody_online": 1,
        },
        "csat": {
            // A was asked and rated 5.
            "bot_only": {"asked": 1, "rated": 1, "response_rate": 1.0, "average": 5.0, "satisfied": 1},
            // E and F were asked when resolved; E rated 2.
            "human": {"asked": 2, "rated": 1, "response_rate": 0.5, "average": 2.0, "satisfied": 0},
        },
        "people": {
            "conversations": 2,
            "agent_only": 1,
            // E: Mon 16:50 → Tue 09:10 is 10 + 10 business minutes; F: 14:02 → 14:12.
            "first_response": {"count": 2, "median_ms": 600_000, "average_ms": 900_000},
            // E: → Tue 09:30, 10 + 30 minutes; F: 14:02 → 14:20 (its reopening is not
            // measured again).
            "resolution": {"count": 2, "median_ms": 1_080_000, "average_ms": 1_740_000},
            // F 8 min and 30 min; E 16 h 10 min wall-clock.
            "queue_wait": {"count": 3, "median_ms": 1_800_000, "average_ms": 20_160_000},
            "unclaimed": 2,
            "reopened": 1,
            "agent_messages": 3,
        },
        "intents": [
            intent("contact_human_agent", [4, 0, 0, 0, 4]),
            intent("track_order", [4, 0, 0, 0, 0]),
            intent("out_of_scope", [3, 0, 0, 2, 0]),
            intent("cancel_order", [2, 1, 1, 1, 0]),
            intent("csat", [2, 0, 0, 0, 0]),
            intent("delivery_options", [1, 0, 0, 1, 0]),
            intent("get_refund", [1, 0, 0, 0, 1]),
            intent("return_policy", [1, 0, 0, 0, 0]),
            intent("thanks", [1, 0, 0, 0, 0]),
        ],
        "plugins": [],
    });
    assert_eq!(body, expected);

    // The language filter keeps E alone.
    let (_, zh_only) = get(
        &app,
        &format!("/v1/admin/analytics?{RANGE}&lang=zh"),
        &app.demo,
    )
    .await;
    assert_eq!(
        zh_only["totals"],
        figures([1, 0, 0, 0, 0, 0, 0, 1, 1], Value::Null, json!(1.0))
    );
    assert_eq!(zh_only["people"]["agent_only"], 1);

    // The conversations behind the handoff count, oldest first, and behind one reason.
    let (status, behind) = get(
        &app,
        &format!("/v1/admin/analytics/conversations?{RANGE}&metric=handoffs"),
        &app.demo,
    )
    .await;
    assert_eq!(status, 200, "{behind}");
    let listed: Vec<&str> = behind["conversations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["conversation"].as_str().unwrap())
        .collect();
    assert_eq!(listed, [&ids[&'F'], &ids[&'E'], &ids[&'D'], &ids[&'G']]);
    assert_eq!(behind["count"], 4);
    assert_eq!(behind["conversations"][0]["line"], "can I pay with bitcoin");
    let (_, looped) = get(
        &app,
        &format!("/v1/admin/analytics/conversations?{RANGE}&metric=handoffs&reason=loop"),
        &app.demo,
    )
    .await;
    assert_eq!(looped["count"], 1);
    assert_eq!(
        looped["conversations"][0]["conversation"],
        ids[&'F'].as_str()
    );
    for (metric, who) in [
        ("resolved_confirmed", 'A'),
        ("resolved_assumed", 'B'),
        ("resolution_withdrawn", 'C'),
        ("nobody_online", 'D'),
        ("agent_only", 'E'),
        ("reopened", 'F'),
        ("unresolved", 'I'),
    ] {
        let (_, list) = get(
            &app,
            &format!("/v1/admin/analytics/conversations?{RANGE}&metric={metric}"),
            &app.demo,
        )
        .await;
        assert_eq!(list["count"], 1, "{metric}: {list}");
        assert_eq!(
            list["conversations"][0]["conversation"],
            ids[&who].as_str(),
            "{metric}"
        );
    }
    let (status, unknown) = get(
        &app,
        &format!("/v1/admin/analytics/conversations?{RANGE}&metric=happiness"),
        &app.demo,
    )
    .await;
    assert_eq!(
        (status.as_u16(), unknown["code"].as_str()),
        (400, Some("unknown_metric"))
    );

    // CSV: a row per day and the total.
    let (status, csv) = get(
        &app,
        &format!("/v1/admin/analytics/export.csv?{RANGE}"),
        &app.demo,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        csv.as_str().unwrap(),
        "day,conversations,involved,resolved_confirmed,resolved_assumed,resolution_withdrawn,\
         resolution_pending,unresolved,resolution_rate,handoffs,handed_off,handoff_rate\r\n\
         2026-03-02,6,4,1,1,1,0,0,0.5,4,3,0.5\r\n\
         2026-03-03,2,2,0,0,0,0,1,0,1,1,0.5\r\n\
         total,8,6,1,1,1,0,1,0.3333,5,4,0.5\r\n"
    );

    // The questions nobody answered: F's and I's "ship to Canada" are one group.
    let (status, unanswered) = get(
        &app,
        &format!("/v1/admin/analytics/unanswered?{RANGE}"),
        &app.demo,
    )
    .await;
    assert_eq!(status, 200, "{unanswered}");
    assert_eq!(
        unanswered,
        json!({"questions": [
            {"question": "one more question: do you ship to Canada", "count": 2, "lang": "en",
             "variants": ["Do you ship to Canada?"], "conversations": [ids[&'F'], ids[&'I']],
             "faq": {"question": "one more question: do you ship to Canada", "lang": "en"}},
            {"question": "can I pay with bitcoin", "count": 1, "lang": "en", "variants": [],
             "conversations": [ids[&'F']],
             "faq": {"question": "can I pay with bitcoin", "lang": "en"}},
        ]})
    );

    // A second report reads the cache and says the same.
    let (_, again) = get(&app, &format!("/v1/admin/analytics?{RANGE}"), &app.demo).await;
    assert_eq!(again, expected);
    // Another shop sees none of it.
    let (_, other) = get(&app, &format!("/v1/admin/analytics?{RANGE}"), &app.other).await;
    assert_eq!(other["totals"]["conversations"], 0);
}
