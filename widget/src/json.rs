//! JSON through the browser's own parser and printer (`JSON.parse`, `JSON.stringify`) and
//! serde's derives over the JS values: no JSON parser of the panel's own in its download.
//! Values are read by [`crate::from_js`] and written by serde-wasm-bindgen.

use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;

/// `text` parsed as JSON into a `T`, if it is one.
pub fn parse<T: DeserializeOwned>(text: &str) -> Option<T> {
    from_js(js_sys::JSON::parse(text).ok()?)
}

/// A JS value (a worker's message, a parsed frame) read as a `T`, if it is one.
pub fn from_js<T: DeserializeOwned>(value: JsValue) -> Option<T> {
    crate::from_js::read(value).ok()
}

/// `value` as a plain JS value: objects, not `Map`s, and numbers, as JSON has them.
pub fn to_js<T: Serialize>(value: &T) -> Option<JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .ok()
}

/// `value` as JSON text.
pub fn stringify<T: Serialize>(value: &T) -> Option<String> {
    js_sys::JSON::stringify(&to_js(value)?)
        .ok()
        .map(String::from)
}
