//! Reviews and "good for me" feedback forms: the API bodies, and the pure
//! rules the app needs as well as the server (form and answer validation,
//! who will read a child's answers, when "out of hours" is, the anonymous
//! totals with small groups hidden).
//!
//! Forms are data, not code: an administrator revises a form by publishing a
//! new version, and every answer keeps the id of the version it answered, so
//! an old answer still reads with the questions it was given. Every question
//! can be skipped: an answer that is missing, or empty, is a skip.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Timelike, Utc, Weekday};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

use crate::access::Relationship;
use crate::care_status::CareEpisode;
use crate::people::AgeBand;
use crate::plain_language::PlainLanguageReport;
use crate::review_schedule::{ReviewDue, ReviewKind, ReviewPolicy};

// ---------------------------------------------------------------------------
// Limits
// ---------------------------------------------------------------------------

/// The longest free-text answer any form may allow, in characters.
pub const TEXT_HARD_MAX: usize = 2000;
/// A text question's limit when the form does not say.
pub const TEXT_DEFAULT_MAX: usize = 1000;
/// At most this many answers in one form.
pub const ANSWERS_MAX: usize = 60;
pub const QUESTIONS_MAX: usize = 40;
pub const KEY_MAX: usize = 40;
pub const TITLE_MAX: usize = 100;
pub const INTRO_MAX: usize = 1000;
pub const PROMPT_MAX: usize = 300;
pub const HELP_MAX: usize = 500;
pub const OPTION_LABEL_MAX: usize = 80;
pub const OPTIONS_MAX: usize = 12;
pub const PLACE_MAX: usize = 200;
pub const INVITED_MAX: usize = 20;
pub const INVITED_NAME_MAX: usize = 100;
/// Outcomes and decisions of a review, each.
pub const OUTCOME_MAX: usize = 4000;
/// A "you said, we did" answer, a request for an earlier review, a
/// response to a safeguarding alert.
pub const MESSAGE_MAX: usize = 2000;
/// Groups with fewer answers than this are never shown in totals.
pub const MIN_GROUP: u32 = 5;
/// Childline, free, any time (shown with the kind message).
pub const CHILDLINE_PHONE: &str = "0800 1111";
/// Office hours for safeguarding alerts, minutes after local midnight,
/// Monday to Friday except bank holidays. Outside them the duty team is
/// alerted instead of the named worker.
pub const OFFICE_OPENS_MINUTE: u32 = 9 * 60;
pub const OFFICE_CLOSES_MINUTE: u32 = 17 * 60;

/// A value that is not acceptable, and the request field it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> FieldError {
        FieldError {
            field: field.into(),
            message: message.into(),
        }
    }
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

// ---------------------------------------------------------------------------
// "Good for me": the five priorities and the six commitments (seed 002)
// ---------------------------------------------------------------------------

/// The strategy's five "good for me" priorities, in the children's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    BeingLookedAfter,
    SafeCaringRelationships,
    EducationHealthSafety,
    IndependentAdult,
    SocialWorkers,
}

impl Priority {
    pub const ALL: [Priority; 5] = [
        Priority::BeingLookedAfter,
        Priority::SafeCaringRelationships,
        Priority::EducationHealthSafety,
        Priority::IndependentAdult,
        Priority::SocialWorkers,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Priority::BeingLookedAfter => "being_looked_after",
            Priority::SafeCaringRelationships => "safe_caring_relationships",
            Priority::EducationHealthSafety => "education_health_safety",
            Priority::IndependentAdult => "independent_adult",
            Priority::SocialWorkers => "social_workers",
        }
    }

    pub fn parse(s: &str) -> Option<Priority> {
        Priority::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// The Child Friendly Guide's heading.
    pub fn title(self) -> &'static str {
        match self {
            Priority::BeingLookedAfter => "Being looked after will be good for me",
            Priority::SafeCaringRelationships => "Safe and caring relationships are good for me",
            Priority::EducationHealthSafety => {
                "Education, health and safe behaviours are good for me"
            }
            Priority::IndependentAdult => {
                "Becoming a successful, independent, secure and safe adult is good for me"
            }
            Priority::SocialWorkers => {
                "Social workers who make a positive difference are good for me"
            }
        }
    }
}

/// Bexley's six commitments ("Our commitment to you is").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Commitment {
    BeThereForMe,
    UnderstandMyPast,
    KeepMeSafe,
    SucceedAtSchool,
    HealthyLife,
    RightsAndResponsibilities,
}

