//! Measures a model: accuracy and macro-F1 overall and per language, per-label precision and
//! recall, the most common confusions, out-of-scope recall and how often shop messages are
//! wrongly rejected as out of scope.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use kefu_intent::{Classifier, Language, language};

use crate::data::{Example, LABELS, oos};
use crate::rng::SplitMix64;

/// Counts for one slice of the evaluation set.
#[derive(Debug, Default, Clone)]
pub struct Scores {
    /// Examples scored.
    pub n: usize,
    /// Examples whose intent was right.
    pub correct: usize,
    /// Macro-averaged F1 over the labels present.
    pub macro_f1: f64,
}

impl Scores {
    /// Fraction right.
    pub fn accuracy(&self) -> f64 {
        if self.n == 0 {
            0.0
        } else {
            self.correct as f64 / self.n as f64
        }
    }
}

/// The full evaluation.
#[derive(Debug, Default)]
pub struct Report {
    /// Every example.
    pub overall: Scores,
    /// English shop messages and English out-of-scope.
    pub english: Scores,
    /// Chinese (and mixed) messages.
    pub chinese: Scores,
    /// English messages whose gold label is a shop intent (not out of scope).
    pub english_shop: Scores,
    /// Chinese (and mixed) messages whose gold label is a shop intent.
    pub chinese_shop: Scores,
    /// Out-of-scope examples recognised as out of scope.
    pub oos_recall: f64,
    /// Shop examples wrongly answered with out_of_scope.
    pub false_rejection: f64,
    /// Per label: (precision, recall, support).
    pub per_label: Vec<(String, f64, f64, usize)>,
    /// Most frequent (gold, predicted, count) mistakes.
    pub confusions: Vec<(String, String, usize)>,
    /// Mistakes, for reading.
    pub errors: Vec<(String, String, String)>,
}

fn scores(pairs: &[(usize, usize)]) -> Scores {
    let n = pairs.len();
    let correct = pairs.iter().filter(|(g, p)| g == p).count();
    let mut f1s = Vec::new();
    for label in 0..LABELS.len() {
        let tp = pairs
            .iter()
            .filter(|(g, p)| *g == label && *p == label)
            .count() as f64;
        let gold = pairs.iter().filter(|(g, _)| *g == label).count() as f64;
        let pred = pairs.iter().filter(|(_, p)| *p == label).count() as f64;
        if gold == 0.0 {
            continue;
        }
        let (prec, rec) = (if pred > 0.0 { tp / pred } else { 0.0 }, tp / gold);
        f1s.push(if prec + rec > 0.0 {
            2.0 * prec * rec / (prec + rec)
        } else {
            0.0
        });
    }
    let macro_f1 = if f1s.is_empty() {
        0.0
    } else {
        f1s.iter().sum::<f64>() / f1s.len() as f64
    };
    Scores {
        n,
        correct,
        macro_f1,
    }
}

/// Classifies every example with `classifier` and scores the results.
pub fn evaluate(classifier: &Classifier, examples: &[Example]) -> Report {
    let index: BTreeMap<&str, usize> = LABELS.iter().enumerate().map(|(i, l)| (*l, i)).collect();
    let mut all = Vec::new();
    let (mut en, mut zh) = (Vec::new(), Vec::new());
    let mut errors = Vec::new();
    for e in examples {
        let p = classifier.classify(&e.text);
        let predicted = index[p.intent.as_str()];
        all.push((e.label, predicted));
        match language(&e.text) {
            Language::En => en.push((e.label, predicted)),
            Language::Zh | Language::Mixed => zh.push((e.label, predicted)),
        }
        if predicted != e.label {
            errors.push((e.text.clone(), LABELS[e.label].to_string(), p.intent));
        }
    }
    let oos = oos();
    let shop_only = |pairs: &[(usize, usize)]| -> Vec<(usize, usize)> {
        pairs.iter().copied().filter(|(g, _)| *g != oos).collect()
    };
    let oos_gold: Vec<_> = all.iter().filter(|(g, _)| *g == oos).collect();
    let shop_gold: Vec<_> = all.iter().filter(|(g, _)| *g != oos).collect();
    let ratio = |num: usize, den: usize| {
        if den == 0 {
            0.0
        } else {
            num as f64 / den as f64
        }
    };
    let mut per_label = Vec::new();
    for (label, name) in LABELS.iter().enumerate() {
        let tp = all
            .iter()
            .filter(|(g, p)| *g == label && *p == label)
            .count();
        let gold = all.iter().filter(|(g, _)| *g == label).count();
        let pred = all.iter().filter(|(_, p)| *p == label).count();
        per_label.push((name.to_string(), ratio(tp, pred), ratio(tp, gold), gold));
    }
    let mut confusion = BTreeMap::<(usize, usize), usize>::new();
    for &(g, p) in &all {
        if g != p {
            *confusion.entry((g, p)).or_default() += 1;
        }
    }
    let mut confusions: Vec<_> = confusion
        .into_iter()
        .map(|((g, p), n)| (LABELS[g].to_string(), LABELS[p].to_string(), n))
        .collect();
    confusions.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.cmp(b)));
    confusions.truncate(10);
    Report {
        overall: scores(&all),
        english: scores(&en),
        chinese: scores(&zh),
        english_shop: scores(&shop_only(&en)),
        chinese_shop: scores(&shop_only(&zh)),
        oos_recall: ratio(
            oos_gold.iter().filter(|(_, p)| *p == oos).count(),
            oos_gold.len(),
        ),
        false_rejection: ratio(
            shop_gold.iter().filter(|(_, p)| *p == oos).count(),
            shop_gold.len(),
        ),
        per_label,
        confusions,
        errors,
    }
}

