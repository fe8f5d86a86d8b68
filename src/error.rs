//! Everything a call can fail with, and how a response body becomes a value or an [`Error`].
//!
//! The mapping from an HTTP answer to a result lives here in plain, non-generic functions
//! ([`check_response`] and friends) so that the client, [`decode_response`] and anyone decoding
//! captured responses get exactly the same behaviour.

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use bytes::Bytes;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::endpoint::{Endpoint, EndpointErrorCode};

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// How many characters of a body an error keeps.
const EXCERPT_CHARS: usize = 200;

/// How far before an excerpt's window a credential's key is looked for.
const CREDENTIAL_CONTEXT: usize = 256;

/// Error bodies larger than this are not parsed as JSON: Misskey's errors are small, and a
/// huge body would cost its size again as a `serde_json::Value`.
const MAX_ERROR_JSON: usize = 1 << 20;

/// Everything a call can fail with.
///
/// Match on the variant for the kind of failure, or use [`Error::code`] /
/// [`Error::endpoint_code`] to match a server error code in one line:
///
/// ```no_run
/// # async fn run(client: misskey_client::Client) -> misskey_client::Result<()> {
/// match client.call_raw("notes/show", serde_json::json!({"noteId": "x"})).await {
///     Ok(note) => println!("{note}"),
///     Err(err) if err.code() == Some("NO_SUCH_NOTE") => println!("gone"),
///     Err(err) => return Err(err),
/// }
/// # Ok(())
/// # }
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The server answered with Misskey's own error shape (`{"error": {"code", ...}}`).
    #[error(transparent)]
    Api(Box<ApiError>),
    /// The server answered `429 Too Many Requests`.
    #[error(transparent)]
    RateLimited(Box<RateLimited>),
    /// The web framework under Misskey answered by itself
    /// (`{"message", "error", "statusCode", "code"?}`): unknown route, malformed body, ...
    #[error(transparent)]
    Framework(Box<FrameworkError>),
    /// The answer was not JSON (an empty body, an HTML page from a proxy, ...), or not JSON
    /// in any shape an error can take.
    #[error(transparent)]
    UnexpectedBody(Box<UnexpectedBody>),
    /// The server redirected the request. Redirects are never followed, so that neither the
    /// token nor the body can be carried to another host.
    #[error("{endpoint}: the server redirected ({status}) to {location:?}; redirects are not followed, use the final address as the base URL")]
    Redirect {
        /// The endpoint called.
        endpoint: String,
        /// The HTTP status (301, 302, 303, 307, 308).
        status: u16,
        /// The `Location` header, if any.
        location: Option<String>,
    },
    /// No complete answer within the configured timeout.
    #[error("{endpoint}: no answer within {after:?}")]
    Timeout {
        /// The endpoint called.
        endpoint: String,
        /// The timeout that expired, if known.
        after: Option<Duration>,
    },
    /// The request could not be sent or the answer not received (DNS, TLS, connection reset).
    #[error("{endpoint}: transport error: {}", causes(source))]
    Transport {
        /// The endpoint called.
        endpoint: String,
        /// The cause; its URL is removed (it is in `endpoint` already).
        #[source]
        source: reqwest::Error,
    },
    /// A success response did not decode into the endpoint's response type.
    #[error("{endpoint}: cannot decode the response at `{path}`: {source} (body: {excerpt})")]
    Decode {
        /// The endpoint called.
        endpoint: String,
        /// Where in the JSON decoding failed, such as `user.avatarUrl` or `[3].id`
        /// (`.` for the top; `?` for a member whose key could not be read). A missing or
        /// repeated field is its object's failure; inside a field the type does not know, the
        /// path goes on to where the text broke. A body that is not UTF-8 fails as a whole,
        /// at its first bad byte, even where that byte is in a field the type skips.
        path: String,
        /// A short piece of the body around the failure (`<empty>` for an empty body).
        excerpt: String,
        /// The cause.
        #[source]
        source: serde_json::Error,
    },
    /// The request could not be turned into JSON, or is not a JSON object.
    #[error("{endpoint}: cannot encode the request: {reason}")]
    Encode {
        /// The endpoint called.
        endpoint: String,
        /// What went wrong.
        reason: String,
    },
    /// The base URL given to the client cannot be used.
    #[error("invalid base URL {url:?}: {reason}")]
    InvalidBaseUrl {
        /// The URL as given.
        url: String,
        /// Why it cannot be used.
        reason: String,
    },
    /// The client's settings cannot be used (a user agent that is not a valid header, a TLS
    /// backend that fails to start).
    #[error("invalid client configuration: {reason}")]
    Config {
        /// What is wrong.
        reason: String,
    },
    /// A file to upload could not be read, or a one-shot reader was already used.
    #[error("upload: {reason}")]
    Upload {
        /// What went wrong.
        reason: String,
        /// The I/O error, if any.
        #[source]
        source: Option<std::io::Error>,
    },
    /// The streaming API failed; see [`StreamError`](crate::streaming::StreamError).
    #[error(transparent)]
    Streaming(#[from] crate::streaming::StreamError),
    /// The answer's body is larger than the client's limit
    /// ([`ClientBuilder::max_response_size`](crate::ClientBuilder::max_response_size));
    /// it was not read further.
    #[error("{endpoint}: the answer is larger than the limit of {limit} bytes (raise it with ClientBuilder::max_response_size)")]
    ResponseTooLarge {
        /// The endpoint called.
        endpoint: String,
        /// The limit, in bytes.
        limit: usize,
    },
    /// Required parameters were not set on a request; nothing was sent.
    #[error("{endpoint}: required parameter{} {} not set; nothing was sent", plural(parameters.len()), list(parameters))]
    MissingParameters {
        /// The endpoint called.
        endpoint: String,
        /// The parameters' names as the server spells them (`noteId`).
        parameters: Vec<&'static str>,
    },
    /// The server answered `204 No Content` where the endpoint's type has a body. Some
    /// endpoints do that for some calls (a scheduled `notes/create` on misskey.io);
    /// [`RequestBuilder::send_optional`](crate::RequestBuilder::send_optional) reads it as
    /// `None`.
    #[error("{endpoint}: the server answered with no content where a body was expected; `send_optional()` reads that as `None`")]
    NoContent {
        /// The endpoint called.
        endpoint: String,
    },
    /// An authorization flow (MiAuth, the app flow) did not complete.
    #[error("authorization: {reason}")]
    Auth {
        /// What went wrong.
        reason: String,
    },
}

