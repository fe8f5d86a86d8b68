//! Every response a real server sent decodes the way the client decodes it.
//!
//! `../shared/corpus/misskeyio-2025.4.1` holds real request/response pairs captured from a
//! live server of the same version as the spec the crate is built from (see its README).
//! [`every_captured_response_decodes`] walks the whole directory, `errors/` included, so a new
//! capture is tested without touching this file:
//!
//! - a `2xx` answer that is not in an error shape must decode into its endpoint's typed
//!   `Response` through [`decode_response`], chosen by name with [`visit_endpoint`], exactly
//!   as `Client::call` would decode it;
//! - any other answer must become the [`Error`] variant its body's shape calls for, with the
//!   body's code, status and endpoint.
//!
//! It also counts *fallbacks*: places inside a decoded typed value where the crate kept raw
//! JSON (or a raw string) because what the server sent matched no declared shape. Each kind of
//! fallback seen must be explained in [`EXPECTED_FALLBACKS`], and may not grow past the count
//! measured when it was explained.
//!
//! The other tests prove that merging overlapping `oneOf` branches loses nothing the server
//! sent (see [`assert_lossless`]).

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use misskey_client::auth::MiAuthStatus;
use misskey_client::{
    decode_response, decode_response_optional, decode_response_value, endpoints, visit_endpoint,
    Endpoint, EndpointVisitor, Error,
};
use serde_json::Value;

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/corpus/misskeyio-2025.4.1"
);

/// One capture: `{"endpoint", "request", "status", "response", "headers"}`.
struct Capture {
    file: String,
    endpoint: String,
    status: u16,
    response: Value,
    /// The body as it came over the wire: `response` serialized, empty for `null`.
    body: Vec<u8>,
    headers: Vec<(String, String)>,
}

impl Capture {
    fn load(path: &Path) -> Capture {
        let file = path
            .strip_prefix(CORPUS)
            .unwrap_or(path)
            .display()
            .to_string();
        let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{file}: {e}"));
        let case: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
        let response = case["response"].clone();
        let body = if response.is_null() {
            Vec::new()
        } else {
            serde_json::to_vec(&response).unwrap()
        };
        let headers = case["headers"]
            .as_object()
            .map(|h| {
                h.iter()
                    .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_owned()))
                    .collect()
            })
            .unwrap_or_default();
        Capture {
            file,
            endpoint: case["endpoint"]
                .as_str()
                .unwrap_or_else(|| panic!("{path:?}: no endpoint"))
                .to_owned(),
            status: case["status"]
                .as_u64()
                .unwrap_or_else(|| panic!("{path:?}: no status")) as u16,
            response,
            body,
            headers,
        }
    }

    fn headers(&self) -> Vec<(&str, &str)> {
        self.headers
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect()
    }
}

/// Every `*.json` under `dir`, sorted, so that new captures are picked up by themselves.
fn captures(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn corpus() -> Option<&'static Path> {
    let dir = Path::new(CORPUS);
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "SKIPPED: no corpus at {} (it lives in ../shared next to the repo)",
            dir.display()
        );
        None
    }
}

/// Decodes with the endpoint's static types; answers the typed value's pretty `Debug`.
struct Typed<'a> {
    status: u16,
    headers: &'a [(&'a str, &'a str)],
    body: &'a [u8],
}

impl EndpointVisitor for Typed<'_> {
    type Output = Result<String, Error>;
    fn visit<E: Endpoint>(self) -> Self::Output {
        // Some endpoints answer nothing to some calls (`notes/translate`, a scheduled
        // `notes/create`): read as `send_optional` reads them.
        if self.body.is_empty() {
            return decode_response_optional::<E>(self.status, self.headers, self.body)
                .map(|r| format!("{r:#?}"));
        }
        decode_response::<E>(self.status, self.headers, self.body).map(|r| format!("{r:#?}"))
    }
}

