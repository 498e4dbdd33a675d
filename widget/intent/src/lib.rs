//! kefu's intent model: what a shopper's message is about, computed the same way in the
//! shopper's browser (wasm32) and in the runtime (native).
//!
//! - [`featurize`] turns text into hashed sparse features; the trainer, the runtime and the
//!   widget all call it, so they cannot drift apart.
//! - [`Classifier`] loads the trained ONNX model (which carries its labels, featurizer
//!   parameters and out-of-scope threshold in its metadata) and runs it with tract.
//! - [`slots`] finds the values the conversation engine needs, with their positions: order
//!   numbers, emails, phone numbers, amounts of money, and mentions of the shop's products.
//! - [`signals`] scores frustration and sarcasm ("oh great, another delay", "呵呵"), from
//!   readable rules and a small learned [`tone`] model.
//! - [`topics`] recognises by meaning what the labels do not cover: sensitive topics a
//!   person must handle, urgency, and what went wrong with a delivery.
//! - [`language`] tells English, Chinese and mixed messages apart; [`pinyin`] reads Chinese
//!   typed in pinyin ("wo xiang tui kuan") as the characters the models were trained on.
//! - [`asks`] tells what a product question asks: its price, its stock or how it fits.
//! - [`faq`] finds the merchant's FAQ entry answering a message, the same in the runtime and
//!   in the browser.
//!
//! This crate deliberately knows nothing about browsers (no web-sys) or servers: the widget
//! wraps it with wasm-bindgen, the runtime calls it directly.
#![deny(missing_docs)]

pub mod asks;
pub mod faq;
pub mod featurize;
pub mod payments;
pub mod pinyin;
pub mod places;
pub mod signals;
pub mod slots;
pub mod tone;
pub mod topics;

mod classifier;
mod graph;
mod language;
mod onnx;

pub use classifier::{Classifier, LoadError, Prediction, metadata_keys};
pub use featurize::{FEATURIZER_VERSION, Features, FeaturizerConfig, featurize};
pub use language::{Language, language};

/// The label for messages no shop intent covers.
pub const OUT_OF_SCOPE: &str = "out_of_scope";
