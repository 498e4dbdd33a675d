//! The one place the plugin WIT is turned into Rust (`plugins/wit`, `kefu:plugin`).
#![allow(missing_docs, missing_debug_implementations)]

wasmtime::component::bindgen!({
    path: "../plugins/wit",
    world: "plugin",
});

pub use kefu::plugin::types;
