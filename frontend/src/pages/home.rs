use crate::components::help_panel::HelpPanel;
use crate::components::nav_link::NavLink;
use crate::route::Route;
use crate::state::{use_app, Remote};
use yew::prelude::*;

#[component]
pub fn Home() -> Html {
    let app = use_app();
    let council_name = match &app.council {
        Remote::Ready(Some(c)) => Some(c.name.clone()),
        _ => None,
    };

    html! {
        <>
            <h1>{ "Hi, welcome to Good for Me" }</h1>
            <p class="lead">
                { "This app is for you if you are in care, or if you have left care." }
            </p>
            <HelpPanel />
            <section aria-labelledby="what-for">
                <h2 id="what-for">{ "What is this app for?" }</h2>
                <p>
                    { "It will help you find out what help you can get, and keep track of your plans. \
                       You are in charge of your own story." }
                </p>
                if let Some(name) = council_name {
                    <p>{ format!("Your council is {name}.") }</p>
                }
            </section>
            <section aria-labelledby="about-link">
                <h2 id="about-link">{ "Who can see what?" }</h2>
                <p>
                    { "Your things are private. Find out who can see them in " }
                    <NavLink to={Route::About}>{ "About this app" }</NavLink>
                    { "." }
                </p>
            </section>
        </>
    }
}
