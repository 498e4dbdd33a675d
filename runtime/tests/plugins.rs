//! The plugin host contains misbehaving plugins: every misbehaviour ends in a typed error
//! within its bound, and the next call (the same merchant's, another merchant's) works.
//!
//! Uses the real components built by `kefu-test-plugins`' build script: the reference
//! plugins, and `plugins/hostile`, which misbehaves on request. Each plugin also has a test
//! named after it in `each_plugin`, which fails to compile when one is missing.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use kefu_runtime::StoreData;
use kefu_runtime::plugins::{
    CallError, Clock, LoadError, PluginHost, PluginReply, PrivateHttp, Proposal,
};
use kefu_runtime::store::{DemoData, Store};

#[allow(dead_code, reason = "each test file uses some of the shared helpers")]
mod support;
use kefu_test_plugins::{HOSTILE, ORDERS};
use support::call_text;

/// The component at `path` (a `kefu_test_plugins` constant).
fn component(path: &str) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn hostile_manifest(orders: bool) -> String {
    hostile_manifest_with_deadline(orders, 50)
}

/// The `[plugin]` section of every manifest written for the hostile plugin: its intents are
/// the ones its `describe()` lists (the host refuses a manifest that disagrees).
const HOSTILE_PLUGIN: &str = "[plugin]\nname = \"hostile\"\nversion = \"0.0.1\"\n\
    intents = [\"loop\", \"memory\", \"panic\", \"recursion\", \"huge-output\", \"read-orders\", \
    \"host-call-flood\", \"steal-money\", \"propose-refund\", \"http\", \"track_order\"]\n";

fn hostile_manifest_with_deadline(orders: bool, deadline_ms: u64) -> String {
    format!(
        "{HOSTILE_PLUGIN}[capabilities]\norders = {orders}\n[limits]\ndeadline_ms = {deadline_ms}\nmemory_bytes = 4_194_304\n"
    )
}

const ORDERS_MANIFEST: &str = include_str!("../../plugins/orders/manifest.toml");

/// A fresh store holding the demo merchant's data.
async fn demo_store() -> Store {
    let store = Store::scratch().await.unwrap();
    store
        .load_demo(&DemoData::builtin().unwrap())
        .await
        .unwrap();
    store
}

async fn host() -> Arc<PluginHost> {
    let store = demo_store().await;
    let host = PluginHost::new(Arc::new(StoreData::new(store))).unwrap();
    // Loaded first, so it answers `track_order` for the demo merchant (the hostile plugin
    // claims it too: `for_intent` takes the first plugin that serves an intent).
    host.load("demo", ORDERS_MANIFEST, &component(ORDERS))
        .unwrap();
    host.load("evil", &hostile_manifest(false), &component(HOSTILE))
        .unwrap();
    host.load("greedy", &hostile_manifest(true), &component(HOSTILE))
        .unwrap();
    // The demo merchant, whose order 1001 exists, also gets the hostile plugin with `orders`
    // and a deadline long enough for ten thousand host calls even on a loaded machine: the
    // flood must be stopped by the host-call budget, not by the clock.
    host.load(
        "demo",
        &hostile_manifest_with_deadline(true, 5_000),
        &component(HOSTILE),
    )
    .unwrap();
    Arc::new(host)
}

/// Calls `merchant`'s plugin for `intent` on a blocking thread, as the engine does.
async fn call(
    host: &Arc<PluginHost>,
    merchant: &str,
    intent: &str,
    slots: &[(&str, &str)],
) -> (Result<PluginReply, CallError>, Duration) {
    call_text(host, merchant, intent, slots, "").await
}

async fn orders_still_work(host: &Arc<PluginHost>) {
    let (reply, _) = call(host, "demo", "track_order", &[("order-number", "1001")]).await;
    assert!(reply.unwrap().text.contains("1Z999AA10123456784"));
}

