//! Managers: the audit trail of one young person's record: every look,
//! every change and every refusal, newest first.

use crate::hooks::{use_get, waiting};
use crate::pages::person::not_on_list;
use crate::route::Route;
use crate::state::Remote;
use crate::words;
use shared::accounts::AuditRow;
use shared::endpoints as ep;
use yew::prelude::*;
use yew_router::Routable;

#[derive(Properties, PartialEq)]
pub struct PersonAuditProps {
    pub id: String,
}

/// The column names; on a phone the stylesheet shows them beside each value
/// (`.audit td:nth-child(n)::before`), in this order.
const COLUMNS: [&str; 6] = ["When", "Who", "What", "Allowed by", "Outcome", "Reason"];

fn row(r: &AuditRow) -> Html {
    let who = match &r.actor {
        Some(name) => format!("{name} ({})", words::stored_role(&r.actor_role)),
        None => words::stored_role(&r.actor_role),
    };
    html! {
        <tr role="row" class={(r.outcome == "denied").then_some("row-denied")}>
            <td role="cell">{ words::sentence(&words::when_now(r.at)) }</td>
            <td role="cell">{ who }</td>
            <td role="cell">{ words::audit_action(&r.action) }</td>
            <td role="cell">{ words::audit_basis(&r.basis) }</td>
            <td role="cell">{ words::audit_outcome(&r.outcome) }</td>
            <td role="cell">{ r.reason.clone().unwrap_or_else(|| "—".to_string()) }</td>
        </tr>
    }
}

#[component]
pub fn AuditPage(props: &PersonAuditProps) -> Html {
    let fetched = use_get(Some(ep::people::Audit::url(&props.id)));
    let body = match &fetched.list() {
        Remote::Ready(rows) if rows.is_empty() => {
            html! { <p>{ "Nothing has been recorded yet." }</p> }
        }
        Remote::Ready(rows) => html! {
            // Explicit roles: the table is laid out as cards on a phone, and
            // CSS display changes would otherwise drop its meaning.
            <table class="audit" role="table">
                <caption class="visually-hidden">{ "Audit trail, newest first" }</caption>
                <thead role="rowgroup">
                    <tr role="row">
                        { for COLUMNS.iter().map(|c| html! { <th role="columnheader" scope="col">{ *c }</th> }) }
                    </tr>
                </thead>
                <tbody role="rowgroup">
                    { for rows.iter().map(row) }
                </tbody>
            </table>
        },
        Remote::Failed(err) if err.is_not_found() => not_on_list(),
        other => waiting(other, "the audit trail", &fetched.reload).unwrap_or_default(),
    };
    html! {
        <>
            <h1>{ "Who has seen this record" }</h1>
            <p class="lead">
                { "Every look at this young person's record and every change, with who did it and \
                   what allowed it. Refusals are here too. Newest first." }
            </p>
            <p><a href={Route::Person { id: props.id.clone() }.to_path()}>{ "Back to the young person" }</a></p>
            { body }
        </>
    }
}
