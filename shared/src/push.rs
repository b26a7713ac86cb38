//! Push notifications: the kinds a person can choose, quiet hours, the API
//! bodies, and what a push message carries.
//!
//! A push message carries no names, places or care details: only a neutral
//! title and a link into the app ([`PushPayload`]). The app shows the
//! details after sign-in, from the in-app notifications list.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The title of every push message: a lock screen may be seen by others.
pub const PUSH_TITLE: &str = "You have an update";
/// The title of an urgent alert to a member of staff.
pub const PUSH_TITLE_URGENT: &str = "You have an urgent alert";

/// Quiet hours unless a person chooses others (Children's code): 21:00 to
/// 07:00 in the council's time zone, as minutes after midnight.
pub const DEFAULT_QUIET_START_MINUTE: u16 = 21 * 60;
pub const DEFAULT_QUIET_END_MINUTE: u16 = 7 * 60;

/// One kind of notification a person may choose to have pushed or not. The
/// in-app list always shows everything; this is only about the phone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindInfo {
    /// As stored in `notification.kind`.
    pub kind: &'static str,
    /// Words for the settings screen.
    pub label: &'static str,
    pub for_young_people: bool,
    pub for_staff: bool,
    /// Safeguarding alerts cannot be turned off.
    pub can_turn_off: bool,
}

/// The kinds people can choose about. A kind not listed here is pushed.
pub const KINDS: &[KindInfo] = &[
    KindInfo {
        kind: "review_reminder",
        label: "Reminders before your review meetings",
        for_young_people: true,
        for_staff: false,
        can_turn_off: true,
    },
    KindInfo {
        kind: "new_worker",
        label: "When someone new starts working with you",
        for_young_people: true,
        for_staff: false,
        can_turn_off: true,
    },
    KindInfo {
        kind: "break_glass",
        label: "Emergency access to a record in your team",
        for_young_people: false,
        for_staff: true,
        can_turn_off: false,
    },
];

pub fn kind_info(kind: &str) -> Option<&'static KindInfo> {
    KINDS.iter().find(|k| k.kind == kind)
}

/// `HH:MM` (24-hour) as minutes after midnight.
pub fn parse_hhmm(s: &str) -> Option<u16> {
    let (h, m) = s.trim().split_once(':')?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    let h: u16 = h.parse().ok()?;
    let m: u16 = m.parse().ok()?;
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// Minutes after midnight as `HH:MM`.
pub fn format_hhmm(minutes: u16) -> String {
    format!("{:02}:{:02}", (minutes / 60) % 24, minutes % 60)
}

/// Is a local time of day (minutes after midnight) inside quiet hours that
/// run from `start` to `end`? Hours that cross midnight (21:00 to 07:00)
/// wrap; `start == end` means none.
pub fn in_quiet_hours(minute: u16, start: u16, end: u16) -> bool {
    if start == end {
        false
    } else if start < end {
        minute >= start && minute < end
    } else {
        minute >= start || minute < end
    }
}

/// `GET /api/push/vapid-public-key`: what the browser subscribes with
/// (`applicationServerKey`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VapidPublicKey {
    /// The uncompressed P-256 public key, base64url without padding.
    pub public_key: String,
}

/// The keys of a browser's push subscription (`PushSubscription.toJSON()`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PushSubscriptionKeys {
    /// The browser's P-256 public key: 65 bytes, base64url.
    pub p256dh: String,
    /// The authentication secret: 16 bytes, base64url.
    pub auth: String,
}

/// `POST /api/me/push-subscriptions`: the JSON of a `PushSubscription`
/// (other fields, such as `expirationTime`, are ignored).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewPushSubscription {
    /// The push service's address for this browser (https).
    pub endpoint: String,
    pub keys: PushSubscriptionKeys,
}

/// One of my devices that gets pushes. The endpoint itself is a secret and
/// is never shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PushSubscriptionView {
    pub id: String,
    /// The push service's host, such as `fcm.googleapis.com`.
    pub service: String,
    pub created_at: DateTime<Utc>,
    /// Registered from the session making this request.
    pub this_device: bool,
}

/// Quiet hours as `HH:MM`, in the council's time zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuietHours {
    pub start: String,
    pub end: String,
}

/// Whether one kind is pushed to my phone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KindPreference {
    pub kind: String,
    pub label: String,
    pub push: bool,
    pub can_turn_off: bool,
}

/// `GET /api/me/notification-preferences`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotificationPreferences {
    pub kinds: Vec<KindPreference>,
    /// Nothing reaches the phone in these hours, except urgent alerts to
    /// staff; what comes in is sent when they end. The in-app list still
    /// shows it at once.
    pub quiet_hours: QuietHours,
    /// The council's IANA time zone, such as `Europe/London`.
    pub time_zone: String,
}

/// One choice in [`UpdatePreferences`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KindChoice {
    pub kind: String,
    pub push: bool,
}

/// `PUT /api/me/notification-preferences`: what is left out stays as it was.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UpdatePreferences {
    #[serde(default)]
    pub kinds: Vec<KindChoice>,
    #[serde(default)]
    pub quiet_hours: Option<QuietHours>,
}

/// The JSON inside every push message (after decryption in the service
/// worker). Nothing here names a person, a place or a care detail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PushPayload {
    /// The in-app notification's id: use it as the notification `tag`, so a
    /// message that arrives twice replaces itself instead of showing twice.
    pub id: String,
    /// [`PUSH_TITLE`] or [`PUSH_TITLE_URGENT`].
    pub title: String,
    /// Where a tap opens, inside the app: `/notifications/{id}`.
    pub link: String,
    pub urgent: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_of_day_parse_and_print() {
        assert_eq!(parse_hhmm("21:00"), Some(1260));
        assert_eq!(parse_hhmm("7:05"), Some(425));
        assert_eq!(parse_hhmm("00:00"), Some(0));
        assert_eq!(parse_hhmm("24:00"), None);
        assert_eq!(parse_hhmm("12:60"), None);
        assert_eq!(parse_hhmm("noon"), None);
        assert_eq!(parse_hhmm("1:2"), None);
        assert_eq!(format_hhmm(425), "07:05");
    }

    #[test]
    fn quiet_hours_wrap_midnight() {
        let (s, e) = (DEFAULT_QUIET_START_MINUTE, DEFAULT_QUIET_END_MINUTE);
        assert!(in_quiet_hours(21 * 60, s, e));
        assert!(in_quiet_hours(23 * 60 + 59, s, e));
        assert!(in_quiet_hours(0, s, e));
        assert!(in_quiet_hours(6 * 60 + 59, s, e));
        assert!(!in_quiet_hours(7 * 60, s, e));
        assert!(!in_quiet_hours(20 * 60 + 59, s, e));
        // Daytime quiet hours (a night worker) do not wrap.
        assert!(in_quiet_hours(10 * 60, 9 * 60, 17 * 60));
        assert!(!in_quiet_hours(18 * 60, 9 * 60, 17 * 60));
        assert!(!in_quiet_hours(10 * 60, 600, 600));
    }

    #[test]
    fn every_kind_is_for_someone() {
        for k in KINDS {
            assert!(k.for_staff || k.for_young_people, "{}", k.kind);
        }
        assert!(kind_info("break_glass").is_some_and(|k| !k.can_turn_off));
    }
}

/// One item of my notifications list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotificationView {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub body: String,
    pub link: String,
    pub created_at: DateTime<Utc>,
    pub read: bool,
}
