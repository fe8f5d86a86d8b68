//! Generates the endpoint bindings from the server's OpenAPI spec; the work is in
//! `misskey-codegen`, this only finds the inputs and writes the output.

use std::path::{Path, PathBuf};
use std::{env, fs, process};

fn main() {
    let manifest_dir = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    println!("cargo:rerun-if-env-changed=MISSKEY_SPEC");
    println!("cargo:rerun-if-env-changed=MISSKEY_CODEGEN_DERIVE_ALL");
    println!("cargo:rerun-if-env-changed=DOCS_RS");
    let given = env::var_os("MISSKEY_SPEC");
    // A build script runs in this package's directory, so that is where a relative path
    // points: in a dependent's build, the crate's checkout, not the dependent's.
    let entries: Vec<PathBuf> = match &given {
        Some(list) => env::split_paths(list)
            .filter(|p| !p.as_os_str().is_empty())
            .map(|p| manifest_dir.join(p))
            .collect(),
        None => {
            let dir = manifest_dir.join("spec");
            // `spec/` with several specs merges them all; with one, it is `spec/api.json`.
            // Watched as a whole, so that a spec added beside `api.json` is seen.
            println!("cargo:rerun-if-changed={}", dir.display());
            match misskey_codegen::json_files(&dir) {
                Ok(files) if files.len() > 1 => vec![dir],
                _ => vec![dir.join("api.json")],
            }
        }
    };
    if given.is_some() && entries.is_empty() {
        fail("MISSKEY_SPEC is set but names no spec: give a file, a directory or a list of them");
    }
    let docs_rs = env::var_os("DOCS_RS").is_some();
    let mut specs = Vec::new();
    for entry in &entries {
        println!("cargo:rerun-if-changed={}", entry.display());
        if entry.is_dir() {
            match misskey_codegen::json_files(entry) {
                Ok(files) if files.is_empty() => fail(&format!(
                    "no *.json spec in {} (MISSKEY_SPEC names a directory; put one server's \
                     spec in it per file: curl -o {}/api.json https://YOUR.SERVER/api.json)",
                    entry.display(),
                    entry.display()
                )),
                Ok(files) => specs.extend(files),
                Err(err) => fail(&format!("cannot read {}: {err}", entry.display())),
            }
        } else if entry.is_file() {
            specs.push(entry.clone());
        } else if !docs_rs {
            let given = given
                .as_ref()
                .map(|_| entry.strip_prefix(&manifest_dir).unwrap_or(entry));
            fail(&missing_spec(given, entry, &manifest_dir));
        }
    }
    for spec in &specs {
        println!("cargo:rerun-if-changed={}", spec.display());
    }
    // In a build of several specs, what exists on which server is known at run time too.
    println!("cargo::rustc-check-cfg=cfg(misskey_merged)");
    if specs.len() > 1 {
        println!("cargo:rustc-cfg=misskey_merged");
    }

    let manifest = manifest_dir.join("Cargo.toml");
    // The feature list is read from it.
    println!("cargo:rerun-if-changed={}", manifest.display());
    let options = misskey_codegen::Options {
        features: features(&manifest),
        derive_all: env::var_os("MISSKEY_CODEGEN_DERIVE_ALL").is_some_and(|v| v == "1"),
    };
    let generated = if specs.is_empty() {
        // docs.rs builds without network or a server: generate from the illustration spec,
        // and say so on the pages a visitor opens first (`cfg(docsrs)`: the crate root's).
        println!("cargo:warning=no spec: generating from the illustration spec (a docs.rs build)");
        println!("cargo:rustc-cfg=docsrs");
        misskey_codegen::generate_with_warnings(DOCS_RS_SPEC, &options).map(|generated| {
            misskey_codegen::Generated {
                code: with_illustration_notice(&generated.code),
                ..generated
            }
        })
    } else {
        misskey_codegen::generate_files(&specs, &options)
    }
    .unwrap_or_else(|err| fail(&err.to_string()));
    // What `misskey-codegen summary` takes for the same input: a file, or a list of them.
    let shown = env::join_paths(&specs)
        .map(|list| list.to_string_lossy().into_owned())
        .unwrap_or_else(|_| {
            specs
                .first()
                .map(|s| s.display().to_string())
                .unwrap_or_default()
        });
    warn(&shown, &generated.warnings);
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("set by cargo")).join("generated.rs");
    if let Err(err) = fs::write(&out, generated.code) {
        fail(&format!("cannot write {}: {err}", out.display()));
    }
}

