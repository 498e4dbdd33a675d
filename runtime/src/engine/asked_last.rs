//! A message the intent model reads as nothing the shop does, as a whole, whose last sentence
//! asks something it knows well ("My lawyer friend recommended you guys lol. Are returns
//! free?", "行吧 AI也行 退货流程说一下"): what comes first is a remark, the last sentence is
//! what is asked. The rules still read the whole message, and a topic a person must handle
//! heard in it keeps the whole message's reading. Pure: the model is passed in.

use kefu_intent::{OUT_OF_SCOPE, Prediction};

use super::topic_choice::SURE_INTENT;
use super::understand::Understanding;

/// Readings of a last sentence that say nothing asked ("… Thanks in advance", "… I'm bad at
/// this stuff" heard as a complaint): the whole message's reading stays.
const NOTHING_ASKED: &[&str] = &["greeting", "thanks", "goodbye", "complaint"];

/// Reads `u` (`text` as the model reads it) by its last sentence, when the whole message is
/// out of scope, no topic a person must handle is heard in it (a misused card told before
/// "Do you take PayPal?" is still the card), and the last sentence alone is read surely as
/// something the shop is asked.
pub fn read_by_the_last_sentence(
    u: &mut Understanding,
    text: &str,
    classify: impl Fn(&str) -> Prediction,
) {
    let sensitive = u.topic.is_some_and(|(t, _)| t.needs_a_person()) || u.leaning.is_some();
    if u.prediction.intent != OUT_OF_SCOPE || sensitive {
        return;
    }
    if let Some(last) = last_sentence(text).map(classify)
        && last.intent != OUT_OF_SCOPE
        && last.confidence >= SURE_INTENT
        && !NOTHING_ASKED.contains(&last.intent.as_str())
    {
        u.prediction = last;
    }
}

/// The last sentence of `text`, when a remark comes before it (asking nothing: "does ur
/// insulated bottle keep coffee hot? for how long" asks first, and its last words go on
/// with it) and it says enough to be read alone (three words, or four Chinese characters,
/// not opening on a word that goes on from before). Sentences end at ". ", "! ", "? ", at
/// Chinese sentence marks, at a line break, and at a space after Chinese ("行吧 AI也行 退货
/// 流程说一下"); a dot inside an email or a number ends nothing.
pub fn last_sentence(text: &str) -> Option<&str> {
    let end_marks = |c: char| matches!(c, '.' | '!' | '?' | '。' | '！' | '？' | '~' | '～');
    let body = text.trim_end_matches(|c: char| c.is_whitespace() || end_marks(c));
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let start = chars.iter().enumerate().rev().find_map(|(k, &(at, c))| {
        let next_is_space = chars.get(k + 1).is_none_or(|(_, n)| n.is_whitespace());
        let ends = match c {
            '\n' | '。' | '！' | '？' | '～' => true,
            '.' | '!' | '?' | '~' => next_is_space,
            ' ' => k > 0 && is_chinese(chars[k - 1].1),
            _ => false,
        };
        ends.then(|| at + c.len_utf8())
    })?;
    let asked_before = body[..start].contains(['?', '？', '吗', '呢']);
    let before = body[..start].trim_matches(|c: char| c.is_whitespace() || end_marks(c));
    let last = body[start..].trim();
    let goes_on = last
        .split_whitespace()
        .next()
        .is_some_and(|w| GOES_ON.contains(&w.to_lowercase().as_str()))
        || GOES_ON_ZH.iter().any(|w| last.starts_with(w));
    if asked_before || goes_on {
        return None;
    }
    let enough = if last.is_ascii() {
        last.split_whitespace().count() >= 3
    } else {
        last.chars().filter(|c| is_chinese(*c)).count() >= 4
    };
    (!before.is_empty() && enough).then_some(last)
}

/// Words a sentence opens with that go on from the one before ("… for how long", "… and
/// the cap?").
const GOES_ON: &[&str] = &[
    "for", "and", "or", "but", "with", "to", "in", "on", "at", "by", "from", "of", "than", "then",
    "because", "cause", "if",
];

/// The same in Chinese ("… 但是退货要运费吗").
const GOES_ON_ZH: &[&str] = &["但是", "不过", "所以", "而且", "如果"];

fn is_chinese(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_sentence_is_found_after_a_remark() {
        for (text, last) in [
            (
                "My lawyer friend recommended you guys lol. Are returns free?",
                Some("Are returns free"),
            ),
            ("行吧 AI也行 退货流程说一下", Some("退货流程说一下")),
            ("好的。那怎么退货呢？", Some("那怎么退货呢")),
            ("ok!\nwhere is my order", Some("where is my order")),
            // One sentence, or a last one too short to read alone.
            ("Are returns free?", None),
            ("thanks so much. bye", None),
            ("行吧 好的", None),
            // Asked first, its last words going on with it.
            (
                "does ur insulated bottle actually keep coffee hot? for how long",
                None,
            ),
            ("I like the hoodie. and the cap, is it unisex", None),
            (
                "could you help me write a cover letter for a barista job? I'm bad at this stuff",
                None,
            ),
            ("好的 但是退货要运费吗", None),
            // A dot in an email or a price ends nothing.
            ("email is li.wei@example.com and the total was 34.00", None),
        ] {
            assert_eq!(last_sentence(text), last, "{text}");
        }
    }

    fn said(intent: &str, confidence: f32) -> Prediction {
        Prediction {
            intent: intent.into(),
            confidence,
            top: vec![(intent.into(), confidence)],
        }
    }

    #[test]
    fn the_last_sentence_stands_for_the_message_only_when_the_whole_is_out_of_scope_and_it_is_sure()
    {
        let model = |t: &str| match t {
            "Are returns free" => said("check_refund_policy", 0.98),
            "Thanks in advance" => said("thanks", 0.99),
            "where is my order" => said("track_order", 0.6),
            _ => said(OUT_OF_SCOPE, 0.8),
        };
        let read = |text: &str, whole: Prediction| {
            let mut u = Understanding::new(text, whole, "en");
            read_by_the_last_sentence(&mut u, text, model);
            u.prediction.intent
        };
        let text = "My lawyer friend recommended you guys lol. Are returns free?";
        assert_eq!(read(text, said(OUT_OF_SCOPE, 0.8)), "check_refund_policy");
        // Not sure enough of the last sentence, or it asks nothing: the whole message's.
        assert_eq!(
            read("hm ok. where is my order?", said(OUT_OF_SCOPE, 0.7)),
            OUT_OF_SCOPE
        );
        assert_eq!(
            read(
                "you've been great. Thanks in advance",
                said(OUT_OF_SCOPE, 0.7)
            ),
            OUT_OF_SCOPE
        );
        // A whole message read as something the shop does keeps its reading.
        assert_eq!(read(text, said("complaint", 0.5)), "complaint");
        // A topic a person must handle heard in the whole keeps it out of scope, so the topic
        // is still heard (a misused card told before a question).
        let card = "My account's been hacked and my saved card got used for a bunch of stuff overnight. Are returns free?";
        assert_eq!(read(card, said(OUT_OF_SCOPE, 0.8)), OUT_OF_SCOPE);
    }
}
