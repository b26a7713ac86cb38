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
        assert_eq!(harm_sets().harm.len(), HARM_PATTERNS.len());
        assert_eq!(harm_sets().benign.len(), BENIGN_IDIOMS.len());
    }
}
