//! Generates typed Rust bindings for a Misskey server from its OpenAPI spec.
//!
//! The stages, each a module: [`normalize`] rewrites the spec's JSON from OpenAPI 3.1 to the
//! 3.0 that `openapiv3` parses; `ir` decides every Rust type (unions, `allOf`, shared inline
//! shapes, recursion, derives); [`names`] turns spec names into Rust names; `emit` prints the
//! code with `quote` and formats it with `prettyplease`.
//!
//! `misskey-client`'s build script calls [`generate_file`]; the `misskey-codegen` binary uses
//! the same stages to summarize, diff and fetch specs.

use std::path::Path;

#[cfg(feature = "cli")]
pub mod diff;
mod emit;
#[cfg(feature = "cli")]
pub mod fetch;
pub mod ir;
pub mod names;
pub mod normalize;
mod overrides;
#[cfg(feature = "cli")]
pub mod summary;

/// What to generate.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The endpoint-group features the package declares, and which are on.
    pub features: Features,
    /// Derive `Serialize` and `Deserialize` on every type, as a naive generator would: the
    /// baseline for the compile-time benchmark.
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
}

impl Error {
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

/// Reads, normalizes and parses a spec.
pub fn load(text: &str) -> Result<openapiv3::OpenAPI, Error> {
    let mut value: serde_json::Value = serde_json::from_str(text).map_err(|e| Error::Json {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })?;
    normalize::normalize(&mut value)?;
    // The fast path: a spec that parses needs no positions. This runs in every dependent's
    // build script, unoptimized, so it matters (about half of `load`, 0.25 s).
    if let Ok(spec) = <openapiv3::OpenAPI as serde::Deserialize>::deserialize(&value) {
        return Ok(spec);
    }
    // `openapiv3` reads `paths` as a whole, so an error inside one loses its position; try
    // each path item alone first to name the one that is wrong.
    if let Some(paths) = value.get("paths").and_then(serde_json::Value::as_object) {
        for (path, item) in paths {
            parse::<openapiv3::PathItem>(
                item.clone(),
                &format!("/paths/{}", normalize::escape(path)),
            )?;
        }
    }
    parse(value, "")
}

fn parse<T: serde::de::DeserializeOwned>(
    value: serde_json::Value,
    prefix: &str,
) -> Result<T, Error> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let pointer = e
            .path()
            .iter()
            .filter(|seg| !matches!(seg, serde_path_to_error::Segment::Unknown))
            .map(|seg| format!("/{}", normalize::escape(&seg.to_string())))
            .collect::<String>();
        Error::spec(
            &format!("{prefix}{pointer}"),
            format!("valid OpenAPI ({})", e.inner()),
        )
    })
}

/// Builds the intermediate representation of a spec.
pub fn analyze(text: &str, options: &Options) -> Result<ir::Api, Error> {
    let spec = load(text)?;
    ir::Api::build(&spec, options)
}

/// Generates the bindings for a spec given as JSON text: one formatted Rust file.
pub fn generate(text: &str, options: &Options) -> Result<String, Error> {
    let api = analyze(text, options)?;
    let tokens = emit::emit(&api);
    let file: syn::File = syn::parse2(tokens)
        .map_err(|e| Error::spec("/", format!("names that make valid Rust ({e})")))?;
    Ok(prettyplease::unparse(&file))
}

/// [`generate`] for a spec on disk.
pub fn generate_file(path: &Path, options: &Options) -> Result<String, Error> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.display().to_string(),
        source,
    })?;
    generate(&text, options)
}