/// An error and its causes, `: `-separated: reqwest's own message ("error sending
/// request") says little, the real cause is often several levels down.
fn causes(err: &dyn std::error::Error) -> String {
    let mut out = err.to_string();
    let mut cause = err.source();
    while let Some(e) = cause {
        let text = e.to_string();
        if !out.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        cause = e.source();
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        " was"
    } else {
        "s were"
    }
}

fn list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The error codes Misskey's API layer answers for any endpoint, before the endpoint's own
/// code runs: the token, the parameters, the rate limit, the account. Every endpoint's
/// `ErrorCode` holds them as `ErrorCode::Common(…)`.
///
/// ```
/// use misskey_client::CommonErrorCode;
/// assert_eq!(CommonErrorCode::from_code("INVALID_PARAM"), Some(CommonErrorCode::InvalidParam));
/// assert_eq!(CommonErrorCode::RateLimitExceeded.as_str(), "RATE_LIMIT_EXCEEDED");
/// assert_eq!(CommonErrorCode::from_code("NO_SUCH_NOTE"), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CommonErrorCode {
    /// `INVALID_PARAM` (400): a parameter is missing, of the wrong type or out of range;
    /// the details are in the error's `info`.
    InvalidParam,
    /// `CREDENTIAL_REQUIRED` (401): the endpoint needs a token and none was sent.
    CredentialRequired,
    /// `AUTHENTICATION_FAILED` (401 or 403): the token is unknown or revoked.
    AuthenticationFailed,
    /// `PERMISSION_DENIED` (403): the token lacks the permission the endpoint needs.
    PermissionDenied,
    /// `ROLE_PERMISSION_DENIED` (403): the user's roles do not allow it.
    RolePermissionDenied,
    /// `YOUR_ACCOUNT_SUSPENDED` (403).
    YourAccountSuspended,
    /// `YOUR_ACCOUNT_MOVED` (403): the account has moved to another server.
    YourAccountMoved,
    /// `RATE_LIMIT_EXCEEDED` (429); the client reads it as
    /// [`Error::RateLimited`](crate::Error::RateLimited).
    RateLimitExceeded,
    /// `UNKNOWN_API_ENDPOINT` (404): this server has no such endpoint.
    UnknownApiEndpoint,
    /// `I_AM_AI` (418).
    IAmAi,
    /// `INTERNAL_ERROR` (500).
    InternalError,
}

impl CommonErrorCode {
    /// The common code a server's `code` is, if it is one.
    pub fn from_code(code: &str) -> Option<CommonErrorCode> {
        Some(match code {
            "INVALID_PARAM" => CommonErrorCode::InvalidParam,
            "CREDENTIAL_REQUIRED" => CommonErrorCode::CredentialRequired,
            "AUTHENTICATION_FAILED" => CommonErrorCode::AuthenticationFailed,
            "PERMISSION_DENIED" => CommonErrorCode::PermissionDenied,
            "ROLE_PERMISSION_DENIED" => CommonErrorCode::RolePermissionDenied,
            "YOUR_ACCOUNT_SUSPENDED" => CommonErrorCode::YourAccountSuspended,
            "YOUR_ACCOUNT_MOVED" => CommonErrorCode::YourAccountMoved,
            "RATE_LIMIT_EXCEEDED" => CommonErrorCode::RateLimitExceeded,
            "UNKNOWN_API_ENDPOINT" => CommonErrorCode::UnknownApiEndpoint,
            "I_AM_AI" => CommonErrorCode::IAmAi,
            "INTERNAL_ERROR" => CommonErrorCode::InternalError,
            _ => return None,
        })
    }

