//! The generated bindings: coverage of the spec, the `Endpoint` metadata, the methods and
//! builders over real HTTP, and decoding of real-shaped JSON.

use misskey_client::endpoints::{drive, i, meta, notes};
use misskey_client::upload::UploadFile;
use misskey_client::{
    models, visit_endpoint, Client, CommonErrorCode, Endpoint, EndpointErrorCode, EndpointVisitor,
};
use serde_json::{json, Value};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

/// The spec this build was generated from, read the way build.rs finds it.
fn spec() -> Value {
    let path = std::env::var("MISSKEY_SPEC")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/spec/api.json").to_owned());
    serde_json::from_str(
        &std::fs::read_to_string(&path).expect("the spec the crate was built with"),
    )
    .unwrap()
}

#[test]
fn every_path_of_the_spec_is_an_endpoint_unless_its_feature_is_off() {
    let spec = spec();
    let paths: Vec<String> = spec["paths"]
        .as_object()
        .unwrap()
        .keys()
        .map(|p| p.trim_start_matches('/').to_owned())
        .collect();
    let generated: Vec<&str> = misskey_client::ENDPOINTS.iter().map(|e| e.name).collect();
    assert_eq!(misskey_client::SPEC_PATHS, paths.len());
    assert_eq!(
        generated.len() + misskey_client::SPEC_DISABLED_PATHS,
        paths.len()
    );
    for path in &paths {
        let expected = !path.starts_with("admin/") || cfg!(feature = "admin");
        assert_eq!(generated.contains(&path.as_str()), expected, "{path}");
    }
}

#[test]
fn endpoint_metadata_matches_the_spec() {
    let spec = spec();
    let op = &spec["paths"]["/notes/create"]["post"];
    assert!(op["description"]
        .as_str()
        .unwrap()
        .contains("*write:notes*"));
    assert_eq!(<notes::create::Request as Endpoint>::NAME, "notes/create");
    assert_eq!(
        <notes::create::Request as Endpoint>::PERMISSION,
        Some("write:notes")
    );
    assert_eq!(
        (
            <notes::create::Request as Endpoint>::REQUIRES_CREDENTIAL,
            <notes::create::Request as Endpoint>::MULTIPART,
            <drive::files::create::Request as Endpoint>::MULTIPART,
            // notes/show is public.
            <notes::show::Request as Endpoint>::REQUIRES_CREDENTIAL,
        ),
        (true, false, true, false)
    );

    let info = misskey_client::ENDPOINTS
        .iter()
        .find(|e| e.name == "notes/create")
        .unwrap();
    assert_eq!(
        (info.permission, info.feature, info.multipart),
        (Some("write:notes"), Some("notes"), false)
    );
    let ping = misskey_client::ENDPOINTS
        .iter()
        .find(|e| e.name == "ping")
        .unwrap();
    assert_eq!(
        ping.feature, None,
        "one-segment endpoints are not behind a feature"
    );
}

#[test]
fn error_codes_of_an_endpoint_are_typed() {
    let code = notes::show::ErrorCode::from_code("NO_SUCH_NOTE");
    assert_eq!(code, notes::show::ErrorCode::NoSuchNote);
    assert_eq!(code.as_str(), "NO_SUCH_NOTE");
    let unknown = notes::show::ErrorCode::from_code("SOMETHING_NEW");
    assert_eq!(
        unknown,
        notes::show::ErrorCode::Unknown("SOMETHING_NEW".into())
    );
    assert_eq!(unknown.as_str(), "SOMETHING_NEW");
    // The API's own codes are one enum, the same for every endpoint.
    let common = notes::show::ErrorCode::from_code("CREDENTIAL_REQUIRED");
    assert_eq!(
        common,
        notes::show::ErrorCode::Common(CommonErrorCode::CredentialRequired)
    );
    assert_eq!(common.as_str(), "CREDENTIAL_REQUIRED");
}

