//! What a field's schema says of its values beside their type: bounds, lengths, counts, a
//! pattern, a default, and the values of the enum that is its type. None of it changes the
//! Rust type; the docs of what requests send show it.

use super::builder::Builder;
use super::{Constraints, Ty, TypeKind};
use crate::spec::Schema;

impl Constraints {
    /// What `schema` (a field's, converted to `ty`) says of its values; a reference says
    /// nothing beside its target's type. The enum values are filled in by
    /// [`Builder::enum_values`] once every type is defined.
    pub(super) fn of(schema: &Schema, ty: &Ty) -> Constraints {
        if schema.reference().is_some() {
            return Constraints::default();
        }
        let ty = without_option(ty);
        // An id, a date or a file says its format in its type; a number's format
        // (`int32`, `float`) adds nothing a reader needs.
        let format = match ty {
            Ty::String => schema.format().map(str::to_owned),
            _ => None,
        };
        let items = match (ty, schema.items()) {
            (Ty::Vec(item_ty), Some(items)) => {
                let items = Constraints::of(&items, item_ty);
                (!items.is_empty()).then(|| Box::new(items))
            }
            _ => None,
        };
        Constraints {
            values: Vec::new(),
            default: schema.default().cloned(),
            minimum: schema
                .minimum()
                .map(|(n, exclusive)| (n.clone(), exclusive)),
            maximum: schema
                .maximum()
                .map(|(n, exclusive)| (n.clone(), exclusive)),
            min_length: schema.count("minLength"),
            max_length: schema.count("maxLength"),
            min_items: schema.count("minItems"),
            max_items: schema.count("maxItems"),
            unique_items: schema.unique_items(),
            pattern: schema.pattern().map(str::to_owned),
            format,
            items,
        }
    }
}

impl Builder<'_> {
    /// Records, for every struct field whose type (or whose list's item type) is a generated
    /// string enum, the values it is sent as. Runs once every type is defined: a field can
    /// name an enum converted after it.
    pub fn enum_values(&mut self) {
        for id in 0..self.types.len() {
            let TypeKind::Struct(fields) = &self.types[id].kind else {
                continue;
            };
            let found: Vec<(Vec<String>, Vec<String>)> = fields
                .iter()
                .map(|f| {
                    let item_values = match without_option(self.unalias(&f.ty)) {
                        Ty::Vec(item) => self.string_enum(item),
                        _ => Vec::new(),
                    };
                    (self.string_enum(&f.ty), item_values)
                })
                .collect();
            let TypeKind::Struct(fields) = &mut self.types[id].kind else {
                continue;
            };
            for (f, (values, item_values)) in fields.iter_mut().zip(found) {
                f.constraints.values = values;
                if !item_values.is_empty() {
                    f.constraints.items.get_or_insert_default().values = item_values;
                }
            }
        }
    }

    /// The values of the string enum `ty` is (through aliases), as they are sent.
    fn string_enum(&self, ty: &Ty) -> Vec<String> {
        match self.unalias(without_option(ty)) {
            Ty::Named(id) => match &self.types[*id].kind {
                TypeKind::StringEnum(variants) => {
                    variants.iter().map(|(_, value)| value.clone()).collect()
                }
                _ => Vec::new(),
            },
            _ => Vec::new(),
        }
    }
}

/// The type a value has when there is one.
fn without_option(ty: &Ty) -> &Ty {
    match ty {
        Ty::Option(inner) => without_option(inner),
        ty => ty,
    }
}
