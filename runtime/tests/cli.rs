//! The `kefu` command line as people use it: `kefu intent classify` on stdin, and
//! `kefu chat --json` against a running runtime (with the real reference plugins, from
//! `kefu-test-plugins`),
//! `kefu agent add` with the password on stdin, and a shop run for real: `kefu serve`
//! without `--demo`, `kefu merchant add`, its agents, and the demo login refused; and
//! `kefu secrets-key`, whose key files only their owner may read.

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
    // No widget files: `kefu chat` speaks the protocol.
    let args = ServeArgs::demo_in(
        addr,
        data_dir.clone(),
        root.join("www"),
        PathBuf::from(kefu_test_plugins::PLUGINS_DIR),
    );
    let app = build_app(&args, addr).await.unwrap();
    tokio::spawn(async move { axum::serve(listener, kefu_runtime::app::router(app)).await });
    let url = format!("http://{addr}");
    let out = tokio::task::spawn_blocking(move || {
        kefu(
            &["chat", "--url", &url, "--json"],
            "where is my order 1001? I'm jane@example.com\n转人工\nhello?\n",
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
    kefu(
        &[
            "merchant",
            "add",
            "demo",
            "--name",
            "Demo",
            "--data-dir",
            &dir,
        ],
        "",
    );
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

/// Runs `kefu` with `args` and `stdin`; returns whether it succeeded, stdout and stderr.
fn kefu_status(args: &[&str], stdin: &str) -> (bool, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kefu"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.success(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// A `kefu serve` child process, killed when dropped.
struct Served {
    child: std::process::Child,
    url: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `kefu serve` (no `--demo`) on `data_dir` and waits for its URL.
fn serve(data_dir: &str) -> (Served, String) {
    use std::io::BufRead;
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut child = Command::new(env!("CARGO_BIN_EXE_kefu"))
        .args(["serve", "--listen", "127.0.0.1:0", "--data-dir", data_dir])
        .current_dir(root)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    let mut banner = String::new();
    let url = loop {
        let line = lines
            .next()
            .unwrap_or_else(|| panic!("kefu serve exited:\n{banner}"))
            .unwrap();
        banner.push_str(&line);
        banner.push('\n');
        if let Some(at) = line.find("http://") {
            let url = line[at..].split(['/', ' ']).take(3).collect::<Vec<_>>();
            break url.join("/");
        }
    };
    // The rest of the banner: up to its empty line.
    for line in lines.by_ref() {
        let line = line.unwrap();
        if line.is_empty() {
            break;
        }
        banner.push_str(&line);
        banner.push('\n');
    }
    // Keep draining stdout so the child never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    (Served { child, url }, banner)
}

/// An HTTP client that reports every status as a response.
fn http() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into()
}

/// Logs in; returns the status, the error code (if any) and the session cookie.
fn login(url: &str, email: &str, password: &str) -> (u16, String, Option<String>) {
    let mut response = http()
        .post(format!("{url}/v1/agent/login"))
        .send_json(serde_json::json!({"email": email, "password": password}))
        .unwrap();
    let cookie = response
        .headers()
        .get("set-cookie")
        .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_string());
    let json: serde_json::Value = response.body_mut().read_json().unwrap_or_default();
    (
        response.status().as_u16(),
        json["code"].as_str().unwrap_or_default().to_string(),
        cookie,
    )
}

/// `GET url` with a session cookie; the status and the JSON answer.
fn get(url: &str, cookie: &str) -> (u16, serde_json::Value) {
    let mut response = http().get(url).header("cookie", cookie).call().unwrap();
    let json = response.body_mut().read_json().unwrap_or_default();
    (response.status().as_u16(), json)
}

#[test]
fn a_shop_runs_without_the_demo_with_its_own_merchant_and_agents() {
    let data_dir = std::env::temp_dir().join(format!("kefu-shop-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&data_dir);
    let dir = data_dir.to_str().unwrap();
    let (served, banner) = serve(dir);
    let url = served.url.clone();
    assert!(banner.contains("no merchant yet"), "{banner}");
    assert!(banner.contains("kefu merchant add"), "{banner}");
    assert!(!banner.contains("kefu-demo"), "no demo password: {banner}");

    // No demo: its published login is refused, its shop is unknown.
    let (status, code, cookie) = login(&url, "agent@demo.kefu", "kefu-demo");
    assert_eq!((status, code.as_str()), (401, "demo_login_disabled"));
    assert!(cookie.is_none());
    let (ok, _, err) = kefu_status(&["chat", "--url", &url, "--merchant", "demo"], "hi\n");
    assert!(!ok && err.contains("no shop named `demo`"), "{err}");

    // A merchant: a malformed or taken id is refused; the secret is shown once.
    let (ok, _, err) = kefu_status(
        &[
            "merchant",
            "add",
            "Shop_A",
            "--name",
            "A",
            "--data-dir",
            dir,
        ],
        "",
    );
    assert!(!ok && err.contains("not a merchant id"), "{err}");
    let (ok, out, err) = kefu_status(
        &[
            "merchant",
            "add",
            "shop-a",
            "--name",
            "Shop A",
            "--data-dir",
            dir,
        ],
        "",
    );
    assert!(ok, "{err}");
    let secret = out
        .lines()
        .find_map(|l| l.strip_prefix("identity secret: "))
        .unwrap_or_else(|| panic!("{out}"));
    assert_eq!(secret.len(), 64);
    assert!(secret.bytes().all(|b| b.is_ascii_hexdigit()));
    assert!(err.contains("shown only once"), "{err}");
    let (ok, _, err) = kefu_status(
        &[
            "merchant",
            "add",
            "shop-a",
            "--name",
            "Again",
            "--data-dir",
            dir,
        ],
        "",
    );
    assert!(!ok && err.contains("already exists"), "{err}");
    let (ok, out, _) = kefu_status(
        &[
            "merchant",
            "rotate-identity-secret",
            "shop-a",
            "--data-dir",
            dir,
        ],
        "",
    );
    assert!(
        ok && out.contains("identity secret: ") && !out.contains(secret),
        "{out}"
    );
    kefu(
        &[
            "merchant",
            "add",
            "shop-b",
            "--name",
            "Shop B",
            "--data-dir",
            dir,
        ],
        "",
    );

    // API keys: created, then all of the merchant's revoked.
    let key = kefu(
        &["merchant", "key", "--merchant", "shop-a", "--data-dir", dir],
        "",
    );
    assert!(key.starts_with("kefu_sk_"), "{key}");
    let out = kefu(
        &[
            "merchant",
            "key",
            "revoke",
            "--merchant",
            "shop-a",
            "--data-dir",
            dir,
        ],
        "",
    );
    assert!(out.contains("revoked 1"), "{out}");

    // Agents: one per shop; they log in (the runtime reads the agents from the store).
    kefu(
        &[
            "agent",
            "add",
            "--merchant",
            "shop-a",
            "--email",
            "ann@a.test",
            "--name",
            "Ann",
            "--data-dir",
            dir,
        ],
        "ann's long password\n",
    );
    kefu(
        &[
            "agent",
            "add",
            "--merchant",
            "shop-b",
            "--email",
            "bob@b.test",
            "--name",
            "Bob",
            "--data-dir",
            dir,
        ],
        "bob's long password\n",
    );
    let list = kefu(
        &["agent", "list", "--merchant", "shop-a", "--data-dir", dir],
        "",
    );
    assert_eq!(list.trim(), "ann@a.test\tAnn");
    let (status, _, ann) = login(&url, "ann@a.test", "ann's long password");
    assert_eq!(status, 200);
    let ann = ann.unwrap();
    let (status, _, bob) = login(&url, "bob@b.test", "bob's long password");
    assert_eq!(status, 200);
    let bob = bob.unwrap();

    // A shopper of shop A asks for a person: Ann sees the conversation, Bob cannot.
    let out = kefu(
        &["chat", "--url", &url, "--merchant", "shop-a", "--json"],
        "转人工\n",
    );
    assert!(out.contains("waiting_for_human"), "{out}");
    let (_, queue) = get(&format!("{url}/v1/agent/queue"), &ann);
    let id = queue["queue"][0]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("Ann's queue: {queue}"))
        .to_string();
    let (status, _) = get(&format!("{url}/v1/agent/conversations/{id}"), &ann);
    assert_eq!(status, 200);
    let (status, _) = get(&format!("{url}/v1/agent/conversations/{id}"), &bob);
    assert_eq!(status, 404, "another shop's conversation is not found");
    let (_, bobs_queue) = get(&format!("{url}/v1/agent/queue"), &bob);
    assert!(!bobs_queue.to_string().contains(&id), "{bobs_queue}");

    // A new password ends the old one; a removed agent cannot log in.
    kefu(
        &[
            "agent",
            "reset-password",
            "--email",
            "ann@a.test",
            "--data-dir",
            dir,
        ],
        "a brand new password\n",
    );
    assert_eq!(login(&url, "ann@a.test", "ann's long password").0, 401);
    assert_eq!(login(&url, "ann@a.test", "a brand new password").0, 200);
    assert_eq!(
        get(&format!("{url}/v1/agent/me"), &ann).0,
        401,
        "old sessions end"
    );
    let out = kefu(
        &[
            "agent",
            "remove",
            "--email",
            "bob@b.test",
            "--data-dir",
            dir,
        ],
        "",
    );
    assert!(out.contains("removed"), "{out}");
    assert_eq!(login(&url, "bob@b.test", "bob's long password").0, 401);
    let (ok, _, err) = kefu_status(
        &[
            "agent",
            "remove",
            "--email",
            "bob@b.test",
            "--data-dir",
            dir,
        ],
        "",
    );
    assert!(!ok && err.contains("no agent"), "{err}");

    drop(served);
    let _ = std::fs::remove_dir_all(&data_dir);
}

#[cfg(unix)]
#[test]
fn the_secrets_key_is_written_private_never_overwritten_and_refused_when_exposed() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = std::env::temp_dir().join(format!("kefu-key-test-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let key = dir.join("secrets.key");
    let key_arg = key.to_str().unwrap();

    let printed = kefu(&["secrets-key", "new"], "");
    assert_eq!(printed.trim().len(), 64, "{printed}");
    assert!(printed.trim().bytes().all(|b| b.is_ascii_hexdigit()));

    let (ok, _, err) = kefu_status(&["secrets-key", "new", "--out", key_arg], "");
    assert!(ok, "{err}");
    let mode = std::fs::metadata(&key).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    let written = std::fs::read_to_string(&key).unwrap();
    let (ok, _, err) = kefu_status(&["secrets-key", "new", "--out", key_arg], "");
    assert!(!ok && err.contains("never overwritten"), "{err}");
    assert_eq!(std::fs::read_to_string(&key).unwrap(), written);

    // Rotating an empty store re-seals nothing, and says so.
    let other = dir.join("other.key");
    kefu(
        &["secrets-key", "new", "--out", other.to_str().unwrap()],
        "",
    );
    let data = dir.join("data");
    let out = kefu(
        &[
            "secrets-key",
            "rotate",
            "--from",
            key_arg,
            "--to",
            other.to_str().unwrap(),
            "--data-dir",
            data.to_str().unwrap(),
        ],
        "",
    );
    assert!(out.contains("re-sealed 0 secret(s)"), "{out}");

    // A key file others can read stops the runtime at start, saying how to fix it.
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
    let (ok, _, err) = kefu_status(
        &[
            "serve",
            "--listen",
            "127.0.0.1:0",
            "--data-dir",
            data.to_str().unwrap(),
            "--secrets-key-file",
            key_arg,
        ],
        "",
    );
    assert!(!ok && err.contains("chmod 600"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn serve_refuses_a_database_it_cannot_use_and_says_why() {
    let data_dir = std::env::temp_dir().join(format!("kefu-cli-db-{}", std::process::id()));
    let data_dir = data_dir.to_str().unwrap();
    let serve = |database: &str| {
        kefu_status(
            &[
                "serve",
                "--listen",
                "127.0.0.1:0",
                "--data-dir",
                data_dir,
                "--database",
                database,
            ],
            "",
        )
    };
    let (ok, _, err) = serve("mysql://db/kefu");
    assert!(!ok);
    assert!(
        err.contains("unknown database `mysql://db/kefu`") && err.contains("postgres://"),
        "{err}"
    );
    // Nothing listens on the loopback discard port: the error names the server, not the
    // password.
    let (ok, _, err) = serve("postgres://kefu:hunter2@127.0.0.1:9/kefu");
    assert!(!ok);
    assert!(
        err.contains("cannot open the database postgres://kefu:***@127.0.0.1:9/kefu"),
        "{err}"
    );
    assert!(!err.contains("hunter2"), "{err}");
}

#[test]
fn kefu_database_names_the_store_the_merchant_commands_use() {
    let work = std::env::temp_dir().join(format!("kefu-cli-sqlite-url-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    let file = work.join("elsewhere").join("shop.db");
    let data_dir = work.join("data");
    let out = Command::new(env!("CARGO_BIN_EXE_kefu"))
        .args([
            "merchant",
            "add",
            "my-shop",
            "--name",
            "My Shop",
            "--data-dir",
        ])
        .arg(&data_dir)
        .env("KEFU_DATABASE", format!("sqlite://{}", file.display()))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        file.exists(),
        "the database is the file KEFU_DATABASE names"
    );
    assert!(!data_dir.join("kefu.db").exists());
    let _ = std::fs::remove_dir_all(&work);
}
