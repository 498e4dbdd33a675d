//! `cargo xtask`: builds and checks kefu. Every command installs what it is missing first
//! and says what it does.
//!
//! - `demo`: build everything and run the runtime with the demo merchant on :8080;
//! - `test`: what CI runs: format, lints, unit and integration tests, the browser e2e test;
//! - `build`: the wasm bundles (widget, intent model) and the plugins into `dist/`;
//! - `train` / `eval`: the intent model;
//! - `load`: a load test of the runtime (`kefu-load` against a demo server it starts).

mod bench_plugins;
mod budget;
mod build;
mod load;
mod minify;
mod tools;

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(name = "cargo xtask", about = "Build, run and test kefu")]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Debug, Subcommand)]
enum Cmd {
    /// Build everything and run the demo on http://127.0.0.1:8080.
    Demo {
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        listen: String,
    },
    /// Run every check CI runs: fmt, clippy, tests, the browser end-to-end test.
    Test,
    /// Build the widget, the in-browser model bundle and the plugins into dist/.
    Build,
    /// Benchmarks: the intent model natively (criterion) and in the browser (kefu's wasm vs
    /// onnxruntime-web, headless Chromium); the panel's on-device help (keystroke →
    /// suggestions, send → FAQ answer). Numbers go into docs/benchmarks.md.
    Bench,
    /// Load test: build kefu and kefu-load, start `kefu serve --demo` on a free port, run
    /// kefu-load against it (arguments after the xtask's own go to kefu-load, e.g.
    /// `--sessions 1000 --duration 60s --think 2s..8s --mix flood`), stop the server.
    /// Numbers go into docs/benchmarks.md.
    Load(load::LoadCmd),
    /// Train the intent model, the frustration tone model and the topic models from
    /// ../shared/data (or --data), widget/model/data, widget/model/frustration and
    /// widget/model/topics.
    Train {
        /// Directory with the public data sets (bitext-27k, clinc150, crosswoz-zh).
        #[arg(long, env = "KEFU_DATA", default_value = "../shared/data")]
        data: PathBuf,
        /// Extra `label<TAB>text` training files, e.g. the messages agents relabelled in
        /// the console (`data/train_agent_labels.tsv`). Repeat, or `:`-separate in the
        /// environment variable.
        #[arg(long, env = "KEFU_TRAIN_EXTRA", value_delimiter = ':')]
        extra: Vec<PathBuf>,
    },
    /// Train only the topic models (widget/model/topics.bin) from widget/model/topics and the
    /// intent model's ordinary shop sentences (widget/model/data/train_*.tsv), leaving the
    /// intent model as it is; cut-offs set on a held-out split, figures on another. Seeded
    /// (KEFU_TRAIN_SEED): same data, same bytes.
    TrainTopics,
    /// Write the pinyin lexicon (widget/intent/src/pinyin_*) from the project's own Chinese
    /// and English training sentences (widget/model/data, widget/model/topics) and the shop's
    /// words (widget/model/pinyin_vocabulary.txt).
    Pinyin,
    /// Evaluate widget/model/intent.onnx and print the report; with --conversations, run
    /// the multi-turn dialogues of tests/conversations against the real engine instead.
    Eval {
        /// Directory with the public data sets.
        #[arg(long, env = "KEFU_DATA", default_value = "../shared/data")]
        data: PathBuf,
        /// Evaluate whole conversations (the development set, and any set written apart
        /// that is named with --set or --every-set; those are reported apart).
        #[arg(long)]
        conversations: bool,
        /// With --conversations: the sets written apart to measure too, by name
        /// (`--set blind,fresh`; the name of `tests/conversations/<name>_en.toml`).
        #[arg(long = "set", value_delimiter = ',', requires = "conversations")]
        sets: Vec<String>,
        /// With --conversations: every set written apart.
        #[arg(long, requires = "conversations", conflicts_with = "sets")]
        every_set: bool,
    },
}

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// The dialogue sets written apart from the development set, by name: every
/// `<name>_en.toml` of `dir` but `dev`'s, in order of name.
fn sets_written_apart(dir: &Path) -> Result<Vec<String>> {
    let mut sets = Vec::new();
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if let Some(set) = name.strip_suffix("_en.toml")
            && set != "dev"
        {
            sets.push(set.to_string());
        }
    }
    sets.sort();
    Ok(sets)
}

/// Numbered progress: every long step of a command prints `==> [3/9] what` before it starts,
/// and the cargo steps show cargo's own progress (none runs with `--quiet`), so nothing sits
/// silent for minutes on a fresh machine.
#[derive(Debug)]
pub struct Steps {
    done: usize,
    total: usize,
}

