//! What the connected server has, learned at run time: its name, version and endpoint list
//! (`meta` and `endpoints`, which every version answers), asked once per client and cached.
//!
//! A build of several specs has endpoints some servers lack; a bot learns which here, and
//! with [`ClientBuilder::check_support`](crate::ClientBuilder::check_support) a call to one
//! the server does not list fails before anything is sent.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use serde_json::{json, Map, Value};

use crate::{Client, Endpoint, Error, Result};

/// The connected server, as it describes itself.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Server {
    /// The instance's name (`meta.name`), if it has one.
    pub name: Option<String>,
    /// The server's version (`meta.version`): `2025.4.1-mhq.13`, `2025.2.2`, `13.11.3`.
    pub version: String,
    /// Every endpoint the server lists (`endpoints`).
    pub endpoints: BTreeSet<String>,
}

impl Server {
    /// Whether the server lists `name` (`notes/edit`). Endpoints with a path parameter
    /// (`miauth/{session}/check`) are not in servers' lists, and count as there.
    pub fn supports(&self, name: &str) -> bool {
        name.contains('{') || self.endpoints.contains(name)
    }
}

/// The cache of a client and its clones, and the one ask in flight.
#[derive(Debug, Default)]
pub(crate) struct Known {
    server: Mutex<Option<Arc<Server>>>,
    /// Held while the server is asked, so that calls made meanwhile wait for its answer
    /// instead of asking too.
    asking: tokio::sync::Mutex<()>,
}

impl Known {
    fn get(&self) -> Option<Arc<Server>> {
        self.server.lock().ok()?.clone()
    }

    fn set(&self, server: Arc<Server>) {
        if let Ok(mut known) = self.server.lock() {
            *known = Some(server);
        }
    }
}

impl Client {
    /// The connected server's name, version and endpoints, asked once (`meta` and
    /// `endpoints`) and then answered from the cache this client and its clones share.
    pub async fn server(&self) -> Result<Arc<Server>> {
        if let Some(server) = self.known_server().get() {
            return Ok(server);
        }
        let _asking = self.known_server().asking.lock().await;
        match self.known_server().get() {
            Some(server) => Ok(server),
            None => self.refresh_server().await,
        }
    }

    /// Asks the server again (after it was upgraded, say) and caches the answer.
    pub async fn refresh_server(&self) -> Result<Arc<Server>> {
        let meta = self
            .call_raw_with("meta", object(json!({"detail": false})), false, Vec::new())
            .await?;
        let list = self
            .call_raw_with("endpoints", Map::new(), false, Vec::new())
            .await?;
        let endpoints = list
            .as_array()
            .map(|names| {
                names
                    .iter()
                    .filter_map(|n| n.as_str().map(str::to_owned))
                    .collect()
            })
            .ok_or_else(|| Error::Encode {
                endpoint: "endpoints".into(),
                reason: "the server's endpoint list is not a list of names".into(),
            })?;
        let server = Arc::new(Server {
            name: meta.get("name").and_then(Value::as_str).map(str::to_owned),
            version: meta
                .get("version")
                .and_then(Value::as_str)
                .unwrap_or("unknown")
                .to_owned(),
            endpoints,
        });
        self.known_server().set(server.clone());
        Ok(server)
    }

    /// Whether the server has the endpoint `name`: `None` until [`Client::server`] has asked
    /// (nothing is fetched here).
    pub fn supports(&self, name: &str) -> Option<bool> {
        self.known_server().get().map(|s| s.supports(name))
    }

    /// [`Client::supports`] for an endpoint type: `client.supports_endpoint::<notes::edit::Request>()`.
    pub fn supports_endpoint<E: Endpoint>(&self) -> Option<bool> {
        self.supports(E::NAME)
    }

    /// Fails with [`Error::Unsupported`] when the server is known not to have `name`;
    /// with `check_support` on, asks it first if it is not known yet.
    pub(crate) async fn check_supported(&self, name: &str) -> Result<()> {
        let server = match self.known_server().get() {
            Some(server) => server,
            None if self.checks_support() => self.server().await?,
            None => return Ok(()),
        };
        if server.supports(name) {
            Ok(())
        } else {
            Err(Error::Unsupported {
                endpoint: name.to_owned(),
                server_version: server.version.clone(),
            })
        }
    }
}

fn object(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        _ => Map::new(),
    }
}
