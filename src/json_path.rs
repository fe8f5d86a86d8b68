//! The path of the value at a place in a JSON text, for decode errors: `[3].user.name`.
//!
//! A typed decode that fails tells where in the text it stopped (serde_json's line and
//! column), not which field it was reading. Tracking the field during the decode
//! (serde_path_to_error) compiles every response type's decoder a second time, in every crate
//! that calls the endpoint, for a path that is needed only when the decode fails. Instead,
//! the text is walked afterwards up to that place: one function, run only on failure.
//!
//! The path is the one serde_path_to_error names for the same failure (`tests/decode_paths.rs`
//! holds the two together), except inside a field the type skips, where this one goes on to
//! the place itself: `.` for the whole text, keys joined by `.`, `[i]` for array elements,
//! and `?` for an object member whose key could not be read.

/// What the parser said when it stopped, as far as the path depends on it.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Why {
    /// The text ended: the path is that of whatever was being read.
    Eof,
    /// A key sent twice: the object's failure.
    DuplicateField,
    /// A key that the type denies: the member's failure.
    UnknownField,
    /// More elements than a tuple holds (or text after the whole value): the container's.
    Trailing,
    /// Anything else: the value at the place.
    Other,
}

/// How far the walk has got: what the next token may be.
#[derive(Clone, Copy, PartialEq)]
enum State {
    /// A value: the whole text's, a member's (after `:`) or an element's.
    Value,
    /// A key or `}`, right after `{`.
    FirstKey,
    /// A key, after `,` in an object.
    Key,
    /// The `:` after a key.
    Colon,
    /// `,` or the container's end, after a member or an element.
    Next,
    /// Nothing: the whole text's value is complete.
    Done,
}

/// An open container and where in it the walk is.
enum Level {
    /// The current member's key (the bytes of its JSON string, quotes included).
    Object(Option<(usize, usize)>),
    /// The index of the element being read (`None` before the first).
    Array(Option<usize>),
}

/// The path of the innermost value where a decode of `text` failed, after the parser had
/// consumed `consumed` bytes.
///
/// An object's closing brace (a missing field) belongs to the object, and so does a key it
/// refused, unless `why` is an unknown field. The place just before a value (a value of the
/// wrong kind, seen but not consumed) belongs to that value.
pub(crate) fn path_at(text: &[u8], consumed: usize, why: Why) -> String {
    // Nothing consumed: the whole text's value was refused.
    let Some(offset) = consumed.checked_sub(1) else {
        return ".".to_owned();
    };
    let mut levels: Vec<Level> = Vec::new();
    let mut state = State::Value;
    let mut i = 0;
    loop {
        while text.get(i).is_some_and(|b| is_space(*b)) {
            i += 1;
        }
        let Some(&byte) = text.get(i) else {
            return before(text, &levels, state, None);
        };
        let (end, complete) = token_end(text, i);
        // Past the offset already (it was in the whitespace before this token), or on it. At
        // the end of the text, a token that is whole was read: the parser ran out after it.
        let reached = offset <= end && !(why == Why::Eof && complete);
        // The innermost container's end: after a member or element, or where one may start
        // (`{}`, `[]`, and the trailing comma of `[1,]`).
        let closes = match (byte, levels.last()) {
            (b'}', Some(Level::Object(_))) => matches!(state, State::FirstKey | State::Next),
            (b']', Some(Level::Array(_))) => matches!(state, State::Value | State::Next),
            _ => false,
        };
        match (state, byte) {
            _ if closes => {
                if reached {
                    return own_path(text, &levels);
                }
                levels.pop();
                state = after_value(&levels);
            }
            (State::Value, b'{') | (State::Value, b'[') => {
                begin_value(&mut levels);
                levels.push(if byte == b'{' {
                    Level::Object(None)
                } else {
                    Level::Array(None)
                });
                state = if byte == b'{' {
                    State::FirstKey
                } else {
                    State::Value
                };
                if reached && offset < i {
                    // The container itself, seen but not consumed: a value of the wrong kind.
                    levels.pop();
                    return render(text, &levels, None);
                }
                // On the opener itself: the failure is about what follows it.
            }
            (State::Value, _) if !b"}],:".contains(&byte) => {
                // A string, a literal, a number, or a byte no value starts with.
                begin_value(&mut levels);
                if reached && why == Why::Trailing {
                    return own_path(text, &levels);
                }
                if reached {
                    return render(text, &levels, None);
                }
                state = after_value(&levels);
            }
            (State::FirstKey, b'"') | (State::Key, b'"') => {
                if reached && (offset < end || !complete) {
                    // Stopped inside the key (cut short, or a bad byte): it has no name yet.
                    return unknown_member(text, &levels);
                }
                if reached && why != Why::UnknownField {
                    // Read, then refused: sent twice, or not a variant of an enum.
                    return own_path(text, &levels);
                }
                if let Some(Level::Object(key)) = levels.last_mut() {
                    *key = Some((i, end));
                }
                if reached {
                    // Refused as it was read: a field that the type denies.
                    return render(text, &levels, None);
                }
                state = State::Colon;
            }
            (State::Colon, b':') => {
                state = State::Value;
                if reached {
                    return render(text, &levels, None);
                }
            }
            (State::Next, b',') => {
                state = match levels.last() {
                    Some(Level::Object(_)) => State::Key,
                    _ => State::Value,
                };
                if reached {
                    return before(text, &levels, state, next_token(text, end + 1));
                }
            }
            // A token that cannot come here: the parser stopped at it.
            _ => return before(text, &levels, state, Some(byte)),
        }
        i = end + 1;
    }
}

