//! A council's staff, and who works with whom: allocation of young people
//! to social workers, personal advisers and IROs.

use super::{
    years, Gen, Person, Staff, StaffOf, Status, PER_IRO, PER_PERSONAL_ADVISER, PER_SOCIAL_WORKER,
};
use crate::generate::bulk::{at, at_or_null, int, int_or_null, text, text_or_null};
use crate::generate::rng::Rng;
use crate::generate::text as words;
use crate::generate::{staff_username, Council};
use chrono::{DateTime, Duration, Months, Utc};
use shared::access::Relationship;
use shared::people::{LegalStatus, Role};

impl Gen {
    pub(super) fn staff(&mut self, c: &Council, in_care: usize, advised: usize) -> StaffOf {
        let mut out = StaffOf::default();
        let lac = ["lac-1", "lac-2", "lac-3"];
        let groups: [(Role, &str, usize); 6] = [
            (
                Role::SocialWorker,
                "sw",
                in_care.div_ceil(PER_SOCIAL_WORKER).max(1),
            ),
            (
                Role::PersonalAdviser,
                "pa",
                advised.div_ceil(PER_PERSONAL_ADVISER).max(1),
            ),
            (Role::Iro, "iro", in_care.div_ceil(PER_IRO).max(1)),
            (Role::ParticipationOfficer, "po", 2),
            (Role::TeamManager, "tm", 4),
            (Role::Admin, "admin", 1),
        ];
        for (role, tag, count) in groups {
            for k in 1..=count {
                let team = match role {
                    Role::SocialWorker => lac[k % lac.len()],
                    Role::PersonalAdviser => "leaving-care",
                    Role::Iro => "safeguarding",
                    Role::ParticipationOfficer => "participation",
                    Role::TeamManager if k == 4 => "leaving-care",
                    Role::TeamManager => lac[(k - 1) % lac.len()],
                    _ => "management",
                };
                let name = format!("{} {}", self.name(), self.rng.pick(words::SURNAMES));
                let id = self.t.account.id32();
                let created = self.ago(60, 2000);
                let public_id = self.rng.uuid();
                self.t.account.push([
                    int(id),
                    text(public_id),
                    int(c.id),
                    text(staff_username(c.number, tag, k)),
                    text(self.hash.clone()),
                    text(role.as_str()),
                    text(name.clone()),
                    int_or_null(c.teams.get(team).copied()),
                    at_or_null(None),
                    at(created),
                    at(created),
                ]);
                if matches!(role, Role::SocialWorker | Role::PersonalAdviser)
                    && self.rng.chance(0.5)
                {
                    self.t.staff_profile.push([
                        int(id),
                        text(self.rng.pick(words::ABOUT_ME)),
                        text("A text or a call"),
                        text("Monday to Friday, 9 to 5"),
                        at(created),
                    ]);
                }
                let s = Staff { id, name, role };
                match role {
                    Role::SocialWorker => out.sw.push(s),
                    Role::PersonalAdviser => out.pa.push(s),
                    Role::Iro => out.iro.push(s),
                    Role::ParticipationOfficer => out.po.push(s),
                    _ => {}
                }
            }
        }
        out
    }

    /// Age, status and care history.
    pub(super) fn plan_person(&mut self) -> Person {
        let today = self.today;
        let group = self.rng.weighted(&[45, 45, 4, 6]);
        let (age, status) = match group {
            0 => {
                let band = self.rng.weighted(&[5, 13, 18, 39, 25]);
                let (lo, hi) = [(0, 1), (1, 5), (5, 10), (10, 16), (16, 18)][band];
                (self.rng.range(lo, hi), Status::InCare)
            }
            1 => (
                18 + self.rng.weighted(&[16, 16, 15, 14, 12, 10, 9]) as i64,
                Status::LeftAt18,
            ),
            2 => (self.rng.range(17, 22), Status::Qualifying),
            _ => (self.rng.range(16, 20), Status::LeftAt16),
        };
        let dob = today
            .checked_sub_months(Months::new(12 * age as u32))
            .unwrap_or(today)
            - Duration::days(self.rng.range(0, 365));
        let mut status = status;
        let sixteenth = years(dob, 16);
        if status == Status::LeftAt16 && sixteenth + Duration::days(40) >= today {
            status = Status::InCare;
        }
        let legal = |rng: &mut Rng, age_at_start: i64| -> LegalStatus {
            match rng.weighted(&[55, 30, 8, 4, 3]) {
                1 => LegalStatus::Section20,
                2 => LegalStatus::InterimCareOrder,
                3 if age_at_start < 5 => LegalStatus::PlacementOrder,
                4 if age_at_start >= 12 => LegalStatus::Remand,
                _ => LegalStatus::Section31,
            }
        };
        let mut episodes = Vec::new();
        match status {
            Status::InCare => {
                let age_days = (today - dob).num_days().max(1);
                let length = self.rng.range(20.min(age_days), age_days.min(8 * 365) + 1);
                let start = today - Duration::days(length);
                if (start - dob).num_days() > 500 && self.rng.chance(0.15) {
                    let room = (start - dob).num_days() - 300;
                    let s0 = dob + Duration::days(self.rng.range(0, room));
                    let e0 = s0 + Duration::days(self.rng.range(30, 180));
                    let l = legal(&mut self.rng, (s0 - dob).num_days() / 365);
                    episodes.push((s0, Some(e0), l));
                }
                let l = legal(&mut self.rng, (start - dob).num_days() / 365);
                episodes.push((start, None, l));
            }
            Status::LeftAt18 | Status::LeftAt16 => {
                let start = years(dob, self.rng.range(10, 15) as u32)
                    + Duration::days(self.rng.range(0, 365));
                let end = if status == Status::LeftAt18 {
                    years(dob, 18)
                } else {
                    let latest = (today - sixteenth).num_days().min(700);
                    sixteenth + Duration::days(self.rng.range(30, latest.max(31)))
                };
                let l = legal(&mut self.rng, (start - dob).num_days() / 365);
                episodes.push((start, Some(end.min(today)), l));
            }
            Status::Qualifying => {
                let start = sixteenth + Duration::days(self.rng.range(0, 200));
                let end = start + Duration::days(self.rng.range(20, 80));
                episodes.push((
                    start.min(today),
                    Some(end.min(today)),
                    LegalStatus::Section20,
                ));
            }
        }
        Person {
            dob,
            status,
            episodes,
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn allocate(
        &mut self,
        yp: i32,
        staff: &Staff,
        rel: Relationship,
        starts: DateTime<Utc>,
        ends: Option<DateTime<Utc>>,
    ) -> i32 {
        let id = self.t.allocation.id32();
        let note = ends.map(|_| self.rng.pick(words::HANDOVER).to_owned());
        self.t.allocation.push([
            int(id),
            int(yp),
            int(staff.id),
            text(rel.as_str()),
            at(starts),
            at_or_null(ends),
            text_or_null(note),
        ]);
        id
    }

    pub(super) fn pick_staff(&mut self, pool: &[Staff]) -> Option<Staff> {
        pool.get(self.rng.index(pool.len())).cloned()
    }
}
