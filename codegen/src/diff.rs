//! `misskey-codegen diff`: what changed between two specs, as the generator sees them.
//!
//! Both specs go through the intermediate representation and are reduced to a [`Snapshot`]
//! of strings: field JSON names and a readable rendering of each type, with component
//! schemas by name and inline shapes written out. Comparing those, rather than raw JSON,
//! keeps 3.0 and 3.1 spellings of one schema (`nullable: true` against `type: [.., "null"]`,
//! `allOf: [X]` against `anyOf: [X, null]`) from showing up, and ignores the names the
//! generator happens to give inline types.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt::Write as _;
use std::path::Path;

use crate::ir::{Api, Ty, TypeId, TypeKind};
use crate::summary::{cli_options, model_name, read_spec};
use crate::surface::{RustDiff, Surface};
use crate::{analyze, Error};

/// How deep inline shapes are written out inside a rendering, and followed into fields.
const MAX_DEPTH: usize = 6;

/// A field (or tagged-union variant) as diff compares it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    /// The rendered type: `string`, `Note[]`, `enum("a", "b")`, `{id: id, name?: string}`.
    pub ty: String,
    /// The values of a string enum the type is (through arrays and nulls), to list the
    /// values that changed instead of two long renderings.
    pub enum_values: Option<BTreeSet<String>>,
    /// The rendering with those enum values left out.
    pub ty_without_enum: String,
    pub required: bool,
    pub nullable: bool,
}

impl Member {
    fn describe(&self) -> String {
        let presence = if self.required {
            "required"
        } else {
            "optional"
        };
        if self.nullable {
            format!("{} ({presence}, nullable)", clip(&self.ty))
        } else {
            format!("{} ({presence})", clip(&self.ty))
        }
    }
}

/// One endpoint, reduced to what diff compares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EndpointSnapshot {
    pub credential: bool,
    pub permission: Option<String>,
    pub multipart: bool,
    /// Request parameters by path (`poll.choices` for a field of an inline object).
    pub request: BTreeMap<String, Member>,
    /// The rendered response type.
    pub response: String,
    /// Fields of an inline response object by path (`[].id` below an array); a response
    /// that is a component schema is compared once, under models.
    pub response_fields: BTreeMap<String, Member>,
}

/// One component schema, reduced to what diff compares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelSnapshot {
    /// `object` for a struct, `oneOf(type)` for a tagged union; the full rendering for
    /// anything else (an enum, an alias).
    pub shape: String,
    /// Fields by path, or variants of a tagged union by `(type=value)`.
    pub members: BTreeMap<String, Member>,
}

/// A spec reduced to strings, free of the generator's type ids and inline type names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot {
    pub title: String,
    pub version: String,
    pub endpoints: BTreeMap<String, EndpointSnapshot>,
    pub models: BTreeMap<String, ModelSnapshot>,
}

impl Snapshot {
    /// Analyzes a spec given as JSON text; fails with the generator's error.
    pub fn of(text: &str) -> Result<Snapshot, Error> {
        let api = analyze(text, &cli_options())?;
        Ok(Snapshot::from_api(&api))
    }

    /// Reduces an analyzed spec.
    pub fn from_api(api: &Api) -> Snapshot {
        let r = Renderer::new(api);
        let mut endpoints = BTreeMap::new();
        for e in &api.endpoints {
            let mut request = BTreeMap::new();
            r.members(e.request, "", &mut request, 0);
            let mut response_fields = BTreeMap::new();
            r.follow(&e.response, String::new(), &mut response_fields, 0);
            endpoints.insert(
                e.name.clone(),
                EndpointSnapshot {
                    credential: e.requires_credential,
                    permission: e.permission.clone(),
                    multipart: e.multipart,
                    request,
                    response: r.render(&e.response, true, 0),
                    response_fields,
                },
            );
        }
        let mut models = BTreeMap::new();
        for &id in &api.models {
            let Some(name) = model_name(&api.types[id]) else {
                continue;
            };
            let mut members = BTreeMap::new();
            r.members(id, "", &mut members, 0);
            let shape = match &api.types[id].kind {
                TypeKind::Struct(_) => "object".to_owned(),
                TypeKind::Tagged(_) => "oneOf(type)".to_owned(),
                _ => r.render_def(id, false, 0),
            };
            models.insert(name, ModelSnapshot { shape, members });
        }
        Snapshot {
            title: api.title.clone(),
            version: api.version.clone(),
            endpoints,
            models,
        }
    }
}

