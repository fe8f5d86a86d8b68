//! Real answers decode on servers that leave out fields their own spec requires (issue 24;
//! the table and its evidence are in `codegen/src/overrides.rs`), and a call whose spec
//! declares no answer body succeeds whatever body the server sends.
//!
//! The answers are the corpus's, captured from a real server, changed the way the servers'
//! code shows other servers send them.

use misskey_client::{decode_response, endpoints, Client};
use serde_json::Value;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/corpus/misskeyio-2025.4.1"
);
const SPEC: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/specs/misskeyio-2025.4.1-mhq.13.json"
);
const JSON: &[(&str, &str)] = &[("content-type", "application/json")];

/// The captured answer of `file`.
fn answer(file: &str) -> Value {
    let text = std::fs::read_to_string(format!("{CORPUS}/{file}")).expect("../shared/corpus");
    let capture: Value = serde_json::from_str(&text).unwrap();
    capture["response"].clone()
}

fn body(value: &Value) -> Vec<u8> {
    serde_json::to_vec(value).unwrap()
}

#[test]
fn meta_decodes_on_a_server_whose_base_policies_were_never_saved() {
    let mut meta = full_meta();
    // As captured, both flags are there and decode as such.
    let full = decode_response::<endpoints::meta::Request>(200, JSON, &body(&meta)).unwrap();
    let full = full.features.expect("a detailed answer has features");
    assert_eq!(full.local_timeline, Some(true));
    // A default-configured server sends neither.
    let sent = meta["features"].as_object_mut().unwrap();
    sent.remove("localTimeline").unwrap();
    sent.remove("globalTimeline").unwrap();
    let decoded = decode_response::<endpoints::meta::Request>(200, JSON, &body(&meta))
        .unwrap_or_else(|e| panic!("{e}"));
    let features = decoded
        .features
        .expect("the other features are still there");
    assert_eq!(features.local_timeline, None);
    assert_eq!(features.global_timeline, None);
    assert_eq!(features.miauth, full.miauth);
}

fn full_meta() -> Value {
    answer("meta.json")
}

#[test]
fn meta_decodes_with_detail_false() {
    // `detail: false` answers the lite form: none of the detailed-only fields.
    let spec: Value = serde_json::from_str(&std::fs::read_to_string(SPEC).unwrap()).unwrap();
    let detailed_only = spec["components"]["schemas"]["MetaDetailedOnly"]["properties"]
        .as_object()
        .unwrap();
    let mut meta = full_meta();
    let sent = meta.as_object_mut().unwrap();
    let before = sent.len();
    sent.retain(|key, _| !detailed_only.contains_key(key));
    assert!(sent.len() < before && sent.contains_key("name"));
    let decoded = decode_response::<endpoints::meta::Request>(200, JSON, &body(&meta))
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(decoded.features.is_none());
    assert_eq!(decoded.name.as_deref(), meta["name"].as_str());
}

#[test]
fn i_decodes_when_unread_announcements_come_as_stored_rows() {
    // Upstream 2023.12 to 2025.2, Sharkey and tempura send a user's unread announcements as
    // stored, without `forYou`.
    for file in ["i.json", "i__2.json"] {
        let mut me = answer(file);
        let announcements = me["unreadAnnouncements"].as_array_mut().unwrap();
        assert!(
            !announcements.is_empty(),
            "{file}: no announcement to strip"
        );
        for announcement in announcements.iter_mut() {
            announcement
                .as_object_mut()
                .unwrap()
                .remove("forYou")
                .unwrap();
        }
        let decoded = decode_response::<endpoints::i::Request>(200, JSON, &body(&me))
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(decoded
            .unread_announcements
            .iter()
            .all(|a| a.for_you.is_none()));
        assert_eq!(
            decoded.unread_announcements[0].id.as_str(),
            me["unreadAnnouncements"][0]["id"].as_str().unwrap()
        );
    }
}

#[test]
fn a_field_no_row_covers_fails_with_the_model_the_field_and_what_to_do() {
    let mut meta = full_meta();
    meta.as_object_mut().unwrap().remove("name").unwrap();
    meta.as_object_mut().unwrap().remove("uri").unwrap();
    let err = decode_response::<endpoints::meta::Request>(200, JSON, &body(&meta)).unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains("missing field `uri` of `Response`"),
        "{message}"
    );
    assert!(
        message.contains("leave out a field their own spec requires"),
        "{message}"
    );
    assert!(message.contains("call_raw"), "{message}");
    // Other decode failures are not told they may be a server's habit.
    let mut wrong = full_meta();
    wrong["uri"] = Value::from(12);
    let err = decode_response::<endpoints::meta::Request>(200, JSON, &body(&wrong)).unwrap_err();
    assert!(!err.to_string().contains("call_raw"), "{err}");
}

#[test]
fn a_captured_answer_with_a_body_nobody_declared_decodes() {
    // `notes/delete` declares `204` and no body; a server that sends one has still done it.
    for sent in [&b"{}"[..], br#"{"ok":true,"jobs":[1,2]}"#, b"[]", b"true"] {
        decode_response::<endpoints::notes::delete::Request>(200, JSON, sent)
            .unwrap_or_else(|e| panic!("{}: {e}", String::from_utf8_lossy(sent)));
    }
    // An error is still an error.
    let err = decode_response::<endpoints::notes::delete::Request>(
        400,
        JSON,
        br#"{"error":{"message":"No such note.","code":"NO_SUCH_NOTE","id":"x","kind":"client"}}"#,
    )
    .unwrap_err();
    assert_eq!(err.code(), Some("NO_SUCH_NOTE"));
}

#[tokio::test]
async fn a_call_declared_without_a_body_succeeds_when_the_server_sends_one() {
    let server = MockServer::start().await;
    let sent = serde_json::json!({"publicKey": "BPx", "privateKey": "secret-key"});
    Mock::given(method("POST"))
        .and(path("/api/notes/delete"))
        .respond_with(ResponseTemplate::new(200).set_body_json(&sent))
        .mount(&server)
        .await;
    let client = Client::builder(server.uri()).token("T").build().unwrap();
    client
        .notes_delete()
        .note_id("9xyz0000ab")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        client
            .notes_delete()
            .note_id("9xyz0000ab")
            .send_optional()
            .await
            .unwrap(),
        Some(())
    );
    // The body is still there for whoever wants it.
    let raw = client
        .call_raw("notes/delete", serde_json::json!({"noteId": "9xyz0000ab"}))
        .await
        .unwrap();
    assert_eq!(raw, sent);
}
