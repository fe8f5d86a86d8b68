//! Lays the emitted tokens out as Rust source: one item, field, statement or match arm a line,
//! indented by nesting, doc attributes as `///` comments, and an argument list that would run
//! past 100 columns one argument a line.
//!
//! Why not `syn` and `prettyplease`: parsing the whole output back into a syntax tree to print
//! it was two thirds of the build script's run, and `prettyplease` a crate in every user's
//! build. The generated code has few shapes (items, `match`es, calls, generics), so spacing by
//! the neighbouring tokens and breaking lines at braces lays it out as a person would. Only
//! the space between tokens is chosen here: lexing the output gives the same tokens back (the
//! tests check that on every shared spec).

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};

/// A list in `(…)` or `[…]` that would run past this column is broken, one element a line.
const WIDTH: usize = 100;
const INDENT: &str = "    ";

/// The source text of `tokens`, laid out.
pub fn layout(tokens: TokenStream) -> String {
    let mut printer = Printer::default();
    printer.lines(&tokens_of(tokens));
    printer.out
}

/// A token as layout sees it: punctuation joined into operators, `'` joined to its name, a
/// group holding its own tokens.
#[derive(Clone, Debug)]
enum Tok {
    /// An identifier, a literal or a lifetime.
    Word(String, WordKind),
    Op(String, Role),
    Group(Delimiter, Vec<Tok>),
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum WordKind {
    Ident,
    /// A keyword after which an operand starts: `if`, `in`, `return`…
    Keyword,
    Other,
}

/// How an operator sits between its neighbours.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Role {
    /// `a = b`: a space either side.
    Binary,
    /// `&x`, `!x`, `..rest`, `<T>`, `a::b`, `a.b`, `#[…]`, `vec![…]`, a closure's opening `|`:
    /// nothing between it and what follows.
    Attached,
    /// `,`, `;`, `?`, `:`, `>`, a closure's closing `|`: nothing between it and what precedes.
    Trailing,
}

/// Keywords after which an operand starts (a `(`, `[`, `&` or `!` after them does not attach).
const KEYWORDS: &[&str] = &[
    "as", "break", "const", "dyn", "else", "for", "if", "impl", "in", "let", "match", "move",
    "mut", "ref", "return", "static", "where", "while",
];

/// Multi-character operators, longest first, that a run of joined punctuation splits into.
const OPERATORS: &[&str] = &[
    "..=", "...", "::", "->", "=>", "..", "==", "!=", "<=", ">=", "&&", "||", "+=", "-=", "*=",
    "/=",
];

impl Tok {
    fn is_op(&self, op: &str) -> bool {
        matches!(self, Tok::Op(o, _) if o == op)
    }

    fn is_name(&self) -> bool {
        matches!(self, Tok::Word(_, WordKind::Ident))
    }

    /// A non-empty `{…}`: it takes lines of its own (but for a `use` list, see [`is_use_list`]).
    fn is_block(&self) -> bool {
        matches!(self, Tok::Group(Delimiter::Brace, body) if !body.is_empty())
    }

    fn attaches_next(&self) -> bool {
        matches!(self, Tok::Op(_, Role::Attached))
    }
}

/// Whether an operand starts after `prev` (so that `&`, `*`, `-`, `!`, `..`, `|` are prefixes).
fn operand_starts_after(prev: Option<&Tok>) -> bool {
    match prev {
        None => true,
        Some(Tok::Op(op, role)) => {
            *role != Role::Trailing || matches!(op.as_str(), "," | ";" | ":" | "|")
        }
        Some(Tok::Word(_, kind)) => *kind == WordKind::Keyword,
        Some(Tok::Group(..)) => false,
    }
}

