//! Noise real shoppers add to a message: a typo, a greeting in front, an order number or
//! email at the end. The trainer adds such copies of its training sentences (so the model
//! learns that none of them changes the intent), and `cargo xtask eval` measures the
//! evaluation split written the same ways ([`crate::eval::robustness`]), with other greetings
//! and wordings than the trainer uses.

use kefu_intent::{Language, language};

use crate::data::{Example, label_index, oos};
use crate::rng::SplitMix64;

/// One typo: English drops, doubles or swaps a letter inside a word of four letters or more;
/// Chinese drops one character (messages of three characters or more).
pub fn typo(text: &str, rng: &mut SplitMix64) -> String {
    let chars: Vec<char> = text.chars().collect();
    if language(text) != Language::En {
        let han: Vec<usize> = (0..chars.len())
            .filter(|&i| kefu_intent::featurize::is_han(chars[i]))
            .collect();
        if han.len() < 3 {
            return text.to_string();
        }
        let drop = han[rng.below(han.len())];
        return chars
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != drop)
            .map(|(_, c)| c)
            .collect();
    }
    // Letter positions inside words of at least four letters, not the first letter.
    let mut inner = Vec::new();
    let mut run = 0;
    for (i, c) in chars.iter().enumerate() {
        run = if c.is_ascii_alphabetic() { run + 1 } else { 0 };
        if run >= 2 && chars.get(i + 1).is_some_and(|n| n.is_ascii_alphabetic()) {
            inner.push(i);
        }
    }
    if inner.is_empty() {
        return text.to_string();
    }
    let at = inner[rng.below(inner.len())];
    let mut out = chars.clone();
    match rng.below(3) {
        0 => {
            out.remove(at);
        }
        1 => out.insert(at, chars[at]),
        _ => out.swap(at, at + 1),
    }
    out.into_iter().collect()
}

/// Greetings the trainer puts in front of a message (the evaluation uses "hi, " / "你好，").
const GREETINGS_EN: &[&str] = &["hello", "hey there,", "good morning!", "hello?", "hey"];
const GREETINGS_ZH: &[&str] = &["您好", "在吗？", "亲，", "在吗 亲", "哈喽"];
/// What the trainer adds after a message ("<num>" and "<email>" are what the featurizer sees).
const DETAILS_EN: &[&str] = &[
    "order #55120",
    "my email is sam@mail.com",
    "(order 20931)",
    "ref 7741, a.b@shop.co",
];
const DETAILS_ZH: &[&str] = &[
    "订单号55120",
    "邮箱sam@mail.com",
    "单号：20931",
    "订单7741 a.b@shop.co",
];

/// Noisy copies of the shop messages in `train`: a tenth each get a typo or details, a fifth
/// a greeting,
/// chosen and written by `seed`: same data, same copies.
pub fn augment(train: &[Example], seed: u64) -> Vec<Example> {
    let mut rng = SplitMix64::new(seed ^ 0x006e_6f69_7365);
    let skip = ["greeting", "thanks", "goodbye"].map(|l| label_index(l).expect("label"));
    let mut out = Vec::new();
    for e in train {
        if e.label == oos() || skip.contains(&e.label) {
            continue;
        }
        let english = language(&e.text) == Language::En;
        let pick = |rng: &mut SplitMix64, en: &[&'static str], zh: &[&'static str]| {
            let list = if english { en } else { zh };
            list[rng.below(list.len())]
        };
        for kind in 0..3 {
            // One in ten gets each kind of noise; a greeting in front one in five, as it
            // otherwise outweighs a short request.
            if rng.below(if kind == 1 { 5 } else { 10 }) != 0 {
                continue;
            }
            let text = match kind {
                0 => typo(&e.text, &mut rng),
                1 => format!("{} {}", pick(&mut rng, GREETINGS_EN, GREETINGS_ZH), e.text),
                _ => format!("{} {}", e.text, pick(&mut rng, DETAILS_EN, DETAILS_ZH)),
            };
            out.push(Example { text, ..e.clone() });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typo_changes_one_letter_and_keeps_short_words() {
        let mut rng = SplitMix64::new(1);
        for _ in 0..20 {
            let t = typo("where is my parcel", &mut rng);
            assert_ne!(t, "where is my parcel");
            assert!(t.len().abs_diff(18) <= 1, "{t}");
            assert!(t.contains(" is my "), "{t}");
        }
        assert_eq!(typo("hi", &mut rng), "hi");
        assert_eq!(typo("我的订单到哪了", &mut rng).chars().count(), 6);
    }

    #[test]
    fn augmenting_copies_shop_messages_only_and_is_reproducible() {
        let example = |label: &str, text: &str| Example {
            text: text.into(),
            label: label_index(label).unwrap(),
            also: Vec::new(),
            source: crate::data::Source::Project,
        };
        let mut train = Vec::new();
        for i in 0..200 {
            train.push(example(
                "track_order",
                &format!("where is my parcel number {i}"),
            ));
            train.push(example("out_of_scope", &format!("tell me a joke {i}")));
        }
        let a = augment(&train, 7);
        assert!(a.len() > 30 && a.len() < 100, "{}", a.len());
        assert!(
            a.iter()
                .all(|e| e.label == label_index("track_order").unwrap())
        );
        let b = augment(&train, 7);
        assert_eq!(
            a.iter().map(|e| &e.text).collect::<Vec<_>>(),
            b.iter().map(|e| &e.text).collect::<Vec<_>>()
        );
    }
}
