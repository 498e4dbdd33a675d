//! The pinyin lexicon: how the runtime reads Chinese typed in pinyin without a Chinese input
//! method ("wo xiang tui kuan" for 我想退款), written from kefu's own Chinese training
//! sentences and a list of the shop's words (goods, their parts and qualities), so it knows
//! the words shoppers use with a shop and no others.
//!
//! `cargo xtask pinyin` writes three files beside `kefu_intent::pinyin`, which reads them:
//! - `pinyin_words.tsv`: every span of one to four Chinese characters seen at least
//!   [`MIN_SPAN_COUNT`] times (single characters: once), keyed by its toneless syllables; for a
//!   key several spans share, the one seen most (a character's other readings count a fifth:
//!   还 is read "hai" far more often than "huan", and "huan" should be 换);
//! - `pinyin_syllables.txt`: every toneless syllable of Mandarin, to tell pinyin from English;
//! - `pinyin_english.txt`: the English words of the English training sentences that are also
//!   pinyin ("can", "you", "long", "china"), which on their own show no pinyin.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use anyhow::{Context, Result};
use kefu_intent::pinyin::Lexicon;
use pinyin::ToPinyinMulti;

/// A span of two or more characters is kept from this many sightings.
pub const MIN_SPAN_COUNT: u32 = 2;
/// The longest span kept, in characters.
const MAX_SPAN: usize = 4;
/// What a character's readings after its first count for, against its first.
const OTHER_READING: f64 = 0.2;
/// At most this many readings of one span are counted (every combination of its characters'
/// readings, in order).
const MAX_READINGS: usize = 16;
/// An English word is kept from this many sightings.
const MIN_ENGLISH_COUNT: u32 = 2;

/// The texts of a `label<TAB>text` file, without its `#` comments.
fn texts(path: &Path) -> Result<Vec<String>> {
    let raw =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(raw
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t').map(|(_, t)| t.to_string()))
        .collect())
}

/// The toneless readings of `c`, its usual one first.
fn readings(c: char) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if let Some(multi) = c.to_pinyin_multi() {
        for p in multi {
            // "ü" is typed "v" on a keyboard (lv, nv), or "u" (lushi for 律师).
            for plain in [p.plain().replace('ü', "v"), p.plain().replace('ü', "u")] {
                if !out.contains(&plain) {
                    out.push(plain);
                }
            }
        }
    }
    out
}

/// The readings of `span`, as space-separated syllables with their weight.
fn span_readings(span: &[char]) -> Vec<(String, f64)> {
    let mut out: Vec<(Vec<String>, f64)> = vec![(Vec::new(), 1.0)];
    for &c in span {
        let rs = readings(c);
        if rs.is_empty() {
            return Vec::new();
        }
        let mut next = Vec::new();
        for (syllables, w) in &out {
            for (i, r) in rs.iter().enumerate() {
                let mut s = syllables.clone();
                s.push(r.clone());
                next.push((s, w * if i == 0 { 1.0 } else { OTHER_READING }));
            }
        }
        next.truncate(MAX_READINGS);
        out = next;
    }
    out.into_iter().map(|(s, w)| (s.join(" "), w)).collect()
}

/// The runs of Chinese characters in `text`.
fn han_runs(text: &str) -> Vec<Vec<char>> {
    let mut runs = vec![Vec::new()];
    for c in text.chars() {
        if ('\u{4e00}'..='\u{9fff}').contains(&c) {
            runs.last_mut().expect("one run at least").push(c);
        } else if !runs.last().expect("one run at least").is_empty() {
            runs.push(Vec::new());
        }
    }
    runs.retain(|r| !r.is_empty());
    runs
}

/// Every toneless syllable a character in the common CJK block is read as.
fn syllables() -> BTreeSet<String> {
    ('\u{4e00}'..='\u{9fff}').flat_map(readings).collect()
}

/// Whether `word` is a sequence of `syllables`.
pub fn splits_into(word: &str, syllables: &BTreeSet<String>) -> bool {
    let n = word.len();
    let mut ok = vec![false; n + 1];
    ok[0] = true;
    for end in 1..=n {
        ok[end] = (end.saturating_sub(6)..end).any(|start| {
            ok[start] && word.is_char_boundary(start) && syllables.contains(&word[start..end])
        });
    }
    ok[n]
}

