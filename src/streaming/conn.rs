//! The background task that owns the socket: it writes what the handles ask for, routes what
//! the server sends, keeps the socket alive, and re-establishes it (resuming every channel and
//! note subscription) when it drops.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine as _;
use futures_util::{SinkExt, StreamExt};
use serde::Deserialize;
use serde_json::{json, Value};
use tokio::sync::{mpsc, oneshot};
use tokio::time::Instant;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::WebSocketStream;

use super::{StreamError, StreamResult};
use crate::error::without_values;

/// The socket under the WebSocket protocol: plain TCP or TLS over it.
pub(crate) trait Io: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send {}

impl<T: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send> Io for T {}

pub(crate) type Ws = WebSocketStream<Box<dyn Io>>;

/// Everything the task needs to (re)open the socket. Never logged as a whole: it holds the
/// token.
pub(crate) struct Config {
    /// `ws(s)://host/streaming`, without the token.
    pub url: url::Url,
    /// The HTTP client the handshake goes through: the user's, or one that follows no
    /// redirect (a redirect would carry the token in the query away).
    pub http: reqwest::Client,
    /// The client's `User-Agent`, when it sets one per request.
    pub user_agent: Option<reqwest::header::HeaderValue>,
    /// The largest message (and frame) the server may send.
    pub max_message_size: usize,
    pub token: Option<crate::Token>,
    pub bearer: bool,
    pub handshake_timeout: Duration,
    pub connect_timeout: Duration,
    pub ping_interval: Duration,
    pub idle_timeout: Duration,
    pub backoff_min: Duration,
    pub backoff_max: Duration,
    pub max_reconnect_attempts: Option<u32>,
}

/// What a handle gets: an event to decode on the consumer's side, or the marker that the
/// socket was re-established.
#[derive(Debug)]
pub(crate) enum Incoming {
    Event {
        event_type: String,
        body: Value,
        /// The size of the frame it came in, which it holds while queued.
        bytes: usize,
    },
    Reconnected,
    /// This many events were dropped because the consumer's queue was full.
    Missed(u64),
}

/// How much one consumer's queue may hold: items, and bytes of the frames they came in.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bounds {
    pub items: usize,
    pub bytes: usize,
}

/// The sending end of one consumer's queue. The queue is bounded in items and in bytes: a
/// consumer that does not keep up loses events rather than the process its memory, and is
/// told how many it lost (`Incoming::Missed`) before the next one it gets.
pub(crate) struct Tx {
    tx: mpsc::Sender<Incoming>,
    /// Bytes of the events queued and not yet read, shared with the [`Rx`].
    queued: Arc<AtomicUsize>,
    max_bytes: usize,
    /// Events dropped since the consumer last had room; the task alone touches it.
    missed: std::cell::Cell<u64>,
}

/// The receiving end: what a handle reads, giving back the bytes of each event it takes.
pub(crate) struct Rx {
    rx: mpsc::Receiver<Incoming>,
    queued: Arc<AtomicUsize>,
}

impl Rx {
    pub(crate) fn poll_recv(
        &mut self,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Incoming>> {
        let polled = self.rx.poll_recv(cx);
        if let std::task::Poll::Ready(Some(Incoming::Event { bytes, .. })) = &polled {
            self.queued.fetch_sub(*bytes, Ordering::Relaxed);
        }
        polled
    }
}

impl Tx {
    /// A consumer's queue within `bounds`.
    pub(crate) fn channel(bounds: Bounds) -> (Tx, Rx) {
        let (tx, rx) = mpsc::channel(bounds.items.max(2));
        let queued = Arc::new(AtomicUsize::new(0));
        (
            Tx {
                tx,
                queued: queued.clone(),
                max_bytes: bounds.bytes,
                missed: std::cell::Cell::new(0),
            },
            Rx { rx, queued },
        )
    }

