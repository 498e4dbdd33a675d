//! kefu's chat panel: a Yew app that runs inside the iframe the loader (`kefu.js`) opens.
//!
//! - [`app`]: the panel; [`state`]: its one reducer; [`components`]: one per file;
//! - [`hooks`]: the chat connection and the in-browser intent model;
//! - [`api`]: the only module that touches the network (the chat WebSocket).
//!
//! Everything the shopper or the bot wrote is rendered as text, never as HTML.
#![deny(missing_docs)]

mod api;
mod app;
mod components;
mod hooks;
mod i18n;
mod state;

use wasm_bindgen::prelude::*;

/// Renders the app into the page's body; called by the wasm module's start.
#[wasm_bindgen(start)]
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
