//! Prints the home timeline as it arrives.
//!
//! ```sh
//! MISSKEY_URL=https://misskey.example MISSKEY_TOKEN=... cargo run --example home_timeline
//! ```

use futures_util::StreamExt;
use misskey_client::streaming::{ChannelMessage, TimelineEvent, TimelineParams};
use misskey_client::Client;

#[tokio::main]
async fn main() -> misskey_client::Result<()> {
    let url = std::env::var("MISSKEY_URL")
        .expect("set MISSKEY_URL to the server's full URL: https://misskey.example");
    let token = std::env::var("MISSKEY_TOKEN").expect("set MISSKEY_TOKEN to an API token");
    let client = Client::builder(&url).token(token).build()?;

    let stream = client.streaming().connect().await?;
    let mut home = stream
        .home_timeline(TimelineParams::new().with_renotes(true))
        .await?;

    while let Some(message) = home.next().await {
        match message {
            ChannelMessage::Event(TimelineEvent::Note(note)) => {
                let who = note.user.name.as_deref().unwrap_or(&note.user.username);
                match (&note.text, &note.renote) {
                    (Some(text), _) => println!("{who}: {text}"),
                    (None, Some(renote)) => println!(
                        "{who} renoted {}: {}",
                        renote.user.username,
                        renote.text.as_deref().unwrap_or("")
                    ),
                    (None, None) => println!("{who} posted a note without text ({})", note.id),
                }
            }
            ChannelMessage::Event(other) => eprintln!("(other event: {other:?})"),
            ChannelMessage::Reconnected => {
                println!("-- reconnected: notes posted meanwhile are not shown --")
            }
            ChannelMessage::Missed(n) => println!("-- {n} notes dropped: printing fell behind --"),
        }
    }
    Ok(())
}
