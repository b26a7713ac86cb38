//! Young people's records, for staff: caseload, accounts, allocations, audit, break-glass.

use super::prelude::*;

endpoints! {
    /// The young people I work with now (my caseload)
    Caseload: GET "/api/people" () -> Vec<crate::accounts::PersonSummary>, Ability(Ability::ListCaseload);
    /// Created
    CreatePerson: POST "/api/people" () body crate::accounts::NewYoungPerson, -> crate::accounts::YoungPersonView, Ability(Ability::CreateYoungPerson);
    /// The record
    Person: GET "/api/people/{id}" (id) -> crate::accounts::YoungPersonView, Record(Action::ReadProfile);
    /// Recorded
    AddEpisode: POST "/api/people/{id}/care-episodes" (id) body crate::accounts::NewCareEpisode, -> (), Record(Action::WriteCareHistory);
    /// Account made: hand this one-time code over in person
    CreateAccount: POST "/api/people/{id}/account" (id) body crate::accounts::NewYoungPersonAccount, -> crate::accounts::ActivationCode, Record(Action::IssueActivationCode);
    /// A new one-time code (the old one stops working)
    NewPersonCode: POST "/api/people/{id}/code" (id) -> crate::accounts::ActivationCode, Record(Action::IssueActivationCode);
    /// Workers now and before
    Allocations: GET "/api/people/{id}/allocations" (id) -> Vec<crate::accounts::AllocationView>, Record(Action::ReadAllocations);
    /// Allocated; the previous worker of this kind is ended now
    Reallocate: POST "/api/people/{id}/allocations" (id) body crate::accounts::NewAllocation, -> crate::accounts::AllocationView, Record(Action::ManageAllocations);
    /// Every read, change and refusal on this record
    Audit: GET "/api/people/{id}/audit" (id) -> Vec<crate::accounts::AuditRow>, Record(Action::ReadAudit);
    /// Opened for an hour; managers have been told
    BreakGlass: POST "/api/people/{id}/break-glass" (id) body crate::accounts::BreakGlassRequest, -> (), Record(Action::BreakGlass);
    /// The staff of my own team, to allocate work to
    MyTeam: GET "/api/teams/mine/staff" () -> Vec<crate::accounts::TeamMember>, Ability(Ability::ListTeamStaff);
}
