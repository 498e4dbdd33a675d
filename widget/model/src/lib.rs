//! Trains and evaluates kefu's intent model.
//!
//! `cargo xtask train` calls [`train_and_write`]; `cargo xtask eval` calls [`evaluate_file`].
//! The output is one ONNX file (`widget/model/intent.onnx`) that carries its own labels,
//! featurizer parameters and out-of-scope threshold, loaded by `kefu-intent` in the runtime
//! and in the browser. Same data and seed give the same bytes.
#![deny(missing_docs)]

pub mod data;
pub mod eval;
pub mod onnx;
pub mod rng;
pub mod train;

use std::path::Path;

use anyhow::{Context, Result, ensure};
use kefu_intent::Classifier;

use crate::data::{Dataset, Example, oos};
use crate::train::{Hyper, Weights};

/// The most shop messages the threshold may reject on the validation set.
const MAX_VALIDATION_REJECTION: f64 = 0.02;

/// Picks the out-of-scope threshold on the validation set: the highest probability cut-off
/// that rejects at most [`MAX_VALIDATION_REJECTION`] of shop messages. A higher cut-off
/// catches more out-of-scope messages; the cap keeps shoppers from being turned away.
pub fn calibrate(w: &Weights, validation: &[Example]) -> f32 {
    let oos = oos();
    let shop: Vec<f32> = validation
        .iter()
        .filter(|e| e.label != oos)
        .filter_map(|e| {
            let p = w.probabilities(&e.text);
            let best = (0..p.len()).max_by(|&a, &b| p[a].total_cmp(&p[b]))?;
            // Already rejected by the model itself: the threshold cannot make it worse.
            (best != oos).then_some(p[best])
        })
        .collect();
    let mut best = 0.0;
    for step in 1..90 {
        let t = step as f32 / 100.0;
        let rejected = shop.iter().filter(|&&p| p < t).count();
        if (rejected as f64) <= MAX_VALIDATION_REJECTION * shop.len() as f64 {
            best = t;
        }
    }
    best
}

/// Loads the data, trains, calibrates, writes the ONNX model to `out`, checks that tract
/// reproduces the trainer's own probabilities, and returns the data set for evaluation.
pub fn train_and_write(
    public_dir: &Path,
    project_dir: &Path,
    out: &Path,
    hyper: &Hyper,
) -> Result<Dataset> {
    let set = data::load(public_dir, project_dir, hyper.seed)?;
    eprintln!(
        "data: {} training, {} validation, {} evaluation examples",
        set.train.len(),
        set.validation.len(),
        set.eval.len()
    );
    let w = train::train(&set.train, hyper, true);
    let threshold = calibrate(&w, &set.validation);
    let bytes = onnx::encode(&w, threshold);
    std::fs::write(out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    eprintln!("wrote {} ({} bytes), out-of-scope threshold {threshold}", out.display(), bytes.len());
    let classifier = Classifier::load(&bytes)?;
    for e in set.validation.iter().take(200) {
        let direct = w.probabilities(&e.text);
        let onnx = classifier.probabilities(&e.text);
        let diff = direct.iter().zip(&onnx).map(|(a, b)| (a - b).abs()).fold(0.0, f32::max);
        ensure!(diff < 1e-4, "ONNX model disagrees with the trainer by {diff} on {:?}", e.text);
    }
    Ok(set)
}

/// Evaluates the model in `model` on the evaluation split.
pub fn evaluate_file(model: &Path, public_dir: &Path, project_dir: &Path) -> Result<eval::Report> {
    let bytes = std::fs::read(model).with_context(|| format!("reading {}", model.display()))?;
    let classifier = Classifier::load(&bytes)?;
    let set = data::load(public_dir, project_dir, Hyper::default().seed)?;
    Ok(eval::evaluate(&classifier, &set.eval))
}
