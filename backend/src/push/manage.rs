//! The rules behind the push API: a person's devices, their choices, and
//! their notifications list. A person only ever reaches their own; anyone
//! else's answers 404.

use super::{check_endpoint, ece, PushSettings};
use crate::caller::Caller;
use crate::entities::push_subscription as sub;
use crate::error::ApiError;
use crate::repo::{notifications, push as repo};
use base64::engine::general_purpose::{STANDARD_NO_PAD, URL_SAFE_NO_PAD};
use base64::Engine;
use chrono::{DateTime, Utc};
use sea_orm::{DatabaseConnection, TransactionTrait};
use shared::people::Role;
use shared::push::{
    format_hhmm, kind_info, parse_hhmm, KindPreference, NewPushSubscription,
    NotificationPreferences, PushSubscriptionView, QuietHours, UpdatePreferences,
    DEFAULT_QUIET_END_MINUTE, DEFAULT_QUIET_START_MINUTE, KINDS,
};
use std::collections::HashMap;

/// base64url as browsers send it; padding and the standard alphabet are
/// accepted too.
fn decode_key(s: &str) -> Option<Vec<u8>> {
    let s = s.trim().trim_end_matches('=');
    URL_SAFE_NO_PAD
        .decode(s)
        .or_else(|_| STANDARD_NO_PAD.decode(s))
        .ok()
}

/// A subscription as the browser sent it, checked: the endpoint, and the
/// keys re-encoded as base64url.
pub struct CheckedSubscription {
    pub endpoint: String,
    pub p256dh: String,
    pub auth: String,
}

pub fn check_subscription(
    n: &NewPushSubscription,
    s: &PushSettings,
) -> Result<CheckedSubscription, ApiError> {
    let endpoint = n.endpoint.trim();
    check_endpoint(endpoint, s).map_err(|e| ApiError::validation("endpoint", e.0))?;
    let p256dh = decode_key(&n.keys.p256dh)
        .filter(|k| ece::check_subscription_keys(k, &[0u8; 16]).is_ok())
        .ok_or_else(|| {
            ApiError::validation(
                "keys.p256dh",
                "This is not a browser push key (65 bytes of P-256, base64url).",
            )
        })?;
    let auth = decode_key(&n.keys.auth)
        .filter(|a| a.len() == 16)
        .ok_or_else(|| {
            ApiError::validation("keys.auth", "The auth secret must be 16 bytes, base64url.")
        })?;
    Ok(CheckedSubscription {
        endpoint: endpoint.to_owned(),
        p256dh: URL_SAFE_NO_PAD.encode(p256dh),
        auth: URL_SAFE_NO_PAD.encode(auth),
    })
}

pub fn view(s: &sub::Model, caller: &Caller) -> PushSubscriptionView {
    PushSubscriptionView {
        id: s.public_id.clone(),
        service: reqwest::Url::parse(&s.endpoint)
            .ok()
            .and_then(|u| u.host_str().map(str::to_owned))
            .unwrap_or_default(),
        created_at: s.created_at,
        this_device: s.session_id == Some(caller.session_id),
    }
}

/// Registers (or refreshes) this device for the caller. Answers the device
/// and whether it is new.
pub async fn subscribe(
    db: &DatabaseConnection,
    settings: &PushSettings,
    caller: &Caller,
    body: &NewPushSubscription,
    now: DateTime<Utc>,
) -> Result<(PushSubscriptionView, bool), ApiError> {
    let c = check_subscription(body, settings)?;
    let (row, created) = repo::subscribe(
        db,
        repo::NewSubscription {
            account_id: caller.account_id,
            session_id: caller.session_id,
            endpoint: &c.endpoint,
            p256dh: &c.p256dh,
            auth: &c.auth,
        },
        settings.max_devices.max(1),
        now,
    )
    .await?;
    Ok((view(&row, caller), created))
}

pub async fn list(
    db: &DatabaseConnection,
    caller: &Caller,
) -> Result<Vec<PushSubscriptionView>, ApiError> {
    Ok(repo::subscriptions_of(db, caller.account_id)
        .await?
        .iter()
        .map(|s| view(s, caller))
        .collect())
}

