//! When the next review and the next visit are due.
//!
//! Looked-after reviews follow the Care Planning, Placement and Case Review
//! (England) Regulations 2010, reg 33: the first within 20 working days of the
//! child becoming looked after, the second not more than 3 months after the
//! first, and each later one not more than 6 months after the one before.
//! Every deadline counts from the review actually held, so a review brought
//! forward (a child can ask for one at any time) moves all later ones forward.
//! Social worker visits follow reg 28, and care leavers' pathway plan reviews
//! and personal adviser visits the Care Leavers (England) Regulations 2010.
//!
//! A council may promise more than the law (Bexley: first review within a
//! month, visits at least monthly). A policy can only bring a date earlier:
//! every due date is the earlier of the statutory one and the council's one,
//! so a mistyped setting cannot make the app call a late review "on time".
//!
//! Month arithmetic: "N months after" a date is the same day of the month N
//! months later, or the last day of that month when it is shorter (31 January
//! plus 3 months is 30 April; 31 August plus 6 months is 28 February, or 29
//! in a leap year). Rolling over into the next month instead would give a
//! date later than the law allows. Chained reviews can drift (31 Jan, 30 Apr,
//! 30 Oct): each is counted from the one before, as the regulation says.
//!
//! Working days come from [`crate::bank_holidays`]; for dates outside its
//! [`covered_years`](crate::bank_holidays::covered_years) only weekends are
//! skipped, so callers should warn.

use chrono::{Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::bank_holidays::add_working_days;

/// Reg 33(1)(a): the first review within 20 working days.
pub const FIRST_REVIEW_WORKING_DAYS: u32 = 20;
/// Reg 33(1)(b): the second review within 3 months of the first.
pub const SECOND_REVIEW_MONTHS: u32 = 3;
/// Reg 33(1)(c): later reviews within 6 months of the one before.
pub const LATER_REVIEW_MONTHS: u32 = 6;
/// Care leavers: the pathway plan is reviewed at least every 6 months.
pub const PATHWAY_PLAN_REVIEW_MONTHS: u32 = 6;
/// Reg 28(2)(a): a visit within one week of a placement starting.
pub const FIRST_VISIT_WITHIN_DAYS: u64 = 7;
/// Push reminders go out this many days before a review, earliest first.
pub const REMINDER_DAYS_BEFORE: [u64; 2] = [14, 2];

/// What a council promises on top of reg 33. The default is the law alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct ReviewPolicy {
    /// Hold the first review within a calendar month of the child becoming
    /// looked after, when that is sooner than 20 working days (Bexley: yes).
    pub first_review_within_calendar_month: bool,
}

impl ReviewPolicy {
    /// The regulations and nothing more.
    pub const STATUTORY: ReviewPolicy = ReviewPolicy {
        first_review_within_calendar_month: false,
    };
    /// Bexley's promise: the first review within the first month.
    pub const BEXLEY: ReviewPolicy = ReviewPolicy {
        first_review_within_calendar_month: true,
    };
}

/// Which review is due; the words shown and the rule applied differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReviewKind {
    /// The first looked-after review of this care episode.
    First,
    /// The second looked-after review.
    Second,
    /// Any later looked-after review.
    Subsequent,
    /// A care leaver's pathway plan review.
    PathwayPlan,
}

/// The latest date the next review may be held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewDue {
    /// The last day allowed. It can fall on a weekend or bank holiday: see
    /// [`crate::bank_holidays::working_day_on_or_before`] for booking.
    pub due: NaiveDate,
    pub kind: ReviewKind,
    /// `today` is after `due` (the due day itself is still on time).
    pub overdue: bool,
}

/// `months` calendar months after `date`, clamped to the end of a shorter
/// month (see the module notes). Saturates at chrono's last date.
pub fn add_months_clamped(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

fn add_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days))
        .unwrap_or(NaiveDate::MAX)
}

