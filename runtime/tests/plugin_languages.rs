//! Plugins in TypeScript, JavaScript and Python go the README's whole way with only the
//! `kefu` binary and the language's own tools (Node.js and npm; Python with venv):
//! `kefu plugin new --lang ts|js|python` in a scratch directory, `build` (typed bindings
//! from the WIT, componentize-js or componentize-py), `test` against the same fixtures the Rust
//! template passes, and `deploy` to a running runtime, where shoppers are answered by it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use kefu_protocol::{ClientMessage, PROTOCOL_VERSION, ServerMessage};
use kefu_runtime::app::{ServeArgs, build_app};
use tokio_tungstenite::tungstenite::Message;

fn kefu(args: &[&str]) -> (bool, String) {
    kefu_in(&std::env::temp_dir(), args)
}

fn kefu_in(cwd: &Path, args: &[&str]) -> (bool, String) {
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

async fn start(data_dir: &Path) -> (std::net::SocketAddr, kefu_runtime::http::AppState) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let args = ServeArgs {
        compiler: Some(PathBuf::from(env!("CARGO_BIN_EXE_kefu"))),
        ..ServeArgs::demo_in(
            addr,
            data_dir.to_path_buf(),
            root.join("www"),
            data_dir.join("no-plugins"),
        )
    };
    std::fs::create_dir_all(data_dir.join("no-plugins")).unwrap();
    let app = build_app(&args, addr).await.unwrap();
    let served = app.clone();
    tokio::spawn(async move { axum::serve(listener, kefu_runtime::app::router(served)).await });
    (addr, app)
}

/// Sends `text` as a new shopper; returns the bot's answer.
async fn ask(addr: std::net::SocketAddr, text: &str) -> String {
    let (mut ws, _) = tokio_tungstenite::connect_async(format!("ws://{addr}/v1/chat/demo"))
        .await
        .unwrap();
    let send = |m: ClientMessage| Message::Text(serde_json::to_string(&m).unwrap().into());
    ws.send(send(ClientMessage::Hello {
        version: PROTOCOL_VERSION,
        conversation_id: None,
        last_seq: 0,
        locale: Some("en".into()),
        identity: None,
    }))
    .await
    .unwrap();
    ws.send(send(ClientMessage::Say {
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
            return m.text;
        }
    }
}

async fn new_build_test_deploy(lang: &str) {
    let work = std::env::temp_dir().join(format!("kefu-{lang}-plugin-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).unwrap();
    let (addr, app) = start(&work.join("data")).await;
    let key = app.store.create_api_key("demo", "test").await.unwrap();

    let plugin = work.join("returns");
    let dir = plugin.to_str().unwrap();
    let (ok, out) = kefu(&["plugin", "new", dir, "--lang", lang]);
    assert!(ok, "{out}");
    assert!(!plugin.join("Cargo.toml").exists());
    // Built from the directory above, by a relative path, as a merchant types it.
    let (ok, out) = tokio::task::block_in_place(|| kefu_in(&work, &["plugin", "build", "returns"]));
    assert!(ok, "{out}");
    // The typed bindings were generated from the contract the plugin carries.
    let bindings = if lang == "python" {
        "typings/wit_world/imports/orders.py"
    } else {
        "src/types/plugin.d.ts"
    };
    assert!(plugin.join(bindings).is_file(), "{out}");
    let (ok, out) = tokio::task::block_in_place(|| kefu(&["plugin", "test", dir]));
    assert!(ok && out.contains("5 cases, 0 failed"), "{out}");

    let base = format!("http://{addr}");
    let (ok, out) = tokio::task::block_in_place(|| {
        kefu(&["plugin", "deploy", dir, "--url", &base, "--key", &key])
    });
    assert!(ok && out.contains("deployed returns 0.1.0"), "{out}");
    let text = ask(addr, "I want to return order 1003").await;
    assert!(
        text.contains("order 1003") && text.contains("more days"),
        "the {lang} plugin answers: {text}"
    );
    drop(app);
    let _ = std::fs::remove_dir_all(&work);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_typescript_plugin_is_scaffolded_built_tested_and_deployed() {
    new_build_test_deploy("ts").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_python_plugin_is_scaffolded_built_tested_and_deployed() {
    new_build_test_deploy("python").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_javascript_plugin_is_scaffolded_built_tested_and_deployed() {
    new_build_test_deploy("js").await;
}