#[tokio::test]
async fn an_errors_code_reads_as_the_endpoints_without_naming_the_request() {
    let server = server_answering(
        "notes/show",
        400,
        json!({"error": {"message": "No such note.", "code": "NO_SUCH_NOTE", "id": "24fcbfc6-2e37-42b6-8388-c29b3861a08d"}}),
    )
    .await;
    let client = Client::new(server.uri()).unwrap();
    let err = client.notes_show().note_id("x").await.unwrap_err();
    assert_eq!(
        notes::show::ErrorCode::of(&err),
        Some(notes::show::ErrorCode::NoSuchNote)
    );
    let timeout = misskey_client::Error::Timeout {
        endpoint: "notes/show".into(),
        after: None,
    };
    assert_eq!(notes::show::ErrorCode::of(&timeout), None);
}

#[tokio::test]
async fn an_endpoint_without_codes_of_its_own_reads_errors_the_same_way() {
    // `meta` lists no codes in the misskey.io spec: its `ErrorCode` is the one shared type,
    // read with the same `of`, `Common` and `Unknown` as an endpoint's own enum.
    let shared: misskey_client::SharedErrorCode = meta::ErrorCode::from_code("X");
    assert_eq!(shared, meta::ErrorCode::Unknown("X".into()));
    let server = server_answering(
        "meta",
        401,
        json!({"error": {"message": "Credential required.", "code": "CREDENTIAL_REQUIRED", "id": "1384574d-a912-4b81-8601-c7b1c4085df1"}}),
    )
    .await;
    let client = Client::new(server.uri()).unwrap();
    let err = client.meta().await.unwrap_err();
    assert_eq!(
        meta::ErrorCode::of(&err),
        Some(meta::ErrorCode::Common(CommonErrorCode::CredentialRequired))
    );
    assert_eq!(
        meta::ErrorCode::of(&err).unwrap().as_str(),
        "CREDENTIAL_REQUIRED"
    );
    assert_eq!(
        meta::ErrorCode::of(&misskey_client::Error::Timeout {
            endpoint: "meta".into(),
            after: None,
        }),
        None
    );
}

