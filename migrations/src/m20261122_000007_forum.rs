//! Positive Journeys: spaces with age rules, members (display names and
//! suspensions), threads and posts with their moderation state, reports
//! (with a copy of what was reported), blocks, the council's watched words,
//! the moderation log (append-only: the code has no update or delete for
//! it), events with sign-ups, and consultations and polls with answers.
//!
//! Lists are read by keyset on (created_at, id), so each hot filter has an
//! index that ends in those columns. The moderation log has no foreign keys
//! to posts or threads, so a retention job may one day delete old posts and
//! keep the log.

use crate::helpers::{fk, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // A space and its rule: ages (inclusive) and audience (in_care,
        // care_leavers, both). `slug` is its id in addresses.
        m.create_table(
            Table::create()
                .table("forum_space")
                .col(pk_auto("id"))
                .col(integer("authority_id"))
                .col(string("slug"))
                .col(string("name"))
                .col(text("description"))
                .col(integer("min_age"))
                .col(integer("max_age"))
                .col(string("audience"))
                .col(boolean("hold_under_18"))
                .col(boolean("archived"))
                .col(integer("position"))
                .col(integer_null("created_by"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("forum_space", "authority_id", "local_authority"))
                .foreign_key(&mut fk("forum_space", "created_by", "account"))
                .to_owned(),
        )
        .await?;
        index(m, "forum_space", &["authority_id", "slug"], true).await?;

        // A young person in the forum: the name others see (unique in the
        // council by `name_key`), and any suspension.
        m.create_table(
            Table::create()
                .table("forum_member")
                .col(pk_auto("id"))
                .col(string_uniq("public_id"))
                .col(integer("authority_id"))
                .col(integer_uniq("young_person_id"))
                .col(string("display_name"))
                .col(string("name_key"))
                .col(boolean("name_chosen"))
                .col(timestamp_with_time_zone_null("suspended_until"))
                .col(text_null("suspension_reason"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("forum_member", "authority_id", "local_authority"))
                .foreign_key(&mut fk("forum_member", "young_person_id", "young_person"))
                .to_owned(),
        )
        .await?;
        index(m, "forum_member", &["authority_id", "name_key"], true).await?;

        // A thread; `status` mirrors its opening post's.
        m.create_table(
            Table::create()
                .table("forum_thread")
                .col(big_pk_auto("id"))
                .col(string_uniq("public_id"))
                .col(integer("authority_id"))
                .col(integer("space_id"))
                .col(integer("author_member_id"))
                .col(string("title"))
                .col(string("status"))
                .col(boolean("locked"))
                .col(text_null("lock_reason"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("last_post_at"))
                .foreign_key(&mut fk("forum_thread", "authority_id", "local_authority"))
                .foreign_key(&mut fk("forum_thread", "space_id", "forum_space"))
                .foreign_key(&mut fk("forum_thread", "author_member_id", "forum_member"))
                .to_owned(),
        )
        .await?;
        // A space's page of threads.
        index(
            m,
            "forum_thread",
            &["space_id", "status", "created_at", "id"],
            false,
        )
        .await?;
        index(m, "forum_thread", &["author_member_id", "status"], false).await?;

        // A post. `status`: pending, published, rejected, removed, deleted.
        // `flag_open`: a Flag-tier word a moderator has not looked at yet.
        m.create_table(
            Table::create()
                .table("forum_post")
                .col(big_pk_auto("id"))
                .col(string_uniq("public_id"))
                .col(integer("authority_id"))
                .col(big_integer("thread_id"))
                .col(integer("space_id"))
                .col(integer("author_member_id"))
                .col(boolean("opening"))
                .col(text("body"))
                .col(string("status"))
                .col(string("hold_reasons"))
                .col(boolean("flagged"))
                .col(boolean("flag_open"))
                .col(boolean("suggests_harm"))
                .col(boolean("edited"))
                .col(text_null("moderator_note"))
                .col(integer_null("decided_by"))
                .col(timestamp_with_time_zone_null("decided_at"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("published_at"))
                .foreign_key(&mut fk("forum_post", "authority_id", "local_authority"))
                .foreign_key(&mut fk("forum_post", "thread_id", "forum_thread"))
                .foreign_key(&mut fk("forum_post", "author_member_id", "forum_member"))
                .foreign_key(&mut fk("forum_post", "decided_by", "account"))
                .to_owned(),
        )
        .await?;
        // A thread's page of posts.
        index(
            m,
            "forum_post",
            &["thread_id", "status", "created_at", "id"],
            false,
        )
        .await?;
        // The moderation queue, and participation figures.
        index(
            m,
            "forum_post",
            &["authority_id", "status", "created_at", "id"],
            false,
        )
        .await?;
        index(m, "forum_post", &["authority_id", "flag_open"], false).await?;
        index(m, "forum_post", &["authority_id", "created_at"], false).await?;
        // "My posts".
        index(
            m,
            "forum_post",
            &["author_member_id", "created_at", "id"],
            false,
        )
        .await?;

        // A report keeps a copy of the post as it was.
        m.create_table(
            Table::create()
                .table("forum_report")
                .col(big_pk_auto("id"))
                .col(string_uniq("public_id"))
                .col(integer("authority_id"))
                .col(big_integer("post_id"))
                .col(integer("reporter_young_person_id"))
                .col(text_null("reason"))
                .col(text_null("snapshot_title"))
                .col(text("snapshot_body"))
                .col(string("snapshot_author"))
                .col(string("status"))
                .col(string_null("outcome"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone_null("resolved_at"))
                .col(integer_null("resolved_by"))
                .foreign_key(&mut fk("forum_report", "authority_id", "local_authority"))
                .foreign_key(&mut fk("forum_report", "post_id", "forum_post"))
                .foreign_key(&mut fk(
                    "forum_report",
                    "reporter_young_person_id",
                    "young_person",
                ))
                .foreign_key(&mut fk("forum_report", "resolved_by", "account"))
                .to_owned(),
        )
        .await?;
        // One report per post and person.
        index(
            m,
            "forum_report",
            &["post_id", "reporter_young_person_id"],
            true,
        )
        .await?;
        index(
            m,
            "forum_report",
            &["authority_id", "status", "created_at"],
            false,
        )
        .await?;

        // A young person does not see the posts of those they blocked.
        m.create_table(
            Table::create()
                .table("forum_block")
                .col(pk_auto("id"))
                .col(string_uniq("public_id"))
                .col(integer("blocker_young_person_id"))
                .col(integer("blocked_member_id"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk(
                    "forum_block",
                    "blocker_young_person_id",
                    "young_person",
                ))
                .foreign_key(&mut fk("forum_block", "blocked_member_id", "forum_member"))
                .to_owned(),
        )
        .await?;
        index(
            m,
            "forum_block",
            &["blocker_young_person_id", "blocked_member_id"],
            true,
        )
        .await?;

        // The council's watched words (block, hold, flag).
        m.create_table(
            Table::create()
                .table("forum_watched_word")
                .col(pk_auto("id"))
                .col(integer("authority_id"))
                .col(string("pattern"))
                .col(string("pattern_key"))
                .col(string("tier"))
                .col(integer_null("created_by"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk(
                    "forum_watched_word",
                    "authority_id",
                    "local_authority",
                ))
                .foreign_key(&mut fk("forum_watched_word", "created_by", "account"))
                .to_owned(),
        )
        .await?;
        index(
            m,
            "forum_watched_word",
            &["authority_id", "pattern_key"],
            true,
        )
        .await?;

        // Per council: whether its watched words have been set up (so an
        // officer who empties the list is not given the defaults again).
        m.create_table(
            Table::create()
                .table("forum_setting")
                .col(pk_auto("id"))
                .col(integer_uniq("authority_id"))
                .col(boolean("watched_words_set"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("forum_setting", "authority_id", "local_authority"))
                .to_owned(),
        )
        .await?;

        // Append-only: every moderation action, who, what, when and why,
        // with the original text of an edited post.
        m.create_table(
            Table::create()
                .table("forum_moderation_log")
                .col(big_pk_auto("id"))
                .col(string_uniq("public_id"))
                .col(integer("authority_id"))
                .col(timestamp_with_time_zone("at"))
                .col(integer_null("actor_account_id"))
                .col(string_null("actor_role"))
                .col(string_null("actor_name"))
                .col(string("action"))
                .col(big_integer_null("post_id"))
                .col(big_integer_null("thread_id"))
                .col(integer_null("member_id"))
                .col(text_null("reason"))
                .col(text_null("original_title"))
                .col(text_null("original_body"))
                .col(text_null("new_title"))
                .col(text_null("new_body"))
                .foreign_key(&mut fk(
                    "forum_moderation_log",
                    "authority_id",
                    "local_authority",
                ))
                .to_owned(),
        )
        .await?;
        index(
            m,
            "forum_moderation_log",
            &["authority_id", "at", "id"],
            false,
        )
        .await?;
        index(m, "forum_moderation_log", &["post_id"], false).await?;

        // Events and sign-ups. `places_taken` only moves by a conditional
        // UPDATE, so two sign-ups for the last place cannot both win.
        m.create_table(
            Table::create()
                .table("forum_event")
                .col(pk_auto("id"))
                .col(string_uniq("public_id"))
                .col(integer("authority_id"))
                .col(integer_null("space_id"))
                .col(string("kind"))
                .col(string("title"))
                .col(text("description"))
                .col(string("location"))
                .col(timestamp_with_time_zone("starts_at"))
                .col(timestamp_with_time_zone("ends_at"))
                .col(integer_null("places"))
                .col(integer("places_taken"))
                .col(timestamp_with_time_zone_null("sign_up_closes_at"))
                .col(boolean("cancelled"))
                .col(integer("created_by"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("forum_event", "authority_id", "local_authority"))
                .foreign_key(&mut fk("forum_event", "space_id", "forum_space"))
                .foreign_key(&mut fk("forum_event", "created_by", "account"))
                .to_owned(),
        )
        .await?;
        index(m, "forum_event", &["authority_id", "starts_at"], false).await?;

        m.create_table(
            Table::create()
                .table("forum_event_signup")
                .col(pk_auto("id"))
                .col(string_uniq("public_id"))
                .col(integer("authority_id"))
                .col(integer("event_id"))
                .col(integer("young_person_id"))
                .col(string("status"))
                .col(text_null("note"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("forum_event_signup", "event_id", "forum_event"))
                .foreign_key(&mut fk(
                    "forum_event_signup",
                    "young_person_id",
                    "young_person",
                ))
                .to_owned(),
        )
        .await?;
        index(
            m,
            "forum_event_signup",
            &["event_id", "young_person_id"],
            true,
        )
        .await?;
        index(
            m,
            "forum_event_signup",
            &["authority_id", "created_at"],
            false,
        )
        .await?;

        // Consultations and quick polls; `options` is a JSON array.
        m.create_table(
            Table::create()
                .table("forum_poll")
                .col(pk_auto("id"))
                .col(string_uniq("public_id"))
                .col(integer("authority_id"))
                .col(integer_null("space_id"))
                .col(string("kind"))
                .col(text("question"))
                .col(text("description"))
                .col(text("options"))
                .col(boolean("allows_comment"))
                .col(timestamp_with_time_zone("closes_at"))
                .col(timestamp_with_time_zone_null("closed_at"))
                .col(text_null("you_said_we_did"))
                .col(integer("created_by"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("forum_poll", "authority_id", "local_authority"))
                .foreign_key(&mut fk("forum_poll", "space_id", "forum_space"))
                .foreign_key(&mut fk("forum_poll", "created_by", "account"))
                .to_owned(),
        )
        .await?;
        index(m, "forum_poll", &["authority_id", "closes_at"], false).await?;

        m.create_table(
            Table::create()
                .table("forum_poll_answer")
                .col(pk_auto("id"))
                .col(integer("authority_id"))
                .col(integer("poll_id"))
                .col(integer("young_person_id"))
                .col(integer_null("option_index"))
                .col(text_null("comment"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut fk("forum_poll_answer", "poll_id", "forum_poll"))
                .foreign_key(&mut fk(
                    "forum_poll_answer",
                    "young_person_id",
                    "young_person",
                ))
                .to_owned(),
        )
        .await?;
        index(
            m,
            "forum_poll_answer",
            &["poll_id", "young_person_id"],
            true,
        )
        .await?;
        index(
            m,
            "forum_poll_answer",
            &["authority_id", "created_at"],
            false,
        )
        .await
    }
}
