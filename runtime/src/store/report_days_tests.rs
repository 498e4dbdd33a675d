//! Daily roll-ups stay true: a conversation that changes after its day was rolled up is
//! reported as it is now. Every report below is read through the roll-ups (as the admin API
//! does) and compared with the report computed afresh from the messages, without any cache,
//! and its key figures are checked by hand against `docs/analytics.md`.
//!
//! Conversations are written through the store's real paths (a turn, a claim, a person's
//! reply, a resolution, a deletion); each message is then given the time it is meant to
//! have arrived at, before any report reads it, because a test cannot wait 24 hours.

use kefu_protocol::{Author, ConversationState};

use crate::analytics::hours::day_start;
use crate::analytics::{
    Filter, Report, build_report, conversation_facts, day_of, report_from_parts,
};
use crate::store::{
    Agent, BusinessHours, MessageMarks, NewMessage, OnDevice, SettingsUpdate, Store,
};

const SHOP: &str = "rollup";
const MIN: i64 = 60_000;
const HOUR: i64 = 60 * MIN;
const DAY: i64 = 24 * HOUR;

/// Monday 2026-03-02 00:00 UTC plus `day` days, `hh:mm`.
fn at(day: i64, hh: i64, mm: i64) -> i64 {
    day_start("2026-03-02").unwrap() + day * DAY + hh * HOUR + mm * MIN
}

struct Shop {
    store: Store,
    agent: Agent,
}

fn message(author: Author, text: &str, intent: Option<&str>, marks: MessageMarks) -> NewMessage {
    NewMessage {
        author,
        text: text.into(),
        cards: vec![],
        client_msg_id: (author == Author::Shopper).then(|| uuid::Uuid::new_v4().to_string()),
        intent: intent.map(str::to_string),
        confidence: None,
        marks,
    }
}

impl Shop {
    async fn new() -> Self {
        let store = Store::scratch().await.unwrap();
        store.create_merchant(SHOP, "Roll-up Shop").await.unwrap();
        let agent = store
            .add_agent(SHOP, "ada@example.com", "Ada", "not-a-hash")
            .await
            .unwrap();
        Self { store, agent }
    }

    /// The time `seq`'s message of `id` arrived at.
    async fn arrived(&self, id: &str, seqs: &[u64], t: i64) {
        for seq in seqs {
            sqlx::query(
                "UPDATE messages SET created_at = $1 WHERE conversation_id = $2 AND seq = $3",
            )
            .bind(t)
            .bind(id)
            .bind(*seq as i64)
            .execute(&self.store.pool)
            .await
            .unwrap();
        }
    }

    async fn start(&self, locale: &str, t: i64) -> String {
        let id = self
            .store
            .create_conversation(SHOP, locale)
            .await
            .unwrap()
            .id;
        sqlx::query("UPDATE conversations SET created_at = $1 WHERE id = $2")
            .bind(t)
            .bind(&id)
            .execute(&self.store.pool)
            .await
            .unwrap();
        id
    }

    /// The shopper writes `intent` at `t`; the bot answers at once, handing off with
    /// `reason` when there is one.
    async fn turn(&self, id: &str, t: i64, intent: &str, reason: Option<&str>) {
        let conv = self.store.conversation(SHOP, id).await.unwrap().unwrap();
        let mut update = conv.unchanged();
        update.state = if reason.is_some() {
            ConversationState::WaitingForHuman
        } else {
            ConversationState::Bot
        };
        update.handoff_reason = reason.map(str::to_string).or(update.handoff_reason);
        let shopper = message(
            Author::Shopper,
            "(the question)",
            Some(intent),
            Default::default(),
        );
        let answer = message(
            Author::Bot,
            "(the answer)",
            Some(intent),
            MessageMarks {
                handoff_reason: reason.map(str::to_string),
                ..MessageMarks::default()
            },
        );
        let stored = self
            .store
            .append_turn(id, vec![shopper, answer], &update)
            .await
            .unwrap()
            .unwrap();
        let seqs: Vec<u64> = stored.iter().map(|m| m.seq).collect();
        self.arrived(id, &seqs, t).await;
    }

    /// Ada claims it at `t`, replies at `t` + 5 min and resolves it at `t` + 10 min.
    async fn person_resolves(&self, id: &str, t: i64) {
        let joined = message(
            Author::Bot,
            "Ada joined",
            Some("agent_joined"),
            Default::default(),
        );
        let stored = self.store.claim(&self.agent, id, joined).await.unwrap();
        self.arrived(id, &[stored[0].seq], t).await;
        let reply = message(Author::Agent, "Done", None, Default::default());
        let stored = self
            .store
            .agent_messages(&self.agent, id, vec![reply], ConversationState::Human)
            .await
            .unwrap();
        self.arrived(id, &[stored[0].seq], t + 5 * MIN).await;
        let resolved = message(
            Author::Bot,
            "Ada resolved this",
            Some("resolved"),
            Default::default(),
        );
        let stored = self
            .store
            .agent_messages(&self.agent, id, vec![resolved], ConversationState::Resolved)
            .await
            .unwrap();
        self.arrived(id, &[stored[0].seq], t + 10 * MIN).await;
    }

