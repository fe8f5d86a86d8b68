//! How an answer becomes a value or an [`Error`]: the status, the error body's shapes, the
//! success body's decoding (with the JSON path of a failure) and the excerpt an error keeps.
//!
//! These are plain, non-generic functions, so that the client, [`decode_response`] and
//! anyone decoding captured answers get exactly the same behaviour.

use std::any::TypeId;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use bytes::Bytes;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::endpoint::Endpoint;
use crate::error::{
    is_credential_name, mask_credential_text, mask_credentials, ApiError, Error, ErrorKind,
    FrameworkError, RateLimited, Result, UnexpectedBody,
};

/// How many characters of a body an error keeps.
const EXCERPT_CHARS: usize = 200;

/// How far before an excerpt's window a credential's key is looked for.
const CREDENTIAL_CONTEXT: usize = 256;

/// Error bodies larger than this are not parsed as JSON: Misskey's errors are small, and a
/// huge body would cost its size again as a `serde_json::Value`.
const MAX_ERROR_JSON: usize = 1 << 20;

/// The headers of an answer that the error mapping looks at.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct ResponseMeta<'a> {
    pub content_type: Option<&'a str>,
    pub retry_after: Option<&'a str>,
}

/// Maps an answer to its body (`200`, or empty for `204`) or to the right [`Error`]. (The
/// client cuts the call's secrets out of every error of the call, this one included: a
/// server or proxy may echo the request back.)
pub(crate) fn check_response(
    endpoint: &str,
    status: u16,
    meta: ResponseMeta<'_>,
    mut body: Bytes,
) -> Result<Bytes> {
    let len = check_answer(endpoint, status, meta, &body)?.len();
    body.truncate(len);
    Ok(body)
}

/// [`check_response`] on a borrowed body: the part of it that is the answer's content.
fn check_answer<'b>(
    endpoint: &str,
    status: u16,
    meta: ResponseMeta<'_>,
    body: &'b [u8],
) -> Result<&'b [u8]> {
    match status {
        204 => return Ok(&[]),
        200 if body.is_empty() || looks_like_json(body) => return Ok(body),
        _ => {}
    }
    Err(error_from_body(endpoint, status, meta, body))
}

/// The error for a non-success answer (or a success answer that is not JSON).
fn error_from_body(endpoint: &str, status: u16, meta: ResponseMeta<'_>, body: &[u8]) -> Error {
    let retry_after = meta.retry_after.and_then(parse_retry_after);
    let json: Option<Value> = if looks_like_json(body) && body.len() <= MAX_ERROR_JSON {
        serde_json::from_slice(body).ok()
    } else {
        None
    };
    let api = json
        .as_ref()
        .and_then(|v| api_error(endpoint, status, v, retry_after));
    if status == 429 {
        let reset = api
            .as_ref()
            .and_then(|e| e.info.as_ref())
            .and_then(|info| info.get("resetMs"))
            .and_then(Value::as_f64)
            .and_then(reset_from_ms);
        return Error::RateLimited(Box::new(RateLimited {
            endpoint: endpoint.to_owned(),
            retry_after,
            reset,
            error: api,
        }));
    }
    if let Some(api) = api {
        return Error::Api(Box::new(api));
    }
    if let Some(framework) = json
        .as_ref()
        .and_then(|v| framework_error(endpoint, status, v))
    {
        return Error::Framework(Box::new(framework));
    }
    Error::UnexpectedBody(Box::new(UnexpectedBody {
        endpoint: endpoint.to_owned(),
        status,
        content_type: meta.content_type.map(str::to_owned),
        excerpt: excerpt(body, 0),
        retry_after,
    }))
}

fn api_error(
    endpoint: &str,
    status: u16,
    v: &Value,
    retry_after: Option<Duration>,
) -> Option<ApiError> {
    let e = v.get("error")?.as_object()?;
    let text = |k: &str| e.get(k).and_then(Value::as_str).map(str::to_owned);
    // Misskey's shape as long as it says something of its own: a code, an id or a message.
    if ["code", "id", "message"].iter().all(|k| text(k).is_none()) {
        return None;
    }
    Some(ApiError {
        endpoint: endpoint.to_owned(),
        status,
        code: text("code").unwrap_or_default(),
        id: text("id"),
        message: text("message").unwrap_or_default(),
        kind: e.get("kind").and_then(Value::as_str).map(ErrorKind::parse),
        info: e
            .get("info")
            .filter(|i| !i.is_null())
            .cloned()
            .map(|mut info| {
                mask_credentials(&mut info);
                info
            }),
        retry_after,
    })
}

