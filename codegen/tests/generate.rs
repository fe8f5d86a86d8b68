//! The generator on small specs written here, one construct each, and on the real specs.

use misskey_codegen::ir::{Api, Ty, TypeKind};
use misskey_codegen::{analyze, generate, Error, Features, Options};
use serde_json::{json, Value};

fn options() -> Options {
    Options {
        features: Features::all(),
        derive_all: false,
    }
}

/// A 3.1 spec with the given component schemas and one endpoint per `(path, request, response)`.
fn spec(schemas: Value, endpoints: &[(&str, Value, Option<Value>)]) -> String {
    let mut paths = serde_json::Map::new();
    for (path, request, response) in endpoints {
        let responses = match response {
            Some(schema) => {
                json!({"200": {"description": "OK", "content": {"application/json": {"schema": schema}}}})
            }
            None => json!({"204": {"description": "OK (without any results)"}}),
        };
        paths.insert(
            (*path).to_owned(),
            json!({"post": {
                "operationId": format!("post___{}", path.trim_start_matches('/')),
                "summary": path.trim_start_matches('/'),
                "description": "Does a thing.\n\n**Credential required**: *Yes* / **Permission**: *write:notes*",
                "security": [{"bearerAuth": []}],
                "requestBody": {"required": true, "content": {"application/json": {"schema": request}}},
                "responses": responses,
            }}),
        );
    }
    json!({
        "openapi": "3.1.0",
        "info": {"title": "Misskey API", "version": "test"},
        "paths": paths,
        "components": {"schemas": schemas, "securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer"}}},
    })
    .to_string()
}

fn api(text: &str) -> Api {
    analyze(text, &options()).unwrap_or_else(|e| panic!("{e}"))
}

fn code(text: &str) -> String {
    generate(text, &options()).unwrap_or_else(|e| panic!("{e}"))
}

fn named<'a>(api: &'a Api, module: &str, name: &str) -> &'a TypeKind {
    let module: Vec<String> = module.split("::").map(str::to_owned).collect();
    &api.types
        .iter()
        .find(|t| t.module == module && t.name == name)
        .unwrap_or_else(|| panic!("no {name}"))
        .kind
}

fn fields(kind: &TypeKind) -> Vec<(String, String, bool, bool)> {
    match kind {
        TypeKind::Struct(fields) => fields
            .iter()
            .map(|f| (f.json.clone(), f.ident.clone(), f.required, f.nullable))
            .collect(),
        other => panic!("not a struct: {other:?}"),
    }
}

fn empty_object() -> Value {
    json!({"type": "object", "properties": {}})
}

#[test]
fn fields_keep_spec_order_names_and_presence() {
    let text = spec(
        json!({"Thing": {"type": "object", "properties": {
            "zeta": {"type": "string"},
            "type": {"type": ["string", "null"]},
            "2fa": {"type": "boolean"},
            "user-name": {"type": "integer"},
            "match": {"type": "number"},
        }, "required": ["zeta", "type"]}}),
        &[(
            "/things/show",
            empty_object(),
            Some(json!({"$ref": "#/components/schemas/Thing"})),
        )],
    );
    let api = api(&text);
    assert_eq!(
        fields(named(&api, "models", "Thing")),
        vec![
            ("zeta".into(), "zeta".into(), true, false),
            ("type".into(), "r#type".into(), true, true),
            ("2fa".into(), "_2fa".into(), false, false),
            ("user-name".into(), "user_name".into(), false, false),
            ("match".into(), "r#match".into(), false, false),
        ]
    );
    let code = code(&text);
    assert!(code.contains("pub r#type: Option<String>"), "{code}");
    // Read under the JSON name, into the Rust one; absent is `None`.
    assert!(
        code.contains("\"2fa\" => crate::__private::field(&mut map, &mut _2fa, \"2fa\"),"),
        "{code}"
    );
    assert!(code.contains("pub _2fa: Option<bool>"), "{code}");
    assert!(code.contains("_2fa: _2fa.flatten()"), "{code}");
    assert!(
        code.contains("crate::__private::field(&mut map, &mut user_name, \"user-name\")"),
        "{code}"
    );
    assert!(
        code.contains("zeta: crate::__private::required(zeta, \"zeta\", Self::EXPECTING)?"),
        "{code}"
    );
}

#[test]
fn openapi_3_0_nullable_reads_like_3_1_type_arrays() {
    let mut v30: Value = serde_json::from_str(&spec(
        json!({"Thing": {"type": "object", "properties": {"a": {"type": "string", "nullable": true}}, "required": ["a"]}}),
        &[("/things/show", empty_object(), Some(json!({"$ref": "#/components/schemas/Thing"})))],
    ))
    .unwrap();
    v30["openapi"] = json!("3.0.0");
    let v31 = spec(
        json!({"Thing": {"type": "object", "properties": {"a": {"type": ["string", "null"]}}, "required": ["a"]}}),
        &[(
            "/things/show",
            empty_object(),
            Some(json!({"$ref": "#/components/schemas/Thing"})),
        )],
    );
    let from_30 = code(&v30.to_string());
    assert_eq!(from_30, code(&v31));
    assert!(from_30.contains("pub a: Option<String>"), "{from_30}");
}

#[test]
fn all_of_is_merged_into_one_struct() {
    let text = spec(
        json!({
            "Lite": {"type": "object", "properties": {"id": {"type": "string", "format": "misskey:id"}}, "required": ["id"]},
            "Detailed": {"type": "object", "allOf": [
                {"type": "object", "$ref": "#/components/schemas/Lite"},
                {"type": "object", "properties": {"bio": {"type": ["string", "null"]}}, "required": ["bio"]},
            ]},
        }),
        &[(
            "/users/show",
            empty_object(),
            Some(json!({"$ref": "#/components/schemas/Detailed"})),
        )],
    );
    let api = api(&text);
    assert_eq!(
        fields(named(&api, "models", "Detailed")),
        vec![
            ("id".into(), "id".into(), true, false),
            ("bio".into(), "bio".into(), true, true)
        ]
    );
    let code = code(&text);
    assert!(
        !code.contains("serde(flatten)"),
        "allOf must not become serde(flatten)"
    );
    assert!(code.contains("pub id: crate::types::Id"), "{code}");
}

#[test]
fn overlapping_one_of_objects_merge_and_keep_every_field() {
    // The own user matches both branches; a merged struct keeps what either carries.
    let text = spec(
        json!({
            "NotMe": {"type": "object", "properties": {"id": {"type": "string"}, "isFollowing": {"type": "boolean"}}, "required": ["id", "isFollowing"]},
            "Me": {"type": "object", "properties": {"id": {"type": "string"}, "isFollowing": {"type": "boolean"}, "email": {"type": ["string", "null"]}}, "required": ["id", "isFollowing", "email"]},
            "UserDetailed": {"oneOf": [{"$ref": "#/components/schemas/NotMe"}, {"$ref": "#/components/schemas/Me"}]},
        }),
        &[(
            "/users/show",
            empty_object(),
            Some(json!({"$ref": "#/components/schemas/UserDetailed"})),
        )],
    );
    let api = api(&text);
    assert_eq!(
        fields(named(&api, "models", "UserDetailed")),
        vec![
            ("id".into(), "id".into(), true, false),
            ("isFollowing".into(), "is_following".into(), true, false),
            // Only one branch has it, so it is optional in the merge.
            ("email".into(), "email".into(), false, true),
        ]
    );
}

