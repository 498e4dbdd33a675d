//! Slot values the conversation engine fills from a message: order numbers and emails, with
//! their byte positions in the original text.

use serde::{Deserialize, Serialize};

use crate::featurize::normalize_char;

/// What kind of value a slot holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SlotKind {
    /// A run of 4 to 20 digits, optionally after `#`: what shops use as order numbers.
    OrderNumber,
    /// An email address.
    Email,
    /// A phone number: a Chinese mobile number (11 digits from `1[3-9]`), or 7–15 digits
    /// written with `+`, spaces, dashes or brackets.
    PhoneNumber,
    /// An amount of money with its currency: `$45`, `¥199`, `30 euros`, `50块`.
    Money,
    /// A product of the shop's catalogue, by one of its names; the value is its SKU.
    Product,
}

/// One value found in a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    /// What it is.
    pub kind: SlotKind,
    /// The value, normalised (ASCII digits, lower-case email).
    pub value: String,
    /// Byte offset of the first character in the original text.
    pub start: usize,
    /// Byte offset just past the last character in the original text.
    pub end: usize,
}

fn is_email_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-' | '@')
}

/// Finds order numbers, emails, phone numbers and amounts of money in `text`, in order.
pub fn extract(text: &str) -> Vec<Slot> {
    let mut slots = extract_ids(text);
    // Order numbers in words ("order one thousand and one", "订单一零零一") where no other
    // reading took their words.
    // Emails spelled out ("sam at example dot com") where no address was written.
    if slots.iter().all(|s| s.kind != SlotKind::Email) {
        for slot in spelled_email::spelled_emails(text) {
            slots.retain(|s| s.end <= slot.start || s.start >= slot.end);
            slots.push(slot);
        }
    }
    for slot in spelled::spelled_order_numbers(text) {
        if slots
            .iter()
            .all(|s| slot.end <= s.start || slot.start >= s.end)
        {
            slots.push(slot);
        }
    }
    let taken: Vec<(usize, usize)> = slots.iter().map(|s| (s.start, s.end)).collect();
    let free = |start: usize, end: usize| taken.iter().all(|&(s, e)| end <= s || start >= e);
    for slot in phones(text).into_iter().chain(money(text)) {
        if free(slot.start, slot.end) {
            // A phone number or an amount is not also an order number.
            slots.retain(|s| {
                !(s.kind == SlotKind::OrderNumber && s.start >= slot.start && s.end <= slot.end)
            });
            slots.push(slot);
        } else if slot.kind == SlotKind::PhoneNumber || slot.kind == SlotKind::Money {
            // Overlaps an order-number reading: the more specific reading wins.
            slots.retain(|s| {
                !(s.kind == SlotKind::OrderNumber && s.start < slot.end && s.end > slot.start)
            });
            slots.push(slot);
        }
    }
    slots.sort_by_key(|s| s.start);
    slots
}

/// `text` as (byte offset, normalised char): full-width digits count as digits and offsets
/// still point into the original text.
fn indexed(text: &str) -> Vec<(usize, char)> {
    text.char_indices()
        .map(|(i, c)| (i, normalize_char(c)))
        .collect()
}

/// `text` lower-cased character by character wherever that keeps the character's length in
/// bytes (nearly every letter), the rest left as written: byte offsets into the result are
/// byte offsets into `text`. `str::to_lowercase` does not keep them: `Ⱥ` (2 bytes) becomes
/// `ⱥ` (3), and one such letter before an amount put its slot off by a byte, inside a
/// character, where slicing the message panics. Comparing lengths overall does not catch it
/// (U+A7DC `Ƛ`, 3 bytes, lower-cases to 2, and the two cancel out).
fn lower_in_place(text: &str) -> String {
    text.chars()
        .map(|c| {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => l,
                _ => c,
            }
        })
        .collect()
}

/// The byte offset where the `k`-th char of `chars` starts (the text's end past the last).
fn byte_end(text: &str, chars: &[(usize, char)], k: usize) -> usize {
    chars.get(k).map_or(text.len(), |&(i, _)| i)
}

