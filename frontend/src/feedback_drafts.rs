//! A young person's "good for me" answers, kept on the phone as they type.
//!
//! Every change is written to `localStorage` at once (synchronously, so it
//! survives the app being closed, the connection dropping or the browser
//! crashing a moment later), and to the server's draft when there is a
//! connection. "Send" with no connection is remembered here too, and the
//! form sends it when the phone is back online. Each draft carries one
//! submission id, made when the draft is first kept, so sending it twice
//! (a retry, a reload mid-send) never sends two copies: the server answers
//! the second with the first.
//!
//! Kept per young person and form version; the last form screen is kept as
//! well, so the form can be filled with no connection. Everything here is
//! removed when the person signs out ([`clear_all`]), so the next person on
//! a shared phone finds nothing.

use crate::http;
use serde::{Deserialize, Serialize};
use shared::reviews::{Answer, DraftView};

/// Every key this module writes starts with this.
pub const PREFIX: &str = "gfm-feedback:";

/// One draft as the phone keeps it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LocalDraft {
    pub review_id: String,
    pub form_id: String,
    pub answers: Vec<Answer>,
    /// Who should read it; `None` for the default (IRO and social worker).
    pub readers: Option<Vec<String>>,
    /// Made once per draft: what makes sending it idempotent.
    pub submission_id: String,
    /// The server holds everything in this copy.
    pub synced: bool,
    /// The server's time for the last save it confirmed (its clock, so it
    /// compares with the server's draft without trusting the phone's).
    #[serde(default)]
    pub server_saved_at: Option<String>,
    /// "Send" was pressed and has not been confirmed yet.
    #[serde(default)]
    pub send_queued: bool,
}

impl LocalDraft {
    pub fn new(review_id: &str, form_id: &str) -> LocalDraft {
        LocalDraft {
            review_id: review_id.to_string(),
            form_id: form_id.to_string(),
            answers: Vec::new(),
            readers: None,
            submission_id: new_submission_id(),
            synced: true,
            server_saved_at: None,
            send_queued: false,
        }
    }
}

/// The key of one draft: the person and the form version it answers.
pub fn draft_key(person: &str, form_id: &str) -> String {
    format!("{PREFIX}draft:{person}:{form_id}")
}

/// The key of the last form screen this person loaded.
pub fn screen_key(person: &str) -> String {
    format!("{PREFIX}screen:{person}")
}

/// Which copy of the answers the form starts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Start {
    /// The phone's: it has something the server has not seen, or it is the
    /// newest.
    Local,
    /// The server's: saved later from another device.
    Server,
    /// Nothing yet.
    Empty,
}

/// Phone or server? The phone's copy wins while it holds changes (or a
/// send) the server has not confirmed; otherwise the server's wins when it
/// was saved after the phone last heard from it.
pub fn choose(local: Option<&LocalDraft>, server: Option<&DraftView>, review_id: &str) -> Start {
    let local = local.filter(|l| l.review_id == review_id);
    match (local, server) {
        (None, None) => Start::Empty,
        (None, Some(_)) => Start::Server,
        (Some(l), _) if !l.synced || l.send_queued => Start::Local,
        (Some(_), None) => Start::Local,
        (Some(l), Some(s)) => {
            let newer = l
                .server_saved_at
                .as_deref()
                .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
                .is_none_or(|t| s.updated_at > t);
            if newer {
                Start::Server
            } else {
                Start::Local
            }
        }
    }
}

/// Answers worth keeping or sending: skipped ones left out.
pub fn non_empty(answers: &[Answer]) -> Vec<Answer> {
    answers.iter().filter(|a| !a.is_empty()).cloned().collect()
}

/// The draft for this person and form, if the phone has one.
pub fn load(person: &str, form_id: &str) -> Option<LocalDraft> {
    let text = storage::get(&draft_key(person, form_id))?;
    http::decode(200, &text).ok()
}

/// The phone's draft for one review of this person, whatever form version
/// it answers.
pub fn for_review(person: &str, review_id: &str) -> Option<LocalDraft> {
    let start = format!("{PREFIX}draft:{person}:");
    storage::keys()
        .into_iter()
        .filter(|k| k.starts_with(&start))
        .filter_map(|k| storage::get(&k))
        .filter_map(|text| http::decode::<LocalDraft>(200, &text).ok())
        .find(|d| d.review_id == review_id)
}

/// Keeps the draft on the phone. False when the phone would not store it
/// (full, or a private window that keeps nothing).
pub fn save(person: &str, draft: &LocalDraft) -> bool {
    match serde_json::to_string(draft) {
        Ok(text) => storage::set(&draft_key(person, &draft.form_id), &text),
        Err(_) => false,
    }
}

