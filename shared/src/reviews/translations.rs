//! A form's words in other languages: looking a text up, and checking and
//! tidying the translations sent with a form.

use std::collections::BTreeMap;

use super::forms::{FormDefinition, FormVersionView, Question};
use super::limits::{
    chars, FieldError, HELP_MAX, INTRO_MAX, OPTION_LABEL_MAX, PROMPT_MAX, TITLE_MAX,
};

/// A form version's translations: language tag ("ar") to a dictionary from
/// each English text on the form (title, welcome, note, question, help
/// line, option label) to its words in that language.
///
/// Keyed by the English words on purpose: when an administrator rewrites a
/// question, the new words have no entry and show in English until someone
/// translates them, so a translation can never say something the English
/// no longer says.
pub type FormTranslations = BTreeMap<String, BTreeMap<String, String>>;

/// At most this many translated texts per language (a form of 40 questions
/// of 12 options each has fewer than 600 texts).
pub const TRANSLATIONS_MAX: usize = 600;

impl FormVersionView {
    /// `english` (a text of this form) in `lang`, or the English itself.
    pub fn text<'a>(&'a self, lang: &str, english: &'a str) -> &'a str {
        form_text(&self.translations, lang, english)
    }
}

/// The words of `english` in `lang`: its translation when the form has one
/// for exactly these English words, else the English.
pub fn form_text<'a>(translations: &'a FormTranslations, lang: &str, english: &'a str) -> &'a str {
    translations
        .get(lang)
        .and_then(|d| d.get(english.trim()))
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .unwrap_or(english)
}

/// Every English text on a form that a young person reads, each with the
/// most characters it may have (a translation keeps to the same limit).
pub fn form_texts<'a>(
    title: &'a str,
    intro: &'a str,
    with_adult: Option<&'a str>,
    questions: &'a [Question],
) -> BTreeMap<&'a str, usize> {
    let mut out = BTreeMap::new();
    let mut add = |text: &'a str, max: usize| {
        let text = text.trim();
        if !text.is_empty() {
            let limit = out.entry(text).or_insert(max);
            *limit = (*limit).min(max);
        }
    };
    add(title, TITLE_MAX);
    add(intro, INTRO_MAX);
    if let Some(w) = with_adult {
        add(w, INTRO_MAX);
    }
    for q in questions {
        add(&q.prompt, PROMPT_MAX);
        if let Some(h) = &q.help {
            add(h, HELP_MAX);
        }
        for o in &q.options {
            add(&o.label, OPTION_LABEL_MAX);
        }
    }
    out
}

/// What a language is called, for error messages.
fn language_name(tag: &str) -> &str {
    match tag {
        "ar" => "Arabic",
        other => other,
    }
}

/// Checks the translations sent with a form: only languages the app
/// speaks besides English, not too many entries, and no translation longer
/// than the text it translates may be.
pub fn validate_translations(def: &FormDefinition) -> Result<(), FieldError> {
    use crate::language::Language;
    let texts = form_texts(
        &def.title,
        &def.intro,
        def.with_adult.as_deref(),
        &def.questions,
    );
    for (tag, dict) in &def.translations {
        if Language::parse(tag).is_none_or(|l| l == Language::En) {
            let others: Vec<&str> = Language::ALL
                .into_iter()
                .filter(|l| *l != Language::En)
                .map(|l| l.as_str())
                .collect();
            return Err(FieldError::new(
                "translations",
                format!(
                    "Translate only into a language the app speaks besides English: {}.",
                    others.join(", ")
                ),
            ));
        }
        let field = format!("translations.{tag}");
        let name = language_name(tag);
        if dict.len() > TRANSLATIONS_MAX {
            return Err(FieldError::new(
                field,
                format!("Give at most {TRANSLATIONS_MAX} {name} translations."),
            ));
        }
        for (english, words) in dict {
            if chars(english) > INTRO_MAX {
                return Err(FieldError::new(
                    field,
                    format!(
                        "Each {name} translation must be for one of the form's English texts, which are at most {INTRO_MAX} characters."
                    ),
                ));
            }
            let max = texts.get(english.trim()).copied().unwrap_or(INTRO_MAX);
            if chars(words.trim()) > max {
                let short: String = english.trim().chars().take(60).collect();
                return Err(FieldError::new(
                    field,
                    format!(
                        "The {name} for \"{short}\" is too long. Keep it to {max} characters or fewer."
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// The translations worth keeping for this form: for texts that are on it,
/// not empty, within the text's limit. Anything else is dropped, so an
/// old entry whose English has changed is not stored again.
pub fn tidy_translations(
    title: &str,
    intro: &str,
    with_adult: Option<&str>,
    questions: &[Question],
    translations: &FormTranslations,
) -> FormTranslations {
    let texts = form_texts(title, intro, with_adult, questions);
    translations
        .iter()
        .map(|(tag, dict)| {
            let kept: BTreeMap<String, String> = dict
                .iter()
                .filter_map(|(english, words)| {
                    let (english, words) = (english.trim(), words.trim());
                    let max = *texts.get(english)?;
                    (!words.is_empty() && chars(words) <= max)
                        .then(|| (english.to_owned(), words.to_owned()))
                })
                .collect();
            (tag.clone(), kept)
        })
        .filter(|(_, dict)| !dict.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::reviews::fixtures::*;
    use crate::reviews::forms::FormKey;
    use chrono::{DateTime, Utc};

    #[test]
    fn a_form_text_is_translated_or_falls_back_to_english() {
        let t = arabic(&[("How safe do you feel?", "هل تشعر بالأمان؟")]);
        assert_eq!(
            form_text(&t, "ar", "How safe do you feel?"),
            "هل تشعر بالأمان؟"
        );
        // English readers, and texts with no translation, get the English.
        assert_eq!(
            form_text(&t, "en", "How safe do you feel?"),
            "How safe do you feel?"
        );
        assert_eq!(form_text(&t, "ar", "School"), "School");
        assert_eq!(form_text(&BTreeMap::new(), "ar", "School"), "School");
        // An empty translation is no translation.
        let empty = arabic(&[("School", "  ")]);
        assert_eq!(form_text(&empty, "ar", "School"), "School");
    }

    #[test]
    fn a_changed_english_text_falls_back_to_english() {
        let v = FormVersionView {
            id: "v2".into(),
            key: FormKey::From8To11,
            version: 2,
            title: "My review".into(),
            intro: "Hello".into(),
            with_adult: None,
            questions: form(),
            published_at: DateTime::<Utc>::default(),
            // Translated when the first question still read "home?".
            translations: arabic(&[("home?", "البيت؟"), ("My review", "مراجعتي")]),
        };
        assert_eq!(v.text("ar", &v.title), "مراجعتي");
        let mut reworded = v.clone();
        reworded.questions[0].prompt = "Where you live?".into();
        let prompt = &reworded.questions[0].prompt;
        assert_eq!(reworded.text("ar", prompt), "Where you live?");
        // Publishing it again keeps only translations of texts on the form.
        let kept = tidy_translations(
            &reworded.title,
            &reworded.intro,
            None,
            &reworded.questions,
            &reworded.translations,
        );
        assert_eq!(kept, arabic(&[("My review", "مراجعتي")]));
    }
}