/// The lexicon from the Chinese `sentences` and the shop's `vocabulary` (each word counted as
/// [`MIN_SPAN_COUNT`] sightings): key (syllables) → span and how often it was seen so read
/// (whole sightings, a reading not the character's usual one a fifth).
pub fn lexicon(sentences: &[String], vocabulary: &[String]) -> BTreeMap<String, (String, u32)> {
    let mut seen: HashMap<String, u32> = HashMap::new();
    let repeated = vocabulary
        .iter()
        .flat_map(|w| std::iter::repeat_n(w, MIN_SPAN_COUNT as usize));
    for s in sentences.iter().chain(repeated) {
        for run in han_runs(s) {
            for len in 1..=MAX_SPAN.min(run.len()) {
                for span in run.windows(len) {
                    *seen.entry(span.iter().collect()).or_default() += 1;
                }
            }
        }
    }
    let mut weight: HashMap<String, HashMap<String, f64>> = HashMap::new();
    for (span, &count) in &seen {
        let chars: Vec<char> = span.chars().collect();
        if chars.len() > 1 && count < MIN_SPAN_COUNT {
            continue;
        }
        for (key, w) in span_readings(&chars) {
            *weight
                .entry(key)
                .or_default()
                .entry(span.clone())
                .or_default() += w * f64::from(count);
        }
    }
    weight
        .into_iter()
        .filter_map(|(key, spans)| {
            spans
                .into_iter()
                .max_by(|a, b| a.1.total_cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
                .map(|(span, w)| (key, (span, w.round().max(1.0) as u32)))
        })
        .collect()
}

/// `words` without the spans the shorter ones already write the same way ("wo xiang" is
/// 我 and 想): what [`kefu_intent::pinyin::Lexicon::hanzi`] makes of the rest is unchanged,
/// and the file is a tenth of the size.
fn pruned(
    words: BTreeMap<String, (String, u32)>,
    syllables: &BTreeSet<String>,
) -> BTreeMap<String, (String, u32)> {
    let mut kept: BTreeMap<String, (String, u32)> = BTreeMap::new();
    for len in 1..=MAX_SPAN {
        let shorter = Lexicon::new(
            kept.iter().map(|(k, (v, n))| (k.clone(), v.clone(), *n)),
            syllables.iter().cloned(),
            std::iter::empty(),
        );
        for (key, (span, n)) in words.iter().filter(|(k, _)| k.split(' ').count() == len) {
            let keys: Vec<&str> = key.split(' ').collect();
            if len == 1 || shorter.hanzi(&keys) != *span {
                kept.insert(key.clone(), (span.clone(), *n));
            }
        }
    }
    kept
}

/// The words of a one-word-per-line file, without its `#` comments and blank lines.
fn word_list(path: &Path) -> Result<Vec<String>> {
    let raw =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    Ok(raw
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect())
}

/// Writes the three files (see the module's documentation) into `out` from the Chinese
/// sentences of `zh_files`, the shop's words of `vocabulary` and the English sentences of
/// `en_files`.
pub fn write(zh_files: &[&Path], vocabulary: &Path, en_files: &[&Path], out: &Path) -> Result<()> {
    let mut zh = Vec::new();
    for f in zh_files {
        zh.extend(texts(f)?);
    }
    let syllables = syllables();
    let words = pruned(lexicon(&zh, &word_list(vocabulary)?), &syllables);
    let mut tsv = String::from(
        "# Written by `cargo xtask pinyin` from kefu's Chinese training sentences: toneless \
         syllables<TAB>Chinese<TAB>sightings.\n",
    );
    for (key, (span, n)) in &words {
        tsv.push_str(&format!("{key}\t{span}\t{n}\n"));
    }
    std::fs::write(out.join("pinyin_words.tsv"), tsv)?;

    let list: Vec<&str> = syllables.iter().map(String::as_str).collect();
    std::fs::write(
        out.join("pinyin_syllables.txt"),
        format!("{}\n", list.join(" ")),
    )?;

    let mut english: HashMap<String, u32> = HashMap::new();
    for f in en_files {
        for t in texts(f)? {
            for w in t
                .to_lowercase()
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| !w.is_empty())
            {
                *english.entry(w.to_string()).or_default() += 1;
            }
        }
    }
    let both: BTreeSet<&str> = english
        .iter()
        .filter(|&(w, &n)| n >= MIN_ENGLISH_COUNT && splits_into(w, &syllables))
        .map(|(w, _)| w.as_str())
        .collect();
    std::fs::write(
        out.join("pinyin_english.txt"),
        format!("{}\n", both.into_iter().collect::<Vec<_>>().join(" ")),
    )?;
    println!(
        "pinyin: {} words, {} syllables written to {}",
        words.len(),
        list.len(),
        out.display()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_usual_reading_wins_a_shared_key_and_other_readings_still_count() {
        let sentences: Vec<String> = ["我要退款", "我要退款", "还没到", "换货", "换货"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let words = lexicon(&sentences, &["帽子".to_string()]);
        let span = |k: &str| words.get(k).map(|(s, _)| s.as_str());
        // A word of the shop's vocabulary is a word, seen in no sentence.
        assert_eq!(span("mao zi"), Some("帽子"));
        assert_eq!(span("tui kuan"), Some("退款"));
        assert_eq!(span("wo yao tui kuan"), Some("我要退款"));
        assert_eq!(span("huan"), Some("换"));
        assert_eq!(span("hai"), Some("还"));
        // Seen once: not a word.
        assert_eq!(words.get("hai mei"), None);
    }

    #[test]
    fn english_words_made_of_syllables_are_told_apart() {
        let s = syllables();
        assert!(s.contains("zhuang") && s.contains("lv") && s.contains("nv"));
        assert!(splits_into("dingdan", &s));
        assert!(splits_into("china", &s));
        assert!(!splits_into("order", &s));
    }
}
