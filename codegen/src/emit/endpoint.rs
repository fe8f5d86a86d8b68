//! An endpoint's module: its page of docs (the call, the parameters, the error codes),
//! `Response` and `Builder`, `ErrorCode`, and `impl Endpoint` and pagination for `Request`.

use proc_macro2::TokenStream;
use quote::quote;

use super::builder::setters;
use super::{
    availability, doc_attr, escape_doc, ident, operation_pointers, option_str, path_tokens,
    ty_tokens,
};
use crate::ir::{Api, Endpoint, Field, HttpMethod, ItemId, Location, Setter, Storage, Ty};

pub(super) fn endpoint_doc(api: &Api, e: &Endpoint) -> Vec<String> {
    let mut doc = vec![format!("`POST /api/{}`", e.name)];
    if let Some(description) = &e.description {
        doc.push(String::new());
        doc.extend(description.lines().map(escape_doc));
    }
    doc.push(String::new());
    doc.push(format!(
        "- Credential: {}",
        if e.requires_credential {
            "required"
        } else {
            "not required"
        }
    ));
    if let Some(permission) = &e.permission {
        doc.push(format!("- Permission: `{permission}`"));
    }
    if e.multipart {
        doc.push("- Body: `multipart/form-data`".into());
    }
    if e.get_allowed {
        doc.push("- Also answers `GET`, with the parameters in the query string".into());
    }
    if let Some(feature) = &e.feature {
        doc.push(format!("- Cargo feature: `{feature}`"));
    }
    if let Some(source) = &e.source {
        doc.push(format!("- Source: <{source}>"));
    }
    if let Some(line) = availability(api, &operation_pointers(e)) {
        doc.push(format!("- {line}"));
    }
    if e.may_answer_nothing {
        doc.push(format!("- May answer `204 No Content` instead of its body: [`send_optional`](crate::endpoints::{}::Builder::send_optional) reads that as `None`, where `.await` is an [`Error::NoContent`](crate::Error::NoContent)", e.module.join("::")));
    }
    doc.extend(call_doc(api, e));
    if !e.error_codes.is_empty() {
        doc.push(String::new());
        doc.push("# Errors".into());
        doc.push(String::new());
        doc.push(format!(
            "Codes the spec lists for this endpoint, as [`ErrorCode`](crate::endpoints::{}::ErrorCode) (read one with `ErrorCode::of(&error)`), beside the [common ones](crate::CommonErrorCode):",
            e.module.join("::")
        ));
        doc.push(String::new());
        for code in &e.error_codes {
            let status = code.status.map(|s| format!(" ({s})")).unwrap_or_default();
            let message = code
                .message
                .as_deref()
                .map(|m| format!(": {}", escape_doc(m)))
                .unwrap_or_default();
            doc.push(format!("- `{}`{status}{message}", code.code));
        }
    }
    doc
}

/// How a call reads, and the builder's setters, for an endpoint's module page.
fn call_doc(api: &Api, e: &Endpoint) -> Vec<String> {
    let fields = api.fields(e.request);
    let field = |setter: &Setter| fields.iter().find(|f| f.ident == setter.field);
    let mut call = format!("client.{}()", e.method);
    for setter in e.setters.iter().filter(|s| s.required) {
        let value = match setter.field.strip_prefix("r#") {
            Some(keyword) => format!("{keyword}_"),
            None => setter.field.clone(),
        };
        call.push_str(&format!(".{}({value})", setter.name));
    }
    let binding = if e.response == Ty::Unit {
        String::new()
    } else {
        "let answer = ".to_owned()
    };
    let mut doc = vec![
        String::new(),
        "# Call".into(),
        String::new(),
        "```rust,ignore".into(),
        format!("{binding}{call}.await?;"),
        "```".into(),
    ];
    if e.setters.is_empty() {
        return doc;
    }
    doc.push(String::new());
    let builder = format!("crate::endpoints::{}::Builder", e.module.join("::"));
    doc.push(format!("Parameters, set by name on the [`Builder`]({builder}) (an unset required one is an error before anything is sent):"));
    doc.push(String::new());
    for setter in &e.setters {
        let Some(f) = field(setter) else { continue };
        let presence = if setter.required {
            "required"
        } else {
            "optional"
        };
        // rustdoc cannot link to a raw identifier (`r#loop`).
        let link = |name: &str| {
            if name.starts_with("r#") {
                format!("`{name}`")
            } else {
                format!("[`{name}`]({builder}::{name})")
            }
        };
        let mut line = format!("- {} (`{}`): {presence}", link(&setter.name), f.json);
        if let Some(null_name) = &setter.null_name {
            line.push_str(&format!("; {} sends `null`", link(null_name)));
        }
        doc.push(line);
    }
    doc
}