/// Renders types of one [`Api`] as text.
struct Renderer<'a> {
    api: &'a Api,
    models: HashSet<TypeId>,
}

impl<'a> Renderer<'a> {
    fn new(api: &'a Api) -> Self {
        let models = api
            .models
            .iter()
            .copied()
            .filter(|id| model_name(&api.types[*id]).is_some())
            .collect();
        Renderer { api, models }
    }

    fn name(&self, id: TypeId) -> String {
        model_name(&self.api.types[id]).unwrap_or_else(|| self.api.types[id].name.clone())
    }

    /// `shallow`: an inline object reached through arrays, maps and nulls is written
    /// `object`, because its fields are compared one by one; inside unions and tuples it is
    /// written out.
    fn render(&self, ty: &Ty, shallow: bool, depth: usize) -> String {
        match ty {
            Ty::String => "string".into(),
            Ty::Id => "id".into(),
            Ty::DateTime => "date-time".into(),
            Ty::Integer => "integer".into(),
            Ty::Number => "number".into(),
            Ty::Bool => "boolean".into(),
            Ty::Value => "any".into(),
            Ty::Object => "object".into(),
            Ty::Unit => "nothing".into(),
            Ty::Upload => "file".into(),
            Ty::Map(inner) => format!("map<{}>", self.render(inner, shallow, depth)),
            Ty::Vec(inner) => {
                let inner = self.render(inner, shallow, depth);
                if inner.contains(" | ") {
                    format!("({inner})[]")
                } else {
                    format!("{inner}[]")
                }
            }
            Ty::Tuple(parts) => {
                let parts: Vec<String> = parts
                    .iter()
                    .map(|p| self.render(p, false, depth + 1))
                    .collect();
                format!("[{}]", parts.join(", "))
            }
            Ty::Option(inner) => format!("{} | null", self.render(inner, shallow, depth)),
            Ty::Named(id) if self.models.contains(id) => self.name(*id),
            Ty::Named(id) => self.render_def(*id, shallow, depth),
        }
    }

    /// An inline type's definition, written out (sorted where order carries no meaning).
    fn render_def(&self, id: TypeId, shallow: bool, depth: usize) -> String {
        if depth > MAX_DEPTH {
            return "…".into();
        }
        match &self.api.types[id].kind {
            // Their fields and variants are compared one by one as members.
            TypeKind::Struct(_) if shallow => "object".into(),
            TypeKind::Tagged(_) if shallow => "oneOf(type)".into(),
            TypeKind::Struct(fields) => {
                let mut parts: Vec<String> = fields
                    .iter()
                    .map(|f| {
                        let ty = self.render(&f.ty, false, depth + 1);
                        let ty = if f.nullable && !ty.ends_with(" | null") {
                            format!("{ty} | null")
                        } else {
                            ty
                        };
                        let mark = if f.required { "" } else { "?" };
                        format!("{}{mark}: {ty}", f.json)
                    })
                    .collect();
                parts.sort();
                format!("{{{}}}", parts.join(", "))
            }
            TypeKind::StringEnum(values) => {
                let values: BTreeSet<&str> = values.iter().map(|(_, v)| v.as_str()).collect();
                let values: Vec<String> = values.iter().map(|v| format!("{v:?}")).collect();
                format!("enum({})", values.join(", "))
            }
            TypeKind::Tagged(variants) => {
                let mut parts: Vec<String> = variants
                    .iter()
                    .map(|v| {
                        format!(
                            "type={}: {}",
                            tag_key(&v.values),
                            self.render(&v.ty, false, depth + 1)
                        )
                    })
                    .collect();
                parts.sort();
                format!("oneOf({})", parts.join(", "))
            }
            TypeKind::Untagged(variants) => {
                let mut parts: Vec<String> = variants
                    .iter()
                    .map(|v| self.render(&v.ty, false, depth + 1))
                    .collect();
                parts.sort();
                parts.join(" | ")
            }
            TypeKind::Alias(ty) | TypeKind::Newtype(ty) => self.render(ty, shallow, depth + 1),
            TypeKind::Pending => "?".into(),
        }
    }

