//! Where servers and their own specs disagree, and the server is right.
//!
//! A spec is generated from the server's TypeScript types, and marks a property `required`
//! whenever its type is not optional. At run time the value can still be `undefined`, which
//! JSON leaves out: values copied from settings or role policies that an administrator never
//! saved, fields a packer fills only for some callers or some kinds of object, objects sent
//! as stored rather than packed, data stored before a field existed. A client that trusts
//! the spec then fails to decode a real answer. Each row below names such a place, why the
//! server leaves it out, and where that is seen in the server's code (repository, file,
//! line, version), so that the table can shrink when upstream fixes its spec.
//!
//! The table is applied to the spec's JSON before it is parsed, so it reaches any place: a
//! component's properties, nested inline objects, array items, union branches, and an
//! endpoint's inline answer. A place a component's row reaches through a `$ref` is the
//! referenced component's own: every place that uses that component gets the relaxed field
//! (an answer's row stays in the answer's inline schema). A row that matches
//! nothing in a spec (an older or newer server) is not an error; `misskey-codegen summary`
//! lists it, so that rows upstream has fixed can be found and removed.

use serde_json::Value;

use crate::normalize::pointer;

/// Where a row's path starts.
#[derive(Debug, Clone, Copy)]
enum Root {
    /// A component schema, by its name in `components.schemas`.
    Component(&'static str),
    /// An endpoint's answer (its `200` JSON schema), by the endpoint's name.
    Answer(&'static str),
}

/// A property the spec declares required, which servers leave out of some answers.
struct NotAlwaysSent {
    root: Root,
    /// From the root to the property: property names, `[]` for an array's items, and
    /// `type=value` for the branch of a union whose `type` property is `value`.
    path: &'static [&'static str],
    /// Why the server leaves it out.
    why: &'static str,
    /// Where the server's code shows it: `repository file:line (version)`.
    evidence: &'static [&'static str],
}

