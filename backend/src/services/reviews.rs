//! Reviews: the statutory schedule (shared::reviews::schedule), booking and
//! recording meetings (the IRO; a personal adviser for a care leaver's
//! pathway plan review), "my review" for the young person and its calendar
//! file, requests for an earlier review, the reviews list with overdue ones
//! first, and each council's review promise.

use crate::access::{self, Grant};
use crate::auth::Caller;
use crate::entities::{account, feedback, review, young_person};
use crate::error::ApiError;
use crate::push::{quiet, scheduler};
use crate::repo::{
    allocations, councils, feedback as fb_repo, notifications, people, push as push_repo,
    reviews as repo,
};
use crate::services::feedback as fb_svc;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};
use shared::access::{allowed, Ability, Action, Relationship};
use shared::care_status::care_summary;
use shared::ical::{event_to_ical, CalendarEvent, EventTime};
use shared::people::{AgeBand, Role};
use shared::review_schedule::{ReviewKind, ReviewPolicy};
use shared::reviews::{
    format_time, parse_time, schedule, FeedbackState, FormKey, MyParticipation, MyPastReview,
    MyReview, MyReviews, NewReview, NewReviewRequest, OutcomeCheck, Participation, ReviewChange,
    ReviewListRow, ReviewOutcome, ReviewRequestSent, ReviewRequestView, ReviewSettings,
    ReviewStatus, StaffReview, StaffReviewsView, YouSaidWeDid, INVITED_MAX, INVITED_NAME_MAX,
    MESSAGE_MAX, OUTCOME_MAX, PLACE_MAX,
};
use std::collections::HashMap;

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

/// The young person's workers now, with how each works with them.
pub(crate) async fn current_workers(
    db: &impl ConnectionTrait,
    yp_id: i32,
    now: DateTime<Utc>,
) -> Result<Vec<(Relationship, account::Model)>, ApiError> {
    let mut out = vec![];
    for (a, staff) in allocations::history(db, yp_id).await? {
        let (Some(staff), Some(rel)) = (staff, Relationship::parse(&a.relationship)) else {
            continue;
        };
        let current = a.starts_at <= now && a.ends_at.is_none_or(|e| e > now);
        if current
            && staff.disabled_at.is_none()
            && !out
                .iter()
                .any(|(_, s): &(_, account::Model)| s.id == staff.id)
        {
            out.push((rel, staff));
        }
    }
    // The same order every time: IRO, social worker, personal adviser.
    let rank = |r: &Relationship| match r {
        Relationship::Iro => 0,
        Relationship::SocialWorker => 1,
        Relationship::PersonalAdviser => 2,
    };
    out.sort_by(|(a, x), (b, y)| (rank(a), &x.display_name).cmp(&(rank(b), &y.display_name)));
    Ok(out)
}

pub(crate) fn kind_str(kind: ReviewKind) -> &'static str {
    match kind {
        ReviewKind::First => "first",
        ReviewKind::Second => "second",
        ReviewKind::Subsequent => "subsequent",
        ReviewKind::PathwayPlan => "pathway_plan",
    }
}

fn kind_of(s: &str) -> ReviewKind {
    match s {
        "first" => ReviewKind::First,
        "second" => ReviewKind::Second,
        "pathway_plan" => ReviewKind::PathwayPlan,
        _ => ReviewKind::Subsequent,
    }
}

