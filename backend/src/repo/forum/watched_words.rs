//! A council's watched words and their tiers.

use crate::entities::{forum_setting as setting, forum_watched_word as word};
use crate::repo::chunked::CHUNK;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    Set,
};
use shared::forum::WatchedWord;
use shared::text_checks::Tier;

// ----------------------------------------------------------- watched words

fn tier_str(t: Tier) -> &'static str {
    match t {
        Tier::Block => "block",
        Tier::Hold => "hold",
        Tier::Flag => "flag",
    }
}

fn tier_of(s: &str) -> Tier {
    match s {
        "block" => Tier::Block,
        "hold" => Tier::Hold,
        _ => Tier::Flag,
    }
}

/// The council's list, and whether it has been set up at all.
pub async fn watched_words(
    db: &impl ConnectionTrait,
    authority_id: i32,
) -> Result<(Vec<WatchedWord>, bool), DbErr> {
    let set = setting::Entity::find()
        .filter(setting::Column::AuthorityId.eq(authority_id))
        .one(db)
        .await?
        .is_some_and(|s| s.watched_words_set);
    let words = word::Entity::find()
        .filter(word::Column::AuthorityId.eq(authority_id))
        .order_by_asc(word::Column::Tier)
        .order_by_asc(word::Column::PatternKey)
        .all(db)
        .await?
        .into_iter()
        .map(|w| WatchedWord {
            tier: tier_of(&w.tier),
            pattern: w.pattern,
        })
        .collect();
    Ok((words, set))
}

/// Replaces the council's list (already checked: keys unique).
pub async fn replace_watched_words(
    db: &impl ConnectionTrait,
    authority_id: i32,
    words: &[(WatchedWord, String)],
    by: Option<i32>,
    now: DateTime<Utc>,
) -> Result<(), DbErr> {
    // The settings row first: it also takes SQLite's write lock.
    let updated = setting::Entity::update_many()
        .col_expr(setting::Column::WatchedWordsSet, Expr::value(true))
        .col_expr(setting::Column::UpdatedAt, Expr::value(now))
        .filter(setting::Column::AuthorityId.eq(authority_id))
        .exec(db)
        .await?
        .rows_affected;
    if updated == 0 {
        setting::ActiveModel {
            authority_id: Set(authority_id),
            watched_words_set: Set(true),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await?;
    }
    word::Entity::delete_many()
        .filter(word::Column::AuthorityId.eq(authority_id))
        .exec(db)
        .await?;
    for chunk in words.chunks(CHUNK) {
        let rows: Vec<word::ActiveModel> = chunk
            .iter()
            .map(|(w, key)| word::ActiveModel {
                authority_id: Set(authority_id),
                pattern: Set(w.pattern.clone()),
                pattern_key: Set(key.clone()),
                tier: Set(tier_str(w.tier).to_owned()),
                created_by: Set(by),
                created_at: Set(now),
                ..Default::default()
            })
            .collect();
        if !rows.is_empty() {
            word::Entity::insert_many(rows).exec(db).await?;
        }
    }
    Ok(())
}
