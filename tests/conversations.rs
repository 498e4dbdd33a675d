//! Conversation-level evaluation: multi-turn dialogues (`tests/conversations/*.toml`), each
//! with the outcome an honest shop assistant must reach, run against the real engine, the
//! real intent model and the real plugins on the demo shop, with the plugins' clock at
//! 2026-12-02 (order 1001, due 2026-11-26, is overdue).
//!
//! `dev_*.toml` are the development set. Every other `<set>_*.toml` was written apart, by
//! a writer who saw neither the training sentences, the engine, nor the other sets, and is
//! reported apart: `blind_*.toml` first, then the sets of [`sets_written_apart!`] in the
//! order they were written, each measured once before the tuning that followed it.
//! Run by `cargo xtask eval --conversations` (the report on stdout; `--set blind,fresh` or
//! `--every-set` add those sets) and by `cargo test` (which checks every file parses and
//! names known categories and outcomes, and prints the development report; goals are
//! reported, not asserted, while they are being reached). A set written apart is evaluated
//! only when its variable asks for it (`KEFU_CONVERSATIONS_BLIND=1`,
//! `KEFU_CONVERSATIONS_FRESH=1`, …: the set's name in capitals).
//!
//! Reported: task success (every expectation of a conversation met), times the bot asked
//! for something the shopper had already given (an order number, an email), required
//! handoffs missed, needless handoffs (a handoff where none was required or expected and
//! the shopper was neither upset nor pressed for time), and success per category.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use kefu_intent::slots::{self, SlotKind};
use kefu_protocol::{Author, Card, ChatMessage, ConversationState, Lang};
use kefu_runtime::engine::replies::{self, Line};
use kefu_runtime::engine::{Engine, ShopperInput, Turn};
use kefu_runtime::plugins::{Clock, PluginHost};
use kefu_runtime::store::{DemoData, Store};
use kefu_runtime::{StoreData, default_classifier};
use serde::Deserialize;

/// 2026-12-02T00:00:00Z.
const TODAY_MS: u64 = 1_796_169_600_000;

const CATEGORIES: &[&str] = &[
    "track",
    "overdue",
    "not_received",
    "damaged",
    "wrong_item",
    "missing_item",
    "refund",
    "cancel",
    "address",
    "faq",
    "product",
    "handoff",
    "bot_identity",
    "fraud",
    "account_takeover",
    "data_protection",
    "legal",
    "harassment",
    "safety_medical",
    "urgency",
    "complaint",
    "memory",
    "out_of_scope",
    "small_talk",
    "frustration",
    "topic_switch",
];

