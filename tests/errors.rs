//! Every error shape, over real HTTP and through `decode_response`, and the captured error
//! responses of a real server mapped to the right variant and code.

mod common;

use std::path::Path;
use std::time::Duration;

use common::*;
use misskey_client::{decode_response, decode_response_value, Client, Error, ErrorKind};
use serde_json::{json, Value};
use wiremock::matchers::path;
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn answer(template: ResponseTemplate) -> Error {
    let server = MockServer::start().await;
    Mock::given(path("/api/notes/show"))
        .respond_with(template)
        .mount(&server)
        .await;
    Client::new(server.uri())
        .unwrap()
        .call(&ShowNote {
            note_id: "x".into(),
        })
        .await
        .unwrap_err()
}

#[tokio::test]
async fn misskey_error_shape() {
    let err = answer(ResponseTemplate::new(400).set_body_json(json!({"error": {
        "message": "No such note.", "code": "NO_SUCH_NOTE",
        "id": "24fcbfc6-2e37-42b6-8388-c29b3861a08d", "kind": "client"}})))
    .await;
    // The one-line matches.
    assert_eq!(err.code(), Some("NO_SUCH_NOTE"));
    assert_eq!(
        err.endpoint_code::<ShowNote>(),
        Some(ShowNoteError::NoSuchNote)
    );
    assert_eq!(err.status(), Some(400));
    assert_eq!(err.id(), Some("24fcbfc6-2e37-42b6-8388-c29b3861a08d"));
    assert_eq!(err.endpoint(), Some("notes/show"));
    let Error::Api(api) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(api.message, "No such note.");
    assert_eq!(api.kind, Some(ErrorKind::Client));
    assert_eq!(api.info, None);
    assert_eq!(
        err.to_string(),
        "notes/show: NO_SUCH_NOTE: No such note. (HTTP 400, id 24fcbfc6-2e37-42b6-8388-c29b3861a08d)"
    );
}

#[tokio::test]
async fn misskey_error_with_info_and_permission_kind() {
    let err = answer(ResponseTemplate::new(400).set_body_json(json!({"error": {
        "message": "Invalid param.", "code": "INVALID_PARAM", "id": "3d81ceae",
        "kind": "client", "info": {"param": "#/properties/visibility/enum",
        "reason": "must be equal to one of the allowed values"}}})))
    .await;
    let api = err.api_error().unwrap();
    assert_eq!(
        api.info.as_ref().unwrap()["param"],
        "#/properties/visibility/enum"
    );
    assert_eq!(
        err.endpoint_code::<ShowNote>(),
        Some(ShowNoteError::Unknown("INVALID_PARAM".into()))
    );

    let err = answer(ResponseTemplate::new(403).set_body_json(json!({"error": {
        "message": "Your app does not have the necessary permissions to use this endpoint.",
        "code": "PERMISSION_DENIED", "id": "1370e5b7", "kind": "permission"}})))
    .await;
    assert_eq!(err.api_error().unwrap().kind, Some(ErrorKind::Permission));
    assert_eq!(err.status(), Some(403));
}

#[tokio::test]
async fn framework_error_shape() {
    let err = answer(ResponseTemplate::new(404).set_body_json(json!({
        "message": "Route POST:/api/notes/show not found", "error": "Not Found",
        "statusCode": 404})))
    .await;
    let Error::Framework(f) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(f.status, 404);
    assert_eq!(f.error.as_deref(), Some("Not Found"));
    assert_eq!(f.message, "Route POST:/api/notes/show not found");
    assert_eq!(err.code(), None);

    let err = answer(ResponseTemplate::new(400).set_body_json(json!({
        "statusCode": 400, "code": "FST_ERR_CTP_INVALID_JSON_BODY", "error": "Bad Request",
        "message": "Body is not valid JSON but content-type is set to 'application/json'"})))
    .await;
    assert!(matches!(err, Error::Framework(_)), "{err:?}");
    assert_eq!(err.code(), Some("FST_ERR_CTP_INVALID_JSON_BODY"));
    assert_eq!(err.status(), Some(400));
}