    /// The report over days `first..=last` as the admin API reads it: from the roll-ups.
    async fn report(&self, first: i64, last: i64, now: i64) -> Report {
        let (from, until) = (at(first, 0, 0), at(last + 1, 0, 0));
        let parts = self
            .store
            .report_parts(SHOP, from, until, now)
            .await
            .unwrap();
        let rolled = report_from_parts(&filter(from, until), &parts, &[]);
        assert_eq!(
            rolled,
            self.afresh(from, until, now).await,
            "the roll-ups' report is the one computed afresh from the messages"
        );
        rolled
    }

    /// The report computed from every message again, without the facts' cache or the
    /// roll-ups.
    async fn afresh(&self, from: i64, until: i64, now: i64) -> Report {
        let ids: Vec<String> = sqlx::query_scalar("SELECT id FROM conversations")
            .fetch_all(&self.store.pool)
            .await
            .unwrap();
        let hours = self.store.open_hours(SHOP).await.unwrap();
        let facts: Vec<_> = self
            .store
            .conversations_in(SHOP, from, until, &ids)
            .await
            .unwrap()
            .iter()
            .map(|c| conversation_facts(c, now, hours.as_ref()))
            .collect();
        build_report(&filter(from, until), &facts, &[])
    }

    async fn rolled_up_days(&self) -> i64 {
        sqlx::query_scalar("SELECT COUNT(*) FROM report_days")
            .fetch_one(&self.store.pool)
            .await
            .unwrap()
    }
}

fn filter(from: i64, until: i64) -> Filter {
    Filter {
        from: day_of(from),
        to: day_of(until - 1),
        lang: None,
        channel: None,
    }
}

#[tokio::test]
async fn a_late_message_about_the_same_thing_withdraws_a_rolled_up_assumed_resolution() {
    let shop = Shop::new().await;
    let c = shop.start("en", at(0, 10, 0)).await;
    shop.turn(&c, at(0, 10, 0), "track_order", None).await;
    let before = shop.report(0, 1, at(1, 11, 0)).await;
    assert_eq!(
        (
            before.totals.resolved_assumed,
            before.totals.resolution_rate
        ),
        (1, Some(1.0))
    );
    assert_eq!(shop.rolled_up_days().await, 1, "the day is rolled up");
    // Nothing changed: the roll-up answers again.
    assert_eq!(shop.report(0, 1, at(1, 12, 0)).await, before);

    shop.turn(&c, at(1, 16, 0), "track_order", None).await;
    let after = shop.report(0, 1, at(1, 17, 0)).await;
    assert_eq!(
        (
            after.totals.resolved_assumed,
            after.totals.resolution_withdrawn,
            after.totals.resolution_rate
        ),
        (0, 1, Some(0.0))
    );
    assert_eq!(
        after.by_day.len(),
        1,
        "still reported on the day it started"
    );
    assert_eq!(after.by_day[0].key, "2026-03-02");
    assert_eq!(after.intents[0].volume, 2);
}

#[tokio::test]
async fn a_conversation_reopened_twice_after_its_day_was_rolled_up_counts_once() {
    let shop = Shop::new().await;
    let c = shop.start("en", at(0, 9, 0)).await;
    shop.turn(
        &c,
        at(0, 9, 0),
        "contact_human_agent",
        Some("asked for a human"),
    )
    .await;
    shop.person_resolves(&c, at(0, 9, 5)).await;
    let resolved = shop.report(0, 0, at(3, 0, 0)).await;
    assert_eq!((resolved.people.reopened, resolved.totals.handoffs), (0, 1));
    assert_eq!(resolved.people.first_response.median_ms, Some(10 * MIN));

    shop.turn(&c, at(0, 10, 0), "track_order", None).await;
    let reopened = shop.report(0, 0, at(3, 0, 0)).await;
    assert_eq!(reopened.people.reopened, 1);

    shop.turn(
        &c,
        at(0, 11, 0),
        "contact_human_agent",
        Some("asked for a human"),
    )
    .await;
    shop.person_resolves(&c, at(0, 11, 30)).await;
    shop.turn(&c, at(0, 12, 0), "refund", None).await;
    let twice = shop.report(0, 0, at(3, 0, 0)).await;
    assert_eq!(
        (
            twice.people.reopened,
            twice.totals.handoffs,
            twice.totals.handed_off,
            twice.people.conversations
        ),
        (1, 2, 1, 1)
    );
    assert_eq!(
        twice.people.first_response.median_ms,
        Some(10 * MIN),
        "measured on the first handoff only"
    );
    assert_eq!(twice.people.queue_wait.count, 2);
}

