//! Finding the merchant's FAQ entry that answers a message: one implementation for the
//! runtime (which answers with it) and the shopper's browser (which shows the same answer
//! at once, and while the connection is down).
//!
//! Entries are compared with the message on the intent model's own features (words, word
//! pairs, character 3–4-grams, Chinese characters and their pairs), weighted by how rare
//! each feature is among the merchant's entries, so "do you deliver to Canada?" finds
//! "Which countries do you deliver to?" while "do you" counts for little. An entry tied to
//! the intent the model recognised gets a head start, one tied to another recognised intent
//! starts behind; an entry is only given when the match is good enough, never as a guess.
//!
//! Entries are anything that has a question and maybe an intent ([`Question`]): the
//! runtime's stored rows and the browser's public copy both qualify, so neither converts.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::OUT_OF_SCOPE;
use crate::featurize::feature_strings;

/// The intents about a product, which a catalogue plugin serves.
const PRODUCT_INTENTS: &[&str] = &["product_info", "product_availability"];

/// Head start of an entry tied to the recognised intent.
const INTENT_BONUS: f32 = 0.2;
/// Head start of the one entry whose answer names something the message names (a country,
/// a payment method): more than the recognised intent's and than a close wording, because
/// a fact the shopper named says more about what they ask than the model's reading of the
/// topic ("how long does it take to get to Canada" is the international entry's question,
/// however like "how long does delivery take" it is worded).
const NAMED_BONUS: f32 = 0.8;
/// Least score an entry needs to be given.
const MIN_SCORE: f32 = 0.2;
/// How much an entry's answer counts next to its question: the answer holds the facts a
/// shopper asks about by name ("do you ship to Canada?" against "Which countries do you
/// deliver to?", whose answer lists Canada), the question how they ask.
const ANSWER_WEIGHT: f32 = 0.5;

/// What matching needs of an FAQ entry.
pub trait Question {
    /// The question as the merchant wrote it.
    fn question(&self) -> &str;
    /// The intent it answers, if tied to one.
    fn intent(&self) -> Option<&str>;
    /// The answer as the merchant wrote it.
    fn answer(&self) -> &str;
}

/// An FAQ entry as the shop publishes it to the browser: in the shopper's language, with
/// the answer given verbatim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicEntry {
    /// The question as the merchant wrote it.
    pub question: String,
    /// The answer, given verbatim.
    pub answer: String,
    /// The intent it answers, if tied to one.
    #[serde(default)]
    pub intent: Option<String>,
}

impl<E: Question> Question for &E {
    fn question(&self) -> &str {
        (**self).question()
    }
    fn intent(&self) -> Option<&str> {
        (**self).intent()
    }
    fn answer(&self) -> &str {
        (**self).answer()
    }
}

impl Question for PublicEntry {
    fn question(&self) -> &str {
        &self.question
    }
    fn intent(&self) -> Option<&str> {
        self.intent.as_deref()
    }
    fn answer(&self) -> &str {
        &self.answer
    }
}

fn counts(text: &str) -> HashMap<String, f32> {
    let mut out = HashMap::new();
    for f in feature_strings(text) {
        if f != "<s>" {
            *out.entry(f).or_insert(0.0) += 1.0;
        }
    }
    out
}

/// Entries prepared for matching: everything about them a message is compared with,
/// computed once when the entries change (the runtime keeps one per merchant and language,
/// the browser one per shop), not on every message.
#[derive(Debug, Clone, PartialEq)]
pub struct Faq<E> {
    entries: Vec<E>,
    /// Each entry's features (its question's, and its answer's at [`ANSWER_WEIGHT`]),
    /// weighted by rarity, with the vector's length.
    docs: Vec<(HashMap<String, f32>, f32)>,
    /// How many entries have each feature.
    df: HashMap<String, usize>,
    /// Every feature of any entry's question.
    in_questions: HashSet<String>,
    /// The names any entry's answer holds ([`names_in`]).
    names: HashSet<String>,
}

