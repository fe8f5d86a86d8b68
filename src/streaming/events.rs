//! Typed events: one enum per channel, the note updates and the broadcasts.
//!
//! Every enum decodes from the event's `type` and `body` and never fails: an event type the
//! crate does not know, or a known one whose body does not match, becomes
//! [`RawEvent`] (`Unknown(..)`), so a server that adds events never ends a stream. A body
//! that fails to decode also logs a `tracing` warning and keeps the error text in
//! [`RawEvent::error`].
//!
//! Payloads are the generated [`models`] where the server sends one of the
//! spec's schemas; shapes that exist only in the streaming protocol are defined here.
//! Models are boxed: they are large, and events travel through queues.

use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;

use super::models;

/// An event kept as JSON: its type is unknown to the crate, or its body did not decode.
#[derive(Debug, Clone)]
pub struct RawEvent {
    /// The event's `type`.
    pub event_type: String,
    /// The event's `body` (`Null` when it had none).
    pub body: Value,
    /// Why a known event type fell back to JSON (the decode error); `None` when the type is
    /// simply unknown to the crate.
    pub error: Option<String>,
}

impl RawEvent {
    pub(crate) fn unknown(event_type: &str, body: Value) -> RawEvent {
        RawEvent {
            event_type: event_type.to_owned(),
            body,
            error: None,
        }
    }
}

/// How a channel's events are decoded; implemented by every event enum of this module.
///
/// The implementations are `#[inline]`: decoding the models an event carries is compiled in
/// the crates that read that channel, not in every crate that depends on this one.
pub trait ChannelEvent: Sized + Send + 'static {
    /// Decodes one event; never fails (see the [module docs](self)).
    fn decode(event_type: &str, body: Value) -> Self;

    /// The JSON fallback, when this event is one.
    fn as_raw(&self) -> Option<&RawEvent>;
}

impl ChannelEvent for RawEvent {
    #[inline]
    fn decode(event_type: &str, body: Value) -> Self {
        RawEvent::unknown(event_type, body)
    }
    fn as_raw(&self) -> Option<&RawEvent> {
        Some(self)
    }
}

type Decoded<E> = Option<Result<E, serde_json::Error>>;

/// Decodes a body into `T` without consuming it, so a failure can still keep the JSON.
fn de<T: DeserializeOwned>(body: &Value) -> Result<T, serde_json::Error> {
    T::deserialize(body)
}

fn de_box<T: DeserializeOwned>(body: &Value) -> Result<Box<T>, serde_json::Error> {
    de(body).map(Box::new)
}

/// Turns the outcome of a per-type match into the event, falling back to [`RawEvent`].
fn finish<E>(
    what: &str,
    event_type: &str,
    body: Value,
    decoded: Decoded<E>,
    unknown: impl FnOnce(RawEvent) -> E,
) -> E {
    match decoded {
        Some(Ok(event)) => event,
        None => unknown(RawEvent::unknown(event_type, body)),
        Some(Err(err)) => {
            tracing::warn!(
                channel = what,
                event_type,
                error = %crate::error::without_values(&err.to_string()),
                "streaming event did not decode; passing it on as raw JSON"
            );
            unknown(RawEvent {
                event_type: event_type.to_owned(),
                body,
                error: Some(err.to_string()),
            })
        }
    }
}

macro_rules! raw_accessor {
    () => {
        fn as_raw(&self) -> Option<&RawEvent> {
            match self {
                Self::Unknown(raw) => Some(raw),
                _ => None,
            }
        }
    };
}

// ---------------------------------------------------------------------------------------
// main

