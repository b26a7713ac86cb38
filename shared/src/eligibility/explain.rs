//! Why a rule does or does not apply, in sentences a young person can read,
//! and who it is for, in one sentence for the administrator.

use serde::{Deserialize, Serialize};

use super::rule::{evaluate, PersonFacts, Rule};
use super::words::{age_range_text, capitalise, join_words, months};
use crate::people::CareLeaverCategory;

/// One plain-English reason, shown with a tick (`met`) or not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reason {
    /// True when this part of the rule is true for the person.
    pub met: bool,
    /// A sentence written to the young person: "You are 19, and this is
    /// for people aged 18 to 24."
    pub text: String,
}

/// Why `rule` does or does not apply, as sentences a young person can read.
///
/// For "all of" every part is listed (so they can see what they already
/// meet); for "any of" only the part that applies, or every part with a
/// lead sentence when none does. `not` is pushed inwards (De Morgan) so each
/// sentence is about one plain fact.
pub fn explain(rule: &Rule, facts: &PersonFacts) -> Vec<Reason> {
    let mut out = Vec::new();
    explain_into(rule, facts, false, &mut out);
    out
}

fn explain_into(rule: &Rule, facts: &PersonFacts, negated: bool, out: &mut Vec<Reason>) {
    match (rule, negated) {
        (Rule::Not { rule }, _) => explain_into(rule, facts, !negated, out),
        (Rule::All { rules }, false) | (Rule::Any { rules }, true) => {
            for r in rules {
                explain_into(r, facts, negated, out);
            }
        }
        (Rule::Any { rules }, false) | (Rule::All { rules }, true) => {
            // True when any part (negated if needed) is true.
            if let Some(r) = rules.iter().find(|r| evaluate(r, facts) != negated) {
                explain_into(r, facts, negated, out);
            } else {
                if rules.len() > 1 {
                    out.push(Reason {
                        met: false,
                        text: "This needs just one of the following, and none of them is true for you at the moment.".to_string(),
                    });
                }
                for r in rules {
                    explain_into(r, facts, negated, out);
                }
            }
        }
        (leaf, _) => out.push(leaf_reason(leaf, facts, negated)),
    }
}

fn leaf_reason(rule: &Rule, facts: &PersonFacts, negated: bool) -> Reason {
    let met = evaluate(rule, facts) != negated;
    let not = if negated { "not " } else { "" };
    let text = match rule {
        Rule::Everyone => {
            if negated {
                "This is not open to anyone at the moment.".to_string()
            } else {
                "This is open to everyone.".to_string()
            }
        }
        Rule::Age { min, under } => format!(
            "You are {}, and this is {not}for people {}.",
            facts.age_years,
            age_range_text(*min, *under)
        ),
        Rule::Category { any_of } => {
            let mut groups: Vec<&str> = Vec::new();
            for c in any_of {
                let g = category_group(*c);
                if !groups.contains(&g) {
                    groups.push(g);
                }
            }
            let groups = join_words(&groups, "or");
            let you = category_you_are(facts.category);
            match (negated, met) {
                (false, true) => format!("You are {you}, and this is for {groups}."),
                (false, false) => format!("This is for {groups}, and you are {you}."),
                (true, _) => format!("This is not for {groups}, and you are {you}."),
            }
        }
        Rule::LookedAfterMonths { min } => {
            let have = months(facts.months_looked_after);
            let need = months(*min);
            match (negated, met) {
                (false, true) => format!(
                    "You have spent {have} in care in total, and this is for people who have spent at least {need} in care."
                ),
                (false, false) => format!(
                    "This is for people who have spent at least {need} in care, and you have spent {have} in care in total."
                ),
                (true, _) => format!(
                    "This is for people who have spent less than {need} in care, and you have spent {have} in care in total."
                ),
            }
        }
        flag => {
            let (who, yes, no) = flag_words(flag);
            match (negated, met) {
                (false, true) => format!("{}.", capitalise(yes)),
                (false, false) => format!("This is for {who}, and {no}."),
                (true, true) => format!("{}.", capitalise(no)),
                (true, false) => format!("This is not for {who}, and {yes}."),
            }
        }
    };
    Reason { met, text }
}

