use crate::text::raw;
use yew::prelude::*;

/// Fixed words only, so written as HTML (see `text::raw`).
#[component]
pub fn About() -> Html {
    raw(r#"<h1>About this app</h1>
<section aria-labelledby="what">
<h2 id="what">What is Good for Me?</h2>
<p>Good for Me is an app for young people who are in care or who have left care. Your council made it for you.</p>
<p>It helps you know what help you can get, see your plan, and get ready for meetings about you. You can also say what you think.</p>
</section>
<section aria-labelledby="who">
<h2 id="who">Who can see what?</h2>
<ul class="plain-list">
<li><strong>You</strong> can see your own things.</li>
<li><strong>Your worker</strong> (your social worker or personal adviser) can see things about you, so they can help you.</li>
<li><strong>Other young people</strong> can't see your things.</li>
</ul>
<p>Each time someone looks at your things, the app writes it down. You can see who has looked: sign in, then go to your account.</p>
<p>If someone is worried that you are not safe, they may need to tell other people who can help. They will try to talk to you first.</p>
</section>
<section aria-labelledby="promise">
<h2 id="promise">Our promises</h2>
<ul class="plain-list">
<li>No adverts.</li>
<li>We don't track you or sell your information.</li>
<li>We don't ask where you are.</li>
<li>No messages late at night, unless it's urgent.</li>
</ul>
</section>"#)
}
