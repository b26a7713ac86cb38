//! Plain words for what the API sends: dates, roles, care status, audit
//! rows. Pure functions, tested on the host.
//!
//! Two voices: to a young person ("your social worker") and to staff
//! ("Social worker"). Neither uses jargon without saying what it means.

use crate::i18n::{t, tf};
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Timelike, Utc, Weekday};
use shared::access::{Action, Relation, Relationship};
use shared::offer::RequestStatus;
use shared::people::{CareLeaverCategory, LegalStatus, Role};
use shared::plans::{PlanKind, QueryKind};

/// The months' messages, January first.
const MONTHS: [&str; 12] = [
    "month-1", "month-2", "month-3", "month-4", "month-5", "month-6", "month-7", "month-8",
    "month-9", "month-10", "month-11", "month-12",
];

fn weekday(d: Weekday) -> String {
    t(match d {
        Weekday::Mon => "weekday-mon",
        Weekday::Tue => "weekday-tue",
        Weekday::Wed => "weekday-wed",
        Weekday::Thu => "weekday-thu",
        Weekday::Fri => "weekday-fri",
        Weekday::Sat => "weekday-sat",
        Weekday::Sun => "weekday-sun",
    })
}

fn month(d: NaiveDate) -> String {
    MONTHS
        .get(d.month0() as usize)
        .map(|k| t(k))
        .unwrap_or_default()
}

/// "3 March 2016" (UK order; Arabic month names in Arabic).
pub fn date(d: NaiveDate) -> String {
    tf(
        "date-full",
        &[
            ("day", &d.day().to_string()),
            ("month", &month(d)),
            ("year", &d.year().to_string()),
        ],
    )
}

/// "Tuesday 3 November".
pub fn day(d: NaiveDate) -> String {
    tf(
        "date-day",
        &[
            ("weekday", &weekday(d.weekday())),
            ("day", &d.day().to_string()),
            ("month", &month(d)),
        ],
    )
}

/// "Thursday 3 December 2026".
pub fn day_with_year(d: NaiveDate) -> String {
    tf(
        "date-day-year",
        &[
            ("weekday", &weekday(d.weekday())),
            ("day", &d.day().to_string()),
            ("month", &month(d)),
            ("year", &d.year().to_string()),
        ],
    )
}

/// "3:05pm", "12:00pm", "9:30am".
pub fn time(at: NaiveDateTime) -> String {
    let (pm, hour) = at.hour12();
    tf(
        "time",
        &[
            ("hour", &hour.to_string()),
            ("minute", &format!("{:02}", at.minute())),
            ("ampm", &t(if pm { "time-pm" } else { "time-am" })),
        ],
    )
}

fn local(at: DateTime<Utc>, offset_minutes: i32) -> NaiveDateTime {
    at.naive_utc() + Duration::minutes(i64::from(offset_minutes))
}

/// Which words a moment takes, before they are said.
enum Moment {
    Today(NaiveDateTime),
    Yesterday(NaiveDateTime),
    Tomorrow(NaiveDateTime),
    /// Another day: its words ("Tuesday 3 November", with the year when it
    /// is not this year or next).
    On(String, NaiveDateTime),
}

fn moment(at: DateTime<Utc>, offset_minutes: i32, now: DateTime<Utc>) -> Moment {
    let at = local(at, offset_minutes);
    let today = local(now, offset_minutes).date();
    let d = at.date();
    if d == today {
        Moment::Today(at)
    } else if Some(d) == today.pred_opt() {
        Moment::Yesterday(at)
    } else if Some(d) == today.succ_opt() {
        Moment::Tomorrow(at)
    } else if d.year() == today.year() || (d > today && d.year() == today.year() + 1) {
        Moment::On(day(d), at)
    } else {
        Moment::On(day_with_year(d), at)
    }
}

fn say(m: &Moment) -> String {
    match m {
        Moment::Today(at) => tf("when-today", &[("time", &time(*at))]),
        Moment::Yesterday(at) => tf("when-yesterday", &[("time", &time(*at))]),
        Moment::Tomorrow(at) => tf("when-tomorrow", &[("time", &time(*at))]),
        Moment::On(day, _) => tf("when-on", &[("day", day)]),
    }
}

