//! `kefu plugin …`: everything a merchant needs to go from nothing to a deployed plugin.
//!
//! - `new <dir>`: scaffold a plugin crate (outside this repository) with a manifest, an
//!   example handler and fixture tests;
//! - `build <dir>`: compile it for `wasm32-unknown-unknown` and wrap it into a component
//!   (`<dir>/target/kefu/plugin.wasm`);
//! - `test <dir>`: run it in the real sandbox against `fixtures.toml` (orders, products and
//!   test cases), in-process, no runtime needed;
//! - `run <dir> --intent … --text …`: one call against the fixtures, the reply as JSON;
//! - `deploy <dir> --url … --key … [--force]`: upload it to a runtime through the admin API,
//!   which replays recorded calls against it first, and print the report
//!   (`plugin_deploy.rs`);
//! - `replay <call-id>`: run a recorded call again, bit for bit, and compare.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::sync::Arc;

use anyhow::{Context, Result, bail};
use clap::Subcommand;
use serde::Deserialize;

use crate::StoreData;
use crate::plugins::{CallError, Clock, PluginHost, PluginReply, PluginRequest, Proposal, Secrets};
use crate::store::{DemoData, Store};

/// `kefu plugin` subcommands.
#[derive(Debug, Subcommand)]
pub enum PluginCommand {
    /// Scaffold a new plugin crate in DIR.
    New {
        /// Where to create it (must not exist).
        dir: PathBuf,
        /// The plugin's name (default: DIR's name).
        #[arg(long)]
        name: Option<String>,
        /// The language to write it in.
        #[arg(long, value_enum, default_value = "rust")]
        lang: Lang,
        /// Use the SDK at this path instead of the copy this kefu carries (which is written
        /// into the plugin's `vendor/`), e.g. when changing the SDK itself.
        #[arg(long)]
        sdk: Option<PathBuf>,
    },
    /// Build DIR into a component: DIR/target/kefu/plugin.wasm.
    Build {
        /// The plugin crate.
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Run DIR's fixture tests (DIR/fixtures.toml) in the sandbox.
    Test {
        /// The plugin crate.
        #[arg(default_value = ".")]
        dir: PathBuf,
    },
    /// Call DIR's plugin once against its fixtures and print the reply as JSON.
    Run {
        /// The plugin crate.
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The intent to serve.
        #[arg(long)]
        intent: String,
        /// What the shopper wrote.
        #[arg(long, default_value = "")]
        text: String,
        /// Slots as name=value (repeatable), e.g. --slot order-number=1001.
        #[arg(long = "slot", value_parser = parse_slot)]
        slots: Vec<(String, String)>,
        /// `en` or `zh`.
        #[arg(long, default_value = "en")]
        locale: String,
        /// Pretend the shopper proved they own the order.
        #[arg(long)]
        owner_verified: bool,
    },
    /// Deploy DIR's built plugin to a runtime.
    Deploy {
        /// The plugin crate (or a directory with manifest.toml and plugin.wasm).
        #[arg(default_value = ".")]
        dir: PathBuf,
        /// The runtime.
        #[arg(long, env = "KEFU_URL", default_value = "http://127.0.0.1:8080")]
        url: String,
        /// The merchant's API key (`kefu merchant key`).
        #[arg(long, env = "KEFU_API_KEY")]
        key: String,
        /// Activate the version even if recorded calls that answered now fail on it (the
        /// runtime replays the plugin's latest recorded calls against it first).
        #[arg(long)]
        force: bool,
    },
    /// Run a recorded plugin call again (its id is in the audit log) and compare results.
    Replay {
        /// The call id (`GET /v1/admin/audit`).
        call: i64,
        /// Where the runtime's database lives.
        #[arg(long, env = "KEFU_DATA_DIR", default_value = "data")]
        data_dir: PathBuf,
        /// Bundled plugins, for calls to a plugin that was not deployed through the API.
        #[arg(long, env = "KEFU_PLUGINS_DIR", default_value = "dist/plugins")]
        plugins_dir: PathBuf,
        /// Replay with this component instead (e.g. a fix under test).
        #[arg(long)]
        wasm: Option<PathBuf>,
    },
    /// Compile a component from stdin to stdout under resource limits (used by the runtime).
    #[command(hide = true)]
    CompileIsolated,
}

/// What `kefu serve --allow-private-http` would allow, from its environment variable
/// `KEFU_ALLOW_PRIVATE_HTTP` (comma-separated): a plugin tested or replayed here loads under
/// the same rule as on the runtime.
fn private_http_from_env() -> Result<crate::plugins::PrivateHttp> {
    let entries = std::env::var("KEFU_ALLOW_PRIVATE_HTTP").unwrap_or_default();
    let entries: Vec<&str> = entries
        .split(',')
        .filter(|e| !e.trim().is_empty())
        .collect();
    crate::plugins::PrivateHttp::parse(&entries).map_err(anyhow::Error::msg)
}

fn parse_slot(s: &str) -> Result<(String, String), String> {
    s.split_once('=')
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .ok_or_else(|| format!("`{s}` is not name=value"))
}

/// Runs a `kefu plugin` command.
pub fn main(command: PluginCommand) -> ExitCode {
    let result = match command {
        PluginCommand::CompileIsolated => return crate::plugins::compile::child_main(),
        PluginCommand::New {
            dir,
            name,
            lang,
            sdk,
        } => new(&dir, name, lang, sdk),
        PluginCommand::Build { dir } => build(&dir).map(|_| ()),
        PluginCommand::Test { dir } => {
            return match test(&dir) {
                Ok(true) => ExitCode::SUCCESS,
                Ok(false) => ExitCode::FAILURE,
                Err(e) => {
                    eprintln!("kefu: {e:#}");
                    ExitCode::FAILURE
                }
            };
        }
        PluginCommand::Run {
            dir,
            intent,
            text,
            slots,
            locale,
            owner_verified,
        } => run_once(
            &dir,
            PluginRequest {
                intent,
                locale,
                text,
                slots,
                owner_verified,
            },
        ),
        PluginCommand::Deploy {
            dir,
            url,
            key,
            force,
        } => super::plugin_deploy::deploy(&dir, &url, &key, force),
        PluginCommand::Replay {
            call,
            data_dir,
            plugins_dir,
            wasm,
        } => {
            return match replay(call, &data_dir, &plugins_dir, wasm.as_deref()) {
                Ok(true) => ExitCode::SUCCESS,
                Ok(false) => ExitCode::FAILURE,
                Err(e) => {
                    eprintln!("kefu: {e:#}");
                    ExitCode::FAILURE
                }
            };
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kefu: {e:#}");
            ExitCode::FAILURE
        }
    }
}

const TEMPLATE_LIB: &str = include_str!("../plugin_template/lib.rs.txt");
const TEMPLATE_MANIFEST: &str = include_str!("../plugin_template/manifest.toml.txt");
const TEMPLATE_FIXTURES: &str = include_str!("../plugin_template/fixtures.toml.txt");
const TEMPLATE_BUILD: &str = include_str!("../plugin_template/build.rs.txt");

/// The languages `kefu plugin new` writes plugins in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    /// Rust, with the SDK this kefu carries.
    Rust,
    /// TypeScript, built with tsc and componentize-js (needs Node.js and npm).
    Ts,
    /// JavaScript, built with componentize-js (needs Node.js and npm).
    Js,
    /// Python, built with componentize-py (needs Python 3.11+ with venv).
    Python,
}

fn new(dir: &Path, name: Option<String>, lang: Lang, sdk: Option<PathBuf>) -> Result<()> {
    if dir.exists() {
        bail!("{} already exists; choose a new directory", dir.display());
    }
    let name = match name {
        Some(n) => n,
        None => dir
            .file_name()
            .and_then(|n| n.to_str())
            .context("name the plugin with --name")?
            .to_string(),
    };
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        bail!("plugin names are lower-case letters, digits and `-`: `{name}` is not");
    }
    match lang {
        Lang::Rust => new_rust(dir, &name, sdk)?,
        _ if sdk.is_some() => bail!("--sdk is for Rust plugins"),
        Lang::Ts | Lang::Js => super::plugin_js::scaffold(dir, &name, lang == Lang::Ts)?,
        Lang::Python => super::plugin_py::scaffold(dir, &name)?,
    }
    let mut manifest = TEMPLATE_MANIFEST.replace("{name}", &name);
    let memory = match lang {
        Lang::Rust => None,
        Lang::Ts | Lang::Js => Some(super::plugin_js::MEMORY_BYTES),
        Lang::Python => Some(super::plugin_py::MEMORY_BYTES),
    };
    if let Some(memory) = memory {
        manifest = manifest.replace(
            "memory_bytes = 4_194_304",
            &format!("memory_bytes = {memory}"),
        );
    }
    std::fs::write(dir.join("manifest.toml"), manifest)?;
    std::fs::write(dir.join("fixtures.toml"), TEMPLATE_FIXTURES)?;
    println!(
        "Created plugin `{name}` in {}.\nNext: kefu plugin build {0} && kefu plugin test {0}",
        dir.display()
    );
    Ok(())
}

