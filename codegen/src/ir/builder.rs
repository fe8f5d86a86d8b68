//! The state of one build: the types so far, the component schemas, name scopes, and the
//! warnings. References are followed here, with every cycle and dangling target caught.

use std::cell::RefCell;
use std::collections::HashMap;

use super::schema::{Kind, Walked};
use super::shape::Shape;
use super::{Ty, TypeDef, TypeId, TypeKind};
use crate::diagnostics::Warnings;
use crate::names::{self, Scope};
use crate::normalize::escape;
use crate::spec::{Schema, Spec};

/// Models the hand-written core (streaming events) refers to by name. They claim their
/// Rust names before any other schema, so `models::Note` is the spec's `Note` even when a
/// `note` schema is there too. Older servers and forks lack some (`ChatMessage` came with
/// 2025.x); those become `serde_json::Value` aliases so that the crate builds against any
/// spec.
pub(super) const CORE_MODELS: &[&str] = &[
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

/// How many references in a row are followed before a chain is taken to loop.
const MAX_REFERENCE_HOPS: usize = 64;

/// Where a schema is being converted, and what to call what it defines.
#[derive(Debug, Clone)]
pub(super) struct Ctx {
    pub module: Vec<String>,
    pub name: String,
    pub pointer: String,
    /// How many schemas deep the conversion is, synthetic ones included.
    pub depth: usize,
    /// Inside a multipart body, where `format: binary` is a file.
    pub multipart: bool,
    /// Component schemas whose properties were merged into the types being converted
    /// (through `allOf` or an object union): merging one into itself would never end.
    pub inlined: Vec<String>,
}

impl Ctx {
    /// Where a conversion starts: a component, a request or a response.
    pub fn root(module: &[String], name: &str, pointer: String) -> Ctx {
        Ctx {
            module: module.to_vec(),
            name: name.to_owned(),
            pointer,
            depth: 0,
            multipart: false,
            inlined: Vec::new(),
        }
    }

    /// One level down. An empty `name_suffix` (the one branch of a union, `allOf: [X]`)
    /// keeps the name: the place is the same.
    pub fn child(&self, name_suffix: &str, pointer_suffix: &str) -> Ctx {
        let name = if name_suffix.is_empty() {
            self.name.clone()
        } else {
            format!("{}{}", self.name, names::pascal(name_suffix))
        };
        Ctx {
            module: self.module.clone(),
            name,
            pointer: format!("{}/{}", self.pointer, pointer_suffix),
            depth: self.depth + 1,
            multipart: self.multipart,
            inlined: self.inlined.clone(),
        }
    }
}

pub(super) struct Builder<'a> {
    pub spec: &'a Spec<'a>,
    pub types: Vec<TypeDef>,
    pub models: Vec<TypeId>,
    pub components: HashMap<String, TypeId>,
    /// Inline shapes already generated, by their canonical form: defined once, named at
    /// every place through an alias.
    pub shared: HashMap<String, TypeId>,
    /// Type names taken in each module.
    scopes: HashMap<Vec<String>, Scope>,
    /// Shared by the many `&self` steps that follow references.
    pub warnings: RefCell<Warnings>,
    /// Each component's shape once merged (see `shape`).
    pub shapes: Walked<Shape<'a>>,
    /// Each component's JSON kind, for the unions that hold it, with the problems met
    /// below it (see `kind`).
    pub kinds: Walked<(Kind, Vec<String>)>,
    /// While a kind is worked out: what the unions converted will warn of.
    pub kind_problems: RefCell<Vec<String>>,
}

impl<'a> Builder<'a> {
    pub fn new(spec: &'a Spec<'a>, warnings: Warnings) -> Self {
        Builder {
            spec,
            types: Vec::new(),
            models: Vec::new(),
            components: HashMap::new(),
            shared: HashMap::new(),
            scopes: HashMap::new(),
            warnings: RefCell::new(warnings),
            shapes: Walked::default(),
            kinds: Walked::default(),
            kind_problems: RefCell::new(Vec::new()),
        }
    }

    pub fn warn(&self, pointer: &str, message: impl Into<String>) {
        self.warnings.borrow_mut().push(pointer, message);
    }

