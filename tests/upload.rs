//! Multipart uploads, parsed field by field on the server side.

mod common;

use std::io::Write;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use common::*;
use misskey_client::{AuthMode, Client, Error, RetryPolicy, UploadFile};
use serde_json::json;
use tokio::io::{AsyncRead, ReadBuf};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn drive_server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/drive/files/create"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"id": "f1", "name": "hello.txt"})),
        )
        .mount(&server)
        .await;
    server
}

async fn parts_of(server: &MockServer) -> (Vec<Part>, wiremock::Request) {
    let reqs = server.received_requests().await.unwrap();
    assert_eq!(reqs.len(), 1);
    let req = reqs.into_iter().next().unwrap();
    let ct = header(&req, "content-type").unwrap().to_owned();
    assert!(ct.starts_with("multipart/form-data"), "{ct}");
    (parse_multipart(&ct, &req.body), req)
}

fn part<'a>(parts: &'a [Part], name: &str) -> &'a Part {
    let found: Vec<_> = parts.iter().filter(|p| p.name == name).collect();
    assert_eq!(found.len(), 1, "one part named {name}: {parts:?}");
    found[0]
}

#[tokio::test]
async fn from_bytes_with_text_parts_and_token() {
    let server = drive_server().await;
    let client = Client::builder(server.uri()).token(TOKEN).build().unwrap();
    let mut req = DriveFilesCreate::new(
        UploadFile::from_bytes(b"hello\r\n--not-a-boundary\x00\xff".to_vec())
            .file_name("hello.txt")
            .content_type("text/plain"),
    );
    req.folder_id = Some(Some("folder1".into()));
    req.name = Some("greeting".into());
    req.is_sensitive = Some(true);
    req.force = Some(false);
    req.comment = Some(None); // null: left out
    let file = client.call(&req).await.unwrap();
    assert_eq!(file.id, "f1");

    let (parts, req) = parts_of(&server).await;
    assert_eq!(header(&req, "authorization"), None);
    let f = part(&parts, "file");
    assert_eq!(f.file_name.as_deref(), Some("hello.txt"));
    assert_eq!(f.content_type.as_deref(), Some("text/plain"));
    assert_eq!(f.body, b"hello\r\n--not-a-boundary\x00\xff");
    assert_eq!(part(&parts, "folderId").text(), "folder1");
    assert_eq!(part(&parts, "name").text(), "greeting");
    assert_eq!(part(&parts, "isSensitive").text(), "true");
    assert_eq!(part(&parts, "force").text(), "false");
    assert_eq!(part(&parts, "i").text(), TOKEN);
    for text in ["folderId", "name", "isSensitive", "force", "i"] {
        assert_eq!(part(&parts, text).file_name, None, "{text} is a text part");
    }
    assert!(
        parts.iter().all(|p| p.name != "comment"),
        "null is left out"
    );
    assert_eq!(parts.len(), 6);
}

#[tokio::test]
async fn bearer_mode_has_no_i_part() {
    let server = drive_server().await;
    let client = Client::builder(server.uri())
        .token(TOKEN)
        .auth_mode(AuthMode::Bearer)
        .build()
        .unwrap();
    client
        .call(&DriveFilesCreate::new(UploadFile::from_bytes(&b"x"[..])))
        .await
        .unwrap();
    let (parts, req) = parts_of(&server).await;
    assert_eq!(
        header(&req, "authorization"),
        Some(format!("Bearer {TOKEN}").as_str())
    );
    assert!(parts.iter().all(|p| p.name != "i"));
    let f = part(&parts, "file");
    // Defaults: a file name (the server needs one to see a file) and a generic type.
    assert_eq!(f.file_name.as_deref(), Some("file"));
    assert_eq!(f.content_type.as_deref(), Some("application/octet-stream"));
    assert_eq!(f.body, b"x");
}