    /// The members of a struct (fields) or a tagged union (variants), inline objects
    /// followed into their own fields.
    fn members(&self, id: TypeId, prefix: &str, out: &mut BTreeMap<String, Member>, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        match &self.api.types[id].kind {
            TypeKind::Struct(fields) => {
                for f in fields {
                    let path = format!("{prefix}{}", f.json);
                    out.insert(path.clone(), self.member(&f.ty, f.required, f.nullable));
                    self.follow(&f.ty, format!("{path}."), out, depth + 1);
                }
            }
            TypeKind::Tagged(variants) => {
                for v in variants {
                    let path = format!("{prefix}(type={})", tag_key(&v.values));
                    out.insert(path.clone(), self.member(&v.ty, true, false));
                    self.follow(&v.ty, format!("{path}."), out, depth + 1);
                }
            }
            TypeKind::Alias(ty) | TypeKind::Newtype(ty) => {
                self.follow(ty, prefix.to_owned(), out, depth + 1)
            }
            _ => {}
        }
    }

    /// Into the inline object (or tagged union) a type is, through arrays, maps and nulls;
    /// component schemas are not followed (they are compared under models).
    fn follow(&self, ty: &Ty, prefix: String, out: &mut BTreeMap<String, Member>, depth: usize) {
        match ty {
            Ty::Option(inner) => self.follow(inner, prefix, out, depth),
            Ty::Vec(inner) => self.follow(inner, format!("{}[].", trim_dot(&prefix)), out, depth),
            Ty::Map(inner) => self.follow(inner, format!("{}{{}}.", trim_dot(&prefix)), out, depth),
            Ty::Named(id) if !self.models.contains(id) => {
                self.members(*id, &prefix, out, depth);
            }
            _ => {}
        }
    }

    fn member(&self, ty: &Ty, required: bool, nullable: bool) -> Member {
        let rendered = self.render(ty, true, 0);
        let enum_values = self.enum_values(ty);
        let ty_without_enum = match &enum_values {
            Some(_) => self.render_enum_elided(ty),
            None => rendered.clone(),
        };
        Member {
            ty: rendered,
            enum_values,
            ty_without_enum,
            required,
            nullable,
        }
    }

    /// The string enum an inline type is, through arrays, maps and nulls.
    fn enum_values(&self, ty: &Ty) -> Option<BTreeSet<String>> {
        match ty {
            Ty::Option(inner) | Ty::Vec(inner) | Ty::Map(inner) => self.enum_values(inner),
            Ty::Named(id) if !self.models.contains(id) => match &self.api.types[*id].kind {
                TypeKind::StringEnum(values) => {
                    Some(values.iter().map(|(_, v)| v.clone()).collect())
                }
                TypeKind::Alias(inner) => self.enum_values(inner),
                _ => None,
            },
            _ => None,
        }
    }

    fn render_enum_elided(&self, ty: &Ty) -> String {
        match ty {
            Ty::Option(inner) => format!("{} | null", self.render_enum_elided(inner)),
            Ty::Vec(inner) => format!("({})[]", self.render_enum_elided(inner)),
            Ty::Map(inner) => format!("map<{}>", self.render_enum_elided(inner)),
            Ty::Named(id) => match &self.api.types[*id].kind {
                TypeKind::Alias(inner) => self.render_enum_elided(inner),
                _ => "enum".into(),
            },
            other => self.render(other, true, 0),
        }
    }
}

/// Longest type rendering printed; comparisons use the whole rendering.
const MAX_SHOWN: usize = 160;

/// A rendering cut short for display (a merged union can write out 60 fields).
fn clip(rendering: &str) -> String {
    match rendering.char_indices().nth(MAX_SHOWN) {
        Some((i, _)) => format!("{}…", &rendering[..i]),
        None => rendering.to_owned(),
    }
}

fn tag_key(values: &[String]) -> String {
    let mut values = values.to_vec();
    values.sort();
    values.join("|")
}