impl Steps {
    /// A command of `total` steps.
    pub fn new(total: usize) -> Self {
        Self { done: 0, total }
    }

    /// Announces the next step.
    pub fn start(&mut self, what: &str) {
        self.done += 1;
        debug_assert!(self.done <= self.total, "more steps than announced: {what}");
        eprintln!("\n==> [{}/{}] {what}", self.done, self.total);
    }

    /// Announces the next step and runs `cmd` as it.
    pub fn run(&mut self, what: &str, cmd: &mut Command) -> Result<()> {
        self.start(what);
        exec(what, cmd)
    }

    /// Checks that every announced step ran (a miscount is a bug in xtask).
    fn finish(self) {
        debug_assert_eq!(self.done, self.total, "steps announced and run differ");
    }
}

/// Prints what is about to happen inside the current step, then runs it.
pub fn run(what: &str, cmd: &mut Command) -> Result<()> {
    eprintln!("    {what}");
    exec(what, cmd)
}

/// Runs `cmd` (in the workspace root unless it names a directory), its output going straight
/// to the terminal, failing on a non-zero exit.
pub fn exec(what: &str, cmd: &mut Command) -> Result<()> {
    if cmd.get_current_dir().is_none() {
        cmd.current_dir(root());
    }
    let status = cmd
        .status()
        .with_context(|| format!("starting {:?}", cmd.get_program()))?;
    if !status.success() {
        bail!("{what}: failed ({status})");
    }
    Ok(())
}

/// `cargo` as invoked by the user (respects `CARGO`).
pub fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

