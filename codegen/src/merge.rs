//! Several specs in, one spec out: the union a build for many servers needs.
//!
//! The specs are merged as JSON, each normalized (and relaxed by `overrides`) first, so that
//! every decision of `ir` (unions, `allOf`, shared shapes, recursion, derives, storage)
//! applies to the merged document unchanged, and a place keeps the name a single-spec build
//! gives it (names depend on place only). The rules:
//!
//! - endpoints, component schemas, properties, enum values, union branches and error codes:
//!   the union;
//! - a property is required only where every spec that has its object requires it; nullable
//!   where any spec says so;
//! - the same place typed differently in two specs becomes a union that reads either
//!   (`anyOf`), with a warning naming the place and the specs; two ways of writing an
//!   object become one object; a union told apart by `type` stays one (it reads an older
//!   spec's plain object as its raw `Unknown`); untyped in one spec is the other's type;
//! - an endpoint, a component or a property that not every spec has carries the labels of
//!   those that do (`x-misskey-specs`), for its docs and `EndpointInfo`.
//!
//! Nothing here fails: two specs that disagree always merge into something that decodes what
//! either server sends.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Map, Value};

use crate::diagnostics::Warnings;
use crate::normalize::escape;

/// The extension that lists the specs that have a place, where not all of them do.
pub const SPECS_KEY: &str = "x-misskey-specs";

/// One normalized spec and what to call it in docs and warnings.
pub struct Source {
    pub label: String,
    pub spec: Value,
}

/// A spec's label: its `info.title` (without a trailing ` API`) and `info.version`
/// (`Misskey 2025.2.1`).
pub fn label(spec: &Value) -> String {
    let info = &spec["info"];
    let title = info["title"].as_str().unwrap_or("Misskey API");
    let title = title.strip_suffix(" API").unwrap_or(title);
    let version = info["version"].as_str().unwrap_or("unknown");
    format!("{title} {version}")
}

/// Several specs merged into one.
pub struct Merged {
    pub spec: Value,
    /// The specs' labels, in the order they were merged.
    pub labels: Vec<String>,
    /// Every place not all specs have, by JSON pointer, with the labels of those that have it.
    pub availability: BTreeMap<String, Vec<String>>,
}

/// Merges `sources` (at least one) into one spec; what had to be assumed is in `warnings`.
pub fn merge(mut sources: Vec<Source>, warnings: &mut Warnings) -> Merged {
    // Two specs with one label (the same version twice) are told apart by their place in the
    // list.
    let mut seen = BTreeSet::new();
    for (i, source) in sources.iter_mut().enumerate() {
        if !seen.insert(source.label.clone()) {
            source.label = format!("{} (#{})", source.label, i + 1);
        }
    }
    let labels: Vec<String> = sources.iter().map(|s| s.label.clone()).collect();
    let mut sources = sources.into_iter();
    let first = sources.next().expect("at least one spec");
    let mut merged = first.spec;
    let mut have = Availability::default();
    have.record(&merged, 0);
    for (i, source) in sources.enumerate() {
        have.record(&source.spec, i + 1);
        let cx = Cx {
            before: &labels[..=i],
            label: &labels[i + 1],
        };
        merge_document(&mut merged, source.spec, &cx, warnings);
    }
    let availability = have.annotate(&mut merged, &labels);
    if let Some(info) = merged.get_mut("info").and_then(Value::as_object_mut) {
        info.insert("version".into(), Value::String(labels.join(" + ")));
    }
    Merged {
        spec: merged,
        labels,
        availability,
    }
}

/// Takes out of a spec the keys the merge writes itself, so that a spec that carries them
/// cannot claim availability or unions it does not have.
pub fn strip_own_keys(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|key, _| !key.starts_with("x-misskey-"));
            map.values_mut().for_each(strip_own_keys);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_own_keys),
        _ => {}
    }
}

