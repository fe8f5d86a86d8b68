//! The client. (Placeholder: the core work fills this in.)

use std::sync::Arc;

use crate::{Endpoint, Error, Result};

/// How the token is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AuthMode {
    /// In the JSON body as `i`.
    #[default]
    Body,
    /// In the `Authorization: Bearer` header.
    Bearer,
}

/// A Misskey API client.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    base: String,
    token: Option<String>,
    http: reqwest::Client,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("base", &self.inner.base)
            .finish_non_exhaustive()
    }
}

/// Builds a [`Client`].
#[derive(Debug)]
pub struct ClientBuilder {
    base: String,
    token: Option<String>,
}

impl ClientBuilder {
    /// Sets the token.
    pub fn token(mut self, token: impl Into<String>) -> Self {
        self.token = Some(token.into());
        self
    }
    /// Builds the client.
    pub fn build(self) -> Result<Client> {
        Ok(Client {
            inner: Arc::new(Inner {
                base: self.base.trim_end_matches('/').to_owned(),
                token: self.token,
                http: reqwest::Client::new(),
            }),
        })
    }
}

impl Client {
    /// A client without a token.
    pub fn new(base: impl Into<String>) -> Result<Client> {
        Self::builder(base).build()
    }
    /// A builder.
    pub fn builder(base: impl Into<String>) -> ClientBuilder {
        ClientBuilder {
            base: base.into(),
            token: None,
        }
    }
    /// Sends a built request.
    pub async fn call<E: Endpoint>(&self, request: &E) -> Result<E::Response> {
        let mut body = serde_json::to_value(request).map_err(|source| Error::Decode {
            endpoint: E::NAME,
            source,
        })?;
        if let (Some(token), Some(map)) = (&self.inner.token, body.as_object_mut()) {
            map.insert("i".into(), token.clone().into());
        }
        let resp = self
            .inner
            .http
            .post(format!("{}/api/{}", self.inner.base, E::NAME))
            .json(&body)
            .send()
            .await?;
        let status = resp.status().as_u16();
        let bytes = resp.bytes().await?;
        if status == 204 || bytes.is_empty() {
            return serde_json::from_value(serde_json::Value::Null).map_err(|source| {
                Error::Decode {
                    endpoint: E::NAME,
                    source,
                }
            });
        }
        if status != 200 {
            return Err(Error::Status {
                endpoint: E::NAME,
                status,
            });
        }
        serde_json::from_slice(&bytes).map_err(|source| Error::Decode {
            endpoint: E::NAME,
            source,
        })
    }
}
