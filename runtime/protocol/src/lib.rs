//! The messages the kefu widget and the kefu runtime exchange over the chat WebSocket.
//!
//! Every frame is one JSON object tagged by `type`. The protocol is versioned by
//! [`PROTOCOL_VERSION`]: the widget states the version it speaks in [`ClientMessage::Hello`]
//! and the runtime refuses versions it does not know with [`ServerMessage::Error`].
//!
//! Delivery rules the types encode:
//! - every message the shopper sends carries a client-chosen [`ClientMessage::Say::client_msg_id`];
//!   resending the same id is answered with the stored result instead of a second turn, so
//!   a widget may resend freely after a reconnect;
//! - every message the runtime persists carries a per-conversation sequence number `seq`,
//!   strictly increasing from 1; a widget resumes with the last `seq` it has seen and gets
//!   everything after it again.
//!
//! This crate depends on serde only: it is compiled into the browser bundle and the server.
#![deny(missing_docs)]

use serde::{Deserialize, Serialize};

mod decode;

/// The protocol version this crate describes.
pub const PROTOCOL_VERSION: u32 = 1;

/// Longest shopper message the runtime accepts, in bytes of UTF-8.
pub const MAX_TEXT_BYTES: usize = 2000;

/// A language kefu speaks to shoppers. Locale tags (`zh-CN`, `en-GB`, …) map onto it;
/// anything not Chinese is answered in English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// English.
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// From a locale tag.
    pub fn from_tag(tag: &str) -> Self {
        if tag.to_ascii_lowercase().starts_with("zh") {
            Self::Zh
        } else {
            Self::En
        }
    }

    /// The short tag (`en`, `zh`) used on the wire and given to plugins.
    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Zh => "zh",
        }
    }
}

/// A frame sent by the widget.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ClientMessage {
    /// First frame on every connection: start a conversation or resume one.
    Hello {
        /// The protocol version the widget speaks.
        version: u32,
        /// The conversation to resume, if the widget has one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        conversation_id: Option<String>,
        /// The highest `seq` the widget has already shown; the runtime replays the rest.
        #[serde(default)]
        last_seq: u64,
        /// The shopper's preferred locale (`en`, `zh`, …).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        locale: Option<String>,
        /// Who the shopper is, as the merchant's page vouches (`kefu('identify', …)`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        identity: Option<SignedIdentity>,
    },
    /// The shopper sent a message.
    Say {
        /// Client-chosen id, unique per conversation; makes resending idempotent.
        client_msg_id: String,
        /// What the shopper typed.
        text: String,
        /// The locale the widget is showing.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        locale: Option<String>,
        /// The widget's own classification of `text`, if its model was ready.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        hint: Option<IntentHint>,
    },
    /// The shopper pressed a button of a confirmation card ([`Card::ConfirmRefund`],
    /// [`Card::ConfirmCancel`], [`Card::ConfirmAddress`]). It names the card's action, so a
    /// stale card, or one in another tab, can never confirm a different action: the runtime
    /// carries out `action_id` only while it is the action awaiting confirmation. (A typed
    /// "yes" in a `say` confirms only the action on the latest card.)
    Confirm {
        /// Client-chosen id, as for `say`.
        client_msg_id: String,
        /// The card's `action_id`.
        action_id: String,
        /// `true` for the confirm button, `false` for the one that declines.
        accept: bool,
        /// The button's label, stored as what the shopper said.
        text: String,
        /// The locale the widget is showing.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        locale: Option<String>,
    },
    /// The shopper filled in a [`Card::ContactForm`]: nobody could answer live, so the
    /// team replies by email. The runtime checks the address and opens a ticket.
    Contact {
        /// Client-chosen id, as for `say`: resending it never opens a second ticket.
        client_msg_id: String,
        /// Where the team should reply (at most [`MAX_EMAIL_BYTES`]).
        email: String,
        /// What the shopper wants to add (optional, at most [`MAX_TEXT_BYTES`]).
        #[serde(default)]
        message: String,
        /// The locale the widget is showing.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        locale: Option<String>,
    },
    /// The shopper answered a [`Card::Csat`] question.
    Rate {
        /// Client-chosen id, as for `say`.
        client_msg_id: String,
        /// From 1 (bad) to [`CSAT_SCALE`] (great).
        score: u8,
        /// The locale the widget is showing.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        locale: Option<String>,
    },
}

