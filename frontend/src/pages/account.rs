//! "My account", for everyone: who I am, change my password, where I am
//! signed in, sign out. A young person also sees who has looked at their
//! records, in plain words.

use crate::api;
use crate::components::form::{act, errors_from, focus_soon, ActionForm, Field, FieldError, Kind};
use crate::components::guard::use_me;
use crate::hooks::{use_get, waiting};
use crate::i18n::{self, t, tf, words_for, Lang};
use crate::pages::activate::password_hint;
use crate::route::Route;
use crate::state::{use_app, Action, AppContext, Flash, Remote};
use crate::text::raw_t;
use crate::words;
use shared::access::{can, Ability};
use shared::accounts::{password_rules, AccessEntry, Me};
use shared::endpoints as ep;
use shared::limits::{PROFILE_ABOUT_MAX_CHARS, PROFILE_CONTACT_MAX_CHARS};
use shared::people::Role;
use shared::plans::StaffProfile;
use yew::prelude::*;
use yew_router::prelude::*;

/// How many "who looked" lines to show before "Show more".
const FIRST_VIEWS: usize = 10;
const CURRENT: &str = "current-password";
const ABOUT: &str = "profile-about";
const HOW: &str = "profile-how";
const WHEN: &str = "profile-when";
const NEW: &str = "new-password";