#[test]
fn one_of_with_type_tags_becomes_a_tagged_enum_with_fallback() {
    let text = spec(
        json!({"Notification": {"type": "object", "oneOf": [
            {"type": "object", "properties": {"id": {"type": "string"}, "type": {"type": "string", "enum": ["follow"]}, "userId": {"type": "string"}}, "required": ["id", "type", "userId"]},
            {"type": "object", "properties": {"id": {"type": "string"}, "type": {"type": "string", "enum": ["app"]}, "body": {"type": "string"}}, "required": ["id", "type", "body"]},
        ]}}),
        &[(
            "/i/notifications",
            json!({"type": "object", "properties": {
            "limit": {"type": "integer"}, "sinceId": {"type": "string", "format": "misskey:id"}, "untilId": {"type": "string", "format": "misskey:id"}}}),
            Some(json!({"type": "array", "items": {"$ref": "#/components/schemas/Notification"}})),
        )],
    );
    let api = api(&text);
    match named(&api, "models", "Notification") {
        TypeKind::Tagged(variants) => {
            let tags: Vec<(String, Vec<String>)> = variants
                .iter()
                .map(|v| (v.ident.clone(), v.values.clone()))
                .collect();
            assert_eq!(
                tags,
                vec![
                    ("Follow".into(), vec!["follow".into()]),
                    ("App".into(), vec!["app".into()])
                ]
            );
        }
        other => panic!("not tagged: {other:?}"),
    }
    // The one-value tag is implied by the variant and not repeated in its struct.
    assert_eq!(fields(named(&api, "models", "NotificationFollow")).len(), 2);
    let code = code(&text);
    assert!(code.contains("Unknown(::serde_json::Value)"), "{code}");
    assert!(code.contains("Some(\"follow\") =>"), "{code}");
    // Pageable: sinceId/untilId/limit and items with an id.
    assert!(api.endpoints[0].pagination.is_some());
    assert!(
        code.contains("impl crate::pagination::Paginated for Request"),
        "{code}"
    );
}

#[test]
fn string_enums_keep_unknown_values() {
    let text = spec(
        json!({}),
        &[(
            "/notes/create",
            json!({"type": "object", "properties": {"visibility": {"type": "string", "enum": ["public", "home", "1hour"]}}}),
            None,
        )],
    );
    let api = api(&text);
    match named(&api, "endpoints::notes::create", "RequestVisibility") {
        TypeKind::StringEnum(variants) => assert_eq!(
            variants,
            &vec![
                ("Public".into(), "public".into()),
                ("Home".into(), "home".into()),
                ("V1hour".into(), "1hour".into())
            ]
        ),
        other => panic!("{other:?}"),
    }
    let code = code(&text);
    assert!(code.contains("Other(String)"), "{code}");
    assert!(
        code.contains("other => Self::Other(other.to_owned())"),
        "{code}"
    );
}

#[test]
fn optional_and_nullable_request_fields_have_three_states() {
    let text = spec(
        json!({}),
        &[(
            "/i/update",
            json!({"type": "object", "properties": {
            "description": {"type": ["string", "null"]},
            "name": {"type": "string"},
            "birthday": {"type": ["string", "null"]},
        }, "required": ["birthday"]}),
            None,
        )],
    );
    let code = code(&text);
    assert!(
        code.contains("pub description: Option<Option<String>>"),
        "{code}"
    );
    assert!(code.contains("pub name: Option<String>"), "{code}");
    // Required but nullable: set by name like the others (`None` until then), then sent
    // as `null` or a value; `Request::new` takes it as an `Option`.
    assert!(
        code.contains("pub birthday: Option<Option<String>>"),
        "{code}"
    );
    assert!(
        code.contains("pub fn new(birthday: Option<impl Into<String>>) -> Self"),
        "{code}"
    );
    assert!(
        code.contains("(\"birthday\", self.birthday.is_some())"),
        "{code}"
    );
    assert!(
        code.contains("pub fn description_null(mut self) -> Self"),
        "{code}"
    );
    // 204 endpoint answers nothing.
    assert!(code.contains("pub type Response = ();"), "{code}");
}

#[test]
fn maps_tuples_and_untyped_values() {
    let text = spec(
        json!({"Stats": {"type": "object", "properties": {
            "reactions": {"type": "object", "additionalProperties": {"anyOf": [{"type": "number"}]}},
            "pair": {"type": "array", "prefixItems": [{"type": "integer"}, {"type": "string"}]},
            "anything": {},
            "policyValue": {"oneOf": [{"type": "integer"}, {"type": "boolean"}]},
            "words": {"type": "array", "items": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}},
        }, "required": ["reactions", "pair", "anything", "policyValue", "words"]}}),
        &[(
            "/stats",
            empty_object(),
            Some(json!({"$ref": "#/components/schemas/Stats"})),
        )],
    );
    let api = api(&text);
    let TypeKind::Struct(fields) = named(&api, "models", "Stats") else {
        panic!()
    };
    assert_eq!(fields[0].ty, Ty::Map(Box::new(Ty::Number)));
    assert_eq!(fields[1].ty, Ty::Tuple(vec![Ty::Integer, Ty::String]));
    assert_eq!(fields[2].ty, Ty::Value);
    // Scalars of several kinds stay JSON: servers send values outside both branches.
    assert_eq!(fields[3].ty, Ty::Value);
    let code = code(&text);
    assert!(
        code.contains("::std::collections::HashMap<String, f64>"),
        "{code}"
    );
    assert!(code.contains("pub pair: (i64, String)"), "{code}");
    assert!(code.contains("#[serde(untagged)]"), "{code}");
}

#[test]
fn recursive_schemas_are_boxed() {
    let text = spec(
        json!({"Note": {"type": "object", "properties": {
            "id": {"type": "string"},
            "renote": {"type": ["object", "null"], "anyOf": [{"$ref": "#/components/schemas/Note"}, {"type": "null"}]},
            "replies": {"type": "array", "items": {"$ref": "#/components/schemas/Note"}},
        }, "required": ["id"]}}),
        &[(
            "/notes/show",
            empty_object(),
            Some(json!({"$ref": "#/components/schemas/Note"})),
        )],
    );
    let code = code(&text);
    assert!(code.contains("pub renote: Option<Box<Note>>"), "{code}");
    // A Vec is already indirect.
    assert!(code.contains("pub replies: Option<Vec<Note>>"), "{code}");
}