/// Who is merging what, for warnings.
struct Cx<'a> {
    /// The specs merged so far.
    before: &'a [String],
    /// The spec being merged in.
    label: &'a str,
}

fn merge_document(into: &mut Value, from: Value, cx: &Cx<'_>, warnings: &mut Warnings) {
    let Value::Object(from) = from else { return };
    for (key, value) in from {
        match key.as_str() {
            "paths" => {
                let target = object_at(into, &["paths"]);
                merge_map(target, value, "/paths", cx, warnings, merge_path);
            }
            "components" => {
                let Value::Object(components) = value else {
                    continue;
                };
                for (kind, entries) in components {
                    let target = object_at(into, &["components", &kind]);
                    let pointer = format!("/components/{}", escape(&kind));
                    if kind == "schemas" {
                        merge_map(target, entries, &pointer, cx, warnings, merge_schema);
                    } else {
                        // Security schemes and the like: the first spec's, plus new names.
                        merge_map(target, entries, &pointer, cx, warnings, |_, _, _, _, _| {});
                    }
                }
            }
            _ => {}
        }
    }
}

/// Whether two branches of a union are the same one: equal, or references to one schema.
fn same_branch(a: &Value, b: &Value) -> bool {
    a == b || (a.get("$ref").is_some() && a.get("$ref") == b.get("$ref"))
}

/// Adds `entries` to `target`: new names as they are, names both have through `both`.
fn merge_map(
    target: &mut Map<String, Value>,
    entries: Value,
    pointer: &str,
    cx: &Cx<'_>,
    warnings: &mut Warnings,
    both: impl Fn(&mut Value, Value, &str, &Cx<'_>, &mut Warnings),
) {
    let Value::Object(entries) = entries else {
        return;
    };
    for (name, value) in entries {
        let here = format!("{pointer}/{}", escape(&name));
        match target.get_mut(&name) {
            Some(existing) => both(existing, value, &here, cx, warnings),
            None => {
                target.insert(name, value);
            }
        }
    }
}

/// The object at `path` under `value`, made where missing.
fn object_at<'v>(value: &'v mut Value, path: &[&str]) -> &'v mut Map<String, Value> {
    let mut at = value;
    for key in path {
        if !at.is_object() {
            *at = Value::Object(Map::new());
        }
        at = at
            .as_object_mut()
            .expect("made an object")
            .entry(key.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
    }
    if !at.is_object() {
        *at = Value::Object(Map::new());
    }
    at.as_object_mut().expect("made an object")
}

/// One path both specs have: its operations, each by method.
fn merge_path(into: &mut Value, from: Value, pointer: &str, cx: &Cx<'_>, warnings: &mut Warnings) {
    let (Some(into), Value::Object(from)) = (into.as_object_mut(), from) else {
        return;
    };
    for (method, operation) in from {
        let here = format!("{pointer}/{method}");
        match into.get_mut(&method) {
            Some(existing) => merge_operation(existing, operation, &here, cx, warnings),
            None => {
                into.insert(method, operation);
            }
        }
    }
}