/// No entries: finds nothing.
impl<E> Default for Faq<E> {
    fn default() -> Self {
        Self {
            entries: Vec::new(),
            docs: Vec::new(),
            df: HashMap::new(),
            in_questions: HashSet::new(),
            names: HashSet::new(),
        }
    }
}

impl<E: Question> Faq<E> {
    /// `entries` (all in one language) prepared for matching.
    pub fn new(entries: Vec<E>) -> Self {
        let mut in_questions = HashSet::new();
        let mut names = HashSet::new();
        let raw: Vec<HashMap<String, f32>> = entries
            .iter()
            .map(|e| {
                let mut doc = counts(e.question());
                in_questions.extend(doc.keys().cloned());
                names.extend(names_in(e.answer()));
                for (f, v) in counts(e.answer()) {
                    *doc.entry(f).or_insert(0.0) += ANSWER_WEIGHT * v;
                }
                doc
            })
            .collect();
        let mut df: HashMap<String, usize> = HashMap::new();
        for f in raw.iter().flat_map(HashMap::keys) {
            *df.entry(f.clone()).or_insert(0) += 1;
        }
        let mut faq = Self {
            entries,
            docs: Vec::new(),
            df,
            in_questions,
            names,
        };
        faq.docs = raw
            .iter()
            .map(|doc| {
                let weighted = faq.weigh(doc);
                let norm = length(&weighted);
                (weighted, norm)
            })
            .collect();
        faq
    }

    /// The entries, as given.
    pub fn entries(&self) -> &[E] {
        &self.entries
    }

    /// How rare `f` is among the entries: features few entries have count for more.
    fn idf(&self, f: &str) -> f32 {
        let n = self.entries.len() as f32;
        let df = self.df.get(f).copied().unwrap_or(0) as f32;
        ((n + 1.0) / (df + 1.0)).ln() + 1.0
    }

    fn weigh(&self, counts: &HashMap<String, f32>) -> HashMap<String, f32> {
        counts
            .iter()
            .map(|(f, v)| (f.clone(), v * self.idf(f)))
            .collect()
    }

