//! Tests of the personal-detail scanners, through [`find_personal_details`]
//! so that overlapping findings are merged as the child would see them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::find_personal_details;
use crate::text_checks::findings::DetailKind;

fn kinds(text: &str) -> Vec<DetailKind> {
    find_personal_details(text)
        .into_iter()
        .map(|f| f.kind)
        .collect()
}

fn found(text: &str) -> Vec<String> {
    find_personal_details(text)
        .into_iter()
        .map(|f| text[f.start..f.end].to_string())
        .collect()
}

// ---- phone numbers ----

#[test]
fn phone_numbers_found() {
    for t in [
        "07700 900123",
        "07700900123",
        "07700-900-123",
        "07700.900.123",
        "(07700) 900123",
        "+44 7700 900123",
        "+447700900123",
        "+44 (0)7700 900123",
        "0044 7700 900123",
        "020 7946 0018",
        "(020) 7946 0018",
        "0207 946 0018",
        "01632 960001",
        "0161 496 0000",
    ] {
        assert_eq!(
            kinds(&format!("call me {t} ok")),
            vec![DetailKind::Phone],
            "{t}"
        );
        assert_eq!(
            found(&format!("call me {t} ok")),
            vec![t.to_string()],
            "{t}"
        );
    }
}

#[test]
fn phone_number_touching_words_and_years() {
    assert_eq!(found("number:07700900123"), vec!["07700900123"]);
    assert_eq!(found("In 2023 07700 900123 was mine"), vec!["07700 900123"]);
    assert_eq!(found("07700 900123 and 07700 900124").len(), 2);
    assert_eq!(
        found("ring 0 7 7 0 0 9 0 0 1 2 3 x"),
        vec!["0 7 7 0 0 9 0 0 1 2 3"]
    );
    assert_eq!(
        found("ring 0-7-7-0-0-9-0-0-1-2-3"),
        vec!["0-7-7-0-0-9-0-0-1-2-3"]
    );
}

#[test]
fn disguised_phone_numbers_found() {
    for (t, want) in [
        (
            "ring 07700\u{a0}900\u{2009}123 ok",
            "07700\u{a0}900\u{2009}123",
        ),
        (
            "ring 0\u{200b}7\u{200c}7\u{200d}0\u{2060}0 900123",
            "0\u{200b}7\u{200c}7\u{200d}0\u{2060}0 900123",
        ),
        ("رقمي ٠٧٧٠٠ ٩٠٠١٢٣ شكرا", "٠٧٧٠٠ ٩٠٠١٢٣"),
        ("number ۰۷۷۰۰۹۰۰۱۲۳", "۰۷۷۰۰۹۰۰۱۲۳"),
        ("number ０７７００ ９００１２３", "０７７００ ９００１２３"),
        ("call ०७७०० ९००१२३", "०७७०० ९००१२३"),
        ("call 𝟎𝟕𝟕𝟎𝟎𝟗𝟎𝟎𝟏𝟐𝟑 x", "𝟎𝟕𝟕𝟎𝟎𝟗𝟎𝟎𝟏𝟐𝟑"),
        ("ring 07700_900_123", "07700_900_123"),
        ("ring [07700] {900} 123", "[07700] {900} 123"),
        (
            "ring 0 7 7 0 0 - 9 0 0 . 1 2 3",
            "0 7 7 0 0 - 9 0 0 . 1 2 3",
        ),
        (
            "it's oh seven seven double oh nine oh oh one two three",
            "oh seven seven double oh nine oh oh one two three",
        ),
        (
            "zero seven seven zero zero nine zero zero one two three",
            "zero seven seven zero zero nine zero zero one two three",
        ),
        (
            "0 seven 7 double 0 900 one 2 three",
            "0 seven 7 double 0 900 one 2 three",
        ),
        ("triple seven? 07 triple 7 0 90012", "07 triple 7 0 90012"),
        ("oh two oh 7946 oh oh 18", "oh two oh 7946 oh oh 18"),
    ] {
        assert_eq!(kinds(t), vec![DetailKind::Phone], "{t}");
        assert_eq!(found(t), vec![want.to_string()], "{t}");
    }
}

#[test]
fn not_phone_numbers() {
    for t in [
        "I am 14",
        "my birthday is 12/05/2024",
        "on 12.05.2024 we went out",
        "01/01/2000",
        "it costs £1,250.99",
        "it was £12.50",
        "we won 10-0",
        "call Childline on 0800 1111",
        "meet at 07:30",
        "I scored 1234567",
        "year 7 and year 8",
        "123 456 789 000",
        "on 01/02/2026 101 of us came",
        "room 101 on 12/05/2026 at 10:30",
        "one two three four five six seven eight nine ten",
        "I have two brothers and one sister",
        "we met at 7 o'clock and 8 o'clock",
        "double trouble, oh no",
        "aged 16-25, event 3 of 12, bus 229, year 2026",
        "it cost £1,200 and £12.50",
    ] {
        assert!(kinds(t).is_empty(), "{t}: {:?}", found(t));
    }
}

