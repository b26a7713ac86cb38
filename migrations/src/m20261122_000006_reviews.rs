//! Reviews and "good for me" feedback forms (issue 6): each council's review
//! promise, review meetings and what was decided, young people's requests
//! for an earlier review, versioned feedback forms, drafts, sent feedback
//! (one row per answer, for anonymous totals), who reads it, and
//! safeguarding alerts tracked until someone responds.

use crate::helpers::{fk, fk_cascade, index};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Rows that mean nothing without their parent go with it.

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // A council's promise on top of reg 33. No row: the law alone.
        m.create_table(
            Table::create()
                .table("review_setting")
                .col(integer("authority_id").primary_key())
                .col(boolean("first_review_within_calendar_month"))
                .col(timestamp_with_time_zone("updated_at"))
                .col(integer_null("updated_by"))
                .foreign_key(&mut fk("review_setting", "authority_id", "local_authority"))
                .to_owned(),
        )
        .await?;

        // A review meeting: booked, then held (with outcomes) or cancelled.
        // `kind` is the schedule's ReviewKind when it was booked. Times are
        // minutes after local midnight in the council's zone.
        m.create_table(
            Table::create()
                .table("review")
                .col(pk_auto("id"))
                .col(string_uniq("public_id"))
                .col(integer("authority_id"))
                .col(integer("young_person_id"))
                .col(string("kind"))
                .col(string("status"))
                .col(date("scheduled_on"))
                .col(integer_null("start_minute"))
                .col(integer_null("end_minute"))
                .col(string("place"))
                .col(text("invited_json"))
                .col(string("participation"))
                .col(boolean("brought_forward"))
                .col(integer_null("chair_account_id"))
                .col(date_null("held_on"))
                .col(text_null("outcomes"))
                .col(text_null("decisions"))
                .col(text_null("override_reason"))
                .col(timestamp_with_time_zone_null("outcomes_at"))
                .col(integer_null("outcomes_by"))
                .col(integer("created_by"))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("review", "authority_id", "local_authority"))
                .foreign_key(&mut fk("review", "young_person_id", "young_person"))
                .foreign_key(&mut fk("review", "chair_account_id", "account"))
                .to_owned(),
        )
        .await?;
        // A young person's reviews; the reviews list and the schedule.
        index(
            m,
            "review",
            &["young_person_id", "status", "scheduled_on"],
            false,
        )
        .await?;
        index(
            m,
            "review",
            &["authority_id", "status", "scheduled_on"],
            false,
        )
        .await?;

        // "Can my review be sooner?": reaches the IRO and social worker;
        // resolved when a review is booked or moved as brought forward.
        m.create_table(
            Table::create()
                .table("review_request")
                .col(pk_auto("id"))
                .col(string_uniq("public_id"))
                .col(integer("young_person_id"))
                .col(text_null("message"))
                .col(timestamp_with_time_zone("asked_at"))
                .col(timestamp_with_time_zone_null("resolved_at"))
                .col(integer_null("resolved_by"))
                .foreign_key(&mut fk("review_request", "young_person_id", "young_person"))
                .to_owned(),
        )
        .await?;
        index(
            m,
            "review_request",
            &["young_person_id", "resolved_at"],
            false,
        )
        .await?;

        // Feedback forms: data, one row per published version. The newest
        // version of a key is the one given to new drafts; answers keep
        // the version they answered.
        m.create_table(
            Table::create()
                .table("feedback_form")
                .col(pk_auto("id"))
                .col(string_uniq("public_id"))
                .col(integer("authority_id"))
                .col(string("form_key"))
                .col(integer("version"))
                .col(string("title"))
                .col(text("intro"))
                .col(text_null("with_adult"))
                .col(text("questions_json"))
                .col(timestamp_with_time_zone("created_at"))
                .col(integer_null("created_by"))
                .foreign_key(&mut fk("feedback_form", "authority_id", "local_authority"))
                .to_owned(),
        )
        .await?;
        index(
            m,
            "feedback_form",
            &["authority_id", "form_key", "version"],
            true,
        )
        .await?;

        // The server's copy of a draft: one per young person per review,
        // the last write wins.
        m.create_table(
            Table::create()
                .table("feedback_draft")
                .col(pk_auto("id"))
                .col(integer("young_person_id"))
                .col(integer("review_id"))
                .col(integer("form_id"))
                .col(text("answers_json"))
                .col(text_null("readers_json"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("feedback_draft", "young_person_id", "young_person"))
                .foreign_key(&mut fk_cascade("feedback_draft", "review_id", "review"))
                .foreign_key(&mut fk("feedback_draft", "form_id", "feedback_form"))
                .to_owned(),
        )
        .await?;
        index(m, "feedback_draft", &["young_person_id", "review_id"], true).await?;

        // Sent feedback. `submission_id` is the app's idempotency key: a
        // second send with it finds this row. One per review.
        m.create_table(
            Table::create()
                .table("feedback")
                .col(pk_auto("id"))
                .col(string_uniq("public_id"))
                .col(integer("authority_id"))
                .col(integer("young_person_id"))
                .col(integer("review_id"))
                .col(integer("form_id"))
                .col(string("submission_id"))
                .col(boolean("suggests_harm"))
                .col(timestamp_with_time_zone("submitted_at"))
                .col(text_null("response"))
                .col(integer_null("responded_by"))
                .col(timestamp_with_time_zone_null("responded_at"))
                .foreign_key(&mut fk("feedback", "authority_id", "local_authority"))
                .foreign_key(&mut fk("feedback", "young_person_id", "young_person"))
                .foreign_key(&mut fk("feedback", "review_id", "review"))
                .foreign_key(&mut fk("feedback", "form_id", "feedback_form"))
                .to_owned(),
        )
        .await?;
        index(m, "feedback", &["young_person_id", "submission_id"], true).await?;
        index(m, "feedback", &["review_id"], true).await?;
        index(m, "feedback", &["authority_id", "submitted_at"], false).await?;

        // One row per answered question.
        m.create_table(
            Table::create()
                .table("feedback_answer")
                .col(pk_auto("id"))
                .col(integer("feedback_id"))
                .col(string("question_key"))
                .col(integer_null("scale"))
                .col(text_null("choices_json"))
                .col(text_null("text"))
                .foreign_key(&mut fk_cascade(
                    "feedback_answer",
                    "feedback_id",
                    "feedback",
                ))
                .to_owned(),
        )
        .await?;
        index(m, "feedback_answer", &["feedback_id"], false).await?;

        // Who the young person chose to read it.
        m.create_table(
            Table::create()
                .table("feedback_reader")
                .col(pk_auto("id"))
                .col(integer("feedback_id"))
                .col(integer("account_id"))
                .col(string("relationship"))
                .foreign_key(&mut fk_cascade(
                    "feedback_reader",
                    "feedback_id",
                    "feedback",
                ))
                .foreign_key(&mut fk("feedback_reader", "account_id", "account"))
                .to_owned(),
        )
        .await?;
        index(m, "feedback_reader", &["feedback_id", "account_id"], true).await?;
        index(m, "feedback_reader", &["account_id"], false).await?;

        // Words that suggest harm: tracked until someone records a response.
        m.create_table(
            Table::create()
                .table("safeguarding_alert")
                .col(pk_auto("id"))
                .col(string_uniq("public_id"))
                .col(integer("authority_id"))
                .col(integer("young_person_id"))
                .col(string("source"))
                .col(string("source_id"))
                .col(text("phrases_json"))
                .col(text("excerpt"))
                .col(string("routed_to"))
                .col(timestamp_with_time_zone("raised_at"))
                .col(text_null("response"))
                .col(integer_null("responded_by"))
                .col(timestamp_with_time_zone_null("responded_at"))
                .foreign_key(&mut fk(
                    "safeguarding_alert",
                    "authority_id",
                    "local_authority",
                ))
                .foreign_key(&mut fk(
                    "safeguarding_alert",
                    "young_person_id",
                    "young_person",
                ))
                .to_owned(),
        )
        .await?;
        index(
            m,
            "safeguarding_alert",
            &["authority_id", "responded_at"],
            false,
        )
        .await?;
        index(m, "safeguarding_alert", &["young_person_id"], false).await?;

        // Who was alerted at once (the named worker, or the duty team).
        m.create_table(
            Table::create()
                .table("safeguarding_alert_recipient")
                .col(pk_auto("id"))
                .col(integer("alert_id"))
                .col(integer("account_id"))
                .foreign_key(&mut fk_cascade(
                    "safeguarding_alert_recipient",
                    "alert_id",
                    "safeguarding_alert",
                ))
                .foreign_key(&mut fk(
                    "safeguarding_alert_recipient",
                    "account_id",
                    "account",
                ))
                .to_owned(),
        )
        .await?;
        index(
            m,
            "safeguarding_alert_recipient",
            &["alert_id", "account_id"],
            true,
        )
        .await?;
        index(m, "safeguarding_alert_recipient", &["account_id"], false).await
    }
}
