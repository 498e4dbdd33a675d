//! Finding the merchant's FAQ entry that answers a message.
//!
//! Entries are compared with the message on the intent model's own features (words, word
//! pairs, character 3–4-grams, Chinese characters and their pairs), weighted by how rare
//! each feature is among the merchant's entries, so "do you deliver to Canada?" finds
//! "Which countries do you deliver to?" while "do you" counts for little. An entry tied to
//! the intent the model recognised gets a head start, one tied to another recognised intent
//! starts behind; an entry is only given when the match is good enough, never as a guess.

use std::collections::HashMap;

use kefu_intent::featurize::feature_strings;

use crate::store::FaqEntry;

/// Head start of an entry tied to the recognised intent.
const INTENT_BONUS: f32 = 0.2;
/// Least score an entry needs to be given.
const MIN_SCORE: f32 = 0.2;

fn counts(text: &str) -> HashMap<String, f32> {
    let mut out = HashMap::new();
    for f in feature_strings(text) {
        if f != "<s>" {
            *out.entry(f).or_insert(0.0) += 1.0;
        }
    }
    out
}

/// The entry of `entries` (already in the shopper's language) answering `text`, whose
/// intent the model thinks is `intent`.
pub fn find<'a>(entries: &'a [FaqEntry], text: &str, intent: &str) -> Option<&'a FaqEntry> {
    if entries.is_empty() {
        return None;
    }
    let docs: Vec<HashMap<String, f32>> = entries.iter().map(|e| counts(&e.question)).collect();
    let n = docs.len() as f32;
    let idf = |f: &str| {
        let df = docs.iter().filter(|d| d.contains_key(f)).count() as f32;
        ((n + 1.0) / (df + 1.0)).ln() + 1.0
    };
    let weigh = |c: &HashMap<String, f32>| -> HashMap<String, f32> {
        c.iter().map(|(f, v)| (f.clone(), v * idf(f))).collect()
    };
    let norm = |v: &HashMap<String, f32>| v.values().map(|x| x * x).sum::<f32>().sqrt();
    let query = weigh(&counts(text));
    let query_norm = norm(&query);
    if query_norm == 0.0 {
        return None;
    }
    entries
        .iter()
        .zip(&docs)
        .map(|(entry, doc)| {
            let doc = weigh(doc);
            let dot: f32 = query
                .iter()
                .filter_map(|(f, v)| doc.get(f).map(|w| v * w))
                .sum();
            let cosine = dot / (query_norm * norm(&doc)).max(f32::EPSILON);
            // An entry about the recognised intent gets a head start; one about another
            // intent the model did recognise (not out of scope) starts behind.
            let bonus = match entry.intent.as_deref() {
                Some(i) if i == intent => INTENT_BONUS,
                Some(_) if intent != kefu_intent::OUT_OF_SCOPE => -INTENT_BONUS,
                _ => 0.0,
            };
            if std::env::var_os("KEFU_FAQ_DEBUG").is_some() {
                eprintln!("{cosine:.3} +{bonus} {:?} <- {text:?}", entry.question);
            }
            (cosine + bonus, entry)
        })
        .filter(|(score, _)| *score >= MIN_SCORE)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, entry)| entry)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: i64, intent: Option<&str>, question: &str) -> FaqEntry {
        FaqEntry {
            id,
            question: question.into(),
            answer: format!("answer {id}"),
            lang: "en".into(),
            intent: intent.map(str::to_string),
        }
    }

    fn faq() -> Vec<FaqEntry> {
        vec![
            entry(
                1,
                Some("check_refund_policy"),
                "What is your refund policy?",
            ),
            entry(
                2,
                Some("delivery_options"),
                "What shipping options do you offer?",
            ),
            entry(3, Some("delivery_period"), "How long does delivery take?"),
            entry(
                4,
                Some("check_payment_methods"),
                "Which payment methods do you accept?",
            ),
            entry(
                5,
                None,
                "Do you ship internationally? Which countries do you deliver to?",
            ),
            entry(
                6,
                None,
                "How do I find my size? Do your clothes run small or large? size guide",
            ),
        ]
    }

    #[test]
    fn the_recognised_intent_finds_its_entry() {
        let faq = faq();
        let found = find(
            &faq,
            "can I get my money back if it doesn't fit",
            "check_refund_policy",
        );
        assert_eq!(found.map(|e| e.id), Some(1));
        let found = find(&faq, "when will it arrive", "delivery_period");
        assert_eq!(found.map(|e| e.id), Some(3));
    }

    #[test]
    fn paraphrases_find_entries_without_an_intent() {
        let faq = faq();
        for (text, intent, id) in [
            ("do you deliver to canada?", "delivery_options", 5),
            (
                "can you ship to countries outside the US",
                "out_of_scope",
                5,
            ),
            (
                "do the hoodies run small? what size should I get",
                "out_of_scope",
                6,
            ),
            ("is there a size guide", "product_info", 6),
        ] {
            assert_eq!(find(&faq, text, intent).map(|e| e.id), Some(id), "{text}");
        }
    }

    #[test]
    fn an_entry_about_another_recognised_intent_is_not_given() {
        let mut faq = faq();
        faq.push(entry(
            7,
            Some("check_cancellation_fee"),
            "Is there a fee to cancel an order?",
        ));
        assert_eq!(
            find(&faq, "I want to return order 1003", "return_item").map(|e| e.id),
            None
        );
    }

    #[test]
    fn unrelated_messages_find_nothing() {
        let faq = faq();
        for text in ["what's the weather in paris", "tell me a joke", "hello"] {
            assert_eq!(
                find(&faq, text, "out_of_scope").map(|e| e.id),
                None,
                "{text}"
            );
        }
    }
}
