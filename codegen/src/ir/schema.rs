//! The parts of a schema the generator reads, gathered once per look at it.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use crate::spec::Schema;

/// The parts of a schema the generator reads.
#[derive(Default)]
pub(super) struct View<'v> {
    pub typ: Option<&'v str>,
    pub format: Option<&'v str>,
    pub properties: Vec<(&'v str, Schema<'v>)>,
    pub required: Vec<&'v str>,
    pub additional: Option<Schema<'v>>,
    pub enum_strings: Vec<&'v str>,
    pub one_of: Vec<Schema<'v>>,
    pub any_of: Vec<Schema<'v>>,
    pub all_of: Vec<Schema<'v>>,
}

impl<'v> View<'v> {
    /// The branches of a `oneOf` and an `anyOf`, as one list.
    pub fn branches(&self) -> impl Iterator<Item = &Schema<'v>> {
        self.one_of.iter().chain(&self.any_of)
    }
}

pub(super) fn view<'v>(schema: &Schema<'v>) -> View<'v> {
    View {
        typ: schema.typ(),
        format: schema.format(),
        properties: schema.properties(),
        required: schema.required(),
        additional: schema.additional_properties(),
        enum_strings: schema.enum_strings(),
        one_of: schema.one_of(),
        any_of: schema.any_of(),
        all_of: schema.all_of(),
    }
}

/// The JSON kind a union branch produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Object,
    Array,
    String,
    Number,
    Integer,
    Boolean,
    Any,
}

/// What a walk through components found for each of them, worked out once per component: a
/// walk that meets a component twice (`S0: oneOf [S1, S1]`, `S1: oneOf [S2, S2]`, …) would
/// otherwise redo it each time, exponentially in the depth.
pub(super) struct Walked<T> {
    found: RefCell<HashMap<String, T>>,
    /// During a walk: the lowest place in the stack of components that a cycle was cut at
    /// (`usize::MAX` for none).
    cut: Cell<usize>,
}

impl<T> Default for Walked<T> {
    fn default() -> Self {
        Walked {
            found: RefCell::new(HashMap::new()),
            cut: Cell::new(usize::MAX),
        }
    }
}

impl<T: Clone> Walked<T> {
    /// `walk` of the component `name`, with it on the stack `within` of components being
    /// walked; `None` when it is already there, which is a schema that contains itself.
    pub fn enter(
        &self,
        name: &str,
        within: &mut Vec<String>,
        walk: impl FnOnce(&mut Vec<String>) -> T,
    ) -> Option<T> {
        if let Some(found) = self.found.borrow().get(name) {
            return Some(found.clone());
        }
        if let Some(at) = within.iter().position(|n| n == name) {
            self.cut.set(self.cut.get().min(at));
            return None;
        }
        // What a walk found after cutting a cycle at a component further up `within` (which
        // contains this one) belongs to that place, not to the component: not remembered.
        let at = within.len();
        let outer_cut = self.cut.replace(usize::MAX);
        within.push(name.to_owned());
        let found = walk(within);
        within.pop();
        let cut = self.cut.get();
        if cut >= at {
            self.found
                .borrow_mut()
                .insert(name.to_owned(), found.clone());
        }
        self.cut.set(outer_cut.min(cut));
        Some(found)
    }
}
