//! An endpoint whose path has a parameter is sent to its filled-in path.

use std::borrow::Cow;

use misskey_client::{Client, Endpoint};
use serde::Serialize;
use serde_json::{json, Value};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[derive(Debug, Serialize)]
struct Check {
    #[serde(skip)]
    session: String,
}

impl Endpoint for Check {
    type Response = Value;
    type ErrorCode = misskey_client::endpoints::ping::ErrorCode;
    const NAME: &'static str = "miauth/{session}/check";
    const REQUIRES_CREDENTIAL: bool = false;
    const PERMISSION: Option<&'static str> = None;

    fn path(&self) -> Cow<'static, str> {
        Cow::Owned(format!(
            "miauth/{}/check",
            misskey_client::__private::path_segment(&self.session)
        ))
    }
}

#[tokio::test]
async fn the_request_goes_to_the_filled_in_path_and_the_parameter_stays_out_of_the_body() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/miauth/a%2Fb/check"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"ok": false})))
        .mount(&server)
        .await;
    let client = Client::new(server.uri()).unwrap();
    let answer = client
        .call(&Check {
            session: "a/b".into(),
        })
        .await
        .unwrap();
    assert_eq!(answer, json!({"ok": false}));
    let requests = server.received_requests().await.unwrap();
    assert_eq!(
        serde_json::from_slice::<Value>(&requests[0].body).unwrap(),
        json!({})
    );
}