/// How the client decodes a capture: the generated endpoint if there is one, the MiAuth
/// check (not in the spec: its path has a parameter) through the core's own reader, and
/// anything else by name as JSON. `Ok((typed, debug))`.
fn decode(c: &Capture) -> Result<(bool, String), Error> {
    let headers = c.headers();
    let typed = Typed {
        status: c.status,
        headers: &headers,
        body: &c.body,
    };
    if let Some(result) = visit_endpoint(&c.endpoint, typed) {
        return result.map(|debug| (true, debug));
    }
    let value = decode_response_value(&c.endpoint, c.status, &headers, &c.body)?;
    if c.endpoint.starts_with("miauth/") && c.endpoint.ends_with("/check") {
        let status = MiAuthStatus::from_check_answer(value)?;
        return Ok((true, format!("{status:#?}")));
    }
    Ok((false, format!("{value:#?}")))
}

/// What the raw answer says the outcome must be, worked out from the JSON alone:
/// `None` for a success, else the `Error` variant and its code.
fn expected(c: &Capture) -> Option<(&'static str, Option<String>)> {
    let r = &c.response;
    let error_shaped = r["error"].is_object() || r.get("statusCode").is_some();
    if (200..300).contains(&c.status) && !error_shaped {
        return None;
    }
    Some(common::expected_error(c.status, r))
}

/// A place where a decoded typed value kept what the server sent as raw data.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Fallback {
    /// `Unknown` (a tagged union: unknown tag, or a known tag whose body did not fit),
    /// `Other(value)` (an untagged union that matched none of its branches) or
    /// `Other(string)` (a string enum value the spec does not list).
    kind: &'static str,
    /// Field names from the top down to it, map keys in quotes: `policies."canChat".value`.
    path: String,
}

/// The fallbacks in a pretty (`{:#?}`) `Debug` rendering of a decoded value.
///
/// `Debug` is the one view every generated type has, so this costs the generated code
/// nothing. Variant names are only looked for outside string literals, so a note whose
/// text says `Unknown(` is not counted; the path comes from the field names on the lines
/// above, by indentation.
fn fallbacks(debug: &str) -> Vec<Fallback> {
    let mut out = Vec::new();
    // (indent, field name) of the fields enclosing the current line.
    let mut stack: Vec<(usize, String)> = Vec::new();
    for line in debug.lines() {
        let indent = line.len() - line.trim_start().len();
        let code = strip_strings(line.trim_start());
        while stack.last().is_some_and(|(i, _)| *i >= indent) {
            stack.pop();
        }
        let trimmed = line.trim_start();
        let name = if let Some((name, _)) = code.split_once(": ") {
            // `ident: ...` or `"map key": ...` (strings are blanked in `code`, so take the
            // key from the original line).
            if name
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '#')
            {
                Some(name.to_owned())
            } else if name.starts_with('"') {
                Some(trimmed[..name.len()].to_owned())
            } else {
                None
            }
        } else {
            None
        };
        let here = |name: &Option<String>| {
            let mut parts: Vec<&str> = stack.iter().map(|(_, n)| n.as_str()).collect();
            if let Some(n) = name {
                parts.push(n);
            }
            parts.join(".")
        };
        for (at, _) in code
            .match_indices("Unknown(")
            .chain(code.match_indices("Other("))
        {
            let before = code[..at].chars().last();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let kind = if code[at..].starts_with("Unknown(") {
                "Unknown"
            } else if trimmed[at + "Other(".len()..].starts_with('"') {
                "Other(string)"
            } else {
                "Other(value)"
            };
            out.push(Fallback {
                kind,
                path: here(&name),
            });
        }
        if let Some(name) = name {
            stack.push((indent, name));
        }
    }
    out
}

/// `line` with the contents of string literals replaced by spaces (same length, so offsets
/// still line up with `line`).
fn strip_strings(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in line.chars() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
                out.push('"');
                continue;
            }
            // Keep byte offsets: one space per byte.
            out.extend(std::iter::repeat_n(' ', c.len_utf8()));
        } else {
            if c == '"' {
                in_string = true;
            }
            out.push(c);
        }
    }
    out
}

/// The fallbacks the real server causes, each explained. A fallback whose kind and path
/// match no row fails the corpus test; so does a row seen more often than `max` (the count
/// measured when the row was written), so that a regression that pushes more of a real
/// response into raw JSON is caught.
struct ExpectedFallback {
    kind: &'static str,
    /// The fallback's path ends with this.
    path_suffix: &'static str,
    max: usize,
    why: &'static str,
}

