//! Reads the part of an OpenAPI document the generator uses, straight from its JSON.
//!
//! [`read`] walks a normalized spec once, borrowing from it: its paths, their operations
//! (parameters, request body, responses with their examples, description, security), and the
//! component sections those refer to. A part the generator uses that has the wrong JSON type
//! is left out with a warning naming its place; the endpoint around it stays. What the
//! generator does not use (servers, tags, security schemes, headers, links…) is not read, so
//! it cannot be wrong.
//!
//! Schemas are not copied: a [`Schema`] reads its keywords from the JSON when asked.
//! [`normalize`](crate::normalize) has already given every keyword the generator reads its
//! 3.0 spelling and JSON type; anything else found in a keyword reads as absent.

use std::collections::HashMap;

use serde_json::{Map, Number, Value};

use crate::diagnostics::Warnings;
use crate::normalize::{escape, NULL_ONLY, PREFIX_ITEMS};

/// The HTTP methods a path item may declare, in the order they are looked at.
const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// An item written in place, or a `$ref` to one.
#[derive(Debug, Clone, PartialEq)]
pub enum RefOr<'v, T> {
    Ref(&'v str),
    Item(T),
}

/// What the generator reads of a spec.
#[derive(Debug, Default)]
pub struct Spec<'v> {
    /// `info.title`.
    pub title: &'v str,
    /// `info.version`.
    pub version: &'v str,
    /// Every path (a key of `paths` that starts with `/`), in the spec's order.
    pub paths: Vec<(&'v str, RefOr<'v, PathItem<'v>>)>,
    pub components: Components<'v>,
}

/// The sections of `components` that operations and schemas refer to.
#[derive(Debug, Default)]
pub struct Components<'v> {
    /// `components.schemas`, in the spec's order.
    pub schemas: Vec<(&'v str, Schema<'v>)>,
    schema_index: HashMap<&'v str, usize>,
    pub responses: HashMap<&'v str, RefOr<'v, Body<'v>>>,
    pub parameters: HashMap<&'v str, RefOr<'v, Parameter<'v>>>,
    pub request_bodies: HashMap<&'v str, RefOr<'v, Body<'v>>>,
}

impl<'v> Components<'v> {
    /// The component schema `name`, with the name as the spec spells it.
    pub fn schema(&self, name: &str) -> Option<(&'v str, &Schema<'v>)> {
        let (key, schema) = &self.schemas[*self.schema_index.get(name)?];
        Some((key, schema))
    }
}

#[derive(Debug, Default)]
pub struct PathItem<'v> {
    /// The operations it declares, in [`METHODS`] order.
    pub operations: Vec<(&'static str, Operation<'v>)>,
    /// The parameters all its operations share, each with its index in the spec's list.
    pub parameters: Vec<(usize, RefOr<'v, Parameter<'v>>)>,
}

impl<'v> PathItem<'v> {
    pub fn operation(&self, method: &str) -> Option<&Operation<'v>> {
        self.operations
            .iter()
            .find(|(m, _)| *m == method)
            .map(|(_, op)| op)
    }
}

#[derive(Debug, Default)]
pub struct Operation<'v> {
    pub description: Option<&'v str>,
    /// `externalDocs.url`.
    pub docs_url: Option<&'v str>,
    /// It lists security requirements: it needs a credential.
    pub secured: bool,
    /// Each with its index in the spec's list.
    pub parameters: Vec<(usize, RefOr<'v, Parameter<'v>>)>,
    pub request_body: Option<RefOr<'v, Body<'v>>>,
    /// By status, in the spec's order; the key as written, and the status it stands for
    /// (`2XX` is 200).
    pub responses: Vec<(&'v str, u16, RefOr<'v, Body<'v>>)>,
}

/// A request body or a response: all the generator reads of either is its `content`.
#[derive(Debug, Default)]
pub struct Body<'v> {
    /// By media type, in the spec's order.
    pub content: Vec<(&'v str, MediaType<'v>)>,
}