impl Commitment {
    pub const ALL: [Commitment; 6] = [
        Commitment::BeThereForMe,
        Commitment::UnderstandMyPast,
        Commitment::KeepMeSafe,
        Commitment::SucceedAtSchool,
        Commitment::HealthyLife,
        Commitment::RightsAndResponsibilities,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Commitment::BeThereForMe => "Be there for me when I'm happy or sad",
            Commitment::UnderstandMyPast => "Help me to understand my past",
            Commitment::KeepMeSafe => "Help to keep me safe and to understand safe relationships",
            Commitment::SucceedAtSchool => "Help me succeed at school",
            Commitment::HealthyLife => "Help me to understand how to lead a healthy life",
            Commitment::RightsAndResponsibilities => {
                "Help me to understand my rights and responsibilities"
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Forms
// ---------------------------------------------------------------------------

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
    /// (see [`FormTranslations`]). Leave out (or empty) to keep the
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
    /// [`FormTranslations`]). A young person gets only their own language's
    /// when they have chosen one.
    #[serde(default)]
    pub translations: BTreeMap<String, BTreeMap<String, String>>,
}

impl FormVersionView {
    /// `english` (a text of this form) in `lang`, or the English itself.
    pub fn text<'a>(&'a self, lang: &str, english: &'a str) -> &'a str {
        form_text(&self.translations, lang, english)
    }
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

// ---------------------------------------------------------------------------
// A form's words in other languages
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// Who reads a child's answers
// ---------------------------------------------------------------------------

/// One of the young person's workers who could read their answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReaderOption {
    /// The worker's id (what `readers` names).
    pub staff_id: String,
    pub name: String,
    pub relationship: Relationship,
    /// Chosen unless the young person says otherwise.
    pub default: bool,
}

/// "your IRO", "your social worker".
pub fn short_role(r: Relationship) -> &'static str {
    match r {
        Relationship::SocialWorker => "your social worker",
        Relationship::PersonalAdviser => "your personal adviser",
        Relationship::Iro => "your IRO",
    }
}

/// The default readers among a young person's current workers: their IRO
/// and social worker; a care leaver with neither gets their personal
/// adviser.
pub fn default_readers(workers: &[(String, Relationship)]) -> Vec<String> {
    let pick: Vec<String> = workers
        .iter()
        .filter(|(_, r)| matches!(r, Relationship::Iro | Relationship::SocialWorker))
        .map(|(id, _)| id.clone())
        .collect();
    if pick.is_empty() {
        workers.iter().map(|(id, _)| id.clone()).collect()
    } else {
        pick
    }
}

/// The plain sentence that says who will see the answers.
pub fn who_will_see(readers: &[ReaderOption]) -> String {
    let names: Vec<String> = readers
        .iter()
        .map(|r| format!("{} ({})", r.name, short_role(r.relationship)))
        .collect();
    let list = match names.as_slice() {
        [] => return "Nobody is chosen to read this yet. Choose at least one person.".to_owned(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    };
    format!(
        "Only {list} will see your answers. They will read them before your review. If you write something that makes us worried about your safety, we will also tell your worker (or the duty team, out of hours) so that someone can help."
    )
}

// ---------------------------------------------------------------------------
// Safeguarding
// ---------------------------------------------------------------------------

/// Whether a local time (the council's zone) is out of office hours:
/// evenings, nights, weekends and bank holidays. The duty team answers then.
pub fn out_of_hours(local: NaiveDateTime) -> bool {
    let date = local.date();
    let minute = local.hour() * 60 + local.minute();
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
        || crate::bank_holidays::is_bank_holiday(date)
        || !(OFFICE_OPENS_MINUTE..OFFICE_CLOSES_MINUTE).contains(&minute)
}

/// What a young person sees when their words suggest they may be at risk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SupportMessage {
    /// [`crate::text_checks::kind_message_for_harm`].
    pub message: String,
    pub childline_phone: String,
    /// The council's duty desk, day or night.
    pub duty_phone: String,
}

impl SupportMessage {
    pub fn new(duty_phone: &str) -> SupportMessage {
        SupportMessage {
            message: format!(
                "{} You can also call the duty desk on {duty_phone}.",
                crate::text_checks::kind_message_for_harm()
            ),
            childline_phone: CHILDLINE_PHONE.to_owned(),
            duty_phone: duty_phone.to_owned(),
        }
    }
}

/// Who was alerted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AlertRoute {
    /// The young person's social worker (else personal adviser), in hours.
    NamedWorker,
    /// Out of hours, or no named worker: the council's duty team.
    DutyTeam,
}

impl AlertRoute {
    pub fn as_str(self) -> &'static str {
        match self {
            AlertRoute::NamedWorker => "named_worker",
            AlertRoute::DutyTeam => "duty_team",
        }
    }
    pub fn parse(s: &str) -> Option<AlertRoute> {
        [AlertRoute::NamedWorker, AlertRoute::DutyTeam]
            .into_iter()
            .find(|r| r.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AlertResponseView {
    pub response: String,
    pub by: String,
    pub at: DateTime<Utc>,
}

/// A safeguarding alert: tracked until someone records a response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AlertView {
    pub id: String,
    pub young_person_id: String,
    pub young_person_name: String,
    pub raised_at: DateTime<Utc>,
    /// `feedback` or `review_request`.
    pub source: String,
    /// The words that raised it, as the young person wrote them.
    pub phrases: Vec<String>,
    /// What the young person wrote around them.
    pub excerpt: String,
    pub routed_to: AlertRoute,
    /// The people alerted at once.
    pub alerted: Vec<String>,
    pub response: Option<AlertResponseView>,
}

/// `POST /api/safeguarding-alerts/response`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AlertResponse {
    pub alert_id: String,
    /// What was done: "Called Leo's carer; visited today; Leo is safe."
    pub response: String,
}