#[tokio::test(flavor = "multi_thread")]
async fn an_infinite_loop_is_stopped_at_its_deadline() {
    let host = host().await;
    let (result, took) = call(&host, "evil", "loop", &[]).await;
    assert_eq!(result, Err(CallError::Timeout(50)));
    // The deadline is 50 ms of 1 ms epoch ticks; a second means the ticker is not running.
    assert!(took < Duration::from_secs(1), "stopped after {took:?}");
    orders_still_work(&host).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_memory_bomb_hits_the_memory_cap() {
    let host = host().await;
    let (result, _) = call(&host, "evil", "memory", &[]).await;
    assert_eq!(result, Err(CallError::MemoryLimit(4_194_304)));
    orders_still_work(&host).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_panic_and_runaway_recursion_are_crashes_not_server_failures() {
    let host = host().await;
    let (result, _) = call(&host, "evil", "panic", &[]).await;
    assert!(matches!(result, Err(CallError::Trapped(_))), "{result:?}");
    let (result, _) = call(&host, "evil", "recursion", &[]).await;
    assert!(
        matches!(
            result,
            Err(CallError::Trapped(_) | CallError::MemoryLimit(_))
        ),
        "{result:?}"
    );
    orders_still_work(&host).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reply_larger_than_the_output_cap_is_refused() {
    let host = host().await;
    let (result, _) = call(&host, "evil", "huge-output", &[]).await;
    assert_eq!(result, Err(CallError::OutputTooLarge(8 << 10)));
}

#[tokio::test(flavor = "multi_thread")]
async fn an_import_the_manifest_does_not_grant_is_an_error_value_not_a_trap() {
    let host = host().await;
    let (result, _) = call(&host, "evil", "read-orders", &[]).await;
    let text = result.unwrap().text;
    assert!(
        text.starts_with("refused: HostError::AccessDenied"),
        "{text}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn plugins_only_see_their_own_merchants_data() {
    let host = host().await;
    // `greedy` is granted `orders`, but order 1001 belongs to `demo`.
    let (result, _) = call(&host, "greedy", "read-orders", &[]).await;
    assert_eq!(result.unwrap().text, "refused: HostError::NotFound");
}

#[tokio::test(flavor = "multi_thread")]
async fn host_calls_beyond_the_budget_are_refused() {
    let host = host().await;
    let (result, _) = call(&host, "demo", "host-call-flood", &[]).await;
    // 32 calls per invocation are allowed (the default budget); the rest are refused.
    assert_eq!(
        result.unwrap().text,
        format!("{} calls refused", 10_000 - 32)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_malformed_component_is_refused_at_load() {
    let host = host().await;
    let err = host
        .load("evil", &hostile_manifest(false), b"\0asm not really")
        .unwrap_err();
    assert!(matches!(err, LoadError::Component { .. }), "{err}");
    orders_still_work(&host).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_manifest_that_disagrees_with_describe_is_refused_at_load() {
    let host = host().await;
    let orders = component(ORDERS);
    // One intent fewer than the plugin's describe() lists.
    let fewer = ORDERS_MANIFEST.replace(
        "intents = [\"track_order\", \"cancel_order\", \"change_shipping_address\"]",
        "intents = [\"track_order\", \"cancel_order\"]",
    );
    let fewer = fewer.replace(
        "change_shipping_address = [\"order-number\", \"owner\"]\n",
        "",
    );
    let err = host.load("demo", &fewer, &orders).unwrap_err();
    assert!(matches!(err, LoadError::Description { .. }), "{err}");
    let message = err.to_string();
    assert!(
        message.contains(
            "describe() says intents [cancel_order, change_shipping_address, track_order] \
             but manifest.toml says [cancel_order, track_order]"
        ),
        "{message}"
    );
    // A slot in [needs] the plugin does not take.
    let extra = ORDERS_MANIFEST.replace(
        "track_order = [\"order-number\"]",
        "track_order = [\"order-number\", \"email\"]",
    );
    let message = host.load("demo", &extra, &orders).unwrap_err().to_string();
    assert!(
        message.contains("[needs] names slots [email] but describe() says slots [order-number]"),
        "{message}"
    );
    // The loaded orders plugin is untouched and keeps what describe() said.
    let loaded = host.by_name("demo", "orders").unwrap();
    assert_eq!(loaded.description().slots, ["order-number"]);
    assert_eq!(loaded.description().intents.len(), 3);
    orders_still_work(&host).await;
}

/// The hostile plugin, granted money with these caps.
fn money_manifest() -> String {
    format!(
        "{HOSTILE_PLUGIN}[money]\ncurrency = \"USD\"\nmax_refund_minor = 5000\nmax_per_day_minor = 10000\n\
         max_per_shopper_minor = 10000\n"
    )
}

async fn money_host() -> Arc<PluginHost> {
    let store = demo_store().await;
    let host = PluginHost::new(Arc::new(StoreData::new(store)))
        .unwrap()
        .with_clock(Clock::Fixed(1_795_305_600_000));
    host.load("demo", &money_manifest(), &component(HOSTILE))
        .unwrap();
    Arc::new(host)
}

#[tokio::test(flavor = "multi_thread")]
async fn money_cannot_move_from_handle_even_when_granted() {
    let host = money_host().await;
    let (result, _) = call(&host, "demo", "steal-money", &[]).await;
    let text = result.unwrap().text;
    assert!(
        text.starts_with("refused: HostError::AccessDenied"),
        "{text}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn commit_issues_exactly_the_confirmed_refund_once() {
    let host = money_host().await;
    let plugin = host.by_name("demo", "hostile").unwrap();
    let confirmed = Proposal::Refund {
        order_id: "1003".into(),
        amount_minor: 1500,
        currency: "USD".into(),
        reason: "test".into(),
        terms: "test".into(),
    };
    let (h, p, c) = (host.clone(), plugin.clone(), confirmed.clone());
    let (result, stats) =
        tokio::task::spawn_blocking(move || h.commit(&p, "action-1", &c, "carlos@example.com"))
            .await
            .unwrap();
    let text = result.unwrap().text;
    // Twice the confirmed amount is refused; the confirmed amount is issued.
    assert!(
        text.starts_with("greedy: Err(HostError::LimitExceeded"),
        "{text}"
    );
    assert!(text.contains("honest: Ok(\"R-"), "{text}");
    assert_eq!(stats.refunds_issued.len(), 1);
    // The same action again moves nothing.
    let (h, p, c) = (host.clone(), plugin.clone(), confirmed);
    let (result, stats) =
        tokio::task::spawn_blocking(move || h.commit(&p, "action-1", &c, "carlos@example.com"))
            .await
            .unwrap();
    let text = result.unwrap().text;
    assert!(
        text.contains("honest: Err(HostError::LimitExceeded"),
        "{text}"
    );
    assert!(stats.refunds_issued.is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn refunds_are_denied_without_a_money_grant() {
    let host = host().await;
    let plugin = host.for_intent("demo", "loop").unwrap();
    let action = Proposal::Refund {
        order_id: "1003".into(),
        amount_minor: 100,
        currency: "USD".into(),
        reason: "test".into(),
        terms: "test".into(),
    };
    let h = host.clone();
    let (result, stats) = tokio::task::spawn_blocking(move || {
        h.commit(&plugin, "action-2", &action, "carlos@example.com")
    })
    .await
    .unwrap();
    let text = result.unwrap().text;
    assert!(text.contains("AccessDenied"), "{text}");
    assert!(stats.refunds_issued.is_empty());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_plugin_built_against_the_previous_contract_still_works() {
    // orders-0.1.0.wasm is the orders plugin as built against kefu:plugin@0.1.0, kept as
    // it was: it must keep working on every newer host.
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let store = demo_store().await;
    let host = PluginHost::new(Arc::new(StoreData::new(store))).unwrap();
    let manifest = std::fs::read_to_string(fixtures.join("orders-0.1.0.toml")).unwrap();
    let wasm = std::fs::read(fixtures.join("orders-0.1.0.wasm")).unwrap();
    let plugin = host.load("demo", &manifest, &wasm).unwrap();
    assert_eq!(plugin.contract_version(), "0.1.0");
    let host = Arc::new(host);
    let (reply, _) = call(&host, "demo", "track_order", &[("order-number", "1001")]).await;
    assert!(reply.unwrap().text.contains("1Z999AA10123456784"));
    let (reply, _) = call(&host, "demo", "track_order", &[("order-number", "9999")]).await;
    assert_eq!(reply, Err(CallError::NotFound("9999".into())));
    // It has no `commit`: asking is a typed error, not a trap.
    let action = Proposal::Refund {
        order_id: "1001".into(),
        amount_minor: 100,
        currency: "USD".into(),
        reason: "test".into(),
        terms: "test".into(),
    };
    let (result, _) = host.commit(&plugin, "a", &action, "jane@example.com");
    assert_eq!(result, Err(CallError::Unsupported("commit")));
    // The current build of the same plugin speaks the current contract.
    let current = host
        .load("demo", ORDERS_MANIFEST, &component(ORDERS))
        .unwrap();
    assert_eq!(current.contract_version(), kefu_runtime::plugins::CONTRACT);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_plugin_that_keeps_crashing_is_paused_and_others_are_not() {
    let host = host().await;
    for _ in 0..kefu_runtime::plugins::BREAKER_FAILURES {
        let (result, _) = call(&host, "evil", "panic", &[]).await;
        assert!(matches!(result, Err(CallError::Trapped(_))), "{result:?}");
    }
    // Paused: refused at once, without running the plugin.
    let (result, took) = call(&host, "evil", "read-orders", &[]).await;
    assert_eq!(result, Err(CallError::CircuitOpen(5)));
    assert!(took < Duration::from_millis(5), "{took:?}");
    // Another merchant's plugin is unaffected.
    orders_still_work(&host).await;
}

/// A web server for the outbound HTTP tests: `/ok`, a redirect within the origin, one out of
/// it, a body larger than the plugin's cap, a slow answer, and an echo of the
/// `Authorization` header the host sent.
async fn web_server() -> std::net::SocketAddr {
    use axum::http::{HeaderMap, StatusCode, header};
    use axum::routing::get;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = axum::Router::new()
        .route("/ok", get(|| async { "hello" }))
        .route(
            "/inside",
            get(|| async { (StatusCode::FOUND, [(header::LOCATION, "/ok")]) }),
        )
        .route(
            "/outside",
            get(move || async move {
                // Same server, but by a name: not the literal origin the manifest lists.
                let to = format!("http://localhost:{}/ok", addr.port());
                (StatusCode::FOUND, [(header::LOCATION, to)])
            }),
        )
        .route("/huge", get(|| async { "x".repeat(1 << 20) }))
        .route(
            "/slow",
            get(|| async {
                tokio::time::sleep(Duration::from_secs(3)).await;
                "late"
            }),
        )
        .route(
            "/auth",
            get(|headers: HeaderMap| async move {
                let auth = headers
                    .get_all(header::AUTHORIZATION)
                    .iter()
                    .map(|v| v.to_str().unwrap().to_string())
                    .collect::<Vec<_>>()
                    .join(",");
                format!("auth={auth}")
            }),
        );
    tokio::spawn(async move { axum::serve(listener, app).await });
    addr
}

#[tokio::test(flavor = "multi_thread")]
async fn outbound_http_goes_only_where_the_manifest_allows() {
    let addr = web_server().await;
    let origin = format!("http://127.0.0.1:{}", addr.port());
    let manifest = format!(
        "{HOSTILE_PLUGIN}[limits]\ndeadline_ms = 1000\n\
         [http]\nallow = [\"{origin}\"]\ntimeout_ms = 300\nmax_response_bytes = 1024\n\
         [[http.secrets]]\norigin = \"{origin}\"\nheader = \"Authorization\"\nname = \"shop_token\"\n"
    );
    let store = demo_store().await;
    let secrets =
        std::collections::HashMap::from([("shop_token".to_string(), "Bearer s3cret".to_string())]);
    // The test server is on loopback: the operator's allowance says plugins may reach it
    // (`kefu serve --allow-private-http 127.0.0.1`).
    let host = PluginHost::new(Arc::new(StoreData::new(store)))
        .unwrap()
        .with_secrets(kefu_runtime::plugins::Secrets::Fixed(secrets))
        .with_private_http(PrivateHttp::parse(&["127.0.0.1"]).unwrap());
    host.load("demo", &manifest, &component(HOSTILE)).unwrap();
    // Without an [http] grant, the import is denied.
    host.load("evil", HOSTILE_PLUGIN, &component(HOSTILE))
        .unwrap();
    let host = Arc::new(host);
    let fetch = |merchant: &'static str, path: &str| {
        let host = host.clone();
        let url = if path.contains("://") {
            path.to_string()
        } else {
            format!("{origin}{path}")
        };
        async move {
            let (result, took) = call_text(&host, merchant, "http", &[], &url).await;
            (result.unwrap().text, took)
        }
    };
    assert_eq!(fetch("demo", "/ok").await.0, "200 hello");
    // A redirect within the allowed origin is followed; one out of it is refused.
    assert_eq!(fetch("demo", "/inside").await.0, "200 hello");
    let (text, _) = fetch("demo", "/outside").await;
    assert!(
        text.starts_with("refused: HostError::AccessDenied"),
        "{text}"
    );
    // Anywhere else, and a name resolving inside the runtime's network, are refused.
    let (text, _) = fetch("demo", "http://example.invalid/").await;
    assert!(
        text.starts_with("refused: HostError::AccessDenied"),
        "{text}"
    );
    let (text, _) = fetch("demo", &format!("http://localhost:{}/ok", addr.port())).await;
    assert!(
        text.starts_with("refused: HostError::AccessDenied"),
        "{text}"
    );
    let (text, _) = fetch("evil", "/ok").await;
    assert!(
        text.contains("AccessDenied") && text.contains("http"),
        "{text}"
    );
    // Bodies over the cap, and slow answers, end in typed errors within their bounds.
    let (text, _) = fetch("demo", "/huge").await;
    assert!(
        text.starts_with("refused: HostError::LimitExceeded"),
        "{text}"
    );
    let (text, took) = fetch("demo", "/slow").await;
    assert!(
        text.starts_with("refused: HostError::Unavailable"),
        "{text}"
    );
    assert!(took < Duration::from_millis(900), "{took:?}");
    // The host adds the secret; the plugin's own Authorization header is dropped.
    assert_eq!(fetch("demo", "/auth").await.0, "200 auth=Bearer s3cret");
    // The server is still there for the next plugin: nothing hung.
    assert_eq!(fetch("demo", "/ok").await.0, "200 hello");
}

/// The hostile plugin's manifest granting HTTP to `origin`.
fn http_manifest(origin: &str) -> String {
    format!("{HOSTILE_PLUGIN}[http]\nallow = [\"{origin}\"]\n")
}

#[tokio::test(flavor = "multi_thread")]
async fn decimal_ip_tricks_are_refused_at_deploy() {
    let store = demo_store().await;
    let host = PluginHost::new(Arc::new(StoreData::new(store))).unwrap();
    for origin in [
        "http://127.0.0.1:9000",
        "http://2130706433",
        "http://0x7f.1",
        "http://127.1",
        "http://017700000001",
        "http://[::1]:8080",
        "http://[::ffff:a9fe:a9fe]",
        "https://169.254.169.254",
        "http://10.0.0.1",
        "http://localhost:9000",
        "http://admin.localhost",
    ] {
        let err = host
            .load("demo", &http_manifest(origin), &component(HOSTILE))
            .unwrap_err();
        let text = err.to_string();
        assert!(
            matches!(err, LoadError::Manifest(_))
                && text.contains(origin)
                && text.contains("--allow-private-http"),
            "{origin}: {text}"
        );
    }
    // Secrets' origins are checked the same way.
    let manifest = format!(
        "{}[[http.secrets]]\norigin = \"http://127.1\"\nheader = \"Authorization\"\nname = \"t\"\n",
        http_manifest("https://api.example.com")
    );
    let err = host
        .load("demo", &manifest, &component(HOSTILE))
        .unwrap_err();
    assert!(err.to_string().contains("http://127.1"), "{err}");
    // Public addresses and names load.
    for origin in ["https://93.184.216.34", "https://api.example.com"] {
        host.load("demo", &http_manifest(origin), &component(HOSTILE))
            .unwrap_or_else(|e| panic!("{origin}: {e}"));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_operator_can_allow_internal_addresses_for_plugins() {
    let store = demo_store().await;
    let host = PluginHost::new(Arc::new(StoreData::new(store)))
        .unwrap()
        .with_private_http(PrivateHttp::parse(&["127.0.0.0/8", "localhost"]).unwrap());
    for origin in [
        "http://127.0.0.1:9000",
        "http://2130706433",
        "http://localhost:9000",
    ] {
        host.load("demo", &http_manifest(origin), &component(HOSTILE))
            .unwrap_or_else(|e| panic!("{origin}: {e}"));
    }
    // Only what was allowed.
    let err = host
        .load(
            "demo",
            &http_manifest("http://10.0.0.1"),
            &component(HOSTILE),
        )
        .unwrap_err();
    assert!(err.to_string().contains("10.0.0.1"), "{err}");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_orders_plugin_cancels_only_the_confirmed_unshipped_order() {
    let store = demo_store().await;
    let host = PluginHost::new(Arc::new(StoreData::new(store.clone()))).unwrap();
    let plugin = host
        .load("demo", ORDERS_MANIFEST, &component(ORDERS))
        .unwrap();
    let host = Arc::new(host);
    let cancel = |order: &str| Proposal::CancelOrder {
        order_id: order.into(),
        amount_minor: 3400,
        currency: "USD".into(),
        terms: "back within 5 business days".into(),
    };
    // Handle proposes, never cancels.
    let (reply, _) = call(&host, "demo", "cancel_order", &[("order-number", "1002")]).await;
    assert!(matches!(
        reply.unwrap().proposal,
        Some(Proposal::CancelOrder {
            amount_minor: 3400,
            ..
        })
    ));
    assert_eq!(
        store.order("demo", "1002").await.unwrap().unwrap().status,
        "processing"
    );
    let (h, p, c) = (host.clone(), plugin.clone(), cancel("1002"));
    let (result, stats) =
        tokio::task::spawn_blocking(move || h.commit(&p, "a1", &c, "li.wei@example.com"))
            .await
            .unwrap();
    assert!(result.unwrap().text.contains("order 1002 is cancelled"));
    assert_eq!(stats.refunds_issued.len(), 1);
    assert_eq!(
        store.order("demo", "1002").await.unwrap().unwrap().status,
        "cancelled"
    );
    // A shipped order cannot be cancelled, even with a confirmed action.
    let (h, p, c) = (host.clone(), plugin.clone(), cancel("1001"));
    let (result, _) =
        tokio::task::spawn_blocking(move || h.commit(&p, "a2", &c, "jane@example.com"))
            .await
            .unwrap();
    assert!(
        matches!(result, Err(CallError::NotAllowed(_))),
        "{result:?}"
    );
    assert_eq!(
        store.order("demo", "1001").await.unwrap().unwrap().status,
        "shipped"
    );
}

/// One test per plugin `kefu-test-plugins` builds, named after it: each loads with its
/// manifest and serves one request through its capabilities.
mod each_plugin {
    use super::*;

    macro_rules! assert_test_exists {
        ($name:ident) => {
            #[expect(unused_imports, reason = "only asserts that the test exists")]
            use self::$name as _;
        };
    }
    kefu_test_plugins::foreach_plugin!(assert_test_exists);

    /// The demo shop's data, and the transcripts' clock: 2026-11-22, four days after order
    /// 1003 was delivered.
    async fn host_with(manifest: &str, wasm: &str) -> Arc<PluginHost> {
        let host = PluginHost::new(Arc::new(StoreData::new(demo_store().await)))
            .unwrap()
            .with_clock(Clock::Fixed(1_795_305_600_000));
        host.load("demo", manifest, &component(wasm)).unwrap();
        Arc::new(host)
    }

    fn manifest(path: &str) -> String {
        std::fs::read_to_string(path).unwrap()
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn orders() {
        let host = host_with(
            &manifest(kefu_test_plugins::ORDERS_MANIFEST),
            kefu_test_plugins::ORDERS,
        )
        .await;
        orders_still_work(&host).await;
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn refunds() {
        let host = host_with(
            &manifest(kefu_test_plugins::REFUNDS_MANIFEST),
            kefu_test_plugins::REFUNDS,
        )
        .await;
        let (reply, _) = call(&host, "demo", "get_refund", &[("order-number", "1003")]).await;
        let proposal = reply.unwrap().proposal;
        assert!(
            matches!(
                &proposal,
                Some(Proposal::Refund { order_id, amount_minor: 2200, currency, .. })
                    if order_id == "1003" && currency == "USD"
            ),
            "{proposal:?}"
        );
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn catalog() {
        let host = host_with(
            &manifest(kefu_test_plugins::CATALOG_MANIFEST),
            kefu_test_plugins::CATALOG,
        )
        .await;
        let (reply, _) = call_text(
            &host,
            "demo",
            "product_availability",
            &[],
            "is the steel bottle in stock?",
        )
        .await;
        let text = reply.unwrap().text;
        assert!(text.contains("sold out"), "{text}");
    }

    #[tokio::test(flavor = "multi_thread")]
    async fn hostile() {
        let host = host_with(&hostile_manifest(true), kefu_test_plugins::HOSTILE).await;
        let (reply, _) = call(&host, "demo", "read-orders", &[]).await;
        assert_eq!(reply.unwrap().text, "read order 1001 (shipped)");
    }
}