/// Looks up a media type in a `content` list.
pub fn media<'c, 'v>(
    content: &'c [(&'v str, MediaType<'v>)],
    media_type: &str,
) -> Option<&'c MediaType<'v>> {
    content
        .iter()
        .find(|(m, _)| *m == media_type)
        .map(|(_, media)| media)
}

#[derive(Debug, Default)]
pub struct MediaType<'v> {
    pub schema: Option<Schema<'v>>,
    /// Named examples, in the spec's order: each one's `value`.
    pub examples: Vec<(&'v str, RefOr<'v, Option<&'v Value>>)>,
}

/// Where a parameter travels (`in`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParameterIn {
    Path,
    Query,
    Header,
    Cookie,
}

#[derive(Debug)]
pub struct Parameter<'v> {
    pub name: &'v str,
    pub location: ParameterIn,
    pub required: bool,
    pub description: Option<&'v str>,
    /// `None` for one described by `content` instead, or by nothing.
    pub schema: Option<Schema<'v>>,
}

/// A schema: one the spec writes, or a union the generator makes of several.
#[derive(Debug, Clone)]
pub enum Schema<'v> {
    /// As the (normalized) spec writes it; anything but an object says nothing.
    Written(&'v Value),
    /// `anyOf` these, with nothing beside: what merging object branches makes of a property
    /// they type differently.
    AnyOf(Vec<Schema<'v>>),
}

impl<'v> Schema<'v> {
    /// A schema that says nothing: any JSON value.
    pub const UNTYPED: Schema<'static> = Schema::Written(&Value::Null);

    fn keyword(&self, key: &str) -> Option<&'v Value> {
        match self {
            Schema::Written(value) => value.get(key),
            Schema::AnyOf(_) => None,
        }
    }

    fn text(&self, key: &str) -> Option<&'v str> {
        self.keyword(key).and_then(Value::as_str)
    }

    fn list(&self, key: &str) -> &'v [Value] {
        self.keyword(key)
            .and_then(Value::as_array)
            .map_or(&[], Vec::as_slice)
    }

    fn flag(&self, key: &str) -> bool {
        self.keyword(key).and_then(Value::as_bool).unwrap_or(false)
    }

    /// The `$ref` it is, if it is one (3.0 ignores anything beside it).
    pub fn reference(&self) -> Option<&'v str> {
        self.text("$ref")
    }

    pub fn typ(&self) -> Option<&'v str> {
        self.text("type")
    }

    pub fn format(&self) -> Option<&'v str> {
        self.text("format")
    }

    pub fn description(&self) -> Option<&'v str> {
        self.text("description")
    }

    pub fn nullable(&self) -> bool {
        self.flag("nullable")
    }

    /// It allows only `null` (3.1's `type: "null"`, marked by normalization).
    pub fn null_only(&self) -> bool {
        self.flag(NULL_ONLY)
    }

    pub fn properties(&self) -> Vec<(&'v str, Schema<'v>)> {
        match self.keyword("properties") {
            Some(Value::Object(properties)) => properties
                .iter()
                .map(|(name, schema)| (name.as_str(), Schema::Written(schema)))
                .collect(),
            _ => Vec::new(),
        }
    }

    pub fn required(&self) -> Vec<&'v str> {
        self.list("required")
            .iter()
            .filter_map(Value::as_str)
            .collect()
    }

    /// `additionalProperties` when it is a schema (`true` says no more than no schema).
    pub fn additional_properties(&self) -> Option<Schema<'v>> {
        self.keyword("additionalProperties")
            .filter(|a| a.is_object())
            .map(Schema::Written)
    }

    pub fn items(&self) -> Option<Schema<'v>> {
        self.keyword("items").map(Schema::Written)
    }

    /// A tuple's items (3.1 `prefixItems`, carried through normalization).
    pub fn prefix_items(&self) -> Option<Vec<Schema<'v>>> {
        match self.keyword(PREFIX_ITEMS) {
            Some(Value::Array(items)) => Some(items.iter().map(Schema::Written).collect()),
            _ => None,
        }
    }

    /// The string values of its `enum`.
    pub fn enum_strings(&self) -> Vec<&'v str> {
        self.list("enum").iter().filter_map(Value::as_str).collect()
    }

    pub fn one_of(&self) -> Vec<Schema<'v>> {
        self.list("oneOf").iter().map(Schema::Written).collect()
    }

    pub fn any_of(&self) -> Vec<Schema<'v>> {
        match self {
            Schema::AnyOf(branches) => branches.clone(),
            Schema::Written(_) => self.list("anyOf").iter().map(Schema::Written).collect(),
        }
    }

    pub fn all_of(&self) -> Vec<Schema<'v>> {
        self.list("allOf").iter().map(Schema::Written).collect()
    }

    /// `default`, the value the server assumes when the field is left out.
    pub fn default(&self) -> Option<&'v Value> {
        self.keyword("default")
    }

    /// `minimum`, and whether it is exclusive (3.0's `exclusiveMinimum: true`).
    pub fn minimum(&self) -> Option<(&'v Number, bool)> {
        self.bound("minimum", "exclusiveMinimum")
    }

    /// `maximum`, and whether it is exclusive.
    pub fn maximum(&self) -> Option<(&'v Number, bool)> {
        self.bound("maximum", "exclusiveMaximum")
    }

    fn bound(&self, key: &str, exclusive: &str) -> Option<(&'v Number, bool)> {
        match self.keyword(key)? {
            Value::Number(bound) => Some((bound, self.flag(exclusive))),
            _ => None,
        }
    }

    /// A count: `minLength`, `maxLength`, `minItems` or `maxItems`.
    pub fn count(&self, key: &str) -> Option<u64> {
        self.keyword(key).and_then(Value::as_u64)
    }

    pub fn unique_items(&self) -> bool {
        self.flag("uniqueItems")
    }

    pub fn pattern(&self) -> Option<&'v str> {
        self.text("pattern")
    }

    /// The branches of an `anyOf` that has nothing beside it: one more branch can join it.
    pub fn bare_any_of(&self) -> Option<Vec<Schema<'v>>> {
        match self {
            Schema::AnyOf(branches) => Some(branches.clone()),
            Schema::Written(Value::Object(map)) if map.len() == 1 && map.contains_key("anyOf") => {
                Some(self.any_of())
            }
            Schema::Written(_) => None,
        }
    }
}