fn framework_error(endpoint: &str, status: u16, v: &Value) -> Option<FrameworkError> {
    let o = v.as_object()?;
    let message = o.get("message")?.as_str()?;
    // `statusCode` or a string `error` (the reason phrase) tells it from other JSON.
    if !o.contains_key("statusCode") && !o.get("error").is_some_and(Value::is_string) {
        return None;
    }
    let text = |k: &str| o.get(k).and_then(Value::as_str).map(str::to_owned);
    Some(FrameworkError {
        endpoint: endpoint.to_owned(),
        status,
        error: text("error"),
        message: message.to_owned(),
        code: text("code"),
    })
}

/// `Retry-After`: delay-seconds or an HTTP date.
fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs).min(crate::wait::LONGEST));
    }
    if let Ok(secs) = value.parse::<f64>() {
        return crate::wait::from_secs_f64(secs);
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(SystemTime::now()).unwrap_or_default())
}

/// `info.resetMs`: a Unix time in ms (older servers, forks) or ms until the reset (upstream).
fn reset_from_ms(ms: f64) -> Option<Duration> {
    // Anything past 2001-09-09 in ms is a point in time; no limit window lasts 31 years.
    if ms.is_finite() && ms >= 1e12 {
        let at = Duration::try_from_secs_f64(ms / 1000.0).ok()?;
        let now = SystemTime::now().duration_since(UNIX_EPOCH).ok()?;
        Some(at.saturating_sub(now).min(crate::wait::LONGEST))
    } else {
        crate::wait::from_secs_f64(ms / 1000.0)
    }
}

/// Whether a body can be JSON at all (by its first byte), to tell JSON from HTML and text.
fn looks_like_json(body: &[u8]) -> bool {
    match body.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b) => matches!(
            b,
            b'{' | b'[' | b'"' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n'
        ),
        None => false,
    }
}

/// A short, printable piece of `body` around byte `at`. Reads only a window of the body
/// around `at`, so an error about a huge body costs no more than one about a small one.
pub(crate) fn excerpt(body: &[u8], at: usize) -> String {
    if body.is_empty() {
        return String::new();
    }
    // At most 4 bytes a character: this window holds the excerpt whatever the text.
    let at = at.min(body.len());
    let reach = EXCERPT_CHARS * 4;
    let (lo, hi) = (at.saturating_sub(reach), (at + reach).min(body.len()));
    // Masked with some context before the window, where a credential's key may be.
    let context = lo.saturating_sub(CREDENTIAL_CONTEXT);
    let mut window = body[context..hi].to_vec();
    mask_credential_text(&mut window);
    let text = String::from_utf8_lossy(&window[lo - context..]);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let centre = chars.partition_point(|(i, _)| *i < at - lo);
    let start = centre.saturating_sub(EXCERPT_CHARS / 2);
    let end = (start + EXCERPT_CHARS).min(chars.len());
    let start = end.saturating_sub(EXCERPT_CHARS).min(start);
    let mut out = String::new();
    if start > 0 || lo > 0 {
        out.push('…');
    }
    out.extend(
        chars[start..end]
            .iter()
            .map(|(_, c)| if c.is_control() { ' ' } else { *c }),
    );
    if end < chars.len() || hi < body.len() {
        out.push('…');
    }
    out
}

/// Decodes a success body (empty means JSON `null`) into `T`, naming the JSON path on failure.
///
/// The body is checked for UTF-8 once and decoded as text, without tracking the path:
/// serde_json re-checks every string of a byte slice, and tracking costs more still (this took
/// decoding a 100-note timeline from about 660 µs to 280 µs, see `benches/decode.rs`). On
/// failure the path is read off the text where serde_json stopped ([`crate::json_path`]); a
/// second, tracking decode would compile each response type's decoder twice in every crate
/// that calls the endpoint, for the rare failure.
pub(crate) fn decode_body<T: DeserializeOwned>(endpoint: &str, body: &[u8]) -> Result<T> {
    // An empty body is `null`, read as text like any other body (see `decode_answer`); the
    // error still shows the body as it was.
    let text = if body.is_empty() {
        "null"
    } else {
        match std::str::from_utf8(body) {
            Ok(text) => text,
            Err(_) => return Err(not_utf8(endpoint, body)),
        }
    };
    serde_json::from_str(text).map_err(|e| decode_error(endpoint, body, text.as_bytes(), e))
}

