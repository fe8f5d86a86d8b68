//! Hostile servers, round two (issue 21): secrets a server echoes back into every part of an
//! error and into log lines, secrets the crate was given besides the token, addresses that
//! decode into another endpoint, lengths a server announces, files that never open.

mod common;
mod streaming_support;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::StreamExt;
use misskey_client::auth::app::App;
use misskey_client::auth::MiAuth;
use misskey_client::streaming::{ChannelMessage, MainEvent, StreamingBuilder, TimelineParams};
use misskey_client::{Client, Error, ErrorKind, UploadFile};
use serde_json::json;
use streaming_support::{event, note, within, MockServer as WsServer};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

const TOKEN: &str = "TOKEN-0123456789-abcdefghij";
const APP_SECRET: &str = "APP-SECRET-9876543210-zyxw";

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

/// Every way an error can be shown, and its parts one by one.
fn shown(err: &Error) -> String {
    format!("{err}\n{err:?}\n{:?}", std::error::Error::source(err))
}

#[tokio::test]
async fn an_echoed_token_is_cut_from_every_part_of_an_error() {
    let answers = [
        // In the error's kind (a 400 and a rate limit).
        ResponseTemplate::new(400).set_body_json(json!({"error": {
            "message": "m", "code": "C", "id": "x", "kind": TOKEN}})),
        ResponseTemplate::new(429).set_body_json(json!({"error": {
            "message": "m", "code": "RATE_LIMIT_EXCEEDED", "id": "x", "kind": TOKEN}})),
        // As a key of the error's info.
        ResponseTemplate::new(400).set_body_json(json!({"error": {
            "message": "m", "code": "C", "id": "x", "kind": "client", "info": {TOKEN: 1}}})),
        // In the content type of an answer that is not JSON.
        ResponseTemplate::new(502)
            .insert_header("content-type", format!("text/html; echo={TOKEN}").as_str())
            .set_body_string("<html>bad gateway</html>"),
        // As a key where a success's decoding fails: the path names it.
        ResponseTemplate::new(200).set_body_json(json!({TOKEN: {"id": 5}})),
    ];
    for (i, answer) in answers.into_iter().enumerate() {
        let server = answering(answer).await;
        let client = client(&server);
        let err = match i {
            // A typed answer: `i` needs an object with its fields; a map of notes does not fit.
            4 => client
                .call(&misskey_client::endpoints::i::Request::new())
                .await
                .unwrap_err(),
            _ => client
                .call_raw("notes/create", json!({}))
                .await
                .unwrap_err(),
        };
        let text = shown(&err);
        assert!(!text.contains(TOKEN), "answer {i}: {text}");
        if let Some(api) = err.api_error() {
            if let Some(ErrorKind::Other(kind)) = &api.kind {
                assert_eq!(kind, "***", "answer {i}");
            }
        }
    }
}

#[tokio::test]
async fn an_app_secret_and_a_session_token_echoed_back_are_cut_from_the_flows_errors() {
    let server = answering(ResponseTemplate::new(400).set_body_json(json!({"error": {
        "message": format!("no app with secret {APP_SECRET}"), "code": "NO_SUCH_APP",
        "id": "x", "kind": "client",
        "info": {"appSecret": APP_SECRET, "echo": format!("token=SESSION-TOKEN-55555 {APP_SECRET}")}}})))
    .await;
    let client = client(&server);
    let app = App::from_secret(APP_SECRET);
    let err = app.generate_session(&client).await.unwrap_err();
    assert_eq!(err.code(), Some("NO_SUCH_APP"));
    assert!(!shown(&err).contains(APP_SECRET), "{}", shown(&err));
    let err = app
        .userkey(&client, "SESSION-TOKEN-55555")
        .await
        .unwrap_err();
    let text = shown(&err);
    assert!(
        !text.contains(APP_SECRET) && !text.contains("SESSION-TOKEN-55555"),
        "{text}"
    );
}

/// Log lines of this thread, at every level.
fn capture_logs() -> (Arc<Mutex<Vec<u8>>>, tracing::subscriber::DefaultGuard) {
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
    let buffer = Buffer(Arc::new(Mutex::new(Vec::new())));
    let writer = buffer.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .finish();
    (buffer.0, tracing::subscriber::set_default(subscriber))
}