pub async fn remove(db: &DatabaseConnection, caller: &Caller, id: &str) -> Result<(), ApiError> {
    let s = repo::subscription_of(db, caller.account_id, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let txn = db.begin().await?;
    repo::delete_subscription(&txn, s.id).await?;
    txn.commit().await?;
    Ok(())
}

fn kinds_for(role: Role) -> impl Iterator<Item = &'static shared::push::KindInfo> {
    KINDS.iter().filter(move |k| {
        if role == Role::YoungPerson {
            k.for_young_people
        } else {
            k.for_staff
        }
    })
}

pub async fn preferences(
    db: &DatabaseConnection,
    caller: &Caller,
) -> Result<NotificationPreferences, ApiError> {
    let chosen: HashMap<String, bool> = repo::preferences_of(db, caller.account_id)
        .await?
        .into_iter()
        .map(|p| (p.kind, p.push))
        .collect();
    let (start, end) = match repo::setting_of(db, caller.account_id).await? {
        Some(s) => (
            u16::try_from(s.quiet_start_minute).unwrap_or(DEFAULT_QUIET_START_MINUTE),
            u16::try_from(s.quiet_end_minute).unwrap_or(DEFAULT_QUIET_END_MINUTE),
        ),
        None => (DEFAULT_QUIET_START_MINUTE, DEFAULT_QUIET_END_MINUTE),
    };
    let time_zone = repo::time_zone_of(db, caller.authority_id)
        .await?
        .unwrap_or_else(|| "Europe/London".to_owned());
    Ok(NotificationPreferences {
        kinds: kinds_for(caller.role)
            .map(|k| KindPreference {
                kind: k.kind.to_owned(),
                label: k.label.to_owned(),
                push: !k.can_turn_off || chosen.get(k.kind).copied().unwrap_or(true),
                can_turn_off: k.can_turn_off,
            })
            .collect(),
        quiet_hours: QuietHours {
            start: format_hhmm(start),
            end: format_hhmm(end),
        },
        time_zone,
    })
}

pub async fn update_preferences(
    db: &DatabaseConnection,
    caller: &Caller,
    body: &UpdatePreferences,
    now: DateTime<Utc>,
) -> Result<NotificationPreferences, ApiError> {
    // Check everything before changing anything.
    for c in &body.kinds {
        let info = kind_info(&c.kind)
            .filter(|k| kinds_for(caller.role).any(|m| m.kind == k.kind))
            .ok_or_else(|| {
                ApiError::validation("kinds", format!("There is no choice called {:?}.", c.kind))
            })?;
        if !c.push && !info.can_turn_off {
            return Err(ApiError::validation(
                "kinds",
                format!("{} cannot be turned off.", info.label),
            ));
        }
    }
    let quiet = match &body.quiet_hours {
        None => None,
        Some(q) => {
            let start = parse_hhmm(&q.start).ok_or_else(|| {
                ApiError::validation("quiet_hours.start", "Give a time like 21:00.")
            })?;
            let end = parse_hhmm(&q.end).ok_or_else(|| {
                ApiError::validation("quiet_hours.end", "Give a time like 07:00.")
            })?;
            if start == end {
                return Err(ApiError::validation(
                    "quiet_hours.end",
                    "Quiet hours need to start and end at different times.",
                ));
            }
            Some((start, end))
        }
    };
    let txn = db.begin().await?;
    for c in &body.kinds {
        repo::set_preference(&txn, caller.account_id, &c.kind, c.push, now).await?;
    }
    if let Some((start, end)) = quiet {
        repo::set_quiet_hours(&txn, caller.account_id, start, end, now).await?;
    }
    txn.commit().await?;
    preferences(db, caller).await
}

pub async fn mark_read(
    db: &DatabaseConnection,
    caller: &Caller,
    id: &str,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let n = notifications::of_account(db, caller.account_id, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    notifications::mark_read(db, n.id, now).await?;
    Ok(())
}

/// Deletes one of my notifications, in one transaction with its deliveries.
pub async fn delete_notification(
    db: &DatabaseConnection,
    caller: &Caller,
    id: &str,
) -> Result<(), ApiError> {
    let txn = db.begin().await?;
    let n = notifications::of_account(&txn, caller.account_id, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    notifications::delete(&txn, n.id).await?;
    txn.commit().await?;
    Ok(())
}

pub async fn mark_all_read(
    db: &DatabaseConnection,
    caller: &Caller,
    now: DateTime<Utc>,
) -> Result<u64, ApiError> {
    Ok(notifications::mark_all_read(db, caller.account_id, now).await?)
}
