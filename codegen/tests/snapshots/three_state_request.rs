/// The endpoints: a method each, named for its path (`notes/create` is `notes_create`), returning the endpoint's `Builder`.
impl crate::Client {
    /// `i/update`: see [`endpoints::i::update`](crate::endpoints::i::update) for its parameters and answer.
    #[inline]
    pub fn i_update(&self) -> endpoints::i::update::Builder {
        endpoints::i::update::Builder(crate::endpoint::RequestBuilder::new(self))
    }
}
/// Every endpoint generated into this build, in the spec's order.
pub static ENDPOINTS: &[crate::EndpointInfo] = &[
    crate::EndpointInfo {
        name: "i/update",
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
            "i/update" => visitor.visit::<endpoints::i::update::Request>(),
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
    /// Endpoints under `i/`.
    pub mod i {
        /// `POST /api/i/update`
        ///
        /// - Credential: required
        /// - Permission: `write:notes`
        ///
        /// # Call
        ///
        /// ```rust,ignore
        /// let answer = client.i_update().name(name).await?;
        /// ```
        ///
        /// Parameters, set by name on the [`Builder`](crate::endpoints::i::update::Builder) (an unset required one is an error before anything is sent):
        ///
        /// - [`name`](crate::endpoints::i::update::Builder::name) (`name`): required; [`name_null`](crate::endpoints::i::update::Builder::name_null) sends `null`
        /// - [`birthday`](crate::endpoints::i::update::Builder::birthday) (`birthday`): optional; [`birthday_null`](crate::endpoints::i::update::Builder::birthday_null) sends `null`
        /// - [`ratio`](crate::endpoints::i::update::Builder::ratio) (`ratio`): optional
        /// - [`send_param2`](crate::endpoints::i::update::Builder::send_param2) (`send`): optional
        /// - [`send_param`](crate::endpoints::i::update::Builder::send_param) (`send_param`): optional
        /// - `r#type` (`type`): optional
        pub mod update {
            /// The parameters of `i/update`.
            #[derive(Debug, Clone, Default)]
            pub struct Request {
                /// `name`: required, may be null.
                pub name: Option<Option<String>>,
                /// `birthday`: optional; sending null is not the same as leaving it out.
                pub birthday: Option<Option<String>>,
                /// `ratio`: optional.
                pub ratio: Option<f64>,
                /// `send`: optional.
                pub send: Option<bool>,
                /// `send_param`: optional.
                pub send_param: Option<bool>,
                /// `type`: optional.
                pub r#type: Option<String>,
            }
            impl ::serde::Serialize for Request {
                fn serialize<S: ::serde::Serializer>(
                    &self,
                    serializer: S,
                ) -> Result<S::Ok, S::Error> {
                    use ::serde::ser::SerializeStruct as _;
                    let len = usize::from(self.name.is_some())
                        + usize::from(self.birthday.is_some())
                        + usize::from(self.ratio.is_some())
                        + usize::from(self.send.is_some())
                        + usize::from(self.send_param.is_some())
                        + usize::from(self.r#type.is_some());
                    let mut state = serializer.serialize_struct("Request", len)?;
                    if let Some(value) = &self.name {
                        state.serialize_field("name", value)?;
                    }
                    if let Some(value) = &self.birthday {
                        state.serialize_field("birthday", value)?;
                    }
                    crate::__private::finite::<S, _>(&self.ratio, "ratio")?;
                    if let Some(value) = &self.ratio {
                        state.serialize_field("ratio", value)?;
                    }
                    if let Some(value) = &self.send {
                        state.serialize_field("send", value)?;
                    }
                    if let Some(value) = &self.send_param {
                        state.serialize_field("send_param", value)?;
                    }
                    if let Some(value) = &self.r#type {
                        state.serialize_field("type", value)?;
                    }
                    state.end()
                }
            }
            /// What `i/update` answers.
            #[derive(Debug, Clone)]
            pub struct Response {
                /// `id`: always present.
                pub id: String,
                /// `length`: always present.
                pub length: f64,
                /// `maybe`: may be absent or null.
                pub maybe: Option<f64>,
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
                    let mut id: Option<String> = None;
                    let mut length: Option<f64> = None;
                    let mut maybe: Option<Option<f64>> = None;
                    while let Some(key) = map.next_key::<crate::__private::Key<'de>>()? {
                        match key.as_str() {
                            "id" => crate::__private::field(&mut map, &mut id, "id"),
                            "length" => {
                                crate::__private::number_field(
                                    &mut map,
                                    &mut length,
                                    "length",
                                )
                            }
                            "maybe" => {
                                crate::__private::number_field(
                                    &mut map,
                                    &mut maybe,
                                    "maybe",
                                )
                            }
                            _ => crate::__private::skip(&mut map),
                        }?;
                    }
                    Ok(Self {
                        id: crate::__private::required(id, "id", Self::EXPECTING)?,
                        length: crate::__private::required(
                            length,
                            "length",
                            Self::EXPECTING,
                        )?,
                        maybe: maybe.flatten(),
                    })
                }
            }
            /// What [`Client::i_update`](crate::Client::i_update) returns: set the parameters by name, then `.await` it.
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
                const NAME: &'static str = "i/update";
                #[doc(hidden)]
                const REQUIRES_CREDENTIAL: bool = true;
                #[doc(hidden)]
                const PERMISSION: Option<&'static str> = Some("write:notes");
                #[doc(hidden)]
                #[inline]
                fn missing(&self) -> Vec<&'static str> {
                    crate::__private::unset(&[("name", self.name.is_some())])
                }
            }
            impl Request {
                /// A request with the required parameters, checked by the compiler; the optional
                /// ones are left out. For [`Client::call`](crate::Client::call).
                #[inline]
                pub fn new(name: Option<impl Into<String>>) -> Self {
                    Self {
                        name: Some(name.map(|v| v.into())),
                        ..Default::default()
                    }
                }
            }
            /// The parameters of [`i/update`](crate::endpoints::i::update), by name.
            impl Builder {
                /// `name`: required, may be null.
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
                /// `birthday`: optional; sending null is not the same as leaving it out.
                pub fn birthday(mut self, value: impl Into<String>) -> Self {
                    self.0.request.birthday = Some(Some(value.into()));
                    self
                }
                /// Sends `"birthday": null`, which is not the same as leaving it out.
                #[inline]
                pub fn birthday_null(mut self) -> Self {
                    self.0.request.birthday = Some(None);
                    self
                }
                /// `ratio`: optional.
                pub fn ratio(mut self, value: impl Into<f64>) -> Self {
                    self.0.request.ratio = Some(value.into());
                    self
                }
                /// `send`: optional.
                pub fn send_param2(mut self, value: impl Into<bool>) -> Self {
                    self.0.request.send = Some(value.into());
                    self
                }
                /// `send_param`: optional.
                pub fn send_param(mut self, value: impl Into<bool>) -> Self {
                    self.0.request.send_param = Some(value.into());
                    self
                }
                /// `type`: optional.
                pub fn r#type(mut self, value: impl Into<String>) -> Self {
                    self.0.request.r#type = Some(value.into());
                    self
                }
            }
            crate::endpoint::builder_methods!(Builder, Request, Response);
        }
    }
}
