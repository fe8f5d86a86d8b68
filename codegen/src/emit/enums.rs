//! String enums: a variant per value the spec lists, and `Other(String)` for the values
//! a newer server adds.

use proc_macro2::TokenStream;
use quote::quote;

use super::{doc_attr, ident};
use crate::ir::TypeDef;

/// A string enum, its conversions from and to the server's spelling, and serde impls.
pub(super) fn string_enum(
    def: &TypeDef,
    variants: &[(String, String)],
    doc: TokenStream,
) -> TokenStream {
    let name = ident(&def.name);
    let decl = variants.iter().map(|(v, value)| {
        let v = ident(v);
        let doc = doc_attr(&format!(" `{value}`"));
        quote! { #doc #v, }
    });
    let as_arms = variants.iter().map(|(v, value)| {
        let v = ident(v);
        quote! { Self::#v => #value, }
    });
    let from_arms = variants.iter().map(|(v, value)| {
        let v = ident(v);
        quote! { #value => Self::#v, }
    });
    let serialize = def.serialize.then(|| {
        quote! {
            impl ::serde::Serialize for #name {
                fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                    serializer.serialize_str(self.as_str())
                }
            }
        }
    });
    let deserialize = def.deserialize.then(|| {
        quote! {
            impl<'de> ::serde::Deserialize<'de> for #name {
                fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                    crate::__private::string_enum(deserializer)
                }
            }
        }
    });
    quote! {
        #doc
        #[derive(Debug, Clone, PartialEq, Hash)]
        pub enum #name {
            #(#decl)*
            /// A value this version of the crate does not know.
            Other(String),
        }

        impl Eq for #name {}

        impl #name {
            /// The value as the server spells it.
            #[inline]
            pub fn as_str(&self) -> &str {
                match self {
                    #(#as_arms)*
                    Self::Other(value) => value,
                }
            }
        }

        impl From<&str> for #name {
            #[inline]
            fn from(value: &str) -> Self {
                match value {
                    #(#from_arms)*
                    other => Self::Other(other.to_owned()),
                }
            }
        }

        impl ::std::fmt::Display for #name {
            #[inline]
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        #serialize
        #deserialize
    }
}
