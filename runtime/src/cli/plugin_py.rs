//! Python plugins: `kefu plugin new --lang python` and their build.
//!
//! The plugin is `src/app.py` implementing the `plugin` world's `WitWorld`. `kefu plugin
//! build` keeps componentize-py (from PyPI, the version below) in the plugin's own `.venv`,
//! writes typed bindings from the WIT into `typings/` for editors, and builds the component
//! with WASI stubbed out (`--stub-wasi`): a kefu plugin reaches the outside only through
//! kefu's imports, so the component imports nothing else, and the interpreter starts from
//! a snapshot taken at build time.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context as _, Result, bail};

use super::plugin_sdk;

const PYPROJECT: &str = include_str!("../plugin_template/python/pyproject.toml.txt");
const APP: &str = include_str!("../plugin_template/python/app.py.txt");

/// The componentize-py release kefu's contract is built and tested with.
const COMPONENTIZE_PY: &str = "componentize-py==0.25.1";

/// Python's interpreter fits in the same room as a JavaScript engine.
pub(super) const MEMORY_BYTES: &str = "16_777_216";

/// Whether `dir` holds a Python plugin.
pub(super) fn is_python(dir: &Path) -> bool {
    dir.join("pyproject.toml").is_file() && dir.join("src/app.py").is_file()
}

/// Writes a new Python plugin (manifest and fixtures are written by the caller).
pub(super) fn scaffold(dir: &Path, name: &str) -> Result<()> {
    std::fs::create_dir_all(dir.join("src"))?;
    std::fs::write(
        dir.join("pyproject.toml"),
        PYPROJECT.replace("{name}", name),
    )?;
    std::fs::write(dir.join("src/app.py"), APP)?;
    plugin_sdk::write_wit(&dir.join("vendor/wit"))?;
    std::fs::write(
        dir.join(".gitignore"),
        "/.venv\n/target\n/typings\n__pycache__/\n",
    )?;
    Ok(())
}

/// Runs `program` in `dir`, failing with `what` when it is missing or fails.
fn run(dir: &Path, program: &Path, args: &[&str], what: &str) -> Result<()> {
    eprintln!("==> {what}");
    let status = Command::new(program)
        .args(args)
        .current_dir(dir)
        .status()
        .with_context(|| {
            format!(
                "could not run `{}`: Python plugins need Python 3.11 or newer with venv \
                 (Debian: `apt-get install python3 python3-venv`)",
                program.display()
            )
        })?;
    if !status.success() {
        bail!("{what} failed ({} {})", program.display(), args.join(" "));
    }
    Ok(())
}

/// Prepares the build tools once, builds the plugin, and returns the component's path.
pub(super) fn build(dir: &Path) -> Result<PathBuf> {
    // The tools are run inside `dir`, by paths that must not depend on where kefu was run.
    let dir = &dir
        .canonicalize()
        .with_context(|| format!("no plugin at {}", dir.display()))?;
    let venv = dir.join(".venv");
    let tool = venv.join("bin/componentize-py");
    if !tool.is_file() {
        run(
            dir,
            Path::new("python3"),
            &["-m", "venv", ".venv"],
            "making the build environment (python3 -m venv .venv)",
        )?;
        run(
            dir,
            &venv.join("bin/pip"),
            &[
                "install",
                "--quiet",
                "--disable-pip-version-check",
                COMPONENTIZE_PY,
            ],
            &format!("installing {COMPONENTIZE_PY}"),
        )?;
    }
    let _ = std::fs::remove_dir_all(dir.join("typings"));
    run(
        dir,
        &tool,
        &["-d", "vendor/wit", "-w", "plugin", "bindings", "typings"],
        "writing typed bindings from vendor/wit into typings/",
    )?;
    std::fs::create_dir_all(dir.join("target/kefu"))?;
    run(
        dir,
        &tool,
        &[
            "-d",
            "vendor/wit",
            "-w",
            "plugin",
            "componentize",
            "--stub-wasi",
            "-p",
            "src",
            "app",
            "-o",
            "target/kefu/plugin.wasm",
        ],
        "building the component (componentize-py)",
    )?;
    Ok(dir.join("target/kefu/plugin.wasm"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_python_plugin_is_recognised_as_one() {
        let dir = std::env::temp_dir().join(format!("kefu-py-new-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        scaffold(&dir, "returns").unwrap();
        assert!(is_python(&dir));
        let project = std::fs::read_to_string(dir.join("pyproject.toml")).unwrap();
        assert!(project.contains("name = \"returns\""), "{project}");
        assert!(dir.join("vendor/wit/plugin.wit").is_file());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
