//! Delivering the outbox (`push_delivery`) to push services.
//!
//! One pass: find due rows, claim each with a conditional UPDATE (a lease
//! until `now + lease_secs`), decide per row (the device's sign-in has
//! ended, the kind is turned off, quiet hours), send what is left with
//! bounded concurrency, and end each claim with one UPDATE that records the
//! outcome and applies only while the claim is still ours.
//!
//! Outcomes (RFC 8030 section 6 and common push-service practice):
//! 2xx sent; 404 or 410 the subscription is gone and is deleted; 429 and
//! 5xx and network errors retried with exponential backoff (a Retry-After
//! wins); any other 4xx is given up, as is a row after `max_attempts`.

use super::quiet::{quiet_until, zone};
use super::vapid::Vapid;
use super::{check_endpoint, ece, PushSettings};
use crate::entities::{account, notification, push_subscription as sub, session};
use crate::repo::push::{self as repo, Finish};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{DatabaseConnection, DbErr, TransactionTrait};
use shared::people::Role;
use shared::push::{
    PushPayload, DEFAULT_QUIET_END_MINUTE, DEFAULT_QUIET_START_MINUTE, PUSH_TITLE,
    PUSH_TITLE_URGENT,
};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Plaintexts are padded to a multiple of this, so every message has the
/// same size on the wire whatever it is about.
pub const PAD_TO: usize = 256;
/// The first retry waits this long; each later one twice as long.
pub const BACKOFF_BASE_SECS: i64 = 30;
/// The longest wait between tries.
pub const BACKOFF_MAX_SECS: i64 = 6 * 3600;
/// The longest Retry-After honoured.
pub const RETRY_AFTER_MAX_SECS: i64 = 24 * 3600;

#[derive(Debug, thiserror::Error)]
pub enum PushError {
    #[error(transparent)]
    Vapid(#[from] super::vapid::VapidError),
    #[error("could not build the HTTP client: {0}")]
    Client(String),
}

/// What goes to one device.
#[derive(Debug, Clone)]
pub struct Message {
    pub endpoint: String,
    pub p256dh: Vec<u8>,
    pub auth: Vec<u8>,
    /// JSON of [`PushPayload`].
    pub payload: Vec<u8>,
    /// RFC 8030 Topic: at most 32 base64url characters.
    pub topic: String,
    /// RFC 8030 Urgency: `high` for urgent staff alerts, else `normal`.
    pub urgency: &'static str,
}

/// How a push service answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SendResult {
    Accepted(u16),
    /// 404 or 410: the browser's subscription no longer exists.
    Gone(u16),
    /// Worth trying again: 429, 5xx, or no answer. `after` from Retry-After.
    Retry {
        status: Option<u16>,
        after: Option<Duration>,
        error: String,
    },
    /// A refusal retrying will not change.
    Rejected {
        status: Option<u16>,
        error: String,
    },
}

/// Encrypts, signs and sends messages.
pub struct Sender {
    http: reqwest::Client,
    vapid: Vapid,
    pub settings: PushSettings,
}

impl Sender {
    pub fn new(
        settings: &PushSettings,
        vapid_private: &[u8],
        vapid_public_b64: &str,
        vapid_subject: &str,
    ) -> Result<Sender, PushError> {
        let http = reqwest::Client::builder()
            .use_rustls_tls()
            .https_only(false)
            .redirect(reqwest::redirect::Policy::none())
            .connect_timeout(std::time::Duration::from_secs(
                settings.request_timeout_secs.clamp(1, 30),
            ))
            .timeout(std::time::Duration::from_secs(
                settings.request_timeout_secs.max(1),
            ))
            .user_agent("good-for-me-push/1")
            .build()
            .map_err(|e| PushError::Client(e.to_string()))?;
        Ok(Sender {
            http,
            vapid: Vapid::new(vapid_private, vapid_public_b64, vapid_subject)?,
            settings: settings.clone(),
        })
    }

    pub fn vapid(&self) -> &Vapid {
        &self.vapid
    }

