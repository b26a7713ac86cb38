//! One young person's offer: what they are entitled to by their
//! circumstances, their requests, searching it, and updating circumstances.

use super::{check_query, council, load};
use crate::access::Grant;
use crate::caller::Caller;
use crate::error::ApiError;
use crate::repo::{
    circumstances as circ_repo, notifications, offer as repo, offer_requests, people,
};
use chrono::{NaiveDate, Utc};
use sea_orm::{DatabaseConnection, TransactionTrait};
use shared::eligibility::{my_offer_item, OfferArea, PersonFacts};
use shared::offer::{
    person_facts, search_score, Circumstances, CircumstancesUpdate, MyOffer, MyOfferArea,
    MyOfferEntry, MyOfferSearch, RequestBrief, UPDATED_WITHIN_DAYS,
};
use std::collections::HashMap;

// ---------------------------------------------------------------------------
// One young person's offer
// ---------------------------------------------------------------------------

pub async fn circumstances_of(
    db: &DatabaseConnection,
    yp_id: i32,
) -> Result<Circumstances, ApiError> {
    let Some(row) = circ_repo::for_young_person(db, yp_id).await? else {
        return Ok(Circumstances::default());
    };
    let by = match row.updated_by {
        Some(id) => repo::accounts(db, vec![id])
            .await?
            .remove(&id)
            .map(|a| a.display_name),
        None => None,
    };
    Ok(Circumstances {
        in_education: row.in_education,
        in_higher_education: row.in_higher_education,
        in_apprenticeship: row.in_apprenticeship,
        in_work: row.in_work,
        staying_put: row.staying_put,
        lives_in_borough: row.lives_in_borough,
        updated_at: Some(row.updated_at),
        updated_by: by,
    })
}

/// The facts the rules read about this young person today.
pub async fn facts_of(
    db: &DatabaseConnection,
    y: &crate::entities::young_person::Model,
    today: NaiveDate,
) -> Result<(PersonFacts, Circumstances), ApiError> {
    let episodes = people::episodes(db, y.id).await?;
    let c = circumstances_of(db, y.id).await?;
    Ok((person_facts(y.date_of_birth, &episodes, &c, today), c))
}

/// Their latest request about each entitlement (by row id).
async fn latest_requests(
    db: &DatabaseConnection,
    yp_id: i32,
) -> Result<HashMap<i32, RequestBrief>, ApiError> {
    let mut out = HashMap::new();
    // Newest first: the first one seen for an entitlement is its latest.
    for r in offer_requests::for_young_people(db, vec![yp_id], false, 1000).await? {
        if out.contains_key(&r.entitlement_id) {
            continue;
        }
        let status = r.status()?;
        out.insert(
            r.entitlement_id,
            RequestBrief {
                id: r.public_id,
                status,
                status_text: status.plain().to_owned(),
                open: r.open_key.is_some(),
                updated_at: r.updated_at,
            },
        );
    }
    Ok(out)
}

