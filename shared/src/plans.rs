//! A young person's plan (care plan, or pathway plan for care leavers), in
//! sections that match how children talk about their lives.

use crate::glossary::TermMatch;
use crate::plain_language::PlainLanguageReport;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

// The limits live in `limits`; these names stay for the code that uses them.
pub use crate::limits::{
    PLAN_MESSAGE_MAX_CHARS as MESSAGE_MAX_CHARS, PLAN_SECTION_MAX_CHARS as SECTION_MAX_CHARS,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Section {
    AboutMe,
    WhereILive,
    FamilyTime,
    SchoolCollegeWork,
    Health,
    KeepingSafe,
    MyFuture,
    WhatHappensNext,
}

impl Section {
    pub const ALL: [Section; 8] = [
        Section::AboutMe,
        Section::WhereILive,
        Section::FamilyTime,
        Section::SchoolCollegeWork,
        Section::Health,
        Section::KeepingSafe,
        Section::MyFuture,
        Section::WhatHappensNext,
    ];

    /// The heading a child sees.
    pub fn title(self) -> &'static str {
        match self {
            Section::AboutMe => "About me",
            Section::WhereILive => "Where I live",
            Section::FamilyTime => "Family time",
            Section::SchoolCollegeWork => "School, college or work",
            Section::Health => "My health",
            Section::KeepingSafe => "Keeping safe",
            Section::MyFuture => "My future",
            Section::WhatHappensNext => "What happens next",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Section::AboutMe => "about_me",
            Section::WhereILive => "where_i_live",
            Section::FamilyTime => "family_time",
            Section::SchoolCollegeWork => "school_college_work",
            Section::Health => "health",
            Section::KeepingSafe => "keeping_safe",
            Section::MyFuture => "my_future",
            Section::WhatHappensNext => "what_happens_next",
        }
    }

    pub fn parse(s: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// Where a version of a plan stands. Stored as text (`as_str`); the server reads it back with
/// `parse` and treats an unknown value as an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PlanStatus {
    /// Being written; only staff see it.
    Draft,
    /// Shared with the young person.
    Shared,
}

impl PlanStatus {
    pub const ALL: [PlanStatus; 2] = [PlanStatus::Draft, PlanStatus::Shared];

    pub const fn as_str(self) -> &'static str {
        match self {
            PlanStatus::Draft => "draft",
            PlanStatus::Shared => "shared",
        }
    }

    pub fn parse(s: &str) -> Option<PlanStatus> {
        PlanStatus::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PlanKind {
    /// For a child in care.
    CarePlan,
    /// For a young person leaving care (16+).
    PathwayPlan,
}

impl PlanKind {
    pub fn title(self) -> &'static str {
        match self {
            PlanKind::CarePlan => "My care plan",
            PlanKind::PathwayPlan => "My pathway plan",
        }
    }
}

/// One section's text as the worker writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SectionText {
    pub section: Section,
    pub text: String,
}

/// `PUT .../plan/draft`: the whole draft, replacing the last one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DraftPlan {
    pub sections: Vec<SectionText>,
    /// A date for "what happens next", if there is one.
    #[serde(default)]
    pub next_date: Option<NaiveDate>,
}

/// `POST .../plan/share`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SharePlan {
    /// Required when a section fails the plain-language check for the
    /// child's age: why it must be shared as it is.
    #[serde(default)]
    pub override_reason: Option<String>,
}

/// The check of one section for the child's age band.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SectionCheck {
    pub section: Section,
    pub report: PlainLanguageReport,
}

/// What a worker sees of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffPlanView {
    pub kind: PlanKind,
    pub draft: Option<DraftPlan>,
    /// The plain-language check of the draft, section by section.
    pub checks: Vec<SectionCheck>,
    pub shared_version: Option<u32>,
    pub versions: Vec<PlanVersionSummary>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlanVersionSummary {
    pub version: u32,
    pub shared_at: DateTime<Utc>,
    pub shared_by: String,
    /// Set when it was shared although it failed the check.
    pub override_reason: Option<String>,
}

/// One section as the child sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChildSection {
    pub section: Section,
    pub title: String,
    pub text: String,
    /// Words that must stay, with what they mean.
    pub explained: Vec<TermMatch>,
    /// Changed since the version before this one.
    pub changed: bool,
    /// What it said before, when it changed.
    pub before: Option<String>,
}

/// `GET /api/me/plan`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChildPlanView {
    pub kind: PlanKind,
    pub title: String,
    pub version: u32,
    pub shared_at: DateTime<Utc>,
    pub shared_by: String,
    pub next_date: Option<NaiveDate>,
    pub sections: Vec<ChildSection>,
    /// Sections that were in the last version and are gone now.
    pub removed: Vec<Section>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum QueryKind {
    DontUnderstand,
    DontAgree,
}

