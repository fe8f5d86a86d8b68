//! MiAuth and the older app flow against a mock server, and the local callback with a
//! real HTTP "browser".

mod common;

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::*;
use misskey_client::auth::app::{token_from_access_token, App, AppRegistration};
use misskey_client::auth::{MiAuth, MiAuthStatus, Permission};
use misskey_client::{Client, Error};
use serde_json::json;
use wiremock::matchers::{method, path, path_regex};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

#[test]
fn miauth_url_has_everything_and_a_fresh_uuid_v4() {
    let builder = MiAuth::builder("misskey.example")
        .name("My App & Co")
        .icon("https://app.example/icon.png")
        .callback("https://app.example/done?x=1")
        .permissions([
            Permission::ReadAccount,
            Permission::WriteNotes,
            Permission::Other("read:something-new".into()),
        ]);
    let a = builder.clone().build().unwrap();
    let b = builder.build().unwrap();
    assert_ne!(a.session(), b.session(), "each flow has its own session");
    for flow in [&a, &b] {
        let session = uuid::Uuid::parse_str(flow.session()).unwrap();
        assert_eq!(session.get_version_num(), 4);
        let url = flow.url();
        assert_eq!(url.scheme(), "https");
        assert_eq!(url.host_str(), Some("misskey.example"));
        assert_eq!(url.path(), format!("/miauth/{}", flow.session()));
        let q: std::collections::HashMap<_, _> = url.query_pairs().into_owned().collect();
        assert_eq!(q["name"], "My App & Co");
        assert_eq!(q["icon"], "https://app.example/icon.png");
        assert_eq!(q["callback"], "https://app.example/done?x=1");
        assert_eq!(
            q["permission"],
            "read:account,write:notes,read:something-new"
        );
        assert_eq!(q.len(), 4);
    }
    // Nothing optional: a bare URL.
    let bare = MiAuth::builder("http://127.0.0.1:3000/api/")
        .build()
        .unwrap();
    assert_eq!(
        bare.url().as_str(),
        format!("http://127.0.0.1:3000/miauth/{}", bare.session())
    );
    assert!(matches!(
        MiAuth::builder("ftp://x").build(),
        Err(Error::InvalidBaseUrl { .. })
    ));
}

#[test]
fn permissions_parse_and_print() {
    assert_eq!(
        "write:notes".parse::<Permission>().unwrap(),
        Permission::WriteNotes
    );
    assert_eq!(
        "read:admin:abuse-user-reports"
            .parse::<Permission>()
            .unwrap(),
        Permission::ReadAdminAbuseUserReports
    );
    assert_eq!(Permission::WriteAdminMeta.as_str(), "write:admin:meta");
    assert_eq!(Permission::ReadChat.to_string(), "read:chat");
    assert!(Permission::ALL.len() >= 85);
    let unknown: Permission = "write:teleport".parse().unwrap();
    assert_eq!(unknown, Permission::Other("write:teleport".into()));
    assert_eq!(unknown.as_str(), "write:teleport");
    assert_eq!(
        serde_json::to_value([Permission::ReadDrive, unknown]).unwrap(),
        json!(["read:drive", "write:teleport"])
    );
}

/// A server whose `miauth/{session}/check` says "not yet" `pending` times, then answers.
async fn miauth_server(pending: usize) -> (MockServer, Arc<AtomicUsize>) {
    let server = MockServer::start().await;
    let calls = Arc::new(AtomicUsize::new(0));
    let c = calls.clone();
    Mock::given(method("POST"))
        .and(path_regex(r"^/api/miauth/[0-9a-f-]{36}/check$"))
        .respond_with(move |_: &Request| {
            if c.fetch_add(1, Ordering::SeqCst) < pending {
                ResponseTemplate::new(200).set_body_json(json!({"ok": false}))
            } else {
                ResponseTemplate::new(200).set_body_json(json!({
                    "ok": true, "token": "NEWTOKEN123",
                    "user": {"id": "u1", "username": "alice"}}))
            }
        })
        .mount(&server)
        .await;
    (server, calls)
}

