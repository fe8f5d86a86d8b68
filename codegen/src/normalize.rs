//! OpenAPI 3.1 → 3.0: rewrites the schema positions of a spec, as JSON, into 3.0's spelling,
//! the one [`spec`](crate::spec) reads.
//!
//! Only schema positions are touched (component schemas, request and response bodies,
//! parameters, and the sub-schemas inside them); example data, defaults and enum values are
//! data, never rewritten. Walking properties as a map keeps a property literally named `type`
//! a property.

use std::collections::HashSet;

use serde_json::{json, Map, Value};

use crate::diagnostics::Warnings;
use crate::Error;

/// The JSON Schema types a Misskey spec may use.
const KNOWN_TYPES: &[&str] = &[
    "string", "number", "integer", "boolean", "object", "array", "null",
];

/// Keywords that 3.0 does not have and that carry nothing the generator uses.
const DROPPED: &[&str] = &[
    "$schema",
    "$id",
    "$comment",
    "$anchor",
    "unevaluatedItems",
    "unevaluatedProperties",
    "if",
    "then",
    "else",
    "contentMediaType",
    "contentEncoding",
    "dependentRequired",
    "dependentSchemas",
    "propertyNames",
    "contains",
    "minContains",
    "maxContains",
    "patternProperties",
];

/// Keywords beside a `$ref` that change what the schema is, and so are kept (in an `allOf`
/// with the reference).
const TYPING_KEYWORDS: &[&str] = &[
    "properties",
    "required",
    "additionalProperties",
    "items",
    "allOf",
    "oneOf",
    "anyOf",
    "enum",
    PREFIX_ITEMS,
    NULL_ONLY,
];

/// Schemas nested deeper than this are read as untyped: no real spec comes near it, and
/// the generated Rust (and the generator's own recursion) must stay finite.
pub const MAX_DEPTH: usize = 24;

/// Marks a schema that only allows `null` (3.1 `type: "null"`), which 3.0 cannot say.
pub const NULL_ONLY: &str = "x-null-only";
/// Carries 3.1 `prefixItems` (tuples) through 3.0, which has no such keyword.
pub const PREFIX_ITEMS: &str = "x-prefix-items";