const OUTCOMES: &[&str] = &[
    "confirm_refund",
    "confirm_cancel",
    "confirm_address",
    "order_status",
    "contact_form",
    "handoff",
    "faq",
    "product",
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    conversation: Vec<Conversation>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Conversation {
    id: String,
    category: String,
    lang: String,
    turns: Vec<String>,
    #[serde(default)]
    given: Vec<String>,
    expect: Expect,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    handoff: String,
    #[serde(default)]
    handoff_reason_any: Vec<String>,
    #[serde(default)]
    outcome_any: Vec<String>,
    #[serde(default)]
    must_say_any: Vec<String>,
    #[serde(default)]
    must_not_say: Vec<String>,
}

/// How one conversation went.
#[derive(Debug, Default)]
struct Verdict {
    failures: Vec<String>,
    asked_again: usize,
    missed_handoff: bool,
    needless_handoff: bool,
    handoff_possible: bool,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

async fn engine() -> (Engine, Store) {
    let store = Store::scratch().await.unwrap();
    store
        .load_demo(&DemoData::builtin().unwrap())
        .await
        .unwrap();
    let plugins = PluginHost::new(Arc::new(StoreData::new(store.clone())))
        .unwrap()
        .with_clock(Clock::Fixed(TODAY_MS));
    for (manifest, wasm) in [
        (
            kefu_test_plugins::ORDERS_MANIFEST,
            kefu_test_plugins::ORDERS,
        ),
        (
            kefu_test_plugins::REFUNDS_MANIFEST,
            kefu_test_plugins::REFUNDS,
        ),
        (
            kefu_test_plugins::CATALOG_MANIFEST,
            kefu_test_plugins::CATALOG,
        ),
    ] {
        let manifest = std::fs::read_to_string(manifest).unwrap();
        let wasm = std::fs::read(wasm).unwrap();
        plugins.load("demo", &manifest, &wasm).unwrap();
    }
    let engine = Engine::new(
        store.clone(),
        default_classifier().unwrap(),
        Arc::new(plugins),
    );
    (engine, store)
}

fn load(path: &Path) -> Vec<Conversation> {
    let text = std::fs::read_to_string(path).unwrap();
    let file: File = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    for c in &file.conversation {
        assert!(
            CATEGORIES.contains(&c.category.as_str()),
            "{}: unknown category {}",
            c.id,
            c.category
        );
        assert!(
            ["en", "zh", "mixed"].contains(&c.lang.as_str()),
            "{}: lang",
            c.id
        );
        assert!(
            ["required", "forbidden", "allowed"].contains(&c.expect.handoff.as_str()),
            "{}: handoff",
            c.id
        );
        for o in &c.expect.outcome_any {
            assert!(
                OUTCOMES.contains(&o.as_str()),
                "{}: unknown outcome {o}",
                c.id
            );
        }
        assert!(!c.turns.is_empty(), "{}: no turns", c.id);
        for g in &c.given {
            assert!(
                ["order_number", "email"].contains(&g.as_str()),
                "{}: given {g}",
                c.id
            );
        }
    }
    file.conversation
}

/// The demo shop's orders and the refunds issued on them, as the store has them now.
async fn shop_state(store: &Store) -> String {
    let mut state = String::new();
    for id in ["1001", "1002", "1003", "1004"] {
        let order = store.order("demo", id).await.unwrap();
        let refunds = store.refunds_for_order("demo", id).await.unwrap().len();
        state.push_str(&format!("{order:?} {refunds};"));
    }
    state
}

/// Everything the bot showed in `m`, searchable: its text and its cards' fields.
fn shown(m: &ChatMessage) -> String {
    let cards = serde_json::to_string(&m.cards).unwrap_or_default();
    format!("{} {}", m.text, cards).to_lowercase()
}

fn is_line(m: &ChatMessage, line: Line) -> bool {
    [Lang::En, Lang::Zh]
        .iter()
        .any(|lang| m.text.starts_with(replies::text(line, *lang)))
}

async fn run(engine: &Engine, store: &Store, faq: &[String], c: &Conversation) -> Verdict {
    let conv = engine.open("demo", None, "en").await.unwrap();
    let mut bot: Vec<ChatMessage> = Vec::new();
    let mut given_number = false;
    let mut given_email = false;
    let mut asked_again = 0;
    let mut handed_off = false;
    for (i, text) in c.turns.iter().enumerate() {
        let found = slots::extract(text);
        let turn = engine
            .turn(
                "demo",
                &conv.id,
                ShopperInput::typed(format!("{}-{i}", c.id), text.clone()),
            )
            .await;
        let Ok(Turn::Stored(messages)) = turn else {
            continue;
        };
        if std::env::var("KEFU_CONVERSATIONS_SHOW")
            .is_ok_and(|only| only.split(',').any(|id| id == c.id))
        {
            for m in &messages {
                println!(
                    "    {:?} [{}] {} {:?}",
                    m.author,
                    m.intent.as_deref().unwrap_or("-"),
                    m.text,
                    m.cards
                );
            }
        }
        for m in messages.iter().filter(|m| m.author == Author::Bot) {
            if (given_number && is_line(m, Line::AskOrderNumber))
                || (given_email && is_line(m, Line::AskOrderEmail))
            {
                asked_again += 1;
            }
            handed_off |= m.state == ConversationState::WaitingForHuman;
            bot.push(m.clone());
        }
        given_number |= slots::first(&found, SlotKind::OrderNumber).is_some();
        given_email |= slots::first(&found, SlotKind::Email).is_some();
    }
    let header = store.conversation("demo", &conv.id).await.unwrap().unwrap();
    handed_off |= header.state == ConversationState::WaitingForHuman;
    let mut v = Verdict {
        asked_again,
        ..Verdict::default()
    };
    if asked_again > 0 {
        v.failures
            .push(format!("asked {asked_again}× for something already given"));
    }
    match (c.expect.handoff.as_str(), handed_off) {
        ("required", false) => {
            v.missed_handoff = true;
            v.failures
                .push("a person was required, none was asked for".into());
        }
        ("forbidden", true) => {
            v.needless_handoff = true;
            v.failures.push("handed off needlessly".into());
        }
        _ => {}
    }
    // A handoff nobody needed: none was required, none is among the expected outcomes, and
    // the shopper was not upset or pressed for time (where a person is a fair answer).
    v.handoff_possible = c.expect.handoff != "required"
        && !c.expect.outcome_any.iter().any(|o| o == "handoff")
        && !["handoff", "complaint", "frustration", "urgency"].contains(&c.category.as_str());
    v.needless_handoff = v.handoff_possible && handed_off;
    if handed_off && !c.expect.handoff_reason_any.is_empty() {
        let reason = header.handoff_reason.unwrap_or_default().to_lowercase();
        if !c
            .expect
            .handoff_reason_any
            .iter()
            .any(|r| reason.contains(&r.to_lowercase()))
        {
            v.failures.push(format!("handoff reason `{reason}`"));
        }
    }
    let has_card = |f: &dyn Fn(&Card) -> bool| bot.iter().any(|m| m.cards.iter().any(f));
    if !c.expect.outcome_any.is_empty()
        && !c.expect.outcome_any.iter().any(|o| match o.as_str() {
            "confirm_refund" => has_card(&|c| matches!(c, Card::ConfirmRefund { .. })),
            "confirm_cancel" => has_card(&|c| matches!(c, Card::ConfirmCancel { .. })),
            "confirm_address" => has_card(&|c| matches!(c, Card::ConfirmAddress { .. })),
            "order_status" => has_card(&|c| matches!(c, Card::OrderStatus { .. })),
            "contact_form" => has_card(&|c| matches!(c, Card::ContactForm { .. })),
            "product" => {
                has_card(&|c| matches!(c, Card::Product { .. }))
                    || bot.iter().any(|m| {
                        matches!(
                            m.intent.as_deref(),
                            Some("product_info" | "product_availability")
                        ) && !is_line(m, Line::ProductNotFound)
                    })
            }
            "faq" => bot
                .iter()
                .any(|m| faq.iter().any(|a| m.text.contains(a.as_str()))),
            "handoff" => handed_off,
            _ => false,
        })
    {
        v.failures
            .push(format!("none of {:?} happened", c.expect.outcome_any));
    }
    let all: Vec<String> = bot.iter().map(shown).collect();
    if !c.expect.must_say_any.is_empty()
        && !c
            .expect
            .must_say_any
            .iter()
            .any(|s| all.iter().any(|m| m.contains(&s.to_lowercase())))
    {
        v.failures
            .push(format!("said none of {:?}", c.expect.must_say_any));
    }
    for s in &c.expect.must_not_say {
        if all.iter().any(|m| m.contains(&s.to_lowercase())) {
            v.failures.push(format!("said `{s}`"));
        }
    }
    v
}

/// The dialogue files whose names start with `prefix`, in name order.
fn files(prefix: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("conversations"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "toml")
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(prefix))
        })
        .collect();
    files.sort();
    files
}

