//! The participation officer keeps Positive Journeys safe: the moderation
//! queue (posts waiting, posts with a flagged word, reported posts with a
//! copy of what was reported), approve as it is or with personal details
//! taken out (the young person is told), turn down or take down with a kind
//! reason, keep up after a report, stop someone posting for a time; every
//! conversation in every state, and locking one. Staff words, in English.

use crate::api;
use crate::components::form::{act, errors_from, focus_soon, ActionForm, Field, FieldError, Kind};
use crate::components::guard::use_me;
use crate::hooks::{use_get, waiting};
use crate::pages::forum_parts::{
    cancel_button, pieces, post_text, run, toggle, use_said, when, Said,
};
use crate::route::Route;
use crate::state::Remote;
use shared::access::{can, Ability};
use shared::endpoints as ep;
use shared::endpoints::forum::AfterQuery;
use shared::endpoints::moderation::ModThreadsQuery;
use shared::forum::{
    AdminSpaceView, Approve, HoldReason, Keep, LockThread, ModPostView, ModReason, PostStatus,
    QueueItem, Suspend, ThreadSummary,
};
use shared::limits::{
    FORUM_BODY_MAX_CHARS, FORUM_REASON_MAX_CHARS, FORUM_TITLE_MAX_CHARS, SUSPENSION_DAYS_MAX,
};
use shared::text_checks::{DetailKind, Tier};
use yew::prelude::*;
use yew_router::Routable;

const EDIT_TITLE: &str = "mod-edit-title";
const EDIT_BODY: &str = "mod-edit-body";
const NOTE: &str = "mod-note";
const REASON: &str = "mod-reason";
const DAYS: &str = "mod-days";

/// The forum's staff pages, as a row of links, the current one marked.
#[component]
pub fn ForumStaffNav(props: &NavProps) -> Html {
    let Some(me) = use_me() else {
        return html! {};
    };
    let pages = [
        (Route::Moderation, "Queue", Ability::ModerateForum),
        (Route::ModThreads, "Conversations", Ability::ModerateForum),
        (Route::WatchedWords, "Watched words", Ability::ModerateForum),
        (Route::ModLog, "Log", Ability::ReadModerationLog),
        (Route::StaffEvents, "Events", Ability::RunParticipation),
        (Route::StaffPolls, "Polls", Ability::RunParticipation),
        (
            Route::Participation,
            "Figures",
            Ability::ReadParticipationFigures,
        ),
        (Route::ForumSpaces, "Spaces", Ability::ManageForumSpaces),
    ];
    html! {
        <nav class="sub-nav" aria-label="Forum pages">
            <ul>
                { for pages.into_iter().filter(|p| can(me.role, p.2)).map(|(to, label, _)| {
                    let here = to == props.current;
                    html! {
                        <li><a href={to.to_path()} aria-current={here.then_some("page")}>{ label }</a></li>
                    }
                }) }
            </ul>
        </nav>
    }
}

#[derive(Properties, PartialEq)]
pub struct NavProps {
    pub current: Route,
}

/// A space's name from its id (the id itself while the list loads).
pub fn space_label(spaces: &Remote<Vec<AdminSpaceView>>, id: &str) -> String {
    spaces
        .ready()
        .and_then(|l| l.iter().find(|s| s.id == id))
        .map_or_else(|| id.to_string(), |s| s.name.clone())
}

/// A post's state, in staff words.
pub fn staff_status(s: PostStatus) -> &'static str {
    match s {
        PostStatus::Pending => "Waiting for approval",
        PostStatus::Published => "Up",
        PostStatus::Rejected => "Turned down",
        PostStatus::Removed => "Taken down by a moderator",
        PostStatus::Deleted => "Deleted by its author",
    }
}

fn hold_reason(r: HoldReason) -> &'static str {
    match r {
        HoldReason::Under18 => "Under 18: this space checks their posts first",
        HoldReason::PersonalDetails => "Personal details",
        HoldReason::WatchedWord => "A watched word",
        HoldReason::SuggestsHarm => "Words that suggest harm",
    }
}

