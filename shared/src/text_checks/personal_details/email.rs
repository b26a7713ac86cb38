//! Email addresses, and the spelled-out "jay at gmail dot com".

use crate::text_checks::findings::DetailKind;
use crate::text_checks::tokens::Tokens;

pub(crate) fn is_local_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-')
}

const MAIL_PROVIDERS: &[&str] = &[
    "gmail",
    "googlemail",
    "hotmail",
    "outlook",
    "yahoo",
    "icloud",
    "aol",
    "btinternet",
    "protonmail",
    "proton",
    "ymail",
    "msn",
];
/// Endings of addresses. A spelled-out or spaced address ("jay at school
/// dot uk", "jay @ site . com") must end in one of these, so that ordinary
/// sentences do not read as addresses.
const TLDS: &[&str] = &[
    "com", "co", "uk", "org", "net", "me", "io", "info", "biz", "ac", "sch", "gov", "edu", "ie",
    "us", "de", "fr", "es", "it", "nl", "pk", "in", "ae", "sa", "eg",
];

/// Spaces and brackets around an "@" or "at": "jay [at] gmail", "jay (@) x".
fn is_wrap_byte(c: u8) -> bool {
    matches!(
        c,
        b' ' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | b'<' | b'>'
    )
}

/// The gap between two words of an address given as tokens: spaces and
/// brackets only, and short.
fn is_wrap_gap(g: &str) -> bool {
    !g.is_empty() && g.len() <= 4 && g.bytes().all(is_wrap_byte)
}

/// A dot between two parts of a domain: ".", " . ", "(.)", " .com". Not a
/// full stop at the end of a sentence (". Me and my friend").
fn is_dot_gap(g: &[u8]) -> bool {
    let dots = g.iter().filter(|&&c| c == b'.').count();
    dots == 1
        && g.len() <= 7
        && g.iter().all(|&c| c == b'.' || is_wrap_byte(c))
        && !(g.first() == Some(&b'.') && g.len() > 1 && g[1..].iter().all(|&c| c == b' '))
}

/// A domain as found after an "@".
struct Domain<'a> {
    end: usize,
    labels: usize,
    first: &'a [u8],
    last: &'a [u8],
    /// Any dot was spaced, bracketed or written "dot".
    spaced: bool,
}

/// The domain after an "@" starting at `r`: labels joined by dots.
fn domain_at(b: &[u8], r: usize) -> Option<Domain<'_>> {
    let label = |s: usize| {
        let mut e = s;
        while e < b.len() && (b[e].is_ascii_alphanumeric() || b[e] == b'-') && e - s < 64 {
            e += 1;
        }
        while e > s && b[e - 1] == b'-' {
            e -= 1;
        }
        e
    };
    let e0 = label(r);
    if e0 == r {
        return None;
    }
    let first = &b[r..e0];
    let (mut end, mut last, mut count, mut spaced) = (e0, first, 1, false);
    loop {
        // The gap to the next label: at most 7 bytes with one dot.
        let mut g = end;
        while g < b.len() && g - end < 7 && (b[g] == b'.' || is_wrap_byte(b[g])) {
            g += 1;
        }
        let mut ls = g;
        let mut dot_ok = is_dot_gap(&b[end..ls]);
        // The word "dot", wrapped in spaces or brackets: "@site dot com".
        let mut w = end;
        while w < b.len() && w - end < 4 && is_wrap_byte(b[w]) {
            w += 1;
        }
        if !dot_ok
            && w > end
            && b.get(w..w + 3)
                .is_some_and(|d| d.eq_ignore_ascii_case(b"dot"))
        {
            let mut h = w + 3;
            while h < b.len() && h - (w + 3) < 4 && is_wrap_byte(b[h]) {
                h += 1;
            }
            if h > w + 3 {
                ls = h;
                dot_ok = true;
            }
        }
        let le = label(ls);
        if le == ls || !dot_ok {
            break;
        }
        spaced |= ls - end > 1;
        last = &b[ls..le];
        end = le;
        count += 1;
    }
    Some(Domain {
        end,
        labels: count,
        first,
        last,
        spaced,
    })
}

fn is_provider(w: &[u8]) -> bool {
    MAIL_PROVIDERS
        .iter()
        .any(|p| p.as_bytes().eq_ignore_ascii_case(w))
}

fn is_tld(w: &[u8]) -> bool {
    TLDS.iter().any(|t| t.as_bytes().eq_ignore_ascii_case(w))
}

/// Email addresses, however the "@" and dots are written: "jay@gmail.com",
/// "jay @ gmail . com", "jay [at] gmail [dot] com", "jay at hotmail.co.uk".
/// Runs on the normalised text, so a full-width "＠" is already "@".
pub(crate) fn find_emails(text: &str, toks: &Tokens, out: &mut Vec<(DetailKind, usize, usize)>) {
    let b = text.as_bytes();
    for (p, _) in text.match_indices('@') {
        // Spaces or brackets around the "@".
        let mut l_end = p;
        while l_end > 0 && p - l_end < 3 && is_wrap_byte(b[l_end - 1]) {
            l_end -= 1;
        }
        let mut l = l_end;
        while l > 0 && is_local_byte(b[l - 1]) {
            l -= 1;
        }
        while l < l_end && !b[l].is_ascii_alphanumeric() {
            l += 1;
        }
        let mut r = p + 1;
        while r < b.len() && r - p <= 3 && is_wrap_byte(b[r]) {
            r += 1;
        }
        if l == l_end {
            continue;
        }
        let Some(Domain {
            end,
            labels,
            first,
            last: tld,
            spaced: spaced_dots,
        }) = domain_at(b, r)
        else {
            continue;
        };
        let spaced = spaced_dots || l_end < p || r > p + 1;
        let addressed = labels >= 2
            && tld.len() >= 2
            && tld.iter().all(u8::is_ascii_alphabetic)
            && (!spaced || is_tld(tld));
        if addressed || is_provider(first) {
            out.push((DetailKind::Email, l, end));
        }
    }
    for i in 0..toks.len() {
        if toks.raw(i + 1) != "at"
            || !is_wrap_gap(toks.gap_after(i))
            || !is_wrap_gap(toks.gap_after(i + 1))
        {
            continue;
        }
        let host = toks.raw(i + 2);
        if host.is_empty() {
            continue;
        }
        // More of the domain: "dot com", "(dot) co (dot) uk", ".co.uk", " . com".
        let mut end = i + 2;
        let mut dots = 0;
        loop {
            if toks.raw(end + 1) == "dot"
                && is_wrap_gap(toks.gap_after(end))
                && is_wrap_gap(toks.gap_after(end + 1))
                && !toks.raw(end + 2).is_empty()
            {
                end += 2;
            } else if end + 1 < toks.len() && is_dot_gap(toks.gap_after(end).as_bytes()) {
                end += 1;
            } else {
                break;
            }
            dots += 1;
        }
        let tld = toks.raw(end).as_bytes();
        if is_provider(host.as_bytes()) || (dots > 0 && is_tld(tld)) {
            // The name may have dots or underscores in it: "jay.smith at ...".
            let mut s = i;
            while s > 0
                && matches!(toks.gap_after(s - 1), "." | "_" | "-")
                && !toks.raw(s - 1).is_empty()
            {
                s -= 1;
            }
            out.push((DetailKind::Email, toks.start(s), toks.end(end)));
        }
    }
}