/// Runs the conversations of the files whose names start with `prefix`; prints the report.
async fn evaluate(prefix: &str) -> usize {
    let files = files(prefix);
    let (mut engine, mut store) = engine().await;
    let faq: Vec<String> = store
        .faq("demo")
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.answer)
        .collect();
    let verbose = std::env::var_os("KEFU_CONVERSATIONS_VERBOSE").is_some();
    let mut by_category: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let (mut total, mut ok, mut asked_again, mut missed, mut required) = (0, 0, 0, 0, 0);
    let (mut needless, mut could_be_needless) = (0, 0);
    for file in &files {
        for c in load(file) {
            let before = shop_state(&store).await;
            let v = run(&engine, &store, &faq, &c).await;
            // A conversation that changed the shop (an order cancelled, an address changed,
            // a refund issued) leaves a fresh one: every conversation starts from the demo
            // shop's data.
            if shop_state(&store).await != before {
                (engine, store) = crate::engine().await;
            }
            total += 1;
            let passed = v.failures.is_empty();
            ok += usize::from(passed);
            asked_again += v.asked_again;
            required += usize::from(c.expect.handoff == "required");
            missed += usize::from(v.missed_handoff);
            if v.handoff_possible {
                could_be_needless += 1;
                needless += usize::from(v.needless_handoff);
            }
            let entry = by_category.entry(c.category.clone()).or_default();
            entry.0 += usize::from(passed);
            entry.1 += 1;
            if verbose && !passed {
                println!("  FAIL {}: {}", c.id, v.failures.join("; "));
            }
            if verbose && v.needless_handoff {
                println!(
                    "  NEEDLESS {}: a person was asked for, none was needed",
                    c.id
                );
            }
        }
    }
    let pct = |a: usize, b: usize| {
        if b == 0 {
            0.0
        } else {
            100.0 * a as f64 / b as f64
        }
    };
    println!("\n## Conversations: {prefix}* ({total} conversations)\n");
    println!("| measure | value | goal |\n| --- | ---: | ---: |");
    println!("| task success | {ok}/{total} ({:.1}%) | |", pct(ok, total));
    println!("| asked again for something already given | {asked_again} | 0 |");
    println!("| required handoffs missed | {missed}/{required} | 0 |");
    println!(
        "| needless handoffs | {needless}/{could_be_needless} ({:.1}%) | ≤ 5% |",
        pct(needless, could_be_needless)
    );
    println!("\n| category | success |\n| --- | ---: |");
    for (category, (passed, n)) in &by_category {
        println!("| {category} | {passed}/{n} ({:.0}%) |", pct(*passed, *n));
    }
    total
}

#[tokio::test]
async fn the_development_conversations_parse_and_are_reported() {
    let n = evaluate("dev_").await;
    assert!(n >= 300, "the development set has {n} conversations");
}

#[tokio::test]
async fn the_blind_conversations_are_reported_apart() {
    // Written last; reported on their own so tuning never looks at them.
    if std::env::var_os("KEFU_CONVERSATIONS_BLIND").is_some() {
        let n = evaluate("blind_").await;
        assert!(n > 0, "no blind conversations");
    }
}

/// Evaluates a set written apart (`prefix*.toml`) when the variable `env` is 1: on request
/// only, never by a plain `cargo test`.
async fn report_apart(prefix: &str, env: &str) {
    if std::env::var(env).is_ok_and(|v| v == "1") {
        let n = evaluate(prefix).await;
        assert!(n > 0, "no {prefix} conversations");
    }
}

/// Parses a set written apart from the team (`prefix*.toml`) and checks it covers every
/// category (at least `per_category` times); its figures are measured once, on request only.
fn check_unseen_set(prefix: &str, per_category: usize) {
    let files = files(prefix);
    assert!(!files.is_empty(), "no {prefix}*.toml");
    let mut ids = std::collections::BTreeSet::new();
    let mut by_category: BTreeMap<&str, usize> = CATEGORIES.iter().map(|c| (*c, 0)).collect();
    for file in &files {
        for c in load(file) {
            assert!(ids.insert(c.id.clone()), "{}: id used twice", c.id);
            *by_category.get_mut(c.category.as_str()).unwrap() += 1;
        }
    }
    assert!(ids.len() >= 100, "{} {prefix} conversations", ids.len());
    for (category, n) in by_category {
        assert!(
            n >= per_category,
            "category {category} has {n} {prefix} conversations"
        );
    }
}

/// The sets written apart after the blind one, in the order they were written, each by a
/// writer who saw none of the rest and before the tuning that followed it: the files'
/// prefix, the variable that asks for its figures (never a plain `cargo test`), and how many
/// conversations every category has at least. Each set gets a module of two tests: it parses
/// and covers every category, and it is reported apart on request.
macro_rules! sets_written_apart {
    ($($name:ident: $prefix:literal, $env:literal, $per_category:literal;)*) => {
        /// Every set's prefix, in the order they were written.
        const SETS_WRITTEN_APART: &[&str] = &[$($prefix),*];
        $(
        mod $name {
            #[test]
            fn parses_and_covers_every_category() {
                super::check_unseen_set($prefix, $per_category);
            }

            #[tokio::test]
            async fn is_reported_apart() {
                super::report_apart($prefix, $env).await;
            }
        }
    )*};
}

