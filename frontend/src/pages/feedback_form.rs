//! The "good for me" form, for a young person's next review. The form is
//! data from the API (questions of four kinds, in the version for their
//! age); every question can be skipped. Answers are kept on the phone as
//! they are typed and on the server when there is a connection (see
//! `feedback_drafts`), so nothing is lost offline, on closing the app or
//! in a crash. "Send" with no connection waits and sends itself once the
//! phone is back online; the same submission id every time means a retry
//! never sends two copies. The young person chooses who reads it and is
//! told in words who will.

use crate::api::{self, ApiError};
use crate::components::guard::use_me;
use crate::feedback_drafts::{self as drafts, LocalDraft, Start};
use crate::i18n::{t, tf};
use crate::pages::my_plan::paragraphs;
use crate::pages::my_review::{support_box, when_words};
use crate::state::{use_app, Remote};
use crate::text::CHILDLINE_PHONE;
use crate::words;
use shared::access::Relationship;
use shared::reviews::{
    form_text, Answer, FeedbackScreen, FormTranslations, FormVersionView, Question, QuestionKind,
    ReaderOption, SaveDraft, SendFeedback, SentFeedback, SupportMessage,
};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Where the answers are, said in the status line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Nothing changed on this visit.
    Quiet,
    /// Kept on the phone; the server's copy is on its way.
    OnPhone,
    /// Kept on the phone with no connection: saved online once back.
    OnPhoneOffline,
    /// The phone would not keep it (full, or a private window).
    NotKept,
    /// On the phone and on the server.
    Saved,
    /// "Send" was pressed with no connection: it sends itself later.
    Queued,
    Sending,
}

impl Status {
    pub fn key(self) -> Option<&'static str> {
        Some(match self {
            Status::Quiet => return None,
            Status::OnPhone => "reviews-status-on-phone",
            Status::OnPhoneOffline => "reviews-status-offline",
            Status::NotKept => "reviews-status-not-kept",
            Status::Saved => "reviews-status-saved",
            Status::Queued => "reviews-status-queued",
            Status::Sending => "reviews-status-sending",
        })
    }
}

/// The answer to one question, made if missing.
pub fn answer_mut<'a>(answers: &'a mut Vec<Answer>, key: &str) -> &'a mut Answer {
    let at = match answers.iter().position(|a| a.question == key) {
        Some(i) => i,
        None => {
            answers.push(Answer {
                question: key.to_string(),
                ..Default::default()
            });
            answers.len() - 1
        }
    };
    &mut answers[at]
}

/// Skipped questions leave no answer behind.
pub fn tidy(answers: &mut Vec<Answer>) {
    answers.retain(|a| !a.is_empty());
}

/// Adds or takes away one key.
pub fn toggle(list: &mut Vec<String>, key: &str, on: bool) {
    list.retain(|k| k != key);
    if on {
        list.push(key.to_string());
    }
}

/// Who will read it: the ones chosen, or the defaults.
pub fn readers<'a>(
    options: &'a [ReaderOption],
    chosen: Option<&[String]>,
) -> Vec<&'a ReaderOption> {
    options
        .iter()
        .filter(|o| match chosen {
            Some(ids) => ids.contains(&o.staff_id),
            None => o.default,
        })
        .collect()
}

fn short_role(r: Relationship) -> String {
    t(match r {
        Relationship::Iro => "reviews-role-iro",
        Relationship::SocialWorker => "reviews-role-social-worker",
        Relationship::PersonalAdviser => "reviews-role-personal-adviser",
    })
}

/// "Chris Evans (your IRO) and Sam Patel (your social worker)".
pub fn names_list(readers: &[&ReaderOption]) -> String {
    let names: Vec<String> = readers
        .iter()
        .map(|r| format!("{} ({})", r.name, short_role(r.relationship)))
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => tf(
            "reviews-list-and",
            &[("first", &rest.join(", ")), ("last", last)],
        ),
    }
}

/// The plain sentence that says who will see the answers.
pub fn who_will_see(readers: &[&ReaderOption]) -> String {
    if readers.is_empty() {
        t("reviews-who-sees-nobody")
    } else {
        tf("reviews-who-sees", &[("names", &names_list(readers))])
    }
}

