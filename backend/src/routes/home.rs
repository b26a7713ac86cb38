//! The home screens in one request each: the young person's, and staff's.

use crate::access;
use crate::caller::Caller;
use crate::error::ApiError;
use crate::services;
use crate::state::AppState;
use actix_web::{web, HttpResponse};
use shared::access::Action;
use shared::api::ErrorBody;
use shared::endpoints::home as ep;
use shared::home::{MyHome, StaffHome};

#[utoipa::path(
    get,
    path = ep::MyHome::PATH,
    tag = "me",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "What my home screen shows: my next review and whether my form is done, my people, what is new in my offer, my plan's latest change, how many notifications I have not read", body = MyHome),
        (status = 404, description = "Only young people have this home screen", body = ErrorBody),
    )
)]
pub async fn my_home(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    let grant = access::own(&state.db, &caller, Action::ReadProfile, true).await?;
    Ok(HttpResponse::Ok().json(services::home::mine(&state.db, &caller, &grant).await?))
}

#[utoipa::path(
    get,
    path = ep::StaffHome::PATH,
    tag = "me",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "What waits for me, as counts: my young people, views to answer, reviews overdue and due soon, offer requests, plan questions, open safeguarding alerts, the moderation queue. A part is absent when my role has no such list; each count matches its list", body = StaffHome),
        (status = 404, description = "Only staff have this home screen", body = ErrorBody),
    )
)]
pub async fn staff_home(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(services::staff_home::home(&state.db, &caller).await?))
}
