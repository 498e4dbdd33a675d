//! Chinese typed in pinyin, read as Chinese: a shopper without a Chinese input method writes
//! "wo xiang tui kuan, order 1003" for 我想退款, "ke yi yong zhi fu bao ma" for 可以用支付宝吗.
//! The models were trained on Chinese characters; [`read`] gives them the characters.
//!
//! A message is read as pinyin only when it shows pinyin: two words or more (or one long
//! word of syllables that all start with a consonant, "tuikuan") that split into Mandarin
//! syllables and are not English words the training sentences use ("can", "you", "long",
//! "china"), two words in five at least; never a message with Chinese characters in it (its
//! Latin words are English). Then each run of such words is written in characters, by the
//! words of kefu's own Chinese training sentences (`pinyin_words.tsv`, written by
//! `cargo xtask pinyin`), its likeliest words. Words in capitals ("AI") and the rest of the
//! message stay as typed.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// How toneless syllables are written in Chinese, which syllables there are, and which
/// English words are also pinyin.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// Space-separated syllables → characters and the natural log of how likely they are
    /// written so, of all the words the lexicon counts.
    words: HashMap<String, (String, f64)>,
    syllables: HashSet<String>,
    english: HashSet<String>,
    /// The most syllables a key of `words` has.
    longest: usize,
    /// The log-likelihood of a syllable kept as typed.
    unknown: f64,
}

/// A syllable with no character counts as this many sightings.
const UNKNOWN_SYLLABLE: f64 = 0.001;

/// The longest toneless syllable ("zhuang") in letters.
const LONGEST_SYLLABLE: usize = 6;

impl Lexicon {
    /// A lexicon from `(syllables, characters, sightings)`, the syllable inventory and the
    /// English words that are also pinyin.
    pub fn new(
        words: impl IntoIterator<Item = (String, String, u32)>,
        syllables: impl IntoIterator<Item = String>,
        english: impl IntoIterator<Item = String>,
    ) -> Self {
        let counted: Vec<(String, String, u32)> = words.into_iter().collect();
        let total = counted.iter().map(|w| f64::from(w.2)).sum::<f64>().max(1.0);
        let words: HashMap<String, (String, f64)> = counted
            .into_iter()
            .map(|(k, v, n)| (k, (v, (f64::from(n.max(1)) / total).ln())))
            .collect();
        let unknown = (UNKNOWN_SYLLABLE / total).ln();
        let longest = words
            .keys()
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1);
        Self {
            words,
            syllables: syllables.into_iter().collect(),
            english: english.into_iter().collect(),
            longest,
            unknown,
        }
    }

    /// The lexicon from the text of its three files (see the module's documentation).
    pub fn parse(words_tsv: &str, syllables: &str, english: &str) -> Self {
        Self::new(
            words_tsv
                .lines()
                .filter(|l| !l.starts_with('#'))
                .filter_map(|l| {
                    let mut cols = l.split('\t');
                    let key = cols.next()?;
                    let word = cols.next()?;
                    let n = cols.next().and_then(|n| n.parse().ok()).unwrap_or(1);
                    Some((key.to_string(), word.to_string(), n))
                }),
            syllables.split_whitespace().map(str::to_string),
            english.split_whitespace().map(str::to_string),
        )
    }

    /// The syllables `word` (lower case) is made of, fewest first; a syllable starting with a
    /// vowel inside a word counts double (pinyin writes "xi'an" for 西安, "xian" is 先).
    pub fn syllables_of<'w>(&self, word: &'w str) -> Option<Vec<&'w str>> {
        let n = word.len();
        if n == 0 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
            return None;
        }
        // best[end] = (cost, start of the last syllable)
        let mut best: Vec<Option<(usize, usize)>> = vec![None; n + 1];
        best[0] = Some((0, 0));
        for end in 1..=n {
            for start in end.saturating_sub(LONGEST_SYLLABLE)..end {
                let Some((cost, _)) = best[start] else {
                    continue;
                };
                if !self.syllables.contains(&word[start..end]) {
                    continue;
                }
                let vowel = matches!(word.as_bytes()[start], b'a' | b'e' | b'o');
                let cost = cost + if start > 0 && vowel { 2 } else { 1 };
                if best[end].is_none_or(|(c, _)| cost < c) {
                    best[end] = Some((cost, start));
                }
            }
        }
        best[n]?;
        let mut out = Vec::new();
        let mut end = n;
        while end > 0 {
            let (_, start) = best[end]?;
            out.push(&word[start..end]);
            end = start;
        }
        out.reverse();
        Some(out)
    }

    /// `syllables` written in characters: the likeliest words of the lexicon, each as likely
    /// as it was seen (one word of four characters seen often beats four seen apart), a
    /// syllable it has no character for kept as typed.
    pub fn hanzi(&self, syllables: &[&str]) -> String {
        let n = syllables.len();
        // best[end] = (log-likelihood, start, characters of the last piece)
        let mut best: Vec<Option<(f64, usize, String)>> = vec![None; n + 1];
        best[0] = Some((0.0, 0, String::new()));
        for end in 1..=n {
            for start in end.saturating_sub(self.longest)..end {
                let Some((score, _, _)) = &best[start] else {
                    continue;
                };
                let key = syllables[start..end].join(" ");
                let (piece, step) = match self.words.get(&key) {
                    Some((w, p)) => (w.clone(), *p),
                    None if end - start == 1 => (key, self.unknown),
                    None => continue,
                };
                let score = score + step;
                if best[end].as_ref().is_none_or(|(s, _, _)| score > *s) {
                    best[end] = Some((score, start, piece));
                }
            }
        }
        let mut pieces = Vec::new();
        let mut end = n;
        while end > 0 {
            let Some((_, start, piece)) = &best[end] else {
                break;
            };
            pieces.push(piece.clone());
            end = *start;
        }
        pieces.reverse();
        pieces.concat()
    }

    /// Whether `word`, as typed, shows pinyin: it splits into syllables, is not an English
    /// word, is no acronym ("AI") and has two letters or more.
    fn shows_pinyin(&self, word: &str) -> bool {
        let lower = word.to_ascii_lowercase();
        word.len() >= 2
            && !(word.bytes().all(|b| b.is_ascii_uppercase()))
            && !self.english.contains(&lower)
            && self.syllables_of(&lower).is_some()
    }

    /// `text` with its pinyin written in characters, or `None` when it shows no pinyin (see
    /// the module's documentation).
    pub fn read(&self, text: &str) -> Option<String> {
        // Typed with a Chinese input method: its Latin words are English ("有没有coupon").
        if text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) {
            return None;
        }
        let words = latin_words(text);
        let showing: Vec<bool> = words
            .iter()
            .map(|&(s, e)| self.shows_pinyin(&text[s..e]))
            .collect();
        let shown = showing.iter().filter(|&&b| b).count();
        // One word alone shows pinyin when it is long and every syllable in it starts with a
        // consonant, as no English word does ("tuikuan", "zhifubao", "dingdan").
        let long_word = words.iter().zip(&showing).any(|(&(s, e), &b)| {
            b && e - s >= 5
                && self
                    .syllables_of(&text[s..e].to_ascii_lowercase())
                    .is_some_and(|syl| {
                        syl.len() >= 2 && syl.iter().all(|y| !y.starts_with(['a', 'e', 'o']))
                    })
        });
        if !(shown >= 2 || long_word) || shown * 5 < words.len() * 2 {
            return None;
        }
        // Runs of words that split into syllables, joined by spaces only; one showing pinyin.
        let mut out = String::new();
        let mut at = 0;
        let mut i = 0;
        while i < words.len() {
            let lower = |k: usize| text[words[k].0..words[k].1].to_ascii_lowercase();
            let splits = |k: usize| {
                !text[words[k].0..words[k].1]
                    .bytes()
                    .all(|b| b.is_ascii_uppercase())
                    && self.syllables_of(&lower(k)).is_some()
            };
            if !splits(i) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < words.len()
                && splits(j)
                && text[words[j - 1].1..words[j].0].chars().all(|c| c == ' ')
            {
                j += 1;
            }
            if (i..j).any(|k| showing[k]) {
                let lowered: Vec<String> = (i..j).map(lower).collect();
                let syllables: Vec<&str> = lowered
                    .iter()
                    .flat_map(|w| self.syllables_of(w).unwrap_or_default())
                    .collect();
                out.push_str(&text[at..words[i].0]);
                out.push_str(&self.hanzi(&syllables));
                at = words[j - 1].1;
            }
            i = j;
        }
        out.push_str(&text[at..]);
        (out != text).then_some(out)
    }
}

