//! Trains and evaluates kefu's intent model.
//!
//! `cargo xtask train` calls [`train_and_write`]; `cargo xtask eval` calls [`evaluate_file`].
//! The output is one ONNX file (`widget/model/intent.onnx`) that carries its own labels,
//! featurizer parameters and out-of-scope threshold, loaded by `kefu-intent` in the runtime
//! and in the browser. Same data and seed give the same bytes.
#![deny(missing_docs)]

pub mod calibrate;
pub mod data;
pub mod eval;
pub mod noise;
pub mod onnx;
pub mod pinyin;
pub mod rng;
pub mod tone;
pub mod topics;
pub mod train;

use std::path::Path;

use anyhow::{Context, Result, ensure};
use kefu_intent::Classifier;

use crate::data::{Dataset, Example, oos};
use crate::train::{Hyper, Weights};

/// The most shop messages the threshold may reject on the validation set.
const MAX_VALIDATION_REJECTION: f64 = 0.02;

/// Picks the out-of-scope threshold on the validation set: the probability cut-off that
/// maximises out-of-scope recall plus the share of shop messages kept (Youden's J), among
/// cut-offs rejecting at most [`MAX_VALIDATION_REJECTION`] of shop messages. Below the
/// cut-off the best label is not trusted and the message is treated as out of scope.
pub fn calibrate(w: &Weights, validation: &[Example]) -> f32 {
    let oos = oos();
    // Bitext's held-out templates are near-copies of training rows and would make any
    // threshold look safe; calibrate on the messages written like real shoppers write.
    let scored: Vec<(bool, usize, f32)> = validation
        .iter()
        .filter(|e| e.source != data::Source::Bitext)
        .filter_map(|e| {
            let p = w.probabilities(&e.text);
            let best = (0..p.len()).max_by(|&a, &b| p[a].total_cmp(&p[b]))?;
            Some((e.label == oos, best, p[best]))
        })
        .collect();
    let shop = scored
        .iter()
        .filter(|(is_oos, _, _)| !is_oos)
        .count()
        .max(1) as f64;
    let out = scored
        .iter()
        .filter(|(is_oos, _, _)| *is_oos)
        .count()
        .max(1) as f64;
    let (mut best_t, mut best_j) = (0.0, f64::MIN);
    for step in 0..90 {
        let t = step as f32 / 100.0;
        // Shop messages the cut-off itself turns away (the model's own out-of-scope answers
        // are rejected at every cut-off and do not count against it).
        let cut = scored
            .iter()
            .filter(|(o, b, p)| !o && *b != oos && *p < t)
            .count() as f64;
        let rejected = scored
            .iter()
            .filter(|(o, b, p)| !o && (*b == oos || *p < t))
            .count() as f64;
        let caught = scored
            .iter()
            .filter(|(o, b, p)| *o && (*b == oos || *p < t))
            .count() as f64;
        let j = caught / out + (1.0 - rejected / shop);
        // Strictly better only: among equals the lowest cut-off turns fewest shoppers away.
        if cut / shop <= MAX_VALIDATION_REJECTION && j > best_j {
            best_t = t;
            best_j = j;
        }
    }
    best_t
}

/// Temperature scaling (Guo et al. 2017): fastText-style models are overconfident, which
/// makes any probability threshold meaningless. Picks the temperature that minimises the
/// negative log-likelihood on the non-template validation messages.
pub fn fit_temperature(w: &Weights, validation: &[Example]) -> f32 {
    let examples: Vec<&Example> = validation
        .iter()
        .filter(|e| e.source != data::Source::Bitext)
        .collect();
    let logits: Vec<Vec<f32>> = examples.iter().map(|e| w.logits(&e.text)).collect();
    let nll = |t: f32| -> f64 {
        examples
            .iter()
            .zip(&logits)
            .map(|(e, z)| {
                let max = z.iter().copied().fold(f32::NEG_INFINITY, f32::max);
                let sum: f64 = z.iter().map(|v| f64::from((v - max) / t).exp()).sum();
                -(f64::from((z[e.label] - max) / t) - sum.ln())
            })
            .sum()
    };
    let mut best = (1.0, f64::MAX);
    for step in 2..=80 {
        let t = step as f32 * 0.25;
        let loss = nll(t);
        if loss < best.1 {
            best = (t, loss);
        }
    }
    best.0
}