sets_written_apart! {
    fresh: "fresh_", "KEFU_CONVERSATIONS_FRESH", 4; // the third
    sealed: "sealed_", "KEFU_CONVERSATIONS_SEALED", 4; // the fourth
    unseen: "unseen_", "KEFU_CONVERSATIONS_UNSEEN", 4; // the fifth
    hidden: "hidden_", "KEFU_CONVERSATIONS_HIDDEN", 3; // the sixth
    withheld: "withheld_", "KEFU_CONVERSATIONS_WITHHELD", 4; // the seventh
    reserve: "reserve_", "KEFU_CONVERSATIONS_RESERVE", 4; // the eighth
    kept: "kept_", "KEFU_CONVERSATIONS_KEPT", 5; // the ninth
    spare: "spare_", "KEFU_CONVERSATIONS_SPARE", 3; // the tenth
    stowed: "stowed_", "KEFU_CONVERSATIONS_STOWED", 3; // the eleventh
    shelved: "shelved_", "KEFU_CONVERSATIONS_SHELVED", 3; // the twelfth
    tucked: "tucked_", "KEFU_CONVERSATIONS_TUCKED", 3; // the thirteenth
    stashed: "stashed_", "KEFU_CONVERSATIONS_STASHED", 3; // the fourteenth
    boxed: "boxed_", "KEFU_CONVERSATIONS_BOXED", 3; // the fifteenth
    packed: "packed_", "KEFU_CONVERSATIONS_PACKED", 3; // the sixteenth
    locked: "locked_", "KEFU_CONVERSATIONS_LOCKED", 3; // the seventeenth
    crated: "crated_", "KEFU_CONVERSATIONS_CRATED", 3; // the eighteenth
    stored: "stored_", "KEFU_CONVERSATIONS_STORED", 3; // the nineteenth
    vaulted: "vaulted_", "KEFU_CONVERSATIONS_VAULTED", 3; // the twentieth
    cellared: "cellared_", "KEFU_CONVERSATIONS_CELLARED", 3; // the twenty-first
    banked: "banked_", "KEFU_CONVERSATIONS_BANKED", 3; // the twenty-second
    hoarded: "hoarded_", "KEFU_CONVERSATIONS_HOARDED", 3; // the twenty-third
    pocketed: "pocketed_", "KEFU_CONVERSATIONS_POCKETED", 3; // the twenty-fourth
    bagged: "bagged_", "KEFU_CONVERSATIONS_BAGGED", 3; // the twenty-fifth
    sacked: "sacked_", "KEFU_CONVERSATIONS_SACKED", 3; // the twenty-sixth
    lidded: "lidded_", "KEFU_CONVERSATIONS_LIDDED", 3; // the twenty-seventh
    binned: "binned_", "KEFU_CONVERSATIONS_BINNED", 3; // the twenty-eighth
    hampered: "hampered_", "KEFU_CONVERSATIONS_HAMPERED", 3; // the twenty-ninth
    crocked: "crocked_", "KEFU_CONVERSATIONS_CROCKED", 3; // the thirtieth
    jarred: "jarred_", "KEFU_CONVERSATIONS_JARRED", 3; // the thirty-first
    canned: "canned_", "KEFU_CONVERSATIONS_CANNED", 3; // the thirty-second
    potted: "potted_", "KEFU_CONVERSATIONS_POTTED", 3; // the thirty-third
    tinned: "tinned_", "KEFU_CONVERSATIONS_TINNED", 3; // the thirty-fourth
    corked: "corked_", "KEFU_CONVERSATIONS_CORKED", 3; // the thirty-fifth
    bottled: "bottled_", "KEFU_CONVERSATIONS_BOTTLED", 3; // the thirty-sixth
    wrapped: "wrapped_", "KEFU_CONVERSATIONS_WRAPPED", 3; // the thirty-seventh
    sleeved: "sleeved_", "KEFU_CONVERSATIONS_SLEEVED", 3; // the thirty-eighth
    bundled: "bundled_", "KEFU_CONVERSATIONS_BUNDLED", 3; // the thirty-ninth
    caged: "caged_", "KEFU_CONVERSATIONS_CAGED", 3; // the fortieth
    barreled: "barreled_", "KEFU_CONVERSATIONS_BARRELED", 3; // the forty-first
    trunked: "trunked_", "KEFU_CONVERSATIONS_TRUNKED", 3; // the forty-second
    hutched: "hutched_", "KEFU_CONVERSATIONS_HUTCHED", 3; // the forty-third
    tubbed: "tubbed_", "KEFU_CONVERSATIONS_TUBBED", 3; // the forty-fourth
    pouched: "pouched_", "KEFU_CONVERSATIONS_POUCHED", 3; // the forty-fifth
    netted: "netted_", "KEFU_CONVERSATIONS_NETTED", 3; // the forty-sixth
    sheathed: "sheathed_", "KEFU_CONVERSATIONS_SHEATHED", 3; // the forty-seventh
    basketed: "basketed_", "KEFU_CONVERSATIONS_BASKETED", 3; // the forty-eighth
    canistered: "canistered_", "KEFU_CONVERSATIONS_CANISTERED", 3; // the forty-ninth
    jugged: "jugged_", "KEFU_CONVERSATIONS_JUGGED", 3; // the fiftieth
    flasked: "flasked_", "KEFU_CONVERSATIONS_FLASKED", 3; // the fifty-first
    drummed: "drummed_", "KEFU_CONVERSATIONS_DRUMMED", 3; // the fifty-second
    kegged: "kegged_", "KEFU_CONVERSATIONS_KEGGED", 3; // the fifty-third
    cratered: "cratered_", "KEFU_CONVERSATIONS_CRATERED", 3; // the fifty-fourth
    vatted: "vatted_", "KEFU_CONVERSATIONS_VATTED", 3; // the fifty-fifth
    ladled: "ladled_", "KEFU_CONVERSATIONS_LADLED", 3; // the fifty-sixth
    siloed: "siloed_", "KEFU_CONVERSATIONS_SILOED", 3; // the fifty-seventh
    spooled: "spooled_", "KEFU_CONVERSATIONS_SPOOLED", 3; // the fifty-eighth
    pailed: "pailed_", "KEFU_CONVERSATIONS_PAILED", 3; // the fifty-ninth
    bagpiped: "bagpiped_", "KEFU_CONVERSATIONS_BAGPIPED", 3; // the sixtieth
    capsuled: "capsuled_", "KEFU_CONVERSATIONS_CAPSULED", 3; // the sixty-first
    coffered: "coffered_", "KEFU_CONVERSATIONS_COFFERED", 3; // the sixty-second
    satcheled: "satcheled_", "KEFU_CONVERSATIONS_SATCHELED", 3; // the sixty-third
    hoppered: "hoppered_", "KEFU_CONVERSATIONS_HOPPERED", 3; // the sixty-fourth
    drawered: "drawered_", "KEFU_CONVERSATIONS_DRAWERED", 3; // the sixty-fifth
    casked: "casked_", "KEFU_CONVERSATIONS_CASKED", 3; // the sixty-sixth
    bucketed: "bucketed_", "KEFU_CONVERSATIONS_BUCKETED", 3; // the sixty-seventh
    chested: "chested_", "KEFU_CONVERSATIONS_CHESTED", 3; // the sixty-eighth
    pursed: "pursed_", "KEFU_CONVERSATIONS_PURSED", 3; // the sixty-ninth
    enveloped: "enveloped_", "KEFU_CONVERSATIONS_ENVELOPED", 3; // the seventieth
    holstered: "holstered_", "KEFU_CONVERSATIONS_HOLSTERED", 3; // the seventy-first
    lockered: "lockered_", "KEFU_CONVERSATIONS_LOCKERED", 3; // the seventy-second
    gourded: "gourded_", "KEFU_CONVERSATIONS_GOURDED", 3; // the seventy-third
    quivered: "quivered_", "KEFU_CONVERSATIONS_QUIVERED", 3; // the seventy-fourth
    creeled: "creeled_", "KEFU_CONVERSATIONS_CREELED", 3; // the seventy-fifth
    panniered: "panniered_", "KEFU_CONVERSATIONS_PANNIERED", 3; // the seventy-sixth
    cupboarded: "cupboarded_", "KEFU_CONVERSATIONS_CUPBOARDED", 3; // the seventy-seventh
    ewered: "ewered_", "KEFU_CONVERSATIONS_EWERED", 3; // the seventy-eighth
    caddied: "caddied_", "KEFU_CONVERSATIONS_CADDIED", 3; // the seventy-ninth
    firkined: "firkined_", "KEFU_CONVERSATIONS_FIRKINED", 3; // the eightieth
    troughed: "troughed_", "KEFU_CONVERSATIONS_TROUGHED", 3; // the eighty-first
    hodded: "hodded_", "KEFU_CONVERSATIONS_HODDED", 3; // the eighty-second
    pitchered: "pitchered_", "KEFU_CONVERSATIONS_PITCHERED", 3; // the eighty-third
    tankarded: "tankarded_", "KEFU_CONVERSATIONS_TANKARDED", 3; // the eighty-fourth
    scuttled: "scuttled_", "KEFU_CONVERSATIONS_SCUTTLED", 3; // the eighty-fifth
    flagoned: "flagoned_", "KEFU_CONVERSATIONS_FLAGONED", 3; // the eighty-sixth
    beakered: "beakered_", "KEFU_CONVERSATIONS_BEAKERED", 3; // the eighty-seventh
    gobleted: "gobleted_", "KEFU_CONVERSATIONS_GOBLETED", 3; // the eighty-eighth
    ampouled: "ampouled_", "KEFU_CONVERSATIONS_AMPOULED", 3; // the eighty-ninth
    decantered: "decantered_", "KEFU_CONVERSATIONS_DECANTERED", 3; // the ninetieth
    carafed: "carafed_", "KEFU_CONVERSATIONS_CARAFED", 3; // the ninety-first
    tureened: "tureened_", "KEFU_CONVERSATIONS_TUREENED", 3; // the ninety-second
    urned: "urned_", "KEFU_CONVERSATIONS_URNED", 3; // the ninety-third
    cauldroned: "cauldroned_", "KEFU_CONVERSATIONS_CAULDRONED", 3; // the ninety-fourth
    skilleted: "skilleted_", "KEFU_CONVERSATIONS_SKILLETED", 3; // the ninety-fifth
    saucered: "saucered_", "KEFU_CONVERSATIONS_SAUCERED", 3; // the ninety-sixth
    kettled: "kettled_", "KEFU_CONVERSATIONS_KETTLED", 3; // the ninety-seventh
    steined: "steined_", "KEFU_CONVERSATIONS_STEINED", 3; // the ninety-eighth
    mugged: "mugged_", "KEFU_CONVERSATIONS_MUGGED", 3; // the ninety-ninth
    chaliced: "chaliced_", "KEFU_CONVERSATIONS_CHALICED", 3; // the one-hundredth
    tumblered: "tumblered_", "KEFU_CONVERSATIONS_TUMBLERED", 3; // the hundred-and-first
    flasketed: "flasketed_", "KEFU_CONVERSATIONS_FLASKETED", 3; // the hundred-and-second
    goblinned: "goblinned_", "KEFU_CONVERSATIONS_GOBLINNED", 3; // the hundred-and-third
    pannikined: "pannikined_", "KEFU_CONVERSATIONS_PANNIKINED", 3; // the hundred-and-fourth
    beakerful: "beakerful_", "KEFU_CONVERSATIONS_BEAKERFUL", 3; // the hundred-and-fifth
    crucibled: "crucibled_", "KEFU_CONVERSATIONS_CRUCIBLED", 3; // the hundred-and-sixth
    ramekined: "ramekined_", "KEFU_CONVERSATIONS_RAMEKINED", 3; // the hundred-and-seventh
    terrined: "terrined_", "KEFU_CONVERSATIONS_TERRINED", 3; // the hundred-and-eighth
    cruetted: "cruetted_", "KEFU_CONVERSATIONS_CRUETTED", 3; // the hundred-and-ninth
    tazzaed: "tazzaed_", "KEFU_CONVERSATIONS_TAZZAED", 3; // the hundred-and-tenth
    noggined: "noggined_", "KEFU_CONVERSATIONS_NOGGINED", 3; // the hundred-and-eleventh
    quaiched: "quaiched_", "KEFU_CONVERSATIONS_QUAICHED", 3; // the hundred-and-twelfth
    pipkined: "pipkined_", "KEFU_CONVERSATIONS_PIPKINED", 3; // the hundred-and-thirteenth
    gallipoted: "gallipoted_", "KEFU_CONVERSATIONS_GALLIPOTED", 3; // the hundred-and-fourteenth
    porringered: "porringered_", "KEFU_CONVERSATIONS_PORRINGERED", 3; // the hundred-and-fifteenth
    creamered: "creamered_", "KEFU_CONVERSATIONS_CREAMERED", 3; // the hundred-and-sixteenth
    billied: "billied_", "KEFU_CONVERSATIONS_BILLIED", 3; // the hundred-and-seventeenth
    rummered: "rummered_", "KEFU_CONVERSATIONS_RUMMERED", 3; // the hundred-and-eighteenth
    mazered: "mazered_", "KEFU_CONVERSATIONS_MAZERED", 3; // the hundred-and-nineteenth
    stouped: "stouped_", "KEFU_CONVERSATIONS_STOUPED", 3; // the hundred-and-twentieth
    goblered: "goblered_", "KEFU_CONVERSATIONS_GOBLERED", 3; // the hundred-and-twenty-first
    flutered: "flutered_", "KEFU_CONVERSATIONS_FLUTERED", 3; // the hundred-and-twenty-second
    hornered: "hornered_", "KEFU_CONVERSATIONS_HORNERED", 3; // the hundred-and-twenty-third
    ladlered: "ladlered_", "KEFU_CONVERSATIONS_LADLERED", 3; // the hundred-and-twenty-fourth
    casseroled: "casseroled_", "KEFU_CONVERSATIONS_CASSEROLED", 3; // the hundred-and-twenty-fifth
    trivetted: "trivetted_", "KEFU_CONVERSATIONS_TRIVETTED", 3; // the hundred-and-twenty-sixth
    sieved: "sieved_", "KEFU_CONVERSATIONS_SIEVED", 3; // the hundred-and-twenty-seventh
    griddled: "griddled_", "KEFU_CONVERSATIONS_GRIDDLED", 3; // the hundred-and-twenty-eighth
    colandered: "colandered_", "KEFU_CONVERSATIONS_COLANDERED", 3; // the hundred-and-twenty-ninth
    woked: "woked_", "KEFU_CONVERSATIONS_WOKED", 3; // the hundred-and-thirtieth
    steamered: "steamered_", "KEFU_CONVERSATIONS_STEAMERED", 3; // the hundred-and-thirty-first
    tajined: "tajined_", "KEFU_CONVERSATIONS_TAJINED", 3; // the hundred-and-thirty-second
    samovared: "samovared_", "KEFU_CONVERSATIONS_SAMOVARED", 3; // the hundred-and-thirty-third
    braziered: "braziered_", "KEFU_CONVERSATIONS_BRAZIERED", 3; // the hundred-and-thirty-fourth
    mortared: "mortared_", "KEFU_CONVERSATIONS_MORTARED", 3; // the hundred-and-thirty-fifth
    thermosed: "thermosed_", "KEFU_CONVERSATIONS_THERMOSED", 3; // the hundred-and-thirty-sixth
    kadaied: "kadaied_", "KEFU_CONVERSATIONS_KADAIED", 3; // the hundred-and-thirty-seventh
    cocotted: "cocotted_", "KEFU_CONVERSATIONS_COCOTTED", 3; // the hundred-and-thirty-eighth
    dutchovened: "dutchovened_", "KEFU_CONVERSATIONS_DUTCHOVENED", 3; // the hundred-and-thirty-ninth
    crockpotted: "crockpotted_", "KEFU_CONVERSATIONS_CROCKPOTTED", 3; // the hundred-and-fortieth
    souffled: "souffled_", "KEFU_CONVERSATIONS_SOUFFLED", 3; // the hundred-and-forty-first
    tandoored: "tandoored_", "KEFU_CONVERSATIONS_TANDOORED", 3; // the hundred-and-forty-second
    bainmaried: "bainmaried_", "KEFU_CONVERSATIONS_BAINMARIED", 3; // the hundred-and-forty-third
    paellaed: "paellaed_", "KEFU_CONVERSATIONS_PAELLAED", 3; // the hundred-and-forty-fourth
    skewered: "skewered_", "KEFU_CONVERSATIONS_SKEWERED", 3; // the hundred-and-forty-fifth
    smokered: "smokered_", "KEFU_CONVERSATIONS_SMOKERED", 3; // the hundred-and-forty-sixth
    planchaed: "planchaed_", "KEFU_CONVERSATIONS_PLANCHAED", 3; // the hundred-and-forty-seventh
    rotisseried: "rotisseried_", "KEFU_CONVERSATIONS_ROTISSERIED", 3; // the hundred-and-forty-eighth
    poached: "poached_", "KEFU_CONVERSATIONS_POACHED", 3; // the hundred-and-forty-ninth
    braised: "braised_", "KEFU_CONVERSATIONS_BRAISED", 3; // the hundred-and-fiftieth
    fondued: "fondued_", "KEFU_CONVERSATIONS_FONDUED", 3; // the hundred-and-fifty-first
    broiled: "broiled_", "KEFU_CONVERSATIONS_BROILED", 3; // the hundred-and-fifty-second
    grilled: "grilled_", "KEFU_CONVERSATIONS_GRILLED", 3; // the hundred-and-fifty-third
    seared: "seared_", "KEFU_CONVERSATIONS_SEARED", 3; // the hundred-and-fifty-fourth
    flambeed: "flambeed_", "KEFU_CONVERSATIONS_FLAMBEED", 3; // the hundred-and-fifty-fifth
    roasted: "roasted_", "KEFU_CONVERSATIONS_ROASTED", 3; // the hundred-and-fifty-sixth
    steamed: "steamed_", "KEFU_CONVERSATIONS_STEAMED", 3; // the hundred-and-fifty-seventh
    sauteed: "sauteed_", "KEFU_CONVERSATIONS_SAUTEED", 3; // the hundred-and-fifty-eighth
    blanched: "blanched_", "KEFU_CONVERSATIONS_BLANCHED", 3; // the hundred-and-fifty-ninth
    toasted: "toasted_", "KEFU_CONVERSATIONS_TOASTED", 3; // the hundred-and-sixtieth
    glazed: "glazed_", "KEFU_CONVERSATIONS_GLAZED", 3; // the hundred-and-sixty-first
    basted: "basted_", "KEFU_CONVERSATIONS_BASTED", 3; // the hundred-and-sixty-second
    simmered: "simmered_", "KEFU_CONVERSATIONS_SIMMERED", 3; // the hundred-and-sixty-third
    charred: "charred_", "KEFU_CONVERSATIONS_CHARRED", 3; // the hundred-and-sixty-fourth
    stewed: "stewed_", "KEFU_CONVERSATIONS_STEWED", 3; // the hundred-and-sixty-fifth
    pickled: "pickled_", "KEFU_CONVERSATIONS_PICKLED", 3; // the hundred-and-sixty-sixth
    whisked: "whisked_", "KEFU_CONVERSATIONS_WHISKED", 3; // the hundred-and-sixty-seventh
    kneaded: "kneaded_", "KEFU_CONVERSATIONS_KNEADED", 3; // the hundred-and-sixty-eighth
    proofed: "proofed_", "KEFU_CONVERSATIONS_PROOFED", 3; // the hundred-and-sixty-ninth
    zested: "zested_", "KEFU_CONVERSATIONS_ZESTED", 3; // the hundred-and-seventieth
    minced: "minced_", "KEFU_CONVERSATIONS_MINCED", 3; // the hundred-and-seventy-first
    julienned: "julienned_", "KEFU_CONVERSATIONS_JULIENNED", 3; // the hundred-and-seventy-second
    marinated: "marinated_", "KEFU_CONVERSATIONS_MARINATED", 3; // the hundred-and-seventy-third
    caramelised: "caramelised_", "KEFU_CONVERSATIONS_CARAMELISED", 3; // the hundred-and-seventy-fourth
    infused: "infused_", "KEFU_CONVERSATIONS_INFUSED", 3; // the hundred-and-seventy-fifth
    brined: "brined_", "KEFU_CONVERSATIONS_BRINED", 3; // the hundred-and-seventy-sixth
    smoked: "smoked_", "KEFU_CONVERSATIONS_SMOKED", 3; // the hundred-and-seventy-seventh
    cured: "cured_", "KEFU_CONVERSATIONS_CURED", 3; // the hundred-and-seventy-eighth
    dusted: "dusted_", "KEFU_CONVERSATIONS_DUSTED", 3; // the hundred-and-seventy-ninth
    folded: "folded_", "KEFU_CONVERSATIONS_FOLDED", 3; // the hundred-and-eightieth
    steeped: "steeped_", "KEFU_CONVERSATIONS_STEEPED", 3; // the hundred-and-eighty-first
    sifted: "sifted_", "KEFU_CONVERSATIONS_SIFTED", 3; // the hundred-and-eighty-second
    torched: "torched_", "KEFU_CONVERSATIONS_TORCHED", 3; // the hundred-and-eighty-third
    scalded: "scalded_", "KEFU_CONVERSATIONS_SCALDED", 3; // the hundred-and-eighty-fourth
    drizzled: "drizzled_", "KEFU_CONVERSATIONS_DRIZZLED", 3; // the hundred-and-eighty-fifth
    whipped: "whipped_", "KEFU_CONVERSATIONS_WHIPPED", 3; // the hundred-and-eighty-sixth
    crumbed: "crumbed_", "KEFU_CONVERSATIONS_CRUMBED", 3; // the hundred-and-eighty-seventh
    seasoned: "seasoned_", "KEFU_CONVERSATIONS_SEASONED", 3; // the hundred-and-eighty-eighth
    battered: "battered_", "KEFU_CONVERSATIONS_BATTERED", 3; // the hundred-and-eighty-ninth
    candied: "candied_", "KEFU_CONVERSATIONS_CANDIED", 3; // the hundred-and-ninetieth
    frosted: "frosted_", "KEFU_CONVERSATIONS_FROSTED", 3; // the hundred-and-ninety-first
    reduced: "reduced_", "KEFU_CONVERSATIONS_REDUCED", 3; // the hundred-and-ninety-second
    buttered: "buttered_", "KEFU_CONVERSATIONS_BUTTERED", 3; // the hundred-and-ninety-third
    sugared: "sugared_", "KEFU_CONVERSATIONS_SUGARED", 3; // the hundred-and-ninety-fourth
    piped: "piped_", "KEFU_CONVERSATIONS_PIPED", 3; // the hundred-and-ninety-fifth
    dredged: "dredged_", "KEFU_CONVERSATIONS_DREDGED", 3; // the hundred-and-ninety-sixth
}

