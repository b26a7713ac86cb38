//! Tests across the forum modules: every stored name reads back.

use super::*;

#[test]
fn names_round_trip() {
    for s in PostStatus::ALL {
        assert_eq!(PostStatus::parse(s.as_str()), Some(s));
    }
    for a in ModAction::ALL {
        assert_eq!(ModAction::parse(a.as_str()), Some(a));
    }
    for k in EventKind::ALL {
        assert_eq!(EventKind::parse(k.as_str()), Some(k));
    }
    for s in SignupStatus::ALL {
        assert_eq!(SignupStatus::parse(s.as_str()), Some(s));
    }
    for s in ReportStatus::ALL {
        assert_eq!(ReportStatus::parse(s.as_str()), Some(s));
    }
    assert_eq!(ReportStatus::parse("Open"), None);
    let r = [HoldReason::Under18, HoldReason::SuggestsHarm];
    assert_eq!(HoldReason::split(&HoldReason::join(&r)), r.to_vec());
    assert_eq!(
        HoldReason::parse_list(&HoldReason::join(&r)),
        Some(r.to_vec())
    );
    assert_eq!(HoldReason::parse_list(""), Some(vec![]));
    assert_eq!(HoldReason::parse_list("under_18,bogus"), None);
    assert_eq!(
        slug_of("Positive Journeys: Seniors!"),
        "positive-journeys-seniors"
    );
    assert!(is_slug("positive-journeys") && !is_slug("-x") && !is_slug("A"));
}
