//! Words that suggest harm to the child or from someone else: the built-in
//! phrases, the benign idioms that cancel them, and matching them in a text.

use std::sync::OnceLock;

use super::findings::HarmMatch;
use super::normalise::Normalised;
use super::patterns::{ptok_of, spans, PTok, PatternSet, Slot};
use super::tokens::{tokenize, Tokens};

/// Only the words that suggest harm.
pub fn find_harm(text: &str) -> Vec<HarmMatch> {
    let norm = Normalised::new(text);
    let (plain, joined) = tokenize(norm.text());
    harm_in(&norm, &plain, joined.as_ref())
}

/// The built-in phrases and the benign idioms that cancel them, as plain
/// text a participation officer and safeguarding lead can read and check
/// (the file explains its own mini-language).
const HARM_DATA: &str = include_str!("../../data/harm_phrases.txt");

const HARM_SECTION: &str = "[words that suggest harm]";
const BENIGN_SECTION: &str = "[ordinary sayings that cancel a match]";

/// The data file, read once: its word classes and the two lists.
struct HarmData {
    classes: Vec<(&'static str, &'static str)>,
    harm: Vec<&'static str>,
    benign: Vec<&'static str>,
}

fn parse_data(data: &'static str) -> HarmData {
    let mut d = HarmData {
        classes: Vec::new(),
        harm: Vec::new(),
        benign: Vec::new(),
    };
    let mut section: Option<bool> = None;
    for line in data.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line == HARM_SECTION {
            section = Some(true);
        } else if line == BENIGN_SECTION {
            section = Some(false);
        } else if let Some((name, words)) = line
            .split_once('=')
            .filter(|(n, _)| n.trim().starts_with('<') && n.trim().ends_with('>'))
        {
            let name = name.trim().trim_start_matches('<').trim_end_matches('>');
            d.classes.push((name, words.trim()));
        } else {
            match section {
                Some(true) => d.harm.push(line),
                Some(false) => d.benign.push(line),
                None => {}
            }
        }
    }
    d
}

fn harm_data() -> &'static HarmData {
    static DATA: OnceLock<HarmData> = OnceLock::new();
    DATA.get_or_init(|| parse_data(HARM_DATA))
}

fn class(name: &str) -> Option<&'static str> {
    harm_data()
        .classes
        .iter()
        .find(|(n, _)| *n == name)
        .map(|&(_, w)| w)
}

/// One alternative of a slot: a word, `#` or `<number>` for any number, or
/// `<name>` for every word of a class.
fn push_alts(alt: &str, out: &mut Vec<PTok>) {
    if alt == "#" || alt == "<number>" {
        out.push(PTok::AnyNumber);
    } else if let Some(name) = alt.strip_prefix('<').and_then(|s| s.strip_suffix('>')) {
        for w in class(name).unwrap_or("").split('/') {
            push_alts(w, out);
        }
    } else if let Some(p) = ptok_of(alt) {
        out.push(p);
    }
}

fn compile_phrase(spec: &str) -> Vec<Slot> {
    spec.split_whitespace()
        .map(|w| {
            let (w, optional) = match w.strip_suffix('?') {
                Some(s) => (s, true),
                None => (w, false),
            };
            let mut alts = Vec::new();
            for a in w.split('/') {
                push_alts(a, &mut alts);
            }
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
        let data = harm_data();
        let mut harm = PatternSet::new(false);
        for (i, p) in data.harm.iter().enumerate() {
            harm.add(compile_phrase(p), i);
        }
        let mut benign = PatternSet::new(false);
        for (i, p) in data.benign.iter().enumerate() {
            benign.add(compile_phrase(p), i);
        }
        HarmSets { harm, benign }
    })
}

pub(crate) fn harm_in(
    norm: &Normalised,
    plain: &Tokens,
    joined: Option<&Tokens>,
) -> Vec<HarmMatch> {
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
    let mut found: Vec<(usize, usize)> = found.into_iter().map(|(a, b)| norm.span(a, b)).collect();
    found.sort_unstable();
    found.dedup();
    found
        .into_iter()
        .map(|(start, end)| HarmMatch {
            phrase: norm.original().get(start..end).unwrap_or("").to_string(),
            start,
            end,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn harm(text: &str) -> bool {
        !find_harm(text).is_empty()
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
        assert!(harm_data().harm.len() >= 100);
        assert!(harm_data().benign.len() >= 20);
        assert!(harm_data().classes.len() >= 4);
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
    fn built_in_lists_compile_cleanly() {
        // Each alternative must normalise to exactly one word, and each class
        // must exist, or it would be silently dropped.
        fn check(spec: &str, a: &str) {
            if a == "#" || a == "<number>" {
                return;
            }
            match a.strip_prefix('<').and_then(|s| s.strip_suffix('>')) {
                Some(name) => {
                    let words = class(name).unwrap_or_else(|| panic!("{spec}: no class {name}"));
                    for w in words.split('/') {
                        check(spec, w);
                    }
                }
                None => assert!(ptok_of(a).is_some(), "{spec}: {a}"),
            }
        }
        let data = harm_data();
        for spec in data.harm.iter().chain(&data.benign) {
            for w in spec.split_whitespace() {
                let w = w.strip_suffix('?').unwrap_or(w);
                for a in w.split('/') {
                    check(spec, a);
                }
            }
        }
        assert_eq!(harm_sets().harm.len(), data.harm.len());
        assert_eq!(harm_sets().benign.len(), data.benign.len());
    }
}
