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

mod client;
mod endpoint;
mod error;
pub mod pagination;
pub mod types;
pub mod upload;

pub use client::{AuthMode, Client, ClientBuilder};
pub use endpoint::{Endpoint, EndpointErrorCode, EndpointInfo, EndpointVisitor, RequestBuilder};
pub use error::{Error, Result};

mod generated {
    include!(concat!(env!("OUT_DIR"), "/generated.rs"));
}

pub use generated::*;
