//! Booking and changing a review meeting: the checks on place, times and
//! who is invited, reminders, and telling the young person.

use super::{
    band_of, invited_of, kind_str, local_today, policy, status_of, time_of, when_words,
    BOOK_AHEAD_DAYS, BOOK_BACK_DAYS, MY_REVIEW_LINK,
};
use crate::access::Grant;
use crate::caller::Caller;
use crate::entities::{account, feedback, review, young_person};
use crate::error::ApiError;
use crate::push::scheduler;
use crate::repo::{feedback as fb_repo, notifications, people, push as push_repo, reviews as repo};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};
use shared::people::AgeBand;
use shared::review_schedule::ReviewKind;
use shared::reviews::{
    parse_time, schedule, NewReview, OutcomeCheck, ReviewChange, ReviewRequestView, ReviewStatus,
    StaffReview, StaffReviewsView, INVITED_MAX, INVITED_NAME_MAX, PLACE_MAX,
};
use std::collections::HashMap;

fn check_place(place: &str) -> Result<String, ApiError> {
    let p = place.trim();
    if p.is_empty() {
        return Err(ApiError::validation(
            "place",
            "Say where the meeting is, in words the young person knows (\"At home\", \"At school\").",
        ));
    }
    if p.chars().count() > PLACE_MAX {
        return Err(ApiError::validation(
            "place",
            format!("Keep the place to {PLACE_MAX} characters or fewer."),
        ));
    }
    Ok(p.to_owned())
}

fn check_times(
    start: Option<&str>,
    end: Option<&str>,
) -> Result<(Option<i32>, Option<i32>), ApiError> {
    let parse = |field: &str, v: Option<&str>| -> Result<Option<i32>, ApiError> {
        match v.map(str::trim).filter(|v| !v.is_empty()) {
            None => Ok(None),
            Some(v) => parse_time(v).map(|m| Some(i32::from(m))).ok_or_else(|| {
                ApiError::validation(field, "Give the time as hours and minutes, such as 16:00.")
            }),
        }
    };
    let s = parse("start_time", start)?;
    let e = parse("end_time", end)?;
    match (s, e) {
        (None, Some(_)) => Err(ApiError::validation(
            "start_time",
            "Give a start time with the end time.",
        )),
        (Some(s), Some(e)) if e <= s => Err(ApiError::validation(
            "end_time",
            "The meeting must end after it starts.",
        )),
        _ => Ok((s, e)),
    }
}

fn check_invited(invited: &[String]) -> Result<Vec<String>, ApiError> {
    if invited.len() > INVITED_MAX {
        return Err(ApiError::validation(
            "invited",
            format!("Invite at most {INVITED_MAX} people here."),
        ));
    }
    let mut out = vec![];
    for name in invited {
        let n = name.trim();
        if n.is_empty() || n.chars().count() > INVITED_NAME_MAX {
            return Err(ApiError::validation(
                "invited",
                format!("Give each person invited in 1 to {INVITED_NAME_MAX} characters."),
            ));
        }
        out.push(n.to_owned());
    }
    Ok(out)
}

fn check_date(field: &str, date: NaiveDate, today: NaiveDate) -> Result<(), ApiError> {
    if date < today - Duration::days(BOOK_BACK_DAYS)
        || date > today + Duration::days(BOOK_AHEAD_DAYS)
    {
        return Err(ApiError::validation(
            field,
            "Choose a date from six years ago to a year ahead.",
        ));
    }
    Ok(())
}

/// Reminders 14 and 2 days before the booked date (push, issue 7).
async fn plan_reminders(
    db: &impl ConnectionTrait,
    tz: Tz,
    y: &young_person::Model,
    date: NaiveDate,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    scheduler::plan_review_reminders(
        db,
        tz,
        &[scheduler::ReviewToRemind {
            subject: y.public_id.clone(),
            young_person_id: y.id,
            due: date,
            link: Some(MY_REVIEW_LINK.to_owned()),
        }],
        now,
    )
    .await?;
    Ok(())
}

/// No more reminders: the review was held or cancelled.
pub(super) async fn cancel_reminders(
    db: &impl ConnectionTrait,
    y: &young_person::Model,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let pending: Vec<i64> = push_repo::jobs_for_subjects(
        db,
        scheduler::REVIEW_REMINDER,
        std::slice::from_ref(&y.public_id),
    )
    .await?
    .into_iter()
    .filter(|j| j.status == push_repo::PENDING)
    .map(|j| j.id)
    .collect();
    push_repo::cancel_jobs(db, &pending, now).await?;
    Ok(())
}

