use crate::components::nav_link::NavLink;
use crate::i18n::t;
use crate::route::Route;
use yew::prelude::*;

#[component]
pub fn NotFound() -> Html {
    html! {
        <>
            <h1>{ t("not-found-title") }</h1>
            <p>{ t("not-found-text") }</p>
            <p>
                <NavLink to={Route::Home} class="button">{ t("go-home") }</NavLink>
            </p>
        </>
    }
}
