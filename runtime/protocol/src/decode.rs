//! Decoding the runtime's tagged frames ([`ServerMessage`], [`Card`]) in one pass.
//!
//! Both are internally tagged on the wire (`{"type": "ack", …}`, `{"kind": "csat", …}`), and
//! serde's derived `Deserialize` for such an enum cannot know the variant before it has read
//! the tag, which may come last: it buffers the whole object in its generic `Content` tree
//! first, then decodes the variant from that. Correct, but that buffer's decoder is compiled
//! for every field type of every variant, and in the chat panel, where every byte is
//! downloaded by a shopper who just clicked, it was a third of the protocol's code (`Card`
//! alone weighed 28 KB of wasm).
//!
//! Here each enum is read instead as one flat struct holding the tag and every field any
//! variant has (the same name always has the same type across variants), then checked and
//! turned into its variant: a single pass, in any key order, with serde's own messages for a
//! missing field or an unknown tag. The JSON is unchanged and so is what it decodes to; the
//! tests below hold the derived decoders as the reference and compare them on generated
//! frames. (The only JSON read differently is one no kefu writes: a field that belongs to
//! another variant, given twice or with a value of the wrong type, is refused here where
//! the derived decoder ignored it.) Serialising still uses serde's derive.
//!
//! Fields a variant requires are read with [`present`], so `null` is refused where it was;
//! fields that were `Option`s read as `Option`s, so `null` is `None` as it was.

use serde::de::{Deserialize, Deserializer, Error};

use crate::{Author, Card, ChatMessage, ConversationState, PanelWelcome, ServerMessage};

/// Reads a field that is not an `Option` on the wire: `null` is an error, as it was.
fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// A field the variant requires, or serde's "missing field" error.
fn need<T, E: Error>(value: Option<T>, field: &'static str) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(field))
}

/// [`ServerMessage`]'s tag, `type`.
#[derive(serde::Deserialize)]
#[serde(rename_all = "snake_case")]
enum FrameType {
    Welcome,
    Message,
    Ack,
    Error,
}

/// Every field of every [`ServerMessage`] variant ([`ServerMessage::Message`]'s are the
/// [`ChatMessage`]'s).
#[derive(serde::Deserialize)]
struct Frame {
    #[serde(rename = "type")]
    tag: FrameType,
    #[serde(default, deserialize_with = "present")]
    version: Option<u32>,
    #[serde(default, deserialize_with = "present")]
    conversation_id: Option<String>,
    #[serde(default, deserialize_with = "present")]
    state: Option<ConversationState>,
    #[serde(default)]
    agent: Option<String>,
    #[serde(default)]
    welcome: Option<PanelWelcome>,
    #[serde(default, deserialize_with = "present")]
    seq: Option<u64>,
    #[serde(default, deserialize_with = "present")]
    author: Option<Author>,
    #[serde(default, deserialize_with = "present")]
    text: Option<String>,
    #[serde(default, deserialize_with = "present")]
    cards: Option<Vec<Card>>,
    /// Required by `ack`, optional elsewhere: an `ack` with `null` is refused as missing.
    #[serde(default)]
    client_msg_id: Option<String>,
    #[serde(default)]
    intent: Option<String>,
    #[serde(default, deserialize_with = "present")]
    through_seq: Option<u64>,
    #[serde(default, deserialize_with = "present")]
    code: Option<String>,
    #[serde(default, deserialize_with = "present")]
    message: Option<String>,
    #[serde(default)]
    retry_after_secs: Option<u64>,
}

