//! The names of the builders' setters: on an endpoint's request builder, one per field;
//! on a nested request struct, one per optional field beside `new`. A setter takes the
//! field's own name, unless the builder already has a method of that name (`send`,
//! `paginate`, `new`, …), then `{name}_param`; fields that may be sent as `null` also get
//! `{name}_null`. Names that would clash are numbered.

use super::builder::Builder;
use super::{Field, Setter, Storage, TypeId, TypeKind, BUILDER_RESERVED};
use crate::names::Scope;

/// Methods a nested request struct has besides its setters.
const CONSTRUCTOR_RESERVED: &[&str] = &["new", "clone", "fmt", "serialize", "deserialize"];

impl Builder<'_> {
    /// The setters of an endpoint's request builder: every field, required or not.
    pub fn setters(&self, request: TypeId, all: bool) -> Vec<Setter> {
        let TypeKind::Struct(fields) = &self.types[request].kind else {
            return Vec::new();
        };
        let chosen: Vec<&Field> = fields.iter().filter(|f| all || !f.required).collect();
        let reserved = if all {
            BUILDER_RESERVED
        } else {
            CONSTRUCTOR_RESERVED
        };
        name_setters(&chosen, reserved)
    }

    /// Nested structs that requests send get `new(required…)` and a setter per optional
    /// field, so that `RequestPoll::new(choices).multiple(true)` replaces a struct literal
    /// that must name every field.
    pub fn constructors(&mut self, requests: &[TypeId]) {
        for id in 0..self.types.len() {
            let def = &self.types[id];
            if !def.serialize
                || requests.contains(&id)
                || def.same_as.is_some()
                || !matches!(def.kind, TypeKind::Struct(_))
            {
                continue;
            }
            let setters = self.setters(id, false);
            self.types[id].constructor = Some(setters);
        }
    }
}

fn name_setters(fields: &[&Field], reserved: &[&str]) -> Vec<Setter> {
    let raw = |ident: &str| ident.trim_start_matches("r#").to_owned();
    let mut scope = Scope::with_reserved(reserved);
    // Plain names first, so that a field called `send_param` keeps its name even when a
    // field called `send` wants it.
    let mut names: Vec<Option<String>> = fields
        .iter()
        .map(|f| (!reserved.contains(&raw(&f.ident).as_str())).then(|| scope.claim(&f.ident)))
        .collect();
    for (name, f) in names.iter_mut().zip(fields) {
        if name.is_none() {
            *name = Some(scope.claim(&format!("{}_param", raw(&f.ident))));
        }
    }
    fields
        .iter()
        .zip(names)
        .map(|(f, name)| Setter {
            field: f.ident.clone(),
            name: name.expect("named above"),
            required: f.required,
            null_name: (f.storage == Storage::NullableOption)
                .then(|| scope.claim(&format!("{}_null", raw(&f.ident)))),
        })
        .collect()
}
