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
    };
    html! {
        <svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
            <path d={d} />
        </svg>
    }
}
