//! One schema to one Rust type: scalars, lists, maps, string enums and objects; unions and
//! merged objects are handed to `unions` and `shape`.

use std::collections::HashSet;

use super::builder::{Builder, Ctx};
use super::schema::view;
use super::shape::Shape;
use super::{
    kind_tys, kind_tys_mut, map_named, Constraints, Field, Location, Storage, Ty, TypeDef, TypeId,
    TypeKind,
};
use crate::names::{self, Scope};
use crate::normalize::escape;
use crate::spec::Schema;

/// Conversion deeper than this (merged unions can nest deeper than the spec is written)
/// reads the rest as any JSON value.
const MAX_DEPTH: usize = 48;

/// The longest tuple std implements `Debug`, `Clone`, `Default` and `PartialEq` for.
const MAX_TUPLE: usize = 12;

impl<'a> Builder<'a> {
    /// The type for a schema in a field, element or response position.
    pub fn ty(&mut self, schema: &Schema<'a>, ctx: &Ctx) -> Ty {
        match schema.reference() {
            Some(reference) => self
                .component_id(reference, &ctx.pointer)
                .map_or(Ty::Value, Ty::Named),
            None => self.define(schema, ctx, None),
        }
    }

    /// Converts a schema that is not a reference; a named type it needs is defined under
    /// `ctx.name`, or, for a component, into the reserved `target`.
    pub fn define(&mut self, schema: &Schema<'a>, ctx: &Ctx, target: Option<TypeId>) -> Ty {
        if ctx.depth > MAX_DEPTH {
            self.warn(
                &ctx.pointer,
                format!("nested more than {MAX_DEPTH} levels deep once unions are merged; read as any JSON value"),
            );
            return self.alias_or(Ty::Value, target);
        }
        let v = view(schema);
        if schema.null_only() {
            return self.alias_or(Ty::Value, target);
        }
        if !v.one_of.is_empty() || !v.any_of.is_empty() {
            let branches: Vec<Schema<'a>> = v.branches().cloned().collect();
            if v.properties.is_empty() && v.all_of.is_empty() {
                return self.union(&branches, schema, ctx, target);
            }
            // Properties beside a union (`anyOf: [{required: [a]}, {required: [b]}]`): the
            // union only says which properties must be present; merge into one object.
            return self.merged(schema, ctx, target);
        }
        if !v.all_of.is_empty() {
            if v.all_of.len() == 1 && v.properties.is_empty() && target.is_none() {
                // `allOf: [X]`: how 3.0 says "X, nullable" or "X, described".
                let inner = v.all_of[0].clone();
                return self.ty(&inner, &ctx.child("", "allOf/0"));
            }
            return self.merged(schema, ctx, target);
        }
        let ty = match v.typ {
            Some("string") => {
                if !v.enum_strings.is_empty() {
                    let variants = enum_variants(&v.enum_strings);
                    let doc = schema.description();
                    return self.register(TypeKind::StringEnum(variants), doc, ctx, target);
                }
                match v.format {
                    Some("binary") if ctx.multipart => Ty::Upload,
                    Some("binary") => {
                        self.warn(
                            &ctx.pointer,
                            "`format: binary` outside a multipart body: JSON can only carry it as a string, so it is one",
                        );
                        Ty::String
                    }
                    Some("id" | "misskey:id") => Ty::Id,
                    Some("date-time") => Ty::DateTime,
                    _ => Ty::String,
                }
            }
            Some("integer") => Ty::Integer,
            Some("number") => Ty::Number,
            Some("boolean") => Ty::Bool,
            Some("array") => self.array(schema, ctx),
            Some("object") | None if !v.properties.is_empty() => {
                return self.merged(schema, ctx, target);
            }
            Some("object") => match &v.additional {
                Some(value) => {
                    let value_ty = self.ty(value, &ctx.child("Value", "additionalProperties"));
                    Ty::Map(Box::new(self.optional_if(value_ty, self.nullable(value))))
                }
                None => Ty::Object,
            },
            None => Ty::Value,
            Some(other) => {
                self.warn(
                    &ctx.pointer,
                    format!("type {other:?} is not a JSON Schema type; read as any JSON value"),
                );
                Ty::Value
            }
        };
        self.alias_or(ty, target)
    }

