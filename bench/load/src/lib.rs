//! Load generator for the kefu runtime: `kefu-load` (and `cargo xtask load`, which starts a
//! demo server for it).
//!
//! N shopper sessions talk to a running runtime over the chat WebSocket exactly as the
//! widget does (`kefu-protocol`): hello, then conversations drawn from a realistic mix of
//! order look-ups, FAQ questions, product questions, small talk and handoffs, with a think
//! time before every message. Optional flooders send as fast as they are answered to show
//! that the runtime's limits hold and the well-behaved shoppers keep their latency; the two
//! groups are reported apart, and a `rate_limited` refusal counts as the limits working,
//! not as an error.
//!
//! Per turn it measures send → `ack` and send → the turn's last message (the ack's
//! `through_seq`). The report has turns/s, p50/p90/p99/max latency, errors by code,
//! limits, reconnects and, given the server's pid, its resident memory before, at peak and
//! after, with the cost of an open session.
//!
//! The crate depends on the protocol crate only, not on the runtime (and its wasmtime):
//! it builds in seconds and measures the server from outside, as a shop's traffic would.
//!
//! ```no_run
//! # async fn demo() -> anyhow::Result<()> {
//! let mut args = kefu_load::LoadArgs::new("ws://127.0.0.1:8080", 100);
//! args.duration = std::time::Duration::from_secs(30);
//! let report = kefu_load::run(args).await?;
//! println!("{report}");
//! # Ok(()) }
//! ```
#![deny(missing_docs)]

pub mod config;
pub mod conn;
pub mod memory;
pub mod mix;
pub mod report;
mod run;
pub mod session;
pub mod stats;

pub use config::{LoadArgs, Mix, ThinkTime};
pub use report::Report;
pub use run::run;