/// (the group it is for, "you are ..." when true, "you are not ..." when false)
fn flag_words(rule: &Rule) -> (&'static str, &'static str, &'static str) {
    match rule {
        Rule::InEducation => (
            "people in education or training",
            "you are in education or training",
            "you are not in education or training at the moment",
        ),
        Rule::InHigherEducation => (
            "people at university or on a higher education course",
            "you are at university or on a higher education course",
            "you are not at university or on a higher education course at the moment",
        ),
        Rule::InApprenticeship => (
            "people doing an apprenticeship",
            "you are doing an apprenticeship",
            "you are not doing an apprenticeship at the moment",
        ),
        Rule::InWork => (
            "people in work",
            "you are in work",
            "you are not in work at the moment",
        ),
        Rule::StayingPut => (
            "people living with their former foster carers (Staying Put)",
            "you are living with your former foster carers (Staying Put)",
            "you are not living with former foster carers under Staying Put",
        ),
        Rule::LivesInBorough => (
            "people who live in the council's area",
            "you live in the council's area",
            "you do not live in the council's area",
        ),
        // Not reached: every other kind has its own words.
        _ => (
            "people this applies to",
            "this applies to you",
            "this does not apply to you",
        ),
    }
}

/// Who `rule` is for, in one plain sentence for the administrator who
/// writes it (the editor shows it live): "For people aged 18 to 24, and
/// (people at university or on a higher education course, or people doing
/// an apprenticeship)."
pub fn describe(rule: &Rule) -> String {
    format!("For {}.", describe_part(rule, false))
}

fn describe_part(rule: &Rule, nested: bool) -> String {
    let group = |rules: &[Rule], word: &str| {
        let parts: Vec<String> = rules.iter().map(|r| describe_part(r, true)).collect();
        let joined = parts.join(&format!(", {word} "));
        if nested && parts.len() > 1 {
            format!("({joined})")
        } else {
            joined
        }
    };
    match rule {
        Rule::Everyone => "everyone the offer is for".to_string(),
        Rule::Age { min, under } => format!("people {}", age_range_text(*min, *under)),
        Rule::Category { any_of } => {
            let mut groups: Vec<&str> = Vec::new();
            for c in any_of {
                let g = category_group(*c);
                if !groups.contains(&g) {
                    groups.push(g);
                }
            }
            join_words(&groups, "or")
        }
        Rule::LookedAfterMonths { min } => {
            format!("people who have spent at least {} in care", months(*min))
        }
        Rule::All { rules } => group(rules, "and"),
        Rule::Any { rules } => group(rules, "or"),
        Rule::Not { rule } => format!("not {}", describe_part(rule, true)),
        flag => flag_words(flag).0.to_string(),
    }
}

/// The category as the person hears it about themselves ("You are ...").
fn category_you_are(c: CareLeaverCategory) -> &'static str {
    match c {
        CareLeaverCategory::None => "not counted as a care leaver",
        CareLeaverCategory::Eligible => {
            "16 or 17 and still in care (the law calls this \"eligible\")"
        }
        CareLeaverCategory::Relevant => {
            "16 or 17 and have left care (the law calls this \"relevant\")"
        }
        CareLeaverCategory::FormerRelevant => {
            "a care leaver aged 18 or over (the law calls this \"former relevant\")"
        }
        CareLeaverCategory::Qualifying => {
            "someone who was in care after turning 16, but not for long enough to be \"eligible\" (the law calls this \"qualifying\")"
        }
    }
}

