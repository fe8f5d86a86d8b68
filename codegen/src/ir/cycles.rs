//! Types that contain themselves. Rust needs indirection for that: a struct field or enum
//! variant through which a type reaches itself is boxed (`Note.renote`), and an alias that
//! names itself (`A = [A]`, which Rust cannot say) becomes a newtype, or, when nothing at all
//! stands between the type and itself (`A = A`), any JSON value.

use std::collections::HashMap;

use super::builder::Builder;
use super::{collect_named, direct_named, kind_tys, Ty, TypeId, TypeKind};

impl Builder<'_> {
    /// Runs after the component schemas are converted, before anything follows aliases.
    ///
    /// Aliases are taken in order, and one that leads back to itself through aliases is
    /// changed, which breaks its cycles for the aliases after it. That is worked out on the
    /// strongly connected components of the aliases: the first alias of a component with a
    /// cycle is changed, then the rest of that component is looked at again. Asking each
    /// alias whether it reaches itself took time in the square of the aliases.
    pub fn break_alias_cycles(&mut self) {
        let targets = |id: TypeId, direct: bool| -> Vec<TypeId> {
            let mut out = Vec::new();
            if let TypeKind::Alias(ty) = &self.types[id].kind {
                if direct {
                    direct_named(ty, &mut out);
                } else {
                    collect_named(ty, &mut out);
                }
            }
            out
        };
        let aliases: Vec<TypeId> = (0..self.types.len())
            .filter(|id| matches!(self.types[*id].kind, TypeKind::Alias(_)))
            .collect();
        // Each alias to change, and whether nothing stands between it and itself.
        let mut changed = Vec::new();
        let mut pending = vec![aliases];
        while let Some(nodes) = pending.pop() {
            for component in strongly_connected(&nodes, |id| targets(id, false)) {
                let first = component.iter().copied().min().unwrap_or_default();
                let loops = |direct: bool| targets(first, direct).contains(&first);
                if component.len() == 1 {
                    if loops(false) {
                        changed.push((first, loops(true)));
                    }
                    continue;
                }
                // A cycle without a list or map lies within the component too.
                let direct = strongly_connected(&component, |id| targets(id, true))
                    .into_iter()
                    .any(|c| c.contains(&first) && (c.len() > 1 || loops(true)));
                changed.push((first, direct));
                pending.push(component.into_iter().filter(|id| *id != first).collect());
            }
        }
        changed.sort_unstable();
        for (id, direct) in changed {
            let TypeKind::Alias(ty) = &self.types[id].kind else {
                continue;
            };
            if direct {
                let pointer = self.types[id].origin.clone();
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

    /// Boxes the fields and variants through which a type contains itself: those that name,
    /// without indirection, a type of their own strongly connected component.
    pub fn box_recursion(&mut self) {
        let edges: Vec<Vec<TypeId>> = self.types.iter().map(|t| direct_refs(&t.kind)).collect();
        let all: Vec<TypeId> = (0..self.types.len()).collect();
        let mut component_of = vec![0; self.types.len()];
        for (c, component) in strongly_connected(&all, |id| edges[id].clone())
            .into_iter()
            .enumerate()
        {
            for id in component {
                component_of[id] = c;
            }
        }
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
                // One already boxed is left as it is; it is not among `edges`.
                if targets
                    .iter()
                    .any(|t| *t == id || component_of[*t] == component_of[id])
                {
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

/// The strongly connected components of the graph on `nodes` whose edges `edges` gives;
/// edges to other nodes are left out. Tarjan's algorithm, in time linear in `nodes` and their
/// edges, with its own stack rather than recursion, so that a chain of thousands of types
/// does not exhaust the thread's.
fn strongly_connected(nodes: &[TypeId], edges: impl Fn(TypeId) -> Vec<TypeId>) -> Vec<Vec<TypeId>> {
    // The walk numbers the nodes by their place in `nodes`.
    let place: HashMap<TypeId, usize> = nodes.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let successors: Vec<Vec<usize>> = nodes
        .iter()
        .map(|id| {
            edges(*id)
                .iter()
                .filter_map(|s| place.get(s).copied())
                .collect()
        })
        .collect();
    let mut walk = Tarjan {
        order: vec![None; nodes.len()],
        low: vec![0; nodes.len()],
        on_stack: vec![false; nodes.len()],
        stack: Vec::new(),
        visiting: Vec::new(),
        next: 0,
    };
    let mut components = Vec::new();
    for root in 0..nodes.len() {
        if walk.order[root].is_some() {
            continue;
        }
        walk.enter(root);
        while let Some((node, seen)) = walk.visiting.last_mut() {
            let node = *node;
            if let Some(&successor) = successors[node].get(*seen) {
                *seen += 1;
                match walk.order[successor] {
                    None => walk.enter(successor),
                    Some(at) if walk.on_stack[successor] => walk.low[node] = walk.low[node].min(at),
                    Some(_) => {}
                }
                continue;
            }
            walk.visiting.pop();
            if let Some((parent, _)) = walk.visiting.last() {
                walk.low[*parent] = walk.low[*parent].min(walk.low[node]);
            }
            if Some(walk.low[node]) == walk.order[node] {
                let mut component = Vec::new();
                while let Some(member) = walk.stack.pop() {
                    walk.on_stack[member] = false;
                    component.push(nodes[member]);
                    if member == node {
                        break;
                    }
                }
                components.push(component);
            }
        }
    }
    components
}

/// The state of [`strongly_connected`]'s walk, by a node's place in its `nodes`.
struct Tarjan {
    /// When each node was first reached.
    order: Vec<Option<usize>>,
    /// The earliest node still on `stack` that each node's walk reached.
    low: Vec<usize>,
    on_stack: Vec<bool>,
    /// The nodes reached and not yet given a component.
    stack: Vec<usize>,
    /// Each node being walked, with how many of its successors were looked at.
    visiting: Vec<(usize, usize)>,
    next: usize,
}

impl Tarjan {
    fn enter(&mut self, node: usize) {
        self.order[node] = Some(self.next);
        self.low[node] = self.next;
        self.next += 1;
        self.stack.push(node);
        self.on_stack[node] = true;
        self.visiting.push((node, 0));
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
