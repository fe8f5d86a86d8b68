//! Objects after `allOf` parts and union branches are merged into one: which properties
//! there are, and which are required.

use super::builder::Builder;
use super::schema::view;
use crate::spec::Schema;

/// How many components deep `allOf` and union branches may merge.
const MAX_DEPTH: usize = 32;

/// An object's properties after `allOf` and unions are merged into it.
#[derive(Debug, Clone, Default)]
pub(super) struct Shape<'v> {
    pub properties: Vec<(&'v str, Schema<'v>)>,
    pub required: Vec<&'v str>,
    pub additional: Option<Schema<'v>>,
    pub description: Option<&'v str>,
    /// The component schemas merged into it.
    pub merged: Vec<String>,
}

impl<'v> Shape<'v> {
    pub fn property(&self, name: &str) -> Option<&Schema<'v>> {
        self.properties
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, s)| s)
    }
}

impl<'a> Builder<'a> {
    /// Flattens a schema into one object shape: references resolved, `allOf` parts merged,
    /// union branches merged (a property is required only if every branch requires it).
    pub fn shape(&self, schema: &Schema<'a>, pointer: &str) -> Shape<'a> {
        self.shape_within(schema, pointer, &mut Vec::new())
    }

    /// `within`: the components being merged on the way here, to stop at one that
    /// contains itself.
    fn shape_within(
        &self,
        schema: &Schema<'a>,
        pointer: &str,
        within: &mut Vec<String>,
    ) -> Shape<'a> {
        if within.len() > MAX_DEPTH {
            self.warn(
                pointer,
                "`allOf`/`oneOf` parts nest too deep; the parts below are ignored",
            );
            return Shape::default();
        }
        let (schema, name) = self.resolve(schema, pointer);
        let Some(name) = name else {
            return self.shape_of(schema, None, pointer, within);
        };
        self.shapes
            .enter(name, within, |within| {
                self.shape_of(schema, Some(name), pointer, within)
            })
            .unwrap_or_else(|| {
                self.warn(
                    pointer,
                    format!(
                        "`{name}` contains itself through `allOf`/`oneOf`; the inner copy adds nothing"
                    ),
                );
                Shape::default()
            })
    }

    fn shape_of(
        &self,
        schema: &Schema<'a>,
        name: Option<&str>,
        pointer: &str,
        within: &mut Vec<String>,
    ) -> Shape<'a> {
        let v = view(schema);
        let mut shape = Shape {
            description: schema.description(),
            merged: name.map(str::to_owned).into_iter().collect(),
            ..Shape::default()
        };
        for (i, part) in v.all_of.iter().enumerate() {
            let part = self.shape_within(part, &format!("{pointer}/allOf/{i}"), within);
            merge_all(&mut shape, part);
        }
        let branches: Vec<&Schema<'a>> = v.branches().collect();
        if !branches.is_empty() {
            let mut merged: Option<Shape> = None;
            for (i, branch) in branches.iter().enumerate() {
                let branch = self.shape_within(branch, &format!("{pointer}/anyOf/{i}"), within);
                merged = Some(match merged {
                    None => branch,
                    Some(acc) => merge_any(acc, branch),
                });
            }
            merge_all(&mut shape, merged.unwrap_or_default());
        }
        let own = Shape {
            properties: v.properties,
            required: v.required,
            additional: v.additional,
            description: None,
            merged: Vec::new(),
        };
        merge_all(&mut shape, own);
        if let Some(other) = v.typ.filter(|t| *t != "object") {
            self.warn(
                pointer,
                format!("an object was expected here (a request body, or a part merged into an object), found type {other:?}; it adds no properties"),
            );
        }
        shape
    }
}

/// `allOf`: both apply; properties accumulate and so does `required`.
fn merge_all<'v>(into: &mut Shape<'v>, part: Shape<'v>) {
    for (name, schema) in part.properties {
        match into.properties.iter_mut().find(|(n, _)| *n == name) {
            // The later part is the more specific one (`UserDetailed` over `UserLite`).
            Some((_, existing)) => *existing = schema,
            None => into.properties.push((name, schema)),
        }
    }
    for r in part.required {
        if !into.required.contains(&r) {
            into.required.push(r);
        }
    }
    if part.additional.is_some() {
        into.additional = part.additional;
    }
    if into.description.is_none() {
        into.description = part.description;
    }
    merge_names(&mut into.merged, part.merged);
}

fn merge_names(into: &mut Vec<String>, names: Vec<String>) {
    for name in names {
        if !into.contains(&name) {
            into.push(name);
        }
    }
}

/// `oneOf`/`anyOf` of objects: every property any branch has, required only where every
/// branch requires it, so nothing any branch carries is lost.
fn merge_any<'v>(a: Shape<'v>, b: Shape<'v>) -> Shape<'v> {
    let mut out = Shape {
        description: a.description.or(b.description),
        merged: a.merged.clone(),
        ..Shape::default()
    };
    merge_names(&mut out.merged, b.merged);
    out.required = a
        .required
        .iter()
        .filter(|r| b.required.contains(r))
        .copied()
        .collect();
    out.properties = a.properties.clone();
    for (name, schema) in b.properties {
        match out.properties.iter_mut().find(|(n, _)| *n == name) {
            Some((_, existing)) if *existing == schema => {}
            Some((_, existing)) => {
                // Already a union (made here, or written with nothing beside it): one flat
                // list, however many branches merge.
                let mut either = existing
                    .bare_any_of()
                    .unwrap_or_else(|| vec![existing.clone()]);
                if !either.contains(&schema) {
                    either.push(schema);
                }
                *existing = Schema::AnyOf(either);
            }
            None => out.properties.push((name, schema)),
        }
    }
    out.additional = a.additional.or(b.additional);
    out
}
