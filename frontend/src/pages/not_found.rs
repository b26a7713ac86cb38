use crate::components::nav_link::NavLink;
use crate::route::Route;
use yew::prelude::*;

#[component]
pub fn NotFound() -> Html {
    html! {
        <>
            <h1>{ "We can't find that page" }</h1>
            <p>{ "The link might be wrong, or the page might have moved." }</p>
            <p>
                <NavLink to={Route::Home} class="button">{ "Go to the home page" }</NavLink>
            </p>
        </>
    }
}
