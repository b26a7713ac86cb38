//! Small text helpers used by several pages (a leaf: it uses only `i18n`).

/// The app's name, in the header and every page's title.
pub const APP_NAME: &str = "Good for Me";

/// Childline, free and open day and night for anyone under 19.
pub const CHILDLINE_PHONE: &str = "0800 1111";

/// The `tel:` link for a phone number written for people ("020 8303 7777").
///
/// Keeps digits and a leading `+`; drops spaces, dashes and brackets.
/// Returns `None` when nothing dialable is left, so a page never shows a
/// link that does not work.
pub fn tel_href(number: &str) -> Option<String> {
    let trimmed = number.trim();
    let mut out = String::from("tel:");
    if trimmed.starts_with('+') {
        out.push('+');
    }
    let digits: String = trimmed.chars().filter(|c| c.is_ascii_digit()).collect();
    if digits.len() < 3 {
        return None;
    }
    out.push_str(&digits);
    Some(out)
}

/// A block of fixed words and links, written as HTML. Costs far less
/// download than the same block built with `html!` (every element there is
/// code; here it is a string). Only ever for text written in this crate,
/// never for anything a person typed or the server sent. Links in it to the
/// app's own pages are followed without a reload by the layout.
pub fn raw(html: &'static str) -> yew::Html {
    yew::Html::from_html_unchecked(yew::AttrValue::Static(html))
}

/// A phone number, code or username inside a sentence: kept left to right
/// in a right-to-left language (otherwise "0800 1111" reads "1111 0800"),
/// with Unicode isolates, so it works in any text. Unchanged in English.
pub fn ltr(s: &str) -> String {
    if crate::i18n::language().is_rtl() {
        format!("\u{2066}{s}\u{2069}")
    } else {
        s.to_string()
    }
}

/// A translated message that is a block of our own fixed HTML (see
/// [`raw`]): the translation files are part of this crate, never input.
pub fn raw_t(key: &str) -> yew::Html {
    yew::Html::from_html_unchecked(yew::AttrValue::from(crate::i18n::t(key)))
}

/// The text for a browser tab: "About this app - Good for Me".
pub fn document_title(page: &str) -> String {
    if page.is_empty() {
        APP_NAME.to_string()
    } else {
        format!("{page} - {}", APP_NAME)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn tel_href_keeps_only_digits() {
        assert_eq!(
            tel_href("020 8303 7777").as_deref(),
            Some("tel:02083037777")
        );
        assert_eq!(
            tel_href("(020) 8303-7777").as_deref(),
            Some("tel:02083037777")
        );
        assert_eq!(tel_href(CHILDLINE_PHONE).as_deref(), Some("tel:08001111"));
    }

    #[test]
    fn tel_href_keeps_a_leading_plus() {
        assert_eq!(
            tel_href(" +44 20 8303 7777").as_deref(),
            Some("tel:+442083037777")
        );
        assert_eq!(tel_href("0 +44").as_deref(), Some("tel:044"));
    }

    #[test]
    fn tel_href_refuses_numbers_that_cannot_be_dialled() {
        assert_eq!(tel_href(""), None);
        assert_eq!(tel_href("call us"), None);
        assert_eq!(tel_href("99"), None);
        assert_eq!(tel_href("999").as_deref(), Some("tel:999"));
    }

    #[test]
    fn titles_name_the_page_then_the_app() {
        assert_eq!(
            document_title("About this app"),
            "About this app - Good for Me"
        );
        assert_eq!(document_title(""), "Good for Me");
    }
}
