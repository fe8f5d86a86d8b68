//! The client: configuration, and the one non-generic path every call goes through.

use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use reqwest::header::{HeaderValue, CONTENT_TYPE, LOCATION, RETRY_AFTER, USER_AGENT};
use serde_json::{Map, Value};
use tracing::{field, Instrument};
use url::Url;

use crate::error::{cut_secrets, redact};
use crate::response::{check_response, declares_no_body, decode_answer, decode_body, ResponseMeta};
use crate::token::Token;
use crate::upload::UploadFile;
use crate::{Endpoint, Error, Result};

/// The timeout when none is set: some malformed requests are never answered.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// The largest answer body a client reads unless told otherwise: 32 MiB, a hundred times a
/// full page of notes.
pub const DEFAULT_MAX_RESPONSE_SIZE: usize = 32 << 20;

const DEFAULT_USER_AGENT: &str = concat!("misskey-client/", env!("CARGO_PKG_VERSION"));

/// How the token is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AuthMode {
    /// In the JSON body (or as a multipart field) named `i`, as Misskey's own web client does.
    #[default]
    Body,
    /// In the `Authorization: Bearer` header (which wins over `i` on the server).
    Bearer,
}

/// When and how to retry failed calls. Off unless set with [`ClientBuilder::retry`].
///
/// Retries rate limits (`429`), server errors (`5xx`), timeouts and connection failures,
/// waiting an exponential backoff (with jitter) or, when the server said how long
/// (`Retry-After`, the rate limit's reset), exactly that long. A wait longer than
/// `max_backoff` is not waited: the error is returned. A request that streams a
/// one-shot reader ([`UploadFile::from_reader`]) is never retried.
///
/// Retrying is opt-in because Misskey's endpoints are `POST`s: a timed-out `notes/create`
/// may have created the note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    base_backoff: Duration,
    max_backoff: Duration,
}

impl RetryPolicy {
    /// No retries: one attempt.
    pub fn none() -> RetryPolicy {
        RetryPolicy::new(1)
    }

    /// Up to `max_attempts` attempts in all (at least one), with a base backoff of 500 ms
    /// and waits of at most 30 s.
    pub fn new(max_attempts: u32) -> RetryPolicy {
        RetryPolicy {
            max_attempts: max_attempts.max(1),
            base_backoff: Duration::from_millis(500),
            max_backoff: Duration::from_secs(30),
        }
    }

    /// The first backoff; each next one doubles.
    pub fn base_backoff(mut self, backoff: Duration) -> RetryPolicy {
        self.base_backoff = backoff;
        self
    }

    /// The longest wait between attempts, including one the server asks for.
    pub fn max_backoff(mut self, backoff: Duration) -> RetryPolicy {
        self.max_backoff = backoff;
        self
    }

    /// The number of attempts in all.
    pub fn max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// How long to wait before attempt `attempt + 1`, or `None` to give up.
    fn delay(&self, err: &Error, attempt: u32) -> Option<Duration> {
        if attempt >= self.max_attempts || !err.is_transient() {
            return None;
        }
        if let Some(asked) = err.retry_after() {
            return (asked <= self.max_backoff).then_some(asked);
        }
        Some(crate::wait::backoff(
            self.base_backoff,
            self.max_backoff,
            attempt - 1,
        ))
    }
}

impl Default for RetryPolicy {
    /// Three attempts.
    fn default() -> RetryPolicy {
        RetryPolicy::new(3)
    }
}

