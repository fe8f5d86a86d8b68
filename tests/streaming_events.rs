//! Decoding of streaming events from hand-written, real-shaped JSON (the corpus test covers
//! the captured session; this covers the shapes it lacks and the fallbacks).

mod streaming_support;

use misskey_client::streaming::events::{AdminEvent, ChatEvent, QueueStatsEvent, ServerStatsEvent};
use misskey_client::streaming::{
    AnyEvent, Broadcast, ChannelEvent, DriveEvent, MainEvent, NoteEvent, ServerMessage,
    TimelineEvent,
};
use serde_json::json;
use streaming_support::{note, user};

fn drive_file(id: &str) -> serde_json::Value {
    json!({"id": id, "createdAt": "2025-01-01T00:00:00.000Z", "name": "a.png",
        "type": "image/png", "md5": "0", "size": 1, "isSensitive": false, "blurhash": null,
        "properties": {}, "url": "http://x/a.png", "thumbnailUrl": null, "comment": null,
        "folderId": null, "folder": null, "userId": null, "user": null})
}

#[test]
fn main_events() {
    let mention = MainEvent::decode("mention", note("n1", "hi @me"));
    assert!(matches!(mention, MainEvent::Mention(n) if n.id == "n1"));
    let followed = MainEvent::decode("followed", user("u1", "bob"));
    assert!(matches!(followed, MainEvent::Followed(u) if u.username == "bob"));
    let created = MainEvent::decode("driveFileCreated", drive_file("f1"));
    assert!(matches!(created, MainEvent::DriveFileCreated(f) if f.id == "f1"));
    assert!(matches!(
        MainEvent::decode("readAllNotifications", json!(null)),
        MainEvent::ReadAllNotifications
    ));
    let registry = MainEvent::decode(
        "registryUpdated",
        json!({"scope": ["client"], "key": "k", "value": [1]}),
    );
    assert!(
        matches!(registry, MainEvent::RegistryUpdated(r) if r.key == "k" && r.value == json!([1]))
    );
    let upload = MainEvent::decode(
        "urlUploadFinished",
        json!({"marker": "m", "file": drive_file("f2")}),
    );
    assert!(matches!(upload, MainEvent::UrlUploadFinished(u) if u.marker.as_deref() == Some("m")));
    let notification = MainEvent::decode(
        "notification",
        json!({"id": "x", "createdAt": "2025-01-01T00:00:00.000Z", "type": "follow",
            "user": user("u1", "bob"), "userId": "u1"}),
    );
    match notification {
        MainEvent::Notification(n) => assert!(
            !matches!(*n, misskey_client::models::Notification::Unknown(_)),
            "{n:?}"
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn other_channels() {
    assert!(matches!(
        TimelineEvent::decode("note", note("n1", "t")),
        TimelineEvent::Note(n) if n.text.as_deref() == Some("t")
    ));
    assert!(matches!(
        DriveEvent::decode("fileDeleted", json!("f1")),
        DriveEvent::FileDeleted(id) if id == "f1"
    ));
    assert!(matches!(
        DriveEvent::decode("folderCreated", json!({"id": "d1", "createdAt": "2025-01-01T00:00:00.000Z", "name": "n", "parentId": null})),
        DriveEvent::FolderCreated(f) if f.id == "d1"
    ));
    let sample = json!({"cpu": 0.5, "mem": {"used": 1, "active": 2}, "net": {"rx": 3, "tx": 4},
        "fs": {"r": 5, "w": 6}});
    assert!(matches!(
        ServerStatsEvent::decode("stats", sample.clone()),
        ServerStatsEvent::Stats(s) if s.cpu == 0.5 && s.fs.w == 6.0
    ));
    assert!(matches!(
        ServerStatsEvent::decode("statsLog", json!([sample])),
        ServerStatsEvent::StatsLog(log) if log.len() == 1
    ));
    let counts = json!({"activeSincePrevTick": 1, "active": 2, "waiting": 3, "delayed": 4});
    assert!(matches!(
        QueueStatsEvent::decode("stats", json!({"deliver": counts, "inbox": counts})),
        QueueStatsEvent::Stats(s) if s.inbox.delayed == 4
    ));
    assert!(matches!(
        AdminEvent::decode("newAbuseUserReport", json!({"id": "r", "targetUserId": "t", "reporterId": "p", "comment": "c"})),
        AdminEvent::NewAbuseUserReport(r) if r.target_user_id == "t"
    ));
    assert!(matches!(
        ChatEvent::decode("react", json!({"reaction": "👍", "messageId": "m"})),
        ChatEvent::React(r) if r.message_id == "m" && r.user.is_none()
    ));
    assert!(matches!(
        AnyEvent::decode("someChannel", "x", json!(1)),
        AnyEvent::Unknown(raw) if raw.error.is_none()
    ));
}

#[test]
fn fallbacks_keep_the_json_and_say_why() {
    let bad = DriveEvent::decode("fileCreated", json!({"id": 1}));
    let raw = bad.as_raw().expect("a fallback");
    assert_eq!(raw.event_type, "fileCreated");
    assert_eq!(raw.body, json!({"id": 1}));
    assert!(raw.error.is_some());
    let unknown = TimelineEvent::decode("somethingNew", json!({}));
    assert!(unknown.as_raw().unwrap().error.is_none());
}

#[test]
fn server_messages() {
    let emoji = json!({"id": "e", "aliases": [], "name": "blob", "category": null, "host": null,
        "url": "http://x/e.png", "license": null, "isSensitive": false, "localOnly": false,
        "roleIdsThatCanBeUsedThisEmojiAsReaction": [],
        "roleIdsThatCanNotBeUsedThisEmojiAsReaction": []});
    let added = ServerMessage::from_json(
        &json!({"type": "emojiAdded", "body": {"emoji": emoji}}).to_string(),
    )
    .unwrap();
    assert!(
        matches!(added, ServerMessage::Broadcast(Broadcast::EmojiAdded(e)) if e.name == "blob")
    );
    let deleted =
        ServerMessage::from_value(json!({"type": "emojiDeleted", "body": {"emojis": [emoji]}}))
            .unwrap();
    assert!(
        matches!(deleted, ServerMessage::Broadcast(Broadcast::EmojiDeleted(e)) if e.len() == 1)
    );
    let update = ServerMessage::from_value(json!({"type": "noteUpdated",
        "body": {"id": "n1", "type": "pollVoted", "body": {"choice": 1, "userId": "u"}}}))
    .unwrap();
    assert!(matches!(update, ServerMessage::NoteUpdated(u)
        if u.note_id == "n1" && matches!(u.event, NoteEvent::PollVoted(ref p) if p.choice == 1)));
    let connected =
        ServerMessage::from_value(json!({"type": "connected", "body": {"id": "c"}})).unwrap();
    assert!(matches!(connected, ServerMessage::Connected { id } if id == "c"));
    assert!(ServerMessage::from_json("nope").is_err());
    assert!(ServerMessage::from_value(json!({"type": "channel", "body": {}})).is_err());
}