    /// One POST to the push service (RFC 8030 section 5).
    pub async fn send(&self, m: &Message) -> SendResult {
        let url = match check_endpoint(&m.endpoint, &self.settings) {
            Ok(u) => u,
            Err(e) => {
                return SendResult::Rejected {
                    status: None,
                    error: e.to_string(),
                }
            }
        };
        let authorization = match self.vapid.authorization(&url) {
            Ok(a) => a,
            Err(e) => {
                return SendResult::Rejected {
                    status: None,
                    error: e.to_string(),
                }
            }
        };
        let body = match ece::encrypt(&m.p256dh, &m.auth, &m.payload, PAD_TO) {
            Ok(b) => b,
            Err(e) => {
                return SendResult::Rejected {
                    status: None,
                    error: e.to_string(),
                }
            }
        };
        let res = self
            .http
            .post(url)
            .header("TTL", self.settings.ttl_secs.to_string())
            .header("Urgency", m.urgency)
            .header("Topic", &m.topic)
            .header("Content-Encoding", "aes128gcm")
            .header("Content-Type", "application/octet-stream")
            .header("Authorization", authorization)
            .body(body)
            .send()
            .await;
        let res = match res {
            Ok(r) => r,
            // The endpoint is a secret: never let it reach a log or a row.
            Err(e) => {
                return SendResult::Retry {
                    status: None,
                    after: None,
                    error: e.without_url().to_string(),
                }
            }
        };
        let status = res.status().as_u16();
        let after = res
            .headers()
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| parse_retry_after(v, Utc::now()));
        match status {
            200..=299 => SendResult::Accepted(status),
            404 | 410 => SendResult::Gone(status),
            429 | 500..=599 => SendResult::Retry {
                status: Some(status),
                after,
                error: format!("push service answered {status}"),
            },
            _ => SendResult::Rejected {
                status: Some(status),
                error: format!("push service answered {status}"),
            },
        }
    }
}

/// Retry-After: delay-seconds or an HTTP date (RFC 9110 section 10.2.3).
pub fn parse_retry_after(v: &str, now: DateTime<Utc>) -> Option<Duration> {
    let v = v.trim();
    if let Ok(secs) = v.parse::<i64>() {
        return Some(Duration::seconds(secs.clamp(0, RETRY_AFTER_MAX_SECS)));
    }
    let at = DateTime::parse_from_rfc2822(v).ok()?.with_timezone(&Utc);
    Some((at - now).clamp(Duration::zero(), Duration::seconds(RETRY_AFTER_MAX_SECS)))
}

/// The wait before try number `attempts + 1`: 30 s, 1 min, 2 min, ... up to
/// 6 hours, plus up to a tenth more at random so retries spread out.
pub fn backoff(attempts: i32) -> Duration {
    let exp = attempts.clamp(0, 20) as u32;
    let secs = BACKOFF_BASE_SECS
        .saturating_mul(1i64 << exp)
        .min(BACKOFF_MAX_SECS);
    let mut b = [0u8; 2];
    let jitter = if getrandom::fill(&mut b).is_ok() {
        secs * i64::from(u16::from_le_bytes(b) % 100) / 1000
    } else {
        0
    };
    Duration::seconds(secs + jitter)
}

/// What one pass did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct DeliveryReport {
    /// Rows this pass claimed.
    pub claimed: u64,
    pub sent: u64,
    /// To be tried again later (an error answer or no answer).
    pub retried: u64,
    /// Held by quiet hours until they end.
    pub held: u64,
    pub failed: u64,
    /// Not pushed by the person's choice.
    pub skipped: u64,
    /// Devices deleted: gone at the push service (404/410), or their
    /// sign-in has ended.
    pub removed: u64,
    /// Claims that ran out before the pass finished (another instance may
    /// have the row now): nothing was written for these.
    pub lost: u64,
}

/// Who a row is for, and whether it may be pushed now.
enum Decision {
    Send(Message),
    Finish(Finish),
    RemoveDevice,
}