#[test]
fn endpoints_can_be_reached_by_name() {
    struct Name;
    impl EndpointVisitor for Name {
        type Output = (&'static str, bool);
        fn visit<E: Endpoint>(self) -> Self::Output {
            (E::NAME, E::REQUIRES_CREDENTIAL)
        }
    }
    assert_eq!(
        visit_endpoint("notes/create", Name),
        Some(("notes/create", true))
    );
    assert_eq!(visit_endpoint("i", Name), Some(("i", true)));
    assert_eq!(visit_endpoint("no/such/endpoint", Name), None);
}

async fn server_answering(endpoint: &str, status: u16, body: Value) -> MockServer {
    let server = MockServer::start().await;
    let response = if status == 204 {
        ResponseTemplate::new(204)
    } else {
        ResponseTemplate::new(status).set_body_json(body)
    };
    Mock::given(method("POST"))
        .and(path(format!("/api/{endpoint}")))
        .respond_with(response)
        .mount(&server)
        .await;
    server
}

fn body_of(request: &Request) -> Value {
    serde_json::from_slice(&request.body).unwrap()
}

fn note(id: &str, text: &str) -> Value {
    json!({
        "id": id, "createdAt": "2025-01-01T00:00:00.000Z", "text": text, "cw": null,
        "userId": "u1", "user": user_lite("u1", "alice"), "visibility": "public",
        "reactionAcceptance": null, "reactionEmojis": {}, "reactions": {"👍": 2, ":blob@.:": 1},
        "reactionCount": 3, "renoteCount": 0, "repliesCount": 0, "fileIds": [], "files": [],
        "replyId": null, "renoteId": null, "localOnly": false,
    })
}

fn user_lite(id: &str, username: &str) -> Value {
    json!({
        "id": id, "name": null, "username": username, "host": null,
        "avatarUrl": "https://example.com/a.png", "avatarBlurhash": null, "avatarDecorations": [],
        "isBot": false, "isCat": false, "emojis": {}, "onlineStatus": "unknown", "badgeRoles": [],
    })
}

#[tokio::test]
async fn methods_send_required_arguments_and_setters_and_decode_the_answer() {
    let server = server_answering(
        "notes/create",
        200,
        json!({"createdNote": note("n1", "hi")}),
    )
    .await;
    let client = Client::builder(server.uri())
        .token("TOKEN")
        .build()
        .unwrap();

    let created = client
        .notes_create()
        .text("hi")
        .visibility("home")
        .local_only(true)
        .await
        .unwrap();
    assert_eq!(created.created_note.id, "n1");
    assert_eq!(created.created_note.text.as_deref(), Some("hi"));

    let requests = server.received_requests().await.unwrap();
    assert_eq!(
        body_of(&requests[0]),
        json!({"text": "hi", "visibility": "home", "localOnly": true, "i": "TOKEN"})
    );
}

#[tokio::test]
async fn a_scheduled_note_answers_nothing_which_send_optional_reads_as_none() {
    let server = server_answering("notes/create", 204, Value::Null).await;
    let client = Client::builder(server.uri()).token("T").build().unwrap();
    let answer = client
        .notes_create()
        .text("later")
        .send_optional()
        .await
        .unwrap();
    assert!(answer.is_none());
    // `.await` keeps the body's type, so an empty answer is an error that says what to do.
    let err = client.notes_create().text("later").await.unwrap_err();
    assert!(
        matches!(&err, misskey_client::Error::NoContent { endpoint } if endpoint == "notes/create"),
        "{err:?}"
    );
    assert!(err.to_string().contains("send_optional"), "{err}");
}

#[tokio::test]
async fn send_optional_still_decodes_a_body() {
    let server = server_answering(
        "notes/create",
        200,
        json!({"createdNote": note("n2", "now")}),
    )
    .await;
    let client = Client::builder(server.uri()).token("T").build().unwrap();
    let answer = client
        .notes_create()
        .text("now")
        .send_optional()
        .await
        .unwrap();
    assert_eq!(answer.unwrap().created_note.id, "n2");
}

#[tokio::test]
async fn a_required_parameter_left_unset_is_an_error_before_anything_is_sent() {
    let server = server_answering("notes/show", 200, note("abc", "shown")).await;
    let client = Client::builder(server.uri()).token("T").build().unwrap();
    let err = client.notes_show().await.unwrap_err();
    match &err {
        misskey_client::Error::MissingParameters {
            endpoint,
            parameters,
        } => {
            assert_eq!(endpoint, "notes/show");
            assert_eq!(parameters, &["noteId"]);
        }
        other => panic!("expected MissingParameters, got {other:?}"),
    }
    assert!(err.to_string().contains("`noteId`"), "{err}");
    // `Client::call` checks a hand-built request the same way.
    let err = client
        .call(&notes::show::Request::default())
        .await
        .unwrap_err();
    assert!(matches!(
        err,
        misskey_client::Error::MissingParameters { .. }
    ));
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn required_parameters_are_set_by_name() {
    let server = server_answering("notes/show", 200, note("abc", "shown")).await;
    let client = Client::new(server.uri()).unwrap();
    let note = client.notes_show().note_id("abc").await.unwrap();
    assert_eq!(note.id, "abc");
    assert_eq!(note.user.username, "alice");
    let requests = server.received_requests().await.unwrap();
    assert_eq!(
        body_of(&requests[0]),
        json!({"noteId": "abc"}),
        "no token, no `i`"
    );
}

#[tokio::test]
async fn a_built_request_can_be_sent_with_call() {
    let server = server_answering("notes/show", 200, note("xyz", "shown")).await;
    let client = Client::new(server.uri()).unwrap();
    let request = notes::show::Request::new("xyz");
    let note = client.call(&request).await.unwrap();
    assert_eq!(note.id, "xyz");
}

#[tokio::test]
async fn optional_nullable_parameters_have_three_states() {
    let server = server_answering("i/update", 200, json!({})).await;
    let client = Client::builder(server.uri()).token("T").build().unwrap();
    // Only the request matters here; the empty answer is not a user.
    let _ = client.i_update().description_null().await;
    let _ = client.i_update().description("about me").await;
    let _ = client.i_update().name("Alice").await;
    let bodies: Vec<Value> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(body_of)
        .collect();
    assert_eq!(
        bodies[0],
        json!({"description": null, "i": "T"}),
        "null clears it"
    );
    assert_eq!(bodies[1], json!({"description": "about me", "i": "T"}));
    assert_eq!(
        bodies[2],
        json!({"name": "Alice", "i": "T"}),
        "left out keeps it"
    );
}

#[tokio::test]
async fn endpoints_that_answer_204_return_unit() {
    let server = server_answering("notes/delete", 204, Value::Null).await;
    let client = Client::builder(server.uri()).token("T").build().unwrap();
    // The type is the check: a 204 endpoint's response is `()`, and an empty body decodes.
    let (): () = client.notes_delete().note_id("n1").await.unwrap();
    assert_eq!(
        body_of(&server.received_requests().await.unwrap()[0]),
        json!({"noteId": "n1", "i": "T"})
    );
}

#[tokio::test]
async fn the_multipart_endpoint_sends_its_file_and_fields_as_parts() {
    let server = server_answering("drive/files/create", 200, json!({})).await;
    let client = Client::builder(server.uri()).token("T").build().unwrap();
    let file = UploadFile::from_bytes(b"PNGDATA".to_vec())
        .file_name("cat.png")
        .content_type("image/png");
    let _ = client
        .drive_files_create()
        .file(file)
        .name("cat")
        .is_sensitive(true)
        .await;
    let request = &server.received_requests().await.unwrap()[0];
    let content_type = request
        .headers
        .get("content-type")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        content_type.starts_with("multipart/form-data"),
        "{content_type}"
    );
    let body = String::from_utf8_lossy(&request.body);
    assert!(
        body.contains("name=\"file\"; filename=\"cat.png\""),
        "{body}"
    );
    assert!(body.contains("PNGDATA"), "{body}");
    assert!(body.contains("name=\"name\"\r\n\r\ncat\r\n"), "{body}");
    assert!(
        body.contains("name=\"isSensitive\"\r\n\r\ntrue\r\n"),
        "{body}"
    );
    assert!(body.contains("name=\"i\"\r\n\r\nT\r\n"), "{body}");
}

#[test]
fn notes_decode_with_renotes_files_polls_reactions_and_unknowns() {
    let mut renoted = note("inner", "original");
    renoted["renote"] = note("innermost", "deep");
    let mut outer = note("outer", "quote");
    outer["renote"] = renoted;
    outer["renoteId"] = json!("inner");
    outer["visibility"] = json!("a-visibility-from-the-future");
    outer["someFieldAddedLater"] = json!({"x": 1});
    outer["poll"] = json!({"multiple": false, "expiresAt": null, "choices": [
        {"text": "yes", "votes": 3, "isVoted": true}, {"text": "no", "votes": 1, "isVoted": false}]});
    outer["files"] = json!([{
        "id": "f1", "createdAt": "2025-01-01T00:00:00.000Z", "name": "cat.png", "type": "image/png",
        "md5": "00", "size": 99, "isSensitive": false, "blurhash": null, "properties": {"width": 1, "height": 1},
        "url": "https://example.com/f1", "thumbnailUrl": null, "comment": null, "folderId": null, "folder": null,
        "userId": null, "user": null,
    }]);
    outer["fileIds"] = json!(["f1"]);

    let note: models::Note = serde_json::from_value(outer).unwrap();
    let inner = note.renote.as_ref().expect("renote");
    assert_eq!(inner.id, "inner");
    assert_eq!(inner.renote.as_ref().unwrap().text.as_deref(), Some("deep"));
    assert_eq!(
        note.visibility.as_str(),
        "a-visibility-from-the-future",
        "unknown values are kept"
    );
    let poll = note.poll.as_ref().unwrap();
    assert_eq!(poll.choices[0].votes, 3.0);
    assert_eq!(note.files.as_ref().unwrap()[0].name, "cat.png");
    assert_eq!(note.reactions["👍"], 2.0);
    assert!(note.cw.is_none());
}

#[test]
fn a_missing_required_field_is_an_error_naming_it() {
    let mut broken = note("n", "t");
    broken.as_object_mut().unwrap().remove("user");
    let err = serde_json::from_value::<models::Note>(broken)
        .unwrap_err()
        .to_string();
    assert!(err.contains("missing field `user`"), "{err}");
}

#[test]
fn notifications_of_unknown_type_or_shape_are_kept_as_json() {
    let page: Vec<models::Notification> = serde_json::from_value(json!([
        {"id": "1", "createdAt": "2025-01-01T00:00:00.000Z", "type": "follow", "userId": "u1", "user": user_lite("u1", "bob")},
        {"id": "2", "createdAt": "2025-01-01T00:00:00.000Z", "type": "aBrandNewKind", "whatever": true},
        {"id": "3", "createdAt": "2025-01-01T00:00:00.000Z", "type": "pollEnded", "note": note("n9", "poll")},
        {"id": "4", "createdAt": "2025-01-01T00:00:00.000Z", "type": "mention"},
    ]))
    .unwrap();
    assert!(matches!(&page[0], models::Notification::Follow(f) if f.user.username == "bob"));
    assert!(matches!(&page[1], models::Notification::Unknown(v) if v["type"] == "aBrandNewKind"));
    // The server sends pollEnded without a user although the spec requires one.
    assert!(
        matches!(&page[2], models::Notification::PollEnded(p) if p.note.id == "n9" && p.user.is_none())
    );
    // A known type whose body does not fit stays reachable instead of failing the page.
    assert!(matches!(&page[3], models::Notification::Unknown(v) if v["id"] == "4"));
}

#[test]
fn a_merged_user_keeps_the_fields_only_the_own_user_has() {
    let spec = spec();
    let me_only: Vec<&str> = spec["components"]["schemas"]["MeDetailedOnly"]["properties"]
        .as_object()
        .map(|p| p.keys().map(String::as_str).collect())
        .unwrap_or_default();
    assert!(
        me_only.contains(&"isModerator"),
        "the spec has MeDetailedOnly.isModerator"
    );
    let corpus = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/misskeyio-2025.4.1/i.json"
    );
    let Ok(text) = std::fs::read_to_string(corpus) else {
        eprintln!("no corpus at {corpus}; skipping");
        return;
    };
    let own: Value = serde_json::from_str::<Value>(&text).unwrap()["response"].clone();
    let user: models::UserDetailed = serde_json::from_value(own.clone()).unwrap();
    assert_eq!(user.is_moderator, own["isModerator"].as_bool());
    assert_eq!(user.two_factor_enabled, own["twoFactorEnabled"].as_bool());
    assert_eq!(user.username, own["username"].as_str().unwrap());
}

