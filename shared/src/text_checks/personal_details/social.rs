//! Ways to find someone on social media: @handles, links to social sites,
//! "add me on snap" and "my insta is ...".

use super::email::is_local_byte;
use super::postcode::byte_is;
use crate::text_checks::findings::DetailKind;
use crate::text_checks::tokens::{Tokens, APOSTROPHES};

const PLATFORMS: &[&str] = &[
    "snap",
    "snaps",
    "snapchat",
    "sc",
    "insta",
    "instas",
    "instagram",
    "ig",
    "tiktok",
    "discord",
    "twitter",
    "facebook",
    "fb",
    "whatsapp",
    "telegram",
    "kik",
    "twitch",
    "roblox",
    "xbox",
    "psn",
    "bereal",
];
/// Said after "my insta is": not a handle.
const NOT_A_HANDLE: &[&str] = &[
    "private", "down", "broken", "banned", "deleted", "hacked", "gone", "not", "locked", "boring",
    "new", "the", "on", "off", "good", "bad", "dead", "so", "really", "very", "a", "too", "full",
    "empty", "public", "rubbish", "it", "its", "i", "and", "but", "is", "was", "are", "im", "we",
    "you", "me", "my", "this", "that", "lol",
];
const CONTACT_VERBS_ANY: &[&str] = &["add", "follow", "dm", "hmu", "friend"];
const CONTACT_VERBS: &[&str] = &[
    "message", "msg", "text", "find", "snap", "ping", "contact", "inbox", "call", "chat", "talk",
    "speak",
];
const SOCIAL_DOMAINS: &[&str] = &[
    "instagram.com",
    "instagr.am",
    "tiktok.com",
    "snapchat.com",
    "discord.gg",
    "discord.com",
    "discordapp.com",
    "facebook.com",
    "fb.com",
    "fb.me",
    "m.me",
    "twitter.com",
    "x.com",
    "wa.me",
    "t.me",
    "telegram.me",
    "kik.me",
    "twitch.tv",
    "roblox.com",
];

fn is_handle_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'.'
}

/// The handle-looking word starting at byte `p`, trailing dots trimmed.
fn handle_at(b: &[u8], p: usize) -> usize {
    let mut e = p;
    while e < b.len() && is_handle_byte(b[e]) && e - p < 40 {
        e += 1;
    }
    while e > p && b[e - 1] == b'.' {
        e -= 1;
    }
    e
}

/// "@jay_11" but not "@5pm" or "@ 3".
fn plausible_handle(h: &[u8]) -> bool {
    if h.len() < 2 || h.len() > 30 || !(h[0].is_ascii_alphanumeric() || h[0] == b'_') {
        return false;
    }
    let digits = h.iter().take_while(|c| c.is_ascii_digit()).count();
    let rest = &h[digits..];
    let time = digits > 0
        && (rest.is_empty()
            || rest.eq_ignore_ascii_case(b"am")
            || rest.eq_ignore_ascii_case(b"pm"));
    !time
}