// ---------------------------------------------------------------------------
// Reviews
// ---------------------------------------------------------------------------

/// How the young person wants to take part in the meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Participation {
    #[default]
    NotDecided,
    /// Come to the meeting.
    Attend,
    /// Chair the meeting, with the IRO's help.
    Chair,
    /// Lead part of it: start it, or give their own views.
    Lead,
    /// Not come, and send their views instead.
    SendViews,
}

impl Participation {
    pub const ALL: [Participation; 5] = [
        Participation::NotDecided,
        Participation::Attend,
        Participation::Chair,
        Participation::Lead,
        Participation::SendViews,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Participation::NotDecided => "not_decided",
            Participation::Attend => "attend",
            Participation::Chair => "chair",
            Participation::Lead => "lead",
            Participation::SendViews => "send_views",
        }
    }

    pub fn parse(s: &str) -> Option<Participation> {
        Participation::ALL.into_iter().find(|p| p.as_str() == s)
    }

    /// Said to the child.
    pub fn plain(self) -> &'static str {
        match self {
            Participation::NotDecided => "You have not decided yet how to take part.",
            Participation::Attend => "You will come to the meeting.",
            Participation::Chair => "You will chair the meeting, with your IRO's help.",
            Participation::Lead => "You will lead part of the meeting yourself.",
            Participation::SendViews => "You will send your views instead of coming.",
        }
    }
}

/// Where a review stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    Booked,
    Held,
    Cancelled,
}

impl ReviewStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewStatus::Booked => "booked",
            ReviewStatus::Held => "held",
            ReviewStatus::Cancelled => "cancelled",
        }
    }
    pub fn parse(s: &str) -> Option<ReviewStatus> {
        [
            ReviewStatus::Booked,
            ReviewStatus::Held,
            ReviewStatus::Cancelled,
        ]
        .into_iter()
        .find(|x| x.as_str() == s)
    }
}

/// "09:30" to minutes after midnight.
pub fn parse_time(s: &str) -> Option<u16> {
    let (h, m) = s.trim().split_once(':')?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    let h: u16 = h.parse().ok()?;
    let m: u16 = m.parse().ok()?;
    (h < 24 && m < 60).then_some(h * 60 + m)
}

/// Minutes after midnight to "09:30".
pub fn format_time(minute: u16) -> String {
    format!("{:02}:{:02}", (minute / 60) % 24, minute % 60)
}

/// The start of the time in care that covers `today`: episodes that touch
/// or overlap join up (a move between placements is not a new episode).
pub fn current_period_start(episodes: &[CareEpisode], today: NaiveDate) -> Option<NaiveDate> {
    let mut sorted: Vec<CareEpisode> = episodes.to_vec();
    sorted.sort_by_key(|e| e.start);
    // Joined periods: (start, end), end None while open.
    let mut periods: Vec<(NaiveDate, Option<NaiveDate>)> = Vec::new();
    for e in sorted {
        match periods.last_mut() {
            Some((_, end)) if end.is_none_or(|x| e.start <= x) => {
                *end = match (*end, e.end) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    _ => None,
                };
            }
            _ => periods.push((e.start, e.end)),
        }
    }
    periods
        .into_iter()
        .find(|(s, end)| *s <= today && end.is_none_or(|x| today < x))
        .map(|(s, _)| s)
}

/// The review kind in words.
pub fn kind_words(kind: ReviewKind) -> &'static str {
    match kind {
        ReviewKind::First => "first review",
        ReviewKind::Second => "second review",
        ReviewKind::Subsequent => "six-monthly review",
        ReviewKind::PathwayPlan => "pathway plan review",
    }
}

/// The statutory schedule as staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ScheduleView {
    /// The next review's last allowed day.
    pub next: ReviewDue,
    /// The next few, assuming each is held on its due date.
    pub upcoming: Vec<ReviewDue>,
    /// The council's promise in force.
    pub policy: ReviewPolicy,
    /// The rule in plain words.
    pub rule: String,
    /// The date is outside the bank holiday table: only weekends skipped.
    pub bank_holidays_unknown: bool,
}

