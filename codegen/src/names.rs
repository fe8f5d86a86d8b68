//! Rust names for the spec's names: case conversion, keywords, and uniqueness.

use std::collections::HashSet;
use std::fmt::Write as _;

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Words Rust reserves; such a name is written raw (`r#type`).
const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "dyn", "else", "enum", "extern", "false",
    "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "static", "struct", "trait", "true", "type", "unsafe", "use", "where",
    "while", "abstract", "become", "box", "do", "final", "macro", "override", "priv", "try",
    "typeof", "unsized", "virtual", "yield",
];

/// Keywords that cannot be raw identifiers.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// `snake_case` for fields, modules and methods: `hasUnreadNote` → `has_unread_note`,
/// `2fa` → `_2fa`, `type` → `r#type`.
pub fn snake(name: &str) -> String {
    let converted = split_safe(name).to_snake_case();
    let converted = if converted.is_empty() {
        "field".to_owned()
    } else {
        converted
    };
    let converted = if converted.starts_with(|c: char| c.is_ascii_digit()) {
        format!("_{converted}")
    } else {
        converted
    };
    keyword_safe(converted)
}

/// `UpperCamelCase` for types and variants: `note` → `Note`, `1hour` → `V1hour`,
/// `read:account` → `ReadAccount`.
pub fn pascal(name: &str) -> String {
    let converted = split_safe(name).to_upper_camel_case();
    let converted = if converted.is_empty() {
        "Empty".to_owned()
    } else {
        converted
    };
    let converted = if converted.starts_with(|c: char| c.is_ascii_digit()) {
        format!("V{converted}")
    } else {
        converted
    };
    keyword_safe(converted)
}

/// `SCREAMING` code → `PascalCase` variant: `NO_SUCH_NOTE` → `NoSuchNote`.
pub fn variant_from_code(code: &str) -> String {
    pascal(&code.to_ascii_lowercase())
}

/// Replaces characters heck would drop silently (`+`, `-` at the start…) with word breaks,
/// so that different names stay different as often as possible. Generated identifiers are
/// ASCII: rustc accepts many non-ASCII ones but lints them (`uncommon_codepoints`,
/// confusables), and some (`²`, `١` first) are no identifiers at all; a non-ASCII letter or
/// digit is spelled as its code point, `x²` → `x_u00b2`.
fn split_safe(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            '+' => out.push_str(" plus "),
            '@' => out.push_str(" at "),
            c if c.is_ascii_alphanumeric() => out.push(c),
            c if c.is_alphanumeric() => {
                let _ = write!(out, " u{:04x} ", u32::from(c));
            }
            _ => out.push(' '),
        }
    }
    out
}

fn keyword_safe(name: String) -> String {
    if NOT_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else {
        name
    }
}

/// Hands out names that are unique within one scope (a struct's fields, a module's items),
/// appending a number on a clash: deterministic, since the spec's order is.
#[derive(Debug, Default, Clone)]
pub struct Scope {
    taken: HashSet<String>,
}

impl Scope {
    /// A scope where the given names are already taken.
    pub fn with_reserved(names: &[&str]) -> Scope {
        Scope {
            taken: names.iter().map(|n| (*n).to_owned()).collect(),
        }
    }

    /// `name` if free, else `name2`, `name3`, ….
    pub fn claim(&mut self, name: &str) -> String {
        if self.taken.insert(name.to_owned()) {
            return name.to_owned();
        }
        let (raw, base) = match name.strip_prefix("r#") {
            Some(base) => ("", base),
            None => ("", name),
        };
        let sep = if base.ends_with(|c: char| c.is_ascii_digit()) {
            "_"
        } else {
            ""
        };
        (2..)
            .map(|n| format!("{raw}{base}{sep}{n}"))
            .find(|candidate| self.taken.insert(candidate.clone()))
            .expect("an unused name exists")
    }

    /// Whether the name is taken.
    pub fn contains(&self, name: &str) -> bool {
        self.taken.contains(name)
    }
}

