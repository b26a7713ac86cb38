use crate::text::raw_t;
use yew::prelude::*;

/// Fixed words only, so written as HTML (see `text::raw`).
#[component]
pub fn About() -> Html {
    html! {
        <>
            { raw_t("about-what-html") }
            { raw_t("about-who-html") }
            { raw_t("about-promise-html") }
        </>
    }
}
