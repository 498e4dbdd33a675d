//! Decoding frames from the network never panics, whatever arrives: random bytes, random
//! text, and valid frames mutated one edit at a time; and every valid frame survives a round
//! trip through JSON unchanged.
//!
//! Cases per property: 256, or `PROPTEST_CASES` (`PROPTEST_CASES=100000 cargo test -p
//! kefu-protocol --test decode` for a long run).

use kefu_protocol::{ClientMessage, IntentHint, ServerMessage, SignedIdentity};
use proptest::prelude::*;

/// Any string a widget (or anyone with a WebSocket client) could send, biased towards the
/// characters JSON is made of so that many inputs get past the first byte.
fn jsonish() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        proptest::collection::vec(
            prop_oneof![
                Just("{".to_string()),
                Just("}".to_string()),
                Just("[".to_string()),
                Just("]".to_string()),
                Just("\"".to_string()),
                Just(":".to_string()),
                Just(",".to_string()),
                Just("\\u0000".to_string()),
                Just("\"type\"".to_string()),
                Just("\"say\"".to_string()),
                Just("\"hello\"".to_string()),
                Just("\"text\"".to_string()),
                Just("1e999".to_string()),
                Just("-0".to_string()),
                Just("18446744073709551616".to_string()),
                "[a-z_]{1,12}",
                any::<char>().prop_map(String::from),
            ],
            0..40,
        )
        .prop_map(|parts| parts.concat()),
    ]
}

fn text() -> impl Strategy<Value = String> {
    // Arbitrary unicode, NULs and all.
    any::<String>()
}

fn finite() -> impl Strategy<Value = f32> {
    -1.0e6f32..1.0e6
}

fn hint() -> impl Strategy<Value = IntentHint> {
    (
        text(),
        finite(),
        proptest::collection::vec((text(), finite()), 0..4),
    )
        .prop_map(|(intent, confidence, top)| IntentHint {
            intent,
            confidence,
            top,
        })
}

/// Any valid client frame.
fn client_message() -> impl Strategy<Value = ClientMessage> {
    let identity =
        (text(), any::<u64>(), text()).prop_map(|(email, expires, signature)| SignedIdentity {
            email,
            expires,
            signature,
        });
    prop_oneof![
        (
            any::<u32>(),
            proptest::option::of(text()),
            any::<u64>(),
            proptest::option::of(text()),
            proptest::option::of(identity),
        )
            .prop_map(|(version, conversation_id, last_seq, locale, identity)| {
                ClientMessage::Hello {
                    version,
                    conversation_id,
                    last_seq,
                    locale,
                    identity,
                }
            }),
        (
            text(),
            text(),
            proptest::option::of(text()),
            proptest::option::of(hint())
        )
            .prop_map(|(client_msg_id, text, locale, hint)| ClientMessage::Say {
                client_msg_id,
                text,
                locale,
                hint,
            }),
        (text(), text(), text(), proptest::option::of(text())).prop_map(
            |(client_msg_id, email, message, locale)| ClientMessage::Contact {
                client_msg_id,
                email,
                message,
                locale,
            }
        ),
        (text(), any::<u8>(), proptest::option::of(text())).prop_map(
            |(client_msg_id, score, locale)| ClientMessage::Rate {
                client_msg_id,
                score,
                locale,
            }
        ),
    ]
}

/// One edit of a JSON text: a byte range deleted, a string inserted, or a byte replaced.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize, usize),
    Insert(usize, String),
    Replace(usize, u8),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    proptest::collection::vec(
        prop_oneof![
            (any::<usize>(), 1..8usize).prop_map(|(at, n)| Edit::Delete(at, n)),
            (any::<usize>(), jsonish()).prop_map(|(at, s)| Edit::Insert(at, s)),
            (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Edit::Replace(at, b)),
        ],
        1..4,
    )
}

/// `json` with `edits` applied, as bytes (an edit may break UTF-8: so can the network).
fn mutate(json: &str, edits: &[Edit]) -> Vec<u8> {
    let mut bytes = json.as_bytes().to_vec();
    for edit in edits {
        let len = bytes.len().max(1);
        match edit {
            Edit::Delete(at, n) => {
                let start = at % len;
                let end = (start + n).min(bytes.len());
                bytes.drain(start.min(end)..end);
            }
            Edit::Insert(at, s) => {
                let at = at % (bytes.len() + 1);
                bytes.splice(at..at, s.bytes());
            }
            Edit::Replace(at, b) => {
                if !bytes.is_empty() {
                    bytes[at % len] = *b;
                }
            }
        }
    }
    bytes
}

proptest! {
    #[test]
    fn random_text_never_panics_the_decoder(input in jsonish()) {
        let _ = serde_json::from_str::<ClientMessage>(&input);
        let _ = serde_json::from_str::<ServerMessage>(&input);
    }

    #[test]
    fn random_bytes_never_panic_the_decoder(input in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = serde_json::from_slice::<ClientMessage>(&input);
        let _ = serde_json::from_slice::<ServerMessage>(&input);
    }

    #[test]
    fn valid_frames_round_trip(message in client_message()) {
        let json = serde_json::to_string(&message).unwrap();
        let back: ClientMessage = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, message);
    }

    #[test]
    fn mutated_frames_decode_or_fail_cleanly(message in client_message(), edits in edits()) {
        let json = serde_json::to_string(&message).unwrap();
        let bytes = mutate(&json, &edits);
        match serde_json::from_slice::<ClientMessage>(&bytes) {
            // Whatever decodes is a frame like any other: it encodes and decodes again.
            Ok(decoded) => {
                let again = serde_json::to_string(&decoded).unwrap();
                prop_assert_eq!(serde_json::from_str::<ClientMessage>(&again).unwrap(), decoded);
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }
}

/// Deeply nested input is refused by the parser's recursion limit, not by a stack overflow.
#[test]
fn deeply_nested_frames_are_refused_not_overflowed() {
    for depth in [200, 10_000, 100_000] {
        let json = format!(
            "{{\"type\":\"say\",\"client_msg_id\":\"m\",\"text\":\"x\",\"hint\":{}{}}}",
            "[".repeat(depth),
            "]".repeat(depth)
        );
        assert!(serde_json::from_str::<ClientMessage>(&json).is_err());
    }
}
