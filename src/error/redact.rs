//! What errors never show: the client's token wherever a server echoed it, and the value of
//! every credential-named key in error info and excerpts.

use serde_json::Value;

use super::{ApiError, Error, ErrorKind};

/// The secrets to cut, in the order to cut them: the longest first, so that a secret that
/// holds another is cut whole; empty ones left out.
fn cut_order<'s>(secrets: &[&'s str]) -> Vec<&'s str> {
    let mut secrets: Vec<&str> = secrets.iter().copied().filter(|s| !s.is_empty()).collect();
    secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
    secrets
}

fn cut_in(s: &mut String, ordered: &[&str]) {
    for secret in ordered {
        if s.contains(secret) {
            *s = s.replace(secret, "***");
        }
    }
}

/// `text` with every one of `secrets` cut out (`***`), as [`redact`] cuts them from errors.
pub(crate) fn cut_secrets(text: &str, secrets: &[&str]) -> String {
    let mut text = text.to_owned();
    cut_in(&mut text, &cut_order(secrets));
    text
}

/// Replaces each of `secrets` (the token, an app secret, a MiAuth session: whatever the
/// crate was given) with `***` in everything an error copied from a body, a header, a
/// decoding message or a request's path, in case a server or proxy echoes the request
/// back; an excerpt cut in the middle of a secret loses the piece it kept too.
pub(crate) fn redact(err: &mut Error, secrets: &[&str]) {
    let secrets = cut_order(secrets);
    if secrets.is_empty() {
        return;
    }
    let fix = |s: &mut String| cut_in(s, &secrets);
    let fix_excerpt = |s: &mut String| {
        fix(s);
        for secret in &secrets {
            mask_cut_secret(s, secret);
        }
    };
    let fix_api = |e: &mut ApiError| {
        fix(&mut e.endpoint);
        fix(&mut e.message);
        fix(&mut e.code);
        e.id.as_mut().map(fix);
        if let Some(ErrorKind::Other(kind)) = &mut e.kind {
            fix(kind);
        }
        if let Some(info) = &mut e.info {
            replace_in_value(info, &fix);
        }
    };
    match err {
        Error::Api(e) => fix_api(e),
        Error::RateLimited(e) => {
            fix(&mut e.endpoint);
            e.error.as_mut().map(fix_api);
        }
        Error::Framework(e) => {
            fix(&mut e.endpoint);
            fix(&mut e.message);
            e.error.as_mut().map(fix);
            e.code.as_mut().map(fix);
        }
        Error::UnexpectedBody(e) => {
            fix(&mut e.endpoint);
            e.content_type.as_mut().map(fix);
            fix_excerpt(&mut e.excerpt);
        }
        Error::Decode {
            endpoint,
            path,
            excerpt,
            source,
        } => {
            fix(endpoint);
            fix(path);
            fix_excerpt(excerpt);
            let mut message = source.to_string();
            let before = message.clone();
            fix(&mut message);
            if message != before {
                *source = serde::de::Error::custom(message);
            }
        }
        Error::Redirect {
            endpoint, location, ..
        } => {
            fix(endpoint);
            location.as_mut().map(fix);
        }
        Error::Timeout { endpoint, .. }
        | Error::Transport { endpoint, .. }
        | Error::Encode { endpoint, .. }
        | Error::NoContent { endpoint }
        | Error::ResponseTooLarge { endpoint, .. } => fix(endpoint),
        Error::MissingParameters { endpoint, .. } | Error::Unsupported { endpoint, .. } => {
            fix(endpoint)
        }
        _ => {}
    }
}

