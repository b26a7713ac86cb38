//! Flood limits for everything young people send: forum conversations and
//! replies (per member, per space, with each space's own numbers), reports,
//! and requests about their offer, review and plan. One limiter for every
//! kind, counted in the database so it holds across server instances.
//!
//! A caller runs [`admit`] inside the transaction that stores the thing
//! sent, before storing it: it locks the account's row, counts, and
//! records the event, so two requests at once cannot both take the last
//! place. A refusal goes to [`refused`], which records the hit for the
//! participation officer in that transaction instead and makes the answer
//! (429 with Retry-After, or 422 for the same text twice).
//!
//! Only requests come here: seeding and the generator write through the
//! repo and are never counted. Staff are never counted either: only young
//! people post in the forum or send these requests (the participation
//! officer's own notices are events and polls, not forum posts).

use crate::error::ApiError;
use crate::repo::flood as repo;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{DatabaseConnection, DatabaseTransaction, TransactionTrait};
use sha2::{Digest, Sha256};
use shared::forum::{
    flood_message, flood_text_key, flood_wait, gap_wait, FloodKind, LimitKind, Window,
};

/// Something about to be stored, as the limiter sees it.
pub struct Attempt<'a> {
    pub authority_id: i32,
    pub account_id: i32,
    /// Their forum member, for the officer's list.
    pub member_id: Option<i32>,
    pub kind: FloodKind,
    /// Counts are per space for forum posts; `None` for the other kinds.
    pub space_id: Option<i32>,
    pub window: Window,
    /// Seconds between two forum posts (0 for other kinds).
    pub gap_secs: u32,
    /// The text compared for "the same text twice" and the field it came
    /// from; `None` or empty text is never a duplicate.
    pub text: Option<(&'static str, &'a str)>,
}

impl<'a> Attempt<'a> {
    /// A request a young person sends to a worker (about their offer,
    /// review or plan): limited per account, no wait between, and `message`
    /// compared for "the same text twice".
    pub fn request(
        authority_id: i32,
        account_id: i32,
        kind: FloodKind,
        message: Option<&'a str>,
    ) -> Attempt<'a> {
        Attempt {
            authority_id,
            account_id,
            member_id: None,
            kind,
            space_id: None,
            window: shared::forum::REQUEST_WINDOW,
            gap_secs: 0,
            text: message.map(|m| ("message", m)),
        }
    }
}

/// Why an attempt was refused.
pub struct Refusal {
    authority_id: i32,
    account_id: i32,
    member_id: Option<i32>,
    kind: FloodKind,
    space_id: Option<i32>,
    limit: LimitKind,
    retry_after_secs: u64,
    field: &'static str,
}

/// Events older than this are never counted again.
const KEEP: i64 = 48;

/// Counts and, when it fits, records the attempt in `txn`. The outer
/// error is the database's; the inner one a refusal for [`refused`].
pub async fn admit(
    txn: &DatabaseTransaction,
    a: &Attempt<'_>,
    now: DateTime<Utc>,
) -> Result<Result<(), Refusal>, ApiError> {
    // First, so everything read below is after the other requests' commits.
    repo::lock_account(txn, a.account_id).await?;
    // The clock as of the lock: `now` was read before waiting for it, and
    // the requests that held it meanwhile stored later times. Judged by the
    // earlier time, their events would look newer than this attempt (a
    // wait between posts not over yet, even with no wait at all).
    let now = now.max(Utc::now());
    repo::delete_events_before(txn, a.account_id, now - Duration::hours(KEEP)).await?;
    let events = repo::events_since(txn, a.account_id, now - Duration::hours(24)).await?;
    let refuse = |limit, retry_after_secs, field| {
        Err(Refusal {
            authority_id: a.authority_id,
            account_id: a.account_id,
            member_id: a.member_id,
            kind: a.kind,
            space_id: a.space_id,
            limit,
            retry_after_secs,
            field,
        })
    };
    let same_family = |kind: &str| match FloodKind::parse(kind) {
        Some(k) if a.kind.is_post() => k.is_post(),
        Some(k) => k == a.kind,
        None => false,
    };

    let hash = a.text.as_ref().and_then(|(_, t)| text_hash(t));
    if let (Some(h), Some((field, _))) = (&hash, &a.text) {
        if events
            .iter()
            .any(|e| same_family(&e.kind) && e.text_hash.as_deref() == Some(h.as_str()))
        {
            return Ok(refuse(LimitKind::Duplicate, 0, *field));
        }
    }
    let times: Vec<DateTime<Utc>> = events
        .iter()
        .filter(|e| e.kind == a.kind.as_str() && e.space_id == a.space_id)
        .map(|e| e.created_at)
        .collect();
    if let Some((limit, secs)) = flood_wait(&times, a.window, now) {
        return Ok(refuse(limit, secs, ""));
    }
    if a.kind.is_post() {
        let last = events
            .iter()
            .filter(|e| same_family(&e.kind))
            .map(|e| e.created_at)
            .max();
        if let Some(secs) = gap_wait(last, a.gap_secs, now) {
            return Ok(refuse(LimitKind::Gap, secs, ""));
        }
    }
    repo::insert_event(
        txn,
        repo::NewEvent {
            authority_id: a.authority_id,
            account_id: a.account_id,
            kind: a.kind.as_str(),
            space_id: a.space_id,
            text_hash: hash.as_deref(),
        },
        now,
    )
    .await?;
    Ok(Ok(()))
}

/// Records the hit in the attempt's transaction, still under the account's
/// lock (so refusals at once add to one row instead of racing to make
/// several), commits that alone (the attempt itself was never stored) and
/// answers the young person.
pub async fn refused(txn: DatabaseTransaction, r: Refusal) -> ApiError {
    // The clock is read under the lock, so a row's times only move on.
    let now = Utc::now();
    let recorded = repo::record_hit(
        &txn,
        repo::NewHit {
            authority_id: r.authority_id,
            account_id: r.account_id,
            member_id: r.member_id,
            kind: r.kind.as_str(),
            limit_kind: r.limit.as_str(),
            space_id: r.space_id,
        },
        now - Duration::hours(1),
        now,
    )
    .await;
    // The young person's answer matters more than the record: a failure
    // is logged, and they still hear when they can go on.
    let committed = match recorded {
        Ok(()) => txn.commit().await,
        Err(e) => Err(e),
    };
    if let Err(e) = committed {
        tracing::warn!(error = %e, "could not record a flood limit hit");
    }
    tracing::info!(
        account_id = r.account_id,
        kind = r.kind.as_str(),
        limit = r.limit.as_str(),
        "flood limit"
    );
    let message = flood_message(r.kind, r.limit, r.retry_after_secs);
    match r.limit {
        LimitKind::Duplicate => ApiError::validation(r.field, message),
        _ => ApiError::Slow {
            retry_after_secs: r.retry_after_secs,
            message,
        },
    }
}

/// Begins a transaction and admits the attempt in it: the transaction to
/// store the thing in, or the refusal's answer.
pub async fn begin(
    db: &DatabaseConnection,
    a: &Attempt<'_>,
    now: DateTime<Utc>,
) -> Result<DatabaseTransaction, ApiError> {
    let txn = db.begin().await?;
    match admit(&txn, a, now).await? {
        Ok(()) => Ok(txn),
        Err(r) => Err(refused(txn, r).await),
    }
}

/// SHA-256 of the text as compared (never stored as text); `None` when
/// nothing is left after normalising.
fn text_hash(text: &str) -> Option<String> {
    let key = flood_text_key(text);
    (!key.is_empty()).then(|| hex::encode(Sha256::digest(key.as_bytes())))
}