impl<'de> Deserialize<'de> for ServerMessage {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let f = Frame::deserialize(d)?;
        Ok(match f.tag {
            FrameType::Welcome => Self::Welcome {
                version: need(f.version, "version")?,
                conversation_id: need(f.conversation_id, "conversation_id")?,
                state: need(f.state, "state")?,
                agent: f.agent,
                welcome: f.welcome,
            },
            FrameType::Message => Self::Message(ChatMessage {
                seq: need(f.seq, "seq")?,
                author: need(f.author, "author")?,
                text: need(f.text, "text")?,
                cards: f.cards.unwrap_or_default(),
                client_msg_id: f.client_msg_id,
                intent: f.intent,
                state: need(f.state, "state")?,
                agent: f.agent,
            }),
            FrameType::Ack => Self::Ack {
                client_msg_id: need(f.client_msg_id, "client_msg_id")?,
                seq: need(f.seq, "seq")?,
                through_seq: f.through_seq.unwrap_or_default(),
            },
            FrameType::Error => Self::Error {
                code: need(f.code, "code")?,
                message: need(f.message, "message")?,
                client_msg_id: f.client_msg_id,
                retry_after_secs: f.retry_after_secs,
            },
        })
    }
}

/// [`Card`]'s tag, `kind`.
#[derive(serde::Deserialize)]
#[serde(rename_all = "snake_case")]
enum CardKind {
    OrderStatus,
    QuickReplies,
    ContactForm,
    Csat,
    Product,
    ConfirmRefund,
    ConfirmAddress,
    ConfirmCancel,
}

/// Every field of every [`Card`] variant.
#[derive(serde::Deserialize)]
struct CardFields {
    kind: CardKind,
    #[serde(default, deserialize_with = "present")]
    order_id: Option<String>,
    #[serde(default, deserialize_with = "present")]
    status: Option<String>,
    #[serde(default, deserialize_with = "present")]
    status_label: Option<String>,
    #[serde(default)]
    carrier: Option<String>,
    #[serde(default)]
    tracking_number: Option<String>,
    #[serde(default)]
    eta: Option<String>,
    #[serde(default, deserialize_with = "present")]
    options: Option<Vec<String>>,
    #[serde(default, deserialize_with = "present")]
    reply_within: Option<String>,
    #[serde(default, deserialize_with = "present")]
    scale: Option<u8>,
    #[serde(default, deserialize_with = "present")]
    sku: Option<String>,
    #[serde(default, deserialize_with = "present")]
    name: Option<String>,
    #[serde(default, deserialize_with = "present")]
    price_minor: Option<u64>,
    #[serde(default, deserialize_with = "present")]
    currency: Option<String>,
    #[serde(default, deserialize_with = "present")]
    stock: Option<u32>,
    #[serde(default, deserialize_with = "present")]
    action_id: Option<String>,
    #[serde(default, deserialize_with = "present")]
    amount_minor: Option<u64>,
    #[serde(default, deserialize_with = "present")]
    terms: Option<String>,
    #[serde(default, deserialize_with = "present")]
    confirm: Option<String>,
    #[serde(default, deserialize_with = "present")]
    cancel: Option<String>,
    #[serde(default, deserialize_with = "present")]
    address: Option<String>,
}

impl<'de> Deserialize<'de> for Card {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let f = CardFields::deserialize(d)?;
        Ok(match f.kind {
            CardKind::OrderStatus => Self::OrderStatus {
                order_id: need(f.order_id, "order_id")?,
                status: need(f.status, "status")?,
                status_label: need(f.status_label, "status_label")?,
                carrier: f.carrier,
                tracking_number: f.tracking_number,
                eta: f.eta,
            },
            CardKind::QuickReplies => Self::QuickReplies {
                options: need(f.options, "options")?,
            },
            CardKind::ContactForm => Self::ContactForm {
                reply_within: need(f.reply_within, "reply_within")?,
            },
            CardKind::Csat => Self::Csat {
                scale: need(f.scale, "scale")?,
            },
            CardKind::Product => Self::Product {
                sku: need(f.sku, "sku")?,
                name: need(f.name, "name")?,
                price_minor: need(f.price_minor, "price_minor")?,
                currency: need(f.currency, "currency")?,
                stock: need(f.stock, "stock")?,
            },
            CardKind::ConfirmRefund => Self::ConfirmRefund {
                action_id: need(f.action_id, "action_id")?,
                order_id: need(f.order_id, "order_id")?,
                amount_minor: need(f.amount_minor, "amount_minor")?,
                currency: need(f.currency, "currency")?,
                terms: need(f.terms, "terms")?,
                confirm: need(f.confirm, "confirm")?,
                cancel: need(f.cancel, "cancel")?,
            },
            CardKind::ConfirmAddress => Self::ConfirmAddress {
                action_id: need(f.action_id, "action_id")?,
                order_id: need(f.order_id, "order_id")?,
                address: need(f.address, "address")?,
                terms: need(f.terms, "terms")?,
                confirm: need(f.confirm, "confirm")?,
                cancel: need(f.cancel, "cancel")?,
            },
            CardKind::ConfirmCancel => Self::ConfirmCancel {
                action_id: need(f.action_id, "action_id")?,
                order_id: need(f.order_id, "order_id")?,
                amount_minor: need(f.amount_minor, "amount_minor")?,
                currency: need(f.currency, "currency")?,
                terms: need(f.terms, "terms")?,
                confirm: need(f.confirm, "confirm")?,
                cancel: need(f.cancel, "cancel")?,
            },
        })
    }
}

