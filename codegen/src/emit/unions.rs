//! Unions: objects told apart by their `type` property (tagged), and values of different
//! JSON kinds (untagged); each keeps what it does not recognize as raw JSON.

use proc_macro2::TokenStream;
use quote::quote;

use super::{doc_attr, ident, ty_tokens};
use crate::ir::{Api, TaggedVariant, TypeDef, UntaggedVariant};

/// A union selected by the `type` property, with an `Unknown(Value)` fallback.
pub(super) fn tagged(
    api: &Api,
    def: &TypeDef,
    variants: &[TaggedVariant],
    doc: TokenStream,
) -> TokenStream {
    let name = ident(&def.name);
    let module = &def.module;
    let decl = variants.iter().map(|v| {
        let variant = ident(&v.ident);
        let ty = ty_tokens(api, &v.ty, module);
        let ty = if v.boxed {
            quote! { Box<#ty> }
        } else {
            ty
        };
        let doc = doc_attr(&format!(
            " `type: {}`",
            v.values
                .iter()
                .map(|s| format!("\"{s}\""))
                .collect::<Vec<_>>()
                .join(" | ")
        ));
        quote! { #doc #variant(#ty), }
    });
    let deserialize = def.deserialize.then(|| {
        let arms = variants.iter().map(|v| {
            let variant = ident(&v.ident);
            let values = &v.values;
            let wrap = if v.boxed { quote! { |v| Self::#variant(Box::new(v)) } } else { quote! { Self::#variant } };
            quote! { #(Some(#values))|* => crate::__private::variant(value, #wrap, Self::Unknown), }
        });
        quote! {
            impl<'de> ::serde::Deserialize<'de> for #name {
                fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    let value = ::serde_json::Value::deserialize(deserializer)?;
                    Ok(match value.get("type").and_then(::serde_json::Value::as_str) {
                        #(#arms)*
                        _ => Self::Unknown(value),
                    })
                }
            }
        }
    });
    let serialize = def.serialize.then(|| {
        let arms = variants.iter().map(|v| {
            let variant = ident(&v.ident);
            if v.writes_tag {
                let value = &v.values[0];
                quote! { Self::#variant(v) => crate::__private::tagged(serializer, "type", #value, v), }
            } else {
                quote! { Self::#variant(v) => ::serde::Serialize::serialize(v, serializer), }
            }
        });
        quote! {
            impl ::serde::Serialize for #name {
                fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    match self {
                        #(#arms)*
                        Self::Unknown(v) => ::serde::Serialize::serialize(v, serializer),
                    }
                }
            }
        }
    });
    quote! {
        #doc
        #[derive(Debug, Clone)]
        pub enum #name {
            #(#decl)*
            /// A `type` this version of the crate does not know, or a body that does not
            /// fit its variant: the JSON as the server sent it.
            Unknown(::serde_json::Value),
        }

        #deserialize
        #serialize
    }
}

/// A union of JSON kinds, read by trying each variant in turn, with an `Other(Value)`
/// fallback.
pub(super) fn untagged(
    api: &Api,
    def: &TypeDef,
    variants: &[UntaggedVariant],
    doc: TokenStream,
) -> TokenStream {
    let name = ident(&def.name);
    let module = &def.module;
    let mut derives = vec![quote! { Debug }, quote! { Clone }];
    if def.serialize {
        derives.push(quote! { ::serde::Serialize });
    }
    if def.deserialize {
        derives.push(quote! { ::serde::Deserialize });
    }
    let decl = variants.iter().map(|v| {
        let variant = ident(&v.ident);
        let ty = ty_tokens(api, &v.ty, module);
        let ty = if v.boxed {
            quote! { Box<#ty> }
        } else {
            ty
        };
        let doc = doc_attr(&format!(" A JSON {}.", v.ident.to_lowercase()));
        quote! { #doc #variant(#ty), }
    });
    quote! {
        #doc
        #[derive(#(#derives),*)]
        #[serde(untagged)]
        pub enum #name {
            #(#decl)*
            /// Anything else, as JSON.
            Other(::serde_json::Value),
        }
    }
}
