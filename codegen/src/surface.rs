//! The public Rust surface of the generated code: every type, method, setter, field and
//! variant a user's code can name, with its signature and where in the spec it comes from.
//!
//! Two uses: `misskey-codegen names SPEC` prints the names with their spec pointers (a
//! checked-in manifest per shared spec makes every rename visible in review), and `diff`
//! compares two surfaces to say what breaks Rust code written against the older spec.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::ir::{kind_tys_mut, Api, Endpoint, Field, Setter, Storage, Ty, TypeDef, TypeKind};

/// What a public item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    Type,
    /// A method of `Client`.
    Method,
    /// `new` of a request or a nested request struct.
    Constructor,
    /// A setter of an endpoint's builder or of a nested request struct.
    Setter,
    Field,
    Variant,
}

impl Kind {
    fn label(self) -> &'static str {
        match self {
            Kind::Type => "type",
            Kind::Method => "method",
            Kind::Constructor => "constructor",
            Kind::Setter => "setter",
            Kind::Field => "field",
            Kind::Variant => "variant",
        }
    }
}

/// One public item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub kind: Kind,
    /// Where it is declared: the module of a type (`models`), the type of a field, variant
    /// or setter (`endpoints::notes::create::Builder`), `Client` for a method.
    pub owner: String,
    /// Its own name: `Note`, `text`, `notes_create`.
    pub name: String,
    /// What code that uses it depends on: a field's type, a setter's argument, a type's
    /// kind.
    pub signature: String,
    /// A setter of a parameter that must be set before sending.
    pub required: bool,
    /// The JSON pointer of the spec it comes from.
    pub pointer: String,
}

impl Item {
    /// `models::Note`, `models::Note.text` (a field), `Client::notes_create`,
    /// `endpoints::notes::create::Builder::text`.
    pub fn path(&self) -> String {
        let separator = if self.kind == Kind::Field { "." } else { "::" };
        format!("{}{separator}{}", self.owner, self.name)
    }
}

/// Every public item, by path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Surface {
    pub title: String,
    pub version: String,
    pub items: BTreeMap<String, Item>,
}

impl Surface {
    pub fn of(api: &Api) -> Surface {
        let mut surface = Surface {
            title: api.title.clone(),
            version: api.version.clone(),
            items: BTreeMap::new(),
        };
        for def in &api.types {
            surface.type_items(api, def);
        }
        for e in &api.endpoints {
            surface.endpoint_items(api, e);
        }
        surface
    }

    fn add(&mut self, item: Item) {
        self.items.insert(item.path(), item);
    }

    fn type_items(&mut self, api: &Api, def: &TypeDef) {
        let owner = def.module.join("::");
        let path = format!("{owner}::{}", def.name);
        // An alias that names a shape defined elsewhere shows that shape's members, in its
        // own place's names, so a place keeps the same surface whichever place happens to
        // define the shape.
        let definition = def.same_as.map_or(def, |same| &api.types[same]);
        let mut kind = definition.kind.clone();
        if def.same_as.is_some() {
            for (ty, own) in kind_tys_mut(&mut kind).into_iter().zip(&def.place_tys) {
                *ty = own.clone();
            }
        }
        let signature = match &kind {
            TypeKind::Struct(_) => "struct".to_owned(),
            TypeKind::StringEnum(_) | TypeKind::Tagged(_) | TypeKind::Untagged(_) => {
                "enum".to_owned()
            }
            TypeKind::Alias(ty) => format!("= {}", rust(api, ty)),
            TypeKind::Newtype(ty) => format!("struct({})", rust(api, ty)),
            TypeKind::Pending => "= serde_json::Value".to_owned(),
        };
        self.add(Item {
            kind: Kind::Type,
            owner: owner.clone(),
            name: def.name.clone(),
            signature,
            required: false,
            pointer: def.origin.clone(),
        });
        let member = |kind, name: &str, signature: String| Item {
            kind,
            owner: path.clone(),
            name: name.to_owned(),
            signature,
            required: false,
            pointer: def.origin.clone(),
        };
        match &kind {
            TypeKind::Struct(fields) => {
                for f in fields {
                    let name = f.ident.trim_start_matches("r#");
                    self.add(member(Kind::Field, name, field_type(api, f)));
                }
                if let Some(setters) = &definition.constructor {
                    self.add(member(Kind::Constructor, "new", constructor(api, fields)));
                    self.setters(api, &path, fields, setters, &def.origin);
                }
            }
            TypeKind::StringEnum(variants) => {
                for (ident, value) in variants {
                    self.add(member(Kind::Variant, ident, format!("{value:?}")));
                }
            }
            TypeKind::Tagged(_) | TypeKind::Untagged(_) => {
                let variants: Vec<(&str, &Ty)> = match &kind {
                    TypeKind::Tagged(v) => v.iter().map(|v| (v.ident.as_str(), &v.ty)).collect(),
                    TypeKind::Untagged(v) => v.iter().map(|v| (v.ident.as_str(), &v.ty)).collect(),
                    _ => Vec::new(),
                };
                for (ident, ty) in variants {
                    self.add(member(Kind::Variant, ident, format!("({})", rust(api, ty))));
                }
            }
            TypeKind::Alias(_) | TypeKind::Newtype(_) | TypeKind::Pending => {}
        }
    }