/// Rewrites a whole spec in place. Fails only on what is not an OpenAPI 3 document at all;
/// anything else odd is given a meaning and recorded in `warnings`.
pub fn normalize(spec: &mut Value, warnings: &mut Warnings) -> Result<(), Error> {
    let root = spec.as_object_mut().ok_or_else(|| {
        Error::spec(
            "",
            "a JSON object at the top level: this is not an OpenAPI document",
        )
    })?;
    let version = root
        .get("openapi")
        .and_then(Value::as_str)
        .unwrap_or_default();
    if !version.starts_with("3.") {
        return Err(Error::spec(
            "/openapi",
            format!(
                "`openapi: 3.0.x` or `3.1.x`, found {}: this is not an OpenAPI 3 document",
                root.get("openapi")
                    .map_or("nothing".to_owned(), Value::to_string)
            ),
        ));
    }
    if !(version.starts_with("3.0") || version.starts_with("3.1")) {
        warnings.push(
            "/openapi",
            format!("OpenAPI {version} is newer than 3.1; read as 3.1"),
        );
    }
    root.insert("openapi".into(), json!("3.0.3"));
    match root.get_mut("info") {
        Some(Value::Object(info)) => {
            for key in ["title", "version"] {
                if !info.get(key).is_some_and(Value::is_string) {
                    let found = info.remove(key);
                    let text = match found {
                        Some(Value::Number(n)) => n.to_string(),
                        _ => "unknown".to_owned(),
                    };
                    warnings.push(
                        &format!("/info/{key}"),
                        format!("not a string; read as {text:?}"),
                    );
                    info.insert(key.into(), Value::String(text));
                }
            }
        }
        _ => {
            root.insert(
                "info".into(),
                json!({"title": "Misskey API", "version": "unknown"}),
            );
        }
    }
    // 3.1-only top-level sections; nothing in them becomes an endpoint.
    root.remove("webhooks");
    root.remove("jsonSchemaDialect");
    let component_names: HashSet<String> = root
        .get("components")
        .and_then(|c| c.get("schemas"))
        .and_then(Value::as_object)
        .map(|s| s.keys().cloned().collect())
        .unwrap_or_default();
    let mut cx = Normalizer {
        components: component_names,
        warnings,
    };
    if let Some(components) = root.get_mut("components") {
        match components {
            Value::Object(components) => {
                components.remove("pathItems");
                match components.get_mut("schemas") {
                    Some(Value::Object(schemas)) => {
                        for (name, schema) in schemas.iter_mut() {
                            cx.schema(schema, &format!("/components/schemas/{}", escape(name)), 0);
                        }
                    }
                    Some(_) => {
                        cx.warnings
                            .push("/components/schemas", "not an object of schemas; ignored");
                        components.remove("schemas");
                    }
                    None => {}
                }
                if let Some(Value::Object(schemes)) = components.get_mut("securitySchemes") {
                    schemes.retain(|name, scheme| {
                        let in_body = scheme.get("in").and_then(Value::as_str) == Some("body");
                        if in_body {
                            cx.warnings.push(
                                &format!("/components/securitySchemes/{}", escape(name)),
                                "an API key `in: body` (how Misskey sends `i`) is not valid OpenAPI; the generator does not use security schemes, so it is left out",
                            );
                        }
                        !in_body
                    });
                }
                for (kind, holder) in components.iter_mut() {
                    let Value::Object(entries) = holder else {
                        continue;
                    };
                    for (name, entry) in entries.iter_mut() {
                        let pointer = format!("/components/{kind}/{}", escape(name));
                        match kind.as_str() {
                            "responses" | "requestBodies" => cx.content(entry, &pointer),
                            "parameters" => cx.parameter(entry, &pointer),
                            _ => {}
                        }
                    }
                }
            }
            _ => {
                cx.warnings.push("/components", "not an object; ignored");
                *components = json!({});
            }
        }
    }
    let paths = match root.get_mut("paths") {
        Some(Value::Object(paths)) => paths,
        Some(_) => {
            return Err(Error::spec(
                "/paths",
                "an object of paths: this is not an OpenAPI document",
            ))
        }
        None => {
            return Err(Error::spec(
                "/paths",
                "a `paths` object: this does not look like an OpenAPI spec",
            ))
        }
    };
    for (path, item) in paths.iter_mut() {
        let pointer = format!("/paths/{}", escape(path));
        if !item.is_object() {
            cx.warnings.push(
                &pointer,
                "not a path item object; read as an endpoint with no parameters that answers any JSON",
            );
            *item = json!({"post": {"responses": {"200": {"description": "", "content": {"application/json": {"schema": {}}}}}}});
        }
        let item = item.as_object_mut().expect("made an object above");
        for (method, operation) in item.iter_mut() {
            let pointer = format!("{pointer}/{method}");
            if method == "parameters" {
                cx.parameters(operation, &pointer);
                continue;
            }
            let Some(operation) = operation.as_object_mut() else {
                continue;
            };
            if let Some(parameters) = operation.get_mut("parameters") {
                cx.parameters(parameters, &format!("{pointer}/parameters"));
            }
            if let Some(body) = operation.get_mut("requestBody") {
                cx.content(body, &format!("{pointer}/requestBody"));
            }
            if let Some(Value::Object(responses)) = operation.get_mut("responses") {
                for (status, response) in responses.iter_mut() {
                    cx.content(response, &format!("{pointer}/responses/{}", escape(status)));
                }
            }
        }
    }
    Ok(())
}