impl Report {
    /// The report as Markdown, for the model card and the terminal.
    pub fn to_markdown(&self) -> String {
        let mut s = String::new();
        let pct = |x: f64| format!("{:.1}%", 100.0 * x);
        let _ = writeln!(
            s,
            "| slice | examples | accuracy | macro-F1 |\n| --- | ---: | ---: | ---: |"
        );
        for (name, sc) in [
            ("all", &self.overall),
            ("English", &self.english),
            ("Chinese", &self.chinese),
            ("English shop messages", &self.english_shop),
            ("Chinese shop messages", &self.chinese_shop),
        ] {
            let _ = writeln!(
                s,
                "| {name} | {} | {} | {:.3} |",
                sc.n,
                pct(sc.accuracy()),
                sc.macro_f1
            );
        }
        let _ = writeln!(
            s,
            "\nOut-of-scope recall: **{}**; shop messages wrongly rejected as out of scope: **{}**.\n",
            pct(self.oos_recall),
            pct(self.false_rejection)
        );
        let _ = writeln!(
            s,
            "| label | precision | recall | support |\n| --- | ---: | ---: | ---: |"
        );
        for (name, p, r, n) in &self.per_label {
            let _ = writeln!(s, "| {name} | {} | {} | {n} |", pct(*p), pct(*r));
        }
        let _ = writeln!(s, "\nMost frequent confusions (gold → predicted):\n");
        for (g, p, n) in &self.confusions {
            let _ = writeln!(s, "- {g} → {p}: {n}");
        }
        s
    }
}

/// Accuracy, out-of-scope recall and false rejection at other thresholds than the model's,
/// to show the trade-off the calibrated threshold makes.
pub fn threshold_sweep(
    classifier: &Classifier,
    examples: &[Example],
    thresholds: &[f32],
) -> String {
    let oos = oos();
    let probs: Vec<Vec<f32>> = examples
        .iter()
        .map(|e| classifier.probabilities(&e.text))
        .collect();
    let mut s = String::from(
        "| threshold | accuracy | out-of-scope recall | shop messages rejected |\n| ---: | ---: | ---: | ---: |\n",
    );
    for &t in thresholds {
        let (mut correct, mut oos_hit, mut oos_n, mut rejected, mut shop_n) = (0, 0, 0, 0, 0);
        for (e, p) in examples.iter().zip(&probs) {
            let best = (0..p.len())
                .max_by(|&a, &b| p[a].total_cmp(&p[b]))
                .unwrap_or(oos);
            let predicted = if p[best] < t { oos } else { best };
            correct += usize::from(predicted == e.label);
            if e.label == oos {
                oos_n += 1;
                oos_hit += usize::from(predicted == oos);
            } else {
                shop_n += 1;
                rejected += usize::from(predicted == oos);
            }
        }
        let pct = |a: usize, b: usize| {
            if b == 0 {
                0.0
            } else {
                100.0 * a as f64 / b as f64
            }
        };
        let _ = writeln!(
            s,
            "| {t:.2} | {:.1}% | {:.1}% | {:.1}% |",
            pct(correct, examples.len()),
            pct(oos_hit, oos_n),
            pct(rejected, shop_n)
        );
    }
    s
}

/// Ways real shoppers write the same message differently, applied to every shop message.
const VARIANTS: &[&str] = &[
    "as written",
    "one typo (English: a letter dropped, doubled or swapped; Chinese: a character dropped)",
    "UPPER CASE",
    "lower case, no punctuation",
    "a greeting first (\"hi, \" / \"你好，\")",
    "an order number and an email added",
];

fn variant(v: usize, text: &str, rng: &mut SplitMix64) -> String {
    let english = language(text) == Language::En;
    match v {
        1 => crate::noise::typo(text, rng),
        2 => text.to_uppercase(),
        3 => text
            .chars()
            .filter(|c| !c.is_ascii_punctuation() && !"，。？！、".contains(*c))
            .collect::<String>()
            .to_lowercase(),
        4 if english => format!("hi, {text}"),
        4 => format!("你好，{text}"),
        5 if english => format!("{text} order 10482, jane.doe@example.com"),
        5 => format!("{text} 订单10482 jane.doe@example.com"),
        _ => text.to_string(),
    }
}

/// How the shop messages of `examples` fare when written differently ([`VARIANTS`]), as a
/// Markdown table; the variants are seeded, so the table is the same on every run.
pub fn robustness(classifier: &Classifier, examples: &[Example]) -> String {
    let shop: Vec<&Example> = examples.iter().filter(|e| e.label != oos()).collect();
    let mut s = String::from(
        "| written | English shop messages | Chinese shop messages | rejected as out of scope |\n| --- | ---: | ---: | ---: |\n",
    );
    for (v, name) in VARIANTS.iter().enumerate() {
        let mut rng = SplitMix64::new(20_261_122 + v as u64);
        let changed: Vec<Example> = shop
            .iter()
            .map(|e| Example {
                text: variant(v, &e.text, &mut rng),
                ..(*e).clone()
            })
            .collect();
        let r = evaluate(classifier, &changed);
        let _ = writeln!(
            s,
            "| {name} | {:.1}% | {:.1}% | {:.1}% |",
            100.0 * r.english_shop.accuracy(),
            100.0 * r.chinese_shop.accuracy(),
            100.0 * r.false_rejection
        );
    }
    s
}
