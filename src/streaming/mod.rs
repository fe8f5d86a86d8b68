//! Misskey's streaming API: one WebSocket, many typed channels, note subscriptions and
//! broadcasts, with reconnection that resumes all of them.
//!
//! ```no_run
//! # async fn run() -> misskey_client::Result<()> {
//! use futures_util::StreamExt;
//! use misskey_client::streaming::{ChannelMessage, MainEvent};
//!
//! let client = misskey_client::Client::builder("https://misskey.example")
//!     .token("YOUR_TOKEN")
//!     .build()?;
//! let stream = client.streaming().connect().await?;
//! let mut main = stream.main().await?;
//! while let Some(message) = main.next().await {
//!     match message {
//!         ChannelMessage::Event(MainEvent::Mention(note)) => println!("mentioned in {}", note.id),
//!         ChannelMessage::Event(_) => {}
//!         // The socket dropped and came back, or this loop fell behind: fetch what was
//!         // missed over HTTP.
//!         ChannelMessage::Reconnected | ChannelMessage::Missed(_) => {}
//!     }
//! }
//! # Ok(())
//! # }
//! ```
//!
//! # How it works
//! [`StreamingBuilder::connect`] performs the WebSocket handshake (so a refused token is an
//! error right there) and starts one background task that owns the socket. Every handle
//! ([`Streaming`], [`Channel`], [`NoteSubscription`], [`Broadcasts`]) talks to that task; the
//! socket stays open while any handle is alive, or until [`Streaming::close`].
//!
//! Each channel gets its own id; the task routes the server's events to the right
//! [`Channel`] by that id. Events are queued without bound per handle (the socket task never
//! waits for a slow consumer) and decoded when the consumer polls.
//!
//! When the socket drops (or stays silent past the idle timeout), the task reconnects with
//! exponential backoff, re-sends `connect` for every open channel with the same id and
//! parameters and `subNote` for every subscribed note, and puts a
//! [`ChannelMessage::Reconnected`] marker into every stream. Events sent while the socket was
//! down are lost: the marker is the cue to backfill over HTTP. A WebSocket ping every
//! [`ping_interval`](StreamingBuilder::ping_interval) keeps the socket from being dropped as
//! idle. Reconnection stops, and every stream ends, if the server then refuses the token.
//!
//! Nothing the server sends ends a stream: unknown channels, unknown event types, and known
//! events whose body does not decode all arrive as [`RawEvent`] (see [`events`]).

use std::fmt;
use std::marker::PhantomData;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use futures_util::Stream;
use serde::Serialize;
use serde_json::{json, Value};
use tokio::sync::{mpsc, oneshot};

use crate::models;

pub mod channels;
mod client_ext;
mod conn;
pub mod events;

pub use crate::error::{StreamError, StreamResult};
pub use channels::{ChannelKind, TimelineParams};
pub use events::{
    AnyEvent, Broadcast, ChannelEvent, DriveEvent, MainEvent, NoteEvent, NoteUpdate, RawEvent,
    TimelineEvent,
};

use conn::{Command, Config, Incoming};

/// An item of every stream this module hands out: an event, or the marker that the socket
/// was re-established and events may have been missed meanwhile.
#[derive(Debug, Clone)]
pub enum ChannelMessage<E> {
    /// An event.
    Event(E),
    /// The socket dropped and was re-established, and the subscription resumed; events sent
    /// in between are lost (fetch them over HTTP if they matter).
    Reconnected,
    /// This stream was not read fast enough: its queue
    /// ([`queue_capacity`](StreamingBuilder::queue_capacity),
    /// [`queue_bytes`](StreamingBuilder::queue_bytes)) was full and this many events were
    /// dropped, the oldest kept. Like `Reconnected`, the cue to backfill over HTTP.
    Missed(u64),
}

impl<E> ChannelMessage<E> {
    /// The event, if this is one.
    pub fn into_event(self) -> Option<E> {
        match self {
            ChannelMessage::Event(event) => Some(event),
            ChannelMessage::Reconnected | ChannelMessage::Missed(_) => None,
        }
    }
}

