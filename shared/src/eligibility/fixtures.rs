//! People and rules the tests of the eligibility modules share.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;

use super::rule::{age_on, PersonFacts, Rule};
use crate::people::CareLeaverCategory;
use CareLeaverCategory as C;

pub(crate) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A care leaver born 10 May 2006 with every fact off.
pub(crate) fn person(today: NaiveDate, category: CareLeaverCategory) -> PersonFacts {
    let dob = d(2006, 5, 10);
    PersonFacts {
        age_years: age_on(dob, today),
        dob,
        category,
        in_care_now: false,
        in_education: false,
        in_higher_education: false,
        in_apprenticeship: false,
        in_work: false,
        staying_put: false,
        lives_in_borough: false,
        months_looked_after: 0,
    }
}

pub(crate) fn age(min: Option<u32>, under: Option<u32>) -> Rule {
    Rule::Age { min, under }
}

pub(crate) fn cats(any_of: &[CareLeaverCategory]) -> Rule {
    Rule::Category {
        any_of: any_of.to_vec(),
    }
}

pub(crate) fn all(rules: Vec<Rule>) -> Rule {
    Rule::All { rules }
}

pub(crate) fn not(rule: Rule) -> Rule {
    Rule::Not {
        rule: Box::new(rule),
    }
}

pub(crate) fn he_bursary() -> Rule {
    all(vec![
        cats(&[C::FormerRelevant, C::Relevant]),
        Rule::InHigherEducation,
        age(None, Some(25)),
    ])
}

pub(crate) fn council_tax() -> Rule {
    all(vec![
        age(Some(18), Some(25)),
        cats(&[C::FormerRelevant]),
        Rule::LivesInBorough,
    ])
}

/// 16 to 18 inclusive: `under` 19 is exclusive, so at 19 exactly they are out.
pub(crate) fn bursary_16_19() -> Rule {
    all(vec![age(Some(16), Some(19)), Rule::InEducation])
}

pub(crate) fn setting_up_home() -> Rule {
    all(vec![cats(&[C::FormerRelevant]), age(Some(18), Some(25))])
}