    /// The code as the server spells it.
    pub fn as_str(&self) -> &'static str {
        match self {
            CommonErrorCode::InvalidParam => "INVALID_PARAM",
            CommonErrorCode::CredentialRequired => "CREDENTIAL_REQUIRED",
            CommonErrorCode::AuthenticationFailed => "AUTHENTICATION_FAILED",
            CommonErrorCode::PermissionDenied => "PERMISSION_DENIED",
            CommonErrorCode::RolePermissionDenied => "ROLE_PERMISSION_DENIED",
            CommonErrorCode::YourAccountSuspended => "YOUR_ACCOUNT_SUSPENDED",
            CommonErrorCode::YourAccountMoved => "YOUR_ACCOUNT_MOVED",
            CommonErrorCode::RateLimitExceeded => "RATE_LIMIT_EXCEEDED",
            CommonErrorCode::UnknownApiEndpoint => "UNKNOWN_API_ENDPOINT",
            CommonErrorCode::IAmAi => "I_AM_AI",
            CommonErrorCode::InternalError => "INTERNAL_ERROR",
        }
    }
}

/// The `ErrorCode` of every endpoint whose spec lists no error codes of its own: such an
/// endpoint's `endpoints::…::ErrorCode` is this type, with the same variants and `of` as the
/// enums of endpoints that list some (one type rather than hundreds of identical ones, for
/// compile time). Should a later spec list codes for the endpoint, its `ErrorCode` becomes
/// an enum of its own, and code that names `ErrorCode::Common`, `ErrorCode::Unknown` or
/// `ErrorCode::of` keeps compiling.
///
/// ```
/// use misskey_client::{EndpointErrorCode, SharedErrorCode, CommonErrorCode};
/// assert_eq!(SharedErrorCode::from_code("INVALID_PARAM"), SharedErrorCode::Common(CommonErrorCode::InvalidParam));
/// assert_eq!(SharedErrorCode::from_code("NO_SUCH_NOTE").as_str(), "NO_SUCH_NOTE");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum SharedErrorCode {
    /// A code any endpoint may answer (a bad token, a bad parameter, a rate limit).
    Common(CommonErrorCode),
    /// A code the spec does not list for this endpoint.
    Unknown(String),
}

impl SharedErrorCode {
    /// The code of a server error: `None` for errors without one (a timeout, a decoding
    /// error).
    pub fn of(error: &Error) -> Option<Self> {
        error.code().map(Self::from_code)
    }
}

impl crate::EndpointErrorCode for SharedErrorCode {
    fn from_code(code: &str) -> Self {
        match CommonErrorCode::from_code(code) {
            Some(common) => Self::Common(common),
            None => Self::Unknown(code.to_owned()),
        }
    }

    fn as_str(&self) -> &str {
        match self {
            Self::Common(code) => code.as_str(),
            Self::Unknown(code) => code,
        }
    }
}

/// What kind of error Misskey says it is (`error.kind`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// `client`: the request was wrong.
    Client,
    /// `server`: the server failed.
    Server,
    /// `permission`: the token or the user lacks a permission or role.
    Permission,
    /// A kind this crate does not know.
    Other(String),
}

impl ErrorKind {
    fn parse(s: &str) -> ErrorKind {
        match s {
            "client" => ErrorKind::Client,
            "server" => ErrorKind::Server,
            "permission" => ErrorKind::Permission,
            other => ErrorKind::Other(other.to_owned()),
        }
    }

    /// The kind as the server spells it.
    pub fn as_str(&self) -> &str {
        match self {
            ErrorKind::Client => "client",
            ErrorKind::Server => "server",
            ErrorKind::Permission => "permission",
            ErrorKind::Other(s) => s,
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An error in Misskey's shape: `{"error": {"message", "code", "id", "kind", "info"?}}`.
///
/// Not every one has every part: `signin-flow` answers a wrong password with only an `id`
/// (`code` and `message` are then empty), and its rate limit puts a whole error in `info`
/// (see [`ApiError::info_code`]).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{endpoint}: {}{message} (HTTP {status}{})",
    if code.is_empty() { String::new() } else { format!("{code}: ") },
    id.as_deref().map(|id| format!(", id {id}")).unwrap_or_default())]
#[non_exhaustive]
pub struct ApiError {
    /// The endpoint called.
    pub endpoint: String,
    /// The HTTP status. "Not found" is not always 404: match on [`ApiError::code`].
    pub status: u16,
    /// The machine-readable code: `NO_SUCH_NOTE`, `RATE_LIMIT_EXCEEDED`, ...; empty when
    /// the server sent none.
    pub code: String,
    /// The error's UUID, stable across servers for one error of one endpoint.
    pub id: Option<String>,
    /// The human-readable message.
    pub message: String,
    /// `client`, `server` or `permission`.
    pub kind: Option<ErrorKind>,
    /// Details, such as `{"param", "reason"}` for `INVALID_PARAM` or the rate-limit counters.
    pub info: Option<Value>,
    /// The `Retry-After` header, when the server sent one.
    pub retry_after: Option<Duration>,
}

impl ApiError {
    /// The code of an error nested in `info` (`{"info": {"code": "TOO_MANY_AUTHENTICATION_FAILURES", …}}`),
    /// as `signin-flow` sends with its rate limit.
    pub fn info_code(&self) -> Option<&str> {
        self.info.as_ref()?.get("code")?.as_str()
    }
}

/// A `429 Too Many Requests` answer.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub struct RateLimited {
    /// The endpoint called.
    pub endpoint: String,
    /// The `Retry-After` header.
    pub retry_after: Option<Duration>,
    /// How long until the limit resets, from `info.resetMs`, measured when the answer came.
    ///
    /// Servers disagree on `resetMs`: upstream Misskey sends milliseconds until the reset,
    /// older servers and forks an absolute Unix time in milliseconds; both are read.
    pub reset: Option<Duration>,
    /// The error body in Misskey's shape (code `RATE_LIMIT_EXCEEDED`), if there was one.
    pub error: Option<ApiError>,
}