/// The rows, grouped by the reason that explains them.
const NOT_ALWAYS_SENT: &[NotAlwaysSent] = &[
    // Rule 1: values copied from `meta.policies`, a `Record<string, any>` column that holds
    // only the policies an administrator saved (default `{}`). Every other reader of it
    // merges the defaults in first; these two copy the raw value.
    NotAlwaysSent {
        root: Root::Component("MetaDetailedOnly"),
        path: &["features", "localTimeline"],
        why: "copied from the base role's saved policies, which hold only what an administrator saved",
        evidence: &[
            "MisskeyIO/misskey packages/backend/src/core/entities/MetaEntityService.ts:167 (2025.4.1-mhq.13)",
            "MisskeyIO/misskey packages/backend/src/core/entities/MetaEntityService.ts:161 (upstream 2025.2.1)",
            "MisskeyIO/misskey packages/backend/src/models/Meta.ts:566 (2025.4.1-mhq.13)",
            "xiaocongyu66/Sharkey-dev packages/backend/src/core/entities/MetaEntityService.ts:179 (2025.5.2-dev)",
            "lqvp/misskey-tempura packages/backend/src/core/entities/MetaEntityService.ts:199 (2025.9.0)",
        ],
    },
    NotAlwaysSent {
        root: Root::Component("MetaDetailedOnly"),
        path: &["features", "globalTimeline"],
        why: "copied from the base role's saved policies, which hold only what an administrator saved",
        evidence: &[
            "MisskeyIO/misskey packages/backend/src/core/entities/MetaEntityService.ts:168 (2025.4.1-mhq.13)",
            "MisskeyIO/misskey packages/backend/src/core/entities/MetaEntityService.ts:162 (upstream 2025.2.1)",
            "xiaocongyu66/Sharkey-dev packages/backend/src/core/entities/MetaEntityService.ts:180 (2025.5.2-dev)",
            "lqvp/misskey-tempura packages/backend/src/core/entities/MetaEntityService.ts:200 (2025.9.0)",
        ],
    },
    // Rule 2: the inline `meta` answer of Misskey 13 and 2023. Its `features` lost the
    // timeline flags when roles arrived (13.0) while the schema kept them, until 2024.2; and
    // the fields only `detail: true` adds are required in its single schema.
    NotAlwaysSent {
        root: Root::Answer("meta"),
        path: &["features", "localTimeline"],
        why: "the 2023 server's `meta` never sets it (it moved to role policies in 13.0)",
        evidence: &["MisskeyIO/misskey packages/backend/src/server/api/endpoints/meta.ts:405 (upstream 2023.12.2)"],
    },
    NotAlwaysSent {
        root: Root::Answer("meta"),
        path: &["features", "globalTimeline"],
        why: "the 2023 server's `meta` never sets it (it moved to role policies in 13.0)",
        evidence: &["MisskeyIO/misskey packages/backend/src/server/api/endpoints/meta.ts:405 (upstream 2023.12.2)"],
    },
    NotAlwaysSent {
        root: Root::Answer("meta"),
        path: &["features", "localTimeLine"],
        why: "the 13.x server's `meta` never sets it (it moved to role policies in 13.0)",
        evidence: &["MisskeyIO/misskey packages/backend/src/server/api/endpoints/meta.ts:329 (upstream 13.11.3)"],
    },
    NotAlwaysSent {
        root: Root::Answer("meta"),
        path: &["features", "globalTimeLine"],
        why: "the 13.x server's `meta` never sets it (it moved to role policies in 13.0)",
        evidence: &["MisskeyIO/misskey packages/backend/src/server/api/endpoints/meta.ts:329 (upstream 13.11.3)"],
    },
    NotAlwaysSent {
        root: Root::Answer("meta"),
        path: &["cacheRemoteFiles"],
        why: "sent only when the request asks for `detail` (the default)",
        evidence: &[
            "MisskeyIO/misskey packages/backend/src/server/api/endpoints/meta.ts:393 (upstream 2023.12.2)",
            "MisskeyIO/misskey packages/backend/src/server/api/endpoints/meta.ts:318 (upstream 13.11.3)",
        ],
    },
    NotAlwaysSent {
        root: Root::Answer("meta"),
        path: &["cacheRemoteSensitiveFiles"],
        why: "sent only when the request asks for `detail` (the default)",
        evidence: &["MisskeyIO/misskey packages/backend/src/server/api/endpoints/meta.ts:394 (upstream 2023.12.2)"],
    },
    NotAlwaysSent {
        root: Root::Answer("meta"),
        path: &["requireSetup"],
        why: "sent only when the request asks for `detail` (the default)",
        evidence: &[
            "MisskeyIO/misskey packages/backend/src/server/api/endpoints/meta.ts:395 (upstream 2023.12.2)",
            "MisskeyIO/misskey packages/backend/src/server/api/endpoints/meta.ts:319 (upstream 13.11.3)",
        ],
    },
    NotAlwaysSent {
        root: Root::Answer("meta"),
        path: &["proxyAccountName"],
        why: "sent only when the request asks for `detail` (the default)",
        evidence: &[
            "MisskeyIO/misskey packages/backend/src/server/api/endpoints/meta.ts:404 (upstream 2023.12.2)",
            "MisskeyIO/misskey packages/backend/src/server/api/endpoints/meta.ts:328 (upstream 13.11.3)",
        ],
    },
    // Rule 3: a user's unread announcements are the stored rows, not packed announcements
    // (upstream 2023.12 to 2025.2, Sharkey, tempura, CherryPick): what the packer computes
    // is not there. The items are `Announcement`s, so the component's fields are relaxed.
    NotAlwaysSent {
        root: Root::Component("MeDetailedOnly"),
        path: &["unreadAnnouncements", "[]", "forYou"],
        why: "a user's unread announcements are sent as stored, without what the packer adds",
        evidence: &[
            "MisskeyIO/misskey packages/backend/src/core/entities/UserEntityService.ts:471 (upstream 2025.2.1)",
            "MisskeyIO/misskey packages/backend/src/core/AnnouncementService.ts:45 (upstream 2025.2.1)",
            "MisskeyIO/misskey packages/backend/src/core/entities/UserEntityService.ts:347 (upstream 2023.12.2)",
            "xiaocongyu66/Sharkey-dev packages/backend/src/core/entities/UserEntityService.ts:387 (2025.5.2-dev)",
            "lqvp/misskey-tempura packages/backend/src/core/entities/UserEntityService.ts:518 (2025.9.0)",
            "kokonect-link/cherrypick packages/backend/src/core/entities/UserEntityService.ts:481 (4.17.0)",
        ],
    },
    NotAlwaysSent {
        root: Root::Component("MeDetailedOnly"),
        path: &["unreadAnnouncements", "[]", "forYourRoles"],
        why: "a user's unread announcements are sent as stored, without what the packer adds",
        evidence: &[
            "lqvp/misskey-tempura packages/backend/src/core/entities/UserEntityService.ts:518 (2025.9.0)",
            "lqvp/misskey-tempura packages/backend/src/core/entities/AnnouncementEntityService.ts:68 (2025.9.0)",
        ],
    },
    NotAlwaysSent {
        root: Root::Component("MeDetailedOnly"),
        path: &["unreadAnnouncements", "[]", "roleNames"],
        why: "a user's unread announcements are sent as stored, without what the packer adds",
        evidence: &[
            "lqvp/misskey-tempura packages/backend/src/core/entities/UserEntityService.ts:518 (2025.9.0)",
            "lqvp/misskey-tempura packages/backend/src/core/entities/AnnouncementEntityService.ts:72 (2025.9.0)",
        ],
    },
    // Rule 4: notifications stored without a notifier. The packer adds `user` and `userId`
    // only when the stored notification has a `notifierId`.
    NotAlwaysSent {
        root: Root::Component("Notification"),
        path: &["type=pollEnded", "user"],
        why: "a poll's end has no acting user",
        evidence: &[
            "MisskeyIO/misskey packages/backend/src/queue/processors/EndedPollNotificationProcessorService.ts:54 (2025.4.1-mhq.13)",
            "MisskeyIO/misskey packages/backend/src/core/entities/NotificationEntityService.ts:178 (2025.4.1-mhq.13)",
        ],
    },
    NotAlwaysSent {
        root: Root::Component("Notification"),
        path: &["type=pollEnded", "userId"],
        why: "a poll's end has no acting user",
        evidence: &[
            "MisskeyIO/misskey packages/backend/src/queue/processors/EndedPollNotificationProcessorService.ts:54 (2025.4.1-mhq.13)",
            "MisskeyIO/misskey packages/backend/src/core/entities/NotificationEntityService.ts:177 (2025.4.1-mhq.13)",
        ],
    },
    NotAlwaysSent {
        root: Root::Component("Notification"),
        path: &["type=scheduledNotePosted", "user"],
        why: "a scheduled note's posting has no acting user",
        evidence: &[
            "xiaocongyu66/Sharkey-dev packages/backend/src/queue/processors/ScheduleNotePostProcessorService.ts:142 (2025.5.2-dev)",
            "lqvp/misskey-tempura packages/backend/src/queue/processors/ScheduleNotePostProcessorService.ts:125 (2025.9.0)",
        ],
    },
    NotAlwaysSent {
        root: Root::Component("Notification"),
        path: &["type=scheduledNotePosted", "userId"],
        why: "a scheduled note's posting has no acting user",
        evidence: &[
            "xiaocongyu66/Sharkey-dev packages/backend/src/queue/processors/ScheduleNotePostProcessorService.ts:142 (2025.5.2-dev)",
            "lqvp/misskey-tempura packages/backend/src/core/entities/NotificationEntityService.ts:183 (2025.9.0)",
        ],
    },
    // Rule 5: notifications stored before a field existed (kept in Redis, up to the
    // per-user maximum) are sent without it.
    NotAlwaysSent {
        root: Root::Component("Notification"),
        path: &["type=followRequestAccepted", "message"],
        why: "notifications stored before September 2024 have no message",
        evidence: &[
            "MisskeyIO/misskey packages/backend/src/core/entities/NotificationEntityService.ts:191 (2025.4.1-mhq.13)",
            "MisskeyIO/misskey packages/backend/src/core/UserFollowingService.ts:288 (2025.4.1-mhq.13)",
        ],
    },
    NotAlwaysSent {
        root: Root::Component("Notification"),
        path: &["type=login", "ip"],
        why: "login notifications stored before the server kept the address have none",
        evidence: &[
            "lqvp/misskey-tempura packages/backend/src/core/entities/NotificationEntityService.ts:212 (2025.9.0)",
            "lqvp/misskey-tempura packages/backend/src/server/api/SigninService.ts:44 (2025.9.0)",
        ],
    },
    // Rule 6: a library's object passed through as the answer: @simplewebauthn's
    // registration options never set these.
    NotAlwaysSent {
        root: Root::Answer("i/2fa/register-key"),
        path: &["extensions", "appid"],
        why: "the WebAuthn library's options are sent as they are, and it never sets this",
        evidence: &[
            "MisskeyIO/misskey packages/backend/src/core/WebAuthnService.ts:77 (2025.4.1-mhq.13)",
            "MasterKale/SimpleWebAuthn packages/server/src/registration/generateRegistrationOptions.ts:210 (v12.0.0)",
        ],
    },
    NotAlwaysSent {
        root: Root::Answer("i/2fa/register-key"),
        path: &["extensions", "hmacCreateSecret"],
        why: "the WebAuthn library's options are sent as they are, and it never sets this",
        evidence: &[
            "MisskeyIO/misskey packages/backend/src/core/WebAuthnService.ts:77 (2025.4.1-mhq.13)",
            "MasterKale/SimpleWebAuthn packages/server/src/registration/generateRegistrationOptions.ts:210 (v12.0.0)",
        ],
    },
    NotAlwaysSent {
        root: Root::Answer("i/2fa/register-key"),
        path: &["authenticatorSelection", "authenticatorAttachment"],
        why: "the WebAuthn library's options are sent as they are, and it never sets this",
        evidence: &[
            "MisskeyIO/misskey packages/backend/src/core/WebAuthnService.ts:87 (2025.4.1-mhq.13)",
            "MasterKale/SimpleWebAuthn packages/server/src/registration/generateRegistrationOptions.ts:155 (v12.0.0)",
        ],
    },
    NotAlwaysSent {
        root: Root::Answer("i/2fa/register-key"),
        path: &["excludeCredentials", "[]", "transports"],
        why: "keys registered without transport information are sent without it",
        evidence: &[
            "MisskeyIO/misskey packages/backend/src/core/WebAuthnService.ts:85 (2025.4.1-mhq.13)",
            "MisskeyIO/misskey packages/backend/src/models/UserSecurityKey.ts:67 (2025.4.1-mhq.13)",
        ],
    },
    // Rule 7: a fork's schema and code that drifted apart (tempura).
    NotAlwaysSent {
        root: Root::Component("UserLite"),
        path: &["approved"],
        why: "tempura sends it only to moderators, in the detailed form",
        evidence: &[
            "lqvp/misskey-tempura packages/backend/src/models/json-schema/user.ts:67 (2025.9.0)",
            "lqvp/misskey-tempura packages/backend/src/core/entities/UserEntityService.ts:637 (2025.9.0)",
        ],
    },
    NotAlwaysSent {
        root: Root::Component("UserDetailedNotMeOnly"),
        path: &["ListenBrainz"],
        why: "tempura's schema says `ListenBrainz`, its packer sends `listenbrainz`",
        evidence: &[
            "lqvp/misskey-tempura packages/backend/src/models/json-schema/user.ts:286 (2025.9.0)",
            "lqvp/misskey-tempura packages/backend/src/core/entities/UserEntityService.ts:592 (2025.9.0)",
        ],
    },
    NotAlwaysSent {
        root: Root::Component("Notification"),
        path: &["type=note:grouped", "note"],
        why: "tempura sends grouped note notifications with `noteIds` only",
        evidence: &[
            "lqvp/misskey-tempura packages/backend/src/core/entities/NotificationEntityService.ts:152 (2025.9.0)",
            "lqvp/misskey-tempura packages/backend/src/models/json-schema/notification.ts:597 (2025.9.0)",
        ],
    },
];

