//! Spaces and who may join them: the audience and age rule of a space, the
//! views of it, and its slug.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::limits::{OLDEST, YOUNGEST};
use crate::care_status::CareSummary;
use crate::people::CareLeaverCategory;

/// Who a space is for, besides age.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// Children looked after now.
    InCare,
    /// Care leavers: eligible, relevant, former relevant or qualifying.
    CareLeavers,
    /// Either.
    Both,
}

impl Audience {
    pub const ALL: [Audience; 3] = [Audience::InCare, Audience::CareLeavers, Audience::Both];

    pub fn as_str(self) -> &'static str {
        match self {
            Audience::InCare => "in_care",
            Audience::CareLeavers => "care_leavers",
            Audience::Both => "both",
        }
    }

    pub fn parse(s: &str) -> Option<Audience> {
        Audience::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

/// Whether this category is a care leaver's.
pub fn is_care_leaver(c: CareLeaverCategory) -> bool {
    c != CareLeaverCategory::None
}

/// A space's rule: ages (whole years, both ends included) and who.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SpaceRule {
    pub min_age: u32,
    pub max_age: u32,
    pub audience: Audience,
}

impl SpaceRule {
    /// Whether a young person with this care summary (today) may see and
    /// use the space. A 17-year-old still in care who is also an eligible
    /// care leaver fits both "in care" and "care leavers".
    pub fn admits(&self, s: &CareSummary) -> bool {
        if s.age < self.min_age || s.age > self.max_age {
            return false;
        }
        let in_care = s.looked_after_now;
        let leaver = is_care_leaver(s.category);
        match self.audience {
            Audience::InCare => in_care,
            Audience::CareLeavers => leaver,
            Audience::Both => in_care || leaver,
        }
    }

    /// "Children in care aged 8 to 17".
    pub fn describe(&self) -> String {
        let who = match self.audience {
            Audience::InCare => "Children in care",
            Audience::CareLeavers => "Care leavers",
            Audience::Both => "Children in care and care leavers",
        };
        format!("{who} aged {} to {}", self.min_age, self.max_age)
    }

    /// The field at fault and what to do, when the rule cannot be right.
    pub fn check(&self) -> Result<(), (&'static str, String)> {
        if !(YOUNGEST..=OLDEST).contains(&self.min_age) {
            return Err((
                "min_age",
                format!("The youngest age must be between {YOUNGEST} and {OLDEST}."),
            ));
        }
        if !(YOUNGEST..=OLDEST).contains(&self.max_age) {
            return Err((
                "max_age",
                format!("The oldest age must be between {YOUNGEST} and {OLDEST}."),
            ));
        }
        if self.min_age > self.max_age {
            return Err((
                "max_age",
                "The oldest age must not be below the youngest.".to_owned(),
            ));
        }
        Ok(())
    }
}

/// A space as a young person sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SpaceView {
    /// Short name used in addresses, such as `positive-journeys`.
    pub id: String,
    pub name: String,
    pub description: String,
    /// "Children in care aged 8 to 17".
    pub who_for: String,
    /// Whether my posts here wait for a grown-up to check them first.
    pub my_posts_are_checked_first: bool,
    /// Who can read what I write here, in plain words (the Children's code).
    pub who_can_read: String,
}

/// A space as an administrator or the participation officer sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AdminSpaceView {
    pub id: String,
    pub name: String,
    pub description: String,
    pub rule: SpaceRule,
    pub who_for: String,
    /// Posts by under-18s wait for approval (on by default).
    pub hold_under_18: bool,
    pub archived: bool,
    /// How often one member may post here.
    pub limits: super::FloodLimits,
    pub position: i32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A new space, or a change to one (everything is sent each time).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SpaceDraft {
    /// Short name for addresses (lower case letters, digits and hyphens).
    /// Only when creating; made from the name when left out. Never changes.
    #[serde(default)]
    pub id: Option<String>,
    pub name: String,
    #[serde(default)]
    pub description: String,
    pub rule: SpaceRule,
    #[serde(default = "yes")]
    pub hold_under_18: bool,
    #[serde(default)]
    pub archived: bool,
    /// How often one member may post here. Left out: the defaults for a
    /// new space, unchanged for an existing one.
    #[serde(default)]
    pub limits: Option<super::FloodLimits>,
}

fn yes() -> bool {
    true
}

/// A slug for a space made from its name.
pub fn slug_of(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').chars().take(60).collect()
}

/// Whether a slug is well formed.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 60
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::people::AgeBand;

    fn summary(age: u32, in_care: bool, cat: CareLeaverCategory) -> CareSummary {
        CareSummary {
            age,
            age_band: AgeBand::From12To17,
            category: cat,
            looked_after_now: in_care,
        }
    }

    fn pj() -> SpaceRule {
        SpaceRule {
            min_age: 8,
            max_age: 17,
            audience: Audience::InCare,
        }
    }

    fn seniors() -> SpaceRule {
        SpaceRule {
            min_age: 16,
            max_age: 25,
            audience: Audience::CareLeavers,
        }
    }

    #[test]
    fn spaces_admit_by_age_and_status() {
        use CareLeaverCategory as C;
        let leo = summary(10, true, C::None);
        let aisha = summary(14, true, C::None);
        let tyler = summary(17, true, C::Eligible);
        let priya = summary(19, false, C::FormerRelevant);
        let marcus = summary(23, false, C::FormerRelevant);
        let mia = summary(7, true, C::None);
        assert!(pj().admits(&leo) && !seniors().admits(&leo));
        assert!(pj().admits(&aisha) && !seniors().admits(&aisha));
        assert!(pj().admits(&tyler) && seniors().admits(&tyler));
        assert!(!pj().admits(&priya) && seniors().admits(&priya));
        assert!(!pj().admits(&marcus) && seniors().admits(&marcus));
        assert!(!pj().admits(&mia) && !seniors().admits(&mia));
        // A 16-year-old who was never looked after long enough is not a
        // care leaver; a relevant 17-year-old (left care) is.
        assert!(!seniors().admits(&summary(16, true, C::None)));
        assert!(seniors().admits(&summary(17, false, C::Relevant)));
        let both = SpaceRule {
            audience: Audience::Both,
            ..seniors()
        };
        assert!(both.admits(&summary(16, true, C::None)));
        assert!(!both.admits(&summary(20, false, C::None)));
    }

    #[test]
    fn rules_are_checked_and_described() {
        assert_eq!(pj().describe(), "Children in care aged 8 to 17");
        assert!(pj().check().is_ok());
        let bad = SpaceRule {
            min_age: 18,
            max_age: 10,
            audience: Audience::Both,
        };
        assert_eq!(bad.check().err().map(|e| e.0), Some("max_age"));
        let young = SpaceRule { min_age: 2, ..pj() };
        assert_eq!(young.check().err().map(|e| e.0), Some("min_age"));
        for a in Audience::ALL {
            assert_eq!(Audience::parse(a.as_str()), Some(a));
        }
    }
}