impl RateLimited {
    /// How long to wait before trying again: `Retry-After`, else the reset time.
    pub fn wait(&self) -> Option<Duration> {
        self.retry_after.or(self.reset)
    }
}

impl fmt::Display for RateLimited {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: rate limited (HTTP 429)", self.endpoint)?;
        if let Some(wait) = self.wait() {
            write!(f, ", retry after {wait:?}")?;
        }
        Ok(())
    }
}

/// An answer from the web framework under Misskey (Fastify):
/// `{"message", "error", "statusCode", "code"?}`.
///
/// `POST` to an unknown endpoint gives `404` with message `Route POST:/api/x not found`;
/// a malformed JSON body gives `400` with code `FST_ERR_CTP_INVALID_JSON_BODY`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{endpoint}: {message} (HTTP {status}{})", code.as_deref().map(|c| format!(", {c}")).unwrap_or_default())]
#[non_exhaustive]
pub struct FrameworkError {
    /// The endpoint called.
    pub endpoint: String,
    /// The HTTP status.
    pub status: u16,
    /// The status' reason phrase (`error`): `Not Found`, `Bad Request`.
    pub error: Option<String>,
    /// The message.
    pub message: String,
    /// The framework's code (`FST_ERR_CTP_INVALID_JSON_BODY`), when given.
    pub code: Option<String>,
}

/// An answer whose body is not in any shape this crate knows: empty, HTML, plain text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{endpoint}: unexpected answer (HTTP {status}, {}): {}", content_type.as_deref().unwrap_or("no content type"), if excerpt.is_empty() { "<empty body>" } else { excerpt.as_str() })]
#[non_exhaustive]
pub struct UnexpectedBody {
    /// The endpoint called.
    pub endpoint: String,
    /// The HTTP status.
    pub status: u16,
    /// The `Content-Type` header.
    pub content_type: Option<String>,
    /// The start of the body (empty for an empty body).
    pub excerpt: String,
    /// The `Retry-After` header, when a proxy sent one (`503`).
    pub retry_after: Option<Duration>,
}

impl Error {
    /// The server's error code: Misskey's `code` (`NO_SUCH_NOTE`), or the framework's
    /// (`FST_ERR_CTP_INVALID_JSON_BODY`). `None` for failures that have none.
    ///
    /// An error without a code of its own that carries a whole error in `info` (the rate
    /// limit of `signin-flow`) answers that one's: `TOO_MANY_AUTHENTICATION_FAILURES`.
    pub fn code(&self) -> Option<&str> {
        fn api(e: &ApiError) -> Option<&str> {
            Some(e.code.as_str())
                .filter(|c| !c.is_empty())
                .or_else(|| e.info_code())
        }
        match self {
            Error::Api(e) => api(e),
            Error::RateLimited(e) => e.error.as_ref().and_then(api),
            Error::Framework(e) => e.code.as_deref(),
            _ => None,
        }
    }

    /// The error code as endpoint `E`'s typed code; each endpoint's `ErrorCode::of(&err)`
    /// says the same without naming `E`.
    pub fn endpoint_code<E: Endpoint>(&self) -> Option<E::ErrorCode> {
        self.code().map(E::ErrorCode::from_code)
    }

    /// The error's UUID (Misskey's `id`), when the server sent one.
    pub fn id(&self) -> Option<&str> {
        match self {
            Error::Api(e) => e.id.as_deref(),
            Error::RateLimited(e) => e.error.as_ref().and_then(|e| e.id.as_deref()),
            _ => None,
        }
    }

    /// The HTTP status, when there was an answer.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api(e) => Some(e.status),
            Error::RateLimited(_) => Some(429),
            Error::Framework(e) => Some(e.status),
            Error::UnexpectedBody(e) => Some(e.status),
            Error::Redirect { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The endpoint the failed call went to, when there was one.
    pub fn endpoint(&self) -> Option<&str> {
        match self {
            Error::Api(e) => Some(&e.endpoint),
            Error::RateLimited(e) => Some(&e.endpoint),
            Error::Framework(e) => Some(&e.endpoint),
            Error::UnexpectedBody(e) => Some(&e.endpoint),
            Error::Redirect { endpoint, .. }
            | Error::Timeout { endpoint, .. }
            | Error::Transport { endpoint, .. }
            | Error::Decode { endpoint, .. }
            | Error::Encode { endpoint, .. } => Some(endpoint),
            _ => None,
        }
    }

    /// Misskey's error, if the answer was in Misskey's shape (including a rate limit).
    pub fn api_error(&self) -> Option<&ApiError> {
        match self {
            Error::Api(e) => Some(e),
            Error::RateLimited(e) => e.error.as_ref(),
            _ => None,
        }
    }

    /// How long the server asked to wait (`Retry-After`, or the rate limit's reset).
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            Error::RateLimited(e) => e.wait(),
            Error::Api(e) => e.retry_after,
            Error::UnexpectedBody(e) => e.retry_after,
            _ => None,
        }
    }

    /// Whether trying again later may succeed: rate limits, server errors (5xx), timeouts
    /// and connection failures.
    pub fn is_transient(&self) -> bool {
        match self {
            Error::RateLimited(_) | Error::Timeout { .. } => true,
            // Only failures to connect: the server never saw the request.
            Error::Transport { source, .. } => source.is_connect(),
            _ => self.status().is_some_and(|s| s >= 500),
        }
    }

    pub(crate) fn upload(reason: impl Into<String>, source: Option<std::io::Error>) -> Error {
        Error::Upload {
            reason: reason.into(),
            source,
        }
    }
}

