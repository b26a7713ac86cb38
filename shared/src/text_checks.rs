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
//! No regex crate: it would bloat the WASM bundle. Each check is a small
//! hand-written scanner, linear in the length of the text, so a long post costs
//! microseconds. Spans are byte offsets into the text as given and always fall
//! on `char` boundaries, so `&text[start..end]` is safe.
//!
//! These checks are a safety net, not a guarantee: they are tuned to prefer a
//! false alarm (a grown-up reads a harmless post) over a miss.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

// ---------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------

/// How strongly a watched word is handled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// The post is refused and the child is told what to change.
    Block,
    /// The post waits for a moderator before anyone else sees it.
    Hold,
    /// The post goes up, but moderators are shown it.
    Flag,
}

impl Tier {
    /// What the child is told about a word of this tier; `None` for `Flag`,
    /// which publishes (moderators can read every post, and the forum says so).
    pub fn message_for_child(self) -> Option<&'static str> {
        match self {
            Tier::Block => Some(BLOCK_MESSAGE),
            Tier::Hold => Some(HOLD_MESSAGE),
            Tier::Flag => None,
        }
    }
}

/// One entry of a council's watched-word list.
///
/// `pattern` is a plain word or phrase ("shut up"). Matching ignores case and
/// punctuation, needs whole words, and sees through simple disguises
/// (repeated letters, leetspeak, spaced-out letters). Add inflections
/// ("idiot", "idiots") as separate entries: nothing is guessed, so that a
/// short word never matches inside a longer, innocent one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WatchedWord {
    pub pattern: String,
    pub tier: Tier,
}

/// The kind of personal detail found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DetailKind {
    Phone,
    Email,
    Postcode,
    /// A house number and street, or "I live on ... Road".
    Address,
    School,
    /// A handle, a "find me on" invitation or a link to a social media site.
    SocialMedia,
}

impl DetailKind {
    /// A short plain message for the child, shown next to the highlighted text.
    pub fn message(self) -> &'static str {
        match self {
            DetailKind::Phone => "This looks like a phone number. To keep you safe, a grown-up will check this post before others see it.",
            DetailKind::Email => "This looks like an email address. To keep you safe, a grown-up will check this post before others see it.",
            DetailKind::Postcode => "This looks like a postcode. To keep you safe, a grown-up will check this post before others see it.",
            DetailKind::Address => "This looks like a home address. To keep you safe, a grown-up will check this post before others see it.",
            DetailKind::School => "This looks like the name of a school. To keep you safe, a grown-up will check this post before others see it.",
            DetailKind::SocialMedia => "This looks like a way to find someone on social media. To keep you safe, a grown-up will check this post before others see it.",
        }
    }
}

/// A personal detail in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Finding {
    pub kind: DetailKind,
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
    /// Plain words for the child (see [`DetailKind::message`]).
    pub message: String,
}

/// A watched word found in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WatchedMatch {
    /// The list entry that matched, as the officer wrote it.
    pub pattern: String,
    pub tier: Tier,
    pub start: usize,
    pub end: usize,
}

/// Words that suggest harm, as the child wrote them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct HarmMatch {
    /// The matched words exactly as written (so a worker sees the child's words).
    pub phrase: String,
    pub start: usize,
    pub end: usize,
}

/// What should happen to the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Publish,
    /// A moderator approves it first (and, when `suggests_harm`, a worker is alerted).
    HoldForApproval,
    /// Refused; the child changes the highlighted words and tries again.
    Block,
}

/// Everything [`scan`] found, and what to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScanResult {
    pub personal_details: Vec<Finding>,
    pub watched: Vec<WatchedMatch>,
    /// True when any words suggest harm: hold the text, alert the young
    /// person's worker (or the duty team out of hours), and show
    /// [`kind_message_for_harm`].
    pub suggests_harm: bool,
    pub harm_matches: Vec<HarmMatch>,
    pub verdict: Verdict,
    /// A Flag-tier word: moderators are shown the post, whatever the verdict.
    pub flagged: bool,
}

impl ScanResult {
    /// The one message the child should see now, or `None` to post quietly.
    /// Harm comes first: a child in distress gets help, never a telling-off.
    pub fn message_for_child(&self) -> Option<&'static str> {
        if self.suggests_harm {
            return Some(kind_message_for_harm());
        }
        match self.verdict {
            Verdict::Publish => None,
            Verdict::Block => Some(BLOCK_MESSAGE),
            Verdict::HoldForApproval => Some(
                self.personal_details
                    .first()
                    .map_or(HOLD_MESSAGE, |f| f.kind.message()),
            ),
        }
    }
}

const BLOCK_MESSAGE: &str = "Some words here can hurt people, so this can't be posted yet. Please change the highlighted words and try again.";
const HOLD_MESSAGE: &str = "A grown-up will check this post before others see it.";

/// What a child sees when their words suggest they may be at risk.
///
/// Warm and plain on purpose; it says who will be told, because the
/// Children's code asks that a child knows when an adult will read what they
/// wrote. The council's own duty number can be shown next to it.
pub fn kind_message_for_harm() -> &'static str {
    "It sounds like things might be really hard for you right now. You don't have to deal with this on your own. \
     You can talk to Childline about anything: it's free, and you can call any time, day or night, on 0800 1111. \
     We will also let your worker know (or the duty team, if it's out of hours), so someone can help you."
}

/// A starting list for a council that has not written its own yet.
///
/// Deliberately short: the participation officer should review it with young
/// people and add local words. Block is for slurs that are never acceptable;
/// Hold is for abuse and "kill yourself" bullying, which a moderator should
/// see; Flag is for mild insults and swearing, which publish but are shown to
/// moderators.
pub const DEFAULT_WATCHED_WORDS: &[(&str, Tier)] = &[
    ("retard", Tier::Block),
    ("retarded", Tier::Block),
    ("spastic", Tier::Block),
    ("spaz", Tier::Block),
    ("mong", Tier::Block),
    ("faggot", Tier::Block),
    ("tranny", Tier::Block),
    ("paki", Tier::Block),
    ("nigger", Tier::Block),
    ("nigga", Tier::Block),
    ("wog", Tier::Block),
    ("gyppo", Tier::Block),
    ("pikey", Tier::Block),
    ("kill yourself", Tier::Hold),
    ("kys", Tier::Hold),
    ("go die", Tier::Hold),
    ("slut", Tier::Hold),
    ("slag", Tier::Hold),
    ("whore", Tier::Hold),
    ("bitch", Tier::Hold),
    ("cunt", Tier::Hold),
    ("wanker", Tier::Hold),
    ("dickhead", Tier::Hold),
    ("stupid", Tier::Flag),
    ("idiot", Tier::Flag),
    ("loser", Tier::Flag),
    ("dumb", Tier::Flag),
    ("ugly", Tier::Flag),
    ("freak", Tier::Flag),
    ("shut up", Tier::Flag),
    ("hate you", Tier::Flag),
    ("fuck", Tier::Flag),
    ("shit", Tier::Flag),
];

