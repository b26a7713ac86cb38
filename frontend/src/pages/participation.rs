//! Participation figures for reports to the council (how many took part,
//! by age band, never names; small groups hidden), and the forum's spaces
//! with their age rules. Staff words, in English.

use crate::api;
use crate::components::form::{act, errors_from, ActionForm, Field, FieldError, Kind};
use crate::hooks::{use_get, waiting};
use crate::pages::forum_parts::{cancel_button, toggle, use_said};
use crate::pages::moderation::ForumStaffNav;
use crate::route::Route;
use crate::state::Remote;
use crate::words;
use shared::endpoints as ep;
use shared::endpoints::moderation::FiguresQuery;
use shared::forum::{
    AdminSpaceView, Audience, FloodLimits, SpaceDraft, SpaceRule, FLOOD_GAP_MAX_SECS,
    FLOOD_PER_DAY_MAX, FLOOD_PER_HOUR_MAX, OLDEST, SUPPRESS_BELOW, YOUNGEST,
};
use shared::limits::{FORUM_DESCRIPTION_MAX_CHARS, FORUM_NAME_MAX_CHARS};
use yew::prelude::*;

const FROM: &str = "figures-from";
const TO: &str = "figures-to";

/// A count, or why it is not shown.
pub fn count_words(c: Option<u32>) -> String {
    match c {
        Some(n) => n.to_string(),
        None => format!("Fewer than {SUPPRESS_BELOW} (hidden)"),
    }
}

#[component]
pub fn ParticipationPage() -> Html {
    // The period asked for: (from, to), empty for the server's default.
    let period = use_state(|| (String::new(), String::new()));
    let figures = use_get(Some(ep::moderation::Participation::url().query(
        &FiguresQuery {
            from: period.0.parse().ok(),
            to: period.1.parse().ok(),
        },
    )));
    let send = {
        let period = period.clone();
        act(move |v| {
            let period = period.clone();
            async move {
                period.set((v.get(FROM), v.get(TO)));
                Ok(())
            }
        })
    };
    let body = match figures.get() {
        Remote::Ready(f) => html! {
            <>
                <h2>{ format!("{} to {}", words::date(f.from), words::date(f.to)) }</h2>
                <dl class="facts">
                    <div><dt>{ "Took part" }</dt><dd>{ count_words(f.took_part) }</dd></div>
                    <div><dt>{ "Posted" }</dt><dd>{ count_words(f.posted) }</dd></div>
                    <div><dt>{ "Signed up to events" }</dt><dd>{ count_words(f.signed_up_to_events) }</dd></div>
                    <div><dt>{ "Answered polls" }</dt><dd>{ count_words(f.answered_polls) }</dd></div>
                </dl>
                <table class="table">
                    <caption>{ "Who took part, by age band" }</caption>
                    <thead><tr><th scope="col">{ "Age band" }</th><th scope="col">{ "Young people" }</th></tr></thead>
                    <tbody>
                        { for f.by_age_band.iter().map(|b| html! {
                            <tr><th scope="row">{ &b.label }</th><td>{ count_words(b.count) }</td></tr>
                        }) }
                    </tbody>
                </table>
                <p class="note">{ &f.note }</p>
            </>
        },
        Remote::Failed(err) if err.status() == Some(422) => html! {
            <p class="notice" role="alert">{ err.message() }</p>
        },
        other => waiting(&other, "the figures", &figures.reload).unwrap_or_default(),
    };
    html! {
        <>
            <h1>{ "Participation figures" }</h1>
            <ForumStaffNav current={Route::Participation} />
            <p class="lead">
                { "How many young people took part in Positive Journeys (posted, signed up to an event or answered a poll), by age band, for reports to the council. No names. Groups under 5 are hidden so nobody can be picked out." }
            </p>
            <ActionForm
                id="figures-form"
                fields={vec![
                    Field::new(FROM, "From", Kind::Date).hint("Leave empty for a year before the end date.").value(period.0.clone()),
                    Field::new(TO, "To", Kind::Date).hint("Leave empty for today.").value(period.1.clone()),
                ]}
                submit="Show the figures"
                busy="Getting the figures…"
                act={send}
            />
            { body }
        </>
    }
}

const S_NAME: &str = "space-name";
const S_DESCRIPTION: &str = "space-description";
const S_MIN: &str = "space-min-age";
const S_MAX: &str = "space-max-age";
const S_WHO: &str = "space-audience";
const S_HOLD: &str = "space-hold";
const S_ARCHIVED: &str = "space-archived";
const L_THREADS_HOUR: &str = "space-threads-per-hour";
const L_THREADS_DAY: &str = "space-threads-per-day";
const L_REPLIES_HOUR: &str = "space-replies-per-hour";
const L_REPLIES_DAY: &str = "space-replies-per-day";
const L_GAP: &str = "space-min-gap";