    fn array(&mut self, schema: &Schema<'a>, ctx: &Ctx) -> Ty {
        if let Some(prefix) = schema.prefix_items() {
            let mut tuple = Vec::new();
            for (i, item) in prefix.iter().enumerate() {
                let item_ctx = ctx.child(&format!("item{i}"), &format!("prefixItems/{i}"));
                let item_ty = self.ty(item, &item_ctx);
                tuple.push(self.optional_if(item_ty, self.nullable(item)));
            }
            if tuple.len() > MAX_TUPLE {
                // std implements `Debug`, `Clone` and `Default` only up to 12-tuples: a
                // longer one is a list, of its items' type if they share one.
                let item = match tuple.split_first() {
                    Some((first, rest)) if rest.iter().all(|t| t == first) => first.clone(),
                    _ => Ty::Value,
                };
                self.warn(
                    &ctx.pointer,
                    format!(
                        "a tuple of {} items (`prefixItems`); Rust's traits stop at {MAX_TUPLE}, so it is read as a list{}",
                        tuple.len(),
                        if item == Ty::Value { " of any JSON values" } else { " of its items' one type" }
                    ),
                );
                return Ty::Vec(Box::new(item));
            }
            return Ty::Tuple(tuple);
        }
        match schema.items() {
            Some(items) => {
                let item = self.ty(&items, &ctx.child("Item", "items"));
                Ty::Vec(Box::new(self.optional_if(item, self.nullable(&items))))
            }
            None => Ty::Vec(Box::new(Ty::Value)),
        }
    }

    /// Wraps element types that may be null, so `[1, null]` decodes.
    pub fn optional_if(&self, ty: Ty, nullable: bool) -> Ty {
        if nullable && ty != Ty::Value {
            Ty::Option(Box::new(ty))
        } else {
            ty
        }
    }

    /// Registers a named type (or finds the identical one already generated), documented
    /// with `doc`.
    pub fn register(
        &mut self,
        kind: TypeKind,
        doc: Option<&str>,
        ctx: &Ctx,
        target: Option<TypeId>,
    ) -> Ty {
        if let Some(id) = target {
            self.types[id].kind = kind;
            return Ty::Named(id);
        }
        let key = self.canonical_key(&kind);
        let name = self.type_scope(&ctx.module).claim(&ctx.name);
        let doc = doc.map(str::to_owned);
        if let Some(&same) = self.shared.get(&key) {
            // Its own name, the shape's one definition.
            let place_tys = kind_tys(&kind).into_iter().cloned().collect();
            let id = self.push(TypeDef {
                doc,
                same_as: Some(same),
                place_tys,
                ..TypeDef::new(
                    name,
                    ctx.module.clone(),
                    ctx.pointer.clone(),
                    TypeKind::Alias(Ty::Named(same)),
                )
            });
            return Ty::Named(id);
        }
        let id = self.push(TypeDef {
            doc,
            ..TypeDef::new(name, ctx.module.clone(), ctx.pointer.clone(), kind)
        });
        self.shared.insert(key, id);
        Ty::Named(id)
    }

    /// One struct from a schema whose `allOf` parts or object branches are merged. Merging a
    /// component into itself (`Note.renote: allOf[Note, {nullable}]`) is read as the
    /// component.
    pub fn merged(&mut self, schema: &Schema<'a>, ctx: &Ctx, target: Option<TypeId>) -> Ty {
        let shape = self.shape(schema, &ctx.pointer);
        if let Some(name) = shape.merged.iter().find(|n| ctx.inlined.contains(n)) {
            let ty = self
                .components
                .get(name)
                .map_or(Ty::Value, |id| Ty::Named(*id));
            if target.is_none() && matches!(ty, Ty::Named(_)) {
                // The usual case: a property of a component that is that component again
                // (with a description or nullability beside it).
                return ty;
            }
            self.warn(
                &ctx.pointer,
                format!("merges `{name}` into itself; read as `{name}`"),
            );
            return self.alias_or(ty, target);
        }
        let mut ctx = ctx.clone();
        ctx.inlined.extend(shape.merged.iter().cloned());
        self.object(shape, schema, &ctx, target)
    }

