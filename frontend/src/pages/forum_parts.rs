//! The pieces the forum pages share, for young people and for staff: when
//! something happened, plain text with links shown (never fetched), post
//! states in words, what happened after posting, help for a young person
//! whose words suggest they are at risk, the "said" line under a button,
//! cancel and toggle buttons, the links between the forum pages, and the
//! one-page message after a move. Its own module, so the forum pages use it
//! without going through each other.

use crate::api::ApiError;
use crate::components::form::focus_soon;
use crate::i18n::{t, tf};
use crate::route::Route;
use crate::state::AppContext;
use crate::text::{tel_href, CHILDLINE_PHONE};
use chrono::{DateTime, Utc};
use futures::future::LocalBoxFuture;
use shared::forum::{HarmHelp, PostOutcome, PostStatus, TextSpan};
use shared::text_checks::DetailKind;
use yew::prelude::*;
use yew_router::Routable;

/// When, in the reader's language: "today at 3:05pm" in English; the
/// phone's own words for the date in other languages.
pub fn when(at: DateTime<Utc>) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let lang = crate::i18n::language();
        if lang != crate::i18n::Lang::En {
            #[allow(clippy::cast_precision_loss)]
            let ms = at.timestamp_millis() as f64;
            let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"dateStyle".into(), &"full".into());
            let _ = js_sys::Reflect::set(&options, &"timeStyle".into(), &"short".into());
            return String::from(date.to_locale_string(lang.tag(), &options));
        }
    }
    crate::words::when_now(at)
}

/// Cuts `text` into pieces, marking those inside `ranges` (byte offsets;
/// overlapping ranges are joined, and any that are out of bounds or not on
/// a character boundary are left out).
pub fn pieces<'a>(text: &'a str, ranges: &[(usize, usize)]) -> Vec<(&'a str, bool)> {
    let mut ranges: Vec<(usize, usize)> = ranges
        .iter()
        .copied()
        .filter(|(s, e)| s < e && text.get(*s..*e).is_some())
        .collect();
    ranges.sort_unstable();
    let mut out = Vec::new();
    let mut at = 0;
    for (start, end) in ranges {
        let start = start.max(at);
        if start >= end {
            continue;
        }
        if let Some(before) = text.get(at..start).filter(|b| !b.is_empty()) {
            out.push((before, false));
        }
        if let Some(marked) = text.get(start..end) {
            out.push((marked, true));
        }
        at = end;
    }
    if let Some(rest) = text.get(at..).filter(|r| !r.is_empty()) {
        out.push((rest, false));
    }
    out
}

/// A post's plain text, line breaks kept. Web links are shown as text in
/// their own style: never a link, never fetched, so nothing is previewed
/// and nobody is taken anywhere by a tap.
pub fn post_text(body: &str, links: &[TextSpan]) -> Html {
    let ranges: Vec<(usize, usize)> = links.iter().map(|l| (l.start, l.end)).collect();
    html! {
        <p class="post-text" dir="auto">
            { for pieces(body, &ranges).into_iter().map(|(text, link)| if link {
                html! { <span class="post-link" translate="no">{ text }</span> }
            } else {
                html! { { text } }
            }) }
        </p>
    }
}

/// A post's state, in words for its author.
pub fn status_words(s: PostStatus) -> String {
    t(match s {
        PostStatus::Pending => "forum-status-pending",
        PostStatus::Published => "forum-status-published",
        PostStatus::Rejected => "forum-status-rejected",
        PostStatus::Removed => "forum-status-removed",
        PostStatus::Deleted => "forum-status-deleted",
    })
}

/// The tag class for a post's state (the words carry the meaning).
pub fn status_class(s: PostStatus) -> &'static str {
    match s {
        PostStatus::Pending => "tag tag-changed",
        PostStatus::Published => "tag tag-good",
        PostStatus::Rejected | PostStatus::Removed => "tag tag-bad",
        PostStatus::Deleted => "tag tag-quiet",
    }
}

pub fn status_tag(s: PostStatus) -> Html {
    html! { <span class={status_class(s)}>{ status_words(s) }</span> }
}

/// What to tell a young person after they posted.
pub fn outcome_words(o: &PostOutcome) -> String {
    if o.help.is_some() {
        return t("forum-posted-help");
    }
    if o.status == PostStatus::Published {
        return t("forum-posted-up");
    }
    match o.personal_details.first().map(|f| f.kind) {
        Some(kind) => t(match kind {
            DetailKind::Phone => "forum-held-phone",
            DetailKind::Email => "forum-held-email",
            DetailKind::Postcode => "forum-held-postcode",
            DetailKind::Address => "forum-held-address",
            DetailKind::School => "forum-held-school",
            DetailKind::SocialMedia => "forum-held-social",
        }),
        None => t("forum-posted-waiting"),
    }
}

/// Help now, when what a young person wrote suggests they may be at risk:
/// Childline and the council's duty team, with buttons that call.
pub fn help_box(help: &HarmHelp) -> Html {
    let call = |number: &str, key: &str| match tel_href(number) {
        Some(href) => html! {
            <a class="button button-call" href={href}>{ tf(key, &[("phone", number)]) }</a>
        },
        None => html! { <p class="big">{ tf(key, &[("phone", number)]) }</p> },
    };
    html! {
        <div class="help-panel help-panel-urgent">
            <p>{ t("forum-help-text") }</p>
            <div class="actions">
                { call(CHILDLINE_PHONE, "forum-help-childline") }
                { call(&help.duty_phone, "forum-help-duty") }
            </div>
            { crate::components::help_panel::danger_999() }
        </div>
    }
}

