//! Support for the generated code; not part of the public API.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor,
};
use serde::ser::{Error as _, Serialize, Serializer};
use serde::Deserialize;
use serde_json::Value;

/// The one credential rule, for the test that holds it to the generator's.
pub use crate::error::is_credential_name;

/// Deserializes a string enum through `From<&str>`, borrowing where the input allows.
pub fn string_enum<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: for<'a> From<&'a str>,
{
    struct StrVisitor<T>(PhantomData<T>);
    impl<T: for<'a> From<&'a str>> Visitor<'_> for StrVisitor<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
            Ok(T::from(v))
        }
    }
    deserializer.deserialize_str(StrVisitor(PhantomData))
}

/// Decodes one variant of a tagged union from its JSON. A body that does not fit the variant
/// keeps its JSON in the union's `Unknown` variant instead of failing the whole response:
/// one odd notification must not sink a page of them.
pub fn variant<T: DeserializeOwned, U>(
    value: Value,
    wrap: impl FnOnce(T) -> U,
    unknown: impl FnOnce(Value) -> U,
) -> U {
    match T::deserialize(&value) {
        Ok(decoded) => wrap(decoded),
        Err(err) => {
            tracing::debug!(
                error = %crate::error::without_values(&err.to_string()),
                "a union variant did not decode; kept as JSON"
            );
            unknown(value)
        }
    }
}

/// Serializes a variant's payload with the union's tag added.
pub fn tagged<S: Serializer, T: Serialize>(
    serializer: S,
    tag: &str,
    value: &str,
    payload: &T,
) -> Result<S::Ok, S::Error> {
    let mut json = serde_json::to_value(payload).map_err(S::Error::custom)?;
    match json.as_object_mut() {
        Some(map) => {
            map.insert(tag.to_owned(), Value::String(value.to_owned()));
        }
        None => {
            return Err(S::Error::custom(
                "a tagged union variant must serialize to an object",
            ))
        }
    }
    json.serialize(serializer)
}

/// A number that some servers send as a string: `0.5`, `3` or `"0"`.
pub fn number<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
    deserializer.deserialize_any(NumberVisitor)
}

/// [`number`] for optional fields: absent or `null` is `None`.
pub fn option_number<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<f64>, D::Error> {
    deserializer.deserialize_option(OptionNumberVisitor)
}

struct NumberVisitor;

impl<'de> Visitor<'de> for NumberVisitor {
    type Value = f64;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number, or a string holding one")
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<f64, E> {
        Ok(v)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<f64, E> {
        Ok(v as f64)
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<f64, E> {
        Ok(v as f64)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<f64, E> {
        v.trim()
            .parse()
            .map_err(|_| E::invalid_value(de::Unexpected::Str(v), &self))
    }
    // An object or array is refused once read to its end, so that the parser stops after it:
    // a decode error's path is read off the text where the parser stopped (`json_path`).
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<f64, A::Error> {
        while map
            .next_entry::<de::IgnoredAny, de::IgnoredAny>()?
            .is_some()
        {}
        Err(de::Error::invalid_type(de::Unexpected::Map, &self))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<f64, A::Error> {
        while seq.next_element::<de::IgnoredAny>()?.is_some() {}
        Err(de::Error::invalid_type(de::Unexpected::Seq, &self))
    }
}

struct OptionNumberVisitor;

impl<'de> Visitor<'de> for OptionNumberVisitor {
    type Value = Option<f64>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number, a string holding one, or null")
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        number(deserializer).map(Some)
    }
}

/// A JSON object's key, borrowed from the input where the deserializer allows (it does for
/// keys without escapes), so that matching it against field names allocates nothing.
pub enum Key<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl Key<'_> {
    #[inline]
    pub fn as_str(&self) -> &str {
        match self {
            Key::Borrowed(key) => key,
            Key::Owned(key) => key,
        }
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key::Borrowed(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key::Owned(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key::Owned(v))
            }
        }
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

/// A struct read from a JSON object field by field. The generator writes this for every
/// response type instead of deriving `Deserialize`: serde's derive also writes a field
/// enum, its visitor and a sequence visitor per struct, most of the crate's compile time,
/// for input a server never sends.
pub trait Object: Sized {
    /// What an error says was expected: `struct Note`.
    const EXPECTING: &'static str;
    fn from_map<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
}

/// `Deserialize::deserialize` for an [`Object`].
pub fn object<'de, D: Deserializer<'de>, T: Object>(deserializer: D) -> Result<T, D::Error> {
    struct ObjectVisitor<T>(PhantomData<T>);
    impl<'de, T: Object> Visitor<'de> for ObjectVisitor<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(T::EXPECTING)
        }
        fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
            T::from_map(map)
        }
    }
    deserializer.deserialize_map(ObjectVisitor(PhantomData))
}

/// Reads the value of field `name` into its slot; a field sent twice is an error, as with
/// serde's derive.
pub fn field<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
    name: &'static str,
) -> Result<(), A::Error> {
    field_seed(map, slot, name, PhantomData)
}