/// Chinese mobile numbers and separator-written phone numbers.
fn phones(text: &str) -> Vec<Slot> {
    let chars = indexed(text);
    let end_of = |k: usize| byte_end(text, &chars, k);
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k].1;
        let starts = c == '+' || c == '(' || c.is_ascii_digit();
        let after_word = k > 0 && (chars[k - 1].1.is_ascii_alphanumeric() || chars[k - 1].1 == '@');
        if !starts || after_word {
            k += 1;
            continue;
        }
        let start = k;
        let mut digits = String::new();
        let mut separated = c == '+';
        let mut j = k;
        while j < chars.len() {
            let d = chars[j].1;
            if d.is_ascii_digit() {
                digits.push(d);
            } else if is_phone_separator(d) && continues_number(&chars, j) {
                separated = true;
            } else {
                break;
            }
            j += 1;
        }
        let glued = j < chars.len() && (chars[j].1.is_ascii_alphanumeric() || chars[j].1 == '@');
        let mobile = digits.len() == 11
            && digits.starts_with('1')
            && matches!(digits.as_bytes()[1], b'3'..=b'9');
        // One number said again and again ("1001. 1001. 1001.") is a number repeated, not
        // a phone number written in groups.
        let groups: Vec<String> = chars[start..j]
            .split(|&(_, c)| !c.is_ascii_digit())
            .filter(|g| !g.is_empty())
            .map(|g| g.iter().map(|&(_, c)| c).collect())
            .collect();
        let repeated =
            groups.len() >= 2 && groups[0].len() >= 4 && groups.iter().all(|g| *g == groups[0]);
        let spaced_number = separated
            && !repeated
            && (7..=15).contains(&digits.len())
            && chars[start..j].iter().any(|&(_, c)| !c.is_ascii_digit());
        if !glued && (mobile || spaced_number) {
            out.push(Slot {
                kind: SlotKind::PhoneNumber,
                value: digits,
                start: chars[start].0,
                end: end_of(j),
            });
            k = j;
        } else {
            k = j.max(k + 1);
        }
    }
    out
}

fn is_phone_separator(c: char) -> bool {
    matches!(c, ' ' | '-' | '(' | ')' | '+' | '.')
}

/// Whether the separators at `j` (at most three, like `) (`) lead to more digits. A full
/// stop and a space end a sentence ("on 1001. 45.00. I'm done"), not a group of digits.
fn continues_number(chars: &[(usize, char)], j: usize) -> bool {
    let run: String = chars[j..]
        .iter()
        .map(|&(_, c)| c)
        .take_while(|&c| is_phone_separator(c))
        .collect();
    !run.contains(". ")
        && chars[j..]
            .iter()
            .take(4)
            .map(|&(_, c)| c)
            .find(|&c| !is_phone_separator(c))
            .is_some_and(|c| c.is_ascii_digit())
        && chars[j..]
            .iter()
            .take_while(|&&(_, c)| is_phone_separator(c))
            .count()
            <= 3
}

