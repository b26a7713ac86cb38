//! The participation officer runs Positive Journeys' events (add, change,
//! cancel, see who is coming) and its polls and consultations (add, close,
//! and write "you said, we did"). Staff words, in English.

use crate::api;
use crate::clock;
use crate::components::form::{act, errors_from, ActionForm, Field, FieldError, Kind, Values};
use crate::hooks::{use_get, waiting};
use crate::pages::forum_events::results_list;
use crate::pages::forum_parts::{cancel_button, toggle, use_said, when};
use crate::pages::moderation::ForumStaffNav;
use crate::route::Route;
use crate::state::Remote;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Timelike, Utc};
use shared::endpoints as ep;
use shared::forum::{
    AdminSpaceView, ClosePoll, EventDraft, EventKind, PollDraft, PollKind, PollOutcome,
    StaffEventView, StaffPollView,
};
use shared::limits::{
    FORUM_DESCRIPTION_MAX_CHARS, FORUM_LOCATION_MAX_CHARS, FORUM_NAME_MAX_CHARS, POLL_OPTIONS_MAX,
    POLL_QUESTION_MAX_CHARS,
};
use yew::prelude::*;

/// "2026-05-01T17:00": a time as a `datetime-local` field shows it, at
/// `offset` minutes from UTC.
pub fn local_input(at: DateTime<Utc>, offset: i32) -> String {
    let l = at.naive_utc() + Duration::minutes(i64::from(offset));
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        l.year(),
        l.month(),
        l.day(),
        l.hour(),
        l.minute()
    )
}

/// What a `datetime-local` field holds ("2026-05-01T17:00"), at `offset`
/// minutes from UTC, as a UTC time. Read by hand: chrono's parser would
/// add to the download.
pub fn parse_local(s: &str, offset: i32) -> Option<DateTime<Utc>> {
    let (d, t) = s.trim().split_once('T')?;
    let mut d = d.split('-').map(|p| p.parse::<u32>().ok());
    let (y, m, day) = (d.next()??, d.next()??, d.next()??);
    let mut t = t.split(':').map(|p| p.parse::<u32>().ok());
    let (h, min) = (t.next()??, t.next()??);
    let naive: NaiveDateTime =
        NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, day)?.and_hms_opt(h, min, 0)?;
    Some((naive - Duration::minutes(i64::from(offset))).and_utc())
}

/// A `datetime-local` value in the phone's time zone, as UTC.
fn read_time(
    v: &Values,
    id: &'static str,
    what: &str,
) -> Result<Option<DateTime<Utc>>, Vec<FieldError>> {
    let s = v.get(id);
    if s.trim().is_empty() {
        return Ok(None);
    }
    // The offset at about that time (summer time may differ from now).
    let guess = parse_local(&s, 0).ok_or_else(|| {
        vec![FieldError::at(
            id,
            format!("Write {what} as a date and time."),
        )]
    })?;
    Ok(parse_local(&s, clock::local_offset_minutes(guess)))
}

fn field_time(at: DateTime<Utc>) -> String {
    local_input(at, clock::local_offset_minutes(at))
}

fn kind_words(k: EventKind) -> &'static str {
    match k {
        EventKind::Meeting => "Meeting",
        EventKind::Trip => "Trip",
        EventKind::Training => "Training young people help to give",
        EventKind::Other => "Something else",
    }
}

/// "Everyone" or one space, from the spaces list.
fn space_options(spaces: &[AdminSpaceView]) -> Vec<(AttrValue, AttrValue)> {
    std::iter::once(("".into(), "Every space".into()))
        .chain(
            spaces
                .iter()
                .filter(|s| !s.archived)
                .map(|s| (s.id.clone().into(), s.name.clone().into())),
        )
        .collect()
}

fn space_name(spaces: &[AdminSpaceView], id: Option<&String>) -> String {
    match id {
        None => "Every space".to_string(),
        Some(id) => spaces
            .iter()
            .find(|s| &s.id == id)
            .map_or_else(|| id.clone(), |s| s.name.clone()),
    }
}

