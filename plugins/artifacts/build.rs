//! Compiles the plugins tests load and writes their components and `plugins.rs` (the
//! constants) into `OUT_DIR`. See the crate documentation.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::{env, fs};

use kefu_componentize::{WASM_PROFILE, WASM_TARGET, componentize_file, module_path};

/// A plugin under `plugins/`.
struct Plugin {
    /// Its directory under `plugins/`, and the name of its test and constants.
    dir: &'static str,
    /// Its crate.
    krate: &'static str,
    /// Whether it ships a `manifest.toml`: the reference plugins do; the hostile one gets its
    /// manifests from the tests, which grant it what each case needs.
    reference: bool,
}

const PLUGINS: &[Plugin] = &[
    Plugin {
        dir: "orders",
        krate: "kefu-plugin-orders",
        reference: true,
    },
    Plugin {
        dir: "refunds",
        krate: "kefu-plugin-refunds",
        reference: true,
    },
    Plugin {
        dir: "catalog",
        krate: "kefu-plugin-catalog",
        reference: true,
    },
    Plugin {
        dir: "hostile",
        krate: "kefu-plugin-hostile",
        reference: false,
    },
];

fn main() {
    let manifest_dir = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let root = manifest_dir
        .parent()
        .and_then(Path::parent)
        .expect("plugins/artifacts lives two levels below the workspace root")
        .to_path_buf();
    // Checkouts of kefu that share a target directory (worktrees, CI clones) share this
    // script's OUT_DIR too: cargo hashes a workspace crate by its path inside the workspace,
    // not on disk. So everything this script writes goes below a directory of this checkout's
    // own, and one checkout's build never rewrites the plugins another one's tests are reading.
    let checkout = {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        root.hash(&mut hasher);
        format!("checkout-{:016x}", hasher.finish())
    };
    let out_root = PathBuf::from(env::var_os("OUT_DIR").expect("set by cargo"));

    // Relative to this package, so cargo compares the files of the checkout it builds.
    for plugin in PLUGINS {
        rerun_if_changed(&format!("../{}", plugin.dir));
    }
    for path in [
        "../sdk",
        "../wit",
        "../../Cargo.toml",
        "../../Cargo.lock",
        "../../.cargo/config.toml",
    ] {
        rerun_if_changed(path);
    }

    ensure_wasm_target();
    let target_dir = nested_target_dir(&out_root).join(&checkout);
    build(&root, &target_dir);

    let out_dir = out_root.join(&checkout);
    let mut constants = String::new();
    let reference_dir = out_dir.join("plugins");
    let _ = fs::remove_dir_all(&reference_dir);
    for plugin in PLUGINS {
        let component = componentize_file(&module_path(&target_dir, WASM_PROFILE, plugin.krate))
            .unwrap_or_else(|e| fail(&format!("{}: {e:#}", plugin.krate)));
        let dir = if plugin.reference {
            reference_dir.join(plugin.dir)
        } else {
            out_dir.join("test-plugins").join(plugin.dir)
        };
        fs::create_dir_all(&dir).expect("creating the plugin's directory in OUT_DIR");
        let wasm = dir.join("plugin.wasm");
        fs::write(&wasm, &component).expect("writing the component");
        let name = plugin.dir.to_uppercase();
        let source = root.join("plugins").join(plugin.dir);
        writeln!(
            constants,
            "/// The component of `plugins/{}` ({} bytes).\npub const {name}: &str = {:?};",
            plugin.dir,
            component.len(),
            path_str(&wasm),
        )
        .unwrap();
        if plugin.reference {
            let manifest = dir.join("manifest.toml");
            fs::copy(source.join("manifest.toml"), &manifest).expect("copying the manifest");
            writeln!(
                constants,
                "/// The manifest of `plugins/{}` (a copy beside [`{name}`]).\n\
                 pub const {name}_MANIFEST: &str = {:?};",
                plugin.dir,
                path_str(&manifest),
            )
            .unwrap();
        }
    }
    let names: Vec<&str> = PLUGINS.iter().map(|p| p.dir).collect();
    write!(
        constants,
        "/// The reference plugins laid out as the runtime loads them (like `dist/plugins`):\n\
         /// `<name>/plugin.wasm` and `<name>/manifest.toml`. Pass it as `plugins_dir`.\n\
         pub const PLUGINS_DIR: &str = {:?};\n\n\
         /// Calls `$mac!(name)` for every plugin built here ({}): with a macro asserting that\n\
         /// `self::name` exists, a plugin without a test of that name does not compile.\n\
         #[macro_export]\n\
         macro_rules! foreach_plugin {{\n    ($mac:ident) => {{\n{}    }};\n}}\n",
        path_str(&reference_dir),
        names.join(", "),
        names
            .iter()
            .map(|n| format!("        $mac!({n});\n"))
            .collect::<String>(),
    )
    .unwrap();
    fs::write(out_root.join("plugins.rs"), constants).expect("writing plugins.rs");
}

