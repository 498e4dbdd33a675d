//! How much money a message asks back: a sum named ("refund the 98", "my 138 back",
//! "98块给我退了"), or the whole of an order ("full refund", "整单退款"), read into minor
//! units. Pure word reading, apart from whether money is asked back at all
//! (`refund_words.rs`).

use kefu_intent::slots::{self, SlotKind};

use super::language::mentions;

/// Whether `text` asks for a sum back ("get my 138 back", "want my $69 back", "I want the
/// full 138 back", "any chance of getting my 22 bucks back?", "how does one get 22 bucks
/// back from you people"): a sum, its currency perhaps after it, then "back", with "my",
/// "the" or a verb of getting before it.
pub fn names_a_sum_back(text: &str) -> bool {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !(c.is_alphanumeric() || "$£€".contains(c))))
        .collect();
    words.iter().enumerate().any(|(at, w)| {
        if *w != "back" || at < 2 {
            return false;
        }
        let mut k = at - 1;
        if matches!(
            words[k],
            "bucks" | "dollars" | "usd" | "quid" | "pounds" | "euros" | "kuai" | "yuan"
        ) {
            k -= 1;
        }
        // A sum is digits ("2XL" or "750ml" back in stock is no sum), and what is back is
        // not stock ("is the 22 back in stock").
        let figure = words[k].trim_start_matches(['$', '£', '€', '¥']);
        let sum = figure.starts_with(|c: char| c.is_ascii_digit())
            && figure
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',');
        let in_stock = words
            .get(at + 1)
            .is_some_and(|w| matches!(*w, "in" | "yet" | "on"));
        sum && !in_stock
            && k >= 1
            && matches!(
                words[k - 1],
                "my" | "the"
                    | "our"
                    | "whole"
                    | "full"
                    | "get"
                    | "getting"
                    | "got"
                    | "have"
                    | "want"
                    | "need"
                    | "me"
            )
    })
}

/// The sum, in minor units, the shopper asks to have back (`None` when they name none): an
/// amount with its currency ("$98", "138块"), or a bare number where a refund's sum stands
/// ("refund the 98", "get my 138 back", "退我98"). `order`, the order number, is never a
/// sum.
pub fn asked_sum(text: &str, order: Option<&str>) -> Option<u64> {
    let found = slots::extract(text);
    if let Some(money) = slots::first(&found, SlotKind::Money) {
        return money.split_once(' ').and_then(|(n, _)| minor_units(n));
    }
    let lower = text.to_lowercase();
    const BEFORE: &[&str] = &[
        "refund the ",
        "refund my ",
        "refund me ",
        "refund me the ",
        "refund of ",
        "refund all ",
        "refund for the ",
        "退我",
        "退给我",
        "退回",
    ];
    let after_a_lead = BEFORE.iter().find_map(|lead| {
        lower
            .split(lead)
            .skip(1)
            .find_map(|rest| leading_number(rest.trim_start_matches(['$', '£', '€', '¥'])))
    });
    let before_back = lower.split(" back").find_map(|head| {
        let mut words = head.split_whitespace().rev();
        let sum = words.next()?.trim_start_matches(['$', '£', '€', '¥']);
        let owner = words.next()?;
        matches!(owner, "my" | "the" | "all" | "full").then(|| leading_number(sum))?
    });
    let sum = after_a_lead.or(before_back)?;
    (order != Some(sum)).then(|| minor_units(sum))?
}

/// Whether `text` names how much it wants back: a sum ("I want the full 138 back") or the
/// whole of it ("全额退，138").
pub fn names_how_much_back(text: &str) -> bool {
    names_a_sum_back(text) || names_the_whole(text)
}

/// Whether `text` names the whole of an order's sum, once a refund is asked for ("全部 138,
/// not partial", "all of it", "两件都不要了").
pub fn names_the_whole(text: &str) -> bool {
    mentions(
        text,
        &[
            "full refund",
            "whole order",
            "entire order",
            "whole thing",
            "refund everything",
            "refund it all",
            "all my money back",
            "every penny",
            "every cent",
            "all of it",
            "the full amount",
            "refunded in full",
            "refund in full",
            "the whole amount",
            "整单",
            "全额",
            "全部退",
            "全退",
            "都退",
            "都不要",
        ],
    )
}

/// The sum a message sent while a refund waits names (`None` when it names none): what
/// [`asked_sum`] reads, a bare number up to the order's `total` ("全部 138, not partial",
/// "138 not 69"), or the whole of it ("all of it"). `order`, the order number, is never a
/// sum; nor is a number above the order's total.
pub fn sum_in_a_reply(text: &str, order: Option<&str>, total: Option<u64>) -> Option<u64> {
    if let Some(sum) = asked_sum(text, order) {
        return Some(sum);
    }
    let bare = text
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .map(|w| w.trim_matches('.'))
        .filter(|w| !w.is_empty() && Some(*w) != order)
        .filter_map(minor_units)
        .find(|sum| total.is_some_and(|t| *sum <= t));
    bare.or_else(|| {
        total.filter(|_| names_the_whole(text) || mentions(text, &["全部", "everything"]))
    })
}

/// The number `text` starts with ("98", "98.50"), when no Latin letter or digit is glued
/// after it ("98就行" is 98; "2nd" is no sum).
fn leading_number(text: &str) -> Option<&str> {
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let number = text[..end].trim_end_matches('.');
    let next = text[end..].chars().next();
    (!number.is_empty()
        && number.starts_with(|c: char| c.is_ascii_digit())
        && next.is_none_or(|c| !c.is_ascii_alphanumeric()))
    .then_some(number)
}

/// `number` ("98", "98.5", "1,380.00" without its commas) in minor units (hundredths).
fn minor_units(number: &str) -> Option<u64> {
    let (whole, cents) = number.split_once('.').unwrap_or((number, ""));
    let whole: u64 = whole.replace(',', "").parse().ok()?;
    let cents: u64 = match cents.len() {
        0 => 0,
        1 => cents.parse::<u64>().ok()? * 10,
        _ => cents[..2].parse().ok()?,
    };
    whole.checked_mul(100)?.checked_add(cents)
}

#[cfg(test)]
#[path = "refund_sums_tests.rs"]
mod tests;
