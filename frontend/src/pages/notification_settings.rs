//! "Notifications" settings: push on this phone (on or off, after saying
//! why, and only when the person taps), what kinds reach the phone, and
//! quiet hours. The browser's permission prompt is never shown on its own:
//! only the "Turn on" button asks.

use crate::api;
use crate::components::nav_link::NavLink;
use crate::hooks::{use_get, waiting};
use crate::i18n::{t, tf};
use crate::pwa::{self, problem_key, PushSupport};
use crate::route::Route;
use crate::state::Remote;
use shared::endpoints as ep;
use shared::push::{
    format_hhmm, parse_hhmm, KindChoice, KindPreference, NotificationPreferences, QuietHours,
    UpdatePreferences,
};
use wasm_bindgen::JsCast;
use yew::prelude::*;

const QUIET_START: &str = "quiet-start";
const QUIET_END: &str = "quiet-end";
const QUIET_HINT: &str = "quiet-hint";
const QUIET_ERROR: &str = "quiet-error";

/// Push on this phone, as far as we know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Device {
    Checking,
    Unsupported,
    Blocked,
    Off,
    /// On; the server's id for this device when we know it.
    On(Option<String>),
}

/// What the "On this phone" part says and offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Offer {
    Nothing,
    TurnOn,
    TurnOff,
}

/// The status words and the button for a device state.
pub fn device_words(device: &Device) -> (&'static str, Offer) {
    match device {
        Device::Checking => ("notifications-checking", Offer::Nothing),
        Device::Unsupported => ("notifications-unsupported", Offer::Nothing),
        Device::Blocked => ("notifications-blocked", Offer::Nothing),
        Device::Off => ("notifications-off", Offer::TurnOn),
        Device::On(_) => ("notifications-on", Offer::TurnOff),
    }
}

/// A kind's name in the person's language (the server's English words when
/// the app has none for it, such as a staff-only kind).
pub fn kind_label(k: &KindPreference) -> String {
    let key = format!("notifications-kind-{}", k.kind);
    let words = t(&key);
    if words == key {
        k.label.clone()
    } else {
        words
    }
}

/// The choices in a sent form: `checked(kind)` says whether a kind's box is
/// ticked; kinds that cannot be turned off are left as they are.
pub fn choices(
    prefs: &NotificationPreferences,
    checked: impl Fn(&str) -> bool,
    start: &str,
    end: &str,
) -> Result<UpdatePreferences, &'static str> {
    let (Some(s), Some(e)) = (parse_hhmm(start), parse_hhmm(end)) else {
        return Err("notifications-quiet-bad");
    };
    Ok(UpdatePreferences {
        kinds: prefs
            .kinds
            .iter()
            .filter(|k| k.can_turn_off)
            .map(|k| KindChoice {
                kind: k.kind.clone(),
                push: checked(&k.kind),
            })
            .collect(),
        quiet_hours: Some(QuietHours {
            start: format_hhmm(s),
            end: format_hhmm(e),
        }),
    })
}

/// Where push stands on this phone; a subscription the browser still has is
/// registered again (the same endpoint only refreshes its keys), so the
/// server has it and we learn its id.
async fn check_device() -> Device {
    match pwa::push_support() {
        PushSupport::Unsupported => Device::Unsupported,
        PushSupport::Blocked => Device::Blocked,
        PushSupport::NotAsked => Device::Off,
        PushSupport::Allowed => match pwa::this_device_subscription().await {
            None => Device::Off,
            Some(sub) => Device::On(api::add_push_subscription(&sub).await.ok().map(|v| v.id)),
        },
    }
}

