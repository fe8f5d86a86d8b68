//! `misskey-codegen summary`: what the generator would make of a spec, as plain text.
//!
//! Everything is counted on the intermediate representation (every endpoint group enabled),
//! so the numbers are what a build would generate, not what the raw JSON happens to contain.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::{analyze, ir, Error, Features, Options};

/// The options the CLI analyzes with: every group on, derives as a build would choose them.
pub(crate) fn cli_options() -> Options {
    Options {
        features: Features::all(),
        derive_all: false,
    }
}

/// Reads a spec file as text, with the generator's error for an unreadable file.
pub fn read_spec(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.display().to_string(),
        source,
    })
}

/// The spec's own `openapi` field: normalization rewrites it to 3.0.3, so it is read from
/// the raw JSON.
pub(crate) fn openapi_version(text: &str) -> String {
    serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|v| v.get("openapi").and_then(|o| o.as_str()).map(str::to_owned))
        .unwrap_or_else(|| "unknown".to_owned())
}

/// The spec's name of a component schema, from its type's origin pointer; `None` for types
/// that are not component schemas (inline shapes, and the placeholders the generator adds
/// for core models a spec lacks, whose origin is empty).
pub(crate) fn model_name(def: &ir::TypeDef) -> Option<String> {
    let escaped = def.origin.strip_prefix("/components/schemas/")?;
    Some(crate::normalize::unescape(escaped))
}

/// Facts about a spec, as the generator sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// `info.title`.
    pub title: String,
    /// `info.version`: the server's version.
    pub version: String,
    /// The spec's `openapi` field, as written (`3.1.0`).
    pub openapi: String,
    /// Paths in the spec.
    pub paths: usize,
    /// Endpoints the generator generates (every group enabled).
    pub endpoints: usize,
    /// Endpoints per top-level group (first path segment).
    pub groups: BTreeMap<String, usize>,
    /// Endpoints that need a credential.
    pub credential: usize,
    /// Names of the endpoints that take a multipart body, sorted.
    pub multipart: Vec<String>,
    /// Each permission with the number of endpoints that require it.
    pub permissions: BTreeMap<String, usize>,
    /// Component schemas in the spec.
    pub schemas: usize,
    /// What the generator assumed where the spec was odd, one line each.
    pub warnings: Vec<String>,
    /// What the table of fields servers leave out did to this spec (see `overrides`).
    pub overrides: crate::overrides::Report,
    /// For a merge of several specs: each spec with the endpoints it has and adds.
    pub merged: Vec<String>,
}

impl Summary {
    /// Summarizes a spec given as JSON text; fails with the generator's error.
    pub fn of(text: &str) -> Result<Summary, Error> {
        let api = analyze(text, &cli_options())?;
        Ok(Summary::of_api(&api, openapi_version(text)))
    }

    /// Summarizes several specs merged (see [`crate::merge`]), each named `(file, text)`:
    /// the merge's summary, with what each spec adds and where they disagree (the warnings
    /// that say `the merge reads`).
    pub fn of_merged(specs: &[(String, String)]) -> Result<Summary, Error> {
        let api = crate::analyze_merged(specs, &cli_options())?;
        let versions: Vec<String> = specs.iter().map(|(_, t)| openapi_version(t)).collect();
        let mut summary = Summary::of_api(&api, versions.join(" + "));
        let mut seen = std::collections::BTreeSet::new();
        for ((file, text), label) in specs.iter().zip(&api.specs) {
            let paths: Vec<String> = serde_json::from_str::<serde_json::Value>(text)
                .ok()
                .and_then(|v| {
                    v.get("paths")
                        .and_then(|p| p.as_object())
                        .map(|p| p.keys().cloned().collect())
                })
                .unwrap_or_default();
            let new = paths.iter().filter(|p| seen.insert((*p).clone())).count();
            summary.merged.push(format!(
                "{label} ({file}): {} paths, {new} not in the specs before it",
                paths.len()
            ));
        }
        Ok(summary)
    }

