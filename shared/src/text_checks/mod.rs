//! Safeguarding checks on what a young person writes: forum posts and the free
//! text of review feedback forms.
//!
//! The server runs [`scan`] and enforces its [`Verdict`]; the WASM app runs the
//! same code before the child presses "post", so they are warned gently in the
//! moment instead of being surprised later. Pure functions, no I/O.
//!
//! Three separate questions are asked of the text:
//! 1. **Personal details** (phone numbers, email addresses, postcodes, street
//!    addresses, schools, social media handles): any of these holds a post for
//!    approval, because they let a stranger find a child.
//! 2. **Watched words** in three tiers ([`Tier`]), from a list the
//!    participation officer edits ([`WatchedWord`]); [`DEFAULT_WATCHED_WORDS`]
//!    is only a starting point for a new council.
//! 3. **Words that suggest harm** to the child or from someone else. These are
//!    built in (not editable) and always hold the text and alert a person.
//!
//! **Normalisation first.** Every check runs on a normalised view of the
//! text (`normalise`), so a disguise is undone once rather than in each
//! scanner: Unicode NFKC (full-width letters and "＠", ligatures,
//! mathematical digits), invisible and format characters dropped (zero-width
//! space and joiners, word joiner, BOM, soft hyphen, bidi marks, overrides
//! and isolates, variation selectors, tags, Hangul fillers...), every kind
//! of space read as " ", every decimal digit of any script read as 0-9,
//! decorating combining marks dropped ("k̶i̶l̶l̶"), and Arabic harakat and
//! tatweel dropped with its alef, yeh and teh marbuta forms unified. Case is
//! folded by the tokenizer (capitals are a cue for school and street names).
//! A map takes every span found back to the text as written, so spans stay
//! spans of the original on `char` boundaries and a worker sees the child's
//! own words. [`text_problem`] says which texts must be refused outright
//! (control characters, bidi overrides, nothing visible); with the
//! `confusables` feature, `skeleton` gives the UTS #39 look-alike skeleton.
//!
//! The harm phrases and the idioms that cancel them live in
//! `shared/data/harm_phrases.txt`, plain text a safeguarding lead can read;
//! `shared/tests/harm_corpus.txt` measures them.
//!
//! No regex crate: it would bloat the WASM bundle. Each check is a small
//! hand-written scanner, linear in the length of the text, so a long post costs
//! microseconds. Spans are byte offsets into the text as given and always fall
//! on `char` boundaries, so `&text[start..end]` is safe.
//!
//! These checks are a safety net, not a guarantee: they are tuned to prefer a
//! false alarm (a grown-up reads a harmless post) over a miss.
//!
//! Layout: [`scan`] is here; `findings` holds what it reports, `tokens` and
//! `patterns` the matching machinery the checks share, and `watched`,
//! `harm` and `personal_details` the three checks.

mod findings;
mod harm;
pub(crate) mod normalise;
mod patterns;
mod personal_details;
mod tokens;
mod watched;

#[cfg(test)]
mod tests;

pub use findings::{
    kind_message_for_harm, DetailKind, Finding, HarmMatch, ScanResult, Tier, Verdict, WatchedMatch,
    WatchedWord,
};
pub use harm::find_harm;
pub use normalise::{normalise, text_problem};

/// The UTS #39 confusable skeleton of a text, for telling whether two names
/// look alike ("Ѕаrаh" in Cyrillic letters and "Sarah"): normalised, case
/// folded, letters and digits only. Server-side only (feature
/// `confusables`), because the table is large.
#[cfg(feature = "confusables")]
pub fn skeleton(text: &str) -> String {
    let folded: String = normalise(text)
        .chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect();
    // Folded again after: the table maps some characters to capitals
    // ("0" to "O"), which must meet the "o" a name was folded to.
    unicode_security::confusable_detection::skeleton(&folded)
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}
pub use personal_details::find_personal_details;
pub use watched::{default_watched_words, find_watched_words, DEFAULT_WATCHED_WORDS};

use harm::harm_in;
use normalise::Normalised;
use personal_details::details_in;
use tokens::tokenize;
use watched::watched_in;

/// Scan a post or feedback text.
///
/// Verdict, in order:
/// 1. Harm wins: `HoldForApproval` (and the caller alerts a worker), even when
///    a Block word is present, because a child in distress must get help
///    rather than a refusal. The Block words are still listed in `watched`.
/// 2. Any Block-tier word: `Block`.
/// 3. Any personal detail or Hold-tier word: `HoldForApproval`.
/// 4. Otherwise `Publish`. `flagged` is set by Flag-tier words in every case.
///
/// The verdict is written for forum posts. For review feedback the caller may
/// decide that personal details do not matter (the reader is the child's
/// IRO), but it must still act on `suggests_harm`.
pub fn scan(text: &str, watched: &[WatchedWord]) -> ScanResult {
    let norm = Normalised::new(text);
    let (plain, joined) = tokenize(norm.text());
    let personal_details = details_in(&norm, &plain);
    let watched_matches = watched_in(&norm, &plain, joined.as_ref(), watched);
    let harm_matches = harm_in(&norm, &plain, joined.as_ref());

    let suggests_harm = !harm_matches.is_empty();
    let blocked = watched_matches.iter().any(|m| m.tier == Tier::Block);
    let held = watched_matches.iter().any(|m| m.tier == Tier::Hold);
    let flagged = watched_matches.iter().any(|m| m.tier == Tier::Flag);
    let verdict = if suggests_harm {
        Verdict::HoldForApproval
    } else if blocked {
        Verdict::Block
    } else if held || !personal_details.is_empty() {
        Verdict::HoldForApproval
    } else {
        Verdict::Publish
    };
    ScanResult {
        personal_details,
        watched: watched_matches,
        suggests_harm,
        harm_matches,
        verdict,
        flagged,
    }
}
