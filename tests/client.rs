//! The client against a mock server on loopback: auth modes, base URLs, status mapping,
//! timeouts, redirects, retries, token secrecy and tracing.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::*;
use misskey_client::{AuthMode, Client, Error, RetryPolicy};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

fn note_json(id: &str) -> serde_json::Value {
    json!({"id": id, "text": "hello", "user": {"id": "u1", "username": "alice"}, "extra": [1, 2]})
}

async fn mock_ok(server: &MockServer, name: &str, body: serde_json::Value) {
    Mock::given(method("POST"))
        .and(path(format!("/api/{name}")))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(server)
        .await;
}

#[tokio::test]
async fn token_in_body_by_default() {
    let server = MockServer::start().await;
    mock_ok(&server, "notes/show", note_json("n1")).await;
    let client = Client::builder(server.uri()).token(TOKEN).build().unwrap();
    let note = client
        .call(&ShowNote {
            note_id: "n1".into(),
        })
        .await
        .unwrap();
    assert_eq!(note.id, "n1");
    assert_eq!(note.user.unwrap().username, "alice");

    let reqs = server.received_requests().await.unwrap();
    assert_eq!(reqs.len(), 1);
    let req = &reqs[0];
    assert_eq!(req.method.as_str(), "POST");
    assert_eq!(req.url.path(), "/api/notes/show");
    assert_eq!(header(req, "content-type"), Some("application/json"));
    assert_eq!(header(req, "authorization"), None);
    assert_eq!(json_body(req), json!({"noteId": "n1", "i": TOKEN}));
}

#[tokio::test]
async fn token_in_bearer_header() {
    let server = MockServer::start().await;
    mock_ok(&server, "notes/show", note_json("n1")).await;
    let client = Client::builder(server.uri())
        .token(TOKEN)
        .auth_mode(AuthMode::Bearer)
        .build()
        .unwrap();
    client
        .call(&ShowNote {
            note_id: "n1".into(),
        })
        .await
        .unwrap();
    let req = &server.received_requests().await.unwrap()[0];
    assert_eq!(
        header(req, "authorization"),
        Some(format!("Bearer {TOKEN}").as_str())
    );
    let body = json_body(req);
    assert_eq!(body, json!({"noteId": "n1"}), "no `i` in bearer mode");
}

#[tokio::test]
async fn no_token_no_i() {
    let server = MockServer::start().await;
    mock_ok(&server, "notes/show", note_json("n1")).await;
    let client = Client::new(server.uri()).unwrap();
    client
        .call(&ShowNote {
            note_id: "n1".into(),
        })
        .await
        .unwrap();
    let req = &server.received_requests().await.unwrap()[0];
    assert_eq!(json_body(req), json!({"noteId": "n1"}));
    assert_eq!(header(req, "authorization"), None);
}

#[tokio::test]
async fn base_url_forms_all_reach_api() {
    let server = MockServer::start().await;
    mock_ok(&server, "notes/show", note_json("n1")).await;
    let uri = server.uri(); // http://127.0.0.1:PORT
    let forms = [
        uri.clone(),
        format!("{uri}/"),
        format!("{uri}/api"),
        format!("{uri}/api/"),
    ];
    for form in &forms {
        let client = Client::new(form).unwrap();
        assert_eq!(client.base_url().as_str(), format!("{uri}/"), "{form}");
        client
            .call(&ShowNote {
                note_id: "n1".into(),
            })
            .await
            .unwrap_or_else(|e| panic!("{form}: {e}"));
    }
    let reqs = server.received_requests().await.unwrap();
    assert_eq!(reqs.len(), forms.len());
    assert!(reqs.iter().all(|r| r.url.path() == "/api/notes/show"));
}

