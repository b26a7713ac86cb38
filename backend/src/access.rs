//! Authorisation of every read and change of a young person's record, and
//! its audit row. The rules themselves are `shared::access::allowed`.
//!
//! Someone else's record, or another council's, answers 404 exactly like a
//! record that does not exist.

use crate::caller::Caller;
use crate::entities::young_person;
use crate::error::ApiError;
use crate::repo::{allocations, audit, people};
use chrono::Utc;
use sea_orm::{ConnectionTrait, DatabaseConnection};
use shared::access::{allowed, Action, Relation, Relationship};
use shared::people::Role;

/// Permission to do `action` to one young person's record.
#[derive(Debug, Clone)]
pub struct Grant {
    pub young_person: young_person::Model,
    pub relation: Relation,
    pub allocation_id: Option<i32>,
    pub action: Action,
}

/// How the caller is linked to this young person at this moment.
pub async fn relation(
    db: &impl ConnectionTrait,
    caller: &Caller,
    yp: &young_person::Model,
) -> Result<(Relation, Option<i32>), ApiError> {
    let now = Utc::now();
    if caller.role == Role::YoungPerson {
        let own = caller.young_person_id == Some(yp.id);
        return Ok((
            if own {
                Relation::Own
            } else {
                Relation::Unrelated
            },
            None,
        ));
    }
    let mine = allocations::current_for_staff(db, yp.id, caller.account_id, now).await?;
    // Prefer the allocation that matches the caller's role.
    if let Some(a) = mine
        .iter()
        .find(|a| {
            Relationship::parse(&a.relationship).map(Relationship::staff_role) == Some(caller.role)
        })
        .or(mine.first())
    {
        if let Some(rel) = Relationship::parse(&a.relationship) {
            return Ok((Relation::Allocated(rel), Some(a.id)));
        }
    }
    if caller.role == Role::TeamManager {
        if let Some(team) = caller.team_id {
            if let Some(a) = allocations::current_in_team(db, yp.id, team, now).await? {
                return Ok((Relation::ManagesTeam, Some(a.id)));
            }
        }
    }
    if caller.role == Role::Admin
        && allocations::active_break_glass(db, caller.account_id, yp.id, now)
            .await?
            .is_some()
    {
        return Ok((Relation::BreakGlass, None));
    }
    Ok((Relation::Unrelated, None))
}

/// Decides; a refusal is written to the audit trail at once and answers 404.
/// An allowed action is recorded by [`Grant::record`], inside the change's
/// own transaction for changes.
pub async fn check(
    db: &DatabaseConnection,
    caller: &Caller,
    young_person_public_id: &str,
    action: Action,
) -> Result<Grant, ApiError> {
    let Some(yp) = people::by_public_id(db, caller.authority_id, young_person_public_id).await?
    else {
        return Err(ApiError::NotFound);
    };
    let (relation, allocation_id) = relation(db, caller, &yp).await?;
    decide(db, caller, yp, relation, allocation_id, action).await
}

/// Allowed, or refused with an audit row at once (and 404).
async fn decide(
    db: &DatabaseConnection,
    caller: &Caller,
    yp: young_person::Model,
    relation: Relation,
    allocation_id: Option<i32>,
    action: Action,
) -> Result<Grant, ApiError> {
    if !allowed(caller.role, relation, action) {
        audit::record(
            db,
            audit::Event {
                authority_id: caller.authority_id,
                actor_account_id: Some(caller.account_id),
                actor_role: caller.role.as_str(),
                young_person_id: Some(yp.id),
                action: action.as_str(),
                basis: relation.basis(),
                allocation_id,
                outcome: "denied",
                reason: None,
            },
            Utc::now(),
        )
        .await?;
        return Err(ApiError::NotFound);
    }
    Ok(Grant {
        young_person: yp,
        relation,
        allocation_id,
        action,
    })
}

/// `check`, then record the read at once.
pub async fn read(
    db: &DatabaseConnection,
    caller: &Caller,
    young_person_public_id: &str,
    action: Action,
) -> Result<Grant, ApiError> {
    let grant = check(db, caller, young_person_public_id, action).await?;
    grant.record_read(db, caller).await?;
    Ok(grant)
}

/// The signed-in young person's own record, checked like any other (and,
/// with `read`, recorded at once). Staff have no record of their own: 404.
pub async fn own(
    db: &DatabaseConnection,
    caller: &Caller,
    action: Action,
    read: bool,
) -> Result<Grant, ApiError> {
    let y = match &caller.young_person {
        Some(y) => y.clone(),
        None => {
            let yp_id = caller.young_person_id.ok_or(ApiError::NotFound)?;
            people::by_id(db, yp_id).await?.ok_or(ApiError::NotFound)?
        }
    };
    // As `check` would find it: in the caller's council, and their own, so
    // no query for a relationship.
    if y.authority_id != caller.authority_id {
        return Err(ApiError::NotFound);
    }
    let grant = decide(db, caller, y, Relation::Own, None, action).await?;
    if read {
        grant.record_read(db, caller).await?;
    }
    Ok(grant)
}

impl Grant {
    /// Records a read before it is answered: through the app's batched
    /// writer when the request has one, else at once.
    pub async fn record_read(
        &self,
        db: &DatabaseConnection,
        caller: &Caller,
    ) -> Result<(), ApiError> {
        match &caller.audit_log {
            Some(log) => log.record(db, self.event(caller, None), Utc::now()).await,
            None => self.record(db, caller, None).await,
        }
    }

    fn event<'a>(&'a self, caller: &'a Caller, reason: Option<&'a str>) -> audit::Event<'a> {
        audit::Event {
            authority_id: caller.authority_id,
            actor_account_id: Some(caller.account_id),
            actor_role: caller.role.as_str(),
            young_person_id: Some(self.young_person.id),
            action: self.action.as_str(),
            basis: self.relation.basis(),
            allocation_id: self.allocation_id,
            outcome: "allowed",
            reason,
        }
    }

    pub async fn record(
        &self,
        conn: &impl ConnectionTrait,
        caller: &Caller,
        reason: Option<&str>,
    ) -> Result<(), ApiError> {
        audit::record(conn, self.event(caller, reason), Utc::now()).await?;
        Ok(())
    }
}

/// A staff-wide ability (not about one record); refusal answers 404 too, so
/// the endpoint's existence says nothing to those who may not use it.
pub fn require(caller: &Caller, ability: shared::access::Ability) -> Result<(), ApiError> {
    if shared::access::can(caller.role, ability) {
        Ok(())
    } else {
        Err(ApiError::NotFound)
    }
}
