//! The reference refunds plugin on delivery claims, in the real sandbox over the demo shop's
//! data: what its policy settles with a refund proposal and what it leaves to a person, on
//! the call's frozen clock; and a refunds plugin built against `kefu:plugin@0.2.0` (before
//! `orders.delivered-on`) still loading and behaving as it did; and the agent's console
//! showing the day an order was delivered beside a claim on it.

use std::path::PathBuf;
use std::sync::Arc;

use kefu_runtime::StoreData;
use kefu_runtime::plugins::{CallError, Clock, PluginHost, PluginReply, PluginRequest, Proposal};
use kefu_runtime::store::{DemoData, Store};

/// 2026-11-22T00:00:00Z: order 1003 was delivered four days earlier, 1004 two.
const NOV_22: u64 = 1_795_305_600_000;
const DAY_MS: u64 = 86_400_000;

async fn demo_store() -> Store {
    let store = Store::in_memory().await.unwrap();
    store
        .load_demo(&DemoData::builtin().unwrap())
        .await
        .unwrap();
    store
}

async fn host_at(now_ms: u64, manifest: &str, wasm: &[u8]) -> (Arc<PluginHost>, Store) {
    let store = demo_store().await;
    let host = PluginHost::new(Arc::new(StoreData::new(store.clone())))
        .unwrap()
        .with_clock(Clock::Fixed(now_ms));
    host.load("demo", manifest, wasm).unwrap();
    (Arc::new(host), store)
}

async fn current_at(now_ms: u64) -> Arc<PluginHost> {
    let manifest = std::fs::read_to_string(kefu_test_plugins::REFUNDS_MANIFEST).unwrap();
    let wasm = std::fs::read(kefu_test_plugins::REFUNDS).unwrap();
    host_at(now_ms, &manifest, &wasm).await.0
}

async fn ask(
    host: &Arc<PluginHost>,
    intent: &str,
    order: &str,
    locale: &str,
) -> Result<PluginReply, CallError> {
    let host = host.clone();
    let plugin = host.for_intent("demo", intent).expect("served");
    let request = PluginRequest {
        intent: intent.into(),
        locale: locale.into(),
        text: String::new(),
        slots: vec![("order-number".into(), order.into())],
        owner_verified: true,
    };
    tokio::task::spawn_blocking(move || host.call(&plugin, &request))
        .await
        .unwrap()
}

fn refund_of(reply: &Result<PluginReply, CallError>) -> (u64, String) {
    match reply {
        Ok(PluginReply {
            proposal:
                Some(Proposal::Refund {
                    amount_minor,
                    reason,
                    ..
                }),
            ..
        }) => (*amount_minor, reason.clone()),
        other => panic!("expected a refund proposal, got {other:?}"),
    }
}