/// The path when the parser stopped before the token starting with `next` (`None`: the end
/// of the text), in `state`.
fn before(text: &[u8], levels: &[Level], state: State, next: Option<u8>) -> String {
    match (state, levels.last()) {
        (_, None) => ".".to_owned(),
        // After `:`, the member's value is being read, whatever comes.
        (State::Value, Some(Level::Object(_))) => render(text, levels, None),
        (State::Value, Some(Level::Array(index))) => match next {
            None | Some(b']') => own_path(text, levels),
            // An element starts: it is the next one.
            Some(_) => render(text, levels, Some(index.map_or(0, |i| i + 1))),
        },
        (State::Colon, _) => own_path(text, levels),
        (State::FirstKey | State::Next, Some(Level::Object(_))) if next == Some(b'}') => {
            own_path(text, levels)
        }
        (State::FirstKey | State::Key | State::Next, Some(Level::Object(_))) => {
            unknown_member(text, levels)
        }
        _ => own_path(text, levels),
    }
}

/// Starts a value in the innermost container: an array's next element.
fn begin_value(levels: &mut [Level]) {
    if let Some(Level::Array(index)) = levels.last_mut() {
        *index = Some(index.map_or(0, |i| i + 1));
    }
}

fn after_value(levels: &[Level]) -> State {
    if levels.is_empty() {
        State::Done
    } else {
        State::Next
    }
}

/// The first byte of the next token from `from`, if any.
fn next_token(text: &[u8], from: usize) -> Option<u8> {
    text.get(from..)?.iter().copied().find(|b| !is_space(*b))
}

/// JSON's whitespace.
fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r')
}

/// The last byte of the token starting at `start`, and whether the token is whole (a string
/// closed, a literal or number complete). A token the parser refuses ends where it stopped
/// reading it: a literal at its first wrong byte, a number at the byte that cannot follow.
fn token_end(text: &[u8], start: usize) -> (usize, bool) {
    match text[start] {
        b'"' => {
            let mut i = start + 1;
            while i < text.len() {
                match text[i] {
                    b'\\' => i += 2,
                    b'"' => return (i, true),
                    _ => i += 1,
                }
            }
            (text.len() - 1, false)
        }
        b't' => literal_end(text, start, b"true"),
        b'f' => literal_end(text, start, b"false"),
        b'n' => literal_end(text, start, b"null"),
        b'-' | b'0'..=b'9' => number_end(text, start),
        // Punctuation, or a byte no token starts with.
        _ => (start, true),
    }
}