/// The statutory schedule for one young person: looked-after reviews while
/// in care (from the start of the current time in care), else pathway plan
/// reviews for a care leaver (6 months from the last review held, or from
/// leaving care if none since). `None` when no review is due.
pub fn schedule(
    dob: NaiveDate,
    episodes: &[CareEpisode],
    reviews_held: &[NaiveDate],
    policy: ReviewPolicy,
    today: NaiveDate,
) -> Option<ScheduleView> {
    let summary = crate::care_status::care_summary(dob, episodes, today, false);
    if summary.looked_after_now {
        let start = current_period_start(episodes, today)?;
        let upcoming =
            crate::review_schedule::upcoming_reviews(start, reviews_held, policy, today, 3);
        let next = *upcoming.first()?;
        let promise = if policy.first_review_within_calendar_month {
            " (this council promises within a month of coming into care, when that is sooner)"
        } else {
            ""
        };
        Some(ScheduleView {
            next,
            upcoming,
            policy,
            rule: format!(
                "The first review is held within 20 working days of coming into care{promise}, the second within 3 months of the first, then at least every 6 months."
            ),
            bank_holidays_unknown: next.kind == ReviewKind::First
                && !(crate::bank_holidays::is_covered(start)
                    && crate::bank_holidays::is_covered(next.due)),
        })
    } else if summary.category != crate::people::CareLeaverCategory::None {
        let left_care = episodes
            .iter()
            .filter_map(|e| e.end)
            .filter(|d| *d <= today)
            .max();
        let last_review = reviews_held.iter().copied().filter(|d| *d <= today).max();
        let base = last_review.max(left_care)?;
        let upcoming = crate::review_schedule::upcoming_pathway_plan_reviews(base, today, 3);
        let next = *upcoming.first()?;
        Some(ScheduleView {
            next,
            upcoming,
            policy,
            rule: "A pathway plan is reviewed at least every 6 months.".to_owned(),
            bank_holidays_unknown: false,
        })
    } else {
        None
    }
}

/// A review as staff see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffReview {
    pub id: String,
    pub kind: ReviewKind,
    pub status: ReviewStatus,
    pub date: NaiveDate,
    pub start_time: Option<String>,
    pub end_time: Option<String>,
    pub place: String,
    pub invited: Vec<String>,
    pub participation: Participation,
    pub brought_forward: bool,
    pub chair: Option<String>,
    pub held_on: Option<NaiveDate>,
    pub outcomes: Option<String>,
    pub decisions: Option<String>,
    /// The plain-language check of outcomes and decisions for the child's age.
    pub checks: Vec<OutcomeCheck>,
    pub override_reason: Option<String>,
    pub feedback_sent: bool,
    pub feedback_answered: bool,
}

/// One part of the outcome, checked for the child's age band.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OutcomeCheck {
    /// `outcomes` or `decisions`.
    pub part: String,
    pub report: PlainLanguageReport,
}

/// A young person's request for an earlier review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewRequestView {
    pub id: String,
    pub message: Option<String>,
    pub asked_at: DateTime<Utc>,
    pub resolved_at: Option<DateTime<Utc>>,
}

/// `GET /api/people/{id}/reviews`: one young person's reviews and schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffReviewsView {
    pub young_person_id: String,
    pub name: String,
    pub age_band: AgeBand,
    /// None when no review is due (not in care and not a care leaver).
    pub schedule: Option<ScheduleView>,
    /// Newest first.
    pub reviews: Vec<StaffReview>,
    pub requests: Vec<ReviewRequestView>,
}

/// `POST /api/people/{id}/reviews`: book a review.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewReview {
    pub date: NaiveDate,
    /// "16:00".
    #[serde(default)]
    pub start_time: Option<String>,
    #[serde(default)]
    pub end_time: Option<String>,
    /// Somewhere the young person knows ("At home", "At school").
    pub place: String,
    /// Who is invited, in words ("Your foster carers", "Sam, your social worker").
    #[serde(default)]
    pub invited: Vec<String>,
    #[serde(default)]
    pub participation: Participation,
    /// Held sooner than the schedule needs (the young person asked, or
    /// something changed). Answers the young person's open requests.
    #[serde(default)]
    pub brought_forward: bool,
}

/// `PATCH /api/people/{id}/reviews`: change a booked review (only what is
/// given changes), or cancel it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewChange {
    pub review_id: String,
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// Send "" to clear.
    #[serde(default)]
    pub start_time: Option<String>,
    #[serde(default)]
    pub end_time: Option<String>,
    #[serde(default)]
    pub place: Option<String>,
    #[serde(default)]
    pub invited: Option<Vec<String>>,
    #[serde(default)]
    pub participation: Option<Participation>,
    #[serde(default)]
    pub brought_forward: Option<bool>,
    #[serde(default)]
    pub cancel: bool,
}

/// `POST /api/people/{id}/reviews/outcome`: the review was held; what was
/// decided, in plain words for the young person.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewOutcome {
    pub review_id: String,
    pub held_on: NaiveDate,
    /// What we talked about and how things are going.
    pub outcomes: String,
    /// What was decided, and who will do what.
    pub decisions: String,
    /// Needed when the words fail the plain-language check for the young
    /// person's age: why they must stay as they are.
    #[serde(default)]
    pub override_reason: Option<String>,
}

/// One row of the reviews list (IROs, managers, workers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewListRow {
    pub young_person_id: String,
    pub name: String,
    pub next_due: Option<ReviewDue>,
    pub overdue: bool,
    /// The next booked review, if any.
    pub booked_id: Option<String>,
    pub booked_date: Option<NaiveDate>,
    /// Booked for a day after the review is due.
    pub booked_late: bool,
    pub chair: Option<String>,
    /// The young person has sent their views for the booked review.
    pub feedback_sent: bool,
    /// Open requests for an earlier review.
    pub open_requests: u32,
}

