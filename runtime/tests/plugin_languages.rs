//! Plugins in TypeScript, JavaScript and Python go the README's whole way with only the
//! `kefu` binary and the language's own tools (Node.js and npm; Python with venv):
//! `kefu plugin new --lang ts|js|python` in a scratch directory, `build` (typed bindings
//! from the WIT, componentize-js or componentize-py), `test` against the same fixtures the Rust
//! template passes, and `deploy` to a running runtime, where shoppers are answered by it.

#[allow(dead_code, reason = "each test file uses some of the shared helpers")]
mod support;
use support::{ask, kefu, kefu_in, start};

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
