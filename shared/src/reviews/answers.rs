//! A young person's answers to a form, and the checks they pass before
//! they are stored.

use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

use super::forms::{Question, QuestionKind};
use super::limits::{chars, FieldError, ANSWERS_MAX, KEY_MAX, OPTIONS_MAX, TEXT_HARD_MAX};

/// One answer. Leave a question out (or send it empty) to skip it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Answer {
    /// The question's key on the form version answered.
    pub question: String,
    /// Faces: 1 (very unhappy) to 5 (very happy).
    #[serde(default)]
    pub scale: Option<u8>,
    /// Choice questions: the keys of the options picked.
    #[serde(default)]
    pub choices: Vec<String>,
    /// Text questions, or a comment with a faces or choice answer.
    #[serde(default)]
    pub text: Option<String>,
}

impl Answer {
    /// Nothing given: the question was skipped.
    pub fn is_empty(&self) -> bool {
        self.scale.is_none()
            && self.choices.is_empty()
            && self.text.as_deref().is_none_or(|t| t.trim().is_empty())
    }
}

/// Checks that need no form: how many answers, and no text longer than any
/// form could allow. The server runs these before it looks anything up.
pub fn check_answer_sizes(answers: &[Answer]) -> Result<(), FieldError> {
    if answers.len() > ANSWERS_MAX {
        return Err(FieldError::new(
            "answers",
            format!("A form has at most {ANSWERS_MAX} answers."),
        ));
    }
    for a in answers {
        if a.question.is_empty() || a.question.len() > KEY_MAX {
            return Err(FieldError::new(
                "answers",
                "Each answer must name its question.",
            ));
        }
        if a.text.as_deref().is_some_and(|t| chars(t) > TEXT_HARD_MAX) {
            return Err(FieldError::new(
                format!("answers.{}.text", a.question),
                format!(
                    "That is too long. Keep it under {TEXT_HARD_MAX} letters, or say the rest at your review."
                ),
            ));
        }
        if a.choices.len() > OPTIONS_MAX {
            return Err(FieldError::new(
                format!("answers.{}.choices", a.question),
                "Too many choices.",
            ));
        }
    }
    Ok(())
}

/// Checks answers against the questions of the form version they answer,
/// and gives them back tidied: skips dropped, text trimmed, in the form's
/// question order. Every question may be skipped.
pub fn validate_answers(
    questions: &[Question],
    answers: &[Answer],
) -> Result<Vec<Answer>, FieldError> {
    check_answer_sizes(answers)?;
    let mut seen = BTreeSet::new();
    let mut out: Vec<(usize, Answer)> = Vec::with_capacity(answers.len());
    for a in answers {
        let field = |part: &str| format!("answers.{}{part}", a.question);
        let Some((pos, q)) = questions
            .iter()
            .enumerate()
            .find(|(_, q)| q.key == a.question)
        else {
            return Err(FieldError::new(
                field(""),
                format!("There is no question \"{}\" on this form.", a.question),
            ));
        };
        if !seen.insert(a.question.as_str()) {
            return Err(FieldError::new(
                field(""),
                "This question is answered twice.",
            ));
        }
        let text = a
            .text
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned);
        if text.is_some() && !q.takes_text() {
            return Err(FieldError::new(
                field(".text"),
                "This question does not take words.",
            ));
        }
        if let Some(problem) = text.as_deref().and_then(crate::text_checks::text_problem) {
            return Err(FieldError::new(field(".text"), problem));
        }
        if let Some(t) = &text {
            let max = q.text_limit();
            if chars(t) > max {
                return Err(FieldError::new(
                    field(".text"),
                    format!(
                        "That is too long. Keep it under {max} letters, or say the rest at your review."
                    ),
                ));
            }
        }
        match q.kind {
            QuestionKind::Faces => {
                if !a.choices.is_empty() {
                    return Err(FieldError::new(
                        field(".choices"),
                        "Pick a face for this question.",
                    ));
                }
                if a.scale.is_some_and(|s| !(1..=5).contains(&s)) {
                    return Err(FieldError::new(
                        field(".scale"),
                        "Pick one of the five faces (1 to 5).",
                    ));
                }
            }
            QuestionKind::Text => {
                if a.scale.is_some() || !a.choices.is_empty() {
                    return Err(FieldError::new(
                        field(""),
                        "This question takes words only.",
                    ));
                }
            }
            QuestionKind::OneChoice | QuestionKind::ManyChoices => {
                if a.scale.is_some() {
                    return Err(FieldError::new(
                        field(".scale"),
                        "Pick from the choices for this question.",
                    ));
                }
                if q.kind == QuestionKind::OneChoice && a.choices.len() > 1 {
                    return Err(FieldError::new(
                        field(".choices"),
                        "Pick just one for this question.",
                    ));
                }
                let mut picked = BTreeSet::new();
                for c in &a.choices {
                    if q.option(c).is_none() {
                        return Err(FieldError::new(
                            field(".choices"),
                            format!("\"{c}\" is not one of the choices."),
                        ));
                    }
                    if !picked.insert(c.as_str()) {
                        return Err(FieldError::new(
                            field(".choices"),
                            format!("\"{c}\" is picked twice."),
                        ));
                    }
                }
            }
        }
        let tidy = Answer {
            question: a.question.clone(),
            scale: a.scale,
            choices: a.choices.clone(),
            text,
        };
        if !tidy.is_empty() {
            out.push((pos, tidy));
        }
    }
    out.sort_by_key(|(pos, _)| *pos);
    Ok(out.into_iter().map(|(_, a)| a).collect())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::reviews::fixtures::*;

    #[test]
    fn answers_are_tidied_and_skips_dropped() {
        let got = validate_answers(
            &form(),
            &[
                Answer {
                    text: Some("  more  ".into()),
                    ..a("better")
                },
                a("who"),
                Answer {
                    scale: Some(4),
                    text: Some("ok".into()),
                    ..a("home")
                },
            ],
        )
        .unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].question, "home");
        assert_eq!(got[1].text.as_deref(), Some("more"));
        assert!(validate_answers(&form(), &[]).unwrap().is_empty());
    }

    #[test]
    fn bad_answers_name_their_field() {
        let err = |answers: &[Answer]| validate_answers(&form(), answers).unwrap_err();
        assert_eq!(err(&[a("pets")]).field, "answers.pets");
        assert_eq!(
            err(&[Answer {
                scale: Some(6),
                ..a("home")
            }])
            .field,
            "answers.home.scale"
        );
        assert_eq!(
            err(&[Answer {
                text: Some("x".repeat(21)),
                ..a("better")
            }])
            .field,
            "answers.better.text"
        );
        assert_eq!(
            err(&[Answer {
                choices: vec!["dad".into()],
                ..a("who")
            }])
            .field,
            "answers.who.choices"
        );
        assert_eq!(
            err(&[Answer {
                choices: vec!["carer".into(), "mum".into()],
                ..a("how")
            }])
            .field,
            "answers.how.choices"
        );
        assert_eq!(
            err(&[
                Answer {
                    scale: Some(1),
                    ..a("home")
                },
                Answer {
                    scale: Some(2),
                    ..a("home")
                }
            ])
            .field,
            "answers.home"
        );
        assert_eq!(
            err(&[Answer {
                text: Some("x".into()),
                ..a("who")
            }])
            .field,
            "answers.who.text"
        );
        assert_eq!(
            check_answer_sizes(&[Answer {
                text: Some("x".repeat(TEXT_HARD_MAX + 1)),
                ..a("better")
            }])
            .unwrap_err()
            .field,
            "answers.better.text"
        );
    }
}
