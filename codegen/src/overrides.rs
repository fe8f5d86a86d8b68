//! Where servers and their own specs disagree, and the server is right.
//!
//! The spec is generated from the server's validators, but a few response shapes are wrong
//! in it in ways no general rule can see: a field declared required that the server leaves
//! out for one kind of object. Each row here names the schema, the property, and what real
//! responses show, so that the table can shrink when upstream fixes its spec.

use openapiv3::{ReferenceOr, Schema, SchemaKind};

/// A property the spec declares required, which the server omits in some responses.
struct NotAlwaysSent {
    /// Component schema.
    schema: &'static str,
    /// For a union schema: only in the branch whose `type` is this value.
    branch_type: Option<&'static str>,
    property: &'static str,
}

const NOT_ALWAYS_SENT: &[NotAlwaysSent] = &[
    // A poll ending has no acting user: the server sends neither `user` nor `userId`.
    NotAlwaysSent {
        schema: "Notification",
        branch_type: Some("pollEnded"),
        property: "user",
    },
    NotAlwaysSent {
        schema: "Notification",
        branch_type: Some("pollEnded"),
        property: "userId",
    },
];

/// Applies the table to a component schema before it is converted.
pub fn apply(name: &str, mut schema: Schema) -> Schema {
    for row in NOT_ALWAYS_SENT.iter().filter(|r| r.schema == name) {
        match (&mut schema.schema_kind, row.branch_type) {
            (
                SchemaKind::OneOf { one_of: branches } | SchemaKind::AnyOf { any_of: branches },
                Some(tag),
            ) => {
                for branch in branches.iter_mut() {
                    if let ReferenceOr::Item(branch) = branch {
                        if branch_has_type(branch, tag) {
                            unrequire(branch, row.property);
                        }
                    }
                }
            }
            (SchemaKind::Any(any), Some(tag)) => {
                for branch in any.one_of.iter_mut().chain(any.any_of.iter_mut()) {
                    if let ReferenceOr::Item(branch) = branch {
                        if branch_has_type(branch, tag) {
                            unrequire(branch, row.property);
                        }
                    }
                }
            }
            (_, None) => unrequire(&mut schema, row.property),
            _ => {}
        }
    }
    schema
}

fn branch_has_type(schema: &Schema, tag: &str) -> bool {
    let properties = match &schema.schema_kind {
        SchemaKind::Type(openapiv3::Type::Object(o)) => &o.properties,
        SchemaKind::Any(a) => &a.properties,
        _ => return false,
    };
    let Some(ReferenceOr::Item(t)) = properties.get("type") else {
        return false;
    };
    match &t.schema_kind {
        SchemaKind::Type(openapiv3::Type::String(s)) => {
            s.enumeration.iter().flatten().any(|v| v == tag)
        }
        SchemaKind::Any(a) => a.enumeration.iter().any(|v| v == tag),
        _ => false,
    }
}

fn unrequire(schema: &mut Schema, property: &str) {
    match &mut schema.schema_kind {
        SchemaKind::Type(openapiv3::Type::Object(o)) => o.required.retain(|r| r != property),
        SchemaKind::Any(a) => a.required.retain(|r| r != property),
        _ => {}
    }
}
