//! When an entitlement a young person is too young for will start to apply,
//! and the note that tells them.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::rule::{age_on, birthday, evaluate, PersonFacts, Rule, MAX_AGE};
use crate::people::CareLeaverCategory;

/// When an entitlement will start to apply, found by [`coming_up_detail`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ComingUp {
    /// The birthday on which it starts.
    pub date: NaiveDate,
    /// The age they turn that day.
    pub age: u32,
    /// True when it only starts if a child now under 16 is still in care
    /// when they turn 16 (and so becomes "eligible").
    pub if_still_in_care: bool,
}

impl ComingUp {
    /// "From your 18th birthday, 3 March 2027." with ", if you are still in
    /// care when you turn 16" when that matters.
    pub fn note(&self) -> String {
        let mut s = format!(
            "From your {} birthday, {}",
            ordinal(self.age),
            long_date(self.date)
        );
        if self.if_still_in_care {
            s.push_str(", if you are still in care when you turn 16");
        }
        s.push('.');
        s
    }
}

/// The date `rule` starts to apply if only the person's age is stopping
/// them, assuming every other fact stays the same. `None` if it applies
/// already, or age alone will never make it apply (too old, or another fact
/// is missing).
pub fn coming_up(rule: &Rule, facts: &PersonFacts, today: NaiveDate) -> Option<NaiveDate> {
    coming_up_detail(rule, facts, today).map(|c| c.date)
}

/// As [`coming_up`], with the age and whether it depends on staying in care.
///
/// Only birthdays are tried: age and (projected) category are the only facts
/// that change with time here, and both change on birthdays. The category is
/// projected simply (see [`projected_category`]).
pub fn coming_up_detail(rule: &Rule, facts: &PersonFacts, today: NaiveDate) -> Option<ComingUp> {
    if evaluate(rule, facts) {
        return None;
    }
    let now = age_on(facts.dob, today);
    for age in now.saturating_add(1)..=MAX_AGE {
        let date = birthday(facts.dob, age)?;
        if date <= today {
            continue;
        }
        let (category, assumes_care) = projected_category(facts, now, age);
        let future = PersonFacts {
            age_years: age,
            category,
            ..facts.clone()
        };
        if evaluate(rule, &future) {
            // Only warn about staying in care if the projection mattered.
            let if_still_in_care = assumes_care
                && !evaluate(
                    rule,
                    &PersonFacts {
                        category: facts.category,
                        ..future
                    },
                );
            return Some(ComingUp {
                date,
                age,
                if_still_in_care,
            });
        }
    }
    None
}

/// The category someone aged `now` will have at age `then`, and whether that
/// assumes they stay in care. A deliberately simple projection:
///
/// * eligible or relevant: former relevant from 18 (the law says so whether
///   or not they are still in care);
/// * not a care leaver, in care, under 16: eligible at 16 and former
///   relevant at 18, *if* still in care at 16 (ignores the 13-week rule);
/// * everyone else keeps their category: a 16 or 17 year old in care who is
///   not yet eligible becomes so after enough time in care, not on a
///   birthday, and `care_status` will update them when it happens.
pub fn projected_category(facts: &PersonFacts, now: u32, then: u32) -> (CareLeaverCategory, bool) {
    use CareLeaverCategory as C;
    match facts.category {
        C::Eligible | C::Relevant if then >= 18 => (C::FormerRelevant, false),
        C::None if facts.in_care_now && now < 16 => {
            if then >= 18 {
                (C::FormerRelevant, true)
            } else if then >= 16 {
                (C::Eligible, true)
            } else {
                (C::None, false)
            }
        }
        other => (other, false),
    }
}

fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// "3 March 2027": written out so nobody misreads 03/04 as 4 March.
fn long_date(d: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = MONTHS.get(d.month0() as usize).copied().unwrap_or("");
    format!("{} {} {}", d.day(), month, d.year())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::eligibility::fixtures::*;
    use crate::people::CareLeaverCategory as C;

    #[test]
    fn seventeen_year_old_sees_setting_up_home_from_18th_birthday() {
        let today = d(2024, 1, 15);
        let mut f = person(today, C::Relevant);
        assert_eq!(f.age_years, 17);
        assert!(!evaluate(&setting_up_home(), &f));
        let c = coming_up_detail(&setting_up_home(), &f, today).unwrap();
        assert_eq!(c.date, d(2024, 5, 10));
        assert_eq!(c.age, 18);
        assert!(!c.if_still_in_care);
        assert_eq!(c.note(), "From your 18th birthday, 10 May 2024.");
        assert_eq!(
            coming_up(&setting_up_home(), &f, today),
            Some(d(2024, 5, 10))
        );

        // Still in care (eligible): the same.
        f.category = C::Eligible;
        f.in_care_now = true;
        assert_eq!(
            coming_up(&setting_up_home(), &f, today),
            Some(d(2024, 5, 10))
        );
    }

    #[test]
    fn fifteen_year_old_in_care_sees_what_leaving_care_brings() {
        let today = d(2021, 6, 1);
        let mut f = person(today, C::None);
        f.in_care_now = true;
        assert_eq!(f.age_years, 15);
        let c = coming_up_detail(&setting_up_home(), &f, today).unwrap();
        assert_eq!(c.date, d(2024, 5, 10));
        assert!(c.if_still_in_care);
        assert_eq!(
            c.note(),
            "From your 18th birthday, 10 May 2024, if you are still in care when you turn 16."
        );
        // Something only for eligible 16-17 year olds: from the 16th birthday.
        let eligible_only = cats(&[C::Eligible]);
        let c = coming_up_detail(&eligible_only, &f, today).unwrap();
        assert_eq!(
            (c.date, c.age, c.if_still_in_care),
            (d(2022, 5, 10), 16, true)
        );
        // A pure age rule does not depend on staying in care.
        let c = coming_up_detail(&age(Some(18), None), &f, today).unwrap();
        assert!(!c.if_still_in_care);
        // Not in care: no projection.
        f.in_care_now = false;
        assert_eq!(coming_up(&setting_up_home(), &f, today), None);
    }

    #[test]
    fn coming_up_is_none_when_age_is_not_the_only_obstacle() {
        let today = d(2024, 1, 15);
        let f = person(today, C::Relevant);
        // Applies already.
        assert_eq!(coming_up(&cats(&[C::Relevant]), &f, today), None);
        // Needs university too.
        assert_eq!(coming_up(&he_bursary(), &f, today), None);
        // Too old.
        let old = person(d(2032, 1, 1), C::FormerRelevant);
        assert_eq!(coming_up(&setting_up_home(), &old, d(2032, 1, 1)), None);
        // On the birthday itself it applies, so nothing is coming up.
        let on = person(d(2024, 5, 10), C::FormerRelevant);
        assert_eq!(coming_up(&setting_up_home(), &on, d(2024, 5, 10)), None);
    }

    #[test]
    fn coming_up_from_a_leap_day_birth() {
        let dob = d(2008, 2, 29);
        let today = d(2025, 6, 1);
        let f = PersonFacts {
            age_years: age_on(dob, today),
            dob,
            ..person(today, C::Relevant)
        };
        assert_eq!(
            coming_up(&setting_up_home(), &f, today),
            Some(d(2026, 3, 1))
        );
    }

    #[test]
    fn ordinals() {
        let s: Vec<String> = [1, 2, 3, 11, 12, 13, 16, 18, 21, 22, 23, 25]
            .map(ordinal)
            .to_vec();
        assert_eq!(
            s,
            [
                "1st", "2nd", "3rd", "11th", "12th", "13th", "16th", "18th", "21st", "22nd",
                "23rd", "25th"
            ]
        );
    }
}
