//! The benchmarks' inputs, shared by `decode` and `roundtrip`.
//!
//! The timeline is built from the real `notes/*timeline` responses in
//! `../shared/corpus/misskeyio-2025.4.1` (renotes, quotes, replies, files, polls, reactions,
//! custom emoji), repeated with fresh ids up to 100 notes; without the corpus, from notes made
//! here with the same features.

use std::path::Path;

use misskey_client::endpoints::notes;
use serde_json::{json, Value};

/// Notes in the benchmarked timeline, as `notes/timeline` answers with `limit: 100`.
pub const NOTES: usize = 100;

pub fn corpus_notes() -> Vec<Value> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/misskeyio-2025.4.1");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("notes__") && n.contains("timeline"))
        })
        .collect();
    files.sort();
    let mut seen = std::collections::HashSet::new();
    let mut notes = Vec::new();
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let Ok(call) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        if let Some(Value::Array(items)) = call.get("response") {
            for note in items {
                let id = note["id"].as_str().unwrap_or_default().to_owned();
                if seen.insert(id) {
                    notes.push(note.clone());
                }
            }
        }
    }
    notes
}

fn user(n: usize) -> Value {
    json!({
        "id": format!("9user{n:04}"), "name": format!("User {n} :blobcat:"),
        "username": format!("user{n}"), "host": if n % 3 == 0 { Value::Null } else { json!("remote.example") },
        "avatarUrl": format!("https://misskey.example/avatar/{n}.webp"),
        "avatarBlurhash": "eQF$-,of~qof%May%MfQfQfQ", "avatarDecorations": [],
        "isBot": n % 7 == 0, "isCat": n % 2 == 0,
        "emojis": {}, "onlineStatus": "unknown",
        "badgeRoles": [{"name": "Supporter", "iconUrl": null, "displayOrder": 0}]
    })
}

fn file(n: usize) -> Value {
    json!({
        "id": format!("9file{n:04}"), "createdAt": "2025-04-20T10:00:00.000Z",
        "name": format!("photo{n}.jpg"), "type": "image/jpeg",
        "md5": "d41d8cd98f00b204e9800998ecf8427e", "size": 123456 + n,
        "isSensitive": false, "blurhash": "eQF$-,of~qof%May%MfQfQfQ",
        "properties": {"width": 1200, "height": 800},
        "url": format!("https://files.example/{n}.jpg"),
        "thumbnailUrl": format!("https://files.example/thumb-{n}.webp"),
        "comment": null, "folderId": null, "folder": null, "userId": null, "user": null
    })
}

/// A note with the features of a busy timeline, for when the corpus is not there.
fn made_note(n: usize, depth: usize) -> Value {
    let mut note = json!({
        "id": format!("9note{n:04}x{depth}"), "createdAt": "2025-04-20T10:00:00.000Z",
        "userId": format!("9user{:04}", n % 17), "user": user(n % 17),
        "text": format!("Note {n}: hello #misskey :blobcat: @user{} https://example.com/{n}", n % 5),
        "cw": if n % 9 == 0 { json!("spoiler") } else { Value::Null },
        "visibility": (["public", "home", "followers"][n % 3]), "localOnly": false,
        "reactionAcceptance": null, "renoteCount": n % 4, "repliesCount": n % 3,
        "reactionCount": (n % 5) * 3,
        "reactions": {"❤": n % 5, ":blobcat@.:": 2, ":awesome@remote.example:": 1},
        "reactionEmojis": {"awesome@remote.example": "https://remote.example/emoji/awesome.webp"},
        "emojis": {"blobcat": "https://misskey.example/emoji/blobcat.webp"},
        "tags": ["misskey"], "fileIds": [], "files": [], "replyId": null, "renoteId": null,
        "clippedCount": 0, "uri": format!("https://remote.example/notes/{n}"),
    });
    if n % 4 == 1 {
        note["fileIds"] = json!([format!("9file{n:04}"), format!("9file{:04}", n + 1)]);
        note["files"] = json!([file(n), file(n + 1)]);
    }
    if n % 6 == 2 {
        note["poll"] = json!({
            "multiple": false, "expiresAt": null,
            "choices": [{"text": "yes", "votes": n, "isVoted": false},
                        {"text": "no", "votes": 2, "isVoted": true}]
        });
    }
    if depth == 0 && n % 5 == 3 {
        let target = made_note(n + 1000, 1);
        note["renoteId"] = target["id"].clone();
        note["renote"] = target;
        if n % 2 == 0 {
            note["text"] = Value::Null; // a renote; otherwise a quote
        }
    }
    if depth == 0 && n % 7 == 4 {
        let target = made_note(n + 2000, 1);
        note["replyId"] = target["id"].clone();
        note["reply"] = target;
    }
    note
}

/// The timeline's JSON: 100 notes, the corpus's first, repeated with new ids.
pub fn timeline() -> (Vec<u8>, &'static str) {
    let base = corpus_notes();
    let (base, source) = if base.len() >= 20 {
        (base, "the corpus")
    } else {
        (
            (0..NOTES).map(|n| made_note(n, 0)).collect(),
            "made-up notes",
        )
    };
    let notes: Vec<Value> = (0..NOTES)
        .map(|i| {
            let mut note = base[i % base.len()].clone();
            if i >= base.len() {
                let id = format!("{}r{}", note["id"].as_str().unwrap_or("x"), i / base.len());
                note["id"] = Value::String(id);
            }
            note
        })
        .collect();
    (serde_json::to_vec(&notes).expect("JSON"), source)
}

pub fn create_request() -> notes::create::Request {
    let mut request = notes::create::Request::new();
    request.text = Some(Some(
        "Hello from Rust! #misskey :blobcat: @friend@remote.example https://example.com".into(),
    ));
    request.cw = Some(Some("a content warning".into()));
    request.visibility = Some(misskey_client::models::NoteVisibility::Home);
    request.local_only = Some(false);
    request.reply_id = Some(Some("9xyz0000000000000000000a".into()));
    request.file_ids = Some(vec!["9file0000000001".into(), "9file0000000002".into()]);
    request.poll = Some(Some(notes::create::RequestPoll {
        choices: vec!["yes".into(), "no".into(), "maybe".into()],
        multiple: Some(false),
        expires_at: None,
        expired_after: Some(Some(86_400_000)),
    }));
    request
}
