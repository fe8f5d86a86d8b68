//! Public names: what each shared spec generates is checked in (`tests/names/*.txt`), so a
//! rename shows up in review; and a name depends only on its own place in the spec.
//!
//! To accept a change to the manifests: `UPDATE_NAMES=1 cargo test -p misskey-codegen --test
//! names`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use misskey_codegen::surface::{Item, Kind, Surface};
use misskey_codegen::{analyze, Features, Options};
use serde_json::Value;

fn options() -> Options {
    Options {
        features: Features::all(),
        derive_all: false,
    }
}

fn shared_specs() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/specs");
    dir.is_dir().then_some(dir)
}

fn surface(text: &str) -> Surface {
    Surface::of(&analyze(text, &options()).unwrap_or_else(|e| panic!("{e}")))
}

#[test]
fn each_shared_specs_public_names_match_its_manifest() {
    let Some(specs) = shared_specs() else {
        eprintln!("no ../shared/specs beside the repository; nothing to compare");
        return;
    };
    let manifests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/names");
    let update = std::env::var_os("UPDATE_NAMES").is_some();
    let mut checked = 0;
    let mut failures = Vec::new();
    for entry in std::fs::read_dir(&specs).unwrap() {
        let spec = entry.unwrap().path();
        if spec.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let stem = spec.file_stem().unwrap().to_string_lossy().into_owned();
        let manifest = manifests.join(format!("{stem}.txt"));
        // A spec someone dropped in without a manifest is not this test's to judge; the
        // shared ones all have theirs (checked below).
        if !manifest.exists() && !update {
            continue;
        }
        let names = surface(&std::fs::read_to_string(&spec).unwrap()).names();
        if update {
            std::fs::write(&manifest, &names).unwrap();
            continue;
        }
        checked += 1;
        let expected = std::fs::read_to_string(&manifest).unwrap();
        if names != expected {
            failures.push(format!("{stem}:\n{}", line_diff(&expected, &names)));
        }
    }
    if !update {
        assert!(checked >= 7, "only {checked} shared specs have a manifest");
    }
    assert!(
        failures.is_empty(),
        "public names changed (UPDATE_NAMES=1 to accept):\n{}",
        failures.join("\n")
    );
}

/// The lines only one side has, at most 40 of them.
fn line_diff(expected: &str, actual: &str) -> String {
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let gone = e
        .iter()
        .filter(|l| !a.contains(l))
        .map(|l| format!("- {l}"));
    let new = a
        .iter()
        .filter(|l| !e.contains(l))
        .map(|l| format!("+ {l}"));
    gone.chain(new).take(40).collect::<Vec<_>>().join("\n")
}

/// The items of one endpoint: its module's types and their members, its setters, and its
/// `Client` method.
fn endpoint_items(surface: &Surface, module: &str, method: &str) -> BTreeMap<String, Item> {
    let prefix = format!("endpoints::{module}");
    surface
        .items
        .iter()
        .filter(|(path, item)| {
            item.owner == prefix
                || item.owner.starts_with(&format!("{prefix}::"))
                || path.as_str() == format!("Client::{method}")
        })
        .map(|(path, item)| (path.clone(), item.clone()))
        .collect()
}

#[test]
fn an_endpoints_names_do_not_depend_on_the_other_endpoints() {
    let Some(specs) = shared_specs() else {
        return;
    };
    for stem in ["misskeyio-2025.4.1-mhq.13", "tempura-2025.9.0"] {
        let text = std::fs::read_to_string(specs.join(format!("{stem}.json"))).unwrap();
        let full: Value = serde_json::from_str(&text).unwrap();
        let whole = surface(&text);
        // Endpoints whose inline shapes other endpoints repeat (poll, visibility, lang), with
        // unions, path-like names and many parameters.
        for (path, module, method) in [
            ("/notes/create", "notes::create", "notes_create"),
            ("/notes/search", "notes::search", "notes_search"),
            ("/i/update", "i::update", "i_update"),
            (
                "/admin/roles/create",
                "admin::roles::create",
                "admin_roles_create",
            ),
            ("/antennas/create", "antennas::create", "antennas_create"),
            (
                "/charts/user/notes",
                "charts::user::notes",
                "charts_user_notes",
            ),
            (
                "/notes/drafts/create",
                "notes::drafts::create",
                "notes_drafts_create",
            ),
        ] {
            let Some(item) = full["paths"].get(path) else {
                continue;
            };
            let mut alone = full.clone();
            alone["paths"] = serde_json::json!({ path: item });
            let alone = surface(&alone.to_string());
            let (in_whole, by_itself) = (
                endpoint_items(&whole, module, method),
                endpoint_items(&alone, module, method),
            );
            assert!(!by_itself.is_empty(), "{stem} {path}");
            let names =
                |items: &BTreeMap<String, Item>| -> Vec<String> { items.keys().cloned().collect() };
            assert_eq!(
                names(&by_itself),
                names(&in_whole),
                "{stem} {path}: names differ between the whole spec and the endpoint alone"
            );
            // The same signatures too: a field names the same types either way.
            for (p, item) in &by_itself {
                assert_eq!(item.signature, in_whole[p].signature, "{stem} {p}");
            }
        }
        // Models, their fields and variants are named from the components alone. (Whether
        // a model has `new` and setters depends on whether some request sends it.)
        let models = |s: &Surface| -> BTreeSet<String> {
            s.items
                .iter()
                .filter(|(p, i)| {
                    p.starts_with("models::")
                        && matches!(i.kind, Kind::Type | Kind::Field | Kind::Variant)
                })
                .map(|(p, i)| format!("{p}: {}", i.signature))
                .collect()
        };
        let mut none = full.clone();
        none["paths"] = serde_json::json!({});
        let (without, with) = (models(&surface(&none.to_string())), models(&whole));
        let differ: Vec<_> = without.symmetric_difference(&with).take(20).collect();
        assert!(differ.is_empty(), "{stem}: {differ:#?}");
    }
}

#[test]
fn an_inline_shape_another_endpoint_repeats_keeps_its_own_name() {
    // Two endpoints with the same inline `poll`: each names it after its own place; the
    // shape is defined once and the second names it through an alias.
    let poll = serde_json::json!({"type": "object", "properties": {
        "choices": {"type": "array", "items": {"type": "string"}},
        "multiple": {"type": "boolean"}}, "required": ["choices"]});
    let endpoint = |property: &str| {
        serde_json::json!({"post": {
            "requestBody": {"content": {"application/json": {"schema": {
                "type": "object", "properties": {property: poll}}}}},
            "responses": {"204": {"description": "none"}}}})
    };
    let spec = serde_json::json!({
        "openapi": "3.1.0", "info": {"title": "T", "version": "1"},
        "paths": {"/drafts/create": endpoint("pollDraft"), "/notes/create": endpoint("poll")},
    });
    let s = surface(&spec.to_string());
    let poll = &s.items["endpoints::notes::create::RequestPoll"];
    assert_eq!(poll.signature, "struct", "{poll:?}");
    assert!(s
        .items
        .contains_key("endpoints::notes::create::RequestPoll.choices"));
    assert!(s
        .items
        .contains_key("endpoints::notes::create::RequestPoll::new"));
    assert!(s
        .items
        .contains_key("endpoints::drafts::create::RequestPollDraft"));
    let code = misskey_codegen::generate(&spec.to_string(), &options()).unwrap();
    assert!(
        code.contains("pub type RequestPoll = crate::endpoints::drafts::create::RequestPollDraft;"),
        "{code}"
    );
    assert_eq!(code.matches("pub struct RequestPoll").count(), 1, "{code}");
}
