//! Anonymous totals of the answers over time, like a Bright Spots report,
//! with small groups hidden.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

use super::forms::{FormKey, FormOption, QuestionKind};
use super::limits::MIN_GROUP;
use super::priorities::Priority;

/// How totals are grouped over time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Period {
    #[default]
    Month,
    Quarter,
}

/// "2026-01" or "2026-Q1".
pub fn period_label(date: NaiveDate, period: Period) -> String {
    match period {
        Period::Month => format!("{}-{:02}", date.year(), date.month()),
        Period::Quarter => format!("{}-Q{}", date.year(), (date.month() - 1) / 3 + 1),
    }
}

/// Every period label from `from` to `to`, in order.
pub fn period_labels(from: NaiveDate, to: NaiveDate, period: Period) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut d = NaiveDate::from_ymd_opt(from.year(), from.month(), 1).unwrap_or(from);
    while d <= to {
        let l = period_label(d, period);
        if out.last() != Some(&l) {
            out.push(l);
        }
        match d.checked_add_months(chrono::Months::new(1)) {
            Some(n) => d = n,
            None => break,
        }
    }
    out
}

/// What the note on a hidden cell says.
pub const SUPPRESSED_NOTE: &str =
    "Fewer than 5 young people answered, so this is hidden to keep them anonymous.";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChoiceCount {
    pub key: String,
    pub label: String,
    pub count: u32,
}

/// One period of one row. When `suppressed`, no number is given at all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InsightCell {
    pub period: String,
    pub suppressed: bool,
    /// Why it is hidden.
    pub note: Option<String>,
    /// How many young people answered.
    pub young_people: Option<u32>,
    pub answers: Option<u32>,
    /// Faces: the average, 1 to 5, to one decimal place.
    pub average: Option<f64>,
    /// Faces: how many picked each face, 1 to 5.
    pub faces: Option<Vec<u32>>,
    /// Choices: how many picked each option.
    pub choices: Option<Vec<ChoiceCount>>,
}

impl InsightCell {
    fn hidden(period: String) -> InsightCell {
        InsightCell {
            period,
            suppressed: true,
            note: Some(SUPPRESSED_NOTE.to_owned()),
            young_people: None,
            answers: None,
            average: None,
            faces: None,
            choices: None,
        }
    }
}

/// Faces answers of one group: (who answered, 1 to 5). Hidden when fewer
/// than [`MIN_GROUP`] different young people answered.
pub fn faces_cell(period: String, answers: &[(i64, u8)]) -> InsightCell {
    let people: BTreeSet<i64> = answers.iter().map(|(p, _)| *p).collect();
    if (people.len() as u32) < MIN_GROUP {
        return InsightCell::hidden(period);
    }
    let mut faces = vec![0u32; 5];
    let mut sum = 0u32;
    for (_, s) in answers {
        let s = (*s).clamp(1, 5);
        faces[usize::from(s - 1)] += 1;
        sum += u32::from(s);
    }
    let n = answers.len() as u32;
    let average = (f64::from(sum) / f64::from(n.max(1)) * 10.0).round() / 10.0;
    InsightCell {
        period,
        suppressed: false,
        note: None,
        young_people: Some(people.len() as u32),
        answers: Some(n),
        average: Some(average),
        faces: Some(faces),
        choices: None,
    }
}

/// Choice answers of one group: (who answered, keys picked).
pub fn choices_cell(
    period: String,
    options: &[FormOption],
    answers: &[(i64, Vec<String>)],
) -> InsightCell {
    let people: BTreeSet<i64> = answers.iter().map(|(p, _)| *p).collect();
    if (people.len() as u32) < MIN_GROUP {
        return InsightCell::hidden(period);
    }
    let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
    for (_, picked) in answers {
        for k in picked {
            *counts.entry(k.as_str()).or_default() += 1;
        }
    }
    InsightCell {
        period,
        suppressed: false,
        note: None,
        young_people: Some(people.len() as u32),
        answers: Some(answers.len() as u32),
        average: None,
        faces: None,
        choices: Some(
            options
                .iter()
                .map(|o| ChoiceCount {
                    key: o.key.clone(),
                    label: o.label.clone(),
                    count: counts.get(o.key.as_str()).copied().unwrap_or(0),
                })
                .collect(),
        ),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PriorityInsight {
    pub priority: Priority,
    pub title: String,
    /// Faces answers to every question under this priority.
    pub cells: Vec<InsightCell>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuestionInsight {
    pub form: FormKey,
    pub question: String,
    pub prompt: String,
    pub kind: QuestionKind,
    pub priority: Option<Priority>,
    pub cells: Vec<InsightCell>,
}

/// `GET /api/feedback/insights`: anonymous totals, like a Bright Spots
/// report. Words young people wrote are never included.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InsightsReport {
    pub period: Period,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub min_group: u32,
    /// How small groups are handled, in words.
    pub note: String,
    pub priorities: Vec<PriorityInsight>,
    pub questions: Vec<QuestionInsight>,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::reviews::fixtures::*;

    #[test]
    fn small_groups_are_hidden() {
        let four: Vec<(i64, u8)> = (1..=4).map(|p| (p, 5)).collect();
        let cell = faces_cell("2026-01".into(), &four);
        assert!(cell.suppressed && cell.answers.is_none() && cell.average.is_none());
        assert_eq!(cell.note.as_deref(), Some(SUPPRESSED_NOTE));
        // Many answers from few young people are still few young people.
        let many: Vec<(i64, u8)> = (0..20).map(|i| (i % 4, 3)).collect();
        assert!(faces_cell("x".into(), &many).suppressed);
        let five: Vec<(i64, u8)> = vec![(1, 1), (2, 2), (3, 3), (4, 4), (5, 5), (5, 5)];
        let cell = faces_cell("2026-01".into(), &five);
        assert!(!cell.suppressed);
        assert_eq!(cell.young_people, Some(5));
        assert_eq!(cell.answers, Some(6));
        assert_eq!(cell.faces, Some(vec![1, 1, 1, 1, 2]));
        assert_eq!(cell.average, Some(3.3));
        let opts = &q("who", QuestionKind::ManyChoices).options;
        let picks: Vec<(i64, Vec<String>)> = (1..=5).map(|p| (p, vec!["mum".into()])).collect();
        let cell = choices_cell("q".into(), opts, &picks);
        assert_eq!(cell.choices.unwrap()[1].count, 5);
        assert!(choices_cell("q".into(), opts, &picks[..4]).suppressed);
    }

    #[test]
    fn periods() {
        assert_eq!(period_label(d(2026, 2, 3), Period::Month), "2026-02");
        assert_eq!(period_label(d(2026, 12, 31), Period::Quarter), "2026-Q4");
        assert_eq!(
            period_labels(d(2025, 11, 15), d(2026, 2, 1), Period::Month),
            vec!["2025-11", "2025-12", "2026-01", "2026-02"]
        );
        assert_eq!(
            period_labels(d(2025, 11, 15), d(2026, 4, 1), Period::Quarter),
            vec!["2025-Q4", "2026-Q1", "2026-Q2"]
        );
    }
}
