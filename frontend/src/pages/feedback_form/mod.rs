//! The "good for me" form, for a young person's next review. The form is
//! data from the API (questions of four kinds, in the version for their
//! age); every question can be skipped. Answers are kept on the phone as
//! they are typed and on the server when there is a connection (see
//! `feedback_drafts`), so nothing is lost offline, on closing the app or
//! in a crash. "Send" with no connection waits and sends itself once the
//! phone is back online; the same submission id every time means a retry
//! never sends two copies. The young person chooses who reads it and is
//! told in words who will.
//!
//! `answers` holds the pure rules, `engine` the saving and sending,
//! `page`, `question` and `sent` the parts of the screen.

mod answers;
mod engine;
mod page;
mod question;
mod sent;

pub use page::FeedbackFormPage;

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::answers::*;
    use crate::i18n::t;
    use shared::access::Relationship;
    use shared::reviews::{
        faces, Answer, FormOption, FormTranslations, FormVersionView, Question, QuestionKind,
        ReaderOption,
    };

    fn reader(id: &str, name: &str, relationship: Relationship, default: bool) -> ReaderOption {
        ReaderOption {
            staff_id: id.into(),
            name: name.into(),
            relationship,
            default,
        }
    }

    #[test]
    fn answers_are_made_when_touched_and_dropped_when_empty() {
        let mut answers = vec![];
        answer_mut(&mut answers, "home").scale = Some(4);
        answer_mut(&mut answers, "better").text = Some("More visits".into());
        answer_mut(&mut answers, "home").text = Some("I like my room".into());
        assert_eq!(answers.len(), 2);
        assert_eq!(answers[0].scale, Some(4));
        answer_mut(&mut answers, "better").text = Some(String::new());
        answer_mut(&mut answers, "who");
        tidy(&mut answers);
        assert_eq!(answers.len(), 1);
        let mut list = vec!["a".to_string()];
        toggle(&mut list, "b", true);
        toggle(&mut list, "a", false);
        toggle(&mut list, "b", true);
        assert_eq!(list, vec!["b"]);
    }

    #[test]
    fn the_readers_are_the_defaults_until_the_young_person_chooses() {
        let options = vec![
            reader("iro", "Chris Evans", Relationship::Iro, true),
            reader("sw", "Sam Patel", Relationship::SocialWorker, true),
            reader("pa", "Jo Okafor", Relationship::PersonalAdviser, false),
        ];
        let names =
            |r: Vec<&ReaderOption>| r.iter().map(|o| o.staff_id.clone()).collect::<Vec<_>>();
        assert_eq!(names(readers(&options, None)), vec!["iro", "sw"]);
        let chosen = vec!["pa".to_string()];
        assert_eq!(names(readers(&options, Some(&chosen))), vec!["pa"]);
        assert!(readers(&options, Some(&[])).is_empty());
        let two = readers(&options, None);
        assert_eq!(
            who_will_see(&two),
            "Only Chris Evans (your IRO) and Sam Patel (your social worker) will see your answers. They will read them before your review."
        );
        let three = readers(&options, Some(&["iro".into(), "sw".into(), "pa".into()]));
        assert!(names_list(&three)
            .starts_with("Chris Evans (your IRO), Sam Patel (your social worker) and Jo Okafor"));
        assert!(who_will_see(&[]).starts_with("Nobody is chosen"));
    }

    #[test]
    fn sent_answers_read_back_in_words() {
        let q = Question {
            key: "home".into(),
            kind: QuestionKind::Faces,
            prompt: "How do you feel about where you live?".into(),
            help: None,
            picture: None,
            emoji: None,
            priority: None,
            commitment: None,
            options: faces(["Really unhappy", "Unhappy", "OK", "Happy", "Really happy"]),
            allow_comment: true,
            max_chars: None,
        };
        let a = Answer {
            question: "home".into(),
            scale: Some(5),
            choices: vec![],
            text: Some("I like my room.".into()),
        };
        let none = FormTranslations::new();
        assert_eq!(
            answer_words(&q, &a, &none, "en"),
            vec!["Really happy", "I like my room."]
        );
        // Read back in Arabic where the form has the words; the young
        // person's own words stay as they wrote them.
        let arabic = FormTranslations::from([(
            "ar".to_string(),
            [("Really happy".to_string(), "سعيد جدًا".to_string())].into(),
        )]);
        assert_eq!(
            answer_words(&q, &a, &arabic, "ar"),
            vec!["سعيد جدًا", "I like my room."]
        );
        assert_eq!(answer_words(&q, &a, &arabic, "en")[0], "Really happy");
        let who = Question {
            key: "who".into(),
            kind: QuestionKind::ManyChoices,
            options: vec![
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
            allow_comment: false,
            ..q
        };
        let a = Answer {
            question: "who".into(),
            choices: vec!["mum".into(), "carer".into()],
            ..Default::default()
        };
        assert_eq!(answer_words(&who, &a, &arabic, "ar"), vec!["Mum, My carer"]);
    }

    #[test]
    fn the_form_reads_in_the_young_persons_language_or_in_marked_english() {
        use crate::i18n::{in_language, Lang};
        let form = FormVersionView {
            id: "v1".into(),
            key: shared::reviews::FormKey::From8To11,
            version: 1,
            title: "My review: what I think".into(),
            intro: "Tell your IRO what you think.".into(),
            with_adult: None,
            questions: vec![],
            published_at: chrono::DateTime::<chrono::Utc>::default(),
            translations: FormTranslations::from([(
                "ar".to_string(),
                [(
                    "My review: what I think".to_string(),
                    "مراجعتي: ما رأيي".to_string(),
                )]
                .into(),
            )]),
        };
        in_language(Lang::Ar, || {
            assert_eq!(say(&form, &form.title), ("مراجعتي: ما رأيي", None));
            // Not translated yet: English, marked as English.
            assert_eq!(
                say(&form, &form.intro),
                ("Tell your IRO what you think.", Some("en-GB"))
            );
        });
        in_language(Lang::En, || {
            assert_eq!(say(&form, &form.title), ("My review: what I think", None));
        });
    }

    #[test]
    fn every_status_has_words() {
        for s in [
            Status::OnPhone,
            Status::OnPhoneOffline,
            Status::NotKept,
            Status::Saved,
            Status::Queued,
            Status::Sending,
        ] {
            let key = s.key().unwrap();
            assert_ne!(t(key), key, "{key} has no English");
        }
        assert!(t("reviews-status-on-phone").starts_with("Saved on this phone"));
        assert_eq!(Status::Quiet.key(), None);
    }
}