    fn endpoint_items(&mut self, api: &Api, e: &Endpoint) {
        let module = format!("endpoints::{}", e.module.join("::"));
        let pointer = api.types[e.request].origin.clone();
        let fields = api.fields(e.request);
        self.add(Item {
            kind: Kind::Method,
            owner: "Client".into(),
            name: e.method.clone(),
            signature: format!("() -> {module}::Builder"),
            required: false,
            pointer: pointer.clone(),
        });
        for (name, signature) in [
            ("Builder", "struct".to_owned()),
            ("ErrorCode", "enum".to_owned()),
        ] {
            self.add(Item {
                kind: Kind::Type,
                owner: module.clone(),
                name: name.into(),
                signature,
                required: false,
                pointer: pointer.clone(),
            });
        }
        for code in &e.error_codes {
            self.add(Item {
                kind: Kind::Variant,
                owner: format!("{module}::ErrorCode"),
                name: code.ident.clone(),
                signature: format!("{:?}", code.code),
                required: false,
                pointer: pointer.clone(),
            });
        }
        if !matches!(&e.response, Ty::Named(id) if api.types[*id].module.join("::") == module && api.types[*id].name == "Response")
        {
            self.add(Item {
                kind: Kind::Type,
                owner: module.clone(),
                name: "Response".into(),
                signature: format!("= {}", rust(api, &e.response)),
                required: false,
                pointer: pointer.clone(),
            });
        }
        self.add(Item {
            kind: Kind::Constructor,
            owner: format!("{module}::Request"),
            name: "new".into(),
            signature: constructor(api, fields),
            required: false,
            pointer: pointer.clone(),
        });
        self.setters(
            api,
            &format!("{module}::Builder"),
            fields,
            &e.setters,
            &pointer,
        );
    }

    fn setters(
        &mut self,
        api: &Api,
        owner: &str,
        fields: &[Field],
        setters: &[Setter],
        pointer: &str,
    ) {
        for setter in setters {
            let Some(f) = fields.iter().find(|f| f.ident == setter.field) else {
                continue;
            };
            let argument = if f.ty == Ty::Upload {
                "UploadFile".to_owned()
            } else {
                format!("impl Into<{}>", rust(api, &f.ty))
            };
            let mut item = Item {
                kind: Kind::Setter,
                owner: owner.to_owned(),
                name: setter.name.trim_start_matches("r#").to_owned(),
                signature: format!("({argument})"),
                required: setter.required,
                pointer: pointer.to_owned(),
            };
            self.add(item.clone());
            if let Some(null_name) = &setter.null_name {
                item.name = null_name.clone();
                item.signature = "()".into();
                item.required = false;
                self.add(item);
            }
        }
    }

    /// The manifest: one line per type, method, constructor and setter, with its spec
    /// pointer, sorted by path.
    pub fn names(&self) -> String {
        let mut out = format!("# {} {}\n", self.title, self.version);
        for (path, item) in &self.items {
            if matches!(item.kind, Kind::Field | Kind::Variant) {
                continue;
            }
            let _ = writeln!(out, "{} {path} {}", item.kind.label(), item.pointer);
        }
        out
    }
}

