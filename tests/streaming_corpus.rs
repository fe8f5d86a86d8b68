//! The real streaming session captured from a Misskey server (`../shared/corpus`): every
//! message must decode into the streaming types, and replaying it through a local server
//! must deliver every event to the right handle.

mod streaming_support;

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

use futures_util::StreamExt;
use misskey_client::streaming::{
    AnyEvent, Broadcast, ChannelMessage, MainEvent, NoteEvent, RawEvent, ServerMessage,
    StreamingBuilder,
};
use serde_json::Value;
use streaming_support::{within, MockServer};

const LOG: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/corpus/streaming-misskeyio-2025.4.1.jsonl"
);

struct Record {
    incoming: bool,
    conn: String,
    msg: Value,
}

fn load() -> Option<Vec<Record>> {
    let Ok(text) = std::fs::read_to_string(LOG) else {
        println!("skipping: no streaming log at {LOG}");
        return None;
    };
    Some(
        text.lines()
            .filter(|line| !line.trim().is_empty())
            .map(|line| {
                let mut v: Value = serde_json::from_str(line).expect("a JSON line");
                Record {
                    incoming: v["dir"] == "in",
                    conn: v["conn"].as_str().unwrap().to_owned(),
                    msg: v["msg"].take(),
                }
            })
            .collect(),
    )
}

/// Why a decoded event is not acceptable, if it is not: a fallback with a decode error (the
/// crate knows the type but could not read it), or a notification the models know by type
/// that still fell back.
fn problem(raw: Option<&RawEvent>, event: Option<&AnyEvent>) -> Option<String> {
    if let Some(RawEvent {
        error: Some(error), ..
    }) = raw
    {
        return Some(format!("known event fell back to JSON: {error}"));
    }
    if let Some(AnyEvent::Main(MainEvent::Notification(n) | MainEvent::UnreadNotification(n))) =
        event
    {
        // Through `Debug`, so that this compiles against any spec, where `Notification` may
        // be a tagged enum (with `Unknown`) or, in older ones, one merged struct.
        let shown = format!("{:?}", n.as_ref());
        if shown.starts_with("Unknown(") {
            return Some(format!("notification fell back to JSON: {shown:.120}"));
        }
    }
    None
}

#[test]
fn every_message_of_the_log_decodes() {
    let Some(records) = load() else { return };
    let mut channel_of: HashMap<(String, String), String> = HashMap::new();
    let mut typed: BTreeMap<String, usize> = BTreeMap::new();
    let mut fallbacks: BTreeMap<String, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut incoming = 0;
    for (line, record) in records.iter().enumerate() {
        let line = line + 1;
        if !record.incoming {
            if record.msg["type"] == "connect" {
                let body = &record.msg["body"];
                channel_of.insert(
                    (record.conn.clone(), body["id"].as_str().unwrap().to_owned()),
                    body["channel"].as_str().unwrap().to_owned(),
                );
            }
            continue;
        }
        incoming += 1;
        let message = match ServerMessage::from_value(record.msg.clone()) {
            Ok(message) => message,
            Err(err) => {
                failures.push(format!("line {line}: {err}"));
                continue;
            }
        };
        let (key, raw, problem) = match &message {
            ServerMessage::Connected { .. } => ("connected".to_owned(), None, None),
            ServerMessage::Channel {
                id,
                event_type,
                body,
            } => {
                let Some(channel) = channel_of.get(&(record.conn.clone(), id.clone())) else {
                    failures.push(format!(
                        "line {line}: event for an id never connected: {id}"
                    ));
                    continue;
                };
                let event = AnyEvent::decode(channel, event_type, body.clone());
                let raw = event.as_raw().cloned();
                let problem = problem(raw.as_ref(), Some(&event));
                (format!("{channel}/{event_type}"), raw, problem)
            }
            ServerMessage::NoteUpdated(update) => {
                let raw = match &update.event {
                    NoteEvent::Unknown(raw) => Some(raw.clone()),
                    _ => None,
                };
                let problem = problem(raw.as_ref(), None);
                let kind = record.msg["body"]["type"].as_str().unwrap_or("?");
                (format!("noteUpdated/{kind}"), raw, problem)
            }
            ServerMessage::Broadcast(broadcast) => {
                let raw = match broadcast {
                    Broadcast::Unknown(raw) => Some(raw.clone()),
                    _ => None,
                };
                let problem = problem(raw.as_ref(), None);
                (
                    format!("broadcast/{}", record.msg["type"].as_str().unwrap_or("?")),
                    raw,
                    problem,
                )
            }
            other => panic!("unexpected {other:?}"),
        };
        if let Some(problem) = problem {
            failures.push(format!("line {line} ({key}): {problem}"));
        }
        if raw.is_some() {
            *fallbacks.entry(key).or_default() += 1;
        } else {
            *typed.entry(key).or_default() += 1;
        }
    }

    println!("{incoming} incoming messages");
    println!("typed:");
    for (key, n) in &typed {
        println!("  {n:5}  {key}");
    }
    println!("raw JSON fallbacks (types unknown to the crate):");
    for (key, n) in &fallbacks {
        println!("  {n:5}  {key}");
    }
    assert!(incoming > 600, "the log is shorter than expected");
    assert!(
        failures.is_empty(),
        "{} messages did not decode as they should:\n{}",
        failures.len(),
        failures.join("\n")
    );
    // Every event type in this log is one the crate models.
    assert!(fallbacks.is_empty(), "fallbacks: {fallbacks:?}");
}

