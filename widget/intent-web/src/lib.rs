//! kefu-intent for the browser: a thin wasm-bindgen wrapper, loaded in a Web Worker by the
//! widget (`widget/static/intent-worker.js`). It is its own wasm bundle because the model
//! is 440 KB: the chat panel must not wait for it.
//!
//! Besides classifying, it holds the shop's public FAQ (from the panel's welcome) and finds
//! the entry answering a draft with [`kefu_intent::faq`], the code the runtime answers with.
#![deny(missing_docs)]

use kefu_intent::faq::{Faq, PublicEntry};
use kefu_intent::slots::{self, SlotKind};
use kefu_intent::{Classifier, Prediction};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// A loaded intent model.
#[wasm_bindgen]
#[derive(Debug)]
pub struct IntentModel {
    inner: Classifier,
    /// Prepared when the shop's FAQ arrives, not for every draft.
    faq: Faq<PublicEntry>,
    served: Vec<String>,
}

/// The shop's FAQ as the panel passes it on (the welcome's `on_device`).
#[derive(Deserialize)]
struct Shop {
    #[serde(default)]
    faq: Vec<PublicEntry>,
    #[serde(default)]
    served: Vec<String>,
}

/// What the model made of a message.
#[derive(Serialize)]
struct Understood<'a> {
    prediction: Prediction,
    /// The first order number in it.
    order: Option<&'a str>,
    /// The public FAQ entry the runtime would answer it with.
    faq: Option<&'a PublicEntry>,
}

/// Messages of several lengths and both scripts the model classifies [`WARM_UP_ROUNDS`]
/// times when it loads, in the worker, before any shopper types: the browser compiles wasm
/// in a quick tier first and optimises the functions that run hot on other threads, and
/// until it has, a classification can wait for a core (2 to 8 ms on a 2-core machine).
const WARM_UP: &[&str] = &[
    "hi",
    "where is my order 1001?",
    "我的订单到哪了",
    "can I return the hoodie, it is too small and the colour is not what I expected",
    "do you ship to canada and how long does it take, I need it before the 20th",
    "转人工",
    "退款多久到账？我已经等了一个星期了，订单号1002",
    "is the steel bottle in stock",
];

/// How often each [`WARM_UP`] message is classified at load.
const WARM_UP_ROUNDS: usize = 40;

#[wasm_bindgen]
impl IntentModel {
    /// Loads the ONNX model bytes (`intent.onnx`) and warms it ([`WARM_UP`]).
    #[wasm_bindgen(constructor)]
    pub fn new(onnx: &[u8]) -> Result<IntentModel, JsError> {
        let model = Self {
            inner: Classifier::load(onnx)?,
            faq: Faq::default(),
            served: Vec::new(),
        };
        for _ in 0..WARM_UP_ROUNDS {
            for text in WARM_UP {
                std::hint::black_box(model.classify(text));
            }
        }
        Ok(model)
    }

    /// Takes the shop's public FAQ and the intents its plugins serve, as JSON
    /// (`{"faq": [{"question", "answer", "intent"}], "served": [...]}`).
    #[wasm_bindgen(js_name = setShop)]
    pub fn set_shop(&mut self, json: &str) -> Result<(), JsError> {
        let shop: Shop = serde_json::from_str(json)?;
        self.faq = Faq::new(shop.faq);
        self.served = shop.served;
        Ok(())
    }

    /// Classifies `text` and finds what the panel offers for it; returns JSON
    /// `{"prediction": {…}, "order": "1001" | null, "faq": {"question", "answer", "intent"} | null}`.
    pub fn understand(&self, text: &str) -> String {
        let prediction = self.inner.classify(text);
        let found = slots::extract(text);
        let entry = self.faq.answering(text, &prediction.intent, &self.served);
        let understood = Understood {
            order: slots::first(&found, SlotKind::OrderNumber),
            faq: entry,
            prediction,
        };
        serde_json::to_string(&understood).expect("understandings serialise")
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