/// Two schemas are the same when they say the same to a 3.0 reader: a reference is its
/// target alone (what is beside it, such as the merge's annotations, is not read); a key 3.0
/// does not define (Misskey 13's `optional`) says nothing, nor does a flag that is false or a
/// list that is empty.
impl PartialEq for Schema<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Schema::Written(a), Schema::Written(b)) => same_schema(a, b),
            (Schema::AnyOf(a), Schema::AnyOf(b)) => a == b,
            _ => false,
        }
    }
}

/// The keywords of a 3.0 schema besides `$ref` and extensions (`x-…`).
const KEYWORDS: &[&str] = &[
    "nullable",
    "readOnly",
    "writeOnly",
    "deprecated",
    "externalDocs",
    "example",
    "title",
    "description",
    "discriminator",
    "default",
    "type",
    "format",
    "pattern",
    "multipleOf",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "minLength",
    "maxLength",
    "properties",
    "required",
    "additionalProperties",
    "minProperties",
    "maxProperties",
    "items",
    "minItems",
    "maxItems",
    "uniqueItems",
    "enum",
    "allOf",
    "oneOf",
    "anyOf",
    "not",
];

/// What a keyword says: nothing when it is not a 3.0 keyword, or it is a flag that is false
/// or a list that is empty (which is what their absence says).
fn says(key: &str, value: &Value) -> bool {
    if key.starts_with("x-") {
        return true;
    }
    if !KEYWORDS.contains(&key) {
        return false;
    }
    match (key, value) {
        ("nullable" | "readOnly" | "writeOnly" | "deprecated", Value::Bool(flag)) => *flag,
        ("required" | "enum" | "allOf" | "oneOf" | "anyOf", Value::Array(list)) => !list.is_empty(),
        ("properties", Value::Object(map)) => !map.is_empty(),
        _ => true,
    }
}

