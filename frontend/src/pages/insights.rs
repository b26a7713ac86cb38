//! Managers: anonymous totals of the "good for me" answers, per priority
//! and per question, by month or by quarter, like a Bright Spots report.
//! The server leaves out every group answered by fewer than 5 young people
//! (and never sends anyone's words); this page says so in each hidden row.
//! Each set of figures is a table with a caption and headers, inside a
//! region that scrolls sideways on a narrow phone instead of the page.

use crate::hooks::{use_get, waiting};
use crate::state::Remote;
use shared::endpoints as ep;
use shared::endpoints::feedback::InsightsQuery;
use shared::reviews::Period;
use shared::reviews::{InsightCell, InsightsReport, QuestionKind};
use yew::prelude::*;

/// The faces, 1 to 5, as column headings.
const FACE_NAMES: [&str; 5] = [
    "Very unhappy",
    "Unhappy",
    "In the middle",
    "Happy",
    "Very happy",
];

/// The average in words as well as a number.
pub fn average_words(average: f64) -> String {
    let word = match average {
        a if a < 1.5 => "very unhappy",
        a if a < 2.5 => "unhappy",
        a if a < 3.5 => "in the middle",
        a if a < 4.5 => "happy",
        _ => "very happy",
    };
    format!("{average:.1} ({word})")
}

/// What a form key is called, for staff.
fn form_name(key: shared::reviews::FormKey) -> &'static str {
    use shared::reviews::FormKey;
    match key {
        FormKey::Under8 => "Under 8",
        FormKey::From8To11 => "8 to 11",
        FormKey::From12To17 => "12 to 17",
        FormKey::CareLeaver => "Care leavers",
    }
}

#[component]
pub fn InsightsPage() -> Html {
    let quarters = use_state(|| false);
    let data = use_get(Some(ep::feedback::Insights::url().query(&InsightsQuery {
        period: Some(if *quarters {
            Period::Quarter
        } else {
            Period::Month
        }),
        from: None,
        to: None,
    })));
    let pick = |q: bool| {
        let quarters = quarters.clone();
        Callback::from(move |_| quarters.set(q))
    };
    let body = match data.get() {
        Remote::Ready(r) => report(&r),
        other => waiting(&other, "the totals", &data.reload).unwrap_or_default(),
    };
    html! {
        <>
            <h1>{ "What young people told us" }</h1>
            <p class="lead">
                { "Anonymous totals of the faces and choices young people picked before their reviews. No names, and no words they wrote." }
            </p>
            <div class="actions actions-tight" role="group" aria-label="Group by">
                <button type="button" class="button button-secondary toggle" aria-pressed={if *quarters { "false" } else { "true" }} onclick={pick(false)}>
                    { "By month" }
                </button>
                <button type="button" class="button button-secondary toggle" aria-pressed={if *quarters { "true" } else { "false" }} onclick={pick(true)}>
                    { "By quarter" }
                </button>
            </div>
            { body }
        </>
    }
}

fn report(r: &InsightsReport) -> Html {
    html! {
        <>
            <p>{ format!("From {} to {}.", crate::words::date(r.from), crate::words::date(r.to)) }</p>
            <p class="notice-info">{ &r.note }</p>
            <section aria-labelledby="by-priority">
                <h2 id="by-priority">{ "By \u{201c}good for me\u{201d} priority" }</h2>
                <p class="small">{ "Every faces answer to the questions under each priority." }</p>
                { for r.priorities.iter().map(|p| faces_table(&format!("priority-{}", p.priority.as_str()), &p.title, &p.cells)) }
            </section>
            <section aria-labelledby="by-question">
                <h2 id="by-question">{ "By question" }</h2>
                { for r.questions.iter().map(|q| {
                    let id = format!("question-{}-{}", q.form.as_str(), q.question);
                    let caption = format!("{} ({} form)", q.prompt, form_name(q.form));
                    html! {
                        <details class="disclosure" key={id.clone()}>
                            <summary>{ &caption }</summary>
                            { if q.kind == QuestionKind::Faces {
                                faces_table(&id, &caption, &q.cells)
                            } else {
                                choices_table(&id, &caption, &q.cells)
                            } }
                        </details>
                    }
                }) }
            </section>
        </>
    }
}

