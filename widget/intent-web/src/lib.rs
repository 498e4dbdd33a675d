//! kefu-intent for the browser: a thin wasm-bindgen wrapper, loaded in a Web Worker by the
//! widget (`widget/static/intent-worker.js`). It is its own wasm bundle because tract is
//! megabytes: the chat panel must not wait for it.
#![deny(missing_docs)]

use kefu_intent::Classifier;
use wasm_bindgen::prelude::*;

/// A loaded intent model.
#[wasm_bindgen]
#[derive(Debug)]
pub struct IntentModel {
    inner: Classifier,
}

#[wasm_bindgen]
impl IntentModel {
    /// Loads the ONNX model bytes (`intent.onnx`).
    #[wasm_bindgen(constructor)]
    pub fn new(onnx: &[u8]) -> Result<IntentModel, JsError> {
        Ok(Self {
            inner: Classifier::load(onnx)?,
        })
    }

    /// Classifies `text`; returns the prediction as JSON
    /// (`{"intent", "confidence", "top": [[label, p], …]}`), the same as the runtime's.
    pub fn classify(&self, text: &str) -> String {
        serde_json::to_string(&self.inner.classify(text)).expect("predictions serialise")
    }
}
