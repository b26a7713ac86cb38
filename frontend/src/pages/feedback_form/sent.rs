//! "Who can read this?" before sending, and what the young person sees
//! once it is sent.

use super::answers::*;
use super::engine::*;
use crate::feedback_drafts::LocalDraft;
use crate::i18n::{t, tf};
use crate::pages::my_plan::paragraphs;
use crate::words;
use shared::access::Relationship;
use shared::reviews::{FeedbackScreen, FormVersionView, Question, ReaderOption, SentFeedback};
use wasm_bindgen::JsCast;
use yew::prelude::*;
/// "Who can read this?": the young person's workers to tick, and in words
/// who will see it.
pub(super) fn readers_part(
    screen: &FeedbackScreen,
    d: &LocalDraft,
    chosen: &[&ReaderOption],
    engine: &Engine,
) -> Html {
    let options = screen.reader_options.iter().map(|o| {
        let id = format!("reader-{}", o.staff_id);
        let checked = chosen.iter().any(|c| c.staff_id == o.staff_id);
        let onchange = {
            let engine = engine.clone();
            let all: Vec<String> = screen.reader_options.iter().map(|x| x.staff_id.clone()).collect();
            let defaults: Vec<String> = screen
                .reader_options
                .iter()
                .filter(|x| x.default)
                .map(|x| x.staff_id.clone())
                .collect();
            let staff = o.staff_id.clone();
            Callback::from(move |e: Event| {
                let on = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                    .is_some_and(|i| i.checked());
                let (all, defaults, staff) = (all.clone(), defaults.clone(), staff.clone());
                engine.edit(move |d| {
                    let mut list = d.readers.clone().unwrap_or(defaults);
                    toggle(&mut list, &staff, on);
                    // The options' order, whatever order they were ticked in.
                    list.sort_by_key(|id| all.iter().position(|x| x == id));
                    d.readers = Some(list);
                });
            })
        };
        let label = tf(
            match o.relationship {
                Relationship::Iro => "reviews-reader-iro",
                Relationship::SocialWorker => "reviews-reader-social-worker",
                Relationship::PersonalAdviser => "reviews-reader-personal-adviser",
            },
            &[("name", &o.name)],
        );
        html! {
            <div class="choice" key={o.staff_id.clone()}>
                <input type="checkbox" id={id.clone()} name="readers" value={o.staff_id.clone()} {checked} {onchange} />
                <label for={id}>{ label }</label>
            </div>
        }
    });
    let _ = d;
    html! {
        <fieldset class="fb-question fb-readers">
            <legend class="label fb-prompt">{ t("reviews-readers-title") }</legend>
            if screen.reader_options.is_empty() {
                <p>{ t("reviews-readers-none") }</p>
            } else {
                <p class="field-hint">{ t("reviews-readers-hint") }</p>
                <div class="choices">{ for options }</div>
                <p class="fb-who-sees"><strong>{ who_will_see(chosen) }</strong></p>
                <p class="small">{ t("reviews-who-sees-safety") }</p>
            }
        </fieldset>
    }
}

/// After sending: thanks, who will read it, the kind message if needed,
/// the IRO's answer once the review has happened, and what was sent.
pub(super) fn sent_view(
    screen: &FeedbackScreen,
    sent: &SentFeedback,
    support: Option<Html>,
    back: Html,
) -> Html {
    let readers: Vec<&ReaderOption> = sent.readers.iter().collect();
    let form: &FormVersionView = &screen.form;
    let lang = form_language();
    let answers: Vec<(&Question, Vec<String>)> = form
        .questions
        .iter()
        .filter_map(|q| {
            let a = screen.sent_answers.iter().find(|a| a.question == q.key)?;
            let words = answer_words(q, a, &form.translations, lang);
            (!words.is_empty()).then_some((q, words))
        })
        .collect();
    let (title, title_lang) = say(form, &form.title);
    html! {
        <>
            <h1 lang={title_lang} dir={dir_of(title_lang)}>{ title }</h1>
            <div class="notice-success" id="fb-sent" tabindex="-1">
                <p><strong>{ t("reviews-sent-title") }</strong></p>
                <p>{ tf("reviews-sent-when", &[("when", &words::when_now(sent.submitted_at))]) }</p>
                <p>{ who_will_see(&readers) }</p>
            </div>
            { for support }
            if let Some(y) = &sent.you_said_we_did {
                <section class="answer" aria-labelledby="you-said-we-did">
                    <h2 id="you-said-we-did">{ t("reviews-you-said-we-did") }</h2>
                    { paragraphs(&y.answer) }
                    <p class="muted small">
                        { tf("reviews-answer-by", &[("name", &y.by), ("when", &words::when_now(y.at))]) }
                    </p>
                </section>
            } else {
                <p>{ t("reviews-sent-answer-later") }</p>
            }
            if !answers.is_empty() {
                <section aria-labelledby="what-you-sent">
                    <h2 id="what-you-sent">{ t("reviews-sent-what") }</h2>
                    <dl class="fb-sent-answers">
                        { for answers.into_iter().map(|(q, words)| {
                            let (prompt, prompt_lang) = say(form, &q.prompt);
                            html! {
                            <>
                                <dt lang={prompt_lang} dir={dir_of(prompt_lang)}>{ prompt }</dt>
                                { for words.into_iter().map(|w| html! { <dd>{ w }</dd> }) }
                            </>
                            }
                        }) }
                    </dl>
                </section>
            }
            { back }
        </>
    }
}
