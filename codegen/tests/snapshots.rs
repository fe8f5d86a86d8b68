//! Snapshots of the generated code for the construct fixtures in `tests/constructs/`, so
//! that every change to the output shows in review. After an intended change, rewrite them
//! with `UPDATE_SNAPSHOTS=1 cargo test -p misskey-codegen --test snapshots` and read the diff.

use std::path::Path;

use misskey_codegen::{generate_with_warnings, Features, Options};

#[test]
fn generated_code_matches_the_snapshots() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1");
    let options = Options {
        features: Features::all(),
        derive_all: false,
    };
    let mut fixtures: Vec<_> = std::fs::read_dir(root.join("constructs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    fixtures.sort();
    assert!(fixtures.len() >= 5, "{fixtures:?}");
    let mut stale = Vec::new();
    for fixture in fixtures {
        let name = fixture.file_stem().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&fixture).unwrap();
        let generated =
            generate_with_warnings(&text, &options).unwrap_or_else(|e| panic!("{name}: {e}"));
        // The warnings are part of what is generated: a reviewer sees them change too.
        let mut snapshot = String::new();
        for warning in &generated.warnings {
            snapshot.push_str(&format!("// warning: {warning}\n"));
        }
        snapshot.push_str(&generated.code);
        let path = root.join("snapshots").join(format!("{name}.rs"));
        if update {
            std::fs::write(&path, &snapshot).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(snapshot.as_str()) {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "generated code differs from the snapshots for {stale:?}; if intended, run \
         UPDATE_SNAPSHOTS=1 cargo test -p misskey-codegen --test snapshots and review the diff"
    );
}
