//! Golden conversation transcripts: every `tests/transcripts/*.txt`, each a conversation with
//! the real engine, the real intent model and the real plugins (wasmtime, components from
//! `kefu-test-plugins`). One test runs them all and names every file that differs; a new
//! file runs without being registered anywhere.
//!
//! Format: `> text` is what the shopper sends; `! contact EMAIL | MESSAGE` and `! rate N`
//! are a filled-in contact form and a satisfaction rating; `! press confirm` / `! press
//! cancel` press a button of the latest confirmation card. The `<` lines after each are what
//! the bot answered: `< state | intent | text | cards` (or `< silent | state`, or
//! `< refused | code | message`). `#` lines are comments; `@merchant id` switches shop (for
//! the next conversation); `@agents online` / `@agents offline` opens or closes an agent
//! console for the current shop (with none open, a handoff offers the contact form);
//! `= refunds N` is followed by the refunds the store holds for order N (`=` lines), so a
//! transcript shows whether money really moved. Plugins see a fixed clock (2026-11-22). Run
//! with `KEFU_BLESS=1` to rewrite the files with what the engine says now, then read the
//! diff.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use kefu_protocol::{Author, Card, ChatMessage};
use kefu_runtime::engine::handoff::ContactInput;
use kefu_runtime::engine::{CardAnswer, Engine, EngineError, ShopperInput, Turn};
use kefu_runtime::plugins::{Clock, PluginHost};
use kefu_runtime::store::{DemoData, Store};
use kefu_runtime::{StoreData, default_classifier};

/// The component at `path` (a `kefu_test_plugins` constant).
fn component(path: &str) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The demo shop with its orders plugin, and a `broken` shop whose order plugin fails.
/// The engine, and the store it writes to (to show the refunds a conversation issued).
async fn engine() -> (Engine, Store) {
    let store = Store::scratch().await.unwrap();
    store
        .load_demo(&DemoData::builtin().unwrap())
        .await
        .unwrap();
    let broken = DemoData::parse("[merchant]\nid = \"broken\"\nname = \"Broken Shop\"\n").unwrap();
    store.load_demo(&broken).await.unwrap();
    // 2026-11-22T00:00:00Z: order 1003 was delivered four days earlier.
    let plugins = PluginHost::new(Arc::new(StoreData::new(store.clone())))
        .unwrap()
        .with_clock(Clock::Fixed(1_795_305_600_000));
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
        plugins.load("demo", &manifest, &component(wasm)).unwrap();
    }
    // The hostile test plugin claims track_order and fails on it: a plugin failure. Its
    // manifest lists every intent its describe() does, as the host checks at load.
    let failing = "[plugin]\nname = \"failing\"\nversion = \"0.0.1\"\n\
        intents = [\"loop\", \"memory\", \"panic\", \"recursion\", \"huge-output\", \"read-orders\", \
        \"host-call-flood\", \"steal-money\", \"propose-refund\", \"http\", \"track_order\"]\n";
    plugins
        .load("broken", failing, &component(kefu_test_plugins::HOSTILE))
        .unwrap();
    let engine = Engine::new(
        store.clone(),
        default_classifier().unwrap(),
        Arc::new(plugins),
    );
    (engine, store)
}

fn render(m: &ChatMessage) -> String {
    let cards: Vec<String> = m
        .cards
        .iter()
        .map(|c| match c {
            Card::OrderStatus { .. } => "order_status".to_string(),
            Card::QuickReplies { options } => format!("quick_replies({})", options.join("/")),
            Card::Product { sku, .. } => format!("product({sku})"),
            Card::ConfirmRefund {
                order_id,
                amount_minor,
                currency,
                ..
            } => format!(
                "confirm_refund({order_id} {})",
                kefu_protocol::format_money(*amount_minor, currency)
            ),
            Card::ConfirmAddress {
                order_id, address, ..
            } => format!("confirm_address({order_id} {address})"),
            Card::ConfirmCancel {
                order_id,
                amount_minor,
                currency,
                ..
            } => format!(
                "confirm_cancel({order_id} {})",
                kefu_protocol::format_money(*amount_minor, currency)
            ),
            Card::ContactForm { .. } => "contact_form".to_string(),
            Card::Csat { .. } => "csat".to_string(),
        })
        .collect();
    let cards = if cards.is_empty() {
        "-".to_string()
    } else {
        cards.join(",")
    };
    let text = mask_references(&m.text.replace('\n', " "));
    format!(
        "< {} | {} | {} | {}",
        m.state.as_str(),
        m.intent.as_deref().unwrap_or("-"),
        text,
        cards
    )
}