#[test]
fn every_set_in_the_directory_is_measured() {
    // A set added to tests/conversations but not to `sets_written_apart!` would be parsed
    // by nobody and reported by `cargo xtask eval --every-set` without its checks.
    let mut on_disk: Vec<String> = std::fs::read_dir(root().join("conversations"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter_map(|n| n.strip_suffix("_en.toml").map(|p| format!("{p}_")))
        .filter(|p| p != "dev_" && p != "blind_")
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = SETS_WRITTEN_APART.iter().map(|p| p.to_string()).collect();
    listed.sort();
    assert_eq!(
        on_disk, listed,
        "tests/conversations and sets_written_apart! differ"
    );
}

/// The single messages of `widget/intent/tests/topics_<set>.tsv` (`person` or `ordinary`),
/// each the first message of a new conversation through the engine: how many sensitive ones
/// reach a person, and how many ordinary ones are sent to one for a policy topic (a reason
/// starting `policy:`). That is the keyword rules, the topic
/// model and the rules weighing it against the intent model together, as a shopper meets
/// them; `cargo test -p kefu-intent --test topics` measures the topic model alone.
async fn policy_through_the_engine(set: &str) {
    let file = format!("topics_{set}.tsv");
    let text = std::fs::read_to_string(root().join("../widget/intent/tests").join(&file))
        .unwrap_or_else(|e| panic!("{file}: {e}"));
    let (engine, store) = engine().await;
    let (mut person, mut heard, mut ordinary, mut wrongly) = (0, 0, 0, 0);
    let mut wrong = Vec::new();
    for (i, line) in text.lines().filter(|l| !l.starts_with('#')).enumerate() {
        let Some((label, message)) = line.split_once('\t') else {
            continue;
        };
        let zh = message
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        let conv = engine
            .open("demo", None, if zh { "zh" } else { "en" })
            .await
            .unwrap();
        let input = ShopperInput::typed(format!("m{i}"), message);
        engine.turn("demo", &conv.id, input).await.unwrap();
        let header = store.conversation("demo", &conv.id).await.unwrap().unwrap();
        let reason = header.handoff_reason.unwrap_or_default();
        let handed_off = header.state == ConversationState::WaitingForHuman;
        // A sensitive message reaches a person whatever the reason (a person sees it); an
        // ordinary one is sent by mistake when a policy topic was heard in it (a complaint
        // or an explicit request reaching a person is no mistake).
        let to_person = if label == "person" {
            handed_off
        } else {
            handed_off && reason.starts_with("policy:")
        };
        if label == "person" {
            person += 1;
            heard += usize::from(to_person);
        } else {
            ordinary += 1;
            wrongly += usize::from(to_person);
        }
        if (label == "person") != to_person {
            wrong.push((label == "person", format!("{message} ({reason})")));
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!("\n## Single messages through the engine: {file}");
    println!(
        "sensitive topics sent to a person: {heard}/{person} ({:.1}%, goal ≥ 95%)",
        pct(heard, person)
    );
    println!(
        "ordinary messages sent to a person: {wrongly}/{ordinary} ({:.1}%, goal ≤ 2%)",
        pct(wrongly, ordinary)
    );
    if std::env::var_os("KEFU_TOPICS_SHOW_MISSES").is_some() {
        for (missed, message) in wrong {
            println!(
                "  {} {message}",
                if missed { "missed" } else { "false alarm" }
            );
        }
    }
    assert!(person >= 100, "{file}: {person} person lines");
}

#[tokio::test]
async fn single_messages_through_the_engine_are_reported_on_request() {
    // KEFU_POLICY_SETS=kept,reserve: the single-message sets written apart, measured as a
    // shopper meets them (never by a plain `cargo test`).
    if let Ok(sets) = std::env::var("KEFU_POLICY_SETS") {
        for set in sets.split(',').filter(|s| !s.is_empty()) {
            policy_through_the_engine(set.trim()).await;
        }
    }
}
