//! End-to-end tests of kefu live in `e2e.rs` (Rust, over sockets) and `e2e/` (browser).
