//! A message that first sets aside what came before ("actually never mind that, is the
//! organic tee pre-shrunk?", "never mind that. do you take apple pay?", "算了 先帮我看下1004")
//! asks what follows: the intent model reads that, not the setting aside, which it hears as
//! a complaint or a goodbye. The rules still read the whole message. Pure.

/// Words said before the setting aside ("ok", "actually").
const FILLERS: &[&str] = &[
    "ok",
    "okay",
    "oh",
    "actually",
    "um",
    "umm",
    "hmm",
    "well",
    "fine",
    "so",
    "nah",
    "no",
    "等下",
    "等等",
    "等一下",
];

/// The setting aside, longest first so "never mind that" is taken whole.
const SET_ASIDE: &[&str] = &[
    "actually never mind that",
    "never mind about that",
    "never mind all that",
    "never mind that",
    "nevermind that",
    "never mind",
    "nevermind",
    "forget about that",
    "forget that",
    "forget it",
    "scratch that",
    "nvm",
    "whatever",
    "anyway",
    "anyways",
    "不说这个了",
    "这个先不管",
    "先不管这个",
    "这个等下再说",
    // "等下 先不看了 灰色卫衣还有没有 想再给我弟买一件".
    "先不看了",
    "先不查了",
    "不看了",
    "不查了",
    "算了算了",
    "算了",
    "没事了",
];

/// The part of `text` the shopper asks, after a set-aside clause at its start, if what
/// follows says enough to be read alone (three words, or four Chinese characters); otherwise
/// `text`.
pub fn what_is_asked(text: &str) -> &str {
    rest_after_set_aside(text).unwrap_or(text)
}

/// Whether `text` opens by setting aside what came before, with something asked after it.
pub fn sets_aside(text: &str) -> bool {
    rest_after_set_aside(text).is_some()
}

fn rest_after_set_aside(text: &str) -> Option<&str> {
    let lower = text.to_lowercase();
    // Lower-casing keeps byte offsets for the ASCII the phrases are written in; a message
    // whose lower case moved them is left whole.
    if lower.len() != text.len() {
        return None;
    }
    let mut at = skip_separators(&lower, 0);
    while let Some(filler) = FILLERS.iter().find(|f| word_at(&lower, at, f)) {
        at = skip_separators(&lower, at + filler.len());
    }
    let phrase = SET_ASIDE.iter().find(|p| lower[at..].starts_with(**p))?;
    let end = at + phrase.len();
    let chinese = !phrase.is_ascii();
    let next = lower[end..].chars().next()?;
    // The clause must end there, at a stop ("never mind, …"), or at a space after "that",
    // "it" or Chinese ("forget it just cancel it", "算了 先…"): not "whatever size fits",
    // "nevermind the hoodie is fine now".
    let spaced = chinese || phrase.ends_with(" that") || phrase.ends_with(" it");
    let ends = if next.is_whitespace() {
        spaced
    } else {
        is_separator(next) || (chinese && !next.is_ascii_alphanumeric())
    };
    if !ends {
        return None;
    }
    let rest = text[skip_separators(&lower, end)..].trim();
    let enough = if rest.is_ascii() {
        rest.split_whitespace().count() >= 3
    } else {
        rest.chars().filter(|c| !c.is_whitespace()).count() >= 4
    };
    enough.then_some(rest)
}

fn word_at(text: &str, at: usize, word: &str) -> bool {
    text[at..].starts_with(word)
        && text[at + word.len()..]
            .chars()
            .next()
            .is_some_and(is_separator)
}

fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            ',' | '.'
                | '!'
                | ';'
                | ':'
                | '-'
                | '—'
                | '…'
                | '，'
                | '。'
                | '！'
                | '；'
                | '：'
                | '、'
                | '~'
        )
}

fn skip_separators(text: &str, mut at: usize) -> usize {
    while let Some(c) = text[at..].chars().next() {
        if !is_separator(c) {
            break;
        }
        at += c.len_utf8();
    }
    at
}

#[cfg(test)]
mod tests {
    use super::what_is_asked;

    #[test]
    fn what_follows_a_set_aside_clause_is_what_is_asked() {
        for (text, asked) in [
            (
                "actually never mind that, is the organic tee pre-shrunk?",
                "is the organic tee pre-shrunk?",
            ),
            (
                "never mind that. do you take apple pay? my card got cancelled",
                "do you take apple pay? my card got cancelled",
            ),
            (
                "ok whatever. can you still check 1003 for me?",
                "can you still check 1003 for me?",
            ),
            ("算了 先帮我看下1004到了没", "先帮我看下1004到了没"),
            (
                "等下 先不看了 灰色卫衣还有没有 想再给我弟买一件",
                "灰色卫衣还有没有 想再给我弟买一件",
            ),
            ("算了，这个等下再说吧", "这个等下再说吧"),
        ] {
            assert_eq!(what_is_asked(text), asked, "{text}");
        }
        // Nothing set aside, or too little after it to read alone.
        for text in [
            "never mind, found it",
            "forget it",
            "算了",
            "算了吧",
            "whatever size fits best, I'm between M and L",
            "anyway thanks",
            "nevermind the hoodie is fine now",
            "is the organic tee pre-shrunk?",
            "Ça va, never mind, is the tee soft?",
        ] {
            assert_eq!(what_is_asked(text), text, "{text}");
        }
    }
}
