//! Staff: reviews. The list of the young people one works with (overdue
//! first, then by due date), and one young person's reviews: the statutory
//! schedule, booking the next review, recording what was decided in plain
//! words (checked for the child's age), cancelling, requests for an
//! earlier review, and the reviews held so far.

use crate::api;
use crate::components::form::{act, errors_from, ActionForm, Field, Kind};
use crate::components::guard::use_me;
use crate::hooks::{use_get, waiting};
use crate::pages::my_plan::paragraphs;
use crate::pages::my_review::clock;
use crate::pages::person::not_on_list;
use crate::route::Route;
use crate::state::Remote;
use crate::words;
use shared::access::{allowed, Action};
use shared::endpoints as ep;
use shared::limits::{
    OVERRIDE_REASON_MAX_CHARS, REVIEW_OUTCOME_MAX, REVIEW_PLACE_MAX, TIME_INPUT_MAX_CHARS,
};
use shared::people::Role;
use shared::reviews::{
    kind_words, NewReview, Participation, ReviewChange, ReviewListRow, ReviewOutcome, ReviewStatus,
    StaffReview,
};
use yew::prelude::*;
use yew_router::Routable;

/// How the young person will take part, for staff.
pub fn participation_for_staff(p: Participation) -> &'static str {
    match p {
        Participation::NotDecided => "Not decided yet",
        Participation::Attend => "Will come to the meeting",
        Participation::Chair => "Will chair the meeting, with your help",
        Participation::Lead => "Will lead part of the meeting",
        Participation::SendViews => "Will send their views instead of coming",
    }
}

fn date_words(d: chrono::NaiveDate) -> String {
    format!("{} {}", words::day(d), chrono::Datelike::year(&d))
}

#[component]
pub fn ReviewsListPage() -> Html {
    let list = use_get(Some(ep::reviews::ListReviews::url()));
    let body = match list.list() {
        Remote::Ready(rows) if rows.is_empty() => html! {
            <p>{ "None of the young people you work with has a review due." }</p>
        },
        Remote::Ready(rows) => {
            let (late, coming): (Vec<&ReviewListRow>, Vec<&ReviewListRow>) =
                rows.iter().partition(|r| r.overdue);
            html! {
                <>
                    <section aria-labelledby="overdue">
                        <h2 id="overdue">{ format!("Overdue ({})", late.len()) }</h2>
                        if late.is_empty() {
                            <p>{ "No review is overdue." }</p>
                        } else {
                            <ul class="cards">{ for late.into_iter().map(list_row) }</ul>
                        }
                    </section>
                    <section aria-labelledby="coming-up">
                        <h2 id="coming-up">{ format!("Coming up ({})", coming.len()) }</h2>
                        if coming.is_empty() {
                            <p>{ "Nothing else is due." }</p>
                        } else {
                            <ul class="cards">{ for coming.into_iter().map(list_row) }</ul>
                        }
                    </section>
                </>
            }
        }
        other => waiting(&other, "the reviews", &list.reload).unwrap_or_default(),
    };
    html! {
        <>
            <h1>{ "Reviews" }</h1>
            <p class="lead">{ "The reviews of the young people you work with. Overdue ones come first." }</p>
            { body }
        </>
    }
}

fn list_row(r: &ReviewListRow) -> Html {
    let href = Route::PersonReviews {
        id: r.young_person_id.clone(),
    }
    .to_path();
    html! {
        <li key={r.young_person_id.clone()} class="card">
            <p class="card-title"><a href={href}>{ &r.name }</a></p>
            if let Some(due) = &r.next_due {
                <p>
                    { format!("The {} is due by {}.", kind_words(due.kind), date_words(due.due)) }
                    if r.overdue {
                        { " " }<span class="tag tag-bad">{ "Overdue" }</span>
                    }
                </p>
            } else {
                <p>{ "No review is due." }</p>
            }
            <p>
                { match r.booked_date {
                    Some(d) => format!("Booked for {}{}.", date_words(d), r.chair.as_ref().map(|c| format!(", run by {c}")).unwrap_or_default()),
                    None => "Not booked yet.".to_string(),
                } }
                if r.booked_late {
                    { " " }<span class="tag tag-bad">{ "Booked after the due date" }</span>
                }
            </p>
            <p>
                if r.feedback_sent {
                    <span class="tag tag-good">{ "Their views are in" }</span>
                } else if r.booked_id.is_some() {
                    <span class="tag tag-quiet">{ "No views sent yet" }</span>
                }
                if r.open_requests > 0 {
                    { " " }<span class="tag tag-changed">{ format!("Asked for it sooner ({})", r.open_requests) }</span>
                }
            </p>
        </li>
    }
}