#[cfg(test)]
mod tests {
    //! The reference is serde's derive, as these types had it: the same enums declared again
    //! below with `#[serde(remote = …)]` (a field added to a type and not here fails to
    //! compile). Generated frames are encoded, then mangled the ways a hand-written or older
    //! peer might send them (keys in any order, the tag last, optional keys left out, keys
    //! unknown to us, `null`s), and both decoders must agree: the same value, or both refuse.

    use proptest::prelude::*;
    use serde_json::Value;

    use crate::{
        Author, Card, ChatMessage, ConversationState, OnDeviceConfig, PanelBrand, PanelWelcome,
        PublicFaq, ServerMessage,
    };

    /// The derived decoders these types had.
    mod derived {
        use serde::{Deserialize, Deserializer};

        use crate::{Author, Card, ChatMessage, ConversationState, PanelWelcome, ServerMessage};

        #[derive(Deserialize)]
        #[serde(remote = "ServerMessage", tag = "type", rename_all = "snake_case")]
        pub enum ServerMessageDef {
            Welcome {
                version: u32,
                conversation_id: String,
                state: ConversationState,
                #[serde(default)]
                agent: Option<String>,
                #[serde(default)]
                welcome: Option<PanelWelcome>,
            },
            Message(#[serde(with = "ChatMessageDef")] ChatMessage),
            Ack {
                client_msg_id: String,
                seq: u64,
                #[serde(default)]
                through_seq: u64,
            },
            Error {
                code: String,
                message: String,
                #[serde(default)]
                client_msg_id: Option<String>,
                #[serde(default)]
                retry_after_secs: Option<u64>,
            },
        }

        #[derive(Deserialize)]
        #[serde(remote = "ChatMessage")]
        pub struct ChatMessageDef {
            seq: u64,
            author: Author,
            text: String,
            #[serde(default, deserialize_with = "cards")]
            cards: Vec<Card>,
            #[serde(default)]
            client_msg_id: Option<String>,
            #[serde(default)]
            intent: Option<String>,
            state: ConversationState,
            #[serde(default)]
            agent: Option<String>,
        }

        #[derive(Deserialize)]
        struct DerivedCard(#[serde(with = "CardDef")] Card);

        fn cards<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Card>, D::Error> {
            let cards = Vec::<DerivedCard>::deserialize(d)?;
            Ok(cards.into_iter().map(|c| c.0).collect())
        }

        #[derive(Deserialize)]
        #[serde(remote = "Card", tag = "kind", rename_all = "snake_case")]
        pub enum CardDef {
            OrderStatus {
                order_id: String,
                status: String,
                status_label: String,
                #[serde(default)]
                carrier: Option<String>,
                #[serde(default)]
                tracking_number: Option<String>,
                #[serde(default)]
                eta: Option<String>,
            },
            QuickReplies {
                options: Vec<String>,
            },
            ContactForm {
                reply_within: String,
            },
            Csat {
                scale: u8,
            },
            Product {
                sku: String,
                name: String,
                price_minor: u64,
                currency: String,
                stock: u32,
            },
            ConfirmRefund {
                action_id: String,
                order_id: String,
                amount_minor: u64,
                currency: String,
                terms: String,
                confirm: String,
                cancel: String,
            },
            ConfirmAddress {
                action_id: String,
                order_id: String,
                address: String,
                terms: String,
                confirm: String,
                cancel: String,
            },
            ConfirmCancel {
                action_id: String,
                order_id: String,
                amount_minor: u64,
                currency: String,
                terms: String,
                confirm: String,
                cancel: String,
            },
        }
    }

