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

/// A minimal 3.1 spec with the given paths, each a `post` with `request` and `response`.
fn spec(paths: &[(&str, serde_json::Value, serde_json::Value)]) -> String {
    let mut map = serde_json::Map::new();
    for (path, request, response) in paths {
        map.insert(
            (*path).to_owned(),
            serde_json::json!({"post": {
                "requestBody": {"content": {"application/json": {"schema": request}}},
                "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": response}}}},
            }}),
        );
    }
    serde_json::json!({
        "openapi": "3.1.0",
        "info": {"title": "Misskey API", "version": "test"},
        "paths": map,
    })
    .to_string()
}

/// rustdoc ranks an item named exactly as the query above any alias, so the methods people
/// look for under other names are also listed on the `Client` page, by what they do.
#[test]
fn the_client_page_lists_the_methods_people_look_for_by_other_names() {
    let object = serde_json::json!({"type": "object"});
    let code = generate(
        &spec(&[
            ("/notes/create", object.clone(), object.clone()),
            ("/notes/show", object.clone(), object.clone()),
        ]),
        &options(),
    )
    .unwrap();
    let block = &code[..code
        .find("impl crate::Client {")
        .expect("the methods' block")];
    assert!(
        block.contains(
            "/// - `post`, `toot`, `tweet`, `create_note`: [`notes_create`](Self::notes_create)"
        ),
        "{block}"
    );
    // Only the endpoints this spec has.
    assert!(!block.contains("drive_files_create"), "{block}");
}

/// An untagged union of one value and a list of the same reads as one or many, and says
/// which parameter asks for the list; any other union's accessors take its variants' names.
#[test]
fn untagged_unions_have_accessors_named_for_their_shape() {
    let user = serde_json::json!({"type": "object", "properties": {"id": {"type": "string"}}, "required": ["id"]});
    let code = generate(
        &spec(&[
            (
                "/users/show",
                serde_json::json!({"type": "object", "properties": {
                    "userId": {"type": "string"},
                    "userIds": {"type": "array", "items": {"type": "string"}},
                }}),
                serde_json::json!({"oneOf": [user.clone(), {"type": "array", "items": user}]}),
            ),
            (
                "/things/count",
                serde_json::json!({"type": "object"}),
                serde_json::json!({"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "integer"}}]}),
            ),
        ]),
        &options(),
    )
    .unwrap();
    let show = module(&code, "show");
    for needle in [
        "pub fn as_one(&self) -> Option<&ResponseObject>",
        "pub fn into_one(self) -> Option<ResponseObject>",
        "pub fn as_many(&self) -> Option<&[ResponseListItem]>",
        "pub fn into_many(self) -> Option<Vec<ResponseListItem>>",
        "/// One value: the answer to a request that does not set `userIds`.",
        "/// A list of them: the answer to a request that sets `userIds`.",
    ] {
        assert!(show.contains(needle), "{needle} not in {show}");
    }
    let count = module(&code, "count");
    assert!(!count.contains("fn as_one"), "{count}");
    assert!(
        count.contains("pub fn as_list(&self) -> Option<&[i64]>"),
        "{count}"
    );
    assert!(
        count.contains("pub fn into_text(self) -> Option<String>"),
        "{count}"
    );
}
