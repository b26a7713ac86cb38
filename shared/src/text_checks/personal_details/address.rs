//! Street addresses: a house number and a street ("12 Oak Road"), or "I
//! live on Long Lane".

use crate::text_checks::findings::DetailKind;
use crate::text_checks::tokens::Tokens;

const STREET_SUFFIXES: &[&str] = &[
    "road", "rd", "street", "st", "avenue", "ave", "av", "lane", "ln", "crescent", "cres",
    "gardens", "gdns", "terrace", "terr", "tce", "grove", "gr", "mews",
];
/// Street words that are also everyday words ("a 10 min walk", "3 hour drive"):
/// they need a capital letter or "at"/"live" just before the number.
const STREET_SUFFIXES_AMBIGUOUS: &[&str] = &[
    "close", "cl", "way", "drive", "dr", "court", "ct", "place", "pl", "hill", "walk", "rise",
    "park", "pk", "square", "sq", "green", "row",
];
const STREET_STOP: &[&str] = &[
    "a", "an", "and", "or", "to", "of", "on", "in", "at", "up", "down", "my", "your", "his", "her",
    "our", "their", "from", "for", "with", "by", "is", "was", "are", "were", "min", "mins",
    "minute", "minutes", "hour", "hours", "hr", "hrs", "mile", "miles", "km", "kms", "metre",
    "metres", "meter", "meters", "yard", "yards", "step", "steps", "time", "times", "day", "days",
    "week", "weeks", "year", "years", "people", "kids", "very", "really", "so", "too", "round",
    "around", "near", "past", "across", "along", "through", "over", "behind", "into", "i", "we",
    "me", "it", "this", "that",
];
const ADDRESS_CONTEXT: &[&str] = &["at", "address", "is", "live", "lives", "on", "number", "no"];

/// 1-4 digits, with an optional flat letter ("12", "12a").
fn is_house_number(raw: &str) -> bool {
    let b = raw.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    (1..=4).contains(&digits)
        && (b.len() == digits || (b.len() == digits + 1 && b[digits].is_ascii_alphabetic()))
}

/// Between two words of one street name: spaces, or "St. " before a name.
fn street_gap(toks: &Tokens, j: usize) -> bool {
    let g = toks.gap_after(j);
    let g = if toks.raw(j) == "st" {
        g.strip_prefix('.').unwrap_or(g)
    } else {
        g
    };
    !g.is_empty() && g.chars().all(|c| c == ' ')
}

/// The street name starting at token `s`: 1-3 words, then a street word.
/// Returns the token index of the street word.
fn street_from(toks: &Tokens, s: usize, context: bool) -> Option<usize> {
    for k in 0..4 {
        let j = s + k;
        if j >= toks.len() {
            break;
        }
        let r = toks.raw(j);
        if k > 0 {
            if !street_gap(toks, j - 1) {
                break;
            }
            if STREET_SUFFIXES.contains(&r) {
                return Some(j);
            }
            if STREET_SUFFIXES_AMBIGUOUS.contains(&r) && (context || toks.cap(s) || toks.cap(j)) {
                return Some(j);
            }
        }
        if !toks.alphabetic(j) || STREET_STOP.contains(&r) || (r == "the" && k > 0) {
            break;
        }
    }
    None
}

pub(crate) fn find_addresses(toks: &Tokens, out: &mut Vec<(DetailKind, usize, usize)>) {
    for i in 0..toks.len() {
        let r = toks.raw(i);
        if is_house_number(r) {
            let gap_ok = toks
                .gap_after(i)
                .chars()
                .all(|c| matches!(c, ' ' | ',' | '\t'));
            let context = i > 0 && ADDRESS_CONTEXT.contains(&toks.raw(i - 1));
            if gap_ok {
                if let Some(end) = street_from(toks, i + 1, context) {
                    out.push((DetailKind::Address, toks.start(i), toks.end(end)));
                }
            }
        } else if matches!(
            r,
            "live" | "lives" | "living" | "stay" | "stays" | "staying"
        ) && matches!(toks.raw(i + 1), "on" | "in" | "at")
        {
            let s = i + 2;
            if let Some(end) = street_from(toks, s, true) {
                if end > s + 1 || toks.raw(s) != "the" {
                    out.push((DetailKind::Address, toks.start(s), toks.end(end)));
                }
            }
        }
    }
}
