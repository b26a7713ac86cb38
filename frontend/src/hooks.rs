//! Loading data for a page: one hook, the same "Loading…" and "Try again"
//! everywhere.
//!
//! The hook keeps the server's reply and each page decodes it into its
//! `shared` type when it renders. That keeps one copy of the loading code in
//! the app instead of one per type (every copy is download size), and
//! decoding a page's worth of JSON is quick.

use crate::api::{self, Reply};
use crate::i18n::{t, tf};
use crate::state::Remote;
use serde::de::DeserializeOwned;
use yew::prelude::*;

/// The body standing in for "nothing asked for".
const NOTHING: &str = "null";

/// What a page asked the server for.
pub struct Loaded {
    reply: UseStateHandle<Remote<Reply>>,
    /// Load again, keeping what is on screen until the answer comes.
    pub reload: Callback<()>,
}

impl Loaded {
    /// The reply as a `T`. A page that asked for nothing (`None` path) gets
    /// what `null` decodes to, so ask for an `Option` or use [`Loaded::list`].
    pub fn get<T: DeserializeOwned>(&self) -> Remote<T> {
        match &*self.reply {
            Remote::Loading => Remote::Loading,
            Remote::Failed(err) => Remote::Failed(err.clone()),
            Remote::Ready(reply) => match api::decode_reply(reply) {
                Ok(value) => Remote::Ready(value),
                Err(err) => Remote::Failed(err),
            },
        }
    }

    /// True once the server has answered (with anything but an error).
    pub fn is_ready(&self) -> bool {
        matches!(&*self.reply, Remote::Ready(_))
    }

    /// A list, empty when nothing was asked for.
    pub fn list<T: DeserializeOwned>(&self) -> Remote<Vec<T>> {
        match &*self.reply {
            Remote::Ready(reply) if reply.body == NOTHING => Remote::Ready(Vec::new()),
            _ => self.get(),
        }
    }
}

/// `GET /api{path}` when the page opens and whenever `path` changes; no call
/// at all for `None`. An answer that comes back after a newer request
/// started is dropped.
#[hook]
pub fn use_get(path: Option<String>) -> Loaded {
    let reply = use_state(|| Remote::Loading);
    let round = use_state(|| 0u32);
    let latest = use_mut_ref(|| (0u32, None::<Option<String>>));
    {
        let reply = reply.clone();
        use_effect_with((path, *round), move |(path, _)| {
            let ticket = {
                let mut latest = latest.borrow_mut();
                if latest.1.as_ref() != Some(path) {
                    reply.set(Remote::Loading);
                    latest.1 = Some(path.clone());
                }
                latest.0 = latest.0.wrapping_add(1);
                latest.0
            };
            let Some(path) = path.clone() else {
                reply.set(Remote::Ready(Reply {
                    status: 200,
                    body: NOTHING.to_string(),
                    retry_after: None,
                }));
                return;
            };
            wasm_bindgen_futures::spawn_local(async move {
                let result = api::fetch(&path).await;
                if latest.borrow().0 == ticket {
                    reply.set(match result {
                        Ok(r) => Remote::Ready(r),
                        Err(err) => Remote::Failed(err),
                    });
                }
            });
        });
    }
    let reload = {
        let round = round.clone();
        Callback::from(move |()| round.set(round.wrapping_add(1)))
    };
    Loaded { reply, reload }
}

/// "Loading…" or the error with "Try again"; `None` once the data is here.
pub fn waiting<T>(remote: &Remote<T>, what: &str, reload: &Callback<()>) -> Option<Html> {
    // The work is in one plain function, not copied for every `T`.
    match remote {
        Remote::Ready(_) => None,
        Remote::Loading => Some(not_yet(None, what, reload)),
        Remote::Failed(err) => Some(not_yet(Some(err), what, reload)),
    }
}

fn not_yet(failed: Option<&api::ApiError>, what: &str, reload: &Callback<()>) -> Html {
    match failed {
        None => html! {
            <p class="muted" role="status">{ tf("errors-getting", &[("what", what)]) }</p>
        },
        Some(err) => {
            let reload = reload.clone();
            let onclick = Callback::from(move |_| reload.emit(()));
            html! {
                <div class="notice" role="alert">
                    <p>{ tf("errors-could-not-get", &[("what", what)]) }{ " " }{ err.message() }</p>
                    <button type="button" class="button button-secondary" {onclick}>{ t("errors-try-again") }</button>
                </div>
            }
        }
    }
}
