//! What the streaming side can fail with.

use tokio_tungstenite::tungstenite;

/// `Result` with a [`StreamError`].
pub type StreamResult<T> = std::result::Result<T, StreamError>;

/// Everything opening or using a streaming connection can fail with.
///
/// Converts into the crate's [`Error`](crate::Error) (`Error::Streaming`), so `?` works in
/// functions that return [`crate::Result`].
///
/// No variant carries the streaming URL or the token.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StreamError {
    /// The client's base URL cannot be turned into a `ws://`/`wss://` streaming URL.
    #[error("invalid streaming URL: {0}")]
    InvalidUrl(String),
    /// The server refused the WebSocket handshake with this HTTP status; `401` means the
    /// token was rejected.
    #[error("the server rejected the streaming handshake with HTTP {status}{}", hint(*status))]
    Rejected {
        /// The HTTP status of the refusal.
        status: u16,
    },
    /// Something did not answer in time: the handshake, or the server's `connected`
    /// confirmation of a channel.
    #[error("timed out {0}")]
    Timeout(&'static str),
    /// The WebSocket transport failed (DNS, TCP, TLS, protocol).
    #[error("WebSocket: {0}")]
    WebSocket(#[source] Box<tungstenite::Error>),
    /// The socket is down right now (it is being re-established); a message to the server
    /// could not be sent. Channel and note subscriptions are resumed on their own.
    #[error("the streaming socket is reconnecting; the message was not sent")]
    NotConnected,
    /// The streaming connection has ended for good (closed, or reconnection gave up).
    #[error("the streaming connection is closed")]
    Closed,
    /// Channel parameters or a message body could not be encoded as JSON.
    #[error("encoding a streaming message: {0}")]
    Encode(#[source] serde_json::Error),
    /// A server message is not a well-formed streaming frame.
    #[error("decoding a streaming message: {0}")]
    Decode(String),
}

fn hint(status: u16) -> &'static str {
    match status {
        401 => " (the token was not accepted)",
        403 => " (the token may lack a permission, or the account is suspended)",
        _ => "",
    }
}

impl StreamError {
    /// The HTTP status of a refused handshake.
    pub fn status(&self) -> Option<u16> {
        match self {
            StreamError::Rejected { status } => Some(*status),
            _ => None,
        }
    }

    /// Whether the server refused the handshake because of the credential (401 or 403):
    /// retrying will not help.
    pub fn is_auth_error(&self) -> bool {
        matches!(self.status(), Some(401 | 403))
    }
}
