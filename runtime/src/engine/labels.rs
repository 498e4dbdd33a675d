//! What each intent is called in front of a shopper (clarifying questions) and an agent.

use super::replies::{LANGS, Lang, Msg, say};

/// How `intent` reads as a choice ("Track an order"), if it is one a shopper would pick:
/// the message `label_<intent>` of the message files.
pub fn label(intent: &str, lang: Lang) -> Option<&'static str> {
    Msg::from_id(&format!("label_{intent}")).map(|m| say(lang, m))
}

/// The intent whose label is `text` (a clarifying question's answer), among `offered`.
pub fn intent_for_label<'a>(text: &str, offered: &'a [String]) -> Option<&'a str> {
    let text = text.trim();
    offered.iter().map(String::as_str).find(|intent| {
        LANGS
            .iter()
            .any(|&lang| label(intent, lang).is_some_and(|l| l.eq_ignore_ascii_case(text)))
    })
}
