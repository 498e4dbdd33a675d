//! The panel's hooks: the chat connection and the in-browser intent model.

mod use_chat;
mod use_intent;

pub use use_chat::use_chat;
pub use use_intent::use_intent;