const E_SPACE: &str = "event-space";
const E_KIND: &str = "event-kind";
const E_TITLE: &str = "event-title";
const E_DESCRIPTION: &str = "event-description";
const E_LOCATION: &str = "event-location";
const E_STARTS: &str = "event-starts";
const E_ENDS: &str = "event-ends";
const E_PLACES: &str = "event-places";
const E_CLOSES: &str = "event-closes";
const E_CANCELLED: &str = "event-cancelled";

const EVENT_FIELDS: &[(&str, &str)] = &[
    ("space", E_SPACE),
    ("kind", E_KIND),
    ("title", E_TITLE),
    ("description", E_DESCRIPTION),
    ("location", E_LOCATION),
    ("starts_at", E_STARTS),
    ("ends_at", E_ENDS),
    ("places", E_PLACES),
    ("sign_up_closes_at", E_CLOSES),
];

fn event_fields(e: Option<&StaffEventView>, spaces: &[AdminSpaceView]) -> Vec<Field> {
    let kinds = EventKind::ALL
        .iter()
        .map(|k| (k.as_str().into(), kind_words(*k).into()))
        .collect();
    let mut fields = vec![
        Field::select(E_SPACE, "For the members of", space_options(spaces), None),
        Field::select(E_KIND, "What kind of event", kinds, None),
        Field::new(E_TITLE, "Title", Kind::Text).max(FORUM_NAME_MAX_CHARS as u32),
        Field::new(E_DESCRIPTION, "What happens", Kind::TextArea)
            .hint("Young people read this: plain words. Say if there is food, a lift home or pay.")
            .max(FORUM_DESCRIPTION_MAX_CHARS as u32),
        Field::new(E_LOCATION, "Where", Kind::Text).max(FORUM_LOCATION_MAX_CHARS as u32),
        Field::new(E_STARTS, "Starts", Kind::DateTime),
        Field::new(E_ENDS, "Ends", Kind::DateTime),
        Field::new(E_PLACES, "Places", Kind::Number).hint("Leave empty for no limit."),
        Field::new(E_CLOSES, "Sign-up closes", Kind::DateTime)
            .hint("Leave empty to take sign-ups until it starts."),
    ];
    if let Some(s) = e {
        let ev = &s.event;
        let values = [
            ev.space.clone().unwrap_or_default(),
            ev.kind.as_str().to_string(),
            ev.title.clone(),
            ev.description.clone(),
            ev.location.clone(),
            field_time(ev.starts_at),
            field_time(ev.ends_at),
            ev.places.map(|p| p.to_string()).unwrap_or_default(),
            ev.sign_up_closes_at.map(field_time).unwrap_or_default(),
        ];
        fields = fields
            .into_iter()
            .zip(values)
            .map(|(f, v)| f.value(v))
            .collect();
        fields.push(
            Field::select(
                E_CANCELLED,
                "Cancelled?",
                vec![
                    ("no".into(), "No".into()),
                    ("yes".into(), "Yes: tell everyone signed up".into()),
                ],
                None,
            )
            .value(if ev.cancelled { "yes" } else { "no" }),
        );
    }
    fields
}

