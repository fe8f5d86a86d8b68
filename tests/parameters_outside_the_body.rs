//! What a fork's spec may declare besides a JSON body: query and header parameters, and
//! paths that answer only `GET`. Endpoints written by hand here, as the generator writes
//! them (see `codegen/tests/accepted_specs_compile.rs` for the generated ones compiling).

use misskey_client::{AuthMode, Client, Endpoint};
use serde::Serialize;
use serde_json::{json, Value};
use wiremock::matchers::{body_json, header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[derive(Debug, Serialize)]
struct Search {
    text: String,
    #[serde(skip)]
    lang: String,
    #[serde(skip)]
    trace: Option<String>,
}

impl Endpoint for Search {
    type Response = Value;
    type ErrorCode = misskey_client::endpoints::ping::ErrorCode;
    const NAME: &'static str = "fork/search";
    const REQUIRES_CREDENTIAL: bool = true;
    const PERMISSION: Option<&'static str> = None;

    fn query(&self) -> Vec<(&'static str, String)> {
        vec![("lang", self.lang.clone())]
    }

    fn headers(&self) -> Vec<(&'static str, String)> {
        self.trace.iter().map(|t| ("X-Trace", t.clone())).collect()
    }
}

#[tokio::test]
async fn query_and_header_parameters_travel_outside_the_json_body() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/fork/search"))
        .and(query_param("lang", "ja & en"))
        .and(header("x-trace", "t-1"))
        .and(body_json(json!({"text": "hi", "i": "TOKEN"})))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([1])))
        .expect(1)
        .mount(&server)
        .await;
    let client = Client::builder(server.uri())
        .token("TOKEN")
        .build()
        .unwrap();
    let answer = client
        .call(&Search {
            text: "hi".into(),
            lang: "ja & en".into(),
            trace: Some("t-1".into()),
        })
        .await
        .unwrap();
    assert_eq!(answer, json!([1]));
}

#[derive(Debug, Serialize)]
struct Lookup {
    q: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    n: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    exact: Option<bool>,
}

impl Endpoint for Lookup {
    type Response = Value;
    type ErrorCode = misskey_client::endpoints::ping::ErrorCode;
    const NAME: &'static str = "fork/lookup";
    const REQUIRES_CREDENTIAL: bool = true;
    const PERMISSION: Option<&'static str> = None;
    const HTTP_GET: bool = true;
}

#[tokio::test]
async fn a_get_only_endpoint_is_called_with_get_and_the_token_never_in_the_url() {
    for mode in [AuthMode::Body, AuthMode::Bearer] {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/api/fork/lookup"))
            .and(query_param("q", "a b"))
            .and(query_param("n", "3"))
            .and(header("authorization", "Bearer TOKEN"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({"found": true})))
            .expect(1)
            .mount(&server)
            .await;
        let client = Client::builder(server.uri())
            .token("TOKEN")
            .auth_mode(mode)
            .build()
            .unwrap();
        let answer = client
            .call(&Lookup {
                q: "a b".into(),
                n: Some(3),
                exact: None,
            })
            .await
            .unwrap();
        assert_eq!(answer, json!({"found": true}));
        let requests = server.received_requests().await.unwrap();
        let url = requests[0].url.to_string();
        assert!(!url.contains("TOKEN"), "{url}");
        assert!(!url.contains("exact"), "{url}");
        assert!(requests[0].body.is_empty());
    }
}
