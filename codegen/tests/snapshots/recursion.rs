// warning: /components/schemas/Either/oneOf/0: `Either` is a union that contains itself; that branch is read as any JSON value
// warning: /components/schemas/Loop: refers to itself with nothing in between, which no value can satisfy; read as any JSON value
/// The endpoints: a method each, named for its path (`notes/create` is `notes_create`), returning the endpoint's `Builder`.
impl crate::Client {
    /// `notes/show`: see [`endpoints::notes::show`](crate::endpoints::notes::show) for its parameters and answer.
    #[inline]
    pub fn notes_show(&self) -> endpoints::notes::show::Builder {
        endpoints::notes::show::Builder(crate::endpoint::RequestBuilder::new(self))
    }
    /// `trees`: see [`endpoints::trees`](crate::endpoints::trees) for its parameters and answer.
    #[inline]
    pub fn trees(&self) -> endpoints::trees::Builder {
        endpoints::trees::Builder(crate::endpoint::RequestBuilder::new(self))
    }
}
/// Every endpoint generated into this build, in the spec's order.
pub static ENDPOINTS: &[crate::EndpointInfo] = &[
    crate::EndpointInfo {
        name: "notes/show",
        requires_credential: true,
        permission: Some("write:notes"),
        multipart: false,
        feature: None,
    },
    crate::EndpointInfo {
        name: "trees",
        requires_credential: true,
        permission: Some("write:notes"),
        multipart: false,
        feature: None,
    },
];
/// The `info.version` of the spec this crate was generated from.
pub const SPEC_VERSION: &str = "1";
/// How many paths the spec has, and how many of them were left out because their
/// group's cargo feature is off: `ENDPOINTS.len() + SPEC_DISABLED_PATHS == SPEC_PATHS`.
pub const SPEC_PATHS: usize = 2usize;
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
            "notes/show" => visitor.visit::<endpoints::notes::show::Request>(),
            "trees" => visitor.visit::<endpoints::trees::Request>(),
            _ => return None,
        },
    )
}
/// The spec's component schemas (`components.schemas`) and the inline shapes they contain.
///
/// Generated from Construct 1.
pub mod models {
    /// The `Note` schema.
    #[derive(Debug, Clone)]
    pub struct Note {
        /// `id`: always present.
        pub id: String,
        /// `renote`: may be absent or null.
        pub renote: Option<Box<Note>>,
        /// `again`: may be absent.
        pub again: Option<Box<Note>>,
    }
    impl<'de> ::serde::Deserialize<'de> for Note {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            crate::__private::object(deserializer)
        }
    }
    impl crate::__private::Object for Note {
        const EXPECTING: &'static str = "struct Note";
        fn from_map<'de, A: ::serde::de::MapAccess<'de>>(
            mut map: A,
        ) -> Result<Self, A::Error> {
            let mut id: Option<String> = None;
            let mut renote: Option<Option<Box<Note>>> = None;
            let mut again: Option<Option<Box<Note>>> = None;
            while let Some(key) = map.next_key::<crate::__private::Key<'de>>()? {
                match key.as_str() {
                    "id" => crate::__private::field(&mut map, &mut id, "id"),
                    "renote" => crate::__private::field(&mut map, &mut renote, "renote"),
                    "again" => crate::__private::field(&mut map, &mut again, "again"),
                    _ => crate::__private::skip(&mut map),
                }?;
            }
            Ok(Self {
                id: crate::__private::required(id, "id", Self::EXPECTING)?,
                renote: renote.flatten(),
                again: again.flatten(),
            })
        }
    }
    /// The `Tree` schema.
    #[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
    #[serde(transparent)]
    pub struct Tree(pub Vec<Tree>);
    /// The `Loop` schema.
    pub type Loop = ::serde_json::Value;
    /// The `Either` schema.
    pub type Either = ::serde_json::Value;
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
    /// Endpoints under `notes/`.
    pub mod notes {
        /// `POST /api/notes/show`
        ///
        /// - Credential: required
        /// - Permission: `write:notes`
        ///
        /// # Call
        ///
        /// ```rust,ignore
        /// let answer = client.notes_show().note_id(note_id).await?;
        /// ```
        ///
        /// Parameters, set by name on the [`Builder`](crate::endpoints::notes::show::Builder) (an unset required one is an error before anything is sent):
        ///
        /// - [`note_id`](crate::endpoints::notes::show::Builder::note_id) (`noteId`): required
        pub mod show {
            /// The parameters of `notes/show`.
            #[derive(Debug, Clone, Default)]
            pub struct Request {
                /// `noteId`: required.
                pub note_id: Option<String>,
            }
            impl ::serde::Serialize for Request {
                fn serialize<S: ::serde::Serializer>(
                    &self,
                    serializer: S,
                ) -> Result<S::Ok, S::Error> {
                    use ::serde::ser::SerializeStruct as _;
                    let len = usize::from(self.note_id.is_some());
                    let mut state = serializer.serialize_struct("Request", len)?;
                    if let Some(value) = &self.note_id {
                        state.serialize_field("noteId", value)?;
                    }
                    state.end()
                }
            }
            /// What `notes/show` answers.
            pub type Response = crate::models::Note;
            /// What [`Client::notes_show`](crate::Client::notes_show) returns: set the parameters by name, then `.await` it.
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
                const NAME: &'static str = "notes/show";
                #[doc(hidden)]
                const REQUIRES_CREDENTIAL: bool = true;
                #[doc(hidden)]
                const PERMISSION: Option<&'static str> = Some("write:notes");
                #[doc(hidden)]
                #[inline]
                fn missing(&self) -> Vec<&'static str> {
                    crate::__private::unset(&[("noteId", self.note_id.is_some())])
                }
            }
            impl Request {
                /// A request with the required parameters, checked by the compiler; the optional
                /// ones are left out. For [`Client::call`](crate::Client::call).
                #[inline]
                pub fn new(note_id: impl Into<String>) -> Self {
                    Self {
                        note_id: Some(note_id.into()),
                    }
                }
            }
            /// The parameters of [`notes/show`](crate::endpoints::notes::show), by name.
            impl Builder {
                /// `noteId`: required.
                pub fn note_id(mut self, value: impl Into<String>) -> Self {
                    self.0.request.note_id = Some(value.into());
                    self
                }
            }
            crate::endpoint::builder_methods!(Builder, Request, Response);
        }
    }
    /// `POST /api/trees`
    ///
    /// - Credential: required
    /// - Permission: `write:notes`
    ///
    /// # Call
    ///
    /// ```rust,ignore
    /// let answer = client.trees().await?;
    /// ```
    ///
    /// Parameters, set by name on the [`Builder`](crate::endpoints::trees::Builder) (an unset required one is an error before anything is sent):
    ///
    /// - [`tree`](crate::endpoints::trees::Builder::tree) (`tree`): optional
    /// - `r#loop` (`loop`): optional
    pub mod trees {
        /// The parameters of `trees`.
        #[derive(Debug, Clone, Default)]
        pub struct Request {
            /// `tree`: optional.
            pub tree: Option<crate::models::Tree>,
            /// `loop`: optional.
            pub r#loop: Option<crate::models::Loop>,
        }
        impl ::serde::Serialize for Request {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeStruct as _;
                let len = usize::from(self.tree.is_some())
                    + usize::from(self.r#loop.is_some());
                let mut state = serializer.serialize_struct("Request", len)?;
                if let Some(value) = &self.tree {
                    state.serialize_field("tree", value)?;
                }
                if let Some(value) = &self.r#loop {
                    state.serialize_field("loop", value)?;
                }
                state.end()
            }
        }
        /// What `trees` answers.
        pub type Response = crate::models::Either;
        /// What [`Client::trees`](crate::Client::trees) returns: set the parameters by name, then `.await` it.
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
            const NAME: &'static str = "trees";
            #[doc(hidden)]
            const REQUIRES_CREDENTIAL: bool = true;
            #[doc(hidden)]
            const PERMISSION: Option<&'static str> = Some("write:notes");
        }
        impl Request {
            /// A request with the required parameters, checked by the compiler; the optional
            /// ones are left out. For [`Client::call`](crate::Client::call).
            #[inline]
            pub fn new() -> Self {
                Default::default()
            }
        }
        /// The parameters of [`trees`](crate::endpoints::trees), by name.
        impl Builder {
            /// `tree`: optional.
            pub fn tree(mut self, value: impl Into<crate::models::Tree>) -> Self {
                self.0.request.tree = Some(value.into());
                self
            }
            /// `loop`: optional.
            pub fn r#loop(mut self, value: impl Into<crate::models::Loop>) -> Self {
                self.0.request.r#loop = Some(value.into());
                self
            }
        }
        crate::endpoint::builder_methods!(Builder, Request, Response);
    }
}
