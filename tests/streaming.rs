//! The streaming protocol against a WebSocket server started inside each test.

mod streaming_support;

use std::time::Duration;

use futures_util::StreamExt;
use misskey_client::streaming::events::{NoteEvent, Reacted};
use misskey_client::streaming::{
    channels, Broadcast, ChannelMessage, MainEvent, StreamError, StreamingBuilder, TimelineEvent,
    TimelineParams,
};
use misskey_client::{AuthMode, Client};
use serde_json::{json, Value};
use streaming_support::{event, note, user, within, MockServer, Seen};

/// A client of the mock server, with short timeouts and backoff.
fn builder(server: &MockServer) -> StreamingBuilder {
    Client::builder(server.base())
        .token("TOKEN123")
        .build()
        .unwrap()
        .streaming()
        .connect_timeout(Duration::from_secs(2))
        .backoff(Duration::from_millis(20), Duration::from_millis(100))
}

async fn next<S: futures_util::Stream + Unpin>(stream: &mut S) -> S::Item {
    within("the next stream item", stream.next())
        .await
        .expect("stream ended")
}

fn connect_of(msg: &Value) -> (&str, &str, &Value) {
    assert_eq!(msg["type"], "connect", "expected connect, got {msg}");
    let body = &msg["body"];
    assert_eq!(body["pong"], true);
    (
        body["channel"].as_str().unwrap(),
        body["id"].as_str().unwrap(),
        &body["params"],
    )
}

#[tokio::test]
async fn connect_sends_token_as_query_and_waits_for_connected() {
    let mut server = MockServer::start().await;
    let stream = within("connect", builder(&server).connect()).await.unwrap();
    let (_, uri, authorization) = server.next_handshake().await;
    assert_eq!(uri, "/streaming?i=TOKEN123");
    assert_eq!(authorization, None);

    let main = within("main", stream.main()).await.unwrap();
    let msg = server.next_message().await;
    let (channel, id, params) = connect_of(&msg);
    assert_eq!(channel, "main");
    assert_eq!(id, main.id());
    assert_eq!(params, &json!({}));

    let home = within(
        "home",
        stream.home_timeline(TimelineParams::new().with_renotes(false).with_files(true)),
    )
    .await
    .unwrap();
    let msg = server.next_message().await;
    let (channel, id, params) = connect_of(&msg);
    assert_eq!(channel, "homeTimeline");
    assert_eq!(id, home.id());
    assert_ne!(home.id(), main.id());
    assert_eq!(params, &json!({"withRenotes": false, "withFiles": true}));
}

#[tokio::test]
async fn bearer_mode_sends_the_header_and_no_query() {
    let mut server = MockServer::start().await;
    let client = Client::builder(server.base())
        .token("TOKEN123")
        .auth_mode(AuthMode::Bearer)
        .build()
        .unwrap();
    let _stream = within("connect", client.streaming().connect())
        .await
        .unwrap();
    let (_, uri, authorization) = server.next_handshake().await;
    assert_eq!(uri, "/streaming");
    assert_eq!(authorization.as_deref(), Some("Bearer TOKEN123"));
}

#[tokio::test]
async fn rejected_handshake_is_a_clear_error() {
    let server = MockServer::start().await;
    server.reject_with(401);
    let err = within("the refused connect", builder(&server).connect())
        .await
        .unwrap_err();
    assert!(
        matches!(err, StreamError::Rejected { status: 401 }),
        "{err:?}"
    );
    assert!(err.is_auth_error());
    let text = err.to_string();
    assert!(text.contains("401"), "{text}");
    assert!(!text.contains("TOKEN123") && !format!("{err:?}").contains("TOKEN123"));
    // It converts into the crate's error for `?`.
    let crate_err: misskey_client::Error = err.into();
    assert!(crate_err.to_string().contains("401"));
}

