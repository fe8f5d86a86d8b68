//! Which serde impls each type gets.

use super::builder::Builder;
use super::{all_refs, collect_named, Endpoint, TypeId};

impl Builder<'_> {
    /// `Serialize` only where a request needs it, `Deserialize` only where a response or a
    /// model does: serde derives are most of the compile time of bindings.
    pub fn derives(&mut self, endpoints: &[Endpoint], all: bool) {
        if all {
            for t in &mut self.types {
                t.serialize = true;
                t.deserialize = true;
            }
            return;
        }
        let mut ser = Vec::new();
        let mut de: Vec<TypeId> = self.models.clone();
        for e in endpoints {
            ser.push(e.request);
            collect_named(&e.response, &mut de);
        }
        let mut stack = ser;
        while let Some(id) = stack.pop() {
            if !std::mem::replace(&mut self.types[id].serialize, true) {
                stack.extend(all_refs(&self.types[id].kind));
            }
        }
        let mut stack = de;
        while let Some(id) = stack.pop() {
            if !std::mem::replace(&mut self.types[id].deserialize, true) {
                stack.extend(all_refs(&self.types[id].kind));
            }
        }
    }
}