/// The row of a group hidden for being too small.
fn hidden_row(cell: &InsightCell, columns: usize) -> Html {
    html! {
        <tr key={cell.period.clone()}>
            <th scope="row">{ &cell.period }</th>
            <td colspan={columns.to_string()}>
                { cell.note.clone().unwrap_or_else(|| "Hidden: fewer than 5 young people answered.".into()) }
            </td>
        </tr>
    }
}

fn count(n: Option<u32>) -> String {
    n.map_or_else(|| "–".to_string(), |n| n.to_string())
}

fn table_wrap(id: &str, caption: &str, head: Html, rows: Html) -> Html {
    let caption_id = format!("{id}-caption");
    html! {
        <div class="table-scroll" role="region" aria-labelledby={caption_id.clone()} tabindex="0" key={id.to_string()}>
            <table class="insights">
                <caption id={caption_id}>{ caption }</caption>
                <thead>{ head }</thead>
                <tbody>{ rows }</tbody>
            </table>
        </div>
    }
}

fn faces_table(id: &str, caption: &str, cells: &[InsightCell]) -> Html {
    let head = html! {
        <tr>
            <th scope="col">{ "Period" }</th>
            <th scope="col">{ "Young people" }</th>
            <th scope="col">{ "Answers" }</th>
            <th scope="col">{ "Average (1 to 5)" }</th>
            { for FACE_NAMES.iter().map(|f| html! { <th scope="col">{ *f }</th> }) }
        </tr>
    };
    let rows = html! {
        { for cells.iter().map(|c| {
            if c.suppressed {
                return hidden_row(c, 3 + FACE_NAMES.len());
            }
            let faces = c.faces.clone().unwrap_or_default();
            html! {
                <tr key={c.period.clone()}>
                    <th scope="row">{ &c.period }</th>
                    <td>{ count(c.young_people) }</td>
                    <td>{ count(c.answers) }</td>
                    <td>{ c.average.map(average_words).unwrap_or_else(|| "–".into()) }</td>
                    { for (0..FACE_NAMES.len()).map(|i| html! { <td>{ count(faces.get(i).copied()) }</td> }) }
                </tr>
            }
        }) }
    };
    table_wrap(id, caption, head, rows)
}

fn choices_table(id: &str, caption: &str, cells: &[InsightCell]) -> Html {
    // The options, from the first group that shows them.
    let options: Vec<String> = cells
        .iter()
        .find_map(|c| c.choices.as_ref())
        .map(|list| list.iter().map(|c| c.label.clone()).collect())
        .unwrap_or_default();
    let head = html! {
        <tr>
            <th scope="col">{ "Period" }</th>
            <th scope="col">{ "Young people" }</th>
            { for options.iter().map(|o| html! { <th scope="col">{ o }</th> }) }
        </tr>
    };
    let rows = html! {
        { for cells.iter().map(|c| {
            if c.suppressed {
                return hidden_row(c, 1 + options.len().max(1));
            }
            let picked = c.choices.clone().unwrap_or_default();
            html! {
                <tr key={c.period.clone()}>
                    <th scope="row">{ &c.period }</th>
                    <td>{ count(c.young_people) }</td>
                    { for picked.iter().map(|p| html! { <td>{ p.count }</td> }) }
                </tr>
            }
        }) }
    };
    table_wrap(id, caption, head, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn averages_say_what_they_mean() {
        assert_eq!(average_words(4.6), "4.6 (very happy)");
        assert_eq!(average_words(3.0), "3.0 (in the middle)");
        assert_eq!(average_words(1.2), "1.2 (very unhappy)");
        assert_eq!(count(None), "–");
    }
}
