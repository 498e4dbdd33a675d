//! A JS value (a parsed frame, a worker's message) read into Rust types through serde.
//!
//! serde-wasm-bindgen reads them too, but its errors are JS `Error`s carrying serde's
//! messages, and those messages print the value that was not expected, floats included:
//! that alone put core's float printing in the panel, about 8 KB of its download gzipped.
//! The panel drops a value it cannot read whole and never shows why, so here an error is
//! one empty value ([`Unreadable`]) and nothing is ever formatted.
//!
//! What a value is read as: `null` and `undefined` are unit (and `None`); a number is an
//! unsigned or signed integer when it is a whole number a JS number holds exactly, else
//! a float; strings, booleans, arrays and plain objects as themselves. An enum is read from
//! a string (a unit variant) or from an object of one key (the variant) and its value.

use std::fmt;

use js_sys::{Array, Object, Reflect};
use serde::de::value::StringDeserializer;
use serde::de::{
    self, DeserializeSeed, EnumAccess, Expected, IntoDeserializer, MapAccess, SeqAccess,
    Unexpected, VariantAccess, Visitor,
};
use wasm_bindgen::{JsCast, JsValue};

/// The one error: the value is not what the type reads.
#[derive(Debug)]
pub struct Unreadable;

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("unreadable value")
    }
}

impl std::error::Error for Unreadable {}

// Every constructor is overridden: serde's defaults format their arguments.
impl de::Error for Unreadable {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Unreadable
    }
    fn invalid_type(_: Unexpected<'_>, _: &dyn Expected) -> Self {
        Unreadable
    }
    fn invalid_value(_: Unexpected<'_>, _: &dyn Expected) -> Self {
        Unreadable
    }
    fn invalid_length(_: usize, _: &dyn Expected) -> Self {
        Unreadable
    }
    fn unknown_variant(_: &str, _: &'static [&'static str]) -> Self {
        Unreadable
    }
    fn unknown_field(_: &str, _: &'static [&'static str]) -> Self {
        Unreadable
    }
    fn missing_field(_: &'static str) -> Self {
        Unreadable
    }
    fn duplicate_field(_: &'static str) -> Self {
        Unreadable
    }
}

/// `value` read as a `T`.
pub fn read<T: de::DeserializeOwned>(value: JsValue) -> Result<T, Unreadable> {
    T::deserialize(JsDeserializer(value))
}

/// The largest integer a JS number holds exactly (`Number.MAX_SAFE_INTEGER`).
const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

/// A serde deserializer over one JS value.
struct JsDeserializer(JsValue);

impl JsDeserializer {
    fn is_nullish(&self) -> bool {
        self.0.is_null() || self.0.is_undefined()
    }
}

impl<'de> de::Deserializer<'de> for JsDeserializer {
    type Error = Unreadable;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unreadable> {
        let value = self.0;
        if value.is_null() || value.is_undefined() {
            visitor.visit_unit()
        } else if let Some(b) = value.as_bool() {
            visitor.visit_bool(b)
        } else if let Some(n) = value.as_f64() {
            if n.fract() == 0.0 && (0.0..=MAX_SAFE).contains(&n) {
                visitor.visit_u64(n as u64)
            } else if n.fract() == 0.0 && (-MAX_SAFE..0.0).contains(&n) {
                visitor.visit_i64(n as i64)
            } else {
                visitor.visit_f64(n)
            }
        } else if let Some(s) = value.as_string() {
            visitor.visit_string(s)
        } else if Array::is_array(&value) {
            let items: Array = value.unchecked_into();
            visitor.visit_seq(Items { items, next: 0 })
        } else if value.is_object() {
            let object: Object = value.unchecked_into();
            let keys = Object::keys(&object);
            visitor.visit_map(Entries {
                object,
                keys,
                next: 0,
            })
        } else {
            Err(Unreadable)
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unreadable> {
        if self.is_nullish() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Unreadable> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Unreadable> {
        if let Some(tag) = self.0.as_string() {
            return visitor.visit_enum(Variant { tag, value: None });
        }
        let object: Object = self.0.dyn_into().map_err(|_| Unreadable)?;
        let keys = Object::keys(&object);
        if keys.length() != 1 {
            return Err(Unreadable);
        }
        let key = keys.get(0);
        let tag = key.as_string().ok_or(Unreadable)?;
        let value = Reflect::get(&object, &key).map_err(|_| Unreadable)?;
        visitor.visit_enum(Variant {
            tag,
            value: Some(value),
        })
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Unreadable> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct identifier
    }
}

/// An array's items, in order.
struct Items {
    items: Array,
    next: u32,
}

impl<'de> SeqAccess<'de> for Items {
    type Error = Unreadable;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Unreadable> {
        if self.next >= self.items.length() {
            return Ok(None);
        }
        let item = self.items.get(self.next);
        self.next += 1;
        seed.deserialize(JsDeserializer(item)).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.items.length() - self.next) as usize)
    }
}

/// An object's own enumerable properties, in the object's order.
struct Entries {
    object: Object,
    keys: Array,
    next: u32,
}

impl<'de> MapAccess<'de> for Entries {
    type Error = Unreadable;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Unreadable> {
        if self.next >= self.keys.length() {
            return Ok(None);
        }
        seed.deserialize(JsDeserializer(self.keys.get(self.next)))
            .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, Unreadable> {
        let key = self.keys.get(self.next);
        self.next += 1;
        let value = Reflect::get(&self.object, &key).map_err(|_| Unreadable)?;
        seed.deserialize(JsDeserializer(value))
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.keys.length() - self.next) as usize)
    }
}

/// An enum's variant: its name, and its value unless it is a unit variant written as a string.
struct Variant {
    tag: String,
    value: Option<JsValue>,
}

impl<'de> EnumAccess<'de> for Variant {
    type Error = Unreadable;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self), Unreadable> {
        let Variant { tag, value } = self;
        let tag: StringDeserializer<Unreadable> = tag.into_deserializer();
        let variant = seed.deserialize(tag)?;
        let rest = Variant {
            tag: String::new(),
            value,
        };
        Ok((variant, rest))
    }
}

impl<'de> VariantAccess<'de> for Variant {
    type Error = Unreadable;

    fn unit_variant(self) -> Result<(), Unreadable> {
        match self.value {
            None => Ok(()),
            Some(v) if v.is_null() || v.is_undefined() => Ok(()),
            Some(_) => Err(Unreadable),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(
        self,
        seed: T,
    ) -> Result<T::Value, Unreadable> {
        seed.deserialize(JsDeserializer(self.value.ok_or(Unreadable)?))
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Unreadable> {
        de::Deserializer::deserialize_any(JsDeserializer(self.value.ok_or(Unreadable)?), visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Unreadable> {
        de::Deserializer::deserialize_any(JsDeserializer(self.value.ok_or(Unreadable)?), visitor)
    }
}
