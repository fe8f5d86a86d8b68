//! Errors. (Placeholder: the core work fills this in.)

/// Everything a call can fail with.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Transport failure.
    #[error("transport: {0}")]
    Transport(#[from] reqwest::Error),
    /// The body did not decode.
    #[error("decoding the response of {endpoint}: {source}")]
    Decode {
        /// Endpoint name.
        endpoint: &'static str,
        /// Cause.
        source: serde_json::Error,
    },
    /// The server answered with an error status.
    #[error("{endpoint} answered {status}")]
    Status {
        /// Endpoint name.
        endpoint: &'static str,
        /// HTTP status.
        status: u16,
    },
}

/// `Result` with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
