//! A bot that answers mentions: it listens on the `main` channel and replies to each mention
//! with `notes/create`.
//!
//! ```sh
//! MISSKEY_URL=https://misskey.example MISSKEY_TOKEN=... cargo run --example mention_bot
//! ```
//! The token needs `read:account` and `write:notes`.

use futures_util::StreamExt;
use misskey_client::models::UserLite;
use misskey_client::streaming::{ChannelMessage, MainEvent};
use misskey_client::Client;

#[tokio::main]
async fn main() -> misskey_client::Result<()> {
    let url = std::env::var("MISSKEY_URL")
        .expect("set MISSKEY_URL to the server's full URL: https://misskey.example");
    let token = std::env::var("MISSKEY_TOKEN").expect("set MISSKEY_TOKEN to an API token");
    let client = Client::builder(&url).token(token).build()?;

    let stream = client.streaming().connect().await?;
    let mut main = stream.main().await?;
    println!("listening for mentions on {url}");

    while let Some(message) = main.next().await {
        match message {
            ChannelMessage::Event(MainEvent::Mention(note)) => {
                // Never answer bots: two bots answering each other would loop forever.
                if note.user.is_bot == Some(true) {
                    continue;
                }
                let text = format!(
                    "{} hello! You said: {}",
                    acct(&note.user),
                    note.text.as_deref().unwrap_or("(nothing)")
                );
                match client
                    .notes_create()
                    .text(text)
                    .reply_id(note.id.clone())
                    .await
                {
                    // The response's shape follows the spec; the reply's existence is all we need.
                    Ok(_) => println!("replied to {}", note.id),
                    Err(err) => eprintln!("could not reply to {}: {err}", note.id),
                }
            }
            ChannelMessage::Event(_) => {}
            // Mentions sent while the socket was down are not replayed; a real bot would
            // fetch them with `notes/mentions` here.
            ChannelMessage::Reconnected => eprintln!("reconnected; mentions may have been missed"),
            ChannelMessage::Missed(n) => eprintln!("{n} events dropped: this bot fell behind"),
        }
    }
    Ok(())
}

/// `@user` or `@user@host`.
fn acct(user: &UserLite) -> String {
    match &user.host {
        Some(host) => format!("@{}@{host}", user.username),
        None => format!("@{}", user.username),
    }
}