/// What the table did to one spec.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    /// Each place made optional.
    pub relaxed: Vec<Relaxed>,
    /// The rows that matched nothing in this spec, as `root: path`.
    pub unmatched: Vec<String>,
}

impl Report {
    /// The reports of several merged specs as one: every place any of them relaxed, and the
    /// rows none of them has.
    pub fn of_merge(reports: Vec<Report>) -> Report {
        let mut merged = Report::default();
        let count = reports.len();
        let mut unmatched: Vec<(String, usize)> = Vec::new();
        for report in reports {
            for relaxed in report.relaxed {
                if !merged.relaxed.contains(&relaxed) {
                    merged.relaxed.push(relaxed);
                }
            }
            for row in report.unmatched {
                match unmatched.iter_mut().find(|(r, _)| *r == row) {
                    Some((_, n)) => *n += 1,
                    None => unmatched.push((row, 1)),
                }
            }
        }
        merged.unmatched = unmatched
            .into_iter()
            .filter(|(_, n)| *n == count)
            .map(|(row, _)| row)
            .collect();
        merged
    }
}

/// A property made optional, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relaxed {
    /// The object schema's JSON pointer and the property: `/components/schemas/X: name`.
    pub place: String,
    /// Why servers leave it out.
    pub why: &'static str,
    /// Where the servers' code shows it.
    pub evidence: &'static [&'static str],
}

