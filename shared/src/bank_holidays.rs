//! England and Wales bank holidays, and working-day arithmetic on top of them.
//!
//! Statutory deadlines such as "the first review within 20 working days"
//! count working days: not a Saturday or Sunday, and not a bank holiday in
//! England and Wales. Bank holidays are set by proclamation, not by a formula
//! (2020 moved the May holiday for VE day, 2022 added two), so they are kept
//! here as a table rather than computed. The table lists the days off, so a
//! substitute day appears and the weekend day it replaces does not.
//!
//! Years after those gov.uk has announced follow the usual rules and may need
//! correcting if a one-off holiday is proclaimed. Outside [`covered_years`]
//! only weekends are known; callers should warn when a date falls outside.

use std::ops::RangeInclusive;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::Serialize;

/// One day off in England and Wales.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BankHoliday {
    pub date: NaiveDate,
    /// The name gov.uk uses, such as "Boxing Day (substitute day)".
    pub name: &'static str,
}

/// The first year the table covers.
pub const FIRST_YEAR: i32 = 2018;
/// The last year the table covers.
pub const LAST_YEAR: i32 = 2030;

/// Builds a table date at compile time. Only used in `const` items, so a bad
/// date stops the build rather than panicking at run time.
const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("invalid date in the bank holiday table"),
    }
}

const fn bh(year: i32, month: u32, day: u32, name: &'static str) -> BankHoliday {
    BankHoliday {
        date: ymd(year, month, day),
        name,
    }
}

const NEW_YEAR: &str = "New Year's Day";
const NEW_YEAR_SUB: &str = "New Year's Day (substitute day)";
const GOOD_FRIDAY: &str = "Good Friday";
const EASTER_MONDAY: &str = "Easter Monday";
const EARLY_MAY: &str = "Early May bank holiday";
const SPRING: &str = "Spring bank holiday";
const SUMMER: &str = "Summer bank holiday";
const CHRISTMAS: &str = "Christmas Day";
const CHRISTMAS_SUB: &str = "Christmas Day (substitute day)";
const BOXING: &str = "Boxing Day";
const BOXING_SUB: &str = "Boxing Day (substitute day)";