fn refusal(reply: Result<PluginReply, CallError>) -> String {
    match reply {
        Err(CallError::NotAllowed(why)) => why,
        other => panic!("expected the shop's policy to refuse, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn item_claims_on_a_delivered_order_propose_one_units_refund() {
    let host = current_at(NOV_22).await;
    // Order 1003: one cap, $22.00.
    let reply = ask(&host, "report_damaged", "1003", "en").await;
    assert_eq!(refund_of(&reply), (2_200, "damaged item".into()));
    let text = reply.unwrap().text;
    assert!(
        text.contains("$22.00") && text.contains("confirm"),
        "{text}"
    );
    assert!(!text.to_lowercase().contains("refunded"), "{text}");
    // Order 1004: two hoodies, $138.00: one of them.
    let reply = ask(&host, "report_wrong_item", "1004", "zh").await;
    assert_eq!(refund_of(&reply), (6_900, "wrong item".into()));
    assert!(reply.unwrap().text.contains("$69.00"));
    let reply = ask(&host, "report_missing_item", "1003", "en").await;
    assert_eq!(refund_of(&reply).1, "missing item");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_parcel_not_received_is_refunded_in_full_within_the_window_only() {
    let host = current_at(NOV_22).await;
    let reply = ask(&host, "report_not_received", "1004", "en").await;
    assert_eq!(refund_of(&reply), (13_800, "not received".into()));
    // 2026-12-03: 15 days after 1003's delivery scan, past the 14 days.
    let later = current_at(NOV_22 + 11 * DAY_MS).await;
    let why = refusal(ask(&later, "report_not_received", "1003", "en").await);
    assert!(
        why.contains("2026-11-18") && why.contains("more than 14 days"),
        "{why}"
    );
    // A damaged item still is within the 30 days then.
    assert_eq!(
        refund_of(&ask(&later, "report_damaged", "1003", "en").await).0,
        2_200
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn claims_the_policy_does_not_settle_are_refused_with_the_reason() {
    let host = current_at(NOV_22).await;
    // 1001 is still on its way (expected 2026-11-26, not late yet); 1002 is being prepared.
    let why = refusal(ask(&host, "report_damaged", "1001", "en").await);
    assert!(why.contains("hasn't been delivered yet"), "{why}");
    assert!(!why.contains("late"), "{why}");
    let why = refusal(ask(&host, "report_damaged", "1002", "en").await);
    assert!(why.contains("hasn't shipped yet"), "{why}");
    let why = refusal(ask(&host, "report_not_received", "1001", "zh").await);
    assert!(why.contains("尚未签收"), "{why}");
    let why = refusal(ask(&host, "report_damaged", "1002", "zh").await);
    assert!(why.contains("还没有发货"), "{why}");
    // Past its expected date, the refusal says it is late, with that date.
    let overdue = current_at(NOV_22 + 10 * DAY_MS).await;
    let why = refusal(ask(&overdue, "report_not_received", "1001", "en").await);
    assert!(why.contains("late") && why.contains("2026-11-26"), "{why}");
    let why = refusal(ask(&overdue, "report_missing_item", "1001", "zh").await);
    assert!(why.contains("延误") && why.contains("2026-11-26"), "{why}");
    // 2027-01-01: 44 days after delivery, outside the 30-day window.
    let late = current_at(NOV_22 + 40 * DAY_MS).await;
    let why = refusal(ask(&late, "report_damaged", "1003", "en").await);
    assert!(why.contains("more than 30 days"), "{why}");
    assert_eq!(
        ask(&host, "report_damaged", "9999", "en").await,
        Err(CallError::NotFound("9999".into()))
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_parcel_long_past_its_due_day_is_refunded_in_full_as_lost() {
    // Order 1001 ($98.00, shipped) was due on 2026-11-26.
    for (days_after_nov_22, lost) in [(4, false), (9, false), (10, true), (30, true)] {
        let host = current_at(NOV_22 + days_after_nov_22 * DAY_MS).await;
        let reply = ask(&host, "get_refund", "1001", "en").await;
        if lost {
            assert_eq!(refund_of(&reply), (9_800, "lost in transit".into()));
            let text = reply.unwrap().text;
            assert!(
                text.contains("was due on 2026-11-26") && text.contains("lost in transit"),
                "{text}"
            );
        } else {
            let why = refusal(reply);
            assert!(why.contains("still on its way"), "{why}");
        }
    }
    let host = current_at(NOV_22 + 10 * DAY_MS).await;
    let reply = ask(&host, "get_refund", "1001", "zh").await;
    assert!(reply.unwrap().text.contains("原定2026-11-26送达"));
    // A parcel being prepared is never "lost": it is cancelled instead.
    let why = refusal(ask(&host, "get_refund", "1002", "en").await);
    assert!(why.contains("hasn't shipped yet"), "{why}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refunds_plugin_built_against_0_2_0_still_loads_and_behaves_as_before() {
    // refunds-0.2.0.wasm is the refunds plugin as built against kefu:plugin@0.2.0, kept as
    // it was: its 0.2.0 imports are linked to the current contract's.
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let manifest = std::fs::read_to_string(fixtures.join("refunds-0.2.0.toml")).unwrap();
    let wasm = std::fs::read(fixtures.join("refunds-0.2.0.wasm")).unwrap();
    let (host, store) = host_at(NOV_22, &manifest, &wasm).await;
    let plugin = host.for_intent("demo", "get_refund").unwrap();
    assert_eq!(plugin.contract_version(), "0.2.0");
    // It serves what it served, and nothing of the claims it never knew.
    assert!(host.for_intent("demo", "report_damaged").is_none());
    let reply = ask(&host, "get_refund", "1003", "en").await;
    assert_eq!(refund_of(&reply), (2_200, "shopper request".into()));
    assert_eq!(
        reply.unwrap().text,
        "Order 1003 can be refunded $22.00. Please confirm below."
    );
    let why = refusal(ask(&host, "get_refund", "1001", "en").await);
    assert!(why.contains("still on its way"), "{why}");
    // Its commit still moves the money it proposed, once.
    let action = Proposal::Refund {
        order_id: "1003".into(),
        amount_minor: 2_200,
        currency: "USD".into(),
        reason: "shopper request".into(),
        terms: "t".into(),
    };
    let h = host.clone();
    let (result, stats) =
        tokio::task::spawn_blocking(move || h.commit(&plugin, "a1", &action, "carlos@example.com"))
            .await
            .unwrap();
    assert!(result.unwrap().text.starts_with("Done: $22.00 refunded"));
    assert_eq!(stats.refunds_issued.len(), 1);
    let issued = store.refunds_for_order("demo", "1003").await.unwrap();
    assert_eq!(issued.len(), 1);
    // The current build of the same plugin speaks the current contract.
    let current = current_at(NOV_22).await;
    let plugin = current.for_intent("demo", "report_damaged").unwrap();
    assert_eq!(plugin.contract_version(), kefu_runtime::plugins::CONTRACT);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_console_shows_the_day_an_order_was_delivered_beside_a_claim_on_it() {
    use kefu_runtime::engine::{Engine, ShopperInput};
    let manifest = std::fs::read_to_string(kefu_test_plugins::REFUNDS_MANIFEST).unwrap();
    let wasm = std::fs::read(kefu_test_plugins::REFUNDS).unwrap();
    let (host, store) = host_at(NOV_22, &manifest, &wasm).await;
    let engine = Engine::new(
        store.clone(),
        kefu_runtime::default_classifier().unwrap(),
        host,
    );
    let agent = store
        .add_agent("demo", "claims@demo.kefu", "Claims", "not-a-real-hash")
        .await
        .unwrap();
    let conv = engine.open("demo", None, "en").await.unwrap();
    for (i, text) in ["order 1003 arrived broken", "and is 1001 on its way?"]
        .into_iter()
        .enumerate()
    {
        engine
            .turn("demo", &conv.id, ShopperInput::typed(format!("m{i}"), text))
            .await
            .unwrap();
    }
    let view = engine.conversation_view(&agent, &conv.id).await.unwrap();
    let json = serde_json::to_value(&view).unwrap();
    let orders = json["orders"].as_array().unwrap();
    let day = |id: &str| {
        orders
            .iter()
            .find(|o| o["id"] == id)
            .unwrap_or_else(|| panic!("order {id} in {orders:?}"))["delivered_on"]
            .clone()
    };
    // Order 1003 was delivered on 2026-11-18 (the demo shop's data); 1001 is still on its way.
    assert_eq!(day("1003"), "2026-11-18");
    assert_eq!(day("1001"), serde_json::Value::Null);
}
