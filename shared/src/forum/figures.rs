//! Participation figures, with small numbers hidden so no young person can
//! be picked out.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::limits::SUPPRESS_BELOW;
use crate::people::AgeBand;

/// A count, or none when it is under [`SUPPRESS_BELOW`] (and not zero), or
/// when showing it would let a small group be worked out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BandCount {
    pub band: AgeBand,
    pub label: String,
    pub count: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ParticipationFigures {
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Young people who posted, signed up to an event or answered a poll
    /// or consultation.
    pub took_part: Option<u32>,
    pub by_age_band: Vec<BandCount>,
    pub posted: Option<u32>,
    pub signed_up_to_events: Option<u32>,
    pub answered_polls: Option<u32>,
    /// How to read the figures.
    pub note: String,
}

pub fn band_label(b: AgeBand) -> &'static str {
    match b {
        AgeBand::Under8 => "Under 8",
        AgeBand::From8To11 => "8 to 11",
        AgeBand::From12To17 => "12 to 17",
        AgeBand::From18To25 => "18 to 25",
        AgeBand::Over25 => "Over 25",
    }
}

/// Hides counts from 1 to [`SUPPRESS_BELOW`] - 1. When exactly one count is
/// hidden and the total is shown, the smallest other non-zero count is hidden
/// too, so the hidden one cannot be worked out by subtraction.
pub fn suppress(counts: &[u32]) -> Vec<Option<u32>> {
    let small = |c: u32| c > 0 && c < SUPPRESS_BELOW;
    let mut out: Vec<Option<u32>> = counts
        .iter()
        .map(|&c| if small(c) { None } else { Some(c) })
        .collect();
    if out.iter().filter(|c| c.is_none()).count() == 1 {
        let next = out
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.filter(|&v| v > 0).map(|v| (v, i)))
            .min();
        if let Some((_, i)) = next {
            out[i] = None;
        }
    }
    out
}

/// One count on its own: hidden when small.
pub fn suppress_one(count: u32) -> Option<u32> {
    (count == 0 || count >= SUPPRESS_BELOW).then_some(count)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn small_numbers_are_suppressed() {
        assert_eq!(suppress(&[10, 3, 0]), vec![None, None, Some(0)]);
        assert_eq!(
            suppress(&[10, 3, 7, 20]),
            vec![Some(10), None, None, Some(20)]
        );
        assert_eq!(suppress(&[1, 2, 30]), vec![None, None, Some(30)]);
        assert_eq!(suppress(&[5, 6]), vec![Some(5), Some(6)]);
        assert_eq!(suppress_one(4), None);
        assert_eq!(suppress_one(0), Some(0));
        assert_eq!(suppress_one(5), Some(5));
    }
}
