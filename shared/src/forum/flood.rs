//! Flood limits: how often one young person may post or send something,
//! the words they read when they have to wait, and what the participation
//! officer sees about who hit a limit. The server counts; these are the
//! pure rules and the bodies both sides need.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

/// A space's limits for one member. Counts are over the last hour and the
/// last 24 hours (rolling), so nobody gets a fresh allowance at midnight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FloodLimits {
    /// New conversations one member may start in an hour.
    pub threads_per_hour: u32,
    /// ... and in 24 hours.
    pub threads_per_day: u32,
    /// Replies one member may write in an hour.
    pub replies_per_hour: u32,
    /// ... and in 24 hours.
    pub replies_per_day: u32,
    /// Seconds one member waits between two posts (0: no wait).
    pub min_gap_secs: u32,
}

impl Default for FloodLimits {
    /// The same numbers as the migration's column defaults.
    fn default() -> Self {
        FloodLimits {
            threads_per_hour: 5,
            threads_per_day: 20,
            replies_per_hour: 30,
            replies_per_day: 150,
            min_gap_secs: 15,
        }
    }
}

/// Largest count per hour and per day, and longest gap, a space may set:
/// beyond these a limit stops protecting anyone.
pub const FLOOD_PER_HOUR_MAX: u32 = 500;
pub const FLOOD_PER_DAY_MAX: u32 = 5_000;
pub const FLOOD_GAP_MAX_SECS: u32 = 3_600;

impl FloodLimits {
    /// The first problem as (field, plain message).
    pub fn check(&self) -> Result<(), (&'static str, String)> {
        let pairs = [
            (
                "threads_per_hour",
                self.threads_per_hour,
                "threads_per_day",
                self.threads_per_day,
                "conversations",
            ),
            (
                "replies_per_hour",
                self.replies_per_hour,
                "replies_per_day",
                self.replies_per_day,
                "replies",
            ),
        ];
        for (hf, h, df, d, what) in pairs {
            if !(1..=FLOOD_PER_HOUR_MAX).contains(&h) {
                return Err((
                    hf,
                    format!("Allow between 1 and {FLOOD_PER_HOUR_MAX} {what} an hour."),
                ));
            }
            if !(1..=FLOOD_PER_DAY_MAX).contains(&d) {
                return Err((
                    df,
                    format!("Allow between 1 and {FLOOD_PER_DAY_MAX} {what} a day."),
                ));
            }
            if d < h {
                return Err((
                    df,
                    format!("Allow at least as many {what} a day as an hour ({h})."),
                ));
            }
        }
        if self.min_gap_secs > FLOOD_GAP_MAX_SECS {
            return Err((
                "min_gap_secs",
                format!("The wait between posts can be at most {FLOOD_GAP_MAX_SECS} seconds."),
            ));
        }
        Ok(())
    }

    /// The limits in words, for the moderation log.
    pub fn describe(&self) -> String {
        format!(
            "each member may start {} conversations an hour ({} a day), write {} replies an hour ({} a day), and waits {} seconds between posts",
            self.threads_per_hour,
            self.threads_per_day,
            self.replies_per_hour,
            self.replies_per_day,
            self.min_gap_secs
        )
    }
}

/// What the limiter counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FloodKind {
    /// A new conversation in the forum.
    Thread,
    /// A reply in the forum.
    Reply,
    /// A report of a forum post.
    Report,
    /// A request about the local offer.
    OfferRequest,
    /// Asking for an earlier review.
    ReviewRequest,
    /// A question about one's plan.
    PlanQuestion,
}