/// Every bank holiday from [`FIRST_YEAR`] to [`LAST_YEAR`], in date order
/// (the lookup relies on the order; a test checks it).
pub const BANK_HOLIDAYS: &[BankHoliday] = &[
    // 2018
    bh(2018, 1, 1, NEW_YEAR),
    bh(2018, 3, 30, GOOD_FRIDAY),
    bh(2018, 4, 2, EASTER_MONDAY),
    bh(2018, 5, 7, EARLY_MAY),
    bh(2018, 5, 28, SPRING),
    bh(2018, 8, 27, SUMMER),
    bh(2018, 12, 25, CHRISTMAS),
    bh(2018, 12, 26, BOXING),
    // 2019
    bh(2019, 1, 1, NEW_YEAR),
    bh(2019, 4, 19, GOOD_FRIDAY),
    bh(2019, 4, 22, EASTER_MONDAY),
    bh(2019, 5, 6, EARLY_MAY),
    bh(2019, 5, 27, SPRING),
    bh(2019, 8, 26, SUMMER),
    bh(2019, 12, 25, CHRISTMAS),
    bh(2019, 12, 26, BOXING),
    // 2020: the May holiday moved from Monday 4 May to Friday 8 May (VE day).
    bh(2020, 1, 1, NEW_YEAR),
    bh(2020, 4, 10, GOOD_FRIDAY),
    bh(2020, 4, 13, EASTER_MONDAY),
    bh(2020, 5, 8, "Early May bank holiday (VE day)"),
    bh(2020, 5, 25, SPRING),
    bh(2020, 8, 31, SUMMER),
    bh(2020, 12, 25, CHRISTMAS),
    bh(2020, 12, 28, BOXING_SUB),
    // 2021
    bh(2021, 1, 1, NEW_YEAR),
    bh(2021, 4, 2, GOOD_FRIDAY),
    bh(2021, 4, 5, EASTER_MONDAY),
    bh(2021, 5, 3, EARLY_MAY),
    bh(2021, 5, 31, SPRING),
    bh(2021, 8, 30, SUMMER),
    bh(2021, 12, 27, CHRISTMAS_SUB),
    bh(2021, 12, 28, BOXING_SUB),
    // 2022: the spring holiday moved to Thursday 2 June, Friday 3 June added
    // (Platinum Jubilee); Monday 19 September added (state funeral).
    bh(2022, 1, 3, NEW_YEAR_SUB),
    bh(2022, 4, 15, GOOD_FRIDAY),
    bh(2022, 4, 18, EASTER_MONDAY),
    bh(2022, 5, 2, EARLY_MAY),
    bh(2022, 6, 2, SPRING),
    bh(2022, 6, 3, "Platinum Jubilee bank holiday"),
    bh(2022, 8, 29, SUMMER),
    bh(
        2022,
        9,
        19,
        "Bank holiday for the State Funeral of Queen Elizabeth II",
    ),
    bh(2022, 12, 26, BOXING),
    bh(2022, 12, 27, CHRISTMAS_SUB),
    // 2023: Monday 8 May added (coronation).
    bh(2023, 1, 2, NEW_YEAR_SUB),
    bh(2023, 4, 7, GOOD_FRIDAY),
    bh(2023, 4, 10, EASTER_MONDAY),
    bh(2023, 5, 1, EARLY_MAY),
    bh(
        2023,
        5,
        8,
        "Bank holiday for the coronation of King Charles III",
    ),
    bh(2023, 5, 29, SPRING),
    bh(2023, 8, 28, SUMMER),
    bh(2023, 12, 25, CHRISTMAS),
    bh(2023, 12, 26, BOXING),
    // 2024
    bh(2024, 1, 1, NEW_YEAR),
    bh(2024, 3, 29, GOOD_FRIDAY),
    bh(2024, 4, 1, EASTER_MONDAY),
    bh(2024, 5, 6, EARLY_MAY),
    bh(2024, 5, 27, SPRING),
    bh(2024, 8, 26, SUMMER),
    bh(2024, 12, 25, CHRISTMAS),
    bh(2024, 12, 26, BOXING),
    // 2025
    bh(2025, 1, 1, NEW_YEAR),
    bh(2025, 4, 18, GOOD_FRIDAY),
    bh(2025, 4, 21, EASTER_MONDAY),
    bh(2025, 5, 5, EARLY_MAY),
    bh(2025, 5, 26, SPRING),
    bh(2025, 8, 25, SUMMER),
    bh(2025, 12, 25, CHRISTMAS),
    bh(2025, 12, 26, BOXING),
    // 2026
    bh(2026, 1, 1, NEW_YEAR),
    bh(2026, 4, 3, GOOD_FRIDAY),
    bh(2026, 4, 6, EASTER_MONDAY),
    bh(2026, 5, 4, EARLY_MAY),
    bh(2026, 5, 25, SPRING),
    bh(2026, 8, 31, SUMMER),
    bh(2026, 12, 25, CHRISTMAS),
    bh(2026, 12, 28, BOXING_SUB),
    // 2027
    bh(2027, 1, 1, NEW_YEAR),
    bh(2027, 3, 26, GOOD_FRIDAY),
    bh(2027, 3, 29, EASTER_MONDAY),
    bh(2027, 5, 3, EARLY_MAY),
    bh(2027, 5, 31, SPRING),
    bh(2027, 8, 30, SUMMER),
    bh(2027, 12, 27, CHRISTMAS_SUB),
    bh(2027, 12, 28, BOXING_SUB),
    // 2028
    bh(2028, 1, 3, NEW_YEAR_SUB),
    bh(2028, 4, 14, GOOD_FRIDAY),
    bh(2028, 4, 17, EASTER_MONDAY),
    bh(2028, 5, 1, EARLY_MAY),
    bh(2028, 5, 29, SPRING),
    bh(2028, 8, 28, SUMMER),
    bh(2028, 12, 25, CHRISTMAS),
    bh(2028, 12, 26, BOXING),
    // 2029
    bh(2029, 1, 1, NEW_YEAR),
    bh(2029, 3, 30, GOOD_FRIDAY),
    bh(2029, 4, 2, EASTER_MONDAY),
    bh(2029, 5, 7, EARLY_MAY),
    bh(2029, 5, 28, SPRING),
    bh(2029, 8, 27, SUMMER),
    bh(2029, 12, 25, CHRISTMAS),
    bh(2029, 12, 26, BOXING),
    // 2030
    bh(2030, 1, 1, NEW_YEAR),
    bh(2030, 4, 19, GOOD_FRIDAY),
    bh(2030, 4, 22, EASTER_MONDAY),
    bh(2030, 5, 6, EARLY_MAY),
    bh(2030, 5, 27, SPRING),
    bh(2030, 8, 26, SUMMER),
    bh(2030, 12, 25, CHRISTMAS),
    bh(2030, 12, 26, BOXING),
];

