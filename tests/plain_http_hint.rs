//! A base URL that means https (written with `https://`, or a bare host) against a server
//! that answers plain HTTP: the error says that TLS was tried, and which `http://` URL to use
//! (issue 22.2). The server is a plain-HTTP one on loopback.

use misskey_client::{Client, Error};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// A server that answers every connection with a plain-HTTP `400`, as a web server does to
/// the bytes of a TLS handshake. Returns its port.
async fn plain_http_server() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = [0u8; 4096];
                let _ = socket.read(&mut buf).await;
                let _ = socket
                    .write_all(
                        b"HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\n\
                          Content-Length: 11\r\nConnection: close\r\n\r\nBad Request",
                    )
                    .await;
                let _ = socket.shutdown().await;
            });
        }
    });
    port
}

async fn transport_error(base: &str) -> Error {
    let client = Client::builder(base).token("T0KEN").build().unwrap();
    client
        .call_raw("ping", json!({}))
        .await
        .expect_err("TLS to a plain-HTTP server cannot succeed")
}

#[tokio::test]
async fn https_against_plain_http_says_which_url_to_use() {
    let port = plain_http_server().await;
    for base in [
        format!("https://127.0.0.1:{port}"),
        format!("127.0.0.1:{port}"),
        format!("https://127.0.0.1:{port}/api/"),
    ] {
        let err = transport_error(&base).await;
        let Error::Transport { hint, .. } = &err else {
            panic!("{base}: not a transport error: {err:?}");
        };
        assert!(hint.is_some(), "{base}: no hint in {err}");
        let text = err.to_string();
        assert!(text.starts_with("ping: transport error: "), "{text}");
        assert!(text.contains("TLS was tried"), "{text}");
        assert!(text.contains("a bare host means https"), "{text}");
        assert!(text.contains("answered plain HTTP"), "{text}");
        assert!(
            text.contains(&format!("use http://127.0.0.1:{port} as the base URL")),
            "{text}"
        );
        assert!(!text.contains("T0KEN"), "{text}");
    }
}

#[tokio::test]
async fn other_transport_errors_have_no_hint() {
    // Nothing listens on a port just freed: the connection is refused, which is no sign of
    // plain HTTP.
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        listener.local_addr().unwrap().port()
    };
    let err = transport_error(&format!("https://127.0.0.1:{port}")).await;
    let Error::Transport { hint, .. } = &err else {
        panic!("not a transport error: {err:?}");
    };
    assert_eq!(hint, &None, "{err}");
    assert!(!err.to_string().contains("TLS was tried"), "{err}");

    // The same plain-HTTP server called with http:// works at the transport level: the 400
    // is an answer, not a transport error.
    let port = plain_http_server().await;
    let err = transport_error(&format!("http://127.0.0.1:{port}")).await;
    assert!(!matches!(err, Error::Transport { .. }), "{err:?}");
}