/// A decoding message without the values it quotes (`invalid type: string "…"`), for log
/// lines: a server may have echoed the token, or another secret, into any value, and a log
/// line is written where no one checks it against the secrets.
pub(crate) fn without_values(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    // The quote that opened the value being left out: `"` (serde's debug-quoted strings,
    // whose `\"` does not close them) or a backtick (`unknown variant `…``).
    let mut open: Option<char> = None;
    let mut escaped = false;
    for c in message.chars() {
        match open {
            Some(quote) => {
                if escaped {
                    escaped = false;
                } else if c == '\\' && quote == '"' {
                    escaped = true;
                } else if c == quote {
                    out.push('…');
                    out.push(c);
                    open = None;
                }
            }
            None => {
                out.push(c);
                if c == '"' || c == '`' {
                    open = Some(c);
                }
            }
        }
    }
    out
}

/// `fix` on every string of a JSON value, keys included (a server may echo the request
/// with the token as a key).
fn replace_in_value(v: &mut Value, fix: &impl Fn(&mut String)) {
    match v {
        Value::String(s) => fix(s),
        Value::Array(items) => items.iter_mut().for_each(|i| replace_in_value(i, fix)),
        Value::Object(map) => {
            let entries = std::mem::take(map);
            for (mut key, mut value) in entries {
                fix(&mut key);
                replace_in_value(&mut value, fix);
                map.insert(key, value);
            }
        }
        _ => {}
    }
}

/// The shortest piece of a secret at an excerpt's cut edge that is masked.
const SECRET_PIECE: usize = 4;

/// An excerpt starts or ends where it was cut (`…`); if the secret straddles the cut, the
/// piece inside still gives part of it away.
fn mask_cut_secret(excerpt: &mut String, secret: &str) {
    let chars: Vec<char> = secret.chars().collect();
    if chars.len() <= SECRET_PIECE {
        return;
    }
    if let Some(body) = excerpt.strip_prefix('…') {
        // The longest tail of the secret the excerpt starts with.
        let tail = (SECRET_PIECE..chars.len())
            .rev()
            .map(|n| chars[chars.len() - n..].iter().collect::<String>())
            .find(|tail| body.starts_with(tail.as_str()));
        if let Some(tail) = tail {
            *excerpt = format!("…***{}", &body[tail.len()..]);
        }
    }
    if let Some(body) = excerpt.strip_suffix('…') {
        let head = (SECRET_PIECE..chars.len())
            .rev()
            .map(|n| chars[..n].iter().collect::<String>())
            .find(|head| body.ends_with(head.as_str()));
        if let Some(head) = head {
            *excerpt = format!("{}***…", &body[..body.len() - head.len()]);
        }
    }
}

/// Whether a JSON name holds a credential, by what its words mean: a password (`smtpPass`),
/// a token, a secret, a private, secret, auth, API or access key (not a public or site key),
/// 2FA backup codes, a push subscription's `auth`, a QR code of a TOTP secret, a MiAuth
/// `session`, or `i`; never the id of one (`tokenId`). Its value is never copied into an
/// error, whoever sent it.
///
/// The generator decides which fields `Debug` hides with its own copy of this rule
/// (`misskey_codegen::names::is_credential`); both are tested against the decisions listed
/// in `codegen/tests/credentials.txt`.
pub fn is_credential_name(name: &str) -> bool {
    if matches!(name, "i" | "auth" | "qr" | "session") {
        return true;
    }
    let words = words(name);
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

/// Whether a value carries a secret whatever its key: a TOTP `otpauth:` URL holds the
/// shared secret in its query.
pub(crate) fn is_secret_value(value: &str) -> bool {
    value
        .get(..8)
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("otpauth:"))
}

/// `***` for the value of every credential key, at any depth.
pub(crate) fn mask_credentials(v: &mut Value) {
    match v {
        Value::Array(items) => items.iter_mut().for_each(mask_credentials),
        Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                // Text only: `usePasswordLessLogin: true` holds no secret; a list of texts
                // (`backupCodes`) holds one in each.
                if is_credential_name(key) {
                    mask_texts(value);
                } else {
                    mask_credentials(value);
                }
            }
        }
        Value::String(text) if is_secret_value(text) => *text = "***".into(),
        _ => {}
    }
}

