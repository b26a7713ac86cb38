//! Positive Journeys rows: members, threads, posts and their moderation.

use super::{Gen, Member, Staff, StaffOf};
use crate::generate::bulk::{
    at, at_or_null, big, big_or_null, flag, int, int_or_null, text, text_or_null,
};
use crate::generate::text as words;
use crate::generate::Council;
use chrono::{DateTime, Duration, Utc};
use shared::care_status::CareSummary;
use shared::forum::{HoldReason, ModAction, PostStatus, ReportStatus};
use shared::people::Role;

impl Gen {
    /// Threads and posts among this chunk's members, space by space.
    pub(super) fn forum(
        &mut self,
        c: &Council,
        staff: &StaffOf,
        members: &[(Member, CareSummary)],
    ) {
        let officer = staff.po.first().cloned();
        for space in &c.spaces {
            let Ok(rule) = crate::services::forum::rule_of(space) else {
                continue;
            };
            let here: Vec<&Member> = members
                .iter()
                .filter(|(_, s)| rule.admits(s))
                .map(|(m, _)| m)
                .collect();
            if here.is_empty() {
                continue;
            }
            let threads = here.len().div_ceil(3);
            for _ in 0..threads {
                let Some(author) = here.get(self.rng.index(here.len())).copied() else {
                    continue;
                };
                let title = self.rng.pick(words::THREAD_TITLES);
                let opening = self.post_status(author, space.hold_under_18);
                let created = if opening == PostStatus::Pending {
                    self.ago(0, 3)
                } else {
                    self.ago(4, 300)
                };
                let thread = self.t.forum_thread.id();
                let public_id = self.rng.uuid();
                let mut posts = vec![(author, opening, created, true)];
                if opening == PostStatus::Published {
                    let mut when = created;
                    for _ in 0..self.rng.index(7) {
                        let Some(by) = here.get(self.rng.index(here.len())).copied() else {
                            continue;
                        };
                        let st = self.post_status(by, space.hold_under_18);
                        when += Duration::minutes(self.rng.range(10, 60 * 24 * 3));
                        let at_ = if st == PostStatus::Pending {
                            self.ago(0, 3)
                        } else {
                            when.min(self.now - Duration::hours(1))
                        };
                        posts.push((by, st, at_, false));
                    }
                }
                let last = posts
                    .iter()
                    .filter(|(_, s, _, _)| *s == PostStatus::Published)
                    .map(|(_, _, a, _)| *a)
                    .max()
                    .unwrap_or(created);
                self.t.forum_thread.push([
                    big(thread),
                    text(public_id),
                    int(c.id),
                    int(space.id),
                    int(author.id),
                    text(title),
                    text(opening.as_str()),
                    flag(false),
                    text_or_null(None),
                    at(created),
                    at(last),
                ]);
                for (by, st, when, is_opening) in posts {
                    self.post(
                        c,
                        space.id,
                        thread,
                        title,
                        by,
                        st,
                        when,
                        is_opening,
                        officer.as_ref(),
                        &here,
                    );
                }
            }
        }
    }

    pub(super) fn post_status(&mut self, author: &Member, hold_under_18: bool) -> PostStatus {
        match self.rng.weighted(&[92, 4, 2, 1, 1]) {
            1 if author.under_18 && hold_under_18 => PostStatus::Pending,
            2 => PostStatus::Rejected,
            3 => PostStatus::Removed,
            4 => PostStatus::Deleted,
            _ => PostStatus::Published,
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn post(
        &mut self,
        c: &Council,
        space: i32,
        thread: i64,
        title: &str,
        by: &Member,
        st: PostStatus,
        created: DateTime<Utc>,
        opening: bool,
        officer: Option<&Staff>,
        here: &[&Member],
    ) {
        let id = self.t.forum_post.id();
        let body = self.rng.pick(words::POSTS);
        let checked = by.under_18;
        let decided = match st {
            PostStatus::Pending | PostStatus::Deleted => None,
            PostStatus::Published if !checked => None,
            _ => officer.map(|o| (o, created + Duration::minutes(self.rng.range(5, 240)))),
        };
        let published_at = match st {
            PostStatus::Published | PostStatus::Removed => Some(if checked {
                decided.map_or(created, |(_, d)| d)
            } else {
                created
            }),
            _ => None,
        };
        let flagged = st == PostStatus::Published && self.rng.chance(0.03);
        let flag_open = flagged && self.rng.chance(0.5);
        let hold = if st == PostStatus::Pending || (checked && decided.is_some()) {
            HoldReason::join(&[HoldReason::Under18])
        } else {
            String::new()
        };
        let note = (st == PostStatus::Rejected)
            .then(|| "Please keep names and places private.".to_owned());
        let public_id = self.rng.uuid();
        self.t.forum_post.push([
            big(id),
            text(public_id),
            int(c.id),
            big(thread),
            int(space),
            int(by.id),
            flag(opening),
            text(body),
            text(st.as_str()),
            text(hold),
            flag(flagged),
            flag(flag_open),
            flag(false),
            flag(false),
            text_or_null(note.clone()),
            int_or_null(decided.map(|(o, _)| o.id)),
            at_or_null(decided.map(|(_, d)| d)),
            at(created),
            at_or_null(published_at),
        ]);
        if let Some((o, when)) = decided {
            let action = match st {
                PostStatus::Rejected => ModAction::Rejected,
                PostStatus::Removed => ModAction::Removed,
                _ => ModAction::Approved,
            };
            let lid = self.t.forum_moderation_log.id();
            let public_id = self.rng.uuid();
            self.t.forum_moderation_log.push([
                big(lid),
                text(public_id),
                int(c.id),
                at(when),
                int_or_null(Some(o.id)),
                text_or_null(Some(Role::ParticipationOfficer.as_str().to_owned())),
                text_or_null(Some(o.name.clone())),
                text(action.as_str()),
                big_or_null(Some(id)),
                big_or_null(Some(thread)),
                int_or_null(Some(by.id)),
                text_or_null(note),
                text_or_null(None),
                text_or_null(None),
                text_or_null(None),
                text_or_null(None),
            ]);
        }
        // Now and then someone reports a post that is up.
        if st == PostStatus::Published && self.rng.chance(0.015) {
            let Some(reporter) = here.get(self.rng.index(here.len())).copied() else {
                return;
            };
            if reporter.id == by.id {
                return;
            }
            let rid = self.t.forum_report.id();
            let when = (created + Duration::hours(self.rng.range(1, 48))).min(self.now);
            let open = self.rng.chance(0.6);
            let resolver = officer.filter(|_| !open);
            let public_id = self.rng.uuid();
            self.t.forum_report.push([
                big(rid),
                text(public_id),
                int(c.id),
                big(id),
                int(reporter.young_person_id),
                text_or_null(Some("I don't think this is kind.".to_owned())),
                text_or_null(opening.then(|| title.to_owned())),
                text(body),
                text(by.name.clone()),
                text(
                    if open {
                        ReportStatus::Open
                    } else {
                        ReportStatus::Resolved
                    }
                    .as_str(),
                ),
                text_or_null((!open).then(|| "kept".to_owned())),
                at(when),
                at_or_null(resolver.map(|_| when + Duration::hours(5))),
                int_or_null(resolver.map(|o| o.id)),
            ]);
        }
    }
}
