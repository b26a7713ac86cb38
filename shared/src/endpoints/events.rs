//! Positive Journeys events and polls: signing up, answering, and the participation officer's side.

use super::prelude::*;

endpoints! {
    /// Coming events for my spaces, soonest first, with places left and whether I am signed up
    Events: GET "/api/forum/events" () -> Vec<crate::forum::EventView>, Ability(Ability::TakePart);
    /// Signed up, with when I will be reminded; the participation officer sees my name
    SignUp: POST "/api/forum/events/{event}/signup" (event) body crate::forum::NewSignUp, -> crate::forum::SignUpOutcome, Ability(Ability::TakePart);
    /// Not signed up (any more); my place is free for someone else
    CancelSignUp: DELETE "/api/forum/events/{event}/signup" (event) -> (), Ability(Ability::TakePart);
    /// Open polls and consultations for my spaces and recent closed ones, with results once I have answered or it has closed, and "you said, we did"
    Polls: GET "/api/forum/polls" () -> Vec<crate::forum::PollView>, Ability(Ability::TakePart);
    /// Answered; the results so far come back (and help, if my words suggest I may be at risk)
    AnswerPoll: POST "/api/forum/polls/{poll}/answer" (poll) body crate::forum::NewAnswer, -> crate::forum::AnswerOutcome, Ability(Ability::TakePart);
    /// Events from the last 30 days on, with how many signed up
    StaffEvents: GET "/api/forum/admin/events" () -> Vec<crate::forum::StaffEventView>, Ability(Ability::RunParticipation);
    /// Made
    CreateEvent: POST "/api/forum/admin/events" () body crate::forum::EventDraft, -> crate::forum::StaffEventView, Ability(Ability::RunParticipation);
    /// Changed; those signed up are told if it moved or was cancelled, and their reminders follow
    UpdateEvent: PUT "/api/forum/admin/events/{event}" (event) body crate::forum::EventDraft, -> crate::forum::StaffEventView, Ability(Ability::RunParticipation);
    /// Who is coming (name, age, note), first come first; each read is in their audit trail
    Signups: GET "/api/forum/admin/events/{event}/signups" (event) -> Vec<crate::forum::SignUpRow>, Ability(Ability::RunParticipation);
    /// Polls and consultations of the last year, with results and comments (never who said what)
    StaffPolls: GET "/api/forum/admin/polls" () -> Vec<crate::forum::StaffPollView>, Ability(Ability::RunParticipation);
    /// Made
    CreatePoll: POST "/api/forum/admin/polls" () body crate::forum::PollDraft, -> crate::forum::StaffPollView, Ability(Ability::RunParticipation);
    /// The poll with its results and comments
    StaffPoll: GET "/api/forum/admin/polls/{poll}" (poll) -> crate::forum::StaffPollView, Ability(Ability::RunParticipation);
    /// Closed now; results show to everyone it was for
    ClosePoll: POST "/api/forum/admin/polls/{poll}/close" (poll) body crate::forum::ClosePoll, -> crate::forum::StaffPollView, Ability(Ability::RunParticipation);
    /// "You said, we did" saved; young people see it
    SetOutcome: PUT "/api/forum/admin/polls/{poll}/outcome" (poll) body crate::forum::PollOutcome, -> crate::forum::StaffPollView, Ability(Ability::RunParticipation);
}
