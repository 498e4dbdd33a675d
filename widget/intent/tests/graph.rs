//! The classifier evaluates the intent graph itself from the ONNX file's weights (so neither
//! the browser nor the runtime links an inference engine): on the shipped model it must
//! compute what tract-onnx's own parser and runtime compute, on every sentence of the
//! evaluation sets, and refuse any other graph.
//!
//! `cargo test -p kefu-intent --test graph`

use kefu_intent::{Classifier, Features, LoadError};
use prost::Message as _;
use tract_onnx::pb::ModelProto;
use tract_onnx::prelude::*;

const MODEL: &[u8] = include_bytes!("../../model/intent.onnx");

/// The evaluation sets' sentences (development, holdout and blind), one per line after a
/// label and a tab.
const SETS: &[&str] = &[
    include_str!("../../model/data/eval_en.tsv"),
    include_str!("../../model/data/eval_zh.tsv"),
    include_str!("../../model/data/holdout_en.tsv"),
    include_str!("../../model/data/holdout_zh.tsv"),
    include_str!("../../model/data/test_blind_en.tsv"),
    include_str!("../../model/data/test_blind_zh.tsv"),
];

/// tract-onnx's parser and runtime on the shipped model.
fn tract_plan() -> Arc<TypedRunnableModel> {
    tract_onnx::onnx()
        .model_for_read(&mut std::io::Cursor::new(MODEL))
        .and_then(|m| m.into_optimized())
        .and_then(|m| m.into_runnable())
        .expect("tract-onnx loads the shipped model")
}

/// The probabilities `plan` gives for `features`.
fn by_tract(plan: &Arc<TypedRunnableModel>, features: &Features) -> Vec<f32> {
    let n = features.ids.len();
    let ids = Tensor::from_shape(&[n], &features.ids).unwrap();
    let weights = Tensor::from_shape(&[1, n], &features.weights).unwrap();
    let out = plan
        .run(tvec!(ids.into_tvalue(), weights.into_tvalue()))
        .unwrap();
    out[0]
        .to_plain_array_view::<f32>()
        .unwrap()
        .iter()
        .copied()
        .collect()
}

/// The graph computed in f64 from the file's weights: the exact answer the f32 figures
/// round.
fn in_f64(features: &Features) -> Vec<f64> {
    let proto = ModelProto::decode(MODEL).unwrap();
    let graph = proto.graph.unwrap();
    let tensor = |name: &str| graph.initializer.iter().find(|t| t.name == name).unwrap();
    let (codes, output, bias) = (tensor("codes"), tensor("output"), tensor("bias"));
    let floats = |t: &tract_onnx::pb::TensorProto| -> Vec<f64> {
        t.raw_data
            .chunks_exact(4)
            .map(|b| f64::from(f32::from_le_bytes(b.try_into().unwrap())))
            .collect()
    };
    let (dim, labels) = (codes.dims[1] as usize, output.dims[1] as usize);
    let (output, bias) = (floats(output), floats(bias));
    let mut pooled = vec![0f64; dim];
    for (&id, &w) in features.ids.iter().zip(&features.weights) {
        let row = &codes.raw_data[id as usize * dim..][..dim];
        for (p, &c) in pooled.iter_mut().zip(row) {
            *p += f64::from(w) * f64::from(c as i8);
        }
    }
    let logits: Vec<f64> = (0..labels)
        .map(|j| {
            bias[j]
                + (0..dim)
                    .map(|k| pooled[k] * output[k * labels + j])
                    .sum::<f64>()
        })
        .collect();
    let max = logits.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let sum: f64 = logits.iter().map(|l| (l - max).exp()).sum();
    logits.iter().map(|l| (l - max).exp() / sum).collect()
}