/// [`DEFAULT_WATCHED_WORDS`] as owned list entries, ready to store.
pub fn default_watched_words() -> Vec<WatchedWord> {
    DEFAULT_WATCHED_WORDS
        .iter()
        .map(|&(pattern, tier)| WatchedWord {
            pattern: pattern.to_string(),
            tier,
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------

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
    let (plain, joined) = tokenize(text);
    let personal_details = details_in(text, &plain);
    let watched_matches = watched_in(&plain, joined.as_ref(), watched);
    let harm_matches = harm_in(&plain, joined.as_ref());

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

/// Only the personal details (for a UI that highlights as the child types).
pub fn find_personal_details(text: &str) -> Vec<Finding> {
    let (plain, _) = tokenize(text);
    details_in(text, &plain)
}

/// Only the watched words.
pub fn find_watched_words(text: &str, watched: &[WatchedWord]) -> Vec<WatchedMatch> {
    let (plain, joined) = tokenize(text);
    watched_in(&plain, joined.as_ref(), watched)
}

/// Only the words that suggest harm.
pub fn find_harm(text: &str) -> Vec<HarmMatch> {
    let (plain, joined) = tokenize(text);
    harm_in(&plain, joined.as_ref())
}

// ---------------------------------------------------------------------------
// Tokens: words with a normalised form for matching
// ---------------------------------------------------------------------------

const APOSTROPHES: [char; 3] = ['\'', '\u{2019}', '\u{2018}'];

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
/// stays a number).
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
struct Tokens<'a> {
    text: &'a str,
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

    fn len(&self) -> usize {
        self.toks.len()
    }

    fn raw(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .and_then(|t| self.raw.get(t.raw.0..t.raw.1))
            .unwrap_or("")
    }

    fn key(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .and_then(|t| self.key.get(t.key.0..t.key.1))
            .unwrap_or("")
    }

    fn counts(&self, i: usize) -> &[u8] {
        self.toks
            .get(i)
            .and_then(|t| self.counts.get(t.counts.0..t.counts.1))
            .unwrap_or(&[])
    }

    fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.cap)
    }

    fn number(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.number)
    }

    fn start(&self, i: usize) -> usize {
        self.toks.get(i).map_or(0, |t| t.start)
    }

    fn end(&self, i: usize) -> usize {
        self.toks.get(i).map_or(0, |t| t.end)
    }

    /// The text between token `i` and token `i + 1`.
    fn gap_after(&self, i: usize) -> &str {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => self.text.get(a.end..b.start).unwrap_or(""),
            _ => "",
        }
    }

    /// Letters only (no digits, no leet symbols).
    fn alphabetic(&self, i: usize) -> bool {
        let r = self.raw(i);
        !r.is_empty() && r.chars().all(char::is_alphabetic)
    }

    fn push_char(&mut self, lc: char, has_alpha: bool, prev: &mut Option<char>) {
        self.raw.push(lc);
        let m = if has_alpha { leet(lc) } else { lc };
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
                self.push_char(c.to_ascii_lowercase(), has_alpha, &mut prev);
            } else {
                for lc in c.to_lowercase() {
                    self.push_char(lc, has_alpha, &mut prev);
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
fn tokenize(text: &str) -> (Tokens<'_>, Option<Tokens<'_>>) {
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

// ---------------------------------------------------------------------------
// Phrase patterns
// ---------------------------------------------------------------------------

#[derive(Debug, Clone)]
enum PTok {
    /// Any token made only of digits (`#` in the built-in lists).
    AnyNumber,
    Word {
        key: String,
        counts: Vec<u8>,
    },
}

#[derive(Debug, Clone)]
struct Slot {
    alts: Vec<PTok>,
    optional: bool,
}

#[derive(Debug, Clone)]
struct Pattern {
    slots: Vec<Slot>,
    /// Index into the list the pattern was built from.
    source: usize,
}

/// FNV-1a: the index is looked up once per word, and the default SipHash
/// (built to resist hash flooding) costs more than the rest of the match.
/// The keys are our own pattern words, so flooding is not a concern.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Patterns indexed by the keys their first word can have, so each token
/// costs one hash lookup rather than a walk over the whole list.
struct PatternSet {
    pats: Vec<Pattern>,
    by_key: HashMap<String, Vec<usize>, BuildHasherDefault<KeyHasher>>,
    by_number: Vec<usize>,
    /// Watched words are strict about doubled letters (see [`counts_match`]);
    /// harm phrases are lenient, because a miss costs more than a false alarm.
    strict: bool,
}

impl PatternSet {
    fn new(strict: bool) -> Self {
        PatternSet {
            pats: Vec::new(),
            by_key: HashMap::default(),
            by_number: Vec::new(),
            strict,
        }
    }

    fn add(&mut self, slots: Vec<Slot>, source: usize) {
        let slots: Vec<Slot> = slots
            .into_iter()
            .filter(|s| !(s.optional && s.alts.is_empty()))
            .collect();
        // A pattern that could match nothing, or that has no required word,
        // would match everywhere: ignore it.
        if slots.iter().all(|s| s.optional) || slots.iter().any(|s| s.alts.is_empty()) {
            return;
        }
        let idx = self.pats.len();
        for s in &slots {
            for alt in &s.alts {
                match alt {
                    PTok::AnyNumber => {
                        if !self.by_number.contains(&idx) {
                            self.by_number.push(idx);
                        }
                    }
                    PTok::Word { key, .. } => {
                        let v = self.by_key.entry(key.clone()).or_default();
                        if !v.contains(&idx) {
                            v.push(idx);
                        }
                    }
                }
            }
            if !s.optional {
                break;
            }
        }
        self.pats.push(Pattern { slots, source });
    }

    /// Every match as (source, first token, one past the last token).
    fn find(&self, toks: &Tokens, out: &mut Vec<(usize, usize, usize)>) {
        let mut cands: Vec<usize> = Vec::new();
        for i in 0..toks.len() {
            cands.clear();
            if let Some(v) = self.by_key.get(toks.key(i)) {
                cands.extend_from_slice(v);
            }
            if toks.number(i) {
                cands.extend_from_slice(&self.by_number);
            }
            for &p in &cands {
                if let Some(pat) = self.pats.get(p) {
                    if let Some(end) = match_slots(toks, i, &pat.slots, self.strict) {
                        out.push((pat.source, i, end));
                    }
                }
            }
        }
    }
}

/// Run lengths: "stuuupid" matches "stupid". Strict mode needs a run of three
/// or more to count as stretching, so "good" does not match "god" and "as"
/// does not match "ass"; lenient mode takes any run at least as long.
fn counts_match(text: &[u8], pat: &[u8], strict: bool) -> bool {
    text.len() == pat.len()
        && text.iter().zip(pat).all(|(&t, &p)| {
            if strict {
                t == p || t >= p.max(3)
            } else {
                t >= p
            }
        })
}

fn tok_matches(toks: &Tokens, i: usize, p: &PTok, strict: bool) -> bool {
    match p {
        PTok::AnyNumber => toks.number(i),
        PTok::Word { key, counts } => {
            toks.key(i) == key && counts_match(toks.counts(i), counts, strict)
        }
    }
}

/// Match slots from token `i`; optional slots are tried taken, then skipped.
/// Patterns are a few slots long, so the backtracking is bounded.
fn match_slots(toks: &Tokens, i: usize, slots: &[Slot], strict: bool) -> Option<usize> {
    let Some((slot, rest)) = slots.split_first() else {
        return Some(i);
    };
    if i < toks.len() && slot.alts.iter().any(|a| tok_matches(toks, i, a, strict)) {
        if let Some(end) = match_slots(toks, i + 1, rest, strict) {
            return Some(end);
        }
    }
    if slot.optional {
        return match_slots(toks, i, rest, strict);
    }
    None
}

/// A pattern word, normalised exactly as text is.
fn ptok_of(word: &str) -> Option<PTok> {
    let (t, _) = tokenize(word);
    if t.len() != 1 {
        return None;
    }
    Some(PTok::Word {
        key: t.key(0).to_string(),
        counts: t.counts(0).to_vec(),
    })
}

/// A watched word or phrase: one required slot per word. A phrase of several
/// words also matches written as one word ("shut up", "shutup").
fn add_watched(set: &mut PatternSet, pattern: &str, source: usize) {
    let (t, _) = tokenize(pattern);
    if t.len() == 0 {
        return;
    }
    let slots = (0..t.len())
        .map(|i| Slot {
            alts: vec![PTok::Word {
                key: t.key(i).to_string(),
                counts: t.counts(i).to_vec(),
            }],
            optional: false,
        })
        .collect();
    set.add(slots, source);
    if t.len() > 1 {
        let glued: String = (0..t.len()).map(|i| t.raw(i)).collect();
        if let Some(p) = ptok_of(&glued) {
            set.add(
                vec![Slot {
                    alts: vec![p],
                    optional: false,
                }],
                source,
            );
        }
    }
}

/// Named word classes for the built-in lists.
const SUBJECT: &str = "he/she/they/hes/shes/theyre/theyve/hed/shed/hell/shell/theyll/dad/dads/daddy/mum/mums/mummy/mom/moms/mam/stepdad/stepdads/stepmum/stepmums/stepmom/carer/carers/foster/brother/brothers/sister/sisters/uncle/aunt/auntie/aunty/grandad/granddad/grandpa/nan/nanny/nana/grandma/boyfriend/girlfriend/bf/gf/partner/cousin/teacher/father/mother/parents/someone/somebody/man/men/people/boys/girls";
const ADVERB: &str = "always/keeps/keep/kept/still/sometimes/often/is/was/has/have/are/were/used/been/will/does/did/started/starts/s/just/even/also/then/tried/tries/wants/wanted/would";
const VERB_AGAINST_ME: &str = "hit/hits/hitting/beat/beats/beating/beaten/hurt/hurts/hurting/kick/kicks/kicked/kicking/punch/punches/punched/punching/slap/slaps/slapped/slapping/smack/smacks/smacked/smacking/choke/chokes/choked/choking/strangle/strangles/strangled/stab/stabbed/burn/burns/burnt/burned/touch/touches/touched/touching/abuse/abuses/abused/abusing/rape/rapes/raped/raping/threaten/threatens/threatened/threatening";

/// Words that suggest harm to the child or from someone else.
///
/// Mini-language: words separated by spaces; `a/b` are alternatives for one
/// word; a trailing `?` makes the word optional; `#` is any number; `<subj>`,
/// `<adv>` and `<verb>` are the classes above. Words are normalised like the
/// text ("I'm" is "im", "don't" is "dont"). A match can start anywhere, so a
/// phrase needs only its telling core.
const HARM_PATTERNS: &[&str] = &[
    // To themselves.
    "want/wanna/wanted/wanting/wish/ready/deserve/deserves to/too/2? die",
    "want/wanna/wanted/wish to/too/2? be dead",
    "wish/wishing i was/were/am dead",
    "wish/wishing im dead",
    "wish/wishing i had/could die/died",
    "wish/wishing i was/were/had never/not been? born",
    "wish/wishing i wasnt/werent/hadnt been? born",
    "better off dead",
    "better off without me",
    "kill/killing/killed/kil/kiling/kils/kills myself/meself/mysef/myslef",
    "killmyself/killingmyself",
    "kms",
    "end/ending/ended/take/taking/took my own? life",
    "end/ending/ended it all",
    "suicide/suicidal/sucide/suicidle/suicde",
    "overdose/overdosed/overdosing/overdosin",
    "take/taking/took/swallow/swallowed/swallowing all the/my? pills/tablets",
    "swallow/swallowed/swallowing pills/tablets",
    "hurt/hurting/hurts/hurted/harm/harming/harmed myself/meself",
    "self harm/harming/harmed/harmer",
    "selfharm/selfharming/selfharmed/selfharmer",
    "cut/cutting/cuts/slit/slitting/burn/burning/burnt/burned/starve/starving/starved/punish/punishing myself/meself",
    "cut/cutting/cuts/slit/slitting my wrist/wrists/arm/arms/leg/legs/thigh/thighs/skin",
    "started/start/been/keep/stop cutting",
    "cutting again",
    "no reason/point to/in? live/living/exist/existing",
    "nothing/nothin to live for",
    "not/isnt worth living",
    "dont/not want/wanna to? live/exist",
    "dont/not want/wanna to? be alive",
    "dont/not want/wanna to? live/be/exist in/on this world/earth/planet",
    "want/wanna to? be here anymore/no/any",
    "want/wanna/wanted to? disappear/vanish",
    "wish i could disappear/vanish",
    "want/wanna/wish/wished it all to? end/stop/over",
    "want/wanna/wish/wished everything to? end/stop/over",
    "cant/cannot go on anymore/like/living/any/no",
    "cant/cannot take/do it/this anymore/any/no",
    "nobody/noone/no one? would/will/wouldnt even? miss/notice me",
    "jump/jumping/jumped/step/stepping off a/the bridge/building/roof/cliff",
    "jump/jumping/jumped/step/stepping in front of a/the train/bus/car/lorry",
    // From someone else.
    "<subj> <adv>? <adv>? to? <verb> me/us",
    "threaten/threatens/threatened/threatening to kill/hurt/hit/beat/stab me",
    "scared/afraid/frightened/terrified/scarred/scare to/of go/going/goin back? home",
    "not/dont/never/isnt/cant/dnt feel? safe at/in my/the/this? home/house/placement/room",
    "dont/not/never/cant/dnt feel safe",
    "being/been/getting/get/got/was abused/groomed/beaten/raped/molested/bullied/assaulted",
    "someone/somebody is/s? hurting/abusing/touching me",
    "told/tells/telling me not to tell/say/speak",
    "our little secret",
    "forces/forced/forcing/makes/made me to? touch/send",
    "send/sends/sent/sending/asked/asks/asking/wants/wanted me? for? nudes",
    "lock/locks/locked/locking me in/out",
    "run/running/ran away from home/placement",
    "want/wanna/going/gonna to? run away",
];

/// Benign idioms. A harm match is dropped when one of these overlaps it and
/// reaches outside it ("killed myself" in "killed myself laughing"); an idiom
/// wholly inside a longer harm phrase does not cancel it ("live in" inside
/// "don't want to live in this world"). Kept short and specific on purpose:
/// cancelling a real cry for help is far worse than a worker reading a
/// harmless post.
const BENIGN_IDIOMS: &[&str] = &[
    "# kms",
    "kms away/an/a/per/from",
    "suicide squad",
    "kill/killed/killing/kills it",
    "dying to see/go/get/know/meet/try/hear/watch/play/have/eat/tell/find",
    "die/died/dying of laughter/laughing/embarrassment/boredom/shame/cringe",
    "die/died/dying laughing",
    "homework/school/exams/exam/maths/this/that/it/its/thats/waiting/suspense/heat is/s? killing me",
    "kill/killed/killing/kil myself/meself laughing",
    "cut/cutting myself some slack",
    "hurt/hurting/hurted myself/meself playing/training/skating/skateboarding/falling",
    "sugar/caffeine/chocolate/cuteness/cute/cake/sweets/candy overdose/overdosed",
    "overdose/overdosed/overdosing on/of sugar/chocolate/caffeine/sweets/cuteness/cake/candy/memes",
    "hit/hits/hitting me up",
    "beat/beats/beating/beaten me/us to it",
    "beat/beats/beating/beaten me/us #",
    "beat/beats/beating/beaten me/us at/in a/the? game/games/race/match/fifa/chess/fortnite/football/cards/pool/tennis/badminton/snooker/darts/mario/minecraft/roblox/uno/monopoly/everything/sport/sports",
    "live/exist in/near/abroad/there/somewhere",
    "die/dying/died my/her/his/your/our hair",
];

fn class(name: &str) -> Option<&'static str> {
    match name {
        "subj" => Some(SUBJECT),
        "adv" => Some(ADVERB),
        "verb" => Some(VERB_AGAINST_ME),
        _ => None,
    }
}

fn compile_phrase(spec: &str) -> Vec<Slot> {
    spec.split_whitespace()
        .map(|w| {
            let (w, optional) = match w.strip_suffix('?') {
                Some(s) => (s, true),
                None => (w, false),
            };
            let words = match w.strip_prefix('<').and_then(|s| s.strip_suffix('>')) {
                Some(name) => class(name).unwrap_or(""),
                None => w,
            };
            let alts = words
                .split('/')
                .filter_map(|a| {
                    if a == "#" {
                        Some(PTok::AnyNumber)
                    } else {
                        ptok_of(a)
                    }
                })
                .collect();
            Slot { alts, optional }
        })
        .collect()
}

struct HarmSets {
    harm: PatternSet,
    benign: PatternSet,
}

/// Built once per process (or page) and shared.
fn harm_sets() -> &'static HarmSets {
    static SETS: OnceLock<HarmSets> = OnceLock::new();
    SETS.get_or_init(|| {
        let mut harm = PatternSet::new(false);
        for (i, p) in HARM_PATTERNS.iter().enumerate() {
            harm.add(compile_phrase(p), i);
        }
        let mut benign = PatternSet::new(false);
        for (i, p) in BENIGN_IDIOMS.iter().enumerate() {
            benign.add(compile_phrase(p), i);
        }
        HarmSets { harm, benign }
    })
}

fn spans(set: &PatternSet, plain: &Tokens, joined: Option<&Tokens>) -> Vec<(usize, usize, usize)> {
    let mut raw = Vec::new();
    let mut out = Vec::new();
    for toks in std::iter::once(plain).chain(joined) {
        raw.clear();
        set.find(toks, &mut raw);
        out.extend(
            raw.iter()
                .map(|&(src, a, b)| (src, toks.start(a), toks.end(b.saturating_sub(1)))),
        );
    }
    out
}

fn watched_in(
    plain: &Tokens,
    joined: Option<&Tokens>,
    watched: &[WatchedWord],
) -> Vec<WatchedMatch> {
    if watched.is_empty() {
        return Vec::new();
    }
    let mut set = PatternSet::new(true);
    for (i, w) in watched.iter().enumerate() {
        add_watched(&mut set, &w.pattern, i);
    }
    let mut found = spans(&set, plain, joined);
    found.sort_by_key(|&(src, a, b)| (a, b, src));
    found.dedup();
    found
        .into_iter()
        .filter_map(|(src, start, end)| {
            watched.get(src).map(|w| WatchedMatch {
                pattern: w.pattern.clone(),
                tier: w.tier,
                start,
                end,
            })
        })
        .collect()
}

fn harm_in(plain: &Tokens, joined: Option<&Tokens>) -> Vec<HarmMatch> {
    let sets = harm_sets();
    let mut found: Vec<(usize, usize)> = spans(&sets.harm, plain, joined)
        .into_iter()
        .map(|(_, a, b)| (a, b))
        .collect();
    if found.is_empty() {
        return Vec::new();
    }
    let benign: Vec<(usize, usize)> = spans(&sets.benign, plain, joined)
        .into_iter()
        .map(|(_, a, b)| (a, b))
        .collect();
    // Cancel only when the idiom is the longer reading of these words.
    found.retain(|&(a, b)| {
        !benign
            .iter()
            .any(|&(c, d)| a < d && c < b && (c < a || d > b))
    });
    found.sort_unstable();
    found.dedup();
    found
        .into_iter()
        .map(|(start, end)| HarmMatch {
            phrase: plain.text.get(start..end).unwrap_or("").to_string(),
            start,
            end,
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Personal details
// ---------------------------------------------------------------------------

fn details_in(text: &str, toks: &Tokens) -> Vec<Finding> {
    let mut raw: Vec<(DetailKind, usize, usize)> = Vec::new();
    find_phones(text, &mut raw);
    find_emails(text, toks, &mut raw);
    find_postcodes(text, &mut raw);
    find_addresses(toks, &mut raw);
    find_schools(toks, &mut raw);
    find_social(text, toks, &mut raw);

    // Drop a finding inside another (a phone number inside an email address,
    // a handle inside a link): the child sees one highlight per detail.
    raw.sort_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)));
    let mut out: Vec<Finding> = Vec::new();
    let mut reach = 0;
    for (kind, start, end) in raw {
        if end <= reach {
            continue;
        }
        reach = end;
        out.push(Finding {
            kind,
            start,
            end,
            message: kind.message().to_string(),
        });
    }
    out
}

fn is_phone_sep(c: u8) -> bool {
    matches!(c, b' ' | b'-' | b'.' | b'(' | b')' | b'+')
}

/// A UK number: national (0 then 9 or 10 digits) or international (+44,
/// 0044, with or without the "(0)").
fn valid_uk_phone(d: &[u8], plus: bool) -> bool {
    let rest = if let Some(r) = d.strip_prefix(b"0044") {
        r.strip_prefix(b"0").unwrap_or(r)
    } else if let Some(r) = d.strip_prefix(b"44").filter(|_| plus || d.len() >= 12) {
        r.strip_prefix(b"0").unwrap_or(r)
    } else if let Some(r) = d.strip_prefix(b"0") {
        r
    } else {
        return false;
    };
    match rest.first() {
        Some(b'2' | b'3' | b'7') => rest.len() == 10,
        Some(b'1' | b'5' | b'8' | b'9') => rest.len() == 9 || rest.len() == 10,
        _ => false,
    }
}

/// Phone numbers: runs of digit groups joined by spaces, dashes, dots or
/// brackets. Slashes and colons end a run, so dates and times never match;
/// prices and ages fail the UK number rules.
fn find_phones(text: &str, out: &mut Vec<(DetailKind, usize, usize)>) {
    struct Group {
        start: usize,
        end: usize,
        plus: bool,
        /// Where the number starts when written "(020)" or "+44".
        lead: usize,
    }
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    let mut groups: Vec<Group> = Vec::new();
    while i < n {
        let c = b[i];
        let prev_digit = i > 0 && b[i - 1].is_ascii_digit();
        if !(c.is_ascii_digit() || c == b'+' || c == b'(') || prev_digit {
            i += 1;
            continue;
        }
        groups.clear();
        let mut j = i;
        loop {
            let sep_start = j;
            while j < n && is_phone_sep(b[j]) && j - sep_start < 4 {
                j += 1;
            }
            if j - sep_start > 3 || j >= n || !b[j].is_ascii_digit() {
                break;
            }
            let gs = j;
            while j < n && b[j].is_ascii_digit() {
                j += 1;
            }
            let plus = b[sep_start..gs].contains(&b'+');
            let lead = (sep_start..gs)
                .find(|&k| matches!(b[k], b'+' | b'('))
                .unwrap_or(gs);
            groups.push(Group {
                start: gs,
                end: j,
                plus,
                lead,
            });
        }
        let Some(last_end) = groups.last().map(|g| g.end) else {
            i += 1;
            continue;
        };
        let mut g = 0;
        while g < groups.len() {
            let mut buf = [0u8; 16];
            let mut len = 0;
            let mut best = None;
            for (k, grp) in groups.iter().enumerate().skip(g) {
                let digits = &b[grp.start..grp.end];
                if len + digits.len() > buf.len() {
                    break;
                }
                buf[len..len + digits.len()].copy_from_slice(digits);
                len += digits.len();
                if valid_uk_phone(&buf[..len], groups[g].plus) {
                    best = Some(k);
                }
            }
            match best {
                Some(k) => {
                    let start = groups[g].lead;
                    out.push((DetailKind::Phone, start, groups[k].end));
                    g = k + 1;
                }
                None => g += 1,
            }
        }
        i = last_end.max(i + 1);
    }
}

fn is_local_byte(c: u8) -> bool {
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
fn find_emails(text: &str, toks: &Tokens, out: &mut Vec<(DetailKind, usize, usize)>) {
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

/// UK postcode areas (the letters at the start). Checking them keeps "PS4 3DS"
/// and the like from looking like postcodes.
const POSTCODE_AREAS: &[&str] = &[
    "AB", "AL", "B", "BA", "BB", "BD", "BF", "BH", "BL", "BN", "BR", "BS", "BT", "BX", "CA", "CB",
    "CF", "CH", "CM", "CO", "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL", "DN", "DT",
    "DY", "E", "EC", "EH", "EN", "EX", "FK", "FY", "G", "GL", "GU", "GY", "HA", "HD", "HG", "HP",
    "HR", "HS", "HU", "HX", "IG", "IM", "IP", "IV", "JE", "KA", "KT", "KW", "KY", "L", "LA", "LD",
    "LE", "LL", "LN", "LS", "LU", "M", "ME", "MK", "ML", "N", "NE", "NG", "NN", "NP", "NR", "NW",
    "OL", "OX", "PA", "PE", "PH", "PL", "PO", "PR", "RG", "RH", "RM", "S", "SA", "SE", "SG", "SK",
    "SL", "SM", "SN", "SO", "SP", "SR", "SS", "ST", "SW", "SY", "TA", "TD", "TF", "TN", "TQ", "TR",
    "TS", "TW", "UB", "W", "WA", "WC", "WD", "WF", "WN", "WR", "WS", "WV", "YO", "ZE",
];

fn byte_is(b: &[u8], i: usize, f: fn(&u8) -> bool) -> bool {
    b.get(i).is_some_and(f)
}

/// A full postcode starting at `i` ("DA6 7AT", "se1 9sg", "DA67AT"); returns
/// where it ends.
fn parse_postcode(b: &[u8], i: usize) -> Option<usize> {
    for area_len in [2usize, 1] {
        // Cheap shape test first: most words are not letters-then-digit.
        if !(0..area_len).all(|k| byte_is(b, i + k, u8::is_ascii_alphabetic))
            || !byte_is(b, i + area_len, u8::is_ascii_digit)
        {
            continue;
        }
        let mut area = [0u8; 2];
        for k in 0..area_len {
            area[k] = b[i + k].to_ascii_uppercase();
        }
        if !POSTCODE_AREAS
            .iter()
            .any(|a| a.as_bytes() == &area[..area_len])
        {
            continue;
        }
        // District: one digit, then maybe a digit or letter ("DA16", "SW1A");
        // the longer reading is tried first.
        let p = i + area_len;
        let district_ends = if byte_is(b, p + 1, u8::is_ascii_alphanumeric) {
            [Some(p + 2), Some(p + 1)]
        } else {
            [Some(p + 1), None]
        };
        for d_end in district_ends.into_iter().flatten() {
            let mut q = d_end;
            if b.get(q) == Some(&b' ') {
                q += 1;
            }
            let unit_letter = |k: usize| {
                b.get(k).is_some_and(|c| {
                    c.is_ascii_alphabetic()
                        && !matches!(
                            c.to_ascii_uppercase(),
                            b'C' | b'I' | b'K' | b'M' | b'O' | b'V'
                        )
                })
            };
            if byte_is(b, q, u8::is_ascii_digit)
                && unit_letter(q + 1)
                && unit_letter(q + 2)
                && !byte_is(b, q + 3, u8::is_ascii_alphanumeric)
            {
                return Some(q + 3);
            }
        }
    }
    None
}

fn find_postcodes(text: &str, out: &mut Vec<(DetailKind, usize, usize)>) {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_alphabetic() && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) {
            if let Some(end) = parse_postcode(b, i) {
                out.push((DetailKind::Postcode, i, end));
                i = end;
                continue;
            }
        }
        i += 1;
    }
}

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

fn find_addresses(toks: &Tokens, out: &mut Vec<(DetailKind, usize, usize)>) {
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

fn find_schools(toks: &Tokens, out: &mut Vec<(DetailKind, usize, usize)>) {
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

fn find_social(text: &str, toks: &Tokens, out: &mut Vec<(DetailKind, usize, usize)>) {
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

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn kinds(text: &str) -> Vec<DetailKind> {
        find_personal_details(text)
            .into_iter()
            .map(|f| f.kind)
            .collect()
    }

    fn found(text: &str) -> Vec<String> {
        find_personal_details(text)
            .into_iter()
            .map(|f| text[f.start..f.end].to_string())
            .collect()
    }

    fn harm(text: &str) -> bool {
        !find_harm(text).is_empty()
    }

    fn ww(pattern: &str, tier: Tier) -> WatchedWord {
        WatchedWord {
            pattern: pattern.to_string(),
            tier,
        }
    }

    fn watched(text: &str, list: &[WatchedWord]) -> Vec<String> {
        find_watched_words(text, list)
            .into_iter()
            .map(|m| text[m.start..m.end].to_string())
            .collect()
    }

    // ---- acceptance ----

    #[test]
    fn acceptance_phone_number_holds() {
        let r = scan("text me on 07700 900123", &default_watched_words());
        assert_eq!(r.verdict, Verdict::HoldForApproval);
        assert_eq!(r.personal_details.len(), 1);
        let f = &r.personal_details[0];
        assert_eq!(f.kind, DetailKind::Phone);
        assert_eq!(&"text me on 07700 900123"[f.start..f.end], "07700 900123");
        assert!(f.message.contains("phone number"));
        assert!(!r.suggests_harm);
        assert_eq!(r.message_for_child(), Some(DetailKind::Phone.message()));
    }

    #[test]
    fn ordinary_post_publishes() {
        let r = scan(
            "I went to the cinema with my foster carer and we had popcorn. It was great!",
            &default_watched_words(),
        );
        assert_eq!(r.verdict, Verdict::Publish);
        assert!(!r.flagged);
        assert!(r.personal_details.is_empty());
        assert_eq!(r.message_for_child(), None);
    }

    // ---- phone numbers ----

    #[test]
    fn phone_numbers_found() {
        for t in [
            "07700 900123",
            "07700900123",
            "07700-900-123",
            "07700.900.123",
            "(07700) 900123",
            "+44 7700 900123",
            "+447700900123",
            "+44 (0)7700 900123",
            "0044 7700 900123",
            "020 7946 0018",
            "(020) 7946 0018",
            "0207 946 0018",
            "01632 960001",
            "0161 496 0000",
        ] {
            assert_eq!(
                kinds(&format!("call me {t} ok")),
                vec![DetailKind::Phone],
                "{t}"
            );
            assert_eq!(
                found(&format!("call me {t} ok")),
                vec![t.to_string()],
                "{t}"
            );
        }
    }

    #[test]
    fn phone_number_touching_words_and_years() {
        assert_eq!(found("number:07700900123"), vec!["07700900123"]);
        assert_eq!(found("In 2023 07700 900123 was mine"), vec!["07700 900123"]);
        assert_eq!(found("07700 900123 and 07700 900124").len(), 2);
        assert_eq!(
            found("ring 0 7 7 0 0 9 0 0 1 2 3 x"),
            vec!["0 7 7 0 0 9 0 0 1 2 3"]
        );
        assert_eq!(
            found("ring 0-7-7-0-0-9-0-0-1-2-3"),
            vec!["0-7-7-0-0-9-0-0-1-2-3"]
        );
    }

    #[test]
    fn not_phone_numbers() {
        for t in [
            "I am 14",
            "my birthday is 12/05/2024",
            "on 12.05.2024 we went out",
            "01/01/2000",
            "it costs £1,250.99",
            "it was £12.50",
            "we won 10-0",
            "call Childline on 0800 1111",
            "meet at 07:30",
            "I scored 1234567",
            "year 7 and year 8",
            "123 456 789 000",
        ] {
            assert!(kinds(t).is_empty(), "{t}: {:?}", found(t));
        }
    }

    // ---- email ----

    #[test]
    fn emails_found() {
        assert_eq!(
            found("email jay.smith99@gmail.com please"),
            vec!["jay.smith99@gmail.com"]
        );
        assert_eq!(found("JAY@Example.CO.UK."), vec!["JAY@Example.CO.UK"]);
        assert_eq!(found("jay at gmail dot com"), vec!["jay at gmail dot com"]);
        assert_eq!(found("jay at hotmail.co.uk"), vec!["jay at hotmail.co.uk"]);
        assert_eq!(found("jay [at] outlook"), vec!["jay [at] outlook"]);
        assert_eq!(kinds("mail me: a_b@school.sch.uk"), vec![DetailKind::Email]);
    }

    #[test]
    fn not_emails() {
        for t in [
            "meet me @ 5",
            "a@b",
            "me@home",
            "look at that dot",
            "I was at home",
        ] {
            assert!(
                !kinds(t).contains(&DetailKind::Email),
                "{t}: {:?}",
                found(t)
            );
        }
    }

    // ---- postcodes ----

    #[test]
    fn postcodes_found() {
        for t in [
            "DA6 7AT", "SE1 9SG", "DA67AT", "da6 7at", "se1 9sg", "SW1A 1AA", "M1 1AE", "EC1A 1BB",
            "B33 8TH", "W1A 0AX",
        ] {
            assert_eq!(found(&format!("near {t}.")), vec![t.to_string()], "{t}");
            assert_eq!(
                kinds(&format!("near {t}.")),
                vec![DetailKind::Postcode],
                "{t}"
            );
        }
    }

    #[test]
    fn not_postcodes() {
        for t in [
            "I have a PS4 3DS and a switch",
            "mp3 player",
            "DA6",
            "SE19",
            "we sat in row A1 2BC",
            "covid19 was bad",
            "DA6 7ATX",
        ] {
            assert!(
                !kinds(t).contains(&DetailKind::Postcode),
                "{t}: {:?}",
                found(t)
            );
        }
    }

    // ---- addresses ----

    #[test]
    fn addresses_found() {
        assert_eq!(found("I live at 12 Oak Road"), vec!["12 Oak Road"]);
        assert_eq!(found("come to 4a high st tomorrow"), vec!["4a high st"]);
        assert_eq!(found("it's 221 Baker Street"), vec!["221 Baker Street"]);
        assert_eq!(found("5 The Crescent"), vec!["5 The Crescent"]);
        assert_eq!(found("12 St Johns Avenue"), vec!["12 St Johns Avenue"]);
        assert_eq!(found("10 Maple Close"), vec!["10 Maple Close"]);
        assert_eq!(found("i live at 4 oak close"), vec!["4 oak close"]);
        assert_eq!(found("I live on Long Lane"), vec!["Long Lane"]);
        assert_eq!(
            found("we live in primrose gardens"),
            vec!["primrose gardens"]
        );
        assert_eq!(found("3 Hill Rd, DA6 7AT"), vec!["3 Hill Rd", "DA6 7AT"]);
    }

    #[test]
    fn not_addresses() {
        for t in [
            "I ran 5 miles down the road",
            "it's a 10 min walk",
            "a 3 hour drive",
            "2 dogs in the park",
            "we got 3 in a row",
            "I walked 3 times up the hill",
            "there's 2 way to do it",
            "I live in the park",
            "we live in London",
            "5 of us went to the park",
            "I have 2 dogs. Road trips are fun",
        ] {
            assert!(
                !kinds(t).contains(&DetailKind::Address),
                "{t}: {:?}",
                found(t)
            );
        }
    }

    // ---- schools ----

    #[test]
    fn schools_found() {
        assert_eq!(found("I go to Hurstmere School"), vec!["Hurstmere School"]);
        assert_eq!(found("St Mary's Primary is ok"), vec!["St Mary's Primary"]);
        assert_eq!(
            found("St. Mary's Primary School"),
            vec!["St. Mary's Primary School"]
        );
        assert_eq!(
            found("Bexley Grammar School"),
            vec!["Bexley Grammar School"]
        );
        assert_eq!(
            found("Hurstmere High School rocks"),
            vec!["Hurstmere High School"]
        );
        assert_eq!(
            found("I'm at Harris Academy Falconwood"),
            vec!["Harris Academy"]
        );
        assert_eq!(found("I love Hurstmere school"), vec!["Hurstmere school"]);
        assert_eq!(found("i go to hurstmere school"), vec!["hurstmere school"]);
        assert_eq!(
            found("my school is called hurstmere"),
            vec!["my school is called hurstmere"]
        );
        assert_eq!(
            found("My school is Hurstmere"),
            vec!["My school is Hurstmere"]
        );
        assert_eq!(
            found("my school's name is Welling"),
            vec!["my school's name is Welling"]
        );
        assert_eq!(kinds("Bexley College"), vec![DetailKind::School]);
    }

    #[test]
    fn not_schools() {
        for t in [
            "I hate school",
            "My school is boring",
            "my school is in Bexley",
            "Today school was fun",
            "I love High School Musical",
            "Secondary school is hard",
            "The School was shut",
            "I went to Paris. School is boring",
            "Sunday School",
            "I go to a new school",
            "i go to big school next year",
            "back at school",
            "after school club",
            "i went to my school",
            "Primary school was easier",
            "Yesterday, school was fun",
            "Honestly school sucks",
            "Ugh school again",
            "Hey school friends",
        ] {
            assert!(
                !kinds(t).contains(&DetailKind::School),
                "{t}: {:?}",
                found(t)
            );
        }
    }

    // ---- social media ----

    #[test]
    fn social_media_found() {
        assert_eq!(found("follow @jay_11 pls"), vec!["@jay_11"]);
        assert_eq!(found("snap: jaybird"), vec!["snap: jaybird"]);
        assert_eq!(found("SC - jaybird"), vec!["SC - jaybird"]);
        assert_eq!(found("my insta is jaybird"), vec!["my insta is jaybird"]);
        assert_eq!(found("my snap's jaybird"), vec!["my snap's jaybird"]);
        assert_eq!(
            found("my insta is jaybird_07."),
            vec!["my insta is jaybird_07"]
        );
        assert_eq!(found("my discord is jay#1234"), vec!["my discord is jay"]);
        assert_eq!(
            found("my snapchat username is jay"),
            vec!["my snapchat username is jay"]
        );
        assert_eq!(found("add me on snap"), vec!["add me on snap"]);
        assert_eq!(found("add me on roblox"), vec!["add me on roblox"]);
        assert_eq!(found("message me on insta"), vec!["message me on insta"]);
        assert_eq!(found("tiktok jay_smith"), vec!["tiktok jay_smith"]);
        assert_eq!(found("discord jay1234"), vec!["discord jay1234"]);
        assert_eq!(
            found("see https://www.instagram.com/jay.smith/ now"),
            vec!["https://www.instagram.com/jay.smith/"]
        );
        assert_eq!(found("tiktok.com/@jay"), vec!["tiktok.com/@jay"]);
        assert_eq!(found("join discord.gg/abc123!"), vec!["discord.gg/abc123"]);
        assert_eq!(kinds("wa.me/447700900123"), vec![DetailKind::SocialMedia]);
    }

    #[test]
    fn not_social_media() {
        for t in [
            "I love snapchat filters",
            "my insta is private",
            "meet @5pm",
            "see you @ 3",
            "I watched it on tiktok",
            "tiktok 100k views",
            "netflix.com is good",
            "go to box.com",
            "this is on x.community",
            "text me on monday",
            "add me on here",
            "my snaps are funny",
            "snap - it was fun",
            "tiktok: so funny",
            "follow me on this",
            "jay@example.com",
        ] {
            assert!(
                !kinds(t).contains(&DetailKind::SocialMedia),
                "{t}: {:?}",
                found(t)
            );
        }
    }

    // ---- watched words ----

    #[test]
    fn watched_basic_and_case() {
        let list = vec![ww("stupid", Tier::Flag)];
        assert_eq!(watched("You are STUPID!", &list), vec!["STUPID"]);
        assert_eq!(watched("stupid stupid", &list).len(), 2);
    }

    #[test]
    fn watched_evasion() {
        let list = vec![ww("stupid", Tier::Flag)];
        for t in [
            "stuuupid",
            "STUUUUPIIID",
            "$tupid",
            "5tup1d",
            "s.t.u.p.i.d",
            "s t u p i d",
            "s-t-u-p-i-d",
            "s_t_u_p_i_d",
            "s😀t😀u😀p😀i😀d",
            "s . t . u . p . i . d",
        ] {
            assert_eq!(watched(&format!("you are {t}!"), &list).len(), 1, "{t}");
        }
        assert_eq!(
            watched("you are s.t.u.p.i.d ok", &list),
            vec!["s.t.u.p.i.d"]
        );
        let ass = vec![ww("ass", Tier::Hold)];
        assert_eq!(watched("what an a$$", &ass).len(), 1);
        assert_eq!(watched("what an @ss", &ass).len(), 1);
        assert_eq!(watched("what an asssss", &ass).len(), 1);
    }

    #[test]
    fn watched_phrases() {
        let list = vec![ww("shut up", Tier::Flag)];
        assert_eq!(watched("just Shut   Up now", &list), vec!["Shut   Up"]);
        assert_eq!(watched("shutup", &list), vec!["shutup"]);
        assert_eq!(watched("shuttt uppp", &list).len(), 1);
        assert!(watched("shut the door up", &list).is_empty());
    }

    #[test]
    fn scunthorpe_cases() {
        let list = vec![
            ww("ass", Tier::Hold),
            ww("cunt", Tier::Hold),
            ww("rapist", Tier::Hold),
            ww("paki", Tier::Block),
            ww("god", Tier::Flag),
            ww("hell", Tier::Flag),
        ];
        for t in [
            "I am in class",
            "I live near Scunthorpe",
            "my therapist is nice",
            "Pakistan is where my nan is from",
            "the assassin was cool",
            "passed my test",
            "as you like",
            "good game",
            "hello there",
            "shellfish",
            "cocktail",
        ] {
            assert!(watched(t, &list).is_empty(), "{t}: {:?}", watched(t, &list));
        }
    }

    #[test]
    fn doubled_letters_do_not_stretch_short_words() {
        // Two of a letter is normal spelling; three or more is stretching.
        let list = vec![ww("god", Tier::Flag), ww("ass", Tier::Hold)];
        assert!(watched("good", &list).is_empty());
        assert_eq!(watched("goood", &list).len(), 1);
        assert!(watched("as", &list).is_empty());
    }

    #[test]
    fn watched_tiers_and_verdicts() {
        let list = default_watched_words();
        let r = scan("you are a retard", &list);
        assert_eq!(r.verdict, Verdict::Block);
        assert_eq!(r.watched[0].tier, Tier::Block);
        assert_eq!(r.message_for_child(), Some(BLOCK_MESSAGE));

        let r = scan("she is a slag", &list);
        assert_eq!(r.verdict, Verdict::HoldForApproval);
        assert!(!r.flagged);

        let r = scan("that was stupid lol", &list);
        assert_eq!(r.verdict, Verdict::Publish);
        assert!(r.flagged);

        let r = scan("kys", &list);
        assert_eq!(r.verdict, Verdict::HoldForApproval);
        assert!(!r.suggests_harm);

        // Block beats a personal detail: the child changes the words first.
        let r = scan("retard 07700 900123", &list);
        assert_eq!(r.verdict, Verdict::Block);
        assert!(!r.flagged && r.personal_details.len() == 1);
    }

    #[test]
    fn watched_empty_and_odd_patterns() {
        assert!(find_watched_words("anything", &[]).is_empty());
        let odd = vec![
            ww("", Tier::Block),
            ww("  !!  ", Tier::Block),
            ww("😀", Tier::Block),
        ];
        assert_eq!(scan("hello 😀 there", &odd).verdict, Verdict::Publish);
    }

    #[test]
    fn default_list_is_clean() {
        // Every default entry must be matchable and not collide with ordinary words.
        for (p, _) in DEFAULT_WATCHED_WORDS {
            assert!(!watched(p, &default_watched_words()).is_empty(), "{p}");
        }
        let ordinary = "The class went to Scunthorpe and Pakistan. Good game, shellfish, \
                        assassin, mongoose, cocktail, pass the glass, I was upset.";
        assert!(find_watched_words(ordinary, &default_watched_words()).is_empty());
    }

    // ---- harm ----

    #[test]
    fn harm_phrases_found() {
        let mut missed = Vec::new();
        for t in [
            "I want to die",
            "i wanna die",
            "I just want to diee",
            "sometimes i want 2 die",
            "I'm going to kill myself",
            "i want to kill myself",
            "killing myself tonight",
            "kms",
            "k.m.s",
            "ugh kms",
            "I hurt myself again",
            "i've been self harming",
            "self-harm",
            "selfharm",
            "I cut myself",
            "I've started cutting again",
            "no reason to live",
            "there's no point living",
            "nothing to live for",
            "he hits me",
            "She hits me",
            "my stepdad hits me",
            "my dad keeps hitting me",
            "he used to hit me",
            "he's hurting me",
            "my mum's boyfriend touches me",
            "he touched me",
            "I'm scared to go home",
            "i am scared of going home",
            "I'm not safe at home",
            "I don't feel safe",
            "someone is hurting me",
            "I've thought about suicide",
            "I feel suicidal",
            "I took an overdose",
            "I want to end it all",
            "I want to disappear",
            "i wish i was dead",
            "wish i was never born",
            "everyone would be better off without me",
            "I'm going to end my life",
            "I can't take it anymore",
            "I can't go on like this",
            "nobody would miss me",
            "he threatened to kill me",
            "he told me not to tell",
            "he sends me nudes",
            "they lock me in my room",
            "I'm being bullied",
            "I want to run away",
            "I dont want to be alive",
            "i don't want to live anymore",
            "I KILL MYSELFFF",
            "he beats me at home",
            "he'll hurt me if I tell",
            "I wish I had never been born",
            "I wish I wasn't born",
            "I don't want to live in this world anymore",
            "I don't want to live anymore, I want to live in peace",
            "I hurt myself during the night",
            "I don't feel safe in my house",
            "he hits us",
            "k i l l m y s e l f",
        ] {
            if !harm(t) {
                missed.push(t);
            }
        }
        assert!(missed.is_empty(), "{missed:?}");
    }

    #[test]
    fn harm_list_is_long_enough() {
        assert!(HARM_PATTERNS.len() >= 30);
    }

    #[test]
    fn harm_match_span_is_the_phrase() {
        let t = "honestly I want to die lol";
        let m = find_harm(t);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].phrase, "want to die");
        assert_eq!(&t[m[0].start..m[0].end], "want to die");
    }

    #[test]
    fn harm_idioms_are_not_harm() {
        let mut wrong = Vec::new();
        for t in [
            "I killed it at football",
            "we are killing it this season",
            "I'm dying to see the film",
            "this homework is killing me",
            "exams are killing me",
            "I nearly died laughing",
            "I killed myself laughing",
            "I wanted to die of embarrassment",
            "the Suicide Squad film was good",
            "I ran 5 kms",
            "it's 10 kms away",
            "cut myself some slack",
            "I hurt myself playing football",
            "sugar overdose after the party",
            "my brother beat me at fifa",
            "she beat me to it",
            "hit me up later",
            "I don't want to live in London",
            "I'm scared of going back to school",
            "he beat me at chess again",
            "I wish I was born in Spain",
            "I wish I were born earlier",
            "he never lies to me",
            "it hits me how fast time goes",
            "that really touched me",
            "I feel safe at home",
            "safe home everyone",
            "the ball hit me",
            "I'm scared of spiders",
            "the dying light game",
            "I want to dye my hair",
            "i wanna die my hair pink",
            "they beat me 3-0",
        ] {
            if harm(t) {
                wrong.push((t, find_harm(t)));
            }
        }
        assert!(wrong.is_empty(), "{wrong:?}");
    }

    #[test]
    fn idiom_cancels_only_what_it_overlaps() {
        assert!(harm("I killed myself laughing. But really, I want to die."));
        assert!(harm("Suicide Squad was ok. I think about suicide a lot."));
    }

    #[test]
    fn harm_wins_over_block() {
        let r = scan("I want to die you retard", &default_watched_words());
        assert!(r.suggests_harm);
        assert_eq!(r.verdict, Verdict::HoldForApproval);
        assert!(r.watched.iter().any(|m| m.tier == Tier::Block));
        assert_eq!(r.message_for_child(), Some(kind_message_for_harm()));
    }

    #[test]
    fn harm_holds_and_lists_phrases() {
        let r = scan("he hits me and I want to die", &[]);
        assert!(r.suggests_harm);
        assert_eq!(r.verdict, Verdict::HoldForApproval);
        let phrases: Vec<&str> = r.harm_matches.iter().map(|m| m.phrase.as_str()).collect();
        assert_eq!(phrases, vec!["he hits me", "want to die"]);
    }

    #[test]
    fn kind_message_names_childline() {
        let m = kind_message_for_harm();
        assert!(m.contains("Childline"));
        assert!(m.contains("0800 1111"));
        assert!(m.contains("free"));
        assert!(m.contains("any time"));
        assert!(m.contains("worker"));
        assert!(m.contains("duty team"));
    }

    #[test]
    fn built_in_lists_compile_cleanly() {
        // Each alternative must normalise to exactly one word, or it would be
        // silently dropped.
        for spec in HARM_PATTERNS.iter().chain(BENIGN_IDIOMS) {
            for w in spec.split_whitespace() {
                let w = w.strip_suffix('?').unwrap_or(w);
                let words = match w.strip_prefix('<').and_then(|s| s.strip_suffix('>')) {
                    Some(name) => class(name).expect(name),
                    None => w,
                };
                for a in words.split('/') {
                    assert!(a == "#" || ptok_of(a).is_some(), "{spec}: {a}");
                }
            }
        }
        assert_eq!(harm_sets().harm.pats.len(), HARM_PATTERNS.len());
        assert_eq!(harm_sets().benign.pats.len(), BENIGN_IDIOMS.len());
    }

    // ---- UTF-8 and robustness ----

    #[test]
    fn unicode_text_does_not_panic() {
        let texts = [
            "😀😀 07700 900123 😀",
            "مرحبا أنا بخير 07700900123 شكرا",
            "أريد أن أموت",
            "Ünïcödé stüüüpid 🤬 SE1 9SG ✨",
            "@😀 @ @@ @@jay",
            "ǅ İstanbul ß ﬁ 12 Ölweg Road",
            "s😀t😀u😀p😀i😀d",
            "x.com😀",
            "\u{200b}kms\u{200b}",
            "🏳️‍🌈 I want to die 🏳️‍🌈",
            "'''!!!$$$@@@",
            "",
            " ",
            "a",
            "0",
        ];
        for t in texts {
            let r = scan(t, &default_watched_words());
            for f in &r.personal_details {
                assert!(t.get(f.start..f.end).is_some(), "{t}");
            }
            for m in &r.watched {
                assert!(t.get(m.start..m.end).is_some(), "{t}");
            }
            for m in &r.harm_matches {
                assert!(t.get(m.start..m.end).is_some(), "{t}");
            }
        }
        assert_eq!(
            found("مرحبا أنا بخير 07700900123 شكرا"),
            vec!["07700900123"]
        );
        assert_eq!(
            watched("Ünïcödé stüüüpid", &[ww("stüpid", Tier::Flag)]).len(),
            1
        );
        assert!(harm("🏳️‍🌈 I want to die 🏳️‍🌈"));
    }

    #[test]
    fn serde_round_trip() {
        let r = scan(
            "text me on 07700 900123, I want to die",
            &default_watched_words(),
        );
        let json = serde_json::to_string(&r).unwrap();
        assert!(json.contains("\"verdict\":\"hold_for_approval\""));
        assert!(json.contains("\"kind\":\"phone\""));
        let back: ScanResult = serde_json::from_str(&json).unwrap();
        assert_eq!(back, r);
        let w: WatchedWord = serde_json::from_str(r#"{"pattern":"x","tier":"flag"}"#).unwrap();
        assert_eq!(w.tier, Tier::Flag);
    }

    #[test]
    fn long_text_is_fast() {
        let chunk = "I went to the park with my friends and we played football, it was fun. \
                     My carer said 12/05/2024 was a good day. s t u p i d @ 5 😀 مرحبا ";
        let text = chunk.repeat(5_000 / chunk.len() + 1);
        let list = default_watched_words();
        let started = std::time::Instant::now();
        for _ in 0..20 {
            let r = scan(&text, &list);
            assert!(r.flagged);
        }
        // Generous bound for unoptimised test builds on a busy machine.
        assert!(
            started.elapsed().as_millis() < 2_000,
            "{:?}",
            started.elapsed()
        );

        // Pathological inputs stay linear.
        for bad in [
            "@".repeat(50_000),
            "a@".repeat(25_000),
            "0 ".repeat(25_000),
            "a ".repeat(25_000),
            "7".repeat(50_000),
        ] {
            let started = std::time::Instant::now();
            let _ = scan(&bad, &list);
            assert!(
                started.elapsed().as_millis() < 2_000,
                "{:?}",
                started.elapsed()
            );
        }
    }
}
