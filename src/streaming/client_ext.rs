//! The streaming side's entry point on [`Client`](crate::Client).
//!
//! Everything the streaming module needs from the client goes through this one block, and
//! only through the client's public accessors, so the core can evolve independently.

use super::StreamingBuilder;
use crate::AuthMode;

// ---- BEGIN streaming: impl Client ----
impl crate::Client {
    /// A [`StreamingBuilder`] for this client's server, token and [`AuthMode`]; finish with
    /// [`connect`](StreamingBuilder::connect).
    ///
    /// ```no_run
    /// # async fn run(client: misskey_client::Client) -> misskey_client::Result<()> {
    /// let stream = client.streaming().connect().await?;
    /// let home = stream.home_timeline(Default::default()).await?;
    /// # drop(home); Ok(()) }
    /// ```
    pub fn streaming(&self) -> StreamingBuilder {
        let mut builder = StreamingBuilder::new(self.base_url().as_str())
            .http_client(self.http_client().clone())
            .bearer(matches!(self.auth_mode(), AuthMode::Bearer));
        builder.user_agent = Some(self.user_agent().clone());
        if let Some(token) = self.token() {
            builder = builder.token(token);
        }
        builder
    }
}
// ---- END streaming: impl Client ----
