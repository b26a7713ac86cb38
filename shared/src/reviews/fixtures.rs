//! Dates, questions and answers the tests of the review modules share.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use std::collections::BTreeMap;

use super::answers::Answer;
use super::forms::{faces, FormOption, Question, QuestionKind};
use super::translations::FormTranslations;

pub(crate) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub(crate) fn q(key: &str, kind: QuestionKind) -> Question {
    Question {
        key: key.into(),
        kind,
        prompt: format!("{key}?"),
        help: None,
        picture: None,
        emoji: None,
        priority: None,
        commitment: None,
        options: match kind {
            QuestionKind::Faces => faces(["a", "b", "c", "d", "e"]),
            QuestionKind::OneChoice | QuestionKind::ManyChoices => vec![
                FormOption {
                    key: "carer".into(),
                    label: "My carer".into(),
                    picture: None,
                    emoji: None,
                },
                FormOption {
                    key: "mum".into(),
                    label: "Mum".into(),
                    picture: None,
                    emoji: None,
                },
            ],
            QuestionKind::Text => vec![],
        },
        allow_comment: kind == QuestionKind::Faces,
        max_chars: Some(20),
    }
}

pub(crate) fn form() -> Vec<Question> {
    vec![
        q("home", QuestionKind::Faces),
        q("who", QuestionKind::ManyChoices),
        q("how", QuestionKind::OneChoice),
        q("better", QuestionKind::Text),
    ]
}

pub(crate) fn a(question: &str) -> Answer {
    Answer {
        question: question.into(),
        ..Default::default()
    }
}

pub(crate) fn arabic(pairs: &[(&str, &str)]) -> FormTranslations {
    let dict = pairs
        .iter()
        .map(|(e, a)| ((*e).to_owned(), (*a).to_owned()))
        .collect();
    BTreeMap::from([("ar".to_owned(), dict)])
}