impl From<ApiError> for Error {
    fn from(e: ApiError) -> Error {
        Error::Api(Box::new(e))
    }
}

/// The headers of an answer that the error mapping looks at.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct ResponseMeta<'a> {
    pub content_type: Option<&'a str>,
    pub retry_after: Option<&'a str>,
}

/// Maps an answer to its body (`200`, or empty for `204`) or to the right [`Error`].
///
/// `secret`, when given, is cut out of anything copied from the body into the error, in case
/// a server or proxy echoes the request back.
pub(crate) fn check_response(
    endpoint: &str,
    status: u16,
    meta: ResponseMeta<'_>,
    mut body: Bytes,
    secret: Option<&str>,
) -> Result<Bytes> {
    let len = check_answer(endpoint, status, meta, &body, secret)?.len();
    body.truncate(len);
    Ok(body)
}

/// [`check_response`] on a borrowed body: the part of it that is the answer's content.
fn check_answer<'b>(
    endpoint: &str,
    status: u16,
    meta: ResponseMeta<'_>,
    body: &'b [u8],
    secret: Option<&str>,
) -> Result<&'b [u8]> {
    match status {
        204 => return Ok(&[]),
        200 if body.is_empty() || looks_like_json(body) => return Ok(body),
        _ => {}
    }
    let mut err = error_from_body(endpoint, status, meta, body);
    if let Some(secret) = secret.filter(|s| !s.is_empty()) {
        redact(&mut err, secret);
    }
    Err(err)
}

/// The error for a non-success answer (or a success answer that is not JSON).
fn error_from_body(endpoint: &str, status: u16, meta: ResponseMeta<'_>, body: &[u8]) -> Error {
    let retry_after = meta.retry_after.and_then(parse_retry_after);
    let json: Option<Value> = if looks_like_json(body) && body.len() <= MAX_ERROR_JSON {
        serde_json::from_slice(body).ok()
    } else {
        None
    };
    let api = json
        .as_ref()
        .and_then(|v| api_error(endpoint, status, v, retry_after));
    if status == 429 {
        let reset = api
            .as_ref()
            .and_then(|e| e.info.as_ref())
            .and_then(|info| info.get("resetMs"))
            .and_then(Value::as_f64)
            .and_then(reset_from_ms);
        return Error::RateLimited(Box::new(RateLimited {
            endpoint: endpoint.to_owned(),
            retry_after,
            reset,
            error: api,
        }));
    }
    if let Some(api) = api {
        return Error::Api(Box::new(api));
    }
    if let Some(framework) = json
        .as_ref()
        .and_then(|v| framework_error(endpoint, status, v))
    {
        return Error::Framework(Box::new(framework));
    }
    Error::UnexpectedBody(Box::new(UnexpectedBody {
        endpoint: endpoint.to_owned(),
        status,
        content_type: meta.content_type.map(str::to_owned),
        excerpt: excerpt(body, 0),
        retry_after,
    }))
}

fn api_error(
    endpoint: &str,
    status: u16,
    v: &Value,
    retry_after: Option<Duration>,
) -> Option<ApiError> {
    let e = v.get("error")?.as_object()?;
    let text = |k: &str| e.get(k).and_then(Value::as_str).map(str::to_owned);
    // Misskey's shape as long as it says something of its own: a code, an id or a message.
    if ["code", "id", "message"].iter().all(|k| text(k).is_none()) {
        return None;
    }
    Some(ApiError {
        endpoint: endpoint.to_owned(),
        status,
        code: text("code").unwrap_or_default(),
        id: text("id"),
        message: text("message").unwrap_or_default(),
        kind: e.get("kind").and_then(Value::as_str).map(ErrorKind::parse),
        info: e
            .get("info")
            .filter(|i| !i.is_null())
            .cloned()
            .map(|mut info| {
                mask_credentials(&mut info);
                info
            }),
        retry_after,
    })
}

fn framework_error(endpoint: &str, status: u16, v: &Value) -> Option<FrameworkError> {
    let o = v.as_object()?;
    let message = o.get("message")?.as_str()?;
    // `statusCode` or a string `error` (the reason phrase) tells it from other JSON.
    if !o.contains_key("statusCode") && !o.get("error").is_some_and(Value::is_string) {
        return None;
    }
    let text = |k: &str| o.get(k).and_then(Value::as_str).map(str::to_owned);
    Some(FrameworkError {
        endpoint: endpoint.to_owned(),
        status,
        error: text("error"),
        message: message.to_owned(),
        code: text("code"),
    })
}

/// `Retry-After`: delay-seconds or an HTTP date.
fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs).min(crate::wait::LONGEST));
    }
    if let Ok(secs) = value.parse::<f64>() {
        return crate::wait::from_secs_f64(secs);
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(SystemTime::now()).unwrap_or_default())
}