pub fn detail_words(k: DetailKind) -> &'static str {
    match k {
        DetailKind::Phone => "Phone number",
        DetailKind::Email => "Email address",
        DetailKind::Postcode => "Postcode",
        DetailKind::Address => "Home address",
        DetailKind::School => "School name",
        DetailKind::SocialMedia => "Social media",
    }
}

pub fn tier_words(t: Tier) -> &'static str {
    match t {
        Tier::Block => "block",
        Tier::Hold => "hold for approval",
        Tier::Flag => "flag",
    }
}

/// The post's text with what the checks found marked (and listed in words
/// below, so nothing rests on the highlight alone).
fn marked_text(item: &QueueItem) -> Html {
    let body = &item.post.body;
    let mut ranges: Vec<(usize, usize)> = item
        .personal_details
        .iter()
        .map(|f| (f.start, f.end))
        .collect();
    ranges.extend(item.watched.iter().map(|w| (w.start, w.end)));
    ranges.extend(item.harm.iter().map(|h| (h.start, h.end)));
    let quote = |s: usize, e: usize| body.get(s..e).unwrap_or_default().to_string();
    let mut found: Vec<String> = item
        .personal_details
        .iter()
        .map(|f| {
            format!(
                "{}: \u{201c}{}\u{201d}",
                detail_words(f.kind),
                quote(f.start, f.end)
            )
        })
        .collect();
    found.extend(item.watched.iter().map(|w| {
        format!(
            "Watched word ({}): \u{201c}{}\u{201d}",
            tier_words(w.tier),
            quote(w.start, w.end)
        )
    }));
    found.extend(
        item.harm
            .iter()
            .map(|h| format!("Suggests harm: \u{201c}{}\u{201d}", h.phrase)),
    );
    html! {
        <>
            <p class="post-text">
                { for pieces(body, &ranges).into_iter().map(|(text, hit)| if hit {
                    html! { <mark>{ text }</mark> }
                } else {
                    html! { { text } }
                }) }
            </p>
            if !found.is_empty() {
                <p class="small"><strong>{ "The checks found:" }</strong></p>
                <ul class="plain-list small">{ for found.iter().map(|f| html! { <li>{ f }</li> }) }</ul>
            }
        </>
    }
}