fn main() -> Result<()> {
    match Cli::parse().command {
        Cmd::Demo { listen } => {
            let mut steps = Steps::new(2 + build::STEPS);
            tools::ensure_build_tools(&mut steps)?;
            build::all(&mut steps)?;
            // The last step serves until stopped.
            steps.run(
                "building and starting the kefu runtime (dev profile)",
                cargo().args([
                    "run",
                    "--package",
                    "kefu-runtime",
                    "--bin",
                    "kefu",
                    "--",
                    "serve",
                    "--demo",
                    "--listen",
                    &listen,
                ]),
            )
        }
        Cmd::Test => test(),
        Cmd::Load(cmd) => load::run(cmd),
        Cmd::Bench => {
            let mut steps = Steps::new(12 + build::STEPS);
            tools::ensure_build_tools(&mut steps)?;
            tools::ensure_browser(&mut steps)?;
            build::all(&mut steps)?;
            steps.run(
                "benchmarking the intent model natively (criterion, bench profile)",
                cargo().args(["bench", "--package", "kefu-intent"]),
            )?;
            steps.start("installing the browser benchmark's packages (npm ci in tests/bench)");
            if !root()
                .join("tests/bench/node_modules/onnxruntime-web")
                .is_dir()
            {
                run(
                    "npm ci in tests/bench: onnxruntime-web",
                    Command::new("npm").args([
                        "ci",
                        "--no-audit",
                        "--no-fund",
                        "--prefix",
                        "tests/bench",
                    ]),
                )?;
            }
            steps.run(
                "benchmarking the intent model in headless Chromium (kefu's wasm vs onnxruntime-web)",
                Command::new("node").arg("tests/bench/intent.mjs"),
            )?;
            let kefu = tools::build_binary(&mut steps, "kefu-runtime", "kefu")?;
            steps.run(
                "benchmarking the panel's on-device help in headless Chromium (keystroke → \
                 suggestions, send → FAQ answer on the device and from the runtime)",
                Command::new("node")
                    .arg("tests/bench/ondevice.mjs")
                    .env("KEFU_BIN", kefu),
            )?;
            plugin_bench(&mut steps)?;
            steps.finish();
            Ok(())
        }
        Cmd::Build => {
            let mut steps = Steps::new(1 + build::STEPS);
            tools::ensure_build_tools(&mut steps)?;
            build::all(&mut steps)?;
            steps.finish();
            Ok(())
        }
        Cmd::Train { data, extra } => {
            let root = root();
            let out = root.join("widget/model/intent.onnx");
            let hyper = kefu_model::train::Hyper::from_env();
            let set = kefu_model::train_and_write_with(
                &data,
                &root.join("widget/model/data"),
                &extra,
                &out,
                &hyper,
            )?;
            kefu_model::tone::train_and_write(
                &root.join("widget/model/frustration"),
                &set.train,
                &root.join("widget/model/frustration.bin"),
                hyper.seed,
            )?;
            kefu_model::topics::train_and_write(
                &root.join("widget/model/topics"),
                &root.join("widget/model/data"),
                &root.join("widget/intent/tests"),
                &root.join("widget/model/topics.bin"),
                hyper.seed,
            )?;
            let bytes = std::fs::read(&out)?;
            let classifier = kefu_intent::Classifier::load(&bytes)?;
            if let Some(path) = std::env::var_os("KEFU_TRAIN_ERRORS") {
                let report = kefu_model::eval::evaluate(&classifier, &set.eval);
                let lines: Vec<String> = report
                    .errors
                    .iter()
                    .map(|(t, g, p)| format!("{g}\t{p}\t{t}"))
                    .collect();
                std::fs::write(path, lines.join("\n"))?;
            }
            println!("{}", kefu_model::report(&classifier, &set));
            Ok(())
        }
        Cmd::Pinyin => {
            let root = root();
            let data = root.join("widget/model/data");
            let topics = root.join("widget/model/topics");
            let zh = [
                data.join("train_zh.tsv"),
                data.join("train_zh_more.tsv"),
                data.join("train_zh_real.tsv"),
                topics.join("zh.tsv"),
            ];
            let en = [
                data.join("train_en.tsv"),
                data.join("train_en_more.tsv"),
                data.join("train_en_real.tsv"),
                data.join("train_en_situations.tsv"),
                data.join("train_en_vocab.tsv"),
                data.join("train_short.tsv"),
                topics.join("en.tsv"),
            ];
            kefu_model::pinyin::write(
                &zh.iter().map(PathBuf::as_path).collect::<Vec<_>>(),
                &root.join("widget/model/pinyin_vocabulary.txt"),
                &en.iter().map(PathBuf::as_path).collect::<Vec<_>>(),
                &root.join("widget/intent/src"),
            )
        }
        Cmd::TrainTopics => {
            let root = root();
            let seed = kefu_model::train::Hyper::from_env().seed;
            kefu_model::topics::train_and_write(
                &root.join("widget/model/topics"),
                &root.join("widget/model/data"),
                &root.join("widget/intent/tests"),
                &root.join("widget/model/topics.bin"),
                seed,
            )?;
            Ok(())
        }
        Cmd::Eval {
            conversations: true,
            sets,
            every_set,
            ..
        } => {
            let written_apart = sets_written_apart(&root().join("tests/conversations"))?;
            let sets = if every_set {
                written_apart.clone()
            } else {
                sets
            };
            let mut run = cargo();
            run.args(["test", "--package", "kefu-tests", "--test", "conversations"])
                .args(["--", "--nocapture", "--test-threads", "1"])
                .env("KEFU_CONVERSATIONS_VERBOSE", "1");
            for set in &sets {
                if !written_apart.contains(set) {
                    bail!(
                        "no set called {set:?} in tests/conversations; the sets are: {}",
                        written_apart.join(", ")
                    );
                }
                run.env(format!("KEFU_CONVERSATIONS_{}", set.to_uppercase()), "1");
            }
            exec(
                "evaluating conversations (tests/conversations, real engine)",
                &mut run,
            )
        }
        Cmd::Eval { data, .. } => {
            let root = root();
            let report = kefu_model::evaluate_file(
                &root.join("widget/model/intent.onnx"),
                &data,
                &root.join("widget/model/data"),
            )?;
            println!("{report}");
            Ok(())
        }
    }
}

/// kefu's plugin host and Extism running the same order-status logic, and the orders
/// plugin in TypeScript and Python next to the Rust one, in one run: five steps.
fn plugin_bench(steps: &mut Steps) -> Result<()> {
    let kefu = tools::build_binary(steps, "kefu-runtime", "kefu")?;
    let (languages, js_loop) = bench_plugins::build(steps, &kefu)?;
    steps.run(
        "benchmarking plugin calls on kefu's host (fresh sandbox per call, bench profile)",
        cargo()
            .args([
                "bench",
                "--package",
                "kefu-runtime",
                "--bench",
                "plugin_calls",
            ])
            .env("KEFU_BIN", &kefu)
            .env("KEFU_BENCH_PLUGINS", languages)
            .env("KEFU_BENCH_JS_LOOP", js_loop),
    )?;
    let extism = root().join("bench/extism");
    let target = tools::target_dir().join("extism");
    steps.run(
        "building the same plugin logic for Extism (bench/extism: Extism 1.30, its own wasmtime)",
        cargo()
            .current_dir(&extism)
            .env("CARGO_TARGET_DIR", &target)
            .args(["build", "--release", "--package", "kefu-bench-extism-guest"])
            .args(["--target", "wasm32-unknown-unknown"]),
    )?;
    steps.run(
        "benchmarking plugin calls on Extism",
        cargo()
            .current_dir(&extism)
            .env("CARGO_TARGET_DIR", &target)
            .args(["run", "--release", "--package", "kefu-bench-extism", "--"])
            .arg(target.join("wasm32-unknown-unknown/release/kefu_bench_extism_guest.wasm"))
            .args(["20000", "3"]),
    )
}