pub(super) async fn tell_young_person(
    db: &impl ConnectionTrait,
    y: &young_person::Model,
    kind: &str,
    body: &str,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    if let Some(account_id) = y.account_id {
        notifications::add(
            db,
            notifications::NewNotification {
                account_id,
                kind,
                title: "You have an update",
                body,
                link: MY_REVIEW_LINK,
                urgent: false,
            },
            now,
        )
        .await?;
    }
    Ok(())
}

// -------------------------------------------------------------- staff view

fn staff_review(
    r: &review::Model,
    names: &HashMap<i32, account::Model>,
    band: AgeBand,
    fb: Option<&feedback::Model>,
) -> Result<StaffReview, ApiError> {
    let check = |part: &str, text: &Option<String>| {
        text.as_ref().map(|t| OutcomeCheck {
            part: part.to_owned(),
            report: shared::plain_language::check(t, band),
        })
    };
    Ok(StaffReview {
        id: r.public_id.clone(),
        kind: r.kind()?,
        status: status_of(r)?,
        date: r.scheduled_on,
        start_time: time_of(r.start_minute),
        end_time: time_of(r.end_minute),
        place: r.place.clone(),
        invited: invited_of(r),
        participation: r.participation()?,
        brought_forward: r.brought_forward,
        chair: r
            .chair_account_id
            .and_then(|id| names.get(&id))
            .map(|a| a.display_name.clone()),
        held_on: r.held_on,
        outcomes: r.outcomes.clone(),
        decisions: r.decisions.clone(),
        checks: [
            check("outcomes", &r.outcomes),
            check("decisions", &r.decisions),
        ]
        .into_iter()
        .flatten()
        .collect(),
        override_reason: r.override_reason.clone(),
        feedback_sent: fb.is_some(),
        feedback_answered: fb.is_some_and(|f| f.response.is_some()),
    })
}

/// `GET /api/people/{id}/reviews`.
pub async fn staff_view(
    db: &DatabaseConnection,
    grant: &Grant,
) -> Result<StaffReviewsView, ApiError> {
    let y = &grant.young_person;
    let (today, _) = local_today(db, y.authority_id).await?;
    let episodes = people::episodes(db, y.id).await?;
    let reviews = repo::for_people(db, &[y.id]).await?;
    let held: Vec<NaiveDate> = reviews.iter().filter_map(|r| r.held_on).collect();
    let policy = policy(db, y.authority_id).await?;
    let ids: Vec<i32> = reviews.iter().map(|r| r.id).collect();
    let fbs = fb_repo::for_reviews(db, &ids).await?;
    let names = repo::accounts(
        db,
        &reviews
            .iter()
            .filter_map(|r| r.chair_account_id)
            .collect::<Vec<_>>(),
    )
    .await?;
    let band = band_of(y, today);
    Ok(StaffReviewsView {
        young_person_id: y.public_id.clone(),
        name: y.preferred_name.clone(),
        age_band: band,
        schedule: schedule(y.date_of_birth, &episodes, &held, policy, today),
        reviews: reviews
            .iter()
            .map(|r| staff_review(r, &names, band, fbs.iter().find(|f| f.review_id == r.id)))
            .collect::<Result<_, _>>()?,
        requests: repo::requests_of(db, y.id, 20)
            .await?
            .into_iter()
            .map(|q| ReviewRequestView {
                id: q.public_id,
                message: q.message,
                asked_at: q.asked_at,
                resolved_at: q.resolved_at,
            })
            .collect(),
    })
}

