//! Which language a message is written in, from its script: enough to answer in kind.

use serde::{Deserialize, Serialize};

use crate::featurize::{is_han, normalize_char};

/// The language of a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Language {
    /// Latin letters only (or nothing to tell by).
    En,
    /// Chinese characters only.
    Zh,
    /// Both, e.g. "我的order到哪了".
    Mixed,
}

impl Language {
    /// The locale to answer in: Chinese if the shopper wrote any Chinese.
    pub fn reply_locale(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Zh | Self::Mixed => "zh",
        }
    }
}

/// Detects the language of `text` from the letters it uses.
pub fn language(text: &str) -> Language {
    let (mut han, mut latin) = (0usize, 0usize);
    for c in text.chars().map(normalize_char) {
        if is_han(c) {
            han += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    match (han, latin) {
        (0, _) => Language::En,
        // A stray Latin word ("order", "ok") in a Chinese sentence is still mixed.
        (_, 0) => Language::Zh,
        _ => Language::Mixed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_english_chinese_and_mixed_apart() {
        assert_eq!(language("where is my order 1001?"), Language::En);
        assert_eq!(language("我的订单1001到哪了"), Language::Zh);
        assert_eq!(language("我的order到哪了"), Language::Mixed);
        assert_eq!(language("1001"), Language::En);
    }
}
