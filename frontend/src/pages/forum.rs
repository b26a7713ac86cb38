//! Positive Journeys for young people: the spaces my age and situation
//! allow, my forum name, the people I blocked, and one space's
//! conversations with "Start a conversation". Also the pieces the other
//! forum pages share: plain text with links shown (never fetched), post
//! states in words, what happened after posting, and help for a young
//! person whose words suggest they are at risk.
//!
//! Nothing here counts replies, views or likes, or marks what is new: the
//! forum is not built to keep anyone scrolling (the Children's code).

use crate::api::{self, ApiError};
use crate::components::form::{act, errors_from, focus_soon, ActionForm, Field, FieldError, Kind};
use crate::hooks::{use_get, waiting};
use crate::i18n::{t, tf};
use crate::pages::forum_thread::flash_for;
use crate::route::Route;
use crate::state::{use_app, Remote};
use crate::text::{tel_href, CHILDLINE_PHONE};
use chrono::{DateTime, Utc};
use futures::future::LocalBoxFuture;
use shared::endpoints as ep;
use shared::endpoints::forum::BeforeQuery;
use shared::forum::{
    DisplayNameChange, HarmHelp, MyForum, NewThread, PostOutcome, PostStatus, SpaceView, TextSpan,
    ThreadSummary,
};
use shared::limits::{
    FORUM_BODY_MAX_CHARS, FORUM_DISPLAY_NAME_MAX_CHARS, FORUM_DISPLAY_NAME_MIN_CHARS,
    FORUM_TITLE_MAX_CHARS,
};
use shared::text_checks::DetailKind;
use yew::prelude::*;
use yew_router::Routable;

const NAME: &str = "forum-name";
const REAL_NAME: &str = "forum-real-name";
const NAME_BUTTON: &str = "forum-name-change";
const TITLE: &str = "forum-new-title";
const BODY: &str = "forum-new-body";
const START_BUTTON: &str = "forum-start";

// ------------------------------------------------------------ shared pieces

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

/// While someone is stopped from posting: until when, and why.
fn suspended(f: &MyForum) -> Html {
    if f.can_post {
        return html! {};
    }
    let until = f.suspended_until.map(when).unwrap_or_default();
    html! {
        <div class="notice">
            <p>{ tf("forum-suspended", &[("until", until.as_str())]) }</p>
            if let Some(reason) = &f.suspension_reason {
                <p>{ tf("forum-suspended-why", &[("reason", reason.as_str())]) }</p>
            }
        </div>
    }
}

// ------------------------------------------------------------------- pages

