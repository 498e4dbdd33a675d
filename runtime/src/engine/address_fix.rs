//! A part of the delivery address corrected rather than the whole written again ("it's 17
//! not 71", "门牌号是18号不是81号", "I put Shanghia instead of Shanghai"): what it should say
//! and what it says now, applied to the address the order goes to. A correction is heard
//! only where an address is spoken of (or its change is under way), never of an order number
//! or a sum of money. The result is only ever proposed: the orders plugin shows the whole new
//! address and the shopper confirms it. Pure.

/// A correction of part of an address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    /// What the address should say.
    pub right: String,
    /// What it says by mistake.
    pub wrong: String,
}

/// Verbs after which "A instead of B" or "A not B" names the mistake first ("I put
/// Shanghia instead of Shanghai", "it says 71 not 17"); otherwise the right form comes first
/// ("should be 17 instead of 71").
const WROTE: &[&str] = &[
    "put", "typed", "wrote", "entered", "spelled", "spelt", "used", "says", "shows", "has",
    "reads", "lists",
];

/// Words that say an address is spoken of.
const ADDRESS_WORDS: &[&str] = &[
    "address",
    "street",
    "road",
    "avenue",
    "lane",
    "house number",
    "house no",
    "flat",
    "apartment",
    "apt",
    "building",
    "floor",
    "unit",
    "postcode",
    "post code",
    "zip",
    "city",
    "town",
    "spelled",
    "spelt",
    "typo",
    "地址",
    "门牌",
    "楼",
    "单元",
    "室",
    "邮编",
    "路",
    "街",
];

/// Words that make a number a sum of money or a count, not part of an address.
const NOT_AN_ADDRESS: &[&str] = &[
    "$", "£", "€", "¥", "usd", "dollar", "bucks", "charged", "paid", "price", "cost", "refund",
    "元", "块钱", "quantity",
];

/// The correction `text` makes, if it makes one: where it speaks of an address, or
/// `under_way` (the bot is about to change one, or has just proposed one), and neither side
/// is an order number, a sum of money or a count.
pub fn correction(text: &str, under_way: bool) -> Option<Correction> {
    let lower = text.to_lowercase();
    if !(under_way || super::language::mentions(&lower, ADDRESS_WORDS))
        || super::language::mentions(&lower, NOT_AN_ADDRESS)
    {
        return None;
    }
    // The order the message names is no part of its address ("change the address of 1002
    // not 1001", "typo in my street number on 1002, should be 17 not 71"); a postcode beside
    // it is ("typed 200031, should be 200032. order 1002").
    let slots = kefu_intent::slots::extract(text);
    let order = kefu_intent::slots::order_number(text, &slots);
    let an_order = |n: &str| order.is_some_and(|o| o.eq_ignore_ascii_case(n));
    english(&lower)
        .into_iter()
        .chain(chinese(&lower))
        .find(|c| !an_order(&c.right) && !an_order(&c.wrong))
}

/// Whether `text` corrects one number with another ("should be 10012 not 10021"), whatever
/// the numbers look like: said just after an address was the matter, it corrects the
/// address (its zip code), however much its numbers look like order numbers.
pub fn corrects_a_number(text: &str) -> bool {
    let lower = text.to_lowercase();
    let numeric = |s: &str| s.starts_with(|c: char| c.is_ascii_digit());
    !super::language::mentions(&lower, NOT_AN_ADDRESS)
        && english(&lower)
            .into_iter()
            .chain(chinese(&lower))
            .any(|c| numeric(&c.right) && numeric(&c.wrong))
}