/// Applies the table to a normalized spec: each row's property is no longer required
/// where the row reaches it.
pub fn apply(spec: &mut Value) -> Report {
    let mut report = Report::default();
    for row in NOT_ALWAYS_SENT {
        let Some((property, steps)) = row.path.split_last() else {
            continue;
        };
        // An answer's row is about its inline schema: a component it names has rows of its
        // own, and an older spec's inline answer may be a newer one's component.
        let follow_refs = matches!(row.root, Root::Component(_));
        let mut places = starts(spec, row.root);
        for step in steps {
            places = places
                .iter()
                .flat_map(|place| step_into(spec, place, step, follow_refs))
                .collect();
            places.sort();
            places.dedup();
        }
        for place in &places {
            for object in parts(spec, place, follow_refs) {
                let Some(required) = spec
                    .pointer_mut(&object)
                    .and_then(|o| o.get_mut("required"))
                    .and_then(Value::as_array_mut)
                else {
                    continue;
                };
                let before = required.len();
                required.retain(|r| r.as_str() != Some(property));
                if required.len() < before {
                    report.relaxed.push(Relaxed {
                        place: format!("{object}: {property}"),
                        why: row.why,
                        evidence: row.evidence,
                    });
                }
            }
        }
        // A row that reaches its place finds the property there, required or not.
        let found = places.iter().any(|place| {
            parts(spec, place, follow_refs).iter().any(|object| {
                spec.pointer(&format!("{object}/properties/{}", escape(property)))
                    .is_some()
            })
        });
        if !found {
            report.unmatched.push(row.label());
        }
    }
    report
}

