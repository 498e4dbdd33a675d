//! Topics the intent model has no label for, recognised by meaning: situations a bot must
//! not handle alone (a charge the shopper did not make, a taken-over account, a request
//! about their personal data, legal threats, harassment, harm to someone's health), time
//! pressure in a shopper's life, and what went wrong with a delivery (damaged, wrong or
//! missing items, a parcel marked delivered that never came).
//!
//! One logistic regression per topic (one-vs-rest, each a [`ToneModel`] over the shared
//! featurizer), trained by `cargo xtask train` (`kefu_model::topics`) on sentences written
//! for kefu (`widget/model/topics/`), with the intent model's ordinary shop sentences as
//! negatives; and one more, the person head, of whether a person must take the message
//! whatever its topic, learned from every sensitive topic's messages together and from
//! shoppers' messages labelled only so. When the person head reaches its cut-off, the
//! sensitive topic whose own model hears the message most names the reason. Each model has its own cut-off per
//! language, calibrated on held-out scores so that few ordinary messages reach a person.
//! Keyword rules stay beside it as a backstop (`runtime/src/engine/policy.rs`).
//!
//! File format (`widget/model/topics.bin`, little-endian): the magic `KFTOPIC3`, the number
//! of topics (`u32`), then for each: its name's length (`u32`) and UTF-8 bytes, its
//! cut-offs in log-odds for English and for Chinese or mixed text (two `f32`), the length
//! (`u32`) and bytes of its [`ToneModel`]; then the person head: its two cut-offs, its
//! length and bytes. `KFTOPIC2` files end before the person head.

use crate::featurize::FeaturizerConfig;
use crate::tone::{ToneError, ToneModel, features};

const MAGIC: &[u8; 8] = b"KFTOPIC3";

/// A topic the model recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Topic {
    /// A charge the shopper did not make or does not recognise; a card used by someone else.
    Fraud,
    /// Someone else got into the shopper's account.
    AccountTakeover,
    /// A request about the shopper's personal data: access, deletion, objection.
    DataProtection,
    /// Lawyers, courts, consumer authorities.
    Legal,
    /// Threats or abuse, against the shopper or anyone else.
    Harassment,
    /// Harm to someone's health or safety: injury, allergy, a swallowed part.
    Safety,
    /// A personal situation that makes time critical (a funeral, a flight, a hospital stay).
    Urgent,
    /// The item arrived damaged or not working.
    Damaged,
    /// The wrong item, size or colour arrived.
    WrongItem,
    /// Part of the order is missing.
    MissingItem,
    /// Marked delivered, but nothing arrived.
    NotReceived,
}

impl Topic {
    /// Every topic, in file order.
    pub const ALL: &[Topic] = &[
        Topic::Fraud,
        Topic::AccountTakeover,
        Topic::DataProtection,
        Topic::Legal,
        Topic::Harassment,
        Topic::Safety,
        Topic::Urgent,
        Topic::Damaged,
        Topic::WrongItem,
        Topic::MissingItem,
        Topic::NotReceived,
    ];

    /// The topic's name in the training files (`fraud`, `wrong_item`, …).
    pub fn name(self) -> &'static str {
        match self {
            Self::Fraud => "fraud",
            Self::AccountTakeover => "account_takeover",
            Self::DataProtection => "data_protection",
            Self::Legal => "legal",
            Self::Harassment => "harassment",
            Self::Safety => "safety",
            Self::Urgent => "urgent",
            Self::Damaged => "damaged",
            Self::WrongItem => "wrong_item",
            Self::MissingItem => "missing_item",
            Self::NotReceived => "not_received",
        }
    }

    /// The topic named `name`.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|t| t.name() == name)
    }

    /// Whether a bot must not handle it alone: a person takes over by policy.
    pub fn needs_a_person(self) -> bool {
        matches!(
            self,
            Self::Fraud
                | Self::AccountTakeover
                | Self::DataProtection
                | Self::Legal
                | Self::Harassment
                | Self::Safety
        )
    }

    /// Whether it is something that went wrong with a delivery.
    pub fn is_delivery_problem(self) -> bool {
        matches!(
            self,
            Self::Damaged | Self::WrongItem | Self::MissingItem | Self::NotReceived
        )
    }
}

