//! `backend team add`: one team of a council's children's services.

use super::{council_by_slug, record, Operator, OperatorError, Outcome};
use crate::repo::{accounts, councils};
use sea_orm::{DatabaseConnection, TransactionTrait};
use shared::api::Team;
use shared::people::TeamKind;

/// A team kind as typed: `leaving-care` or `leaving_care`.
pub fn parse_kind(s: &str) -> Result<TeamKind, OperatorError> {
    TeamKind::parse(&s.trim().replace('-', "_")).ok_or_else(|| {
        let kinds: Vec<String> = TeamKind::ALL
            .iter()
            .map(|k| k.as_str().replace('_', "-"))
            .collect();
        OperatorError::Invalid(format!(
            "--kind: \"{s}\" is not a kind of team. Use one of: {}.",
            kinds.join(", ")
        ))
    })
}

/// Adds the team; the same again changes nothing; the same slug with
/// another name or kind is refused.
pub async fn add(
    db: &DatabaseConnection,
    council: &str,
    team: &Team,
    operator: &Operator,
) -> Result<Outcome<Team>, OperatorError> {
    let c = council_by_slug(db, council).await?;
    let slug = team.slug.trim().to_owned();
    if !(2..=40).contains(&slug.len())
        || !slug
            .chars()
            .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-')
    {
        return Err(OperatorError::Invalid(
            "--slug: use 2 to 40 small letters, digits and dashes, such as \"leaving-care\"."
                .to_owned(),
        ));
    }
    let name = team.name.trim().to_owned();
    if name.is_empty() || name.chars().count() > 120 {
        return Err(OperatorError::Invalid(
            "--name: give the team's name, up to 120 characters.".to_owned(),
        ));
    }
    let wanted = Team {
        slug,
        name,
        kind: team.kind,
    };
    if let Some(existing) = accounts::team_by_slug(db, c.id, &wanted.slug).await? {
        let stored_kind = existing.kind()?;
        let mut differs = Vec::new();
        if existing.name != wanted.name {
            differs.push(format!(
                "name: it is \"{}\", you gave \"{}\"",
                existing.name, wanted.name
            ));
        }
        if stored_kind != wanted.kind {
            differs.push(format!(
                "kind: it is {}, you gave {}",
                stored_kind.as_str(),
                wanted.kind.as_str()
            ));
        }
        if !differs.is_empty() {
            return Err(OperatorError::Differs(format!(
                "The team \"{}\" of {} already exists with other values; nothing was changed.\n  {}",
                wanted.slug,
                c.slug,
                differs.join("\n  ")
            )));
        }
        return Ok(Outcome::Existed(wanted));
    }
    let txn = db.begin().await?;
    councils::ensure_team(&txn, c.id, &wanted).await?;
    record(
        &txn,
        c.id,
        operator,
        "team.add",
        &format!("team {} added", wanted.slug),
    )
    .await?;
    txn.commit().await?;
    Ok(Outcome::Created(wanted))
}
