//! Who an entitlement is for: the facts a rule may look at, the [`Rule`]
//! an administrator writes, and whether it applies.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::people::CareLeaverCategory;

/// The oldest age a rule may mention. Support ends at 25; 30 leaves room for
/// council extras without letting typos such as 180 through.
pub const MAX_AGE: u32 = 30;

/// How deep `all`, `any` and `not` may nest. Real offers need 2 or 3 levels;
/// deeper rules are too hard for an administrator to check by eye.
pub const MAX_DEPTH: usize = 8;

/// The largest `looked_after_months` a rule may ask for (30 years).
pub const MAX_LOOKED_AFTER_MONTHS: u32 = MAX_AGE * 12;

/// What the rules may look at about one young person, on one day.
///
/// Collected from their record by the caller; the rules never see anything
/// else (no names, no case notes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonFacts {
    /// Age in whole years on the day the facts describe (see [`age_on`]).
    /// Must agree with `dob` on that day: rules compare ages, and
    /// [`coming_up`](super::coming_up) works forward from `dob`.
    pub age_years: u32,
    /// Date of birth, used to find future birthdays.
    pub dob: NaiveDate,
    /// Care-leaver category, computed from care episodes (never typed in).
    pub category: CareLeaverCategory,
    /// Looked after (in care) today. Used only to project a child under 16
    /// forward: if they stay in care they will become eligible at 16.
    #[serde(default)]
    pub in_care_now: bool,
    /// In any education or training: school, college, a course or
    /// university. [`Rule::InEducation`] also counts `in_higher_education`,
    /// so callers cannot forget to set both.
    pub in_education: bool,
    /// On a higher education course (university, degree apprenticeships
    /// excluded: those are `in_apprenticeship`).
    pub in_higher_education: bool,
    /// Doing an apprenticeship.
    pub in_apprenticeship: bool,
    /// In paid work (any hours).
    pub in_work: bool,
    /// Living with former foster carers after 18 under a Staying Put
    /// arrangement.
    pub staying_put: bool,
    /// Lives inside the council's own area (matters for council tax, which
    /// a council can only waive for its own residents).
    pub lives_in_borough: bool,
    /// Total whole months looked after, over all care episodes (rounded
    /// down). The Junior ISA needs 12 or more.
    pub months_looked_after: u32,
}

/// Age in whole years on `on`. Before the date of birth it is 0.
///
/// Someone born on 29 February has their birthday on 1 March in other years.
pub fn age_on(dob: NaiveDate, on: NaiveDate) -> u32 {
    if on <= dob {
        return 0;
    }
    let years = u32::try_from(on.year() - dob.year()).unwrap_or(0);
    match birthday(dob, years) {
        Some(b) if b > on => years.saturating_sub(1),
        _ => years,
    }
}

/// The date someone born on `dob` turns `years` old. A 29 February birthday
/// falls on 1 March in years that are not leap years.
pub fn birthday(dob: NaiveDate, years: u32) -> Option<NaiveDate> {
    let year = dob.year().checked_add(i32::try_from(years).ok()?)?;
    NaiveDate::from_ymd_opt(year, dob.month(), dob.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, 3, 1))
}

