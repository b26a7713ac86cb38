//! The form being edited: its texts, its questions in order, the Arabic
//! keyed by the English words, and where each problem goes on the page.

use super::*;

/// One question being edited. `uid` stays with the question while it moves,
/// so the page keeps track of it (and of focus).
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Row {
    pub(super) uid: u32,
    /// Added in this edit: its short name and kind may still change.
    pub(super) new: bool,
    pub(super) q: Question,
}

/// The language the editor translates into.
pub(super) const AR: &str = "ar";

/// One text a young person reads, by where it is on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Slot {
    Title,
    Intro,
    WithAdult,
    Prompt(u32),
    Help(u32),
    /// A question's option (or face), by its place in the question.
    Option(u32, usize),
}

impl Slot {
    /// The element id of its English field; the Arabic one adds `-ar`.
    pub(super) fn id(self) -> String {
        match self {
            Slot::Title => TITLE.to_string(),
            Slot::Intro => INTRO.to_string(),
            Slot::WithAdult => WITH_ADULT.to_string(),
            Slot::Prompt(uid) => format!("q{uid}-prompt"),
            Slot::Help(uid) => format!("q{uid}-help"),
            Slot::Option(uid, j) => format!("q{uid}-opt{j}"),
        }
    }

    pub(super) fn arabic_id(self) -> String {
        format!("{}-ar", self.id())
    }
}

#[derive(Clone, Debug, PartialEq)]
pub(super) struct Draft {
    pub(super) title: String,
    pub(super) intro: String,
    pub(super) with_adult: String,
    pub(super) rows: Vec<Row>,
    pub(super) next_uid: u32,
    /// The Arabic, keyed by the English words (trimmed) as the server keeps
    /// it: the same English anywhere on the form has the same Arabic.
    pub(super) arabic: BTreeMap<String, String>,
    /// Languages other than Arabic, sent back as they came.
    pub(super) others: FormTranslations,
    /// By the English field's id: the Arabic its words had before the
    /// English was changed in this edit, offered for checking.
    pub(super) suggest: BTreeMap<String, String>,
}

impl Draft {
    pub(super) fn from_version(v: &FormVersionView) -> Draft {
        let rows: Vec<Row> = v
            .questions
            .iter()
            .cloned()
            .enumerate()
            .map(|(i, q)| Row {
                uid: i as u32,
                new: false,
                q,
            })
            .collect();
        let mut others = v.translations.clone();
        let arabic = others.remove(AR).unwrap_or_default();
        Draft {
            title: v.title.clone(),
            intro: v.intro.clone(),
            with_adult: v.with_adult.clone().unwrap_or_default(),
            next_uid: rows.len() as u32,
            rows,
            arabic,
            others,
            suggest: BTreeMap::new(),
        }
    }

    /// The English of a text, as typed.
    pub(super) fn text(&self, slot: Slot) -> Option<&str> {
        let row = |uid| self.index_of(uid).map(|i| &self.rows[i].q);
        match slot {
            Slot::Title => Some(&self.title),
            Slot::Intro => Some(&self.intro),
            Slot::WithAdult => Some(&self.with_adult),
            Slot::Prompt(uid) => row(uid).map(|q| q.prompt.as_str()),
            Slot::Help(uid) => row(uid).map(|q| q.help.as_deref().unwrap_or_default()),
            Slot::Option(uid, j) => row(uid)
                .and_then(|q| q.options.get(j))
                .map(|o| o.label.as_str()),
        }
    }

    /// New English for a text. When its old words had Arabic, that Arabic
    /// is kept aside as a suggestion: it was written for other words.
    pub(super) fn set_text(&mut self, slot: Slot, value: String) {
        let Some(old) = self.text(slot).map(|t| t.trim().to_string()) else {
            return;
        };
        if old != value.trim() {
            if let Some(ar) = self.arabic.get(&old).filter(|a| !a.trim().is_empty()) {
                self.suggest.insert(slot.id(), ar.clone());
            }
        }
        let i = match slot {
            Slot::Prompt(uid) | Slot::Help(uid) | Slot::Option(uid, _) => self.index_of(uid),
            _ => None,
        };
        match (slot, i) {
            (Slot::Title, _) => self.title = value,
            (Slot::Intro, _) => self.intro = value,
            (Slot::WithAdult, _) => self.with_adult = value,
            (Slot::Prompt(_), Some(i)) => self.rows[i].q.prompt = value,
            (Slot::Help(_), Some(i)) => self.rows[i].q.help = Some(value),
            (Slot::Option(_, j), Some(i)) => {
                if let Some(o) = self.rows[i].q.options.get_mut(j) {
                    o.label = value;
                }
            }
            _ => {}
        }
    }