/// An event of the `main` channel (the account's own feed).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum MainEvent {
    /// `notification`: a new notification.
    Notification(Box<models::Notification>),
    /// `unreadNotification`: a notification the account has not read yet.
    UnreadNotification(Box<models::Notification>),
    /// `readAllNotifications`: every notification was marked read.
    ReadAllNotifications,
    /// `notificationFlushed`: the notifications were deleted.
    NotificationFlushed,
    /// `mention`: a note mentions the account.
    Mention(Box<models::Note>),
    /// `reply`: a note replies to one of the account's notes.
    Reply(Box<models::Note>),
    /// `renote`: one of the account's notes was renoted.
    Renote(Box<models::Note>),
    /// `follow`: the account followed someone.
    Follow(Box<models::UserDetailedNotMe>),
    /// `followed`: someone followed the account (the server sends a lite user).
    Followed(Box<models::UserLite>),
    /// `unfollow`: the account unfollowed someone.
    Unfollow(Box<models::UserDetailedNotMe>),
    /// `receiveFollowRequest`: someone asked to follow the account.
    ReceiveFollowRequest(Box<models::UserLite>),
    /// `meUpdated`: the account's own profile changed.
    MeUpdated(Box<models::MeDetailed>),
    /// `driveFileCreated`: a file was added to the account's drive.
    DriveFileCreated(Box<models::DriveFile>),
    /// `urlUploadFinished`: an upload from a URL finished.
    UrlUploadFinished(UrlUploadFinished),
    /// `announcementCreated`: an announcement addressed to the account.
    AnnouncementCreated(AnnouncementCreated),
    /// `readAllAnnouncements`: every announcement was marked read.
    ReadAllAnnouncements,
    /// `signin`: a sign-in to the account.
    Signin(Box<models::Signin>),
    /// `registryUpdated`: a registry value changed.
    RegistryUpdated(RegistryUpdated),
    /// `pageEvent`: a Page of the account raised an event.
    PageEvent(PageEvent),
    /// `unreadAntenna`: an antenna has unread notes.
    UnreadAntenna(Box<models::Antenna>),
    /// `readAntenna`: an antenna was read.
    ReadAntenna(Box<models::Antenna>),
    /// `newChatMessage`: a chat message arrived.
    NewChatMessage(Box<models::ChatMessage>),
    /// `myTokenRegenerated`: the account's native token was regenerated.
    MyTokenRegenerated,
    /// Anything else (see [`RawEvent`]).
    Unknown(RawEvent),
}

impl ChannelEvent for MainEvent {
    #[inline]
    fn decode(event_type: &str, body: Value) -> Self {
        use MainEvent as E;
        let decoded: Decoded<Self> = match event_type {
            "notification" => Some(de_box(&body).map(E::Notification)),
            "unreadNotification" => Some(de_box(&body).map(E::UnreadNotification)),
            "readAllNotifications" => Some(Ok(E::ReadAllNotifications)),
            "notificationFlushed" => Some(Ok(E::NotificationFlushed)),
            "mention" => Some(de_box(&body).map(E::Mention)),
            "reply" => Some(de_box(&body).map(E::Reply)),
            "renote" => Some(de_box(&body).map(E::Renote)),
            "follow" => Some(de_box(&body).map(E::Follow)),
            "followed" => Some(de_box(&body).map(E::Followed)),
            "unfollow" => Some(de_box(&body).map(E::Unfollow)),
            "receiveFollowRequest" => Some(de_box(&body).map(E::ReceiveFollowRequest)),
            "meUpdated" => Some(de_box(&body).map(E::MeUpdated)),
            "driveFileCreated" => Some(de_box(&body).map(E::DriveFileCreated)),
            "urlUploadFinished" => Some(de(&body).map(E::UrlUploadFinished)),
            "announcementCreated" => Some(de(&body).map(E::AnnouncementCreated)),
            "readAllAnnouncements" => Some(Ok(E::ReadAllAnnouncements)),
            "signin" => Some(de_box(&body).map(E::Signin)),
            "registryUpdated" => Some(de(&body).map(E::RegistryUpdated)),
            "pageEvent" => Some(de(&body).map(E::PageEvent)),
            "unreadAntenna" => Some(de_box(&body).map(E::UnreadAntenna)),
            "readAntenna" => Some(de_box(&body).map(E::ReadAntenna)),
            "newChatMessage" => Some(de_box(&body).map(E::NewChatMessage)),
            "myTokenRegenerated" => Some(Ok(E::MyTokenRegenerated)),
            _ => None,
        };
        finish("main", event_type, body, decoded, E::Unknown)
    }
    raw_accessor!();
}