/// One operation both specs have: its request body and answers, merged as schemas; its
/// error examples, united.
fn merge_operation(
    into: &mut Value,
    from: Value,
    pointer: &str,
    cx: &Cx<'_>,
    warnings: &mut Warnings,
) {
    let (Some(into), Value::Object(from)) = (into.as_object_mut(), from) else {
        return;
    };
    for (key, value) in from {
        let here = format!("{pointer}/{}", escape(&key));
        match (key.as_str(), into.get_mut(&key)) {
            (_, None) => {
                into.insert(key, value);
            }
            ("requestBody", Some(existing)) => merge_contents(existing, value, &here, cx, warnings),
            ("responses", Some(existing)) => {
                let Value::Object(responses) = value else {
                    continue;
                };
                for (status, response) in responses {
                    let at = format!("{here}/{}", escape(&status));
                    let target = object_at(existing, &[]);
                    match target.get_mut(&status) {
                        Some(mine) => merge_contents(mine, response, &at, cx, warnings),
                        None => {
                            target.insert(status, response);
                        }
                    }
                }
            }
            ("parameters", Some(existing)) => {
                // By name: the first spec's, plus new ones.
                let (Some(mine), Value::Array(theirs)) = (existing.as_array_mut(), value) else {
                    continue;
                };
                // By name and place, or by reference for a `$ref` one.
                let key = |p: &Value| {
                    (
                        p.get("name").cloned(),
                        p.get("in").cloned(),
                        p.get("$ref").cloned(),
                    )
                };
                for parameter in theirs {
                    if !mine.iter().any(|p| key(p) == key(&parameter)) {
                        mine.push(parameter);
                    }
                }
            }
            // A credential is needed where any spec says so.
            ("security", Some(existing)) if existing.as_array().is_some_and(Vec::is_empty) => {
                *existing = value;
            }
            _ => {}
        }
    }
}

/// A request body or a response: each media type's schema merged, and the examples (where
/// the error codes are) united.
fn merge_contents(
    into: &mut Value,
    from: Value,
    pointer: &str,
    cx: &Cx<'_>,
    warnings: &mut Warnings,
) {
    let Some(content) = from.get("content").and_then(Value::as_object).cloned() else {
        return;
    };
    let target = object_at(into, &["content"]);
    for (media, body) in content {
        let here = format!("{pointer}/content/{}", escape(&media));
        let Some(mine) = target.get_mut(&media) else {
            target.insert(media, body);
            continue;
        };
        if let Some(schema) = body.get("schema").cloned() {
            match mine.get_mut("schema") {
                Some(existing) => {
                    merge_schema(existing, schema, &format!("{here}/schema"), cx, warnings)
                }
                None => {
                    object_at(mine, &[]).insert("schema".into(), schema);
                }
            }
        }
        if let Some(Value::Object(examples)) = body.get("examples").cloned() {
            let target = object_at(mine, &["examples"]);
            for (name, example) in examples {
                target.entry(name).or_insert(example);
            }
        }
    }
}

