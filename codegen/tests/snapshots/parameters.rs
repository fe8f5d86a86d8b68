// warning: /components/securitySchemes/ApiKeyAuth: an API key `in: body` (how Misskey sends `i`) is not valid OpenAPI; the generator does not use security schemes, so it is left out
impl crate::Client {
    /// `users/{userId}/notes`: see [`endpoints::users::user_id::notes`](crate::endpoints::users::user_id::notes).
    pub fn users_user_id_notes(
        &self,
        user_id: impl Into<String>,
        x_trace: impl Into<String>,
    ) -> crate::RequestBuilder<endpoints::users::user_id::notes::Request> {
        crate::RequestBuilder::new(
            self,
            endpoints::users::user_id::notes::Request::new(user_id, x_trace),
        )
    }
    /// `stats`: see [`endpoints::stats`](crate::endpoints::stats).
    pub fn stats(
        &self,
        span: impl Into<crate::endpoints::stats::RequestSpan>,
    ) -> crate::RequestBuilder<endpoints::stats::Request> {
        crate::RequestBuilder::new(self, endpoints::stats::Request::new(span))
    }
    /// `drive/files/create`: see [`endpoints::drive::files::create`](crate::endpoints::drive::files::create).
    pub fn drive_files_create(
        &self,
        file: crate::upload::UploadFile,
    ) -> crate::RequestBuilder<endpoints::drive::files::create::Request> {
        crate::RequestBuilder::new(
            self,
            endpoints::drive::files::create::Request::new(file),
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
    pub type Announcement = serde_json::Value;
    /// This server's spec has no `Antenna` schema; the crate's hand-written parts (streaming) still name it, so it stands for whatever JSON arrives.
    ///
    /// The `Antenna` schema.
    pub type Antenna = serde_json::Value;
    /// This server's spec has no `ChatMessage` schema; the crate's hand-written parts (streaming) still name it, so it stands for whatever JSON arrives.
    ///
    /// The `ChatMessage` schema.
    pub type ChatMessage = serde_json::Value;
    /// This server's spec has no `ChatMessageLite` schema; the crate's hand-written parts (streaming) still name it, so it stands for whatever JSON arrives.
    ///
    /// The `ChatMessageLite` schema.
    pub type ChatMessageLite = serde_json::Value;
    /// This server's spec has no `DriveFile` schema; the crate's hand-written parts (streaming) still name it, so it stands for whatever JSON arrives.
    ///
    /// The `DriveFile` schema.
    pub type DriveFile = serde_json::Value;
    /// This server's spec has no `DriveFolder` schema; the crate's hand-written parts (streaming) still name it, so it stands for whatever JSON arrives.
    ///
    /// The `DriveFolder` schema.
    pub type DriveFolder = serde_json::Value;
    /// This server's spec has no `EmojiDetailed` schema; the crate's hand-written parts (streaming) still name it, so it stands for whatever JSON arrives.
    ///
    /// The `EmojiDetailed` schema.
    pub type EmojiDetailed = serde_json::Value;
    /// This server's spec has no `MeDetailed` schema; the crate's hand-written parts (streaming) still name it, so it stands for whatever JSON arrives.
    ///
    /// The `MeDetailed` schema.
    pub type MeDetailed = serde_json::Value;
    /// This server's spec has no `Note` schema; the crate's hand-written parts (streaming) still name it, so it stands for whatever JSON arrives.
    ///
    /// The `Note` schema.
    pub type Note = serde_json::Value;
    /// This server's spec has no `Notification` schema; the crate's hand-written parts (streaming) still name it, so it stands for whatever JSON arrives.
    ///
    /// The `Notification` schema.
    pub type Notification = serde_json::Value;
    /// This server's spec has no `ReversiGameDetailed` schema; the crate's hand-written parts (streaming) still name it, so it stands for whatever JSON arrives.
    ///
    /// The `ReversiGameDetailed` schema.
    pub type ReversiGameDetailed = serde_json::Value;
    /// This server's spec has no `Signin` schema; the crate's hand-written parts (streaming) still name it, so it stands for whatever JSON arrives.
    ///
    /// The `Signin` schema.
    pub type Signin = serde_json::Value;
    /// This server's spec has no `UserDetailed` schema; the crate's hand-written parts (streaming) still name it, so it stands for whatever JSON arrives.
    ///
    /// The `UserDetailed` schema.
    pub type UserDetailed = serde_json::Value;
    /// This server's spec has no `UserDetailedNotMe` schema; the crate's hand-written parts (streaming) still name it, so it stands for whatever JSON arrives.
    ///
    /// The `UserDetailedNotMe` schema.
    pub type UserDetailedNotMe = serde_json::Value;
    /// This server's spec has no `UserLite` schema; the crate's hand-written parts (streaming) still name it, so it stands for whatever JSON arrives.
    ///
    /// The `UserLite` schema.
    pub type UserLite = serde_json::Value;
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
            pub mod notes {
                /// The parameters of `users/{userId}/notes`.
                #[derive(Debug, Clone, serde::Serialize)]
                pub struct Request {
                    /// `withFiles`: optional.
                    #[serde(
                        rename = "withFiles",
                        skip_serializing_if = "Option::is_none"
                    )]
                    pub with_files: Option<bool>,
                    /// `userId`: required.
                    #[serde(skip)]
                    pub user_id: String,
                    /// `lang`: optional.
                    #[serde(skip)]
                    pub lang: Option<String>,
                    /// `X-Trace`: required.
                    #[serde(skip)]
                    pub x_trace: String,
                }
                /// What `users/{userId}/notes` answers.
                pub type Response = bool;
                /// The error codes the spec lists for this endpoint; match them with
                /// [`Error::endpoint_code`](crate::Error::endpoint_code).
                #[derive(Debug, Clone, PartialEq, Eq, Hash)]
                pub enum ErrorCode {
                    /// A code the spec does not list for this endpoint.
                    Unknown(String),
                }
                impl crate::EndpointErrorCode for ErrorCode {
                    fn from_code(code: &str) -> Self {
                        Self::Unknown(code.to_owned())
                    }
                    fn as_str(&self) -> &str {
                        let Self::Unknown(code) = self;
                        code
                    }
                }
                impl crate::Endpoint for Request {
                    type Response = Response;
                    type ErrorCode = ErrorCode;
                    const NAME: &'static str = "users/{userId}/notes";
                    const REQUIRES_CREDENTIAL: bool = false;
                    const PERMISSION: Option<&'static str> = None;
                    fn path(&self) -> std::borrow::Cow<'static, str> {
                        let mut path = String::new();
                        path.push_str("users/");
                        path.push_str(&crate::__private::path_segment(&self.user_id));
                        path.push_str("/notes");
                        std::borrow::Cow::Owned(path)
                    }
                    fn query(&self) -> Vec<(&'static str, String)> {
                        let mut pairs = Vec::new();
                        if let Some(value) = &self.lang {
                            pairs.push(("lang", value.clone()));
                        }
                        pairs
                    }
                    fn headers(&self) -> Vec<(&'static str, String)> {
                        let mut pairs = Vec::new();
                        pairs.push(("X-Trace", self.x_trace.clone()));
                        pairs
                    }
                }
                impl Request {
                    /// A request with the required parameters; the optional ones are left out.
                    pub fn new(
                        user_id: impl Into<String>,
                        x_trace: impl Into<String>,
                    ) -> Self {
                        Self {
                            with_files: None,
                            user_id: user_id.into(),
                            lang: None,
                            x_trace: x_trace.into(),
                        }
                    }
                }
                impl crate::RequestBuilder<Request> {
                    /// `withFiles`: optional.
                    pub fn with_files(mut self, value: impl Into<bool>) -> Self {
                        self.request.with_files = Some(value.into());
                        self
                    }
                    /// `lang`: optional.
                    pub fn lang(mut self, value: impl Into<String>) -> Self {
                        self.request.lang = Some(value.into());
                        self
                    }
                }
            }
        }
    }
    /// `POST /api/stats`
    ///
    /// - Credential: not required
    pub mod stats {
        /// An object inline in the spec at `stats parameters0`.
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum RequestSpan {
            /// `day`
            Day,
            /// `hour`
            Hour,
            /// A value this version of the crate does not know.
            Other(String),
        }
        impl RequestSpan {
            /// The value as the server spells it.
            pub fn as_str(&self) -> &str {
                match self {
                    Self::Day => "day",
                    Self::Hour => "hour",
                    Self::Other(value) => value,
                }
            }
        }
        impl From<&str> for RequestSpan {
            fn from(value: &str) -> Self {
                match value {
                    "day" => Self::Day,
                    "hour" => Self::Hour,
                    other => Self::Other(other.to_owned()),
                }
            }
        }
        impl std::fmt::Display for RequestSpan {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl serde::Serialize for RequestSpan {
            fn serialize<S: serde::Serializer>(
                &self,
                serializer: S,
            ) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        /// The parameters of `stats`.
        #[derive(Debug, Clone, serde::Serialize)]
        pub struct Request {
            /// `span`: required.
            pub span: RequestSpan,
        }
        /// What `stats` answers.
        #[derive(Debug, Clone, serde::Deserialize)]
        pub struct Response {
            /// `count`: always present.
            pub count: i64,
        }
        /// The error codes the spec lists for this endpoint; match them with
        /// [`Error::endpoint_code`](crate::Error::endpoint_code).
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum ErrorCode {
            /// A code the spec does not list for this endpoint.
            Unknown(String),
        }
        impl crate::EndpointErrorCode for ErrorCode {
            fn from_code(code: &str) -> Self {
                Self::Unknown(code.to_owned())
            }
            fn as_str(&self) -> &str {
                let Self::Unknown(code) = self;
                code
            }
        }
        impl crate::Endpoint for Request {
            type Response = Response;
            type ErrorCode = ErrorCode;
            const NAME: &'static str = "stats";
            const REQUIRES_CREDENTIAL: bool = false;
            const PERMISSION: Option<&'static str> = None;
            const HTTP_GET: bool = true;
        }
        impl Request {
            /// A request with the required parameters; the optional ones are left out.
            pub fn new(span: impl Into<RequestSpan>) -> Self {
                Self { span: span.into() }
            }
        }
    }
    /// Endpoints under `drive/`.
    pub mod drive {
        /// Endpoints under `drive/files/`.
        pub mod files {
            /// `POST /api/drive/files/create`
            ///
            /// - Credential: not required
            /// - Body: `multipart/form-data`
            pub mod create {
                /// The parameters of `drive/files/create`.
                #[derive(Debug, Clone, serde::Serialize)]
                pub struct Request {
                    /// `file`: required.
                    #[serde(skip)]
                    pub file: crate::upload::UploadFile,
                    /// `name`: optional; sending null is not the same as leaving it out.
                    #[serde(skip_serializing_if = "Option::is_none")]
                    pub name: Option<Option<String>>,
                }
                /// What `drive/files/create` answers.
                #[derive(Debug, Clone, serde::Deserialize)]
                pub struct Response {
                    /// `id`: may be absent.
                    #[serde(default)]
                    pub id: Option<String>,
                }
                /// The error codes the spec lists for this endpoint; match them with
                /// [`Error::endpoint_code`](crate::Error::endpoint_code).
                #[derive(Debug, Clone, PartialEq, Eq, Hash)]
                pub enum ErrorCode {
                    /// A code the spec does not list for this endpoint.
                    Unknown(String),
                }
                impl crate::EndpointErrorCode for ErrorCode {
                    fn from_code(code: &str) -> Self {
                        Self::Unknown(code.to_owned())
                    }
                    fn as_str(&self) -> &str {
                        let Self::Unknown(code) = self;
                        code
                    }
                }
                impl crate::Endpoint for Request {
                    type Response = Response;
                    type ErrorCode = ErrorCode;
                    const NAME: &'static str = "drive/files/create";
                    const REQUIRES_CREDENTIAL: bool = false;
                    const PERMISSION: Option<&'static str> = None;
                    const MULTIPART: bool = true;
                    fn files(&self) -> Vec<(&'static str, &crate::upload::UploadFile)> {
                        [("file", Some(&self.file))]
                            .into_iter()
                            .filter_map(|(name, file)| Some((name, file?)))
                            .collect()
                    }
                }
                impl Request {
                    /// A request with the required parameters; the optional ones are left out.
                    pub fn new(file: crate::upload::UploadFile) -> Self {
                        Self { file, name: None }
                    }
                }
                impl crate::RequestBuilder<Request> {
                    /// `name`: optional; sending null is not the same as leaving it out.
                    pub fn name(mut self, value: impl Into<String>) -> Self {
                        self.request.name = Some(Some(value.into()));
                        self
                    }
                    /// Sends `"name": null`, which is not the same as leaving it out.
                    pub fn name_null(mut self) -> Self {
                        self.request.name = Some(None);
                        self
                    }
                }
            }
        }
    }
}
