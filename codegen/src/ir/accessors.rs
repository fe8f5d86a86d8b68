//! The accessors of untagged unions: `as_…` and `into_…` per variant, and what each variant
//! is for. A union of one value and a list of the same values (`users/show`: one user, or
//! the users asked for by `userIds`) reads as "one or many": `as_one`, `into_one`,
//! `as_many`, `into_many`; any other union's accessors take its variants' names
//! (`as_text`, `as_list`).

use super::builder::Builder;
use super::{Endpoint, Location, Ty, TypeKind};
use crate::names;

impl Builder<'_> {
    pub fn accessors(&mut self, endpoints: &[Endpoint]) {
        for id in 0..self.types.len() {
            let TypeKind::Untagged(variants) = &self.types[id].kind else {
                continue;
            };
            let pair = self.one_or_many(variants.iter().map(|v| &v.ty).collect());
            // The list parameters of the endpoints that answer this union: what asks for many.
            let lists: Vec<String> = endpoints
                .iter()
                .filter(|e| e.response == Ty::Named(id))
                .flat_map(|e| match &self.types[e.request].kind {
                    TypeKind::Struct(fields) => fields.as_slice(),
                    _ => &[],
                })
                .filter(|f| f.location == Location::Body && matches!(f.ty, Ty::Vec(_)))
                .map(|f| format!("`{}`", f.json))
                .collect();
            let says = |what: &str, when: &str| {
                if lists.is_empty() {
                    format!("{what}.")
                } else {
                    let lists = lists.join(" or ");
                    format!("{what}: the answer to a request that {when} {lists}.")
                }
            };
            let TypeKind::Untagged(variants) = &mut self.types[id].kind else {
                continue;
            };
            for (i, variant) in variants.iter_mut().enumerate() {
                (variant.accessor, variant.doc) = match pair {
                    Some((one, _)) if one == i => ("one".into(), says("One value", "does not set")),
                    Some((_, many)) if many == i => ("many".into(), says("A list of them", "sets")),
                    _ => (
                        names::snake(&variant.ident),
                        format!("A JSON {}.", variant.ident.to_lowercase()),
                    ),
                };
            }
        }
    }

    /// The indexes of the single value and of the list, when a union's typed variants are
    /// exactly `T` and a list of `T` (aliases followed).
    fn one_or_many(&self, tys: Vec<&Ty>) -> Option<(usize, usize)> {
        let [a, b] = tys[..] else {
            return None;
        };
        let same = |one: &Ty, list: &Ty| match list {
            Ty::Vec(item) => self.unalias(one) == self.unalias(item),
            _ => false,
        };
        if same(a, b) {
            Some((0, 1))
        } else if same(b, a) {
            Some((1, 0))
        } else {
            None
        }
    }
}
