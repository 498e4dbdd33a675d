//! What nodes tell each other over NATS: small JSON notes, each signed with the sending
//! node's id (a node drops its own echoes), on subjects under [`PREFIX`].
//!
//! A note about messages says only which conversation and up to which `seq`: never the
//! text. The receiving socket reads the messages from the store, which is the record (so a
//! note that is late, repeated, or even forged by something else on the NATS network cannot
//! make a shopper see a message that was not committed), and shoppers' words never cross
//! the message bus.

use serde::{Deserialize, Serialize};

use super::roster::Counts;
use super::{Change, Event};

/// Every subject kefu uses starts with this; a node subscribes to `kefu.bus.>`.
pub(super) const PREFIX: &str = "kefu.bus";

/// One note, as sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct Envelope {
    /// The sending node's id (random per process).
    pub(super) node: String,
    /// What it says.
    #[serde(flatten)]
    pub(super) body: Body,
}

/// What a note says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub(super) enum Body {
    /// Messages of a conversation were committed, through `through_seq`.
    Stored {
        merchant: String,
        conversation_id: String,
        through_seq: u64,
    },
    /// Something agents see changed without a message.
    Changed {
        merchant: String,
        conversation_id: String,
        what: Change,
    },
    /// The sender's open consoles per merchant (the whole set: on change and as a heartbeat).
    Presence { online: Counts },
    /// The sender is stopping: forget its consoles now rather than at expiry.
    Leaving,
    /// The sender deployed, activated or rolled back a plugin of `merchant`.
    Plugins { merchant: String },
    /// The sender may have failed to tell everything (its queue overflowed, it was
    /// disconnected): every node catches its subscribers up from the store.
    Resync,
}

impl Body {
    /// The note telling other nodes about `event`, committed here for `merchant`; `None`
    /// for what is not told (nothing stored, or a note that came from another node).
    pub(super) fn of_event(merchant: &str, event: &Event) -> Option<Self> {
        match event {
            Event::Messages {
                conversation_id,
                messages,
            } => Some(Self::Stored {
                merchant: merchant.to_string(),
                conversation_id: conversation_id.clone(),
                through_seq: messages.iter().map(|m| m.seq).max()?,
            }),
            Event::Changed {
                conversation_id,
                what,
            } => Some(Self::Changed {
                merchant: merchant.to_string(),
                conversation_id: conversation_id.clone(),
                what: *what,
            }),
            Event::Stored { .. } => None,
        }
    }

    /// The local event a note about a conversation becomes, with its merchant.
    pub(super) fn into_event(self) -> Option<(String, Event)> {
        match self {
            Self::Stored {
                merchant,
                conversation_id,
                through_seq,
            } => Some((
                merchant,
                Event::Stored {
                    conversation_id,
                    through_seq,
                },
            )),
            Self::Changed {
                merchant,
                conversation_id,
                what,
            } => Some((
                merchant,
                Event::Changed {
                    conversation_id,
                    what,
                },
            )),
            _ => None,
        }
    }

    /// The subject the note is published on (by kind, so `nats sub 'kefu.bus.presence'`
    /// watches one kind).
    pub(super) fn subject(&self) -> String {
        let kind = match self {
            Self::Stored { .. } | Self::Changed { .. } => "conversation",
            Self::Presence { .. } | Self::Leaving => "presence",
            Self::Plugins { .. } => "plugins",
            Self::Resync => "resync",
        };
        format!("{PREFIX}.{kind}")
    }
}

/// The bytes of `body` sent by `node`.
pub(super) fn encode(node: &str, body: Body) -> Vec<u8> {
    let envelope = Envelope {
        node: node.to_string(),
        body,
    };
    serde_json::to_vec(&envelope).expect("notes serialise")
}

/// A note as received; an error for what no kefu node sends (another program on the
/// subject, a newer node's new kind of note).
pub(super) fn decode(bytes: &[u8]) -> Result<Envelope, serde_json::Error> {
    serde_json::from_slice(bytes)
}

#[cfg(test)]
mod tests {
    use kefu_protocol::{Author, ChatMessage, ConversationState};

    use super::*;

    fn message(seq: u64) -> ChatMessage {
        ChatMessage {
            seq,
            author: Author::Agent,
            text: "your parcel left today".into(),
            cards: vec![],
            client_msg_id: None,
            intent: None,
            state: ConversationState::Human,
            agent: Some("Ada".into()),
        }
    }

    #[test]
    fn a_note_about_messages_names_the_last_seq_and_carries_no_text() {
        let event = Event::Messages {
            conversation_id: "c1".into(),
            messages: vec![message(4), message(5)],
        };
        let body = Body::of_event("demo", &event).unwrap();
        let bytes = encode("node-a", body.clone());
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(!text.contains("parcel") && !text.contains("Ada"), "{text}");
        let back = decode(&bytes).unwrap();
        assert_eq!(back.node, "node-a");
        assert_eq!(back.body, body);
        assert_eq!(body.subject(), "kefu.bus.conversation");
        assert_eq!(
            back.body.into_event(),
            Some((
                "demo".to_string(),
                Event::Stored {
                    conversation_id: "c1".into(),
                    through_seq: 5
                }
            ))
        );
    }

    #[test]
    fn changes_travel_and_notes_from_other_nodes_are_never_passed_on() {
        let changed = Event::Changed {
            conversation_id: "c1".into(),
            what: Change::Ticket,
        };
        let body = Body::of_event("demo", &changed).unwrap();
        let back = decode(&encode("a", body)).unwrap().body.into_event();
        assert_eq!(back, Some(("demo".to_string(), changed)));
        let remote = Event::Stored {
            conversation_id: "c1".into(),
            through_seq: 3,
        };
        assert_eq!(Body::of_event("demo", &remote), None);
        let nothing = Event::Messages {
            conversation_id: "c1".into(),
            messages: vec![],
        };
        assert_eq!(Body::of_event("demo", &nothing), None);
    }

    #[test]
    fn every_kind_round_trips_and_unknown_kinds_are_refused() {
        let online: Counts = [("demo".to_string(), 2)].into_iter().collect();
        for body in [
            Body::Presence { online },
            Body::Leaving,
            Body::Plugins {
                merchant: "demo".into(),
            },
            Body::Resync,
        ] {
            assert_eq!(decode(&encode("n", body.clone())).unwrap().body, body);
        }
        assert!(decode(br#"{"node":"n","kind":"teleport"}"#).is_err());
        assert!(decode(b"hello").is_err());
    }
}
