//! The signed-in session, kept in memory only.
//!
//! - The access token (short-lived, minutes) lives in a variable of this
//!   module: never in localStorage, sessionStorage, IndexedDB or a cookie a
//!   script can read. A reload forgets it.
//! - The refresh token lives in the `gfm_refresh` cookie the server sets:
//!   HttpOnly (no script sees it), SameSite=Strict, path `/api/auth`.
//! - On start, on a 401, and a minute before the access token runs out, the
//!   app calls `POST /api/auth/refresh` with no token in the body; the cookie carries the
//!   refresh token and the server rotates it. With no cookie at all the
//!   server answers 204 No Content: signed out, and no console error.
//!
//! Refresh tokens are single use: the server ends the whole session when an
//! old one comes back. So two refreshes must never race with the same
//! cookie. Inside this tab every caller shares one request in flight
//! ([`refresh`]); across tabs, a Web Lock (`navigator.locks`) makes them
//! take turns, so each sends the cookie the previous one received.

use crate::http::{self, ApiError};
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use shared::accounts::TokenResponse;
use std::cell::RefCell;
use std::rc::Rc;
use yew::Callback;

/// Refresh this many seconds before the access token runs out.
pub const REFRESH_EARLY_SECS: i64 = 60;
/// Never wait less than this between two planned refreshes.
pub const MIN_REFRESH_DELAY_SECS: i64 = 15;

/// The outcome of asking for a new access token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refreshed {
    /// A new access token is in memory.
    Yes,
    /// The server does not know this browser (no cookie, or the session has
    /// ended): the person is signed out.
    SignedOut,
    /// We could not ask (offline, server down). The person may still be
    /// signed in.
    Failed(ApiError),
}

struct Token {
    access: String,
    /// When it runs out, in milliseconds since 1970 (browser clock).
    expires_at_ms: f64,
}

/// Everything this module keeps, in one place.
#[derive(Default)]
struct Store {
    token: Option<Token>,
    /// Bumped whenever the token changes, so a planned refresh knows whether
    /// it is still the latest plan.
    generation: u64,
    in_flight: Option<Shared<LocalBoxFuture<'static, Refreshed>>>,
    on_signed_out: Option<Callback<()>>,
}

thread_local! {
    static STORE: Rc<RefCell<Store>> = Rc::new(RefCell::new(Store::default()));
}

fn with<R>(f: impl FnOnce(&mut Store) -> R) -> R {
    // One `LocalKey::with` for the whole module (each call site of a
    // generic `with` would otherwise be its own copy in the download).
    let store = STORE.with(Rc::clone);
    let mut store = store.borrow_mut();
    f(&mut store)
}

/// The app's handler for "the server has signed this person out" (the
/// session ended elsewhere, or the refresh cookie is gone).
pub fn on_signed_out(callback: Callback<()>) {
    with(|s| s.on_signed_out = Some(callback));
}

/// The access token for the `Authorization` header, if signed in.
pub fn access_token() -> Option<String> {
    with(|s| s.token.as_ref().map(|t| t.access.clone()))
}

/// True when there is a token and it runs out within half a minute.
pub fn expires_soon() -> bool {
    let now = clock::now_ms();
    with(|s| {
        s.token
            .as_ref()
            .is_some_and(|t| t.expires_at_ms - now < 30_000.0)
    })
}

/// Milliseconds to wait before refreshing a token that lives `expires_in`
/// seconds.
pub fn refresh_delay_ms(expires_in: i64) -> u32 {
    let secs = (expires_in - REFRESH_EARLY_SECS).max(MIN_REFRESH_DELAY_SECS);
    u32::try_from(secs.saturating_mul(1000)).unwrap_or(u32::MAX)
}

/// Keep a new access token (after sign-in, activation or refresh) and plan
/// the next refresh.
pub fn store(tokens: &TokenResponse) {
    let expires_in = tokens.expires_in.max(0);
    // Lossless for any sensible lifetime (well under 2^53 ms).
    #[allow(clippy::cast_precision_loss)]
    let expires_at_ms = clock::now_ms() + (expires_in as f64) * 1000.0;
    let generation = with(|s| {
        s.token = Some(Token {
            access: tokens.access_token.clone(),
            expires_at_ms,
        });
        bump(s)
    });
    plan_refresh(generation, refresh_delay_ms(expires_in));
}

/// Forget the token (sign-out). The refresh cookie is the server's to end.
pub fn clear() {
    with(|s| {
        s.token = None;
        bump(s);
    });
}

fn bump(s: &mut Store) -> u64 {
    s.generation = s.generation.wrapping_add(1);
    s.generation
}

/// The generation now: a planned refresh (in the browser) runs only if no
/// newer token or sign-out came since it was planned. Nothing on the host
/// plans refreshes, so there only the tests read it.
#[cfg(any(target_arch = "wasm32", test))]
fn generation() -> u64 {
    with(|s| s.generation)
}

fn signed_out() {
    clear();
    let callback = with(|s| s.on_signed_out.clone());
    if let Some(callback) = callback {
        callback.emit(());
    }
}

