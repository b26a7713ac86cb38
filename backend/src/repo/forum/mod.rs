//! Positive Journeys' forum: spaces, members, threads, posts, reports,
//! blocks and the council's watched words. Every lookup by public id takes
//! the council's id. Pages are keyset on (created_at, id).

mod figures;
mod members;
mod posts;
mod reports;
mod spaces;
mod threads;
mod watched_words;

pub use figures::{posters_between, staff_with_role};
pub use members::{
    insert_member, member_by_public_id, member_of, members_by_ids, other_display_names,
    set_display_name, set_suspension, young_people_by_ids,
};
pub use posts::{
    close_flag, decide, delete_by_author, flagged_posts, insert_post, opening_post, pending_posts,
    post_by_id, post_by_public_id, post_page, posts_by_ids, posts_of_member, Decision, NewPost,
};
pub use reports::{
    blocked_by, delete_block, insert_block, insert_report, report_of, reported_post_ids,
    reports_for, resolve_reports, NewReport,
};
pub use spaces::{insert_space, space_by_slug, spaces, spaces_by_ids, update_space, SpaceWrite};
pub use threads::{
    insert_thread, post_visible_to, set_thread_lock, set_thread_status, set_thread_title,
    thread_by_id, thread_by_public_id, thread_page, thread_visible_to, threads_by_ids,
    touch_thread, Viewer,
};
pub use watched_words::{replace_watched_words, watched_words};

pub use super::keyset::Cursor;
use shared::forum::PostStatus;

pub const REPORT_OPEN: &str = shared::forum::ReportStatus::Open.as_str();
pub const REPORT_RESOLVED: &str = shared::forum::ReportStatus::Resolved.as_str();

fn st(s: PostStatus) -> &'static str {
    s.as_str()
}
