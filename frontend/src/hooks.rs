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
use shared::endpoints::{Endpoint, Url};
use std::marker::PhantomData;
use yew::prelude::*;

/// The body standing in for "nothing asked for".
const NOTHING: &str = "null";

/// What a page asked the server for, from endpoint `E`.
pub struct Loaded<E> {
    reply: UseStateHandle<Remote<Reply>>,
    /// Load again, keeping what is on screen until the answer comes.
    pub reload: Callback<()>,
    endpoint: PhantomData<fn() -> E>,
}

impl<E: Endpoint> Loaded<E>
where
    E::Response: DeserializeOwned,
{
    /// The reply as the declaration's `Response`. A page that asked for
    /// nothing (`None` address) gets what `null` decodes to; use
    /// [`Loaded::maybe`] or [`Loaded::list`] for those.
    pub fn get(&self) -> Remote<E::Response> {
        decoded(&self.reply)
    }

    /// The reply, or `None` when the page asked for nothing.
    pub fn maybe(&self) -> Remote<Option<E::Response>> {
        decoded(&self.reply)
    }
}

/// A lean type a page reads endpoint `E`'s answer into instead of the
/// declared `Response`: only the fields it shows, so the download carries no
/// decoder for the rest. Implemented next to the lean type, with a test that
/// it reads what the server sends (the declared type, serialised).
pub trait LeanOf<E: Endpoint>: DeserializeOwned {}

impl<E: Endpoint> Loaded<E> {
    /// The reply read into a lean type declared for `E` ([`LeanOf`]).
    pub fn lean<T: LeanOf<E>>(&self) -> Remote<T> {
        decoded(&self.reply)
    }

    /// [`Loaded::lean`], or `None` when the page asked for nothing.
    pub fn lean_maybe<T: LeanOf<E>>(&self) -> Remote<Option<T>> {
        decoded(&self.reply)
    }
}

impl<E> Loaded<E> {
    /// True once the server has answered (with anything but an error).
    pub fn is_ready(&self) -> bool {
        matches!(&*self.reply, Remote::Ready(_))
    }
}

impl<E, T> Loaded<E>
where
    E: Endpoint<Response = Vec<T>>,
    T: DeserializeOwned,
{
    /// A list, empty when nothing was asked for.
    pub fn list(&self) -> Remote<Vec<T>> {
        match &*self.reply {
            Remote::Ready(reply) if reply.body == NOTHING => Remote::Ready(Vec::new()),
            _ => decoded(&self.reply),
        }
    }
}

fn decoded<T: DeserializeOwned>(reply: &Remote<Reply>) -> Remote<T> {
    match reply {
        Remote::Loading => Remote::Loading,
        Remote::Failed(err) => Remote::Failed(err.clone()),
        Remote::Ready(reply) => match api::decode_reply(reply) {
            Ok(value) => Remote::Ready(value),
            Err(err) => Remote::Failed(err),
        },
    }
}

/// `GET` endpoint `E` at `url` when the page opens and whenever `url`
/// changes; no call at all for `None`. An answer that comes back after a
/// newer request started is dropped.
#[hook]
pub fn use_get<E: Endpoint<Request = ()>>(url: Option<Url<E>>) -> Loaded<E> {
    let (reply, reload) = use_reply(url.map(String::from), E::META.method.as_str());
    Loaded {
        reply,
        reload,
        endpoint: PhantomData,
    }
}

/// The work of [`use_get`], once for every endpoint.
#[hook]
fn use_reply(
    url: Option<String>,
    method: &'static str,
) -> (UseStateHandle<Remote<Reply>>, Callback<()>) {
    let reply = use_state(|| Remote::Loading);
    let round = use_state(|| 0u32);
    let latest = use_mut_ref(|| (0u32, None::<Option<String>>));
    {
        let reply = reply.clone();
        use_effect_with((url, *round), move |(url, _)| {
            let ticket = {
                let mut latest = latest.borrow_mut();
                if latest.1.as_ref() != Some(url) {
                    reply.set(Remote::Loading);
                    latest.1 = Some(url.clone());
                }
                latest.0 = latest.0.wrapping_add(1);
                latest.0
            };
            let Some(url) = url.clone() else {
                reply.set(Remote::Ready(Reply {
                    status: 200,
                    body: NOTHING.to_string(),
                    retry_after: None,
                }));
                return;
            };
            wasm_bindgen_futures::spawn_local(async move {
                let result = api::fetch_text(method, url).await;
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
    (reply, reload)
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
