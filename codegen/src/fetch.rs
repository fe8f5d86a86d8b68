//! `misskey-codegen fetch`: downloads a server's `/api.json`, checks that the generator can
//! use it, and only then replaces the spec file, atomically.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::{analyze, summary::cli_options};

/// Redirects followed (same host only) before giving up.
const MAX_REDIRECTS: usize = 5;
/// Real specs are 1–2 MB; anything far larger is not a spec.
const MAX_BODY: u64 = 64 << 20;

/// How to fetch.
#[derive(Debug, Clone)]
pub struct FetchOptions {
    /// Overall time limit of each request (connect, send, receive).
    pub timeout: Duration,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            timeout: Duration::from_secs(30),
        }
    }
}

/// What was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The URL the spec finally came from.
    pub url: String,
    /// The spec's `info.title`.
    pub title: String,
    /// The spec's `info.version`: the server's version.
    pub version: String,
    /// Paths in the spec.
    pub paths: usize,
    /// Size of the file written.
    pub bytes: usize,
    /// How many things the generator had to assume (`summary` lists them).
    pub warnings: usize,
}

impl Fetched {
    /// The one-line report.
    pub fn line(&self, output: &Path) -> String {
        let mut line = format!(
            "wrote {} ({} {}, {} paths, {} bytes) from {}",
            output.display(),
            self.title,
            self.version,
            self.paths,
            self.bytes,
            self.url
        );
        if self.warnings > 0 {
            line.push_str(&format!(
                "; the generator made {} assumptions about it, listed by `misskey-codegen summary {}`",
                self.warnings,
                output.display()
            ));
        }
        line
    }
}

/// Why nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// The URL argument is not something to fetch from.
    #[error("invalid URL {input:?}: {reason}")]
    Url {
        /// As given.
        input: String,
        /// What is wrong with it.
        reason: String,
    },
    /// Connecting, sending or receiving failed.
    #[error("request to {url} failed: {message}")]
    Http {
        /// The URL requested.
        url: String,
        /// The cause.
        message: String,
    },
    /// The server did not answer 200.
    #[error("{url} answered HTTP {status}{reason}, not 200")]
    Status {
        /// The URL requested.
        url: String,
        /// The status code.
        status: u16,
        /// ` Not Found` and the like, or empty.
        reason: String,
    },
    /// A redirect the fetcher will not follow.
    #[error("{url} redirects to {location}: {reason}")]
    Redirect {
        /// The URL requested.
        url: String,
        /// Where it points.
        location: String,
        /// Why it is not followed.
        reason: String,
    },
    /// The body is not a spec the generator can use.
    #[error("{url} did not return a usable spec: {reason}")]
    Invalid {
        /// The URL requested.
        url: String,
        /// What is wrong with the body.
        reason: String,
    },
    /// The file could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The output file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
}

/// A URL split into what the fetcher needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// `http` or `https`.
    pub scheme: String,
    /// `host` or `host:port`, lowercase.
    pub authority: String,
    /// Starts with `/`.
    pub path: String,
}

impl Target {
    /// The URL as a string.
    pub fn url(&self) -> String {
        format!("{}://{}{}", self.scheme, self.authority, self.path)
    }

    /// The host without the port.
    pub fn host(&self) -> &str {
        // `[::1]:3000`: the port follows the bracket.
        if let Some(end) = self.authority.find(']') {
            return &self.authority[..=end];
        }
        self.authority
            .rsplit_once(':')
            .map_or(self.authority.as_str(), |(h, _)| h)
    }

    fn parse(url: &str) -> Option<Target> {
        let (scheme, rest) = url.split_once("://")?;
        let scheme = scheme.to_ascii_lowercase();
        if scheme != "http" && scheme != "https" {
            return None;
        }
        let (authority, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, "/"),
        };
        // Userinfo would be sent along; nothing here needs it.
        if authority.is_empty() || authority.contains('@') {
            return None;
        }
        Some(Target {
            scheme,
            authority: authority.to_ascii_lowercase(),
            path: path.to_owned(),
        })
    }
}

/// The spec URL for what the user typed: `misskey.io`, `https://misskey.io/`,
/// `https://misskey.io/api.json` and `http://127.0.0.1:3000` all work; a bare host means
/// `https`.
pub fn spec_url(input: &str) -> Result<Target, FetchError> {
    let bad = |reason: &str| FetchError::Url {
        input: input.to_owned(),
        reason: reason.to_owned(),
    };
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(bad("empty"));
    }
    if trimmed.contains(['?', '#']) || trimmed.contains(char::is_whitespace) {
        return Err(bad(
            "expected a server address without query, fragment or spaces",
        ));
    }
    let with_scheme = match trimmed.split_once("://") {
        Some((scheme, _))
            if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") =>
        {
            return Err(bad("only http:// and https:// are supported"));
        }
        Some(_) => trimmed.to_owned(),
        None => format!("https://{trimmed}"),
    };
    let mut target = Target::parse(&with_scheme)
        .ok_or_else(|| bad("expected [http[s]://]host[:port][/path]"))?;
    let base = target.path.trim_end_matches('/');
    let base = base
        .strip_suffix("/api.json")
        .unwrap_or(base)
        .trim_end_matches('/');
    target.path = format!("{base}/api.json");
    Ok(target)
}