/// Configures and opens a streaming connection; from [`Client::streaming`](crate::Client::streaming)
/// or [`StreamingBuilder::new`].
pub struct StreamingBuilder {
    base: String,
    http: Option<reqwest::Client>,
    user_agent: Option<reqwest::header::HeaderValue>,
    token: Option<crate::Token>,
    bearer: bool,
    handshake_timeout: Duration,
    connect_timeout: Duration,
    ping_interval: Duration,
    idle_timeout: Option<Duration>,
    backoff_min: Duration,
    backoff_max: Duration,
    max_reconnect_attempts: Option<u32>,
    queue_capacity: usize,
    queue_bytes: usize,
    max_message_size: usize,
}

impl fmt::Debug for StreamingBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StreamingBuilder")
            .field("base", &self.base)
            .field("token", &self.token)
            .field("bearer", &self.bearer)
            .finish_non_exhaustive()
    }
}

impl StreamingBuilder {
    /// A builder for the server at `base` (`https://misskey.example`; `http`, `https`, `ws`
    /// and `wss` are accepted), without a token.
    pub fn new(base: impl Into<String>) -> StreamingBuilder {
        StreamingBuilder {
            base: base.into(),
            http: None,
            user_agent: None,
            token: None,
            bearer: false,
            handshake_timeout: Duration::from_secs(15),
            connect_timeout: Duration::from_secs(15),
            ping_interval: Duration::from_secs(50),
            idle_timeout: None,
            backoff_min: Duration::from_millis(500),
            backoff_max: Duration::from_secs(60),
            max_reconnect_attempts: None,
            queue_capacity: DEFAULT_QUEUE_CAPACITY,
            queue_bytes: DEFAULT_QUEUE_BYTES,
            max_message_size: DEFAULT_MAX_MESSAGE_SIZE,
        }
    }

