//! The display names young people choose: checked to keep them safe, and
//! kept unique.

use super::limits::{DISPLAY_NAME_MAX_CHARS, DISPLAY_NAME_MIN_CHARS};
use crate::text_checks::normalise::is_invisible;
use crate::text_checks::{self, normalise, text_problem, WatchedWord};

/// Lower-case letters and digits only, after normalising (so full-width
/// letters, invisible characters and other digit scripts make no difference).
fn squash(s: &str) -> String {
    normalise(s)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Greek and Cyrillic letters that look like Latin ones, and leetspeak
/// digits and symbols: enough to see "Аdm1n" or "m0derator" as staff
/// without the large confusables table the WASM app leaves out.
fn looks_like_latin(c: char) -> char {
    match c {
        'а' | 'α' | '4' | '@' => 'a',
        'в' | 'β' => 'b',
        'с' | 'ϲ' => 'c',
        'ԁ' => 'd',
        'е' | 'ё' | 'ε' | '3' => 'e',
        'һ' => 'h',
        'і' | 'ї' | 'ι' | '1' | '!' | 'ӏ' => 'i',
        'ј' => 'j',
        'κ' | 'к' => 'k',
        'м' => 'm',
        'η' | 'п' => 'n',
        'о' | 'ο' | 'σ' | '0' => 'o',
        'р' | 'ρ' => 'p',
        'ԛ' => 'q',
        'г' => 'r',
        'ѕ' | '5' | '$' => 's',
        'т' | 'τ' | '7' => 't',
        'υ' => 'u',
        'ν' => 'v',
        'ԝ' | 'ω' => 'w',
        'х' | 'χ' => 'x',
        'у' | 'γ' => 'y',
        _ => c,
    }
}

/// The name as the reserved-word check reads it.
fn reserved_key(s: &str) -> String {
    normalise(s)
        .chars()
        .flat_map(char::to_lowercase)
        .map(looks_like_latin)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

const RESERVED_NAMES: &[&str] = &[
    "admin",
    "administrator",
    "moderator",
    "staff",
    "council",
    "official",
    "participation",
    "positivejourneys",
    "socialworker",
    "childline",
];

/// Checks a display name a young person chose, and tidies its spaces.
///
/// 3 to 24 characters: letters, digits, spaces, `-`, `_`, `.` and `'`, with
/// at least one letter. Not their real name (unless they are allowed to
/// and chose to), no personal details (a handle, a phone number, a school),
/// no run of 4 digits or more (a year of birth, part of a phone number), no
/// watched word of any tier, nothing that suggests harm, not a name that
/// looks official. The error is a message for the young person.
pub fn check_display_name(
    name: &str,
    preferred_name: &str,
    may_use_real_name: bool,
    watched: &[WatchedWord],
) -> Result<String, String> {
    if let Some(problem) = text_problem(name) {
        return Err(problem.to_owned());
    }
    if name.chars().any(is_invisible) {
        return Err("Take out the hidden characters in your forum name and try again.".to_owned());
    }
    let tidy = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let n = tidy.chars().count();
    if !(DISPLAY_NAME_MIN_CHARS..=DISPLAY_NAME_MAX_CHARS).contains(&n) {
        return Err(format!(
            "Choose a name of {DISPLAY_NAME_MIN_CHARS} to {DISPLAY_NAME_MAX_CHARS} letters."
        ));
    }
    if !tidy
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.' | '\''))
    {
        return Err("Use letters, numbers, spaces and - _ . ' only in your forum name.".to_owned());
    }
    if !tidy.chars().any(char::is_alphabetic) {
        return Err("Put at least one letter in your forum name.".to_owned());
    }
    let mut run = 0;
    for c in tidy.chars() {
        run = if c.is_ascii_digit() { run + 1 } else { 0 };
        if run >= 4 {
            return Err(
                "Leave out long numbers: they can be part of a phone number or a birthday."
                    .to_owned(),
            );
        }
    }
    let squashed = squash(&tidy);
    let real = squash(preferred_name);
    if !may_use_real_name && real.chars().count() >= 2 && squashed.contains(&real) {
        return Err(
            "This looks like your real name. To keep you safe, choose a name that is not your real one."
                .to_owned(),
        );
    }
    let reserved = reserved_key(&tidy);
    if RESERVED_NAMES.iter().any(|r| reserved.contains(r)) {
        return Err("Choose a name that does not sound like staff or the council.".to_owned());
    }
    let scan = text_checks::scan(&tidy, watched);
    if !scan.personal_details.is_empty() {
        return Err(
            "This looks like a way to find you (a handle, a number or a place). Choose a name that does not say who or where you are."
                .to_owned(),
        );
    }
    if !scan.watched.is_empty() || scan.suggests_harm {
        return Err("Choose a kinder name.".to_owned());
    }
    Ok(tidy)
}