    /// Queues an item, or counts it as missed when the queue is full (of items or bytes);
    /// `false` when the consumer is gone.
    pub(crate) fn send(&self, item: Incoming) -> bool {
        use tokio::sync::mpsc::error::TrySendError;
        let bytes = match &item {
            Incoming::Event { bytes, .. } => *bytes,
            _ => 0,
        };
        // Only the task adds to `queued`, so what it reads here can only shrink meanwhile.
        if bytes > 0 && self.queued.load(Ordering::Relaxed).saturating_add(bytes) > self.max_bytes {
            self.missed.set(self.missed.get().saturating_add(1));
            return !self.tx.is_closed();
        }
        let missed = self.missed.get();
        if missed > 0 {
            match self.tx.try_send(Incoming::Missed(missed)) {
                Ok(()) => self.missed.set(0),
                Err(TrySendError::Full(_)) => {
                    self.missed.set(missed.saturating_add(1));
                    return true;
                }
                Err(TrySendError::Closed(_)) => return false,
            }
        }
        self.queued.fetch_add(bytes, Ordering::Relaxed);
        match self.tx.try_send(item) {
            Ok(()) => true,
            Err(err) => {
                self.queued.fetch_sub(bytes, Ordering::Relaxed);
                match err {
                    TrySendError::Full(_) => {
                        self.missed.set(self.missed.get().saturating_add(1));
                        true
                    }
                    TrySendError::Closed(_) => false,
                }
            }
        }
    }
}

/// Requests from handles to the task.
pub(crate) enum Command {
    Connect {
        id: String,
        channel: String,
        params: Value,
        tx: Tx,
        ready: oneshot::Sender<()>,
    },
    Disconnect {
        id: String,
        done: Option<oneshot::Sender<()>>,
    },
    /// A `ch` message from the handle `id` to its channel.
    Ch {
        id: String,
        kind: String,
        body: Value,
        done: oneshot::Sender<StreamResult<()>>,
    },
    /// A frame to write as is (`ch`, or anything the user sends raw). Answered with whether it
    /// was written.
    Send {
        frame: String,
        done: oneshot::Sender<StreamResult<()>>,
    },
    SubNote {
        note_id: String,
        sub_id: u64,
        tx: Tx,
    },
    UnsubNote {
        note_id: String,
        sub_id: u64,
    },
    Broadcasts {
        tx: Tx,
    },
    Shutdown,
}

/// One channel connection on the socket, keyed by its wire id (the id of the handle that
/// opened it).
struct ChannelState {
    channel: String,
    params: Value,
    /// The handles it feeds: more than one when a shared channel is opened again.
    subscribers: Vec<(String, Tx)>,
    /// Whether the server has answered `connected` (at least once).
    confirmed: bool,
    /// Handles waiting for the first `connected`.
    waiters: Vec<oneshot::Sender<()>>,
}

/// Channels the server keeps at most one of per socket: it silently ignores a second
/// `connect` for them. Opening one again joins the existing connection instead, as
/// misskey-js does.
const SHARED_CHANNELS: &[&str] = &[
    "main",
    "drive",
    "admin",
    "queueStats",
    "serverStats",
    "reversi",
];

pub(crate) struct Task {
    cfg: std::sync::Arc<Config>,
    rx: mpsc::UnboundedReceiver<Command>,
    channels: HashMap<String, ChannelState>,
    /// Handle id → wire id, for handles that joined another handle's connection.
    joined: HashMap<String, String>,
    /// Subscribers per note id; the note is subscribed on the server while this is non-empty.
    notes: HashMap<String, Vec<(u64, Tx)>>,
    broadcasts: Vec<Tx>,
    /// Shared with the handles: whether a socket is up.
    connected: std::sync::Arc<AtomicBool>,
}

enum End {
    /// The socket dropped or went silent: reconnect.
    Dropped,
    /// Closed on purpose, or every handle is gone.
    Shutdown,
}

enum Wake {
    Frame(Option<Result<Message, tokio_tungstenite::tungstenite::Error>>),
    Command(Option<Command>),
    Tick,
}

/// Opens the socket, within the handshake timeout.
pub(crate) async fn open(cfg: &Config) -> StreamResult<Ws> {
    // `cfg.url` carries no token, so it is safe to log.
    tracing::debug!(url = %cfg.url, "opening the streaming socket");
    match tokio::time::timeout(cfg.handshake_timeout, handshake(cfg)).await {
        Err(_) => Err(StreamError::Timeout("waiting for the WebSocket handshake")),
        Ok(result) => result,
    }
}

/// The WebSocket handshake as an HTTP/1.1 upgrade sent by the user's `reqwest::Client`, so
/// that its proxy, roots, timeouts and default headers are the streaming connection's too;
/// the upgraded connection is then run as a WebSocket without a handshake of
/// tungstenite's (whose client logs the whole request, `?i=TOKEN` included, at `TRACE`).
async fn handshake(cfg: &Config) -> StreamResult<Ws> {
    use reqwest::header::{HeaderValue, AUTHORIZATION, CONNECTION, UPGRADE, USER_AGENT};
    let mut url = cfg.url.clone();
    let scheme = if url.scheme() == "wss" {
        "https"
    } else {
        "http"
    };
    url.set_scheme(scheme)
        .map_err(|()| StreamError::InvalidUrl("cannot use an HTTP scheme".into()))?;
    let key = handshake_key()?;
    let mut request = cfg
        .http
        .get(url)
        .header(CONNECTION, "Upgrade")
        .header(UPGRADE, "websocket")
        .header("Sec-WebSocket-Version", "13")
        .header("Sec-WebSocket-Key", key.as_str());
    if let Some(agent) = &cfg.user_agent {
        request = request.header(USER_AGENT, agent.clone());
    }
    match (&cfg.token, cfg.bearer) {
        (Some(token), false) => {
            request = request.query(&[("i", token.expose_secret())]);
        }
        (Some(token), true) => {
            let mut value = HeaderValue::from_str(&format!("Bearer {}", token.expose_secret()))
                .map_err(|_| {
                    StreamError::InvalidUrl("the token is not a valid header value".into())
                })?;
            value.set_sensitive(true);
            request = request.header(AUTHORIZATION, value);
        }
        (None, _) => {}
    }
    // reqwest's errors name the URL, which holds the token: they are reported without it.
    let response = request
        .send()
        .await
        .map_err(|e| transport_error(e.without_url()))?;
    let status = response.status().as_u16();
    // A client that follows redirects would have carried the token in the query to where
    // the redirect pointed: refuse what did not come from the address the handshake was
    // sent to.
    let answered = response.url();
    if (
        answered.host_str(),
        answered.port_or_known_default(),
        answered.path(),
    ) != (
        cfg.url.host_str(),
        cfg.url.port_or_known_default(),
        cfg.url.path(),
    ) {
        return Err(handshake_error(
            "the handshake was redirected; build the HTTP client with \
             .redirect(reqwest::redirect::Policy::none())",
        ));
    }
    if status != 101 {
        return Err(StreamError::Rejected { status });
    }
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let expected = accept_key(&key);
    if !header("upgrade").is_some_and(|v| v.eq_ignore_ascii_case("websocket"))
        || header("sec-websocket-accept").as_deref() != Some(expected.as_str())
    {
        return Err(handshake_error(
            "the server did not accept the WebSocket upgrade",
        ));
    }
    let upgraded = response
        .upgrade()
        .await
        .map_err(|e| transport_error(e.without_url()))?;
    let limits = tokio_tungstenite::tungstenite::protocol::WebSocketConfig::default()
        .max_message_size(Some(cfg.max_message_size))
        .max_frame_size(Some(cfg.max_message_size));
    Ok(WebSocketStream::from_raw_socket(
        Box::new(upgraded) as Box<dyn Io>,
        tokio_tungstenite::tungstenite::protocol::Role::Client,
        Some(limits),
    )
    .await)
}

fn transport_error(err: reqwest::Error) -> StreamError {
    StreamError::WebSocket(Box::new(tokio_tungstenite::tungstenite::Error::Io(
        std::io::Error::other(err),
    )))
}

/// A fresh `Sec-WebSocket-Key`: 16 random bytes in base64 (RFC 6455, 4.1).
fn handshake_key() -> StreamResult<String> {
    let mut nonce = [0u8; 16];
    ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut nonce)
        .map_err(|_| handshake_error("no randomness for the handshake key"))?;
    Ok(BASE64.encode(nonce))
}