/// Every correction the English words of `lower` may make, in the order they are said.
fn english(lower: &str) -> Vec<Correction> {
    let mut found = Vec::new();
    let words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || ",;:!?()\"".contains(c))
        .map(|w| w.trim_matches(|c: char| c == '.' || c == '\''))
        .filter(|w| !w.is_empty())
        .collect();
    let numeric = |s: &str| s.starts_with(|c: char| c.is_ascii_digit());
    let pair = |right: &str, wrong: &str| {
        (piece(right) && piece(wrong) && right != wrong && numeric(right) == numeric(wrong)).then(
            || Correction {
                right: right.to_string(),
                wrong: wrong.to_string(),
            },
        )
    };
    for i in 1..words.len() {
        let next = words.get(i + 1).copied();
        match words[i] {
            // "it's 17 not 71"; "it says 71 not 17"
            "not" => {
                let wrote = i >= 2 && WROTE.contains(&words[i - 2]);
                found.extend(next.and_then(|w| {
                    if wrote {
                        pair(w, words[i - 1])
                    } else {
                        pair(words[i - 1], w)
                    }
                }));
            }
            // "I put Shanghia instead of Shanghai" / "should be 17 instead of 71"
            "instead" if next == Some("of") => {
                let Some(other) = words.get(i + 2) else {
                    continue;
                };
                // "it says Nanjng Rd instead of Nanjing Rd": a word both sides share ends
                // them; the word before it is the one corrected.
                let shared = i >= 2 && words.get(i + 3) == Some(&words[i - 1]);
                let (first, other, at) = if shared {
                    (words[i - 2], other, i - 1)
                } else {
                    (words[i - 1], other, i)
                };
                let wrote = at >= 2 && WROTE.contains(&words[at - 2]);
                found.extend(if wrote {
                    pair(other, first)
                } else {
                    pair(first, other)
                });
            }
            // "typed 71, should be 17"; "it says Nanjing Rd 12 but it should be 21"
            "should" if next == Some("be") => {
                let wrong = words[..i]
                    .iter()
                    .rev()
                    .find(|w| !matches!(**w, "but" | "it" | "and" | "which" | "that" | "so"));
                if let (Some(right), Some(wrong)) = (words.get(i + 2), wrong) {
                    found.extend(pair(right, wrong));
                }
            }
            _ => {}
        }
    }
    found
}

/// "是18号不是81号", "不是81号，是18号", "81号应该是18号", "把81改成18".
fn chinese(lower: &str) -> Option<Correction> {
    let number_before = |s: &str| {
        let s = s.trim_end_matches(['号', ' ', '，', ',']);
        let start = s
            .rfind(|c: char| !c.is_ascii_alphanumeric())
            .map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
        let n = &s[start..];
        n.chars().any(|c| c.is_ascii_digit()).then(|| n.to_string())
    };
    let number_after = |s: &str| {
        let s = s.trim_start_matches(['是', ' ', '，', ',', '而']);
        let end = s
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(s.len());
        let n = &s[..end];
        n.chars().any(|c| c.is_ascii_digit()).then(|| n.to_string())
    };
    let pair = |right: Option<String>, wrong: Option<String>| match (right, wrong) {
        (Some(right), Some(wrong)) if right != wrong => Some(Correction { right, wrong }),
        _ => None,
    };
    if let Some(at) = lower.find("不是") {
        let (before, after) = (&lower[..at], &lower[at + "不是".len()..]);
        // "是18号不是81号"
        if let Some(c) = pair(number_before(before), number_after(after)) {
            return Some(c);
        }
        // "不是81号，是18号"
        let wrong = number_after(after);
        if let Some(w) = &wrong
            && let Some(rest) = after.find(w.as_str()).map(|i| &after[i + w.len()..])
            && let Some(is) = rest.find('是')
        {
            return pair(number_after(&rest[is..]), wrong);
        }
    }
    for turn in ["应该是", "改成", "改为"] {
        if let Some(at) = lower.find(turn) {
            let right = number_after(&lower[at + turn.len()..]);
            let wrong = number_before(lower[..at].trim_end_matches(['写', '成', '了', '把']));
            if let Some(c) = pair(right, wrong) {
                return Some(c);
            }
        }
    }
    None
}

/// Whether `word` can be part of an address: a number ("17", "5b") or a word of Latin
/// letters (Chinese runs its words together: "浦东新区 not 徐汇" is no one word for another).
fn piece(word: &str) -> bool {
    const NOT: &[&str] = &[
        "it", "its", "it's", "is", "the", "a", "an", "and", "but", "that", "this", "me", "my", "i",
        "you", "be", "was", "sure", "just", "only", "really", "yet", "there", "here", "do", "did",
        "does", "have", "has", "had", "can", "could", "will", "would", "should", "order", "size",
        "received", "ship", "change", "cancel", "refund", "exchange", "return", "get", "got",
        "now", "yes", "no", "please", "thanks", "one", "them", "they", "we", "us",
    ];
    // A word of letters is a place's name, three letters or more ("size M not L" is no
    // address); a number may be short ("5B").
    let letters = !word.starts_with(|c: char| c.is_ascii_digit());
    word.chars().count() <= 30
        && !(letters && word.len() < 3)
        && word.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !NOT.contains(&word)
}