struct Context {
    notes: HashMap<i64, notification::Model>,
    subs: HashMap<i32, sub::Model>,
    accounts: HashMap<i32, account::Model>,
    sessions: HashMap<i32, session::Model>,
    muted: HashSet<(i32, String)>,
    quiet: HashMap<i32, (u16, u16)>,
    zones: HashMap<i32, chrono_tz::Tz>,
}

async fn load_context(
    db: &DatabaseConnection,
    rows: &[crate::entities::push_delivery::Model],
) -> Result<Context, DbErr> {
    let note_ids: Vec<i64> = rows.iter().map(|r| r.notification_id).collect();
    let sub_ids: Vec<i32> = rows.iter().map(|r| r.subscription_id).collect();
    let notes: HashMap<i64, notification::Model> = repo::notifications_by_ids(db, &note_ids)
        .await?
        .into_iter()
        .map(|n| (n.id, n))
        .collect();
    let subs: HashMap<i32, sub::Model> = repo::subscriptions_by_ids(db, &sub_ids)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let mut account_ids: Vec<i32> = notes.values().map(|n| n.account_id).collect();
    account_ids.sort_unstable();
    account_ids.dedup();
    let accounts: HashMap<i32, account::Model> = repo::accounts_by_ids(db, &account_ids)
        .await?
        .into_iter()
        .map(|a| (a.id, a))
        .collect();
    let session_ids: Vec<i32> = subs.values().filter_map(|s| s.session_id).collect();
    let sessions = repo::sessions_by_ids(db, &session_ids)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let muted = repo::preferences_by_accounts(db, &account_ids)
        .await?
        .into_iter()
        .filter(|p| !p.push)
        .map(|p| (p.account_id, p.kind))
        .collect();
    let quiet = repo::settings_by_accounts(db, &account_ids)
        .await?
        .into_iter()
        .map(|s| {
            (
                s.account_id,
                (
                    u16::try_from(s.quiet_start_minute).unwrap_or(DEFAULT_QUIET_START_MINUTE),
                    u16::try_from(s.quiet_end_minute).unwrap_or(DEFAULT_QUIET_END_MINUTE),
                ),
            )
        })
        .collect();
    let zones = repo::authorities(db)
        .await?
        .into_iter()
        .map(|a| (a.id, zone(&a.time_zone)))
        .collect();
    Ok(Context {
        notes,
        subs,
        accounts,
        sessions,
        muted,
        quiet,
        zones,
    })
}