/// When something happened, as a friend would say it: "today at 3:05pm",
/// "yesterday at 9:30am", "on Tuesday 3 November", "on Tuesday 3 November
/// 2025". `offset_minutes` turns UTC into the phone's local time.
pub fn when(at: DateTime<Utc>, offset_minutes: i32, now: DateTime<Utc>) -> String {
    say(&moment(at, offset_minutes, now))
}

/// [`when`] without a leading "on", for "since Tuesday 3 November".
pub fn since(at: DateTime<Utc>) -> String {
    use crate::clock;
    match moment(at, clock::local_offset_minutes(at), clock::now()) {
        Moment::On(day, _) => day,
        other => say(&other),
    }
}

/// [`when`], with the phone's clock and time zone.
pub fn when_now(at: DateTime<Utc>) -> String {
    use crate::clock;
    when(at, clock::local_offset_minutes(at), clock::now())
}

/// "on Wednesday 25 November at 3:10pm": a deadline, in the phone's time.
pub fn deadline(at: DateTime<Utc>) -> String {
    use crate::clock;
    match moment(at, clock::local_offset_minutes(at), clock::now()) {
        Moment::On(day, at) => tf("when-on-at", &[("day", &day), ("time", &time(at))]),
        other => say(&other),
    }
}

/// The first letter in capitals: "today at 3pm" -> "Today at 3pm". Only
/// English has capitals among our languages, so ASCII is enough (and needs
/// no Unicode tables); Arabic is left as it is.
pub fn sentence(s: &str) -> String {
    let mut out = s.to_string();
    if let Some(first) = out.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// A one-time code spelled out for a screen reader: "A B C D, E F G H".
pub fn spelled(code: &str) -> String {
    code.split('-')
        .map(|group| {
            group
                .chars()
                .map(String::from)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// How many letters and digits a typed code has (spaces, dashes and case do
/// not matter, as on the server).
pub fn code_length(typed: &str) -> usize {
    typed.chars().filter(char::is_ascii_alphanumeric).count()
}

/// A role, for staff: "Social worker".
pub fn role(r: Role) -> &'static str {
    match r {
        Role::YoungPerson => "Young person",
        Role::SocialWorker => "Social worker",
        Role::PersonalAdviser => "Personal adviser",
        Role::Iro => "IRO",
        Role::ParticipationOfficer => "Participation officer",
        Role::TeamManager => "Team manager",
        Role::Admin => "Administrator",
    }
}

/// A kind of allocation, for staff: "Social worker".
pub fn relationship(r: Relationship) -> &'static str {
    match r {
        Relationship::SocialWorker => "Social worker",
        Relationship::PersonalAdviser => "Personal adviser",
        Relationship::Iro => "IRO (independent reviewing officer)",
    }
}

/// A kind of worker, to a young person, with what they do.
pub fn relationship_for_young_person(r: Relationship) -> String {
    t(match r {
        Relationship::SocialWorker => "worker-does-social-worker",
        Relationship::PersonalAdviser => "worker-does-personal-adviser",
        Relationship::Iro => "worker-does-iro",
    })
}

/// A kind of worker, said to a young person: "social worker", "IRO (the
/// person who runs your review meetings)".
pub fn relationship_plain(r: Relationship) -> String {
    t(match r {
        Relationship::SocialWorker => "worker-social-worker",
        Relationship::PersonalAdviser => "worker-personal-adviser",
        Relationship::Iro => "worker-iro",
    })
}

/// What the care-leaver category means, for staff.
pub fn category_for_staff(c: CareLeaverCategory) -> &'static str {
    match c {
        CareLeaverCategory::None => {
            "Not a care leaver: a child in care, or not in care long enough after 14 to count."
        }
        CareLeaverCategory::Eligible => {
            "Eligible: 16 or 17, in care now, and in care for at least 13 weeks since turning 14. Needs a pathway plan and a personal adviser."
        }
        CareLeaverCategory::Relevant => {
            "Relevant: 16 or 17, was eligible and has left care. The council must support them, with a personal adviser and a pathway plan."
        }
        CareLeaverCategory::FormerRelevant => {
            "Former relevant: 18 to 25, was eligible or relevant. Keeps a personal adviser and a pathway plan up to 25."
        }
        CareLeaverCategory::Qualifying => {
            "Qualifying: in care after turning 16 but not long enough to be eligible. Can get advice and some help."
        }
    }
}

/// What the care-leaver category means, said to the young person. `None`
/// when there is nothing to say (a child in care).
pub fn category_for_young_person(c: CareLeaverCategory) -> Option<String> {
    let key = match c {
        CareLeaverCategory::None => return None,
        CareLeaverCategory::Eligible => "category-eligible",
        CareLeaverCategory::Relevant => "category-relevant",
        CareLeaverCategory::FormerRelevant => "category-former-relevant",
        CareLeaverCategory::Qualifying => "category-qualifying",
    };
    Some(t(key))
}

/// Why the council looks after the child, for staff.
pub fn legal_status(s: LegalStatus) -> &'static str {
    match s {
        LegalStatus::Section20 => "Section 20: accommodated with a parent's agreement",
        LegalStatus::Section31 => "Care order (section 31)",
        LegalStatus::InterimCareOrder => "Interim care order: the court has not decided yet",
        LegalStatus::PlacementOrder => "Placement order: adoption is planned",
        LegalStatus::Remand => "Remanded to the council's care",
        LegalStatus::CareEnded => "Care has ended",
    }
}

