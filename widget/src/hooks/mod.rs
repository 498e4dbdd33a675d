//! The panel's hooks: the chat connection, the in-browser intent model, the panel context,
//! the loader on the shop's page.

mod use_chat;
mod use_host;
mod use_intent;

pub use use_chat::use_chat;
pub use use_host::{post_to_host, use_host};
pub use use_intent::{IntentWorker, Understood, use_intent};
