//! The core's copy of the credential rule (what errors never show) says what the
//! generator's does (what `Debug` never shows): both are held to the decisions in
//! `codegen/tests/credentials.txt`, made for every secret-looking name of the shared specs.

use misskey_client::__private::is_credential_name;

#[test]
fn the_cores_rule_says_what_the_list_decided() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/codegen/tests/credentials.txt"
    ))
    .unwrap();
    let mut checked = 0;
    for line in text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let (kind, name) = line.split_once(' ').unwrap();
        assert_eq!(is_credential_name(name), kind == "credential", "{line}");
        checked += 1;
    }
    assert!(checked > 100, "{checked}");
}

use misskey_client::{decode_response_value, endpoints, Client};
use serde_json::{json, Value};

const JSON: &[(&str, &str)] = &[("content-type", "application/json")];
const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/corpus/misskeyio-2025.4.1"
);

fn captured(file: &str) -> Value {
    let text = std::fs::read_to_string(format!("{CORPUS}/{file}")).expect("../shared/corpus");
    serde_json::from_str::<Value>(&text).unwrap()["response"].clone()
}

/// The secrets an instance's settings hold, by the names the server gives them.
const SETTINGS: &[(&str, &str)] = &[
    ("smtpPass", "SMTP-PASS-1"),
    ("swPrivateKey", "SW-PRIVATE-2"),
    ("deeplAuthKey", "DEEPL-KEY-3"),
    ("verifymailAuthKey", "VERIFYMAIL-KEY-4"),
    ("truemailAuthKey", "TRUEMAIL-KEY-5"),
    ("hcaptchaSecretKey", "HCAPTCHA-SECRET-6"),
    ("objectStorageSecretKey", "STORAGE-SECRET-7"),
];

#[cfg(feature = "admin")]
#[test]
fn an_instances_secrets_never_show_in_debug() {
    let mut meta = captured("admin__meta.json");
    for (name, value) in SETTINGS {
        meta[*name] = Value::from(*value);
    }
    let decoded: endpoints::admin::meta::Response = serde_json::from_value(meta).unwrap();
    assert_eq!(decoded.smtp_pass.as_deref(), Some("SMTP-PASS-1"));
    let shown = format!("{decoded:?}");
    assert!(shown.contains("smtp_pass"), "{shown}");
    for (name, value) in SETTINGS {
        assert!(!shown.contains(value), "{name} shows in {shown}");
    }
    // And the builder that sets them.
    let client = Client::new("https://misskey.example").unwrap();
    let builder = client
        .admin_update_meta()
        .smtp_pass("SMTP-PASS-1")
        .sw_private_key("SW-PRIVATE-2")
        .deepl_auth_key("DEEPL-KEY-3");
    let shown = format!("{builder:?}");
    assert!(shown.contains("deepl_auth_key"), "{shown}");
    for value in ["SMTP-PASS-1", "SW-PRIVATE-2", "DEEPL-KEY-3"] {
        assert!(!shown.contains(value), "{shown}");
    }
}

#[test]
fn a_push_subscriptions_auth_secret_never_shows_in_debug() {
    let client = Client::new("https://misskey.example").unwrap();
    let builder = client
        .sw_register()
        .endpoint("https://push.example/abc")
        .auth("PUSH-AUTH-SECRET")
        .publickey("PUBLIC-KEY");
    let shown = format!("{builder:?}");
    assert!(!shown.contains("PUSH-AUTH-SECRET"), "{shown}");
    // A public key is not a secret.
    assert!(shown.contains("PUBLIC-KEY"), "{shown}");
}

#[test]
fn a_totp_secret_never_shows_in_debug_in_any_of_its_forms() {
    let answer: endpoints::i::_2fa::register::Response = serde_json::from_value(json!({
        "qr": "data:image/png;base64,QR-OF-THE-SECRET",
        "url": "otpauth://totp/Misskey:alice?secret=JBSWY3DPEHPK3PXP&issuer=Misskey",
        "secret": "JBSWY3DPEHPK3PXP",
        "label": "Misskey:alice",
        "issuer": "Misskey",
    }))
    .unwrap();
    let shown = format!("{answer:?}");
    assert!(!shown.contains("JBSWY3DPEHPK3PXP"), "{shown}");
    assert!(!shown.contains("QR-OF-THE-SECRET"), "{shown}");
    assert!(shown.contains("Misskey:alice"), "{shown}");
}

#[test]
fn secrets_in_an_errors_info_and_excerpt_are_masked_by_the_same_rule() {
    let body = json!({"error": {"message": "bad", "code": "INVALID_PARAM", "id": "x", "kind": "client",
        "info": {"param": "smtpPass", "smtpPass": "SMTP-PASS-1", "swPrivateKey": "SW-PRIVATE-2",
            "nested": [{"deeplAuthKey": "DEEPL-KEY-3"}],
            "link": "otpauth://totp/a?secret=TOTPSECRET1"}}});
    let err = decode_response_value(
        "admin/update-meta",
        400,
        JSON,
        &serde_json::to_vec(&body).unwrap(),
    )
    .unwrap_err();
    let shown = format!("{err} {err:?}");
    for value in ["SMTP-PASS-1", "SW-PRIVATE-2", "DEEPL-KEY-3", "TOTPSECRET1"] {
        assert!(!shown.contains(value), "{value} in {shown}");
    }
    // The name of the parameter, not a secret, is still there to read.
    assert_eq!(
        err.api_error().unwrap().info.as_ref().unwrap()["param"],
        "smtpPass"
    );

    // A success body that does not decode: its excerpt is masked too.
    let answer = br#"{"qr": 1, "url": "otpauth://totp/a?secret=TOTPSECRET2", "secret": "TOTPSECRET3", "smtpPass": "SMTP-PASS-4", "label": "l", "issuer": "i"}"#;
    let err =
        misskey_client::decode_response::<endpoints::i::_2fa::register::Request>(200, JSON, answer)
            .unwrap_err();
    let shown = format!("{err} {err:?}");
    for value in ["TOTPSECRET2", "TOTPSECRET3", "SMTP-PASS-4"] {
        assert!(!shown.contains(value), "{value} in {shown}");
    }
}
