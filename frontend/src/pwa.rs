//! The app on a phone: the service worker (`frontend/sw.js`) and what the
//! page does with it.
//!
//! - [`start`] registers `/sw.js` once, notices a new version waiting
//!   ([`Event::UpdateReady`]; [`apply_update`] swaps it in and reloads), and
//!   passes on what the worker says (a tap on a notification:
//!   [`Event::Open`]; a push arrived: [`Event::Pushed`]).
//! - [`note_reply`] is told about every `GET` answer: a copy the worker kept
//!   (`X-Saved-At`) becomes [`Event::Saved`], so the page can say "Saved on
//!   <date>".
//! - [`clear_saved_data`] empties what the worker kept (sign-out, or a
//!   session that has ended).
//! - Push: [`push_support`], [`ask_permission`] (only from a tap on a
//!   button that says why), [`permission_answer`], [`subscribe_push`],
//!   [`this_device_subscription`], [`turn_off_push`].
//!
//! Components hear about all this through [`listen`]. Everything here is
//! best effort: a browser without service workers or push still runs the
//! whole app, online.

use std::cell::RefCell;
use std::rc::Rc;
use yew::Callback;

/// What the page hears from the service worker and the API client.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// A new version is installed and waiting.
    UpdateReady,
    /// The last `GET` answer came from the worker's kept copy, saved at this
    /// time (RFC 3339); `None` once a fresh answer comes.
    Saved(Option<String>),
    /// A notification was tapped: go to this path of the app.
    Open(String),
    /// A push message arrived (the unread count may have changed).
    Pushed,
    /// The number of unread notifications, as a page just learnt it.
    Unread(usize),
    /// A notification was marked read on the server: count again.
    ReadChanged,
}

#[derive(Default)]
struct Hub {
    next: u32,
    listeners: Vec<(u32, Callback<Event>)>,
    update_ready: bool,
    saved_at: Option<String>,
    started: bool,
}

thread_local! {
    static HUB: Rc<RefCell<Hub>> = Rc::new(RefCell::new(Hub::default()));
}

fn with<R>(f: impl FnOnce(&mut Hub) -> R) -> R {
    let hub = HUB.with(Rc::clone);
    let mut hub = hub.borrow_mut();
    f(&mut hub)
}

/// Stops listening when dropped.
pub struct Listening(u32);

impl Drop for Listening {
    fn drop(&mut self) {
        let id = self.0;
        with(|h| h.listeners.retain(|(i, _)| *i != id));
    }
}

/// Hear every [`Event`] until the returned guard is dropped.
pub fn listen(callback: Callback<Event>) -> Listening {
    with(|h| {
        h.next = h.next.wrapping_add(1);
        h.listeners.push((h.next, callback));
        Listening(h.next)
    })
}

/// Tell every listener (outside the borrow: a listener may call back in).
pub fn emit(event: Event) {
    match &event {
        Event::UpdateReady => with(|h| h.update_ready = true),
        Event::Saved(at) => with(|h| h.saved_at.clone_from(at)),
        _ => {}
    }
    let listeners: Vec<Callback<Event>> =
        with(|h| h.listeners.iter().map(|(_, c)| c.clone()).collect());
    for listener in listeners {
        listener.emit(event.clone());
    }
}

/// True when a new version is waiting (for a component drawn after the
/// event).
pub fn update_ready() -> bool {
    with(|h| h.update_ready)
}

/// When the data on screen was saved, if it came from the kept copy.
pub fn saved_at() -> Option<String> {
    with(|h| h.saved_at.clone())
}

/// Forget the "Saved on" of the last page (a new page starts fresh).
pub fn forget_saved_notice() {
    with(|h| h.saved_at = None);
}

/// Every `GET` answer passes here with its `X-Saved-At` header, if any.
pub fn note_reply(saved_at: Option<String>) {
    let before = saved_at_changed(&saved_at);
    if before {
        emit(Event::Saved(saved_at));
    }
}

fn saved_at_changed(new: &Option<String>) -> bool {
    with(|h| h.saved_at != *new)
}

/// "3 March 2026": the date in an `X-Saved-At` value, in the phone's time
/// zone; `None` if it is not a date.
pub fn saved_on_words(saved_at: &str) -> Option<String> {
    let at = chrono::DateTime::parse_from_rfc3339(saved_at.trim()).ok()?;
    let at = at.with_timezone(&chrono::Utc);
    let offset = crate::clock::local_offset_minutes(at);
    let local = at.naive_utc() + chrono::Duration::minutes(i64::from(offset));
    Some(format!(
        "{} {}",
        crate::words::date(local.date()),
        crate::words::time(local)
    ))
}

