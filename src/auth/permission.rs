//! The permissions a token can be given.

use std::fmt;
use std::str::FromStr;

/// A permission (a token's scope), such as `read:account` or `write:notes`.
///
/// Every permission of upstream Misskey and of the forks this crate was built against has a
/// variant; any other string is kept in [`Permission::Other`], so new permissions of a newer
/// server can still be asked for.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Permission {
    /// `read:account`
    ReadAccount,
    /// `write:account`
    WriteAccount,
    /// `read:achievements`
    ReadAchievements,
    /// `read:announcements`
    ReadAnnouncements,
    /// `read:blocks`
    ReadBlocks,
    /// `write:blocks`
    WriteBlocks,
    /// `read:channels`
    ReadChannels,
    /// `write:channels`
    WriteChannels,
    /// `read:chat`
    ReadChat,
    /// `write:chat`
    WriteChat,
    /// `read:clip`
    ReadClip,
    /// `read:clip-favorite`
    ReadClipFavorite,
    /// `write:clip-favorite`
    WriteClipFavorite,
    /// `write:community-role`
    WriteCommunityRole,
    /// `read:drive`
    ReadDrive,
    /// `write:drive`
    WriteDrive,
    /// `read:favorites`
    ReadFavorites,
    /// `write:favorites`
    WriteFavorites,
    /// `read:federation`
    ReadFederation,
    /// `read:flash`
    ReadFlash,
    /// `write:flash`
    WriteFlash,
    /// `read:flash-likes`
    ReadFlashLikes,
    /// `write:flash-likes`
    WriteFlashLikes,
    /// `read:following`
    ReadFollowing,
    /// `write:following`
    WriteFollowing,
    /// `read:gallery`
    ReadGallery,
    /// `write:gallery`
    WriteGallery,
    /// `read:gallery-likes`
    ReadGalleryLikes,
    /// `write:gallery-likes`
    WriteGalleryLikes,
    /// `read:invite-codes`
    ReadInviteCodes,
    /// `write:invite-codes`
    WriteInviteCodes,
    /// `read:messaging`
    ReadMessaging,
    /// `write:messaging`
    WriteMessaging,
    /// `read:mutes`
    ReadMutes,
    /// `write:mutes`
    WriteMutes,
    /// `read:notes`
    ReadNotes,
    /// `write:notes`
    WriteNotes,
    /// `read:notes-schedule`
    ReadNotesSchedule,
    /// `write:notes-schedule`
    WriteNotesSchedule,
    /// `read:notifications`
    ReadNotifications,
    /// `write:notifications`
    WriteNotifications,
    /// `read:page-likes`
    ReadPageLikes,
    /// `write:page-likes`
    WritePageLikes,
    /// `read:pages`
    ReadPages,
    /// `write:pages`
    WritePages,
    /// `read:reactions`
    ReadReactions,
    /// `write:reactions`
    WriteReactions,
    /// `write:report-abuse`
    WriteReportAbuse,
    /// `read:stats`
    ReadStats,
    /// `read:user-groups`
    ReadUserGroups,
    /// `write:user-groups`
    WriteUserGroups,
    /// `write:votes`
    WriteVotes,
    /// `read:admin:abuse-report-resolvers`
    ReadAdminAbuseReportResolvers,
    /// `write:admin:abuse-report-resolvers`
    WriteAdminAbuseReportResolvers,
    /// `read:admin:abuse-report:notification-recipient`
    ReadAdminAbuseReportNotificationRecipient,
    /// `write:admin:abuse-report:notification-recipient`
    WriteAdminAbuseReportNotificationRecipient,
    /// `read:admin:abuse-user-reports`
    ReadAdminAbuseUserReports,
    /// `read:admin:account`
    ReadAdminAccount,
    /// `write:admin:account`
    WriteAdminAccount,
    /// `read:admin:ad`
    ReadAdminAd,
    /// `write:admin:ad`
    WriteAdminAd,
    /// `read:admin:announcements`
    ReadAdminAnnouncements,
    /// `write:admin:announcements`
    WriteAdminAnnouncements,
    /// `write:admin:approve-account`
    WriteAdminApproveAccount,
    /// `read:admin:avatar-decorations`
    ReadAdminAvatarDecorations,
    /// `write:admin:avatar-decorations`
    WriteAdminAvatarDecorations,
    /// `read:admin:contact-form`
    ReadAdminContactForm,
    /// `write:admin:contact-form`
    WriteAdminContactForm,
    /// `write:admin:decline-account`
    WriteAdminDeclineAccount,
    /// `write:admin:delete-account`
    WriteAdminDeleteAccount,
    /// `write:admin:delete-all-files-of-a-user`
    WriteAdminDeleteAllFilesOfAUser,
    /// `read:admin:drive`
    ReadAdminDrive,
    /// `write:admin:drive`
    WriteAdminDrive,
    /// `write:admin:drop-all-notes`
    WriteAdminDropAllNotes,
    /// `read:admin:emoji`
    ReadAdminEmoji,
    /// `write:admin:emoji`
    WriteAdminEmoji,
    /// `read:admin:federation`
    ReadAdminFederation,
    /// `write:admin:federation`
    WriteAdminFederation,
    /// `read:admin:index-stats`
    ReadAdminIndexStats,
    /// `read:admin:indie-auth`
    ReadAdminIndieAuth,
    /// `write:admin:indie-auth`
    WriteAdminIndieAuth,
    /// `read:admin:invite-codes`
    ReadAdminInviteCodes,
    /// `write:admin:invite-codes`
    WriteAdminInviteCodes,
    /// `read:admin:meta`
    ReadAdminMeta,
    /// `write:admin:meta`
    WriteAdminMeta,
    /// `write:admin:promo`
    WriteAdminPromo,
    /// `read:admin:queue`
    ReadAdminQueue,
    /// `write:admin:queue`
    WriteAdminQueue,
    /// `write:admin:regenerate-user-token`
    WriteAdminRegenerateUserToken,
    /// `read:admin:relays`
    ReadAdminRelays,
    /// `write:admin:relays`
    WriteAdminRelays,
    /// `write:admin:reset-password`
    WriteAdminResetPassword,
    /// `write:admin:resolve-abuse-user-report`
    WriteAdminResolveAbuseUserReport,
    /// `read:admin:roles`
    ReadAdminRoles,
    /// `write:admin:roles`
    WriteAdminRoles,
    /// `write:admin:send-email`
    WriteAdminSendEmail,
    /// `write:admin:send-notification`
    WriteAdminSendNotification,
    /// `read:admin:server-info`
    ReadAdminServerInfo,
    /// `read:admin:show-account-move-log`
    ReadAdminShowAccountMoveLog,
    /// `read:admin:show-moderation-log`
    ReadAdminShowModerationLog,
    /// `read:admin:show-user`
    ReadAdminShowUser,
    /// `read:admin:sso`
    ReadAdminSso,
    /// `write:admin:sso`
    WriteAdminSso,
    /// `write:admin:suspend-user`
    WriteAdminSuspendUser,
    /// `read:admin:system-webhook`
    ReadAdminSystemWebhook,
    /// `write:admin:system-webhook`
    WriteAdminSystemWebhook,
    /// `read:admin:table-stats`
    ReadAdminTableStats,
    /// `write:admin:unset-user-avatar`
    WriteAdminUnsetUserAvatar,
    /// `write:admin:unset-user-banner`
    WriteAdminUnsetUserBanner,
    /// `write:admin:unsuspend-user`
    WriteAdminUnsuspendUser,
    /// `write:admin:user-avatar`
    WriteAdminUserAvatar,
    /// `write:admin:user-banner`
    WriteAdminUserBanner,
    /// `read:admin:user-ips`
    ReadAdminUserIps,
    /// `write:admin:user-mutual-link`
    WriteAdminUserMutualLink,
    /// `write:admin:user-name`
    WriteAdminUserName,
    /// `write:admin:user-note`
    WriteAdminUserNote,
    /// A permission this crate does not know, as the server spells it.
    Other(String),
}