// ---- email ----

#[test]
fn emails_found() {
    assert_eq!(
        found("email jay.smith99@gmail.com please"),
        vec!["jay.smith99@gmail.com"]
    );
    assert_eq!(found("JAY@Example.CO.UK."), vec!["JAY@Example.CO.UK"]);
    assert_eq!(found("jay at gmail dot com"), vec!["jay at gmail dot com"]);
    assert_eq!(found("jay at hotmail.co.uk"), vec!["jay at hotmail.co.uk"]);
    assert_eq!(found("jay [at] outlook"), vec!["jay [at] outlook"]);
    assert_eq!(kinds("mail me: a_b@school.sch.uk"), vec![DetailKind::Email]);
}

#[test]
fn disguised_emails_found() {
    for (t, want) in [
        ("mail jay @ gmail . com ok", "jay @ gmail . com"),
        ("mail jay@gmail . com", "jay@gmail . com"),
        ("mail jay at gmail dot com", "jay at gmail dot com"),
        ("mail jay(at)gmail(dot)com", "jay(at)gmail(dot)com"),
        ("mail jay [at] gmail [dot] com", "jay [at] gmail [dot] com"),
        (
            "mail jay {at} site {dot} co {dot} uk",
            "jay {at} site {dot} co {dot} uk",
        ),
        (
            "mail jay (at) mysite (dot) org",
            "jay (at) mysite (dot) org",
        ),
        ("mail jay at mysite dot org", "jay at mysite dot org"),
        ("mail jay.smith at mysite.org", "jay.smith at mysite.org"),
        (
            "mail ｊａｙ＠ｇｍａｉｌ．ｃｏｍ",
            "ｊａｙ＠ｇｍａｉｌ．ｃｏｍ",
        ),
        ("mail jay＠gmail.com", "jay＠gmail.com"),
        (
            "mail jay\u{200b}@\u{200b}gmail.com",
            "jay\u{200b}@\u{200b}gmail.com",
        ),
        ("mail jay (@) gmail", "jay (@) gmail"),
        ("mail jay@gmail", "jay@gmail"),
        ("mail jay @ mysite . co . uk", "jay @ mysite . co . uk"),
    ] {
        assert_eq!(kinds(t), vec![DetailKind::Email], "{t}: {:?}", found(t));
        assert_eq!(found(t), vec![want.to_string()], "{t}");
    }
}

#[test]
fn not_emails() {
    for t in [
        "meet me @ 5",
        "a@b",
        "me@home",
        "look at that dot",
        "I was at home",
        "I was at school. Me and my friend went out",
        "we met at town. Com on then",
        "meet me @ school. Me and you",
        "good at maths. It is fun",
        "see you @ 7. Bring food",
    ] {
        assert!(
            !kinds(t).contains(&DetailKind::Email),
            "{t}: {:?}",
            found(t)
        );
    }
}

// ---- postcodes ----

#[test]
fn postcodes_found() {
    for t in [
        "DA6 7AT", "SE1 9SG", "DA67AT", "da6 7at", "se1 9sg", "SW1A 1AA", "M1 1AE", "EC1A 1BB",
        "B33 8TH", "W1A 0AX",
    ] {
        assert_eq!(found(&format!("near {t}.")), vec![t.to_string()], "{t}");
        assert_eq!(
            kinds(&format!("near {t}.")),
            vec![DetailKind::Postcode],
            "{t}"
        );
    }
}

#[test]
fn not_postcodes() {
    for t in [
        "I have a PS4 3DS and a switch",
        "mp3 player",
        "DA6",
        "SE19",
        "we sat in row A1 2BC",
        "covid19 was bad",
        "DA6 7ATX",
    ] {
        assert!(
            !kinds(t).contains(&DetailKind::Postcode),
            "{t}: {:?}",
            found(t)
        );
    }
}

// ---- addresses ----

#[test]
fn addresses_found() {
    assert_eq!(found("I live at 12 Oak Road"), vec!["12 Oak Road"]);
    assert_eq!(found("come to 4a high st tomorrow"), vec!["4a high st"]);
    assert_eq!(found("it's 221 Baker Street"), vec!["221 Baker Street"]);
    assert_eq!(found("5 The Crescent"), vec!["5 The Crescent"]);
    assert_eq!(found("12 St Johns Avenue"), vec!["12 St Johns Avenue"]);
    assert_eq!(found("10 Maple Close"), vec!["10 Maple Close"]);
    assert_eq!(found("i live at 4 oak close"), vec!["4 oak close"]);
    assert_eq!(found("I live on Long Lane"), vec!["Long Lane"]);
    assert_eq!(
        found("we live in primrose gardens"),
        vec!["primrose gardens"]
    );
    assert_eq!(found("3 Hill Rd, DA6 7AT"), vec!["3 Hill Rd", "DA6 7AT"]);
}

