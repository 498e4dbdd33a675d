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
//! Here one small visitor ([`Tagged`]) reads the object once, in any key order, into a slot
//! per field name given in a table (a name has the same type in every variant that has it),
//! and each enum turns its slots into the variant its tag names, with serde's own errors for
//! a missing field, a field given twice or an unknown tag. Serialising still uses serde's
//! derive, so the JSON is unchanged, and so is what it decodes to: the tests below hold the
//! derived decoders as the reference and compare them on generated frames. The only JSON
//! read differently is JSON no kefu writes: a frame or card written as an array (serde's
//! derive read `["csat", 5]` as a card), and a field that belongs to another variant, given
//! twice or with a value of the wrong type, are refused here where the derive took them.
//!
//! Required fields refuse `null`, as they did; fields that were `Option`s read `null` as
//! `None`, as they did.

use serde::de::{Deserialize, Deserializer, Error, IgnoredAny, MapAccess, Visitor};

use crate::{Author, Card, ChatMessage, ConversationState, PanelWelcome, ServerMessage};

/// How a field is read: a field of a given name has the same type in every variant.
#[derive(Clone, Copy)]
enum Ty {
    /// A string; `null` refused.
    Str,
    /// A string or `null` (`None`).
    OptStr,
    /// A number that fits a `u8`, a `u32` or a `u64`.
    U8,
    U32,
    U64,
    /// A `u64` or `null` (`None`).
    OptU64,
    /// A list of strings.
    Strs,
    State,
    Author,
    /// A [`PanelWelcome`] or `null`.
    Welcome,
    /// A list of [`Card`]s.
    Cards,
}

/// A field's value, as its [`Ty`] read it.
enum Val {
    Str(String),
    OptStr(Option<String>),
    Num(u64),
    OptNum(Option<u64>),
    Strs(Vec<String>),
    State(ConversationState),
    Author(Author),
    Welcome(Option<PanelWelcome>),
    Cards(Vec<Card>),
}

/// An object tagged by `tag` whose fields, across all variants, are `fields`.
struct Tagged {
    tag: &'static str,
    fields: &'static [(&'static str, Ty)],
}

/// What [`Tagged`] read: the tag's value and each field's, by its place in `fields`.
struct Read {
    tag: String,
    fields: &'static [(&'static str, Ty)],
    vals: Vec<Option<Val>>,
}

impl<'de> Visitor<'de> for Tagged {
    type Value = Read;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Read, A::Error> {
        let mut tag = None;
        let mut vals: Vec<Option<Val>> = self.fields.iter().map(|_| None).collect();
        while let Some(key) = map.next_key::<String>()? {
            if key == self.tag {
                if tag.is_some() {
                    return Err(A::Error::duplicate_field(self.tag));
                }
                tag = Some(map.next_value::<String>()?);
                continue;
            }
            let Some(i) = self.fields.iter().position(|(name, _)| *name == key) else {
                map.next_value::<IgnoredAny>()?;
                continue;
            };
            let (name, ty) = self.fields[i];
            if vals[i].is_some() {
                return Err(A::Error::duplicate_field(name));
            }
            vals[i] = Some(match ty {
                Ty::Str => Val::Str(map.next_value()?),
                Ty::OptStr => Val::OptStr(map.next_value()?),
                Ty::U8 => Val::Num(map.next_value::<u8>()?.into()),
                Ty::U32 => Val::Num(map.next_value::<u32>()?.into()),
                Ty::U64 => Val::Num(map.next_value()?),
                Ty::OptU64 => Val::OptNum(map.next_value()?),
                Ty::Strs => Val::Strs(map.next_value()?),
                Ty::State => Val::State(map.next_value()?),
                Ty::Author => Val::Author(map.next_value()?),
                Ty::Welcome => Val::Welcome(map.next_value()?),
                Ty::Cards => Val::Cards(map.next_value()?),
            });
        }
        let tag = tag.ok_or_else(|| A::Error::missing_field(self.tag))?;
        Ok(Read {
            tag,
            fields: self.fields,
            vals,
        })
    }
}

impl Read {
    /// Takes the field `name`'s value (`None` when absent).
    fn take(&mut self, name: &'static str) -> Option<Val> {
        let i = self.fields.iter().position(|(n, _)| *n == name)?;
        self.vals[i].take()
    }

    fn missing<E: Error>(name: &'static str) -> E {
        E::missing_field(name)
    }

    fn str<E: Error>(&mut self, name: &'static str) -> Result<String, E> {
        match self.take(name) {
            Some(Val::Str(s)) => Ok(s),
            _ => Err(Self::missing(name)),
        }
    }

    /// An optional string: absent or `null` is `None`.
    fn opt(&mut self, name: &'static str) -> Option<String> {
        match self.take(name) {
            Some(Val::OptStr(s)) => s,
            _ => None,
        }
    }

    /// A string optional here that another variant requires (`client_msg_id`).
    fn req<E: Error>(&mut self, name: &'static str) -> Result<String, E> {
        self.opt(name).ok_or_else(|| Self::missing(name))
    }

    /// A number; its [`Ty`] checked its range.
    fn num<E: Error>(&mut self, name: &'static str) -> Result<u64, E> {
        self.num_or(name).ok_or_else(|| Self::missing(name))
    }

    fn num_or(&mut self, name: &'static str) -> Option<u64> {
        match self.take(name) {
            Some(Val::Num(n)) => Some(n),
            _ => None,
        }
    }

    fn state<E: Error>(&mut self) -> Result<ConversationState, E> {
        match self.take("state") {
            Some(Val::State(s)) => Ok(s),
            _ => Err(Self::missing("state")),
        }
    }

    fn unknown<E: Error>(&self, variants: &'static [&'static str]) -> E {
        E::unknown_variant(&self.tag, variants)
    }
}

