//! The root component: app state, router, layout and the first data load.

use crate::api;
use crate::components::layout::Layout;
use crate::pages::{about::About, help::Help, home::Home, not_found::NotFound};
use crate::route::Route;
use crate::state::{Action, AppContext, AppState, Remote};
use yew::prelude::*;
use yew_router::prelude::*;

pub const APP_NAME: &str = "Good for Me";

/// The page for each route. A new page is a new arm here.
pub fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <Home /> },
        Route::Help => html! { <Help /> },
        Route::About => html! { <About /> },
        Route::NotFound => html! { <NotFound /> },
    }
}

#[component]
pub fn App() -> Html {
    let state: AppContext = use_reducer(AppState::default);

    // Load the council whenever we are waiting for it: at start, and after
    // "Try again".
    {
        let state = state.clone();
        let loading = matches!(state.council, Remote::Loading);
        use_effect_with(loading, move |loading| {
            if *loading {
                wasm_bindgen_futures::spawn_local(async move {
                    match api::councils().await {
                        Ok(list) => state.dispatch(Action::CouncilsLoaded(list)),
                        Err(err) => state.dispatch(Action::CouncilsFailed(err)),
                    }
                });
            }
        });
    }

    html! {
        <ContextProvider<AppContext> context={state}>
            <BrowserRouter>
                <Layout>
                    <Switch<Route> render={switch} />
                </Layout>
            </BrowserRouter>
        </ContextProvider<AppContext>>
    }
}