impl ClientMessage {
    /// The client-chosen id of a frame that stores something (`say`, `confirm`, `contact`,
    /// `rate`).
    pub fn client_msg_id(&self) -> Option<&str> {
        match self {
            Self::Hello { .. } => None,
            Self::Say { client_msg_id, .. }
            | Self::Confirm { client_msg_id, .. }
            | Self::Contact { client_msg_id, .. }
            | Self::Rate { client_msg_id, .. } => Some(client_msg_id),
        }
    }
}

/// Longest email address a contact form accepts, in bytes (RFC 5321's path limit).
pub const MAX_EMAIL_BYTES: usize = 254;

/// The highest satisfaction score; scores run from 1 to this.
pub const CSAT_SCALE: u8 = 5;

/// The [`ChatMessage::intent`] the runtime records on a shopper's contact-form answer and
/// on its confirmation. Not a model label: the form, not the classifier, decided it. The
/// widget shows a form followed by one as sent; the agent console leaves such messages out
/// of "teach the bot" (plain JS, so a runtime test checks it spells the same value).
pub const CONTACT_INTENT: &str = "contact";

/// The [`ChatMessage::intent`] recorded on a shopper's rating and on its thanks; like
/// [`CONTACT_INTENT`] for the rating card and the console.
pub const CSAT_INTENT: &str = "csat";

/// A shopper identity signed by the merchant's server, so kefu can trust it without a
/// login of its own: `signature` is the lower-case hex HMAC-SHA256, keyed with the
/// merchant's identity secret, of `"{merchant}|{email}|{expires}"`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedIdentity {
    /// The shopper's email, as the merchant knows it.
    pub email: String,
    /// Unix seconds after which the signature is no longer accepted.
    pub expires: u64,
    /// Hex HMAC-SHA256 (see above).
    pub signature: String,
}

/// What the in-browser model thought of a message. The runtime treats it as a hint only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IntentHint {
    /// The most likely intent label.
    pub intent: String,
    /// Its probability.
    pub confidence: f32,
    /// The best few labels with their probabilities, best first.
    #[serde(default)]
    pub top: Vec<(String, f32)>,
}

/// The panel's welcome: the shop's name, its greeting and the questions it suggests. Panel
/// text, shown above the conversation: never a stored message.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PanelWelcome {
    /// The shop's name.
    pub shop: String,
    /// The greeting.
    pub greeting: String,
    /// Questions a shopper can send with one click (at most [`MAX_SUGGESTIONS`]).
    #[serde(default)]
    pub suggestions: Vec<String>,
    /// What the panel may do with the intent model on the shopper's device, and what it
    /// needs for it (`None`: nothing; an older runtime).
    #[serde(default)]
    pub on_device: Option<OnDeviceConfig>,
    /// The shop's colour and logo (`None`: kefu's own look).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand: Option<PanelBrand>,
}

/// The shop's look in the panel, as the merchant set it in their settings.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PanelBrand {
    /// The brand colour, `#rrggbb`: the background of the header, the send button and the
    /// shopper's own messages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// The text colour on it, `#rrggbb`, chosen by the runtime for WCAG AA contrast.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_color: Option<String>,
    /// The shop's logo, an https URL, shown in the header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo_url: Option<String>,
}

/// What the panel may do on the shopper's device, as the merchant set it, with the shop's
/// public FAQ in the shopper's language. The device's answers are a preview of the
/// runtime's, found by the same code (`kefu_intent::faq`); the runtime still answers and
/// records every message.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct OnDeviceConfig {
    /// Answer questions the public FAQ answers, in the panel, as they are sent.
    pub answers: bool,
    /// Suggest actions while the shopper types.
    pub suggestions: bool,
    /// The entries the merchant marked public, in the shopper's language.
    #[serde(default)]
    pub faq: Vec<PublicFaq>,
    /// The intents the shop's plugins answer: the FAQ does not answer these.
    #[serde(default)]
    pub served: Vec<String>,
}