/// The tokens of a stream, punctuation joined into operators with their roles, each group's
/// inside read once here rather than at every printing of it (a list is printed once to
/// measure it).
fn tokens_of(stream: TokenStream) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::new();
    let mut run = String::new();
    let mut in_closure_params = false;
    let mut iter = stream.into_iter().peekable();
    while let Some(tree) = iter.next() {
        match tree {
            TokenTree::Punct(p) => {
                if p.as_char() == '\'' && run.is_empty() {
                    if let Some(TokenTree::Ident(name)) = iter.peek() {
                        out.push(Tok::Word(format!("'{name}"), WordKind::Other));
                        iter.next();
                        continue;
                    }
                }
                run.push(p.as_char());
                let joined = p.spacing() == Spacing::Joint
                    && matches!(iter.peek(), Some(TokenTree::Punct(n)) if n.as_char() != '\'');
                if !joined {
                    let mut rest = run.as_str();
                    while !rest.is_empty() {
                        let len = OPERATORS
                            .iter()
                            .find(|op| rest.starts_with(**op))
                            .map_or(1, |op| op.len());
                        let op = &rest[..len];
                        let role = role(op, out.last(), &mut in_closure_params);
                        out.push(Tok::Op(op.to_owned(), role));
                        rest = &rest[len..];
                    }
                    run.clear();
                }
            }
            TokenTree::Ident(ident) => {
                let text = ident.to_string();
                let kind = if KEYWORDS.contains(&text.as_str()) {
                    WordKind::Keyword
                } else {
                    WordKind::Ident
                };
                out.push(Tok::Word(text, kind));
            }
            TokenTree::Literal(literal) => {
                out.push(Tok::Word(literal.to_string(), WordKind::Other))
            }
            TokenTree::Group(group) => {
                out.push(Tok::Group(group.delimiter(), tokens_of(group.stream())))
            }
        }
    }
    out
}

fn role(op: &str, prev: Option<&Tok>, in_closure_params: &mut bool) -> Role {
    let prefix = operand_starts_after(prev);
    match op {
        "," | ";" | "?" | ":" | ">" => Role::Trailing,
        "::" | "." | "#" | "<" => Role::Attached,
        // `vec!`, `matches!`: a macro's bang.
        "!" if prev.is_some_and(Tok::is_name) => Role::Attached,
        "|" if *in_closure_params => {
            *in_closure_params = false;
            Role::Trailing
        }
        "|" if prefix => {
            *in_closure_params = true;
            Role::Attached
        }
        "&" | "&&" | "*" | "-" | "!" | ".." if prefix => Role::Attached,
        _ => Role::Binary,
    }
}

#[derive(Default)]
struct Printer {
    out: String,
    depth: usize,
    /// Where the current line starts in `out`.
    line_start: usize,
    /// Printing only to measure a width: no list is broken.
    measuring: bool,
    /// In a statement too wide for its line, broken before each of these (see `breaks_at`).
    break_before: Option<Break>,
}

impl Printer {
    fn newline(&mut self) {
        self.out.push('\n');
        self.line_start = self.out.len();
    }

    fn at_line_start(&self) -> bool {
        self.out.len() == self.line_start
    }

    fn write(&mut self, text: &str) {
        if self.at_line_start() {
            for _ in 0..self.depth {
                self.out.push_str(INDENT);
            }
        }
        self.out.push_str(text);
    }

    fn column(&self) -> usize {
        self.out[self.line_start..].chars().count()
    }

    /// The inside of a brace block, or the file: items, fields, statements and match arms a
    /// line each.
    fn lines(&mut self, toks: &[Tok]) {
        let mut generics = 0usize;
        // A statement too wide for its line (see `breaks_at`): whether its later lines are
        // indented yet, and how many of its breaking points are printed.
        let (mut continued, mut points) = (false, 0);
        let mut i = 0;
        while i < toks.len() {
            if self.at_line_start() && self.break_before.is_none() {
                self.break_before = self.breaks_at(&toks[i..]);
            }
            let prev = if self.at_line_start() {
                None
            } else {
                toks.get(i.wrapping_sub(1))
            };
            let tok = &toks[i];
            let next = toks.get(i + 1);
            // An attribute that starts a line has the line to itself.
            let attribute = self.at_line_start().then(|| attribute_at(&toks[i..]));
            if let Some((inner, body, len)) = attribute.flatten() {
                self.attribute(inner, body);
                self.newline();
                i += len;
                continue;
            }
            let before = toks.get(i.wrapping_sub(1));
            let point = generics == 0
                && self
                    .break_before
                    .is_some_and(|b| b.is_at(before, &toks[i..]));
            points += usize::from(point);
            // A chain's first call stays on the statement's first line; a statement breaks
            // after its first `=` only.
            let breaks = match self.break_before {
                Some(Break::Calls) => points > 1,
                Some(Break::Assign) => points == 1,
                _ => true,
            };
            if point && breaks {
                self.newline();
                if !continued {
                    continued = true;
                    self.depth += 1;
                }
            }
            self.token(prev, tok, &toks[i + 1..]);
            generics = angle_depth(generics, tok);
            let line_ends = match tok {
                Tok::Op(op, _) => op == ";" || op == "," && generics == 0,
                // A block ends its line unless the construct goes on: `},`, `} else {`.
                Tok::Group(Delimiter::Brace, _) if !is_use_list(prev) => {
                    !next.is_some_and(goes_on_after_block)
                }
                _ => false,
            };
            if line_ends {
                self.newline();
                self.break_before = None;
                points = 0;
                if continued {
                    continued = false;
                    self.depth -= 1;
                }
            }
            i += 1;
        }
        // A block's last expression has no `;` to end it.
        self.break_before = None;
        if continued {
            self.depth -= 1;
        }
    }

