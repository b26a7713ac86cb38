use crate::components::help_panel::{childline, CouncilPhone};
use crate::text::raw;
use yew::prelude::*;

#[component]
pub fn Help() -> Html {
    html! {
        <>
            { raw(r#"<h1>Get help now</h1>
<p class="lead">You don't have to deal with things on your own. Someone will listen.</p>
<section class="help-panel help-panel-urgent" aria-labelledby="danger">
<h2 id="danger">If you are in danger</h2>
<p>If you or someone else is in danger right now, call 999.</p>
<a class="button button-call" href="tel:999">Call 999</a>
</section>"#) }
            <section class="help-panel" aria-labelledby="council">
                <h2 id="council">{ "Talk to your council" }</h2>
                <CouncilPhone />
            </section>
            <section aria-labelledby="childline">
                <h2 id="childline">{ "Talk to Childline" }</h2>
                { childline() }
            </section>
            { raw(r#"<section aria-labelledby="someone">
<h2 id="someone">Talk to someone you trust</h2>
<p>That could be your carer, your worker, a teacher or a friend's grown-up.</p>
</section>"#) }
        </>
    }
}