/// `names SPEC`: the manifest of a spec file.
pub fn names_file(path: &std::path::Path) -> Result<String, crate::Error> {
    let specs = crate::summary::read_specs(&crate::spec_files(path.as_os_str())?)?;
    let api = crate::analyze_merged(&specs, &crate::summary::cli_options())?;
    Ok(Surface::of(&api).names())
}

/// A field's type as its struct holds it.
fn field_type(api: &Api, f: &Field) -> String {
    let inner = rust(api, &f.ty);
    let inner = if f.boxed {
        format!("Box<{inner}>")
    } else {
        inner
    };
    match f.storage {
        Storage::Plain => inner,
        Storage::Option => format!("Option<{inner}>"),
        Storage::NullableOption => format!("Option<Option<{inner}>>"),
    }
}

/// `new`'s arguments: the required fields.
fn constructor(api: &Api, fields: &[Field]) -> String {
    let args: Vec<String> = fields
        .iter()
        .filter(|f| f.required)
        .map(|f| format!("{}: {}", f.ident.trim_start_matches("r#"), rust(api, &f.ty)))
        .collect();
    format!("({})", args.join(", "))
}

/// A type as Rust code names it, from the crate root.
pub fn rust(api: &Api, ty: &Ty) -> String {
    match ty {
        Ty::String => "String".into(),
        Ty::Id => "types::Id".into(),
        Ty::DateTime => "types::DateTime".into(),
        Ty::Integer => "i64".into(),
        Ty::Number => "f64".into(),
        Ty::Bool => "bool".into(),
        Ty::Value => "serde_json::Value".into(),
        Ty::Object => "serde_json::Map<String, serde_json::Value>".into(),
        Ty::Map(value) => format!("HashMap<String, {}>", rust(api, value)),
        Ty::Vec(item) => format!("Vec<{}>", rust(api, item)),
        Ty::Tuple(parts) => {
            let parts: Vec<String> = parts.iter().map(|p| rust(api, p)).collect();
            format!("({},)", parts.join(", "))
        }
        Ty::Option(inner) => format!("Option<{}>", rust(api, inner)),
        Ty::Named(id) => api.type_path(*id, &[]).join("::"),
        Ty::Unit => "()".into(),
        Ty::Upload => "UploadFile".into(),
    }
    .replace("crate::", "")
}

/// One difference between two surfaces.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Change {
    /// Where it is listed: the owner of the item that changed.
    pub owner: String,
    /// `+ text (impl Into<String>)`, `- type Note`, `~ text: String → Option<String>`.
    pub line: String,
}

/// What changed for Rust code, split into what may break it and what does not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RustDiff {
    pub breaking: Vec<Change>,
    pub other: Vec<Change>,
}

impl RustDiff {
    pub fn between(old: &Surface, new: &Surface) -> RustDiff {
        let mut diff = RustDiff::default();
        let renames = renames(old, new);
        let renamed_old: BTreeSet<&str> = renames.iter().map(|(o, _)| o.as_str()).collect();
        let renamed_new: BTreeSet<&str> = renames.iter().map(|(_, n)| n.as_str()).collect();
        for (from, to) in &renames {
            diff.breaking.push(Change {
                owner: old.items[from].owner.clone(),
                line: format!("~ type {} renamed to {to}", old.items[from].name),
            });
        }
        // Members of a type that is gone (or new) as a whole are not listed one by one.
        let gone_types: BTreeSet<String> = old
            .items
            .iter()
            .filter(|(path, i)| i.kind == Kind::Type && !new.items.contains_key(*path))
            .map(|(path, _)| path.clone())
            .collect();
        let new_types: BTreeSet<String> = new
            .items
            .iter()
            .filter(|(path, i)| i.kind == Kind::Type && !old.items.contains_key(*path))
            .map(|(path, _)| path.clone())
            .collect();
        for (path, item) in &old.items {
            if renamed_old.contains(path.as_str()) || gone_types.contains(&item.owner) {
                continue;
            }
            match new.items.get(path) {
                None => diff.breaking.push(Change {
                    owner: item.owner.clone(),
                    line: format!("- {} {}{}", item.kind.label(), item.name, describe(item)),
                }),
                Some(now) => {
                    if now.signature != item.signature {
                        diff.breaking.push(Change {
                            owner: item.owner.clone(),
                            line: format!(
                                "~ {} {}: {} → {}",
                                item.kind.label(),
                                item.name,
                                item.signature,
                                now.signature
                            ),
                        });
                    }
                    if item.kind == Kind::Setter && now.required != item.required {
                        let change = Change {
                            owner: item.owner.clone(),
                            line: if now.required {
                                format!("! {}: now required; a call that does not set it fails before sending", item.name)
                            } else {
                                format!(
                                    "~ {}: now optional (`Request::new` no longer takes it)",
                                    item.name
                                )
                            },
                        };
                        if now.required {
                            diff.breaking.push(change);
                        } else {
                            diff.other.push(change);
                        }
                    }
                }
            }
        }
        for (path, item) in &new.items {
            if old.items.contains_key(path)
                || renamed_new.contains(path.as_str())
                || new_types.contains(&item.owner)
            {
                continue;
            }
            let change = Change {
                owner: item.owner.clone(),
                line: format!("+ {} {}{}", item.kind.label(), item.name, describe(item)),
            };
            // A new parameter the server requires: calls written before it fail to send.
            if item.kind == Kind::Setter && item.required {
                diff.breaking.push(Change {
                    line: format!(
                        "! {} {}{}: a new required parameter; a call that does not set it fails before sending",
                        item.kind.label(),
                        item.name,
                        describe(item)
                    ),
                    ..change
                });
            } else {
                diff.other.push(change);
            }
        }
        diff.breaking.sort();
        diff.other.sort();
        diff
    }

