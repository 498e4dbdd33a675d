//! Write kefu plugins in Rust.
//!
//! A kefu plugin is a WebAssembly component implementing the `kefu:plugin` world
//! (`plugins/wit/plugin.wit`). This crate generates the bindings once, so plugin authors never
//! call wit-bindgen themselves, and re-exports them under stable names:
//!
//! ```ignore
//! use kefu_plugin_sdk::{Description, Guest, PluginError, Reply, Request, export_plugin};
//!
//! struct Hello;
//!
//! impl Guest for Hello {
//!     fn describe() -> Description {
//!         Description { intents: vec!["greeting".into()], slots: vec![] }
//!     }
//!     fn handle(request: Request) -> Result<Reply, PluginError> {
//!         let text = if request.locale == "zh" { "你好！" } else { "Hello!" };
//!         Ok(Reply { text: text.into(), cards: vec![] })
//!     }
//! }
//!
//! export_plugin!(Hello);
//! ```
//!
//! Build it for `wasm32-unknown-unknown` and turn the module into a component (kefu's
//! `cargo xtask plugins` does both). Host imports ([`orders`], [`log`]) only work when the
//! plugin's `manifest.toml` grants them; otherwise they return
//! [`HostError::AccessDenied`].
#![deny(missing_docs)]

#[doc(hidden)]
pub mod bindings {
    #![allow(missing_docs, unsafe_code)]
    wit_bindgen::generate!({
        path: "../wit",
        world: "plugin",
        pub_export_macro: true,
        export_macro_name: "export_plugin",
        default_bindings_module: "kefu_plugin_sdk::bindings",
    });
}

pub use bindings::Guest;
pub use bindings::kefu::plugin::types::{
    Card, Description, HostError, Order, OrderItem, OrderStatusCard, PluginError, Reply, Request,
    Slot,
};
pub use bindings::kefu::plugin::{log, orders};

/// Exports a type implementing [`Guest`] as this component's plugin.
pub use bindings::export_plugin;

impl Request {
    /// The value of slot `name`, if the engine filled it.
    pub fn slot(&self, name: &str) -> Option<&str> {
        self.slots
            .iter()
            .find(|s| s.name == name)
            .map(|s| s.value.as_str())
    }

    /// Whether the shopper should be answered in Chinese.
    pub fn is_zh(&self) -> bool {
        self.locale.starts_with("zh")
    }
}

/// Logs `message` at info level into the merchant's plugin log.
pub fn info(message: &str) {
    log::log(log::Level::Info, message);
}