    fn derived_frame(json: &str) -> Option<ServerMessage> {
        let mut de = serde_json::Deserializer::from_str(json);
        derived::ServerMessageDef::deserialize(&mut de).ok()
    }

    fn derived_card(json: &str) -> Option<Card> {
        let mut de = serde_json::Deserializer::from_str(json);
        derived::CardDef::deserialize(&mut de).ok()
    }

    /// Short strings with the characters JSON escapes, and some that are not ASCII.
    fn text() -> impl Strategy<Value = String> {
        "[a-z0-9 \"\\\\/\n\u{0}é中]{0,6}"
    }

    fn maybe_text() -> impl Strategy<Value = Option<String>> {
        proptest::option::of(text())
    }

    fn state() -> impl Strategy<Value = ConversationState> {
        prop_oneof![
            Just(ConversationState::Bot),
            Just(ConversationState::WaitingForHuman),
            Just(ConversationState::Human),
            Just(ConversationState::Resolved),
        ]
    }

    fn card() -> impl Strategy<Value = Card> {
        prop_oneof![
            (
                text(),
                text(),
                text(),
                maybe_text(),
                maybe_text(),
                maybe_text()
            )
                .prop_map(
                    |(order_id, status, status_label, carrier, tracking_number, eta)| {
                        Card::OrderStatus {
                            order_id,
                            status,
                            status_label,
                            carrier,
                            tracking_number,
                            eta,
                        }
                    }
                ),
            proptest::collection::vec(text(), 0..3)
                .prop_map(|options| Card::QuickReplies { options }),
            text().prop_map(|reply_within| Card::ContactForm { reply_within }),
            any::<u8>().prop_map(|scale| Card::Csat { scale }),
            (text(), text(), any::<u64>(), text(), any::<u32>()).prop_map(
                |(sku, name, price_minor, currency, stock)| Card::Product {
                    sku,
                    name,
                    price_minor,
                    currency,
                    stock,
                }
            ),
            (text(), text(), any::<u64>(), text(), text(), text(), text()).prop_map(
                |(action_id, order_id, amount_minor, currency, terms, confirm, cancel)| {
                    Card::ConfirmRefund {
                        action_id,
                        order_id,
                        amount_minor,
                        currency,
                        terms,
                        confirm,
                        cancel,
                    }
                }
            ),
            (text(), text(), text(), text(), text(), text()).prop_map(
                |(action_id, order_id, address, terms, confirm, cancel)| Card::ConfirmAddress {
                    action_id,
                    order_id,
                    address,
                    terms,
                    confirm,
                    cancel,
                }
            ),
            (text(), text(), any::<u64>(), text(), text(), text(), text()).prop_map(
                |(action_id, order_id, amount_minor, currency, terms, confirm, cancel)| {
                    Card::ConfirmCancel {
                        action_id,
                        order_id,
                        amount_minor,
                        currency,
                        terms,
                        confirm,
                        cancel,
                    }
                }
            ),
        ]
    }