#[derive(Properties, PartialEq)]
pub struct PersonReviewsProps {
    pub id: String,
}

const DATE: &str = "review-date";
const START: &str = "review-start";
const END: &str = "review-end";
const PLACE: &str = "review-place";
const INVITED: &str = "review-invited";
const SOONER: &str = "review-brought-forward";
const HELD_ON: &str = "outcome-held-on";
const OUTCOMES: &str = "outcome-outcomes";
const DECISIONS: &str = "outcome-decisions";
const OVERRIDE: &str = "outcome-override";
const MOVE_DATE: &str = "move-date";
const MOVE_START: &str = "move-start";
const MOVE_END: &str = "move-end";
const MOVE_PLACE: &str = "move-place";
const MOVE_SOONER: &str = "move-brought-forward";

/// "Sam, your social worker" per line, blank lines dropped.
pub fn invited_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn optional(text: String) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_string())
}

#[component]
pub fn PersonReviewsPage(props: &PersonReviewsProps) -> Html {
    let me = use_me();
    let role = me.as_ref().map_or(Role::YoungPerson, |m| m.role);
    let caseload = use_get(Some(ep::people::Caseload::url()));
    let people = caseload.list();
    let row = match &people {
        Remote::Ready(list) => list.iter().find(|p| p.id == props.id).cloned(),
        _ => None,
    };
    let relation = row
        .as_ref()
        .map(|r| words::relation_from_basis(&r.basis))
        .unwrap_or(shared::access::Relation::Unrelated);
    let listed = row.is_some();
    let may = move |action: Action| listed && allowed(role, relation, action);
    let data =
        use_get(may(Action::ReadReviews).then(|| ep::reviews::PersonReviews::url(&props.id)));
    let done = use_state(|| None::<String>);

    let Some(row) = row else {
        return html! {
            <>
                <h1>{ "Reviews" }</h1>
                { match &people {
                    Remote::Ready(_) => not_on_list(),
                    other => waiting(other, "this young person", &caseload.reload).unwrap_or_default(),
                } }
            </>
        };
    };
    let name = row.preferred_name.clone();
    let person_link = html! {
        <p><a href={Route::Person { id: row.id.clone() }.to_path()}>{ format!("Back to {name}'s page") }</a></p>
    };
    let view = match data.maybe() {
        Remote::Ready(Some(v)) => v,
        Remote::Ready(None) => {
            return html! {
                <>
                    <h1>{ format!("{name}'s reviews") }</h1>
                    <p>{ "You cannot see this young person's reviews." }</p>
                    { person_link }
                </>
            };
        }
        Remote::Failed(err) if err.is_not_found() => {
            return html! {
                <>
                    <h1>{ format!("{name}'s reviews") }</h1>
                    { not_on_list() }
                </>
            };
        }
        other => {
            return html! {
                <>
                    <h1>{ format!("{name}'s reviews") }</h1>
                    { waiting(&other, "the reviews", &data.reload).unwrap_or_default() }
                </>
            };
        }
    };
    let manage = may(Action::ManageReviews);
    let booked = view
        .reviews
        .iter()
        .find(|r| r.status == ReviewStatus::Booked);
    let held: Vec<&StaffReview> = view
        .reviews
        .iter()
        .filter(|r| r.status == ReviewStatus::Held)
        .collect();

    let schedule = match &view.schedule {
        Some(s) => html! {
            <>
                <p>
                    <strong>{ format!("The {} is due by {}.", kind_words(s.next.kind), date_words(s.next.due)) }</strong>
                    if s.next.overdue {
                        { " " }<span class="tag tag-bad">{ "Overdue" }</span>
                    }
                </p>
                <p class="small">{ &s.rule }</p>
                if s.upcoming.len() > 1 {
                    <p>{ "After that, if each is held on its due date:" }</p>
                    <ul class="plain-list">
                        { for s.upcoming.iter().skip(1).map(|u| html! {
                            <li>{ format!("{}: by {}", words::sentence(kind_words(u.kind)), date_words(u.due)) }</li>
                        }) }
                    </ul>
                }
                if s.bank_holidays_unknown {
                    <p class="small">{ "The bank holidays for these dates are not known yet, so only weekends were skipped." }</p>
                }
            </>
        },
        None => html! {
            <p>{ format!("No review is due: {name} is not in care now and is not a care leaver.") }</p>
        },
    };

    let id = props.id.clone();
    let booked_part = match booked {
        Some(r) => booked_view(r, &name, &id, manage, &data.reload, &done),
        None if manage => {
            let book = {
                let (id, reload, done) = (id.clone(), data.reload.clone(), done.clone());
                act(move |v| {
                    let (id, reload, done) = (id.clone(), reload.clone(), done.clone());
                    async move {
                        let date = v.get(DATE).parse().map_err(|_| {
                            vec![crate::components::form::FieldError::at(
                                DATE,
                                "Choose the day of the meeting.",
                            )]
                        })?;
                        let review = NewReview {
                            date,
                            start_time: optional(v.get(START)),
                            end_time: optional(v.get(END)),
                            place: v.get(PLACE),
                            invited: invited_lines(&v.get(INVITED)),
                            participation: Participation::NotDecided,
                            brought_forward: v.get(SOONER) == "yes",
                        };
                        api::book_review(&id, &review).await.map_err(|err| {
                            errors_from(
                                &err,
                                &[
                                    ("date", DATE),
                                    ("start_time", START),
                                    ("end_time", END),
                                    ("place", PLACE),
                                    ("invited", INVITED),
                                ],
                            )
                        })?;
                        done.set(Some("Booked. The young person has been told, and will be reminded 14 and 2 days before.".into()));
                        reload.emit(());
                        Ok(())
                    }
                })
            };
            html! {
                <>
                    <p>{ "No review is booked." }</p>
                    <h3>{ "Book the next review" }</h3>
                    <ActionForm
                        id="book-review"
                        fields={vec![
                            Field::new(DATE, "Day of the meeting", Kind::Date).required("Choose the day of the meeting."),
                            Field::new(START, "Starts at (optional)", Kind::Text).hint("Hours and minutes, such as 16:00.").max(TIME_INPUT_MAX_CHARS as u32),
                            Field::new(END, "Ends at (optional)", Kind::Text).hint("Such as 17:00.").max(TIME_INPUT_MAX_CHARS as u32),
                            Field::new(PLACE, "Where", Kind::Text)
                                .hint("Somewhere the young person knows, such as \u{201c}At home, in the living room\u{201d}.")
                                .required("Say where the meeting is.")
                                .max(REVIEW_PLACE_MAX as u32),
                            Field::new(INVITED, "Who is invited (optional)", Kind::TextArea)
                                .hint("One on each line, as the young person knows them: \u{201c}Your carers\u{201d}, \u{201c}Sam, your social worker\u{201d}."),
                            Field::select(
                                SOONER,
                                "Is it sooner than the schedule needs?",
                                vec![("no".into(), "No".into()), ("yes".into(), "Yes: the young person asked, or something changed".into())],
                                None,
                            ),
                        ]}
                        submit="Book the review"
                        busy="Booking…"
                        act={book}
                        reset=true
                    />
                </>
            }
        }
        None => html! { <p>{ "No review is booked." }</p> },
    };

    html! {
        <>
            <h1>{ format!("{name}'s reviews") }</h1>
            { person_link }
            <div role="status">
                if let Some(text) = &*done {
                    <p class="notice-success">{ text }</p>
                }
            </div>
            <section aria-labelledby="schedule">
                <h2 id="schedule">{ "When reviews are due" }</h2>
                { schedule }
            </section>
            <section aria-labelledby="booked">
                <h2 id="booked">{ "The next review" }</h2>
                { booked_part }
            </section>
            if may(Action::ReadFeedback) {
                <section aria-labelledby="views">
                    <h2 id="views">{ format!("{name}'s views") }</h2>
                    <p>{ format!("What {name} chose to tell you before their reviews, and your \u{201c}you said, we did\u{201d} answers.") }</p>
                    <p>
                        <a class="button button-secondary" href={Route::PersonFeedback { id: row.id.clone() }.to_path()}>
                            { format!("Read {name}'s views") }
                        </a>
                    </p>
                </section>
            }
            <section aria-labelledby="requests">
                <h2 id="requests">{ "Asked for a review sooner" }</h2>
                if view.requests.is_empty() {
                    <p>{ format!("{name} has not asked for an earlier review.") }</p>
                } else {
                    <ul class="cards">
                        { for view.requests.iter().map(|q| html! {
                            <li key={q.id.clone()} class="card">
                                <p>{ format!("Asked {}.", words::when_now(q.asked_at)) }</p>
                                if let Some(m) = &q.message {
                                    <p>{ "They wrote: " }<q>{ m }</q></p>
                                }
                                if let Some(at) = q.resolved_at {
                                    <p><span class="tag tag-good">{ "Answered" }</span>{ format!(" A review was brought forward {}.", words::when_now(at)) }</p>
                                } else {
                                    <p><span class="tag tag-changed">{ "Open" }</span>{ " Book a review marked \u{201c}sooner\u{201d} to answer it." }</p>
                                }
                            </li>
                        }) }
                    </ul>
                }
            </section>
            <section aria-labelledby="held">
                <h2 id="held">{ "Reviews held" }</h2>
                if held.is_empty() {
                    <p>{ "None yet." }</p>
                } else {
                    <ul class="cards">{ for held.into_iter().map(held_view) }</ul>
                }
            </section>
        </>
    }
}

