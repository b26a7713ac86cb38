//! "My review", for a young person: the next review meeting in plain words
//! (when, where, who runs it, who is invited), how they want to take part,
//! "add to my calendar", telling their IRO what they think (the feedback
//! form), "can my review be sooner?", and the reviews they have had with
//! what was decided and the IRO's "you said, we did" answer.

use crate::api::{self, ApiError};
use crate::components::form::focus_soon;
use crate::components::guard::use_me;
use crate::components::help_panel::support_box;
use crate::feedback_drafts;
use crate::hooks::{use_get, waiting};
use crate::i18n::{t, tf};
use crate::pages::my_plan::paragraphs;
use crate::state::Remote;
use crate::words;
use shared::endpoints as ep;
use shared::limits::REVIEW_MESSAGE_MAX;
use shared::people::AgeBand;
use shared::reviews::{
    FeedbackState, FormKey, MyPastReview, MyReview, Participation, SupportMessage,
};
use wasm_bindgen::JsCast;
use yew::prelude::*;

const EARLIER_MESSAGE: &str = "review-earlier-message";
const EARLIER_BUTTON: &str = "review-earlier-open";
const CHOICE_NAME: &str = "review-take-part";

/// "4:00pm" for "16:00"; the time as given if it does not read as one.
pub fn clock(time: &str) -> String {
    match shared::reviews::parse_time(time) {
        Some(m) => {
            let at =
                chrono::NaiveDate::default().and_hms_opt(u32::from(m / 60), u32::from(m % 60), 0);
            at.map(words::time).unwrap_or_else(|| time.to_string())
        }
        None => time.to_string(),
    }
}

/// "Tuesday 12 May 2026, 4:00pm to 5:00pm".
pub fn when_words(r: &MyReview) -> String {
    let day = format!("{} {}", words::day(r.date), chrono::Datelike::year(&r.date));
    match (&r.start_time, &r.end_time) {
        (Some(s), Some(e)) => tf(
            "reviews-when-from-to",
            &[("day", &day), ("start", &clock(s)), ("end", &clock(e))],
        ),
        (Some(s), None) => tf("reviews-when-at", &[("day", &day), ("start", &clock(s))]),
        _ => day,
    }
}

/// "In 10 days", "Tomorrow", "Today".
pub fn days_to_go(days: i64) -> String {
    match days {
        i64::MIN..=0 => t("reviews-today"),
        1 => t("reviews-tomorrow"),
        n => tf("reviews-in-days", &[("days", &n.to_string())]),
    }
}

/// How the young person will take part, said to them.
pub fn participation_words(p: Participation) -> String {
    t(match p {
        Participation::NotDecided => "reviews-part-not-decided",
        Participation::Attend => "reviews-part-attend",
        Participation::Chair => "reviews-part-chair",
        Participation::Lead => "reviews-part-lead",
        Participation::SendViews => "reviews-part-send-views",
    })
}

/// The label of each choice.
fn participation_choice(p: Participation) -> String {
    t(match p {
        Participation::NotDecided => "reviews-choice-not-decided",
        Participation::Attend => "reviews-choice-attend",
        Participation::Chair => "reviews-choice-chair",
        Participation::Lead => "reviews-choice-lead",
        Participation::SendViews => "reviews-choice-send-views",
    })
}

/// The choices offered: chairing or leading is for 8 and over.
fn choices_for(under_8: bool) -> Vec<Participation> {
    if under_8 {
        vec![
            Participation::Attend,
            Participation::SendViews,
            Participation::NotDecided,
        ]
    } else {
        vec![
            Participation::Attend,
            Participation::Chair,
            Participation::Lead,
            Participation::SendViews,
            Participation::NotDecided,
        ]
    }
}