/// An FAQ entry the merchant published (the JSON of `kefu_intent::faq::PublicEntry`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicFaq {
    /// The question as the merchant wrote it.
    pub question: String,
    /// The answer, given verbatim.
    pub answer: String,
    /// The intent it answers, if tied to one.
    #[serde(default)]
    pub intent: Option<String>,
}

/// The most questions a [`PanelWelcome`] suggests.
pub const MAX_SUGGESTIONS: usize = 4;

/// A frame sent by the runtime. Its `Deserialize` is written out in `decode.rs`: the same
/// JSON, read in one pass instead of through serde's buffer for internally tagged enums.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ServerMessage {
    /// Answer to [`ClientMessage::Hello`].
    Welcome {
        /// The protocol version the runtime speaks.
        version: u32,
        /// The conversation this connection belongs to (new or resumed).
        conversation_id: String,
        /// Who is answering right now.
        state: ConversationState,
        /// The name of the human agent in charge, when `state` is `human`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        agent: Option<String>,
        /// What the panel shows before the first message, in the hello's language.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        welcome: Option<PanelWelcome>,
    },
    /// A persisted message of the conversation (shopper's or bot's or agent's).
    Message(ChatMessage),
    /// The shopper message `client_msg_id` was stored as `seq`.
    Ack {
        /// The id the widget chose.
        client_msg_id: String,
        /// Where it was stored.
        seq: u64,
        /// The messages that follow this ack, through this `seq`, are the turn's: the
        /// shopper's message and whatever answered it (nothing, if a human is in charge).
        #[serde(default)]
        through_seq: u64,
    },
    /// Something the widget sent was refused; nothing was stored.
    Error {
        /// A stable machine-readable code (`too_long`, `bad_frame`, …).
        code: String,
        /// A sentence a person can act on.
        message: String,
        /// The refused `say`, if the refusal is about one.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        client_msg_id: Option<String>,
        /// With `rate_limited`: the seconds to wait before sending again (the refused frame
        /// was not stored, so it may be sent again as is). Absent otherwise, and ignored by
        /// widgets that predate it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        retry_after_secs: Option<u64>,
    },
}

/// Who is in charge of a conversation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConversationState {
    /// The bot answers.
    Bot,
    /// A human was asked for; the bot stays quiet until one claims the conversation.
    WaitingForHuman,
    /// A human agent answers.
    Human,
    /// The conversation is over.
    Resolved,
}

impl ConversationState {
    /// The name used on the wire and in storage.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Bot => "bot",
            Self::WaitingForHuman => "waiting_for_human",
            Self::Human => "human",
            Self::Resolved => "resolved",
        }
    }

    /// Parses [`Self::as_str`]'s output.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "bot" => Self::Bot,
            "waiting_for_human" => Self::WaitingForHuman,
            "human" => Self::Human,
            "resolved" => Self::Resolved,
            _ => return None,
        })
    }
}

/// Who wrote a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Author {
    /// The shopper.
    Shopper,
    /// The kefu bot.
    Bot,
    /// A human agent.
    Agent,
}

/// One message of a conversation as stored and shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChatMessage {
    /// Position in the conversation, from 1.
    pub seq: u64,
    /// Who wrote it.
    pub author: Author,
    /// Plain text (never HTML).
    pub text: String,
    /// Structured content to render below the text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cards: Vec<Card>,
    /// For shopper messages, the id the widget chose.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_msg_id: Option<String>,
    /// For bot messages, the intent the bot answered; for shopper messages, what the
    /// runtime classified them as (`contact` and `csat` for form and rating answers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intent: Option<String>,
    /// Who is in charge after this message.
    pub state: ConversationState,
    /// The human agent's display name: on agent messages, and on the notice that an agent
    /// joined.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agent: Option<String>,
}

