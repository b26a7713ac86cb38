//! The checks a rule passes before it is saved: well formed, and able to
//! match someone.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::rule::{Rule, MAX_AGE, MAX_DEPTH, MAX_LOOKED_AFTER_MONTHS};
use super::words::age_range_text;
use crate::people::CareLeaverCategory;

/// A rule (or entitlement) an administrator must fix before saving.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RuleError {
    /// Where the fault is, such as `rule.rules[1].under`; matches the JSON
    /// of [`Entitlement`](super::Entitlement), so it can go in `ErrorBody::field`.
    pub path: String,
    /// What is wrong and what to change, in plain words.
    pub message: String,
}

impl RuleError {
    pub(crate) fn new(path: impl Into<String>, message: impl Into<String>) -> RuleError {
        RuleError {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

impl std::error::Error for RuleError {}

/// Refuses rules that are malformed or could never match anyone, naming
/// the field at fault (paths start at `rule`). Returns the first problem.
///
/// Checks: ages within 0..=30 and `min` below `under`; an age rule needs one
/// of them; non-empty `any`, `all` and category lists; `all` whose ages,
/// categories or yes/no facts contradict each other; `not everyone`;
/// nesting deeper than [`MAX_DEPTH`].
pub fn validate(rule: &Rule) -> Result<(), RuleError> {
    validate_at(rule, "rule", 1)
}

fn validate_at(rule: &Rule, path: &str, depth: usize) -> Result<(), RuleError> {
    if depth > MAX_DEPTH {
        return Err(RuleError::new(
            path,
            format!("Rules can be nested at most {MAX_DEPTH} deep. Simplify this part, for example by joining an \"all\" inside another \"all\"."),
        ));
    }
    match rule {
        Rule::Everyone
        | Rule::InEducation
        | Rule::InHigherEducation
        | Rule::InApprenticeship
        | Rule::InWork
        | Rule::StayingPut
        | Rule::LivesInBorough => Ok(()),
        Rule::Age { min, under } => validate_age(*min, *under, path),
        Rule::Category { any_of } => {
            if any_of.is_empty() {
                Err(RuleError::new(
                    format!("{path}.any_of"),
                    "Choose at least one care-leaver category, or nobody could match.",
                ))
            } else {
                Ok(())
            }
        }
        Rule::LookedAfterMonths { min } => {
            if *min > MAX_LOOKED_AFTER_MONTHS {
                Err(RuleError::new(
                    format!("{path}.min"),
                    format!("{min} months is more than {MAX_AGE} years. Enter the number of months in care, such as 12."),
                ))
            } else {
                Ok(())
            }
        }
        Rule::All { rules } => {
            if rules.is_empty() {
                return Err(RuleError::new(
                    format!("{path}.rules"),
                    "An \"all\" rule needs at least one rule inside it. To offer this to everyone, use {\"kind\":\"everyone\"}.",
                ));
            }
            for (i, r) in rules.iter().enumerate() {
                validate_at(r, &format!("{path}.rules[{i}]"), depth + 1)?;
            }
            check_all_consistent(rules, path)
        }
        Rule::Any { rules } => {
            if rules.is_empty() {
                return Err(RuleError::new(
                    format!("{path}.rules"),
                    "An \"any\" rule needs at least one rule inside it, or nobody could match.",
                ));
            }
            for (i, r) in rules.iter().enumerate() {
                validate_at(r, &format!("{path}.rules[{i}]"), depth + 1)?;
            }
            Ok(())
        }
        Rule::Not { rule } => {
            let inner = format!("{path}.rule");
            if **rule == Rule::Everyone {
                return Err(RuleError::new(
                    inner,
                    "\"Not everyone\" matches nobody. Remove the \"not\", or choose a different rule.",
                ));
            }
            validate_at(rule, &inner, depth + 1)
        }
    }
}

fn validate_age(min: Option<u32>, under: Option<u32>, path: &str) -> Result<(), RuleError> {
    if min.is_none() && under.is_none() {
        return Err(RuleError::new(
            path,
            "An age rule needs \"min\" (the youngest age, included), \"under\" (the age it stops at, not included), or both.",
        ));
    }
    if let Some(m) = min {
        if m > MAX_AGE {
            return Err(RuleError::new(
                format!("{path}.min"),
                format!("\"min\" is {m}; use an age from 0 to {MAX_AGE}."),
            ));
        }
    }
    if let Some(u) = under {
        if u > MAX_AGE {
            return Err(RuleError::new(
                format!("{path}.under"),
                format!("\"under\" is {u}; use an age from 1 to {MAX_AGE}."),
            ));
        }
        if u == 0 {
            return Err(RuleError::new(
                format!("{path}.under"),
                format!(
                    "Nobody is under 0, so nobody could match. Use an age from 1 to {MAX_AGE}."
                ),
            ));
        }
        if let Some(m) = min {
            if m >= u {
                return Err(RuleError::new(
                    format!("{path}.under"),
                    format!("Nobody is {m} or over and also under {u}, so nobody could match. Make \"under\" bigger than \"min\": for people aged 18 to 24, use min 18 and under 25."),
                ));
            }
        }
    }
    Ok(())
}

/// The parts of an `all` that must all hold, with their paths: nested `all`s
/// are flattened, since `all [a, all [b, c]]` needs a, b and c.
fn conjuncts<'a>(rules: &'a [Rule], path: &str, out: &mut Vec<(String, &'a Rule)>) {
    for (i, r) in rules.iter().enumerate() {
        let p = format!("{path}.rules[{i}]");
        match r {
            Rule::All { rules } => conjuncts(rules, &p, out),
            other => out.push((p, other)),
        }
    }
}

fn check_all_consistent(rules: &[Rule], path: &str) -> Result<(), RuleError> {
    let mut parts = Vec::new();
    conjuncts(rules, path, &mut parts);

    // Ages: intersect [min, under).
    let mut lo: u32 = 0;
    let mut hi: u32 = u32::MAX;
    let mut first_age: Option<String> = None;
    // Categories: intersect the lists.
    let mut allowed: Option<Vec<CareLeaverCategory>> = None;
    let mut first_category: Option<String> = None;
    // Yes/no facts: required true, required false.
    let mut yes: Vec<(&Rule, String)> = Vec::new();
    let mut no: Vec<(&Rule, String)> = Vec::new();

    for (p, r) in &parts {
        match r {
            Rule::Age { min, under } => {
                let before = (lo, hi);
                lo = lo.max(min.unwrap_or(0));
                hi = hi.min(under.unwrap_or(u32::MAX));
                let earlier = first_age.get_or_insert_with(|| p.clone()).clone();
                if lo >= hi {
                    return Err(RuleError::new(
                        p.clone(),
                        format!(
                            "This age rule cannot be true together with {earlier}: nobody can be {} and also {}. Change one of them.",
                            age_range_text(bound(before.0, 0), bound(before.1, u32::MAX)),
                            age_range_text(*min, *under)
                        ),
                    ));
                }
            }
            Rule::Category { any_of } => {
                let now: Vec<CareLeaverCategory> = match &allowed {
                    None => any_of.clone(),
                    Some(prev) => prev
                        .iter()
                        .copied()
                        .filter(|c| any_of.contains(c))
                        .collect(),
                };
                let earlier = first_category.get_or_insert_with(|| p.clone()).clone();
                if now.is_empty() {
                    return Err(RuleError::new(
                        p.clone(),
                        format!("These categories share none with {earlier}, so nobody could match. Change one of them."),
                    ));
                }
                allowed = Some(now);
            }
            Rule::Not { rule } if is_flag(rule) => {
                if let Some((_, q)) = yes.iter().find(|(f, _)| f == &rule.as_ref()) {
                    return Err(RuleError::new(
                        p.clone(),
                        format!("This says \"not\" the same thing {q} requires, so nobody could match. Remove one of them."),
                    ));
                }
                no.push((rule.as_ref(), p.clone()));
            }
            flag if is_flag(flag) => {
                if let Some((_, q)) = no.iter().find(|(f, _)| f == flag) {
                    return Err(RuleError::new(
                        p.clone(),
                        format!("This requires the very thing {q} rules out, so nobody could match. Remove one of them."),
                    ));
                }
                yes.push((flag, p.clone()));
            }
            _ => {}
        }
    }
    Ok(())
}

fn bound(v: u32, open: u32) -> Option<u32> {
    (v != open).then_some(v)
}

fn is_flag(rule: &Rule) -> bool {
    matches!(
        rule,
        Rule::InEducation
            | Rule::InHigherEducation
            | Rule::InApprenticeship
            | Rule::InWork
            | Rule::StayingPut
            | Rule::LivesInBorough
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::eligibility::fixtures::*;
    use crate::people::CareLeaverCategory as C;

    // --- validation ---

    #[test]
    fn validate_accepts_the_offer() {
        for r in [
            he_bursary(),
            council_tax(),
            bursary_16_19(),
            setting_up_home(),
        ] {
            assert_eq!(validate(&r), Ok(()));
        }
        assert_eq!(validate(&not(not(Rule::InWork))), Ok(()));
        assert_eq!(validate(&Rule::Everyone), Ok(()));
    }

    fn err_path(r: &Rule) -> String {
        validate(r).unwrap_err().path
    }

    #[test]
    fn validate_names_the_field_at_fault() {
        assert_eq!(err_path(&age(Some(25), Some(18))), "rule.under");
        assert_eq!(err_path(&age(Some(18), Some(18))), "rule.under");
        assert_eq!(err_path(&age(None, None)), "rule");
        assert_eq!(err_path(&age(Some(31), None)), "rule.min");
        assert_eq!(err_path(&age(None, Some(40))), "rule.under");
        assert_eq!(err_path(&age(None, Some(0))), "rule.under");
        assert_eq!(err_path(&cats(&[])), "rule.any_of");
        assert_eq!(err_path(&Rule::Any { rules: vec![] }), "rule.rules");
        assert_eq!(err_path(&all(vec![])), "rule.rules");
        assert_eq!(err_path(&Rule::LookedAfterMonths { min: 400 }), "rule.min");
        assert_eq!(err_path(&not(Rule::Everyone)), "rule.rule");
        assert_eq!(
            err_path(&all(vec![Rule::InWork, age(Some(21), Some(18))])),
            "rule.rules[1].under"
        );
        let e = validate(&all(vec![Rule::InWork, age(Some(25), Some(18))])).unwrap_err();
        assert!(
            e.message.contains("Make \"under\" bigger than \"min\""),
            "{e}"
        );
        assert_eq!(
            err_path(&Rule::Any {
                rules: vec![Rule::InWork, not(all(vec![cats(&[])]))]
            }),
            "rule.rules[1].rule.rules[0].any_of"
        );
    }

    #[test]
    fn validate_finds_contradictions_inside_all() {
        let r = all(vec![
            age(Some(16), Some(19)),
            Rule::InWork,
            age(Some(21), None),
        ]);
        let e = validate(&r).unwrap_err();
        assert_eq!(e.path, "rule.rules[2]");
        assert!(e.message.contains("rule.rules[0]"), "{e}");
        assert!(
            e.message.contains("aged 16 to 18") && e.message.contains("aged 21 or over"),
            "{e}"
        );

        // Nested `all` is flattened.
        let r = all(vec![
            age(None, Some(18)),
            all(vec![Rule::InWork, age(Some(18), None)]),
        ]);
        assert_eq!(err_path(&r), "rule.rules[1].rules[1]");

        // Touching ranges are fine: 16..19 and 18..25 share 18.
        assert_eq!(
            validate(&all(vec![age(Some(16), Some(19)), age(Some(18), Some(25))])),
            Ok(())
        );

        let r = all(vec![
            cats(&[C::Eligible, C::Relevant]),
            cats(&[C::FormerRelevant]),
        ]);
        assert_eq!(err_path(&r), "rule.rules[1]");
        let r = all(vec![
            cats(&[C::Eligible, C::Relevant]),
            cats(&[C::Relevant]),
        ]);
        assert_eq!(validate(&r), Ok(()));

        let r = all(vec![Rule::StayingPut, not(Rule::StayingPut)]);
        assert_eq!(err_path(&r), "rule.rules[1]");
        let r = all(vec![not(Rule::InWork), Rule::InWork]);
        assert_eq!(err_path(&r), "rule.rules[1]");
    }

    #[test]
    fn validate_limits_nesting() {
        let mut r = Rule::InWork;
        for _ in 0..7 {
            r = not(r);
        }
        // 7 `not`s plus the leaf: 8 levels.
        assert_eq!(validate(&r), Ok(()));
        let r9 = not(r);
        let e = validate(&r9).unwrap_err();
        assert_eq!(e.path, format!("rule{}", ".rule".repeat(8)));
        assert!(e.message.contains("at most 8 deep"));
    }
}
