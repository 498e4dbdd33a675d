//! The report's figures before any ratio, median or mean: a [`Part`] per day, language and
//! channel, which adds up exactly. A report is the sum of its parts ([`super::report`]
//! finishes it), and a day's parts are what the store keeps as the day's roll-up, so a
//! report over 30 days reads 30 small rows instead of one per conversation.
//!
//! Exactness is why a part keeps lists where a sum would lose something: durations are kept
//! value by value (a median of medians is not the median), ratings as a count and a sum (a
//! mean of means is not the mean). Adding conversations one by one to a part, or adding
//! parts built from any split of those conversations, gives the same figures.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::facts::{ConversationFacts, IntentCounts, SATISFIED};
use super::report::Figures;

/// Ratings of one kind of conversation, before the ratios.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ratings {
    /// Conversations asked for a rating.
    pub asked: u64,
    /// Conversations rated.
    pub rated: u64,
    /// Sum of their scores.
    pub score_sum: u64,
    /// Rated 4 or 5.
    pub satisfied: u64,
}

impl Ratings {
    fn add(&mut self, f: &ConversationFacts) {
        self.asked += u64::from(f.csat_asked);
        if let Some(s) = f.csat_score {
            self.rated += 1;
            self.score_sum += u64::from(s);
            self.satisfied += u64::from(s >= SATISFIED);
        }
    }

    fn merge(&mut self, o: &Ratings) {
        self.asked += o.asked;
        self.rated += o.rated;
        self.score_sum += o.score_sum;
        self.satisfied += o.satisfied;
    }
}

/// The figures of the counted conversations that started on one UTC day in one language
/// and channel (`docs/analytics.md` defines each).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Part {
    /// The UTC day (`YYYY-MM-DD`).
    pub day: String,
    /// The language.
    pub lang: String,
    /// The channel.
    pub channel: String,
    /// Conversation-level counts (the rates are left empty until the report is finished).
    pub figures: Figures,
    /// Handoffs by reason kind.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub by_reason: BTreeMap<String, u64>,
    /// Handoffs by the intent that caused them.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub by_intent: BTreeMap<String, u64>,
    /// Handoffs while nobody could answer live.
    pub nobody_online: u64,
    /// Ratings of bot-only conversations.
    pub csat_bot_only: Ratings,
    /// Ratings of conversations a person wrote in.
    pub csat_human: Ratings,
    /// Conversations a person wrote in.
    pub human: u64,
    /// Of those, the bot never answered.
    pub agent_only: u64,
    /// Handoffs nobody claimed.
    pub unclaimed: u64,
    /// Conversations reopened after a person resolved them.
    pub reopened: u64,
    /// Messages people wrote.
    pub agent_messages: u64,
    /// First response times (business-hours ms), one per measured conversation.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub first_response_ms: Vec<i64>,
    /// Resolution times (business-hours ms).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resolution_ms: Vec<i64>,
    /// Queue waits (wall-clock ms), one per claimed handoff.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub queue_wait_ms: Vec<i64>,
    /// Shopper messages by intent and what became of them (positions as in
    /// [`IntentCounts`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub intents: BTreeMap<String, [u64; 5]>,
}

fn add_counts(to: &mut [u64; 5], c: &IntentCounts) {
    for (t, v) in to.iter_mut().zip(c) {
        *t += u64::from(*v);
    }
}

fn add_map(to: &mut BTreeMap<String, u64>, from: &BTreeMap<String, u64>) {
    for (k, v) in from {
        *to.entry(k.clone()).or_default() += v;
    }
}

impl Part {
    /// Counts conversation `f` (its day, language and channel are the caller's business).
    pub fn add(&mut self, f: &ConversationFacts) {
        self.figures.add(f);
        for h in &f.handoffs {
            *self.by_reason.entry(h.reason.clone()).or_default() += 1;
            let intent = h.intent.clone().unwrap_or_else(|| "unknown".into());
            *self.by_intent.entry(intent).or_default() += 1;
            self.nobody_online += u64::from(h.nobody_online);
            match h.wait_ms {
                Some(w) => self.queue_wait_ms.push(w),
                None => self.unclaimed += 1,
            }
        }
        if f.human {
            self.human += 1;
            self.agent_only += u64::from(f.agent_only);
            self.first_response_ms.extend(f.first_response_ms);
            self.resolution_ms.extend(f.resolution_ms);
            self.csat_human.add(f);
        } else {
            self.csat_bot_only.add(f);
        }
        self.reopened += u64::from(f.reopened);
        self.agent_messages += u64::from(f.agent_messages);
        for (intent, c) in &f.intents {
            add_counts(self.intents.entry(intent.clone()).or_default(), c);
        }
    }