/// Refund references are random: `R-9C426E6F36` becomes `R-…`.
fn mask_references(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find("R-") {
        let tail = &rest[at + 2..];
        let len = tail
            .chars()
            .take_while(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            .count();
        out.push_str(&rest[..at]);
        if len == 10 {
            out.push_str("R-…");
            rest = &tail[len..];
        } else {
            out.push_str("R-");
            rest = tail;
        }
    }
    out.push_str(rest);
    out
}

async fn run((engine, store): &(Engine, Store), source: &str) -> String {
    let mut out = String::new();
    let mut merchant = "demo".to_string();
    let mut conversation = engine.open(&merchant, None, "en").await.unwrap().id;
    let mut consoles = Vec::new();
    // The action of the latest confirmation card the bot sent.
    let mut card_action: Option<String> = None;
    for (n, line) in source.lines().enumerate() {
        if line.starts_with('<') || (line.starts_with("= ") && !line.starts_with("= refunds ")) {
            continue;
        }
        out.push_str(line);
        out.push('\n');
        let id = format!("line-{n}");
        let result = if let Some(order) = line.strip_prefix("= refunds ") {
            let refunds = store
                .refunds_for_order(&merchant, order.trim())
                .await
                .unwrap();
            if refunds.is_empty() {
                out.push_str("= none\n");
            }
            for r in refunds {
                out.push_str(&format!(
                    "= {}\n",
                    kefu_protocol::format_money(r.amount_minor, &r.currency)
                ));
            }
            continue;
        } else if let Some(id) = line.strip_prefix("@merchant ") {
            merchant = id.trim().to_string();
            conversation = engine.open(&merchant, None, "en").await.unwrap().id;
            continue;
        } else if line.trim() == "@agents online" {
            consoles.push(engine.bus().agent_online(&merchant));
            continue;
        } else if line.trim() == "@agents offline" {
            consoles.clear();
            continue;
        } else if let Some(text) = line.strip_prefix("> ") {
            let input = ShopperInput::typed(id, text);
            engine.turn(&merchant, &conversation, input).await
        } else if let Some(form) = line.strip_prefix("! contact ") {
            let (email, message) = form.split_once(" | ").unwrap_or((form, ""));
            let input = ContactInput {
                client_msg_id: id,
                email: email.to_string(),
                message: message.to_string(),
                locale: None,
            };
            engine.contact(&merchant, &conversation, input).await
        } else if let Some(button) = line.strip_prefix("! press ") {
            let accept = button.trim() == "confirm";
            let action_id = card_action.clone().expect("a confirmation card to press");
            let mut input = ShopperInput::typed(id, if accept { "Confirm" } else { "Cancel" });
            input.card = Some(CardAnswer { action_id, accept });
            engine.turn(&merchant, &conversation, input).await
        } else if let Some(score) = line.strip_prefix("! rate ") {
            let score = score.trim().parse().expect("a rating is a number");
            engine
                .rate(&merchant, &conversation, &id, score, None)
                .await
        } else {
            continue;
        };
        let messages = match result {
            Ok(Turn::Stored(messages)) => messages,
            Ok(Turn::Duplicate { .. }) => {
                panic!("line {}: a new message was treated as a resend", n + 1)
            }
            Err(EngineError::Refused { code, message }) => {
                out.push_str(&format!("< refused | {code} | {message}\n"));
                continue;
            }
            Err(e) => panic!("line {}: {e}", n + 1),
        };
        let replies: Vec<_> = messages
            .iter()
            .filter(|m| m.author != Author::Shopper)
            .collect();
        if replies.is_empty() {
            out.push_str(&format!("< silent | {}\n", messages[0].state.as_str()));
        }
        for m in replies {
            if let Some(action) = m.cards.iter().find_map(card_action_of) {
                card_action = Some(action);
            }
            out.push_str(&render(m));
            out.push('\n');
        }
    }
    out
}

/// The action a confirmation card's buttons answer.
fn card_action_of(card: &Card) -> Option<String> {
    serde_json::to_value(card)
        .ok()?
        .get("action_id")?
        .as_str()
        .map(str::to_string)
}

/// Runs the transcript at `path`; with `KEFU_BLESS` set, rewrites it. Returns what differs.
async fn check(path: PathBuf) -> Result<(), String> {
    let expected = std::fs::read_to_string(&path).unwrap();
    let actual = run(&engine().await, &expected).await;
    if std::env::var_os("KEFU_BLESS").is_some() {
        std::fs::write(&path, &actual).unwrap();
        return Ok(());
    }
    if actual == expected {
        return Ok(());
    }
    let diff: Vec<String> = expected
        .lines()
        .zip(actual.lines().chain(std::iter::repeat("")))
        .filter(|(e, a)| e != a)
        .map(|(e, a)| format!("-{e}\n+{a}"))
        .collect();
    Err(format!(
        "{}\n--- whole transcript now:\n{actual}",
        diff.join("\n")
    ))
}

/// Every `*.txt` in `tests/transcripts/`, sorted.
fn transcripts() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("transcripts");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no transcripts in {}", dir.display());
    files
}

