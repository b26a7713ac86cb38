//! Plans in plain words: the worker's draft and sharing, the young person's plan, questions, "my people" and staff profiles.

use super::prelude::*;
use super::ToQuery;
use serde::{Deserialize, Serialize};

endpoints! {
    /// Draft with its plain-language check, and every shared version
    StaffPlan: GET "/api/people/{id}/plan" (id) -> crate::plans::StaffPlanView, Record(Action::ReadPlan);
    /// The plan exactly as the young person sees it (null if none shared yet)
    StaffShared: GET "/api/people/{id}/plan/shared" (id) -> Option<crate::plans::ChildPlanView>, Record(Action::ReadPlan);
    /// Saved; the check of each section comes back
    SavePlanDraft: PUT "/api/people/{id}/plan/draft" (id) body crate::plans::DraftPlan, -> crate::plans::StaffPlanView, Record(Action::WritePlan);
    /// Shared as a new version; the young person is told
    Share: POST "/api/people/{id}/plan/share" (id) body crate::plans::SharePlan, -> crate::plans::StaffPlanView, Record(Action::WritePlan);
    /// Answered; the young person is told
    AnswerPlanQuestion: POST "/api/people/{id}/plan/answer" (id) body crate::plans::AnswerRequest, -> crate::plans::PlanQueryView, Record(Action::AnswerPlanQuery);
    /// Questions about plans from the young people I work with, unanswered first
    WorkerQueries: GET "/api/plan-questions" () -> Vec<crate::plans::PlanQueryView>, Ability(Ability::ListCaseload);
    /// My plan (null if it has not been shared with me yet), with what changed since last time
    MyPlan: GET "/api/me/plan" () query VersionQuery, -> Option<crate::plans::ChildPlanView>, YoungPersonSelf;
    /// Every version of my plan, newest first
    MyHistory: GET "/api/me/plan/history" () -> Vec<crate::plans::PlanVersionSummary>, YoungPersonSelf;
    /// Sent to my worker
    AskAboutPlan: POST "/api/me/plan/questions" () body crate::plans::NewPlanQuery, -> crate::plans::PlanQueryView, YoungPersonSelf;
    /// My questions about my plan, with answers
    MyQuestions: GET "/api/me/plan/questions" () -> Vec<crate::plans::PlanQueryView>, YoungPersonSelf;
    /// My workers, what they do, how to reach them, and who to call out of hours
    MyPeople: GET "/api/me/people" () -> crate::plans::MyPeople, YoungPersonSelf;
    /// My own "about me" as young people see it (empty when never written)
    MyProfile: GET "/api/me/profile" () -> crate::plans::StaffProfile, Ability(Ability::EditOwnProfile);
    /// Saved: young people I work with will see it
    SaveProfile: PUT "/api/me/profile" () body crate::plans::StaffProfile, -> (), Ability(Ability::EditOwnProfile);
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
pub struct VersionQuery {
    /// A version number; leave out for the newest.
    pub version: Option<i32>,
}

impl ToQuery for VersionQuery {
    fn pairs(&self) -> Vec<(&'static str, Option<String>)> {
        vec![("version", self.version.as_ref().map(ToString::to_string))]
    }
}