#[test]
fn nested_request_shapes_have_constructors_and_setters() {
    let poll = notes::create::RequestPoll::new(vec!["yes".to_owned(), "no".to_owned()])
        .multiple(true)
        .expires_at_null();
    assert_eq!(
        serde_json::to_value(&poll).unwrap(),
        json!({"choices": ["yes", "no"], "multiple": true, "expiresAt": null})
    );
}

#[test]
fn request_types_serialize_only_what_was_set() {
    let mut request = i::update::Request::new();
    request.description = Some(None);
    request.name = Some(Some("x".into()));
    assert_eq!(
        serde_json::to_value(&request).unwrap(),
        json!({"description": null, "name": "x"})
    );
}

#[test]
fn passwords_and_secrets_print_as_stars_in_debug() {
    let client = Client::new("https://misskey.example").unwrap();
    let builder = client
        .i_change_password()
        .current_password("OLD-PASSWORD-1")
        .new_password("NEW-PASSWORD-2");
    let shown = format!("{builder:?}");
    assert!(shown.contains("current_password"), "{shown}");
    assert!(
        !shown.contains("OLD-PASSWORD-1") && !shown.contains("NEW-PASSWORD-2"),
        "{shown}"
    );
    // What `admin/reset-password` answers is the new password.
    let answer: misskey_client::endpoints::admin::reset_password::Response =
        serde_json::from_value(json!({"password": "FRESH-PASSWORD-3"})).unwrap();
    assert!(!format!("{answer:?}").contains("FRESH-PASSWORD-3"));
    assert_eq!(answer.password, "FRESH-PASSWORD-3");
}