    /// Tokens on the current line (a brace block among them still takes lines of its own).
    fn inline(&mut self, toks: &[Tok]) {
        for (i, tok) in toks.iter().enumerate() {
            self.token(i.checked_sub(1).map(|p| &toks[p]), tok, &toks[i + 1..]);
        }
    }

    /// `#[…]`, or `///` for a one-line doc string.
    fn attribute(&mut self, inner: bool, body: &[Tok]) {
        if let [Tok::Word(doc, _), Tok::Op(eq, _), Tok::Word(literal, WordKind::Other)] = body {
            if let Some(text) = (doc == "doc" && eq == "=")
                .then(|| doc_text(literal))
                .flatten()
            {
                self.write(if inner { "//!" } else { "///" });
                self.out.push_str(&text);
                return;
            }
        }
        self.write(if inner { "#![" } else { "#[" });
        self.inline(body);
        self.out.push(']');
    }

    /// Prints `tok` after `prev` on the current line, with the space that belongs between them;
    /// `rest` is what follows it on its level.
    fn token(&mut self, prev: Option<&Tok>, tok: &Tok, rest: &[Tok]) {
        if prev.is_some_and(|prev| space_between(prev, tok)) && !self.at_line_start() {
            self.out.push(' ');
        }
        match tok {
            Tok::Word(text, _) | Tok::Op(text, _) => self.write(text),
            Tok::Group(delimiter, body) => self.group(prev, *delimiter, body, rest),
        }
    }

    fn group(&mut self, prev: Option<&Tok>, delimiter: Delimiter, toks: &[Tok], rest: &[Tok]) {
        let (open, close) = match delimiter {
            Delimiter::Parenthesis => ("(", ")"),
            Delimiter::Bracket => ("[", "]"),
            Delimiter::Brace => ("{", "}"),
            Delimiter::None => ("", ""),
        };
        self.write(open);
        if delimiter == Delimiter::Brace && !toks.is_empty() && !is_use_list(prev) {
            self.newline();
            self.depth += 1;
            self.lines(toks);
            if !self.at_line_start() {
                self.newline();
            }
            self.depth -= 1;
        } else {
            let elements = split_after_commas(toks);
            let is_macro = prev.is_some_and(|p| p.is_op("!"));
            // A call's or a signature's one argument can take a comma after it; a
            // parenthesized expression's or a macro's cannot.
            let breakable = elements.len() > 1
                || delimiter == Delimiter::Parenthesis
                    && elements.len() == 1
                    && prev.is_some_and(|p| p.is_name() || p.is_op(">"));
            // An array of struct literals: an element a line (an index is never one).
            let holds_blocks = delimiter == Delimiter::Bracket
                && !prev.is_some_and(|p| p.is_name() || matches!(p, Tok::Group(..)))
                && toks.iter().any(Tok::is_block);
            if !self.measuring
                && matches!(delimiter, Delimiter::Parenthesis | Delimiter::Bracket)
                && (holds_blocks || breakable && self.too_wide(toks, rest))
            {
                self.newline();
                self.depth += 1;
                for element in &elements {
                    self.inline(element);
                    // A list broken into lines ends with a comma, as rustfmt writes it; not
                    // in a macro's arguments, whose grammar is the macro's.
                    if !element.last().is_some_and(|t| t.is_op(",")) && !is_macro {
                        self.out.push(',');
                    }
                    self.newline();
                }
                self.depth -= 1;
            } else {
                self.inline(toks);
            }
        }
        self.write(close);
    }