    /// The entry answering `text`, whose intent the model thinks is `intent`.
    pub fn find(&self, text: &str, intent: &str) -> Option<&E> {
        if self.entries.is_empty() {
            return None;
        }
        // The countries named, or named by a city, in both languages, as far as some entry
        // uses those words and the message speaks of sending something: the entry whose answer lists the country answers "shipping to
        // China 要多久啊? 我在杭州". Words no entry has would only dilute the match.
        let mut implied = if crate::places::speaks_of_sending(text) {
            crate::places::countries_named(text).join(" ")
        } else {
            String::new()
        };
        // A way to pay by its short name ("do you take Amex?"), spelled out as the answer
        // that lists it spells it ("American Express").
        for method in crate::payments::methods_named(text) {
            implied.push(' ');
            implied.push_str(method);
        }
        let mut counted = counts(text);
        for (f, v) in counts(&implied) {
            if self.df.contains_key(&f) {
                counted.entry(f).or_insert(v);
            }
        }
        let query = self.weigh(&counted);
        let query_norm = length(&query);
        if query_norm == 0.0 {
            return None;
        }
        // What the message names that exactly one entry has, in its answer only: a name the
        // merchant listed there (a country, a payment method, a carrier), not the words a
        // question is asked in. A name is a word the answer capitalises inside a sentence
        // ("We ship to the US, Canada, the UK"), of three letters or more unless the message
        // writes it in capitals too ("UK", not "us"); or two Chinese characters together.
        let capitals: Vec<String> = [text, implied.as_str()]
            .iter()
            .flat_map(|t| t.split(|c: char| !c.is_alphanumeric()))
            .filter(|t| t.len() >= 2 && t.chars().all(|c| c.is_ascii_uppercase()))
            .map(str::to_lowercase)
            .collect();
        let names_something = |f: &str| match f.strip_prefix("w:") {
            Some(word) => {
                (word.chars().count() >= 3 || capitals.iter().any(|c| c == word))
                    && self.names.contains(word)
            }
            None => {
                f.starts_with("b:h:")
                    && f.strip_prefix("b:").is_some_and(|pair| {
                        pair.split('|').all(|part| {
                            part.strip_prefix("h:")
                                .is_some_and(|c| !c.chars().any(|c| GRAMMAR_HAN.contains(c)))
                        })
                    })
            }
        };
        let named: Vec<&String> = query
            .keys()
            .filter(|f| names_something(f))
            .filter(|f| self.df.get(f.as_str()) == Some(&1))
            .filter(|f| !self.in_questions.contains(f.as_str()))
            .collect();
        self.entries
            .iter()
            .zip(&self.docs)
            .map(|(entry, (doc, norm))| {
                let dot: f32 = query
                    .iter()
                    .filter_map(|(f, v)| doc.get(f).map(|w| v * w))
                    .sum();
                let cosine = dot / (query_norm * norm).max(f32::EPSILON);
                // An entry about the recognised intent gets a head start; one about another
                // intent the model did recognise (not out of scope) starts behind.
                let bonus = match entry.intent() {
                    Some(i) if i == intent => INTENT_BONUS,
                    Some(_) if intent != OUT_OF_SCOPE => -INTENT_BONUS,
                    _ => 0.0,
                };
                // "Do you ship to Canada?" is about the entry whose answer lists Canada,
                // even when the model heard a question about shipping options.
                let names = if named.iter().any(|f| doc.contains_key(*f)) {
                    NAMED_BONUS
                } else {
                    0.0
                };
                (cosine + bonus + names, entry)
            })
            .filter(|(score, _)| *score >= MIN_SCORE)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, entry)| entry)
    }

    /// [`Faq::find`] when nothing comes before the FAQ: the model heard `intent`, which no
    /// plugin of the shop serves (`served`). A message about an intent a plugin serves is
    /// the plugin's to answer, and a request for a person goes to one, so neither finds
    /// anything here.
    pub fn answering(&self, text: &str, intent: &str, served: &[String]) -> Option<&E> {
        // A plugin's question is the plugin's, except how a product fits: the shop's sizing
        // advice, which a catalogue does not hold (the runtime's decision does the same).
        let plugins = intent != OUT_OF_SCOPE
            && served.iter().any(|s| s == intent)
            && !(PRODUCT_INTENTS.contains(&intent) && crate::asks::asks_only_about_fit(text));
        if intent == TO_A_PERSON || plugins {
            return None;
        }
        self.find(text, intent)
    }
}

/// A vector's length.
fn length(v: &HashMap<String, f32>) -> f32 {
    v.values().map(|x| x * x).sum::<f32>().sqrt()
}

/// The entry of `entries` (already in the shopper's language) answering `text`, whose
/// intent the model thinks is `intent`; for one message ([`Faq`] prepares the entries once
/// for many).
pub fn find<'a, E: Question>(entries: &'a [E], text: &str, intent: &str) -> Option<&'a E> {
    let faq = Faq::new(entries.iter().collect::<Vec<&E>>());
    faq.find(text, intent).copied()
}

/// The words `answer` capitalises inside its sentences, lower-cased: the names in it
/// ("Canada", "UK", "Alipay"). A sentence's first word is capitalised whatever it is.
fn names_in(answer: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut sentence_start = true;
    for token in answer.split_inclusive(|c: char| !c.is_alphanumeric()) {
        let word: &str = token.trim_end_matches(|c: char| !c.is_alphanumeric());
        if !word.is_empty() {
            if !sentence_start && word.chars().next().is_some_and(char::is_uppercase) {
                names.push(word.to_lowercase());
            }
            sentence_start = false;
        }
        if token.ends_with(['.', '!', '?', ':', '。', '！', '？', '：']) {
            sentence_start = true;
        }
    }
    names
}