/// The relations a caseload row's `basis` can name, as `shared::access`
/// spells them.
const RELATIONS: [Relation; 7] = [
    Relation::Own,
    Relation::Allocated(Relationship::SocialWorker),
    Relation::Allocated(Relationship::PersonalAdviser),
    Relation::Allocated(Relationship::Iro),
    Relation::ManagesTeam,
    Relation::BreakGlass,
    Relation::Unrelated,
];

/// The caller's relation to a young person, from the `basis` of their
/// caseload row. An admin's `admin_accounts` is no relation to the record
/// (accounts only).
pub fn relation_from_basis(basis: &str) -> Relation {
    RELATIONS
        .into_iter()
        .find(|r| r.basis() == basis)
        .unwrap_or(Relation::Unrelated)
}

/// Why someone is on my list, for staff.
pub fn basis(basis: &str) -> &'static str {
    match relation_from_basis(basis) {
        Relation::Allocated(Relationship::SocialWorker) => "You are their social worker",
        Relation::Allocated(Relationship::PersonalAdviser) => "You are their personal adviser",
        Relation::Allocated(Relationship::Iro) => "You are their IRO",
        Relation::ManagesTeam => "A worker in your team works with them",
        Relation::BreakGlass => "Emergency access (for an hour)",
        Relation::Own => "Their own record",
        Relation::Unrelated => "Accounts only: you cannot see their record",
    }
}

/// An audit row's action, for a manager.
pub fn audit_action(action: &str) -> String {
    let known = Action::ALL.into_iter().find(|a| a.as_str() == action);
    match known {
        Some(Action::ReadProfile) => "Looked at the record".into(),
        Some(Action::WriteCareHistory) => "Changed the care history".into(),
        Some(Action::ReadAllocations) => "Looked at the workers".into(),
        Some(Action::ManageAllocations) => "Changed the workers".into(),
        Some(Action::IssueActivationCode) => "Made a sign-in code".into(),
        Some(Action::ReadAudit) => "Looked at this list".into(),
        Some(Action::BreakGlass) => "Emergency access (break-glass)".into(),
        None if action == "create_record" => "Made the record".into(),
        // Actions added later read as their own name until they get words.
        _ => sentence(&action.replace('_', " ")),
    }
}

/// An audit row's basis, for a manager.
pub fn audit_basis(basis: &str) -> String {
    match basis {
        "own_record" => "Their own record".into(),
        "allocated_social_worker" => "Allocated social worker".into(),
        "allocated_personal_adviser" => "Allocated personal adviser".into(),
        "allocated_iro" => "Allocated IRO".into(),
        "team_manager" => "Team manager".into(),
        "break_glass" => "Break-glass reason".into(),
        "none" => "No link to this young person".into(),
        "ability_create_young_person" => "Can add young people".into(),
        other => sentence(&other.replace('_', " ")),
    }
}

/// An audit row's outcome.
pub fn audit_outcome(outcome: &str) -> String {
    match outcome {
        "allowed" => "Allowed".into(),
        "denied" => "Refused".into(),
        other => sentence(other),
    }
}

/// A stored role name ("social_worker") for staff.
pub fn stored_role(role_name: &str) -> String {
    Role::parse(role_name).map_or_else(
        || sentence(&role_name.replace('_', " ")),
        |r| role(r).to_string(),
    )
}