impl NotAlwaysSent {
    /// `MetaDetailedOnly: features.localTimeline`, `meta answer: features.localTimeline`.
    fn label(&self) -> String {
        let root = match self.root {
            Root::Component(name) => name.to_owned(),
            Root::Answer(endpoint) => format!("{endpoint} answer"),
        };
        format!("{root}: {}", self.path.join("."))
    }
}

fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

/// The schemas a row starts from.
fn starts(spec: &Value, root: Root) -> Vec<String> {
    let candidates = match root {
        Root::Component(name) => vec![pointer(&["components", "schemas", name])],
        Root::Answer(endpoint) => ["post", "get"]
            .iter()
            .map(|method| {
                pointer(&[
                    "paths",
                    &format!("/{endpoint}"),
                    method,
                    "responses",
                    "200",
                    "content",
                    "application/json",
                    "schema",
                ])
            })
            .collect(),
    };
    candidates
        .into_iter()
        .filter(|p| spec.pointer(p).is_some())
        .collect()
}

/// Where one step of a row's path leads from the schema at `place`.
fn step_into(spec: &Value, place: &str, step: &str, follow_refs: bool) -> Vec<String> {
    let mut next = Vec::new();
    for object in parts(spec, place, follow_refs) {
        let Some(schema) = spec.pointer(&object) else {
            continue;
        };
        if let Some(tag) = step.strip_prefix("type=") {
            for union in ["oneOf", "anyOf"] {
                let branches = schema.get(union).and_then(Value::as_array);
                for i in 0..branches.map_or(0, Vec::len) {
                    let branch = format!("{object}/{union}/{i}");
                    let made_of = parts(spec, &branch, follow_refs);
                    if made_of.iter().any(|b| has_tag(spec, b, tag)) {
                        next.push(branch);
                    }
                }
            }
        } else if step == "[]" {
            if schema.get("items").is_some() {
                next.push(format!("{object}/items"));
            }
        } else if schema.get("properties").and_then(|p| p.get(step)).is_some() {
            next.push(format!("{object}/properties/{}", escape(step)));
        }
    }
    next
}