const EXPECTED_FALLBACKS: &[ExpectedFallback] = &[ExpectedFallback {
    kind: "Unknown",
    path_suffix: "cond_formula",
    max: 11,
    why: "a manual role's condFormula is `{}`: no `type`, so none of the spec's variants; \
          genuinely not a condition, kept as `Unknown(Object {})`",
}];

#[test]
fn every_captured_response_decodes() {
    let Some(dir) = corpus() else { return };
    let files = captures(dir);
    assert!(
        files.len() >= 400,
        "the corpus has 416 captures; found {}",
        files.len()
    );

    let mut failures = Vec::new();
    let (mut successes, mut successes_typed, mut errors, mut errors_mapped) = (0, 0, 0, 0);
    let mut seen: BTreeMap<Fallback, usize> = BTreeMap::new();
    for path in &files {
        let c = Capture::load(path);
        let outcome = decode(&c);
        match (expected(&c), outcome) {
            (None, Ok((typed, debug))) => {
                successes += 1;
                if typed {
                    successes_typed += 1;
                    for f in fallbacks(&debug) {
                        *seen.entry(f).or_default() += 1;
                    }
                } else {
                    failures.push(format!(
                        "{} ({}): no typed response in this build; decoded only as JSON",
                        c.file, c.endpoint
                    ));
                }
            }
            (None, Err(err)) => {
                successes += 1;
                failures.push(format!("{} ({}): {err}", c.file, c.endpoint));
            }
            (Some((want, code)), Err(err)) => {
                errors += 1;
                let mut wrong = Vec::new();
                if common::variant(&err) != want {
                    wrong.push(format!("variant {} (want {want})", common::variant(&err)));
                }
                if err.code().map(str::to_owned) != code {
                    wrong.push(format!("code {:?} (want {code:?})", err.code()));
                }
                if err.status() != Some(c.status) {
                    wrong.push(format!("status {:?} (want {})", err.status(), c.status));
                }
                if err.endpoint() != Some(c.endpoint.as_str()) {
                    wrong.push(format!("endpoint {:?}", err.endpoint()));
                }
                if wrong.is_empty() {
                    errors_mapped += 1;
                } else {
                    failures.push(format!(
                        "{} ({}): {}: {err}",
                        c.file,
                        c.endpoint,
                        wrong.join(", ")
                    ));
                }
            }
            (Some((want, code)), Ok(_)) => {
                errors += 1;
                failures.push(format!(
                    "{} ({}): decoded as a success; want {want} {code:?}",
                    c.file, c.endpoint
                ));
            }
        }
    }

    // Fallbacks, by kind and by explained row.
    let mut by_kind: BTreeMap<&str, usize> = BTreeMap::new();
    let mut by_row = vec![0usize; EXPECTED_FALLBACKS.len()];
    for (f, n) in &seen {
        *by_kind.entry(f.kind).or_default() += n;
        match EXPECTED_FALLBACKS
            .iter()
            .position(|row| row.kind == f.kind && f.path.ends_with(row.path_suffix))
        {
            Some(i) => by_row[i] += n,
            None => failures.push(format!(
                "unexplained fallback {} at {} ({n}×): add a general fix, or a row to EXPECTED_FALLBACKS saying why",
                f.kind, f.path
            )),
        }
    }
    for (row, n) in EXPECTED_FALLBACKS.iter().zip(&by_row) {
        if *n > row.max {
            failures.push(format!(
                "{} fallbacks at *{}: {n}, more than the {} measured ({})",
                row.kind, row.path_suffix, row.max, row.why
            ));
        }
    }

    let total_fallbacks: usize = by_kind.values().sum();
    println!("corpus: {} captures", files.len());
    println!("  successes decoded into typed responses: {successes_typed}/{successes}");
    println!("  errors mapped to the right Error and code: {errors_mapped}/{errors}");
    println!("  fallbacks to raw data inside typed values: {total_fallbacks}");
    for (kind, n) in &by_kind {
        println!("    {kind}: {n}");
    }
    for (f, n) in &seen {
        println!("    {} at {}: {n}", f.kind, f.path);
    }
    assert!(
        failures.is_empty(),
        "{} of {} captures or checks failed:\n{}",
        failures.len(),
        files.len(),
        failures.join("\n")
    );
    assert_eq!(successes + errors, files.len());
}

