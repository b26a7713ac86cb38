//! `GET /api/me/home`: the young person's home screen in one answer. Every
//! part reads a handful of rows of this one person (or of their council's
//! offer) by index, so its cost does not grow with the number of people,
//! and it takes two round trips (`repo::home`), three when the council's
//! offer changed lately.

use crate::access::Grant;
use crate::caller::Caller;
use crate::error::ApiError;
use crate::push::quiet;
use crate::repo::home::{self as repo, Part};
use crate::repo::offer as offer_repo;
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

    let mut people = Vec::new();
    let mut versions = Vec::new();
    for part in repo::parts(db, y.id, now).await? {
        match part {
            Part::Person { relationship, name } => {
                let rel = ApiError::stored(
                    "allocation",
                    "relationship",
                    &relationship,
                    Relationship::parse,
                )?;
                people.push(HomePerson {
                    relationship: rel,
                    name,
                    role_explained: plans::explain_role(rel).to_owned(),
                });
            }
            Part::Plan {
                kind,
                sections_json,
                version,
                shared_at,
            } => versions.push((version.unwrap_or(1), kind, sections_json, shared_at)),
        }
    }
    people.sort_by(|a, b| {
        (a.relationship.as_str(), &a.name).cmp(&(b.relationship.as_str(), &b.name))
    });
    versions.sort_by_key(|v| std::cmp::Reverse(v.0));
    let plan = match versions.first() {
        None => None,
        Some((version, kind, json, shared_at)) => {
            let changed = match versions.get(1) {
                Some((_, _, before, _)) => {
                    changes(&plans::sections_from(before), &plans::sections_from(json)).0
                }
                None => vec![],
            };
            Some(HomePlan {
                kind: plans::kind_from(kind)?,
                version: (*version).max(0) as u32,
                shared_at: shared_at.unwrap_or(now),
                changed,
            })
        }
    };

    // Only what changed lately, and of that only what is for them today.
    let mut offer_news = Vec::new();
    if s.offer_news {
        let (facts, _) = offer::facts_of(db, y, today).await?;
        for row in &offer_repo::noted_since(db, y.authority_id, since).await? {
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

    Ok(MyHome {
        next_review,
        people,
        offer_news,
        requests_with_news: u32::try_from(s.requests_moved_on).unwrap_or(0),
        plan,
        unread_notifications: u32::try_from(s.unread_notifications).unwrap_or(0),
    })
}