/// The `Sec-WebSocket-Accept` a server must answer to `key`: the base64 SHA-1 of the key
/// followed by the protocol's GUID (RFC 6455, 4.2.2).
fn accept_key(key: &str) -> String {
    const GUID: &str = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    let mut context = ring::digest::Context::new(&ring::digest::SHA1_FOR_LEGACY_USE_ONLY);
    context.update(key.as_bytes());
    context.update(GUID.as_bytes());
    BASE64.encode(context.finish())
}

fn handshake_error(what: &str) -> StreamError {
    StreamError::WebSocket(Box::new(tokio_tungstenite::tungstenite::Error::Io(
        std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_owned()),
    )))
}

fn frame(kind: &str, body: Value) -> String {
    json!({ "type": kind, "body": body }).to_string()
}

fn connect_frame(id: &str, channel: &str, params: &Value) -> String {
    frame(
        "connect",
        json!({ "channel": channel, "id": id, "params": params, "pong": true }),
    )
}

/// The top level of every server frame.
#[derive(Deserialize)]
pub(crate) struct Envelope {
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub body: Value,
}

/// The body of `channel` and `noteUpdated` frames: whose it is, and the inner event.
#[derive(Deserialize)]
pub(crate) struct Routed {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub body: Value,
}

impl Task {
    pub(crate) fn new(
        cfg: std::sync::Arc<Config>,
        rx: mpsc::UnboundedReceiver<Command>,
        connected: std::sync::Arc<AtomicBool>,
    ) -> Task {
        Task {
            connected,
            cfg,
            rx,
            channels: HashMap::new(),
            joined: HashMap::new(),
            notes: HashMap::new(),
            broadcasts: Vec::new(),
        }
    }

