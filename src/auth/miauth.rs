//! MiAuth: the user opens a page on their server, allows the app, and the app fetches the
//! token with the session id.
//!
//! ```no_run
//! # async fn run() -> misskey_client::Result<()> {
//! use misskey_client::auth::{MiAuth, Permission};
//! use std::time::Duration;
//!
//! let miauth = MiAuth::builder("https://misskey.example")
//!     .name("my app")
//!     .permissions([Permission::ReadAccount, Permission::WriteNotes])
//!     .build()?;
//! println!("open {}", miauth.url());
//! let auth = miauth.wait(Duration::from_secs(3), Duration::from_secs(300)).await?;
//! println!("token for {}", auth.user["username"]);
//! # Ok(())
//! # }
//! ```

use std::net::SocketAddr;
use std::time::Duration;

use serde_json::{Map, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::time::Instant;
use url::Url;

use super::{Authorization, Permission};
use crate::{Client, Error, Result, Token};

/// The path the local callback listens on.
const CALLBACK_PATH: &str = "/callback";

/// Builds a [`MiAuth`] flow; see [`MiAuth::builder`].
#[derive(Debug, Clone)]
#[must_use]
pub struct MiAuthBuilder {
    base: String,
    client: Option<Client>,
    name: Option<String>,
    icon: Option<String>,
    callback: Option<String>,
    permissions: Vec<Permission>,
}

impl MiAuthBuilder {
    /// The app's name shown to the user.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// The URL of the app's icon shown to the user.
    pub fn icon(mut self, icon_url: impl Into<String>) -> Self {
        self.icon = Some(icon_url.into());
        self
    }

    /// Where the server sends the browser after the user allows it (`?session=...` is
    /// appended). See [`MiAuthBuilder::listen`] for a callback on this machine.
    pub fn callback(mut self, url: impl Into<String>) -> Self {
        self.callback = Some(url.into());
        self
    }

    /// The permissions asked for.
    pub fn permissions(mut self, permissions: impl IntoIterator<Item = Permission>) -> Self {
        self.permissions = permissions.into_iter().collect();
        self
    }

    /// Uses this client's server and HTTP settings for `check` (its token is not sent).
    /// By default a client is made from the base URL given to [`MiAuth::builder`].
    pub fn client(mut self, client: Client) -> Self {
        self.client = Some(client);
        self
    }

    /// Builds the flow with a fresh session id (a UUID v4).
    pub fn build(self) -> Result<MiAuth> {
        let client = match self.client {
            Some(client) => client,
            None => Client::new(&self.base)?,
        };
        let session = uuid::Uuid::new_v4().to_string();
        let mut url = client
            .base_url()
            .join(&format!("miauth/{session}"))
            .map_err(|e| Error::InvalidBaseUrl {
                url: self.base.clone(),
                reason: e.to_string(),
            })?;
        {
            let mut query = url.query_pairs_mut();
            if let Some(name) = &self.name {
                query.append_pair("name", name);
            }
            if let Some(icon) = &self.icon {
                query.append_pair("icon", icon);
            }
            if let Some(callback) = &self.callback {
                query.append_pair("callback", callback);
            }
            if !self.permissions.is_empty() {
                let list: Vec<&str> = self.permissions.iter().map(Permission::as_str).collect();
                query.append_pair("permission", &list.join(","));
            }
        }
        if url.query() == Some("") {
            url.set_query(None);
        }
        Ok(MiAuth {
            client,
            session,
            url,
        })
    }

    /// Listens on `127.0.0.1` (a free port), uses that as the callback, and builds the
    /// flow; [`LocalMiAuth::wait`] completes when the browser is sent back there.
    pub async fn listen(self) -> Result<LocalMiAuth> {
        self.listen_on(SocketAddr::from(([127, 0, 0, 1], 0))).await
    }

    /// Like [`MiAuthBuilder::listen`], on a given local address.
    pub async fn listen_on(mut self, addr: SocketAddr) -> Result<LocalMiAuth> {
        let listener = TcpListener::bind(addr).await.map_err(|e| Error::Auth {
            reason: format!("cannot listen on {addr}: {e}"),
        })?;
        let local = listener.local_addr().map_err(|e| Error::Auth {
            reason: format!("cannot read the listening address: {e}"),
        })?;
        let callback =
            Url::parse(&format!("http://{local}{CALLBACK_PATH}")).map_err(|e| Error::Auth {
                reason: e.to_string(),
            })?;
        self.callback = Some(callback.to_string());
        Ok(LocalMiAuth {
            miauth: self.build()?,
            listener,
            callback,
        })
    }
}

/// One MiAuth flow: one session, used once. Its `Debug` hides the session id, which
/// collects the token (the URL, which holds it, is shown without it).
#[derive(Clone)]
pub struct MiAuth {
    client: Client,
    session: String,
    url: Url,
}

impl std::fmt::Debug for MiAuth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MiAuth")
            .field("client", &self.client)
            .field("session", &"***")
            .field("url", &self.url.as_str().replace(&self.session, "***"))
            .finish()
    }
}

/// What [`MiAuth::check`] found.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum MiAuthStatus {
    /// The user has not allowed it yet (or the token was already handed out: a session's
    /// token is given once).
    Pending,
    /// The user allowed it.
    Authorized(Authorization),
}

