//! What the generator accepts compiles: odd constructs and odd names, each in a small spec,
//! and a bounded run of random mutations of a real spec, are generated and then compiled
//! as `misskey-client` itself (`cargo check`, warnings denied) in a target directory of
//! their own under `target/`.

use std::path::{Path, PathBuf};
use std::process::Command;

use misskey_codegen::{generate_with_warnings, Features, Options};

mod support;

use serde_json::{json, Map, Value};
use support::XorShift;

fn options() -> Options {
    Options {
        features: Features::all(),
        derive_all: false,
    }
}

fn post(request: Value, response: Option<Value>) -> Value {
    let responses = match response {
        Some(schema) => {
            json!({"200": {"description": "OK", "content": {"application/json": {"schema": schema}}}})
        }
        None => json!({"204": {"description": "OK"}}),
    };
    json!({"post": {
        "description": "**Credential required**: *Yes*",
        "requestBody": {"content": {"application/json": {"schema": request}}},
        "responses": responses,
    }})
}

fn object(properties: Value) -> Value {
    json!({"type": "object", "properties": properties})
}

/// One spec with every odd construct and name that once crashed the generator or made it
/// emit code that did not compile.
fn odd_spec() -> Value {
    let mut paths = Map::new();
    let mut add = |path: &str, item: Value| {
        paths.insert(path.to_owned(), item);
    };
    add(
        "/self/union",
        post(
            object(json!({})),
            Some(json!({"$ref": "#/components/schemas/SelfUnion"})),
        ),
    );
    add(
        "/self/ref",
        json!({"post": {
            "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/SelfRef"}}}},
            "responses": {"204": {"description": "OK"}},
        }}),
    );
    add(
        "/odd/names",
        post(
            object(json!({
                "x²": {"type": "string"},
                "١abc": {"type": "integer"},
                "unit": {"type": "string", "enum": ["m²", "m", "²"]},
                "send": {"type": "string"},
                "send_param": {"type": "string"},
                "paginate": {"type": "boolean"},
                "into_future": {"type": "boolean"},
                "type": {"type": ["string", "null"]},
                "self": {"type": "string"},
            })),
            Some(json!({"$ref": "#/components/schemas/Tagged"})),
        ),
    );
    add(
        "/odd/errors",
        json!({"post": {
            "requestBody": {"content": {"application/json": {"schema": object(json!({}))}}},
            "responses": {
                "204": {"description": "OK"},
                "400": {"description": "Client error", "content": {"application/json": {"examples": {
                    "E²": {"value": {"error": {"code": "E²", "message": "squared", "id": "x"}}},
                    "E2": {"value": {"error": {"code": "E2", "message": "plain", "id": "y"}}},
                }}}},
            },
        }}),
    );
    add(
        "/aliases",
        post(
            object(json!({
                "list": {"$ref": "#/components/schemas/ListOfItself"},
                "ping": {"$ref": "#/components/schemas/PingPong"},
                "map": {"$ref": "#/components/schemas/MapOfItself"},
            })),
            Some(json!({"$ref": "#/components/schemas/note"})),
        ),
    );
    let mut deep = json!({"type": "string"});
    for _ in 0..60 {
        deep = json!({"type": "array", "items": deep});
    }
    add("/deep", post(object(json!({"deep": deep})), None));
    for method in [
        "send",
        "timeout",
        "token",
        "base_url",
        "with_token",
        "decode",
        "auth_mode",
        "http_client",
        "endpoint_url",
        "call",
        "paginate",
        "streaming",
    ] {
        add(&format!("/{method}"), post(object(json!({})), None));
    }
    add(
        "/paged",
        post(
            object(json!({
                "sinceId": {"type": "string", "format": "misskey:id"},
                "untilId": {"type": "string", "format": "misskey:id"},
                "limit": {"type": "integer"},
                "paginate": {"type": "string"},
            })),
            Some(json!({"type": "array", "items": {"$ref": "#/components/schemas/Note"}})),
        ),
    );
    add(
        "/params/{userId}/show",
        json!({
            "parameters": [{"name": "X-Trace", "in": "header", "schema": {"type": "string"}}],
            "post": {
                "parameters": [
                    {"name": "userId", "in": "path", "required": true, "schema": {"type": "string"}},
                    {"name": "lang", "in": "query", "required": true, "schema": {"type": "string"}},
                    {"name": "page", "in": "query", "schema": {"type": "integer"}},
                    {"$ref": "#/components/parameters/Trace"},
                    {"name": "session", "in": "cookie", "schema": {"type": "string"}},
                ],
                "requestBody": {"$ref": "#/components/requestBodies/Body"},
                "responses": {"200": {"$ref": "#/components/responses/NoteAnswer"}},
            },
        }),
    );
    add(
        "/get/only",
        json!({"get": {
            "parameters": [
                {"name": "q", "in": "query", "required": true, "schema": {"type": "string"}},
                {"name": "n", "in": "query", "schema": {"type": "integer"}},
            ],
            "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "any"}}}}},
        }}),
    );
    add(
        "/binary/json",
        post(
            object(json!({"data": {"type": "string", "format": "binary"}})),
            None,
        ),
    );
    add(
        "/odd/types",
        post(
            object(json!({
                "anything": {"type": "any"},
                "note": {"type": "Note"},
                "mixed": {"type": "string", "enum": ["a", 1, true]},
                "garbage": {"type": 5},
                "not_a_schema": "text",
            })),
            Some(json!({"type": "Strnig"})),
        ),
    );
    add("/no/operation", json!({"summary": "nothing to call"}));
    add(
        "/put/only",
        json!({"put": {"responses": {"204": {"description": "OK"}}}}),
    );
    add("/", post(object(json!({})), None));
    add("/émoji/ノート", post(object(json!({})), None));
    // Text that changes direction, which rustc denies raw in comments and literals.
    add(
        "/bidi\u{202e}",
        json!({"post": {
            "description": "Evil \u{202e} text \u{2066}x\u{2069}\n\n**Credential required**: *Yes*",
            "requestBody": {"content": {"application/json": {"schema": object(json!({
                "text\u{202e}": {"type": "string", "description": "left \u{202e} right \u{200f}"},
                "kind": {"type": "string", "enum": ["a\u{202e}b", "c\u{061c}d"]},
            }))}}},
            "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Bidi"}}}}},
        }}),
    );
    // Tuples longer than std implements `Debug` and `Clone` for.
    add(
        "/tuple",
        post(
            object(
                json!({"t": {"type": "array", "prefixItems": vec![json!({"type": "integer"}); 13]}}),
            ),
            Some(
                json!({"type": "array", "prefixItems": [{"type": "string"}, {"type": "integer"}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}]}),
            ),
        ),
    );
    // Endpoint modules named like the crates the generated code names.
    let crate_like = || {
        post(
            object(json!({
                "a": {"type": "string"},
                "n": {"type": "integer"},
                "m": {"type": "object", "additionalProperties": {"type": "string"}},
            })),
            Some(json!({"type": "object", "properties": {"v": {}}})),
        )
    };
    for path in [
        "/x",
        "/x/serde",
        "/x/std",
        "/x/serde_json",
        "/serde",
        "/std/thing",
    ] {
        add(path, crate_like());
    }
    // A nested request struct with an optional field `default`, so a setter `default`.
    add(
        "/default/field",
        post(
            object(json!({
                "poll": object(json!({"default": {"type": "string"}, "other": {"type": "integer"}})),
                "poll2": {"type": "object", "required": ["need"], "properties": {"default": {"type": "string"}, "need": {"type": "integer"}}},
            })),
            None,
        ),
    );

    json!({
        "openapi": "3.0.0",
        "info": {"title": "Odd API", "version": "odd"},
        "paths": paths,
        "components": {
            "securitySchemes": {"ApiKeyAuth": {"type": "apiKey", "in": "body", "name": "i"}},
            "parameters": {"Trace": {"name": "X-Other", "in": "header", "schema": {"type": "string"}}},
            "requestBodies": {"Body": {"content": {"application/json": {"schema": object(json!({"extra": {"type": "string"}}))}}}},
            "responses": {"NoteAnswer": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Note"}}}}},
            "schemas": {
                "SelfUnion": {"oneOf": [{"$ref": "#/components/schemas/SelfUnion"}, {"type": "string"}]},
                "SelfRef": {"$ref": "#/components/schemas/SelfRef"},
                "ListOfItself": {"type": "array", "items": {"$ref": "#/components/schemas/ListOfItself"}},
                "PingPong": {"$ref": "#/components/schemas/PongPing"},
                "PongPing": {"$ref": "#/components/schemas/PingPong"},
                "MapOfItself": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/MapOfItself"}},
                "note": {"type": "string"},
                "Note": object(json!({
                    "id": {"type": "string", "format": "misskey:id"},
                    "renote": {"type": "object", "nullable": true, "allOf": [{"$ref": "#/components/schemas/Note"}]},
                    "self": {"allOf": [{"$ref": "#/components/schemas/Note"}, {"description": "again"}]},
                })),
                "Tagged": {"oneOf": [
                    object(json!({"type": {"type": "string", "enum": ["²"]}, "a": {"type": "string"}})),
                    object(json!({"type": {"type": "string", "enum": ["b"]}, "b": {"type": "string"}})),
                ]},
                "Bidi": {"type": "object", "description": "model \u{202e}", "properties": {
                    "e": {"type": "string", "enum": ["x\u{202e}"], "description": "\u{2067}"},
                }},
                "Client": object(json!({})),
                "RequestBuilder": object(json!({})),
            },
        },
    })
}