#[test]
fn fallback_scanner_sees_variants_and_not_text() {
    let debug = r#"Role {
    name: "Unknown(",
    cond_formula: Unknown(
        Object {},
    ),
    policies: {
        "canChat": V {
            value: Other(
                String("available"),
            ),
        },
    },
    kind: Other("x"),
    list: [
        Unknown(
            Object {},
        ),
    ],
}"#;
    let got: Vec<(&str, String)> = fallbacks(debug)
        .into_iter()
        .map(|f| (f.kind, f.path))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Unknown", "cond_formula".to_owned()),
            ("Other(value)", "policies.\"canChat\".value".to_owned()),
            ("Other(string)", "kind".to_owned()),
            ("Unknown", "list".to_owned()),
        ]
    );
}

// ---------------------------------------------------------------------------------------
// Nothing sent is lost when `oneOf` branches overlap.
//
// The spec's user and meta unions are not exclusive (objects are open), so for the own user,
// a moderator's view of a user and `meta` with `detail`, the JSON matches several branches.
// The generator merges the branches into one struct; these tests check that choice against
// the spec and real answers, without trusting the generator's own view of the spec:
//
// 1. the property names of *every* branch of the endpoint's response schema are collected
//    from the spec JSON here, walking `$ref`, `allOf`, `oneOf` and `anyOf` ([`declared`]);
// 2. the captured answer is decoded with the endpoint's typed `Response`;
// 3. for each key the server sent with a non-null value that some branch declares, the typed
//    value must have that field and it must not be `None`.
//
// Step 3 reads the field from the value's pretty `Debug` (models are `Deserialize`-only, and
// `Debug` shows every field by its Rust name, `None` or not). A declared key whose field cannot
// be found at all is reported too, so a naming mismatch fails instead of passing unchecked.
// ---------------------------------------------------------------------------------------

fn spec() -> Value {
    // The spec the crate was built from.
    let path = option_env!("MISSKEY_SPEC")
        .map(str::to_owned)
        .unwrap_or_else(|| {
            concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../shared/specs/misskeyio-2025.4.1-mhq.13.json"
            )
            .to_owned()
        });
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

fn response_schema<'a>(spec: &'a Value, endpoint: &str) -> &'a Value {
    let op = &spec["paths"][format!("/{endpoint}")]["post"];
    &op["responses"]["200"]["content"]["application/json"]["schema"]
}

/// Every property any branch of `schema` declares for the object itself (`items: false`) or
/// for the elements of an array form (`items: true`).
fn declared(spec: &Value, schema: &Value, items: bool, out: &mut BTreeSet<String>) {
    if let Some(r) = schema["$ref"].as_str() {
        let name = r.trim_start_matches("#/components/schemas/");
        declared(spec, &spec["components"]["schemas"][name], items, out);
    }
    for key in ["allOf", "oneOf", "anyOf"] {
        for branch in schema[key].as_array().into_iter().flatten() {
            declared(spec, branch, items, out);
        }
    }
    if items {
        if schema.get("items").is_some() {
            declared(spec, &schema["items"], false, out);
        }
    } else if let Some(props) = schema["properties"].as_object() {
        out.extend(props.keys().cloned());
    }
}

/// The top-level fields of a pretty `Debug` struct rendering: name → whether it is `None`.
fn top_fields(debug: &str) -> BTreeMap<String, bool> {
    debug
        .lines()
        .filter(|l| l.starts_with("    ") && !l.starts_with("     "))
        .filter_map(|l| {
            let (name, rest) = l.trim_start().split_once(": ")?;
            let name = name.trim_start_matches("r#");
            name.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_')
                .then(|| (name.to_owned(), rest.starts_with("None")))
        })
        .collect()
}

