//! Endpoints and helpers shared by the integration tests. The generated endpoints are not
//! used here on purpose: these tests pin the core's behaviour on its own.
#![allow(dead_code)]

use misskey_client::{Endpoint, EndpointErrorCode, Paginated, UploadFile};
use serde::{Deserialize, Serialize};

pub const TOKEN: &str = "SeCrEtToKeN0123456789";

/// `notes/show`, with a typed error code.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ShowNote {
    pub note_id: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Note {
    pub id: String,
    pub text: Option<String>,
    #[serde(default)]
    pub user: Option<User>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct User {
    pub id: String,
    pub username: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShowNoteError {
    NoSuchNote,
    Unknown(String),
}

impl EndpointErrorCode for ShowNoteError {
    fn from_code(code: &str) -> Self {
        match code {
            "NO_SUCH_NOTE" => ShowNoteError::NoSuchNote,
            other => ShowNoteError::Unknown(other.to_owned()),
        }
    }
    fn as_str(&self) -> &str {
        match self {
            ShowNoteError::NoSuchNote => "NO_SUCH_NOTE",
            ShowNoteError::Unknown(s) => s,
        }
    }
}

impl Endpoint for ShowNote {
    type Response = Note;
    type ErrorCode = ShowNoteError;
    const NAME: &'static str = "notes/show";
    const REQUIRES_CREDENTIAL: bool = false;
    const PERMISSION: Option<&'static str> = None;
}

/// `notes/delete`: answers 204.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeleteNote {
    pub note_id: String,
}

impl Endpoint for DeleteNote {
    type Response = ();
    type ErrorCode = ShowNoteError;
    const NAME: &'static str = "notes/delete";
    const REQUIRES_CREDENTIAL: bool = true;
    const PERMISSION: Option<&'static str> = Some("write:notes");
}

/// `i/registry/get`: any JSON, 204 when the value is null.
#[derive(Debug, Clone, Serialize)]
pub struct RegistryGet {
    pub key: String,
}

impl Endpoint for RegistryGet {
    type Response = Option<serde_json::Value>;
    type ErrorCode = ShowNoteError;
    const NAME: &'static str = "i/registry/get";
    const REQUIRES_CREDENTIAL: bool = true;
    const PERMISSION: Option<&'static str> = Some("read:account");
}

/// `drive/files/create`, multipart, shaped as the generator makes it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DriveFilesCreate {
    #[serde(skip)]
    pub file: UploadFile,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub folder_id: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_sensitive: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub force: Option<bool>,
}

