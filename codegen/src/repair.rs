//! Mends the places of a normalized spec that `openapiv3` rejects, one at a time.
//!
//! The generator uses only a small part of OpenAPI: component schemas, and for each path its
//! operation's parameters, request body, responses and description. A part it does not use
//! (a security scheme that says `in: body`, as Misskey 13 writes it) is left out; a schema it
//! cannot read becomes untyped; a required field that is missing gets its empty value. Each
//! mend is a warning; the endpoint itself always stays.

use serde_json::{json, Value};

use crate::diagnostics::Warnings;
use crate::normalize;

const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Mends `root` (which sits at `prefix` in the spec) where `openapiv3` reported `message` at
/// `path` below it. Returns false when there is nothing left to mend at this level.
pub fn mend(
    root: &mut Value,
    prefix: &[String],
    path: &[String],
    message: &str,
    warnings: &mut Warnings,
) -> bool {
    let full: Vec<String> = prefix.iter().chain(path).cloned().collect();
    let pointer = |depth: usize| normalize::pointer(&full[..depth]);
    if let Some(depth) = deepest_schema(&full).filter(|d| *d >= prefix.len()) {
        if let Some(node) = get_mut(root, &full[prefix.len()..depth]) {
            if *node != json!({}) {
                warnings.push(
                    &pointer(depth),
                    format!("not a schema OpenAPI can read ({message}); read as any JSON value"),
                );
                *node = json!({});
                return true;
            }
        }
    }
    if path.is_empty() {
        return false;
    }
    if let Some(field) = missing_field(message) {
        let default = match field {
            "description" | "title" | "version" | "name" => Some(json!("")),
            "responses" => Some(json!({})),
            _ => None,
        };
        if let (Some(default), Some(Value::Object(node))) = (default, get_mut(root, path)) {
            if !node.contains_key(field) {
                warnings.push(
                    &pointer(full.len()),
                    format!("the required `{field}` is missing; read as empty"),
                );
                node.insert(field.to_owned(), default);
                return true;
            }
        }
    }
    // An operation the parser cannot read at all still names an endpoint: keep it as one
    // with no parameters that answers any JSON.
    if full.len() == 3 && full[0] == "paths" && METHODS.contains(&full[2].as_str()) {
        if let Some(node) = get_mut(root, path) {
            warnings.push(
                &pointer(full.len()),
                format!(
                    "not an operation OpenAPI can read ({message}); read as one with no parameters that answers any JSON"
                ),
            );
            *node = json!({"responses": {"200": {"description": "", "content": {"application/json": {"schema": {}}}}}});
            return true;
        }
    }
    let (last, parent_path) = path.split_last().expect("not empty");
    let removed = match get_mut(root, parent_path) {
        Some(Value::Object(map)) => map.shift_remove(last).is_some(),
        Some(Value::Array(list)) => match last.parse::<usize>() {
            Ok(i) if i < list.len() => {
                list.remove(i);
                true
            }
            _ => false,
        },
        _ => false,
    };
    if removed {
        warnings.push(
            &pointer(full.len()),
            format!("not valid OpenAPI ({message}); left out"),
        );
    }
    removed
}

fn missing_field(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("missing field `")?;
    rest.split('`').next()
}

fn get_mut<'v>(root: &'v mut Value, path: &[String]) -> Option<&'v mut Value> {
    path.iter().try_fold(root, |node, seg| match node {
        Value::Object(map) => map.get_mut(seg),
        Value::Array(list) => seg.parse::<usize>().ok().and_then(|i| list.get_mut(i)),
        _ => None,
    })
}

/// How many segments of `path` lead to the deepest schema on it, if any.
fn deepest_schema(path: &[String]) -> Option<usize> {
    let mut deepest = None;
    let mut in_schema = false;
    let mut i = 0;
    if path.len() >= 3 && path[0] == "components" && path[1] == "schemas" {
        deepest = Some(3);
        in_schema = true;
        i = 3;
    }
    while i < path.len() {
        let seg = path[i].as_str();
        if in_schema {
            match seg {
                "properties" | "allOf" | "oneOf" | "anyOf" | "x-prefix-items"
                    if i + 1 < path.len() =>
                {
                    i += 2;
                }
                "items" | "additionalProperties" | "not" => i += 1,
                _ => break,
            }
            deepest = Some(i);
        } else {
            i += 1;
            if seg == "schema" {
                in_schema = true;
                deepest = Some(i);
            }
        }
    }
    deepest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segs(path: &str) -> Vec<String> {
        path.split('/').map(str::to_owned).collect()
    }

    #[test]
    fn the_deepest_schema_on_a_path_is_found() {
        assert_eq!(
            deepest_schema(&segs("components/schemas/A/properties/b/items/type")),
            Some(6)
        );
        assert_eq!(
            deepest_schema(&segs(
                "paths/x/post/requestBody/content/application~1json/schema/oneOf/1"
            )),
            Some(9)
        );
        assert_eq!(
            deepest_schema(&segs("components/securitySchemes/ApiKeyAuth")),
            None
        );
        assert_eq!(deepest_schema(&segs("paths/x/post/responses/200")), None);
    }

    #[test]
    fn an_unknown_part_is_left_out_and_a_missing_field_filled() {
        let mut spec =
            json!({"components": {"securitySchemes": {"A": {"type": "apiKey", "in": "body"}}}});
        let mut warnings = Warnings::default();
        assert!(mend(
            &mut spec,
            &[],
            &segs("components/securitySchemes/A"),
            "unknown variant `body`",
            &mut warnings
        ));
        assert_eq!(spec, json!({"components": {"securitySchemes": {}}}));
        let mut op = json!({"responses": {"200": {"content": {}}}});
        assert!(mend(
            &mut op,
            &segs("paths/x/post"),
            &segs("responses/200"),
            "missing field `description`",
            &mut warnings
        ));
        assert_eq!(op["responses"]["200"]["description"], json!(""));
        assert_eq!(warnings.as_slice().len(), 2);
    }
}
