//! Signing in and out, activating an account, and the signed-in person's
//! own settings.

use super::{call, call_done, get, ApiError};
use crate::http::{decode_reply, send_public};
use crate::session;
use shared::accounts::{ActivateRequest, ChangePasswordRequest, LoginRequest, Me, TokenResponse};
use shared::api::Council;
use shared::endpoints as ep;
use shared::language::{Language, LanguageChoice};

/// Every council hosted here (no sign-in needed).
pub async fn councils() -> Result<Vec<Council>, ApiError> {
    get(ep::councils::ListCouncils::url()).await
}

/// Sign in. The server also sets the HttpOnly refresh cookie; the access
/// token is kept in memory by `session`.
pub async fn login(username: &str, password: &str) -> Result<(), ApiError> {
    let reply = send_public(
        ep::auth::Login::url(),
        &LoginRequest {
            username: username.trim().to_string(),
            password: password.to_string(),
        },
    )
    .await?;
    let tokens: TokenResponse = decode_reply(&reply)?;
    session::store(&tokens);
    Ok(())
}

/// Choose a password with a one-time code, and be signed in.
pub async fn activate(code: &str, password: &str) -> Result<(), ApiError> {
    let reply = send_public(
        ep::auth::Activate::url(),
        &ActivateRequest {
            code: code.trim().to_string(),
            password: password.to_string(),
        },
    )
    .await?;
    let tokens: TokenResponse = decode_reply(&reply)?;
    session::store(&tokens);
    Ok(())
}

/// Sign out, then forget the token. The server ends the session (so the
/// refresh cookie no longer works) and sends `Clear-Site-Data`.
pub async fn logout() -> Result<(), ApiError> {
    match call(ep::auth::Logout::url(), &()).await {
        // Already signed out on the server: nothing left to end.
        Err(err) if err.needs_sign_in() => {}
        other => other?,
    }
    session::clear();
    // Nothing of theirs stays on a phone someone else may use next.
    crate::feedback_drafts::clear_all();
    Ok(())
}

/// Who is signed in.
pub async fn me() -> Result<Me, ApiError> {
    get(ep::me::Me::url()).await
}

/// A new password; every other session ends.
pub async fn change_password(current: &str, new: &str) -> Result<(), ApiError> {
    call(
        ep::me::ChangePassword::url(),
        &ChangePasswordRequest {
            current_password: current.to_string(),
            new_password: new.to_string(),
        },
    )
    .await
}

/// Keep my language on the server, so it follows me to every phone I sign
/// in on.
pub async fn save_language(language: Language) -> Result<(), ApiError> {
    call_done(
        ep::me::SetLanguage::url(),
        &LanguageChoice {
            language: language.as_str().to_string(),
        },
    )
    .await
}

/// Sign out one of my devices.
pub async fn end_session(id: &str) -> Result<(), ApiError> {
    call(ep::me::EndSession::url(id), &()).await
}