fn decide(
    ctx: &Context,
    row: &crate::entities::push_delivery::Model,
    now: DateTime<Utc>,
) -> Decision {
    let skip = |reason: &str| {
        Decision::Finish(Finish::Skipped {
            reason: reason.to_owned(),
        })
    };
    let (Some(s), Some(n)) = (
        ctx.subs.get(&row.subscription_id),
        ctx.notes.get(&row.notification_id),
    ) else {
        return skip("the device or the notification is gone");
    };
    if s.account_id != n.account_id {
        return skip("the device is now someone else's");
    }
    let Some(a) = ctx.accounts.get(&n.account_id) else {
        return skip("no such account");
    };
    if a.disabled_at.is_some() {
        return skip("the account is disabled");
    }
    // A device whose sign-in has ended (logout, password change, expiry)
    // gets nothing more, and is forgotten.
    let live = s
        .session_id
        .and_then(|id| ctx.sessions.get(&id))
        .is_some_and(|sess| sess.ended_at.is_none() && sess.expires_at > now);
    if !live {
        return Decision::RemoveDevice;
    }
    let can_turn_off = shared::push::kind_info(&n.kind).is_none_or(|k| k.can_turn_off);
    if can_turn_off && ctx.muted.contains(&(a.id, n.kind.clone())) {
        return skip("turned off by the person");
    }
    let staff = Role::parse(&a.role).is_some_and(|r| r != Role::YoungPerson);
    let urgent_staff_alert = n.urgent && staff;
    if !urgent_staff_alert {
        let (start, end) = ctx
            .quiet
            .get(&a.id)
            .copied()
            .unwrap_or((DEFAULT_QUIET_START_MINUTE, DEFAULT_QUIET_END_MINUTE));
        let tz = ctx
            .zones
            .get(&a.authority_id)
            .copied()
            .unwrap_or(chrono_tz::Europe::London);
        if let Some(until) = quiet_until(now, tz, start, end) {
            return Decision::Finish(Finish::Retry {
                at: until,
                attempted: false,
                status: None,
                error: None,
            });
        }
    }
    let (Ok(p256dh), Ok(auth)) = (
        URL_SAFE_NO_PAD.decode(&s.p256dh),
        URL_SAFE_NO_PAD.decode(&s.auth),
    ) else {
        return Decision::Finish(Finish::Failed {
            status: None,
            error: "the device's keys are not base64url".to_owned(),
        });
    };
    // Nothing about the person, the place or the care: an id, a neutral
    // title and a link into the app, which shows the rest after sign-in.
    let payload = PushPayload {
        id: n.public_id.clone(),
        title: if urgent_staff_alert {
            PUSH_TITLE_URGENT
        } else {
            PUSH_TITLE
        }
        .to_owned(),
        link: format!("/notifications/{}", n.public_id),
        urgent: urgent_staff_alert,
    };
    let payload = serde_json::to_vec(&payload).unwrap_or_default();
    Decision::Send(Message {
        endpoint: s.endpoint.clone(),
        p256dh,
        auth,
        payload,
        topic: topic_for(&n.public_id),
        urgency: if urgent_staff_alert { "high" } else { "normal" },
    })
}

/// The Topic of a notification's messages: its id without hyphens (32 hex
/// characters, inside RFC 8030's base64url alphabet and length).
pub fn topic_for(public_id: &str) -> String {
    public_id
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(32)
        .collect()
}

/// Deletes a device and what is queued for it, in one transaction.
async fn remove_device(db: &DatabaseConnection, subscription_id: i32) -> Result<(), DbErr> {
    let txn = db.begin().await?;
    repo::delete_subscription(&txn, subscription_id).await?;
    txn.commit().await
}