impl QueryKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QueryKind::DontUnderstand => "dont_understand",
            QueryKind::DontAgree => "dont_agree",
        }
    }
    pub fn parse(s: &str) -> Option<QueryKind> {
        [QueryKind::DontUnderstand, QueryKind::DontAgree]
            .into_iter()
            .find(|k| k.as_str() == s)
    }
}

/// A child's "I don't understand this" / "I don't agree" on a section.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewPlanQuery {
    pub section: Section,
    pub kind: QueryKind,
    #[serde(default)]
    pub message: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlanQueryView {
    pub id: String,
    /// The young person's id (for staff lists).
    pub young_person_id: String,
    pub young_person_name: String,
    pub version: u32,
    pub section: Section,
    pub kind: QueryKind,
    pub message: Option<String>,
    pub asked_at: DateTime<Utc>,
    pub answer: Option<String>,
    pub answered_by: Option<String>,
    pub answered_at: Option<DateTime<Utc>>,
    /// Only in the answer to asking, when the message suggests the young
    /// person may be at risk: Childline and the duty desk (their worker is
    /// alerted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support: Option<crate::reviews::SupportMessage>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PlanAnswer {
    pub answer: String,
}

/// Sections that differ between two versions (added or changed), and those
/// that were removed.
pub fn changes(before: &[SectionText], after: &[SectionText]) -> (Vec<Section>, Vec<Section>) {
    let text_of = |list: &[SectionText], s: Section| {
        list.iter()
            .find(|x| x.section == s)
            .map(|x| x.text.trim().to_owned())
    };
    let mut changed = vec![];
    let mut removed = vec![];
    for s in Section::ALL {
        match (text_of(before, s), text_of(after, s)) {
            (Some(a), Some(b)) if a != b => changed.push(s),
            (None, Some(_)) => changed.push(s),
            (Some(_), None) => removed.push(s),
            _ => {}
        }
    }
    (changed, removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(section: Section, text: &str) -> SectionText {
        SectionText {
            section,
            text: text.to_owned(),
        }
    }

    #[test]
    fn plan_statuses_round_trip() {
        for s in PlanStatus::ALL {
            assert_eq!(PlanStatus::parse(s.as_str()), Some(s));
        }
        assert_eq!(PlanStatus::parse("archived"), None);
    }

    #[test]
    fn changes_find_edits_additions_and_removals() {
        let before = vec![
            t(Section::AboutMe, "I like art."),
            t(Section::Health, "I see the dentist."),
        ];
        let after = vec![
            t(Section::AboutMe, "I like art and music."),
            t(Section::FamilyTime, "I see Mum on Saturdays."),
        ];
        let (changed, removed) = changes(&before, &after);
        assert_eq!(changed, vec![Section::AboutMe, Section::FamilyTime]);
        assert_eq!(removed, vec![Section::Health]);
    }

    #[test]
    fn whitespace_alone_is_not_a_change() {
        let (changed, removed) = changes(
            &[t(Section::AboutMe, "Hi.")],
            &[t(Section::AboutMe, " Hi. ")],
        );
        assert!(changed.is_empty() && removed.is_empty());
    }

    #[test]
    fn sections_round_trip() {
        for s in Section::ALL {
            assert_eq!(Section::parse(s.as_str()), Some(s));
        }
    }
}

/// One of my workers, as a young person sees them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Worker {
    pub relationship: crate::access::Relationship,
    pub name: String,
    /// What they do, in a sentence a child understands.
    pub role_explained: String,
    /// What they wrote about themself ("Tell me about you!").
    pub about_me: Option<String>,
    pub contact_how: Option<String>,
    pub contact_when: Option<String>,
    pub since: DateTime<Utc>,
}

/// A worker who changed recently, with their goodbye note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WorkerChange {
    pub relationship: crate::access::Relationship,
    pub previous_name: String,
    pub changed_at: DateTime<Utc>,
    pub handover_note: Option<String>,
}

/// `GET /api/me/people`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyPeople {
    pub workers: Vec<Worker>,
    pub recent_changes: Vec<WorkerChange>,
    /// Who to call out of hours.
    pub duty_phone: String,
}

/// A member of staff's own "about me".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffProfile {
    pub about_me: String,
    #[serde(default)]
    pub contact_how: String,
    #[serde(default)]
    pub contact_when: String,
}

/// A worker's answer to a young person's question about their plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnswerRequest {
    /// The question's id.
    pub query_id: String,
    pub answer: String,
}
