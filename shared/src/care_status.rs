//! Ages, age bands and care-leaver categories (Children Act 1989, as amended
//! by the Children (Leaving Care) Act 2000), computed from a date of birth and
//! the care episodes.
//!
//! The categories are never typed in by hand: a wrong category means a young
//! person is told they cannot have support the law gives them. Every function
//! here is pure and takes "today" as a parameter, so the browser (offline) and
//! the server always agree.
//!
//! Episodes are half-open: a [`CareEpisode`] covers `start` up to, but not
//! including, `end` (the day care ceased, as in the SSDA903 return). Adjacent
//! episodes (one ends on the day the next starts) therefore join up without a
//! gap or a double-counted day.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::people::{AgeBand, CareLeaverCategory};

/// Days of care since the 14th birthday that make a 16 or 17 year old
/// eligible: 13 weeks, counted in total across episodes.
pub const ELIGIBLE_DAYS: u32 = 91;

/// One period during which the council looked after the child.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CareEpisode {
    /// The first day looked after.
    pub start: NaiveDate,
    /// The day care ceased: the first day no longer looked after. `None` while
    /// the child is still looked after.
    #[serde(default)]
    pub end: Option<NaiveDate>,
}

impl CareEpisode {
    /// Whether this episode covers `date` (the end day itself is not covered).
    pub fn covers(&self, date: NaiveDate) -> bool {
        self.start <= date && self.end.is_none_or(|end| date < end)
    }
}

/// What the API returns about a young person's care status, all computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CareSummary {
    /// Age in whole years today.
    pub age: u32,
    pub age_band: AgeBand,
    pub category: CareLeaverCategory,
    /// Looked after today. Always false from the 18th birthday: an adult
    /// cannot be looked after, whatever an unclosed episode says.
    pub looked_after_now: bool,
}

/// The date on which someone born on `dob` turns `years` old.
///
/// Agrees with [`age_on`]: a 29 February birthday falls on 1 March in a
/// non-leap year. Saturates at `NaiveDate::MAX` beyond chrono's range.
pub fn nth_birthday(dob: NaiveDate, years: u32) -> NaiveDate {
    let year = i32::try_from(years)
        .ok()
        .and_then(|y| dob.year().checked_add(y));
    year.and_then(|y| {
        NaiveDate::from_ymd_opt(y, dob.month(), dob.day())
            // 29 February in a non-leap year: the birthday is 1 March.
            .or_else(|| NaiveDate::from_ymd_opt(y, 3, 1))
    })
    .unwrap_or(NaiveDate::MAX)
}

/// Age in whole years on `date`; 0 on or before the date of birth.
pub fn age_on(dob: NaiveDate, date: NaiveDate) -> u32 {
    if date <= dob {
        return 0;
    }
    let mut years = date.year() - dob.year();
    // Born 29 February: in a non-leap year the new age starts on 1 March (English law practice).
    if (date.month(), date.day()) < (dob.month(), dob.day()) {
        years -= 1;
    }
    u32::try_from(years).unwrap_or(0)
}

/// The age band that picks the words and forms a young person sees.
///
/// Bands are in whole years and inclusive: `From18To25` covers ages 18 to 25
/// (up to the day before the 26th birthday); `Over25` starts at 26.
pub fn age_band(dob: NaiveDate, today: NaiveDate) -> AgeBand {
    match age_on(dob, today) {
        0..=7 => AgeBand::Under8,
        8..=11 => AgeBand::From8To11,
        12..=17 => AgeBand::From12To17,
        18..=25 => AgeBand::From18To25,
        _ => AgeBand::Over25,
    }
}

/// Whether any episode covers `date`. Raw episode data: does not know the
/// child's age (see [`CareSummary::looked_after_now`] for the 18 cut-off).
pub fn is_looked_after_on(episodes: &[CareEpisode], date: NaiveDate) -> bool {
    episodes.iter().any(|e| e.covers(date))
}

/// Days looked after from the 14th birthday up to and including `date`,
/// each day counted once however many episodes overlap it.
///
/// Only care from 14 counts towards the 13-week test (Care Planning,
/// Placement and Case Review (England) Regulations 2010, reg 40).
pub fn days_looked_after_since_14(
    dob: NaiveDate,
    episodes: &[CareEpisode],
    date: NaiveDate,
) -> u32 {
    care_periods(episodes, nth_birthday(dob, 14), next_day(date))
        .iter()
        .map(|&(start, end)| days_between(start, end))
        .fold(0, u32::saturating_add)
}

