//! Finding the merchant's FAQ entry that answers a message: [`kefu_intent::faq`], the one
//! implementation the shopper's browser runs too, so an answer given on the device is the
//! answer the runtime gives. This module only ties the store's rows to it.

use crate::store::FaqEntry;

/// The entry of `entries` (already in the shopper's language) answering `text`, whose
/// intent the model thinks is `intent`.
pub fn find<'a>(entries: &'a [FaqEntry], text: &str, intent: &str) -> Option<&'a FaqEntry> {
    kefu_intent::faq::find(entries, text, intent)
}