/// Amounts with a currency symbol or word before or after the number.
fn money(text: &str) -> Vec<Slot> {
    const BEFORE: &[(&str, &str)] = &[
        ("$", "USD"),
        ("us$", "USD"),
        ("usd", "USD"),
        ("€", "EUR"),
        ("eur", "EUR"),
        ("£", "GBP"),
        ("gbp", "GBP"),
        ("¥", "CNY"),
        ("￥", "CNY"),
        ("rmb", "CNY"),
        ("cny", "CNY"),
    ];
    const AFTER: &[(&str, &str)] = &[
        ("块钱", "CNY"),
        ("块", "CNY"),
        ("元", "CNY"),
        ("rmb", "CNY"),
        ("usd", "USD"),
        ("dollars", "USD"),
        ("dollar", "USD"),
        ("bucks", "USD"),
        ("euros", "EUR"),
        ("euro", "EUR"),
        ("eur", "EUR"),
        ("pounds", "GBP"),
        ("美元", "USD"),
        ("欧元", "EUR"),
        ("英镑", "GBP"),
    ];
    let lower = lower_in_place(text);
    let bytes = lower.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit()
            || (i > 0 && (bytes[i - 1].is_ascii_digit() || bytes[i - 1] == b'.'))
        {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len()
            && (bytes[i].is_ascii_digit()
                || (bytes[i] == b'.' && i + 1 < bytes.len() && bytes[i + 1].is_ascii_digit())
                || bytes[i] == b',')
        {
            i += 1;
        }
        let number = lower[start..i].replace(',', "");
        let before = lower[..start].trim_end();
        let after = lower[i..].trim_start();
        let prefix = BEFORE.iter().find(|(sym, _)| before.ends_with(sym));
        let suffix = AFTER.iter().find(|(word, _)| after.starts_with(word));
        let (currency, span_start, span_end) = match (prefix, suffix) {
            (Some((sym, cur)), _) => (*cur, before.len() - sym.len(), i),
            (None, Some((word, cur))) => (*cur, start, lower.len() - after.len() + word.len()),
            _ => continue,
        };
        out.push(Slot {
            kind: SlotKind::Money,
            value: format!("{number} {currency}"),
            start: span_start,
            end: span_end,
        });
    }
    out
}

/// Order numbers and emails.
fn extract_ids(text: &str) -> Vec<Slot> {
    let chars = indexed(text);
    let end_of = |k: usize| byte_end(text, &chars, k);
    let mut slots = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k].1;
        if is_email_char(c) && c != '@' {
            let start = k;
            while k < chars.len() && is_email_char(chars[k].1) {
                k += 1;
            }
            let run: String = chars[start..k].iter().map(|&(_, c)| c).collect();
            let trimmed = run.trim_end_matches(['.', '-', '_']);
            let run_end = start + trimmed.chars().count();
            if let Some((local, domain)) = trimmed.split_once('@')
                && !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
            {
                slots.push(Slot {
                    kind: SlotKind::Email,
                    value: trimmed.to_string(),
                    start: chars[start].0,
                    end: end_of(run_end),
                });
                continue;
            }
            // Not an email: look for digit runs inside the run.
            let mut d = start;
            while d < run_end {
                if chars[d].1.is_ascii_digit() {
                    let ds = d;
                    while d < run_end && chars[d].1.is_ascii_digit() {
                        d += 1;
                    }
                    let len = d - ds;
                    // A digit run glued to letters (e.g. "A1001") is part of an id we don't
                    // know the shape of; take pure digit runs only, and those written
                    // straight after the word for an order ("order1004", "no.1003").
                    let letters: String = chars[start..ds].iter().map(|&(_, c)| c).collect();
                    let glued = (ds > start
                        && chars[ds - 1].1.is_ascii_alphabetic()
                        && !names_an_order(&letters))
                        || (d < run_end && chars[d].1.is_ascii_alphabetic());
                    if (4..=20).contains(&len) && !glued {
                        slots.push(Slot {
                            kind: SlotKind::OrderNumber,
                            value: chars[ds..d].iter().map(|&(_, c)| c).collect(),
                            start: chars[ds].0,
                            end: end_of(d),
                        });
                    }
                } else {
                    d += 1;
                }
            }
        } else {
            k += 1;
        }
    }
    slots
}

/// Whether `prefix`, the letters an id is glued to, is only the word for an order or its
/// number ("order", "ord", "no", "nr", "ordernumber"), in any case.
fn names_an_order(prefix: &str) -> bool {
    const WORDS: &[&str] = &[
        "order",
        "ord",
        "no",
        "nr",
        "num",
        "orderno",
        "ordernr",
        "ordernum",
        "ordernumber",
        "orders",
    ];
    let word = prefix
        .trim_end_matches(['.', '-', '_'])
        .to_ascii_lowercase();
    WORDS.contains(&word.as_str())
}

