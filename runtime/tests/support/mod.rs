//! What several of the runtime's integration tests do alike: run the `kefu` binary, start a
//! demo runtime on a free port, ask it as a shopper, call its admin API, call a plugin as the
//! engine does, build the engine over the demo shop in memory.
//! Each test file uses some of these.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use kefu_protocol::{ClientMessage, PROTOCOL_VERSION, ServerMessage};
use kefu_runtime::app::{ServeArgs, build_app};
use kefu_runtime::plugins::{CallError, PluginHost, PluginReply, PluginRequest};
use tokio_tungstenite::tungstenite::Message;

/// The workspace root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Runs `kefu args`; whether it succeeded, and what it printed (stdout, then stderr).
pub fn kefu(args: &[&str]) -> (bool, String) {
    kefu_in(&std::env::temp_dir(), args)
}

/// [`kefu`], run in `cwd`.
pub fn kefu_in(cwd: &Path, args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_kefu"))
        .args(args)
        .current_dir(cwd)
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

/// A demo runtime on a free port with the test plugins, serving in the background.
pub async fn start(data_dir: &Path) -> (std::net::SocketAddr, kefu_runtime::http::AppState) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    // No widget files: these tests speak the protocol and the admin API.
    let args = ServeArgs {
        compiler: Some(PathBuf::from(env!("CARGO_BIN_EXE_kefu"))),
        ..ServeArgs::demo_in(
            addr,
            data_dir.to_path_buf(),
            root().join("www"),
            PathBuf::from(kefu_test_plugins::PLUGINS_DIR),
        )
    };
    let app = build_app(&args, addr).await.unwrap();
    let served = app.clone();
    tokio::spawn(async move { axum::serve(listener, kefu_runtime::app::router(served)).await });
    (addr, app)
}

/// The engine over an in-memory store holding the demo shop, with the built-in model and a
/// plugin host reading that store, and the store to look at what a turn wrote.
pub async fn demo_engine() -> (kefu_runtime::store::Store, kefu_runtime::engine::Engine) {
    use kefu_runtime::store::{DemoData, Store};
    let store = Store::in_memory().await.unwrap();
    store
        .load_demo(&DemoData::builtin().unwrap())
        .await
        .unwrap();
    let host = PluginHost::new(Arc::new(kefu_runtime::StoreData::new(store.clone()))).unwrap();
    let engine = kefu_runtime::engine::Engine::new(
        store.clone(),
        kefu_runtime::default_classifier().unwrap(),
        Arc::new(host),
    );
    (store, engine)
}

/// A shopper's chat socket.
pub type ChatSocket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

/// `m` as the text frame the widget sends.
pub fn frame(m: ClientMessage) -> Message {
    Message::Text(serde_json::to_string(&m).unwrap().into())
}

/// Opens `merchant`'s chat and says hello in English for a new conversation.
pub async fn open_chat(addr: std::net::SocketAddr, merchant: &str) -> ChatSocket {
    let (mut ws, _) = tokio_tungstenite::connect_async(format!("ws://{addr}/v1/chat/{merchant}"))
        .await
        .unwrap();
    ws.send(frame(ClientMessage::Hello {
        version: PROTOCOL_VERSION,
        conversation_id: None,
        last_seq: 0,
        locale: Some("en".into()),
        identity: None,
    }))
    .await
    .unwrap();
    ws
}

/// Sends one shopper message on a fresh conversation; returns the bot's (intent, text).
pub async fn ask(addr: std::net::SocketAddr, text: &str) -> (String, String) {
    let mut ws = open_chat(addr, "demo").await;
    ws.send(frame(ClientMessage::Say {
        client_msg_id: "m1".into(),
        text: text.into(),
        locale: None,
        hint: None,
    }))
    .await
    .unwrap();
    loop {
        let frame = tokio::time::timeout(Duration::from_secs(20), ws.next())
            .await
            .unwrap()
            .unwrap()
            .unwrap();
        let Message::Text(t) = frame else { continue };
        if let ServerMessage::Message(m) = serde_json::from_str(t.as_str()).unwrap()
            && m.author == kefu_protocol::Author::Bot
        {
            return (m.intent.unwrap_or_default(), m.text);
        }
    }
}

/// Calls `merchant`'s plugin for `intent` on a blocking thread, as the engine does (the
/// shopper has proved ownership); the result and how long the call took.
pub async fn call_text(
    host: &Arc<PluginHost>,
    merchant: &str,
    intent: &str,
    slots: &[(&str, &str)],
    text: &str,
) -> (Result<PluginReply, CallError>, Duration) {
    let host = host.clone();
    let plugin = host.for_intent(merchant, intent).expect("plugin loaded");
    let request = PluginRequest {
        intent: intent.into(),
        locale: "en".into(),
        text: text.into(),
        slots: slots
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
        owner_verified: true,
    };
    tokio::task::spawn_blocking(move || {
        let start = Instant::now();
        let result = host.call(&plugin, &request);
        (result, start.elapsed())
    })
    .await
    .unwrap()
}

/// Calls the admin API; returns (status, JSON body).
pub async fn api(
    method: &'static str,
    url: String,
    key: Option<String>,
    body: Option<serde_json::Value>,
) -> (u16, serde_json::Value) {
    tokio::task::spawn_blocking(move || {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        let auth = key.map(|k| format!("Bearer {k}"));
        let mut response = match (method, body) {
            ("GET", _) => {
                let mut r = agent.get(&url);
                if let Some(a) = &auth {
                    r = r.header("Authorization", a);
                }
                r.call().unwrap()
            }
            ("DELETE", _) => {
                let mut r = agent.delete(&url);
                if let Some(a) = &auth {
                    r = r.header("Authorization", a);
                }
                r.call().unwrap()
            }
            ("PUT", body) => {
                let mut r = agent.put(&url);
                if let Some(a) = &auth {
                    r = r.header("Authorization", a);
                }
                r.send_json(body.unwrap_or(serde_json::json!({}))).unwrap()
            }
            (_, body) => {
                let mut r = agent.post(&url);
                if let Some(a) = &auth {
                    r = r.header("Authorization", a);
                }
                r.send_json(body.unwrap_or(serde_json::json!({}))).unwrap()
            }
        };
        let status = response.status().as_u16();
        let json = response.body_mut().read_json().unwrap_or_default();
        (status, json)
    })
    .await
    .unwrap()
}
