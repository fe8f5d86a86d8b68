//! Structs: the declaration with its fields' docs, a `Debug` that hides credentials, and
//! `Serialize`/`Deserialize` written for JSON (or serde's derives, for the benchmark's
//! baseline).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::builder::nested_constructor;
use super::{availability, code_span, doc_attrs, escape_doc, ident, ty_tokens};
use crate::ir::{Api, Constraints, Field, Location, Storage, Ty, TypeDef, TypeId};

/// A struct: its declaration, `Debug` (redacted where it holds a credential), `new` and
/// setters where requests send it, and its serde impls.
pub(super) fn struct_def(
    api: &Api,
    id: TypeId,
    def: &TypeDef,
    fields: &[Field],
    doc: TokenStream,
) -> TokenStream {
    let name = ident(&def.name);
    let module = &def.module;
    let mut derives = vec![quote! { Debug }, quote! { Clone }];
    if api.serde_derives && def.serialize {
        derives.push(quote! { ::serde::Serialize });
    }
    if api.serde_derives && def.deserialize {
        derives.push(quote! { ::serde::Deserialize });
    }
    let request = api.is_request(id);
    let serialize =
        (!api.serde_derives && def.serialize).then(|| serialize_impl(def, fields, request));
    let deserialize =
        (!api.serde_derives && def.deserialize).then(|| deserialize_impl(api, def, fields, module));
    // A struct holding a credential prints `***` for it instead of deriving `Debug`.
    let redacted_debug = fields.iter().any(|f| f.sensitive).then(|| {
        derives.retain(|d| d.to_string() != "Debug");
        redacted_debug(def, fields)
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

/// `Debug` for a struct that holds a credential: `***` in its place.
fn redacted_debug(def: &TypeDef, fields: &[Field]) -> TokenStream {
    let name = ident(&def.name);
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
        impl ::std::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct(#label)
                    #(#entries)*
                    .finish()
            }
        }
    }
}

pub(super) fn field_doc(f: &Field, request: bool) -> Vec<String> {
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
    // What may be sent: on the side that sends it (a response's reader gets what arrives).
    if request {
        doc.extend(constraint_sentences(&f.constraints));
    }
    doc
}

/// How many enum values a doc line lists before it says how many more there are.
const LISTED_VALUES: usize = 12;

/// What a field's schema says of its values, as short sentences that continue its presence
/// line's paragraph.
fn constraint_sentences(c: &Constraints) -> Vec<String> {
    let mut out: Vec<String> = value_phrases(c).iter().map(|p| sentence(p)).collect();
    let mut list = Vec::new();
    if let Some(count) = count_range(c.min_items, c.max_items, "item") {
        list.push(count);
    }
    if c.unique_items {
        list.push("no duplicates".to_owned());
    }
    if !list.is_empty() {
        out.push(sentence(&list.join(", ")));
    }
    if let Some(items) = &c.items {
        let phrases = value_phrases(items);
        if !phrases.is_empty() {
            out.push(format!("Each item: {}.", phrases.join("; ")));
        }
    }
    if let Some(default) = &c.default {
        let shown = match default {
            serde_json::Value::String(text) if !text.is_empty() => text.clone(),
            other => other.to_string(),
        };
        // A long default (an object) would crowd the line; the spec has it.
        if shown.chars().count() <= MAX_DEFAULT {
            out.push(format!("Default: {}.", code_span(&shown)));
        }
    }
    out
}

/// The longest default a doc line shows.
const MAX_DEFAULT: usize = 60;

/// What a value (a field's, or each item's) may be: its enum values, bounds, length, pattern
/// and format, each a phrase.
fn value_phrases(c: &Constraints) -> Vec<String> {
    let mut out = Vec::new();
    if !c.values.is_empty() {
        let shown = if c.values.len() > LISTED_VALUES {
            LISTED_VALUES - 2
        } else {
            c.values.len()
        };
        let mut listed: Vec<String> = c.values[..shown].iter().map(|v| code_span(v)).collect();
        if shown < c.values.len() {
            listed.push(format!("and {} more", c.values.len() - shown));
        }
        out.push(format!("one of {}", listed.join(", ")));
    }
    let lower = c.minimum.as_ref().map(|(n, exclusive)| {
        let word = if *exclusive { "more than" } else { "at least" };
        format!("{word} {n}")
    });
    let upper = c.maximum.as_ref().map(|(n, exclusive)| {
        let word = if *exclusive { "less than" } else { "at most" };
        format!("{word} {n}")
    });
    let bounds: Vec<String> = lower.into_iter().chain(upper).collect();
    if !bounds.is_empty() {
        out.push(bounds.join(", "));
    }
    if let Some(length) = count_range(c.min_length, c.max_length, "character") {
        out.push(length);
    }
    if let Some(pattern) = &c.pattern {
        out.push(format!("matches {}", code_span(pattern)));
    }
    if let Some(format) = &c.format {
        out.push(format!("format {}", code_span(format)));
    }
    out
}

/// `2 to 10 items`, `at most 3000 characters`; a lower bound of 0 says nothing.
fn count_range(min: Option<u64>, max: Option<u64>, unit: &str) -> Option<String> {
    let plural = |n: u64| if n == 1 { "" } else { "s" };
    match (min.filter(|n| *n > 0), max) {
        (Some(min), Some(max)) if min == max => {
            Some(format!("exactly {min} {unit}{}", plural(min)))
        }
        (Some(min), Some(max)) => Some(format!("{min} to {max} {unit}s")),
        (Some(min), None) => Some(format!("at least {min} {unit}{}", plural(min))),
        (None, Some(max)) => Some(format!("at most {max} {unit}{}", plural(max))),
        (None, None) => None,
    }
}

/// A phrase as a sentence: capitalized, with a full stop.
fn sentence(phrase: &str) -> String {
    let mut chars = phrase.chars();
    match chars.next() {
        Some(first) => format!("{}{}.", first.to_uppercase(), chars.as_str()),
        None => String::new(),
    }
}

/// A field's type as its struct holds it.
pub(super) fn field_ty(api: &Api, f: &Field, module: &[String]) -> TokenStream {
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
    let mut lines = field_doc(f, def.serialize && !def.deserialize);
    let place = format!(
        "{}/properties/{}",
        def.origin,
        crate::normalize::escape(&f.json)
    );
    if let Some(line) = availability(api, &[place]) {
        lines.push(String::new());
        lines.push(line);
    }
    let doc = doc_attrs(&lines);
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
pub(super) fn travels_in_json(f: &Field) -> bool {
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
        // JSON has no NaN or infinity; serde_json would send `null` in their place.
        if f.ty == Ty::Number {
            entries.push(quote! { crate::__private::finite::<S, _>(&self.#field, #json)?; });
        }
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
            impl ::serde::Serialize for #name {
                fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    use ::serde::ser::SerializeStruct as _;
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
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeStruct as _;
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
            Storage::Plain => {
                quote! { #field: crate::__private::required(#slot, #json, Self::EXPECTING)? }
            }
        }
    });
    quote! {
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                crate::__private::object(deserializer)
            }
        }

        impl crate::__private::Object for #name {
            const EXPECTING: &'static str = #expecting;

            fn from_map<'de, A: ::serde::de::MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
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
