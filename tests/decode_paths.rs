//! A failed decode names the same JSON path as a path-tracking decode would.
//!
//! The client decodes without tracking the path and, on failure, reads the path off the text
//! where serde_json stopped. Here every real response of `../shared/corpus` is broken in many
//! ways (a value of another kind, a field removed or sent twice, the body cut short, a stray
//! byte, a byte that is not UTF-8; compact and pretty-printed) and decoded into its endpoint's
//! type twice: by [`decode_response`], and by serde_path_to_error over serde_json, which is
//! how the client named paths before. Both must fail or succeed together, with the same path.
//! Hand-written serde types (unknown fields denied, enums, maps) are held to the same rule,
//! since `Client::call` decodes those too.

mod common;

use std::collections::HashMap;
use std::path::Path;

use misskey_client::{decode_response, visit_endpoint, Endpoint, EndpointVisitor, Error};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{json, Value};

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/corpus/misskeyio-2025.4.1"
);

/// The path a path-tracking decode names, or `Ok` if it decodes.
fn tracked<T: DeserializeOwned>(body: &[u8]) -> Result<(), String> {
    let text: &[u8] = if body.is_empty() { b"null" } else { body };
    let mut de = serde_json::Deserializer::from_slice(text);
    serde_path_to_error::deserialize::<_, T>(&mut de).map_err(|e| e.path().to_string())?;
    de.end().map_err(|_| ".".to_owned())
}

/// The path the client names, or `Ok` if it decodes; `None` if the body is not a decode
/// failure at all (an error-shaped body).
fn client<E: Endpoint>(body: &[u8]) -> Option<Result<(), String>> {
    match decode_response::<E>(200, &[], body) {
        Ok(_) => Some(Ok(())),
        Err(Error::Decode { path, .. }) => Some(Err(path)),
        Err(_) => None,
    }
}

#[derive(Default)]
struct Tally {
    compared: usize,
    /// Broken texts where the client named a place inside the field the tracker named.
    deeper: usize,
    failed: usize,
    mismatches: Vec<String>,
}

impl Tally {
    fn check(
        &mut self,
        what: &str,
        body: &[u8],
        ours: Option<Result<(), String>>,
        theirs: Result<(), String>,
    ) {
        let Some(ours) = ours else { return };
        // A body that is not UTF-8 is refused as a whole, even where the bad byte is in a field
        // the type skips (which a byte-slice decode let through): compare only failures.
        if std::str::from_utf8(body).is_err() && theirs.is_ok() {
            return;
        }
        self.compared += 1;
        self.failed += usize::from(theirs.is_err());
        // Inside a value the type skips (a field it does not know), a tracking decode can only
        // name the skipped field; the text names the place inside it, which is more precise.
        if let (Err(ours), Err(theirs)) = (&ours, &theirs) {
            let inside = |rest: &str| rest.starts_with('.') || rest.starts_with('[');
            let broken = ["cut at", "byte at", "0xff at"]
                .iter()
                .any(|m| what.contains(m));
            if broken && ours.strip_prefix(theirs.as_str()).is_some_and(inside) {
                self.deeper += 1;
                return;
            }
        }
        if ours != theirs && self.mismatches.len() < 20 {
            let tail = &body[body.len().saturating_sub(120)..];
            let shown = format!("…{}", String::from_utf8_lossy(tail));
            self.mismatches.push(format!(
                "{what}: client {ours:?}, tracked {theirs:?}\n    body: {shown}"
            ));
        }
    }
}

/// A small deterministic generator, so that a failure can be reproduced.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

