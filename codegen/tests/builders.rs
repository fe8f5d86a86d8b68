//! Each endpoint's `Builder`: a type of its own, whose shared methods come from the core's
//! `builder_methods!`, with `paginate` on the endpoints that page and on no other.

use misskey_codegen::{generate, Features, Options};

fn options() -> Options {
    Options {
        features: Features::all(),
        derive_all: false,
    }
}

/// The text of the endpoint module `name` (`timeline`) in generated code: from its `pub mod`
/// line to the next module's.
fn module<'a>(code: &'a str, name: &str) -> &'a str {
    let start = code
        .find(&format!("pub mod {name} {{"))
        .unwrap_or_else(|| panic!("no module {name}"));
    let rest = &code[start + 1..];
    let end = rest.find("pub mod ").map_or(rest.len(), |i| i + 1);
    &code[start..start + end]
}

fn builder_glue(module: &str) -> &str {
    let line = module
        .lines()
        .find(|l| l.contains("builder_methods!"))
        .expect("every endpoint module calls builder_methods!");
    line.trim()
}

/// The specs CI documents with the page checks that rely on this (`.ci/run`'s
/// `check_doc_pages`): `notes/timeline` pages, `notes/create` does not.
#[test]
fn only_endpoints_that_page_have_paginate() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut specs = vec![
        root.join("spec/illustration/api.json"),
        root.join("codegen/tests/fixtures/openapi30.json"),
    ];
    let shared = root.join("../shared/specs");
    if let Ok(entries) = std::fs::read_dir(&shared) {
        specs.extend(
            entries
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "json")),
        );
    }
    for path in specs {
        let text = std::fs::read_to_string(&path).unwrap();
        let code = generate(&text, &options()).unwrap_or_else(|e| panic!("{e}"));
        let timeline = module(&code, "timeline");
        let create = module(
            &code[code.find("pub mod notes {").expect("a notes group")..],
            "create",
        );
        assert_eq!(
            builder_glue(timeline),
            "crate::endpoint::builder_methods!(Builder, Request, Response, paginated);",
            "{}",
            path.display()
        );
        assert_eq!(
            builder_glue(create),
            "crate::endpoint::builder_methods!(Builder, Request, Response);",
            "{}",
            path.display()
        );
        // Its own type, not an alias of a shared generic one (whose page held every
        // endpoint's setters).
        assert!(create
            .contains("pub struct Builder(pub(crate) crate::endpoint::RequestBuilder<Request>);"));
        assert!(!code.contains("pub type Builder"));
    }
}