#[test]
fn bare_host_means_https_and_bad_urls_fail_early() {
    let client = Client::new("misskey.example").unwrap();
    assert_eq!(client.base_url().as_str(), "https://misskey.example/");
    assert_eq!(
        client.endpoint_url("notes/create"),
        "https://misskey.example/api/notes/create"
    );
    for bad in ["", "ftp://misskey.example", "https://", "http://a b"] {
        let err = Client::new(bad).unwrap_err();
        assert!(
            matches!(err, Error::InvalidBaseUrl { .. }),
            "{bad:?}: {err:?}"
        );
        assert!(err.to_string().contains("invalid base URL"), "{err}");
    }
    let err = Client::builder("misskey.example")
        .user_agent("bad\nagent")
        .build()
        .unwrap_err();
    assert!(matches!(err, Error::Config { .. }), "{err:?}");
}

#[tokio::test]
async fn no_content_and_empty_bodies_decode_from_null() {
    let server = MockServer::start().await;
    Mock::given(path("/api/notes/delete"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    Mock::given(path("/api/i/registry/get"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    Mock::given(path("/api/empty-200"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    Mock::given(path("/api/notes/show"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    let client = Client::new(server.uri()).unwrap();
    let () = client
        .call(&DeleteNote {
            note_id: "n".into(),
        })
        .await
        .unwrap();
    let value = client.call(&RegistryGet { key: "k".into() }).await.unwrap();
    assert_eq!(value, None);
    assert_eq!(
        client.call_raw("i/registry/get", json!({})).await.unwrap(),
        serde_json::Value::Null
    );
    assert_eq!(
        client.call_raw("empty-200", json!(null)).await.unwrap(),
        serde_json::Value::Null
    );
    // An empty 200 where an object is expected is an error naming the way to accept it,
    // not a panic or a success.
    let err = client
        .call(&ShowNote {
            note_id: "n".into(),
        })
        .await
        .unwrap_err();
    match &err {
        Error::NoContent { endpoint } => assert_eq!(endpoint, "notes/show"),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn accepted_202_is_an_error() {
    let server = MockServer::start().await;
    Mock::given(path("/api/notes/show"))
        .respond_with(ResponseTemplate::new(202).set_body_json(json!({"error": {
            "message": "Processing.", "code": "PROCESSING", "id": "x-y", "kind": "server"}})))
        .mount(&server)
        .await;
    let client = Client::new(server.uri()).unwrap();
    let err = client
        .call(&ShowNote {
            note_id: "n".into(),
        })
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Api(_)), "{err:?}");
    assert_eq!(err.status(), Some(202));
    assert_eq!(err.code(), Some("PROCESSING"));
}

#[tokio::test]
async fn call_raw_sends_and_returns_json() {
    let server = MockServer::start().await;
    mock_ok(&server, "some/undeclared", json!({"whatever": [1, 2, 3]})).await;
    let client = Client::builder(server.uri()).token(TOKEN).build().unwrap();
    let value = client
        .call_raw("some/undeclared", json!({"a": 1}))
        .await
        .unwrap();
    assert_eq!(value, json!({"whatever": [1, 2, 3]}));
    let req = &server.received_requests().await.unwrap()[0];
    assert_eq!(json_body(req), json!({"a": 1, "i": TOKEN}));
    let err = client.call_raw("x", json!([1])).await.unwrap_err();
    assert!(matches!(err, Error::Encode { .. }), "{err:?}");
}

#[tokio::test]
async fn user_agent_default_and_custom() {
    let server = MockServer::start().await;
    mock_ok(&server, "notes/show", note_json("n1")).await;
    let req = ShowNote {
        note_id: "n1".into(),
    };
    Client::new(server.uri()).unwrap().call(&req).await.unwrap();
    Client::builder(server.uri())
        .user_agent("my-bot/1.0")
        .build()
        .unwrap()
        .call(&req)
        .await
        .unwrap();
    let reqs = server.received_requests().await.unwrap();
    assert!(header(&reqs[0], "user-agent")
        .unwrap()
        .starts_with("misskey-client/"));
    assert_eq!(header(&reqs[1], "user-agent"), Some("my-bot/1.0"));
}

#[tokio::test]
async fn own_reqwest_client_is_used() {
    let server = MockServer::start().await;
    mock_ok(&server, "notes/show", note_json("n1")).await;
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("x-mine", "yes".parse().unwrap());
    let http = reqwest::Client::builder()
        .default_headers(headers)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let client = Client::builder(server.uri())
        .http_client(http)
        .build()
        .unwrap();
    client
        .call(&ShowNote {
            note_id: "n1".into(),
        })
        .await
        .unwrap();
    let req = &server.received_requests().await.unwrap()[0];
    assert_eq!(header(req, "x-mine"), Some("yes"));
}

#[test]
fn client_is_cheap_clone_send_sync() {
    fn assert_traits<T: Clone + Send + Sync + 'static>() {}
    assert_traits::<Client>();
    fn assert_error<T: std::error::Error + Send + Sync + 'static>() {}
    assert_error::<Error>();
    // The futures a call returns can be spawned.
    fn assert_send<T: Send>(_: &T) {}
    let client = Client::new("http://127.0.0.1:9").unwrap();
    let req = ShowNote {
        note_id: "n".into(),
    };
    let fut = client.call(&req);
    assert_send(&fut);
}

#[tokio::test]
async fn a_server_that_never_answers_times_out() {
    let (uri, handle) = common::silent_server().await;
    let client = Client::builder(&uri)
        .token(TOKEN)
        .timeout(Duration::from_millis(300))
        .build()
        .unwrap();
    let started = Instant::now();
    let err = client
        .call(&ShowNote {
            note_id: "n".into(),
        })
        .await
        .unwrap_err();
    let elapsed = started.elapsed();
    handle.abort();
    match &err {
        Error::Timeout { endpoint, after } => {
            assert_eq!(endpoint, "notes/show");
            assert_eq!(*after, Some(Duration::from_millis(300)));
        }
        other => panic!("{other:?}"),
    }
    assert!(elapsed >= Duration::from_millis(300), "{elapsed:?}");
    assert!(elapsed < Duration::from_secs(5), "{elapsed:?}");
    assert!(!format!("{err} {err:?}").contains(TOKEN));
    // The default timeout is there and finite.
    assert_eq!(
        Client::new(&uri).unwrap().timeout(),
        Some(misskey_client::DEFAULT_TIMEOUT)
    );
}

#[tokio::test]
async fn redirects_to_another_origin_are_refused() {
    for mode in [AuthMode::Body, AuthMode::Bearer] {
        for status in [301, 302, 307, 308] {
            let evil = MockServer::start().await;
            Mock::given(wiremock::matchers::any())
                .respond_with(ResponseTemplate::new(200).set_body_json(note_json("stolen")))
                .mount(&evil)
                .await;
            let server = MockServer::start().await;
            Mock::given(path("/api/notes/show"))
                .respond_with(
                    ResponseTemplate::new(status)
                        .insert_header("location", format!("{}/api/notes/show", evil.uri())),
                )
                .mount(&server)
                .await;
            let client = Client::builder(server.uri())
                .token(TOKEN)
                .auth_mode(mode)
                .build()
                .unwrap();
            let err = client
                .call(&ShowNote {
                    note_id: "n".into(),
                })
                .await
                .unwrap_err();
            match &err {
                Error::Redirect {
                    status: s,
                    location,
                    ..
                } => {
                    assert_eq!(*s, status);
                    assert!(location.as_deref().unwrap().starts_with(&evil.uri()));
                }
                other => panic!("{mode:?} {status}: {other:?}"),
            }
            assert_eq!(
                evil.received_requests().await.unwrap().len(),
                0,
                "{mode:?} {status}: the other origin got a request"
            );
            assert_eq!(server.received_requests().await.unwrap().len(), 1);
        }
    }
}

#[tokio::test]
async fn retries_5xx_then_succeeds() {
    let server = MockServer::start().await;
    let count = Arc::new(AtomicUsize::new(0));
    let c = count.clone();
    Mock::given(path("/api/notes/show"))
        .respond_with(move |_: &Request| {
            if c.fetch_add(1, Ordering::SeqCst) < 2 {
                ResponseTemplate::new(503).set_body_string("<html>busy</html>")
            } else {
                ResponseTemplate::new(200).set_body_json(note_json("n1"))
            }
        })
        .mount(&server)
        .await;
    let client = Client::builder(server.uri())
        .retry(RetryPolicy::new(3).base_backoff(Duration::from_millis(10)))
        .build()
        .unwrap();
    let note = client
        .call(&ShowNote {
            note_id: "n".into(),
        })
        .await
        .unwrap();
    assert_eq!(note.id, "n1");
    assert_eq!(count.load(Ordering::SeqCst), 3);
}

#[tokio::test]
async fn no_retry_unless_asked_and_gives_up_after_max_attempts() {
    let server = MockServer::start().await;
    Mock::given(path("/api/notes/show"))
        .respond_with(ResponseTemplate::new(500).set_body_json(json!({"error": {
            "message": "Internal error", "code": "INTERNAL_ERROR", "id": "5d37", "kind": "server"}})))
        .mount(&server)
        .await;
    let req = ShowNote {
        note_id: "n".into(),
    };
    let err = Client::new(server.uri())
        .unwrap()
        .call(&req)
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some("INTERNAL_ERROR"));
    assert_eq!(server.received_requests().await.unwrap().len(), 1);

    let client = Client::builder(server.uri())
        .retry(RetryPolicy::new(2).base_backoff(Duration::from_millis(5)))
        .build()
        .unwrap();
    let err = client.call(&req).await.unwrap_err();
    assert_eq!(err.status(), Some(500));
    assert_eq!(server.received_requests().await.unwrap().len(), 3);

    // 4xx is not transient: never retried.
    let server = MockServer::start().await;
    Mock::given(path("/api/notes/show"))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({"error": {
            "message": "No such note.", "code": "NO_SUCH_NOTE", "id": "24fc", "kind": "client"}})))
        .mount(&server)
        .await;
    let client = Client::builder(server.uri())
        .retry(RetryPolicy::new(5).base_backoff(Duration::from_millis(5)))
        .build()
        .unwrap();
    assert!(client.call(&req).await.is_err());
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn retry_honours_retry_after() {
    let server = MockServer::start().await;
    let count = Arc::new(AtomicUsize::new(0));
    let c = count.clone();
    Mock::given(path("/api/notes/show"))
        .respond_with(move |_: &Request| {
            if c.fetch_add(1, Ordering::SeqCst) == 0 {
                ResponseTemplate::new(429)
                    .insert_header("retry-after", "1")
                    .set_body_json(json!({"error": {"message": "Rate limit exceeded.",
                        "code": "RATE_LIMIT_EXCEEDED", "id": "d582", "kind": "client",
                        "info": {"remaining": 0, "resetMs": 1000, "total": 1}}}))
            } else {
                ResponseTemplate::new(200).set_body_json(note_json("n1"))
            }
        })
        .mount(&server)
        .await;
    let client = Client::builder(server.uri())
        // The backoff alone would be a few ms: only Retry-After explains a 1 s wait.
        .retry(RetryPolicy::new(3).base_backoff(Duration::from_millis(1)))
        .build()
        .unwrap();
    let started = Instant::now();
    client
        .call(&ShowNote {
            note_id: "n".into(),
        })
        .await
        .unwrap();
    let elapsed = started.elapsed();
    assert_eq!(count.load(Ordering::SeqCst), 2);
    assert!(elapsed >= Duration::from_secs(1), "{elapsed:?}");

    // A Retry-After longer than max_backoff is not waited out.
    let server = MockServer::start().await;
    Mock::given(path("/api/notes/show"))
        .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "3600"))
        .mount(&server)
        .await;
    let client = Client::builder(server.uri())
        .retry(RetryPolicy::new(3).max_backoff(Duration::from_secs(5)))
        .build()
        .unwrap();
    let started = Instant::now();
    let err = client
        .call(&ShowNote {
            note_id: "n".into(),
        })
        .await
        .unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(2));
    assert_eq!(err.retry_after(), Some(Duration::from_secs(3600)));
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn token_never_in_debug_display_or_errors() {
    let server = MockServer::start().await;
    // A (broken) proxy that echoes the request body back in its error page.
    Mock::given(path("/api/notes/show"))
        .respond_with(|req: &Request| {
            ResponseTemplate::new(502).set_body_string(format!(
                "<html>bad gateway for {}</html>",
                String::from_utf8_lossy(&req.body)
            ))
        })
        .mount(&server)
        .await;
    Mock::given(path("/api/i"))
        .respond_with(|req: &Request| {
            ResponseTemplate::new(401).set_body_json(json!({"error": {
                "message": format!("Authentication failed for {}", String::from_utf8_lossy(&req.body)),
                "code": "AUTHENTICATION_FAILED", "id": "b0a7", "kind": "client"}}))
        })
        .mount(&server)
        .await;
    Mock::given(path("/api/notes/delete"))
        .respond_with(|req: &Request| {
            ResponseTemplate::new(200).set_body_string(format!(
                "{{\"echo\": {}}} trailing",
                String::from_utf8_lossy(&req.body)
            ))
        })
        .mount(&server)
        .await;
    let client = Client::builder(server.uri()).token(TOKEN).build().unwrap();
    let mut seen = vec![format!("{client:?}"), format!("{:?}", client.token())];
    seen.push(client.token().unwrap().to_string());
    let e1 = client
        .call(&ShowNote {
            note_id: "n".into(),
        })
        .await
        .unwrap_err();
    let e2 = client.call_raw("i", json!({})).await.unwrap_err();
    // `notes/delete` declares no body, so a typed call ignores what comes; read raw, the
    // echo does not decode.
    let e3 = client
        .call_raw("notes/delete", json!({"noteId": "n"}))
        .await
        .unwrap_err();
    assert!(matches!(e1, Error::UnexpectedBody(_)), "{e1:?}");
    assert!(matches!(e2, Error::Api(_)), "{e2:?}");
    assert!(matches!(e3, Error::Decode { .. }), "{e3:?}");
    for e in [&e1, &e2, &e3] {
        seen.push(format!("{e}"));
        seen.push(format!("{e:?}"));
        let mut source = std::error::Error::source(e);
        while let Some(s) = source {
            seen.push(format!("{s} {s:?}"));
            source = s.source();
        }
    }
    for text in &seen {
        assert!(!text.contains(TOKEN), "token leaked in: {text}");
    }
    // The redaction kept the rest of the message.
    assert!(format!("{e1}").contains("bad gateway"));
    assert!(format!("{e2}").contains("***"));
}

/// Collects what a `tracing` subscriber prints.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn tracing_span_per_request_without_token() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(tracing_subscriber::fmt::format::FmtSpan::CLOSE)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let server = MockServer::start().await;
    mock_ok(&server, "notes/show", note_json("n1")).await;
    Mock::given(path("/api/i"))
        .respond_with(ResponseTemplate::new(401).set_body_json(json!({"error": {
            "message": "Authentication failed.", "code": "AUTHENTICATION_FAILED",
            "id": "b0a7", "kind": "client"}})))
        .mount(&server)
        .await;
    for mode in [AuthMode::Body, AuthMode::Bearer] {
        let client = Client::builder(server.uri())
            .token(TOKEN)
            .auth_mode(mode)
            .build()
            .unwrap();
        client
            .call(&ShowNote {
                note_id: "n1".into(),
            })
            .await
            .unwrap();
        client.call_raw("i", json!({})).await.unwrap_err();
    }
    drop(_guard);
    let out = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(out.contains("misskey.request"), "{out}");
    assert!(out.contains("endpoint=notes/show"), "{out}");
    assert!(out.contains("endpoint=i"), "{out}");
    assert!(out.contains("status=200"), "{out}");
    assert!(out.contains("status=401"), "{out}");
    assert!(out.contains("duration_ms="), "{out}");
    assert!(!out.contains(TOKEN), "token in the logs:\n{out}");
}