/// The first day, up to `today`, on which the young person met the eligible
/// test; `None` if they never have.
///
/// The test on a day `d`: 16 or 17 on `d`, looked after on `d`, and at least
/// [`ELIGIBLE_DAYS`] days looked after from the 14th birthday up to and
/// including `d`. The running total only grows, so the first such day is the
/// first day looked after on or after both the 16th birthday and the day the
/// 91st day of care falls on. Whoever has such a day "was eligible", which is
/// what relevant and former relevant both need.
pub fn first_eligible_date(
    dob: NaiveDate,
    episodes: &[CareEpisode],
    today: NaiveDate,
) -> Option<NaiveDate> {
    let until = next_day(today).min(nth_birthday(dob, 18));
    let periods = care_periods(episodes, nth_birthday(dob, 14), until);

    // The day on which the 91st day of care since 14 falls.
    let mut counted = 0u32;
    let mut thirteen_weeks_on = None;
    for &(start, end) in &periods {
        let len = days_between(start, end);
        if counted.saturating_add(len) >= ELIGIBLE_DAYS {
            let offset = u64::from(ELIGIBLE_DAYS - counted - 1);
            thirteen_weeks_on = start.checked_add_days(chrono::Days::new(offset));
            break;
        }
        counted = counted.saturating_add(len);
    }

    let earliest = thirteen_weeks_on?.max(nth_birthday(dob, 16));
    periods.iter().find_map(|&(start, end)| {
        let day = start.max(earliest);
        (day < end).then_some(day)
    })
}

/// The care-leaver category today.
///
/// - Under 16: `None`, even if in care (they are a looked-after child).
/// - 16 or 17: `Eligible` if the eligible test is met today; `Relevant` if it
///   was met on some earlier day and they are no longer looked after;
///   `Qualifying` if they were looked after on or after the 16th birthday,
///   never met the test, and have left care; otherwise `None` (this includes a
///   16 or 17 year old still in care short of 13 weeks: not a care leaver yet).
/// - 18 up to the day before the 25th birthday: `FormerRelevant` if the test
///   was met on some day between the 16th and 18th birthdays (PA support runs
///   "to 25", so it ends on the 25th birthday); else `Qualifying` if looked
///   after on or after the 16th birthday, until the 21st birthday, or until
///   the 25th if `in_education` is true; else `None`.
/// - 25 and over: `None`.
///
/// `in_education` matters only for qualifying care leavers aged 21 to 24.
/// Callers must leave out short respite breaks, which do not count towards
/// the 13 weeks in law; an episode does not say whether it was one.
pub fn care_leaver_category(
    dob: NaiveDate,
    episodes: &[CareEpisode],
    today: NaiveDate,
    in_education: bool,
) -> CareLeaverCategory {
    let age = age_on(dob, today);
    if !(16..25).contains(&age) {
        return CareLeaverCategory::None;
    }
    let was_eligible = first_eligible_date(dob, episodes, today).is_some();
    let looked_after_since_16 = !care_periods(
        episodes,
        nth_birthday(dob, 16),
        next_day(today).min(nth_birthday(dob, 18)),
    )
    .is_empty();

    if age < 18 {
        let looked_after_now = is_looked_after_on(episodes, today);
        match (was_eligible, looked_after_now) {
            (true, true) => CareLeaverCategory::Eligible,
            (true, false) => CareLeaverCategory::Relevant,
            (false, false) if looked_after_since_16 => CareLeaverCategory::Qualifying,
            (false, _) => CareLeaverCategory::None,
        }
    } else if was_eligible {
        CareLeaverCategory::FormerRelevant
    } else if looked_after_since_16 && (age < 21 || in_education) {
        CareLeaverCategory::Qualifying
    } else {
        CareLeaverCategory::None
    }
}

/// Everything the API reports about a young person's care status today.
pub fn care_summary(
    dob: NaiveDate,
    episodes: &[CareEpisode],
    today: NaiveDate,
    in_education: bool,
) -> CareSummary {
    let age = age_on(dob, today);
    CareSummary {
        age,
        age_band: age_band(dob, today),
        category: care_leaver_category(dob, episodes, today, in_education),
        looked_after_now: today >= dob && age < 18 && is_looked_after_on(episodes, today),
    }
}

