//! The learned half of the frustration signal: logistic regression over the featurizer's
//! hashed features, trained by `cargo xtask train` (`kefu_model::tone`) on written upset and
//! calm messages. It hears tone the rules have no phrase for ("so glad I paid for express
//! shipping", "麻烦看清楚再回复"); the rules hear what the featurizer drops (capitals, `!!!`).
//!
//! File format (`widget/model/frustration.bin`, little-endian): the magic `KFTONE01`, the
//! featurizer version and bucket count (`u32` each), the bias, then one weight per bucket
//! (`f32` each).

use crate::featurize::{FEATURIZER_VERSION, FeaturizerConfig, featurize};

const MAGIC: &[u8; 8] = b"KFTONE01";

/// Why a tone model could not be read.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ToneError {
    /// Not a tone model, or cut short.
    #[error("not a kefu tone model (bad magic or length)")]
    Format,
    /// Trained with another featurizer than this build has.
    #[error("tone model needs featurizer v{model}, this build has v{ours}: retrain it")]
    FeaturizerVersion {
        /// What the model was trained with.
        model: u32,
        /// What this build implements.
        ours: u32,
    },
}

/// A trained tone model.
#[derive(Debug, Clone, PartialEq)]
pub struct ToneModel {
    /// Featurizer the model was trained with.
    pub featurizer: FeaturizerConfig,
    /// Bias of the logistic regression.
    pub bias: f32,
    /// One weight per hash bucket.
    pub weights: Vec<f32>,
}

/// The bucket ids of `text`, each once, and the value every present feature takes (one
/// over the square root of their number: the vector has unit length, so a long message
/// does not drown its one angry phrase, nor does it add up to anger by length alone).
pub fn features(text: &str, config: &FeaturizerConfig) -> (Vec<usize>, f32) {
    let mut ids: Vec<usize> = featurize(text, config)
        .ids
        .into_iter()
        .map(|id| id as usize)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let value = 1.0 / (ids.len().max(1) as f32).sqrt();
    (ids, value)
}

impl ToneModel {
    /// Reads a model written by [`ToneModel::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ToneError> {
        let word = |i: usize| -> Result<[u8; 4], ToneError> {
            bytes
                .get(i..i + 4)
                .and_then(|b| b.try_into().ok())
                .ok_or(ToneError::Format)
        };
        if bytes.get(..8) != Some(MAGIC.as_slice()) {
            return Err(ToneError::Format);
        }
        let version = u32::from_le_bytes(word(8)?);
        let buckets = u32::from_le_bytes(word(12)?);
        if version != FEATURIZER_VERSION {
            return Err(ToneError::FeaturizerVersion {
                model: version,
                ours: FEATURIZER_VERSION,
            });
        }
        if buckets == 0 || bytes.len() != 20 + 4 * buckets as usize {
            return Err(ToneError::Format);
        }
        let bias = f32::from_le_bytes(word(16)?);
        let weights = bytes[20..]
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        Ok(Self {
            featurizer: FeaturizerConfig { version, buckets },
            bias,
            weights,
        })
    }

    /// The file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.extend(self.featurizer.version.to_le_bytes());
        out.extend(self.featurizer.buckets.to_le_bytes());
        out.extend(self.bias.to_le_bytes());
        for w in &self.weights {
            out.extend(w.to_le_bytes());
        }
        out
    }

    /// The probability that `text` is written by an upset shopper.
    pub fn probability(&self, text: &str) -> f32 {
        let (ids, value) = features(text, &self.featurizer);
        self.probability_of(&ids, value)
    }

    /// The probability for a message already turned into [`features`] with this model's
    /// featurizer (models sharing one featurizer score a message featurized once).
    pub fn probability_of(&self, ids: &[usize], value: f32) -> f32 {
        1.0 / (1.0 + (-self.log_odds_of(ids, value)).exp())
    }

    /// The log-odds behind [`ToneModel::probability_of`].
    pub fn log_odds_of(&self, ids: &[usize], value: f32) -> f32 {
        self.bias + ids.iter().map(|&i| self.weights[i]).sum::<f32>() * value
    }
}

/// The tone model built into this crate (`widget/model/frustration.bin`).
pub fn builtin() -> &'static ToneModel {
    static MODEL: std::sync::OnceLock<ToneModel> = std::sync::OnceLock::new();
    MODEL.get_or_init(|| {
        ToneModel::from_bytes(include_bytes!("../../model/frustration.bin"))
            .expect("the built-in tone model matches this featurizer (retrain: cargo xtask train)")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_model_survives_its_file_format_and_bad_files_are_refused() {
        let model = ToneModel {
            featurizer: FeaturizerConfig {
                version: FEATURIZER_VERSION,
                buckets: 3,
            },
            bias: -0.5,
            weights: vec![1.0, -2.0, 0.25],
        };
        let bytes = model.to_bytes();
        assert_eq!(ToneModel::from_bytes(&bytes), Ok(model));
        assert_eq!(
            ToneModel::from_bytes(&bytes[..bytes.len() - 1]),
            Err(ToneError::Format)
        );
        assert_eq!(ToneModel::from_bytes(b"nonsense"), Err(ToneError::Format));
        let mut old = bytes.clone();
        old[8..12].copy_from_slice(&(FEATURIZER_VERSION + 1).to_le_bytes());
        assert!(matches!(
            ToneModel::from_bytes(&old),
            Err(ToneError::FeaturizerVersion { .. })
        ));
    }

    #[test]
    fn the_builtin_model_loads() {
        let m = builtin();
        assert_eq!(m.weights.len(), m.featurizer.buckets as usize);
        let p = m.probability("where is my order?");
        assert!((0.0..=1.0).contains(&p));
    }
}
