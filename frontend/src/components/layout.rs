//! The frame around every page: skip link, header, the `main` landmark and
//! the bottom bar.

use crate::components::app_notices::AppNotices;
use crate::components::form::focus_soon;
use crate::components::icons::icon;
use crate::components::nav_link::NavLink;
use crate::components::unread_link::UnreadLink;
use crate::i18n::{t, words_for, Lang};
use crate::route::{nav_items, Route};
use crate::state::{use_app, Action, AppContext, Session};
use crate::text::document_title;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

const LANGUAGE_SWITCH: &str = "language-switch";

/// The id of the `main` element; the skip link points here.
pub const MAIN_ID: &str = "main";

#[derive(Properties, PartialEq)]
pub struct LayoutProps {
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn Layout(props: &LayoutProps) -> Html {
    let route = use_route::<Route>().unwrap_or(Route::NotFound);
    let first_page = use_mut_ref(|| true);
    let app = use_app();

    // A one-page message (after signing out, say) goes once the person
    // moves on to another page.
    {
        let app = app.clone();
        use_effect_with(route.clone(), move |route| {
            if app.flash.as_ref().is_some_and(|f| f.route != *route) {
                app.dispatch(Action::ClearFlash);
            }
        });
    }
    let items = nav_items(app.me().map(|me| me.role));

    // Links to the app's own pages inside fixed text (see `text::raw`) are
    // plain <a href>: follow them without reloading the app.
    let follow_links = {
        let navigator = use_navigator();
        Callback::from(move |e: MouseEvent| {
            if e.default_prevented()
                || e.button() != 0
                || e.meta_key()
                || e.ctrl_key()
                || e.shift_key()
                || e.alt_key()
            {
                return;
            }
            let link = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("a[href]").ok().flatten());
            let Some(link) = link else { return };
            let href = link.get_attribute("href").unwrap_or_default();
            let own_page = crate::pwa::is_app_path(&href);
            if own_page && !link.has_attribute("target") && !link.has_attribute("download") {
                if let Some(nav) = &navigator {
                    e.prevent_default();
                    nav.push(&Route::parse(&href));
                }
            }
        })
    };

    // On every page change: name the tab after the page, and (after the first
    // page) move focus to the new page's content so screen reader and
    // keyboard users start there, not on the link they pressed.
    use_effect_with(route, move |route| {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(&document_title(&words_for("title-", route.title())));
            let mut first = first_page.borrow_mut();
            if *first {
                *first = false;
            } else if let Some(main) = document
                .get_element_by_id(MAIN_ID)
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = main.focus();
                if let Some(window) = web_sys::window() {
                    window.scroll_to_with_x_and_y(0.0, 0.0);
                }
            }
        }
    });

    html! {
        <>
            <a class="skip-link" href={format!("#{MAIN_ID}")}>{ t("layout-skip") }</a>
            <header class="app-header">
                <NavLink to={Route::Home} class="brand">
                    <svg class="brand-mark" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
                        <path class="heart" d="M32 50s-17-10-17-22a9 9 0 0 1 17-4 9 9 0 0 1 17 4c0 12-17 22-17 22z" />
                    </svg>
                    { crate::text::APP_NAME }
                </NavLink>
                { language_switch(&app) }
                <UnreadLink />
            </header>
            <main id={MAIN_ID} tabindex="-1" class="page" onclick={follow_links}>
                <AppNotices />
                { props.children.clone() }
            </main>
            <nav class="bottom-nav" aria-label={t("layout-nav-main")}>
                <ul>
                    { for items.iter().map(|item| html! {
                        <li key={item.label}>
                            <NavLink to={item.route.clone()} class="bottom-nav-link" section=true>
                                { icon(item.icon) }
                                <span class="bottom-nav-label">{ words_for("nav-", item.label) }</span>
                            </NavLink>
                        </li>
                    }) }
                </ul>
            </nav>
        </>
    }
}

/// Signed out, a button to read the app in the other language, for this
/// visit (a signed-in person chooses on "My account", and it is saved). It
/// is named in the language it switches to, as people look for their own.
fn language_switch(app: &AppContext) -> Html {
    let signed_out = matches!(app.session, Session::SignedOut | Session::Unreachable(_));
    if !signed_out {
        return html! {};
    }
    let other = if app.language == Lang::En {
        Lang::Ar
    } else {
        Lang::En
    };
    let onclick = {
        let app = app.clone();
        Callback::from(move |_| {
            app.dispatch(Action::ChooseLanguage(other));
            // The page is drawn again in the new language: keep the place.
            focus_soon(LANGUAGE_SWITCH.to_string());
        })
    };
    html! {
        <button type="button" id={LANGUAGE_SWITCH} class="language-switch" lang={other.tag()} {onclick}>
            <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm6.9 6h-2.9a15.7 15.7 0 0 0-1.4-3.6A8 8 0 0 1 18.9 8zM12 4c.8 1.2 1.5 2.5 1.9 4h-3.8c.4-1.4 1.1-2.8 1.9-4zM4.3 14a8 8 0 0 1 0-4h3.4a16.5 16.5 0 0 0 0 4zm.8 2h2.9c.3 1.3.8 2.5 1.4 3.6A8 8 0 0 1 5.1 16zM8 8H5.1a8 8 0 0 1 4.3-3.6C8.8 5.5 8.3 6.7 8 8zm4 12c-.8-1.2-1.5-2.5-1.9-4h3.8c-.4 1.4-1.1 2.8-1.9 4zm2.3-6H9.7a14.7 14.7 0 0 1 0-4h4.6a14.7 14.7 0 0 1 0 4zm.3 5.6c.6-1.1 1.1-2.3 1.4-3.6h2.9a8 8 0 0 1-4.3 3.6zm1.7-5.6a16.5 16.5 0 0 0 0-4h3.4a8 8 0 0 1 0 4z" />
            </svg>
            { other.own_name() }
        </button>
    }
}
