//! The statutory review schedule of one young person, as staff see it, and
//! the council's review promise.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::care_status::CareEpisode;
use crate::review_schedule::{ReviewDue, ReviewKind, ReviewPolicy};

/// The start of the time in care that covers `today`: episodes that touch
/// or overlap join up (a move between placements is not a new episode).
pub fn current_period_start(episodes: &[CareEpisode], today: NaiveDate) -> Option<NaiveDate> {
    let mut sorted: Vec<CareEpisode> = episodes.to_vec();
    sorted.sort_by_key(|e| e.start);
    // Joined periods: (start, end), end None while open.
    let mut periods: Vec<(NaiveDate, Option<NaiveDate>)> = Vec::new();
    for e in sorted {
        match periods.last_mut() {
            Some((_, end)) if end.is_none_or(|x| e.start <= x) => {
                *end = match (*end, e.end) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    _ => None,
                };
            }
            _ => periods.push((e.start, e.end)),
        }
    }
    periods
        .into_iter()
        .find(|(s, end)| *s <= today && end.is_none_or(|x| today < x))
        .map(|(s, _)| s)
}

/// The review kind in words.
pub fn kind_words(kind: ReviewKind) -> &'static str {
    match kind {
        ReviewKind::First => "first review",
        ReviewKind::Second => "second review",
        ReviewKind::Subsequent => "six-monthly review",
        ReviewKind::PathwayPlan => "pathway plan review",
    }
}

/// The statutory schedule as staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScheduleView {
    /// The next review's last allowed day.
    pub next: ReviewDue,
    /// The next few, assuming each is held on its due date.
    pub upcoming: Vec<ReviewDue>,
    /// The council's promise in force.
    pub policy: ReviewPolicy,
    /// The rule in plain words.
    pub rule: String,
    /// The date is outside the bank holiday table: only weekends skipped.
    pub bank_holidays_unknown: bool,
}

/// The statutory schedule for one young person: looked-after reviews while
/// in care (from the start of the current time in care), else pathway plan
/// reviews for a care leaver (6 months from the last review held, or from
/// leaving care if none since). `None` when no review is due.
pub fn schedule(
    dob: NaiveDate,
    episodes: &[CareEpisode],
    reviews_held: &[NaiveDate],
    policy: ReviewPolicy,
    today: NaiveDate,
) -> Option<ScheduleView> {
    let summary = crate::care_status::care_summary(dob, episodes, today, false);
    if summary.looked_after_now {
        let start = current_period_start(episodes, today)?;
        let upcoming =
            crate::review_schedule::upcoming_reviews(start, reviews_held, policy, today, 3);
        let next = *upcoming.first()?;
        let promise = if policy.first_review_within_calendar_month {
            " (this council promises within a month of coming into care, when that is sooner)"
        } else {
            ""
        };
        Some(ScheduleView {
            next,
            upcoming,
            policy,
            rule: format!(
                "The first review is held within 20 working days of coming into care{promise}, the second within 3 months of the first, then at least every 6 months."
            ),
            bank_holidays_unknown: next.kind == ReviewKind::First
                && !(crate::bank_holidays::is_covered(start)
                    && crate::bank_holidays::is_covered(next.due)),
        })
    } else if summary.category != crate::people::CareLeaverCategory::None {
        let left_care = episodes
            .iter()
            .filter_map(|e| e.end)
            .filter(|d| *d <= today)
            .max();
        let last_review = reviews_held.iter().copied().filter(|d| *d <= today).max();
        let base = last_review.max(left_care)?;
        let upcoming = crate::review_schedule::upcoming_pathway_plan_reviews(base, today, 3);
        let next = *upcoming.first()?;
        Some(ScheduleView {
            next,
            upcoming,
            policy,
            rule: "A pathway plan is reviewed at least every 6 months.".to_owned(),
            bank_holidays_unknown: false,
        })
    } else {
        None
    }
}

/// `PUT /api/reviews/settings`: the council's review promise.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewSettings {
    /// Hold the first review within a calendar month of coming into care
    /// when that is sooner than 20 working days.
    #[serde(default)]
    pub first_review_within_calendar_month: Option<bool>,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::reviews::fixtures::*;

    #[test]
    fn the_time_in_care_joins_touching_episodes() {
        let e = |s, en| CareEpisode { start: s, end: en };
        let eps = [
            e(d(2020, 1, 1), Some(d(2021, 1, 1))),
            e(d(2022, 5, 1), Some(d(2023, 1, 1))),
            e(d(2023, 1, 1), None),
        ];
        assert_eq!(
            current_period_start(&eps, d(2026, 1, 1)),
            Some(d(2022, 5, 1))
        );
        assert_eq!(
            current_period_start(&eps, d(2020, 6, 1)),
            Some(d(2020, 1, 1))
        );
        assert_eq!(current_period_start(&eps, d(2021, 6, 1)), None);
        assert_eq!(current_period_start(&[], d(2021, 6, 1)), None);
    }

    #[test]
    fn schedules_for_children_in_care_and_care_leavers() {
        let dob = d(2016, 5, 1);
        // In care from Friday 19 Dec 2025: 20 working days over Christmas is
        // Wednesday 21 Jan 2026; a calendar month is Monday 19 Jan.
        let eps = [CareEpisode {
            start: d(2025, 12, 19),
            end: None,
        }];
        let law = schedule(dob, &eps, &[], ReviewPolicy::STATUTORY, d(2026, 1, 2)).unwrap();
        assert_eq!(
            (law.next.due, law.next.kind),
            (d(2026, 1, 21), ReviewKind::First)
        );
        let bexley = schedule(dob, &eps, &[], ReviewPolicy::BEXLEY, d(2026, 1, 2)).unwrap();
        assert_eq!(bexley.next.due, d(2026, 1, 19));
        assert!(bexley.rule.contains("within a month"));
        let later = schedule(
            dob,
            &eps,
            &[d(2026, 1, 19)],
            ReviewPolicy::BEXLEY,
            d(2026, 5, 1),
        )
        .unwrap();
        assert_eq!(later.next.due, d(2026, 4, 19));
        assert!(later.next.overdue);
        assert_eq!(later.upcoming.len(), 3);
        // A care leaver: 6 months from leaving care, then from each review.
        let leaver = [CareEpisode {
            start: d(2020, 1, 1),
            end: Some(d(2025, 8, 31)),
        }];
        let dob = d(2007, 6, 1);
        let s = schedule(dob, &leaver, &[], ReviewPolicy::BEXLEY, d(2025, 9, 1)).unwrap();
        assert_eq!(
            (s.next.due, s.next.kind),
            (d(2026, 2, 28), ReviewKind::PathwayPlan)
        );
        let s = schedule(
            dob,
            &leaver,
            &[d(2026, 1, 10)],
            ReviewPolicy::BEXLEY,
            d(2026, 2, 1),
        )
        .unwrap();
        assert_eq!(s.next.due, d(2026, 7, 10));
        // Never in care: no schedule.
        assert!(schedule(dob, &[], &[], ReviewPolicy::BEXLEY, d(2026, 2, 1)).is_none());
    }
}
