//! One path: its request (body, path, query and header parameters), its response, its
//! error codes, and whether it pages.

use std::collections::HashMap;

use serde_json::Value;

use super::builder::{Builder, Ctx};
use super::shape::Shape;
use super::{
    Constraints, Endpoint, ErrorCode, Field, HttpMethod, ItemId, Location, Pagination, Storage, Ty,
    TypeDef, TypeId, TypeKind, COMMON_ERROR_CODES,
};
use crate::names::{self, Scope};
use crate::normalize::escape;
use crate::spec::{
    media, Body, Components, Operation, Parameter, ParameterIn, PathItem, RefOr, Schema,
};

/// How many type lookups `has_id` makes before giving up on a union that contains itself.
const MAX_ID_DEPTH: usize = 8;

impl<'a> Builder<'a> {
    pub fn endpoint(
        &mut self,
        name: &str,
        module: Vec<String>,
        method: String,
        item: Option<&'a PathItem<'a>>,
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

        let responses = operation.map_or(&[][..], |o| &o.responses);
        // Only a declared `204`: a `2XX` range says nothing of it.
        let answers_204 = responses.iter().any(|(key, _, _)| *key == "204");
        // Response: the first 2xx JSON body; `()` for an endpoint that only answers 204;
        // any JSON where no response is declared at all.
        let mut response = if responses.is_empty() {
            Ty::Value
        } else {
            Ty::Unit
        };
        let mut error_codes: Vec<ErrorCode> = Vec::new();
        let mut codes = Scope::with_reserved(&["Unknown", "Common"]);
        for (status, code, response_def) in responses {
            let code = *code;
            let status_pointer = format!("{op_pointer}/responses/{}", escape(status));
            let Some((response_def, _)) =
                self.component_item(response_def, "responses", &status_pointer, |c| &c.responses)
            else {
                continue;
            };
            let json = media(&response_def.content, "application/json");
            if (200..300).contains(&code) && response == Ty::Unit && code != 204 {
                let schema = json.and_then(|m| m.schema.as_ref());
                response = match schema {
                    Some(schema) => {
                        let pointer = format!("{status_pointer}/content/application~1json/schema");
                        // `Response` is the alias's name when the body may be null.
                        let name = if self.nullable(schema) {
                            "ResponseBody"
                        } else {
                            "Response"
                        };
                        let ty = self.ty(schema, &ctx(name, pointer, false));
                        self.optional_if(ty, self.nullable(schema))
                    }
                    None => Ty::Value,
                };
            } else if code >= 400 {
                let examples = json.map(|m| m.examples.iter()).into_iter().flatten();
                for (key, example) in examples {
                    let RefOr::Item(value) = example else {
                        continue;
                    };
                    let error = value.and_then(|v| v.get("error"));
                    let text = |field: &str| {
                        error
                            .and_then(|e| e.get(field))
                            .and_then(Value::as_str)
                            .map(str::to_owned)
                    };
                    let code_str = text("code").unwrap_or_else(|| (*key).to_owned());
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

        let description = operation.and_then(|o| o.description).unwrap_or_default();
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
        let requires_credential = operation.is_some_and(|o| o.secured)
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
            get_allowed: item.is_some_and(|i| i.operation("get").is_some())
                && http_method == HttpMethod::Post,
            source: operation.and_then(|o| o.docs_url).map(str::to_owned),
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
    fn operation(
        &self,
        item: Option<&'a PathItem<'a>>,
        pointer: &str,
    ) -> (Option<&'a Operation<'a>>, String, HttpMethod) {
        let Some(item) = item else {
            return (None, pointer.to_owned(), HttpMethod::Post);
        };
        if let Some(post) = item.operation("post") {
            return (Some(post), format!("{pointer}/post"), HttpMethod::Post);
        }
        if let Some(get) = item.operation("get") {
            return (Some(get), format!("{pointer}/get"), HttpMethod::Get);
        }
        if let Some((method, operation)) = item.operations.first() {
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
        body: &'a RefOr<'a, Body<'a>>,
        pointer: &str,
    ) -> (Option<&'a Schema<'a>>, bool, String) {
        let Some((body, pointer)) =
            self.component_item(body, "requestBodies", pointer, |c| &c.request_bodies)
        else {
            return (None, false, pointer.to_owned());
        };
        let at = |media: &str| format!("{pointer}/content/{}/schema", escape(media));
        if let Some(json) = media(&body.content, "application/json") {
            return (json.schema.as_ref(), false, at("application/json"));
        }
        if let Some(multipart) = media(&body.content, "multipart/form-data") {
            return (multipart.schema.as_ref(), true, at("multipart/form-data"));
        }
        if let Some((media_type, other)) = body.content.first() {
            self.warn(
                &format!("{pointer}/content"),
                format!("a `{media_type}` body; sent as JSON, as Misskey reads it"),
            );
            return (other.schema.as_ref(), false, at(media_type));
        }
        (None, false, pointer)
    }

    /// The item itself, or the one a reference into `components.{section}` names, with
    /// where it is; `None`, with a warning, for a reference to nothing there.
    fn component_item<T>(
        &self,
        item: &'a RefOr<'a, T>,
        section: &str,
        pointer: &str,
        entries: impl FnOnce(&'a Components<'a>) -> &'a HashMap<&'a str, RefOr<'a, T>>,
    ) -> Option<(&'a T, String)> {
        let reference = match item {
            RefOr::Item(item) => return Some((item, pointer.to_owned())),
            RefOr::Ref(reference) => reference,
        };
        let prefix = format!("#/components/{section}/");
        let found = reference.strip_prefix(&prefix).and_then(|escaped| {
            let name = crate::normalize::unescape(escaped);
            match entries(&self.spec.components).get(name.as_str())? {
                RefOr::Item(item) => Some((item, format!("/components/{section}/{escaped}"))),
                RefOr::Ref(_) => None,
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
    fn parameters(
        &mut self,
        path: &str,
        op: &Op<'a, '_>,
        module: &[String],
        fields: &mut Vec<Field>,
    ) {
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
        let item_pointer = pointer.rsplit_once('/').map_or(pointer, |(b, _)| b);
        let declared = item
            .into_iter()
            .flat_map(|i| &i.parameters)
            .map(|(n, p)| (p, format!("{item_pointer}/parameters/{n}")))
            .chain(
                operation
                    .into_iter()
                    .flat_map(|o| &o.parameters)
                    .map(|(n, p)| (p, format!("{pointer}/parameters/{n}"))),
            );
        let mut params: Vec<(&Parameter, String)> = Vec::new();
        for (parameter, at) in declared {
            if let Some((p, _)) =
                self.component_item(parameter, "parameters", &at, |c| &c.parameters)
            {
                params.push((p, at));
            }
        }
        for segment in path.split('/') {
            let Some(name) = segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) else {
                continue;
            };
            let doc = params
                .iter()
                .find_map(|(p, _)| (p.name == name).then_some(p.description).flatten())
                .map(str::to_owned);
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
            let name = parameter.name;
            let location = match parameter.location {
                ParameterIn::Path => {
                    if !path.contains(&format!("{{{name}}}")) {
                        self.warn(
                            &at,
                            format!("a path parameter `{name}` that the path `{path}` has no segment for; ignored"),
                        );
                    }
                    continue;
                }
                ParameterIn::Query => Location::Query,
                ParameterIn::Header => Location::Header,
                ParameterIn::Cookie => {
                    self.warn(
                        &at,
                        format!(
                            "a cookie parameter `{name}`: the client sends no cookies; not generated"
                        ),
                    );
                    continue;
                }
            };
            if fields.iter().any(|f| f.json == name) {
                self.warn(
                    &at,
                    format!("the parameter `{name}` is also a body property; the body property is the one generated"),
                );
                continue;
            }
            let ident = scope.claim(&names::snake(name));
            let doc = parameter.description.map(str::to_owned);
            let mut field = if location == Location::Query && http_method == HttpMethod::Get {
                // A `GET` endpoint's query string is its body.
                let ty = match &parameter.schema {
                    Some(schema) => {
                        let type_name = format!("Request{}", names::pascal(name));
                        let ctx = Ctx::root(module, &type_name, format!("{at}/schema"));
                        self.ty(schema, &ctx)
                    }
                    // Described by `content` (or by nothing): text.
                    None => Ty::String,
                };
                let mut field = text_field(name, ident, parameter.required, doc, Location::Body);
                field.ty = ty;
                field
            } else {
                text_field(name, ident, parameter.required, doc, location)
            };
            if let Some(schema) = &parameter.schema {
                field.constraints = Constraints::of(schema, &field.ty);
            }
            fields.push(field);
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
struct Op<'a, 'p> {
    item: Option<&'a PathItem<'a>>,
    operation: Option<&'a Operation<'a>>,
    http_method: HttpMethod,
    pointer: &'p str,
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
        constraints: Constraints::default(),
    }
}