/// A young person's next review, as they see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyReview {
    pub id: String,
    pub date: NaiveDate,
    pub start_time: Option<String>,
    pub end_time: Option<String>,
    pub place: String,
    /// "Chris Evans, your IRO".
    pub chair: Option<String>,
    pub invited: Vec<String>,
    pub participation: Participation,
    pub participation_words: String,
    pub days_to_go: i64,
    pub feedback: FeedbackState,
    /// The form to fill for it.
    pub form: FormKey,
}

/// Where the young person's views for a review are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FeedbackState {
    NotStarted,
    DraftSaved,
    Sent,
}

/// "You said, we did": the IRO's answer to the young person's views.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct YouSaidWeDid {
    pub answer: String,
    pub by: String,
    pub at: DateTime<Utc>,
}

/// A review that has happened, as the young person sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyPastReview {
    pub id: String,
    pub held_on: NaiveDate,
    pub outcomes: Option<String>,
    pub decisions: Option<String>,
    pub you_said_we_did: Option<YouSaidWeDid>,
}

/// `GET /api/me/reviews`: the "My review" screen.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyReviews {
    pub next: Option<MyReview>,
    /// When the next review must happen by.
    pub due: Option<ReviewDue>,
    /// Newest first.
    pub past: Vec<MyPastReview>,
    /// An open request for an earlier review.
    pub asked_for_earlier: bool,
    /// What a review is, in a sentence.
    pub about: String,
}

/// `PUT /api/me/reviews/participation`: the young person says how they
/// want to take part in their booked review.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyParticipation {
    pub review_id: String,
    pub participation: Participation,
}

/// The participation a sent form chose with its `take_part` question (the
/// seeded forms' option keys are [`Participation`] keys), if any.
pub fn participation_from_answers(answers: &[Answer]) -> Option<Participation> {
    answers
        .iter()
        .find(|a| a.question == TAKE_PART)
        .and_then(|a| match a.choices.as_slice() {
            [one] => Participation::parse(one),
            _ => None,
        })
}

/// The form question that asks how the young person wants to take part.
pub const TAKE_PART: &str = "take_part";

/// `POST /api/me/reviews/requests`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewReviewRequest {
    /// Why, if they want to say.
    #[serde(default)]
    pub message: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewRequestSent {
    pub id: String,
    /// "We told Chris Evans (your IRO) and Sam Patel (your social worker)."
    pub told: String,
    pub support: Option<SupportMessage>,
}

// ---------------------------------------------------------------------------
// Feedback
// ---------------------------------------------------------------------------

/// A saved draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DraftView {
    pub form_id: String,
    pub answers: Vec<Answer>,
    pub readers: Option<Vec<String>>,
    pub updated_at: DateTime<Utc>,
}

/// `PUT /api/me/feedback/draft`: replaces the draft for this review (the
/// last write wins).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SaveDraft {
    pub review_id: String,
    pub form_id: String,
    #[serde(default)]
    pub answers: Vec<Answer>,
    /// Who should read it; leave out for the default.
    #[serde(default)]
    pub readers: Option<Vec<String>>,
}

/// `POST /api/me/feedback`: send the answers.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SendFeedback {
    /// Made by the app once per form (a UUID): sending again with the same
    /// id answers the same result and stores nothing twice.
    pub submission_id: String,
    pub review_id: String,
    pub form_id: String,
    #[serde(default)]
    pub answers: Vec<Answer>,
    /// Who should read it (staff ids from the reader options); leave out
    /// for the default: their IRO and social worker.
    #[serde(default)]
    pub readers: Option<Vec<String>>,
}

/// What sending answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SentFeedback {
    pub id: String,
    pub submission_id: String,
    pub review_id: String,
    pub submitted_at: DateTime<Utc>,
    pub readers: Vec<ReaderOption>,
    pub who_will_see: String,
    /// Set when the words suggest the young person may be at risk.
    pub support: Option<SupportMessage>,
    /// Shown once the review has happened.
    pub you_said_we_did: Option<YouSaidWeDid>,
}

/// `GET /api/me/feedback`: the form screen in one request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FeedbackScreen {
    pub review: MyReview,
    /// The form to fill: the draft's version if there is a draft, else the
    /// newest version for the young person's age.
    pub form: FormVersionView,
    pub draft: Option<DraftView>,
    pub reader_options: Vec<ReaderOption>,
    pub who_will_see: String,
    /// Already sent: what was sent and who reads it.
    pub sent: Option<SentFeedback>,
    pub sent_answers: Vec<Answer>,
}

/// One answered question, with its words, for staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnsweredQuestion {
    pub key: String,
    pub prompt: String,
    pub kind: QuestionKind,
    pub priority: Option<Priority>,
    pub scale: Option<u8>,
    /// The face's label ("Happy").
    pub scale_label: Option<String>,
    /// The labels of the options picked.
    pub choices: Vec<String>,
    pub text: Option<String>,
}

