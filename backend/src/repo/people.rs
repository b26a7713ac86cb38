//! Young people's records: the person, their care episodes and legal status.

use crate::entities::{account, allocation, care_episode, legal_status, young_person as yp};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use shared::care_status::CareEpisode;
use shared::people::LegalStatus;

use super::chunked::{inserted_in_order, CHUNK};

/// A young person of this council with this public id.
pub async fn by_public_id(
    db: &impl ConnectionTrait,
    authority_id: i32,
    public_id: &str,
) -> Result<Option<yp::Model>, DbErr> {
    yp::Entity::find()
        .filter(yp::Column::AuthorityId.eq(authority_id))
        .filter(yp::Column::PublicId.eq(public_id))
        .one(db)
        .await
}

pub async fn by_id(db: &impl ConnectionTrait, id: i32) -> Result<Option<yp::Model>, DbErr> {
    yp::Entity::find_by_id(id).one(db).await
}

/// A young person's record to make: the one way records are made, one at a
/// time from the app or many at once by the CSV import.
pub struct NewPerson<'a> {
    pub authority_id: i32,
    pub preferred_name: &'a str,
    pub date_of_birth: NaiveDate,
    /// The council's own reference (the import's `ref`).
    pub external_ref: Option<&'a str>,
    pub account_id: Option<i32>,
}

pub async fn create(
    db: &impl ConnectionTrait,
    authority_id: i32,
    preferred_name: &str,
    dob: NaiveDate,
    now: DateTime<Utc>,
) -> Result<yp::Model, DbErr> {
    let row = NewPerson {
        authority_id,
        preferred_name,
        date_of_birth: dob,
        external_ref: None,
        account_id: None,
    };
    create_many(db, &[row], now)
        .await?
        .pop()
        .ok_or(DbErr::RecordNotInserted)
}

