//! Paging through a mock timeline that answers like Misskey's `makePaginationQuery`.

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use common::*;
use futures_util::{StreamExt, TryStreamExt};
use misskey_client::{Client, Error};
use serde_json::{json, Value};
use wiremock::matchers::path;
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

fn ids(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("a{i:02}")).collect()
}

#[derive(Clone, Copy)]
struct Behaviour {
    /// Answer `sinceId` pages newest-first (as some endpoints and forks do).
    since_desc: bool,
    /// Drop these items after fetching a page (mutes, blocks): short pages.
    hide_every: Option<usize>,
}

const UPSTREAM: Behaviour = Behaviour {
    since_desc: false,
    hide_every: None,
};

/// The page Misskey would answer for a body: `sinceId` alone → ascending; `untilId`, both,
/// or neither → descending; `limit` items, then filtered.
fn page(all: &[String], body: &Value, b: Behaviour) -> Vec<Value> {
    let limit = body["limit"].as_u64().unwrap_or(10) as usize;
    let since = body["sinceId"].as_str();
    let until = body["untilId"].as_str();
    let mut sel: Vec<&String> = all
        .iter()
        .filter(|id| since.is_none_or(|s| id.as_str() > s))
        .filter(|id| until.is_none_or(|u| id.as_str() < u))
        .collect();
    let ascending = since.is_some() && until.is_none();
    if !ascending {
        sel.reverse();
    }
    sel.truncate(limit);
    if ascending && b.since_desc {
        sel.reverse();
    }
    sel.into_iter()
        .filter(|id| {
            b.hide_every
                .is_none_or(|n| id[1..].parse::<usize>().unwrap() % n != n - 1)
        })
        .map(|id| json!({"id": id, "text": format!("note {id}")}))
        .collect()
}

async fn timeline(n: usize, b: Behaviour) -> MockServer {
    let server = MockServer::start().await;
    let all = ids(n);
    Mock::given(path("/api/notes/timeline"))
        .respond_with(move |req: &Request| {
            let body: Value = serde_json::from_slice(&req.body).unwrap();
            ResponseTemplate::new(200).set_body_json(page(&all, &body, b))
        })
        .mount(&server)
        .await;
    server
}

async fn bodies(server: &MockServer) -> Vec<Value> {
    server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(json_body)
        .collect()
}

fn got_ids(notes: &[Note]) -> Vec<String> {
    notes.iter().map(|n| n.id.clone()).collect()
}

#[tokio::test]
async fn backward_across_pages_until_the_end() {
    let server = timeline(25, UPSTREAM).await;
    let client = Client::builder(server.uri()).token(TOKEN).build().unwrap();
    let notes = client
        .paginate(Timeline::default())
        .page_size(10)
        .collect_all()
        .await
        .unwrap();
    let mut want = ids(25);
    want.reverse();
    assert_eq!(got_ids(&notes), want);
    let sent = bodies(&server).await;
    // Three pages (10, 10, 5) and the empty page that ends it.
    assert_eq!(sent.len(), 4);
    assert_eq!(sent[0], json!({"limit": 10, "i": TOKEN}));
    assert_eq!(sent[1]["untilId"], "a15");
    assert_eq!(sent[2]["untilId"], "a05");
    assert_eq!(sent[3]["untilId"], "a00");
    assert!(sent.iter().all(|b| b.get("sinceId").is_none()));
}

#[tokio::test]
async fn forward_yields_oldest_first() {
    for since_desc in [false, true] {
        let server = timeline(
            23,
            Behaviour {
                since_desc,
                hide_every: None,
            },
        )
        .await;
        let client = Client::new(server.uri()).unwrap();
        let notes = client
            .paginate(Timeline::default())
            .forward()
            .page_size(10)
            .collect_all()
            .await
            .unwrap();
        assert_eq!(got_ids(&notes), ids(23), "since_desc={since_desc}");
        let sent = bodies(&server).await;
        assert_eq!(sent.len(), 4);
        assert_eq!(sent[1]["sinceId"], "a09");
        assert_eq!(sent[2]["sinceId"], "a19");
        assert!(sent.iter().all(|b| b.get("untilId").is_none()));
    }
}