/// Characters that carry grammar, not a name: a pair of Chinese characters holding one
/// ("个订" of "每个订单", "的发" of "的发票") is where two words meet, not a place or a
/// payment method the answer names ("日本", "支付宝").
const GRAMMAR_HAN: &str =
    "的了个是在我你他她它们吗呢吧啊和与也都就要会可以这那有不一么什怎每从到把被给将";

/// The intent of a request for a person: the runtime hands off before any FAQ.
pub const TO_A_PERSON: &str = "contact_human_agent";

/// [`Faq::answering`] for one message.
pub fn answering<'a, E: Question>(
    entries: &'a [E],
    text: &str,
    intent: &str,
    served: &[String],
) -> Option<&'a E> {
    let faq = Faq::new(entries.iter().collect::<Vec<&E>>());
    faq.answering(text, intent, served).copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: usize, intent: Option<&str>, question: &str) -> PublicEntry {
        PublicEntry {
            question: question.into(),
            answer: format!("answer {id}"),
            intent: intent.map(str::to_string),
        }
    }

    fn faq() -> Vec<PublicEntry> {
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

    fn answer(found: Option<&PublicEntry>) -> Option<&str> {
        found.map(|e| e.answer.as_str())
    }

    #[test]
    fn the_recognised_intent_finds_its_entry() {
        let faq = faq();
        let found = find(
            &faq,
            "can I get my money back if it doesn't fit",
            "check_refund_policy",
        );
        assert_eq!(answer(found), Some("answer 1"));
        assert_eq!(
            answer(find(&faq, "when will it arrive", "delivery_period")),
            Some("answer 3")
        );
    }

    #[test]
    fn a_fact_named_only_in_an_answer_finds_that_entry() {
        let faq = vec![
            PublicEntry {
                question: "Which payment methods do you accept?".into(),
                answer: "Visa, Mastercard, Amex, PayPal, Apple Pay and Alipay.".into(),
                intent: None,
            },
            PublicEntry {
                question: "How long does delivery take?".into(),
                answer: "3-5 business days.".into(),
                intent: None,
            },
        ];
        let found = find(&faq, "alipay ok?", OUT_OF_SCOPE);
        assert_eq!(
            found.map(|e| e.question.as_str()),
            Some(faq[0].question.as_str())
        );
    }

    #[test]
    fn a_name_only_one_entry_has_outweighs_the_recognised_intent() {
        let faq = vec![
            PublicEntry {
                question: "What shipping options do you offer?".into(),
                answer: "Standard shipping is free over $50. We ship with UPS and USPS.".into(),
                intent: Some("delivery_options".into()),
            },
            PublicEntry {
                question: "Do you ship internationally? Which countries do you deliver to?".into(),
                answer: "We ship to the US, Canada, the UK and Japan in 7-14 business days.".into(),
                intent: None,
            },
            PublicEntry {
                question: "可以寄到国外吗？".into(),
                answer: "我们配送到美国、加拿大、英国和日本。".into(),
                intent: None,
            },
        ];
        let question = |text: &str| find(&faq, text, "delivery_options").map(|e| &e.question);
        assert_eq!(question("Do you ship to Canada?"), Some(&faq[1].question));
        assert_eq!(question("能寄到日本吗"), Some(&faq[2].question));
        assert_eq!(question("shipping to the UK?"), Some(&faq[1].question));
        // A city names its country, in either language.
        assert_eq!(
            question("how long does shipping to tokyo take"),
            Some(&faq[1].question)
        );
        assert_eq!(question("寄到伦敦要多久"), Some(&faq[2].question));
        assert_eq!(
            question("what shipping options do you have"),
            Some(&faq[0].question)
        );
        // An ordinary word that only one answer happens to use names nothing.
        let mut faq = faq;
        faq.push(PublicEntry {
            question: "How do I return an item?".into(),
            answer: "Print the label and drop the parcel at any UPS point.".into(),
            intent: Some("return_item".into()),
        });
        let found = find(
            &faq,
            "could I swing by at some point and grab my stuff",
            "delivery_options",
        );
        assert_ne!(
            found.map(|e| e.question.as_str()),
            Some("How do I return an item?")
        );
    }

    #[test]
    fn a_way_to_pay_by_its_short_name_finds_the_answer_that_spells_it_out() {
        let faq = vec![
            PublicEntry {
                question: "Which payment methods do you accept?".into(),
                answer: "We accept Visa, Mastercard, American Express, PayPal and Alipay.".into(),
                intent: Some("check_payment_methods".into()),
            },
            PublicEntry {
                question: "Can I change the size on my order?".into(),
                answer: "Exchanges are free within 30 days.".into(),
                intent: Some("change_order".into()),
            },
        ];
        let found = find(
            &faq,
            "oh wait, totally different thing - do you take Amex?",
            OUT_OF_SCOPE,
        );
        assert_eq!(
            found.map(|e| e.question.as_str()),
            Some(faq[0].question.as_str())
        );
    }

    #[test]
    fn two_chinese_characters_where_words_meet_name_nothing() {
        let faq = vec![
            PublicEntry {
                question: "发票在哪里查看？".into(),
                answer:
                    "每个订单的发票（PDF）都附在订单确认邮件中，也可以在账户的“我的订单”里下载。"
                        .into(),
                intent: Some("check_invoice".into()),
            },
            PublicEntry {
                question: "可以开具公司抬头的发票吗？".into(),
                answer: "可以：回复订单确认邮件并提供公司名称和税号。".into(),
                intent: Some("get_invoice".into()),
            },
        ];
        // "个订" of "那个订单" meets "每个订单" in one answer: no name, so the company
        // invoice the words and the intent ask for is the answer.
        let found = find(
            &faq,
            "对了，我上周那个订单1004……哦不对已经到了。那我想问一下怎么开公司抬头的发票",
            "get_invoice",
        );
        assert_eq!(
            found.map(|e| e.question.as_str()),
            Some("可以开具公司抬头的发票吗？")
        );
    }

    #[test]
    fn names_are_the_words_an_answer_capitalises_inside_its_sentences() {
        assert_eq!(
            names_in(
                "We ship to the US, Canada and Japan. International delivery takes 7-14 days."
            ),
            ["us", "canada", "japan"]
        );
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
            let want = format!("answer {id}");
            assert_eq!(
                answer(find(&faq, text, intent)),
                Some(want.as_str()),
                "{text}"
            );
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
            find(&faq, "I want to return order 1003", "return_item"),
            None
        );
    }

    #[test]
    fn prepared_entries_answer_many_messages_as_one_at_a_time_does() {
        let entries = faq();
        let prepared = Faq::new(entries.clone());
        assert_eq!(prepared.entries(), entries.as_slice());
        for (text, intent) in [
            ("do you ship to Canada?", "delivery_options"),
            ("what's your return policy", OUT_OF_SCOPE),
            ("the weather is nice today", OUT_OF_SCOPE),
            ("", OUT_OF_SCOPE),
        ] {
            assert_eq!(
                prepared.find(text, intent),
                find(&entries, text, intent),
                "{text}"
            );
        }
    }

    #[test]
    fn unrelated_messages_find_nothing() {
        let faq = faq();
        for text in ["what's the weather in paris", "tell me a joke", "hello"] {
            assert_eq!(find(&faq, text, "out_of_scope"), None, "{text}");
        }
    }

    #[test]
    fn an_intent_a_plugin_serves_is_left_to_the_plugin() {
        let faq = faq();
        let served = vec!["delivery_period".to_string()];
        assert_eq!(
            answering(&faq, "when will it arrive", "delivery_period", &served),
            None
        );
        assert_eq!(
            answer(answering(
                &faq,
                "when will it arrive",
                "delivery_period",
                &[]
            )),
            Some("answer 3")
        );
    }
}
