//! The checks a form passes before an administrator can publish it.

use std::collections::BTreeSet;

use super::forms::{FormDefinition, QuestionKind, FACES};
use super::limits::{
    chars, FieldError, HELP_MAX, INTRO_MAX, KEY_MAX, OPTIONS_MAX, OPTION_LABEL_MAX, PROMPT_MAX,
    QUESTIONS_MAX, TEXT_HARD_MAX, TITLE_MAX,
};
use super::translations::validate_translations;

fn valid_key(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= KEY_MAX
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn optional_len(
    field: String,
    value: &Option<String>,
    max: usize,
    what: &str,
) -> Result<(), FieldError> {
    if value.as_deref().is_some_and(|v| chars(v) > max) {
        return Err(FieldError::new(
            field,
            format!("Keep the {what} to {max} characters or fewer."),
        ));
    }
    Ok(())
}

/// Checks a form an administrator wants to publish.
pub fn validate_form(def: &FormDefinition) -> Result<(), FieldError> {
    let title = def.title.trim();
    if title.is_empty() || chars(title) > TITLE_MAX {
        return Err(FieldError::new(
            "title",
            format!("Give the form a title of 1 to {TITLE_MAX} characters."),
        ));
    }
    if def.intro.trim().is_empty() || chars(&def.intro) > INTRO_MAX {
        return Err(FieldError::new(
            "intro",
            format!("Write a short welcome of 1 to {INTRO_MAX} characters."),
        ));
    }
    optional_len("with_adult".into(), &def.with_adult, INTRO_MAX, "note")?;
    if def.questions.is_empty() || def.questions.len() > QUESTIONS_MAX {
        return Err(FieldError::new(
            "questions",
            format!("A form has 1 to {QUESTIONS_MAX} questions."),
        ));
    }
    let mut keys = BTreeSet::new();
    for (i, q) in def.questions.iter().enumerate() {
        let f = |part: &str| format!("questions[{i}].{part}");
        if !valid_key(&q.key) {
            return Err(FieldError::new(
                f("key"),
                format!("Use 1 to {KEY_MAX} small letters, digits or underscores."),
            ));
        }
        if !keys.insert(q.key.as_str()) {
            return Err(FieldError::new(
                f("key"),
                format!("Two questions have the key \"{}\".", q.key),
            ));
        }
        if q.prompt.trim().is_empty() || chars(&q.prompt) > PROMPT_MAX {
            return Err(FieldError::new(
                f("prompt"),
                format!("Write the question in 1 to {PROMPT_MAX} characters."),
            ));
        }
        optional_len(f("help"), &q.help, HELP_MAX, "help line")?;
        optional_len(f("picture"), &q.picture, KEY_MAX, "picture key")?;
        optional_len(f("emoji"), &q.emoji, 16, "emoji")?;
        if q.max_chars
            .is_some_and(|m| m == 0 || m as usize > TEXT_HARD_MAX)
        {
            return Err(FieldError::new(
                f("max_chars"),
                format!("Allow 1 to {TEXT_HARD_MAX} characters."),
            ));
        }
        match q.kind {
            QuestionKind::Faces => {
                // An empty label is named below, at the face it belongs to.
                let ok = q.options.len() == 5
                    && q.options.iter().enumerate().all(|(n, o)| {
                        o.key == (n + 1).to_string() && o.picture.as_deref() == Some(FACES[n].0)
                    });
                if !ok {
                    return Err(FieldError::new(
                        f("options"),
                        "A faces question has five faces, keys 1 to 5, from very_sad to very_happy.",
                    ));
                }
            }
            QuestionKind::OneChoice | QuestionKind::ManyChoices => {
                if q.options.len() < 2 || q.options.len() > OPTIONS_MAX {
                    return Err(FieldError::new(
                        f("options"),
                        format!("Give 2 to {OPTIONS_MAX} options."),
                    ));
                }
            }
            QuestionKind::Text => {
                if !q.options.is_empty() {
                    return Err(FieldError::new(
                        f("options"),
                        "A text question has no options.",
                    ));
                }
            }
        }
        let mut option_keys = BTreeSet::new();
        for (j, o) in q.options.iter().enumerate() {
            let of = |part: &str| format!("questions[{i}].options[{j}].{part}");
            if !valid_key(&o.key) || !option_keys.insert(o.key.as_str()) {
                return Err(FieldError::new(
                    of("key"),
                    "Each option needs its own key of small letters, digits or underscores.",
                ));
            }
            if o.label.trim().is_empty() || chars(&o.label) > OPTION_LABEL_MAX {
                return Err(FieldError::new(
                    of("label"),
                    format!("Write the option in 1 to {OPTION_LABEL_MAX} characters."),
                ));
            }
            optional_len(of("picture"), &o.picture, KEY_MAX, "picture key")?;
            optional_len(of("emoji"), &o.emoji, 16, "emoji")?;
        }
    }
    validate_translations(def)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::reviews::fixtures::*;
    use crate::reviews::forms::FormKey;
    use crate::reviews::translations::TRANSLATIONS_MAX;
    use std::collections::BTreeMap;

    #[test]
    fn forms_are_checked_before_publishing() {
        let good = FormDefinition {
            key: FormKey::From8To11,
            title: "My review".into(),
            intro: "Hello".into(),
            with_adult: None,
            questions: form(),
            translations: BTreeMap::new(),
        };
        assert_eq!(validate_form(&good), Ok(()));
        let mut bad = good.clone();
        bad.questions[0].options.pop();
        assert_eq!(
            validate_form(&bad).unwrap_err().field,
            "questions[0].options"
        );
        // An empty face label is named at its face.
        let mut bad = good.clone();
        bad.questions[0].options[2].label = " ".into();
        assert_eq!(
            validate_form(&bad).unwrap_err().field,
            "questions[0].options[2].label"
        );
        let mut bad = good.clone();
        bad.questions[1].key = "home".into();
        assert_eq!(validate_form(&bad).unwrap_err().field, "questions[1].key");
        let mut bad = good;
        bad.title = " ".into();
        assert_eq!(validate_form(&bad).unwrap_err().field, "title");
    }

    #[test]
    fn translations_are_checked_before_publishing() {
        let mut def = FormDefinition {
            key: FormKey::From8To11,
            title: "My review".into(),
            intro: "Hello".into(),
            with_adult: None,
            questions: form(),
            translations: arabic(&[("home?", "البيت؟")]),
        };
        assert_eq!(validate_form(&def), Ok(()));
        // No longer than the English may be: a question's limit.
        def.translations = arabic(&[("home?", &"ب".repeat(PROMPT_MAX + 1))]);
        let err = validate_form(&def).unwrap_err();
        assert_eq!(err.field, "translations.ar");
        assert!(
            err.message.contains("\"home?\" is too long"),
            "{}",
            err.message
        );
        assert!(err.message.contains(&PROMPT_MAX.to_string()));
        // Only languages the app speaks, and not English.
        for tag in ["en", "fr", "AR"] {
            def.translations = BTreeMap::from([(tag.to_owned(), BTreeMap::new())]);
            assert_eq!(validate_form(&def).unwrap_err().field, "translations");
        }
        // Not too many entries.
        let many: Vec<(String, String)> = (0..=TRANSLATIONS_MAX)
            .map(|i| (format!("text {i}"), "نص".to_owned()))
            .collect();
        def.translations = BTreeMap::from([("ar".to_owned(), many.into_iter().collect())]);
        assert_eq!(validate_form(&def).unwrap_err().field, "translations.ar");
    }
}
