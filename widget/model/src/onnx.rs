//! Writes trained [`Weights`] as a self-describing ONNX model with tract-onnx's own protobuf
//! types, so the trainer needs no Python and no second ONNX library.

use kefu_intent::metadata_keys;
use prost::Message;
use tract_onnx::pb::{
    AttributeProto, GraphProto, ModelProto, NodeProto, OperatorSetIdProto, StringStringEntryProto,
    TensorProto, TensorShapeProto, TypeProto, ValueInfoProto, attribute_proto::AttributeType,
    tensor_proto::DataType, tensor_shape_proto::Dimension, tensor_shape_proto::dimension,
    type_proto,
};

use crate::data::LABELS;
use crate::train::{Quantized, Weights};

/// An initializer: `raw_data` is the values in little-endian order.
fn tensor(name: &str, dims: &[usize], data_type: DataType, raw_data: Vec<u8>) -> TensorProto {
    TensorProto {
        name: name.into(),
        dims: dims.iter().map(|&d| d as i64).collect(),
        data_type: data_type as i32,
        raw_data,
        ..Default::default()
    }
}

fn f32_bytes(values: &[f32]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

fn value_info(name: &str, elem: DataType, dims: &[Option<usize>]) -> ValueInfoProto {
    let dim = dims
        .iter()
        .map(|d| Dimension {
            value: Some(match d {
                Some(n) => dimension::Value::DimValue(*n as i64),
                None => dimension::Value::DimParam("N".into()),
            }),
            ..Default::default()
        })
        .collect();
    ValueInfoProto {
        name: name.into(),
        r#type: Some(TypeProto {
            value: Some(type_proto::Value::TensorType(type_proto::Tensor {
                elem_type: elem as i32,
                shape: Some(TensorShapeProto { dim }),
            })),
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn node(op: &str, inputs: &[&str], output: &str, attribute: Vec<AttributeProto>) -> NodeProto {
    NodeProto {
        op_type: op.into(),
        name: output.into(),
        input: inputs.iter().map(|s| s.to_string()).collect(),
        output: vec![output.into()],
        attribute,
        ..Default::default()
    }
}

fn int_attr(name: &str, i: i64) -> AttributeProto {
    AttributeProto {
        name: name.into(),
        r#type: AttributeType::Int as i32,
        i,
        ..Default::default()
    }
}

/// Encodes `w`, with its embedding stored as `q`, as ONNX bytes.
///
/// Graph: `ids: int64[N]`, `weights: float[1, N]` →
/// `probs = Softmax(MatMul(MatMul(weights, Cast<float>(Gather(codes, ids))), output) + bias)`.
/// The embedding's column scales live in `output` (see [`Weights::quantize`]).
pub fn encode(w: &Weights, q: &Quantized, threshold: f32) -> Vec<u8> {
    let buckets = w.featurizer.buckets as usize;
    let labels = LABELS.len();
    let graph = GraphProto {
        name: "kefu-intent".into(),
        node: vec![
            node(
                "Gather",
                &["codes", "ids"],
                "row_codes",
                vec![int_attr("axis", 0)],
            ),
            node(
                "Cast",
                &["row_codes"],
                "rows",
                vec![int_attr("to", DataType::Float as i64)],
            ),
            node("MatMul", &["weights", "rows"], "pooled", vec![]),
            node("MatMul", &["pooled", "output"], "scores", vec![]),
            node("Add", &["scores", "bias"], "logits", vec![]),
            node("Softmax", &["logits"], "probs", vec![int_attr("axis", -1)]),
        ],
        initializer: vec![
            tensor(
                "codes",
                &[buckets, w.dim],
                DataType::Int8,
                q.codes.iter().map(|&c| c as u8).collect(),
            ),
            tensor(
                "output",
                &[w.dim, labels],
                DataType::Float,
                f32_bytes(&w.output),
            ),
            tensor("bias", &[labels], DataType::Float, f32_bytes(&w.bias)),
        ],
        input: vec![
            value_info("ids", DataType::Int64, &[None]),
            value_info("weights", DataType::Float, &[Some(1), None]),
        ],
        output: vec![value_info(
            "probs",
            DataType::Float,
            &[Some(1), Some(labels)],
        )],
        ..Default::default()
    };
    let meta = |key: &str, value: String| StringStringEntryProto {
        key: key.into(),
        value,
    };
    let model = ModelProto {
        ir_version: 8,
        opset_import: vec![OperatorSetIdProto {
            domain: String::new(),
            version: 13,
        }],
        producer_name: "kefu-model".into(),
        producer_version: env!("CARGO_PKG_VERSION").into(),
        doc_string: "kefu shop-intent classifier (fastText-style, hashed features)".into(),
        graph: Some(graph),
        metadata_props: vec![
            meta(
                metadata_keys::LABELS,
                serde_json::to_string(LABELS).expect("labels serialise"),
            ),
            meta(
                metadata_keys::FEATURIZER,
                serde_json::to_string(&w.featurizer).expect("config serialises"),
            ),
            meta(metadata_keys::THRESHOLD, format!("{threshold}")),
        ],
        ..Default::default()
    };
    model.encode_to_vec()
}