    fn of_api(api: &crate::ir::Api, openapi: String) -> Summary {
        let mut groups = BTreeMap::new();
        let mut permissions = BTreeMap::new();
        let mut multipart = Vec::new();
        let mut credential = 0;
        for e in &api.endpoints {
            let group = e.name.split('/').next().unwrap_or_default();
            *groups.entry(group.to_owned()).or_insert(0) += 1;
            if let Some(p) = &e.permission {
                *permissions.entry(p.clone()).or_insert(0) += 1;
            }
            if e.multipart {
                multipart.push(e.name.clone());
            }
            credential += usize::from(e.requires_credential);
        }
        multipart.sort();
        let schemas = api
            .models
            .iter()
            .filter(|id| model_name(&api.types[**id]).is_some())
            .count();
        Summary {
            title: api.title.clone(),
            version: api.version.clone(),
            openapi,
            paths: api.spec_paths,
            endpoints: api.endpoints.len(),
            groups,
            credential,
            multipart,
            permissions,
            schemas,
            warnings: api.warnings.iter().map(ToString::to_string).collect(),
            overrides: api.overrides.clone(),
            merged: Vec::new(),
        }
    }

    /// The plain-text report, in a stable order.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let with_permission: usize = self.permissions.values().sum();
        let _ = writeln!(out, "title:              {}", self.title);
        let _ = writeln!(out, "server version:     {}", self.version);
        let _ = writeln!(out, "OpenAPI version:    {}", self.openapi);
        let _ = writeln!(out, "paths:              {}", self.paths);
        let _ = writeln!(out, "endpoints:          {}", self.endpoints);
        let _ = writeln!(out, "need a credential:  {}", self.credential);
        let _ = writeln!(out, "multipart:          {}", self.multipart.len());
        for name in &self.multipart {
            let _ = writeln!(out, "  {name}");
        }
        let _ = writeln!(out, "component schemas:  {}", self.schemas);
        let _ = writeln!(out);
        if !self.merged.is_empty() {
            let conflicts: Vec<&String> = self
                .warnings
                .iter()
                .filter(|w| w.contains("the merge reads"))
                .collect();
            let _ = writeln!(out, "merged specs ({}), in order:", self.merged.len());
            for line in &self.merged {
                let _ = writeln!(out, "  {line}");
            }
            let _ = writeln!(
                out,
                "conflicts ({}: one place typed differently; the merge reads either):",
                conflicts.len()
            );
            for conflict in conflicts {
                let _ = writeln!(out, "  {conflict}");
            }
            let _ = writeln!(out);
        }
        let _ = writeln!(out, "endpoints per group ({} groups):", self.groups.len());
        let width = self.groups.keys().map(String::len).max().unwrap_or(0);
        for (group, count) in &self.groups {
            let _ = writeln!(out, "  {group:<width$}  {count:>4}");
        }
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "permissions ({} distinct; {} endpoints need one, {} none):",
            self.permissions.len(),
            with_permission,
            self.endpoints - with_permission
        );
        let width = self.permissions.keys().map(String::len).max().unwrap_or(0);
        for (permission, count) in &self.permissions {
            let _ = writeln!(out, "  {permission:<width$}  {count:>4}");
        }
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "warnings ({}: what the generator assumed where the spec is odd):",
            self.warnings.len()
        );
        for warning in &self.warnings {
            let _ = writeln!(out, "  {warning}");
        }
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "made optional ({}: required in the spec, left out by servers):",
            self.overrides.relaxed.len()
        );
        for relaxed in &self.overrides.relaxed {
            let _ = writeln!(out, "  {}: {}", relaxed.place, relaxed.why);
            for evidence in relaxed.evidence {
                let _ = writeln!(out, "    seen in {evidence}");
            }
        }
        let _ = writeln!(
            out,
            "override rows this spec does not have ({}: upstream may have fixed them, or \
             they are another version's):",
            self.overrides.unmatched.len()
        );
        for row in &self.overrides.unmatched {
            let _ = writeln!(out, "  {row}");
        }
        out
    }
}

/// `summary SPEC`: the report for a spec file.
pub fn summarize_file(path: &Path) -> Result<String, Error> {
    summarize_files(&crate::spec_files(path.as_os_str())?)
}

/// `summary DIR` or `summary A.json:B.json`: the merge's report (one file: its own).
pub fn summarize_files(paths: &[std::path::PathBuf]) -> Result<String, Error> {
    if let [one] = paths {
        return Ok(Summary::of(&read_spec(one)?)?.render());
    }
    let specs = read_specs(paths)?;
    Ok(Summary::of_merged(&specs)?.render())
}

