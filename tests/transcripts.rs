//! Golden conversation transcripts: `tests/transcripts/*.txt`, each a conversation with the
//! real engine, the real intent model and the real plugins (wasmtime, from `dist/`).
//!
//! Format: `> text` is what the shopper sends; `! contact EMAIL | MESSAGE` and `! rate N`
//! are a filled-in contact form and a satisfaction rating. The `<` lines after each are what
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
use kefu_runtime::engine::{Engine, EngineError, ShopperInput, Turn};
use kefu_runtime::plugins::{Clock, PluginHost};
use kefu_runtime::store::{DemoData, Store};
use kefu_runtime::{StoreData, default_classifier};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn component(dir: &str) -> Vec<u8> {
    let path = root().join("dist").join(dir).join("plugin.wasm");
    std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; run `cargo xtask build`", path.display()))
}

/// The demo shop with its orders plugin, and a `broken` shop whose order plugin fails.
async fn engine() -> Engine {
    let store = Store::in_memory().await.unwrap();
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
    for name in ["orders", "refunds", "catalog"] {
        let manifest =
            std::fs::read_to_string(root().join(format!("plugins/{name}/manifest.toml"))).unwrap();
        plugins
            .load("demo", &manifest, &component(&format!("plugins/{name}")))
            .unwrap();
    }
    // The hostile test plugin claims track_order and fails on it: a plugin failure. Its
    // manifest lists every intent its describe() does, as the host checks at load.
    let failing = "[plugin]\nname = \"failing\"\nversion = \"0.0.1\"\n\
        intents = [\"loop\", \"memory\", \"panic\", \"recursion\", \"huge-output\", \"read-orders\", \
        \"host-call-flood\", \"steal-money\", \"propose-refund\", \"http\", \"track_order\"]\n";
    plugins
        .load("broken", failing, &component("test-plugins/hostile"))
        .unwrap();
    Engine::new(store, default_classifier().unwrap(), Arc::new(plugins))
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

async fn run(engine: &Engine, source: &str) -> String {
    let mut out = String::new();
    let mut merchant = "demo".to_string();
    let mut conversation = engine.open(&merchant, None, "en").await.unwrap().id;
    let mut consoles = Vec::new();
    for (n, line) in source.lines().enumerate() {
        if line.starts_with('<') || (line.starts_with("= ") && !line.starts_with("= refunds ")) {
            continue;
        }
        out.push_str(line);
        out.push('\n');
        let id = format!("line-{n}");
        let result = if let Some(order) = line.strip_prefix("= refunds ") {
            let refunds = engine
                .store()
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
            let input = ShopperInput {
                client_msg_id: id,
                text: text.to_string(),
                locale: None,
                hint: None,
            };
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
            out.push_str(&render(m));
            out.push('\n');
        }
    }
    out
}

async fn check(name: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("transcripts")
        .join(name);
    let expected = std::fs::read_to_string(&path).unwrap();
    let actual = run(&engine().await, &expected).await;
    if std::env::var_os("KEFU_BLESS").is_some() {
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    if actual != expected {
        let diff: Vec<String> = expected
            .lines()
            .zip(actual.lines().chain(std::iter::repeat("")))
            .filter(|(e, a)| e != a)
            .map(|(e, a)| format!("-{e}\n+{a}"))
            .collect();
        panic!(
            "{name} differs (KEFU_BLESS=1 to accept):\n{}\n--- whole transcript now:\n{actual}",
            diff.join("\n")
        );
    }
}

macro_rules! transcripts {
    ($($test:ident => $file:literal,)*) => {
        $(
            #[tokio::test(flavor = "multi_thread")]
            async fn $test() {
                check($file).await;
            }
        )*
    };
}

transcripts! {
    order_status_in_english => "order_status_en.txt",
    order_status_in_chinese => "order_status_zh.txt",
    a_missing_order_number_is_asked_for_once => "missing_order_number.txt",
    an_explicit_human_request_in_chinese_hands_off_and_the_bot_goes_quiet => "human_request_zh.txt",
    two_failed_turns_in_a_row_offer_a_human => "loop_offers_human.txt",
    sarcasm_is_answered_and_offered_a_human => "sarcasm_offers_human.txt",
    out_of_scope_gets_an_honest_answer => "out_of_scope.txt",
    a_plugin_failure_apologises_and_offers_a_human => "plugin_failure.txt",
    security_legal_and_payment_disputes_go_to_a_human => "policy_topics.txt",
    a_refund_is_proposed_confirmed_and_issued_once => "refund_happy_path.txt",
    a_refund_above_the_cap_goes_to_a_human => "refund_above_cap.txt",
    a_refund_on_an_order_not_proven_theirs_is_refused => "refund_not_owner.txt",
    a_declined_refund_moves_no_money => "refund_declined.txt",
    policy_questions_are_answered_from_the_faq => "faq.txt",
    product_questions_are_answered_from_the_catalogue => "products.txt",
    an_unsure_model_asks_instead_of_guessing => "clarify.txt",
    an_unshipped_order_is_cancelled_after_its_owner_confirms => "cancel_order.txt",
    an_unshipped_order_goes_to_a_new_address_after_its_owner_confirms => "change_address.txt",
    with_nobody_online_a_handoff_offers_a_contact_form_and_opens_a_ticket => "no_agent_online.txt",
    a_bot_conversation_that_ends_well_asks_for_a_rating_once => "csat_after_bot_answer.txt",
}

#[tokio::test(flavor = "multi_thread")]
async fn agents_are_offered_the_faq_answer_the_bot_would_give_first() {
    let engine = engine().await;
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