fn snake(json: &str) -> String {
    let mut out = String::new();
    for c in json.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// What the typed value lost of `sent`, and the keys no branch declares.
fn lost(sent: &Value, debug: &str, declared: &BTreeSet<String>) -> (Vec<String>, BTreeSet<String>) {
    let fields = top_fields(debug);
    assert!(!fields.is_empty(), "no fields in {debug}");
    let mut lost = Vec::new();
    let mut undeclared = BTreeSet::new();
    for (key, value) in sent.as_object().unwrap() {
        if !declared.contains(key) {
            undeclared.insert(key.clone());
            continue;
        }
        if value.is_null() {
            continue;
        }
        match fields.get(&snake(key)) {
            Some(false) => {}
            // `Debug` cannot tell `Option::None` from a string enum's variant `None`
            // (`twoFactorBackupCodesStock: "none"`).
            Some(true) if value == "none" => {}
            Some(true) => lost.push(format!("{key} (decoded as None)")),
            None => lost.push(format!("{key} (no field {})", snake(key))),
        }
    }
    (lost, undeclared)
}

/// Fails if the typed value lost anything the server sent; answers the undeclared keys.
fn assert_lossless(
    label: &str,
    sent: &Value,
    debug: &str,
    declared: &BTreeSet<String>,
) -> BTreeSet<String> {
    let (lost, undeclared) = lost(sent, debug, declared);
    assert!(
        lost.is_empty(),
        "{label}: the typed value lost what the server sent: {lost:?}"
    );
    undeclared
}

fn load(file: &str) -> Option<Capture> {
    let dir = corpus()?;
    Some(Capture::load(&dir.join(file)))
}

fn typed<E: Endpoint>(c: &Capture) -> E::Response {
    decode_response::<E>(c.status, &c.headers(), &c.body)
        .unwrap_or_else(|e| panic!("{}: {e}", c.file))
}

/// The own user: `i` answers `MeDetailed`, which the spec builds from `UserDetailedNotMe`
/// and `MeDetailedOnly`.
#[test]
fn own_user_loses_nothing() {
    let Some(c) = load("i.json") else { return };
    let spec = spec();
    let mut names = BTreeSet::new();
    declared(&spec, response_schema(&spec, "i"), false, &mut names);
    // Fields only the own user has, sent here: the test covers the branch that matters.
    for key in ["email", "mutedWords", "policies", "twoFactorEnabled"] {
        assert!(c.response.get(key).is_some(), "i.json has {key}");
        assert!(names.contains(key), "the spec declares {key}");
    }
    let me = typed::<endpoints::i::Request>(&c);
    let undeclared = assert_lossless("i.json", &c.response, &format!("{me:#?}"), &names);
    // The issue's example of what the spec does not declare: reachable only as JSON.
    assert!(
        undeclared.contains("mutingNotificationTypes"),
        "{undeclared:?}"
    );
    eprintln!("i.json: undeclared {undeclared:?}");
}

/// `users/show`, whose answer is `oneOf [UserLite, UserDetailed, UserLite[], UserDetailed[]]`
/// (`UserDetailed` itself `oneOf [UserDetailedNotMe, MeDetailed]`): another user, the own
/// user, a moderator's view of another user, and the array form.
#[test]
fn users_show_loses_nothing_in_any_view() {
    let Some(dir) = corpus() else { return };
    let spec = spec();
    let schema = response_schema(&spec, "users/show");
    let (mut object_names, mut item_names) = (BTreeSet::new(), BTreeSet::new());
    declared(&spec, schema, false, &mut object_names);
    declared(&spec, schema, true, &mut item_names);
    assert!(object_names.contains("moderationNote") && object_names.contains("email"));

    let mut views = BTreeSet::new();
    for path in captures(dir) {
        let c = Capture::load(&path);
        if c.endpoint != "users/show" || c.status != 200 {
            continue;
        }
        use endpoints::users::show::Response;
        match typed::<endpoints::users::show::Request>(&c) {
            Response::Object(user) => {
                assert!(c.response.is_object(), "{}", c.file);
                assert_lossless(&c.file, &c.response, &format!("{user:#?}"), &object_names);
                // Which view this is, by what only that view has.
                let r = &c.response;
                views.insert(if r.get("moderationNote").is_some() {
                    "moderator"
                } else if r.get("isModerator").is_some() {
                    "own"
                } else {
                    "other"
                });
            }
            Response::List(users) => {
                let sent = c.response.as_array().unwrap();
                assert_eq!(users.len(), sent.len(), "{}", c.file);
                for (user, sent) in users.iter().zip(sent) {
                    assert_lossless(&c.file, sent, &format!("{user:#?}"), &item_names);
                }
                views.insert("list");
            }
            Response::Other(v) => panic!("{}: fell back to JSON: {v}", c.file),
        }
    }
    // users__show.json (bob by username), users__show__4.json (alice's own profile),
    // users__show__5.json (an administrator looking at bob), users__show__2.json (userIds).
    assert_eq!(
        views,
        BTreeSet::from(["list", "moderator", "other", "own"]),
        "the corpus covers every view"
    );
}

/// `users/show` answers one user, or a list for `userIds`: its `Response` reads as one or
/// many (`as_one`, `into_one`, `as_many`, `into_many`), each `None` for the other form.
#[test]
fn users_show_reads_as_one_or_many() {
    let (Some(one), Some(many)) = (load("users__show.json"), load("users__show__2.json")) else {
        return;
    };
    let sent_name = one.response["username"].as_str().unwrap();
    let answer = typed::<endpoints::users::show::Request>(&one);
    assert_eq!(
        answer.as_one().map(|u| u.username.as_str()),
        Some(sent_name)
    );
    assert!(answer.as_many().is_none());
    assert_eq!(answer.clone().into_many().map(|users| users.len()), None);
    assert_eq!(
        answer.into_one().map(|u| u.username),
        Some(sent_name.to_owned())
    );

    let sent: Vec<&str> = many
        .response
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["username"].as_str().unwrap())
        .collect();
    let answer = typed::<endpoints::users::show::Request>(&many);
    assert!(answer.as_one().is_none());
    assert_eq!(answer.as_many().map(<[_]>::len), Some(sent.len()));
    let users = answer.into_many().expect("a list");
    let names: Vec<&str> = users.iter().map(|u| u.username.as_str()).collect();
    assert_eq!(names, sent);
}

