//! The panel's hooks: the chat connection, the in-browser intent model, the panel context.

mod use_chat;
mod use_intent;
mod use_panel;

pub use use_chat::use_chat;
pub use use_intent::use_intent;
pub use use_panel::use_panel;
