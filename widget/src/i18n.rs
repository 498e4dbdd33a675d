//! The panel's own words. They are data: one message file per language in
//! `widget/locales/` (`en.ftl`, `zh.ftl`, a subset of Fluent), compiled by `build.rs` into
//! the [`Text`] enum and a `match` per language, so the panel carries no parser and a
//! message no file has is a compile error. Adding a language is adding its file (README,
//! "Add a language").

pub use kefu_protocol::Lang;

#[expect(
    dead_code,
    reason = "generated: the panel reads only some of the accessors"
)]
mod messages {
    use super::Lang;
    include!(concat!(env!("OUT_DIR"), "/messages.rs"));
}

pub use messages::Text;
use messages::{fill, pattern};

/// `text` in `lang`.
pub fn t(lang: Lang, text: Text) -> &'static str {
    pattern(lang, text)
}

/// Who answers, under the welcome: the shop's automated assistant, and a person on request.
pub fn assistant_of(lang: Lang, shop: &str) -> String {
    fill(t(lang, Text::AssistantOf), &[("shop", shop)])
}

/// "You're chatting with Ada", in `lang`.
pub fn with_agent(lang: Lang, name: &str) -> String {
    fill(t(lang, Text::WithAgent), &[("name", name)])
}

/// The "please wait" for a shopper sending faster than the shop takes messages, in `lang`.
pub fn please_wait(lang: Lang, secs: u64) -> String {
    fill(t(lang, Text::PleaseWait), &[("secs", &secs.to_string())])
}

/// Why a message to a full conversation was not sent, in `lang`.
pub fn conversation_full(lang: Lang) -> &'static str {
    t(lang, Text::ConversationFull)
}

/// "2 suggestions: press the up arrow to choose", announced politely as the shopper types.
pub fn suggestions_available(lang: Lang, count: usize) -> String {
    match count {
        0 => String::new(),
        1 => t(lang, Text::SuggestionsOne).to_string(),
        n => fill(t(lang, Text::SuggestionsMany), &[("count", &n.to_string())]),
    }
}

/// An action a person recognises, for what the model heard in a draft (`intent`, with the
/// order number it names): sent as the shopper's message when picked, so its wording must
/// read as that intent to the runtime too. `None` for intents with no such action.
pub fn action(lang: Lang, intent: &str, order: Option<&str>) -> Option<String> {
    let (with_number, without) = match intent {
        "track_order" => (Text::ActionTrackOrderNumber, Text::ActionTrackOrder),
        "return_item" => (Text::ActionReturnItemNumber, Text::ActionReturnItem),
        "get_refund" => (Text::ActionGetRefundNumber, Text::ActionGetRefund),
        "cancel_order" => (Text::ActionCancelOrderNumber, Text::ActionCancelOrder),
        "change_shipping_address" => (
            Text::ActionChangeShippingAddressNumber,
            Text::ActionChangeShippingAddress,
        ),
        TO_A_PERSON => return Some(talk_to_a_person(lang).into()),
        _ => return None,
    };
    Some(match order {
        Some(n) => fill(t(lang, with_number), &[("order", n)]),
        None => t(lang, without).to_string(),
    })
}

/// The intent of a request for a person.
pub const TO_A_PERSON: &str = "contact_human_agent";

/// "Talk to a real person": words every runtime hands off on, whatever the model says.
pub fn talk_to_a_person(lang: Lang) -> &'static str {
    t(lang, Text::TalkToAPerson)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_with_a_file_has_every_message() {
        // The build refuses files that disagree; this reads every message back so an empty
        // one cannot slip through either.
        assert_eq!(messages::LANGS, [Lang::En, Lang::Zh]);
        for lang in messages::LANGS {
            for text in Text::ALL {
                assert!(!t(*lang, *text).trim().is_empty(), "{text:?} in {lang:?}");
            }
        }
    }

    #[test]
    fn placeholders_are_filled_with_the_values_given() {
        assert_eq!(
            assistant_of(Lang::En, "Harbour"),
            "You're talking to Harbour's automated assistant. A person is one message away: just ask."
        );
        assert_eq!(with_agent(Lang::Zh, "Ada"), "客服Ada为您服务中");
        assert_eq!(
            suggestions_available(Lang::En, 1),
            "1 suggestion: press the up arrow to choose it"
        );
        assert_eq!(
            suggestions_available(Lang::Zh, 3),
            "有3条建议：按上方向键选择"
        );
        assert_eq!(suggestions_available(Lang::En, 0), "");
        assert_eq!(
            action(Lang::Zh, "track_order", Some("1001")).unwrap(),
            "查询订单1001的物流"
        );
        assert_eq!(
            action(Lang::En, "cancel_order", None).unwrap(),
            "Cancel my order"
        );
        assert_eq!(action(Lang::En, "greeting", None), None);
    }
}