/// The trained topic models.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicModels {
    /// One model per topic.
    pub models: Vec<(Topic, ToneModel)>,
    /// Each model's cut-off, in log-odds, per language group ([`language_group`]: English,
    /// then Chinese or mixed), in the order of `models`: a topic is heard when its model's
    /// log-odds reach it. Set on a held-out split by `kefu_model::topics`.
    pub cutoffs: Vec<[f32; 2]>,
    /// Whether a person must take the message, whatever its topic, and the head's cut-offs
    /// per language group (`None` in files written before it).
    pub person: Option<(ToneModel, [f32; 2])>,
}

/// Every topic with a calibrated probability (0.5 is its cut-off), in [`Topic::ALL`] order.
pub type Scores = Vec<(Topic, f32)>;

fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

/// The cut-off slot of `text`: 0 for English, 1 for Chinese or mixed text (the language it
/// is answered in).
pub fn language_group(text: &str) -> usize {
    match crate::language(text) {
        crate::Language::En => 0,
        crate::Language::Zh | crate::Language::Mixed => 1,
    }
}

impl TopicModels {
    /// Reads models written by [`TopicModels::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ToneError> {
        let mut at = 0usize;
        let mut take = |n: usize| -> Result<&[u8], ToneError> {
            let s = bytes.get(at..at + n).ok_or(ToneError::Format)?;
            at += n;
            Ok(s)
        };
        // `KFTOPIC1`, the first format, had no cut-offs (each model's bias carried one);
        // `KFTOPIC2` no person head.
        let (legacy, with_person) = match take(8)? {
            m if m == MAGIC => (false, true),
            b"KFTOPIC2" => (false, false),
            b"KFTOPIC1" => (true, false),
            _ => return Err(ToneError::Format),
        };
        let u32_of = |b: &[u8]| u32::from_le_bytes(b.try_into().expect("four bytes")) as usize;
        let f32_of = |b: &[u8]| f32::from_le_bytes(b.try_into().expect("four bytes"));
        let count = u32_of(take(4)?);
        let mut models = Vec::with_capacity(count.min(64));
        let mut cutoffs = Vec::with_capacity(count.min(64));
        for _ in 0..count {
            let len = u32_of(take(4)?);
            let name = std::str::from_utf8(take(len)?).map_err(|_| ToneError::Format)?;
            let topic = Topic::from_name(name).ok_or(ToneError::Format)?;
            let (en, zh) = if legacy {
                (0.0, 0.0)
            } else {
                (f32_of(take(4)?), f32_of(take(4)?))
            };
            if en.is_nan() || zh.is_nan() {
                return Err(ToneError::Format);
            }
            let len = u32_of(take(4)?);
            models.push((topic, ToneModel::from_bytes(take(len)?)?));
            cutoffs.push([en, zh]);
        }
        let person = if with_person {
            let (en, zh) = (f32_of(take(4)?), f32_of(take(4)?));
            if en.is_nan() || zh.is_nan() {
                return Err(ToneError::Format);
            }
            let len = u32_of(take(4)?);
            Some((ToneModel::from_bytes(take(len)?)?, [en, zh]))
        } else {
            None
        };
        if at != bytes.len() {
            return Err(ToneError::Format);
        }
        Ok(Self {
            models,
            cutoffs,
            person,
        })
    }

    /// The file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend((self.models.len() as u32).to_le_bytes());
        for ((topic, model), cut) in self.models.iter().zip(&self.cutoffs) {
            let name = topic.name().as_bytes();
            out.extend((name.len() as u32).to_le_bytes());
            out.extend(name);
            out.extend(cut[0].to_le_bytes());
            out.extend(cut[1].to_le_bytes());
            let bytes = model.to_bytes();
            out.extend((bytes.len() as u32).to_le_bytes());
            out.extend(bytes);
        }
        // A file without a person head is written in the format before it.
        match &self.person {
            Some((model, cut)) => {
                out.extend(cut[0].to_le_bytes());
                out.extend(cut[1].to_le_bytes());
                let bytes = model.to_bytes();
                out.extend((bytes.len() as u32).to_le_bytes());
                out.extend(bytes);
            }
            None => out[..8].copy_from_slice(b"KFTOPIC2"),
        }
        out
    }

    /// Every topic's log-odds for `text`, before its cut-off.
    pub fn log_odds(&self, text: &str) -> Vec<(Topic, f32)> {
        self.all_log_odds(text).0
    }

    /// Every topic's log-odds for `text` and the person head's, before their cut-offs.
    pub fn all_log_odds(&self, text: &str) -> (Vec<(Topic, f32)>, Option<f32>) {
        // Featurized once per featurizer, not once per model: every model is trained with
        // the same one, so this is one featurization per message.
        let mut featurized: Option<(FeaturizerConfig, (Vec<usize>, f32))> = None;
        let mut score = |m: &ToneModel| {
            if featurized.as_ref().is_none_or(|(c, _)| *c != m.featurizer) {
                featurized = Some((m.featurizer, features(text, &m.featurizer)));
            }
            let (_, (ids, value)) = featurized.as_ref().expect("featurized above");
            m.log_odds_of(ids, *value)
        };
        let topics = self.models.iter().map(|(t, m)| (*t, score(m))).collect();
        let person = self.person.as_ref().map(|(m, _)| score(m));
        (topics, person)
    }

    /// Every topic's own calibrated probability for `text` (0.5 is its cut-off for the
    /// message's language), without the person head.
    pub fn own_scores(&self, text: &str) -> Vec<(Topic, f32)> {
        self.scores_and_own(text).1
    }

    /// Every topic's calibrated probability for `text`: 0.5 is the topic's cut-off for the
    /// message's language. The person head's probability lifts the sensitive topic whose own
    /// model hears the message most: that topic is the reason a person takes the message.
    pub fn scores(&self, text: &str) -> Vec<(Topic, f32)> {
        self.scores_and_own(text).0
    }

    /// [`TopicModels::scores`] and [`TopicModels::own_scores`], from one featurization.
    pub fn scores_and_own(&self, text: &str) -> (Scores, Scores) {
        let (topics, person) = self.all_log_odds(text);
        self.scores_of_log_odds(&topics, person, language_group(text))
    }

    /// [`TopicModels::scores_and_own`] of a message whose log-odds are known (every
    /// topic's, in [`TopicModels::models`] order, and the person head's) in language
    /// `group`: the one verdict, at run time and when the trainer measures its cut-offs.
    pub fn scores_of_log_odds(
        &self,
        topics: &[(Topic, f32)],
        person: Option<f32>,
        group: usize,
    ) -> (Scores, Scores) {
        let own: Scores = topics
            .iter()
            .zip(&self.cutoffs)
            .map(|(&(t, z), cut)| (t, sigmoid(z - cut[group])))
            .collect();
        let mut scores = own.clone();
        if let (Some(z), Some((_, cut))) = (person, &self.person) {
            let p = sigmoid(z - cut[group]);
            // The reason is the sensitive topic whose own model gives the message the most
            // log-odds: each model learned its topic against every other line with the two
            // classes weighed equal, so its log-odds are its evidence. (Its cut-off is what
            // the budget of false alarms allows, not evidence: by the distance to it, the
            // topics with the lowest cut-offs were named for anything.)
            let nearest = (0..own.len())
                .filter(|&i| own[i].0.needs_a_person())
                .max_by(|&a, &b| topics[a].1.total_cmp(&topics[b].1));
            // Urgency heard more surely than the topic the head would name keeps its own path
            // (a person at a raised priority, the shop's fastest options said): the head
            // learned "please someone help, family emergency" as a person's. A delivery
            // problem does not: a lid that broke and cut a hand is a safety matter first.
            let explained = nearest.is_some_and(|i| {
                own.iter()
                    .any(|(t, q)| *t == Topic::Urgent && *q >= 0.5 && *q > own[i].1)
            });
            if let (Some(i), false) = (nearest, explained) {
                scores[i].1 = scores[i].1.max(p);
            }
        }
        (scores, own)
    }

    /// The most likely topic of `text`, if its model says so (probability ≥ 0.5, the
    /// calibrated cut-off).
    pub fn detect(&self, text: &str) -> Option<(Topic, f32)> {
        self.scores(text)
            .into_iter()
            .filter(|(_, p)| *p >= 0.5)
            .max_by(|a, b| a.1.total_cmp(&b.1))
    }
}

