//! Teaching takes effect at once: a shopper's message the bot misreads is relabelled by an
//! agent in the console's API, and from the next message on the demo shop's bot answers
//! those words, and close variants written here, as taught, within a second, without a
//! retrain or a restart; another shop's shopper sending the same words gets the model's
//! answer as before. An answer saved as an FAQ entry is given to its question's words the
//! same way. A second runtime on the same database (a restart, or another node) answers as
//! taught from its first message.
//!
//! Run alone: `cargo test -p kefu-runtime --test teaching -- --nocapture` prints how long
//! each answer took.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use kefu_protocol::{Author, ClientMessage, ServerMessage};
use kefu_runtime::store::DemoData;
use tokio_tungstenite::tungstenite::Message;

#[allow(dead_code, reason = "each test file uses some of the shared helpers")]
mod support;

/// A question about collecting an order that the model misreads (as switching accounts).
const TAUGHT: &str = "could I swing by and grab my stuff in person";

/// Written variants of [`TAUGHT`]: typos, words added, dropped or swapped.
const VARIANTS: [&str; 10] = [
    "could I swing by and grab my stuf in person",
    "hi, could I swing by and grab my stuff in person please?",
    "Could I swing by and grab my stuff in person?",
    "could I swing by at some point and grab my stuff in person",
    "can I swing by and grab my stuff in person",
    "could I swing by and grab my stuff in persn",
    "hello, could I swing by and grab my stuff in person",
    "so could I swing by and grab my stuff in person",
    "could I just swing by and grab my stuff in person",
    "could I swing by and grab my stuff in person instead",
];

/// The label the agent teaches.
const LABEL: &str = "delivery_options";

/// A question answered by an FAQ entry an agent saves from a conversation.
const ASKED: &str = "do you do gift wrapping";
const ANSWER: &str = "Yes: tick 'gift' at checkout and we wrap it for free.";

/// What one shopper message got.
#[derive(Debug)]
struct Answered {
    conversation: String,
    /// Where the shopper's message was stored.
    seq: u64,
    /// The intent the bot answered.
    intent: String,
    text: String,
    took: Duration,
}

/// Sends `text` on a fresh conversation of `merchant`; what the bot answered and how long
/// it took from sending to the answer.
async fn say(addr: SocketAddr, merchant: &str, text: &str) -> Answered {
    let mut ws = support::open_chat(addr, merchant).await;
    let mut conversation = String::new();
    let mut seq = 0;
    let mut sent = None;
    loop {
        let frame = tokio::time::timeout(Duration::from_secs(20), ws.next())
            .await
            .unwrap()
            .unwrap()
            .unwrap();
        let Message::Text(t) = frame else { continue };
        match serde_json::from_str(t.as_str()).unwrap() {
            ServerMessage::Welcome {
                conversation_id, ..
            } => {
                conversation = conversation_id;
                sent = Some(Instant::now());
                ws.send(support::frame(ClientMessage::Say {
                    client_msg_id: "m1".into(),
                    text: text.into(),
                    locale: None,
                    hint: None,
                }))
                .await
                .unwrap();
            }
            ServerMessage::Ack { seq: s, .. } => seq = s,
            ServerMessage::Message(m) if m.author == Author::Bot => {
                return Answered {
                    conversation,
                    seq,
                    intent: m.intent.unwrap_or_default(),
                    text: m.text,
                    took: sent.expect("welcomed first").elapsed(),
                };
            }
            _ => {}
        }
    }
}

/// Calls the agent API with `cookie`; (status, JSON body, Set-Cookie).
async fn agent_api(
    addr: SocketAddr,
    path: &str,
    cookie: Option<String>,
    body: serde_json::Value,
) -> (u16, serde_json::Value, Option<String>) {
    let url = format!("http://{addr}{path}");
    tokio::task::spawn_blocking(move || {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        let mut request = agent.post(&url);
        if let Some(c) = &cookie {
            request = request.header("Cookie", c);
        }
        let mut response = request.send_json(body).unwrap();
        let set_cookie = response
            .headers()
            .get("set-cookie")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .map(str::to_string);
        let status = response.status().as_u16();
        let json = response.body_mut().read_json().unwrap_or_default();
        (status, json, set_cookie)
    })
    .await
    .unwrap()
}

/// The demo agent's session cookie.
async fn log_in(addr: SocketAddr) -> String {
    let credentials = serde_json::json!({ "email": "agent@demo.kefu", "password": "kefu-demo" });
    let (status, json, cookie) = agent_api(addr, "/v1/agent/login", None, credentials).await;
    assert_eq!(status, 200, "{json}");
    cookie.expect("a session cookie")
}

