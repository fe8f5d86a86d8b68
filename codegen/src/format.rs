//! Prints the emitted tokens as Rust source: `syn` parses them back into a file and
//! `prettyplease` prints it, as rustfmt would lay it out (100 columns, doc attributes as
//! `///`). Only layout is chosen here; the tests check on every shared spec that the printed
//! source lexes back to the tokens `emit` built.

use proc_macro2::TokenStream;

use crate::Error;

/// The source text of `tokens`.
///
/// `emit` builds names that are identifiers by construction (`names`), so parsing fails only
/// on a bug in the generator, which is reported as one rather than a panic.
pub fn format(tokens: TokenStream) -> Result<String, Error> {
    let file: syn::File = syn::parse2(tokens).map_err(|e| {
        Error::spec(
            "/",
            format!("output the generator can parse back (a bug in misskey-codegen: {e})"),
        )
    })?;
    Ok(prettyplease::unparse(&file))
}

#[cfg(test)]
mod tests {
    use proc_macro2::{TokenStream, TokenTree};

    use super::format;

    /// A token as lexing decides it, without spacing (which formatting chooses) or spans.
    #[derive(Debug, PartialEq)]
    enum Flat {
        Open(char),
        Close,
        Ident(String),
        Punct(char),
        /// A string literal by its value: a `///` comment lexes as a raw string.
        Str(String),
        Literal(String),
    }

    fn flatten(stream: TokenStream, out: &mut Vec<Flat>) {
        for tree in stream {
            match tree {
                TokenTree::Group(g) => {
                    out.push(Flat::Open(match g.delimiter() {
                        proc_macro2::Delimiter::Parenthesis => '(',
                        proc_macro2::Delimiter::Brace => '{',
                        proc_macro2::Delimiter::Bracket => '[',
                        proc_macro2::Delimiter::None => ' ',
                    }));
                    flatten(g.stream(), out);
                    out.push(Flat::Close);
                }
                TokenTree::Ident(i) => out.push(Flat::Ident(i.to_string())),
                TokenTree::Punct(p) => out.push(Flat::Punct(p.as_char())),
                TokenTree::Literal(l) => {
                    let text = l.to_string();
                    // A negative number is one literal when built, `-` and a literal when lexed.
                    if let Some(positive) = text.strip_prefix('-') {
                        out.push(Flat::Punct('-'));
                        out.push(Flat::Literal(positive.into()));
                    } else if let Ok(s) = syn::parse_str::<syn::LitStr>(&text) {
                        out.push(Flat::Str(s.value()));
                    } else {
                        out.push(Flat::Literal(text));
                    }
                }
            }
        }
    }

    fn tokens_of(stream: TokenStream) -> Vec<Flat> {
        let mut flat = Vec::new();
        flatten(stream, &mut flat);
        flat
    }

    /// Whether `got` is `want` but for the layout the printer chooses: whether a list ends
    /// with a comma (a `(…)`, `[…]`, `{…}` or `<…>` list; but `(T,)`, a one-element tuple, keeps it), and whether a match arm's
    /// body is wrapped in a block (`=> { body }`), and whether a comma follows an arm's
    /// block.
    /// `Err` says where they first differ.
    fn compare(want: &[Flat], got: &[Flat]) -> Result<(), String> {
        let (mut i, mut j) = (0, 0);
        // For each open group of `got`: whether the printer added it around an arm's body.
        let mut added = Vec::new();
        // The delimiter of the group `want` closed last, for the comma that may follow it.
        let (mut open, mut closed) = (Vec::new(), None);
        let is = |v: &[Flat], at: usize, t: &Flat| v.get(at) == Some(t);
        // `(x,)` holds one element; it is a one-element tuple (whose comma is not layout)
        // unless a name, a group or a turbofish's `>` before it makes it a call's arguments.
        let one_tuple = |v: &[Flat], at: usize| {
            if at < 2 || !is(v, at - 2, &Flat::Open('(')) || v[at - 1] == Flat::Close {
                return false;
            }
            let call = match at.checked_sub(3).map(|b| &v[b]) {
                Some(Flat::Ident(_) | Flat::Close) => true,
                Some(Flat::Punct('>')) => !(at >= 4 && is(v, at - 4, &Flat::Punct('-'))),
                _ => false,
            };
            !call
        };
        let ends_list = |v: &[Flat], at: usize| {
            is(v, at, &Flat::Punct(','))
                && (is(v, at + 1, &Flat::Close) || is(v, at + 1, &Flat::Punct('>')))
                && !one_tuple(v, at)
        };
        // The comma after a match arm whose body is a block: the printer leaves it out.
        let after_block = |v: &[Flat], at: usize, closed: Option<&char>| {
            is(v, at, &Flat::Punct(',')) && closed == Some(&'{')
        };
        while i < want.len() || j < got.len() {
            if want.get(i) == got.get(j) {
                match &got[j] {
                    Flat::Open(delimiter) => {
                        added.push(false);
                        open.push(*delimiter);
                    }
                    Flat::Close => {
                        added.pop();
                        closed = open.pop();
                        i += 1;
                        j += 1;
                        continue;
                    }
                    _ => {}
                }
                closed = None;
                i += 1;
                j += 1;
            } else if is(got, j, &Flat::Open('{'))
                && j >= 2
                && got[j - 2..j] == [Flat::Punct('='), Flat::Punct('>')]
            {
                added.push(true);
                j += 1;
            } else if is(got, j, &Flat::Close) && added.last() == Some(&true) {
                added.pop();
                j += 1;
                if is(want, i, &Flat::Punct(',')) && !is(got, j, &Flat::Punct(',')) {
                    i += 1;
                }
            } else if ends_list(want, i) || after_block(want, i, closed.as_ref()) {
                closed = None;
                i += 1;
            } else if ends_list(got, j) {
                j += 1;
            } else {
                let around = |v: &[Flat], n: usize| {
                    format!("{:?}", &v[n.saturating_sub(8)..(n + 4).min(v.len())])
                };
                return Err(format!(
                    "token {i} differs:\n{}\n{}",
                    around(want, i),
                    around(got, j)
                ));
            }
        }
        Ok(())
    }