#[component]
pub fn ForumPage() -> Html {
    let me = use_get(Some(ep::forum::ForumMe::url()));
    let blocks = use_get(Some(ep::forum::Blocks::url()));
    let open = use_state(|| None::<String>);
    let said = use_said();
    let app = use_app();

    let forum = match me.get() {
        Remote::Ready(f) => f,
        other => {
            return html! {
                <>
                    <h1>{ t("forum-title") }</h1>
                    { waiting(&other, &t("forum-loading"), &me.reload).unwrap_or_default() }
                </>
            };
        }
    };

    let name_form = if open.as_deref() == Some(NAME_BUTTON) {
        let send = {
            let (open, said, reload) = (open.clone(), said.clone(), me.reload.clone());
            act(move |v| {
                let (open, said, reload) = (open.clone(), said.clone(), reload.clone());
                async move {
                    let name = v.get(NAME).trim().to_string();
                    if name.is_empty() {
                        return Err(vec![FieldError::at(NAME, t("forum-name-empty"))]);
                    }
                    let change = DisplayNameChange {
                        display_name: name,
                        use_real_name: v.get(REAL_NAME) == "yes",
                    };
                    api::call_done(ep::forum::SetDisplayName::url(), &change)
                        .await
                        .map_err(|e| errors_from(&e, &[("display_name", NAME)]))?;
                    open.set(None);
                    said.show(NAME_BUTTON, t("forum-name-saved"), true);
                    reload.emit(());
                    focus_soon(NAME_BUTTON.to_string());
                    Ok(())
                }
            })
        };
        let mut fields = vec![Field::new(NAME, t("forum-name-label"), Kind::Text)
            .hint(tf(
                "forum-name-hint",
                &[
                    ("min", &FORUM_DISPLAY_NAME_MIN_CHARS.to_string()),
                    ("max", &FORUM_DISPLAY_NAME_MAX_CHARS.to_string()),
                ],
            ))
            .max(FORUM_DISPLAY_NAME_MAX_CHARS as u32)
            .value(forum.display_name.clone())];
        if forum.may_use_real_name {
            fields.push(Field::select(
                REAL_NAME,
                t("forum-real-name-label"),
                vec![
                    ("no".into(), t("forum-real-name-no").into()),
                    ("yes".into(), t("forum-real-name-yes").into()),
                ],
                None,
            ));
        }
        html! {
            <div class="ask-box">
                <ActionForm id="forum-name-form" {fields} submit={t("forum-name-save")} busy={t("forum-saving")} act={send} />
                { cancel_button(&open, t("forum-cancel")) }
            </div>
        }
    } else {
        html! {}
    };

    let space = |s: &SpaceView| {
        html! {
            <li key={s.id.clone()} class="card">
                <h3 class="card-title" dir="auto">
                    <a href={Route::ForumSpace { id: s.id.clone() }.to_path()}>{ &s.name }</a>
                </h3>
                <p>{ &s.description }</p>
                <p class="muted small">{ &s.who_for }</p>
                if s.my_posts_are_checked_first {
                    <p class="small">{ t("forum-checked-first") }</p>
                }
            </li>
        }
    };

    let blocked = match blocks.list() {
        Remote::Ready(list) if list.is_empty() => html! { <p>{ t("forum-blocked-none") }</p> },
        Remote::Ready(list) => html! {
            <ul class="cards">
                { for list.iter().map(|b| {
                    let onclick = {
                        let (said, reload, id, name) =
                            (said.clone(), blocks.reload.clone(), b.id.clone(), b.display_name.clone());
                        Callback::from(move |_| {
                            let path = ep::forum::Unblock::url(&id);
                            run(
                                Box::pin(async move { api::call(path, &()).await }),
                                said.clone(),
                                "blocks".into(),
                                tf("forum-unblocked", &[("name", name.as_str())]),
                                reload.clone(),
                            );
                        })
                    };
                    html! {
                        <li key={b.id.clone()} class="card">
                            <p><strong>{ &b.display_name }</strong></p>
                            <p class="muted small">{ tf("forum-blocked-since", &[("when", when(b.since).as_str())]) }</p>
                            <button type="button" class="button button-secondary" {onclick}>
                                { t("forum-unblock") }
                                <span class="visually-hidden">{ format!(": {}", b.display_name) }</span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
        },
        other => waiting(&other, &t("forum-loading-blocks"), &blocks.reload).unwrap_or_default(),
    };

    html! {
        <>
            <h1>{ t("forum-title") }</h1>
            <p class="lead">{ t("forum-intro") }</p>
            <p>{ t("forum-safe") }</p>
            { flash_for(&app, &Route::Forum) }
            { suspended(&forum) }
            <section aria-labelledby="forum-name-heading">
                <h2 id="forum-name-heading">{ t("forum-name-heading") }</h2>
                <p>{ t("forum-name-now") }{ " " }<strong>{ &forum.display_name }</strong></p>
                if !forum.display_name_chosen {
                    <p class="small">{ t("forum-name-made-up") }</p>
                }
                { said.slot(NAME_BUTTON) }
                if open.as_deref() != Some(NAME_BUTTON) {
                    { toggle(&open, NAME_BUTTON.into(), t("forum-name-change"), String::new(), "button button-secondary") }
                }
                { name_form }
            </section>
            <section aria-labelledby="forum-spaces-heading">
                <h2 id="forum-spaces-heading">{ t("forum-spaces") }</h2>
                if forum.spaces.is_empty() {
                    <p>{ t("forum-no-spaces") }</p>
                } else {
                    <ul class="cards">{ for forum.spaces.iter().map(space) }</ul>
                }
            </section>
            <section aria-labelledby="forum-more-heading">
                <h2 id="forum-more-heading">{ t("forum-more") }</h2>
                { forum_links() }
            </section>
            <section aria-labelledby="forum-blocked-heading">
                <h2 id="forum-blocked-heading">{ t("forum-blocked") }</h2>
                <p class="small">{ t("forum-blocked-how") }</p>
                { said.slot("blocks") }
                { blocked }
            </section>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct SpaceProps {
    pub id: String,
}

#[component]
pub fn ForumSpacePage(props: &SpaceProps) -> Html {
    let me = use_get(Some(ep::forum::ForumMe::url()));
    let before = use_state(|| None::<String>);
    // Only ask for the conversations of a space that is mine.
    let mine = match me.get() {
        Remote::Ready(f) => f.spaces.iter().any(|s| s.id == props.id),
        _ => false,
    };
    let threads = use_get(mine.then(|| {
        ep::forum::SpaceThreads::url(&props.id).query(&BeforeQuery {
            before: (*before).clone(),
            limit: None,
        })
    }));
    let open = use_state(|| None::<String>);
    let said = use_said();
    let help = use_state(|| None::<HarmHelp>);
    let app = use_app();

    let forum = match me.get() {
        Remote::Ready(f) => f,
        other => {
            return html! {
                <>
                    <h1>{ t("forum-space") }</h1>
                    { waiting(&other, &t("forum-loading"), &me.reload).unwrap_or_default() }
                </>
            };
        }
    };
    let Some(space) = forum.spaces.iter().find(|s| s.id == props.id).cloned() else {
        return html! {
            <>
                <h1>{ t("forum-space-missing") }</h1>
                <p>{ t("forum-space-missing-text") }</p>
                <p><a href={Route::Forum.to_path()}>{ t("forum-back") }</a></p>
            </>
        };
    };

    let start_form = if open.as_deref() == Some(START_BUTTON) {
        let send = {
            let (open, said, help, reload, before) = (
                open.clone(),
                said.clone(),
                help.clone(),
                threads.reload.clone(),
                before.clone(),
            );
            let path = ep::forum::StartThread::url(&space.id);
            act(move |v| {
                let (open, said, help, reload, before, path) = (
                    open.clone(),
                    said.clone(),
                    help.clone(),
                    reload.clone(),
                    before.clone(),
                    path.clone(),
                );
                async move {
                    let (title, body) = (v.get(TITLE), v.get(BODY));
                    let mut missing = Vec::new();
                    if title.trim().is_empty() {
                        missing.push(FieldError::at(TITLE, t("forum-title-empty")));
                    }
                    if body.trim().is_empty() {
                        missing.push(FieldError::at(BODY, t("forum-body-empty")));
                    }
                    if !missing.is_empty() {
                        return Err(missing);
                    }
                    let new = NewThread {
                        title: title.trim().to_string(),
                        body: body.trim().to_string(),
                    };
                    let outcome: PostOutcome = api::call(path, &new)
                        .await
                        .map_err(|e| errors_from(&e, &[("title", TITLE), ("body", BODY)]))?;
                    open.set(None);
                    help.set(outcome.help.clone());
                    said.show(START_BUTTON, outcome_words(&outcome), true);
                    before.set(None);
                    reload.emit(());
                    focus_soon(START_BUTTON.to_string());
                    Ok(())
                }
            })
        };
        html! {
            <div class="ask-box">
                <ActionForm
                    id="forum-start-form"
                    fields={vec![
                        Field::new(TITLE, t("forum-new-title"), Kind::Text).max(FORUM_TITLE_MAX_CHARS as u32),
                        Field::new(BODY, t("forum-new-body"), Kind::TextArea)
                            .hint(t("forum-post-hint"))
                            .max(FORUM_BODY_MAX_CHARS as u32),
                    ]}
                    submit={t("forum-post")}
                    busy={t("forum-posting")}
                    act={send}
                />
                { cancel_button(&open, t("forum-cancel")) }
            </div>
        }
    } else {
        html! {}
    };

    let thread = |th: &ThreadSummary| {
        html! {
            <li key={th.id.clone()} class="card">
                <h3 class="card-title" dir="auto">
                    <a href={Route::ForumThread { id: th.id.clone() }.to_path()}>{ &th.title }</a>
                </h3>
                <p class="muted small">
                    { tf("forum-started-by", &[("name", th.started_by.as_str()), ("when", when(th.started_at).as_str())]) }
                    if th.mine { { " " }{ t("forum-you") } }
                </p>
                if th.status != PostStatus::Published || th.locked {
                    <p>
                        if th.status != PostStatus::Published { { status_tag(th.status) } }
                        if th.locked { { " " }<span class="tag tag-quiet">{ t("forum-locked") }</span> }
                    </p>
                }
            </li>
        }
    };

    let list = match threads.get() {
        Remote::Ready(page) if page.threads.is_empty() => {
            html! { <p>{ t("forum-no-threads") }</p> }
        }
        Remote::Ready(page) => {
            let older = page.next.clone().map(|next| {
                let before = before.clone();
                let onclick = Callback::from(move |_| before.set(Some(next.clone())));
                html! { <button type="button" class="button button-secondary" {onclick}>{ t("forum-older-threads") }</button> }
            });
            let newest = before.is_some().then(|| {
                let before = before.clone();
                let onclick = Callback::from(move |_| before.set(None));
                html! { <button type="button" class="button button-secondary" {onclick}>{ t("forum-newest-threads") }</button> }
            });
            html! {
                <>
                    <ul class="cards">{ for page.threads.iter().map(thread) }</ul>
                    <div class="actions">{ for newest }{ for older }</div>
                </>
            }
        }
        other => waiting(&other, &t("forum-loading-threads"), &threads.reload).unwrap_or_default(),
    };

    html! {
        <>
            <h1 dir="auto">{ &space.name }</h1>
            <p class="lead" dir="auto">{ &space.description }</p>
            <p class="note">{ &space.who_can_read }</p>
            if space.my_posts_are_checked_first {
                <p>{ t("forum-checked-first") }</p>
            }
            { flash_for(&app, &Route::ForumSpace { id: space.id.clone() }) }
            { suspended(&forum) }
            { said.slot(START_BUTTON) }
            if let Some(h) = &*help {
                { help_box(h) }
            }
            if forum.can_post && open.as_deref() != Some(START_BUTTON) {
                { toggle(&open, START_BUTTON.into(), t("forum-start"), String::new(), "button") }
            }
            { start_form }
            <h2>{ t("forum-threads") }</h2>
            { list }
            <p><a href={Route::Forum.to_path()}>{ t("forum-back") }</a></p>
        </>
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