/// The booked review: the details, and (for whoever runs it) recording
/// what was decided, or cancelling it.
fn booked_view(
    r: &StaffReview,
    name: &str,
    id: &str,
    manage: bool,
    reload: &Callback<()>,
    done: &UseStateHandle<Option<String>>,
) -> Html {
    let times = match (&r.start_time, &r.end_time) {
        (Some(s), Some(e)) => format!(", {} to {}", clock(s), clock(e)),
        (Some(s), None) => format!(" at {}", clock(s)),
        _ => String::new(),
    };
    let outcome = {
        let (id, review_id, reload, done) =
            (id.to_string(), r.id.clone(), reload.clone(), done.clone());
        act(move |v| {
            let (id, review_id, reload, done) =
                (id.clone(), review_id.clone(), reload.clone(), done.clone());
            async move {
                let held_on = v.get(HELD_ON).parse().map_err(|_| {
                    vec![crate::components::form::FieldError::at(
                        HELD_ON,
                        "Give the day the review was held.",
                    )]
                })?;
                let outcome = ReviewOutcome {
                    review_id,
                    held_on,
                    outcomes: v.get(OUTCOMES),
                    decisions: v.get(DECISIONS),
                    override_reason: optional(v.get(OVERRIDE)),
                };
                api::record_review_outcome(&id, &outcome)
                    .await
                    .map_err(|err| {
                        errors_from(
                            &err,
                            &[
                                ("held_on", HELD_ON),
                                ("outcomes", OUTCOMES),
                                ("decisions", DECISIONS),
                                ("override_reason", OVERRIDE),
                            ],
                        )
                    })?;
                done.set(Some("Recorded. The young person can read what was decided now, with your answer to their views.".into()));
                reload.emit(());
                Ok(())
            }
        })
    };
    let move_it = {
        let (id, review_id, reload, done) =
            (id.to_string(), r.id.clone(), reload.clone(), done.clone());
        let was = (
            r.date,
            r.start_time.clone(),
            r.end_time.clone(),
            r.place.clone(),
            r.brought_forward,
        );
        act(move |v| {
            let (id, reload, done) = (id.clone(), reload.clone(), done.clone());
            let change = moved(review_id.clone(), &was, &v);
            async move {
                let change = change?;
                api::change_review(&id, &change).await.map_err(|err| {
                    errors_from(
                        &err,
                        &[
                            ("date", MOVE_DATE),
                            ("start_time", MOVE_START),
                            ("end_time", MOVE_END),
                            ("place", MOVE_PLACE),
                        ],
                    )
                })?;
                done.set(Some("Moved. The young person has been told the new day, time and place, and their reminders follow it.".into()));
                reload.emit(());
                Ok(())
            }
        })
    };
    let cancel = {
        let (id, review_id, reload, done) =
            (id.to_string(), r.id.clone(), reload.clone(), done.clone());
        act(move |_| {
            let (id, review_id, reload, done) =
                (id.clone(), review_id.clone(), reload.clone(), done.clone());
            async move {
                let change = ReviewChange {
                    review_id,
                    cancel: true,
                    ..Default::default()
                };
                api::change_review(&id, &change)
                    .await
                    .map_err(|err| errors_from(&err, &[]))?;
                done.set(Some("Cancelled. The young person has been told.".into()));
                reload.emit(());
                Ok(())
            }
        })
    };
    html! {
        <>
            <dl class="facts">
                <div><dt>{ "When" }</dt><dd>{ format!("{}{times}", date_words(r.date)) }</dd></div>
                <div><dt>{ "Where" }</dt><dd>{ &r.place }</dd></div>
                <div><dt>{ "Kind" }</dt><dd>{ words::sentence(kind_words(r.kind)) }</dd></div>
                if let Some(chair) = &r.chair {
                    <div><dt>{ "Run by" }</dt><dd>{ chair }</dd></div>
                }
                <div><dt>{ "Invited" }</dt><dd>{ if r.invited.is_empty() { "Nobody named yet".to_string() } else { r.invited.join("; ") } }</dd></div>
                <div><dt>{ format!("{name} will") }</dt><dd>{ participation_for_staff(r.participation) }</dd></div>
                <div><dt>{ "Their views" }</dt><dd>{ if r.feedback_sent { "Sent" } else { "Not sent yet" } }</dd></div>
                if r.brought_forward {
                    <div><dt>{ "Sooner" }</dt><dd>{ "Brought forward" }</dd></div>
                }
            </dl>
            if manage {
                <h3>{ "Record what was decided" }</h3>
                <p>{ format!("Write for {name}: short sentences and everyday words. They read this in the app.") }</p>
                <ActionForm
                    id="record-outcome"
                    fields={vec![
                        Field::new(HELD_ON, "Day it was held", Kind::Date).required("Give the day the review was held."),
                        Field::new(OUTCOMES, "What we talked about", Kind::TextArea)
                            .hint(format!("How things are going, as {name} would say it."))
                            .required("Write what was talked about.")
                            .max(REVIEW_OUTCOME_MAX as u32),
                        Field::new(DECISIONS, "What was decided", Kind::TextArea)
                            .hint("What will happen, and who will do it.")
                            .required("Write what was decided.")
                            .max(REVIEW_OUTCOME_MAX as u32),
                        Field::new(OVERRIDE, "Only if asked: why the words must stay as they are", Kind::TextArea)
                            .hint("The check stops words that may be hard for the young person. Leave this empty unless it asks.")
                            .max(OVERRIDE_REASON_MAX_CHARS as u32),
                    ]}
                    submit="Record the outcome"
                    busy="Recording…"
                    act={outcome}
                />
                <h3>{ "Move this review" }</h3>
                <p>{ "Bring it forward, or change the day, time or place. Only what you change is changed." }</p>
                <ActionForm
                    id="move-review"
                    fields={vec![
                        Field::new(MOVE_DATE, "Day of the meeting", Kind::Date)
                            .required("Choose the day of the meeting.")
                            .value(r.date.to_string()),
                        Field::new(MOVE_START, "Starts at (optional)", Kind::Text)
                            .hint("Hours and minutes, such as 16:00. Leave it empty for no time.")
                            .max(TIME_INPUT_MAX_CHARS as u32)
                            .value(r.start_time.clone().unwrap_or_default()),
                        Field::new(MOVE_END, "Ends at (optional)", Kind::Text)
                            .hint("Such as 17:00.")
                            .max(TIME_INPUT_MAX_CHARS as u32)
                            .value(r.end_time.clone().unwrap_or_default()),
                        Field::new(MOVE_PLACE, "Where", Kind::Text)
                            .required("Say where the meeting is.")
                            .max(REVIEW_PLACE_MAX as u32)
                            .value(r.place.clone()),
                        Field::select(
                            MOVE_SOONER,
                            "Is it sooner than the schedule needs?",
                            vec![("no".into(), "No".into()), ("yes".into(), "Yes: brought forward (this answers their requests for a sooner review)".into())],
                            None,
                        )
                        .value(if r.brought_forward { "yes" } else { "no" }),
                    ]}
                    submit="Move the review"
                    busy="Moving…"
                    act={move_it}
                />
                <h3>{ "Cancel this review" }</h3>
                <ActionForm
                    id="cancel-review"
                    submit="Cancel this review"
                    busy="Cancelling…"
                    button_class="button button-danger"
                    act={cancel}
                />
            }
        </>
    }
}

