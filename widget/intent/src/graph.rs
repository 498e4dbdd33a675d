//! The intent graph, built with tract-core from the weights of the ONNX file.
//!
//! The trainer writes one fixed graph (`widget/model/src/onnx.rs`):
//!
//! ```text
//! ids: int64[N], weights: float[1, N]
//! probs = Softmax(MatMul(MatMul(weights, Cast<float>(Gather(codes, ids))), output) + bias)
//! ```
//!
//! Rather than handing the file to tract-onnx's parser, this module checks that the file holds
//! exactly that graph and wires the same tract-core operators the parser would produce
//! (`Gather`, `Cast`, two `EinSum`s, `Add`, `Softmax`). Why: the browser runs this crate too,
//! and tract-onnx's operator registry (every ONNX operator, with tract-hir's inference
//! machinery behind it) was three quarters of the in-browser model runtime's download
//! although the model uses six operators; with the graph built here the linker keeps only
//! what these six need. The ONNX file stays the one format the repository, the runtime and
//! the browser share; its protobuf is decoded with prost ([`crate::onnx`]), which costs a few
//! kilobytes. Any other graph is refused with a message naming the
//! first difference, never run approximately. A native test checks that this graph gives
//! bit-for-bit the probabilities tract-onnx's parser gives for the shipped model.

use tract_core::internal::*;
use tract_core::ops::array::Gather;
use tract_core::ops::cast::cast;
use tract_core::ops::einsum::EinSum;
use tract_core::ops::math::add;
use tract_core::ops::nn::Softmax;

use crate::onnx::{FLOAT, GraphProto, INT8, NodeProto, TensorProto};

/// The graph's operators in order: (ONNX op type, inputs, output).
const NODES: [(&str, &[&str], &str); 6] = [
    ("Gather", &["codes", "ids"], "row_codes"),
    ("Cast", &["row_codes"], "rows"),
    ("MatMul", &["weights", "rows"], "pooled"),
    ("MatMul", &["pooled", "output"], "scores"),
    ("Add", &["scores", "bias"], "logits"),
    ("Softmax", &["logits"], "probs"),
];

/// Why a graph is not the intent graph: the first difference found.
pub type Mismatch = String;

/// The typed tract model for `graph`, not yet optimised, with inputs `ids` and `weights`
/// and the output `probs`.
pub fn build(graph: &GraphProto) -> Result<TypedModel, Mismatch> {
    check_nodes(&graph.node)?;
    let codes = initializer(graph, "codes", INT8)?;
    let output = initializer(graph, "output", FLOAT)?;
    let bias = initializer(graph, "bias", FLOAT)?;
    let (&[buckets, dim], &[out_dim, labels], &[bias_len]) =
        (&codes.0[..], &output.0[..], &bias.0[..])
    else {
        return Err("initializers `codes` and `output` must be matrices, `bias` a vector".into());
    };
    if out_dim != dim || bias_len != labels || buckets == 0 || labels == 0 {
        return Err(format!(
            "initializer shapes do not chain: codes {buckets}x{dim}, output \
             {out_dim}x{labels}, bias {bias_len}"
        ));
    }
    let codes: Vec<i8> = codes.1.iter().map(|&b| b as i8).collect();
    let codes = Tensor::from_shape(&[buckets, dim], &codes).map_err(|e| e.to_string())?;
    let output = Tensor::from_shape(&[dim, labels], &f32s(output.1)).map_err(|e| e.to_string())?;
    // ONNX broadcasts the bias over the batch axis; a typed graph wants equal ranks.
    let bias = Tensor::from_shape(&[1, labels], &f32s(bias.1)).map_err(|e| e.to_string())?;
    wire(codes, output, bias).map_err(|e| format!("{e:#}"))
}

fn wire(codes: Tensor, output: Tensor, bias: Tensor) -> TractResult<TypedModel> {
    let mut model = TypedModel::default();
    let n = model.symbols.sym("N").to_dim();
    let ids = model.add_source("ids", i64::fact([n.clone()]))?;
    let weights = model.add_source("weights", f32::fact([1.to_dim(), n]))?;
    let codes = model.add_const("codes", codes)?;
    let output = model.add_const("output", output)?;
    let bias = model.add_const("bias", bias)?;
    let matmul =
        || -> TractResult<EinSum> { Ok(EinSum::new("mk,kn->mn".parse()?, f32::datum_type())) };
    let row_codes = model.wire_node("row_codes", Gather::new(0), &[codes, ids])?;
    let rows = model.wire_node("rows", cast(f32::datum_type()), &row_codes)?;
    let pooled = model.wire_node("pooled", matmul()?, &[weights, rows[0]])?;
    let scores = model.wire_node("scores", matmul()?, &[pooled[0], output])?;
    let logits = model.wire_node("logits", add(), &[scores[0], bias])?;
    let softmax = Softmax {
        axes: tvec![1],
        ..Softmax::default()
    };
    let probs = model.wire_node("probs", softmax, &logits)?;
    model.select_output_outlets(&probs)?;
    Ok(model)
}

fn check_nodes(nodes: &[NodeProto]) -> Result<(), Mismatch> {
    if nodes.len() != NODES.len() {
        return Err(format!(
            "{} operators, the intent graph has {}",
            nodes.len(),
            NODES.len()
        ));
    }
    for (node, (op, inputs, output)) in nodes.iter().zip(NODES) {
        if node.op_type != op || node.input != inputs || node.output != [output] {
            return Err(format!(
                "operator `{}` {:?} -> {:?} where the intent graph has `{op}` {inputs:?} -> {output}",
                node.op_type, node.input, node.output
            ));
        }
    }
    let gather_axis = attr(&nodes[0], "axis").unwrap_or(0);
    let cast_to = attr(&nodes[1], "to");
    let softmax_axis = attr(&nodes[5], "axis").unwrap_or(-1);
    if gather_axis != 0 || cast_to != Some(FLOAT as i64) || !matches!(softmax_axis, -1 | 1) {
        return Err(
            "Gather must take axis 0, Cast go to float, Softmax run over the labels".into(),
        );
    }
    Ok(())
}

fn attr(node: &NodeProto, name: &str) -> Option<i64> {
    node.attribute.iter().find(|a| a.name == name).map(|a| a.i)
}

/// An initializer's shape and raw little-endian bytes, checked for type and length.
fn initializer<'g>(
    graph: &'g GraphProto,
    name: &str,
    data_type: i32,
) -> Result<(Vec<usize>, &'g [u8]), Mismatch> {
    let tensor: &TensorProto = graph
        .initializer
        .iter()
        .find(|t| t.name == name)
        .ok_or_else(|| format!("initializer `{name}` is missing"))?;
    let width = if data_type == INT8 { 1 } else { 4 };
    let shape: Vec<usize> = tensor.dims.iter().map(|&d| d.max(0) as usize).collect();
    let len = shape.iter().product::<usize>() * width;
    if tensor.data_type != data_type || tensor.raw_data.len() != len {
        return Err(format!(
            "initializer `{name}` must be {} {shape:?} in raw_data ({len} bytes)",
            if data_type == INT8 { "int8" } else { "float" }
        ));
    }
    Ok((shape, &tensor.raw_data))
}

fn f32s(bytes: &[u8]) -> Vec<f32> {
    bytes
        .chunks_exact(4)
        .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect()
}
