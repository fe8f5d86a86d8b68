//! A Misskey streaming server for tests: a real WebSocket server (tokio-tungstenite) on
//! 127.0.0.1 that records what clients send, answers `connect` with `connected`, and lets the
//! test push frames, drop the socket, or refuse the handshake.

#![allow(dead_code)]

use std::future::Future;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU16, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::net::TcpListener;
use tokio::sync::mpsc;
use tokio_tungstenite::tungstenite::handshake::server::{ErrorResponse, Request, Response};
use tokio_tungstenite::tungstenite::http::StatusCode;
use tokio_tungstenite::tungstenite::Message;

/// Every wait in the tests is bounded by this, so a bug fails instead of hanging.
pub const WAIT: Duration = Duration::from_secs(5);

/// Awaits `fut` or panics after [`WAIT`].
pub async fn within<T>(what: &str, fut: impl Future<Output = T>) -> T {
    match tokio::time::timeout(WAIT, fut).await {
        Ok(value) => value,
        Err(_) => panic!("timed out: {what}"),
    }
}

/// What the server saw.
#[derive(Debug, Clone)]
pub enum Seen {
    /// A handshake: the request URI, the `Authorization` header, and every header.
    Handshake {
        conn: usize,
        uri: String,
        authorization: Option<String>,
        headers: Vec<(String, String)>,
    },
    /// A JSON text frame.
    Message { conn: usize, msg: Value },
    /// A WebSocket ping.
    Ping { conn: usize },
    /// The client's side ended.
    Closed { conn: usize },
}

enum Out {
    Text(String),
    Drop,
    Freeze,
}

struct State {
    current: Mutex<Option<mpsc::UnboundedSender<Out>>>,
    /// HTTP status to refuse handshakes with (0 = accept).
    reject_with: AtomicU16,
    auto_connected: AtomicBool,
}

pub struct MockServer {
    pub addr: SocketAddr,
    seen: mpsc::UnboundedReceiver<Seen>,
    state: Arc<State>,
}

impl MockServer {
    pub async fn start() -> MockServer {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (seen_tx, seen) = mpsc::unbounded_channel();
        let state = Arc::new(State {
            current: Mutex::new(None),
            reject_with: AtomicU16::new(0),
            auto_connected: AtomicBool::new(true),
        });
        let st = state.clone();
        tokio::spawn(async move {
            let mut conn = 0usize;
            while let Ok((tcp, _)) = listener.accept().await {
                conn += 1;
                let seen = seen_tx.clone();
                let st = st.clone();
                let reject = st.reject_with.load(Ordering::SeqCst);
                let hs_seen = seen.clone();
                // tungstenite's callback signature fixes the error type.
                #[allow(clippy::result_large_err)]
                let callback = move |req: &Request, resp: Response| {
                    let _ = hs_seen.send(Seen::Handshake {
                        conn,
                        uri: req.uri().to_string(),
                        authorization: req
                            .headers()
                            .get("authorization")
                            .map(|v| v.to_str().unwrap().to_owned()),
                        headers: req
                            .headers()
                            .iter()
                            .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("").to_owned()))
                            .collect(),
                    });
                    if reject != 0 {
                        let mut err = ErrorResponse::new(Some("rejected".into()));
                        *err.status_mut() = StatusCode::from_u16(reject).unwrap();
                        return Err(err);
                    }
                    Ok(resp)
                };
                let Ok(ws) = tokio_tungstenite::accept_hdr_async(tcp, callback).await else {
                    continue;
                };
                let (out_tx, out_rx) = mpsc::unbounded_channel();
                *st.current.lock().unwrap() = Some(out_tx);
                tokio::spawn(serve(conn, ws, out_rx, seen, st));
            }
        });
        MockServer { addr, seen, state }
    }

    /// The base URL to give the client.
    pub fn base(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Refuse further handshakes with `status` (0 to accept again).
    pub fn reject_with(&self, status: u16) {
        self.state.reject_with.store(status, Ordering::SeqCst);
    }

    /// Whether to answer `connect` (with `pong: true`) by `connected`.
    pub fn auto_connected(&self, yes: bool) {
        self.state.auto_connected.store(yes, Ordering::SeqCst);
    }

    /// Sends a frame on the current socket.
    pub fn send(&self, msg: Value) {
        self.send_text(msg.to_string());
    }

    pub fn send_text(&self, text: impl Into<String>) {
        let current = self.state.current.lock().unwrap();
        current
            .as_ref()
            .expect("no client connected")
            .send(Out::Text(text.into()))
            .expect("socket gone");
    }

    /// Drops the current socket without a close handshake, as a crashed server would.
    pub fn drop_connection(&self) {
        if let Some(tx) = self.state.current.lock().unwrap().take() {
            let _ = tx.send(Out::Drop);
        }
    }

    /// Stops serving the current socket without closing it: no reads, no pongs.
    pub fn freeze(&self) {
        if let Some(tx) = self.state.current.lock().unwrap().take() {
            let _ = tx.send(Out::Freeze);
        }
    }

    /// The next thing the server saw.
    pub async fn next(&mut self) -> Seen {
        within("the server to see something", self.seen.recv())
            .await
            .expect("server gone")
    }

    /// The next JSON message (skipping handshakes, pings and closes).
    pub async fn next_message(&mut self) -> Value {
        loop {
            if let Seen::Message { msg, .. } = self.next().await {
                return msg;
            }
        }
    }

    /// The next handshake (skipping the rest of the old socket's traffic).
    pub async fn next_handshake(&mut self) -> (usize, String, Option<String>) {
        loop {
            if let Seen::Handshake {
                conn,
                uri,
                authorization,
                ..
            } = self.next().await
            {
                return (conn, uri, authorization);
            }
        }
    }

    /// The headers of the next handshake.
    pub async fn next_handshake_headers(&mut self) -> Vec<(String, String)> {
        loop {
            if let Seen::Handshake { headers, .. } = self.next().await {
                return headers;
            }
        }
    }

    /// Messages until none arrives for `quiet`.
    pub async fn drain(&mut self, quiet: Duration) -> Vec<Value> {
        let mut out = Vec::new();
        while let Ok(Some(seen)) = tokio::time::timeout(quiet, self.seen.recv()).await {
            if let Seen::Message { msg, .. } = seen {
                out.push(msg);
            }
        }
        out
    }
}