/// Finds mentions of the shop's products: `catalog` is (SKU, names) pairs, the names in any
/// language ("grey zip hoodie", "灰色拉链卫衣", "hoodie"). Matching ignores case; Latin names
/// must stand as whole words ("cap" is not found in "capital"). Longer names win.
pub fn products(text: &str, catalog: &[(&str, &[&str])]) -> Vec<Slot> {
    let lower = lower_in_place(text);
    let mut names: Vec<(&str, String)> = catalog
        .iter()
        .flat_map(|(sku, names)| names.iter().map(move |n| (*sku, lower_in_place(n))))
        .filter(|(_, n)| !n.trim().is_empty())
        .collect();
    names.sort_by_key(|(_, n)| std::cmp::Reverse(n.len()));
    let mut found: Vec<Slot> = Vec::new();
    for (sku, name) in names {
        let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        for (start, _) in lower.match_indices(name.as_str()) {
            let end = start + name.len();
            let latin_edges = name.starts_with(|c: char| c.is_ascii_alphanumeric())
                && (word(lower[..start].chars().next_back()) || word(lower[end..].chars().next()));
            let overlaps = found.iter().any(|s| start < s.end && end > s.start);
            if !latin_edges && !overlaps {
                found.push(Slot {
                    kind: SlotKind::Product,
                    value: sku.to_string(),
                    start,
                    end,
                });
            }
        }
    }
    found.sort_by_key(|s| s.start);
    found
}

/// The first value of `kind` in `slots`.
pub fn first(slots: &[Slot], kind: SlotKind) -> Option<&str> {
    slots
        .iter()
        .find(|s| s.kind == kind)
        .map(|s| s.value.as_str())
}

/// The order number a message means, of those `slots` found in `text`: after the shopper
/// corrects themselves ("order 1001 - no wait, this is 1003", "1002 不对 是1003"), the first
/// one after the correction; else the first written as an order's ("order 1002", "#1002",
/// "单号1002") over bare numbers, which may be a postcode or a phone ("typed 200031, should
/// be 200032. order 1002"); else the first that is not a year in a date's words; else the
/// first.
pub fn order_number<'s>(text: &str, slots: &'s [Slot]) -> Option<&'s str> {
    let numbers: Vec<&Slot> = slots
        .iter()
        .filter(|s| s.kind == SlotKind::OrderNumber)
        .collect();
    let lower = lower_in_place(text);
    // "地址写错了" corrects the address, not the order's number.
    let of_the_address = |at: usize| {
        let before = lower[..at].trim_end();
        [
            "地址",
            "门牌号",
            "门牌",
            "房间号",
            "address",
            "street number",
            "house number",
        ]
        .iter()
        .any(|w| before.ends_with(w))
    };
    let corrected = SELF_CORRECTIONS
        .iter()
        .filter_map(|c| lower.rfind(c))
        .filter(|&at| !of_the_address(at))
        .filter(|&at| numbers.iter().any(|n| n.start > at))
        .max();
    if let Some(at) = corrected {
        return numbers
            .iter()
            .find(|n| n.start > at)
            .map(|n| n.value.as_str());
    }
    // A year beside another number, in a date's words, is the year ("love how 'expected
    // november 26' apparently meant 2027. 1001", "2026年的订单 1003").
    const DATED: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "expected",
        "since",
        "年",
    ];
    let dated = DATED.iter().any(|w| lower.contains(w));
    let a_year = |n: &&&Slot| {
        dated
            && n.value.len() == 4
            && n.value
                .parse::<u32>()
                .is_ok_and(|y| (1990..=2099).contains(&y))
    };
    numbers
        .iter()
        .find(|n| written_as_an_order(&lower[..n.start]))
        .or_else(|| numbers.iter().find(|n| !a_year(n)))
        .or(numbers.first())
        .map(|n| n.value.as_str())
}

