//! What a `oneOf`/`anyOf` becomes: a tagged enum when a `type` property tells the branches
//! apart, one merged struct when they are objects that overlap (a user seen as `UserLite` or
//! `UserDetailed`), an untagged enum across JSON kinds, `Value` for mixed scalars.

use std::collections::HashSet;

use super::builder::{Builder, Ctx};
use super::convert::enum_variants;
use super::schema::{view, Kind};
use super::{TaggedVariant, Ty, TypeId, TypeKind, UntaggedVariant};
use crate::names::{self, Scope};
use crate::spec::Schema;

/// How deep `kind` looks through nested unions before calling a branch "anything".
const MAX_KIND_DEPTH: usize = 32;

impl<'a> Builder<'a> {
    /// The JSON kind a schema produces. What made a branch "anything" (a union that contains
    /// itself, unions nested too deep) is warned here, at the union being converted: a
    /// component's kind is worked out once, and each union it affects says so.
    fn kind(&self, schema: &Schema<'a>, pointer: &str) -> Kind {
        let mark = self.kind_problems.borrow().len();
        let kind = self.kind_within(schema, pointer, &mut Vec::new());
        let problems = self.kind_problems.borrow_mut().split_off(mark);
        for problem in problems {
            self.warn(pointer, problem);
        }
        kind
    }

    /// `within`: the components looked into on the way here; a union that contains
    /// itself has no kind of its own.
    fn kind_within(&self, schema: &Schema<'a>, pointer: &str, within: &mut Vec<String>) -> Kind {
        if within.len() > MAX_KIND_DEPTH {
            self.kind_problems.borrow_mut().push(format!(
                "unions nest more than {MAX_KIND_DEPTH} components deep; the branches below \
                 are read as any JSON value"
            ));
            return Kind::Any;
        }
        let (schema, name) = self.resolve(schema, pointer);
        let Some(name) = name else {
            return self.kind_of(schema, pointer, within);
        };
        // The problems met below a component are remembered with its kind, so that a union
        // that finds the kind remembered still warns of them.
        let walked = self.kinds.enter(name, within, |within| {
            let mark = self.kind_problems.borrow().len();
            let kind = self.kind_of(schema, pointer, within);
            let mut problems = self.kind_problems.borrow_mut().split_off(mark);
            let mut seen = HashSet::new();
            problems.retain(|p| seen.insert(p.clone()));
            (kind, problems)
        });
        let (kind, problems) = walked.unwrap_or_else(|| {
            let problem = format!(
                "`{name}` is a union that contains itself; that branch is read as any JSON value"
            );
            (Kind::Any, vec![problem])
        });
        self.kind_problems.borrow_mut().extend(problems);
        kind
    }

    fn kind_of(&self, schema: &Schema<'a>, pointer: &str, within: &mut Vec<String>) -> Kind {
        let v = view(schema);
        if !v.all_of.is_empty() || !v.properties.is_empty() {
            return Kind::Object;
        }
        let branches: Vec<&Schema<'a>> = v.branches().collect();
        if !branches.is_empty() {
            let kinds: Vec<Kind> = branches
                .iter()
                .map(|b| self.kind_within(b, pointer, within))
                .collect();
            return if kinds.windows(2).all(|w| w[0] == w[1]) {
                kinds[0]
            } else {
                Kind::Any
            };
        }
        match v.typ {
            Some("object") => Kind::Object,
            Some("array") => Kind::Array,
            Some("string") => Kind::String,
            Some("number") => Kind::Number,
            Some("integer") => Kind::Integer,
            Some("boolean") => Kind::Boolean,
            _ => Kind::Any,
        }
    }