/// `meta` is `oneOf [MetaLite, MetaDetailed]`; both captures (with and without `detail`)
/// keep everything.
#[test]
fn meta_loses_nothing() {
    let Some(dir) = corpus() else { return };
    let spec = spec();
    let mut names = BTreeSet::new();
    declared(&spec, response_schema(&spec, "meta"), false, &mut names);
    let mut checked = 0;
    for path in captures(dir) {
        let c = Capture::load(&path);
        if c.endpoint != "meta" || c.status != 200 {
            continue;
        }
        let meta = typed::<endpoints::meta::Request>(&c);
        assert_lossless(&c.file, &c.response, &format!("{meta:#?}"), &names);
        checked += 1;
    }
    assert!(checked >= 2, "meta.json and meta__2.json");
}

/// The lossless check itself catches a lost field: decoding the own user as the narrower
/// `UserLite` drops what only detailed users have, and the check must say so.
#[test]
fn lossless_check_catches_a_narrow_decode() {
    let Some(c) = load("i.json") else { return };
    let spec = spec();
    let mut names = BTreeSet::new();
    declared(&spec, response_schema(&spec, "i"), false, &mut names);
    let lite: misskey_client::models::UserLite =
        serde_json::from_value(c.response.clone()).unwrap();
    let (missing, _) = lost(&c.response, &format!("{lite:#?}"), &names);
    for key in ["followersCount", "isModerator", "policies"] {
        assert!(
            missing.iter().any(|m| m.starts_with(&format!("{key} "))),
            "{key} must be reported lost: {missing:?}"
        );
    }
}

/// One odd notification does not sink a page: a real page of notifications where one item's
/// body does not fit its type still decodes, the others as before, the odd one as JSON.
#[test]
fn one_odd_notification_does_not_sink_the_page() {
    use misskey_client::models::Notification;
    let Some(mut c) = load("i__notifications.json") else {
        return;
    };
    let page = c.response.as_array_mut().unwrap();
    let n = page.len();
    assert!(n > 10);
    // A `reaction` whose `reaction` field is a number, not a string: a known type that
    // does not fit.
    let odd = page
        .iter()
        .position(|item| item["type"] == "reaction")
        .unwrap();
    page[odd]["reaction"] = Value::from(42);
    let odd_id = page[odd]["id"].clone();
    c.body = serde_json::to_vec(&c.response).unwrap();

    let decoded = typed::<endpoints::i::notifications::Request>(&c);
    assert_eq!(decoded.len(), n);
    for (i, item) in decoded.iter().enumerate() {
        match item {
            Notification::Unknown(v) => {
                assert_eq!(i, odd, "only the odd one falls back");
                assert_eq!(v["id"], odd_id, "and it is still there as JSON");
                assert_eq!(v["reaction"], 42);
            }
            _ => assert_ne!(i, odd),
        }
    }
}