/// The email a message means, of those `slots` found in `text`: after the shopper corrects
/// themselves ("the email on it is liwei@example.com... no wait, with a dot.
/// li.wei@example.com", "邮箱是liwei@qq.com 不对 是li.wei@qq.com"), the first one after the
/// correction; else the first.
pub fn email<'s>(text: &str, slots: &'s [Slot]) -> Option<&'s str> {
    let emails: Vec<&Slot> = slots.iter().filter(|s| s.kind == SlotKind::Email).collect();
    let lower = lower_in_place(text);
    // A second address after "sorry" or "oops" puts the first right ("我的邮箱
    // li.wei@exmaple.com sorry li.wei@example.com").
    let two_written: &[&str] = if emails.len() > 1 {
        &["sorry", "sry", "oops", "typo"]
    } else {
        &[]
    };
    let corrected = SELF_CORRECTIONS
        .iter()
        .chain(two_written)
        .filter_map(|c| lower.rfind(c))
        .filter(|&at| emails.iter().any(|e| e.start > at))
        .max();
    match corrected {
        Some(at) => emails.iter().find(|e| e.start > at),
        None => emails.first(),
    }
    .map(|e| e.value.as_str())
}

/// The parcel tracking numbers written in `text`, as written: a UPS number (`1Z` and sixteen
/// letters or digits) or a postal one of 20 to 22 digits (USPS). They name an order as
/// surely as its number does.
pub fn tracking_numbers(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| {
            let ups = t.len() == 18
                && t[..2].eq_ignore_ascii_case("1z")
                && t.bytes().all(|b| b.is_ascii_alphanumeric());
            let postal = (20..=22).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
            ups || postal
        })
        .collect()
}

/// What a shopper writes to take back what they just wrote.
const SELF_CORRECTIONS: &[&str] = &[
    "no wait",
    "oh wait",
    "ignore that",
    "scratch that",
    "forget that one",
    "i mean",
    "i meant",
    "my bad",
    "correction",
    "the other one",
    "wrong number",
    "sorry, it's",
    "sorry its",
    // "order number 1020, no sorry, 1002", "order 1010 — sorry, 1001".
    "no sorry",
    "— sorry",
    "- sorry",
    "-- sorry",
    "不对",
    "说错",
    "打错",
    "写错了",
    "搞错了",
    "弄错了",
];

/// Whether `before`, the lower-cased text before a number, ends with the word for an order
/// or its number ("order ", "order no. ", "#", "单号", "订单号：").
fn written_as_an_order(before: &str) -> bool {
    if before.trim_end().ends_with('#') {
        return true;
    }
    let before = before.trim_end_matches([' ', ':', '：', '.', '-']);
    [
        "order",
        "order no",
        "order number",
        "order nr",
        "order num",
        "ord",
        "no",
        "nr",
        "单号",
        "订单",
        "订单号",
        "订单编号",
    ]
    .iter()
    .any(|w| before.ends_with(w))
}

