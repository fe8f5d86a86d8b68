//! Several specs merged into one build (issue 23): the rules on small specs written here,
//! a single spec unchanged, and every public name of each shared spec kept in the merge of
//! them all.

use std::path::{Path, PathBuf};

use misskey_codegen::ir::{Api, TypeKind};
use misskey_codegen::surface::Surface;
use misskey_codegen::{analyze_merged, generate_file, generate_files, Features, Options};
use serde_json::{json, Value};

fn options() -> Options {
    Options {
        features: Features::all(),
        derive_all: false,
    }
}

/// A spec of `version` with component `schemas` and `endpoints` (name, request properties
/// with their required list, response schema).
fn spec(version: &str, schemas: Value, endpoints: &[(&str, Value, Value)]) -> (String, String) {
    let mut paths = serde_json::Map::new();
    for (name, request, response) in endpoints {
        paths.insert(
            format!("/{name}"),
            json!({"post": {
                "operationId": name,
                "requestBody": {"content": {"application/json": {"schema": request}}},
                "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": response}}}},
            }}),
        );
    }
    let text = json!({
        "openapi": "3.1.0",
        "info": {"title": "Misskey API", "version": version},
        "paths": paths,
        "components": {"schemas": schemas},
    })
    .to_string();
    (format!("{version}.json"), text)
}

fn merged(specs: &[(String, String)]) -> Api {
    analyze_merged(specs, &options()).unwrap_or_else(|e| panic!("{e}"))
}

/// The fields of model `name`: (json, required, nullable).
fn fields(api: &Api, name: &str) -> Vec<(String, bool, bool)> {
    let def = api
        .types
        .iter()
        .find(|d| d.module == ["models"] && d.name == name)
        .unwrap_or_else(|| panic!("no model {name}"));
    match &def.kind {
        TypeKind::Struct(fields) => fields
            .iter()
            .map(|f| (f.json.clone(), f.required, f.nullable))
            .collect(),
        other => panic!("{name} is {other:?}"),
    }
}

fn note(properties: Value, required: &[&str]) -> Value {
    json!({"Note": {"type": "object", "properties": properties, "required": required}})
}

#[test]
fn a_field_is_required_only_where_every_spec_requires_it_and_nullable_where_any_says_so() {
    let old = spec(
        "2024.1.0",
        note(
            json!({"id": {"type": "string"}, "text": {"type": "string"}, "cw": {"type": "string"}}),
            &["id", "text", "cw"],
        ),
        &[],
    );
    let new = spec(
        "2025.1.0",
        note(
            json!({"id": {"type": "string"}, "text": {"type": ["string", "null"]},
                   "reactionCount": {"type": "integer"}}),
            &["id", "text", "reactionCount"],
        ),
        &[],
    );
    let api = merged(&[old, new]);
    let fields = fields(&api, "Note");
    let field = |name: &str| fields.iter().find(|f| f.0 == name).cloned().unwrap();
    assert_eq!(field("id"), ("id".into(), true, false));
    // Required in both, nullable in one: present, may be null.
    assert_eq!(field("text"), ("text".into(), true, true));
    // Each in one spec only: optional.
    assert_eq!(field("cw"), ("cw".into(), false, false));
    assert_eq!(
        field("reactionCount"),
        ("reactionCount".into(), false, false)
    );
    assert_eq!(api.specs, ["Misskey 2024.1.0", "Misskey 2025.1.0"]);
    assert_eq!(
        api.availability["/components/schemas/Note/properties/cw"],
        ["Misskey 2024.1.0"]
    );
}

