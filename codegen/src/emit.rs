//! Prints the IR as Rust: `quote` builds the tokens, `layout` lays them out as source.
//!
//! Compile time shapes what is printed. A bot uses a few of hundreds of endpoints, so the
//! small non-generic functions of each endpoint and type (client methods, `missing`, error
//! code conversions, string enum conversions) are `#[inline]`: rustc then compiles them in
//! the crate that calls them, not all of them in this one. Structs get `Serialize` and
//! `Deserialize` impls written for JSON rather than serde's derives, which also write a
//! field enum with its visitor and a sequence form per struct.

use proc_macro2::{Ident, Span, TokenStream};
use quote::{format_ident, quote};

use crate::ir::{
    Api, Endpoint, Field, HttpMethod, ItemId, Location, Setter, Storage, Ty, TypeDef, TypeId,
    TypeKind,
};

/// Above this many parameters a client method needs clippy's blessing.
const MANY_ARGUMENTS: usize = 7;

pub fn emit(api: &Api) -> TokenStream {
    let mut root = Module::default();
    let models = root.child("models");
    models.doc = vec![
        "The spec's component schemas (`components.schemas`) and the inline shapes they contain."
            .into(),
        String::new(),
        format!("Generated from {} {}.", api.title, api.version),
    ];
    let endpoints = root.child("endpoints");
    endpoints.doc = vec![
        "One module per endpoint, nested by path: `notes/create` is `endpoints::notes::create`.".into(),
        String::new(),
        "Each has a `Request` (which implements [`Endpoint`](crate::Endpoint)), a `Response` and an `ErrorCode`.".into(),
    ];
    for (id, def) in api.types.iter().enumerate() {
        let node = root.at(&def.module);
        node.items.push(type_def(api, id, def));
    }

    for endpoint in &api.endpoints {
        let mut path = vec!["endpoints".to_owned()];
        let mut node = root.child("endpoints");
        for (depth, segment) in endpoint.module.iter().enumerate() {
            path.push(segment.clone());
            node = node.child(segment);
            if node.doc.is_empty() && depth + 1 < endpoint.module.len() {
                let prefix = endpoint
                    .name
                    .split('/')
                    .take(depth + 1)
                    .collect::<Vec<_>>()
                    .join("/");
                node.doc = vec![format!("Endpoints under `{prefix}/`.")];
            }
        }
        node.doc = endpoint_doc(api, endpoint);
        node.items.push(endpoint_items(api, endpoint, &path));
    }
    let methods = api.endpoints.iter().map(client_method);
    let infos = api.endpoints.iter().map(|e| {
        let name = &e.name;
        let credential = e.requires_credential;
        let permission = option_str(e.permission.as_deref());
        let multipart = e.multipart;
        let feature = option_str(e.feature.as_deref());
        quote! {
            crate::EndpointInfo {
                name: #name,
                requires_credential: #credential,
                permission: #permission,
                multipart: #multipart,
                feature: #feature,
            }
        }
    });
    let visits = api.endpoints.iter().map(|e| {
        let name = &e.name;
        let request = request_path(e);
        quote! { #name => visitor.visit::<#request>(), }
    });
    // A spec without endpoints (docs.rs's) must not leave a `match` with only `_`.
    let visit_body = if api.endpoints.is_empty() {
        quote! {
            let _ = (name, visitor);
            None
        }
    } else {
        quote! {
            Some(match name {
                #(#visits)*
                _ => return None,
            })
        }
    };
    let version = &api.version;
    let spec_paths = api.spec_paths;
    let disabled = api.disabled_paths;
    root.items.push(quote! {
        impl crate::Client {
            #(#methods)*
        }

        /// Every endpoint generated into this build, in the spec's order.
        pub static ENDPOINTS: &[crate::EndpointInfo] = &[#(#infos,)*];

        /// The `info.version` of the spec this crate was generated from.
        pub const SPEC_VERSION: &str = #version;

        /// How many paths the spec has, and how many of them were left out because their
        /// group's cargo feature is off: `ENDPOINTS.len() + SPEC_DISABLED_PATHS == SPEC_PATHS`.
        pub const SPEC_PATHS: usize = #spec_paths;

        /// See [`SPEC_PATHS`].
        pub const SPEC_DISABLED_PATHS: usize = #disabled;

        /// Calls `visitor` with the endpoint type whose name is `name` (`notes/create`), or
        /// returns `None` for a name this build does not have.
        pub fn visit_endpoint<V: crate::EndpointVisitor>(name: &str, visitor: V) -> Option<V::Output> {
            #visit_body
        }
    });
    root.tokens("")
}

/// A module being assembled: its docs, items and child modules in first-seen order.
#[derive(Default)]
struct Module {
    doc: Vec<String>,
    items: Vec<TokenStream>,
    children: Vec<(String, Module)>,
}

impl Module {
    fn child(&mut self, name: &str) -> &mut Module {
        let index = match self.children.iter().position(|(n, _)| n == name) {
            Some(i) => i,
            None => {
                self.children.push((name.to_owned(), Module::default()));
                self.children.len() - 1
            }
        };
        &mut self.children[index].1
    }

    fn at(&mut self, path: &[String]) -> &mut Module {
        path.iter().fold(self, |node, segment| node.child(segment))
    }

    /// The module's contents; `own` is its name, to spot a child of the same name
    /// (`endpoints::endpoints`), which is what the endpoint is called.
    fn tokens(&self, own: &str) -> TokenStream {
        let items = &self.items;
        let children = self.children.iter().map(|(child, module)| {
            let name = ident(child);
            let doc = doc_attrs(&module.doc);
            let body = module.tokens(child);
            let inception = (child == own).then(|| quote! { #[allow(clippy::module_inception)] });
            quote! {
                #doc
                #inception
                pub mod #name {
                    #body
                }
            }
        });
        quote! { #(#items)* #(#children)* }
    }
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

fn endpoint_doc(api: &Api, e: &Endpoint) -> Vec<String> {
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
    if e.may_answer_nothing {
        doc.push("- May answer `204 No Content` instead of its body: [`send_optional`](crate::RequestBuilder::send_optional) reads that as `None`, where `.await` is an [`Error::NoContent`](crate::Error::NoContent)".into());
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

fn endpoint_items(api: &Api, e: &Endpoint, module: &[String]) -> TokenStream {
    let name = &e.name;
    let credential = e.requires_credential;
    let permission = option_str(e.permission.as_deref());
    let response = match &e.response {
        Ty::Named(id) if api.types[*id].module == module && api.types[*id].name == "Response" => {
            quote! {}
        }
        ty => {
            let ty = ty_tokens(api, ty, module);
            let doc = format!(" What `{name}` answers.");
            quote! {
                #[doc = #doc]
                pub type Response = #ty;
            }
        }
    };
    let fields = api.fields(e.request);
    let multipart = if e.multipart {
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
            const MULTIPART: bool = true;

            #[inline]
            fn files(&self) -> Vec<(&'static str, &crate::upload::UploadFile)> {
                crate::__private::present(&[#(#files),*])
            }
        }
    } else {
        quote! {}
    };

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
        let doc = format!(" {doc}");
        quote! { #[doc = #doc] #variant, }
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

    let path = path_fn(e, fields);
    let query = pairs_fn("query", fields, Location::Query);
    let headers = pairs_fn("headers", fields, Location::Header);
    let http_get =
        (e.http_method == HttpMethod::Get).then(|| quote! { const HTTP_GET: bool = true; });
    let missing = missing_fn(fields);
    // One shared type for the endpoints that list no codes of their own: the same variants
    // and `of`, without an enum and five impls per endpoint to compile.
    let error_code = if e.error_codes.is_empty() {
        quote! {
            /// This endpoint's spec lists no error codes of its own: its errors carry the
            /// API's common codes, or codes the spec does not list. Read one with
            /// `ErrorCode::of`.
            pub type ErrorCode = crate::SharedErrorCode;
        }
    } else {
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
    };
    let pagination = e.pagination.as_ref().map(|p| {
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
    });

    let setters = setters(api, e, module);
    let builder_doc = format!(
        " What [`Client::{}`](crate::Client::{}) returns: set the parameters by name, then \
         `.await` it.",
        e.method, e.method
    );
    quote! {
        #response

        #[doc = #builder_doc]
        pub type Builder = crate::RequestBuilder<Request>;

        #error_code

        impl crate::Endpoint for Request {
            type Response = Response;
            type ErrorCode = ErrorCode;
            const NAME: &'static str = #name;
            const REQUIRES_CREDENTIAL: bool = #credential;
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
    }
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
        #[inline]
        fn path(&self) -> std::borrow::Cow<'static, str> {
            let mut path = String::new();
            #(#pieces)*
            std::borrow::Cow::Owned(path)
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
                    #path::Unknown(v) => v.get("id").and_then(serde_json::Value::as_str),
                }
            }
        }
    }
}

fn request_path(e: &Endpoint) -> TokenStream {
    module_item(e, "Request")
}

/// `endpoints::notes::create::{item}`.
fn module_item(e: &Endpoint, item: &str) -> TokenStream {
    let mut path = vec!["endpoints".to_owned()];
    path.extend(e.module.iter().cloned());
    path.push(item.into());
    path_tokens(&path)
}

/// The type of a constructor's argument for a required field, and how it becomes the
/// field's value. An endpoint's `Request` holds every field in an `Option` (see
/// `ir::storage`); a nested struct holds required fields as they are.
fn argument(api: &Api, f: &Field, module: &[String], request: bool) -> (TokenStream, TokenStream) {
    let name = ident(&f.ident);
    if f.ty == Ty::Upload {
        let value = if request {
            quote! { Some(#name) }
        } else {
            quote! { #name }
        };
        return (quote! { crate::upload::UploadFile }, value);
    }
    let ty = ty_tokens(api, &f.ty, module);
    let convert = |v: TokenStream| {
        if f.boxed {
            quote! { Box::new(#v.into()) }
        } else {
            quote! { #v.into() }
        }
    };
    // A required field that may be null takes an `Option`: `None` sends `null`.
    let takes_option = if request {
        f.storage == Storage::NullableOption
    } else {
        f.storage == Storage::Option
    };
    let (arg, value) = if takes_option {
        let inner = convert(quote! { v });
        (
            quote! { Option<impl Into<#ty>> },
            quote! { #name.map(|v| #inner) },
        )
    } else {
        (quote! { impl Into<#ty> }, convert(quote! { #name }))
    };
    let value = if request {
        quote! { Some(#value) }
    } else {
        value
    };
    (arg, value)
}

fn client_method(e: &Endpoint) -> TokenStream {
    let method = ident(&e.method);
    let builder = module_item(e, "Builder");
    let module_path = format!("endpoints::{}", e.module.join("::"));
    let mut doc = vec![format!(
        "`{}`: see [`{module_path}`](crate::{module_path}) for its parameters and answer.",
        e.name
    )];
    if let Some(description) = &e.description {
        if let Some(first) = description.lines().next() {
            doc.push(String::new());
            doc.push(escape_doc(first));
        }
    }
    if let Some(feature) = &e.feature {
        doc.push(String::new());
        doc.push(format!("Needs the `{feature}` cargo feature."));
    }
    let doc = doc_attrs(&doc);
    let aliases = e
        .doc_aliases
        .iter()
        .map(|alias| quote! { #[doc(alias = #alias)] });
    quote! {
        #doc
        #(#aliases)*
        #[inline]
        pub fn #method(&self) -> #builder {
            crate::RequestBuilder::new(self, Default::default())
        }
    }
}

/// `Request::new`, and the builder's setters.
fn setters(api: &Api, e: &Endpoint, module: &[String]) -> TokenStream {
    let fields = api.fields(e.request);
    let constructor = constructor(api, fields, module, true);
    let setters = e.setters.iter().map(|setter| {
        let f = fields
            .iter()
            .find(|f| f.ident == setter.field)
            .expect("setters name request fields");
        setter_fn(api, f, setter, module, quote! { self.request })
    });
    let doc = format!(
        " The parameters of [`{}`](crate::endpoints::{}), by name.",
        e.name,
        e.module.join("::")
    );
    let builder = (!e.setters.is_empty()).then(|| {
        quote! {
            #[doc = #doc]
            impl Builder {
                #(#setters)*
            }
        }
    });
    quote! {
        impl Request {
            /// A request with the required parameters, checked by the compiler; the optional
            /// ones are left out. For [`Client::call`](crate::Client::call).
            #constructor
        }

        #builder
    }
}

/// `fn new` taking a struct's required fields.
fn constructor(api: &Api, fields: &[Field], module: &[String], request: bool) -> TokenStream {
    let required: Vec<&Field> = fields.iter().filter(|f| f.required).collect();
    let params = required.iter().map(|f| {
        let name = ident(&f.ident);
        let (ty, _) = argument(api, f, module, request);
        quote! { #name: #ty }
    });
    let inits = required.iter().map(|f| {
        let name = ident(&f.ident);
        let (_, value) = argument(api, f, module, request);
        quote! { #name: #value }
    });
    // Every field of a request is an `Option`, so it has a `Default`; elsewhere the
    // optional fields are named.
    let optional = fields.iter().filter(|f| !f.required).map(|f| {
        let name = ident(&f.ident);
        quote! { #name: None }
    });
    let body = if required.is_empty() {
        quote! { Self::default() }
    } else if request && required.len() < fields.len() {
        quote! { Self { #(#inits,)* ..Self::default() } }
    } else {
        quote! { Self { #(#inits,)* #(#optional,)* } }
    };
    let allow =
        (required.len() > MANY_ARGUMENTS).then(|| quote! { #[allow(clippy::too_many_arguments)] });
    quote! {
        #allow
        #[inline]
        pub fn new(#(#params),*) -> Self {
            #body
        }
    }
}

/// One setter (and its `_null` twin) writing to `target.field`.
fn setter_fn(
    api: &Api,
    f: &Field,
    setter: &Setter,
    module: &[String],
    target: TokenStream,
) -> TokenStream {
    let field = ident(&f.ident);
    let name = ident(&setter.name);
    let doc = doc_attrs(&field_doc(f, true));
    if f.ty == Ty::Upload {
        return quote! {
            #doc
            #[inline]
            pub fn #name(mut self, file: crate::upload::UploadFile) -> Self {
                #target.#field = Some(file);
                self
            }
        };
    }
    let ty = ty_tokens(api, &f.ty, module);
    let value = if f.boxed {
        quote! { Box::new(value.into()) }
    } else {
        quote! { value.into() }
    };
    let set = if f.storage == Storage::NullableOption {
        quote! { Some(Some(#value)) }
    } else {
        quote! { Some(#value) }
    };
    let null_setter = setter.null_name.as_ref().map(|null_name| {
        let null_name = ident(null_name);
        let doc = format!(
            " Sends `\"{}\": null`, which is not the same as leaving it out.",
            f.json
        );
        quote! {
            #[doc = #doc]
            #[inline]
            pub fn #null_name(mut self) -> Self {
                #target.#field = Some(None);
                self
            }
        }
    });
    quote! {
        #doc
        pub fn #name(mut self, value: impl Into<#ty>) -> Self {
            #target.#field = #set;
            self
        }
        #null_setter
    }
}

/// `new` and setters for a nested struct that requests send.
fn nested_constructor(api: &Api, def: &TypeDef, setters: &[Setter]) -> TokenStream {
    let name = ident(&def.name);
    let fields = api.fields_of(def);
    let constructor = constructor(api, fields, &def.module, false);
    let setters = setters.iter().map(|setter| {
        let f = fields
            .iter()
            .find(|f| f.ident == setter.field)
            .expect("setters name the struct's fields");
        setter_fn(api, f, setter, &def.module, quote! { self })
    });
    quote! {
        impl #name {
            /// A value with the required fields; the optional ones are left out.
            #constructor
            #(#setters)*
        }
    }
}

fn type_def(api: &Api, id: TypeId, def: &TypeDef) -> TokenStream {
    let name = ident(&def.name);
    let module = &def.module;
    // The spec's own name (`note`, when its Rust name had to be `Note2`).
    let schema_name = def.origin.strip_prefix("/components/schemas/").map_or_else(
        || def.name.clone(),
        |n| n.replace("~1", "/").replace("~0", "~"),
    );
    let mut doc_lines: Vec<String> = match &def.doc {
        Some(doc) => doc.lines().map(escape_doc).collect(),
        None if def.name == "Request" => vec![format!(
            "The parameters of `{}`.",
            endpoint_name(api, module)
        )],
        None if def.name == "Response" => {
            vec![format!("What `{}` answers.", endpoint_name(api, module))]
        }
        None if module.len() == 1 && api.models.contains(&id) => {
            vec![format!("The `{schema_name}` schema.")]
        }
        None => vec![format!(
            "An object inline in the spec at `{}`.",
            readable_origin(&def.origin)
        )],
    };
    if let Some(same) = def.same_as {
        let path = api.type_path(same, &[]).join("::");
        doc_lines.push(String::new());
        doc_lines.push(format!(
            "The same shape as [`{}`]({path}), which is defined once for every place that has it.",
            api.types[same].name
        ));
    }
    if def.doc.is_some() && api.models.contains(&id) {
        doc_lines.push(String::new());
        doc_lines.push(format!("The `{schema_name}` schema."));
    }
    let doc = doc_attrs(&doc_lines);
    let mut derives = vec![quote! { Debug }, quote! { Clone }];
    match &def.kind {
        // Every component is defined before printing; should one not be, it still reads
        // whatever JSON arrives.
        TypeKind::Pending => quote! { #doc pub type #name = serde_json::Value; },
        TypeKind::Alias(ty) => {
            let ty = ty_tokens(api, ty, module);
            quote! { #doc pub type #name = #ty; }
        }
        TypeKind::Newtype(ty) => {
            if def.serialize {
                derives.push(quote! { serde::Serialize });
            }
            if def.deserialize {
                derives.push(quote! { serde::Deserialize });
            }
            let serde =
                (def.serialize || def.deserialize).then(|| quote! { #[serde(transparent)] });
            let ty = ty_tokens(api, ty, module);
            quote! {
                #doc
                #[derive(#(#derives),*)]
                #serde
                pub struct #name(pub #ty);
            }
        }
        TypeKind::Struct(fields) => {
            if api.serde_derives && def.serialize {
                derives.push(quote! { serde::Serialize });
            }
            if api.serde_derives && def.deserialize {
                derives.push(quote! { serde::Deserialize });
            }
            let request = api.is_request(id);
            let serialize =
                (!api.serde_derives && def.serialize).then(|| serialize_impl(def, fields, request));
            let deserialize = (!api.serde_derives && def.deserialize)
                .then(|| deserialize_impl(api, def, fields, module));
            // A struct holding a credential prints `***` for it instead of deriving `Debug`.
            let redacted_debug = fields.iter().any(|f| f.sensitive).then(|| {
                derives.retain(|d| d.to_string() != "Debug");
                let entries = fields.iter().map(|f| {
                    let field = ident(&f.ident);
                    let label = f.ident.trim_start_matches("r#");
                    if f.sensitive {
                        quote! { .field(#label, &"***") }
                    } else {
                        quote! { .field(#label, &self.#field) }
                    }
                });
                let label = def.name.as_str();
                quote! {
                    impl std::fmt::Debug for #name {
                        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                            f.debug_struct(#label)
                                #(#entries)*
                                .finish()
                        }
                    }
                }
            });
            // A request's fields are all `Option`s; a nested struct with no required field
            // gets `new()`, which clippy wants to be its `Default` too.
            let no_required = def.constructor.is_some() && fields.iter().all(|f| !f.required);
            if request || no_required {
                derives.push(quote! { Default });
            }
            let fields = fields
                .iter()
                .map(|f| struct_field(api, f, def, module, request));
            let constructor = def
                .constructor
                .as_ref()
                .map(|setters| nested_constructor(api, def, setters));
            quote! {
                #doc
                #[derive(#(#derives),*)]
                pub struct #name {
                    #(#fields,)*
                }
                #redacted_debug
                #constructor
                #serialize
                #deserialize
            }
        }
        TypeKind::StringEnum(variants) => {
            let decl = variants.iter().map(|(v, value)| {
                let v = ident(v);
                let doc = format!(" `{value}`");
                quote! { #[doc = #doc] #v, }
            });
            let as_arms = variants.iter().map(|(v, value)| {
                let v = ident(v);
                quote! { Self::#v => #value, }
            });
            let from_arms = variants.iter().map(|(v, value)| {
                let v = ident(v);
                quote! { #value => Self::#v, }
            });
            let serialize = def.serialize.then(|| {
                quote! {
                    impl serde::Serialize for #name {
                        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                            serializer.serialize_str(self.as_str())
                        }
                    }
                }
            });
            let deserialize = def.deserialize.then(|| {
                quote! {
                    impl<'de> serde::Deserialize<'de> for #name {
                        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                            crate::__private::string_enum(deserializer)
                        }
                    }
                }
            });
            quote! {
                #doc
                #[derive(Debug, Clone, PartialEq, Hash)]
                pub enum #name {
                    #(#decl)*
                    /// A value this version of the crate does not know.
                    Other(String),
                }

                impl Eq for #name {}

                impl #name {
                    /// The value as the server spells it.
                    #[inline]
                    pub fn as_str(&self) -> &str {
                        match self {
                            #(#as_arms)*
                            Self::Other(value) => value,
                        }
                    }
                }

                impl From<&str> for #name {
                    #[inline]
                    fn from(value: &str) -> Self {
                        match value {
                            #(#from_arms)*
                            other => Self::Other(other.to_owned()),
                        }
                    }
                }

                impl std::fmt::Display for #name {
                    #[inline]
                    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str(self.as_str())
                    }
                }

                #serialize
                #deserialize
            }
        }
        TypeKind::Tagged(variants) => {
            let decl = variants.iter().map(|v| {
                let variant = ident(&v.ident);
                let ty = ty_tokens(api, &v.ty, module);
                let ty = if v.boxed {
                    quote! { Box<#ty> }
                } else {
                    ty
                };
                let doc = format!(
                    " `type: {}`",
                    v.values
                        .iter()
                        .map(|s| format!("\"{s}\""))
                        .collect::<Vec<_>>()
                        .join(" | ")
                );
                quote! { #[doc = #doc] #variant(#ty), }
            });
            let deserialize = def.deserialize.then(|| {
                let arms = variants.iter().map(|v| {
                    let variant = ident(&v.ident);
                    let values = &v.values;
                    let wrap = if v.boxed { quote! { |v| Self::#variant(Box::new(v)) } } else { quote! { Self::#variant } };
                    quote! { #(Some(#values))|* => crate::__private::variant(value, #wrap, Self::Unknown), }
                });
                quote! {
                    impl<'de> serde::Deserialize<'de> for #name {
                        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                            let value = serde_json::Value::deserialize(deserializer)?;
                            Ok(match value.get("type").and_then(serde_json::Value::as_str) {
                                #(#arms)*
                                _ => Self::Unknown(value),
                            })
                        }
                    }
                }
            });
            let serialize = def.serialize.then(|| {
                let arms = variants.iter().map(|v| {
                    let variant = ident(&v.ident);
                    if v.writes_tag {
                        let value = &v.values[0];
                        quote! { Self::#variant(v) => crate::__private::tagged(serializer, "type", #value, v), }
                    } else {
                        quote! { Self::#variant(v) => serde::Serialize::serialize(v, serializer), }
                    }
                });
                quote! {
                    impl serde::Serialize for #name {
                        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                            match self {
                                #(#arms)*
                                Self::Unknown(v) => serde::Serialize::serialize(v, serializer),
                            }
                        }
                    }
                }
            });
            quote! {
                #doc
                #[derive(Debug, Clone)]
                pub enum #name {
                    #(#decl)*
                    /// A `type` this version of the crate does not know, or a body that does not
                    /// fit its variant: the JSON as the server sent it.
                    Unknown(serde_json::Value),
                }

                #deserialize
                #serialize
            }
        }
        TypeKind::Untagged(variants) => {
            if def.serialize {
                derives.push(quote! { serde::Serialize });
            }
            if def.deserialize {
                derives.push(quote! { serde::Deserialize });
            }
            let decl = variants.iter().map(|v| {
                let variant = ident(&v.ident);
                let ty = ty_tokens(api, &v.ty, module);
                let ty = if v.boxed {
                    quote! { Box<#ty> }
                } else {
                    ty
                };
                let doc = format!(" A JSON {}.", v.ident.to_lowercase());
                quote! { #[doc = #doc] #variant(#ty), }
            });
            quote! {
                #doc
                #[derive(#(#derives),*)]
                #[serde(untagged)]
                pub enum #name {
                    #(#decl)*
                    /// Anything else, as JSON.
                    Other(serde_json::Value),
                }
            }
        }
    }
}

fn endpoint_name(api: &Api, module: &[String]) -> String {
    api.endpoints
        .iter()
        .find(|e| module.len() > 1 && e.module == module[1..])
        .map(|e| e.name.clone())
        .unwrap_or_default()
}

/// A JSON pointer into the spec, shortened for a doc comment:
/// `/paths/~1notes~1create/post/requestBody/content/application~1json/schema/properties/poll`
/// becomes `notes/create` request: `poll`.
fn readable_origin(pointer: &str) -> String {
    let parts: Vec<String> = pointer
        .split('/')
        .skip(1)
        .map(|p| p.replace("~1", "/").replace("~0", "~"))
        .collect();
    let (head, rest) = match parts.as_slice() {
        [first, path, _method, rest @ ..] if first == "paths" => {
            (path.trim_start_matches('/').to_owned(), rest)
        }
        [first, _schemas, name, rest @ ..] if first == "components" => (name.clone(), rest),
        _ => return pointer.to_owned(),
    };
    let mut out = Vec::new();
    let mut iter = rest.iter().peekable();
    while let Some(part) = iter.next() {
        match part.as_str() {
            "requestBody" => out.push("request".to_owned()),
            "responses" => {
                iter.next();
                out.push("response".to_owned());
            }
            "content" | "schema" => {
                if part == "content" {
                    iter.next();
                }
            }
            "properties" => {
                if let Some(name) = iter.next() {
                    out.push(format!(".{name}"));
                }
            }
            "items" => out.push("[]".to_owned()),
            "additionalProperties" => out.push("{}".to_owned()),
            "allOf" | "oneOf" | "anyOf" | "prefixItems" => {
                iter.next();
            }
            other => out.push(other.to_owned()),
        }
    }
    format!("{head} {}", out.concat())
        .trim()
        .replace(" .", " ")
        .replace("request.", "request ")
        .replace("response.", "response ")
}

fn field_doc(f: &Field, request: bool) -> Vec<String> {
    let mut doc: Vec<String> = f
        .doc
        .as_deref()
        .map(|d| d.lines().map(escape_doc).collect())
        .unwrap_or_default();
    if !doc.is_empty() {
        doc.push(String::new());
    }
    // Read from the side that uses the field: what must be sent, or what arrives.
    let presence = match (request, f.required, f.nullable) {
        (true, true, false) => "required",
        (true, true, true) => "required, may be null",
        (true, false, false) => "optional",
        (true, false, true) => "optional; sending null is not the same as leaving it out",
        (false, true, false) => "always present",
        (false, true, true) => "always present, may be null",
        (false, false, false) => "may be absent",
        (false, false, true) => "may be absent or null",
    };
    doc.push(format!("`{}`: {presence}.", f.json));
    doc
}

/// A field's type as its struct holds it.
fn field_ty(api: &Api, f: &Field, module: &[String]) -> TokenStream {
    let inner = if f.ty == Ty::Upload {
        quote! { crate::upload::UploadFile }
    } else {
        ty_tokens(api, &f.ty, module)
    };
    let inner = if f.boxed {
        quote! { Box<#inner> }
    } else {
        inner
    };
    match f.storage {
        Storage::Plain => inner,
        Storage::Option => quote! { Option<#inner> },
        Storage::NullableOption => quote! { Option<Option<#inner>> },
    }
}

fn struct_field(
    api: &Api,
    f: &Field,
    def: &TypeDef,
    module: &[String],
    request: bool,
) -> TokenStream {
    let name = ident(&f.ident);
    let doc = doc_attrs(&field_doc(f, def.serialize && !def.deserialize));
    let ty = field_ty(api, f, module);
    // Without serde's derives, the generated impls below read the field's JSON name and
    // presence from the IR; there is nothing to tell serde.
    if !api.serde_derives || !(def.serialize || def.deserialize) {
        return quote! { #doc pub #name: #ty };
    }
    // Files and parameters outside the body are sent by the client, not by serde.
    if !travels_in_json(f) {
        return quote! { #doc #[serde(skip)] pub #name: #ty };
    }
    let mut attrs = Vec::new();
    if f.ident.trim_start_matches("r#") != f.json {
        let json = &f.json;
        attrs.push(quote! { rename = #json });
    }
    if f.lenient_number {
        let with = if f.storage == Storage::Plain {
            "crate::__private::number"
        } else {
            "crate::__private::option_number"
        };
        attrs.push(quote! { deserialize_with = #with });
    }
    if f.storage != Storage::Plain {
        if def.serialize && skipped_when_none(f, request) {
            attrs.push(quote! { skip_serializing_if = "Option::is_none" });
        }
        // An optional field, or a lenient one (`deserialize_with` loses serde's own
        // "missing means None"), may be absent.
        if def.deserialize && (!f.required || f.lenient_number) {
            attrs.push(quote! { default });
        }
    }
    let serde = (!attrs.is_empty()).then(|| quote! { #[serde(#(#attrs),*)] });
    quote! { #doc #serde pub #name: #ty }
}

/// Whether serde writes and reads the field: files and parameters outside the body are
/// sent by the client itself.
fn travels_in_json(f: &Field) -> bool {
    f.ty != Ty::Upload && f.location == Location::Body
}

/// Whether an absent field is left out when serializing: an optional field, or any field
/// of a request, whose required fields are only unset when the builder refuses to send it.
/// A required field that may be null is sent as `null`.
fn skipped_when_none(f: &Field, request: bool) -> bool {
    f.storage != Storage::Plain && (!f.required || request)
}

/// `Serialize` for a struct: each field under its JSON name, a `None` that may be left out
/// left out. The calls serde's derive makes, without the attributes it would expand.
fn serialize_impl(def: &TypeDef, fields: &[Field], request: bool) -> TokenStream {
    let name = ident(&def.name);
    let label = def.name.as_str();
    // Each field's statement, and the struct's length, as serde's derive gives it:
    // `to_value`, which the client encodes requests with, sizes its map by it.
    let mut entries = Vec::new();
    let mut always = 0;
    let mut maybe = Vec::new();
    for f in fields.iter().filter(|f| travels_in_json(f)) {
        let field = ident(&f.ident);
        let json = &f.json;
        if skipped_when_none(f, request) {
            entries.push(quote! {
                if let Some(value) = &self.#field {
                    state.serialize_field(#json, value)?;
                }
            });
            maybe.push(quote! { usize::from(self.#field.is_some()) });
        } else {
            entries.push(quote! { state.serialize_field(#json, &self.#field)?; });
            always += 1;
        }
    }
    if entries.is_empty() {
        return quote! {
            impl serde::Serialize for #name {
                fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    use serde::ser::SerializeStruct as _;
                    serializer.serialize_struct(#label, 0)?.end()
                }
            }
        };
    }
    let count = proc_macro2::Literal::usize_unsuffixed(always);
    let len = match (always, maybe.is_empty()) {
        (_, true) => quote! { #count },
        (0, false) => quote! { #(#maybe)+* },
        (_, false) => quote! { #count #(+ #maybe)* },
    };
    quote! {
        impl serde::Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeStruct as _;
                let len = #len;
                let mut state = serializer.serialize_struct(#label, len)?;
                #(#entries)*
                state.end()
            }
        }
    }
}

/// `Deserialize` for a struct, through `crate::__private::Object`: a slot per field, one
/// match on the key, then each field's value or what its absence means. What serde's
/// derive would write for JSON, without the field enum, its visitor and the sequence form.
fn deserialize_impl(api: &Api, def: &TypeDef, fields: &[Field], module: &[String]) -> TokenStream {
    let name = ident(&def.name);
    let expecting = format!("struct {}", def.name);
    // A slot takes the field's name, unless that is one of the function's own.
    let slot = |f: &Field| match f.ident.as_str() {
        "map" | "key" => format_ident!("{}_", f.ident),
        other => ident(other),
    };
    let read = fields.iter().filter(|f| travels_in_json(f));
    let slots = read.clone().map(|f| {
        let slot = slot(f);
        let ty = field_ty(api, f, module);
        quote! { let mut #slot: Option<#ty> = None; }
    });
    let arms = read.clone().map(|f| {
        let slot = slot(f);
        let json = &f.json;
        let read = if f.lenient_number {
            quote! { crate::__private::number_field(&mut map, &mut #slot, #json) }
        } else {
            quote! { crate::__private::field(&mut map, &mut #slot, #json) }
        };
        quote! { #json => #read, }
    });
    let values = fields.iter().map(|f| {
        let field = ident(&f.ident);
        if !travels_in_json(f) {
            return quote! { #field: Default::default() };
        }
        let slot = slot(f);
        let json = &f.json;
        match f.storage {
            // Absent and null alike are `None`.
            Storage::Option | Storage::NullableOption => quote! { #field: #slot.flatten() },
            Storage::Plain => quote! { #field: crate::__private::required(#slot, #json)? },
        }
    });
    quote! {
        impl<'de> serde::Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                crate::__private::object(deserializer)
            }
        }

        impl crate::__private::Object for #name {
            const EXPECTING: &'static str = #expecting;

            fn from_map<'de, A: serde::de::MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
                #(#slots)*
                while let Some(key) = map.next_key::<crate::__private::Key<'de>>()? {
                    match key.as_str() {
                        #(#arms)*
                        _ => crate::__private::skip(&mut map),
                    }?;
                }
                Ok(Self {
                    #(#values,)*
                })
            }
        }
    }
}

pub fn ty_tokens(api: &Api, ty: &Ty, module: &[String]) -> TokenStream {
    match ty {
        Ty::String => quote! { String },
        Ty::Id => quote! { crate::types::Id },
        Ty::DateTime => quote! { crate::types::DateTime },
        Ty::Integer => quote! { i64 },
        Ty::Number => quote! { f64 },
        Ty::Bool => quote! { bool },
        Ty::Value => quote! { serde_json::Value },
        Ty::Object => quote! { serde_json::Map<String, serde_json::Value> },
        Ty::Map(value) => {
            let value = ty_tokens(api, value, module);
            quote! { std::collections::HashMap<String, #value> }
        }
        Ty::Vec(item) => {
            let item = ty_tokens(api, item, module);
            quote! { Vec<#item> }
        }
        Ty::Tuple(parts) => {
            let parts: Vec<TokenStream> = parts.iter().map(|p| ty_tokens(api, p, module)).collect();
            match parts.as_slice() {
                // A one-element tuple needs its comma: `(T)` is `T`.
                [one] => quote! { (#one,) },
                _ => quote! { (#(#parts),*) },
            }
        }
        Ty::Option(inner) => {
            let inner = ty_tokens(api, inner, module);
            quote! { Option<#inner> }
        }
        Ty::Named(id) => path_tokens(&api.type_path(*id, module)),
        Ty::Unit => quote! { () },
        Ty::Upload => quote! { crate::upload::UploadFile },
    }
}

fn path_tokens(path: &[String]) -> TokenStream {
    let parts = path.iter().map(|p| ident(p));
    quote! { #(#parts)::* }
}

fn option_str(value: Option<&str>) -> TokenStream {
    match value {
        Some(v) => quote! { Some(#v) },
        None => quote! { None },
    }
}

pub fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

fn doc_attrs(lines: &[String]) -> TokenStream {
    let lines = lines.iter().map(|l| {
        if l.is_empty() {
            String::new()
        } else {
            format!(" {l}")
        }
    });
    quote! { #(#[doc = #lines])* }
}

/// Spec text goes into rustdoc as Markdown; keep it from being read as HTML or links.
fn escape_doc(text: &str) -> String {
    let escaped = text
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('[', "\\[")
        .replace(']', "\\]");
    // Bare URLs become links (rustdoc warns about them otherwise).
    escaped
        .split(' ')
        .map(
            |word| match word.find("http://").or_else(|| word.find("https://")) {
                Some(start) => {
                    let (before, url) = word.split_at(start);
                    let end = url
                        .trim_end_matches(['.', ',', ';', ':', ')', '\'', '"'])
                        .len();
                    let (url, after) = url.split_at(end);
                    format!("{before}<{url}>{after}")
                }
                None => word.to_owned(),
            },
        )
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::escape_doc;

    #[test]
    fn spec_text_is_escaped_for_rustdoc() {
        assert_eq!(
            escape_doc("See https://github.com/misskey-dev/misskey/issues/12964."),
            "See <https://github.com/misskey-dev/misskey/issues/12964>."
        );
        assert_eq!(escape_doc("a <b> [c]"), "a &lt;b&gt; \\[c\\]");
        assert_eq!(
            escape_doc("(https://example.com)"),
            "(<https://example.com>)"
        );
    }
}