/// Body of `urlUploadFinished`.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct UrlUploadFinished {
    /// The marker given to `drive/files/upload-from-url`, if any.
    pub marker: Option<String>,
    /// The uploaded file.
    pub file: Box<models::DriveFile>,
}

/// Body of `announcementCreated` (on `main` and as a broadcast).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct AnnouncementCreated {
    /// The new announcement.
    pub announcement: Box<models::Announcement>,
}

/// Body of `registryUpdated`.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct RegistryUpdated {
    /// The registry scope, such as `["client", "base"]`.
    #[serde(default)]
    pub scope: Option<Vec<String>>,
    /// The key that changed.
    pub key: String,
    /// Its new value.
    #[serde(default)]
    pub value: Value,
}

/// Body of `pageEvent`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PageEvent {
    /// The page.
    pub page_id: String,
    /// The event the page raised.
    pub event: String,
    /// The value the page sent along.
    #[serde(default)]
    pub var: Value,
    /// Who raised it.
    pub user_id: String,
    /// Who raised it.
    pub user: Box<models::UserLite>,
}

// ---------------------------------------------------------------------------------------
// timelines

/// An event of a note timeline: `homeTimeline`, `localTimeline`, `hybridTimeline`,
/// `globalTimeline`, `userList`, `hashtag`, `roleTimeline`, `antenna`, `channel`.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum TimelineEvent {
    /// `note`: a note arrived.
    Note(Box<models::Note>),
    /// `note` on a channel connected with `minimize: true`: the server sends public and
    /// home notes as their id (and poll state) only, for a client that has or fetches the
    /// rest (`notes/show`).
    MinimalNote(MinimalNote),
    /// Anything else (see [`RawEvent`]).
    Unknown(RawEvent),
}

impl ChannelEvent for TimelineEvent {
    #[inline]
    fn decode(event_type: &str, body: Value) -> Self {
        let decoded = match event_type {
            // A full note always has `createdAt`; a minimized one never does.
            "note" if body.get("createdAt").is_none() && body.get("id").is_some() => {
                Some(de(&body).map(TimelineEvent::MinimalNote))
            }
            "note" => Some(de_box(&body).map(TimelineEvent::Note)),
            _ => None,
        };
        finish(
            "timeline",
            event_type,
            body,
            decoded,
            TimelineEvent::Unknown,
        )
    }
    raw_accessor!();
}

/// A note as a `minimize`d timeline sends it.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MinimalNote {
    /// The note.
    pub id: String,
    /// The account's own reaction, if any.
    #[serde(default)]
    pub my_reaction: Option<String>,
    /// The poll's current state, if the note has one.
    #[serde(default)]
    pub poll: Option<MinimalPoll>,
    /// The account's reaction to the note it replies to, if any.
    #[serde(default)]
    pub reply: Option<MinimalRef>,
    /// The account's reaction to the note it renotes, if any.
    #[serde(default)]
    pub renote: Option<MinimalRef>,
}

/// The poll state in a [`MinimalNote`].
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct MinimalPoll {
    /// The choices, in order.
    pub choices: Vec<PollChoice>,
}

/// One choice of a poll.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PollChoice {
    /// Its text.
    pub text: String,
    /// Votes so far.
    pub votes: i64,
    /// Whether the account voted for it.
    #[serde(default)]
    pub is_voted: bool,
}