    /// The HTTP client the WebSocket handshake goes through, with its proxy, root
    /// certificates, timeouts and default headers, as
    /// [`ClientBuilder::http_client`](crate::ClientBuilder::http_client) for calls
    /// ([`Client::streaming`](crate::Client::streaming) passes the client's own). Build it with
    /// `.redirect(reqwest::redirect::Policy::none())`: a redirected handshake would carry
    /// the token in its query to wherever it points. Without one, a client with the
    /// defaults and no redirects is used.
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.http = Some(http);
        self
    }

    /// The token (sent as `?i=` or, with [`bearer`](Self::bearer), in the header).
    pub fn token(mut self, token: impl Into<crate::Token>) -> Self {
        self.token = Some(token.into());
        self
    }

    /// Sends the token in an `Authorization: Bearer` header instead of the `i` query
    /// parameter (which can end up in proxy logs).
    pub fn bearer(mut self, yes: bool) -> Self {
        self.bearer = yes;
        self
    }

    /// How long the WebSocket handshake may take (default 15 s).
    pub fn handshake_timeout(mut self, timeout: Duration) -> Self {
        self.handshake_timeout = timeout;
        self
    }

    /// How long to wait for the server's `connected` after connecting a channel
    /// (default 15 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// How often to ping the server (default 50 s; Misskey drops sockets idle for about two
    /// minutes). At least 100 ms; every duration here is at most a year.
    pub fn ping_interval(mut self, interval: Duration) -> Self {
        self.ping_interval = interval;
        self
    }

    /// After how long without any frame from the server the socket counts as dead and is
    /// re-established (default: two ping intervals and a half).
    pub fn idle_timeout(mut self, timeout: Duration) -> Self {
        self.idle_timeout = Some(timeout);
        self
    }

    /// The reconnection backoff: the first delay and the cap (default 0.5 s to 60 s,
    /// doubling, with jitter).
    pub fn backoff(mut self, min: Duration, max: Duration) -> Self {
        self.backoff_min = min;
        self.backoff_max = max.max(min);
        self
    }

    /// How many unread items each stream (channel, note subscription, broadcasts) holds
    /// (default 1024, at least 2). When a stream is not read fast enough, newer events are
    /// dropped and the stream says how many with [`ChannelMessage::Missed`]: a slow
    /// consumer costs events, never unbounded memory.
    pub fn queue_capacity(mut self, items: usize) -> Self {
        self.queue_capacity = items;
        self
    }

    /// How many bytes of frames each stream holds unread (default 16 MiB): the same bound
    /// as [`queue_capacity`](Self::queue_capacity), by size, so that a few huge events
    /// cannot hold more memory than many small ones. An event larger than this on its own
    /// is dropped and counted as missed.
    pub fn queue_bytes(mut self, bytes: usize) -> Self {
        self.queue_bytes = bytes;
        self
    }

    /// The largest message the server may send (default 4 MiB; Misskey's events are a few
    /// kilobytes). A larger one is a protocol error: the socket is dropped and
    /// re-established, and nothing of that message is kept.
    pub fn max_message_size(mut self, bytes: usize) -> Self {
        self.max_message_size = bytes;
        self
    }

    /// Gives up after this many failed reconnection attempts in a row, ending every stream
    /// (default: never).
    pub fn max_reconnect_attempts(mut self, attempts: u32) -> Self {
        self.max_reconnect_attempts = Some(attempts);
        self
    }

    fn config(self) -> StreamResult<Config> {
        use crate::wait::clamp;
        let url = streaming_url(&self.base)?;
        // Whatever was configured, timers get what they can hold: a zero ping interval
        // would stop the task, `Duration::MAX` would overflow a deadline.
        let ping_interval = clamp(self.ping_interval, MIN_PING_INTERVAL);
        let idle_timeout = self
            .idle_timeout
            .unwrap_or_else(|| ping_interval.saturating_mul(5) / 2);
        let http = match self.http {
            Some(http) => http,
            None => reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .map_err(|e| StreamError::InvalidUrl(format!("no HTTP client: {e}")))?,
        };
        Ok(Config {
            url,
            max_message_size: self.max_message_size.max(1),
            http,
            user_agent: self.user_agent,
            token: self.token,
            bearer: self.bearer,
            handshake_timeout: clamp(self.handshake_timeout, Duration::from_millis(1)),
            connect_timeout: clamp(self.connect_timeout, Duration::from_millis(1)),
            ping_interval,
            idle_timeout: clamp(idle_timeout, ping_interval),
            backoff_min: clamp(self.backoff_min, Duration::from_millis(1)),
            backoff_max: clamp(self.backoff_max, Duration::from_millis(1)),
            max_reconnect_attempts: self.max_reconnect_attempts,
        })
    }

    /// Opens the socket. Fails at once if the server refuses the handshake
    /// ([`StreamError::Rejected`], status 401 for a bad token) or does not answer within
    /// the handshake timeout. Must be called within a Tokio runtime.
    pub async fn connect(self) -> StreamResult<Streaming> {
        let queue = conn::Bounds {
            items: self.queue_capacity.max(2),
            bytes: self.queue_bytes,
        };
        let cfg = Arc::new(self.config()?);
        let ws = conn::open(&cfg).await?;
        let (tx, rx) = mpsc::unbounded_channel();
        let connected = Arc::new(AtomicBool::new(true));
        tokio::spawn(conn::Task::new(cfg.clone(), rx, connected.clone()).run(ws));
        Ok(Streaming {
            shared: Arc::new(Shared {
                connected,
                commands: tx,
                next_id: AtomicU64::new(1),
                connect_timeout: cfg.connect_timeout,
                queue,
            }),
        })
    }
}