/// Structured content in a message. Its `Deserialize` is written out in `decode.rs`, like
/// [`ServerMessage`]'s.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Card {
    /// The status of one order, as the merchant's orders plugin reported it.
    OrderStatus {
        /// The merchant's order number.
        order_id: String,
        /// Machine-readable status (`processing`, `shipped`, `delivered`, `cancelled`, …).
        status: String,
        /// The status in the shopper's language.
        status_label: String,
        /// Carrier name, once shipped.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        carrier: Option<String>,
        /// Tracking number, once shipped.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        tracking_number: Option<String>,
        /// Expected delivery date (ISO 8601), if known.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        eta: Option<String>,
    },
    /// Buttons that send their label as the shopper's next message.
    QuickReplies {
        /// The labels, in order.
        options: Vec<String>,
    },
    /// Nobody can answer live: an email field and an optional message, answered with
    /// [`ClientMessage::Contact`]. Done once a later message has intent `contact`.
    ContactForm {
        /// When the team replies, in the shopper's language ("within 24 hours").
        reply_within: String,
    },
    /// "How did we do?": buttons 1 to `scale`, answered with [`ClientMessage::Rate`].
    /// Done once a later message has intent `csat`.
    Csat {
        /// The highest score ([`CSAT_SCALE`]).
        scale: u8,
    },
    /// A product from the merchant's catalogue.
    Product {
        /// Stock-keeping unit.
        sku: String,
        /// Name in the shopper's language.
        name: String,
        /// Price in minor units.
        price_minor: u64,
        /// ISO 4217.
        currency: String,
        /// Units in stock (0: sold out).
        stock: u32,
    },
    /// A refund the merchant's plugin proposes; nothing moves until the shopper confirms.
    /// The buttons answer with a [`ClientMessage::Confirm`] naming `action_id`.
    ConfirmRefund {
        /// The proposed action, as the runtime stored it.
        action_id: String,
        /// The order refunded.
        order_id: String,
        /// Exactly how much, in minor units.
        amount_minor: u64,
        /// ISO 4217.
        currency: String,
        /// What the shopper agrees to, in their language.
        terms: String,
        /// Label of the button that confirms.
        confirm: String,
        /// Label of the button that declines.
        cancel: String,
    },
    /// Sending an order that has not shipped to a new address, proposed by the merchant's
    /// plugin; nothing changes until the shopper confirms.
    ConfirmAddress {
        /// The proposed action.
        action_id: String,
        /// The order.
        order_id: String,
        /// The new address.
        address: String,
        /// What happens, in the shopper's language.
        terms: String,
        /// Label of the button that confirms.
        confirm: String,
        /// Label of the button that declines.
        cancel: String,
    },
    /// Cancelling an order that has not shipped, proposed by the merchant's plugin; the
    /// order stays until the shopper confirms. Buttons as for [`Card::ConfirmRefund`].
    ConfirmCancel {
        /// The proposed action.
        action_id: String,
        /// The order.
        order_id: String,
        /// What the shopper gets back, in minor units.
        amount_minor: u64,
        /// ISO 4217.
        currency: String,
        /// What happens, in the shopper's language.
        terms: String,
        /// Label of the button that cancels the order.
        confirm: String,
        /// Label of the button that keeps it.
        cancel: String,
    },
}

