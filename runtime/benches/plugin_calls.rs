//! What a plugin call costs on kefu's host: compile, cache load, a call in a fresh sandbox
//! (p50/p99), calls per second on two threads, and a well-behaved merchant's p99 while
//! another merchant's plugin spins in an infinite loop. Prints `kefu …` lines that
//! `cargo xtask bench` puts next to Extism's (bench/extism) in docs/benchmarks.md.
//!
//! Usage: cargo bench -p kefu-runtime --bench plugin_calls [-- <calls> <seconds>]
//! (with KEFU_BIN set to a `kefu` binary, it also times the child-process compile).
//! `KEFU_BENCH_PLUGINS=dir:dir:…` adds built plugins in any language (the orders plugin in
//! TypeScript and Python, `plugins/orders-{ts,py}`, or `kefu plugin new`'s returns
//! template); `KEFU_BENCH_JS_LOOP=dir` a built JavaScript plugin with
//! `runtime/tests/fixtures/hostile.js` as the neighbour that loops into its deadline.
//! `cargo xtask bench` builds and passes all of them.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use kefu_runtime::plugins::compile::ArtifactCache;
use kefu_runtime::plugins::{MerchantData, MoneyLimits, PluginHost, PluginRequest};
use kefu_runtime::store::{
    NewRefund, OrderChange, OrderItem, OrderRecord, ProductRecord, RefundRecord,
};

/// Orders in memory: the same data Extism's side answers from a host function.
#[derive(Debug)]
struct Orders(HashMap<String, OrderRecord>);

impl MerchantData for Orders {
    fn order(&self, _m: &str, id: &str) -> Result<Option<OrderRecord>, String> {
        Ok(self.0.get(id).cloned())
    }
    fn change_order(
        &self,
        _: &str,
        _: &str,
        _: &OrderChange,
    ) -> Result<Result<(), String>, String> {
        Ok(Err("not in this benchmark".into()))
    }
    fn search_products(&self, _: &str, _: &str, _: usize) -> Result<Vec<ProductRecord>, String> {
        Ok(vec![])
    }
    fn product(&self, _: &str, _: &str) -> Result<Option<ProductRecord>, String> {
        Ok(None)
    }
    fn refunds_for_order(&self, _: &str, _: &str) -> Result<Vec<RefundRecord>, String> {
        Ok(vec![])
    }
    fn issue_refund(
        &self,
        _: &NewRefund,
        _: &MoneyLimits,
    ) -> Result<Result<String, String>, String> {
        Err("not in this benchmark".into())
    }
    fn kv_get(&self, _: &str, _: &str, _: &str) -> Result<Option<Vec<u8>>, String> {
        Ok(None)
    }
    fn kv_set(&self, _: &str, _: &str, _: &str, _: &[u8], _: u64) -> Result<bool, String> {
        Ok(false)
    }
    fn kv_delete(&self, _: &str, _: &str, _: &str) -> Result<(), String> {
        Ok(())
    }
}

fn percentiles(mut samples: Vec<Duration>) -> (f64, f64) {
    samples.sort();
    let at = |q: f64| samples[((samples.len() as f64 - 1.0) * q) as usize].as_secs_f64() * 1e6;
    (at(0.5), at(0.99))
}

fn request(intent: &str, slots: Vec<(String, String)>) -> PluginRequest {
    PluginRequest {
        intent: intent.into(),
        locale: "en".into(),
        text: "where is my order 1001?".into(),
        slots,
        owner_verified: false,
    }
}