/// Writes a Rust plugin crate: Cargo.toml, the SDK it builds against, src/lib.rs.
fn new_rust(dir: &Path, name: &str, sdk: Option<PathBuf>) -> Result<()> {
    let vendored = sdk.is_none();
    let sdk = match sdk {
        Some(sdk) => sdk
            .canonicalize()
            .with_context(|| format!("no plugin SDK at {}", sdk.display()))?
            .display()
            .to_string(),
        None => super::plugin_sdk::SDK_DIR.to_string(),
    };
    std::fs::create_dir_all(dir.join("src"))?;
    let cargo = format!(
        "[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2024\"\npublish = false\n\n\
         [lib]\ncrate-type = [\"cdylib\"]\n\n[dependencies]\nkefu-plugin-sdk = {{ path = {sdk:?} }}\n\n\
         [profile.release]\nopt-level = \"s\"\nlto = true\npanic = \"abort\"\n\n\
         # A plugin is its own workspace, wherever it lives.\n[workspace]\n",
    );
    std::fs::write(dir.join("Cargo.toml"), cargo)?;
    if vendored {
        super::plugin_sdk::vendor(dir)?;
    }
    std::fs::write(dir.join("src/lib.rs"), TEMPLATE_LIB)?;
    std::fs::write(dir.join("build.rs"), TEMPLATE_BUILD)?;
    std::fs::write(dir.join(".gitignore"), "/target\n")?;
    Ok(())
}

