//! Quiet hours in the council's time zone (Europe/London: GMT in winter,
//! BST in summer), and local times of day as instants.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;
use shared::push::in_quiet_hours;

/// The council's time zone; an unknown name falls back to Europe/London
/// (every council so far is in England).
pub fn zone(name: &str) -> Tz {
    name.parse::<Tz>().unwrap_or(chrono_tz::Europe::London)
}

/// The instant a local date and time of day happens in `tz`. A time that
/// falls in the spring-forward gap moves on to when the clocks allow; a
/// time that happens twice (autumn) is the first.
pub fn local_instant(tz: Tz, date: NaiveDate, minute: u16) -> DateTime<Utc> {
    let time = NaiveTime::from_hms_opt(u32::from(minute / 60) % 24, u32::from(minute % 60), 0)
        .unwrap_or(NaiveTime::MIN);
    let mut local = date.and_time(time);
    // A gap is at most a few hours; step through it a minute at a time.
    for _ in 0..(24 * 60) {
        if let Some(t) = tz.from_local_datetime(&local).earliest() {
            return t.with_timezone(&Utc);
        }
        local += Duration::minutes(1);
    }
    // Unreachable for real zones: treat the local time as UTC.
    Utc.from_utc_datetime(&date.and_time(time))
}

/// When quiet hours that hold `now` end, or `None` when `now` is not in
/// quiet hours. `start` and `end` are minutes after local midnight.
pub fn quiet_until(now: DateTime<Utc>, tz: Tz, start: u16, end: u16) -> Option<DateTime<Utc>> {
    use chrono::Timelike;
    let local = now.with_timezone(&tz);
    let minute = (local.hour() * 60 + local.minute()) as u16;
    if !in_quiet_hours(minute, start, end) {
        return None;
    }
    let today = local.date_naive();
    // Hours that wrap midnight and started this evening end tomorrow.
    let end_date = if start > end && minute >= start {
        today.succ_opt().unwrap_or(today)
    } else {
        today
    };
    let until = local_instant(tz, end_date, end);
    // Never answer a time that has already come (a wrap across a clock
    // change at the edge): hold for at least a minute.
    Some(until.max(now + Duration::minutes(1)))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    const S: u16 = 21 * 60;
    const E: u16 = 7 * 60;

    #[test]
    fn winter_is_gmt() {
        let london = zone("Europe/London");
        // 20:30 GMT is before quiet hours; 22:00 GMT is in them.
        assert_eq!(quiet_until(utc("2026-01-15T20:30:00Z"), london, S, E), None);
        assert_eq!(
            quiet_until(utc("2026-01-15T22:00:00Z"), london, S, E),
            Some(utc("2026-01-16T07:00:00Z"))
        );
        assert_eq!(
            quiet_until(utc("2026-01-16T03:00:00Z"), london, S, E),
            Some(utc("2026-01-16T07:00:00Z"))
        );
    }

    #[test]
    fn summer_is_bst() {
        let london = zone("Europe/London");
        // 20:30 UTC is 21:30 BST: quiet, until 07:00 BST = 06:00 UTC.
        assert_eq!(
            quiet_until(utc("2026-07-15T20:30:00Z"), london, S, E),
            Some(utc("2026-07-16T06:00:00Z"))
        );
        // 06:30 UTC is 07:30 BST: not quiet.
        assert_eq!(quiet_until(utc("2026-07-16T06:30:00Z"), london, S, E), None);
        // 19:59 UTC is 20:59 BST: not yet.
        assert_eq!(quiet_until(utc("2026-07-15T19:59:00Z"), london, S, E), None);
    }

    #[test]
    fn the_nights_the_clocks_change() {
        let london = zone("Europe/London");
        // 29 March 2026: 01:00 GMT becomes 02:00 BST. Quiet from 21:00 GMT
        // on the 28th until 07:00 BST (06:00 UTC) on the 29th.
        assert_eq!(
            quiet_until(utc("2026-03-28T22:00:00Z"), london, S, E),
            Some(utc("2026-03-29T06:00:00Z"))
        );
        // 25 October 2026: 02:00 BST becomes 01:00 GMT. Quiet from 21:00
        // BST (20:00 UTC) on the 24th until 07:00 GMT on the 25th.
        assert_eq!(
            quiet_until(utc("2026-10-24T20:30:00Z"), london, S, E),
            Some(utc("2026-10-25T07:00:00Z"))
        );
        // Quiet hours ending inside the spring gap (01:30) end at 02:00 BST.
        assert_eq!(
            quiet_until(utc("2026-03-29T00:10:00Z"), london, 0, 90),
            Some(utc("2026-03-29T01:00:00Z"))
        );
    }

    #[test]
    fn unknown_zone_names_mean_london() {
        assert_eq!(zone("Mars/Olympus"), chrono_tz::Europe::London);
    }
}