#[component]
pub fn AccountPage() -> Html {
    let me = use_me();
    let app = use_app();
    let navigator = use_navigator();
    let young = me.as_ref().is_some_and(|m| m.role == Role::YoungPerson);
    let sessions = use_get(Some(ep::me::ListSessions::url()));
    let views = use_get(young.then(ep::me::RecordViews::url));
    let show_all = use_state(|| false);
    let status = use_state(|| None::<String>);
    let changed = use_state(|| false);
    let profile_saved = use_state(|| false);
    // Staff: the form opens with what they wrote before.
    let profile = use_get(
        me.as_ref()
            .filter(|m| can(m.role, Ability::EditOwnProfile))
            .map(|_| ep::plans::MyProfile::url()),
    );
    let language_problem = use_state(|| None::<String>);
    let app_for_language = app.clone();
    let Some(me) = me else { return html! {} };

    let change_password = {
        let (reload, changed) = (sessions.reload.clone(), changed.clone());
        let username = me.username.clone();
        act(move |v| {
            let (reload, changed, username) = (reload.clone(), changed.clone(), username.clone());
            async move {
                let (current, new) = (v.get(CURRENT), v.get(NEW));
                if let Some(p) = password_rules::problem(&new, &username) {
                    return Err(vec![FieldError::at(NEW, words_for("server-", p))]);
                }
                api::change_password(&current, &new).await.map_err(|err| {
                    errors_from(
                        &err,
                        &[("current_password", CURRENT), ("new_password", NEW)],
                    )
                })?;
                changed.set(true);
                reload.emit(());
                Ok(())
            }
        })
    };
    let sign_out = act(move |_| {
        let (app, navigator) = (app.clone(), navigator.clone());
        async move {
            match api::logout().await {
                Ok(()) => {
                    sign_out_here(&app, navigator.as_ref());
                    Ok(())
                }
                Err(err) => Err(vec![FieldError::form(tf(
                    "account-sign-out-failed",
                    &[("why", &err.message())],
                ))]),
            }
        }
    });

    let sessions_list = match &sessions.list() {
        Remote::Ready(list) => {
            // This device first.
            let ordered = list
                .iter()
                .filter(|s| s.current)
                .chain(list.iter().filter(|s| !s.current));
            html! {
                <ul class="sessions">
                    { for ordered.map(|s| {
                        let signed_in = words::when_now(s.created_at);
                        let used = words::when_now(s.last_used_at);
                        let end = {
                            let (id, device, reload, status) =
                                (s.id.clone(), s.device.clone(), sessions.reload.clone(), status.clone());
                            act(move |_| {
                                let (id, device, reload, status) =
                                    (id.clone(), device.clone(), reload.clone(), status.clone());
                                async move {
                                    api::end_session(&id).await.map_err(|e| errors_from(&e, &[]))?;
                                    status.set(Some(tf("account-device-signed-out", &[("device", &device)])));
                                    reload.emit(());
                                    Ok(())
                                }
                            })
                        };
                        html! {
                            <li key={s.id.clone()} class="session">
                                <p class="session-device">
                                    <strong>{ &s.device }</strong>
                                    if s.current {
                                        { " " }<span class="tag">{ t("account-this-device") }</span>
                                    }
                                </p>
                                <p class="session-when">{ tf("account-session-when", &[("signed_in", &signed_in), ("used", &used)]) }</p>
                                if !s.current {
                                    <ActionForm
                                        id={format!("end-session-{}", s.id)}
                                        submit={t("account-sign-out")}
                                        busy={t("account-signing-out")}
                                        submit_more={format!(" {}", tf("account-session-more", &[("device", &s.device), ("signed_in", &signed_in)]))}
                                        button_class="button button-secondary"
                                        act={end}
                                    />
                                }
                            </li>
                        }
                    }) }
                </ul>
            }
        }
        other => {
            waiting(other, &t("account-loading-sessions"), &sessions.reload).unwrap_or_default()
        }
    };

    let views_list = match &views.list() {
        Remote::Ready(list) if list.is_empty() => html! {
            <p>{ t("account-nobody-looked") }</p>
        },
        Remote::Ready(list) => {
            let shown = if *show_all {
                list.len()
            } else {
                FIRST_VIEWS.min(list.len())
            };
            let more = {
                let show_all = show_all.clone();
                Callback::from(move |_| show_all.set(true))
            };
            html! {
                <>
                    <ul class="views">
                        { for list.iter().take(shown).map(|v| html! {
                            <li>
                                <span class="views-when">{ words::sentence(&words::when_now(v.at)) }</span>
                                <span class="views-text">{ view_line(v) }</span>
                            </li>
                        }) }
                    </ul>
                    if shown < list.len() {
                        <button type="button" class="button button-secondary" onclick={more}>
                            { tf("account-show-more", &[("n", &(list.len() - shown).to_string())]) }
                        </button>
                    }
                </>
            }
        }
        other => waiting(other, &t("account-loading-views"), &views.reload).unwrap_or_default(),
    };

    let about_me = if let Remote::Ready(Some(mine)) = profile.maybe() {
        let save = {
            let saved = profile_saved.clone();
            act(move |v| {
                let saved = saved.clone();
                async move {
                    saved.set(false);
                    let profile = StaffProfile {
                        about_me: v.get(ABOUT).trim().to_string(),
                        contact_how: v.get(HOW).trim().to_string(),
                        contact_when: v.get(WHEN).trim().to_string(),
                    };
                    api::save_profile(&profile).await.map_err(|err| {
                        errors_from(
                            &err,
                            &[
                                ("about_me", ABOUT),
                                ("contact_how", HOW),
                                ("contact_when", WHEN),
                            ],
                        )
                    })?;
                    saved.set(true);
                    Ok(())
                }
            })
        };
        html! {
            <section aria-labelledby="about-me">
                <h2 id="about-me">{ "About me, for young people" }</h2>
                <p>
                    { "The young people you work with see this on their \u{201c}My people\u{201d} page, with your name and what you do. \
                       Write it to them, in plain words. Saving replaces what you wrote before." }
                </p>
                <div role="status">
                    if *profile_saved {
                        <p class="notice-success">{ "Saved. The young people you work with can see it now." }</p>
                    }
                </div>
                <ActionForm
                    id="profile-form"
                    fields={vec![
                        Field::new(ABOUT, "About me", Kind::TextArea)
                            .hint("Such as what you like doing, and what you can help with.")
                            .required("Write something about you.")
                            .max(PROFILE_ABOUT_MAX_CHARS as u32)
                            .value(mine.about_me),
                        Field::new(HOW, "How to reach me (optional)", Kind::Text)
                            .hint("Such as: call or text my work phone, 07700 900123.")
                            .max(PROFILE_CONTACT_MAX_CHARS as u32)
                            .value(mine.contact_how),
                        Field::new(WHEN, "When to reach me (optional)", Kind::Text)
                            .hint("Such as: Monday to Friday, 9am to 5pm.")
                            .max(PROFILE_CONTACT_MAX_CHARS as u32)
                            .value(mine.contact_when),
                    ]}
                    submit="Save about me"
                    busy="Saving…"
                    act={save}
                />
            </section>
        }
    } else {
        html! {}
    };

    html! {
        <>
            <h1>{ t("account-title") }</h1>
            { who_i_am(&me) }
            { language_choice(&app_for_language, &language_problem) }
            { about_me }
            if young {
                <section aria-labelledby="who-looked">
                    <h2 id="who-looked">{ t("account-who-looked") }</h2>
                    <p>{ t("account-who-looked-text") }</p>
                    { views_list }
                    { raw_t("account-worries-html") }
                </section>
            }
            <section aria-labelledby="change-password">
                <h2 id="change-password">{ t("account-change-password") }</h2>
                <div role="status">
                    if *changed {
                        <p class="notice-success">{ t("account-password-changed") }</p>
                    }
                </div>
                <ActionForm
                    id="change-password-form"
                    fields={vec![
                        Field::new(CURRENT, t("account-password-now"), Kind::Password)
                            .autocomplete("current-password")
                            .required(t("account-type-password-now")),
                        Field::new(NEW, t("account-new-password"), Kind::NewPassword { username: me.username.clone().into() })
                            .hint(password_hint())
                            .autocomplete("new-password"),
                    ]}
                    submit={t("account-change-password-button")}
                    busy={t("account-changing-password")}
                    act={change_password}
                    reset=true
                />
            </section>
            <section aria-labelledby="where-signed-in">
                <h2 id="where-signed-in">{ t("account-where-signed-in") }</h2>
                <p>{ t("account-where-signed-in-text") }</p>
                <div role="status">
                    if let Some(text) = &*status {
                        <p class="notice-success">{ text }</p>
                    }
                </div>
                { sessions_list }
            </section>
            <section aria-labelledby="sign-out">
                <h2 id="sign-out">{ t("account-sign-out") }</h2>
                <p>{ t("account-sign-out-text") }</p>
                <ActionForm id="sign-out-form" submit={t("account-sign-out")} busy={t("account-signing-out")} act={sign_out} />
            </section>
        </>
    }
}

