//! A bot that does what most bots do, through 30 endpoints: it says who it is, posts (with a
//! content warning, a poll and an uploaded picture), reacts, favorites, reads timelines and
//! notifications, pages through notes, searches, follows, then listens for mentions on the
//! streaming API and answers each one.
//!
//! ```sh
//! MISSKEY_URL=https://misskey.example MISSKEY_TOKEN=... cargo run --example bot
//! # optionally: BOT_FOLLOW=username to follow (and unfollow) someone
//! ```
//! The token needs `read:account`, `write:notes`, `read:notifications`,
//! `write:notifications`, `read:drive`, `write:drive`, `write:reactions`,
//! `write:favorites`, `read:following` and `write:following`.
//!
//! CI compiles this file unchanged against every spec in `../shared/specs`: everything it
//! uses is set by name (`client.notes_create().cw(…).poll(…)`), so a parameter that
//! becomes required or optional in a newer spec does not break it.

use futures_util::{StreamExt, TryStreamExt};
use misskey_client::endpoints::{notes, users};
use misskey_client::streaming::{ChannelMessage, MainEvent};
use misskey_client::upload::UploadFile;
use misskey_client::{Client, CommonErrorCode, Result};

#[tokio::main]
async fn main() -> Result<()> {
    let url = std::env::var("MISSKEY_URL")
        .expect("set MISSKEY_URL to the server's full URL: https://misskey.example");
    let token = std::env::var("MISSKEY_TOKEN").expect("set MISSKEY_TOKEN to an API token");
    let client = Client::builder(&url).token(token).build()?;

    // Who am I, and where?
    let me = client.i().await?;
    let meta = client.meta().await?;
    println!("@{} on {url}, Misskey {}", me.username, meta.version);

    let note_id = post(&client).await?;
    react_and_favorite(&client, &note_id).await?;
    read(&client, &me.id).await?;
    search_and_follow(&client).await?;
    client.notes_delete().note_id(note_id).await?;

    answer_mentions(&client).await
}

/// Uploads a picture and posts it with a content warning and a poll; answers the note's id.
async fn post(client: &Client) -> Result<String> {
    let picture = UploadFile::from_bytes(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;".to_vec())
        .file_name("dot.gif")
        .content_type("image/gif");
    let file = client
        .drive_files_create()
        .file(picture)
        .name("dot.gif")
        .await?;

    let poll =
        notes::create::RequestPoll::new(vec!["yes".to_owned(), "no".to_owned()]).multiple(false);
    let created = client
        .notes_create()
        .cw("a question")
        .text("Do bots dream of electric sheep?")
        .visibility("home")
        .file_ids(vec![file.id.clone()])
        .poll(poll)
        .await?;
    let note = created.created_note;
    println!("posted {}", note.id);

    // Read it back, and what was said about it.
    let shown = client.notes_show().note_id(note.id.clone()).await?;
    println!("it says: {}", shown.text.as_deref().unwrap_or(""));
    let replies = client.notes_children().note_id(note.id.clone()).await?;
    let renotes = client.notes_renotes().note_id(note.id.clone()).await?;
    println!("{} replies, {} renotes", replies.len(), renotes.len());

    // The picture is in the note now; the drive copy can go.
    client.drive_files_delete().file_id(file.id).await?;
    Ok(note.id)
}

async fn react_and_favorite(client: &Client, note_id: &str) -> Result<()> {
    client
        .notes_reactions_create()
        .note_id(note_id)
        .reaction("👍")
        .await?;
    let reactions = client.notes_reactions().note_id(note_id).await?;
    println!("{} reactions", reactions.len());
    client.notes_reactions_delete().note_id(note_id).await?;

    match client.notes_favorites_create().note_id(note_id).await {
        Ok(()) => client.notes_favorites_delete().note_id(note_id).await?,
        // Every endpoint's codes include the API's common ones.
        Err(err)
            if notes::favorites::create::ErrorCode::of(&err)
                == Some(notes::favorites::create::ErrorCode::Common(
                    CommonErrorCode::PermissionDenied,
                )) =>
        {
            eprintln!("the token may not favorite: {err}");
        }
        Err(err) => return Err(err),
    }
    Ok(())
}

/// Timelines, mentions, replies, notifications, and a user's notes page by page.
async fn read(client: &Client, my_id: &str) -> Result<()> {
    let home = client.notes_timeline().limit(10).await?;
    let local = client.notes_local_timeline().limit(10).await?;
    let social = client.notes_hybrid_timeline().limit(10).await?;
    let global = client.notes_global_timeline().limit(10).await?;
    println!(
        "timelines: {} home, {} local, {} social, {} global",
        home.len(),
        local.len(),
        social.len(),
        global.len()
    );
    for note in &home {
        println!(
            "  @{}: {}",
            note.user.username,
            note.text.as_deref().unwrap_or("")
        );
    }

    let mentions = client.notes_mentions().limit(10).await?;
    println!("{} recent mentions", mentions.len());
    if let Some(first) = home.first() {
        let replies = client.notes_replies().note_id(first.id.clone()).await?;
        println!("{} replies to the newest home note", replies.len());
    }

    let notifications = client.i_notifications().limit(10).await?;
    println!("{} notifications", notifications.len());
    client.notifications_mark_all_as_read().await?;

    // Pagination: every note of mine, newest first, 20 a page, at most 100.
    let mine: Vec<_> = client
        .users_notes()
        .user_id(my_id)
        .paginate()
        .page_size(20)
        .limit(100)
        .into_stream()
        .try_collect()
        .await?;
    println!("I have posted {} notes (up to 100)", mine.len());

    let followers = client.users_followers().user_id(my_id).limit(10).await?;
    let following = client.users_following().user_id(my_id).limit(10).await?;
    println!(
        "{} followers, {} followed (first page)",
        followers.len(),
        following.len()
    );
    Ok(())
}

async fn search_and_follow(client: &Client) -> Result<()> {
    match client.notes_search().query("misskey").limit(5).await {
        Ok(found) => println!("{} notes mention misskey", found.len()),
        // Servers may turn search off; that is not the bot's problem.
        Err(err) => eprintln!("note search: {err}"),
    }
    let users = client.users_search().query("bot").limit(5).await?;
    println!("{} users look like bots", users.len());

    if let Ok(username) = std::env::var("BOT_FOLLOW") {
        // `users/show` answers one user for a `username`, a list for `userIds`.
        let users::show::Response::Object(user) =
            client.users_show().username(username.clone()).await?
        else {
            eprintln!("@{username}: not one user");
            return Ok(());
        };
        client.following_create().user_id(user.id.clone()).await?;
        println!("followed @{}", user.username);
        client.following_delete().user_id(user.id.clone()).await?;
        println!("and unfollowed again");
    }
    Ok(())
}

/// Answers every mention until the stream ends.
async fn answer_mentions(client: &Client) -> Result<()> {
    let stream = client.streaming().connect().await?;
    let mut main = stream.main().await?;
    println!("listening for mentions");
    while let Some(message) = main.next().await {
        match message {
            ChannelMessage::Event(MainEvent::Mention(note)) => {
                // Never answer bots: two bots answering each other would never stop.
                if note.user.is_bot == Some(true) {
                    continue;
                }
                client
                    .notes_create()
                    .reply_id(note.id.clone())
                    .text(format!("@{} hello!", note.user.username))
                    .await?;
            }
            ChannelMessage::Event(_) => {}
            ChannelMessage::Reconnected => eprintln!("reconnected; mentions may have been missed"),
            ChannelMessage::Missed(n) => eprintln!("{n} events dropped: this bot fell behind"),
        }
    }
    Ok(())
}