/// Escapes a key for a JSON pointer (RFC 6901).
pub fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// A JSON pointer's segment as the key it escapes (RFC 6901).
pub fn unescape(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

/// A JSON pointer from its segments.
pub fn pointer<S: AsRef<str>>(segments: &[S]) -> String {
    segments
        .iter()
        .map(|seg| format!("/{}", escape(seg.as_ref())))
        .collect()
}

/// Normalizes one schema on its own (tests, and callers outside a spec).
pub fn normalize_schema(schema: &mut Value, pointer: &str, warnings: &mut Warnings) {
    Normalizer {
        components: HashSet::new(),
        warnings,
    }
    .schema(schema, pointer, 0);
}

struct Normalizer<'w> {
    /// Component schema names, to read a `type` that names one as a reference to it.
    components: HashSet<String>,
    warnings: &'w mut Warnings,
}

impl Normalizer<'_> {
    fn parameters(&mut self, parameters: &mut Value, pointer: &str) {
        if let Value::Array(list) = parameters {
            for (i, parameter) in list.iter_mut().enumerate() {
                self.parameter(parameter, &format!("{pointer}/{i}"));
            }
        }
    }

    fn parameter(&mut self, parameter: &mut Value, pointer: &str) {
        if let Some(schema) = parameter.get_mut("schema") {
            self.schema(schema, &format!("{pointer}/schema"), 0);
        }
    }

    fn content(&mut self, holder: &mut Value, pointer: &str) {
        if let Some(Value::Object(content)) = holder.get_mut("content") {
            for (media, body) in content.iter_mut() {
                if let Some(schema) = body.get_mut("schema") {
                    let pointer = format!("{pointer}/content/{}/schema", escape(media));
                    self.schema(schema, &pointer, 0);
                }
            }
        }
    }

    /// Replaces a schema that cannot be read with an untyped one, keeping its description.
    fn untyped(&mut self, schema: &mut Value, pointer: &str, why: &str) {
        self.warnings
            .push(pointer, format!("{why}; read as any JSON value"));
        let description = schema.get("description").filter(|d| d.is_string()).cloned();
        let nullable = schema.get("nullable").cloned();
        *schema = json!({});
        if let Some(description) = description {
            schema["description"] = description;
        }
        if let Some(Value::Bool(true)) = nullable {
            schema["nullable"] = Value::Bool(true);
        }
    }

    /// Rewrites one schema and everything below it.
    fn schema(&mut self, schema: &mut Value, pointer: &str, depth: usize) {
        // JSON Schema's boolean schemas: `true` allows anything; `false` nothing, which a
        // response type cannot express either, so both read as "untyped".
        if schema.is_boolean() {
            *schema = json!({});
            return;
        }
        if !schema.is_object() {
            let found = kind_of(schema);
            self.untyped(
                schema,
                pointer,
                &format!("a schema must be an object, found {found}"),
            );
            return;
        }
        if depth > MAX_DEPTH {
            self.untyped(
                schema,
                pointer,
                &format!("nested more than {MAX_DEPTH} levels deep"),
            );
            return;
        }
        let map = schema.as_object_mut().expect("checked above");
        self.keywords(map, pointer);

        // Children first, so that this node's rewrite sees normalized sub-schemas.
        match map.get_mut("properties") {
            Some(Value::Object(properties)) => {
                for (name, property) in properties.iter_mut() {
                    let pointer = format!("{pointer}/properties/{}", escape(name));
                    self.schema(property, &pointer, depth + 1);
                }
            }
            Some(_) => {
                self.warnings.push(
                    &format!("{pointer}/properties"),
                    "not an object of property schemas; ignored",
                );
                map.remove("properties");
            }
            None => {}
        }
        if let Some(required) = map.get_mut("required") {
            let names: Option<Vec<Value>> = required
                .as_array()
                .map(|list| list.iter().filter(|v| v.is_string()).cloned().collect());
            let kept = names.as_ref().map_or(0, Vec::len);
            if required.as_array().map(Vec::len) != Some(kept) {
                self.warnings.push(
                    &format!("{pointer}/required"),
                    "not a list of property names; entries that are not strings are ignored",
                );
                *required = Value::Array(names.unwrap_or_default());
            }
        }
        if let Some(items) = map.get_mut("items") {
            if let Value::Array(tuple) = items {
                // Draft-4 style tuple `items: [...]` is what 3.1 calls prefixItems.
                let tuple = std::mem::take(tuple);
                map.remove("items");
                map.insert("prefixItems".into(), Value::Array(tuple));
            } else {
                self.schema(items, &format!("{pointer}/items"), depth + 1);
            }
        }
        if let Some(prefix) = map.remove("prefixItems") {
            match prefix {
                Value::Array(mut prefix) => {
                    for (i, item) in prefix.iter_mut().enumerate() {
                        self.schema(item, &format!("{pointer}/prefixItems/{i}"), depth + 1);
                    }
                    map.insert(PREFIX_ITEMS.into(), Value::Array(prefix));
                }
                _ => self.warnings.push(
                    &format!("{pointer}/prefixItems"),
                    "not an array of schemas; ignored",
                ),
            }
        }
        match map.get_mut("additionalProperties") {
            Some(additional @ Value::Object(_)) => {
                self.schema(
                    additional,
                    &format!("{pointer}/additionalProperties"),
                    depth + 1,
                );
            }
            Some(Value::Bool(_)) | None => {}
            Some(_) => {
                self.warnings.push(
                    &format!("{pointer}/additionalProperties"),
                    "neither a schema nor a boolean; ignored",
                );
                map.remove("additionalProperties");
            }
        }
        if let Some(not) = map.get_mut("not") {
            self.schema(not, &format!("{pointer}/not"), depth + 1);
        }
        if map.get("nullable").is_some_and(|n| !n.is_boolean()) {
            self.warnings
                .push(&format!("{pointer}/nullable"), "not a boolean; ignored");
            map.remove("nullable");
        }
        let mut nullable = map
            .get("nullable")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        for keyword in ["allOf", "oneOf", "anyOf"] {
            let Some(list) = map.get_mut(keyword) else {
                continue;
            };
            let Some(list) = list.as_array_mut() else {
                self.warnings.push(
                    &format!("{pointer}/{keyword}"),
                    "not an array of schemas; ignored",
                );
                map.remove(keyword);
                continue;
            };
            for (i, branch) in list.iter_mut().enumerate() {
                self.schema(branch, &format!("{pointer}/{keyword}/{i}"), depth + 1);
            }
            if keyword != "allOf" {
                // `oneOf: [X, {type: null}]` is 3.1 for "nullable X".
                let before = list.len();
                list.retain(|branch| !is_null_only(branch));
                nullable |= list.len() != before;
                if list.is_empty() {
                    map.remove(keyword);
                    map.insert(NULL_ONLY.into(), Value::Bool(true));
                }
            }
        }

        for keyword in DROPPED {
            map.remove(*keyword);
        }
        if let Some(examples) = map.remove("examples") {
            if let (false, Some(first)) = (
                map.contains_key("example"),
                examples.as_array().and_then(|e| e.first()),
            ) {
                map.insert("example".into(), first.clone());
            }
        }
        if let Some(constant) = map.remove("const") {
            map.insert("enum".into(), Value::Array(vec![constant]));
        }
        match map.get_mut("enum") {
            Some(Value::Array(values)) => {
                let before = values.len();
                values.retain(|v| !v.is_null());
                nullable |= values.len() != before;
                if values.is_empty() {
                    map.remove("enum");
                    map.insert(NULL_ONLY.into(), Value::Bool(true));
                }
            }
            Some(_) => {
                self.warnings.push(
                    &format!("{pointer}/enum"),
                    "not an array of values; ignored",
                );
                map.remove("enum");
            }
            None => {}
        }

        match map.remove("type") {
            None => {}
            Some(Value::String(t)) => match self.type_name(&t, pointer) {
                TypeName::Known(t) if t == "null" => {
                    map.insert(NULL_ONLY.into(), Value::Bool(true));
                    nullable = true;
                }
                TypeName::Known(t) => {
                    map.insert("type".into(), Value::String(t));
                }
                TypeName::Ref(reference) => {
                    map.insert("$ref".into(), Value::String(reference));
                }
                TypeName::Untyped => {}
            },
            Some(Value::Array(types)) => {
                let mut names = Vec::new();
                let mut refs = Vec::new();
                for t in &types {
                    let Some(t) = t.as_str() else {
                        self.warnings.push(
                            &format!("{pointer}/type"),
                            format!("{t} is not a type name; ignored"),
                        );
                        continue;
                    };
                    match self.type_name(t, pointer) {
                        TypeName::Known(t) if t == "null" => nullable = true,
                        TypeName::Known(t) => {
                            if !names.contains(&t) {
                                names.push(t);
                            }
                        }
                        TypeName::Ref(reference) => refs.push(json!({ "$ref": reference })),
                        // One untyped alternative makes the whole schema untyped.
                        TypeName::Untyped => {
                            names.clear();
                            refs.clear();
                            break;
                        }
                    }
                }
                match (names.as_slice(), refs.is_empty()) {
                    ([], true) if types.iter().all(|t| t == "null") => {
                        map.insert(NULL_ONLY.into(), Value::Bool(true));
                    }
                    ([], true) => {}
                    ([one], true) => {
                        map.insert("type".into(), json!(one));
                    }
                    // `type: [string, number]`: a union of the plain types.
                    (many, _) if !map.contains_key("oneOf") && !map.contains_key("anyOf") => {
                        let mut branches: Vec<Value> =
                            many.iter().map(|t| json!({ "type": t })).collect();
                        branches.extend(refs);
                        map.insert("anyOf".into(), Value::Array(branches));
                    }
                    _ => {}
                }
            }
            Some(other) => {
                self.warnings.push(
                    &format!("{pointer}/type"),
                    format!("{other} is not a type name; read as any JSON value"),
                );
            }
        }
        self.check_enum(map, pointer);
        if nullable {
            map.insert("nullable".into(), Value::Bool(true));
        }
        if !map.contains_key("type") && !map.contains_key("$ref") {
            // 3.0 needs `type` to read `properties` or `items` as such.
            if map.contains_key("properties") || map.contains_key("additionalProperties") {
                if !has_composition(map) {
                    map.insert("type".into(), json!("object"));
                }
            } else if map.contains_key("items") && !has_composition(map) {
                map.insert("type".into(), json!("array"));
            }
        }
        if let Some(reference) = map.get("$ref") {
            if !reference.is_string() {
                self.warnings.push(
                    &format!("{pointer}/$ref"),
                    "not a string; the reference is ignored",
                );
                map.remove("$ref");
            }
        }
        if map.contains_key("$ref") {
            rewrite_ref_with_siblings(map);
        }
    }

    /// The keywords that bound a value (`minLength`, `maximum`, `uniqueItems`, …) and the
    /// annotations the generator reads (`description`, `format`), in 3.0's spelling and JSON
    /// type: one of another type says nothing readable, so it alone is left out, with a
    /// warning rather than silently.
    fn keywords(&mut self, map: &mut Map<String, Value>, pointer: &str) {
        // 3.1's `exclusiveMinimum: 5` is 3.0's `minimum: 5, exclusiveMinimum: true`.
        for (exclusive, bound) in [
            ("exclusiveMinimum", "minimum"),
            ("exclusiveMaximum", "maximum"),
        ] {
            if let Some(bound_value @ Value::Number(_)) = map.get(exclusive).cloned() {
                map.insert(bound.into(), bound_value);
                map.insert(exclusive.into(), Value::Bool(true));
            }
        }
        let bad: Vec<(String, &str)> = map
            .iter()
            .filter_map(|(key, value)| {
                let expected = match key.as_str() {
                    "minLength" | "maxLength" | "minItems" | "maxItems" | "minProperties"
                    | "maxProperties" => (!value.is_u64()).then_some("a non-negative integer"),
                    "minimum" | "maximum" | "multipleOf" => {
                        (!value.is_number()).then_some("a number")
                    }
                    "exclusiveMinimum" | "exclusiveMaximum" | "uniqueItems" => {
                        (!value.is_boolean()).then_some("a boolean")
                    }
                    "pattern" | "format" | "description" => {
                        (!value.is_string()).then_some("a string")
                    }
                    _ => None,
                }?;
                Some((key.clone(), expected))
            })
            .collect();
        for (key, expected) in bad {
            let found = map.remove(&key).expect("listed above");
            let found = match found.to_string() {
                text if text.len() > 40 => kind_of(&found).to_owned(),
                text => text,
            };
            self.warnings.push(
                &format!("{pointer}/{}", escape(&key)),
                format!("`{key}` must be {expected}, found {found}; left out"),
            );
        }
    }

    /// What a `type` value means: a JSON Schema type, or (as some forks write it) the name of
    /// a component schema or something else, which is warned about.
    fn type_name(&mut self, t: &str, pointer: &str) -> TypeName {
        let pointer = format!("{pointer}/type");
        if KNOWN_TYPES.contains(&t) {
            return TypeName::Known(t.to_owned());
        }
        let lower = t.to_ascii_lowercase();
        if KNOWN_TYPES.contains(&lower.as_str()) {
            self.warnings
                .push(&pointer, format!("type {t:?} read as {lower:?}"));
            return TypeName::Known(lower);
        }
        if self.components.contains(t) {
            self.warnings.push(
                &pointer,
                format!("type {t:?} names a component schema; read as a reference to it"),
            );
            return TypeName::Ref(format!("#/components/schemas/{}", escape(t)));
        }
        let what = if matches!(lower.as_str(), "any" | "mixed" | "unknown" | "json") {
            "not a JSON Schema type"
        } else {
            "neither a JSON Schema type nor a component schema"
        };
        self.warnings.push(
            &pointer,
            format!(
                "type {t:?} is {what} ({}); read as any JSON value",
                KNOWN_TYPES.join(", ")
            ),
        );
        TypeName::Untyped
    }

    /// A string enum must list strings; one that lists other values says nothing a string
    /// type can hold, so it is read as untyped rather than as a string that cannot match.
    fn check_enum(&mut self, map: &mut Map<String, Value>, pointer: &str) {
        let Some(Value::Array(values)) = map.get("enum") else {
            return;
        };
        let declared_string = map.get("type").and_then(Value::as_str) == Some("string");
        let all_strings = values.iter().all(Value::is_string);
        if declared_string && !all_strings {
            self.warnings.push(
                &format!("{pointer}/enum"),
                "a string enum lists values that are not strings; read as any JSON value",
            );
            map.remove("enum");
            map.remove("type");
            map.remove("format");
        }
    }
}

