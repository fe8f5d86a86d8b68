//! Unions: objects told apart by their `type` property (tagged), and values of different
//! JSON kinds (untagged); each keeps what it does not recognize as raw JSON.

use proc_macro2::TokenStream;
use quote::quote;

use super::{doc_attr, doc_attrs, ident, ty_tokens};
use crate::ir::{Api, TaggedVariant, Ty, TypeDef, UntaggedVariant};

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
        let doc = doc_attrs(&[
            v.doc.clone(),
            String::new(),
            format!(
                "Read with [`as_{0}`](Self::as_{0}) or [`into_{0}`](Self::into_{0}).",
                v.accessor
            ),
        ]);
        quote! { #doc #variant(#ty), }
    });
    let accessors = variants.iter().map(|v| accessor_fns(api, v, module));
    quote! {
        #doc
        #[derive(#(#derives),*)]
        #[serde(untagged)]
        pub enum #name {
            #(#decl)*
            /// Anything else, as JSON.
            Other(::serde_json::Value),
        }

        impl #name {
            #(#accessors)*
        }
    }
}

/// `as_…` and `into_…` for one variant of an untagged union: `None` for any other variant.
fn accessor_fns(api: &Api, v: &UntaggedVariant, module: &[String]) -> TokenStream {
    let variant = ident(&v.ident);
    let as_name = ident(&format!("as_{}", v.accessor));
    let into_name = ident(&format!("into_{}", v.accessor));
    let ty = ty_tokens(api, &v.ty, module);
    // A list is lent as a slice; a boxed value is lent and given unboxed.
    let (borrowed, lend) = match &v.ty {
        Ty::Vec(item) => {
            let item = ty_tokens(api, item, module);
            (quote! { &[#item] }, quote! { value.as_slice() })
        }
        _ if v.boxed => (quote! { &#ty }, quote! { &**value }),
        _ => (quote! { &#ty }, quote! { value }),
    };
    let give = if v.boxed {
        quote! { *value }
    } else {
        quote! { value }
    };
    let as_doc = doc_attr(&format!(" The value if it is [`{0}`](Self::{0}).", v.ident));
    let into_doc = doc_attr(&format!(
        " The value if it is [`{0}`](Self::{0}); `None` for any other.",
        v.ident
    ));
    quote! {
        #as_doc
        #[inline]
        pub fn #as_name(&self) -> Option<#borrowed> {
            match self {
                Self::#variant(value) => Some(#lend),
                _ => None,
            }
        }

        #into_doc
        #[inline]
        pub fn #into_name(self) -> Option<#ty> {
            match self {
                Self::#variant(value) => Some(#give),
                _ => None,
            }
        }
    }
}