#[path = "slots_spelled.rs"]
mod spelled;
#[path = "slots_spelled_email.rs"]
mod spelled_email;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_emails_spelled_out() {
        let s = extract("email is li.wei at example dot com");
        assert_eq!(
            email("email is li.wei at example dot com", &s),
            Some("li.wei@example.com")
        );
    }

    #[test]
    fn finds_order_numbers_in_english_and_chinese() {
        let s = extract("where is my order #1001?");
        assert_eq!(first(&s, SlotKind::OrderNumber), Some("1001"));
        let s = extract("我的订单1001到哪了");
        assert_eq!(first(&s, SlotKind::OrderNumber), Some("1001"));
        assert_eq!(&"我的订单1001到哪了"[s[0].start..s[0].end], "1001");
    }

    #[test]
    fn numbers_in_sentences_one_after_another_are_no_phone_number() {
        let s = extract("I want a full refund on 1001. 98.00. jane@example.com");
        assert_eq!(first(&s, SlotKind::OrderNumber), Some("1001"));
        assert_eq!(first(&s, SlotKind::PhoneNumber), None);
        let s = extract("call me on 555.123.4567");
        assert_eq!(first(&s, SlotKind::PhoneNumber), Some("5551234567"));
    }

    #[test]
    fn an_order_number_glued_to_the_word_for_an_order_is_found() {
        for text in [
            "少了一件 order1004 sam@example.com",
            "ORDER1004 pls",
            "no.1004",
            "Ord-1004",
        ] {
            let s = extract(text);
            assert_eq!(first(&s, SlotKind::OrderNumber), Some("1004"), "{text}");
        }
        // Glued to other letters, it is an id of another shape (a SKU, a reorder code).
        for text in ["sku AB1004", "reorder1004", "1004ab", "order1004x"] {
            let s = extract(text);
            assert_eq!(first(&s, SlotKind::OrderNumber), None, "{text}");
        }
    }

    #[test]
    fn full_width_digits_are_order_numbers_too() {
        let text = "订单１００２呢";
        let s = extract(text);
        assert_eq!(first(&s, SlotKind::OrderNumber), Some("1002"));
        assert_eq!(&text[s[0].start..s[0].end], "１００２");
    }

    #[test]
    fn finds_emails_and_does_not_read_their_digits_as_orders() {
        let s = extract("order 1002, my email is li.wei88@example.com.");
        assert_eq!(first(&s, SlotKind::Email), Some("li.wei88@example.com"));
        assert_eq!(
            s.iter().filter(|s| s.kind == SlotKind::OrderNumber).count(),
            1
        );
    }

    #[test]
    fn phone_numbers_are_not_order_numbers() {
        let s = extract("call me on 13812345678 about order 20231115008");
        assert_eq!(first(&s, SlotKind::PhoneNumber), Some("13812345678"));
        assert_eq!(first(&s, SlotKind::OrderNumber), Some("20231115008"));
        let s = extract("my number is +1 (555) 123-4567");
        assert_eq!(first(&s, SlotKind::PhoneNumber), Some("15551234567"));
        assert!(first(&s, SlotKind::OrderNumber).is_none(), "{s:?}");
        // One order number said three times is that order, not a phone number.
        let s = extract("I already told you the order number THREE TIMES. 1001. 1001. 1001.");
        assert!(first(&s, SlotKind::PhoneNumber).is_none(), "{s:?}");
        assert_eq!(first(&s, SlotKind::OrderNumber), Some("1001"));
        let s = extract("call 555.123.4567");
        assert_eq!(first(&s, SlotKind::PhoneNumber), Some("5551234567"));
    }

    #[test]
    fn amounts_keep_their_currency_and_position() {
        let text = "I was charged $45.99 twice, 退我50块";
        let s = extract(text);
        let money: Vec<_> = s.iter().filter(|s| s.kind == SlotKind::Money).collect();
        assert_eq!(money.len(), 2, "{s:?}");
        assert_eq!(
            (money[0].value.as_str(), &text[money[0].start..money[0].end]),
            ("45.99 USD", "$45.99")
        );
        assert_eq!(
            (money[1].value.as_str(), &text[money[1].start..money[1].end]),
            ("50 CNY", "50块")
        );
        assert!(first(&s, SlotKind::OrderNumber).is_none(), "{s:?}");
    }

    #[test]
    fn products_are_found_by_any_of_their_names_as_whole_words() {
        let catalog: &[(&str, &[&str])] = &[
            ("HOOD-GRY-L", &["grey zip hoodie", "hoodie", "灰色拉链卫衣"]),
            ("CAP-NVY", &["navy baseball cap", "cap"]),
        ];
        let text = "is the Grey Zip Hoodie back? and the 灰色拉链卫衣";
        let s = products(text, catalog);
        assert_eq!(s.len(), 2, "{s:?}");
        assert_eq!(
            (s[0].value.as_str(), &text[s[0].start..s[0].end]),
            ("HOOD-GRY-L", "Grey Zip Hoodie")
        );
        assert_eq!(&text[s[1].start..s[1].end], "灰色拉链卫衣");
        assert!(products("what's the capital of peru", catalog).is_empty());
        assert_eq!(products("a cap please", catalog)[0].value, "CAP-NVY");
    }

    #[test]
    fn letters_whose_lower_case_is_longer_do_not_shift_slot_positions() {
        // Found by the property tests: `Ⱥ` lower-cases to three bytes and U+A7DC `Ƛ` to two, so
        // the text kept its length while the amount's position moved into `£`.
        let text = "\u{23A}£0\u{A7DC}";
        let found = extract(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(&text[found[0].start..found[0].end], "£0");
        assert_eq!(found[0].value, "0 GBP");
        // Products are found in such text too, by their name in any case.
        let text = "ȺȺ the GREY ZIP HOODIE";
        let found = products(text, &[("HOODIE", &["grey zip hoodie"])]);
        assert_eq!(&text[found[0].start..found[0].end], "GREY ZIP HOODIE");
    }

    #[test]
    fn short_numbers_are_not_order_numbers() {
        assert!(extract("I bought 2 shirts 3 days ago").is_empty());
    }

    #[test]
    fn the_order_number_meant_is_the_corrected_one_or_the_one_written_as_an_order() {
        for (text, meant) in [
            (
                "got a white tee, order 1001 - no wait sorry thats the other one, this is 1003",
                "1003",
            ),
            (
                "wrong postcode on my order!!! typed 200031, should be 200032. order 1002",
                "1002",
            ),
            ("call me on 13800 or about #1004", "1004"),
            ("1002 不对，是1003", "1003"),
            (
                "order number 1020, no sorry, 1002. email is li.wei at example dot com",
                "1002",
            ),
            (
                "order 1003 has a typo in the zip, it should be 10012",
                "1003",
            ),
            ("邮编200031，单号1002", "1002"),
            ("order 1010 — sorry, 1001", "1001"),
            ("sorry, 1001 is late", "1001"),
            ("where are 1001 and 1003?", "1001"),
            ("order 1001 and 1003", "1001"),
            // A year beside the order's number.
            (
                "love how 'expected november 26' apparently meant 2027. 1001",
                "1001",
            ),
            ("2026年的订单 1003", "1003"),
            ("2045 and 1003 both late", "2045"),
            // The address written wrong, not the order's number.
            (
                "hi, order 1002 地址写错了 the apartment number should be 1203 not 1302",
                "1002",
            ),
        ] {
            let slots = extract(text);
            assert_eq!(order_number(text, &slots), Some(meant), "{text}");
        }
        assert_eq!(
            order_number("no numbers here", &extract("no numbers here")),
            None
        );
    }

    #[test]
    fn the_email_meant_is_the_corrected_one() {
        let text =
            "the email on it is liwei@example.com... no wait, with a dot. li.wei@example.com";
        assert_eq!(email(text, &extract(text)), Some("li.wei@example.com"));
        let text = "jane@example.com, order 1001";
        assert_eq!(email(text, &extract(text)), Some("jane@example.com"));
        // A second address after "sorry" puts the first right; one address after "sorry" is
        // that one.
        let text = "我的邮箱 li.wei@exmaple.com sorry li.wei@example.com";
        assert_eq!(email(text, &extract(text)), Some("li.wei@example.com"));
        let text = "sorry for the wait, it's jane@example.com";
        assert_eq!(email(text, &extract(text)), Some("jane@example.com"));
    }

    #[test]
    fn tracking_numbers_are_ups_and_postal_numbers() {
        assert_eq!(
            tracking_numbers("ups tracking 1Z999AA10123456784 whats the status on that"),
            vec!["1Z999AA10123456784"]
        );
        assert_eq!(
            tracking_numbers("USPS says 9400111899223344556677, delivered?"),
            vec!["9400111899223344556677"]
        );
        assert!(tracking_numbers("order 1001, call 13800138000").is_empty());
    }
}