#[component]
pub fn NotificationSettingsPage() -> Html {
    let device = use_state(|| Device::Checking);
    let busy = use_state(|| false);
    let message = use_state(|| None::<String>);
    let prefs = use_get(Some(ep::push::Preferences::url()));
    let saved = use_state(|| None::<String>);
    let form_error = use_state(|| None::<String>);

    {
        let device = device.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                device.set(check_device().await);
            });
        });
    }

    let turn_on = {
        let (device, busy, message) = (device.clone(), busy.clone(), message.clone());
        Callback::from(move |_| {
            if *busy {
                return;
            }
            // The prompt, right inside the tap.
            let asked = match pwa::ask_permission() {
                Ok(asked) => asked,
                Err(pwa::PushProblem::Blocked) => {
                    // The status line says it, and how to change it.
                    device.set(Device::Blocked);
                    return;
                }
                Err(problem) => {
                    message.set(Some(t(problem_key(&problem))));
                    return;
                }
            };
            busy.set(true);
            message.set(None);
            let (device, busy, message) = (device.clone(), busy.clone(), message.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = turn_on_here(asked).await;
                busy.set(false);
                match outcome {
                    Ok(id) => {
                        device.set(Device::On(Some(id)));
                        message.set(Some(t("notifications-now-on")));
                    }
                    Err((_, Some(Device::Blocked))) => device.set(Device::Blocked),
                    Err((words, now)) => {
                        if let Some(now) = now {
                            device.set(now);
                        }
                        message.set(Some(words));
                    }
                }
            });
        })
    };

    let turn_off = {
        let (device, busy, message) = (device.clone(), busy.clone(), message.clone());
        Callback::from(move |_| {
            if *busy {
                return;
            }
            let id = match &*device {
                Device::On(id) => id.clone(),
                _ => None,
            };
            busy.set(true);
            message.set(None);
            let (device, busy, message) = (device.clone(), busy.clone(), message.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = turn_off_here(id).await;
                busy.set(false);
                match outcome {
                    Ok(()) => {
                        device.set(Device::Off);
                        message.set(Some(t("notifications-now-off")));
                    }
                    Err(err) => message.set(Some(err.message())),
                }
            });
        })
    };

    let (status_key, offer) = device_words(&device);
    let button = match offer {
        Offer::Nothing => html! {},
        Offer::TurnOn => html! {
            <>
                <p class="field-hint">{ t("notifications-ask-next") }</p>
                <button type="button" class="button" aria-disabled={busy.then_some("true")} onclick={turn_on}>
                    { if *busy { t("notifications-turning-on") } else { t("notifications-turn-on") } }
                </button>
            </>
        },
        Offer::TurnOff => html! {
            <button type="button" class="button button-secondary" aria-disabled={busy.then_some("true")} onclick={turn_off}>
                { if *busy { t("notifications-turning-off") } else { t("notifications-turn-off") } }
            </button>
        },
    };

    let choices_html = match prefs.get() {
        Remote::Ready(p) => preferences_form(&p, &prefs.reload, &saved, &form_error),
        other => {
            waiting(&other, &t("notifications-what-settings"), &prefs.reload).unwrap_or_default()
        }
    };

    html! {
        <>
            <h1>{ t("notifications-settings-title") }</h1>
            <section aria-labelledby="on-this-phone">
                <h2 id="on-this-phone">{ t("notifications-phone-heading") }</h2>
                <p>{ t("notifications-why") }</p>
                <p>{ t("notifications-private") }</p>
                <p>{ t("notifications-list-works") }</p>
                <p class="notice-info push-state" role="status"><strong>{ t(status_key) }</strong></p>
                if let Some(m) = &*message {
                    <p class="push-message" role="alert">{ m.clone() }</p>
                }
                { button }
            </section>
            { choices_html }
            <p><NavLink to={Route::Notifications}>{ t("notifications-see-list") }</NavLink></p>
        </>
    }
}

/// After the prompt: subscribe and tell the server. On failure, the words
/// to show and, if it changed, where push now stands.
async fn turn_on_here(asked: js_sys::Promise) -> Result<String, (String, Option<Device>)> {
    if let Err(problem) = pwa::permission_answer(asked).await {
        let now = (problem == pwa::PushProblem::Blocked).then_some(Device::Blocked);
        return Err((t(problem_key(&problem)), now));
    }
    let key = api::vapid_public_key()
        .await
        .map_err(|err| (err.message(), None))?;
    let sub = pwa::subscribe_push(&key)
        .await
        .map_err(|problem| (t(problem_key(&problem)), Some(Device::Off)))?;
    match api::add_push_subscription(&sub).await {
        Ok(view) => Ok(view.id),
        Err(err) => {
            // The server does not have it: the browser must not keep it.
            pwa::turn_off_push().await;
            Err((err.message(), Some(Device::Off)))
        }
    }
}

/// Forget this device on the server, then in the browser.
async fn turn_off_here(id: Option<String>) -> Result<(), api::ApiError> {
    let id = match id {
        Some(id) => Some(id),
        None => match pwa::this_device_subscription().await {
            Some(sub) => Some(api::add_push_subscription(&sub).await?.id),
            None => None,
        },
    };
    if let Some(id) = id {
        match api::remove_push_subscription(&id).await {
            Ok(()) => {}
            Err(err) if err.is_not_found() => {}
            Err(err) => return Err(err),
        }
    }
    pwa::turn_off_push().await;
    Ok(())
}