pub(crate) fn status_of(r: &review::Model) -> ReviewStatus {
    ReviewStatus::parse(&r.status).unwrap_or(ReviewStatus::Booked)
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
pub(crate) fn chair_words(a: &account::Model) -> String {
    match Role::parse(&a.role) {
        Some(Role::Iro) => format!("{}, your IRO", a.display_name),
        Some(Role::PersonalAdviser) => format!("{}, your personal adviser", a.display_name),
        Some(Role::SocialWorker) => format!("{}, your social worker", a.display_name),
        _ => a.display_name.clone(),
    }
}

fn when_words(date: NaiveDate, start: Option<i32>) -> String {
    let day = date.format("%A %-d %B").to_string();
    match time_of(start) {
        Some(t) => format!("{day} at {t}"),
        None => day,
    }
}

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
async fn cancel_reminders(
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

async fn tell_young_person(
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
) -> StaffReview {
    let check = |part: &str, text: &Option<String>| {
        text.as_ref().map(|t| OutcomeCheck {
            part: part.to_owned(),
            report: shared::plain_language::check(t, band),
        })
    };
    StaffReview {
        id: r.public_id.clone(),
        kind: kind_of(&r.kind),
        status: status_of(r),
        date: r.scheduled_on,
        start_time: time_of(r.start_minute),
        end_time: time_of(r.end_minute),
        place: r.place.clone(),
        invited: invited_of(r),
        participation: Participation::parse(&r.participation).unwrap_or_default(),
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
    }
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
            .collect(),
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
            status: repo::BOOKED,
            scheduled_on: n.date,
            start_minute: start,
            end_minute: end,
            place: &place,
            invited_json: serde_json::to_string(&invited).unwrap_or_else(|_| "[]".to_owned()),
            participation: n.participation.as_str(),
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
    if status_of(&r) != ReviewStatus::Booked {
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
            participation: c
                .participation
                .map(Participation::as_str)
                .unwrap_or(r.participation.as_str())
                .to_owned(),
            brought_forward,
            status: if c.cancel {
                repo::CANCELLED.to_owned()
            } else {
                repo::BOOKED.to_owned()
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

/// `POST /api/people/{id}/reviews/outcome`: the review was held; what was
/// decided, checked for the young person's age like a plan.
pub async fn record_outcome(
    db: &DatabaseConnection,
    caller: &Caller,
    grant: &Grant,
    o: &ReviewOutcome,
) -> Result<StaffReviewsView, ApiError> {
    let y = &grant.young_person;
    if o.review_id.trim().is_empty() {
        return Err(ApiError::validation("review_id", "Say which review."));
    }
    let outcomes = o.outcomes.trim();
    let decisions = o.decisions.trim();
    for (field, text, what) in [
        ("outcomes", outcomes, "what was talked about"),
        ("decisions", decisions, "what was decided"),
    ] {
        if text.is_empty() {
            return Err(ApiError::validation(
                field,
                format!("Write {what}, in words the young person understands."),
            ));
        }
        if text.chars().count() > OUTCOME_MAX {
            return Err(ApiError::validation(
                field,
                format!("Keep this to {OUTCOME_MAX} characters or fewer."),
            ));
        }
    }
    let r = repo::of_person(db, y.id, o.review_id.trim())
        .await?
        .ok_or(ApiError::NotFound)?;
    if status_of(&r) == ReviewStatus::Cancelled {
        return Err(ApiError::Conflict("This review was cancelled.".to_owned()));
    }
    let (today, _) = local_today(db, y.authority_id).await?;
    if o.held_on > today || o.held_on < today - Duration::days(BOOK_BACK_DAYS) {
        return Err(ApiError::validation(
            "held_on",
            "Give the day the review was held: today or a day in the last six years.",
        ));
    }
    let band = band_of(y, today);
    let failing: Vec<&str> = [
        ("what was talked about", outcomes),
        ("what was decided", decisions),
    ]
    .into_iter()
    .filter(|(_, t)| !shared::plain_language::check(t, band).passes)
    .map(|(name, _)| name)
    .collect();
    let reason = o
        .override_reason
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    if !failing.is_empty() {
        match reason {
            None => {
                return Err(ApiError::validation(
                    "override_reason",
                    format!(
                        "The young person may not understand {}. Make the words plainer, or say why they must stay as they are.",
                        failing.join(" and ")
                    ),
                ))
            }
            Some(r) if r.chars().count() < 10 => {
                return Err(ApiError::validation(
                    "override_reason",
                    "Say a little more about why (at least 10 characters).",
                ))
            }
            Some(r) if r.chars().count() > MESSAGE_MAX => {
                return Err(ApiError::validation(
                    "override_reason",
                    format!("Keep the reason to {MESSAGE_MAX} characters or fewer."),
                ))
            }
            Some(_) => {}
        }
    }
    let answered = fb_repo::for_review(db, r.id)
        .await?
        .is_some_and(|f| f.response.is_some());
    let now = Utc::now();
    let txn = db.begin().await?;
    let ok = repo::record_outcome(
        &txn,
        r.id,
        repo::OutcomeWrite {
            held_on: o.held_on,
            outcomes: outcomes.to_owned(),
            decisions: decisions.to_owned(),
            override_reason: if failing.is_empty() {
                None
            } else {
                reason.map(str::to_owned)
            },
            by: caller.account_id,
        },
        now,
    )
    .await?;
    if !ok {
        return Err(ApiError::Conflict("This review was cancelled.".to_owned()));
    }
    grant
        .record(&txn, caller, if failing.is_empty() { None } else { reason })
        .await?;
    cancel_reminders(&txn, y, now).await?;
    let body = if answered {
        "What was decided at your review is ready to read, with your IRO's answer to what you said."
    } else {
        "What was decided at your review is ready to read."
    };
    tell_young_person(&txn, y, "review_outcome", body, now).await?;
    txn.commit().await?;
    staff_view(db, grant).await
}

// ------------------------------------------------------------- staff lists

/// `GET /api/reviews`: the reviews of the young people the caller works
/// with (a manager: their team's), overdue first, then by due date.
pub async fn list(
    db: &DatabaseConnection,
    caller: &Caller,
    overdue_only: bool,
) -> Result<Vec<ReviewListRow>, ApiError> {
    access::require(caller, Ability::ListReviews)?;
    let caseload = crate::services::people::caseload(db, caller).await?;
    let mut ys: Vec<young_person::Model> = vec![];
    for p in caseload {
        if let Some(y) = people::by_public_id(db, caller.authority_id, &p.id).await? {
            let (rel, _) = access::relation(db, caller, &y).await?;
            if allowed(caller.role, rel, Action::ReadReviews) {
                ys.push(y);
            }
        }
    }
    let (today, _) = local_today(db, caller.authority_id).await?;
    let policy = policy(db, caller.authority_id).await?;
    let ids: Vec<i32> = ys.iter().map(|y| y.id).collect();
    let reviews = repo::for_people(db, &ids).await?;
    let open = repo::open_requests(db, &ids).await?;
    let booked: Vec<&review::Model> = reviews
        .iter()
        .filter(|r| status_of(r) == ReviewStatus::Booked)
        .collect();
    let fbs = fb_repo::for_reviews(db, &booked.iter().map(|r| r.id).collect::<Vec<_>>()).await?;
    let names = repo::accounts(
        db,
        &booked
            .iter()
            .filter_map(|r| r.chair_account_id)
            .collect::<Vec<_>>(),
    )
    .await?;
    let mut rows = vec![];
    for y in &ys {
        let episodes = people::episodes(db, y.id).await?;
        let held: Vec<NaiveDate> = reviews
            .iter()
            .filter(|r| r.young_person_id == y.id)
            .filter_map(|r| r.held_on)
            .collect();
        let next = schedule(y.date_of_birth, &episodes, &held, policy, today).map(|s| s.next);
        let b = booked
            .iter()
            .filter(|r| r.young_person_id == y.id)
            .min_by_key(|r| r.scheduled_on);
        let row = ReviewListRow {
            young_person_id: y.public_id.clone(),
            name: y.preferred_name.clone(),
            overdue: next.is_some_and(|n| n.overdue),
            next_due: next,
            booked_id: b.map(|r| r.public_id.clone()),
            booked_date: b.map(|r| r.scheduled_on),
            booked_late: match (b, next) {
                (Some(r), Some(n)) => r.scheduled_on > n.due,
                _ => false,
            },
            chair: b
                .and_then(|r| r.chair_account_id)
                .and_then(|id| names.get(&id))
                .map(|a| a.display_name.clone()),
            feedback_sent: b.is_some_and(|r| fbs.iter().any(|f| f.review_id == r.id)),
            open_requests: open.iter().filter(|q| q.young_person_id == y.id).count() as u32,
        };
        if !overdue_only || row.overdue {
            rows.push(row);
        }
    }
    rows.sort_by_key(|r| {
        (
            !r.overdue,
            r.next_due.map(|n| n.due).unwrap_or(NaiveDate::MAX),
            r.name.clone(),
        )
    });
    Ok(rows)
}

// ------------------------------------------------------ the young person

fn my_review(
    r: &review::Model,
    names: &HashMap<i32, account::Model>,
    form: FormKey,
    feedback: FeedbackState,
    today: NaiveDate,
) -> MyReview {
    let participation = Participation::parse(&r.participation).unwrap_or_default();
    MyReview {
        id: r.public_id.clone(),
        date: r.scheduled_on,
        start_time: time_of(r.start_minute),
        end_time: time_of(r.end_minute),
        place: r.place.clone(),
        chair: r
            .chair_account_id
            .and_then(|id| names.get(&id))
            .map(chair_words),
        invited: invited_of(r),
        participation,
        participation_words: participation.plain().to_owned(),
        days_to_go: (r.scheduled_on - today).num_days(),
        feedback,
        form,
    }
}

/// The young person's next booked review (today or later), for them.
pub(crate) async fn my_next(
    db: &impl ConnectionTrait,
    y: &young_person::Model,
    today: NaiveDate,
) -> Result<Option<review::Model>, ApiError> {
    Ok(repo::booked(db, y.id)
        .await?
        .filter(|r| r.scheduled_on >= today))
}

/// One review as the young person sees it (theirs; anyone else's is None).
pub(crate) async fn my_review_view(
    db: &impl ConnectionTrait,
    y: &young_person::Model,
    r: &review::Model,
) -> Result<MyReview, ApiError> {
    let (today, _) = local_today(db, y.authority_id).await?;
    let names = repo::accounts(db, &r.chair_account_id.into_iter().collect::<Vec<_>>()).await?;
    let state = if fb_repo::for_review(db, r.id).await?.is_some() {
        FeedbackState::Sent
    } else if fb_repo::draft(db, y.id, r.id).await?.is_some() {
        FeedbackState::DraftSaved
    } else {
        FeedbackState::NotStarted
    };
    Ok(my_review(
        r,
        &names,
        form_key_for(db, y, today).await?,
        state,
        today,
    ))
}

/// `GET /api/me/reviews`: the "My review" screen.
pub async fn mine(db: &DatabaseConnection, grant: &Grant) -> Result<MyReviews, ApiError> {
    let y = &grant.young_person;
    let (today, _) = local_today(db, y.authority_id).await?;
    let episodes = people::episodes(db, y.id).await?;
    let reviews = repo::for_people(db, &[y.id]).await?;
    let held: Vec<NaiveDate> = reviews.iter().filter_map(|r| r.held_on).collect();
    let policy = policy(db, y.authority_id).await?;
    let due = schedule(y.date_of_birth, &episodes, &held, policy, today).map(|s| s.next);
    let next = match my_next(db, y, today).await? {
        Some(r) => Some(my_review_view(db, y, &r).await?),
        None => None,
    };
    let past_rows: Vec<&review::Model> = reviews
        .iter()
        .filter(|r| status_of(r) == ReviewStatus::Held)
        .collect();
    let fbs = fb_repo::for_reviews(db, &past_rows.iter().map(|r| r.id).collect::<Vec<_>>()).await?;
    let names = repo::accounts(
        db,
        &fbs.iter()
            .filter_map(|f| f.responded_by)
            .collect::<Vec<_>>(),
    )
    .await?;
    let mut past: Vec<MyPastReview> = past_rows
        .iter()
        .map(|r| MyPastReview {
            id: r.public_id.clone(),
            held_on: r.held_on.unwrap_or(r.scheduled_on),
            outcomes: r.outcomes.clone(),
            decisions: r.decisions.clone(),
            you_said_we_did: fbs
                .iter()
                .find(|f| f.review_id == r.id)
                .and_then(|f| you_said_we_did(f, &names)),
        })
        .collect();
    past.sort_by_key(|p| std::cmp::Reverse(p.held_on));
    let leaver = form_key_for(db, y, today).await? == FormKey::CareLeaver;
    Ok(MyReviews {
        next,
        due,
        past,
        asked_for_earlier: !repo::open_requests(db, &[y.id]).await?.is_empty(),
        about: if leaver {
            "Your pathway plan review checks that your plan is still right for you. You can say what you think before it, and you can ask for it to be sooner."
        } else {
            "Your review is a meeting to check that your plan is working for you. Your IRO runs it. You can say what you think before it, and you can ask for it to be sooner."
        }
        .to_owned(),
    })
}

/// The IRO's answer, once written.
pub(crate) fn you_said_we_did(
    f: &feedback::Model,
    names: &HashMap<i32, account::Model>,
) -> Option<YouSaidWeDid> {
    Some(YouSaidWeDid {
        answer: f.response.clone()?,
        by: f
            .responded_by
            .and_then(|id| names.get(&id))
            .map(|a| a.display_name.clone())
            .unwrap_or_default(),
        at: f.responded_at?,
    })
}

/// `GET /api/me/reviews/next.ics`: "My review meeting" and the place the
/// young person already knows; nothing else.
pub async fn calendar(db: &DatabaseConnection, grant: &Grant) -> Result<String, ApiError> {
    let y = &grant.young_person;
    let (today, _) = local_today(db, y.authority_id).await?;
    let r = my_next(db, y, today).await?.ok_or(ApiError::NotFound)?;
    let slug = councils::by_id(db, y.authority_id)
        .await?
        .map(|c| c.slug)
        .unwrap_or_else(|| "council".to_owned());
    let when = match r.start_minute {
        Some(start) => {
            let at = |m: i32| {
                r.scheduled_on
                    .and_hms_opt(0, 0, 0)
                    .map(|midnight| midnight + Duration::minutes(i64::from(m)))
            };
            let start_at = at(start);
            let end_at = match r.end_minute {
                Some(e) => at(e),
                None => start_at.map(|s| s + Duration::minutes(DEFAULT_MEETING_MINUTES)),
            };
            match (start_at, end_at) {
                (Some(start), Some(end)) => EventTime::Local { start, end },
                _ => EventTime::AllDay(r.scheduled_on),
            }
        }
        None => EventTime::AllDay(r.scheduled_on),
    };
    Ok(event_to_ical(
        &CalendarEvent {
            uid: format!("review-{}@{slug}.goodforme", r.public_id),
            summary: "My review meeting".to_owned(),
            when,
            location: Some(r.place.clone()),
            description: None,
        },
        Utc::now(),
    ))
}

/// `POST /api/me/reviews/requests`: "Can my review be sooner?" reaches the
/// IRO and social worker (a care leaver's personal adviser).
pub async fn ask_earlier(
    db: &DatabaseConnection,
    caller: &Caller,
    grant: &Grant,
    n: &NewReviewRequest,
) -> Result<ReviewRequestSent, ApiError> {
    let y = &grant.young_person;
    let message = n
        .message
        .as_deref()
        .map(str::trim)
        .filter(|m| !m.is_empty())
        .map(str::to_owned);
    if message
        .as_ref()
        .is_some_and(|m| m.chars().count() > MESSAGE_MAX)
    {
        return Err(ApiError::validation(
            "message",
            format!("That is too long. Keep it under {MESSAGE_MAX} letters."),
        ));
    }
    let now = Utc::now();
    let workers = current_workers(db, y.id, now).await?;
    let pick = |r: Relationship| workers.iter().filter(move |(rel, _)| *rel == r);
    let mut told: Vec<&(Relationship, account::Model)> = pick(Relationship::Iro).collect();
    let sw: Vec<_> = pick(Relationship::SocialWorker).collect();
    if sw.is_empty() {
        told.extend(pick(Relationship::PersonalAdviser));
    } else {
        told.extend(sw);
    }
    let duty = if told.is_empty() {
        crate::repo::accounts::managers_of_team(db, None, y.authority_id).await?
    } else {
        vec![]
    };
    let harm = fb_svc::harm_in(&[message.as_deref().unwrap_or_default()]);
    let routing = match &harm {
        Some(_) => Some(fb_svc::route_alert(db, y, now).await?),
        None => None,
    };
    let duty_phone = councils::by_id(db, y.authority_id)
        .await?
        .map(|c| c.duty_phone)
        .unwrap_or_default();
    let txn = db.begin().await?;
    let row = repo::add_request(&txn, y.id, message, now).await?;
    grant.record(&txn, caller, None).await?;
    let to: Vec<i32> = told
        .iter()
        .map(|(_, a)| a.id)
        .chain(duty.iter().map(|a| a.id))
        .collect();
    for account_id in to {
        notifications::add(
            &txn,
            notifications::NewNotification {
                account_id,
                kind: "review_request",
                title: "A young person asks for an earlier review",
                body: &format!("{} would like their review to be sooner.", y.preferred_name),
                link: &format!("/staff/people/{}/reviews", y.public_id),
                urgent: false,
            },
            now,
        )
        .await?;
    }
    if let (Some(h), Some(routing)) = (&harm, &routing) {
        fb_svc::raise_alert(&txn, y, routing, "review_request", &row.public_id, h, now).await?;
    }
    txn.commit().await?;
    let names: Vec<String> = told
        .iter()
        .map(|(rel, a)| format!("{} ({})", a.display_name, shared::reviews::short_role(*rel)))
        .collect();
    let told_words = match names.as_slice() {
        [] => "We passed this on to the duty team. Someone will talk to you about it.".to_owned(),
        [one] => format!("We told {one}. They will talk to you about it."),
        [rest @ .., last] => format!(
            "We told {} and {last}. They will talk to you about it.",
            rest.join(", ")
        ),
    };
    Ok(ReviewRequestSent {
        id: row.public_id,
        told: told_words,
        support: harm.map(|_| shared::reviews::SupportMessage::new(&duty_phone)),
    })
}

/// `PUT /api/me/reviews/participation`: how the young person wants to
/// take part (come, chair, lead part, or send their views instead). The IRO
/// running the review is told.
pub async fn set_participation(
    db: &DatabaseConnection,
    caller: &Caller,
    grant: &Grant,
    p: &MyParticipation,
) -> Result<MyReviews, ApiError> {
    let y = &grant.young_person;
    if p.review_id.trim().is_empty() {
        return Err(ApiError::validation("review_id", "Say which review."));
    }
    let r = repo::of_person(db, y.id, p.review_id.trim())
        .await?
        .ok_or(ApiError::NotFound)?;
    if status_of(&r) != ReviewStatus::Booked {
        return Err(ApiError::Conflict(
            "This review has already happened or was cancelled. You can still tell your IRO what you think.".to_owned(),
        ));
    }
    let now = Utc::now();
    let txn = db.begin().await?;
    if !repo::set_participation(&txn, r.id, p.participation.as_str(), now).await? {
        return Err(ApiError::Conflict(
            "This review has already happened or was cancelled.".to_owned(),
        ));
    }
    grant.record(&txn, caller, None).await?;
    tell_chair_of_choice(&txn, y, &r, now).await?;
    txn.commit().await?;
    mine(db, grant).await
}

/// "Leo has said how they want to take part": to the review's chair, with
/// no more than that (the choice itself is on the review page).
pub(crate) async fn tell_chair_of_choice(
    db: &impl ConnectionTrait,
    y: &young_person::Model,
    r: &review::Model,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    if let Some(chair) = r.chair_account_id {
        notifications::add(
            db,
            notifications::NewNotification {
                account_id: chair,
                kind: "review_participation",
                title: "How a young person will take part",
                body: &format!(
                    "{} has said how they want to take part in their review.",
                    y.preferred_name
                ),
                link: &format!("/staff/people/{}/reviews", y.public_id),
                urgent: false,
            },
            now,
        )
        .await?;
    }
    Ok(())
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
