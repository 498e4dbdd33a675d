//! Builds what runs outside the native runtime into `dist/`:
//!
//! ```text
//! dist/kefu.js                    the loader a storefront embeds
//! dist/widget/index.html, *.css   the chat panel page (iframe)
//! dist/widget/pkg/kefu_widget*    the Yew app (wasm-bindgen output)
//! dist/widget/pkg/kefu_intent_web* the intent model runtime (tract), loaded in a Web Worker
//! dist/widget/intent.onnx         the trained model
//! dist/plugins/<name>/            plugin.wasm (a component) + manifest.toml
//! dist/test-plugins/<name>/       plugin.wasm of plugins only tests load
//! ```

use std::fs;
use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result};

use crate::tools::target_dir;
use crate::{cargo, root, run};

const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// Reference plugins, loaded by the demo: (directory under plugins/, crate name).
const PLUGINS: &[(&str, &str)] = &[
    ("orders", "kefu-plugin-orders"),
    ("refunds", "kefu-plugin-refunds"),
    ("catalog", "kefu-plugin-catalog"),
];
/// Plugins only tests load (into `dist/test-plugins/`): never served to a merchant.
const TEST_PLUGINS: &[(&str, &str)] = &[("hostile", "kefu-plugin-hostile")];

/// Builds everything into `dist/`.
pub fn all() -> Result<()> {
    let mut args = vec![
        "build",
        "--release",
        "--target",
        WASM_TARGET,
        "--package",
        "kefu-widget",
        "--package",
        "kefu-intent-web",
    ];
    for (_, krate) in PLUGINS.iter().chain(TEST_PLUGINS) {
        args.extend(["--package", krate]);
    }
    run(
        "building the widget, the in-browser model and the plugins for wasm32 (release)",
        cargo().args(&args),
    )?;
    let root = root();
    let dist = root.join("dist");
    let wasm_out = target_dir().join(WASM_TARGET).join("release");
    plugins(PLUGINS, &dist.join("plugins"), &wasm_out)?;
    plugins(TEST_PLUGINS, &dist.join("test-plugins"), &wasm_out)?;
    widget(&root, &dist, &wasm_out)?;
    eprintln!("==> built into {}", dist.display());
    Ok(())
}

fn plugins(list: &[(&str, &str)], dist: &Path, wasm_out: &Path) -> Result<()> {
    for (dir, krate) in list {
        let module_path = wasm_out.join(format!("{}.wasm", krate.replace('-', "_")));
        let module =
            fs::read(&module_path).with_context(|| format!("reading {}", module_path.display()))?;
        // The core module carries its WIT world in a custom section (from wit-bindgen);
        // the encoder wraps it into a component importing only kefu's own interfaces.
        let component = wit_component::ComponentEncoder::default()
            .module(&module)
            .and_then(|e| e.validate(true).encode())
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

fn widget(root: &Path, dist: &Path, wasm_out: &Path) -> Result<()> {
    let out = dist.join("widget");
    let pkg = out.join("pkg");
    fs::create_dir_all(&pkg)?;
    for krate in ["kefu_widget", "kefu_intent_web"] {
        run(
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
                .arg(wasm_out.join(format!("{krate}.wasm"))),
        )?;
    }
    for entry in fs::read_dir(root.join("widget/static"))? {
        let entry = entry?;
        fs::copy(entry.path(), out.join(entry.file_name()))?;
    }
    fs::copy(
        root.join("widget/model/intent.onnx"),
        out.join("intent.onnx"),
    )?;
    fs::copy(root.join("widget/loader/kefu.js"), dist.join("kefu.js"))?;
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
    Ok(())
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

/// Writes `FILE.gz` beside `path`, at best compression.
fn gzip(path: &Path) -> Result<()> {
    use std::io::Write as _;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(&fs::read(path)?)?;
    let gz = path.with_file_name(format!("{}.gz", file_name(path)));
    fs::write(gz, encoder.finish()?)?;
    Ok(())
}