/// The flood limit fields: (id, field name in `FloodLimits`, label, hint).
const LIMIT_FIELDS: [(&str, &str, &str, &str); 5] = [
    (
        L_THREADS_HOUR,
        "threads_per_hour",
        "New conversations one member may start in an hour",
        "per_hour",
    ),
    (
        L_THREADS_DAY,
        "threads_per_day",
        "... and in 24 hours",
        "per_day",
    ),
    (
        L_REPLIES_HOUR,
        "replies_per_hour",
        "Replies one member may write in an hour",
        "per_hour",
    ),
    (
        L_REPLIES_DAY,
        "replies_per_day",
        "... and in 24 hours",
        "per_day",
    ),
    (
        L_GAP,
        "min_gap_secs",
        "Seconds one member waits between two posts",
        "gap",
    ),
];

fn limit_values(l: &FloodLimits) -> [u32; 5] {
    [
        l.threads_per_hour,
        l.threads_per_day,
        l.replies_per_hour,
        l.replies_per_day,
        l.min_gap_secs,
    ]
}

/// A space's limits in a line, for its card.
fn limits_words(l: &FloodLimits) -> String {
    format!(
        "Each member may start {} conversations an hour ({} a day) and write {} replies an hour ({} a day), {} seconds apart.",
        l.threads_per_hour, l.threads_per_day, l.replies_per_hour, l.replies_per_day, l.min_gap_secs
    )
}

fn audience_words(a: Audience) -> &'static str {
    match a {
        Audience::InCare => "Children in care",
        Audience::CareLeavers => "Care leavers",
        Audience::Both => "Both",
    }
}

fn yes_no() -> Vec<(AttrValue, AttrValue)> {
    vec![("yes".into(), "Yes".into()), ("no".into(), "No".into())]
}

fn yes(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

/// The space form, empty for a new space or filled in with one to change.
fn space_fields(s: Option<&AdminSpaceView>) -> Vec<Field> {
    let audiences = Audience::ALL
        .iter()
        .map(|a| (a.as_str().into(), audience_words(*a).into()))
        .collect();
    let mut fields = vec![
        Field::new(S_NAME, "Name", Kind::Text).max(FORUM_NAME_MAX_CHARS as u32),
        Field::new(S_DESCRIPTION, "What it is for", Kind::TextArea)
            .hint("Young people read this: plain words.")
            .max(FORUM_DESCRIPTION_MAX_CHARS as u32),
        Field::new(S_MIN, "Youngest age", Kind::Number).hint(format!("{YOUNGEST} to {OLDEST}.")),
        Field::new(S_MAX, "Oldest age", Kind::Number).hint(format!("{YOUNGEST} to {OLDEST}.")),
        Field::select(S_WHO, "Who it is for", audiences, None),
        Field::select(
            S_HOLD,
            "Check posts by under-18s before they go up?",
            yes_no(),
            None,
        ),
    ];
    if let Some(s) = s {
        let values = [
            s.name.clone(),
            s.description.clone(),
            s.rule.min_age.to_string(),
            s.rule.max_age.to_string(),
            s.rule.audience.as_str().to_string(),
            yes(s.hold_under_18).to_string(),
        ];
        fields = fields
            .into_iter()
            .zip(values)
            .map(|(f, v)| f.value(v))
            .collect();
        fields.extend(limit_fields(&s.limits));
        fields.push(
            Field::select(
                S_ARCHIVED,
                "Closed (hidden from young people)?",
                yes_no(),
                None,
            )
            .value(yes(s.archived)),
        );
    } else {
        fields.extend(limit_fields(&FloodLimits::default()));
    }
    fields
}

fn limit_fields(l: &FloodLimits) -> Vec<Field> {
    LIMIT_FIELDS
        .iter()
        .zip(limit_values(l))
        .map(|((id, _, label, hint), v)| {
            let hint = match *hint {
                "per_hour" => format!("1 to {FLOOD_PER_HOUR_MAX}."),
                "per_day" => format!("1 to {FLOOD_PER_DAY_MAX}, and at least the hour's number."),
                _ => format!("0 (no wait) to {FLOOD_GAP_MAX_SECS}."),
            };
            Field::new(id, *label, Kind::Number)
                .hint(hint)
                .value(v.to_string())
        })
        .collect()
}

/// The space as typed, or what to fix.
fn space_draft(v: &crate::components::form::Values) -> Result<SpaceDraft, Vec<FieldError>> {
    let name = v.get(S_NAME).trim().to_string();
    if name.is_empty() {
        return Err(vec![FieldError::at(S_NAME, "Give the space a name.")]);
    }
    let age = |id: &'static str| {
        v.get(id).trim().parse::<u32>().map_err(|_| {
            vec![FieldError::at(
                id,
                format!("Write an age from {YOUNGEST} to {OLDEST}."),
            )]
        })
    };
    let mut n = [0u32; 5];
    for (slot, (id, _, _, _)) in n.iter_mut().zip(LIMIT_FIELDS) {
        *slot = v
            .get(id)
            .trim()
            .parse::<u32>()
            .map_err(|_| vec![FieldError::at(id, "Write a whole number.")])?;
    }
    let limits = FloodLimits {
        threads_per_hour: n[0],
        threads_per_day: n[1],
        replies_per_hour: n[2],
        replies_per_day: n[3],
        min_gap_secs: n[4],
    };
    if let Err((field, message)) = limits.check() {
        let id = LIMIT_FIELDS
            .iter()
            .find(|f| f.1 == field)
            .map_or(L_THREADS_HOUR, |f| f.0);
        return Err(vec![FieldError::at(id, message)]);
    }
    Ok(SpaceDraft {
        limits: Some(limits),
        id: None,
        name,
        description: v.get(S_DESCRIPTION).trim().to_string(),
        rule: SpaceRule {
            min_age: age(S_MIN)?,
            max_age: age(S_MAX)?,
            audience: Audience::parse(&v.get(S_WHO)).unwrap_or(Audience::Both),
        },
        hold_under_18: v.get(S_HOLD) != "no",
        archived: v.get(S_ARCHIVED) == "yes",
    })
}

