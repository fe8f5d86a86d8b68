//! Reaches what the spec does not declare: an undeclared field, a whole answer as JSON, and
//! an answer decoded for an endpoint chosen by name.
//!
//! ```text
//! MISSKEY_TOKEN=... cargo run --example raw -- https://misskey.example
//! ```
//!
//! Typed models keep only what the spec declares (unknown fields are ignored, so a server
//! that adds one does not break the client). What a server sends beyond that is one call away.

use misskey_client::{
    decode_response, decode_response_value, models, visit_endpoint, Client, Endpoint,
    EndpointVisitor,
};
use serde_json::json;

/// Decodes an answer with the typed response of the endpoint named at run time.
struct Show<'a>(&'a [u8]);

impl EndpointVisitor for Show<'_> {
    type Output = misskey_client::Result<String>;
    fn visit<E: Endpoint>(self) -> Self::Output {
        decode_response::<E>(200, &[], self.0).map(|typed| format!("{typed:?}"))
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let server = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "https://misskey.io".to_owned());
    let client = Client::builder(&server)
        .token(std::env::var("MISSKEY_TOKEN").unwrap_or_default())
        .build()?;

    // 1. A whole answer as JSON, by endpoint name: every field the server sent.
    let me = client.call_raw("i", json!({})).await?;
    // `mutingNotificationTypes` is sent for the own user but declared nowhere in the spec.
    println!("mutingNotificationTypes: {}", me["mutingNotificationTypes"]);

    // 2. Typed and raw from the same answer: decode the JSON you already have.
    let typed: models::MeDetailed = serde_json::from_value(me.clone())?;
    println!("{} follows {} users", typed.username, typed.following_count);

    // 3. An answer for an endpoint known only by name (a log, a capture), with its static
    //    types; `decode_response_value` is the same for plain JSON. Errors decode the same
    //    way the client maps them.
    let body = serde_json::to_vec(&json!({"pong": 1700000000000u64}))?;
    match visit_endpoint("ping", Show(&body)) {
        Some(decoded) => println!("ping: {}", decoded?),
        None => println!("this build has no endpoint `ping`"),
    }
    let err = decode_response_value(
        "notes/show",
        400,
        &[],
        br#"{"error":{"message":"No such note.","code":"NO_SUCH_NOTE","id":"x"}}"#,
    )
    .unwrap_err();
    println!("an error by name: {:?}", err.code());
    Ok(())
}
