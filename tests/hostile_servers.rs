//! Misbehaving and malicious servers (and bad input): no panic on any answer or setting,
//! bounded memory, and no secret in any output.

mod streaming_support;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::StreamExt;
use misskey_client::streaming::{ChannelMessage, MainEvent, StreamingBuilder, TimelineParams};
use misskey_client::{decode_response_value, Client, Error, UploadFile};
use serde_json::{json, Value};
use streaming_support::{event, note, within, MockServer as WsServer};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

const TOKEN: &str = "TOKEN-0123456789-abcdefghij";

async fn answering(template: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(template)
        .mount(&server)
        .await;
    server
}

fn client(server: &MockServer) -> Client {
    Client::builder(server.uri()).token(TOKEN).build().unwrap()
}

/// Every way an error can be shown.
fn shown(err: &Error) -> String {
    format!("{err}\n{err:?}\n{:?}", std::error::Error::source(err))
}

// ---- panics -----------------------------------------------------------------------------

#[test]
fn huge_waits_from_a_server_do_not_panic() {
    for retry_after in ["1e20", "1e308", "18446744073709551616", "-5", "NaN", "inf"] {
        let err =
            decode_response_value("x", 429, &[("retry-after", retry_after)], b"{}").unwrap_err();
        assert!(matches!(err, Error::RateLimited(_)), "{err:?}");
        // Whatever it is, it is a wait a timer can hold.
        if let Some(wait) = err.retry_after() {
            assert!(
                wait <= Duration::from_secs(366 * 24 * 3600),
                "{retry_after}: {wait:?}"
            );
        }
    }
    for reset in ["1e300", "-1", "1e12", "1.7976931348623157e308"] {
        let body = format!(
            r#"{{"error":{{"message":"Rate limit exceeded.","code":"RATE_LIMIT_EXCEEDED","id":"d5826d14","info":{{"resetMs":{reset}}}}}}}"#
        );
        let err = decode_response_value("x", 429, &[], body.as_bytes()).unwrap_err();
        assert_eq!(err.code(), Some("RATE_LIMIT_EXCEEDED"), "{reset}");
    }
}

#[tokio::test]
async fn extreme_streaming_settings_neither_panic_nor_stop_the_connection() {
    let mut server = WsServer::start().await;
    // A zero ping interval used to stop the task: the channel must still deliver.
    let stream = within(
        "connect",
        StreamingBuilder::new(server.base())
            .ping_interval(Duration::ZERO)
            .backoff(Duration::MAX / 2, Duration::MAX)
            .connect(),
    )
    .await
    .unwrap();
    server.next_handshake().await;
    let mut main = within("main", stream.main()).await.unwrap();
    let connect = server.next_message().await;
    let id = connect["body"]["id"].as_str().unwrap().to_owned();
    server.send(event(&id, "mention", note("n1", "hi")));
    let got = within("the event", main.next()).await.unwrap();
    assert!(
        matches!(got, ChannelMessage::Event(MainEvent::Mention(_))),
        "{got:?}"
    );

    // Duration::MAX everywhere used to panic in connect().
    let mut server = WsServer::start().await;
    within(
        "connect",
        StreamingBuilder::new(server.base())
            .ping_interval(Duration::MAX)
            .idle_timeout(Duration::MAX)
            .handshake_timeout(Duration::MAX)
            .connect_timeout(Duration::MAX)
            .connect(),
    )
    .await
    .unwrap();
    server.next_handshake().await;
}

#[tokio::test]
async fn waiting_forever_for_miauth_does_not_panic() {
    use misskey_client::auth::MiAuth;
    let server = answering(ResponseTemplate::new(200).set_body_json(json!({
        "ok": true, "token": "NEWTOKEN123", "user": {"id": "u1", "username": "alice"}})))
    .await;
    let flow = MiAuth::builder(server.uri()).name("t").build().unwrap();
    let auth = flow.wait(Duration::MAX, Duration::MAX).await.unwrap();
    assert_eq!(auth.token.expose_secret(), "NEWTOKEN123");
}

// ---- memory -----------------------------------------------------------------------------

