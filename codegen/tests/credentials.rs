//! The one credential rule (`names::is_credential`), held to the decisions in
//! `credentials.txt`, and that list held to the shared specs: a name in any of them that
//! looks like it could hold a secret must be listed, so a new spec's new secret is decided
//! by a person, not missed. The core's copy of the rule is tested against the same list
//! (`tests/credentials.rs` of misskey-client).

use std::collections::BTreeSet;
use std::path::Path;

use misskey_codegen::names::is_credential;
use serde_json::Value;

/// `(name, is a credential)` from `credentials.txt`.
fn decisions() -> Vec<(String, bool)> {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/credentials.txt"),
    )
    .unwrap();
    text.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let (kind, name) = l
                .split_once(' ')
                .expect("`credential NAME` or `plain NAME`");
            assert!(matches!(kind, "credential" | "plain"), "{l}");
            (name.to_owned(), kind == "credential")
        })
        .collect()
}

#[test]
fn the_rule_says_what_the_list_decided() {
    let decisions = decisions();
    assert!(decisions.len() > 100, "{}", decisions.len());
    let wrong: Vec<_> = decisions
        .iter()
        .filter(|(name, credential)| is_credential(name) != *credential)
        .collect();
    assert!(
        wrong.is_empty(),
        "the rule disagrees with credentials.txt on {wrong:?}"
    );
    // The secrets the last audit found printed in clear are among them.
    for name in [
        "smtpPass",
        "swPrivateKey",
        "deeplAuthKey",
        "verifymailAuthKey",
        "truemailAuthKey",
        "auth",
        "qr",
        "backupCodes",
    ] {
        assert!(is_credential(name), "{name}");
    }
    for name in [
        "tokenId",
        "publicKey",
        "swPublicKey",
        "hcaptchaSiteKey",
        "key",
        "code",
    ] {
        assert!(!is_credential(name), "{name}");
    }
}

/// Whether a name looks like it could hold a secret: what a person must have looked at.
fn looks_secret(name: &str) -> bool {
    const FRAGMENTS: &[&str] = &[
        "pass", "secret", "key", "token", "auth", "private", "otp", "salt", "hash", "cookie",
        "session", "cred", "bearer", "seed", "qr", "code", "api", "sign",
    ];
    let lower = name.to_ascii_lowercase();
    name == "i" || FRAGMENTS.iter().any(|f| lower.contains(f))
}

fn names_in(value: &Value, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::Object(properties)) = map.get("properties") {
                out.extend(properties.keys().cloned());
            }
            if let (Some(Value::String(name)), Some(Value::String(_))) =
                (map.get("name"), map.get("in"))
            {
                out.insert(name.clone());
            }
            map.values().for_each(|v| names_in(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| names_in(v, out)),
        _ => {}
    }
}

#[test]
fn every_secret_looking_name_of_the_shared_specs_is_decided() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/specs");
    let mut names = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).expect("../shared/specs beside the repository") {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let spec: Value =
                serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            names_in(&spec, &mut names);
            // Path parameters: `{session}` in `miauth/{session}/check`.
            for path in spec["paths"].as_object().into_iter().flat_map(|p| p.keys()) {
                for segment in path.split('/') {
                    if let Some(param) = segment.strip_prefix('{').and_then(|s| s.strip_suffix('}'))
                    {
                        names.insert(param.to_owned());
                    }
                }
            }
        }
    }
    assert!(names.len() > 1000, "{}", names.len());
    let decided: BTreeSet<String> = decisions().into_iter().map(|(n, _)| n).collect();
    let undecided: Vec<&String> = names
        .iter()
        .filter(|n| looks_secret(n) && !decided.contains(*n))
        .collect();
    assert!(
        undecided.is_empty(),
        "names that look like secrets and are not in tests/credentials.txt: {undecided:?}; \
         decide each (and fix the rule if it is wrong)"
    );
}
