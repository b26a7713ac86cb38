//! Managers and admins: add a young person's record.

use crate::api;
use crate::components::form::{act, errors_from, ActionForm, Field, FieldError, Kind};
use crate::components::guard::use_me;
use crate::route::Route;
use crate::text::raw;
use shared::access::{allowed, Action, Relation};
use shared::accounts::NewYoungPerson;
use shared::limits::PERSON_NAME_MAX_CHARS;
use shared::people::LegalStatus;
use yew::prelude::*;
use yew_router::prelude::*;

const NAME: &str = "person-name";
const DOB: &str = "person-dob";
const STARTED: &str = "person-care-started";
const STATUS: &str = "person-legal-status";

const STATUSES: [(LegalStatus, &str, &str); 5] = [
    (
        LegalStatus::Section20,
        "section20",
        "Section 20: with a parent's agreement",
    ),
    (
        LegalStatus::Section31,
        "section31",
        "Care order (section 31)",
    ),
    (
        LegalStatus::InterimCareOrder,
        "interim_care_order",
        "Interim care order",
    ),
    (
        LegalStatus::PlacementOrder,
        "placement_order",
        "Placement order",
    ),
    (
        LegalStatus::Remand,
        "remand",
        "Remanded to the council's care",
    ),
];

/// A date typed into `<input type="date">` (always `YYYY-MM-DD`).
pub fn parse_date(s: &str) -> Option<chrono::NaiveDate> {
    let mut parts = s.trim().splitn(3, '-');
    let year = parts.next()?.parse().ok()?;
    let month = parts.next()?.parse().ok()?;
    let day = parts.next()?.parse().ok()?;
    chrono::NaiveDate::from_ymd_opt(year, month, day)
}

#[component]
pub fn NewPersonPage() -> Html {
    let me = use_me();
    let navigator = use_navigator();
    let made = use_state(|| None::<String>);
    // Whoever may act on a record with no link to it (admins) goes straight
    // to it; a manager sees it once a worker of their team is allocated.
    let open_after = me
        .as_ref()
        .is_some_and(|m| allowed(m.role, Relation::Unrelated, Action::ManageAllocations));
    let fields = vec![
        Field::new(NAME, "The name they like to be called", Kind::Text)
            .autocomplete("off")
            .required("Give the name the young person likes to be called.")
            .max(PERSON_NAME_MAX_CHARS as u32),
        Field::new(DOB, "Date of birth", Kind::Date).required("Give the date of birth."),
        Field::new(STARTED, "When care started", Kind::Date)
            .hint("The first day of this time in care.")
            .required("Give the date care started."),
        Field::select(
            STATUS,
            "Why the council looks after them",
            STATUSES
                .iter()
                .map(|(_, v, words)| (AttrValue::Static(v), AttrValue::Static(words)))
                .collect(),
            None,
        ),
    ];
    let add = {
        let made = made.clone();
        act(move |v| {
            let (made, navigator) = (made.clone(), navigator.clone());
            async move {
                let (Some(date_of_birth), Some(care_started)) =
                    (parse_date(&v.get(DOB)), parse_date(&v.get(STARTED)))
                else {
                    return Err(vec![FieldError::form("Check the dates.")]);
                };
                let status = v.get(STATUS);
                let legal_status = STATUSES
                    .iter()
                    .find(|(_, value, _)| *value == status)
                    .map_or(LegalStatus::Section20, |s| s.0);
                let body = NewYoungPerson {
                    preferred_name: v.get(NAME).trim().to_string(),
                    date_of_birth,
                    care_started,
                    care_ended: None,
                    legal_status,
                    social_worker_id: None,
                };
                let p = api::create_person(&body).await.map_err(|err| {
                    errors_from(
                        &err,
                        &[
                            ("preferred_name", NAME),
                            ("date_of_birth", DOB),
                            ("care_started", STARTED),
                            ("legal_status", STATUS),
                        ],
                    )
                })?;
                match navigator {
                    Some(nav) if open_after => nav.push(&Route::Person { id: p.id }),
                    _ => made.set(Some(p.preferred_name)),
                }
                Ok(())
            }
        })
    };
    html! {
        <>
            <h1>{ "Add a young person" }</h1>
            if let Some(who) = &*made {
                <div class="notice-success" role="status">
                    <p>{ format!("{who}'s record is made.") }</p>
                    { raw(r#"<p>It joins your list once a worker in your team is allocated. Ask an administrator to allocate one.</p>
    <p><a href="/staff/people">Go to your list</a></p>"#) }
                </div>
            }
            <ActionForm id="new-person" {fields} submit="Add the young person" busy="Adding…" act={add} reset=true />
        </>
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn dates_from_the_date_picker_parse() {
        assert_eq!(
            parse_date("2016-03-03"),
            chrono::NaiveDate::from_ymd_opt(2016, 3, 3)
        );
        assert_eq!(parse_date(""), None);
        assert_eq!(parse_date("3/3/2016"), None);
        assert_eq!(parse_date("2016-02-30"), None);
    }

    #[test]
    fn legal_status_values_match_the_wire_format() {
        for (status, value, _) in STATUSES {
            assert_eq!(
                serde_json::to_string(&status).unwrap(),
                format!("\"{value}\"")
            );
        }
    }
}
