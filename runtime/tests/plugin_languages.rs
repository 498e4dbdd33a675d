//! Plugins in TypeScript, JavaScript and Python go the README's whole way with only the
//! `kefu` binary and the language's own tools (Node.js and npm; Python with venv):
//! `kefu plugin new --lang ts|js|python` in a scratch directory, `build` (typed bindings
//! from the WIT, componentize-js or componentize-py), `test` against the same fixtures the Rust
//! template passes, and `deploy` to a running runtime, where shoppers are answered by it.
//! The reference orders plugin in each language (`plugins/orders`, `plugins/orders-ts`,
//! `plugins/orders-py`) passes the one `fixtures.toml` with the same grants: one build each.

#[allow(dead_code, reason = "each test file uses some of the shared helpers")]
mod support;
use support::{ask, kefu, kefu_in, root, start};

use std::path::Path;

use kefu_runtime::plugins::Manifest;

/// Copies the plugin source in `from` to `to`, leaving out what a build writes.
fn copy_source(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name();
        if ["node_modules", "target", ".venv", "typings", "types"]
            .iter()
            .any(|n| name == *n)
        {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            copy_source(&path, &to.join(&name));
        } else {
            std::fs::copy(&path, to.join(&name)).unwrap();
        }
    }
}

/// Runs `kefu plugin test` on `dir`, which must pass every case of the orders fixtures.
fn passes_the_orders_fixtures(dir: &Path, lang: &str) {
    let reference = root().join("plugins/orders");
    let read = |d: &Path, f: &str| std::fs::read_to_string(d.join(f)).unwrap();
    assert_eq!(
        read(dir, "fixtures.toml"),
        read(&reference, "fixtures.toml"),
        "{lang}: the fixtures are the Rust plugin's, unchanged"
    );
    let (ours, theirs) = (
        Manifest::parse(&read(dir, "manifest.toml")).unwrap(),
        Manifest::parse(&read(&reference, "manifest.toml")).unwrap(),
    );
    assert_eq!(ours.plugin, theirs.plugin, "{lang}");
    assert_eq!(
        ours.capabilities, theirs.capabilities,
        "{lang}: the same grants"
    );
    assert_eq!(ours.needs, theirs.needs, "{lang}");
    let (ok, out) = kefu(&["plugin", "test", dir.to_str().unwrap()]);
    assert!(ok && out.contains("21 cases, 0 failed"), "{lang}: {out}");
}

/// Builds the reference orders plugin in `source` (under `plugins/`) from a copy, as a
/// merchant's checkout would, and runs the fixtures.
fn reference_orders(source: &str, lang: &str) {
    let work = std::env::temp_dir().join(format!("kefu-{source}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    let from = root().join("plugins").join(source);
    assert_eq!(
        std::fs::read_to_string(from.join("vendor/wit/plugin.wit")).unwrap(),
        std::fs::read_to_string(root().join("plugins/wit/plugin.wit")).unwrap(),
        "{source} carries the contract this kefu serves"
    );
    copy_source(&from, &work);
    let (ok, out) = kefu(&["plugin", "build", work.to_str().unwrap()]);
    assert!(ok, "{out}");
    passes_the_orders_fixtures(&work, lang);
    let _ = std::fs::remove_dir_all(&work);
}

#[test]
fn the_rust_orders_plugin_passes_its_fixtures() {
    let dir = std::env::temp_dir().join(format!("kefu-orders-rs-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(kefu_test_plugins::ORDERS, dir.join("plugin.wasm")).unwrap();
    for file in ["manifest.toml", "fixtures.toml"] {
        std::fs::copy(root().join("plugins/orders").join(file), dir.join(file)).unwrap();
    }
    passes_the_orders_fixtures(&dir, "rust");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_typescript_orders_plugin_passes_the_rust_plugins_fixtures() {
    reference_orders("orders-ts", "ts");
}

#[test]
fn the_python_orders_plugin_passes_the_rust_plugins_fixtures() {
    reference_orders("orders-py", "python");
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
    let (_, text) = ask(addr, "I want to return order 1003").await;
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
