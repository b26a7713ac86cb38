//! What a young person's record holds over time: plan versions, reviews,
//! "good for me" feedback and requests about the local offer.

use super::{morning, Gen, Staff};
use crate::generate::bulk::{
    at, at_or_null, big, day, day_or_null, flag, int, int_or_null, text, text_or_null,
};
use crate::generate::text as words;
use crate::generate::Council;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use shared::access::Relationship;
use shared::offer::RequestStatus;
use shared::plans::{PlanStatus, Section, SectionText};
use shared::reviews::{Participation, Question, QuestionKind, ReviewStatus};

impl Gen {
    pub(super) fn plans(&mut self, yp: i32, age: i64, writer: &Staff, since: NaiveDate) {
        let kind = if age >= 16 {
            "pathway_plan"
        } else {
            "care_plan"
        };
        let mut sections: Vec<SectionText> = Vec::new();
        for (i, (section, bank)) in Section::ALL.iter().zip(words::PLAN_TEXT).enumerate() {
            if i < 2 || self.rng.chance(0.7) {
                sections.push(SectionText {
                    section: *section,
                    text: self.rng.pick(bank).to_owned(),
                });
            }
        }
        let versions = 1 + self.rng.weighted(&[40, 35, 25]);
        // The newest version was shared in the last 200 days, each one
        // before it 2 to 8 months earlier, none before `since`.
        let earliest = morning(since, 0).min(self.now - Duration::days(1));
        let mut dates = Vec::with_capacity(versions);
        let mut d = self.ago(5, 200).max(earliest);
        for _ in 0..versions {
            dates.push(d);
            d = (d - Duration::days(self.rng.range(60, 250))).max(earliest);
        }
        dates.reverse();
        for (v, shared_at) in dates.into_iter().enumerate() {
            if v > 0 {
                // Each version changes a section or two.
                for _ in 0..self.rng.range(1, 3) {
                    let i = self.rng.index(sections.len());
                    let bank = sections
                        .get(i)
                        .and_then(|s| Section::ALL.iter().position(|x| *x == s.section))
                        .and_then(|k| words::PLAN_TEXT.get(k).copied())
                        .unwrap_or(words::PLAN_TEXT[0]);
                    let new = self.rng.pick(bank).to_owned();
                    if let Some(s) = sections.get_mut(i) {
                        s.text = new;
                    }
                }
            }
            let version = i32::try_from(v).unwrap_or(0) + 1;
            self.plan_row(
                yp,
                kind,
                PlanStatus::Shared,
                Some(version),
                &sections,
                writer,
                shared_at,
            );
        }
        if self.rng.chance(0.15) {
            let updated = self.ago(0, 20);
            self.plan_row(
                yp,
                kind,
                PlanStatus::Draft,
                None,
                &sections,
                writer,
                updated,
            );
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn plan_row(
        &mut self,
        yp: i32,
        kind: &str,
        status: PlanStatus,
        version: Option<i32>,
        sections: &[SectionText],
        writer: &Staff,
        when: DateTime<Utc>,
    ) {
        let id = self.t.plan_version.id32();
        let shared = version.is_some();
        let next = self.today + Duration::days(self.rng.range(20, 180));
        self.t.plan_version.push([
            int(id),
            int(yp),
            text(kind),
            text(status.as_str()),
            int_or_null(version),
            text(serde_json::to_string(sections).unwrap_or_else(|_| "[]".to_owned())),
            day_or_null(Some(next)),
            int(writer.id),
            at(when),
            at_or_null(shared.then_some(when)),
            int_or_null(shared.then_some(writer.id)),
            text_or_null(None),
        ]);
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn reviews(
        &mut self,
        c: &Council,
        yp: i32,
        account: Option<i32>,
        in_care: bool,
        start: NaiveDate,
        chair: &Staff,
        readers: &[(Staff, Relationship)],
        form: Option<&(i32, Vec<Question>)>,
        yp_name: &str,
    ) {
        let today = self.today;
        // Due dates: 20 working days-ish, 3 months, then every 6 months
        // (pathway plans: every 6 months).
        let mut due = Vec::new();
        let mut d = if in_care {
            start + Duration::days(20)
        } else {
            start + Duration::days(182)
        };
        let mut k = 0;
        while d < today - Duration::days(5) {
            due.push((k, d));
            d += Duration::days(if in_care && k == 0 { 91 } else { 182 });
            k += 1;
        }
        let kind_of = |k: usize| -> &'static str {
            match (in_care, k) {
                (false, _) => "pathway_plan",
                (true, 0) => "first",
                (true, 1) => "second",
                _ => "subsequent",
            }
        };
        let skip = due.len().saturating_sub(6);
        for (k, date) in due.into_iter().skip(skip) {
            let held_on = date - Duration::days(self.rng.range(0, 10));
            let id = self.review_row(
                c,
                yp,
                kind_of(k),
                ReviewStatus::Held,
                held_on,
                chair,
                Some(held_on),
            );
            if let (Some(_), Some(form)) = (account, form) {
                if held_on > today - Duration::days(730) && self.rng.chance(0.4) {
                    let sent = morning(held_on, 8 * 60) - Duration::days(self.rng.range(1, 7));
                    let answered = self.rng.chance(0.5).then(|| sent + Duration::days(5));
                    self.feedback(
                        c,
                        yp,
                        id,
                        form,
                        readers,
                        sent,
                        answered.map(|a| (chair, a)),
                        yp_name,
                        held_on,
                    );
                }
            }
        }
        if self.rng.chance(if in_care { 0.85 } else { 0.6 }) {
            // Booked a little before it is due (or soon, when overdue).
            let next = (d - Duration::days(self.rng.range(14, 28)))
                .max(today + Duration::days(self.rng.range(1, 30)));
            let id = self.review_row(c, yp, kind_of(k), ReviewStatus::Booked, next, chair, None);
            if let (Some(_), Some(form)) = (account, form) {
                if self.rng.chance(0.1) {
                    let sent = self.ago(1, 5);
                    self.feedback(c, yp, id, form, readers, sent, None, yp_name, next);
                }
            }
            if in_care && self.rng.chance(0.03) {
                let id = self.t.review_request.id32();
                let asked = self.ago(1, 20);
                let public_id = self.rng.uuid();
                self.t.review_request.push([
                    int(id),
                    text(public_id),
                    int(yp),
                    text_or_null(Some("Can my review be sooner please?".to_owned())),
                    at(asked),
                    at_or_null(None),
                    int_or_null(None),
                ]);
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn review_row(
        &mut self,
        c: &Council,
        yp: i32,
        kind: &str,
        status: ReviewStatus,
        on: NaiveDate,
        chair: &Staff,
        held: Option<NaiveDate>,
    ) -> i32 {
        let id = self.t.review.id32();
        let created = morning(on, 0) - Duration::days(self.rng.range(14, 60));
        let created = created.min(self.now);
        let start = 9 * 60 + 30 * self.rng.range(0, 16) as i32;
        let invited: &[&str] = if kind == "pathway_plan" {
            &["You", "Your personal adviser"]
        } else {
            &["You", "Your carers", "Your social worker", "Your IRO"]
        };
        let participation = if held.is_some() {
            Participation::Attend
        } else {
            [
                Participation::NotDecided,
                Participation::Attend,
                Participation::SendViews,
            ][self.rng.index(3)]
        };
        let outcomes_at = held.map(|h| morning(h, 9 * 60));
        let public_id = self.rng.uuid();
        self.t.review.push([
            int(id),
            text(public_id),
            int(c.id),
            int(yp),
            text(kind),
            text(status.as_str()),
            day(on),
            int_or_null(Some(start)),
            int_or_null(Some(start + 60)),
            text(self.rng.pick(words::PLACES)),
            text(serde_json::to_string(invited).unwrap_or_else(|_| "[]".to_owned())),
            text(participation.as_str()),
            flag(false),
            int_or_null(Some(chair.id)),
            day_or_null(held),
            text_or_null(held.map(|_| self.rng.pick(words::REVIEW_OUTCOMES).to_owned())),
            text_or_null(held.map(|_| self.rng.pick(words::REVIEW_DECISIONS).to_owned())),
            text_or_null(None),
            at_or_null(outcomes_at),
            int_or_null(held.map(|_| chair.id)),
            int(chair.id),
            at(created),
            at(outcomes_at.unwrap_or(created)),
        ]);
        id
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn feedback(
        &mut self,
        c: &Council,
        yp: i32,
        review: i32,
        form: &(i32, Vec<Question>),
        readers: &[(Staff, Relationship)],
        sent: DateTime<Utc>,
        answer: Option<(&Staff, DateTime<Utc>)>,
        yp_name: &str,
        on: NaiveDate,
    ) {
        if readers.is_empty() {
            return;
        }
        let id = self.t.feedback.id32();
        let public_id = self.rng.uuid();
        let submission = self.rng.uuid();
        self.t.feedback.push([
            int(id),
            text(public_id),
            int(c.id),
            int(yp),
            int(review),
            int(form.0),
            text(submission),
            flag(false),
            at(sent),
            text_or_null(answer.map(|_| self.rng.pick(words::REPLIES).to_owned())),
            int_or_null(answer.map(|(s, _)| s.id)),
            at_or_null(answer.map(|(_, a)| a)),
        ]);
        for q in &form.1 {
            if !self.rng.chance(0.75) {
                continue;
            }
            let (scale, choices, words_) = match q.kind {
                QuestionKind::Faces => (Some(self.rng.range(1, 6) as i32), None, None),
                QuestionKind::OneChoice | QuestionKind::ManyChoices => {
                    let Some(o) = q.options.get(self.rng.index(q.options.len())) else {
                        continue;
                    };
                    (None, Some(vec![o.key.clone()]), None)
                }
                QuestionKind::Text => (
                    None,
                    None,
                    Some(self.rng.pick(words::FEEDBACK_TEXT).to_owned()),
                ),
            };
            let aid = self.t.feedback_answer.id32();
            self.t.feedback_answer.push([
                int(aid),
                int(id),
                text(q.key.clone()),
                int_or_null(scale),
                text_or_null(choices.and_then(|c| serde_json::to_string(&c).ok())),
                text_or_null(words_),
            ]);
        }
        for (s, rel) in readers {
            let rid = self.t.feedback_reader.id32();
            self.t
                .feedback_reader
                .push([int(rid), int(id), int(s.id), text(rel.as_str())]);
            self.notify(
                s.id,
                "review_feedback",
                "New views before a review",
                &format!(
                    "{yp_name} sent their views for their review on {}.",
                    on.format("%A %-d %B")
                ),
                "/staff/reviews",
            );
        }
    }

    pub(super) fn offer_requests(
        &mut self,
        c: &Council,
        yp: i32,
        account: Option<i32>,
        worker: &Staff,
        rel: Relationship,
    ) {
        let n = 1 + self.rng.index(3);
        let mut used: Vec<i32> = Vec::new();
        for _ in 0..n {
            let Some(&(ent, money)) = c.entitlements.get(self.rng.index(c.entitlements.len()))
            else {
                return;
            };
            if used.contains(&ent) {
                continue;
            }
            used.push(ent);
            let status = [
                RequestStatus::Asked,
                RequestStatus::InProgress,
                RequestStatus::Agreed,
                RequestStatus::Paid,
                RequestStatus::TurnedDown,
            ][self.rng.weighted(&[30, 25, 20, 15, 10])];
            let status = if status == RequestStatus::Paid && !money {
                RequestStatus::Agreed
            } else {
                status
            };
            let id = self.t.offer_request.id32();
            let created = self.ago(3, 400);
            let steps: &[RequestStatus] = match status {
                RequestStatus::Asked => &[],
                RequestStatus::InProgress => &[RequestStatus::InProgress],
                RequestStatus::Agreed => &[RequestStatus::InProgress, RequestStatus::Agreed],
                RequestStatus::Paid => &[
                    RequestStatus::InProgress,
                    RequestStatus::Agreed,
                    RequestStatus::Paid,
                ],
                RequestStatus::TurnedDown => &[RequestStatus::TurnedDown],
            };
            let updated = created + Duration::days(2 * steps.len() as i64);
            let message = self.rng.pick(words::OFFER_MESSAGES).to_owned();
            let answer =
                (!steps.is_empty()).then(|| self.rng.pick(words::OFFER_ANSWERS).to_owned());
            let public_id = self.rng.uuid();
            self.t.offer_request.push([
                int(id),
                text(public_id),
                int(c.id),
                int(yp),
                int(ent),
                text(rel.as_str()),
                text(status.as_str()),
                text_or_null(Some(message.clone())),
                text_or_null(answer.clone()),
                text_or_null(
                    status
                        .is_open(money)
                        .then(|| crate::repo::offer_requests::open_key(yp, ent)),
                ),
                at(created),
                at(updated.min(self.now)),
            ]);
            let eid = self.t.offer_request_event.id();
            self.t.offer_request_event.push([
                big(eid),
                int(id),
                text(RequestStatus::Asked.as_str()),
                text_or_null(Some(message)),
                int_or_null(account),
                at(created),
            ]);
            for (i, s) in steps.iter().enumerate() {
                let eid = self.t.offer_request_event.id();
                let when = (created + Duration::days(2 * (i as i64 + 1))).min(self.now);
                self.t.offer_request_event.push([
                    big(eid),
                    int(id),
                    text(s.as_str()),
                    text_or_null(answer.clone()),
                    int_or_null(Some(worker.id)),
                    at(when),
                ]);
            }
            if status == RequestStatus::Asked {
                self.notify(
                    worker.id,
                    "offer_request",
                    "A question about the local offer",
                    "A young person asked about something in the local offer.",
                    "/staff/offer/requests",
                );
            }
        }
    }
}