    pub(crate) async fn run(mut self, mut ws: Ws) {
        // Sockets in a row that dropped soon after opening: they keep the backoff growing, so
        // a server that accepts and then drops at once is not hammered.
        let mut flaps: u32 = 0;
        loop {
            let opened = Instant::now();
            match self.session(&mut ws).await {
                End::Shutdown => {
                    let _ = tokio::time::timeout(self.cfg.handshake_timeout, ws.close(None)).await;
                    tracing::debug!("streaming connection closed");
                    return;
                }
                End::Dropped => {
                    // Dropping a broken socket needs no close handshake.
                    drop(ws);
                }
            }
            self.connected.store(false, Ordering::Relaxed);
            flaps = if opened.elapsed() >= self.cfg.backoff_max {
                0
            } else {
                flaps.saturating_add(1)
            };
            match self.reconnect(flaps.saturating_sub(1)).await {
                Some(new) => ws = new,
                None => return,
            }
            self.connected.store(true, Ordering::Relaxed);
            if self.resume(&mut ws).await.is_err() {
                // Dropped again at once: the next session ends immediately and retries.
                tracing::debug!("socket failed while resuming");
            }
        }
    }

    /// Serves one socket until it drops or the connection is shut down.
    async fn session(&mut self, ws: &mut Ws) -> End {
        let period = self.cfg.ping_interval;
        let mut ping = tokio::time::interval_at(Instant::now() + period, period);
        ping.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut last_heard = Instant::now();
        loop {
            let wake = tokio::select! {
                frame = ws.next() => Wake::Frame(frame),
                command = self.rx.recv() => Wake::Command(command),
                _ = ping.tick() => Wake::Tick,
            };
            match wake {
                Wake::Frame(None) => {
                    tracing::info!("the server closed the streaming socket");
                    return End::Dropped;
                }
                Wake::Frame(Some(Err(err))) => {
                    tracing::info!(error = %err, "the streaming socket failed");
                    return End::Dropped;
                }
                Wake::Frame(Some(Ok(message))) => {
                    last_heard = Instant::now();
                    match message {
                        Message::Text(text) => self.route(text.as_str()),
                        Message::Close(frame) => {
                            tracing::info!(?frame, "the server is closing the streaming socket");
                        }
                        // tungstenite answers pings itself while we keep reading.
                        _ => {}
                    }
                }
                Wake::Command(None) | Wake::Command(Some(Command::Shutdown)) => {
                    return End::Shutdown
                }
                Wake::Command(Some(command)) => {
                    if let Err(err) = self.handle(command, Some(ws)).await {
                        tracing::info!(error = %err, "writing to the streaming socket failed");
                        return End::Dropped;
                    }
                }
                Wake::Tick => {
                    if last_heard.elapsed() >= self.cfg.idle_timeout {
                        tracing::info!("the streaming socket went silent; reconnecting");
                        return End::Dropped;
                    }
                    // A ping keeps proxies and the server from dropping an idle socket, and
                    // its pong proves the socket is alive.
                    let ping = Message::Ping(Default::default());
                    if send(ws, ping, self.cfg.handshake_timeout).await.is_err() {
                        return End::Dropped;
                    }
                }
            }
        }
    }

