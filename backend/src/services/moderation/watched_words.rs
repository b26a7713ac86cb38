//! The council's watched words, which hold or flag posts that use them.

use super::staff_entry;
use crate::access;
use crate::caller::Caller;
use crate::error::ApiError;
use crate::repo::forum as repo;
use crate::repo::moderation::{self as modlog, Entry};
use crate::services::forum::watched_words;
use chrono::Utc;
use sea_orm::{DatabaseConnection, TransactionTrait};
use shared::access::Ability;
use shared::forum::{
    display_name_key, ModAction, WatchedWord, WatchedWords, WATCHED_WORDS_MAX,
    WATCHED_WORD_MAX_CHARS,
};

// ----------------------------------------------------------- watched words

pub async fn get_watched_words(
    db: &DatabaseConnection,
    caller: &Caller,
) -> Result<WatchedWords, ApiError> {
    access::require(caller, Ability::ModerateForum)?;
    Ok(WatchedWords {
        words: watched_words(db, caller.authority_id).await?,
    })
}

/// Replaces the council's list; the log says what was added and taken out.
pub async fn set_watched_words(
    db: &DatabaseConnection,
    caller: &Caller,
    w: &WatchedWords,
) -> Result<WatchedWords, ApiError> {
    access::require(caller, Ability::ModerateForum)?;
    if w.words.len() > WATCHED_WORDS_MAX {
        return Err(ApiError::validation(
            "words",
            format!("Keep the list to {WATCHED_WORDS_MAX} words or fewer."),
        ));
    }
    let mut rows: Vec<(WatchedWord, String)> = vec![];
    for (i, word) in w.words.iter().enumerate() {
        let field = format!("words[{i}].pattern");
        let pattern = word
            .pattern
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if pattern.chars().count() > WATCHED_WORD_MAX_CHARS {
            return Err(ApiError::validation(
                field,
                format!("Keep each word or phrase to {WATCHED_WORD_MAX_CHARS} characters."),
            ));
        }
        let key = display_name_key(&pattern);
        if key.is_empty() {
            return Err(ApiError::validation(
                field,
                "Write a word or phrase (letters or numbers).",
            ));
        }
        if rows.iter().any(|(_, k)| *k == key) {
            return Err(ApiError::validation(
                field,
                format!("\"{pattern}\" is in the list twice."),
            ));
        }
        rows.push((
            WatchedWord {
                pattern,
                tier: word.tier,
            },
            key,
        ));
    }
    let before = watched_words(db, caller.authority_id).await?;
    let added: Vec<String> = rows
        .iter()
        .filter(|(n, _)| !before.contains(n))
        .map(|(n, _)| format!("{} ({:?})", n.pattern, n.tier).to_lowercase())
        .collect();
    let removed: Vec<String> = before
        .iter()
        .filter(|b| !rows.iter().any(|(n, _)| n == *b))
        .map(|b| format!("{} ({:?})", b.pattern, b.tier).to_lowercase())
        .collect();
    let now = Utc::now();
    let txn = db.begin().await?;
    repo::replace_watched_words(
        &txn,
        caller.authority_id,
        &rows,
        Some(caller.account_id),
        now,
    )
    .await?;
    let summary = format!(
        "Added: {}. Taken out: {}.",
        if added.is_empty() {
            "nothing".to_owned()
        } else {
            added.join(", ")
        },
        if removed.is_empty() {
            "nothing".to_owned()
        } else {
            removed.join(", ")
        }
    );
    modlog::record(
        &txn,
        Entry {
            reason: Some(&summary),
            ..staff_entry(caller, ModAction::WatchedWordsChanged)
        },
        now,
    )
    .await?;
    txn.commit().await?;
    get_watched_words(db, caller).await
}