fn literal_end(text: &[u8], start: usize, literal: &[u8]) -> (usize, bool) {
    for (k, expected) in literal.iter().enumerate() {
        match text.get(start + k) {
            None => return (text.len() - 1, false),
            // The parser consumed the wrong byte before refusing it.
            Some(byte) if byte != expected => return (start + k, false),
            Some(_) => {}
        }
    }
    (start + literal.len() - 1, true)
}

/// A number: `-`, digits, then a fraction and an exponent, each needing a digit.
fn number_end(text: &[u8], start: usize) -> (usize, bool) {
    let digits = |mut i: usize| {
        while text.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        i
    };
    let mut i = start + usize::from(text[start] == b'-');
    // Each part must have a digit; where one is missing, the parser stopped on that byte.
    let part = |from: usize, to: usize| (to > from).then_some(to);
    let Some(mut end) = part(i, digits(i)) else {
        return (i.min(text.len() - 1), false);
    };
    if text.get(end) == Some(&b'.') {
        i = end + 1;
        let Some(next) = part(i, digits(i)) else {
            return (i.min(text.len() - 1), false);
        };
        end = next;
    }
    if matches!(text.get(end), Some(b'e' | b'E')) {
        i = end + 1;
        if matches!(text.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let Some(next) = part(i, digits(i)) else {
            return (i.min(text.len() - 1), false);
        };
        end = next;
    }
    (end - 1, true)
}

/// The path of the innermost container itself.
fn own_path(text: &[u8], levels: &[Level]) -> String {
    render(text, &levels[..levels.len().saturating_sub(1)], None)
}

/// The innermost object's path and a member with no name.
fn unknown_member(text: &[u8], levels: &[Level]) -> String {
    let mut path = own_path(text, levels);
    if path == "." {
        path.clear();
    } else {
        path.push('.');
    }
    path.push('?');
    path
}

/// The path through `levels`, each at its current member or element; `next_index` replaces
/// the innermost array's index (an element not yet begun).
fn render(text: &[u8], levels: &[Level], next_index: Option<usize>) -> String {
    let mut path = String::new();
    let last = levels.len().saturating_sub(1);
    for (depth, level) in levels.iter().enumerate() {
        match level {
            Level::Array(index) => {
                let index = if depth == last {
                    next_index.or(*index)
                } else {
                    *index
                };
                if let Some(index) = index {
                    path.push_str(&format!("[{index}]"));
                }
            }
            Level::Object(Some((start, end))) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(&key_text(&text[*start..=*end]));
            }
            Level::Object(None) => {}
        }
    }
    if path.is_empty() {
        path.push('.');
    }
    path
}

/// A key as the decoder saw it: the JSON string with its escapes resolved.
fn key_text(quoted: &[u8]) -> String {
    let inner = &quoted[1..quoted.len().saturating_sub(1).max(1)];
    if !inner.contains(&b'\\') {
        return String::from_utf8_lossy(inner).into_owned();
    }
    serde_json::from_slice::<String>(quoted)
        .unwrap_or_else(|_| String::from_utf8_lossy(inner).into_owned())
}

#[cfg(test)]
mod tests {
    use super::{path_at, Why};

    /// The path with the parser stopped on the byte before the first `^` of `marked` (the
    /// marker is removed from the text).
    fn at(marked: &str) -> String {
        let consumed = marked.find('^').expect("a ^ marks the place");
        let text = marked.replacen('^', "", 1);
        path_at(text.as_bytes(), consumed, Why::Other)
    }

