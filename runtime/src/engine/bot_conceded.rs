//! Whether a shopper grants that they are talking to a bot and goes on to ask something else
//! ("ok fine you're a shop bot. is the navy cap unisex then"): the bot is not asked about, so
//! the question after it is what is answered. Pure.

/// Whether `lower` (lower-cased) says the one answering is a bot in a sentence of its own,
/// ended by a full stop or "!", and asks something after it that names no kind of agent.
pub fn concedes_and_asks_on(lower: &str) -> bool {
    const SAID: &[&str] = &[
        "you're a",
        "youre a",
        "you are a",
        "ur a",
        "u r a",
        "you're an",
    ];
    const KINDS: &[&str] = &["bot", "robot", "machine", "program", "ai", "script"];
    let Some(end) = lower.find(['.', '!']) else {
        return false;
    };
    let (first, rest) = lower.split_at(end);
    let rest = rest.trim_start_matches(['.', '!', ' ']);
    let kind_named = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .any(|w| KINDS.contains(&w))
    };
    // Still the question, in two sentences ("you're a bot. yes or no?", "ur a bot. just admit
    // it", "so you're a bot or a real person. which one is it").
    let challenged = ["or a", "or an", "or real"]
        .iter()
        .any(|w| first.contains(w))
        || [
            "honest",
            "truth",
            "admit",
            "yes or no",
            "which",
            "right",
            "aren't you",
            "arent you",
            "is it",
        ]
        .iter()
        .any(|w| rest.contains(w));
    SAID.iter().any(|s| first.contains(s))
        && kind_named(first)
        && !first.contains('?')
        && !challenged
        && !kind_named(rest)
        && !super::replies::asks_for_human(rest)
        && rest.split_whitespace().count() >= 3
}

/// Whether `lower` (lower-cased) says, in a sentence of its own, that the one answering is a
/// bot ("right, so you're a program.", "ok you're a bot"): said, whatever follows.
pub fn names_it_a_bot(lower: &str) -> bool {
    let first = lower.split(['.', '!', '?']).next().unwrap_or_default();
    let words: Vec<&str> = first
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    // "you're a", "ur a", "you are a", "u r a", then a kind of bot within two words ("you're a
    // program", "you're a shop bot"; not "you're a star, is the tee machine washable?").
    (0..words.len()).any(|i| {
        let article_at = match &words[i..] {
            ["you're" | "youre" | "ur", ..] => i + 1,
            ["you", "are", ..] | ["u", "r", ..] => i + 2,
            _ => return false,
        };
        words
            .get(article_at)
            .is_some_and(|a| ["a", "an", "just", "only"].contains(a))
            && words
                .iter()
                .skip(article_at + 1)
                .take(2)
                .any(|w| ["bot", "robot", "machine", "program", "ai", "script"].contains(w))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bot_granted_and_another_question_asked_is_that_question() {
        assert!(concedes_and_asks_on(
            "ok fine you're a shop bot. is the navy cap unisex then"
        ));
        for text in [
            "you're a bot, right?",
            "you're a bot. be honest",
            "so you're a bot? is the cap unisex",
            "you're a bot. get me a human please",
            "you're a lifesaver. is the cap unisex?",
            "you're a bot. yes or no?",
            "ur a bot. just admit it",
            "so you're a bot or a real person. which one is it",
        ] {
            assert!(!concedes_and_asks_on(text), "{text}");
        }
    }

    #[test]
    fn a_bot_named_in_its_own_sentence_is_said() {
        assert!(names_it_a_bot(
            "right, so you're a program. is there anyone with a pulse around?"
        ));
        assert!(names_it_a_bot("ok you're a bot"));
        assert!(!names_it_a_bot("you're a lifesaver. is the cap unisex?"));
        assert!(!names_it_a_bot("is the bottle a good present for my dad"));
        assert!(!names_it_a_bot(
            "you're a star, is the tee machine washable?"
        ));
        assert!(!names_it_a_bot("your a-line dress is not a machine wash"));
    }
}
