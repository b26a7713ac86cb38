//! The young person's home screen in one request.

use crate::access;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::services;
use crate::startup::AppState;
use actix_web::{get, web, HttpResponse};
use shared::access::Action;
use shared::api::ErrorBody;
use shared::home::MyHome;

#[utoipa::path(
    tag = "me",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "What my home screen shows: my next review and whether my form is done, my people, what is new in my offer, my plan's latest change, how many notifications I have not read", body = MyHome),
        (status = 404, description = "Only young people have this home screen", body = ErrorBody),
    )
)]
#[get("/me/home")]
pub async fn my_home(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    let grant = access::own(&state.db, &caller, Action::ReadProfile, true).await?;
    Ok(HttpResponse::Ok().json(services::home::mine(&state.db, &caller, &grant).await?))
}
