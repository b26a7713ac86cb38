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
        Lang::supported(tag).unwrap_or(Lang::En)
    }

    /// The language of a tag, if the app speaks it.
    pub fn supported(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "ar" => Some(Lang::Ar),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The first language in the phone's list (`navigator.languages`, most
    /// wanted first) that the app speaks; English when none is.
    pub fn first_supported<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        tags.into_iter()
            .find_map(Lang::supported)
            .unwrap_or(Lang::En)
    }

    /// The person's saved setting, as the server sends it.
    pub fn from_setting(l: shared::language::Language) -> Lang {
        match l {
            shared::language::Language::En => Lang::En,
            shared::language::Language::Ar => Lang::Ar,
        }
    }

    /// The setting to save on the server.
    pub fn setting(self) -> shared::language::Language {
        match self {
            Lang::En => shared::language::Language::En,
            Lang::Ar => shared::language::Language::Ar,
        }
    }

    /// The language's own name for itself ("English", "العربية"): what a
    /// person looks for in a list of languages, whatever the page is in.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ar => "العربية",
        }
    }
}

/// The phone's languages, most wanted first (`navigator.languages`).
#[cfg(target_arch = "wasm32")]
pub fn device_language() -> Lang {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return Lang::En;
    };
    let tags: Vec<String> = nav
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .chain(nav.language())
        .collect();
    Lang::first_supported(tags.iter().map(String::as_str))
}

/// Tests on the host have no phone: English.
#[cfg(not(target_arch = "wasm32"))]
pub fn device_language() -> Lang {
    Lang::En
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
/// caller must re-render (the app keys its router by language). Cheap when
/// nothing changes: the app calls it on every render of its root.
pub fn set_language(lang: Lang) {
    CATALOGUE.with(|c| {
        let mut c = c.borrow_mut();
        if c.lang == lang && (lang == Lang::En || c.current.is_some()) {
            return;
        }
        c.lang = lang;
        c.current = match lang {
            Lang::En => None,
            Lang::Ar => Some(parse(AR_SOURCE)),
        };
    });
}

/// Runs `f` with `lang` in use, then goes back: for words said now but
/// shown after the language changes ("You have signed out." on the home
/// page, in the phone's language).
pub fn in_language<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    let before = language();
    set_language(lang);
    let out = f();
    set_language(before);
    out
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

/// Words fixed in English elsewhere (a page's title in `route.rs`, a
/// message from the server or from `shared`), in the current language: the
/// message whose key starts with `prefix` and whose English text is exactly
/// `english`. Text with no such message is kept as it is, so a new page
/// title or server message shows in English until it is translated.
pub fn words_for(prefix: &str, english: &str) -> String {
    CATALOGUE.with(|c| {
        let c = c.borrow();
        let Some(current) = c.current.as_ref() else {
            return english.to_string();
        };
        c.en.iter()
            .find(|(k, v)| **v == english && k.starts_with(prefix))
            .and_then(|(k, _)| current.get(k))
            .map_or_else(|| english.to_string(), |s| (*s).to_string())
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
    fn words_can_be_said_in_another_language_for_a_moment() {
        set_language(Lang::En);
        let arabic = in_language(Lang::Ar, || t("language-name"));
        assert_eq!(arabic, "العربية");
        assert_eq!(language(), Lang::En);
        assert_eq!(t("language-name"), "English");
    }

    #[test]
    fn tags_map_to_languages() {
        assert_eq!(Lang::from_tag("ar-EG"), Lang::Ar);
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag("fr"), Lang::En);
        assert!(Lang::Ar.is_rtl() && !Lang::En.is_rtl());
    }

    #[test]
    fn the_phone_s_first_language_the_app_speaks_wins() {
        assert_eq!(Lang::first_supported(["fr-FR", "ar-SY", "en"]), Lang::Ar);
        assert_eq!(Lang::first_supported(["en-US", "ar"]), Lang::En);
        assert_eq!(Lang::first_supported(["ti", "fa"]), Lang::En);
        assert_eq!(Lang::first_supported([]), Lang::En);
        for l in Lang::ALL {
            assert_eq!(Lang::from_setting(l.setting()), l);
        }
    }

    #[test]
    fn fixed_english_words_are_found_by_their_text() {
        set_language(Lang::En);
        assert_eq!(words_for("title-", "My plan"), "My plan");
        set_language(Lang::Ar);
        assert_eq!(words_for("title-", "My plan"), t("title-my-plan"));
        assert_ne!(words_for("title-", "My plan"), "My plan");
        // Unknown words, or a key outside the prefix, stay as they are.
        assert_eq!(words_for("title-", "Not a title"), "Not a title");
        assert_eq!(words_for("nav-", "Get help now"), "Get help now");
        set_language(Lang::En);
    }

    /// Every `t("…")`, `tf("…"` and `raw_t("…")` in the app's code names a
    /// message that exists, so a typo is caught here and not by a child
    /// seeing a key.
    #[test]
    fn every_key_the_code_asks_for_exists() {
        let en = parse(EN_SOURCE);
        let mut missing = Vec::new();
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
        let mut dirs = vec![std::path::PathBuf::from(root)];
        while let Some(dir) = dirs.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for path in entries.filter_map(Result::ok).map(|e| e.path()) {
                if path.is_dir() {
                    dirs.push(path);
                    continue;
                }
                // This file's own tests ask for a missing key on purpose.
                if path.ends_with("i18n.rs") {
                    continue;
                }
                let Ok(code) = std::fs::read_to_string(&path) else {
                    continue;
                };
                for call in ["t(\"", "tf(\"", "raw_t(\""] {
                    for (at, _) in code.match_indices(call) {
                        // Only calls, not the end of a longer name.
                        let before = code[..at].chars().next_back().unwrap_or(' ');
                        if before.is_alphanumeric() || before == '_' {
                            continue;
                        }
                        let rest = &code[at + call.len()..];
                        let key = rest.split('"').next().unwrap_or("");
                        if !key.is_empty() && !key.contains(' ') && !en.contains_key(key) {
                            missing.push(format!("{}: {key}", path.display()));
                        }
                    }
                }
            }
        }
        assert!(missing.is_empty(), "no message for: {missing:?}");
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