/// A short message in one place on a page ("Reported. Thank you."), shown
/// where the action was taken: `at` names the place.
#[derive(Clone, PartialEq)]
pub struct Said {
    at: UseStateHandle<Option<String>>,
    text: UseStateHandle<Option<String>>,
    good: UseStateHandle<bool>,
}

#[hook]
pub fn use_said() -> Said {
    Said {
        at: use_state(|| None),
        text: use_state(|| None),
        good: use_state(|| true),
    }
}

impl Said {
    pub fn show(&self, at: &str, text: String, good: bool) {
        self.good.set(good);
        self.text.set(Some(text));
        self.at.set(Some(at.to_string()));
    }

    pub fn clear(&self) {
        self.at.set(None);
    }

    /// The live region for place `at`: always there, so what appears in it
    /// is announced.
    pub fn slot(&self, at: &str) -> Html {
        let here = self.at.as_deref() == Some(at);
        let text = self.text.as_ref().filter(|_| here);
        let class = if *self.good {
            "notice-success"
        } else {
            "notice"
        };
        html! {
            <div role="status">
                if let Some(text) = text {
                    <p class={class}>{ text.clone() }</p>
                }
            </div>
        }
    }
}

/// Runs a call that changes something; then says `ok` at `at` and loads
/// again, or says what went wrong.
pub fn run(
    call: LocalBoxFuture<'static, Result<(), ApiError>>,
    said: Said,
    at: String,
    ok: String,
    reload: Callback<()>,
) {
    wasm_bindgen_futures::spawn_local(async move {
        match call.await {
            Ok(()) => {
                said.show(&at, ok, true);
                reload.emit(());
            }
            Err(err) => said.show(&at, err.message(), false),
        }
    });
}

/// A button that opens (or closes) a panel named `key` in `open`, with
/// words only a screen reader hears after its label.
pub fn toggle(
    open: &UseStateHandle<Option<String>>,
    key: String,
    label: String,
    more: String,
    class: &'static str,
) -> Html {
    let expanded = open.as_deref() == Some(key.as_str());
    let onclick = {
        let open = open.clone();
        let key = key.clone();
        Callback::from(move |_| {
            if open.as_deref() == Some(key.as_str()) {
                open.set(None);
            } else {
                open.set(Some(key.clone()));
            }
        })
    };
    html! {
        <button type="button" id={key} {class} aria-expanded={if expanded { "true" } else { "false" }} {onclick}>
            { label }
            if !more.is_empty() {
                <span class="visually-hidden">{ format!(": {more}") }</span>
            }
        </button>
    }
}

/// "Cancel": closes the open panel and puts focus back on its button.
pub fn cancel_button(open: &UseStateHandle<Option<String>>, words: String) -> Html {
    let onclick = {
        let open = open.clone();
        Callback::from(move |_| {
            if let Some(key) = (*open).clone() {
                focus_soon(key);
            }
            open.set(None);
        })
    };
    html! { <button type="button" class="button button-secondary" {onclick}>{ words }</button> }
}

/// The other forum pages, as links with a line about each.
pub fn forum_links() -> Html {
    let link = |to: Route, title: &str, text: &str| {
        html! {
            <li class="link-card">
                <a class="link-card-link" href={to.to_path()}>{ t(title) }</a>
                <p class="link-card-text">{ t(text) }</p>
            </li>
        }
    };
    html! {
        <ul class="link-cards">
            { link(Route::ForumMyPosts, "forum-my-posts", "forum-my-posts-text") }
            { link(Route::ForumEvents, "forum-events", "forum-events-text") }
            { link(Route::ForumPolls, "forum-polls", "forum-polls-text") }
        </ul>
    }
}

/// The one-page message for `route`, if there is one.
pub fn flash_for(app: &AppContext, route: &Route) -> Html {
    html! {
        <div role="status">
            if let Some(f) = app.flash.as_ref().filter(|f| f.route == *route) {
                <p class="notice-success">{ f.text.clone() }</p>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_mark_ranges_and_keep_the_rest() {
        let text = "see www.a.org and https://b.org/x now";
        let got = pieces(text, &[(18, 31), (4, 13)]);
        assert_eq!(
            got,
            vec![
                ("see ", false),
                ("www.a.org", true),
                (" and ", false),
                ("https://b.org", true),
                ("/x now", false),
            ]
        );
        assert_eq!(pieces("abc", &[]), vec![("abc", false)]);
        assert_eq!(pieces("", &[(0, 1)]), Vec::<(&str, bool)>::new());
    }

    #[test]
    fn overlapping_and_broken_ranges_are_safe() {
        // Overlaps join; a range past the end or inside a character is
        // left out rather than panicking.
        assert_eq!(
            pieces("abcdef", &[(1, 4), (2, 5), (9, 12)]),
            vec![("a", false), ("bcd", true), ("e", true), ("f", false)]
        );
        assert_eq!(pieces("é!", &[(1, 2)]), vec![("é!", false)]);
    }

    #[test]
    fn every_state_has_words_and_a_class() {
        for s in PostStatus::ALL {
            assert!(!status_words(s).is_empty());
            assert!(status_class(s).starts_with("tag"));
        }
    }
}
