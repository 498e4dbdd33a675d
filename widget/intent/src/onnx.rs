//! The part of ONNX's protobuf schema the intent model's file uses (`onnx.proto3`, field
//! numbers as there): the graph's operators, its weights and the model's metadata.
//!
//! Declared here rather than taken from tract-onnx (whose generated types the trainer writes
//! with) so this crate does not link tract-onnx: linking it brings tract-nnef, whose start-up
//! registration keeps every tract operator in the browser bundle (`crate::graph` says why
//! that matters). Fields this crate does not read are skipped by the decoder, as protobuf
//! allows; `tests/graph.rs` decodes the shipped model with both schemas.

/// `onnx.ModelProto`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct ModelProto {
    /// The computation.
    #[prost(message, optional, tag = "7")]
    pub graph: Option<GraphProto>,
    /// Named strings: kefu keeps its labels and featurizer settings here.
    #[prost(message, repeated, tag = "14")]
    pub metadata_props: Vec<StringStringEntryProto>,
}

/// `onnx.StringStringEntryProto`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct StringStringEntryProto {
    /// The entry's name.
    #[prost(string, tag = "1")]
    pub key: String,
    /// Its value.
    #[prost(string, tag = "2")]
    pub value: String,
}

/// `onnx.GraphProto`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct GraphProto {
    /// The operators, in topological order.
    #[prost(message, repeated, tag = "1")]
    pub node: Vec<NodeProto>,
    /// The constant tensors (weights).
    #[prost(message, repeated, tag = "5")]
    pub initializer: Vec<TensorProto>,
}

/// `onnx.NodeProto`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct NodeProto {
    /// Names of the values it reads.
    #[prost(string, repeated, tag = "1")]
    pub input: Vec<String>,
    /// Names of the values it writes.
    #[prost(string, repeated, tag = "2")]
    pub output: Vec<String>,
    /// The ONNX operator (`Gather`, `MatMul`…).
    #[prost(string, tag = "4")]
    pub op_type: String,
    /// Its attributes.
    #[prost(message, repeated, tag = "5")]
    pub attribute: Vec<AttributeProto>,
}

/// `onnx.AttributeProto`, integer attributes only (the only kind the intent graph has).
#[derive(Clone, PartialEq, prost::Message)]
pub struct AttributeProto {
    /// The attribute's name.
    #[prost(string, tag = "1")]
    pub name: String,
    /// Its value, when it is an integer.
    #[prost(int64, tag = "3")]
    pub i: i64,
}

/// `onnx.TensorProto`, with its values in `raw_data` (how the trainer writes them).
#[derive(Clone, PartialEq, prost::Message)]
pub struct TensorProto {
    /// The shape.
    #[prost(int64, repeated, tag = "1")]
    pub dims: Vec<i64>,
    /// The element type, a `TensorProto.DataType` number ([`INT8`], [`FLOAT`]).
    #[prost(int32, tag = "2")]
    pub data_type: i32,
    /// The tensor's name.
    #[prost(string, tag = "8")]
    pub name: String,
    /// The values, little-endian.
    #[prost(bytes = "vec", tag = "9")]
    pub raw_data: Vec<u8>,
}

/// `TensorProto.DataType.FLOAT`.
pub const FLOAT: i32 = 1;
/// `TensorProto.DataType.INT8`.
pub const INT8: i32 = 3;