#[tokio::test]
async fn rate_limited_with_retry_after_and_reset() {
    let now_ms = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_millis() as u64;
    let err = answer(
        ResponseTemplate::new(429)
            .insert_header("retry-after", "60")
            .set_body_json(json!({"error": {
                "message": "Rate limit exceeded. Please try again later.",
                "code": "RATE_LIMIT_EXCEEDED", "id": "d5826d14-3982-4d2e-8011-b9e9f02499ef",
                "kind": "client", "info": {"remaining": 0, "reset": (now_ms + 45_000) / 1000,
                "resetMs": now_ms + 45_000, "total": 1}}})),
    )
    .await;
    let Error::RateLimited(rl) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(rl.retry_after, Some(Duration::from_secs(60)));
    let reset = rl.reset.unwrap();
    assert!(
        reset > Duration::from_secs(40) && reset <= Duration::from_secs(45),
        "{reset:?}"
    );
    assert_eq!(err.code(), Some("RATE_LIMIT_EXCEEDED"));
    assert_eq!(err.status(), Some(429));
    assert_eq!(err.retry_after(), Some(Duration::from_secs(60)));
    assert!(err.is_transient());

    // Upstream's relative resetMs, and no Retry-After.
    let err = answer(ResponseTemplate::new(429).set_body_json(json!({"error": {
        "message": "Rate limit exceeded.", "code": "RATE_LIMIT_EXCEEDED", "id": "d582",
        "kind": "client", "info": {"resetMs": 2500}}})))
    .await;
    assert_eq!(err.retry_after(), Some(Duration::from_millis(2500)));
}

#[tokio::test]
async fn html_from_a_proxy() {
    let page = format!(
        "<html><head><title>502 Bad Gateway</title></head><body>{}</body></html>",
        "nginx ".repeat(200)
    );
    let err = answer(
        ResponseTemplate::new(502)
            .insert_header("content-type", "text/html")
            .insert_header("retry-after", "5")
            .set_body_raw(page, "text/html"),
    )
    .await;
    let Error::UnexpectedBody(u) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(u.status, 502);
    assert_eq!(u.content_type.as_deref(), Some("text/html"));
    assert!(
        u.excerpt.starts_with("<html><head><title>502"),
        "{}",
        u.excerpt
    );
    assert!(u.excerpt.chars().count() <= 201, "excerpt too long");
    assert!(err.is_transient());
    assert_eq!(err.code(), None);
    assert_eq!(err.retry_after(), Some(Duration::from_secs(5)));
}

#[tokio::test]
async fn html_with_200_is_not_decoded_as_json() {
    let err =
        answer(ResponseTemplate::new(200).set_body_raw("<html>captive portal</html>", "text/html"))
            .await;
    assert!(matches!(err, Error::UnexpectedBody(_)), "{err:?}");
    assert_eq!(err.status(), Some(200));
}

#[tokio::test]
async fn empty_error_bodies() {
    // GET on a POST-only endpoint is 405 with nothing; a proxy's 504 may be empty too.
    for status in [405, 504] {
        let err = answer(ResponseTemplate::new(status)).await;
        let Error::UnexpectedBody(u) = &err else {
            panic!("{err:?}")
        };
        assert_eq!(u.status, status);
        assert_eq!(u.excerpt, "");
        assert!(err.to_string().contains("<empty body>"), "{err}");
    }
}

