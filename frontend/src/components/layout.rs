//! The frame around every page: skip link, header, the `main` landmark and
//! the bottom bar.

use crate::components::icons::icon;
use crate::components::nav_link::NavLink;
use crate::route::{nav_items, Route};
use crate::state::{use_app, Action};
use crate::text::document_title;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

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
            let own_page =
                href.starts_with('/') && !href.starts_with("//") && !href.starts_with("/api/");
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
            document.set_title(&document_title(route.title()));
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
            <a class="skip-link" href={format!("#{MAIN_ID}")}>{ "Skip to main content" }</a>
            <header class="app-header">
                <NavLink to={Route::Home} class="brand">
                    <svg class="brand-mark" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
                        <path class="heart" d="M32 50s-17-10-17-22a9 9 0 0 1 17-4 9 9 0 0 1 17 4c0 12-17 22-17 22z" />
                    </svg>
                    { crate::app::APP_NAME }
                </NavLink>
            </header>
            <main id={MAIN_ID} tabindex="-1" class="page" onclick={follow_links}>
                { props.children.clone() }
            </main>
            <nav class="bottom-nav" aria-label="Main">
                <ul>
                    { for items.iter().map(|item| html! {
                        <li key={item.label}>
                            <NavLink to={item.route.clone()} class="bottom-nav-link" section=true>
                                { icon(item.icon) }
                                <span class="bottom-nav-label">{ item.label }</span>
                            </NavLink>
                        </li>
                    }) }
                </ul>
            </nav>
        </>
    }
}
