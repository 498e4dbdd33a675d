//! The shop's FAQ answered on the shopper's device is the runtime's answer: for every entry
//! of the demo FAQ, in English and Chinese, asked as written and as a shopper would
//! paraphrase it, what `kefu_intent::faq::answering` finds over what the panel's welcome
//! ships (the public entries and the intents plugins serve), with the browser's model, is
//! exactly what a demo runtime answers over the chat socket. And a merchant who turns the
//! device's answers off, or makes an entry private, ships neither.

#[allow(dead_code, reason = "each test file uses some of the shared helpers")]
mod support;

use std::time::Duration;

use std::path::{Path, PathBuf};

use futures_util::{SinkExt, StreamExt};
use kefu_intent::faq::{PublicEntry, answering};
use kefu_protocol::{Author, ClientMessage, OnDeviceConfig, PROTOCOL_VERSION, ServerMessage};
use tokio_tungstenite::tungstenite::Message;

/// A demo runtime like [`support::start`]'s, without the per-address message limits: the
/// test asks a few dozen questions from one address within seconds.
async fn start(data_dir: &Path) -> (std::net::SocketAddr, kefu_runtime::http::AppState) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let mut args = kefu_runtime::app::ServeArgs {
        compiler: Some(PathBuf::from(env!("CARGO_BIN_EXE_kefu"))),
        ..kefu_runtime::app::ServeArgs::demo_in(
            addr,
            data_dir.to_path_buf(),
            support::root().join("www"),
            PathBuf::from(kefu_test_plugins::PLUGINS_DIR),
        )
    };
    args.limits.ip_per_minute = 0;
    args.limits.ip_burst = 0;
    args.limits.sockets_per_ip = 0;
    let app = kefu_runtime::app::build_app(&args, addr).await.unwrap();
    let served = app.clone();
    tokio::spawn(async move { axum::serve(listener, kefu_runtime::app::router(served)).await });
    (addr, app)
}

/// Says `text` on a fresh conversation in `locale`: what the welcome ships to the device,
/// and the bot's answer.
async fn ask(
    addr: std::net::SocketAddr,
    locale: &str,
    text: &str,
) -> (Option<OnDeviceConfig>, String) {
    let (mut ws, _) = tokio_tungstenite::connect_async(format!("ws://{addr}/v1/chat/demo"))
        .await
        .unwrap();
    let send = |m: ClientMessage| Message::Text(serde_json::to_string(&m).unwrap().into());
    ws.send(send(ClientMessage::Hello {
        version: PROTOCOL_VERSION,
        conversation_id: None,
        last_seq: 0,
        locale: Some(locale.into()),
        identity: None,
    }))
    .await
    .unwrap();
    ws.send(send(ClientMessage::Say {
        client_msg_id: "m1".into(),
        text: text.into(),
        locale: Some(locale.into()),
        hint: None,
    }))
    .await
    .unwrap();
    let mut shipped = None;
    loop {
        let frame = tokio::time::timeout(Duration::from_secs(20), ws.next())
            .await
            .unwrap()
            .unwrap()
            .unwrap();
        let Message::Text(t) = frame else { continue };
        match serde_json::from_str(t.as_str()).unwrap() {
            ServerMessage::Welcome { welcome, .. } => {
                shipped = welcome.and_then(|w| w.on_device);
            }
            ServerMessage::Message(m) if m.author == Author::Bot => return (shipped, m.text),
            ServerMessage::Error { code, message, .. } => panic!("{text:?}: {code}: {message}"),
            _ => {}
        }
    }
}

/// What the device would answer `text` with, given what the welcome shipped.
fn on_device(shipped: &OnDeviceConfig, text: &str) -> Option<String> {
    let classifier = kefu_runtime::default_classifier().unwrap();
    let entries: Vec<PublicEntry> = shipped
        .faq
        .iter()
        .map(|e| PublicEntry {
            question: e.question.clone(),
            answer: e.answer.clone(),
            intent: e.intent.clone(),
        })
        .collect();
    let intent = classifier.classify(text).intent;
    answering(&entries, text, &intent, &shipped.served).map(|e| e.answer.clone())
}

