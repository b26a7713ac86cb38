//! Web links in plain text: found and shown as links, never fetched.

use serde::{Deserialize, Serialize};

/// A byte range of a text (always on `char` boundaries).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TextSpan {
    pub start: usize,
    pub end: usize,
}

/// Web links in plain text (`http://`, `https://` or `www.`), to show as
/// links. Trailing punctuation is left out of a link.
pub fn find_links(text: &str) -> Vec<TextSpan> {
    let mut out = vec![];
    let mut start = None;
    let flush = |s: usize, e: usize, out: &mut Vec<TextSpan>| {
        let word = &text[s..e];
        let lower = word.to_ascii_lowercase();
        let is_link = lower.starts_with("http://")
            || lower.starts_with("https://")
            || (lower.starts_with("www.") && lower.len() > 4);
        if is_link {
            let trimmed = word.trim_end_matches(['.', ',', '!', '?', ')', ';', ':', '"', '\'']);
            if trimmed.len() > 8 || (lower.starts_with("www.") && trimmed.len() > 4) {
                out.push(TextSpan {
                    start: s,
                    end: s + trimmed.len(),
                });
            }
        }
    };
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                flush(s, i, &mut out);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        flush(s, text.len(), &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn links_are_found_not_fetched() {
        let t = "see https://example.org/a?b=1, and www.bexley.gov.uk. not a.link";
        let spans = find_links(t);
        let words: Vec<&str> = spans.iter().map(|s| &t[s.start..s.end]).collect();
        assert_eq!(
            words,
            vec!["https://example.org/a?b=1", "www.bexley.gov.uk"]
        );
        assert!(find_links("http:// www.").is_empty());
        assert!(find_links("😀 https://x.org/😀").len() == 1);
    }
}
