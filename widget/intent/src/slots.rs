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

/// Finds order numbers and emails in `text`.
pub fn extract(text: &str) -> Vec<Slot> {
    // Work on (byte offset, normalised char) so full-width digits count and offsets still
    // point into the original text.
    let chars: Vec<(usize, char)> = text
        .char_indices()
        .map(|(i, c)| (i, normalize_char(c)))
        .collect();
    let end_of = |k: usize| chars.get(k).map_or(text.len(), |&(i, _)| i);
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
                    // know the shape of; take pure digit runs only.
                    let glued = (ds > start && chars[ds - 1].1.is_ascii_alphabetic())
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

/// The first value of `kind` in `slots`.
pub fn first(slots: &[Slot], kind: SlotKind) -> Option<&str> {
    slots
        .iter()
        .find(|s| s.kind == kind)
        .map(|s| s.value.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_order_numbers_in_english_and_chinese() {
        let s = extract("where is my order #1001?");
        assert_eq!(first(&s, SlotKind::OrderNumber), Some("1001"));
        let s = extract("我的订单1001到哪了");
        assert_eq!(first(&s, SlotKind::OrderNumber), Some("1001"));
        assert_eq!(&"我的订单1001到哪了"[s[0].start..s[0].end], "1001");
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
    fn short_numbers_are_not_order_numbers() {
        assert!(extract("I bought 2 shirts 3 days ago").is_empty());
    }
}