#[tokio::test]
async fn overall_limit_shrinks_the_last_page() {
    let server = timeline(40, UPSTREAM).await;
    let client = Client::new(server.uri()).unwrap();
    let notes: Vec<Note> = client
        .paginate(Timeline::default())
        .page_size(5)
        .limit(12)
        .into_stream()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(notes.len(), 12);
    assert_eq!(notes[0].id, "a39");
    assert_eq!(notes[11].id, "a28");
    let limits: Vec<_> = bodies(&server)
        .await
        .iter()
        .map(|b| b["limit"].as_u64().unwrap())
        .collect();
    assert_eq!(limits, [5, 5, 2], "no request past the limit");
}

#[tokio::test]
async fn short_pages_do_not_stop_it() {
    let server = timeline(
        30,
        Behaviour {
            since_desc: false,
            hide_every: Some(4),
        },
    )
    .await;
    let client = Client::new(server.uri()).unwrap();
    let notes = client
        .paginate(Timeline::default())
        .page_size(8)
        .collect_all()
        .await
        .unwrap();
    let mut want: Vec<String> = ids(30)
        .into_iter()
        .enumerate()
        .filter(|(i, _)| i % 4 != 3)
        .map(|(_, id)| id)
        .collect();
    want.reverse();
    assert_eq!(got_ids(&notes), want);
}

#[tokio::test]
async fn starts_from_the_requests_own_cursor_and_stops_at_the_bound() {
    let server = timeline(25, UPSTREAM).await;
    let client = Client::new(server.uri()).unwrap();
    let request = Timeline {
        until_id: Some("a10".into()),
        ..Timeline::default()
    };
    let notes = client
        .paginate(request)
        .page_size(4)
        .collect_all()
        .await
        .unwrap();
    assert_eq!(
        got_ids(&notes),
        ["a09", "a08", "a07", "a06", "a05", "a04", "a03", "a02", "a01", "a00"]
    );
    assert_eq!(bodies(&server).await[0]["untilId"], "a10");

    // Forward from a05 up to (not including) a12: the bound is enforced here, and the
    // request stops as soon as it is reached.
    let server = timeline(25, UPSTREAM).await;
    let client = Client::new(server.uri()).unwrap();
    let notes = client
        .paginate(Timeline::default())
        .forward()
        .since_id("a05")
        .until_id("a12")
        .page_size(4)
        .collect_all()
        .await
        .unwrap();
    assert_eq!(got_ids(&notes), ["a06", "a07", "a08", "a09", "a10", "a11"]);
    let sent = bodies(&server).await;
    assert_eq!(sent.len(), 2);
    assert!(sent.iter().all(|b| b.get("untilId").is_none()));
}

#[tokio::test]
async fn a_server_that_ignores_the_cursor_cannot_loop_it() {
    let server = MockServer::start().await;
    Mock::given(path("/api/notes/timeline"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([
            {"id": "b3", "text": null}, {"id": "b2", "text": null}, {"id": "b1", "text": null}])))
        .mount(&server)
        .await;
    let client = Client::new(server.uri()).unwrap();
    let notes = tokio::time::timeout(
        std::time::Duration::from_secs(5),
        client
            .paginate(Timeline::default())
            .page_size(3)
            .collect_all(),
    )
    .await
    .expect("the stream ended")
    .unwrap();
    assert_eq!(got_ids(&notes), ["b3", "b2", "b1"]);
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

#[tokio::test]
async fn an_error_is_yielded_then_the_stream_ends() {
    let server = MockServer::start().await;
    let calls = Arc::new(AtomicUsize::new(0));
    let c = calls.clone();
    Mock::given(path("/api/notes/timeline"))
        .respond_with(move |_: &Request| {
            if c.fetch_add(1, Ordering::SeqCst) == 0 {
                ResponseTemplate::new(200)
                    .set_body_json(json!([{"id": "c2", "text": null}, {"id": "c1", "text": null}]))
            } else {
                ResponseTemplate::new(429).insert_header("retry-after", "30")
            }
        })
        .mount(&server)
        .await;
    let client = Client::new(server.uri()).unwrap();
    let items: Vec<_> = client
        .paginate(Timeline::default())
        .page_size(2)
        .into_stream()
        .collect()
        .await;
    assert_eq!(items.len(), 3);
    assert_eq!(items[0].as_ref().unwrap().id, "c2");
    assert_eq!(items[1].as_ref().unwrap().id, "c1");
    assert!(matches!(items[2], Err(Error::RateLimited(_))));
    assert_eq!(calls.load(Ordering::SeqCst), 2);
}

#[test]
fn the_stream_is_send() {
    fn assert_send<T: Send + 'static>(_: T) {}
    let client = Client::new("http://127.0.0.1:9").unwrap();
    assert_send(client.paginate(Timeline::default()).into_stream());
}