/// The server's address, by the client's one rule ([`Client::builder`](crate::Client::builder):
/// a bare host means `https`, a trailing `/api` is the API's path, credentials, queries and
/// fragments are refused), then `ws(s)://host/path/streaming`. `ws://` and `wss://`
/// addresses are read as `http://` and `https://`.
fn streaming_url(base: &str) -> StreamResult<url::Url> {
    let trimmed = base.trim();
    let scheme_is = |scheme: &str| {
        trimmed
            .get(..scheme.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(scheme))
    };
    let http = if scheme_is("wss://") {
        format!("https://{}", &trimmed[6..])
    } else if scheme_is("ws://") {
        format!("http://{}", &trimmed[5..])
    } else {
        trimmed.to_owned()
    };
    let root = crate::base_url::root(&http).map_err(StreamError::InvalidUrl)?;
    let mut url = root
        .join("streaming")
        .map_err(|err| StreamError::InvalidUrl(err.to_string()))?;
    let scheme = if url.scheme() == "https" { "wss" } else { "ws" };
    url.set_scheme(scheme)
        .map_err(|()| StreamError::InvalidUrl("cannot use a WebSocket scheme".into()))?;
    Ok(url)
}

/// How many unread items a stream holds unless told otherwise.
const DEFAULT_QUEUE_CAPACITY: usize = 1024;

/// How many bytes of unread frames a stream holds unless told otherwise.
const DEFAULT_QUEUE_BYTES: usize = 16 << 20;

/// The largest message the server may send unless told otherwise.
const DEFAULT_MAX_MESSAGE_SIZE: usize = 4 << 20;

/// The shortest ping interval: below it the pings would be the traffic.
const MIN_PING_INTERVAL: Duration = Duration::from_millis(100);

struct Shared {
    /// Maintained by the task: whether the socket is up.
    connected: Arc<AtomicBool>,
    commands: mpsc::UnboundedSender<Command>,
    next_id: AtomicU64,
    connect_timeout: Duration,
    /// The bounds of each stream's queue.
    queue: conn::Bounds,
}

/// An open streaming connection. Cheap to clone; all clones share one socket.
#[derive(Clone)]
pub struct Streaming {
    shared: Arc<Shared>,
}

impl fmt::Debug for Streaming {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Streaming")
            .field("closed", &self.shared.commands.is_closed())
            .finish()
    }
}

impl Streaming {
    fn next_id(&self) -> u64 {
        self.shared.next_id.fetch_add(1, Ordering::Relaxed)
    }

    fn command(&self, command: Command) -> StreamResult<()> {
        self.shared
            .commands
            .send(command)
            .map_err(|_| StreamError::Closed)
    }

    /// Connects a channel the crate knows, with its parameters, and waits for the server to
    /// confirm it (`connected`).
    ///
    /// The server confirms nothing, and this fails with [`StreamError::Timeout`], when it
    /// will not serve the channel: an unknown name, a token without the channel's permission,
    /// no token for a channel that needs one, or more than 32 channels on the socket.
    ///
    /// Channels the server keeps one of per socket (`main`, `drive`, `admin`, `queueStats`,
    /// `serverStats`, `reversi`) are connected once: opening one again with the same
    /// parameters gives another handle on the same connection.
    pub async fn channel<C: ChannelKind>(
        &self,
        params: C::Params,
    ) -> StreamResult<Channel<C::Event>> {
        let params = serde_json::to_value(&params).map_err(StreamError::Encode)?;
        self.open_channel(C::NAME, params).await
    }

    /// Connects any channel by name, its events kept as JSON: for channels the crate does not
    /// know. [`AnyEvent::decode`] can type them later.
    pub async fn connect_raw(
        &self,
        channel: &str,
        params: Value,
    ) -> StreamResult<Channel<RawEvent>> {
        self.open_channel(channel, params).await
    }