impl FloodKind {
    pub const ALL: [FloodKind; 6] = [
        FloodKind::Thread,
        FloodKind::Reply,
        FloodKind::Report,
        FloodKind::OfferRequest,
        FloodKind::ReviewRequest,
        FloodKind::PlanQuestion,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FloodKind::Thread => "thread",
            FloodKind::Reply => "reply",
            FloodKind::Report => "report",
            FloodKind::OfferRequest => "offer_request",
            FloodKind::ReviewRequest => "review_request",
            FloodKind::PlanQuestion => "plan_question",
        }
    }

    pub fn parse(s: &str) -> Option<FloodKind> {
        FloodKind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Forum posts share a wait between posts and "the same text twice".
    pub fn is_post(self) -> bool {
        matches!(self, FloodKind::Thread | FloodKind::Reply)
    }

    /// Whether the participation officer sees hits of this kind (forum
    /// only: the other kinds are about case records they never see).
    pub fn is_forum(self) -> bool {
        matches!(
            self,
            FloodKind::Thread | FloodKind::Reply | FloodKind::Report
        )
    }
}

/// Which limit was hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum LimitKind {
    PerHour,
    PerDay,
    /// Too soon after their last post.
    Gap,
    /// The same text again.
    Duplicate,
}

impl LimitKind {
    pub const ALL: [LimitKind; 4] = [
        LimitKind::PerHour,
        LimitKind::PerDay,
        LimitKind::Gap,
        LimitKind::Duplicate,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            LimitKind::PerHour => "per_hour",
            LimitKind::PerDay => "per_day",
            LimitKind::Gap => "gap",
            LimitKind::Duplicate => "duplicate",
        }
    }

    pub fn parse(s: &str) -> Option<LimitKind> {
        LimitKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

/// A count limit over the last hour and the last 24 hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub per_hour: u32,
    pub per_day: u32,
}

/// Reports, and requests young people send about their offer, review and
/// plan: the same for every council (not per space).
pub const REPORT_WINDOW: Window = Window {
    per_hour: 10,
    per_day: 30,
};
pub const REQUEST_WINDOW: Window = Window {
    per_hour: 10,
    per_day: 30,
};

/// How long until one more is allowed, given when the earlier ones (of
/// the last 24 hours at least) were sent; `None` when one more fits now.
/// When both limits are hit, the longer wait wins.
pub fn flood_wait(
    times: &[DateTime<Utc>],
    w: Window,
    now: DateTime<Utc>,
) -> Option<(LimitKind, u64)> {
    let wait = |span: Duration, limit: u32| -> Option<u64> {
        let mut inside: Vec<DateTime<Utc>> =
            times.iter().copied().filter(|t| *t > now - span).collect();
        let limit = usize::try_from(limit).unwrap_or(usize::MAX);
        if inside.len() < limit {
            return None;
        }
        inside.sort_unstable();
        // One more fits once this many of the oldest have left the window.
        let frees = inside.get(inside.len() - limit)?;
        Some(secs_until(*frees + span, now))
    };
    let hour = wait(Duration::hours(1), w.per_hour).map(|s| (LimitKind::PerHour, s));
    let day = wait(Duration::hours(24), w.per_day).map(|s| (LimitKind::PerDay, s));
    match (hour, day) {
        (Some(h), Some(d)) => Some(if d.1 > h.1 { d } else { h }),
        (h, d) => h.or(d),
    }
}

/// Seconds until the wait between posts is over, if it is not yet.
pub fn gap_wait(last: Option<DateTime<Utc>>, gap_secs: u32, now: DateTime<Utc>) -> Option<u64> {
    let ends = last? + Duration::seconds(i64::from(gap_secs));
    (ends > now).then(|| secs_until(ends, now))
}

/// Whole seconds, rounded up, at least 1 (a Retry-After of 0 invites a
/// retry that fails).
fn secs_until(t: DateTime<Utc>, now: DateTime<Utc>) -> u64 {
    let ms = (t - now).num_milliseconds().max(1);
    u64::try_from((ms + 999) / 1000).unwrap_or(1).max(1)
}

