//! The contract between the generated bindings and the hand-written core.
//!
//! Every generated endpoint module has a `Request` that implements [`Endpoint`]; the client
//! methods return a [`RequestBuilder`] over it. Keeping the sending side generic over `E` (and
//! the builder's `IntoFuture` impl written once, here) means a call is only monomorphized in
//! the crate that makes it, which keeps this crate's own compile time independent of the
//! number of endpoints.

use std::fmt;
use std::future::{Future, IntoFuture};
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

/// A request on its way: set its parameters by name, then `.await` it.
///
/// Every generated method on [`Client`] returns one, under its endpoint module's alias
/// `Builder` (`endpoints::notes::create::Builder`), whose page lists that endpoint's setters.
/// Their blocks below are each labeled with their endpoint. A required parameter left unset
/// is [`Error::MissingParameters`](crate::Error::MissingParameters), before anything is sent.
#[must_use = "a request does nothing until it is awaited"]
pub struct RequestBuilder<E> {
    pub(crate) client: Client,
    pub(crate) request: E,
}

impl<E: Endpoint> RequestBuilder<E> {
    #[doc(hidden)]
    pub fn new(client: &Client, request: E) -> Self {
        Self {
            client: client.clone(),
            request,
        }
    }

    /// The request as built so far.
    pub fn request(&self) -> &E {
        &self.request
    }

    /// Change the request directly (for fields whose setter does not fit).
    pub fn request_mut(&mut self) -> &mut E {
        &mut self.request
    }

    /// The built request, for [`Client::call`] or to keep.
    pub fn into_request(self) -> E {
        self.request
    }

    /// Sends the request. The same as `.await` on the builder.
    pub async fn send(self) -> Result<E::Response> {
        self.client.call(&self.request).await
    }

    /// Sends the request, reading an answer with no content (`204`, or an empty `200`) as
    /// `None`, for the endpoints that answer nothing to some calls (a scheduled
    /// `notes/create` on misskey.io). Where `.await` would give
    /// [`Error::NoContent`](crate::Error::NoContent), this gives `Ok(None)`.
    pub async fn send_optional(self) -> Result<Option<E::Response>> {
        self.client.call_optional(&self.request).await
    }
}

impl<E: Endpoint + fmt::Debug> fmt::Debug for RequestBuilder<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RequestBuilder")
            .field("endpoint", &E::NAME)
            .field("request", &self.request)
            .finish_non_exhaustive()
    }
}

impl<E: Endpoint> IntoFuture for RequestBuilder<E> {
    type Output = Result<E::Response>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}