async fn serve(
    conn: usize,
    mut ws: tokio_tungstenite::WebSocketStream<tokio::net::TcpStream>,
    mut out: mpsc::UnboundedReceiver<Out>,
    seen: mpsc::UnboundedSender<Seen>,
    state: Arc<State>,
) {
    loop {
        tokio::select! {
            frame = ws.next() => match frame {
                Some(Ok(Message::Text(text))) => {
                    let msg: Value = serde_json::from_str(text.as_str()).unwrap();
                    let reply = (msg["type"] == "connect"
                        && msg["body"]["pong"] == true
                        && state.auto_connected.load(Ordering::SeqCst))
                        .then(|| json!({"type": "connected", "body": {"id": msg["body"]["id"]}}));
                    let _ = seen.send(Seen::Message { conn, msg });
                    if let Some(reply) = reply {
                        if ws.send(Message::Text(reply.to_string().into())).await.is_err() {
                            break;
                        }
                    }
                }
                Some(Ok(Message::Ping(_))) => {
                    let _ = seen.send(Seen::Ping { conn });
                }
                Some(Ok(_)) => {}
                Some(Err(_)) | None => break,
            },
            command = out.recv() => match command {
                Some(Out::Text(text)) => {
                    if ws.send(Message::Text(text.into())).await.is_err() {
                        break;
                    }
                }
                Some(Out::Drop) | None => return, // drops the TCP stream, no close frame
                Some(Out::Freeze) => {
                    // Hold the socket open, unread, until the test ends.
                    let _ws = ws;
                    std::future::pending::<()>().await;
                    return;
                }
            },
        }
    }
    let _ = seen.send(Seen::Closed { conn });
}

/// A note as the server sends it (every field the spec requires).
pub fn note(id: &str, text: &str) -> Value {
    json!({
        "id": id,
        "createdAt": "2025-01-01T00:00:00.000Z",
        "text": text,
        "cw": null,
        "userId": "u1",
        "user": user("u1", "alice"),
        "visibility": "public",
        "reactionAcceptance": null,
        "reactionEmojis": {},
        "reactions": {},
        "reactionCount": 0,
        "renoteCount": 0,
        "repliesCount": 0,
        "fileIds": [],
        "files": []
    })
}

/// A lite user.
pub fn user(id: &str, username: &str) -> Value {
    json!({
        "id": id,
        "name": null,
        "username": username,
        "host": null,
        "avatarUrl": null,
        "avatarBlurhash": null,
        "avatarDecorations": [],
        "emojis": {},
        "onlineStatus": "unknown",
        "isBot": false,
        "isCat": false
    })
}

/// A `channel` frame.
pub fn event(id: &str, kind: &str, body: Value) -> Value {
    json!({"type": "channel", "body": {"id": id, "type": kind, "body": body}})
}