#[tokio::test]
async fn a_deleted_conversation_leaves_a_rolled_up_day() {
    let shop = Shop::new().await;
    let kept = shop.start("en", at(0, 8, 0)).await;
    shop.turn(&kept, at(0, 8, 0), "track_order", None).await;
    let gone = shop.start("zh-CN", at(0, 9, 0)).await;
    shop.turn(&gone, at(0, 9, 0), "return_policy", None).await;
    let both = shop.report(0, 0, at(2, 0, 0)).await;
    assert_eq!(both.totals.conversations, 2);
    assert_eq!(both.by_language.len(), 2);

    shop.store
        .delete_conversation(SHOP, &gone)
        .await
        .unwrap()
        .unwrap();
    let one = shop.report(0, 0, at(2, 0, 0)).await;
    assert_eq!(one.totals.conversations, 1);
    let langs: Vec<&str> = one.by_language.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(langs, ["en"]);
    assert!(one.intents.iter().all(|i| i.intent != "return_policy"));

    shop.store
        .delete_conversation(SHOP, &kept)
        .await
        .unwrap()
        .unwrap();
    let none = shop.report(0, 0, at(2, 0, 0)).await;
    assert_eq!((none.totals.conversations, none.by_day.len()), (0, 0));
}

#[tokio::test]
async fn an_answer_before_midnight_is_pending_until_24_hours_later_then_assumed() {
    let shop = Shop::new().await;
    let c = shop.start("en", at(0, 23, 0)).await;
    shop.turn(&c, at(0, 23, 0), "track_order", None).await;
    let open = shop.report(0, 1, at(1, 23, 0) - 1).await;
    assert_eq!(
        (open.totals.resolution_pending, open.totals.resolved_assumed),
        (1, 0)
    );
    let days: Vec<&str> = open.by_day.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(days, ["2026-03-02"], "reported on the day it started");
    // Nothing was written since: only the window closing changes the day's roll-up.
    let closed = shop.report(0, 1, at(1, 23, 0)).await;
    assert_eq!(
        (
            closed.totals.resolution_pending,
            closed.totals.resolved_assumed
        ),
        (0, 1)
    );
    // The next day alone has nothing: the conversation belongs to the day it started.
    assert_eq!(
        shop.report(1, 1, at(1, 23, 0)).await.totals.conversations,
        0
    );
}

#[tokio::test]
async fn days_are_utc_days_and_new_business_hours_recount_people_s_times() {
    let shop = Shop::new().await;
    let late = shop.start("en", at(1, 0, 0) - 1).await;
    shop.turn(&late, at(1, 0, 0) - 1, "track_order", None).await;
    let early = shop.start("en", at(1, 0, 0)).await;
    shop.turn(
        &early,
        at(1, 0, 0),
        "contact_human_agent",
        Some("asked for a human"),
    )
    .await;
    shop.person_resolves(&early, at(1, 0, 30)).await;
    let mut update = SettingsUpdate {
        name: "Roll-up Shop".into(),
        refund_cap_minor: None,
        business_hours: Some(BusinessHours {
            days: ["mon", "tue", "wed", "thu", "fri"]
                .map(String::from)
                .to_vec(),
            open: "09:00".into(),
            close: "17:00".into(),
            utc_offset_minutes: 0,
        }),
        reply_within_hours: 24,
        handoff_phrases: vec![],
        default_locale: "en".into(),
        on_device: OnDevice {
            answers: true,
            suggestions: true,
        },
        brand: Default::default(),
    };
    shop.store
        .update_merchant_settings(SHOP, &update)
        .await
        .unwrap();

    let monday = shop.report(0, 0, at(3, 0, 0)).await;
    assert_eq!(monday.totals.conversations, 1, "23:59:59.999 UTC is Monday");
    let tuesday = shop.report(1, 1, at(3, 0, 0)).await;
    assert_eq!(tuesday.totals.conversations, 1, "00:00 UTC is Tuesday");
    let both = shop.report(0, 1, at(3, 0, 0)).await;
    let days: Vec<&str> = both.by_day.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(days, ["2026-03-02", "2026-03-03"]);
    // Handed off at 00:00 UTC and answered at 00:35: outside 09:00–17:00 UTC.
    assert_eq!(both.people.first_response.median_ms, Some(0));

    // The same hours in UTC+8 open at 01:00 UTC: the rolled-up time is out of date.
    update.business_hours.as_mut().unwrap().utc_offset_minutes = 480;
    shop.store
        .update_merchant_settings(SHOP, &update)
        .await
        .unwrap();
    let later = shop.report(0, 1, at(3, 0, 0)).await;
    assert_eq!(later.people.first_response.median_ms, Some(0));
    update.business_hours.as_mut().unwrap().open = "08:00".into();
    shop.store
        .update_merchant_settings(SHOP, &update)
        .await
        .unwrap();
    // 08:00 in UTC+8 is 00:00 UTC: the 35 minutes count now.
    let hours = shop.report(0, 1, at(3, 0, 0)).await;
    assert_eq!(hours.people.first_response.median_ms, Some(35 * MIN));
    assert_eq!(
        hours.by_day, both.by_day,
        "days do not move with the shop's clock"
    );
}
