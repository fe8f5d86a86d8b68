//! The intermediate representation: what will be generated, decided from the spec as read.
//!
//! Every decision about the generated Rust is made here and recorded in these types; `emit`
//! only prints them. The work is split by concern, each module a step over the IR:
//!
//! - `builder`: the state of one build, component schemas, references (guarded against
//!   cycles), and the warnings;
//! - `convert`: one schema to one Rust type; `shape` merges `allOf` and object unions into
//!   one object; `unions` decides what a `oneOf`/`anyOf` becomes; `constraints` records what
//!   a field's schema says of its values (bounds, defaults, enum values);
//! - `endpoint`: a path's request (body, path, query and header parameters), response and
//!   error codes, and its pagination;
//! - passes over the finished types: `cycles` (recursive aliases and boxing), `derives`,
//!   `storage` (how each field is held and read), `setters` (the builders' method names) and
//!   `accessors` (the untagged unions' `as_…`/`into_…`).
//!
//! A type's public name comes from its own place in the spec alone: its component's name,
//! or its endpoint and property path (`notes::create::RequestPoll`), never from what else
//! the spec holds, so that code written against one spec compiles against the next. Inline
//! shapes that print the same are still generated once: the first place defines the type,
//! every other place names it through an alias of its own.

mod accessors;
mod builder;
mod constraints;
mod convert;
mod cycles;
mod derives;
mod endpoint;
mod schema;
mod setters;
mod shape;
mod storage;
mod unions;

use std::collections::HashMap;

use crate::diagnostics::{Warning, Warnings};
use crate::names::{self, Scope};
use crate::normalize::escape;
use crate::spec::{RefOr, Spec};
use crate::Options;
use builder::Builder;

/// Index of a [`TypeDef`] in [`Api::types`].
pub type TypeId = usize;

/// A Rust type as a field, an element or a response sees it.
#[derive(Debug, Clone, PartialEq)]
pub enum Ty {
    String,
    Id,
    DateTime,
    Integer,
    Number,
    Bool,
    /// Anything: `serde_json::Value`.
    Value,
    /// An object with no declared properties: `serde_json::Map`.
    Object,
    Map(Box<Ty>),
    Vec(Box<Ty>),
    Tuple(Vec<Ty>),
    /// May be `null` (an element of a list, a response).
    Option(Box<Ty>),
    Named(TypeId),
    /// Nothing (a `204` response).
    Unit,
    /// A file part of a multipart body.
    Upload,
}

/// A generated named type.
#[derive(Debug, Clone)]
pub struct TypeDef {
    pub name: String,
    /// Module path below the crate root: `["models"]`, `["endpoints", "notes", "create"]`.
    pub module: Vec<String>,
    pub doc: Option<String>,
    /// Where in the spec the type comes from (a JSON pointer).
    pub origin: String,
    pub kind: TypeKind,
    pub serialize: bool,
    pub deserialize: bool,
    /// An alias standing for an identical shape defined at another place: it has a name of
    /// its own, but no definition to compare or document.
    pub same_as: Option<TypeId>,
    /// For such an alias: the types of the shape's fields or variants as this place names
    /// them (its own nested aliases), in the definition's order; what the public surface
    /// shows, so that it does not depend on which place defines the shape.
    pub place_tys: Vec<Ty>,
    /// A struct that requests send (not an endpoint's `Request`, whose builder is the
    /// client's): `new` takes its required fields, these setters the others.
    pub constructor: Option<Vec<Setter>>,
}

impl TypeDef {
    pub fn new(name: String, module: Vec<String>, origin: String, kind: TypeKind) -> TypeDef {
        TypeDef {
            name,
            module,
            doc: None,
            origin,
            kind,
            serialize: false,
            deserialize: false,
            same_as: None,
            place_tys: Vec::new(),
            constructor: None,
        }
    }
}

#[derive(Debug, Clone)]
pub enum TypeKind {
    /// Reserved while a component is being converted.
    Pending,
    Struct(Vec<Field>),
    /// String values, with an `Other(String)` fallback.
    StringEnum(Vec<(String, String)>),
    /// Objects told apart by a `type` property, with an `Unknown(Value)` fallback.
    Tagged(Vec<TaggedVariant>),
    /// Values of different JSON kinds, with an `Other(Value)` fallback.
    Untagged(Vec<UntaggedVariant>),
    Alias(Ty),
    /// A type that contains itself through a list or map (`A = [A]`): an alias cannot say
    /// that in Rust, a transparent newtype can.
    Newtype(Ty),
}

