//! The engine's own readings of a shopper's text take any text: the language and wording
//! tests, the handoff and honesty cues, quick-reply labels, FAQ matching, the contact
//! form's email check, signed identities and the whole [`Understanding`] of a message.
//! Nothing panics on arbitrary unicode, NULs, RTL, combining marks or long input.
//!
//! Cases per property: 256, or `PROPTEST_CASES`.

use kefu_intent::Prediction;
use kefu_protocol::SignedIdentity;
use proptest::prelude::*;

use super::understand::Understanding;
use super::{cues, faq, handoff, honesty, identity, labels, language};
use crate::store::FaqEntry;

fn shopper_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        any::<String>(),
        "[a-zA-Z ]{1,16}",
        "[0-9#]{1,22}",
        Just("我的订单到哪了".to_string()),
        Just("人工".to_string()),
        Just("are you a bot?".to_string()),
        Just("jane@example.com".to_string()),
        Just("\u{202E}مرحبا\u{0301}\0".to_string()),
        Just("👩‍👩‍👧".to_string()),
        Just("İ".to_string()),
    ];
    proptest::collection::vec(piece, 0..12).prop_map(|p| p.concat())
}

fn prediction() -> Prediction {
    Prediction {
        intent: "track_order".into(),
        confidence: 0.9,
        top: vec![("track_order".into(), 0.9)],
    }
}

proptest! {
    #[test]
    fn any_text_is_understood_without_panicking(text in shopper_text(), locale in any::<String>()) {
        let u = Understanding::new(&text, prediction(), &locale);
        for slot in &u.slots {
            prop_assert!(u.text.get(slot.start..slot.end).is_some(), "{slot:?}");
        }
        let _ = language::reply_lang(&text, &locale);
        let _ = language::is_follow_up(&text);
        let _ = super::late_words::says_late(&text);
        let _ = cues::says_already_told(&text);
        let _ = cues::asks_about_stock(&text);
        let _ = honesty::also_asks_for_a_person(&text);
        let _ = honesty::asks_if_bot(&text);
        let _ = handoff::valid_email(&text);
    }

    #[test]
    fn labels_and_faqs_match_any_text(text in shopper_text(), offered in proptest::collection::vec(shopper_text(), 0..4)) {
        if let Some(intent) = labels::intent_for_label(&text, &offered) {
            prop_assert!(offered.iter().any(|o| o == intent));
        }
        let entries: Vec<FaqEntry> = offered
            .iter()
            .enumerate()
            .map(|(i, q)| FaqEntry {
                id: i as i64,
                question: q.clone(),
                answer: "a".into(),
                lang: "en".into(),
                intent: None,
                public: true,
            })
            .collect();
        let _ = faq::find(&entries, &text, "faq");
    }

    #[test]
    fn forged_identities_are_refused_not_panicked_on(
        email in any::<String>(),
        expires in any::<u64>(),
        signature in prop_oneof![any::<String>(), "[0-9a-f]{0,80}"],
    ) {
        let identity = SignedIdentity { email, expires, signature };
        let now = 1_800_000_000;
        prop_assert!(identity::verify(Some("secret"), "demo", &identity, now).is_err());
    }
}
