//! "Good for me" feedback forms: the young person's form, drafts and sending; staff reading and answering; forms, insights and safeguarding alerts.

use super::prelude::*;
use super::ToQuery;
use serde::{Deserialize, Serialize};

endpoints! {
    /// The form for my age, my saved draft, who can read it (and who will, in words), and what I sent; null when no review is booked (and none was named)
    Screen: GET "/api/me/feedback" () query ScreenQuery, -> Option<crate::reviews::FeedbackScreen>, YoungPersonSelf;
    /// Saved (the last save wins), with when
    SaveFeedbackDraft: PUT "/api/me/feedback/draft" () body crate::reviews::SaveDraft, -> crate::reviews::DraftView, YoungPersonSelf;
    /// Sent, all of it, to the people named. Sending again with the same submission_id answers the same (with Idempotent-Replayed: true) and stores nothing twice. Words that suggest harm bring a kind message (support) and alert a worker
    Send: POST "/api/me/feedback" () body crate::reviews::SendFeedback, -> crate::reviews::SentFeedback, YoungPersonSelf;
    /// What the young person chose to send me, newest first, question by question
    ForReader: GET "/api/people/{id}/feedback" (id) -> Vec<crate::reviews::StaffFeedback>, Record(Action::ReadFeedback);
    /// Saved; the young person sees it once the review has happened
    AnswerFeedback: POST "/api/people/{id}/feedback/answer" (id) body crate::reviews::FeedbackAnswer, -> crate::reviews::StaffFeedback, Record(Action::AnswerFeedback);
    /// Each form's current version and every earlier one
    Forms: GET "/api/feedback/forms" () -> Vec<crate::reviews::FormFamily>, Ability(Ability::ManageFeedbackForms);
    /// Published as the next version; answers already sent keep the version they answered
    PublishForm: POST "/api/feedback/forms" () body crate::reviews::FormDefinition, -> crate::reviews::FormVersionView, Ability(Ability::ManageFeedbackForms);
    /// Anonymous totals per priority and per question over time; groups of fewer than 5 young people are hidden and say so
    Insights: GET "/api/feedback/insights" () query InsightsQuery, -> crate::reviews::InsightsReport, Ability(Ability::ViewFeedbackInsights);
    /// Open safeguarding alerts sent to me or about young people I work with (a manager: my team's), newest first
    Alerts: GET "/api/safeguarding-alerts" () query AlertsQuery, -> Vec<crate::reviews::AlertView>, Ability(Ability::HandleSafeguardingAlerts);
    /// Recorded; the alert is closed
    Respond: POST "/api/safeguarding-alerts/response" () body crate::reviews::AlertResponse, -> crate::reviews::AlertView, Ability(Ability::HandleSafeguardingAlerts);
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct ScreenQuery {
    /// A review of mine; leave out for my next one.
    #[serde(default)]
    pub review_id: Option<String>,
}

impl ToQuery for ScreenQuery {
    fn pairs(&self) -> Vec<(&'static str, Option<String>)> {
        vec![(
            "review_id",
            self.review_id.as_ref().map(ToString::to_string),
        )]
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct InsightsQuery {
    /// `month` (default) or `quarter`.
    #[serde(default)]
    pub period: Option<crate::reviews::Period>,
    /// First day (default: the start of the period 11 months before `to`).
    #[serde(default)]
    pub from: Option<chrono::NaiveDate>,
    /// Last day (default: today).
    #[serde(default)]
    pub to: Option<chrono::NaiveDate>,
}

impl ToQuery for InsightsQuery {
    fn pairs(&self) -> Vec<(&'static str, Option<String>)> {
        vec![
            (
                "period",
                self.period.map(|p| {
                    match p {
                        crate::reviews::Period::Month => "month",
                        crate::reviews::Period::Quarter => "quarter",
                    }
                    .to_owned()
                }),
            ),
            ("from", self.from.as_ref().map(ToString::to_string)),
            ("to", self.to.as_ref().map(ToString::to_string)),
        ]
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct AlertsQuery {
    /// Include alerts that already have a response.
    #[serde(default)]
    pub all: Option<bool>,
}

impl ToQuery for AlertsQuery {
    fn pairs(&self) -> Vec<(&'static str, Option<String>)> {
        vec![("all", self.all.as_ref().map(ToString::to_string))]
    }
}
