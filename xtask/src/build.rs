//! Builds what runs outside the native runtime into `dist/`:
//!
//! ```text
//! dist/kefu.js                    the loader a storefront embeds
//! dist/kefu.d.ts                  its TypeScript declarations, for the shop's developers
//! dist/widget/index.html, *.css   the chat panel page (iframe)
//! dist/widget/pkg/kefu_widget*    the Yew app (wasm-bindgen output)
//! dist/widget/pkg/kefu_intent_web* the intent model runtime (kefu-intent), loaded in a Web Worker
//! dist/widget/intent.onnx         the trained model
//! dist/plugins/<name>/            plugin.wasm (a component) + manifest.toml
//! dist/test-plugins/<name>/       plugin.wasm of plugins only tests load
//! ```
//!
//! The widget's files are then weighed against their download budgets ([`crate::budget`]).

use std::fs;
use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result};
use kefu_componentize::{WASM_PROFILE, WASM_TARGET, componentize_file, module_path};

use crate::minify::{minify_module, minify_script};
use crate::tools::target_dir;
use crate::{Steps, cargo, exec, root};

/// Reference plugins, loaded by the demo: (directory under plugins/, crate name).
const PLUGINS: &[(&str, &str)] = &[
    ("orders", "kefu-plugin-orders"),
    ("refunds", "kefu-plugin-refunds"),
    ("catalog", "kefu-plugin-catalog"),
];
/// Plugins only tests load (into `dist/test-plugins/`): never served to a merchant.
const TEST_PLUGINS: &[(&str, &str)] = &[("hostile", "kefu-plugin-hostile")];

/// How many steps [`all`] announces.
pub const STEPS: usize = 5;

/// Builds everything into `dist/`, in [`STEPS`] steps.
pub fn all(steps: &mut Steps) -> Result<()> {
    // Three cargo calls rather than one: a step per bundle says what the minutes go to, and the
    // three share no crate worth compiling once.
    let wasm_build = |packages: &[&str]| {
        let mut cmd = cargo();
        cmd.args(["build", "--profile", WASM_PROFILE, "--target", WASM_TARGET]);
        for package in packages {
            cmd.args(["--package", package]);
        }
        cmd
    };
    steps.run(
        &format!("building the widget (wasm32, profile {WASM_PROFILE})"),
        &mut wasm_build(&["kefu-widget"]),
    )?;
    steps.run(
        &format!("building the in-browser intent model runtime (wasm32, profile {WASM_PROFILE})"),
        &mut wasm_build(&["kefu-intent-web"]),
    )?;
    let plugin_crates: Vec<&str> = PLUGINS
        .iter()
        .chain(TEST_PLUGINS)
        .map(|(_, krate)| *krate)
        .collect();
    steps.run(
        &format!("building the plugins (wasm32, profile {WASM_PROFILE})"),
        &mut wasm_build(&plugin_crates),
    )?;
    let root = root();
    let dist = root.join("dist");
    let target = target_dir();
    steps.start("turning the plugins into components (dist/plugins, dist/test-plugins)");
    plugins(PLUGINS, &dist.join("plugins"), &target)?;
    plugins(TEST_PLUGINS, &dist.join("test-plugins"), &target)?;
    steps.start("generating the widget's JavaScript bindings and files (wasm-bindgen, gzip)");
    widget(&root, &dist, &target)?;
    eprintln!("    built into {}", dist.display());
    Ok(())
}

/// How many steps [`demo_plugins`] announces.
pub const PLUGIN_STEPS: usize = 2;

/// Builds only the reference plugins into `dist/plugins/` (what `kefu serve --demo` loads),
/// in [`PLUGIN_STEPS`] steps: for commands that run the demo server without a browser.
pub fn demo_plugins(steps: &mut Steps) -> Result<()> {
    let mut build = cargo();
    build.args(["build", "--profile", WASM_PROFILE, "--target", WASM_TARGET]);
    for (_, krate) in PLUGINS {
        build.args(["--package", krate]);
    }
    steps.run(
        &format!("building the demo's plugins (wasm32, profile {WASM_PROFILE})"),
        &mut build,
    )?;
    steps.start("turning the plugins into components (dist/plugins)");
    plugins(PLUGINS, &root().join("dist/plugins"), &target_dir())
}

