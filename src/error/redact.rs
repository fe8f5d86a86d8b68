//! What errors never show: the client's token wherever a server echoed it, and the value of
//! every credential-named key in error info and excerpts.

use serde_json::Value;

use super::Error;

/// Replaces `secret` with `***` in whatever an error copied from a body, a header or a
/// decoding message, in case a server or proxy echoes the request back; an excerpt cut in
/// the middle of the secret loses the piece it kept too.
pub(crate) fn redact(err: &mut Error, secret: &str) {
    let fix = |s: &mut String| {
        if s.contains(secret) {
            *s = s.replace(secret, "***");
        }
    };
    let fix_value = |v: &mut Value| replace_in_strings(v, secret);
    match err {
        Error::Api(e) => {
            fix(&mut e.message);
            fix(&mut e.code);
            e.id.as_mut().map(fix);
            e.info.as_mut().map(fix_value);
        }
        Error::RateLimited(e) => {
            if let Some(e) = &mut e.error {
                fix(&mut e.message);
                fix(&mut e.code);
                e.id.as_mut().map(fix);
                e.info.as_mut().map(fix_value);
            }
        }
        Error::Framework(e) => {
            fix(&mut e.message);
            e.error.as_mut().map(fix);
            e.code.as_mut().map(fix);
        }
        Error::UnexpectedBody(e) => {
            fix(&mut e.excerpt);
            mask_cut_secret(&mut e.excerpt, secret);
        }
        Error::Decode {
            excerpt, source, ..
        } => {
            fix(excerpt);
            mask_cut_secret(excerpt, secret);
            let message = source.to_string();
            if message.contains(secret) {
                *source = serde::de::Error::custom(message.replace(secret, "***"));
            }
        }
        Error::Redirect { location, .. } => {
            location.as_mut().map(fix);
        }
        _ => {}
    }
}

fn replace_in_strings(v: &mut Value, secret: &str) {
    match v {
        Value::String(s) if s.contains(secret) => *s = s.replace(secret, "***"),
        Value::Array(items) => items.iter_mut().for_each(|i| replace_in_strings(i, secret)),
        Value::Object(map) => map.values_mut().for_each(|i| replace_in_strings(i, secret)),
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

/// Whether a JSON key names a credential (a password, a token, a secret, `i`): its value
/// is never copied into an error, whoever sent it.
pub(crate) fn is_credential_key(key: &str) -> bool {
    let lower = key.to_ascii_lowercase();
    lower == "i" || CREDENTIAL_WORDS.iter().any(|word| lower.contains(word))
}

/// What a credential's name contains; the generator's list, for `Debug`, is the same.
const CREDENTIAL_WORDS: &[&str] = &["password", "token", "secret", "apikey", "api_key"];

/// `***` for the value of every credential key, at any depth.
pub(crate) fn mask_credentials(v: &mut Value) {
    match v {
        Value::Array(items) => items.iter_mut().for_each(mask_credentials),
        Value::Object(map) => {
            for (key, value) in map.iter_mut() {
                // Strings only: `usePasswordLessLogin: true` holds no secret.
                if is_credential_key(key) && value.is_string() {
                    *value = Value::String("***".into());
                } else {
                    mask_credentials(value);
                }
            }
        }
        _ => {}
    }
}

/// `***` for the string values of credential keys in JSON text (an excerpt's window):
/// `"password": "hunter2"` becomes `"password": "*******"`, the same length, so that
/// positions in the text stay where they were.
pub(crate) fn mask_credential_text(text: &mut [u8]) {
    let mut i = 0;
    while let Some(offset) = text[i..].iter().position(|b| *b == b'"') {
        let key_start = i + offset + 1;
        let Some(key_len) = text[key_start..].iter().position(|b| *b == b'"') else {
            return;
        };
        let key_end = key_start + key_len;
        let mut j = key_end + 1;
        while j < text.len() && text[j].is_ascii_whitespace() {
            j += 1;
        }
        let is_key = j < text.len() && text[j] == b':';
        let credential =
            is_key && std::str::from_utf8(&text[key_start..key_end]).is_ok_and(is_credential_key);
        if !credential {
            i = key_end + 1;
            continue;
        }
        j += 1;
        while j < text.len() && text[j].is_ascii_whitespace() {
            j += 1;
        }
        if j < text.len() && text[j] == b'"' {
            let mut k = j + 1;
            while k < text.len() && text[k] != b'"' {
                // Masks escapes too, so that an escaped quote does not end the value.
                if text[k] == b'\\' && k + 1 < text.len() {
                    text[k] = b'*';
                    k += 1;
                }
                text[k] = b'*';
                k += 1;
            }
            i = k.min(text.len());
        } else {
            i = j;
        }
        if i >= text.len() {
            return;
        }
    }
}
