//! A named type of the IR: its docs, then one printer per kind (`structs`, `enums`,
//! `unions`; aliases and newtypes here).

use proc_macro2::TokenStream;
use quote::quote;

use super::{availability, doc_attrs, enums, escape_doc, ident, structs, ty_tokens, unions};
use crate::ir::{Api, Ty, TypeDef, TypeId, TypeKind};

/// A type's declaration and impls.
pub(super) fn type_def(api: &Api, id: TypeId, def: &TypeDef) -> TokenStream {
    let name = ident(&def.name);
    let doc = doc_attrs(&type_doc(api, id, def));
    match &def.kind {
        // Every component is defined before printing; should one not be, it still reads
        // whatever JSON arrives.
        TypeKind::Pending => quote! { #doc pub type #name = ::serde_json::Value; },
        TypeKind::Alias(ty) => {
            let ty = ty_tokens(api, ty, &def.module);
            quote! { #doc pub type #name = #ty; }
        }
        TypeKind::Newtype(ty) => newtype(api, def, ty, doc),
        TypeKind::Struct(fields) => structs::struct_def(api, id, def, fields, doc),
        TypeKind::StringEnum(variants) => enums::string_enum(def, variants, doc),
        TypeKind::Tagged(variants) => unions::tagged(api, def, variants, doc),
        TypeKind::Untagged(variants) => unions::untagged(api, def, variants, doc),
    }
}

/// A type's doc lines: the spec's description, else what the type is and where it comes
/// from; and the shape it shares, if any.
fn type_doc(api: &Api, id: TypeId, def: &TypeDef) -> Vec<String> {
    let module = &def.module;
    // The spec's own name (`note`, when its Rust name had to be `Note2`).
    let schema_name = def
        .origin
        .strip_prefix("/components/schemas/")
        .map_or_else(|| def.name.clone(), crate::normalize::unescape);
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
    if let Some(line) = availability(api, std::slice::from_ref(&def.origin)) {
        doc_lines.push(String::new());
        doc_lines.push(line);
    }
    doc_lines
}

/// A type that contains itself through a list or map, as a transparent newtype.
fn newtype(api: &Api, def: &TypeDef, ty: &Ty, doc: TokenStream) -> TokenStream {
    let name = ident(&def.name);
    let mut derives = vec![quote! { Debug }, quote! { Clone }];
    if def.serialize {
        derives.push(quote! { ::serde::Serialize });
    }
    if def.deserialize {
        derives.push(quote! { ::serde::Deserialize });
    }
    let serde = (def.serialize || def.deserialize).then(|| quote! { #[serde(transparent)] });
    let ty = ty_tokens(api, ty, &def.module);
    quote! {
        #doc
        #[derive(#(#derives),*)]
        #serde
        pub struct #name(pub #ty);
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
        .map(crate::normalize::unescape)
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
            // `oneOf/0`: the branch's index is no place a reader needs. Some places
            // stand for the whole union (`oneOf` with no index after it); the next part
            // is then a property or an item, which must be kept.
            "allOf" | "oneOf" | "anyOf" | "prefixItems" => {
                if iter
                    .peek()
                    .is_some_and(|next| next.parse::<usize>().is_ok())
                {
                    iter.next();
                }
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

#[cfg(test)]
mod tests {
    use super::readable_origin;

    #[test]
    fn readable_origins() {
        let response = "/paths/~1users~1show/post/responses/200/content/application~1json/schema";
        for (pointer, want) in [
            (
                "/paths/~1notes~1create/post/requestBody/content/application~1json/schema/properties/poll",
                "notes/create request poll",
            ),
            // A place that stands for the whole union: `oneOf` with no branch index.
            (
                &*format!("{response}/oneOf/properties/avatarDecorations/items"),
                "users/show response avatarDecorations[]",
            ),
            (
                &*format!("{response}/oneOf/1/properties/instance"),
                "users/show response instance",
            ),
            ("/components/schemas/Note/properties/poll/properties/choices/items", "Note poll.choices[]"),
        ] {
            assert_eq!(readable_origin(pointer), want, "{pointer}");
        }
    }
}