/// What a moderator can do with a post, as buttons and the open panel.
/// `at` is where to say what happened.
fn post_actions(
    p: &ModPostView,
    open: &UseStateHandle<Option<String>>,
    said: &Said,
    reload: &Callback<()>,
    at: &str,
) -> Html {
    let key = |what: &str| format!("{what}-{}", p.id);
    let about = format!("post by {} in \u{201c}{}\u{201d}", p.author, p.thread_title);
    let done = |message: String| {
        let (open, said, reload, at) = (open.clone(), said.clone(), reload.clone(), at.to_string());
        move || {
            open.set(None);
            said.show(&at, message.clone(), true);
            reload.emit(());
            focus_soon(format!("{at}-said"));
        }
    };
    // A form whose fields are sent to one action.
    let panel = match open.as_deref() {
        Some(k) if k == key("edit") => {
            let send = {
                let (id, opening, author) = (p.id.clone(), p.opening, p.author.clone());
                let finish = done(format!(
                    "Approved with your changes. {author} has been told."
                ));
                act(move |v| {
                    let (id, finish) = (id.clone(), finish.clone());
                    async move {
                        let body = v.get(EDIT_BODY);
                        if body.trim().is_empty() {
                            return Err(vec![FieldError::at(
                                EDIT_BODY,
                                "Write the post as it should go up.",
                            )]);
                        }
                        let note = v.get(NOTE).trim().to_string();
                        let approve = Approve {
                            title: opening.then(|| v.get(EDIT_TITLE)),
                            body: Some(body),
                            note: (!note.is_empty()).then_some(note),
                        };
                        api::call_done(ep::moderation::Approve::url(&id), &approve)
                            .await
                            .map_err(|e| {
                                errors_from(
                                    &e,
                                    &[("title", EDIT_TITLE), ("body", EDIT_BODY), ("note", NOTE)],
                                )
                            })?;
                        finish();
                        Ok(())
                    }
                })
            };
            let mut fields = Vec::new();
            if let (true, Some(title)) = (p.opening, &p.title) {
                fields.push(
                    Field::new(EDIT_TITLE, "Title", Kind::Text)
                        .max(FORUM_TITLE_MAX_CHARS as u32)
                        .value(title.clone()),
                );
            }
            fields.push(
                Field::new(EDIT_BODY, "The post as it will go up", Kind::TextArea)
                    .hint("Take out the personal details. The original is kept in the moderation log.")
                    .max(FORUM_BODY_MAX_CHARS as u32)
                    .value(p.body.clone()),
            );
            fields.push(
                Field::new(NOTE, format!("What to tell {}", p.author), Kind::TextArea)
                    .hint("Leave it empty to say: \u{201c}A grown-up took some details out of your post to keep you safe, then put it up.\u{201d}")
                    .max(FORUM_REASON_MAX_CHARS as u32),
            );
            Some(html! {
                <ActionForm id="mod-edit-form" {fields} submit="Approve with these changes" busy="Approving…" act={send} />
            })
        }
        Some(k) if k == key("reject") || k == key("remove") => {
            let reject = k == key("reject");
            let send = {
                let id = p.id.clone();
                let finish = done(format!(
                    "{} {} can see your reason in their posts.",
                    if reject {
                        "Turned down."
                    } else {
                        "Taken down, and any reports on it resolved."
                    },
                    p.author
                ));
                act(move |v| {
                    let (id, finish) = (id.clone(), finish.clone());
                    async move {
                        let reason = v.get(REASON).trim().to_string();
                        if reason.is_empty() {
                            return Err(vec![FieldError::at(
                                REASON,
                                "Write a kind reason: the young person will read it.",
                            )]);
                        }
                        let body = ModReason { reason };
                        if reject {
                            api::call_done(ep::moderation::Reject::url(&id), &body).await
                        } else {
                            api::call_done(ep::moderation::Remove::url(&id), &body).await
                        }
                        .map_err(|e| errors_from(&e, &[("reason", REASON)]))?;
                        finish();
                        Ok(())
                    }
                })
            };
            Some(html! {
                <ActionForm
                    id="mod-reason-form"
                    fields={vec![
                        Field::new(REASON, format!("Why? {} will read this, so make it kind", p.author), Kind::TextArea)
                            .max(FORUM_REASON_MAX_CHARS as u32),
                    ]}
                    submit={if reject { "Turn it down" } else { "Take it down" }}
                    busy="Saving…"
                    act={send}
                />
            })
        }
        Some(k) if k == key("keep") => {
            let send = {
                let id = p.id.clone();
                let finish = done("Kept up. Its reports are resolved.".to_string());
                act(move |v| {
                    let (id, finish) = (id.clone(), finish.clone());
                    async move {
                        let note = v.get(NOTE).trim().to_string();
                        api::call_done(
                            ep::moderation::Keep::url(&id),
                            &Keep {
                                note: (!note.is_empty()).then_some(note),
                            },
                        )
                        .await
                        .map_err(|e| errors_from(&e, &[("note", NOTE)]))?;
                        finish();
                        Ok(())
                    }
                })
            };
            Some(html! {
                <ActionForm
                    id="mod-keep-form"
                    fields={vec![
                        Field::new(NOTE, "A note for the log (optional)", Kind::TextArea).max(FORUM_REASON_MAX_CHARS as u32),
                    ]}
                    submit="Keep it up"
                    busy="Saving…"
                    act={send}
                />
            })
        }
        Some(k) if k == key("suspend") => {
            let send = {
                let (member, author) = (p.author_id.clone(), p.author.clone());
                let finish = done(format!("Done. {author} has been told."));
                act(move |v| {
                    let (member, finish) = (member.clone(), finish.clone());
                    async move {
                        let Ok(days) = v.get(DAYS).trim().parse::<i64>() else {
                            return Err(vec![FieldError::at(
                                DAYS,
                                format!("Write a number of days from 0 to {SUSPENSION_DAYS_MAX}."),
                            )]);
                        };
                        let reason = v.get(REASON).trim().to_string();
                        if reason.is_empty() {
                            return Err(vec![FieldError::at(
                                REASON,
                                "Say why: the young person will read it.",
                            )]);
                        }
                        api::call_done(
                            ep::moderation::Suspend::url(&member),
                            &Suspend { days, reason },
                        )
                        .await
                        .map_err(|e| errors_from(&e, &[("days", DAYS), ("reason", REASON)]))?;
                        finish();
                        Ok(())
                    }
                })
            };
            Some(html! {
                <ActionForm
                    id="mod-suspend-form"
                    fields={vec![
                        Field::new(DAYS, "For how many days?", Kind::Number)
                            .hint(format!("1 to {SUSPENSION_DAYS_MAX} days. 0 lets them post again now."))
                            .value("7"),
                        Field::new(REASON, format!("Why? {} will read this", p.author), Kind::TextArea)
                            .max(FORUM_REASON_MAX_CHARS as u32),
                    ]}
                    submit="Stop them posting"
                    busy="Saving…"
                    act={send}
                />
            })
        }
        _ => None,
    };
    let approve = {
        let (said, reload, id, at, author) = (
            said.clone(),
            reload.clone(),
            p.id.clone(),
            at.to_string(),
            p.author.clone(),
        );
        Callback::from(move |_| {
            let path = ep::moderation::Approve::url(&id);
            run(
                Box::pin(async move { api::call_done(path, &Approve::default()).await }),
                said.clone(),
                at.clone(),
                format!("Approved. {author}'s post is up."),
                reload.clone(),
            );
            focus_soon(format!("{at}-said"));
        })
    };
    let button = |what: &str, label: &str| {
        toggle(
            open,
            key(what),
            label.to_string(),
            about.clone(),
            "button button-secondary",
        )
    };
    html! {
        <>
            <div class="actions actions-tight">
                if p.status == PostStatus::Pending {
                    <button type="button" class="button" onclick={approve}>
                        { "Approve" }<span class="visually-hidden">{ format!(": {about}") }</span>
                    </button>
                    { button("edit", "Change, then approve") }
                    { button("reject", "Turn down") }
                }
                if p.status == PostStatus::Published {
                    { button("keep", "Keep it up") }
                }
                if matches!(p.status, PostStatus::Published | PostStatus::Deleted) {
                    { button("remove", "Take it down") }
                }
                { button("suspend", "Stop them posting") }
            </div>
            if let Some(panel) = panel {
                <div class="ask-box">
                    { panel }
                    { cancel_button(open, "Cancel".into()) }
                </div>
            }
        </>
    }
}

