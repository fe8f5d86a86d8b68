//! A full call against a local HTTP/1.1 server started here: the client versus plain
//! `reqwest` posting the same JSON (with the same `i`) and decoding the same type.
//!
//! Two calls: `notes/show` (a small body and one note back: the per-call overhead shows most)
//! and `notes/timeline` with `limit: 100` (the 100-note timeline of `support/fixture.rs`).
//! The server answers a canned body per endpoint over keep-alive connections, on its own
//! thread; the calls run on a current-thread runtime.
//!
//! `cargo bench --bench roundtrip`; `python3 benches/report.py` prints the ratios.

use std::net::SocketAddr;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion};
use misskey_client::endpoints::notes;
use misskey_client::Client;
use serde::Serialize;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

#[path = "support/fixture.rs"]
#[allow(dead_code)]
mod fixture;

const TOKEN: &str = "bench0token0000000000000000000000";
const NOTE_ID: &str = "9xyz0000000000000000000a";

/// The canned answers: `(path, body)`.
struct Answers {
    show: Vec<u8>,
    timeline: Vec<u8>,
}

/// Starts the server on its own thread and runtime; answers its address.
fn start_server(answers: Answers) -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async move {
            let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            let answers = Arc::new(answers);
            loop {
                let (socket, _) = listener.accept().await.unwrap();
                socket.set_nodelay(true).unwrap();
                tokio::spawn(serve(socket, answers.clone()));
            }
        });
    });
    rx.recv().unwrap()
}

/// Answers requests on one keep-alive connection until the client closes it.
async fn serve(mut socket: TcpStream, answers: Arc<Answers>) {
    let mut buf = Vec::with_capacity(16 * 1024);
    let mut chunk = vec![0u8; 16 * 1024];
    loop {
        // Read the head.
        let head_end = loop {
            if let Some(at) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break at + 4;
            }
            match socket.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        };
        let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
        let length: usize = head
            .lines()
            .filter_map(|l| l.split_once(':'))
            .find(|(k, _)| k.eq_ignore_ascii_case("content-length"))
            .and_then(|(_, v)| v.trim().parse().ok())
            .unwrap_or(0);
        while buf.len() < head_end + length {
            match socket.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buf.extend_from_slice(&chunk[..n]),
            }
        }
        let body = &buf[head_end..head_end + length];
        assert!(
            body.windows(TOKEN.len()).any(|w| w == TOKEN.as_bytes()),
            "the token is in the body"
        );
        let path = head.split_whitespace().nth(1).unwrap_or("");
        let answer = match path {
            "/api/notes/show" => &answers.show,
            "/api/notes/timeline" => &answers.timeline,
            other => panic!("unexpected request for {other}"),
        };
        let mut response = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: {}\r\n\r\n",
            answer.len()
        )
        .into_bytes();
        response.extend_from_slice(answer);
        if socket.write_all(&response).await.is_err() {
            return;
        }
        buf.drain(..head_end + length);
    }
}

/// What a plain `reqwest` user posts to `notes/show`: the parameters and the token.
#[derive(Serialize)]
struct ShowBody<'a> {
    #[serde(rename = "noteId")]
    note_id: &'a str,
    i: &'a str,
}

/// What a plain `reqwest` user posts to `notes/timeline`.
#[derive(Serialize)]
struct TimelineBody<'a> {
    limit: i64,
    i: &'a str,
}

/// The plain `reqwest` call: post JSON, check the status, decode the body.
async fn plain<B: Serialize, T: serde::de::DeserializeOwned>(
    http: &reqwest::Client,
    url: &str,
    body: &B,
) -> T {
    let resp = http.post(url).json(body).send().await.unwrap();
    assert!(resp.status().is_success());
    resp.json().await.unwrap()
}

fn roundtrip(c: &mut Criterion) {
    let (timeline, _) = fixture::timeline();
    let notes: Vec<serde_json::Value> = serde_json::from_slice(&timeline).unwrap();
    // The first note with a renote or a reply: a typical `notes/show` answer.
    let note = notes
        .iter()
        .find(|n| !n["renote"].is_null() || !n["reply"].is_null())
        .unwrap_or(&notes[0]);
    let addr = start_server(Answers {
        show: serde_json::to_vec(note).unwrap(),
        timeline: timeline.clone(),
    });
    let base = format!("http://{addr}");
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let client = Client::builder(&base).token(TOKEN).build().unwrap();
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    // The client times every call out (60 s by default); plain reqwest does not unless asked.
    // The `_timeout`/`_no_timeout` pairs compare like with like.
    let client_no_timeout = Client::builder(&base)
        .token(TOKEN)
        .no_timeout()
        .build()
        .unwrap();
    let http_timeout = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(misskey_client::DEFAULT_TIMEOUT)
        .build()
        .unwrap();
    let show_url = format!("{base}/api/notes/show");
    let timeline_url = format!("{base}/api/notes/timeline");

    // Both sides answer the same thing.
    rt.block_on(async {
        let a = client
            .call(&notes::show::Request::new(NOTE_ID))
            .await
            .unwrap();
        let b: notes::show::Response = plain(
            &http,
            &show_url,
            &ShowBody {
                note_id: NOTE_ID,
                i: TOKEN,
            },
        )
        .await;
        assert_eq!(a.id, b.id);
    });

    let mut group = c.benchmark_group("roundtrip_notes_show");
    group.bench_function("client", |b| {
        b.to_async(&rt).iter(|| async {
            client
                .call(&notes::show::Request::new(NOTE_ID))
                .await
                .unwrap()
        })
    });
    group.bench_function("reqwest", |b| {
        b.to_async(&rt).iter(|| async {
            let body = ShowBody {
                note_id: NOTE_ID,
                i: TOKEN,
            };
            plain::<_, notes::show::Response>(&http, &show_url, &body).await
        })
    });
    group.bench_function("client_no_timeout", |b| {
        b.to_async(&rt).iter(|| async {
            client_no_timeout
                .call(&notes::show::Request::new(NOTE_ID))
                .await
                .unwrap()
        })
    });
    group.bench_function("reqwest_timeout", |b| {
        b.to_async(&rt).iter(|| async {
            let body = ShowBody {
                note_id: NOTE_ID,
                i: TOKEN,
            };
            plain::<_, notes::show::Response>(&http_timeout, &show_url, &body).await
        })
    });
    group.finish();

    let mut group = c.benchmark_group("roundtrip_notes_timeline");
    group.bench_function("client", |b| {
        b.to_async(&rt).iter(|| async {
            let mut request = notes::timeline::Request::new();
            request.limit = Some(100);
            client.call(&request).await.unwrap()
        })
    });
    group.bench_function("reqwest", |b| {
        b.to_async(&rt).iter(|| async {
            let body = TimelineBody {
                limit: 100,
                i: TOKEN,
            };
            plain::<_, notes::timeline::Response>(&http, &timeline_url, &body).await
        })
    });
    group.finish();
}

criterion_group!(benches, roundtrip);
criterion_main!(benches);
