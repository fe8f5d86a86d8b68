//! The `Client` methods, one per endpoint, and the index of endpoints: `ENDPOINTS`, the
//! spec's counts and `visit_endpoint`.

use proc_macro2::TokenStream;
use quote::quote;

use super::{
    doc_attrs, escape_doc, ident, module_item, operation_pointers, option_str, request_path,
    specs_having,
};
use crate::ir::{Api, Endpoint};

/// The items at the crate's root: `impl Client` with every endpoint's method, and the index.
pub(super) fn client_and_index(api: &Api) -> TokenStream {
    let methods = api.endpoints.iter().map(client_method);
    let infos = api.endpoints.iter().map(endpoint_info);
    let visit_body = visit_body(api);
    let version = &api.version;
    let spec_paths = api.spec_paths;
    let disabled = api.disabled_paths;
    let merged = merged_specs(api);
    let doc = doc_attrs(&methods_doc(api));
    quote! {
        #doc
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

        #merged
    }
}

/// The doc of the block of endpoint methods: how they are named, and the ones people look
/// for under other names. rustdoc's search ranks an item named exactly as the query above
/// any alias (searching "post" finds models' `post` fields first), so the page says it too.
fn methods_doc(api: &Api) -> Vec<String> {
    let mut doc = vec![
        "The endpoints: a method each, named for its path (`notes/create` is `notes_create`), \
         returning the endpoint's `Builder`."
            .to_owned(),
    ];
    let aliased: Vec<&Endpoint> = api
        .endpoints
        .iter()
        .filter(|e| !e.doc_aliases.is_empty())
        .collect();
    if !aliased.is_empty() {
        doc.push(String::new());
        doc.push("Looking for one by what it does:".into());
        doc.push(String::new());
        for e in aliased {
            let also = e
                .doc_aliases
                .iter()
                .map(|a| format!("`{a}`"))
                .collect::<Vec<_>>()
                .join(", ");
            doc.push(format!("- {also}: [`{0}`](Self::{0})", e.method));
        }
    }
    doc
}

/// In a build of several specs: their labels, and for each endpoint not all of them have,
/// the ones that do (read by `EndpointInfo::specs`). Nothing for a single spec.
fn merged_specs(api: &Api) -> Option<TokenStream> {
    if api.specs.is_empty() {
        return None;
    }
    let labels = &api.specs;
    let partial = api.endpoints.iter().filter_map(|e| {
        let have = specs_having(api, &operation_pointers(e))?;
        let name = &e.name;
        Some(quote! { (#name, &[#(#have),*]), })
    });
    Some(quote! {
        /// The specs this build merges, by `info.title` and `info.version`, in the order
        /// they were merged.
        pub const MERGED_SPECS: &[&str] = &[#(#labels),*];

        /// The endpoints not every merged spec has, each with the specs that have it.
        pub static ENDPOINT_SPECS: &[(&str, &[&str])] = &[#(#partial)*];
    })
}

/// An endpoint's entry in `ENDPOINTS`.
fn endpoint_info(e: &Endpoint) -> TokenStream {
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
}

/// `visit_endpoint`'s body: a `match` on the name.
fn visit_body(api: &Api) -> TokenStream {
    // A spec without endpoints (docs.rs's) must not leave a `match` with only `_`.
    if api.endpoints.is_empty() {
        return quote! {
            let _ = (name, visitor);
            None
        };
    }
    let visits = api.endpoints.iter().map(|e| {
        let name = &e.name;
        let request = request_path(e);
        quote! { #name => visitor.visit::<#request>(), }
    });
    quote! {
        Some(match name {
            #(#visits)*
            _ => return None,
        })
    }
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
            #builder(crate::endpoint::RequestBuilder::new(self))
        }
    }
}