#[derive(Debug, Clone)]
pub struct Field {
    /// The name in JSON (or in the URL, query string or header).
    pub json: String,
    pub ident: String,
    pub ty: Ty,
    pub required: bool,
    pub nullable: bool,
    pub doc: Option<String>,
    /// Held in a `Box` (the field's type contains the struct).
    pub boxed: bool,
    pub location: Location,
    /// How the field is held; decided by the `storage` pass.
    pub storage: Storage,
    /// Read with a helper that also takes numbers sent as strings; decided by `storage`.
    pub lenient_number: bool,
    /// A credential (a password, a token, a secret): `Debug` shows `***` instead.
    pub sensitive: bool,
    /// What the spec says of its values beside their type.
    pub constraints: Constraints,
}

/// What a field's schema says of the values it takes, beside their type: the allowed values,
/// bounds, a default. Recorded for every field; the docs of what requests send show them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Constraints {
    /// The values of the generated string enum that is the field's type, as they are sent.
    pub values: Vec<String>,
    /// What the server assumes when the field is left out.
    pub default: Option<serde_json::Value>,
    /// A lower bound, and whether it is exclusive.
    pub minimum: Option<(serde_json::Number, bool)>,
    /// An upper bound, and whether it is exclusive.
    pub maximum: Option<(serde_json::Number, bool)>,
    pub min_length: Option<u64>,
    pub max_length: Option<u64>,
    pub min_items: Option<u64>,
    pub max_items: Option<u64>,
    pub unique_items: bool,
    pub pattern: Option<String>,
    /// A `format` of text that the Rust type does not already say (`url`, `email`).
    pub format: Option<String>,
    /// What each item of a list takes.
    pub items: Option<Box<Constraints>>,
}

impl Constraints {
    /// It says nothing.
    pub fn is_empty(&self) -> bool {
        *self == Constraints::default()
    }
}

/// Where a request parameter travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location {
    /// The JSON (or multipart) body.
    Body,
    /// A `{name}` segment of the path.
    Path,
    /// The query string.
    Query,
    /// A request header.
    Header,
}

/// How a field is held in its struct.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Storage {
    /// `T`.
    Plain,
    /// `Option<T>`: absent (or, in a response, null).
    Option,
    /// `Option<Option<T>>`: a request field that may be left out, sent as `null`, or set.
    NullableOption,
}

#[derive(Debug, Clone)]
pub struct TaggedVariant {
    pub ident: String,
    /// The `type` values that select this variant.
    pub values: Vec<String>,
    pub ty: Ty,
    pub boxed: bool,
    /// Serializing writes the `type` tag beside the body (an inline body without its own
    /// `type` field); otherwise the body carries its own.
    pub writes_tag: bool,
}

#[derive(Debug, Clone)]
pub struct UntaggedVariant {
    pub ident: String,
    pub ty: Ty,
    pub boxed: bool,
    /// The stem of its accessors (`as_one`, `into_one`); decided by `accessors`.
    pub accessor: String,
    /// What the variant holds, for its doc; decided by `accessors`.
    pub doc: String,
}

/// How an endpoint is called over HTTP.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HttpMethod {
    /// `POST` with the parameters in the body: every Misskey endpoint.
    Post,
    /// `GET` with the parameters in the query string: a path that declares only `get`.
    Get,
}