/// The heading of "Language", and the message after a change: focus goes
/// there, as the page is drawn again in the new language.
const LANGUAGE_HEADING: &str = "language";
const LANGUAGE_SAVED: &str = "language-saved";

/// "Language": the app's words, saved on the server so they follow the
/// person to every phone they sign in on. Each language is named in its own
/// words, as people look for their own.
fn language_choice(app: &AppContext, problem: &UseStateHandle<Option<String>>) -> Html {
    let saved = app
        .flash
        .as_ref()
        .filter(|f| f.route == Route::Account)
        .map(|f| f.text.clone());
    let button = |lang: Lang| {
        let current = app.language == lang;
        let onclick = {
            let (app, problem) = (app.clone(), problem.clone());
            Callback::from(move |_| {
                if app.language == lang {
                    return;
                }
                let (app, problem) = (app.clone(), problem.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    match api::save_language(lang.setting()).await {
                        Ok(()) => {
                            let text = i18n::in_language(lang, || t("account-language-saved"));
                            app.dispatch(Action::ShowFlash(Flash {
                                route: Route::Account,
                                text,
                            }));
                            app.dispatch(Action::ChooseLanguage(lang));
                            focus_soon(LANGUAGE_SAVED.to_string());
                        }
                        Err(err) => problem.set(Some(tf(
                            "account-language-failed",
                            &[("why", &err.message())],
                        ))),
                    }
                });
            })
        };
        html! {
            <button
                type="button"
                class={if current { "button" } else { "button button-secondary" }}
                lang={lang.tag()}
                aria-pressed={if current { "true" } else { "false" }}
                {onclick}
            >
                { lang.own_name() }
            </button>
        }
    };
    html! {
        <section aria-labelledby={LANGUAGE_HEADING}>
            <h2 id={LANGUAGE_HEADING}>{ t("account-language") }</h2>
            <p>{ t("account-language-text") }</p>
            <div role="status">
                if let Some(text) = saved {
                    <p class="notice-success" id={LANGUAGE_SAVED} tabindex="-1">{ text }</p>
                }
            </div>
            if let Some(p) = &**problem {
                <div class="notice" role="alert"><p>{ p }</p></div>
            }
            <div class="actions actions-tight" role="group" aria-labelledby={LANGUAGE_HEADING}>
                { for Lang::ALL.into_iter().map(button) }
            </div>
        </section>
    }
}

/// One line of "Who has looked at my records", in the young person's
/// language, from the parts the server sends.
pub fn view_line(v: &AccessEntry) -> String {
    if v.basis.is_empty() {
        // A server from before the parts were sent.
        return v.text.clone();
    }
    let who = t(match v.basis.as_str() {
        "allocated_social_worker" => "account-view-social-worker",
        "allocated_personal_adviser" => "account-view-personal-adviser",
        "allocated_iro" => "account-view-iro",
        "team_manager" => "account-view-manager",
        "break_glass" => "account-view-emergency",
        _ => "account-view-someone-who-runs",
    });
    let name = if v.name.is_empty() {
        t("account-view-someone")
    } else {
        v.name.clone()
    };
    let what = shared::access::Action::ALL
        .into_iter()
        .find(|a| a.as_str() == v.action)
        .map_or_else(
            || t("account-view-changed"),
            |a| words_for("views-what-", a.plain()),
        );
    tf(
        "account-view-line",
        &[("who", &who), ("name", &name), ("what", &what)],
    )
}

fn who_i_am(me: &Me) -> Html {
    let young = me.role == Role::YoungPerson;
    let category = me
        .care_leaver_category
        .and_then(words::category_for_young_person);
    html! {
        <section aria-labelledby="who-i-am">
            <h2 id="who-i-am">{ if young { t("account-about-you") } else { t("account-who-signed-in") } }</h2>
            <dl class="facts">
                <div><dt>{ t("account-name") }</dt><dd>{ &me.display_name }</dd></div>
                <div><dt>{ t("account-username") }</dt><dd>{ &me.username }</dd></div>
                if !young {
                    <div><dt>{ t("account-role") }</dt><dd>{ words::role(me.role) }</dd></div>
                }
                <div><dt>{ t("account-council") }</dt><dd>{ &me.council }</dd></div>
            </dl>
            if let Some(text) = category {
                <p>{ text }</p>
            }
        </section>
    }
}

/// After the server has ended the session: home, with a message, signed
/// out. The page changes first, so a signed-in-only page does not send the
/// person to "Sign in" on its way out.
pub fn sign_out_here(app: &AppContext, navigator: Option<&Navigator>) {
    // Said in the language the app goes back to (the phone's).
    let text = i18n::in_language(app.device_language, || t("account-signed-out"));
    app.dispatch(Action::ShowFlash(Flash {
        route: Route::Home,
        text,
    }));
    if let Some(nav) = navigator {
        nav.push(&Route::Home);
    }
    app.dispatch(Action::SignedOut);
}
