//! Polls for young people: the ones open to them, results, answering.

use super::{for_them, slug_of_space};
use crate::caller::Caller;
use crate::entities::{forum_poll as poll, forum_space as space};
use crate::error::ApiError;
use crate::repo::events as repo;
use crate::services::forum::{
    alert_harm, harm_help, is_unique_violation, optional_field, participant, watched_words,
};
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, TransactionTrait};
use shared::forum::{AnswerOutcome, MyAnswer, NewAnswer, OptionResult, PollResults, PollView};
use shared::limits::POLL_COMMENT_MAX_CHARS;
use shared::text_checks::{scan, Verdict};

// ------------------------------------------------------------------- polls

fn options_of(p: &poll::Model) -> Vec<String> {
    serde_json::from_str(&p.options).unwrap_or_default()
}

pub(super) fn is_open(p: &poll::Model, now: DateTime<Utc>) -> bool {
    p.closed_at.is_none() && p.closes_at > now
}

pub(super) async fn results(
    db: &impl ConnectionTrait,
    p: &poll::Model,
) -> Result<PollResults, ApiError> {
    let chosen = repo::options_chosen(db, p.id).await?;
    let options = options_of(p);
    Ok(PollResults {
        answers: u32::try_from(chosen.len()).unwrap_or(u32::MAX),
        options: options
            .iter()
            .enumerate()
            .map(|(i, o)| OptionResult {
                option: o.clone(),
                count: u32::try_from(
                    chosen
                        .iter()
                        .filter(|c| **c == i32::try_from(i).ok())
                        .count(),
                )
                .unwrap_or(u32::MAX),
            })
            .collect(),
    })
}

pub(super) async fn poll_view(
    db: &impl ConnectionTrait,
    p: &poll::Model,
    spaces: &[space::Model],
    mine: Option<MyAnswer>,
    staff: bool,
    now: DateTime<Utc>,
) -> Result<PollView, ApiError> {
    let open = is_open(p, now);
    let show_results = staff || !open || mine.is_some();
    Ok(PollView {
        id: p.public_id.clone(),
        kind: p.kind()?,
        question: p.question.clone(),
        description: p.description.clone(),
        options: options_of(p),
        allows_comment: p.allows_comment,
        space: slug_of_space(spaces, p.space_id),
        closes_at: p.closed_at.unwrap_or(p.closes_at),
        open,
        my_answer: mine,
        results: if show_results {
            Some(results(db, p).await?)
        } else {
            None
        },
        you_said_we_did: if open {
            None
        } else {
            p.you_said_we_did.clone()
        },
    })
}

fn my_answer(a: crate::entities::forum_poll_answer::Model) -> MyAnswer {
    MyAnswer {
        option: a.option_index.and_then(|i| u32::try_from(i).ok()),
        comment: a.comment,
    }
}

/// Open polls and those closed in the last 90 days, for me.
pub async fn list_polls(
    db: &DatabaseConnection,
    caller: &Caller,
) -> Result<Vec<PollView>, ApiError> {
    let p = participant(db, caller).await?;
    let now = Utc::now();
    let mut out = vec![];
    for row in repo::polls_from(db, p.council.id, now - Duration::days(90), 100).await? {
        if !for_them(&p, row.space_id) {
            continue;
        }
        let mine = repo::answer_of(db, row.id, p.young_person.id)
            .await?
            .map(my_answer);
        out.push(poll_view(db, &row, &p.spaces, mine, false, now).await?);
    }
    Ok(out)
}

/// Answers a poll once. An option outside the list answers 422; a second
/// answer 409; words that suggest harm in a comment alert the worker.
pub async fn answer(
    db: &DatabaseConnection,
    caller: &Caller,
    poll_public_id: &str,
    a: &NewAnswer,
) -> Result<AnswerOutcome, ApiError> {
    let p = participant(db, caller).await?;
    let row = repo::poll_by_public_id(db, p.council.id, poll_public_id)
        .await?
        .filter(|r| for_them(&p, r.space_id))
        .ok_or(ApiError::NotFound)?;
    let options = options_of(&row);
    let option = match (a.option, options.is_empty()) {
        (Some(i), false) if (i as usize) < options.len() => Some(i32::try_from(i).unwrap_or(0)),
        (Some(_), false) => {
            return Err(ApiError::validation(
                "option",
                "That is not one of the answers. Choose one of them.",
            ))
        }
        (Some(_), true) => {
            return Err(ApiError::validation(
                "option",
                "This one has no answers to choose from: say what you think instead.",
            ))
        }
        (None, false) => {
            return Err(ApiError::validation("option", "Choose one of the answers."));
        }
        (None, true) => None,
    };
    let comment = optional_field("comment", a.comment.as_deref(), POLL_COMMENT_MAX_CHARS)?;
    if comment.is_some() && !row.allows_comment {
        return Err(ApiError::validation(
            "comment",
            "This one only asks you to choose an answer.",
        ));
    }
    if option.is_none() && comment.is_none() {
        return Err(ApiError::validation("comment", "Write what you think."));
    }
    let now = Utc::now();
    if !is_open(&row, now) {
        return Err(ApiError::Conflict(
            "This has closed, so it cannot be answered now.".to_owned(),
        ));
    }
    let already = || ApiError::Conflict("You have answered this already. Thank you!".to_owned());
    if repo::answer_of(db, row.id, p.young_person.id)
        .await?
        .is_some()
    {
        return Err(already());
    }
    let checked = match &comment {
        Some(c) => Some(scan(c, &watched_words(db, p.council.id).await?)),
        None => None,
    };
    if let Some(s) = checked.as_ref().filter(|s| s.verdict == Verdict::Block) {
        let words: Vec<String> = s
            .watched
            .iter()
            .filter(|m| m.tier == shared::text_checks::Tier::Block)
            .map(|m| format!("\"{}\"", m.pattern))
            .collect();
        return Err(ApiError::validation(
            "comment",
            format!(
                "{} Change: {}.",
                s.message_for_child().unwrap_or_default(),
                words.join(", ")
            ),
        ));
    }
    let harm = checked.as_ref().is_some_and(|s| s.suggests_harm);
    let txn = db.begin().await?;
    match repo::insert_answer(
        &txn,
        p.council.id,
        row.id,
        p.young_person.id,
        option,
        comment.as_deref(),
        now,
    )
    .await
    {
        Ok(_) => {}
        Err(x) if is_unique_violation(&x) => return Err(already()),
        Err(x) => return Err(x.into()),
    }
    if harm {
        let phrases: Vec<String> = checked
            .iter()
            .flat_map(|s| s.harm_matches.iter().map(|m| m.phrase.clone()))
            .collect();
        alert_harm(
            &txn,
            &p,
            &format!("an answer to \"{}\"", row.question),
            &phrases,
            None,
            None,
            now,
        )
        .await?;
    }
    txn.commit().await?;
    let mine = repo::answer_of(db, row.id, p.young_person.id)
        .await?
        .map(my_answer);
    Ok(AnswerOutcome {
        poll: poll_view(db, &row, &p.spaces, mine, false, now).await?,
        help: harm.then(|| harm_help(&p.council)),
    })
}