/// Forgets one draft (it was sent).
pub fn remove(person: &str, form_id: &str) {
    storage::remove(&draft_key(person, form_id));
}

/// Keeps the last form screen (the reply's JSON as the server sent it).
pub fn save_screen(person: &str, json: &str) {
    storage::set(&screen_key(person), json);
}

/// The last form screen kept for this person, as JSON.
pub fn load_screen(person: &str) -> Option<String> {
    storage::get(&screen_key(person))
}

/// Removes everything this module has kept, for everyone (signing out).
pub fn clear_all() {
    for key in storage::keys() {
        if key.starts_with(PREFIX) {
            storage::remove(&key);
        }
    }
}

/// A version 4 UUID from the browser's random numbers.
pub fn new_submission_id() -> String {
    let mut bytes = [0u8; 16];
    storage::random(&mut bytes);
    uuid_v4(bytes)
}

/// Sixteen random bytes as a version 4, variant 1 UUID.
pub fn uuid_v4(mut b: [u8; 16]) -> String {
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// True when the browser thinks it has a connection.
pub fn online() -> bool {
    storage::online()
}

/// Listens for the phone going online and offline (`true` when back
/// online) until dropped.
pub struct ConnectionListener {
    #[cfg(target_arch = "wasm32")]
    closures: [(&'static str, Listener); 2],
}

#[cfg(target_arch = "wasm32")]
type Listener = wasm_bindgen::closure::Closure<dyn FnMut()>;

#[cfg(target_arch = "wasm32")]
pub fn on_connection(callback: yew::Callback<bool>) -> ConnectionListener {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let make = |online: bool| {
        let callback = callback.clone();
        Closure::<dyn FnMut()>::new(move || callback.emit(online))
    };
    let closures = [("online", make(true)), ("offline", make(false))];
    if let Some(w) = web_sys::window() {
        for (event, c) in &closures {
            let _ = w.add_event_listener_with_callback(event, c.as_ref().unchecked_ref());
        }
    }
    ConnectionListener { closures }
}

#[cfg(not(target_arch = "wasm32"))]
pub fn on_connection(_callback: yew::Callback<bool>) -> ConnectionListener {
    ConnectionListener {}
}

#[cfg(target_arch = "wasm32")]
impl Drop for ConnectionListener {
    fn drop(&mut self) {
        use wasm_bindgen::JsCast;
        if let Some(w) = web_sys::window() {
            for (event, c) in &self.closures {
                let _ = w.remove_event_listener_with_callback(event, c.as_ref().unchecked_ref());
            }
        }
    }
}

/// The browser's storage, connection and random numbers; an in-memory
/// stand-in on the host, so the rules above are tested there.
#[cfg(target_arch = "wasm32")]
mod storage {
    fn local() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok().flatten()
    }

    pub fn get(key: &str) -> Option<String> {
        local()?.get_item(key).ok().flatten()
    }

    pub fn set(key: &str, value: &str) -> bool {
        local().is_some_and(|s| s.set_item(key, value).is_ok())
    }

    pub fn remove(key: &str) {
        if let Some(s) = local() {
            let _ = s.remove_item(key);
        }
    }

    pub fn keys() -> Vec<String> {
        let Some(s) = local() else { return Vec::new() };
        let n = s.length().unwrap_or(0);
        (0..n).filter_map(|i| s.key(i).ok().flatten()).collect()
    }

    pub fn random(bytes: &mut [u8]) {
        let crypto = web_sys::window().and_then(|w| w.crypto().ok());
        if crypto.is_none_or(|c| c.get_random_values_with_u8_array(bytes).is_err()) {
            // No Web Crypto (very old browsers): still unique enough for an
            // idempotency key, which is not a secret.
            for b in bytes.iter_mut() {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let r = (js_sys::Math::random() * 256.0) as u8;
                *b = r;
            }
        }
    }

    pub fn online() -> bool {
        web_sys::window().is_none_or(|w| w.navigator().on_line())
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod storage {
    use std::cell::{Cell, RefCell};
    use std::collections::BTreeMap;

    thread_local! {
        static ITEMS: RefCell<BTreeMap<String, String>> = const { RefCell::new(BTreeMap::new()) };
        static SEED: Cell<u64> = const { Cell::new(0x9e37_79b9_7f4a_7c15) };
    }

    pub fn get(key: &str) -> Option<String> {
        ITEMS.with(|m| m.borrow().get(key).cloned())
    }

    pub fn set(key: &str, value: &str) -> bool {
        ITEMS.with(|m| m.borrow_mut().insert(key.to_string(), value.to_string()));
        true
    }

    pub fn remove(key: &str) {
        ITEMS.with(|m| m.borrow_mut().remove(key));
    }

    pub fn keys() -> Vec<String> {
        ITEMS.with(|m| m.borrow().keys().cloned().collect())
    }

    pub fn random(bytes: &mut [u8]) {
        // xorshift: different every call, which is all the tests need.
        for b in bytes.iter_mut() {
            let mut x = SEED.with(Cell::get);
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            SEED.with(|s| s.set(x));
            *b = x.to_le_bytes()[0];
        }
    }

    pub fn online() -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use chrono::{TimeZone, Utc};

    fn server(updated: chrono::DateTime<Utc>) -> DraftView {
        DraftView {
            form_id: "f".into(),
            answers: vec![],
            readers: None,
            updated_at: updated,
        }
    }

    fn at(min: u32) -> chrono::DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 1, 10, min, 0).unwrap()
    }

    #[test]
    fn the_phone_wins_while_it_holds_something_the_server_has_not() {
        let mut l = LocalDraft::new("r", "f");
        assert_eq!(choose(None, None, "r"), Start::Empty);
        assert_eq!(choose(None, Some(&server(at(1))), "r"), Start::Server);
        l.synced = false;
        assert_eq!(choose(Some(&l), Some(&server(at(5))), "r"), Start::Local);
        l.synced = true;
        l.send_queued = true;
        assert_eq!(choose(Some(&l), Some(&server(at(5))), "r"), Start::Local);
        l.send_queued = false;
        assert_eq!(choose(Some(&l), None, "r"), Start::Local);
    }

    #[test]
    fn a_later_save_from_another_device_wins_once_the_phone_is_in_step() {
        let mut l = LocalDraft::new("r", "f");
        l.server_saved_at = Some(at(2).to_rfc3339());
        assert_eq!(choose(Some(&l), Some(&server(at(2))), "r"), Start::Local);
        assert_eq!(choose(Some(&l), Some(&server(at(3))), "r"), Start::Server);
        l.server_saved_at = None;
        assert_eq!(choose(Some(&l), Some(&server(at(3))), "r"), Start::Server);
    }

    #[test]
    fn a_draft_for_another_review_is_not_used() {
        let mut l = LocalDraft::new("old-review", "f");
        l.synced = false;
        assert_eq!(choose(Some(&l), None, "r"), Start::Empty);
        assert_eq!(choose(Some(&l), Some(&server(at(1))), "r"), Start::Server);
    }

    #[test]
    fn drafts_are_kept_per_person_and_form_and_all_go_on_sign_out() {
        clear_all();
        let mut a = LocalDraft::new("r", "form-1");
        a.answers.push(Answer {
            question: "better".into(),
            text: Some("More time with my brother".into()),
            ..Default::default()
        });
        assert!(save("leo", &a));
        assert!(save("mia", &LocalDraft::new("r2", "form-1")));
        save_screen("leo", "{}");
        storage::set("someone-else", "kept");
        assert_eq!(load("leo", "form-1"), Some(a.clone()));
        assert_eq!(load("leo", "form-2"), None);
        assert_eq!(for_review("leo", "r"), Some(a.clone()));
        assert_eq!(for_review("leo", "r2"), None);
        assert!(for_review("mia", "r2").is_some());
        assert_eq!(load_screen("leo").as_deref(), Some("{}"));
        remove("leo", "form-1");
        assert_eq!(load("leo", "form-1"), None);
        assert!(load("mia", "form-1").is_some());
        clear_all();
        assert_eq!(load("mia", "form-1"), None);
        assert_eq!(load_screen("leo"), None);
        assert_eq!(storage::get("someone-else").as_deref(), Some("kept"));
        storage::remove("someone-else");
    }

    #[test]
    fn submission_ids_are_version_4_uuids_and_differ() {
        let a = new_submission_id();
        let b = new_submission_id();
        assert_ne!(a, b);
        for id in [&a, &b] {
            assert_eq!(id.len(), 36);
            let parts: Vec<&str> = id.split('-').collect();
            assert_eq!(
                parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
                [8, 4, 4, 4, 12]
            );
            assert!(parts[2].starts_with('4'));
            assert!(matches!(
                parts[3].chars().next(),
                Some('8' | '9' | 'a' | 'b')
            ));
        }
        assert_eq!(uuid_v4([0; 16]), "00000000-0000-4000-8000-000000000000");
    }

    #[test]
    fn skipped_answers_are_not_kept() {
        let kept = non_empty(&[
            Answer {
                question: "a".into(),
                ..Default::default()
            },
            Answer {
                question: "b".into(),
                scale: Some(3),
                ..Default::default()
            },
            Answer {
                question: "c".into(),
                text: Some("  ".into()),
                ..Default::default()
            },
        ]);
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].question, "b");
    }
}