/// A wait in words: "15 seconds", "12 minutes", "2 hours and 5 minutes".
pub fn wait_words(secs: u64) -> String {
    let plural = |n: u64, one: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {one}s")
        }
    };
    if secs < 60 {
        return plural(secs, "second");
    }
    let minutes = secs.div_ceil(60);
    if minutes < 60 {
        return plural(minutes, "minute");
    }
    let (h, m) = (minutes / 60, minutes % 60);
    if m == 0 {
        plural(h, "hour")
    } else {
        format!("{} and {}", plural(h, "hour"), plural(m, "minute"))
    }
}

/// What the young person reads when they have to wait or have sent the
/// same thing twice: what happened and when they can go on.
pub fn flood_message(kind: FloodKind, limit: LimitKind, secs: u64) -> String {
    let wait = wait_words(secs);
    let when = match limit {
        LimitKind::PerHour => "in the last hour",
        _ => "in the last day",
    };
    match limit {
        LimitKind::Duplicate if kind.is_post() => {
            "You've already posted this. Try writing something new.".to_owned()
        }
        LimitKind::Duplicate => "You've already sent this. Try writing something new.".to_owned(),
        LimitKind::Gap if kind.is_post() => format!("Please wait {wait} before posting again."),
        LimitKind::Gap => format!("Please wait {wait} before sending again."),
        LimitKind::PerHour | LimitKind::PerDay => match kind {
            FloodKind::Thread => format!(
                "You've started a lot of conversations {when}. You can start another one in {wait}."
            ),
            FloodKind::Reply => {
                format!("You've written a lot of replies {when}. You can reply again in {wait}.")
            }
            FloodKind::Report => format!(
                "You've sent a lot of reports {when}. Thank you for looking out for others. You can send another one in {wait}."
            ),
            FloodKind::OfferRequest => format!(
                "You've sent a lot of requests {when}. You can send another one in {wait}."
            ),
            FloodKind::ReviewRequest => format!(
                "You've asked about your review a lot {when}. You can ask again in {wait}."
            ),
            FloodKind::PlanQuestion => format!(
                "You've sent a lot of questions about your plan {when}. You can send another one in {wait}."
            ),
        },
    }
}

/// Text as compared for "the same text twice": case, spacing and
/// punctuation do not make it new.
pub fn flood_text_key(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Someone who hit a limit, as the participation officer sees it: their
/// forum name, never their real name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FloodHitView {
    /// Their forum id (for a suspension), when they have one.
    pub member_id: Option<String>,
    /// Their forum name.
    pub member: String,
    pub kind: FloodKind,
    pub limit: LimitKind,
    /// The space's name (conversations and replies; reports count across spaces).
    pub space: Option<String>,
    /// How many tries were refused in this run.
    pub attempts: u32,
    pub first_at: DateTime<Utc>,
    pub last_at: DateTime<Utc>,
    /// The hit in plain words, such as "Tried to start too many
    /// conversations in an hour in 16 to 25 (14 tries refused)".
    pub summary: String,
}

