//! One conversation, for a young person: its posts oldest first, a reply
//! box, and on each post "Report" (two taps, a reason only if they want),
//! "Block" (they are not told) or, on their own, "Delete". And "My posts":
//! everything they wrote, whether it is waiting for approval, and the kind
//! words a grown-up wrote when a post was changed, not put up or taken
//! down.

use crate::api;
use crate::components::form::{act, errors_from, focus_soon, ActionForm, Field, FieldError, Kind};
use crate::hooks::{use_get, waiting};
use crate::i18n::{t, tf};
use crate::pages::forum_parts::{
    cancel_button, forum_links, help_box, outcome_words, post_text, run, status_tag, toggle,
    use_said, when,
};
use crate::route::Route;
use crate::state::{use_app, Action, AppContext, Flash, Remote};
use shared::endpoints as ep;
use shared::endpoints::forum::{AfterQuery, BeforeQuery};
use shared::forum::{
    HarmHelp, MyPost, NewBlock, NewReply, NewReport, PostOutcome, PostStatus, PostView,
    ReportReceipt, PAGE_DEFAULT,
};
use shared::limits::{FORUM_BODY_MAX_CHARS, FORUM_REASON_MAX_CHARS};
use yew::prelude::*;
use yew_router::prelude::*;

const REPLY: &str = "forum-reply-body";
const REASON: &str = "forum-report-reason";

#[derive(Properties, PartialEq)]
pub struct ThreadProps {
    pub id: String,
}