#[tokio::test]
async fn truncated_and_mistyped_bodies_name_the_path() {
    let err = answer(
        ResponseTemplate::new(200).set_body_raw(r#"{"id": "n1", "text": "hel"#, "application/json"),
    )
    .await;
    let Error::Decode {
        endpoint, excerpt, ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(endpoint, "notes/show");
    assert!(excerpt.contains(r#""text": "hel"#), "{excerpt}");

    let err = answer(ResponseTemplate::new(200).set_body_json(json!({
        "id": "n1", "text": null, "user": {"id": "u1", "username": 42}})))
    .await;
    let Error::Decode {
        path,
        excerpt,
        source,
        ..
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(path, "user.username");
    assert!(source.to_string().contains("invalid type"), "{source}");
    assert!(excerpt.contains("42"), "{excerpt}");
    assert!(err.to_string().contains("user.username"), "{err}");

    let err = answer(ResponseTemplate::new(200).set_body_json(json!({"text": "no id"}))).await;
    let Error::Decode { source, .. } = &err else {
        panic!("{err:?}")
    };
    assert!(
        source.to_string().contains("missing field `id`"),
        "{source}"
    );
}

#[test]
fn decode_response_matches_the_client() {
    let note = decode_response::<ShowNote>(
        200,
        &[("content-type", "application/json")],
        br#"{"id": "n1", "text": "t", "unknownField": true}"#,
    )
    .unwrap();
    assert_eq!(note.id, "n1");
    assert_eq!(decode_response::<DeleteNote>(204, &[], b"").unwrap(), ());
    let err = decode_response::<Timeline>(200, &[], br#"[{"id": "a"}, {"id": 1}]"#).unwrap_err();
    let Error::Decode { path, endpoint, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(endpoint, "notes/timeline");
    assert_eq!(path, "[1].id");
    let err = decode_response::<ShowNote>(
        429,
        &[("Retry-After", "7")],
        br#"{"error":{"message":"m","code":"RATE_LIMIT_EXCEEDED","id":"d"}}"#,
    )
    .unwrap_err();
    assert_eq!(err.retry_after(), Some(Duration::from_secs(7)));
}

#[tokio::test]
async fn captured_error_corpus() {
    let dir = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpus/misskeyio-2025.4.1/errors"
    ));
    let Some(files) = json_files(dir) else {
        return;
    };
    assert!(!files.is_empty(), "no files in {}", dir.display());

    let server = MockServer::start().await;
    let client = Client::builder(server.uri()).token(TOKEN).build().unwrap();
    let mut checked = 0;
    for file in &files {
        let name = file.file_name().unwrap().to_string_lossy();
        let case: Value = serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap();
        let endpoint = case["endpoint"].as_str().unwrap();
        let status = case["status"].as_u64().unwrap() as u16;
        let response = &case["response"];
        let body = if response.is_null() {
            Vec::new()
        } else {
            serde_json::to_vec(response).unwrap()
        };
        let headers: Vec<(String, String)> = case["headers"]
            .as_object()
            .map(|h| {
                h.iter()
                    .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_owned()))
                    .collect()
            })
            .unwrap_or_default();
        let header_refs: Vec<(&str, &str)> = headers
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let (want_variant, want_code) = expected_error(status, response);

        // Decoded from the capture, as the corpus tests will.
        let err = decode_response_value(endpoint, status, &header_refs, &body).unwrap_err();
        assert_eq!(variant(&err), want_variant, "{name}: {err:?}");
        assert_eq!(err.code().map(str::to_owned), want_code, "{name}: {err:?}");
        assert_eq!(err.status(), Some(status), "{name}");
        assert_eq!(err.endpoint(), Some(endpoint), "{name}");
        if let Some(retry) = header("retry-after", &headers) {
            let secs: u64 = retry.parse().unwrap();
            assert_eq!(err.retry_after(), Some(Duration::from_secs(secs)), "{name}");
        }
        if let Some(id) = response["error"]["id"].as_str() {
            assert_eq!(err.id(), Some(id), "{name}");
        }
        if let Some(kind) = response["error"]["kind"].as_str() {
            let api = err.api_error().unwrap();
            assert_eq!(api.kind.as_ref().unwrap().as_str(), kind, "{name}");
            assert_eq!(
                api.message,
                response["error"]["message"].as_str().unwrap(),
                "{name}"
            );
            assert_eq!(api.info.as_ref(), response["error"].get("info"), "{name}");
        }

        // And the same answer over real HTTP.
        server.reset().await;
        let mut template = ResponseTemplate::new(status);
        for (k, v) in &headers {
            template = template.insert_header(k.as_str(), v.as_str());
        }
        if !body.is_empty() {
            template = template.set_body_raw(
                body.clone(),
                header("content-type", &headers).unwrap_or("application/json"),
            );
        }
        Mock::given(path(format!("/api/{endpoint}")))
            .respond_with(template)
            .mount(&server)
            .await;
        let live = client.call_raw(endpoint, json!({})).await.unwrap_err();
        assert_eq!(variant(&live), want_variant, "{name} (live): {live:?}");
        assert_eq!(live.code(), err.code(), "{name} (live)");
        assert_eq!(live.status(), err.status(), "{name} (live)");
        assert_eq!(
            live.retry_after().is_some(),
            err.retry_after().is_some(),
            "{name} (live)"
        );
        checked += 1;
    }
    eprintln!("checked {checked} captured error responses");
    assert_eq!(checked, files.len());
}

fn header<'a>(name: &str, headers: &'a [(String, String)]) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}
