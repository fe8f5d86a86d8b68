//! Generates typed Rust bindings for a Misskey server from its OpenAPI spec.
//!
//! The stages, each a module: [`normalize`] rewrites the spec's JSON from OpenAPI 3.1 to 3.0;
//! [`overrides`] relaxes what servers do not keep to, and [`merge`] joins several specs;
//! [`spec`] reads the parts the generator uses straight from that JSON; `ir` decides every
//! Rust type (unions, `allOf`, shared inline shapes, recursion, derives); [`names`] turns spec
//! names into Rust names; `emit` builds the code with `quote`, and `format` prints it as
//! source with `prettyplease`.
//!
//! `misskey-client`'s build script calls [`generate_file`]; the `misskey-codegen` binary uses
//! the same stages to summarize, diff and fetch specs.

use std::path::Path;

pub use diagnostics::{Warning, Warnings};

pub mod diagnostics;
#[cfg(feature = "cli")]
pub mod diff;
mod emit;
#[cfg(feature = "cli")]
pub mod fetch;
mod format;
pub mod ir;
pub mod merge;
pub mod names;
pub mod normalize;
pub mod overrides;
pub mod spec;
#[cfg(feature = "cli")]
pub mod summary;
#[cfg(feature = "cli")]
pub mod surface;

/// What to generate.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The endpoint-group features the package declares, and which are on.
    pub features: Features,
    /// Derive `Serialize` and `Deserialize` on every type with serde's derives, as a naive
    /// generator would: the baseline for the compile-time benchmark.
    pub derive_all: bool,
}

/// Cargo features that gate endpoint groups (the first segment of an endpoint's path).
///
/// A group with a declared feature is generated only when that feature is on; a group
/// without one (a fork's new group, or a one-segment path like `meta`) is always generated.
#[derive(Debug, Clone, Default)]
pub struct Features {
    /// Each declared feature with whether it is enabled.
    pub declared: Vec<(String, bool)>,
}

impl Features {
    /// Reads the feature names from the `[features]` table of a `Cargo.toml`, asking
    /// `enabled` about each (a build script asks `CARGO_FEATURE_*`).
    pub fn from_manifest(manifest: &str, enabled: impl Fn(&str) -> bool) -> Features {
        let mut declared = Vec::new();
        let mut in_features = false;
        for line in manifest.lines() {
            let line = line.trim();
            if line.starts_with('[') && !line.starts_with("[\"") {
                in_features = line == "[features]";
                continue;
            }
            if !in_features || line.starts_with('#') || line.starts_with('"') {
                continue;
            }
            if let Some((name, _)) = line.split_once('=') {
                let name = name.trim().trim_matches('"');
                if !name.is_empty() && name != "default" {
                    declared.push((name.to_owned(), enabled(name)));
                }
            }
        }
        Features { declared }
    }

    /// Every group enabled, none declared: generate everything.
    pub fn all() -> Features {
        Features::default()
    }
}

/// Why a spec could not be turned into code.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The spec file could not be read.
    #[error("cannot read the spec at {path}: {source}")]
    Read {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The spec is not JSON.
    #[error("the spec is not valid JSON (line {line}, column {column}): {message}")]
    Json {
        /// Where.
        line: usize,
        /// Where.
        column: usize,
        /// What.
        message: String,
    },
    /// A part of the spec is not what the generator can handle.
    #[error("unsupported spec at {pointer}: expected {expected}")]
    Spec {
        /// JSON pointer of the offending part.
        pointer: String,
        /// What was expected there.
        expected: String,
    },
    /// One of several specs could not be read.
    #[error("{path}: {error}")]
    InFile {
        /// The spec's file.
        path: String,
        /// What is wrong with it.
        #[source]
        error: Box<Error>,
    },
}

impl Error {
    /// This error, naming the file it is about (a file read error names it already).
    fn in_file(self, path: &str) -> Error {
        match self {
            Error::Read { .. } | Error::InFile { .. } => self,
            error => Error::InFile {
                path: path.to_owned(),
                error: Box::new(error),
            },
        }
    }

    pub(crate) fn spec(pointer: &str, expected: impl Into<String>) -> Error {
        Error::Spec {
            pointer: if pointer.is_empty() {
                "/".into()
            } else {
                pointer.into()
            },
            expected: expected.into(),
        }
    }
}

/// Reads and normalizes a spec: the JSON that [`spec::read`] reads. What had to be assumed
/// along the way is in the returned warnings; only a document that is not OpenAPI 3 at all is
/// an error.
pub fn load(text: &str) -> Result<(serde_json::Value, Warnings), Error> {
    let mut warnings = Warnings::default();
    let (value, _) = prepare(text, &mut warnings)?;
    Ok((value, warnings))
}