    async fn open_channel<E: ChannelEvent>(
        &self,
        name: &str,
        params: Value,
    ) -> StreamResult<Channel<E>> {
        // The server expects an object; `()` serializes as null.
        let params = if params.is_null() { json!({}) } else { params };
        let id = format!("rs{}", self.next_id());
        let (tx, rx) = conn::Tx::channel(self.shared.queue);
        let (ready_tx, ready_rx) = oneshot::channel();
        self.command(Command::Connect {
            id: id.clone(),
            channel: name.to_owned(),
            params,
            tx,
            ready: ready_tx,
        })?;
        // Built before waiting, so that a timeout drops it and thereby disconnects.
        let channel = Channel {
            id,
            name: name.to_owned(),
            rx,
            commands: self.shared.commands.clone(),
            closed: false,
            _event: PhantomData,
        };
        match tokio::time::timeout(self.shared.connect_timeout, ready_rx).await {
            Ok(Ok(())) => Ok(channel),
            Ok(Err(_)) => Err(StreamError::Closed),
            Err(_) => Err(StreamError::Timeout(
                "waiting for the server to confirm the channel (is the channel name right?)",
            )),
        }
    }

    /// `main`: notifications, mentions, follows, profile changes.
    pub async fn main(&self) -> StreamResult<Channel<MainEvent>> {
        self.channel::<channels::Main>(()).await
    }

    /// `homeTimeline`.
    pub async fn home_timeline(
        &self,
        params: TimelineParams,
    ) -> StreamResult<Channel<TimelineEvent>> {
        self.channel::<channels::HomeTimeline>(params).await
    }

    /// `localTimeline`.
    pub async fn local_timeline(
        &self,
        params: TimelineParams,
    ) -> StreamResult<Channel<TimelineEvent>> {
        self.channel::<channels::LocalTimeline>(params).await
    }

    /// `hybridTimeline` (the "social" timeline).
    pub async fn hybrid_timeline(
        &self,
        params: TimelineParams,
    ) -> StreamResult<Channel<TimelineEvent>> {
        self.channel::<channels::HybridTimeline>(params).await
    }

    /// `globalTimeline`.
    pub async fn global_timeline(
        &self,
        params: TimelineParams,
    ) -> StreamResult<Channel<TimelineEvent>> {
        self.channel::<channels::GlobalTimeline>(params).await
    }

    /// `userList`: notes of the members of list `list_id`.
    pub async fn user_list(
        &self,
        list_id: impl Into<String>,
    ) -> StreamResult<Channel<TimelineEvent>> {
        self.channel::<channels::UserList>(channels::UserListParams::new(list_id))
            .await
    }

