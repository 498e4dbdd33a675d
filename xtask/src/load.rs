//! `cargo xtask load`: builds `kefu` and `kefu-load` (dev profile, or `--release`), starts
//! `kefu serve --demo` on a free port with a throw-away data directory (or `--nodes 2`: two
//! of them on one PostgreSQL and one NATS server, sessions spread over both), runs
//! `kefu-load` against it with the servers' pids (so the report has their memory), and stops
//! the servers. Everything after the xtask's own flags goes to `kefu-load` (`--sessions`,
//! `--duration`, `--think`, `--mix`, `--flooders`, `--json`, …; `cargo xtask load -- --help`
//! lists them).
//!
//! Two nodes need a database and a bus they share: `--database postgres://…` and
//! `--nats nats://…`, or the variables `scripts/postgres.sh run` and `scripts/nats.sh run`
//! set (`KEFU_TEST_DATABASE`, `KEFU_TEST_NATS`):
//! `scripts/postgres.sh run scripts/nats.sh run cargo xtask load --release --nodes 2 -- …`.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use crate::{Steps, build, cargo, exec, root};

/// How long the server may take to answer `/healthz` after starting (a debug build loads
/// the models and compiles the plugins first).
const STARTUP: Duration = Duration::from_secs(120);

/// `cargo xtask load`'s own flags.
#[derive(Debug, clap::Args)]
pub struct LoadCmd {
    /// Build kefu and kefu-load with the `release` profile (the server's production build)
    /// instead of the dev profile.
    #[arg(long)]
    release: bool,
    /// Use this kefu binary instead of building one (e.g. to compare two builds).
    #[arg(long)]
    kefu_bin: Option<PathBuf>,
    /// How many `kefu serve` nodes to start (1 or 2); the sessions are spread over them
    /// (session i talks to node i mod n). Two nodes need `--database` and `--nats`.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=2))]
    nodes: u8,
    /// The database every node uses (`postgres://…`); default: with one node, a SQLite
    /// file in the throw-away directory; with two, `KEFU_TEST_DATABASE`
    /// (`scripts/postgres.sh run` sets it).
    #[arg(long)]
    database: Option<String>,
    /// The NATS server the nodes join; default: with two nodes, `KEFU_TEST_NATS`
    /// (`scripts/nats.sh run` sets it).
    #[arg(long)]
    nats: Option<String>,
    /// Arguments for kefu-load.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    load_args: Vec<String>,
}

/// Runs the command.
pub fn run(cmd: LoadCmd) -> Result<()> {
    if cmd.load_args.iter().any(|a| a == "--help" || a == "-h") {
        // Only kefu-load's options: no server needed for that.
        return exec(
            "kefu-load --help",
            cargo().args(["run", "--quiet", "--package", "kefu-load", "--", "--help"]),
        );
    }
    let profile = if cmd.release { "release" } else { "dev" };
    let shared = Shared::for_nodes(cmd.nodes, cmd.database.clone(), cmd.nats.clone())?;
    let mut label = match &cmd.kefu_bin {
        Some(path) => format!("server: {}", path.display()),
        None => format!("server: {profile} profile"),
    };
    label.push_str(&format!(", {} node(s), {}", cmd.nodes, shared.describe()));
    let mut steps = Steps::new(build::PLUGIN_STEPS + 3);
    build::demo_plugins(&mut steps)?;
    let mut bins = build_binaries(&mut steps, profile, cmd.kefu_bin.is_none())?;
    let kefu = match cmd.kefu_bin {
        Some(path) => path,
        None => bins.remove("kefu"),
    };
    let load = bins.remove("kefu-load");

    steps.start(&format!(
        "starting {} × `{} serve --demo` on free ports",
        cmd.nodes,
        kefu.display()
    ));
    let mut servers = Vec::new();
    // One after the other: the first loads the demo shop into a shared database, the
    // second finds it there.
    for index in 0..cmd.nodes {
        let server = Server::start(&kefu, index, &shared)?;
        eprintln!(
            "    node {index} listening on {} (pid {}, data in {})",
            server.addr,
            server.child.id(),
            server.dir.display()
        );
        servers.push(server);
    }

    steps.start("running kefu-load");
    let urls: Vec<String> = servers.iter().map(|s| format!("ws://{}", s.addr)).collect();
    let pids: Vec<String> = servers.iter().map(|s| s.child.id().to_string()).collect();
    let mut run = Command::new(&load);
    run.arg("--url")
        .arg(urls.join(","))
        .arg("--server-pid")
        .arg(pids.join(","));
    if !cmd.load_args.iter().any(|a| a == "--label") {
        run.args(["--label", &label]);
    }
    run.args(&cmd.load_args);
    let result = exec("kefu-load", &mut run);
    drop(servers);
    steps.finish();
    result
}

/// The executables of one build, by target name.
struct Binaries(Vec<(String, PathBuf)>);

impl Binaries {
    fn remove(&mut self, name: &str) -> PathBuf {
        let i = self
            .0
            .iter()
            .position(|(n, _)| n == name)
            .expect("every binary built is listed");
        self.0.swap_remove(i).1
    }
}

