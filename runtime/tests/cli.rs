//! The `kefu` command line as people use it: `kefu intent classify` on stdin, and
//! `kefu chat --json` against a running runtime (with the real reference plugins, from
//! `kefu-test-plugins`),
//! and `kefu agent add` with the password on stdin.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use kefu_runtime::app::{ServeArgs, build_app};

fn kefu(args: &[&str], stdin: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kefu"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "kefu {args:?} failed");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn intent_classify_prints_one_json_object_per_line() {
    let out = kefu(
        &["intent", "classify"],
        "where is my order 1001?\n我的订单1001到哪了\n",
    );
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    for (line, text) in lines
        .iter()
        .zip(["where is my order 1001?", "我的订单1001到哪了"])
    {
        assert_eq!(line["text"], text);
        assert_eq!(line["intent"], "track_order");
        let confidence = line["confidence"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&confidence));
        let top = line["top"].as_array().unwrap();
        assert_eq!(top[0][0], "track_order");
        assert!(top.len() >= 2 && top[0][1].as_f64().unwrap() >= top[1][1].as_f64().unwrap());
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn chat_json_prints_each_reply_with_state_intent_and_cards() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let data_dir = std::env::temp_dir().join(format!("kefu-cli-test-{}", std::process::id()));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let args = ServeArgs {
        listen: addr,
        data_dir: data_dir.clone(),
        // No widget files: `kefu chat` speaks the protocol.
        assets_dir: data_dir.join("assets"),
        www_dir: root.join("www"),
        plugins_dir: PathBuf::from(kefu_test_plugins::PLUGINS_DIR),
        public_url: None,
        training_file: None,
        compiler: None,
    };
    let app = build_app(&args, addr).await.unwrap();
    tokio::spawn(async move { axum::serve(listener, kefu_runtime::app::router(app)).await });
    let url = format!("http://{addr}");
    let out = tokio::task::spawn_blocking(move || {
        kefu(
            &["chat", "--url", &url, "--json"],
            "where is my order 1001?\n转人工\nhello?\n",
        )
    })
    .await
    .unwrap();
    let replies: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // Two replies: the order, the handoff; the third message gets none (a human is asked for).
    assert_eq!(replies.len(), 2, "{out}");
    assert_eq!(replies[0]["state"], "bot");
    assert_eq!(replies[0]["intent"], "track_order");
    assert_eq!(replies[0]["cards"][0]["kind"], "order_status");
    assert!(
        replies[0]["text"]
            .as_str()
            .unwrap()
            .contains("1Z999AA10123456784")
    );
    assert_eq!(replies[1]["state"], "waiting_for_human");
    // Nobody has the console open: the handoff offers the contact form.
    assert_eq!(replies[1]["cards"][0]["kind"], "contact_form");
    let _ = std::fs::remove_dir_all(data_dir);
}

#[tokio::test(flavor = "multi_thread")]
async fn agent_add_takes_the_password_from_stdin_and_refuses_a_short_one() {
    let data_dir = std::env::temp_dir().join(format!("kefu-agent-test-{}", std::process::id()));
    let dir = data_dir.to_str().unwrap().to_string();
    let run = move |password: &'static str| {
        let dir = dir.clone();
        move || {
            Command::new(env!("CARGO_BIN_EXE_kefu"))
                .args([
                    "agent",
                    "add",
                    "--merchant",
                    "demo",
                    "--email",
                    "Bo@Shop.test",
                ])
                .args(["--name", "Bo", "--data-dir", &dir])
                .stdin(Stdio::piped())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .and_then(|mut child| {
                    child.stdin.take().unwrap().write_all(password.as_bytes())?;
                    child.wait_with_output()
                })
                .unwrap()
        }
    };
    let short = tokio::task::spawn_blocking(run("short\n")).await.unwrap();
    assert!(!short.status.success());
    assert!(String::from_utf8_lossy(&short.stderr).contains("at least 8 characters"));
    let ok = tokio::task::spawn_blocking(run("a long enough secret\n"))
        .await
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let store = kefu_runtime::store::Store::open(&data_dir).await.unwrap();
    let (agent, hash) = store
        .agent_credentials("bo@shop.test")
        .await
        .unwrap()
        .expect("the agent was added, its email lower-cased");
    assert_eq!(
        (agent.merchant_id.as_str(), agent.name.as_str()),
        ("demo", "Bo")
    );
    assert!(kefu_runtime::auth::verify_password(
        "a long enough secret",
        Some(&hash)
    ));
    assert!(!hash.contains("secret"), "only a hash is stored");
    let _ = std::fs::remove_dir_all(data_dir);
}
