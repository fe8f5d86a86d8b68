//! The `misskey-codegen` binary end to end: `summary` and `diff` on small specs and on the
//! real specs in `../shared/specs` beside the repository (skipped when absent), `fetch`
//! against a local HTTP server that answers canned responses.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};

use serde_json::Value;

const SPECS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/specs");
const OLD_REAL: &str = "misskey-2024.10.1.json";
const NEW_REAL: &str = "misskeyio-2025.4.1-mhq.13.json";

fn run(args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_misskey-codegen"));
    cmd.args(args);
    // The local mock server must be reached directly.
    for var in [
        "HTTP_PROXY",
        "http_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "ALL_PROXY",
        "all_proxy",
    ] {
        cmd.env_remove(var);
    }
    cmd.output().expect("run misskey-codegen")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn real(name: &str) -> Option<PathBuf> {
    let path = Path::new(SPECS).join(name);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipped: {} is absent", path.display());
        None
    }
}

fn spec(version: &str, paths: &str) -> String {
    format!(
        r##"{{"openapi": "3.1.0", "info": {{"title": "Mock", "version": "{version}"}},
           "paths": {{{paths}}},
           "components": {{"schemas": {{"Note": {{"type": "object",
              "properties": {{"id": {{"type": "string", "format": "id"}}}}, "required": ["id"]}}}}}}}}"##
    )
}

fn endpoint(props: &str, description: &str) -> String {
    format!(
        r##"{{"post": {{"description": "{description}",
            "requestBody": {{"content": {{"application/json": {{"schema": {{
              "type": "object", "properties": {{{props}}}}}}}}}}},
            "responses": {{"200": {{"description": "OK", "content": {{"application/json": {{
              "schema": {{"$ref": "#/components/schemas/Note"}}}}}}}}}}}}}}"##
    )
}