/// One pass over the outbox at `now`, as instance `instance`.
pub async fn deliver_due(
    db: &DatabaseConnection,
    sender: &Arc<Sender>,
    instance: &str,
    now: DateTime<Utc>,
) -> Result<DeliveryReport, DbErr> {
    let s = &sender.settings;
    let token = format!("{instance}:{}", uuid::Uuid::new_v4().simple());
    let lease = Duration::seconds(s.lease_secs.max(1));
    let started = std::time::Instant::now();
    // Stop starting requests once a claim could run out before they end.
    let send_window = std::time::Duration::from_secs(u64::try_from(s.lease_secs).unwrap_or(0))
        .saturating_sub(std::time::Duration::from_secs(s.request_timeout_secs + 5));

    let mut report = DeliveryReport::default();
    let mut mine = vec![];
    for id in repo::due_deliveries(db, now, s.batch.max(1)).await? {
        if repo::claim_delivery(db, id, &token, now, now + lease).await? {
            mine.push(id);
        }
    }
    report.claimed = mine.len() as u64;
    if mine.is_empty() {
        return Ok(report);
    }
    let rows = repo::deliveries_by_ids(db, &mine).await?;
    let ctx = load_context(db, &rows).await?;

    let mut to_send = vec![];
    let mut removed_devices: HashSet<i32> = HashSet::new();
    for row in &rows {
        if removed_devices.contains(&row.subscription_id) {
            continue;
        }
        match decide(&ctx, row, now) {
            Decision::Send(m) => to_send.push((row.id, row.subscription_id, row.attempts, m)),
            Decision::RemoveDevice => {
                remove_device(db, row.subscription_id).await?;
                removed_devices.insert(row.subscription_id);
                report.removed += 1;
            }
            Decision::Finish(f) => {
                let done = repo::finish_delivery(db, row.id, &token, &f, now).await?;
                if !done {
                    report.lost += 1;
                } else if matches!(f, Finish::Retry { .. }) {
                    report.held += 1;
                } else if matches!(f, Finish::Failed { .. }) {
                    report.failed += 1;
                } else {
                    report.skipped += 1;
                }
            }
        }
    }

    let mut queue = to_send.into_iter();
    let mut running = tokio::task::JoinSet::new();
    loop {
        while running.len() < s.concurrency.max(1) {
            let Some((id, sub_id, attempts, m)) = queue.next() else {
                break;
            };
            if started.elapsed() > send_window {
                // Too late to start: let the row go for the next pass.
                let f = Finish::Retry {
                    at: now,
                    attempted: false,
                    status: None,
                    error: None,
                };
                repo::finish_delivery(db, id, &token, &f, now).await?;
                report.retried += 1;
                continue;
            }
            let sender = Arc::clone(sender);
            running.spawn(async move {
                let result = sender.send(&m).await;
                (id, sub_id, attempts, result)
            });
        }
        let Some(joined) = running.join_next().await else {
            break;
        };
        let Ok((id, sub_id, attempts, result)) = joined else {
            continue;
        };
        if removed_devices.contains(&sub_id) {
            // Its device was deleted meanwhile, and the row with it.
            continue;
        }
        let max = s.max_attempts.max(1);
        let outcome = match result {
            SendResult::Accepted(status) => Finish::Sent {
                status: i32::from(status),
            },
            SendResult::Gone(_) => {
                if removed_devices.insert(sub_id) {
                    remove_device(db, sub_id).await?;
                    report.removed += 1;
                }
                continue;
            }
            SendResult::Retry {
                status,
                after,
                error,
            } if attempts + 1 < max => Finish::Retry {
                at: now + after.unwrap_or_else(|| backoff(attempts)),
                attempted: true,
                status: status.map(i32::from),
                error: Some(error),
            },
            SendResult::Retry { status, error, .. } | SendResult::Rejected { status, error } => {
                Finish::Failed {
                    status: status.map(i32::from),
                    error,
                }
            }
        };
        let done = repo::finish_delivery(db, id, &token, &outcome, now).await?;
        if !done {
            tracing::warn!(
                delivery = id,
                "a push claim ran out before its outcome was written"
            );
            report.lost += 1;
            continue;
        }
        match outcome {
            Finish::Sent { .. } => {
                report.sent += 1;
                repo::mark_success(db, sub_id, now).await?;
            }
            Finish::Retry { .. } => report.retried += 1,
            _ => report.failed += 1,
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn backoff_doubles_up_to_a_ceiling() {
        let b0 = backoff(0).num_seconds();
        assert!((30..=33).contains(&b0), "{b0}");
        let b3 = backoff(3).num_seconds();
        assert!((240..=264).contains(&b3), "{b3}");
        assert!(backoff(30).num_seconds() <= BACKOFF_MAX_SECS * 11 / 10);
    }

    #[test]
    fn retry_after_is_seconds_or_a_date() {
        let now = DateTime::parse_from_rfc3339("2026-11-22T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(parse_retry_after("120", now), Some(Duration::seconds(120)));
        assert_eq!(
            parse_retry_after("Sun, 22 Nov 2026 12:05:00 GMT", now),
            Some(Duration::minutes(5))
        );
        assert_eq!(
            parse_retry_after("99999999", now),
            Some(Duration::seconds(RETRY_AFTER_MAX_SECS))
        );
        assert_eq!(parse_retry_after("soon", now), None);
    }

    #[test]
    fn topics_fit_rfc_8030() {
        let t = topic_for("6f1c2a3b-0d4e-4f5a-8b6c-7d8e9f0a1b2c");
        assert_eq!(t.len(), 32);
        assert!(t.chars().all(|c| c.is_ascii_alphanumeric()));
    }
}
