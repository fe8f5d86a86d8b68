/// The endpoints: a method each, named for its path (`notes/create` is `notes_create`), returning the endpoint's `Builder`.
///
/// Looking for one by what it does:
///
/// - `notifications`: [`i_notifications`](Self::i_notifications)
impl crate::Client {
    /// `i/notifications`: see [`endpoints::i::notifications`](crate::endpoints::i::notifications) for its parameters and answer.
    #[doc(alias = "notifications")]
    #[inline]
    pub fn i_notifications(&self) -> endpoints::i::notifications::Builder {
        endpoints::i::notifications::Builder(crate::endpoint::RequestBuilder::new(self))
    }
}
/// Every endpoint generated into this build, in the spec's order.
pub static ENDPOINTS: &[crate::EndpointInfo] = &[
    crate::EndpointInfo {
        name: "i/notifications",
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
pub const SPEC_PATHS: usize = 1usize;
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
            "i/notifications" => visitor.visit::<endpoints::i::notifications::Request>(),
            _ => return None,
        },
    )
}
/// The spec's component schemas (`components.schemas`) and the inline shapes they contain.
///
/// Generated from Construct 1.
pub mod models {
    /// The `Notification` schema.
    #[derive(Debug, Clone)]
    pub enum Notification {
        /// `type: "follow"`
        Follow(Box<NotificationFollow>),
        /// `type: "reaction" | "renote"`
        ReactionEtc(Box<NotificationReactionEtc>),
        /// A `type` this version of the crate does not know, or a body that does not
        /// fit its variant: the JSON as the server sent it.
        Unknown(::serde_json::Value),
    }
    impl<'de> ::serde::Deserialize<'de> for Notification {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            let value = ::serde_json::Value::deserialize(deserializer)?;
            Ok(
                match value.get("type").and_then(::serde_json::Value::as_str) {
                    Some("follow") => {
                        crate::__private::variant(
                            value,
                            |v| Self::Follow(Box::new(v)),
                            Self::Unknown,
                        )
                    }
                    Some("reaction") | Some("renote") => {
                        crate::__private::variant(
                            value,
                            |v| Self::ReactionEtc(Box::new(v)),
                            Self::Unknown,
                        )
                    }
                    _ => Self::Unknown(value),
                },
            )
        }
    }
    /// The `Kind` schema.
    #[derive(Debug, Clone, PartialEq, Hash)]
    pub enum Kind {
        /// `a`
        A,
        /// `b-c`
        BC,
        /// A value this version of the crate does not know.
        Other(String),
    }
    impl Eq for Kind {}
    impl Kind {
        /// The value as the server spells it.
        #[inline]
        pub fn as_str(&self) -> &str {
            match self {
                Self::A => "a",
                Self::BC => "b-c",
                Self::Other(value) => value,
            }
        }
    }
    impl From<&str> for Kind {
        #[inline]
        fn from(value: &str) -> Self {
            match value {
                "a" => Self::A,
                "b-c" => Self::BC,
                other => Self::Other(other.to_owned()),
            }
        }
    }
    impl ::std::fmt::Display for Kind {
        #[inline]
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl ::serde::Serialize for Kind {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl<'de> ::serde::Deserialize<'de> for Kind {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            crate::__private::string_enum(deserializer)
        }
    }
    /// An object inline in the spec at `Notification`.
    #[derive(Debug, Clone)]
    pub struct NotificationFollow {
        /// `id`: always present.
        pub id: crate::types::Id,
        /// `userId`: may be absent.
        pub user_id: Option<String>,
    }
    impl<'de> ::serde::Deserialize<'de> for NotificationFollow {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            crate::__private::object(deserializer)
        }
    }
    impl crate::__private::Object for NotificationFollow {
        const EXPECTING: &'static str = "struct NotificationFollow";
        fn from_map<'de, A: ::serde::de::MapAccess<'de>>(
            mut map: A,
        ) -> Result<Self, A::Error> {
            let mut id: Option<crate::types::Id> = None;
            let mut user_id: Option<Option<String>> = None;
            while let Some(key) = map.next_key::<crate::__private::Key<'de>>()? {
                match key.as_str() {
                    "id" => crate::__private::field(&mut map, &mut id, "id"),
                    "userId" => crate::__private::field(&mut map, &mut user_id, "userId"),
                    _ => crate::__private::skip(&mut map),
                }?;
            }
            Ok(Self {
                id: crate::__private::required(id, "id", Self::EXPECTING)?,
                user_id: user_id.flatten(),
            })
        }
    }
    /// An object inline in the spec at `Notification type`.
    #[derive(Debug, Clone, PartialEq, Hash)]
    pub enum NotificationReactionEtcType {
        /// `reaction`
        Reaction,
        /// `renote`
        Renote,
        /// A value this version of the crate does not know.
        Other(String),
    }
    impl Eq for NotificationReactionEtcType {}
    impl NotificationReactionEtcType {
        /// The value as the server spells it.
        #[inline]
        pub fn as_str(&self) -> &str {
            match self {
                Self::Reaction => "reaction",
                Self::Renote => "renote",
                Self::Other(value) => value,
            }
        }
    }
    impl From<&str> for NotificationReactionEtcType {
        #[inline]
        fn from(value: &str) -> Self {
            match value {
                "reaction" => Self::Reaction,
                "renote" => Self::Renote,
                other => Self::Other(other.to_owned()),
            }
        }
    }
    impl ::std::fmt::Display for NotificationReactionEtcType {
        #[inline]
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl<'de> ::serde::Deserialize<'de> for NotificationReactionEtcType {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            crate::__private::string_enum(deserializer)
        }
    }
    /// An object inline in the spec at `Notification`.
    #[derive(Debug, Clone)]
    pub struct NotificationReactionEtc {
        /// `id`: always present.
        pub id: crate::types::Id,
        /// `type`: always present.
        pub r#type: NotificationReactionEtcType,
        /// `noteId`: may be absent.
        pub note_id: Option<String>,
    }
    impl<'de> ::serde::Deserialize<'de> for NotificationReactionEtc {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            crate::__private::object(deserializer)
        }
    }
    impl crate::__private::Object for NotificationReactionEtc {
        const EXPECTING: &'static str = "struct NotificationReactionEtc";
        fn from_map<'de, A: ::serde::de::MapAccess<'de>>(
            mut map: A,
        ) -> Result<Self, A::Error> {
            let mut id: Option<crate::types::Id> = None;
            let mut r#type: Option<NotificationReactionEtcType> = None;
            let mut note_id: Option<Option<String>> = None;
            while let Some(key) = map.next_key::<crate::__private::Key<'de>>()? {
                match key.as_str() {
                    "id" => crate::__private::field(&mut map, &mut id, "id"),
                    "type" => crate::__private::field(&mut map, &mut r#type, "type"),
                    "noteId" => crate::__private::field(&mut map, &mut note_id, "noteId"),
                    _ => crate::__private::skip(&mut map),
                }?;
            }
            Ok(Self {
                id: crate::__private::required(id, "id", Self::EXPECTING)?,
                r#type: crate::__private::required(r#type, "type", Self::EXPECTING)?,
                note_id: note_id.flatten(),
            })
        }
    }
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
    /// Endpoints under `i/`.
    pub mod i {
        /// `POST /api/i/notifications`
        ///
        /// - Credential: required
        /// - Permission: `write:notes`
        ///
        /// # Call
        ///
        /// ```rust,ignore
        /// let answer = client.i_notifications().await?;
        /// ```
        ///
        /// Parameters, set by name on the [`Builder`](crate::endpoints::i::notifications::Builder) (an unset required one is an error before anything is sent):
        ///
        /// - [`since_id`](crate::endpoints::i::notifications::Builder::since_id) (`sinceId`): optional
        /// - [`until_id`](crate::endpoints::i::notifications::Builder::until_id) (`untilId`): optional
        /// - [`limit`](crate::endpoints::i::notifications::Builder::limit) (`limit`): optional
        /// - [`kind`](crate::endpoints::i::notifications::Builder::kind) (`kind`): optional
        pub mod notifications {
            /// The parameters of `i/notifications`.
            #[derive(Debug, Clone, Default)]
            pub struct Request {
                /// `sinceId`: optional.
                pub since_id: Option<crate::types::Id>,
                /// `untilId`: optional.
                pub until_id: Option<crate::types::Id>,
                /// `limit`: optional.
                pub limit: Option<i64>,
                /// `kind`: optional.
                /// One of `a`, `b-c`.
                pub kind: Option<crate::models::Kind>,
            }
            impl ::serde::Serialize for Request {
                fn serialize<S: ::serde::Serializer>(
                    &self,
                    serializer: S,
                ) -> Result<S::Ok, S::Error> {
                    use ::serde::ser::SerializeStruct as _;
                    let len = usize::from(self.since_id.is_some())
                        + usize::from(self.until_id.is_some())
                        + usize::from(self.limit.is_some())
                        + usize::from(self.kind.is_some());
                    let mut state = serializer.serialize_struct("Request", len)?;
                    if let Some(value) = &self.since_id {
                        state.serialize_field("sinceId", value)?;
                    }
                    if let Some(value) = &self.until_id {
                        state.serialize_field("untilId", value)?;
                    }
                    if let Some(value) = &self.limit {
                        state.serialize_field("limit", value)?;
                    }
                    if let Some(value) = &self.kind {
                        state.serialize_field("kind", value)?;
                    }
                    state.end()
                }
            }
            /// What `i/notifications` answers.
            pub type Response = Vec<crate::models::Notification>;
            /// What [`Client::i_notifications`](crate::Client::i_notifications) returns: set the parameters by name, then `.await` it.
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
                const NAME: &'static str = "i/notifications";
                #[doc(hidden)]
                const REQUIRES_CREDENTIAL: bool = true;
                #[doc(hidden)]
                const PERMISSION: Option<&'static str> = Some("write:notes");
            }
            impl crate::pagination::Paginated for Request {
                type Item = crate::models::Notification;
                #[inline]
                fn set_since_id(&mut self, id: Option<crate::types::Id>) {
                    self.since_id = id;
                }
                #[inline]
                fn set_until_id(&mut self, id: Option<crate::types::Id>) {
                    self.until_id = id;
                }
                #[inline]
                fn set_limit(&mut self, limit: u32) {
                    self.limit = Some(i64::from(limit));
                }
                #[inline]
                fn item_id(item: &Self::Item) -> Option<&str> {
                    match item {
                        crate::models::Notification::Follow(v) => Some(&v.id),
                        crate::models::Notification::ReactionEtc(v) => Some(&v.id),
                        crate::models::Notification::Unknown(v) => {
                            v.get("id").and_then(::serde_json::Value::as_str)
                        }
                    }
                }
            }
            impl Request {
                /// A request with the required parameters, checked by the compiler; the optional
                /// ones are left out. For [`Client::call`](crate::Client::call).
                #[inline]
                pub fn new() -> Self {
                    Default::default()
                }
            }
            /// The parameters of [`i/notifications`](crate::endpoints::i::notifications), by name.
            impl Builder {
                /// `sinceId`: optional.
                pub fn since_id(mut self, value: impl Into<crate::types::Id>) -> Self {
                    self.0.request.since_id = Some(value.into());
                    self
                }
                /// `untilId`: optional.
                pub fn until_id(mut self, value: impl Into<crate::types::Id>) -> Self {
                    self.0.request.until_id = Some(value.into());
                    self
                }
                /// `limit`: optional.
                pub fn limit(mut self, value: impl Into<i64>) -> Self {
                    self.0.request.limit = Some(value.into());
                    self
                }
                /// `kind`: optional.
                /// One of `a`, `b-c`.
                pub fn kind(mut self, value: impl Into<crate::models::Kind>) -> Self {
                    self.0.request.kind = Some(value.into());
                    self
                }
            }
            crate::endpoint::builder_methods!(Builder, Request, Response, paginated);
        }
    }
}