    /// Applies a command to the state and, when a socket is up, writes what it implies.
    async fn handle(&mut self, command: Command, ws: Option<&mut Ws>) -> Result<(), Broken> {
        let limit = self.cfg.handshake_timeout;
        let mut out = None;
        match command {
            Command::Connect {
                id,
                channel,
                params,
                tx,
                ready,
            } => {
                let existing = SHARED_CHANNELS
                    .contains(&channel.as_str())
                    .then(|| {
                        self.channels
                            .iter_mut()
                            .find(|(_, state)| state.channel == channel && state.params == params)
                    })
                    .flatten();
                if let Some((wire, state)) = existing {
                    state.subscribers.push((id.clone(), tx));
                    if state.confirmed {
                        let _ = ready.send(());
                    } else {
                        state.waiters.push(ready);
                    }
                    self.joined.insert(id, wire.clone());
                } else {
                    out = Some(connect_frame(&id, &channel, &params));
                    self.channels.insert(
                        id.clone(),
                        ChannelState {
                            channel,
                            params,
                            subscribers: vec![(id, tx)],
                            confirmed: false,
                            waiters: vec![ready],
                        },
                    );
                }
            }
            Command::Disconnect { id, done } => {
                let wire = self.joined.remove(&id).unwrap_or_else(|| id.clone());
                if let Some(state) = self.channels.get_mut(&wire) {
                    state.subscribers.retain(|(handle, _)| *handle != id);
                    if state.subscribers.is_empty() {
                        self.channels.remove(&wire);
                        out = Some(frame("disconnect", json!({ "id": wire })));
                    }
                }
                if let Some(done) = done {
                    // Written or not (no socket), the server no longer has this channel once
                    // we are reconnected, so the close is complete either way.
                    let result = write(ws, out, limit).await;
                    let _ = done.send(());
                    return result;
                }
            }
            Command::Ch {
                id,
                kind,
                body,
                done,
            } => {
                let wire = self.joined.get(&id).unwrap_or(&id);
                let text = frame("ch", json!({ "id": wire, "type": kind, "body": body }));
                return write_reporting(ws, text, done, limit).await;
            }
            Command::Send { frame, done } => return write_reporting(ws, frame, done, limit).await,
            Command::SubNote {
                note_id,
                sub_id,
                tx,
            } => {
                let subs = self.notes.entry(note_id.clone()).or_default();
                if subs.is_empty() {
                    out = Some(frame("subNote", json!({ "id": note_id })));
                }
                subs.push((sub_id, tx));
            }
            Command::UnsubNote { note_id, sub_id } => {
                if let Some(subs) = self.notes.get_mut(&note_id) {
                    subs.retain(|(id, _)| *id != sub_id);
                    if subs.is_empty() {
                        self.notes.remove(&note_id);
                        out = Some(frame("unsubNote", json!({ "id": note_id })));
                    }
                }
            }
            Command::Broadcasts { tx } => self.broadcasts.push(tx),
            Command::Shutdown => {}
        }
        write(ws, out, limit).await
    }

