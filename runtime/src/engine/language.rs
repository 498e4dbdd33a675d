//! Which language to answer in, whether a message is short enough to be an elliptical
//! follow-up, and the word matching the engine's wording tests share ([`mentions`],
//! [`says_word`]). What a message asks of the bot is in `cues.rs`; wording that tells an
//! ordinary message from a sensitive one is in `policy_cues.rs`.

use kefu_intent::Language;

use super::replies::Lang;

/// The script `text` is written in, if it has letters of one.
pub fn script(text: &str) -> Option<Lang> {
    let words = words(text);
    match kefu_intent::language(&words) {
        Language::Zh | Language::Mixed => Some(Lang::Zh),
        Language::En if words.chars().any(|c| c.is_ascii_alphabetic()) => Some(Lang::En),
        Language::En => None,
    }
}

/// `text` without the tokens that say nothing of a language: email addresses and Latin-script
/// tokens holding a digit (order numbers like `A1002`, amounts, phone numbers). A Chinese
/// shopper's `jane@example.com` is not English; `订单1002呢` keeps its Chinese.
fn words(text: &str) -> String {
    text.split_whitespace()
        .filter(|t| !(t.is_ascii() && (t.contains('@') || t.chars().any(|c| c.is_ascii_digit()))))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The language to answer `text` in: its script, else the widget's locale.
pub fn reply_lang(text: &str, locale: &str) -> Lang {
    script(text).unwrap_or_else(|| Lang::from_tag(locale))
}

/// The language to answer `text` in within a conversation: its script; for a message that
/// shows none (a bare email or order number), the language the bot was speaking
/// (`last_bot`); else `fallback`.
pub fn continue_in(text: &str, last_bot: Option<&str>, fallback: Lang) -> Lang {
    script(text)
        .or_else(|| last_bot.and_then(script))
        .unwrap_or(fallback)
}

/// Whether `text` is short enough to be an elliptical follow-up ("订单1002呢", "and 1002?").
pub fn is_follow_up(text: &str) -> bool {
    match kefu_intent::language(text) {
        Language::En => text.split_whitespace().count() <= 4,
        Language::Zh | Language::Mixed => text.chars().count() <= 10,
    }
}

/// Whether `text`, lower-cased, contains any of `words` (written in lower case). Chinese
/// words are also found in pinyin ("tuikuan" says 退款, [`kefu_intent::pinyin`]), so every
/// Chinese word list of the engine hears a shopper typing without a Chinese input method.
pub fn mentions(text: &str, words: &[&str]) -> bool {
    let lower = text.to_lowercase();
    words.iter().any(|w| lower.contains(w))
        || (words.iter().any(|w| !w.is_ascii())
            && with_pinyin_read(text, |read| {
                read.is_some_and(|r| words.iter().any(|w| !w.is_ascii() && r.contains(w)))
            }))
}

/// `f` of `text`'s pinyin read as characters, if it has any; the last message's reading is
/// kept, as one message is asked about many times.
pub(super) fn with_pinyin_read<T>(text: &str, f: impl FnOnce(Option<&str>) -> T) -> T {
    thread_local! {
        static LAST: std::cell::RefCell<(String, Option<String>)> =
            const { std::cell::RefCell::new((String::new(), None)) };
    }
    // Read outside the borrow, so that `f` may ask again (of another text, or this one).
    let kept = LAST.with(|last| {
        let last = last.borrow();
        (last.0 == text).then(|| last.1.clone())
    });
    let read = kept.unwrap_or_else(|| {
        let read = kefu_intent::pinyin::read(text);
        LAST.with(|last| *last.borrow_mut() = (text.to_string(), read.clone()));
        read
    });
    f(read.as_deref())
}

/// The days of the week, in lower case.
pub(super) const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// `text` in lower case, its pinyin read as characters if it has any ("guomin tizhi" is
/// 过敏体质), for rules written in characters.
pub(super) fn lowered_with_pinyin_read(text: &str) -> String {
    with_pinyin_read(text, |read| read.map(str::to_lowercase))
        .unwrap_or_else(|| text.to_lowercase())
}

/// Whether `lower` (lower-cased) contains one of `words` where a word starts: an English
/// word is not found inside another ("end it all" is not in "send it all over"); a Chinese
/// one is found anywhere.
pub fn mentions_at_word_start(lower: &str, words: &[&str]) -> bool {
    words.iter().any(|w| {
        let starts_with_letter = w.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
        lower.match_indices(w).any(|(i, _)| {
            !starts_with_letter
                || lower[..i]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
        })
    })
}

/// Whether `text`, lower-cased and cut into words at anything not a letter or digit, has
/// one of `words` (written in lower case) as a whole word: "uk" is not found in "hulk",
/// nor "late" in "chocolate".
pub fn says_word(text: &str, words: &[&str]) -> bool {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| words.contains(&w))
}

/// Whether `word` is a number of three digits or more, after an optional "#" ("1002",
/// "#1004"): how an order is named by itself.
pub fn is_a_number_word(word: &str) -> bool {
    let n = word.trim_start_matches('#');
    n.len() >= 3 && n.chars().all(|c| c.is_ascii_digit())
}

/// Whether `text`, cut into words as [`says_word`] cuts it, has one of `firsts` followed
/// within `within` words by one of `thens` ("want my money back": "want", then "money" one
/// word on).
pub fn word_then_word(text: &str, firsts: &[&str], thens: &[&str], within: usize) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(i, w)| {
        firsts.contains(w)
            && words
                .iter()
                .skip(i + 1)
                .take(within)
                .any(|t| thens.contains(t))
    })
}

#[cfg(test)]
#[path = "language_tests.rs"]
mod tests;
