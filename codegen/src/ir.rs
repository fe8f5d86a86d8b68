//! The intermediate representation: what will be generated, decided from the parsed spec.
//!
//! Every decision about Rust types happens here (unions merged or tagged, `allOf` flattened,
//! inline shapes named and shared, recursion boxed, derives chosen); `emit` only prints.

use std::collections::{HashMap, HashSet};

use openapiv3::{
    AdditionalProperties, OpenAPI, ReferenceOr, Schema, SchemaKind, StatusCode, StringFormat, Type,
    VariantOrUnknownOrEmpty,
};
use serde_json::Value;

use crate::names::{self, Scope};
use crate::normalize::{escape, NULL_ONLY, PREFIX_ITEMS};
use crate::overrides;
use crate::{Error, Options};

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
    Untagged(Vec<(String, Ty)>),
    Alias(Ty),
}

#[derive(Debug, Clone)]
pub struct Field {
    /// The name in JSON.
    pub json: String,
    pub ident: String,
    pub ty: Ty,
    pub required: bool,
    pub nullable: bool,
    pub doc: Option<String>,
    pub boxed: bool,
    /// A path parameter (`/miauth/{session}/check`): part of the URL, not of the body.
    pub in_path: bool,
}

#[derive(Debug, Clone)]
pub struct TaggedVariant {
    pub ident: String,
    /// The `type` values that select this variant.
    pub values: Vec<String>,
    pub ty: Ty,
    pub boxed: bool,
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
    pub get_allowed: bool,
    pub source: Option<String>,
    pub request: TypeId,
    pub response: Ty,
    pub error_codes: Vec<ErrorCode>,
    pub pagination: Option<Pagination>,
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
    pub limit: Ty,
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
}

impl Api {
    pub fn build(spec: &OpenAPI, options: &Options) -> Result<Api, Error> {
        let mut builder = Builder::new(spec);
        builder.components()?;
        let mut endpoints = Vec::new();
        let mut disabled = 0;
        let mut methods = Scope::with_reserved(&CLIENT_RESERVED);
        let mut modules: HashMap<Vec<String>, Scope> = HashMap::new();
        for (path, item) in spec.paths.iter() {
            let pointer = format!("/paths/{}", escape(path));
            let ReferenceOr::Item(item) = item else {
                return Err(Error::spec(&pointer, "a path item, not a reference"));
            };
            let name = path.trim_start_matches('/').to_owned();
            let group = name.split('/').next().unwrap_or_default().to_owned();
            let feature = options.features.declared.iter().find(|(f, _)| *f == group);
            if let Some((_, false)) = feature {
                disabled += 1;
                continue;
            }
            let (operation, op_pointer) = match (&item.post, &item.get) {
                (Some(post), _) => (post, format!("{pointer}/post")),
                (None, Some(get)) => (get, format!("{pointer}/get")),
                _ => return Err(Error::spec(&pointer, "a `post` (or `get`) operation")),
            };
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
                let ident = builder
                    .module_names
                    .entry(key)
                    .or_insert_with(|| scope.claim(&ident))
                    .clone();
                module.push(ident.clone());
                parent.push(ident);
            }
            let method = methods.claim(&names::snake(&name.replace('/', "_")));
            let endpoint = builder.endpoint(
                &name,
                module,
                method,
                operation,
                &op_pointer,
                item.get.is_some(),
            )?;
            endpoints.push(Endpoint {
                feature: feature.map(|(f, _)| f.clone()),
                ..endpoint
            });
        }
        builder.box_recursion();
        builder.derives(&endpoints, options.derive_all);
        builder.share(&endpoints);
        Ok(Api {
            title: spec.info.title.clone(),
            version: spec.info.version.clone(),
            types: builder.types,
            models: builder.models,
            endpoints,
            spec_paths: spec.paths.paths.len(),
            disabled_paths: disabled,
        })
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
}

/// Methods of `Client` written by hand; generated methods must not take these names.
const CLIENT_RESERVED: [&str; 8] = [
    "new",
    "builder",
    "call",
    "call_raw",
    "streaming",
    "paginate",
    "clone",
    "fmt",
];

/// Models the hand-written core (streaming events) refers to by name. Older servers and
/// forks lack some (`ChatMessage` came with 2025.x); those become `serde_json::Value` aliases
/// so that the crate builds against any spec.
const CORE_MODELS: &[&str] = &[
    "Announcement",
    "Antenna",
    "ChatMessage",
    "ChatMessageLite",
    "DriveFile",
    "DriveFolder",
    "EmojiDetailed",
    "MeDetailed",
    "Note",
    "Notification",
    "ReversiGameDetailed",
    "Signin",
    "UserDetailed",
    "UserDetailedNotMe",
    "UserLite",
];

/// Names the generated code uses unqualified, from the prelude and `serde`'s derives.
const PRELUDE: &[&str] = &[
    "Box",
    "Clone",
    "Copy",
    "Debug",
    "Default",
    "Drop",
    "Eq",
    "Err",
    "Fn",
    "From",
    "Hash",
    "Into",
    "Iterator",
    "None",
    "Ok",
    "Option",
    "Ord",
    "PartialEq",
    "PartialOrd",
    "Result",
    "Self",
    "Send",
    "Sized",
    "Some",
    "String",
    "Sync",
    "ToOwned",
    "ToString",
    "Vec",
];

/// Where a schema is being converted, and what to call what it defines.
#[derive(Debug, Clone)]
struct Ctx {
    module: Vec<String>,
    name: String,
    pointer: String,
}

impl Ctx {
    fn child(&self, name_suffix: &str, pointer_suffix: &str) -> Ctx {
        Ctx {
            module: self.module.clone(),
            name: format!("{}{}", self.name, names::pascal(name_suffix)),
            pointer: format!("{}/{}", self.pointer, pointer_suffix),
        }
    }
}

/// The parts of a schema the generator reads, the same whatever variant `openapiv3` chose.
#[derive(Default)]
struct View<'s> {
    typ: Option<&'s str>,
    format: Option<&'s str>,
    properties: Vec<(&'s String, &'s ReferenceOr<Box<Schema>>)>,
    required: &'s [String],
    additional: Option<&'s AdditionalProperties>,
    items: Option<&'s ReferenceOr<Box<Schema>>>,
    enum_strings: Vec<String>,
    one_of: &'s [ReferenceOr<Schema>],
    any_of: &'s [ReferenceOr<Schema>],
    all_of: &'s [ReferenceOr<Schema>],
}