/// Another shop with the demo's settings and FAQ entries (not its orders or agents).
fn other_shop() -> DemoData {
    let demo = std::fs::read_to_string(support::root().join("runtime/demo/store.toml")).unwrap();
    let mut keep = false;
    let mut toml = String::new();
    for line in demo.lines() {
        if line.starts_with('[') {
            keep = line == "[merchant]" || line == "[[faq]]";
        }
        if keep {
            let line = if line == "id = \"demo\"" {
                "id = \"other-shop\""
            } else {
                line
            };
            toml.push_str(line);
            toml.push('\n');
        }
    }
    DemoData::parse(&toml).unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_relabelled_message_is_answered_as_taught_at_once_for_its_merchant_only() {
    let dir = std::env::temp_dir().join(format!("kefu-teaching-{}", uuid::Uuid::new_v4()));
    let (addr, app) = support::start(&dir).await;
    app.store.load_demo(&other_shop()).await.unwrap();
    let delivery_options = app
        .store
        .faq("demo")
        .await
        .unwrap()
        .into_iter()
        .find(|e| e.lang == "en" && e.intent.as_deref() == Some(LABEL))
        .expect("the demo answers delivery options from its FAQ")
        .answer;

    // The model misreads it, for every shop alike.
    let misread = say(addr, "demo", TAUGHT).await;
    assert_ne!(misread.intent, LABEL, "{misread:?}");
    assert_ne!(misread.text, delivery_options);
    let elsewhere = say(addr, "other-shop", TAUGHT).await;
    assert_eq!(elsewhere.intent, misread.intent);

    // An agent relabels it.
    let cookie = log_in(addr).await;
    let path = format!(
        "/v1/agent/conversations/{}/messages/{}/label",
        misread.conversation, misread.seq
    );
    let label = serde_json::json!({ "label": LABEL });
    let (status, json, _) = agent_api(addr, &path, Some(cookie.clone()), label).await;
    assert_eq!(status, 200, "{json}");
    let taught_at = Instant::now();

    // The next message with the same words is answered as taught, and so is every variant.
    let again = say(addr, "demo", TAUGHT).await;
    let since_taught = taught_at.elapsed();
    assert_eq!(
        (again.intent.as_str(), again.text.as_str()),
        (LABEL, delivery_options.as_str())
    );
    eprintln!(
        "taught phrasing answered as taught {} ms after the relabel ({} ms turn)",
        since_taught.as_millis(),
        again.took.as_millis()
    );
    let mut slowest = again.took;
    for variant in VARIANTS {
        let answered = say(addr, "demo", variant).await;
        assert_eq!(answered.intent, LABEL, "{variant}: {answered:?}");
        assert_eq!(answered.text, delivery_options, "{variant}");
        eprintln!("{:>5} ms  {variant}", answered.took.as_millis());
        slowest = slowest.max(answered.took);
    }
    assert!(
        since_taught < Duration::from_secs(1) && slowest < Duration::from_secs(1),
        "taught answers within a second: {since_taught:?} after the relabel, slowest {slowest:?}"
    );

    // Another shop's shopper with the same words gets the model's answer, as before.
    for text in [TAUGHT, VARIANTS[0], VARIANTS[1]] {
        let there = say(addr, "other-shop", text).await;
        assert_ne!(there.intent, LABEL, "{text}: {there:?}");
    }

    // An answer saved as an FAQ entry answers its question's words from the next message.
    let before = say(addr, "demo", ASKED).await;
    assert_ne!(before.text, ANSWER);
    let faq = serde_json::json!({ "question": ASKED, "answer": ANSWER, "lang": "en" });
    let (status, json, _) = agent_api(addr, "/v1/agent/faq", Some(cookie), faq).await;
    assert_eq!(status, 200, "{json}");
    for text in [
        ASKED,
        "hi, do you do giftwrapping?",
        "do you do gift wraping",
    ] {
        assert_eq!(say(addr, "demo", text).await.text, ANSWER, "{text}");
        assert_ne!(say(addr, "other-shop", text).await.text, ANSWER, "{text}");
    }

    // A runtime started afresh on the same database answers as taught from its first turn.
    let (restarted, _app) = support::start(&dir).await;
    let answered = say(restarted, "demo", VARIANTS[4]).await;
    assert_eq!(answered.intent, LABEL, "{answered:?}");
    assert_eq!(
        say(restarted, "demo", VARIANTS[2]).await.text,
        delivery_options
    );
    assert_eq!(
        say(restarted, "demo", "do you do gift wrapping?")
            .await
            .text,
        ANSWER
    );
    assert_ne!(say(restarted, "other-shop", TAUGHT).await.intent, LABEL);
    let _ = std::fs::remove_dir_all(&dir);
}
