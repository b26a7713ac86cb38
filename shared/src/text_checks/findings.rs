//! What a scan reports: the personal details, watched words and words that
//! suggest harm it found, the verdict, and the messages a child is shown.

use serde::{Deserialize, Serialize};

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

/// Everything [`scan`](super::scan) found, and what to do.
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

pub(crate) const BLOCK_MESSAGE: &str = "Some words here can hurt people, so this can't be posted yet. Please change the highlighted words and try again.";
pub(crate) const HOLD_MESSAGE: &str = "A grown-up will check this post before others see it.";

/// What a child sees when their words suggest they may be at risk.
///
/// Warm and plain on purpose; it says who will be told, because the
/// Children's code asks that a child knows when an adult will read what they
/// wrote. The council's own duty number can be shown next to it.
pub fn kind_message_for_harm() -> &'static str {
    "It sounds like things might be really hard for you right now. You don't have to deal with this on your own. \
     You can talk to Childline about anything: it's free, and you can call any time, day or night, on 0800 1111. \
     We will also let your worker know (or the duty team, if it's out of hours), so someone can help you. \
     If you are in danger right now, call 999."
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn kind_message_names_childline() {
        let m = kind_message_for_harm();
        assert!(m.contains("Childline"));
        assert!(m.contains("0800 1111"));
        assert!(m.contains("free"));
        assert!(m.contains("any time"));
        assert!(m.contains("worker"));
        assert!(m.contains("duty team"));
        assert!(m.contains("999"));
    }
}
