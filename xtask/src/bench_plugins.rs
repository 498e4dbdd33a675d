//! The plugins the plugin benchmark measures besides the Rust ones kefu-test-plugins builds:
//! the orders plugin in TypeScript and Python (`plugins/orders-ts`, `plugins/orders-py`) and
//! the hostile plugin's JavaScript twin (`runtime/tests/fixtures/hostile.js`), each built by
//! `kefu plugin build` from a copy of its source, as a merchant builds them.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result};

use crate::{Steps, root, tools};

/// One step: builds them all with `kefu`; returns `KEFU_BENCH_PLUGINS` (the orders plugins'
/// directories, `:`-separated) and `KEFU_BENCH_JS_LOOP` (the JavaScript hostile plugin's).
pub fn build(steps: &mut Steps, kefu: &Path) -> Result<(String, PathBuf)> {
    steps.start(
        "building the orders plugin in TypeScript and Python and a looping JavaScript plugin \
         (kefu plugin build: npm, componentize-js, pip, componentize-py)",
    );
    let work = tools::target_dir().join("bench-plugins");
    let _ = fs::remove_dir_all(&work);
    let mut orders = Vec::new();
    for source in ["orders-ts", "orders-py"] {
        let dir = work.join(source);
        copy_source(&root().join("plugins").join(source), &dir)?;
        kefu_plugin(kefu, &["build"], &dir)?;
        orders.push(dir.display().to_string());
    }
    let hostile = work.join("hostile-js");
    kefu_plugin(kefu, &["new", "--lang", "js"], &hostile)?;
    let wit = fs::read_to_string(root().join("plugins/wit/plugin.wit"))?;
    let version = wit
        .lines()
        .find_map(|l| l.trim().strip_prefix("package kefu:plugin@"))
        .and_then(|v| v.strip_suffix(';'))
        .context("plugins/wit/plugin.wit names no package version")?;
    let source = fs::read_to_string(root().join("runtime/tests/fixtures/hostile.js"))?;
    fs::write(
        hostile.join("src/plugin.js"),
        source.replace("{wit_version}", version),
    )?;
    kefu_plugin(kefu, &["build"], &hostile)?;
    Ok((orders.join(":"), hostile))
}

fn kefu_plugin(kefu: &Path, args: &[&str], dir: &Path) -> Result<()> {
    crate::run(
        &format!("kefu plugin {} {}", args.join(" "), dir.display()),
        Command::new(kefu).arg("plugin").args(args).arg(dir),
    )
}

/// Copies a plugin's source, leaving out what a build writes.
fn copy_source(from: &Path, to: &Path) -> Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        if ["node_modules", "target", ".venv", "typings", "types"]
            .iter()
            .any(|n| name == *n)
        {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            copy_source(&path, &to.join(&name))?;
        } else {
            fs::copy(&path, to.join(&name))
                .with_context(|| format!("copying {}", path.display()))?;
        }
    }
    Ok(())
}
