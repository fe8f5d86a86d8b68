//! Knowing the connected server at run time (issue 23): `Client::server` asks `meta` and
//! `endpoints` once, `supports` answers from that, and a call to an endpoint the server does
//! not list fails before anything is sent.

use misskey_client::{Client, Error};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A server of `version` that lists `endpoints`, and answers any call with `{}`.
async fn server_of(version: &str, endpoints: &[&str]) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/meta"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "name": "test server", "version": version, "uri": server.uri()})))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/endpoints"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!(endpoints)))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
        .mount(&server)
        .await;
    server
}

async fn paths(server: &MockServer) -> Vec<String> {
    let requests = server.received_requests().await.unwrap();
    requests.iter().map(|r| r.url.path().to_owned()).collect()
}

#[tokio::test]
async fn the_server_says_its_version_and_endpoints_once_and_supports_reads_them() {
    let old = server_of("13.11.3", &["notes/create", "meta", "endpoints"]).await;
    let new = server_of(
        "2025.2.2",
        &["notes/create", "notes/edit", "meta", "endpoints"],
    )
    .await;
    for (server, version, edits) in [(&old, "13.11.3", false), (&new, "2025.2.2", true)] {
        let client = Client::builder(server.uri()).token("T").build().unwrap();
        assert_eq!(
            client.supports("notes/edit"),
            None,
            "nothing is known, nothing fetched"
        );
        assert!(paths(server).await.is_empty());
        let known = client.server().await.unwrap();
        assert_eq!(known.version, version);
        assert_eq!(known.name.as_deref(), Some("test server"));
        assert_eq!(client.supports("notes/edit"), Some(edits));
        assert_eq!(client.supports("notes/create"), Some(true));
        // An endpoint with a path parameter is never in a server's list.
        assert_eq!(client.supports("miauth/{session}/check"), Some(true));
        // Cached: asked once, for this client and its clones.
        client.clone().server().await.unwrap();
        assert_eq!(paths(server).await, ["/api/meta", "/api/endpoints"]);
    }
}

#[tokio::test]
async fn a_call_the_server_does_not_list_fails_before_anything_is_sent() {
    let server = server_of("13.11.3", &["meta", "endpoints", "notes/show"]).await;
    let client = Client::builder(server.uri()).token("T").build().unwrap();
    client.server().await.unwrap();
    let err = client.notes_create().text("hi").await.unwrap_err();
    match &err {
        Error::Unsupported {
            endpoint,
            server_version,
        } => {
            assert_eq!(endpoint, "notes/create");
            assert_eq!(server_version, "13.11.3");
        }
        other => panic!("{other:?}"),
    }
    assert!(err.to_string().contains("nothing was sent"), "{err}");
    let err = client.call_raw("notes/edit", json!({})).await.unwrap_err();
    assert!(matches!(err, Error::Unsupported { .. }), "{err:?}");
    assert_eq!(paths(&server).await, ["/api/meta", "/api/endpoints"]);
    assert_eq!(
        client.supports_endpoint::<misskey_client::endpoints::notes::create::Request>(),
        Some(false)
    );
}

#[tokio::test]
async fn with_the_switch_on_the_first_call_asks_first_and_off_nothing_extra_is_sent() {
    let server = server_of("13.11.3", &["meta", "endpoints", "notes/show"]).await;
    let checking = Client::builder(server.uri())
        .token("T")
        .check_support(true)
        .build()
        .unwrap();
    let err = checking.notes_create().text("hi").await.unwrap_err();
    assert!(matches!(err, Error::Unsupported { .. }), "{err:?}");
    assert_eq!(paths(&server).await, ["/api/meta", "/api/endpoints"]);

    let server = server_of("13.11.3", &["meta", "endpoints", "notes/show"]).await;
    let plain = Client::builder(server.uri()).token("T").build().unwrap();
    let _ = plain.notes_create().text("hi").await;
    assert_eq!(
        paths(&server).await,
        ["/api/notes/create"],
        "no extra request"
    );
}
