//! Tests of [`scan`] as a whole: the verdict from all three checks together,
//! serialisation, odd Unicode and long texts.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::findings::BLOCK_MESSAGE;
use super::*;

fn found(text: &str) -> Vec<String> {
    find_personal_details(text)
        .into_iter()
        .map(|f| text[f.start..f.end].to_string())
        .collect()
}

fn harm(text: &str) -> bool {
    !find_harm(text).is_empty()
}

fn ww(pattern: &str, tier: Tier) -> WatchedWord {
    WatchedWord {
        pattern: pattern.to_string(),
        tier,
    }
}

fn watched(text: &str, list: &[WatchedWord]) -> Vec<String> {
    find_watched_words(text, list)
        .into_iter()
        .map(|m| text[m.start..m.end].to_string())
        .collect()
}

// ---- acceptance ----

#[test]
fn acceptance_phone_number_holds() {
    let r = scan("text me on 07700 900123", &default_watched_words());
    assert_eq!(r.verdict, Verdict::HoldForApproval);
    assert_eq!(r.personal_details.len(), 1);
    let f = &r.personal_details[0];
    assert_eq!(f.kind, DetailKind::Phone);
    assert_eq!(&"text me on 07700 900123"[f.start..f.end], "07700 900123");
    assert!(f.message.contains("phone number"));
    assert!(!r.suggests_harm);
    assert_eq!(r.message_for_child(), Some(DetailKind::Phone.message()));
}

#[test]
fn ordinary_post_publishes() {
    let r = scan(
        "I went to the cinema with my foster carer and we had popcorn. It was great!",
        &default_watched_words(),
    );
    assert_eq!(r.verdict, Verdict::Publish);
    assert!(!r.flagged);
    assert!(r.personal_details.is_empty());
    assert_eq!(r.message_for_child(), None);
}

#[test]
fn watched_tiers_and_verdicts() {
    let list = default_watched_words();
    let r = scan("you are a retard", &list);
    assert_eq!(r.verdict, Verdict::Block);
    assert_eq!(r.watched[0].tier, Tier::Block);
    assert_eq!(r.message_for_child(), Some(BLOCK_MESSAGE));

    let r = scan("she is a slag", &list);
    assert_eq!(r.verdict, Verdict::HoldForApproval);
    assert!(!r.flagged);

    let r = scan("that was stupid lol", &list);
    assert_eq!(r.verdict, Verdict::Publish);
    assert!(r.flagged);

    let r = scan("kys", &list);
    assert_eq!(r.verdict, Verdict::HoldForApproval);
    assert!(!r.suggests_harm);

    // Block beats a personal detail: the child changes the words first.
    let r = scan("retard 07700 900123", &list);
    assert_eq!(r.verdict, Verdict::Block);
    assert!(!r.flagged && r.personal_details.len() == 1);
}

#[test]
fn watched_empty_and_odd_patterns() {
    assert!(find_watched_words("anything", &[]).is_empty());
    let odd = vec![
        ww("", Tier::Block),
        ww("  !!  ", Tier::Block),
        ww("😀", Tier::Block),
    ];
    assert_eq!(scan("hello 😀 there", &odd).verdict, Verdict::Publish);
}

#[test]
fn harm_wins_over_block() {
    let r = scan("I want to die you retard", &default_watched_words());
    assert!(r.suggests_harm);
    assert_eq!(r.verdict, Verdict::HoldForApproval);
    assert!(r.watched.iter().any(|m| m.tier == Tier::Block));
    assert_eq!(r.message_for_child(), Some(kind_message_for_harm()));
}

#[test]
fn harm_holds_and_lists_phrases() {
    let r = scan("he hits me and I want to die", &[]);
    assert!(r.suggests_harm);
    assert_eq!(r.verdict, Verdict::HoldForApproval);
    let phrases: Vec<&str> = r.harm_matches.iter().map(|m| m.phrase.as_str()).collect();
    assert_eq!(phrases, vec!["he hits me", "want to die"]);
}

// ---- UTF-8 and robustness ----

#[test]
fn unicode_text_does_not_panic() {
    let texts = [
        "😀😀 07700 900123 😀",
        "مرحبا أنا بخير 07700900123 شكرا",
        "أريد أن أموت",
        "Ünïcödé stüüüpid 🤬 SE1 9SG ✨",
        "@😀 @ @@ @@jay",
        "ǅ İstanbul ß ﬁ 12 Ölweg Road",
        "s😀t😀u😀p😀i😀d",
        "x.com😀",
        "\u{200b}kms\u{200b}",
        "🏳️‍🌈 I want to die 🏳️‍🌈",
        "'''!!!$$$@@@",
        "",
        " ",
        "a",
        "0",
    ];
    for t in texts {
        let r = scan(t, &default_watched_words());
        for f in &r.personal_details {
            assert!(t.get(f.start..f.end).is_some(), "{t}");
        }
        for m in &r.watched {
            assert!(t.get(m.start..m.end).is_some(), "{t}");
        }
        for m in &r.harm_matches {
            assert!(t.get(m.start..m.end).is_some(), "{t}");
        }
    }
    assert_eq!(
        found("مرحبا أنا بخير 07700900123 شكرا"),
        vec!["07700900123"]
    );
    assert_eq!(
        watched("Ünïcödé stüüüpid", &[ww("stüpid", Tier::Flag)]).len(),
        1
    );
    assert!(harm("🏳️‍🌈 I want to die 🏳️‍🌈"));
}

#[test]
fn serde_round_trip() {
    let r = scan(
        "text me on 07700 900123, I want to die",
        &default_watched_words(),
    );
    let json = serde_json::to_string(&r).unwrap();
    assert!(json.contains("\"verdict\":\"hold_for_approval\""));
    assert!(json.contains("\"kind\":\"phone\""));
    let back: ScanResult = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r);
    let w: WatchedWord = serde_json::from_str(r#"{"pattern":"x","tier":"flag"}"#).unwrap();
    assert_eq!(w.tier, Tier::Flag);
}

#[test]
fn long_text_is_fast() {
    let chunk = "I went to the park with my friends and we played football, it was fun. \
                 My carer said 12/05/2024 was a good day. s t u p i d @ 5 😀 مرحبا ";
    let text = chunk.repeat(5_000 / chunk.len() + 1);
    let list = default_watched_words();
    let started = std::time::Instant::now();
    for _ in 0..20 {
        let r = scan(&text, &list);
        assert!(r.flagged);
    }
    // Generous bound for unoptimised test builds on a busy machine.
    assert!(
        started.elapsed().as_millis() < 2_000,
        "{:?}",
        started.elapsed()
    );

    // Pathological inputs stay linear.
    for bad in [
        "@".repeat(50_000),
        "a@".repeat(25_000),
        "0 ".repeat(25_000),
        "a ".repeat(25_000),
        "7".repeat(50_000),
    ] {
        let started = std::time::Instant::now();
        let _ = scan(&bad, &list);
        assert!(
            started.elapsed().as_millis() < 2_000,
            "{:?}",
            started.elapsed()
        );
    }
}