#[tokio::test(flavor = "current_thread")]
async fn a_miauth_session_never_shows_in_debug_logs_or_errors() {
    let (logs, _guard) = capture_logs();
    let server = answering(ResponseTemplate::new(500).set_body_json(json!({"error": {
        "message": "internal", "code": "INTERNAL_ERROR", "id": "x", "kind": "server"}})))
    .await;
    let miauth = MiAuth::builder(server.uri()).name("bot").build().unwrap();
    let session = miauth.session().to_owned();
    assert!(!format!("{miauth:?}").contains(&session), "{miauth:?}");
    let err = miauth.check().await.unwrap_err();
    assert!(!shown(&err).contains(&session), "{}", shown(&err));
    assert!(shown(&err).contains("miauth/***/check"), "{}", shown(&err));
    // The request did go to the session's address.
    let sent = server.received_requests().await.unwrap();
    assert!(sent[0].url.path().contains(&session));
    let logs = String::from_utf8(logs.lock().unwrap().clone()).unwrap();
    assert!(logs.contains("misskey.request"), "{logs}");
    assert!(!logs.contains(&session), "{logs}");
}

#[tokio::test(flavor = "current_thread")]
async fn a_token_echoed_into_malformed_frames_stays_out_of_the_log() {
    let (logs, _guard) = capture_logs();
    let server = WsServer::start().await;
    let stream = within(
        "connect",
        StreamingBuilder::new(server.base()).token(TOKEN).connect(),
    )
    .await
    .unwrap();
    let mut main = within("main", stream.main()).await.unwrap();
    // A channel frame that is not one, and a main event whose body does not fit.
    server.send(json!({"type": "channel", "body": TOKEN}));
    // serde quotes a string with its quotes escaped: the value does not end at `\"`.
    server.send(json!({"type": "channel", "body": format!("{{\"i\":\"{TOKEN}\"}}")}));
    server.send(json!({"type": "noteUpdated", "body": TOKEN}));
    server.send(
        json!({"type": "channel", "body": {"id": main.id(), "type": "mention",
        "body": {"id": TOKEN, "createdAt": 5}}}),
    );
    let event = within("the odd event", main.next()).await;
    assert!(event.is_some());
    let logs = String::from_utf8(logs.lock().unwrap().clone()).unwrap();
    assert!(
        logs.contains("skipping a malformed channel frame"),
        "{logs}"
    );
    assert!(logs.contains("did not decode"), "{logs}");
    assert!(!logs.contains(TOKEN), "{logs}");
}

#[tokio::test]
async fn percent_encoded_dot_segments_never_reach_another_endpoint() {
    let server = answering(ResponseTemplate::new(200).set_body_json(json!({}))).await;
    let client = client(&server);
    for name in [
        "users/%2e%2e/admin/reset-password",
        "users/.%2E/x",
        "a/%2e/b",
        "a/%2E%2e",
        "users/%2f..%2fadmin",
        "users/%5c..",
    ] {
        let err = client.call_raw(name, json!({})).await.unwrap_err();
        assert!(matches!(err, Error::Encode { .. }), "{name}: {err:?}");
    }
    assert!(server.received_requests().await.unwrap().is_empty());
    // An ordinary escape is still an endpoint (a fork's odd name, a path parameter).
    client.call_raw("users/a%20b", json!({})).await.unwrap();
}

/// A server on loopback that answers one request with `head` and then nothing.
async fn raw_server(head: String) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let (mut socket, _) = listener.accept().await.unwrap();
        let mut request = vec![0; 65536];
        let _ = socket.read(&mut request).await;
        let _ = socket.write_all(head.as_bytes()).await;
        let _ = socket.write_all(b"{}").await;
        tokio::time::sleep(Duration::from_secs(5)).await;
    });
    format!("http://{addr}")
}

#[cfg(unix)]
#[tokio::test]
async fn a_pipe_with_no_writer_is_refused_at_once_not_waited_on() {
    let server = answering(ResponseTemplate::new(200).set_body_json(json!({}))).await;
    let client = Client::builder(server.uri())
        .token(TOKEN)
        .timeout(Duration::from_secs(2))
        .build()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let call = client
        .drive_files_create()
        .file(UploadFile::from_path(&fifo));
    let err = tokio::time::timeout(Duration::from_secs(10), call)
        .await
        .expect("the call waited on the pipe past its own timeout")
        .unwrap_err();
    assert!(matches!(err, Error::Upload { .. }), "{err:?}");
    assert!(err.to_string().contains("not a regular file"), "{err}");
    assert!(server.received_requests().await.unwrap().is_empty());
}