fn test() -> Result<()> {
    let mut steps = Steps::new(11 + build::STEPS);
    tools::ensure_build_tools(&mut steps)?;
    tools::ensure_browser(&mut steps)?;
    steps.run(
        "checking formatting (cargo fmt --check)",
        cargo().args(["fmt", "--all", "--check"]),
    )?;
    build::all(&mut steps)?;
    steps.run(
        "linting native crates (cargo clippy -D warnings)",
        cargo().args(["clippy", "--all-targets", "--", "-D", "warnings"]),
    )?;
    steps.run(
        "linting browser and plugin crates (cargo clippy --target wasm32-unknown-unknown)",
        cargo().args([
            "clippy",
            "--target",
            "wasm32-unknown-unknown",
            "--package",
            "kefu-widget",
            "--package",
            "kefu-intent-web",
            "--package",
            "kefu-plugin-orders",
            "--",
            "-D",
            "warnings",
        ]),
    )?;
    // The panel's state is plain data: its reducer is tested natively (yew and gloo compile
    // on the host).
    steps.run(
        "running the chat panel's reducer tests natively (cargo test -p kefu-widget --lib)",
        cargo().args(["test", "--package", "kefu-widget", "--lib"]),
    )?;
    // The default members: the wasm-only crates are covered by clippy above and the browser
    // tests below. The plugins the tests load come from kefu-test-plugins' build script, not
    // from dist/.
    steps.run(
        "running unit and integration tests (cargo test)",
        cargo().arg("test"),
    )?;
    // The same tests on PostgreSQL: the script starts a throw-away cluster (installing
    // Debian's postgresql if it is missing), each store and each test runtime makes a schema
    // of its own in it. Left out: the tests of the command line and of deploying through
    // it (`cli`, `deploy`), whose child processes and SQL trigger use the data
    // directory's SQLite file, `load`, and `plugins` and `transcripts`, whose plugin calls
    // have deadlines of tens of milliseconds that a loaded machine's PostgreSQL round trips
    // have missed (both pass on PostgreSQL otherwise).
    steps.run(
        "running the unit, HTTP and conversation tests on PostgreSQL (scripts/postgres.sh)",
        Command::new("bash")
            .arg(root().join("scripts/postgres.sh"))
            .arg("run")
            .arg(cargo().get_program())
            // No `--package`: the default members' test build above, with the same features
            // unified, so nothing compiles again (naming two packages recompiled wasmtime,
            // sqlx and tract: ten minutes from an empty cache). The other members' unit tests
            // come along and take under two seconds.
            .args(["test", "--lib"])
            .args([
                "--test",
                "limits",
                "--test",
                "teaching",
                "--test",
                "e2e",
                "--test",
                "conversations",
            ]),
    )?;
    // Two `kefu serve` nodes sharing one throw-away PostgreSQL and one throw-away NATS
    // server (each script installs Debian's package when it is missing): live messages both
    // ways, presence, a node killed with SIGKILL, a deploy on one node serving on the other.
    steps.run(
        "running the two-node tests on PostgreSQL and NATS (scripts/postgres.sh, scripts/nats.sh)",
        Command::new("bash")
            .arg(root().join("scripts/postgres.sh"))
            .arg("run")
            .arg("bash")
            .arg(root().join("scripts/nats.sh"))
            .arg("run")
            .arg(cargo().get_program())
            .args(["test", "--test", "multinode"])
            // One pair of nodes at a time: the deploy must serve on the other node within a
            // second, which a 2-core machine running four pairs at once does not measure.
            .args(["--", "--test-threads=1"]),
    )?;
    let kefu = tools::test_build_binary(&mut steps, "kefu")?;
    steps.run(
        "running the browser end-to-end tests (headless Chromium, widget from dist/)",
        Command::new("node")
            .args(["--test", "--test-concurrency=1"])
            .arg("tests/e2e/")
            .env("KEFU_BIN", kefu),
    )?;
    steps.finish();
    eprintln!("\nall checks passed");
    Ok(())
}
