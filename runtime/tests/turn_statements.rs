//! How many statements a shopper's turn costs the store, counted from sqlx's own log of
//! every statement it runs (`sqlx::query` events): each is a round trip to a SQLite
//! connection's thread or to PostgreSQL, and they were most of a turn's cost under load
//! (docs/benchmarks.md, "Fewer statements a turn"). A turn reads its conversation (with the
//! merchant's settings and configuration version) and the messages it looks back on, then
//! writes the header and its messages; the merchant's FAQ, wording, catalogue and taught
//! phrasings are read again only after they changed, on this node or another.
//!
//! Its own test binary: the counting subscriber is the process's global one.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use kefu_runtime::engine::{Engine, ShopperInput, Turn};
use kefu_runtime::plugins::PluginHost;
use kefu_runtime::store::{DemoData, Store};
use kefu_runtime::{StoreData, default_classifier};
use tracing_subscriber::layer::{Context, SubscriberExt};

static STATEMENTS: AtomicUsize = AtomicUsize::new(0);

/// Counts sqlx's statement events.
struct Count;

impl<S: tracing::Subscriber> tracing_subscriber::Layer<S> for Count {
    fn on_event(&self, event: &tracing::Event<'_>, _: Context<'_, S>) {
        if event.metadata().target() == "sqlx::query" {
            STATEMENTS.fetch_add(1, Ordering::SeqCst);
        }
    }
}

async fn engine() -> (Engine, Store) {
    let store = Store::scratch().await.unwrap();
    store
        .load_demo(&DemoData::builtin().unwrap())
        .await
        .unwrap();
    let plugins = PluginHost::new(Arc::new(StoreData::new(store.clone()))).unwrap();
    for (manifest, wasm) in [
        (
            kefu_test_plugins::ORDERS_MANIFEST,
            kefu_test_plugins::ORDERS,
        ),
        (
            kefu_test_plugins::CATALOG_MANIFEST,
            kefu_test_plugins::CATALOG,
        ),
    ] {
        let manifest = std::fs::read_to_string(manifest).unwrap();
        plugins
            .load("demo", &manifest, &std::fs::read(wasm).unwrap())
            .unwrap();
    }
    let engine = Engine::new(
        store.clone(),
        default_classifier().unwrap(),
        Arc::new(plugins),
    );
    (engine, store)
}

/// The statements one turn of `text` ran, and what it answered.
async fn counted(engine: &Engine, conversation: &str, id: &str, text: &str) -> (usize, Turn) {
    let before = STATEMENTS.load(Ordering::SeqCst);
    let turn = engine
        .turn("demo", conversation, ShopperInput::typed(id, text))
        .await
        .unwrap();
    (STATEMENTS.load(Ordering::SeqCst) - before, turn)
}

#[tokio::test]
async fn a_turn_costs_four_statements_and_a_changed_faq_is_read_once() {
    tracing::subscriber::set_global_default(tracing_subscriber::registry().with(Count)).unwrap();
    let (engine, store) = engine().await;
    let conv = engine.open("demo", None, "en").await.unwrap();
    // The first turn reads the merchant's configuration.
    let (first, _) = counted(&engine, &conv.id, "a", "hello there").await;
    assert!(first > 4, "the counter sees sqlx's statements: {first}");
    for (i, text) in ["hi again", "what payment methods do you accept?", "thanks!"]
        .iter()
        .enumerate()
    {
        let (n, turn) = counted(&engine, &conv.id, &format!("b{i}"), text).await;
        assert!(matches!(turn, Turn::Stored(_)), "{turn:?}");
        // Header and settings; what it looks back on; the header moved; the messages.
        // (A batch's BEGIN and COMMIT are not logged as statements.)
        assert!(n <= 4, "`{text}` ran {n} statements");
    }
    // A resend is told by the first read and answered with what was stored.
    let (n, turn) = counted(
        &engine,
        &conv.id,
        "b1",
        "what payment methods do you accept?",
    )
    .await;
    assert!(matches!(turn, Turn::Duplicate { .. }), "{turn:?}");
    assert!(n <= 5, "a resend ran {n} statements");

    // An FAQ entry is added (here or on another node: the database raises the version):
    // the next turn reads the FAQ, wording and catalogue
    // again (and the taught phrasings), the one after does not.
    store
        .add_faq(
            "demo",
            "en",
            None,
            "Do you gift wrap?",
            "Yes, for free.",
            true,
        )
        .await
        .unwrap();
    let (changed, _) = counted(&engine, &conv.id, "c", "do you gift wrap?").await;
    assert!(
        changed >= 8,
        "the changed configuration was read: {changed}"
    );
    let (after, _) = counted(&engine, &conv.id, "d", "ok thanks").await;
    assert!(after <= 4, "read once, then kept: {after}");
}
