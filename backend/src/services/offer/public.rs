//! The council's published offer, as anyone reads it.

use super::{check_query, load};
use crate::error::ApiError;
use crate::repo::councils;
use chrono::Utc;
use sea_orm::DatabaseConnection;
use shared::eligibility::OfferArea;
use shared::offer::{
    search_score, AreaInfo, OfferEntry, OfferSectionEntries, PublicOffer, UPDATED_WITHIN_DAYS,
};

// ---------------------------------------------------------------------------
// The published offer
// ---------------------------------------------------------------------------

/// The whole offer of the council with this slug, as anyone may read it;
/// with `q`, only what matches, best first within each section, and the
/// section with the best match first.
pub async fn public_offer(
    db: &DatabaseConnection,
    slug: &str,
    q: Option<&str>,
) -> Result<PublicOffer, ApiError> {
    let c = councils::by_slug(db, slug)
        .await?
        .ok_or(ApiError::NotFound)?;
    let query = match q {
        Some(q) => Some(check_query(q)?),
        None => None,
    };
    let (sections, entries) = load(db, c.id, Utc::now()).await?;
    let mut out: Vec<(u32, OfferSectionEntries)> = Vec::with_capacity(sections.len());
    for s in &sections {
        let mut mine: Vec<(u32, OfferEntry)> = entries
            .iter()
            .filter(|(_, e)| e.section == s.slug)
            .filter_map(|(_, e)| match &query {
                Some(q) => search_score(e, q).map(|score| (score, e.clone())),
                None => Some((0, e.clone())),
            })
            .collect();
        if query.is_some() {
            if mine.is_empty() {
                continue;
            }
            mine.sort_by_key(|m| std::cmp::Reverse(m.0));
        }
        let best = mine.first().map_or(0, |m| m.0);
        out.push((
            best,
            OfferSectionEntries {
                id: s.slug.clone(),
                title: s.title.clone(),
                entries: mine.into_iter().map(|(_, e)| e).collect(),
            },
        ));
    }
    // With a search, the section with the best match comes first.
    out.sort_by_key(|(best, _)| std::cmp::Reverse(*best));
    Ok(PublicOffer {
        council: councils::to_council(c),
        sections: out.into_iter().map(|(_, s)| s).collect(),
        areas: OfferArea::ALL.into_iter().map(AreaInfo::of).collect(),
        query,
        updated_within_days: UPDATED_WITHIN_DAYS,
    })
}