impl Permission {
    /// Every known permission (not [`Permission::Other`]).
    pub const ALL: &'static [Permission] = &[
        Permission::ReadAccount,
        Permission::WriteAccount,
        Permission::ReadAchievements,
        Permission::ReadAnnouncements,
        Permission::ReadBlocks,
        Permission::WriteBlocks,
        Permission::ReadChannels,
        Permission::WriteChannels,
        Permission::ReadChat,
        Permission::WriteChat,
        Permission::ReadClip,
        Permission::ReadClipFavorite,
        Permission::WriteClipFavorite,
        Permission::WriteCommunityRole,
        Permission::ReadDrive,
        Permission::WriteDrive,
        Permission::ReadFavorites,
        Permission::WriteFavorites,
        Permission::ReadFederation,
        Permission::ReadFlash,
        Permission::WriteFlash,
        Permission::ReadFlashLikes,
        Permission::WriteFlashLikes,
        Permission::ReadFollowing,
        Permission::WriteFollowing,
        Permission::ReadGallery,
        Permission::WriteGallery,
        Permission::ReadGalleryLikes,
        Permission::WriteGalleryLikes,
        Permission::ReadInviteCodes,
        Permission::WriteInviteCodes,
        Permission::ReadMessaging,
        Permission::WriteMessaging,
        Permission::ReadMutes,
        Permission::WriteMutes,
        Permission::ReadNotes,
        Permission::WriteNotes,
        Permission::ReadNotesSchedule,
        Permission::WriteNotesSchedule,
        Permission::ReadNotifications,
        Permission::WriteNotifications,
        Permission::ReadPageLikes,
        Permission::WritePageLikes,
        Permission::ReadPages,
        Permission::WritePages,
        Permission::ReadReactions,
        Permission::WriteReactions,
        Permission::WriteReportAbuse,
        Permission::ReadStats,
        Permission::ReadUserGroups,
        Permission::WriteUserGroups,
        Permission::WriteVotes,
        Permission::ReadAdminAbuseReportResolvers,
        Permission::WriteAdminAbuseReportResolvers,
        Permission::ReadAdminAbuseReportNotificationRecipient,
        Permission::WriteAdminAbuseReportNotificationRecipient,
        Permission::ReadAdminAbuseUserReports,
        Permission::ReadAdminAccount,
        Permission::WriteAdminAccount,
        Permission::ReadAdminAd,
        Permission::WriteAdminAd,
        Permission::ReadAdminAnnouncements,
        Permission::WriteAdminAnnouncements,
        Permission::WriteAdminApproveAccount,
        Permission::ReadAdminAvatarDecorations,
        Permission::WriteAdminAvatarDecorations,
        Permission::ReadAdminContactForm,
        Permission::WriteAdminContactForm,
        Permission::WriteAdminDeclineAccount,
        Permission::WriteAdminDeleteAccount,
        Permission::WriteAdminDeleteAllFilesOfAUser,
        Permission::ReadAdminDrive,
        Permission::WriteAdminDrive,
        Permission::WriteAdminDropAllNotes,
        Permission::ReadAdminEmoji,
        Permission::WriteAdminEmoji,
        Permission::ReadAdminFederation,
        Permission::WriteAdminFederation,
        Permission::ReadAdminIndexStats,
        Permission::ReadAdminIndieAuth,
        Permission::WriteAdminIndieAuth,
        Permission::ReadAdminInviteCodes,
        Permission::WriteAdminInviteCodes,
        Permission::ReadAdminMeta,
        Permission::WriteAdminMeta,
        Permission::WriteAdminPromo,
        Permission::ReadAdminQueue,
        Permission::WriteAdminQueue,
        Permission::WriteAdminRegenerateUserToken,
        Permission::ReadAdminRelays,
        Permission::WriteAdminRelays,
        Permission::WriteAdminResetPassword,
        Permission::WriteAdminResolveAbuseUserReport,
        Permission::ReadAdminRoles,
        Permission::WriteAdminRoles,
        Permission::WriteAdminSendEmail,
        Permission::WriteAdminSendNotification,
        Permission::ReadAdminServerInfo,
        Permission::ReadAdminShowAccountMoveLog,
        Permission::ReadAdminShowModerationLog,
        Permission::ReadAdminShowUser,
        Permission::ReadAdminSso,
        Permission::WriteAdminSso,
        Permission::WriteAdminSuspendUser,
        Permission::ReadAdminSystemWebhook,
        Permission::WriteAdminSystemWebhook,
        Permission::ReadAdminTableStats,
        Permission::WriteAdminUnsetUserAvatar,
        Permission::WriteAdminUnsetUserBanner,
        Permission::WriteAdminUnsuspendUser,
        Permission::WriteAdminUserAvatar,
        Permission::WriteAdminUserBanner,
        Permission::ReadAdminUserIps,
        Permission::WriteAdminUserMutualLink,
        Permission::WriteAdminUserName,
        Permission::WriteAdminUserNote,
    ];

    /// The permission as the server spells it.
    pub fn as_str(&self) -> &str {
        match self {
            Permission::ReadAccount => "read:account",
            Permission::WriteAccount => "write:account",
            Permission::ReadAchievements => "read:achievements",
            Permission::ReadAnnouncements => "read:announcements",
            Permission::ReadBlocks => "read:blocks",
            Permission::WriteBlocks => "write:blocks",
            Permission::ReadChannels => "read:channels",
            Permission::WriteChannels => "write:channels",
            Permission::ReadChat => "read:chat",
            Permission::WriteChat => "write:chat",
            Permission::ReadClip => "read:clip",
            Permission::ReadClipFavorite => "read:clip-favorite",
            Permission::WriteClipFavorite => "write:clip-favorite",
            Permission::WriteCommunityRole => "write:community-role",
            Permission::ReadDrive => "read:drive",
            Permission::WriteDrive => "write:drive",
            Permission::ReadFavorites => "read:favorites",
            Permission::WriteFavorites => "write:favorites",
            Permission::ReadFederation => "read:federation",
            Permission::ReadFlash => "read:flash",
            Permission::WriteFlash => "write:flash",
            Permission::ReadFlashLikes => "read:flash-likes",
            Permission::WriteFlashLikes => "write:flash-likes",
            Permission::ReadFollowing => "read:following",
            Permission::WriteFollowing => "write:following",
            Permission::ReadGallery => "read:gallery",
            Permission::WriteGallery => "write:gallery",
            Permission::ReadGalleryLikes => "read:gallery-likes",
            Permission::WriteGalleryLikes => "write:gallery-likes",
            Permission::ReadInviteCodes => "read:invite-codes",
            Permission::WriteInviteCodes => "write:invite-codes",
            Permission::ReadMessaging => "read:messaging",
            Permission::WriteMessaging => "write:messaging",
            Permission::ReadMutes => "read:mutes",
            Permission::WriteMutes => "write:mutes",
            Permission::ReadNotes => "read:notes",
            Permission::WriteNotes => "write:notes",
            Permission::ReadNotesSchedule => "read:notes-schedule",
            Permission::WriteNotesSchedule => "write:notes-schedule",
            Permission::ReadNotifications => "read:notifications",
            Permission::WriteNotifications => "write:notifications",
            Permission::ReadPageLikes => "read:page-likes",
            Permission::WritePageLikes => "write:page-likes",
            Permission::ReadPages => "read:pages",
            Permission::WritePages => "write:pages",
            Permission::ReadReactions => "read:reactions",
            Permission::WriteReactions => "write:reactions",
            Permission::WriteReportAbuse => "write:report-abuse",
            Permission::ReadStats => "read:stats",
            Permission::ReadUserGroups => "read:user-groups",
            Permission::WriteUserGroups => "write:user-groups",
            Permission::WriteVotes => "write:votes",
            Permission::ReadAdminAbuseReportResolvers => "read:admin:abuse-report-resolvers",
            Permission::WriteAdminAbuseReportResolvers => "write:admin:abuse-report-resolvers",
            Permission::ReadAdminAbuseReportNotificationRecipient => {
                "read:admin:abuse-report:notification-recipient"
            }
            Permission::WriteAdminAbuseReportNotificationRecipient => {
                "write:admin:abuse-report:notification-recipient"
            }
            Permission::ReadAdminAbuseUserReports => "read:admin:abuse-user-reports",
            Permission::ReadAdminAccount => "read:admin:account",
            Permission::WriteAdminAccount => "write:admin:account",
            Permission::ReadAdminAd => "read:admin:ad",
            Permission::WriteAdminAd => "write:admin:ad",
            Permission::ReadAdminAnnouncements => "read:admin:announcements",
            Permission::WriteAdminAnnouncements => "write:admin:announcements",
            Permission::WriteAdminApproveAccount => "write:admin:approve-account",
            Permission::ReadAdminAvatarDecorations => "read:admin:avatar-decorations",
            Permission::WriteAdminAvatarDecorations => "write:admin:avatar-decorations",
            Permission::ReadAdminContactForm => "read:admin:contact-form",
            Permission::WriteAdminContactForm => "write:admin:contact-form",
            Permission::WriteAdminDeclineAccount => "write:admin:decline-account",
            Permission::WriteAdminDeleteAccount => "write:admin:delete-account",
            Permission::WriteAdminDeleteAllFilesOfAUser => "write:admin:delete-all-files-of-a-user",
            Permission::ReadAdminDrive => "read:admin:drive",
            Permission::WriteAdminDrive => "write:admin:drive",
            Permission::WriteAdminDropAllNotes => "write:admin:drop-all-notes",
            Permission::ReadAdminEmoji => "read:admin:emoji",
            Permission::WriteAdminEmoji => "write:admin:emoji",
            Permission::ReadAdminFederation => "read:admin:federation",
            Permission::WriteAdminFederation => "write:admin:federation",
            Permission::ReadAdminIndexStats => "read:admin:index-stats",
            Permission::ReadAdminIndieAuth => "read:admin:indie-auth",
            Permission::WriteAdminIndieAuth => "write:admin:indie-auth",
            Permission::ReadAdminInviteCodes => "read:admin:invite-codes",
            Permission::WriteAdminInviteCodes => "write:admin:invite-codes",
            Permission::ReadAdminMeta => "read:admin:meta",
            Permission::WriteAdminMeta => "write:admin:meta",
            Permission::WriteAdminPromo => "write:admin:promo",
            Permission::ReadAdminQueue => "read:admin:queue",
            Permission::WriteAdminQueue => "write:admin:queue",
            Permission::WriteAdminRegenerateUserToken => "write:admin:regenerate-user-token",
            Permission::ReadAdminRelays => "read:admin:relays",
            Permission::WriteAdminRelays => "write:admin:relays",
            Permission::WriteAdminResetPassword => "write:admin:reset-password",
            Permission::WriteAdminResolveAbuseUserReport => "write:admin:resolve-abuse-user-report",
            Permission::ReadAdminRoles => "read:admin:roles",
            Permission::WriteAdminRoles => "write:admin:roles",
            Permission::WriteAdminSendEmail => "write:admin:send-email",
            Permission::WriteAdminSendNotification => "write:admin:send-notification",
            Permission::ReadAdminServerInfo => "read:admin:server-info",
            Permission::ReadAdminShowAccountMoveLog => "read:admin:show-account-move-log",
            Permission::ReadAdminShowModerationLog => "read:admin:show-moderation-log",
            Permission::ReadAdminShowUser => "read:admin:show-user",
            Permission::ReadAdminSso => "read:admin:sso",
            Permission::WriteAdminSso => "write:admin:sso",
            Permission::WriteAdminSuspendUser => "write:admin:suspend-user",
            Permission::ReadAdminSystemWebhook => "read:admin:system-webhook",
            Permission::WriteAdminSystemWebhook => "write:admin:system-webhook",
            Permission::ReadAdminTableStats => "read:admin:table-stats",
            Permission::WriteAdminUnsetUserAvatar => "write:admin:unset-user-avatar",
            Permission::WriteAdminUnsetUserBanner => "write:admin:unset-user-banner",
            Permission::WriteAdminUnsuspendUser => "write:admin:unsuspend-user",
            Permission::WriteAdminUserAvatar => "write:admin:user-avatar",
            Permission::WriteAdminUserBanner => "write:admin:user-banner",
            Permission::ReadAdminUserIps => "read:admin:user-ips",
            Permission::WriteAdminUserMutualLink => "write:admin:user-mutual-link",
            Permission::WriteAdminUserName => "write:admin:user-name",
            Permission::WriteAdminUserNote => "write:admin:user-note",
            Permission::Other(s) => s,
        }
    }

    /// Whether this permission lets a token change things (`write:...`).
    pub fn is_write(&self) -> bool {
        self.as_str().starts_with("write:")
    }

    /// Whether this is an administrator or moderator permission (`...:admin:...`).
    pub fn is_admin(&self) -> bool {
        self.as_str().split(':').nth(1) == Some("admin")
    }

    fn known(s: &str) -> Option<Permission> {
        Some(match s {
            "read:account" => Permission::ReadAccount,
            "write:account" => Permission::WriteAccount,
            "read:achievements" => Permission::ReadAchievements,
            "read:announcements" => Permission::ReadAnnouncements,
            "read:blocks" => Permission::ReadBlocks,
            "write:blocks" => Permission::WriteBlocks,
            "read:channels" => Permission::ReadChannels,
            "write:channels" => Permission::WriteChannels,
            "read:chat" => Permission::ReadChat,
            "write:chat" => Permission::WriteChat,
            "read:clip" => Permission::ReadClip,
            "read:clip-favorite" => Permission::ReadClipFavorite,
            "write:clip-favorite" => Permission::WriteClipFavorite,
            "write:community-role" => Permission::WriteCommunityRole,
            "read:drive" => Permission::ReadDrive,
            "write:drive" => Permission::WriteDrive,
            "read:favorites" => Permission::ReadFavorites,
            "write:favorites" => Permission::WriteFavorites,
            "read:federation" => Permission::ReadFederation,
            "read:flash" => Permission::ReadFlash,
            "write:flash" => Permission::WriteFlash,
            "read:flash-likes" => Permission::ReadFlashLikes,
            "write:flash-likes" => Permission::WriteFlashLikes,
            "read:following" => Permission::ReadFollowing,
            "write:following" => Permission::WriteFollowing,
            "read:gallery" => Permission::ReadGallery,
            "write:gallery" => Permission::WriteGallery,
            "read:gallery-likes" => Permission::ReadGalleryLikes,
            "write:gallery-likes" => Permission::WriteGalleryLikes,
            "read:invite-codes" => Permission::ReadInviteCodes,
            "write:invite-codes" => Permission::WriteInviteCodes,
            "read:messaging" => Permission::ReadMessaging,
            "write:messaging" => Permission::WriteMessaging,
            "read:mutes" => Permission::ReadMutes,
            "write:mutes" => Permission::WriteMutes,
            "read:notes" => Permission::ReadNotes,
            "write:notes" => Permission::WriteNotes,
            "read:notes-schedule" => Permission::ReadNotesSchedule,
            "write:notes-schedule" => Permission::WriteNotesSchedule,
            "read:notifications" => Permission::ReadNotifications,
            "write:notifications" => Permission::WriteNotifications,
            "read:page-likes" => Permission::ReadPageLikes,
            "write:page-likes" => Permission::WritePageLikes,
            "read:pages" => Permission::ReadPages,
            "write:pages" => Permission::WritePages,
            "read:reactions" => Permission::ReadReactions,
            "write:reactions" => Permission::WriteReactions,
            "write:report-abuse" => Permission::WriteReportAbuse,
            "read:stats" => Permission::ReadStats,
            "read:user-groups" => Permission::ReadUserGroups,
            "write:user-groups" => Permission::WriteUserGroups,
            "write:votes" => Permission::WriteVotes,
            "read:admin:abuse-report-resolvers" => Permission::ReadAdminAbuseReportResolvers,
            "write:admin:abuse-report-resolvers" => Permission::WriteAdminAbuseReportResolvers,
            "read:admin:abuse-report:notification-recipient" => {
                Permission::ReadAdminAbuseReportNotificationRecipient
            }
            "write:admin:abuse-report:notification-recipient" => {
                Permission::WriteAdminAbuseReportNotificationRecipient
            }
            "read:admin:abuse-user-reports" => Permission::ReadAdminAbuseUserReports,
            "read:admin:account" => Permission::ReadAdminAccount,
            "write:admin:account" => Permission::WriteAdminAccount,
            "read:admin:ad" => Permission::ReadAdminAd,
            "write:admin:ad" => Permission::WriteAdminAd,
            "read:admin:announcements" => Permission::ReadAdminAnnouncements,
            "write:admin:announcements" => Permission::WriteAdminAnnouncements,
            "write:admin:approve-account" => Permission::WriteAdminApproveAccount,
            "read:admin:avatar-decorations" => Permission::ReadAdminAvatarDecorations,
            "write:admin:avatar-decorations" => Permission::WriteAdminAvatarDecorations,
            "read:admin:contact-form" => Permission::ReadAdminContactForm,
            "write:admin:contact-form" => Permission::WriteAdminContactForm,
            "write:admin:decline-account" => Permission::WriteAdminDeclineAccount,
            "write:admin:delete-account" => Permission::WriteAdminDeleteAccount,
            "write:admin:delete-all-files-of-a-user" => Permission::WriteAdminDeleteAllFilesOfAUser,
            "read:admin:drive" => Permission::ReadAdminDrive,
            "write:admin:drive" => Permission::WriteAdminDrive,
            "write:admin:drop-all-notes" => Permission::WriteAdminDropAllNotes,
            "read:admin:emoji" => Permission::ReadAdminEmoji,
            "write:admin:emoji" => Permission::WriteAdminEmoji,
            "read:admin:federation" => Permission::ReadAdminFederation,
            "write:admin:federation" => Permission::WriteAdminFederation,
            "read:admin:index-stats" => Permission::ReadAdminIndexStats,
            "read:admin:indie-auth" => Permission::ReadAdminIndieAuth,
            "write:admin:indie-auth" => Permission::WriteAdminIndieAuth,
            "read:admin:invite-codes" => Permission::ReadAdminInviteCodes,
            "write:admin:invite-codes" => Permission::WriteAdminInviteCodes,
            "read:admin:meta" => Permission::ReadAdminMeta,
            "write:admin:meta" => Permission::WriteAdminMeta,
            "write:admin:promo" => Permission::WriteAdminPromo,
            "read:admin:queue" => Permission::ReadAdminQueue,
            "write:admin:queue" => Permission::WriteAdminQueue,
            "write:admin:regenerate-user-token" => Permission::WriteAdminRegenerateUserToken,
            "read:admin:relays" => Permission::ReadAdminRelays,
            "write:admin:relays" => Permission::WriteAdminRelays,
            "write:admin:reset-password" => Permission::WriteAdminResetPassword,
            "write:admin:resolve-abuse-user-report" => Permission::WriteAdminResolveAbuseUserReport,
            "read:admin:roles" => Permission::ReadAdminRoles,
            "write:admin:roles" => Permission::WriteAdminRoles,
            "write:admin:send-email" => Permission::WriteAdminSendEmail,
            "write:admin:send-notification" => Permission::WriteAdminSendNotification,
            "read:admin:server-info" => Permission::ReadAdminServerInfo,
            "read:admin:show-account-move-log" => Permission::ReadAdminShowAccountMoveLog,
            "read:admin:show-moderation-log" => Permission::ReadAdminShowModerationLog,
            "read:admin:show-user" => Permission::ReadAdminShowUser,
            "read:admin:sso" => Permission::ReadAdminSso,
            "write:admin:sso" => Permission::WriteAdminSso,
            "write:admin:suspend-user" => Permission::WriteAdminSuspendUser,
            "read:admin:system-webhook" => Permission::ReadAdminSystemWebhook,
            "write:admin:system-webhook" => Permission::WriteAdminSystemWebhook,
            "read:admin:table-stats" => Permission::ReadAdminTableStats,
            "write:admin:unset-user-avatar" => Permission::WriteAdminUnsetUserAvatar,
            "write:admin:unset-user-banner" => Permission::WriteAdminUnsetUserBanner,
            "write:admin:unsuspend-user" => Permission::WriteAdminUnsuspendUser,
            "write:admin:user-avatar" => Permission::WriteAdminUserAvatar,
            "write:admin:user-banner" => Permission::WriteAdminUserBanner,
            "read:admin:user-ips" => Permission::ReadAdminUserIps,
            "write:admin:user-mutual-link" => Permission::WriteAdminUserMutualLink,
            "write:admin:user-name" => Permission::WriteAdminUserName,
            "write:admin:user-note" => Permission::WriteAdminUserNote,
            _ => return None,
        })
    }
}

