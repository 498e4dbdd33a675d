//! The Rust plugin SDK and the WIT contract, carried inside the `kefu` binary: `kefu plugin
//! new` writes them into the new plugin (`vendor/`), so a plugin builds anywhere with only
//! `kefu` and rustup, never through a path into the source tree kefu was built from.
//!
//! The SDK reads its contract from `wit/` inside its own crate (`generate!({ path: "wit" })`),
//! as the published crate does.

use std::path::Path;

use anyhow::{Context as _, Result};

const SDK_LIB: &str = include_str!("../../../plugins/sdk/src/lib.rs");
const WIT: &str = include_str!("../../../plugins/wit/plugin.wit");
const WORKSPACE_MANIFEST: &str = include_str!("../../../Cargo.toml");

/// Where the SDK lands inside a new plugin, relative to its root.
pub(super) const SDK_DIR: &str = "vendor/kefu-plugin-sdk";

/// The version requirement of wit-bindgen the SDK was built and tested with here.
fn wit_bindgen_requirement() -> Result<String> {
    let manifest: toml::Table =
        toml::from_str(WORKSPACE_MANIFEST).context("reading kefu's workspace manifest")?;
    let dep = manifest
        .get("workspace")
        .and_then(|w| w.get("dependencies"))
        .and_then(|d| d.get("wit-bindgen"))
        .context("kefu's workspace names no wit-bindgen")?;
    dep.as_str()
        .or_else(|| dep.get("version").and_then(|v| v.as_str()))
        .map(str::to_string)
        .context("kefu's wit-bindgen dependency has no version")
}

/// The SDK's manifest as a stand-alone crate (the source tree's inherits from the workspace).
fn sdk_manifest() -> Result<String> {
    Ok(format!(
        "[package]\n\
         name = \"kefu-plugin-sdk\"\n\
         version = \"{version}\"\n\
         edition = \"2024\"\n\
         license = \"Apache-2.0\"\n\
         description = \"Write kefu plugins in Rust: the WIT bindings, an export macro and typed helpers.\"\n\
         # Written by `kefu plugin new` {version}: the SDK and WIT contract of that kefu.\n\n\
         [dependencies]\n\
         wit-bindgen = \"{wit_bindgen}\"\n",
        version = env!("CARGO_PKG_VERSION"),
        wit_bindgen = wit_bindgen_requirement()?,
    ))
}

/// Writes the SDK with its contract under `plugin/vendor/`.
pub(super) fn vendor(plugin: &Path) -> Result<()> {
    let sdk = plugin.join(SDK_DIR);
    std::fs::create_dir_all(sdk.join("src"))?;
    std::fs::write(sdk.join("Cargo.toml"), sdk_manifest()?)?;
    std::fs::write(sdk.join("src/lib.rs"), SDK_LIB)?;
    write_wit(&sdk.join("wit"))
}

/// Writes the contract as `dir/plugin.wit`.
pub(super) fn write_wit(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir)?;
    std::fs::write(dir.join("plugin.wit"), WIT)?;
    Ok(())
}

/// The contract's version (`package kefu:plugin@<version>;`), which import names carry.
pub(super) fn wit_version() -> Result<String> {
    WIT.lines()
        .find_map(|l| l.trim().strip_prefix("package kefu:plugin@"))
        .and_then(|v| v.strip_suffix(';'))
        .map(str::to_string)
        .context("the WIT contract names no package version")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vendored_sdk_names_a_wit_bindgen_version_and_finds_its_contract() {
        let manifest = sdk_manifest().unwrap();
        let parsed: toml::Table = toml::from_str(&manifest).unwrap();
        let version = parsed["dependencies"]["wit-bindgen"].as_str().unwrap();
        assert!(version.starts_with("0."), "{version}");
        assert!(!manifest.contains("workspace"), "{manifest}");
        // The SDK reads the contract from its own `wit/`, where `vendor` puts it.
        assert!(SDK_LIB.contains("path: \"wit\""));
        assert!(WIT.contains("world plugin"));
        let version = wit_version().unwrap();
        assert!(version.split('.').count() == 3, "{version}");
    }
}