/// The endpoint-group features this package declares, each with whether it is enabled.
fn features(manifest: &Path) -> misskey_codegen::Features {
    let text = fs::read_to_string(manifest)
        .unwrap_or_else(|err| fail(&format!("cannot read {}: {err}", manifest.display())));
    misskey_codegen::Features::from_manifest(&text, |name| {
        let var = format!("CARGO_FEATURE_{}", name.to_uppercase().replace('-', "_"));
        env::var_os(var).is_some()
    })
}

/// What the generator assumed about an odd spec, as cargo warnings: the first few, then
/// where to see them all.
fn warn(spec: &str, warnings: &[misskey_codegen::Warning]) {
    const SHOWN: usize = 10;
    for warning in warnings.iter().take(SHOWN) {
        println!("cargo:warning=spec {spec}: {warning}");
    }
    if warnings.len() > SHOWN {
        println!(
            "cargo:warning={} more; all {} are listed by `misskey-codegen summary {spec}`",
            warnings.len() - SHOWN,
            warnings.len(),
        );
    }
}

/// The spec of a docs.rs build: a handful of endpoints and models written by hand to show
/// what the generator makes of each, labelled as an illustration (it is no server's).
const DOCS_RS_SPEC: &str = include_str!("spec/illustration/api.json");

/// What the `models` and `endpoints` pages of a docs.rs build say first.
const ILLUSTRATION_NOTICE: &str = "**This is the docs.rs build, an illustration.** docs.rs \
    has no Misskey server, so these pages are generated from a small spec written for the \
    purpose ([`spec/illustration/api.json`](https://github.com/OWNER/misskey-client/blob/HEAD/spec/illustration/api.json)): \
    a handful of endpoints and models, to show what each kind becomes. A real build is \
    generated from your server's spec and has every endpoint and model it declares (about \
    400 endpoints on a current Misskey); `cargo doc -p misskey-client --open` in your crate \
    shows them. How to build against your server's spec: \
    [Use it in your crate](https://github.com/OWNER/misskey-client#use-it-in-your-crate); \
    what a bot does with it: [the examples](https://github.com/OWNER/misskey-client/tree/HEAD/examples).";

/// The generated code with [`ILLUSTRATION_NOTICE`] first in the docs of the `models` and
/// `endpoints` modules. Fails the build if either is not where it is looked for, so that a
/// change of the generator's layout cannot drop the notice unnoticed.
fn with_illustration_notice(code: &str) -> String {
    let mut out = code.to_owned();
    for module in ["models", "endpoints"] {
        let Some(at) = out.find(&format!("\npub mod {module} {{")) else {
            fail(&format!(
                "docs.rs build: no `pub mod {module}` in the generated code"
            ));
        };
        // Before the module's own doc comment, so that the notice is its first paragraph.
        let mut start = at + 1;
        while let Some(line) = out[..start - 1].rfind('\n').map(|i| i + 1) {
            if !out[line..start].starts_with("///") {
                break;
            }
            start = line;
        }
        out.insert_str(
            start,
            &format!("#[doc = {ILLUSTRATION_NOTICE:?}]\n#[doc = \"\"]\n"),
        );
    }
    out
}

/// Why there is no spec, and the fix for that case.
fn missing_spec(given: Option<&Path>, resolved: &Path, manifest_dir: &Path) -> String {
    const ENV: &str = "[env] MISSKEY_SPEC = { value = \"spec/api.json\", relative = true }";
    match given {
        Some(path) if path.is_relative() => format!(
            "no Misskey OpenAPI spec at {}: a relative MISSKEY_SPEC is read from \
             misskey-client's directory ({}), not your crate's. In your crate's \
             .cargo/config.toml, write: {ENV}",
            path.display(),
            manifest_dir.display()
        ),
        Some(_) => format!(
            "no Misskey OpenAPI spec at {} (MISSKEY_SPEC). Save your server's spec there: \
             curl -o {} https://YOUR.SERVER/api.json",
            resolved.display(),
            resolved.display()
        ),
        None => format!(
            "no Misskey OpenAPI spec at {}: MISSKEY_SPEC is not set. Save your server's spec \
             in your crate (curl -o spec/api.json https://YOUR.SERVER/api.json) and, in its \
             .cargo/config.toml, write: {ENV}",
            resolved.display()
        ),
    }
}

/// Fails the build with one message, as cargo shows it: `error: misskey-client@…: …`.
fn fail(message: &str) -> ! {
    for line in message.lines() {
        println!("cargo::error={line}");
    }
    process::exit(0);
}