/// The topic models built into this crate (`widget/model/topics.bin`).
pub fn builtin() -> &'static TopicModels {
    static MODELS: std::sync::OnceLock<TopicModels> = std::sync::OnceLock::new();
    MODELS.get_or_init(|| {
        TopicModels::from_bytes(include_bytes!("../../model/topics.bin"))
            .expect("the built-in topic models match this featurizer (retrain: cargo xtask train)")
    })
}

/// The topic of `text` by the built-in models, if any.
pub fn detect(text: &str) -> Option<(Topic, f32)> {
    builtin().detect(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_topic_has_a_name_that_finds_it() {
        for t in Topic::ALL {
            assert_eq!(Topic::from_name(t.name()), Some(*t));
        }
    }

    #[test]
    fn the_built_in_models_cover_every_topic_and_round_trip() {
        let models = builtin();
        let topics: Vec<Topic> = models.models.iter().map(|(t, _)| *t).collect();
        assert_eq!(topics, Topic::ALL);
        assert_eq!(
            &TopicModels::from_bytes(&models.to_bytes()).unwrap(),
            models
        );
        assert!(TopicModels::from_bytes(b"KFTOPIC3\x01\0\0\0").is_err());
    }

    #[test]
    fn scoring_once_featurized_gives_each_models_own_probability_past_its_cut_off() {
        let models = builtin();
        for text in [
            "someone used my card for an order I never placed",
            "有人用我的卡在你们店下了单",
        ] {
            let group = language_group(text);
            let scores = models.scores(text);
            for (((topic, p), (t, m)), cut) in
                scores.iter().zip(&models.models).zip(&models.cutoffs)
            {
                let raw = m.probability(text);
                let z = (raw / (1.0 - raw)).ln();
                let expected = 1.0 / (1.0 + (cut[group] - z).exp());
                assert_eq!(topic, t);
                assert!((p - expected).abs() < 1e-4, "{topic:?}: {p} vs {expected}");
            }
        }
    }

    #[test]
    fn the_person_head_lifts_the_sensitive_topic_its_own_model_hears_most() {
        let flat = |bias: f32| ToneModel {
            featurizer: builtin().models[0].1.featurizer,
            bias,
            weights: vec![0.0; builtin().models[0].1.weights.len()],
        };
        // Fraud's own model hears more than legal's; damaged's (no person needed) more still.
        let mut models = TopicModels {
            models: vec![
                (Topic::Legal, flat(-3.0)),
                (Topic::Fraud, flat(-1.0)),
                (Topic::Damaged, flat(-0.5)),
            ],
            cutoffs: vec![[0.0, 0.0]; 3],
            person: Some((flat(2.0), [0.0, 0.0])),
        };
        let scores = models.scores("whatever it says");
        let p = |t: Topic| scores.iter().find(|s| s.0 == t).expect("scored").1;
        assert!((p(Topic::Fraud) - 1.0 / (1.0 + (-2.0f32).exp())).abs() < 1e-6);
        assert!(p(Topic::Legal) < 0.1 && p(Topic::Damaged) < 0.5);
        assert_eq!(
            models.detect("whatever it says").map(|d| d.0),
            Some(Topic::Fraud)
        );
        // Under its cut-off, the person head lifts nothing.
        models.person = Some((flat(-2.0), [0.0, 0.0]));
        assert_eq!(models.detect("whatever it says"), None);
        let back = TopicModels::from_bytes(&models.to_bytes()).unwrap();
        assert_eq!(back, models);
    }

    #[test]
    fn a_cut_off_is_per_language() {
        let model = ToneModel {
            featurizer: builtin().models[0].1.featurizer,
            bias: 0.0,
            weights: vec![0.0; builtin().models[0].1.weights.len()],
        };
        let models = TopicModels {
            models: vec![(Topic::Fraud, model)],
            cutoffs: vec![[-1.0, 1.0]],
            person: None,
        };
        // Log-odds 0 everywhere: over the English cut-off, under the Chinese one.
        assert_eq!(models.detect("anything").map(|d| d.0), Some(Topic::Fraud));
        assert_eq!(models.detect("随便什么"), None);
        assert_eq!(models.detect("随便 anything"), None);
        let back = TopicModels::from_bytes(&models.to_bytes()).unwrap();
        assert_eq!(back, models);
        let mut truncated = models.to_bytes();
        truncated.pop();
        assert!(TopicModels::from_bytes(&truncated).is_err());
    }
}
