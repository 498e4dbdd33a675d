//! Which language to answer in, and the few wording tests the decision needs that are not
//! the intent model's: whether a message is short enough to be an elliptical follow-up, and
//! whether a product question is about stock.

use kefu_intent::Language;

use super::replies::Lang;

/// The script `text` is written in, if it has letters of one.
pub fn script(text: &str) -> Option<Lang> {
    match kefu_intent::language(text) {
        Language::Zh | Language::Mixed => Some(Lang::Zh),
        Language::En if text.chars().any(|c| c.is_ascii_alphabetic()) => Some(Lang::En),
        Language::En => None,
    }
}

/// The language to answer `text` in: its script, else the widget's locale.
pub fn reply_lang(text: &str, locale: &str) -> Lang {
    script(text).unwrap_or_else(|| Lang::from_tag(locale))
}

/// Whether `text` is short enough to be an elliptical follow-up ("订单1002呢", "and 1002?").
pub fn is_follow_up(text: &str) -> bool {
    match kefu_intent::language(text) {
        Language::En => text.split_whitespace().count() <= 4,
        Language::Zh | Language::Mixed => text.chars().count() <= 10,
    }
}

/// Whether `text` says an order is late or has not come yet ("it was meant to be here on the
/// 26th", "怎么还没到"): with an order known, a question about that order's whereabouts.
pub fn says_late(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "late",
        "overdue",
        "delayed",
        "delay",
        "still not",
        "still hasn't",
        "still havent",
        "still haven't",
        "hasn't arrived",
        "hasnt arrived",
        "not arrived",
        "not here yet",
        "never came",
        "meant to be here",
        "meant to arrive",
        "supposed to arrive",
        "supposed to be here",
        "should have arrived",
        "should've arrived",
        "where is",
        "wheres",
        "where's",
        "延误",
        "延迟",
        "还没到",
        "还没收到",
        "怎么还没",
        "迟迟",
        "超时",
        "到哪",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// Whether `text` says the shopper already gave what the bot is asking for ("I already told
/// you", "我刚才说过了").
pub fn says_already_told(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "already told",
        "i told you",
        "told u",
        "already said",
        "already gave",
        "already sent",
        "already provided",
        "i just said",
        "i just gave",
        "i just told",
        "said it already",
        "scroll up",
        "说过了",
        "已经给",
        "已经发",
        "已经告诉",
        "刚才给",
        "刚才发",
        "上面有",
        "前面说",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

/// Whether a product question is about stock rather than details.
pub fn asks_about_stock(text: &str) -> bool {
    let lower = text.to_lowercase();
    [
        "in stock",
        "available",
        "availability",
        "sold out",
        "back in",
        "do you have",
        "有货",
        "有没有",
        "库存",
        "还有吗",
        "补货",
        "缺货",
        "售罄",
    ]
    .iter()
    .any(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_answer_follows_the_script_then_the_locale() {
        assert_eq!(reply_lang("where is it", "zh"), Lang::En);
        assert_eq!(reply_lang("我的订单", "en"), Lang::Zh);
        assert_eq!(reply_lang("1001", "zh"), Lang::Zh);
        assert_eq!(reply_lang("1001", "en"), Lang::En);
    }

    #[test]
    fn short_messages_are_follow_ups() {
        assert!(is_follow_up("and 1002?"));
        assert!(is_follow_up("订单1002呢"));
        assert!(!is_follow_up(
            "where is my order 1002 that I bought last week"
        ));
    }
}