/// Builds `dir` and returns the component's path.
fn build(dir: &Path) -> Result<PathBuf> {
    if super::plugin_js::is_js(dir) {
        return super::plugin_js::build(dir);
    }
    if super::plugin_py::is_python(dir) {
        return super::plugin_py::build(dir);
    }
    let manifest_path = dir.join("Cargo.toml");
    if !manifest_path.is_file() {
        bail!(
            "{} has no Cargo.toml, package.json or pyproject.toml: is it a plugin?",
            dir.display()
        );
    }
    let ensure_target = Command::new("rustup")
        .args(["target", "add", "wasm32-unknown-unknown"])
        .output();
    if let Ok(out) = ensure_target
        && !out.status.success()
    {
        eprintln!("warning: could not add the wasm32-unknown-unknown target with rustup");
    }
    eprintln!("==> building {} for wasm32-unknown-unknown", dir.display());
    let metadata = Command::new("cargo")
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--manifest-path",
        ])
        .arg(&manifest_path)
        .output()
        .context("running cargo metadata")?;
    if !metadata.status.success() {
        bail!(
            "cargo metadata failed: {}",
            String::from_utf8_lossy(&metadata.stderr)
        );
    }
    #[derive(Deserialize)]
    struct Metadata {
        target_directory: PathBuf,
        packages: Vec<Package>,
    }
    #[derive(Deserialize)]
    struct Package {
        name: String,
    }
    let meta: Metadata = serde_json::from_slice(&metadata.stdout)?;
    let package = meta.packages.first().context("no package in Cargo.toml")?;
    // `--release`, not kefu's `--profile wasm`: a merchant's plugin is a workspace of its own
    // (`new` writes `[workspace]` into its Cargo.toml), so kefu's profiles do not apply, and
    // its only build is this wasm32 one, so its own release profile (written by `new`) is the
    // size-optimised one. kefu names that profile `wasm` only because its release is the
    // server's.
    let status = Command::new("cargo")
        .args([
            "build",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "--manifest-path",
        ])
        .arg(&manifest_path)
        .status()
        .context("running cargo build")?;
    if !status.success() {
        bail!("cargo build failed");
    }
    let module_path =
        kefu_componentize::module_path(&meta.target_directory, "release", &package.name);
    let component = kefu_componentize::componentize_file(&module_path)?;
    let out_dir = dir.join("target/kefu");
    std::fs::create_dir_all(&out_dir)?;
    let out = out_dir.join("plugin.wasm");
    std::fs::write(&out, &component)?;
    eprintln!("==> {} ({} bytes)", out.display(), component.len());
    Ok(out)
}