#[component]
pub fn MyReviewPage() -> Html {
    let me = use_me();
    let data = use_get(Some(ep::reviews::MyReviews::url()));
    // "Can it be sooner?": the form is open; what came back.
    let asking = use_state(|| false);
    let asked = use_state(|| None::<String>);
    let support = use_state(|| None::<SupportMessage>);
    let earlier_error = use_state(|| None::<String>);
    // The choice of how to take part: a message about saving it.
    let choice_note = use_state(|| None::<String>);
    let calendar_note = use_state(|| None::<String>);

    let mine = match data.get() {
        Remote::Ready(m) => m,
        other => {
            return html! {
                <>
                    <h1>{ t("reviews-my-title") }</h1>
                    { waiting(&other, &t("reviews-loading"), &data.reload).unwrap_or_default() }
                </>
            };
        }
    };
    let person = me
        .as_ref()
        .and_then(|m| m.young_person_id.clone())
        .unwrap_or_default();
    let leaver = mine
        .next
        .as_ref()
        .map(|n| n.form == FormKey::CareLeaver)
        .unwrap_or_else(|| {
            me.as_ref()
                .and_then(|m| m.age_band)
                .is_some_and(|b| matches!(b, AgeBand::From18To25 | AgeBand::Over25))
        });
    let under_8 = me.as_ref().and_then(|m| m.age_band) == Some(AgeBand::Under8);

    let next = mine.next.as_ref().map(|n| {
        let local = feedback_drafts::for_review(&person, &n.id);
        let feedback = feedback_part(n, local.as_ref());
        let choose = {
            let (note, reload, id) = (choice_note.clone(), data.reload.clone(), n.id.clone());
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let picked = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
                    .and_then(|f| web_sys::FormData::new_with_form(&f).ok())
                    .and_then(|d| d.get(CHOICE_NAME).as_string())
                    .and_then(|v| Participation::parse(&v));
                let Some(picked) = picked else {
                    note.set(Some(t("reviews-choice-pick-one")));
                    return;
                };
                let (note, reload, id) = (note.clone(), reload.clone(), id.clone());
                note.set(Some(t("reviews-saving")));
                wasm_bindgen_futures::spawn_local(async move {
                    match api::choose_participation(&id, picked).await {
                        Ok(()) => {
                            note.set(Some(t("reviews-choice-saved")));
                            reload.emit(());
                        }
                        Err(err) => note.set(Some(err.message())),
                    }
                });
            })
        };
        let add_to_calendar = {
            let note = calendar_note.clone();
            Callback::from(move |_| {
                let note = note.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    note.set(Some(match download_calendar().await {
                        Ok(()) => t("reviews-calendar-done"),
                        Err(err) => err.message(),
                    }));
                });
            })
        };
        html! {
            <>
                <section aria-labelledby="next-review">
                    <h2 id="next-review">{ t("reviews-next-title") }</h2>
                    <p class="big">{ days_to_go(n.days_to_go) }</p>
                    <dl class="facts">
                        <div><dt>{ t("reviews-when") }</dt><dd>{ when_words(n) }</dd></div>
                        <div><dt>{ t("reviews-where") }</dt><dd>{ &n.place }</dd></div>
                        if let Some(chair) = &n.chair {
                            <div><dt>{ t("reviews-who-runs-it") }</dt><dd>{ chair }</dd></div>
                        }
                        <div>
                            <dt>{ t("reviews-who-is-invited") }</dt>
                            <dd>
                                if n.invited.is_empty() {
                                    { t("reviews-invited-not-yet") }
                                } else {
                                    <ul class="plain-list">
                                        { for n.invited.iter().map(|who| html! { <li>{ who }</li> }) }
                                    </ul>
                                }
                            </dd>
                        </div>
                    </dl>
                    <div class="actions">
                        <button type="button" class="button button-secondary" onclick={add_to_calendar}>
                            { t("reviews-add-to-calendar") }
                        </button>
                    </div>
                    <div role="status">
                        if let Some(note) = &*calendar_note {
                            <p>{ note }</p>
                        }
                    </div>
                </section>
                <section aria-labelledby="take-part">
                    <h2 id="take-part">{ t("reviews-take-part-title") }</h2>
                    <p><strong>{ participation_words(n.participation) }</strong></p>
                    <form class="form" onsubmit={choose} novalidate=true>
                        <fieldset class="choices">
                            <legend class="label">{ t("reviews-take-part-question") }</legend>
                            <p class="field-hint">{ t("reviews-take-part-hint") }</p>
                            { for choices_for(under_8).into_iter().map(|p| {
                                let id = format!("take-part-{}", p.as_str());
                                html! {
                                    <div class="choice" key={p.as_str()}>
                                        <input
                                            type="radio"
                                            id={id.clone()}
                                            name={CHOICE_NAME}
                                            value={p.as_str()}
                                            checked={p == n.participation}
                                        />
                                        <label for={id}>{ participation_choice(p) }</label>
                                    </div>
                                }
                            }) }
                        </fieldset>
                        <button type="submit" class="button">{ t("reviews-choice-save") }</button>
                    </form>
                    <div role="status">
                        if let Some(note) = &*choice_note {
                            <p>{ note }</p>
                        }
                    </div>
                </section>
                { feedback }
            </>
        }
    });

    let no_review = mine.next.is_none().then(|| {
        html! {
            <section aria-labelledby="next-review">
                <h2 id="next-review">{ t("reviews-next-title") }</h2>
                <p>{ t("reviews-none-booked") }</p>
                if let Some(due) = &mine.due {
                    <p>
                        { if due.overdue {
                            tf("reviews-due-late", &[("date", &words::date(due.due))])
                        } else {
                            tf("reviews-due-by", &[("date", &words::date(due.due))])
                        } }
                    </p>
                }
            </section>
        }
    });

    let earlier = {
        let open = {
            let (asking, asked, error) = (asking.clone(), asked.clone(), earlier_error.clone());
            Callback::from(move |_| {
                let now = !*asking;
                asking.set(now);
                asked.set(None);
                error.set(None);
                if now {
                    focus_soon(EARLIER_MESSAGE.to_string());
                }
            })
        };
        let send = {
            let (asking, asked, support, error, reload) = (
                asking.clone(),
                asked.clone(),
                support.clone(),
                earlier_error.clone(),
                data.reload.clone(),
            );
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                let message = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
                    .and_then(|f| web_sys::FormData::new_with_form(&f).ok())
                    .and_then(|d| d.get(EARLIER_MESSAGE).as_string())
                    .map(|m| m.trim().to_string())
                    .filter(|m| !m.is_empty());
                let (asking, asked, support, error, reload) = (
                    asking.clone(),
                    asked.clone(),
                    support.clone(),
                    error.clone(),
                    reload.clone(),
                );
                wasm_bindgen_futures::spawn_local(async move {
                    match api::ask_for_earlier_review(message).await {
                        Ok(sent) => {
                            asking.set(false);
                            asked.set(Some(t("reviews-earlier-sent")));
                            support.set(sent.support);
                            reload.emit(());
                            focus_soon(EARLIER_BUTTON.to_string());
                        }
                        Err(err) => error.set(Some(err.message())),
                    }
                });
            })
        };
        html! {
            <section aria-labelledby="sooner">
                <h2 id="sooner">{ t("reviews-earlier-title") }</h2>
                <p>{ t("reviews-earlier-intro") }</p>
                if mine.asked_for_earlier {
                    <p class="notice-info">{ t("reviews-earlier-waiting") }</p>
                }
                <button
                    type="button"
                    id={EARLIER_BUTTON}
                    class="button button-secondary"
                    aria-expanded={if *asking { "true" } else { "false" }}
                    onclick={open}
                >
                    { t("reviews-earlier-button") }
                </button>
                if *asking {
                    <form class="form ask-box" onsubmit={send} novalidate=true>
                        if let Some(err) = &*earlier_error {
                            <p class="field-error" role="alert">{ err }</p>
                        }
                        <div class="field">
                            <label class="label" for={EARLIER_MESSAGE}>{ t("reviews-earlier-why") }</label>
                            <p class="field-hint" id="review-earlier-hint">{ t("reviews-earlier-why-hint") }</p>
                            <textarea
                                id={EARLIER_MESSAGE}
                                name={EARLIER_MESSAGE}
                                class="input textarea"
                                rows="4"
                                maxlength={REVIEW_MESSAGE_MAX.to_string()}
                                aria-describedby="review-earlier-hint"
                            />
                        </div>
                        <button type="submit" class="button">{ t("reviews-earlier-send") }</button>
                    </form>
                }
                <div role="status">
                    if let Some(done) = &*asked {
                        <p class="notice-success">{ done }</p>
                    }
                </div>
                if let Some(s) = &*support {
                    { support_box(s) }
                }
            </section>
        }
    };

    html! {
        <>
            <h1>{ t("reviews-my-title") }</h1>
            <p class="lead">{ t(if leaver { "reviews-about-leaver" } else { "reviews-about" }) }</p>
            { for next }
            { for no_review }
            { earlier }
            <section aria-labelledby="past-reviews">
                <h2 id="past-reviews">{ t("reviews-past-title") }</h2>
                if mine.past.is_empty() {
                    <p>{ t("reviews-past-none") }</p>
                } else {
                    <ul class="cards">
                        { for mine.past.iter().map(past_review) }
                    </ul>
                }
            </section>
        </>
    }
}

