//! One question of the form: its prompt, help and answer controls, in
//! the young person's language.

use super::answers::*;
use super::engine::*;
use crate::feedback_drafts::LocalDraft;
use crate::i18n::t;
use shared::reviews::{FormVersionView, Question, QuestionKind};
use wasm_bindgen::JsCast;
use yew::prelude::*;
/// Everything about one question: its prompt, help, the answer controls,
/// and a way to take an answer back, in the young person's language.
pub(super) fn question(
    form: &FormVersionView,
    q: &Question,
    d: &LocalDraft,
    engine: &Engine,
) -> Html {
    let key = q.key.clone();
    let current = d.answers.iter().find(|a| a.question == q.key);
    let prompt_id = format!("q-{}", q.key);
    let hint_id = format!("q-{}-hint", q.key);
    let (prompt, prompt_lang) = say(form, &q.prompt);
    let help = q.help.as_deref().map(|h| {
        let (h, lang) = say(form, h);
        html! {
            <p class="field-hint" id={hint_id.clone()} {lang} dir={dir_of(lang)}>{ h }</p>
        }
    });
    let describedby = q.help.is_some().then(|| hint_id.clone());
    let limit = q.text_limit().to_string();
    let text_now = current.and_then(|a| a.text.clone()).unwrap_or_default();
    let on_text = {
        let (engine, key) = (engine.clone(), key.clone());
        Callback::from(move |e: InputEvent| {
            let Some(value) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
                .map(|t| t.value())
            else {
                return;
            };
            let key = key.clone();
            engine.edit(move |d| {
                answer_mut(&mut d.answers, &key).text = Some(value);
            });
        })
    };
    if q.kind == QuestionKind::Text {
        return html! {
            <div class="field fb-question" key={q.key.clone()}>
                <label class="label fb-prompt" for={prompt_id.clone()} lang={prompt_lang} dir={dir_of(prompt_lang)}>{ prompt }</label>
                { for help }
                <textarea
                    id={prompt_id}
                    name={q.key.clone()}
                    class="input textarea"
                    rows="4"
                    maxlength={limit}
                    aria-describedby={describedby}
                    value={text_now}
                    oninput={on_text}
                />
            </div>
        };
    }
    let many = q.kind == QuestionKind::ManyChoices;
    let faces = q.kind == QuestionKind::Faces;
    let options = q.options.iter().map(|o| {
        let id = format!("q-{}-{}", q.key, o.key);
        let (label, label_lang) = say(form, &o.label);
        let checked = current.is_some_and(|a| {
            if faces {
                a.scale.map(|s| s.to_string()) == Some(o.key.clone())
            } else {
                a.choices.contains(&o.key)
            }
        });
        let onchange = {
            let (engine, key, option) = (engine.clone(), key.clone(), o.key.clone());
            Callback::from(move |e: Event| {
                let on = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                    .is_some_and(|i| i.checked());
                let (key, option) = (key.clone(), option.clone());
                engine.edit(move |d| {
                    let a = answer_mut(&mut d.answers, &key);
                    if faces {
                        a.scale = option.parse().ok();
                    } else if many {
                        toggle(&mut a.choices, &option, on);
                    } else {
                        a.choices = vec![option];
                    }
                });
            })
        };
        html! {
            <div class={if faces { "fb-face" } else { "choice" }} key={o.key.clone()}>
                <input
                    type={if many { "checkbox" } else { "radio" }}
                    id={id.clone()}
                    name={q.key.clone()}
                    value={o.key.clone()}
                    {checked}
                    {onchange}
                />
                <label for={id}>
                    if faces {
                        { face(o.picture.as_deref().unwrap_or("okay")) }
                    }
                    <span lang={label_lang} dir={dir_of(label_lang)}>{ label }</span>
                </label>
            </div>
        }
    });
    let answered = current.is_some_and(|a| a.scale.is_some() || !a.choices.is_empty());
    let clear = {
        let (engine, key) = (engine.clone(), key.clone());
        Callback::from(move |_| {
            let key = key.clone();
            engine.edit(move |d| {
                let a = answer_mut(&mut d.answers, &key);
                a.scale = None;
                a.choices.clear();
            });
        })
    };
    let comment_id = format!("q-{}-comment", q.key);
    html! {
        <fieldset class="fb-question" key={q.key.clone()} aria-describedby={describedby}>
            <legend class="label fb-prompt" lang={prompt_lang} dir={dir_of(prompt_lang)}>{ prompt }</legend>
            { for help }
            <div class={if faces { "fb-faces" } else { "choices" }}>
                { for options }
            </div>
            if answered {
                <button type="button" class="button-link" onclick={clear}>
                    { t("reviews-form-clear") }
                    <span class="visually-hidden" lang={prompt_lang}>{ format!(": {prompt}") }</span>
                </button>
            }
            if q.allow_comment {
                <div class="field fb-comment">
                    <label class="label-light" for={comment_id.clone()}>{ t("reviews-form-comment") }</label>
                    <textarea
                        id={comment_id}
                        name={format!("{}-comment", q.key)}
                        class="input textarea"
                        rows="2"
                        maxlength={limit}
                        value={text_now}
                        oninput={on_text}
                    />
                </div>
            }
        </fieldset>
    }
}
