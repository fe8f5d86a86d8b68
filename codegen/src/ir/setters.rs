//! The names of an endpoint's builder setters: the field's own name, unless the builder
//! already has a method of that name (`send`, `paginate`, …), then `{name}_param`; and
//! `{name}_null` for fields that may be sent as `null`. Names that would clash are numbered.

use super::builder::Builder;
use super::{Setter, Storage, TypeId, TypeKind, BUILDER_RESERVED};
use crate::names::Scope;

impl Builder<'_> {
    pub fn setters(&self, request: TypeId) -> Vec<Setter> {
        let TypeKind::Struct(fields) = &self.types[request].kind else {
            return Vec::new();
        };
        let optional: Vec<_> = fields.iter().filter(|f| !f.required).collect();
        let raw = |ident: &str| ident.trim_start_matches("r#").to_owned();
        let mut scope = Scope::with_reserved(BUILDER_RESERVED);
        // Plain names first, so that a field called `send_param` keeps its name even when a
        // field called `send` wants it.
        let mut names: Vec<Option<String>> = optional
            .iter()
            .map(|f| {
                (!BUILDER_RESERVED.contains(&raw(&f.ident).as_str())).then(|| scope.claim(&f.ident))
            })
            .collect();
        for (name, f) in names.iter_mut().zip(&optional) {
            if name.is_none() {
                *name = Some(scope.claim(&format!("{}_param", raw(&f.ident))));
            }
        }
        optional
            .iter()
            .zip(names)
            .map(|(f, name)| Setter {
                field: f.ident.clone(),
                name: name.expect("named above"),
                null_name: (f.storage == Storage::NullableOption)
                    .then(|| scope.claim(&format!("{}_null", raw(&f.ident)))),
            })
            .collect()
    }
}
