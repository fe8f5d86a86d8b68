//! Types that contain themselves. Rust needs indirection for that: a struct field or enum
//! variant through which a type reaches itself is boxed (`Note.renote`), and an alias that
//! names itself (`A = [A]`, which Rust cannot say) becomes a newtype, or, when nothing at all
//! stands between the type and itself (`A = A`), any JSON value.

use std::collections::HashSet;

use super::builder::Builder;
use super::{collect_named, direct_named, kind_tys, Ty, TypeId, TypeKind};

impl Builder<'_> {
    /// Runs after the component schemas are converted, before anything follows aliases.
    pub fn break_alias_cycles(&mut self) {
        for id in 0..self.types.len() {
            let TypeKind::Alias(ty) = &self.types[id].kind else {
                continue;
            };
            let mut targets = Vec::new();
            collect_named(ty, &mut targets);
            if !targets.iter().any(|t| self.alias_reaches(*t, id, false)) {
                continue;
            }
            let mut direct = Vec::new();
            direct_named(ty, &mut direct);
            let pointer = self.types[id].origin.clone();
            if direct.iter().any(|t| self.alias_reaches(*t, id, true)) {
                self.warn(
                    &pointer,
                    "refers to itself with nothing in between, which no value can satisfy; read as any JSON value",
                );
                self.types[id].kind = TypeKind::Alias(Ty::Value);
            } else {
                let ty = ty.clone();
                self.types[id].kind = TypeKind::Newtype(ty);
            }
        }
    }

    /// Whether `from` leads back to `to` through aliases alone (and, if `direct`, without a
    /// list or map in between).
    fn alias_reaches(&self, from: TypeId, to: TypeId, direct: bool) -> bool {
        let mut stack = vec![from];
        let mut seen = HashSet::new();
        while let Some(node) = stack.pop() {
            if node == to {
                return true;
            }
            if !seen.insert(node) {
                continue;
            }
            if let TypeKind::Alias(ty) = &self.types[node].kind {
                if direct {
                    direct_named(ty, &mut stack);
                } else {
                    collect_named(ty, &mut stack);
                }
            }
        }
        false
    }

    /// Boxes the fields and variants through which a type contains itself.
    pub fn box_recursion(&mut self) {
        let edges: Vec<Vec<TypeId>> = self.types.iter().map(|t| direct_refs(&t.kind)).collect();
        let reaches = |from: TypeId, to: TypeId| -> bool {
            let mut stack = vec![from];
            let mut seen = HashSet::new();
            while let Some(node) = stack.pop() {
                if node == to {
                    return true;
                }
                if seen.insert(node) {
                    stack.extend(edges[node].iter().copied());
                }
            }
            false
        };
        let mut to_box = Vec::new();
        for (id, def) in self.types.iter().enumerate() {
            // Aliases and newtypes hold what they name; the struct or enum on the other side
            // of the cycle takes the box.
            if matches!(def.kind, TypeKind::Alias(_) | TypeKind::Newtype(_)) {
                continue;
            }
            for (i, ty) in kind_tys(&def.kind).into_iter().enumerate() {
                let mut targets = Vec::new();
                direct_named(ty, &mut targets);
                if targets.iter().any(|t| reaches(*t, id)) {
                    to_box.push((id, i));
                }
            }
        }
        for (id, i) in to_box {
            match &mut self.types[id].kind {
                TypeKind::Struct(fields) => fields[i].boxed = true,
                TypeKind::Tagged(variants) => variants[i].boxed = true,
                TypeKind::Untagged(variants) => variants[i].boxed = true,
                _ => {}
            }
        }
    }
}

/// Types a definition holds without indirection (not behind a `Vec`, a map or a `Box`).
fn direct_refs(kind: &TypeKind) -> Vec<TypeId> {
    let mut out = Vec::new();
    let boxed: Vec<bool> = match kind {
        TypeKind::Struct(fields) => fields.iter().map(|f| f.boxed).collect(),
        TypeKind::Tagged(variants) => variants.iter().map(|v| v.boxed).collect(),
        TypeKind::Untagged(variants) => variants.iter().map(|v| v.boxed).collect(),
        _ => Vec::new(),
    };
    for (i, ty) in kind_tys(kind).into_iter().enumerate() {
        if !boxed.get(i).copied().unwrap_or(false) {
            direct_named(ty, &mut out);
        }
    }
    out
}
