//! The channels the crate knows, as types for [`Streaming::channel`](super::Streaming::channel),
//! with their parameters.
//!
//! ```no_run
//! # async fn run(stream: misskey_client::streaming::Streaming) -> misskey_client::Result<()> {
//! use misskey_client::streaming::channels::{HybridTimeline, TimelineParams};
//! let social = stream
//!     .channel::<HybridTimeline>(TimelineParams::new().with_replies(true))
//!     .await?;
//! # drop(social); Ok(()) }
//! ```

use serde::Serialize;

use super::events::{
    AdminEvent, ChannelEvent, ChatEvent, DriveEvent, MainEvent, QueueStatsEvent, ReversiEvent,
    ServerStatsEvent, TimelineEvent,
};

/// A streaming channel: its server-side name, its parameters and its events.
pub trait ChannelKind {
    /// The name the server knows it by (`"homeTimeline"`).
    const NAME: &'static str;
    /// What `connect` sends as `params` (`()` for none).
    type Params: Serialize;
    /// What it emits.
    type Event: ChannelEvent;
}

macro_rules! channel {
    ($(#[$doc:meta])* $ty:ident, $name:literal, $params:ty, $event:ty) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy)]
        pub struct $ty;
        impl ChannelKind for $ty {
            const NAME: &'static str = $name;
            type Params = $params;
            type Event = $event;
        }
    };
}

channel!(
    /// `main`: the account's notifications, mentions, follows and profile changes.
    Main, "main", (), MainEvent
);
channel!(
    /// `homeTimeline`: notes of followed users.
    HomeTimeline, "homeTimeline", TimelineParams, TimelineEvent
);
channel!(
    /// `localTimeline`: notes of this server's users.
    LocalTimeline, "localTimeline", TimelineParams, TimelineEvent
);
channel!(
    /// `hybridTimeline` (the "social" timeline): home plus local.
    HybridTimeline, "hybridTimeline", TimelineParams, TimelineEvent
);
channel!(
    /// `globalTimeline`: every public note the server knows.
    GlobalTimeline, "globalTimeline", TimelineParams, TimelineEvent
);
channel!(
    /// `userList`: notes of a list's members.
    UserList, "userList", UserListParams, TimelineEvent
);
channel!(
    /// `hashtag`: notes with hashtags.
    Hashtag, "hashtag", HashtagParams, TimelineEvent
);
channel!(
    /// `roleTimeline`: notes of a role's members.
    RoleTimeline, "roleTimeline", RoleTimelineParams, TimelineEvent
);
channel!(
    /// `antenna`: notes an antenna caught.
    Antenna, "antenna", AntennaParams, TimelineEvent
);
channel!(
    /// `channel`: notes posted in a Misskey channel.
    ChannelTimeline, "channel", ChannelTimelineParams, TimelineEvent
);
channel!(
    /// `drive`: the account's drive files and folders.
    Drive, "drive", (), DriveEvent
);
channel!(
    /// `admin`: moderation events (moderators only).
    Admin, "admin", (), AdminEvent
);
channel!(
    /// `serverStats`: CPU, memory, network and disk samples.
    ServerStats, "serverStats", (), ServerStatsEvent
);
channel!(
    /// `queueStats`: job queue samples.
    QueueStats, "queueStats", (), QueueStatsEvent
);
channel!(
    /// `chatUser`: a one-to-one chat.
    ChatUser, "chatUser", ChatUserParams, ChatEvent
);
channel!(
    /// `chatRoom`: a chat room.
    ChatRoom, "chatRoom", ChatRoomParams, ChatEvent
);
channel!(
    /// `reversi`: reversi matchmaking.
    Reversi, "reversi", (), ReversiEvent
);

/// Parameters of the note timelines (`homeTimeline`, `localTimeline`, `hybridTimeline`,
/// `globalTimeline`). Unset fields are left out, so the server's defaults apply.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct TimelineParams {
    /// Include renotes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub with_renotes: Option<bool>,
    /// Include replies to others (local and hybrid timelines).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub with_replies: Option<bool>,
    /// Only notes with files.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub with_files: Option<bool>,
    /// Ask the server to send public and home notes as ids only
    /// ([`TimelineEvent::MinimalNote`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minimize: Option<bool>,
}

impl TimelineParams {
    /// No parameters: the server's defaults.
    pub fn new() -> TimelineParams {
        TimelineParams::default()
    }
    /// Sets `withRenotes`.
    pub fn with_renotes(mut self, yes: bool) -> Self {
        self.with_renotes = Some(yes);
        self
    }
    /// Sets `withReplies`.
    pub fn with_replies(mut self, yes: bool) -> Self {
        self.with_replies = Some(yes);
        self
    }
    /// Sets `withFiles`.
    pub fn with_files(mut self, yes: bool) -> Self {
        self.with_files = Some(yes);
        self
    }
    /// Sets `minimize`.
    pub fn minimize(mut self, yes: bool) -> Self {
        self.minimize = Some(yes);
        self
    }
}

/// Parameters of `userList`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UserListParams {
    /// The list.
    pub list_id: String,
    /// Only notes with files.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub with_files: Option<bool>,
    /// Include renotes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub with_renotes: Option<bool>,
}

impl UserListParams {
    /// The list `list_id`, with the server's defaults.
    pub fn new(list_id: impl Into<String>) -> Self {
        UserListParams {
            list_id: list_id.into(),
            with_files: None,
            with_renotes: None,
        }
    }
    /// Sets `withFiles`.
    pub fn with_files(mut self, yes: bool) -> Self {
        self.with_files = Some(yes);
        self
    }
    /// Sets `withRenotes`.
    pub fn with_renotes(mut self, yes: bool) -> Self {
        self.with_renotes = Some(yes);
        self
    }
}

/// Parameters of `hashtag`: `q` is an OR of ANDs, `[["a", "b"], ["c"]]` = (a and b) or c.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct HashtagParams {
    /// The query, tags without `#`.
    pub q: Vec<Vec<String>>,
}

impl HashtagParams {
    /// Notes with any of `tags`.
    pub fn any<I: IntoIterator<Item = S>, S: Into<String>>(tags: I) -> Self {
        HashtagParams {
            q: tags.into_iter().map(|t| vec![t.into()]).collect(),
        }
    }
    /// A query as the server takes it.
    pub fn query(q: Vec<Vec<String>>) -> Self {
        HashtagParams { q }
    }
}

macro_rules! id_params {
    ($(#[$doc:meta])* $ty:ident, $field:ident, $json:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Serialize)]
        #[non_exhaustive]
        pub struct $ty {
            #[doc = concat!("`", $json, "`.")]
            #[serde(rename = $json)]
            pub $field: String,
        }
        impl $ty {
            #[doc = concat!("Parameters with this `", $json, "`.")]
            pub fn new(id: impl Into<String>) -> Self {
                $ty { $field: id.into() }
            }
        }
    };
}

id_params!(
    /// Parameters of `roleTimeline`.
    RoleTimelineParams, role_id, "roleId"
);
id_params!(
    /// Parameters of `antenna`.
    AntennaParams, antenna_id, "antennaId"
);
id_params!(
    /// Parameters of `channel`.
    ChannelTimelineParams, channel_id, "channelId"
);
id_params!(
    /// Parameters of `chatUser`.
    ChatUserParams, other_id, "otherId"
);
id_params!(
    /// Parameters of `chatRoom`.
    ChatRoomParams, room_id, "roomId"
);
