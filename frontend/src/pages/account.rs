//! "My account", for everyone: who I am, change my password, where I am
//! signed in, sign out. A young person also sees who has looked at their
//! records, in plain words.

use crate::api;
use crate::components::form::{act, errors_from, ActionForm, Field, FieldError, Kind};
use crate::components::guard::use_me;
use crate::hooks::{use_get, waiting};
use crate::pages::activate::PASSWORD_HINT;
use crate::route::Route;
use crate::state::{use_app, Action, AppContext, Flash, Remote};
use crate::text::raw;
use crate::words;
use shared::access::{can, Ability};
use shared::accounts::{password_rules, AccessEntry, Me, SessionInfo};
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
    let sessions = use_get(Some(api::SESSIONS.to_string()));
    let views = use_get(young.then(|| api::RECORD_VIEWS.to_string()));
    let show_all = use_state(|| false);
    let status = use_state(|| None::<String>);
    let changed = use_state(|| false);
    let profile_saved = use_state(|| false);
    let Some(me) = me else { return html! {} };

    let change_password = {
        let (reload, changed) = (sessions.reload.clone(), changed.clone());
        let username = me.username.clone();
        act(move |v| {
            let (reload, changed, username) = (reload.clone(), changed.clone(), username.clone());
            async move {
                let (current, new) = (v.get(CURRENT), v.get(NEW));
                if let Some(p) = password_rules::problem(&new, &username) {
                    return Err(vec![FieldError::at(NEW, p)]);
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
                Err(err) => Err(vec![FieldError::form(format!(
                    "We couldn't sign you out. {} You are still signed in.",
                    err.message()
                ))]),
            }
        }
    });

    let sessions_list = match &sessions.list::<SessionInfo>() {
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
                                    status.set(Some(format!("{device} is signed out.")));
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
                                        { " " }<span class="tag">{ "This device" }</span>
                                    }
                                </p>
                                <p class="session-when">{ format!("Signed in {signed_in}. Last used {used}.") }</p>
                                if !s.current {
                                    <ActionForm
                                        id={format!("end-session-{}", s.id)}
                                        submit="Sign out"
                                        busy="Signing out…"
                                        submit_more={format!(" {}, signed in {signed_in}", s.device)}
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
        other => waiting(other, "where you are signed in", &sessions.reload).unwrap_or_default(),
    };

    let views_list = match &views.list::<AccessEntry>() {
        Remote::Ready(list) if list.is_empty() => html! {
            <p>{ "Nobody has looked at your records yet." }</p>
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
                                <span class="views-text">{ &v.text }</span>
                            </li>
                        }) }
                    </ul>
                    if shown < list.len() {
                        <button type="button" class="button button-secondary" onclick={more}>
                            { format!("Show {} more", list.len() - shown) }
                        </button>
                    }
                </>
            }
        }
        other => waiting(other, "the list", &views.reload).unwrap_or_default(),
    };

    let about_me = if can(me.role, Ability::EditOwnProfile) {
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
                            .max(2000),
                        Field::new(HOW, "How to reach me (optional)", Kind::Text)
                            .hint("Such as: call or text my work phone, 07700 900123.")
                            .max(200),
                        Field::new(WHEN, "When to reach me (optional)", Kind::Text)
                            .hint("Such as: Monday to Friday, 9am to 5pm.")
                            .max(200),
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
            <h1>{ "My account" }</h1>
            { who_i_am(&me) }
            { about_me }
            if young {
                <section aria-labelledby="who-looked">
                    <h2 id="who-looked">{ "Who has looked at my records" }</h2>
                    <p>
                        { "Each time an adult looks at or changes your records in this app, it is written down. \
                           You can see the list here, so you always know who has looked." }
                    </p>
                    { views_list }
                    { raw(r#"<p class="small">If something here worries you, talk to your worker or someone you trust. Or <a href="/help">get help now</a>.</p>"#) }
                </section>
            }
            <section aria-labelledby="change-password">
                <h2 id="change-password">{ "Change your password" }</h2>
                <div role="status">
                    if *changed {
                        <p class="notice-success">
                            { "Your password has changed. Any other phones or computers you were signed in on are now signed out." }
                        </p>
                    }
                </div>
                <ActionForm
                    id="change-password-form"
                    fields={vec![
                        Field::new(CURRENT, "Your password now", Kind::Password)
                            .autocomplete("current-password")
                            .required("Type your password now."),
                        Field::new(NEW, "Your new password", Kind::NewPassword { username: me.username.clone().into() })
                            .hint(PASSWORD_HINT)
                            .autocomplete("new-password"),
                    ]}
                    submit="Change my password"
                    busy="Changing your password…"
                    act={change_password}
                    reset=true
                />
            </section>
            <section aria-labelledby="where-signed-in">
                <h2 id="where-signed-in">{ "Where you are signed in" }</h2>
                <p>
                    { "These are the phones and computers signed in to your account. \
                       If you don't know one, sign it out and change your password." }
                </p>
                <div role="status">
                    if let Some(text) = &*status {
                        <p class="notice-success">{ text }</p>
                    }
                </div>
                { sessions_list }
            </section>
            <section aria-labelledby="sign-out">
                <h2 id="sign-out">{ "Sign out" }</h2>
                <p>{ "Sign out when you have finished, especially on a phone or computer you share." }</p>
                <ActionForm id="sign-out-form" submit="Sign out" busy="Signing out…" act={sign_out} />
            </section>
        </>
    }
}

fn who_i_am(me: &Me) -> Html {
    let young = me.role == Role::YoungPerson;
    let category = me
        .care_leaver_category
        .and_then(words::category_for_young_person);
    html! {
        <section aria-labelledby="who-i-am">
            <h2 id="who-i-am">{ if young { "About you" } else { "Who you are signed in as" } }</h2>
            <dl class="facts">
                <div><dt>{ "Name" }</dt><dd>{ &me.display_name }</dd></div>
                <div><dt>{ "Username" }</dt><dd>{ &me.username }</dd></div>
                if !young {
                    <div><dt>{ "Role" }</dt><dd>{ words::role(me.role) }</dd></div>
                }
                <div><dt>{ "Council" }</dt><dd>{ &me.council }</dd></div>
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
    app.dispatch(Action::ShowFlash(Flash {
        route: Route::Home,
        text: "You have signed out.".to_string(),
    }));
    if let Some(nav) = navigator {
        nav.push(&Route::Home);
    }
    app.dispatch(Action::SignedOut);
}
