//! Typed bindings for every endpoint of a Misskey server, generated at build time from the
//! server's own OpenAPI spec, behind a small hand-written core.
//!
//! ```no_run
//! # async fn run() -> misskey_client::Result<()> {
//! let client = misskey_client::Client::builder("https://misskey.example")
//!     .token("YOUR_TOKEN")
//!     .build()?;
//! let note = client.notes_create().text("hello from Rust").await?;
//! # let _ = note;
//! # Ok(())
//! # }
//! ```

#![warn(missing_docs)]

pub mod auth;
mod client;
mod token;
pub use token::Token;
#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;
mod endpoint;
mod error;
pub mod pagination;
pub mod streaming;
pub mod types;
pub mod upload;

pub use auth::Permission;
pub use client::{AuthMode, Client, ClientBuilder, RetryPolicy, DEFAULT_TIMEOUT};
pub use endpoint::{Endpoint, EndpointErrorCode, EndpointInfo, EndpointVisitor, RequestBuilder};
pub use error::{
    decode_response, decode_response_value, ApiError, Error, ErrorKind, FrameworkError,
    RateLimited, Result, UnexpectedBody,
};
pub use pagination::{Pager, Paginated};
pub use upload::UploadFile;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/generated.rs"));
}

pub use generated::*;
