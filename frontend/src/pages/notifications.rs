//! My notifications, in the app: everything that was (or would have been)
//! pushed to my phone, newest first, whether or not push is on. Each one
//! links to where it is about; "Mark as read", "Mark all as read" and
//! "Delete".
//!
//! `/notifications/{id}` is where a tapped push message lands: it marks that
//! one read and moves on to the page it is about (a push carries no
//! details, so the app looks them up after opening).

use crate::api;
use crate::components::nav_link::NavLink;
use crate::components::unread_link::unread;
use crate::hooks::{use_get, waiting};
use crate::i18n::{t, tf};
use crate::pwa::{self, Event};
use crate::route::Route;
use crate::state::Remote;
use crate::words;
use shared::endpoints as ep;
use yew::prelude::*;
use yew_router::prelude::*;

/// One notification, as the declaration (`ep::me::ListNotifications`)
/// sends it.
pub use shared::push::NotificationView as Item;

/// What the list does with a notification.
pub trait Shown {
    /// The words of the link: what it is about.
    fn text(&self) -> &str;
    /// The page it opens (only the app's own pages; anything else opens the
    /// list).
    fn route(&self) -> Route;
}

impl Shown for Item {
    fn text(&self) -> &str {
        if self.body.trim().is_empty() {
            &self.title
        } else {
            &self.body
        }
    }

    fn route(&self) -> Route {
        if pwa::is_app_path(&self.link) {
            Route::parse(&self.link)
        } else {
            Route::Notifications
        }
    }
}

/// Mark one read without waiting (the person is on their way to the page
/// it is about; if this fails it simply stays "New"). Then the header
/// counts again, from the server.
fn mark_read_soon(id: String) {
    wasm_bindgen_futures::spawn_local(async move {
        if api::mark_notification_read(&id).await.is_ok() {
            pwa::emit(Event::ReadChanged);
        }
    });
}

#[component]
pub fn NotificationsPage() -> Html {
    let list = use_get(Some(ep::me::ListNotifications::url()));
    let status = use_state(|| None::<String>);
    let navigator = use_navigator();
    let items = list.list();

    // The header's count follows what this page knows.
    {
        let count = items.ready().map(|l| unread(l.iter().map(|n| n.read)));
        use_effect_with(count, |count| {
            if let Some(n) = count {
                pwa::emit(Event::Unread(*n));
            }
        });
    }
    // A push while the page is open: show it. (The listener outlives this
    // render: it calls the newest `reload`, kept in a cell.)
    {
        let latest = use_mut_ref(|| list.reload.clone());
        *latest.borrow_mut() = list.reload.clone();
        use_effect_with((), move |_| {
            let listening = pwa::listen(Callback::from(move |e: Event| {
                if e == Event::Pushed {
                    let reload = latest.borrow().clone();
                    reload.emit(());
                }
            }));
            move || drop(listening)
        });
    }

    let mark_all = {
        let (reload, status) = (list.reload.clone(), status.clone());
        Callback::from(move |_| {
            let (reload, status) = (reload.clone(), status.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::mark_all_notifications_read().await {
                    Ok(()) => {
                        status.set(Some(t("notifications-all-read")));
                        reload.emit(());
                    }
                    Err(err) => status.set(Some(err.message())),
                }
            });
        })
    };

    let body = match &items {
        Remote::Ready(items) if items.is_empty() => html! {
            <p>{ t("notifications-empty") }</p>
        },
        Remote::Ready(items) => {
            let any_unread = items.iter().any(|n| !n.read);
            html! {
                <>
                    if any_unread {
                        <p>
                            <button type="button" class="button button-secondary" onclick={mark_all}>
                                { t("notifications-mark-all-read") }
                            </button>
                        </p>
                    }
                    <ul class="cards notifications">
                        { for items.iter().map(|n| item(n, navigator.clone(), &list.reload, &status)) }
                    </ul>
                </>
            }
        }
        other => waiting(other, &t("notifications-what"), &list.reload).unwrap_or_default(),
    };

    html! {
        <>
            <h1>{ t("notifications-title") }</h1>
            <p class="lead">{ t("notifications-lead") }</p>
            <p role="status">{ (*status).clone().unwrap_or_default() }</p>
            { body }
            <p><NavLink to={Route::NotificationSettings}>{ t("notifications-settings-link") }</NavLink></p>
        </>
    }
}

