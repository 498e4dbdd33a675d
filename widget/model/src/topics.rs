//! Trains the topic models ([`kefu_intent::topics`]): one logistic regression per topic
//! (one-vs-rest), each trained like the tone model ([`crate::tone::train`]), seeded and
//! single-threaded (same data → same bytes).
//!
//! Data: `widget/model/topics/*.tsv` (`topic<TAB>text`, or `none<TAB>text` for ordinary
//! messages that share the topics' words), written for kefu by writers who never saw the
//! conversation tests; plus the intent model's own shop sentences of labels that cannot be
//! one of the topics (tracking, delivery options, products, greetings, …) as ordinary
//! messages. For each topic, every other line is a negative.
//!
//! Each topic's cut-off is set on a tenth of the written lines and of the shop sentences
//! (by a hash of the text) so that at most [`MAX_ORDINARY_FLAGGED`] of the ordinary
//! messages of each language reach it: a shopper sent to a person by mistake is a cost, a
//! missed fraud report a larger one, so the cut-off is per topic and tight.

use std::path::Path;

use anyhow::{Context, Result};
use kefu_intent::tone::ToneModel;
use kefu_intent::topics::{Topic, TopicModels};
use kefu_intent::{Language, language};

use crate::data::{Example, Source, label_index};

/// The most ordinary messages (per language, per topic) a topic's model may claim.
const MAX_ORDINARY_FLAGGED: f32 = 0.01;

/// Intent labels whose sentences can never be one of the topics: ordinary negatives.
const ORDINARY_LABELS: &[&str] = &[
    "track_order",
    "delivery_options",
    "delivery_period",
    "check_payment_methods",
    "check_refund_policy",
    "check_cancellation_fee",
    "product_info",
    "product_availability",
    "place_order",
    "newsletter_subscription",
    "get_invoice",
    "check_invoice",
    "create_account",
    "set_up_shipping_address",
    "change_shipping_address",
    "cancel_order",
    "change_order",
    "track_refund",
    "greeting",
    "thanks",
    "goodbye",
    "contact_human_agent",
    "out_of_scope",
];

/// One written line: its topic (`None` for an ordinary message) and text.
pub type Line = (Option<Topic>, String);

/// Reads every `topic<TAB>text` file in `dir`.
pub fn read_dir(dir: &Path) -> Result<Vec<Line>> {
    crate::tone::labelled_lines(dir)?
        .into_iter()
        .map(|(at, label, text)| {
            let topic = match label.trim() {
                "none" => None,
                name => Some(
                    Topic::from_name(name)
                        .with_context(|| format!("{at}: unknown topic `{name}`"))?,
                ),
            };
            Ok((topic, text))
        })
        .collect()
}

/// The intent model's project-written sentences of [`ORDINARY_LABELS`], as ordinary lines.
pub fn ordinary_shop_sentences(intent_train: &[Example]) -> Vec<Line> {
    let ordinary: Vec<usize> = ORDINARY_LABELS
        .iter()
        .map(|l| label_index(l).expect("an intent label"))
        .collect();
    intent_train
        .iter()
        .filter(|e| e.source == Source::Project && ordinary.contains(&e.label))
        .step_by(2)
        .map(|e| (None, e.text.clone()))
        .collect()
}

fn held_out(text: &str) -> bool {
    text.bytes()
        .fold(17u32, |h, b| h.wrapping_mul(31) ^ u32::from(b))
        % 10
        == 0
}

/// Moves `model`'s cut-off so that at most [`MAX_ORDINARY_FLAGGED`] of the `ordinary`
/// validation messages of each language reach 0.5.
fn calibrate(model: &mut ToneModel, ordinary: &[&str]) {
    let cut = [true, false]
        .into_iter()
        .filter_map(|english| {
            let mut odds: Vec<f32> = ordinary
                .iter()
                .filter(|t| (language(t) == Language::En) == english)
                .map(|t| {
                    let p = model.probability(t).clamp(1e-6, 1.0 - 1e-6);
                    (p / (1.0 - p)).ln()
                })
                .collect();
            odds.sort_by(|a, b| b.total_cmp(a));
            let allowed = (odds.len() as f32 * MAX_ORDINARY_FLAGGED) as usize;
            odds.get(allowed).copied()
        })
        .fold(f32::NEG_INFINITY, f32::max);
    if cut > 0.0 {
        model.bias -= cut + 1e-3;
    }
}

/// Trains one model per topic on `lines`, calibrated on `validation`.
pub fn train(lines: &[Line], validation: &[Line], seed: u64) -> TopicModels {
    let ordinary: Vec<&str> = validation
        .iter()
        .filter(|(t, _)| t.is_none())
        .map(|(_, text)| text.as_str())
        .collect();
    let models = Topic::ALL
        .iter()
        .map(|&topic| {
            let examples: Vec<(String, bool)> = lines
                .iter()
                .map(|(t, text)| (text.clone(), *t == Some(topic)))
                .collect();
            let mut model = crate::tone::train(&examples, seed);
            calibrate(&mut model, &ordinary);
            (topic, model)
        })
        .collect();
    TopicModels { models }
}

/// Recall of each topic and the share of ordinary messages any topic claims, on `lines`.
pub fn report(models: &TopicModels, lines: &[Line]) -> String {
    let mut out = String::from("| topic | recall | claimed instead |\n| --- | ---: | ---: |\n");
    for &topic in Topic::ALL {
        let of: Vec<&String> = lines
            .iter()
            .filter(|(t, _)| *t == Some(topic))
            .map(|(_, s)| s)
            .collect();
        let hit = of
            .iter()
            .filter(|s| models.detect(s).map(|d| d.0) == Some(topic))
            .count();
        let other = of
            .iter()
            .filter(|s| models.detect(s).is_some_and(|d| d.0 != topic))
            .count();
        out.push_str(&format!(
            "| {} | {hit}/{} | {other} |\n",
            topic.name(),
            of.len()
        ));
    }
    let ordinary: Vec<&String> = lines
        .iter()
        .filter(|(t, _)| t.is_none())
        .map(|(_, s)| s)
        .collect();
    let flagged = ordinary
        .iter()
        .filter(|s| models.detect(s).is_some_and(|d| d.0.needs_a_person()))
        .count();
    let any = ordinary
        .iter()
        .filter(|s| models.detect(s).is_some())
        .count();
    out.push_str(&format!(
        "\nordinary messages: {} sent to a person by a sensitive topic ({:.1}%), {} given any topic ({:.1}%), of {}\n",
        flagged,
        100.0 * flagged as f32 / ordinary.len().max(1) as f32,
        any,
        100.0 * any as f32 / ordinary.len().max(1) as f32,
        ordinary.len()
    ));
    out
}

/// Trains from `dir` and `intent_train`, writes the models to `out`, returns them.
pub fn train_and_write(
    dir: &Path,
    intent_train: &[Example],
    out: &Path,
    seed: u64,
) -> Result<TopicModels> {
    let mut all = read_dir(dir)?;
    all.extend(ordinary_shop_sentences(intent_train));
    let (validation, lines): (Vec<_>, Vec<_>) = all.into_iter().partition(|(_, t)| held_out(t));
    eprintln!(
        "topic models: {} training lines, {} held out to set cut-offs",
        lines.len(),
        validation.len()
    );
    let models = train(&lines, &validation, seed);
    eprintln!("held-out lines:\n{}", report(&models, &validation));
    let bytes = models.to_bytes();
    std::fs::write(out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
    Ok(models)
}