fn rerun_if_changed(path: &str) {
    println!("cargo::rerun-if-changed={path}");
}

fn path_str(path: &Path) -> &str {
    path.to_str()
        .unwrap_or_else(|| fail(&format!("{} is not UTF-8", path.display())))
}

/// Stops the build with `message` (cargo shows a build script's stderr when it fails).
fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    std::process::exit(1)
}

/// Fails with the command that fixes it when the toolchain cannot compile for wasm32.
fn ensure_wasm_target() {
    let rustc = env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let libdir = Command::new(&rustc)
        .args(["--print", "target-libdir", "--target", WASM_TARGET])
        .output()
        .ok()
        .filter(|out| out.status.success())
        .map(|out| PathBuf::from(String::from_utf8_lossy(&out.stdout).trim()));
    if !libdir.is_some_and(|dir| dir.is_dir()) {
        fail(&format!(
            "the test plugins are compiled for {WASM_TARGET}, which this Rust toolchain \
             cannot build for: run `rustup target add {WASM_TARGET}` (or `cargo xtask test`, \
             which installs it), then build again"
        ));
    }
}

/// A target directory of its own: the cargo running this script holds the lock on its own
/// target directory until the script ends, so a nested cargo using it would wait forever.
/// Beside the shared one when `CARGO_TARGET_DIR` is set (kept across `cargo clean -p` and
/// shared by the profiles that run this script), else inside `OUT_DIR`. The caller adds a
/// directory per checkout: cargo would otherwise take one checkout's compiled plugin for
/// another's whenever the other's sources are older.
fn nested_target_dir(out_dir: &Path) -> PathBuf {
    // A relative CARGO_TARGET_DIR is relative to where cargo was started, unknown here.
    env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .filter(|dir| dir.is_absolute())
        .map_or_else(|| out_dir.join("target"), |dir| dir.join("test-plugins"))
}

/// `cargo build --profile wasm --target wasm32-unknown-unknown` of every plugin, at once.
fn build(root: &Path, target_dir: &Path) {
    let cargo = env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.current_dir(root)
        .arg("build")
        .arg("--manifest-path")
        .arg(root.join("Cargo.toml"))
        .args(["--profile", WASM_PROFILE, "--target", WASM_TARGET])
        .arg("--target-dir")
        .arg(target_dir);
    for plugin in PLUGINS {
        cmd.args(["--package", plugin.krate]);
    }
    // Cargo sets these for this script: the flags of the host build (which would replace the
    // wasm32 flags in .cargo/config.toml) and, under `cargo clippy`, clippy as the compiler
    // of workspace crates (the plugins are linted by `cargo xtask test` on their own).
    cmd.env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("RUSTC_WORKSPACE_WRAPPER")
        .env_remove("CARGO_TARGET_DIR")
        // Cargo reads build script output on stdout; the nested cargo's belongs on stderr.
        .stdout(Stdio::from(std::io::stderr()));
    let status = cmd
        .status()
        .unwrap_or_else(|e| fail(&format!("starting cargo: {e}")));
    if !status.success() {
        fail(&format!(
            "building the test plugins for {WASM_TARGET} failed ({status}); the output above \
             says why"
        ));
    }
}
