//! What happens to a post, from the text checks of its title and body.

use super::posts::HoldReason;
use crate::text_checks::{self, ScanResult, Tier, Verdict};

/// What should happen to a post, from the checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Refused, storing nothing: `field` holds words to change.
    Block {
        field: &'static str,
        words: Vec<String>,
        message: String,
    },
    /// Waits for a moderator.
    Hold {
        reasons: Vec<HoldReason>,
        flagged: bool,
        suggests_harm: bool,
        message: String,
    },
    /// Goes up now; `flagged` shows it to moderators too.
    Publish { flagged: bool },
}

const UNDER_18_MESSAGE: &str = "Thanks! A grown-up checks posts in this space before others see them. You can see yours in \"My posts\" while it waits.";

/// Decides a post from the scans of its title (a new thread) and body.
///
/// Harm first (hold, whatever else is there, so a child in distress gets
/// help rather than a refusal); then any Block-tier word refuses the post;
/// then personal details, Hold-tier words and the under-18 rule hold it.
pub fn decide(
    title: Option<&ScanResult>,
    body: &ScanResult,
    under_18: bool,
    space_holds_under_18: bool,
) -> Decision {
    let scans: Vec<&ScanResult> = title.into_iter().chain(std::iter::once(body)).collect();
    let harm = scans.iter().any(|s| s.suggests_harm);
    let flagged = scans.iter().any(|s| s.flagged);
    if !harm {
        for (field, s) in [("title", title), ("body", Some(body))] {
            let Some(s) = s else { continue };
            if s.verdict == Verdict::Block {
                let mut words: Vec<String> = s
                    .watched
                    .iter()
                    .filter(|m| m.tier == Tier::Block)
                    .map(|m| m.pattern.clone())
                    .collect();
                words.dedup();
                let message = format!(
                    "{} Change: {}.",
                    Tier::Block.message_for_child().unwrap_or_default(),
                    words
                        .iter()
                        .map(|w| format!("\"{w}\""))
                        .collect::<Vec<_>>()
                        .join(", ")
                );
                return Decision::Block {
                    field,
                    words,
                    message,
                };
            }
        }
    }
    let mut reasons = vec![];
    if under_18 && space_holds_under_18 {
        reasons.push(HoldReason::Under18);
    }
    if scans.iter().any(|s| !s.personal_details.is_empty()) {
        reasons.push(HoldReason::PersonalDetails);
    }
    if scans
        .iter()
        .any(|s| s.watched.iter().any(|m| m.tier == Tier::Hold))
    {
        reasons.push(HoldReason::WatchedWord);
    }
    if harm {
        reasons.push(HoldReason::SuggestsHarm);
    }
    if reasons.is_empty() {
        return Decision::Publish { flagged };
    }
    let message = if harm {
        text_checks::kind_message_for_harm().to_owned()
    } else if let Some(f) = scans.iter().find_map(|s| s.personal_details.first()) {
        f.kind.message().to_owned()
    } else if reasons.contains(&HoldReason::WatchedWord) {
        Tier::Hold
            .message_for_child()
            .unwrap_or_default()
            .to_owned()
    } else {
        UNDER_18_MESSAGE.to_owned()
    };
    Decision::Hold {
        reasons,
        flagged,
        suggests_harm: harm,
        message,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::text_checks::{default_watched_words, scan};

    #[test]
    fn decisions() {
        let words = default_watched_words();
        let clean = scan("We went bowling, it was great", &words);
        assert_eq!(
            decide(None, &clean, false, true),
            Decision::Publish { flagged: false }
        );
        // Under 18 in a space that checks first.
        match decide(None, &clean, true, true) {
            Decision::Hold { reasons, .. } => assert_eq!(reasons, vec![HoldReason::Under18]),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            decide(None, &clean, true, false),
            Decision::Publish { flagged: false }
        );
        // A phone number holds, and says why.
        let phone = scan("text me on 07700 900123", &words);
        match decide(None, &phone, false, true) {
            Decision::Hold {
                reasons, message, ..
            } => {
                assert_eq!(reasons, vec![HoldReason::PersonalDetails]);
                assert!(message.contains("phone number"), "{message}");
            }
            other => panic!("{other:?}"),
        }
        // A block word in the title refuses, naming the title.
        let title = scan("you retard", &words);
        match decide(Some(&title), &clean, false, true) {
            Decision::Block {
                field,
                words,
                message,
            } => {
                assert_eq!(field, "title");
                assert_eq!(words, vec!["retard".to_owned()]);
                assert!(message.contains("\"retard\""));
            }
            other => panic!("{other:?}"),
        }
        // Harm wins over a block word.
        let harm = scan("I want to die, retard", &words);
        match decide(None, &harm, false, true) {
            Decision::Hold {
                reasons,
                suggests_harm,
                message,
                ..
            } => {
                assert!(suggests_harm);
                assert!(reasons.contains(&HoldReason::SuggestsHarm));
                assert!(message.contains("0800 1111"));
            }
            other => panic!("{other:?}"),
        }
        // Flag publishes, flagged.
        let flag = scan("that film was stupid", &words);
        assert_eq!(
            decide(None, &flag, false, true),
            Decision::Publish { flagged: true }
        );
    }
}
