//! Installs what the build and the tests need, if missing: make, the wasm32 target,
//! wasm-bindgen-cli at exactly the version in Cargo.lock, Chromium, and the e2e harness's npm
//! packages.

use std::path::PathBuf;
use std::process::Command;

use anyhow::{Context, Result, bail};

use crate::{Steps, cargo, root, run};

fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Where cargo puts build output (respects `CARGO_TARGET_DIR`).
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), PathBuf::from)
}

/// The version of `package` recorded in Cargo.lock.
fn locked_version(package: &str) -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).context("reading Cargo.lock")?;
    let needle = format!("name = \"{package}\"\nversion = \"");
    let start = lock
        .find(&needle)
        .with_context(|| format!("{package} is not in Cargo.lock"))?
        + needle.len();
    Ok(lock[start..]
        .split('"')
        .next()
        .unwrap_or_default()
        .to_string())
}

/// Builds binary `bin` of `package` and returns the path of exactly the executable this
/// build produced (not `target/debug/<bin>`, which another checkout sharing the target
/// directory may have overwritten).
pub fn build_binary(steps: &mut Steps, package: &str, bin: &str) -> Result<PathBuf> {
    steps.start(&format!("building {bin} (dev profile)"));
    let out = cargo()
        .args([
            "build",
            "--package",
            package,
            "--bin",
            bin,
            "--message-format=json-render-diagnostics",
        ])
        .current_dir(root())
        .stderr(std::process::Stdio::inherit())
        .output()
        .context("starting cargo build")?;
    if !out.status.success() {
        bail!("building {bin} failed");
    }
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|msg| msg["reason"] == "compiler-artifact" && msg["target"]["name"] == bin)
        .find_map(|msg| msg["executable"].as_str().map(PathBuf::from))
        .with_context(|| format!("cargo reported no executable for {bin}"))
}

/// The executable `bin` as `cargo test` built it for the integration tests (the default
/// members, features unified with their dev-dependencies), so the browser tests run what the
/// Rust tests ran without a second build: `cargo build` alone unifies features without the
/// dev-dependencies and compiled wasmtime again (three minutes from an empty cache).
pub fn test_build_binary(steps: &mut Steps, bin: &str) -> Result<PathBuf> {
    steps.start(&format!(
        "finding {bin} as the tests built it (cargo test --no-run)"
    ));
    let out = cargo()
        .args([
            "test",
            "--no-run",
            "--message-format=json-render-diagnostics",
        ])
        .current_dir(root())
        .stderr(std::process::Stdio::inherit())
        .output()
        .context("starting cargo test --no-run")?;
    if !out.status.success() {
        bail!("building the tests failed");
    }
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|msg| {
            msg["reason"] == "compiler-artifact"
                && msg["target"]["name"] == bin
                && msg["target"]["kind"][0] == "bin"
                && msg["profile"]["test"] == false
        })
        .find_map(|msg| msg["executable"].as_str().map(PathBuf::from))
        .with_context(|| format!("cargo test --no-run reported no executable for {bin}"))
}

/// `apt-get <args>`, through sudo unless this is root, non-interactive.
fn apt(args: &[&str]) -> Command {
    let root_user = output(Command::new("id").arg("-u")).is_some_and(|s| s.trim() == "0");
    let mut cmd = if root_user {
        Command::new("apt-get")
    } else {
        let mut sudo = Command::new("sudo");
        sudo.arg("apt-get");
        sudo
    };
    cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
    cmd
}

/// make (jemalloc, the `kefu` binary's allocator, is built with it), the wasm32 target and
/// wasm-bindgen-cli matching Cargo.lock: one step.
pub fn ensure_build_tools(steps: &mut Steps) -> Result<()> {
    steps.start("checking the build tools (make, the wasm32 target, wasm-bindgen-cli)");
    if Command::new("make").arg("--version").output().is_err() {
        run(
            "updating Debian package lists for make",
            &mut apt(&["update", "-q"]),
        )?;
        run(
            "installing make, which builds jemalloc (apt-get install make)",
            &mut apt(&["install", "-y", "-q", "make"]),
        )?;
    }
    let installed =
        output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if !installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        run(
            "installing the wasm32-unknown-unknown target (rustup; can take a few minutes)",
            Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]),
        )?;
    }
    let want = locked_version("wasm-bindgen")?;
    let have = output(Command::new("wasm-bindgen").arg("--version")).unwrap_or_default();
    if have.split_whitespace().nth(1) != Some(want.as_str()) {
        // Not --locked: one of the CLI's pinned dependencies is missing from the registry
        // index here, and the CLI's own version is what has to match.
        run(
            &format!(
                "installing wasm-bindgen-cli {want} to match Cargo.lock (a few minutes, once)"
            ),
            cargo().args([
                "install",
                "wasm-bindgen-cli",
                "--version",
                &format!("={want}"),
            ]),
        )?;
    }
    Ok(())
}

/// Chromium (Debian's) and the e2e harness's npm packages: one step.
pub fn ensure_browser(steps: &mut Steps) -> Result<()> {
    steps.start(
        "checking the browser test tools (Chromium, a Chinese font, Node.js, playwright-core, axe-core)",
    );
    if !std::path::Path::new("/usr/bin/chromium").exists() {
        run(
            "updating Debian package lists for Chromium",
            &mut apt(&["update", "-q"]),
        )?;
        run(
            "installing Chromium for the browser tests (apt-get install chromium)",
            &mut apt(&["install", "-y", "-q", "chromium", "chromium-driver"]),
        )?;
    }
    // Chinese in the panel (and in the README's screenshots, which a browser test takes)
    // needs a CJK font; the script installs Debian's fonts-wqy-zenhei only when none is there.
    run(
        "checking for a Chinese font (scripts/cjk-fonts.sh: apt-get install fonts-wqy-zenhei when missing)",
        Command::new("bash").arg(root().join("scripts/cjk-fonts.sh")),
    )?;
    if Command::new("node").arg("--version").output().is_err() {
        bail!("Node.js is needed for the browser tests: apt-get install nodejs npm");
    }
    // Every package of tests/e2e/package.json: a node_modules from before one was added
    // installs again.
    let modules = root().join("tests/e2e/node_modules");
    if ["playwright-core", "axe-core"]
        .iter()
        .any(|package| !modules.join(package).is_dir())
    {
        run(
            "installing the browser test harness (npm ci in tests/e2e: playwright-core, axe-core)",
            Command::new("npm").args(["ci", "--no-audit", "--no-fund", "--prefix", "tests/e2e"]),
        )?;
    }
    Ok(())
}