#[test]
fn identical_inline_shapes_are_generated_once() {
    let shape = json!({"type": "object", "properties": {"x": {"type": "integer"}, "y": {"type": "integer"}}, "required": ["x", "y"]});
    let text = spec(
        json!({}),
        &[
            (
                "/a/one",
                empty_object(),
                Some(
                    json!({"type": "object", "properties": {"point": shape}, "required": ["point"]}),
                ),
            ),
            (
                "/a/two",
                empty_object(),
                Some(
                    json!({"type": "object", "properties": {"where": shape}, "required": ["where"]}),
                ),
            ),
        ],
    );
    let api = api(&text);
    let points: Vec<_> = api
        .types
        .iter()
        .filter(|t| matches!(&t.kind, TypeKind::Struct(f) if f.len() == 2 && f[0].json == "x"))
        .collect();
    assert_eq!(points.len(), 1, "one struct for the shared shape");
}

#[test]
fn endpoint_metadata_comes_from_the_spec() {
    let mut value: Value = serde_json::from_str(&spec(
        json!({}),
        &[(
            "/notes/show",
            empty_object(),
            Some(json!({"type": "object"})),
        )],
    ))
    .unwrap();
    value["paths"]["/notes/show"]["post"]["responses"]["400"] = json!({
        "description": "Client error",
        "content": {"application/json": {"schema": {"type": "object"}, "examples": {
            "NO_SUCH_NOTE": {"value": {"error": {"message": "No such note.", "code": "NO_SUCH_NOTE", "id": "24fcbfc6"}}},
        }}},
    });
    let api = api(&value.to_string());
    let e = &api.endpoints[0];
    assert_eq!(e.name, "notes/show");
    assert_eq!(e.method, "notes_show");
    assert_eq!(e.permission.as_deref(), Some("write:notes"));
    assert!(e.requires_credential);
    assert_eq!(e.error_codes.len(), 1);
    assert_eq!(
        (
            e.error_codes[0].code.as_str(),
            e.error_codes[0].ident.as_str()
        ),
        ("NO_SUCH_NOTE", "NoSuchNote")
    );
    assert_eq!(e.error_codes[0].status, Some(400));
}

#[test]
fn disabled_feature_groups_are_left_out_and_counted() {
    let text = spec(
        json!({}),
        &[
            ("/admin/meta", empty_object(), None),
            ("/notes/show", empty_object(), None),
            ("/ping", empty_object(), None),
        ],
    );
    let features = Features {
        declared: vec![("admin".into(), false), ("notes".into(), true)],
    };
    let api = analyze(
        &text,
        &Options {
            features,
            derive_all: false,
        },
    )
    .unwrap();
    let names: Vec<&str> = api.endpoints.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["notes/show", "ping"]);
    assert_eq!((api.spec_paths, api.disabled_paths), (3, 1));
    assert_eq!(api.endpoints[0].feature.as_deref(), Some("notes"));
    assert_eq!(api.endpoints[1].feature, None);
}

#[test]
fn names_that_clash_after_case_conversion_get_distinct_rust_names() {
    let text = spec(
        json!({}),
        &[
            (
                "/a/get-all",
                json!({"type": "object", "properties": {"fooBar": {"type": "string"}, "foo_bar": {"type": "integer"}}}),
                None,
            ),
            ("/a/get_all", empty_object(), None),
        ],
    );
    let api = api(&text);
    let request = api.endpoints[0].request;
    let idents: Vec<String> = fields(&api.types[request].kind)
        .into_iter()
        .map(|f| f.1)
        .collect();
    assert_eq!(idents, ["foo_bar", "foo_bar2"]);
    assert_eq!(api.endpoints[0].module, ["a", "get_all"]);
    assert_eq!(api.endpoints[1].module, ["a", "get_all2"]);
    assert_ne!(api.endpoints[0].method, api.endpoints[1].method);
    code(&text);
}

