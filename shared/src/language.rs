//! The languages the app speaks, as each person's own setting.
//!
//! An account that has never chosen has no language: the app then follows
//! the phone's language. The server keeps only the choice; the words
//! themselves are in the app (`frontend/locales`).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English (UK).
    En,
    /// Arabic (Modern Standard Arabic), written right to left.
    Ar,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::En, Language::Ar];

    /// The stored and sent form: "en", "ar".
    pub fn as_str(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Ar => "ar",
        }
    }

    /// Exactly one of the stored forms; anything else is `None`.
    pub fn parse(s: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

/// `PUT /api/me/language`. The language is a string, not the enum, so an
/// unknown one gets a clear "choose one of these" instead of a decoding
/// error.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LanguageChoice {
    /// "en" or "ar".
    pub language: String,
}

/// What the server says when the language is not one the app speaks. Kept
/// here so the app and the tests use the same words.
pub const UNKNOWN_LANGUAGE: &str = "Choose English or Arabic (en or ar).";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_stored_forms_parse() {
        for l in Language::ALL {
            assert_eq!(Language::parse(l.as_str()), Some(l));
        }
        assert_eq!(Language::parse("AR"), None);
        assert_eq!(Language::parse("fr"), None);
        assert_eq!(Language::parse(""), None);
    }

    #[test]
    fn the_wire_form_is_the_stored_form() {
        for l in Language::ALL {
            let json = serde_json::to_string(&l).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", l.as_str()));
        }
    }
}