/// Compiles the crate against each spec, one after another in one target directory.
fn check_compiles(specs: &[(String, String)]) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let target = root.join("target").join("accept");
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in specs {
        let path: PathBuf = dir.path().join(format!("{name}.json"));
        std::fs::write(&path, text).unwrap();
        let out = Command::new(env!("CARGO"))
            .args([
                "check",
                "--quiet",
                "--all-features",
                "--lib",
                "-p",
                "misskey-client",
            ])
            .current_dir(&root)
            .env("MISSKEY_SPEC", &path)
            .env("CARGO_TARGET_DIR", &target)
            .env("RUSTFLAGS", "-D warnings")
            .env_remove("MISSKEY_CODEGEN_DERIVE_ALL")
            .output()
            .expect("cargo runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success(),
            "{name}: the generated code does not compile:\n{stderr}"
        );
    }
}

#[test]
fn odd_constructs_and_names_generate_code_that_compiles() {
    let spec = odd_spec();
    let text = spec.to_string();
    let generated = generate_with_warnings(&text, &options()).unwrap_or_else(|e| panic!("{e}"));
    // Every path is an endpoint, however odd.
    let paths = spec["paths"].as_object().unwrap().len();
    assert_eq!(
        generated
            .code
            .matches("const NAME: &'static str = ")
            .count(),
        paths
    );
    let warned = |pointer: &str| {
        generated
            .warnings
            .iter()
            .any(|w| w.pointer.starts_with(pointer))
    };
    for pointer in [
        "/components/securitySchemes/ApiKeyAuth",
        "/components/schemas/SelfRef",
        "/components/schemas/PingPong",
        "/paths/~1odd~1types/post/requestBody/content/application~1json/schema/properties/anything/type",
        "/paths/~1odd~1types/post/requestBody/content/application~1json/schema/properties/note/type",
        "/paths/~1odd~1types/post/requestBody/content/application~1json/schema/properties/mixed/enum",
        "/paths/~1binary~1json/post/requestBody/content/application~1json/schema/properties/data",
        "/paths/~1no~1operation",
        "/paths/~1put~1only",
        "/paths/~1deep/post/requestBody/content/application~1json/schema/properties/deep",
    ] {
        assert!(warned(pointer), "no warning at {pointer}: {:#?}", generated.warnings);
    }
    let no_components = json!({
        "openapi": "3.1.0",
        "info": {"title": "Bare", "version": "1"},
        "paths": {"/ping": post(object(json!({})), Some(json!({"type": "object"})))},
    });
    check_compiles(&[
        ("odd".to_owned(), text),
        ("no-components".to_owned(), no_components.to_string()),
    ]);
}