/// A spec's JSON, normalized and relaxed by the overrides table: what is merged and read.
fn prepare(
    text: &str,
    warnings: &mut Warnings,
) -> Result<(serde_json::Value, overrides::Report), Error> {
    let mut value: serde_json::Value = serde_json::from_str(text).map_err(|e| Error::Json {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    normalize::normalize(&mut value, warnings)?;
    let report = overrides::apply(&mut value);
    Ok((value, report))
}

/// Builds the intermediate representation of a prepared spec.
fn build(value: &serde_json::Value, options: &Options, mut warnings: Warnings) -> ir::Api {
    let spec = spec::read(value, &mut warnings);
    ir::Api::build(&spec, options, warnings)
}

/// Builds the intermediate representation of several specs merged into one (see
/// [`merge`]); one spec is analyzed exactly as [`analyze`] does. Each spec is named by
/// `(name, text)`, the name (a file's path) used in its errors.
pub fn analyze_merged(specs: &[(String, String)], options: &Options) -> Result<ir::Api, Error> {
    if let [(name, text)] = specs {
        return analyze(text, options).map_err(|e| e.in_file(name));
    }
    if specs.is_empty() {
        return Err(Error::spec("", "at least one spec"));
    }
    let mut warnings = Warnings::default();
    let mut sources = Vec::new();
    let mut reports = Vec::new();
    for (name, text) in specs {
        let mut own = Warnings::default();
        let (mut value, report) = prepare(text, &mut own).map_err(|e| e.in_file(name))?;
        merge::strip_own_keys(&mut value);
        let label = merge::label(&value);
        for warning in own.into_vec() {
            warnings.push(&warning.pointer, format!("{label}: {}", warning.message));
        }
        reports.push(report);
        sources.push(merge::Source { label, spec: value });
    }
    let merged = merge::merge(sources, &mut warnings);
    let mut api = build(&merged.spec, options, warnings);
    api.overrides = overrides::Report::of_merge(reports);
    api.specs = merged.labels;
    api.availability = merged.availability;
    Ok(api)
}

/// The spec files an argument names: a file, a directory (every `*.json` in it, by file
/// name), or a list of those separated as in `PATH` (`:` on Unix, `;` on Windows).
pub fn spec_files(arg: &std::ffi::OsStr) -> Result<Vec<std::path::PathBuf>, Error> {
    let mut files = Vec::new();
    for entry in std::env::split_paths(arg).filter(|p| !p.as_os_str().is_empty()) {
        if entry.is_dir() {
            let read = |source| Error::Read {
                path: entry.display().to_string(),
                source,
            };
            let found = json_files(&entry).map_err(read)?;
            if found.is_empty() {
                return Err(Error::spec(
                    "",
                    format!("a *.json spec in {}", entry.display()),
                ));
            }
            files.extend(found);
        } else {
            files.push(entry);
        }
    }
    if files.is_empty() {
        return Err(Error::spec("", "a spec file"));
    }
    Ok(files)
}

/// The `*.json` files in `dir`, by file name: the order specs are merged in.
pub fn json_files(dir: &Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    Ok(files)
}

/// [`generate_with_warnings`] for several specs on disk, merged (see [`merge`]); one file
/// generates exactly what [`generate_file`] does.
pub fn generate_files(paths: &[std::path::PathBuf], options: &Options) -> Result<Generated, Error> {
    let mut specs = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
            path: path.display().to_string(),
            source,
        })?;
        specs.push((path.display().to_string(), text));
    }
    let api = analyze_merged(&specs, options)?;
    Ok(Generated {
        code: render(&api)?,
        warnings: api.warnings,
    })
}

/// Builds the intermediate representation of a spec.
pub fn analyze(text: &str, options: &Options) -> Result<ir::Api, Error> {
    let mut warnings = Warnings::default();
    let (value, overrides) = prepare(text, &mut warnings)?;
    let mut api = build(&value, options, warnings);
    api.overrides = overrides;
    Ok(api)
}

/// Generated bindings, and what the generator had to assume to make them.
#[derive(Debug, Clone)]
pub struct Generated {
    /// One formatted Rust file.
    pub code: String,
    /// Where the spec was odd and what was assumed there (see [`Warning`]).
    pub warnings: Vec<Warning>,
}

/// Generates the bindings for a spec given as JSON text: one formatted Rust file.
pub fn generate(text: &str, options: &Options) -> Result<String, Error> {
    generate_with_warnings(text, options).map(|g| g.code)
}

/// [`generate`], with the warnings.
pub fn generate_with_warnings(text: &str, options: &Options) -> Result<Generated, Error> {
    let api = analyze(text, options)?;
    Ok(Generated {
        code: render(&api)?,
        warnings: api.warnings,
    })
}

/// Prints an analyzed spec as one formatted Rust file.
///
/// Fails only on a bug in the generator: tokens it built that do not parse back as Rust.
pub fn render(api: &ir::Api) -> Result<String, Error> {
    format::format(emit::emit(api))
}

/// [`generate_with_warnings`] for a spec on disk.
pub fn generate_file(path: &Path, options: &Options) -> Result<Generated, Error> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.display().to_string(),
        source,
    })?;
    generate_with_warnings(&text, options)
}