/// The component and manifest of `dir`: a plugin crate (built) or a directory with both.
pub(super) fn artifacts(dir: &Path) -> Result<(String, Vec<u8>)> {
    let manifest = dir.join("manifest.toml");
    let manifest = std::fs::read_to_string(&manifest)
        .with_context(|| format!("reading {}", manifest.display()))?;
    let wasm = [dir.join("target/kefu/plugin.wasm"), dir.join("plugin.wasm")]
        .into_iter()
        .find(|p| p.is_file())
        .with_context(|| {
            format!(
                "no plugin.wasm in {}: run `kefu plugin build` first",
                dir.display()
            )
        })?;
    Ok((manifest, std::fs::read(&wasm)?))
}

/// A test case in `fixtures.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    intent: String,
    #[serde(default)]
    text: String,
    #[serde(default = "default_locale")]
    locale: String,
    #[serde(default)]
    slots: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    owner_verified: bool,
    /// The reply text must contain this.
    expect_text: Option<String>,
    /// The call must fail with this error kind (`not_found`, `missing_slot`, `not_allowed`, …).
    expect_error: Option<String>,
    /// The reply must propose a refund of this many minor units.
    expect_refund_minor: Option<u64>,
    /// The reply must propose this: every field given (`kind` = `refund`, `cancel_order` or
    /// `change_address`, `order_id`, `amount_minor`, `address`, `terms`, …) must be equal.
    expect_proposal: Option<toml::Table>,
}

fn default_locale() -> String {
    "en".into()
}

/// The fixture data and the cases of `fixtures.toml`.
fn fixtures(dir: &Path) -> Result<(DemoData, Vec<Case>)> {
    let path = dir.join("fixtures.toml");
    let text =
        std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let mut value: toml::Table = text
        .parse()
        .with_context(|| format!("{} is not valid TOML", path.display()))?;
    let cases = value.remove("case").unwrap_or(toml::Value::Array(vec![]));
    let cases: Vec<Case> = cases
        .try_into()
        .with_context(|| format!("the [[case]] entries of {}", path.display()))?;
    let data = DemoData::parse(&toml::to_string(&value)?)
        .with_context(|| format!("the fixture data of {}", path.display()))?;
    Ok((data, cases))
}

