//! Property tests: phone numbers and email addresses disguised the ways a
//! determined teenager might (odd spaces, invisible characters, digits of
//! other scripts, spelled digits, "at"/"dot") are still held; ordinary posts
//! full of dates, times, prices and numbers are still published.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use shared::text_checks::{scan, DetailKind, Verdict};

/// The zero of each digit script used to disguise a number.
const DIGIT_ZEROS: &[u32] = &[
    0x30,    // ASCII
    0x660,   // Arabic-Indic
    0x6F0,   // extended Arabic-Indic
    0xFF10,  // full-width
    0x966,   // Devanagari
    0x1D7CE, // mathematical bold
    0x9E6,   // Bengali
];

const WORDS: [&str; 10] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];

/// Between two digits: nothing, or a mix of spaces of every kind,
/// invisible characters and punctuation.
fn separator() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just(" "),
        Just("\u{a0}"),
        Just("\u{2009}"),
        Just("\u{202f}"),
        Just("\u{3000}"),
        Just("\u{200b}"),
        Just("\u{200c}"),
        Just("\u{200d}"),
        Just("\u{2060}"),
        Just("\u{feff}"),
        Just("\u{ad}"),
        Just("-"),
        Just("."),
        Just("_"),
        Just("("),
        Just(")"),
    ];
    prop_oneof![
        3 => Just(String::new()),
        2 => proptest::collection::vec(piece, 1..3).prop_map(|v| v.concat()),
    ]
}

/// A UK number as its digits, with how it starts ("+44" or not).
fn uk_number() -> impl Strategy<Value = (String, String)> {
    let rest = |n: usize| proptest::collection::vec(0u8..10, n);
    prop_oneof![
        rest(9).prop_map(|d| ("".to_owned(), format!("07{}", digits(&d)))),
        rest(8).prop_map(|d| ("".to_owned(), format!("020{}", digits(&d)))),
        rest(9).prop_map(|d| ("+44 ".to_owned(), format!("7{}", digits(&d)))),
        rest(9).prop_map(|d| ("".to_owned(), format!("00447{}", digits(&d)))),
        rest(7).prop_map(|d| ("".to_owned(), format!("0161{}", digits(&d)))),
    ]
}

fn digits(d: &[u8]) -> String {
    d.iter().map(|x| char::from(b'0' + x)).collect()
}

/// Each digit in a script chosen per number, or (sometimes) as a word.
fn disguise_number(
    lead: &str,
    number: &str,
    zero: u32,
    spelled: &[bool],
    seps: &[String],
) -> String {
    let mut out = lead.to_owned();
    for (i, c) in number.chars().enumerate() {
        let v = c.to_digit(10).unwrap();
        let word = spelled.get(i).copied().unwrap_or(false);
        if word {
            // Words need a separator on each side.
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            out.push_str(WORDS[v as usize]);
            out.push(' ');
        } else {
            out.push(char::from_u32(zero + v).unwrap());
        }
        if i + 1 < number.len() && !word {
            out.push_str(seps.get(i).map_or("", String::as_str));
        }
    }
    out.trim_end().to_owned()
}

fn sentence() -> impl Strategy<Value = (&'static str, &'static str)> {
    prop_oneof![
        Just(("text me on ", " ok")),
        Just(("my number is ", "")),
        Just(("ring ", " after school")),
        Just(("", " is mine")),
        Just(("call me: ", "!")),
        Just(("رقمي ", " شكرا")),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn disguised_phone_numbers_are_held(
        (lead, number) in uk_number(),
        zero in proptest::sample::select(DIGIT_ZEROS),
        spelled in proptest::collection::vec(proptest::bool::weighted(0.2), 16),
        seps in proptest::collection::vec(separator(), 16),
        (before, after) in sentence(),
    ) {
        let phone = disguise_number(&lead, &number, zero, &spelled, &seps);
        let text = format!("{before}{phone}{after}");
        let r = scan(&text, &[]);
        prop_assert_eq!(r.verdict, Verdict::HoldForApproval, "{:?}", text);
        prop_assert!(
            r.personal_details.iter().any(|f| f.kind == DetailKind::Phone),
            "{:?}: {:?}", text, r.personal_details
        );
        for f in &r.personal_details {
            prop_assert!(text.get(f.start..f.end).is_some());
        }
    }

    #[test]
    fn disguised_emails_are_held(
        name in "[a-z]{2,8}[0-9]{0,2}",
        host in proptest::sample::select(vec!["gmail", "hotmail", "outlook", "mysite", "school"]),
        tld in proptest::sample::select(vec!["com", "co.uk", "org", "net"]),
        at in proptest::sample::select(vec!["@", "＠", " @ ", " at ", "(at)", " [at] ", "{at}", " (at) ", "\u{200b}@\u{200b}", "\u{a0}@\u{a0}"]),
        dot in proptest::sample::select(vec![".", " . ", " dot ", "(dot)", " [dot] ", "{dot}", "．"]),
        full_width in proptest::bool::weighted(0.2),
        (before, after) in prop_oneof![
            Just(("email me ", " thanks")),
            Just(("", " is my email")),
            Just(("my email: ", "")),
        ],
    ) {
        let tld = tld.replace('.', dot);
        let mut address = format!("{name}{at}{host}{dot}{tld}");
        if full_width {
            address = address
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() {
                    char::from_u32(u32::from(c) - 0x21 + 0xFF01).unwrap()
                } else {
                    c
                })
                .collect();
        }
        let text = format!("{before}{address}{after}");
        let r = scan(&text, &[]);
        prop_assert_eq!(r.verdict, Verdict::HoldForApproval, "{:?}", text);
        prop_assert!(
            r.personal_details.iter().any(|f| f.kind == DetailKind::Email),
            "{:?}: {:?}", text, r.personal_details
        );
    }

    #[test]
    fn ordinary_numbers_are_published(
        parts in proptest::collection::vec(ordinary_part(), 1..6),
    ) {
        let text = parts.join(" ");
        let r = scan(&text, &[]);
        prop_assert!(r.personal_details.is_empty(), "{:?}: {:?}", text, r.personal_details);
        prop_assert_eq!(r.verdict, Verdict::Publish, "{:?}", text);
    }
}

/// A phrase of an ordinary post about an event, full of numbers.
fn ordinary_part() -> impl Strategy<Value = String> {
    prop_oneof![
        (1u32..29, 1u32..13, 2020u32..2031).prop_map(|(d, m, y)| format!("on {d:02}/{m:02}/{y}")),
        (1u32..29, 2020u32..2031).prop_map(|(d, y)| format!("from {d} Dec {y}")),
        (0u32..24, 0u32..60).prop_map(|(h, m)| format!("at {h}:{m:02}")),
        (1u32..12).prop_map(|h| format!("at {h}pm")),
        (1u32..100, 0u32..100).prop_map(|(p, c)| format!("it costs £{p}.{c:02}")),
        (1u32..10, 0u32..1000).prop_map(|(t, h)| format!("the trip is £{t},{h:03}")),
        (10u32..18, 18u32..26).prop_map(|(a, b)| format!("for ages {a} to {b}")),
        (10u32..18, 18u32..26).prop_map(|(a, b)| format!("aged {a}-{b}")),
        (1u32..10, 10u32..20).prop_map(|(a, b)| format!("event {a} of {b}")),
        (1u32..400).prop_map(|n| format!("room {n}")),
        (2020u32..2031).prop_map(|y| format!("in year {y}")),
        (1u32..500).prop_map(|n| format!("get bus {n}")),
        (1u32..30).prop_map(|n| format!("{n} of us went")),
    ]
}