fn event_draft(v: &Values) -> Result<EventDraft, Vec<FieldError>> {
    let required = |id: &'static str, what: &str| {
        let s = v.get(id).trim().to_string();
        if s.is_empty() {
            Err(vec![FieldError::at(id, format!("Write {what}."))])
        } else {
            Ok(s)
        }
    };
    let title = required(E_TITLE, "a title")?;
    let location = required(E_LOCATION, "where it is")?;
    let starts_at = read_time(v, E_STARTS, "when it starts")?
        .ok_or_else(|| vec![FieldError::at(E_STARTS, "Write when it starts.")])?;
    let ends_at = read_time(v, E_ENDS, "when it ends")?
        .ok_or_else(|| vec![FieldError::at(E_ENDS, "Write when it ends.")])?;
    let places = match v.get(E_PLACES).trim() {
        "" => None,
        p => Some(p.parse::<u32>().map_err(|_| {
            vec![FieldError::at(
                E_PLACES,
                "Write a whole number of places, or leave it empty.",
            )]
        })?),
    };
    let space = v.get(E_SPACE);
    Ok(EventDraft {
        space: (!space.is_empty()).then_some(space),
        kind: EventKind::parse(&v.get(E_KIND)).unwrap_or(EventKind::Meeting),
        title,
        description: v.get(E_DESCRIPTION).trim().to_string(),
        location,
        starts_at,
        ends_at,
        places,
        sign_up_closes_at: read_time(v, E_CLOSES, "when sign-up closes")?,
        cancelled: v.get(E_CANCELLED) == "yes",
    })
}

#[derive(Properties, PartialEq)]
struct SignUpsProps {
    id: String,
}

/// Who is coming to one event. Each look is in their audit trail.
#[component]
fn SignUps(props: &SignUpsProps) -> Html {
    let rows = use_get(Some(ep::events::Signups::url(&props.id)));
    match rows.list() {
        Remote::Ready(list) if list.is_empty() => html! { <p>{ "Nobody has signed up yet." }</p> },
        Remote::Ready(list) => html! {
            <ul class="plain-list">
                { for list.iter().map(|r| html! {
                    <li>
                        <strong>{ &r.name }</strong>{ format!(", {}, signed up {}", r.age, when(r.signed_up_at)) }
                        if let Some(n) = &r.note {
                            { ". They said: " }<q>{ n }</q>
                        }
                    </li>
                }) }
            </ul>
        },
        other => waiting(&other, "who is coming", &rows.reload).unwrap_or_default(),
    }
}

