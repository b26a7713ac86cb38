//! "Good for me": the strategy's five priorities and Bexley's six
//! commitments (seed 002), which questions and totals are grouped by.

use serde::{Deserialize, Serialize};

/// The strategy's five "good for me" priorities, in the children's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    BeingLookedAfter,
    SafeCaringRelationships,
    EducationHealthSafety,
    IndependentAdult,
    SocialWorkers,
}

impl Priority {
    pub const ALL: [Priority; 5] = [
        Priority::BeingLookedAfter,
        Priority::SafeCaringRelationships,
        Priority::EducationHealthSafety,
        Priority::IndependentAdult,
        Priority::SocialWorkers,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Priority::BeingLookedAfter => "being_looked_after",
            Priority::SafeCaringRelationships => "safe_caring_relationships",
            Priority::EducationHealthSafety => "education_health_safety",
            Priority::IndependentAdult => "independent_adult",
            Priority::SocialWorkers => "social_workers",
        }
    }

    pub fn parse(s: &str) -> Option<Priority> {
        Priority::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// The Child Friendly Guide's heading.
    pub fn title(self) -> &'static str {
        match self {
            Priority::BeingLookedAfter => "Being looked after will be good for me",
            Priority::SafeCaringRelationships => "Safe and caring relationships are good for me",
            Priority::EducationHealthSafety => {
                "Education, health and safe behaviours are good for me"
            }
            Priority::IndependentAdult => {
                "Becoming a successful, independent, secure and safe adult is good for me"
            }
            Priority::SocialWorkers => {
                "Social workers who make a positive difference are good for me"
            }
        }
    }
}

/// Bexley's six commitments ("Our commitment to you is").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Commitment {
    BeThereForMe,
    UnderstandMyPast,
    KeepMeSafe,
    SucceedAtSchool,
    HealthyLife,
    RightsAndResponsibilities,
}

impl Commitment {
    pub const ALL: [Commitment; 6] = [
        Commitment::BeThereForMe,
        Commitment::UnderstandMyPast,
        Commitment::KeepMeSafe,
        Commitment::SucceedAtSchool,
        Commitment::HealthyLife,
        Commitment::RightsAndResponsibilities,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Commitment::BeThereForMe => "Be there for me when I'm happy or sad",
            Commitment::UnderstandMyPast => "Help me to understand my past",
            Commitment::KeepMeSafe => "Help to keep me safe and to understand safe relationships",
            Commitment::SucceedAtSchool => "Help me succeed at school",
            Commitment::HealthyLife => "Help me to understand how to lead a healthy life",
            Commitment::RightsAndResponsibilities => {
                "Help me to understand my rights and responsibilities"
            }
        }
    }
}
