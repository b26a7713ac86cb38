//! Small inline SVG icons (no requests, no fonts). They are decoration: the
//! text beside them carries the meaning, so they are hidden from screen
//! readers.

use crate::route::Icon;
use yew::prelude::*;

pub fn icon(which: Icon) -> Html {
    let d = match which {
        Icon::Home => "M12 3 2 11.5h3V21h5.5v-6h3v6H19v-9.5h3z",
        Icon::Help => "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 16h-2v-2h2zm2.1-7.7-.9.9c-.7.7-1.2 1.3-1.2 2.8h-2v-.5c0-1.1.4-2.1 1.2-2.8l1.2-1.3A2 2 0 1 0 10 8H8a4 4 0 1 1 7.1 2.3z",
        Icon::About => "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm1 15h-2v-6h2zm0-8h-2V7h2z",
        Icon::SignIn => "M10 17v-3H3v-4h7V7l5 5zm1-15h8a2 2 0 0 1 2 2v16a2 2 0 0 1-2 2h-8v-2h8V4h-8z",
        Icon::Account => "M12 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10zm0 2c-4.4 0-9 2.2-9 5v3h18v-3c0-2.8-4.6-5-9-5z",
        Icon::People => "M16 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm-8 0a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm0 2c-3 0-8 1.5-8 4.5V21h16v-3.5C16 14.5 11 13 8 13zm8 0c-.4 0-.8 0-1.3.1 1.4 1 2.3 2.4 2.3 4.4V21h7v-3.5c0-3-5-4.5-8-4.5z",
        Icon::Staff => "M20 6h-5V4a2 2 0 0 0-2-2h-2a2 2 0 0 0-2 2v2H4a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V8a2 2 0 0 0-2-2zM11 4h2v4h-2zM9 11a2 2 0 1 1 0 4 2 2 0 0 1 0-4zm4 8H5v-1c0-1.3 2.7-2 4-2s4 .7 4 2zm6-2h-4v-2h4zm0-3h-4v-2h4z",
        Icon::Plan => "M6 2h9l5 5v13a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2zm8 1.5V8h4.5zM8 12h8v2H8zm0 4h8v2H8z",
        Icon::Forum => "M4 3h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm3 5v2h10V8zm0 4v2h7v-2z",
        Icon::Offer => "M20 7h-2.2A3 3 0 0 0 12 3.8 3 3 0 0 0 6.2 7H4a1 1 0 0 0-1 1v3h18V8a1 1 0 0 0-1-1zM9 7a1 1 0 1 1 1-1v1zm5 0V6a1 1 0 1 1 1 1zM4 13v7a1 1 0 0 0 1 1h6v-8zm9 0v8h6a1 1 0 0 0 1-1v-7z",
        Icon::Reviews => "M7 2h2v2h6V2h2v2h3a1 1 0 0 1 1 1v15a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1h3zM5 9v10h14V9zm2 2h4v4H7z",
    };
    // An arrow points the way the page reads: turned round right to left.
    let class = if which == Icon::SignIn {
        "icon icon-directional"
    } else {
        "icon"
    };
    html! {
        <svg class={class} viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
            <path d={d} />
        </svg>
    }
}
