//! Generates the endpoint bindings from the server's OpenAPI spec; the work is in
//! `misskey-codegen`, this only finds the inputs and writes the output.

use std::path::{Path, PathBuf};
use std::{env, fs, process};

fn main() {
    let manifest_dir = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    println!("cargo:rerun-if-env-changed=MISSKEY_SPEC");
    println!("cargo:rerun-if-env-changed=MISSKEY_CODEGEN_DERIVE_ALL");
    let spec = match env::var_os("MISSKEY_SPEC") {
        Some(path) => PathBuf::from(path),
        None => manifest_dir.join("spec").join("api.json"),
    };
    println!("cargo:rerun-if-changed={}", spec.display());
    if !spec.is_file() {
        fail(&format!(
            "no Misskey OpenAPI spec at {}.\n\
             Point MISSKEY_SPEC at one, or save your server's spec as spec/api.json:\n  \
             curl -o spec/api.json https://YOUR.SERVER/api.json\n  \
             (or: cargo run -p misskey-codegen -- fetch https://YOUR.SERVER -o spec/api.json)",
            spec.display()
        ));
    }

    let manifest = manifest_dir.join("Cargo.toml");
    // The feature list is read from it.
    println!("cargo:rerun-if-changed={}", manifest.display());
    let options = misskey_codegen::Options {
        features: features(&manifest),
        derive_all: env::var_os("MISSKEY_CODEGEN_DERIVE_ALL").is_some_and(|v| v == "1"),
    };
    let generated = misskey_codegen::generate_file(&spec, &options)
        .unwrap_or_else(|err| fail(&err.to_string()));
    warn(&spec, &generated.warnings);
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
fn warn(spec: &Path, warnings: &[misskey_codegen::Warning]) {
    const SHOWN: usize = 10;
    for warning in warnings.iter().take(SHOWN) {
        println!("cargo:warning=spec {}: {warning}", spec.display());
    }
    if warnings.len() > SHOWN {
        println!(
            "cargo:warning={} more; all {} are listed by `misskey-codegen summary {}`",
            warnings.len() - SHOWN,
            warnings.len(),
            spec.display()
        );
    }
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    process::exit(1);
}
