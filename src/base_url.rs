//! The one rule for what a user calls the server's address, shared by calls and streaming.

use url::Url;

/// Turns what a user calls the server's address into its root URL, ending in `/`; `Err`
/// says why it cannot be used.
///
/// Accepts `https://host`, `http://127.0.0.1:3000`, a bare `host` (https), with or without
/// a trailing `/` or `/api`.
pub(crate) fn root(input: &str) -> Result<Url, String> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err("it is empty".into());
    }
    let with_scheme = if trimmed.contains("://") {
        trimmed.to_owned()
    } else {
        format!("https://{trimmed}")
    };
    let mut url = Url::parse(&with_scheme).map_err(|e| e.to_string())?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err("the scheme must be http or https".into());
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err("it has no host".into());
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err("credentials in the URL are not supported".into());
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err("it must not have a query or fragment".into());
    }
    let mut path = url.path().trim_end_matches('/').to_owned();
    if let Some(stripped) = path.strip_suffix("/api") {
        path = stripped.to_owned();
    }
    path.push('/');
    url.set_path(&path);
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::root;

    #[test]
    fn base_urls() {
        for (input, want) in [
            ("https://misskey.example", "https://misskey.example/"),
            ("https://misskey.example/", "https://misskey.example/"),
            ("https://misskey.example/api", "https://misskey.example/"),
            ("https://misskey.example/api/", "https://misskey.example/"),
            ("misskey.example", "https://misskey.example/"),
            ("misskey.example/api/", "https://misskey.example/"),
            ("http://127.0.0.1:3000", "http://127.0.0.1:3000/"),
            ("http://127.0.0.1:3000/api", "http://127.0.0.1:3000/"),
            ("https://host.example/sub/", "https://host.example/sub/"),
            (" https://HOST.example ", "https://host.example/"),
        ] {
            assert_eq!(root(input).unwrap().as_str(), want, "{input}");
        }
        for bad in [
            "",
            "   ",
            "ftp://host",
            "https://",
            "https://exa mple.com",
            "https://u:p@host",
            "https://host/?q=1",
        ] {
            assert!(root(bad).is_err(), "{bad:?} should be rejected");
        }
    }
}
