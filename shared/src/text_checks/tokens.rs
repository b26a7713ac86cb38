//! Splitting a text into words, each with a normalised form for matching
//! (lower case, leetspeak undone, stretched letters collapsed), and joining
//! spelled-out letters ("s.t.u.p.i.d") back into words.

pub(crate) const APOSTROPHES: [char; 3] = ['\'', '\u{2019}', '\u{2018}'];

/// Characters that can be part of a word. `@ $ !` are included so that
/// "@ss", "$tupid" and "sh!t" stay one word; apostrophes so that "I'm" is one.
fn is_run_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '@' | '$' | '!') || APOSTROPHES.contains(&c)
}

/// Trimmed from the ends of a word: "great!!" is "great", "'cause" is "cause".
fn is_edge_trim(c: char) -> bool {
    c == '!' || APOSTROPHES.contains(&c)
}

/// Common leetspeak, applied only to words that contain a letter (so "14"
/// stays a number) and only Latin letters (so digits in an Arabic or
/// Cyrillic word are never read as letters).
fn leet(c: char) -> char {
    match c {
        '0' => 'o',
        '1' => 'i',
        '3' => 'e',
        '4' => 'a',
        '5' => 's',
        '@' => 'a',
        '$' => 's',
        '!' => 'i',
        _ => c,
    }
}

/// A maximal word-ish run of the text, before grouping into tokens.
#[derive(Debug, Clone, Copy)]
struct Piece {
    start: usize,
    end: usize,
    /// Exactly one character (ignoring apostrophes): a candidate for joining
    /// "s.t.u.p.i.d" back into one word.
    single: bool,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    raw: (usize, usize),
    key: (usize, usize),
    counts: (usize, usize),
    /// First character is upper case in the original text.
    cap: bool,
    /// No letters at all (digits only in `raw` and `key`).
    number: bool,
}

/// The words of a text. `raw` is lower case without apostrophes (for the
/// personal-detail scanners); `key` is additionally leet-mapped with runs of a
/// repeated character collapsed to one, and `counts` holds each run's length,
/// so "stuuupid" has key "stupid" and counts [1,1,3,1,1,1]. Strings live in
/// shared buffers so a long post costs a handful of allocations.
pub(crate) struct Tokens<'a> {
    pub(crate) text: &'a str,
    toks: Vec<Tok>,
    raw: String,
    key: String,
    counts: Vec<u8>,
}

impl<'a> Tokens<'a> {
    fn new(text: &'a str) -> Self {
        Tokens {
            text,
            toks: Vec::with_capacity(text.len() / 5),
            raw: String::with_capacity(text.len()),
            key: String::with_capacity(text.len()),
            counts: Vec::with_capacity(text.len()),
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.toks.len()
    }

    pub(crate) fn raw(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .and_then(|t| self.raw.get(t.raw.0..t.raw.1))
            .unwrap_or("")
    }

    pub(crate) fn key(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .and_then(|t| self.key.get(t.key.0..t.key.1))
            .unwrap_or("")
    }

    pub(crate) fn counts(&self, i: usize) -> &[u8] {
        self.toks
            .get(i)
            .and_then(|t| self.counts.get(t.counts.0..t.counts.1))
            .unwrap_or(&[])
    }

    pub(crate) fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.cap)
    }

    pub(crate) fn number(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.number)
    }

    pub(crate) fn start(&self, i: usize) -> usize {
        self.toks.get(i).map_or(0, |t| t.start)
    }

    pub(crate) fn end(&self, i: usize) -> usize {
        self.toks.get(i).map_or(0, |t| t.end)
    }

    /// The text between token `i` and token `i + 1`.
    pub(crate) fn gap_after(&self, i: usize) -> &str {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => self.text.get(a.end..b.start).unwrap_or(""),
            _ => "",
        }
    }

    /// Letters only (no digits, no leet symbols).
    pub(crate) fn alphabetic(&self, i: usize) -> bool {
        let r = self.raw(i);
        !r.is_empty() && r.chars().all(char::is_alphabetic)
    }

    fn push_char(&mut self, lc: char, leet_ok: bool, prev: &mut Option<char>) {
        self.raw.push(lc);
        let m = if leet_ok { leet(lc) } else { lc };
        if *prev == Some(m) {
            if let Some(n) = self.counts.last_mut() {
                *n = n.saturating_add(1);
            }
        } else {
            self.key.push(m);
            self.counts.push(1);
            *prev = Some(m);
        }
    }

    fn push_token(&mut self, group: &[Piece]) {
        let text = self.text;
        let (Some(first), Some(last)) = (group.first(), group.last()) else {
            return;
        };
        let chars = || {
            group
                .iter()
                .flat_map(move |p| text.get(p.start..p.end).unwrap_or("").chars())
        };
        let has_alpha = group.iter().any(|p| {
            let s = text.get(p.start..p.end).unwrap_or("");
            s.bytes().any(|c| c.is_ascii_alphabetic())
                || (!s.is_ascii() && s.chars().any(char::is_alphabetic))
        });
        // Leetspeak is a Latin-alphabet habit.
        let leet_ok = has_alpha
            && chars().all(|c| {
                !c.is_alphabetic() || c <= '\u{024F}' || ('\u{1E00}'..='\u{1EFF}').contains(&c)
            });
        let cap = chars().next().is_some_and(char::is_uppercase);
        let raw_start = self.raw.len();
        let key_start = self.key.len();
        let counts_start = self.counts.len();
        let mut prev: Option<char> = None;
        for c in chars() {
            if APOSTROPHES.contains(&c) || (!has_alpha && !c.is_alphanumeric()) {
                continue;
            }
            if c.is_ascii() {
                self.push_char(c.to_ascii_lowercase(), leet_ok, &mut prev);
            } else {
                for lc in c.to_lowercase() {
                    self.push_char(lc, leet_ok, &mut prev);
                }
            }
        }
        self.toks.push(Tok {
            start: first.start,
            end: last.end,
            raw: (raw_start, self.raw.len()),
            key: (key_start, self.key.len()),
            counts: (counts_start, self.counts.len()),
            cap,
            number: !has_alpha,
        });
    }
}

