//! The local offer: sections, entitlements and their versions. Every query
//! takes the council's id.

use crate::entities::{account, entitlement as ent, entitlement_version as ver, offer_section};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use std::collections::HashMap;

pub async fn sections(
    db: &impl ConnectionTrait,
    authority_id: i32,
) -> Result<Vec<offer_section::Model>, DbErr> {
    offer_section::Entity::find()
        .filter(offer_section::Column::AuthorityId.eq(authority_id))
        .order_by_asc(offer_section::Column::Position)
        .all(db)
        .await
}

/// Creates the section unless the council has one with this slug already
/// (an existing one keeps its title).
pub async fn ensure_section(
    db: &impl ConnectionTrait,
    authority_id: i32,
    slug: &str,
    title: &str,
    position: i32,
) -> Result<offer_section::Model, DbErr> {
    if let Some(existing) = offer_section::Entity::find()
        .filter(offer_section::Column::AuthorityId.eq(authority_id))
        .filter(offer_section::Column::Slug.eq(slug))
        .one(db)
        .await?
    {
        return Ok(existing);
    }
    offer_section::ActiveModel {
        authority_id: Set(authority_id),
        slug: Set(slug.to_owned()),
        title: Set(title.to_owned()),
        position: Set(position),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// The council's entitlements in their order. Retired ones and examples
/// copied from the template that nobody has checked yet only for staff
/// (`for_staff`): young people and the public page never see either.
pub async fn entitlements(
    db: &impl ConnectionTrait,
    authority_id: i32,
    for_staff: bool,
) -> Result<Vec<ent::Model>, DbErr> {
    let mut q = ent::Entity::find().filter(ent::Column::AuthorityId.eq(authority_id));
    if !for_staff {
        q = q
            .filter(ent::Column::Retired.eq(false))
            .filter(ent::Column::ExampleToEdit.eq(false));
    }
    q.order_by_asc(ent::Column::Position)
        .order_by_asc(ent::Column::Id)
        .all(db)
        .await
}

pub async fn by_slug(
    db: &impl ConnectionTrait,
    authority_id: i32,
    slug: &str,
) -> Result<Option<ent::Model>, DbErr> {
    ent::Entity::find()
        .filter(ent::Column::AuthorityId.eq(authority_id))
        .filter(ent::Column::Slug.eq(slug))
        .one(db)
        .await
}

pub async fn by_ids(db: &impl ConnectionTrait, ids: Vec<i32>) -> Result<Vec<ent::Model>, DbErr> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    ent::Entity::find()
        .filter(ent::Column::Id.is_in(ids))
        .all(db)
        .await
}

/// The slugs the council already has (to seed only what is missing).
pub async fn slugs(db: &impl ConnectionTrait, authority_id: i32) -> Result<Vec<String>, DbErr> {
    ent::Entity::find()
        .select_only()
        .column(ent::Column::Slug)
        .filter(ent::Column::AuthorityId.eq(authority_id))
        .into_tuple::<String>()
        .all(db)
        .await
}

pub async fn next_position(db: &impl ConnectionTrait, authority_id: i32) -> Result<i32, DbErr> {
    let last = ent::Entity::find()
        .filter(ent::Column::AuthorityId.eq(authority_id))
        .order_by_desc(ent::Column::Position)
        .one(db)
        .await?;
    Ok(last.map_or(1, |e| e.position + 1))
}

/// The editable content of an entitlement, as stored.
#[derive(Debug, Clone)]
pub struct Values {
    pub section_id: i32,
    pub area: String,
    pub title: String,
    pub summary: String,
    pub detail: String,
    pub amount_pence: Option<i64>,
    pub amount_is: String,
    pub payment_json: String,
    pub how_to_claim: String,
    pub what_to_bring: String,
    pub contact: String,
    pub rule_json: String,
    pub example_figures: bool,
    pub retired: bool,
}

pub async fn insert(
    db: &impl ConnectionTrait,
    authority_id: i32,
    slug: &str,
    position: i32,
    v: Values,
    changed_by: Option<i32>,
    now: DateTime<Utc>,
) -> Result<ent::Model, DbErr> {
    ent::ActiveModel {
        authority_id: Set(authority_id),
        slug: Set(slug.to_owned()),
        section_id: Set(v.section_id),
        area: Set(v.area),
        title: Set(v.title),
        summary: Set(v.summary),
        detail: Set(v.detail),
        amount_pence: Set(v.amount_pence),
        amount_is: Set(v.amount_is),
        payment: Set(v.payment_json),
        how_to_claim: Set(v.how_to_claim),
        what_to_bring: Set(v.what_to_bring),
        contact: Set(v.contact),
        rule: Set(v.rule_json),
        example_figures: Set(v.example_figures),
        retired: Set(v.retired),
        position: Set(position),
        version: Set(1),
        update_note: Set(None),
        update_noted_at: Set(None),
        changed_at: Set(now),
        changed_by: Set(changed_by),
        created_at: Set(now),
        example_to_edit: Set(false),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// Marks an entitlement as an example copied from the template, hidden
/// from young people until an administrator saves it (`example` true), or
/// as checked (false).
pub async fn set_example(db: &impl ConnectionTrait, id: i32, example: bool) -> Result<(), DbErr> {
    ent::Entity::update_many()
        .col_expr(ent::Column::ExampleToEdit, Expr::value(example))
        .filter(ent::Column::Id.eq(id))
        .exec(db)
        .await
        .map(|_| ())
}

/// Replaces the content and moves to `version`, only if the row is still
/// at `version - 1` (so two administrators saving at once cannot both
/// win). `update_note`, when given, is what young people are told changed.
/// Answers whether it was updated.
pub async fn update(
    db: &impl ConnectionTrait,
    id: i32,
    version: i32,
    v: Values,
    update_note: Option<String>,
    changed_by: i32,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    let mut q = ent::Entity::update_many();
    // Only a change young people would notice moves the "updated" mark.
    if let Some(note) = update_note {
        q = q
            .col_expr(ent::Column::UpdateNote, Expr::value(note))
            .col_expr(ent::Column::UpdateNotedAt, Expr::value(now));
    }
    let res = q
        .col_expr(ent::Column::SectionId, Expr::value(v.section_id))
        .col_expr(ent::Column::Area, Expr::value(v.area))
        .col_expr(ent::Column::Title, Expr::value(v.title))
        .col_expr(ent::Column::Summary, Expr::value(v.summary))
        .col_expr(ent::Column::Detail, Expr::value(v.detail))
        .col_expr(ent::Column::AmountPence, Expr::value(v.amount_pence))
        .col_expr(ent::Column::AmountIs, Expr::value(v.amount_is))
        .col_expr(ent::Column::Payment, Expr::value(v.payment_json))
        .col_expr(ent::Column::HowToClaim, Expr::value(v.how_to_claim))
        .col_expr(ent::Column::WhatToBring, Expr::value(v.what_to_bring))
        .col_expr(ent::Column::Contact, Expr::value(v.contact))
        .col_expr(ent::Column::Rule, Expr::value(v.rule_json))
        .col_expr(ent::Column::ExampleFigures, Expr::value(v.example_figures))
        .col_expr(ent::Column::Retired, Expr::value(v.retired))
        // An administrator saving an example has checked it: young people
        // see it from now on.
        .col_expr(ent::Column::ExampleToEdit, Expr::value(false))
        .col_expr(ent::Column::Version, Expr::value(version))
        .col_expr(ent::Column::ChangedAt, Expr::value(now))
        .col_expr(ent::Column::ChangedBy, Expr::value(Some(changed_by)))
        .filter(ent::Column::Id.eq(id))
        .filter(ent::Column::Version.eq(version - 1))
        .exec(db)
        .await?;
    Ok(res.rows_affected == 1)
}

pub struct NewVersion<'a> {
    pub authority_id: i32,
    pub entitlement_id: i32,
    pub version: i32,
    pub changed_by: Option<i32>,
    pub note: Option<&'a str>,
    pub before_json: Option<String>,
    pub after_json: String,
}

pub async fn add_version(
    db: &impl ConnectionTrait,
    n: NewVersion<'_>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    ver::ActiveModel {
        authority_id: Set(n.authority_id),
        entitlement_id: Set(n.entitlement_id),
        version: Set(n.version),
        changed_at: Set(now),
        changed_by: Set(n.changed_by),
        note: Set(n.note.map(str::to_owned)),
        before_json: Set(n.before_json),
        after_json: Set(n.after_json),
        ..Default::default()
    }
    .insert(db)
    .await
    .map(|_| ())
}

/// Versions of the council's entitlements (of one, if given), newest first.
pub async fn versions(
    db: &impl ConnectionTrait,
    authority_id: i32,
    entitlement_id: Option<i32>,
    limit: u64,
) -> Result<Vec<ver::Model>, DbErr> {
    let mut q = ver::Entity::find().filter(ver::Column::AuthorityId.eq(authority_id));
    if let Some(id) = entitlement_id {
        q = q.filter(ver::Column::EntitlementId.eq(id));
    }
    q.order_by_desc(ver::Column::ChangedAt)
        .order_by_desc(ver::Column::Id)
        .limit(limit)
        .all(db)
        .await
}

/// These accounts, by id.
pub async fn accounts(
    db: &impl ConnectionTrait,
    mut ids: Vec<i32>,
) -> Result<HashMap<i32, account::Model>, DbErr> {
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    Ok(account::Entity::find()
        .filter(account::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a))
        .collect())
}

/// The council's entitlements whose change young people were told about
/// at or after `since` (a council's offer is a few dozen rows).
pub async fn noted_since(
    db: &impl ConnectionTrait,
    authority_id: i32,
    since: DateTime<Utc>,
) -> Result<Vec<ent::Model>, DbErr> {
    ent::Entity::find()
        .filter(ent::Column::AuthorityId.eq(authority_id))
        .filter(ent::Column::Retired.eq(false))
        .filter(ent::Column::ExampleToEdit.eq(false))
        .filter(ent::Column::UpdateNotedAt.gte(since))
        .order_by_asc(ent::Column::Position)
        .order_by_asc(ent::Column::Id)
        .all(db)
        .await
}