    /// Where to break the statement that starts `toks` (up to its `;`, the `,` of a match arm,
    /// or the block's end) if it is too wide for a line: before each `+` of a sum, before each
    /// method call of a chain after the first, or after its `=` or `=>` when what follows has
    /// no list to break instead (an arm's body also when it then fits).
    fn breaks_at(&self, mut toks: &[Tok]) -> Option<Break> {
        // Attributes take lines of their own: the statement starts after them.
        while let Some((_, _, len)) = attribute_at(toks) {
            toks = &toks[len..];
        }
        // One pass over the statement: where it ends, and the places it could break at.
        let (mut generics, mut end) = (0, toks.len());
        let (mut terms, mut calls, mut assign, mut is_arm) = (false, 0, None, false);
        for (i, tok) in toks.iter().enumerate() {
            if tok.is_block() {
                return None;
            }
            if generics == 0 && (tok.is_op(";") || tok.is_op(",")) {
                end = i;
                break;
            }
            let (before, here) = (i.checked_sub(1).map(|p| &toks[p]), &toks[i..]);
            terms |= Break::Terms.is_at(before, here);
            calls += usize::from(Break::Calls.is_at(before, here));
            if generics == 0 && assign.is_none() && Break::Assign.is_at(before, here) {
                assign = Some(i);
            }
            is_arm |= tok.is_op("=>");
            generics = angle_depth(generics, tok);
        }
        let statement = &toks[..end];
        // Room is left for the `;` or `,` that ends the statement.
        let fits_from = |depth: usize, toks: &[Tok]| {
            let room = WIDTH.saturating_sub(depth * INDENT.len());
            width_bound(toks) < room || width_of(toks).is_some_and(|width| width < room)
        };
        let at = if terms {
            Break::Terms
        } else if calls >= 2 {
            Break::Calls
        } else {
            let value = &statement[assign?..];
            let has_list = value.iter().any(|t| {
                matches!(t, Tok::Group(Delimiter::Parenthesis | Delimiter::Bracket, body) if !body.is_empty())
            });
            if has_list && !(is_arm && fits_from(self.depth + 1, value)) {
                return None;
            }
            Break::Assign
        };
        (!fits_from(self.depth, statement)).then_some(at)
    }

    /// Whether the list `toks`, inline from here with what follows it up to the end of the
    /// line (`rest` up to a block, `;` or `,`), runs past [`WIDTH`]. A list holding a block is
    /// left alone: the block breaks the line already.
    fn too_wide(&self, toks: &[Tok], rest: &[Tok]) -> bool {
        let mut generics = 0;
        let end = (0..rest.len())
            .position(|i| {
                let t = &rest[i];
                generics = angle_depth(generics, t);
                // A later list can break itself: the line is measured up to it.
                matches!(
                    t,
                    Tok::Group(Delimiter::Parenthesis | Delimiter::Bracket, _)
                ) || t.is_block()
                    || (t.is_op(",") || t.is_op(";")) && generics == 0
                    || generics == 0
                        && self.break_before.is_some_and(|b| {
                            b.is_at(i.checked_sub(1).map(|p| &rest[p]), &rest[i..])
                        })
            })
            .unwrap_or(rest.len());
        let (Some(list), Some(after)) = (width_of(toks), width_of(&rest[..end])) else {
            return false;
        };
        // The space before what follows, and the ` {`, `;` or `,` that ends the line.
        let gap = usize::from(end > 0);
        let last = match rest.get(end) {
            Some(Tok::Group(Delimiter::Brace, _)) => 2,
            Some(_) => 1,
            None => 0,
        };
        // The list and its closing delimiter (the opening one is in `column`).
        self.column() + list + 1 + gap + after + last > WIDTH
    }
}

