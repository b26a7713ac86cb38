//! Phrase patterns over normalised words, indexed for a single pass over a
//! text: what the watched-word and harm checks are built from.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::normalise::normalise;
use super::tokens::{tokenize, Tokens};

#[derive(Debug, Clone)]
pub(crate) enum PTok {
    /// Any token made only of digits (`#` in the built-in lists).
    AnyNumber,
    Word {
        key: String,
        counts: Vec<u8>,
    },
}

#[derive(Debug, Clone)]
pub(crate) struct Slot {
    pub(crate) alts: Vec<PTok>,
    pub(crate) optional: bool,
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
pub(crate) struct PatternSet {
    pats: Vec<Pattern>,
    by_key: HashMap<String, Vec<usize>, BuildHasherDefault<KeyHasher>>,
    by_number: Vec<usize>,
    /// Watched words are strict about doubled letters (see [`counts_match`]);
    /// harm phrases are lenient, because a miss costs more than a false alarm.
    strict: bool,
}

impl PatternSet {
    pub(crate) fn new(strict: bool) -> Self {
        PatternSet {
            pats: Vec::new(),
            by_key: HashMap::default(),
            by_number: Vec::new(),
            strict,
        }
    }

    pub(crate) fn add(&mut self, slots: Vec<Slot>, source: usize) {
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

    /// How many patterns were kept (the tests check none was dropped).
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.pats.len()
    }

    /// Every match as (source, first token, one past the last token).
    pub(crate) fn find(&self, toks: &Tokens, out: &mut Vec<(usize, usize, usize)>) {
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
pub(crate) fn ptok_of(word: &str) -> Option<PTok> {
    let word = normalise(word);
    let (t, _) = tokenize(&word);
    if t.len() != 1 {
        return None;
    }
    Some(PTok::Word {
        key: t.key(0).to_string(),
        counts: t.counts(0).to_vec(),
    })
}

/// Every match as (source, start, end), in bytes of the normalised text.
pub(crate) fn spans(
    set: &PatternSet,
    plain: &Tokens,
    joined: Option<&Tokens>,
) -> Vec<(usize, usize, usize)> {
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
