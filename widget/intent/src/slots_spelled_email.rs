//! Emails written out so that no form or spam filter reads them: "li.wei at example dot com",
//! "sam [at] example [dot] com", "carlos (at) example.com". One is read only where it cannot be
//! anything else: the "at" spelled between an address's two halves, with the domain's dots
//! spelled too, or the "at" bracketed, or the message speaking of an email ("email is sam at
//! example.com"); "I'm looking at example.com" names a site, not an address.

use super::{Slot, SlotKind, lower_in_place};

/// The words of `text` with their byte spans, split at white space, brackets kept.
fn words(text: &str) -> Vec<(usize, usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (
            c.is_whitespace() || matches!(c, '，' | '。' | ',' | ';' | '；'),
            start,
        ) {
            (true, Some(s)) => {
                out.push((s, i, &text[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out
}

fn is_at(word: &str) -> Option<bool> {
    match word {
        "at" => Some(false),
        "(at)" | "[at]" | "{at}" | "<at>" => Some(true),
        _ => None,
    }
}

fn is_dot(word: &str) -> bool {
    matches!(word, "dot" | "(dot)" | "[dot]" | "{dot}" | "<dot>")
}

fn is_label(word: &str) -> bool {
    !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.'))
        && !word.starts_with(['.', '-'])
}

/// Words after which "at" is a place or a time, not an address's "@".
const NOT_A_MAILBOX: &[&str] = &[
    "me",
    "us",
    "you",
    "him",
    "her",
    "them",
    "it",
    "is",
    "was",
    "look",
    "looking",
    "arrive",
    "arrived",
    "shop",
    "stuff",
    "home",
    "work",
    "email",
    "mail",
    "address",
    "up",
    "order",
    "orders",
    "in",
    "on",
    "placed",
    "ordered",
    "bought",
    "shopping",
    "signed",
    "registered",
    "store",
    "site",
    "website",
    "online",
    "checkout",
    "login",
    "log",
    "account",
];

/// The emails spelled out in `text`, with their spans.
pub fn spelled_emails(text: &str) -> Vec<Slot> {
    let lower = lower_in_place(text);
    // The word itself, not "mail" inside "gmail" nor "hotmail".
    let speaks_of_email = lower.contains("邮箱")
        || lower.contains("e-mail")
        || lower.match_indices("email").any(|(at, _)| {
            !lower[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphabetic())
        });
    let words = words(&lower);
    let mut found = Vec::new();
    for i in 1..words.len() {
        let Some(bracketed) = is_at(words[i].2) else {
            continue;
        };
        let (written_at, _, written) = words[i - 1];
        let local = written.trim_start_matches(['(', '[', '"', '\'', ':', '：']);
        let start = written_at + (written.len() - local.len());
        if local.is_empty()
            || !local
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '+' | '-'))
            || NOT_A_MAILBOX.contains(&local)
        {
            continue;
        }
        // The domain: labels joined by dots, written ("example.com") or spelled ("example
        // dot com"), up to the first word that is neither or a label ending a sentence.
        let (mut domain, mut end, mut spelled_dot) = (String::new(), start, false);
        let mut j = i + 1;
        let mut label_next = true;
        while let Some(&(at, _, w)) = words.get(j) {
            if label_next {
                let label = w.trim_end_matches(['.', '!', '?', ')', ']', '"', '\'']);
                if !is_label(label) {
                    break;
                }
                domain.push_str(label);
                end = at + label.len();
                if label.len() < w.len() {
                    break;
                }
                label_next = false;
            } else if is_dot(w) {
                domain.push('.');
                spelled_dot = true;
                label_next = true;
            } else {
                break;
            }
            j += 1;
        }
        let domain = domain.trim_end_matches('.');
        let Some((_, tld)) = domain.rsplit_once('.') else {
            continue;
        };
        if !(2..=6).contains(&tld.len()) || !tld.chars().all(|c| c.is_ascii_alphabetic()) {
            continue;
        }
        if !(spelled_dot || bracketed || speaks_of_email) {
            continue;
        }
        found.push(Slot {
            kind: SlotKind::Email,
            value: format!("{local}@{domain}"),
            start,
            end,
        });
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<String> {
        spelled_emails(text).into_iter().map(|s| s.value).collect()
    }

    #[test]
    fn emails_spelled_out_are_read() {
        for (text, email) in [
            (
                "order number 1020, no sorry, 1002. email is li.wei at example dot com",
                "li.wei@example.com",
            ),
            (
                "I'm Sam, email is sam at example dot com",
                "sam@example.com",
            ),
            ("carlos [at] example [dot] com", "carlos@example.com"),
            ("jane (at) example.com thanks", "jane@example.com"),
            ("my email: Jane at Example.com", "jane@example.com"),
            ("email is li.wei at example dot com", "li.wei@example.com"),
        ] {
            assert_eq!(values(text), vec![email.to_string()], "{text}");
        }
    }

    #[test]
    fn an_at_that_is_a_place_or_a_site_is_no_email() {
        for text in [
            "I'm looking at example.com right now",
            "it arrived at 5 dot something",
            "I was at home. dot com bubble lol",
            "i'll be at the office",
            "the parcel is at the depot",
            "I signed up at kefu.shop with my gmail",
            "I placed my order at shop.kefu.com, the confirmation email never came",
        ] {
            assert!(values(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn spans_cover_the_written_address() {
        let text = "email is sam at example dot com, thanks";
        let slot = &spelled_emails(text)[0];
        assert_eq!(&text[slot.start..slot.end], "sam at example dot com");
    }
}