/// `info.resetMs`: a Unix time in ms (older servers, forks) or ms until the reset (upstream).
fn reset_from_ms(ms: f64) -> Option<Duration> {
    // Anything past 2001-09-09 in ms is a point in time; no limit window lasts 31 years.
    if ms.is_finite() && ms >= 1e12 {
        let at = Duration::try_from_secs_f64(ms / 1000.0).ok()?;
        let now = SystemTime::now().duration_since(UNIX_EPOCH).ok()?;
        Some(at.saturating_sub(now).min(crate::wait::LONGEST))
    } else {
        crate::wait::from_secs_f64(ms / 1000.0)
    }
}

/// Whether a body can be JSON at all (by its first byte), to tell JSON from HTML and text.
fn looks_like_json(body: &[u8]) -> bool {
    match body.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b) => matches!(
            b,
            b'{' | b'[' | b'"' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n'
        ),
        None => false,
    }
}

/// A short, printable piece of `body` around byte `at`. Reads only a window of the body
/// around `at`, so an error about a huge body costs no more than one about a small one.
pub(crate) fn excerpt(body: &[u8], at: usize) -> String {
    if body.is_empty() {
        return String::new();
    }
    // At most 4 bytes a character: this window holds the excerpt whatever the text.
    let at = at.min(body.len());
    let reach = EXCERPT_CHARS * 4;
    let (lo, hi) = (at.saturating_sub(reach), (at + reach).min(body.len()));
    // Masked with some context before the window, where a credential's key may be.
    let context = lo.saturating_sub(CREDENTIAL_CONTEXT);
    let mut window = body[context..hi].to_vec();
    mask_credential_text(&mut window);
    let text = String::from_utf8_lossy(&window[lo - context..]);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let centre = chars.partition_point(|(i, _)| *i < at - lo);
    let start = centre.saturating_sub(EXCERPT_CHARS / 2);
    let end = (start + EXCERPT_CHARS).min(chars.len());
    let start = end.saturating_sub(EXCERPT_CHARS).min(start);
    let mut out = String::new();
    if start > 0 || lo > 0 {
        out.push('…');
    }
    out.extend(
        chars[start..end]
            .iter()
            .map(|(_, c)| if c.is_control() { ' ' } else { *c }),
    );
    if end < chars.len() || hi < body.len() {
        out.push('…');
    }
    out
}

/// Replaces `secret` with `***` in whatever an error copied from a body, a header or a
/// decoding message, in case a server or proxy echoes the request back; an excerpt cut in
/// the middle of the secret loses the piece it kept too.
pub(crate) fn redact(err: &mut Error, secret: &str) {
    let fix = |s: &mut String| {
        if s.contains(secret) {
            *s = s.replace(secret, "***");
        }
    };
    let fix_value = |v: &mut Value| replace_in_strings(v, secret);
    match err {
        Error::Api(e) => {
            fix(&mut e.message);
            fix(&mut e.code);
            e.id.as_mut().map(fix);
            e.info.as_mut().map(fix_value);
        }
        Error::RateLimited(e) => {
            if let Some(e) = &mut e.error {
                fix(&mut e.message);
                fix(&mut e.code);
                e.id.as_mut().map(fix);
                e.info.as_mut().map(fix_value);
            }
        }
        Error::Framework(e) => {
            fix(&mut e.message);
            e.error.as_mut().map(fix);
            e.code.as_mut().map(fix);
        }
        Error::UnexpectedBody(e) => {
            fix(&mut e.excerpt);
            mask_cut_secret(&mut e.excerpt, secret);
        }
        Error::Decode {
            excerpt, source, ..
        } => {
            fix(excerpt);
            mask_cut_secret(excerpt, secret);
            let message = source.to_string();
            if message.contains(secret) {
                *source = serde::de::Error::custom(message.replace(secret, "***"));
            }
        }
        Error::Redirect { location, .. } => {
            location.as_mut().map(fix);
        }
        _ => {}
    }
}

fn replace_in_strings(v: &mut Value, secret: &str) {
    match v {
        Value::String(s) if s.contains(secret) => *s = s.replace(secret, "***"),
        Value::Array(items) => items.iter_mut().for_each(|i| replace_in_strings(i, secret)),
        Value::Object(map) => map.values_mut().for_each(|i| replace_in_strings(i, secret)),
        _ => {}
    }
}

/// The shortest piece of a secret at an excerpt's cut edge that is masked.
const SECRET_PIECE: usize = 4;

/// An excerpt starts or ends where it was cut (`…`); if the secret straddles the cut, the
/// piece inside still gives part of it away.
fn mask_cut_secret(excerpt: &mut String, secret: &str) {
    let chars: Vec<char> = secret.chars().collect();
    if chars.len() <= SECRET_PIECE {
        return;
    }
    if let Some(body) = excerpt.strip_prefix('…') {
        // The longest tail of the secret the excerpt starts with.
        let tail = (SECRET_PIECE..chars.len())
            .rev()
            .map(|n| chars[chars.len() - n..].iter().collect::<String>())
            .find(|tail| body.starts_with(tail.as_str()));
        if let Some(tail) = tail {
            *excerpt = format!("…***{}", &body[tail.len()..]);
        }
    }
    if let Some(body) = excerpt.strip_suffix('…') {
        let head = (SECRET_PIECE..chars.len())
            .rev()
            .map(|n| chars[..n].iter().collect::<String>())
            .find(|head| body.ends_with(head.as_str()));
        if let Some(head) = head {
            *excerpt = format!("{}***…", &body[..body.len() - head.len()]);
        }
    }
}