/// "Tell your IRO what you think": where the form stands, and the way in.
fn feedback_part(n: &MyReview, local: Option<&feedback_drafts::LocalDraft>) -> Html {
    let (state, button) = match (n.feedback, local) {
        (FeedbackState::Sent, _) => ("reviews-feedback-sent", "reviews-feedback-see"),
        (_, Some(l)) if l.send_queued => ("reviews-feedback-queued", "reviews-feedback-continue"),
        (FeedbackState::DraftSaved, _) | (_, Some(_)) => {
            ("reviews-feedback-started", "reviews-feedback-continue")
        }
        (FeedbackState::NotStarted, None) => {
            ("reviews-feedback-not-started", "reviews-feedback-start")
        }
    };
    html! {
        <section aria-labelledby="your-views">
            <h2 id="your-views">{ t("reviews-feedback-title") }</h2>
            <p>{ t(state) }</p>
            <p><a class="button" href="/my/review/feedback">{ t(button) }</a></p>
        </section>
    }
}

fn past_review(p: &MyPastReview) -> Html {
    let heading = format!("review-{}", p.id);
    html! {
        <li key={p.id.clone()} class="card">
            <h3 id={heading.clone()} class="card-title">
                { tf("reviews-past-on", &[("date", &words::date(p.held_on))]) }
            </h3>
            if let Some(o) = &p.outcomes {
                <h4 class="fb-subhead">{ t("reviews-past-talked") }</h4>
                { paragraphs(o) }
            }
            if let Some(d) = &p.decisions {
                <h4 class="fb-subhead">{ t("reviews-past-decided") }</h4>
                { paragraphs(d) }
            }
            if let Some(y) = &p.you_said_we_did {
                <div class="answer">
                    <h4 class="fb-subhead">{ t("reviews-you-said-we-did") }</h4>
                    { paragraphs(&y.answer) }
                    <p class="muted small">
                        { tf("reviews-answer-by", &[("name", &y.by), ("when", &words::when_now(y.at))]) }
                    </p>
                </div>
            }
        </li>
    }
}

