//! Trains the learned half of the frustration signal ([`kefu_intent::tone`]): logistic
//! regression over the featurizer's hashed features, plain SGD, seeded and single-threaded
//! (same data → same bytes).
//!
//! Data: `widget/model/frustration/*.tsv` (`upset<TAB>text` / `calm<TAB>text`, written for
//! kefu), plus every fourth of the intent model's own shop sentences as calm examples, so
//! ordinary requests in every wording the intent model knows stay calm. Never trained on:
//! `widget/intent/tests/frustration.tsv`, which measures the result.

use std::path::Path;

use anyhow::{Context, Result, bail};
use kefu_intent::tone::{ToneModel, features};
use kefu_intent::{FEATURIZER_VERSION, FeaturizerConfig, Language, language};

use crate::data::{Example, Source, label_index};
use crate::rng::SplitMix64;

/// Hash buckets of the tone model (64 KB of weights).
const BUCKETS: u32 = 16_384;
const EPOCHS: usize = 15;
const LEARNING_RATE: f32 = 0.5;
/// L2 penalty, per step, on the weights a message touches.
const L2: f32 = 1e-4;

/// Every `label<TAB>text` line of the `.tsv` files in `dir`, in file-name order, with
/// where it stands (`path:line`) for error messages; blank lines and `#` comments skipped.
pub fn labelled_lines(dir: &Path) -> Result<Vec<(String, String, String)>> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let body = std::fs::read_to_string(&path)?;
        for (n, line) in body.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let at = format!("{}:{}", path.display(), n + 1);
            let Some((label, text)) = line.split_once('\t') else {
                bail!("{at}: expected `label<TAB>text`");
            };
            out.push((at, label.to_string(), text.trim().to_string()));
        }
    }
    Ok(out)
}

/// Reads every `label<TAB>text` file in `dir` (labels `upset` / `calm`).
pub fn read_dir(dir: &Path) -> Result<Vec<(String, bool)>> {
    labelled_lines(dir)?
        .into_iter()
        .map(|(at, label, text)| match label.as_str() {
            "upset" => Ok((text, true)),
            "calm" => Ok((text, false)),
            _ => bail!("{at}: expected `upset<TAB>text` or `calm<TAB>text`"),
        })
        .collect()
}

/// Every fourth project-written shop sentence of the intent model (complaints left out:
/// their tone is what is being learned), as calm examples.
pub fn calm_shop_sentences(intent_train: &[Example]) -> Vec<(String, bool)> {
    let complaint = label_index("complaint").expect("complaint is a label");
    intent_train
        .iter()
        .filter(|e| e.source == Source::Project && e.label != complaint)
        .step_by(4)
        .map(|e| (e.text.clone(), false))
        .collect()
}

/// The featurizer every model of this kind is trained with.
pub fn featurizer() -> FeaturizerConfig {
    FeaturizerConfig {
        version: FEATURIZER_VERSION,
        buckets: BUCKETS,
    }
}

/// Trains on `examples`; upset and calm count equally in total.
pub fn train(examples: &[(String, bool)], seed: u64) -> ToneModel {
    let config = featurizer();
    let feats: Vec<_> = examples.iter().map(|(t, _)| features(t, &config)).collect();
    let labels: Vec<bool> = examples.iter().map(|(_, u)| *u).collect();
    let rows: Vec<(&(Vec<usize>, f32), bool)> = feats.iter().zip(labels).collect();
    train_featurized(&rows, seed)
}