    #[test]
    fn values_members_and_elements() {
        assert_eq!(at(r#"{"a": {"b": 42^}}"#), "a.b");
        assert_eq!(at(r#"[{"id": "x"}, {"id": 1^}]"#), "[1].id");
        assert_eq!(at(r#"{"a": [1, 2, [3, 4^]]}"#), "a[2][1]");
        assert_eq!(at(r#""just a string"^"#), ".");
        assert_eq!(at(r#"^[{"a": 1}]"#), ".");
    }

    #[test]
    fn closing_brace_and_keys_belong_to_the_object() {
        assert_eq!(at(r#"{"user": {"id": "u"}^}"#), "user");
        let text = br#"{"user": {"id": "u", "id": "v"}}"#;
        assert_eq!(path_at(text, 25, Why::DuplicateField), "user");
        // An unknown field, where a type denies them, is the member's failure.
        assert_eq!(path_at(text, 25, Why::UnknownField), "user.id");
    }

    #[test]
    fn the_place_before_a_value_belongs_to_the_value() {
        assert_eq!(at(r#"{"a":^{"b": 1}}"#), "a");
        assert_eq!(at(r#"{"a": [1,^{"b": 1}]}"#), "a[1]");
        assert_eq!(at(r#"{"a": [^{"b": 1}]}"#), "a[0]");
        assert_eq!(at(r#"  ^{"a": 1}"#), ".");
    }

    #[test]
    fn escaped_keys_are_unescaped() {
        assert_eq!(at(r#"{"a\"b": 1^}"#), "a\"b");
        assert_eq!(at(r#"{"\u00e9": 1^}"#), "é");
    }

    #[test]
    fn cut_texts() {
        // What serde_path_to_error names for each (checked against it).
        let cut = |text: &str| path_at(text.as_bytes(), text.len(), Why::Eof);
        assert_eq!(cut(r#"{"a": "cut short"#), "a");
        assert_eq!(cut(r#"{"x": {"k": {"valueName""#), "x.k");
        assert_eq!(cut(r#"{"x": {"k": {"valueName":"#), "x.k.valueName");
        assert_eq!(cut(r#"{"x": {"k": {"valueNa"#), "x.k.?");
        assert_eq!(cut(r#"{"x": {"k": {"v": 5, "flag": true},"#), "x.?");
        assert_eq!(cut(r#"{"x": {"k": {"v": 5, "flag": true}, "l""#), "x");
        assert_eq!(cut(r#"{"count""#), ".");
        assert_eq!(cut(r#"{"count": 3"#), "?");
        assert_eq!(cut(r#"{"count": tr"#), "count");
        assert_eq!(cut(r#"{"tags": ["a","#), "tags");
        assert_eq!(cut(r#"{"tags": ["a""#), "tags");
        assert_eq!(cut(r#"{"tags": ["a"#), "tags[0]");
        assert_eq!(cut(r#"{"tags": ["a\""#), "tags[0]");
        assert_eq!(cut(r#"{"#), "?");
        assert_eq!(cut(r#"["#), ".");
        assert_eq!(cut(""), ".");
    }

    #[test]
    fn broken_texts() {
        assert_eq!(at(r#"{"a" 1^}"#), ".");
        assert_eq!(at(r#"{"a": {"b" 1, ^"#), "a");
        assert_eq!(at(r#"[1] x^"#), ".");
        assert_eq!(at(r#"{"a": [1 2^]}"#), "a");
        assert_eq!(at(r#"{"a": 1 "b^": 2}"#), "?");
        // More elements than a tuple holds: the tuple's failure.
        let text = br#"{"pair": [1, "one", 2]}"#;
        assert_eq!(path_at(text, 21, Why::Trailing), "pair");
        assert_eq!(path_at(text, 21, Why::Other), "pair[2]");
    }

    #[test]
    fn any_text_and_place_gives_a_path() {
        // Bodies come from servers: whatever the bytes and the place, a path, no panic.
        let alphabet = b"{}[]:,\"\\ ntrufal0123456789-.eE+x\xff\xc3\n";
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..3000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 24) as usize;
            let text: Vec<u8> = (0..len)
                .map(|k| alphabet[((seed >> (k % 8 * 8)) as usize + k * 7) % alphabet.len()])
                .collect();
            for consumed in 0..=text.len() {
                for why in [
                    Why::Eof,
                    Why::DuplicateField,
                    Why::UnknownField,
                    Why::Trailing,
                    Why::Other,
                ] {
                    assert!(!path_at(&text, consumed, why).is_empty());
                }
            }
        }
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        let mut text = "[".repeat(200_000);
        text.push('x');
        assert!(path_at(text.as_bytes(), text.len(), Why::Other).ends_with("[0][0]"));
    }
}
