// docs.rs has no server and so no spec: its build is generated from a small illustration
// spec (build.rs sets `docsrs` then), and its front page says so first.
#![cfg_attr(
    docsrs,
    doc = "> **This is the docs.rs build, an illustration.** docs.rs has no Misskey server, \
       so [`endpoints`] and [`models`] here are generated from a small spec written for the \
       purpose ([`spec/illustration/api.json`](https://github.com/OWNER/misskey-client/blob/HEAD/spec/illustration/api.json)), \
       a handful of endpoints to show what each kind becomes; the `Client` methods are those \
       few too. A real build is generated from your server's spec and has every endpoint and \
       model it declares (about 400 endpoints on a current Misskey): see \
       [Use it in your crate](#use-it-in-your-crate) below, then \
       `cargo doc -p misskey-client --open` in your crate. \
       [The examples](https://github.com/OWNER/misskey-client/tree/HEAD/examples) show a bot's \
       calls.\n\n"
)]
#![doc = include_str!("../README.md")]
#![warn(missing_docs)]

pub mod auth;
mod base_url;
mod client;
mod endpoint;
mod error;
mod json_path;
pub mod pagination;
mod response;
mod server;
pub mod streaming;
mod token;
pub mod types;
pub mod upload;
mod wait;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use token::Token;

pub use auth::Permission;
pub use client::{
    AuthMode, Client, ClientBuilder, RetryPolicy, DEFAULT_MAX_RESPONSE_SIZE, DEFAULT_TIMEOUT,
};
pub use endpoint::{
    merged_specs, Endpoint, EndpointErrorCode, EndpointInfo, EndpointVisitor, ResponseFuture,
};
pub use error::{
    ApiError, CommonErrorCode, Error, ErrorKind, FrameworkError, RateLimited, Result,
    SharedErrorCode, UnexpectedBody,
};
pub use pagination::{Pager, Paginated};
pub use response::{decode_response, decode_response_optional, decode_response_value};
pub use server::Server;
pub use upload::UploadFile;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/generated.rs"));
}

pub use generated::*;