/// Feedback as a reader sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffFeedback {
    pub id: String,
    pub review_id: String,
    pub review_date: NaiveDate,
    pub submitted_at: DateTime<Utc>,
    pub form: FormKey,
    pub form_title: String,
    pub form_version: u32,
    pub answered: Vec<AnsweredQuestion>,
    /// Questions the young person skipped.
    pub skipped: Vec<String>,
    pub readers: Vec<String>,
    /// Words in it suggest harm; a safeguarding alert was raised.
    pub suggests_harm: bool,
    pub you_said_we_did: Option<YouSaidWeDid>,
    /// The young person can see the answer (the review has happened).
    pub answer_shown_to_child: bool,
}

/// `POST /api/people/{id}/feedback/answer`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FeedbackAnswer {
    pub feedback_id: String,
    /// "You said ..., so we ..." in plain words.
    pub answer: String,
}

/// `PUT /api/reviews/settings`: the council's review promise.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewSettings {
    /// Hold the first review within a calendar month of coming into care
    /// when that is sooner than 20 working days.
    #[serde(default)]
    pub first_review_within_calendar_month: Option<bool>,
}

// ---------------------------------------------------------------------------
// Anonymous totals
// ---------------------------------------------------------------------------

/// How totals are grouped over time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Period {
    #[default]
    Month,
    Quarter,
}

/// "2026-01" or "2026-Q1".
pub fn period_label(date: NaiveDate, period: Period) -> String {
    match period {
        Period::Month => format!("{}-{:02}", date.year(), date.month()),
        Period::Quarter => format!("{}-Q{}", date.year(), (date.month() - 1) / 3 + 1),
    }
}

/// Every period label from `from` to `to`, in order.
pub fn period_labels(from: NaiveDate, to: NaiveDate, period: Period) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut d = NaiveDate::from_ymd_opt(from.year(), from.month(), 1).unwrap_or(from);
    while d <= to {
        let l = period_label(d, period);
        if out.last() != Some(&l) {
            out.push(l);
        }
        match d.checked_add_months(chrono::Months::new(1)) {
            Some(n) => d = n,
            None => break,
        }
    }
    out
}

/// What the note on a hidden cell says.
pub const SUPPRESSED_NOTE: &str =
    "Fewer than 5 young people answered, so this is hidden to keep them anonymous.";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChoiceCount {
    pub key: String,
    pub label: String,
    pub count: u32,
}

/// One period of one row. When `suppressed`, no number is given at all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InsightCell {
    pub period: String,
    pub suppressed: bool,
    /// Why it is hidden.
    pub note: Option<String>,
    /// How many young people answered.
    pub young_people: Option<u32>,
    pub answers: Option<u32>,
    /// Faces: the average, 1 to 5, to one decimal place.
    pub average: Option<f64>,
    /// Faces: how many picked each face, 1 to 5.
    pub faces: Option<Vec<u32>>,
    /// Choices: how many picked each option.
    pub choices: Option<Vec<ChoiceCount>>,
}

impl InsightCell {
    fn hidden(period: String) -> InsightCell {
        InsightCell {
            period,
            suppressed: true,
            note: Some(SUPPRESSED_NOTE.to_owned()),
            young_people: None,
            answers: None,
            average: None,
            faces: None,
            choices: None,
        }
    }
}

/// Faces answers of one group: (who answered, 1 to 5). Hidden when fewer
/// than [`MIN_GROUP`] different young people answered.
pub fn faces_cell(period: String, answers: &[(i64, u8)]) -> InsightCell {
    let people: BTreeSet<i64> = answers.iter().map(|(p, _)| *p).collect();
    if (people.len() as u32) < MIN_GROUP {
        return InsightCell::hidden(period);
    }
    let mut faces = vec![0u32; 5];
    let mut sum = 0u32;
    for (_, s) in answers {
        let s = (*s).clamp(1, 5);
        faces[usize::from(s - 1)] += 1;
        sum += u32::from(s);
    }
    let n = answers.len() as u32;
    let average = (f64::from(sum) / f64::from(n.max(1)) * 10.0).round() / 10.0;
    InsightCell {
        period,
        suppressed: false,
        note: None,
        young_people: Some(people.len() as u32),
        answers: Some(n),
        average: Some(average),
        faces: Some(faces),
        choices: None,
    }
}