enum TypeName {
    Known(String),
    Ref(String),
    Untyped,
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn has_composition(map: &Map<String, Value>) -> bool {
    map.contains_key("allOf") || map.contains_key("oneOf") || map.contains_key("anyOf")
}

fn is_null_only(schema: &Value) -> bool {
    schema
        .get(NULL_ONLY)
        .and_then(Value::as_bool)
        .unwrap_or(false)
}

/// 3.0 ignores everything beside a `$ref`; 3.1 applies it. Keep what matters: nullability,
/// the description, and constraints (as an `allOf` with the reference).
fn rewrite_ref_with_siblings(map: &mut Map<String, Value>) {
    let reference = map.remove("$ref").expect("checked by caller");
    let nullable = map
        .remove("nullable")
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    let description = map.remove("description").filter(Value::is_string);
    // Only what changes the Rust type is kept beside the reference: a `type` restates the
    // target's, constraints (`minLength`) and annotations do not change it, and unknown
    // keywords (Misskey 13 writes `ref: "UserLite"` beside every `$ref`) mean nothing.
    map.retain(|key, _| TYPING_KEYWORDS.contains(&key.as_str()));
    let rest = std::mem::take(map);
    let target = json!({ "$ref": reference });
    if rest.is_empty() && !nullable && description.is_none() {
        *map = target.as_object().expect("object literal").clone();
        return;
    }
    let mut all_of = vec![target];
    if !rest.is_empty() {
        all_of.push(Value::Object(rest));
    }
    map.insert("allOf".into(), Value::Array(all_of));
    if nullable {
        map.insert("nullable".into(), Value::Bool(true));
    }
    if let Some(description) = description {
        map.insert("description".into(), description);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(mut schema: Value) -> Value {
        let mut warnings = Warnings::default();
        normalize_schema(&mut schema, "#", &mut warnings);
        assert!(warnings.as_slice().is_empty(), "{warnings:?}");
        schema
    }

    fn norm_warned(mut schema: Value) -> (Value, Vec<String>) {
        let mut warnings = Warnings::default();
        normalize_schema(&mut schema, "/s", &mut warnings);
        let warnings = warnings.into_vec().iter().map(|w| w.to_string()).collect();
        (schema, warnings)
    }

    #[test]
    fn type_arrays_become_nullable() {
        assert_eq!(
            norm(json!({"type": ["string", "null"]})),
            json!({"type": "string", "nullable": true})
        );
    }

    #[test]
    fn several_types_become_a_union() {
        let out = norm(json!({"type": ["string", "integer"]}));
        assert_eq!(
            out,
            json!({"anyOf": [{"type": "string"}, {"type": "integer"}]})
        );
    }

    #[test]
    fn null_branch_of_one_of_makes_it_nullable() {
        let out = norm(json!({"oneOf": [{"$ref": "#/components/schemas/Note"}, {"type": "null"}]}));
        assert_eq!(
            out,
            json!({"oneOf": [{"$ref": "#/components/schemas/Note"}], "nullable": true})
        );
    }

    #[test]
    fn ref_with_type_sibling_is_a_plain_ref() {
        let out = norm(json!({"type": "object", "$ref": "#/components/schemas/Note"}));
        assert_eq!(out, json!({"$ref": "#/components/schemas/Note"}));
    }

    #[test]
    fn nullable_ref_keeps_nullability_through_all_of() {
        let out = norm(json!({"type": ["object", "null"], "$ref": "#/components/schemas/Note"}));
        assert_eq!(
            out,
            json!({"allOf": [{"$ref": "#/components/schemas/Note"}], "nullable": true})
        );
    }

    #[test]
    fn const_becomes_a_one_value_enum_and_examples_an_example() {
        let out = norm(json!({"type": "string", "const": "note", "examples": ["note"]}));
        assert_eq!(
            out,
            json!({"type": "string", "enum": ["note"], "example": "note"})
        );
    }

    #[test]
    fn property_named_type_is_left_a_property() {
        let out =
            norm(json!({"type": "object", "properties": {"type": {"type": ["string", "null"]}}}));
        assert_eq!(
            out["properties"]["type"],
            json!({"type": "string", "nullable": true})
        );
        assert_eq!(out["type"], json!("object"));
    }

    #[test]
    fn example_data_is_not_rewritten() {
        let out = norm(json!({"type": "object", "example": {"type": ["a", "null"], "const": 1}}));
        assert_eq!(out["example"], json!({"type": ["a", "null"], "const": 1}));
    }

    #[test]
    fn prefix_items_are_carried_in_an_extension() {
        let out = norm(
            json!({"type": "array", "prefixItems": [{"type": ["integer"]}, {"type": "string"}]}),
        );
        assert_eq!(
            out[PREFIX_ITEMS],
            json!([{"type": "integer"}, {"type": "string"}])
        );
        assert!(out.get("prefixItems").is_none());
    }

    #[test]
    fn null_in_enum_makes_it_nullable() {
        let out = norm(json!({"type": ["string", "null"], "enum": ["a", null]}));
        assert_eq!(
            out,
            json!({"type": "string", "enum": ["a"], "nullable": true})
        );
    }

    #[test]
    fn unknown_type_is_untyped_with_a_warning_naming_its_pointer() {
        let (out, warnings) =
            norm_warned(json!({"type": "object", "properties": {"x": {"type": "strnig"}}}));
        assert_eq!(out["properties"]["x"], json!({}));
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(
            warnings[0].starts_with("/s/properties/x/type: "),
            "{warnings:?}"
        );
        assert!(warnings[0].contains("strnig"), "{warnings:?}");
    }

    #[test]
    fn type_any_and_capitalized_types_are_read_with_a_warning() {
        let (out, warnings) = norm_warned(json!({"type": "any"}));
        assert_eq!(out, json!({}));
        assert!(warnings[0].contains("\"any\""), "{warnings:?}");
        let (out, warnings) = norm_warned(json!({"type": "String"}));
        assert_eq!(out, json!({"type": "string"}));
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn a_type_naming_a_component_is_a_reference() {
        let mut spec = json!({
            "openapi": "3.0.0",
            "paths": {},
            "components": {"schemas": {
                "Note": {"type": "object"},
                "Holder": {"type": "object", "properties": {"note": {"type": "Note", "nullable": true}}},
            }},
        });
        let mut warnings = Warnings::default();
        normalize(&mut spec, &mut warnings).unwrap();
        assert_eq!(
            spec["components"]["schemas"]["Holder"]["properties"]["note"],
            json!({"allOf": [{"$ref": "#/components/schemas/Note"}], "nullable": true})
        );
        assert!(warnings.as_slice()[0]
            .pointer
            .ends_with("/Holder/properties/note/type"));
    }

    #[test]
    fn non_string_values_in_a_string_enum_make_it_untyped() {
        let (out, warnings) = norm_warned(json!({"type": "string", "enum": ["a", 1, true]}));
        assert_eq!(out, json!({}));
        assert!(warnings[0].starts_with("/s/enum: "), "{warnings:?}");
    }

    #[test]
    fn schemas_that_are_not_objects_are_untyped() {
        let (out, warnings) = norm_warned(
            json!({"type": "object", "properties": {"a": 3, "b": {"items": "x", "type": "array"}}}),
        );
        assert_eq!(out["properties"]["a"], json!({}));
        assert_eq!(out["properties"]["b"]["items"], json!({}));
        assert_eq!(warnings.len(), 2, "{warnings:?}");
    }

    #[test]
    fn deep_nesting_is_cut_with_a_warning() {
        let mut schema = json!({"type": "string"});
        for _ in 0..60 {
            schema = json!({"type": "array", "items": schema});
        }
        let (out, warnings) = norm_warned(schema);
        let mut depth = 0;
        let mut node = &out;
        while let Some(items) = node.get("items") {
            node = items;
            depth += 1;
        }
        assert_eq!(depth, MAX_DEPTH + 1);
        assert_eq!(*node, json!({}));
        assert_eq!(warnings.len(), 1, "{warnings:?}");
    }

    #[test]
    fn what_is_not_openapi_3_is_an_error() {
        let mut warnings = Warnings::default();
        for doc in [
            json!([1, 2]),
            json!({"swagger": "2.0", "paths": {}}),
            json!({"openapi": "3.1.0"}),
            json!({"openapi": "3.1.0", "paths": []}),
        ] {
            let mut doc = doc;
            assert!(normalize(&mut doc, &mut warnings).is_err(), "{doc}");
        }
    }
}
