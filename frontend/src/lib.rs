//! Good for Me: the app young people and council staff open on their phones.
//!
//! The browser entry point is [`start`]. Everything that can be checked
//! without a browser (routes, error wording, state changes, phone links) lives
//! in plain functions with unit tests: `cargo test -p frontend` runs them on
//! the host.
//!
//! Layout of the crate:
//! - [`app`]: the root component: router, app state (a reducer shared by
//!   context) and the first data load.
//! - [`route`]: every page's address, title and place in the bottom bar.
//! - [`state`]: the app state and the actions that change it.
//! - [`api`]: the one HTTP client, generic over the `shared::endpoints`
//!   declarations; [`http`] is its transport (errors, replies, `fetch`).
//! - [`me`]: who is signed in, loaded into the app state.
//! - [`session`]: the access token (in memory only), refresh through the
//!   HttpOnly cookie, one refresh at a time.
//! - [`clock`]: the browser's clock and local offset (a leaf module).
//! - [`hooks`]: loading a page's data, with "Loading…" and "Try again".
//! - [`components`]: the layout (header, skip link, bottom bar) and shared
//!   pieces such as the help panel.
//! - [`pages`]: one module per page.
//! - [`text`]: small text helpers.
//! - [`words`]: plain words for dates, roles, care status and audit rows.
//! - [`feedback_drafts`]: a young person's review answers kept on the
//!   phone until they are sent (cleared on sign-out).
//! - [`i18n`]: translations (`t`, `tf`) from `frontend/locales/`.
//! - [`pwa`]: the service worker (offline start, new versions, kept data,
//!   push) and what the page does with it.

pub mod api;
pub mod app;
pub mod clock;
pub mod components;
pub mod feedback_drafts;
pub mod hooks;
pub mod http;
pub mod i18n;
pub mod me;
pub mod pages;
pub mod pwa;
pub mod route;
pub mod session;
pub mod state;
pub mod text;
pub mod words;

/// Called by the wasm-bindgen glue as soon as the module is ready.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    components::staff_app::remember_opening();
    yew::Renderer::<app::App>::new().render();
}