/// Loads the data, trains, calibrates, writes the ONNX model to `out`, checks that tract
/// reproduces the trainer's own probabilities, and returns the data set for evaluation.
pub fn train_and_write(
    public_dir: &Path,
    project_dir: &Path,
    out: &Path,
    hyper: &Hyper,
) -> Result<Dataset> {
    train_and_write_with(public_dir, project_dir, &[], out, hyper)
}

/// [`train_and_write`] with extra training files (`label<TAB>text`), e.g. the labels agents
/// taught in the console.
pub fn train_and_write_with(
    public_dir: &Path,
    project_dir: &Path,
    extra: &[std::path::PathBuf],
    out: &Path,
    hyper: &Hyper,
) -> Result<Dataset> {
    let mut set = data::load(public_dir, project_dir, hyper.seed)?;
    for path in extra {
        let n = data::add_training_file(&mut set, path)?;
        eprintln!("extra training file {}: {n} examples", path.display());
    }
    let noisy = noise::augment(&set.train, hyper.seed);
    eprintln!("noisy copies of training sentences: {}", noisy.len());
    set.train.extend(noisy);
    eprintln!(
        "data: {} training, {} validation, {} evaluation examples",
        set.train.len(),
        set.validation.len(),
        set.eval.len()
    );
    let mut w = train::train(&set.train, hyper, true);
    let quantized = w.quantize();
    let temperature = fit_temperature(&w, &set.validation);
    w.scale_logits(1.0 / temperature);
    let threshold = calibrate(&w, &set.validation);
    eprintln!("temperature {temperature}");
    let bytes = onnx::encode(&w, &quantized, threshold);
    std::fs::write(out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    eprintln!(
        "wrote {} ({} bytes), out-of-scope threshold {threshold}",
        out.display(),
        bytes.len()
    );
    let classifier = Classifier::load(&bytes)?;
    for e in set.validation.iter().take(200) {
        let direct = w.probabilities(&e.text);
        let onnx = classifier.probabilities(&e.text);
        let diff = direct
            .iter()
            .zip(&onnx)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f32::max);
        ensure!(
            diff < 1e-4,
            "ONNX model disagrees with the trainer by {diff} on {:?}",
            e.text
        );
    }
    Ok(set)
}

/// The model card's figures: the evaluation split, the independent holdout set, the blind
/// test (when there is one), and the trade-off at other thresholds, as Markdown.
pub fn report(classifier: &Classifier, set: &Dataset) -> String {
    let thresholds = [0.0, 0.2, 0.3, 0.4, 0.5, 0.6, classifier.threshold()];
    let blind = if set.test.is_empty() {
        String::new()
    } else {
        format!(
            "### Blind test ({} messages)\n\n{}\n",
            set.test.len(),
            eval::evaluate(classifier, &set.test).to_markdown()
        )
    };
    format!(
        "### Evaluation split ({} messages)\n\n{}\n### Independent holdout ({} messages)\n\n{}\n{blind}### Other thresholds (evaluation split; the model's own is {})\n\n{}\n### Written differently (evaluation split's shop messages)\n\n{}",
        set.eval.len(),
        eval::evaluate(classifier, &set.eval).to_markdown(),
        set.holdout.len(),
        eval::evaluate(classifier, &set.holdout).to_markdown(),
        classifier.threshold(),
        eval::threshold_sweep(classifier, &set.eval, &thresholds),
        eval::robustness(classifier, &set.eval),
    )
}

/// Evaluates the model in `model`; returns [`report`]'s Markdown.
pub fn evaluate_file(model: &Path, public_dir: &Path, project_dir: &Path) -> Result<String> {
    let bytes = std::fs::read(model).with_context(|| format!("reading {}", model.display()))?;
    let classifier = Classifier::load(&bytes)?;
    let set = data::load(public_dir, project_dir, Hyper::default().seed)?;
    Ok(report(&classifier, &set))
}
