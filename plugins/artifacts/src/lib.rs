//! The plugins kefu's tests load, as files on disk, named by constants.
//!
//! The build script compiles `plugins/{orders,refunds,catalog,hostile}` for
//! `wasm32-unknown-unknown` with the `wasm` profile (a nested cargo with its own target
//! directory, `$CARGO_TARGET_DIR/test-plugins/checkout-<hash>`, so it never waits on the lock
//! of the build that runs it, and checkouts sharing a target directory never mix plugins) and turns each core module into a component exactly as `cargo xtask build`
//! does ([`kefu_componentize`]). So `cargo test` needs no `dist/`: a test reads
//! [`ORDERS`], or serves [`PLUGINS_DIR`], and cargo rebuilds the components when a plugin, the
//! SDK or the WIT changes.
//!
//! Every plugin has a constant for its component (`ORDERS`), the reference plugins one for
//! their manifest (`ORDERS_MANIFEST`), and [`foreach_plugin!`] lists them all, so a test
//! file can require one test per plugin:
//!
//! ```ignore
//! macro_rules! assert_test_exists {
//!     ($name:ident) => {
//!         #[expect(unused_imports, reason = "only asserts the test exists")]
//!         use self::$name as _;
//!     };
//! }
//! kefu_test_plugins::foreach_plugin!(assert_test_exists);
//! ```
//!
//! Building needs the `wasm32-unknown-unknown` target (`rustup target add
//! wasm32-unknown-unknown`); the build script says so when it is missing.

#![deny(missing_docs)]

include!(concat!(env!("OUT_DIR"), "/plugins.rs"));
