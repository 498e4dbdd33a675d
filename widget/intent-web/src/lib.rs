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

    /// The model's input for `text` (what the featurizer feeds the ONNX graph), for running
    /// the same model in another ONNX runtime (the benchmark compares against
    /// onnxruntime-web this way).
    pub fn featurize(&self, text: &str) -> WebFeatures {
        let f = self.inner.features(text);
        WebFeatures {
            ids: f.ids,
            weights: f.weights,
        }
    }

    /// Classifies `text`; returns the prediction as JSON
    /// (`{"intent", "confidence", "top": [[label, p], …]}`), the same as the runtime's.
    pub fn classify(&self, text: &str) -> String {
        serde_json::to_string(&self.inner.classify(text)).expect("predictions serialise")
    }
}

/// Featurizer output: embedding rows and their weights.
#[wasm_bindgen]
#[derive(Debug)]
pub struct WebFeatures {
    ids: Vec<i64>,
    weights: Vec<f32>,
}

#[wasm_bindgen]
impl WebFeatures {
    /// Embedding rows (the ONNX input `ids`, int64).
    #[wasm_bindgen(getter)]
    pub fn ids(&self) -> Vec<i64> {
        self.ids.clone()
    }

    /// Their weights (the ONNX input `weights`, float32, shape `[1, N]`).
    #[wasm_bindgen(getter)]
    pub fn weights(&self) -> Vec<f32> {
        self.weights.clone()
    }
}