    fn welcome() -> impl Strategy<Value = PanelWelcome> {
        let faq = (text(), text(), maybe_text()).prop_map(|(question, answer, intent)| PublicFaq {
            question,
            answer,
            intent,
        });
        let on_device = (
            any::<bool>(),
            any::<bool>(),
            proptest::collection::vec(faq, 0..2),
            proptest::collection::vec(text(), 0..2),
        )
            .prop_map(|(answers, suggestions, faq, served)| OnDeviceConfig {
                answers,
                suggestions,
                faq,
                served,
            });
        let brand =
            (maybe_text(), maybe_text(), maybe_text()).prop_map(|(color, text_color, logo_url)| {
                PanelBrand {
                    color,
                    text_color,
                    logo_url,
                }
            });
        (
            text(),
            text(),
            proptest::collection::vec(text(), 0..3),
            proptest::option::of(on_device),
            proptest::option::of(brand),
        )
            .prop_map(
                |(shop, greeting, suggestions, on_device, brand)| PanelWelcome {
                    shop,
                    greeting,
                    suggestions,
                    on_device,
                    brand,
                },
            )
    }

    fn frame() -> impl Strategy<Value = ServerMessage> {
        let author = prop_oneof![
            Just(Author::Shopper),
            Just(Author::Bot),
            Just(Author::Agent)
        ];
        prop_oneof![
            (
                any::<u32>(),
                text(),
                state(),
                maybe_text(),
                proptest::option::of(welcome())
            )
                .prop_map(|(version, conversation_id, state, agent, welcome)| {
                    ServerMessage::Welcome {
                        version,
                        conversation_id,
                        state,
                        agent,
                        welcome,
                    }
                }),
            (
                any::<u64>(),
                author,
                text(),
                proptest::collection::vec(card(), 0..3),
                maybe_text(),
                maybe_text(),
                state(),
                maybe_text(),
            )
                .prop_map(
                    |(seq, author, text, cards, client_msg_id, intent, state, agent)| {
                        ServerMessage::Message(ChatMessage {
                            seq,
                            author,
                            text,
                            cards,
                            client_msg_id,
                            intent,
                            state,
                            agent,
                        })
                    }
                ),
            (text(), any::<u64>(), any::<u64>()).prop_map(|(client_msg_id, seq, through_seq)| {
                ServerMessage::Ack {
                    client_msg_id,
                    seq,
                    through_seq,
                }
            }),
            (
                text(),
                text(),
                maybe_text(),
                proptest::option::of(any::<u64>())
            )
                .prop_map(|(code, message, client_msg_id, retry_after_secs)| {
                    ServerMessage::Error {
                        code,
                        message,
                        client_msg_id,
                        retry_after_secs,
                    }
                }),
        ]
    }

    /// What a peer might do to one key of an object.
    #[derive(Debug, Clone, Copy)]
    enum Change {
        Keep,
        Drop,
        Null,
        WrongType,
    }

    fn change() -> impl Strategy<Value = Change> {
        prop_oneof![
            4 => Just(Change::Keep),
            1 => Just(Change::Drop),
            1 => Just(Change::Null),
            1 => Just(Change::WrongType),
        ]
    }

    /// How to mangle an encoded frame: the order of every object's keys (a permutation
    /// seed), what happens to each key, and whether an unknown key is added.
    #[derive(Debug, Clone)]
    struct Mangling {
        order: u64,
        changes: Vec<Change>,
        unknown: bool,
    }

    fn mangling() -> impl Strategy<Value = Mangling> {
        (
            any::<u64>(),
            proptest::collection::vec(change(), 0..64),
            any::<bool>(),
        )
            .prop_map(|(order, changes, unknown)| Mangling {
                order,
                changes,
                unknown,
            })
    }