fn trim_dot(prefix: &str) -> &str {
    prefix.strip_suffix('.').unwrap_or(prefix)
}

/// The changes between two specs, each list sorted by name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diff {
    /// `title version` of the old spec.
    pub old: String,
    /// `title version` of the new spec.
    pub new: String,
    pub endpoints_added: Vec<String>,
    pub endpoints_removed: Vec<String>,
    /// Endpoints in both with their change lines (`+ request.x: integer (optional)`).
    pub endpoints_changed: Vec<(String, Vec<String>)>,
    pub models_added: Vec<String>,
    pub models_removed: Vec<String>,
    /// Component schemas in both with their change lines.
    pub models_changed: Vec<(String, Vec<String>)>,
}

impl Diff {
    /// Compares two snapshots.
    pub fn between(old: &Snapshot, new: &Snapshot) -> Diff {
        let mut diff = Diff {
            old: format!("{} {}", old.title, old.version),
            new: format!("{} {}", new.title, new.version),
            ..Diff::default()
        };
        for (name, o) in &old.endpoints {
            match new.endpoints.get(name) {
                None => diff.endpoints_removed.push(name.clone()),
                Some(n) => {
                    let changes = endpoint_changes(o, n);
                    if !changes.is_empty() {
                        diff.endpoints_changed.push((name.clone(), changes));
                    }
                }
            }
        }
        diff.endpoints_added = added(&old.endpoints, &new.endpoints);
        for (name, o) in &old.models {
            match new.models.get(name) {
                None => diff.models_removed.push(name.clone()),
                Some(n) => {
                    let mut changes = Vec::new();
                    if o.shape != n.shape {
                        changes.push(format!("~ type: {} → {}", clip(&o.shape), clip(&n.shape)));
                    }
                    member_changes("", &o.members, &n.members, &mut changes);
                    if !changes.is_empty() {
                        diff.models_changed.push((name.clone(), changes));
                    }
                }
            }
        }
        diff.models_added = added(&old.models, &new.models);
        diff
    }

    /// No differences at all.
    pub fn is_empty(&self) -> bool {
        self.endpoints_added.is_empty()
            && self.endpoints_removed.is_empty()
            && self.endpoints_changed.is_empty()
            && self.models_added.is_empty()
            && self.models_removed.is_empty()
            && self.models_changed.is_empty()
    }

    /// The plain-text report: a header, a count line, then one section per kind of change.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(out, "old: {}", self.old);
        let _ = writeln!(out, "new: {}", self.new);
        if self.is_empty() {
            let _ = writeln!(out, "no differences");
            return out;
        }
        let _ = writeln!(
            out,
            "endpoints: {} added, {} removed, {} changed; models: {} added, {} removed, {} changed",
            self.endpoints_added.len(),
            self.endpoints_removed.len(),
            self.endpoints_changed.len(),
            self.models_added.len(),
            self.models_removed.len(),
            self.models_changed.len()
        );
        let list = |out: &mut String, title: &str, mark: char, names: &[String]| {
            if !names.is_empty() {
                let _ = writeln!(out, "\n{title} ({}):", names.len());
                for name in names {
                    let _ = writeln!(out, "  {mark} {name}");
                }
            }
        };
        let changed = |out: &mut String, title: &str, items: &[(String, Vec<String>)]| {
            if !items.is_empty() {
                let _ = writeln!(out, "\n{title} ({}):", items.len());
                for (name, changes) in items {
                    let _ = writeln!(out, "  {name}");
                    for change in changes {
                        let _ = writeln!(out, "    {change}");
                    }
                }
            }
        };
        list(&mut out, "endpoints added", '+', &self.endpoints_added);
        list(&mut out, "endpoints removed", '-', &self.endpoints_removed);
        changed(&mut out, "endpoints changed", &self.endpoints_changed);
        list(&mut out, "models added", '+', &self.models_added);
        list(&mut out, "models removed", '-', &self.models_removed);
        changed(&mut out, "models changed", &self.models_changed);
        out
    }
}

fn added<T>(old: &BTreeMap<String, T>, new: &BTreeMap<String, T>) -> Vec<String> {
    new.keys()
        .filter(|k| !old.contains_key(*k))
        .cloned()
        .collect()
}