/// `current` with `c` applied: the mistake replaced where the address says it; or, when
/// both are numbers and the address has exactly one house number, that number replaced
/// (the shopper remembers what they meant better than what they typed).
pub fn corrected(current: &str, c: &Correction) -> Option<String> {
    // ASCII lower case keeps every byte where it was; what is sought is ASCII.
    let lower = current.to_ascii_lowercase();
    let wrong_at = find_whole(&lower, &c.wrong);
    // The address says what it should already: nothing to correct (or the correction was
    // read the wrong way round).
    if wrong_at.is_none() && find_whole(&lower, &c.right).is_some() {
        return None;
    }
    if let Some(at) = wrong_at {
        // Written as the address writes it ("Shanghai", not "shanghai").
        let capital = current[at..].starts_with(|ch: char| ch.is_uppercase());
        let right = if capital {
            let mut chars = c.right.chars();
            chars.next().map_or_else(String::new, |f| {
                f.to_uppercase().chain(chars).collect::<String>()
            })
        } else {
            c.right.clone()
        };
        let mut out = current.to_string();
        out.replace_range(at..at + c.wrong.len(), &right);
        return Some(out);
    }
    // A house number mistyped: both short numbers, and the address has exactly one house
    // number, as long as the one mistyped.
    let house = |s: &str| s.len() <= 4 && s.starts_with(|ch: char| ch.is_ascii_digit());
    if !(house(&c.right) && house(&c.wrong)) {
        return None;
    }
    let houses = house_numbers(current);
    let [(start, end)] = houses.as_slice() else {
        return None;
    };
    if end - start != c.wrong.len() {
        return None;
    }
    let mut out = current.to_string();
    out.replace_range(start..end, &c.right);
    Some(out)
}

/// Where `needle` stands in `hay` as a whole word or number (not inside a longer one).
fn find_whole(hay: &str, needle: &str) -> Option<usize> {
    hay.match_indices(needle).map(|(i, _)| i).find(|&i| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + needle.len()..].chars().next();
        let joins = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        !joins(before) && !joins(after)
    })
}