/// Every field of every [`ServerMessage`] variant ([`ServerMessage::Message`]'s are the
/// [`ChatMessage`]'s).
const FRAME: Tagged = Tagged {
    tag: "type",
    fields: &[
        ("version", Ty::U32),
        ("conversation_id", Ty::Str),
        ("state", Ty::State),
        ("agent", Ty::OptStr),
        ("welcome", Ty::Welcome),
        ("seq", Ty::U64),
        ("author", Ty::Author),
        ("text", Ty::Str),
        ("cards", Ty::Cards),
        // Required by `ack`, optional elsewhere: an `ack` with `null` is refused as missing.
        ("client_msg_id", Ty::OptStr),
        ("intent", Ty::OptStr),
        ("through_seq", Ty::U64),
        ("code", Ty::Str),
        ("message", Ty::Str),
        ("retry_after_secs", Ty::OptU64),
    ],
};

impl<'de> Deserialize<'de> for ServerMessage {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut f = d.deserialize_map(FRAME)?;
        Ok(match f.tag.as_str() {
            "welcome" => Self::Welcome {
                version: f.num("version")? as u32,
                conversation_id: f.str("conversation_id")?,
                state: f.state()?,
                agent: f.opt("agent"),
                welcome: match f.take("welcome") {
                    Some(Val::Welcome(w)) => w,
                    _ => None,
                },
            },
            "message" => Self::Message(ChatMessage {
                seq: f.num("seq")?,
                author: match f.take("author") {
                    Some(Val::Author(a)) => a,
                    _ => return Err(Read::missing("author")),
                },
                text: f.str("text")?,
                cards: match f.take("cards") {
                    Some(Val::Cards(c)) => c,
                    _ => Vec::new(),
                },
                client_msg_id: f.opt("client_msg_id"),
                intent: f.opt("intent"),
                state: f.state()?,
                agent: f.opt("agent"),
            }),
            "ack" => Self::Ack {
                client_msg_id: f.req("client_msg_id")?,
                seq: f.num("seq")?,
                through_seq: f.num_or("through_seq").unwrap_or_default(),
            },
            "error" => Self::Error {
                code: f.str("code")?,
                message: f.str("message")?,
                client_msg_id: f.opt("client_msg_id"),
                retry_after_secs: match f.take("retry_after_secs") {
                    Some(Val::OptNum(n)) => n,
                    _ => None,
                },
            },
            _ => return Err(f.unknown(&["welcome", "message", "ack", "error"])),
        })
    }
}

/// Every field of every [`Card`] variant.
const CARD: Tagged = Tagged {
    tag: "kind",
    fields: &[
        ("order_id", Ty::Str),
        ("status", Ty::Str),
        ("status_label", Ty::Str),
        ("carrier", Ty::OptStr),
        ("tracking_number", Ty::OptStr),
        ("eta", Ty::OptStr),
        ("options", Ty::Strs),
        ("reply_within", Ty::Str),
        ("scale", Ty::U8),
        ("sku", Ty::Str),
        ("name", Ty::Str),
        ("price_minor", Ty::U64),
        ("currency", Ty::Str),
        ("stock", Ty::U32),
        ("action_id", Ty::Str),
        ("amount_minor", Ty::U64),
        ("terms", Ty::Str),
        ("confirm", Ty::Str),
        ("cancel", Ty::Str),
        ("address", Ty::Str),
    ],
};

impl<'de> Deserialize<'de> for Card {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let mut f = d.deserialize_map(CARD)?;
        Ok(match f.tag.as_str() {
            "order_status" => Self::OrderStatus {
                order_id: f.str("order_id")?,
                status: f.str("status")?,
                status_label: f.str("status_label")?,
                carrier: f.opt("carrier"),
                tracking_number: f.opt("tracking_number"),
                eta: f.opt("eta"),
            },
            "quick_replies" => Self::QuickReplies {
                options: match f.take("options") {
                    Some(Val::Strs(o)) => o,
                    _ => return Err(Read::missing("options")),
                },
            },
            "contact_form" => Self::ContactForm {
                reply_within: f.str("reply_within")?,
            },
            "csat" => Self::Csat {
                scale: f.num("scale")? as u8,
            },
            "product" => Self::Product {
                sku: f.str("sku")?,
                name: f.str("name")?,
                price_minor: f.num("price_minor")?,
                currency: f.str("currency")?,
                stock: f.num("stock")? as u32,
            },
            "confirm_refund" => Self::ConfirmRefund {
                action_id: f.str("action_id")?,
                order_id: f.str("order_id")?,
                amount_minor: f.num("amount_minor")?,
                currency: f.str("currency")?,
                terms: f.str("terms")?,
                confirm: f.str("confirm")?,
                cancel: f.str("cancel")?,
            },
            "confirm_address" => Self::ConfirmAddress {
                action_id: f.str("action_id")?,
                order_id: f.str("order_id")?,
                address: f.str("address")?,
                terms: f.str("terms")?,
                confirm: f.str("confirm")?,
                cancel: f.str("cancel")?,
            },
            "confirm_cancel" => Self::ConfirmCancel {
                action_id: f.str("action_id")?,
                order_id: f.str("order_id")?,
                amount_minor: f.num("amount_minor")?,
                currency: f.str("currency")?,
                terms: f.str("terms")?,
                confirm: f.str("confirm")?,
                cancel: f.str("cancel")?,
            },
            _ => {
                return Err(f.unknown(&[
                    "order_status",
                    "quick_replies",
                    "contact_form",
                    "csat",
                    "product",
                    "confirm_refund",
                    "confirm_address",
                    "confirm_cancel",
                ]));
            }
        })
    }
}

#[cfg(test)]
#[path = "decode_tests.rs"]
mod tests;