/// Whether a JSON name holds a credential, by what its words mean: a password (`smtpPass`),
/// a token, a secret, a private, secret, auth, API or access key (not a public or site key),
/// 2FA backup codes, a push subscription's `auth`, a QR code of a TOTP secret, a MiAuth
/// `session`, or `i` (how Misskey sends the access token); never the id of one (`tokenId`).
///
/// The core masks the same names in errors with its own copy of this rule (its
/// `is_credential_name`); `codegen/tests/credentials.txt` lists every such-looking name of
/// the shared specs with what the rule says, and both copies are tested against it.
pub fn is_credential(json: &str) -> bool {
    if matches!(json, "i" | "auth" | "qr" | "session") {
        return true;
    }
    let words = words(json);
    let Some(last) = words.last().map(String::as_str) else {
        return false;
    };
    let before_last = words.len().checked_sub(2).map(|i| words[i].as_str());
    if matches!(last, "id" | "ids") {
        return false;
    }
    words.iter().any(|w| {
        matches!(
            w.as_str(),
            "password"
                | "passwords"
                | "passwd"
                | "pass"
                | "passphrase"
                | "secret"
                | "secrets"
                | "token"
                | "tokens"
        ) || [
            "password",
            "apikey",
            "privatekey",
            "secretkey",
            "authkey",
            "accesskey",
            "accesstoken",
        ]
        .iter()
        .any(|compound| w.ends_with(compound))
    }) || (matches!(last, "key" | "keys")
        && matches!(
            before_last,
            Some("private" | "secret" | "auth" | "api" | "access")
        ))
        || (last == "codes" && before_last == Some("backup"))
}

/// A name's words, lowercase: `smtpPass` is `smtp pass`, `sw_private_key` is `sw private
/// key`, `canUseGeminiLLMAPI` is `can use gemini llmapi` (an acronym is one word).
fn words(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut words = Vec::new();
    let mut word = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            continue;
        }
        let prev = i.checked_sub(1).map(|p| chars[p]);
        let next = chars.get(i + 1);
        let starts_word = c.is_uppercase()
            && prev.is_some_and(|p| {
                p.is_lowercase()
                    || p.is_ascii_digit()
                    || (p.is_uppercase() && next.is_some_and(|n| n.is_lowercase()))
            });
        if starts_word && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        word.extend(c.to_lowercase());
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_handles_what_specs_contain() {
        assert_eq!(snake("hasUnreadNote"), "has_unread_note");
        assert_eq!(snake("2fa"), "_2fa");
        assert_eq!(snake("type"), "r#type");
        assert_eq!(snake("move"), "r#move");
        assert_eq!(snake("match"), "r#match");
        assert_eq!(snake("get-all"), "get_all");
        assert_eq!(snake("self"), "self_");
        assert_eq!(snake("isMD5"), "is_md5");
    }

    #[test]
    fn pascal_case_handles_values() {
        assert_eq!(pascal("note"), "Note");
        assert_eq!(pascal("1hour"), "V1hour");
        assert_eq!(pascal("read:account"), "ReadAccount");
        assert_eq!(pascal(""), "Empty");
        assert_eq!(pascal("+1"), "Plus1");
        assert_eq!(variant_from_code("NO_SUCH_NOTE"), "NoSuchNote");
    }

    #[test]
    fn non_ascii_names_become_ascii_identifiers() {
        assert_eq!(snake("x²"), "x_u00b2");
        assert_eq!(pascal("m²"), "MU00b2");
        assert_eq!(snake("١abc"), "u0661_abc");
        assert_eq!(variant_from_code("E²"), "EU00b2");
        assert_eq!(pascal("²"), "U00b2");
        assert_ne!(snake("ノート"), snake("メモ"));
    }

    #[test]
    fn scope_disambiguates_clashes_deterministically() {
        let mut scope = Scope::default();
        assert_eq!(scope.claim("foo_bar"), "foo_bar");
        assert_eq!(scope.claim("foo_bar"), "foo_bar2");
        assert_eq!(scope.claim("foo_bar"), "foo_bar3");
        assert_eq!(scope.claim("v2"), "v2");
        assert_eq!(scope.claim("v2"), "v2_2");
        assert_eq!(scope.claim("r#type"), "r#type");
        assert_eq!(scope.claim("r#type"), "type2");
    }
}