/// The warnings of a spec that generates, as `pointer: message` lines.
fn warnings(text: &str) -> Vec<String> {
    misskey_codegen::generate_with_warnings(text, &options())
        .unwrap_or_else(|e| panic!("{e}"))
        .warnings
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// The one warning at `pointer`.
fn warning_at(text: &str, pointer: &str) -> String {
    let all = warnings(text);
    let at: Vec<&String> = all
        .iter()
        .filter(|w| w.starts_with(&format!("{pointer}: ")))
        .collect();
    assert_eq!(at.len(), 1, "one warning at {pointer}: {all:#?}");
    at[0].clone()
}

#[test]
fn component_names_that_clash_are_numbered_with_a_warning() {
    let text = spec(
        json!({"thing_lite": {"type": "object"}, "ThingLite": {"type": "object"}}),
        &[],
    );
    let api = api(&text);
    let names: Vec<&str> = api
        .models
        .iter()
        .map(|id| api.types[*id].name.as_str())
        .collect();
    assert_eq!(&names[..2], ["ThingLite", "ThingLite2"]);
    let w = warning_at(&text, "/components/schemas/ThingLite");
    assert!(w.contains("`ThingLite2`"), "{w}");
    code(&text);
}

#[test]
fn the_core_models_keep_their_names_when_a_schema_clashes_with_one() {
    // `note` comes first, but `models::Note` must be the spec's `Note`: the streaming core
    // names it.
    let text = spec(
        json!({"note": {"type": "string"}, "Note": {"type": "object", "properties": {"id": {"type": "string"}}}}),
        &[],
    );
    let api = api(&text);
    let note = api
        .types
        .iter()
        .find(|t| t.module == ["models"] && t.name == "Note")
        .unwrap();
    assert_eq!(note.origin, "/components/schemas/Note");
    assert!(matches!(note.kind, TypeKind::Struct(_)));
    warning_at(&text, "/components/schemas/note");
}

fn spec_error(text: &str) -> Error {
    match generate(text, &options()) {
        Ok(_) => panic!("expected an error"),
        Err(e) => e,
    }
}

#[test]
fn a_spec_that_is_not_json_says_where() {
    let err = spec_error("{\"openapi\": \"3.1.0\",\n  oops}");
    assert!(matches!(err, Error::Json { line: 2, .. }), "{err}");
}

#[test]
fn a_spec_without_paths_is_an_error() {
    let err =
        spec_error(r#"{"openapi": "3.1.0", "info": {"title": "x", "version": "1"}}"#).to_string();
    assert!(err.contains("/paths") && err.contains("paths"), "{err}");
}

#[test]
fn a_dangling_ref_is_any_value_with_a_warning_naming_pointer_and_target() {
    let text = spec(
        json!({"Note": {"type": "object", "properties": {"user": {"$ref": "#/components/schemas/Nobody"}}}}),
        &[],
    );
    let w = warning_at(&text, "/components/schemas/Note/properties/user");
    assert!(w.contains("#/components/schemas/Nobody"), "{w}");
    let api = api(&text);
    let TypeKind::Struct(fields) = named(&api, "models", "Note") else {
        panic!()
    };
    assert_eq!(fields[0].ty, Ty::Value);
}

#[test]
fn an_unknown_type_is_any_value_with_a_warning_naming_its_pointer() {
    let text = spec(
        json!({}),
        &[(
            "/notes/show",
            json!({"type": "object", "properties": {"noteId": {"type": "strnig"}}}),
            None,
        )],
    );
    let w = warning_at(&text, "/paths/~1notes~1show/post/requestBody/content/application~1json/schema/properties/noteId/type");
    assert!(w.contains("strnig"), "{w}");
    assert!(code(&text).contains("pub note_id: Option<::serde_json::Value>"));
}

#[test]
fn an_unsupported_version_is_an_error() {
    let err = spec_error(r#"{"swagger": "2.0", "paths": {}}"#).to_string();
    assert!(err.contains("/openapi"), "{err}");
}

/// The real specs beside the repository (absent outside this project's checkout).
fn real_specs() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/specs");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("no specs at {}; skipping", dir.display());
        return Vec::new();
    };
    let mut specs: Vec<(String, String)> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    specs.sort();
    specs
}

#[test]
fn every_path_of_the_real_specs_becomes_an_endpoint() {
    for (path, text) in real_specs() {
        let raw: Value = serde_json::from_str(&text).unwrap();
        let paths: Vec<String> = raw["paths"]
            .as_object()
            .unwrap()
            .keys()
            .map(|p| p.trim_start_matches('/').to_owned())
            .collect();
        let api = api(&text);
        let names: Vec<String> = api.endpoints.iter().map(|e| e.name.clone()).collect();
        assert_eq!(names, paths, "{path}");
        let methods: std::collections::HashSet<&str> =
            api.endpoints.iter().map(|e| e.method.as_str()).collect();
        assert_eq!(
            methods.len(),
            paths.len(),
            "{path}: client methods are distinct"
        );
        // Every endpoint the spec says is multipart is generated as multipart.
        let multipart = raw["paths"]
            .as_object()
            .unwrap()
            .values()
            .filter(|v| v.to_string().contains("multipart/form-data"))
            .count();
        assert_eq!(
            api.endpoints.iter().filter(|e| e.multipart).count(),
            multipart,
            "{path}"
        );
    }
}

#[test]
fn generation_is_deterministic() {
    for (path, text) in real_specs() {
        let first = code(&text);
        let second = code(&text);
        assert!(first == second, "{path}: two runs differ");
    }
}

#[test]
fn an_invalid_operation_is_kept_as_an_endpoint_with_a_warning() {
    let mut value: Value =
        serde_json::from_str(&spec(json!({}), &[("/notes/show", empty_object(), None)])).unwrap();
    value["paths"]["/notes/show"]["post"]["responses"] = json!("not an object");
    let text = value.to_string();
    let w = warning_at(&text, "/paths/~1notes~1show/post/responses");
    assert!(w.contains("left out"), "{w}");
    let api = api(&text);
    assert_eq!(api.endpoints.len(), 1);
    assert_eq!(api.endpoints[0].response, Ty::Value);
}

#[test]
fn generated_names_never_shadow_the_prelude() {
    let text = spec(
        json!({"Option": {"type": "object", "properties": {"from": {"type": "string", "enum": ["a", "b"]}}}}),
        &[
            (
                "/a/one",
                json!({"type": "object", "properties": {"from": {"type": "string", "enum": ["x", "y"]}}}),
                None,
            ),
            (
                "/a/two",
                json!({"type": "object", "properties": {"from": {"type": "string", "enum": ["x", "y"]}}}),
                None,
            ),
        ],
    );
    let api = api(&text);
    let names: Vec<&str> = api
        .types
        .iter()
        .filter(|t| t.module == ["models"])
        .map(|t| t.name.as_str())
        .collect();
    assert!(names.contains(&"Option2"), "{names:?}");
    // The request enum both endpoints use moves to `models`, but not as `From`.
    assert!(
        names.iter().any(|n| n.ends_with("From") && n.len() > 4),
        "{names:?}"
    );
    assert!(
        !names.contains(&"From") && !names.contains(&"Option"),
        "{names:?}"
    );
    code(&text);
}

#[test]
fn path_parameters_are_fields_that_fill_the_url() {
    let mut value: Value = serde_json::from_str(&spec(
        json!({}),
        &[(
            "/miauth/{session}/check",
            json!({"type": "object", "properties": {"extra": {"type": "string"}}}),
            Some(json!({"type": "object"})),
        )],
    ))
    .unwrap();
    value["paths"]["/miauth/{session}/check"]["post"]["parameters"] = json!([{"name": "session", "in": "path", "required": true, "description": "The session id.", "schema": {"type": "string"}}]);
    let api = api(&value.to_string());
    let e = &api.endpoints[0];
    assert_eq!(e.method, "miauth_session_check");
    let TypeKind::Struct(fields) = &api.types[e.request].kind else {
        panic!()
    };
    let session = fields.iter().find(|f| f.json == "session").unwrap();
    assert!(session.location == misskey_codegen::ir::Location::Path && session.required);
    assert_eq!(session.doc.as_deref(), Some("The session id."));
    let code = code(&value.to_string());
    // The path parameter fills the URL and stays out of the body.
    assert!(
        code.contains("state.serialize_field(\"extra\", value)?;"),
        "{code}"
    );
    assert!(!code.contains("serialize_field(\"session\""), "{code}");
    assert!(code.contains("path.push_str(\"miauth/\");"), "{code}");
    assert!(
        code.contains("self.session.as_deref().unwrap_or_default()"),
        "{code}"
    );
    assert!(code.contains("path.push_str(\"/check\");"), "{code}");
}

/// The `fn` names in every `impl` block of the core's source whose header matches `header`.
fn core_methods(header: fn(&str) -> bool) -> Vec<String> {
    fn walk(dir: &std::path::Path, files: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, files);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../src"),
        &mut files,
    );
    let mut names = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        // The indent of the `impl` line being read (impls inside a macro are indented).
        let mut inside: Option<usize> = None;
        for line in text.lines() {
            let trimmed = line.trim_start();
            let indent = line.len() - trimmed.len();
            if trimmed.starts_with("impl") {
                inside = header(trimmed).then_some(indent);
            } else if inside == Some(indent) && trimmed.starts_with('}') {
                inside = None;
            } else if let Some(impl_indent) = inside {
                let rest = trimmed
                    .trim_start_matches("pub(crate) ")
                    .trim_start_matches("pub ")
                    .trim_start_matches("async ");
                if indent == impl_indent + 4 {
                    if let Some(rest) = rest.strip_prefix("fn ") {
                        let name: String = rest
                            .chars()
                            .take_while(|c| c.is_alphanumeric() || *c == '_')
                            .collect();
                        names.push(name);
                    }
                }
            }
        }
    }
    names
}