/// Fetches the calendar file with the sign-in and hands it to the phone to
/// open or save (a plain link could not carry the sign-in).
async fn download_calendar() -> Result<(), ApiError> {
    // Not JSON: the declaration's answer is `Raw`, an iCalendar file.
    let calendar = api::fetch_raw(ep::reviews::MyCalendar::url()).await?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(&calendar));
    let kind = web_sys::BlobPropertyBag::new();
    kind.set_type("text/calendar");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &kind)
        .map_err(|_| ApiError::UnexpectedReply)?;
    let url =
        web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| ApiError::UnexpectedReply)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(ApiError::UnexpectedReply)?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .ok()
        .and_then(|el| el.dyn_into().ok())
        .ok_or(ApiError::UnexpectedReply)?;
    link.set_href(&url);
    link.set_download("my-review.ics");
    if let Some(body) = document.body() {
        let _ = body.append_child(&link);
        link.click();
        link.remove();
    }
    // Give the browser time to start the download before letting go.
    wasm_bindgen_futures::spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(60_000).await;
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_as_a_clock() {
        assert_eq!(clock("16:00"), "4:00pm");
        assert_eq!(clock("09:30"), "9:30am");
        assert_eq!(clock("later"), "later");
    }

    #[test]
    fn days_to_go_in_words() {
        assert_eq!(days_to_go(0), "Today");
        assert_eq!(days_to_go(1), "Tomorrow");
        assert_eq!(days_to_go(10), "In 10 days");
    }

    #[test]
    fn under_8s_are_not_offered_to_chair() {
        assert!(!choices_for(true).contains(&Participation::Chair));
        assert!(choices_for(false).contains(&Participation::Chair));
        for p in Participation::ALL {
            assert!(!participation_words(p).starts_with("reviews-"));
            assert!(!participation_choice(p).starts_with("reviews-"));
        }
    }
}