/// The width of `toks` on one line, or `None` if they hold a block (which takes lines).
fn width_of(toks: &[Tok]) -> Option<usize> {
    let mut trial = Printer {
        measuring: true,
        ..Printer::default()
    };
    trial.inline(toks);
    (!trial.out.contains('\n')).then(|| trial.out.chars().count())
}

/// A bound on the width of `toks` on one line, counted without printing them: each token's
/// text and a space after it. Most statements are far shorter than a line, and this tells so.
fn width_bound(toks: &[Tok]) -> usize {
    toks.iter()
        .map(|tok| match tok {
            Tok::Word(text, _) | Tok::Op(text, _) => text.chars().count() + 1,
            Tok::Group(_, body) => width_bound(body) + 3,
        })
        .sum()
}

/// Where a statement too wide for its line is broken.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Break {
    /// Before each `+`.
    Terms,
    /// Before each `.method(…)` after the first.
    Calls,
    /// After the first `=` or `=>`.
    Assign,
}

impl Break {
    /// Whether `toks`, after `prev`, starts with a place to break.
    fn is_at(self, prev: Option<&Tok>, toks: &[Tok]) -> bool {
        match (self, toks) {
            (Break::Assign, [_, ..]) => {
                prev.is_some_and(|p| matches!(p, Tok::Op(o, Role::Binary) if o == "=" || o == "=>"))
            }
            (Break::Terms, [op, ..]) => matches!(op, Tok::Op(o, Role::Binary) if o == "+"),
            (Break::Calls, [dot, name, Tok::Group(Delimiter::Parenthesis, _), ..]) => {
                dot.is_op(".") && name.is_name()
            }
            _ => false,
        }
    }
}

/// The nesting of `<…>` after `tok`, given the nesting before it.
fn angle_depth(depth: usize, tok: &Tok) -> usize {
    match tok {
        Tok::Op(op, _) if op == "<" => depth + 1,
        Tok::Op(op, _) if op == ">" => depth.saturating_sub(1),
        _ => depth,
    }
}

/// Whether a space goes between `prev` and `tok` on one line.
fn space_between(prev: &Tok, tok: &Tok) -> bool {
    if prev.attaches_next() {
        return false;
    }
    match tok {
        Tok::Op(op, role) => match role {
            Role::Trailing => false,
            // `a::b`, `Vec<T>`, `x.y`: after a name or a closing, nothing; elsewhere (`= <T as
            // U>::x`, `= ::std`) a space.
            Role::Attached if matches!(op.as_str(), "::" | "<" | ".") => {
                !(matches!(prev, Tok::Word(..) | Tok::Group(..))
                    || prev.is_op(">")
                    || prev.is_op("?"))
            }
            Role::Attached if op == "!" => !prev.is_name(),
            _ => true,
        },
        // A call, an index, a macro's or attribute's brackets: attached to what they follow.
        Tok::Group(Delimiter::Parenthesis | Delimiter::Bracket, _) => {
            !(prev.is_name() || prev.is_op(">") || matches!(prev, Tok::Group(..)))
        }
        Tok::Group(..) | Tok::Word(..) => true,
    }
}

/// Whether `next` continues the line a block closes: `},`, `};`, `}.x`, `}?`, `} =>`,
/// `} else`, `} as`.
fn goes_on_after_block(next: &Tok) -> bool {
    matches!(next, Tok::Op(o, _) if matches!(o.as_str(), "," | ";" | "." | "?" | "=>"))
        || matches!(next, Tok::Word(w, _) if w == "else" || w == "as")
}

/// The attribute `toks` starts with, `#[…]` or `#![…]`: whether it is inner, its body, and
/// how many tokens it takes.
fn attribute_at(toks: &[Tok]) -> Option<(bool, &[Tok], usize)> {
    match toks {
        [hash, Tok::Group(Delimiter::Bracket, body), ..] if hash.is_op("#") => {
            Some((false, body, 2))
        }
        [hash, bang, Tok::Group(Delimiter::Bracket, body), ..]
            if hash.is_op("#") && bang.is_op("!") =>
        {
            Some((true, body, 3))
        }
        _ => None,
    }
}

/// Whether a brace group after `prev` is a `use` list's `{a, b}`, which stays on its line.
fn is_use_list(prev: Option<&Tok>) -> bool {
    prev.is_some_and(|p| p.is_op("::"))
}

