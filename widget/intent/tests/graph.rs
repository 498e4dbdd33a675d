//! The classifier builds the intent graph itself from the ONNX file's weights (so the
//! browser bundle needs no ONNX parser): it must compute exactly what tract-onnx's own parser
//! computes for the shipped model, and refuse any other graph.
//!
//! `cargo test -p kefu-intent --test graph`

use kefu_intent::{Classifier, Features, FeaturizerConfig, LoadError, featurize};
use prost::Message as _;
use tract_onnx::pb::ModelProto;
use tract_onnx::prelude::*;

const MODEL: &[u8] = include_bytes!("../../model/intent.onnx");

const MESSAGES: &[&str] = &[
    "where is my order 1001?",
    "我的订单1001到哪了",
    "I want to talk to a human",
    "转人工",
    "can I get my money back",
    "what is the weather tomorrow",
    "hello",
    "",
    "is the grey hoodie in stock, and when does the sale end? I need it by friday!!!",
    "发票怎么开",
];

/// The probabilities tract-onnx's parser gives, for the same features.
fn by_onnx_parser(classifier: &Classifier, text: &str) -> Vec<f32> {
    parser_on(&classifier.features(text))
}

/// The probabilities tract-onnx's parser gives for `features`.
fn parser_on(features: &Features) -> Vec<f32> {
    let plan = tract_onnx::onnx()
        .model_for_read(&mut std::io::Cursor::new(MODEL))
        .and_then(|m| m.into_optimized())
        .and_then(|m| m.into_runnable())
        .expect("tract-onnx loads the shipped model");
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

#[test]
fn the_built_graph_gives_the_onnx_parsers_probabilities_bit_for_bit() {
    let classifier = Classifier::load(MODEL).unwrap();
    for text in MESSAGES {
        let ours: Vec<u32> = classifier
            .probabilities(text)
            .iter()
            .map(|p| p.to_bits())
            .collect();
        let theirs: Vec<u32> = by_onnx_parser(&classifier, text)
            .iter()
            .map(|p| p.to_bits())
            .collect();
        assert_eq!(ours, theirs, "probabilities for {text:?}");
    }
}

#[test]
fn padding_to_a_length_bucket_changes_no_prediction() {
    // The classifier pads a message's rows to a fixed length at weight 0; the parser on the
    // bare rows must agree to float rounding, and every padded length is one of a few.
    let classifier = Classifier::load(MODEL).unwrap();
    let proto = ModelProto::decode(MODEL).unwrap();
    let config: FeaturizerConfig = serde_json::from_str(
        &proto
            .metadata_props
            .iter()
            .find(|p| p.key == "kefu.featurizer")
            .unwrap()
            .value,
    )
    .unwrap();
    let long = "where is my order ".repeat(60);
    for text in MESSAGES.iter().copied().chain([long.as_str()]) {
        let bare = featurize(text, &config);
        let padded = classifier.features(text);
        assert!(padded.ids.len() >= bare.ids.len());
        assert!(
            padded.ids.len().is_power_of_two() && padded.ids.len() >= 16,
            "{}",
            padded.ids.len()
        );
        assert_eq!(&padded.ids[..bare.ids.len()], &bare.ids[..]);
        let (ours, theirs) = (classifier.probabilities(text), parser_on(&bare));
        for (a, b) in ours.iter().zip(&theirs) {
            assert!((a - b).abs() <= 1e-6, "{text:?}: {a} vs {b}");
        }
    }
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