#[cfg(target_arch = "wasm32")]
fn plan_refresh(generation: u64, delay_ms: u32) {
    wasm_bindgen_futures::spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(delay_ms).await;
        // A newer token (or a sign-out) has its own plan.
        if self::generation() == generation {
            let _ = refresh().await;
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn plan_refresh(_generation: u64, _delay_ms: u32) {}

/// Ask the server for a new access token with the refresh cookie. Every
/// caller in this tab shares the one request in flight.
pub async fn refresh() -> Refreshed {
    let running = with(|s| s.in_flight.clone());
    if let Some(running) = running {
        return running.await;
    }
    let shared = async {
        let outcome = locked(refresh_now()).await;
        with(|s| s.in_flight = None);
        if outcome == Refreshed::SignedOut {
            signed_out();
        }
        outcome
    }
    .boxed_local()
    .shared();
    with(|s| s.in_flight = Some(shared.clone()));
    shared.await
}

async fn refresh_now() -> Refreshed {
    let reply = match http::send_public(
        shared::endpoints::auth::Refresh::url(),
        &shared::accounts::RefreshRequest::default(),
    )
    .await
    {
        Ok(reply) => reply,
        Err(err) => return Refreshed::Failed(err),
    };
    match reply.status {
        // 204: no refresh cookie, nobody signed in on this browser (the
        // usual signed-out start; not an error). 401: the cookie is wrong,
        // expired or already used, so the session has ended.
        204 | 401 => Refreshed::SignedOut,
        _ => match http::decode_reply::<TokenResponse>(&reply) {
            Ok(tokens) => {
                store(&tokens);
                Refreshed::Yes
            }
            Err(err) => Refreshed::Failed(err),
        },
    }
}

/// Run `work` holding the tab-shared Web Lock `gfm-refresh`, or without it
/// where the browser has no Web Locks.
#[cfg(target_arch = "wasm32")]
async fn locked(work: impl std::future::Future<Output = Refreshed> + 'static) -> Refreshed {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    #[wasm_bindgen]
    extern "C" {
        type LockManager;
        #[wasm_bindgen(method, js_name = request)]
        fn request(this: &LockManager, name: &str, callback: &js_sys::Function) -> js_sys::Promise;
    }

    let locks = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &JsValue::from_str("locks")).ok())
        .filter(|l| l.is_object());
    let Some(locks) = locks else {
        return work.await;
    };
    let locks: LockManager = locks.unchecked_into();

    let slot: Rc<RefCell<Option<Refreshed>>> = Rc::new(RefCell::new(None));
    let work = RefCell::new(Some(work.boxed_local()));
    let inner = slot.clone();
    // The lock is held until the promise this callback returns settles.
    let callback = Closure::once_into_js(move |_lock: JsValue| -> js_sys::Promise {
        let work = work.borrow_mut().take();
        wasm_bindgen_futures::future_to_promise(async move {
            if let Some(work) = work {
                let outcome = work.await;
                *inner.borrow_mut() = Some(outcome);
            }
            Ok(JsValue::UNDEFINED)
        })
    });
    let promise = locks.request("gfm-refresh", callback.unchecked_ref());
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    let outcome = slot.borrow_mut().take();
    outcome.unwrap_or(Refreshed::Failed(ApiError::UnexpectedReply))
}

#[cfg(not(target_arch = "wasm32"))]
async fn locked(work: impl std::future::Future<Output = Refreshed> + 'static) -> Refreshed {
    work.await
}

/// The clock moved to `crate::clock`; this path stays for code that uses it.
pub use crate::clock;

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn tokens(access: &str, expires_in: i64) -> TokenResponse {
        TokenResponse {
            access_token: access.into(),
            refresh_token: String::new(),
            expires_in,
        }
    }

    #[test]
    fn the_token_lives_in_memory_until_cleared() {
        clear();
        assert_eq!(access_token(), None);
        store(&tokens("abc", 600));
        assert_eq!(access_token().as_deref(), Some("abc"));
        assert!(!expires_soon());
        clear();
        assert_eq!(access_token(), None);
        assert!(!expires_soon());
    }

    #[test]
    fn a_token_about_to_run_out_is_refreshed_first() {
        store(&tokens("short", 10));
        assert!(expires_soon());
        clear();
    }

    #[test]
    fn refresh_is_planned_a_minute_early_but_not_too_often() {
        assert_eq!(refresh_delay_ms(600), 540_000);
        assert_eq!(refresh_delay_ms(60), 15_000);
        assert_eq!(refresh_delay_ms(0), 15_000);
        assert_eq!(refresh_delay_ms(i64::MAX), u32::MAX);
    }

    #[test]
    fn storing_or_clearing_starts_a_new_generation() {
        let a = generation();
        store(&tokens("x", 600));
        let b = generation();
        clear();
        let c = generation();
        assert!(a != b && b != c);
    }

    #[test]
    fn signing_out_tells_the_app() {
        use std::cell::Cell;
        let told = Rc::new(Cell::new(0));
        let t = told.clone();
        on_signed_out(Callback::from(move |()| t.set(t.get() + 1)));
        store(&tokens("x", 600));
        signed_out();
        assert_eq!(told.get(), 1);
        assert_eq!(access_token(), None);
    }
}