/// Every object node of a JSON document, as a path of keys and indices.
fn object_paths(value: &Value, path: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    match value {
        Value::Object(map) => {
            out.push(path.clone());
            for (key, child) in map {
                path.push(key.clone());
                object_paths(child, path, out);
                path.pop();
            }
        }
        Value::Array(list) => {
            for (i, child) in list.iter().enumerate() {
                path.push(i.to_string());
                object_paths(child, path, out);
                path.pop();
            }
        }
        _ => {}
    }
}

fn at<'v>(value: &'v mut Value, path: &[String]) -> &'v mut Value {
    path.iter().fold(value, |node, seg| match node {
        Value::Object(map) => map.get_mut(seg).unwrap(),
        Value::Array(list) => &mut list[seg.parse::<usize>().unwrap()],
        _ => unreachable!("paths lead through containers"),
    })
}

const ODD_NAMES: &[&str] = &[
    "x²", "١abc", "send", "paginate", "type", "", "self", "Note", "a-b",
];

/// One random change to one object node: the kinds of oddity real specs and forks have.
fn mutate(spec: &mut Value, rng: &mut XorShift, components: &[String]) {
    let mut nodes = Vec::new();
    object_paths(spec, &mut Vec::new(), &mut nodes);
    let path = nodes[rng.below(nodes.len())].clone();
    let component = || format!("#/components/schemas/{}", components[0]);
    let some_component = components[rng.below(components.len())].clone();
    let node = at(spec, &path);
    let Value::Object(map) = node else { return };
    match rng.below(12) {
        0 => {
            map.insert(
                "$ref".into(),
                json!(format!("#/components/schemas/{some_component}")),
            );
        }
        1 => {
            let types = [
                json!("any"),
                json!("strnig"),
                json!(some_component),
                json!(["string", "integer", "null"]),
                json!(5),
                json!("null"),
            ];
            map.insert("type".into(), types[rng.below(types.len())].clone());
        }
        2 => {
            if let Some(key) = map.keys().nth(rng.below(map.len())).cloned() {
                let value = map.shift_remove(&key).unwrap();
                map.insert(ODD_NAMES[rng.below(ODD_NAMES.len())].to_owned(), value);
            }
        }
        3 => {
            map.insert("enum".into(), json!(["a", 1, null, "m²"]));
        }
        4 => {
            let inner = Value::Object(std::mem::take(map));
            map.insert("oneOf".into(), json!([inner, {"$ref": component()}]));
        }
        5 => {
            if let Some(key) = map.keys().nth(rng.below(map.len())).cloned() {
                map.shift_remove(&key);
            }
        }
        6 => {
            let junk = [
                json!(1),
                json!("text"),
                json!([1, 2]),
                json!(null),
                json!(true),
            ];
            if let Some(key) = map.keys().nth(rng.below(map.len())).cloned() {
                map.insert(key, junk[rng.below(junk.len())].clone());
            }
        }
        7 => {
            let mut nested = Value::Object(std::mem::take(map));
            for _ in 0..rng.below(40) {
                nested = json!({"type": "array", "items": nested});
            }
            *node = nested;
        }
        8 => {
            map.insert("allOf".into(), json!([{"$ref": format!("#/components/schemas/{some_component}")}, {"nullable": true}]));
        }
        9 => {
            map.insert(
                "properties".into(),
                json!({"x²": {"$ref": component()}, "send": {"type": "string"}}),
            );
        }
        10 => {
            map.insert(
                "additionalProperties".into(),
                json!({"$ref": format!("#/components/schemas/{some_component}")}),
            );
        }
        _ => {
            map.insert("format".into(), json!("binary"));
        }
    }
}