/// One endpoint.
#[derive(Debug, Clone)]
pub struct Endpoint {
    /// `notes/create`.
    pub name: String,
    /// Module names below `endpoints`: `["notes", "create"]`.
    pub module: Vec<String>,
    /// The `Client` method: `notes_create`.
    pub method: String,
    pub feature: Option<String>,
    pub description: Option<String>,
    pub requires_credential: bool,
    pub permission: Option<String>,
    pub multipart: bool,
    pub http_method: HttpMethod,
    /// The path also declares `get` (beside `post`).
    pub get_allowed: bool,
    pub source: Option<String>,
    pub request: TypeId,
    pub response: Ty,
    pub error_codes: Vec<ErrorCode>,
    pub pagination: Option<Pagination>,
    /// The builder's setters, one per request field, required or not.
    pub setters: Vec<Setter>,
    /// The spec declares `204 No Content` beside a body: some calls answer nothing (a
    /// scheduled `notes/create`). The response type stays the body's, so that code keeps
    /// compiling whether or not a spec declares it; `send_optional` reads the empty answer.
    pub may_answer_nothing: bool,
    /// Names users search the docs for (`home_timeline` for `notes/timeline`).
    pub doc_aliases: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct ErrorCode {
    pub code: String,
    pub ident: String,
    pub message: Option<String>,
    pub id: Option<String>,
    pub status: Option<u16>,
}

#[derive(Debug, Clone)]
pub struct Pagination {
    pub item: Ty,
    /// The request fields that carry the cursors and the page size.
    pub since_id: String,
    pub until_id: String,
    pub limit: String,
    pub limit_is_number: bool,
    pub item_id: ItemId,
}

/// How to read an item's id, for pagination cursors.
#[derive(Debug, Clone)]
pub enum ItemId {
    /// The item is a struct with this `id` field.
    Field(String),
    /// The item is a tagged union (`type`): each variant's `id` field, by variant.
    Tagged {
        union: TypeId,
        variants: Vec<(String, String)>,
    },
}

/// A setter on an endpoint's request builder.
#[derive(Debug, Clone)]
pub struct Setter {
    /// The request field it sets.
    pub field: String,
    /// The method's name: the field's, unless the builder already has a method of that name.
    pub name: String,
    /// The field must be set before the request is sent.
    pub required: bool,
    /// For a field that may be sent as `null`: the method that does.
    pub null_name: Option<String>,
}

/// Everything to generate.
#[derive(Debug)]
pub struct Api {
    pub title: String,
    pub version: String,
    pub types: Vec<TypeDef>,
    /// Component schemas, in the spec's order.
    pub models: Vec<TypeId>,
    pub endpoints: Vec<Endpoint>,
    /// Paths in the spec, and how many of them a disabled feature left out.
    pub spec_paths: usize,
    pub disabled_paths: usize,
    /// What the generator assumed where the spec was odd.
    pub warnings: Vec<Warning>,
    /// Structs get serde's derives instead of the leaner generated impls (the compile-time
    /// benchmark's baseline).
    pub serde_derives: bool,
    /// What the table of fields servers leave out changed in this spec.
    pub overrides: crate::overrides::Report,
    /// The labels of the merged specs (`Misskey 2025.2.1`), empty for a single spec.
    pub specs: Vec<String>,
    /// In a merge, every place not all specs have (by JSON pointer), with those that have it.
    pub availability: std::collections::BTreeMap<String, Vec<String>>,
}

/// Methods of `Client` written by hand (in every `impl Client` of the core, public or not);
/// generated methods must not take these names. A test reads the core's source to keep
/// this list complete.
pub const CLIENT_RESERVED: &[&str] = &[
    "new",
    "builder",
    "call",
    "call_raw",
    "call_raw_with",
    "call_optional",
    "call_body",
    "streaming",
    "paginate",
    "clone",
    "fmt",
    "base_url",
    "endpoint_url",
    "token",
    "auth_mode",
    "timeout",
    "http_client",
    "with_token",
    "decode",
    "decode_with",
    "secrets",
    "user_agent",
    "server",
    "refresh_server",
    "supports",
    "supports_endpoint",
    "check_supported",
    "known_server",
    "checks_support",
    "send",
    "send_with",
    "send_in_span",
    "send_once",
];

/// What users call an endpoint when they look for it: `#[doc(alias)]`es of its method.
const DOC_ALIASES: &[(&str, &[&str])] = &[
    ("notes/timeline", &["home_timeline", "timeline"]),
    ("notes/create", &["post", "toot", "tweet", "create_note"]),
    ("drive/files/create", &["upload", "upload_file"]),
    ("following/create", &["follow"]),
    ("following/delete", &["unfollow"]),
    ("notes/reactions/create", &["react", "reaction"]),
    ("i", &["me", "whoami", "verify_credentials"]),
    ("i/notifications", &["notifications"]),
];

/// Methods every endpoint's `Builder` has by hand (`builder_methods!` in the core, with its
/// trait impls); a setter must not take these names. A test reads the core's source to keep
/// this list complete.
pub const BUILDER_RESERVED: &[&str] = &[
    "new",
    "request",
    "request_mut",
    "into_request",
    "send",
    "send_optional",
    "paginate",
    "into_future",
    "fmt",
];

/// The error codes Misskey's API layer itself answers, for any endpoint (checks of the
/// token, the parameters, the rate limit, the account): one `CommonErrorCode` enum in the
/// core rather than a copy in every endpoint's `ErrorCode`. A test reads the core's enum to
/// keep the two lists the same.
pub const COMMON_ERROR_CODES: &[&str] = &[
    "INVALID_PARAM",
    "CREDENTIAL_REQUIRED",
    "AUTHENTICATION_FAILED",
    "PERMISSION_DENIED",
    "ROLE_PERMISSION_DENIED",
    "YOUR_ACCOUNT_SUSPENDED",
    "YOUR_ACCOUNT_MOVED",
    "RATE_LIMIT_EXCEEDED",
    "UNKNOWN_API_ENDPOINT",
    "I_AM_AI",
    "INTERNAL_ERROR",
];

impl Api {
    pub fn build(spec: &Spec<'_>, options: &Options, warnings: Warnings) -> Api {
        let mut builder = Builder::new(spec, warnings);
        builder.components();
        builder.break_alias_cycles();
        let mut endpoints = Vec::new();
        let mut disabled = 0;
        let mut methods = Scope::with_reserved(CLIENT_RESERVED);
        let mut modules: HashMap<Vec<String>, Scope> = HashMap::new();
        let mut module_names: HashMap<String, String> = HashMap::new();
        for (path, item) in &spec.paths {
            let pointer = format!("/paths/{}", escape(path));
            let name = path.trim_start_matches('/').to_owned();
            let group = name.split('/').next().unwrap_or_default().to_owned();
            let feature = options.features.declared.iter().find(|(f, _)| *f == group);
            if let Some((_, false)) = feature {
                disabled += 1;
                continue;
            }
            let mut module = Vec::new();
            let mut parent = Vec::new();
            for segment in name.split('/') {
                let scope = modules.entry(parent.clone()).or_default();
                // Not `r#move`: rustdoc cannot link to raw identifiers.
                let ident = names::snake(segment);
                let ident = match ident.strip_prefix("r#") {
                    Some(keyword) => format!("{keyword}_"),
                    None => ident,
                };
                // Two paths whose segments differ only in case or punctuation would share a
                // module; the second gets a numbered one.
                let key = format!("{}::{}", parent.join("::"), segment);
                let ident = module_names
                    .entry(key)
                    .or_insert_with(|| scope.claim(&ident))
                    .clone();
                module.push(ident.clone());
                parent.push(ident);
            }
            let method = methods.claim(&names::snake(&name.replace('/', "_")));
            let item = match item {
                RefOr::Item(item) => Some(item),
                RefOr::Ref(reference) => {
                    builder.warn(
                        &pointer,
                        format!("a path item given as a reference (`{reference}`) is not followed; read as an endpoint with no parameters that answers any JSON"),
                    );
                    None
                }
            };
            let mut endpoint = builder.endpoint(&name, module, method, item, &pointer);
            endpoint.feature = feature.map(|(f, _)| f.clone());
            endpoint.doc_aliases = DOC_ALIASES
                .iter()
                .filter(|(n, _)| *n == name)
                .flat_map(|(_, aliases)| aliases.iter().map(|a| (*a).to_owned()))
                .collect();
            endpoints.push(endpoint);
        }
        builder.enum_values();
        builder.box_recursion();
        builder.derives(&endpoints, options.derive_all);
        let requests: Vec<TypeId> = endpoints.iter().map(|e| e.request).collect();
        builder.storage(&requests);
        for endpoint in &mut endpoints {
            endpoint.setters = builder.setters(endpoint.request, true);
        }
        builder.constructors(&requests);
        builder.accessors(&endpoints);
        let Builder {
            types,
            models,
            warnings,
            ..
        } = builder;
        Api {
            title: spec.title.to_owned(),
            version: spec.version.to_owned(),
            types,
            models,
            endpoints,
            spec_paths: spec.paths.len(),
            disabled_paths: disabled,
            warnings: warnings.into_inner().into_vec(),
            serde_derives: options.derive_all,
            overrides: Default::default(),
            specs: Vec::new(),
            availability: Default::default(),
        }
    }