/// The JSON pointers of the nodes of `value`, in document order.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                let key = key.replace('~', "~0").replace('/', "~1");
                pointers(child, format!("{at}/{key}"), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                pointers(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// A value of another kind than `value`.
fn other_kind(value: &Value, pick: usize) -> Value {
    let choices = [
        json!(42),
        json!("x"),
        json!(true),
        json!({"k": 1}),
        json!([1]),
        Value::Null,
    ];
    let same = |v: &Value| std::mem::discriminant(v) == std::mem::discriminant(value);
    choices
        .iter()
        .filter(|v| !same(v))
        .nth(pick % 5)
        .cloned()
        .unwrap_or(Value::Null)
}

/// The text of `value` with the node at `pointer` written as `raw` (any text, valid or not).
fn with_raw(value: &Value, pointer: &str, raw: &str, pretty: bool) -> Vec<u8> {
    const MARK: &str = "\u{1}MARK\u{1}";
    let mut value = value.clone();
    *value.pointer_mut(pointer).expect("a node of the value") = Value::String(MARK.to_owned());
    let marked = serde_json::to_string(MARK).unwrap();
    text(&value, pretty).replacen(&marked, raw, 1).into_bytes()
}

fn text(value: &Value, pretty: bool) -> String {
    if pretty {
        serde_json::to_string_pretty(value).unwrap()
    } else {
        serde_json::to_string(value).unwrap()
    }
}

/// The broken versions of one response.
fn mutations(response: &Value, seed: u64) -> Vec<(String, Vec<u8>)> {
    let mut rng = Lcg(seed);
    let mut out = Vec::new();
    let mut nodes = Vec::new();
    pointers(response, String::new(), &mut nodes);
    let picks: Vec<&String> = if nodes.len() <= 40 {
        nodes.iter().collect()
    } else {
        (0..40).map(|_| &nodes[rng.below(nodes.len())]).collect()
    };
    for (n, pointer) in picks.into_iter().enumerate() {
        let node = response.pointer(pointer).unwrap();
        let pretty = n % 2 == 1;
        let raw = serde_json::to_string(&other_kind(node, rng.below(5))).unwrap();
        out.push((
            format!("{pointer} as {raw}"),
            with_raw(response, pointer, &raw, pretty),
        ));
        if let Value::Object(map) = node {
            if let Some(key) = map.keys().nth(rng.below(map.len())) {
                let mut removed = node.clone();
                removed.as_object_mut().unwrap().remove(key);
                let raw = serde_json::to_string(&removed).unwrap();
                out.push((
                    format!("{pointer} without {key}"),
                    with_raw(response, pointer, &raw, pretty),
                ));
                // The same key twice.
                let first = serde_json::to_string(&json!({ key.clone(): map[key] })).unwrap();
                let whole = serde_json::to_string(node).unwrap();
                let raw = format!("{},{}", &first[..first.len() - 1], &whole[1..]);
                out.push((
                    format!("{pointer} with {key} twice"),
                    with_raw(response, pointer, &raw, pretty),
                ));
            }
        }
    }
    for pretty in [false, true] {
        let text = text(response, pretty).into_bytes();
        for _ in 0..12 {
            let at = rng.below(text.len());
            out.push((format!("cut at {at}"), text[..at].to_vec()));
            let mut stray = text.clone();
            stray.insert(at, [b'x', b',', b':', b'}', b']', b'"'][rng.below(6)]);
            out.push((format!("stray byte at {at}"), stray));
            let mut bad = text.clone();
            bad.insert(at, 0xff);
            out.push((format!("0xff at {at}"), bad));
        }
        let mut trailing = text.clone();
        trailing.extend_from_slice(b" {}");
        out.push(("trailing data".to_owned(), trailing));
    }
    out
}

struct Compare<'a> {
    what: &'a str,
    bodies: &'a [(String, Vec<u8>)],
    tally: &'a mut Tally,
}

impl EndpointVisitor for Compare<'_> {
    type Output = ();
    fn visit<E: Endpoint>(self) {
        for (how, body) in self.bodies {
            let what = format!("{} ({how})", self.what);
            self.tally
                .check(&what, body, client::<E>(body), tracked::<E::Response>(body));
        }
    }
}

