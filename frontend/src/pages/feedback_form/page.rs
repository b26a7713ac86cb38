//! The page itself: loads the form and the draft, and lays out the
//! questions, the choice of readers and the send button.

use super::answers::*;
use super::engine::*;
use super::question::question;
use super::sent::{readers_part, sent_view};
use crate::api::{self, ApiError};
use crate::components::guard::use_me;
use crate::components::help_panel::support_box;
use crate::feedback_drafts::{self as drafts};
use crate::i18n::{t, tf};
use crate::pages::my_review::when_words;
use crate::state::{use_app, Remote};
use crate::text::CHILDLINE_PHONE;
use shared::endpoints::{self as ep, Endpoint};
use shared::reviews::{FeedbackScreen, SupportMessage};
use std::rc::Rc;
use yew::prelude::*;
#[component]
pub fn FeedbackFormPage() -> Html {
    let me = use_me();
    let app = use_app();
    let person: Rc<str> = me
        .as_ref()
        .and_then(|m| m.young_person_id.clone())
        .unwrap_or_default()
        .into();
    let screen = use_state(|| Remote::<Rc<FeedbackScreen>>::Loading);
    let offline_copy = use_state(|| false);
    let round = use_state(|| 0u32);
    let rounds = use_mut_ref(|| 0u32);
    let reload = {
        let (round, rounds) = (round.clone(), rounds.clone());
        Callback::from(move |()| {
            let next = {
                let mut r = rounds.borrow_mut();
                *r += 1;
                *r
            };
            round.set(next);
        })
    };
    let engine = Engine {
        person: person.clone(),
        draft: use_mut_ref(|| None),
        seq: use_mut_ref(|| 0),
        sending: use_mut_ref(|| false),
        status: use_state(|| Status::Quiet),
        error: use_state(|| None),
        sent: use_state(|| None),
        support: use_state(|| None),
        harm_waiting: use_state(|| false),
        redraw: use_force_update(),
        reload: reload.clone(),
    };

    // Load the screen: from the server, or the phone's last copy offline.
    {
        let (engine, screen, offline_copy) = (engine.clone(), screen.clone(), offline_copy.clone());
        use_effect_with(*round, move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let reply = api::fetch(ep::feedback::Screen::url()).await;
                let got = match reply {
                    Ok(r) if r.status == 200 => {
                        match api::decode::<<ep::feedback::Screen as Endpoint>::Response>(
                            200, &r.body,
                        ) {
                            Ok(Some(s)) => {
                                drafts::save_screen(&engine.person, &r.body);
                                Ok((s, false))
                            }
                            // No review booked: nothing to fill in yet.
                            Ok(None) => Err(ApiError::Status { status: 404 }),
                            Err(err) => Err(err),
                        }
                    }
                    Ok(r) => Err(api::decode::<()>(r.status, &r.body)
                        .err()
                        .unwrap_or(ApiError::UnexpectedReply)),
                    Err(ApiError::Offline) => drafts::load_screen(&engine.person)
                        .and_then(|text| api::decode::<FeedbackScreen>(200, &text).ok())
                        .map(|s| (s, true))
                        .ok_or(ApiError::Offline),
                    Err(err) => Err(err),
                };
                match got {
                    Ok((s, offline)) => {
                        engine.start(&s);
                        offline_copy.set(offline);
                        screen.set(Remote::Ready(Rc::new(s)));
                    }
                    Err(err) => screen.set(Remote::Failed(err)),
                }
            });
        });
    }

    // Back online: send or save what is waiting.
    {
        let engine = engine.clone();
        use_effect_with((), move |()| {
            let on_change = Callback::from(move |online: bool| {
                let waiting = engine
                    .draft
                    .borrow()
                    .as_ref()
                    .map(|d| (!d.synced, d.send_queued));
                if online {
                    engine.online_again();
                } else if waiting == Some((true, false)) {
                    engine.status.set(Status::OnPhoneOffline);
                }
            });
            let listener = drafts::on_connection(on_change);
            move || drop(listener)
        });
    }

    let back = html! {
        <p><a href="/my/review">{ t("reviews-back-to-review") }</a></p>
    };
    let screen = match &*screen {
        Remote::Ready(s) => s.clone(),
        Remote::Loading => {
            return html! {
                <>
                    <h1>{ t("reviews-form-title") }</h1>
                    <p class="muted" role="status">{ t("reviews-form-loading") }</p>
                </>
            };
        }
        Remote::Failed(err) if err.is_not_found() => {
            return html! {
                <>
                    <h1>{ t("reviews-form-title") }</h1>
                    <p>{ t("reviews-form-no-review") }</p>
                    { back }
                </>
            };
        }
        Remote::Failed(err) => {
            let retry = reload.reform(|_: MouseEvent| ());
            return html! {
                <>
                    <h1>{ t("reviews-form-title") }</h1>
                    <div class="notice" role="alert">
                        <p>{ err.message() }</p>
                        <button type="button" class="button button-secondary" onclick={retry}>{ t("try-again") }</button>
                    </div>
                    { back }
                </>
            };
        }
    };

    let duty_phone = match &app.council {
        Remote::Ready(Some(c)) => c.duty_phone.clone(),
        _ => String::new(),
    };
    let support = match (&*engine.support, *engine.harm_waiting) {
        (Some(s), _) => Some(support_box(s)),
        (None, true) => Some(support_box(&SupportMessage {
            message: String::new(),
            childline_phone: CHILDLINE_PHONE.to_string(),
            duty_phone,
        })),
        _ => None,
    };

    if let Some(sent) = &*engine.sent {
        return sent_view(&screen, sent, support, back);
    }
    let Some(draft) = engine.draft.borrow().clone() else {
        return html! {};
    };
    let form = &screen.form;
    let chosen = readers(&screen.reader_options, draft.readers.as_deref());

    let send = {
        let engine = engine.clone();
        let none_chosen = chosen.is_empty() && !screen.reader_options.is_empty();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if none_chosen {
                engine.error.set(Some(t("reviews-choose-a-reader")));
                return;
            }
            let engine = engine.clone();
            wasm_bindgen_futures::spawn_local(async move { engine.send().await });
        })
    };
    let status_words = engine.status.key().map(t);
    let queued = *engine.status == Status::Queued;

    let (title, title_lang) = say(form, &form.title);
    let (intro, intro_lang) = say(form, &form.intro);
    let note = form.with_adult.as_deref().map(|n| say(form, n));
    html! {
        <>
            <h1 lang={title_lang} dir={dir_of(title_lang)}>{ title }</h1>
            <p class="lead" lang={intro_lang} dir={dir_of(intro_lang)}>{ intro }</p>
            if let Some((note, note_lang)) = note {
                <p class="notice-info" lang={note_lang} dir={dir_of(note_lang)}>{ note }</p>
            }
            <p>{ tf("reviews-form-for", &[("when", &when_words(&screen.review))]) }</p>
            if *offline_copy {
                <p class="notice-info">{ t("reviews-form-offline-copy") }</p>
            }
            <p class="small">{ t("reviews-form-skip-any") }</p>
            <form class="form fb-form" id="fb-form" onsubmit={send} novalidate=true>
                { for form.questions.iter().map(|q| question(form, q, &draft, &engine)) }
                { readers_part(&screen, &draft, &chosen, &engine) }
                <div class="fb-status" role="status">
                    if let Some(words) = status_words {
                        <p class={if queued { "notice-info" } else { "fb-status-line" }}>{ words }</p>
                    }
                </div>
                <div role="alert">
                    if let Some(err) = &*engine.error {
                        <p class="field-error">{ err }</p>
                    }
                </div>
                <button type="submit" class="button" aria-disabled={(*engine.status == Status::Sending).then_some("true")}>
                    { t(if queued { "reviews-form-send-now" } else { "reviews-form-send" }) }
                </button>
            </form>
            { for support }
            { back }
        </>
    }
}