fn endpoint_changes(o: &EndpointSnapshot, n: &EndpointSnapshot) -> Vec<String> {
    let mut changes = Vec::new();
    if o.credential != n.credential {
        let word = |c: bool| if c { "required" } else { "not required" };
        changes.push(format!(
            "~ credential: {} → {}",
            word(o.credential),
            word(n.credential)
        ));
    }
    if o.permission != n.permission {
        let word = |p: &Option<String>| p.clone().unwrap_or_else(|| "none".into());
        changes.push(format!(
            "~ permission: {} → {}",
            word(&o.permission),
            word(&n.permission)
        ));
    }
    if o.multipart != n.multipart {
        let word = |m: bool| if m { "multipart" } else { "JSON" };
        changes.push(format!(
            "~ request body: {} → {}",
            word(o.multipart),
            word(n.multipart)
        ));
    }
    member_changes("request.", &o.request, &n.request, &mut changes);
    if o.response != n.response {
        changes.push(format!(
            "~ response: {} → {}",
            clip(&o.response),
            clip(&n.response)
        ));
    }
    member_changes(
        "response",
        &o.response_fields,
        &n.response_fields,
        &mut changes,
    );
    changes
}

/// `+`, `-` and `~` lines for members, in path order.
fn member_changes(
    prefix: &str,
    old: &BTreeMap<String, Member>,
    new: &BTreeMap<String, Member>,
    out: &mut Vec<String>,
) {
    // Response field paths start with `.` or `[]`; request and model paths with a name.
    let label = |path: &str| {
        if prefix == "response" && !path.starts_with('[') && !path.starts_with('{') {
            format!("response.{path}")
        } else {
            format!("{prefix}{path}")
        }
    };
    let paths: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    for path in paths {
        match (old.get(path), new.get(path)) {
            (None, Some(n)) => out.push(format!("+ {}: {}", label(path), n.describe())),
            (Some(o), None) => out.push(format!("- {}: {}", label(path), o.describe())),
            (Some(o), Some(n)) if o != n => {
                let mut what = Vec::new();
                if o.ty != n.ty {
                    match (&o.enum_values, &n.enum_values) {
                        (Some(ov), Some(nv)) if o.ty_without_enum == n.ty_without_enum => {
                            let plus: Vec<String> =
                                nv.difference(ov).map(|v| format!("+{v:?}")).collect();
                            let minus: Vec<String> =
                                ov.difference(nv).map(|v| format!("-{v:?}")).collect();
                            what.push(format!(
                                "enum values {}",
                                plus.into_iter().chain(minus).collect::<Vec<_>>().join(" ")
                            ));
                        }
                        _ => what.push("retyped".into()),
                    }
                }
                if o.required != n.required {
                    what.push(
                        if n.required {
                            "now required"
                        } else {
                            "now optional"
                        }
                        .into(),
                    );
                }
                if o.nullable != n.nullable {
                    what.push(
                        if n.nullable {
                            "now nullable"
                        } else {
                            "no longer nullable"
                        }
                        .into(),
                    );
                }
                let line = if what.len() == 1 && what[0].starts_with("enum values") {
                    format!("~ {}: {}", label(path), what[0])
                } else {
                    format!(
                        "~ {}: {} → {} [{}]",
                        label(path),
                        o.describe(),
                        n.describe(),
                        what.join(", ")
                    )
                };
                out.push(line);
            }
            _ => {}
        }
    }
}

