//! The generator writes `Deserialize` for structs instead of deriving it (issue 11: compile
//! time). Here a generated model is decoded beside a copy of it with serde's derive, from
//! every kind of input a deserializer hands over, edge cases included: both must accept and
//! refuse the same JSON, with the same values and the same error messages and paths.
//!
//! Uses `models::UserLiteBadgeRolesItem` of the misskey.io spec (the README's test command):
//! a required string, a required nullable string, a number servers also send as a string,
//! and an optional string.

use misskey_client::models::UserLiteBadgeRolesItem;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// What serde's derive makes of the same struct, with the attributes the generator gave it
/// before it wrote the impls itself.
mod derived {
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)] // read through `Debug`
    pub struct UserLiteBadgeRolesItem {
        pub name: String,
        #[serde(rename = "iconUrl")]
        pub icon_url: Option<String>,
        #[serde(
            rename = "displayOrder",
            deserialize_with = "misskey_client::__private::number"
        )]
        pub display_order: f64,
        #[serde(default)]
        pub behavior: Option<String>,
    }
}

const INPUTS: &[&str] = &[
    // Everything, in and out of order, with fields the type does not know.
    r#"{"name": "mod", "iconUrl": "https://x/i.png", "displayOrder": 2, "behavior": "x"}"#,
    r#"{"behavior": null, "displayOrder": 1.5, "extra": {"a": [1, 2]}, "iconUrl": null, "name": "b"}"#,
    // A number sent as a string, a bad one, and a key spelled with an escape.
    r#"{"name": "a", "iconUrl": null, "displayOrder": "7"}"#,
    r#"{"name": "a", "iconUrl": null, "displayOrder": "seven"}"#,
    r#"{"na\u006de": "a", "iconUrl": null, "displayOrder": 0}"#,
    // Absent: an optional field, a required nullable one (None, as serde's derive reads
    // it), a required one, a required number.
    r#"{"name": "a", "iconUrl": null, "displayOrder": 0}"#,
    r#"{"name": "a", "displayOrder": 0}"#,
    r#"{"iconUrl": null, "displayOrder": 0}"#,
    r#"{"name": "a", "iconUrl": null}"#,
    // Null where a value must be, a field sent twice, wrong types inside and outside.
    r#"{"name": null, "iconUrl": null, "displayOrder": 0}"#,
    r#"{"name": "a", "name": "b", "iconUrl": null, "displayOrder": 0}"#,
    r#"{"name": 5, "iconUrl": null, "displayOrder": 0}"#,
    r#"{"name": "a", "iconUrl": [], "displayOrder": 0}"#,
    r#""a string""#,
    r#"null"#,
    r#"{}"#,
];

/// Decodes `text` as `T` every way the client and its users do, as `Debug` text or the
/// error's message.
fn decode_all_ways<T: DeserializeOwned + std::fmt::Debug>(text: &str) -> Vec<String> {
    fn shown<T: std::fmt::Debug, E: std::fmt::Display>(result: Result<T, E>) -> String {
        match result {
            Ok(value) => format!("ok: {value:?}"),
            Err(err) => format!("error: {err}"),
        }
    }
    let mut out = vec![
        shown(serde_json::from_str::<T>(text)),
        shown(serde_json::from_slice::<T>(text.as_bytes())),
        shown(serde_path_to_error::deserialize::<_, T>(
            &mut serde_json::Deserializer::from_str(text),
        )),
    ];
    // From a `Value`, owned (keys arrive as `String`s) and borrowed.
    if let Ok(value) = serde_json::from_str::<Value>(text) {
        out.push(shown(T::deserialize(&value)));
        out.push(shown(serde_json::from_value::<T>(value)));
    }
    out
}

#[test]
fn written_impls_decode_exactly_as_serde_derive_does() {
    // The one deliberate difference: a missing field's error names the model too.
    const MODEL: &str = " of `UserLiteBadgeRolesItem`";
    let mut named = 0;
    for input in INPUTS {
        let ours = decode_all_ways::<UserLiteBadgeRolesItem>(input);
        named += ours.iter().filter(|s| s.contains(MODEL)).count();
        let ours: Vec<String> = ours.iter().map(|s| s.replace(MODEL, "")).collect();
        let derived = decode_all_ways::<derived::UserLiteBadgeRolesItem>(input);
        assert_eq!(ours, derived, "input: {input}");
    }
    assert!(named > 0, "no missing-field error named its model");
    // The cases the test is about did come up: a success, each kind of error.
    let all: Vec<String> = INPUTS
        .iter()
        .flat_map(|i| decode_all_ways::<UserLiteBadgeRolesItem>(i))
        .collect();
    for expected in [
        "display_order: 7.0",
        "missing field `name`",
        "missing field `displayOrder`",
        "duplicate field `name`",
        "expected struct UserLiteBadgeRolesItem",
        "name: \"a\", icon_url: None",
    ] {
        assert!(
            all.iter().any(|s| s.contains(expected)),
            "{expected}: {all:#?}"
        );
    }
}

#[test]
fn errors_keep_their_path_inside_nested_written_impls() {
    // A note whose user's badge role is broken: the path reaches into three written impls.
    let text = r#"{"id": "u", "name": null, "username": "a", "host": null, "avatarUrl": null,
        "avatarBlurhash": null, "avatarDecorations": [], "isBot": false, "isCat": false,
        "emojis": {}, "onlineStatus": "online",
        "badgeRoles": [{"name": "m", "iconUrl": null, "displayOrder": "high"}]}"#;
    let err = serde_path_to_error::deserialize::<_, misskey_client::models::UserLite>(
        &mut serde_json::Deserializer::from_str(text),
    )
    .unwrap_err();
    assert_eq!(err.path().to_string(), "badgeRoles[0].displayOrder");
    assert!(err
        .inner()
        .to_string()
        .contains("a number, or a string holding one"));
}

#[test]
fn a_json_array_is_not_read_as_a_struct() {
    // serde's derive also reads a struct from an array of its fields in order; no server
    // sends that, and the written impls leave it out. This is the one difference.
    let text = r#"["a", null, 1, null]"#;
    assert!(serde_json::from_str::<derived::UserLiteBadgeRolesItem>(text).is_ok());
    let err = serde_json::from_str::<UserLiteBadgeRolesItem>(text).unwrap_err();
    assert!(
        err.to_string()
            .contains("invalid type: sequence, expected struct UserLiteBadgeRolesItem"),
        "{err}"
    );
}
