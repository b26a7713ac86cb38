//! Positive Journeys' forum: spaces, members, threads, posts, reports,
//! blocks and the council's watched words. Every lookup by public id takes
//! the council's id. Pages are keyset on (created_at, id).

mod spaces;
mod members;
mod threads;
mod posts;
mod reports;
mod watched_words;
mod figures;

pub use spaces::{spaces, space_by_slug, spaces_by_ids, SpaceWrite, insert_space, update_space};
pub use members::{member_of, member_by_public_id, members_by_ids, insert_member, set_display_name, set_suspension, young_people_by_ids};
pub use threads::{insert_thread, thread_by_public_id, thread_by_id, threads_by_ids, set_thread_status, set_thread_title, set_thread_lock, touch_thread, Viewer, thread_visible_to, post_visible_to, thread_page};
pub use posts::{NewPost, insert_post, post_by_public_id, post_by_id, posts_by_ids, opening_post, post_page, posts_of_member, Decision, decide, delete_by_author, close_flag, pending_posts, flagged_posts};
pub use reports::{NewReport, insert_report, report_of, reports_for, reported_post_ids, resolve_reports, blocked_by, insert_block, delete_block};
pub use watched_words::{watched_words, replace_watched_words};
pub use figures::{posters_between, staff_with_role};

use super::chunked::{self, CHUNK};
use crate::entities::{
    forum_block as block, forum_member as member, forum_post as post, forum_report as report,
    forum_setting as setting, forum_space as space, forum_thread as thread,
    forum_watched_word as word, young_person,
};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use shared::forum::{PostStatus, WatchedWord};
use shared::text_checks::Tier;
pub use super::keyset::Cursor;
use super::keyset::{self, Direction};

pub const REPORT_OPEN: &str = "open";
pub const REPORT_RESOLVED: &str = "resolved";

fn st(s: PostStatus) -> &'static str {
    s.as_str()
}
