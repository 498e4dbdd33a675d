//! The one place the plugin WIT is turned into Rust (`plugins/wit`, `kefu:plugin`).
//!
//! The current version is bound at the top level; every released older version has its own
//! module, linked into the same [`wasmtime::component::Linker`] so plugins built against it
//! keep working. Their interfaces have versioned names (`kefu:plugin/orders@0.1.0`), so the
//! versions never collide.
#![allow(missing_docs, missing_debug_implementations)]

wasmtime::component::bindgen!({
    path: "../plugins/wit",
    world: "plugin",
});

pub use kefu::plugin::types;

/// `kefu:plugin@0.1.0`: `handle` only; imports `log` and `orders`.
pub mod v0_1 {
    wasmtime::component::bindgen!({
        path: "../plugins/wit/released/0.1.0",
        world: "plugin",
    });

    pub use kefu::plugin::types;
}