/// Each file's name and text.
pub(crate) fn read_specs(paths: &[std::path::PathBuf]) -> Result<Vec<(String, String)>, Error> {
    paths
        .iter()
        .map(|p| Ok((p.display().to_string(), read_spec(p)?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Three endpoints in two groups, one multipart, two permissions, one schema.
    const SPEC: &str = r##"{
      "openapi": "3.1.0",
      "info": {"title": "Test API", "version": "2099.1.0-test"},
      "paths": {
        "/notes/create": {"post": {
          "description": "No description provided.\n\n**Credential required**: *Yes* / **Permission**: *write:notes*",
          "requestBody": {"content": {"application/json": {"schema": {
            "type": "object", "properties": {"text": {"type": ["string", "null"]}}}}}},
          "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Note"}}}}}
        }},
        "/notes/show": {"post": {
          "description": "**Credential required**: *No*",
          "requestBody": {"content": {"application/json": {"schema": {
            "type": "object", "properties": {"noteId": {"type": "string", "format": "misskey:id"}},
            "required": ["noteId"]}}}},
          "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Note"}}}}}
        }},
        "/drive/files/create": {"post": {
          "description": "**Credential required**: *Yes* / **Permission**: *write:drive*",
          "requestBody": {"content": {"multipart/form-data": {"schema": {
            "type": "object", "properties": {"file": {"type": "string", "format": "binary"}},
            "required": ["file"]}}}},
          "responses": {"204": {"description": "OK"}}
        }}
      },
      "components": {"schemas": {
        "Note": {"type": "object", "properties": {"id": {"type": "string", "format": "id"}}, "required": ["id"]}
      }}
    }"##;

    #[test]
    fn counts_what_the_generator_sees() {
        let s = Summary::of(SPEC).unwrap();
        assert_eq!(s.title, "Test API");
        assert_eq!(s.version, "2099.1.0-test");
        // The raw field, not the 3.0.3 that normalization writes.
        assert_eq!(s.openapi, "3.1.0");
        assert_eq!(s.paths, 3);
        assert_eq!(s.endpoints, 3);
        assert_eq!(
            s.groups
                .iter()
                .map(|(g, n)| (g.as_str(), *n))
                .collect::<Vec<_>>(),
            [("drive", 1), ("notes", 2)]
        );
        assert_eq!(s.credential, 2);
        assert_eq!(s.multipart, ["drive/files/create"]);
        assert_eq!(
            s.permissions
                .iter()
                .map(|(p, n)| (p.as_str(), *n))
                .collect::<Vec<_>>(),
            [("write:drive", 1), ("write:notes", 1)]
        );
        // `Note` only: the placeholders for core models the spec lacks are not counted.
        assert_eq!(s.schemas, 1);
    }

    #[test]
    fn renders_in_a_stable_order() {
        let text = Summary::of(SPEC).unwrap().render();
        assert!(
            text.contains("server version:     2099.1.0-test\n"),
            "{text}"
        );
        assert!(
            text.contains("endpoints per group (2 groups):\n  drive     1\n  notes     2\n"),
            "{text}"
        );
        assert!(
            text.contains("multipart:          1\n  drive/files/create\n"),
            "{text}"
        );
        assert!(
            text.contains("2 distinct; 2 endpoints need one, 1 none"),
            "{text}"
        );
        let drive = text.find("  drive ").unwrap();
        let notes = text.find("  notes ").unwrap();
        assert!(drive < notes);
        assert_eq!(text, Summary::of(SPEC).unwrap().render());
    }

    #[test]
    fn odd_spec_is_summarized_with_its_warnings() {
        let broken = SPEC.replace(
            r##""$ref": "#/components/schemas/Note"}}}}}
        }},
        "/drive"##,
            r##""$ref": "#/components/schemas/Missing"}}}}}
        }},
        "/drive"##,
        );
        assert_ne!(broken, SPEC);
        let text = Summary::of(&broken).unwrap().render();
        assert!(text.contains("warnings (1: "), "{text}");
        let line = text
            .lines()
            .find(|l| l.contains("/paths/~1notes~1show/post/responses/200"))
            .unwrap_or_else(|| panic!("{text}"));
        assert!(line.contains("Missing"), "{line}");

        // The overrides table's rows this small spec does not have are listed, not errors.
        assert!(
            text.contains("override rows this spec does not have")
                && text.contains("UserLite: approved"),
            "{text}"
        );

        let err = Summary::of("{\"openapi\": ").unwrap_err().to_string();
        assert!(err.contains("not valid JSON"), "{err}");
    }

    #[test]
    fn unreadable_file_names_the_path() {
        let err = summarize_file(Path::new("/nonexistent/api.json"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("/nonexistent/api.json"), "{err}");
    }
}