#[test]
fn every_hand_written_client_and_builder_method_is_reserved() {
    let client =
        core_methods(|l| l.starts_with("impl Client {") || l.starts_with("impl crate::Client {"));
    assert!(client.contains(&"call".to_owned()) && client.contains(&"streaming".to_owned()));
    for name in &client {
        assert!(
            misskey_codegen::ir::CLIENT_RESERVED.contains(&name.as_str()),
            "Client::{name} is written by hand; add it to CLIENT_RESERVED"
        );
    }
    // Every endpoint's `Builder` gets its shared methods from `builder_methods!` (`impl
    // $builder`), and a trait impl's methods (`into_future`, `fmt`) are reserved too.
    let builder = core_methods(|l| l.starts_with("impl $builder") || l.contains("for $builder"));
    for name in ["send", "send_optional", "paginate", "into_future", "fmt"] {
        assert!(
            builder.contains(&name.to_owned()),
            "{name} not found in builder_methods!"
        );
    }
    for name in &builder {
        assert!(
            misskey_codegen::ir::BUILDER_RESERVED.contains(&name.as_str()),
            "Builder::{name} is written by hand; add it to BUILDER_RESERVED"
        );
    }
}

#[test]
fn a_204_declared_beside_a_body_keeps_the_bodys_type() {
    let body = json!({"type": "object", "properties": {"createdNote": {"type": "string"}}, "required": ["createdNote"]});
    let mut value: Value = serde_json::from_str(&spec(
        json!({}),
        &[("/notes/create", json!({"type": "object"}), Some(body))],
    ))
    .unwrap();
    let without = api(&value.to_string());
    value["paths"]["/notes/create"]["post"]["responses"]["204"] =
        json!({"description": "scheduled"});
    let with = api(&value.to_string());
    // The same type either way: code keeps compiling whether a spec declares the 204.
    let (a, b) = (&without.endpoints[0], &with.endpoints[0]);
    let name = |api: &Api, ty: &Ty| match ty {
        Ty::Named(id) => api.types[*id].name.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(name(&without, &a.response), "Response");
    assert_eq!(name(&with, &b.response), "Response");
    assert!(!a.may_answer_nothing && b.may_answer_nothing);
    assert!(code(&value.to_string()).contains("send_optional"));
}

#[test]
fn methods_users_look_for_under_other_names_have_doc_aliases() {
    let code = code(&spec(
        json!({}),
        &[
            ("/notes/timeline", json!({"type": "object"}), None),
            ("/notes/create", json!({"type": "object"}), None),
            ("/notes/show", json!({"type": "object"}), None),
        ],
    ));
    let method = |name: &str| {
        let at = code.find(&format!("pub fn {name}(")).unwrap();
        let start = code[..at].rfind("    }\n").map_or(0, |i| i);
        code[start..at].to_owned()
    };
    assert!(
        method("notes_timeline").contains("#[doc(alias = \"home_timeline\")]"),
        "{code}"
    );
    assert!(
        method("notes_create").contains("#[doc(alias = \"post\")]"),
        "{code}"
    );
    assert!(!method("notes_show").contains("doc(alias"), "{code}");
}

#[test]
fn credential_fields_are_not_shown_by_debug() {
    let code = code(&spec(
        json!({}),
        &[(
            "/i/change-password",
            json!({"type": "object", "properties": {
                "currentPassword": {"type": "string"}, "token": {"type": "string"},
                "note": {"type": "string"}, "usePasswordLessLogin": {"type": "boolean"}}}),
            None,
        )],
    ));
    assert!(
        code.contains(".field(\"current_password\", &\"***\")"),
        "{code}"
    );
    assert!(code.contains(".field(\"token\", &\"***\")"), "{code}");
    assert!(code.contains(".field(\"note\", &self.note)"), "{code}");
    // A flag named after a password is no secret.
    assert!(
        code.contains(".field(\"use_password_less_login\", &self.use_password_less_login)"),
        "{code}"
    );
    let request = &code[code.find("pub struct Request").unwrap() - 200..];
    assert!(!request[..300].contains("Debug"), "{request}");
}

#[test]
fn a_spec_without_endpoints_generates_no_dead_match() {
    // docs.rs builds from such a spec; `-D warnings` would refuse an all-`_` match.
    let code = code(r#"{"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {}}"#);
    assert!(code.contains("let _ = (name, visitor);"), "{code}");
    assert!(!code.contains("_ => return None"), "{code}");
}

#[test]
fn the_common_error_codes_are_the_cores() {
    // The generator leaves out of each endpoint's `ErrorCode` the codes the core's
    // `CommonErrorCode` holds; the two lists must be the same.
    let source = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../src/error/mod.rs"),
    )
    .unwrap();
    let core: Vec<&str> = source
        .lines()
        .filter(|l| l.contains("\" => CommonErrorCode::"))
        .filter_map(|l| l.trim().strip_prefix('"')?.split('"').next())
        .collect();
    assert!(core.contains(&"INVALID_PARAM"), "{core:?}");
    assert_eq!(core, misskey_codegen::ir::COMMON_ERROR_CODES);

    // And an endpoint that lists them gets only its own codes as variants.
    let mut value: Value = serde_json::from_str(&spec(
        json!({}),
        &[("/notes/show", json!({"type": "object"}), None)],
    ))
    .unwrap();
    value["paths"]["/notes/show"]["post"]["responses"]["400"] = json!({
        "description": "Client error",
        "content": {"application/json": {"examples": {
            "INVALID_PARAM": {"value": {"error": {"code": "INVALID_PARAM", "message": "Invalid param."}}},
            "NO_SUCH_NOTE": {"value": {"error": {"code": "NO_SUCH_NOTE", "message": "No such note."}}},
        }}}
    });
    let api = api(&value.to_string());
    let codes: Vec<&str> = api.endpoints[0]
        .error_codes
        .iter()
        .map(|c| c.code.as_str())
        .collect();
    assert_eq!(codes, ["NO_SUCH_NOTE"]);
}

#[test]
fn query_header_and_get_only_parameters_are_generated_where_they_travel() {
    use misskey_codegen::ir::{HttpMethod, Location};
    let mut value: Value = serde_json::from_str(&spec(
        json!({"Thing": {"type": "object", "properties": {"id": {"type": "string"}}}}),
        &[(
            "/things/search",
            json!({"type": "object", "properties": {"text": {"type": "string"}}}),
            None,
        )],
    ))
    .unwrap();
    value["paths"]["/things/search"]["post"]["parameters"] = json!([
        {"name": "lang", "in": "query", "required": true, "schema": {"type": "string"}},
        {"name": "X-Trace", "in": "header", "schema": {"type": "string"}},
    ]);
    value["paths"]["/things/search"]["post"]["responses"] =
        json!({"200": {"$ref": "#/components/responses/Thing"}});
    value["components"]["responses"] = json!({"Thing": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}});
    value["paths"]["/things/get"] = json!({"get": {
        "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer"}}],
        "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "boolean"}}}}},
    }});
    let api = api(&value.to_string());
    let search = &api.endpoints[0];
    let fields = api.fields(search.request);
    let located: Vec<(&str, Location, bool)> = fields
        .iter()
        .map(|f| (f.json.as_str(), f.location, f.required))
        .collect();
    assert_eq!(
        located,
        [
            ("text", Location::Body, false),
            ("lang", Location::Query, true),
            ("X-Trace", Location::Header, false),
        ]
    );
    // The response reference is followed, not dropped to `()`.
    assert!(
        matches!(search.response, Ty::Named(id) if api.types[id].name == "Thing"),
        "{:?}",
        search.response
    );
    let get = &api.endpoints[1];
    assert_eq!(get.http_method, HttpMethod::Get);
    let limit = &api.fields(get.request)[0];
    assert_eq!((limit.location, &limit.ty), (Location::Body, &Ty::Integer));
    let code = code(&value.to_string());
    assert!(code.contains("const HTTP_GET: bool = true;"), "{code}");
    assert!(code.contains("fn query(&self)"), "{code}");
    assert!(
        code.contains("pairs.push((\"X-Trace\", value.clone()));"),
        "{code}"
    );
}