/// `POST /api/people/{id}/reviews`: the IRO books the next review.
pub async fn book(
    db: &DatabaseConnection,
    caller: &Caller,
    grant: &Grant,
    n: &NewReview,
) -> Result<StaffReviewsView, ApiError> {
    let y = &grant.young_person;
    let place = check_place(&n.place)?;
    let (start, end) = check_times(n.start_time.as_deref(), n.end_time.as_deref())?;
    let invited = check_invited(&n.invited)?;
    let (today, tz) = local_today(db, y.authority_id).await?;
    check_date("date", n.date, today)?;
    if repo::booked(db, y.id).await?.is_some() {
        return Err(ApiError::Conflict(
            "A review is already booked. Move or cancel that one instead.".to_owned(),
        ));
    }
    let episodes = people::episodes(db, y.id).await?;
    let held = repo::held_dates(db, y.id).await?;
    let policy = policy(db, y.authority_id).await?;
    let kind = schedule(y.date_of_birth, &episodes, &held, policy, today)
        .map(|s| s.next.kind)
        .unwrap_or(ReviewKind::Subsequent);
    let now = Utc::now();
    let txn = db.begin().await?;
    repo::insert(
        &txn,
        repo::NewReviewRow {
            authority_id: y.authority_id,
            young_person_id: y.id,
            kind: kind_str(kind),
            status: ReviewStatus::Booked,
            scheduled_on: n.date,
            start_minute: start,
            end_minute: end,
            place: &place,
            invited_json: serde_json::to_string(&invited).unwrap_or_else(|_| "[]".to_owned()),
            participation: n.participation,
            brought_forward: n.brought_forward,
            chair_account_id: Some(caller.account_id),
            created_by: caller.account_id,
        },
        now,
    )
    .await?;
    if n.brought_forward {
        repo::resolve_requests(&txn, y.id, caller.account_id, now).await?;
    }
    grant.record(&txn, caller, None).await?;
    if n.date >= today {
        tell_young_person(
            &txn,
            y,
            "review_booked",
            &format!(
                "Your review meeting is booked for {}. You can tell your IRO what you think before it.",
                when_words(n.date, start)
            ),
            now,
        )
        .await?;
        plan_reminders(&txn, tz, y, n.date, now).await?;
    }
    txn.commit().await?;
    staff_view(db, grant).await
}

/// `PATCH /api/people/{id}/reviews`: move, change or cancel a booked review.
pub async fn change(
    db: &DatabaseConnection,
    caller: &Caller,
    grant: &Grant,
    c: &ReviewChange,
) -> Result<StaffReviewsView, ApiError> {
    let y = &grant.young_person;
    if c.review_id.trim().is_empty() {
        return Err(ApiError::validation("review_id", "Say which review."));
    }
    let r = repo::of_person(db, y.id, c.review_id.trim())
        .await?
        .ok_or(ApiError::NotFound)?;
    if status_of(&r)? != ReviewStatus::Booked {
        return Err(ApiError::Conflict(
            "This review has already been held or cancelled.".to_owned(),
        ));
    }
    let place = match &c.place {
        Some(p) => check_place(p)?,
        None => r.place.clone(),
    };
    let start_in = match &c.start_time {
        Some(s) => Some(s.clone()),
        None => time_of(r.start_minute),
    };
    let end_in = match &c.end_time {
        Some(s) => Some(s.clone()),
        None => time_of(r.end_minute),
    };
    let (start, end) = check_times(start_in.as_deref(), end_in.as_deref())?;
    let invited = match &c.invited {
        Some(list) => check_invited(list)?,
        None => invited_of(&r),
    };
    let (today, tz) = local_today(db, y.authority_id).await?;
    let date = c.date.unwrap_or(r.scheduled_on);
    if c.date.is_some() {
        check_date("date", date, today)?;
    }
    let brought_forward = c.brought_forward.unwrap_or(r.brought_forward);
    let moved = date != r.scheduled_on || start != r.start_minute || place != r.place;
    let now = Utc::now();
    let txn = db.begin().await?;
    let updated = repo::update_booking(
        &txn,
        r.id,
        repo::BookingWrite {
            scheduled_on: date,
            start_minute: start,
            end_minute: end,
            place,
            invited_json: serde_json::to_string(&invited).unwrap_or_else(|_| "[]".to_owned()),
            participation: match c.participation {
                Some(p) => p,
                None => r.participation()?,
            },
            brought_forward,
            status: if c.cancel {
                ReviewStatus::Cancelled
            } else {
                ReviewStatus::Booked
            },
        },
        now,
    )
    .await?;
    if !updated {
        return Err(ApiError::Conflict(
            "Someone changed this review a moment ago. Reload to see it.".to_owned(),
        ));
    }
    if brought_forward && !r.brought_forward {
        repo::resolve_requests(&txn, y.id, caller.account_id, now).await?;
    }
    grant.record(&txn, caller, None).await?;
    if c.cancel {
        cancel_reminders(&txn, y, now).await?;
        tell_young_person(
            &txn,
            y,
            "review_changed",
            "Your review meeting has been cancelled. Your IRO will tell you the new date.",
            now,
        )
        .await?;
    } else if moved && date >= today {
        plan_reminders(&txn, tz, y, date, now).await?;
        tell_young_person(
            &txn,
            y,
            "review_changed",
            &format!(
                "Your review meeting has changed. It is now on {}.",
                when_words(date, start)
            ),
            now,
        )
        .await?;
    }
    txn.commit().await?;
    staff_view(db, grant).await
}
