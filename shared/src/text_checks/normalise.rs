//! The normalised view of a text that every check matches against, with a
//! map back to the text as written, and the test for text that must be
//! refused outright ([`text_problem`]).
//!
//! A child who wants to get a phone number past the checks can write its
//! digits in another script, put invisible characters between them, or use
//! full-width letters. Normalising first means each check is written once,
//! for plain text, and still sees through those disguises. Case is kept:
//! the tokenizer folds it, and capitals are a cue for school and street
//! names.

use std::borrow::Cow;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};

/// A text as the checks see it, and where each of its bytes came from.
pub(crate) struct Normalised<'a> {
    original: &'a str,
    text: Cow<'a, str>,
    /// For each byte of `text`, the span of the original text it came from.
    /// `None` when the text needed no change (almost every post).
    map: Option<Vec<(usize, usize)>>,
}

impl<'a> Normalised<'a> {
    pub(crate) fn new(original: &'a str) -> Self {
        // Plain ASCII without control characters is already normal.
        if original
            .bytes()
            .all(|b| b.is_ascii() && (!b.is_ascii_control() || matches!(b, b'\t' | b'\n' | b'\r')))
        {
            return Normalised {
                original,
                text: Cow::Borrowed(original),
                map: None,
            };
        }
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len());
        let mut segments = Segments {
            text: original,
            pos: 0,
        };
        while let Some((start, end)) = segments.next_segment() {
            let seg = original.get(start..end).unwrap_or("");
            let mut push = |c: char| {
                if let Some(f) = fold(c) {
                    text.push(f);
                    map.extend(std::iter::repeat_n((start, end), f.len_utf8()));
                }
            };
            if seg.len() == 1 {
                seg.chars().for_each(&mut push);
            } else {
                seg.nfkc().for_each(&mut push);
            }
        }
        Normalised {
            original,
            text: Cow::Owned(text),
            map: Some(map),
        }
    }

    pub(crate) fn text(&self) -> &str {
        &self.text
    }

    pub(crate) fn original(&self) -> &'a str {
        self.original
    }

    /// The span of the original text that a span of the normalised text
    /// came from: always on `char` boundaries of the original.
    pub(crate) fn span(&self, start: usize, end: usize) -> (usize, usize) {
        let Some(map) = &self.map else {
            return (start, end);
        };
        let len = self.original.len();
        let s = map.get(start).map_or(len, |m| m.0);
        let e = if end > start {
            map.get(end - 1).map_or(len, |m| m.1)
        } else {
            s
        };
        (s, e.max(s))
    }
}

/// Splits a text into a starter and the characters that may combine with it
/// under NFKC, so each piece can be normalised alone and mapped back whole.
struct Segments<'a> {
    text: &'a str,
    pos: usize,
}

impl Segments<'_> {
    fn next_segment(&mut self) -> Option<(usize, usize)> {
        let start = self.pos;
        let rest = self.text.get(start..)?;
        let mut chars = rest.char_indices();
        let (_, first) = chars.next()?;
        let mut end = start + first.len_utf8();
        for (i, c) in chars {
            if !combines_with_previous(c) {
                break;
            }
            end = start + i + c.len_utf8();
        }
        self.pos = end;
        Some((start, end))
    }
}

fn combines_with_previous(c: char) -> bool {
    !c.is_ascii()
        && (canonical_combining_class(c) != 0
            // Hangul vowels and finals, and the half-width kana voicing
            // marks, compose with what is before them.
            || matches!(c, '\u{1161}'..='\u{11C2}' | '\u{FF9E}' | '\u{FF9F}' | '\u{3099}' | '\u{309A}'))
}

/// Characters that show nothing but are not format characters (the rest of
/// Unicode's Default_Ignorable_Code_Point): the combining grapheme joiner,
/// Hangul fillers, Khmer inherent vowels, Mongolian variation selectors,
/// variation selectors, and the reserved ranges kept for more of them.
fn ignorable_not_format(c: char) -> bool {
    matches!(
        c,
        '\u{034F}'
            | '\u{115F}'
            | '\u{1160}'
            | '\u{17B4}'
            | '\u{17B5}'
            | '\u{180B}'..='\u{180F}'
            | '\u{2060}'..='\u{206F}'
            | '\u{3164}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FFA0}'
            | '\u{FFF0}'..='\u{FFF8}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E0FFF}'
    )
}

/// Invisible: format characters (zero-width space and joiners, bidi
/// controls, soft hyphen, BOM, tags...) and the other default-ignorables.
pub(crate) fn is_invisible(c: char) -> bool {
    !c.is_ascii() && (ignorable_not_format(c) || c.general_category() == GeneralCategory::Format)
}