fn view(schema: &Schema) -> View<'_> {
    let mut v = View::default();
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(s)) => {
            v.typ = Some("string");
            v.format = match &s.format {
                VariantOrUnknownOrEmpty::Item(StringFormat::DateTime) => Some("date-time"),
                VariantOrUnknownOrEmpty::Item(StringFormat::Date) => Some("date"),
                VariantOrUnknownOrEmpty::Item(StringFormat::Binary) => Some("binary"),
                VariantOrUnknownOrEmpty::Item(_) | VariantOrUnknownOrEmpty::Empty => None,
                VariantOrUnknownOrEmpty::Unknown(f) => Some(f.as_str()),
            };
            v.enum_strings = s.enumeration.iter().flatten().cloned().collect();
        }
        SchemaKind::Type(Type::Number(_)) => v.typ = Some("number"),
        SchemaKind::Type(Type::Integer(_)) => v.typ = Some("integer"),
        SchemaKind::Type(Type::Boolean(_)) => v.typ = Some("boolean"),
        SchemaKind::Type(Type::Object(o)) => {
            v.typ = Some("object");
            v.properties = o.properties.iter().collect();
            v.required = &o.required;
            v.additional = o.additional_properties.as_ref();
        }
        SchemaKind::Type(Type::Array(a)) => {
            v.typ = Some("array");
            v.items = a.items.as_ref();
        }
        SchemaKind::OneOf { one_of } => v.one_of = one_of,
        SchemaKind::AnyOf { any_of } => v.any_of = any_of,
        SchemaKind::AllOf { all_of } => v.all_of = all_of,
        SchemaKind::Not { .. } => {}
        SchemaKind::Any(a) => {
            v.typ = a.typ.as_deref();
            v.format = a.format.as_deref();
            v.properties = a.properties.iter().collect();
            v.required = &a.required;
            v.additional = a.additional_properties.as_ref();
            v.items = a.items.as_ref();
            v.enum_strings = a
                .enumeration
                .iter()
                .filter_map(|e| e.as_str().map(str::to_owned))
                .collect();
            v.one_of = &a.one_of;
            v.any_of = &a.any_of;
            v.all_of = &a.all_of;
        }
    }
    v
}

fn is_null_only(schema: &Schema) -> bool {
    schema
        .schema_data
        .extensions
        .get(NULL_ONLY)
        .and_then(Value::as_bool)
        .unwrap_or(false)
}

/// An object's properties after `allOf` and unions are merged into it.
#[derive(Debug, Clone, Default)]
struct Shape {
    properties: Vec<(String, ReferenceOr<Schema>)>,
    required: Vec<String>,
    additional: Option<ReferenceOr<Schema>>,
    description: Option<String>,
}

impl Shape {
    fn property(&self, name: &str) -> Option<&ReferenceOr<Schema>> {
        self.properties
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, s)| s)
    }
}

/// The JSON kind a union branch produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Object,
    Array,
    String,
    Number,
    Integer,
    Boolean,
    Any,
}

struct Builder<'a> {
    spec: &'a OpenAPI,
    types: Vec<TypeDef>,
    models: Vec<TypeId>,
    components: HashMap<String, TypeId>,
    /// Inline shapes already generated, by their canonical JSON: generated once, used everywhere.
    shared: HashMap<String, TypeId>,
    /// Type names taken in each module.
    scopes: HashMap<Vec<String>, Scope>,
    module_names: HashMap<String, String>,
}

impl<'a> Builder<'a> {
    fn new(spec: &'a OpenAPI) -> Self {
        Builder {
            spec,
            types: Vec::new(),
            models: Vec::new(),
            components: HashMap::new(),
            shared: HashMap::new(),
            scopes: HashMap::new(),
            module_names: HashMap::new(),
        }
    }

    fn components(&mut self) -> Result<(), Error> {
        let Some(components) = &self.spec.components else {
            return Ok(());
        };
        let module = vec!["models".to_owned()];
        let mut seen: HashMap<String, String> = HashMap::new();
        for name in components.schemas.keys() {
            let ident = names::pascal(name);
            if let Some(other) = seen.insert(ident.clone(), name.clone()) {
                return Err(Error::spec(
                    &format!("/components/schemas/{}", escape(name)),
                    format!("a schema name distinct from `{other}` once converted to the Rust name `{ident}`"),
                ));
            }
            let ident = self.type_scope(&module).claim(&ident);
            let id = self.push(TypeDef {
                name: ident,
                module: module.clone(),
                doc: None,
                origin: format!("/components/schemas/{}", escape(name)),
                kind: TypeKind::Pending,
                serialize: false,
                deserialize: false,
            });
            self.components.insert(name.clone(), id);
            self.models.push(id);
        }
        for (name, schema) in &components.schemas {
            let id = self.components[name];
            let ctx = Ctx {
                module: module.clone(),
                name: self.types[id].name.clone(),
                pointer: format!("/components/schemas/{}", escape(name)),
            };
            let schema = match schema {
                ReferenceOr::Item(schema) => schema.clone(),
                ReferenceOr::Reference { reference } => {
                    let target = self.component_id(reference, &ctx.pointer)?;
                    self.types[id].kind = TypeKind::Alias(Ty::Named(target));
                    continue;
                }
            };
            let schema = overrides::apply(name, schema);
            self.types[id].doc = schema.schema_data.description.clone();
            self.define(&schema, &ctx, Some(id))?;
        }
        for name in CORE_MODELS {
            if !self.components.contains_key(*name) {
                let id = self.push(TypeDef {
                    name: (*name).to_owned(),
                    module: module.clone(),
                    doc: Some(format!(
                        "This server's spec has no `{name}` schema; the crate's hand-written parts \
                         (streaming) still name it, so it stands for whatever JSON arrives."
                    )),
                    origin: String::new(),
                    kind: TypeKind::Alias(Ty::Value),
                    serialize: false,
                    deserialize: false,
                });
                self.components.insert((*name).to_owned(), id);
                self.models.push(id);
            }
        }
        Ok(())
    }

