//! Every HTTP endpoint of the API, declared once: its method, its path with
//! the parameters it takes, its query, request and response types, who may
//! call it, and a unique operation id (the declaration's name).
//!
//! The server registers its routes and guards from these declarations and
//! builds the OpenAPI document from them; the access walk reads its table
//! from [`all`]; the app builds every address with a declaration's `url`.
//! See `docs/endpoints.md` for why it is done this way.

use crate::access::{Ability, Action};
use std::fmt::Write as _;
use std::marker::PhantomData;

pub mod auth;
pub mod councils;
pub mod events;
pub mod feedback;
pub mod forum;
pub mod health;
pub mod home;
pub mod me;
pub mod moderation;
pub mod offer;
pub mod openapi;
pub mod people;
pub mod plans;
pub mod push;
pub mod reviews;
pub mod staff;

/// What each declaration file starts with.
mod prelude {
    pub(super) use super::endpoints;
    pub(super) use crate::access::{Ability, Action};
}

/// Where the API lives, on the same origin as the app.
pub const API_PREFIX: &str = "/api";

/// An HTTP method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    /// `"GET"`, as on the wire.
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
}

/// Who may call an endpoint. The server enforces the signed-in part, the
/// role and the ability before the handler runs; a record's own rule
/// (`Record`) is decided by the handler through `backend::access`, because
/// it needs the record. The access walk checks all of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guard {
    /// Anyone, signed in or not.
    Public,
    /// Any signed-in person, about themself only.
    SignedIn,
    /// A signed-in young person, about their own record.
    YoungPersonSelf,
    /// A staff-wide ability (not about one record).
    Ability(Ability),
    /// One young person's record, named by `{id}` in the path.
    Record(Action),
}

/// A declaration's facts, for tables (the walk, the OpenAPI test).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Meta {
    pub method: Method,
    /// The full path, `/api/...`, with `{name}` for each parameter.
    pub path: &'static str,
    /// The OpenAPI operation id: unique.
    pub id: &'static str,
    pub guard: Guard,
}

impl Meta {
    /// The path under the API's scope: `/api/me` -> `/me`.
    pub fn path_in_api(&self) -> &'static str {
        self.path.strip_prefix(API_PREFIX).unwrap_or(self.path)
    }
}

/// One endpoint. Implemented by the `endpoints!` declarations only.
pub trait Endpoint: 'static {
    const META: Meta;
    /// What follows the `?` (`()` for nothing).
    type Query;
    /// The JSON body sent (`()` for none).
    type Request;
    /// The JSON body answered (`()` for none; [`Raw`] for a body that is not
    /// JSON, such as a calendar file).
    type Response;
}

/// A response body that is not JSON (an iCalendar file, the OpenAPI
/// document as it is stored).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Raw;

/// A query string's pairs, for the app to build an address.
pub trait ToQuery {
    /// The pairs to send; `None` values are left out.
    fn pairs(&self) -> Vec<(&'static str, Option<String>)>;
}

impl ToQuery for () {
    fn pairs(&self) -> Vec<(&'static str, Option<String>)> {
        Vec::new()
    }
}

/// The address of one call of endpoint `E`: the path with its parameters
/// filled in (each escaped), and a query when one is added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url<E> {
    text: String,
    endpoint: PhantomData<fn() -> E>,
}

impl<E: Endpoint> Url<E> {
    /// `E`'s path with `values` in its `{…}` places, in order. The
    /// declarations' `url` functions name the values; use those.
    pub fn fill(values: &[&str]) -> Self {
        Url {
            text: fill_path(E::META.path, values),
            endpoint: PhantomData,
        }
    }

    /// The same address with `query` added (nothing for empty values).
    pub fn query(mut self, query: &E::Query) -> Self
    where
        E::Query: ToQuery,
    {
        let mut first = !self.text.contains('?');
        for (key, value) in query.pairs() {
            let Some(value) = value else { continue };
            self.text.push(if first { '?' } else { '&' });
            first = false;
            self.text.push_str(key);
            self.text.push('=');
            self.text.push_str(&escape(&value));
        }
        self
    }

    /// The whole address, `/api/...`.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl<E> From<Url<E>> for String {
    fn from(url: Url<E>) -> String {
        url.text
    }
}

/// `template` with each `{…}` replaced by the next of `values`, escaped.
fn fill_path(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut values = values.iter();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = rest[open..].find('}').map_or(rest.len(), |c| open + c + 1);
        out.push_str(&escape(values.next().copied().unwrap_or_default()));
        rest = &rest[close..];
    }
    out.push_str(rest);
    out
}

/// Percent-escapes everything but unreserved characters (RFC 3986), so an
/// id or a search can never change the path or the query it goes in.
pub fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

