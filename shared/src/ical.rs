//! An iCalendar (RFC 5545) file for one event, such as "my next review", so a
//! young person can add it to the calendar on their phone.
//!
//! Written by hand because the format is small and the output must be the
//! same in the browser and on the server. No clock is read: the caller passes
//! the DTSTAMP. Times are wall-clock times in Europe/London, sent with the
//! zone's rules (VTIMEZONE) so every calendar app shows the same hour the
//! council booked, whatever the device's own zone; an event with no time is
//! an all-day event.

use chrono::{DateTime, Days, NaiveDate, NaiveDateTime, Utc};

/// Identifies the program that wrote the file (RFC 5545 §3.7.3).
pub const PRODID: &str = "-//Good for Me//Good for Me//EN";
/// The only zone the app books in.
pub const TZID: &str = "Europe/London";

/// The longest a line may be, in octets, not counting the CRLF (§3.1).
const MAX_LINE_OCTETS: usize = 75;

/// Europe/London since 1996: BST from 01:00 GMT on the last Sunday of March,
/// GMT from 01:00 GMT (02:00 BST) on the last Sunday of October. Each DTSTART
/// is the first change under the rule, in the local time it happened from.
const VTIMEZONE_EUROPE_LONDON: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/London",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0000",
    "TZOFFSETTO:+0100",
    "TZNAME:BST",
    "DTSTART:19960331T010000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0000",
    "TZNAME:GMT",
    "DTSTART:19961027T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// When the event happens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventTime {
    /// The whole of one day, with no time yet.
    AllDay(NaiveDate),
    /// Wall-clock times in Europe/London. If `end` is not after `start`, the
    /// file has no DTEND (a zero-length event) rather than an invalid one.
    Local {
        start: NaiveDateTime,
        end: NaiveDateTime,
    },
}

/// One event to put in a calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarEvent {
    /// Stable for the same review, so adding the file again updates the
    /// event instead of adding a second one. Globally unique, such as
    /// `review-<id>@<council domain>`.
    pub uid: String,
    pub summary: String,
    pub when: EventTime,
    pub location: Option<String>,
    pub description: Option<String>,
}

/// Escapes a TEXT value (§3.3.11): backslash, semicolon, comma and newline.
/// CRLF and a lone CR count as one newline. Other control characters are not
/// allowed in TEXT, so they are dropped (a tab is kept).
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line (§3.1): no physical line longer than 75 octets,
/// each continuation starting with a space, and never inside a UTF-8
/// character, since some readers reject a split one. No trailing CRLF.
pub fn fold_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 25);
    let mut octets = 0;
    for ch in line.chars() {
        let width = ch.len_utf8();
        if octets + width > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            octets = 1;
        }
        out.push(ch);
        octets += width;
    }
    out
}

fn push_line(out: &mut String, line: &str) {
    out.push_str(&fold_line(line));
    out.push_str("\r\n");
}

fn format_date(date: NaiveDate) -> String {
    date.format("%Y%m%d").to_string()
}

fn format_local(at: NaiveDateTime) -> String {
    at.format("%Y%m%dT%H%M%S").to_string()
}