pub(crate) fn find_social(text: &str, toks: &Tokens, out: &mut Vec<(DetailKind, usize, usize)>) {
    let b = text.as_bytes();

    // @handles (an email's "@" follows a letter, so it is not one).
    for (p, _) in text.match_indices('@') {
        if p > 0 && (is_local_byte(b[p - 1]) || b[p - 1] == b'@') {
            continue;
        }
        let e = handle_at(b, p + 1);
        if plausible_handle(&b[p + 1..e]) {
            out.push((DetailKind::SocialMedia, p, e));
        }
    }

    // Links to social sites.
    let lower = text.to_ascii_lowercase();
    let lb = lower.as_bytes();
    for d in SOCIAL_DOMAINS {
        for (p, _) in lower.match_indices(d) {
            let after = p + d.len();
            if (p > 0 && (lb[p - 1].is_ascii_alphanumeric() || lb[p - 1] == b'-'))
                || byte_is(lb, after, u8::is_ascii_alphanumeric)
            {
                continue;
            }
            let mut s = p;
            while s > 0
                && p - s < 16
                && (lb[s - 1].is_ascii_alphanumeric() || matches!(lb[s - 1], b':' | b'/' | b'.'))
            {
                s -= 1;
            }
            let mut e = after;
            while e < lb.len() && e - after < 80 && lb[e].is_ascii_graphic() {
                e += 1;
            }
            while e > after && matches!(lb[e - 1], b'.' | b',' | b')' | b'!' | b'?') {
                e -= 1;
            }
            out.push((DetailKind::SocialMedia, s, e));
        }
    }

    for i in 0..toks.len() {
        let r = toks.raw(i);
        // "add me on snap", "follow me on insta", "add me on ..."
        if toks.raw(i + 1) == "me" && toks.raw(i + 2) == "on" && i + 3 < toks.len() {
            let platform = PLATFORMS.contains(&toks.raw(i + 3));
            // "add me on here" stays inside the app.
            let elsewhere = !matches!(toks.raw(i + 3), "here" | "this" | "it" | "the");
            if (elsewhere && CONTACT_VERBS_ANY.contains(&r))
                || (platform && CONTACT_VERBS.contains(&r))
            {
                out.push((DetailKind::SocialMedia, toks.start(i), toks.end(i + 3)));
                continue;
            }
        }
        // "add me snap jay123"
        if CONTACT_VERBS_ANY.contains(&r)
            && toks.raw(i + 1) == "me"
            && PLATFORMS.contains(&toks.raw(i + 2))
        {
            out.push((DetailKind::SocialMedia, toks.start(i), toks.end(i + 2)));
            continue;
        }
        if !PLATFORMS.contains(&r) {
            continue;
        }
        // "my insta is jay", "my snap's jay", "my snapchat name is jay"
        if i > 0 && toks.raw(i - 1) == "my" {
            let mut j = i + 1;
            while j < i + 4
                && matches!(
                    toks.raw(j),
                    "is" | "s" | "name" | "username" | "handle" | "user" | "id" | "tag"
                )
            {
                j += 1;
            }
            // "my snap's jay" links by the apostrophe; "my snaps are" does not.
            let possessive = text
                .get(toks.start(i)..toks.end(i))
                .is_some_and(|w| w.contains(APOSTROPHES));
            let linked = j > i + 1 || possessive;
            if linked && j < toks.len() && !NOT_A_HANDLE.contains(&toks.raw(j)) {
                // The handle may go on past the word: "jaybird_07".
                let end = handle_at(b, toks.start(j)).max(toks.end(j));
                out.push((DetailKind::SocialMedia, toks.start(i - 1), end));
                continue;
            }
        }
        // "snap: jay", "sc - jay", or a handle-shaped word: "snapchat jay_123".
        let after = toks.end(i);
        let mut q = after;
        while q < b.len() && b[q] == b' ' {
            q += 1;
        }
        let mut marked = false;
        if q < b.len() && matches!(b[q], b':' | b'-' | b'=' | b'>') {
            marked = true;
            q += 1;
            while q < b.len() && b[q] == b' ' {
                q += 1;
            }
        }
        if q < b.len() && b[q] == b'@' {
            continue; // the @handle scan has it
        }
        let e = handle_at(b, q);
        let h = &b[q..e];
        let common = NOT_A_HANDLE
            .iter()
            .any(|w| w.as_bytes().eq_ignore_ascii_case(h));
        if h.is_empty() || !h.iter().any(u8::is_ascii_alphabetic) || common {
            continue;
        }
        let shaped = h.iter().any(|&c| c == b'_' || c == b'.')
            || (h.last().is_some_and(u8::is_ascii_digit)
                && h.first().is_some_and(u8::is_ascii_alphabetic));
        if marked || shaped {
            out.push((DetailKind::SocialMedia, toks.start(i), e));
        }
    }
}
