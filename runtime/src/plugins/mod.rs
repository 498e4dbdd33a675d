//! The plugin host: runs merchants' WebAssembly components in wasmtime sandboxes.
//!
//! One lifecycle, everywhere: one [`wasmtime::Engine`] and [`Linker`] per process; one
//! pre-instantiated [`PluginPre`] per loaded plugin; a **fresh [`wasmtime::Store`] per call**,
//! so no state leaks between shoppers, with the plugin's memory cap, an epoch deadline
//! ticked by a dedicated OS thread ([`ticker`]) and a host-call budget. Instances come from
//! the pooling allocator, so a fresh instance costs microseconds.
//!
//! Plugins only reach the outside world through the imports in `plugins/wit`, each checked
//! against the manifest's grants ([`host`]); a denied import is a WIT error value, not a
//! trap. Merchant scoping is the host's: a plugin is bound to its merchant at load time and
//! cannot name another.
//!
//! Calls are synchronous and CPU-bound: callers on an async runtime run them on a blocking
//! thread. This module knows nothing about HTTP.
//!
//! Files by job: `loader.rs` sets up the [`PluginHost`] and loads plugins (compile or
//! deserialize, pre-link, `describe()`, check against the manifest); `table.rs` holds the
//! [`LoadedPlugin`]s by merchant; `runner.rs` runs calls in fresh stores and classifies
//! traps; `breaker.rs` pauses plugins that keep failing; `error.rs` and `types.rs` are the
//! host's own types; `conversions.rs` is every WIT↔kefu conversion; `host.rs` implements
//! the imports, `outbound.rs` their HTTP and `network.rs` which addresses it may reach
//! (checked again at load), `record.rs` record and replay; `bindings.rs` is
//! the generated code, `manifest.rs` the manifest, `compile.rs` the isolated compiler.

mod bindings;
mod breaker;
pub mod compile;
mod conversions;
mod error;
mod host;
mod loader;
pub mod manifest;
#[cfg(test)]
mod manifest_fuzz;
mod network;
mod outbound;
pub mod record;
mod runner;
mod table;
mod ticker;
mod types;

pub use self::breaker::{BREAKER_COOL_DOWN, BREAKER_FAILURES};
pub use self::error::{CallError, LoadError};
pub use self::host::{MerchantData, Phase, iso_date};
pub use self::loader::{CONTRACT, PluginHost};
pub use self::manifest::{Manifest, MoneyLimits, Need};
pub use self::network::{Cidr, PrivateHttp};
pub use self::runner::Replay;
pub use self::table::LoadedPlugin;
pub use self::types::{
    CallInput, CallStats, Clock, Description, MerchantSecrets, PluginReply, PluginRequest,
    Proposal, Secrets, outcome_json,
};