/// Whether the schema at `object` has a `type` property that is the string `tag`.
fn has_tag(spec: &Value, object: &str, tag: &str) -> bool {
    let Some(property) = spec.pointer(&format!("{object}/properties/type")) else {
        return false;
    };
    let listed = property
        .get("enum")
        .and_then(Value::as_array)
        .is_some_and(|values| values.iter().any(|v| v.as_str() == Some(tag)));
    listed || property.get("const").and_then(Value::as_str) == Some(tag)
}

/// The schema at `place` and the schemas it is made of: its `allOf` parts, the branches of
/// a `oneOf`/`anyOf` (a nullable reference is one), and what its `$ref` names if
/// `follow_refs`, each followed in turn.
fn parts(spec: &Value, place: &str, follow_refs: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut todo = vec![place.to_owned()];
    while let Some(at) = todo.pop() {
        if out.contains(&at) {
            continue;
        }
        let Some(schema) = spec.pointer(&at) else {
            continue;
        };
        if let Some(target) = schema
            .get("$ref")
            .and_then(Value::as_str)
            .filter(|_| follow_refs)
        {
            if let Some(local) = target.strip_prefix('#') {
                todo.push(local.to_owned());
            }
        }
        for key in ["allOf", "oneOf", "anyOf"] {
            let count = schema
                .get(key)
                .and_then(Value::as_array)
                .map_or(0, Vec::len);
            todo.extend((0..count).map(|i| format!("{at}/{key}/{i}")));
        }
        out.push(at);
    }
    out
}

#[cfg(test)]
mod tests {
    use serde_json::{json, Value};

    use super::apply;

    fn object(properties: Value, required: &[&str]) -> Value {
        json!({"type": "object", "properties": properties, "required": required})
    }

