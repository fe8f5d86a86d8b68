//! Getting a token for a user: MiAuth (recommended), the older app flow, and the typed
//! [`Permission`] list both take.

pub mod app;
pub mod miauth;
mod permission;

pub use miauth::{LocalMiAuth, MiAuth, MiAuthBuilder, MiAuthStatus};
pub use permission::Permission;

use crate::{Client, Token};

/// What a completed authorization gives: the token and the user who granted it.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Authorization {
    /// The API token. Its `Debug`/`Display` print `***`.
    pub token: Token,
    /// The user, as the server described them (a `UserDetailedNotMe` or `MeDetailed` object).
    pub user: serde_json::Value,
}

impl Authorization {
    /// A client like `client` (same server and settings) that uses this token.
    pub fn client(&self, client: &Client) -> Client {
        client.with_token(&self.token)
    }
}