fn sentences() -> Vec<String> {
    let mut all: Vec<String> = SETS
        .iter()
        .flat_map(|set| set.lines())
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t').map(|(_, text)| text.to_string()))
        .collect();
    // Edges: nothing, one feature, and a message thousands of features long.
    all.extend(["".into(), "?".into(), "where is my order ".repeat(300)]);
    all
}

#[test]
fn every_evaluation_sentence_gets_tract_onnxs_probabilities_and_the_same_answer() {
    let classifier = Classifier::load(MODEL).unwrap();
    let plan = tract_plan();
    let sentences = sentences();
    assert!(sentences.len() > 2_500, "{} sentences", sentences.len());
    // The largest distance from the f64 answer, ours and tract's.
    let (mut ours_off, mut tract_off) = (0f64, 0f64);
    for text in &sentences {
        let features = classifier.features(text);
        let ours = classifier.probabilities(text);
        let theirs = by_tract(&plan, &features);
        let exact = in_f64(&features);
        assert_eq!(ours.len(), theirs.len());
        for ((a, b), e) in ours.iter().zip(&theirs).zip(&exact) {
            ours_off = ours_off.max((f64::from(*a) - e).abs());
            tract_off = tract_off.max((f64::from(*b) - e).abs());
        }
        let best = |p: &[f32]| {
            (0..p.len())
                .max_by(|&a, &b| p[a].total_cmp(&p[b]).then(b.cmp(&a)))
                .unwrap()
        };
        // The decision: the same best label, on the same side of the out-of-scope threshold.
        let (i, j) = (best(&ours), best(&theirs));
        let threshold = classifier.threshold();
        assert!(
            i == j && (ours[i] < threshold) == (theirs[j] < threshold),
            "{text:?}: ours {} {}, tract {} {}",
            classifier.labels()[i],
            ours[i],
            classifier.labels()[j],
            theirs[j]
        );
    }
    // Both round the same sums in f32 (in different orders): each within a few units of
    // f32's last place of the exact answer.
    eprintln!("largest distance from the f64 answer: ours {ours_off:e}, tract {tract_off:e}");
    assert!(ours_off <= 2e-6, "ours is {ours_off:e} from the f64 answer");
    assert!(
        tract_off <= 2e-6,
        "tract is {tract_off:e} from the f64 answer"
    );
}

#[test]
fn a_model_whose_featurizer_hashes_into_other_rows_is_refused() {
    let mut proto = ModelProto::decode(MODEL).unwrap();
    let entry = proto
        .metadata_props
        .iter_mut()
        .find(|p| p.key == "kefu.featurizer")
        .unwrap();
    let mut config: serde_json::Value = serde_json::from_str(&entry.value).unwrap();
    config["buckets"] = (config["buckets"].as_u64().unwrap() * 2).into();
    entry.value = config.to_string();
    let err = Classifier::load(&proto.encode_to_vec()).unwrap_err();
    assert!(err.to_string().contains("kefu.featurizer"), "{err}");
}

#[test]
fn a_model_with_another_graph_is_refused_with_the_difference() {
    let mut proto = ModelProto::decode(MODEL).unwrap();
    let graph = proto.graph.as_mut().unwrap();
    graph.node[5].op_type = "LogSoftmax".into();
    let err = Classifier::load(&proto.encode_to_vec()).unwrap_err();
    assert!(matches!(err, LoadError::Onnx(_)), "{err}");
    assert!(err.to_string().contains("LogSoftmax"), "{err}");

    let mut proto = ModelProto::decode(MODEL).unwrap();
    let graph = proto.graph.as_mut().unwrap();
    graph.initializer.retain(|t| t.name != "bias");
    let err = Classifier::load(&proto.encode_to_vec()).unwrap_err();
    assert!(err.to_string().contains("`bias` is missing"), "{err}");
}

#[test]
fn bytes_that_are_not_onnx_are_refused() {
    let err = Classifier::load(b"\xff\xff not a model").unwrap_err();
    assert!(matches!(err, LoadError::Onnx(_)), "{err}");
}