#[component]
pub fn ForumThreadPage(props: &ThreadProps) -> Html {
    let after = use_state(|| None::<String>);
    let view = use_get(Some(ep::forum::Thread::url(&props.id).query(&AfterQuery {
        after: (*after).clone(),
        limit: None,
    })));
    let open = use_state(|| None::<String>);
    let said = use_said();
    let help = use_state(|| None::<HarmHelp>);
    let navigator = use_navigator();
    let app = use_app();

    let v = match view.get() {
        Remote::Ready(v) => v,
        Remote::Failed(err) if err.is_not_found() => {
            return html! {
                <>
                    <h1>{ t("forum-thread-missing") }</h1>
                    <p>{ t("forum-thread-missing-text") }</p>
                    <p><a href={Route::Forum.to_path()}>{ t("forum-back") }</a></p>
                </>
            };
        }
        other => {
            return html! {
                <>
                    <h1>{ t("forum-thread") }</h1>
                    { waiting(&other, &t("forum-loading-thread"), &view.reload).unwrap_or_default() }
                </>
            };
        }
    };
    let space_route = Route::ForumSpace {
        id: v.thread.space.clone(),
    };
    let space_path = space_route.to_path();

    let post = |p: &PostView| {
        let key = |what: &str| format!("{what}-{}", p.id);
        let who = if p.mine {
            t("forum-your-post")
        } else {
            tf("forum-post-by", &[("name", p.author.as_str())])
        };
        let panel = match open.as_deref() {
            Some(k) if k == key("report") => {
                let send = {
                    let (open, said, help, at, id) = (
                        open.clone(),
                        said.clone(),
                        help.clone(),
                        key("report"),
                        p.id.clone(),
                    );
                    act(move |v| {
                        let (open, said, help, at, id) = (
                            open.clone(),
                            said.clone(),
                            help.clone(),
                            at.clone(),
                            id.clone(),
                        );
                        async move {
                            let reason = v.get(REASON).trim().to_string();
                            let report = NewReport {
                                reason: (!reason.is_empty()).then_some(reason),
                            };
                            let receipt: ReportReceipt =
                                api::call(ep::forum::Report::url(&id), &report)
                                    .await
                                    .map_err(|e| errors_from(&e, &[("reason", REASON)]))?;
                            help.set(receipt.help);
                            open.set(None);
                            said.show(&at, t("forum-reported"), true);
                            focus_soon(at);
                            Ok(())
                        }
                    })
                };
                html! {
                    <div class="ask-box">
                        <ActionForm
                            id="forum-report-form"
                            fields={vec![
                                Field::new(REASON, t("forum-report-reason"), Kind::TextArea)
                                    .hint(t("forum-report-hint"))
                                    .max(FORUM_REASON_MAX_CHARS as u32),
                            ]}
                            submit={t("forum-report-send")}
                            busy={t("forum-sending")}
                            act={send}
                        />
                        { cancel_button(&open, t("forum-cancel")) }
                    </div>
                }
            }
            Some(k) if k == key("block") => {
                let onclick = {
                    let (open, said, reload, id, name, opening) = (
                        open.clone(),
                        said.clone(),
                        view.reload.clone(),
                        p.id.clone(),
                        p.author.clone(),
                        p.opening,
                    );
                    let (app, navigator) = (app.clone(), navigator.clone());
                    Callback::from(move |_| {
                        open.set(None);
                        let body = NewBlock {
                            post_id: id.clone(),
                        };
                        let text = tf("forum-blocked-done", &[("name", name.as_str())]);
                        // Blocking who started the conversation hides all of
                        // it: say so on the forum's page, which lists them
                        // with "Unblock".
                        let after = if opening {
                            go_with_flash(&app, &navigator, Route::Forum, text.clone())
                        } else {
                            reload.clone()
                        };
                        run(
                            Box::pin(async move {
                                api::call_done(ep::forum::AddBlock::url(), &body).await
                            }),
                            said.clone(),
                            "page".into(),
                            text,
                            after,
                        );
                        focus_soon("forum-thread-heading".into());
                    })
                };
                html! {
                    <div class="ask-box">
                        <p>{ tf("forum-block-confirm", &[("name", p.author.as_str())]) }</p>
                        <div class="actions">
                            <button type="button" class="button" {onclick}>
                                { tf("forum-block-yes", &[("name", p.author.as_str())]) }
                            </button>
                            { cancel_button(&open, t("forum-cancel")) }
                        </div>
                    </div>
                }
            }
            Some(k) if k == key("delete") => {
                let onclick = {
                    let (open, said, reload, id, opening) = (
                        open.clone(),
                        said.clone(),
                        view.reload.clone(),
                        p.id.clone(),
                        p.opening,
                    );
                    let (app, navigator, space_route) =
                        (app.clone(), navigator.clone(), space_route.clone());
                    Callback::from(move |_| {
                        open.set(None);
                        let path = ep::forum::DeletePost::url(&id);
                        // A first post takes its conversation with it: go
                        // back to the space.
                        let after = if opening {
                            go_with_flash(&app, &navigator, space_route.clone(), t("forum-deleted"))
                        } else {
                            reload.clone()
                        };
                        run(
                            Box::pin(async move { api::call(path, &()).await }),
                            said.clone(),
                            "page".into(),
                            t("forum-deleted"),
                            after,
                        );
                    })
                };
                html! {
                    <div class="ask-box">
                        <p>{ if p.opening { t("forum-delete-confirm-thread") } else { t("forum-delete-confirm") } }</p>
                        <div class="actions">
                            <button type="button" class="button button-danger" {onclick}>{ t("forum-delete-yes") }</button>
                            { cancel_button(&open, t("forum-delete-no")) }
                        </div>
                    </div>
                }
            }
            _ => html! {},
        };
        html! {
            <li key={p.id.clone()} class="card post">
                <p class="post-meta">
                    <strong><bdi>{ if p.mine { t("forum-you-wrote") } else { p.author.clone() } }</bdi></strong>
                    <span class="muted small">{ format!(" · {}", when(p.created_at)) }</span>
                </p>
                if p.status != PostStatus::Published || p.edited_by_moderator {
                    <p>
                        if p.status != PostStatus::Published { { status_tag(p.status) } }
                        if p.edited_by_moderator { { " " }<span class="tag tag-quiet">{ t("forum-edited") }</span> }
                    </p>
                }
                { post_text(&p.body, &p.links) }
                <div class="actions actions-tight">
                    if p.mine {
                        if p.status == PostStatus::Published || p.status == PostStatus::Pending {
                            { toggle(&open, key("delete"), t("forum-delete"), who.clone(), "button button-secondary") }
                        }
                    } else {
                        { toggle(&open, key("report"), t("forum-report"), who.clone(), "button button-secondary") }
                        { toggle(&open, key("block"), t("forum-block"), p.author.clone(), "button button-secondary") }
                    }
                </div>
                { said.slot(&key("report")) }
                { panel }
            </li>
        }
    };

    let reply_form = if v.can_reply {
        let send = {
            let (said, help, reload, path) = (
                said.clone(),
                help.clone(),
                view.reload.clone(),
                ep::forum::Reply::url(&v.thread.id),
            );
            act(move |values| {
                let (said, help, reload, path) =
                    (said.clone(), help.clone(), reload.clone(), path.clone());
                async move {
                    let body = values.get(REPLY).trim().to_string();
                    if body.is_empty() {
                        return Err(vec![FieldError::at(REPLY, t("forum-body-empty"))]);
                    }
                    let outcome: PostOutcome = api::call(path, &NewReply { body })
                        .await
                        .map_err(|e| errors_from(&e, &[("body", REPLY)]))?;
                    help.set(outcome.help.clone());
                    said.show("reply", outcome_words(&outcome), true);
                    reload.emit(());
                    Ok(())
                }
            })
        };
        html! {
            <ActionForm
                id="forum-reply-form"
                fields={vec![
                    Field::new(REPLY, t("forum-reply-label"), Kind::TextArea)
                        .hint(t("forum-post-hint"))
                        .max(FORUM_BODY_MAX_CHARS as u32),
                ]}
                submit={t("forum-reply-send")}
                busy={t("forum-posting")}
                act={send}
                reset=true
            />
        }
    } else {
        html! {
            <p class="notice-info">
                { v.cannot_reply_because.clone().unwrap_or_else(|| t("forum-cannot-reply")) }
            </p>
        }
    };

    let paging = {
        let first = after.is_some().then(|| {
            let after = after.clone();
            let onclick = Callback::from(move |_| after.set(None));
            html! { <button type="button" class="button button-secondary" {onclick}>{ t("forum-first-posts") }</button> }
        });
        let more = v.next.clone().map(|next| {
            let after = after.clone();
            let onclick = Callback::from(move |_| after.set(Some(next.clone())));
            html! { <button type="button" class="button button-secondary" {onclick}>{ t("forum-more-posts") }</button> }
        });
        html! { <div class="actions">{ for first }{ for more }</div> }
    };

    html! {
        <>
            <h1 id="forum-thread-heading" tabindex="-1" dir="auto">{ &v.thread.title }</h1>
            <p class="muted">
                { tf("forum-in-space", &[("space", v.space_name.as_str())]) }{ " " }
                <a href={space_path.clone()}>{ t("forum-back-to-space") }</a>
            </p>
            if v.thread.locked {
                <p class="notice-info">{ t("forum-locked-text") }</p>
            }
            { said.slot("page") }
            <ol class="cards">{ for v.posts.iter().map(post) }</ol>
            { paging }
            <h2>{ t("forum-reply-heading") }</h2>
            { said.slot("reply") }
            if let Some(h) = &*help {
                { help_box(h) }
            }
            { reply_form }
        </>
    }
}

