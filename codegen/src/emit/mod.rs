//! Prints the IR as Rust: `quote` builds the tokens, one module per kind of item, and
//! `format` prints them as source.
//!
//! - `types`: a named type of the IR, by kind: `structs`, `enums` (string enums) and
//!   `unions` (tagged and untagged), aliases and newtypes in `types` itself;
//! - `endpoint`: an endpoint's module: its docs, `impl Endpoint`, error codes, pagination;
//! - `builder`: constructors and setters, of requests and of the nested structs they send;
//! - `client`: the `Client` methods and the index of every endpoint.
//!
//! Compile time shapes what is printed. A bot uses a few of hundreds of endpoints, so the
//! small non-generic functions of each endpoint and type (client methods, `missing`, error
//! code conversions, string enum conversions) are `#[inline]`: rustc then compiles them in
//! the crate that calls them, not all of them in this one. Structs get `Serialize` and
//! `Deserialize` impls written for JSON rather than serde's derives, which also write a
//! field enum with its visitor and a sequence form per struct.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use crate::ir::{Api, Endpoint, Ty};

mod builder;
mod client;
mod endpoint;
mod enums;
mod structs;
mod types;
mod unions;

/// The whole generated file: the models, the endpoint modules, and the client's methods
/// with the index of endpoints.
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
        node.items.push(types::type_def(api, id, def));
    }

    for e in &api.endpoints {
        let mut path = vec!["endpoints".to_owned()];
        let mut node = root.child("endpoints");
        for (depth, segment) in e.module.iter().enumerate() {
            path.push(segment.clone());
            node = node.child(segment);
            if node.doc.is_empty() && depth + 1 < e.module.len() {
                let prefix = e
                    .name
                    .split('/')
                    .take(depth + 1)
                    .collect::<Vec<_>>()
                    .join("/");
                node.doc = vec![format!("Endpoints under `{prefix}/`.")];
            }
        }
        node.doc = endpoint::endpoint_doc(api, e);
        node.items.push(endpoint::endpoint_items(api, e, &path));
    }
    root.items.push(client::client_and_index(api));
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

fn ty_tokens(api: &Api, ty: &Ty, module: &[String]) -> TokenStream {
    match ty {
        Ty::String => quote! { String },
        Ty::Id => quote! { crate::types::Id },
        Ty::DateTime => quote! { crate::types::DateTime },
        Ty::Integer => quote! { i64 },
        Ty::Number => quote! { f64 },
        Ty::Bool => quote! { bool },
        Ty::Value => quote! { ::serde_json::Value },
        Ty::Object => quote! { ::serde_json::Map<String, ::serde_json::Value> },
        Ty::Map(value) => {
            let value = ty_tokens(api, value, module);
            quote! { ::std::collections::HashMap<String, #value> }
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

fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// In a build of several specs, the doc line of a place not all of them have: which do,
/// which do not (`Only on Misskey 2025.2.1, Misskey 2025.4.1-mhq.13; not on Misskey
/// 13.11.3.`). `None` for a place every merged spec has, and in a single-spec build.
fn availability(api: &Api, pointers: &[String]) -> Option<String> {
    let have = specs_having(api, pointers)?;
    let lacking: Vec<&str> = api
        .specs
        .iter()
        .filter(|s| !have.contains(s))
        .map(String::as_str)
        .collect();
    Some(format!(
        "Only on {}; not on {}.",
        have.join(", "),
        lacking.join(", ")
    ))
}

/// In a merged build, the specs that have the first of `pointers` that not all of them have.
fn specs_having<'a>(api: &'a Api, pointers: &[String]) -> Option<&'a Vec<String>> {
    pointers.iter().find_map(|p| api.availability.get(p))
}

/// An endpoint's operations in the spec, as JSON pointers: its `post`, then its `get`.
fn operation_pointers(e: &crate::ir::Endpoint) -> [String; 2] {
    let path = format!(
        "/paths/{}",
        crate::normalize::escape(&format!("/{}", e.name))
    );
    [format!("{path}/post"), format!("{path}/get")]
}

fn doc_attrs(lines: &[String]) -> TokenStream {
    let lines = lines.iter().map(|l| {
        if l.is_empty() {
            String::new()
        } else {
            format!(" {l}")
        }
    });
    let lines = lines.map(|l| doc_attr(&l));
    quote! { #(#lines)* }
}

/// `#[doc = text]`, printed as a `///` line, with the text made safe for a comment.
fn doc_attr(text: &str) -> TokenStream {
    let text = without_bidi(text);
    quote! { #[doc = #text] }
}

/// Characters that change the direction text is shown in. rustc denies them raw in comments
/// (`text_direction_codepoint_in_comment`), and a doc attribute is printed as a comment: a
/// spec's text shows them as `\u{202e}`. (String literals escape them already: `Literal`
/// prints them as `\u{..}`.)
pub(super) fn without_bidi(text: &str) -> String {
    if !text.chars().any(is_bidi) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_bidi(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

fn is_bidi(c: char) -> bool {
    matches!(
        c,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}'
    )
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

/// Spec text as a Markdown code span: shown as written, whatever backticks, brackets or `<`
/// it holds (control characters are shown escaped, as a line cannot hold them).
fn code_span(text: &str) -> String {
    if text.is_empty() {
        return "`\"\"`".to_owned();
    }
    let text: String = text
        .chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect();
    // A run of backticks inside needs a longer one around it, and a space between them.
    let longest = text
        .split(|c| c != '`')
        .map(str::len)
        .max()
        .unwrap_or_default();
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
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

#[cfg(test)]
mod tests {
    use super::{code_span, escape_doc};

    #[test]
    fn spec_values_are_code_spans_whatever_they_hold() {
        assert_eq!(code_span("public"), "`public`");
        assert_eq!(code_span("^[a-z]<b>$"), "`^[a-z]<b>$`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`x``"), "``` `x`` ```");
        assert_eq!(code_span(""), "`\"\"`");
        assert_eq!(code_span("a\nb"), "`a\\nb`");
    }

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
