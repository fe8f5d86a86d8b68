// warning: /paths/~1odd~1types/post/requestBody/content/application~1json/schema/properties/any/type: type "any" is not a JSON Schema type (string, number, integer, boolean, object, array, null); read as any JSON value
// warning: /paths/~1odd~1types/post/requestBody/content/application~1json/schema/properties/ref/type: type "Note" names a component schema; read as a reference to it
// warning: /paths/~1odd~1types/post/requestBody/content/application~1json/schema/properties/mixed/enum: a string enum lists values that are not strings; read as any JSON value
// warning: /components/schemas/note: its Rust name `Note` is taken (by another schema, or by a name the generated code needs); named `Note2`
/// The endpoints: a method each, named for its path (`notes/create` is `notes_create`), returning the endpoint's `Builder`.
impl crate::Client {
    /// `send`: see [`endpoints::send`](crate::endpoints::send) for its parameters and answer.
    #[inline]
    pub fn send2(&self) -> endpoints::send::Builder {
        endpoints::send::Builder(crate::endpoint::RequestBuilder::new(self))
    }
    /// `émoji/ノート`: see [`endpoints::u00e9_moji::u30ce_u30fc_u30c8`](crate::endpoints::u00e9_moji::u30ce_u30fc_u30c8) for its parameters and answer.
    #[inline]
    pub fn u00e9_moji_u30ce_u30fc_u30c8(
        &self,
    ) -> endpoints::u00e9_moji::u30ce_u30fc_u30c8::Builder {
        endpoints::u00e9_moji::u30ce_u30fc_u30c8::Builder(
            crate::endpoint::RequestBuilder::new(self),
        )
    }
    /// `odd/types`: see [`endpoints::odd::types`](crate::endpoints::odd::types) for its parameters and answer.
    #[inline]
    pub fn odd_types(&self) -> endpoints::odd::types::Builder {
        endpoints::odd::types::Builder(crate::endpoint::RequestBuilder::new(self))
    }
}
/// Every endpoint generated into this build, in the spec's order.
pub static ENDPOINTS: &[crate::EndpointInfo] = &[
    crate::EndpointInfo {
        name: "send",
        requires_credential: true,
        permission: Some("write:notes"),
        multipart: false,
        feature: None,
    },
    crate::EndpointInfo {
        name: "émoji/ノート",
        requires_credential: true,
        permission: Some("write:notes"),
        multipart: false,
        feature: None,
    },
    crate::EndpointInfo {
        name: "odd/types",
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
            "send" => visitor.visit::<endpoints::send::Request>(),
            "émoji/ノート" => {
                visitor.visit::<endpoints::u00e9_moji::u30ce_u30fc_u30c8::Request>()
            }
            "odd/types" => visitor.visit::<endpoints::odd::types::Request>(),
            _ => return None,
        },
    )
}
/// The spec's component schemas (`components.schemas`) and the inline shapes they contain.
///
/// Generated from Construct 1.
pub mod models {
    /// The `note` schema.
    pub type Note2 = String;
    /// The `Note` schema.
    #[derive(Debug, Clone, Default)]
    pub struct Note {
        /// `x²`: may be absent.
        pub x_u00b2: Option<String>,
        /// `١abc`: may be absent.
        pub u0661_abc: Option<i64>,
        /// `self`: may be absent.
        pub self_: Option<bool>,
    }
    impl Note {
        /// A value with the required fields; the optional ones are left out.
        #[inline]
        pub fn new() -> Self {
            Default::default()
        }
        /// `x²`: optional.
        pub fn x_u00b2(mut self, value: impl Into<String>) -> Self {
            self.x_u00b2 = Some(value.into());
            self
        }
        /// `١abc`: optional.
        pub fn u0661_abc(mut self, value: impl Into<i64>) -> Self {
            self.u0661_abc = Some(value.into());
            self
        }
        /// `self`: optional.
        pub fn self_(mut self, value: impl Into<bool>) -> Self {
            self.self_ = Some(value.into());
            self
        }
    }
    impl ::serde::Serialize for Note {
        fn serialize<S: ::serde::Serializer>(
            &self,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            use ::serde::ser::SerializeStruct as _;
            let len = usize::from(self.x_u00b2.is_some())
                + usize::from(self.u0661_abc.is_some())
                + usize::from(self.self_.is_some());
            let mut state = serializer.serialize_struct("Note", len)?;
            if let Some(value) = &self.x_u00b2 {
                state.serialize_field("x²", value)?;
            }
            if let Some(value) = &self.u0661_abc {
                state.serialize_field("١abc", value)?;
            }
            if let Some(value) = &self.self_ {
                state.serialize_field("self", value)?;
            }
            state.end()
        }
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
            let mut x_u00b2: Option<Option<String>> = None;
            let mut u0661_abc: Option<Option<i64>> = None;
            let mut self_: Option<Option<bool>> = None;
            while let Some(key) = map.next_key::<crate::__private::Key<'de>>()? {
                match key.as_str() {
                    "x²" => crate::__private::field(&mut map, &mut x_u00b2, "x²"),
                    "١abc" => crate::__private::field(&mut map, &mut u0661_abc, "١abc"),
                    "self" => crate::__private::field(&mut map, &mut self_, "self"),
                    _ => crate::__private::skip(&mut map),
                }?;
            }
            Ok(Self {
                x_u00b2: x_u00b2.flatten(),
                u0661_abc: u0661_abc.flatten(),
                self_: self_.flatten(),
            })
        }
    }
    /// The `Unit` schema.
    #[derive(Debug, Clone, PartialEq, Hash)]
    pub enum Unit {
        /// `m²`
        MU00b2,
        /// `m`
        M,
        /// `²`
        U00b2,
        /// A value this version of the crate does not know.
        Other(String),
    }
    impl Eq for Unit {}
    impl Unit {
        /// The value as the server spells it.
        #[inline]
        pub fn as_str(&self) -> &str {
            match self {
                Self::MU00b2 => "m²",
                Self::M => "m",
                Self::U00b2 => "²",
                Self::Other(value) => value,
            }
        }
    }
    impl From<&str> for Unit {
        #[inline]
        fn from(value: &str) -> Self {
            match value {
                "m²" => Self::MU00b2,
                "m" => Self::M,
                "²" => Self::U00b2,
                other => Self::Other(other.to_owned()),
            }
        }
    }
    impl ::std::fmt::Display for Unit {
        #[inline]
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl<'de> ::serde::Deserialize<'de> for Unit {
        fn deserialize<D: ::serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            crate::__private::string_enum(deserializer)
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
    /// `POST /api/send`
    ///
    /// - Credential: required
    /// - Permission: `write:notes`
    ///
    /// # Call
    ///
    /// ```rust,ignore
    /// client.send2().await?;
    /// ```
    ///
    /// Parameters, set by name on the [`Builder`](crate::endpoints::send::Builder) (an unset required one is an error before anything is sent):
    ///
    /// - [`paginate_param`](crate::endpoints::send::Builder::paginate_param) (`paginate`): optional
    pub mod send {
        /// The parameters of `send`.
        #[derive(Debug, Clone, Default)]
        pub struct Request {
            /// `paginate`: optional.
            pub paginate: Option<String>,
        }
        impl ::serde::Serialize for Request {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeStruct as _;
                let len = usize::from(self.paginate.is_some());
                let mut state = serializer.serialize_struct("Request", len)?;
                if let Some(value) = &self.paginate {
                    state.serialize_field("paginate", value)?;
                }
                state.end()
            }
        }
        /// What `send` answers.
        pub type Response = ();
        /// What [`Client::send2`](crate::Client::send2) returns: set the parameters by name, then `.await` it.
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
            const NAME: &'static str = "send";
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
        /// The parameters of [`send`](crate::endpoints::send), by name.
        impl Builder {
            /// `paginate`: optional.
            pub fn paginate_param(mut self, value: impl Into<String>) -> Self {
                self.0.request.paginate = Some(value.into());
                self
            }
        }
        crate::endpoint::builder_methods!(Builder, Request, Response);
    }
    /// Endpoints under `émoji/`.
    pub mod u00e9_moji {
        /// `POST /api/émoji/ノート`
        ///
        /// - Credential: required
        /// - Permission: `write:notes`
        ///
        /// # Call
        ///
        /// ```rust,ignore
        /// let answer = client.u00e9_moji_u30ce_u30fc_u30c8().await?;
        /// ```
        pub mod u30ce_u30fc_u30c8 {
            /// The parameters of `émoji/ノート`.
            #[derive(Debug, Clone, Default)]
            pub struct Request {}
            impl ::serde::Serialize for Request {
                fn serialize<S: ::serde::Serializer>(
                    &self,
                    serializer: S,
                ) -> Result<S::Ok, S::Error> {
                    use ::serde::ser::SerializeStruct as _;
                    serializer.serialize_struct("Request", 0)?.end()
                }
            }
            /// What `émoji/ノート` answers.
            pub type Response = crate::models::Note2;
            /// What [`Client::u00e9_moji_u30ce_u30fc_u30c8`](crate::Client::u00e9_moji_u30ce_u30fc_u30c8) returns: set the parameters by name, then `.await` it.
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
                const NAME: &'static str = "émoji/ノート";
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
            crate::endpoint::builder_methods!(Builder, Request, Response);
        }
    }
    /// Endpoints under `odd/`.
    pub mod odd {
        /// `POST /api/odd/types`
        ///
        /// - Credential: required
        /// - Permission: `write:notes`
        ///
        /// # Call
        ///
        /// ```rust,ignore
        /// let answer = client.odd_types().await?;
        /// ```
        ///
        /// Parameters, set by name on the [`Builder`](crate::endpoints::odd::types::Builder) (an unset required one is an error before anything is sent):
        ///
        /// - [`any`](crate::endpoints::odd::types::Builder::any) (`any`): optional
        /// - `r#ref` (`ref`): optional
        /// - [`mixed`](crate::endpoints::odd::types::Builder::mixed) (`mixed`): optional
        pub mod types {
            /// The parameters of `odd/types`.
            #[derive(Debug, Clone, Default)]
            pub struct Request {
                /// `any`: optional.
                pub any: Option<::serde_json::Value>,
                /// `ref`: optional.
                pub r#ref: Option<crate::models::Note>,
                /// `mixed`: optional.
                pub mixed: Option<::serde_json::Value>,
            }
            impl ::serde::Serialize for Request {
                fn serialize<S: ::serde::Serializer>(
                    &self,
                    serializer: S,
                ) -> Result<S::Ok, S::Error> {
                    use ::serde::ser::SerializeStruct as _;
                    let len = usize::from(self.any.is_some())
                        + usize::from(self.r#ref.is_some())
                        + usize::from(self.mixed.is_some());
                    let mut state = serializer.serialize_struct("Request", len)?;
                    if let Some(value) = &self.any {
                        state.serialize_field("any", value)?;
                    }
                    if let Some(value) = &self.r#ref {
                        state.serialize_field("ref", value)?;
                    }
                    if let Some(value) = &self.mixed {
                        state.serialize_field("mixed", value)?;
                    }
                    state.end()
                }
            }
            /// What `odd/types` answers.
            pub type Response = crate::models::Unit;
            /// What [`Client::odd_types`](crate::Client::odd_types) returns: set the parameters by name, then `.await` it.
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
                const NAME: &'static str = "odd/types";
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
            /// The parameters of [`odd/types`](crate::endpoints::odd::types), by name.
            impl Builder {
                /// `any`: optional.
                pub fn any(mut self, value: impl Into<::serde_json::Value>) -> Self {
                    self.0.request.any = Some(value.into());
                    self
                }
                /// `ref`: optional.
                pub fn r#ref(mut self, value: impl Into<crate::models::Note>) -> Self {
                    self.0.request.r#ref = Some(value.into());
                    self
                }
                /// `mixed`: optional.
                pub fn mixed(mut self, value: impl Into<::serde_json::Value>) -> Self {
                    self.0.request.mixed = Some(value.into());
                    self
                }
            }
            crate::endpoint::builder_methods!(Builder, Request, Response);
        }
    }
}