/// The first word of a name: "Sam Patel" -> "Sam".
pub fn first_name(name: &str) -> &str {
    name.split_whitespace().next().unwrap_or(name)
}

/// A young person's "I don't understand this" / "I don't agree", in their
/// own words.
pub fn query_kind(kind: QueryKind) -> String {
    t(match kind {
        QueryKind::DontUnderstand => "plan-dont-understand",
        QueryKind::DontAgree => "plan-dont-agree",
    })
}

/// The same, said to staff.
pub fn query_kind_for_staff(kind: QueryKind) -> &'static str {
    match kind {
        QueryKind::DontUnderstand => "Does not understand",
        QueryKind::DontAgree => "Does not agree",
    }
}

/// Who reads a young person's question about their plan.
pub fn plan_reader(kind: PlanKind) -> String {
    t(match kind {
        PlanKind::CarePlan => "plan-reader-care",
        PlanKind::PathwayPlan => "plan-reader-pathway",
    })
}

/// How old someone who is `age_now` today will be on `date`, a birthday
/// still to come (the "coming up" dates of the offer are birthdays).
pub fn age_on_birthday(age_now: u32, today: NaiveDate, date: NaiveDate) -> u32 {
    let next_year = if (date.month(), date.day()) > (today.month(), today.day()) {
        today.year()
    } else {
        today.year() + 1
    };
    let later = u32::try_from(date.year() - next_year).unwrap_or(0);
    age_now + 1 + later
}

