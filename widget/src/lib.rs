//! kefu's chat panel: a Yew app that runs inside the iframe the loader (`kefu.js`) opens.
//!
//! - [`app`]: the root, a [`components::PanelProvider`] (language and merchant, from the
//!   iframe's URL, as a context) around the [`components::ChatPanel`];
//! - [`state`]: the conversation's one reducer (transcript and outbox), tested natively;
//! - [`components`]: one per file; [`hooks`]: the chat connection, the in-browser intent
//!   model (its hint is the composer's own state), the panel context, and the loader on the
//!   shop's page (`use_host`: new answers and handoffs posted to it, focus, Escape);
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