fn pieces(text: &str) -> Vec<Piece> {
    // Walks bytes, decoding a char only for non-ASCII: this runs on every
    // byte of every post.
    let b = text.as_bytes();
    let char_at = |i: usize| -> Option<char> {
        match b.get(i) {
            Some(&c) if c < 0x80 => Some(char::from(c)),
            Some(_) => text.get(i..).and_then(|s| s.chars().next()),
            None => None,
        }
    };
    let mut out = Vec::with_capacity(b.len() / 5);
    let mut i = 0;
    while let Some(c) = char_at(i) {
        if !is_run_char(c) {
            i += c.len_utf8();
            continue;
        }
        let run_start = i;
        i += c.len_utf8();
        while let Some(d) = char_at(i).filter(|&d| is_run_char(d)) {
            i += d.len_utf8();
        }
        let run = text.get(run_start..i).unwrap_or("");
        let left = run.trim_start_matches(is_edge_trim);
        let trimmed = left.trim_end_matches(is_edge_trim);
        if !trimmed.chars().any(char::is_alphanumeric) {
            continue;
        }
        let start = run_start + (run.len() - left.len());
        // Apostrophes inside a word need a char on each side, so one char
        // left after trimming means exactly one char.
        let single = trimmed.len() <= 4 && trimmed.chars().nth(1).is_none();
        out.push(Piece {
            start,
            end: start + trimmed.len(),
            single,
        });
    }
    out
}

/// Separators a child might put between letters to dodge a filter
/// ("s.t.u.p.i.d", "s t u p i d", "s😀t😀u😀p😀i😀d"): a little punctuation,
/// symbols or spaces, but no line break.
fn is_spelling_gap(g: &str) -> bool {
    !g.is_empty()
        && g.len() <= 8
        && g.chars()
            .all(|c| !c.is_alphanumeric() && (c == ' ' || !c.is_whitespace()))
}

/// Split the text into tokens. The second value exists only when the text
/// has three or more single letters in a row ("s t u p i d", "k.m.s"): a copy
/// in which each such run is one token, matched as well as the plain one.
pub(crate) fn tokenize(text: &str) -> (Tokens<'_>, Option<Tokens<'_>>) {
    let ps = pieces(text);
    let mut plain = Tokens::new(text);
    for p in &ps {
        plain.push_token(std::slice::from_ref(p));
    }

    let mut groups: Vec<(usize, usize)> = Vec::new();
    let mut any_joined = false;
    let mut i = 0;
    while i < ps.len() {
        let mut j = i + 1;
        if ps.get(i).is_some_and(|p| p.single) {
            // One separator, used throughout: "s.t.u.p.i.d" but not the
            // "d" and "5" of "s t u p i d @ 5".
            let mut first_gap: Option<&str> = None;
            while let (Some(a), Some(b)) = (ps.get(j - 1), ps.get(j)) {
                let gap = text.get(a.end..b.start).unwrap_or("");
                if b.single && is_spelling_gap(gap) && first_gap.is_none_or(|f| f == gap) {
                    first_gap = Some(gap);
                    j += 1;
                } else {
                    break;
                }
            }
        }
        if j - i >= 3 {
            any_joined = true;
            groups.push((i, j));
        } else {
            groups.extend((i..j).map(|k| (k, k + 1)));
        }
        i = j;
    }
    if !any_joined {
        return (plain, None);
    }
    let mut joined = Tokens::new(text);
    for (a, b) in groups {
        if let Some(g) = ps.get(a..b) {
            joined.push_token(g);
        }
    }
    (plain, Some(joined))
}