/// A body that is not UTF-8 fails where serde_json's own reading of it does: at the first
/// string holding a bad byte, or at a bad byte outside strings. Found by reading every
/// string and keeping none ([`Utf8Check`]): the error costs no memory beyond its excerpt,
/// however large the body.
fn not_utf8(endpoint: &str, body: &[u8]) -> Error {
    let source = match serde_json::from_slice::<Utf8Check>(body) {
        Err(err) => err,
        Ok(_) => serde::de::Error::custom("the body is not valid UTF-8"),
    };
    decode_error(endpoint, body, body, source)
}

/// Any JSON value, read for its strings to be checked as UTF-8 (as a `Value` would read
/// them) and then dropped.
struct Utf8Check;

impl<'de> serde::Deserialize<'de> for Utf8Check {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(Utf8Check)
    }
}

impl<'de> serde::de::Visitor<'de> for Utf8Check {
    type Value = Utf8Check;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E>(self, _: bool) -> Result<Self, E> {
        Ok(Utf8Check)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Self, E> {
        Ok(Utf8Check)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Self, E> {
        Ok(Utf8Check)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Self, E> {
        Ok(Utf8Check)
    }
    fn visit_str<E>(self, _: &str) -> Result<Self, E> {
        Ok(Utf8Check)
    }
    fn visit_unit<E>(self) -> Result<Self, E> {
        Ok(Utf8Check)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self, A::Error> {
        while seq.next_element::<Utf8Check>()?.is_some() {}
        Ok(Utf8Check)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self, A::Error> {
        while map.next_entry::<Utf8Check, Utf8Check>()?.is_some() {}
        Ok(Utf8Check)
    }
}

/// The decode error for `source`, which serde_json raised reading `text` (the body, or `null`
/// for an empty one).
fn decode_error(endpoint: &str, body: &[u8], text: &[u8], source: serde_json::Error) -> Error {
    use crate::json_path::{path_at, Why};
    // serde's and serde_json's own wording tells the failures that stop at the same place
    // apart (a duplicate key is the object's, an unknown one the member's).
    let message = source.to_string();
    let why = if source.is_eof() {
        Why::Eof
    } else if message.starts_with("duplicate field") {
        Why::DuplicateField
    } else if message.starts_with("unknown field") {
        Why::UnknownField
    } else if message.starts_with("trailing characters") {
        Why::Trailing
    } else {
        Why::Other
    };
    let consumed = consumed(text, source.line(), source.column());
    let path = path_at(text, consumed, why);
    // The last byte read, for the excerpt (`text` is the body itself unless that is empty).
    let at = consumed.saturating_sub(1);
    // serde's message quotes the value (`invalid type: string "hunter2"`).
    // The member the value is under, or an element's list (`backupCodes[3]`).
    let field = path
        .split(['.', '['])
        .rev()
        .find(|segment| !segment.ends_with(']'))
        .unwrap_or_default();
    let source = if is_credential_name(field) {
        serde::de::Error::custom(format!(
            "the value of `{field}` (a credential, not shown) does not fit its type"
        ))
    } else {
        source
    };
    let excerpt = if body.is_empty() {
        "<empty>".to_owned()
    } else {
        excerpt(body, at)
    };
    Error::Decode {
        endpoint: endpoint.to_owned(),
        path,
        excerpt,
        source,
    }
}

/// How many bytes of `text` serde_json had consumed at its 1-based `line` and `column` (the
/// column counts the bytes consumed on that line).
fn consumed(text: &[u8], line: usize, column: usize) -> usize {
    if line == 0 {
        return 0;
    }
    let line_start: usize = text
        .split(|b| *b == b'\n')
        .take(line - 1)
        .map(|l| l.len() + 1)
        .sum();
    (line_start + column).min(text.len())
}

/// Decodes a captured answer for endpoint `E` exactly as [`Client::call`](crate::Client::call)
/// does: the same status mapping, error shapes and decode-error details.
///
/// `headers` are the answer's headers that matter, by lowercase or any-case name:
/// `content-type` and `retry-after`; pass `&[]` when there are none.
///
/// ```
/// # use misskey_client::decode_response_value;
/// let err = decode_response_value("notes/show", 400, &[],
///     br#"{"error":{"message":"No such note.","code":"NO_SUCH_NOTE","id":"x","kind":"client"}}"#)
///     .unwrap_err();
/// assert_eq!(err.code(), Some("NO_SUCH_NOTE"));
/// ```
pub fn decode_response<E: Endpoint>(
    status: u16,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Result<E::Response> {
    let body = check_captured(E::NAME, status, headers, body)?;
    decode_answer(E::NAME, body)
}

/// Like [`decode_response`], reading an answer with no content as `None`, as
/// [`Client::call_optional`](crate::Client::call_optional) and each endpoint's
/// `Builder::send_optional` do.
pub fn decode_response_optional<E: Endpoint>(
    status: u16,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Result<Option<E::Response>> {
    let body = check_captured(E::NAME, status, headers, body)?;
    if body.is_empty() {
        return Ok(None);
    }
    decode_answer(E::NAME, body).map(Some)
}

/// Whether `T` is `()`: the spec declares no answer body. Some servers send one all the same
/// (`{}`, a job list, a key pair); the call succeeded, so that body is not read. It can still
/// be read raw, with `Client::call_raw`.
pub(crate) fn declares_no_body<T: 'static>() -> bool {
    TypeId::of::<T>() == TypeId::of::<()>()
}

/// A success's body as `T`: an empty body is `null` to `()`, `Option` and `Value`, and
/// [`Error::NoContent`] to a type that needs a body; any body is `()` to `()`.
pub(crate) fn decode_answer<T: DeserializeOwned + 'static>(
    endpoint: &str,
    body: &[u8],
) -> Result<T> {
    if body.is_empty() || declares_no_body::<T>() {
        // `null` read as text, like every body: a `Value` deserializer here would compile
        // the whole response type a second time in every crate that calls the endpoint.
        return serde_json::from_str("null").map_err(|_| Error::NoContent {
            endpoint: endpoint.to_owned(),
        });
    }
    decode_body(endpoint, body)
}

/// Like [`decode_response`], for an endpoint known only by name: the body as a JSON value
/// (`null` for `204` or an empty body).
pub fn decode_response_value(
    endpoint: &str,
    status: u16,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Result<Value> {
    let body = check_captured(endpoint, status, headers, body)?;
    decode_body(endpoint, body)
}

fn check_captured<'b>(
    endpoint: &str,
    status: u16,
    headers: &[(&str, &str)],
    body: &'b [u8],
) -> Result<&'b [u8]> {
    let header = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| *v)
    };
    let meta = ResponseMeta {
        content_type: header("content-type"),
        retry_after: header("retry-after"),
    };
    check_answer(endpoint, status, meta, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_is_short_and_centred() {
        let body = format!("{}X{}", "a".repeat(1000), "b".repeat(1000));
        let ex = excerpt(body.as_bytes(), 1000);
        assert!(ex.contains('X'));
        assert!(ex.chars().count() <= EXCERPT_CHARS + 2);
        assert!(ex.starts_with('…') && ex.ends_with('…'));
    }

    #[test]
    fn reset_ms_absolute_and_relative() {
        assert_eq!(reset_from_ms(1500.0), Some(Duration::from_millis(1500)));
        let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap();
        let abs = (now + Duration::from_secs(60)).as_millis() as f64;
        let d = reset_from_ms(abs).unwrap();
        assert!(
            d > Duration::from_secs(55) && d <= Duration::from_secs(60),
            "{d:?}"
        );
        // In the past: no wait.
        assert_eq!(reset_from_ms(1_000_000_000_000.0), Some(Duration::ZERO));
    }

    #[test]
    fn retry_after_forms() {
        assert_eq!(parse_retry_after("60"), Some(Duration::from_secs(60)));
        assert_eq!(parse_retry_after(" 2 "), Some(Duration::from_secs(2)));
        let later = SystemTime::now() + Duration::from_secs(120);
        let d = parse_retry_after(&httpdate::fmt_http_date(later)).unwrap();
        assert!(d > Duration::from_secs(100) && d <= Duration::from_secs(120));
        assert_eq!(parse_retry_after("soon"), None);
    }

    #[test]
    fn consumed_bytes() {
        assert_eq!(consumed(b"ab\ncd", 2, 2), 5);
        assert_eq!(consumed(b"ab\ncd", 2, 0), 3);
        assert_eq!(consumed(b"abc", 1, 0), 0);
        assert_eq!(consumed(b"abc", 0, 0), 0);
    }
}