    /// The Arabic of a text's current English ("" when none).
    pub(super) fn arabic_of(&self, slot: Slot) -> &str {
        self.text(slot)
            .and_then(|t| self.arabic.get(t.trim()))
            .map(String::as_str)
            .unwrap_or_default()
    }

    pub(super) fn set_arabic(&mut self, slot: Slot, value: String) {
        let Some(english) = self.text(slot).map(|t| t.trim().to_string()) else {
            return;
        };
        if !english.is_empty() {
            self.arabic.insert(english, value);
        }
    }

    /// The old Arabic to check, while the new English has none.
    pub(super) fn suggestion(&self, slot: Slot) -> Option<&str> {
        if !self.arabic_of(slot).trim().is_empty() {
            return None;
        }
        self.suggest.get(&slot.id()).map(String::as_str)
    }

    /// Every text a young person reads, in page order, with its English.
    pub(super) fn slots(&self) -> Vec<(Slot, &str)> {
        let mut out = vec![
            (Slot::Title, self.title.as_str()),
            (Slot::Intro, self.intro.as_str()),
        ];
        out.push((Slot::WithAdult, self.with_adult.as_str()));
        for r in &self.rows {
            out.push((Slot::Prompt(r.uid), r.q.prompt.as_str()));
            out.push((Slot::Help(r.uid), r.q.help.as_deref().unwrap_or_default()));
            for (j, o) in r.q.options.iter().enumerate() {
                out.push((Slot::Option(r.uid, j), o.label.as_str()));
            }
        }
        out.retain(|(_, t)| !t.trim().is_empty());
        out
    }

    /// The Arabic the page shows, for the texts on the form: what publishing
    /// sends (all of it, so a text emptied here loses its Arabic).
    pub(super) fn arabic_dictionary(&self) -> BTreeMap<String, String> {
        self.slots()
            .into_iter()
            .filter_map(|(_, en)| {
                let ar = self.arabic.get(en.trim())?.trim();
                (!ar.is_empty()).then(|| (en.trim().to_string(), ar.to_string()))
            })
            .collect()
    }

    /// Arabic longer than its English may be: (Arabic field id, message),
    /// in page order. The limit is the server's (`form_texts`).
    pub(super) fn arabic_problems(&self) -> Vec<(String, String)> {
        let with_adult = Some(self.with_adult.as_str());
        let questions: Vec<Question> = self.rows.iter().map(|r| r.q.clone()).collect();
        let limits = form_texts(&self.title, &self.intro, with_adult, &questions);
        self.slots()
            .into_iter()
            .filter_map(|(slot, en)| {
                let max = *limits.get(en.trim())?;
                let ar = self.arabic.get(en.trim())?;
                (ar.trim().chars().count() > max).then(|| {
                    (
                        slot.arabic_id(),
                        format!("The Arabic is too long. Keep it to {max} characters or fewer."),
                    )
                })
            })
            .collect()
    }

    /// The form as the API's body.
    pub(super) fn definition(&self, key: FormKey) -> FormDefinition {
        let optional = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
        FormDefinition {
            key,
            title: self.title.trim().to_string(),
            intro: self.intro.trim().to_string(),
            with_adult: optional(&self.with_adult),
            questions: self
                .rows
                .iter()
                .map(|r| Question {
                    key: r.q.key.trim().to_string(),
                    prompt: r.q.prompt.trim().to_string(),
                    help: r.q.help.as_deref().and_then(optional),
                    ..r.q.clone()
                })
                .collect(),
            // Arabic always goes, even empty: an empty list would keep the
            // current version's (the server's rule for older editors).
            translations: {
                let mut t = self.others.clone();
                t.insert(AR.to_string(), self.arabic_dictionary());
                t
            },
        }
    }

    /// A new question at the end, of this kind. Faces take the words of the
    /// form's first faces question, so a form reads the same throughout.
    pub(super) fn add(&mut self, kind: QuestionKind) -> u32 {
        let uid = self.next_uid;
        self.next_uid += 1;
        let key = free_key(self.rows.iter().map(|r| r.q.key.as_str()));
        let options = match kind {
            QuestionKind::Faces => self
                .rows
                .iter()
                .find(|r| r.q.kind == QuestionKind::Faces)
                .map(|r| r.q.options.clone())
                .unwrap_or_else(|| {
                    faces(["Very unhappy", "Unhappy", "Okay", "Happy", "Very happy"])
                }),
            _ => vec![],
        };
        let text_limit = self
            .rows
            .iter()
            .find(|r| r.q.kind == QuestionKind::Text)
            .and_then(|r| r.q.max_chars)
            .unwrap_or(1000);
        self.rows.push(Row {
            uid,
            new: true,
            q: Question {
                key,
                kind,
                prompt: String::new(),
                help: None,
                picture: None,
                emoji: None,
                priority: None,
                commitment: None,
                options,
                // Faces may take a few words as well, as on the other faces.
                allow_comment: kind == QuestionKind::Faces,
                max_chars: Some(if kind == QuestionKind::Faces {
                    500
                } else {
                    text_limit
                }),
            },
        });
        uid
    }