/// Characters rustc denies raw in comments and literals (`text_direction_codepoint_in_*`).
fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

#[test]
fn text_that_changes_direction_is_never_printed_raw() {
    let text = spec(
        json!({"Bidi": {"type": "object", "description": "model \u{202e} text", "properties": {
            "kind": {"type": "string", "description": "a \u{2066}b\u{2069} \u{200f}", "enum": ["a\u{202e}b", "c\u{061c}d"]},
        }}}),
        &[(
            "/bidi",
            json!({"type": "object", "properties": {"x\u{202e}": {"type": "string"}}}),
            Some(json!({"$ref": "#/components/schemas/Bidi"})),
        )],
    );
    let code = code(&text);
    let raw: Vec<&str> = code.lines().filter(|l| l.chars().any(is_bidi)).collect();
    assert!(raw.is_empty(), "{raw:#?}");
    // Docs show them as escapes; literals keep the value, escaped.
    assert!(code.contains("/// model \\u{202e} text"), "{code}");
    assert!(code.contains("Self::AB => \"a\\u{202e}b\""), "{code}");
}

#[test]
fn tuples_longer_than_std_implements_traits_for_are_lists() {
    let text = spec(
        json!({"Long": {"type": "object", "properties": {
            "same": {"type": "array", "prefixItems": vec![json!({"type": "integer"}); 13]},
            "mixed": {"type": "array", "prefixItems": [{"type": "string"}, {"type": "integer"}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}]},
            "twelve": {"type": "array", "prefixItems": vec![json!({"type": "boolean"}); 12]},
        }}}),
        &[(
            "/long",
            empty_object(),
            Some(json!({"$ref": "#/components/schemas/Long"})),
        )],
    );
    let api = api(&text);
    let TypeKind::Struct(fields) = named(&api, "models", "Long") else {
        panic!()
    };
    assert_eq!(fields[0].ty, Ty::Vec(Box::new(Ty::Integer)));
    assert_eq!(fields[1].ty, Ty::Vec(Box::new(Ty::Value)));
    assert_eq!(fields[2].ty, Ty::Tuple(vec![Ty::Bool; 12]));
    let warning = warning_at(&text, "/components/schemas/Long/properties/same");
    assert!(warning.contains("13 items"), "{warning}");
}

#[test]
fn endpoint_modules_named_like_crates_do_not_shadow_them() {
    let request = json!({"type": "object", "properties": {
        "a": {"type": "string"},
        "m": {"type": "object", "additionalProperties": {"type": "string"}},
        "v": {},
    }});
    let response = Some(json!({"type": "object", "properties": {"v": {}}}));
    let text = spec(
        json!({}),
        &[
            ("/x", request.clone(), response.clone()),
            ("/x/serde", request.clone(), response.clone()),
            ("/x/std", request.clone(), None),
            ("/x/serde_json", request.clone(), None),
            ("/serde", request, response),
        ],
    );
    let code = code(&text);
    // Inside `endpoints::x`, a relative `serde::` would name `endpoints::x::serde` (the
    // compile test in accepted_specs_compile.rs checks the same by compiling).
    for krate in ["serde::", "serde_json::", "std::"] {
        let relative: Vec<&str> = code
            .match_indices(krate)
            .filter(|(at, _)| {
                let before = &code[..*at];
                !before.ends_with("::")
                    && !before.ends_with(|c: char| c.is_alphanumeric() || c == '_')
                    && !before.ends_with('`')
            })
            .map(|(at, _)| code[at.saturating_sub(30)..at + 20].trim())
            .collect();
        assert!(relative.is_empty(), "{krate}: {relative:#?}");
    }
    assert!(
        code.contains("impl ::serde::Serialize for Request"),
        "{code}"
    );
}

#[test]
fn a_nested_request_field_named_default_does_not_hide_default() {
    let text = spec(
        json!({}),
        &[(
            "/dflt",
            json!({"type": "object", "properties": {"poll": {"type": "object", "properties": {
                "default": {"type": "string"},
                "other": {"type": "integer"},
            }}}}),
            None,
        )],
    );
    let code = code(&text);
    // Its setter `default(self, value)` is an inherent method: `Self::default()` would call it.
    assert!(code.contains("pub fn default(mut self"), "{code}");
    assert!(!code.contains("Self::default()"), "{code}");
}

/// `f`'s answer, or a failure if it takes more than a minute: a test of a walk that used to
/// be exponential fails rather than hanging the run.
fn within_a_minute<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || send.send(f()));
    receive
        .recv_timeout(std::time::Duration::from_secs(60))
        .expect("still running after a minute (or panicked)")
}

/// Schema `S{i}` is `allOf` of `S{i+1}` four times, `levels` deep; the last has a property.
fn deep_all_of_spec(levels: usize) -> String {
    let mut schemas = serde_json::Map::new();
    for i in 0..levels {
        let next = json!({"$ref": format!("#/components/schemas/S{}", i + 1)});
        schemas.insert(format!("S{i}"), json!({"allOf": [next, next, next, next]}));
    }
    schemas.insert(
        format!("S{levels}"),
        json!({"type": "object", "properties": {"x": {"type": "string"}}, "required": ["x"]}),
    );
    spec(
        Value::Object(schemas),
        &[(
            "/deep",
            json!({"allOf": [{"$ref": "#/components/schemas/S0"}, {"$ref": "#/components/schemas/S0"}]}),
            Some(json!({"$ref": "#/components/schemas/S0"})),
        )],
    )
}

#[test]
fn deep_all_of_chains_merge_in_linear_time() {
    // Merging each part anew takes 4^20 merges here (hours); finishing at all is the check.
    let text = deep_all_of_spec(20);
    let api = within_a_minute(move || api(&text));
    let TypeKind::Struct(fields) = named(&api, "models", "S0") else {
        panic!()
    };
    assert_eq!(
        fields
            .iter()
            .map(|f| (f.json.as_str(), f.required))
            .collect::<Vec<_>>(),
        [("x", true)]
    );
    let request = api.fields(api.endpoints[0].request);
    assert_eq!(request.len(), 1);
}

