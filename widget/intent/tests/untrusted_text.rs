//! Everything this crate computes from a shopper's text takes any text: arbitrary unicode,
//! combining marks, right-to-left scripts, emoji, NULs, full-width forms and very long
//! messages never panic, and what comes out is bounded by what went in.
//!
//! Cases per property: 256, or `PROPTEST_CASES` (`PROPTEST_CASES=20000 cargo test -p
//! kefu-intent --test untrusted_text` for a long run).

use kefu_intent::slots::{self, SlotKind};
use kefu_intent::tone::ToneModel;
use kefu_intent::topics::TopicModels;
use kefu_intent::{FEATURIZER_VERSION, FeaturizerConfig, featurize, language, signals};
use proptest::prelude::*;

const CONFIG: FeaturizerConfig = FeaturizerConfig {
    version: FEATURIZER_VERSION,
    buckets: 4093,
};

/// Text a shopper might send, and text an attacker would: pieces of everything the
/// featurizer and the slot finders treat specially, glued in random order.
fn shopper_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        any::<char>().prop_map(String::from),
        "[a-zA-Z]{1,12}",
        "[0-9]{1,25}",
        "[0-9０-９]{1,12}",
        Just("#".to_string()),
        Just("@".to_string()),
        Just("jane@example.com".to_string()),
        Just("+86 138-0013-8000".to_string()),
        Just("$45.50".to_string()),
        Just("¥".to_string()),
        Just("块".to_string()),
        Just(" euros".to_string()),
        Just("订单".to_string()),
        Just("我的订单到哪了".to_string()),
        Just("\u{0301}\u{0308}\u{20DD}".to_string()), // combining marks
        Just("\u{202E}مرحبا\u{202C}".to_string()),    // RTL override and Arabic
        Just("שלום".to_string()),
        Just("👩‍👩‍👧‍👦🇨🇳".to_string()), // ZWJ sequence and a flag
        Just("\0".to_string()),
        Just("İ".to_string()),        // lower-cases to two characters
        Just("\u{23A}".to_string()),  // Ⱥ: lower-cases to a longer character
        Just("\u{A7DC}".to_string()), // Ƛ: lower-cases to a shorter one
        Just("ﬃ".to_string()),        // a ligature
        Just("Ｏｒｄｅｒ".to_string()),
        Just("\u{FEFF}\u{200B}".to_string()),
        Just("  \t\n".to_string()),
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|p| p.concat())
}

/// A bound on the features of a message of `chars` characters: each character adds at
/// most a token, its bigram and trigram, and the 3- and 4-grams of its word.
fn max_features(text: &str) -> usize {
    // Normalising may lengthen a character (İ → i̇), never by more than three.
    8 + 12 * text.chars().count()
}

fn check_features(text: &str) -> Result<(), TestCaseError> {
    let f = featurize(text, &CONFIG);
    prop_assert_eq!(f.ids.len(), f.weights.len());
    prop_assert!(!f.ids.is_empty());
    prop_assert!(
        f.ids.len() <= max_features(text),
        "{} features",
        f.ids.len()
    );
    prop_assert!(
        f.ids
            .iter()
            .all(|&id| (0..i64::from(CONFIG.buckets)).contains(&id))
    );
    // Summed in f64: a million f32 additions drift on their own.
    let sum: f64 = f.weights.iter().map(|&w| f64::from(w)).sum();
    prop_assert!((sum - 1.0).abs() < 1e-3, "weights sum to {sum}");
    Ok(())
}

fn check_slots(text: &str) -> Result<(), TestCaseError> {
    let found = slots::extract(text);
    prop_assert!(found.len() <= text.len());
    for slot in &found {
        prop_assert!(slot.start < slot.end && slot.end <= text.len(), "{slot:?}");
        prop_assert!(text.is_char_boundary(slot.start) && text.is_char_boundary(slot.end));
        prop_assert!(!slot.value.is_empty(), "{slot:?}");
        // A value is the span, normalised: never more than a few bytes longer.
        prop_assert!(
            slot.value.len() <= 4 * (slot.end - slot.start) + 8,
            "{slot:?}"
        );
    }
    let catalog: &[(&str, &[&str])] = &[
        ("HOODIE", &["grey zip hoodie", "hoodie", "灰色拉链卫衣"]),
        ("CAP", &["cap"]),
        ("EMPTY", &["", "  "]),
    ];
    let products = slots::products(text, catalog);
    for pair in products.windows(2) {
        prop_assert!(pair[0].end <= pair[1].start, "overlap: {pair:?}");
    }
    for slot in &products {
        prop_assert_eq!(slot.kind, SlotKind::Product);
        prop_assert!(text.get(slot.start..slot.end).is_some(), "{slot:?}");
    }
    Ok(())
}

fn check_signals(text: &str) -> Result<(), TestCaseError> {
    let _ = language(text);
    let f = signals::frustration(text);
    prop_assert!((0.0..=1.0).contains(&f.score), "score {}", f.score);
    prop_assert!(f.cues.len() <= 16);
    if let Some((_, p)) = kefu_intent::topics::detect(text) {
        prop_assert!((0.0..=1.0).contains(&p));
    }
    Ok(())
}

proptest! {
    #[test]
    fn the_featurizer_takes_any_text(text in shopper_text()) {
        check_features(&text)?;
    }

    #[test]
    fn the_featurizer_takes_any_unicode(text in any::<String>()) {
        check_features(&text)?;
    }

    #[test]
    fn slots_are_found_inside_any_text(text in shopper_text()) {
        check_slots(&text)?;
    }

    #[test]
    fn slots_take_any_unicode(text in any::<String>()) {
        check_slots(&text)?;
    }

    #[test]
    fn frustration_language_and_topics_take_any_text(text in shopper_text()) {
        check_signals(&text)?;
    }

    #[test]
    fn model_files_that_are_not_models_are_refused(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        let _ = ToneModel::from_bytes(&bytes);
        let _ = TopicModels::from_bytes(&bytes);
    }

    #[test]
    fn a_truncated_or_altered_model_file_is_refused_cleanly(cut in any::<usize>(), at in any::<usize>(), byte in any::<u8>()) {
        let mut bytes = kefu_intent::topics::builtin().to_bytes();
        let at = at % bytes.len();
        bytes[at] = byte;
        bytes.truncate(cut % (bytes.len() + 1));
        let _ = TopicModels::from_bytes(&bytes);
    }
}

/// Messages far beyond what the chat accepts (2000 bytes) still take time and memory in
/// proportion to their length.
#[test]
fn huge_messages_are_handled_in_proportion() {
    let unit = "Where is my order #100234? 我的订单到哪了 jane@example.com $45 👩‍👩‍👧 \u{0301}\0 ";
    let text = unit.repeat(2_000); // about 200 kB, a hundred times the chat's limit
    let started = std::time::Instant::now();
    check_features(&text).unwrap();
    check_slots(&text).unwrap();
    check_signals(&text).unwrap();
    // Generous: the point is "not quadratic" (a quadratic pass takes hours here).
    assert!(
        started.elapsed() < std::time::Duration::from_secs(60),
        "{:?}",
        started.elapsed()
    );
    for text in [
        "1".repeat(1 << 17),
        "@".repeat(1 << 17),
        "a@".repeat(1 << 16),
        "+".repeat(1 << 17),
        "$".repeat(1 << 17),
        "\u{0301}".repeat(1 << 16),
    ] {
        check_features(&text).unwrap();
        check_slots(&text).unwrap();
    }
}