/// Who an entitlement is for. Stored as JSON, edited by an administrator.
///
/// Each rule is an object with a `kind`. Ages: `min` is the youngest age
/// that counts (included); `under` is the age it stops at (NOT included).
/// So `{"kind":"age","min":18,"under":25}` means 18 to 24: it ends on the
/// 25th birthday. Either may be left out for "18 or over" or "under 21".
///
/// ```json
/// {"kind": "all", "rules": [
///   {"kind": "category", "any_of": ["former_relevant", "relevant"]},
///   {"kind": "age", "min": 18, "under": 25},
///   {"kind": "any", "rules": [
///     {"kind": "in_higher_education"},
///     {"kind": "in_apprenticeship"}
///   ]},
///   {"kind": "not", "rule": {"kind": "staying_put"}}
/// ]}
/// ```
///
/// Other kinds: `{"kind":"everyone"}`, `{"kind":"in_education"}`,
/// `{"kind":"in_work"}`, `{"kind":"lives_in_borough"}`,
/// `{"kind":"looked_after_months","min":12}`. Categories are `none`,
/// `eligible`, `relevant`, `former_relevant`, `qualifying`. Unknown kinds
/// and unknown fields are refused (a mistyped `"max"` must not silently
/// widen a rule), except that serde ignores extra fields on kinds that have
/// none, such as `in_work`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Rule {
    /// Open to everyone the offer is for (such as "help to understand your
    /// history"). Explicit, so an empty `all` can be refused as a mistake.
    Everyone,
    /// Age in whole years: at least `min` (included) and below `under`
    /// (not included).
    Age {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        min: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        under: Option<u32>,
    },
    /// The person's care-leaver category is one of these.
    Category {
        any_of: Vec<CareLeaverCategory>,
    },
    /// In any education or training, including university.
    InEducation,
    /// At university or on another higher education course.
    InHigherEducation,
    InApprenticeship,
    InWork,
    /// Living with former foster carers under Staying Put.
    StayingPut,
    /// Lives in the council's own area.
    LivesInBorough,
    /// Looked after for at least `min` months in total.
    LookedAfterMonths {
        min: u32,
    },
    /// Every rule inside must be true.
    All {
        #[cfg_attr(feature = "openapi", schema(no_recursion))]
        rules: Vec<Rule>,
    },
    /// At least one rule inside must be true.
    Any {
        #[cfg_attr(feature = "openapi", schema(no_recursion))]
        rules: Vec<Rule>,
    },
    /// The rule inside must be false.
    Not {
        #[cfg_attr(feature = "openapi", schema(no_recursion))]
        rule: Box<Rule>,
    },
}