    fn required_at<'a>(spec: &'a Value, pointer: &str) -> Vec<&'a str> {
        spec.pointer(pointer)
            .and_then(|o| o.get("required"))
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default()
    }

    /// A spec with a place for each kind of step a row takes: a nested inline object, an
    /// array of references, union branches, and an endpoint's inline answer.
    fn spec() -> Value {
        let flag = json!({"type": "boolean"});
        json!({
            "openapi": "3.0.3",
            "info": {"title": "t", "version": "1"},
            "paths": {
                "/meta": {"post": {"responses": {"200": {"content": {"application/json": {
                    "schema": object(json!({
                        "requireSetup": flag,
                        "features": object(json!({"localTimeline": flag, "miauth": flag}), &["localTimeline", "miauth"]),
                    }), &["requireSetup", "features"]),
                }}}}}},
            },
            "components": {"schemas": {
                "MetaDetailedOnly": object(json!({
                    "features": object(json!({"localTimeline": flag, "globalTimeline": flag, "miauth": flag}),
                        &["localTimeline", "globalTimeline", "miauth"]),
                }), &["features"]),
                "Announcement": object(json!({"id": {"type": "string"}, "forYou": flag}), &["id", "forYou"]),
                "MeDetailedOnly": object(json!({
                    "unreadAnnouncements": {"type": "array", "items": {"$ref": "#/components/schemas/Announcement"}},
                }), &["unreadAnnouncements"]),
                "Notification": {"type": "object", "oneOf": [
                    object(json!({"type": {"type": "string", "enum": ["follow"]}, "userId": {"type": "string"}}), &["type", "userId"]),
                    object(json!({"type": {"type": "string", "enum": ["pollEnded"]}, "userId": {"type": "string"}}), &["type", "userId"]),
                ]},
            }},
        })
    }

    #[test]
    fn rows_reach_nested_objects_items_through_refs_union_branches_and_answers() {
        let mut spec = spec();
        let report = apply(&mut spec);
        let features = "/components/schemas/MetaDetailedOnly/properties/features";
        assert_eq!(required_at(&spec, features), ["miauth"]);
        assert_eq!(
            required_at(&spec, "/components/schemas/Announcement"),
            ["id"]
        );
        assert_eq!(
            required_at(&spec, "/components/schemas/Notification/oneOf/1"),
            ["type"]
        );
        // The other branch keeps its `userId`: it has an acting user.
        assert_eq!(
            required_at(&spec, "/components/schemas/Notification/oneOf/0"),
            ["type", "userId"]
        );
        let answer = "/paths/~1meta/post/responses/200/content/application~1json/schema";
        assert_eq!(required_at(&spec, answer), ["features"]);
        assert_eq!(
            required_at(&spec, &format!("{answer}/properties/features")),
            ["miauth"]
        );
        let places: Vec<&str> = report.relaxed.iter().map(|r| r.place.as_str()).collect();
        assert!(
            places.contains(&format!("{features}: localTimeline").as_str()),
            "{places:?}"
        );
        assert!(
            places.contains(&"/components/schemas/Announcement: forYou"),
            "{places:?}"
        );
        assert!(report
            .relaxed
            .iter()
            .all(|r| !r.why.is_empty() && !r.evidence.is_empty()));
    }

    #[test]
    fn rows_a_spec_does_not_have_are_reported_not_errors() {
        let mut spec = spec();
        let report = apply(&mut spec);
        // This spec has no `i/2fa/register-key`, no `UserLite`, no `scheduledNotePosted`.
        for row in [
            "i/2fa/register-key answer: extensions.appid",
            "UserLite: approved",
            "Notification: type=scheduledNotePosted.user",
        ] {
            assert!(
                report.unmatched.contains(&row.to_owned()),
                "{row}: {report:?}"
            );
        }
        // A row whose place exists is not reported, whether it changed anything or not.
        assert!(!report
            .unmatched
            .iter()
            .any(|r| r.starts_with("MetaDetailedOnly")));
        let mut again = spec.clone();
        let second = apply(&mut again);
        assert!(second.relaxed.is_empty(), "{second:?}");
        assert_eq!(second.unmatched, report.unmatched);
        assert_eq!(again, spec);
    }

    #[test]
    fn every_shared_spec_has_the_rows_the_audit_found_in_it() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/specs");
        // (spec, row) pairs the audit read in the servers' code; each must reach its place.
        let expected = [
            (
                "misskeyio-2025.4.1-mhq.13.json",
                "MetaDetailedOnly: features.localTimeline",
            ),
            (
                "misskey-2025.2.1.json",
                "MeDetailedOnly: unreadAnnouncements.[].forYou",
            ),
            (
                "sharkey-2025.2.2.json",
                "MeDetailedOnly: unreadAnnouncements.[].forYou",
            ),
            (
                "sharkey-2025.2.2.json",
                "Notification: type=scheduledNotePosted.userId",
            ),
            (
                "misskey-2023.12.2.json",
                "meta answer: features.localTimeline",
            ),
            (
                "misskey-13.11.3.json",
                "meta answer: features.localTimeLine",
            ),
            ("tempura-2025.9.0.json", "UserLite: approved"),
            (
                "misskey-2024.10.1.json",
                "i/2fa/register-key answer: excludeCredentials.[].transports",
            ),
        ];
        for (file, row) in expected {
            let text = std::fs::read_to_string(dir.join(file)).expect("../shared/specs");
            let mut spec: Value = serde_json::from_str(&text).unwrap();
            crate::normalize::normalize(&mut spec, &mut crate::Warnings::default()).unwrap();
            let report = apply(&mut spec);
            assert!(!report.unmatched.contains(&row.to_owned()), "{file}: {row}");
            assert!(!report.relaxed.is_empty(), "{file}");
        }
    }
}