/// `diff OLD NEW`: the report for two spec files, and whether anything in it breaks Rust
/// code. What changes for Rust code comes first (see [`crate::surface`]), then what changed
/// in the spec.
pub fn diff_files(old: &Path, new: &Path) -> Result<(String, bool), Error> {
    let old = analyze(&read_spec(old)?, &cli_options())?;
    let new = analyze(&read_spec(new)?, &cli_options())?;
    let (old_surface, new_surface) = (Surface::of(&old), Surface::of(&new));
    let rust = RustDiff::between(&old_surface, &new_surface);
    let spec = Diff::between(&Snapshot::from_api(&old), &Snapshot::from_api(&new));
    let report = format!(
        "{}
Spec changes:
{}",
        rust.render(&old_surface, &new_surface),
        spec.render()
    );
    Ok((report, !rust.breaking.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(version: &str, openapi: &str, paths: &str, schemas: &str) -> String {
        format!(
            r#"{{"openapi": "{openapi}", "info": {{"title": "T", "version": "{version}"}},
               "paths": {{{paths}}}, "components": {{"schemas": {{{schemas}}}}}}}"#
        )
    }

    fn endpoint(request_props: &str, required: &str, response: &str, description: &str) -> String {
        format!(
            r#"{{"post": {{"description": "{description}",
                "requestBody": {{"content": {{"application/json": {{"schema": {{
                  "type": "object", "properties": {{{request_props}}}, "required": [{required}]}}}}}}}},
                "responses": {{"200": {{"description": "OK", "content": {{"application/json": {{"schema": {response}}}}}}}}}}}}}"#
        )
    }

    fn diff(old: &str, new: &str) -> Diff {
        Diff::between(&Snapshot::of(old).unwrap(), &Snapshot::of(new).unwrap())
    }

    fn changes<'d>(items: &'d [(String, Vec<String>)], name: &str) -> &'d [String] {
        &items
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("{name} not changed: {items:?}"))
            .1
    }

    const NOTE: &str = r##""Note": {"type": "object", "properties": {
        "id": {"type": "string", "format": "id"},
        "text": {"type": ["string", "null"]},
        "renote": {"type": ["object", "null"], "allOf": [{"$ref": "#/components/schemas/Note"}]}},
        "required": ["id", "text"]}"##;

    #[test]
    fn identical_specs_have_no_differences() {
        let ep = endpoint(
            r#""a": {"type": "integer"}"#,
            "",
            r##"{"$ref": "#/components/schemas/Note"}"##,
            "",
        );
        let s = spec("1", "3.1.0", &format!(r#""/notes/show": {ep}"#), NOTE);
        let d = diff(&s, &s);
        assert!(d.is_empty(), "{d:?}");
        assert!(d.render().ends_with("no differences\n"));
    }

    #[test]
    fn spellings_of_30_and_31_compare_equal() {
        // 3.1: type arrays and `anyOf [X, null]`; 3.0: `nullable` and `allOf [X]`.
        let new_note = r##""Note": {"type": "object", "properties": {
            "id": {"type": "string", "format": "id"},
            "text": {"type": "string", "nullable": true},
            "renote": {"nullable": true, "allOf": [{"$ref": "#/components/schemas/Note"}]}},
            "required": ["id", "text"]}"##;
        let ep31 = endpoint(
            r#""x": {"type": ["string", "null"]}"#,
            r#""x""#,
            r##"{"$ref": "#/components/schemas/Note"}"##,
            "",
        );
        let ep30 = endpoint(
            r#""x": {"type": "string", "nullable": true}"#,
            r#""x""#,
            r##"{"$ref": "#/components/schemas/Note"}"##,
            "",
        );
        let old = spec("1", "3.1.0", &format!(r#""/notes/show": {ep31}"#), NOTE);
        let new = spec("1", "3.0.0", &format!(r#""/notes/show": {ep30}"#), new_note);
        let d = diff(&old, &new);
        assert!(d.is_empty(), "{}", d.render());
    }

    #[test]
    fn endpoints_added_removed_and_sorted() {
        let ep = endpoint("", "", r#"{"type": "object"}"#, "");
        let old = spec("1", "3.1.0", &format!(r#""/b/x": {ep}, "/gone": {ep}"#), "");
        let new = spec(
            "2",
            "3.1.0",
            &format!(r#""/z/new": {ep}, "/b/x": {ep}, "/a/new": {ep}"#),
            "",
        );
        let d = diff(&old, &new);
        assert_eq!(d.endpoints_added, ["a/new", "z/new"]);
        assert_eq!(d.endpoints_removed, ["gone"]);
        assert!(d.endpoints_changed.is_empty());
        let text = d.render();
        assert!(text.starts_with("old: T 1\nnew: T 2\n"), "{text}");
        assert!(
            text.contains("endpoints added (2):\n  + a/new\n  + z/new\n"),
            "{text}"
        );
        assert!(
            text.contains("endpoints removed (1):\n  - gone\n"),
            "{text}"
        );
    }

    #[test]
    fn request_parameters_added_removed_retyped() {
        let old_ep = endpoint(
            r#""keep": {"type": "string"}, "gone": {"type": "boolean"},
               "retype": {"type": "string"}, "req": {"type": "integer"},
               "nul": {"type": "string"},
               "vis": {"type": "string", "enum": ["public", "home"]},
               "poll": {"type": "object", "properties": {"choices": {"type": "array", "items": {"type": "string"}}}}"#,
            "",
            r#"{"type": "object"}"#,
            "**Credential required**: *No*",
        );
        let new_ep = endpoint(
            r#""keep": {"type": "string"}, "added": {"type": "string", "format": "misskey:id"},
               "retype": {"type": "integer"}, "req": {"type": "integer"},
               "nul": {"type": ["string", "null"]},
               "vis": {"type": "string", "enum": ["public", "followers"]},
               "poll": {"type": "object", "properties": {"choices": {"type": "array", "items": {"type": "integer"}}, "multiple": {"type": "boolean"}}}"#,
            r#""req""#,
            r#"{"type": "object"}"#,
            "**Credential required**: *Yes* / **Permission**: *write:notes*",
        );
        let old = spec("1", "3.1.0", &format!(r#""/notes/create": {old_ep}"#), "");
        let new = spec("2", "3.1.0", &format!(r#""/notes/create": {new_ep}"#), "");
        let d = diff(&old, &new);
        let c = changes(&d.endpoints_changed, "notes/create");
        assert_eq!(c, expected_request_changes());
        assert!(d.models_changed.is_empty());
    }

    fn expected_request_changes() -> Vec<String> {
        [
            "~ credential: not required → required",
            "~ permission: none → write:notes",
            "+ request.added: id (optional)",
            "- request.gone: boolean (optional)",
            "~ request.nul: string (optional) → string (optional, nullable) [now nullable]",
            "~ request.poll.choices: string[] (optional) → integer[] (optional) [retyped]",
            "+ request.poll.multiple: boolean (optional)",
            "~ request.req: integer (optional) → integer (required) [now required]",
            "~ request.retype: string (optional) → integer (optional) [retyped]",
            "~ request.vis: enum values +\"followers\" -\"home\"",
        ]
        .map(str::to_owned)
        .to_vec()
    }

    #[test]
    fn response_fields_and_response_type() {
        let old_ep = endpoint(
            "",
            "",
            r#"{"type": "array", "items": {"type": "object", "properties": {
                "id": {"type": "string", "format": "misskey:id"}, "count": {"type": "integer"}},
                "required": ["id", "count"]}}"#,
            "",
        );
        let new_ep = endpoint(
            "",
            "",
            r#"{"type": "array", "items": {"type": "object", "properties": {
                "id": {"type": "string", "format": "misskey:id"}, "count": {"type": "number"},
                "name": {"type": "string"}},
                "required": ["id", "count"]}}"#,
            "",
        );
        let note_old = endpoint("", "", r##"{"$ref": "#/components/schemas/Note"}"##, "");
        let note_new = endpoint(
            "",
            "",
            r##"{"type": "array", "items": {"$ref": "#/components/schemas/Note"}}"##,
            "",
        );
        let old = spec(
            "1",
            "3.1.0",
            &format!(r#""/stats": {old_ep}, "/notes/show": {note_old}"#),
            NOTE,
        );
        let new = spec(
            "2",
            "3.1.0",
            &format!(r#""/stats": {new_ep}, "/notes/show": {note_new}"#),
            NOTE,
        );
        let d = diff(&old, &new);
        assert_eq!(
            changes(&d.endpoints_changed, "stats"),
            [
                "~ response[].count: integer (required) → number (required) [retyped]",
                "+ response[].name: string (optional)",
            ]
        );
        assert_eq!(
            changes(&d.endpoints_changed, "notes/show"),
            ["~ response: Note → Note[]"]
        );
    }

    #[test]
    fn models_added_removed_and_fields() {
        let old_schemas = format!(
            r#"{NOTE}, "Old": {{"type": "object", "properties": {{}}}},
               "Kind": {{"type": "string", "enum": ["a", "b"]}}"#
        );
        let new_note = r##""Note": {"type": "object", "properties": {
            "id": {"type": "string", "format": "id"},
            "text": {"type": "string"},
            "renote": {"type": ["object", "null"], "anyOf": [{"$ref": "#/components/schemas/Note"}, {"type": "null"}]},
            "dimension": {"type": "integer"}},
            "required": ["id", "text"]}"##;
        let new_schemas = format!(
            r#"{new_note}, "New": {{"type": "object", "properties": {{}}}},
               "Kind": {{"type": "string", "enum": ["a", "c"]}}"#
        );
        let old = spec("1", "3.1.0", "", &old_schemas);
        let new = spec("2", "3.1.0", "", &new_schemas);
        let d = diff(&old, &new);
        assert_eq!(d.models_added, ["New"]);
        assert_eq!(d.models_removed, ["Old"]);
        // `renote` is spelled differently but means the same: not listed.
        assert_eq!(
            changes(&d.models_changed, "Note"),
            [
                "+ dimension: integer (optional)",
                "~ text: string (required, nullable) → string (required) [no longer nullable]",
            ]
        );
        assert_eq!(
            changes(&d.models_changed, "Kind"),
            ["~ type: enum(\"a\", \"b\") → enum(\"a\", \"c\")"]
        );
        // Core models the generator fills in for a spec lacking them are not models here.
        assert!(!d.models_added.iter().any(|m| m == "ChatMessage"));
    }

    #[test]
    fn tagged_union_variants_compare_by_tag() {
        let old = spec(
            "1",
            "3.1.0",
            "",
            r#""Ev": {"type": "object", "oneOf": [
                {"type": "object", "properties": {"type": {"type": "string", "enum": ["a"]}, "x": {"type": "string"}}, "required": ["type"]},
                {"type": "object", "properties": {"type": {"type": "string", "enum": ["b"]}}, "required": ["type"]}]}"#,
        );
        let new = spec(
            "2",
            "3.1.0",
            "",
            r#""Ev": {"type": "object", "oneOf": [
                {"type": "object", "properties": {"type": {"type": "string", "enum": ["a"]}, "x": {"type": "integer"}}, "required": ["type"]},
                {"type": "object", "properties": {"type": {"type": "string", "enum": ["c"]}}, "required": ["type"]}]}"#,
        );
        let d = diff(&old, &new);
        assert_eq!(
            changes(&d.models_changed, "Ev"),
            [
                "~ (type=a).x: string (optional) → integer (optional) [retyped]",
                "- (type=b): object (required)",
                "+ (type=c): object (required)",
            ]
        );
    }

    #[test]
    fn long_renderings_are_clipped_but_compared_whole() {
        let props = |last: &str| {
            let mut p: Vec<String> = (0..40)
                .map(|i| format!(r#""field{i:02}": {{"type": "string"}}"#))
                .collect();
            p.push(format!(r#""zz": {{"type": "{last}"}}"#));
            p.join(", ")
        };
        let response = |last: &str| {
            format!(
                r#"{{"oneOf": [{{"type": "object", "properties": {{{}}}}},
                    {{"type": "array", "items": {{"type": "string"}}}}]}}"#,
                props(last)
            )
        };
        let old = spec(
            "1",
            "3.1.0",
            &format!(r#""/u": {}"#, endpoint("", "", &response("string"), "")),
            "",
        );
        let new = spec(
            "2",
            "3.1.0",
            &format!(r#""/u": {}"#, endpoint("", "", &response("integer"), "")),
            "",
        );
        let d = diff(&old, &new);
        let c = changes(&d.endpoints_changed, "u");
        assert_eq!(c.len(), 1, "{c:?}");
        assert!(c[0].starts_with("~ response: "), "{c:?}");
        assert_eq!(c[0].matches('…').count(), 2, "{c:?}");
        assert!(c[0].chars().count() < 2 * MAX_SHOWN + 20, "{c:?}");
    }

    #[test]
    fn broken_spec_is_an_error() {
        let err = Snapshot::of(r#"{"openapi": "2.0", "paths": {}}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("/openapi"), "{err}");
    }
}
