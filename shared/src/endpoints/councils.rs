//! The councils this service runs for, and their teams (no sign-in).

use super::prelude::*;

endpoints! {
    /// Whether a council is set up yet (a fresh installation has none)
    Setup: GET "/api/setup" () -> crate::api::SetupState, Public;
    /// Every council hosted here
    ListCouncils: GET "/api/councils" () -> Vec<crate::api::Council>, Public;
    /// The council
    Council: GET "/api/councils/{slug}" (slug) -> crate::api::Council, Public;
    /// The council's children's services teams
    Teams: GET "/api/councils/{slug}/teams" (slug) -> Vec<crate::api::Team>, Public;
}