/// Does `rule` apply to the person described by `facts`?
pub fn evaluate(rule: &Rule, facts: &PersonFacts) -> bool {
    match rule {
        Rule::Everyone => true,
        Rule::Age { min, under } => {
            min.is_none_or(|m| facts.age_years >= m) && under.is_none_or(|u| facts.age_years < u)
        }
        Rule::Category { any_of } => any_of.contains(&facts.category),
        Rule::InEducation => facts.in_education || facts.in_higher_education,
        Rule::InHigherEducation => facts.in_higher_education,
        Rule::InApprenticeship => facts.in_apprenticeship,
        Rule::InWork => facts.in_work,
        Rule::StayingPut => facts.staying_put,
        Rule::LivesInBorough => facts.lives_in_borough,
        Rule::LookedAfterMonths { min } => facts.months_looked_after >= *min,
        Rule::All { rules } => rules.iter().all(|r| evaluate(r, facts)),
        Rule::Any { rules } => rules.iter().any(|r| evaluate(r, facts)),
        Rule::Not { rule } => !evaluate(rule, facts),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::eligibility::fixtures::*;
    use crate::eligibility::validate::validate;
    use crate::people::CareLeaverCategory as C;

    // --- dates ---

    #[test]
    fn birthdays_and_ages() {
        let dob = d(2008, 2, 29);
        assert_eq!(birthday(dob, 18), Some(d(2026, 3, 1)));
        assert_eq!(birthday(dob, 16), Some(d(2024, 2, 29)));
        assert_eq!(age_on(dob, d(2026, 2, 28)), 17);
        assert_eq!(age_on(dob, d(2026, 3, 1)), 18);
        assert_eq!(age_on(dob, d(2024, 2, 28)), 15);
        assert_eq!(age_on(dob, d(2024, 2, 29)), 16);
        assert_eq!(age_on(dob, d(2000, 1, 1)), 0);
    }

    #[test]
    fn boundary_birthdays_16_18_21_25() {
        let dob = d(2006, 5, 10);
        for n in [16u32, 18, 21, 25] {
            let on = birthday(dob, n).unwrap();
            let before = on.pred_opt().unwrap();
            let mut f = person(before, C::FormerRelevant);
            assert_eq!(f.age_years, n - 1, "day before {n}th");
            assert!(!evaluate(&age(Some(n), None), &f), "min {n}, day before");
            assert!(evaluate(&age(None, Some(n)), &f), "under {n}, day before");
            f.age_years = age_on(dob, on);
            assert_eq!(f.age_years, n, "on {n}th");
            assert!(evaluate(&age(Some(n), None), &f), "min {n}, on the day");
            assert!(!evaluate(&age(None, Some(n)), &f), "under {n}, on the day");
        }
    }

    // --- each rule kind ---

    #[test]
    fn each_rule_kind_evaluates() {
        let today = d(2025, 9, 1);
        let mut f = person(today, C::FormerRelevant);
        assert_eq!(f.age_years, 19);
        assert!(evaluate(&Rule::Everyone, &f));
        assert!(evaluate(&age(Some(18), Some(25)), &f));
        assert!(!evaluate(&age(Some(16), Some(19)), &f));
        assert!(evaluate(&cats(&[C::Relevant, C::FormerRelevant]), &f));
        assert!(!evaluate(&cats(&[C::Eligible]), &f));

        let flags = [
            Rule::InEducation,
            Rule::InHigherEducation,
            Rule::InApprenticeship,
            Rule::InWork,
            Rule::StayingPut,
            Rule::LivesInBorough,
        ];
        for r in &flags {
            assert!(!evaluate(r, &f), "{r:?} off");
        }
        f.in_education = true;
        f.in_apprenticeship = true;
        f.in_work = true;
        f.staying_put = true;
        f.lives_in_borough = true;
        assert!(!evaluate(&Rule::InHigherEducation, &f));
        f.in_higher_education = true;
        for r in &flags {
            assert!(evaluate(r, &f), "{r:?} on");
        }
        // Higher education counts as education even if in_education was not set.
        f.in_education = false;
        assert!(evaluate(&Rule::InEducation, &f));

        let isa = Rule::LookedAfterMonths { min: 12 };
        f.months_looked_after = 11;
        assert!(!evaluate(&isa, &f));
        f.months_looked_after = 12;
        assert!(evaluate(&isa, &f));

        assert!(evaluate(&all(vec![Rule::InWork, isa.clone()]), &f));
        assert!(!evaluate(
            &all(vec![Rule::InWork, cats(&[C::Eligible])]),
            &f
        ));
        let any = Rule::Any {
            rules: vec![cats(&[C::Eligible]), Rule::InWork],
        };
        assert!(evaluate(&any, &f));
        assert!(!evaluate(&not(any.clone()), &f));
        assert!(evaluate(&not(not(any)), &f));
    }

    // --- JSON ---

    #[test]
    fn nested_rule_json_round_trip() {
        let json = r#"{"kind":"all","rules":[{"kind":"category","any_of":["former_relevant","relevant"]},{"kind":"age","min":18,"under":25},{"kind":"any","rules":[{"kind":"in_higher_education"},{"kind":"in_apprenticeship"}]},{"kind":"not","rule":{"kind":"staying_put"}},{"kind":"looked_after_months","min":12}]}"#;
        let rule: Rule = serde_json::from_str(json).unwrap();
        assert_eq!(
            rule,
            all(vec![
                cats(&[C::FormerRelevant, C::Relevant]),
                age(Some(18), Some(25)),
                Rule::Any {
                    rules: vec![Rule::InHigherEducation, Rule::InApprenticeship]
                },
                not(Rule::StayingPut),
                Rule::LookedAfterMonths { min: 12 },
            ])
        );
        assert_eq!(serde_json::to_string(&rule).unwrap(), json);
        assert_eq!(validate(&rule), Ok(()));

        // Open-ended ages leave the missing bound out.
        assert_eq!(
            serde_json::to_string(&age(None, Some(21))).unwrap(),
            r#"{"kind":"age","under":21}"#
        );
    }

    #[test]
    fn rule_json_refuses_unknown_fields_and_kinds() {
        // "max" is not a field: refusing it stops a typo widening the rule to "18 or over".
        assert!(serde_json::from_str::<Rule>(r#"{"kind":"age","min":18,"max":25}"#).is_err());
        // serde cannot refuse extra fields on kinds without fields; they are ignored.
        assert_eq!(
            serde_json::from_str::<Rule>(r#"{"kind":"in_work","extra":1}"#).unwrap(),
            Rule::InWork
        );
        assert!(serde_json::from_str::<Rule>(r#"{"kind":"wealthy"}"#).is_err());
        assert!(
            serde_json::from_str::<Rule>(r#"{"kind":"category","any_of":["orphan"]}"#).is_err()
        );
    }
}