/// "My offer": what applies now (by area), what is coming up (soonest
/// first), and what they have never asked about.
pub async fn my_offer(db: &DatabaseConnection, grant: &Grant) -> Result<MyOffer, ApiError> {
    let y = &grant.young_person;
    let now = Utc::now();
    let today = now.date_naive();
    let (facts, circumstances) = facts_of(db, y, today).await?;
    let (_, entries) = load(db, y.authority_id, now).await?;
    let mut requests = latest_requests(db, y.id).await?;
    let mut applies: Vec<MyOfferEntry> = Vec::new();
    let mut coming_up: Vec<MyOfferEntry> = Vec::new();
    for (row_id, entry) in entries {
        let item = my_offer_item(&entry.entitlement, &facts, today);
        let mine = MyOfferEntry {
            request: requests.remove(&row_id),
            for_me: item,
            entry,
        };
        if mine.for_me.applies {
            applies.push(mine);
        } else if mine.for_me.coming_up.is_some() {
            coming_up.push(mine);
        }
    }
    // Stable: entitlements coming up on the same day keep the offer's order.
    coming_up.sort_by_key(|m| m.for_me.coming_up);
    let not_claimed_yet = applies
        .iter()
        .filter(|m| m.request.is_none())
        .map(|m| m.entry.entitlement.id.clone())
        .collect();
    let areas = OfferArea::ALL
        .into_iter()
        .filter_map(|area| {
            let entries: Vec<MyOfferEntry> = applies
                .iter()
                .filter(|m| m.entry.entitlement.area == area)
                .cloned()
                .collect();
            (!entries.is_empty()).then(|| MyOfferArea {
                area,
                title: area.title().to_owned(),
                entries,
            })
        })
        .collect();
    Ok(MyOffer {
        young_person_id: y.public_id.clone(),
        age: facts.age_years,
        category: facts.category,
        circumstances,
        duty_phone: council(db, y.authority_id).await?.duty_phone,
        areas,
        coming_up,
        not_claimed_yet,
        updated_within_days: UPDATED_WITHIN_DAYS,
    })
}

/// Search the whole offer, each result saying whether it is for them.
pub async fn search_mine(
    db: &DatabaseConnection,
    grant: &Grant,
    q: &str,
) -> Result<MyOfferSearch, ApiError> {
    let query = check_query(q)?;
    let y = &grant.young_person;
    let now = Utc::now();
    let today = now.date_naive();
    let (facts, _) = facts_of(db, y, today).await?;
    let (_, entries) = load(db, y.authority_id, now).await?;
    let mut requests = latest_requests(db, y.id).await?;
    let mut hits: Vec<(u32, MyOfferEntry)> = entries
        .into_iter()
        .filter_map(|(row_id, entry)| {
            let score = search_score(&entry, &query)?;
            Some((
                score,
                MyOfferEntry {
                    request: requests.remove(&row_id),
                    for_me: my_offer_item(&entry.entitlement, &facts, today),
                    entry,
                },
            ))
        })
        .collect();
    // Best match first; among equals, what is for them now first.
    hits.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| b.1.for_me.applies.cmp(&a.1.for_me.applies))
    });
    Ok(MyOfferSearch {
        query,
        results: hits.into_iter().map(|(_, m)| m).collect(),
    })
}

/// Records a change of circumstances; the young person is told.
pub async fn update_circumstances(
    db: &DatabaseConnection,
    caller: &Caller,
    grant: &Grant,
    update: &CircumstancesUpdate,
) -> Result<Circumstances, ApiError> {
    if update.is_empty() {
        return Err(ApiError::bad_request(
            "Send at least one of in_education, in_higher_education, in_apprenticeship, in_work, staying_put or lives_in_borough.",
        ));
    }
    let y = &grant.young_person;
    let before = circumstances_of(db, y.id).await?;
    let mut after = update.apply(&before);
    // University is education too.
    if after.in_higher_education {
        after.in_education = true;
    }
    let now = Utc::now();
    let txn = db.begin().await?;
    circ_repo::set(&txn, y.id, &after, Some(caller.account_id), now).await?;
    grant.record(&txn, caller, None).await?;
    let changed = Circumstances {
        updated_at: None,
        updated_by: None,
        ..before.clone()
    } != Circumstances {
        updated_at: None,
        updated_by: None,
        ..after.clone()
    };
    if let (true, Some(account_id)) = (changed, y.account_id) {
        notifications::add(
            &txn,
            notifications::NewNotification {
                account_id,
                kind: "offer_circumstances",
                title: "You have an update",
                body: "Your worker updated what you are doing now (study, work or where you live). This can change what you can get from the local offer.",
                link: "/my/offer",
                urgent: false,
            },
            now,
        )
        .await?;
    }
    txn.commit().await?;
    Ok(Circumstances {
        updated_at: Some(now),
        updated_by: Some(caller.display_name.clone()),
        ..after
    })
}