/// Makes the records a chunk of rows a statement (10,000 people is 20
/// statements, not 10,000) and reads them back in the order given.
pub async fn create_many(
    db: &impl ConnectionTrait,
    rows: &[NewPerson<'_>],
    now: DateTime<Utc>,
) -> Result<Vec<yp::Model>, DbErr> {
    let ids: Vec<String> = rows
        .iter()
        .map(|_| uuid::Uuid::new_v4().to_string())
        .collect();
    for (chunk, chunk_ids) in rows.chunks(CHUNK).zip(ids.chunks(CHUNK)) {
        yp::Entity::insert_many(chunk.iter().zip(chunk_ids).map(|(n, id)| yp::ActiveModel {
            public_id: Set(id.clone()),
            authority_id: Set(n.authority_id),
            account_id: Set(n.account_id),
            preferred_name: Set(n.preferred_name.trim().to_owned()),
            date_of_birth: Set(n.date_of_birth),
            created_at: Set(now),
            external_ref: Set(n.external_ref.map(str::to_owned)),
            ..Default::default()
        }))
        .exec_without_returning(db)
        .await?;
    }
    inserted_in_order::<yp::Entity>(db, yp::Column::PublicId, &ids, |m| m.public_id.clone()).await
}

/// Every young person of this council, for matching an import against.
pub async fn all_of_authority(
    db: &impl ConnectionTrait,
    authority_id: i32,
) -> Result<Vec<yp::Model>, DbErr> {
    yp::Entity::find()
        .filter(yp::Column::AuthorityId.eq(authority_id))
        .all(db)
        .await
}

pub async fn link_account(
    db: &impl ConnectionTrait,
    yp_id: i32,
    account_id: i32,
) -> Result<(), DbErr> {
    yp::Entity::update_many()
        .col_expr(yp::Column::AccountId, Expr::value(account_id))
        .filter(yp::Column::Id.eq(yp_id))
        .exec(db)
        .await
        .map(|_| ())
}

pub async fn episodes(db: &impl ConnectionTrait, yp_id: i32) -> Result<Vec<CareEpisode>, DbErr> {
    Ok(care_episode::Entity::find()
        .filter(care_episode::Column::YoungPersonId.eq(yp_id))
        .order_by_asc(care_episode::Column::StartDate)
        .all(db)
        .await?
        .into_iter()
        .map(|e| CareEpisode {
            start: e.start_date,
            end: e.end_date,
        })
        .collect())
}

pub async fn add_episode(
    db: &impl ConnectionTrait,
    yp_id: i32,
    start: NaiveDate,
    end: Option<NaiveDate>,
) -> Result<(), DbErr> {
    add_episodes(db, &[(yp_id, start, end)]).await
}

/// Times in care, (young person, start, end), a chunk a statement.
pub async fn add_episodes(
    db: &impl ConnectionTrait,
    rows: &[(i32, NaiveDate, Option<NaiveDate>)],
) -> Result<(), DbErr> {
    for chunk in rows.chunks(CHUNK) {
        care_episode::Entity::insert_many(chunk.iter().map(|(yp_id, start, end)| {
            care_episode::ActiveModel {
                young_person_id: Set(*yp_id),
                start_date: Set(*start),
                end_date: Set(*end),
                ..Default::default()
            }
        }))
        .exec_without_returning(db)
        .await?;
    }
    Ok(())
}

/// Closes the open episode, if any, on `end`.
pub async fn close_open_episode(
    db: &impl ConnectionTrait,
    yp_id: i32,
    end: NaiveDate,
) -> Result<(), DbErr> {
    care_episode::Entity::update_many()
        .col_expr(care_episode::Column::EndDate, Expr::value(end))
        .filter(care_episode::Column::YoungPersonId.eq(yp_id))
        .filter(care_episode::Column::EndDate.is_null())
        .exec(db)
        .await
        .map(|_| ())
}

pub async fn add_legal_status(
    db: &impl ConnectionTrait,
    yp_id: i32,
    status: LegalStatus,
    start: NaiveDate,
) -> Result<(), DbErr> {
    add_legal_statuses(db, &[(yp_id, status, start)]).await
}

/// Legal statuses, (young person, status, from), a chunk a statement.
pub async fn add_legal_statuses(
    db: &impl ConnectionTrait,
    rows: &[(i32, LegalStatus, NaiveDate)],
) -> Result<(), DbErr> {
    for chunk in rows.chunks(CHUNK) {
        legal_status::Entity::insert_many(chunk.iter().map(|(yp_id, status, start)| {
            let text = serde_json::to_value(status)
                .ok()
                .and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default();
            legal_status::ActiveModel {
                young_person_id: Set(*yp_id),
                status: Set(text),
                start_date: Set(*start),
                ..Default::default()
            }
        }))
        .exec_without_returning(db)
        .await?;
    }
    Ok(())
}

/// The status in force on `today` (the latest that has started).
pub async fn legal_status_on(
    db: &impl ConnectionTrait,
    yp_id: i32,
    today: NaiveDate,
) -> Result<Option<LegalStatus>, crate::error::ApiError> {
    let row = legal_status::Entity::find()
        .filter(legal_status::Column::YoungPersonId.eq(yp_id))
        .filter(legal_status::Column::StartDate.lte(today))
        .order_by_desc(legal_status::Column::StartDate)
        .order_by_desc(legal_status::Column::Id)
        .one(db)
        .await?;
    row.map(|r| r.status()).transpose()
}

pub async fn username_of(
    db: &impl ConnectionTrait,
    account_id: Option<i32>,
) -> Result<Option<String>, DbErr> {
    let Some(id) = account_id else {
        return Ok(None);
    };
    Ok(account::Entity::find_by_id(id)
        .one(db)
        .await?
        .map(|a| a.username))
}

/// Young people allocated now to any of these staff accounts.
pub async fn allocated_to(
    db: &impl ConnectionTrait,
    staff_ids: &[i32],
    now: DateTime<Utc>,
) -> Result<Vec<(yp::Model, String)>, DbErr> {
    if staff_ids.is_empty() {
        return Ok(vec![]);
    }
    let allocs = allocation::Entity::find()
        .filter(allocation::Column::StaffAccountId.is_in(staff_ids.to_vec()))
        .filter(allocation::Column::StartsAt.lte(now))
        .filter(
            sea_orm::Condition::any()
                .add(allocation::Column::EndsAt.is_null())
                .add(allocation::Column::EndsAt.gt(now)),
        )
        .all(db)
        .await?;
    let ids: Vec<i32> = allocs.iter().map(|a| a.young_person_id).collect();
    let people = yp::Entity::find()
        .filter(yp::Column::Id.is_in(ids))
        .order_by_asc(yp::Column::PreferredName)
        .all(db)
        .await?;
    Ok(people
        .into_iter()
        .map(|p| {
            let rel = allocs
                .iter()
                .find(|a| a.young_person_id == p.id)
                .map(|a| a.relationship.clone())
                .unwrap_or_default();
            (p, rel)
        })
        .collect())
}

pub async fn all_in_authority(
    db: &impl ConnectionTrait,
    authority_id: i32,
    limit: u64,
) -> Result<Vec<yp::Model>, DbErr> {
    yp::Entity::find()
        .filter(yp::Column::AuthorityId.eq(authority_id))
        .order_by_asc(yp::Column::PreferredName)
        .limit(limit)
        .all(db)
        .await
}

pub async fn staff_ids_in_team(db: &impl ConnectionTrait, team_id: i32) -> Result<Vec<i32>, DbErr> {
    Ok(account::Entity::find()
        .filter(account::Column::TeamId.eq(team_id))
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.id)
        .collect())
}
