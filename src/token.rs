//! A credential that does not print itself.

use std::fmt;

/// An API token (or an app secret): a string whose `Debug` and `Display` print `***`.
///
/// Get the string with [`Token::expose_secret`] when you must store or pass it on.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Token(String);

impl Token {
    /// Wraps a token.
    pub fn new(token: impl Into<String>) -> Token {
        Token(token.into())
    }

    /// The token itself. Keep it out of logs.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }

    /// The token itself, consuming the wrapper.
    pub fn into_secret(self) -> String {
        self.0
    }
}

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(***)")
    }
}

impl fmt::Display for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl From<String> for Token {
    fn from(s: String) -> Token {
        Token(s)
    }
}

impl From<&str> for Token {
    fn from(s: &str) -> Token {
        Token(s.to_owned())
    }
}

impl From<&String> for Token {
    fn from(s: &String) -> Token {
        Token(s.clone())
    }
}

impl From<&Token> for Token {
    fn from(t: &Token) -> Token {
        t.clone()
    }
}
