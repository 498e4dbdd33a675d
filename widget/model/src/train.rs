//! fastText-style training: average the embeddings of a message's hashed features, one
//! linear layer, softmax, plain SGD with a linearly decaying learning rate.
//!
//! Chosen over a deeper network because it is what the browser budget allows (a 1 MB model,
//! sub-millisecond inference) and it is known to be strong for short-text intent
//! classification. Single-threaded on purpose: the result is bit-for-bit reproducible.

use indicatif::{ProgressBar, ProgressStyle};
use kefu_intent::{FEATURIZER_VERSION, Features, FeaturizerConfig, featurize};

use crate::data::{Example, LABELS};
use crate::rng::SplitMix64;

/// Training settings. The defaults are what the shipped model was trained with.
#[derive(Debug, Clone)]
pub struct Hyper {
    /// Hash buckets (embedding rows).
    pub buckets: u32,
    /// Embedding width.
    pub dim: usize,
    /// Passes over the training set.
    pub epochs: usize,
    /// Initial learning rate (decays linearly to zero).
    pub lr: f32,
    /// Seed for initialisation and shuffling.
    pub seed: u64,
    /// How many labels' worth of weight out-of-scope gets per language.
    pub oos_share: f32,
    /// Share of a message's features left out at random in each training step, so that no
    /// single word carries a label and unseen words do not leave a message without cues.
    pub dropout: f32,
}

impl Default for Hyper {
    fn default() -> Self {
        Self {
            buckets: 32_768,
            dim: 24,
            epochs: 12,
            lr: 0.4,
            seed: 20_261_122,
            oos_share: 2.0,
            dropout: 0.0,
        }
    }
}

impl Hyper {
    /// The defaults, overridden by `KEFU_TRAIN_{BUCKETS,DIM,EPOCHS,LR,SEED}` when set (for
    /// experiments; the shipped model uses the defaults).
    pub fn from_env() -> Self {
        fn var<T: std::str::FromStr>(name: &str, default: T) -> T {
            std::env::var(name)
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(default)
        }
        let d = Self::default();
        Self {
            buckets: var("KEFU_TRAIN_BUCKETS", d.buckets),
            dim: var("KEFU_TRAIN_DIM", d.dim),
            epochs: var("KEFU_TRAIN_EPOCHS", d.epochs),
            lr: var("KEFU_TRAIN_LR", d.lr),
            seed: var("KEFU_TRAIN_SEED", d.seed),
            oos_share: var("KEFU_TRAIN_OOS_SHARE", d.oos_share),
            dropout: var("KEFU_TRAIN_DROPOUT", d.dropout),
        }
    }
}

/// The learned parameters, laid out as the ONNX graph wants them.
#[derive(Debug, Clone)]
pub struct Weights {
    /// Featurizer the model was trained with.
    pub featurizer: FeaturizerConfig,
    /// Embedding width.
    pub dim: usize,
    /// `[buckets, dim]`, row-major.
    pub embedding: Vec<f32>,
    /// `[dim, labels]`, row-major.
    pub output: Vec<f32>,
    /// `[labels]`.
    pub bias: Vec<f32>,
}

/// The embedding as the ONNX file stores it: one signed byte per value and one scale per
/// column (value = code × scale), a quarter of the f32 size. The column scales are folded
/// into the output layer, so the graph only casts the gathered bytes.
#[derive(Debug, Clone)]
pub struct Quantized {
    /// `[buckets, dim]`, row-major.
    pub codes: Vec<i8>,
}

impl Weights {
    /// Rounds the embedding to [`Quantized`] form, symmetric per column: the embedding
    /// becomes the codes and the column scales move into the output layer, so that from
    /// here on these weights compute what the ONNX file computes.
    pub fn quantize(&mut self) -> Quantized {
        let n = LABELS.len();
        let mut scales = vec![0f32; self.dim];
        for row in self.embedding.chunks(self.dim) {
            for (s, v) in scales.iter_mut().zip(row) {
                *s = s.max(v.abs());
            }
        }
        scales
            .iter_mut()
            .for_each(|s| *s = if *s > 0.0 { *s / 127.0 } else { 1.0 });
        let mut codes = Vec::with_capacity(self.embedding.len());
        for row in self.embedding.chunks_mut(self.dim) {
            for (v, s) in row.iter_mut().zip(&scales) {
                let code = (*v / s).round().clamp(-127.0, 127.0) as i8;
                codes.push(code);
                *v = f32::from(code);
            }
        }
        for (k, s) in scales.iter().enumerate() {
            self.output[k * n..(k + 1) * n]
                .iter_mut()
                .for_each(|o| *o *= s);
        }
        Quantized { codes }
    }

    /// Probabilities for `text` computed directly (used to cross-check the ONNX export).
    pub fn probabilities(&self, text: &str) -> Vec<f32> {
        softmax(self.logits(text))
    }