/// Merges schema `from` into `into` (see the module's rules).
fn merge_schema(
    into: &mut Value,
    from: Value,
    pointer: &str,
    cx: &Cx<'_>,
    warnings: &mut Warnings,
) {
    if *into == from {
        return;
    }
    // A place already read either way by an earlier conflict: one more way, if it is new.
    let either = into.get(EITHER).is_some();
    if let Some(branches) = into
        .get_mut("anyOf")
        .and_then(Value::as_array_mut)
        .filter(|_| either)
    {
        let known = branches.iter().any(|b| same_branch(b, &from));
        if !known {
            warnings.push(
                pointer,
                format!(
                    "typed {} in {} as well; the merge reads that too",
                    describe(&from),
                    cx.label
                ),
            );
            branches.push(from);
        }
        return;
    }
    let (Some(mine), Some(theirs)) = (into.as_object(), from.as_object()) else {
        conflict(into, from, pointer, cx, warnings);
        return;
    };
    // Untyped in one spec (undocumented there), typed in another: the type, which is what
    // the spec that documents it says every server sends.
    if is_any(theirs) {
        return;
    }
    if is_any(mine) {
        *into = from;
        return;
    }
    let nullable = is_nullable(mine) || is_nullable(theirs);
    // `$ref`, and a composition of one `$ref` (how a nullable reference is written, with
    // `allOf`, `anyOf` or `oneOf`), are the same reference.
    if let (Some(a), Some(b)) = (single_ref(mine), single_ref(theirs)) {
        if a == b {
            if nullable {
                object_at(into, &[]).insert("nullable".into(), Value::Bool(true));
            }
            return;
        }
    }
    let kind = (kind_of(mine), kind_of(theirs));
    match kind {
        // A model in one spec, the same thing written inline in an older one: the model
        // (what the newer specs call it), which reads the older servers' answers too.
        (Kind::Object, Kind::Ref(_)) => {
            warn_conflict(into, &from, pointer, cx, warnings);
            *into = from;
        }
        (Kind::Ref(_), Kind::Object) => warn_conflict(into, &from, pointer, cx, warnings),
        (Kind::Ref(a), Kind::Ref(b)) if a == b => {}
        (Kind::Object, Kind::Object) => merge_object(into, from, pointer, cx, warnings),
        (Kind::Array, Kind::Array) => match (from.get("items").cloned(), into.get_mut("items")) {
            (Some(items), Some(mine)) => {
                merge_schema(mine, items, &format!("{pointer}/items"), cx, warnings)
            }
            // A list of anything in one spec, of something in another: of that something.
            (Some(items), None) => {
                object_at(into, &[]).insert("items".into(), items);
            }
            _ => {}
        },
        (Kind::Scalar(a), Kind::Scalar(b)) if a == b || is_numeric(&a) && is_numeric(&b) => {
            let target = into.as_object_mut().expect("an object");
            if a != b {
                target.insert("type".into(), json!("number"));
            }
            if target.get("format") != from.get("format") {
                target.remove("format");
            }
            match (target.get("enum").cloned(), from.get("enum")) {
                (Some(Value::Array(mut values)), Some(Value::Array(more))) => {
                    for value in more {
                        if !values.contains(value) {
                            values.push(value.clone());
                        }
                    }
                    target.insert("enum".into(), Value::Array(values));
                }
                // One side lists no values: the other's are kept (a string enum reads any
                // other value too, as `Other`).
                (None, Some(values)) => {
                    target.insert("enum".into(), values.clone());
                }
                _ => {}
            }
        }
        // `oneOf` in one spec, `anyOf` in another: one union, the first's keyword.
        (Kind::Union(key), Kind::Union(other)) => {
            let branches = from.get(other).cloned().unwrap_or_default();
            // A union beside properties (`notes/create`: the fields, then which are needed
            // together): the properties merge as an object's.
            if into.get("properties").is_some() || from.get("properties").is_some() {
                let mut rest = from;
                if let Some(map) = rest.as_object_mut() {
                    map.remove(other);
                }
                merge_object(into, rest, pointer, cx, warnings);
            }
            merge_union(into, json!({ key: branches }), key, pointer, cx, warnings)
        }
        // A union told apart by `type`, or of models, and a plain object (an older spec's
        // form of it): the union, which reads what it does not recognize as raw JSON (a
        // tagged union's `Unknown`), or reads it as the models say (newer specs name them).
        (Kind::Union(key), Kind::Object) if is_tagged(into, key) => {
            warn_conflict(into, &from, pointer, cx, warnings);
        }
        (Kind::Object, Kind::Union(key)) if is_tagged(&from, key) || all_refs(&from, key) => {
            warn_conflict(into, &from, pointer, cx, warnings);
            *into = from;
            return;
        }
        // A union and one more shape: one more branch of the union, not a union of unions.
        (Kind::Union(key), Kind::Object | Kind::Ref(_)) => {
            warn_conflict(into, &from, pointer, cx, warnings);
            let branch = from;
            merge_union(into, json!({ key: [branch] }), key, pointer, cx, warnings);
        }
        (Kind::Object | Kind::Ref(_), Kind::Union(key)) => {
            // The newer spec's branches first: where they overlap, theirs are read first.
            warn_conflict(into, &from, pointer, cx, warnings);
            let mine = std::mem::take(into);
            *into = from;
            merge_union(into, json!({ key: [mine] }), key, pointer, cx, warnings);
        }
        (Kind::AllOf, Kind::AllOf)
            if into["allOf"].as_array().map(Vec::len) == from["allOf"].as_array().map(Vec::len) =>
        {
            let theirs = from["allOf"].as_array().cloned().unwrap_or_default();
            for (i, part) in theirs.into_iter().enumerate() {
                let mine = &mut into["allOf"][i];
                merge_schema(mine, part, &format!("{pointer}/allOf/{i}"), cx, warnings);
            }
        }
        // Two ways to write an object (a union of objects, a composition, the fields
        // beside a union of which are needed together): one object with the fields of both.
        _ => match (as_object(into), as_object(&from)) {
            (Some(mine), Some(theirs)) => {
                *into = mine;
                merge_object(into, theirs, pointer, cx, warnings);
            }
            _ => {
                conflict(into, from, pointer, cx, warnings);
                return;
            }
        },
    }
    if nullable {
        if let Some(target) = into.as_object_mut() {
            target.insert("nullable".into(), Value::Bool(true));
        }
    }
}