/// The reviews of this episode, oldest first, once each. Reviews before the
/// episode started belong to an earlier episode and do not count: a child
/// who comes back into care starts again with a first review.
fn reviews_in_episode(episode_start: NaiveDate, reviews_held: &[NaiveDate]) -> Vec<NaiveDate> {
    let mut held: Vec<NaiveDate> = reviews_held
        .iter()
        .copied()
        .filter(|d| *d >= episode_start)
        .collect();
    held.sort_unstable();
    held.dedup();
    held
}

/// The deadline that follows `held_so_far` reviews, the last held on `last`.
fn looked_after_due(
    episode_start: NaiveDate,
    held_so_far: usize,
    last: Option<NaiveDate>,
    policy: ReviewPolicy,
) -> (NaiveDate, ReviewKind) {
    match (held_so_far, last) {
        (0, _) | (_, None) => {
            let statutory = add_working_days(episode_start, FIRST_REVIEW_WORKING_DAYS);
            let due = if policy.first_review_within_calendar_month {
                statutory.min(add_months_clamped(episode_start, 1))
            } else {
                statutory
            };
            (due, ReviewKind::First)
        }
        (1, Some(last)) => (
            add_months_clamped(last, SECOND_REVIEW_MONTHS),
            ReviewKind::Second,
        ),
        (_, Some(last)) => (
            add_months_clamped(last, LATER_REVIEW_MONTHS),
            ReviewKind::Subsequent,
        ),
    }
}

/// The next looked-after review for a child in care.
///
/// `episode_start` is the day the current care episode began; `reviews_held`
/// are the days reviews were held (any order; ones before `episode_start` are
/// ignored). The caller passes only reviews that have happened.
pub fn next_review_due(
    episode_start: NaiveDate,
    reviews_held: &[NaiveDate],
    policy: ReviewPolicy,
    today: NaiveDate,
) -> ReviewDue {
    let held = reviews_in_episode(episode_start, reviews_held);
    let (due, kind) = looked_after_due(episode_start, held.len(), held.last().copied(), policy);
    ReviewDue {
        due,
        kind,
        overdue: today > due,
    }
}

/// The next `count` looked-after reviews, assuming each is held on its due
/// date. Only the first can already be overdue in practice; the rest show
/// the child the rhythm of the year ahead.
pub fn upcoming_reviews(
    episode_start: NaiveDate,
    reviews_held: &[NaiveDate],
    policy: ReviewPolicy,
    today: NaiveDate,
    count: usize,
) -> Vec<ReviewDue> {
    let held = reviews_in_episode(episode_start, reviews_held);
    let mut last = held.last().copied();
    let mut out = Vec::with_capacity(count);
    for held_so_far in (held.len()..).take(count) {
        let (due, kind) = looked_after_due(episode_start, held_so_far, last, policy);
        out.push(ReviewDue {
            due,
            kind,
            overdue: today > due,
        });
        last = Some(due);
    }
    out
}

/// A care leaver's next pathway plan review: 6 months after the plan was
/// made or last reviewed, whichever is later (the caller passes that date).
pub fn next_pathway_plan_review_due(last_plan_or_review: NaiveDate, today: NaiveDate) -> ReviewDue {
    let due = add_months_clamped(last_plan_or_review, PATHWAY_PLAN_REVIEW_MONTHS);
    ReviewDue {
        due,
        kind: ReviewKind::PathwayPlan,
        overdue: today > due,
    }
}

/// The next `count` pathway plan reviews, assuming each is held on its due date.
pub fn upcoming_pathway_plan_reviews(
    last_plan_or_review: NaiveDate,
    today: NaiveDate,
    count: usize,
) -> Vec<ReviewDue> {
    let mut out = Vec::with_capacity(count);
    let mut last = last_plan_or_review;
    for _ in 0..count {
        let next = next_pathway_plan_review_due(last, today);
        last = next.due;
        out.push(next);
    }
    out
}

