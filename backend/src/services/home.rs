//! `GET /api/me/home`: the young person's home screen in one answer. Each
//! part reads a handful of rows of this one person (or of their council's
//! offer), by index, so its cost does not grow with the number of people;
//! the small facts come in one round trip (`repo::home`).

use crate::access::Grant;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::push::quiet;
use crate::repo::{allocations, home as repo, offer as offer_repo, plans as plan_repo};
use crate::services::{offer, plans};
use chrono::{Duration, Utc};
use sea_orm::DatabaseConnection;
use shared::access::Relationship;
use shared::eligibility::my_offer_item;
use shared::home::{HomeOfferNews, HomePerson, HomePlan, HomeReview, MyHome};
use shared::offer::UPDATED_WITHIN_DAYS;
use shared::plans::changes;
use shared::reviews::FeedbackState;

pub async fn mine(
    db: &DatabaseConnection,
    caller: &Caller,
    grant: &Grant,
) -> Result<MyHome, ApiError> {
    let y = &grant.young_person;
    let now = Utc::now();
    let since = now - Duration::days(UPDATED_WITHIN_DAYS);
    let s = repo::summary(db, y.authority_id, y.id, caller.account_id, since).await?;
    let tz = s
        .time_zone
        .as_deref()
        .map(quiet::zone)
        .unwrap_or(chrono_tz::Europe::London);
    let today = now.with_timezone(&tz).date_naive();

    // As "My review" shows it: the earliest booked one, from today on.
    let next_review = s
        .review
        .filter(|(_, _, on)| *on >= today)
        .map(|(_, id, on)| {
            let feedback = if s.feedback_sent {
                FeedbackState::Sent
            } else if s.draft_saved {
                FeedbackState::DraftSaved
            } else {
                FeedbackState::NotStarted
            };
            HomeReview {
                id,
                date: on,
                days_to_go: (on - today).num_days(),
                feedback,
                form_done: feedback == FeedbackState::Sent,
            }
        });

    let people = allocations::history(db, y.id)
        .await?
        .into_iter()
        .filter(|(a, _)| a.ends_at.is_none() && a.starts_at <= now)
        .filter_map(|(a, staff)| {
            let rel = Relationship::parse(&a.relationship)?;
            Some(HomePerson {
                relationship: rel,
                name: staff?.display_name,
                role_explained: plans::explain_role(rel).to_owned(),
            })
        })
        .collect();

    // Only what changed lately, and of that only what is for them today.
    let noted = offer_repo::noted_since(db, y.authority_id, since).await?;
    let mut offer_news = Vec::new();
    if !noted.is_empty() {
        let (facts, _) = offer::facts_of(db, y, today).await?;
        for row in &noted {
            let e = offer::entitlement_of(row)?;
            if my_offer_item(&e, &facts, today).applies {
                offer_news.push(HomeOfferNews {
                    id: row.slug.clone(),
                    title: row.title.clone(),
                    update_note: row.update_note.clone(),
                });
            }
        }
    }

    let latest = plan_repo::shared(db, y.id, 2).await?;
    let plan = latest.first().map(|current| {
        let changed = match latest.get(1) {
            Some(before) => changes(&plans::sections_of(before), &plans::sections_of(current)).0,
            None => vec![],
        };
        HomePlan {
            kind: plans::kind_from(&current.kind),
            version: current.version.unwrap_or(1).max(0) as u32,
            shared_at: current.shared_at.unwrap_or(current.updated_at),
            changed,
        }
    });

    Ok(MyHome {
        next_review,
        people,
        offer_news,
        requests_with_news: u32::try_from(s.requests_moved_on).unwrap_or(0),
        plan,
        unread_notifications: u32::try_from(s.unread_notifications).unwrap_or(0),
    })
}
