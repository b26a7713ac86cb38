use crate::components::help_panel::{childline, CouncilPhone};
use crate::i18n::t;
use crate::text::raw_t;
use yew::prelude::*;

#[component]
pub fn Help() -> Html {
    html! {
        <>
            { raw_t("help-page-top-html") }
            <section class="help-panel" aria-labelledby="council">
                <h2 id="council">{ t("help-talk-council") }</h2>
                <CouncilPhone />
            </section>
            <section aria-labelledby="childline">
                <h2 id="childline">{ t("help-talk-childline") }</h2>
                { childline() }
            </section>
            { raw_t("help-someone-html") }
        </>
    }
}