/// Where a redirect from `from` points, if it may be followed: the same host, and never
/// from `https` down to `http`.
pub fn redirect_target(from: &Target, location: &str) -> Result<Target, String> {
    let to = if location.contains("://") {
        Target::parse(location).ok_or("not an http(s) URL")?
    } else if location.starts_with("//") {
        Target::parse(&format!("{}:{location}", from.scheme)).ok_or("not a valid URL")?
    } else if location.starts_with('/') {
        Target {
            path: location.to_owned(),
            ..from.clone()
        }
    } else {
        // Relative to the current path's directory.
        let dir = from.path.rsplit_once('/').map_or("", |(d, _)| d);
        Target {
            path: format!("{dir}/{location}"),
            ..from.clone()
        }
    };
    if to.host() != from.host() {
        return Err(format!(
            "another host ({}); fetch that URL directly if it is right",
            to.host()
        ));
    }
    if from.scheme == "https" && to.scheme == "http" {
        return Err("a downgrade from https to http".into());
    }
    Ok(to)
}

/// GETs the spec, following same-host redirects: the final URL and the body.
pub fn download(target: &Target, options: &FetchOptions) -> Result<(Target, String), FetchError> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(options.timeout))
        .user_agent(concat!("misskey-codegen/", env!("CARGO_PKG_VERSION")))
        .http_status_as_error(false)
        // Redirects are followed by hand, to check where they point.
        .max_redirects(0)
        .build()
        .into();
    let mut current = target.clone();
    for _ in 0..=MAX_REDIRECTS {
        let url = current.url();
        let mut response = agent
            .get(&url)
            .header("Accept", "application/json")
            .call()
            .map_err(|e| FetchError::Http {
                url: url.clone(),
                message: e.to_string(),
            })?;
        let status = response.status();
        if status.is_redirection() {
            let location = response
                .headers()
                .get("location")
                .and_then(|l| l.to_str().ok())
                .unwrap_or_default()
                .to_owned();
            current =
                redirect_target(&current, &location).map_err(|reason| FetchError::Redirect {
                    url: url.clone(),
                    location: location.clone(),
                    reason,
                })?;
            continue;
        }
        if status.as_u16() != 200 {
            return Err(FetchError::Status {
                url,
                status: status.as_u16(),
                reason: status
                    .canonical_reason()
                    .map(|r| format!(" {r}"))
                    .unwrap_or_default(),
            });
        }
        let body = response
            .body_mut()
            .with_config()
            .limit(MAX_BODY)
            .read_to_string()
            .map_err(|e| FetchError::Http {
                url: url.clone(),
                message: format!("reading the body: {e}"),
            })?;
        return Ok((current, body));
    }
    Err(FetchError::Redirect {
        url: target.url(),
        location: current.url(),
        reason: format!("more than {MAX_REDIRECTS} redirects"),
    })
}

/// Checks a downloaded body the way a build would use it: JSON, OpenAPI 3.0/3.1, and
/// something the generator turns into code. Returns `(title, version, paths, warnings)`.
pub fn validate(body: &str) -> Result<(String, String, usize, usize), String> {
    let start = body.trim_start();
    if start.starts_with('<') {
        return Err("the body is HTML, not JSON (is this the address of a Misskey server?)".into());
    }
    if start.is_empty() {
        return Err("the body is empty".into());
    }
    // The generator's stages that can refuse a spec, as a build runs them (printing the
    // analyzed spec cannot fail).
    let api = analyze(body, &cli_options()).map_err(|e| e.to_string())?;
    Ok((api.title, api.version, api.spec_paths, api.warnings.len()))
}