/// Combining marks that only decorate Latin, Greek or Cyrillic letters
/// (strike-through, "zalgo" text). Those that NFKC did not compose into a
/// letter are dropped, so "k̶i̶l̶l̶" reads "kill"; composed letters (é, ü) stay.
fn is_decoration(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE20}'..='\u{FE2F}'
    )
}

/// The value of a decimal digit of any script. Unicode keeps each script's
/// digits 0-9 together and in order, so the value is the position in its
/// run of digits (runs of several scripts side by side are whole tens).
fn digit_value(c: char) -> Option<char> {
    if c.is_ascii_digit() {
        return Some(c);
    }
    let mut n = 0u32;
    let mut k = u32::from(c);
    // Walk back to the start of the run (at most a few tens of steps: the
    // longest run, mathematical digits, is 50 and NFKC has already folded it).
    while k > 0 && n < 64 {
        match char::from_u32(k - 1) {
            Some(p) if p.general_category() == GeneralCategory::DecimalNumber => {
                n += 1;
                k -= 1;
            }
            _ => break,
        }
    }
    char::from_digit(n % 10, 10)
}

/// One character of NFKC output, as matched: `None` drops it.
fn fold(c: char) -> Option<char> {
    if c.is_ascii() {
        return if c.is_ascii_control() && !matches!(c, '\t' | '\n' | '\r') {
            None
        } else {
            Some(c)
        };
    }
    match c {
        // Arabic: harakat and tanween, the dagger alef and tatweel are
        // optional marks; the forms of alef, yeh and teh marbuta are often
        // written interchangeably, so each is matched as its plain form.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' => return None,
        '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' => return Some('\u{0627}'),
        '\u{0649}' | '\u{0626}' | '\u{06CC}' => return Some('\u{064A}'),
        '\u{0624}' => return Some('\u{0648}'),
        '\u{0629}' => return Some('\u{0647}'),
        '\u{06A9}' => return Some('\u{0643}'),
        '\u{2028}' | '\u{2029}' => return Some('\n'),
        _ => {}
    }
    if ignorable_not_format(c) || is_decoration(c) {
        return None;
    }
    match c.general_category() {
        GeneralCategory::Format | GeneralCategory::Control => None,
        GeneralCategory::SpaceSeparator => Some(' '),
        GeneralCategory::DecimalNumber => digit_value(c),
        _ => Some(c),
    }
}

/// The normalised form of a text, as the checks match it (case kept).
pub fn normalise(text: &str) -> String {
    Normalised::new(text).text().to_owned()
}

const HIDDEN_MESSAGE: &str = "Take out the hidden characters in this text and try again.";
const NOTHING_VISIBLE_MESSAGE: &str =
    "Write some words we can see: this only has hidden characters or spaces.";

/// Bidi embeddings, overrides and isolates: they can make a text read
/// differently on screen from what was checked.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Something a reader can see: a letter, digit, punctuation or symbol
/// (not a space, a mark alone, or an invisible character).
fn is_visible(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_graphic();
    }
    if is_invisible(c) || c == '\u{2800}' {
        // U+2800 is the blank braille pattern: a symbol that shows nothing.
        return false;
    }
    !matches!(
        c.general_category(),
        GeneralCategory::SpaceSeparator
            | GeneralCategory::LineSeparator
            | GeneralCategory::ParagraphSeparator
            | GeneralCategory::Control
            | GeneralCategory::Format
            | GeneralCategory::NonspacingMark
            | GeneralCategory::EnclosingMark
            | GeneralCategory::SpacingMark
            | GeneralCategory::Unassigned
            | GeneralCategory::PrivateUse
            | GeneralCategory::Surrogate
    )
}