/// A reference to the component schema `S{i}`.
fn s(i: usize) -> Value {
    json!({"$ref": format!("#/components/schemas/S{i}")})
}

/// `S{i}` is `node(i + 1)` for `i` below `levels`, and `S{levels}` a string; the endpoint
/// `/chain` answers `S0`.
fn chain_spec(levels: usize, node: impl Fn(usize) -> Value) -> String {
    let mut schemas = serde_json::Map::new();
    for i in 0..levels {
        schemas.insert(format!("S{i}"), node(i + 1));
    }
    schemas.insert(format!("S{levels}"), json!({"type": "string"}));
    spec(
        Value::Object(schemas),
        &[(
            "/chain",
            json!({"type": "object", "properties": {}}),
            Some(s(0)),
        )],
    )
}

/// `S{i}` is `oneOf` of `S{i+1}`, `copies` times, and a list of strings, `levels` deep.
fn union_chain_spec(levels: usize, copies: usize) -> String {
    chain_spec(levels, |next| {
        let mut branches = vec![s(next); copies];
        branches.push(json!({"type": "array", "items": {"type": "string"}}));
        json!({ "oneOf": branches })
    })
}

#[test]
fn deep_one_of_chains_are_looked_into_in_linear_time() {
    // `S{i}` is `oneOf` of `S{i+1}` four times and a list, 20 deep: telling the branches'
    // JSON kinds apart by walking each anew took 4^20 walks (the generator hung on a 4 KB
    // spec).
    let text = union_chain_spec(20, 4);
    let api = within_a_minute(move || api(&text));
    // The last union tells a string from a list; above it, a branch that is itself either
    // cannot be told from a list, so each is any JSON value.
    let TypeKind::Untagged(variants) = named(&api, "models", "S19") else {
        panic!("{:?}", named(&api, "models", "S19"))
    };
    assert_eq!(variants.len(), 2, "{variants:?}");
    for i in 0..19 {
        let kind = named(&api, "models", &format!("S{i}"));
        assert!(matches!(kind, TypeKind::Alias(Ty::Value)), "S{i}: {kind:?}");
    }
}

#[test]
fn each_union_a_cycle_makes_any_value_warns_of_it() {
    // `A` and `B` contain each other; `Wrapper`, converted first, holds `A`. Each kind is
    // worked out once, but each of the three unions is told why a branch became any value.
    let text = spec(
        json!({
            "Wrapper": {"oneOf": [{"$ref": "#/components/schemas/A"}, {"type": "integer"}]},
            "A": {"oneOf": [{"$ref": "#/components/schemas/B"}, {"type": "string"}]},
            "B": {"oneOf": [{"$ref": "#/components/schemas/A"}, {"type": "integer"}]},
        }),
        &[(
            "/cycle",
            json!({"type": "object", "properties": {}}),
            Some(json!({"$ref": "#/components/schemas/Wrapper"})),
        )],
    );
    let api = api(&text);
    let warned: Vec<&str> = api
        .warnings
        .iter()
        .filter(|w| w.message.contains("is a union that contains itself"))
        .map(|w| w.pointer.as_str())
        .collect();
    for union in ["Wrapper", "A", "B"] {
        let at = format!("/components/schemas/{union}");
        assert!(
            warned.iter().any(|p| p.starts_with(&at)),
            "{union}: {:?}",
            api.warnings
        );
    }
}

#[test]
fn unions_nested_deeper_than_the_walk_goes_are_warned_of() {
    // 40 unions, each of the next and a list: below 32 the walk stops and says so.
    let text = union_chain_spec(40, 1);
    let api = within_a_minute(move || api(&text));
    assert!(
        api.warnings.iter().any(|w| w
            .message
            .contains("unions nest more than 32 components deep")),
        "{:?}",
        api.warnings
    );
}

#[test]
fn of_aliases_that_name_each_other_the_first_becomes_a_newtype_and_the_rest_stay() {
    let r = |name: &str| json!({"$ref": format!("#/components/schemas/{name}")});
    let text = spec(
        json!({
            // A list of each other: `A` holds the cycle, `B` names it.
            "A": {"type": "array", "items": r("B")},
            "B": {"type": "array", "items": r("A")},
            // Each other with nothing in between: `X` is any value, `Y` names it.
            "X": r("Y"),
            "Y": r("X"),
            // Structs that hold each other: both fields are boxed.
            "P": {"type": "object", "properties": {"q": r("Q")}, "required": ["q"]},
            "Q": {"type": "object", "properties": {"p": r("P")}, "required": ["p"]},
        }),
        &[(
            "/all",
            json!({"type": "object", "properties": {}}),
            Some(json!({"type": "object", "properties": {
                "a": r("A"), "b": r("B"), "x": r("X"), "y": r("Y"), "p": r("P"),
            }})),
        )],
    );
    let api = api(&text);
    assert!(matches!(
        named(&api, "models", "A"),
        TypeKind::Newtype(Ty::Vec(_))
    ));
    assert!(matches!(
        named(&api, "models", "B"),
        TypeKind::Alias(Ty::Vec(_))
    ));
    assert!(matches!(
        named(&api, "models", "X"),
        TypeKind::Alias(Ty::Value)
    ));
    assert!(matches!(
        named(&api, "models", "Y"),
        TypeKind::Alias(Ty::Named(_))
    ));
    for (name, field) in [("P", "q"), ("Q", "p")] {
        let TypeKind::Struct(fields) = named(&api, "models", name) else {
            panic!("{name}")
        };
        assert!(
            fields.iter().any(|f| f.json == field && f.boxed),
            "{name}: {fields:?}"
        );
    }
}

#[test]
fn long_chains_of_lists_and_structs_are_checked_for_cycles_in_linear_time() {
    // Asking each alias whether it leads back to itself took time in the square of the
    // aliases: minutes for these chains of 20,000, unoptimized.
    let lists = chain_spec(20_000, |next| json!({"type": "array", "items": s(next)}));
    let structs = chain_spec(
        20_000,
        |next| json!({"type": "object", "properties": {"next": s(next)}}),
    );
    // And 20,000 cycles of one alias each, a list of itself.
    let loops = chain_spec(
        20_000,
        |next| json!({"type": "array", "items": s(next - 1)}),
    );
    let api = within_a_minute(move || (api(&lists), api(&structs), api(&loops)));
    assert!(matches!(
        named(&api.0, "models", "S0"),
        TypeKind::Alias(Ty::Vec(_))
    ));
    let TypeKind::Struct(fields) = named(&api.1, "models", "S0") else {
        panic!()
    };
    assert!(!fields[0].boxed, "no cycle, no box");
    assert!(matches!(
        named(&api.2, "models", "S19999"),
        TypeKind::Newtype(Ty::Vec(_))
    ));
}