/// A text of the form (title, question, option ...) as the young person
/// reads it: in their language when the form has it, else the English. The
/// second part is `Some("en-GB")` when English stands in on a page in another
/// language, so the element can say so and a screen reader reads it in an
/// English voice.
pub fn say<'a>(form: &'a FormVersionView, english: &'a str) -> (&'a str, Option<&'static str>) {
    use crate::i18n::{language, Lang};
    let lang = language();
    let text = form.text(form_language(), english);
    let english_stands_in = lang != Lang::En && text == english;
    (text, english_stands_in.then_some(Lang::En.tag()))
}

/// The language in use as the forms' translations name it ("en", "ar").
fn form_language() -> &'static str {
    crate::i18n::language().setting().as_str()
}

/// The direction for a text in `lang` (from [`say`]): English reads left
/// to right even on a right-to-left page.
fn dir_of(lang: Option<&'static str>) -> Option<&'static str> {
    lang.map(|_| "ltr")
}

/// An answer in words, for reading back what was sent, in `lang` where the
/// form's `translations` have the words.
pub fn answer_words(
    q: &Question,
    a: &Answer,
    translations: &FormTranslations,
    lang: &str,
) -> Vec<String> {
    let label =
        |o: &shared::reviews::FormOption| form_text(translations, lang, &o.label).to_string();
    let mut out = Vec::new();
    if let Some(s) = a.scale {
        if let Some(o) = q.option(&s.to_string()) {
            out.push(label(o));
        }
    }
    let picked: Vec<String> = a
        .choices
        .iter()
        .filter_map(|c| q.option(c).map(label))
        .collect();
    if !picked.is_empty() {
        out.push(picked.join(", "));
    }
    if let Some(text) = a.text.as_deref().filter(|t| !t.trim().is_empty()) {
        out.push(text.to_string());
    }
    out
}

/// A face to tap: drawn, so it needs no emoji font; the words beside it
/// carry the meaning.
pub fn face(picture: &str) -> Html {
    let (mouth, filled) = match picture {
        "very_sad" => ("M15 37 Q24 27 33 37", false),
        "sad" => ("M16 35 Q24 30 32 35", false),
        "okay" => ("M16 33 L32 33", false),
        "happy" => ("M16 30 Q24 37 32 30", false),
        _ => ("M14 28 Q24 42 34 28 Z", true),
    };
    html! {
        <svg class={classes!("fb-face-art", format!("fb-face-{picture}"))} viewBox="0 0 48 48" width="48" height="48" aria-hidden="true" focusable="false">
            <circle class="fb-face-head" cx="24" cy="24" r="21" />
            <circle class="fb-face-eye" cx="17" cy="19" r="2.5" />
            <circle class="fb-face-eye" cx="31" cy="19" r="2.5" />
            if picture == "very_sad" {
                <path class="fb-face-tear" d="M15 24 q-2 4 0 5 q2 -1 0 -5 z" />
            }
            <path class={if filled { "fb-face-mouth fb-face-mouth-open" } else { "fb-face-mouth" }} d={mouth} />
        </svg>
    }
}

/// The draft, the status and the calls that save and send it, shared by
/// every handler on the page (the online listener too).
#[derive(Clone)]
struct Engine {
    person: Rc<str>,
    draft: Rc<RefCell<Option<LocalDraft>>>,
    /// Bumped on every change: a server save answers for one version only.
    seq: Rc<RefCell<u32>>,
    sending: Rc<RefCell<bool>>,
    status: UseStateHandle<Status>,
    error: UseStateHandle<Option<String>>,
    sent: UseStateHandle<Option<Rc<SentFeedback>>>,
    support: UseStateHandle<Option<SupportMessage>>,
    /// Words that suggest harm in answers waiting to send.
    harm_waiting: UseStateHandle<bool>,
    redraw: UseForceUpdateHandle,
    reload: Callback<()>,
}

impl Engine {
    /// A change to the answers: kept on the phone now, on the server soon.
    fn edit(&self, change: impl FnOnce(&mut LocalDraft)) {
        let kept = {
            let mut slot = self.draft.borrow_mut();
            let Some(d) = slot.as_mut() else { return };
            change(d);
            tidy(&mut d.answers);
            d.synced = false;
            drafts::save(&self.person, d)
        };
        *self.seq.borrow_mut() += 1;
        self.status.set(if !kept {
            Status::NotKept
        } else if drafts::online() {
            Status::OnPhone
        } else {
            Status::OnPhoneOffline
        });
        self.redraw.force_update();
        self.sync_soon();
    }

    /// Saves to the server once typing pauses.
    fn sync_soon(&self) {
        let (me, ticket) = (self.clone(), *self.seq.borrow());
        wasm_bindgen_futures::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(700).await;
            if *me.seq.borrow() == ticket {
                me.sync().await;
            }
        });
    }

    /// The server's copy of the draft, if the phone has changes it lacks.
    async fn sync(&self) {
        let body = self
            .draft
            .borrow()
            .as_ref()
            .filter(|d| !d.synced && !d.send_queued)
            .map(|d| SaveDraft {
                review_id: d.review_id.clone(),
                form_id: d.form_id.clone(),
                answers: drafts::non_empty(&d.answers),
                readers: d.readers.clone(),
            });
        let Some(body) = body else { return };
        if !drafts::online() {
            self.status.set(Status::OnPhoneOffline);
            return;
        }
        let ticket = *self.seq.borrow();
        match api::save_feedback_draft(&body).await {
            Ok(view) => {
                if *self.seq.borrow() != ticket {
                    return;
                }
                if let Some(d) = self.draft.borrow_mut().as_mut() {
                    d.synced = true;
                    d.server_saved_at = Some(view.updated_at.to_rfc3339());
                    drafts::save(&self.person, d);
                }
                let queued = self.draft.borrow().as_ref().is_some_and(|d| d.send_queued);
                if !queued {
                    self.status.set(Status::Saved);
                }
                self.error.set(None);
            }
            Err(ApiError::Offline) => self.status.set(Status::OnPhoneOffline),
            // Sent already (from another phone): show that instead.
            Err(err) if err.status() == Some(409) => self.reload.emit(()),
            Err(err) => {
                self.status.set(Status::OnPhone);
                self.error.set(Some(err.message()));
            }
        }
    }

    /// "Send": remembered on the phone first, so it is sent however the
    /// page ends; sent now if there is a connection.
    async fn send(&self) {
        if *self.sending.borrow() {
            return;
        }
        let body = {
            let mut slot = self.draft.borrow_mut();
            let Some(d) = slot.as_mut() else { return };
            d.send_queued = true;
            drafts::save(&self.person, d);
            SendFeedback {
                submission_id: d.submission_id.clone(),
                review_id: d.review_id.clone(),
                form_id: d.form_id.clone(),
                answers: drafts::non_empty(&d.answers),
                readers: d.readers.clone(),
            }
        };
        self.error.set(None);
        let harm = body
            .answers
            .iter()
            .filter_map(|a| a.text.as_deref())
            .any(|t| !shared::text_checks::find_harm(t).is_empty());
        if !drafts::online() {
            self.status.set(Status::Queued);
            self.harm_waiting.set(harm);
            self.redraw.force_update();
            return;
        }
        *self.sending.borrow_mut() = true;
        self.status.set(Status::Sending);
        let result = api::send_feedback(&body).await;
        *self.sending.borrow_mut() = false;
        match result {
            Ok(sent) => {
                drafts::remove(&self.person, &body.form_id);
                *self.draft.borrow_mut() = None;
                self.support.set(sent.support.clone());
                self.harm_waiting.set(false);
                self.sent.set(Some(Rc::new(sent)));
                self.status.set(Status::Quiet);
                // The screen again, with what was sent, as the server keeps it.
                self.reload.emit(());
                crate::components::form::focus_soon("fb-sent".to_string());
            }
            Err(ApiError::Offline) => {
                self.status.set(Status::Queued);
                self.harm_waiting.set(harm);
            }
            Err(err) => {
                if let Some(d) = self.draft.borrow_mut().as_mut() {
                    d.send_queued = false;
                    drafts::save(&self.person, d);
                }
                if err.status() == Some(409) {
                    // Already sent for this review: the page shows what.
                    self.reload.emit(());
                    return;
                }
                self.status.set(Status::OnPhone);
                self.error.set(Some(err.message()));
                self.redraw.force_update();
            }
        }
    }

    /// Back online: send what is waiting, or save what the server lacks.
    fn online_again(&self) {
        let (queued, unsynced) = self
            .draft
            .borrow()
            .as_ref()
            .map_or((false, false), |d| (d.send_queued, !d.synced));
        let me = self.clone();
        if queued {
            wasm_bindgen_futures::spawn_local(async move { me.send().await });
        } else if unsynced {
            wasm_bindgen_futures::spawn_local(async move { me.sync().await });
        }
    }

    /// The form screen has come (from the server, or the phone's copy when
    /// offline): start from the right copy of the answers.
    fn start(&self, screen: &FeedbackScreen) {
        let form_id = screen.form.id.as_str();
        if let Some(sent) = &screen.sent {
            drafts::remove(&self.person, form_id);
            *self.draft.borrow_mut() = None;
            self.sent.set(Some(Rc::new(sent.clone())));
            self.support.set(sent.support.clone());
            return;
        }
        let local = drafts::load(&self.person, form_id);
        let review = screen.review.id.as_str();
        let draft = match drafts::choose(local.as_ref(), screen.draft.as_ref(), review) {
            Start::Local => local.unwrap_or_else(|| LocalDraft::new(review, form_id)),
            Start::Server => {
                let server = screen.draft.clone();
                let mut d = local
                    .filter(|l| l.review_id == review)
                    .unwrap_or_else(|| LocalDraft::new(review, form_id));
                if let Some(s) = server {
                    d.answers = s.answers;
                    d.readers = s.readers;
                    d.synced = true;
                    d.send_queued = false;
                    d.server_saved_at = Some(s.updated_at.to_rfc3339());
                }
                drafts::save(&self.person, &d);
                d
            }
            Start::Empty => LocalDraft::new(review, form_id),
        };
        let (queued, unsynced) = (draft.send_queued, !draft.synced);
        *self.draft.borrow_mut() = Some(draft);
        self.sent.set(None);
        if queued {
            self.status.set(Status::Queued);
        } else if unsynced {
            self.status.set(Status::OnPhone);
        }
        if drafts::online() && (queued || unsynced) {
            self.online_again();
        }
    }
}

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
                let reply = api::fetch(api::MY_FEEDBACK).await;
                let got = match reply {
                    Ok(r) if r.status == 200 => {
                        match api::decode::<Option<FeedbackScreen>>(200, &r.body) {
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

/// Everything about one question: its prompt, help, the answer controls,
/// and a way to take an answer back, in the young person's language.
fn question(form: &FormVersionView, q: &Question, d: &LocalDraft, engine: &Engine) -> Html {
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

/// "Who can read this?": the young person's workers to tick, and in words
/// who will see it.
fn readers_part(
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
fn sent_view(
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use shared::reviews::{faces, FormOption};

    fn reader(id: &str, name: &str, relationship: Relationship, default: bool) -> ReaderOption {
        ReaderOption {
            staff_id: id.into(),
            name: name.into(),
            relationship,
            default,
        }
    }

    #[test]
    fn answers_are_made_when_touched_and_dropped_when_empty() {
        let mut answers = vec![];
        answer_mut(&mut answers, "home").scale = Some(4);
        answer_mut(&mut answers, "better").text = Some("More visits".into());
        answer_mut(&mut answers, "home").text = Some("I like my room".into());
        assert_eq!(answers.len(), 2);
        assert_eq!(answers[0].scale, Some(4));
        answer_mut(&mut answers, "better").text = Some(String::new());
        answer_mut(&mut answers, "who");
        tidy(&mut answers);
        assert_eq!(answers.len(), 1);
        let mut list = vec!["a".to_string()];
        toggle(&mut list, "b", true);
        toggle(&mut list, "a", false);
        toggle(&mut list, "b", true);
        assert_eq!(list, vec!["b"]);
    }

    #[test]
    fn the_readers_are_the_defaults_until_the_young_person_chooses() {
        let options = vec![
            reader("iro", "Chris Evans", Relationship::Iro, true),
            reader("sw", "Sam Patel", Relationship::SocialWorker, true),
            reader("pa", "Jo Okafor", Relationship::PersonalAdviser, false),
        ];
        let names =
            |r: Vec<&ReaderOption>| r.iter().map(|o| o.staff_id.clone()).collect::<Vec<_>>();
        assert_eq!(names(readers(&options, None)), vec!["iro", "sw"]);
        let chosen = vec!["pa".to_string()];
        assert_eq!(names(readers(&options, Some(&chosen))), vec!["pa"]);
        assert!(readers(&options, Some(&[])).is_empty());
        let two = readers(&options, None);
        assert_eq!(
            who_will_see(&two),
            "Only Chris Evans (your IRO) and Sam Patel (your social worker) will see your answers. They will read them before your review."
        );
        let three = readers(&options, Some(&["iro".into(), "sw".into(), "pa".into()]));
        assert!(names_list(&three)
            .starts_with("Chris Evans (your IRO), Sam Patel (your social worker) and Jo Okafor"));
        assert!(who_will_see(&[]).starts_with("Nobody is chosen"));
    }

    #[test]
    fn sent_answers_read_back_in_words() {
        let q = Question {
            key: "home".into(),
            kind: QuestionKind::Faces,
            prompt: "How do you feel about where you live?".into(),
            help: None,
            picture: None,
            emoji: None,
            priority: None,
            commitment: None,
            options: faces(["Really unhappy", "Unhappy", "OK", "Happy", "Really happy"]),
            allow_comment: true,
            max_chars: None,
        };
        let a = Answer {
            question: "home".into(),
            scale: Some(5),
            choices: vec![],
            text: Some("I like my room.".into()),
        };
        let none = FormTranslations::new();
        assert_eq!(
            answer_words(&q, &a, &none, "en"),
            vec!["Really happy", "I like my room."]
        );
        // Read back in Arabic where the form has the words; the young
        // person's own words stay as they wrote them.
        let arabic = FormTranslations::from([(
            "ar".to_string(),
            [("Really happy".to_string(), "سعيد جدًا".to_string())].into(),
        )]);
        assert_eq!(
            answer_words(&q, &a, &arabic, "ar"),
            vec!["سعيد جدًا", "I like my room."]
        );
        assert_eq!(answer_words(&q, &a, &arabic, "en")[0], "Really happy");
        let who = Question {
            key: "who".into(),
            kind: QuestionKind::ManyChoices,
            options: vec![
                FormOption {
                    key: "carer".into(),
                    label: "My carer".into(),
                    picture: None,
                    emoji: None,
                },
                FormOption {
                    key: "mum".into(),
                    label: "Mum".into(),
                    picture: None,
                    emoji: None,
                },
            ],
            allow_comment: false,
            ..q
        };
        let a = Answer {
            question: "who".into(),
            choices: vec!["mum".into(), "carer".into()],
            ..Default::default()
        };
        assert_eq!(answer_words(&who, &a, &arabic, "ar"), vec!["Mum, My carer"]);
    }

    #[test]
    fn the_form_reads_in_the_young_persons_language_or_in_marked_english() {
        use crate::i18n::{in_language, Lang};
        let form = FormVersionView {
            id: "v1".into(),
            key: shared::reviews::FormKey::From8To11,
            version: 1,
            title: "My review: what I think".into(),
            intro: "Tell your IRO what you think.".into(),
            with_adult: None,
            questions: vec![],
            published_at: chrono::DateTime::<chrono::Utc>::default(),
            translations: FormTranslations::from([(
                "ar".to_string(),
                [(
                    "My review: what I think".to_string(),
                    "مراجعتي: ما رأيي".to_string(),
                )]
                .into(),
            )]),
        };
        in_language(Lang::Ar, || {
            assert_eq!(say(&form, &form.title), ("مراجعتي: ما رأيي", None));
            // Not translated yet: English, marked as English.
            assert_eq!(
                say(&form, &form.intro),
                ("Tell your IRO what you think.", Some("en-GB"))
            );
        });
        in_language(Lang::En, || {
            assert_eq!(say(&form, &form.title), ("My review: what I think", None));
        });
    }

    #[test]
    fn every_status_has_words() {
        for s in [
            Status::OnPhone,
            Status::OnPhoneOffline,
            Status::NotKept,
            Status::Saved,
            Status::Queued,
            Status::Sending,
        ] {
            let key = s.key().unwrap();
            assert_ne!(t(key), key, "{key} has no English");
        }
        assert!(t("reviews-status-on-phone").starts_with("Saved on this phone"));
        assert_eq!(Status::Quiet.key(), None);
    }
}