/// Choice answers of one group: (who answered, keys picked).
pub fn choices_cell(
    period: String,
    options: &[FormOption],
    answers: &[(i64, Vec<String>)],
) -> InsightCell {
    let people: BTreeSet<i64> = answers.iter().map(|(p, _)| *p).collect();
    if (people.len() as u32) < MIN_GROUP {
        return InsightCell::hidden(period);
    }
    let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
    for (_, picked) in answers {
        for k in picked {
            *counts.entry(k.as_str()).or_default() += 1;
        }
    }
    InsightCell {
        period,
        suppressed: false,
        note: None,
        young_people: Some(people.len() as u32),
        answers: Some(answers.len() as u32),
        average: None,
        faces: None,
        choices: Some(
            options
                .iter()
                .map(|o| ChoiceCount {
                    key: o.key.clone(),
                    label: o.label.clone(),
                    count: counts.get(o.key.as_str()).copied().unwrap_or(0),
                })
                .collect(),
        ),
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PriorityInsight {
    pub priority: Priority,
    pub title: String,
    /// Faces answers to every question under this priority.
    pub cells: Vec<InsightCell>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QuestionInsight {
    pub form: FormKey,
    pub question: String,
    pub prompt: String,
    pub kind: QuestionKind,
    pub priority: Option<Priority>,
    pub cells: Vec<InsightCell>,
}

/// `GET /api/feedback/insights`: anonymous totals, like a Bright Spots
/// report. Words young people wrote are never included.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InsightsReport {
    pub period: Period,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub min_group: u32,
    /// How small groups are handled, in words.
    pub note: String,
    pub priorities: Vec<PriorityInsight>,
    pub questions: Vec<QuestionInsight>,
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn q(key: &str, kind: QuestionKind) -> Question {
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

    fn form() -> Vec<Question> {
        vec![
            q("home", QuestionKind::Faces),
            q("who", QuestionKind::ManyChoices),
            q("how", QuestionKind::OneChoice),
            q("better", QuestionKind::Text),
        ]
    }

    fn a(question: &str) -> Answer {
        Answer {
            question: question.into(),
            ..Default::default()
        }
    }

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

    fn arabic(pairs: &[(&str, &str)]) -> FormTranslations {
        let dict = pairs
            .iter()
            .map(|(e, a)| ((*e).to_owned(), (*a).to_owned()))
            .collect();
        BTreeMap::from([("ar".to_owned(), dict)])
    }

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

    #[test]
    fn readers_default_to_the_iro_and_social_worker() {
        let w = |id: &str, r| (id.to_owned(), r);
        assert_eq!(
            default_readers(&[
                w("sw", Relationship::SocialWorker),
                w("pa", Relationship::PersonalAdviser),
                w("iro", Relationship::Iro)
            ]),
            vec!["sw", "iro"]
        );
        assert_eq!(
            default_readers(&[w("pa", Relationship::PersonalAdviser)]),
            vec!["pa"]
        );
        let r = |name: &str, relationship| ReaderOption {
            staff_id: name.into(),
            name: name.into(),
            relationship,
            default: true,
        };
        let s = who_will_see(&[
            r("Chris Evans", Relationship::Iro),
            r("Sam Patel", Relationship::SocialWorker),
        ]);
        assert!(s.starts_with(
            "Only Chris Evans (your IRO) and Sam Patel (your social worker) will see your answers. They will read them"
        ), "{s}");
        let one = who_will_see(&[r("Jo", Relationship::PersonalAdviser)]);
        assert!(
            one.contains("Only Jo (your personal adviser) will see"),
            "{one}"
        );
    }

    #[test]
    fn office_hours_are_weekdays_nine_to_five_except_bank_holidays() {
        let at = |y, m, day, h, min| d(y, m, day).and_hms_opt(h, min, 0).unwrap();
        assert!(!out_of_hours(at(2026, 11, 23, 9, 0))); // Monday
        assert!(!out_of_hours(at(2026, 11, 23, 16, 59)));
        assert!(out_of_hours(at(2026, 11, 23, 17, 0)));
        assert!(out_of_hours(at(2026, 11, 23, 8, 59)));
        assert!(out_of_hours(at(2026, 11, 22, 12, 0))); // Sunday
        assert!(out_of_hours(at(2026, 12, 25, 12, 0))); // Christmas, Friday
    }

    #[test]
    fn small_groups_are_hidden() {
        let four: Vec<(i64, u8)> = (1..=4).map(|p| (p, 5)).collect();
        let cell = faces_cell("2026-01".into(), &four);
        assert!(cell.suppressed && cell.answers.is_none() && cell.average.is_none());
        assert_eq!(cell.note.as_deref(), Some(SUPPRESSED_NOTE));
        // Many answers from few young people are still few young people.
        let many: Vec<(i64, u8)> = (0..20).map(|i| (i % 4, 3)).collect();
        assert!(faces_cell("x".into(), &many).suppressed);
        let five: Vec<(i64, u8)> = vec![(1, 1), (2, 2), (3, 3), (4, 4), (5, 5), (5, 5)];
        let cell = faces_cell("2026-01".into(), &five);
        assert!(!cell.suppressed);
        assert_eq!(cell.young_people, Some(5));
        assert_eq!(cell.answers, Some(6));
        assert_eq!(cell.faces, Some(vec![1, 1, 1, 1, 2]));
        assert_eq!(cell.average, Some(3.3));
        let opts = &q("who", QuestionKind::ManyChoices).options;
        let picks: Vec<(i64, Vec<String>)> = (1..=5).map(|p| (p, vec!["mum".into()])).collect();
        let cell = choices_cell("q".into(), opts, &picks);
        assert_eq!(cell.choices.unwrap()[1].count, 5);
        assert!(choices_cell("q".into(), opts, &picks[..4]).suppressed);
    }

    #[test]
    fn periods() {
        assert_eq!(period_label(d(2026, 2, 3), Period::Month), "2026-02");
        assert_eq!(period_label(d(2026, 12, 31), Period::Quarter), "2026-Q4");
        assert_eq!(
            period_labels(d(2025, 11, 15), d(2026, 2, 1), Period::Month),
            vec!["2025-11", "2025-12", "2026-01", "2026-02"]
        );
        assert_eq!(
            period_labels(d(2025, 11, 15), d(2026, 4, 1), Period::Quarter),
            vec!["2025-Q4", "2026-Q1", "2026-Q2"]
        );
    }

    #[test]
    fn times() {
        assert_eq!(parse_time("09:30"), Some(570));
        assert_eq!(parse_time("9:05"), Some(545));
        assert_eq!(parse_time("24:00"), None);
        assert_eq!(parse_time("10:7"), None);
        assert_eq!(format_time(570), "09:30");
    }

    #[test]
    fn the_time_in_care_joins_touching_episodes() {
        let e = |s, en| CareEpisode { start: s, end: en };
        let eps = [
            e(d(2020, 1, 1), Some(d(2021, 1, 1))),
            e(d(2022, 5, 1), Some(d(2023, 1, 1))),
            e(d(2023, 1, 1), None),
        ];
        assert_eq!(
            current_period_start(&eps, d(2026, 1, 1)),
            Some(d(2022, 5, 1))
        );
        assert_eq!(
            current_period_start(&eps, d(2020, 6, 1)),
            Some(d(2020, 1, 1))
        );
        assert_eq!(current_period_start(&eps, d(2021, 6, 1)), None);
        assert_eq!(current_period_start(&[], d(2021, 6, 1)), None);
    }

    #[test]
    fn schedules_for_children_in_care_and_care_leavers() {
        let dob = d(2016, 5, 1);
        // In care from Friday 19 Dec 2025: 20 working days over Christmas is
        // Wednesday 21 Jan 2026; a calendar month is Monday 19 Jan.
        let eps = [CareEpisode {
            start: d(2025, 12, 19),
            end: None,
        }];
        let law = schedule(dob, &eps, &[], ReviewPolicy::STATUTORY, d(2026, 1, 2)).unwrap();
        assert_eq!(
            (law.next.due, law.next.kind),
            (d(2026, 1, 21), ReviewKind::First)
        );
        let bexley = schedule(dob, &eps, &[], ReviewPolicy::BEXLEY, d(2026, 1, 2)).unwrap();
        assert_eq!(bexley.next.due, d(2026, 1, 19));
        assert!(bexley.rule.contains("within a month"));
        let later = schedule(
            dob,
            &eps,
            &[d(2026, 1, 19)],
            ReviewPolicy::BEXLEY,
            d(2026, 5, 1),
        )
        .unwrap();
        assert_eq!(later.next.due, d(2026, 4, 19));
        assert!(later.next.overdue);
        assert_eq!(later.upcoming.len(), 3);
        // A care leaver: 6 months from leaving care, then from each review.
        let leaver = [CareEpisode {
            start: d(2020, 1, 1),
            end: Some(d(2025, 8, 31)),
        }];
        let dob = d(2007, 6, 1);
        let s = schedule(dob, &leaver, &[], ReviewPolicy::BEXLEY, d(2025, 9, 1)).unwrap();
        assert_eq!(
            (s.next.due, s.next.kind),
            (d(2026, 2, 28), ReviewKind::PathwayPlan)
        );
        let s = schedule(
            dob,
            &leaver,
            &[d(2026, 1, 10)],
            ReviewPolicy::BEXLEY,
            d(2026, 2, 1),
        )
        .unwrap();
        assert_eq!(s.next.due, d(2026, 7, 10));
        // Never in care: no schedule.
        assert!(schedule(dob, &[], &[], ReviewPolicy::BEXLEY, d(2026, 2, 1)).is_none());
    }

    #[test]
    fn the_take_part_answer_is_a_participation() {
        let pick = |c: &[&str]| Answer {
            choices: c.iter().map(|s| (*s).to_owned()).collect(),
            ..a(TAKE_PART)
        };
        assert_eq!(
            participation_from_answers(&[a("home"), pick(&["chair"])]),
            Some(Participation::Chair)
        );
        assert_eq!(participation_from_answers(&[pick(&["pizza"])]), None);
        assert_eq!(participation_from_answers(&[pick(&[])]), None);
        assert_eq!(participation_from_answers(&[a("home")]), None);
    }

    #[test]
    fn the_support_message_names_childline_and_the_duty_desk() {
        let m = SupportMessage::new("020 8303 7777");
        assert!(m.message.contains("Childline") && m.message.contains("0800 1111"));
        assert!(m.message.contains("020 8303 7777"));
    }
}
