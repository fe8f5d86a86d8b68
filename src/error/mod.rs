//! Everything a call can fail with: the error types, what they print, and (in `redact`)
//! what they never print. How an answer becomes a value or one of these errors is in
//! the `response` module.

use std::fmt;
use std::time::Duration;

use serde_json::Value;

use crate::endpoint::{Endpoint, EndpointErrorCode};

mod redact;
mod stream;

pub use redact::is_credential_name;
pub(crate) use redact::{
    cut_secrets, mask_credential_text, mask_credentials, redact, without_values,
};
pub use stream::{StreamError, StreamResult};

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

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
    ///
    /// When the cause is recognised, `hint` says what to do: TLS tried on a server that
    /// answered plain HTTP (an `https://` base URL, or a bare host, which means https) names
    /// the `http://` base URL to use instead.
    #[error("{endpoint}: transport error: {}{}", causes(source), hint.as_deref().map(|h| format!(" ({h})")).unwrap_or_default())]
    Transport {
        /// The endpoint called.
        endpoint: String,
        /// The cause; its URL is removed (it is in `endpoint` already).
        #[source]
        source: reqwest::Error,
        /// What to do about it, when the cause is recognised.
        hint: Option<String>,
    },
    /// A success response did not decode into the endpoint's response type.
    ///
    /// A missing field's message names the model and the field, and says what to do:
    /// servers sometimes leave out a field their own spec requires (see the README's
    /// troubleshooting section).
    #[error(
        "{endpoint}: cannot decode the response at `{path}`: {source} (body: {excerpt}){}",
        left_out_hint(source)
    )]
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
    /// The connected server does not have this endpoint (it is not in the list its
    /// `endpoints` answers; see [`Client::server`](crate::Client::server)). Nothing was sent.
    #[error("{endpoint}: the server (version {server_version}) does not have this endpoint; nothing was sent")]
    Unsupported {
        /// The endpoint called.
        endpoint: String,
        /// The server's version, as `meta` says.
        server_version: String,
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
    Streaming(#[from] StreamError),
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
    /// each endpoint's `Builder::send_optional` (and [`Client::call_optional`](crate::Client::call_optional))
    /// reads it as `None`.
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
/// What to do about a field the spec requires and the server left out: it is a server's
/// habit, not the caller's mistake, and the answer can still be read.
fn left_out_hint(source: &serde_json::Error) -> &'static str {
    if source.to_string().starts_with("missing field") {
        ". Servers sometimes leave out a field their own spec requires; `Client::call_raw` \
         reads the same answer as JSON, and `decode_response_value` reads a captured one"
    } else {
        ""
    }
}

/// What to do about a transport failure, when its cause is recognised: TLS tried on a
/// server that answered plain HTTP. rustls reads the first bytes of `HTTP/1.1 400 …` as a TLS
/// record of no known type ("received corrupt message of type InvalidContentType"), OpenSSL
/// (a caller's own `reqwest::Client`) as "wrong version number"; neither says that https was
/// only assumed, or what to write instead.
pub(crate) fn transport_hint(err: &reqwest::Error, base: &url::Url) -> Option<String> {
    const PLAIN_HTTP_ANSWER: &[&str] = &["InvalidContentType", "wrong version number"];
    if base.scheme() != "https" {
        return None;
    }
    let text = causes(err);
    if !PLAIN_HTTP_ANSWER.iter().any(|sign| text.contains(sign)) {
        return None;
    }
    let mut http = base.clone();
    http.set_scheme("http").ok()?;
    Some(format!(
        "TLS was tried because the base URL is https ({}; a bare host means https), but the \
         server answered plain HTTP: if it serves plain HTTP, use {} as the base URL",
        base.as_str().trim_end_matches('/'),
        http.as_str().trim_end_matches('/')
    ))
}

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
    pub(crate) fn parse(s: &str) -> ErrorKind {
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
            | Error::Encode { endpoint, .. }
            | Error::Unsupported { endpoint, .. } => Some(endpoint),
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