    /// Formats `tokens` and checks that the source lexes back to them.
    fn formats_to_the_same_tokens(tokens: TokenStream) -> String {
        let text = format(tokens.clone()).unwrap();
        let lexed: TokenStream = text.parse().unwrap_or_else(|e| panic!("{e}:\n{text}"));
        if let Err(e) = compare(&tokens_of(tokens), &tokens_of(lexed)) {
            panic!("{e}");
        }
        text
    }

    #[test]
    fn every_shared_spec_formats_to_the_same_tokens() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/specs");
        let options = crate::Options {
            features: crate::Features::all(),
            derive_all: false,
        };
        let mut specs = 0;
        for entry in std::fs::read_dir(&dir).expect("../shared/specs beside the repository") {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let api = crate::analyze(&text, &options).unwrap();
            formats_to_the_same_tokens(crate::emit::emit(&api));
            specs += 1;
        }
        assert!(specs >= 7, "{specs} specs in {}", dir.display());
    }

    #[test]
    fn doc_attributes_become_comments_and_items_take_their_own_lines() {
        let tokens = quote::quote! {
            #[doc = " A note."]
            #[derive(Debug, Clone)]
            pub struct Note { pub id: Option<Vec<crate::types::Id>>, pub text: String, }
            pub type One = (u8,);
        };
        let text = formats_to_the_same_tokens(tokens);
        let want = [
            "/// A note.",
            "#[derive(Debug, Clone)]",
            "pub struct Note {",
            "    pub id: Option<Vec<crate::types::Id>>,",
            "    pub text: String,",
            "}",
            "pub type One = (u8,);",
        ];
        assert_eq!(text.lines().collect::<Vec<_>>(), want);
    }

    #[test]
    fn tokens_that_are_not_rust_are_a_generator_bug_not_a_panic() {
        let err = format(quote::quote! { pub struct { }}).unwrap_err();
        assert!(
            err.to_string().contains("a bug in misskey-codegen"),
            "{err}"
        );
    }

    #[test]
    fn the_comparison_sees_a_changed_token_and_nothing_else() {
        let same = |a: TokenStream, b: TokenStream| compare(&tokens_of(a), &tokens_of(b));
        use quote::quote as q;
        assert!(same(q! { fn f(a: u8,) {} }, q! { fn f(a: u8) {} }).is_ok());
        assert!(same(q! { fn f(a: u8) {} }, q! { fn f(a: u16) {} }).is_err());
        assert!(same(q! { type T = (u8,); }, q! { type T = (u8); }).is_err());
        assert!(same(q! { fn f() -> (u8,) {} }, q! { fn f() -> (u8) {} }).is_err());
        assert!(same(
            q! { g(Some(1,), h::<u8>(2,)) },
            q! { g(Some(1), h::<u8>(2)) }
        )
        .is_ok());
        assert!(same(
            q! { match x { 1 => f(), _ => g(), } },
            q! { match x { 1 => { f() } _ => g() } }
        )
        .is_ok());
        // A block where the arm had none is layout; a block's contents are not.
        assert!(same(
            q! { match x { 1 => f(), } },
            q! { match x { 1 => { g() } } }
        )
        .is_err());
        assert!(same(q! { match x { 1 => f() } }, q! { match x { 1 => f(); } }).is_err());
        assert!(same(
            q! { match x { 1 => match y { _ => z }, _ => w } },
            q! { match x { 1 => match y { _ => z } _ => w } }
        )
        .is_ok());
        assert!(same(q! { S { a: T { b }, c } }, q! { S { a: T { b } c } }).is_ok());
        assert!(same(q! { S { a: T { b }, c } }, q! { S { a: T { b }; c } }).is_err());
    }
}
