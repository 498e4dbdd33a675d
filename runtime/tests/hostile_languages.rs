//! The sandbox holds for every language: the hostile plugin's misbehaviours (infinite loop,
//! memory bomb, runaway recursion, huge output, an import the manifest does not grant,
//! another merchant's data, a host-call flood) written in JavaScript and in Python
//! (`fixtures/hostile.js`, `fixtures/hostile.py`), built the way a merchant builds them
//! (`kefu plugin new --lang … && kefu plugin build`), end the same way as the Rust one's
//! (`tests/plugins.rs`), and the server keeps serving.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use kefu_runtime::StoreData;
use kefu_runtime::plugins::{CallError, PluginHost, PluginReply};
use kefu_runtime::store::{DemoData, Store};

#[allow(dead_code, reason = "each test file uses some of the shared helpers")]
mod support;
use support::{call_text, kefu};

const MEMORY: u64 = 16 << 20;

const PLUGIN: &str = "[plugin]\nname = \"hostile\"\nversion = \"0.0.1\"\n\
    intents = [\"loop\", \"memory\", \"recursion\", \"huge-output\", \"read-orders\", \
    \"host-call-flood\"]\n";

/// The deadline of the plugins that loop, allocate and recurse.
const DEADLINE_MS: u64 = 250;

fn manifest(orders: bool, deadline_ms: u64) -> String {
    format!(
        "{PLUGIN}[capabilities]\norders = {orders}\n[limits]\ndeadline_ms = {deadline_ms}\nmemory_bytes = {MEMORY}\n"
    )
}

/// Runs `kefu args dir`, which must succeed.
fn kefu_on(dir: &Path, args: &[&str]) {
    let (ok, out) = kefu(&[args, &[dir.to_str().unwrap()]].concat());
    assert!(ok, "kefu {args:?}: {out}");
}

/// Scaffolds a plugin in `lang`, puts the hostile source in, builds it; the component.
fn build(lang: &str) -> Vec<u8> {
    let work = std::env::temp_dir().join(format!("kefu-hostile-{lang}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).unwrap();
    let dir = work.join("hostile");
    kefu_on(&dir, &["plugin", "new", "--lang", lang]);
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let (source, target) = match lang {
        "python" => ("hostile.py", "src/app.py"),
        _ => ("hostile.js", "src/plugin.js"),
    };
    let wit = std::fs::read_to_string(dir.join("vendor/wit/plugin.wit")).unwrap();
    let version = wit
        .lines()
        .find_map(|l| l.trim().strip_prefix("package kefu:plugin@"))
        .unwrap()
        .trim_end_matches(';');
    let text = std::fs::read_to_string(fixtures.join(source))
        .unwrap()
        .replace("{wit_version}", version);
    std::fs::write(dir.join(target), text).unwrap();
    kefu_on(&dir, &["plugin", "build"]);
    let component = std::fs::read(dir.join("target/kefu/plugin.wasm")).unwrap();
    let _ = std::fs::remove_dir_all(&work);
    component
}

async fn host(component: &[u8]) -> Arc<PluginHost> {
    let store = Store::in_memory().await.unwrap();
    store
        .load_demo(&DemoData::builtin().unwrap())
        .await
        .unwrap();
    let host = PluginHost::new(Arc::new(StoreData::new(store))).unwrap();
    // Loading runs the plugin's `describe()` under its own deadline: an 18 MiB Python
    // component in a debug host on a busy machine has taken over 50 ms for it, so these get
    // a deadline no real interpreter start-up comes near, which a loop still hits at once.
    host.load("evil", &manifest(false, DEADLINE_MS), component)
        .unwrap();
    host.load("greedy", &manifest(true, DEADLINE_MS), component)
        .unwrap();
    // Making a megabyte of text takes an interpreter longer than 50 ms in a debug build:
    // the output cap, not the clock, must be what stops it.
    host.load("wordy", &manifest(false, 5_000), component)
        .unwrap();
    // A deadline long enough for ten thousand host calls: the flood must be stopped by the
    // host-call budget, not by the clock.
    host.load("demo", &manifest(true, 5_000), component)
        .unwrap();
    Arc::new(host)
}

async fn call(
    host: &Arc<PluginHost>,
    merchant: &str,
    intent: &str,
) -> (Result<PluginReply, CallError>, Duration) {
    call_text(host, merchant, intent, &[], "").await
}

async fn the_sandbox_holds(lang: &str) {
    let component = tokio::task::block_in_place(|| build(lang));
    let host = host(&component).await;

    let (result, took) = call(&host, "evil", "loop").await;
    assert_eq!(result, Err(CallError::Timeout(DEADLINE_MS)), "{lang}");
    assert!(
        took < Duration::from_secs(1),
        "{lang}: stopped after {took:?}"
    );

    let (result, _) = call(&host, "evil", "memory").await;
    assert_eq!(result, Err(CallError::MemoryLimit(MEMORY)), "{lang}");

    // The language's own guard or the sandbox ends it; never the server.
    let (result, _) = call(&host, "evil", "recursion").await;
    assert!(result.is_err(), "{lang}: {result:?}");

    let (result, _) = call(&host, "wordy", "huge-output").await;
    assert_eq!(result, Err(CallError::OutputTooLarge(8 << 10)), "{lang}");

    let (result, _) = call(&host, "evil", "read-orders").await;
    let text = result.unwrap().text;
    assert!(
        text.contains("access-denied") || text.contains("AccessDenied"),
        "{lang}: {text}"
    );
    // `greedy` is granted `orders`, but order 1001 belongs to `demo`.
    let (result, _) = call(&host, "greedy", "read-orders").await;
    let text = result.unwrap().text;
    assert!(
        text.contains("not-found") || text.contains("NotFound"),
        "{lang}: {text}"
    );
    let (result, _) = call(&host, "demo", "read-orders").await;
    assert!(
        result.unwrap().text.starts_with("read order 1001"),
        "{lang}"
    );

    let (result, _) = call(&host, "demo", "host-call-flood").await;
    assert_eq!(
        result.unwrap().text,
        format!("{} calls refused", 10_000 - 32),
        "{lang}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_sandbox_holds_for_a_javascript_plugin() {
    the_sandbox_holds("js").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_sandbox_holds_for_a_python_plugin() {
    the_sandbox_holds("python").await;
}