    /// `hashtag`: notes with any of `tags` (see [`channels::HashtagParams`] for AND queries).
    pub async fn hashtag<I, S>(&self, tags: I) -> StreamResult<Channel<TimelineEvent>>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.channel::<channels::Hashtag>(channels::HashtagParams::any(tags))
            .await
    }

    /// `roleTimeline`: notes of the members of role `role_id`.
    pub async fn role_timeline(
        &self,
        role_id: impl Into<String>,
    ) -> StreamResult<Channel<TimelineEvent>> {
        self.channel::<channels::RoleTimeline>(channels::RoleTimelineParams::new(role_id))
            .await
    }

    /// `antenna`: notes caught by antenna `antenna_id`.
    pub async fn antenna(
        &self,
        antenna_id: impl Into<String>,
    ) -> StreamResult<Channel<TimelineEvent>> {
        self.channel::<channels::Antenna>(channels::AntennaParams::new(antenna_id))
            .await
    }

    /// `channel`: notes posted in the Misskey channel `channel_id`.
    pub async fn channel_timeline(
        &self,
        channel_id: impl Into<String>,
    ) -> StreamResult<Channel<TimelineEvent>> {
        self.channel::<channels::ChannelTimeline>(channels::ChannelTimelineParams::new(channel_id))
            .await
    }

    /// `drive`.
    pub async fn drive(&self) -> StreamResult<Channel<DriveEvent>> {
        self.channel::<channels::Drive>(()).await
    }

    /// `admin` (moderators only).
    pub async fn admin(&self) -> StreamResult<Channel<events::AdminEvent>> {
        self.channel::<channels::Admin>(()).await
    }

    /// `serverStats`; send `requestLog` (`{"id": .., "length": ..}`) for past samples.
    pub async fn server_stats(&self) -> StreamResult<Channel<events::ServerStatsEvent>> {
        self.channel::<channels::ServerStats>(()).await
    }

    /// `queueStats`; send `requestLog` (`{"id": .., "length": ..}`) for past samples.
    pub async fn queue_stats(&self) -> StreamResult<Channel<events::QueueStatsEvent>> {
        self.channel::<channels::QueueStats>(()).await
    }

    /// Subscribes to the updates of one note (reactions, votes, edits, deletion).
    ///
    /// Subscriptions are counted per note: the first one sends `subNote`, and `unsubNote`
    /// goes out when the last one for that note is dropped. Each subscription gets every
    /// update.
    pub fn sub_note(&self, note_id: impl Into<String>) -> StreamResult<NoteSubscription> {
        let note_id = note_id.into();
        let sub_id = self.next_id();
        let (tx, rx) = conn::Tx::channel(self.shared.queue);
        self.command(Command::SubNote {
            note_id: note_id.clone(),
            sub_id,
            tx,
        })?;
        Ok(NoteSubscription {
            note_id,
            sub_id,
            rx,
            commands: self.shared.commands.clone(),
        })
    }

    /// The server's broadcasts (custom emoji changes, announcements, …): every top-level
    /// message that belongs to no channel and no note.
    pub fn broadcasts(&self) -> StreamResult<Broadcasts> {
        let (tx, rx) = conn::Tx::channel(self.shared.queue);
        self.command(Command::Broadcasts { tx })?;
        Ok(Broadcasts {
            rx,
            _commands: self.shared.commands.clone(),
        })
    }

    /// Sends a top-level message as is, `{"type": kind, "body": body}` (for example
    /// `readNotification`). Fails with [`StreamError::NotConnected`] while reconnecting.
    pub async fn send_raw(&self, kind: &str, body: impl Serialize) -> StreamResult<()> {
        let body = serde_json::to_value(body).map_err(StreamError::Encode)?;
        send_frame(
            &self.shared.commands,
            json!({ "type": kind, "body": body }).to_string(),
        )
        .await
    }

    /// Closes the socket for every handle: all streams end.
    pub fn close(&self) {
        let _ = self.shared.commands.send(Command::Shutdown);
    }

    /// Whether the connection has ended (closed, or reconnection gave up).
    pub fn is_closed(&self) -> bool {
        self.shared.commands.is_closed()
    }

    /// Whether the socket is up right now (false while it is being re-established).
    pub fn is_connected(&self) -> bool {
        self.shared.connected.load(Ordering::Relaxed) && !self.is_closed()
    }
}

async fn send_frame(commands: &mpsc::UnboundedSender<Command>, frame: String) -> StreamResult<()> {
    let (done, written) = oneshot::channel();
    commands
        .send(Command::Send { frame, done })
        .map_err(|_| StreamError::Closed)?;
    written.await.map_err(|_| StreamError::Closed)?
}

/// A connected channel: a [`Stream`] of its events. Dropping it (or [`close`](Self::close))
/// disconnects it.
pub struct Channel<E> {
    id: String,
    name: String,
    rx: conn::Rx,
    commands: mpsc::UnboundedSender<Command>,
    closed: bool,
    // `fn() -> E` keeps the handle Send + Sync whatever `E` is.
    _event: PhantomData<fn() -> E>,
}

impl<E> fmt::Debug for Channel<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Channel")
            .field("id", &self.id)
            .field("name", &self.name)
            .finish()
    }
}

impl<E> Channel<E> {
    /// The id of this handle. It is the channel's connection id on the socket, except for a
    /// handle that joined a shared channel (see [`Streaming::channel`]), which uses the
    /// first handle's.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The channel's name (`"homeTimeline"`).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Sends a message to the channel (`ch`): `{"id": <this channel>, "type": kind, "body": body}`,
    /// such as `requestLog` on `queueStats`. Fails with [`StreamError::NotConnected`] while
    /// the socket is reconnecting.
    pub async fn send(&self, kind: &str, body: impl Serialize) -> StreamResult<()> {
        let body = serde_json::to_value(body).map_err(StreamError::Encode)?;
        let (done, written) = oneshot::channel();
        self.commands
            .send(Command::Ch {
                id: self.id.clone(),
                kind: kind.to_owned(),
                body,
                done,
            })
            .map_err(|_| StreamError::Closed)?;
        written.await.map_err(|_| StreamError::Closed)?
    }

