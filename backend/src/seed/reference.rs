//! Bexley, the demo council, and its teams (seed 004). Created only with
//! demo data (`operator::council::demo_bexley`); a real council is set up
//! with `backend council create`.

use shared::api::{Council, Team};
use shared::people::TeamKind;

pub fn bexley() -> Council {
    Council {
        slug: "bexley".to_owned(),
        name: "London Borough of Bexley".to_owned(),
        duty_phone: "020 8303 7777".to_owned(),
        time_zone: "Europe/London".to_owned(),
    }
}

fn team(slug: &str, name: &str, kind: TeamKind) -> Team {
    Team {
        slug: slug.to_owned(),
        name: name.to_owned(),
        kind,
    }
}

/// Bexley's teams that work with children in care and care leavers.
pub fn bexley_teams() -> Vec<Team> {
    vec![
        team(
            "lac-1",
            "Looked After Children Team 1",
            TeamKind::LookedAfterChildren,
        ),
        team(
            "lac-2",
            "Looked After Children Team 2",
            TeamKind::LookedAfterChildren,
        ),
        team(
            "lac-3",
            "Looked After Children Team 3",
            TeamKind::LookedAfterChildren,
        ),
        team("leaving-care", "Leaving Care Team", TeamKind::LeavingCare),
        team(
            "safeguarding",
            "Safeguarding Service (Independent Reviewing Officers)",
            TeamKind::Safeguarding,
        ),
        team(
            "participation",
            "Participation (Positive Journeys)",
            TeamKind::Participation,
        ),
        team("virtual-school", "Virtual School", TeamKind::VirtualSchool),
        team(
            "management",
            "Children's Services Management",
            TeamKind::Management,
        ),
    ]
}
