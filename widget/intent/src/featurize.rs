//! Text → hashed sparse features. The one featurizer used by the trainer, the runtime and the
//! browser: any change here changes what every model means, so a model records the
//! [`FeaturizerConfig`] it was trained with and refuses to load under another version.
//!
//! What it does, in order:
//! 1. normalise: full-width ASCII (Ｏｒｄｅｒ１００１) to ASCII, lower case, emails and digit
//!    runs replaced by placeholder tokens so `1001` and `20231115008` mean the same thing;
//! 2. tokenise: runs of Latin letters are words, every CJK character is its own token;
//! 3. emit features: words, word bigrams, character 3- and 4-grams of each word (typos and
//!    inflections share most of them), CJK unigrams, bigrams and trigrams (Chinese has no
//!    spaces; bigrams carry most of the meaning);
//! 4. hash each feature with FNV-1a into `buckets` and weight every feature equally so that
//!    the weights sum to one (the model averages embeddings, fastText-style).

use serde::{Deserialize, Serialize};

/// The featurizer's version. Bump it whenever [`featurize`] changes output for any input.
pub const FEATURIZER_VERSION: u32 = 1;

/// Parameters a model is trained with and must be run with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeaturizerConfig {
    /// [`FEATURIZER_VERSION`] at training time.
    pub version: u32,
    /// Number of hash buckets (rows of the embedding table).
    pub buckets: u32,
}

/// The features of one message: bucket ids and their weights (same length, weights sum to 1).
#[derive(Debug, Clone, PartialEq)]
pub struct Features {
    /// Embedding rows to read.
    pub ids: Vec<i64>,
    /// How much each row counts.
    pub weights: Vec<f32>,
}

/// A token of the normalised message.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    /// A run of ASCII letters (lower case).
    Word(String),
    /// One CJK character.
    Han(char),
    /// A placeholder for a slot value (`<num>`, `<email>`).
    Slot(&'static str),
}

/// Maps full-width ASCII variants and the ideographic space to ASCII, then lower-cases.
pub fn normalize_char(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    };
    c.to_ascii_lowercase()
}

/// Whether `c` is a CJK ideograph (the characters Chinese text is written in).
pub fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

fn is_email_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
}

fn tokenize(text: &str) -> Vec<Token> {
    // Apostrophes are typed or dropped at random ("where's", "wheres"): drop them.
    let chars: Vec<char> = text
        .chars()
        .filter(|c| !matches!(c, '\'' | '\u{2019}'))
        .map(normalize_char)
        .collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_han(c) {
            tokens.push(Token::Han(c));
            i += 1;
        } else if c.is_ascii_alphanumeric() || c == '@' {
            // Take the longest run that could be an email, then decide what it is.
            let start = i;
            while i < chars.len() && (is_email_char(chars[i]) || chars[i] == '@') {
                i += 1;
            }
            let run: String = chars[start..i].iter().collect();
            let run = run.trim_end_matches(['.', '-', '_']);
            if let Some((local, domain)) = run.split_once('@')
                && !local.is_empty()
                && domain.contains('.')
            {
                tokens.push(Token::Slot("<email>"));
                continue;
            }
            // Not an email: split the run into letter words and digit runs.
            let mut word = String::new();
            let mut digits = false;
            for ch in run.chars() {
                if ch.is_ascii_alphabetic() {
                    if digits {
                        tokens.push(Token::Slot("<num>"));
                        digits = false;
                    }
                    word.push(ch);
                } else if ch.is_ascii_digit() {
                    if !word.is_empty() {
                        tokens.push(Token::Word(std::mem::take(&mut word)));
                    }
                    digits = true;
                } else {
                    if !word.is_empty() {
                        tokens.push(Token::Word(std::mem::take(&mut word)));
                    }
                    if digits {
                        tokens.push(Token::Slot("<num>"));
                        digits = false;
                    }
                }
            }
            if !word.is_empty() {
                tokens.push(Token::Word(word));
            }
            if digits {
                tokens.push(Token::Slot("<num>"));
            }
        } else {
            i += 1;
        }
    }
    tokens
}

