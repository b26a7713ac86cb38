//! Plain-English pieces the explanations, the validation messages and the
//! amounts share: age ranges, months, lists, capitals.

/// "aged 18 to 24" for min 18, under 25.
pub(crate) fn age_range_text(min: Option<u32>, under: Option<u32>) -> String {
    match (min, under) {
        (Some(m), Some(u)) if u == m + 1 => format!("aged {m}"),
        (Some(m), Some(u)) if u > m => format!("aged {m} to {}", u - 1),
        (Some(m), Some(u)) => format!("aged at least {m} and under {u}"),
        (Some(m), None) => format!("aged {m} or over"),
        (None, Some(u)) => format!("under {u}"),
        (None, None) => "of any age".to_string(),
    }
}

pub(crate) fn months(n: u32) -> String {
    if n == 1 {
        "1 month".to_string()
    } else {
        format!("{n} months")
    }
}

/// "a", "a or b", "a, b or c".
pub(crate) fn join_words<S: AsRef<str>>(items: &[S], last: &str) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(if i + 1 == items.len() {
                if last == "or" {
                    " or "
                } else {
                    " and "
                }
            } else {
                ", "
            });
        }
        out.push_str(item.as_ref());
    }
    out
}

pub(crate) fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