/// The elements of a list, each with the comma that ends it (a comma between `<…>` is inside
/// an element).
fn split_after_commas(toks: &[Tok]) -> Vec<&[Tok]> {
    let mut parts = Vec::new();
    let (mut start, mut generics) = (0, 0);
    for (i, tok) in toks.iter().enumerate() {
        generics = angle_depth(generics, tok);
        if tok.is_op(",") && generics == 0 {
            parts.push(&toks[start..=i]);
            start = i + 1;
        }
    }
    if start < toks.len() {
        parts.push(&toks[start..]);
    }
    parts
}

/// The text of a doc string literal when `///` can carry it: one line, not starting with `/`
/// (`////` is a plain comment).
fn doc_text(literal: &str) -> Option<String> {
    let text = string_value(literal)?;
    (!text.contains(['\n', '\r']) && !text.starts_with('/')).then_some(text)
}

/// The value of a string literal, `"…"` or raw; `None` for other literals.
fn string_value(literal: &str) -> Option<String> {
    match literal.strip_prefix('r') {
        // `r"…"`, `r#"…"#`: no escapes.
        Some(raw) => {
            let hashes = raw.len() - raw.trim_start_matches('#').len();
            let inner = raw[hashes..].strip_prefix('"')?;
            Some(inner[..inner.len().checked_sub(hashes + 1)?].to_owned())
        }
        None => unescape(literal.strip_prefix('"')?.strip_suffix('"')?),
    }
}