/// Whether a JSON key names a credential (a password, a token, a secret, `i`): its value
/// is never copied into an error, whoever sent it.
pub(crate) fn is_credential_key(key: &str) -> bool {
    let lower = key.to_ascii_lowercase();
    lower == "i" || CREDENTIAL_WORDS.iter().any(|word| lower.contains(word))
}

/// What a credential's name contains; the generator's list, for `Debug`, is the same.
const CREDENTIAL_WORDS: &[&str] = &["password", "token", "secret", "apikey", "api_key"];

/// `***` for the value of every credential key, at any depth.
fn mask_credentials(v: &mut Value) {
    match v {
        Value::Array(items) => items.iter_mut().for_each(mask_credentials),
        Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                // Strings only: `usePasswordLessLogin: true` holds no secret.
                if is_credential_key(key) && value.is_string() {
                    *value = Value::String("***".into());
                } else {
                    mask_credentials(value);
                }
            }
        }
        _ => {}
    }
}

/// `***` for the string values of credential keys in JSON text (an excerpt's window):
/// `"password": "hunter2"` becomes `"password": "*******"`, the same length, so that
/// positions in the text stay where they were.
fn mask_credential_text(text: &mut [u8]) {
    let mut i = 0;
    while let Some(offset) = text[i..].iter().position(|b| *b == b'"') {
        let key_start = i + offset + 1;
        let Some(key_len) = text[key_start..].iter().position(|b| *b == b'"') else {
            return;
        };
        let key_end = key_start + key_len;
        let mut j = key_end + 1;
        while j < text.len() && text[j].is_ascii_whitespace() {
            j += 1;
        }
        let is_key = j < text.len() && text[j] == b':';
        let credential =
            is_key && std::str::from_utf8(&text[key_start..key_end]).is_ok_and(is_credential_key);
        if !credential {
            i = key_end + 1;
            continue;
        }
        j += 1;
        while j < text.len() && text[j].is_ascii_whitespace() {
            j += 1;
        }
        if j < text.len() && text[j] == b'"' {
            let mut k = j + 1;
            while k < text.len() && text[k] != b'"' {
                // Masks escapes too, so that an escaped quote does not end the value.
                if text[k] == b'\\' && k + 1 < text.len() {
                    text[k] = b'*';
                    k += 1;
                }
                text[k] = b'*';
                k += 1;
            }
            i = k.min(text.len());
        } else {
            i = j;
        }
        if i >= text.len() {
            return;
        }
    }
}

/// Decodes a success body (empty means JSON `null`) into `T`, naming the JSON path on failure.
///
/// The body is checked for UTF-8 once and decoded as text, without tracking the path:
/// serde_json re-checks every string of a byte slice, and tracking costs more still (this took
/// decoding a 100-note timeline from about 660 µs to 280 µs, see `benches/decode.rs`). On
/// failure the path is read off the text where serde_json stopped ([`crate::json_path`]); a
/// second, tracking decode would compile each response type's decoder twice in every crate
/// that calls the endpoint, for the rare failure.
pub(crate) fn decode_body<T: DeserializeOwned>(endpoint: &str, body: &[u8]) -> Result<T> {
    // An empty body is `null`, read as text like any other body (see `decode_answer`); the
    // error still shows the body as it was.
    let text = if body.is_empty() {
        "null"
    } else {
        match std::str::from_utf8(body) {
            Ok(text) => text,
            Err(_) => return Err(not_utf8(endpoint, body)),
        }
    };
    serde_json::from_str(text).map_err(|e| decode_error(endpoint, body, text.as_bytes(), e))
}

/// A body that is not UTF-8 fails where serde_json's own reading of it does: at the first
/// string holding a bad byte, or at a bad byte outside strings.
fn not_utf8(endpoint: &str, body: &[u8]) -> Error {
    let source = match serde_json::from_slice::<Value>(body) {
        Err(err) => err,
        Ok(_) => serde::de::Error::custom("the body is not valid UTF-8"),
    };
    decode_error(endpoint, body, body, source)
}

/// The decode error for `source`, which serde_json raised reading `text` (the body, or `null`
/// for an empty one).
fn decode_error(endpoint: &str, body: &[u8], text: &[u8], source: serde_json::Error) -> Error {
    use crate::json_path::{path_at, Why};
    // serde's and serde_json's own wording tells the failures that stop at the same place
    // apart (a duplicate key is the object's, an unknown one the member's).
    let message = source.to_string();
    let why = if source.is_eof() {
        Why::Eof
    } else if message.starts_with("duplicate field") {
        Why::DuplicateField
    } else if message.starts_with("unknown field") {
        Why::UnknownField
    } else if message.starts_with("trailing characters") {
        Why::Trailing
    } else {
        Why::Other
    };
    let consumed = consumed(text, source.line(), source.column());
    let path = path_at(text, consumed, why);
    // The last byte read, for the excerpt (`text` is the body itself unless that is empty).
    let at = consumed.saturating_sub(1);
    // serde's message quotes the value (`invalid type: string "hunter2"`).
    let field = path.rsplit(['.', '[']).next().unwrap_or_default();
    let source = if is_credential_key(field) {
        serde::de::Error::custom(format!(
            "the value of `{field}` (a credential, not shown) does not fit its type"
        ))
    } else {
        source
    };
    let excerpt = if body.is_empty() {
        "<empty>".to_owned()
    } else {
        excerpt(body, at)
    };
    Error::Decode {
        endpoint: endpoint.to_owned(),
        path,
        excerpt,
        source,
    }
}