/// Channels a server keeps one of per socket: seeing one connected again in the log means
/// the user opened a new socket.
const SHARED: &[&str] = &[
    "main",
    "drive",
    "admin",
    "queueStats",
    "serverStats",
    "reversi",
];

/// Replays one user's session (two sockets, 18 channels, note subscriptions, broadcasts)
/// through the local server and checks that every event reaches its handle, in order, typed.
#[tokio::test]
async fn replaying_alice_session_delivers_every_event() {
    let Some(records) = load() else { return };
    let mut sockets: Vec<Vec<&Record>> = vec![Vec::new()];
    let mut open: Vec<String> = Vec::new();
    for r in records.iter().filter(|r| r.conn == "alice") {
        if !r.incoming && r.msg["type"] == "connect" {
            let channel = r.msg["body"]["channel"].as_str().unwrap().to_owned();
            if SHARED.contains(&channel.as_str()) && open.contains(&channel) {
                sockets.push(Vec::new());
                open.clear();
            }
            open.push(channel);
        }
        sockets.last_mut().unwrap().push(r);
    }
    assert_eq!(sockets.len(), 2, "the log has Alice open two sockets");
    let mut delivered = 0;
    for socket in &sockets {
        delivered += replay(socket).await;
    }
    println!("replayed {delivered} events over {} sockets", sockets.len());
    assert!(delivered > 500, "only {delivered} events replayed");
}

/// Replays one socket's messages; returns how many events were delivered.
async fn replay(alice: &[&Record]) -> usize {
    let server = MockServer::start().await;
    let stream = within(
        "connect",
        StreamingBuilder::new(server.base()).token("T").connect(),
    )
    .await
    .unwrap();

    // Connect what Alice connected; map her ids to ours.
    let mut ours: HashMap<String, String> = HashMap::new();
    let mut channels = Vec::new();
    let mut notes = Vec::new();
    for r in alice.iter().filter(|r| !r.incoming) {
        let body = &r.msg["body"];
        match r.msg["type"].as_str().unwrap() {
            "connect" => {
                let channel = within(
                    "channel",
                    stream.connect_raw(body["channel"].as_str().unwrap(), body["params"].clone()),
                )
                .await
                .unwrap();
                let theirs = body["id"].as_str().unwrap().to_owned();
                ours.insert(theirs.clone(), channel.id().to_owned());
                channels.push((
                    theirs,
                    body["channel"].as_str().unwrap().to_owned(),
                    channel,
                ));
            }
            "subNote" | "s" => {
                let id = body["id"].as_str().unwrap();
                notes.push(stream.sub_note(id).unwrap());
            }
            _ => {}
        }
    }
    let mut broadcasts = stream.broadcasts().unwrap();

    // What each handle should get, in order.
    let mut expected: HashMap<String, Vec<String>> = HashMap::new();
    let mut expected_notes: HashMap<String, Vec<String>> = HashMap::new();
    let mut expected_broadcasts = Vec::new();
    for r in alice.iter().filter(|r| r.incoming) {
        let mut msg = r.msg.clone();
        match msg["type"].as_str().unwrap() {
            "connected" => continue,
            "channel" => {
                let theirs = msg["body"]["id"].as_str().unwrap().to_owned();
                expected
                    .entry(theirs.clone())
                    .or_default()
                    .push(msg["body"]["type"].as_str().unwrap().to_owned());
                msg["body"]["id"] = Value::from(ours[&theirs].clone());
            }
            "noteUpdated" => {
                let note = msg["body"]["id"].as_str().unwrap().to_owned();
                if notes.iter().any(|n| n.note_id() == note) {
                    expected_notes
                        .entry(note)
                        .or_default()
                        .push(msg["body"]["type"].as_str().unwrap().to_owned());
                }
            }
            other => expected_broadcasts.push(other.to_owned()),
        }
        server.send(msg);
    }

    let mut delivered = 0;
    for (theirs, name, channel) in &mut channels {
        for want in expected.remove(theirs.as_str()).unwrap_or_default() {
            let item = within("a replayed channel event", channel.next())
                .await
                .unwrap();
            let ChannelMessage::Event(raw) = item else {
                panic!("unexpected {item:?}")
            };
            assert_eq!(raw.event_type, want, "on {name} ({theirs})");
            let event = AnyEvent::decode(name, &raw.event_type, raw.body);
            assert_eq!(problem(event.as_raw(), Some(&event)), None, "{name}/{want}");
            assert!(event.as_raw().is_none(), "{name}/{want} fell back to JSON");
            delivered += 1;
        }
        // Nothing more than the log's events arrives on this channel.
        assert!(
            tokio::time::timeout(Duration::from_millis(20), channel.next())
                .await
                .is_err(),
            "extra event on {name}"
        );
    }
    for sub in &mut notes {
        for want in expected_notes.remove(sub.note_id()).unwrap_or_default() {
            let update = within("a replayed note update", sub.next())
                .await
                .unwrap()
                .into_event()
                .unwrap();
            assert!(
                !matches!(update.event, NoteEvent::Unknown(_)),
                "{want}: {update:?}"
            );
            delivered += 1;
        }
    }
    for want in &expected_broadcasts {
        let broadcast = within("a replayed broadcast", broadcasts.next())
            .await
            .unwrap()
            .into_event()
            .unwrap();
        assert!(
            !matches!(broadcast, Broadcast::Unknown(_)),
            "{want}: {broadcast:?}"
        );
        delivered += 1;
    }
    delivered
}
