//! The one HTTP client. Every address is built from a declaration in
//! `shared::endpoints` (`ep::X::url(..)`, with `.query(..)` where it has a
//! query), and every call goes through [`call`] (or [`fetch`], [`fetch_raw`]
//! for a reply kept as it came), generic over the declaration: the method is
//! the declaration's, the body must be its `Request` and the answer is
//! decoded as its `Response`, so the app and the server cannot disagree.
//!
//! Signed-in calls carry the access token that [`crate::session`] keeps in
//! memory. When the server answers 401 the client asks `session` for a new
//! token (one refresh, shared by every caller) and tries once more; if that
//! fails too, the person is signed out.
//!
//! Failures become an [`ApiError`] (in [`crate::http`], the transport under
//! this module) whose [`ApiError::message`] is safe to show to a young
//! person: the server's own words when it sent an `ErrorBody`, otherwise
//! plain words chosen there.
//!
//! The typed calls that build a body or do more than call (signing in keeps
//! the token; signing out forgets the drafts) are here by capability:
//! [`account`], [`people`], [`plans`], [`reviews`].

mod account;
mod people;
mod plans;
mod reviews;

pub use account::*;
pub use people::*;
pub use plans::*;
pub use reviews::*;

pub use crate::http::{
    decode, decode_reply, status_message, wait_words, ApiError, Reply, OFFLINE_MESSAGE,
    OUR_FAULT_MESSAGE,
};

use crate::http::{body_of, raw_text, transport};
use crate::session::{self, Refreshed};
use futures::future::{FutureExt, LocalBoxFuture};
use serde::de::{DeserializeOwned, IgnoredAny};
use serde::Serialize;
use shared::endpoints::{Endpoint, Raw, Url};

/// A call as the signed-in person: with the access token, and one more try
/// after a refresh when the server says the token is no longer good.
///
/// Not generic and boxed, so the one state machine is shared by every typed
/// call instead of being copied into each (the app downloads less).
fn signed_in(
    method: &'static str,
    url: String,
    json: Option<String>,
) -> LocalBoxFuture<'static, Result<Reply, ApiError>> {
    signed_in_call(method, url, json).boxed_local()
}

async fn signed_in_call(
    method: &'static str,
    url: String,
    json: Option<String>,
) -> Result<Reply, ApiError> {
    if session::expires_soon() {
        // Best effort: if this fails the call below answers 401 and we
        // handle it there.
        let _ = session::refresh().await;
    }
    let token = session::access_token();
    let reply = transport::send(method, &url, json.clone(), token.as_deref()).await?;
    if reply.status != 401 || token.is_none() {
        return Ok(reply);
    }
    match session::refresh().await {
        Refreshed::Yes => {
            let token = session::access_token();
            transport::send(method, &url, json, token.as_deref()).await
        }
        // Signed out: the 401 stands, and the app has been told.
        Refreshed::SignedOut => Ok(reply),
        Refreshed::Failed(err) => Err(err),
    }
}

/// One call of `E` as the signed-in person, the reply undecoded.
fn send<E: Endpoint>(
    url: Url<E>,
    body: &E::Request,
) -> Result<LocalBoxFuture<'static, Result<Reply, ApiError>>, ApiError>
where
    E::Request: Serialize,
{
    let json = body_of::<E>(body)?;
    Ok(signed_in(E::META.method.as_str(), url.into(), json))
}

/// Call `E` at `url` with `body` (`&()` when it takes none) and decode its
/// answer as the declaration's `Response`.
pub async fn call<E: Endpoint>(url: Url<E>, body: &E::Request) -> Result<E::Response, ApiError>
where
    E::Request: Serialize,
    E::Response: DeserializeOwned,
{
    decode_reply(&send(url, body)?.await?)
}

/// Call `E` when the page does not need its answer (it loads again): the
/// reply is checked for an error but its body is not decoded.
pub async fn call_done<E: Endpoint>(url: Url<E>, body: &E::Request) -> Result<(), ApiError>
where
    E::Request: Serialize,
{
    decode_reply::<IgnoredAny>(&send(url, body)?.await?).map(drop)
}

/// `GET` a declaration that takes no body, decoded.
pub async fn get<E: Endpoint<Request = ()>>(url: Url<E>) -> Result<E::Response, ApiError>
where
    E::Response: DeserializeOwned,
{
    call(url, &()).await
}

/// A call of `E` that takes no body, the reply kept undecoded: pages decode
/// it as they render (see `hooks::use_get`), or keep its text for offline.
pub fn fetch<E: Endpoint<Request = ()>>(
    url: Url<E>,
) -> LocalBoxFuture<'static, Result<Reply, ApiError>> {
    signed_in(E::META.method.as_str(), url.into(), None)
}

/// [`fetch`] once for every endpoint: `hooks::use_get` keeps the address
/// (built from a declaration by its caller) as text between renders.
pub(crate) fn fetch_text(
    method: &'static str,
    url: String,
) -> LocalBoxFuture<'static, Result<Reply, ApiError>> {
    signed_in(method, url, None)
}

/// The text of an answer that is not JSON (a declaration whose `Response`
/// is [`Raw`], such as the calendar file of my next review).
pub async fn fetch_raw<E: Endpoint<Request = (), Response = Raw>>(
    url: Url<E>,
) -> Result<String, ApiError> {
    raw_text(&fetch(url).await?)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use shared::endpoints as ep;

    #[test]
    fn addresses_come_from_the_declarations_and_cannot_escape_their_path() {
        assert_eq!(ep::councils::ListCouncils::url().as_str(), "/api/councils");
        assert_eq!(
            ep::councils::Teams::url("bexley").as_str(),
            "/api/councils/bexley/teams"
        );
        assert_eq!(
            ep::people::Person::url("../staff?x=1").as_str(),
            "/api/people/..%2Fstaff%3Fx%3D1"
        );
    }

    #[test]
    fn forum_pages_carry_an_escaped_cursor() {
        use ep::forum::{AfterQuery, BeforeQuery};
        assert_eq!(
            ep::forum::MyPosts::url()
                .query(&BeforeQuery::default())
                .as_str(),
            "/api/forum/me/posts"
        );
        assert_eq!(
            ep::forum::SpaceThreads::url("positive-journeys")
                .query(&BeforeQuery {
                    before: Some("a-1&x=2".into()),
                    limit: None
                })
                .as_str(),
            "/api/forum/spaces/positive-journeys/threads?before=a-1%26x%3D2"
        );
        assert_eq!(
            ep::forum::Thread::url("t1")
                .query(&AfterQuery {
                    after: Some("p2".into()),
                    limit: None
                })
                .as_str(),
            "/api/forum/threads/t1?after=p2"
        );
    }
}
