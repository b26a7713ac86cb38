//! Feedback forms as data: which form a young person gets, its questions
//! and options, and its published versions.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::limits::{TEXT_DEFAULT_MAX, TEXT_HARD_MAX};
use super::priorities::{Commitment, Priority};
use crate::people::AgeBand;

/// Which version of the form a young person gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FormKey {
    /// Under 8: pictures and faces, done with a trusted adult.
    Under8,
    From8To11,
    From12To17,
    /// Care leavers: the pathway plan review version.
    CareLeaver,
}

impl FormKey {
    pub const ALL: [FormKey; 4] = [
        FormKey::Under8,
        FormKey::From8To11,
        FormKey::From12To17,
        FormKey::CareLeaver,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FormKey::Under8 => "under8",
            FormKey::From8To11 => "from8_to11",
            FormKey::From12To17 => "from12_to17",
            FormKey::CareLeaver => "care_leaver",
        }
    }

    pub fn parse(s: &str) -> Option<FormKey> {
        FormKey::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// The form for a young person: by age band while in care; the care
    /// leavers' version once they are 16 or over and no longer looked after.
    pub fn for_person(band: AgeBand, looked_after_now: bool) -> FormKey {
        match band {
            AgeBand::Under8 => FormKey::Under8,
            AgeBand::From8To11 => FormKey::From8To11,
            AgeBand::From12To17 if looked_after_now => FormKey::From12To17,
            AgeBand::From12To17 | AgeBand::From18To25 | AgeBand::Over25 => FormKey::CareLeaver,
        }
    }
}

/// The kind of answer a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// Five faces, 1 (very unhappy) to 5 (very happy).
    Faces,
    /// Free text.
    Text,
    /// Pick one option.
    OneChoice,
    /// Pick any number of options.
    ManyChoices,
}

/// The faces of a faces question, in order from 1 to 5: the key the app
/// draws, and an emoji for anywhere a drawing is not available.
pub const FACES: [(&str, &str); 5] = [
    ("very_sad", "😢"),
    ("sad", "🙁"),
    ("okay", "😐"),
    ("happy", "🙂"),
    ("very_happy", "😄"),
];

/// One option of a question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FormOption {
    /// Stable within the question; what an answer names. For faces, "1" to
    /// "5".
    pub key: String,
    pub label: String,
    /// A picture key the app can draw (a face such as `happy`, or `house`).
    #[serde(default)]
    pub picture: Option<String>,
    /// An emoji for the same picture.
    #[serde(default)]
    pub emoji: Option<String>,
}

/// One question of a form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Question {
    /// Stable across versions when the question means the same thing, so
    /// totals over time line up.
    pub key: String,
    pub kind: QuestionKind,
    pub prompt: String,
    /// A line under the question.
    #[serde(default)]
    pub help: Option<String>,
    /// A picture key for the question (`house`, `school`, `heart`, ...).
    #[serde(default)]
    pub picture: Option<String>,
    #[serde(default)]
    pub emoji: Option<String>,
    #[serde(default)]
    pub priority: Option<Priority>,
    #[serde(default)]
    pub commitment: Option<Commitment>,
    /// For faces and choices. Faces have exactly five, keys "1" to "5".
    #[serde(default)]
    pub options: Vec<FormOption>,
    /// A faces or choice question may take a few words as well.
    #[serde(default)]
    pub allow_comment: bool,
    /// For text (and comments): the most characters allowed.
    #[serde(default)]
    pub max_chars: Option<u32>,
}

impl Question {
    pub fn text_limit(&self) -> usize {
        self.max_chars
            .map(|m| m as usize)
            .unwrap_or(TEXT_DEFAULT_MAX)
            .min(TEXT_HARD_MAX)
    }

    pub fn takes_text(&self) -> bool {
        self.kind == QuestionKind::Text || self.allow_comment
    }

    pub fn option(&self, key: &str) -> Option<&FormOption> {
        self.options.iter().find(|o| o.key == key)
    }
}

/// Five faces with these labels (from "very unhappy" to "very happy").
pub fn faces(labels: [&str; 5]) -> Vec<FormOption> {
    FACES
        .iter()
        .zip(labels)
        .enumerate()
        .map(|(i, ((picture, emoji), label))| FormOption {
            key: (i + 1).to_string(),
            label: label.to_owned(),
            picture: Some((*picture).to_owned()),
            emoji: Some((*emoji).to_owned()),
        })
        .collect()
}

/// A form as an administrator writes it (`POST /api/feedback/forms`
/// publishes it as the next version of `key`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FormDefinition {
    pub key: FormKey,
    pub title: String,
    /// Said first, before the questions.
    pub intro: String,
    /// Shown when the form is meant to be done with a trusted adult.
    #[serde(default)]
    pub with_adult: Option<String>,
    pub questions: Vec<Question>,
    /// The form's words in other languages: language tag ("ar") to a
    /// dictionary from each English text on the form to its translation
    /// (see [`FormTranslations`](super::FormTranslations)). Leave out (or empty) to keep the
    /// current version's translations.
    #[serde(default)]
    pub translations: BTreeMap<String, BTreeMap<String, String>>,
}

/// One published version of a form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FormVersionView {
    /// This version's id: what drafts and answers name.
    pub id: String,
    pub key: FormKey,
    pub version: u32,
    pub title: String,
    pub intro: String,
    pub with_adult: Option<String>,
    pub questions: Vec<Question>,
    pub published_at: DateTime<Utc>,
    /// The form's words in other languages, keyed by the English text (see
    /// [`FormTranslations`](super::FormTranslations)). A young person gets only their own language's
    /// when they have chosen one.
    #[serde(default)]
    pub translations: BTreeMap<String, BTreeMap<String, String>>,
}

/// `GET /api/feedback/forms`: each form's current version and its history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FormFamily {
    pub key: FormKey,
    pub current: FormVersionView,
    /// Every version, newest first.
    pub versions: Vec<FormVersionSummary>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FormVersionSummary {
    pub id: String,
    pub version: u32,
    pub published_at: DateTime<Utc>,
    pub questions: u32,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn the_right_form_for_each_young_person() {
        assert_eq!(FormKey::for_person(AgeBand::Under8, true), FormKey::Under8);
        assert_eq!(
            FormKey::for_person(AgeBand::From8To11, true),
            FormKey::From8To11
        );
        assert_eq!(
            FormKey::for_person(AgeBand::From12To17, true),
            FormKey::From12To17
        );
        assert_eq!(
            FormKey::for_person(AgeBand::From12To17, false),
            FormKey::CareLeaver
        );
        assert_eq!(
            FormKey::for_person(AgeBand::From18To25, false),
            FormKey::CareLeaver
        );
        for k in FormKey::ALL {
            assert_eq!(FormKey::parse(k.as_str()), Some(k));
        }
    }
}
