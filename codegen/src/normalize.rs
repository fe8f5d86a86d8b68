//! OpenAPI 3.1 → 3.0: rewrites the schema positions of a spec, as JSON, into the form the
//! `openapiv3` crate parses.
//!
//! Only schema positions are touched (component schemas, request and response bodies,
//! parameters, and the sub-schemas inside them); example data, defaults and enum values are
//! data, never rewritten. Walking properties as a map keeps a property literally named `type`
//! a property.

use serde_json::{json, Map, Value};

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

/// Marks a schema that only allows `null` (3.1 `type: "null"`), which 3.0 cannot say.
pub const NULL_ONLY: &str = "x-null-only";
/// Carries 3.1 `prefixItems` (tuples) through 3.0, which has no such keyword.
pub const PREFIX_ITEMS: &str = "x-prefix-items";

/// Rewrites a whole spec in place.
pub fn normalize(spec: &mut Value) -> Result<(), Error> {
    let root = spec
        .as_object_mut()
        .ok_or_else(|| Error::spec("", "a JSON object at the top level"))?;
    let version = root
        .get("openapi")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    if !(version.starts_with("3.0") || version.starts_with("3.1")) {
        return Err(Error::spec(
            "/openapi",
            format!("`openapi: 3.0.x` or `3.1.x`, found {:?}", version),
        ));
    }
    root.insert("openapi".into(), json!("3.0.3"));
    root.entry("info")
        .or_insert_with(|| json!({"title": "Misskey API", "version": "unknown"}));
    // 3.1-only top-level sections; nothing in them becomes an endpoint.
    root.remove("webhooks");
    root.remove("jsonSchemaDialect");
    if let Some(components) = root.get_mut("components").and_then(Value::as_object_mut) {
        components.remove("pathItems");
        if let Some(schemas) = components.get_mut("schemas").and_then(Value::as_object_mut) {
            for (name, schema) in schemas.iter_mut() {
                normalize_schema(schema, &format!("/components/schemas/{}", escape(name)))?;
            }
        }
    }
    let paths = match root.get_mut("paths") {
        Some(Value::Object(paths)) => paths,
        Some(_) => return Err(Error::spec("/paths", "an object of paths")),
        None => {
            return Err(Error::spec(
                "/paths",
                "a `paths` object: this does not look like an OpenAPI spec",
            ))
        }
    };
    for (path, item) in paths.iter_mut() {
        let pointer = format!("/paths/{}", escape(path));
        let item = item
            .as_object_mut()
            .ok_or_else(|| Error::spec(&pointer, "a path item object"))?;
        for (method, operation) in item.iter_mut() {
            let pointer = format!("{pointer}/{method}");
            if method == "parameters" {
                normalize_parameters(operation, &pointer)?;
                continue;
            }
            let Some(operation) = operation.as_object_mut() else {
                continue;
            };
            if let Some(parameters) = operation.get_mut("parameters") {
                normalize_parameters(parameters, &format!("{pointer}/parameters"))?;
            }
            if let Some(body) = operation.get_mut("requestBody") {
                normalize_content(body, &format!("{pointer}/requestBody"))?;
            }
            if let Some(Value::Object(responses)) = operation.get_mut("responses") {
                for (status, response) in responses.iter_mut() {
                    normalize_content(response, &format!("{pointer}/responses/{status}"))?;
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

fn normalize_parameters(parameters: &mut Value, pointer: &str) -> Result<(), Error> {
    if let Value::Array(list) = parameters {
        for (i, parameter) in list.iter_mut().enumerate() {
            if let Some(schema) = parameter.get_mut("schema") {
                normalize_schema(schema, &format!("{pointer}/{i}/schema"))?;
            }
        }
    }
    Ok(())
}

fn normalize_content(holder: &mut Value, pointer: &str) -> Result<(), Error> {
    if let Some(Value::Object(content)) = holder.get_mut("content") {
        for (media, body) in content.iter_mut() {
            if let Some(schema) = body.get_mut("schema") {
                normalize_schema(
                    schema,
                    &format!("{pointer}/content/{}/schema", escape(media)),
                )?;
            }
        }
    }
    Ok(())
}

/// Rewrites one schema and everything below it.
pub fn normalize_schema(schema: &mut Value, pointer: &str) -> Result<(), Error> {
    match schema {
        // JSON Schema's boolean schemas: `true` allows anything; `false` nothing, which a
        // response type cannot express either, so both read as "untyped".
        Value::Bool(_) => {
            *schema = json!({});
            return Ok(());
        }
        Value::Object(_) => {}
        _ => return Err(Error::spec(pointer, "a schema object")),
    }
    let map = schema.as_object_mut().expect("checked above");

    // Children first, so that this node's rewrite sees normalized sub-schemas.
    if let Some(properties) = map.get_mut("properties") {
        let properties = properties.as_object_mut().ok_or_else(|| {
            Error::spec(
                &format!("{pointer}/properties"),
                "an object of property schemas",
            )
        })?;
        for (name, property) in properties.iter_mut() {
            normalize_schema(property, &format!("{pointer}/properties/{}", escape(name)))?;
        }
    }
    if let Some(items) = map.get_mut("items") {
        if let Value::Array(tuple) = items {
            // Draft-4 style tuple `items: [...]` is what 3.1 calls prefixItems.
            let tuple = std::mem::take(tuple);
            map.remove("items");
            map.insert("prefixItems".into(), Value::Array(tuple));
        } else {
            normalize_schema(items, &format!("{pointer}/items"))?;
        }
    }
    if let Some(prefix) = map.remove("prefixItems") {
        let Value::Array(mut prefix) = prefix else {
            return Err(Error::spec(
                &format!("{pointer}/prefixItems"),
                "an array of schemas",
            ));
        };
        for (i, item) in prefix.iter_mut().enumerate() {
            normalize_schema(item, &format!("{pointer}/prefixItems/{i}"))?;
        }
        map.insert(PREFIX_ITEMS.into(), Value::Array(prefix));
    }
    match map.get_mut("additionalProperties") {
        Some(Value::Object(_)) => {
            let additional = map.get_mut("additionalProperties").expect("present");
            normalize_schema(additional, &format!("{pointer}/additionalProperties"))?;
        }
        Some(Value::Bool(_)) | None => {}
        Some(_) => {
            return Err(Error::spec(
                &format!("{pointer}/additionalProperties"),
                "a schema or a boolean",
            ))
        }
    }
    if let Some(not) = map.get_mut("not") {
        normalize_schema(not, &format!("{pointer}/not"))?;
    }
    let mut nullable = map
        .get("nullable")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    for keyword in ["allOf", "oneOf", "anyOf"] {
        let Some(list) = map.get_mut(keyword) else {
            continue;
        };
        let list = list
            .as_array_mut()
            .ok_or_else(|| Error::spec(&format!("{pointer}/{keyword}"), "an array of schemas"))?;
        for (i, branch) in list.iter_mut().enumerate() {
            normalize_schema(branch, &format!("{pointer}/{keyword}/{i}"))?;
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
    if let Some(Value::Array(values)) = map.get_mut("enum") {
        let before = values.len();
        values.retain(|v| !v.is_null());
        nullable |= values.len() != before;
        if values.is_empty() {
            map.remove("enum");
            map.insert(NULL_ONLY.into(), Value::Bool(true));
        }
    }

    match map.remove("type") {
        None => {}
        Some(Value::String(t)) => {
            check_type(&t, pointer)?;
            if t == "null" {
                map.insert(NULL_ONLY.into(), Value::Bool(true));
                nullable = true;
            } else {
                map.insert("type".into(), Value::String(t));
            }
        }
        Some(Value::Array(types)) => {
            let mut names = Vec::new();
            for t in &types {
                let t = t.as_str().ok_or_else(|| {
                    Error::spec(
                        &format!("{pointer}/type"),
                        "a type name or an array of type names",
                    )
                })?;
                check_type(t, pointer)?;
                if t == "null" {
                    nullable = true;
                } else if !names.contains(&t) {
                    names.push(t);
                }
            }
            match names.as_slice() {
                [] => {
                    map.insert(NULL_ONLY.into(), Value::Bool(true));
                }
                [one] => {
                    map.insert("type".into(), json!(one));
                }
                // `type: [string, number]`: a union of the plain types.
                many if !map.contains_key("oneOf") && !map.contains_key("anyOf") => {
                    let branches: Vec<Value> = many.iter().map(|t| json!({ "type": t })).collect();
                    map.insert("anyOf".into(), Value::Array(branches));
                }
                _ => {}
            }
        }
        Some(_) => {
            return Err(Error::spec(
                &format!("{pointer}/type"),
                "a type name or an array of type names",
            ))
        }
    }
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

    if map.contains_key("$ref") {
        rewrite_ref_with_siblings(map);
    }
    Ok(())
}

fn has_composition(map: &Map<String, Value>) -> bool {
    map.contains_key("allOf") || map.contains_key("oneOf") || map.contains_key("anyOf")
}

fn check_type(t: &str, pointer: &str) -> Result<(), Error> {
    if KNOWN_TYPES.contains(&t) {
        Ok(())
    } else {
        Err(Error::spec(
            &format!("{pointer}/type"),
            format!(
                "one of the JSON Schema types ({}), found {t:?}",
                KNOWN_TYPES.join(", ")
            ),
        ))
    }
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
    let description = map.remove("description");
    // A `type` beside a reference only restates the target's type.
    map.remove("type");
    for keyword in [
        "example",
        "default",
        "format",
        "readOnly",
        "writeOnly",
        "deprecated",
        "title",
    ] {
        map.remove(keyword);
    }
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
        normalize_schema(&mut schema, "#").unwrap();
        schema
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
    fn unknown_type_is_an_error_with_its_pointer() {
        let mut schema = json!({"type": "object", "properties": {"x": {"type": "strnig"}}});
        let err = normalize_schema(&mut schema, "/components/schemas/A")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("/components/schemas/A/properties/x/type"),
            "{err}"
        );
        assert!(err.contains("strnig"), "{err}");
    }
}