    fn pool(&self, ids: &[i64], weights: &[f32], hidden: &mut [f32]) {
        hidden.iter_mut().for_each(|h| *h = 0.0);
        for (&id, &w) in ids.iter().zip(weights) {
            let row = &self.embedding[id as usize * self.dim..][..self.dim];
            for (h, e) in hidden.iter_mut().zip(row) {
                *h += w * e;
            }
        }
    }

    /// The scores before softmax.
    pub fn logits(&self, text: &str) -> Vec<f32> {
        let f = featurize(text, &self.featurizer);
        let mut hidden = vec![0f32; self.dim];
        self.pool(&f.ids, &f.weights, &mut hidden);
        self.scores(&hidden)
    }

    /// Multiplies every logit by `factor` (temperature scaling, folded into the weights).
    pub fn scale_logits(&mut self, factor: f32) {
        self.output
            .iter_mut()
            .chain(self.bias.iter_mut())
            .for_each(|v| *v *= factor);
    }

    fn scores(&self, hidden: &[f32]) -> Vec<f32> {
        let n = LABELS.len();
        let mut z = self.bias.clone();
        for (k, h) in hidden.iter().enumerate() {
            for (zj, w) in z.iter_mut().zip(&self.output[k * n..(k + 1) * n]) {
                *zj += h * w;
            }
        }
        z
    }

    fn softmax_out(&self, hidden: &[f32]) -> Vec<f32> {
        softmax(self.scores(hidden))
    }
}

/// Softmax in place, shifted by the maximum for numerical stability.
fn softmax(mut z: Vec<f32>) -> Vec<f32> {
    let max = z.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut sum = 0.0;
    for v in &mut z {
        *v = (*v - max).exp();
        sum += *v;
    }
    z.iter_mut().for_each(|v| *v /= sum);
    z
}

/// How much one example counts: every (label, language) group gets roughly the same total
/// weight, so 50 hand-written Chinese sentences are not drowned by 1000 Bitext rows, capped
/// so no single sentence is learned by heart. Out-of-scope is one label covering everything
/// else, so it gets a few labels' worth, not the weight of its thousands of rows: more and
/// it swallows shop messages phrased unlike the training data.
fn example_weights(train: &[Example], oos_share: f32) -> Vec<f32> {
    use std::collections::BTreeMap;
    let oos = crate::data::oos();
    // Sentences the project wrote are grouped apart from the public sets: they are few but
    // phrased like real shoppers, and must not be outvoted by a thousand template rows.
    let group = |e: &Example| {
        let chinese = kefu_intent::language(&e.text) != kefu_intent::Language::En;
        (e.label, chinese, e.source == crate::data::Source::Project)
    };
    let mut counts = BTreeMap::new();
    for e in train {
        *counts.entry(group(e)).or_insert(0usize) += 1;
    }
    train
        .iter()
        .map(|e| {
            let n = counts[&group(e)] as f32;
            let target = if e.label == oos {
                oos_share * GROUP_WEIGHT
            } else {
                GROUP_WEIGHT
            };
            (target / n).clamp(0.1, 6.0)
        })
        .collect()
}

/// Total weight of one (label, language) group.
const GROUP_WEIGHT: f32 = 400.0;

/// Trains a model on `train`.
pub fn train(train: &[Example], hyper: &Hyper, progress: bool) -> Weights {
    let featurizer = FeaturizerConfig {
        version: FEATURIZER_VERSION,
        buckets: hyper.buckets,
    };
    let n_labels = LABELS.len();
    let dim = hyper.dim;
    let mut rng = SplitMix64::new(hyper.seed);
    let scale = 1.0 / dim as f32;
    let embedding = (0..hyper.buckets as usize * dim)
        .map(|_| rng.symmetric() * scale)
        .collect();
    let mut w = Weights {
        featurizer,
        dim,
        embedding,
        output: vec![0.0; dim * n_labels],
        bias: vec![0.0; n_labels],
    };
    let features: Vec<_> = train
        .iter()
        .map(|e| featurize(&e.text, &featurizer))
        .collect();
    let sample_weights = example_weights(train, hyper.oos_share);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let total = (hyper.epochs * train.len()) as u64;
    let bar = if progress {
        ProgressBar::new(total).with_style(
            ProgressStyle::with_template("training {bar:40} {pos}/{len} examples, epoch {msg}")
                .expect("valid template"),
        )
    } else {
        ProgressBar::hidden()
    };
    let mut hidden = vec![0f32; dim];
    let mut grad_hidden = vec![0f32; dim];
    let mut step = 0u64;
    let mut dropped;
    for epoch in 0..hyper.epochs {
        bar.set_message(format!("{}/{}", epoch + 1, hyper.epochs));
        rng.shuffle(&mut order);
        for &i in &order {
            let lr = hyper.lr * (1.0 - step as f32 / total as f32) * sample_weights[i];
            step += 1;
            let f = if hyper.dropout > 0.0 {
                dropped = drop_features(&features[i], hyper.dropout, &mut rng);
                &dropped
            } else {
                &features[i]
            };
            w.pool(&f.ids, &f.weights, &mut hidden);
            let mut g = w.softmax_out(&hidden);
            let e = &train[i];
            let share = 1.0 / (1 + e.also.len()) as f32;
            for &label in std::iter::once(&e.label).chain(&e.also) {
                g[label] -= share;
            }
            // Gradient w.r.t. the hidden vector, before the output layer moves.
            for (k, gh) in grad_hidden.iter_mut().enumerate() {
                *gh = w.output[k * n_labels..(k + 1) * n_labels]
                    .iter()
                    .zip(&g)
                    .map(|(o, gj)| o * gj)
                    .sum();
            }
            for (k, h) in hidden.iter().enumerate() {
                for (o, gj) in w.output[k * n_labels..(k + 1) * n_labels]
                    .iter_mut()
                    .zip(&g)
                {
                    *o -= lr * h * gj;
                }
            }
            for (b, gj) in w.bias.iter_mut().zip(&g) {
                *b -= lr * gj;
            }
            for (&id, &fw) in f.ids.iter().zip(&f.weights) {
                let row = &mut w.embedding[id as usize * dim..][..dim];
                for (e, gh) in row.iter_mut().zip(&grad_hidden) {
                    *e -= lr * fw * gh;
                }
            }
            if step.is_multiple_of(512) {
                bar.set_position(step);
            }
        }
    }
    bar.finish_and_clear();
    w
}