/// A worker's words for where an offer request can go next.
pub fn request_step(status: RequestStatus) -> &'static str {
    match status {
        RequestStatus::Asked => "Asked",
        RequestStatus::InProgress => "Being looked at: I am looking into it",
        RequestStatus::Agreed => "Agreed",
        RequestStatus::Paid => "Paid",
        RequestStatus::TurnedDown => "Turned down (say why below)",
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use chrono::TimeZone;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0).unwrap()
    }

    #[test]
    fn dates_read_like_a_person_says_them() {
        let now = utc(2026, 11, 5, 12, 0);
        assert_eq!(
            when(utc(2026, 11, 3, 9, 30), 0, now),
            "on Tuesday 3 November"
        );
        assert_eq!(when(utc(2026, 11, 5, 15, 5), 0, now), "today at 3:05pm");
        assert_eq!(when(utc(2026, 11, 4, 9, 30), 0, now), "yesterday at 9:30am");
        assert_eq!(
            when(utc(2025, 11, 3, 9, 30), 0, now),
            "on Monday 3 November 2025"
        );
        assert_eq!(when(utc(2026, 11, 5, 0, 0), 0, now), "today at 12:00am");
        assert_eq!(when(utc(2026, 11, 6, 8, 0), 0, now), "tomorrow at 8:00am");
        assert_eq!(when(utc(2026, 11, 5, 12, 0), 0, now), "today at 12:00pm");
    }

    #[test]
    fn dates_are_in_uk_order_in_both_languages() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        assert_eq!(day_with_year(d), "Thursday 3 December 2026");
        assert_eq!(date(d), "3 December 2026");
        crate::i18n::set_language(crate::i18n::Lang::Ar);
        assert_eq!(day_with_year(d), "الخميس 3 ديسمبر 2026");
        assert_eq!(date(d), "3 ديسمبر 2026");
        let now = utc(2026, 11, 5, 12, 0);
        assert_eq!(when(utc(2026, 11, 5, 15, 5), 0, now), "اليوم الساعة 3:05 م");
        assert_eq!(when(utc(2026, 11, 4, 9, 30), 0, now), "أمس الساعة 9:30 ص");
        assert_eq!(
            when(utc(2026, 11, 3, 9, 30), 0, now),
            "يوم الثلاثاء 3 نوفمبر"
        );
        assert_eq!(
            when(utc(2025, 11, 3, 9, 30), 0, now),
            "يوم الاثنين 3 نوفمبر 2025"
        );
        // No capitals in Arabic: left as it is.
        assert_eq!(sentence("اليوم"), "اليوم");
        crate::i18n::set_language(crate::i18n::Lang::En);
    }

    #[test]
    fn local_time_moves_the_day() {
        // 23:30 UTC in British Summer Time is 00:30 the next day.
        let now = utc(2026, 7, 2, 9, 0);
        assert_eq!(when(utc(2026, 7, 1, 23, 30), 60, now), "today at 12:30am");
        assert_eq!(
            when(utc(2026, 7, 1, 23, 30), 0, now),
            "yesterday at 11:30pm"
        );
    }

    #[test]
    fn a_deadline_next_january_has_no_year() {
        let now = utc(2026, 12, 30, 12, 0);
        assert_eq!(
            when(utc(2027, 1, 2, 12, 0), 0, now),
            "on Saturday 2 January"
        );
    }

    #[test]
    fn birthdays_and_sentences() {
        assert_eq!(
            date(NaiveDate::from_ymd_opt(2016, 3, 3).unwrap()),
            "3 March 2016"
        );
        assert_eq!(sentence("today at 3pm"), "Today at 3pm");
        assert_eq!(sentence(""), "");
    }

    #[test]
    fn codes_are_spelled_out_in_groups() {
        assert_eq!(spelled("AB2D-EFGH"), "A B 2 D, E F G H");
        assert_eq!(code_length("abcd efgh-jkm2"), 12);
        assert_eq!(code_length(" - "), 0);
    }

    #[test]
    fn caseload_bases_map_to_the_shared_relations() {
        assert_eq!(
            relation_from_basis("allocated_social_worker"),
            Relation::Allocated(Relationship::SocialWorker)
        );
        assert_eq!(relation_from_basis("team_manager"), Relation::ManagesTeam);
        assert_eq!(relation_from_basis("admin_accounts"), Relation::Unrelated);
        assert_eq!(relation_from_basis("who knows"), Relation::Unrelated);
        for r in RELATIONS {
            assert_eq!(relation_from_basis(r.basis()), r);
        }
        assert_eq!(
            basis("allocated_social_worker"),
            "You are their social worker"
        );
    }

    #[test]
    fn every_category_is_explained_to_staff_and_to_care_leavers() {
        for c in [
            CareLeaverCategory::Eligible,
            CareLeaverCategory::Relevant,
            CareLeaverCategory::FormerRelevant,
            CareLeaverCategory::Qualifying,
        ] {
            assert!(category_for_young_person(c).is_some());
            assert!(!category_for_staff(c).is_empty());
        }
        assert_eq!(category_for_young_person(CareLeaverCategory::None), None);
    }

    #[test]
    fn young_people_get_short_plain_sentences() {
        let mut texts: Vec<String> = Relationship::ALL
            .into_iter()
            .map(relationship_for_young_person)
            .collect();
        texts.extend(
            [
                CareLeaverCategory::Eligible,
                CareLeaverCategory::Relevant,
                CareLeaverCategory::FormerRelevant,
                CareLeaverCategory::Qualifying,
            ]
            .into_iter()
            .filter_map(category_for_young_person),
        );
        for text in texts {
            for s in text.split(". ") {
                assert!(s.split_whitespace().count() <= 20, "too long: {s}");
            }
        }
    }

    #[test]
    fn audit_rows_read_as_words() {
        assert_eq!(audit_action("read_profile"), "Looked at the record");
        assert_eq!(audit_action("create_record"), "Made the record");
        assert_eq!(audit_action("something_new"), "Something new");
        assert_eq!(audit_basis("team_manager"), "Team manager");
        assert_eq!(audit_outcome("denied"), "Refused");
        assert_eq!(stored_role("iro"), "IRO");
        assert_eq!(stored_role("robot"), "Robot");
    }

    #[test]
    fn coming_up_birthdays_give_the_age_then() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        // 17 today, 18th birthday next May.
        assert_eq!(age_on_birthday(17, d(2026, 11, 22), d(2027, 5, 6)), 18);
        // 17 today, birthday later this year is the 18th.
        assert_eq!(age_on_birthday(17, d(2026, 3, 1), d(2026, 5, 6)), 18);
        // Two birthdays away.
        assert_eq!(age_on_birthday(16, d(2026, 11, 22), d(2028, 5, 6)), 18);
        assert_eq!(age_on_birthday(15, d(2026, 3, 1), d(2028, 5, 6)), 18);
    }

    #[test]
    fn names_and_questions_in_plain_words() {
        assert_eq!(first_name("Sam Patel"), "Sam");
        assert_eq!(first_name(""), "");
        assert_eq!(query_kind(QueryKind::DontAgree), "I don't agree");
        assert_eq!(plan_reader(PlanKind::CarePlan), "Your social worker");
        assert!(request_step(RequestStatus::TurnedDown).contains("why"));
    }
}
