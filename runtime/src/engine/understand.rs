//! What the runtime makes of one shopper message before deciding anything: the model's
//! prediction (made here again: the browser's is only a hint), corrected by what the
//! merchant's agents taught ([`Understanding::as_taught`]), the language to answer in, the
//! slots written in it and whether the shopper sounds upset. Pure: no store, no plugin.

use kefu_intent::Prediction;
use kefu_intent::slots::{self, Slot, SlotKind};
use kefu_intent::topics::{Scores, Topic};

use super::confirm::CardAnswer;
use super::correction::{self, Correction, Target};

use super::language;

use super::replies::Lang;
use super::topic_choice::{
    an_emergency_heard_as_harm, head_alone_in_another_matter, leaning_of, topic_of,
};

/// One message, understood.
#[derive(Debug, Clone, PartialEq)]
pub struct Understanding {
    /// The message, trimmed.
    pub text: String,
    /// The intent model's answer.
    pub prediction: Prediction,
    /// The language to answer in.
    pub lang: Lang,
    /// Order numbers, emails, amounts… found in the text.
    pub slots: Vec<Slot>,
    /// The shopper sounds frustrated or sarcastic.
    pub upset: bool,
    /// What the message is about beyond the intent labels (a charge they did not make, a
    /// damaged item, time pressure…), with the topic model's probability.
    pub topic: Option<(Topic, f32)>,
    /// A topic a person must handle, heard under its cut-off but close to it ([`super::topic_choice::LEANING`]),
    /// with its probability: not enough to hand off on its own, enough when the bot has no
    /// answer of its own to give (`person_first::unless_a_person_is_likelier`).
    pub leaning: Option<(Topic, f32)>,
    /// Every topic's probability from its own model alone, without the person head's lift:
    /// what the topic was weighed against, kept so that no later question scores the
    /// message again.
    pub own: Scores,
    /// The confirmation card's button the message was, if it was one (the widget says
    /// which action it answers).
    pub card: Option<CardAnswer>,
    /// The phrasing an agent taught that the message says again, when it decides what the
    /// message means ([`Understanding::as_taught`]).
    pub taught: Option<Correction>,
}

/// `text` with the curly quotes phones type written straight ("aren’t mine" is "aren't
/// mine"), as every word list and the models' training sentences write them.
pub fn with_straight_quotes(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(['\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}']) {
        std::borrow::Cow::Owned(
            text.replace(['\u{2018}', '\u{2019}'], "'")
                .replace(['\u{201c}', '\u{201d}'], "\""),
        )
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// `text` as the models read it: pinyin in Chinese characters ([`kefu_intent::pinyin`]).
pub fn as_read(text: &str) -> std::borrow::Cow<'_, str> {
    kefu_intent::pinyin::read(text)
        .map_or(std::borrow::Cow::Borrowed(text), std::borrow::Cow::Owned)
}

/// How far a topic heard in a message of both scripts may rise above what its English and
/// its Chinese words make of it alone.
const MIXED_RISE: f32 = 0.2;

/// Every topic's probability for `text` as read ([`as_read`]), with the person head's lift
/// and from the topics' own models alone
/// ([`kefu_intent::topics::TopicModels::scores_and_own`]). In a message of both scripts, a
/// topic is heard no more than [`MIXED_RISE`] above what either script's words say of it
/// alone: the models saw few such messages, and a short mix ("ok and 什么时候到的") can sound
/// to them like harm or damage that neither half speaks of. "我的card被盗刷了" keeps its fraud:
/// the Chinese says it.
fn topic_scores(text: &str) -> (Scores, Scores) {
    let read = as_read(text);
    let models = kefu_intent::topics::builtin();
    let (scores, own) = models.scores_and_own(&read);
    let han = |c: char| ('\u{3400}'..='\u{9fff}').contains(&c);
    let latin_word = read
        .split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| w.len() >= 2);
    if !(read.chars().any(han) && latin_word) {
        return (scores, own);
    }
    let part = |keep_han: bool| -> String {
        read.chars()
            .map(|c| {
                if han(c) != keep_han && c.is_alphabetic() {
                    ' '
                } else {
                    c
                }
            })
            .collect()
    };
    let (han_part, latin_part) = (
        models.scores_and_own(&part(true)),
        models.scores_and_own(&part(false)),
    );
    (
        capped(scores, [&han_part.0, &latin_part.0]),
        capped(own, [&han_part.1, &latin_part.1]),
    )
}

/// `whole`, each topic no more than [`MIXED_RISE`] above the most either of `halves` (the
/// same scores of the message's Chinese and its Latin words alone) gives it.
fn capped(whole: Scores, halves: [&[(Topic, f32)]; 2]) -> Scores {
    whole
        .into_iter()
        .enumerate()
        .map(|(i, (t, p))| {
            let alone = halves.iter().map(|h| h[i].1).fold(0.0, f32::max);
            (t, p.min(alone + MIXED_RISE))
        })
        .collect()
}

