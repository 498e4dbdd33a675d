//! Turns a plugin's core wasm module into the component kefu's runtime loads, and knows where
//! cargo puts that module.
//!
//! A plugin crate compiles (with `wit-bindgen`, through `kefu-plugin-sdk`) to a core module
//! that carries its WIT world in a custom section; [`componentize`] wraps it into a component
//! importing only kefu's own interfaces. Three places build plugins and all go through this
//! crate: `cargo xtask build` (into `dist/`), the build script of `kefu-test-plugins` (for the
//! tests) and `kefu plugin build` (a merchant's crate). It does not run cargo itself: each of
//! those builds differently (one cargo call with the widget, a nested cargo with its own
//! target directory, a crate outside this workspace).

#![deny(missing_docs)]

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

/// The target plugins and the browser bundles are compiled for.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// The cargo profile of everything compiled for [`WASM_TARGET`] in this workspace: small over
/// fast (see `[profile.wasm]` in the root Cargo.toml; `release` is the server's).
pub const WASM_PROFILE: &str = "wasm";

/// Where `cargo build --target wasm32-unknown-unknown --profile <profile>` leaves the core
/// module of crate `krate` (a cdylib) under `target_dir`.
pub fn module_path(target_dir: &Path, profile: &str, krate: &str) -> PathBuf {
    target_dir
        .join(WASM_TARGET)
        .join(profile)
        .join(format!("{}.wasm", krate.replace('-', "_")))
}

/// The component of a plugin's core `module`, validated.
pub fn componentize(module: &[u8]) -> Result<Vec<u8>> {
    wit_component::ComponentEncoder::default()
        .module(module)
        .and_then(|e| e.validate(true).encode())
        .context(
            "turning the module into a component (does it use kefu_plugin_sdk::export_plugin!?)",
        )
}

/// Reads the core module at `module_path` and returns its component.
pub fn componentize_file(module_path: &Path) -> Result<Vec<u8>> {
    let module =
        std::fs::read(module_path).with_context(|| format!("reading {}", module_path.display()))?;
    componentize(&module).with_context(|| format!("{}", module_path.display()))
}
