//! Indexes found by the scale benchmark (issue 10: `bench`), each for a
//! query that read far more rows than it returned at 100,000 young people
//! (EXPLAIN on SQLite and PostgreSQL):
//!
//! - a team manager's caseload (and reviews list) reads the team's staff
//!   by `account.team_id`, which had no index: a scan of every account in
//!   the country on each request;
//! - a space's page of threads asks for published threads or the reader's
//!   own waiting ones, newest first: the OR on `status` kept the planners
//!   off `(space_id, status, created_at, id)`, so every thread of the space
//!   was read and sorted for a page of 20. `(space_id, created_at, id)`
//!   walks the page in order and stops;
//! - the moderation queue's flagged posts: SQLite walked every post of the
//!   council by `(authority_id, created_at)` to find the few with an open
//!   flag. `(authority_id, flag_open, created_at, id)` finds them in order,
//!   and replaces `(authority_id, flag_open)`.

use crate::helpers::index;
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        index(m, "account", &["team_id"], false).await?;
        index(m, "forum_thread", &["space_id", "created_at", "id"], false).await?;
        index(
            m,
            "forum_post",
            &["authority_id", "flag_open", "created_at", "id"],
            false,
        )
        .await?;
        m.drop_index(
            Index::drop()
                .name("forum_post_authority_id_flag_open")
                .table("forum_post")
                .to_owned(),
        )
        .await
    }
}
