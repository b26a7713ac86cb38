//! Translations. Every word a young person reads comes from
//! `frontend/locales/<lang>/*.ftl` (a small subset of Fluent: one
//! `key = text` per line, `{ $name }` filled in by the app, `#` comments).
//!
//! - [`t`] gives a message, [`tf`] a message with values filled in.
//! - English is built into the app; a message missing in the current
//!   language falls back to English, and a missing key shows the key itself
//!   (so a typo is visible in the browser tests instead of a blank).
//! - [`set_language`] switches the messages in use; the caller re-renders.
//!
//! Files named `staff-*.ftl` hold staff-only words: they need no
//! translation. Every other English message must have an Arabic one (a unit
//! test checks), because young people read them.

use std::cell::RefCell;
use std::collections::HashMap;

/// The languages the app speaks, as BCP 47 tags.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Ar,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ar];

    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en-GB",
            Lang::Ar => "ar",
        }
    }

    /// Right-to-left languages set `dir="rtl"` on the page.
    pub fn is_rtl(self) -> bool {
        matches!(self, Lang::Ar)
    }

    /// A tag such as "ar", "ar-EG" or "en-GB"; anything else is English.
    pub fn from_tag(tag: &str) -> Lang {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "ar" => Lang::Ar,
            _ => Lang::En,
        }
    }
}

pub const EN_SOURCE: &str = include_str!(concat!(env!("OUT_DIR"), "/en.ftl"));
/// Arabic is embedded too: a phone offline must still read its own language.
pub const AR_SOURCE: &str = include_str!(concat!(env!("OUT_DIR"), "/ar.ftl"));

/// Parsed messages of one language.
pub type Messages = HashMap<&'static str, &'static str>;

/// Parses the Fluent subset. Lines that are blank, comments (`#`) or not
/// `key = value` are skipped.
pub fn parse(source: &'static str) -> Messages {
    source
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(|l| {
            let (key, value) = l.split_once(" = ")?;
            let key = key.trim();
            (!key.is_empty() && !key.contains(' ')).then_some((key, value.trim()))
        })
        .collect()
}

struct Catalogue {
    lang: Lang,
    en: Messages,
    current: Option<Messages>,
}

thread_local! {
    static CATALOGUE: RefCell<Catalogue> = RefCell::new(Catalogue {
        lang: Lang::En,
        en: parse(EN_SOURCE),
        current: None,
    });
}

/// The language in use.
pub fn language() -> Lang {
    CATALOGUE.with(|c| c.borrow().lang)
}

/// Uses `lang` from now on. Pages read messages while rendering, so the
/// caller must re-render (the app keys its router by language).
pub fn set_language(lang: Lang) {
    CATALOGUE.with(|c| {
        let mut c = c.borrow_mut();
        c.lang = lang;
        c.current = match lang {
            Lang::En => None,
            Lang::Ar => Some(parse(AR_SOURCE)),
        };
    });
}

/// The message `key` in the current language.
pub fn t(key: &str) -> String {
    CATALOGUE.with(|c| {
        let c = c.borrow();
        c.current
            .as_ref()
            .and_then(|m| m.get(key))
            .or_else(|| c.en.get(key))
            .map(|s| (*s).to_string())
            .unwrap_or_else(|| key.to_string())
    })
}

/// The message `key` with `{ $name }` replaced by the matching value.
pub fn tf(key: &str, args: &[(&str, &str)]) -> String {
    fill(&t(key), args)
}

/// Replaces `{ $name }` (spaces optional) with values; unknown names stay.
pub fn fill(message: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start..];
        let Some(end) = after.find('}') else {
            out.push_str(after);
            return out;
        };
        let inner = after[1..end].trim();
        let value = inner
            .strip_prefix('$')
            .and_then(|name| args.iter().find(|(k, _)| *k == name).map(|(_, v)| *v));
        match value {
            Some(v) => out.push_str(v),
            None => out.push_str(&after[..=end]),
        }
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Messages by file, for the checks below: (file name, keys).
pub fn keys_by_file(source: &'static str) -> Vec<(&'static str, Vec<&'static str>)> {
    let mut files: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
    for line in source.lines() {
        if let Some(name) = line.strip_prefix("##! ") {
            files.push((name.trim(), Vec::new()));
        } else if let (Some(last), Some((key, _))) = (files.last_mut(), line.split_once(" = ")) {
            if !line.trim_start().starts_with('#') {
                last.1.push(key.trim());
            }
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_values_and_keeps_unknown_ones() {
        assert_eq!(
            fill("Saved on { $date }.", &[("date", "1 May")]),
            "Saved on 1 May."
        );
        assert_eq!(fill("{$a} and {$b}", &[("a", "x")]), "x and {$b}");
        assert_eq!(fill("no braces", &[]), "no braces");
        assert_eq!(fill("open { only", &[]), "open { only");
    }

    #[test]
    fn falls_back_to_english_then_to_the_key() {
        set_language(Lang::Ar);
        assert_eq!(t("language-name"), "العربية");
        assert_eq!(t("no-such-key"), "no-such-key");
        set_language(Lang::En);
        assert_eq!(t("language-name"), "English");
    }

    #[test]
    fn tags_map_to_languages() {
        assert_eq!(Lang::from_tag("ar-EG"), Lang::Ar);
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag("fr"), Lang::En);
        assert!(Lang::Ar.is_rtl() && !Lang::En.is_rtl());
    }

    /// Every message a young person reads has an Arabic version, and no
    /// Arabic message is left over from a removed English one.
    #[test]
    fn arabic_covers_every_young_persons_message() {
        let ar = parse(AR_SOURCE);
        let en = parse(EN_SOURCE);
        let mut missing = Vec::new();
        for (file, keys) in keys_by_file(EN_SOURCE) {
            if file.starts_with("staff-") {
                continue;
            }
            missing.extend(
                keys.into_iter()
                    .filter(|k| !ar.contains_key(k))
                    .map(|k| format!("{file}: {k}")),
            );
        }
        assert!(missing.is_empty(), "no Arabic for: {missing:?}");
        let extra: Vec<_> = ar.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(extra.is_empty(), "Arabic keys with no English: {extra:?}");
    }

    /// A key defined twice would silently lose one of its texts.
    #[test]
    fn no_key_is_defined_twice() {
        for source in [EN_SOURCE, AR_SOURCE] {
            let mut seen = std::collections::HashSet::new();
            for (_, keys) in keys_by_file(source) {
                for k in keys {
                    assert!(seen.insert(k), "{k} is defined twice");
                }
            }
        }
    }

    /// `{ $name }` placeholders match between languages, so a value is never
    /// dropped in translation.
    #[test]
    fn placeholders_match_between_languages() {
        let en = parse(EN_SOURCE);
        let names = |s: &str| {
            let mut v: Vec<String> = s
                .split('{')
                .skip(1)
                .filter_map(|p| p.split('}').next())
                .map(|p| p.trim().to_string())
                .collect();
            v.sort();
            v
        };
        for (k, v) in parse(AR_SOURCE) {
            if let Some(e) = en.get(k) {
                assert_eq!(names(e), names(v), "placeholders differ in {k}");
            }
        }
    }
}