#[tokio::test]
async fn unconfirmed_channel_times_out_and_is_disconnected() {
    let mut server = MockServer::start().await;
    server.auto_connected(false);
    let stream = within(
        "connect",
        builder(&server)
            .connect_timeout(Duration::from_millis(200))
            .connect(),
    )
    .await
    .unwrap();
    let err = within(
        "the channel",
        stream.connect_raw("noSuchChannel", json!({})),
    )
    .await
    .unwrap_err();
    assert!(matches!(err, StreamError::Timeout(_)), "{err:?}");
    let msg = server.next_message().await;
    let (_, id, _) = connect_of(&msg);
    let id = id.to_owned();
    let msg = server.next_message().await;
    assert_eq!(msg, json!({"type": "disconnect", "body": {"id": id}}));
}

#[tokio::test]
async fn events_are_routed_to_their_channel_by_id() {
    let mut server = MockServer::start().await;
    let stream = within("connect", builder(&server).connect()).await.unwrap();
    let mut main = within("main", stream.main()).await.unwrap();
    let mut home = within("home", stream.home_timeline(TimelineParams::new()))
        .await
        .unwrap();
    let mut local = within("local", stream.local_timeline(TimelineParams::new()))
        .await
        .unwrap();
    server.drain(Duration::from_millis(50)).await;

    server.send(event(home.id(), "note", note("n1", "to home")));
    server.send(event(main.id(), "mention", note("n2", "to main")));
    server.send(event(home.id(), "note", note("n3", "to home again")));
    server.send(event(local.id(), "note", note("n4", "to local")));

    match next(&mut home).await {
        ChannelMessage::Event(TimelineEvent::Note(note)) => assert_eq!(note.id, "n1"),
        other => panic!("{other:?}"),
    }
    match next(&mut main).await {
        ChannelMessage::Event(MainEvent::Mention(note)) => {
            assert_eq!(note.id, "n2");
            assert_eq!(note.text.as_deref(), Some("to main"));
        }
        other => panic!("{other:?}"),
    }
    match next(&mut home).await {
        ChannelMessage::Event(TimelineEvent::Note(note)) => assert_eq!(note.id, "n3"),
        other => panic!("{other:?}"),
    }
    // Local saw nothing of the others' events: its first item is its own.
    match next(&mut local).await {
        ChannelMessage::Event(TimelineEvent::Note(note)) => assert_eq!(note.id, "n4"),
        other => panic!("{other:?}"),
    }
    // What a channel connected with `minimize: true` sends.
    server.send(event(local.id(), "note", json!({"id": "n5"})));
    match next(&mut local).await {
        ChannelMessage::Event(TimelineEvent::MinimalNote(note)) => assert_eq!(note.id, "n5"),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn unknown_things_are_tolerated() {
    let mut server = MockServer::start().await;
    let stream = within("connect", builder(&server).connect()).await.unwrap();
    let mut main = within("main", stream.main()).await.unwrap();
    let mut raw = within(
        "raw",
        stream.connect_raw("someFutureChannel", json!({"x": 1})),
    )
    .await
    .unwrap();
    let mut broadcasts = stream.broadcasts().unwrap();
    let seen = server.drain(Duration::from_millis(50)).await;
    assert!(seen
        .iter()
        .any(|m| m["body"]["channel"] == "someFutureChannel" && m["body"]["params"]["x"] == 1));

    server.send_text("this is not JSON");
    server.send(json!({"no": "type"}));
    server.send(event("nobody-has-this-id", "note", note("x", "lost")));
    server.send(event(main.id(), "brandNewEvent", json!({"a": 1})));
    server.send(event(main.id(), "mention", json!({"bogus": true})));
    server.send(event(raw.id(), "whatever", json!([1, 2])));
    server.send(json!({"type": "somethingGlobal", "body": {"k": "v"}}));
    server.send(event(main.id(), "readAllNotifications", Value::Null));

    match next(&mut main).await {
        ChannelMessage::Event(MainEvent::Unknown(raw)) => {
            assert_eq!(raw.event_type, "brandNewEvent");
            assert_eq!(raw.body, json!({"a": 1}));
            assert!(raw.error.is_none());
        }
        other => panic!("{other:?}"),
    }
    match next(&mut main).await {
        ChannelMessage::Event(MainEvent::Unknown(raw)) => {
            assert_eq!(raw.event_type, "mention");
            assert_eq!(raw.body, json!({"bogus": true}));
            assert!(
                raw.error.is_some(),
                "a known event that did not decode says why"
            );
        }
        other => panic!("{other:?}"),
    }
    match next(&mut raw).await {
        ChannelMessage::Event(ev) => {
            assert_eq!(ev.event_type, "whatever");
            assert_eq!(ev.body, json!([1, 2]));
        }
        other => panic!("{other:?}"),
    }
    match next(&mut broadcasts).await {
        ChannelMessage::Event(Broadcast::Unknown(raw)) => {
            assert_eq!(raw.event_type, "somethingGlobal");
        }
        other => panic!("{other:?}"),
    }
    // The stream survived all of the above.
    assert!(matches!(
        next(&mut main).await,
        ChannelMessage::Event(MainEvent::ReadAllNotifications)
    ));
}

#[tokio::test]
async fn channels_send_ch_and_disconnect_on_drop_and_close() {
    let mut server = MockServer::start().await;
    let stream = within("connect", builder(&server).connect()).await.unwrap();
    let queue = within("queue", stream.queue_stats()).await.unwrap();
    let drive = within("drive", stream.drive()).await.unwrap();
    server.drain(Duration::from_millis(50)).await;

    within(
        "send",
        queue.send("requestLog", json!({"id": "q1", "length": 3})),
    )
    .await
    .unwrap();
    assert_eq!(
        server.next_message().await,
        json!({"type": "ch", "body": {"id": queue.id(), "type": "requestLog", "body": {"id": "q1", "length": 3}}})
    );

    let drive_id = drive.id().to_owned();
    drop(drive);
    assert_eq!(
        server.next_message().await,
        json!({"type": "disconnect", "body": {"id": drive_id}})
    );

    let queue_id = queue.id().to_owned();
    within("close", queue.close()).await;
    assert_eq!(
        server.next_message().await,
        json!({"type": "disconnect", "body": {"id": queue_id}})
    );

    within(
        "send_raw",
        stream.send_raw("readNotification", json!({"id": "n"})),
    )
    .await
    .unwrap();
    assert_eq!(
        server.next_message().await,
        json!({"type": "readNotification", "body": {"id": "n"}})
    );
}

#[tokio::test]
async fn sub_note_is_reference_counted() {
    let mut server = MockServer::start().await;
    let stream = within("connect", builder(&server).connect()).await.unwrap();
    let mut a = stream.sub_note("n1").unwrap();
    let mut b = stream.sub_note("n1").unwrap();
    let c = stream.sub_note("n2").unwrap();
    assert_eq!(
        server.next_message().await,
        json!({"type": "subNote", "body": {"id": "n1"}})
    );
    assert_eq!(
        server.next_message().await,
        json!({"type": "subNote", "body": {"id": "n2"}}),
        "the second subscription to n1 must not send subNote again"
    );

    server.send(
        json!({"type": "noteUpdated", "body": {"id": "n1", "type": "reacted",
        "body": {"reaction": "👍", "emoji": null, "userId": "u9"}}}),
    );
    for sub in [&mut a, &mut b] {
        match next(sub).await {
            ChannelMessage::Event(update) => {
                assert_eq!(update.note_id, "n1");
                match update.event {
                    NoteEvent::Reacted(Reacted {
                        reaction, user_id, ..
                    }) => {
                        assert_eq!(reaction, "👍");
                        assert_eq!(user_id, "u9");
                    }
                    other => panic!("{other:?}"),
                }
            }
            other => panic!("{other:?}"),
        }
    }

    drop(a);
    drop(c);
    // Had dropping `a` unsubscribed n1, that would come first.
    assert_eq!(
        server.next_message().await,
        json!({"type": "unsubNote", "body": {"id": "n2"}})
    );
    drop(b);
    assert_eq!(
        server.next_message().await,
        json!({"type": "unsubNote", "body": {"id": "n1"}})
    );
}

#[tokio::test]
async fn note_updates_are_typed() {
    let mut server = MockServer::start().await;
    let stream = within("connect", builder(&server).connect()).await.unwrap();
    let mut sub = stream.sub_note("n1").unwrap();
    server.next_message().await;
    for (kind, body) in [
        ("unreacted", json!({"reaction": "👍", "userId": "u1"})),
        ("pollVoted", json!({"choice": 2, "userId": "u2"})),
        ("updated", json!({"cw": null, "text": "edited"})),
        ("deleted", json!({"deletedAt": "2025-01-01T00:00:00.000Z"})),
        ("someday", json!({})),
    ] {
        server
            .send(json!({"type": "noteUpdated", "body": {"id": "n1", "type": kind, "body": body}}));
    }
    // Another note's update does not reach this subscription.
    server.send(json!({"type": "noteUpdated", "body": {"id": "n2", "type": "deleted", "body": {"deletedAt": "x"}}}));
    let mut events = Vec::new();
    for _ in 0..5 {
        events.push(next(&mut sub).await.into_event().unwrap().event);
    }
    assert!(matches!(&events[0], NoteEvent::Unreacted(u) if u.user_id == "u1"));
    assert!(matches!(&events[1], NoteEvent::PollVoted(p) if p.choice == 2));
    assert!(matches!(&events[2], NoteEvent::Updated(e) if e.text.as_deref() == Some("edited")));
    assert!(matches!(&events[3], NoteEvent::Deleted(_)));
    assert!(matches!(&events[4], NoteEvent::Unknown(r) if r.event_type == "someday"));
    assert!(
        tokio::time::timeout(Duration::from_millis(100), sub.next())
            .await
            .is_err(),
        "n2's update must not arrive"
    );
}

#[tokio::test]
async fn reconnects_and_resumes_channels_and_note_subscriptions() {
    let mut server = MockServer::start().await;
    let stream = within("connect", builder(&server).connect()).await.unwrap();
    let mut main = within("main", stream.main()).await.unwrap();
    let mut local = within(
        "local",
        stream.local_timeline(TimelineParams::new().with_replies(true)),
    )
    .await
    .unwrap();
    let mut sub = stream.sub_note("n1").unwrap();
    let mut broadcasts = stream.broadcasts().unwrap();
    let (first, _, _) = server.next_handshake().await;
    let before = server.drain(Duration::from_millis(50)).await;
    assert_eq!(before.len(), 3);

    server.drop_connection();
    let (second, uri, _) = server.next_handshake().await;
    assert_ne!(first, second);
    assert_eq!(uri, "/streaming?i=TOKEN123");
    let mut resumed = Vec::new();
    for _ in 0..3 {
        resumed.push(server.next_message().await);
    }
    for msg in &before {
        assert!(resumed.contains(msg), "{msg} was not re-sent: {resumed:?}");
    }
    assert!(resumed.contains(
        &json!({"type": "connect", "body": {"channel": "localTimeline",
        "id": local.id(), "params": {"withReplies": true}, "pong": true}})
    ));
    assert!(resumed.contains(&json!({"type": "subNote", "body": {"id": "n1"}})));

    // Every stream is told it may have missed events, then goes on.
    assert!(matches!(next(&mut main).await, ChannelMessage::Reconnected));
    assert!(matches!(
        next(&mut local).await,
        ChannelMessage::Reconnected
    ));
    assert!(matches!(next(&mut sub).await, ChannelMessage::Reconnected));
    assert!(matches!(
        next(&mut broadcasts).await,
        ChannelMessage::Reconnected
    ));
    server.send(event(main.id(), "followed", user("u2", "bob")));
    match next(&mut main).await {
        ChannelMessage::Event(MainEvent::Followed(user)) => assert_eq!(user.username, "bob"),
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn reconnection_retries_with_backoff_then_stops_on_a_refused_token() {
    let mut server = MockServer::start().await;
    let stream = within("connect", builder(&server).connect()).await.unwrap();
    let mut main = within("main", stream.main()).await.unwrap();
    server.next_handshake().await;

    server.reject_with(401);
    server.drop_connection();
    // Refused: a revoked token cannot come back, so the stream ends instead of retrying.
    server.next_handshake().await;
    assert!(within("the stream to end", main.next()).await.is_none());
    within("the connection to close", async {
        while !stream.is_closed() {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    })
    .await;
}

#[tokio::test]
async fn reconnection_retries_after_failures() {
    let mut server = MockServer::start().await;
    let stream = within("connect", builder(&server).connect()).await.unwrap();
    let mut main = within("main", stream.main()).await.unwrap();
    server.next_handshake().await;

    server.reject_with(503);
    server.drop_connection();
    server.next_handshake().await; // refused, retried
    server.next_handshake().await; // refused again
    server.reject_with(0);
    within("resumed", async {
        loop {
            if let Seen::Message { msg, .. } = server.next().await {
                if msg["type"] == "connect" {
                    break;
                }
            }
        }
    })
    .await;
    assert!(matches!(next(&mut main).await, ChannelMessage::Reconnected));
}

#[tokio::test]
async fn idle_sockets_are_pinged() {
    let mut server = MockServer::start().await;
    let _stream = within(
        "connect",
        builder(&server)
            .ping_interval(Duration::from_millis(50))
            .connect(),
    )
    .await
    .unwrap();
    server.next_handshake().await;
    let mut pings = 0;
    while pings < 2 {
        if let Seen::Ping { .. } = server.next().await {
            pings += 1;
        }
    }
}

#[tokio::test]
async fn a_silent_socket_is_replaced() {
    let mut server = MockServer::start().await;
    let stream = within(
        "connect",
        builder(&server)
            .ping_interval(Duration::from_millis(50))
            .idle_timeout(Duration::from_millis(200))
            .connect(),
    )
    .await
    .unwrap();
    let mut main = within("main", stream.main()).await.unwrap();
    let (first, _, _) = server.next_handshake().await;
    // The server stops reading (so it answers no ping) but keeps the TCP connection open,
    // as a half-open socket behind a NAT would.
    server.freeze();
    let (second, _, _) = server.next_handshake().await;
    assert_ne!(first, second);
    assert!(matches!(next(&mut main).await, ChannelMessage::Reconnected));
}

#[tokio::test]
async fn close_ends_every_stream() {
    let server = MockServer::start().await;
    let stream = within("connect", builder(&server).connect()).await.unwrap();
    let mut main = within("main", stream.main()).await.unwrap();
    let mut sub = stream.sub_note("n1").unwrap();
    stream.close();
    assert!(within("main to end", main.next()).await.is_none());
    assert!(within("sub to end", sub.next()).await.is_none());
    assert!(matches!(
        stream.channel::<channels::Drive>(()).await,
        Err(StreamError::Closed)
    ));
}

#[tokio::test]
async fn typed_channels_use_their_names_and_params() {
    let mut server = MockServer::start().await;
    let stream = within("connect", builder(&server).connect()).await.unwrap();
    let _a = within("list", stream.user_list("L1")).await.unwrap();
    let _b = within("tag", stream.hashtag(["misskey", "news"]))
        .await
        .unwrap();
    let _c = within("role", stream.role_timeline("R1")).await.unwrap();
    let _d = within("antenna", stream.antenna("A1")).await.unwrap();
    let _e = within("channel", stream.channel_timeline("C1"))
        .await
        .unwrap();
    let _f = within("global", stream.global_timeline(TimelineParams::new()))
        .await
        .unwrap();
    let _g = within("hybrid", stream.hybrid_timeline(TimelineParams::new()))
        .await
        .unwrap();
    let _h = within("admin", stream.admin()).await.unwrap();
    let _i = within("stats", stream.server_stats()).await.unwrap();
    let got: Vec<(String, Value)> = server
        .drain(Duration::from_millis(100))
        .await
        .iter()
        .map(|m| {
            (
                m["body"]["channel"].as_str().unwrap().to_owned(),
                m["body"]["params"].clone(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("userList".into(), json!({"listId": "L1"})),
            ("hashtag".into(), json!({"q": [["misskey"], ["news"]]})),
            ("roleTimeline".into(), json!({"roleId": "R1"})),
            ("antenna".into(), json!({"antennaId": "A1"})),
            ("channel".into(), json!({"channelId": "C1"})),
            ("globalTimeline".into(), json!({})),
            ("hybridTimeline".into(), json!({})),
            ("admin".into(), json!({})),
            ("serverStats".into(), json!({})),
        ]
    );
}

#[tokio::test]
async fn shared_channels_are_connected_once() {
    // The server ignores a second `connect` for `main` on one socket; the crate shares the
    // first connection instead.
    let mut server = MockServer::start().await;
    let stream = within("connect", builder(&server).connect()).await.unwrap();
    let mut first = within("main", stream.main()).await.unwrap();
    server.auto_connected(false); // a second connect would now time out
    let mut second = within("main again", stream.main()).await.unwrap();
    let mut queue_a = within("queue", {
        server.auto_connected(true);
        stream.queue_stats()
    })
    .await
    .unwrap();
    let queue_b = within("queue again", stream.queue_stats()).await.unwrap();
    let connects = server.drain(Duration::from_millis(50)).await;
    assert_eq!(connects.len(), 2, "{connects:?}");
    let wire = connect_of(&connects[0]).1.to_owned();

    server.send(event(&wire, "readAllNotifications", Value::Null));
    for main in [&mut first, &mut second] {
        assert!(matches!(
            next(main).await,
            ChannelMessage::Event(MainEvent::ReadAllNotifications)
        ));
    }

    // `ch` from the joined handle goes to the shared connection's id.
    within(
        "send",
        queue_b.send("requestLog", json!({"id": 1, "length": 1})),
    )
    .await
    .unwrap();
    let msg = server.next_message().await;
    assert_eq!(msg["type"], "ch");
    assert_eq!(msg["body"]["id"], queue_a.id());
    server.send(event(queue_a.id(), "statsLog", json!([])));
    assert!(matches!(next(&mut queue_a).await, ChannelMessage::Event(_)));

    // Only the last handle's departure disconnects.
    drop(first);
    drop(queue_b);
    drop(queue_a);
    let msg = server.next_message().await;
    assert_eq!(msg["type"], "disconnect");
    assert_ne!(msg["body"]["id"], wire.as_str(), "main still has a handle");
    drop(second);
    assert_eq!(
        server.next_message().await,
        json!({"type": "disconnect", "body": {"id": wire}})
    );
}

#[tokio::test]
async fn sending_while_reconnecting_fails_clearly() {
    let mut server = MockServer::start().await;
    let stream = within("connect", builder(&server).connect()).await.unwrap();
    let queue = within("queue", stream.queue_stats()).await.unwrap();
    assert!(stream.is_connected());
    server.next_handshake().await;

    server.reject_with(503); // keep it down
    server.drop_connection();
    within("the drop to be noticed", async {
        while stream.is_connected() {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    })
    .await;
    let err = within("send", queue.send("requestLog", json!({})))
        .await
        .unwrap_err();
    assert!(matches!(err, StreamError::NotConnected), "{err:?}");
    assert!(!stream.is_closed(), "a drop is not the end");

    server.reject_with(0);
    within("the socket to come back", async {
        while !stream.is_connected() {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    })
    .await;
}

#[tokio::test]
async fn reconnection_gives_up_after_the_configured_attempts() {
    let mut server = MockServer::start().await;
    let stream = within(
        "connect",
        builder(&server).max_reconnect_attempts(2).connect(),
    )
    .await
    .unwrap();
    let mut main = within("main", stream.main()).await.unwrap();
    server.next_handshake().await;
    server.reject_with(503);
    server.drop_connection();
    server.next_handshake().await;
    server.next_handshake().await;
    assert!(within("the stream to end", main.next()).await.is_none());
    assert!(stream.is_closed());
}