#[test]
fn broken_corpus_responses_name_the_tracked_path() {
    let Some(files) = common::json_files(Path::new(CORPUS)) else {
        return;
    };
    let mut tally = Tally::default();
    for (seed, file) in files.iter().enumerate() {
        let case: Value = serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap();
        let status = case["status"].as_u64().unwrap_or(0);
        let response = &case["response"];
        if !(200..300).contains(&status) || response.is_null() || response.get("error").is_some() {
            continue;
        }
        let endpoint = case["endpoint"].as_str().unwrap();
        let bodies = mutations(response, seed as u64 + 1);
        let what = file.file_name().unwrap().to_string_lossy();
        let compare = Compare {
            what: &what,
            bodies: &bodies,
            tally: &mut tally,
        };
        visit_endpoint(endpoint, compare);
    }
    assert!(
        tally.mismatches.is_empty(),
        "{} of {} broken bodies named another path:\n{}",
        tally.mismatches.len(),
        tally.compared,
        tally.mismatches.join("\n")
    );
    eprintln!(
        "compared {}, failed {}, deeper {}",
        tally.compared, tally.failed, tally.deeper
    );
    // Few enough that the rule for them stays an exception.
    assert!(
        tally.deeper * 100 < tally.compared,
        "{} deeper of {}",
        tally.deeper,
        tally.compared
    );
    // The mutations must mostly break the decode, or this test proves little.
    assert!(
        tally.compared > 10_000,
        "only {} bodies compared",
        tally.compared
    );
    assert!(
        tally.failed * 2 > tally.compared,
        "only {} of {} failed",
        tally.failed,
        tally.compared
    );
}

// Hand-written types, as users pass to `Client::call`.

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Strict {
    id: String,
    count: u32,
    tags: Vec<String>,
    #[serde(default)]
    kind: Option<Kind>,
    extra: HashMap<String, Inner>,
    pair: (u8, String),
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
enum Kind {
    Plain,
    Counted { n: u32 },
    Wrapped(Inner),
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct Inner {
    value_name: Option<i64>,
    flag: bool,
}

/// `Strict` as an endpoint's response, for `decode_response`.
#[derive(serde::Serialize)]
struct StrictEndpoint;

impl Endpoint for StrictEndpoint {
    type Response = Strict;
    type ErrorCode = misskey_client::SharedErrorCode;
    const NAME: &'static str = "test/strict";
    const REQUIRES_CREDENTIAL: bool = false;
    const PERMISSION: Option<&'static str> = None;
}

#[test]
fn hand_written_types_name_the_tracked_path() {
    let good = json!({
        "id": "a",
        "count": 3,
        "tags": ["x", "y"],
        "extra": {"k": {"valueName": 5, "flag": true}, "l": {"valueName": null, "flag": false}},
        "pair": [1, "one"]
    });
    assert!(tracked::<Strict>(&serde_json::to_vec(&good).unwrap()).is_ok());
    let mut bodies = mutations(&good, 7);
    // Enums only where the text is whole: inside a variant's braces, a text cut short or a
    // stray byte names the variant's key here where serde_path_to_error names the enum, and a
    // unit variant sent for another kind names the enum where it names the variant.
    let with_kind = |raw: &str| {
        let text = serde_json::to_string(&good).unwrap();
        format!(r#"{{"kind": {raw}, {}"#, &text[1..]).into_bytes()
    };
    for raw in [
        r#"{"Wrapped": {"valueName": 1, "flag": "no"}}"#,
        r#"{"Counted": {"n": -1}}"#,
        r#""Plain""#,
        r#"{"Nope": 1}"#,
        r#"7"#,
    ] {
        bodies.push((format!("kind as {raw}"), with_kind(raw)));
    }
    for (pointer, raw) in [
        ("/extra/k", r#"{"valueName": 1, "flag": true, "other": 1}"#),
        ("/pair", r#"[1]"#),
        ("/pair", r#"[1, "one", 2]"#),
        ("", r#"{"id": "a", "unexpected": 1}"#),
    ] {
        bodies.push((
            format!("{pointer} as {raw}"),
            with_raw(&good, pointer, raw, false),
        ));
    }
    let mut tally = Tally::default();
    for (how, body) in &bodies {
        tally.check(
            how,
            body,
            client::<StrictEndpoint>(body),
            tracked::<Strict>(body),
        );
    }
    assert!(
        tally.mismatches.is_empty(),
        "{}",
        tally.mismatches.join("\n")
    );
    assert!(
        tally.failed > 50,
        "only {} of {} failed",
        tally.failed,
        tally.compared
    );
}