/// What the booked review was: day, start, end, place, brought forward.
type Booking = (
    chrono::NaiveDate,
    Option<String>,
    Option<String>,
    String,
    bool,
);

/// The change to send: only what differs from the booking, or what to fix.
fn moved(
    review_id: String,
    was: &Booking,
    v: &crate::components::form::Values,
) -> Result<ReviewChange, Vec<crate::components::form::FieldError>> {
    let date: chrono::NaiveDate = v.get(MOVE_DATE).parse().map_err(|_| {
        vec![crate::components::form::FieldError::at(
            MOVE_DATE,
            "Choose the day of the meeting.",
        )]
    })?;
    let change = changes(
        review_id,
        was,
        date,
        v.get(MOVE_START).trim(),
        v.get(MOVE_END).trim(),
        v.get(MOVE_PLACE).trim(),
        v.get(MOVE_SOONER) == "yes",
    );
    let same = change.date.is_none()
        && change.start_time.is_none()
        && change.end_time.is_none()
        && change.place.is_none()
        && change.brought_forward.is_none();
    if same {
        return Err(vec![crate::components::form::FieldError::form(
            "Nothing has changed. Change the day, time or place first.",
        )]);
    }
    Ok(change)
}

/// Compares what was typed with the booking (times "" clear them).
fn changes(
    review_id: String,
    was: &Booking,
    date: chrono::NaiveDate,
    start: &str,
    end: &str,
    place: &str,
    sooner: bool,
) -> ReviewChange {
    let (old_date, old_start, old_end, old_place, old_sooner) = was;
    let time = |typed: &str, old: &Option<String>| {
        (typed != old.as_deref().unwrap_or_default()).then(|| typed.to_string())
    };
    ReviewChange {
        review_id,
        date: (date != *old_date).then_some(date),
        start_time: time(start, old_start),
        end_time: time(end, old_end),
        place: (place != old_place.as_str()).then(|| place.to_string()),
        brought_forward: (sooner != *old_sooner).then_some(sooner),
        ..Default::default()
    }
}