#[test]
fn a_bad_validation_keyword_is_left_out_alone() {
    let text = spec(
        json!({"Note": {"type": "object", "properties": {
            "id": {"type": "string"},
            "text": {"type": "string", "maxLength": -1},
            "count": {"type": "integer", "exclusiveMinimum": 0, "uniqueItems": "yes"},
        }, "required": ["id"]}}),
        &[(
            "/notes/create",
            json!({"type": "object", "properties": {
                "text": {"type": "string", "minLength": 1.0},
                "cw": {"type": "string"},
            }}),
            Some(json!({"$ref": "#/components/schemas/Note"})),
        )],
    );
    let api = api(&text);
    // Not the whole schema, nor the whole request body: only the keyword is lost.
    let TypeKind::Struct(note) = named(&api, "models", "Note") else {
        panic!("{:?}", named(&api, "models", "Note"))
    };
    assert_eq!(note.len(), 3);
    let request: Vec<&str> = api
        .fields(api.endpoints[0].request)
        .iter()
        .map(|f| f.json.as_str())
        .collect();
    assert_eq!(request, ["text", "cw"]);
    let warning = warning_at(&text, "/components/schemas/Note/properties/text/maxLength");
    assert!(warning.contains("-1"), "{warning}");
    warning_at(
        &text,
        "/components/schemas/Note/properties/count/uniqueItems",
    );
    warning_at(
        &text,
        "/paths/~1notes~1create/post/requestBody/content/application~1json/schema/properties/text/minLength",
    );
    // 3.1's numeric `exclusiveMinimum` is read as 3.0's, without a warning.
    assert!(!warnings(&text)
        .iter()
        .any(|w| w.contains("exclusiveMinimum")));
}

/// The doc lines right above the first line of `code` that contains `item`, joined by spaces.
fn doc_above(code: &str, item: &str) -> String {
    let lines: Vec<&str> = code.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains(item))
        .unwrap_or_else(|| panic!("no {item}"));
    let mut doc: Vec<&str> = lines[..at]
        .iter()
        .rev()
        .map(|l| l.trim())
        .take_while(|l| l.starts_with("///") || l.starts_with("#["))
        .filter_map(|l| l.strip_prefix("///"))
        .map(str::trim)
        .collect();
    doc.reverse();
    doc.join(" ")
}

#[test]
fn setters_say_what_the_spec_allows_defaults_and_bounds() {
    let many: Vec<String> = (0..20).map(|i| format!("kind{i}")).collect();
    let text = spec(
        json!({}),
        &[(
            "/notes/create",
            json!({"type": "object", "properties": {
                "visibility": {"type": "string", "enum": ["public", "home", "followers"], "default": "public"},
                "limit": {"type": "integer", "minimum": 1, "maximum": 100, "default": 10},
                "offset": {"type": "integer", "exclusiveMinimum": 0},
                "text": {"type": "string", "minLength": 1, "maxLength": 3000},
                "fileIds": {"type": "array", "items": {"type": "string", "pattern": "^[a-z`]+<x>$"}, "maxItems": 16, "uniqueItems": true},
                "site": {"type": "string", "format": "url"},
                "kind": {"type": "string", "enum": many},
            }}),
            Some(
                json!({"type": "object", "properties": {"count": {"type": "integer", "minimum": 0}}}),
            ),
        )],
    );
    let code = code(&text);
    let setter = |name: &str| doc_above(&code, &format!("pub fn {name}("));
    let visibility = setter("visibility");
    assert!(
        visibility.contains("`visibility`: optional.")
            && visibility.contains("One of `public`, `home`, `followers`.")
            && visibility.contains("Default: `public`."),
        "{visibility}"
    );
    let limit = setter("limit");
    assert!(
        limit.contains("At least 1, at most 100.") && limit.contains("Default: `10`."),
        "{limit}"
    );
    // 3.1's numeric `exclusiveMinimum`.
    assert!(
        setter("offset").contains("More than 0."),
        "{}",
        setter("offset")
    );
    assert!(setter("text").contains("1 to 3000 characters."));
    let file_ids = setter("file_ids");
    assert!(
        file_ids.contains("At most 16 items, no duplicates.")
            && file_ids.contains("Each item: matches ``^[a-z`]+<x>$``."),
        "{file_ids}"
    );
    assert!(setter("site").contains("Format `url`."));
    // A long enum lists its first values and says how many more there are.
    let kind = setter("kind");
    assert!(
        kind.contains("One of `kind0`, `kind1`,") && kind.contains("`kind9`, and 10 more."),
        "{kind}"
    );
    // The request's own field says the same; a response's reader is not told bounds.
    assert!(doc_above(&code, "pub limit: Option<i64>").contains("At least 1, at most 100."));
    let count = doc_above(&code, "pub count: Option<i64>");
    assert!(!count.contains("At least"), "{count}");
}

// Each endpoint's `Builder`: a type of its own, whose shared methods come from the core's
// `builder_methods!`, with `paginate` on the endpoints that page and on no other.

/// The text of the module of `endpoint` (`notes/timeline`) in generated code: from its
/// `pub mod` line to its `builder_methods!` call, which ends it.
fn endpoint_module<'a>(code: &'a str, endpoint: &str) -> &'a str {
    let at = code
        .find(&format!("const NAME: &'static str = \"{endpoint}\";"))
        .unwrap_or_else(|| panic!("no endpoint {endpoint}"));
    let start = code[..at].rfind("pub mod ").expect("a module around it");
    let end = at
        + code[at..]
            .find("builder_methods!")
            .expect("its builder_methods! call");
    let end = end + code[end..].find('\n').unwrap_or(code.len() - end);
    &code[start..end]
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
        let code = code(&text);
        let timeline = endpoint_module(&code, "notes/timeline");
        let create = endpoint_module(&code, "notes/create");
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

/// rustdoc ranks an item named exactly as the query above any alias, so the methods people
/// look for under other names are also listed on the `Client` page, by what they do.
#[test]
fn the_client_page_lists_the_methods_people_look_for_by_other_names() {
    let object = json!({"type": "object"});
    let code = code(&spec(
        json!({}),
        &[
            ("/notes/create", object.clone(), Some(object.clone())),
            ("/notes/show", object.clone(), Some(object)),
        ],
    ));
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
    let user =
        json!({"type": "object", "properties": {"id": {"type": "string"}}, "required": ["id"]});
    let code = code(&spec(
        json!({}),
        &[
            (
                "/users/show",
                json!({"type": "object", "properties": {
                    "userId": {"type": "string"},
                    "userIds": {"type": "array", "items": {"type": "string"}},
                }}),
                Some(json!({"oneOf": [user.clone(), {"type": "array", "items": user}]})),
            ),
            (
                "/things/count",
                json!({"type": "object"}),
                Some(
                    json!({"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "integer"}}]}),
                ),
            ),
        ],
    ));
    let show = endpoint_module(&code, "users/show");
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
    let count = endpoint_module(&code, "things/count");
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