/// [`train`] on messages already turned into [`features`] with [`featurizer`], each with
/// its label: models that learn from the same messages featurize them once.
pub fn train_featurized(examples: &[(&(Vec<usize>, f32), bool)], seed: u64) -> ToneModel {
    let config = featurizer();
    let upset = examples.iter().filter(|(_, u)| *u).count().max(1) as f32;
    let calm = examples.iter().filter(|(_, u)| !*u).count().max(1) as f32;
    let n = examples.len() as f32;
    let class_weight = |u: bool| {
        if u {
            n / (2.0 * upset)
        } else {
            n / (2.0 * calm)
        }
    };
    let mut model = ToneModel {
        featurizer: config,
        bias: 0.0,
        weights: vec![0.0; BUCKETS as usize],
    };
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = SplitMix64::new(seed);
    let total = (EPOCHS * examples.len()) as f32;
    let mut step = 0.0;
    for _ in 0..EPOCHS {
        rng.shuffle(&mut order);
        for &i in &order {
            let lr = LEARNING_RATE * (1.0 - step / total);
            step += 1.0;
            let (ids, value) = examples[i].0;
            let z = model.bias + ids.iter().map(|&j| model.weights[j]).sum::<f32>() * value;
            let p = 1.0 / (1.0 + (-z).exp());
            let target = if examples[i].1 { 1.0 } else { 0.0 };
            let g = (p - target) * class_weight(examples[i].1);
            model.bias -= lr * g;
            for &j in ids {
                let w = &mut model.weights[j];
                *w -= lr * (g * value + L2 * *w);
            }
        }
    }
    model
}

/// The most written calm messages of the validation split the model may call upset.
const MAX_CALM_FLAGGED: f32 = 0.03;

/// Moves the model's cut-off so that at most [`MAX_CALM_FLAGGED`] of `validation`'s calm
/// messages of each language reach 0.5: the bias absorbs it, so "upset" stays `p ≥ 0.5` everywhere. A calm
/// shopper offered a person unasked is the costlier mistake for a shop.
fn calibrate(model: &mut ToneModel, validation: &[(String, bool)]) {
    // Per language, the log-odds the cut-off must exceed; the stricter language decides.
    let cut = [true, false]
        .into_iter()
        .filter_map(|english| {
            let mut calm: Vec<f32> = validation
                .iter()
                .filter(|(t, u)| !*u && (language(t) == Language::En) == english)
                .map(|(t, _)| {
                    let p = model.probability(t);
                    (p / (1.0 - p)).ln()
                })
                .collect();
            calm.sort_by(|a, b| b.total_cmp(a));
            let allowed = (calm.len() as f32 * MAX_CALM_FLAGGED) as usize;
            calm.get(allowed).copied()
        })
        .fold(f32::NEG_INFINITY, f32::max);
    if cut > 0.0 {
        model.bias -= cut + 1e-3;
    }
}

/// Trains from `dir` and `intent_train`, writes the model to `out`, returns it.
pub fn train_and_write(
    dir: &Path,
    intent_train: &[Example],
    out: &Path,
    seed: u64,
) -> Result<ToneModel> {
    let written = read_dir(dir)?;
    // A tenth of the written messages (by a hash of the text) choose the cut-off.
    let (validation, mut examples): (Vec<_>, Vec<_>) = written.into_iter().partition(|(t, _)| {
        t.bytes()
            .fold(17u32, |h, b| h.wrapping_mul(31) ^ u32::from(b))
            % 10
            == 0
    });
    let n_written = examples.len();
    examples.extend(calm_shop_sentences(intent_train));
    eprintln!(
        "tone model: {n_written} written examples, {} calm shop sentences, {} to calibrate",
        examples.len() - n_written,
        validation.len()
    );
    let mut model = train(&examples, seed);
    calibrate(&mut model, &validation);
    std::fs::write(out, model.to_bytes()).with_context(|| format!("writing {}", out.display()))?;
    eprintln!("wrote {} ({} bytes)", out.display(), 20 + 4 * BUCKETS);
    Ok(model)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn it_learns_the_tone_of_what_it_is_shown_and_is_reproducible() {
        let mut examples = Vec::new();
        for i in 0..40 {
            examples.push((format!("this is ridiculous, order {i} still missing"), true));
            examples.push((format!("hi, where is order {i} please"), false));
        }
        let a = train(&examples, 1);
        assert!(a.probability("ridiculous, still missing") > 0.8);
        assert!(a.probability("where is it please") < 0.2);
        assert_eq!(a, train(&examples, 1));
    }
}