#[test]
fn enum_values_union_branches_and_endpoints_are_united_and_parameters_turn_required_only_everywhere(
) {
    let visibility = |values: Value| json!({"Visibility": {"type": "string", "enum": values}});
    let union = |branches: Value| json!({"Notification": {"type": "object", "oneOf": branches}});
    let branch = |tag: &str| {
        json!({"type": "object", "properties": {"type": {"type": "string", "enum": [tag]},
               "id": {"type": "string"}}, "required": ["type", "id"]})
    };
    let request = |required: &[&str]| {
        json!({"type": "object", "properties": {"text": {"type": "string"}, "poll": {"type": "object"}},
               "required": required})
    };
    let mut a_schemas = visibility(json!(["public", "home"]));
    a_schemas.as_object_mut().unwrap().extend(
        union(json!([branch("follow")]))
            .as_object()
            .unwrap()
            .clone(),
    );
    let mut b_schemas = visibility(json!(["public", "home", "followers"]));
    b_schemas.as_object_mut().unwrap().extend(
        union(json!([branch("follow"), branch("reaction")]))
            .as_object()
            .unwrap()
            .clone(),
    );
    let a = spec(
        "1.0.0",
        a_schemas,
        &[(
            "notes/create",
            request(&["text"]),
            json!({"type": "object"}),
        )],
    );
    let b = spec(
        "2.0.0",
        b_schemas,
        &[
            (
                "notes/create",
                request(&["text", "poll"]),
                json!({"type": "object"}),
            ),
            ("notes/edit", request(&[]), json!({"type": "object"})),
        ],
    );
    let api = merged(&[a, b]);
    let visibility = api.types.iter().find(|d| d.name == "Visibility").unwrap();
    match &visibility.kind {
        TypeKind::StringEnum(values) => {
            let values: Vec<&str> = values.iter().map(|(_, v)| v.as_str()).collect();
            assert_eq!(values, ["public", "home", "followers"]);
        }
        other => panic!("{other:?}"),
    }
    let notification = api.types.iter().find(|d| d.name == "Notification").unwrap();
    match &notification.kind {
        TypeKind::Tagged(variants) => {
            let tags: Vec<&str> = variants.iter().map(|v| v.values[0].as_str()).collect();
            assert_eq!(tags, ["follow", "reaction"]);
        }
        other => panic!("{other:?}"),
    }
    let names: Vec<&str> = api.endpoints.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["notes/create", "notes/edit"]);
    let create = &api.endpoints[0];
    let request: Vec<(String, bool)> = api
        .fields(create.request)
        .iter()
        .map(|f| (f.json.clone(), f.required))
        .collect();
    // `poll` is required by one version only: a bot must be able to leave it out.
    assert_eq!(request, [("text".into(), true), ("poll".into(), false)]);
    assert_eq!(
        api.availability["/paths/~1notes~1edit/post"],
        ["Misskey 2.0.0"]
    );
    assert!(!api.availability.contains_key("/paths/~1notes~1create/post"));
}

#[test]
fn a_place_typed_differently_reads_either_with_a_warning_naming_it_and_both_specs() {
    let a = spec(
        "1.0.0",
        note(
            json!({"myReaction": {"type": "object", "properties": {"name": {"type": "string"}}}}),
            &[],
        ),
        &[],
    );
    let b = spec(
        "2.0.0",
        note(json!({"myReaction": {"type": "string"}}), &[]),
        &[],
    );
    let api = merged(&[a, b]);
    let warning = api
        .warnings
        .iter()
        .find(|w| w.pointer == "/components/schemas/Note/properties/myReaction")
        .unwrap_or_else(|| panic!("{:?}", api.warnings));
    assert!(warning.message.contains("Misskey 1.0.0"), "{warning}");
    assert!(warning.message.contains("Misskey 2.0.0"), "{warning}");
    assert!(warning.message.contains("reads either"), "{warning}");
    // Whatever type it became, it is not the object of one spec or the string of the other.
    let code = misskey_codegen::render(&api).unwrap();
    assert!(!code.contains("pub my_reaction: Option<String>"), "{code}");
}

/// The doc comment on the line or lines just above the first line that starts with `field`.
fn field_doc(code: &str, field: &str) -> String {
    let lines: Vec<&str> = code.lines().map(str::trim).collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with(field))
        .unwrap_or_else(|| panic!("no {field}"));
    let mut doc: Vec<&str> = lines[..at]
        .iter()
        .rev()
        .take_while(|l| l.starts_with("///") || l.starts_with("#["))
        .copied()
        .collect();
    doc.reverse();
    doc.join("\n")
}

#[test]
fn merged_docs_say_where_an_endpoint_a_model_and_a_field_exist() {
    let a = spec(
        "1.0.0",
        note(
            json!({"id": {"type": "string"}, "cw": {"type": "string"},
                "reply": {"$ref": "#/components/schemas/Note"}}),
            &["id"],
        ),
        &[(
            "notes/show",
            json!({"type": "object"}),
            json!({"$ref": "#/components/schemas/Note"}),
        )],
    );
    let b = spec(
        "2.0.0",
        note(json!({"id": {"type": "string"}}), &["id"]),
        &[
            (
                "notes/show",
                json!({"type": "object"}),
                json!({"$ref": "#/components/schemas/Note"}),
            ),
            (
                "notes/edit",
                json!({"type": "object"}),
                json!({"type": "object"}),
            ),
        ],
    );
    let code = misskey_codegen::render(&merged(&[a, b])).unwrap();
    assert!(
        code.contains("Only on Misskey 2.0.0; not on Misskey 1.0.0."),
        "the endpoint"
    );
    // A field written as a bare reference has the note too.
    for field in ["pub cw:", "pub reply:"] {
        assert!(
            field_doc(&code, field).contains("Only on Misskey 1.0.0; not on Misskey 2.0.0."),
            "{field}: {code}"
        );
    }
    assert!(
        code.contains("pub const MERGED_SPECS: &[&str] = &[\"Misskey 1.0.0\", \"Misskey 2.0.0\"];")
    );
    assert!(
        code.contains("(\"notes/edit\", &[\"Misskey 2.0.0\"])"),
        "{code}"
    );
}

