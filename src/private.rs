//! Support for the generated code; not part of the public API.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use serde::ser::{Error as _, Serialize, Serializer};
use serde_json::Value;

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
            tracing::debug!(error = %err, "a union variant did not decode; kept as JSON");
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

impl Visitor<'_> for NumberVisitor {
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