impl MiAuthStatus {
    /// Reads the body of a `miauth/{session}/check` answer, as [`MiAuth::check`] does.
    ///
    /// That endpoint is not in the spec (its path has a parameter), so no generated module
    /// decodes it; this is the one place that does, for live calls and captured answers alike.
    pub fn from_check_answer(answer: Value) -> Result<MiAuthStatus> {
        if answer.get("ok").and_then(Value::as_bool) != Some(true) {
            return Ok(MiAuthStatus::Pending);
        }
        let token = answer
            .get("token")
            .and_then(Value::as_str)
            .ok_or_else(|| Error::Auth {
                reason: "miauth/{session}/check answered ok without a token".to_owned(),
            })?;
        Ok(MiAuthStatus::Authorized(Authorization {
            token: Token::new(token),
            user: answer.get("user").cloned().unwrap_or(Value::Null),
        }))
    }
}

impl MiAuth {
    /// A builder for the server at `base_url` (forms as for [`Client::new`]).
    pub fn builder(base_url: impl AsRef<str>) -> MiAuthBuilder {
        MiAuthBuilder {
            base: base_url.as_ref().to_owned(),
            client: None,
            name: None,
            icon: None,
            callback: None,
            permissions: Vec::new(),
        }
    }

    /// The page to open in the user's browser.
    pub fn url(&self) -> &Url {
        &self.url
    }

    /// The session id (a UUID v4).
    pub fn session(&self) -> &str {
        &self.session
    }

    /// Asks the server whether the user has allowed it (`miauth/{session}/check`).
    pub async fn check(&self) -> Result<MiAuthStatus> {
        let name = format!("miauth/{}/check", self.session);
        // The session id is the one key that collects the token: cut from errors and logs.
        let answer = self
            .client
            .call_raw_with(&name, Map::new(), false, vec![self.session.clone()])
            .await?;
        MiAuthStatus::from_check_answer(answer)
    }

    /// Checks every `interval` until the user allows it, for at most `deadline`.
    pub async fn wait(&self, interval: Duration, deadline: Duration) -> Result<Authorization> {
        self.wait_until(
            interval,
            crate::wait::later(Instant::now(), deadline),
            deadline,
        )
        .await
    }

    async fn wait_until(
        &self,
        interval: Duration,
        until: Instant,
        deadline: Duration,
    ) -> Result<Authorization> {
        loop {
            if let MiAuthStatus::Authorized(auth) = self.check().await? {
                return Ok(auth);
            }
            if crate::wait::later(Instant::now(), interval) > until {
                return Err(Error::Auth {
                    reason: format!("the user did not allow it within {deadline:?}"),
                });
            }
            tokio::time::sleep(interval).await;
        }
    }
}

/// A MiAuth flow whose callback is a listener on this machine; see
/// [`MiAuthBuilder::listen`].
#[derive(Debug)]
pub struct LocalMiAuth {
    miauth: MiAuth,
    listener: TcpListener,
    callback: Url,
}

impl LocalMiAuth {
    /// The page to open in the user's browser.
    pub fn url(&self) -> &Url {
        self.miauth.url()
    }

    /// The session id.
    pub fn session(&self) -> &str {
        self.miauth.session()
    }

    /// The callback URL given to the server: `http://127.0.0.1:PORT/callback`.
    pub fn callback_url(&self) -> &Url {
        &self.callback
    }

    /// The flow, to [`MiAuth::check`] by hand.
    pub fn miauth(&self) -> &MiAuth {
        &self.miauth
    }

    /// Waits (at most `deadline`) for the browser to come back to the callback with this
    /// session, answers it with a short page, then fetches the token.
    pub async fn wait(self, deadline: Duration) -> Result<Authorization> {
        let until = crate::wait::later(Instant::now(), deadline);
        let timed_out = || Error::Auth {
            reason: format!("the browser did not come back within {deadline:?}"),
        };
        loop {
            let (stream, _) = tokio::time::timeout_at(until, self.listener.accept())
                .await
                .map_err(|_| timed_out())?
                .map_err(|e| Error::Auth {
                    reason: format!("callback listener: {e}"),
                })?;
            // One slow or silent connection must not hold up the flow for long.
            let handled = tokio::time::timeout(
                Duration::from_secs(10),
                answer_callback(stream, self.miauth.session()),
            )
            .await;
            if let Ok(Ok(true)) = handled {
                break;
            }
        }
        // The server marks the session allowed before it redirects; check a few times in
        // case the answer is not visible at once.
        self.miauth
            .wait_until(Duration::from_millis(500), until, deadline)
            .await
    }
}

/// Reads one HTTP request; answers it; says whether it was the callback for `session`.
async fn answer_callback(mut stream: TcpStream, session: &str) -> std::io::Result<bool> {
    let mut head = Vec::with_capacity(1024);
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 16 * 1024 {
        let n = stream.read(&mut buf).await?;
        if n == 0 {
            break;
        }
        head.extend_from_slice(&buf[..n]);
    }
    let head = String::from_utf8_lossy(&head);
    let target = head
        .lines()
        .next()
        .and_then(|line| line.split_whitespace().nth(1))
        .unwrap_or("/");
    let url = Url::parse("http://127.0.0.1")
        .and_then(|base| base.join(target))
        .ok();
    let got = url.as_ref().filter(|u| u.path() == CALLBACK_PATH).map(|u| {
        u.query_pairs()
            .find(|(k, _)| k == "session")
            .map(|(_, v)| v.into_owned())
    });
    let (status, body, matched) = match got {
        Some(Some(s)) if s == session => (
            "200 OK",
            "<!doctype html><meta charset=utf-8><title>Authorized</title>\
             <p>Authorized. You can close this window and go back to the app.</p>",
            true,
        ),
        Some(_) => (
            "400 Bad Request",
            "<!doctype html><meta charset=utf-8><title>Unknown session</title>\
             <p>This is not the session the app is waiting for.</p>",
            false,
        ),
        None => ("404 Not Found", "not found", false),
    };
    let response = format!(
        "HTTP/1.1 {status}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(response.as_bytes()).await?;
    stream.shutdown().await.ok();
    Ok(matched)
}