/// An HTTP proxy on loopback for plain `http://` targets: it records each request line it
/// forwards, then relays bytes both ways.
async fn forwarding_proxy() -> (String, Arc<Mutex<Vec<String>>>) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let seen = Arc::new(Mutex::new(Vec::new()));
    let record = seen.clone();
    tokio::spawn(async move {
        while let Ok((mut client, _)) = listener.accept().await {
            let record = record.clone();
            tokio::spawn(async move {
                let mut head = Vec::new();
                let mut byte = [0u8; 1];
                while !head.ends_with(b"\r\n\r\n") {
                    if client.read(&mut byte).await.unwrap_or(0) == 0 {
                        return;
                    }
                    head.push(byte[0]);
                }
                let head = String::from_utf8(head).unwrap();
                let (line, rest) = head.split_once("\r\n").unwrap();
                record.lock().unwrap().push(line.to_owned());
                // `GET http://host:port/path HTTP/1.1` to `GET /path HTTP/1.1` at host:port.
                let mut parts = line.split(' ');
                let (method, target, version) = (
                    parts.next().unwrap(),
                    parts.next().unwrap(),
                    parts.next().unwrap(),
                );
                let url = url::Url::parse(target).unwrap();
                let origin = format!("{}:{}", url.host_str().unwrap(), url.port().unwrap());
                let mut path = url.path().to_owned();
                if let Some(query) = url.query() {
                    path = format!("{path}?{query}");
                }
                let mut server = tokio::net::TcpStream::connect(origin).await.unwrap();
                let forwarded = format!("{method} {path} {version}\r\n{rest}");
                server.write_all(forwarded.as_bytes()).await.unwrap();
                let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
            });
        }
    });
    (format!("http://{addr}"), seen)
}