/// Two objects: every property of either, each merged where both have it; required where
/// both require it.
fn merge_object(
    into: &mut Value,
    from: Value,
    pointer: &str,
    cx: &Cx<'_>,
    warnings: &mut Warnings,
) {
    let Value::Object(mut from) = from else {
        return;
    };
    let theirs_required = required_of(&from);
    let mine_required = required_of(into.as_object().expect("an object"));
    let properties = from.remove("properties").unwrap_or(Value::Null);
    let target = object_at(into, &["properties"]);
    let here = format!("{pointer}/properties");
    merge_map(target, properties, &here, cx, warnings, merge_schema);
    let both: Vec<Value> = mine_required
        .iter()
        .filter(|name| theirs_required.contains(*name))
        .map(|name| Value::String(name.clone()))
        .collect();
    let target = into.as_object_mut().expect("an object");
    if both.is_empty() {
        target.remove("required");
    } else {
        target.insert("required".into(), Value::Array(both));
    }
    match (
        target.get_mut("additionalProperties"),
        from.remove("additionalProperties"),
    ) {
        (Some(mine), Some(theirs)) if mine.is_object() && theirs.is_object() => merge_schema(
            mine,
            theirs,
            &format!("{pointer}/additionalProperties"),
            cx,
            warnings,
        ),
        (None, Some(theirs)) => {
            target.insert("additionalProperties".into(), theirs);
        }
        _ => {}
    }
}

/// Two unions of one keyword: every branch of either; a branch selected by the same `type`
/// values, or the same reference, is merged with its counterpart.
fn merge_union(
    into: &mut Value,
    from: Value,
    key: &str,
    pointer: &str,
    cx: &Cx<'_>,
    warnings: &mut Warnings,
) {
    let theirs = from
        .get(key)
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let Some(mine) = into.get_mut(key).and_then(Value::as_array_mut) else {
        return;
    };
    for branch in theirs {
        let same = mine.iter().position(|b| {
            same_branch(b, &branch) || tag_of(b).is_some_and(|tag| Some(tag) == tag_of(&branch))
        });
        match same {
            Some(i) => {
                let here = format!("{pointer}/{key}/{i}");
                merge_schema(&mut mine[i], branch, &here, cx, warnings);
            }
            None => mine.push(branch),
        }
    }
}

/// The reference a schema is: its `$ref`, or that of the one branch of its composition.
fn single_ref(schema: &Map<String, Value>) -> Option<&str> {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        return Some(r);
    }
    ["allOf", "anyOf", "oneOf"].iter().find_map(|key| {
        match schema.get(*key)?.as_array()?.as_slice() {
            [one] => one.get("$ref")?.as_str(),
            _ => None,
        }
    })
}

/// Whether every branch of the union `key` is a model (`$ref`).
fn all_refs(schema: &Value, key: &str) -> bool {
    schema[key].as_array().is_some_and(|branches| {
        !branches.is_empty() && branches.iter().all(|b| b.get("$ref").is_some())
    })
}

