//! A part of the delivery address corrected rather than the whole written again ("it's 17
//! not 71", "门牌号是18号不是81号", "I put Shanghia instead of Shanghai"): what it should say
//! and what it says now, applied to the address the order goes to. The result is only ever
//! proposed: the orders plugin shows the whole new address and the shopper confirms it.
//! Pure.

/// A correction of part of an address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correction {
    /// What the address should say.
    pub right: String,
    /// What it says by mistake.
    pub wrong: String,
}

/// Verbs after which "A instead of B" names the mistake first ("I put Shanghia instead of
/// Shanghai"); otherwise the right form comes first ("should be 17 instead of 71").
const WROTE: &[&str] = &[
    "put", "typed", "wrote", "entered", "spelled", "spelt", "used",
];

/// The correction `text` makes, if it makes one.
pub fn correction(text: &str) -> Option<Correction> {
    let lower = text.to_lowercase();
    english(&lower).or_else(|| chinese(&lower))
}

fn english(lower: &str) -> Option<Correction> {
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
            // "it's 17 not 71"
            "not" => {
                if let Some(c) = next.and_then(|w| pair(words[i - 1], w)) {
                    return Some(c);
                }
            }
            // "I put Shanghia instead of Shanghai" / "should be 17 instead of 71"
            "instead" if next == Some("of") => {
                let Some(other) = words.get(i + 2) else {
                    continue;
                };
                let first = words[i - 1];
                let wrote = i >= 2 && WROTE.contains(&words[i - 2]);
                let found = if wrote {
                    pair(other, first)
                } else {
                    pair(first, other)
                };
                if found.is_some() {
                    return found;
                }
            }
            // "typed 71, should be 17"
            "should" if next == Some("be") => {
                if let Some(right) = words.get(i + 2)
                    && let Some(c) = pair(right, words[i - 1])
                {
                    return Some(c);
                }
            }
            _ => {}
        }
    }
    None
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
        "you", "be", "was", "sure", "just", "only", "really", "me", "yet", "there",
    ];
    word.chars().count() <= 30
        && word.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !NOT.contains(&word)
}

/// `current` with `c` applied: the mistake replaced where the address says it; or, when
/// both are numbers and the address has exactly one house number, that number replaced
/// (the shopper remembers what they meant better than what they typed).
pub fn corrected(current: &str, c: &Correction) -> Option<String> {
    let lower = current.to_lowercase();
    if lower.len() == current.len()
        && let Some(at) = find_whole(&lower, &c.wrong)
    {
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
    let numeric = |s: &str| s.starts_with(|ch: char| ch.is_ascii_digit());
    if !(numeric(&c.right) && numeric(&c.wrong)) {
        return None;
    }
    let houses = house_numbers(current);
    let [(start, end)] = houses.as_slice() else {
        return None;
    };
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
    let bytes: Vec<(usize, char)> = address.char_indices().collect();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].1.is_ascii_digit() {
            let start = bytes[i].0;
            let mut j = i;
            while j < bytes.len() && bytes[j].1.is_ascii_alphanumeric() {
                j += 1;
            }
            let end = bytes.get(j).map_or(address.len(), |b| b.0);
            let followed_by_hao = bytes.get(j).is_some_and(|b| b.1 == '号');
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

#[cfg(test)]
mod tests {
    use super::{Correction, corrected, correction};

    fn fix(right: &str, wrong: &str) -> Option<Correction> {
        Some(Correction {
            right: right.into(),
            wrong: wrong.into(),
        })
    }

    #[test]
    fn a_part_corrected_is_read_as_what_it_should_say_and_what_it_says() {
        for (text, want) in [
            ("sorry it's 17 not 71", fix("17", "71")),
            ("house number is 5B not 5D!", fix("5b", "5d")),
            (
                "Typo in my address!!! I put Shanghia instead of Shanghai",
                fix("shanghai", "shanghia"),
            ),
            ("it should be 17 instead of 71", fix("17", "71")),
            ("typed 200031, should be 200032", fix("200032", "200031")),
            ("地址写错了！门牌号是18号不是81号", fix("18", "81")),
            ("1002那单，是18号不是16号", fix("18", "16")),
            ("门牌号不是81号，是18号", fix("18", "81")),
            ("门牌号写成了81号，应该是18号", fix("18", "81")),
            ("把81改成18", fix("18", "81")),
        ] {
            assert_eq!(correction(text), want, "{text}");
        }
    }

    #[test]
    fn a_message_without_a_correction_has_none() {
        for text in [
            "change the address on 1002 to 71 Nanjing West Road",
            "it's not here yet",
            "I want the grey one not the black one",
            "不是我下的单",
            "这个不是我要的",
            "sorry that's not it",
            "the house number should be 18",
            "order 1002 should go to 上海市浦东新区 not 徐汇",
        ] {
            assert_eq!(correction(text), None, "{text}");
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