    /// Disconnects the channel and waits until `disconnect` is on its way.
    pub async fn close(mut self) {
        self.closed = true;
        let (done, finished) = oneshot::channel();
        if self
            .commands
            .send(Command::Disconnect {
                id: self.id.clone(),
                done: Some(done),
            })
            .is_ok()
        {
            let _ = finished.await;
        }
    }
}

impl<E> Drop for Channel<E> {
    fn drop(&mut self) {
        if !self.closed {
            let _ = self.commands.send(Command::Disconnect {
                id: std::mem::take(&mut self.id),
                done: None,
            });
        }
    }
}

impl<E: ChannelEvent> Stream for Channel<E> {
    type Item = ChannelMessage<E>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.get_mut().rx.poll_recv(cx).map(|incoming| {
            incoming.map(|incoming| match incoming {
                Incoming::Event {
                    event_type, body, ..
                } => ChannelMessage::Event(E::decode(&event_type, body)),
                Incoming::Reconnected => ChannelMessage::Reconnected,
                Incoming::Missed(n) => ChannelMessage::Missed(n),
            })
        })
    }
}

/// The updates of one note: a [`Stream`] of [`NoteUpdate`]. Dropping the last subscription
/// of a note unsubscribes it.
pub struct NoteSubscription {
    note_id: String,
    sub_id: u64,
    rx: conn::Rx,
    commands: mpsc::UnboundedSender<Command>,
}

impl fmt::Debug for NoteSubscription {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NoteSubscription")
            .field("note_id", &self.note_id)
            .finish()
    }
}

impl NoteSubscription {
    /// The note.
    pub fn note_id(&self) -> &str {
        &self.note_id
    }
}

impl Drop for NoteSubscription {
    fn drop(&mut self) {
        let _ = self.commands.send(Command::UnsubNote {
            note_id: std::mem::take(&mut self.note_id),
            sub_id: self.sub_id,
        });
    }
}

impl Stream for NoteSubscription {
    type Item = ChannelMessage<NoteUpdate>;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        this.rx.poll_recv(cx).map(|incoming| {
            incoming.map(|incoming| match incoming {
                Incoming::Event {
                    event_type, body, ..
                } => ChannelMessage::Event(NoteUpdate {
                    note_id: this.note_id.clone(),
                    event: NoteEvent::decode(&event_type, body),
                }),
                Incoming::Reconnected => ChannelMessage::Reconnected,
                Incoming::Missed(n) => ChannelMessage::Missed(n),
            })
        })
    }
}

/// The server's broadcasts: a [`Stream`] of [`Broadcast`].
pub struct Broadcasts {
    rx: conn::Rx,
    // Keeps the socket open while this handle lives, like the other handles.
    _commands: mpsc::UnboundedSender<Command>,
}

impl fmt::Debug for Broadcasts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Broadcasts").finish_non_exhaustive()
    }
}

impl Stream for Broadcasts {
    type Item = ChannelMessage<Broadcast>;

    #[inline]
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.get_mut().rx.poll_recv(cx).map(|incoming| {
            incoming.map(|incoming| match incoming {
                Incoming::Event {
                    event_type, body, ..
                } => ChannelMessage::Event(Broadcast::decode(&event_type, body)),
                Incoming::Reconnected => ChannelMessage::Reconnected,
                Incoming::Missed(n) => ChannelMessage::Missed(n),
            })
        })
    }
}

