//! Safe deploys: before a new version of a plugin serves, the runtime replays the merchant's
//! latest recorded calls of that plugin against it (recorded host answers, frozen clock, the
//! real sandbox) and reports what changed. Here the demo shop's orders plugin answers real
//! shopper turns, and versions of it built from its own source (scaffolded and built the way
//! a merchant builds, with one change each) are deployed through the admin API: one that
//! changes nothing, one that traps on one recorded order (refused, then forced), one that
//! rewords an answer.

use std::path::{Path, PathBuf};

use base64::Engine as _;
use serde_json::Value;

#[allow(dead_code, reason = "each test file uses some of the shared helpers")]
mod support;
use support::{api, ask, kefu, start};

/// The orders plugin's source, as shipped.
const SOURCE: &str = include_str!("../../plugins/orders/src/lib.rs");
const MANIFEST: &str = include_str!("../../plugins/orders/manifest.toml");

/// Builds the orders plugin in `dir` as `version`, its source changed by `edit`.
fn build_variant(dir: &Path, version: &str, edit: impl Fn(&str) -> String) -> (String, String) {
    let source = edit(SOURCE);
    std::fs::write(dir.join("src/lib.rs"), source).unwrap();
    let manifest = MANIFEST.replace("version = \"0.1.0\"", &format!("version = \"{version}\""));
    assert_ne!(manifest, MANIFEST);
    std::fs::write(dir.join("manifest.toml"), &manifest).unwrap();
    let (ok, out) = kefu(&["plugin", "build", dir.to_str().unwrap()]);
    assert!(ok, "{out}");
    let component = std::fs::read(dir.join("target/kefu/plugin.wasm")).unwrap();
    (
        manifest,
        base64::engine::general_purpose::STANDARD.encode(component),
    )
}

/// Deploys through the admin API; (status, body).
async fn deploy(
    base: &str,
    key: &str,
    (manifest, component): &(String, String),
    force: bool,
) -> (u16, Value) {
    let query = if force { "?force=true" } else { "" };
    api(
        "POST",
        format!("{base}/v1/admin/plugins{query}"),
        Some(key.to_string()),
        Some(serde_json::json!({ "manifest": manifest, "component": component })),
    )
    .await
}