    /// Routes one server frame to whoever waits for it. Malformed or unexpected frames are
    /// logged and skipped: nothing the server sends ends the connection.
    fn route(&mut self, text: &str) {
        let envelope: Envelope = match serde_json::from_str(text) {
            Ok(envelope) => envelope,
            Err(err) => {
                tracing::warn!(error = %without_values(&err.to_string()), "skipping a streaming frame that is not JSON");
                return;
            }
        };
        match envelope.kind.as_str() {
            "connected" => {
                let id = envelope.body.get("id").and_then(Value::as_str);
                if let Some(state) = id.and_then(|id| self.channels.get_mut(id)) {
                    state.confirmed = true;
                    for ready in state.waiters.drain(..) {
                        let _ = ready.send(());
                    }
                }
            }
            "channel" => match Routed::deserialize(envelope.body) {
                Ok(routed) => match self.channels.get(&routed.id) {
                    Some(state) => {
                        send_all(&state.subscribers, routed.kind, routed.body, text.len())
                    }
                    None => tracing::debug!(id = %routed.id, "event for a channel not open"),
                },
                Err(err) => tracing::warn!(
                    error = %without_values(&err.to_string()),
                    "skipping a malformed channel frame"
                ),
            },
            "noteUpdated" => match Routed::deserialize(envelope.body) {
                Ok(routed) => {
                    // Each subscription knows its note, so only the inner event travels.
                    if let Some(subs) = self.notes.get(&routed.id) {
                        for (_, tx) in subs {
                            let _ = tx.send(Incoming::Event {
                                event_type: routed.kind.clone(),
                                body: routed.body.clone(),
                                bytes: text.len(),
                            });
                        }
                    }
                }
                Err(err) => tracing::warn!(
                    error = %without_values(&err.to_string()),
                    "skipping a malformed noteUpdated frame"
                ),
            },
            _ => {
                let (kind, body) = (envelope.kind, envelope.body);
                self.broadcasts.retain(|tx| {
                    tx.send(Incoming::Event {
                        event_type: kind.clone(),
                        body: body.clone(),
                        bytes: text.len(),
                    })
                });
            }
        }
    }

    /// Waits (with backoff, starting at step `attempt`) and reopens the socket, still
    /// serving commands meanwhile. `None` when the connection should end instead.
    async fn reconnect(&mut self, mut attempt: u32) -> Option<Ws> {
        let mut failures: u32 = 0;
        loop {
            let delay = backoff(&self.cfg, attempt);
            tracing::info!(?delay, attempt, "reconnecting the streaming socket");
            let sleep = tokio::time::sleep(delay);
            tokio::pin!(sleep);
            loop {
                tokio::select! {
                    _ = &mut sleep => break,
                    command = self.rx.recv() => match command {
                        None | Some(Command::Shutdown) => return None,
                        Some(command) => {
                            let _ = self.handle(command, None).await;
                        }
                    },
                }
            }
            match open(&self.cfg).await {
                Ok(ws) => return Some(ws),
                Err(err) if err.is_auth_error() => {
                    // The credential was revoked: retrying cannot help. Ending the task ends
                    // every stream.
                    tracing::error!(error = %err, "the server refused to reconnect; giving up");
                    return None;
                }
                Err(err) => {
                    tracing::info!(error = %err, "reconnecting failed");
                    attempt = attempt.saturating_add(1);
                    failures += 1;
                    if self
                        .cfg
                        .max_reconnect_attempts
                        .is_some_and(|max| failures >= max)
                    {
                        tracing::error!(failures, "giving up reconnecting the streaming socket");
                        return None;
                    }
                }
            }
        }
    }

    /// Re-sends `connect` for every channel (same id and params) and `subNote` for every
    /// subscribed note, then tells every handle it may have missed events.
    async fn resume(&mut self, ws: &mut Ws) -> Result<(), Broken> {
        tracing::info!(
            channels = self.channels.len(),
            notes = self.notes.len(),
            "streaming socket re-established; resuming"
        );
        for state in self.channels.values() {
            // A channel not confirmed yet has missed nothing.
            if state.confirmed {
                for (_, tx) in &state.subscribers {
                    let _ = tx.send(Incoming::Reconnected);
                }
            }
        }
        for subs in self.notes.values() {
            for (_, tx) in subs {
                let _ = tx.send(Incoming::Reconnected);
            }
        }
        self.broadcasts.retain(|tx| tx.send(Incoming::Reconnected));
        let mut frames: Vec<String> = self
            .channels
            .iter()
            .map(|(id, state)| connect_frame(id, &state.channel, &state.params))
            .collect();
        frames.extend(
            self.notes
                .keys()
                .map(|note_id| frame("subNote", json!({ "id": note_id }))),
        );
        let limit = self.cfg.handshake_timeout;
        for text in frames {
            send(ws, Message::Text(text.into()), limit).await?;
        }
        Ok(())
    }
}