/// `features` with each one left out with probability `p` (at least one kept), the weights
/// of the rest renormalised to sum to one.
fn drop_features(features: &Features, p: f32, rng: &mut SplitMix64) -> Features {
    let keep_below = ((1.0 - p) * 1_000_000.0) as usize;
    let mut ids = Vec::with_capacity(features.ids.len());
    for &id in &features.ids {
        if rng.below(1_000_000) < keep_below {
            ids.push(id);
        }
    }
    if ids.is_empty() {
        ids.push(features.ids[rng.below(features.ids.len())]);
    }
    let weight = 1.0 / ids.len() as f32;
    let weights = vec![weight; ids.len()];
    Features { ids, weights }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn random_weights(buckets: u32, dim: usize) -> Weights {
        let mut rng = SplitMix64::new(7);
        let n = LABELS.len();
        Weights {
            featurizer: FeaturizerConfig {
                version: FEATURIZER_VERSION,
                buckets,
            },
            dim,
            embedding: (0..buckets as usize * dim)
                .map(|i| rng.symmetric() * if i % 7 == 0 { 3.0 } else { 0.5 })
                .collect(),
            output: (0..dim * n).map(|_| rng.symmetric()).collect(),
            bias: (0..n).map(|_| rng.symmetric()).collect(),
        }
    }

    #[test]
    fn quantizing_keeps_the_probabilities() {
        let mut w = random_weights(257, 16);
        let texts = [
            "where is my order 1001",
            "我要退款",
            "is the jacket waterproof?",
        ];
        let before: Vec<Vec<f32>> = texts.iter().map(|t| w.probabilities(t)).collect();
        let q = w.quantize();
        assert_eq!(q.codes.len(), 257 * 16);
        assert!(q.codes.iter().all(|&c| c != i8::MIN), "codes are symmetric");
        assert!(q.codes.iter().any(|&c| c.abs() == 127), "the range is used");
        for (t, p) in texts.iter().zip(&before) {
            let after = w.probabilities(t);
            let worst = p
                .iter()
                .zip(&after)
                .map(|(a, b)| (a - b).abs())
                .fold(0.0, f32::max);
            assert!(worst < 0.01, "{t}: probabilities moved by {worst}");
        }
    }

    #[test]
    fn ambiguous_examples_split_their_probability() {
        let label = |name| crate::data::label_index(name).unwrap();
        let vague = |text: &str| Example {
            text: text.into(),
            label: label("track_order"),
            also: vec![label("complaint")],
            source: crate::data::Source::Project,
        };
        let clear = |text: &str, name| Example {
            text: text.into(),
            label: label(name),
            also: Vec::new(),
            source: crate::data::Source::Project,
        };
        let mut examples = vec![vague("a problem with my order"), vague("order problem")];
        for _ in 0..5 {
            examples.push(clear("where is my parcel", "track_order"));
            examples.push(clear("this is unacceptable service", "complaint"));
        }
        let hyper = Hyper {
            buckets: 1024,
            epochs: 30,
            ..Hyper::default()
        };
        let w = train(&examples, &hyper, false);
        let p = w.probabilities("a problem with my order");
        let (track, complaint) = (p[label("track_order")], p[label("complaint")]);
        assert!(
            track > 0.25 && complaint > 0.25 && (track - complaint).abs() < 0.3,
            "track_order {track}, complaint {complaint}"
        );
        assert!(w.probabilities("where is my parcel")[label("track_order")] > 0.8);
    }
}
