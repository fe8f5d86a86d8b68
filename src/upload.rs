//! Files for multipart endpoints such as `drive/files/create`.
//!
//! ```no_run
//! # use misskey_client::upload::UploadFile;
//! let from_memory = UploadFile::from_bytes(b"hello".to_vec())
//!     .file_name("hello.txt")
//!     .content_type("text/plain");
//! let from_disk = UploadFile::from_path("photo.jpg"); // opened and streamed when sent
//! # let _ = (from_memory, from_disk);
//! ```

use std::fmt;
use std::path::{Path, PathBuf};
use std::pin::Pin;
use std::sync::{Arc, Mutex};

use bytes::Bytes;
use tokio::io::AsyncRead;
use tokio_util::io::ReaderStream;

use crate::{Error, Result};

/// The file name sent when none is given and none can be taken from a path.
const DEFAULT_FILE_NAME: &str = "file";
/// The content type sent when none is given; Misskey sniffs the real type from the bytes.
const DEFAULT_CONTENT_TYPE: &str = "application/octet-stream";

type Reader = Pin<Box<dyn AsyncRead + Send>>;

/// A file to upload: bytes in memory, a path opened when the request is sent, or an async
/// reader streamed once.
///
/// Cloning is cheap (bytes and readers are shared). A reader can be sent only once: sending
/// it again (or retrying the request) is an [`Error::Upload`].
#[derive(Clone)]
pub struct UploadFile {
    source: Source,
    file_name: Option<String>,
    content_type: Option<String>,
}

#[derive(Clone)]
enum Source {
    Bytes(Bytes),
    Path(PathBuf),
    // A Mutex (not a RefCell) keeps the file `Sync`, which requests need.
    Reader(Arc<Mutex<Option<Reader>>>),
}

impl UploadFile {
    /// A file from bytes in memory.
    pub fn from_bytes(bytes: impl Into<Bytes>) -> UploadFile {
        UploadFile {
            source: Source::Bytes(bytes.into()),
            file_name: None,
            content_type: None,
        }
    }

    /// A file on disk, opened and streamed when the request is sent (not read into memory).
    /// The file name defaults to the path's last component.
    pub fn from_path(path: impl AsRef<Path>) -> UploadFile {
        UploadFile {
            source: Source::Path(path.as_ref().to_owned()),
            file_name: None,
            content_type: None,
        }
    }

    /// A file streamed from an async reader, without reading it into memory first.
    /// It can be sent once.
    pub fn from_reader(reader: impl AsyncRead + Send + 'static) -> UploadFile {
        UploadFile {
            source: Source::Reader(Arc::new(Mutex::new(Some(Box::pin(reader))))),
            file_name: None,
            content_type: None,
        }
    }

    /// Sets the file name sent with the bytes (Misskey uses it as the drive file's name
    /// unless the request sets `name`).
    pub fn file_name(mut self, name: impl Into<String>) -> UploadFile {
        self.file_name = Some(name.into());
        self
    }

    /// Sets the content type (`image/png`). Defaults to `application/octet-stream`.
    pub fn content_type(mut self, mime: impl Into<String>) -> UploadFile {
        self.content_type = Some(mime.into());
        self
    }

    /// The file name that will be sent.
    pub fn name(&self) -> &str {
        if let Some(name) = &self.file_name {
            return name;
        }
        if let Source::Path(path) = &self.source {
            if let Some(name) = path.file_name().and_then(|n| n.to_str()) {
                return name;
            }
        }
        DEFAULT_FILE_NAME
    }

    /// The content type that will be sent.
    pub fn mime(&self) -> &str {
        self.content_type.as_deref().unwrap_or(DEFAULT_CONTENT_TYPE)
    }

    /// Whether the file can be sent (again): false for a reader that was already sent.
    pub fn is_replayable(&self) -> bool {
        match &self.source {
            Source::Bytes(_) | Source::Path(_) => true,
            Source::Reader(r) => r.lock().map(|r| r.is_some()).unwrap_or(false),
        }
    }

    /// Whether this file is a one-shot reader.
    pub(crate) fn is_reader(&self) -> bool {
        matches!(self.source, Source::Reader(_))
    }

    /// The multipart part for this file; opens the path or takes the reader.
    pub(crate) async fn to_part(&self) -> Result<reqwest::multipart::Part> {
        use reqwest::multipart::Part;
        let part = match &self.source {
            Source::Bytes(bytes) => Part::stream_with_length(bytes.clone(), bytes.len() as u64),
            Source::Path(path) => {
                // Looked at before it is opened: opening a FIFO waits for a writer, forever.
                let metadata = tokio::fs::metadata(path).await.map_err(|e| {
                    Error::upload(format!("cannot open {}", path.display()), Some(e))
                })?;
                if metadata.is_dir() {
                    return Err(Error::upload(
                        format!("{} is a directory, not a file", path.display()),
                        None,
                    ));
                }
                if !metadata.is_file() {
                    return Err(Error::upload(
                        format!(
                            "{} is not a regular file (a pipe, socket or device has no length \
                             to announce); send it with UploadFile::from_reader",
                            path.display()
                        ),
                        None,
                    ));
                }
                let file = tokio::fs::File::open(path).await.map_err(|e| {
                    Error::upload(format!("cannot open {}", path.display()), Some(e))
                })?;
                let len = file
                    .metadata()
                    .await
                    .map_err(|e| Error::upload(format!("cannot read {}", path.display()), Some(e)))?
                    .len();
                let stream = exact_length(ReaderStream::new(file), len, path.display().to_string());
                Part::stream_with_length(reqwest::Body::wrap_stream(stream), len)
            }
            Source::Reader(reader) => {
                let reader = reader
                    .lock()
                    .map_err(|_| Error::upload("the reader's lock is poisoned", None))?
                    .take()
                    .ok_or_else(|| {
                        Error::upload(
                            format!(
                                "the reader of {:?} was already sent; a reader can be sent once",
                                self.name()
                            ),
                            None,
                        )
                    })?;
                Part::stream(reqwest::Body::wrap_stream(ReaderStream::new(reader)))
            }
        };
        // The name is written into the part's header: a line break there would add headers.
        if let Some(c) = self.name().chars().find(|c| c.is_control()) {
            return Err(Error::upload(
                format!(
                    "the file name {:?} contains the control character {c:?}",
                    self.name()
                ),
                None,
            ));
        }
        part.file_name(self.name().to_owned())
            .mime_str(self.mime())
            .map_err(|_| Error::upload(format!("invalid content type {:?}", self.mime()), None))
    }
}