    /// Declares every component schema under its name, then converts each.
    pub fn components(&mut self) {
        let module = vec!["models".to_owned()];
        let schemas = &self.spec.components.schemas;
        let core_first = schemas
            .iter()
            .filter(|(name, _)| CORE_MODELS.contains(name))
            .chain(
                schemas
                    .iter()
                    .filter(|(name, _)| !CORE_MODELS.contains(name)),
            );
        let mut idents: HashMap<&str, String> = HashMap::new();
        for (name, _) in core_first {
            let wanted = names::pascal(name);
            let ident = self.type_scope(&module).claim(&wanted);
            if ident != wanted {
                self.warn(
                    &format!("/components/schemas/{}", escape(name)),
                    format!("its Rust name `{wanted}` is taken (by another schema, or by a name the generated code needs); named `{ident}`"),
                );
            }
            idents.insert(name, ident);
        }
        // Declared in the spec's order, which is the order they are printed in.
        let mut declared: HashMap<String, TypeId> = HashMap::new();
        for (name, _) in schemas {
            let id = self.push(TypeDef::new(
                idents[name].clone(),
                module.clone(),
                format!("/components/schemas/{}", escape(name)),
                TypeKind::Pending,
            ));
            declared.insert((*name).to_owned(), id);
            self.models.push(id);
        }
        self.components = declared;
        for (name, schema) in schemas {
            let id = self.components[*name];
            let pointer = format!("/components/schemas/{}", escape(name));
            let ctx = Ctx {
                inlined: vec![(*name).to_owned()],
                ..Ctx::root(&module, &self.types[id].name, pointer)
            };
            if let Some(reference) = schema.reference() {
                let target = self
                    .component_id(reference, &ctx.pointer)
                    .map_or(Ty::Value, Ty::Named);
                self.types[id].kind = TypeKind::Alias(target);
                continue;
            }
            self.types[id].doc = schema.description().map(str::to_owned);
            self.define(schema, &ctx, Some(id));
        }
        for name in CORE_MODELS {
            if self.type_scope(&module).contains(name) {
                continue;
            }
            let name = self.type_scope(&module).claim(name);
            let doc = format!(
                "This server's spec has no `{name}` schema; the crate's hand-written parts \
                 (streaming) still name it, so it stands for whatever JSON arrives."
            );
            let id = self.push(TypeDef {
                doc: Some(doc),
                ..TypeDef::new(
                    name,
                    module.clone(),
                    String::new(),
                    TypeKind::Alias(Ty::Value),
                )
            });
            self.models.push(id);
        }
    }

    /// The type names taken in a module; the prelude's names are never handed out, so a
    /// generated `From` or `Option` cannot shadow the real one.
    pub fn type_scope(&mut self, module: &[String]) -> &mut Scope {
        self.scopes
            .entry(module.to_vec())
            .or_insert_with(|| Scope::with_reserved(PRELUDE))
    }

    pub fn push(&mut self, def: TypeDef) -> TypeId {
        self.types.push(def);
        self.types.len() - 1
    }

    /// The component a schema reference names; `None` (with a warning) when it names
    /// nothing the generator can follow, which the caller reads as any JSON value.
    pub fn component_id(&self, reference: &str, pointer: &str) -> Option<TypeId> {
        let (name, _) = self.component(reference, pointer)?;
        self.components.get(name).copied()
    }

    /// The component schema a reference points to, with its name, if it exists.
    fn component(&self, reference: &str, pointer: &str) -> Option<(&'a str, &'a Schema<'a>)> {
        let Some(escaped) = reference.strip_prefix("#/components/schemas/") else {
            self.warn(
                pointer,
                format!("the reference `{reference}` does not point into `#/components/schemas/`; read as any JSON value"),
            );
            return None;
        };
        let name = crate::normalize::unescape(escaped);
        let found = self.spec.components.schema(&name);
        if found.is_none() {
            self.warn(
                pointer,
                format!(
                    "`{reference}` names no schema in components.schemas; read as any JSON value"
                ),
            );
        }
        found
    }

    /// Follows references to a schema. A chain that loops, or a reference to nothing, is
    /// read as any JSON value (with a warning). Also answers the component's name when the
    /// schema was reached through one.
    pub fn resolve<'s>(
        &'s self,
        schema: &'s Schema<'a>,
        pointer: &str,
    ) -> (&'s Schema<'a>, Option<&'a str>) {
        let mut current = schema;
        let mut name = None;
        for _ in 0..MAX_REFERENCE_HOPS {
            let Some(reference) = current.reference() else {
                return (current, name);
            };
            let Some((key, next)) = self.component(reference, pointer) else {
                return (&Schema::UNTYPED, None);
            };
            current = next;
            name = Some(key);
        }
        self.warn(
            pointer,
            "a chain of references that leads back to itself; read as any JSON value",
        );
        (&Schema::UNTYPED, None)
    }

    /// Whether a value of this schema may be `null`.
    pub fn nullable(&self, schema: &Schema) -> bool {
        schema.reference().is_none() && (schema.nullable() || schema.null_only())
    }
}
