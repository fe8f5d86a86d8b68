//! Reading `openapiv3`'s schemas: the parts the generator uses, whatever variant the parser
//! chose for them.

use openapiv3::{
    AdditionalProperties, ReferenceOr, Schema, SchemaKind, StringFormat, Type,
    VariantOrUnknownOrEmpty,
};
use serde_json::Value;

use crate::normalize::NULL_ONLY;

/// The parts of a schema the generator reads, the same whatever variant `openapiv3` chose.
#[derive(Default)]
pub(super) struct View<'s> {
    pub typ: Option<&'s str>,
    pub format: Option<&'s str>,
    pub properties: Vec<(&'s String, &'s ReferenceOr<Box<Schema>>)>,
    pub required: &'s [String],
    pub additional: Option<&'s AdditionalProperties>,
    pub items: Option<&'s ReferenceOr<Box<Schema>>>,
    pub enum_strings: Vec<String>,
    pub one_of: &'s [ReferenceOr<Schema>],
    pub any_of: &'s [ReferenceOr<Schema>],
    pub all_of: &'s [ReferenceOr<Schema>],
}

impl<'s> View<'s> {
    /// The branches of a `oneOf` and an `anyOf`, as one list.
    pub fn branches(&self) -> impl Iterator<Item = &'s ReferenceOr<Schema>> {
        self.one_of.iter().chain(self.any_of)
    }
}

pub(super) fn view(schema: &Schema) -> View<'_> {
    let mut v = View::default();
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(s)) => {
            v.typ = Some("string");
            v.format = match &s.format {
                VariantOrUnknownOrEmpty::Item(StringFormat::DateTime) => Some("date-time"),
                VariantOrUnknownOrEmpty::Item(StringFormat::Date) => Some("date"),
                VariantOrUnknownOrEmpty::Item(StringFormat::Binary) => Some("binary"),
                VariantOrUnknownOrEmpty::Item(_) | VariantOrUnknownOrEmpty::Empty => None,
                VariantOrUnknownOrEmpty::Unknown(f) => Some(f.as_str()),
            };
            v.enum_strings = s.enumeration.iter().flatten().cloned().collect();
        }
        SchemaKind::Type(Type::Number(_)) => v.typ = Some("number"),
        SchemaKind::Type(Type::Integer(_)) => v.typ = Some("integer"),
        SchemaKind::Type(Type::Boolean(_)) => v.typ = Some("boolean"),
        SchemaKind::Type(Type::Object(o)) => {
            v.typ = Some("object");
            v.properties = o.properties.iter().collect();
            v.required = &o.required;
            v.additional = o.additional_properties.as_ref();
        }
        SchemaKind::Type(Type::Array(a)) => {
            v.typ = Some("array");
            v.items = a.items.as_ref();
        }
        SchemaKind::OneOf { one_of } => v.one_of = one_of,
        SchemaKind::AnyOf { any_of } => v.any_of = any_of,
        SchemaKind::AllOf { all_of } => v.all_of = all_of,
        SchemaKind::Not { .. } => {}
        SchemaKind::Any(a) => {
            v.typ = a.typ.as_deref();
            v.format = a.format.as_deref();
            v.properties = a.properties.iter().collect();
            v.required = &a.required;
            v.additional = a.additional_properties.as_ref();
            v.items = a.items.as_ref();
            v.enum_strings = a
                .enumeration
                .iter()
                .filter_map(|e| e.as_str().map(str::to_owned))
                .collect();
            v.one_of = &a.one_of;
            v.any_of = &a.any_of;
            v.all_of = &a.all_of;
        }
    }
    v
}

pub(super) fn is_null_only(schema: &Schema) -> bool {
    schema
        .schema_data
        .extensions
        .get(NULL_ONLY)
        .and_then(Value::as_bool)
        .unwrap_or(false)
}

/// The JSON kind a union branch produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Object,
    Array,
    String,
    Number,
    Integer,
    Boolean,
    Any,
}

pub(super) fn unbox(schema: &ReferenceOr<Box<Schema>>) -> ReferenceOr<Schema> {
    match schema {
        ReferenceOr::Item(s) => ReferenceOr::Item((**s).clone()),
        ReferenceOr::Reference { reference } => ReferenceOr::Reference {
            reference: reference.clone(),
        },
    }
}

/// A schema that says nothing: any JSON value.
pub(super) fn untyped() -> Schema {
    Schema {
        schema_data: Default::default(),
        schema_kind: SchemaKind::Any(Default::default()),
    }
}

/// Walks into the component `name` (when a schema was reached through one) with it on the
/// stack `within` of components being walked; `None` when it is already there, which is a
/// schema that contains itself.
pub(super) fn enter<T>(
    within: &mut Vec<String>,
    name: Option<&str>,
    walk: impl FnOnce(&mut Vec<String>) -> T,
) -> Option<T> {
    let Some(name) = name else {
        return Some(walk(within));
    };
    if within.iter().any(|n| n == name) {
        return None;
    }
    within.push(name.to_owned());
    let out = walk(within);
    within.pop();
    Some(out)
}