/// The years the table covers. Outside them [`is_bank_holiday`] always says
/// no, so deadlines could come out a day or two late: callers warn.
pub fn covered_years() -> RangeInclusive<i32> {
    FIRST_YEAR..=LAST_YEAR
}

/// Whether the table covers `date`'s year.
pub fn is_covered(date: NaiveDate) -> bool {
    covered_years().contains(&date.year())
}

/// The bank holiday on `date`, if there is one.
pub fn bank_holiday(date: NaiveDate) -> Option<&'static BankHoliday> {
    BANK_HOLIDAYS
        .binary_search_by(|h| h.date.cmp(&date))
        .ok()
        .and_then(|i| BANK_HOLIDAYS.get(i))
}

/// Whether `date` is a bank holiday in England and Wales (a substitute day
/// counts; the weekend day it stands in for does not need to, being a weekend).
pub fn is_bank_holiday(date: NaiveDate) -> bool {
    bank_holiday(date).is_some()
}

/// The bank holidays of one year, in date order (empty outside the table).
pub fn bank_holidays_in(year: i32) -> impl Iterator<Item = &'static BankHoliday> {
    BANK_HOLIDAYS.iter().filter(move |h| h.date.year() == year)
}

/// Saturday or Sunday.
pub fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// A working day as the regulations mean it: not a weekend, not a bank holiday.
pub fn is_working_day(date: NaiveDate) -> bool {
    !is_weekend(date) && !is_bank_holiday(date)
}

/// The `n`-th working day after `date` (`date` itself does not count, so
/// "within 20 working days of 15 December" is `add_working_days(15 Dec, 20)`).
/// `n == 0` gives `date` back unchanged. Stops at the last date chrono can
/// represent rather than panicking.
pub fn add_working_days(date: NaiveDate, n: u32) -> NaiveDate {
    let mut day = date;
    let mut left = n;
    while left > 0 {
        match day.succ_opt() {
            Some(next) => day = next,
            None => return day,
        }
        if is_working_day(day) {
            left -= 1;
        }
    }
    day
}

/// How many working days fall after `from`, up to and including `to`.
/// Negative when `to` is before `from`. For a working day `to`,
/// `add_working_days(from, working_days_between(from, to))` is `to` again.
pub fn working_days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    let (start, end, sign) = if to >= from {
        (from, to, 1)
    } else {
        (to, from, -1)
    };
    let count = start
        .iter_days()
        .skip(1)
        .take_while(|d| *d <= end)
        .filter(|d| is_working_day(*d))
        .count();
    sign * i64::try_from(count).unwrap_or(i64::MAX)
}

