//! One young person's record: profile, care episodes, legal status,
//! circumstances, account and their audit trail and notifications.

use super::{
    legal_text, morning, relation_basis, years, Gen, Member, Person, Staff, StaffOf, Status,
};
use crate::generate::bulk::{
    at, at_or_null, big, day, day_or_null, flag, int, int_or_null, text, text_or_null,
};
use crate::generate::text as words;
use crate::generate::{username, Council};
use chrono::Duration;
use shared::access::{Action, Relation, Relationship};
use shared::care_status::{care_summary, CareEpisode, CareSummary};
use shared::forum::display_name_key;
use shared::people::{LegalStatus, Role};
use shared::reviews::FormKey;

impl Gen {
    /// One young person and everything about them.
    pub(super) fn person(
        &mut self,
        c: &Council,
        staff: &StaffOf,
        p: &Person,
        number: u64,
        members: &mut Vec<(Member, CareSummary)>,
    ) {
        let today = self.today;
        let now = self.now;
        let care: Vec<CareEpisode> = p
            .episodes
            .iter()
            .map(|(s, e, _)| CareEpisode { start: *s, end: *e })
            .collect();
        let summary = care_summary(p.dob, &care, today, false);
        let age = i64::from(summary.age);
        let first_start = p.episodes.first().map_or(today, |e| e.0);
        let last = p.episodes.last().map_or((today, None), |e| (e.0, e.1));

        // The account, for most from 8.
        let name = self.name();
        let account = if age >= 8 && self.rng.chance(0.8) {
            let id = self.t.account.id32();
            let created = self.ago(1, 700);
            let public_id = self.rng.uuid();
            self.t.account.push([
                int(id),
                text(public_id),
                int(c.id),
                text(username(c.number, number)),
                text(self.hash.clone()),
                text(Role::YoungPerson.as_str()),
                text(name),
                int_or_null(None),
                at_or_null(None),
                at(created),
                at(created),
            ]);
            Some(id)
        } else {
            None
        };
        let yp = self.t.young_person.id32();
        let public_id = self.rng.uuid();
        self.t.young_person.push([
            int(yp),
            text(public_id),
            int(c.id),
            int_or_null(account),
            text(name),
            day(p.dob),
            at(morning(first_start, 0)),
        ]);
        for (start, end, legal) in &p.episodes {
            let id = self.t.care_episode.id32();
            self.t
                .care_episode
                .push([int(id), int(yp), day(*start), day_or_null(*end)]);
            let id = self.t.legal_status.id32();
            self.t
                .legal_status
                .push([int(id), int(yp), text(legal_text(*legal)), day(*start)]);
            if let Some(end) = end {
                let id = self.t.legal_status.id32();
                self.t.legal_status.push([
                    int(id),
                    int(yp),
                    text(legal_text(LegalStatus::CareEnded)),
                    day(*end),
                ]);
            }
        }

        // Allocations now, and before.
        let in_care = p.status == Status::InCare;
        let mut sw = None;
        let mut pa = None;
        let mut iro = None;
        if in_care || (p.status == Status::LeftAt16 && age < 18 && self.rng.chance(0.5)) {
            if let Some(s) = self.pick_staff(&staff.sw) {
                let since = morning(last.0, 0).max(self.ago(30, 900));
                if self.rng.chance(0.4) && since > morning(last.0, 60 * 24 * 10) {
                    if let Some(before) = self.pick_staff(&staff.sw) {
                        self.allocate(
                            yp,
                            &before,
                            Relationship::SocialWorker,
                            morning(last.0, 0),
                            Some(since),
                        );
                    }
                }
                let a = self.allocate(yp, &s, Relationship::SocialWorker, since, None);
                sw = Some((s, a));
            }
        } else if p.status == Status::LeftAt18 && self.rng.chance(0.7) {
            // Their social worker until they left care.
            if let (Some(s), Some(end)) = (self.pick_staff(&staff.sw), last.1) {
                let from = morning(last.0, 0).max(morning(end, 0) - Duration::days(700));
                self.allocate(
                    yp,
                    &s,
                    Relationship::SocialWorker,
                    from,
                    Some(morning(end, 0)),
                );
            }
        }
        if in_care && age < 18 {
            if let Some(s) = self.pick_staff(&staff.iro) {
                let a = self.allocate(yp, &s, Relationship::Iro, morning(last.0, 30), None);
                iro = Some((s, a));
            }
        }
        let wants_pa = match p.status {
            Status::InCare => {
                age >= 16
                    && (today >= shared::care_status::personal_adviser_due(p.dob)
                        || self.rng.chance(0.3))
            }
            Status::LeftAt16 | Status::LeftAt18 => true,
            Status::Qualifying => self.rng.chance(0.5),
        };
        if wants_pa {
            if let Some(s) = self.pick_staff(&staff.pa) {
                let earliest = morning(years(p.dob, 16), 0).min(now - Duration::days(1));
                let since = earliest.max(self.ago(10, 1200));
                if !in_care && self.rng.chance(0.3) && since > earliest + Duration::days(30) {
                    if let Some(before) = self.pick_staff(&staff.pa) {
                        self.allocate(
                            yp,
                            &before,
                            Relationship::PersonalAdviser,
                            earliest,
                            Some(since),
                        );
                    }
                }
                let a = self.allocate(yp, &s, Relationship::PersonalAdviser, since, None);
                pa = Some((s, a));
            }
        }

        // Circumstances, from 16.
        if age >= 16 && self.rng.chance(0.8) {
            let id = self.t.circumstances.id32();
            let adult = age >= 18;
            let higher = adult && age >= 19 && self.rng.chance(0.15);
            let work = adult && !higher && self.rng.chance(0.35);
            let apprenticeship = !higher && !work && self.rng.chance(0.06);
            let education = higher
                || (!work && !apprenticeship && self.rng.chance(if adult { 0.3 } else { 0.75 }));
            let by = pa.as_ref().or(sw.as_ref()).map(|(s, _)| s.id);
            let updated = self.ago(5, 300);
            self.t.circumstances.push([
                int(id),
                int(yp),
                flag(education),
                flag(higher),
                flag(apprenticeship),
                flag(work),
                flag((18..=20).contains(&age) && self.rng.chance(0.2)),
                flag(self.rng.chance(0.6)),
                at(updated),
                int_or_null(by),
            ]);
        }

        // Plans: every shared version, and sometimes a draft.
        let writer = if in_care {
            sw.as_ref().or(pa.as_ref())
        } else {
            pa.as_ref().or(sw.as_ref())
        }
        .map(|(s, _)| s.clone());
        if let Some(w) = &writer {
            let since = if in_care {
                last.0
            } else {
                last.0.max(years(p.dob, 16))
            };
            self.plans(yp, age, w, since);
        }

        // Reviews: held ones with what was decided, and the next booked.
        let chair = if in_care && age < 18 {
            iro.as_ref().map(|(s, _)| s.clone())
        } else {
            pa.as_ref().map(|(s, _)| s.clone())
        };
        let readers: Vec<(Staff, Relationship)> = [
            iro.as_ref().map(|(s, _)| (s.clone(), Relationship::Iro)),
            sw.as_ref()
                .map(|(s, _)| (s.clone(), Relationship::SocialWorker)),
        ]
        .into_iter()
        .flatten()
        .chain(
            pa.as_ref()
                .filter(|_| iro.is_none() && sw.is_none())
                .map(|(s, _)| (s.clone(), Relationship::PersonalAdviser)),
        )
        .collect();
        let form = c
            .forms
            .iter()
            .find(|(k, _, _)| *k == FormKey::for_person(summary.age_band, summary.looked_after_now))
            .map(|(_, id, q)| (*id, q.clone()));
        if let Some(chair) = &chair {
            let first_due = if in_care {
                last.0
            } else {
                years(p.dob, 18).max(last.1.unwrap_or(last.0))
            };
            self.reviews(
                c,
                yp,
                account,
                in_care,
                first_due,
                chair,
                &readers,
                form.as_ref(),
                name,
            );
        }

        // Requests about the local offer.
        let leaver = shared::forum::is_care_leaver(summary.category);
        let to = pa
            .as_ref()
            .map(|(s, _)| (s.clone(), Relationship::PersonalAdviser))
            .or_else(|| {
                sw.as_ref()
                    .map(|(s, _)| (s.clone(), Relationship::SocialWorker))
            });
        if let (true, Some((worker, rel))) = (leaver && self.rng.chance(0.3), to) {
            self.offer_requests(c, yp, account, &worker, rel);
        }

        // The forum.
        if account.is_some() && (8..=24).contains(&age) && self.rng.chance(0.3) {
            self.members_in_council += 1;
            let display = format!(
                "{} {} {}",
                self.rng.pick(words::ADJECTIVES),
                self.rng.pick(words::ANIMALS),
                9 + self.members_in_council
            );
            let id = self.t.forum_member.id32();
            let created = self.ago(10, 500);
            let public_id = self.rng.uuid();
            self.t.forum_member.push([
                int(id),
                text(public_id),
                int(c.id),
                int(yp),
                text(display.clone()),
                text(display_name_key(&display)),
                flag(self.rng.chance(0.5)),
                at_or_null(None),
                text_or_null(None),
                at(created),
                at(created),
            ]);
            members.push((
                Member {
                    id,
                    young_person_id: yp,
                    name: display,
                    under_18: age < 18,
                },
                summary,
            ));
        }

        // Who looked at the record, and the young person's own visits.
        let workers: Vec<(Staff, Relationship, i32)> = [
            sw.as_ref()
                .map(|(s, a)| (s.clone(), Relationship::SocialWorker, *a)),
            pa.as_ref()
                .map(|(s, a)| (s.clone(), Relationship::PersonalAdviser, *a)),
            iro.as_ref()
                .map(|(s, a)| (s.clone(), Relationship::Iro, *a)),
        ]
        .into_iter()
        .flatten()
        .collect();
        let actions = [
            Action::ReadProfile,
            Action::ReadPlan,
            Action::ReadReviews,
            Action::ReadOffer,
            Action::ReadAllocations,
        ];
        for (s, rel, alloc) in &workers {
            for _ in 0..self.rng.range(1, 4) {
                let action = actions[self.rng.index(actions.len())];
                self.audit(
                    c.id,
                    Some(s.id),
                    s.role.as_str(),
                    yp,
                    action,
                    relation_basis(*rel),
                    Some(*alloc),
                    "allowed",
                );
            }
        }
        if let Some(acc) = account {
            for _ in 0..self.rng.range(1, 5) {
                let action = actions[1 + self.rng.index(3)];
                self.audit(
                    c.id,
                    Some(acc),
                    Role::YoungPerson.as_str(),
                    yp,
                    action,
                    Relation::Own.basis(),
                    None,
                    "allowed",
                );
            }
            for _ in 0..self.rng.range(0, 4) {
                let (kind, title, body, link) = [
                    (
                        "review_reminder",
                        "Your review is coming up",
                        "Your review meeting is soon. You can say what you think before it.",
                        "/my/review",
                    ),
                    (
                        "plan_shared",
                        "Your plan has changed",
                        "Your worker shared a new version of your plan.",
                        "/my/plan",
                    ),
                    (
                        "offer_request",
                        "Your request has moved on",
                        "There is news about something you asked for.",
                        "/my/offer/requests",
                    ),
                ][self.rng.index(3)];
                self.notify(acc, kind, title, body, link);
            }
        }
        if self.rng.chance(0.02) {
            if let Some(other) = self.pick_staff(&staff.sw) {
                self.audit(
                    c.id,
                    Some(other.id),
                    other.role.as_str(),
                    yp,
                    Action::ReadProfile,
                    Relation::Unrelated.basis(),
                    None,
                    "denied",
                );
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn audit(
        &mut self,
        authority: i32,
        actor: Option<i32>,
        role: &str,
        yp: i32,
        action: Action,
        basis: &str,
        allocation: Option<i32>,
        outcome: &str,
    ) {
        let id = self.t.audit_event.id();
        let when = self.ago(0, 180);
        self.t.audit_event.push([
            big(id),
            int(authority),
            at(when),
            int_or_null(actor),
            text(role),
            int_or_null(Some(yp)),
            text(action.as_str()),
            text(basis),
            int_or_null(allocation),
            text(outcome),
            text_or_null(None),
        ]);
    }

    pub(super) fn notify(&mut self, account: i32, kind: &str, title: &str, body: &str, link: &str) {
        let id = self.t.notification.id();
        let created = self.ago(0, 120);
        let read = self.rng.chance(0.6).then(|| created + Duration::hours(3));
        let public_id = self.rng.uuid();
        self.t.notification.push([
            big(id),
            text(public_id),
            int(account),
            text(kind),
            text(title),
            text(body),
            text(link),
            flag(false),
            at(created),
            at_or_null(read),
        ]);
    }
}