#[tokio::test]
async fn streaming_goes_through_the_users_http_client_its_proxy_and_headers() {
    let mut server = WsServer::start().await;
    let (proxy, forwarded) = forwarding_proxy().await;
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("x-from-the-users-client", "yes".parse().unwrap());
    let http = reqwest::Client::builder()
        .proxy(reqwest::Proxy::http(&proxy).unwrap())
        .default_headers(headers)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let client = Client::builder(server.base())
        .token(TOKEN)
        .user_agent("round-two-bot/1.0")
        .http_client(http)
        .build()
        .unwrap();
    let stream = within("connect", client.streaming().connect())
        .await
        .unwrap();
    let seen = server.next_handshake_headers().await;
    let header = |name: &str| {
        seen.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(header("x-from-the-users-client"), Some("yes"), "{seen:?}");
    assert_eq!(header("user-agent"), Some("round-two-bot/1.0"), "{seen:?}");
    let forwarded = forwarded.lock().unwrap().clone();
    assert_eq!(forwarded.len(), 1, "{forwarded:?}");
    assert!(forwarded[0].contains("/streaming"), "{forwarded:?}");
    // And the socket works through it.
    let _main = within("main", stream.main()).await.unwrap();
    assert_eq!(server.next_message().await["type"], "connect");
}

#[tokio::test]
async fn a_stream_not_read_holds_a_bounded_number_of_bytes_and_says_what_it_lost() {
    let mut server = WsServer::start().await;
    let stream = within(
        "connect",
        StreamingBuilder::new(server.base())
            .queue_capacity(1000)
            .queue_bytes(100_000)
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
    // Ten frames of about 40 kB: the count bound (1000) would keep them all.
    let big = "x".repeat(40_000);
    for i in 0..10 {
        server.send(event(&id, "mention", note(&format!("n{i}"), &big)));
    }
    // Another channel's confirmation comes after those frames: all of them were routed.
    let _home = within(
        "another channel",
        stream.home_timeline(TimelineParams::new()),
    )
    .await
    .unwrap();
    let mut kept = Vec::new();
    for _ in 0..2 {
        match within("a queued event", main.next()).await.unwrap() {
            ChannelMessage::Event(MainEvent::Mention(n)) => kept.push(n.id.clone()),
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(
        kept,
        ["n0", "n1"],
        "the oldest are kept, as many as fit in the bytes"
    );
    server.send(event(&id, "mention", note("late", "small")));
    match within("the count", main.next()).await.unwrap() {
        ChannelMessage::Missed(n) => assert_eq!(n, 8),
        other => panic!("{other:?}"),
    }
    match within("the next event", main.next()).await.unwrap() {
        ChannelMessage::Event(MainEvent::Mention(n)) => assert_eq!(n.id, "late"),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_message_over_the_size_limit_drops_the_socket_not_the_process() {
    let mut server = WsServer::start().await;
    let stream = within(
        "connect",
        StreamingBuilder::new(server.base())
            .max_message_size(64 * 1024)
            .backoff(Duration::from_millis(10), Duration::from_millis(50))
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
    server.send(event(&id, "mention", note("huge", &"x".repeat(200_000))));
    // The socket is re-established, and the stream says so; the huge event is not kept.
    match within("the reconnection", main.next()).await.unwrap() {
        ChannelMessage::Reconnected => {}
        other => panic!("{other:?}"),
    }
    server.next_handshake().await;
}

#[cfg(feature = "admin")]
#[tokio::test]
async fn a_number_json_cannot_carry_is_an_error_naming_the_parameter_before_anything_is_sent() {
    let server = answering(ResponseTemplate::new(200).set_body_json(json!({}))).await;
    let client = client(&server);
    for value in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let err = client
            .admin_announcements_create()
            .title("t")
            .text("x")
            .image_url_null()
            .close_duration(value)
            .await
            .unwrap_err();
        assert!(matches!(err, Error::Encode { .. }), "{err:?}");
        assert!(err.to_string().contains("closeDuration"), "{err}");
    }
    assert!(server.received_requests().await.unwrap().is_empty());
    // A finite number is sent as it is (the mock's `{}` is no announcement: not decoded).
    let _ = client
        .admin_announcements_create()
        .title("t")
        .text("x")
        .image_url_null()
        .close_duration(2.5)
        .await;
    let sent = server.received_requests().await.unwrap();
    let body: serde_json::Value = serde_json::from_slice(&sent[0].body).unwrap();
    assert_eq!(body["closeDuration"], 2.5);
}

#[tokio::test]
async fn no_announced_length_makes_the_client_allocate_it() {
    for length in [
        "1000000000000",
        "18446744073709551615",
        "9223372036854775807",
    ] {
        let head = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {length}\r\n\r\n"
        );
        let base = raw_server(head).await;
        let client = Client::builder(base)
            .max_response_size(usize::MAX)
            .timeout(Duration::from_secs(1))
            .build()
            .unwrap();
        let err = client.call_raw("meta", json!({})).await.unwrap_err();
        assert!(
            matches!(err, Error::Timeout { .. } | Error::Transport { .. }),
            "{length}: {err:?}"
        );
    }
}

#[tokio::test]
async fn a_miauth_session_never_shows_in_a_timeout_either() {
    let base = common::silent_server().await.0;
    let client = Client::builder(&base)
        .timeout(Duration::from_millis(300))
        .retry(misskey_client::RetryPolicy::none())
        .build()
        .unwrap();
    let miauth = MiAuth::builder(&base).client(client).build().unwrap();
    let session = miauth.session().to_owned();
    let err = miauth.check().await.unwrap_err();
    assert!(matches!(err, Error::Timeout { .. }), "{err:?}");
    assert!(!shown(&err).contains(&session), "{}", shown(&err));
}

#[test]
fn a_credential_after_an_escaped_quote_is_still_masked_in_an_excerpt() {
    // An escaped quote in an earlier value, and a token issued in this very answer (not one
    // the client knows to cut).
    let body = br#"{"user":{"name":"say \"hi\""},"token":"NEWTOKEN-123456","backupCodes":["CODE-1","CODE-2"]} trailing"#;
    let err = misskey_client::decode_response_value(
        "miauth/x/check",
        200,
        &[("content-type", "application/json")],
        body,
    )
    .unwrap_err();
    let text = shown(&err);
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
    for secret in ["NEWTOKEN-123456", "CODE-1", "CODE-2"] {
        assert!(!text.contains(secret), "{secret} in {text}");
    }
    assert!(text.contains("say"), "the rest is shown: {text}");
}