/// How many bytes of `text` serde_json had consumed at its 1-based `line` and `column` (the
/// column counts the bytes consumed on that line).
fn consumed(text: &[u8], line: usize, column: usize) -> usize {
    if line == 0 {
        return 0;
    }
    let line_start: usize = text
        .split(|b| *b == b'\n')
        .take(line - 1)
        .map(|l| l.len() + 1)
        .sum();
    (line_start + column).min(text.len())
}

/// Decodes a captured answer for endpoint `E` exactly as [`Client::call`](crate::Client::call)
/// does: the same status mapping, error shapes and decode-error details.
///
/// `headers` are the answer's headers that matter, by lowercase or any-case name:
/// `content-type` and `retry-after`; pass `&[]` when there are none.
///
/// ```
/// # use misskey_client::decode_response_value;
/// let err = decode_response_value("notes/show", 400, &[],
///     br#"{"error":{"message":"No such note.","code":"NO_SUCH_NOTE","id":"x","kind":"client"}}"#)
///     .unwrap_err();
/// assert_eq!(err.code(), Some("NO_SUCH_NOTE"));
/// ```
pub fn decode_response<E: Endpoint>(
    status: u16,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Result<E::Response> {
    let body = check_captured(E::NAME, status, headers, body)?;
    decode_answer(E::NAME, body)
}

/// Like [`decode_response`], reading an answer with no content as `None`, as
/// [`RequestBuilder::send_optional`](crate::RequestBuilder::send_optional) does.
pub fn decode_response_optional<E: Endpoint>(
    status: u16,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Result<Option<E::Response>> {
    let body = check_captured(E::NAME, status, headers, body)?;
    if body.is_empty() {
        return Ok(None);
    }
    decode_body(E::NAME, body).map(Some)
}

/// A success's body as `T`: an empty body is `null` to `()`, `Option` and `Value`, and
/// [`Error::NoContent`] to a type that needs a body.
pub(crate) fn decode_answer<T: DeserializeOwned>(endpoint: &str, body: &[u8]) -> Result<T> {
    if body.is_empty() {
        // `null` read as text, like every body: a `Value` deserializer here would compile
        // the whole response type a second time in every crate that calls the endpoint.
        return serde_json::from_str("null").map_err(|_| Error::NoContent {
            endpoint: endpoint.to_owned(),
        });
    }
    decode_body(endpoint, body)
}

/// Like [`decode_response`], for an endpoint known only by name: the body as a JSON value
/// (`null` for `204` or an empty body).
pub fn decode_response_value(
    endpoint: &str,
    status: u16,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Result<Value> {
    let body = check_captured(endpoint, status, headers, body)?;
    decode_body(endpoint, body)
}

fn check_captured<'b>(
    endpoint: &str,
    status: u16,
    headers: &[(&str, &str)],
    body: &'b [u8],
) -> Result<&'b [u8]> {
    let header = |name: &str| {
        headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| *v)
    };
    let meta = ResponseMeta {
        content_type: header("content-type"),
        retry_after: header("retry-after"),
    };
    check_answer(endpoint, status, meta, body, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_is_short_and_centred() {
        let body = format!("{}X{}", "a".repeat(1000), "b".repeat(1000));
        let ex = excerpt(body.as_bytes(), 1000);
        assert!(ex.contains('X'));
        assert!(ex.chars().count() <= EXCERPT_CHARS + 2);
        assert!(ex.starts_with('…') && ex.ends_with('…'));
    }

    #[test]
    fn reset_ms_absolute_and_relative() {
        assert_eq!(reset_from_ms(1500.0), Some(Duration::from_millis(1500)));
        let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap();
        let abs = (now + Duration::from_secs(60)).as_millis() as f64;
        let d = reset_from_ms(abs).unwrap();
        assert!(
            d > Duration::from_secs(55) && d <= Duration::from_secs(60),
            "{d:?}"
        );
        // In the past: no wait.
        assert_eq!(reset_from_ms(1_000_000_000_000.0), Some(Duration::ZERO));
    }

    #[test]
    fn retry_after_forms() {
        assert_eq!(parse_retry_after("60"), Some(Duration::from_secs(60)));
        assert_eq!(parse_retry_after(" 2 "), Some(Duration::from_secs(2)));
        let later = SystemTime::now() + Duration::from_secs(120);
        let d = parse_retry_after(&httpdate::fmt_http_date(later)).unwrap();
        assert!(d > Duration::from_secs(100) && d <= Duration::from_secs(120));
        assert_eq!(parse_retry_after("soon"), None);
    }

    #[test]
    fn consumed_bytes() {
        assert_eq!(consumed(b"ab\ncd", 2, 2), 5);
        assert_eq!(consumed(b"ab\ncd", 2, 0), 3);
        assert_eq!(consumed(b"abc", 1, 0), 0);
        assert_eq!(consumed(b"abc", 0, 0), 0);
    }
}
