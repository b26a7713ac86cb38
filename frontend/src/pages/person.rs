//! Staff: one young person. What shows depends on what the caller may do,
//! decided by the same rules as the server (`shared::access::allowed`) from
//! how they are linked to this young person (the `basis` of their caseload
//! row). The server checks again; a 404 is shown as "not on your list".

use crate::api;
use crate::components::code_card::CodeCard;
use crate::components::form::{act, errors_from, ActionForm, Field, FieldError, Kind};
use crate::components::guard::use_me;
use crate::hooks::{use_get, waiting};
use crate::pages::questions::PlanQuestions;
use crate::route::Route;
use crate::state::Remote;
use crate::text::raw;
use crate::words;
use shared::access::{allowed, can, Ability, Action, Relation, Relationship};
use shared::accounts::{ActivationCode, AllocationView, NewAllocation, YoungPersonView};
use shared::endpoints as ep;
use shared::limits::{
    PERSON_NOTE_MAX_CHARS, REASON_MIN_CHARS, USERNAME_MAX_CHARS, USERNAME_MIN_CHARS,
};
use shared::people::Role;
use yew::prelude::*;
use yew_router::Routable;

#[derive(Properties, PartialEq)]
pub struct PersonProps {
    pub id: String,
}

/// What a page says when the server answers 404 for this young person.
pub fn not_on_list() -> Html {
    html! {
        <div class="notice" role="alert">
            <p>{ "We can't find this young person on your list. They may have moved to another worker." }</p>
            { raw(r#"<p><a href="/staff/people">Go back to your list</a></p>"#) }
        </div>
    }
}

/// "Loading…", "not on your list" for a 404, or the error with "Try again".
fn waiting_or_gone<T>(remote: &Remote<T>, what: &str, reload: &Callback<()>) -> Html {
    match remote {
        Remote::Failed(err) if err.is_not_found() => not_on_list(),
        other => waiting(other, what, reload).unwrap_or_default(),
    }
}

const USERNAME: &str = "account-username";
const STAFF: &str = "reallocate-staff";
const NOTE: &str = "reallocate-note";
const REASON: &str = "break-glass-reason";

#[component]
pub fn PersonPage(props: &PersonProps) -> Html {
    let me = use_me();
    let role = me.as_ref().map_or(Role::YoungPerson, |m| m.role);
    let admin = role == Role::Admin;
    let caseload = use_get(Some(ep::people::Caseload::url()));
    let people = caseload.list();
    // An admin who has just given a break-glass reason on this page.
    let opened = use_state(|| false);
    let code = use_state(|| None::<ActivationCode>);
    let done = use_state(|| None::<String>);

    let row = match &people {
        Remote::Ready(list) => list.iter().find(|p| p.id == props.id).cloned(),
        _ => None,
    };
    let relation = match &row {
        Some(_) if *opened => Relation::BreakGlass,
        Some(r) => words::relation_from_basis(&r.basis),
        None => Relation::Unrelated,
    };
    let listed = row.is_some();
    let may = move |action: Action| listed && allowed(role, relation, action);
    let read_workers = may(Action::ReadAllocations);
    let read_profile = may(Action::ReadProfile);

    let profile = use_get(read_profile.then(|| ep::people::Person::url(&props.id)));
    let profile_data = profile.maybe();
    // The reallocation form picks from the workers named here (managers
    // cannot list all staff); admins get the staff list.
    let allocations = use_get(read_workers.then(|| ep::people::Allocations::url(&props.id)));
    let known_data = allocations.list();
    let staff = use_get((admin && may(Action::ManageAllocations)).then(ep::staff::ListStaff::url));
    let staff_data = staff.list();
    // A manager can also choose anyone in their own team.
    let team = use_get(
        (can(role, Ability::ListTeamStaff) && may(Action::ManageAllocations))
            .then(ep::people::MyTeam::url),
    );
    let team_data = team.list();

    let Some(row) = row else {
        return html! {
            <>
                <h1>{ "Young person" }</h1>
                { match &people {
                    Remote::Ready(_) => not_on_list(),
                    other => waiting(other, "this young person", &caseload.reload).unwrap_or_default(),
                } }
            </>
        };
    };
    let name = row.preferred_name.clone();
    let known: Vec<AllocationView> = match &known_data {
        Remote::Ready(list) => list.clone(),
        _ => Vec::new(),
    };

    // Account: create one, or a new code for a forgotten password.
    let account = if may(Action::IssueActivationCode) {
        let got = {
            let (code, reload) = (code.clone(), caseload.reload.clone());
            let (id, has_account) = (row.id.clone(), row.has_account);
            act(move |v| {
                let (code, reload, id) = (code.clone(), reload.clone(), id.clone());
                async move {
                    let result = if has_account {
                        api::new_person_code(&id).await
                    } else {
                        let username = v.get(USERNAME);
                        if username.trim().len() < USERNAME_MIN_CHARS {
                            return Err(vec![FieldError::at(
                                USERNAME,
                                format!("Choose a username of {USERNAME_MIN_CHARS} to {USERNAME_MAX_CHARS} letters, numbers, dots, dashes or underscores."),
                            )]);
                        }
                        api::create_account(&id, &username).await
                    };
                    let made =
                        result.map_err(|err| errors_from(&err, &[("username", USERNAME)]))?;
                    code.set(Some(made));
                    if !has_account {
                        reload.emit(());
                    }
                    Ok(())
                }
            })
        };
        let hide = {
            let code = code.clone();
            Callback::from(move |()| code.set(None))
        };
        html! {
            <section aria-labelledby="account">
                <h2 id="account">{ "Account and sign-in code" }</h2>
                if let Some(c) = &*code {
                    <CodeCard code={c.clone()} whose={format!("{name}'s")} on_done={hide} />
                } else if row.has_account {
                    <p>
                        { format!("{name} has an account. If they forgot their password, or lost their first code, \
                           make a new code. Their old code stops working.") }
                    </p>
                    <ActionForm id="new-code" submit="Make a new sign-in code" busy="Making a code…" act={got} />
                } else {
                    <p>
                        { format!("{name} has no account yet. Choose a username for them. You get a code \
                           to hand over, and they choose their own password with it.") }
                    </p>
                    <ActionForm
                        id="create-account"
                        fields={vec![
                            Field::new(USERNAME, "Username for the account", Kind::Plain)
                                .hint(format!("{USERNAME_MIN_CHARS} to {USERNAME_MAX_CHARS} letters, numbers, dots, dashes or underscores. Avoid their full name."))
                                .autocomplete("off")
                                .max(USERNAME_MAX_CHARS as u32),
                        ]}
                        submit="Create the account"
                        busy="Creating the account…"
                        act={got}
                    />
                }
            </section>
        }
    } else {
        html! {}
    };

    let reallocate = if may(Action::ManageAllocations) {
        // Who could be picked: (staff id, name, role).
        let mut candidates: Vec<(String, String, Role)> = if admin {
            match &staff_data {
                Remote::Ready(list) => list
                    .iter()
                    .filter(|s| !s.disabled)
                    .map(|s| (s.id.clone(), s.display_name.clone(), s.role))
                    .collect(),
                _ => Vec::new(),
            }
        } else {
            let team = team_data.ready().map(Vec::as_slice).unwrap_or_default();
            team.iter()
                .map(|m| (m.id.clone(), m.display_name.clone(), m.role))
                .chain(known.iter().map(|a| {
                    (
                        a.staff_id.clone(),
                        a.staff_name.clone(),
                        a.relationship.staff_role(),
                    )
                }))
                .collect()
        };
        candidates.retain(|(id, _, role)| {
            Relationship::ALL.into_iter().any(|r| {
                r.staff_role() == *role
                    && !known
                        .iter()
                        .any(|a| a.ends_at.is_none() && a.relationship == r && a.staff_id == *id)
            })
        });
        let mut seen = Vec::new();
        candidates.retain(|(id, _, _)| {
            let new = !seen.contains(id);
            seen.push(id.clone());
            new
        });
        let options = candidates
            .iter()
            .map(|(id, name, role)| {
                (
                    id.clone().into(),
                    format!("{name} ({})", words::role(*role)).into(),
                )
            })
            .collect();
        let now_line = known
            .iter()
            .filter(|a| a.ends_at.is_none())
            .map(|a| format!("{}: {}", words::relationship(a.relationship), a.staff_name))
            .collect::<Vec<_>>()
            .join("; ");
        let mut fields = vec![Field::select(STAFF, "New worker", options, Some("Choose a worker"))
            .hint("They take over from the worker with the same role, who stops seeing the record at once.")];
        if !admin {
            fields.push(Field::note(
                "You can choose from your team and the workers this young person has had. For anyone else, ask an administrator.",
            ));
        }
        fields.push(
            Field::new(NOTE, format!("A handover note for {name} (optional)"), Kind::TextArea)
                .hint(format!("{name} will see this note, from the worker who is leaving. Write it to them, in plain words."))
                .max(PERSON_NOTE_MAX_CHARS as u32),
        );
        let save = {
            let (reload, done) = (allocations.reload.clone(), done.clone());
            let (id, name, told) = (row.id.clone(), name.clone(), row.has_account);
            act(move |v| {
                let (reload, done, id, name, candidates) = (
                    reload.clone(),
                    done.clone(),
                    id.clone(),
                    name.clone(),
                    candidates.clone(),
                );
                async move {
                    let staff_id = v.get(STAFF);
                    let role = candidates.iter().find(|c| c.0 == staff_id).map(|c| c.2);
                    let Some(relationship) = Relationship::ALL
                        .into_iter()
                        .find(|r| Some(r.staff_role()) == role)
                    else {
                        return Err(vec![FieldError::at(
                            STAFF,
                            "Choose who will be the new worker.",
                        )]);
                    };
                    let note = v.get(NOTE);
                    let body = NewAllocation {
                        relationship,
                        staff_id,
                        handover_note: Some(note.trim().to_string()).filter(|n| !n.is_empty()),
                    };
                    let a = api::reallocate(&id, &body).await.map_err(|err| {
                        errors_from(&err, &[("staff_id", STAFF), ("handover_note", NOTE)])
                    })?;
                    done.set(Some(format!(
                        "Done. {} is now {name}'s {}.{}",
                        a.staff_name,
                        a.relationship.plain(),
                        if told { " The app tells them." } else { "" }
                    )));
                    reload.emit(());
                    Ok(())
                }
            })
        };
        html! {
            <section aria-labelledby="reallocate">
                <h2 id="reallocate">{ "Change a worker" }</h2>
                if !now_line.is_empty() {
                    <p>{ format!("Now: {now_line}.") }</p>
                }
                <div role="status">
                    if let Some(text) = &*done {
                        <p class="notice-success">{ text }</p>
                    }
                </div>
                <ActionForm
                    id="reallocate-form"
                    {fields}
                    submit="Change the worker"
                    busy="Changing the worker…"
                    act={save}
                    reset=true
                />
            </section>
        }
    } else {
        html! {}
    };

    let break_glass = if admin && may(Action::BreakGlass) && !*opened {
        let open = {
            let (opened, id) = (opened.clone(), row.id.clone());
            act(move |v| {
                let (opened, id) = (opened.clone(), id.clone());
                async move {
                    let reason = v.get(REASON);
                    if reason.trim().chars().count() < REASON_MIN_CHARS {
                        return Err(vec![FieldError::at(
                            REASON,
                            format!("Say why you need to open this record (at least {REASON_MIN_CHARS} characters)."),
                        )]);
                    }
                    api::break_glass(&id, &reason)
                        .await
                        .map_err(|err| errors_from(&err, &[("reason", REASON)]))?;
                    opened.set(true);
                    Ok(())
                }
            })
        };
        html! {
            <section aria-labelledby="break-glass" class="danger-zone">
                <h2 id="break-glass">{ "Open the record in an emergency" }</h2>
                <p>
                    { format!("As an administrator you cannot see {name}'s record. In an emergency you can open it \
                       for one hour by giving a reason.") }
                </p>
                <p>
                    <strong>{ "A team manager is told straight away, with your reason." }</strong>
                    { " Everything you look at is written down." }
                </p>
                <ActionForm
                    id="break-glass-form"
                    fields={vec![
                        Field::new(REASON, "Why do you need to open this record?", Kind::TextArea)
                            .hint(format!("At least {REASON_MIN_CHARS} characters. The manager and the audit trail will show this."))
                            .max(PERSON_NOTE_MAX_CHARS as u32),
                    ]}
                    submit="Open the record and tell a manager"
                    busy="Opening…"
                    button_class="button button-danger"
                    act={open}
                />
            </section>
        }
    } else {
        html! {}
    };

    html! {
        <>
            <h1>{ &name }</h1>
            <p class="lead">{ words::basis(if *opened { "break_glass" } else { &row.basis }) }{ "." }</p>
            if *opened {
                <p class="notice-success" role="status">
                    { "The record is open for one hour. The team managers have been told why." }
                </p>
            }
            if read_profile {
                <section aria-labelledby="about-person">
                    <h2 id="about-person">{ format!("About {name}") }</h2>
                    { match &profile_data {
                        Remote::Ready(Some(p)) => profile_facts(p),
                        Remote::Ready(None) => html! {},
                        other => waiting_or_gone(other, "the record", &profile.reload),
                    } }
                </section>
            }
            if read_workers {
                <section aria-labelledby="workers">
                    <h2 id="workers">{ "Workers" }</h2>
                    { match &known_data {
                        Remote::Ready(list) => workers(list),
                        other => waiting_or_gone(other, "the workers", &allocations.reload),
                    } }
                </section>
            }
            if may(Action::ReadPlan) {
                <section aria-labelledby="plan">
                    <h2 id="plan">{ "Plan" }</h2>
                    <p>
                        { if may(Action::WritePlan) {
                            format!("Write {name}'s plan in plain words, check it as you type, and share it with them.")
                        } else {
                            format!("Read {name}'s plan as they see it.")
                        } }
                    </p>
                    <p>
                        <a class="button button-secondary" href={Route::PersonPlan { id: row.id.clone() }.to_path()}>
                            { format!("Open {name}'s plan") }
                        </a>
                    </p>
                    <h3>{ format!("Questions from {name}") }</h3>
                    <PlanQuestions person={Some(row.id.clone())} />
                </section>
            }
            if may(Action::ReadReviews) {
                <section aria-labelledby="reviews">
                    <h2 id="reviews">{ "Reviews" }</h2>
                    <p>{ format!("When {name}'s reviews are due, the next one, and what was decided.") }</p>
                    <div class="actions">
                        <a class="button button-secondary" href={Route::PersonReviews { id: row.id.clone() }.to_path()}>
                            { format!("Open {name}'s reviews") }
                        </a>
                        if may(Action::ReadFeedback) {
                            <a class="button button-secondary" href={Route::PersonFeedback { id: row.id.clone() }.to_path()}>
                                { format!("Read {name}'s views") }
                            </a>
                        }
                    </div>
                </section>
            }
            { account }
            { reallocate }
            if may(Action::ReadAudit) {
                <section aria-labelledby="audit">
                    <h2 id="audit">{ "Who has seen this record" }</h2>
                    <p>{ "Every look and every change, by whom and why, and every refusal." }</p>
                    <a class="button button-secondary" href={Route::PersonAudit { id: row.id.clone() }.to_path()}>
                        { "See the audit trail" }
                    </a>
                </section>
            }
            { break_glass }
        </>
    }
}

fn profile_facts(p: &YoungPersonView) -> Html {
    let status = if p.looked_after_now {
        match p.legal_status {
            Some(s) => format!("In care now. {}.", words::legal_status(s)),
            None => "In care now.".to_string(),
        }
    } else if p.episodes.is_empty() {
        "Not in care.".to_string()
    } else {
        "Not in care now: has left care.".to_string()
    };
    let account = match &p.username {
        Some(u) => format!("Username {u}"),
        None => "No account yet".to_string(),
    };
    let episodes = p
        .episodes
        .iter()
        .map(|e| match e.end {
            Some(end) => format!("from {} to {}", words::date(e.start), words::date(end)),
            None => format!("from {} to now", words::date(e.start)),
        })
        .collect::<Vec<_>>()
        .join("; ");
    html! {
        <dl class="facts">
            <div><dt>{ "Age" }</dt><dd>{ format!("{} (born {})", p.age, words::date(p.date_of_birth)) }</dd></div>
            <div><dt>{ "Care" }</dt><dd>{ status }</dd></div>
            <div><dt>{ "Time in care" }</dt><dd>{ words::sentence(&episodes) }</dd></div>
            <div><dt>{ "Care leaver?" }</dt><dd>{ words::category_for_staff(p.care_leaver_category) }</dd></div>
            <div><dt>{ "Account" }</dt><dd>{ account }</dd></div>
            // Children told us changes of worker hurt ("I have had 19 social
            // workers"): managers see the count (the API sends it to them only).
            if let Some(n) = p.social_workers_so_far {
                <div><dt>{ "Social workers so far" }</dt><dd>{ n }</dd></div>
            }
        </dl>
    }
}

fn workers(list: &[AllocationView]) -> Html {
    let line = |a: &AllocationView| {
        let since = words::since(a.starts_at);
        let when = match a.ends_at {
            None => format!("since {}", since),
            Some(end) => format!("until {}", words::since(end)),
        };
        html! {
            <li>
                <strong>{ words::relationship(a.relationship) }</strong>
                { format!(": {}, {when}", a.staff_name) }
                if let Some(note) = &a.handover_note {
                    <br />{ "Handover note: " }<q>{ note }</q>
                }
            </li>
        }
    };
    let now: Vec<Html> = list
        .iter()
        .filter(|a| a.ends_at.is_none())
        .map(line)
        .collect();
    let before: Vec<Html> = list
        .iter()
        .filter(|a| a.ends_at.is_some())
        .map(line)
        .collect();
    html! {
        <>
            <h3>{ "Now" }</h3>
            if now.is_empty() {
                <p>{ "Nobody is allocated now." }</p>
            } else {
                <ul class="plain-list">{ for now }</ul>
            }
            if !before.is_empty() {
                <h3>{ "Before" }</h3>
                <ul class="plain-list">{ for before }</ul>
            }
        </>
    }
}
