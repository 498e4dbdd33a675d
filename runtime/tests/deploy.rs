//! A merchant's whole plugin workflow, as the README tells it: scaffold a plugin outside the
//! repository, build it, test it against fixtures, deploy it to a running runtime with an
//! API key, see shoppers served by it, roll back; and the admin API refusing what it must
//! (no key, another merchant's key, a malformed component, a component that disagrees with
//! its manifest, a changed immutable version).

use std::path::PathBuf;

use kefu_runtime::store::DemoData;

#[allow(dead_code, reason = "each test file uses some of the shared helpers")]
mod support;
use support::{api, ask, kefu, root, start};

#[tokio::test(flavor = "multi_thread")]
async fn a_merchant_scaffolds_builds_tests_deploys_and_rolls_back_a_plugin() {
    let work = std::env::temp_dir().join(format!("kefu-deploy-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).unwrap();
    let data_dir = work.join("data");
    let (addr, app) = start(&data_dir).await;
    let store = &app.store;
    let key = store.create_api_key("demo", "test").await.unwrap();
    store
        .load_demo(&DemoData::parse("[merchant]\nid = \"other\"\nname = \"Other\"\n").unwrap())
        .await
        .unwrap();
    let other_key = store.create_api_key("other", "test").await.unwrap();
    let base = format!("http://{addr}");

    // Scaffold, build, test: the README's steps.
    let plugin = work.join("returns");
    let dir = plugin.to_str().unwrap();
    let (ok, out) = kefu(&["plugin", "new", dir]);
    assert!(ok, "{out}");
    // The plugin carries its SDK and contract: nothing points into kefu's source tree.
    let cargo = std::fs::read_to_string(plugin.join("Cargo.toml")).unwrap();
    assert!(
        cargo.contains("path = \"vendor/kefu-plugin-sdk\"")
            && !cargo.contains(env!("CARGO_MANIFEST_DIR")),
        "{cargo}"
    );
    assert!(
        plugin
            .join("vendor/kefu-plugin-sdk/wit/plugin.wit")
            .is_file()
    );
    let (ok, out) = kefu(&["plugin", "build", dir]);
    assert!(ok, "{out}");
    let (ok, out) = kefu(&["plugin", "test", dir]);
    assert!(ok && out.contains("5 cases, 0 failed"), "{out}");

    // Before: no plugin serves returns, only the shop's FAQ in general terms.
    let (intent, text) = ask(addr, "I want to return order 1003").await;
    assert_eq!(intent, "return_item");
    assert!(
        text.contains("Start a return") && !text.contains("order 1003"),
        "{text}"
    );

    // The admin API refuses requests without a valid key.
    let (status, body) = api("GET", format!("{base}/v1/admin/plugins"), None, None).await;
    assert_eq!(status, 401, "{body}");
    assert!(body["error"].as_str().unwrap().contains("API key"));
    let (status, _) = api(
        "GET",
        format!("{base}/v1/admin/plugins"),
        Some("kefu_sk_guess".into()),
        None,
    )
    .await;
    assert_eq!(status, 401);

    // Deploy with the CLI.
    let (ok, out) = kefu(&["plugin", "deploy", dir, "--url", &base, "--key", &key]);
    assert!(
        ok && out.contains("no recorded calls of returns to replay; 0.1.0 goes live")
            && out.contains("deployed returns 0.1.0"),
        "{out}"
    );
    let (intent, text) = ask(addr, "I want to return order 1003").await;
    assert_eq!(intent, "return_item");
    assert!(
        text.contains("order 1003"),
        "the deployed plugin answers: {text}"
    );

    // Versions are immutable: other bytes under 0.1.0 are refused, and nothing changes.
    let manifest = std::fs::read_to_string(plugin.join("manifest.toml")).unwrap();
    let orders = std::fs::read(kefu_test_plugins::ORDERS).unwrap();
    use base64::Engine as _;
    let b64 = |b: &[u8]| base64::engine::general_purpose::STANDARD.encode(b);
    let (status, body) = api(
        "POST",
        format!("{base}/v1/admin/plugins"),
        Some(key.clone()),
        Some(serde_json::json!({ "manifest": manifest, "component": b64(&orders) })),
    )
    .await;
    assert_eq!(status, 409, "{body}");
    assert!(body["error"].as_str().unwrap().contains("immutable"));

    // A malformed component is refused with a reason; the running version is untouched.
    let v2 = manifest.replace("version = \"0.1.0\"", "version = \"0.2.0\"");
    let (status, body) = api(
        "POST",
        format!("{base}/v1/admin/plugins"),
        Some(key.clone()),
        Some(serde_json::json!({ "manifest": v2, "component": b64(b"\0asm\x01\0\0\0garbage") })),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert!(
        body["error"].as_str().unwrap().contains("not a valid"),
        "{body}"
    );

    // A component whose describe() disagrees with the manifest (the orders plugin claiming
    // return_item) is refused with both sides named; the running version is untouched.
    let (status, body) = api(
        "POST",
        format!("{base}/v1/admin/plugins"),
        Some(key.clone()),
        Some(serde_json::json!({ "manifest": v2, "component": b64(&orders) })),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert!(
        body["error"].as_str().unwrap().contains(
            "describe() says intents [cancel_order, change_shipping_address, track_order] \
             but manifest.toml says [return_item]"
        ),
        "{body}"
    );
    let (_, text) = ask(addr, "I want to return order 1003").await;
    assert!(text.contains("order 1003"), "0.1.0 still serves: {text}");

    // 0.2.0: the same plugin, changed to fail on return_item, then one command rolls back
    // to 0.1.0.
    let lib = plugin.join("src/lib.rs");
    let source = std::fs::read_to_string(&lib).unwrap();
    let broken = source.replacen(
        "let zh = request.is_zh();",
        "if request.intent == \"return_item\" {\n            \
         return Err(PluginError::Internal(\"returns are paused\".into()));\n        }\n        \
         let zh = request.is_zh();",
        1,
    );
    assert_ne!(broken, source);
    std::fs::write(&lib, broken).unwrap();
    std::fs::write(plugin.join("manifest.toml"), &v2).unwrap();
    let (ok, out) = kefu(&["plugin", "build", dir]);
    assert!(ok, "{out}");
    // The recorded calls of 0.1.0 fail on it: refused with the report, 0.1.0 keeps serving.
    let (ok, out) = kefu(&["plugin", "deploy", dir, "--url", &base, "--key", &key]);
    assert!(
        !ok && out.contains("recorded calls now fail (2 error)")
            && out.contains("- text: ")
            && out.contains("+ error: plugin failed: returns are paused")
            && out.contains("--force"),
        "{out}"
    );
    let (_, text) = ask(addr, "I want to return order 1003").await;
    assert!(text.contains("order 1003"), "0.1.0 still serves: {text}");
    // The merchant insists.
    let (ok, out) = kefu(&[
        "plugin", "deploy", dir, "--url", &base, "--key", &key, "--force",
    ]);
    assert!(
        ok && out.contains("activated anyway, as forced") && out.contains("deployed returns 0.2.0"),
        "{out}"
    );
    let v2_component = plugin.join("target/kefu/plugin.wasm");
    let (_, text) = ask(addr, "I want to return order 1003").await;
    assert!(!text.contains("order 1003"), "0.2.0 is live: {text}");
    let (status, body) = api(
        "POST",
        format!("{base}/v1/admin/plugins/returns/rollback"),
        Some(key.clone()),
        None,
    )
    .await;
    assert_eq!(
        (status, body["version"].as_str()),
        (200, Some("0.1.0")),
        "{body}"
    );
    assert_eq!(body["cached"], true, "the artifact comes from the cache");
    let (_, text) = ask(addr, "I want to return order 1003").await;
    assert!(text.contains("order 1003"), "0.1.0 is back: {text}");

    // The list shows both versions, 0.1.0 active; another merchant sees none of it and
    // cannot roll it back.
    let (_, body) = api(
        "GET",
        format!("{base}/v1/admin/plugins"),
        Some(key.clone()),
        None,
    )
    .await;
    let versions: Vec<(String, bool)> = body["plugins"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["version"].as_str().unwrap().to_string(),
                v["active"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        versions,
        [("0.2.0".to_string(), false), ("0.1.0".to_string(), true)]
    );
    let (_, body) = api(
        "GET",
        format!("{base}/v1/admin/plugins"),
        Some(other_key.clone()),
        None,
    )
    .await;
    assert_eq!(body["plugins"], serde_json::json!([]));
    let (status, _) = api(
        "POST",
        format!("{base}/v1/admin/plugins/returns/rollback"),
        Some(other_key.clone()),
        None,
    )
    .await;
    assert_eq!(status, 404);

    // Every call is in the merchant's audit log, and only in theirs.
    let (_, body) = api(
        "GET",
        format!("{base}/v1/admin/audit?limit=50"),
        Some(key.clone()),
        None,
    )
    .await;
    let calls = body["calls"].as_array().unwrap();
    assert!(
        calls.iter().any(|c| c["plugin"] == "returns"
            && c["outcome"] == "ok"
            && c["intent"] == "return_item"
            && c["peak_memory"].as_u64().unwrap() > 0),
        "{body}"
    );
    let (_, body) = api(
        "GET",
        format!("{base}/v1/admin/audit"),
        Some(other_key),
        None,
    )
    .await;
    assert_eq!(body["calls"], serde_json::json!([]));

    // A recorded call replays to the identical result; another component does not.
    let call = calls
        .iter()
        .find(|c| c["plugin"] == "returns" && c["plugin_version"] == "0.1.0")
        .unwrap()["id"]
        .to_string();
    let data = data_dir.to_str().unwrap();
    let (ok, out) = kefu(&["plugin", "replay", &call, "--data-dir", data]);
    assert!(ok && out.contains("identical"), "{out}");
    let (ok, out) = kefu(&[
        "plugin",
        "replay",
        &call,
        "--data-dir",
        data,
        "--wasm",
        v2_component.to_str().unwrap(),
    ]);
    assert!(!ok && out.contains("DIFFERENT"), "{out}");

    // A restart brings the active version back.
    drop(app);
    let (addr, _app) = start(&data_dir).await;
    let (_, text) = ask(addr, "I want to return order 1003").await;
    assert!(text.contains("order 1003"), "after a restart: {text}");
    let _ = std::fs::remove_dir_all(&work);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_merchant_rewords_the_bots_own_lines() {
    let work = std::env::temp_dir().join(format!("kefu-replies-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    let (addr, app) = start(&work).await;
    let key = app.store.create_api_key("demo", "test").await.unwrap();
    let base = format!("http://{addr}");
    let (_, default_greeting) = ask(addr, "hi").await;
    assert!(
        default_greeting.starts_with("Hi! I can help"),
        "{default_greeting}"
    );

    let url = format!("{base}/v1/admin/replies/greeting/en");
    let own = "Hello from Kefu Demo Outfitters! Ask me about orders, refunds or products.";
    let (status, body) = api(
        "PUT",
        url.clone(),
        Some(key.clone()),
        Some(serde_json::json!({ "text": own })),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (intent, text) = ask(addr, "hi").await;
    assert_eq!((intent.as_str(), text.as_str()), ("greeting", own));
    // Chinese keeps kefu's wording until the merchant sets one.
    let (_, zh) = ask(addr, "你好").await;
    assert!(zh.starts_with("您好"), "{zh}");

    // The list shows every line with both wordings.
    let (_, body) = api(
        "GET",
        format!("{base}/v1/admin/replies"),
        Some(key.clone()),
        None,
    )
    .await;
    let greeting = body["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["key"] == "greeting" && l["lang"] == "en")
        .unwrap()
        .clone();
    assert_eq!(greeting["yours"], own);
    assert!(greeting["default"].as_str().unwrap().starts_with("Hi!"));

    // Unknown lines, languages and empty text are refused with a reason.
    let (status, _) = api(
        "PUT",
        format!("{base}/v1/admin/replies/no_such_line/en"),
        Some(key.clone()),
        Some(serde_json::json!({ "text": "x" })),
    )
    .await;
    assert_eq!(status, 404);
    let (status, body) = api(
        "PUT",
        url.clone(),
        Some(key.clone()),
        Some(serde_json::json!({ "text": "  " })),
    )
    .await;
    assert_eq!(status, 422, "{body}");

    // The shop's own topics for a person.
    let (status, body) = api(
        "PUT",
        format!("{base}/v1/admin/handoff-phrases"),
        Some(key.clone()),
        Some(serde_json::json!({ "phrases": ["Gift Wrapping"] })),
    )
    .await;
    assert_eq!(
        (status, body["phrases"].clone()),
        (200, serde_json::json!(["gift wrapping"]))
    );
    let (intent, text) = ask(addr, "do you do gift wrapping?").await;
    assert_eq!(intent, "contact_human_agent", "{text}");
    let (status, _) = api(
        "PUT",
        format!("{base}/v1/admin/handoff-phrases"),
        Some(key.clone()),
        Some(serde_json::json!({ "phrases": [""] })),
    )
    .await;
    assert_eq!(status, 422);

    // Deleting restores kefu's wording.
    let (status, _) = api("DELETE", url, Some(key), None).await;
    assert_eq!(status, 204);
    let (_, text) = ask(addr, "hi").await;
    assert_eq!(text, default_greeting);
    let _ = std::fs::remove_dir_all(&work);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_deploy_the_database_refuses_leaves_the_previous_version_serving() {
    use kefu_runtime::StoreData;
    use kefu_runtime::plugins::PluginHost;
    use kefu_runtime::registry::{DeployError, Registry};
    use kefu_runtime::store::Store;
    use std::sync::Arc;

    let work = std::env::temp_dir().join(format!("kefu-record-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    let data_dir = work.join("data");
    let store = Store::open(&data_dir).await.unwrap();
    store
        .load_demo(&DemoData::builtin().unwrap())
        .await
        .unwrap();
    let host = Arc::new(PluginHost::new(Arc::new(StoreData::new(store.clone()))).unwrap());
    let registry = Registry::new(
        store.clone(),
        host.clone(),
        work.join("plugin-cache"),
        PathBuf::from(env!("CARGO_BIN_EXE_kefu")),
    );
    let manifest = std::fs::read_to_string(root().join("plugins/orders/manifest.toml")).unwrap();
    let orders = std::fs::read(kefu_test_plugins::ORDERS).unwrap();
    registry
        .deploy("demo", &manifest, orders.clone(), false)
        .await
        .unwrap();
    let serving = || {
        host.by_name("demo", "orders")
            .unwrap()
            .manifest()
            .plugin
            .version
            .clone()
    };
    assert_eq!(serving(), "0.1.0");

    // The database refuses the next version's row, as a full disk or a lost lock would.
    let db = sqlx::SqlitePool::connect(&format!("sqlite://{}", data_dir.join("kefu.db").display()))
        .await
        .unwrap();
    sqlx::query(
        "CREATE TRIGGER refuse_versions BEFORE INSERT ON plugin_versions \
         BEGIN SELECT RAISE(ABORT, 'injected failure'); END",
    )
    .execute(&db)
    .await
    .unwrap();
    let v2 = manifest.replace("version = \"0.1.0\"", "version = \"0.2.0\"");
    let err = registry
        .deploy("demo", &v2, orders, false)
        .await
        .unwrap_err();
    assert!(matches!(err, DeployError::Store(_)), "{err}");
    assert_eq!(serving(), "0.1.0", "an unrecorded version never serves");
    let versions = registry.list("demo").await.unwrap();
    assert_eq!(
        versions
            .iter()
            .map(|v| (v.version.as_str(), v.active))
            .collect::<Vec<_>>(),
        [("0.1.0", true)]
    );
    db.close().await;
    let _ = std::fs::remove_dir_all(&work);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_plugin_listing_an_internal_address_is_refused_at_deploy() {
    let work = std::env::temp_dir().join(format!("kefu-deploy-private-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    let (addr, app) = start(&work.join("data")).await;
    let key = app.store.create_api_key("demo", "test").await.unwrap();
    let manifest = format!(
        "{}\n[http]\nallow = [\"https://api.shop.example\", \"http://2130706433\"]\n",
        include_str!("../../plugins/orders/manifest.toml")
    );
    use base64::Engine as _;
    let component = base64::engine::general_purpose::STANDARD
        .encode(std::fs::read(kefu_test_plugins::ORDERS).unwrap());
    let (status, body) = api(
        "POST",
        format!("http://{addr}/v1/admin/plugins"),
        Some(key),
        Some(serde_json::json!({ "manifest": manifest, "component": component })),
    )
    .await;
    // 2130706433 is 127.0.0.1: refused, naming the entry and what would allow it.
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["code"], "invalid_manifest", "{body}");
    let error = body["error"].as_str().unwrap();
    assert!(
        error.contains("http://2130706433") && error.contains("--allow-private-http"),
        "{error}"
    );
    let _ = std::fs::remove_dir_all(&work);
}