/// The VAPID key as the bytes `applicationServerKey` wants (base64url, with
/// or without padding); `None` if it is not base64url.
pub fn base64url_bytes(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in text.trim().trim_end_matches('=').bytes() {
        let value = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        };
        buffer = (buffer << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(u8::try_from((buffer >> bits) & 0xff).ok()?);
        }
    }
    Some(out)
}

/// Can this browser get pushes, and has the person allowed it?
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PushSupport {
    /// No service worker, Push API or notifications here.
    Unsupported,
    /// The person (or the browser) said no: only the browser's settings
    /// can change it.
    Blocked,
    /// Not asked yet.
    NotAsked,
    Allowed,
}

/// Why turning notifications on did not work.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PushProblem {
    Unsupported,
    Blocked,
    /// The permission prompt was closed without an answer.
    Dismissed,
    /// The browser's push service did not answer or refused (no network,
    /// a private window, a browser with no push service).
    NoService,
}

/// The message for a young person.
pub fn problem_key(problem: &PushProblem) -> &'static str {
    match problem {
        PushProblem::Unsupported => "notifications-unsupported",
        PushProblem::Blocked => "notifications-blocked",
        PushProblem::Dismissed => "notifications-dismissed",
        PushProblem::NoService => "notifications-failed",
    }
}

/// Reads a permission state ("granted", "denied", "default").
pub fn support_from(has_apis: bool, permission: &str) -> PushSupport {
    match (has_apis, permission) {
        (false, _) => PushSupport::Unsupported,
        (true, "granted") => PushSupport::Allowed,
        (true, "denied") => PushSupport::Blocked,
        _ => PushSupport::NotAsked,
    }
}

pub use browser::*;

/// The browser side. Compiled on the host too (web-sys calls are never
/// made there: unit tests stay with the plain functions above).
mod browser {
    use super::*;
    use js_sys::{Promise, Reflect};
    use shared::push::{NewPushSubscription, PushSubscriptionKeys};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

    const SW_URL: &str = "/sw.js";
    /// How long a push service gets to answer a subscribe before we say it
    /// did not work (a phone with no signal may never answer).
    const SUBSCRIBE_TIMEOUT_MS: u32 = 20_000;
    /// Check for a new version when the app comes back to the front, at
    /// most this often.
    const UPDATE_CHECK_MS: f64 = 10.0 * 60.0 * 1000.0;
    /// Caches that hold a person's data (the shell holds none).
    const PERSONAL_CACHES: [&str; 2] = ["gfm-data", "gfm-prefs"];

    thread_local! {
        static RELOAD_ON_NEW_WORKER: RefCell<bool> = const { RefCell::new(false) };
        static LAST_UPDATE_CHECK: RefCell<f64> = const { RefCell::new(0.0) };
    }

    fn has(target: &JsValue, name: &str) -> bool {
        Reflect::has(target, &JsValue::from_str(name)).unwrap_or(false)
    }

    fn container() -> Option<ServiceWorkerContainer> {
        let window = web_sys::window()?;
        let navigator = window.navigator();
        // Missing on plain http (not a secure context) and old browsers.
        has(navigator.as_ref(), "serviceWorker").then(|| navigator.service_worker())
    }

    async fn wait(promise: Promise) -> Result<JsValue, JsValue> {
        JsFuture::from(promise).await
    }

