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
pub use endpoint::{Endpoint, EndpointErrorCode, EndpointInfo, EndpointVisitor, RequestBuilder};
pub use error::{
    ApiError, CommonErrorCode, Error, ErrorKind, FrameworkError, RateLimited, Result,
    SharedErrorCode, UnexpectedBody,
};
pub use pagination::{Pager, Paginated};
pub use response::{decode_response, decode_response_optional, decode_response_value};
pub use upload::UploadFile;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/generated.rs"));
}

pub use generated::*;