fn main() {
    let args: Vec<String> = std::env::args().filter(|a| !a.starts_with("--")).collect();
    let calls: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(20_000);
    let seconds: u64 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(3);
    // The components kefu-test-plugins' build script made (profile wasm, like dist/).
    let wasm = std::fs::read(kefu_test_plugins::ORDERS).unwrap();
    let hostile = std::fs::read(kefu_test_plugins::HOSTILE).unwrap();
    let manifest = std::fs::read_to_string(kefu_test_plugins::ORDERS_MANIFEST).unwrap();
    let order = OrderRecord {
        id: "1001".into(),
        email: "jane@example.com".into(),
        status: "shipped".into(),
        carrier: Some("UPS".into()),
        tracking_number: Some("1Z999AA10123456784".into()),
        eta: Some("2026-11-26".into()),
        delivered_on: None,
        total_minor: 9800,
        currency: "USD".into(),
        items: vec![OrderItem {
            sku: "TEE-ORG-M".into(),
            name: "Organic cotton T-shirt".into(),
            quantity: 1,
        }],
        shipping_address: None,
    };
    let data = Arc::new(Orders(HashMap::from([("1001".to_string(), order)])));
    let host = Arc::new(PluginHost::new(data).unwrap());

    // Compiling: in this process, and the way uploads are compiled (a child process).
    let t = Instant::now();
    host.load("demo", &manifest, &wasm).unwrap();
    println!("kefu compile_ms {:.1}", t.elapsed().as_secs_f64() * 1e3);
    if let Some(compiler) = std::env::var_os("KEFU_BIN").map(PathBuf::from) {
        let dir = std::env::temp_dir().join(format!("kefu-bench-cache-{}", std::process::id()));
        let cache = ArtifactCache::new(dir.clone(), host.engine());
        let t = Instant::now();
        let (artifact, cached) = cache.artifact(&compiler, &wasm).unwrap();
        assert!(!cached);
        println!(
            "kefu child_process_compile_ms {:.1}",
            t.elapsed().as_secs_f64() * 1e3
        );
        let t = Instant::now();
        let (again, cached) = cache.artifact(&compiler, &wasm).unwrap();
        assert!(cached && again == artifact);
        host.load_precompiled("demo", &manifest, &again).unwrap();
        println!("kefu cache_load_ms {:.2}", t.elapsed().as_secs_f64() * 1e3);
        let _ = std::fs::remove_dir_all(&dir);
    }

    let plugin = host.for_intent("demo", "track_order").unwrap();
    let track = request("track_order", vec![("order-number".into(), "1001".into())]);
    let reply = host.call(&plugin, &track).unwrap();
    assert!(reply.text.contains("1Z999AA10123456784"));

    // A fresh sandbox for every call, as the runtime does.
    for _ in 0..1000 {
        host.call(&plugin, &track).unwrap();
    }
    let mut samples = Vec::with_capacity(calls);
    for _ in 0..calls {
        let t = Instant::now();
        host.call(&plugin, &track).unwrap();
        samples.push(t.elapsed());
    }
    let (p50, p99) = percentiles(samples);
    println!("kefu fresh_instance p50_us {p50:.1} p99_us {p99:.1}");

    let deadline = Instant::now() + Duration::from_secs(seconds);
    let handles: Vec<_> = (0..2)
        .map(|_| {
            let (host, plugin, track) = (host.clone(), plugin.clone(), track.clone());
            std::thread::spawn(move || {
                let mut n = 0u64;
                while Instant::now() < deadline {
                    host.call(&plugin, &track).unwrap();
                    n += 1;
                }
                n
            })
        })
        .collect();
    let total: u64 = handles.into_iter().map(|h| h.join().unwrap()).sum();
    println!(
        "kefu fresh_instance_2_threads calls_per_s {:.0}",
        total as f64 / seconds as f64
    );

    // Plugins built with `kefu plugin build` in any language, named by
    // KEFU_BENCH_PLUGINS=dir:dir:…: the orders plugin (asked about order 1001, like the Rust
    // one above) or the returns template; compile time and a fresh sandbox per call.
    for dir in std::env::var("KEFU_BENCH_PLUGINS")
        .unwrap_or_default()
        .split(':')
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
    {
        language_plugin(&host, &dir, calls, seconds);
    }

    if std::env::var_os("KEFU_BENCH_NO_HOSTILE").is_some() {
        return;
    }
    // Another merchant's plugin loops until its 50 ms deadline, over and over, on one
    // thread, while the well-behaved merchant's calls run on the other.
    // Its intents are all those its describe() lists, as the host checks at load.
    let evil_manifest = "[plugin]\nname = \"hostile\"\nversion = \"0.0.1\"\n\
        intents = [\"loop\", \"memory\", \"panic\", \"recursion\", \"huge-output\", \"read-orders\", \
        \"host-call-flood\", \"steal-money\", \"propose-refund\", \"http\", \"track_order\"]\n";
    let (p50, p99, loops) = next_to_a_loop(&host, &track, calls, evil_manifest, &hostile);
    println!(
        "kefu fresh_instance_next_to_infinite_loop p50_us {p50:.1} p99_us {p99:.1} (loops_stopped {loops})"
    );
    // The same neighbour written in JavaScript: each of its calls restores a ~10 MiB heap
    // snapshot, then spins in the interpreter until the epoch deadline stops it.
    if let Some(dir) = std::env::var_os("KEFU_BENCH_JS_LOOP").map(PathBuf::from) {
        let js = std::fs::read(dir.join("target/kefu/plugin.wasm")).unwrap();
        let js_manifest = "[plugin]\nname = \"hostile\"\nversion = \"0.0.1\"\n\
            intents = [\"loop\", \"memory\", \"recursion\", \"huge-output\", \"read-orders\", \
            \"host-call-flood\"]\n[limits]\ndeadline_ms = 50\nmemory_bytes = 16_777_216\n";
        let (p50, p99, loops) = next_to_a_loop(&host, &track, calls, js_manifest, &js);
        println!(
            "kefu fresh_instance_next_to_javascript_loop p50_us {p50:.1} p99_us {p99:.1} (loops_stopped {loops})"
        );
    }
}