/// When a personal adviser should be allocated: Bexley does it at 17 and a
/// half (17 years and 6 months after birth). A date of birth late in a month
/// falls back to the last day of the shorter month (31 August -> 28 February).
pub fn personal_adviser_due(dob: NaiveDate) -> NaiveDate {
    dob.checked_add_months(Months::new(17 * 12 + 6))
        .unwrap_or(NaiveDate::MAX)
}

/// The last day for the leaving-care needs assessment: 3 months after the
/// 16th birthday (Care Leavers (England) Regulations 2010). A 16th birthday
/// late in a month falls back to the last day of the shorter month.
pub fn needs_assessment_due(dob: NaiveDate) -> NaiveDate {
    nth_birthday(dob, 16)
        .checked_add_months(Months::new(3))
        .unwrap_or(NaiveDate::MAX)
}

/// The day after `date` (or `date` itself at the end of chrono's range).
fn next_day(date: NaiveDate) -> NaiveDate {
    date.succ_opt().unwrap_or(date)
}

/// Days in the half-open range `start..end` (0 if empty).
fn days_between(start: NaiveDate, end: NaiveDate) -> u32 {
    u32::try_from((end - start).num_days()).unwrap_or(0)
}

/// The days looked after within `from..until`, as sorted, disjoint, half-open
/// ranges, so overlapping or duplicated episodes are never counted twice.
fn care_periods(
    episodes: &[CareEpisode],
    from: NaiveDate,
    until: NaiveDate,
) -> Vec<(NaiveDate, NaiveDate)> {
    let mut clipped: Vec<(NaiveDate, NaiveDate)> = episodes
        .iter()
        .filter_map(|e| {
            let start = e.start.max(from);
            let end = e.end.map_or(until, |end| end.min(until));
            (start < end).then_some((start, end))
        })
        .collect();
    clipped.sort_unstable();

    let mut merged: Vec<(NaiveDate, NaiveDate)> = Vec::with_capacity(clipped.len());
    for (start, end) in clipped {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    merged
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use CareLeaverCategory as C;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// `n` days after (or, if negative, before) `date`.
    fn plus(date: NaiveDate, n: i64) -> NaiveDate {
        date + chrono::TimeDelta::days(n)
    }

    fn open(start: NaiveDate) -> CareEpisode {
        CareEpisode { start, end: None }
    }

    /// An episode of exactly `days` days starting on `start`.
    fn closed(start: NaiveDate, days: i64) -> CareEpisode {
        CareEpisode {
            start,
            end: Some(plus(start, days)),
        }
    }

    // The standard young person: born 1 January 2008.
    const DOB: (i32, u32, u32) = (2008, 1, 1);
    fn dob() -> NaiveDate {
        d(DOB.0, DOB.1, DOB.2)
    }
    fn b(years: u32) -> NaiveDate {
        nth_birthday(dob(), years)
    }
    fn cat(episodes: &[CareEpisode], today: NaiveDate) -> CareLeaverCategory {
        care_leaver_category(dob(), episodes, today, false)
    }

    #[test]
    fn age_in_whole_years() {
        assert_eq!(age_on(dob(), d(2008, 1, 1)), 0);
        assert_eq!(age_on(dob(), d(2007, 6, 1)), 0);
        assert_eq!(age_on(dob(), d(2023, 12, 31)), 15);
        assert_eq!(age_on(dob(), d(2024, 1, 1)), 16);
        assert_eq!(b(16), d(2024, 1, 1));
    }

    #[test]
    fn born_on_29_february_ages_on_1_march_in_non_leap_years() {
        let leap = d(2008, 2, 29);
        assert_eq!(age_on(leap, d(2025, 2, 28)), 16);
        assert_eq!(age_on(leap, d(2025, 3, 1)), 17);
        assert_eq!(age_on(leap, d(2024, 2, 28)), 15);
        assert_eq!(age_on(leap, d(2024, 2, 29)), 16);
        assert_eq!(nth_birthday(leap, 16), d(2024, 2, 29));
        assert_eq!(nth_birthday(leap, 17), d(2025, 3, 1));
        assert_eq!(nth_birthday(leap, 18), d(2026, 3, 1));
    }

    #[test]
    fn birthdays_and_ages_agree() {
        let mut dob = d(2007, 1, 1);
        while dob < d(2009, 1, 1) {
            for n in 1..=26 {
                let birthday = nth_birthday(dob, n);
                assert_eq!(age_on(dob, birthday), n, "{dob} turning {n}");
                assert_eq!(age_on(dob, plus(birthday, -1)), n - 1, "{dob} before {n}");
            }
            dob = plus(dob, 1);
        }
    }

    #[test]
    fn age_bands_change_on_birthdays() {
        let band = |years: u32, delta: i64| age_band(dob(), plus(b(years), delta));
        assert_eq!(band(8, -1), AgeBand::Under8);
        assert_eq!(band(8, 0), AgeBand::From8To11);
        assert_eq!(band(12, -1), AgeBand::From8To11);
        assert_eq!(band(12, 0), AgeBand::From12To17);
        assert_eq!(band(18, -1), AgeBand::From12To17);
        assert_eq!(band(18, 0), AgeBand::From18To25);
        assert_eq!(band(25, 0), AgeBand::From18To25);
        assert_eq!(band(26, -1), AgeBand::From18To25);
        assert_eq!(band(26, 0), AgeBand::Over25);
        assert_eq!(age_band(dob(), d(2000, 1, 1)), AgeBand::Under8);
    }

    #[test]
    fn episodes_are_half_open() {
        let eps = [closed(d(2024, 3, 1), 10), open(d(2024, 6, 1))];
        assert!(!is_looked_after_on(&eps, d(2024, 2, 29)));
        assert!(is_looked_after_on(&eps, d(2024, 3, 1)));
        assert!(is_looked_after_on(&eps, d(2024, 3, 10)));
        assert!(!is_looked_after_on(&eps, d(2024, 3, 11)));
        assert!(is_looked_after_on(&eps, d(2030, 1, 1)));
    }

    #[test]
    fn thirteen_weeks_across_six_and_seven_week_episodes() {
        let first = closed(d(2022, 6, 1), 42); // six weeks at 14
        let second_start = plus(b(16), 10);
        let eps = [first, open(second_start)];
        let day_49 = plus(second_start, 48);

        assert_eq!(
            days_looked_after_since_14(dob(), &eps, plus(day_49, -1)),
            90
        );
        assert_eq!(cat(&eps, plus(day_49, -1)), C::None);
        assert_eq!(days_looked_after_since_14(dob(), &eps, day_49), 91);
        assert_eq!(cat(&eps, day_49), C::Eligible);
        assert_eq!(first_eligible_date(dob(), &eps, b(17)), Some(day_49));
    }

    #[test]
    fn exactly_90_days_is_not_enough_and_91_is() {
        let eps = [open(b(16))];
        assert_eq!(days_looked_after_since_14(dob(), &eps, plus(b(16), 89)), 90);
        assert_eq!(cat(&eps, plus(b(16), 89)), C::None);
        assert_eq!(cat(&eps, plus(b(16), 90)), C::Eligible);

        // The same, having left care.
        let at_17 = b(17);
        assert_eq!(cat(&[closed(b(16), 90)], at_17), C::Qualifying);
        assert_eq!(cat(&[closed(b(16), 91)], at_17), C::Relevant);
    }

    #[test]
    fn care_before_the_14th_birthday_is_not_counted() {
        // 60 days from 14 (plus 60 before it) and 30 days from 16: 90 count.
        let eps = [
            CareEpisode {
                start: plus(b(14), -60),
                end: Some(plus(b(14), 60)),
            },
            closed(b(16), 30),
        ];
        let today = plus(b(16), 100);
        assert_eq!(days_looked_after_since_14(dob(), &eps, today), 90);
        assert_eq!(cat(&eps, today), C::Qualifying);

        // Years in care before 14 make no difference.
        let mut longer = eps;
        longer[0].start = d(2015, 1, 1);
        assert_eq!(cat(&longer, today), C::Qualifying);

        // One more day after 14 does.
        let mut one_more = eps;
        one_more[0].end = Some(plus(b(14), 61));
        assert_eq!(cat(&one_more, today), C::Relevant);
    }

    #[test]
    fn no_time_in_care_after_16_is_never_eligible() {
        // Looked after from 14 until the day before the 16th birthday.
        let eps = [CareEpisode {
            start: b(14),
            end: Some(b(16)),
        }];
        assert_eq!(days_looked_after_since_14(dob(), &eps, b(17)), 730);
        assert_eq!(first_eligible_date(dob(), &eps, b(19)), None);
        assert_eq!(cat(&eps, plus(b(16), 100)), C::None);
        assert_eq!(cat(&eps, b(19)), C::None);

        // Still in care on the 16th birthday itself: eligible that day.
        let eps = [CareEpisode {
            start: b(14),
            end: Some(plus(b(16), 1)),
        }];
        assert_eq!(first_eligible_date(dob(), &eps, b(19)), Some(b(16)));
        assert_eq!(cat(&eps, plus(b(16), 100)), C::Relevant);
        assert_eq!(cat(&eps, b(19)), C::FormerRelevant);
    }

    #[test]
    fn under_16s_in_care_are_not_care_leavers() {
        let eps = [open(d(2018, 1, 1))];
        assert_eq!(cat(&eps, plus(b(16), -1)), C::None);
        assert_eq!(cat(&eps, b(16)), C::Eligible);
        let summary = care_summary(dob(), &eps, plus(b(16), -1), false);
        assert_eq!(
            summary,
            CareSummary {
                age: 15,
                age_band: AgeBand::From12To17,
                category: C::None,
                looked_after_now: true,
            }
        );
    }

    #[test]
    fn the_18th_birthday() {
        // Eligible, then left care at 16 and a bit: relevant until 18.
        let left = [CareEpisode {
            start: plus(b(16), -200),
            end: Some(plus(b(16), 100)),
        }];
        assert_eq!(cat(&left, plus(b(18), -1)), C::Relevant);
        assert_eq!(cat(&left, b(18)), C::FormerRelevant);

        // Still in care up to 18 (an unclosed episode): former relevant at 18.
        let stayed = [open(plus(b(16), -200))];
        assert_eq!(cat(&stayed, plus(b(18), -1)), C::Eligible);
        assert!(care_summary(dob(), &stayed, plus(b(18), -1), false).looked_after_now);
        let at_18 = care_summary(dob(), &stayed, b(18), false);
        assert_eq!(at_18.category, C::FormerRelevant);
        assert!(!at_18.looked_after_now);
        assert_eq!(at_18.age_band, AgeBand::From18To25);
    }

    #[test]
    fn weeks_after_the_18th_birthday_do_not_count() {
        let eps = [closed(plus(b(18), -30), 91)];
        assert_eq!(first_eligible_date(dob(), &eps, b(19)), None);
        assert_eq!(cat(&eps, b(19)), C::Qualifying);
    }

    #[test]
    fn qualifying_ends_at_21_or_25_in_education() {
        let eps = [closed(b(16), 30)];
        assert_eq!(cat(&eps, plus(b(21), -1)), C::Qualifying);
        assert_eq!(cat(&eps, b(21)), C::None);
        let edu = |today| care_leaver_category(dob(), &eps, today, true);
        assert_eq!(edu(b(21)), C::Qualifying);
        assert_eq!(edu(plus(b(25), -1)), C::Qualifying);
        assert_eq!(edu(b(25)), C::None);
    }

    #[test]
    fn former_relevant_ends_on_the_25th_birthday() {
        let eps = [closed(b(16), 200)];
        assert_eq!(cat(&eps, plus(b(25), -1)), C::FormerRelevant);
        assert_eq!(cat(&eps, b(25)), C::None);
        assert_eq!(
            care_leaver_category(dob(), &eps, b(25), true),
            C::None,
            "education does not extend former relevant past 25"
        );
    }

    #[test]
    fn qualifying_versus_former_relevant() {
        let at_19 = b(19);
        assert_eq!(cat(&[closed(plus(b(16), 30), 56)], at_19), C::Qualifying);
        assert_eq!(
            cat(&[closed(plus(b(16), 30), 91)], at_19),
            C::FormerRelevant
        );
        assert_eq!(cat(&[], at_19), C::None);
    }

    #[test]
    fn overlapping_and_unsorted_episodes_are_counted_once() {
        let s = b(16);
        // 0..60 and 20..80 overlap: 80 days, not 120.
        let eps = [closed(plus(s, 20), 60), closed(s, 60), closed(s, 60)];
        let today = plus(s, 100);
        assert_eq!(days_looked_after_since_14(dob(), &eps, today), 80);
        assert_eq!(cat(&eps, today), C::Qualifying);

        // 0..60 and 30..91: exactly 91 days.
        let eps = [closed(plus(s, 30), 61), closed(s, 60)];
        assert_eq!(days_looked_after_since_14(dob(), &eps, today), 91);
        assert_eq!(cat(&eps, today), C::Relevant);

        // An open episode overlapping a closed one.
        let eps = [closed(s, 60), open(plus(s, 10))];
        assert_eq!(days_looked_after_since_14(dob(), &eps, plus(s, 89)), 90);
        assert_eq!(cat(&eps, plus(s, 90)), C::Eligible);
    }

    #[test]
    fn back_into_care_after_being_relevant_is_eligible_again() {
        let s = b(16);
        let eps = [closed(s, 100), open(plus(s, 200))];
        assert_eq!(cat(&eps, plus(s, 150)), C::Relevant);
        assert_eq!(cat(&eps, plus(s, 200)), C::Eligible);
    }

    #[test]
    fn future_and_empty_episodes_are_ignored() {
        let s = b(16);
        let eps = [
            open(plus(s, 10)),
            CareEpisode {
                start: s,
                end: Some(s),
            },
            CareEpisode {
                start: plus(s, 5),
                end: Some(s),
            },
        ];
        assert_eq!(days_looked_after_since_14(dob(), &eps, plus(s, 5)), 0);
        assert_eq!(cat(&eps, plus(s, 5)), C::None);
    }

    #[test]
    fn born_29_february_turns_18_on_1_march() {
        let leap = d(2008, 2, 29);
        let eps = [closed(d(2024, 2, 29), 120)];
        let c = |today| care_leaver_category(leap, &eps, today, false);
        assert_eq!(c(d(2024, 2, 28)), C::None);
        assert_eq!(c(d(2026, 2, 28)), C::Relevant);
        assert_eq!(c(d(2026, 3, 1)), C::FormerRelevant);
    }

    #[test]
    fn personal_adviser_at_17_and_a_half() {
        assert_eq!(personal_adviser_due(dob()), d(2025, 7, 1));
        assert_eq!(personal_adviser_due(d(2008, 8, 31)), d(2026, 2, 28));
        assert_eq!(personal_adviser_due(d(2008, 2, 29)), d(2025, 8, 29));
    }

    #[test]
    fn needs_assessment_three_months_after_16() {
        assert_eq!(needs_assessment_due(dob()), d(2024, 4, 1));
        assert_eq!(needs_assessment_due(d(2008, 2, 29)), d(2024, 5, 29));
        assert_eq!(needs_assessment_due(d(2008, 11, 30)), d(2025, 2, 28));
        assert_eq!(needs_assessment_due(d(2009, 2, 28)), d(2025, 5, 28));
    }

    /// The direct computation agrees with checking the test day by day.
    #[test]
    fn first_eligible_date_matches_a_day_by_day_check() {
        let mut seed: u64 = 0x5eed;
        let mut next = |below: i64| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            i64::try_from((seed >> 33) % u64::try_from(below).unwrap()).unwrap()
        };
        let window_start = plus(b(14), -100);
        let mut outcomes = [0; 2];
        for _ in 0..300 {
            let eps: Vec<CareEpisode> = (0..next(4) + 1)
                .map(|_| {
                    let start = plus(window_start, next(1600));
                    let len = next(150);
                    CareEpisode {
                        start,
                        end: (next(5) > 0).then(|| plus(start, len)),
                    }
                })
                .collect();
            let today = plus(b(16), next(900));

            let mut expected = None;
            let mut counted = 0;
            let mut day = b(14);
            while day <= today {
                if is_looked_after_on(&eps, day) {
                    counted += 1;
                    let age = age_on(dob(), day);
                    if (16..18).contains(&age) && counted >= ELIGIBLE_DAYS {
                        expected = Some(day);
                        break;
                    }
                }
                day = plus(day, 1);
            }
            assert_eq!(
                first_eligible_date(dob(), &eps, today),
                expected,
                "{eps:?} {today}"
            );
            outcomes[usize::from(expected.is_some())] += 1;
        }
        assert!(outcomes[0] > 20 && outcomes[1] > 20, "{outcomes:?}");
    }

    #[test]
    fn json_shapes() {
        let ep: CareEpisode = serde_json::from_str(r#"{"start":"2024-01-01"}"#).unwrap();
        assert_eq!(ep, open(d(2024, 1, 1)));
        let summary = care_summary(dob(), &[closed(b(16), 91)], b(17), false);
        let json = serde_json::to_string(&summary).unwrap();
        assert_eq!(
            json,
            r#"{"age":17,"age_band":"from12_to17","category":"relevant","looked_after_now":false}"#
        );
    }
}