fn error_kind(e: &CallError) -> &'static str {
    match e {
        CallError::NotFound(_) => "not_found",
        CallError::MissingSlot(_) => "missing_slot",
        CallError::Unavailable(_) => "unavailable",
        CallError::Failed(_) => "internal",
        CallError::NotAllowed(_) => "not_allowed",
        CallError::Unsupported(_) => "unsupported",
        CallError::Timeout(_) => "timeout",
        CallError::MemoryLimit(_) => "memory_limit",
        CallError::OutputTooLarge(_) => "output_too_large",
        CallError::Trapped(_) => "trapped",
        CallError::CircuitOpen(_) => "circuit_open",
    }
}

/// Runs `f` with the plugin of `dir` loaded into a sandbox over its fixture data.
fn with_plugin<T>(
    dir: &Path,
    f: impl FnOnce(&PluginHost, &crate::plugins::LoadedPlugin, Vec<Case>) -> T,
) -> Result<T> {
    let (manifest, component) = artifacts(dir)?;
    let (data, cases) = fixtures(dir)?;
    let rt = tokio::runtime::Runtime::new()?;
    rt.block_on(async {
        let store = Store::in_memory().await?;
        store.load_demo(&data).await?;
        let merchant = data.merchant_id().to_string();
        let host = PluginHost::new(Arc::new(StoreData::new(store)))?
            // Fixtures are written for a fixed day: 2026-11-22.
            .with_clock(Clock::Fixed(1_795_305_600_000))
            .with_private_http(private_http_from_env()?)
            // On the developer's own machine the plugin's secrets are theirs to give, as
            // `KEFU_SECRET_<NAME>`: there is no other merchant here to keep them from.
            .with_secrets(Secrets::PerMerchant {
                store: None,
                environment_for: Some(merchant.clone()),
            });
        let plugin = host.load(&merchant, &manifest, &component)?;
        let out = tokio::task::block_in_place(|| f(&host, &plugin, cases));
        Ok(out)
    })
}

fn test(dir: &Path) -> Result<bool> {
    let results = with_plugin(dir, |host, plugin, cases| {
        let mut failures = 0;
        for case in &cases {
            let request = PluginRequest {
                intent: case.intent.clone(),
                locale: case.locale.clone(),
                text: case.text.clone(),
                slots: case.slots.clone().into_iter().collect(),
                owner_verified: case.owner_verified,
            };
            let result = host.call(plugin, &request);
            let problem = check(case, &result);
            match &problem {
                None => println!("ok   {}", case.name),
                Some(why) => {
                    failures += 1;
                    println!("FAIL {}: {why}", case.name);
                }
            }
        }
        (cases.len(), failures)
    })?;
    let (total, failures) = results;
    println!("{} cases, {failures} failed", total);
    Ok(failures == 0 && total > 0)
}

fn check(case: &Case, result: &Result<PluginReply, CallError>) -> Option<String> {
    match (result, &case.expect_error) {
        (Err(e), Some(kind)) if error_kind(e) == kind => None,
        (Err(e), _) => Some(format!("failed with {} ({e})", error_kind(e))),
        (Ok(_), Some(kind)) => Some(format!("expected error {kind}, got a reply")),
        (Ok(reply), None) => {
            if let Some(want) = &case.expect_text
                && !reply.text.contains(want.as_str())
            {
                return Some(format!("reply {:?} does not contain {want:?}", reply.text));
            }
            if let Some(want) = case.expect_refund_minor {
                match &reply.proposal {
                    Some(Proposal::Refund { amount_minor, .. }) if *amount_minor == want => {}
                    other => return Some(format!("expected a refund of {want}, got {other:?}")),
                }
            }
            if let Some(want) = &case.expect_proposal {
                return proposal_differs(want, reply.proposal.as_ref());
            }
            None
        }
    }
}