/// [`field`] read through a seed.
fn field_seed<'de, A: MapAccess<'de>, S: DeserializeSeed<'de>>(
    map: &mut A,
    slot: &mut Option<S::Value>,
    name: &'static str,
    seed: S,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(de::Error::duplicate_field(name));
    }
    *slot = Some(map.next_value_seed(seed)?);
    Ok(())
}

/// Skips the value of a field the type does not know.
pub fn skip<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    map.next_value::<de::IgnoredAny>().map(|_| ())
}

/// The value of a field that has no default, or what serde's derive makes of its absence:
/// `None` for an `Option`, a "missing field" error for anything else. `expecting` is the
/// struct's [`Object::EXPECTING`], so the error names the model as well as the field.
pub fn required<'de, T: Deserialize<'de>, E: de::Error>(
    slot: Option<T>,
    name: &'static str,
    expecting: &'static str,
) -> Result<T, E> {
    match slot {
        Some(value) => Ok(value),
        None => T::deserialize(Missing {
            name,
            expecting,
            error: PhantomData,
        }),
    }
}

/// Stands for an absent field: answers `None` to an `Option` and "missing field" to the rest.
struct Missing<E> {
    name: &'static str,
    /// `struct Note`.
    expecting: &'static str,
    error: PhantomData<E>,
}

impl<'de, E: de::Error> Deserializer<'de> for Missing<E> {
    type Error = E;
    fn deserialize_any<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, E> {
        // serde's own wording first ("missing field `x`"), which `json_path` and users
        // recognize, then the model.
        let model = self
            .expecting
            .strip_prefix("struct ")
            .unwrap_or(self.expecting);
        Err(E::custom(format_args!(
            "missing field `{}` of `{model}`",
            self.name
        )))
    }
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, E> {
        visitor.visit_none()
    }
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier
        ignored_any
    }
}

/// A number field that also takes numbers sent as strings: `f64`, or `Option<f64>`.
pub trait LenientNumber: Sized {
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>;
}

impl LenientNumber for f64 {
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        number(deserializer)
    }
}

impl LenientNumber for Option<f64> {
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        option_number(deserializer)
    }
}

/// [`field`] for a [`LenientNumber`].
pub fn number_field<'de, A: MapAccess<'de>, T: LenientNumber>(
    map: &mut A,
    slot: &mut Option<T>,
    name: &'static str,
) -> Result<(), A::Error> {
    struct Seed<T>(PhantomData<T>);
    impl<'de, T: LenientNumber> DeserializeSeed<'de> for Seed<T> {
        type Value = T;
        fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
            T::read(deserializer)
        }
    }
    field_seed(map, slot, name, Seed(PhantomData))
}

/// `Endpoint::missing`: the names of the required parameters that are not set, given each
/// with whether it is. One function for every endpoint, so that each endpoint's `missing` is
/// a list rather than an iterator chain of its own to compile.
pub fn unset(parameters: &[(&'static str, bool)]) -> Vec<&'static str> {
    parameters
        .iter()
        .filter(|(_, set)| !set)
        .map(|(name, _)| *name)
        .collect()
}

/// `Endpoint::files`: the files that are set, by field name.
pub fn present<'a>(
    files: &[(&'static str, Option<&'a crate::upload::UploadFile>)],
) -> Vec<(&'static str, &'a crate::upload::UploadFile)> {
    files
        .iter()
        .filter_map(|(name, file)| Some((*name, (*file)?)))
        .collect()
}

/// Percent-encodes a path parameter so that it stays one segment of the URL.
pub fn path_segment(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(byte as char)
            }
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// A number a request is about to send, refused when JSON cannot hold it: serde_json writes
/// NaN and infinity as `null`, which would send something else than what was set.
pub trait Finite {
    /// Whether every number in it is finite.
    fn is_finite_number(&self) -> bool;
}

impl Finite for f64 {
    fn is_finite_number(&self) -> bool {
        self.is_finite()
    }
}

impl<T: Finite> Finite for Option<T> {
    fn is_finite_number(&self) -> bool {
        self.as_ref().is_none_or(Finite::is_finite_number)
    }
}

impl<T: Finite> Finite for Box<T> {
    fn is_finite_number(&self) -> bool {
        (**self).is_finite_number()
    }
}

/// The error of a request whose number parameter `name` is NaN or infinite.
#[inline]
pub fn finite<S: Serializer, T: Finite>(value: &T, name: &str) -> Result<(), S::Error> {
    if value.is_finite_number() {
        Ok(())
    } else {
        Err(S::Error::custom(format_args!(
            "`{name}` is not a finite number (NaN or infinity), which JSON cannot carry"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::path_segment;

    #[test]
    fn path_parameters_stay_one_segment() {
        assert_eq!(path_segment("a64d6665-57df"), "a64d6665-57df");
        assert_eq!(path_segment("a/b c?d"), "a%2Fb%20c%3Fd");
        assert_eq!(path_segment("é"), "%C3%A9");
    }
}