    /// A struct from a merged object shape.
    pub fn object(
        &mut self,
        shape: Shape<'a>,
        schema: &Schema<'a>,
        ctx: &Ctx,
        target: Option<TypeId>,
    ) -> Ty {
        if shape.properties.is_empty() {
            if let Some(additional) = &shape.additional {
                let value_ty = self.ty(additional, &ctx.child("Value", "additionalProperties"));
                let ty = Ty::Map(Box::new(
                    self.optional_if(value_ty, self.nullable(additional)),
                ));
                return self.alias_or(ty, target);
            }
        }
        let fields = self.fields(&shape, ctx);
        let doc = schema.description().or(shape.description);
        self.register(TypeKind::Struct(fields), doc, ctx, target)
    }

    pub fn alias_or(&mut self, ty: Ty, target: Option<TypeId>) -> Ty {
        match target {
            Some(id) => {
                self.types[id].kind = TypeKind::Alias(ty);
                Ty::Named(id)
            }
            None => ty,
        }
    }

    pub fn fields(&mut self, shape: &Shape<'a>, ctx: &Ctx) -> Vec<Field> {
        let mut scope = Scope::default();
        let mut fields = Vec::new();
        for (json, schema) in &shape.properties {
            let child = ctx.child(json, &format!("properties/{}", escape(json)));
            let ty = self.ty(schema, &child);
            let constraints = Constraints::of(schema, &ty);
            // A reference's siblings say nothing (normalization kept the ones that do).
            let doc = match schema.reference() {
                Some(_) => None,
                None => schema.description().map(str::to_owned),
            };
            // A flag or a number named `usePasswordLessLogin` holds no secret.
            let sensitive = names::is_credential(json) && is_text(&ty);
            fields.push(Field {
                json: (*json).to_owned(),
                ident: scope.claim(&names::snake(json)),
                ty,
                required: shape.required.contains(json),
                nullable: self.nullable(schema),
                doc,
                boxed: false,
                location: Location::Body,
                storage: Storage::Plain,
                lenient_number: false,
                sensitive,
                constraints,
            });
        }
        // An object that holds a secret may hold it again in another form: the `url` of a
        // TOTP secret (`otpauth://…?secret=…`).
        if fields.iter().any(|f| f.sensitive) {
            for f in fields.iter_mut() {
                f.sensitive |= matches!(f.json.as_str(), "url" | "uri") && is_text(&f.ty);
            }
        }
        fields
    }
}

/// Text, text that may be missing, or a list of texts (2FA backup codes): what a secret
/// can be.
fn is_text(ty: &Ty) -> bool {
    match ty {
        Ty::String | Ty::Value => true,
        Ty::Option(inner) | Ty::Vec(inner) => is_text(inner),
        _ => false,
    }
}

pub(super) fn enum_variants(values: &[&str]) -> Vec<(String, String)> {
    let mut scope = Scope::with_reserved(&["Other"]);
    let mut seen = HashSet::new();
    values
        .iter()
        .filter(|v| seen.insert(**v))
        .map(|v| (scope.claim(&names::pascal(v)), (*v).to_owned()))
        .collect()
}

impl Builder<'_> {
    /// Two inline shapes are the same type when their definitions print the same, their
    /// fields' docs and constraints included: named references print as the ids of the types
    /// they stand for, which are unique (an alias that names a shape at its own place prints
    /// as the shape).
    fn canonical_key(&self, kind: &TypeKind) -> String {
        let mut kind = kind.clone();
        let definition = |id: TypeId| self.types[id].same_as.unwrap_or(id);
        for ty in kind_tys_mut(&mut kind) {
            map_named(ty, &definition);
        }
        format!("{kind:?}")
    }
}