fn small_old() -> String {
    let create = endpoint(
        r#""text": {"type": ["string", "null"]}"#,
        "**Credential required**: *Yes* / **Permission**: *write:notes*",
    );
    let show = endpoint(
        r#""noteId": {"type": "string", "format": "misskey:id"}"#,
        "**Credential required**: *No*",
    );
    spec(
        "1.0.0",
        &format!(r#""/notes/create": {create}, "/notes/show": {show}, "/ping": {show}"#),
    )
}

fn small_new() -> String {
    let create = endpoint(
        r#""text": {"type": ["string", "null"]}, "lang": {"type": "string"}"#,
        "**Credential required**: *Yes* / **Permission**: *write:notes*",
    );
    let show = endpoint(
        r#""noteId": {"type": "integer"}"#,
        "**Credential required**: *No*",
    );
    spec(
        "2.0.0",
        &format!(r#""/notes/create": {create}, "/notes/show": {show}, "/users/show": {show}"#),
    )
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn help_and_usage_errors() {
    let help = run(&["--help"]);
    assert!(help.status.success());
    let text = stdout(&help);
    for needle in [
        "misskey-codegen summary SPEC",
        "misskey-codegen diff OLD NEW",
        "misskey-codegen fetch URL [-o PATH]",
        "[default: spec/api.json]",
        "Exit status:",
        "1  diff: something breaks Rust code",
        "misskey-codegen names SPEC",
    ] {
        assert!(text.contains(needle), "help lacks {needle:?}:\n{text}");
    }
    assert_eq!(stdout(&run(&["help"])), text);
    assert_eq!(stdout(&run(&["fetch", "--help"])), text);

    let none = run(&[]);
    assert_eq!(none.status.code(), Some(2));
    assert!(stderr(&none).contains("no command given"));
    assert!(stderr(&none).contains("Usage:"));

    let unknown = run(&["frobnicate"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("unknown command \"frobnicate\""));

    let missing = run(&["diff", "only-one.json"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("diff takes OLD NEW, got 1 argument"));

    let misplaced = run(&["summary", "x.json", "-o", "y"]);
    assert_eq!(misplaced.status.code(), Some(2));
    assert!(stderr(&misplaced).contains("options of fetch"));

    let version = run(&["--version"]);
    assert!(version.status.success());
    assert_eq!(
        stdout(&version).trim(),
        format!("misskey-codegen {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn summary_of_a_small_spec() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "api.json", &small_old());
    let out = run(&["summary", s(&path)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("title:              Mock\nserver version:     1.0.0\nOpenAPI version:    3.1.0\npaths:              3\n"), "{text}");
    assert!(text.contains("need a credential:  1\n"), "{text}");
    assert!(
        text.contains("endpoints per group (2 groups):\n  notes     2\n  ping      1\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "permissions (1 distinct; 1 endpoints need one, 2 none):\n  write:notes     1\n"
        ),
        "{text}"
    );
    assert!(text.contains("component schemas:  1\n"), "{text}");
}

#[test]
fn summary_of_a_broken_or_missing_spec_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    // An odd spec is summarized, with what was assumed.
    let odd = small_old().replace("#/components/schemas/Note", "#/components/schemas/Gone");
    let path = write(dir.path(), "odd.json", &odd);
    let out = run(&["summary", s(&path)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.lines().any(|l| l.starts_with(
            "  /paths/~1notes~1create/post/responses/200/content/application~1json/schema: "
        ) && l.contains("#/components/schemas/Gone")),
        "{text}"
    );
    // What is not an OpenAPI document at all is an error.
    let broken = small_old().replace("\"paths\"", "\"routes\"");
    let path = write(dir.path(), "broken.json", &broken);
    let out = run(&["summary", s(&path)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).is_empty());
    let err = stderr(&out);
    assert!(
        err.starts_with("misskey-codegen: unsupported spec at /paths: expected a `paths` object"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");

    let out = run(&["summary", s(&dir.path().join("absent.json"))]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot read the spec at"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("absent.json"));

    let path = write(dir.path(), "text.json", "<html>");
    let out = run(&["summary", s(&path)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not valid JSON (line 1, column 1)"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn diff_of_small_specs() {
    let dir = tempfile::tempdir().unwrap();
    let old = write(dir.path(), "old.json", &small_old());
    let new = write(dir.path(), "new.json", &small_new());

    let same = run(&["diff", s(&old), s(&old)]);
    assert_eq!(same.status.code(), Some(0), "{}", stderr(&same));
    let report = stdout(&same);
    assert!(
        report.starts_with(
            "Rust API: Mock 1.0.0 → Mock 1.0.0\nbreaking changes: 0; other changes: 0\n"
        ),
        "{report}"
    );
    assert!(report.ends_with("no differences\n"), "{report}");

    let out = run(&["diff", s(&old), s(&new)]);
    // `ping` is gone and `noteId` changed type: code written against OLD breaks.
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report = stdout(&out);
    let (rust, spec) = report.split_once("Spec changes:\n").unwrap();
    let (breaking, other) = rust.split_once("not breaking:\n").unwrap();
    let lines = |text: &str| -> Vec<String> { text.lines().map(|l| l.trim().to_owned()).collect() };
    let (breaking, other) = (lines(breaking), lines(other));
    // Counted first, briefly.
    assert!(breaking[1].starts_with("breaking changes: "), "{report}");
    for line in [
        "- method ping() -> endpoints::ping::Builder",
        "- type Request (struct)",
        "~ setter note_id: (impl Into<types::Id>) → (impl Into<i64>)",
        "~ field note_id: Option<types::Id> → Option<i64>",
    ] {
        assert!(
            breaking.iter().any(|l| l == line),
            "{line:?} not breaking:\n{report}"
        );
    }
    for line in [
        "+ method users_show() -> endpoints::users::show::Builder",
        "+ setter lang(impl Into<String>)",
        "+ field lang: Option<String>",
    ] {
        assert!(
            other.iter().any(|l| l == line),
            "{line:?} not listed as not breaking:\n{report}"
        );
    }
    // A new endpoint's types are one line each, their members not listed one by one.
    assert!(!other.iter().any(|l| l.contains("note_id")), "{report}");
    // Then the spec's own changes.
    assert!(
        spec.contains("endpoints added (1):\n  + users/show\n"),
        "{report}"
    );
    assert!(
        spec.contains("endpoints removed (1):\n  - ping\n"),
        "{report}"
    );

    // Only additions: nothing breaks, exit 0.
    let added = write(
        dir.path(),
        "added.json",
        &small_old().replace(
            r#""/ping""#,
            r#""/ping2": {"post": {"responses": {"204": {"description": "none"}}}}, "/ping""#,
        ),
    );
    let out = run(&["diff", s(&old), s(&added)]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(
        stdout(&out).contains("breaking changes: 0; other changes: "),
        "{}",
        stdout(&out)
    );

    let broken = write(dir.path(), "broken.json", "{\"openapi\": \"2.0\"}");
    let out = run(&["diff", s(&old), s(&broken)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("unsupported spec at /openapi"),
        "{}",
        stderr(&out)
    );
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn keys(value: &Value, pointer: &str) -> BTreeSet<String> {
    value
        .pointer(pointer)
        .and_then(Value::as_object)
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default()
}

/// The names listed under a `title (n):` section of a diff report.
fn section(report: &str, title: &str) -> BTreeSet<String> {
    let mut lines = report
        .lines()
        .skip_while(|l| !l.starts_with(&format!("{title} (")));
    let Some(head) = lines.next() else {
        return BTreeSet::new();
    };
    let listed: BTreeSet<String> = lines
        .take_while(|l| !l.is_empty())
        .map(|l| l[4..].to_owned())
        .collect();
    let count: usize = head[title.len() + 2..head.len() - 2].parse().unwrap();
    assert_eq!(count, listed.len(), "{head}");
    listed
}

/// The change lines of one item under a `... changed` section.
fn item_changes(report: &str, name: &str) -> Vec<String> {
    report
        .lines()
        .skip_while(|l| *l != format!("  {name}"))
        .skip(1)
        .take_while(|l| l.starts_with("    "))
        .map(|l| l.trim().to_owned())
        .collect()
}

#[test]
fn summary_of_the_real_spec() {
    let Some(path) = real(NEW_REAL) else { return };
    let raw = read_json(&path);
    let out = run(&["summary", s(&path)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let paths = keys(&raw, "/paths");
    assert!(
        text.contains("server version:     2025.4.1-mhq.13\n"),
        "{text}"
    );
    assert!(text.contains("OpenAPI version:    3.1.0\n"), "{text}");
    assert!(
        text.contains(&format!("paths:              {}\n", paths.len())),
        "{text}"
    );
    assert!(
        text.contains(&format!("endpoints:          {}\n", paths.len())),
        "{text}"
    );
    let schemas = keys(&raw, "/components/schemas").len();
    assert!(
        text.contains(&format!("component schemas:  {schemas}\n")),
        "{text}"
    );
    assert!(
        text.contains("multipart:          1\n  drive/files/create\n"),
        "{text}"
    );
    // Group and permission counts, recounted from the raw JSON.
    // The group is the first segment: `/notes` itself counts too.
    let notes = paths
        .iter()
        .filter(|p| p.split('/').nth(1) == Some("notes"))
        .count();
    assert!(
        text.lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>() == ["notes", &notes.to_string()]),
        "notes {notes}:\n{text}"
    );
    let write_notes = raw["paths"]
        .as_object()
        .unwrap()
        .values()
        .filter(|item| {
            let op = item.get("post").or_else(|| item.get("get")).unwrap();
            op["description"]
                .as_str()
                .unwrap_or_default()
                .contains("**Permission**: *write:notes*")
        })
        .count();
    assert!(write_notes > 0);
    assert!(
        text.lines()
            .any(|l| l.split_whitespace().collect::<Vec<_>>()
                == ["write:notes", &write_notes.to_string()]),
        "write:notes {write_notes}:\n{text}"
    );
}

#[test]
fn diff_of_two_real_specs() {
    let (Some(old), Some(new)) = (real(OLD_REAL), real(NEW_REAL)) else {
        return;
    };
    let out = run(&["diff", s(&old), s(&new)]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let whole = stdout(&out);
    let (rust, report) = whole.split_once("Spec changes:\n").unwrap();
    let report = report.to_owned();
    assert!(
        rust.starts_with("Rust API: Misskey API 2024.10.1 → Misskey API 2025.4.1-mhq.13\n"),
        "{rust}"
    );
    let (breaking, other) = rust.split_once("not breaking:\n").unwrap();
    // Removed endpoints break code that calls them; added ones and new optional
    // parameters do not.
    assert!(
        breaking.contains(
            "    - method admin_server_info() -> endpoints::admin::server_info::Builder\n"
        ),
        "{breaking}"
    );
    assert!(
        other.contains("    + method admin_abuse_report_resolver_create() -> "),
        "{other}"
    );
    assert!(
        other.contains("    + setter scheduled_at(impl Into<i64>)\n"),
        "{other}"
    );
    // A model's change is listed once, under the model, not under every endpoint using it.
    let note_lines = rust.matches("+ field reply_user_id: ").count();
    assert_eq!(note_lines, 1, "{rust}");
    assert!(other.contains("  models::Note\n"), "{other}");
    assert!(
        report.starts_with("old: Misskey API 2024.10.1\nnew: Misskey API 2025.4.1-mhq.13\n"),
        "{report}"
    );

    // Endpoints and models added and removed: exactly the key differences of the raw JSON.
    let (o, n) = (read_json(&old), read_json(&new));
    let names = |v: &Value| -> BTreeSet<String> {
        keys(v, "/paths")
            .iter()
            .map(|p| p.trim_start_matches('/').to_owned())
            .collect()
    };
    let (op, np) = (names(&o), names(&n));
    assert_eq!(section(&report, "endpoints added"), &np - &op);
    assert_eq!(section(&report, "endpoints removed"), &op - &np);
    assert!(section(&report, "endpoints added").contains("admin/abuse-report-resolver/create"));
    assert!(section(&report, "endpoints removed").contains("admin/server-info"));
    let (om, nm) = (
        keys(&o, "/components/schemas"),
        keys(&n, "/components/schemas"),
    );
    assert_eq!(section(&report, "models added"), &nm - &om);
    assert!(section(&report, "models added").contains("ChatMessage"));
    assert!(section(&report, "models removed").is_empty());

    // notes/create gained `dimension`, `lang`, `noCreatedNote`, `scheduledAt` in its body.
    let create = item_changes(&report, "notes/create");
    for field in ["dimension", "lang", "noCreatedNote", "scheduledAt"] {
        assert!(
            create
                .iter()
                .any(|l| l.starts_with(&format!("+ request.{field}: "))),
            "{field}: {create:?}"
        );
    }
    // i/update lost `hardMutedWords`.
    assert!(item_changes(&report, "i/update")
        .iter()
        .any(|l| l.starts_with("- request.hardMutedWords: ")));
    // reversi/match: `*write:account*` became `*read:account*` in the description.
    // Its answer also became nullable (the old spec declared a `204` beside the body, the
    // new one a nullable body), which changes the Rust type.
    assert_eq!(
        item_changes(&report, "reversi/match"),
        [
            "~ permission: write:account → read:account",
            "~ response: ReversiGameDetailed → ReversiGameDetailed | null"
        ]
    );
    // Note gained `dimension` and `replyUserId`; `renote` and `reply` went from
    // `allOf: [Note]` to `anyOf: [Note, null]`, the same type: not listed.
    let note = item_changes(&report, "Note");
    assert!(
        note.iter().any(|l| l.starts_with("+ dimension: ")),
        "{note:?}"
    );
    assert!(
        note.iter().any(|l| l.starts_with("+ replyUserId: ")),
        "{note:?}"
    );
    assert!(
        !note
            .iter()
            .any(|l| l.contains("renote") || l.starts_with("~ reply:")),
        "{note:?}"
    );
    // An unchanged endpoint is not listed.
    assert!(item_changes(&report, "notes/show").is_empty());

    // A reader that goes away (`| head`) ends the output quietly, without a panic. The pipe
    // is closed before the child has finished analyzing, so its first write fails.
    let mut child = Command::new(env!("CARGO_BIN_EXE_misskey-codegen"))
        .args(["diff", s(&old), s(&new)])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let closed = child.wait_with_output().unwrap();
    assert!(stderr(&closed).is_empty(), "{}", stderr(&closed));
    assert_eq!(closed.status.code(), Some(1));

    // A spec against itself.
    let same = run(&["diff", s(&new), s(&new)]);
    assert_eq!(same.status.code(), Some(0));
    assert!(stdout(&same).ends_with("no differences\n"));
}

/// One canned answer.
struct Canned {
    status: &'static str,
    content_type: &'static str,
    headers: String,
    body: String,
}

fn canned(status: &'static str, content_type: &'static str, body: String) -> Canned {
    Canned {
        status,
        content_type,
        headers: String::new(),
        body,
    }
}

/// Serves `route(path)` on 127.0.0.1, one connection at a time; returns the base URL and the
/// request heads received.
fn serve(route: impl Fn(&str) -> Canned + Send + 'static) -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let log = Arc::new(Mutex::new(Vec::new()));
    let seen = log.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut head = String::new();
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                head.push_str(&line);
            }
            let path = head.split_whitespace().nth(1).unwrap_or("/").to_owned();
            seen.lock().unwrap().push(head);
            let c = route(&path);
            let _ = write!(
                stream,
                "HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n{}\r\n{}",
                c.status,
                c.content_type,
                c.body.len(),
                c.headers,
                c.body
            );
        }
    });
    (base, log)
}

fn mock_server(real_spec: Option<String>) -> (String, Arc<Mutex<Vec<String>>>) {
    serve(move |path| match path {
        "/api.json" => canned("200 OK", "application/json", small_new()),
        "/real/api.json" => canned(
            "200 OK",
            "application/json",
            real_spec.clone().unwrap_or_default(),
        ),
        "/html/api.json" => canned(
            "200 OK",
            "text/html",
            "<!DOCTYPE html><html><body>Misskey</body></html>".into(),
        ),
        "/broken/api.json" => canned(
            "200 OK",
            "application/json",
            small_new().replace("\"paths\"", "\"routes\""),
        ),
        "/moved/api.json" => Canned {
            headers: "Location: /api.json\r\n".into(),
            ..canned("301 Moved Permanently", "text/plain", String::new())
        },
        "/away/api.json" => Canned {
            headers: "Location: http://example.invalid/api.json\r\n".into(),
            ..canned("302 Found", "text/plain", String::new())
        },
        _ => canned(
            "404 Not Found",
            "application/json",
            "{\"error\": {}}".into(),
        ),
    })
}

fn files_in(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn fetch_writes_a_valid_spec() {
    let (base, log) = mock_server(None);
    let dir = tempfile::tempdir().unwrap();
    // The default output is relative: spec/api.json under the working directory.
    let out = Command::new(env!("CARGO_BIN_EXE_misskey-codegen"))
        .args(["fetch", &base, "--timeout", "10"])
        .current_dir(dir.path())
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .env_remove("ALL_PROXY")
        .env_remove("all_proxy")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let written = dir.path().join("spec/api.json");
    assert_eq!(std::fs::read_to_string(&written).unwrap(), small_new());
    assert_eq!(
        stdout(&out),
        format!(
            "wrote spec/api.json (Mock 2.0.0, 3 paths, {} bytes) from {base}/api.json\n",
            small_new().len()
        )
    );
    assert_eq!(
        files_in(&dir.path().join("spec")),
        BTreeSet::from(["api.json".to_owned()])
    );
    let head = log.lock().unwrap()[0].clone();
    assert!(head.starts_with("GET /api.json HTTP/1.1\r\n"), "{head}");
    assert!(
        head.to_ascii_lowercase().contains(&format!(
            "user-agent: misskey-codegen/{}",
            env!("CARGO_PKG_VERSION")
        )),
        "{head}"
    );

    // Other spellings of the same address, and a same-host redirect, replace the file.
    let output = dir.path().join("other.json");
    for url in [
        format!("{base}/"),
        format!("{base}/api.json"),
        format!("{base}/moved"),
    ] {
        std::fs::write(&output, "old").unwrap();
        let out = run(&["fetch", &url, "-o", s(&output)]);
        assert!(out.status.success(), "{url}: {}", stderr(&out));
        assert_eq!(
            std::fs::read_to_string(&output).unwrap(),
            small_new(),
            "{url}"
        );
    }
    assert!(
        stdout(&run(&["fetch", &format!("{base}/moved"), "-o", s(&output)]))
            .ends_with(&format!("from {base}/api.json\n"))
    );
}

#[test]
fn fetch_of_the_real_spec_is_byte_identical() {
    let Some(path) = real(NEW_REAL) else { return };
    let text = std::fs::read_to_string(&path).unwrap();
    let (base, _) = mock_server(Some(text.clone()));
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("api.json");
    let out = run(&["fetch", &format!("{base}/real/"), "-o", s(&output)]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&output).unwrap(), text);
    let paths = keys(&read_json(&path), "/paths").len();
    assert!(
        stdout(&out).contains(&format!("(Misskey API 2025.4.1-mhq.13, {paths} paths,")),
        "{}",
        stdout(&out)
    );
}

#[test]
fn fetch_failures_leave_the_output_untouched() {
    let (base, _) = mock_server(None);
    let dir = tempfile::tempdir().unwrap();
    let output = dir.path().join("api.json");
    for (path, expected) in [
        ("/missing", "answered HTTP 404 Not Found, not 200"),
        ("/html", "the body is HTML, not JSON"),
        (
            "/broken",
            "unsupported spec at /paths: expected a `paths` object",
        ),
        (
            "/away",
            "redirects to http://example.invalid/api.json: another host",
        ),
    ] {
        std::fs::write(&output, "previous contents").unwrap();
        let out = run(&["fetch", &format!("{base}{path}"), "-o", s(&output)]);
        assert_eq!(out.status.code(), Some(2), "{path}");
        let err = stderr(&out);
        assert!(err.contains(expected), "{path}: {err}");
        assert!(
            err.trim_end().ends_with("api.json was not changed"),
            "{path}: {err}"
        );
        assert!(stdout(&out).is_empty(), "{path}");
        assert_eq!(
            std::fs::read_to_string(&output).unwrap(),
            "previous contents",
            "{path}"
        );
        assert_eq!(
            files_in(dir.path()),
            BTreeSet::from(["api.json".to_owned()]),
            "{path}"
        );
    }

    // Nothing listening: a connection error, not a hang or a panic.
    let closed = TcpListener::bind("127.0.0.1:0").unwrap();
    let dead = format!("http://{}", closed.local_addr().unwrap());
    drop(closed);
    let out = run(&["fetch", &dead, "-o", s(&output), "--timeout", "5"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("request to"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(&output).unwrap(),
        "previous contents"
    );

    let out = run(&["fetch", "ftp://example.com", "-o", s(&output)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("only http:// and https:// are supported"));
}