fn preferences_form(
    p: &NotificationPreferences,
    reload: &Callback<()>,
    saved: &UseStateHandle<Option<String>>,
    form_error: &UseStateHandle<Option<String>>,
) -> Html {
    let onsubmit = {
        let (p, reload, saved, form_error) =
            (p.clone(), reload.clone(), saved.clone(), form_error.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(data) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
                .and_then(|f| web_sys::FormData::new_with_form(&f).ok())
            else {
                return;
            };
            let get = |name: &str| data.get(name).as_string().unwrap_or_default();
            saved.set(None);
            let update = match choices(
                &p,
                |kind| get(&format!("kind-{kind}")) == "on",
                &get(QUIET_START),
                &get(QUIET_END),
            ) {
                Ok(update) => update,
                Err(key) => {
                    form_error.set(Some(t(key)));
                    return;
                }
            };
            form_error.set(None);
            let (reload, saved, form_error) = (reload.clone(), saved.clone(), form_error.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::save_notification_preferences(&update).await {
                    Ok(_) => {
                        saved.set(Some(t("notifications-saved")));
                        reload.emit(());
                    }
                    Err(err) => form_error.set(Some(err.message())),
                }
            });
        })
    };
    let quiet = &p.quiet_hours;
    let invalid = form_error.is_some().then_some("true");
    let described = if form_error.is_some() {
        format!("{QUIET_HINT} {QUIET_ERROR}")
    } else {
        QUIET_HINT.to_string()
    };
    html! {
        <form class="form notification-choices" {onsubmit} novalidate=true>
            <fieldset class="choices">
                <legend><h2 class="legend-heading">{ t("notifications-kinds-heading") }</h2></legend>
                <p class="field-hint">{ t("notifications-kinds-hint") }</p>
                { for p.kinds.iter().map(|k| {
                    let id = format!("kind-{}", k.kind);
                    let hint = format!("{id}-hint");
                    html! {
                        <div class="check" key={k.kind.clone()}>
                            <input
                                type="checkbox"
                                id={id.clone()}
                                name={id.clone()}
                                checked={k.push || !k.can_turn_off}
                                disabled={!k.can_turn_off}
                                aria-describedby={(!k.can_turn_off).then(|| hint.clone())}
                            />
                            <label for={id}>{ kind_label(k) }</label>
                            if !k.can_turn_off {
                                <p class="field-hint" id={hint}>{ t("notifications-always-on") }</p>
                            }
                        </div>
                    }
                }) }
            </fieldset>
            <h2>{ t("notifications-quiet-heading") }</h2>
            <p>{ tf("notifications-quiet-now", &[("start", &quiet.start), ("end", &quiet.end)]) }</p>
            <p class="field-hint" id={QUIET_HINT}>{ t("notifications-quiet-hint") }</p>
            if let Some(err) = &**form_error {
                <p class="field-error" id={QUIET_ERROR} role="alert">{ err.clone() }</p>
            }
            <div class="quiet-hours">
                <div class="field">
                    <label class="label" for={QUIET_START}>{ t("notifications-quiet-start") }</label>
                    <input class="input input-time" type="time" id={QUIET_START} name={QUIET_START}
                        value={quiet.start.clone()} aria-describedby={described.clone()} aria-invalid={invalid} />
                </div>
                <div class="field">
                    <label class="label" for={QUIET_END}>{ t("notifications-quiet-end") }</label>
                    <input class="input input-time" type="time" id={QUIET_END} name={QUIET_END}
                        value={quiet.end.clone()} aria-describedby={described} aria-invalid={invalid} />
                </div>
            </div>
            <p role="status">{ (**saved).clone().unwrap_or_default() }</p>
            <button type="submit" class="button">{ t("notifications-save") }</button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn prefs() -> NotificationPreferences {
        NotificationPreferences {
            kinds: vec![
                KindPreference {
                    kind: "review_reminder".into(),
                    label: "Reminders before your review meetings".into(),
                    push: true,
                    can_turn_off: true,
                },
                KindPreference {
                    kind: "break_glass".into(),
                    label: "Emergency access to a record in your team".into(),
                    push: true,
                    can_turn_off: false,
                },
            ],
            quiet_hours: QuietHours {
                start: "21:00".into(),
                end: "07:00".into(),
            },
            time_zone: "Europe/London".into(),
        }
    }

    #[test]
    fn the_form_sends_only_what_may_change() {
        let update = choices(&prefs(), |_| false, "22:30", "7:00").unwrap();
        assert_eq!(update.kinds.len(), 1);
        assert_eq!(update.kinds[0].kind, "review_reminder");
        assert!(!update.kinds[0].push);
        let quiet = update.quiet_hours.unwrap();
        assert_eq!(
            (quiet.start.as_str(), quiet.end.as_str()),
            ("22:30", "07:00")
        );
    }

    #[test]
    fn a_time_that_is_not_a_time_is_named() {
        assert_eq!(
            choices(&prefs(), |_| true, "9pm", "07:00").unwrap_err(),
            "notifications-quiet-bad"
        );
        assert_ne!(t("notifications-quiet-bad"), "notifications-quiet-bad");
    }

    #[test]
    fn kinds_read_in_the_persons_words_or_the_servers() {
        let p = prefs();
        assert_eq!(
            kind_label(&p.kinds[0]),
            "Reminders before your review meetings"
        );
        assert_eq!(
            kind_label(&p.kinds[1]),
            "Emergency access to a record in your team"
        );
    }

    #[test]
    fn each_state_offers_the_right_button() {
        assert_eq!(device_words(&Device::Off).1, Offer::TurnOn);
        assert_eq!(device_words(&Device::On(None)).1, Offer::TurnOff);
        assert_eq!(device_words(&Device::Blocked).1, Offer::Nothing);
        assert_eq!(device_words(&Device::Unsupported).1, Offer::Nothing);
        for d in [
            Device::Checking,
            Device::Unsupported,
            Device::Blocked,
            Device::Off,
            Device::On(None),
        ] {
            let key = device_words(&d).0;
            assert_ne!(t(key), key, "{key}");
        }
    }
}