/// The state and what the checks said about a post, as tags.
fn post_tags(p: &ModPostView) -> Html {
    html! {
        <p>
            <span class={crate::pages::forum_parts::status_class(p.status)}>{ staff_status(p.status) }</span>
            { for p.hold_reasons.iter().map(|r| html! { <>{ " " }<span class="tag tag-changed">{ hold_reason(*r) }</span></> }) }
            if p.flagged { { " " }<span class="tag tag-changed">{ "Flagged word" }</span> }
            if p.suggests_harm { { " " }<span class="tag tag-bad">{ "Worker alerted" }</span> }
            if p.edited_by_moderator { { " " }<span class="tag tag-quiet">{ "Changed by a moderator" }</span> }
        </p>
    }
}

fn post_heading(p: &ModPostView) -> String {
    match (&p.title, p.opening) {
        (Some(title), true) => title.clone(),
        _ => format!("Reply in \u{201c}{}\u{201d}", p.thread_title),
    }
}

#[component]
pub fn ModerationPage() -> Html {
    let queue = use_get(Some(ep::moderation::Queue::url()));
    let spaces = use_get(Some(ep::moderation::AdminSpaces::url())).list();
    let open = use_state(|| None::<String>);
    let said = use_said();

    let item = |i: &QueueItem| {
        let p = &i.post;
        html! {
            <li key={p.id.clone()} class="card">
                <h3 class="card-title">{ post_heading(p) }</h3>
                <p class="muted small">
                    { format!("By {} in {}, {}. ", p.author, space_label(&spaces, &p.space), when(p.created_at)) }
                    <a href={Route::ModThread { id: p.thread_id.clone() }.to_path()}>
                        { "Open the conversation" }
                        <span class="visually-hidden">{ format!(": {}", p.thread_title) }</span>
                    </a>
                </p>
                { post_tags(p) }
                { marked_text(i) }
                if !i.reports.is_empty() {
                    <h4>{ "Reports" }</h4>
                    { for i.reports.iter().map(|r| html! {
                        <div class="note">
                            <p>
                                { format!("Reported {}. ", when(r.reported_at)) }
                                { match &r.reason {
                                    Some(reason) => format!("Reason: \u{201c}{reason}\u{201d}"),
                                    None => "No reason given.".to_string(),
                                } }
                                if !r.open {
                                    { format!(" Resolved: {}.", r.outcome.as_deref().unwrap_or("yes")) }
                                }
                            </p>
                            <p><strong>{ format!("The post as reported, by {}:", r.snapshot_author) }</strong></p>
                            <blockquote class="post-text quote">
                                if let Some(t) = &r.snapshot_title {
                                    <strong>{ t }</strong>{ "\n" }
                                }
                                { &r.snapshot_body }
                            </blockquote>
                        </div>
                    }) }
                }
                { post_actions(p, &open, &said, &queue.reload, "queue") }
            </li>
        }
    };
    let section = |id: &str, title: &str, items: &[QueueItem], none: &str| {
        html! {
            <section aria-labelledby={id.to_string()}>
                <h2 id={id.to_string()}>{ format!("{title} ({})", items.len()) }</h2>
                if items.is_empty() {
                    <p class="muted">{ none.to_string() }</p>
                } else {
                    <ul class="cards">{ for items.iter().map(item) }</ul>
                }
            </section>
        }
    };
    let body = match queue.get() {
        Remote::Ready(q) => html! {
            <>
                { section("queue-held", "Waiting for approval", &q.held, "Nothing is waiting.") }
                { section("queue-reported", "Reported", &q.reported, "No open reports.") }
                { section("queue-flagged", "Up, with a flagged word", &q.flagged, "No flagged posts.") }
            </>
        },
        other => waiting(&other, "the moderation queue", &queue.reload).unwrap_or_default(),
    };
    html! {
        <>
            <h1>{ "Forum moderation" }</h1>
            <ForumStaffNav current={Route::Moderation} />
            <p class="lead">
                { "Posts waiting for you (words that suggest harm first), posts young people reported, and posts that went up with a flagged word. Young people read your reasons, so keep them kind." }
            </p>
            <div id="queue-said" tabindex="-1">{ said.slot("queue") }</div>
            { body }
            <FloodHitsSection />
        </>
    }
}