const SPACE_FIELDS: &[(&str, &str)] = &[
    ("name", S_NAME),
    ("description", S_DESCRIPTION),
    ("min_age", S_MIN),
    ("max_age", S_MAX),
    ("audience", S_WHO),
    ("limits.threads_per_hour", L_THREADS_HOUR),
    ("limits.threads_per_day", L_THREADS_DAY),
    ("limits.replies_per_hour", L_REPLIES_HOUR),
    ("limits.replies_per_day", L_REPLIES_DAY),
    ("limits.min_gap_secs", L_GAP),
];

#[component]
pub fn ForumSpacesPage() -> Html {
    let list = use_get(Some(ep::moderation::AdminSpaces::url()));
    let open = use_state(|| None::<String>);
    let said = use_said();

    // `id` is None for a new space.
    let form = |s: Option<&AdminSpaceView>| {
        let send = {
            let (open, said, reload) = (open.clone(), said.clone(), list.reload.clone());
            let id = s.map(|s| s.id.clone());
            act(move |v| {
                let (open, said, reload, id) =
                    (open.clone(), said.clone(), reload.clone(), id.clone());
                async move {
                    let draft = space_draft(&v)?;
                    match &id {
                        Some(id) => {
                            api::call_done(ep::moderation::UpdateSpace::url(id), &draft).await
                        }
                        None => api::call_done(ep::moderation::CreateSpace::url(), &draft).await,
                    }
                    .map_err(|e| errors_from(&e, SPACE_FIELDS))?;
                    open.set(None);
                    said.show(
                        "spaces",
                        format!("Saved \u{201c}{}\u{201d}.", draft.name),
                        true,
                    );
                    reload.emit(());
                    Ok(())
                }
            })
        };
        html! {
            <div class="ask-box">
                <ActionForm id="space-form" fields={space_fields(s)} submit="Save the space" busy="Saving…" act={send} />
                { cancel_button(&open, "Cancel".into()) }
            </div>
        }
    };

    let body = match list.list() {
        Remote::Ready(spaces) => html! {
            <ul class="cards">
                { for spaces.iter().map(|s| {
                    let key = format!("space-{}", s.id);
                    html! {
                        <li key={s.id.clone()} class="card">
                            <h2 class="card-title">{ &s.name }</h2>
                            <p>
                                <span class="tag">{ &s.who_for }</span>
                                if s.hold_under_18 { { " " }<span class="tag tag-changed">{ "Under-18s' posts checked first" }</span> }
                                if s.archived { { " " }<span class="tag tag-quiet">{ "Closed" }</span> }
                            </p>
                            <p class="post-text">{ &s.description }</p>
                            <p class="muted small">{ limits_words(&s.limits) }</p>
                            if open.as_deref() == Some(key.as_str()) {
                                { form(Some(s)) }
                            } else {
                                { toggle(&open, key.clone(), "Change".into(), s.name.clone(), "button button-secondary") }
                            }
                        </li>
                    }
                }) }
            </ul>
        },
        other => waiting(&other, "the spaces", &list.reload).unwrap_or_default(),
    };
    html! {
        <>
            <h1>{ "Forum spaces" }</h1>
            <ForumStaffNav current={Route::ForumSpaces} />
            <p class="lead">
                { "Each space says who may join it by age and situation. A young person sees only the spaces that fit them, worked out each time from their age and care status." }
            </p>
            { said.slot("spaces") }
            if open.as_deref() == Some("space-new") {
                { form(None) }
            } else {
                { toggle(&open, "space-new".into(), "Add a space".into(), String::new(), "button") }
            }
            { body }
        </>
    }
}