    /// The report: counts first, then the breaking changes, then the others, each grouped
    /// by where the item lives.
    pub fn render(&self, old: &Surface, new: &Surface) -> String {
        let mut out = format!(
            "Rust API: {} {} → {} {}\nbreaking changes: {}; other changes: {}\n",
            old.title,
            old.version,
            new.title,
            new.version,
            self.breaking.len(),
            self.other.len()
        );
        for (title, changes) in [
            ("breaking (code written against the old spec may stop compiling or fail at run time)", &self.breaking),
            ("not breaking", &self.other),
        ] {
            if changes.is_empty() {
                continue;
            }
            let _ = write!(out, "\n{title}:\n");
            let mut owner = "";
            for change in changes {
                if change.owner != owner {
                    owner = &change.owner;
                    let _ = writeln!(out, "  {owner}");
                }
                let _ = writeln!(out, "    {}", change.line);
            }
        }
        out
    }
}

/// What follows an item's name in a report line.
fn describe(item: &Item) -> String {
    match item.kind {
        Kind::Type => format!(" ({})", item.signature),
        Kind::Field => format!(": {}", item.signature),
        Kind::Method | Kind::Constructor | Kind::Setter => item.signature.clone(),
        Kind::Variant => format!(" {}", item.signature),
    }
}

/// Types that vanished from one place and appeared under another name in the same module
/// with exactly the same members: renamed.
fn renames(old: &Surface, new: &Surface) -> Vec<(String, String)> {
    let (old_members, new_members) = (members_by_owner(old), members_by_owner(new));
    let appeared: Vec<(&String, &Item)> = new
        .items
        .iter()
        .filter(|(p, i)| i.kind == Kind::Type && !old.items.contains_key(*p))
        .collect();
    let mut taken = BTreeSet::new();
    let mut out = Vec::new();
    for (path, item) in &old.items {
        if item.kind != Kind::Type || new.items.contains_key(path) {
            continue;
        }
        let Some(before) = old_members.get(path.as_str()) else {
            continue;
        };
        let candidate = appeared.iter().find(|(p, i)| {
            i.owner == item.owner
                && i.signature == item.signature
                && !taken.contains(*p)
                && new_members.get(p.as_str()) == Some(before)
        });
        if let Some((new_path, _)) = candidate {
            taken.insert(*new_path);
            out.push((path.clone(), (*new_path).clone()));
        }
    }
    out
}

/// Each owner's members, as (name, signature), in path order.
fn members_by_owner(surface: &Surface) -> BTreeMap<&str, Vec<(&str, &str)>> {
    let mut out: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
    for item in surface.items.values() {
        out.entry(item.owner.as_str())
            .or_default()
            .push((item.name.as_str(), item.signature.as_str()));
    }
    out
}
