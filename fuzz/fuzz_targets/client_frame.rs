//! A WebSocket frame from anyone: decoding never panics, and what decodes re-encodes.
#![no_main]

use kefu_protocol::ClientMessage;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(message) = serde_json::from_slice::<ClientMessage>(data) {
        let json = serde_json::to_string(&message).expect("a decoded frame encodes");
        let _ = serde_json::from_str::<ClientMessage>(&json);
    }
});