/// The byte ranges of `text`'s words of ASCII letters (an order number or an email address
/// is no word: a word touching a digit, `@` or `.` inside a token is skipped).
fn latin_words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (start, token) in tokens(text) {
        if token.contains('@') || token.contains("://") {
            continue;
        }
        let mut s = None;
        for (i, c) in token
            .char_indices()
            .chain(std::iter::once((token.len(), ' ')))
        {
            match (c.is_ascii_alphabetic(), s) {
                (true, None) => s = Some(i),
                (false, Some(b)) => {
                    let next_is_digit = token[i..].starts_with(|c: char| c.is_ascii_digit());
                    let prev_is_digit = token[..b].ends_with(|c: char| c.is_ascii_digit());
                    if !next_is_digit && !prev_is_digit {
                        out.push((start + b, start + i));
                    }
                    s = None;
                }
                _ => {}
            }
        }
    }
    out
}

/// `text`'s whitespace-separated tokens with their byte offsets.
fn tokens(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split(char::is_whitespace)
        .scan(0, move |at, t| {
            let start = *at;
            *at += t.len()
                + text[start + t.len()..]
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
            Some((start, t))
        })
        .filter(|(_, t)| !t.is_empty())
}

/// The lexicon written from kefu's own training sentences.
pub fn builtin() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        Lexicon::parse(
            include_str!("pinyin_words.tsv"),
            include_str!("pinyin_syllables.txt"),
            include_str!("pinyin_english.txt"),
        )
    })
}

/// `text` with its pinyin written in characters by the built-in lexicon, or `None` when it
/// shows none ([`Lexicon::read`]).
pub fn read(text: &str) -> Option<String> {
    builtin().read(text)
}

#[cfg(test)]
#[path = "pinyin_tests.rs"]
mod tests;