#[component]
pub fn StaffEventsPage() -> Html {
    let list = use_get(Some(ep::events::StaffEvents::url()));
    let spaces = use_get(Some(ep::moderation::AdminSpaces::url()));
    let open = use_state(|| None::<String>);
    let said = use_said();
    let spaces: Vec<AdminSpaceView> = match spaces.list() {
        Remote::Ready(s) => s,
        _ => Vec::new(),
    };

    let form = |e: Option<&StaffEventView>| {
        let send = {
            let (open, said, reload) = (open.clone(), said.clone(), list.reload.clone());
            let id = e.map(|e| e.event.id.clone());
            act(move |v| {
                let (open, said, reload, id) =
                    (open.clone(), said.clone(), reload.clone(), id.clone());
                async move {
                    let draft = event_draft(&v)?;
                    match &id {
                        Some(id) => api::call_done(ep::events::UpdateEvent::url(id), &draft).await,
                        None => api::call_done(ep::events::CreateEvent::url(), &draft).await,
                    }
                    .map_err(|e| errors_from(&e, EVENT_FIELDS))?;
                    open.set(None);
                    said.show(
                        "events",
                        format!("Saved \u{201c}{}\u{201d}.", draft.title),
                        true,
                    );
                    reload.emit(());
                    Ok(())
                }
            })
        };
        html! {
            <div class="ask-box">
                <ActionForm id="event-form" fields={event_fields(e, &spaces)} submit="Save the event" busy="Saving…" act={send} />
                { cancel_button(&open, "Cancel".into()) }
            </div>
        }
    };

    let item = |s: &StaffEventView| {
        let e = &s.event;
        let edit = format!("edit-{}", e.id);
        let who = format!("who-{}", e.id);
        html! {
            <li key={e.id.clone()} class="card">
                <h2 class="card-title">{ &e.title }</h2>
                <p>
                    <span class="tag">{ kind_words(e.kind) }</span>
                    if e.cancelled { { " " }<span class="tag tag-bad">{ "Cancelled" }</span> }
                </p>
                <dl class="facts">
                    <div><dt>{ "Starts" }</dt><dd>{ when(e.starts_at) }</dd></div>
                    <div><dt>{ "Ends" }</dt><dd>{ when(e.ends_at) }</dd></div>
                    <div><dt>{ "Where" }</dt><dd>{ &e.location }</dd></div>
                    <div><dt>{ "For" }</dt><dd>{ space_name(&spaces, e.space.as_ref()) }</dd></div>
                    <div><dt>{ "Signed up" }</dt><dd>{ match e.places {
                        Some(p) => format!("{} of {p} places", s.signed_up),
                        None => format!("{} (no limit)", s.signed_up),
                    } }</dd></div>
                    if let Some(c) = e.sign_up_closes_at {
                        <div><dt>{ "Sign-up closes" }</dt><dd>{ when(c) }</dd></div>
                    }
                </dl>
                <div class="actions actions-tight">
                    if open.as_deref() != Some(edit.as_str()) {
                        { toggle(&open, edit.clone(), "Change".into(), e.title.clone(), "button button-secondary") }
                    }
                    { toggle(&open, who.clone(), "Who is coming".into(), e.title.clone(), "button button-secondary") }
                </div>
                if open.as_deref() == Some(edit.as_str()) {
                    { form(Some(s)) }
                }
                if open.as_deref() == Some(who.as_str()) {
                    <SignUps id={e.id.clone()} />
                }
            </li>
        }
    };

    let body = match list.list() {
        Remote::Ready(l) if l.is_empty() => html! { <p>{ "No events yet." }</p> },
        Remote::Ready(l) => html! { <ul class="cards">{ for l.iter().map(item) }</ul> },
        other => waiting(&other, "the events", &list.reload).unwrap_or_default(),
    };
    html! {
        <>
            <h1>{ "Events" }</h1>
            <ForumStaffNav current={Route::StaffEvents} />
            <p class="lead">
                { "Meetings, trips and training young people help to give. Young people see the events for their spaces, with places left, and get a reminder. Moving or cancelling an event tells everyone signed up." }
            </p>
            { said.slot("events") }
            if open.as_deref() == Some("event-new") {
                { form(None) }
            } else {
                { toggle(&open, "event-new".into(), "Add an event".into(), String::new(), "button") }
            }
            { body }
        </>
    }
}

const P_SPACE: &str = "poll-space";
const P_KIND: &str = "poll-kind";
const P_QUESTION: &str = "poll-question";
const P_DESCRIPTION: &str = "poll-description";
const P_OPTIONS: &str = "poll-options";
const P_COMMENT: &str = "poll-allows-comment";
const P_CLOSES: &str = "poll-closes";
const P_OUTCOME: &str = "poll-outcome";

