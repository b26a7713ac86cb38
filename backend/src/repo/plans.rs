//! Plan versions, children's questions about them, staff profiles.

use crate::entities::{account, plan_query as pq, plan_version as pv, staff_profile, young_person};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

pub const DRAFT: &str = shared::plans::PlanStatus::Draft.as_str();
pub const SHARED: &str = shared::plans::PlanStatus::Shared.as_str();

pub async fn draft(db: &impl ConnectionTrait, yp_id: i32) -> Result<Option<pv::Model>, DbErr> {
    pv::Entity::find()
        .filter(pv::Column::YoungPersonId.eq(yp_id))
        .filter(pv::Column::Status.eq(DRAFT))
        .one(db)
        .await
}

/// Shared versions, newest first.
pub async fn shared(
    db: &impl ConnectionTrait,
    yp_id: i32,
    limit: u64,
) -> Result<Vec<pv::Model>, DbErr> {
    pv::Entity::find()
        .filter(pv::Column::YoungPersonId.eq(yp_id))
        .filter(pv::Column::Status.eq(SHARED))
        .order_by_desc(pv::Column::Version)
        .limit(limit)
        .all(db)
        .await
}

pub async fn shared_version(
    db: &impl ConnectionTrait,
    yp_id: i32,
    version: i32,
) -> Result<Option<pv::Model>, DbErr> {
    pv::Entity::find()
        .filter(pv::Column::YoungPersonId.eq(yp_id))
        .filter(pv::Column::Status.eq(SHARED))
        .filter(pv::Column::Version.eq(version))
        .one(db)
        .await
}

pub struct DraftWrite<'a> {
    pub yp_id: i32,
    pub kind: &'a str,
    pub sections_json: String,
    pub next_date: Option<NaiveDate>,
    pub written_by: i32,
}

/// Replaces the draft, or starts one.
pub async fn save_draft(
    db: &impl ConnectionTrait,
    d: DraftWrite<'_>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    if let Some(existing) = draft(db, d.yp_id).await? {
        pv::Entity::update_many()
            .col_expr(pv::Column::SectionsJson, Expr::value(d.sections_json))
            .col_expr(pv::Column::NextDate, Expr::value(d.next_date))
            .col_expr(pv::Column::WrittenBy, Expr::value(d.written_by))
            .col_expr(pv::Column::Kind, Expr::value(d.kind))
            .col_expr(pv::Column::UpdatedAt, Expr::value(now))
            .filter(pv::Column::Id.eq(existing.id))
            .exec(db)
            .await?;
        return Ok(());
    }
    pv::ActiveModel {
        young_person_id: Set(d.yp_id),
        kind: Set(d.kind.to_owned()),
        status: Set(DRAFT.to_owned()),
        version: Set(None),
        sections_json: Set(d.sections_json),
        next_date: Set(d.next_date),
        written_by: Set(d.written_by),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .map(|_| ())
}

/// Turns the draft into the next shared version.
pub async fn share_draft(
    db: &impl ConnectionTrait,
    draft_id: i32,
    version: i32,
    shared_by: i32,
    override_reason: Option<String>,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let r = pv::Entity::update_many()
        .col_expr(pv::Column::Status, Expr::value(SHARED))
        .col_expr(pv::Column::Version, Expr::value(version))
        .col_expr(pv::Column::SharedAt, Expr::value(now))
        .col_expr(pv::Column::SharedBy, Expr::value(shared_by))
        .col_expr(pv::Column::OverrideReason, Expr::value(override_reason))
        .filter(pv::Column::Id.eq(draft_id))
        .filter(pv::Column::Status.eq(DRAFT))
        .exec(db)
        .await?;
    Ok(r.rows_affected == 1)
}

pub async fn account_name(db: &impl ConnectionTrait, id: Option<i32>) -> Result<String, DbErr> {
    let Some(id) = id else {
        return Ok(String::new());
    };
    Ok(account::Entity::find_by_id(id)
        .one(db)
        .await?
        .map(|a| a.display_name)
        .unwrap_or_default())
}

pub async fn add_query(
    db: &impl ConnectionTrait,
    yp_id: i32,
    version_id: i32,
    section: &str,
    kind: &str,
    message: Option<String>,
    now: DateTime<Utc>,
) -> Result<pq::Model, DbErr> {
    pq::ActiveModel {
        public_id: Set(uuid::Uuid::new_v4().to_string()),
        young_person_id: Set(yp_id),
        plan_version_id: Set(version_id),
        section: Set(section.to_owned()),
        kind: Set(kind.to_owned()),
        message: Set(message),
        asked_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

pub async fn queries_for(
    db: &impl ConnectionTrait,
    yp_ids: &[i32],
    limit: u64,
) -> Result<Vec<pq::Model>, DbErr> {
    if yp_ids.is_empty() {
        return Ok(vec![]);
    }
    pq::Entity::find()
        .filter(pq::Column::YoungPersonId.is_in(yp_ids.to_vec()))
        .order_by_desc(pq::Column::AskedAt)
        .limit(limit)
        .all(db)
        .await
}

pub async fn query_by_public_id(
    db: &impl ConnectionTrait,
    public_id: &str,
) -> Result<Option<pq::Model>, DbErr> {
    pq::Entity::find()
        .filter(pq::Column::PublicId.eq(public_id))
        .one(db)
        .await
}

pub async fn answer_query(
    db: &impl ConnectionTrait,
    id: i32,
    answer: &str,
    by: i32,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    pq::Entity::update_many()
        .col_expr(pq::Column::Answer, Expr::value(answer))
        .col_expr(pq::Column::AnsweredBy, Expr::value(by))
        .col_expr(pq::Column::AnsweredAt, Expr::value(now))
        .filter(pq::Column::Id.eq(id))
        .exec(db)
        .await
        .map(|_| ())
}

pub async fn version_number(db: &impl ConnectionTrait, id: i32) -> Result<i32, DbErr> {
    Ok(pv::Entity::find_by_id(id)
        .one(db)
        .await?
        .and_then(|v| v.version)
        .unwrap_or(0))
}

pub async fn person(
    db: &impl ConnectionTrait,
    id: i32,
) -> Result<Option<young_person::Model>, DbErr> {
    young_person::Entity::find_by_id(id).one(db).await
}

pub async fn profile(
    db: &impl ConnectionTrait,
    account_id: i32,
) -> Result<Option<staff_profile::Model>, DbErr> {
    staff_profile::Entity::find_by_id(account_id).one(db).await
}

pub async fn save_profile(
    db: &impl ConnectionTrait,
    account_id: i32,
    about_me: &str,
    contact_how: &str,
    contact_when: &str,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    if profile(db, account_id).await?.is_some() {
        staff_profile::Entity::update_many()
            .col_expr(staff_profile::Column::AboutMe, Expr::value(about_me))
            .col_expr(staff_profile::Column::ContactHow, Expr::value(contact_how))
            .col_expr(
                staff_profile::Column::ContactWhen,
                Expr::value(contact_when),
            )
            .col_expr(staff_profile::Column::UpdatedAt, Expr::value(now))
            .filter(staff_profile::Column::AccountId.eq(account_id))
            .exec(db)
            .await
            .map(|_| ())
    } else {
        staff_profile::ActiveModel {
            account_id: Set(account_id),
            about_me: Set(about_me.to_owned()),
            contact_how: Set(contact_how.to_owned()),
            contact_when: Set(contact_when.to_owned()),
            updated_at: Set(now),
        }
        .insert(db)
        .await
        .map(|_| ())
    }
}
