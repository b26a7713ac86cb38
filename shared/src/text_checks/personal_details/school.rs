//! The names of schools ("Hurstmere School", "my school is called ..."),
//! without taking "I hate school" for one.

use crate::text_checks::findings::DetailKind;
use crate::text_checks::tokens::Tokens;

const SCHOOL_WORDS: &[&str] = &["school", "academy", "college", "primary", "grammar"];
/// Words that can be part of a school's name but do not name one by
/// themselves ("High School" is not a particular school).
const SCHOOL_GENERIC: &[&str] = &[
    "the",
    "high",
    "grammar",
    "primary",
    "secondary",
    "junior",
    "juniors",
    "senior",
    "infant",
    "infants",
    "nursery",
    "middle",
    "community",
    "catholic",
    "church",
    "girls",
    "boys",
    "free",
    "sixth",
    "form",
    "technical",
    "international",
    "academy",
    "college",
    "school",
    "upper",
    "lower",
    "c",
    "e",
    "of",
    "st",
    "saint",
];
/// Words that end a school name when walking backwards: "my school",
/// "Today school was fun", "Summer School".
const SCHOOL_BREAK: &[&str] = &[
    "my",
    "our",
    "your",
    "his",
    "her",
    "their",
    "this",
    "that",
    "these",
    "those",
    "a",
    "an",
    "at",
    "to",
    "in",
    "for",
    "from",
    "and",
    "or",
    "but",
    "so",
    "i",
    "im",
    "new",
    "old",
    "big",
    "little",
    "local",
    "private",
    "state",
    "boarding",
    "special",
    "any",
    "every",
    "which",
    "what",
    "no",
    "back",
    "after",
    "before",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "summer",
    "night",
    "home",
    "driving",
    "dance",
    "art",
    "drama",
    "music",
    "football",
    "film",
    "law",
    "medical",
    "forest",
    "language",
    "maths",
    "english",
    "science",
    "history",
    "hate",
    "love",
    "like",
    "go",
    "went",
    "going",
    "when",
    "then",
    "is",
    "was",
    "head",
    "same",
    "different",
    "another",
    "other",
    "normal",
    "whole",
    "attend",
    "attends",
    "attended",
    "year",
    "class",
    // Common sentence openers, capitalised only because they come first.
    "honestly",
    "literally",
    "seriously",
    "actually",
    "basically",
    "ugh",
    "omg",
    "lol",
    "yeah",
    "yes",
    "well",
    "also",
    "anyway",
    "now",
    "still",
    "because",
    "cos",
    "why",
    "how",
    "where",
    "who",
    "does",
    "did",
    "do",
    "are",
    "hi",
    "hey",
    "hello",
    "just",
    "tbh",
    "idk",
    "first",
    "last",
    "next",
    "sometimes",
    "mostly",
    "hopefully",
    "finally",
];
const SCHOOL_ANCHORS: &[&str] = &["to", "at", "attend", "attends", "attended", "from", "in"];

/// Words between two parts of one name: spaces only, or "St." before a name.
fn name_gap(toks: &Tokens, j: usize) -> bool {
    let g = toks.gap_after(j);
    g == " " || (matches!(toks.raw(j), "st" | "mt") && g == ". ")
}

pub(crate) fn find_schools(toks: &Tokens, out: &mut Vec<(DetailKind, usize, usize)>) {
    let n = toks.len();
    let mut i = 0;
    while i < n {
        let r = toks.raw(i);
        // "My school is called Hurstmere", "my school's Hurstmere".
        if r == "my"
            && matches!(
                toks.raw(i + 1),
                "school" | "schools" | "college" | "academy"
            )
        {
            let mut j = i + 2;
            let mut named = false;
            let mut linked = toks.raw(i + 1) == "schools";
            while j < i + 5
                && matches!(
                    toks.raw(j),
                    "is" | "s" | "name" | "names" | "called" | "named"
                )
            {
                named |= matches!(toks.raw(j), "name" | "names" | "called" | "named");
                linked = true;
                j += 1;
            }
            let name_ok = j < n
                && toks.alphabetic(j)
                && !SCHOOL_BREAK.contains(&toks.raw(j))
                && !SCHOOL_GENERIC.contains(&toks.raw(j));
            if linked && name_ok && (named || toks.cap(j)) {
                let mut end = j;
                while end + 1 < n
                    && end < j + 3
                    && name_gap(toks, end)
                    && (toks.cap(end + 1) || SCHOOL_WORDS.contains(&toks.raw(end + 1)))
                {
                    end += 1;
                }
                out.push((DetailKind::School, toks.start(i), toks.end(end)));
                i = end + 1;
                continue;
            }
        }
        if SCHOOL_WORDS.contains(&r) && i > 0 {
            let mut end = i;
            while end + 1 < n && name_gap(toks, end) && SCHOOL_WORDS.contains(&toks.raw(end + 1)) {
                end += 1;
            }
            // Capitalised name just before: "St Mary's Primary", "Hurstmere school".
            let mut s = i;
            while s > 0
                && i - s < 5
                && name_gap(toks, s - 1)
                && (toks.cap(s - 1) || toks.raw(s - 1) == "of")
                && !SCHOOL_BREAK.contains(&toks.raw(s - 1))
            {
                s -= 1;
            }
            let named =
                (s..i).any(|k| toks.alphabetic(k) && !SCHOOL_GENERIC.contains(&toks.raw(k)));
            if named {
                out.push((DetailKind::School, toks.start(s), toks.end(end)));
                i = end + 1;
                continue;
            }
            // Lower case after "go to", "at", "from": "i go to hurstmere school".
            let mut s = i;
            while s > 0
                && i - s < 3
                && name_gap(toks, s - 1)
                && toks.alphabetic(s - 1)
                && !SCHOOL_BREAK.contains(&toks.raw(s - 1))
            {
                s -= 1;
            }
            let named = (s..i).any(|k| !SCHOOL_GENERIC.contains(&toks.raw(k)));
            if named && s > 0 && SCHOOL_ANCHORS.contains(&toks.raw(s - 1)) {
                out.push((DetailKind::School, toks.start(s), toks.end(end)));
                i = end + 1;
                continue;
            }
        }
        i += 1;
    }
}
