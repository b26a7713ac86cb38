//! The signed-in person, as an extractor: a handler that takes `Caller`
//! is only reached with a valid access token whose session is still open
//! and whose account is not disabled, checked on every request.

use crate::error::ApiError;
use crate::repo::sessions;
use crate::state::AppState;
use actix_web::dev::Payload;
use actix_web::HttpMessage;
use actix_web::{web, FromRequest, HttpRequest};
use shared::people::Role;
use std::future::Future;
use std::pin::Pin;

#[derive(Debug, Clone)]
pub struct Caller {
    pub account_id: i32,
    pub public_id: String,
    pub authority_id: i32,
    pub role: Role,
    pub username: String,
    pub display_name: String,
    pub team_id: Option<i32>,
    pub session_id: i32,
    pub session_public_id: String,
    /// For a young person, their own record.
    pub young_person_id: Option<i32>,
    /// A young person's own record, read with the session (so their own
    /// screens need not read it again).
    pub young_person: Option<crate::entities::young_person::Model>,
    /// Where this request's reads are recorded: the app's batched writer
    /// (`crate::audit_log`), handed over by the extractor.
    pub audit_log: Option<crate::audit_log::AuditLog>,
}

impl Caller {
    /// The caller an open session names. An account whose role this
    /// version does not know is an error in the data, never a guess.
    fn from_session(signed_in: sessions::SignedIn) -> Result<Caller, ApiError> {
        let sessions::SignedIn {
            session,
            account,
            young_person,
        } = signed_in;
        let role = account.role()?;
        let young_person = young_person.filter(|_| role == Role::YoungPerson);
        Ok(Caller {
            account_id: account.id,
            public_id: account.public_id,
            authority_id: account.authority_id,
            role,
            username: account.username,
            display_name: account.display_name,
            team_id: account.team_id,
            session_id: session.id,
            session_public_id: session.public_id,
            young_person_id: young_person.as_ref().map(|y| y.id),
            young_person,
            audit_log: None,
        })
    }
}

fn bearer(req: &HttpRequest) -> Option<String> {
    let value = req
        .headers()
        .get(actix_web::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_owned())
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Caller, ApiError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        // The endpoint's guard (routes::register) found it already.
        if let Some(caller) = req.extensions().get::<Caller>().cloned() {
            return Box::pin(async move { Ok(caller) });
        }
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let token = bearer(req);
        Box::pin(async move {
            let state = state.ok_or_else(|| ApiError::Internal("no app state".to_owned()))?;
            let token = token.ok_or(ApiError::Unauthorized)?;
            let claims = state.tokens.verify(&token)?;
            let signed_in =
                sessions::signed_in(&state.db, &claims.sub, &claims.sid, chrono::Utc::now())
                    .await?
                    .ok_or(ApiError::Unauthorized)?;
            let mut caller = Caller::from_session(signed_in)?;
            caller.audit_log = Some(state.audit_log.clone());
            Ok(caller)
        })
    }
}