/// A related note in a [`MinimalNote`].
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MinimalRef {
    /// The account's own reaction to it, if any.
    #[serde(default)]
    pub my_reaction: Option<String>,
}

// ---------------------------------------------------------------------------------------
// drive

/// An event of the `drive` channel.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum DriveEvent {
    /// `fileCreated`.
    FileCreated(Box<models::DriveFile>),
    /// `fileUpdated`.
    FileUpdated(Box<models::DriveFile>),
    /// `fileDeleted`: the id of the deleted file.
    FileDeleted(String),
    /// `folderCreated`.
    FolderCreated(Box<models::DriveFolder>),
    /// `folderUpdated`.
    FolderUpdated(Box<models::DriveFolder>),
    /// `folderDeleted`: the id of the deleted folder.
    FolderDeleted(String),
    /// Anything else (see [`RawEvent`]).
    Unknown(RawEvent),
}

impl ChannelEvent for DriveEvent {
    #[inline]
    fn decode(event_type: &str, body: Value) -> Self {
        use DriveEvent as E;
        let decoded = match event_type {
            "fileCreated" => Some(de_box(&body).map(E::FileCreated)),
            "fileUpdated" => Some(de_box(&body).map(E::FileUpdated)),
            "fileDeleted" => Some(de(&body).map(E::FileDeleted)),
            "folderCreated" => Some(de_box(&body).map(E::FolderCreated)),
            "folderUpdated" => Some(de_box(&body).map(E::FolderUpdated)),
            "folderDeleted" => Some(de(&body).map(E::FolderDeleted)),
            _ => None,
        };
        finish("drive", event_type, body, decoded, E::Unknown)
    }
    raw_accessor!();
}

// ---------------------------------------------------------------------------------------
// serverStats, queueStats

/// An event of the `serverStats` channel.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum ServerStatsEvent {
    /// `stats`: the latest sample (about every 2 s).
    Stats(ServerStats),
    /// `statsLog`: past samples, the answer to a `requestLog` message.
    StatsLog(Vec<ServerStats>),
    /// Anything else (see [`RawEvent`]).
    Unknown(RawEvent),
}

impl ChannelEvent for ServerStatsEvent {
    #[inline]
    fn decode(event_type: &str, body: Value) -> Self {
        let decoded = match event_type {
            "stats" => Some(de(&body).map(ServerStatsEvent::Stats)),
            "statsLog" => Some(de(&body).map(ServerStatsEvent::StatsLog)),
            _ => None,
        };
        finish(
            "serverStats",
            event_type,
            body,
            decoded,
            ServerStatsEvent::Unknown,
        )
    }
    raw_accessor!();
}

/// One sample of `serverStats`.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ServerStats {
    /// CPU usage, 0 to 1.
    pub cpu: f64,
    /// Memory in bytes.
    pub mem: ServerStatsMem,
    /// Network traffic since the previous sample, in bytes.
    pub net: ServerStatsNet,
    /// Disk traffic since the previous sample, in bytes.
    pub fs: ServerStatsFs,
}

/// Memory part of [`ServerStats`].
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ServerStatsMem {
    /// Used memory.
    pub used: f64,
    /// Active memory.
    pub active: f64,
}

/// Network part of [`ServerStats`].
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ServerStatsNet {
    /// Received.
    pub rx: f64,
    /// Sent.
    pub tx: f64,
}

/// Disk part of [`ServerStats`].
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ServerStatsFs {
    /// Read.
    pub r: f64,
    /// Written.
    pub w: f64,
}

/// An event of the `queueStats` channel.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum QueueStatsEvent {
    /// `stats`: the latest sample.
    Stats(QueueStats),
    /// `statsLog`: past samples, the answer to a `requestLog` message.
    StatsLog(Vec<QueueStats>),
    /// Anything else (see [`RawEvent`]).
    Unknown(RawEvent),
}