/// `***` for every string in a credential's value.
fn mask_texts(v: &mut Value) {
    match v {
        Value::String(text) => *text = "***".into(),
        Value::Array(items) => items.iter_mut().for_each(mask_texts),
        Value::Object(map) => map.values_mut().for_each(mask_texts),
        _ => {}
    }
}

/// `***` for the string values of credential keys in JSON text (an excerpt's window):
/// `"password": "hunter2"` becomes `"password": "*******"`, the same length, so that
/// positions in the text stay where they were. Strings that are secrets by their value
/// (`"otpauth://…"`) are masked wherever they are.
pub(crate) fn mask_credential_text(text: &mut [u8]) {
    mask_secret_values(text);
    // Found from each `:` back to its key, not by pairing quotes from the start: an escaped
    // quote in an earlier value, or a window that begins inside a string, would pair them
    // wrongly.
    let mut colon = 0;
    while let Some(offset) = text[colon..].iter().position(|b| *b == b':') {
        let at = colon + offset;
        colon = at + 1;
        let Some(key) = key_before(text, at) else {
            continue;
        };
        if !std::str::from_utf8(key).is_ok_and(is_credential_name) {
            continue;
        }
        let mut j = at + 1;
        while j < text.len() && text[j].is_ascii_whitespace() {
            j += 1;
        }
        match text.get(j) {
            Some(b'"') => colon = mask_string(text, j + 1),
            // A list of texts (`backupCodes`): each of its strings, to its end.
            Some(b'[') => {
                let mut k = j + 1;
                while k < text.len() && text[k] != b']' {
                    k = if text[k] == b'"' {
                        mask_string(text, k + 1)
                    } else {
                        k + 1
                    };
                }
                colon = k;
            }
            _ => {}
        }
    }
}

/// The key of a JSON member whose `:` is at `colon`: the quoted text right before it.
fn key_before(text: &[u8], colon: usize) -> Option<&[u8]> {
    let mut end = colon;
    while end > 0 && text[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    let close = end.checked_sub(1).filter(|&i| text[i] == b'"')?;
    // The opening quote: the nearest one before that no backslash escapes. A key is short;
    // past 256 bytes this is not one.
    let mut open = close;
    loop {
        open = open.checked_sub(1)?;
        if close - open > 256 {
            return None;
        }
        if text[open] == b'"' {
            let backslashes = text[..open]
                .iter()
                .rev()
                .take_while(|b| **b == b'\\')
                .count();
            if backslashes % 2 == 0 {
                return Some(&text[open + 1..close]);
            }
        }
    }
}

/// Masks the string whose text starts at `start` (after its opening quote); answers where
/// the text after it starts (past its closing quote).
fn mask_string(text: &mut [u8], start: usize) -> usize {
    let mut k = start;
    while k < text.len() && text[k] != b'"' {
        // Masks escapes too, so that an escaped quote does not end the value.
        if text[k] == b'\\' && k + 1 < text.len() {
            text[k] = b'*';
            k += 1;
        }
        text[k] = b'*';
        k += 1;
    }
    (k + 1).min(text.len())
}

/// Masks every string in JSON text that is a secret by its value (see [`is_secret_value`]),
/// and the rest of an excerpt cut inside one.
fn mask_secret_values(text: &mut [u8]) {
    const SCHEME: &[u8] = b"otpauth:";
    let mut i = 0;
    while i + SCHEME.len() <= text.len() {
        if text[i..i + SCHEME.len()].eq_ignore_ascii_case(SCHEME) {
            i = mask_string(text, i);
        } else {
            i += 1;
        }
    }
    // A window that starts inside such a URL keeps its query: `…secret=ABC&issuer=…`.
    const QUERY: &[u8] = b"secret=";
    let mut i = 0;
    while i + QUERY.len() <= text.len() {
        if text[i..i + QUERY.len()].eq_ignore_ascii_case(QUERY) {
            let mut k = i + QUERY.len();
            while k < text.len() && !matches!(text[k], b'&' | b'"') {
                text[k] = b'*';
                k += 1;
            }
            i = k;
        } else {
            i += 1;
        }
    }
}