impl FromStr for Permission {
    type Err = std::convert::Infallible;

    /// Never fails: unknown strings become [`Permission::Other`].
    fn from_str(s: &str) -> Result<Permission, Self::Err> {
        Ok(Permission::from(s))
    }
}

impl From<&str> for Permission {
    fn from(s: &str) -> Permission {
        Permission::known(s).unwrap_or_else(|| Permission::Other(s.to_owned()))
    }
}

impl From<String> for Permission {
    fn from(s: String) -> Permission {
        Permission::known(&s).unwrap_or(Permission::Other(s))
    }
}

impl fmt::Display for Permission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Permission {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Permission {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Permission, D::Error> {
        String::deserialize(d).map(Permission::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for p in Permission::ALL {
            assert_eq!(&p.as_str().parse::<Permission>().unwrap(), p);
            assert!(!matches!(p, Permission::Other(_)));
        }
        assert_eq!(Permission::from("write:notes"), Permission::WriteNotes);
        assert_eq!(
            Permission::from("read:future-thing"),
            Permission::Other("read:future-thing".into())
        );
        assert_eq!(
            Permission::from("read:future-thing").to_string(),
            "read:future-thing"
        );
        assert!(Permission::ReadAdminMeta.is_admin());
        assert!(!Permission::ReadAccount.is_write());
    }
}