/// Who reached a posting limit lately (a flood of posts or reports, or the
/// same words again): forum names only, newest first. The limits of each
/// space are on the Spaces page.
#[component]
fn FloodHitsSection() -> Html {
    let hits = use_get(Some(ep::moderation::FloodHits::url())).list();
    let body = match &hits {
        Remote::Ready(list) if list.is_empty() => html! {
            <p class="muted">{ "Nobody has reached a posting limit in the last 30 days." }</p>
        },
        Remote::Ready(list) => html! {
            <ul class="cards">
                { for list.iter().map(|h| html! {
                    <li class="card">
                        <p><strong>{ &h.member }</strong>{ format!(": {}.", h.summary) }</p>
                        <p class="muted small">
                            if h.attempts > 1 {
                                { format!("First {}, last {}.", when(h.first_at), when(h.last_at)) }
                            } else {
                                { format!("{}.", when(h.last_at)) }
                            }
                        </p>
                    </li>
                }) }
            </ul>
        },
        other => {
            waiting(other, "who reached a posting limit", &Callback::noop()).unwrap_or_default()
        }
    };
    html! {
        <section aria-labelledby="flood-hits">
            <h2 id="flood-hits">{ "Posting limits reached" }</h2>
            <p>
                { "Young people who posted, reported or repeated themselves faster than a space allows. Nothing more was put up until they could post again. " }
                <a href={Route::ForumSpaces.to_path()}>{ "Change a space's limits" }</a>
            </p>
            { body }
        </section>
    }
}

