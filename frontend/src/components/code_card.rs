//! A one-time sign-in code, shown once, large, with what to do with it.
//! The code lives only in the page that asked for it: leaving the page (or
//! pressing "Hide the code") forgets it.

use crate::words;
use shared::accounts::ActivationCode;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CodeCardProps {
    pub code: ActivationCode,
    /// Whose code: "Riley's", "Sam Patel's".
    pub whose: AttrValue,
    pub on_done: Callback<()>,
}

#[component]
pub fn CodeCard(props: &CodeCardProps) -> Html {
    let heading = use_node_ref();
    {
        // Take focus when the code appears, so it is read out at once.
        let heading = heading.clone();
        use_effect_with(props.code.code.clone(), move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let done = {
        let cb = props.on_done.clone();
        Callback::from(move |_| cb.emit(()))
    };
    let c = &props.code;
    html! {
        <section class="code-card" aria-labelledby="code-card-title">
            <h2 id="code-card-title" tabindex="-1" ref={heading}>
                { format!("{} sign-in code", props.whose) }
            </h2>
            <p>{ "Username: " }<strong class="code-username">{ &c.username }</strong></p>
            <p class="code-value" aria-hidden="true" data-testid="one-time-code">{ &c.code }</p>
            <p class="visually-hidden">{ format!("The code is: {}.", words::spelled(&c.code)) }</p>
            <p class="code-warning">
                <strong>{ "Hand this over in person." }</strong>
                { " It works once and runs out in 72 hours, " }
                { words::deadline(c.expires_at) }
                { "." }
            </p>
            <p>{ "We only show it this once. If it gets lost, make a new code: the old one then stops working." }</p>
            <button type="button" class="button button-secondary" onclick={done}>
                { "I have written it down: hide the code" }
            </button>
        </section>
    }
}