/// The value inside a string literal, for the escapes a literal's `Display` writes (anything
/// else is `None`, and the attribute is printed as it is).
fn unescape(inner: &str) -> Option<String> {
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next()? {
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            '0' => '\0',
            '\\' => '\\',
            '\'' => '\'',
            '"' => '"',
            'u' => {
                let (hex, after) = chars.as_str().strip_prefix('{')?.split_once('}')?;
                let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
                chars = after.chars();
                c
            }
            _ => return None,
        });
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokens of a stream as (kind, text), groups flattened between their delimiters:
    /// what lexing decides, without spacing (which layout chooses) or `Span`s.
    fn flat(stream: TokenStream, out: &mut Vec<(char, String)>) {
        for tree in stream {
            match tree {
                TokenTree::Group(g) => {
                    out.push(('(', format!("{:?}", g.delimiter())));
                    flat(g.stream(), out);
                    out.push((')', String::new()));
                }
                TokenTree::Ident(i) => out.push(('i', i.to_string())),
                TokenTree::Punct(p) => out.push(('p', p.as_char().to_string())),
                // A negative number is one literal when built, `-` and a literal when lexed.
                TokenTree::Literal(l) => {
                    let text = l.to_string();
                    if let Some(positive) = text.strip_prefix('-') {
                        out.push(('p', "-".into()));
                        out.push(('l', positive.into()));
                    } else if let Some(value) = string_value(&text) {
                        // A doc string written as `///` comes back as `"…"`, not `r"…"`.
                        out.push(('s', value));
                    } else {
                        out.push(('l', text));
                    }
                }
            }
        }
    }

    fn relexes_to_the_same_tokens(tokens: TokenStream) -> String {
        let text = layout(tokens.clone());
        let lexed: TokenStream = text.parse().unwrap_or_else(|e| panic!("{e}:\n{text}"));
        let (mut want, mut got) = (Vec::new(), Vec::new());
        flat(tokens, &mut want);
        flat(lexed, &mut got);
        // The one token layout may add: the comma that ends a list broken into lines.
        let mut added = 0;
        for (n, token) in want.iter().enumerate() {
            let mut got_here = got.get(n + added);
            if token.0 == ')' && got_here.is_some_and(|g| g.1 == ",") {
                added += 1;
                got_here = got.get(n + added);
            }
            if Some(token) != got_here {
                let around = |v: &[(char, String)], at: usize| {
                    format!("{:?}", &v[at.saturating_sub(8)..(at + 4).min(v.len())])
                };
                panic!(
                    "token {n} differs:\n{}\n{}",
                    around(&want, n),
                    around(&got, n + added)
                );
            }
        }
        assert_eq!(want.len() + added, got.len());
        text
    }

    #[test]
    fn every_shared_spec_lays_out_to_the_same_tokens() {
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
            let code = relexes_to_the_same_tokens(crate::emit::emit(&api));
            // Indented by nesting: every line by whole steps, and a closing line by as many as
            // the line that opened it.
            let mut open = Vec::new();
            for line in code.lines() {
                let indent = line.len() - line.trim_start().len();
                assert_eq!(indent % INDENT.len(), 0, "{line:?}");
                if line.trim_start().starts_with('}') {
                    assert_eq!(open.pop(), Some(indent), "{line:?}");
                }
                if line.ends_with('{') {
                    open.push(indent);
                }
            }
            assert!(open.is_empty(), "{}: unclosed blocks", path.display());
            specs += 1;
        }
        assert!(specs >= 7, "{specs} specs in {}", dir.display());
    }

    /// Lays `tokens` out (checking that it keeps them) and compares the text with `want`, a
    /// line each.
    fn assert_lays_out(tokens: TokenStream, want: &[&str]) {
        let mut text = want.join("\n");
        text.push('\n');
        assert_eq!(relexes_to_the_same_tokens(tokens), text);
    }

    #[test]
    fn items_fields_and_arms_take_a_line_each() {
        let tokens = quote::quote! {
            #[doc = " A note."]
            #[derive(Debug, Clone)]
            pub struct Note { pub id: Option<Vec<crate::types::Id>>, pub text: String }
            impl Eq for Note {}
            impl<'de> serde::Deserialize<'de> for Note {
                fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                    match d.kind() { "a" => { first() } "b" | "c" => second::<u8>(&mut map)?, _ => return None, }
                    if !ok { x } else { y };
                    Ok(Self { id: None, text: String::new() })
                }
            }
            use crate::{a, b};
        };
        let want = [
            "/// A note.",
            "#[derive(Debug, Clone)]",
            "pub struct Note {",
            "    pub id: Option<Vec<crate::types::Id>>,",
            "    pub text: String",
            "}",
            "impl Eq for Note {}",
            "impl<'de> serde::Deserialize<'de> for Note {",
            "    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {",
            "        match d.kind() {",
            "            \"a\" => {",
            "                first()",
            "            }",
            "            \"b\" | \"c\" => second::<u8>(&mut map)?,",
            "            _ => return None,",
            "        }",
            "        if !ok {",
            "            x",
            "        } else {",
            "            y",
            "        };",
            "        Ok(Self {",
            "            id: None,",
            "            text: String::new()",
            "        })",
            "    }",
            "}",
            "use crate::{a, b};",
        ];
        assert_lays_out(tokens, &want);
    }

    #[test]
    fn docs_that_a_comment_cannot_carry_stay_attributes() {
        let tokens = quote::quote! {
            #[doc = "two\nlines"]
            #[doc = "/ a slash"]
            #[doc = r" raw, with a \ backslash"]
            #[doc = "\u{301} and \"quotes\""]
            const A: u8 = 1;
        };
        let want = [
            "#[doc = \"two\\nlines\"]",
            "#[doc = \"/ a slash\"]",
            "/// raw, with a \\ backslash",
            "///\u{301} and \"quotes\"",
            "const A: u8 = 1;",
        ];
        assert_lays_out(tokens, &want);
    }

    #[test]
    fn a_list_too_long_for_its_line_takes_a_line_an_element() {
        let tokens = quote::quote! {
            fn f() {
                crate::__private::number_field(&mut map, &mut a_rather_long_field_name, "aRatherLongFieldName");
                crate::__private::number_field(&mut map, &mut a_rather_long_field_names, "aRatherLongFieldName");
                format!("{} {} {} {} {} {} {}", first_argument, second_argument, third_argument, fourth_argument, y);
                let sum = usize::from(self.first_field.is_some()) + usize::from(self.second_field.is_some()) + 1;
                let short = a(x, y) + b;
                variant(value, |v| Self::Follow(Box::new(v)), Self::Unknown);
                f.debug_struct("Request").field("current_password", &"***").field("token", &"***").field("n", &self.n).finish()
            }
        };
        let want = [
            "fn f() {",
            // 100 columns: fits.
            "    crate::__private::number_field(&mut map, &mut a_rather_long_field_name, \"aRatherLongFieldName\");",
            "    crate::__private::number_field(",
            "        &mut map,",
            "        &mut a_rather_long_field_names,",
            "        \"aRatherLongFieldName\",",
            "    );",
            "    format!(",
            "        \"{} {} {} {} {} {} {}\",",
            "        first_argument,",
            "        second_argument,",
            "        third_argument,",
            "        fourth_argument,",
            "        y",
            "    );",
            "    let sum = usize::from(self.first_field.is_some())",
            "        + usize::from(self.second_field.is_some())",
            "        + 1;",
            "    let short = a(x, y) + b;",
            "    variant(value, |v| Self::Follow(Box::new(v)), Self::Unknown);",
            "    f.debug_struct(\"Request\")",
            "        .field(\"current_password\", &\"***\")",
            "        .field(\"token\", &\"***\")",
            "        .field(\"n\", &self.n)",
            "        .finish()",
            "}",
        ];
        assert_lays_out(tokens, &want);
    }

    #[test]
    fn a_statement_with_nothing_to_break_goes_on_after_its_equals_sign() {
        let tokens = quote::quote! {
            /// A doc comment this long does not make the alias after it too wide for its line: it is on a line of its own.
            pub type NotificationReceiveConfigFollow = NotificationReceiveConfigNote;
            pub type MeDetailedOnlyNotificationReceiveConfigFollowAllEtc = MeDetailedOnlyNotificationReceiveConfigNote;
            fn f() {
                let mut two_factor_backup_codes_stock: Option<Option<MeDetailedTwoFactorBackupCodesStock>> = None;
                let mut emojis: Option<std::collections::HashMap<String, String>> = std::default::Default::default();
                let value = some_function_with_a_long_name(first_argument, second_argument, third_argument, fourth);
                match name {
                    "admin/abuse-report/notification-recipient/create" => visitor.visit::<endpoints::Request>(),
                    "admin/abuse-report/notification-recipients/create" => visitor.visit::<endpoints::Request>(),
                    "replyUserIdentifier" => crate::__private::field(&mut map, &mut reply_user_identifier, "replyUserIdentifier"),
                    "a" => crate::__private::field(&mut map, &mut a_field_with_a_long_name_too_long, "aFieldWithALongName"),
                }
            }
        };
        let want = [
            "/// A doc comment this long does not make the alias after it too wide for its line: it is on a line of its own.",
            "pub type NotificationReceiveConfigFollow = NotificationReceiveConfigNote;",
            "pub type MeDetailedOnlyNotificationReceiveConfigFollowAllEtc =",
            "    MeDetailedOnlyNotificationReceiveConfigNote;",
            "fn f() {",
            "    let mut two_factor_backup_codes_stock: Option<Option<MeDetailedTwoFactorBackupCodesStock>> =",
            "        None;",
            // The `,` inside `<…>` does not end the statement: measured whole, it is too wide.
            "    let mut emojis: Option<std::collections::HashMap<String, String>> =",
            "        std::default::Default::default();",
            // What follows `=` has a list: the list breaks instead.
            "    let value = some_function_with_a_long_name(",
            "        first_argument,",
            "        second_argument,",
            "        third_argument,",
            "        fourth,",
            "    );",
            "    match name {",
            // 100 columns: fits.
            "        \"admin/abuse-report/notification-recipient/create\" => visitor.visit::<endpoints::Request>(),",
            "        \"admin/abuse-report/notification-recipients/create\" =>",
            "            visitor.visit::<endpoints::Request>(),",
            // An arm's body that fits on a line of its own goes there, list or not.
            "        \"replyUserIdentifier\" =>",
            "            crate::__private::field(&mut map, &mut reply_user_identifier, \"replyUserIdentifier\"),",
            // One that does not fit there either breaks its list.
            "        \"a\" => crate::__private::field(",
            "            &mut map,",
            "            &mut a_field_with_a_long_name_too_long,",
            "            \"aFieldWithALongName\",",
            "        ),",
            "    }",
            "}",
        ];
        assert_lays_out(tokens, &want);
    }
}