/// The whole `.ics` file for `event`, with CRLF line endings.
/// `dtstamp` is when the file was made (UTC), passed in so the output
/// depends on nothing but the arguments.
pub fn event_to_ical(event: &CalendarEvent, dtstamp: DateTime<Utc>) -> String {
    let mut out = String::with_capacity(1024);
    push_line(&mut out, "BEGIN:VCALENDAR");
    push_line(&mut out, &format!("PRODID:{PRODID}"));
    push_line(&mut out, "VERSION:2.0");
    push_line(&mut out, "CALSCALE:GREGORIAN");
    push_line(&mut out, "METHOD:PUBLISH");
    if matches!(event.when, EventTime::Local { .. }) {
        for line in VTIMEZONE_EUROPE_LONDON {
            push_line(&mut out, line);
        }
    }
    push_line(&mut out, "BEGIN:VEVENT");
    push_line(&mut out, &format!("UID:{}", escape_text(&event.uid)));
    push_line(
        &mut out,
        &format!("DTSTAMP:{}", dtstamp.format("%Y%m%dT%H%M%SZ")),
    );
    match event.when {
        EventTime::AllDay(date) => {
            push_line(
                &mut out,
                &format!("DTSTART;VALUE=DATE:{}", format_date(date)),
            );
            // DTEND is exclusive (§3.6.1): the next day. Skipped only at the
            // end of chrono's calendar, where no next day exists.
            if let Some(next) = date.checked_add_days(Days::new(1)) {
                push_line(&mut out, &format!("DTEND;VALUE=DATE:{}", format_date(next)));
            }
        }
        EventTime::Local { start, end } => {
            push_line(
                &mut out,
                &format!("DTSTART;TZID={TZID}:{}", format_local(start)),
            );
            if end > start {
                push_line(
                    &mut out,
                    &format!("DTEND;TZID={TZID}:{}", format_local(end)),
                );
            }
        }
    }
    push_line(
        &mut out,
        &format!("SUMMARY:{}", escape_text(&event.summary)),
    );
    if let Some(location) = &event.location {
        push_line(&mut out, &format!("LOCATION:{}", escape_text(location)));
    }
    if let Some(description) = &event.description {
        push_line(
            &mut out,
            &format!("DESCRIPTION:{}", escape_text(description)),
        );
    }
    push_line(&mut out, "END:VEVENT");
    push_line(&mut out, "END:VCALENDAR");
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use chrono::{Datelike, TimeZone, Weekday};

    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn at(y: i32, m: u32, day: u32, h: u32, min: u32) -> NaiveDateTime {
        d(y, m, day).and_hms_opt(h, min, 0).unwrap()
    }

    fn stamp() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 12, 1, 9, 30, 0).unwrap()
    }

    #[test]
    fn escapes_text_values() {
        assert_eq!(escape_text("a,b;c\\d"), "a\\,b\\;c\\\\d");
        assert_eq!(
            escape_text("one\ntwo\r\nthree\rfour"),
            "one\\ntwo\\nthree\\nfour"
        );
        assert_eq!(escape_text("tab\there\u{7}"), "tab\there");
        assert_eq!(escape_text("colon: fine"), "colon: fine");
        assert_eq!(
            escape_text("\\n is not a newline"),
            "\\\\n is not a newline"
        );
    }

    #[test]
    fn short_lines_are_not_folded() {
        let line = "A".repeat(75);
        assert_eq!(fold_line(&line), line);
    }

    #[test]
    fn folds_without_splitting_a_character() {
        // 74 ASCII octets then a 2-octet "é": the "é" would straddle octet 75,
        // so it moves whole to the next line.
        let line = format!("{}é", "A".repeat(74));
        assert_eq!(fold_line(&line), format!("{}\r\n é", "A".repeat(74)));

        // A long line of mixed 1-, 2-, 3- and 4-octet characters.
        let line = format!(
            "DESCRIPTION:{}",
            "Café ☕ in Bexleyheath 🙂 – naïve ".repeat(8)
        );
        let folded = fold_line(&line);
        let physical: Vec<&str> = folded.split("\r\n").collect();
        assert!(physical.len() > 3);
        for (i, part) in physical.iter().enumerate() {
            assert!(part.len() <= 75, "line {i} is {} octets", part.len());
            if i > 0 {
                assert!(
                    part.starts_with(' '),
                    "continuation {i} must start with a space"
                );
            }
        }
        // Full lines are used: only the last may be short by more than a
        // character's width.
        for part in &physical[..physical.len() - 1] {
            assert!(part.len() > 75 - 4);
        }
        // Unfolding gives the line back.
        assert_eq!(folded.replace("\r\n ", ""), line);
    }

    #[test]
    fn sample_event_exact_output() {
        let event = CalendarEvent {
            uid: "review-42@goodforme.example".into(),
            summary: "My review, with Sam; bring your form".into(),
            when: EventTime::Local {
                start: at(2026, 1, 15, 10, 0),
                end: at(2026, 1, 15, 11, 30),
            },
            location: Some("Civic Offices, 2 Watling Street, Bexleyheath".into()),
            description: Some("Your IRO will chair it.\nYou can ask to move it.".into()),
        };
        let expected = [
            "BEGIN:VCALENDAR",
            "PRODID:-//Good for Me//Good for Me//EN",
            "VERSION:2.0",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VTIMEZONE",
            "TZID:Europe/London",
            "BEGIN:DAYLIGHT",
            "TZOFFSETFROM:+0000",
            "TZOFFSETTO:+0100",
            "TZNAME:BST",
            "DTSTART:19960331T010000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
            "END:DAYLIGHT",
            "BEGIN:STANDARD",
            "TZOFFSETFROM:+0100",
            "TZOFFSETTO:+0000",
            "TZNAME:GMT",
            "DTSTART:19961027T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
            "END:STANDARD",
            "END:VTIMEZONE",
            "BEGIN:VEVENT",
            "UID:review-42@goodforme.example",
            "DTSTAMP:20251201T093000Z",
            "DTSTART;TZID=Europe/London:20260115T100000",
            "DTEND;TZID=Europe/London:20260115T113000",
            "SUMMARY:My review\\, with Sam\\; bring your form",
            "LOCATION:Civic Offices\\, 2 Watling Street\\, Bexleyheath",
            "DESCRIPTION:Your IRO will chair it.\\nYou can ask to move it.",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
        .join("\r\n");
        assert_eq!(event_to_ical(&event, stamp()), expected);
    }

    #[test]
    fn all_day_event_has_date_values_and_no_timezone() {
        let event = CalendarEvent {
            uid: "review-7@goodforme.example".into(),
            summary: "My review".into(),
            when: EventTime::AllDay(d(2025, 12, 31)),
            location: None,
            description: None,
        };
        let expected = [
            "BEGIN:VCALENDAR",
            "PRODID:-//Good for Me//Good for Me//EN",
            "VERSION:2.0",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            "UID:review-7@goodforme.example",
            "DTSTAMP:20251201T093000Z",
            "DTSTART;VALUE=DATE:20251231",
            "DTEND;VALUE=DATE:20260101",
            "SUMMARY:My review",
            "END:VEVENT",
            "END:VCALENDAR",
            "",
        ]
        .join("\r\n");
        assert_eq!(event_to_ical(&event, stamp()), expected);
    }

    #[test]
    fn long_description_is_folded_and_every_line_ends_in_crlf() {
        let event = CalendarEvent {
            uid: "u@x".into(),
            summary: "Révision – ça va ? 😊".repeat(10),
            when: EventTime::Local {
                start: at(2026, 3, 29, 10, 0),
                end: at(2026, 3, 29, 10, 0), // not after start: no DTEND
            },
            location: None,
            description: Some("Line one\nLine two, with a comma".into()),
        };
        let ics = event_to_ical(&event, stamp());
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(!ics.contains("DTEND"));
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75);
            assert!(!line.contains('\n') && !line.contains('\r'));
        }
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:{}", "Révision – ça va ? 😊".repeat(10))));
        assert!(unfolded.contains("DESCRIPTION:Line one\\nLine two\\, with a comma\r\n"));
    }

    #[test]
    fn timezone_rule_starts_are_last_sundays() {
        // The DTSTARTs must be real occurrences of their own RRULEs.
        for (date, month) in [(d(1996, 3, 31), 3), (d(1996, 10, 27), 10)] {
            assert_eq!(date.weekday(), Weekday::Sun);
            assert_eq!(date.month(), month);
            assert_ne!((date + Days::new(7)).month(), month);
        }
    }
}