fn plugins(list: &[(&str, &str)], dist: &Path, target: &Path) -> Result<()> {
    for (dir, krate) in list {
        let component = componentize_file(&module_path(target, WASM_PROFILE, krate))
            .with_context(|| format!("turning {krate} into a component"))?;
        let out = dist.join(dir);
        fs::create_dir_all(&out)?;
        fs::write(out.join("plugin.wasm"), &component)?;
        // Test plugins get their manifests from the tests that load them.
        let manifest = root().join("plugins").join(dir).join("manifest.toml");
        if manifest.is_file() {
            fs::copy(manifest, out.join("manifest.toml"))?;
        }
        eprintln!("    plugin {dir}: {} bytes", component.len());
    }
    Ok(())
}

fn widget(root: &Path, dist: &Path, target: &Path) -> Result<()> {
    let out = dist.join("widget");
    let pkg = out.join("pkg");
    fs::create_dir_all(&pkg)?;
    for krate in ["kefu-widget", "kefu-intent-web"] {
        exec(
            &format!("generating JavaScript bindings for {krate} (wasm-bindgen)"),
            Command::new("wasm-bindgen")
                .args([
                    "--target",
                    "web",
                    "--no-typescript",
                    "--remove-name-section",
                ])
                .arg("--out-dir")
                .arg(&pkg)
                .arg(module_path(target, WASM_PROFILE, krate)),
        )?;
        let glue = pkg.join(format!("{}.js", krate.replace('-', "_")));
        let source = fs::read_to_string(&glue)?;
        fs::write(&glue, minify_module(&source, &file_name(&glue))?)?;
    }
    for entry in fs::read_dir(root.join("widget/static"))? {
        let entry = entry?;
        fs::copy(entry.path(), out.join(entry.file_name()))?;
    }
    fs::copy(
        root.join("widget/model/intent.onnx"),
        out.join("intent.onnx"),
    )?;
    let source = fs::read_to_string(root.join("widget/loader/kefu.js"))?;
    fs::write(dist.join("kefu.js"), minify_script(&source)?)?;
    fs::copy(root.join("widget/loader/kefu.d.ts"), dist.join("kefu.d.ts"))?;
    gzip_beside(&out)?;
    gzip(&dist.join("kefu.js"))?;
    for (name, path) in [
        ("loader kefu.js", dist.join("kefu.js")),
        ("widget wasm", pkg.join("kefu_widget_bg.wasm")),
        ("model runtime wasm", pkg.join("kefu_intent_web_bg.wasm")),
        ("model", out.join("intent.onnx")),
    ] {
        let gz = path.with_file_name(format!("{}.gz", file_name(&path)));
        let gz = fs::metadata(&gz).map(|m| format!(", {} gzipped", m.len()));
        eprintln!(
            "    {name}: {} bytes{}",
            fs::metadata(&path)?.len(),
            gz.unwrap_or_default()
        );
    }
    crate::budget::enforce(dist)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Writes `FILE.gz` (best compression) beside every file under `dir`, which the runtime
/// serves to browsers that accept gzip: the model runtime goes over the wire at a quarter
/// of its size, with no compression work per request.
fn gzip_beside(dir: &Path) -> Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            gzip_beside(&path)?;
        } else if !file_name(&path).ends_with(".gz") {
            gzip(&path)?;
        }
    }
    Ok(())
}

/// Writes `FILE.gz` beside `path`: gzip as every browser reads it, compressed by Zopfli,
/// which searches much longer than zlib's level 9 for a shorter encoding of the same bytes
/// (a few seconds for the whole widget, once per build; shoppers download less each time).
fn gzip(path: &Path) -> Result<()> {
    let mut out = Vec::new();
    zopfli::compress(
        zopfli::Options::default(),
        zopfli::Format::Gzip,
        fs::read(path)?.as_slice(),
        &mut out,
    )?;
    let gz = path.with_file_name(format!("{}.gz", file_name(path)));
    fs::write(gz, out)?;
    Ok(())
}