/// The days to send review reminders: 14 and 2 days before, earliest first.
/// Calendar days, not working days: reminders go to the child, who may well
/// look at the app at the weekend. Callers skip any already in the past.
pub fn reminder_dates(due: NaiveDate) -> [NaiveDate; 2] {
    REMINDER_DAYS_BEFORE.map(|days| {
        due.checked_sub_days(Days::new(days))
            .unwrap_or(NaiveDate::MIN)
    })
}

/// The longest gap allowed between two visits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum VisitInterval {
    Weeks(u32),
    /// Calendar months, clamped like reviews.
    Months(u32),
}

impl VisitInterval {
    /// The last day the next visit may happen, if the previous was on `date`.
    pub fn after(self, date: NaiveDate) -> NaiveDate {
        match self {
            VisitInterval::Weeks(weeks) => add_days(date, u64::from(weeks) * 7),
            VisitInterval::Months(months) => add_months_clamped(date, months),
        }
    }
}

/// How often a council's workers visit. Each gap is capped by the statutory
/// one in [`VisitPolicy::STATUTORY`], whatever is set here.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VisitPolicy {
    /// Social worker, first year of a placement (reg 28(2)(b): 6 weeks).
    pub first_year: VisitInterval,
    /// Social worker, after the first year of a placement meant to last
    /// until the child is 18 (reg 28(2)(c)(i): 3 months).
    pub long_term_placement: VisitInterval,
    /// Social worker, after the first year of any other placement
    /// (reg 28(2)(c)(ii): 6 weeks).
    pub other_placement: VisitInterval,
    /// A care leaver's personal adviser (at least every 2 months).
    pub personal_adviser: VisitInterval,
}

impl VisitPolicy {
    /// The regulations and nothing more.
    pub const STATUTORY: VisitPolicy = VisitPolicy {
        first_year: VisitInterval::Weeks(6),
        long_term_placement: VisitInterval::Months(3),
        other_placement: VisitInterval::Weeks(6),
        personal_adviser: VisitInterval::Months(2),
    };
    /// Bexley promises social worker visits at least monthly (check with the
    /// council: the promise is read here as applying for the whole placement).
    pub const BEXLEY: VisitPolicy = VisitPolicy {
        first_year: VisitInterval::Months(1),
        long_term_placement: VisitInterval::Months(1),
        other_placement: VisitInterval::Months(1),
        personal_adviser: VisitInterval::Months(2),
    };
}

impl Default for VisitPolicy {
    fn default() -> Self {
        VisitPolicy::STATUTORY
    }
}

/// Which rule set the next visit's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum VisitKind {
    /// The visit within a week of a placement starting.
    PlacementStart,
    /// A visit in the placement's first year.
    FirstYear,
    /// Later, in a placement meant to last until 18.
    LongTermPlacement,
    /// Later, in any other placement.
    OtherPlacement,
    /// A personal adviser's visit to a care leaver.
    PersonalAdviser,
}

/// The latest date the next visit may happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VisitDue {
    pub due: NaiveDate,
    pub kind: VisitKind,
    /// `today` is after `due`.
    pub overdue: bool,
}

fn capped(policy: VisitInterval, statutory: VisitInterval, last: NaiveDate) -> NaiveDate {
    policy.after(last).min(statutory.after(last))
}

/// The next social worker visit for a child in a placement.
///
/// `visits` are the days the child was seen; ones before `placement_start`
/// belong to an earlier placement and are ignored. Which gap applies is
/// decided by the last visit: one inside the placement's first year uses the
/// first-year gap, which is never longer than the later ones by law.
pub fn next_social_worker_visit_due(
    placement_start: NaiveDate,
    visits: &[NaiveDate],
    long_term_placement: bool,
    policy: VisitPolicy,
    today: NaiveDate,
) -> VisitDue {
    let last = visits
        .iter()
        .copied()
        .filter(|d| *d >= placement_start)
        .max();
    let statutory = VisitPolicy::STATUTORY;
    let (due, kind) = match last {
        None => (
            add_days(placement_start, FIRST_VISIT_WITHIN_DAYS),
            VisitKind::PlacementStart,
        ),
        Some(last) if last < add_months_clamped(placement_start, 12) => (
            capped(policy.first_year, statutory.first_year, last),
            VisitKind::FirstYear,
        ),
        Some(last) if long_term_placement => (
            capped(
                policy.long_term_placement,
                statutory.long_term_placement,
                last,
            ),
            VisitKind::LongTermPlacement,
        ),
        Some(last) => (
            capped(policy.other_placement, statutory.other_placement, last),
            VisitKind::OtherPlacement,
        ),
    };
    VisitDue {
        due,
        kind,
        overdue: today > due,
    }
}

