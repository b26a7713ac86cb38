//! Administrators: the council's review promise. The law says a child's
//! first review is within 20 working days of coming into care; a council
//! may promise sooner (Bexley: within a month). Every schedule, on every
//! list and page, uses the setting from the moment it is saved.

use crate::api;
use crate::clock;
use crate::components::form::{act, errors_from, ActionForm, Field};
use crate::hooks::{use_get, waiting};
use crate::state::Remote;
use crate::words;
use chrono::NaiveDate;
use shared::endpoints as ep;
use shared::review_schedule::{next_review_due, ReviewPolicy};
use shared::reviews::ReviewSettings;
use yew::prelude::*;

const PROMISE: &str = "promise-first-month";
const YES: &str = "month";
const NO: &str = "law";

/// When the first review of a child coming into care on `start` is due,
/// under this policy.
pub fn first_review_by(start: NaiveDate, policy: ReviewPolicy) -> NaiveDate {
    next_review_due(start, &[], policy, start).due
}

/// The promise in words.
pub fn promise_words(policy: ReviewPolicy) -> &'static str {
    if policy.first_review_within_calendar_month {
        "The first review is within a month of coming into care, or within 20 working days when that is sooner."
    } else {
        "The first review is within 20 working days of coming into care, as the law says."
    }
}

#[component]
pub fn ReviewPromisePage() -> Html {
    let data = use_get(Some(ep::reviews::Settings::url()));
    let saved = use_state(|| None::<String>);
    let body = match data.get() {
        Remote::Ready(policy) => {
            let save = {
                let (saved, reload) = (saved.clone(), data.reload.clone());
                act(move |v| {
                    let (saved, reload) = (saved.clone(), reload.clone());
                    async move {
                        let body = ReviewSettings {
                            first_review_within_calendar_month: Some(v.get(PROMISE) == YES),
                        };
                        let now = api::save_review_settings(&body).await.map_err(|err| {
                            errors_from(&err, &[("first_review_within_calendar_month", PROMISE)])
                        })?;
                        saved.set(Some(format!(
                            "Saved. {} Every schedule uses it from now.",
                            promise_words(now)
                        )));
                        reload.emit(());
                        Ok(())
                    }
                })
            };
            let today = clock::now().date_naive();
            let by = |p: ReviewPolicy| words::day_with_year(first_review_by(today, p));
            let month = ReviewPolicy {
                first_review_within_calendar_month: true,
            };
            html! {
                <>
                    <section aria-labelledby="now">
                        <h2 id="now">{ "The promise now" }</h2>
                        <p><strong>{ promise_words(policy) }</strong></p>
                        <p>
                            { format!(
                                "For a child coming into care today, the first review would be due by {}.",
                                by(policy)
                            ) }
                        </p>
                    </section>
                    <section aria-labelledby="change">
                        <h2 id="change">{ "Change it" }</h2>
                        <p>
                            { "After the first review, the law sets the rest: the second within 3 months, then at least every 6 months. \
                               A promise can only make a review sooner, never later than the law." }
                        </p>
                        <ActionForm
                            id="review-promise"
                            fields={vec![
                                Field::select(
                                    PROMISE,
                                    "When is the first review due?",
                                    vec![
                                        (NO.into(), format!("Within 20 working days (the law): today, by {}", by(ReviewPolicy::STATUTORY)).into()),
                                        (YES.into(), format!("Within a month, when sooner (Bexley's promise): today, by {}", by(month)).into()),
                                    ],
                                    None,
                                )
                                .value(if policy.first_review_within_calendar_month { YES } else { NO })
                                .hint("Working days skip weekends and bank holidays in England and Wales."),
                            ]}
                            submit="Save the promise"
                            busy="Saving…"
                            act={save}
                        />
                    </section>
                </>
            }
        }
        other => waiting(&other, "the promise", &data.reload).unwrap_or_default(),
    };
    html! {
        <>
            <h1>{ "The review promise" }</h1>
            <p class="lead">
                { "How soon the council promises a child's first review after they come into care. \
                   IROs, social workers and managers see every due date worked out with it." }
            </p>
            <div role="status">
                if let Some(text) = &*saved {
                    <p class="notice-success">{ text }</p>
                }
            </div>
            { body }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn the_promise_only_brings_a_review_sooner() {
        // Coming into care on Friday 20 March 2026: 20 working days skip
        // Good Friday and Easter Monday and end on Tuesday 21 April; a
        // month ends on Monday 20 April, so the promise is sooner.
        let start = d(2026, 3, 20);
        assert_eq!(
            first_review_by(start, ReviewPolicy::STATUTORY),
            d(2026, 4, 21)
        );
        assert_eq!(first_review_by(start, ReviewPolicy::BEXLEY), d(2026, 4, 20));
        for day in 1..=28 {
            let start = d(2026, 1, day);
            assert!(
                first_review_by(start, ReviewPolicy::BEXLEY)
                    <= first_review_by(start, ReviewPolicy::STATUTORY)
            );
        }
    }

    #[test]
    fn each_choice_is_said_in_words() {
        assert!(promise_words(ReviewPolicy::BEXLEY).contains("a month"));
        assert!(promise_words(ReviewPolicy::STATUTORY).contains("20 working days"));
    }
}
