//! "My review" for the young person: the next one, past ones with "you
//! said, we did", and the calendar file.

use super::{
    chair_words, form_key_for, in_status, invited_of, local_today, policy, time_of,
    DEFAULT_MEETING_MINUTES,
};
use crate::access::Grant;
use crate::entities::{account, feedback, review, young_person};
use crate::error::ApiError;
use crate::repo::{councils, feedback as fb_repo, people, reviews as repo};
use chrono::{Duration, NaiveDate, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection};
use shared::ical::{event_to_ical, CalendarEvent, EventTime};
use shared::reviews::{
    schedule, FeedbackState, FormKey, MyPastReview, MyReview, MyReviews, ReviewStatus, YouSaidWeDid,
};
use std::collections::HashMap;

// ------------------------------------------------------ the young person

fn my_review(
    r: &review::Model,
    names: &HashMap<i32, account::Model>,
    form: FormKey,
    feedback: FeedbackState,
    today: NaiveDate,
) -> Result<MyReview, ApiError> {
    let participation = r.participation()?;
    Ok(MyReview {
        id: r.public_id.clone(),
        date: r.scheduled_on,
        start_time: time_of(r.start_minute),
        end_time: time_of(r.end_minute),
        place: r.place.clone(),
        chair: r
            .chair_account_id
            .and_then(|id| names.get(&id))
            .map(chair_words)
            .transpose()?,
        invited: invited_of(r),
        participation,
        participation_words: participation.plain().to_owned(),
        days_to_go: (r.scheduled_on - today).num_days(),
        feedback,
        form,
    })
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
    my_review(r, &names, form_key_for(db, y, today).await?, state, today)
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
    let past_rows: Vec<&review::Model> = in_status(&reviews, ReviewStatus::Held)?;
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