impl DriveFilesCreate {
    pub fn new(file: UploadFile) -> Self {
        DriveFilesCreate {
            file,
            folder_id: None,
            name: None,
            comment: None,
            is_sensitive: None,
            force: None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct DriveFile {
    pub id: String,
    pub name: String,
}

impl Endpoint for DriveFilesCreate {
    type Response = DriveFile;
    type ErrorCode = ShowNoteError;
    const NAME: &'static str = "drive/files/create";
    const REQUIRES_CREDENTIAL: bool = true;
    const PERMISSION: Option<&'static str> = Some("write:drive");
    const MULTIPART: bool = true;

    fn files(&self) -> Vec<(&'static str, &UploadFile)> {
        vec![("file", &self.file)]
    }
}

/// `notes/timeline`, pageable.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Timeline {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub since_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until_id: Option<String>,
}

impl Endpoint for Timeline {
    type Response = Vec<Note>;
    type ErrorCode = ShowNoteError;
    const NAME: &'static str = "notes/timeline";
    const REQUIRES_CREDENTIAL: bool = true;
    const PERMISSION: Option<&'static str> = Some("read:account");
}

impl Paginated for Timeline {
    type Item = Note;
    fn set_since_id(&mut self, id: Option<String>) {
        self.since_id = id;
    }
    fn set_until_id(&mut self, id: Option<String>) {
        self.until_id = id;
    }
    fn set_limit(&mut self, limit: u32) {
        self.limit = Some(limit);
    }
    fn item_id(item: &Note) -> Option<&str> {
        Some(&item.id)
    }
}

/// One part of a multipart body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub name: String,
    pub file_name: Option<String>,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

impl Part {
    pub fn text(&self) -> &str {
        std::str::from_utf8(&self.body).expect("a text part")
    }
}

/// Parses a `multipart/form-data` body (RFC 7578), enough for these tests.
pub fn parse_multipart(content_type: &str, body: &[u8]) -> Vec<Part> {
    let boundary = content_type
        .split(';')
        .map(str::trim)
        .find_map(|p| p.strip_prefix("boundary="))
        .expect("a boundary")
        .trim_matches('"');
    let delimiter = format!("--{boundary}");
    let mut parts = Vec::new();
    let mut rest = body;
    // Skip the preamble up to the first delimiter.
    let start = find(rest, delimiter.as_bytes()).expect("first delimiter");
    rest = &rest[start + delimiter.len()..];
    loop {
        if rest.starts_with(b"--") {
            break; // the closing delimiter
        }
        rest = rest.strip_prefix(b"\r\n").expect("CRLF after delimiter");
        let head_end = find(rest, b"\r\n\r\n").expect("end of part headers");
        let head = std::str::from_utf8(&rest[..head_end]).expect("utf-8 headers");
        rest = &rest[head_end + 4..];
        let next = find(rest, format!("\r\n{delimiter}").as_bytes()).expect("next delimiter");
        let data = rest[..next].to_vec();
        rest = &rest[next + 2 + delimiter.len()..];
        let mut part = Part {
            name: String::new(),
            file_name: None,
            content_type: None,
            body: data,
        };
        for line in head.split("\r\n") {
            let (key, value) = line.split_once(':').expect("a header");
            match key.trim().to_ascii_lowercase().as_str() {
                "content-disposition" => {
                    for param in value.split(';').map(str::trim) {
                        if let Some(v) = param.strip_prefix("name=") {
                            part.name = v.trim_matches('"').to_owned();
                        } else if let Some(v) = param.strip_prefix("filename=") {
                            part.file_name = Some(v.trim_matches('"').to_owned());
                        }
                    }
                }
                "content-type" => part.content_type = Some(value.trim().to_owned()),
                _ => {}
            }
        }
        parts.push(part);
    }
    parts
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The JSON body of a recorded request.
pub fn json_body(req: &wiremock::Request) -> serde_json::Value {
    serde_json::from_slice(&req.body).expect("a JSON body")
}

pub fn header<'a>(req: &'a wiremock::Request, name: &str) -> Option<&'a str> {
    req.headers.get(name).and_then(|v| v.to_str().ok())
}

/// What a raw captured error answer says the client's `Error` must be, worked out from the
/// JSON alone: the variant's name and the code.
pub fn expected_error(status: u16, response: &serde_json::Value) -> (&'static str, Option<String>) {
    let code = |v: &serde_json::Value| v.as_str().map(str::to_owned);
    if status == 429 {
        return ("RateLimited", code(&response["error"]["code"]));
    }
    if response["error"].is_object() {
        return ("Api", code(&response["error"]["code"]));
    }
    if response.get("statusCode").is_some() {
        return ("Framework", code(&response["code"]));
    }
    ("UnexpectedBody", None)
}

/// The name of an `Error`'s variant, to compare with [`expected_error`].
pub fn variant(err: &misskey_client::Error) -> &'static str {
    use misskey_client::Error;
    match err {
        Error::Api(_) => "Api",
        Error::RateLimited(_) => "RateLimited",
        Error::Framework(_) => "Framework",
        Error::UnexpectedBody(_) => "UnexpectedBody",
        Error::Decode { .. } => "Decode",
        _ => "other",
    }
}

/// The `*.json` files of a corpus directory, sorted; `None`, said on stderr, when the
/// directory is not there (it lives in `../shared` next to the repository).
pub fn json_files(dir: &std::path::Path) -> Option<Vec<std::path::PathBuf>> {
    if !dir.is_dir() {
        eprintln!(
            "SKIPPED: no corpus at {} (it lives in ../shared next to the repo)",
            dir.display()
        );
        return None;
    }
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    Some(files)
}

/// A server that accepts connections and never answers.
pub async fn silent_server() -> (String, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let handle = tokio::spawn(async move {
        let mut held = Vec::new();
        loop {
            let (socket, _) = listener.accept().await.unwrap();
            held.push(socket); // keep it open, say nothing
        }
    });
    (format!("http://{addr}"), handle)
}