/// FNV-1a, 32 bit: tiny, fast, and the same on every platform (unlike `std`'s hasher).
fn fnv1a(parts: &[&str]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            h ^= 0x1f;
            h = h.wrapping_mul(0x0100_0193);
        }
        for b in part.bytes() {
            h ^= u32::from(b);
            h = h.wrapping_mul(0x0100_0193);
        }
    }
    h
}

/// The feature strings of `text`, before hashing (exposed for tests and debugging).
pub fn feature_strings(text: &str) -> Vec<String> {
    let tokens = tokenize(text);
    let mut out = vec!["<s>".to_string()];
    let unit = |t: &Token| -> String {
        match t {
            Token::Word(w) => format!("w:{w}"),
            Token::Han(c) => format!("h:{c}"),
            Token::Slot(s) => (*s).to_string(),
        }
    };
    for (i, t) in tokens.iter().enumerate() {
        out.push(unit(t));
        if let Token::Word(w) = t {
            let padded: Vec<char> = format!("<{w}>").chars().collect();
            for n in [3usize, 4] {
                if padded.len() > n {
                    for gram in padded.windows(n) {
                        out.push(format!("c:{}", gram.iter().collect::<String>()));
                    }
                }
            }
        }
        if let Some(next) = tokens.get(i + 1) {
            out.push(format!("b:{}|{}", unit(t), unit(next)));
            if let (Token::Han(a), Token::Han(b)) = (t, next)
                && let Some(Token::Han(c)) = tokens.get(i + 2)
            {
                out.push(format!("t:{a}{b}{c}"));
            }
        }
    }
    out
}

/// Hashes `text`'s features into `config.buckets` rows with equal weights summing to one.
pub fn featurize(text: &str, config: &FeaturizerConfig) -> Features {
    let strings = feature_strings(text);
    let weight = 1.0 / strings.len() as f32;
    let ids = strings
        .iter()
        .map(|s| i64::from(fnv1a(&[s.as_str()]) % config.buckets))
        .collect();
    Features {
        ids,
        weights: vec![weight; strings.len()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_text_reads_like_ascii() {
        assert_eq!(
            feature_strings("Ｏｒｄｅｒ １００１"),
            feature_strings("order 1001")
        );
    }

    #[test]
    fn apostrophes_do_not_matter() {
        assert_eq!(
            feature_strings("where's my order"),
            feature_strings("wheres my order")
        );
    }

    #[test]
    fn numbers_and_emails_become_slot_placeholders() {
        let f = feature_strings("order 1001 for jane@example.com");
        assert!(f.contains(&"<num>".to_string()));
        assert!(f.contains(&"<email>".to_string()));
        assert!(
            !f.iter().any(|s| s.contains("1001") || s.contains("jane")),
            "{f:?}"
        );
    }

    #[test]
    fn chinese_gets_character_bigrams() {
        let f = feature_strings("我的订单");
        assert!(f.contains(&"b:h:订|h:单".to_string()), "{f:?}");
        assert!(f.contains(&"t:的订单".to_string()), "{f:?}");
    }

    #[test]
    fn mixed_text_links_words_and_characters() {
        let f = feature_strings("我的order到哪了");
        assert!(f.contains(&"b:h:的|w:order".to_string()), "{f:?}");
    }

    #[test]
    fn weights_sum_to_one_and_ids_stay_in_range() {
        let config = FeaturizerConfig {
            version: FEATURIZER_VERSION,
            buckets: 97,
        };
        let f = featurize("where is my order 1001?", &config);
        assert_eq!(f.ids.len(), f.weights.len());
        assert!(f.ids.iter().all(|&id| (0..97).contains(&id)));
        assert!((f.weights.iter().sum::<f32>() - 1.0).abs() < 1e-5);
    }

    #[test]
    fn empty_text_still_has_a_feature() {
        let config = FeaturizerConfig {
            version: FEATURIZER_VERSION,
            buckets: 97,
        };
        assert_eq!(featurize("", &config).ids.len(), 1);
    }

    #[test]
    fn hashing_is_stable_across_platforms() {
        // Reference FNV-1a values: if these change, every trained model changes meaning.
        assert_eq!(fnv1a(&[""]), 0x811c_9dc5);
        assert_eq!(fnv1a(&["a"]), 0xe40c_292c);
    }
}