/// A care leaver's next personal adviser visit. `since` is the day the duty
/// to visit began (the PA was allocated); with no visit since then, the gap
/// counts from it.
pub fn next_personal_adviser_visit_due(
    since: NaiveDate,
    visits: &[NaiveDate],
    policy: VisitPolicy,
    today: NaiveDate,
) -> VisitDue {
    let last = visits
        .iter()
        .copied()
        .filter(|d| *d >= since)
        .max()
        .unwrap_or(since);
    let due = capped(
        policy.personal_adviser,
        VisitPolicy::STATUTORY.personal_adviser,
        last,
    );
    VisitDue {
        due,
        kind: VisitKind::PersonalAdviser,
        overdue: today > due,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn month_arithmetic_clamps_to_the_end_of_shorter_months() {
        assert_eq!(add_months_clamped(d(2025, 1, 31), 3), d(2025, 4, 30));
        assert_eq!(add_months_clamped(d(2025, 8, 31), 6), d(2026, 2, 28));
        assert_eq!(add_months_clamped(d(2023, 8, 31), 6), d(2024, 2, 29));
        assert_eq!(add_months_clamped(d(2024, 2, 29), 12), d(2025, 2, 28));
        assert_eq!(add_months_clamped(d(2025, 1, 31), 1), d(2025, 2, 28));
        assert_eq!(add_months_clamped(d(2025, 3, 15), 6), d(2025, 9, 15));
        assert_eq!(add_months_clamped(NaiveDate::MAX, 1), NaiveDate::MAX);
    }

    #[test]
    fn first_review_over_christmas() {
        // Looked after from Monday 15 Dec 2025. Counting working days after it:
        // Tue 16 (1), Wed 17 (2), Thu 18 (3), Fri 19 (4), [20-21 weekend],
        // Mon 22 (5), Tue 23 (6), Wed 24 (7), [25 Christmas, 26 Boxing Day,
        // 27-28 weekend], Mon 29 (8), Tue 30 (9), Wed 31 (10), [1 Jan New
        // Year's Day], Fri 2 (11), [3-4], Mon 5 (12) .. Fri 9 (16), [10-11],
        // Mon 12 (17), Tue 13 (18), Wed 14 (19), Thu 15 Jan 2026 (20).
        // Without the three holidays it would have been Monday 12 January.
        let start = d(2025, 12, 15);
        let due = next_review_due(start, &[], ReviewPolicy::STATUTORY, d(2025, 12, 16));
        assert_eq!(
            due,
            ReviewDue {
                due: d(2026, 1, 15),
                kind: ReviewKind::First,
                overdue: false,
            }
        );
        // One calendar month is also 15 January: Bexley's rule changes nothing.
        let bexley = next_review_due(start, &[], ReviewPolicy::BEXLEY, d(2025, 12, 16));
        assert_eq!(bexley.due, d(2026, 1, 15));
    }

    #[test]
    fn bexley_first_month_is_sooner_when_holidays_stretch_twenty_working_days() {
        // Looked after from Friday 19 Dec 2025: Mon 22 (1), Tue 23 (2),
        // Wed 24 (3), [25, 26, weekend], Mon 29 (4), Tue 30 (5), Wed 31 (6),
        // [1 Jan], Fri 2 (7), Mon 5 - Fri 9 (8-12), Mon 12 - Fri 16 (13-17),
        // Mon 19 (18), Tue 20 (19), Wed 21 Jan 2026 (20).
        // A calendar month is Monday 19 January, which is sooner.
        let start = d(2025, 12, 19);
        let today = d(2025, 12, 19);
        let law = next_review_due(start, &[], ReviewPolicy::STATUTORY, today);
        assert_eq!(law.due, d(2026, 1, 21));
        let bexley = next_review_due(start, &[], ReviewPolicy::BEXLEY, today);
        assert_eq!(bexley.due, d(2026, 1, 19));
        assert_eq!(bexley.kind, ReviewKind::First);
    }

    #[test]
    fn bexley_never_makes_the_first_review_later() {
        // From Monday 3 Mar 2025, 20 working days is exactly four weeks
        // (no holidays in March): Monday 31 March. A month is 3 April, later,
        // so the statutory date stands.
        let start = d(2025, 3, 3);
        let bexley = next_review_due(start, &[], ReviewPolicy::BEXLEY, start);
        assert_eq!(bexley.due, d(2025, 3, 31));
    }

    #[test]
    fn first_review_over_easter() {
        // Looked after from Tuesday 1 Apr 2025: Wed 2 (1), Thu 3 (2), Fri 4 (3),
        // Mon 7 - Fri 11 (4-8), Mon 14 - Thu 17 (9-12), [Good Friday 18,
        // weekend, Easter Monday 21], Tue 22 - Fri 25 (13-16), Mon 28 (17),
        // Tue 29 (18), Wed 30 (19), Thu 1 May 2025 (20).
        let due = next_review_due(d(2025, 4, 1), &[], ReviewPolicy::STATUTORY, d(2025, 4, 1));
        assert_eq!(due.due, d(2025, 5, 1));
    }

    #[test]
    fn second_review_is_three_months_after_the_first_clamped() {
        // First review held Friday 31 Jan 2025: 3 months later is 30 April.
        let start = d(2025, 1, 6);
        let held = [d(2025, 1, 31)];
        let due = next_review_due(start, &held, ReviewPolicy::STATUTORY, d(2025, 2, 1));
        assert_eq!(
            due,
            ReviewDue {
                due: d(2025, 4, 30),
                kind: ReviewKind::Second,
                overdue: false,
            }
        );
    }

    #[test]
    fn later_reviews_are_six_months_after_the_previous() {
        let start = d(2025, 1, 6);
        let held = [d(2025, 4, 30), d(2025, 1, 31)]; // any order
        let due = next_review_due(start, &held, ReviewPolicy::STATUTORY, d(2025, 5, 1));
        assert_eq!(due.due, d(2025, 10, 30));
        assert_eq!(due.kind, ReviewKind::Subsequent);
    }

    #[test]
    fn an_early_review_resets_the_clock() {
        // First review 31 Jan 2025, so the second was due by 30 April. The
        // child asked for it early and it was held on 10 March: the third is
        // now due 6 months from 10 March (10 September), not from 30 April.
        let start = d(2025, 1, 6);
        let held = [d(2025, 1, 31), d(2025, 3, 10)];
        let due = next_review_due(start, &held, ReviewPolicy::STATUTORY, d(2025, 3, 11));
        assert_eq!(due.due, d(2025, 9, 10));
        assert_eq!(due.kind, ReviewKind::Subsequent);
    }

    #[test]
    fn overdue_only_after_the_due_day() {
        let start = d(2025, 12, 15);
        let on_the_day = next_review_due(start, &[], ReviewPolicy::STATUTORY, d(2026, 1, 15));
        assert!(!on_the_day.overdue);
        let day_after = next_review_due(start, &[], ReviewPolicy::STATUTORY, d(2026, 1, 16));
        assert!(day_after.overdue);
    }

    #[test]
    fn reviews_from_an_earlier_episode_do_not_count() {
        // Left care and came back on 15 Dec 2025: a first review again.
        let held = [d(2024, 3, 1), d(2024, 6, 1), d(2024, 6, 1)];
        let due = next_review_due(
            d(2025, 12, 15),
            &held,
            ReviewPolicy::STATUTORY,
            d(2025, 12, 15),
        );
        assert_eq!(due.kind, ReviewKind::First);
        assert_eq!(due.due, d(2026, 1, 15));
        // Duplicated records of one review count once.
        let held = [d(2025, 1, 31), d(2025, 1, 31)];
        let due = next_review_due(d(2025, 1, 6), &held, ReviewPolicy::STATUTORY, d(2025, 2, 1));
        assert_eq!(due.kind, ReviewKind::Second);
    }

    #[test]
    fn upcoming_reviews_chain_from_each_due_date() {
        let start = d(2025, 12, 15);
        let list = upcoming_reviews(start, &[], ReviewPolicy::STATUTORY, d(2025, 12, 20), 4);
        let got: Vec<_> = list.iter().map(|r| (r.due, r.kind)).collect();
        assert_eq!(
            got,
            vec![
                (d(2026, 1, 15), ReviewKind::First),
                (d(2026, 4, 15), ReviewKind::Second),
                (d(2026, 10, 15), ReviewKind::Subsequent),
                (d(2027, 4, 15), ReviewKind::Subsequent),
            ]
        );
        assert!(list.iter().all(|r| !r.overdue));
        // The first of them agrees with next_review_due.
        assert_eq!(
            list[0],
            next_review_due(start, &[], ReviewPolicy::STATUTORY, d(2025, 12, 20))
        );
    }

    #[test]
    fn upcoming_reviews_after_a_month_end_review_drift_to_the_thirtieth() {
        let list = upcoming_reviews(
            d(2025, 1, 6),
            &[d(2025, 1, 31)],
            ReviewPolicy::STATUTORY,
            d(2025, 5, 2),
            3,
        );
        let got: Vec<_> = list.iter().map(|r| (r.due, r.overdue)).collect();
        assert_eq!(
            got,
            vec![
                (d(2025, 4, 30), true),
                (d(2025, 10, 30), false),
                (d(2026, 4, 30), false),
            ]
        );
        assert!(
            upcoming_reviews(d(2025, 1, 6), &[], ReviewPolicy::BEXLEY, d(2025, 1, 6), 0).is_empty()
        );
    }

    #[test]
    fn pathway_plan_reviews_every_six_months() {
        let due = next_pathway_plan_review_due(d(2025, 8, 31), d(2026, 3, 1));
        assert_eq!(
            due,
            ReviewDue {
                due: d(2026, 2, 28),
                kind: ReviewKind::PathwayPlan,
                overdue: true,
            }
        );
        let list = upcoming_pathway_plan_reviews(d(2025, 8, 31), d(2025, 9, 1), 3);
        let got: Vec<_> = list.iter().map(|r| r.due).collect();
        assert_eq!(got, vec![d(2026, 2, 28), d(2026, 8, 28), d(2027, 2, 28)]);
    }

    #[test]
    fn reminders_two_weeks_and_two_days_before() {
        assert_eq!(
            reminder_dates(d(2026, 1, 15)),
            [d(2026, 1, 1), d(2026, 1, 13)]
        );
        // Across a month and year boundary, and a leap day.
        assert_eq!(
            reminder_dates(d(2024, 3, 1)),
            [d(2024, 2, 16), d(2024, 2, 28)]
        );
    }

    #[test]
    fn first_social_worker_visit_within_a_week() {
        // Calendar days, Christmas or not: placed Monday 22 Dec 2025.
        let due = next_social_worker_visit_due(
            d(2025, 12, 22),
            &[d(2025, 11, 1)], // a visit in the previous placement
            false,
            VisitPolicy::STATUTORY,
            d(2025, 12, 30),
        );
        assert_eq!(
            due,
            VisitDue {
                due: d(2025, 12, 29),
                kind: VisitKind::PlacementStart,
                overdue: true,
            }
        );
    }

    #[test]
    fn first_year_visits_six_weeks_or_monthly() {
        let start = d(2025, 12, 22);
        let visits = [d(2025, 12, 23)];
        let today = d(2026, 1, 2);
        let law =
            next_social_worker_visit_due(start, &visits, false, VisitPolicy::STATUTORY, today);
        // 23 Dec + 42 days = 3 Feb 2026.
        assert_eq!(law.due, d(2026, 2, 3));
        assert_eq!(law.kind, VisitKind::FirstYear);
        let bexley =
            next_social_worker_visit_due(start, &visits, false, VisitPolicy::BEXLEY, today);
        assert_eq!(bexley.due, d(2026, 1, 23));
    }

    #[test]
    fn visits_after_the_first_year() {
        let start = d(2024, 3, 1);
        // Last visit 28 Feb 2025 is still in the first year: 6 weeks.
        let in_year = next_social_worker_visit_due(
            start,
            &[d(2025, 2, 28)],
            true,
            VisitPolicy::STATUTORY,
            d(2025, 3, 1),
        );
        assert_eq!(
            (in_year.due, in_year.kind),
            (d(2025, 4, 11), VisitKind::FirstYear)
        );
        // After the anniversary: 3 months if meant to last until 18 ...
        let long = next_social_worker_visit_due(
            start,
            &[d(2025, 3, 10)],
            true,
            VisitPolicy::STATUTORY,
            d(2025, 3, 11),
        );
        assert_eq!(
            (long.due, long.kind),
            (d(2025, 6, 10), VisitKind::LongTermPlacement)
        );
        // ... otherwise still 6 weeks.
        let other = next_social_worker_visit_due(
            start,
            &[d(2025, 3, 10)],
            false,
            VisitPolicy::STATUTORY,
            d(2025, 3, 11),
        );
        assert_eq!(
            (other.due, other.kind),
            (d(2025, 4, 21), VisitKind::OtherPlacement)
        );
    }

    #[test]
    fn a_looser_policy_cannot_beat_the_law() {
        let loose = VisitPolicy {
            first_year: VisitInterval::Weeks(8),
            long_term_placement: VisitInterval::Months(6),
            other_placement: VisitInterval::Months(2),
            personal_adviser: VisitInterval::Months(3),
        };
        let due = next_social_worker_visit_due(
            d(2025, 12, 22),
            &[d(2025, 12, 23)],
            false,
            loose,
            d(2026, 1, 2),
        );
        assert_eq!(due.due, d(2026, 2, 3));
        let pa =
            next_personal_adviser_visit_due(d(2025, 6, 1), &[d(2025, 6, 30)], loose, d(2025, 7, 1));
        assert_eq!(pa.due, d(2025, 8, 30));
    }

    #[test]
    fn personal_adviser_visits_every_two_months() {
        let policy = VisitPolicy::BEXLEY;
        // No visit yet: two months from allocation.
        let first = next_personal_adviser_visit_due(d(2025, 6, 1), &[], policy, d(2025, 6, 2));
        assert_eq!(
            first,
            VisitDue {
                due: d(2025, 8, 1),
                kind: VisitKind::PersonalAdviser,
                overdue: false,
            }
        );
        // New Year's Eve + 2 months clamps to 28 February.
        let later = next_personal_adviser_visit_due(
            d(2025, 6, 1),
            &[d(2025, 12, 31), d(2025, 9, 1)],
            policy,
            d(2026, 3, 1),
        );
        assert_eq!(later.due, d(2026, 2, 28));
        assert!(later.overdue);
    }

    #[test]
    fn types_serialise_in_snake_case() {
        let due = ReviewDue {
            due: d(2026, 1, 15),
            kind: ReviewKind::PathwayPlan,
            overdue: false,
        };
        let json = serde_json::to_string(&due).unwrap();
        assert_eq!(
            json,
            r#"{"due":"2026-01-15","kind":"pathway_plan","overdue":false}"#
        );
        let policy: ReviewPolicy = serde_json::from_str("{}").unwrap();
        assert_eq!(policy, ReviewPolicy::STATUTORY);
        let json = serde_json::to_string(&VisitPolicy::BEXLEY.first_year).unwrap();
        assert_eq!(json, r#"{"months":1}"#);
    }
}
