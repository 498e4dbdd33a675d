//! Order numbers written out in words: "order one thousand and one", "it's ten oh three",
//! "one oh oh two", "订单一零零一", "单号是一千零四". A number in words is an order's only where
//! it is written as one (after the word for an order or its number) or is all the message
//! says besides a few fillers: "a thousand thanks" and "两千块" are no order.

use super::{Slot, SlotKind, lower_in_place, written_as_an_order};

/// English words for digits and numbers, with their values.
const UNITS: &[(&str, u32)] = &[
    ("zero", 0),
    ("oh", 0),
    ("o", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
];
const TEENS: &[(&str, u32)] = &[
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];
const TENS: &[(&str, u32)] = &[
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Words that may stand around a number given alone ("it's one oh oh three", "um order
/// number is ten oh two").
const FILLERS: &[&str] = &[
    "it's",
    "its",
    "it",
    "is",
    "was",
    "the",
    "my",
    "order",
    "number",
    "no",
    "um",
    "uh",
    "ok",
    "okay",
    "sorry",
    "right",
    "oh",
    "and",
    "订单",
    "单号",
    "订单号",
    "是",
    "号",
    "我的",
];

/// One word of `text`, lower-cased, with its byte range.
struct Word<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

fn value(table: &[(&str, u32)], word: &str) -> Option<u32> {
    table.iter().find(|(w, _)| *w == word).map(|&(_, v)| v)
}

fn is_number_word(word: &str) -> bool {
    value(UNITS, word).is_some()
        || value(TEENS, word).is_some()
        || value(TENS, word).is_some()
        || matches!(word, "hundred" | "thousand")
}

/// The digits a run of English number words says: by magnitude when it holds "hundred" or
/// "thousand" ("one thousand and one"), else digit group after digit group ("ten oh one",
/// "one oh oh two", "twenty one" as 21).
fn english_digits(run: &[&str]) -> Option<String> {
    if run.iter().any(|w| matches!(*w, "hundred" | "thousand")) {
        let (mut total, mut current) = (0u64, 0u64);
        for w in run {
            match *w {
                "and" => {}
                "a" => current = 1,
                "hundred" => current = current.max(1) * 100,
                "thousand" => {
                    total += current.max(1) * 1000;
                    current = 0;
                }
                w => {
                    let v = value(UNITS, w)
                        .or_else(|| value(TEENS, w))
                        .or_else(|| value(TENS, w))?;
                    current += u64::from(v);
                }
            }
        }
        return Some((total + current).to_string());
    }
    let mut digits = String::new();
    let mut i = 0;
    while i < run.len() {
        let w = run[i];
        if let Some(t) = value(TENS, w) {
            match run.get(i + 1).and_then(|n| value(UNITS, n)) {
                Some(u) if u > 0 => {
                    digits.push_str(&(t + u).to_string());
                    i += 1;
                }
                _ => digits.push_str(&t.to_string()),
            }
        } else if let Some(v) = value(TEENS, w).or_else(|| value(UNITS, w)) {
            digits.push_str(&v.to_string());
        } else {
            return None;
        }
        i += 1;
    }
    Some(digits)
}

/// The digits a run of Chinese numerals says: by magnitude with 千, 百 or 十 ("一千零一"),
/// else digit by digit ("一零零一", "幺零零二").
fn chinese_digits(run: &[char]) -> Option<String> {
    let digit = |c: char| {
        "零一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u64)
            .or(match c {
                '〇' => Some(0),
                '幺' => Some(1),
                '两' => Some(2),
                _ => None,
            })
    };
    if run.iter().any(|c| matches!(c, '千' | '百' | '十')) {
        let (mut total, mut current) = (0u64, 0u64);
        for &c in run {
            let unit = match c {
                '千' => 1000,
                '百' => 100,
                '十' => 10,
                c => {
                    current = digit(c)?;
                    continue;
                }
            };
            total += current.max(1) * unit;
            current = 0;
        }
        return Some((total + current).to_string());
    }
    run.iter()
        .map(|&c| digit(c).map(|d| char::from(b'0' + d as u8)))
        .collect()
}

/// Order numbers written out in words in `text`, with their byte positions.
pub(super) fn spelled_order_numbers(text: &str) -> Vec<Slot> {
    let lower = lower_in_place(text);
    let mut found = Vec::new();
    // English: runs of number words.
    let words: Vec<Word> = lower
        .split_inclusive(|c: char| !(c.is_alphanumeric() || c == '\''))
        .scan(0, |at, piece| {
            let start = *at;
            *at += piece.len();
            let trimmed = piece.trim_end_matches(|c: char| !(c.is_alphanumeric() || c == '\''));
            Some(Word {
                text: trimmed,
                start,
                end: start + trimmed.len(),
            })
        })
        .filter(|w| !w.text.is_empty())
        .collect();
    let mut i = 0;
    while i < words.len() {
        let starts = is_number_word(words[i].text)
            || (words[i].text == "a"
                && words
                    .get(i + 1)
                    .is_some_and(|n| matches!(n.text, "hundred" | "thousand")));
        if !starts || words[i].text == "o" {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < words.len()
            && (is_number_word(words[j].text)
                || (words[j].text == "and"
                    && words.get(j + 1).is_some_and(|n| is_number_word(n.text))))
        {
            j += 1;
        }
        let run: Vec<&str> = words[i..j].iter().map(|w| w.text).collect();
        if run.len() >= 2
            && let Some(digits) = english_digits(&run)
        {
            found.push((words[i].start, words[j - 1].end, digits));
        }
        i = j;
    }
    // Chinese: runs of numerals.
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let numeral = |c: char| "零〇一二三四五六七八九幺两千百十".contains(c);
    let mut k = 0;
    while k < chars.len() {
        if !numeral(chars[k].1) {
            k += 1;
            continue;
        }
        let start = k;
        while k < chars.len() && numeral(chars[k].1) {
            k += 1;
        }
        let run: Vec<char> = chars[start..k].iter().map(|&(_, c)| c).collect();
        if run.len() >= 3
            && let Some(digits) = chinese_digits(&run)
        {
            let end = chars.get(k).map_or(text.len(), |&(i, _)| i);
            found.push((chars[start].0, end, digits));
        }
    }
    found
        .into_iter()
        .filter(|(_, _, digits)| (4..=20).contains(&digits.len()))
        .filter(|&(start, end, _)| {
            written_as_an_order(&lower[..start]) || all_else_filler(&lower, start, end)
        })
        .map(|(start, end, value)| Slot {
            kind: SlotKind::OrderNumber,
            value,
            start,
            end,
        })
        .collect()
}

/// Whether `lower`, but for the number at `start..end`, holds only fillers and punctuation.
fn all_else_filler(lower: &str, start: usize, end: usize) -> bool {
    let mut rest = format!("{} {}", &lower[..start], &lower[end..]);
    // The longest fillers first, so "订单号" goes before "订单".
    let mut fillers = FILLERS.to_vec();
    fillers.sort_by_key(|f| std::cmp::Reverse(f.len()));
    for f in fillers.iter().filter(|f| !f.is_ascii()) {
        rest = rest.replace(f, " ");
    }
    rest.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .all(|w| fillers.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(text: &str) -> Vec<String> {
        spelled_order_numbers(text)
            .into_iter()
            .map(|s| {
                assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                s.value
            })
            .collect()
    }

    #[test]
    fn order_numbers_in_words_are_read_where_they_are_written_as_one() {
        for (text, want) in [
            ("order one thousand and one", "1001"),
            ("it's ten oh three", "1003"),
            ("one oh oh two", "1002"),
            ("Order number is one zero zero four.", "1004"),
            ("order a thousand and two please", "1002"),
            ("订单一零零一", "1001"),
            ("单号是一千零四", "1004"),
            ("订单号：幺零零三", "1003"),
            ("二零二六零一", "202601"),
        ] {
            assert_eq!(numbers(text), vec![want.to_string()], "{text}");
        }
    }

    #[test]
    fn numbers_in_words_that_are_no_order_are_left_alone() {
        for text in [
            "a thousand thanks for the help",
            "I bought two of them, one for my son",
            "两千块的东西就这质量",
            "twenty twenty five was a rough year for deliveries",
            "一二三四五 上山打老虎",
            "order 1001",
        ] {
            assert!(numbers(text).is_empty(), "{text}: {:?}", numbers(text));
        }
    }
}