/// What in `proposal` differs from the fields `want` gives, if anything.
fn proposal_differs(want: &toml::Table, proposal: Option<&Proposal>) -> Option<String> {
    let Some(proposal) = proposal else {
        return Some("expected a proposal, got none".into());
    };
    let got = serde_json::to_value(proposal).unwrap_or_default();
    for (field, value) in want {
        let value = serde_json::to_value(value).unwrap_or_default();
        if got.get(field) != Some(&value) {
            return Some(format!(
                "expected the proposal's {field} to be {value}, got {got}"
            ));
        }
    }
    None
}

fn run_once(dir: &Path, request: PluginRequest) -> Result<()> {
    let result = with_plugin(dir, |host, plugin, _| host.call(plugin, &request))?;
    let json = match result {
        Ok(reply) => serde_json::json!({
            "text": reply.text,
            "cards": reply.cards,
            "proposal": reply.proposal,
        }),
        Err(e) => serde_json::json!({ "error": error_kind(&e), "message": e.to_string() }),
    };
    println!("{}", serde_json::to_string_pretty(&json)?);
    Ok(())
}

/// The manifest and component of `name` `version`: deployed, or bundled in `plugins_dir`.
async fn find_plugin(
    store: &Store,
    merchant: &str,
    name: &str,
    version: &str,
    plugins_dir: &Path,
) -> Result<(String, Vec<u8>)> {
    if let Some(p) = store.plugin_version(merchant, name, version).await? {
        return Ok((p.manifest, p.component));
    }
    let dir = plugins_dir.join(name);
    let manifest = std::fs::read_to_string(dir.join("manifest.toml")).with_context(|| {
        format!(
            "{name} {version} is neither deployed nor bundled in {}",
            plugins_dir.display()
        )
    })?;
    let parsed = crate::plugins::Manifest::parse(&manifest)?;
    if parsed.plugin.version != version {
        bail!(
            "the bundled {name} is version {}, the call ran {version}",
            parsed.plugin.version
        );
    }
    Ok((manifest, std::fs::read(dir.join("plugin.wasm"))?))
}

fn replay(call: i64, data_dir: &Path, plugins_dir: &Path, wasm: Option<&Path>) -> Result<bool> {
    let rt = tokio::runtime::Runtime::new()?;
    rt.block_on(async {
        let store = super::merchant::open(data_dir).await?;
        let rec = store
            .call_recording(None, call)
            .await?
            .with_context(|| format!("no recorded call {call} in {}", data_dir.display()))?;
        let e = &rec.entry;
        let (manifest, mut component) = find_plugin(
            &store,
            &e.merchant_id,
            &e.plugin,
            &e.plugin_version,
            plugins_dir,
        )
        .await?;
        if let Some(path) = wasm {
            component =
                std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        }
        let input: crate::plugins::CallInput = serde_json::from_str(&rec.input)?;
        let log: Vec<crate::plugins::record::HostCall> = serde_json::from_str(&rec.host_log)?;
        let recorded: serde_json::Value = serde_json::from_str(&rec.result)?;
        let host = PluginHost::new(Arc::new(StoreData::new(store.clone())))?
            .with_private_http(private_http_from_env()?);
        let plugin = host.load(&e.merchant_id, &manifest, &component)?;
        let crate::plugins::Replay {
            result, divergence, ..
        } = tokio::task::block_in_place(|| host.replay(&plugin, &input, log, rec.now_ms));
        let now = crate::plugins::outcome_json(&result);
        println!(
            "call {call}: {} {} {} of {} ({}), {} host answers replayed at {}",
            e.plugin,
            e.plugin_version,
            e.export,
            e.intent.as_deref().unwrap_or("-"),
            e.merchant_id,
            serde_json::from_str::<Vec<serde_json::Value>>(&rec.host_log).map_or(0, |l| l.len()),
            crate::plugins::iso_date(rec.now_ms)
        );
        if let Some(d) = divergence {
            println!("DIVERGED: {d}");
        }
        if now == recorded {
            println!("identical: {now}");
            Ok(true)
        } else {
            println!("DIFFERENT\n  recorded: {recorded}\n  now:      {now}");
            Ok(false)
        }
    })
}
