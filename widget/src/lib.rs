//! kefu's chat panel: a Yew app that runs inside the iframe the loader (`kefu.js`) opens.
//!
//! - [`components::ChatPanel`]: the root, with the [`components::PanelSettings`] (language
//!   and merchant, from the iframe's URL) it hands to the views;
//! - [`state`]: the conversation's one reducer (transcript and outbox), tested natively;
//! - [`components`]: one per file; [`hooks`]: the chat connection, the in-browser intent
//!   model (a shared handle to its worker), and the loader on the
//!   shop's page (`use_host`: new answers and handoffs posted to it, focus, Escape);
//! - [`suggest`]: what the panel offers while the shopper types, from what the model
//!   understood of the draft;
//! - [`api`]: the only module that touches the network (the chat WebSocket);
//! - [`json`]: JSON through the browser's own `JSON.parse` and `JSON.stringify`, read by
//!   [`from_js`] (serde over JS values, with errors that format nothing).
//!
//! Everything the shopper or the bot wrote is rendered as text, never as HTML.
#![deny(missing_docs)]

mod api;
mod components;
mod from_js;
mod hooks;
mod i18n;
mod json;
mod state;
mod suggest;

use wasm_bindgen::prelude::*;

/// Renders the app into the page's body; called by the wasm module's start.
#[wasm_bindgen(start)]
pub fn start() {
    yew::Renderer::<components::ChatPanel>::new().render();
}

#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