/// Declares endpoints: one unit struct each, with `Endpoint` and a `url`
/// function whose arguments are the path's parameters.
///
/// ```text
/// /// What the doc says.
/// Name: METHOD "/api/path/{param}" (param) [query Q,] [body B,] -> Response, Guard;
/// ```
macro_rules! endpoints {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident : $method:ident $path:literal ( $($param:ident),* )
            $(query $query:ty,)? $(body $request:ty,)? -> $response:ty,
            $guard:ident $(($rule:path))?
    );* $(;)?) => {
        $(
            $(#[doc = $doc])*
            #[derive(Debug, Clone, Copy, PartialEq, Eq)]
            pub struct $name;

            impl $crate::endpoints::Endpoint for $name {
                const META: $crate::endpoints::Meta = $crate::endpoints::Meta {
                    method: $name::METHOD,
                    path: $name::PATH,
                    id: stringify!($name),
                    guard: $crate::endpoints::Guard::$guard $(($rule))?,
                };
                type Query = $crate::endpoints::or_unit!($($query)?);
                type Request = $crate::endpoints::or_unit!($($request)?);
                type Response = $response;
            }

            impl $name {
                pub const METHOD: $crate::endpoints::Method = $crate::endpoints::method!($method);
                pub const PATH: &'static str = $path;

                /// The address of a call, with the path's parameters filled in.
                pub fn url($($param: &str),*) -> $crate::endpoints::Url<$name> {
                    $crate::endpoints::Url::fill(&[$($param),*])
                }
            }
        )*

        /// Every endpoint declared in this file.
        pub const ALL: &[$crate::endpoints::Meta] =
            &[$(<$name as $crate::endpoints::Endpoint>::META),*];
    };
}

macro_rules! method {
    (GET) => {
        $crate::endpoints::Method::Get
    };
    (POST) => {
        $crate::endpoints::Method::Post
    };
    (PUT) => {
        $crate::endpoints::Method::Put
    };
    (PATCH) => {
        $crate::endpoints::Method::Patch
    };
    (DELETE) => {
        $crate::endpoints::Method::Delete
    };
}

macro_rules! or_unit {
    () => {
        ()
    };
    ($t:ty) => {
        $t
    };
}

pub(crate) use {endpoints, method, or_unit};

/// Every declared endpoint, file by file.
pub fn all() -> impl Iterator<Item = &'static Meta> {
    [
        health::ALL,
        openapi::ALL,
        councils::ALL,
        auth::ALL,
        me::ALL,
        home::ALL,
        people::ALL,
        staff::ALL,
        push::ALL,
        offer::ALL,
        plans::ALL,
        reviews::ALL,
        feedback::ALL,
        forum::ALL,
        events::ALL,
        moderation::ALL,
    ]
    .into_iter()
    .flatten()
}

/// The declaration of `method` `path` (`path` as declared, with `{…}`).
pub fn find(method: Method, path: &str) -> Option<&'static Meta> {
    all().find(|m| m.method == method && m.path == path)
}

/// `"get"` or `"GET"` to a [`Method`].
pub fn parse_method(method: &str) -> Option<Method> {
    [
        Method::Get,
        Method::Post,
        Method::Put,
        Method::Patch,
        Method::Delete,
    ]
    .into_iter()
    .find(|m| m.as_str().eq_ignore_ascii_case(method))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operation_ids_are_unique_and_paths_well_formed() {
        let mut ids = std::collections::HashSet::new();
        let mut routes = std::collections::HashSet::new();
        for m in all() {
            assert!(ids.insert(m.id), "operation id {} is used twice", m.id);
            assert!(
                routes.insert((m.method, m.path)),
                "{} {} is declared twice",
                m.method.as_str(),
                m.path
            );
            assert!(m.path.starts_with("/api/"), "{} is outside /api", m.path);
            assert_eq!(
                m.path.matches('{').count(),
                m.path.matches('}').count(),
                "{}",
                m.path
            );
            if let Guard::Record(_) = m.guard {
                assert!(
                    m.path.contains("{id}"),
                    "{}: a record guard needs {{id}}",
                    m.id
                );
            }
        }
        assert!(ids.len() > 100);
    }

    #[test]
    fn urls_fill_and_escape_parameters() {
        assert_eq!(
            people::Person::url("a/b?c").as_str(),
            "/api/people/a%2Fb%3Fc"
        );
        assert_eq!(
            offer::PublicOffer::url("bexley")
                .query(&offer::SearchQuery {
                    q: Some("bus pass & more".into())
                })
                .as_str(),
            "/api/councils/bexley/offer?q=bus%20pass%20%26%20more"
        );
        assert_eq!(
            offer::PublicOffer::url("bexley")
                .query(&offer::SearchQuery { q: None })
                .as_str(),
            "/api/councils/bexley/offer"
        );
        assert_eq!(me::Me::url().as_str(), "/api/me");
    }

    #[test]
    fn found_by_method_and_path() {
        let m = find(Method::Get, "/api/me/offer").map(|m| m.id);
        assert_eq!(m, Some("MyOffer"));
        assert_eq!(parse_method("patch"), Some(Method::Patch));
    }
}