#[test]
fn not_addresses() {
    for t in [
        "I ran 5 miles down the road",
        "it's a 10 min walk",
        "a 3 hour drive",
        "2 dogs in the park",
        "we got 3 in a row",
        "I walked 3 times up the hill",
        "there's 2 way to do it",
        "I live in the park",
        "we live in London",
        "5 of us went to the park",
        "I have 2 dogs. Road trips are fun",
    ] {
        assert!(
            !kinds(t).contains(&DetailKind::Address),
            "{t}: {:?}",
            found(t)
        );
    }
}

// ---- schools ----

#[test]
fn schools_found() {
    assert_eq!(found("I go to Hurstmere School"), vec!["Hurstmere School"]);
    assert_eq!(found("St Mary's Primary is ok"), vec!["St Mary's Primary"]);
    assert_eq!(
        found("St. Mary's Primary School"),
        vec!["St. Mary's Primary School"]
    );
    assert_eq!(
        found("Bexley Grammar School"),
        vec!["Bexley Grammar School"]
    );
    assert_eq!(
        found("Hurstmere High School rocks"),
        vec!["Hurstmere High School"]
    );
    assert_eq!(
        found("I'm at Harris Academy Falconwood"),
        vec!["Harris Academy"]
    );
    assert_eq!(found("I love Hurstmere school"), vec!["Hurstmere school"]);
    assert_eq!(found("i go to hurstmere school"), vec!["hurstmere school"]);
    assert_eq!(
        found("my school is called hurstmere"),
        vec!["my school is called hurstmere"]
    );
    assert_eq!(
        found("My school is Hurstmere"),
        vec!["My school is Hurstmere"]
    );
    assert_eq!(
        found("my school's name is Welling"),
        vec!["my school's name is Welling"]
    );
    assert_eq!(kinds("Bexley College"), vec![DetailKind::School]);
}

#[test]
fn not_schools() {
    for t in [
        "I hate school",
        "My school is boring",
        "my school is in Bexley",
        "Today school was fun",
        "I love High School Musical",
        "Secondary school is hard",
        "The School was shut",
        "I went to Paris. School is boring",
        "Sunday School",
        "I go to a new school",
        "i go to big school next year",
        "back at school",
        "after school club",
        "i went to my school",
        "Primary school was easier",
        "Yesterday, school was fun",
        "Honestly school sucks",
        "Ugh school again",
        "Hey school friends",
    ] {
        assert!(
            !kinds(t).contains(&DetailKind::School),
            "{t}: {:?}",
            found(t)
        );
    }
}

// ---- social media ----

#[test]
fn social_media_found() {
    assert_eq!(found("follow @jay_11 pls"), vec!["@jay_11"]);
    assert_eq!(found("snap: jaybird"), vec!["snap: jaybird"]);
    assert_eq!(found("SC - jaybird"), vec!["SC - jaybird"]);
    assert_eq!(found("my insta is jaybird"), vec!["my insta is jaybird"]);
    assert_eq!(found("my snap's jaybird"), vec!["my snap's jaybird"]);
    assert_eq!(
        found("my insta is jaybird_07."),
        vec!["my insta is jaybird_07"]
    );
    assert_eq!(found("my discord is jay#1234"), vec!["my discord is jay"]);
    assert_eq!(
        found("my snapchat username is jay"),
        vec!["my snapchat username is jay"]
    );
    assert_eq!(found("add me on snap"), vec!["add me on snap"]);
    assert_eq!(found("add me on roblox"), vec!["add me on roblox"]);
    assert_eq!(found("message me on insta"), vec!["message me on insta"]);
    assert_eq!(found("tiktok jay_smith"), vec!["tiktok jay_smith"]);
    assert_eq!(found("discord jay1234"), vec!["discord jay1234"]);
    assert_eq!(
        found("see https://www.instagram.com/jay.smith/ now"),
        vec!["https://www.instagram.com/jay.smith/"]
    );
    assert_eq!(found("tiktok.com/@jay"), vec!["tiktok.com/@jay"]);
    assert_eq!(found("join discord.gg/abc123!"), vec!["discord.gg/abc123"]);
    assert_eq!(kinds("wa.me/447700900123"), vec![DetailKind::SocialMedia]);
}

#[test]
fn not_social_media() {
    for t in [
        "I love snapchat filters",
        "my insta is private",
        "meet @5pm",
        "see you @ 3",
        "I watched it on tiktok",
        "tiktok 100k views",
        "netflix.com is good",
        "go to box.com",
        "this is on x.community",
        "text me on monday",
        "add me on here",
        "my snaps are funny",
        "snap - it was fun",
        "tiktok: so funny",
        "follow me on this",
        "jay@example.com",
    ] {
        assert!(
            !kinds(t).contains(&DetailKind::SocialMedia),
            "{t}: {:?}",
            found(t)
        );
    }
}
