//! Names for the string formats the spec uses.

/// A Misskey object id (`format: misskey:id`), such as a note's or a user's id.
pub type Id = String;

/// A timestamp as the server sends it (`format: date-time`), in RFC 3339:
/// `2024-01-01T00:00:00.000Z`.
pub type DateTime = String;