/// A real spec cut to a few dozen paths (all its components), so that compiling it is fast.
fn small_real_spec() -> Option<Value> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/specs/misskeyio-2025.4.1-mhq.13.json");
    let text = std::fs::read_to_string(&path).ok()?;
    let mut spec: Value = serde_json::from_str(&text).unwrap();
    let paths = spec["paths"].as_object_mut().unwrap();
    let kept: Map<String, Value> = paths
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 12 == 0)
        .map(|(_, (k, v))| (k.clone(), v.clone()))
        .collect();
    *paths = kept;
    Some(spec)
}

#[test]
fn mutated_real_specs_generate_or_fail_clearly_and_what_generates_compiles() {
    let Some(base) = small_real_spec() else {
        eprintln!("no real spec beside the repository; skipping");
        return;
    };
    let components: Vec<String> = base["components"]["schemas"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    let mut rng = XorShift(0x5eed_cafe_f00d_0001);
    let mut to_compile = Vec::new();
    let (mut generated, mut refused) = (0, 0);
    for run in 0..150 {
        let mut spec = base.clone();
        for _ in 0..=rng.below(6) {
            mutate(&mut spec, &mut rng, &components);
        }
        let text = spec.to_string();
        // On a thread with a small stack: deep recursion fails here first.
        let result = std::thread::Builder::new()
            .stack_size(4 << 20)
            .spawn(move || generate_with_warnings(&text, &options()).map(|_| text))
            .unwrap()
            .join()
            .unwrap_or_else(|_| panic!("run {run}: the generator panicked"));
        match result {
            Ok(text) => {
                generated += 1;
                if run % 50 == 7 {
                    to_compile.push((format!("mutant-{run}"), text));
                }
            }
            Err(err) => {
                refused += 1;
                // Only a document that is not OpenAPI 3 is refused, and it says where.
                let message = err.to_string();
                assert!(message.contains(" at /"), "run {run}: {message}");
            }
        }
    }
    eprintln!(
        "{generated} mutants generated, {refused} refused, {} compiled",
        to_compile.len()
    );
    assert!(generated > 100, "{generated} of 150");
    check_compiles(&to_compile);
}