#[tokio::test]
async fn from_path_is_opened_at_send_time() {
    let server = drive_server().await;
    let dir = tempfile::tempdir().unwrap();
    let file_path = dir.path().join("photo.png");
    let content: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
    let upload = UploadFile::from_path(&file_path).content_type("image/png");
    // The file does not exist yet when the UploadFile is made.
    std::fs::File::create(&file_path)
        .unwrap()
        .write_all(&content)
        .unwrap();
    let client = Client::builder(server.uri()).token(TOKEN).build().unwrap();
    client
        .call(&DriveFilesCreate::new(upload.clone()))
        .await
        .unwrap();
    let (parts, _) = parts_of(&server).await;
    let f = part(&parts, "file");
    assert_eq!(f.file_name.as_deref(), Some("photo.png"));
    assert_eq!(f.content_type.as_deref(), Some("image/png"));
    assert_eq!(f.body, content);
    assert!(upload.is_replayable());

    let missing = UploadFile::from_path(dir.path().join("nope.bin"));
    let err = client
        .call(&DriveFilesCreate::new(missing))
        .await
        .unwrap_err();
    match &err {
        Error::Upload { reason, source } => {
            assert!(reason.contains("nope.bin"), "{reason}");
            assert!(source.is_some());
        }
        other => panic!("{other:?}"),
    }
}

/// A reader that hands out `total` bytes in small chunks, yielding between them.
struct Trickle {
    sent: usize,
    total: usize,
    yield_next: bool,
}

impl AsyncRead for Trickle {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        if self.yield_next {
            self.yield_next = false;
            cx.waker().wake_by_ref();
            return Poll::Pending;
        }
        self.yield_next = true;
        let n = (self.total - self.sent).min(4096).min(buf.remaining());
        let start = self.sent;
        buf.put_slice(
            &(start..start + n)
                .map(|i| (i % 256) as u8)
                .collect::<Vec<_>>(),
        );
        self.sent += n;
        Poll::Ready(Ok(()))
    }
}

#[tokio::test]
async fn from_reader_is_streamed_once() {
    let server = drive_server().await;
    let total = 300_000;
    let upload = UploadFile::from_reader(Trickle {
        sent: 0,
        total,
        yield_next: false,
    })
    .file_name("stream.bin");
    assert!(format!("{upload:?}").contains("unsent"));
    let client = Client::builder(server.uri()).token(TOKEN).build().unwrap();
    let req = DriveFilesCreate::new(upload.clone());
    client.call(&req).await.unwrap();
    let (parts, http_req) = parts_of(&server).await;
    // Streamed: the body went out chunked, its length unknown up front.
    assert_eq!(header(&http_req, "transfer-encoding"), Some("chunked"));
    assert_eq!(header(&http_req, "content-length"), None);
    let f = part(&parts, "file");
    assert_eq!(f.file_name.as_deref(), Some("stream.bin"));
    assert_eq!(f.body.len(), total);
    assert!(f
        .body
        .iter()
        .enumerate()
        .all(|(i, b)| *b == (i % 256) as u8));
    assert_eq!(part(&parts, "i").text(), TOKEN);

    // A second send (even through a clone) is a clear error, and sends nothing.
    assert!(!upload.is_replayable());
    let err = client.call(&req).await.unwrap_err();
    match &err {
        Error::Upload { reason, .. } => assert!(reason.contains("already sent"), "{reason}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn reader_uploads_are_not_retried() {
    let server = MockServer::start().await;
    Mock::given(path("/api/drive/files/create"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;
    let client = Client::builder(server.uri())
        .retry(RetryPolicy::new(4).base_backoff(Duration::from_millis(5)))
        .build()
        .unwrap();
    let upload = UploadFile::from_reader(&b"data"[..]);
    let err = client
        .call(&DriveFilesCreate::new(upload))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(503));
    assert_eq!(server.received_requests().await.unwrap().len(), 1);

    // Bytes can be replayed, so they are retried.
    server.reset().await;
    Mock::given(path("/api/drive/files/create"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;
    let err = client
        .call(&DriveFilesCreate::new(UploadFile::from_bytes(&b"data"[..])))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(503));
    let reqs = server.received_requests().await.unwrap();
    assert_eq!(reqs.len(), 4);
    // Every attempt carried the whole file.
    for req in &reqs {
        let parts = parse_multipart(header(req, "content-type").unwrap(), &req.body);
        assert_eq!(part(&parts, "file").body, b"data");
    }
}

#[test]
fn debug_does_not_dump_bytes() {
    let upload = UploadFile::from_bytes(vec![42u8; 10_000]).file_name("a.bin");
    let debug = format!("{upload:?}");
    assert!(debug.contains("10000"), "{debug}");
    assert!(debug.contains("a.bin"), "{debug}");
    assert!(debug.len() < 200, "{debug}");
}
