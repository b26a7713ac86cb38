//! Reviews: the statutory schedule (shared::reviews::schedule), booking and
//! recording meetings (the IRO; a personal adviser for a care leaver's
//! pathway plan review), "my review" for the young person and its calendar
//! file, requests for an earlier review, the reviews list with overdue ones
//! first, and each council's review promise.

mod booking;
mod mine;
mod outcome;
mod requests;

pub use booking::{book, change, staff_view};
pub use mine::{calendar, mine};
pub(crate) use mine::{my_next, my_review_view, you_said_we_did};
pub use outcome::{list, record_outcome};
pub(crate) use requests::tell_chair_of_choice;
pub use requests::{ask_earlier, set_participation};

use crate::access::{self};
use crate::caller::Caller;
use crate::entities::{account, review, young_person};
use crate::error::ApiError;
use crate::push::quiet;
use crate::repo::{councils, people, reviews as repo};
use chrono::{NaiveDate, Utc};
use chrono_tz::Tz;
use sea_orm::{ConnectionTrait, DatabaseConnection};
use shared::access::Ability;
use shared::care_status::care_summary;
use shared::people::{AgeBand, Role};
use shared::review_schedule::ReviewPolicy;
use shared::reviews::{format_time, FormKey, ReviewSettings, ReviewStatus};

/// How far back a review can be recorded, and how far ahead booked.
const BOOK_BACK_DAYS: i64 = 6 * 366;
const BOOK_AHEAD_DAYS: i64 = 366;
/// A meeting with a start and no end is shown as an hour long.
const DEFAULT_MEETING_MINUTES: i64 = 60;
/// The notification kind, and where the young person's copy opens.
const MY_REVIEW_LINK: &str = "/my/review";

// ----------------------------------------------------------------- helpers

/// The council's zone and today's date there.
pub(crate) async fn local_today(
    db: &impl ConnectionTrait,
    authority_id: i32,
) -> Result<(NaiveDate, Tz), ApiError> {
    let tz = councils::by_id(db, authority_id)
        .await?
        .map(|c| quiet::zone(&c.time_zone))
        .unwrap_or(chrono_tz::Europe::London);
    Ok((Utc::now().with_timezone(&tz).date_naive(), tz))
}

/// The council's promise on top of reg 33; the law alone without a setting.
pub async fn policy(
    db: &impl ConnectionTrait,
    authority_id: i32,
) -> Result<ReviewPolicy, ApiError> {
    Ok(match repo::setting(db, authority_id).await? {
        Some(s) => ReviewPolicy {
            first_review_within_calendar_month: s.first_review_within_calendar_month,
        },
        None => ReviewPolicy::STATUTORY,
    })
}

pub(crate) use crate::entities::review::kind_str;

pub(crate) fn status_of(r: &review::Model) -> Result<ReviewStatus, ApiError> {
    r.status()
}

/// The reviews in one status; an unknown stored status is an error.
pub(crate) fn in_status(
    reviews: &[review::Model],
    status: ReviewStatus,
) -> Result<Vec<&review::Model>, ApiError> {
    let mut out = Vec::new();
    for r in reviews {
        if r.status()? == status {
            out.push(r);
        }
    }
    Ok(out)
}

fn invited_of(r: &review::Model) -> Vec<String> {
    serde_json::from_str(&r.invited_json).unwrap_or_default()
}

fn time_of(minute: Option<i32>) -> Option<String> {
    minute.and_then(|m| u16::try_from(m).ok()).map(format_time)
}

fn band_of(y: &young_person::Model, today: NaiveDate) -> AgeBand {
    shared::care_status::age_band(y.date_of_birth, today)
}

/// The form a young person gets now.
pub(crate) async fn form_key_for(
    db: &impl ConnectionTrait,
    y: &young_person::Model,
    today: NaiveDate,
) -> Result<FormKey, ApiError> {
    let episodes = people::episodes(db, y.id).await?;
    let s = care_summary(y.date_of_birth, &episodes, today, false);
    Ok(FormKey::for_person(s.age_band, s.looked_after_now))
}

/// "Chris Evans, your IRO".
pub(crate) fn chair_words(a: &account::Model) -> Result<String, ApiError> {
    Ok(match a.role()? {
        Role::Iro => format!("{}, your IRO", a.display_name),
        Role::PersonalAdviser => format!("{}, your personal adviser", a.display_name),
        Role::SocialWorker => format!("{}, your social worker", a.display_name),
        _ => a.display_name.clone(),
    })
}

fn when_words(date: NaiveDate, start: Option<i32>) -> String {
    let day = date.format("%A %-d %B").to_string();
    match time_of(start) {
        Some(t) => format!("{day} at {t}"),
        None => day,
    }
}

// ----------------------------------------------------------------- settings

/// `GET /api/reviews/settings`.
pub async fn settings(db: &DatabaseConnection, caller: &Caller) -> Result<ReviewPolicy, ApiError> {
    access::require(caller, Ability::ManageReviewSettings)?;
    policy(db, caller.authority_id).await
}

/// `PUT /api/reviews/settings`.
pub async fn set_settings(
    db: &DatabaseConnection,
    caller: &Caller,
    s: &ReviewSettings,
) -> Result<ReviewPolicy, ApiError> {
    access::require(caller, Ability::ManageReviewSettings)?;
    let Some(value) = s.first_review_within_calendar_month else {
        return Err(ApiError::validation(
            "first_review_within_calendar_month",
            "Say true or false.",
        ));
    };
    repo::set_setting(
        db,
        caller.authority_id,
        value,
        Some(caller.account_id),
        Utc::now(),
    )
    .await?;
    policy(db, caller.authority_id).await
}