/// Whether the union `key` tells its branches apart by their `type` values.
fn is_tagged(schema: &Value, key: &str) -> bool {
    schema[key].as_array().is_some_and(|branches| {
        !branches.is_empty() && branches.iter().all(|b| tag_of(b).is_some())
    })
}

/// An object schema written another way, as one plain object: its fields, required where
/// it always requires them. `None` for what is not an object (a list, a scalar, a
/// reference) or keeps its branches apart (a tagged union).
fn as_object(schema: &Value) -> Option<Value> {
    let map = schema.as_object()?;
    let mut properties = map
        .get("properties")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    let mut required = required_of(map);
    let union = ["anyOf", "oneOf"]
        .into_iter()
        .find(|k| map.contains_key(*k));
    match (kind_of(map), union) {
        (Kind::Object, None) => {}
        (Kind::Union(_), Some(key)) => {
            // Each branch an object (or only the fields it needs); a field is always
            // required when every branch requires it.
            let mut always: Option<BTreeSet<String>> = None;
            for branch in map[key].as_array()? {
                if tag_of(branch).is_some() {
                    return None;
                }
                let part = if branch.get("properties").is_some() || branch.get("allOf").is_some() {
                    as_object(branch)?
                } else if branch.as_object()?.keys().all(|k| k == "required") {
                    branch.clone()
                } else {
                    return None;
                };
                for (name, field) in part["properties"].as_object().into_iter().flatten() {
                    properties
                        .entry(name.clone())
                        .or_insert_with(|| field.clone());
                }
                let needs = required_of(part.as_object()?);
                always = Some(match always {
                    None => needs,
                    Some(before) => before.intersection(&needs).cloned().collect(),
                });
            }
            required.extend(always.unwrap_or_default());
        }
        (Kind::AllOf, _) => {
            for part in map["allOf"].as_array()? {
                let part = as_object(part)?;
                for (name, field) in part["properties"].as_object().into_iter().flatten() {
                    properties
                        .entry(name.clone())
                        .or_insert_with(|| field.clone());
                }
                required.extend(required_of(part.as_object()?));
            }
        }
        _ => return None,
    }
    let mut object = json!({"type": "object", "properties": properties});
    if !required.is_empty() {
        object["required"] = json!(required.into_iter().collect::<Vec<_>>());
    }
    for key in ["description", "nullable", "additionalProperties"] {
        if let Some(value) = map.get(key) {
            object[key] = value.clone();
        }
    }
    Some(object)
}

/// The `type` values that select a tagged union's branch.
fn tag_of(branch: &Value) -> Option<&Value> {
    branch.get("properties")?.get("type")?.get("enum")
}

/// The same place typed differently: a union that reads either, with a warning.
fn conflict(into: &mut Value, from: Value, pointer: &str, cx: &Cx<'_>, warnings: &mut Warnings) {
    warn_conflict(into, &from, pointer, cx, warnings);
    let mine = std::mem::take(into);
    *into = json!({"anyOf": [mine, from], EITHER: true});
}

/// Marks a union made by the merge, which later specs add their own way to.
const EITHER: &str = "x-misskey-either";

fn warn_conflict(into: &Value, from: &Value, pointer: &str, cx: &Cx<'_>, warnings: &mut Warnings) {
    warnings.push(
        pointer,
        format!(
            "typed {} in {} and {} in {}; the merge reads either",
            describe(into),
            cx.before.join(", "),
            describe(from),
            cx.label
        ),
    );
}

fn describe(schema: &Value) -> String {
    match schema.as_object().map(kind_of) {
        Some(Kind::Ref(r)) => format!("`{}`", r.rsplit('/').next().unwrap_or(&r)),
        Some(Kind::Object) => "an object".into(),
        Some(Kind::Array) => "an array".into(),
        Some(Kind::Scalar(t)) => format!("a {t}"),
        Some(Kind::Union(k)) => format!("a union ({k})"),
        Some(Kind::AllOf) => "a composition (allOf)".into(),
        Some(Kind::Other) | None => "otherwise".into(),
    }
}

