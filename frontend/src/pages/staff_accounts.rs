//! Admins: staff accounts. Add someone (they get a one-time code to choose
//! their password), switch an account off or on, make a new code.

use crate::api;
use crate::components::code_card::CodeCard;
use crate::components::form::{act, errors_from, ActionForm, Field, Kind};
use crate::components::guard::use_me;
use crate::hooks::{use_get, waiting};
use crate::state::{use_app, Remote};
use crate::words;
use shared::accounts::{ActivationCode, NewStaff};
use shared::endpoints as ep;
use shared::limits::{STAFF_NAME_MAX_CHARS, USERNAME_MAX_CHARS, USERNAME_MIN_CHARS};
use shared::people::Role;
use yew::prelude::*;

const USERNAME: &str = "staff-username";
const NAME: &str = "staff-name";
const ROLE: &str = "staff-role";
const TEAM: &str = "staff-team";

const STAFF_ROLES: [Role; 6] = [
    Role::SocialWorker,
    Role::PersonalAdviser,
    Role::Iro,
    Role::ParticipationOfficer,
    Role::TeamManager,
    Role::Admin,
];

#[component]
pub fn StaffPage() -> Html {
    let me = use_me();
    let app = use_app();
    let fetched = use_get(Some(ep::staff::ListStaff::url()));
    let teams = use_get(match &app.council {
        Remote::Ready(Some(c)) => Some(ep::councils::Teams::url(&c.slug)),
        _ => None,
    });
    // A code to show once, and whose it is.
    let shown = use_state(|| None::<(ActivationCode, String)>);
    let status = use_state(|| None::<String>);

    let hide = {
        let shown = shown.clone();
        Callback::from(move |()| shown.set(None))
    };
    let add = {
        let (shown, reload) = (shown.clone(), fetched.reload.clone());
        act(move |v| {
            let (shown, reload) = (shown.clone(), reload.clone());
            async move {
                let body = NewStaff {
                    username: v.get(USERNAME).trim().to_string(),
                    display_name: v.get(NAME).trim().to_string(),
                    role: Role::parse(&v.get(ROLE)).unwrap_or(Role::SocialWorker),
                    team: Some(v.get(TEAM)).filter(|t| !t.is_empty()),
                };
                let code = api::create_staff(&body).await.map_err(|err| {
                    errors_from(
                        &err,
                        &[
                            ("username", USERNAME),
                            ("display_name", NAME),
                            ("role", ROLE),
                            ("team", TEAM),
                        ],
                    )
                })?;
                shown.set(Some((code, format!("{}'s", body.display_name))));
                reload.emit(());
                Ok(())
            }
        })
    };
    let role_options = STAFF_ROLES
        .iter()
        .map(|r| {
            (
                AttrValue::Static(r.as_str()),
                AttrValue::Static(words::role(*r)),
            )
        })
        .collect();
    let team_options = match &teams.list() {
        Remote::Ready(list) => list
            .iter()
            .map(|t| (t.slug.clone().into(), t.name.clone().into()))
            .collect(),
        _ => Vec::new(),
    };
    let fields = vec![
        Field::new(NAME, "Their name", Kind::Text)
            .autocomplete("off")
            .required("Give their name.")
            .max(STAFF_NAME_MAX_CHARS as u32),
        Field::new(USERNAME, "Username", Kind::Plain)
            .hint(format!("{USERNAME_MIN_CHARS} to {USERNAME_MAX_CHARS} letters, numbers, dots, dashes or underscores."))
            .autocomplete("off")
            .required("Choose a username.")
            .max(USERNAME_MAX_CHARS as u32),
        Field::select(ROLE, "Role", role_options, None),
        Field::select(TEAM, "Team (optional)", team_options, Some("No team")),
    ];

    let my_id = me.as_ref().map(|m| m.id.clone()).unwrap_or_default();
    let list = match &fetched.list() {
        Remote::Ready(list) => html! {
            <ul class="staff-list">
                { for list.iter().map(|s| {
                    let state = if s.disabled {
                        "Switched off"
                    } else if !s.activated {
                        "Has not chosen a password yet"
                    } else {
                        "Active"
                    };
                    let toggle = {
                        let (id, disabled, reload, status) =
                            (s.id.clone(), s.disabled, fetched.reload.clone(), status.clone());
                        act(move |_| {
                            let (id, reload, status) = (id.clone(), reload.clone(), status.clone());
                            async move {
                                let v = api::set_staff_disabled(&id, !disabled)
                                    .await
                                    .map_err(|e| errors_from(&e, &[]))?;
                                status.set(Some(if v.disabled {
                                    format!("{}'s account is switched off. They are signed out everywhere.", v.display_name)
                                } else {
                                    format!("{}'s account is switched on again.", v.display_name)
                                }));
                                reload.emit(());
                                Ok(())
                            }
                        })
                    };
                    let code = {
                        let (id, whose, shown) =
                            (s.id.clone(), format!("{}'s", s.display_name), shown.clone());
                        act(move |_| {
                            let (id, whose, shown) = (id.clone(), whose.clone(), shown.clone());
                            async move {
                                let code = api::new_staff_code(&id).await.map_err(|e| errors_from(&e, &[]))?;
                                shown.set(Some((code, whose)));
                                Ok(())
                            }
                        })
                    };
                    html! {
                        <li key={s.id.clone()} class={if s.disabled { "staff-row staff-off" } else { "staff-row" }}>
                            <p class="staff-name"><strong>{ &s.display_name }</strong></p>
                            <p class="staff-meta">
                                { format!("{}, username {}", words::role(s.role), s.username) }
                                if let Some(team) = &s.team { { format!(", team {team}") } }
                            </p>
                            <p class="staff-meta">{ "Account: " }<strong>{ state }</strong></p>
                            <p class="staff-meta">{ "Staff id: " }<code>{ &s.id }</code></p>
                            <div class="actions">
                                if s.id != my_id {
                                    <ActionForm
                                        id={format!("toggle-{}", s.id)}
                                        submit={if s.disabled { "Switch on" } else { "Switch off" }}
                                        busy="Saving…"
                                        submit_more={format!(" {}'s account", s.display_name)}
                                        button_class="button button-secondary"
                                        act={toggle}
                                    />
                                }
                                <ActionForm
                                    id={format!("code-{}", s.id)}
                                    submit="New code"
                                    busy="Making a code…"
                                    submit_more={format!(" for {}", s.display_name)}
                                    button_class="button button-secondary"
                                    act={code}
                                />
                            </div>
                        </li>
                    }
                }) }
            </ul>
        },
        other => waiting(other, "the staff list", &fetched.reload).unwrap_or_default(),
    };

    html! {
        <>
            <h1>{ "Staff accounts" }</h1>
            <p class="lead">
                { "Everyone who works with young people in the app. Switching an account off signs that person \
                   out everywhere at once." }
            </p>
            if let Some((code, whose)) = &*shown {
                <CodeCard code={code.clone()} whose={whose.clone()} on_done={hide} />
            }
            <div role="status">
                if let Some(text) = &*status {
                    <p class="notice-success">{ text }</p>
                }
            </div>
            <section aria-labelledby="add-staff">
                <h2 id="add-staff">{ "Add a member of staff" }</h2>
                <p>{ "You get a one-time code to hand to them. They choose their own password with it." }</p>
                <ActionForm id="add-staff-form" {fields} submit="Add and make a code" busy="Adding…" act={add} reset=true />
            </section>
            <section aria-labelledby="staff-list">
                <h2 id="staff-list">{ "Staff" }</h2>
                { list }
            </section>
        </>
    }
}
