//! Extism's side of `cargo xtask bench`'s plugin comparison. Prints the same lines as
//! kefu's side (runtime/benches/plugin_calls.rs) so the two go into one table.
//!
//! Usage: kefu-bench-extism <guest.wasm> <calls> <seconds> [wasi]
//! (`wasi` for a guest that needs WASI, as the JavaScript PDK's QuickJS does:
//! `bench/extism/guest-js`).
use std::sync::Arc;
use std::time::{Duration, Instant};

use extism::{CompiledPlugin, Manifest, Plugin, PluginBuilder, UserData, Wasm, host_fn, PTR};

const ORDER: &str = r#"{"id":"1001","status":"shipped","carrier":"UPS","tracking_number":"1Z999AA10123456784","eta":"2026-11-26"}"#;
const INPUT: &str = r#"{"intent":"track_order","locale":"en","text":"where is my order 1001?","slots":[["order-number","1001"]]}"#;

host_fn!(get_order(_orders: (); id: String) -> String {
    Ok(if id == "1001" { ORDER.to_string() } else { String::new() })
});

fn builder(wasm: &[u8], wasi: bool) -> PluginBuilder<'static> {
    let manifest = Manifest::new([Wasm::data(wasm.to_vec())]).with_timeout(Duration::from_millis(50));
    PluginBuilder::new(manifest)
        .with_wasi(wasi)
        .with_cache_disabled()
        .with_function("get_order", [PTR], [PTR], UserData::new(()), get_order)
}

fn percentiles(mut samples: Vec<Duration>) -> (f64, f64) {
    samples.sort();
    let at = |q: f64| samples[((samples.len() as f64 - 1.0) * q) as usize].as_secs_f64() * 1e6;
    (at(0.5), at(0.99))
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let wasm = std::fs::read(&args[1]).expect("guest wasm");
    let calls: usize = args[2].parse().unwrap();
    let seconds: u64 = args[3].parse().unwrap();
    let wasi = args.get(4).is_some_and(|a| a == "wasi");

    let t = Instant::now();
    let compiled = Arc::new(CompiledPlugin::new(builder(&wasm, wasi)).expect("compiles"));
    println!("extism compile_ms {:.1}", t.elapsed().as_secs_f64() * 1e3);

    // Check it answers like kefu's orders plugin.
    let mut plugin = Plugin::new_from_compiled(&compiled).unwrap();
    let out: String = plugin.call("handle", INPUT).unwrap();
    assert!(out.contains("1Z999AA10123456784"), "{out}");

    // Extism's usual way: one instance, reused call after call (state carries over).
    let mut samples = Vec::with_capacity(calls);
    for _ in 0..calls {
        let t = Instant::now();
        let _: String = plugin.call("handle", INPUT).unwrap();
        samples.push(t.elapsed());
    }
    let (p50, p99) = percentiles(samples);
    println!("extism reused_instance p50_us {p50:.1} p99_us {p99:.1}");

    // Isolation like kefu's: a fresh instance for every call.
    let mut samples = Vec::with_capacity(calls);
    for _ in 0..calls {
        let t = Instant::now();
        let mut p = Plugin::new_from_compiled(&compiled).unwrap();
        let _: String = p.call("handle", INPUT).unwrap();
        samples.push(t.elapsed());
    }
    let (p50, p99) = percentiles(samples);
    println!("extism fresh_instance p50_us {p50:.1} p99_us {p99:.1}");

    // Throughput, fresh instance per call, two threads.
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let threads: Vec<_> = (0..2)
        .map(|_| {
            let compiled = compiled.clone();
            std::thread::spawn(move || {
                let mut n = 0u64;
                while Instant::now() < deadline {
                    let mut p = Plugin::new_from_compiled(&compiled).unwrap();
                    let _: String = p.call("handle", INPUT).unwrap();
                    n += 1;
                }
                n
            })
        })
        .collect();
    let total: u64 = threads.into_iter().map(|t| t.join().unwrap()).sum();
    println!("extism fresh_instance_2_threads calls_per_s {:.0}", total as f64 / seconds as f64);
}