/// Goes to `to`, which shows `text` once.
fn go_with_flash(
    app: &AppContext,
    navigator: &Option<Navigator>,
    to: Route,
    text: String,
) -> Callback<()> {
    let (app, navigator) = (app.clone(), navigator.clone());
    Callback::from(move |()| {
        app.dispatch(Action::ShowFlash(Flash {
            route: to.clone(),
            text: text.clone(),
        }));
        if let Some(n) = &navigator {
            n.push(&to);
        }
    })
}

#[component]
pub fn MyPostsPage() -> Html {
    let before = use_state(|| None::<String>);
    let posts = use_get(Some(ep::forum::MyPosts::url().query(&BeforeQuery {
        before: (*before).clone(),
        limit: None,
    })));
    let open = use_state(|| None::<String>);
    let said = use_said();

    let item = |m: &MyPost| {
        let p = &m.post;
        let key = format!("delete-{}", p.id);
        let can_open = matches!(p.status, PostStatus::Published | PostStatus::Pending);
        let confirm = (open.as_deref() == Some(key.as_str())).then(|| {
            let onclick = {
                let (open, said, reload, id) =
                    (open.clone(), said.clone(), posts.reload.clone(), p.id.clone());
                Callback::from(move |_| {
                    open.set(None);
                    let path = ep::forum::DeletePost::url(&id);
                    run(
                        Box::pin(async move { api::call(path, &()).await }),
                        said.clone(),
                        "page".into(),
                        t("forum-deleted"),
                        reload.clone(),
                    );
                })
            };
            html! {
                <div class="ask-box">
                    <p>{ if p.opening { t("forum-delete-confirm-thread") } else { t("forum-delete-confirm") } }</p>
                    <div class="actions">
                        <button type="button" class="button button-danger" {onclick}>{ t("forum-delete-yes") }</button>
                        { cancel_button(&open, t("forum-delete-no")) }
                    </div>
                </div>
            }
        });
        html! {
            <li key={p.id.clone()} class="card">
                <h2 class="card-title" dir="auto">
                    if can_open {
                        <a href={Route::ForumThread { id: p.thread_id.clone() }.to_path()}>{ &m.thread_title }</a>
                    } else {
                        { &m.thread_title }
                    }
                </h2>
                <p class="muted small">
                    { tf("forum-in-space", &[("space", m.space_name.as_str())]) }{ " · " }{ when(p.created_at) }
                </p>
                <p>
                    { status_tag(p.status) }
                    if p.edited_by_moderator { { " " }<span class="tag tag-quiet">{ t("forum-edited") }</span> }
                </p>
                { post_text(&p.body, &p.links) }
                if let Some(note) = &m.moderator_note {
                    <div class="note">
                        <p><strong>{ t("forum-grown-up-said") }</strong></p>
                        <p>{ note }</p>
                    </div>
                }
                if matches!(p.status, PostStatus::Published | PostStatus::Pending) && open.as_deref() != Some(key.as_str()) {
                    { toggle(&open, key.clone(), t("forum-delete"), m.thread_title.clone(), "button button-secondary") }
                }
                { for confirm }
            </li>
        }
    };

    let body = match posts.list() {
        Remote::Ready(list) if list.is_empty() && before.is_none() => html! {
            <p>{ t("forum-my-posts-none") }</p>
        },
        Remote::Ready(list) => {
            let full = list.len() as u64 >= PAGE_DEFAULT;
            let older = list.last().filter(|_| full).map(|last| {
                let (before, id) = (before.clone(), last.post.id.clone());
                let onclick = Callback::from(move |_| before.set(Some(id.clone())));
                html! { <button type="button" class="button button-secondary" {onclick}>{ t("forum-older-posts") }</button> }
            });
            let newest = before.is_some().then(|| {
                let before = before.clone();
                let onclick = Callback::from(move |_| before.set(None));
                html! { <button type="button" class="button button-secondary" {onclick}>{ t("forum-newest-posts") }</button> }
            });
            html! {
                <>
                    <ul class="cards">{ for list.iter().map(item) }</ul>
                    <div class="actions">{ for newest }{ for older }</div>
                </>
            }
        }
        other => waiting(&other, &t("forum-loading-posts"), &posts.reload).unwrap_or_default(),
    };

    html! {
        <>
            <h1>{ t("forum-my-posts") }</h1>
            <p class="lead">{ t("forum-my-posts-lead") }</p>
            { said.slot("page") }
            { body }
            <h2>{ t("forum-more") }</h2>
            { forum_links() }
        </>
    }
}
