//! The contract between the generated bindings and the hand-written core.
//!
//! Every generated endpoint module has a `Request` that implements [`Endpoint`] and a
//! `Builder` that the client method returns. Keeping the sending side generic over `E`
//! (`RequestBuilder`, written once, here) and each `Builder`'s glue `#[inline]` means a call
//! is only monomorphized in the crate that makes it, which keeps this crate's own compile
//! time independent of the number of endpoints.

use std::fmt;
use std::future::Future;
use std::pin::Pin;

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::{Client, Result};

/// One Misskey API endpoint: its request body type and what it answers.
pub trait Endpoint: Serialize + Send + Sync + 'static {
    /// What a successful call decodes into (`()` for endpoints that answer `204`).
    ///
    /// `Debug` so that code handling any endpoint by name (logging, the corpus tests) can
    /// show what was decoded; every generated response derives it.
    type Response: DeserializeOwned + fmt::Debug + Send + 'static;
    /// The endpoint's own error codes, from the spec's `400` examples.
    type ErrorCode: EndpointErrorCode;
    /// The endpoint's name, the path after `/api/`: `notes/create`.
    const NAME: &'static str;
    /// Whether the endpoint needs a credential (the spec's `security`).
    const REQUIRES_CREDENTIAL: bool;
    /// The permission a token needs, as the spec's description states it.
    const PERMISSION: Option<&'static str>;
    /// Whether the body is `multipart/form-data` rather than JSON.
    const MULTIPART: bool = false;
    /// Whether the endpoint is called with `GET`, its parameters in the query string (a
    /// path whose spec declares only `get`; every Misskey endpoint takes `POST`).
    const HTTP_GET: bool = false;

    /// The path after `/api/`: [`Endpoint::NAME`], with any `{parameter}` filled in.
    fn path(&self) -> std::borrow::Cow<'static, str> {
        std::borrow::Cow::Borrowed(Self::NAME)
    }

    /// The required parameters that are not set (by their names in the spec); the client
    /// refuses to send a request while any is.
    fn missing(&self) -> Vec<&'static str> {
        Vec::new()
    }

    /// Parameters the spec declares in the query string (beside the body).
    fn query(&self) -> Vec<(&'static str, String)> {
        Vec::new()
    }

    /// Parameters the spec declares as request headers.
    fn headers(&self) -> Vec<(&'static str, String)> {
        Vec::new()
    }

    /// The file parts of a multipart request, by field name. Empty for JSON endpoints.
    fn files(&self) -> Vec<(&'static str, &crate::upload::UploadFile)> {
        Vec::new()
    }
}

/// An endpoint's typed error codes; every generated `ErrorCode` enum implements it.
pub trait EndpointErrorCode: fmt::Debug + Clone + PartialEq + Eq + Send + Sync + 'static {
    /// Maps a server's `code` to a variant, or to the `Unknown` fallback.
    fn from_code(code: &str) -> Self;
    /// The code as the server spells it.
    fn as_str(&self) -> &str;
}

/// What is known of one generated endpoint at run time; see [`crate::ENDPOINTS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EndpointInfo {
    /// The endpoint's name: `notes/create`.
    pub name: &'static str,
    /// Whether it needs a credential.
    pub requires_credential: bool,
    /// The permission a token needs, if any.
    pub permission: Option<&'static str>,
    /// Whether its body is multipart.
    pub multipart: bool,
    /// The cargo feature that enables it, if its group has one.
    pub feature: Option<&'static str>,
}

impl EndpointInfo {
    /// In a build of several specs, the labels of those that declare this endpoint
    /// (`Misskey 2025.2.1`); empty in a single-spec build, whose one spec declares them all.
    /// Whether the connected server has it: [`Client::supports`](crate::Client::supports).
    pub fn specs(&self) -> &'static [&'static str] {
        #[cfg(misskey_merged)]
        {
            match crate::ENDPOINT_SPECS
                .iter()
                .find(|(name, _)| *name == self.name)
            {
                Some((_, specs)) => specs,
                None => crate::MERGED_SPECS,
            }
        }
        #[cfg(not(misskey_merged))]
        {
            &[]
        }
    }
}

/// The labels of the specs this build merges (`MISSKEY_SPEC` naming a directory or a list);
/// empty in a single-spec build.
pub fn merged_specs() -> &'static [&'static str] {
    #[cfg(misskey_merged)]
    {
        crate::MERGED_SPECS
    }
    #[cfg(not(misskey_merged))]
    {
        &[]
    }
}

