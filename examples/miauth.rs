//! Gets a token with MiAuth and calls `i` with it.
//!
//! ```text
//! cargo run --example miauth -- https://misskey.example
//! ```
//!
//! Prints the page to open; once you allow the app there, your browser comes back to a
//! listener on 127.0.0.1 and the example fetches the token (it never prints it).

use std::time::Duration;

use misskey_client::auth::{MiAuth, Permission};
use misskey_client::Client;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let server = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "https://misskey.io".to_owned());

    let flow = MiAuth::builder(&server)
        .name("misskey-client example")
        .permissions([Permission::ReadAccount])
        .listen()
        .await?;
    println!("Open this page and allow the app:\n\n  {}\n", flow.url());
    println!(
        "Waiting (5 minutes at most) for the browser to come back to {} ...",
        flow.callback_url()
    );

    let auth = flow.wait(Duration::from_secs(300)).await?;
    println!(
        "Authorized as @{}",
        auth.user["username"].as_str().unwrap_or("?")
    );

    let client = Client::builder(&server).token(auth.token).build()?;
    // `i` is a generated method; it answers the typed own user.
    let me = client.i().await?;
    println!(
        "`i` says: @{} ({} notes, {} followers)",
        me.username, me.notes_count, me.followers_count
    );
    Ok(())
}
