//! What the runtime makes of one shopper message before deciding anything: the model's
//! prediction (made here again: the browser's is only a hint), the language to answer in,
//! the slots written in it and whether the shopper sounds upset. Pure: no store, no plugin.

use kefu_intent::Prediction;
use kefu_intent::slots::{self, Slot, SlotKind};
use kefu_intent::topics::Topic;

use super::confirm::CardAnswer;
use super::language;
use super::replies::Lang;

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
    /// The confirmation card's button the message was, if it was one (the widget says
    /// which action it answers).
    pub card: Option<CardAnswer>,
}

/// The topic of `text`: one a person must handle, if any reaches its cut-off, before any
/// other (a lid that broke and cut a hand is about safety before it is about a damaged
/// item); else the likeliest.
fn topic_of(text: &str) -> Option<(Topic, f32)> {
    pick(kefu_intent::topics::builtin().scores(text))
}

/// [`topic_of`] over every topic's probability.
fn pick(scores: Vec<(Topic, f32)>) -> Option<(Topic, f32)> {
    let over: Vec<(Topic, f32)> = scores.into_iter().filter(|(_, p)| *p >= 0.5).collect();
    let likeliest = |only_sensitive: bool| {
        over.iter()
            .copied()
            .filter(|(t, _)| !only_sensitive || t.needs_a_person())
            .max_by(|a, b| a.1.total_cmp(&b.1))
    };
    likeliest(true).or_else(|| likeliest(false))
}

impl Understanding {
    /// `text` with the model's `prediction`; `locale` is the widget's (or the conversation's)
    /// and only decides the language of a message without letters.
    pub fn new(text: &str, prediction: Prediction, locale: &str) -> Self {
        let text = text.trim();
        Self {
            text: text.to_string(),
            lang: language::reply_lang(text, locale),
            slots: slots::extract(text),
            upset: kefu_intent::signals::frustration(text).is_upset(),
            topic: topic_of(text),
            prediction,
            card: None,
        }
    }

    /// The first slot of `kind` in the message.
    pub fn slot(&self, kind: SlotKind) -> Option<&str> {
        slots::first(&self.slots, kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_topic_a_person_must_handle_outranks_a_likelier_delivery_problem() {
        let scores = vec![
            (Topic::Damaged, 0.93),
            (Topic::Safety, 0.6),
            (Topic::Urgent, 0.2),
        ];
        assert_eq!(pick(scores), Some((Topic::Safety, 0.6)));
        assert_eq!(
            pick(vec![(Topic::Damaged, 0.93), (Topic::Safety, 0.4)]),
            Some((Topic::Damaged, 0.93))
        );
        assert_eq!(pick(vec![(Topic::Fraud, 0.3)]), None);
    }
}
