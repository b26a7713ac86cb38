//! Positive Journeys for young people: the spaces my age and situation
//! allow, my forum name, the people I blocked, and one space's
//! conversations with "Start a conversation". Also the pieces the other
//! forum pages share: plain text with links shown (never fetched), post
//! states in words, what happened after posting, and help for a young
//! person whose words suggest they are at risk.
//!
//! Nothing here counts replies, views or likes, or marks what is new: the
//! forum is not built to keep anyone scrolling (the Children's code).

use crate::api::{self};
use crate::components::form::{act, errors_from, focus_soon, ActionForm, Field, FieldError, Kind};
use crate::hooks::{use_get, waiting};
use crate::i18n::{t, tf};
use crate::pages::forum_parts::{
    cancel_button, flash_for, forum_links, help_box, outcome_words, run, status_tag, toggle,
    use_said, when,
};
use crate::route::Route;
use crate::state::{use_app, Remote};
use shared::endpoints as ep;
use shared::endpoints::forum::BeforeQuery;
use shared::forum::{
    DisplayNameChange, HarmHelp, MyForum, NewThread, PostOutcome, PostStatus, SpaceView,
    ThreadSummary,
};
use shared::limits::{
    FORUM_BODY_MAX_CHARS, FORUM_DISPLAY_NAME_MAX_CHARS, FORUM_DISPLAY_NAME_MIN_CHARS,
    FORUM_TITLE_MAX_CHARS,
};
use yew::prelude::*;
use yew_router::Routable;

const NAME: &str = "forum-name";
const REAL_NAME: &str = "forum-real-name";
const NAME_BUTTON: &str = "forum-name-change";
const TITLE: &str = "forum-new-title";
const BODY: &str = "forum-new-body";
const START_BUTTON: &str = "forum-start";

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