/// `amount_minor` of `currency` the way a shopper reads it: `$22.00`, `22.00 EUR`,
/// `¥88.00`. Two decimal places for every currency kefu handles.
pub fn format_money(amount_minor: u64, currency: &str) -> String {
    let number = format!("{}.{:02}", amount_minor / 100, amount_minor % 100);
    match currency {
        "USD" => format!("${number}"),
        "CNY" => format!("¥{number}"),
        "GBP" => format!("£{number}"),
        "EUR" => format!("€{number}"),
        other => format!("{number} {other}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_formatted_with_two_decimals() {
        assert_eq!(format_money(2200, "USD"), "$22.00");
        assert_eq!(format_money(5, "EUR"), "€0.05");
        assert_eq!(format_money(123_456, "CHF"), "1234.56 CHF");
    }

    #[test]
    fn client_frames_round_trip_through_json() {
        let say = ClientMessage::Say {
            client_msg_id: "m1".into(),
            text: "where is my order 1001?".into(),
            locale: Some("en".into()),
            hint: Some(IntentHint {
                intent: "track_order".into(),
                confidence: 0.9,
                top: vec![("track_order".into(), 0.9)],
            }),
        };
        let json = serde_json::to_string(&say).unwrap();
        assert!(json.starts_with(r#"{"type":"say""#), "{json}");
        assert_eq!(serde_json::from_str::<ClientMessage>(&json).unwrap(), say);
        let confirm: ClientMessage = serde_json::from_str(
            r#"{"type":"confirm","client_msg_id":"m2","action_id":"a1","accept":true,"text":"Confirm refund"}"#,
        )
        .unwrap();
        assert_eq!(confirm.client_msg_id(), Some("m2"));
        assert!(
            matches!(confirm, ClientMessage::Confirm { ref action_id, accept: true, .. } if action_id == "a1")
        );
    }

    #[test]
    fn hello_without_optional_fields_is_accepted() {
        let hello: ClientMessage = serde_json::from_str(r#"{"type":"hello","version":1}"#).unwrap();
        assert_eq!(
            hello,
            ClientMessage::Hello {
                version: 1,
                conversation_id: None,
                last_seq: 0,
                locale: None,
                identity: None,
            }
        );
    }

    #[test]
    fn cards_are_tagged_by_kind() {
        let card = Card::QuickReplies {
            options: vec!["Talk to a human".into()],
        };
        assert_eq!(
            serde_json::to_string(&card).unwrap(),
            r#"{"kind":"quick_replies","options":["Talk to a human"]}"#
        );
    }

    #[test]
    fn contact_and_rating_frames_have_their_own_types() {
        let contact: ClientMessage = serde_json::from_str(
            r#"{"type":"contact","client_msg_id":"c1","email":"jane@example.com"}"#,
        )
        .unwrap();
        assert_eq!(contact.client_msg_id(), Some("c1"));
        assert!(
            matches!(contact, ClientMessage::Contact { ref message, .. } if message.is_empty())
        );
        let rate = ClientMessage::Rate {
            client_msg_id: "r1".into(),
            score: 5,
            locale: None,
        };
        let json = serde_json::to_string(&rate).unwrap();
        assert_eq!(json, r#"{"type":"rate","client_msg_id":"r1","score":5}"#);
        let card = Card::Csat { scale: CSAT_SCALE };
        assert_eq!(
            serde_json::to_string(&card).unwrap(),
            r#"{"kind":"csat","scale":5}"#
        );
    }

    #[test]
    fn an_error_frame_without_a_wait_reads_as_before() {
        // What a runtime that predates `retry_after_secs` sends, and what this one sends for
        // every refusal but `rate_limited`: the field is absent both ways.
        let old = r#"{"type":"error","code":"too_long","message":"too long","client_msg_id":"m1"}"#;
        let frame: ServerMessage = serde_json::from_str(old).unwrap();
        assert!(matches!(
            frame,
            ServerMessage::Error {
                retry_after_secs: None,
                ..
            }
        ));
        assert_eq!(serde_json::to_string(&frame).unwrap(), old);
        let limited = ServerMessage::Error {
            code: "rate_limited".into(),
            message: "wait".into(),
            client_msg_id: Some("m2".into()),
            retry_after_secs: Some(4),
        };
        let json = serde_json::to_string(&limited).unwrap();
        assert!(json.ends_with(r#""retry_after_secs":4}"#), "{json}");
        assert_eq!(
            serde_json::from_str::<ServerMessage>(&json).unwrap(),
            limited
        );
    }

    #[test]
    fn locale_tags_map_to_languages() {
        assert_eq!(Lang::from_tag("zh-CN"), Lang::Zh);
        assert_eq!(Lang::from_tag("ZH"), Lang::Zh);
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag("fr"), Lang::En);
        assert_eq!(Lang::from_tag(Lang::Zh.tag()), Lang::Zh);
    }

    #[test]
    fn states_parse_what_they_print() {
        for s in [
            ConversationState::Bot,
            ConversationState::WaitingForHuman,
            ConversationState::Human,
            ConversationState::Resolved,
        ] {
            assert_eq!(ConversationState::parse(s.as_str()), Some(s));
        }
    }
}
