//! The fields of the editor: English and Arabic text boxes, option and
//! face words, the plain-language advice, and small event helpers.

use super::*;

pub(super) const ARABIC_HOW: &str =
    "Under each text is a field for its Arabic, for young people who read the app in Arabic. \
     Leave it empty and they see the English there. The Arabic goes with the English words: \
     change the English and it needs Arabic again.";

/// What the faces are, for their fields' labels.
pub(super) const FACE_NAMES: [&str; 5] = [
    "very unhappy",
    "unhappy",
    "in between",
    "happy",
    "very happy",
];

/// The labels of an option's English and Arabic fields.
pub(super) fn option_labels(kind: QuestionKind, j: usize) -> (String, String) {
    let n = j + 1;
    match FACE_NAMES.get(j).filter(|_| kind == QuestionKind::Faces) {
        Some(face) => (
            format!("Words for face {n} ({face})"),
            format!("Face {n} in Arabic (optional)"),
        ),
        None => (
            format!("Option {n}"),
            format!("Option {n} in Arabic (optional)"),
        ),
    }
}

/// The shared check of a question's option words, as the server makes it:
/// (which option, message). The question's other fields are checked on
/// publishing, so they are set aside here.
pub(super) fn option_problem(q: &Question) -> Option<(usize, String)> {
    let alone = FormDefinition {
        key: FormKey::From8To11,
        title: "t".into(),
        intro: "i".into(),
        with_adult: None,
        questions: vec![Question {
            key: "q".into(),
            prompt: "q".into(),
            help: None,
            ..q.clone()
        }],
        translations: Default::default(),
    };
    let err = validate_form(&alone).err()?;
    match spot_of(&err.field) {
        Spot::Question(0, part) => {
            let j = part.strip_prefix("opt")?.parse().ok()?;
            Some((j, err.message))
        }
        _ => None,
    }
}

/// An Arabic field: what it shows and says.
pub(super) struct ArabicField<'a> {
    pub(super) slot: Slot,
    pub(super) label: &'a str,
    pub(super) kind: TextBox,
    pub(super) value: &'a str,
    /// The old Arabic, when the English changed and has none yet.
    pub(super) suggestion: Option<&'a str>,
    /// How many texts on the form have the same English.
    pub(super) uses: usize,
    pub(super) error: Option<String>,
}

/// The Arabic under an English text: right to left, marked when missing,
/// and offering the old Arabic when the English has changed.
pub(super) fn arabic_field(
    f: ArabicField,
    oninput: Callback<InputEvent>,
    take_old: Callback<MouseEvent>,
) -> Html {
    let id = f.slot.arabic_id();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let empty = f.value.trim().is_empty();
    let hint = match (empty, f.suggestion) {
        (true, Some(old)) => Some(html! {
            <>
                <span class="tag tag-changed">{ "English changed" }</span>
                { " The Arabic was for the old English, so young people reading Arabic see the English until you add it. The old Arabic, to check: " }
                <span lang="ar" dir="rtl">{ old }</span>
            </>
        }),
        (true, None) => Some(html! {
            <>
                <span class="tag tag-quiet">{ "No Arabic yet" }</span>
                { ": young people reading Arabic see the English." }
            </>
        }),
        (false, _) if f.uses > 1 => Some(html! {
            { format!("The same English is on this form {} times: this Arabic goes with each.", f.uses) }
        }),
        (false, _) => None,
    };
    let mut described = vec![];
    if hint.is_some() {
        described.push(hint_id.clone());
    }
    if f.error.is_some() {
        described.push(error_id.clone());
    }
    let described = (!described.is_empty()).then(|| described.join(" "));
    let invalid = f.error.is_some().then_some("true");
    let control = match f.kind {
        TextBox::Area => html! {
            <textarea id={id.clone()} class="input textarea" rows="3" lang="ar" dir="rtl" value={f.value.to_string()} {oninput}
                aria-invalid={invalid} aria-describedby={described} />
        },
        TextBox::Line | TextBox::Plain => html! {
            <input id={id.clone()} type="text" class="input" lang="ar" dir="rtl" value={f.value.to_string()} {oninput}
                aria-invalid={invalid} aria-describedby={described} />
        },
    };
    html! {
        <div class={if f.error.is_some() { "field field-invalid" } else { "field" }}>
            <label class="label" for={id.clone()}>{ f.label }</label>
            if let Some(h) = hint {
                <p class="field-hint" id={hint_id.clone()}>{ h }</p>
            }
            if let Some(m) = f.error {
                <p class="field-error" id={error_id}><span class="visually-hidden">{ "Error: " }</span>{ m }</p>
            }
            { control }
            if empty && f.suggestion.is_some() {
                <p>
                    <button type="button" class="button button-secondary button-small" onclick={take_old} aria-describedby={hint_id}>
                        { "Use the old Arabic" }
                    </button>
                </p>
            }
        </div>
    }
}

/// The plain-language check of some words for the form's readers: advice,
/// not a rule (the words are published as written).
pub(super) fn check_words(text: &str, key: FormKey) -> Html {
    if text.trim().is_empty() {
        return html! {};
    }
    let report = plain_language::check(text, band_of(key));
    if report.passes {
        html! { { format!("Plain enough for {}.", readers(key)) } }
    } else {
        html! { { format!("May be hard for {}: {}", readers(key), report.issues.join(" ")) } }
    }
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum TextBox {
    Line,
    Plain,
    Area,
}

/// A labelled text field with its hint and error, tied together with
/// `aria-describedby`.
pub(super) fn text_field(
    id: &str,
    label: &str,
    kind: TextBox,
    value: &str,
    oninput: Callback<InputEvent>,
    error: Option<String>,
    hint: Option<Html>,
) -> Html {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let mut described = vec![];
    if hint.is_some() {
        described.push(hint_id.clone());
    }
    if error.is_some() {
        described.push(error_id.clone());
    }
    let described = (!described.is_empty()).then(|| described.join(" "));
    let invalid = error.is_some().then_some("true");
    let control = match kind {
        TextBox::Area => html! {
            <textarea id={id.to_string()} class="input textarea" rows="3" value={value.to_string()} {oninput}
                aria-invalid={invalid} aria-describedby={described} />
        },
        TextBox::Line | TextBox::Plain => html! {
            <input id={id.to_string()} type="text" class="input" value={value.to_string()} {oninput}
                spellcheck={(kind == TextBox::Plain).then_some("false")}
                autocapitalize={(kind == TextBox::Plain).then_some("none")}
                aria-invalid={invalid} aria-describedby={described} />
        },
    };
    html! {
        <div class={if error.is_some() { "field field-invalid" } else { "field" }}>
            <label class="label" for={id.to_string()}>{ label }</label>
            if let Some(h) = hint {
                <p class="field-hint" id={hint_id}>{ h }</p>
            }
            if let Some(m) = error {
                <p class="field-error" id={error_id}><span class="visually-hidden">{ "Error: " }</span>{ m }</p>
            }
            { control }
        </div>
    }
}

pub(super) fn value_of(e: &InputEvent) -> Option<String> {
    let target = e.target()?;
    if let Some(i) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        return Some(i.value());
    }
    target
        .dyn_ref::<web_sys::HtmlTextAreaElement>()
        .map(|t| t.value())
}

pub(super) fn select_value(e: &Event) -> Option<String> {
    e.target()?
        .dyn_ref::<web_sys::HtmlSelectElement>()
        .map(|s| s.value())
}

pub(super) fn focus_on(id: String) -> Callback<MouseEvent> {
    Callback::from(move |ev: MouseEvent| {
        ev.prevent_default();
        focus_soon(id.clone());
    })
}
