//! The moderation log (who did what, when and why; read-only, and managers
//! can read it too) and the watched-word lists in their three tiers.

use crate::api;
use crate::components::form::{act, errors_from, ActionForm, Field, FieldError, Kind};
use crate::components::guard::use_me;
use crate::hooks::{use_get, waiting};
use crate::pages::forum_parts::{use_said, when};
use crate::pages::moderation::ForumStaffNav;
use crate::route::Route;
use crate::state::Remote;
use crate::words;
use shared::access::{can, Ability};
use shared::endpoints as ep;
use shared::endpoints::moderation::LogQuery;
use shared::forum::{ModAction, ModLogEntry, WatchedWords};
use shared::limits::WATCHED_WORDS_MAX;
use shared::text_checks::{Tier, WatchedWord};
use yew::prelude::*;
use yew_router::Routable;

/// What a log line records, in plain words.
pub fn action_words(a: ModAction) -> &'static str {
    match a {
        ModAction::AutoHeld => "Held for approval by the checks",
        ModAction::HarmAlert => "Words that suggest harm: their worker was alerted",
        ModAction::Reported => "Reported by a young person",
        ModAction::Approved => "Approved",
        ModAction::ApprovedWithEdits => "Approved with changes (the young person was told)",
        ModAction::Rejected => "Turned down",
        ModAction::Removed => "Taken down by a moderator",
        ModAction::Kept => "Kept up after a look",
        ModAction::ReportResolved => "Report resolved",
        ModAction::Locked => "Conversation locked",
        ModAction::Unlocked => "Conversation unlocked",
        ModAction::Suspended => "Stopped from posting",
        ModAction::SuspensionLifted => "Allowed to post again",
        ModAction::WatchedWordsChanged => "Watched words changed",
        ModAction::SpaceCreated => "Space added",
        ModAction::SpaceChanged => "Space changed",
    }
}

fn who(e: &ModLogEntry) -> String {
    match (&e.actor, e.actor_role) {
        (None, _) => "The automatic checks".to_string(),
        (Some(name), Some(role)) => format!("{name} ({})", words::role(role).to_lowercase()),
        (Some(name), None) => name.clone(),
    }
}

fn text_of(title: Option<&String>, body: Option<&String>) -> String {
    match (title, body) {
        (Some(t), Some(b)) => format!("{t}\n\n{b}"),
        (Some(t), None) => t.clone(),
        (None, Some(b)) => b.clone(),
        (None, None) => String::new(),
    }
}

#[component]
pub fn ModerationLogPage() -> Html {
    let me = use_me();
    let moderator = me.is_some_and(|m| can(m.role, Ability::ModerateForum));
    let before = use_state(|| None::<String>);
    let log = use_get(Some(ep::moderation::Log::url().query(&LogQuery {
        post: None,
        before: (*before).clone(),
        limit: None,
    })));

    let entry = |e: &ModLogEntry| {
        let changed = e.original_body.is_some() || e.original_title.is_some();
        html! {
            <li key={e.id.clone()} class="card">
                <h2 class="card-title">{ action_words(e.action) }</h2>
                <dl class="facts">
                    <div><dt>{ "When" }</dt><dd>{ when(e.at) }</dd></div>
                    <div><dt>{ "Who" }</dt><dd>{ who(e) }</dd></div>
                    if let Some(m) = &e.member {
                        <div><dt>{ "Young person" }</dt><dd>{ format!("{m} (forum name)") }</dd></div>
                    }
                    if let Some(r) = &e.reason {
                        <div><dt>{ "Why" }</dt><dd class="post-text">{ r }</dd></div>
                    }
                </dl>
                if changed {
                    <details class="disclosure">
                        <summary>{ "What was changed" }</summary>
                        <p><strong>{ "Before:" }</strong></p>
                        <p class="post-text quote">{ text_of(e.original_title.as_ref(), e.original_body.as_ref()) }</p>
                        <p><strong>{ "After:" }</strong></p>
                        <p class="post-text quote">{ text_of(e.new_title.as_ref(), e.new_body.as_ref()) }</p>
                    </details>
                }
                if let (true, Some(t)) = (moderator, &e.thread_id) {
                    <p><a href={Route::ModThread { id: t.clone() }.to_path()}>
                        { "Open the conversation" }
                        <span class="visually-hidden">{ format!(": {}", action_words(e.action)) }</span>
                    </a></p>
                }
            </li>
        }
    };

    let body = match log.get() {
        Remote::Ready(p) if p.entries.is_empty() => {
            html! { <p>{ "Nothing has happened yet." }</p> }
        }
        Remote::Ready(p) => {
            let older = p.next.clone().map(|next| {
                let before = before.clone();
                let onclick = Callback::from(move |_| before.set(Some(next.clone())));
                html! { <button type="button" class="button button-secondary" {onclick}>{ "Older entries" }</button> }
            });
            let newest = before.is_some().then(|| {
                let before = before.clone();
                let onclick = Callback::from(move |_| before.set(None));
                html! { <button type="button" class="button button-secondary" {onclick}>{ "Newest entries" }</button> }
            });
            html! {
                <>
                    <ol class="cards">{ for p.entries.iter().map(entry) }</ol>
                    <div class="actions">{ for newest }{ for older }</div>
                </>
            }
        }
        other => waiting(&other, "the moderation log", &log.reload).unwrap_or_default(),
    };
    html! {
        <>
            <h1>{ "Moderation log" }</h1>
            <ForumStaffNav current={Route::ModLog} />
            <p class="lead">
                { "Every moderation action, newest first: who, what, when and why. Nobody can change it. An author deleting their own post is not here; a moderator taking one down is." }
            </p>
            { body }
        </>
    }
}

