//! Shows how the built-in models read messages: the intent model's label and probability,
//! each topic's calibrated probability (0.5 is its cut-off) with its own model's beside it
//! when the person head lifted it, and the person head's.
//!
//! `cargo run -p kefu-intent --example diag FILE` (lines `anything<TAB>text`, `#` comments
//! skipped; the text is the last field) or `… --example diag -- "a message" "另一条"`.

use kefu_intent::topics::{builtin, language_group};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let texts: Vec<String> = match args.as_slice() {
        [file] if std::path::Path::new(file).is_file() => std::fs::read_to_string(file)
            .expect("a readable file")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(|l| l.rsplit('\t').next().unwrap_or(l).to_string())
            .collect(),
        _ => args,
    };
    let models = builtin();
    let classifier = kefu_intent::Classifier::load(include_bytes!("../../model/intent.onnx"))
        .expect("the committed intent model loads");
    for text in &texts {
        let (scores, own) = models.scores_and_own(text);
        let (_, head) = models.all_log_odds(text);
        let group = language_group(text);
        let head = match (head, &models.person) {
            (Some(z), Some((_, cut))) => format!("{:.2}", 1.0 / (1.0 + (cut[group] - z).exp())),
            _ => "-".into(),
        };
        let intent = classifier.classify(text);
        let heard: Vec<String> = scores
            .iter()
            .zip(&own)
            .filter(|((_, p), _)| *p >= 0.1)
            .map(|((t, p), (_, q))| {
                if (p - q).abs() > 1e-6 {
                    format!("{} {p:.2} (own {q:.2})", t.name())
                } else {
                    format!("{} {p:.2}", t.name())
                }
            })
            .collect();
        println!(
            "{text}\n    intent {} {:.2} | head {head} | {}",
            intent.intent,
            intent.confidence,
            heard.join(", ")
        );
    }
}