#[tokio::test(flavor = "multi_thread")]
async fn every_transcript_matches_what_the_engine_says_now() {
    // Each transcript gets its own engine and runs on its own task, as many at once as there
    // are cores (an engine compiles four plugins: more at once only queue for the CPU).
    let parallel = std::thread::available_parallelism().map_or(2, |n| n.get());
    let permits = Arc::new(tokio::sync::Semaphore::new(parallel));
    let mut runs = tokio::task::JoinSet::new();
    let mut names = std::collections::HashMap::new();
    for path in transcripts() {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let permits = permits.clone();
        let run = runs.spawn(async move {
            let _permit = permits.acquire_owned().await.unwrap();
            check(path).await
        });
        names.insert(run.id(), name);
    }
    let count = names.len();
    let mut failed = Vec::new();
    while let Some(done) = runs.join_next_with_id().await {
        match done {
            Ok((_, Ok(()))) => {}
            Ok((id, Err(diff))) => failed.push((names[&id].clone(), diff)),
            // A line the engine fails on panics inside `run`: report it as that file's.
            Err(e) => {
                let name = names[&e.id()].clone();
                let message = match e.try_into_panic() {
                    Ok(panic) => panic
                        .downcast_ref::<String>()
                        .cloned()
                        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                        .unwrap_or_default(),
                    Err(e) => e.to_string(),
                };
                failed.push((name, format!("panicked: {message}")));
            }
        }
    }
    failed.sort();
    let names: Vec<&str> = failed.iter().map(|(name, _)| name.as_str()).collect();
    let report: Vec<String> = failed
        .iter()
        .map(|(name, diff)| format!("=== {name}\n{diff}"))
        .collect();
    assert!(
        failed.is_empty(),
        "{} of {count} transcripts differ (KEFU_BLESS=1 to accept): {}\n\n{}",
        failed.len(),
        names.join(", "),
        report.join("\n\n")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn agents_are_offered_the_faq_answer_the_bot_would_give_first() {
    let (engine, _) = engine().await;
    let suggestions = engine
        .faq_suggestions("demo", "do you deliver to canada?", kefu_protocol::Lang::En)
        .await
        .unwrap();
    assert!(
        suggestions[0].text.starts_with("We ship to the US, Canada"),
        "{suggestions:?}"
    );
    let suggestions = engine
        .faq_suggestions("demo", "退货政策是怎样的", kefu_protocol::Lang::Zh)
        .await
        .unwrap();
    assert!(
        suggestions[0].text.starts_with("签收后30天内"),
        "{suggestions:?}"
    );
}
