//! A link to another page of the app that marks itself as the current page
//! (`aria-current="page"`), for the header, the bottom bar and page links.

use crate::route::Route;
use yew::prelude::*;
use yew_router::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NavLinkProps {
    pub to: Route,
    #[prop_or_default]
    pub class: Option<AttrValue>,
    /// Bottom bar: also current on the pages under this one (a young
    /// person's page is under "People").
    #[prop_or_default]
    pub section: bool,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn NavLink(props: &NavLinkProps) -> Html {
    let navigator = use_navigator();
    let here = use_route::<Route>();
    let to = props.to.clone();
    let current = match &here {
        Some(here) if props.section => here.section() == to,
        Some(here) => *here == to,
        None => false,
    };

    let onclick = {
        let to = to.clone();
        Callback::from(move |e: MouseEvent| {
            // Let people open a link in a new tab with ctrl/cmd/shift/middle click.
            if e.button() != 0 || e.meta_key() || e.ctrl_key() || e.shift_key() || e.alt_key() {
                return;
            }
            if let Some(nav) = &navigator {
                e.prevent_default();
                nav.push(&to);
            }
        })
    };

    let aria_current = current.then_some("page");
    html! {
        <a class={props.class.clone()} href={to.to_path()} aria-current={aria_current} {onclick}>
            { props.children.clone() }
        </a>
    }
}