impl ChannelEvent for QueueStatsEvent {
    #[inline]
    fn decode(event_type: &str, body: Value) -> Self {
        let decoded = match event_type {
            "stats" => Some(de(&body).map(QueueStatsEvent::Stats)),
            "statsLog" => Some(de(&body).map(QueueStatsEvent::StatsLog)),
            _ => None,
        };
        finish(
            "queueStats",
            event_type,
            body,
            decoded,
            QueueStatsEvent::Unknown,
        )
    }
    raw_accessor!();
}

/// One sample of `queueStats`.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct QueueStats {
    /// The delivery queue.
    pub deliver: QueueCounts,
    /// The inbox queue.
    pub inbox: QueueCounts,
}

/// Job counts of one queue in [`QueueStats`].
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct QueueCounts {
    /// Jobs that became active since the previous sample.
    pub active_since_prev_tick: i64,
    /// Active jobs.
    pub active: i64,
    /// Waiting jobs.
    pub waiting: i64,
    /// Delayed jobs.
    pub delayed: i64,
}

// ---------------------------------------------------------------------------------------
// admin

/// An event of the `admin` channel.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum AdminEvent {
    /// `newAbuseUserReport`: a user was reported.
    NewAbuseUserReport(NewAbuseUserReport),
    /// Anything else (see [`RawEvent`]).
    Unknown(RawEvent),
}

impl ChannelEvent for AdminEvent {
    #[inline]
    fn decode(event_type: &str, body: Value) -> Self {
        let decoded = match event_type {
            "newAbuseUserReport" => Some(de(&body).map(AdminEvent::NewAbuseUserReport)),
            _ => None,
        };
        finish("admin", event_type, body, decoded, AdminEvent::Unknown)
    }
    raw_accessor!();
}

/// Body of `newAbuseUserReport`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct NewAbuseUserReport {
    /// The report.
    pub id: String,
    /// The reported user.
    pub target_user_id: String,
    /// The reporter.
    pub reporter_id: String,
    /// The reporter's comment.
    pub comment: String,
}

// ---------------------------------------------------------------------------------------
// chatUser, chatRoom

/// An event of the `chatUser` and `chatRoom` channels.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum ChatEvent {
    /// `message`: a new message.
    Message(Box<models::ChatMessageLite>),
    /// `deleted`: the id of a deleted message.
    Deleted(String),
    /// `react`: a reaction was added to a message.
    React(ChatReaction),
    /// `unreact`: a reaction was removed.
    Unreact(ChatReaction),
    /// Anything else (see [`RawEvent`]).
    Unknown(RawEvent),
}

impl ChannelEvent for ChatEvent {
    #[inline]
    fn decode(event_type: &str, body: Value) -> Self {
        let decoded = match event_type {
            "message" => Some(de_box(&body).map(ChatEvent::Message)),
            "deleted" => Some(de(&body).map(ChatEvent::Deleted)),
            "react" => Some(de(&body).map(ChatEvent::React)),
            "unreact" => Some(de(&body).map(ChatEvent::Unreact)),
            _ => None,
        };
        finish("chat", event_type, body, decoded, ChatEvent::Unknown)
    }
    raw_accessor!();
}

/// Body of the chat `react` and `unreact` events.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ChatReaction {
    /// The reaction.
    pub reaction: String,
    /// Who reacted, when the server says.
    #[serde(default)]
    pub user: Option<Box<models::UserLite>>,
    /// The message.
    pub message_id: String,
}

// ---------------------------------------------------------------------------------------
// reversi

/// An event of the `reversi` channel (matchmaking).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum ReversiEvent {
    /// `matched`: a game was matched.
    Matched(Box<models::ReversiGameDetailed>),
    /// `invited`: someone invited the account.
    Invited(Box<models::UserLite>),
    /// Anything else (see [`RawEvent`]).
    Unknown(RawEvent),
}

#[derive(Deserialize)]
struct GameBody {
    game: Box<models::ReversiGameDetailed>,
}