/// The last working day on or before `date`: when a deadline falls on a
/// weekend or bank holiday, this is the day the meeting must really happen by.
pub fn working_day_on_or_before(date: NaiveDate) -> NaiveDate {
    let mut day = date;
    while !is_working_day(day) {
        match day.pred_opt() {
            Some(prev) => day = prev,
            None => return day,
        }
    }
    day
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher),
    /// used only to cross-check the table.
    fn easter_sunday(year: i32) -> NaiveDate {
        let a = year % 19;
        let b = year / 100;
        let c = year % 100;
        let dd = b / 4;
        let e = b % 4;
        let f = (b + 8) / 25;
        let g = (b - f + 1) / 3;
        let h = (19 * a + b - dd - g + 15) % 30;
        let i = c / 4;
        let k = c % 4;
        let l = (32 + 2 * e + 2 * i - h - k) % 7;
        let m = (a + 11 * h + 22 * l) / 451;
        let month = (h + l - 7 * m + 114) / 31;
        let day = (h + l - 7 * m + 114) % 31 + 1;
        d(year, month as u32, day as u32)
    }

    #[test]
    fn computus_matches_known_easters() {
        assert_eq!(easter_sunday(2024), d(2024, 3, 31));
        assert_eq!(easter_sunday(2025), d(2025, 4, 20));
        assert_eq!(easter_sunday(2019), d(2019, 4, 21));
        assert_eq!(easter_sunday(2038), d(2038, 4, 25)); // latest possible
        assert_eq!(easter_sunday(2285), d(2285, 3, 22)); // earliest possible
    }

    #[test]
    fn good_fridays_and_easter_mondays_match_the_computus() {
        for year in covered_years() {
            let easter = easter_sunday(year);
            let good_friday = easter - chrono::Days::new(2);
            let easter_monday = easter + chrono::Days::new(1);
            let names: Vec<_> = bank_holidays_in(year)
                .filter(|h| h.name == GOOD_FRIDAY || h.name == EASTER_MONDAY)
                .map(|h| (h.date, h.name))
                .collect();
            assert_eq!(
                names,
                vec![(good_friday, GOOD_FRIDAY), (easter_monday, EASTER_MONDAY)],
                "Easter in {year}"
            );
        }
    }

    #[test]
    fn every_year_has_at_least_eight_holidays() {
        for year in covered_years() {
            let n = bank_holidays_in(year).count();
            assert!(n >= 8, "{year} has only {n} bank holidays");
        }
        assert_eq!(bank_holidays_in(2022).count(), 10);
        assert_eq!(bank_holidays_in(2023).count(), 9);
        assert_eq!(bank_holidays_in(2017).count(), 0);
    }

    #[test]
    fn table_is_sorted_weekdays_inside_covered_years() {
        for pair in BANK_HOLIDAYS.windows(2) {
            assert!(pair[0].date < pair[1].date, "{:?} out of order", pair[1]);
        }
        for h in BANK_HOLIDAYS {
            assert!(!is_weekend(h.date), "{h:?} falls on a weekend");
            assert!(covered_years().contains(&h.date.year()));
        }
    }

    fn first_monday(year: i32, month: u32) -> NaiveDate {
        NaiveDate::from_weekday_of_month_opt(year, month, Weekday::Mon, 1).unwrap()
    }

    fn last_monday(year: i32, month: u32) -> NaiveDate {
        (22..=31)
            .rev()
            .filter_map(|day| NaiveDate::from_ymd_opt(year, month, day))
            .find(|date| date.weekday() == Weekday::Mon)
            .unwrap()
    }

    /// The usual rules, written independently of the table, so a typo in
    /// either shows up as a difference.
    fn usual_rules(year: i32) -> Vec<NaiveDate> {
        let mut days = Vec::new();
        let new_year = d(year, 1, 1);
        days.push(match new_year.weekday() {
            Weekday::Sat => d(year, 1, 3),
            Weekday::Sun => d(year, 1, 2),
            _ => new_year,
        });
        let easter = easter_sunday(year);
        days.push(easter - chrono::Days::new(2));
        days.push(easter + chrono::Days::new(1));
        days.push(first_monday(year, 5));
        days.push(last_monday(year, 5));
        days.push(last_monday(year, 8));
        // Christmas and Boxing Day: a day that falls at the weekend moves to
        // the next weekday not already taken.
        let mut taken: Vec<NaiveDate> = Vec::new();
        for day in [25, 26] {
            let date = d(year, 12, day);
            if !is_weekend(date) {
                taken.push(date);
            }
        }
        for day in [25, 26] {
            let mut date = d(year, 12, day);
            if is_weekend(date) {
                while is_weekend(date) || taken.contains(&date) {
                    date = date.succ_opt().unwrap();
                }
                taken.push(date);
            }
        }
        days.extend(taken);
        days.sort();
        days
    }

    #[test]
    fn table_matches_the_usual_rules_apart_from_proclaimed_changes() {
        for year in covered_years() {
            let mut expected = usual_rules(year);
            match year {
                2020 => {
                    expected.retain(|x| *x != d(2020, 5, 4));
                    expected.push(d(2020, 5, 8));
                }
                2022 => {
                    expected.retain(|x| *x != d(2022, 5, 30));
                    expected.extend([d(2022, 6, 2), d(2022, 6, 3), d(2022, 9, 19)]);
                }
                2023 => expected.push(d(2023, 5, 8)),
                _ => {}
            }
            expected.sort();
            let table: Vec<_> = bank_holidays_in(year).map(|h| h.date).collect();
            assert_eq!(table, expected, "bank holidays in {year}");
        }
    }

    #[test]
    fn special_days_are_present() {
        assert!(is_bank_holiday(d(2020, 5, 8)));
        assert!(!is_bank_holiday(d(2020, 5, 4)));
        assert!(is_bank_holiday(d(2022, 6, 2)));
        assert!(is_bank_holiday(d(2022, 6, 3)));
        assert!(!is_bank_holiday(d(2022, 5, 30)));
        assert!(is_bank_holiday(d(2022, 9, 19)));
        assert!(is_bank_holiday(d(2023, 5, 8)));
        assert_eq!(
            bank_holiday(d(2021, 12, 28)).map(|h| h.name),
            Some(BOXING_SUB)
        );
    }

    #[test]
    fn working_days() {
        assert!(is_working_day(d(2025, 12, 24))); // Wednesday
        assert!(!is_working_day(d(2025, 12, 25))); // Christmas Day
        assert!(!is_working_day(d(2025, 12, 27))); // Saturday
        assert!(!is_working_day(d(2026, 1, 1))); // New Year's Day
        assert!(is_working_day(d(2026, 1, 2))); // Friday
                                                // Outside the table only weekends are known.
        assert!(is_working_day(d(2031, 12, 25)));
        assert!(!is_covered(d(2031, 12, 25)));
        assert!(is_covered(d(2018, 1, 1)));
        assert_eq!(covered_years(), 2018..=2030);
    }

    #[test]
    fn adding_working_days_across_christmas() {
        // From Tuesday 23 Dec 2025: Wed 24 (1); 25, 26 holidays; 27, 28
        // weekend; Mon 29 (2), Tue 30 (3), Wed 31 (4); 1 Jan holiday;
        // Fri 2 Jan (5).
        assert_eq!(add_working_days(d(2025, 12, 23), 5), d(2026, 1, 2));
        assert_eq!(add_working_days(d(2025, 12, 23), 0), d(2025, 12, 23));
        // Starting on a holiday: the next working day is the first.
        assert_eq!(add_working_days(d(2025, 12, 25), 1), d(2025, 12, 29));
    }

    #[test]
    fn adding_working_days_across_easter() {
        // Thursday 17 Apr 2025, then Good Friday 18, weekend, Easter Monday 21:
        // the first working day after is Tuesday 22 April.
        assert_eq!(add_working_days(d(2025, 4, 17), 1), d(2025, 4, 22));
    }

    #[test]
    fn counting_working_days_between() {
        assert_eq!(working_days_between(d(2025, 12, 23), d(2026, 1, 2)), 5);
        assert_eq!(working_days_between(d(2026, 1, 2), d(2025, 12, 23)), -5);
        assert_eq!(working_days_between(d(2025, 12, 23), d(2025, 12, 23)), 0);
        // Friday to the following Monday: one working day.
        assert_eq!(working_days_between(d(2025, 3, 7), d(2025, 3, 10)), 1);
        // Ending on a non-working day counts nothing extra.
        assert_eq!(working_days_between(d(2025, 3, 7), d(2025, 3, 9)), 0);
        // A round trip through every day of a holiday-heavy stretch.
        let from = d(2022, 5, 27);
        for to in from.iter_days().take(40).filter(|x| is_working_day(*x)) {
            let n = u32::try_from(working_days_between(from, to)).unwrap();
            assert_eq!(add_working_days(from, n), to);
        }
    }

    #[test]
    fn working_day_on_or_before_steps_back_over_holidays() {
        // Monday 28 Dec 2026 is the Boxing Day substitute, Sat/Sun before,
        // Friday 25 is Christmas: back to Thursday 24.
        assert_eq!(working_day_on_or_before(d(2026, 12, 28)), d(2026, 12, 24));
        assert_eq!(working_day_on_or_before(d(2026, 12, 24)), d(2026, 12, 24));
    }

    #[test]
    fn saturates_at_the_end_of_time() {
        assert_eq!(add_working_days(NaiveDate::MAX, 3), NaiveDate::MAX);
    }
}