    /// `value` as JSON text, every object's keys reordered and changed as `m` says.
    fn write(value: &Value, m: &Mangling, next: &mut usize, out: &mut String) {
        match value {
            Value::Object(map) => {
                let mut entries: Vec<(&String, &Value)> = map.iter().collect();
                // A reproducible shuffle: rotate, then maybe reverse.
                let seed = m.order.wrapping_add(*next as u64);
                if !entries.is_empty() {
                    let by = (seed as usize) % entries.len();
                    entries.rotate_left(by);
                }
                if seed & 1 == 1 {
                    entries.reverse();
                }
                let mut parts = Vec::new();
                if m.unknown {
                    parts.push("\"not_a_field\":[1,{\"kind\":\"csat\"}]".to_string());
                }
                for (key, value) in entries {
                    let change = m.changes.get(*next).copied().unwrap_or(Change::Keep);
                    *next += 1;
                    let key = serde_json::to_string(key).unwrap();
                    match change {
                        Change::Keep => {
                            let mut inner = String::new();
                            write(value, m, next, &mut inner);
                            parts.push(format!("{key}:{inner}"));
                        }
                        Change::Drop => {}
                        Change::Null => parts.push(format!("{key}:null")),
                        Change::WrongType => parts.push(format!("{key}:{{}}")),
                    }
                }
                out.push('{');
                out.push_str(&parts.join(","));
                out.push('}');
            }
            Value::Array(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write(item, m, next, out);
                }
                out.push(']');
            }
            other => out.push_str(&other.to_string()),
        }
    }

    fn mangle(value: &impl serde::Serialize, m: &Mangling) -> String {
        let value = serde_json::to_value(value).unwrap();
        let mut out = String::new();
        write(&value, m, &mut 0, &mut out);
        out
    }

    proptest! {
        // Cheap cases (microseconds each), and a mangling that matters hits one key of
        // a few: many of them, whatever `PROPTEST_CASES` says.
        #![proptest_config(ProptestConfig {
            cases: ProptestConfig::default().cases.max(4096),
            ..ProptestConfig::default()
        })]

        #[test]
        fn frames_decode_as_the_derived_decoder_decoded_them(f in frame(), m in mangling()) {
            let json = mangle(&f, &m);
            prop_assert_eq!(serde_json::from_str::<ServerMessage>(&json).ok(), derived_frame(&json), "{}", json);
        }

        #[test]
        fn cards_decode_as_the_derived_decoder_decoded_them(c in card(), m in mangling()) {
            let json = mangle(&c, &m);
            prop_assert_eq!(serde_json::from_str::<Card>(&json).ok(), derived_card(&json), "{}", json);
        }

        #[test]
        fn frames_round_trip(f in frame()) {
            let json = serde_json::to_string(&f).unwrap();
            prop_assert_eq!(serde_json::from_str::<ServerMessage>(&json).unwrap(), f);
        }
    }

    #[test]
    fn the_tag_may_come_last() {
        let ack: ServerMessage =
            serde_json::from_str(r#"{"seq":7,"client_msg_id":"m1","type":"ack"}"#).unwrap();
        assert_eq!(
            ack,
            ServerMessage::Ack {
                client_msg_id: "m1".into(),
                seq: 7,
                through_seq: 0,
            }
        );
        let card: Card = serde_json::from_str(r#"{"scale":5,"kind":"csat"}"#).unwrap();
        assert_eq!(card, Card::Csat { scale: 5 });
    }

    #[test]
    fn a_missing_field_or_an_unknown_tag_is_named() {
        let e = serde_json::from_str::<ServerMessage>(r#"{"type":"ack","seq":1}"#).unwrap_err();
        assert!(
            e.to_string().contains("missing field `client_msg_id`"),
            "{e}"
        );
        let e = serde_json::from_str::<Card>(r#"{"kind":"coupon"}"#).unwrap_err();
        assert!(e.to_string().contains("unknown variant `coupon`"), "{e}");
        let e = serde_json::from_str::<Card>(r#"{"scale":5}"#).unwrap_err();
        assert!(e.to_string().contains("missing field `kind`"), "{e}");
    }

    #[test]
    fn null_is_refused_where_a_value_is_required_and_none_where_optional() {
        let json = r#"{"type":"ack","client_msg_id":"m1","seq":1,"through_seq":null}"#;
        assert!(serde_json::from_str::<ServerMessage>(json).is_err());
        assert!(derived_frame(json).is_none());
        let json = r#"{"type":"error","code":"c","message":"m","client_msg_id":null}"#;
        assert_eq!(
            serde_json::from_str::<ServerMessage>(json).ok(),
            derived_frame(json)
        );
    }
}