#[tokio::test]
async fn check_tells_pending_from_authorized() {
    let (server, _) = miauth_server(1).await;
    let flow = MiAuth::builder(server.uri()).name("t").build().unwrap();
    assert!(matches!(flow.check().await.unwrap(), MiAuthStatus::Pending));
    match flow.check().await.unwrap() {
        MiAuthStatus::Authorized(auth) => {
            assert_eq!(auth.token.expose_secret(), "NEWTOKEN123");
            assert_eq!(auth.user["username"], "alice");
            assert!(!format!("{auth:?}").contains("NEWTOKEN123"));
        }
        other => panic!("{other:?}"),
    }
    let reqs = server.received_requests().await.unwrap();
    assert_eq!(
        reqs[0].url.path(),
        format!("/api/miauth/{}/check", flow.session())
    );
}

#[tokio::test]
async fn check_does_not_send_the_clients_token() {
    let (server, _) = miauth_server(0).await;
    let client = Client::builder(server.uri()).token(TOKEN).build().unwrap();
    let flow = MiAuth::builder(server.uri())
        .client(client)
        .build()
        .unwrap();
    flow.check().await.unwrap();
    let req = &server.received_requests().await.unwrap()[0];
    assert_eq!(json_body(req), json!({}));
    assert_eq!(header(req, "authorization"), None);
}

#[tokio::test]
async fn wait_polls_until_authorized() {
    let (server, calls) = miauth_server(3).await;
    let flow = MiAuth::builder(server.uri()).build().unwrap();
    let started = Instant::now();
    let auth = flow
        .wait(Duration::from_millis(50), Duration::from_secs(10))
        .await
        .unwrap();
    assert_eq!(auth.token.expose_secret(), "NEWTOKEN123");
    assert_eq!(calls.load(Ordering::SeqCst), 4);
    assert!(started.elapsed() >= Duration::from_millis(150));
}

#[tokio::test]
async fn wait_gives_up_at_the_deadline() {
    let (server, calls) = miauth_server(usize::MAX).await;
    let flow = MiAuth::builder(server.uri()).build().unwrap();
    let started = Instant::now();
    let err = flow
        .wait(Duration::from_millis(50), Duration::from_millis(300))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Auth { .. }), "{err:?}");
    let elapsed = started.elapsed();
    assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
    let n = calls.load(Ordering::SeqCst);
    assert!((3..=8).contains(&n), "{n} checks");
}

#[tokio::test]
async fn local_callback_completes_when_the_browser_comes_back() {
    // The server only knows the session once the "browser" has been redirected.
    let (server, calls) = miauth_server(0).await;
    let local = MiAuth::builder(server.uri())
        .name("cli")
        .permissions([Permission::ReadAccount])
        .listen()
        .await
        .unwrap();
    let callback = local.callback_url().clone();
    assert_eq!(callback.host_str(), Some("127.0.0.1"));
    assert_ne!(callback.port(), Some(0));
    let q: std::collections::HashMap<_, _> = local.url().query_pairs().into_owned().collect();
    assert_eq!(q["callback"], callback.as_str());
    let session = local.session().to_owned();

    let browser = tokio::spawn(async move {
        let http = reqwest::Client::new();
        // Unrelated requests first (a favicon, a stale session): answered, not completing.
        let favicon = http
            .get(callback.join("/favicon.ico").unwrap())
            .send()
            .await
            .unwrap();
        assert_eq!(favicon.status(), 404);
        let stale = http
            .get(format!("{callback}?session=someone-else"))
            .send()
            .await
            .unwrap();
        assert_eq!(stale.status(), 400);
        // What the server's redirect does.
        let page = http
            .get(format!("{callback}?session={session}"))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), 200);
        page.text().await.unwrap()
    });
    let auth = local.wait(Duration::from_secs(10)).await.unwrap();
    let page = browser.await.unwrap();
    assert!(page.contains("close this window"), "{page}");
    assert_eq!(auth.token.expose_secret(), "NEWTOKEN123");
    assert_eq!(
        calls.load(Ordering::SeqCst),
        1,
        "checked once, after the callback"
    );
}

#[tokio::test]
async fn local_callback_times_out() {
    let (server, calls) = miauth_server(0).await;
    let local = MiAuth::builder(server.uri()).listen().await.unwrap();
    let err = local.wait(Duration::from_millis(200)).await.unwrap_err();
    assert!(matches!(err, Error::Auth { .. }), "{err:?}");
    assert_eq!(calls.load(Ordering::SeqCst), 0);
}