#[component]
pub fn StaffPollsPage() -> Html {
    let list = use_get(Some(ep::events::StaffPolls::url()));
    let spaces = use_get(Some(ep::moderation::AdminSpaces::url()));
    let open = use_state(|| None::<String>);
    let said = use_said();
    let spaces: Vec<AdminSpaceView> = match spaces.list() {
        Remote::Ready(s) => s,
        _ => Vec::new(),
    };

    let new_form = {
        let send = {
            let (open, said, reload) = (open.clone(), said.clone(), list.reload.clone());
            act(move |v| {
                let (open, said, reload) = (open.clone(), said.clone(), reload.clone());
                async move {
                    let question = v.get(P_QUESTION).trim().to_string();
                    if question.is_empty() {
                        return Err(vec![FieldError::at(P_QUESTION, "Write the question.")]);
                    }
                    let closes_at = read_time(&v, P_CLOSES, "when it closes")?
                        .ok_or_else(|| vec![FieldError::at(P_CLOSES, "Write when it closes.")])?;
                    let space = v.get(P_SPACE);
                    let draft = PollDraft {
                        space: (!space.is_empty()).then_some(space),
                        kind: PollKind::parse(&v.get(P_KIND)).unwrap_or(PollKind::Poll),
                        question,
                        description: v.get(P_DESCRIPTION).trim().to_string(),
                        options: v
                            .get(P_OPTIONS)
                            .lines()
                            .map(str::trim)
                            .filter(|l| !l.is_empty())
                            .map(str::to_string)
                            .collect(),
                        allows_comment: v.get(P_COMMENT) == "yes",
                        closes_at,
                    };
                    api::call_done(ep::events::CreatePoll::url(), &draft)
                        .await
                        .map_err(|e| {
                            errors_from(
                                &e,
                                &[
                                    ("space", P_SPACE),
                                    ("question", P_QUESTION),
                                    ("description", P_DESCRIPTION),
                                    ("options", P_OPTIONS),
                                    ("closes_at", P_CLOSES),
                                ],
                            )
                        })?;
                    open.set(None);
                    said.show(
                        "polls",
                        "Saved. Young people in its spaces can answer it now.".into(),
                        true,
                    );
                    reload.emit(());
                    Ok(())
                }
            })
        };
        let kinds = vec![
            (
                "poll".into(),
                "Quick poll: one question, a few answers".into(),
            ),
            (
                "consultation".into(),
                "Consultation: a question with room to say more".into(),
            ),
        ];
        html! {
            <div class="ask-box">
                <ActionForm
                    id="poll-form"
                    fields={vec![
                        Field::select(P_SPACE, "For the members of", space_options(&spaces), None),
                        Field::select(P_KIND, "What kind", kinds, None),
                        Field::new(P_QUESTION, "Question", Kind::Text).max(POLL_QUESTION_MAX_CHARS as u32),
                        Field::new(P_DESCRIPTION, "More about it (optional)", Kind::TextArea).max(FORUM_DESCRIPTION_MAX_CHARS as u32),
                        Field::new(P_OPTIONS, "Answers to choose from", Kind::TextArea)
                            .hint(format!("One a line, 2 to {POLL_OPTIONS_MAX}. A consultation may have none (comments only).")),
                        Field::select(P_COMMENT, "Room to say more?", vec![("no".into(), "No".into()), ("yes".into(), "Yes".into())], None),
                        Field::new(P_CLOSES, "Closes", Kind::DateTime),
                    ]}
                    submit="Add the poll"
                    busy="Saving…"
                    act={send}
                />
                { cancel_button(&open, "Cancel".into()) }
            </div>
        }
    };

    let item = |s: &StaffPollView| {
        let p = &s.poll;
        let key = format!("outcome-{}", p.id);
        let outcome_form = (open.as_deref() == Some(key.as_str())).then(|| {
            let send = {
                let (open, said, reload, id, closing) = (
                    open.clone(),
                    said.clone(),
                    list.reload.clone(),
                    p.id.clone(),
                    p.open,
                );
                act(move |v| {
                    let (open, said, reload, id) =
                        (open.clone(), said.clone(), reload.clone(), id.clone());
                    async move {
                        let text = v.get(P_OUTCOME).trim().to_string();
                        let map =
                            |e: api::ApiError| errors_from(&e, &[("you_said_we_did", P_OUTCOME)]);
                        if closing {
                            let body = ClosePoll {
                                you_said_we_did: (!text.is_empty()).then_some(text),
                            };
                            api::call_done(ep::events::ClosePoll::url(&id), &body)
                                .await
                                .map_err(map)?;
                        } else {
                            if text.is_empty() {
                                return Err(vec![FieldError::at(
                                    P_OUTCOME,
                                    "Write what the council did.",
                                )]);
                            }
                            api::call_done(
                                ep::events::SetOutcome::url(&id),
                                &PollOutcome {
                                    you_said_we_did: text,
                                },
                            )
                            .await
                            .map_err(map)?;
                        }
                        open.set(None);
                        said.show(&id, "Saved. Young people can see it.".into(), true);
                        reload.emit(());
                        Ok(())
                    }
                })
            };
            let mut field = Field::new(P_OUTCOME, "You said, we did", Kind::TextArea)
                .hint("What young people said, and what the council did about it, in plain words.")
                .max(FORUM_DESCRIPTION_MAX_CHARS as u32);
            if let Some(done) = &p.you_said_we_did {
                field = field.value(done.clone());
            }
            html! {
                <div class="ask-box">
                    <ActionForm
                        id="poll-outcome-form"
                        fields={vec![field]}
                        submit={if p.open { "Close it now" } else { "Save" }}
                        busy="Saving…"
                        act={send}
                    />
                    { cancel_button(&open, "Cancel".into()) }
                </div>
            }
        });
        html! {
            <li key={p.id.clone()} class="card">
                <h2 class="card-title">{ &p.question }</h2>
                <p>
                    <span class="tag">{ match p.kind { PollKind::Poll => "Quick poll", PollKind::Consultation => "Consultation" } }</span>
                    { " " }
                    if p.open {
                        <span class="tag tag-good">{ "Open" }</span>
                    } else {
                        <span class="tag tag-quiet">{ "Closed" }</span>
                    }
                </p>
                <p class="muted small">
                    { format!("For {}. {} {}.", space_name(&spaces, p.space.as_ref()), if p.open { "Closes" } else { "Closed" }, when(p.closes_at)) }
                </p>
                { results_list(&s.results) }
                if !s.comments.is_empty() {
                    <details class="disclosure">
                        <summary>{ format!("What they said ({})", s.comments.len()) }</summary>
                        <ul class="plain-list">{ for s.comments.iter().map(|c| html! { <li class="post-text">{ c }</li> }) }</ul>
                    </details>
                }
                if let Some(done) = &p.you_said_we_did {
                    <div class="note">
                        <p><strong>{ "You said, we did:" }</strong></p>
                        <p class="post-text">{ done }</p>
                    </div>
                }
                { said.slot(&p.id) }
                if open.as_deref() != Some(key.as_str()) {
                    { toggle(&open, key.clone(), if p.open { "Close it".into() } else { "Write \u{201c}you said, we did\u{201d}".into() }, p.question.clone(), "button button-secondary") }
                }
                { for outcome_form }
            </li>
        }
    };

    let body = match list.list() {
        Remote::Ready(l) if l.is_empty() => html! { <p>{ "No polls yet." }</p> },
        Remote::Ready(l) => html! { <ul class="cards">{ for l.iter().map(item) }</ul> },
        other => waiting(&other, "the polls", &list.reload).unwrap_or_default(),
    };
    html! {
        <>
            <h1>{ "Polls and consultations" }</h1>
            <ForumStaffNav current={Route::StaffPolls} />
            <p class="lead">
                { "Ask young people what they think. Results show to them once they answer or it closes; nobody, you included, sees who said what. When it has closed, tell them what the council did: \u{201c}you said, we did\u{201d}." }
            </p>
            { said.slot("polls") }
            if open.as_deref() == Some("poll-new") {
                { new_form }
            } else {
                { toggle(&open, "poll-new".into(), "Add a poll".into(), String::new(), "button") }
            }
            { body }
        </>
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn local_times_go_both_ways() {
        let at = DateTime::parse_from_rfc3339("2026-06-01T16:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        // London in summer is an hour ahead of UTC.
        assert_eq!(local_input(at, 60), "2026-06-01T17:00");
        assert_eq!(parse_local("2026-06-01T17:00", 60), Some(at));
        assert_eq!(parse_local("2026-06-01T17:00:00", 60), Some(at));
        assert_eq!(parse_local("2026-02-30T17:00", 0), None);
        assert_eq!(parse_local("tomorrow", 0), None);
        assert_eq!(parse_local("", 0), None);
    }
}
