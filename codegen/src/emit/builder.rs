//! Constructors and setters: `Request::new` and the builder's setters of an endpoint, and
//! `new` with setters for the nested structs a request sends.

use proc_macro2::TokenStream;
use quote::quote;

use super::structs::field_doc;
use super::{doc_attr, doc_attrs, ident, ty_tokens};
use crate::ir::{Api, Endpoint, Field, Setter, Storage, Ty, TypeDef};

/// Above this many parameters a client method needs clippy's blessing.
const MANY_ARGUMENTS: usize = 7;

/// `Request::new`, and the builder's setters.
pub(super) fn setters(api: &Api, e: &Endpoint, module: &[String]) -> TokenStream {
    let fields = api.fields(e.request);
    let constructor = constructor(api, fields, module, true);
    let setters = e.setters.iter().map(|setter| {
        let f = fields
            .iter()
            .find(|f| f.ident == setter.field)
            .expect("setters name request fields");
        setter_fn(api, f, setter, module, quote! { self.0.request })
    });
    let doc = doc_attr(&format!(
        " The parameters of [`{}`](crate::endpoints::{}), by name.",
        e.name,
        e.module.join("::")
    ));
    let builder = (!e.setters.is_empty()).then(|| {
        quote! {
            #doc
            impl Builder {
                #(#setters)*
            }
        }
    });
    quote! {
        impl Request {
            /// A request with the required parameters, checked by the compiler; the optional
            /// ones are left out. For [`Client::call`](crate::Client::call).
            #constructor
        }

        #builder
    }
}

/// `fn new` taking a struct's required fields.
fn constructor(api: &Api, fields: &[Field], module: &[String], request: bool) -> TokenStream {
    let required: Vec<&Field> = fields.iter().filter(|f| f.required).collect();
    let params = required.iter().map(|f| {
        let name = ident(&f.ident);
        let (ty, _) = argument(api, f, module, request);
        quote! { #name: #ty }
    });
    let inits = required.iter().map(|f| {
        let name = ident(&f.ident);
        let (_, value) = argument(api, f, module, request);
        quote! { #name: #value }
    });
    // Every field of a request is an `Option`, so it has a `Default`; elsewhere the
    // optional fields are named.
    let optional = fields.iter().filter(|f| !f.required).map(|f| {
        let name = ident(&f.ident);
        quote! { #name: None }
    });
    // `Default::default()`, not `Self::default()`: a setter named `default` (a field
    // `default`) is an inherent method, which `Self::default` would name instead.
    let body = if required.is_empty() {
        quote! { Default::default() }
    } else if request && required.len() < fields.len() {
        quote! { Self { #(#inits,)* ..Default::default() } }
    } else {
        quote! { Self { #(#inits,)* #(#optional,)* } }
    };
    let allow =
        (required.len() > MANY_ARGUMENTS).then(|| quote! { #[allow(clippy::too_many_arguments)] });
    quote! {
        #allow
        #[inline]
        pub fn new(#(#params),*) -> Self {
            #body
        }
    }
}

/// The type of a constructor's argument for a required field, and how it becomes the
/// field's value. An endpoint's `Request` holds every field in an `Option` (see
/// `ir::storage`); a nested struct holds required fields as they are.
fn argument(api: &Api, f: &Field, module: &[String], request: bool) -> (TokenStream, TokenStream) {
    let name = ident(&f.ident);
    if f.ty == Ty::Upload {
        let value = if request {
            quote! { Some(#name) }
        } else {
            quote! { #name }
        };
        return (quote! { crate::upload::UploadFile }, value);
    }
    let ty = ty_tokens(api, &f.ty, module);
    let convert = |v: TokenStream| {
        if f.boxed {
            quote! { Box::new(#v.into()) }
        } else {
            quote! { #v.into() }
        }
    };
    // A required field that may be null takes an `Option`: `None` sends `null`.
    let takes_option = if request {
        f.storage == Storage::NullableOption
    } else {
        f.storage == Storage::Option
    };
    let (arg, value) = if takes_option {
        let inner = convert(quote! { v });
        (
            quote! { Option<impl Into<#ty>> },
            quote! { #name.map(|v| #inner) },
        )
    } else {
        (quote! { impl Into<#ty> }, convert(quote! { #name }))
    };
    let value = if request {
        quote! { Some(#value) }
    } else {
        value
    };
    (arg, value)
}

/// One setter (and its `_null` twin) writing to `target.field`.
fn setter_fn(
    api: &Api,
    f: &Field,
    setter: &Setter,
    module: &[String],
    target: TokenStream,
) -> TokenStream {
    let field = ident(&f.ident);
    let name = ident(&setter.name);
    let doc = doc_attrs(&field_doc(f, true));
    if f.ty == Ty::Upload {
        return quote! {
            #doc
            #[inline]
            pub fn #name(mut self, file: crate::upload::UploadFile) -> Self {
                #target.#field = Some(file);
                self
            }
        };
    }
    let ty = ty_tokens(api, &f.ty, module);
    let value = if f.boxed {
        quote! { Box::new(value.into()) }
    } else {
        quote! { value.into() }
    };
    let set = if f.storage == Storage::NullableOption {
        quote! { Some(Some(#value)) }
    } else {
        quote! { Some(#value) }
    };
    let null_setter = setter.null_name.as_ref().map(|null_name| {
        let null_name = ident(null_name);
        let doc = doc_attr(&format!(
            " Sends `\"{}\": null`, which is not the same as leaving it out.",
            f.json
        ));
        quote! {
            #doc
            #[inline]
            pub fn #null_name(mut self) -> Self {
                #target.#field = Some(None);
                self
            }
        }
    });
    quote! {
        #doc
        pub fn #name(mut self, value: impl Into<#ty>) -> Self {
            #target.#field = #set;
            self
        }
        #null_setter
    }
}

/// `new` and setters for a nested struct that requests send.
pub(super) fn nested_constructor(api: &Api, def: &TypeDef, setters: &[Setter]) -> TokenStream {
    let name = ident(&def.name);
    let fields = api.fields_of(def);
    let constructor = constructor(api, fields, &def.module, false);
    let setters = setters.iter().map(|setter| {
        let f = fields
            .iter()
            .find(|f| f.ident == setter.field)
            .expect("setters name the struct's fields");
        setter_fn(api, f, setter, &def.module, quote! { self })
    });
    quote! {
        impl #name {
            /// A value with the required fields; the optional ones are left out.
            #constructor
            #(#setters)*
        }
    }
}