#[test]
fn app_flow_token_is_sha256_of_access_token_and_secret() {
    // Computed independently: hashlib.sha256(b"8fd3...7e8f" + b"Kx9Z...Wy3").hexdigest()
    assert_eq!(
        token_from_access_token("8fd3a1b2c4e5f60718293a4b5c6d7e8f", "Kx9Zq2Lm7Np4Rs8Tv1Wy3"),
        "28d5c3b4641e7fe42ba33bace06d4499a83ebe2afe1b0d160a08445b37ffca4f"
    );
    assert_eq!(
        token_from_access_token("", ""),
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    );
}

#[tokio::test]
async fn app_flow_sequence() {
    let server = MockServer::start().await;
    Mock::given(path("/api/app/create"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "id": "app1", "name": "my app", "callbackUrl": null,
            "permission": ["read:account"], "secret": "Kx9Zq2Lm7Np4Rs8Tv1Wy3"})))
        .mount(&server)
        .await;
    Mock::given(path("/api/auth/session/generate"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "token": "sess-1", "url": "https://misskey.example/auth/sess-1"})))
        .mount(&server)
        .await;
    let polls = Arc::new(AtomicUsize::new(0));
    let p = polls.clone();
    Mock::given(path("/api/auth/session/userkey"))
        .respond_with(move |_: &Request| {
            if p.fetch_add(1, Ordering::SeqCst) < 2 {
                ResponseTemplate::new(400).set_body_json(json!({"error": {
                    "message": "This session is not completed yet.", "code": "PENDING_SESSION",
                    "id": "8c8a4145-02cc-4cca-8e66-29ba60445a8e", "kind": "client"}}))
            } else {
                ResponseTemplate::new(200).set_body_json(json!({
                    "accessToken": "8fd3a1b2c4e5f60718293a4b5c6d7e8f",
                    "user": {"id": "u1", "username": "alice"}}))
            }
        })
        .mount(&server)
        .await;

    let client = Client::new(server.uri()).unwrap();
    let app = App::create(
        &client,
        &AppRegistration::new("my app", "does things")
            .permissions([Permission::ReadAccount, Permission::WriteNotes])
            .callback_url("https://app.example/cb"),
    )
    .await
    .unwrap();
    assert_eq!(app.id.as_deref(), Some("app1"));
    assert!(
        !format!("{app:?}").contains("Kx9Zq2"),
        "the secret is hidden"
    );
    let session = app.generate_session(&client).await.unwrap();
    assert_eq!(session.token, "sess-1");
    assert_eq!(session.url, "https://misskey.example/auth/sess-1");

    // Before the user accepts, userkey is the PENDING_SESSION error.
    let err = app.userkey(&client, &session.token).await.unwrap_err();
    assert_eq!(err.code(), Some("PENDING_SESSION"));
    let auth = app
        .wait(
            &client,
            &session.token,
            Duration::from_millis(20),
            Duration::from_secs(5),
        )
        .await
        .unwrap();
    assert_eq!(
        auth.token.expose_secret(),
        "28d5c3b4641e7fe42ba33bace06d4499a83ebe2afe1b0d160a08445b37ffca4f"
    );
    assert_eq!(auth.user["username"], "alice");
    assert_eq!(polls.load(Ordering::SeqCst), 3);

    let reqs = server.received_requests().await.unwrap();
    let body = |p: &str| {
        json_body(
            reqs.iter()
                .find(|r| r.url.path() == format!("/api/{p}"))
                .unwrap(),
        )
    };
    assert_eq!(
        body("app/create"),
        json!({"name": "my app", "description": "does things",
               "permission": ["read:account", "write:notes"],
               "callbackUrl": "https://app.example/cb"})
    );
    assert_eq!(
        body("auth/session/generate"),
        json!({"appSecret": "Kx9Zq2Lm7Np4Rs8Tv1Wy3"})
    );
    assert_eq!(
        body("auth/session/userkey"),
        json!({"appSecret": "Kx9Zq2Lm7Np4Rs8Tv1Wy3", "token": "sess-1"})
    );

    // The new token works as a client's token.
    let user_client = auth.client(&client);
    assert_eq!(
        user_client.token().unwrap().expose_secret(),
        auth.token.expose_secret()
    );
}