#[derive(Deserialize)]
struct UserBody {
    user: Box<models::UserLite>,
}

impl ChannelEvent for ReversiEvent {
    #[inline]
    fn decode(event_type: &str, body: Value) -> Self {
        let decoded = match event_type {
            "matched" => Some(de::<GameBody>(&body).map(|b| ReversiEvent::Matched(b.game))),
            "invited" => Some(de::<UserBody>(&body).map(|b| ReversiEvent::Invited(b.user))),
            _ => None,
        };
        finish("reversi", event_type, body, decoded, ReversiEvent::Unknown)
    }
    raw_accessor!();
}

// ---------------------------------------------------------------------------------------
// note updates

/// One update of a subscribed note (a `noteUpdated` message).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct NoteUpdate {
    /// The note it is about.
    pub note_id: String,
    /// What happened.
    pub event: NoteEvent,
}

/// What happened to a subscribed note.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum NoteEvent {
    /// `reacted`: someone reacted.
    Reacted(Reacted),
    /// `unreacted`: someone removed a reaction.
    Unreacted(Unreacted),
    /// `deleted`: the note was deleted.
    Deleted(Deleted),
    /// `pollVoted`: someone voted in the note's poll.
    PollVoted(PollVoted),
    /// `updated`: the note was edited.
    Updated(NoteEdited),
    /// Anything else (see [`RawEvent`]).
    Unknown(RawEvent),
}

impl ChannelEvent for NoteEvent {
    #[inline]
    fn decode(event_type: &str, body: Value) -> Self {
        use NoteEvent as E;
        let decoded = match event_type {
            "reacted" => Some(de(&body).map(E::Reacted)),
            "unreacted" => Some(de(&body).map(E::Unreacted)),
            "deleted" => Some(de(&body).map(E::Deleted)),
            "pollVoted" => Some(de(&body).map(E::PollVoted)),
            "updated" => Some(de(&body).map(E::Updated)),
            _ => None,
        };
        finish("noteUpdated", event_type, body, decoded, E::Unknown)
    }
    raw_accessor!();
}

/// Body of `reacted`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Reacted {
    /// The reaction: a unicode emoji or `:name@host:`.
    pub reaction: String,
    /// The custom emoji used, if any. Its shape differs between servers (`{name, url}`
    /// upstream, a string or `null` on some forks), so it stays JSON.
    #[serde(default)]
    pub emoji: Option<Value>,
    /// Who reacted.
    pub user_id: String,
}

/// Body of `unreacted`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Unreacted {
    /// The reaction removed.
    pub reaction: String,
    /// Who removed it.
    pub user_id: String,
}

/// Body of `deleted`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct Deleted {
    /// When (RFC 3339).
    pub deleted_at: String,
}

/// Body of `pollVoted`.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct PollVoted {
    /// The index of the choice.
    pub choice: i64,
    /// Who voted.
    pub user_id: String,
}

/// Body of `updated`: the new text and content warning of an edited note.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct NoteEdited {
    /// The new content warning.
    #[serde(default)]
    pub cw: Option<String>,
    /// The new text.
    #[serde(default)]
    pub text: Option<String>,
}

// ---------------------------------------------------------------------------------------
// broadcasts

/// A message the server sends to every socket, outside any channel.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum Broadcast {
    /// `emojiAdded`: a custom emoji was added.
    EmojiAdded(Box<models::EmojiDetailed>),
    /// `emojiUpdated`: custom emojis changed.
    EmojiUpdated(Vec<models::EmojiDetailed>),
    /// `emojiDeleted`: custom emojis were deleted.
    EmojiDeleted(Vec<models::EmojiDetailed>),
    /// `announcementCreated`: a new public announcement.
    AnnouncementCreated(AnnouncementCreated),
    /// Anything else (see [`RawEvent`]).
    Unknown(RawEvent),
}

