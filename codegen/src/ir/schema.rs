//! The parts of a schema the generator reads, gathered once per look at it.

use crate::spec::Schema;

/// The parts of a schema the generator reads.
#[derive(Default)]
pub(super) struct View<'v> {
    pub typ: Option<&'v str>,
    pub format: Option<&'v str>,
    pub properties: Vec<(&'v str, Schema<'v>)>,
    pub required: Vec<&'v str>,
    pub additional: Option<Schema<'v>>,
    pub enum_strings: Vec<&'v str>,
    pub one_of: Vec<Schema<'v>>,
    pub any_of: Vec<Schema<'v>>,
    pub all_of: Vec<Schema<'v>>,
}

impl<'v> View<'v> {
    /// The branches of a `oneOf` and an `anyOf`, as one list.
    pub fn branches(&self) -> impl Iterator<Item = &Schema<'v>> {
        self.one_of.iter().chain(&self.any_of)
    }
}

pub(super) fn view<'v>(schema: &Schema<'v>) -> View<'v> {
    View {
        typ: schema.typ(),
        format: schema.format(),
        properties: schema.properties(),
        required: schema.required(),
        additional: schema.additional_properties(),
        enum_strings: schema.enum_strings(),
        one_of: schema.one_of(),
        any_of: schema.any_of(),
        all_of: schema.all_of(),
    }
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
