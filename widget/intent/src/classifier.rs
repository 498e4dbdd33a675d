//! Runs the trained model: the ONNX file's graph, checked and evaluated by [`crate::graph`].
//!
//! The ONNX graph is a fastText-style classifier over the featurizer's hashed features:
//! `probs = softmax(weights · embedding[ids] · W + b)`, for a message of any length. The
//! model file is self-describing: its `metadata_props` hold the label list, the featurizer
//! parameters and the out-of-scope threshold ([`metadata_keys`]), so a model and its labels
//! can never be paired wrongly.

use std::sync::Arc;

use prost::Message as _;
use serde::{Deserialize, Serialize};

use crate::OUT_OF_SCOPE;
use crate::featurize::{FEATURIZER_VERSION, FeaturizerConfig, featurize};
use crate::graph::Graph;
use crate::onnx::ModelProto;

/// Names of the ONNX `metadata_props` entries kefu writes and reads.
pub mod metadata_keys {
    /// JSON array of label names, in output order.
    pub const LABELS: &str = "kefu.labels";
    /// JSON [`FeaturizerConfig`](crate::FeaturizerConfig).
    pub const FEATURIZER: &str = "kefu.featurizer";
    /// Decimal probability below which the best label is reported as out of scope.
    pub const THRESHOLD: &str = "kefu.threshold";
}

/// How many labels [`Prediction::top`] lists.
const TOP_K: usize = 3;

/// Why a model could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The bytes are not an ONNX file holding kefu's intent graph.
    #[error("not a usable ONNX model: {0}")]
    Onnx(String),
    /// A metadata entry kefu needs is missing or malformed.
    #[error("model metadata `{key}` is missing or invalid")]
    Metadata {
        /// The entry's name.
        key: &'static str,
    },
    /// The model was trained with another featurizer than this build has.
    #[error("model needs featurizer v{model}, this build has v{ours}: retrain the model")]
    FeaturizerVersion {
        /// What the model was trained with.
        model: u32,
        /// What this build implements.
        ours: u32,
    },
}

/// What the model thinks a message is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prediction {
    /// The label kefu acts on: the best label, or `out_of_scope` if the model is not sure.
    pub intent: String,
    /// The probability of `intent` (for a threshold rejection: one minus the best label's).
    pub confidence: f32,
    /// The best labels by the model's own probabilities, best first.
    pub top: Vec<(String, f32)>,
}

/// A loaded intent model. Cheap to share: classification takes `&self`.
#[derive(Debug, Clone)]
pub struct Classifier {
    graph: Arc<Graph>,
    labels: Vec<String>,
    featurizer: FeaturizerConfig,
    threshold: f32,
}

fn meta<'a>(proto: &'a ModelProto, key: &'static str) -> Result<&'a str, LoadError> {
    proto
        .metadata_props
        .iter()
        .find(|p| p.key == key)
        .map(|p| p.value.as_str())
        .ok_or(LoadError::Metadata { key })
}

/// Probabilities are reported to 4 decimal places: what a person reads, and what the browser
/// and the runtime compare (both compute the same bits; the rounding keeps reports short).
fn round4(p: f32) -> f32 {
    (p * 10_000.0).round() / 10_000.0
}

impl Classifier {
    /// Loads a model written by kefu's trainer.
    pub fn load(onnx: &[u8]) -> Result<Self, LoadError> {
        let proto = ModelProto::decode(onnx).map_err(|e| LoadError::Onnx(e.to_string()))?;
        let labels: Vec<String> = serde_json::from_str(meta(&proto, metadata_keys::LABELS)?)
            .map_err(|_| LoadError::Metadata {
                key: metadata_keys::LABELS,
            })?;
        let featurizer: FeaturizerConfig =
            serde_json::from_str(meta(&proto, metadata_keys::FEATURIZER)?).map_err(|_| {
                LoadError::Metadata {
                    key: metadata_keys::FEATURIZER,
                }
            })?;
        let threshold: f32 = meta(&proto, metadata_keys::THRESHOLD)?
            .parse()
            .map_err(|_| LoadError::Metadata {
                key: metadata_keys::THRESHOLD,
            })?;
        if featurizer.version != FEATURIZER_VERSION {
            return Err(LoadError::FeaturizerVersion {
                model: featurizer.version,
                ours: FEATURIZER_VERSION,
            });
        }
        if labels.is_empty() || !labels.iter().any(|l| l == OUT_OF_SCOPE) {
            return Err(LoadError::Metadata {
                key: metadata_keys::LABELS,
            });
        }
        let graph = proto
            .graph
            .as_ref()
            .ok_or_else(|| LoadError::Onnx("the model has no graph".into()))?;
        let graph = Graph::build(graph)
            .map_err(|e| LoadError::Onnx(format!("not kefu's intent graph: {e}")))?;
        if graph.labels() != labels.len() {
            return Err(LoadError::Metadata {
                key: metadata_keys::LABELS,
            });
        }
        if graph.buckets() != featurizer.buckets as usize {
            return Err(LoadError::Metadata {
                key: metadata_keys::FEATURIZER,
            });
        }
        Ok(Self {
            graph: Arc::new(graph),
            labels,
            featurizer,
            threshold,
        })
    }

    /// The labels the model can output, in its output order.
    pub fn labels(&self) -> &[String] {
        &self.labels
    }

    /// The out-of-scope threshold the model was calibrated with.
    pub fn threshold(&self) -> f32 {
        self.threshold
    }

    /// The model's input for `text`: the featurizer's rows and weights.
    pub fn features(&self, text: &str) -> crate::Features {
        featurize(text, &self.featurizer)
    }

    /// The model's probability for every label, in [`Self::labels`] order (unrounded).
    pub fn probabilities(&self, text: &str) -> Vec<f32> {
        // The featurizer's ids are its buckets, which the model was trained with (the
        // featurizer's settings come from the model itself); a failure here is a bug in this
        // crate, not something a caller could handle.
        let features = self.features(text);
        self.graph
            .run(&features.ids, &features.weights)
            .expect("intent model failed on the featurizer's own features")
    }

    /// Classifies one message.
    pub fn classify(&self, text: &str) -> Prediction {
        let probs = self.probabilities(text);
        let mut order: Vec<usize> = (0..probs.len()).collect();
        // Ties break by label index so the order is total and the same everywhere.
        order.sort_by(|&a, &b| probs[b].total_cmp(&probs[a]).then(a.cmp(&b)));
        let top: Vec<(String, f32)> = order
            .iter()
            .take(TOP_K)
            .map(|&i| (self.labels[i].clone(), round4(probs[i])))
            .collect();
        let (best, p) = (&self.labels[order[0]], probs[order[0]]);
        let (intent, confidence) = if p < self.threshold && best != OUT_OF_SCOPE {
            (OUT_OF_SCOPE.to_string(), 1.0 - p)
        } else {
            (best.clone(), p)
        };
        Prediction {
            intent,
            confidence: round4(confidence),
            top,
        }
    }
}