fn item(
    n: &Item,
    navigator: Option<Navigator>,
    reload: &Callback<()>,
    status: &UseStateHandle<Option<String>>,
) -> Html {
    let open = {
        let (id, route, read) = (n.id.clone(), n.route(), n.read);
        Callback::from(move |e: MouseEvent| {
            if e.button() != 0 || e.meta_key() || e.ctrl_key() || e.shift_key() || e.alt_key() {
                return;
            }
            if !read {
                mark_read_soon(id.clone());
            }
            if let Some(nav) = &navigator {
                e.prevent_default();
                nav.push(&route);
            }
        })
    };
    let mark = {
        let (id, reload, status) = (n.id.clone(), reload.clone(), status.clone());
        Callback::from(move |_| {
            let (id, reload, status) = (id.clone(), reload.clone(), status.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::mark_notification_read(&id).await {
                    Ok(()) => {
                        status.set(Some(t("notifications-marked-read")));
                        reload.emit(());
                    }
                    Err(err) => status.set(Some(err.message())),
                }
            });
        })
    };
    let delete = {
        let (id, reload, status) = (n.id.clone(), reload.clone(), status.clone());
        Callback::from(move |_| {
            let (id, reload, status) = (id.clone(), reload.clone(), status.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::delete_notification(&id).await {
                    Ok(()) => {
                        status.set(Some(t("notifications-deleted")));
                        pwa::emit(Event::ReadChanged);
                        reload.emit(());
                    }
                    Err(err) => status.set(Some(err.message())),
                }
            });
        })
    };
    let when = words::when_now(n.created_at);
    html! {
        <li key={n.id.clone()} class={classes!("card", "notification", (!n.read).then_some("notification-new"))}>
            <p class="notification-meta">
                if !n.read {
                    <span class="tag">{ t("notifications-new") }</span>{ " " }
                }
                <span class="muted">{ tf("notifications-when", &[("when", &when)]) }</span>
            </p>
            <p class="notification-text">
                <a href={n.route().to_path()} onclick={open}>{ n.text().to_string() }</a>
            </p>
            if !n.read {
                <button type="button" class="button button-secondary button-small" onclick={mark}>
                    { t("notifications-mark-read") }
                    <span class="visually-hidden">{ tf("notifications-mark-read-more", &[("what", n.text())]) }</span>
                </button>
            }
            <button type="button" class="button button-secondary button-small" onclick={delete}>
                { t("notifications-delete") }
                <span class="visually-hidden">{ tf("notifications-mark-read-more", &[("what", n.text())]) }</span>
            </button>
        </li>
    }
}

#[derive(Properties, PartialEq)]
pub struct OpenProps {
    pub id: String,
}

/// Where a tapped push lands: mark it read, then go to what it is about.
#[component]
pub fn OpenNotificationPage(props: &OpenProps) -> Html {
    let list = use_get(Some(ep::me::ListNotifications::url()));
    let navigator = use_navigator();
    let items = list.list();
    let found: Option<Option<Item>> = items
        .ready()
        .map(|l| l.iter().find(|n| n.id == props.id).cloned());
    {
        let unread_left = items
            .ready()
            .map(|l| unread(l.iter().filter(|n| n.id != props.id).map(|n| n.read)));
        use_effect_with(found.clone(), move |found| {
            if let Some(Some(n)) = found {
                if !n.read {
                    mark_read_soon(n.id.clone());
                    if let Some(left) = unread_left {
                        pwa::emit(Event::Unread(left));
                    }
                }
                if let Some(nav) = &navigator {
                    nav.replace(&n.route());
                }
            }
        });
    }
    match found {
        Some(None) => html! {
            <>
                <h1>{ t("notifications-not-found-title") }</h1>
                <p>{ t("notifications-not-found") }</p>
                <p><NavLink to={Route::Notifications} class="button">{ t("notifications-see-list") }</NavLink></p>
            </>
        },
        Some(Some(_)) => html! {
            <>
                <h1>{ t("notifications-opening-title") }</h1>
                <p class="muted" role="status">{ t("notifications-opening") }</p>
            </>
        },
        None => html! {
            <>
                <h1>{ t("notifications-opening-title") }</h1>
                { waiting(&items, &t("notifications-what"), &list.reload).unwrap_or_default() }
            </>
        },
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn sample(link: &str, body: &str) -> Item {
        Item {
            id: "n1".into(),
            kind: "review_booked".into(),
            title: "You have an update".into(),
            body: body.into(),
            link: link.into(),
            created_at: chrono::DateTime::from_timestamp(1_700_000_000, 0).unwrap(),
            read: false,
        }
    }

    #[test]
    fn the_list_decodes_what_the_server_sends() {
        let list: Vec<Item> = api::decode(
            200,
            r#"[{"id":"a","kind":"plan_shared","title":"You have an update","body":"Your plan has changed.","link":"/my/plan","created_at":"2026-03-03T10:00:00Z","read":false}]"#,
        )
        .unwrap();
        assert_eq!(list[0].route(), Route::MyPlan);
        assert_eq!(list[0].text(), "Your plan has changed.");
    }

    #[test]
    fn a_notification_opens_only_pages_of_the_app() {
        assert_eq!(sample("/my/people", "x").route(), Route::MyPeople);
        assert_eq!(
            sample("https://example.com/", "x").route(),
            Route::Notifications
        );
        assert_eq!(sample("//example.com", "x").route(), Route::Notifications);
    }

    #[test]
    fn an_empty_body_shows_the_title() {
        assert_eq!(sample("/my/plan", " ").text(), "You have an update");
    }
}