    /// The type names taken in a module; the prelude's names are never handed out, so a
    /// generated `From` or `Option` cannot shadow the real one.
    fn type_scope(&mut self, module: &[String]) -> &mut Scope {
        self.scopes
            .entry(module.to_vec())
            .or_insert_with(|| Scope::with_reserved(PRELUDE))
    }

    fn push(&mut self, def: TypeDef) -> TypeId {
        self.types.push(def);
        self.types.len() - 1
    }

    fn component_id(&self, reference: &str, pointer: &str) -> Result<TypeId, Error> {
        let name = reference
            .strip_prefix("#/components/schemas/")
            .ok_or_else(|| {
                Error::spec(
                    pointer,
                    format!("a reference to `#/components/schemas/...`, found `{reference}`"),
                )
            })?;
        self.components.get(name).copied().ok_or_else(|| {
            Error::spec(
                pointer,
                format!("`{reference}` to name a schema in components.schemas, but there is none"),
            )
        })
    }

    fn resolve<'s>(
        &'s self,
        schema: &'s ReferenceOr<Schema>,
        pointer: &str,
    ) -> Result<(&'s Schema, Option<String>), Error> {
        match schema {
            ReferenceOr::Item(schema) => Ok((schema, None)),
            ReferenceOr::Reference { reference } => {
                self.component_id(reference, pointer)?;
                let name = reference.trim_start_matches("#/components/schemas/");
                let components = self
                    .spec
                    .components
                    .as_ref()
                    .expect("checked by component_id");
                match &components.schemas[name] {
                    ReferenceOr::Item(schema) => Ok((schema, Some(name.to_owned()))),
                    other @ ReferenceOr::Reference { .. } => self.resolve(other, pointer),
                }
            }
        }
    }

    /// Whether a value of this schema may be `null`.
    fn nullable(&self, schema: &ReferenceOr<Schema>) -> bool {
        match schema {
            ReferenceOr::Item(s) => s.schema_data.nullable || is_null_only(s),
            ReferenceOr::Reference { .. } => false,
        }
    }

    /// The type for a schema in a field, element or response position.
    fn ty(&mut self, schema: &ReferenceOr<Schema>, ctx: &Ctx) -> Result<Ty, Error> {
        match schema {
            ReferenceOr::Reference { reference } => {
                Ok(Ty::Named(self.component_id(reference, &ctx.pointer)?))
            }
            ReferenceOr::Item(schema) => self.define(schema, ctx, None),
        }
    }

    fn ty_boxed(&mut self, schema: &ReferenceOr<Box<Schema>>, ctx: &Ctx) -> Result<Ty, Error> {
        self.ty(&unbox(schema), ctx)
    }

    /// Converts a schema; a named type it needs is defined under `ctx.name`, or, for a
    /// component, into the reserved `target`.
    fn define(&mut self, schema: &Schema, ctx: &Ctx, target: Option<TypeId>) -> Result<Ty, Error> {
        let v = view(schema);
        let nullable_only = is_null_only(schema);
        let ty = if nullable_only {
            Ty::Value
        } else if !v.one_of.is_empty() || !v.any_of.is_empty() {
            let branches: Vec<ReferenceOr<Schema>> =
                v.one_of.iter().chain(v.any_of).cloned().collect();
            if v.properties.is_empty() && v.all_of.is_empty() {
                return self.union(&branches, schema, ctx, target);
            }
            // Properties beside a union (`anyOf: [{required: [a]}, {required: [b]}]`): the
            // union only says which properties must be present; merge into one object.
            let shape = self.shape(&ReferenceOr::Item(schema.clone()), &ctx.pointer, 0)?;
            return self.object(shape, schema, ctx, target);
        } else if !v.all_of.is_empty() {
            if v.all_of.len() == 1 && v.properties.is_empty() && target.is_none() {
                // `allOf: [X]`: how 3.0 says "X, nullable" or "X, described".
                let inner = v.all_of[0].clone();
                return self.ty(&inner, &ctx.child("", "allOf/0"));
            }
            let shape = self.shape(&ReferenceOr::Item(schema.clone()), &ctx.pointer, 0)?;
            return self.object(shape, schema, ctx, target);
        } else {
            match v.typ {
                Some("string") => {
                    if !v.enum_strings.is_empty() {
                        let variants = enum_variants(&v.enum_strings);
                        return Ok(self.register(
                            TypeKind::StringEnum(variants),
                            schema,
                            ctx,
                            target,
                        ));
                    }
                    match v.format {
                        Some("binary") => Ty::Upload,
                        Some("id" | "misskey:id") => Ty::Id,
                        Some("date-time") => Ty::DateTime,
                        _ => Ty::String,
                    }
                }
                Some("integer") => Ty::Integer,
                Some("number") => Ty::Number,
                Some("boolean") => Ty::Bool,
                Some("array") => {
                    if let Some(Value::Array(prefix)) =
                        schema.schema_data.extensions.get(PREFIX_ITEMS)
                    {
                        let mut tuple = Vec::new();
                        for (i, item) in prefix.iter().enumerate() {
                            let pointer = format!("{}/prefixItems/{i}", ctx.pointer);
                            let item: ReferenceOr<Schema> = serde_json::from_value(item.clone())
                                .map_err(|e| Error::spec(&pointer, format!("a schema ({e})")))?;
                            let item_ty = self.ty(
                                &item,
                                &ctx.child(&format!("item{i}"), &format!("prefixItems/{i}")),
                            )?;
                            tuple.push(self.optional_if(item_ty, self.nullable(&item)));
                        }
                        Ty::Tuple(tuple)
                    } else if let Some(items) = v.items {
                        let item = self.ty_boxed(items, &ctx.child("Item", "items"))?;
                        Ty::Vec(Box::new(
                            self.optional_if(item, self.nullable(&unbox(items))),
                        ))
                    } else {
                        Ty::Vec(Box::new(Ty::Value))
                    }
                }
                Some("object") | None if !v.properties.is_empty() => {
                    let shape = self.shape(&ReferenceOr::Item(schema.clone()), &ctx.pointer, 0)?;
                    return self.object(shape, schema, ctx, target);
                }
                Some("object") => match v.additional {
                    Some(AdditionalProperties::Schema(value)) => {
                        let value_ty =
                            self.ty(value, &ctx.child("Value", "additionalProperties"))?;
                        Ty::Map(Box::new(self.optional_if(value_ty, self.nullable(value))))
                    }
                    _ => Ty::Object,
                },
                None => Ty::Value,
                Some(other) => {
                    return Err(Error::spec(
                        &ctx.pointer,
                        format!("a known type, found {other:?}"),
                    ))
                }
            }
        };
        Ok(match target {
            // A component that is not an object or enum (a plain string, an array…).
            Some(id) => {
                self.types[id].kind = TypeKind::Alias(ty);
                Ty::Named(id)
            }
            None => ty,
        })
    }

    /// Wraps element types that may be null, so `[1, null]` decodes.
    fn optional_if(&self, ty: Ty, nullable: bool) -> Ty {
        if nullable && ty != Ty::Value {
            Ty::Option(Box::new(ty))
        } else {
            ty
        }
    }

    /// Registers a named type (or finds the identical one already generated).
    fn register(
        &mut self,
        kind: TypeKind,
        schema: &Schema,
        ctx: &Ctx,
        target: Option<TypeId>,
    ) -> Ty {
        if let Some(id) = target {
            self.types[id].kind = kind;
            return Ty::Named(id);
        }
        let key = canonical_key(&kind);
        if let Some(id) = self.shared.get(&key) {
            return Ty::Named(*id);
        }
        let name = self.type_scope(&ctx.module).claim(&ctx.name);
        let id = self.push(TypeDef {
            name,
            module: ctx.module.clone(),
            doc: schema.schema_data.description.clone(),
            origin: ctx.pointer.clone(),
            kind,
            serialize: false,
            deserialize: false,
        });
        self.shared.insert(key, id);
        Ty::Named(id)
    }

    /// A struct from a merged object shape.
    fn object(
        &mut self,
        shape: Shape,
        schema: &Schema,
        ctx: &Ctx,
        target: Option<TypeId>,
    ) -> Result<Ty, Error> {
        if shape.properties.is_empty() {
            if let Some(additional) = &shape.additional {
                let value_ty = self.ty(additional, &ctx.child("Value", "additionalProperties"))?;
                let ty = Ty::Map(Box::new(
                    self.optional_if(value_ty, self.nullable(additional)),
                ));
                return Ok(self.alias_or(ty, target));
            }
        }
        let fields = self.fields(&shape, ctx)?;
        let mut schema = schema.clone();
        if schema.schema_data.description.is_none() {
            schema.schema_data.description = shape.description.clone();
        }
        Ok(self.register(TypeKind::Struct(fields), &schema, ctx, target))
    }

    fn alias_or(&mut self, ty: Ty, target: Option<TypeId>) -> Ty {
        match target {
            Some(id) => {
                self.types[id].kind = TypeKind::Alias(ty);
                Ty::Named(id)
            }
            None => ty,
        }
    }

    fn fields(&mut self, shape: &Shape, ctx: &Ctx) -> Result<Vec<Field>, Error> {
        let mut scope = Scope::default();
        let mut fields = Vec::new();
        for (json, schema) in &shape.properties {
            let child = ctx.child(json, &format!("properties/{}", escape(json)));
            let ty = self.ty(schema, &child)?;
            let doc = match schema {
                ReferenceOr::Item(s) => s.schema_data.description.clone(),
                ReferenceOr::Reference { .. } => None,
            };
            fields.push(Field {
                json: json.clone(),
                ident: scope.claim(&names::snake(json)),
                ty,
                required: shape.required.contains(json),
                nullable: self.nullable(schema),
                doc,
                boxed: false,
                in_path: false,
            });
        }
        Ok(fields)
    }

    /// Flattens a schema into one object shape: references resolved, `allOf` parts merged,
    /// union branches merged (a property is required only if every branch requires it).
    fn shape(
        &self,
        schema: &ReferenceOr<Schema>,
        pointer: &str,
        depth: usize,
    ) -> Result<Shape, Error> {
        if depth > 32 {
            return Err(Error::spec(
                pointer,
                "a finite object: `allOf`/`oneOf` refer back to themselves",
            ));
        }
        let (schema, _) = self.resolve(schema, pointer)?;
        let v = view(schema);
        let mut shape = Shape {
            description: schema.schema_data.description.clone(),
            ..Shape::default()
        };
        for (i, part) in v.all_of.iter().enumerate() {
            let part = self.shape(part, &format!("{pointer}/allOf/{i}"), depth + 1)?;
            merge_all(&mut shape, part);
        }
        let branches: Vec<&ReferenceOr<Schema>> = v.one_of.iter().chain(v.any_of).collect();
        if !branches.is_empty() {
            let mut merged: Option<Shape> = None;
            for (i, branch) in branches.iter().enumerate() {
                let branch = self.shape(branch, &format!("{pointer}/anyOf/{i}"), depth + 1)?;
                merged = Some(match merged {
                    None => branch,
                    Some(acc) => merge_any(acc, branch),
                });
            }
            merge_all(&mut shape, merged.unwrap_or_default());
        }
        let own = Shape {
            properties: v
                .properties
                .iter()
                .map(|(n, s)| ((*n).clone(), unbox(s)))
                .collect(),
            required: v.required.to_vec(),
            additional: match v.additional {
                Some(AdditionalProperties::Schema(s)) => Some((**s).clone()),
                _ => None,
            },
            description: None,
        };
        merge_all(&mut shape, own);
        match v.typ {
            None | Some("object") => Ok(shape),
            Some(other) => Err(Error::spec(
                pointer,
                format!("an object schema here, found type {other:?}"),
            )),
        }
    }

    fn kind(&self, schema: &ReferenceOr<Schema>, pointer: &str) -> Result<Kind, Error> {
        let (schema, _) = self.resolve(schema, pointer)?;
        let v = view(schema);
        if !v.all_of.is_empty() || !v.properties.is_empty() {
            return Ok(Kind::Object);
        }
        let branches: Vec<&ReferenceOr<Schema>> = v.one_of.iter().chain(v.any_of).collect();
        if !branches.is_empty() {
            let kinds: Result<Vec<Kind>, Error> =
                branches.iter().map(|b| self.kind(b, pointer)).collect();
            let kinds = kinds?;
            return Ok(if kinds.windows(2).all(|w| w[0] == w[1]) {
                kinds[0]
            } else {
                Kind::Any
            });
        }
        Ok(match v.typ {
            Some("object") => Kind::Object,
            Some("array") => Kind::Array,
            Some("string") => Kind::String,
            Some("number") => Kind::Number,
            Some("integer") => Kind::Integer,
            Some("boolean") => Kind::Boolean,
            _ => Kind::Any,
        })
    }

    /// `oneOf`/`anyOf`: a tagged enum when a `type` property tells the branches apart, one
    /// merged struct when they are objects that overlap (a user seen as `UserLite` or
    /// `UserDetailed`), an untagged enum across JSON kinds, `Value` for mixed scalars.
    fn union(
        &mut self,
        branches: &[ReferenceOr<Schema>],
        schema: &Schema,
        ctx: &Ctx,
        target: Option<TypeId>,
    ) -> Result<Ty, Error> {
        if branches.len() == 1 {
            let ty = self.ty(&branches[0], &ctx.child("", "oneOf/0"))?;
            return Ok(match target {
                Some(_) => self.alias_or(ty, target),
                None => ty,
            });
        }
        let mut kinds = Vec::new();
        for (i, branch) in branches.iter().enumerate() {
            kinds.push(self.kind(branch, &format!("{}/oneOf/{i}", ctx.pointer))?);
        }
        let all = |k: Kind| kinds.iter().all(|x| *x == k);
        if all(Kind::Object) {
            if let Some(variants) = self.tagged(branches, ctx)? {
                return Ok(self.register(TypeKind::Tagged(variants), schema, ctx, target));
            }
            let shape = self.shape(&ReferenceOr::Item(schema.clone()), &ctx.pointer, 0)?;
            return self.object(shape, schema, ctx, target);
        }
        if all(Kind::Array) {
            let mut items = Vec::new();
            for (i, branch) in branches.iter().enumerate() {
                let (resolved, _) = self.resolve(branch, &ctx.pointer)?;
                match view(resolved).items {
                    Some(item) => items.push(unbox(item)),
                    None => {
                        return Err(Error::spec(
                            &format!("{}/oneOf/{i}", ctx.pointer),
                            "an array with `items`",
                        ))
                    }
                }
            }
            let item = self.union_schema(items);
            let ty = self.ty(&item, &ctx.child("Item", "oneOf"))?;
            return Ok(self.alias_or(Ty::Vec(Box::new(ty)), target));
        }
        if all(Kind::String) {
            let mut values = Vec::new();
            let mut all_enums = true;
            for branch in branches {
                let (resolved, _) = self.resolve(branch, &ctx.pointer)?;
                let v = view(resolved);
                all_enums &= !v.enum_strings.is_empty();
                for s in v.enum_strings {
                    if !values_contains(&values, &s) {
                        values.push(s);
                    }
                }
            }
            if all_enums {
                return Ok(self.register(
                    TypeKind::StringEnum(enum_variants(&values)),
                    schema,
                    ctx,
                    target,
                ));
            }
            return Ok(self.alias_or(Ty::String, target));
        }
        if kinds
            .iter()
            .all(|k| matches!(k, Kind::Number | Kind::Integer))
        {
            let ty = if all(Kind::Integer) {
                Ty::Integer
            } else {
                Ty::Number
            };
            return Ok(self.alias_or(ty, target));
        }
        if all(Kind::Boolean) {
            return Ok(self.alias_or(Ty::Bool, target));
        }
        if !kinds
            .iter()
            .any(|k| matches!(k, Kind::Object | Kind::Array))
            || kinds.contains(&Kind::Any)
        {
            // Scalars of several kinds: servers send values outside any declared branch here
            // (a policy value declared integer-or-boolean arrives as "available"), so keep JSON.
            return Ok(self.alias_or(Ty::Value, target));
        }
        // Different JSON kinds, at least one structured: an untagged enum, one variant per
        // kind (kinds cannot both match, so the order does not matter).
        let mut variants: Vec<(String, Ty)> = Vec::new();
        for (kind, label) in [
            (Kind::Object, "Object"),
            (Kind::Array, "List"),
            (Kind::String, "Text"),
            (Kind::Integer, "Integer"),
            (Kind::Number, "Number"),
            (Kind::Boolean, "Bool"),
        ] {
            let of_kind: Vec<ReferenceOr<Schema>> = branches
                .iter()
                .zip(&kinds)
                .filter(|(_, k)| **k == kind)
                .map(|(b, _)| b.clone())
                .collect();
            if of_kind.is_empty() {
                continue;
            }
            let merged = if of_kind.len() == 1 {
                of_kind[0].clone()
            } else {
                self.union_schema(of_kind)
            };
            let ty = self.ty(&merged, &ctx.child(label, "oneOf"))?;
            variants.push((label.to_owned(), ty));
        }
        Ok(self.register(TypeKind::Untagged(variants), schema, ctx, target))
    }

    /// A synthetic `anyOf` of schemas, converted like any union.
    fn union_schema(&self, mut branches: Vec<ReferenceOr<Schema>>) -> ReferenceOr<Schema> {
        branches.dedup();
        if branches.len() == 1 {
            return branches.remove(0);
        }
        ReferenceOr::Item(Schema {
            schema_data: Default::default(),
            schema_kind: SchemaKind::AnyOf { any_of: branches },
        })
    }

    /// The variants of a union whose object branches each fix `type` to distinct values.
    fn tagged(
        &mut self,
        branches: &[ReferenceOr<Schema>],
        ctx: &Ctx,
    ) -> Result<Option<Vec<TaggedVariant>>, Error> {
        let mut found = Vec::new();
        let mut all_values: HashSet<String> = HashSet::new();
        for (i, branch) in branches.iter().enumerate() {
            let pointer = format!("{}/oneOf/{i}", ctx.pointer);
            let shape = self.shape(branch, &pointer, 0)?;
            if !shape.required.iter().any(|r| r == "type") {
                return Ok(None);
            }
            let Some(tag) = shape.property("type") else {
                return Ok(None);
            };
            let (tag, _) = self.resolve(tag, &pointer)?;
            let values = view(tag).enum_strings;
            if values.is_empty() || values.iter().any(|v| !all_values.insert(v.clone())) {
                return Ok(None);
            }
            found.push((branch, shape, values, pointer));
        }
        let mut scope = Scope::with_reserved(&["Unknown"]);
        let mut variants = Vec::new();
        for (branch, mut shape, values, pointer) in found {
            let base = match branch {
                ReferenceOr::Reference { reference } => {
                    let name = names::pascal(reference.trim_start_matches("#/components/schemas/"));
                    match name.strip_prefix(ctx.name.as_str()) {
                        Some(rest)
                            if !rest.is_empty()
                                && !rest.starts_with(|c: char| c.is_ascii_digit()) =>
                        {
                            rest.to_owned()
                        }
                        _ => name,
                    }
                }
                ReferenceOr::Item(_) if values.len() == 1 => names::pascal(&values[0]),
                ReferenceOr::Item(_) => format!("{}Etc", names::pascal(&values[0])),
            };
            let ident = scope.claim(&base);
            let ty = match branch {
                ReferenceOr::Reference { reference } => {
                    Ty::Named(self.component_id(reference, &pointer)?)
                }
                ReferenceOr::Item(schema) => {
                    // A one-value tag is implied by the variant; keep it only when it tells
                    // several values apart.
                    if values.len() == 1 {
                        shape.properties.retain(|(n, _)| n != "type");
                        shape.required.retain(|n| n != "type");
                    }
                    let child = Ctx {
                        module: ctx.module.clone(),
                        name: format!("{}{}", ctx.name, ident),
                        pointer,
                    };
                    self.object(shape, schema, &child, None)?
                }
            };
            // Boxed: variants differ widely in size (a user beside a note), and boxing
            // also breaks any recursion through the union.
            let boxed = matches!(ty, Ty::Named(_));
            variants.push(TaggedVariant {
                ident,
                values,
                ty,
                boxed,
            });
        }
        Ok(Some(variants))
    }

    fn endpoint(
        &mut self,
        name: &str,
        module: Vec<String>,
        method: String,
        operation: &openapiv3::Operation,
        pointer: &str,
        get_allowed: bool,
    ) -> Result<Endpoint, Error> {
        let mut full_module = vec!["endpoints".to_owned()];
        full_module.extend(module.iter().cloned());
        let scope = self.type_scope(&full_module);
        scope.claim("Request");
        scope.claim("ErrorCode");
        let ctx = |name: &str, pointer: String| Ctx {
            module: full_module.clone(),
            name: name.to_owned(),
            pointer,
        };

        // Request: always a struct named `Request`, even when empty or shared in shape.
        let (body, multipart) = match &operation.request_body {
            Some(ReferenceOr::Item(body)) => {
                let multipart = body.content.get("multipart/form-data");
                let json = body.content.get("application/json");
                match (json, multipart) {
                    (Some(media), _) => (media.schema.clone(), false),
                    (None, Some(media)) => (media.schema.clone(), true),
                    (None, None) => (None, false),
                }
            }
            Some(ReferenceOr::Reference { .. }) => {
                return Err(Error::spec(
                    &format!("{pointer}/requestBody"),
                    "an inline request body, not a reference",
                ));
            }
            None => (None, false),
        };
        let body_pointer = format!(
            "{pointer}/requestBody/content/{}/schema",
            if multipart {
                "multipart~1form-data"
            } else {
                "application~1json"
            }
        );
        let shape = match &body {
            Some(schema) => self.shape(schema, &body_pointer, 0)?,
            None => Shape::default(),
        };
        let mut fields = self.fields(&shape, &ctx("Request", body_pointer))?;
        self.path_parameters(name, operation, &mut fields);
        let request = self.push(TypeDef {
            name: "Request".to_owned(),
            module: full_module.clone(),
            doc: None,
            origin: pointer.to_owned(),
            kind: TypeKind::Struct(fields),
            serialize: false,
            deserialize: false,
        });

        let answers_204 = operation
            .responses
            .responses
            .keys()
            .any(|s| *s == StatusCode::Code(204));
        // Response: the first 2xx JSON body; `()` for an endpoint that only answers 204.
        let mut response = Ty::Unit;
        let mut error_codes: Vec<ErrorCode> = Vec::new();
        let mut codes = Scope::with_reserved(&["Unknown"]);
        for (status, response_def) in &operation.responses.responses {
            let ReferenceOr::Item(response_def) = response_def else {
                continue;
            };
            let code = match status {
                StatusCode::Code(code) => *code,
                StatusCode::Range(range) => *range * 100,
            };
            let media = response_def.content.get("application/json");
            if (200..300).contains(&code) && response == Ty::Unit && code != 204 {
                let schema = media.and_then(|m| m.schema.clone());
                response = match schema {
                    Some(schema) => {
                        let pointer =
                            format!("{pointer}/responses/{code}/content/application~1json/schema");
                        // `Response` is the alias's name when the body may be null.
                        let may_be_empty = self.nullable(&schema) || answers_204;
                        let name = if may_be_empty {
                            "ResponseBody"
                        } else {
                            "Response"
                        };
                        let ty = self.ty(&schema, &ctx(name, pointer))?;
                        self.optional_if(ty, self.nullable(&schema))
                    }
                    None => Ty::Value,
                };
            } else if code >= 400 {
                for (key, example) in media.map(|m| m.examples.iter()).into_iter().flatten() {
                    let ReferenceOr::Item(example) = example else {
                        continue;
                    };
                    let error = example.value.as_ref().and_then(|v| v.get("error"));
                    let code_str = error
                        .and_then(|e| e.get("code"))
                        .and_then(Value::as_str)
                        .unwrap_or(key);
                    if error_codes.iter().any(|c| c.code == code_str) {
                        continue;
                    }
                    error_codes.push(ErrorCode {
                        code: code_str.to_owned(),
                        ident: codes.claim(&names::variant_from_code(code_str)),
                        message: error
                            .and_then(|e| e.get("message"))
                            .and_then(Value::as_str)
                            .map(str::to_owned),
                        id: error
                            .and_then(|e| e.get("id"))
                            .and_then(Value::as_str)
                            .map(str::to_owned),
                        status: Some(code),
                    });
                }
            }
        }

        let description = operation.description.clone().unwrap_or_default();
        let permission = description
            .split("**Permission**: *")
            .nth(1)
            .and_then(|rest| rest.split('*').next())
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_owned);
        let text = description
            .split("**Credential required**")
            .next()
            .unwrap_or_default()
            .trim();
        let text =
            (!text.is_empty() && text != "No description provided.").then(|| text.to_owned());
        let requires_credential = operation.security.as_ref().is_some_and(|s| !s.is_empty())
            || description.contains("**Credential required**: *Yes*");

        // Declaring both 200 and 204 means "sometimes nothing" (`notes/translate`, a
        // scheduled `notes/create`).
        if answers_204 && !matches!(response, Ty::Unit | Ty::Option(_) | Ty::Value) {
            response = Ty::Option(Box::new(response));
        }
        let pagination = self.pagination(request, &response);
        Ok(Endpoint {
            name: name.to_owned(),
            module,
            method,
            feature: None,
            description: text,
            requires_credential,
            permission,
            multipart,
            get_allowed,
            source: operation.external_docs.as_ref().map(|d| d.url.clone()),
            request,
            response,
            error_codes,
            pagination,
        })
    }

    /// `{name}` segments of the path become required string fields that the URL carries.
    /// No Misskey spec has them today; a fork's may.
    fn path_parameters(
        &self,
        path: &str,
        operation: &openapiv3::Operation,
        fields: &mut Vec<Field>,
    ) {
        let mut scope = Scope::default();
        for f in fields.iter() {
            scope.claim(&f.ident);
        }
        let names = path
            .split('/')
            .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')));
        for name in names {
            let doc = operation.parameters.iter().find_map(|p| match p {
                ReferenceOr::Item(p) if p.parameter_data_ref().name == name => {
                    p.parameter_data_ref().description.clone()
                }
                _ => None,
            });
            match fields.iter_mut().find(|f| f.json == name) {
                Some(field) => {
                    field.in_path = true;
                    field.required = true;
                    field.nullable = false;
                    field.ty = Ty::String;
                }
                None => fields.push(Field {
                    json: name.to_owned(),
                    ident: scope.claim(&names::snake(name)),
                    ty: Ty::String,
                    required: true,
                    nullable: false,
                    doc,
                    boxed: false,
                    in_path: true,
                }),
            }
        }
    }

    /// Pageable: takes `sinceId`, `untilId` and `limit`, answers a list of items with an id.
    fn pagination(&self, request: TypeId, response: &Ty) -> Option<Pagination> {
        let TypeKind::Struct(fields) = &self.types[request].kind else {
            return None;
        };
        let field = |name: &str| fields.iter().find(|f| f.json == name);
        let (_, _, limit) = (field("sinceId")?, field("untilId")?, field("limit")?);
        let Ty::Vec(item) = self.unalias(response) else {
            return None;
        };
        self.has_id(item).then(|| Pagination {
            item: (**item).clone(),
            limit: limit.ty.clone(),
        })
    }

    fn unalias<'t>(&'t self, ty: &'t Ty) -> &'t Ty {
        match ty {
            Ty::Named(id) => match &self.types[*id].kind {
                TypeKind::Alias(inner) => self.unalias(inner),
                _ => ty,
            },
            _ => ty,
        }
    }

    fn has_id(&self, ty: &Ty) -> bool {
        let Ty::Named(id) = self.unalias(ty) else {
            return false;
        };
        match &self.types[*id].kind {
            TypeKind::Struct(fields) => fields.iter().any(|f| {
                f.json == "id" && f.required && !f.nullable && matches!(f.ty, Ty::Id | Ty::String)
            }),
            TypeKind::Tagged(variants) => variants.iter().all(|v| self.has_id(&v.ty)),
            _ => false,
        }
    }

    /// Boxes the fields through which a type contains itself (`Note.renote` is a `Note`).
    fn box_recursion(&mut self) {
        let edges: Vec<Vec<TypeId>> = self.types.iter().map(|t| direct_refs(&t.kind)).collect();
        let reaches = |from: TypeId, to: TypeId| -> bool {
            let mut stack = vec![from];
            let mut seen = HashSet::new();
            while let Some(node) = stack.pop() {
                if node == to {
                    return true;
                }
                if seen.insert(node) {
                    stack.extend(edges[node].iter().copied());
                }
            }
            false
        };
        let mut to_box = Vec::new();
        for (id, def) in self.types.iter().enumerate() {
            match &def.kind {
                TypeKind::Struct(fields) => {
                    for (i, f) in fields.iter().enumerate() {
                        if let Some(target) = direct_target(&f.ty) {
                            if reaches(target, id) {
                                to_box.push((id, i));
                            }
                        }
                    }
                }
                TypeKind::Tagged(variants) => {
                    for (i, v) in variants.iter().enumerate() {
                        if let Some(target) = direct_target(&v.ty) {
                            if reaches(target, id) {
                                to_box.push((id, i));
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        for (id, i) in to_box {
            match &mut self.types[id].kind {
                TypeKind::Struct(fields) => fields[i].boxed = true,
                TypeKind::Tagged(variants) => variants[i].boxed = true,
                _ => {}
            }
        }
    }

    /// Moves inline shapes that several modules use into `models`, under a name of their
    /// own: `notes::create` using `i::update::RequestPostingLang` reads as if one endpoint
    /// borrowed from another, where `models::PostingLang` says what it is.
    fn share(&mut self, endpoints: &[Endpoint]) {
        let mut users: HashMap<TypeId, HashSet<Vec<String>>> = HashMap::new();
        for def in &self.types {
            for id in all_refs(&def.kind) {
                users.entry(id).or_default().insert(def.module.clone());
            }
        }
        for e in endpoints {
            let mut module = vec!["endpoints".to_owned()];
            module.extend(e.module.iter().cloned());
            let mut refs = Vec::new();
            collect_named(&e.response, &mut refs);
            for id in refs {
                users.entry(id).or_default().insert(module.clone());
            }
        }
        let models = vec!["models".to_owned()];
        for id in 0..self.types.len() {
            let def = &self.types[id];
            let shared = users
                .get(&id)
                .is_some_and(|m| m.iter().any(|m| *m != def.module));
            if !shared
                || def.module == models
                || matches!(def.name.as_str(), "Request" | "Response" | "ResponseBody")
            {
                continue;
            }
            let short = ["ResponseBody", "ResponseItem", "Response", "Request"]
                .iter()
                .find_map(|prefix| {
                    def.name
                        .strip_prefix(prefix)
                        .filter(|rest| !rest.is_empty())
                })
                .unwrap_or(&def.name)
                .to_owned();
            // A lone word (`Type`, `State`) says too little in `models`: keep the endpoint it
            // was first seen in as context (`QueueState`).
            let words = short.chars().filter(char::is_ascii_uppercase).count();
            let short = match def.module.last() {
                Some(owner)
                    if words <= 1 && def.module.first().is_some_and(|m| m == "endpoints") =>
                {
                    format!("{}{short}", names::pascal(owner))
                }
                _ => short,
            };
            let name = self.type_scope(&models).claim(&short);
            let def = &mut self.types[id];
            def.module = models.clone();
            def.name = name;
        }
    }

    /// `Serialize` only where a request needs it, `Deserialize` only where a response or a
    /// model does: serde derives are most of the compile time of bindings.
    fn derives(&mut self, endpoints: &[Endpoint], all: bool) {
        if all {
            for t in &mut self.types {
                t.serialize = true;
                t.deserialize = true;
            }
            return;
        }
        let mut ser = Vec::new();
        let mut de: Vec<TypeId> = self.models.clone();
        for e in endpoints {
            ser.push(e.request);
            collect_named(&e.response, &mut de);
        }
        let mut stack = ser;
        while let Some(id) = stack.pop() {
            if !std::mem::replace(&mut self.types[id].serialize, true) {
                stack.extend(all_refs(&self.types[id].kind));
            }
        }
        let mut stack = de;
        while let Some(id) = stack.pop() {
            if !std::mem::replace(&mut self.types[id].deserialize, true) {
                stack.extend(all_refs(&self.types[id].kind));
            }
        }
    }
}

fn unbox(schema: &ReferenceOr<Box<Schema>>) -> ReferenceOr<Schema> {
    match schema {
        ReferenceOr::Item(s) => ReferenceOr::Item((**s).clone()),
        ReferenceOr::Reference { reference } => ReferenceOr::Reference {
            reference: reference.clone(),
        },
    }
}

fn values_contains(values: &[String], s: &str) -> bool {
    values.iter().any(|v| v == s)
}

fn enum_variants(values: &[String]) -> Vec<(String, String)> {
    let mut scope = Scope::with_reserved(&["Other"]);
    let mut seen = HashSet::new();
    values
        .iter()
        .filter(|v| seen.insert(v.as_str()))
        .map(|v| (scope.claim(&names::pascal(v)), v.clone()))
        .collect()
}

/// `allOf`: both apply; properties accumulate and so does `required`.
fn merge_all(into: &mut Shape, part: Shape) {
    for (name, schema) in part.properties {
        match into.properties.iter_mut().find(|(n, _)| *n == name) {
            // The later part is the more specific one (`UserDetailed` over `UserLite`).
            Some((_, existing)) => *existing = schema,
            None => into.properties.push((name, schema)),
        }
    }
    for r in part.required {
        if !into.required.contains(&r) {
            into.required.push(r);
        }
    }
    if part.additional.is_some() {
        into.additional = part.additional;
    }
    if into.description.is_none() {
        into.description = part.description;
    }
}

/// `oneOf`/`anyOf` of objects: every property any branch has, required only where every
/// branch requires it, so nothing any branch carries is lost.
fn merge_any(a: Shape, b: Shape) -> Shape {
    let mut out = Shape {
        description: a.description.clone().or(b.description.clone()),
        ..Shape::default()
    };
    out.required = a
        .required
        .iter()
        .filter(|r| b.required.contains(r))
        .cloned()
        .collect();
    out.properties = a.properties.clone();
    for (name, schema) in b.properties {
        match out.properties.iter_mut().find(|(n, _)| *n == name) {
            Some((_, existing)) if *existing == schema => {}
            Some((_, existing)) => {
                let either = vec![existing.clone(), schema];
                *existing = ReferenceOr::Item(Schema {
                    schema_data: Default::default(),
                    schema_kind: SchemaKind::AnyOf { any_of: either },
                });
            }
            None => out.properties.push((name, schema)),
        }
    }
    out.additional = a.additional.or(b.additional);
    out
}

/// Two inline shapes are the same type when their definitions print the same: named
/// references print as type ids, which are unique.
fn canonical_key(kind: &TypeKind) -> String {
    format!("{kind:?}")
}

fn direct_target(ty: &Ty) -> Option<TypeId> {
    match ty {
        Ty::Named(id) => Some(*id),
        Ty::Option(inner) => direct_target(inner),
        _ => None,
    }
}

/// Types contained without indirection (not behind a `Vec` or a map).
fn direct_refs(kind: &TypeKind) -> Vec<TypeId> {
    let mut out = Vec::new();
    let tys: Vec<&Ty> = match kind {
        TypeKind::Struct(fields) => fields.iter().filter(|f| !f.boxed).map(|f| &f.ty).collect(),
        TypeKind::Tagged(variants) => variants
            .iter()
            .filter(|v| !v.boxed)
            .map(|v| &v.ty)
            .collect(),
        // Named payloads of untagged unions are printed boxed.
        TypeKind::Untagged(variants) => variants
            .iter()
            .map(|(_, t)| t)
            .filter(|t| !matches!(t, Ty::Named(_)))
            .collect(),
        TypeKind::Alias(t) => vec![t],
        _ => vec![],
    };
    for ty in tys {
        direct_named(ty, &mut out);
    }
    out
}

fn direct_named(ty: &Ty, out: &mut Vec<TypeId>) {
    match ty {
        Ty::Named(id) => out.push(*id),
        Ty::Tuple(parts) => parts.iter().for_each(|p| direct_named(p, out)),
        Ty::Option(inner) => direct_named(inner, out),
        _ => {}
    }
}

fn all_refs(kind: &TypeKind) -> Vec<TypeId> {
    let mut out = Vec::new();
    match kind {
        TypeKind::Struct(fields) => fields.iter().for_each(|f| collect_named(&f.ty, &mut out)),
        TypeKind::Tagged(variants) => variants.iter().for_each(|v| collect_named(&v.ty, &mut out)),
        TypeKind::Untagged(variants) => variants
            .iter()
            .for_each(|(_, t)| collect_named(t, &mut out)),
        TypeKind::Alias(t) => collect_named(t, &mut out),
        _ => {}
    }
    out
}

fn collect_named(ty: &Ty, out: &mut Vec<TypeId>) {
    match ty {
        Ty::Named(id) => out.push(*id),
        Ty::Map(t) | Ty::Vec(t) | Ty::Option(t) => collect_named(t, out),
        Ty::Tuple(parts) => parts.iter().for_each(|p| collect_named(p, out)),
        _ => {}
    }
}