    /// Register the worker and listen to it. Once per page; later calls do
    /// nothing.
    pub fn start() {
        if with(|h| std::mem::replace(&mut h.started, true)) {
            return;
        }
        let Some(sw) = container() else { return };

        // What the worker tells the page.
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
                let data = e.data();
                let kind = Reflect::get(&data, &"type".into())
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default();
                match kind.as_str() {
                    "open" => {
                        let link = Reflect::get(&data, &"link".into())
                            .ok()
                            .and_then(|v| v.as_string())
                            .filter(|l| is_app_path(l));
                        if let Some(link) = link {
                            emit(Event::Open(link));
                        }
                    }
                    "push" => emit(Event::Pushed),
                    _ => {}
                }
            });
        sw.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();

        // The new worker took over because the person asked: load the new
        // version.
        let on_controller = Closure::<dyn FnMut()>::new(move || {
            if RELOAD_ON_NEW_WORKER.with(|r| *r.borrow()) {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            }
        });
        sw.set_oncontrollerchange(Some(on_controller.as_ref().unchecked_ref()));
        on_controller.forget();

        wasm_bindgen_futures::spawn_local(async move {
            let Ok(reg) = wait(sw.register(SW_URL)).await else {
                return;
            };
            let Ok(reg) = reg.dyn_into::<ServiceWorkerRegistration>() else {
                return;
            };
            watch_for_updates(&sw, &reg);
        });
    }

    /// A path inside the app that a notification (or a link) may open: on
    /// this origin, and not an address of the API.
    pub fn is_app_path(link: &str) -> bool {
        let api = link
            .strip_prefix(shared::endpoints::API_PREFIX)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', '?']));
        link.starts_with('/') && !link.starts_with("//") && !api
    }

    fn watch_for_updates(sw: &ServiceWorkerContainer, reg: &ServiceWorkerRegistration) {
        // Only an update when a worker already controls this page; the very
        // first install is not "a new version".
        let controlled = sw.controller().is_some();
        if controlled && reg.waiting().is_some() {
            emit(Event::UpdateReady);
        }
        let sw_for_found = sw.clone();
        let reg_for_found = reg.clone();
        let on_found = Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = reg_for_found.installing() else {
                return;
            };
            let watched = installing.clone();
            let sw = sw_for_found.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                if watched.state() == ServiceWorkerState::Installed && sw.controller().is_some() {
                    emit(Event::UpdateReady);
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();

        // Phones keep apps open for days: look again when it comes back.
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let reg = reg.clone();
        let doc = document.clone();
        let on_visible = Closure::<dyn FnMut()>::new(move || {
            if doc.visibility_state() != web_sys::VisibilityState::Visible {
                return;
            }
            let now = js_sys::Date::now();
            let due = LAST_UPDATE_CHECK.with(|t| {
                let mut t = t.borrow_mut();
                let due = now - *t > UPDATE_CHECK_MS;
                if due {
                    *t = now;
                }
                due
            });
            if due {
                if let Ok(p) = reg.update() {
                    // A failed check (offline) is tried again next time.
                    wasm_bindgen_futures::spawn_local(async move {
                        let _ = wait(p).await;
                    });
                }
            }
        });
        let _ = document.add_event_listener_with_callback(
            "visibilitychange",
            on_visible.as_ref().unchecked_ref(),
        );
        on_visible.forget();
    }

    async fn registration() -> Option<ServiceWorkerRegistration> {
        let sw = container()?;
        wait(sw.get_registration())
            .await
            .ok()?
            .dyn_into::<ServiceWorkerRegistration>()
            .ok()
    }

    /// "Reload": let the waiting version take over, then load it.
    pub fn apply_update() {
        wasm_bindgen_futures::spawn_local(async {
            let waiting = registration().await.and_then(|r| r.waiting());
            match waiting {
                Some(worker) => {
                    RELOAD_ON_NEW_WORKER.with(|r| *r.borrow_mut() = true);
                    let message = js_sys::Object::new();
                    let _ = Reflect::set(&message, &"type".into(), &"skip-waiting".into());
                    let _ = worker.post_message(&message);
                }
                None => {
                    if let Some(w) = web_sys::window() {
                        let _ = w.location().reload();
                    }
                }
            }
        });
    }

    fn post_to_worker(kind: &str, extra: Option<(&str, &str)>) {
        let Some(worker) = container().and_then(|c| c.controller()) else {
            return;
        };
        let message = js_sys::Object::new();
        let _ = Reflect::set(&message, &"type".into(), &kind.into());
        if let Some((k, v)) = extra {
            let _ = Reflect::set(&message, &k.into(), &v.into());
        }
        let _ = worker.post_message(&message);
    }

    /// The app's language, so a push on the lock screen reads in it.
    pub fn tell_language(lang: &str) {
        let primary = lang.split('-').next().unwrap_or("en").to_ascii_lowercase();
        post_to_worker("language", Some(("lang", &primary)));
    }

    /// Empty what the worker kept for this person; with `everything`, the
    /// app's files too (sign-out: nothing of ours stays on the phone).
    pub async fn clear_saved_data(everything: bool) {
        post_to_worker("clear", None);
        forget_saved_notice();
        let Some(caches) = web_sys::window().and_then(|w| w.caches().ok()) else {
            return;
        };
        let Ok(names) = wait(caches.keys()).await else {
            return;
        };
        let names: Vec<String> = js_sys::Array::from(&names)
            .iter()
            .filter_map(|n| n.as_string())
            .collect();
        for name in names {
            if everything || PERSONAL_CACHES.contains(&name.as_str()) {
                let _ = wait(caches.delete(&name)).await;
            }
        }
    }

    fn notification_permission() -> Option<String> {
        let window = web_sys::window()?;
        let notification = Reflect::get(window.as_ref(), &"Notification".into()).ok()?;
        if notification.is_undefined() {
            return None;
        }
        Reflect::get(&notification, &"permission".into())
            .ok()?
            .as_string()
    }

    fn has_push_apis() -> bool {
        let Some(window) = web_sys::window() else {
            return false;
        };
        container().is_some()
            && has(window.as_ref(), "PushManager")
            && notification_permission().is_some()
    }

    /// Can this browser get pushes, and may we?
    pub fn push_support() -> PushSupport {
        support_from(
            has_push_apis(),
            notification_permission().as_deref().unwrap_or("default"),
        )
    }

    async fn push_manager() -> Option<web_sys::PushManager> {
        registration().await?.push_manager().ok()
    }

    fn to_subscription(sub: &JsValue) -> Option<NewPushSubscription> {
        let sub: &web_sys::PushSubscription = sub.dyn_ref()?;
        let json: JsValue = sub.to_json().ok()?.into();
        let keys = Reflect::get(&json, &"keys".into()).ok()?;
        let key = |name: &str| Reflect::get(&keys, &name.into()).ok()?.as_string();
        Some(NewPushSubscription {
            endpoint: sub.endpoint(),
            keys: PushSubscriptionKeys {
                p256dh: key("p256dh")?,
                auth: key("auth")?,
            },
        })
    }

    /// This browser's push subscription, if it has one (and we may push).
    pub async fn this_device_subscription() -> Option<NewPushSubscription> {
        if push_support() != PushSupport::Allowed {
            return None;
        }
        let manager = push_manager().await?;
        let sub = wait(manager.get_subscription().ok()?).await.ok()?;
        to_subscription(&sub)
    }

    /// Show the browser's own "Allow notifications?" prompt. Call it only
    /// from a tap on a button that has said why, and straight away in the
    /// tap's handler (some browsers only allow it there); then hand the
    /// answer to [`permission_answer`].
    pub fn ask_permission() -> Result<Promise, PushProblem> {
        match push_support() {
            PushSupport::Unsupported => return Err(PushProblem::Unsupported),
            PushSupport::Blocked => return Err(PushProblem::Blocked),
            PushSupport::NotAsked | PushSupport::Allowed => {}
        }
        let window = web_sys::window().ok_or(PushProblem::Unsupported)?;
        let notification = Reflect::get(window.as_ref(), &"Notification".into())
            .map_err(|_| PushProblem::Unsupported)?;
        let ask: js_sys::Function = Reflect::get(&notification, &"requestPermission".into())
            .ok()
            .and_then(|f| f.dyn_into().ok())
            .ok_or(PushProblem::Unsupported)?;
        ask.call0(&notification)
            .ok()
            .and_then(|p| p.dyn_into::<Promise>().ok())
            .ok_or(PushProblem::Unsupported)
    }

    /// What the person answered the prompt.
    pub async fn permission_answer(asked: Promise) -> Result<(), PushProblem> {
        let answer = wait(asked).await.ok().and_then(|a| a.as_string());
        match answer.as_deref() {
            Some("granted") => Ok(()),
            Some("denied") => Err(PushProblem::Blocked),
            _ => Err(PushProblem::Dismissed),
        }
    }

    /// Subscribe this browser with the server's VAPID key (permission
    /// given).
    pub async fn subscribe_push(vapid_key: &str) -> Result<NewPushSubscription, PushProblem> {
        let key = base64url_bytes(vapid_key).ok_or(PushProblem::NoService)?;
        let manager = push_manager().await.ok_or(PushProblem::NoService)?;
        let options = web_sys::PushSubscriptionOptionsInit::new();
        options.set_user_visible_only(true);
        let key = js_sys::Uint8Array::from(key.as_slice());
        options.set_application_server_key(&key);
        let subscribing = manager
            .subscribe_with_options(&options)
            .map_err(|_| PushProblem::NoService)?;
        let sub = with_timeout(subscribing, SUBSCRIBE_TIMEOUT_MS)
            .await
            .ok_or(PushProblem::NoService)?;
        to_subscription(&sub).ok_or(PushProblem::NoService)
    }

    /// The promise's value, or `None` if it failed or took too long.
    async fn with_timeout(promise: Promise, ms: u32) -> Option<JsValue> {
        use futures::future::{select, Either, FutureExt};
        let work = wait(promise).boxed_local();
        let timer = gloo_timers::future::TimeoutFuture::new(ms);
        match select(work, timer).await {
            Either::Left((Ok(value), _)) => Some(value),
            _ => None,
        }
    }

    /// Stop this browser's push subscription (the push service then tells
    /// our server it is gone, too).
    pub async fn turn_off_push() {
        let Some(manager) = push_manager().await else {
            return;
        };
        let Ok(p) = manager.get_subscription() else {
            return;
        };
        let Ok(sub) = wait(p).await else { return };
        if let Some(sub) = sub.dyn_ref::<web_sys::PushSubscription>() {
            if let Ok(p) = sub.unsubscribe() {
                let _ = wait(p).await;
            }
        }
    }

    /// Reload the page (after coming back online, to show fresh data).
    pub fn reload() {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use std::cell::Cell;

    #[test]
    fn vapid_keys_decode_from_base64url() {
        assert_eq!(base64url_bytes("AQID").unwrap(), vec![1, 2, 3]);
        assert_eq!(base64url_bytes("_-8").unwrap(), vec![0xff, 0xef]);
        assert_eq!(base64url_bytes("/+8=").unwrap(), vec![0xff, 0xef]);
        assert_eq!(base64url_bytes("aGk").unwrap(), b"hi".to_vec());
        assert!(base64url_bytes("not base64!").is_none());
        // A real P-256 public key: 65 bytes, starting 0x04.
        let key = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
        let bytes = base64url_bytes(key).unwrap();
        assert_eq!(bytes.len(), 65);
        assert_eq!(bytes[0], 4);
    }

    #[test]
    fn permission_states_read_as_support() {
        assert_eq!(support_from(false, "granted"), PushSupport::Unsupported);
        assert_eq!(support_from(true, "granted"), PushSupport::Allowed);
        assert_eq!(support_from(true, "denied"), PushSupport::Blocked);
        assert_eq!(support_from(true, "default"), PushSupport::NotAsked);
    }

    #[test]
    fn every_problem_has_words_for_the_young_person() {
        for p in [
            PushProblem::Unsupported,
            PushProblem::Blocked,
            PushProblem::Dismissed,
            PushProblem::NoService,
        ] {
            let key = problem_key(&p);
            assert_ne!(crate::i18n::t(key), key, "{key} has no English");
        }
    }

    #[test]
    fn only_paths_inside_the_app_are_opened() {
        assert!(is_app_path("/my/review"));
        assert!(is_app_path("/notifications/abc"));
        assert!(!is_app_path("//evil.example/x"));
        assert!(!is_app_path("https://evil.example/"));
        assert!(!is_app_path(shared::endpoints::me::Me::url().as_str()));
        assert!(is_app_path("/apiary"));
    }

    #[test]
    fn saved_dates_read_as_words() {
        assert_eq!(
            saved_on_words("2026-03-03T14:05:00.000Z").as_deref(),
            Some("3 March 2026 2:05pm")
        );
        assert_eq!(saved_on_words("yesterday"), None);
    }

    #[test]
    fn a_saved_copy_is_announced_once_and_cleared_by_a_fresh_answer() {
        let heard = Rc::new(Cell::new(0));
        let h = heard.clone();
        let guard = listen(Callback::from(move |e: Event| {
            if matches!(e, Event::Saved(_)) {
                h.set(h.get() + 1);
            }
        }));
        note_reply(None);
        assert_eq!(heard.get(), 0);
        note_reply(Some("2026-03-03T14:05:00Z".into()));
        note_reply(Some("2026-03-03T14:05:00Z".into()));
        assert_eq!(heard.get(), 1);
        assert_eq!(saved_at().as_deref(), Some("2026-03-03T14:05:00Z"));
        note_reply(None);
        assert_eq!(heard.get(), 2);
        assert_eq!(saved_at(), None);
        drop(guard);
        note_reply(Some("2026-03-04T00:00:00Z".into()));
        assert_eq!(heard.get(), 2);
        forget_saved_notice();
    }

    /// The service worker (plain JavaScript, so it cannot use the
    /// declarations) keeps copies of some API addresses: each must be a
    /// declared GET, so a renamed endpoint cannot silently stop working
    /// offline.
    #[test]
    fn what_the_service_worker_keeps_is_declared() {
        use shared::endpoints::{find, Method};
        let sw = include_str!("../sw.js");
        let start = sw
            .find("const SAVED_PATHS = [")
            .expect("SAVED_PATHS in sw.js");
        let list = &sw[start..];
        let list = &list[..list.find("];").expect("end of SAVED_PATHS")];
        let paths: Vec<&str> = list.split('\'').skip(1).step_by(2).collect();
        assert!(paths.len() > 5, "{paths:?}");
        for path in paths {
            assert!(
                find(Method::Get, path).is_some(),
                "sw.js keeps {path}, which is no declared GET"
            );
        }
    }
}
