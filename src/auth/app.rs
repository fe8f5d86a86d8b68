//! The older app flow: `app/create` → `auth/session/generate` → the user accepts →
//! `auth/session/userkey`, and the token is the SHA-256 of the access token and the app secret.
//!
//! Prefer [MiAuth](super::MiAuth) for new apps; this flow is for servers and apps that
//! still use it.
//!
//! ```no_run
//! # async fn run() -> misskey_client::Result<()> {
//! use misskey_client::{auth::{app::{App, AppRegistration}, Permission}, Client};
//! use std::time::Duration;
//!
//! let client = Client::new("https://misskey.example")?;
//! let app = App::create(&client, &AppRegistration::new("my app", "does things")
//!     .permissions([Permission::ReadAccount])).await?;
//! let session = app.generate_session(&client).await?;
//! println!("open {}", session.url);
//! let auth = app
//!     .wait(&client, &session.token, Duration::from_secs(3), Duration::from_secs(300))
//!     .await?;
//! let user_client = auth.client(&client);
//! # let _ = user_client;
//! # Ok(())
//! # }
//! ```

use std::time::Duration;

use serde_json::{json, Map, Value};

use super::{Authorization, Permission};
use crate::{Client, Error, Result, Token};

/// The code `auth/session/userkey` answers while the user has not accepted yet.
const PENDING_SESSION: &str = "PENDING_SESSION";

/// The API token for an access token from `auth/session/userkey`: the lowercase hex
/// SHA-256 of `access_token` followed by the app's `secret`.
pub fn token_from_access_token(access_token: &str, secret: &str) -> String {
    let mut context = ring::digest::Context::new(&ring::digest::SHA256);
    context.update(access_token.as_bytes());
    context.update(secret.as_bytes());
    let digest = context.finish();
    digest.as_ref().iter().map(|b| format!("{b:02x}")).collect()
}

/// What to register with `app/create`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct AppRegistration {
    /// The app's name, shown to the user.
    pub name: String,
    /// What it does, shown to the user.
    pub description: String,
    /// The permissions it asks for.
    pub permissions: Vec<Permission>,
    /// Where the server sends the user after they accept (`?token=` is appended).
    pub callback_url: Option<String>,
}

impl AppRegistration {
    /// An app with a name and a description, asking for no permission yet.
    pub fn new(name: impl Into<String>, description: impl Into<String>) -> AppRegistration {
        AppRegistration {
            name: name.into(),
            description: description.into(),
            permissions: Vec::new(),
            callback_url: None,
        }
    }

    /// Sets the permissions to ask for.
    pub fn permissions(mut self, permissions: impl IntoIterator<Item = Permission>) -> Self {
        self.permissions = permissions.into_iter().collect();
        self
    }

    /// Sets the callback URL.
    pub fn callback_url(mut self, url: impl Into<String>) -> Self {
        self.callback_url = Some(url.into());
        self
    }
}

/// A registered app: what the flow needs of it is its secret.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct App {
    /// The app's id, when known.
    pub id: Option<String>,
    /// The app's secret. Its `Debug`/`Display` print `***`.
    pub secret: Token,
}

/// A session from `auth/session/generate`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct AuthSession {
    /// The session token, passed to `auth/session/userkey`.
    pub token: String,
    /// The page the user opens to accept.
    pub url: String,
}

impl App {
    /// An app registered before, by its secret.
    pub fn from_secret(secret: impl Into<Token>) -> App {
        App {
            id: None,
            secret: secret.into(),
        }
    }

    /// Registers an app with `app/create`.
    pub async fn create(client: &Client, registration: &AppRegistration) -> Result<App> {
        let mut body = json!({
            "name": registration.name,
            "description": registration.description,
            "permission": registration.permissions,
        });
        if let Some(url) = &registration.callback_url {
            body["callbackUrl"] = Value::from(url.as_str());
        }
        let answer = client.call_raw("app/create", body).await?;
        let secret = text(&answer, "secret", "app/create")?;
        Ok(App {
            id: answer.get("id").and_then(Value::as_str).map(str::to_owned),
            secret: Token::new(secret),
        })
    }

    /// The app's secret and `others`: what the flow's errors and logs never show, in case a
    /// server echoes them.
    fn secrets(&self, others: &[&str]) -> Vec<String> {
        let mut secrets = vec![self.secret.expose_secret().to_owned()];
        secrets.extend(others.iter().map(|s| (*s).to_owned()));
        secrets
    }

    /// Starts a session with `auth/session/generate`; send the user to its `url`.
    pub async fn generate_session(&self, client: &Client) -> Result<AuthSession> {
        let mut body = Map::new();
        body.insert("appSecret".into(), self.secret.expose_secret().into());
        let answer = client
            .call_raw_with("auth/session/generate", body, true, self.secrets(&[]))
            .await?;
        Ok(AuthSession {
            token: text(&answer, "token", "auth/session/generate")?,
            url: text(&answer, "url", "auth/session/generate")?,
        })
    }

    /// Asks `auth/session/userkey` for the session's access token and turns it into the
    /// API token. Fails with code `PENDING_SESSION` while the user has not accepted.
    pub async fn userkey(&self, client: &Client, session_token: &str) -> Result<Authorization> {
        let mut body = Map::new();
        body.insert("appSecret".into(), self.secret.expose_secret().into());
        body.insert("token".into(), session_token.into());
        let answer = client
            .call_raw_with(
                "auth/session/userkey",
                body,
                true,
                self.secrets(&[session_token]),
            )
            .await?;
        let access_token = text(&answer, "accessToken", "auth/session/userkey")?;
        Ok(Authorization {
            token: Token::new(token_from_access_token(
                &access_token,
                self.secret.expose_secret(),
            )),
            user: answer.get("user").cloned().unwrap_or(Value::Null),
        })
    }

    /// Calls [`App::userkey`] every `interval` until the user accepts, for at most `deadline`.
    pub async fn wait(
        &self,
        client: &Client,
        session_token: &str,
        interval: Duration,
        deadline: Duration,
    ) -> Result<Authorization> {
        let until = crate::wait::later(tokio::time::Instant::now(), deadline);
        loop {
            match self.userkey(client, session_token).await {
                Err(err) if err.code() == Some(PENDING_SESSION) => {}
                other => return other,
            }
            if crate::wait::later(tokio::time::Instant::now(), interval) > until {
                return Err(Error::Auth {
                    reason: format!("the user did not accept within {deadline:?}"),
                });
            }
            tokio::time::sleep(interval).await;
        }
    }
}

fn text(answer: &Value, key: &str, endpoint: &str) -> Result<String> {
    answer
        .get(key)
        .and_then(Value::as_str)
        .map(str::to_owned)
        .ok_or_else(|| Error::Auth {
            reason: format!("{endpoint} answered without `{key}`"),
        })
}
