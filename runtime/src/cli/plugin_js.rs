//! TypeScript and JavaScript plugins: `kefu plugin new --lang ts|js` and their build.
//!
//! A plugin is an npm package. `npm run build` writes typed bindings from the WIT contract
//! (`jco guest-types`, into `src/types`), compiles TypeScript (`tsc`), and turns the module
//! into a component with the Bytecode Alliance's componentize-js, pre-initialised so each
//! call starts from a snapshot (`build.mjs`). The manifest, fixtures and every other
//! `kefu plugin` command are the same as for Rust.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, Result, bail};

use super::plugin_sdk;

const PACKAGE: &str = include_str!("../plugin_template/js/package.json.txt");
const TSCONFIG: &str = include_str!("../plugin_template/js/tsconfig.json.txt");
const BUILD: &str = include_str!("../plugin_template/js/build.mjs.txt");
const PLUGIN_TS: &str = include_str!("../plugin_template/js/plugin.ts.txt");
const PLUGIN_JS: &str = include_str!("../plugin_template/js/plugin.js.txt");

/// A JavaScript engine needs more room than a Rust plugin: its heap snapshot is ~10 MiB.
pub(super) const MEMORY_BYTES: &str = "16_777_216";

/// Whether `dir` holds a JavaScript or TypeScript plugin.
pub(super) fn is_js(dir: &Path) -> bool {
    dir.join("package.json").is_file()
}

/// Writes the npm package of a new plugin (manifest and fixtures are written by the caller).
pub(super) fn scaffold(dir: &Path, name: &str, typescript: bool) -> Result<()> {
    let version = plugin_sdk::wit_version()?;
    let (build, typescript_dep, source) = if typescript {
        (
            "jco guest-types vendor/wit --world-name plugin --out-dir src/types --quiet && tsc && node build.mjs target/js/plugin.js",
            ",\n    \"typescript\": \"5.9.3\"",
            ("src/plugin.ts", PLUGIN_TS),
        )
    } else {
        (
            "jco guest-types vendor/wit --world-name plugin --out-dir src/types --quiet && node build.mjs src/plugin.js",
            "",
            ("src/plugin.js", PLUGIN_JS),
        )
    };
    std::fs::create_dir_all(dir.join("src"))?;
    std::fs::write(
        dir.join("package.json"),
        PACKAGE
            .replace("{name}", name)
            .replace("{build}", build)
            .replace("{typescript}", typescript_dep),
    )?;
    if typescript {
        std::fs::write(dir.join("tsconfig.json"), TSCONFIG)?;
    }
    std::fs::write(dir.join("build.mjs"), BUILD)?;
    std::fs::write(
        dir.join(source.0),
        source.1.replace("{wit_version}", &version),
    )?;
    plugin_sdk::write_wit(&dir.join("vendor/wit"))?;
    std::fs::write(
        dir.join(".gitignore"),
        "/node_modules\n/target\n/src/types\n",
    )?;
    Ok(())
}

/// Runs `program` in `dir`, failing with `what` when it is missing or fails.
fn run(dir: &Path, program: &str, args: &[&str], what: &str) -> Result<()> {
    eprintln!("==> {what}: {program} {}", args.join(" "));
    let status = Command::new(program)
        .args(args)
        .current_dir(dir)
        .status()
        .with_context(|| {
            format!(
                "could not run `{program}`: JavaScript and TypeScript plugins need Node.js 18 or \
                 newer with npm (Debian: `apt-get install nodejs npm`)"
            )
        })?;
    if !status.success() {
        bail!("{what} failed ({program} {})", args.join(" "));
    }
    Ok(())
}

/// Installs the package's tools once, builds it, and returns the component's path.
pub(super) fn build(dir: &Path) -> Result<PathBuf> {
    if !dir.join("node_modules").is_dir() {
        let install = if dir.join("package-lock.json").is_file() {
            ["ci", "--no-audit", "--no-fund"]
        } else {
            ["install", "--no-audit", "--no-fund"]
        };
        run(dir, "npm", &install, "installing the build tools")?;
    }
    run(
        dir,
        "npm",
        &["run", "--silent", "build"],
        "building the component",
    )?;
    let out = dir.join("target/kefu/plugin.wasm");
    if !out.is_file() {
        bail!("`npm run build` wrote no {}", out.display());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_typescript_plugin_imports_the_contract_this_kefu_carries() {
        let dir = std::env::temp_dir().join(format!("kefu-js-new-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        scaffold(&dir, "returns", true).unwrap();
        let source = std::fs::read_to_string(dir.join("src/plugin.ts")).unwrap();
        let version = plugin_sdk::wit_version().unwrap();
        assert!(
            source.contains(&format!("'kefu:plugin/orders@{version}'")),
            "{source}"
        );
        assert!(!source.contains("{wit_version}"));
        let package: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("package.json")).unwrap())
                .unwrap();
        assert_eq!(package["name"], "returns");
        assert!(package["devDependencies"]["typescript"].is_string());
        assert!(dir.join("vendor/wit/plugin.wit").is_file());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