fn same_schema(a: &Value, b: &Value) -> bool {
    match (reference(a), reference(b)) {
        (Some(a), Some(b)) => return a == b,
        (None, None) => {}
        _ => return false,
    }
    let (Some(a), Some(b)) = (a.as_object(), b.as_object()) else {
        return a == b;
    };
    let said = |schema: &Map<String, Value>| schema.iter().filter(|(k, v)| says(k, v)).count();
    said(a) == said(b)
        && a.iter().filter(|(k, v)| says(k, v)).all(|(key, x)| {
            let Some(y) = b.get(key).filter(|y| says(key, y)) else {
                return false;
            };
            match (key.as_str(), x, y) {
                ("properties", Value::Object(x), Value::Object(y)) => {
                    x.len() == y.len()
                        && x.iter()
                            .all(|(name, p)| y.get(name).is_some_and(|q| same_schema(p, q)))
                }
                ("items" | "additionalProperties" | "not", x, y) => same_schema(x, y),
                ("allOf" | "oneOf" | "anyOf", Value::Array(x), Value::Array(y)) => {
                    x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_schema(p, q))
                }
                // Data (examples, defaults, enum values), annotations and extensions.
                _ => x == y,
            }
        })
}

/// Reads a normalized spec. What is malformed in the parts the generator uses is left out,
/// with a warning each.
pub fn read<'v>(spec: &'v Value, warnings: &mut Warnings) -> Spec<'v> {
    let mut reader = Reader { warnings };
    let info = spec.get("info");
    let info_text = |key: &str| info.and_then(|i| i.get(key)).and_then(Value::as_str);
    let mut out = Spec {
        title: info_text("title").unwrap_or_default(),
        version: info_text("version").unwrap_or_default(),
        ..Spec::default()
    };
    if let Some(components) = spec.get("components").and_then(Value::as_object) {
        out.components = reader.components(components);
    }
    let paths = spec.get("paths").and_then(Value::as_object);
    for (path, item) in paths.into_iter().flatten() {
        // Other keys are extensions (`x-…`) or not paths at all.
        if !path.starts_with('/') {
            continue;
        }
        let pointer = format!("/paths/{}", escape(path));
        let item = match reference(item) {
            Some(target) => RefOr::Ref(target),
            None => RefOr::Item(reader.path_item(item, &pointer)),
        };
        out.paths.push((path.as_str(), item));
    }
    out
}

/// The `$ref` an object is, if it is one.
fn reference(value: &Value) -> Option<&str> {
    value.get("$ref").and_then(Value::as_str)
}

/// The status a key of `responses` stands for: `200`, or `2XX` read as 200; `None` for
/// `default` and extensions.
fn status(key: &str) -> Option<u16> {
    let bytes = key.as_bytes();
    if bytes.len() != 3 {
        return None;
    }
    if let Ok(code @ 100..=999) = key.parse::<u16>() {
        return Some(code);
    }
    match bytes {
        [digit @ b'0'..=b'9', x, y]
            if x.eq_ignore_ascii_case(&b'X') && y.eq_ignore_ascii_case(&b'X') =>
        {
            Some(u16::from(digit - b'0') * 100)
        }
        _ => None,
    }
}

struct Reader<'w> {
    warnings: &'w mut Warnings,
}

