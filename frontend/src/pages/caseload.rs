//! Staff: "My young people", only those the caller may see now.

use crate::components::guard::{use_me, Audience};
use crate::hooks::{use_get, waiting};
use crate::route::Route;
use crate::state::Remote;
use crate::words;
use shared::endpoints as ep;
use yew::prelude::*;
use yew_router::Routable;

#[component]
pub fn CaseloadPage() -> Html {
    let me = use_me();
    let fetched = use_get(Some(ep::people::Caseload::url()));
    let admin = me.as_ref().is_some_and(|m| Audience::Admins.allows(m.role));
    let can_add = me
        .as_ref()
        .is_some_and(|m| Audience::CreatePeople.allows(m.role));
    let body = match &fetched.list() {
        Remote::Ready(list) if list.is_empty() => html! {
            <p>{ "There is nobody on your list at the moment." }</p>
        },
        Remote::Ready(list) => {
            html! {
                <ul class="people">
                    { for list.iter().map(|p| html! {
                        <li key={p.id.clone()} class="person-row">
                            <a class="person-link" href={Route::Person { id: p.id.clone() }.to_path()}>
                                { &p.preferred_name }
                            </a>
                            <p class="person-meta">
                                { words::basis(&p.basis) }
                                { ". " }
                                { if p.has_account { "Has an account." } else { "No account yet." } }
                            </p>
                        </li>
                    }) }
                </ul>
            }
        }
        other => waiting(other, "your list", &fetched.reload).unwrap_or_default(),
    };
    html! {
        <>
            <h1>{ if admin { "Young people" } else { "My young people" } }</h1>
            <p class="lead">
                { if admin {
                    "Everyone with a record here. You can run their accounts and workers. \
                     To see a record itself you must give a reason, and a manager is told."
                } else {
                    "The young people you work with now. If someone is moved to another worker, \
                     they leave this list straight away."
                } }
            </p>
            if can_add {
                { crate::text::raw(r#"<p><a class="button button-secondary" href="/staff/people/new">Add a young person</a></p>"#) }
            }
            { body }
        </>
    }
}