fn shared_specs() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/specs");
    let mut specs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("../shared/specs beside the repository")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    specs.sort();
    assert!(specs.len() >= 7, "{specs:?}");
    specs
}

#[test]
fn one_spec_alone_generates_exactly_what_it_did() {
    for spec in shared_specs().iter().take(2) {
        let alone = generate_file(spec, &options()).unwrap();
        let as_a_list = generate_files(std::slice::from_ref(spec), &options()).unwrap();
        assert!(alone.code == as_a_list.code, "{}", spec.display());
        assert!(!alone.code.contains("MERGED_SPECS"));
    }
}

/// Whether a name's place is, or is inside, a place the specs type differently: that place
/// itself, or the same property path in a schema that copies the component holding it
/// (`MeDetailed` has `MeDetailedOnly`'s fields, at its own pointers).
fn under_conflict(pointer: &str, conflicts: &[&str]) -> bool {
    conflicts.iter().any(|c| {
        if pointer.starts_with(c) {
            return true;
        }
        let within = c
            .strip_prefix("/components/schemas/")
            .and_then(|rest| rest.find('/').map(|i| &rest[i..]));
        within.is_some_and(|path| pointer.contains(&format!("{path}/")) || pointer.ends_with(path))
    })
}

/// `new` and setters of a type that is not a request's own (a model, an answer's type): it
/// has them only while its shape is the same as one a request sends (one type serves
/// both), which a merge can change elsewhere. A request's builder and its nested types
/// (`Builder`, `Request…`) keep theirs: the assertion holds for them.
fn made_for_a_request(name: &str) -> bool {
    let Some(path) = name
        .strip_prefix("setter ")
        .or(name.strip_prefix("constructor "))
    else {
        return false;
    };
    let owner = path.rsplit("::").nth(1).unwrap_or_default();
    owner != "Builder" && !owner.starts_with("Request")
}

#[test]
fn every_public_name_of_each_shared_spec_is_in_their_merge() {
    let specs = shared_specs();
    let texts: Vec<(String, String)> = specs
        .iter()
        .map(|p| (p.display().to_string(), std::fs::read_to_string(p).unwrap()))
        .collect();
    let api = merged(&texts);
    // Where the specs type a place differently, the merge reads either, and the names under
    // that place are the merge's (the warnings name each such place; `summary` lists them).
    let conflicts: Vec<&str> = api
        .warnings
        .iter()
        .filter(|w| w.message.contains("the merge reads"))
        .map(|w| w.pointer.as_str())
        .collect();
    assert!(!conflicts.is_empty());
    let in_merge: std::collections::HashSet<String> = Surface::of(&api)
        .names()
        .lines()
        .filter_map(|l| l.rsplit_once(' ').map(|(name, _)| name.to_owned()))
        .collect();
    let mut checked = 0;
    for (file, text) in &texts {
        let alone =
            Surface::of(&analyze_merged(&[(file.clone(), text.clone())], &options()).unwrap())
                .names();
        let missing: Vec<&str> = alone
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.rsplit_once(' '))
            .filter(|(name, pointer)| {
                !in_merge.contains(*name)
                    && !under_conflict(pointer, &conflicts)
                    && !made_for_a_request(name)
            })
            .map(|(name, _)| name)
            .collect();
        assert!(
            missing.is_empty(),
            "{file}: {} names not in the merge, e.g. {:?}",
            missing.len(),
            &missing[..missing.len().min(10)]
        );
        checked += alone.lines().count();
    }
    assert!(checked > 30_000, "{checked}");
}

#[test]
fn a_file_in_the_set_that_is_not_a_spec_fails_naming_the_file() {
    let good = spec(
        "1.0.0",
        note(json!({"id": {"type": "string"}}), &["id"]),
        &[],
    );
    let not_json = (
        "specs/notes.txt.json".to_owned(),
        "these are my notes".to_owned(),
    );
    let not_openapi = (
        "specs/package.json".to_owned(),
        json!({"name": "bot", "version": "1.0.0"}).to_string(),
    );
    for bad in [not_json, not_openapi] {
        let name = bad.0.clone();
        let err = analyze_merged(&[good.clone(), bad], &options())
            .unwrap_err()
            .to_string();
        assert!(err.starts_with(&format!("{name}: ")), "{err}");
    }
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("gone.json");
    let err = generate_files(std::slice::from_ref(&missing), &options())
        .unwrap_err()
        .to_string();
    assert!(err.contains(&missing.display().to_string()), "{err}");
}
