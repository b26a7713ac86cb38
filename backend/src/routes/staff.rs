//! Staff accounts, run by an admin of the same council.

use crate::access;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::repo::{accounts, sessions};
use crate::services::auth::issue_code;
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use chrono::Utc;
use sea_orm::{EntityTrait, TransactionTrait};
use shared::access::Ability;
use shared::accounts::{ActivationCode, NewStaff, StaffUpdate, StaffView};
use shared::api::ErrorBody;
use shared::endpoints::staff as ep;
use shared::people::Role;

fn view(
    a: crate::entities::account::Model,
    team: Option<crate::entities::team::Model>,
) -> Option<StaffView> {
    Some(StaffView {
        role: Role::parse(&a.role)?,
        id: a.public_id,
        username: a.username,
        display_name: a.display_name,
        team: team.map(|t| t.slug),
        disabled: a.disabled_at.is_some(),
        activated: a.password_hash.is_some(),
    })
}

#[utoipa::path(
    get,
    path = ep::ListStaff::PATH,
    tag = "staff",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Every member of staff of my council", body = [StaffView]),
        (status = 404, description = "Only admins run staff accounts", body = ErrorBody),
    )
)]
pub async fn list(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    access::require(&caller, Ability::ManageStaff)?;
    let all: Vec<StaffView> = accounts::staff(&state.db, caller.authority_id)
        .await?
        .into_iter()
        .filter_map(|(a, t)| view(a, t))
        .collect();
    Ok(HttpResponse::Ok().json(all))
}

#[utoipa::path(
    post,
    path = ep::CreateStaff::PATH,
    tag = "staff",
    security(("bearer" = [])),
    request_body = NewStaff,
    responses(
        (status = 201, description = "Created; hand over this one-time code", body = ActivationCode),
        (status = 409, description = "The username is taken", body = ErrorBody),
        (status = 422, description = "A value is not right", body = ErrorBody),
    )
)]
pub async fn create(
    state: web::Data<AppState>,
    caller: Caller,
    body: web::Json<NewStaff>,
) -> Result<HttpResponse, ApiError> {
    access::require(&caller, Ability::ManageStaff)?;
    if body.role == Role::YoungPerson {
        return Err(ApiError::validation(
            "role",
            "Young people's accounts are made from their record.",
        ));
    }
    let u = body.username.trim().to_lowercase();
    if u.len() < 3
        || u.len() > 40
        || !u
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
    {
        return Err(ApiError::validation(
            "username",
            "Use 3 to 40 letters, numbers, dots, dashes or underscores.",
        ));
    }
    let name = body.display_name.trim();
    if name.is_empty() || name.chars().count() > 80 {
        return Err(ApiError::validation(
            "display_name",
            "Give a name of 1 to 80 characters.",
        ));
    }
    let team_id = match &body.team {
        Some(slug) => Some(
            accounts::team_by_slug(&state.db, caller.authority_id, slug)
                .await?
                .ok_or_else(|| {
                    ApiError::validation("team", "No team of this council has that name.")
                })?
                .id,
        ),
        None => None,
    };
    if accounts::by_username(&state.db, &u).await?.is_some() {
        return Err(ApiError::Conflict(
            "That username is taken. Choose another.".to_owned(),
        ));
    }
    let txn = state.db.begin().await?;
    let account = accounts::create(
        &txn,
        accounts::NewAccount {
            authority_id: caller.authority_id,
            username: &u,
            role: body.role,
            display_name: name,
            team_id,
            password_hash: None,
        },
        Utc::now(),
    )
    .await?;
    let code = issue_code(&txn, &account, "activate", caller.account_id).await?;
    txn.commit().await?;
    Ok(HttpResponse::Created().json(code))
}

#[utoipa::path(
    patch,
    path = ep::Update::PATH,
    tag = "staff",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The staff account's id")),
    request_body = StaffUpdate,
    responses(
        (status = 200, description = "Updated; disabling ends every session at once", body = StaffView),
        (status = 404, description = "No such account here", body = ErrorBody),
    )
)]
pub async fn update(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: web::Json<StaffUpdate>,
) -> Result<HttpResponse, ApiError> {
    access::require(&caller, Ability::ManageStaff)?;
    let a = accounts::by_public_id(&state.db, caller.authority_id, &id)
        .await?
        .filter(|a| a.role != Role::YoungPerson.as_str())
        .ok_or(ApiError::NotFound)?;
    if a.id == caller.account_id && body.disabled {
        return Err(ApiError::validation(
            "disabled",
            "You cannot switch off your own account.",
        ));
    }
    let now = Utc::now();
    let txn = state.db.begin().await?;
    accounts::set_disabled(&txn, a.id, body.disabled.then_some(now)).await?;
    if body.disabled {
        sessions::end_all(&txn, a.id, None, "account disabled", now).await?;
    }
    txn.commit().await?;
    let updated = accounts::by_id(&state.db, a.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let team = match updated.team_id {
        Some(t) => {
            crate::entities::team::Entity::find_by_id(t)
                .one(&state.db)
                .await?
        }
        None => None,
    };
    Ok(HttpResponse::Ok().json(view(updated, team)))
}

#[utoipa::path(
    post,
    path = ep::NewStaffCode::PATH,
    tag = "staff",
    security(("bearer" = [])),
    params(("id" = String, Path, description = "The staff account's id")),
    responses(
        (status = 201, description = "A new one-time code to set a password", body = ActivationCode),
        (status = 404, description = "No such account here", body = ErrorBody),
    )
)]
pub async fn new_code(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    access::require(&caller, Ability::ManageStaff)?;
    let a = accounts::by_public_id(&state.db, caller.authority_id, &id)
        .await?
        .filter(|a| a.role != Role::YoungPerson.as_str())
        .ok_or(ApiError::NotFound)?;
    Ok(HttpResponse::Created().json(issue_code(&state.db, &a, "reset", caller.account_id).await?))
}