/// A file that changed size while it was sent: the multipart body announced its length
/// when it was opened. Found again in the transport error's causes, to report it as
/// [`Error::Upload`].
#[derive(Debug)]
pub(crate) struct SizeChanged(pub(crate) String);

impl fmt::Display for SizeChanged {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SizeChanged {}

/// The file's bytes, failing if there are more or fewer than the `len` it had when opened,
/// rather than sending a body that does not match its announced length.
fn exact_length(
    stream: ReaderStream<tokio::fs::File>,
    len: u64,
    name: String,
) -> impl futures_util::Stream<Item = std::io::Result<Bytes>> + Send + 'static {
    use futures_util::StreamExt;
    let changed = move |how: &str| {
        std::io::Error::other(SizeChanged(format!(
            "{name} {how} while it was uploaded ({len} bytes when opened); nothing usable was sent"
        )))
    };
    futures_util::stream::unfold(Some((stream, 0u64)), move |state| {
        let changed = changed.clone();
        async move {
            let (mut stream, sent) = state?;
            match stream.next().await {
                Some(Ok(chunk)) => {
                    let sent = sent + chunk.len() as u64;
                    if sent > len {
                        Some((Err(changed("grew")), None))
                    } else {
                        Some((Ok(chunk), Some((stream, sent))))
                    }
                }
                Some(Err(err)) => Some((Err(err), None)),
                None if sent < len => Some((Err(changed("shrank")), None)),
                None => None,
            }
        }
    })
}

impl fmt::Debug for UploadFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("UploadFile");
        match &self.source {
            Source::Bytes(b) => d.field("bytes", &b.len()),
            Source::Path(p) => d.field("path", p),
            Source::Reader(_) => d.field(
                "reader",
                &if self.is_replayable() {
                    "unsent"
                } else {
                    "sent"
                },
            ),
        };
        d.field("file_name", &self.name())
            .field("content_type", &self.mime())
            .finish()
    }
}

/// An empty file; only useful as a placeholder to be replaced before sending.
impl Default for UploadFile {
    fn default() -> UploadFile {
        UploadFile::from_bytes(Bytes::new())
    }
}

impl From<Vec<u8>> for UploadFile {
    fn from(bytes: Vec<u8>) -> UploadFile {
        UploadFile::from_bytes(bytes)
    }
}

impl From<Bytes> for UploadFile {
    fn from(bytes: Bytes) -> UploadFile {
        UploadFile::from_bytes(bytes)
    }
}

impl From<&'static [u8]> for UploadFile {
    fn from(bytes: &'static [u8]) -> UploadFile {
        UploadFile::from_bytes(bytes)
    }
}

impl From<PathBuf> for UploadFile {
    fn from(path: PathBuf) -> UploadFile {
        UploadFile::from_path(path)
    }
}

impl From<&Path> for UploadFile {
    fn from(path: &Path) -> UploadFile {
        UploadFile::from_path(path)
    }
}

#[cfg(test)]
mod size_tests {
    use super::*;
    use futures_util::StreamExt;

    /// The bytes of a 10-byte file read as if it had been `announced` bytes when opened.
    async fn send(announced: u64) -> Vec<std::io::Result<Bytes>> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, b"0123456789").unwrap();
        let file = tokio::fs::File::open(&path).await.unwrap();
        exact_length(ReaderStream::new(file), announced, "f".into())
            .collect()
            .await
    }

    fn changed(items: &[std::io::Result<Bytes>]) -> Option<String> {
        let err = items.last()?.as_ref().err()?;
        let changed = err.get_ref()?.downcast_ref::<SizeChanged>()?;
        Some(changed.0.clone())
    }

    #[tokio::test]
    async fn a_file_that_grew_or_shrank_fails_instead_of_sending_a_broken_body() {
        let same = send(10).await;
        assert!(same.iter().all(Result::is_ok));
        assert_eq!(
            same.iter()
                .map(|c| c.as_ref().unwrap().len())
                .sum::<usize>(),
            10
        );
        assert!(changed(&send(4).await).is_some_and(|m| m.contains("grew")));
        assert!(changed(&send(20).await).is_some_and(|m| m.contains("shrank")));
    }
}