#[derive(PartialEq)]
enum Kind {
    Ref(String),
    Object,
    Array,
    Scalar(String),
    Union(&'static str),
    AllOf,
    Other,
}

fn kind_of(schema: &Map<String, Value>) -> Kind {
    if let Some(r) = schema.get("$ref").and_then(Value::as_str) {
        return Kind::Ref(r.to_owned());
    }
    for key in ["oneOf", "anyOf"] {
        if schema.contains_key(key) {
            return Kind::Union(key);
        }
    }
    if schema.contains_key("allOf") {
        return Kind::AllOf;
    }
    match schema.get("type").and_then(Value::as_str) {
        Some("object") => Kind::Object,
        Some("array") => Kind::Array,
        Some(t) => Kind::Scalar(t.to_owned()),
        None if schema.contains_key("properties") => Kind::Object,
        None if schema.contains_key("items") => Kind::Array,
        None => Kind::Other,
    }
}

fn is_numeric(t: &str) -> bool {
    matches!(t, "integer" | "number")
}

fn is_any(schema: &Map<String, Value>) -> bool {
    kind_of(schema) == Kind::Other && !schema.contains_key("enum")
}

fn is_nullable(schema: &Map<String, Value>) -> bool {
    schema.get("nullable") == Some(&Value::Bool(true))
}

fn required_of(schema: &Map<String, Value>) -> BTreeSet<String> {
    schema
        .get("required")
        .and_then(Value::as_array)
        .map(|r| {
            r.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Which specs have each endpoint, component and property, by JSON pointer.
#[derive(Default)]
struct Availability {
    places: BTreeMap<String, BTreeSet<usize>>,
}

impl Availability {
    /// Records the places of spec number `index`.
    fn record(&mut self, spec: &Value, index: usize) {
        let mut add = |pointer: String| {
            self.places.entry(pointer).or_default().insert(index);
        };
        for (path, item) in spec["paths"].as_object().into_iter().flatten() {
            for method in item.as_object().into_iter().flat_map(|m| m.keys()) {
                add(format!("/paths/{}/{method}", escape(path)));
            }
        }
        for (name, schema) in spec["components"]["schemas"]
            .as_object()
            .into_iter()
            .flatten()
        {
            let pointer = format!("/components/schemas/{}", escape(name));
            add(pointer.clone());
            properties(schema, &pointer, &mut add, 0);
        }
    }

    /// Marks every place some spec lacks with the specs that have it, and answers the
    /// places it marked.
    fn annotate(&self, merged: &mut Value, labels: &[String]) -> BTreeMap<String, Vec<String>> {
        let mut marked = BTreeMap::new();
        for (pointer, specs) in &self.places {
            if specs.len() == labels.len() {
                continue;
            }
            let names: Vec<String> = specs.iter().map(|i| labels[*i].clone()).collect();
            if let Some(Value::Object(place)) = merged.pointer_mut(pointer) {
                place.insert(SPECS_KEY.into(), json!(names));
                marked.insert(pointer.clone(), names);
            }
        }
        marked
    }
}

/// Records the properties of an object schema and of the objects inline in it.
fn properties(schema: &Value, pointer: &str, add: &mut impl FnMut(String), depth: usize) {
    if depth > 8 {
        return;
    }
    for (name, property) in schema["properties"].as_object().into_iter().flatten() {
        let here = format!("{pointer}/properties/{}", escape(name));
        add(here.clone());
        properties(property, &here, add, depth + 1);
    }
    for key in ["allOf", "oneOf", "anyOf"] {
        for (i, part) in schema[key].as_array().into_iter().flatten().enumerate() {
            properties(part, &format!("{pointer}/{key}/{i}"), add, depth + 1);
        }
    }
}
