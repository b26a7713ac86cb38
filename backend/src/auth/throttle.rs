//! Sign-in throttling: at most 10 failed guesses in 5 minutes, counted
//! per address and per account.
//!
//! So that nobody can lock a child out on purpose, the per-account count
//! only applies to devices that have not signed in to that account before.
//! A device that has (it holds a signed "known device" cookie) has a count
//! of its own, so a stranger's failed guesses never block the child's phone.

use crate::error::ApiError;
use crate::repo::login_failures;
use chrono::{DateTime, Duration, Utc};
use sea_orm::ConnectionTrait;

pub const MAX_FAILURES: u64 = 10;
pub const WINDOW_SECS: i64 = 5 * 60;

/// The counters one sign-in attempt is judged by.
pub fn keys(username: &str, address: &str, known_device: Option<&str>) -> Vec<String> {
    let name = username.trim().to_lowercase();
    let mut k = vec![format!("ip:{address}")];
    match known_device {
        Some(device) => k.push(format!("dev:{device}:{name}")),
        None => k.push(format!("acct:{name}")),
    }
    k
}

/// Refuses with 429 and Retry-After when any counter is full.
pub async fn check(
    db: &impl ConnectionTrait,
    keys: &[String],
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let since = now - Duration::seconds(WINDOW_SECS);
    for key in keys {
        let (count, oldest) = login_failures::count_since(db, key, since).await?;
        if count >= MAX_FAILURES {
            let free_at = oldest.unwrap_or(now) + Duration::seconds(WINDOW_SECS);
            let wait = (free_at - now).num_seconds().max(1) as u64;
            return Err(ApiError::TooManyRequests {
                retry_after_secs: wait,
            });
        }
    }
    Ok(())
}

pub async fn record_failure(
    db: &impl ConnectionTrait,
    keys: &[String],
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    for key in keys {
        login_failures::insert(db, key, now).await?;
    }
    // Old rows serve no purpose; keep the table small.
    login_failures::delete_before(db, now - Duration::seconds(WINDOW_SECS * 2)).await?;
    Ok(())
}
