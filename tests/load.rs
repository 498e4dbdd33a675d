//! The load generator (`kefu-load`, `cargo xtask load`) against a real runtime on a free
//! port: a short run must answer every turn, compute its percentiles, read the server's
//! memory and keep flooders apart from shoppers. The figures themselves are measured with
//! `cargo xtask load` and recorded in docs/benchmarks.md, not asserted here.

use std::path::PathBuf;
use std::time::Duration;

use kefu_load::{LoadArgs, ThinkTime};
use kefu_runtime::app::{ServeArgs, build_app};

struct Runtime {
    addr: std::net::SocketAddr,
    data_dir: PathBuf,
}

impl Drop for Runtime {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.data_dir);
    }
}

/// A demo runtime with the reference plugins, in this process.
async fn start(name: &str) -> Runtime {
    let data_dir =
        std::env::temp_dir().join(format!("kefu-load-test-{}-{name}", std::process::id()));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let args = ServeArgs::demo_in(
        addr,
        data_dir.clone(),
        root.join("www"),
        PathBuf::from(kefu_test_plugins::PLUGINS_DIR),
    );
    let app = build_app(&args, addr).await.unwrap();
    tokio::spawn(async move { axum::serve(listener, kefu_runtime::app::router(app)).await });
    Runtime { addr, data_dir }
}

fn quick(rt: &Runtime, sessions: usize) -> LoadArgs {
    let mut args = LoadArgs::new(&format!("ws://{}", rt.addr), sessions);
    args.think = ThinkTime::parse("0").unwrap();
    args.ramp = Duration::ZERO;
    args.duration = Duration::from_secs(30);
    args.quiet = true;
    args
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_short_load_run_answers_every_turn_and_measures_it() {
    let rt = start("short").await;
    let mut args = quick(&rt, 5);
    args.turns = Some(3);
    // The runtime runs in this process, so this is the process whose memory is read.
    args.server_pid = vec![std::process::id()];
    let report = kefu_load::run(args).await.unwrap();

    let shoppers = report.group("shoppers").expect("the shoppers' group");
    assert!(shoppers.errors.is_empty(), "{report}");
    assert_eq!(shoppers.turns, 15, "{report}");
    assert!(shoppers.conversations >= 5, "{report}");
    assert_eq!(shoppers.turns_by_kind.values().sum::<u64>(), 15);
    let turn = shoppers.turn_latency.expect("turn percentiles");
    let ack = shoppers.ack_latency.expect("ack percentiles");
    assert!(turn.p50_ms > 0.0 && turn.p50_ms <= turn.p90_ms, "{turn:?}");
    assert!(
        turn.p90_ms <= turn.p99_ms && turn.p99_ms <= turn.max_ms,
        "{turn:?}"
    );
    // The turn ends with its last message, after the ack.
    assert!(ack.p50_ms <= turn.p50_ms, "{ack:?} {turn:?}");
    assert!(shoppers.turns_per_s > 0.0);
    let memory = report.memory.as_ref().expect("the server's memory");
    assert!(
        memory.before_kb > 0 && memory.peak_kb >= memory.before_kb,
        "{memory:?}"
    );
    assert!(report.group("flooders").is_none());
    let table = report.to_string();
    assert!(
        table.contains("p99") && table.contains("shoppers"),
        "{table}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn flooders_are_reported_apart_from_the_shoppers() {
    let rt = start("flood").await;
    let mut args = quick(&rt, 2);
    args.turns = Some(2);
    args.flooders = Some(1);
    args.duration = Duration::from_millis(1500);
    let report = kefu_load::run(args).await.unwrap();

    let shoppers = report.group("shoppers").unwrap();
    assert_eq!(shoppers.turns, 4, "{report}");
    assert!(shoppers.errors.is_empty(), "{report}");
    let flooders = report.group("flooders").expect("the flooders' group");
    assert_eq!(flooders.sockets, 1);
    // Answered or refused by the limits: either way the flood got through to the runtime
    // and was counted on its own side.
    assert!(flooders.turns + flooders.limited > 4, "{report}");
}