    pub(super) fn index_of(&self, uid: u32) -> Option<usize> {
        self.rows.iter().position(|r| r.uid == uid)
    }

    /// Moves a question one place up (`up`) or down; false when it cannot.
    pub(super) fn shift(&mut self, uid: u32, up: bool) -> bool {
        let Some(i) = self.index_of(uid) else {
            return false;
        };
        let j = if up { i.checked_sub(1) } else { Some(i + 1) };
        match j {
            Some(j) if j < self.rows.len() => {
                self.rows.swap(i, j);
                true
            }
            _ => false,
        }
    }

    pub(super) fn remove(&mut self, uid: u32) -> Option<Row> {
        self.index_of(uid).map(|i| self.rows.remove(i))
    }

    pub(super) fn set_kind(&mut self, uid: u32, kind: QuestionKind) {
        let Some(i) = self.index_of(uid) else { return };
        // Only a new question: changing an old one's kind would break its
        // totals over time.
        if !self.rows[i].new || self.rows[i].q.kind == kind {
            return;
        }
        let Some(mut row) = self.remove(uid) else {
            return;
        };
        let prompt = std::mem::take(&mut row.q.prompt);
        let (help, priority, key) = (row.q.help.take(), row.q.priority, row.q.key.clone());
        self.add(kind);
        if let Some(mut fresh) = self.rows.pop() {
            fresh.uid = uid;
            self.next_uid -= 1;
            fresh.q.prompt = prompt;
            fresh.q.help = help;
            fresh.q.priority = priority;
            fresh.q.key = key;
            self.rows.insert(i, fresh);
        }
    }
}

/// A short name no question uses yet: `question_1`, `question_2`, ...
pub(super) fn free_key<'a>(taken: impl Iterator<Item = &'a str> + Clone) -> String {
    (1..)
        .map(|n| format!("question_{n}"))
        .find(|k| !taken.clone().any(|t| t == k))
        .unwrap_or_default()
}

/// Where a problem belongs on the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Spot {
    /// A field of the form itself: its element id.
    Top(&'static str),
    /// Question `index` (0-based, as sent), and which part of it.
    Question(usize, String),
    /// A field by its element id (an Arabic one).
    Field(String),
    Form,
}

/// Reads the server's (or the shared check's) field name:
/// `questions[3].options[1].label` is question 3's options.
pub(super) fn spot_of(field: &str) -> Spot {
    match field {
        "title" => return Spot::Top(TITLE),
        "intro" => return Spot::Top(INTRO),
        "with_adult" => return Spot::Top(WITH_ADULT),
        "questions" => return Spot::Top(QUESTIONS),
        _ => {}
    }
    let Some(rest) = field.strip_prefix("questions[") else {
        return Spot::Form;
    };
    let Some((index, part)) = rest.split_once(']') else {
        return Spot::Form;
    };
    let part = part.trim_start_matches('.');
    // An option's words have their own field: `opt1`.
    let option = part
        .strip_prefix("options[")
        .and_then(|p| p.strip_suffix("].label"))
        .and_then(|j| j.parse::<usize>().ok());
    let part = match option {
        Some(j) => format!("opt{j}"),
        None => part
            .split(['.', '['])
            .next()
            .unwrap_or_default()
            .to_string(),
    };
    match index.parse() {
        Ok(i) => Spot::Question(i, part),
        Err(_) => Spot::Form,
    }
}

#[derive(Clone, Debug, PartialEq)]
pub(super) struct Problem {
    pub(super) spot: Spot,
    pub(super) message: String,
}

pub(super) const TITLE: &str = "form-title";
pub(super) const INTRO: &str = "form-intro";
pub(super) const WITH_ADULT: &str = "form-with-adult";
pub(super) const QUESTIONS: &str = "form-questions";

/// The parts of a question that have their own field in the editor.
pub(super) fn field_id(row: &Row, part: &str) -> String {
    let option = part
        .strip_prefix("opt")
        .and_then(|j| j.parse::<usize>().ok())
        .filter(|j| *j < row.q.options.len());
    if option.is_some() {
        return format!("q{}-{part}", row.uid);
    }
    let part = match part {
        "prompt" | "help" | "priority" => part,
        "key" if row.new => "key",
        // Anything else (its options, its limit) is about the question as
        // a whole: the message goes at its top, the link to its wording.
        _ => "prompt",
    };
    format!("q{}-{part}", row.uid)
}