impl Understanding {
    /// `text` with the model's `prediction`; `locale` is the widget's (or the conversation's)
    /// and only decides the language of a message without letters.
    pub fn new(text: &str, prediction: Prediction, locale: &str) -> Self {
        let text = text.trim();
        let upset = kefu_intent::signals::frustration(text).is_upset();
        // Scored once: the topic and the leaning weigh the same scores.
        let (scores, own) = topic_scores(text);
        Self {
            text: text.to_string(),
            lang: language::reply_lang(text, locale),
            slots: slots::extract(text),
            upset,
            topic: topic_of(text, &scores, &prediction, upset)
                .filter(|&(t, _)| !head_alone_in_another_matter(t, &own, &prediction, text, upset))
                .map(|(t, p)| {
                    if an_emergency_heard_as_harm(t, &own, text) {
                        (Topic::Urgent, p)
                    } else {
                        (t, p)
                    }
                }),
            leaning: leaning_of(text, &scores, &prediction),
            own,
            prediction,
            card: None,
            taught: None,
        }
    }

    /// The message as the merchant's agents taught it, when it says a taught phrasing
    /// again: a taught label replaces the model's intent (the similarity as its confidence,
    /// no runner-up, so nothing is asked back); a taught FAQ entry is given by the decision
    /// (`decide::answer`), the intent staying the model's. Neither when the model heard a
    /// request for a person or a policy request ([`correction::may_replace`]). Slots,
    /// language and tone stay as read from the text; topics are weighed again against the
    /// taught meaning as against the model's (`topic_choice::weak_and_alone`): a strong sensitive topic
    /// still sends the message to a person before any intent counts, and a delivery problem
    /// heard still becomes a claim.
    pub fn as_taught(mut self, correction: Option<Correction>) -> Self {
        let Some(c) = correction.filter(|_| correction::may_replace(&self.prediction.intent))
        else {
            return self;
        };
        if let Target::Intent(label) = &c.target {
            let confidence = (c.similarity * 10_000.0).round() / 10_000.0;
            self.prediction = Prediction {
                intent: label.clone(),
                confidence,
                top: vec![(label.clone(), confidence)],
            };
            // Topics are weighed against what the message means: a weak one alone yields to a
            // taught shop question as to one the model is sure of (a person decided what these
            // words mean; the match already needed all their content and a close reading), and
            // so does one only the person head hears ("could I swing by and grab my stuff in
            // person"): the topics' own models are weighed.
            let as_sure = Prediction {
                confidence: 1.0,
                ..self.prediction.clone()
            };
            self.topic = topic_of(&self.text, &self.own, &as_sure, self.upset);
        }
        self.taught = Some(c);
        self
    }

    /// Whether the message's topic, if any, is named by the person head alone: its own model
    /// gives it almost nothing (under 0.1), so the head's wish for a person chose it as the
    /// nearest of nothing. (A topic its own model hears a little, "your driver was really
    /// creepy with me yesterday, I want to talk to someone about it", stays the reason.)
    pub fn topic_by_the_head_alone(&self) -> bool {
        self.topic
            .is_some_and(|(t, _)| self.own.iter().any(|&(u, p)| u == t && p < 0.1))
    }

