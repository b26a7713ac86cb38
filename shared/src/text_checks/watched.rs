//! Watched words: the council's own list in three tiers, the starting list
//! for a new council, and matching them in a text.

use super::findings::{Tier, WatchedMatch, WatchedWord};
use super::normalise::{normalise, Normalised};
use super::patterns::{ptok_of, spans, PTok, PatternSet, Slot};
use super::tokens::{tokenize, Tokens};

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

/// Only the watched words.
pub fn find_watched_words(text: &str, watched: &[WatchedWord]) -> Vec<WatchedMatch> {
    let norm = Normalised::new(text);
    let (plain, joined) = tokenize(norm.text());
    watched_in(&norm, &plain, joined.as_ref(), watched)
}

/// A watched word or phrase: one required slot per word. A phrase of several
/// words also matches written as one word ("shut up", "shutup").
fn add_watched(set: &mut PatternSet, pattern: &str, source: usize) {
    let pattern = normalise(pattern);
    let (t, _) = tokenize(&pattern);
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

pub(crate) fn watched_in(
    norm: &Normalised,
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
    let mut found: Vec<(usize, usize, usize)> = spans(&set, plain, joined)
        .into_iter()
        .map(|(src, a, b)| {
            let (a, b) = norm.span(a, b);
            (src, a, b)
        })
        .collect();
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

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
    fn default_list_is_clean() {
        // Every default entry must be matchable and not collide with ordinary words.
        for (p, _) in DEFAULT_WATCHED_WORDS {
            assert!(!watched(p, &default_watched_words()).is_empty(), "{p}");
        }
        let ordinary = "The class went to Scunthorpe and Pakistan. Good game, shellfish, \
                        assassin, mongoose, cocktail, pass the glass, I was upset.";
        assert!(find_watched_words(ordinary, &default_watched_words()).is_empty());
    }
}