/// The category as a group of people ("This is for ...").
fn category_group(c: CareLeaverCategory) -> &'static str {
    match c {
        CareLeaverCategory::None => "people who are not care leavers",
        CareLeaverCategory::Eligible => "16 and 17 year olds still in care",
        CareLeaverCategory::Relevant => "16 and 17 year olds who have left care",
        CareLeaverCategory::FormerRelevant => "care leavers aged 18 to 25",
        CareLeaverCategory::Qualifying => {
            "people who were in care for a shorter time after turning 16"
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::eligibility::fixtures::*;
    use crate::people::CareLeaverCategory as C;

    fn rule(json: &str) -> Rule {
        serde_json::from_str(json).expect("test rule")
    }

    // --- the scenarios in the brief ---

    #[test]
    fn nineteen_year_old_at_university() {
        let today = d(2025, 9, 1);
        let mut f = person(today, C::FormerRelevant);
        f.in_education = true;
        f.in_higher_education = true;
        f.lives_in_borough = true;
        assert_eq!(f.age_years, 19);
        assert!(evaluate(&he_bursary(), &f));
        assert!(evaluate(&council_tax(), &f));
        // 16-19 bursary: `under` 19 is exclusive, so at 19 exactly they are out.
        assert!(!evaluate(&bursary_16_19(), &f));
        let reasons = explain(&bursary_16_19(), &f);
        assert_eq!(
            reasons[0],
            Reason {
                met: false,
                text: "You are 19, and this is for people aged 16 to 18.".into()
            }
        );
        assert!(reasons[1].met);
        // The day before their 19th birthday they still had it.
        let f18 = PersonFacts {
            age_years: 18,
            ..f.clone()
        };
        assert!(evaluate(&bursary_16_19(), &f18));
        // Moving out of the borough loses the council tax exemption only.
        f.lives_in_borough = false;
        assert!(!evaluate(&council_tax(), &f));
        assert!(evaluate(&he_bursary(), &f));
    }

    #[test]
    fn explain_uses_plain_words() {
        let today = d(2025, 9, 1);
        let f = person(today, C::FormerRelevant);
        let r = explain(&age(Some(18), Some(25)), &f);
        assert_eq!(
            r[0].text,
            "You are 19, and this is for people aged 18 to 24."
        );
        assert!(r[0].met);

        let r = explain(&he_bursary(), &f);
        assert_eq!(r.len(), 3);
        assert!(r[0].met && !r[1].met && r[2].met);
        assert!(r[0]
            .text
            .starts_with("You are a care leaver aged 18 or over"));
        assert_eq!(
            r[1].text,
            "This is for people at university or on a higher education course, and you are not at university or on a higher education course at the moment."
        );
        assert_eq!(r[2].text, "You are 19, and this is for people under 25.");

        let r = explain(&cats(&[C::Eligible, C::Relevant]), &f);
        assert!(r[0].text.starts_with(
            "This is for 16 and 17 year olds still in care or 16 and 17 year olds who have left care, and you are a care leaver"
        ));

        let r = explain(&Rule::LookedAfterMonths { min: 12 }, &f);
        assert_eq!(r[0].text, "This is for people who have spent at least 12 months in care, and you have spent 0 months in care in total.");
    }

    #[test]
    fn explain_any_and_not() {
        let today = d(2025, 9, 1);
        let mut f = person(today, C::FormerRelevant);
        let any = Rule::Any {
            rules: vec![Rule::InHigherEducation, Rule::InApprenticeship],
        };
        let r = explain(&any, &f);
        assert_eq!(r.len(), 3);
        assert!(r.iter().all(|x| !x.met));
        assert!(r[0].text.contains("just one of the following"));

        f.in_apprenticeship = true;
        let r = explain(&any, &f);
        assert_eq!(
            r,
            vec![Reason {
                met: true,
                text: "You are doing an apprenticeship.".into()
            }]
        );

        // not(any[a, b]) explains as "not a" and "not b".
        let neet = not(Rule::Any {
            rules: vec![Rule::InWork, Rule::InApprenticeship],
        });
        let r = explain(&neet, &f);
        assert_eq!(r.len(), 2);
        assert_eq!(
            r[0],
            Reason {
                met: true,
                text: "You are not in work at the moment.".into()
            }
        );
        assert_eq!(
            r[1],
            Reason {
                met: false,
                text: "This is not for people doing an apprenticeship, and you are doing an apprenticeship.".into()
            }
        );
        assert!(!evaluate(&neet, &f));

        let r = explain(&not(age(Some(21), None)), &f);
        assert_eq!(
            r[0].text,
            "You are 19, and this is not for people aged 21 or over."
        );
        assert!(r[0].met);
    }

    #[test]
    fn describes_a_flat_rule() {
        assert_eq!(
            describe(&rule(r#"{"kind":"age","min":18,"under":25}"#)),
            "For people aged 18 to 24."
        );
        assert_eq!(describe(&Rule::Everyone), "For everyone the offer is for.");
    }

    #[test]
    fn brackets_groups_inside_groups() {
        let r = rule(
            r#"{"kind":"all","rules":[
                {"kind":"category","any_of":["former_relevant","relevant"]},
                {"kind":"age","min":18,"under":25},
                {"kind":"any","rules":[{"kind":"in_higher_education"},{"kind":"in_apprenticeship"}]},
                {"kind":"not","rule":{"kind":"staying_put"}}]}"#,
        );
        assert_eq!(
            describe(&r),
            "For care leavers aged 18 to 25 or 16 and 17 year olds who have left care, and people aged 18 to 24, \
             and (people at university or on a higher education course, or people doing an apprenticeship), \
             and not people living with their former foster carers (Staying Put)."
        );
    }

    #[test]
    fn months_in_care() {
        assert_eq!(
            describe(&rule(r#"{"kind":"looked_after_months","min":12}"#)),
            "For people who have spent at least 12 months in care."
        );
    }
}
