//! One path: its request (body, path, query and header parameters), its response, its
//! error codes, and whether it pages.

use openapiv3::{
    Components, Operation, Parameter, ParameterSchemaOrContent, PathItem, ReferenceOr, RequestBody,
    StatusCode,
};
use serde_json::Value;

use super::builder::{Builder, Ctx};
use super::shape::Shape;
use super::{
    Endpoint, ErrorCode, Field, HttpMethod, ItemId, Location, Pagination, Storage, Ty, TypeDef,
    TypeId, TypeKind, COMMON_ERROR_CODES,
};
use crate::names::{self, Scope};
use crate::normalize::escape;

/// How many type lookups `has_id` makes before giving up on a union that contains itself.
const MAX_ID_DEPTH: usize = 8;

impl<'a> Builder<'a> {
    pub fn endpoint(
        &mut self,
        name: &str,
        module: Vec<String>,
        method: String,
        item: Option<&PathItem>,
        pointer: &str,
    ) -> Endpoint {
        let (operation, op_pointer, http_method) = self.operation(item, pointer);
        let mut full_module = vec!["endpoints".to_owned()];
        full_module.extend(module.iter().cloned());
        let scope = self.type_scope(&full_module);
        scope.claim("Request");
        scope.claim("ErrorCode");
        scope.claim("Builder");
        let ctx = |name: &str, pointer: String, multipart: bool| Ctx {
            multipart,
            ..Ctx::root(&full_module, name, pointer)
        };

        // Request: always a struct named `Request`, even when empty or shared in shape.
        let (body, multipart, body_pointer) = match operation.and_then(|o| o.request_body.as_ref())
        {
            Some(body) => self.request_body(body, &format!("{op_pointer}/requestBody")),
            None => (None, false, String::new()),
        };
        let shape = match &body {
            Some(schema) => self.shape(schema, &body_pointer),
            None => Shape::default(),
        };
        let mut fields = self.fields(&shape, &ctx("Request", body_pointer, multipart));
        let op = Op {
            item,
            operation,
            http_method,
            pointer: &op_pointer,
        };
        self.parameters(name, &op, &full_module, &mut fields);
        let request = self.push(TypeDef::new(
            "Request".to_owned(),
            full_module.clone(),
            op_pointer.clone(),
            TypeKind::Struct(fields),
        ));

        let empty = openapiv3::Responses::default();
        let responses = operation.map_or(&empty, |o| &o.responses);
        let answers_204 = responses
            .responses
            .keys()
            .any(|s| *s == StatusCode::Code(204));
        // Response: the first 2xx JSON body; `()` for an endpoint that only answers 204;
        // any JSON where no response is declared at all.
        let mut response = if responses.responses.is_empty() {
            Ty::Value
        } else {
            Ty::Unit
        };
        let mut error_codes: Vec<ErrorCode> = Vec::new();
        let mut codes = Scope::with_reserved(&["Unknown", "Common"]);
        for (status, response_def) in &responses.responses {
            let code = match status {
                StatusCode::Code(code) => *code,
                StatusCode::Range(range) => *range * 100,
            };
            let status_pointer = format!("{op_pointer}/responses/{status}");
            let Some((response_def, _)) =
                self.component_item(response_def, "responses", &status_pointer, |c, n| {
                    c.responses.get(n)
                })
            else {
                continue;
            };
            let media = response_def.content.get("application/json");
            if (200..300).contains(&code) && response == Ty::Unit && code != 204 {
                let schema = media.and_then(|m| m.schema.clone());
                response = match schema {
                    Some(schema) => {
                        let pointer = format!("{status_pointer}/content/application~1json/schema");
                        // `Response` is the alias's name when the body may be null.
                        let name = if self.nullable(&schema) {
                            "ResponseBody"
                        } else {
                            "Response"
                        };
                        let ty = self.ty(&schema, &ctx(name, pointer, false));
                        self.optional_if(ty, self.nullable(&schema))
                    }
                    None => Ty::Value,
                };
            } else if code >= 400 {
                let examples = media.map(|m| m.examples.iter()).into_iter().flatten();
                for (key, example) in examples {
                    let ReferenceOr::Item(example) = example else {
                        continue;
                    };
                    let error = example.value.as_ref().and_then(|v| v.get("error"));
                    let text = |field: &str| {
                        error
                            .and_then(|e| e.get(field))
                            .and_then(Value::as_str)
                            .map(str::to_owned)
                    };
                    let code_str = text("code").unwrap_or_else(|| key.clone());
                    // The API's own codes are one enum in the core.
                    if error_codes.iter().any(|c| c.code == code_str)
                        || COMMON_ERROR_CODES.contains(&code_str.as_str())
                    {
                        continue;
                    }
                    error_codes.push(ErrorCode {
                        ident: codes.claim(&names::variant_from_code(&code_str)),
                        code: code_str,
                        message: text("message"),
                        id: text("id"),
                        status: Some(code),
                    });
                }
            }
        }

        let description = operation
            .and_then(|o| o.description.clone())
            .unwrap_or_default();
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
        let requires_credential = operation
            .and_then(|o| o.security.as_ref())
            .is_some_and(|s| !s.is_empty())
            || description.contains("**Credential required**: *Yes*");

        // Declaring both 200 and 204 means "sometimes nothing" (`notes/translate`, a
        // scheduled `notes/create`).
        let may_answer_nothing =
            answers_204 && !matches!(response, Ty::Unit | Ty::Option(_) | Ty::Value);
        let pagination = self.pagination(request, &response);
        Endpoint {
            name: name.to_owned(),
            module,
            method,
            feature: None,
            description: text,
            requires_credential,
            permission,
            multipart,
            http_method,
            get_allowed: item.is_some_and(|i| i.get.is_some()) && http_method == HttpMethod::Post,
            source: operation
                .and_then(|o| o.external_docs.as_ref())
                .map(|d| d.url.clone()),
            request,
            response,
            error_codes,
            pagination,
            setters: Vec::new(),
            may_answer_nothing,
            doc_aliases: Vec::new(),
        }
    }