/// A Misskey API client. Cheap to clone (one `Arc`); `Send + Sync`.
///
/// ```no_run
/// # async fn run() -> misskey_client::Result<()> {
/// use misskey_client::{AuthMode, Client};
/// use std::time::Duration;
///
/// let client = Client::builder("https://misskey.example")
///     .token("YOUR_TOKEN")
///     .auth_mode(AuthMode::Bearer)
///     .timeout(Duration::from_secs(20))
///     .build()?;
/// let me = client.call_raw("i", serde_json::json!({})).await?;
/// # let _ = me;
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    /// The server's root, ending in `/`: `https://host/` (or `https://host/sub/`).
    base: Url,
    token: Option<Token>,
    auth_mode: AuthMode,
    http: reqwest::Client,
    timeout: Option<Duration>,
    user_agent: HeaderValue,
    retry: RetryPolicy,
    max_response_size: usize,
    /// What the server has, once asked; shared with clones and `with_token` clients.
    server: Arc<crate::server::Known>,
    /// Whether a call asks the server what it has first, and refuses what it lacks.
    check_support: bool,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("base", &self.inner.base.as_str())
            .field("token", &self.inner.token)
            .field("auth_mode", &self.inner.auth_mode)
            .field("timeout", &self.inner.timeout)
            .field("retry", &self.inner.retry)
            .finish_non_exhaustive()
    }
}

/// Builds a [`Client`]; see [`Client::builder`].
#[derive(Debug)]
#[must_use]
pub struct ClientBuilder {
    base: String,
    token: Option<Token>,
    auth_mode: AuthMode,
    timeout: Option<Duration>,
    user_agent: Option<String>,
    http: Option<reqwest::Client>,
    retry: RetryPolicy,
    max_response_size: usize,
    check_support: bool,
}

impl ClientBuilder {
    /// Sets the token (an access token from MiAuth, the app flow or the web settings).
    /// An empty token means none.
    pub fn token(mut self, token: impl Into<Token>) -> Self {
        let token = token.into();
        self.token = (!token.expose_secret().is_empty()).then_some(token);
        self
    }

    /// Sets how the token is sent; [`AuthMode::Body`] by default.
    pub fn auth_mode(mut self, mode: AuthMode) -> Self {
        self.auth_mode = mode;
        self
    }

    /// Sets the timeout of a whole call, upload and answer body included
    /// ([`DEFAULT_TIMEOUT`] by default); raise it for big uploads on slow links.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Removes the timeout. Misskey leaves some malformed requests unanswered for minutes.
    pub fn no_timeout(mut self) -> Self {
        self.timeout = None;
        self
    }

    /// Sets the `User-Agent` header.
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = Some(user_agent.into());
        self
    }

    /// Uses your own `reqwest::Client` (proxies, TLS roots, connection pool).
    ///
    /// Build it with `.redirect(reqwest::redirect::Policy::none())`: this client refuses
    /// any redirect it sees (an [`Error::Redirect`]), but a `reqwest::Client` that follows
    /// redirects itself re-sends the body, token included, before this client sees anything.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// Sets the retry policy; none by default.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// The largest answer body read, in bytes ([`DEFAULT_MAX_RESPONSE_SIZE`] by default);
    /// a larger one is [`Error::ResponseTooLarge`], read no further. A server (or a proxy
    /// in front of it) cannot make the client hold more than this.
    pub fn max_response_size(mut self, bytes: usize) -> Self {
        self.max_response_size = bytes;
        self
    }

    /// Asks the server what it has before the first call ([`Client::server`]: `meta` and
    /// `endpoints`, once) and refuses, before sending, a call to an endpoint it does not
    /// list, with [`Error::Unsupported`] naming the endpoint and the server's version. Off
    /// by default: then nothing is fetched unless [`Client::server`] is called, and a call
    /// is refused only once the list is known.
    pub fn check_support(mut self, yes: bool) -> Self {
        self.check_support = yes;
        self
    }

    /// Builds the client. Fails on a base URL that cannot be used.
    pub fn build(self) -> Result<Client> {
        let base = crate::base_url::root(&self.base).map_err(|reason| Error::InvalidBaseUrl {
            url: self.base.clone(),
            reason,
        })?;
        let user_agent = self.user_agent.as_deref().unwrap_or(DEFAULT_USER_AGENT);
        let user_agent = HeaderValue::from_str(user_agent).map_err(|_| Error::Config {
            reason: format!("invalid user agent {user_agent:?}"),
        })?;
        let http = match self.http {
            Some(http) => http,
            None => reqwest::Client::builder()
                // Never follow: a redirect would carry the token to wherever it points.
                .redirect(reqwest::redirect::Policy::none())
                .connect_timeout(Duration::from_secs(15))
                .build()
                .map_err(|e| Error::Config {
                    reason: format!("cannot build the HTTP client: {e}"),
                })?,
        };
        Ok(Client {
            inner: Arc::new(Inner {
                base,
                token: self.token,
                auth_mode: self.auth_mode,
                http,
                timeout: self.timeout,
                user_agent,
                retry: self.retry,
                max_response_size: self.max_response_size,
                server: Arc::default(),
                check_support: self.check_support,
            }),
        })
    }
}