impl<'v> Reader<'_> {
    /// `value` as an object; anything else is left out, with a warning saying what it should
    /// have been.
    fn object(
        &mut self,
        value: &'v Value,
        pointer: &str,
        what: &str,
    ) -> Option<&'v Map<String, Value>> {
        let object = value.as_object();
        if object.is_none() {
            self.warnings.push(pointer, format!("not {what}; left out"));
        }
        object
    }

    /// The string at `key`, if there is one; anything else there is left out.
    fn text(&mut self, map: &'v Map<String, Value>, key: &str, pointer: &str) -> Option<&'v str> {
        let value = map.get(key)?;
        let text = value.as_str();
        if text.is_none() {
            self.warnings.push(
                &format!("{pointer}/{}", escape(key)),
                "not a string; left out",
            );
        }
        text
    }

    /// The entries of the object at `key`, if there is one.
    fn entries(
        &mut self,
        map: &'v Map<String, Value>,
        key: &str,
        pointer: &str,
        what: &str,
    ) -> Option<&'v Map<String, Value>> {
        let value = map.get(key)?;
        self.object(value, &format!("{pointer}/{}", escape(key)), what)
    }

    fn components(&mut self, components: &'v Map<String, Value>) -> Components<'v> {
        let mut out = Components::default();
        let pointer = "/components";
        if let Some(schemas) = self.entries(components, "schemas", pointer, "an object of schemas")
        {
            for (name, schema) in schemas {
                out.schema_index.insert(name.as_str(), out.schemas.len());
                out.schemas.push((name.as_str(), Schema::Written(schema)));
            }
        }
        out.responses = self.section(
            components,
            "responses",
            "an object of responses",
            |r, v, at| r.ref_or(v, at, "a response object", Self::body),
        );
        out.parameters = self.section(
            components,
            "parameters",
            "an object of parameters",
            Self::parameter,
        );
        out.request_bodies = self.section(
            components,
            "requestBodies",
            "an object of request bodies",
            |r, v, at| r.ref_or(v, at, "a request body object", Self::body),
        );
        out
    }

    /// The entries of `components.{key}` that `read` reads, by name.
    fn section<T>(
        &mut self,
        components: &'v Map<String, Value>,
        key: &str,
        what: &str,
        mut read: impl FnMut(&mut Self, &'v Value, &str) -> Option<T>,
    ) -> HashMap<&'v str, T> {
        let mut out = HashMap::new();
        let entries = self.entries(components, key, "/components", what);
        for (name, entry) in entries.into_iter().flatten() {
            let at = format!("/components/{key}/{}", escape(name));
            if let Some(entry) = read(self, entry, &at) {
                out.insert(name.as_str(), entry);
            }
        }
        out
    }

    /// A `$ref`, or an object read by `read`; anything else is left out.
    fn ref_or<T>(
        &mut self,
        value: &'v Value,
        pointer: &str,
        what: &str,
        read: impl FnOnce(&mut Self, &'v Map<String, Value>, &str) -> Option<T>,
    ) -> Option<RefOr<'v, T>> {
        if let Some(target) = reference(value) {
            return Some(RefOr::Ref(target));
        }
        let map = self.object(value, pointer, what)?;
        read(self, map, pointer).map(RefOr::Item)
    }

    fn path_item(&mut self, item: &'v Value, pointer: &str) -> PathItem<'v> {
        let mut out = PathItem::default();
        // Normalization made every path item an object.
        let Some(item) = item.as_object() else {
            return out;
        };
        out.parameters = self.parameters(item, pointer);
        for method in METHODS {
            let Some(operation) = item.get(*method) else {
                continue;
            };
            let at = format!("{pointer}/{method}");
            let operation = match operation.as_object() {
                Some(operation) => self.operation(operation, &at),
                None => {
                    self.warnings.push(
                        &at,
                        "not an operation object; read as one with no parameters that answers any JSON",
                    );
                    Operation::default()
                }
            };
            out.operations.push((method, operation));
        }
        out
    }

    fn parameters(
        &mut self,
        holder: &'v Map<String, Value>,
        pointer: &str,
    ) -> Vec<(usize, RefOr<'v, Parameter<'v>>)> {
        let Some(list) = holder.get("parameters") else {
            return Vec::new();
        };
        let pointer = format!("{pointer}/parameters");
        let Some(list) = list.as_array() else {
            self.warnings
                .push(&pointer, "not a list of parameters; left out");
            return Vec::new();
        };
        list.iter()
            .enumerate()
            .filter_map(|(i, parameter)| {
                let parameter = self.parameter(parameter, &format!("{pointer}/{i}"))?;
                Some((i, parameter))
            })
            .collect()
    }

    fn parameter(&mut self, value: &'v Value, pointer: &str) -> Option<RefOr<'v, Parameter<'v>>> {
        self.ref_or(value, pointer, "a parameter object", |reader, map, pointer| {
            let Some(name) = map.get("name").and_then(Value::as_str) else {
                reader
                    .warnings
                    .push(pointer, "a parameter without a string `name`; left out");
                return None;
            };
            let location = match map.get("in").and_then(Value::as_str) {
                Some("path") => ParameterIn::Path,
                Some("query") => ParameterIn::Query,
                Some("header") => ParameterIn::Header,
                Some("cookie") => ParameterIn::Cookie,
                other => {
                    reader.warnings.push(
                        &format!("{pointer}/in"),
                        format!(
                            "`in` is {}, not one of path, query, header, cookie; the parameter `{name}` is left out",
                            other.map_or("missing".to_owned(), |o| format!("{o:?}"))
                        ),
                    );
                    return None;
                }
            };
            let required = match map.get("required") {
                None => false,
                Some(Value::Bool(required)) => *required,
                Some(_) => {
                    reader
                        .warnings
                        .push(&format!("{pointer}/required"), "not a boolean; read as false");
                    false
                }
            };
            Some(Parameter {
                name,
                location,
                required,
                description: reader.text(map, "description", pointer),
                schema: map.get("schema").map(Schema::Written),
            })
        })
    }

    fn operation(&mut self, operation: &'v Map<String, Value>, pointer: &str) -> Operation<'v> {
        let description = self.text(operation, "description", pointer);
        let docs_url = operation.get("externalDocs").and_then(|docs| {
            let url = docs.get("url").and_then(Value::as_str);
            if url.is_none() {
                self.warnings.push(
                    &format!("{pointer}/externalDocs"),
                    "not an object with a string `url`; left out",
                );
            }
            url
        });
        let secured = match operation.get("security") {
            None => false,
            Some(Value::Array(requirements)) => !requirements.is_empty(),
            Some(_) => {
                self.warnings.push(
                    &format!("{pointer}/security"),
                    "not a list of security requirements; left out",
                );
                false
            }
        };
        let parameters = self.parameters(operation, pointer);
        let request_body = operation.get("requestBody").and_then(|body| {
            let at = format!("{pointer}/requestBody");
            self.ref_or(body, &at, "a request body object", Self::body)
        });
        let mut responses = Vec::new();
        match operation.get("responses") {
            None => self.warnings.push(
                pointer,
                "declares no `responses`; read as answering any JSON",
            ),
            Some(list) => {
                let at = format!("{pointer}/responses");
                let list = self.object(list, &at, "an object of responses");
                for (key, response) in list.into_iter().flatten() {
                    // Other keys are `default` and extensions.
                    let Some(code) = status(key) else {
                        continue;
                    };
                    let at = format!("{at}/{}", escape(key));
                    if let Some(response) =
                        self.ref_or(response, &at, "a response object", Self::body)
                    {
                        responses.push((key.as_str(), code, response));
                    }
                }
            }
        }
        Operation {
            description,
            docs_url,
            secured,
            parameters,
            request_body,
            responses,
        }
    }

    fn body(&mut self, body: &'v Map<String, Value>, pointer: &str) -> Option<Body<'v>> {
        Some(Body {
            content: self.content(body, pointer),
        })
    }

    fn content(
        &mut self,
        holder: &'v Map<String, Value>,
        pointer: &str,
    ) -> Vec<(&'v str, MediaType<'v>)> {
        let mut out = Vec::new();
        let Some(content) = self.entries(holder, "content", pointer, "an object of media types")
        else {
            return out;
        };
        for (media_type, media) in content {
            let at = format!("{pointer}/content/{}", escape(media_type));
            let Some(media) = self.object(media, &at, "a media type object") else {
                continue;
            };
            let mut examples = Vec::new();
            let named = self.entries(media, "examples", &at, "an object of examples");
            for (name, example) in named.into_iter().flatten() {
                let at = format!("{at}/examples/{}", escape(name));
                let example = self.ref_or(example, &at, "an example object", |_, example, _| {
                    Some(example.get("value"))
                });
                if let Some(example) = example {
                    examples.push((name.as_str(), example));
                }
            }
            out.push((
                media_type.as_str(),
                MediaType {
                    schema: media.get("schema").map(Schema::Written),
                    examples,
                },
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn read_warned(spec: &Value) -> (Spec<'_>, Vec<String>) {
        let mut warnings = Warnings::default();
        let spec = read(spec, &mut warnings);
        let warnings = warnings.into_vec().iter().map(|w| w.to_string()).collect();
        (spec, warnings)
    }

    fn operation<'s, 'v>(spec: &'s Spec<'v>, method: &str) -> &'s Operation<'v> {
        let RefOr::Item(item) = &spec.paths[0].1 else {
            panic!("a path item")
        };
        item.operation(method).expect("the operation")
    }

    #[test]
    fn statuses_are_codes_and_ranges() {
        assert_eq!(status("200"), Some(200));
        assert_eq!(status("2XX"), Some(200));
        assert_eq!(status("4xx"), Some(400));
        assert_eq!(status("099"), None);
        assert_eq!(status("default"), None);
        assert_eq!(status("x-a"), None);
        assert_eq!(status("2é"), None);
    }

    #[test]
    fn what_is_used_is_read_and_what_is_not_is_not_looked_at() {
        let spec = json!({
            "info": {"title": "T", "version": "1"},
            "servers": "not even a list",
            "paths": {
                "x-extension": {},
                "/notes/show": {
                    "parameters": [{"name": "trace", "in": "header"}],
                    "post": {
                        "tags": 5,
                        "description": "Shows a note.",
                        "security": [{"Bearer": []}],
                        "externalDocs": {"url": "https://example.com"},
                        "requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}},
                        "responses": {
                            "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Note"}}}},
                            "400": {"description": "Client error", "content": {"application/json": {"examples": {
                                "NO_SUCH_NOTE": {"value": {"error": {"code": "NO_SUCH_NOTE"}}},
                            }}}},
                            "default": {"description": "Anything"},
                        },
                    },
                },
            },
            "components": {"schemas": {"Note": {"type": "object"}}, "securitySchemes": 7},
        });
        let (read, warnings) = read_warned(&spec);
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!((read.title, read.version), ("T", "1"));
        assert_eq!(read.paths.len(), 1);
        let post = operation(&read, "post");
        assert_eq!(post.description, Some("Shows a note."));
        assert!(post.secured);
        assert_eq!(post.docs_url, Some("https://example.com"));
        let statuses: Vec<u16> = post.responses.iter().map(|(_, code, _)| *code).collect();
        assert_eq!(statuses, [200, 400]);
        let RefOr::Item(error) = &post.responses[1].2 else {
            panic!()
        };
        let examples = &media(&error.content, "application/json").unwrap().examples;
        assert_eq!(examples[0].0, "NO_SUCH_NOTE");
        let (name, note) = read.components.schema("Note").unwrap();
        assert_eq!((name, note.typ()), ("Note", Some("object")));
    }

    #[test]
    fn malformed_parts_are_left_out_each_with_a_warning_naming_its_place() {
        let spec = json!({
            "paths": {"/a": {"post": {
                "description": 5,
                "parameters": [
                    {"name": "ok", "in": "query", "required": "yes"},
                    {"name": "where", "in": "body"},
                    {"in": "query"},
                    "text",
                ],
                "requestBody": [],
                "responses": {
                    "200": {"content": {"application/json": [], "text/plain": {"schema": {}}}},
                    "400": {"content": {"application/json": {"examples": {"A": 1, "B": {"value": 2}}}}},
                    "500": true,
                },
            }}},
        });
        let (read, warnings) = read_warned(&spec);
        let at = |pointer: &str| {
            warnings
                .iter()
                .any(|w| w.starts_with(&format!("{pointer}: ")))
        };
        for pointer in [
            "/paths/~1a/post/description",
            "/paths/~1a/post/parameters/0/required",
            "/paths/~1a/post/parameters/1/in",
            "/paths/~1a/post/parameters/2",
            "/paths/~1a/post/parameters/3",
            "/paths/~1a/post/requestBody",
            "/paths/~1a/post/responses/200/content/application~1json",
            "/paths/~1a/post/responses/400/content/application~1json/examples/A",
            "/paths/~1a/post/responses/500",
        ] {
            assert!(at(pointer), "no warning at {pointer}: {warnings:#?}");
        }
        let post = operation(&read, "post");
        assert_eq!(post.description, None);
        // The parameter keeps its index in the spec's list, for the pointers made from it.
        assert_eq!(post.parameters.len(), 1);
        assert_eq!(post.parameters[0].0, 0);
        assert!(post.request_body.is_none());
        let statuses: Vec<u16> = post.responses.iter().map(|(_, code, _)| *code).collect();
        assert_eq!(statuses, [200, 400]);
    }

    #[test]
    fn an_operation_that_is_not_an_object_or_lacks_responses_answers_any_json() {
        let spec = json!({"paths": {"/a": {"post": true, "get": {"description": "x"}}}});
        let (read, warnings) = read_warned(&spec);
        assert!(operation(&read, "post").responses.is_empty());
        assert!(operation(&read, "get").responses.is_empty());
        assert!(warnings[0].starts_with("/paths/~1a/get: "), "{warnings:?}");
        assert!(warnings[1].starts_with("/paths/~1a/post: "), "{warnings:?}");
    }

    #[test]
    fn schemas_are_the_same_when_they_say_the_same_to_a_3_0_reader() {
        let same = |a: Value, b: Value| Schema::Written(&a) == Schema::Written(&b);
        // What the merge writes beside a reference, and what Misskey 13 writes that 3.0
        // does not define, say nothing; nor does a flag that is false.
        assert!(same(
            json!({"$ref": "#/components/schemas/UserLite", "x-misskey-specs": ["A"]}),
            json!({"$ref": "#/components/schemas/UserLite"}),
        ));
        assert!(same(
            json!({"type": "object", "properties": {"id": {"type": "string", "format": "id", "optional": false, "nullable": false}}}),
            json!({"type": "object", "properties": {"id": {"type": "string", "format": "id"}}, "required": []}),
        ));
        assert!(!same(
            json!({"type": "string", "description": "a"}),
            json!({"type": "string"}),
        ));
        assert!(!same(
            json!({"type": "string", "x-misskey-specs": ["A"]}),
            json!({"type": "string"}),
        ));
        assert!(!same(
            json!({"$ref": "#/components/schemas/A"}),
            json!({"type": "object"}),
        ));
    }

    #[test]
    fn schema_keywords_read_from_the_json_and_odd_values_read_as_absent() {
        let value = json!({
            "type": "object",
            "description": "A note.",
            "nullable": true,
            "properties": {"a": {"type": "string", "enum": ["x", "y"]}, "b": {"$ref": "#/components/schemas/B"}},
            "required": ["a", 3],
            "additionalProperties": true,
            "anyOf": [{"required": ["a"]}],
            "oneOf": "not a list",
        });
        let schema = Schema::Written(&value);
        assert_eq!(schema.typ(), Some("object"));
        assert_eq!(schema.description(), Some("A note."));
        assert!(schema.nullable() && !schema.null_only());
        let properties = schema.properties();
        assert_eq!(properties[0].1.enum_strings(), ["x", "y"]);
        assert_eq!(properties[1].1.reference(), Some("#/components/schemas/B"));
        assert_eq!(schema.required(), ["a"]);
        assert_eq!(schema.additional_properties(), None);
        assert_eq!(schema.any_of().len(), 1);
        assert!(schema.one_of().is_empty());
        assert_eq!(schema.bare_any_of(), None);
        let union = json!({"anyOf": [{"type": "string"}]});
        assert_eq!(Schema::Written(&union).bare_any_of().unwrap().len(), 1);
        assert_eq!(Schema::UNTYPED.typ(), None);
        assert!(Schema::UNTYPED.properties().is_empty());
    }
}