    /// The operation that describes the endpoint: `post`, else `get` (then called with
    /// `GET`), else whatever the path declares (called with `POST`, as Misskey is).
    fn operation<'i>(
        &self,
        item: Option<&'i PathItem>,
        pointer: &str,
    ) -> (Option<&'i Operation>, String, HttpMethod) {
        let Some(item) = item else {
            return (None, pointer.to_owned(), HttpMethod::Post);
        };
        if let Some(post) = &item.post {
            return (Some(post), format!("{pointer}/post"), HttpMethod::Post);
        }
        if let Some(get) = &item.get {
            return (Some(get), format!("{pointer}/get"), HttpMethod::Get);
        }
        if let Some((method, operation)) = item.iter().next() {
            self.warn(
                pointer,
                format!(
                    "declares only `{method}`; called with `POST`, as every Misskey endpoint is"
                ),
            );
            return (
                Some(operation),
                format!("{pointer}/{method}"),
                HttpMethod::Post,
            );
        }
        self.warn(
            pointer,
            "declares no operation; read as an endpoint with no parameters that answers any JSON",
        );
        (None, pointer.to_owned(), HttpMethod::Post)
    }

    /// The body's schema, whether it is multipart, and its pointer.
    fn request_body(
        &self,
        body: &ReferenceOr<RequestBody>,
        pointer: &str,
    ) -> (Option<ReferenceOr<openapiv3::Schema>>, bool, String) {
        let Some((body, pointer)) = self.component_item(body, "requestBodies", pointer, |c, n| {
            c.request_bodies.get(n)
        }) else {
            return (None, false, pointer.to_owned());
        };
        let at = |media: &str| format!("{pointer}/content/{}/schema", escape(media));
        if let Some(media) = body.content.get("application/json") {
            return (media.schema.clone(), false, at("application/json"));
        }
        if let Some(media) = body.content.get("multipart/form-data") {
            return (media.schema.clone(), true, at("multipart/form-data"));
        }
        if let Some((media_type, media)) = body.content.iter().next() {
            self.warn(
                &format!("{pointer}/content"),
                format!("a `{media_type}` body; sent as JSON, as Misskey reads it"),
            );
            return (media.schema.clone(), false, at(media_type));
        }
        (None, false, pointer)
    }

    /// The item itself, or the one a reference into `components.{section}` names, with
    /// where it is; `None`, with a warning, for a reference to nothing there.
    fn component_item<'s, T>(
        &self,
        item: &'s ReferenceOr<T>,
        section: &str,
        pointer: &str,
        lookup: impl FnOnce(&'s Components, &str) -> Option<&'s ReferenceOr<T>>,
    ) -> Option<(&'s T, String)>
    where
        'a: 's,
    {
        let reference = match item {
            ReferenceOr::Item(item) => return Some((item, pointer.to_owned())),
            ReferenceOr::Reference { reference } => reference,
        };
        let prefix = format!("#/components/{section}/");
        let found = reference.strip_prefix(&prefix).and_then(|name| {
            let components: &'a Components = self.spec.components.as_ref()?;
            match lookup(components, name)? {
                ReferenceOr::Item(item) => {
                    Some((item, format!("/components/{section}/{}", escape(name))))
                }
                ReferenceOr::Reference { .. } => None,
            }
        });
        if found.is_none() {
            self.warn(
                pointer,
                format!("`{reference}` names nothing in components.{section}; ignored"),
            );
        }
        found
    }

    /// Parameters outside the body: `{name}` segments of the path, and declared path,
    /// query and header parameters. For a `GET` endpoint, query parameters are its body
    /// (the client sends the body as the query string).
    fn parameters(&mut self, path: &str, op: &Op<'_>, module: &[String], fields: &mut Vec<Field>) {
        let Op {
            item,
            operation,
            http_method,
            pointer,
        } = *op;
        let mut scope = Scope::default();
        for f in fields.iter() {
            scope.claim(&f.ident);
        }
        let declared: Vec<(&ReferenceOr<Parameter>, String)> = item
            .map(|i| {
                let base = pointer.rsplit_once('/').map_or(pointer, |(b, _)| b);
                i.parameters
                    .iter()
                    .enumerate()
                    .map(|(n, p)| (p, format!("{base}/parameters/{n}")))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
            .into_iter()
            .chain(operation.into_iter().flat_map(|o| {
                o.parameters
                    .iter()
                    .enumerate()
                    .map(|(n, p)| (p, format!("{pointer}/parameters/{n}")))
            }))
            .collect();
        let params: Vec<(&Parameter, String)> = declared
            .into_iter()
            .filter_map(|(parameter, at)| {
                let (p, _) =
                    self.component_item(parameter, "parameters", &at, |c, n| c.parameters.get(n))?;
                Some((p, at))
            })
            .collect();
        for segment in path.split('/') {
            let Some(name) = segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) else {
                continue;
            };
            let doc = params.iter().find_map(|(p, _)| {
                let data = p.parameter_data_ref();
                (data.name == name)
                    .then(|| data.description.clone())
                    .flatten()
            });
            match fields.iter_mut().find(|f| f.json == name) {
                Some(field) => {
                    field.location = Location::Path;
                    field.required = true;
                    field.nullable = false;
                    field.ty = Ty::String;
                }
                None => fields.push(text_field(
                    name,
                    scope.claim(&names::snake(name)),
                    true,
                    doc,
                    Location::Path,
                )),
            }
        }
        for (parameter, at) in params {
            let (location, data) = match parameter {
                Parameter::Path { parameter_data, .. } => {
                    if !path.contains(&format!("{{{}}}", parameter_data.name)) {
                        self.warn(
                            &at,
                            format!("a path parameter `{}` that the path `{path}` has no segment for; ignored", parameter_data.name),
                        );
                    }
                    continue;
                }
                Parameter::Query { parameter_data, .. } => (Location::Query, parameter_data),
                Parameter::Header { parameter_data, .. } => (Location::Header, parameter_data),
                Parameter::Cookie { parameter_data, .. } => {
                    self.warn(
                        &at,
                        format!(
                            "a cookie parameter `{}`: the client sends no cookies; not generated",
                            parameter_data.name
                        ),
                    );
                    continue;
                }
            };
            if fields.iter().any(|f| f.json == data.name) {
                self.warn(
                    &at,
                    format!("the parameter `{}` is also a body property; the body property is the one generated", data.name),
                );
                continue;
            }
            let ident = scope.claim(&names::snake(&data.name));
            if location == Location::Query && http_method == HttpMethod::Get {
                // A `GET` endpoint's query string is its body.
                let ty = match &data.format {
                    ParameterSchemaOrContent::Schema(schema) => {
                        let name = format!("Request{}", names::pascal(&data.name));
                        let ctx = Ctx::root(module, &name, format!("{at}/schema"));
                        self.ty(schema, &ctx)
                    }
                    ParameterSchemaOrContent::Content(_) => Ty::String,
                };
                let mut field = text_field(
                    &data.name,
                    ident,
                    data.required,
                    data.description.clone(),
                    Location::Body,
                );
                field.ty = ty;
                fields.push(field);
            } else {
                fields.push(text_field(
                    &data.name,
                    ident,
                    data.required,
                    data.description.clone(),
                    location,
                ));
            }
        }
    }

    /// Pageable: takes `sinceId`, `untilId` and `limit`, answers a list of items with an id.
    fn pagination(&self, request: TypeId, response: &Ty) -> Option<Pagination> {
        let TypeKind::Struct(fields) = &self.types[request].kind else {
            return None;
        };
        let field = |name: &str| {
            fields
                .iter()
                .find(|f| f.json == name && f.location == Location::Body && !f.required)
        };
        let (since, until, limit) = (field("sinceId")?, field("untilId")?, field("limit")?);
        let cursor = |f: &Field| matches!(f.ty, Ty::Id | Ty::String) && !f.nullable;
        if !cursor(since)
            || !cursor(until)
            || limit.nullable
            || !matches!(limit.ty, Ty::Integer | Ty::Number)
        {
            return None;
        }
        let Ty::Vec(item) = self.unalias(response) else {
            return None;
        };
        Some(Pagination {
            item_id: self.item_id(item, 0)?,
            item: (**item).clone(),
            since_id: since.ident.clone(),
            until_id: until.ident.clone(),
            limit: limit.ident.clone(),
            limit_is_number: limit.ty == Ty::Number,
        })
    }

    pub fn unalias<'t>(&'t self, ty: &'t Ty) -> &'t Ty {
        let mut ty = ty;
        // Alias cycles are broken before endpoints are built; the bound is a second guard.
        for _ in 0..64 {
            match ty {
                Ty::Named(id) => match &self.types[*id].kind {
                    TypeKind::Alias(inner) => ty = inner,
                    _ => return ty,
                },
                _ => return ty,
            }
        }
        ty
    }

    /// How to read an item's id: a struct's required `id`, or each variant's.
    fn item_id(&self, ty: &Ty, depth: usize) -> Option<ItemId> {
        let Ty::Named(id) = self.unalias(ty) else {
            return None;
        };
        if depth > MAX_ID_DEPTH {
            return None;
        }
        match &self.types[*id].kind {
            TypeKind::Struct(fields) => fields
                .iter()
                .find(|f| {
                    f.json == "id"
                        && f.required
                        && !f.nullable
                        && matches!(f.ty, Ty::Id | Ty::String)
                })
                .map(|f| ItemId::Field(f.ident.clone())),
            TypeKind::Tagged(variants) => {
                let mut out = Vec::new();
                for v in variants {
                    match self.item_id(&v.ty, depth + 1)? {
                        ItemId::Field(field) => out.push((v.ident.clone(), field)),
                        ItemId::Tagged { .. } => return None,
                    }
                }
                Some(ItemId::Tagged {
                    union: *id,
                    variants: out,
                })
            }
            _ => None,
        }
    }
}

/// The operation an endpoint is read from, and where.
struct Op<'i> {
    item: Option<&'i PathItem>,
    operation: Option<&'i Operation>,
    http_method: HttpMethod,
    pointer: &'i str,
}

/// A parameter carried as text (path segments, query string, headers).
fn text_field(
    json: &str,
    ident: String,
    required: bool,
    doc: Option<String>,
    location: Location,
) -> Field {
    Field {
        json: json.to_owned(),
        ident,
        ty: Ty::String,
        required,
        nullable: false,
        doc,
        boxed: false,
        location,
        storage: Storage::Plain,
        lenient_number: false,
        sensitive: names::is_credential(json),
    }
}