fn thread_tags(t: &ThreadSummary) -> Html {
    html! {
        <p>
            <span class={crate::pages::forum_parts::status_class(t.status)}>{ staff_status(t.status) }</span>
            if t.locked { { " " }<span class="tag tag-quiet">{ "Locked" }</span> }
        </p>
    }
}

#[component]
pub fn ModThreadsPage() -> Html {
    let before = use_state(|| None::<String>);
    let page = use_get(Some(ep::moderation::ModThreads::url().query(
        &ModThreadsQuery {
            space: None,
            before: (*before).clone(),
            limit: None,
        },
    )));
    let spaces = use_get(Some(ep::moderation::AdminSpaces::url())).list();
    let body = match page.get() {
        Remote::Ready(p) if p.threads.is_empty() => html! { <p>{ "No conversations yet." }</p> },
        Remote::Ready(p) => {
            let older = p.next.clone().map(|next| {
                let before = before.clone();
                let onclick = Callback::from(move |_| before.set(Some(next.clone())));
                html! { <button type="button" class="button button-secondary" {onclick}>{ "Older conversations" }</button> }
            });
            let newest = before.is_some().then(|| {
                let before = before.clone();
                let onclick = Callback::from(move |_| before.set(None));
                html! { <button type="button" class="button button-secondary" {onclick}>{ "Newest conversations" }</button> }
            });
            html! {
                <>
                    <ul class="cards">
                        { for p.threads.iter().map(|t| html! {
                            <li key={t.id.clone()} class="card">
                                <h2 class="card-title">
                                    <a href={Route::ModThread { id: t.id.clone() }.to_path()}>{ &t.title }</a>
                                </h2>
                                <p class="muted small">{ format!("Started by {} in {}, {}.", t.started_by, space_label(&spaces, &t.space), when(t.started_at)) }</p>
                                { thread_tags(t) }
                            </li>
                        }) }
                    </ul>
                    <div class="actions">{ for newest }{ for older }</div>
                </>
            }
        }
        other => waiting(&other, "the conversations", &page.reload).unwrap_or_default(),
    };
    html! {
        <>
            <h1>{ "All conversations" }</h1>
            <ForumStaffNav current={Route::ModThreads} />
            <p class="lead">{ "Every conversation in every space, newest first, whatever its state. Open one to lock it or to take a post down." }</p>
            { body }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct ModThreadProps {
    pub id: String,
}

#[component]
pub fn ModThreadPage(props: &ModThreadProps) -> Html {
    let after = use_state(|| None::<String>);
    let view = use_get(Some(ep::moderation::ModThread::url(&props.id).query(
        &AfterQuery {
            after: (*after).clone(),
            limit: None,
        },
    )));
    let spaces = use_get(Some(ep::moderation::AdminSpaces::url())).list();
    let open = use_state(|| None::<String>);
    let said = use_said();

    let v = match view.get() {
        Remote::Ready(v) => v,
        other => {
            return html! {
                <>
                    <h1>{ "Conversation" }</h1>
                    <ForumStaffNav current={Route::ModThreads} />
                    { waiting(&other, "the conversation", &view.reload).unwrap_or_default() }
                </>
            };
        }
    };
    let lock_key = format!("lock-{}", v.thread.id);
    let lock_form = (open.as_deref() == Some(lock_key.as_str())).then(|| {
        let locked = !v.thread.locked;
        let send = {
            let (open, said, reload, id) = (open.clone(), said.clone(), view.reload.clone(), v.thread.id.clone());
            act(move |values| {
                let (open, said, reload, id) = (open.clone(), said.clone(), reload.clone(), id.clone());
                async move {
                    let reason = values.get(REASON).trim().to_string();
                    if reason.is_empty() {
                        return Err(vec![FieldError::at(REASON, "Say why: young people see the conversation is locked.")]);
                    }
                    api::call_done(ep::moderation::Lock::url(&id), &LockThread { locked, reason })
                        .await
                        .map_err(|e| errors_from(&e, &[("reason", REASON)]))?;
                    open.set(None);
                    said.show("thread", if locked { "Locked: nobody can reply now." } else { "Unlocked: young people can reply again." }.into(), true);
                    reload.emit(());
                    Ok(())
                }
            })
        };
        html! {
            <div class="ask-box">
                <ActionForm
                    id="mod-lock-form"
                    fields={vec![Field::new(REASON, if locked { "Why lock it?" } else { "Why unlock it?" }, Kind::TextArea).max(FORUM_REASON_MAX_CHARS as u32)]}
                    submit={if locked { "Lock the conversation" } else { "Unlock the conversation" }}
                    busy="Saving…"
                    act={send}
                />
                { cancel_button(&open, "Cancel".into()) }
            </div>
        }
    });
    let paging = {
        let first = after.is_some().then(|| {
            let after = after.clone();
            let onclick = Callback::from(move |_| after.set(None));
            html! { <button type="button" class="button button-secondary" {onclick}>{ "Back to the first posts" }</button> }
        });
        let more = v.next.clone().map(|next| {
            let after = after.clone();
            let onclick = Callback::from(move |_| after.set(Some(next.clone())));
            html! { <button type="button" class="button button-secondary" {onclick}>{ "Later posts" }</button> }
        });
        html! { <div class="actions">{ for first }{ for more }</div> }
    };
    html! {
        <>
            <h1>{ &v.thread.title }</h1>
            <ForumStaffNav current={Route::ModThreads} />
            <p class="muted">{ format!("Started by {} in {}, {}.", v.thread.started_by, space_label(&spaces, &v.thread.space), when(v.thread.started_at)) }</p>
            { thread_tags(&v.thread) }
            if let Some(reason) = &v.lock_reason {
                <p>{ format!("Locked because: {reason}") }</p>
            }
            { said.slot("thread") }
            if open.as_deref() != Some(lock_key.as_str()) {
                { toggle(&open, lock_key.clone(), if v.thread.locked { "Unlock".into() } else { "Lock".into() }, "this conversation".into(), "button button-secondary") }
            }
            { for lock_form }
            <h2>{ "Posts" }</h2>
            <div id="posts-said" tabindex="-1">{ said.slot("posts") }</div>
            <ol class="cards">
                { for v.posts.iter().map(|p| html! {
                    <li key={p.id.clone()} class="card">
                        <p class="post-meta"><strong>{ &p.author }</strong><span class="muted small">{ format!(" · {}", when(p.created_at)) }</span></p>
                        { post_tags(p) }
                        { post_text(&p.body, &p.links) }
                        { post_actions(p, &open, &said, &view.reload, "posts") }
                    </li>
                }) }
            </ol>
            { paging }
        </>
    }
}