/// Why a text cannot be accepted as written, in words a 13-year-old
/// understands, or `None` when it is fine.
///
/// Refused: control characters other than new lines and tabs (NUL and the
/// like), right-to-left overrides, embeddings and isolates (they can make a
/// text show something other than what was checked), and a non-empty text
/// with nothing visible in it (only spaces or zero-width characters).
pub fn text_problem(text: &str) -> Option<&'static str> {
    let mut visible = false;
    for c in text.chars() {
        if (c.is_control() && !matches!(c, '\n' | '\r' | '\t')) || is_bidi_control(c) {
            return Some(HIDDEN_MESSAGE);
        }
        visible = visible || is_visible(c);
    }
    if !text.is_empty() && !visible {
        return Some(NOTHING_VISIBLE_MESSAGE);
    }
    None
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn plain_ascii_is_untouched() {
        let n = Normalised::new("Hello, 07700 900123!");
        assert_eq!(n.text(), "Hello, 07700 900123!");
        assert!(n.map.is_none());
        assert_eq!(n.span(7, 12), (7, 12));
    }

    #[test]
    fn digits_of_every_script_become_ascii() {
        for (t, want) in [
            ("٠٧٧٠٠ ٩٠٠١٢٣", "07700 900123"),
            ("۰۷۷۰۰۹۰۰۱۲۳", "07700900123"),
            ("०७७००९००१२३", "07700900123"),
            ("০৭৭০০", "07700"),
            ("０７７００", "07700"),
            ("𝟎𝟕𝟕𝟎𝟎", "07700"),
            ("𝟘𝟟𝟠𝟡", "0789"),
            ("๐๗๘", "078"),
            ("၀၇", "07"),
            ("᠐᠗", "07"),
        ] {
            assert_eq!(normalise(t), want, "{t}");
        }
    }

    #[test]
    fn spaces_and_invisibles() {
        assert_eq!(
            normalise("07700\u{a0}900\u{2009}1\u{200b}2\u{200d}3\u{feff}"),
            "07700 900 123"
        );
        assert_eq!(normalise("a\u{3000}b\u{202f}c"), "a b c");
        assert_eq!(normalise("k\u{ad}i\u{2060}l\u{180e}l"), "kill");
        assert_eq!(normalise("\u{202e}evil\u{202c}"), "evil");
        assert_eq!(normalise("a\u{0}b\u{7}c"), "abc");
        assert_eq!(normalise("line\none"), "line\none");
        assert_eq!(normalise("k\u{336}i\u{336}l\u{336}l\u{336}"), "kill");
        assert_eq!(normalise("stüpid café"), "stüpid café");
        assert_eq!(normalise("stu\u{308}pid"), "stüpid");
        assert_eq!(normalise("ｊａｙ＠ｇｍａｉｌ．ｃｏｍ"), "jay@gmail.com");
        assert_eq!(normalise("ﬁne"), "fine");
    }

    #[test]
    fn arabic_forms_are_unified() {
        assert_eq!(normalise("أُرِيدُ أَنْ أَمُوتَ"), "اريد ان اموت");
        assert_eq!(normalise("إلى آخر"), "الي اخر");
        assert_eq!(normalise("مدرسة"), "مدرسه");
        assert_eq!(normalise("اقـــتـــل"), "اقتل");
        assert_eq!(normalise("أؤذي"), "اوذي");
    }

    #[test]
    fn spans_map_back_to_the_original() {
        let t = "call ٠٧٧\u{200b}٠٠ now";
        let n = Normalised::new(t);
        assert_eq!(n.text(), "call 07700 now");
        let (s, e) = n.span(5, 10);
        assert_eq!(&t[s..e], "٠٧٧\u{200b}٠٠");
        let t = "x ｊａｙ y";
        let n = Normalised::new(t);
        let (s, e) = n.span(2, 5);
        assert_eq!(&t[s..e], "ｊａｙ");
        let (s, e) = n.span(n.text().len(), n.text().len());
        assert_eq!((s, e), (t.len(), t.len()));
    }

    #[test]
    fn problems() {
        assert_eq!(text_problem("Hello there"), None);
        assert_eq!(text_problem("line one\r\nline two\tok"), None);
        assert_eq!(text_problem(""), None);
        assert_eq!(text_problem("مرحبا"), None);
        assert_eq!(text_problem("😀"), None);
        assert_eq!(text_problem("a\u{0}b"), Some(HIDDEN_MESSAGE));
        assert_eq!(text_problem("a\u{1b}[31m"), Some(HIDDEN_MESSAGE));
        assert_eq!(text_problem("abc\u{202e}fed"), Some(HIDDEN_MESSAGE));
        assert_eq!(text_problem("abc\u{2067}fed"), Some(HIDDEN_MESSAGE));
        assert_eq!(
            text_problem("\u{200b}\u{200b}"),
            Some(NOTHING_VISIBLE_MESSAGE)
        );
        assert_eq!(
            text_problem(" \u{a0}\u{3000} "),
            Some(NOTHING_VISIBLE_MESSAGE)
        );
        assert_eq!(
            text_problem("\u{3164}\u{2800}"),
            Some(NOTHING_VISIBLE_MESSAGE)
        );
        assert_eq!(text_problem("\u{301}"), Some(NOTHING_VISIBLE_MESSAGE));
        // An emoji with a joiner is fine: it has something to see.
        assert_eq!(text_problem("👩\u{200d}👩\u{200d}👧"), None);
    }
}
