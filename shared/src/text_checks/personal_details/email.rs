//! Email addresses, and the spelled-out "jay at gmail dot com".

use crate::text_checks::findings::DetailKind;
use crate::text_checks::tokens::Tokens;

pub(crate) fn is_local_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-')
}

fn is_domain_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, b'.' | b'-')
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
const TLDS: &[&str] = &["com", "co", "uk", "org", "net", "me", "io"];

/// Email addresses, and the spelled-out "jay at gmail dot com".
pub(crate) fn find_emails(text: &str, toks: &Tokens, out: &mut Vec<(DetailKind, usize, usize)>) {
    let b = text.as_bytes();
    for (p, _) in text.match_indices('@') {
        let mut l = p;
        while l > 0 && is_local_byte(b[l - 1]) {
            l -= 1;
        }
        while l < p && !b[l].is_ascii_alphanumeric() {
            l += 1;
        }
        let mut r = p + 1;
        while r < b.len() && is_domain_byte(b[r]) {
            r += 1;
        }
        while r > p + 1 && matches!(b[r - 1], b'.' | b'-') {
            r -= 1;
        }
        if l == p || r <= p + 1 {
            continue;
        }
        let domain = &b[p + 1..r];
        let Some(dot) = domain.iter().rposition(|&c| c == b'.') else {
            continue;
        };
        let tld = &domain[dot + 1..];
        if dot == 0 || tld.len() < 2 || !tld.iter().all(u8::is_ascii_alphabetic) {
            continue;
        }
        out.push((DetailKind::Email, l, r));
    }
    for i in 0..toks.len() {
        if toks.raw(i + 1) != "at" {
            continue;
        }
        let host = toks.raw(i + 2);
        if MAIL_PROVIDERS.contains(&host) {
            let mut end = i + 2;
            while toks.raw(end + 1) == "dot" && TLDS.contains(&toks.raw(end + 2)) {
                end += 2;
            }
            while toks.gap_after(end) == "." && TLDS.contains(&toks.raw(end + 1)) {
                end += 1;
            }
            out.push((DetailKind::Email, toks.start(i), toks.end(end)));
        } else if !host.is_empty() && toks.raw(i + 3) == "dot" && TLDS.contains(&toks.raw(i + 4)) {
            out.push((DetailKind::Email, toks.start(i), toks.end(i + 4)));
        }
    }
}