    /// A type's path as seen from `from` (a module path).
    pub fn type_path(&self, id: TypeId, from: &[String]) -> Vec<String> {
        let def = &self.types[id];
        if def.module == from {
            vec![def.name.clone()]
        } else {
            let mut path = vec!["crate".to_owned()];
            path.extend(def.module.iter().cloned());
            path.push(def.name.clone());
            path
        }
    }

    /// The fields of a struct type (an endpoint's `Request` always is one).
    pub fn fields(&self, id: TypeId) -> &[Field] {
        self.fields_of(&self.types[id])
    }

    pub fn fields_of<'d>(&self, def: &'d TypeDef) -> &'d [Field] {
        match &def.kind {
            TypeKind::Struct(fields) => fields,
            _ => &[],
        }
    }

    /// Whether the type is an endpoint's `Request`.
    pub fn is_request(&self, id: TypeId) -> bool {
        self.endpoints.iter().any(|e| e.request == id)
    }
}

/// Every `Ty` a definition holds, to change in place.
pub fn kind_tys_mut(kind: &mut TypeKind) -> Vec<&mut Ty> {
    match kind {
        TypeKind::Struct(fields) => fields.iter_mut().map(|f| &mut f.ty).collect(),
        TypeKind::Tagged(variants) => variants.iter_mut().map(|v| &mut v.ty).collect(),
        TypeKind::Untagged(variants) => variants.iter_mut().map(|v| &mut v.ty).collect(),
        TypeKind::Alias(t) | TypeKind::Newtype(t) => vec![t],
        TypeKind::Pending | TypeKind::StringEnum(_) => vec![],
    }
}