/// One message from the server, decoded as far as it can be without knowing which channel
/// an id belongs to. The connection does this routing itself; this type is for tools that
/// handle frames directly (logs, proxies, tests).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum ServerMessage {
    /// `connected`: the server confirmed the channel with this id.
    Connected {
        /// The channel's connection id.
        id: String,
    },
    /// `channel`: an event of the channel with this id; decode it with
    /// [`AnyEvent::decode`] and the channel's name.
    Channel {
        /// The channel's connection id.
        id: String,
        /// The event's type.
        event_type: String,
        /// The event's body.
        body: Value,
    },
    /// `noteUpdated`: an update of a subscribed note.
    NoteUpdated(NoteUpdate),
    /// Anything else at the top level: a broadcast.
    Broadcast(Broadcast),
}

impl ServerMessage {
    /// Decodes one text frame. Fails only if the frame is not a `{"type", "body"}` object or a
    /// `channel`/`noteUpdated`/`connected` frame lacks its id; unknown types are
    /// [`Broadcast::Unknown`].
    #[inline]
    pub fn from_json(text: &str) -> StreamResult<ServerMessage> {
        let value: Value =
            serde_json::from_str(text).map_err(|err| StreamError::Decode(err.to_string()))?;
        ServerMessage::from_value(value)
    }

    /// Like [`from_json`](Self::from_json), from parsed JSON.
    #[inline]
    pub fn from_value(value: Value) -> StreamResult<ServerMessage> {
        use serde::Deserialize as _;
        let bad = |err: serde_json::Error| StreamError::Decode(err.to_string());
        let envelope = conn::Envelope::deserialize(value).map_err(bad)?;
        Ok(match envelope.kind.as_str() {
            "connected" => {
                let id = envelope
                    .body
                    .get("id")
                    .and_then(Value::as_str)
                    .ok_or_else(|| StreamError::Decode("`connected` without an id".into()))?;
                ServerMessage::Connected { id: id.to_owned() }
            }
            "channel" => {
                let routed = conn::Routed::deserialize(envelope.body).map_err(bad)?;
                ServerMessage::Channel {
                    id: routed.id,
                    event_type: routed.kind,
                    body: routed.body,
                }
            }
            "noteUpdated" => {
                let routed = conn::Routed::deserialize(envelope.body).map_err(bad)?;
                ServerMessage::NoteUpdated(NoteUpdate {
                    event: NoteEvent::decode(&routed.kind, routed.body),
                    note_id: routed.id,
                })
            }
            kind => ServerMessage::Broadcast(Broadcast::decode(kind, envelope.body)),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streaming_url_from_base() {
        let url = |b: &str| streaming_url(b).map(|u| u.to_string());
        assert_eq!(
            url("https://m.example").unwrap(),
            "wss://m.example/streaming"
        );
        assert_eq!(
            url("http://127.0.0.1:3000/").unwrap(),
            "ws://127.0.0.1:3000/streaming"
        );
        assert_eq!(
            url("https://m.example/sub/").unwrap(),
            "wss://m.example/sub/streaming"
        );
        // The client's rules: a bare host is https, a trailing /api is the API's path,
        // credentials, queries and fragments are refused rather than dropped.
        assert_eq!(url("m.example").unwrap(), "wss://m.example/streaming");
        assert_eq!(
            url("https://m.example/api/").unwrap(),
            "wss://m.example/streaming"
        );
        assert_eq!(url("WSS://m.example").unwrap(), "wss://m.example/streaming");
        assert_eq!(
            url("ws://m.example:8080").unwrap(),
            "ws://m.example:8080/streaming"
        );
        assert!(url("https://user:pw@m.example").is_err());
        assert!(url("https://m.example/?x=1").is_err());
        assert!(url("ftp://m.example").is_err());
        assert!(url("not a url").is_err());
    }

    #[test]
    fn builder_debug_hides_token() {
        let b = StreamingBuilder::new("https://m.example").token("SECRET");
        assert!(!format!("{b:?}").contains("SECRET"));
    }

    #[test]
    fn handles_are_send_sync() {
        fn check<T: Send + Sync>() {}
        check::<Streaming>();
        check::<Channel<MainEvent>>();
        check::<NoteSubscription>();
        check::<Broadcasts>();
    }
}
