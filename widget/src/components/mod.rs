//! The panel's components, one per file; each reads the panel's language from the
//! [`PanelContext`] that [`PanelProvider`] gives, not from a prop.

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
mod panel_provider;
mod product_card;
mod quick_replies;
mod welcome;

pub use chat_panel::ChatPanel;
pub use composer::Composer;
pub use confirm_address_card::ConfirmAddressCard;
pub use confirm_buttons::{CardButton, ConfirmButtons};
pub use confirm_refund_card::ConfirmRefundCard;
pub use contact_form::ContactForm;
pub use csat::Csat;
pub use forget::ForgetConversation;
pub use header::Header;
pub use message_list::MessageList;
pub use order_card::OrderCard;
pub use panel_provider::{PanelContext, PanelProvider};
pub use product_card::ProductCard;
pub use quick_replies::QuickReplies;
pub use welcome::Welcome;