    pub fn union(
        &mut self,
        branches: &[Schema<'a>],
        schema: &Schema<'a>,
        ctx: &Ctx,
        target: Option<TypeId>,
    ) -> Ty {
        let doc = schema.description();
        if branches.len() == 1 {
            let ty = self.ty(&branches[0], &ctx.child("", "oneOf/0"));
            return self.alias_or(ty, target);
        }
        let kinds: Vec<Kind> = branches
            .iter()
            .enumerate()
            .map(|(i, branch)| self.kind(branch, &format!("{}/oneOf/{i}", ctx.pointer)))
            .collect();
        let all = |k: Kind| kinds.iter().all(|x| *x == k);
        if all(Kind::Object) {
            if let Some(variants) = self.tagged(branches, ctx) {
                return self.register(TypeKind::Tagged(variants), doc, ctx, target);
            }
            return self.merged(schema, ctx, target);
        }
        if all(Kind::Array) {
            let items: Vec<Schema<'a>> = branches
                .iter()
                .map(|branch| {
                    let (resolved, _) = self.resolve(branch, &ctx.pointer);
                    resolved.items().unwrap_or(Schema::UNTYPED)
                })
                .collect();
            let item = union_schema(items);
            let ty = self.ty(&item, &ctx.child("Item", "oneOf"));
            return self.alias_or(Ty::Vec(Box::new(ty)), target);
        }
        if all(Kind::String) {
            let mut values: Vec<&str> = Vec::new();
            let mut all_enums = true;
            for branch in branches {
                let (resolved, _) = self.resolve(branch, &ctx.pointer);
                let v = view(resolved);
                all_enums &= !v.enum_strings.is_empty();
                for s in v.enum_strings {
                    if !values.contains(&s) {
                        values.push(s);
                    }
                }
            }
            if all_enums {
                let variants = enum_variants(&values);
                return self.register(TypeKind::StringEnum(variants), doc, ctx, target);
            }
            return self.alias_or(Ty::String, target);
        }
        if kinds
            .iter()
            .all(|k| matches!(k, Kind::Number | Kind::Integer))
        {
            let ty = if all(Kind::Integer) {
                Ty::Integer
            } else {
                Ty::Number
            };
            return self.alias_or(ty, target);
        }
        if all(Kind::Boolean) {
            return self.alias_or(Ty::Bool, target);
        }
        if !kinds
            .iter()
            .any(|k| matches!(k, Kind::Object | Kind::Array))
            || kinds.contains(&Kind::Any)
        {
            // Scalars of several kinds: servers send values outside any declared branch here
            // (a policy value declared integer-or-boolean arrives as "available"), so keep JSON.
            return self.alias_or(Ty::Value, target);
        }
        // Different JSON kinds, at least one structured: an untagged enum, one variant per
        // kind (kinds cannot both match, so the order does not matter).
        let mut variants = Vec::new();
        for (kind, label) in [
            (Kind::Object, "Object"),
            (Kind::Array, "List"),
            (Kind::String, "Text"),
            (Kind::Integer, "Integer"),
            (Kind::Number, "Number"),
            (Kind::Boolean, "Bool"),
        ] {
            let of_kind: Vec<Schema<'a>> = branches
                .iter()
                .zip(&kinds)
                .filter(|(_, k)| **k == kind)
                .map(|(b, _)| b.clone())
                .collect();
            if of_kind.is_empty() {
                continue;
            }
            let ty = self.ty(&union_schema(of_kind), &ctx.child(label, "oneOf"));
            // Boxed: a named payload may contain this union.
            let boxed = matches!(ty, Ty::Named(_));
            variants.push(UntaggedVariant {
                ident: label.to_owned(),
                ty,
                boxed,
                accessor: String::new(),
                doc: String::new(),
            });
        }
        self.register(TypeKind::Untagged(variants), doc, ctx, target)
    }

    /// The variants of a union whose object branches each fix `type` to distinct values.
    fn tagged(&mut self, branches: &[Schema<'a>], ctx: &Ctx) -> Option<Vec<TaggedVariant>> {
        let mut found = Vec::new();
        let mut all_values: HashSet<&str> = HashSet::new();
        for (i, branch) in branches.iter().enumerate() {
            let pointer = format!("{}/oneOf/{i}", ctx.pointer);
            let shape = self.shape(branch, &pointer);
            if !shape.required.contains(&"type") {
                return None;
            }
            let tag = shape.property("type")?;
            let (tag, _) = self.resolve(tag, &pointer);
            let values = tag.enum_strings();
            if values.is_empty() || values.iter().any(|v| !all_values.insert(v)) {
                return None;
            }
            found.push((branch, shape, values, pointer));
        }
        let mut scope = Scope::with_reserved(&["Unknown"]);
        let mut variants = Vec::new();
        for (branch, mut shape, values, pointer) in found {
            let base = match branch.reference() {
                Some(reference) => {
                    let name = names::pascal(reference.trim_start_matches("#/components/schemas/"));
                    match name.strip_prefix(ctx.name.as_str()) {
                        Some(rest)
                            if !rest.is_empty()
                                && !rest.starts_with(|c: char| c.is_ascii_digit()) =>
                        {
                            rest.to_owned()
                        }
                        _ => name,
                    }
                }
                None if values.len() == 1 => names::pascal(values[0]),
                None => format!("{}Etc", names::pascal(values[0])),
            };
            let ident = scope.claim(&base);
            let (ty, own_tag) = match branch.reference() {
                Some(reference) => (
                    self.component_id(reference, &pointer)
                        .map_or(Ty::Value, Ty::Named),
                    true,
                ),
                None => {
                    // A one-value tag is implied by the variant; keep it only when it tells
                    // several values apart.
                    let own_tag = values.len() != 1;
                    if !own_tag {
                        shape.properties.retain(|(n, _)| *n != "type");
                        shape.required.retain(|n| *n != "type");
                    }
                    let child = Ctx {
                        module: ctx.module.clone(),
                        name: format!("{}{}", ctx.name, ident),
                        pointer,
                        depth: ctx.depth + 1,
                        multipart: ctx.multipart,
                        inlined: ctx.inlined.clone(),
                    };
                    (self.object(shape, branch, &child, None), own_tag)
                }
            };
            // Boxed: variants differ widely in size (a user beside a note), and boxing
            // also breaks any recursion through the union.
            let boxed = matches!(ty, Ty::Named(_));
            variants.push(TaggedVariant {
                ident,
                values: values.into_iter().map(str::to_owned).collect(),
                ty,
                boxed,
                writes_tag: !own_tag,
            });
        }
        Some(variants)
    }
}

/// A synthetic `anyOf` of schemas, converted like any union.
fn union_schema(mut branches: Vec<Schema>) -> Schema {
    branches.dedup();
    if branches.len() == 1 {
        return branches.remove(0);
    }
    Schema::AnyOf(branches)
}
