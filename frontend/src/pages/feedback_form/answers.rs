//! The answers as data (made when touched, dropped when empty), who may
//! read them, and the words and faces the form shows for them.

use crate::i18n::{t, tf};
use shared::access::Relationship;
use shared::reviews::{
    form_text, Answer, FormTranslations, FormVersionView, Question, ReaderOption,
};
use yew::prelude::*;

/// Where the answers are, said in the status line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Nothing changed on this visit.
    Quiet,
    /// Kept on the phone; the server's copy is on its way.
    OnPhone,
    /// Kept on the phone with no connection: saved online once back.
    OnPhoneOffline,
    /// The phone would not keep it (full, or a private window).
    NotKept,
    /// On the phone and on the server.
    Saved,
    /// "Send" was pressed with no connection: it sends itself later.
    Queued,
    Sending,
}

impl Status {
    pub fn key(self) -> Option<&'static str> {
        Some(match self {
            Status::Quiet => return None,
            Status::OnPhone => "reviews-status-on-phone",
            Status::OnPhoneOffline => "reviews-status-offline",
            Status::NotKept => "reviews-status-not-kept",
            Status::Saved => "reviews-status-saved",
            Status::Queued => "reviews-status-queued",
            Status::Sending => "reviews-status-sending",
        })
    }
}

/// The answer to one question, made if missing.
pub fn answer_mut<'a>(answers: &'a mut Vec<Answer>, key: &str) -> &'a mut Answer {
    let at = match answers.iter().position(|a| a.question == key) {
        Some(i) => i,
        None => {
            answers.push(Answer {
                question: key.to_string(),
                ..Default::default()
            });
            answers.len() - 1
        }
    };
    &mut answers[at]
}

/// Skipped questions leave no answer behind.
pub fn tidy(answers: &mut Vec<Answer>) {
    answers.retain(|a| !a.is_empty());
}

/// Adds or takes away one key.
pub fn toggle(list: &mut Vec<String>, key: &str, on: bool) {
    list.retain(|k| k != key);
    if on {
        list.push(key.to_string());
    }
}

/// Who will read it: the ones chosen, or the defaults.
pub fn readers<'a>(
    options: &'a [ReaderOption],
    chosen: Option<&[String]>,
) -> Vec<&'a ReaderOption> {
    options
        .iter()
        .filter(|o| match chosen {
            Some(ids) => ids.contains(&o.staff_id),
            None => o.default,
        })
        .collect()
}

pub(super) fn short_role(r: Relationship) -> String {
    t(match r {
        Relationship::Iro => "reviews-role-iro",
        Relationship::SocialWorker => "reviews-role-social-worker",
        Relationship::PersonalAdviser => "reviews-role-personal-adviser",
    })
}

/// "Chris Evans (your IRO) and Sam Patel (your social worker)".
pub fn names_list(readers: &[&ReaderOption]) -> String {
    let names: Vec<String> = readers
        .iter()
        .map(|r| format!("{} ({})", r.name, short_role(r.relationship)))
        .collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => tf(
            "reviews-list-and",
            &[("first", &rest.join(", ")), ("last", last)],
        ),
    }
}

/// The plain sentence that says who will see the answers.
pub fn who_will_see(readers: &[&ReaderOption]) -> String {
    if readers.is_empty() {
        t("reviews-who-sees-nobody")
    } else {
        tf("reviews-who-sees", &[("names", &names_list(readers))])
    }
}

/// A text of the form (title, question, option ...) as the young person
/// reads it: in their language when the form has it, else the English. The
/// second part is `Some("en-GB")` when English stands in on a page in another
/// language, so the element can say so and a screen reader reads it in an
/// English voice.
pub fn say<'a>(form: &'a FormVersionView, english: &'a str) -> (&'a str, Option<&'static str>) {
    use crate::i18n::{language, Lang};
    let lang = language();
    let text = form.text(form_language(), english);
    let english_stands_in = lang != Lang::En && text == english;
    (text, english_stands_in.then_some(Lang::En.tag()))
}

/// The language in use as the forms' translations name it ("en", "ar").
pub(super) fn form_language() -> &'static str {
    crate::i18n::language().setting().as_str()
}

/// The direction for a text in `lang` (from [`say`]): English reads left
/// to right even on a right-to-left page.
pub(super) fn dir_of(lang: Option<&'static str>) -> Option<&'static str> {
    lang.map(|_| "ltr")
}

/// An answer in words, for reading back what was sent, in `lang` where the
/// form's `translations` have the words.
pub fn answer_words(
    q: &Question,
    a: &Answer,
    translations: &FormTranslations,
    lang: &str,
) -> Vec<String> {
    let label =
        |o: &shared::reviews::FormOption| form_text(translations, lang, &o.label).to_string();
    let mut out = Vec::new();
    if let Some(s) = a.scale {
        if let Some(o) = q.option(&s.to_string()) {
            out.push(label(o));
        }
    }
    let picked: Vec<String> = a
        .choices
        .iter()
        .filter_map(|c| q.option(c).map(label))
        .collect();
    if !picked.is_empty() {
        out.push(picked.join(", "));
    }
    if let Some(text) = a.text.as_deref().filter(|t| !t.trim().is_empty()) {
        out.push(text.to_string());
    }
    out
}

/// A face to tap: drawn, so it needs no emoji font; the words beside it
/// carry the meaning.
pub fn face(picture: &str) -> Html {
    let (mouth, filled) = match picture {
        "very_sad" => ("M15 37 Q24 27 33 37", false),
        "sad" => ("M16 35 Q24 30 32 35", false),
        "okay" => ("M16 33 L32 33", false),
        "happy" => ("M16 30 Q24 37 32 30", false),
        _ => ("M14 28 Q24 42 34 28 Z", true),
    };
    html! {
        <svg class={classes!("fb-face-art", format!("fb-face-{picture}"))} viewBox="0 0 48 48" width="48" height="48" aria-hidden="true" focusable="false">
            <circle class="fb-face-head" cx="24" cy="24" r="21" />
            <circle class="fb-face-eye" cx="17" cy="19" r="2.5" />
            <circle class="fb-face-eye" cx="31" cy="19" r="2.5" />
            if picture == "very_sad" {
                <path class="fb-face-tear" d="M15 24 q-2 4 0 5 q2 -1 0 -5 z" />
            }
            <path class={if filled { "fb-face-mouth fb-face-mouth-open" } else { "fb-face-mouth" }} d={mouth} />
        </svg>
    }
}