/// Hands one event to every subscriber, cloning the body only when there are several.
fn send_all(subscribers: &[(String, Tx)], event_type: String, body: Value, bytes: usize) {
    if let [(_, tx)] = subscribers {
        let _ = tx.send(Incoming::Event {
            event_type,
            body,
            bytes,
        });
        return;
    }
    for (_, tx) in subscribers {
        let _ = tx.send(Incoming::Event {
            event_type: event_type.clone(),
            body: body.clone(),
            bytes,
        });
    }
}

/// Writes a frame a handle asked for and tells it whether that worked; messages are not
/// queued while the socket is down (they would arrive out of context after a reconnect).
async fn write_reporting(
    ws: Option<&mut Ws>,
    text: String,
    done: oneshot::Sender<StreamResult<()>>,
    limit: Duration,
) -> Result<(), Broken> {
    let Some(ws) = ws else {
        let _ = done.send(Err(StreamError::NotConnected));
        return Ok(());
    };
    let result = send(ws, Message::Text(text.into()), limit).await;
    let _ = done.send(
        result
            .as_ref()
            .map_err(|_| StreamError::NotConnected)
            .copied(),
    );
    result
}

/// A write that failed or stalled: the socket is to be replaced.
#[derive(Debug)]
pub(crate) struct Broken(String);

impl std::fmt::Display for Broken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Writes one frame, giving up after `limit`: a half-open socket can block a write forever
/// once the send buffer is full.
async fn send(ws: &mut Ws, message: Message, limit: Duration) -> Result<(), Broken> {
    match tokio::time::timeout(limit, ws.send(message)).await {
        Ok(Ok(())) => Ok(()),
        Ok(Err(err)) => Err(Broken(err.to_string())),
        Err(_) => Err(Broken("writing timed out".into())),
    }
}

async fn write(ws: Option<&mut Ws>, text: Option<String>, limit: Duration) -> Result<(), Broken> {
    match (ws, text) {
        (Some(ws), Some(text)) => send(ws, Message::Text(text.into()), limit).await,
        _ => Ok(()),
    }
}
fn backoff(cfg: &Config, attempt: u32) -> Duration {
    crate::wait::backoff(cfg.backoff_min, cfg.backoff_max, attempt)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_key_is_the_one_of_rfc_6455() {
        // The worked example of RFC 6455, section 1.3.
        assert_eq!(
            accept_key("dGhlIHNhbXBsZSBub25jZQ=="),
            "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="
        );
    }

    #[test]
    fn handshake_keys_are_16_fresh_random_bytes() {
        let first = handshake_key().unwrap();
        let second = handshake_key().unwrap();
        assert_eq!(BASE64.decode(&first).unwrap().len(), 16);
        assert_ne!(first, second);
    }

    #[test]
    fn backoff_grows_and_is_capped() {
        let cfg = Config {
            url: url::Url::parse("ws://x/streaming").unwrap(),
            http: reqwest::Client::new(),
            user_agent: None,
            max_message_size: 1 << 20,
            token: None,
            bearer: false,
            handshake_timeout: Duration::from_secs(1),
            connect_timeout: Duration::from_secs(1),
            ping_interval: Duration::from_secs(1),
            idle_timeout: Duration::from_secs(1),
            backoff_min: Duration::from_millis(100),
            backoff_max: Duration::from_secs(10),
            max_reconnect_attempts: None,
        };
        for (attempt, base) in [(0, 100), (1, 200), (3, 800), (7, 10_000), (40, 10_000)] {
            let delay = backoff(&cfg, attempt).as_millis() as u64;
            // Jitter picks a point in the upper half.
            assert!(
                delay >= base / 2 && delay <= base,
                "attempt {attempt}: {delay}"
            );
        }
    }
}
