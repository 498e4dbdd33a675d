//! The panel's views, one per file. Only what keeps state of its own is a component (the
//! root [`ChatPanel`] and the [`Composer`]); the rest (the transcript, the cards, the
//! header with "delete this conversation", the welcome, the contact form) are functions
//! returning `Html`,
//! given the language by the view showing them: every component type costs the download
//! its own copy of Yew's machinery.

mod chat_panel;
mod composer;
mod confirm_address_card;
mod confirm_buttons;
mod confirm_refund_card;
mod contact_form;
mod csat;
mod forget;
mod header;
mod message_list;
mod order_card;
mod panel_settings;
mod product_card;
mod quick_replies;
mod welcome;

pub use chat_panel::ChatPanel;
pub use composer::Composer;
pub use confirm_address_card::confirm_address_card;
pub use confirm_buttons::{CardButton, confirm_buttons};
pub use confirm_refund_card::confirm_refund_card;
pub use contact_form::contact_form;
pub use csat::csat;
pub use forget::{ForgetControls, forget_conversation, use_forget};
pub use header::header;
pub use message_list::{Transcript, message_list};
pub use order_card::order_card;
pub use panel_settings::PanelSettings;
pub use product_card::product_card;
pub use quick_replies::quick_replies;
pub use welcome::welcome;