/// The house numbers of an address: numbers followed by 号, or the number an English
/// address starts with ("12 Harbour Street").
fn house_numbers(address: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = address.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].1.is_ascii_digit() {
            let start = chars[i].0;
            let mut j = i;
            while j < chars.len() && chars[j].1.is_ascii_alphanumeric() {
                j += 1;
            }
            let end = chars.get(j).map_or(address.len(), |b| b.0);
            let followed_by_hao = chars.get(j).is_some_and(|b| b.1 == '号');
            if followed_by_hao || start == 0 {
                out.push((start, end));
            }
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// Whether `text` says the shopper wrote the order's address wrong and asks it put right
/// ("wrong street on order 1001 — I put Elm St but I'm on Elm Ave. can u fix", "地址填错了
/// 能改吗"), not goods taken to a wrong address ("the courier delivered it to the wrong
/// Whether `text` tells only of the shopper's own slip in the address, no wrong goods ("Hi
/// I put the wrong apartment number on order 1002"; not "got someone else's hoodie … I
/// definitely didn't put the wrong address").
pub fn a_slip_in_the_address_only(text: &str) -> bool {
    says_the_address_was_written_wrong(text)
        && !super::wrong_goods_words::describes_a_wrong_item(text)
        && !super::language::mentions(
            &text.to_lowercase(),
            &["didn't put", "did not put", "address is right", "地址没错"],
        )
}

/// address" is a parcel gone astray).
pub fn says_the_address_was_written_wrong(text: &str) -> bool {
    super::language::mentions(
        text,
        &[
            "wrong street",
            "wrong address",
            "wrong house number",
            "wrong flat number",
            "wrong apartment number",
            "wrong zip",
            "wrong postcode",
            "wrong post code",
            // "Typo in my street on order 1001!!! I wrote Maple St, it's Maple Ave".
            "typo in my street",
            "typo in my address",
            "typo in the address",
            "typo in the street",
            "misspelled my street",
            "misspelt my street",
            "地址写错",
            "地址填错",
            "地址打错",
        ],
    ) && (super::language::mentions(
        text,
        &[
            "i put",
            "i typed",
            "i wrote",
            "i entered",
            "i gave",
            "my mistake",
            "my bad",
            "fix",
            "change",
            "correct",
            "update",
            "能改",
            "改一下",
            "修改",
            "我写",
            "我填",
            "填错",
            "写错",
            "打错",
        ],
        // "wrong street on 1001!! put Elm St, it's Elm Ave".
    ) || super::language::says_word(text, &["put", "typed", "wrote", "entered"]))
        && !super::language::mentions(
            text,
            &[
                "delivered",
                "went to",
                "sent to the wrong",
                "sent it to the wrong",
                "dropped",
                "left at",
                "送错",
                "送到了",
                "寄错",
            ],
        )
}

#[cfg(test)]
mod tests {
    use super::{Correction, corrected, correction, corrects_a_number};

    #[test]
    fn a_number_corrected_is_told_however_it_looks() {
        assert!(corrects_a_number("should be 10012 not 10021"));
        assert!(corrects_a_number("邮编是200032不是200031"));
        assert!(!corrects_a_number("I paid 34 not 43 dollars"));
        assert!(!corrects_a_number("where is order 1002"));
    }

    fn fix(right: &str, wrong: &str) -> Option<Correction> {
        Some(Correction {
            right: right.into(),
            wrong: wrong.into(),
        })
    }

    #[test]
    fn a_part_corrected_is_read_as_what_it_should_say_and_what_it_says() {
        // Where an address is spoken of.
        for (text, want) in [
            ("house number is 5B not 5D!", fix("5b", "5d")),
            (
                "Typo in my address!!! I put Shanghia instead of Shanghai",
                fix("shanghai", "shanghia"),
            ),
            ("the street is Elm not Oak", fix("elm", "oak")),
            (
                "typo in my street on order 1002, it says Nanjng Rd instead of Nanjing Rd",
                fix("nanjing", "nanjng"),
            ),
            (
                "typo in my street number on 1002, should be 17 not 71",
                fix("17", "71"),
            ),
            (
                "typo in my street number on order 1002 - it says Nanjing Rd 12 but it should be 21",
                fix("21", "12"),
            ),
            ("地址写错了！门牌号是18号不是81号", fix("18", "81")),
            (
                "地址门牌号写错了，1002那单，是18号不是16号",
                fix("18", "16"),
            ),
            ("门牌号不是81号，是18号", fix("18", "81")),
            ("门牌号写成了81号，应该是18号", fix("18", "81")),
        ] {
            assert_eq!(correction(text, false), want, "{text}");
        }
        // While a change of address is under way, whatever the words.
        for (text, want) in [
            ("sorry it's 17 not 71", fix("17", "71")),
            ("it should be 17 instead of 71", fix("17", "71")),
            (
                "typed 200031, should be 200032. order 1002",
                fix("200032", "200031"),
            ),
            ("it says 71 not 17", fix("17", "71")),
            ("I typed 71 not 17", fix("17", "71")),
            ("把81改成18", fix("18", "81")),
        ] {
            assert_eq!(correction(text, true), want, "{text}");
            assert_eq!(correction(text, false), None, "{text}");
        }
    }

    #[test]
    fn a_message_without_a_correction_has_none() {
        for text in [
            "change the address on 1002 to 71 Nanjing West Road",
            "it's not here yet",
            "I want the grey one not the black one",
            "I want size M not L",
            "不是我下的单",
            "这个不是我要的",
            "sorry that's not it",
            "the house number should be 18",
            "order 1002 should go to 上海市浦东新区 not 徐汇",
            // Order numbers, sums of money and other requests are no part of an address.
            "我要改的是1002不是1001的地址",
            "change the address of 1002 not 1001",
            "I was charged 79 not 69 for the delivery to my address",
            "I have not received the confirmation",
            "please do not ship it yet",
            "actually cancel the order, not change it",
            "refund instead of exchange",
            "the parcel should be here by now",
        ] {
            assert_eq!(correction(text, true), None, "{text}");
        }
    }

    #[test]
    fn the_correction_is_applied_where_the_address_says_it_or_to_its_one_house_number() {
        let zh = "上海市徐汇区漕溪北路88号";
        assert_eq!(
            corrected(zh, &fix("18", "81").unwrap()).as_deref(),
            Some("上海市徐汇区漕溪北路18号")
        );
        let en = "12 Harbour Street, Portland, ME 04101, USA";
        assert_eq!(
            corrected(en, &fix("21", "12").unwrap()).as_deref(),
            Some("21 Harbour Street, Portland, ME 04101, USA")
        );
        assert_eq!(
            corrected(en, &fix("04102", "04101").unwrap()).as_deref(),
            Some("12 Harbour Street, Portland, ME 04102, USA")
        );
        assert_eq!(
            corrected("9 Elm Road, Leeds", &fix("oak", "elm").unwrap()).as_deref(),
            Some("9 Oak Road, Leeds")
        );
        // A word the address does not have is nothing to apply.
        assert_eq!(corrected(zh, &fix("shanghai", "shanghia").unwrap()), None);
        // Two house numbers: which one is meant is not guessed.
        assert_eq!(
            corrected("上海市漕溪北路88号3号楼", &fix("18", "81").unwrap()),
            None
        );
    }
}
