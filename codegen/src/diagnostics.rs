//! What the generator assumed about a spec where the spec was not what it should be.
//!
//! Real specs from old servers and forks contain things that are not valid OpenAPI or that
//! no Rust type can follow exactly. The generator gives each a meaning, goes on, and records
//! a [`Warning`] naming the JSON pointer and what it assumed; the build script prints them as
//! `cargo:warning`, and `misskey-codegen summary` lists them.

use std::collections::HashSet;
use std::fmt;

/// One assumption the generator made, at one place in the spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// JSON pointer into the spec as written.
    pub pointer: String,
    /// What was found there and what the generator did with it.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pointer = if self.pointer.is_empty() {
            "/"
        } else {
            &self.pointer
        };
        write!(f, "{pointer}: {}", self.message)
    }
}

/// Warnings in the order they were found; the same warning at the same place is kept once.
#[derive(Debug, Clone, Default)]
pub struct Warnings {
    list: Vec<Warning>,
    seen: HashSet<(String, String)>,
}

impl Warnings {
    /// Records a warning.
    pub fn push(&mut self, pointer: &str, message: impl Into<String>) {
        let warning = Warning {
            pointer: pointer.to_owned(),
            message: message.into(),
        };
        if self
            .seen
            .insert((warning.pointer.clone(), warning.message.clone()))
        {
            self.list.push(warning);
        }
    }

    /// The warnings, in order.
    pub fn into_vec(self) -> Vec<Warning> {
        self.list
    }

    /// The warnings so far.
    pub fn as_slice(&self) -> &[Warning] {
        &self.list
    }
}