    /// Adds another part's figures to this one.
    pub fn merge(&mut self, o: &Part) {
        self.figures.merge(&o.figures);
        add_map(&mut self.by_reason, &o.by_reason);
        add_map(&mut self.by_intent, &o.by_intent);
        self.nobody_online += o.nobody_online;
        self.csat_bot_only.merge(&o.csat_bot_only);
        self.csat_human.merge(&o.csat_human);
        self.human += o.human;
        self.agent_only += o.agent_only;
        self.unclaimed += o.unclaimed;
        self.reopened += o.reopened;
        self.agent_messages += o.agent_messages;
        self.first_response_ms.extend(&o.first_response_ms);
        self.resolution_ms.extend(&o.resolution_ms);
        self.queue_wait_ms.extend(&o.queue_wait_ms);
        for (intent, c) in &o.intents {
            let to = self.intents.entry(intent.clone()).or_default();
            for (t, v) in to.iter_mut().zip(c) {
                *t += v;
            }
        }
    }
}

/// The parts of `facts`: one per day, language and channel of the counted conversations
/// (those the shopper wrote in), by day, language and channel.
pub fn parts(facts: &[ConversationFacts]) -> Vec<Part> {
    let mut by: BTreeMap<(&str, &str, &str), Part> = BTreeMap::new();
    for f in facts.iter().filter(|f| f.active) {
        by.entry((&f.day, &f.lang, &f.channel))
            .or_insert_with(|| Part {
                day: f.day.clone(),
                lang: f.lang.clone(),
                channel: f.channel.clone(),
                ..Part::default()
            })
            .add(f);
    }
    by.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::facts::{Handoff, Resolution};

    fn conversation(id: &str, day: &str, lang: &str) -> ConversationFacts {
        ConversationFacts {
            id: id.into(),
            day: day.into(),
            created_at: 0,
            lang: lang.into(),
            channel: "widget".into(),
            active: true,
            involved: true,
            resolution: Resolution::Assumed,
            handoffs: vec![],
            human: false,
            agent_only: false,
            csat_asked: false,
            csat_score: None,
            first_response_ms: None,
            resolution_ms: None,
            reopened: false,
            agent_messages: 0,
            intents: BTreeMap::from([("track_order".to_string(), [1, 0, 0, 0, 0])]),
            unanswered: vec![],
            first_line: String::new(),
            valid_until: None,
        }
    }

    #[test]
    fn parts_merged_in_any_split_are_the_part_of_all_conversations() {
        let mut all = vec![];
        for i in 0..9u8 {
            let mut f = conversation(&format!("c{i}"), "2026-03-02", "en");
            f.human = i % 3 == 0;
            f.csat_asked = i % 2 == 0;
            f.csat_score = (i % 4 == 0).then_some(i % 5 + 1);
            f.first_response_ms = f.human.then_some(i64::from(i) * 1000);
            f.handoffs = (0..i % 3)
                .map(|k| Handoff {
                    reason: "loop".into(),
                    intent: Some("refund".into()),
                    nobody_online: k == 1,
                    wait_ms: (k == 0).then_some(i64::from(i)),
                })
                .collect();
            all.push(f);
        }
        let whole = parts(&all);
        assert_eq!(whole.len(), 1);
        for split in 1..all.len() {
            let (a, b) = all.split_at(split);
            let mut merged = parts(a).remove(0);
            merged.merge(&parts(b)[0]);
            let mut expected = whole[0].clone();
            // Lists are compared as multisets: the report sorts them.
            for v in [
                &mut merged.first_response_ms,
                &mut merged.queue_wait_ms,
                &mut expected.first_response_ms,
                &mut expected.queue_wait_ms,
            ] {
                v.sort_unstable();
            }
            assert_eq!(merged, expected, "split at {split}");
        }
    }

    #[test]
    fn conversations_nobody_wrote_in_make_no_part_and_days_and_languages_stay_apart() {
        let mut empty = conversation("e", "2026-03-02", "en");
        empty.active = false;
        let parts = parts(&[
            conversation("a", "2026-03-02", "en"),
            conversation("b", "2026-03-02", "zh"),
            conversation("c", "2026-03-03", "en"),
            empty,
        ]);
        let keys: Vec<(&str, &str)> = parts
            .iter()
            .map(|p| (p.day.as_str(), p.lang.as_str()))
            .collect();
        assert_eq!(
            keys,
            [
                ("2026-03-02", "en"),
                ("2026-03-02", "zh"),
                ("2026-03-03", "en")
            ]
        );
        assert!(parts.iter().all(|p| p.figures.conversations == 1));
    }
}