#[tokio::test]
async fn a_body_over_the_limit_is_an_error_naming_the_limit() {
    let big = "x".repeat(300_000);
    for status in [200, 500] {
        let server = answering(ResponseTemplate::new(status).set_body_string(big.clone())).await;
        let client = Client::builder(server.uri())
            .max_response_size(100_000)
            .build()
            .unwrap();
        let err = client.call_raw("notes/show", json!({})).await.unwrap_err();
        assert!(
            matches!(err, Error::ResponseTooLarge { limit: 100_000, .. }),
            "{err:?}"
        );
        assert!(err.to_string().contains("100000 bytes"), "{err}");
    }
    // Under the limit, the same body is read (and is not JSON).
    let server = answering(ResponseTemplate::new(500).set_body_string(big)).await;
    let err = Client::new(server.uri())
        .unwrap()
        .call_raw("notes/show", json!({}))
        .await
        .unwrap_err();
    let Error::UnexpectedBody(body) = &err else {
        panic!("{err:?}")
    };
    assert!(body.excerpt.chars().count() < 300, "{}", body.excerpt.len());
}

#[tokio::test]
async fn a_stream_not_read_loses_events_and_says_how_many() {
    let mut server = WsServer::start().await;
    let stream = within(
        "connect",
        StreamingBuilder::new(server.base())
            .queue_capacity(4)
            .connect(),
    )
    .await
    .unwrap();
    server.next_handshake().await;
    let mut main = within("main", stream.main()).await.unwrap();
    let id = server.next_message().await["body"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for i in 0..100 {
        server.send(event(&id, "mention", note(&format!("n{i}"), "spam")));
    }
    // The server answers another channel's `connect` after those 100 frames, on the same
    // socket, so once that channel is confirmed the task has routed all of them.
    let _home = within(
        "another channel",
        stream.home_timeline(TimelineParams::new()),
    )
    .await
    .unwrap();
    let mut events = Vec::new();
    for _ in 0..4 {
        match within("a queued event", main.next()).await.unwrap() {
            ChannelMessage::Event(MainEvent::Mention(n)) => events.push(n.id.clone()),
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(events, ["n0", "n1", "n2", "n3"], "the oldest are kept");
    server.send(event(&id, "mention", note("late", "after")));
    match within("the count", main.next()).await.unwrap() {
        ChannelMessage::Missed(n) => assert_eq!(n, 96),
        other => panic!("{other:?}"),
    }
    match within("the next event", main.next()).await.unwrap() {
        ChannelMessage::Event(MainEvent::Mention(n)) => assert_eq!(n.id, "late"),
        other => panic!("{other:?}"),
    }
}

// ---- secrets ----------------------------------------------------------------------------

/// Captures every `log` record, at every level, from every crate.
struct Capture(Arc<Mutex<String>>);

impl log::Log for Capture {
    fn enabled(&self, _: &log::Metadata<'_>) -> bool {
        true
    }
    fn log(&self, record: &log::Record<'_>) {
        let mut out = self.0.lock().unwrap();
        out.push_str(&format!("{} {}\n", record.target(), record.args()));
    }
    fn flush(&self) {}
}

#[derive(Clone)]
struct Buffer(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Buffer {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test(flavor = "current_thread")]
async fn no_log_at_any_level_from_any_crate_carries_the_streaming_token() {
    let logs = Arc::new(Mutex::new(String::new()));
    log::set_boxed_logger(Box::new(Capture(logs.clone()))).unwrap();
    log::set_max_level(log::LevelFilter::Trace);
    let traces = Buffer(Arc::new(Mutex::new(Vec::new())));
    let writer = traces.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    for bearer in [false, true] {
        let mut server = WsServer::start().await;
        let stream = within(
            "connect",
            StreamingBuilder::new(server.base())
                .token(TOKEN)
                .bearer(bearer)
                .connect(),
        )
        .await
        .unwrap();
        let (_, uri, authorization) = server.next_handshake().await;
        // The token did reach the server, where it belongs.
        assert!(uri.contains(TOKEN) || authorization.is_some_and(|a| a.contains(TOKEN)));
        let _main = within("main", stream.main()).await.unwrap();
        server.next_message().await;
    }
    let logs = logs.lock().unwrap().clone();
    let traces = String::from_utf8(traces.0.lock().unwrap().clone()).unwrap();
    assert!(!logs.is_empty(), "the dependencies' logs were captured");
    assert!(!logs.contains(TOKEN), "{logs}");
    assert!(!traces.contains(TOKEN), "{traces}");
}

#[tokio::test]
async fn a_server_that_echoes_the_request_does_not_get_the_token_into_errors() {
    let echoes = [
        ResponseTemplate::new(400).set_body_json(json!({"error": {
            "message": format!("bad {TOKEN}"), "code": TOKEN, "id": TOKEN, "kind": "client",
            "info": {"i": TOKEN, "echo": format!("i={TOKEN}"), "appSecret": "APP-SECRET-42"}}})),
        ResponseTemplate::new(400).set_body_json(json!({
            "statusCode": 400, "error": TOKEN, "message": TOKEN, "code": TOKEN})),
        ResponseTemplate::new(302).insert_header(
            "location",
            format!("https://elsewhere.example/?i={TOKEN}").as_str(),
        ),
        ResponseTemplate::new(200).set_body_json(json!({"createdNote": TOKEN})),
        ResponseTemplate::new(502).set_body_string(format!(
            "<html>{}{TOKEN} and \"appSecret\": \"APP-SECRET-42\"</html>",
            "x".repeat(5000)
        )),
    ];
    for (i, template) in echoes.into_iter().enumerate() {
        let server = answering(template).await;
        let client = client(&server);
        // The typed call: its decode error quotes the value it could not read.
        let err = client
            .notes_create()
            .text("x")
            .await
            .expect_err("every echo is an error to a typed call");
        let text = shown(&err);
        assert!(!text.contains(TOKEN), "case {i}: {text}");
        assert!(!text.contains("APP-SECRET-42"), "case {i}: {text}");
    }
}

#[tokio::test]
async fn the_client_cuts_its_token_from_an_excerpt_cut_inside_it() {
    let body = format!("[\"{}{TOKEN}\", {}x]", "a".repeat(50), "1, ".repeat(60));
    let server = answering(ResponseTemplate::new(200).set_body_string(body)).await;
    let err = client(&server)
        .call_raw("notes/show", json!({}))
        .await
        .unwrap_err();
    let text = shown(&err);
    assert!(matches!(err, Error::Decode { .. }), "{text}");
    for piece in TOKEN.as_bytes().windows(5) {
        let piece = std::str::from_utf8(piece).unwrap();
        assert!(!text.contains(piece), "{piece:?} survives in {text}");
    }
}

// ---- integrity --------------------------------------------------------------------------

#[tokio::test]
async fn dot_segments_and_query_characters_never_leave_the_endpoint() {
    let server = answering(ResponseTemplate::new(200).set_body_json(json!({}))).await;
    let client = client(&server);
    for name in [
        "users/../notes",
        "users/./notes",
        "users//notes",
        "..",
        "x?y=1#z",
        "x#y",
        "/notes",
    ] {
        let err = client.call_raw(name, json!({})).await.unwrap_err();
        assert!(matches!(err, Error::Encode { .. }), "{name}: {err:?}");
        assert!(err.to_string().contains("nothing was sent"), "{err}");
    }
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn bad_files_are_upload_errors_that_say_why() {
    let server = answering(ResponseTemplate::new(200).set_body_json(json!({}))).await;
    let client = client(&server);
    let dir = tempfile::tempdir().unwrap();
    let err = client
        .drive_files_create()
        .file(UploadFile::from_path(dir.path()))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Upload { .. }), "{err:?}");
    assert!(err.to_string().contains("is a directory"), "{err}");

    let err = client
        .drive_files_create()
        .file(UploadFile::from_bytes(b"x".to_vec()).file_name("a.png\r\nContent-Type: text/html"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Upload { .. }), "{err:?}");
    assert!(err.to_string().contains("control character"), "{err}");
    assert!(server.received_requests().await.unwrap().is_empty());
}

// ---- Misskey's own odd shapes -------------------------------------------------------------

#[test]
fn an_error_with_only_an_id_is_misskeys_shape() {
    let err = decode_response_value(
        "signin-flow",
        403,
        &[],
        br#"{"error":{"id":"6cc579cc-885d-43d8-95c2-b8c7fc963280"}}"#,
    )
    .unwrap_err();
    let Error::Api(api) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(api.status, 403);
    assert_eq!(err.id(), Some("6cc579cc-885d-43d8-95c2-b8c7fc963280"));
    assert_eq!(err.code(), None);
    assert!(err.to_string().contains("6cc579cc"), "{err}");
}

#[test]
fn a_rate_limit_that_nests_its_error_exposes_the_nested_code() {
    let err = decode_response_value(
        "signin-flow",
        429,
        &[],
        br#"{"error":{"message":"Too many failed attempts.","id":"22d05606-fbcf-421a-a2db-b32610dcfd1b","info":{"message":"Too many authentication failures.","code":"TOO_MANY_AUTHENTICATION_FAILURES","id":"22d05606"}}}"#,
    )
    .unwrap_err();
    assert!(matches!(err, Error::RateLimited(_)), "{err:?}");
    assert_eq!(err.code(), Some("TOO_MANY_AUTHENTICATION_FAILURES"));
    // No Retry-After and no resetMs: the wait is unknown, not zero.
    assert_eq!(err.retry_after(), None);
}

// ---- no answer makes it panic ---------------------------------------------------------------

/// Random statuses, headers and bodies (huge numbers, deep nesting, broken UTF-8, echoed
/// secrets) through the answer handling: it returns, every time.
#[test]
fn answer_handling_never_panics_on_random_answers() {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let pieces: [&[u8]; 20] = [
        b"{\"error\":{",
        b"\"code\":",
        b"\"id\":\"x\"",
        b"\"info\":{\"resetMs\":1e308}",
        b"\"message\":\"m\"",
        b"}",
        b"]",
        b"[",
        b"1e400",
        b"-0.0000000001",
        b"\"statusCode\":",
        b"null",
        b"\xff\xfe",
        b"\"i\":\"TOKEN\"",
        b",",
        b"<html>",
        // Secrets a server may echo: by name, by value, cut by the excerpt's window.
        b"\"smtpPass\":\"SMTPSECRET\"",
        b"\"otpauth://totp/x?secret=TOTPSECRET&issuer=y\"",
        b"\"\xc3(\"",
        b"\"swPrivateKey\":[\"SMTPSECRET\"]",
    ];
    let retry_afters = [
        "1e20",
        "",
        "-1",
        "Wed, 21 Oct 2015 07:28:00 GMT",
        "99999999999999999999",
        "NaN",
        "0.5",
    ];
    for case in 0..4000 {
        let status = 100 + (next() % 500) as u16;
        let mut body = Vec::new();
        match case % 5 {
            // Deep nesting, beyond serde_json's recursion limit.
            0 => {
                let depth = (next() % 5000) as usize;
                body.extend(std::iter::repeat_n(b'[', depth));
                body.extend(std::iter::repeat_n(b']', depth));
            }
            _ => {
                for _ in 0..(next() % 24) {
                    body.extend_from_slice(pieces[(next() % pieces.len() as u64) as usize]);
                }
            }
        }
        let retry_after = retry_afters[(next() % retry_afters.len() as u64) as usize];
        let content_type = if next() % 2 == 0 {
            "application/json"
        } else {
            "text/html"
        };
        let headers = [("retry-after", retry_after), ("content-type", content_type)];
        if let Err(err) = decode_response_value("x", status, &headers, &body) {
            // The secrets by name are masked where they are text; by value, anywhere.
            let text = shown(&err);
            assert!(!text.contains("TOTPSECRET"), "{text}");
            assert!(!text.contains("SMTPSECRET"), "{text}");
        }
        let _ = misskey_client::decode_response::<misskey_client::endpoints::notes::show::Request>(
            status, &headers, &body,
        );
        let _ = misskey_client::decode_response_optional::<
            misskey_client::endpoints::notes::create::Request,
        >(status, &headers, &body);
    }
    // A body the size of a whole page of answers: handled, with a short excerpt.
    let body: Value = json!({"error": {"code": "X", "message": "y".repeat(1 << 20)}});
    let err = decode_response_value("x", 500, &[], body.to_string().as_bytes()).unwrap_err();
    assert!(
        matches!(err, Error::UnexpectedBody(_)),
        "over 1 MiB is not parsed: {err:?}"
    );
}