/// An endpoint module's items: `Response` and `Builder`, `ErrorCode`, `impl Endpoint` and
/// pagination for `Request` (a struct printed with the types), `new` and the setters.
pub(super) fn endpoint_items(api: &Api, e: &Endpoint, module: &[String]) -> TokenStream {
    let name = &e.name;
    let credential = e.requires_credential;
    let permission = option_str(e.permission.as_deref());
    let fields = api.fields(e.request);
    let response = response_alias(api, e, module);
    let multipart = multipart_items(e, fields);
    let error_code = error_code(e);
    let path = path_fn(e, fields);
    let query = pairs_fn("query", fields, Location::Query);
    let headers = pairs_fn("headers", fields, Location::Header);
    let http_get = (e.http_method == HttpMethod::Get)
        .then(|| quote! { #[doc(hidden)] const HTTP_GET: bool = true; });
    let missing = missing_fn(fields);
    let pagination = pagination_impl(api, e, module);
    let setters = setters(api, e, module);
    let builder = builder_struct(e);
    let builder_methods = builder_methods(e);
    quote! {
        #response

        #builder

        #error_code

        // Its items are hidden: the trait's page lists every endpoint's impl, and with them
        // it would be too large to load (the module page says all of this in prose).
        impl crate::Endpoint for Request {
            #[doc(hidden)]
            type Response = Response;
            #[doc(hidden)]
            type ErrorCode = ErrorCode;
            #[doc(hidden)]
            const NAME: &'static str = #name;
            #[doc(hidden)]
            const REQUIRES_CREDENTIAL: bool = #credential;
            #[doc(hidden)]
            const PERMISSION: Option<&'static str> = #permission;
            #http_get
            #multipart
            #missing
            #path
            #query
            #headers
        }

        #pagination

        #setters

        #builder_methods
    }
}

/// `Builder`: the endpoint's own type, so that its page lists its setters alone.
fn builder_struct(e: &Endpoint) -> TokenStream {
    let doc = doc_attr(&format!(
        " What [`Client::{}`](crate::Client::{}) returns: set the parameters by name, then \
         `.await` it.",
        e.method, e.method
    ));
    quote! {
        #doc
        #[must_use = "a request does nothing until it is awaited"]
        pub struct Builder(pub(crate) crate::endpoint::RequestBuilder<Request>);
    }
}

/// The methods every builder shares, from the core's `builder_methods!`; after the setters,
/// which come first on the page.
fn builder_methods(e: &Endpoint) -> TokenStream {
    let paginated = e.pagination.as_ref().map(|_| quote! { , paginated });
    quote! {
        crate::endpoint::builder_methods!(Builder, Request, Response #paginated);
    }
}

/// `type Response`, unless the response is a struct defined in the module under that name.
fn response_alias(api: &Api, e: &Endpoint, module: &[String]) -> TokenStream {
    let name = &e.name;
    match &e.response {
        Ty::Named(id) if api.types[*id].module == module && api.types[*id].name == "Response" => {
            quote! {}
        }
        ty => {
            let ty = ty_tokens(api, ty, module);
            let doc = doc_attr(&format!(" What `{name}` answers."));
            quote! {
                #doc
                pub type Response = #ty;
            }
        }
    }
}

/// The multipart parts of `impl Endpoint`: the flag, and the files to send.
fn multipart_items(e: &Endpoint, fields: &[Field]) -> TokenStream {
    if e.multipart {
        let files = fields.iter().filter(|f| f.ty == Ty::Upload).map(|f| {
            let json = &f.json;
            let field = ident(&f.ident);
            if f.storage == Storage::Plain {
                quote! { (#json, Some(&self.#field)) }
            } else {
                quote! { (#json, self.#field.as_ref()) }
            }
        });
        quote! {
            #[doc(hidden)]
            const MULTIPART: bool = true;

            #[doc(hidden)]
            #[inline]
            fn files(&self) -> Vec<(&'static str, &crate::upload::UploadFile)> {
                crate::__private::present(&[#(#files),*])
            }
        }
    } else {
        quote! {}
    }
}

/// `ErrorCode`: an enum of the codes the spec lists for the endpoint, or the shared type.
fn error_code(e: &Endpoint) -> TokenStream {
    // One shared type for the endpoints that list no codes of their own: the same variants
    // and `of`, without an enum and five impls per endpoint to compile.
    if e.error_codes.is_empty() {
        return quote! {
            /// This endpoint's spec lists no error codes of its own: its errors carry the
            /// API's common codes, or codes the spec does not list. Read one with
            /// `ErrorCode::of`.
            pub type ErrorCode = crate::SharedErrorCode;
        };
    }
    let variants = e.error_codes.iter().map(|c| {
        let variant = ident(&c.ident);
        let mut doc = format!("`{}`", c.code);
        if let Some(message) = &c.message {
            doc.push_str(": ");
            doc.push_str(&escape_doc(message));
        }
        if let Some(status) = c.status {
            doc.push_str(&format!(" (HTTP {status}"));
            if let Some(id) = &c.id {
                doc.push_str(&format!(", id `{id}`"));
            }
            doc.push(')');
        }
        let doc = doc_attr(&format!(" {doc}"));
        quote! { #doc #variant, }
    });
    let from_arms = e.error_codes.iter().map(|c| {
        let variant = ident(&c.ident);
        let code = &c.code;
        quote! { #code => Self::#variant, }
    });
    let as_arms = e.error_codes.iter().map(|c| {
        let variant = ident(&c.ident);
        let code = &c.code;
        quote! { Self::#variant => #code, }
    });
    quote! {
        /// The error codes the spec lists for this endpoint, beside the API's common ones;
        /// read one from an error with [`ErrorCode::of`].
        #[derive(Debug, Clone, PartialEq, Hash)]
        pub enum ErrorCode {
            #(#variants)*
            /// A code any endpoint may answer (a bad token, a bad parameter, a rate limit).
            Common(crate::CommonErrorCode),
            /// A code the spec does not list for this endpoint.
            Unknown(String),
        }

        impl ErrorCode {
            /// The code of a server error, as this endpoint's: `None` for errors without
            /// one (a timeout, a decoding error).
            #[inline]
            pub fn of(error: &crate::Error) -> Option<Self> {
                error.endpoint_code::<Request>()
            }
        }

        impl Eq for ErrorCode {}

        impl crate::EndpointErrorCode for ErrorCode {
            #[inline]
            fn from_code(code: &str) -> Self {
                match code {
                    #(#from_arms)*
                    _ => match crate::CommonErrorCode::from_code(code) {
                        Some(common) => Self::Common(common),
                        None => Self::Unknown(code.to_owned()),
                    },
                }
            }

            #[inline]
            fn as_str(&self) -> &str {
                match self {
                    #(#as_arms)*
                    Self::Common(code) => code.as_str(),
                    Self::Unknown(code) => code,
                }
            }
        }
    }
}

/// `impl Paginated` for an endpoint that pages with `sinceId`/`untilId`/`limit`.
fn pagination_impl(api: &Api, e: &Endpoint, module: &[String]) -> Option<TokenStream> {
    e.pagination.as_ref().map(|p| {
        let item = ty_tokens(api, &p.item, module);
        let (since, until, limit) = (ident(&p.since_id), ident(&p.until_id), ident(&p.limit));
        let item_id = item_id(api, &p.item_id, module);
        let limit_value = if p.limit_is_number {
            quote! { f64::from(limit) }
        } else {
            quote! { i64::from(limit) }
        };
        quote! {
            impl crate::pagination::Paginated for Request {
                type Item = #item;
                #[inline]
                fn set_since_id(&mut self, id: Option<crate::types::Id>) {
                    self.#since = id;
                }
                #[inline]
                fn set_until_id(&mut self, id: Option<crate::types::Id>) {
                    self.#until = id;
                }
                #[inline]
                fn set_limit(&mut self, limit: u32) {
                    self.#limit = Some(#limit_value);
                }
                #[inline]
                fn item_id(item: &Self::Item) -> Option<&str> {
                    #item_id
                }
            }
        }
    })
}

/// `fn missing`: the required parameters that were not set.
fn missing_fn(fields: &[Field]) -> Option<TokenStream> {
    let required: Vec<&Field> = fields.iter().filter(|f| f.required).collect();
    if required.is_empty() {
        return None;
    }
    let checks = required.iter().map(|f| {
        let json = &f.json;
        let field = ident(&f.ident);
        quote! { (#json, self.#field.is_some()) }
    });
    Some(quote! {
        #[doc(hidden)]
        #[inline]
        fn missing(&self) -> Vec<&'static str> {
            crate::__private::unset(&[#(#checks),*])
        }
    })
}

/// `fn path` for an endpoint with path parameters: the name with each `{param}` filled in.
fn path_fn(e: &Endpoint, fields: &[Field]) -> Option<TokenStream> {
    if !fields.iter().any(|f| f.location == Location::Path) {
        return None;
    }
    // Plain statements, one a line, rather than one long `format!`.
    let mut pieces = Vec::new();
    let mut literal = String::new();
    for (i, segment) in e.name.split('/').enumerate() {
        if i > 0 {
            literal.push('/');
        }
        let param = segment
            .strip_prefix('{')
            .and_then(|s| s.strip_suffix('}'))
            .and_then(|param| {
                fields
                    .iter()
                    .find(|f| f.json == param && f.location == Location::Path)
            });
        match param {
            Some(field) => {
                if !literal.is_empty() {
                    pieces.push(quote! { path.push_str(#literal); });
                    literal.clear();
                }
                let field = ident(&field.ident);
                // Unset only when `missing` has already stopped the call.
                pieces.push(quote! {
                    path.push_str(&crate::__private::path_segment(self.#field.as_deref().unwrap_or_default()));
                });
            }
            None => literal.push_str(segment),
        }
    }
    if !literal.is_empty() {
        pieces.push(quote! { path.push_str(#literal); });
    }
    Some(quote! {
        #[doc(hidden)]
        #[inline]
        fn path(&self) -> ::std::borrow::Cow<'static, str> {
            let mut path = String::new();
            #(#pieces)*
            ::std::borrow::Cow::Owned(path)
        }
    })
}

/// `fn query` or `fn headers`: the text parameters that travel outside the body.
fn pairs_fn(name: &str, fields: &[Field], location: Location) -> Option<TokenStream> {
    let fields: Vec<&Field> = fields.iter().filter(|f| f.location == location).collect();
    if fields.is_empty() {
        return None;
    }
    let name = ident(name);
    let pushes = fields.iter().map(|f| {
        let json = &f.json;
        let field = ident(&f.ident);
        if f.storage == Storage::Plain {
            quote! { pairs.push((#json, self.#field.clone())); }
        } else {
            quote! {
                if let Some(value) = &self.#field {
                    pairs.push((#json, value.clone()));
                }
            }
        }
    });
    Some(quote! {
        #[doc(hidden)]
        #[inline]
        fn #name(&self) -> Vec<(&'static str, String)> {
            let mut pairs = Vec::new();
            #(#pushes)*
            pairs
        }
    })
}

/// How to get an item's id, for pagination cursors.
fn item_id(api: &Api, item: &ItemId, module: &[String]) -> TokenStream {
    match item {
        ItemId::Field(field) => {
            let field = ident(field);
            quote! { Some(&item.#field) }
        }
        ItemId::Tagged { union, variants } => {
            let path = path_tokens(&api.type_path(*union, module));
            let arms = variants.iter().map(|(variant, field)| {
                let variant = ident(variant);
                let field = ident(field);
                quote! { #path::#variant(v) => Some(&v.#field), }
            });
            quote! {
                match item {
                    #(#arms)*
                    #path::Unknown(v) => v.get("id").and_then(::serde_json::Value::as_str),
                }
            }
        }
    }
}