/// Replaces every type id a type names, wherever it appears.
pub(crate) fn map_named(ty: &mut Ty, f: &impl Fn(TypeId) -> TypeId) {
    match ty {
        Ty::Named(id) => *id = f(*id),
        Ty::Map(t) | Ty::Vec(t) | Ty::Option(t) => map_named(t, f),
        Ty::Tuple(parts) => parts.iter_mut().for_each(|p| map_named(p, f)),
        _ => {}
    }
}

/// Every type a type's definition names, wherever it appears.
pub(crate) fn all_refs(kind: &TypeKind) -> Vec<TypeId> {
    let mut out = Vec::new();
    for ty in kind_tys(kind) {
        collect_named(ty, &mut out);
    }
    out
}

/// The types a definition holds, one per field or variant.
pub(crate) fn kind_tys(kind: &TypeKind) -> Vec<&Ty> {
    match kind {
        TypeKind::Struct(fields) => fields.iter().map(|f| &f.ty).collect(),
        TypeKind::Tagged(variants) => variants.iter().map(|v| &v.ty).collect(),
        TypeKind::Untagged(variants) => variants.iter().map(|v| &v.ty).collect(),
        TypeKind::Alias(t) | TypeKind::Newtype(t) => vec![t],
        TypeKind::Pending | TypeKind::StringEnum(_) => vec![],
    }
}

pub(crate) fn collect_named(ty: &Ty, out: &mut Vec<TypeId>) {
    match ty {
        Ty::Named(id) => out.push(*id),
        Ty::Map(t) | Ty::Vec(t) | Ty::Option(t) => collect_named(t, out),
        Ty::Tuple(parts) => parts.iter().for_each(|p| collect_named(p, out)),
        _ => {}
    }
}

/// Types a type holds without indirection (not behind a `Vec`, a map or a `Box`).
fn direct_named(ty: &Ty, out: &mut Vec<TypeId>) {
    match ty {
        Ty::Named(id) => out.push(*id),
        Ty::Tuple(parts) => parts.iter().for_each(|p| direct_named(p, out)),
        Ty::Option(inner) => direct_named(inner, out),
        _ => {}
    }
}