/// The active version of the orders plugin, as the admin API lists it.
async fn serving(base: &str, key: &str) -> String {
    let (_, list) = api(
        "GET",
        format!("{base}/v1/admin/plugins"),
        Some(key.into()),
        None,
    )
    .await;
    list["plugins"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["name"] == "orders" && v["active"] == true)
        .map(|v| v["version"].as_str().unwrap().to_string())
        .unwrap_or_default()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_version_is_replayed_against_recorded_shopper_calls_before_it_serves() {
    let work = std::env::temp_dir().join(format!("kefu-deploy-replay-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).unwrap();
    let (addr, app) = start(&work.join("data")).await;
    let key = app.store.create_api_key("demo", "test").await.unwrap();
    let base = format!("http://{addr}");

    // (a) Shoppers ask about three orders; the bundled orders plugin (0.1.0) answers and
    // every call is recorded.
    let mut before = Vec::new();
    for order in ["1001", "1002", "1003"] {
        let (intent, text) = ask(addr, &format!("where is my order {order}?")).await;
        assert_eq!(intent, "track_order", "{text}");
        before.push(text);
    }
    let recorded = app
        .store
        .recent_recordings("demo", "orders", 500)
        .await
        .unwrap();
    assert_eq!(recorded.len(), 3, "{recorded:?}");
    assert!(recorded.iter().all(|r| r.entry.outcome == "ok"));

    // Versions built from the plugin's own source, as a merchant builds them.
    let dir: PathBuf = work.join("orders");
    let (ok, out) = kefu(&["plugin", "new", dir.to_str().unwrap(), "--name", "orders"]);
    assert!(ok, "{out}");

    // (d) The same code under a new version: every call replays as recorded; it goes live.
    let same = build_variant(&dir, "0.1.1", str::to_string);
    let (status, body) = deploy(&base, &key, &same, false).await;
    assert_eq!(status, 201, "{body}");
    let report = &body["report"];
    assert_eq!(report["verdict"], "clear", "{report}");
    assert_eq!(
        report["summary"],
        "all 3 recorded calls replayed as recorded"
    );
    assert_eq!(
        (
            report["calls_replayed"].as_u64(),
            report["unchanged"].as_u64()
        ),
        (Some(3), Some(3))
    );
    assert_eq!(report["calls"], serde_json::json!([]));
    // Both versions measured over the same calls.
    let perf = &report["performance"];
    assert_eq!(perf["serving"]["version"], "0.1.0", "{perf}");
    assert_eq!(perf["new"]["calls"], 3, "{perf}");
    assert!(
        perf["new"]["p99_micros"].as_u64().unwrap() >= perf["new"]["p50_micros"].as_u64().unwrap()
    );
    assert!(perf["new"]["peak_memory"].as_u64().unwrap() > 0, "{perf}");
    assert_eq!(serving(&base, &key).await, "0.1.1");
    let (_, text) = ask(addr, "where is my order 1001?").await;
    assert_eq!(text, before[0]);

    // (b) A version that traps on order 1003: the recorded call about it now fails. Refused
    // with the report, and 0.1.1 keeps serving.
    let trap = |s: &str| {
        let anchor = "        match request.intent.as_str() {\n            \"cancel_order\"";
        assert!(s.contains(anchor));
        s.replacen(
            anchor,
            &format!("        if id == \"1003\" {{\n            panic!(\"a bug only order 1003 reaches\");\n        }}\n{anchor}"),
            1,
        )
    };
    let broken = build_variant(&dir, "0.2.0", trap);
    let (status, body) = deploy(&base, &key, &broken, false).await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["code"], "breaks_recorded_calls");
    // The recorded calls now include the one 0.1.1 answered about 1001.
    assert_eq!(
        body["error"],
        "1 of 4 recorded calls now fail (1 trap); deploy with force to activate anyway"
    );
    let report = &body["report"];
    assert_eq!(report["verdict"], "refused");
    assert_eq!(report["now_fail_by_kind"], serde_json::json!({ "trap": 1 }));
    let call = &report["calls"][0];
    assert_eq!(
        (call["change"].as_str(), call["failure"].as_str()),
        (Some("now_fails"), Some("trap"))
    );
    assert_eq!(call["intent"], "track_order");
    let diff: Vec<&str> = call["diff"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    assert!(
        diff.iter()
            .any(|l| l.starts_with("- text: Order 1003 was delivered")),
        "{diff:?}"
    );
    assert!(
        diff.iter()
            .any(|l| l.starts_with("+ error: plugin crashed")),
        "{diff:?}"
    );
    assert_eq!(
        serving(&base, &key).await,
        "0.1.1",
        "a refused version never serves"
    );
    let (_, text) = ask(addr, "where is my order 1003?").await;
    assert_eq!(text, before[2]);
    // The report is kept with the version; the version itself was not stored.
    let (status, kept) = api(
        "GET",
        format!("{base}/v1/admin/plugins/orders/versions/0.2.0/report"),
        Some(key.clone()),
        None,
    )
    .await;
    assert_eq!(
        (status, kept["verdict"].as_str()),
        (200, Some("refused")),
        "{kept}"
    );
    let (_, list) = api(
        "GET",
        format!("{base}/v1/admin/plugins"),
        Some(key.clone()),
        None,
    )
    .await;
    assert!(
        !list["plugins"].to_string().contains("0.2.0"),
        "a refused version is not stored: {list}"
    );
    // The refusal itself is listed, so the console can show why it is not serving.
    assert_eq!(
        (
            list["refused"][0]["version"].as_str(),
            list["refused"][0]["verdict"].as_str()
        ),
        (Some("0.2.0"), Some("refused")),
        "{list}"
    );

    // (c) The merchant insists: it goes live, and the shopper asking about 1003 meets the bug.
    let (status, body) = deploy(&base, &key, &broken, true).await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["report"]["verdict"], "forced");
    assert!(
        body["report"]["summary"]
            .as_str()
            .unwrap()
            .ends_with("activated anyway, as forced"),
        "{body}"
    );
    assert_eq!(serving(&base, &key).await, "0.2.0");
    let (_, text) = ask(addr, "where is my order 1003?").await;
    assert_ne!(text, before[2], "0.2.0 serves, bug and all");

    // (e) A version that rewords one answer (and has no bug): it goes live, and the report
    // shows the recorded and the new wording.
    let reworded = build_variant(&dir, "0.3.0", |s| {
        assert!(s.contains("We'll share tracking as soon as it ships."));
        s.replace(
            "We'll share tracking as soon as it ships.",
            "Tracking follows the moment it ships.",
        )
    });
    let (status, body) = deploy(&base, &key, &reworded, false).await;
    assert_eq!(status, 201, "{body}");
    let report = &body["report"];
    assert_eq!(report["verdict"], "changed", "{report}");
    let count = |k: &str| report[k].as_u64().unwrap();
    assert_eq!(
        (
            count("changed"),
            count("now_fail"),
            count("diverged"),
            count("unchanged")
        ),
        (1, 0, 1, 4),
        "{report}"
    );
    // The call 0.2.0 trapped on ended before the plugin read order 1003, so its recording
    // has no answer for the fixed version's question: not comparable, and said so.
    let diverged = report["calls"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["change"] == "diverged")
        .unwrap();
    assert_eq!(diverged["recorded_outcome"], "trapped");
    assert_eq!(
        diverged["note"],
        "the plugin called order[\"1003\"] after the recording ended"
    );
    let changed = report["calls"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["change"] == "changed")
        .unwrap();
    assert_eq!(
        changed["diff"],
        serde_json::json!([
            "- text: Order 1002 is being prepared. We'll share tracking as soon as it ships.",
            "+ text: Order 1002 is being prepared. Tracking follows the moment it ships.",
            changed["diff"][2].clone(),
        ]),
        "{changed}"
    );
    assert!(changed["diff"][2].as_str().unwrap().starts_with("  card: "));
    assert_eq!(serving(&base, &key).await, "0.3.0");
    let (_, text) = ask(addr, "where is my order 1002?").await;
    assert!(
        text.contains("Tracking follows the moment it ships."),
        "{text}"
    );
    let _ = std::fs::remove_dir_all(&work);
}

/// The figure in docs/benchmarks.md: how long a deploy's replay of 500 recorded calls takes
/// (both versions). Real recordings of shopper turns, copied until there are 500 (SQLite).
/// `cargo test -p kefu-runtime --test deploy_replay -- --ignored --nocapture`
#[tokio::test(flavor = "multi_thread")]
#[ignore = "a measurement, not a check: run it by name to update docs/benchmarks.md"]
async fn measure_the_replay_of_500_recorded_calls_before_a_deploy() {
    let work = std::env::temp_dir().join(format!("kefu-deploy-measure-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).unwrap();
    let data_dir = work.join("data");
    let (addr, app) = start(&data_dir).await;
    let key = app.store.create_api_key("demo", "test").await.unwrap();
    let base = format!("http://{addr}");
    for text in [
        "where is my order 1001?",
        "where is my order 1002?",
        "where is my order 1003?",
        "我的订单1001到哪了",
    ] {
        ask(addr, text).await;
    }
    let db = sqlx::SqlitePool::connect(&format!("sqlite://{}", data_dir.join("kefu.db").display()))
        .await
        .unwrap();
    let columns = "merchant_id, plugin, plugin_version, conversation_id, export, intent, \
        host_calls, micros, peak_memory, proposed_minor, committed_minor, currency, outcome, \
        input, now_ms, host_log, result, created_at";
    while app
        .store
        .recent_recordings("demo", "orders", 500)
        .await
        .unwrap()
        .len()
        < 500
    {
        sqlx::query(&format!(
            "INSERT INTO plugin_calls ({columns}) SELECT {columns} FROM plugin_calls \
             WHERE plugin = 'orders'"
        ))
        .execute(&db)
        .await
        .unwrap();
    }
    db.close().await;
    let dir = work.join("orders");
    let (ok, out) = kefu(&["plugin", "new", dir.to_str().unwrap(), "--name", "orders"]);
    assert!(ok, "{out}");
    let same = build_variant(&dir, "0.1.1", str::to_string);
    let (status, body) = deploy(&base, &key, &same, false).await;
    assert_eq!(status, 201, "{body}");
    let report = &body["report"];
    assert_eq!(report["calls_replayed"], 500, "{report}");
    println!(
        "replayed {} calls on both versions in {} ms; new {}, serving {}",
        report["calls_replayed"],
        report["replay_millis"],
        report["performance"]["new"],
        report["performance"]["serving"]
    );
    let _ = std::fs::remove_dir_all(&work);
}