#[derive(Deserialize)]
struct EmojiBody {
    emoji: Box<models::EmojiDetailed>,
}

#[derive(Deserialize)]
struct EmojisBody {
    emojis: Vec<models::EmojiDetailed>,
}

impl ChannelEvent for Broadcast {
    #[inline]
    fn decode(event_type: &str, body: Value) -> Self {
        use Broadcast as E;
        let decoded = match event_type {
            "emojiAdded" => Some(de::<EmojiBody>(&body).map(|b| E::EmojiAdded(b.emoji))),
            "emojiUpdated" => Some(de::<EmojisBody>(&body).map(|b| E::EmojiUpdated(b.emojis))),
            "emojiDeleted" => Some(de::<EmojisBody>(&body).map(|b| E::EmojiDeleted(b.emojis))),
            "announcementCreated" => Some(de(&body).map(E::AnnouncementCreated)),
            _ => None,
        };
        finish("broadcast", event_type, body, decoded, E::Unknown)
    }
    raw_accessor!();
}

// ---------------------------------------------------------------------------------------
// any channel

/// An event of any channel, decoded by the channel's name; for code that learns the channel
/// at run time (a log, a bridge, [`connect_raw`](super::Streaming::connect_raw)).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub enum AnyEvent {
    /// `main`.
    Main(MainEvent),
    /// A note timeline (see [`TimelineEvent`]).
    Timeline(TimelineEvent),
    /// `drive`.
    Drive(DriveEvent),
    /// `serverStats`.
    ServerStats(ServerStatsEvent),
    /// `queueStats`.
    QueueStats(QueueStatsEvent),
    /// `admin`.
    Admin(AdminEvent),
    /// `chatUser`, `chatRoom`.
    Chat(ChatEvent),
    /// `reversi`.
    Reversi(ReversiEvent),
    /// A channel the crate has no types for.
    Unknown(RawEvent),
}

impl AnyEvent {
    /// Decodes an event of the channel named `channel` (`"main"`, `"homeTimeline"`, …).
    #[inline]
    pub fn decode(channel: &str, event_type: &str, body: Value) -> AnyEvent {
        match channel {
            "main" => AnyEvent::Main(MainEvent::decode(event_type, body)),
            "homeTimeline" | "localTimeline" | "hybridTimeline" | "globalTimeline" | "userList"
            | "hashtag" | "roleTimeline" | "antenna" | "channel" => {
                AnyEvent::Timeline(TimelineEvent::decode(event_type, body))
            }
            "drive" => AnyEvent::Drive(DriveEvent::decode(event_type, body)),
            "serverStats" => AnyEvent::ServerStats(ServerStatsEvent::decode(event_type, body)),
            "queueStats" => AnyEvent::QueueStats(QueueStatsEvent::decode(event_type, body)),
            "admin" => AnyEvent::Admin(AdminEvent::decode(event_type, body)),
            "chatUser" | "chatRoom" => AnyEvent::Chat(ChatEvent::decode(event_type, body)),
            "reversi" => AnyEvent::Reversi(ReversiEvent::decode(event_type, body)),
            _ => AnyEvent::Unknown(RawEvent::unknown(event_type, body)),
        }
    }

    /// The JSON fallback, when the event is one.
    pub fn as_raw(&self) -> Option<&RawEvent> {
        match self {
            AnyEvent::Main(e) => e.as_raw(),
            AnyEvent::Timeline(e) => e.as_raw(),
            AnyEvent::Drive(e) => e.as_raw(),
            AnyEvent::ServerStats(e) => e.as_raw(),
            AnyEvent::QueueStats(e) => e.as_raw(),
            AnyEvent::Admin(e) => e.as_raw(),
            AnyEvent::Chat(e) => e.as_raw(),
            AnyEvent::Reversi(e) => e.as_raw(),
            AnyEvent::Unknown(raw) => Some(raw),
        }
    }
}
