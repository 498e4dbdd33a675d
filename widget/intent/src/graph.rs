//! The intent graph, evaluated directly from the weights of the ONNX file.
//!
//! The trainer writes one fixed graph (`widget/model/src/onnx.rs`):
//!
//! ```text
//! ids: int64[N], weights: float[1, N]
//! probs = Softmax(MatMul(MatMul(weights, Cast<float>(Gather(codes, ids))), output) + bias)
//! ```
//!
//! This module checks that the file holds exactly that graph and computes it: gather a row
//! of int8 codes per feature, sum the rows by weight, one dense layer, softmax. Any other
//! graph is refused with a message naming the first difference, never run approximately.
//!
//! Why not a general inference engine: the browser runs this crate too, and tract-core
//! alone was 865 KB of the in-browser model's download (gzipped) for these six operators.
//! Its graph machinery reaches every operator's code through their vtables (an einsum can
//! become a convolution, a reduction, a scan), so the linker could not drop any of them.
//! The computation here is a few dozen lines with one order of summation, so the browser and
//! the runtime compute the same bits; the exponential comes from `libm`, the same code on
//! both. tract-onnx stays the reference: `tests/graph.rs` checks every sentence of the
//! evaluation sets against tract-onnx's own parser and runtime on the shipped model.

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

/// The intent graph's weights, checked to chain.
#[derive(Debug, Clone)]
pub struct Graph {
    /// `buckets` rows of `dim` int8 codes, row after row.
    codes: Vec<i8>,
    /// The embedding's width.
    dim: usize,
    /// `dim` rows of `labels` weights.
    output: Vec<f32>,
    /// One per label.
    bias: Vec<f32>,
}

/// Why the graph could not run on an input.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum RunError {
    /// `ids` and `weights` differ in length.
    #[error("{ids} ids but {weights} weights")]
    Lengths {
        /// How many ids.
        ids: usize,
        /// How many weights.
        weights: usize,
    },
    /// An id names no row of the embedding (ONNX's Gather refuses it too).
    #[error("id {id} is outside the embedding's {buckets} rows")]
    OutOfRange {
        /// The id.
        id: i64,
        /// How many rows there are.
        buckets: usize,
    },
}

impl Graph {
    /// The graph in `graph`, if it is the intent graph.
    pub fn build(graph: &GraphProto) -> Result<Self, Mismatch> {
        check_nodes(&graph.node)?;
        let codes = initializer(graph, "codes", INT8)?;
        let output = initializer(graph, "output", FLOAT)?;
        let bias = initializer(graph, "bias", FLOAT)?;
        let (&[buckets, dim], &[out_dim, labels], &[bias_len]) =
            (&codes.0[..], &output.0[..], &bias.0[..])
        else {
            return Err(
                "initializers `codes` and `output` must be matrices, `bias` a vector".into(),
            );
        };
        if out_dim != dim || bias_len != labels || buckets == 0 || dim == 0 || labels == 0 {
            return Err(format!(
                "initializer shapes do not chain: codes {buckets}x{dim}, output \
                 {out_dim}x{labels}, bias {bias_len}"
            ));
        }
        Ok(Self {
            codes: codes.1.iter().map(|&b| b as i8).collect(),
            dim,
            output: f32s(output.1),
            bias: f32s(bias.1),
        })
    }

    /// How many rows the embedding has: the featurizer's buckets.
    pub fn buckets(&self) -> usize {
        self.codes.len() / self.dim
    }

    /// How many labels the graph scores.
    pub fn labels(&self) -> usize {
        self.bias.len()
    }

    /// The probability of every label for one message's features.
    pub fn run(&self, ids: &[i64], weights: &[f32]) -> Result<Vec<f32>, RunError> {
        if ids.len() != weights.len() {
            return Err(RunError::Lengths {
                ids: ids.len(),
                weights: weights.len(),
            });
        }
        // pooled = weights · Cast(Gather(codes, ids)), summed in feature order.
        let buckets = self.buckets();
        let mut pooled = vec![0f32; self.dim];
        for (&id, &weight) in ids.iter().zip(weights) {
            // ONNX's Gather counts negative indices from the end.
            let row = if id < 0 { id + buckets as i64 } else { id };
            if !(0..buckets as i64).contains(&row) {
                return Err(RunError::OutOfRange { id, buckets });
            }
            let start = row as usize * self.dim;
            for (sum, &code) in pooled.iter_mut().zip(&self.codes[start..start + self.dim]) {
                *sum += weight * f32::from(code);
            }
        }
        // logits = pooled · output + bias
        let labels = self.labels();
        let mut logits = vec![0f32; labels];
        for (&p, row) in pooled.iter().zip(self.output.chunks_exact(labels)) {
            for (logit, &w) in logits.iter_mut().zip(row) {
                *logit += p * w;
            }
        }
        for (logit, &b) in logits.iter_mut().zip(&self.bias) {
            *logit += b;
        }
        Ok(softmax(logits))
    }
}

/// Softmax over `logits`, shifted by their maximum so no exponential overflows.
fn softmax(mut logits: Vec<f32>) -> Vec<f32> {
    let max = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut sum = 0f32;
    for l in &mut logits {
        *l = libm::expf(*l - max);
        sum += *l;
    }
    for l in &mut logits {
        *l /= sum;
    }
    logits
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Four rows of two codes, three labels.
    fn graph() -> Graph {
        Graph {
            codes: vec![1, 0, 0, 1, -1, 2, 127, -128],
            dim: 2,
            output: vec![1.0, 0.0, -1.0, 0.0, 1.0, 0.5],
            bias: vec![0.0, 0.0, 0.25],
        }
    }

    #[test]
    fn computes_softmax_of_the_weighted_rows_through_the_dense_layer() {
        // pooled = 0.5·[1, 0] + 0.5·[-1, 2] = [0, 1]; logits = [0, 1, 0.5 + 0.25]
        let probs = graph().run(&[0, 2], &[0.5, 0.5]).unwrap();
        let e = [1f32, 1f32.exp(), 0.75f32.exp()];
        let sum: f32 = e.iter().sum();
        for (p, e) in probs.iter().zip(e) {
            assert!((p - e / sum).abs() < 1e-6, "{probs:?}");
        }
    }

    #[test]
    fn a_negative_id_counts_from_the_end_as_in_onnx() {
        assert_eq!(graph().run(&[-1], &[1.0]), graph().run(&[3], &[1.0]));
    }

    #[test]
    fn an_id_outside_the_rows_or_unequal_lengths_are_refused() {
        assert_eq!(
            graph().run(&[4], &[1.0]),
            Err(RunError::OutOfRange { id: 4, buckets: 4 })
        );
        assert_eq!(
            graph().run(&[-5], &[1.0]),
            Err(RunError::OutOfRange { id: -5, buckets: 4 })
        );
        assert_eq!(
            graph().run(&[0, 1], &[1.0]),
            Err(RunError::Lengths { ids: 2, weights: 1 })
        );
    }

    #[test]
    fn large_logits_do_not_overflow() {
        let mut g = graph();
        g.bias = vec![1e4, 0.0, -1e4];
        let probs = g.run(&[], &[]).unwrap();
        assert_eq!(probs, vec![1.0, 0.0, 0.0]);
    }
}