const TIERS: [(Tier, &str, &str, &str); 3] = [
    (
        Tier::Block,
        "words-block",
        "Block: refuse the post",
        "The post is refused and the young person is asked to change these words. Nothing is stored.",
    ),
    (
        Tier::Hold,
        "words-hold",
        "Hold for approval",
        "The post waits in the queue for you.",
    ),
    (
        Tier::Flag,
        "words-flag",
        "Flag: let it go up, and show it to you",
        "The post goes up, and shows in the queue for you to look at.",
    ),
];

/// One word or phrase a line, blank lines left out.
pub fn words_of(text: &str, tier: Tier) -> Vec<WatchedWord> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| WatchedWord {
            pattern: l.to_string(),
            tier,
        })
        .collect()
}

#[component]
pub fn WatchedWordsPage() -> Html {
    let list = use_get(Some(ep::moderation::WatchedWords::url()));
    let said = use_said();
    let words = match list.get() {
        Remote::Ready(w) => w.words,
        other => {
            return html! {
                <>
                    <h1>{ "Watched words" }</h1>
                    <ForumStaffNav current={Route::WatchedWords} />
                    { waiting(&other, "the watched words", &list.reload).unwrap_or_default() }
                </>
            };
        }
    };
    let send = {
        let (said, reload) = (said.clone(), list.reload.clone());
        act(move |v| {
            let (said, reload) = (said.clone(), reload.clone());
            async move {
                let mut all = Vec::new();
                for (tier, id, _, _) in TIERS {
                    all.extend(words_of(&v.get(id), tier));
                }
                if all.len() > WATCHED_WORDS_MAX {
                    return Err(vec![FieldError::form(format!(
                        "Keep the lists to {WATCHED_WORDS_MAX} words or phrases in all."
                    ))]);
                }
                api::call_done(
                    ep::moderation::SetWatchedWords::url(),
                    &WatchedWords { words: all },
                )
                .await
                .map_err(|e| errors_from(&e, &[]))?;
                said.show(
                    "words",
                    "Saved. The moderation log says what was added and taken out.".into(),
                    true,
                );
                reload.emit(());
                Ok(())
            }
        })
    };
    let fields: Vec<Field> = TIERS
        .iter()
        .map(|(tier, id, label, hint)| {
            let text = words
                .iter()
                .filter(|w| w.tier == *tier)
                .map(|w| w.pattern.as_str())
                .collect::<Vec<_>>()
                .join("\n");
            Field::new(id, *label, Kind::TextArea)
                .hint(format!("{hint} One word or phrase a line."))
                .value(text)
        })
        .collect();
    html! {
        <>
            <h1>{ "Watched words" }</h1>
            <ForumStaffNav current={Route::WatchedWords} />
            <p class="lead">
                { "Words and phrases the forum watches for, in three tiers. Matching ignores capitals and punctuation, needs whole words, and sees through simple disguises (repeated letters, numbers for letters, spaced-out letters). Add other forms of a word on their own lines." }
            </p>
            <p>{ "Personal details (phone numbers, email addresses, addresses, postcodes, schools, social media) and words that suggest harm are always checked: they need no list." }</p>
            { said.slot("words") }
            <ActionForm id="words-form" {fields} submit="Save the watched words" busy="Saving…" act={send} />
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_word_a_line() {
        let w = words_of("  idiot \n\nshut up\n", Tier::Hold);
        assert_eq!(
            w.iter().map(|w| w.pattern.as_str()).collect::<Vec<_>>(),
            vec!["idiot", "shut up"]
        );
        assert!(w.iter().all(|w| w.tier == Tier::Hold));
    }

    #[test]
    fn every_action_has_words() {
        for a in ModAction::ALL {
            assert!(!action_words(a).is_empty());
        }
    }
}