fn held_view(r: &StaffReview) -> Html {
    html! {
        <li key={r.id.clone()} class="card">
            <h3 class="card-title">{ format!("Held {}", date_words(r.held_on.unwrap_or(r.date))) }</h3>
            if let Some(o) = &r.outcomes {
                <h4 class="fb-subhead">{ "What we talked about" }</h4>
                { paragraphs(o) }
            }
            if let Some(d) = &r.decisions {
                <h4 class="fb-subhead">{ "What was decided" }</h4>
                { paragraphs(d) }
            }
            { for r.checks.iter().filter(|c| !c.report.passes).map(|c| html! {
                <p class="small">
                    <span class="tag tag-bad">{ "Not plain enough" }</span>
                    { format!(" {}: {}", if c.part == "outcomes" { "What we talked about" } else { "What was decided" }, c.report.issues.join(" ")) }
                </p>
            }) }
            if let Some(reason) = &r.override_reason {
                <p class="small">{ format!("Kept as written because: {reason}") }</p>
            }
            <p class="small">
                { match (r.feedback_sent, r.feedback_answered) {
                    (true, true) => "Their views were answered.",
                    (true, false) => "Their views are waiting for your answer.",
                    _ => "No views were sent for this review.",
                } }
            </p>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_person_invited_per_line() {
        assert_eq!(
            invited_lines("You\n\n  Your carers \nSam, your social worker\n"),
            vec!["You", "Your carers", "Sam, your social worker"]
        );
        assert_eq!(optional("  ".into()), None);
        assert_eq!(optional(" 16:00 ".into()).as_deref(), Some("16:00"));
    }

    #[test]
    fn a_move_sends_only_what_changed() {
        let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 5, d).unwrap_or_default();
        let was: Booking = (day(20), Some("16:00".into()), None, "At home".into(), false);
        let c = changes("r".into(), &was, day(14), "16:00", "", "At school", true);
        assert_eq!(c.date, Some(day(14)));
        assert_eq!((c.start_time, c.end_time), (None, None));
        assert_eq!(c.place.as_deref(), Some("At school"));
        assert_eq!(c.brought_forward, Some(true));
        assert!(!c.cancel);
        // An emptied time is cleared.
        let c = changes("r".into(), &was, day(20), "", "", "At home", false);
        assert_eq!(c.start_time.as_deref(), Some(""));
        assert_eq!((c.date, c.place, c.brought_forward), (None, None, None));
    }

    #[test]
    fn every_choice_has_words_for_staff() {
        for p in Participation::ALL {
            assert!(!participation_for_staff(p).is_empty());
        }
    }
}
