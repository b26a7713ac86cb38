//! Anonymous participation figures, by age band.

use crate::access;
use crate::caller::Caller;
use crate::error::ApiError;
use crate::repo::forum as repo;
use crate::repo::{councils, events as events_repo};
use chrono::{Duration, NaiveDate};
use sea_orm::DatabaseConnection;
use shared::access::Ability;
use shared::forum::{band_label, suppress, suppress_one, BandCount, ParticipationFigures};
use shared::people::AgeBand;

// ----------------------------------------------------------------- figures

const BANDS: [AgeBand; 5] = [
    AgeBand::Under8,
    AgeBand::From8To11,
    AgeBand::From12To17,
    AgeBand::From18To25,
    AgeBand::Over25,
];

/// How many young people took part (posted, signed up to an event, answered
/// a poll or consultation) between two dates, by age band on the last day.
/// No names; counts from 1 to 4 are hidden, and so is one more band when
/// only one is hidden, so it cannot be worked out.
pub async fn participation(
    db: &DatabaseConnection,
    caller: &Caller,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<ParticipationFigures, ApiError> {
    access::require(caller, Ability::ReadParticipationFigures)?;
    let council = councils::by_id(db, caller.authority_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let today = crate::services::forum::council_today(&council);
    let to = to.unwrap_or(today);
    let from = from.unwrap_or(to - Duration::days(364));
    if from > to {
        return Err(ApiError::validation(
            "from",
            "The start date must not be after the end date.",
        ));
    }
    if (to - from).num_days() > 366 * 5 {
        return Err(ApiError::validation(
            "from",
            "Ask for five years or less at a time.",
        ));
    }
    let tz = crate::push::quiet::zone(&council.time_zone);
    let start = crate::push::quiet::local_instant(tz, from, 0);
    let end = crate::push::quiet::local_instant(tz, to + Duration::days(1), 0);
    let a = council.id;
    let posted = repo::posters_between(db, a, start, end).await?;
    let signed = events_repo::signers_between(db, a, start, end).await?;
    let answered = events_repo::answerers_between(db, a, start, end).await?;
    let mut all: Vec<i32> = posted
        .iter()
        .chain(signed.iter())
        .chain(answered.iter())
        .copied()
        .collect();
    all.sort_unstable();
    all.dedup();
    let people = repo::young_people_by_ids(db, &all).await?;
    let mut counts = [0u32; 5];
    for y in &people {
        let band = shared::care_status::age_band(y.date_of_birth, to);
        if let Some(i) = BANDS.iter().position(|b| *b == band) {
            counts[i] += 1;
        }
    }
    let shown = suppress(&counts);
    let distinct = |mut v: Vec<i32>| {
        v.sort_unstable();
        v.dedup();
        u32::try_from(v.len()).unwrap_or(u32::MAX)
    };
    Ok(ParticipationFigures {
        from,
        to,
        took_part: suppress_one(u32::try_from(people.len()).unwrap_or(u32::MAX)),
        by_age_band: BANDS
            .iter()
            .zip(shown)
            .map(|(b, count)| BandCount {
                band: *b,
                label: band_label(*b).to_owned(),
                count,
            })
            .collect(),
        posted: suppress_one(distinct(posted)),
        signed_up_to_events: suppress_one(distinct(signed)),
        answered_polls: suppress_one(distinct(answered)),
        note: format!(
            "Young people who posted, signed up to an event or answered a poll or consultation from {from} to {to}, by their age on {to}. No names. A blank is a group of fewer than {} (or one hidden so that such a group cannot be worked out).",
            shared::forum::SUPPRESS_BELOW
        ),
    })
}