/// Builds kefu (unless told not to) and kefu-load in one cargo call and returns exactly
/// the executables it produced (not `target/<profile>/…`, which another checkout sharing
/// the target directory may have overwritten since).
fn build_binaries(steps: &mut Steps, profile: &str, with_kefu: bool) -> Result<Binaries> {
    let mut wanted = vec![("kefu-load", "kefu-load")];
    if with_kefu {
        wanted.push(("kefu-runtime", "kefu"));
    }
    let names: Vec<&str> = wanted.iter().map(|(_, bin)| *bin).collect();
    steps.start(&format!(
        "building {} ({profile} profile)",
        names.join(" and ")
    ));
    let mut build = cargo();
    build.args([
        "build",
        "--profile",
        profile,
        "--message-format=json-render-diagnostics",
    ]);
    for (package, bin) in &wanted {
        build.args(["--package", package, "--bin", bin]);
    }
    let out = build
        .current_dir(root())
        .stderr(Stdio::inherit())
        .output()
        .context("starting cargo build")?;
    if !out.status.success() {
        bail!("building {} failed", names.join(" and "));
    }
    let found: Vec<(String, PathBuf)> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|msg| msg["reason"] == "compiler-artifact")
        .filter_map(|msg| {
            let name = msg["target"]["name"].as_str()?;
            let exe = msg["executable"].as_str()?;
            names
                .contains(&name)
                .then(|| (name.to_string(), PathBuf::from(exe)))
        })
        .collect();
    for name in &names {
        if !found.iter().any(|(n, _)| n == name) {
            bail!("cargo reported no executable for {name}");
        }
    }
    Ok(Binaries(found))
}

/// What the nodes share: the database (none: each its own SQLite file) and the NATS server.
struct Shared {
    database: Option<String>,
    nats: Option<String>,
}

impl Shared {
    fn for_nodes(nodes: u8, database: Option<String>, nats: Option<String>) -> Result<Self> {
        let from_env = |var: &str| std::env::var(var).ok().filter(|v| !v.is_empty());
        if nodes == 1 {
            return Ok(Self { database, nats });
        }
        let database = database.or_else(|| from_env("KEFU_TEST_DATABASE"));
        let nats = nats.or_else(|| from_env("KEFU_TEST_NATS"));
        match (database, nats) {
            (Some(database), Some(nats)) if database.starts_with("postgres") => Ok(Self {
                database: Some(database),
                nats: Some(nats),
            }),
            _ => bail!(
                "two nodes share a PostgreSQL database and a NATS server: give --database \
                 postgres://… and --nats nats://…, or run under `scripts/postgres.sh run \
                 scripts/nats.sh run cargo xtask load --nodes 2 …`"
            ),
        }
    }

    fn describe(&self) -> String {
        let database = match &self.database {
            Some(url) if url.starts_with("postgres") => "PostgreSQL",
            Some(_) => "given database",
            None => "SQLite",
        };
        match &self.nats {
            Some(_) => format!("{database} + NATS"),
            None => database.to_string(),
        }
    }
}

/// A `kefu serve --demo` child with its own data directory; stopped and cleaned up on drop.
struct Server {
    child: Child,
    addr: SocketAddr,
    dir: PathBuf,
}

impl Server {
    fn start(kefu: &Path, index: u8, shared: &Shared) -> Result<Self> {
        let root = root();
        // A port the kernel just handed out and took back: free unless something grabs it
        // in the next milliseconds, which the health check below would notice.
        let addr = TcpListener::bind("127.0.0.1:0")?.local_addr()?;
        let dir = std::env::temp_dir().join(format!("kefu-load-{}-{index}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir)?;
        let log = std::fs::File::create(dir.join("server.log"))?;
        let mut command = Command::new(kefu);
        command.args(["serve", "--demo", "--listen", &addr.to_string()]);
        if let Some(database) = &shared.database {
            command.args(["--database", database]);
        }
        if let Some(nats) = &shared.nats {
            command.args(["--nats", nats]);
        }
        let child = command
            .arg("--data-dir")
            .arg(dir.join("data"))
            .arg("--plugins-dir")
            .arg(root.join("dist/plugins"))
            .arg("--www-dir")
            .arg(root.join("www"))
            .arg("--assets-dir")
            .arg(root.join("dist"))
            // Every session comes from this machine's one address, where real shoppers come
            // from many: the per-address limits are off, the per-conversation ones hold.
            .args([
                "--max-chat-sockets-per-ip",
                "0",
                "--max-messages-per-ip-per-minute",
                "0",
            ])
            // Per-request logging would be part of what is measured.
            .env("RUST_LOG", "warn")
            .stdin(Stdio::null())
            .stdout(log.try_clone()?)
            .stderr(log)
            .spawn()
            .with_context(|| format!("starting {}", kefu.display()))?;
        let mut server = Self { child, addr, dir };
        server.wait_healthy()?;
        Ok(server)
    }

    fn wait_healthy(&mut self) -> Result<()> {
        let started = Instant::now();
        while started.elapsed() < STARTUP {
            if let Some(status) = self.child.try_wait()? {
                bail!(
                    "the server exited ({status}) before answering; its log:\n{}",
                    self.log_tail()
                );
            }
            if healthz(self.addr) {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        bail!(
            "the server did not answer /healthz within {STARTUP:?}; its log:\n{}",
            self.log_tail()
        )
    }

    fn log_tail(&self) -> String {
        let log = std::fs::read_to_string(self.dir.join("server.log")).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        lines[lines.len().saturating_sub(30)..].join("\n")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // SIGKILL: the data directory is thrown away, nothing needs a clean shutdown.
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Whether `GET /healthz` answers 200.
fn healthz(addr: SocketAddr) -> bool {
    let Ok(mut tcp) = TcpStream::connect_timeout(&addr, Duration::from_secs(1)) else {
        return false;
    };
    let _ = tcp.set_read_timeout(Some(Duration::from_secs(5)));
    let request = format!("GET /healthz HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    if tcp.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut head = [0u8; 12];
    tcp.read_exact(&mut head).is_ok() && head.starts_with(b"HTTP/1.1 200")
}