/// The key that keeps display names unique within a council: normalised
/// (NFKC, invisible characters dropped), case folded, letters and digits
/// only.
pub fn display_name_key(name: &str) -> String {
    squash(name)
}

/// The look-alike skeleton of a display name (UTS #39), so the server can
/// refuse a name that only looks like one already taken ("Ѕаrаh" and
/// "Sarah"). Server-side only: the table is large.
#[cfg(feature = "confusables")]
pub fn display_name_skeleton(name: &str) -> String {
    text_checks::skeleton(&squash(name))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::text_checks::default_watched_words;

    #[test]
    fn display_names() {
        let w = default_watched_words();
        assert_eq!(
            check_display_name("  Blue   Fox ", "Aisha", false, &w),
            Ok("Blue Fox".to_owned())
        );
        assert!(check_display_name("Aisha", "Aisha", false, &w).is_err());
        assert!(check_display_name("aisha_14", "Aisha", false, &w).is_err());
        assert!(check_display_name("Marcus", "Marcus", true, &w).is_ok());
        assert!(check_display_name("ab", "Leo", false, &w).is_err());
        assert!(check_display_name(&"x".repeat(25), "Leo", false, &w).is_err());
        assert!(check_display_name("Fox 2011", "Leo", false, &w).is_err());
        assert!(check_display_name("@foxy", "Leo", false, &w).is_err());
        assert!(check_display_name("foxy<script>", "Leo", false, &w).is_err());
        assert!(check_display_name("Stupid Fox", "Leo", false, &w).is_err());
        assert!(check_display_name("The Moderator", "Leo", false, &w).is_err());
        assert!(check_display_name("12345", "Leo", false, &w).is_err());
        assert!(check_display_name("Star 12", "Leo", false, &w).is_ok());
        assert_eq!(display_name_key("Blue Fox"), display_name_key("blue-fox"));
    }

    #[test]
    fn names_that_look_like_staff() {
        let w = default_watched_words();
        for name in [
            "Adm1n",
            "adm1n fox",
            "m0derator",
            "The M0d3rat0r",
            "5taff",
            "C0uncil Kid",
            "ＡＤＭＩＮ",
            "Аdmin",
            "Ѕtaff",
            "0fficial",
        ] {
            let e = check_display_name(name, "Leo", false, &w).unwrap_err();
            assert!(e.contains("staff or the council"), "{name}: {e}");
        }
        assert!(check_display_name("Admiral Fox", "Leo", false, &w).is_ok());
    }

    #[test]
    fn names_with_hidden_characters() {
        let w = default_watched_words();
        for name in [
            "Blue\u{200b}Fox",
            "Blue\u{202e}Fox",
            "Fox\u{0}y",
            "\u{200b}\u{200b}\u{200b}",
        ] {
            let e = check_display_name(name, "Leo", false, &w).unwrap_err();
            assert!(
                e.contains("hidden characters") || e.contains("see"),
                "{name:?}: {e}"
            );
        }
    }

    #[test]
    fn name_keys_are_normalised() {
        assert_eq!(display_name_key("Blue\u{200b}Fox"), "bluefox");
        assert_eq!(display_name_key("ＢＬＵＥ fox"), "bluefox");
        assert_eq!(display_name_key("Fox ٧"), "fox7");
    }

    #[cfg(feature = "confusables")]
    #[test]
    fn look_alike_names_share_a_skeleton() {
        assert_eq!(
            display_name_skeleton("Ѕаrаh Јоnеs"),
            display_name_skeleton("Sarah Jones")
        );
        assert_eq!(
            text_checks::skeleton("pаypаl"),
            text_checks::skeleton("paypal")
        );
        assert_eq!(
            text_checks::skeleton("ｐａｙｐａｌ"),
            text_checks::skeleton("PayPal")
        );
        assert_eq!(
            text_checks::skeleton("Sarah\u{200b}Jones"),
            text_checks::skeleton("sarah jones")
        );
        assert_ne!(
            display_name_skeleton("Sarah Jones"),
            display_name_skeleton("Sara Jonas")
        );
        assert_ne!(
            text_checks::skeleton("Blue Fox"),
            text_checks::skeleton("Red Fox")
        );
        // TR39 reads "1" as "l", so "Adm1n" looks like "admln", not "admin".
        assert_eq!(
            text_checks::skeleton("Adm1n"),
            text_checks::skeleton("admln")
        );
    }
}