/// A hit in plain words for the officer.
pub fn hit_summary(
    kind: FloodKind,
    limit: LimitKind,
    space: Option<&str>,
    attempts: u32,
) -> String {
    let what = match kind {
        FloodKind::Thread => "start too many conversations",
        FloodKind::Reply => "write too many replies",
        FloodKind::Report => "send too many reports",
        FloodKind::OfferRequest => "send too many requests about the local offer",
        FloodKind::ReviewRequest => "ask for an earlier review too often",
        FloodKind::PlanQuestion => "send too many questions about their plan",
    };
    let action = match limit {
        LimitKind::PerHour => format!("Tried to {what} in an hour"),
        LimitKind::PerDay => format!("Tried to {what} in a day"),
        LimitKind::Gap => "Posted again too quickly".to_owned(),
        LimitKind::Duplicate => "Posted the same text again".to_owned(),
    };
    let place = space.map(|s| format!(" in {s}")).unwrap_or_default();
    let tries = if attempts == 1 {
        "1 try refused".to_owned()
    } else {
        format!("{attempts} tries refused")
    };
    format!("{action}{place} ({tries})")
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// A fixed moment (the crate has no clock).
    fn noon() -> DateTime<Utc> {
        use chrono::TimeZone;
        Utc.with_ymd_and_hms(2026, 12, 6, 12, 0, 0).unwrap()
    }

    fn at(now: DateTime<Utc>, mins_ago: i64) -> DateTime<Utc> {
        now - Duration::minutes(mins_ago)
    }

    #[test]
    fn the_sixth_in_an_hour_waits_for_the_oldest_to_leave_the_hour() {
        let now = noon();
        let w = Window {
            per_hour: 5,
            per_day: 20,
        };
        let four: Vec<_> = [48, 40, 30, 20].iter().map(|m| at(now, *m)).collect();
        assert_eq!(flood_wait(&four, w, now), None);
        let mut five = four.clone();
        five.push(at(now, 1));
        assert_eq!(
            flood_wait(&five, w, now),
            Some((LimitKind::PerHour, 12 * 60))
        );
        // Older than an hour: not counted for the hour.
        let old: Vec<_> = (0..5).map(|i| at(now, 61 + i)).collect();
        assert_eq!(flood_wait(&old, w, now), None);
    }

    #[test]
    fn the_day_limit_gives_the_longer_wait() {
        let now = noon();
        let w = Window {
            per_hour: 5,
            per_day: 6,
        };
        let mut times: Vec<_> = (0..5).map(|i| at(now, i + 1)).collect();
        times.push(at(now, 23 * 60));
        assert_eq!(flood_wait(&times, w, now), Some((LimitKind::PerDay, 3600)));
    }

    #[test]
    fn gaps_and_words() {
        let now = noon();
        assert_eq!(
            gap_wait(Some(now - Duration::seconds(5)), 15, now),
            Some(10)
        );
        assert_eq!(gap_wait(Some(now - Duration::seconds(20)), 15, now), None);
        assert_eq!(gap_wait(None, 15, now), None);
        assert_eq!(gap_wait(Some(now), 0, now), None);
        assert_eq!(wait_words(1), "1 second");
        assert_eq!(wait_words(15), "15 seconds");
        assert_eq!(wait_words(61), "2 minutes");
        assert_eq!(wait_words(720), "12 minutes");
        assert_eq!(wait_words(3600), "1 hour");
        assert_eq!(wait_words(7500), "2 hours and 5 minutes");
        assert_eq!(
            flood_message(FloodKind::Thread, LimitKind::PerHour, 720),
            "You've started a lot of conversations in the last hour. You can start another one in 12 minutes."
        );
        assert_eq!(
            flood_message(FloodKind::Reply, LimitKind::Gap, 15),
            "Please wait 15 seconds before posting again."
        );
    }

    #[test]
    fn the_same_text_ignores_case_spacing_and_punctuation() {
        assert_eq!(
            flood_text_key("Hello,  WORLD!!"),
            flood_text_key("hello world")
        );
        assert_ne!(flood_text_key("hello world"), flood_text_key("hello there"));
    }

    #[test]
    fn limits_are_checked() {
        assert!(FloodLimits::default().check().is_ok());
        let bad = FloodLimits {
            threads_per_hour: 0,
            ..FloodLimits::default()
        };
        assert_eq!(bad.check().unwrap_err().0, "threads_per_hour");
        let bad = FloodLimits {
            replies_per_day: 10,
            ..FloodLimits::default()
        };
        assert_eq!(bad.check().unwrap_err().0, "replies_per_day");
        let bad = FloodLimits {
            min_gap_secs: FLOOD_GAP_MAX_SECS + 1,
            ..FloodLimits::default()
        };
        assert_eq!(bad.check().unwrap_err().0, "min_gap_secs");
        for k in FloodKind::ALL {
            assert_eq!(FloodKind::parse(k.as_str()), Some(k));
        }
        for k in LimitKind::ALL {
            assert_eq!(LimitKind::parse(k.as_str()), Some(k));
        }
    }
}
