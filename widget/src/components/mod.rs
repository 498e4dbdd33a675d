//! The panel's components, one per file.

mod commerce_cards;
mod composer;
mod contact_form;
mod csat;
mod header;
mod message_list;
mod order_card;
mod quick_replies;

pub use commerce_cards::{ConfirmAddressCard, ConfirmRefundCard, ProductCard};
pub use composer::Composer;
pub use contact_form::ContactForm;
pub use csat::Csat;
pub use header::Header;
pub use message_list::MessageList;
pub use order_card::OrderCard;
pub use quick_replies::QuickReplies;