/// Shoppers' wordings of the demo FAQ's questions, beside the questions themselves.
const PARAPHRASES: &[(&str, &str)] = &[
    ("en", "can I get my money back if it doesn't fit?"),
    ("en", "how do I send something back"),
    ("en", "how long will shipping take"),
    ("en", "do you take paypal"),
    ("en", "do you deliver to canada?"),
    ("en", "do the hoodies run small"),
    ("en", "where is my invoice"),
    ("en", "what's the weather like"),
    ("en", "where is my order 1001"),
    ("zh", "可以退款吗"),
    ("zh", "多久发货"),
    ("zh", "能用支付宝吗"),
    ("zh", "发票在哪"),
    ("zh", "我的订单1001到哪了"),
];

#[tokio::test(flavor = "multi_thread")]
async fn the_device_answers_every_demo_faq_question_exactly_as_the_runtime_does() {
    let dir = tempfile_dir();
    let (addr, app) = start(&dir).await;
    let faq = app.store.faq("demo").await.unwrap();
    assert!(faq.len() >= 20, "the demo FAQ is the test's subject");
    let mut asked: Vec<(String, String, Option<String>)> = faq
        .iter()
        .map(|e| (e.lang.clone(), e.question.clone(), Some(e.answer.clone())))
        .collect();
    asked.extend(
        PARAPHRASES
            .iter()
            .map(|(lang, text)| (lang.to_string(), text.to_string(), None)),
    );
    let mut answered_here = 0;
    for (lang, text, entry_answer) in &asked {
        let (shipped, runtime) = ask(addr, lang, text).await;
        let shipped = shipped.expect("the demo shop answers on the device");
        assert!(
            shipped.faq.len() * 2 == faq.len(),
            "every public entry in {lang}, no other"
        );
        let device = on_device(&shipped, text);
        // Both ways: what the device answers, the runtime answers; and where the runtime
        // answers with the entry asked about, the device does too (a question a plugin
        // serves, such as sizes from the catalogue, is the plugin's on both sides).
        if entry_answer.as_ref() == Some(&runtime) {
            assert_eq!(
                device.as_ref(),
                Some(&runtime),
                "{lang} {text:?}: not answered on the device"
            );
        }
        if let Some(device) = device {
            answered_here += 1;
            assert_eq!(
                device, runtime,
                "{lang} {text:?}: the device and the runtime differ"
            );
        }
    }
    assert!(
        answered_here >= faq.len() - 4,
        "{answered_here} answered on the device"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test(flavor = "multi_thread")]
async fn private_entries_and_switched_off_answers_are_not_shipped() {
    let dir = tempfile_dir();
    let (addr, app) = start(&dir).await;
    let mut first = app.store.faq("demo").await.unwrap().remove(0);
    first.public = false;
    assert!(app.store.update_faq("demo", &first).await.unwrap());
    let (shipped, _) = ask(addr, &first.lang, "hello").await;
    let shipped = shipped.unwrap();
    assert!(shipped.faq.iter().all(|e| e.question != first.question));
    assert!(!shipped.faq.is_empty());
    // The runtime still answers with the private entry.
    let (_, runtime) = ask(addr, &first.lang, &first.question).await;
    assert_eq!(runtime, first.answer);

    let mut settings = app.store.merchant_settings("demo").await.unwrap().unwrap();
    settings.on_device.answers = false;
    settings.on_device.suggestions = false;
    app.store
        .update_merchant_settings(
            "demo",
            &kefu_runtime::store::SettingsUpdate {
                name: settings.name,
                refund_cap_minor: settings.refund_cap_minor,
                business_hours: settings.business_hours,
                reply_within_hours: settings.reply_within_hours,
                handoff_phrases: settings.handoff_phrases,
                default_locale: settings.default_locale,
                on_device: settings.on_device,
                brand: settings.brand,
            },
        )
        .await
        .unwrap();
    let (shipped, _) = ask(addr, "en", "hello").await;
    assert_eq!(shipped, None, "nothing for the device to do");
    std::fs::remove_dir_all(&dir).ok();
}

fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "kefu-faq-on-device-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