/// Visits the endpoint type behind a name; see `visit_endpoint` in the crate root.
///
/// This is how code reaches an endpoint chosen at run time (a name read from a file, a log,
/// a corpus of captured responses) with its static types: the visitor is generic over the
/// endpoint, so only the code that uses it pays for instantiating it.
pub trait EndpointVisitor {
    /// What the visit returns.
    type Output;
    /// Called with the endpoint type whose name was asked for.
    fn visit<E: Endpoint>(self) -> Self::Output;
}

/// A request on its way, for any endpoint: what every endpoint module's `Builder` wraps.
///
/// The sending is written once, here, generic over `E`, so it is compiled only in the crate
/// that sends (see the module docs); each `Builder` forwards to it through `#[inline]` glue
/// (`builder_methods!`), which is not compiled here either.
pub(crate) struct RequestBuilder<E> {
    pub(crate) client: Client,
    pub(crate) request: E,
}

impl<E: Endpoint> RequestBuilder<E> {
    #[inline]
    pub(crate) fn new(client: &Client) -> Self
    where
        E: Default,
    {
        Self {
            client: client.clone(),
            request: E::default(),
        }
    }

    // Boxed here, generic: that the future is `Send` is proven once, for every `E`. A
    // `Builder` returning the future unboxed (`impl Future + Send`) has it proven again
    // through every `await` of the call, for each endpoint: measured, that took this crate's
    // clean compile from 9 s to 15-17 s.
    pub(crate) fn send(self) -> ResponseFuture<E::Response> {
        Box::pin(async move { self.client.call(&self.request).await })
    }

    pub(crate) fn send_optional(self) -> ResponseFuture<Option<E::Response>> {
        Box::pin(async move { self.client.call_optional(&self.request).await })
    }
}

impl<E: Endpoint + fmt::Debug> fmt::Debug for RequestBuilder<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Builder")
            .field("endpoint", &E::NAME)
            .field("request", &self.request)
            .finish_non_exhaustive()
    }
}

/// What `.await` on an endpoint's `Builder` runs (and its `send`): the call, boxed, so that
/// the type can be named (`IntoFuture::IntoFuture`) and is `Send` for every endpoint.
pub type ResponseFuture<T> = Pin<Box<dyn Future<Output = Result<T>> + Send>>;

/// The methods every endpoint module's `Builder` shares, beside its setters: the request
/// itself, `send`, `send_optional`, `.await` and `Debug`; with `paginated`, also `paginate`.
///
/// Each endpoint has a type of its own so that its documentation page lists its setters alone.
/// Every body here only forwards to [`RequestBuilder`] and is `#[inline]`: none of it is
/// compiled in this crate, only where a bot calls it.
macro_rules! builder_methods {
    ($builder:ident, $request:ident, $response:ident) => {
        impl $builder {
            /// The request as built so far.
            #[inline]
            pub fn request(&self) -> &$request {
                &self.0.request
            }

            /// Change the request directly (for fields whose setter does not fit).
            #[inline]
            pub fn request_mut(&mut self) -> &mut $request {
                &mut self.0.request
            }

            /// The built request, for [`Client::call`](crate::Client::call) or to keep.
            #[inline]
            pub fn into_request(self) -> $request {
                self.0.request
            }

            /// Sends the request: the same as `.await` on the builder.
            #[inline]
            pub fn send(self) -> crate::ResponseFuture<$response> {
                self.0.send()
            }

            /// Sends the request, reading an answer with no content (`204`, or an empty `200`)
            /// as `None`, for the endpoints that answer nothing to some calls (a scheduled
            /// `notes/create` on misskey.io). Where `.await` would give
            /// [`Error::NoContent`](crate::Error::NoContent), this gives `Ok(None)`.
            #[inline]
            pub fn send_optional(self) -> crate::ResponseFuture<Option<$response>> {
                self.0.send_optional()
            }
        }

        impl ::std::future::IntoFuture for $builder {
            type Output = crate::Result<$response>;
            type IntoFuture = crate::ResponseFuture<$response>;

            #[inline]
            fn into_future(self) -> Self::IntoFuture {
                self.0.send()
            }
        }

        impl ::std::fmt::Debug for $builder {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Debug::fmt(&self.0, f)
            }
        }
    };
    ($builder:ident, $request:ident, $response:ident, paginated) => {
        crate::endpoint::builder_methods!($builder, $request, $response);

        impl $builder {
            /// Pages through this request's results as a stream of items, newest first:
            /// `client.notes_timeline().paginate()`. See [`Client::paginate`](crate::Client::paginate).
            #[inline]
            pub fn paginate(self) -> crate::Pager<$request> {
                self.0.client.paginate(self.0.request)
            }
        }
    };
}
pub(crate) use builder_methods;
