// warning: /components/securitySchemes/ApiKeyAuth: an API key `in: body` (how Misskey sends `i`) is not valid OpenAPI; the generator does not use security schemes, so it is left out
/// The endpoints: a method each, named for its path (`notes/create` is `notes_create`), returning the endpoint's `Builder`.
///
/// Looking for one by what it does:
///
/// - `upload`, `upload_file`: [`drive_files_create`](Self::drive_files_create)
impl crate::Client {
    /// `users/{userId}/notes`: see [`endpoints::users::user_id::notes`](crate::endpoints::users::user_id::notes) for its parameters and answer.
    #[inline]
    pub fn users_user_id_notes(&self) -> endpoints::users::user_id::notes::Builder {
        endpoints::users::user_id::notes::Builder(
            crate::endpoint::RequestBuilder::new(self),
        )
    }
    /// `stats`: see [`endpoints::stats`](crate::endpoints::stats) for its parameters and answer.
    #[inline]
    pub fn stats(&self) -> endpoints::stats::Builder {
        endpoints::stats::Builder(crate::endpoint::RequestBuilder::new(self))
    }
    /// `drive/files/create`: see [`endpoints::drive::files::create`](crate::endpoints::drive::files::create) for its parameters and answer.
    #[doc(alias = "upload")]
    #[doc(alias = "upload_file")]
    #[inline]
    pub fn drive_files_create(&self) -> endpoints::drive::files::create::Builder {
        endpoints::drive::files::create::Builder(
            crate::endpoint::RequestBuilder::new(self),
        )
    }
}
/// Every endpoint generated into this build, in the spec's order.
pub static ENDPOINTS: &[crate::EndpointInfo] = &[
    crate::EndpointInfo {
        name: "users/{userId}/notes",
        requires_credential: false,
        permission: None,
        multipart: false,
        feature: None,
    },
    crate::EndpointInfo {
        name: "stats",
        requires_credential: false,
        permission: None,
        multipart: false,
        feature: None,
    },
    crate::EndpointInfo {
        name: "drive/files/create",
        requires_credential: false,
        permission: None,
        multipart: true,
        feature: None,
    },
];
/// The `info.version` of the spec this crate was generated from.
pub const SPEC_VERSION: &str = "1";
/// How many paths the spec has, and how many of them were left out because their
/// group's cargo feature is off: `ENDPOINTS.len() + SPEC_DISABLED_PATHS == SPEC_PATHS`.
pub const SPEC_PATHS: usize = 3usize;
/// See [`SPEC_PATHS`].
pub const SPEC_DISABLED_PATHS: usize = 0usize;
/// Calls `visitor` with the endpoint type whose name is `name` (`notes/create`), or
/// returns `None` for a name this build does not have.
pub fn visit_endpoint<V: crate::EndpointVisitor>(
    name: &str,
    visitor: V,
) -> Option<V::Output> {
    Some(
        match name {
            "users/{userId}/notes" => {
                visitor.visit::<endpoints::users::user_id::notes::Request>()
            }
            "stats" => visitor.visit::<endpoints::stats::Request>(),
            "drive/files/create" => {
                visitor.visit::<endpoints::drive::files::create::Request>()
            }
            _ => return None,
        },
    )
}
/// The spec's component schemas (`components.schemas`) and the inline shapes they contain.
///
/// Generated from Construct 1.
pub mod models {
    /// This server's spec has no `Announcement` schema; the crate's hand-written parts (streaming) still name it, so it stands for whatever JSON arrives.
    ///
    /// The `Announcement` schema.
    pub type Announcement = ::serde_json::Value;
    /// This server's spec has no `Antenna` schema; the crate's hand-written parts (streaming) still name it, so it stands for whatever JSON arrives.
    ///
    /// The `Antenna` schema.
    pub type Antenna = ::serde_json::Value;
    /// This server's spec has no `ChatMessage` schema; the crate's hand-written parts (streaming) still name it, so it stands for whatever JSON arrives.
    ///
    /// The `ChatMessage` schema.
    pub type ChatMessage = ::serde_json::Value;
    /// This server's spec has no `ChatMessageLite` schema; the crate's hand-written parts (streaming) still name it, so it stands for whatever JSON arrives.
    ///
    /// The `ChatMessageLite` schema.
    pub type ChatMessageLite = ::serde_json::Value;
    /// This server's spec has no `DriveFile` schema; the crate's hand-written parts (streaming) still name it, so it stands for whatever JSON arrives.
    ///
    /// The `DriveFile` schema.
    pub type DriveFile = ::serde_json::Value;
    /// This server's spec has no `DriveFolder` schema; the crate's hand-written parts (streaming) still name it, so it stands for whatever JSON arrives.
    ///
    /// The `DriveFolder` schema.
    pub type DriveFolder = ::serde_json::Value;
    /// This server's spec has no `EmojiDetailed` schema; the crate's hand-written parts (streaming) still name it, so it stands for whatever JSON arrives.
    ///
    /// The `EmojiDetailed` schema.
    pub type EmojiDetailed = ::serde_json::Value;
    /// This server's spec has no `MeDetailed` schema; the crate's hand-written parts (streaming) still name it, so it stands for whatever JSON arrives.
    ///
    /// The `MeDetailed` schema.
    pub type MeDetailed = ::serde_json::Value;
    /// This server's spec has no `Note` schema; the crate's hand-written parts (streaming) still name it, so it stands for whatever JSON arrives.
    ///
    /// The `Note` schema.
    pub type Note = ::serde_json::Value;
    /// This server's spec has no `Notification` schema; the crate's hand-written parts (streaming) still name it, so it stands for whatever JSON arrives.
    ///
    /// The `Notification` schema.
    pub type Notification = ::serde_json::Value;
    /// This server's spec has no `ReversiGameDetailed` schema; the crate's hand-written parts (streaming) still name it, so it stands for whatever JSON arrives.
    ///
    /// The `ReversiGameDetailed` schema.
    pub type ReversiGameDetailed = ::serde_json::Value;
    /// This server's spec has no `Signin` schema; the crate's hand-written parts (streaming) still name it, so it stands for whatever JSON arrives.
    ///
    /// The `Signin` schema.
    pub type Signin = ::serde_json::Value;
    /// This server's spec has no `UserDetailed` schema; the crate's hand-written parts (streaming) still name it, so it stands for whatever JSON arrives.
    ///
    /// The `UserDetailed` schema.
    pub type UserDetailed = ::serde_json::Value;
    /// This server's spec has no `UserDetailedNotMe` schema; the crate's hand-written parts (streaming) still name it, so it stands for whatever JSON arrives.
    ///
    /// The `UserDetailedNotMe` schema.
    pub type UserDetailedNotMe = ::serde_json::Value;
    /// This server's spec has no `UserLite` schema; the crate's hand-written parts (streaming) still name it, so it stands for whatever JSON arrives.
    ///
    /// The `UserLite` schema.
    pub type UserLite = ::serde_json::Value;
}
/// One module per endpoint, nested by path: `notes/create` is `endpoints::notes::create`.
///
/// Each has a `Request` (which implements [`Endpoint`](crate::Endpoint)), a `Response` and an `ErrorCode`.
pub mod endpoints {
    /// Endpoints under `users/`.
    pub mod users {
        /// Endpoints under `users/{userId}/`.
        pub mod user_id {
            /// `POST /api/users/{userId}/notes`
            ///
            /// - Credential: not required
            ///
            /// # Call
            ///
            /// ```rust,ignore
            /// let answer = client.users_user_id_notes().user_id(user_id).x_trace(x_trace).await?;
            /// ```
            ///
            /// Parameters, set by name on the [`Builder`](crate::endpoints::users::user_id::notes::Builder) (an unset required one is an error before anything is sent):
            ///
            /// - [`with_files`](crate::endpoints::users::user_id::notes::Builder::with_files) (`withFiles`): optional
            /// - [`user_id`](crate::endpoints::users::user_id::notes::Builder::user_id) (`userId`): required
            /// - [`lang`](crate::endpoints::users::user_id::notes::Builder::lang) (`lang`): optional
            /// - [`x_trace`](crate::endpoints::users::user_id::notes::Builder::x_trace) (`X-Trace`): required
            pub mod notes {
                /// The parameters of `users/{userId}/notes`.
                #[derive(Debug, Clone, Default)]
                pub struct Request {
                    /// `withFiles`: optional.
                    pub with_files: Option<bool>,
                    /// `userId`: required.
                    pub user_id: Option<String>,
                    /// `lang`: optional.
                    pub lang: Option<String>,
                    /// `X-Trace`: required.
                    pub x_trace: Option<String>,
                }
                impl ::serde::Serialize for Request {
                    fn serialize<S: ::serde::Serializer>(
                        &self,
                        serializer: S,
                    ) -> Result<S::Ok, S::Error> {
                        use ::serde::ser::SerializeStruct as _;
                        let len = usize::from(self.with_files.is_some());
                        let mut state = serializer.serialize_struct("Request", len)?;
                        if let Some(value) = &self.with_files {
                            state.serialize_field("withFiles", value)?;
                        }
                        state.end()
                    }
                }
                /// What `users/{userId}/notes` answers.
                pub type Response = bool;
                /// What [`Client::users_user_id_notes`](crate::Client::users_user_id_notes) returns: set the parameters by name, then `.await` it.
                #[must_use = "a request does nothing until it is awaited"]
                pub struct Builder(pub(crate) crate::endpoint::RequestBuilder<Request>);
                /// This endpoint's spec lists no error codes of its own: its errors carry the
                /// API's common codes, or codes the spec does not list. Read one with
                /// `ErrorCode::of`.
                pub type ErrorCode = crate::SharedErrorCode;
                impl crate::Endpoint for Request {
                    #[doc(hidden)]
                    type Response = Response;
                    #[doc(hidden)]
                    type ErrorCode = ErrorCode;
                    #[doc(hidden)]
                    const NAME: &'static str = "users/{userId}/notes";
                    #[doc(hidden)]
                    const REQUIRES_CREDENTIAL: bool = false;
                    #[doc(hidden)]
                    const PERMISSION: Option<&'static str> = None;
                    #[doc(hidden)]
                    #[inline]
                    fn missing(&self) -> Vec<&'static str> {
                        crate::__private::unset(
                            &[
                                ("userId", self.user_id.is_some()),
                                ("X-Trace", self.x_trace.is_some()),
                            ],
                        )
                    }
                    #[doc(hidden)]
                    #[inline]
                    fn path(&self) -> ::std::borrow::Cow<'static, str> {
                        let mut path = String::new();
                        path.push_str("users/");
                        path.push_str(
                            &crate::__private::path_segment(
                                self.user_id.as_deref().unwrap_or_default(),
                            ),
                        );
                        path.push_str("/notes");
                        ::std::borrow::Cow::Owned(path)
                    }
                    #[doc(hidden)]
                    #[inline]
                    fn query(&self) -> Vec<(&'static str, String)> {
                        let mut pairs = Vec::new();
                        if let Some(value) = &self.lang {
                            pairs.push(("lang", value.clone()));
                        }
                        pairs
                    }
                    #[doc(hidden)]
                    #[inline]
                    fn headers(&self) -> Vec<(&'static str, String)> {
                        let mut pairs = Vec::new();
                        if let Some(value) = &self.x_trace {
                            pairs.push(("X-Trace", value.clone()));
                        }
                        pairs
                    }
                }
                impl Request {
                    /// A request with the required parameters, checked by the compiler; the optional
                    /// ones are left out. For [`Client::call`](crate::Client::call).
                    #[inline]
                    pub fn new(
                        user_id: impl Into<String>,
                        x_trace: impl Into<String>,
                    ) -> Self {
                        Self {
                            user_id: Some(user_id.into()),
                            x_trace: Some(x_trace.into()),
                            ..Default::default()
                        }
                    }
                }
                /// The parameters of [`users/{userId}/notes`](crate::endpoints::users::user_id::notes), by name.
                impl Builder {
                    /// `withFiles`: optional.
                    pub fn with_files(mut self, value: impl Into<bool>) -> Self {
                        self.0.request.with_files = Some(value.into());
                        self
                    }
                    /// `userId`: required.
                    pub fn user_id(mut self, value: impl Into<String>) -> Self {
                        self.0.request.user_id = Some(value.into());
                        self
                    }
                    /// `lang`: optional.
                    pub fn lang(mut self, value: impl Into<String>) -> Self {
                        self.0.request.lang = Some(value.into());
                        self
                    }
                    /// `X-Trace`: required.
                    pub fn x_trace(mut self, value: impl Into<String>) -> Self {
                        self.0.request.x_trace = Some(value.into());
                        self
                    }
                }
                crate::endpoint::builder_methods!(Builder, Request, Response);
            }
        }
    }
    /// `POST /api/stats`
    ///
    /// - Credential: not required
    ///
    /// # Call
    ///
    /// ```rust,ignore
    /// let answer = client.stats().span(span).await?;
    /// ```
    ///
    /// Parameters, set by name on the [`Builder`](crate::endpoints::stats::Builder) (an unset required one is an error before anything is sent):
    ///
    /// - [`span`](crate::endpoints::stats::Builder::span) (`span`): required
    pub mod stats {
        /// An object inline in the spec at `stats parameters0`.
        #[derive(Debug, Clone, PartialEq, Hash)]
        pub enum RequestSpan {
            /// `day`
            Day,
            /// `hour`
            Hour,
            /// A value this version of the crate does not know.
            Other(String),
        }
        impl Eq for RequestSpan {}
        impl RequestSpan {
            /// The value as the server spells it.
            #[inline]
            pub fn as_str(&self) -> &str {
                match self {
                    Self::Day => "day",
                    Self::Hour => "hour",
                    Self::Other(value) => value,
                }
            }
        }
        impl From<&str> for RequestSpan {
            #[inline]
            fn from(value: &str) -> Self {
                match value {
                    "day" => Self::Day,
                    "hour" => Self::Hour,
                    other => Self::Other(other.to_owned()),
                }
            }
        }
        impl ::std::fmt::Display for RequestSpan {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::serde::Serialize for RequestSpan {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        /// The parameters of `stats`.
        #[derive(Debug, Clone, Default)]
        pub struct Request {
            /// `span`: required.
            /// One of `day`, `hour`.
            pub span: Option<RequestSpan>,
        }
        impl ::serde::Serialize for Request {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeStruct as _;
                let len = usize::from(self.span.is_some());
                let mut state = serializer.serialize_struct("Request", len)?;
                if let Some(value) = &self.span {
                    state.serialize_field("span", value)?;
                }
                state.end()
            }
        }
        /// What `stats` answers.
        #[derive(Debug, Clone)]
        pub struct Response {
            /// `count`: always present.
            pub count: i64,
        }
        impl<'de> ::serde::Deserialize<'de> for Response {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Self, D::Error> {
                crate::__private::object(deserializer)
            }
        }
        impl crate::__private::Object for Response {
            const EXPECTING: &'static str = "struct Response";
            fn from_map<'de, A: ::serde::de::MapAccess<'de>>(
                mut map: A,
            ) -> Result<Self, A::Error> {
                let mut count: Option<i64> = None;
                while let Some(key) = map.next_key::<crate::__private::Key<'de>>()? {
                    match key.as_str() {
                        "count" => crate::__private::field(&mut map, &mut count, "count"),
                        _ => crate::__private::skip(&mut map),
                    }?;
                }
                Ok(Self {
                    count: crate::__private::required(count, "count", Self::EXPECTING)?,
                })
            }
        }
        /// What [`Client::stats`](crate::Client::stats) returns: set the parameters by name, then `.await` it.
        #[must_use = "a request does nothing until it is awaited"]
        pub struct Builder(pub(crate) crate::endpoint::RequestBuilder<Request>);
        /// This endpoint's spec lists no error codes of its own: its errors carry the
        /// API's common codes, or codes the spec does not list. Read one with
        /// `ErrorCode::of`.
        pub type ErrorCode = crate::SharedErrorCode;
        impl crate::Endpoint for Request {
            #[doc(hidden)]
            type Response = Response;
            #[doc(hidden)]
            type ErrorCode = ErrorCode;
            #[doc(hidden)]
            const NAME: &'static str = "stats";
            #[doc(hidden)]
            const REQUIRES_CREDENTIAL: bool = false;
            #[doc(hidden)]
            const PERMISSION: Option<&'static str> = None;
            #[doc(hidden)]
            const HTTP_GET: bool = true;
            #[doc(hidden)]
            #[inline]
            fn missing(&self) -> Vec<&'static str> {
                crate::__private::unset(&[("span", self.span.is_some())])
            }
        }
        impl Request {
            /// A request with the required parameters, checked by the compiler; the optional
            /// ones are left out. For [`Client::call`](crate::Client::call).
            #[inline]
            pub fn new(span: impl Into<RequestSpan>) -> Self {
                Self { span: Some(span.into()) }
            }
        }
        /// The parameters of [`stats`](crate::endpoints::stats), by name.
        impl Builder {
            /// `span`: required.
            /// One of `day`, `hour`.
            pub fn span(mut self, value: impl Into<RequestSpan>) -> Self {
                self.0.request.span = Some(value.into());
                self
            }
        }
        crate::endpoint::builder_methods!(Builder, Request, Response);
    }
    /// Endpoints under `drive/`.
    pub mod drive {
        /// Endpoints under `drive/files/`.
        pub mod files {
            /// `POST /api/drive/files/create`
            ///
            /// - Credential: not required
            /// - Body: `multipart/form-data`
            ///
            /// # Call
            ///
            /// ```rust,ignore
            /// let answer = client.drive_files_create().file(file).await?;
            /// ```
            ///
            /// Parameters, set by name on the [`Builder`](crate::endpoints::drive::files::create::Builder) (an unset required one is an error before anything is sent):
            ///
            /// - [`file`](crate::endpoints::drive::files::create::Builder::file) (`file`): required
            /// - [`name`](crate::endpoints::drive::files::create::Builder::name) (`name`): optional; [`name_null`](crate::endpoints::drive::files::create::Builder::name_null) sends `null`
            pub mod create {
                /// The parameters of `drive/files/create`.
                #[derive(Debug, Clone, Default)]
                pub struct Request {
                    /// `file`: required.
                    pub file: Option<crate::upload::UploadFile>,
                    /// `name`: optional; sending null is not the same as leaving it out.
                    pub name: Option<Option<String>>,
                }
                impl ::serde::Serialize for Request {
                    fn serialize<S: ::serde::Serializer>(
                        &self,
                        serializer: S,
                    ) -> Result<S::Ok, S::Error> {
                        use ::serde::ser::SerializeStruct as _;
                        let len = usize::from(self.name.is_some());
                        let mut state = serializer.serialize_struct("Request", len)?;
                        if let Some(value) = &self.name {
                            state.serialize_field("name", value)?;
                        }
                        state.end()
                    }
                }
                /// What `drive/files/create` answers.
                #[derive(Debug, Clone)]
                pub struct Response {
                    /// `id`: may be absent.
                    pub id: Option<String>,
                }
                impl<'de> ::serde::Deserialize<'de> for Response {
                    fn deserialize<D: ::serde::Deserializer<'de>>(
                        deserializer: D,
                    ) -> Result<Self, D::Error> {
                        crate::__private::object(deserializer)
                    }
                }
                impl crate::__private::Object for Response {
                    const EXPECTING: &'static str = "struct Response";
                    fn from_map<'de, A: ::serde::de::MapAccess<'de>>(
                        mut map: A,
                    ) -> Result<Self, A::Error> {
                        let mut id: Option<Option<String>> = None;
                        while let Some(key) = map
                            .next_key::<crate::__private::Key<'de>>()?
                        {
                            match key.as_str() {
                                "id" => crate::__private::field(&mut map, &mut id, "id"),
                                _ => crate::__private::skip(&mut map),
                            }?;
                        }
                        Ok(Self { id: id.flatten() })
                    }
                }
                /// What [`Client::drive_files_create`](crate::Client::drive_files_create) returns: set the parameters by name, then `.await` it.
                #[must_use = "a request does nothing until it is awaited"]
                pub struct Builder(pub(crate) crate::endpoint::RequestBuilder<Request>);
                /// This endpoint's spec lists no error codes of its own: its errors carry the
                /// API's common codes, or codes the spec does not list. Read one with
                /// `ErrorCode::of`.
                pub type ErrorCode = crate::SharedErrorCode;
                impl crate::Endpoint for Request {
                    #[doc(hidden)]
                    type Response = Response;
                    #[doc(hidden)]
                    type ErrorCode = ErrorCode;
                    #[doc(hidden)]
                    const NAME: &'static str = "drive/files/create";
                    #[doc(hidden)]
                    const REQUIRES_CREDENTIAL: bool = false;
                    #[doc(hidden)]
                    const PERMISSION: Option<&'static str> = None;
                    #[doc(hidden)]
                    const MULTIPART: bool = true;
                    #[doc(hidden)]
                    #[inline]
                    fn files(&self) -> Vec<(&'static str, &crate::upload::UploadFile)> {
                        crate::__private::present(&[("file", self.file.as_ref())])
                    }
                    #[doc(hidden)]
                    #[inline]
                    fn missing(&self) -> Vec<&'static str> {
                        crate::__private::unset(&[("file", self.file.is_some())])
                    }
                }
                impl Request {
                    /// A request with the required parameters, checked by the compiler; the optional
                    /// ones are left out. For [`Client::call`](crate::Client::call).
                    #[inline]
                    pub fn new(file: crate::upload::UploadFile) -> Self {
                        Self {
                            file: Some(file),
                            ..Default::default()
                        }
                    }
                }
                /// The parameters of [`drive/files/create`](crate::endpoints::drive::files::create), by name.
                impl Builder {
                    /// `file`: required.
                    #[inline]
                    pub fn file(mut self, file: crate::upload::UploadFile) -> Self {
                        self.0.request.file = Some(file);
                        self
                    }
                    /// `name`: optional; sending null is not the same as leaving it out.
                    pub fn name(mut self, value: impl Into<String>) -> Self {
                        self.0.request.name = Some(Some(value.into()));
                        self
                    }
                    /// Sends `"name": null`, which is not the same as leaving it out.
                    #[inline]
                    pub fn name_null(mut self) -> Self {
                        self.0.request.name = Some(None);
                        self
                    }
                }
                crate::endpoint::builder_methods!(Builder, Request, Response);
            }
        }
    }
}