    /// The slot of `kind` the message means: the first of its kind, but for an order
    /// number, the one meant ([`slots::order_number`]).
    pub fn slot(&self, kind: SlotKind) -> Option<&str> {
        match kind {
            SlotKind::OrderNumber => slots::order_number(&self.text, &self.slots),
            SlotKind::Email => slots::email(&self.text, &self.slots),
            _ => slots::first(&self.slots, kind),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::topic_choice::tests::sure;

    #[test]
    fn curly_quotes_typed_on_phones_are_read_straight() {
        assert_eq!(
            with_straight_quotes("these aren\u{2019}t mine, it says \u{201c}delivered\u{201d}"),
            "these aren't mine, it says \"delivered\""
        );
        assert!(matches!(
            with_straight_quotes("plain text"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn pinyin_is_heard_as_the_chinese_it_spells() {
        // Typed without a Chinese input method: the topic models hear the characters.
        for (text, topic) in [
            (
                "zhanghao bei dao le, mima ye bei gai le",
                Topic::AccountTakeover,
            ),
            ("wo yao qisu nimen, yijing zhao le lushi", Topic::Legal),
        ] {
            let u = Understanding::new(text, sure("unknown", 0.3), "en");
            assert_eq!(u.topic.map(|t| t.0), Some(topic), "{text}");
        }
        assert_eq!(
            as_read("wo xiang tui kuan, order 1003"),
            "我想退款, order 1003"
        );
        assert_eq!(as_read("can you ship to china"), "can you ship to china");
    }

    #[test]
    fn an_emergency_at_home_with_no_harm_in_it_is_urgent() {
        for text in [
            "我爸突然住院了 这几天都在医院陪床 家里没人",
            "This is kind of an emergency. We had a fire at our apartment last night and nothing can be delivered there for the foreseeable future",
        ] {
            let u = Understanding::new(text, sure("out_of_scope", 0.69), "en");
            assert_eq!(u.topic.map(|t| t.0), Some(Topic::Urgent), "{text}");
        }
        // The shop's goods in it: the harm they did, not an emergency at home.
        let u = Understanding::new(
            "家里出事了，我爸用你们的保温杯泡茶喝完就进医院了，这几天在医院陪床",
            sure("out_of_scope", 0.6),
            "zh",
        );
        assert_ne!(u.topic.map(|t| t.0), Some(Topic::Urgent));
        // Harm told stays safety.
        let u = Understanding::new(
            "my son is in hospital, the bottle lid cut his hand open",
            sure("complaint", 0.5),
            "en",
        );
        assert_eq!(u.topic.map(|t| t.0), Some(Topic::Safety));
    }

    #[test]
    fn how_data_is_kept_safe_asked_is_no_data_protection_request() {
        for text in [
            "how do you protect my data when I check out?",
            "你们会不会把我的地址泄露出去啊",
        ] {
            let u = Understanding::new(text, sure("out_of_scope", 0.8), "en");
            assert_ne!(u.topic.map(|t| t.0), Some(Topic::DataProtection), "{text}");
        }
        let u = Understanding::new(
            "please delete all the personal data you hold on me",
            sure("delete_account", 0.8),
            "en",
        );
        assert_eq!(u.topic.map(|t| t.0), Some(Topic::DataProtection));
    }

    #[test]
    fn a_short_mix_of_scripts_hears_no_topic_neither_half_speaks_of() {
        let when = Understanding::new("ok and 什么时候到的", sure("out_of_scope", 0.5), "en");
        assert_eq!(when.topic, None);
        // The Chinese half says it: the fraud stays.
        let stolen = Understanding::new("我的card被盗刷了", sure("payment_issue", 0.5), "zh");
        assert_eq!(stolen.topic.map(|t| t.0), Some(Topic::Fraud));
    }

    #[test]
    fn a_plain_shop_question_is_not_a_topic_and_a_charge_nobody_made_is() {
        let alipay = Understanding::new(
            "你们支持支付宝付款吗",
            sure("check_payment_methods", 0.99),
            "zh",
        );
        assert_eq!(alipay.topic, None);
        let stock = Understanding::new(
            "is the steel bottle in stock?",
            sure("product_availability", 0.99),
            "en",
        );
        assert_eq!(stock.topic, None);
        let fraud = Understanding::new(
            "there's a charge from your shop on my card that i never made",
            sure("check_payment_methods", 0.95),
            "en",
        );
        assert_eq!(fraud.topic.map(|t| t.0), Some(Topic::Fraud));
    }

    #[test]
    fn a_weak_topic_yields_to_a_taught_shop_question_a_strong_one_does_not() {
        let taught_as = |similarity| {
            Some(Correction {
                id: 1,
                target: Target::Intent("check_payment_methods".into()),
                similarity,
            })
        };
        // The model reads "who do I contact about a wholesale account" as a payment problem,
        // unsure; the topic models hear a weak data-protection request in it. An agent taught
        // it as a question about paying: then it is answered as one.
        let kept = "who do I contact about a wholesale account";
        let read = Understanding::new(kept, sure("payment_issue", 0.44), "en");
        let (topic, p) = read.topic.expect("a topic heard in the words alone");
        assert!(
            topic.needs_a_person() && p < crate::engine::topic_choice::WEAK_TOPIC,
            "{topic:?} {p}"
        );
        assert_eq!(read.as_taught(taught_as(1.0)).topic, None);
        // With more words the match is less close, and still the agent's reading.
        let variant = "who should I contact about a wholesale account?";
        let read = Understanding::new(variant, sure("payment_issue", 0.4), "en");
        assert!(read.topic.is_some());
        assert_eq!(read.as_taught(taught_as(0.7)).topic, None);
        // Collecting in person heard as a weak safety topic speaks of no harm: no topic.
        let collect = "could I swing by and grab my stuff in person";
        let read = Understanding::new(collect, sure("switch_account", 0.28), "en");
        assert_eq!(read.topic, None);
        // A threat stays a threat whatever was taught about the words around it.
        let threat = "your courier grabbed me and said he would hurt me if I complain";
        let read = Understanding::new(threat, sure("complaint", 0.5), "en");
        let heard = read.topic.map(|t| t.0);
        assert!(heard.is_some_and(|t| t.needs_a_person()), "{heard:?}");
        assert_eq!(read.as_taught(taught_as(1.0)).topic.map(|t| t.0), heard);
    }

    #[test]
    fn a_topic_only_the_person_head_hears_in_a_sure_complaint_is_the_complaint() {
        for text in [
            "I'm really unhappy with how your staff treated me on the phone",
            "你们家客服态度太差了，上次打电话直接把我挂了",
        ] {
            // The head hears a person's matter in these words…
            let unsure = Understanding::new(text, sure("complaint", 0.6), "en");
            assert!(unsure.topic.is_some(), "{text}");
            // …which a sure complaint takes in as itself.
            let read = Understanding::new(text, sure("complaint", 0.99), "en");
            assert_eq!(read.topic, None, "{text}");
        }
        // A topic the topic's own model hears stays, complaint or not.
        let read = Understanding::new(
            "someone used my card for three orders I never made, I want to complain",
            sure("complaint", 0.99),
            "en",
        );
        assert_eq!(read.topic.map(|t| t.0), Some(Topic::Fraud));
        // A question about who answers: the head hears "person" as personal data; it is the
        // question, answered plainly.
        let text = "wait - am I talking to an actual person right now?";
        let read = Understanding::new(text, sure("contact_human_agent", 0.89), "en");
        assert_eq!(read.topic, None, "{text}");
    }

    #[test]
    fn small_talk_raises_no_topic_but_a_threat_in_it_does() {
        // The topic model hears harassment (0.57) in "how's your day going", and the
        // frustration model a shopper upset: small talk alone is neither.
        for text in [
            "how's your day going",
            "hows your day going",
            "how are you today",
            "你今天过得怎么样",
        ] {
            let u = Understanding::new(text, sure("greeting", 0.6), "en");
            assert_eq!(u.topic, None, "{text}");
        }
        // With anything more it is not small talk, and the topic is weighed as ever.
        let threat = "how's your day going? I know where you live and I'm coming";
        assert!(!crate::engine::cues::is_small_talk(threat), "{threat}");
        let u = Understanding::new(threat, sure("greeting", 0.7), "en");
        assert!(u.topic.is_some_and(|(t, _)| t.needs_a_person()), "{threat}");
        // A greeting the model is sure of, chatting on, that only the person head hears:
        // no topic.
        let chat = "hey there, how's your day going? must be busy with all the holiday orders";
        let u = Understanding::new(chat, sure("greeting", 0.7), "en");
        assert_eq!(u.topic, None, "{chat}");
    }

    fn taught(target: Target) -> Option<Correction> {
        Some(Correction {
            id: 1,
            target,
            similarity: 0.87,
        })
    }

    #[test]
    fn a_taught_label_replaces_the_intent_and_keeps_slots_and_topics() {
        let u = Understanding::new(
            "can I collect order 1001 at your warehouse, jane@example.com",
            sure("out_of_scope", 0.8),
            "en",
        )
        .as_taught(taught(Target::Intent("delivery_options".into())));
        assert_eq!(u.prediction.intent, "delivery_options");
        assert_eq!(u.prediction.confidence, 0.87);
        assert_eq!(u.prediction.top.len(), 1, "nothing to ask back");
        assert_eq!(u.slot(SlotKind::OrderNumber), Some("1001"));
        assert_eq!(u.slot(SlotKind::Email), Some("jane@example.com"));
        // A sensitive topic stays whatever was taught.
        let fraud = Understanding::new(
            "there's a charge from your shop on my card that i never made",
            sure("check_payment_methods", 0.95),
            "en",
        )
        .as_taught(taught(Target::Intent("check_payment_methods".into())));
        assert_eq!(fraud.topic.map(|t| t.0), Some(Topic::Fraud));
    }

    #[test]
    fn a_request_for_a_person_stays_one_whatever_was_taught() {
        for intent in ["contact_human_agent", "delete_account"] {
            let u = Understanding::new("get me someone", sure(intent, 0.9), "en")
                .as_taught(taught(Target::Intent("track_order".into())));
            assert_eq!(u.prediction.intent, intent);
            assert_eq!(u.taught, None);
        }
        let faq = Understanding::new("do you gift wrap", sure("out_of_scope", 0.6), "en")
            .as_taught(taught(Target::Faq(7)));
        assert_eq!(
            faq.prediction.intent, "out_of_scope",
            "the entry is given later"
        );
        assert_eq!(faq.taught.map(|t| t.target), Some(Target::Faq(7)));
    }
}