/// A request body on its way to the single send path.
pub(crate) enum Payload {
    /// A JSON object; `i` is added when the token goes in the body.
    Json(Map<String, Value>),
    /// Multipart: the fields become text parts, plus the files.
    Multipart {
        fields: Map<String, Value>,
        files: Vec<(String, UploadFile)>,
    },
    /// `GET`: the fields become the query string; the token goes in the header, never in
    /// a URL that servers and proxies log.
    Query(Map<String, Value>),
}

/// What a call carries besides its body: declared query and header parameters, and the
/// secrets it holds other than the client's token.
#[derive(Default)]
pub(crate) struct Outside {
    pub query: Vec<(&'static str, String)>,
    pub headers: Vec<(&'static str, String)>,
    /// An app secret, a MiAuth session id: cut from the call's errors and log lines, like
    /// the token, in case a server echoes them.
    pub secrets: Vec<String>,
}

/// The body ready to send, built once for all attempts.
enum Prepared {
    Json(Bytes),
    Multipart {
        texts: Vec<(String, String)>,
        files: Vec<(String, UploadFile)>,
    },
    Query(Vec<(String, String)>),
}

impl Client {
    /// A client without a token, with the default settings.
    pub fn new(base_url: impl AsRef<str>) -> Result<Client> {
        Self::builder(base_url).build()
    }

    /// A builder for a client of the server at `base_url`.
    pub fn builder(base_url: impl AsRef<str>) -> ClientBuilder {
        ClientBuilder {
            base: base_url.as_ref().to_owned(),
            token: None,
            auth_mode: AuthMode::default(),
            timeout: Some(DEFAULT_TIMEOUT),
            user_agent: None,
            http: None,
            retry: RetryPolicy::none(),
            max_response_size: DEFAULT_MAX_RESPONSE_SIZE,
            check_support: false,
        }
    }

    /// The server's root URL, ending in `/` (without `api/`).
    pub fn base_url(&self) -> &Url {
        &self.inner.base
    }

    /// The URL an endpoint is called at: `{base}/api/{name}`.
    pub fn endpoint_url(&self, name: &str) -> String {
        format!("{}api/{}", self.inner.base, name.trim_start_matches('/'))
    }

    /// The token, if any.
    pub fn token(&self) -> Option<&Token> {
        self.inner.token.as_ref()
    }

    /// How the token is sent.
    pub fn auth_mode(&self) -> AuthMode {
        self.inner.auth_mode
    }

    /// The timeout of a call, if any.
    pub fn timeout(&self) -> Option<Duration> {
        self.inner.timeout
    }

    /// The `User-Agent` sent with every call.
    pub fn user_agent(&self) -> &HeaderValue {
        &self.inner.user_agent
    }

    /// The cache of what the server has (see [`Client::server`]).
    pub(crate) fn known_server(&self) -> &crate::server::Known {
        &self.inner.server
    }

    /// Whether calls check what the server has first ([`ClientBuilder::check_support`]).
    pub(crate) fn checks_support(&self) -> bool {
        self.inner.check_support
    }

    /// The underlying HTTP client.
    pub fn http_client(&self) -> &reqwest::Client {
        &self.inner.http
    }

    /// The same client (sharing its connection pool) with another token.
    pub fn with_token(&self, token: impl Into<Token>) -> Client {
        let token = token.into();
        Client {
            inner: Arc::new(Inner {
                base: self.inner.base.clone(),
                token: (!token.expose_secret().is_empty()).then_some(token),
                auth_mode: self.inner.auth_mode,
                http: self.inner.http.clone(),
                timeout: self.inner.timeout,
                user_agent: self.inner.user_agent.clone(),
                retry: self.inner.retry.clone(),
                max_response_size: self.inner.max_response_size,
                server: self.inner.server.clone(),
                check_support: self.inner.check_support,
            }),
        }
    }

    /// Sends a request and decodes the answer into the endpoint's response type.
    ///
    /// `204 No Content` and an empty `200` decode from JSON `null`, so `()`, `Option<T>` and
    /// `serde_json::Value` responses all work. Where the spec declares no body (`()`), a body
    /// the server sends anyway is not read: the call succeeded.
    pub async fn call<E: Endpoint>(&self, request: &E) -> Result<E::Response> {
        let body = self.call_body(request).await?;
        if body.is_empty() || declares_no_body::<E::Response>() {
            return decode_answer(E::NAME, &body);
        }
        self.decode(E::NAME, &body)
    }

    /// Like [`Client::call`], reading an answer with no content (`204`, or an empty `200`) as
    /// `None`: for the endpoints that answer nothing to some calls (a scheduled
    /// `notes/create` on misskey.io), where `call` gives
    /// [`Error::NoContent`](crate::Error::NoContent).
    pub async fn call_optional<E: Endpoint>(&self, request: &E) -> Result<Option<E::Response>> {
        let body = self.call_body(request).await?;
        if body.is_empty() {
            return Ok(None);
        }
        if declares_no_body::<E::Response>() {
            return decode_answer(E::NAME, &body).map(Some);
        }
        self.decode(E::NAME, &body).map(Some)
    }

    /// Sends a typed request and answers the body of a success.
    async fn call_body<E: Endpoint>(&self, request: &E) -> Result<Bytes> {
        // Kept thin on purpose: everything that does not need `E` is in `send`.
        self.check_supported(E::NAME).await?;
        let missing = request.missing();
        if !missing.is_empty() {
            return Err(Error::MissingParameters {
                endpoint: E::NAME.to_owned(),
                parameters: missing,
            });
        }
        let fields = encode_request(E::NAME, request)?;
        let payload = if E::HTTP_GET {
            Payload::Query(fields)
        } else if E::MULTIPART {
            let files = request
                .files()
                .into_iter()
                .map(|(name, file)| (name.to_owned(), file.clone()))
                .collect();
            Payload::Multipart { fields, files }
        } else {
            Payload::Json(fields)
        };
        let outside = Outside {
            query: request.query(),
            headers: request.headers(),
            secrets: Vec::new(),
        };
        self.send_with(&request.path(), payload, &outside, true)
            .await
    }

    /// Calls an endpoint by name with a JSON body, for what the spec does not declare.
    /// Answers the JSON value (`null` for `204`). `body` must be an object or `null`.
    ///
    /// Typed responses keep what the spec declares and ignore the rest; this is the way to
    /// a field the spec does not name, an endpoint it does not list, or a whole answer. The
    /// status and error mapping are those of [`Client::call`]. To have both views of one
    /// answer, decode the value you got (see `examples/raw.rs`):
    ///
    /// ```no_run
    /// # async fn run(client: misskey_client::Client) -> Result<(), Box<dyn std::error::Error>> {
    /// let me = client.call_raw("i", serde_json::json!({})).await?;
    /// // Sent for the own user, declared nowhere in the spec:
    /// let muting = &me["mutingNotificationTypes"];
    /// // The same answer, typed:
    /// let typed: misskey_client::models::MeDetailed = serde_json::from_value(me.clone())?;
    /// # let _ = (muting, typed);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn call_raw(&self, name: &str, body: Value) -> Result<Value> {
        let fields = match body {
            Value::Object(map) => map,
            Value::Null => Map::new(),
            other => {
                return Err(Error::Encode {
                    endpoint: name.to_owned(),
                    reason: format!("the body must be a JSON object, not {other}"),
                })
            }
        };
        self.check_supported(name).await?;
        self.call_raw_with(name, fields, true, Vec::new()).await
    }

    /// [`Client::call_raw`] for the auth flows: with or without the token, and with the
    /// secrets the call carries (an app secret, a MiAuth session id), which its errors and
    /// log lines never show.
    pub(crate) async fn call_raw_with(
        &self,
        name: &str,
        body: Map<String, Value>,
        with_token: bool,
        secrets: Vec<String>,
    ) -> Result<Value> {
        let outside = Outside {
            secrets,
            ..Outside::default()
        };
        let body = self
            .send_with(name, Payload::Json(body), &outside, with_token)
            .await?;
        self.decode_with(name, &body, &outside.secrets)
    }

    fn decode<T: serde::de::DeserializeOwned>(&self, name: &str, body: &[u8]) -> Result<T> {
        self.decode_with(name, body, &[])
    }

    fn decode_with<T: serde::de::DeserializeOwned>(
        &self,
        name: &str,
        body: &[u8],
        secrets: &[String],
    ) -> Result<T> {
        decode_body(name, body).map_err(|mut err| {
            redact(&mut err, &self.secrets(secrets));
            err
        })
    }

    /// The client's token and a call's own secrets: what its errors and logs never show.
    fn secrets<'a>(&'a self, own: &'a [String]) -> Vec<&'a str> {
        let token = self.inner.token.as_ref().map(Token::expose_secret);
        own.iter().map(String::as_str).chain(token).collect()
    }

    /// The one send path: HTTP, status mapping, error decoding, retries and tracing.
    /// Answers the body of a success (empty for `204`).
    async fn send_with(
        &self,
        name: &str,
        payload: Payload,
        outside: &Outside,
        with_token: bool,
    ) -> Result<Bytes> {
        let secrets = self.secrets(&outside.secrets);
        // A MiAuth check's name holds its session id: the span shows it cut.
        let shown = cut_secrets(name, &secrets);
        let span = tracing::info_span!(
            "misskey.request",
            endpoint = %shown,
            status = field::Empty,
            duration_ms = field::Empty,
            attempts = field::Empty,
        );
        self.send_in_span(name, payload, outside, &secrets, with_token, span.clone())
            .instrument(span)
            .await
    }

    async fn send_in_span(
        &self,
        name: &str,
        payload: Payload,
        outside: &Outside,
        secrets: &[&str],
        with_token: bool,
        span: tracing::Span,
    ) -> Result<Bytes> {
        let started = Instant::now();
        // Every error of the call, whatever made it, is cut of the call's secrets before it
        // is logged or returned (a MiAuth check's name holds its session id).
        let cut = |mut err: Error| {
            redact(&mut err, secrets);
            err
        };
        check_endpoint_path(name).map_err(cut)?;
        let token = self.inner.token.as_ref().filter(|_| with_token);
        let is_get = matches!(payload, Payload::Query(_));
        let body_token = token.filter(|_| self.inner.auth_mode == AuthMode::Body && !is_get);
        let prepared = prepare(name, payload, body_token).map_err(cut)?;
        let mut url = Url::parse(&self.endpoint_url(name)).map_err(|e| {
            cut(Error::Encode {
                endpoint: name.to_owned(),
                reason: format!("not a usable endpoint name: {e}"),
            })
        })?;
        let mut query: Vec<(&str, &str)> = outside
            .query
            .iter()
            .map(|(k, v)| (*k, v.as_str()))
            .collect();
        if let Prepared::Query(pairs) = &prepared {
            query.extend(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        }
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(query);
        }
        let bearer = token.filter(|_| self.inner.auth_mode == AuthMode::Bearer || is_get);
        let replayable = match &prepared {
            Prepared::Json(_) | Prepared::Query(_) => true,
            Prepared::Multipart { files, .. } => !files.iter().any(|(_, f)| f.is_reader()),
        };

        let mut attempt = 1;
        let result = loop {
            let result = self
                .send_once(name, &url, &prepared, outside, bearer)
                .await
                .map_err(cut);
            let err = match result {
                Ok(ok) => break Ok(ok),
                Err(err) => err,
            };
            let delay = replayable
                .then(|| self.inner.retry.delay(&err, attempt))
                .flatten();
            match delay {
                Some(delay) => {
                    tracing::debug!(attempt, delay_ms = delay.as_millis() as u64, error = %err, "retrying");
                    tokio::time::sleep(delay).await;
                    attempt += 1;
                }
                None => break Err(err),
            }
        };

        let duration_ms = started.elapsed().as_millis() as u64;
        span.record("duration_ms", duration_ms);
        span.record("attempts", attempt);
        match &result {
            Ok((status, _)) => {
                span.record("status", status);
                tracing::debug!(status, duration_ms, "misskey request done");
            }
            Err(err) => {
                if let Some(status) = err.status() {
                    span.record("status", status);
                }
                tracing::debug!(status = err.status(), duration_ms, error = %err, "misskey request failed");
            }
        }
        result.map(|(_, body)| body)
    }

    async fn send_once(
        &self,
        name: &str,
        url: &Url,
        prepared: &Prepared,
        outside: &Outside,
        bearer: Option<&Token>,
    ) -> Result<(u16, Bytes)> {
        let inner = &self.inner;
        let headers = &outside.headers;
        let mut req = match prepared {
            Prepared::Query(_) => inner.http.get(url.clone()),
            _ => inner.http.post(url.clone()),
        };
        for (name, value) in headers {
            req = req.header(*name, value.as_str());
        }
        req = req.header(USER_AGENT, inner.user_agent.clone());
        if let Some(timeout) = inner.timeout {
            req = req.timeout(timeout);
        }
        if let Some(token) = bearer {
            let mut value = HeaderValue::from_str(&format!("Bearer {}", token.expose_secret()))
                .map_err(|_| Error::Encode {
                    endpoint: name.to_owned(),
                    reason: "the token cannot be sent in a header".to_owned(),
                })?;
            value.set_sensitive(true);
            req = req.header(reqwest::header::AUTHORIZATION, value);
        }
        req = match prepared {
            Prepared::Json(bytes) => req
                .header(CONTENT_TYPE, "application/json")
                .body(bytes.clone()),
            Prepared::Query(_) => req,
            Prepared::Multipart { texts, files } => {
                let mut form = reqwest::multipart::Form::new();
                for (key, value) in texts {
                    form = form.text(key.clone(), value.clone());
                }
                for (key, file) in files {
                    // Opening a file is part of the call: the timeout covers it too.
                    let part =
                        match inner.timeout {
                            Some(after) => tokio::time::timeout(after, file.to_part())
                                .await
                                .map_err(|_| Error::Timeout {
                                    endpoint: name.to_owned(),
                                    after: Some(after),
                                })??,
                            None => file.to_part().await?,
                        };
                    form = form.part(key.clone(), part);
                }
                req.multipart(form)
            }
        };

        let transport = |e: reqwest::Error| {
            if let Some(changed) = upload_size_changed(&e) {
                return Error::Upload {
                    reason: changed,
                    source: None,
                };
            }
            if e.is_timeout() {
                Error::Timeout {
                    endpoint: name.to_owned(),
                    after: inner.timeout,
                }
            } else {
                Error::Transport {
                    endpoint: name.to_owned(),
                    hint: crate::error::transport_hint(&e, &inner.base),
                    source: e.without_url(),
                }
            }
        };
        let mut resp = req.send().await.map_err(transport)?;
        let status = resp.status();
        let header = |h| {
            resp.headers()
                .get(h)
                .and_then(|v: &HeaderValue| v.to_str().ok())
        };
        // Only our own reqwest::Client is known not to follow; check both the status and the
        // final URL so a caller-supplied client that followed is caught too.
        if status.is_redirection() || resp.url() != url {
            let location = if status.is_redirection() {
                header(LOCATION).map(str::to_owned)
            } else {
                Some(resp.url().to_string())
            };
            // A server that echoes the request may put the token in the address: the caller
            // cuts it, as from every error of the call.
            return Err(Error::Redirect {
                endpoint: name.to_owned(),
                status: status.as_u16(),
                location,
            });
        }
        let content_type = header(CONTENT_TYPE).map(str::to_owned);
        let retry_after = header(RETRY_AFTER).map(str::to_owned);
        let limit = inner.max_response_size;
        let too_large = || Error::ResponseTooLarge {
            endpoint: name.to_owned(),
            limit,
        };
        let announced = resp.content_length().unwrap_or(0);
        if announced > limit as u64 {
            return Err(too_large());
        }
        // Sized from the announced length, within the limit and never past a small cap: a
        // server can announce any length (and `max_response_size` may be `usize::MAX`).
        let mut body = Vec::with_capacity((announced as usize).min(limit).min(PREALLOCATED));
        while let Some(chunk) = resp.chunk().await.map_err(transport)? {
            if body.len() + chunk.len() > limit {
                return Err(too_large());
            }
            body.extend_from_slice(&chunk);
        }
        let body = Bytes::from(body);
        let meta = ResponseMeta {
            content_type: content_type.as_deref(),
            retry_after: retry_after.as_deref(),
        };
        // No secrets to cut here: `send_in_span` cuts them from every error of the call.
        check_response(name, status.as_u16(), meta, body).map(|b| (status.as_u16(), b))
    }
}

/// The most an answer's buffer is sized for before its bytes arrive (1 MiB); past that it
/// grows with what actually comes.
const PREALLOCATED: usize = 1 << 20;

/// The message of a file that changed size while it was uploaded, if that is among the
/// causes of a transport error.
fn upload_size_changed(err: &reqwest::Error) -> Option<String> {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(err);
    while let Some(e) = cause {
        if let Some(changed) = e.downcast_ref::<crate::upload::SizeChanged>() {
            return Some(changed.0.clone());
        }
        if let Some(changed) = e
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
            .and_then(|inner| inner.downcast_ref::<crate::upload::SizeChanged>())
        {
            return Some(changed.0.clone());
        }
        cause = e.source();
    }
    None
}

/// An endpoint's path must stay an endpoint's path: `..` or `.` as a segment (a path
/// parameter set to `..`) would send the request, token included, to another endpoint, and
/// `?` or `#` in a name would turn into a query or a fragment.
fn check_endpoint_path(name: &str) -> Result<()> {
    let reason = if name.is_empty() {
        Some("it is empty".to_owned())
    } else if let Some(c) = name
        .chars()
        .find(|c| matches!(c, '?' | '#' | '\\') || c.is_whitespace() || c.is_control())
    {
        Some(format!("it contains {c:?}"))
    } else if name.starts_with('/') {
        Some("it starts with `/`".to_owned())
    } else {
        // Read as a server or a proxy in front of it may: `%2e%2e` is `..`, and `%2f` or
        // `%5c` a separator (a path parameter holding `a/b` is still one segment).
        name.split('/')
            .find(|segment| {
                let decoded = percent_decoded(segment);
                segment.is_empty()
                    || decoded
                        .split(|b| matches!(b, b'/' | b'\\'))
                        .any(|part| matches!(part, b"." | b".."))
            })
            .map(|segment| format!("it has a segment {segment:?} (a path parameter set to that?)"))
    };
    match reason {
        Some(reason) => Err(Error::Encode {
            endpoint: name.to_owned(),
            reason: format!("not an endpoint path: {reason}; nothing was sent"),
        }),
        None => Ok(()),
    }
}

/// A path segment with its `%XX` escapes decoded (an escape that is not one stays as it is).
fn percent_decoded(segment: &str) -> Vec<u8> {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    out
}

/// Serializes a request into the JSON object the server expects.
fn encode_request<E: Endpoint>(name: &str, request: &E) -> Result<Map<String, Value>> {
    match serde_json::to_value(request) {
        Ok(Value::Object(map)) => Ok(map),
        // A request without parameters may serialize as `null` (a unit struct).
        Ok(Value::Null) => Ok(Map::new()),
        Ok(other) => Err(Error::Encode {
            endpoint: name.to_owned(),
            reason: format!("the request is not a JSON object but {other}"),
        }),
        Err(e) => Err(Error::Encode {
            endpoint: name.to_owned(),
            reason: e.to_string(),
        }),
    }
}

fn prepare(name: &str, payload: Payload, body_token: Option<&Token>) -> Result<Prepared> {
    Ok(match payload {
        Payload::Json(mut fields) => {
            if let Some(token) = body_token {
                fields.insert("i".into(), token.expose_secret().into());
            }
            let bytes = serde_json::to_vec(&fields).map_err(|e| Error::Encode {
                endpoint: name.to_owned(),
                reason: e.to_string(),
            })?;
            Prepared::Json(bytes.into())
        }
        Payload::Multipart { fields, files } => {
            let mut texts: Vec<(String, String)> = fields
                .into_iter()
                .filter(|(key, _)| key != "i")
                .filter_map(|(key, value)| multipart_text(value).map(|v| (key, v)))
                .collect();
            if let Some(token) = body_token {
                texts.push(("i".into(), token.expose_secret().to_owned()));
            }
            Prepared::Multipart { texts, files }
        }
        Payload::Query(fields) => Prepared::Query(
            fields
                .into_iter()
                .filter(|(key, _)| key != "i")
                .filter_map(|(key, value)| multipart_text(value).map(|v| (key, v)))
                .collect(),
        ),
    })
}

/// A parameter as a multipart text part or query value: strings as they are, `null` left out, everything
/// else as its JSON text (`true`, `12`, `["a"]`).
fn multipart_text(value: Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(s),
        other => Some(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multipart_texts() {
        assert_eq!(multipart_text(Value::Bool(true)).as_deref(), Some("true"));
        assert_eq!(multipart_text(Value::from(12)).as_deref(), Some("12"));
        assert_eq!(multipart_text(Value::from("a b")).as_deref(), Some("a b"));
        assert_eq!(multipart_text(Value::Null), None);
        assert_eq!(
            multipart_text(serde_json::json!(["x", 1])).as_deref(),
            Some(r#"["x",1]"#)
        );
    }

    #[test]
    fn backoff_honours_retry_after_and_caps() {
        let policy = RetryPolicy::new(3)
            .base_backoff(Duration::from_millis(100))
            .max_backoff(Duration::from_secs(5));
        let limited = |secs| {
            Error::RateLimited(Box::new(crate::error::RateLimited {
                endpoint: "x".into(),
                retry_after: Some(Duration::from_secs(secs)),
                reset: None,
                error: None,
            }))
        };
        assert_eq!(policy.delay(&limited(2), 1), Some(Duration::from_secs(2)));
        assert_eq!(
            policy.delay(&limited(60), 1),
            None,
            "longer than max_backoff"
        );
        assert_eq!(policy.delay(&limited(2), 3), None, "attempts used up");
        let timeout = Error::Timeout {
            endpoint: "x".into(),
            after: None,
        };
        let d = policy.delay(&timeout, 2).unwrap();
        assert!(
            d >= Duration::from_millis(100) && d <= Duration::from_millis(200),
            "{d:?}"
        );
        let not_found = Error::Auth { reason: "x".into() };
        assert_eq!(policy.delay(&not_found, 1), None);
    }
}
