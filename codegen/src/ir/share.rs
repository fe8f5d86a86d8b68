//! Inline shapes that several modules use move into `models`, under a name of their own.

use std::collections::{HashMap, HashSet};

use super::builder::Builder;
use super::{all_refs, collect_named, Endpoint, TypeId};
use crate::names;

impl Builder<'_> {
    /// Moves inline shapes that several modules use into `models`, under a name of their
    /// own: `notes::create` using `i::update::RequestPostingLang` reads as if one endpoint
    /// borrowed from another, where `models::PostingLang` says what it is.
    pub fn share(&mut self, endpoints: &[Endpoint]) {
        let mut users: HashMap<TypeId, HashSet<Vec<String>>> = HashMap::new();
        for def in &self.types {
            for id in all_refs(&def.kind) {
                users.entry(id).or_default().insert(def.module.clone());
            }
        }
        for e in endpoints {
            let mut module = vec!["endpoints".to_owned()];
            module.extend(e.module.iter().cloned());
            let mut refs = Vec::new();
            collect_named(&e.response, &mut refs);
            for id in refs {
                users.entry(id).or_default().insert(module.clone());
            }
        }
        let models = vec!["models".to_owned()];
        for id in 0..self.types.len() {
            let def = &self.types[id];
            let shared = users
                .get(&id)
                .is_some_and(|m| m.iter().any(|m| *m != def.module));
            if !shared
                || def.module == models
                || matches!(def.name.as_str(), "Request" | "Response" | "ResponseBody")
            {
                continue;
            }
            let short = ["ResponseBody", "ResponseItem", "Response", "Request"]
                .iter()
                .find_map(|prefix| {
                    def.name
                        .strip_prefix(prefix)
                        .filter(|rest| !rest.is_empty())
                })
                .unwrap_or(&def.name)
                .to_owned();
            // A lone word (`Type`, `State`) says too little in `models`: keep the endpoint it
            // was first seen in as context (`QueueState`).
            let words = short.chars().filter(char::is_ascii_uppercase).count();
            let short = match def.module.last() {
                Some(owner)
                    if words <= 1 && def.module.first().is_some_and(|m| m == "endpoints") =>
                {
                    format!("{}{short}", names::pascal(owner))
                }
                _ => short,
            };
            let name = self.type_scope(&models).claim(&short);
            let def = &mut self.types[id];
            def.module = models.clone();
            def.name = name;
        }
    }
}