/// The demo merchant's order-status calls (p50, p99 in µs) while merchant `evil`'s plugin
/// (`component`, `manifest`) runs its `loop` intent into its deadline over and over on
/// another thread; and how many of those loops the host stopped.
fn next_to_a_loop(
    host: &Arc<PluginHost>,
    track: &PluginRequest,
    calls: usize,
    manifest: &'static str,
    component: &[u8],
) -> (f64, f64, u32) {
    let plugin = host.for_intent("demo", "track_order").unwrap();
    // Compiled once; reloading it (to reset its circuit breaker) only links it again.
    let evil = Arc::new(host.engine().precompile_component(component).unwrap());
    host.load_precompiled("evil", manifest, &evil).unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let spinner = {
        let (host, stop) = (host.clone(), stop.clone());
        std::thread::spawn(move || {
            let spin = request("loop", vec![]);
            let mut n = 0u32;
            while !stop.load(Ordering::Relaxed) {
                // Reloading resets its circuit breaker: keep it hostile.
                let evil = host.load_precompiled("evil", manifest, &evil).unwrap();
                for _ in 0..4 {
                    let _ = host.call(&evil, &spin);
                    n += 1;
                }
            }
            n
        })
    };
    let mut samples = Vec::with_capacity(calls);
    for _ in 0..calls {
        let t = Instant::now();
        host.call(&plugin, track).unwrap();
        samples.push(t.elapsed());
    }
    stop.store(true, Ordering::Relaxed);
    let loops = spinner.join().unwrap();
    let (p50, p99) = percentiles(samples);
    (p50, p99, loops)
}

/// Compile time, size and fresh-sandbox calls (p50/p99, calls/s on two threads) of the
/// plugin built in `dir`, loaded for a merchant of its own.
fn language_plugin(host: &Arc<PluginHost>, dir: &std::path::Path, calls: usize, seconds: u64) {
    let wasm = std::fs::read(dir.join("target/kefu/plugin.wasm")).unwrap();
    let manifest = std::fs::read_to_string(dir.join("manifest.toml")).unwrap();
    let name = dir.file_name().unwrap().to_string_lossy().to_string();
    let t = Instant::now();
    host.load(&name, &manifest, &wasm).unwrap();
    let compile = t.elapsed().as_secs_f64() * 1e3;
    let slots = vec![("order-number".to_string(), "1001".to_string())];
    let (plugin, asked) = match host.for_intent(&name, "track_order") {
        Some(p) => (p, request("track_order", slots)),
        None => (
            host.for_intent(&name, "return_item").unwrap(),
            request("return_item", slots),
        ),
    };
    let reply = host.call(&plugin, &asked).unwrap();
    assert!(reply.text.contains("1001"), "{}", reply.text);
    for _ in 0..100 {
        host.call(&plugin, &asked).unwrap();
    }
    let n = (calls / 10).max(200);
    let mut samples = Vec::with_capacity(n);
    for _ in 0..n {
        let t = Instant::now();
        host.call(&plugin, &asked).unwrap();
        samples.push(t.elapsed());
    }
    let (p50, p99) = percentiles(samples);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let handles: Vec<_> = (0..2)
        .map(|_| {
            let (host, plugin, asked) = (host.clone(), plugin.clone(), asked.clone());
            std::thread::spawn(move || {
                let mut n = 0u64;
                while Instant::now() < deadline {
                    host.call(&plugin, &asked).unwrap();
                    n += 1;
                }
                n
            })
        })
        .collect();
    let total: u64 = handles.into_iter().map(|h| h.join().unwrap()).sum();
    println!(
        "{name} {} component_kb {} compile_ms {compile:.0} fresh_instance p50_us {p50:.1} p99_us {p99:.1} calls_per_s_2_threads {:.0}",
        asked.intent,
        wasm.len() / 1024,
        total as f64 / seconds as f64
    );
}