/// Replaces `path` with `contents` so that readers see the old file or the new one, never a
/// part: a temporary file in the same directory (same file system), synced, then renamed.
pub fn write_atomically(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_owned(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir)?;
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file path"))?
        .to_string_lossy()
        .into_owned();
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    let temp = dir.join(format!(".{name}.{}-{nanos}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)?;
        file.write_all(contents)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&temp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// `fetch URL -o OUTPUT`: download, validate, write. On any error the output is untouched.
pub fn fetch(input: &str, output: &Path, options: &FetchOptions) -> Result<Fetched, FetchError> {
    let target = spec_url(input)?;
    let (final_target, body) = download(&target, options)?;
    let url = final_target.url();
    let (title, version, paths, warnings) =
        validate(&body).map_err(|reason| FetchError::Invalid {
            url: url.clone(),
            reason,
        })?;
    write_atomically(output, body.as_bytes()).map_err(|source| FetchError::Write {
        path: output.display().to_string(),
        source,
    })?;
    Ok(Fetched {
        url,
        title,
        version,
        paths,
        bytes: body.len(),
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(input: &str) -> String {
        spec_url(input).unwrap().url()
    }

    #[test]
    fn spec_url_accepts_the_usual_forms() {
        assert_eq!(url("misskey.io"), "https://misskey.io/api.json");
        assert_eq!(url("misskey.io/"), "https://misskey.io/api.json");
        assert_eq!(url("https://misskey.io"), "https://misskey.io/api.json");
        assert_eq!(url("https://Misskey.IO/"), "https://misskey.io/api.json");
        assert_eq!(
            url("https://misskey.io/api.json"),
            "https://misskey.io/api.json"
        );
        assert_eq!(url("misskey.io/api.json"), "https://misskey.io/api.json");
        assert_eq!(
            url("http://127.0.0.1:3000"),
            "http://127.0.0.1:3000/api.json"
        );
        assert_eq!(
            url("http://127.0.0.1:3000/"),
            "http://127.0.0.1:3000/api.json"
        );
        assert_eq!(
            url("HTTP://127.0.0.1:3000/api.json"),
            "http://127.0.0.1:3000/api.json"
        );
        // A server under a path prefix.
        assert_eq!(
            url("https://example.com/misskey/"),
            "https://example.com/misskey/api.json"
        );
    }

    #[test]
    fn spec_url_rejects_what_it_cannot_fetch() {
        for bad in [
            "",
            "  ",
            "ftp://misskey.io",
            "https://",
            "https://u:p@misskey.io",
            "misskey.io/?x=1",
            "a b",
        ] {
            assert!(spec_url(bad).is_err(), "{bad:?} accepted");
        }
        let err = spec_url("ftp://misskey.io").unwrap_err().to_string();
        assert!(err.contains("http:// and https://"), "{err}");
    }

    #[test]
    fn redirects_stay_on_the_host() {
        let from = spec_url("http://127.0.0.1:3000").unwrap();
        assert_eq!(
            redirect_target(&from, "/v2/api.json").unwrap().url(),
            "http://127.0.0.1:3000/v2/api.json"
        );
        assert_eq!(
            redirect_target(&from, "spec.json").unwrap().url(),
            "http://127.0.0.1:3000/spec.json"
        );
        // http → https on the same host is an upgrade, allowed.
        assert_eq!(
            redirect_target(&from, "https://127.0.0.1/api.json")
                .unwrap()
                .url(),
            "https://127.0.0.1/api.json"
        );
        assert!(redirect_target(&from, "http://evil.example/api.json")
            .unwrap_err()
            .contains("another host"));
        assert!(redirect_target(&from, "//evil.example/api.json").is_err());
        let https = spec_url("misskey.io").unwrap();
        assert!(redirect_target(&https, "http://misskey.io/api.json")
            .unwrap_err()
            .contains("downgrade"));
        let v6 = Target::parse("http://[::1]:3000/api.json").unwrap();
        assert_eq!(v6.host(), "[::1]");
    }

    #[test]
    fn validate_explains_bad_bodies() {
        assert!(validate("<!DOCTYPE html><html></html>")
            .unwrap_err()
            .contains("HTML"));
        assert!(validate("").unwrap_err().contains("empty"));
        assert!(validate("{\"error\": ")
            .unwrap_err()
            .contains("not valid JSON"));
        let err = validate(r#"{"openapi": "2.0", "paths": {}}"#).unwrap_err();
        assert!(err.contains("/openapi"), "{err}");
        let ok = r#"{"openapi": "3.1.0", "info": {"title": "T", "version": "9.9.9"},
            "paths": {"/ping": {"post": {"responses": {"200": {"description": "OK", "content": {"application/json":
            {"schema": {"type": "object"}}}}}}}}}"#;
        assert_eq!(validate(ok).unwrap(), ("T".into(), "9.9.9".into(), 1, 0));
    }

    #[test]
    fn write_atomically_replaces_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("spec").join("api.json");
        write_atomically(&path, b"one").unwrap();
        write_atomically(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["api.json"]);
        // A directory in the way: an error, and no temporary file left behind.
        let blocked = dir.path().join("blocked");
        std::fs::create_dir_all(blocked.join("inner")).unwrap();
        assert!(write_atomically(&blocked, b"x").is_err());
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }
}
