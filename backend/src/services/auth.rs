//! Sign-in, refresh with rotation and reuse detection, sign-out,
//! activation with a one-time code, and password change.

use crate::auth::{codes, password, throttle, tokens};
use crate::entities::account;
use crate::error::ApiError;
use crate::repo::{accounts, sessions};
use crate::state::AppState;
use chrono::{DateTime, Duration, Utc};
use sea_orm::{ConnectionTrait, TransactionTrait};
use shared::accounts::{password_rules, TokenResponse};

/// The same words whichever part was wrong, and for unknown usernames.
pub const WRONG_LOGIN: &str = "That username and password do not match. Check them and try again.";

/// Codes live 72 hours.
pub const CODE_HOURS: i64 = 72;

pub struct LoginOutcome {
    pub tokens: TokenResponse,
    /// A fresh "known device" token to keep in a cookie.
    pub device_token: String,
}

fn required(field: &str, value: &str, what: &str) -> Result<(), ApiError> {
    if value.trim().is_empty() {
        return Err(ApiError::validation(field, format!("Type your {what}.")));
    }
    if value.len() > shared::limits::SIGN_IN_FIELD_MAX_BYTES {
        return Err(ApiError::validation(
            field,
            format!("Your {what} is too long."),
        ));
    }
    Ok(())
}

async fn start_session(
    state: &AppState,
    conn: &impl ConnectionTrait,
    account: &account::Model,
    device: &str,
    now: DateTime<Utc>,
) -> Result<TokenResponse, ApiError> {
    let refresh = tokens::random_token()?;
    let s = sessions::create(conn, account.id, device, &tokens::sha256_hex(&refresh), now).await?;
    Ok(TokenResponse {
        access_token: state.tokens.issue(&account.public_id, &s.public_id, now)?,
        refresh_token: refresh,
        expires_in: state.tokens.lifetime_secs(),
    })
}

/// The throttle, counting its refusals for `/metrics`.
async fn counted_check(
    state: &AppState,
    keys: &[String],
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    let checked = throttle::check(&state.db, keys, now).await;
    if matches!(checked, Err(ApiError::TooManyRequests { .. })) {
        state.metrics.signin_throttled();
    }
    checked
}

pub async fn login(
    state: &AppState,
    username: &str,
    pass: &str,
    address: &str,
    device_cookie: Option<&str>,
    device: &str,
) -> Result<LoginOutcome, ApiError> {
    required("username", username, "username")?;
    required("password", pass, "password")?;
    let now = Utc::now();
    let known_device = device_cookie.and_then(|c| state.tokens.verify_device(c, username));
    let keys = throttle::keys(username, address, known_device.as_deref());
    counted_check(state, &keys, now).await?;

    let account = accounts::by_username(&state.db, username).await?;
    let stored = account.as_ref().and_then(|a| a.password_hash.clone());
    let matches = password::verify(pass.to_owned(), stored).await?;
    let account = match account {
        Some(a) if matches && a.disabled_at.is_none() => a,
        _ => {
            state.metrics.signin_failed();
            throttle::record_failure(&state.db, &keys, now).await?;
            return Err(ApiError::BadCredentials(WRONG_LOGIN.to_owned()));
        }
    };
    let tokens = start_session(state, &state.db, &account, device, now).await?;
    Ok(LoginOutcome {
        tokens,
        device_token: state.tokens.issue_device(&account.username, now)?,
    })
}

pub async fn refresh(state: &AppState, refresh_token: &str) -> Result<TokenResponse, ApiError> {
    if refresh_token.trim().is_empty() {
        return Err(ApiError::Unauthorized);
    }
    let now = Utc::now();
    let hash = tokens::sha256_hex(refresh_token.trim());
    let Some((token, session)) = sessions::refresh_by_hash(&state.db, &hash).await? else {
        return Err(ApiError::Unauthorized);
    };
    if session.ended_at.is_some() || session.expires_at <= now {
        return Err(ApiError::Unauthorized);
    }
    // A rotated token coming back means it was copied: end the family.
    if token.used_at.is_some() || !sessions::mark_used(&state.db, token.id, now).await? {
        sessions::end(&state.db, session.id, "refresh token reused", now).await?;
        tracing::warn!(session = %session.public_id, "refresh token reuse: session ended");
        return Err(ApiError::Unauthorized);
    }
    let Some(account) = accounts::by_id(&state.db, session.account_id).await? else {
        return Err(ApiError::Unauthorized);
    };
    if account.disabled_at.is_some() {
        return Err(ApiError::Unauthorized);
    }
    let next = tokens::random_token()?;
    sessions::add_refresh(&state.db, session.id, &tokens::sha256_hex(&next), now).await?;
    sessions::touch(&state.db, session.id, now).await?;
    Ok(TokenResponse {
        access_token: state
            .tokens
            .issue(&account.public_id, &session.public_id, now)?,
        refresh_token: next,
        expires_in: state.tokens.lifetime_secs(),
    })
}

/// Sets the password with a one-time code and signs the person in. Every
/// other session of the account ends (this is also how a forgotten password
/// is reset).
pub async fn activate(
    state: &AppState,
    code: &str,
    new_password: &str,
    address: &str,
    device: &str,
) -> Result<LoginOutcome, ApiError> {
    required("code", code, "code")?;
    let now = Utc::now();
    let keys = vec![format!("code-ip:{address}")];
    counted_check(state, &keys, now).await?;
    let hash = tokens::sha256_hex(&codes::normalise(code));
    let Some(row) = accounts::code_by_hash(&state.db, &hash).await? else {
        state.metrics.signin_failed();
        throttle::record_failure(&state.db, &keys, now).await?;
        return Err(ApiError::validation(
            "code",
            "That code did not work. Check it, or ask your worker for a new one.",
        ));
    };
    if row.used_at.is_some() {
        return Err(ApiError::validation(
            "code",
            "That code has already been used. Ask your worker for a new one.",
        ));
    }
    if row.expires_at <= now {
        return Err(ApiError::validation(
            "code",
            "That code has run out. Ask your worker for a new one.",
        ));
    }
    let account = accounts::by_id(&state.db, row.account_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    if account.disabled_at.is_some() {
        return Err(ApiError::validation(
            "code",
            "This account is switched off. Ask your worker for help.",
        ));
    }
    if let Some(problem) = password_rules::problem(new_password, &account.username) {
        return Err(ApiError::validation("password", problem));
    }
    let hashed = password::hash(new_password.to_owned()).await?;
    let txn = state.db.begin().await?;
    if !accounts::use_code(&txn, row.id, now).await? {
        return Err(ApiError::validation(
            "code",
            "That code has already been used. Ask your worker for a new one.",
        ));
    }
    accounts::set_password(&txn, account.id, &hashed, now).await?;
    sessions::end_all(&txn, account.id, None, "password set with a code", now).await?;
    let tokens = start_session(state, &txn, &account, device, now).await?;
    txn.commit().await?;
    Ok(LoginOutcome {
        tokens,
        device_token: state.tokens.issue_device(&account.username, now)?,
    })
}

pub async fn change_password(
    state: &AppState,
    caller: &crate::caller::Caller,
    current: &str,
    new_password: &str,
) -> Result<(), ApiError> {
    required("current_password", current, "current password")?;
    let now = Utc::now();
    let account = accounts::by_id(&state.db, caller.account_id)
        .await?
        .ok_or(ApiError::Unauthorized)?;
    let keys = vec![format!("pw:{}", account.id)];
    throttle::check(&state.db, &keys, now).await?;
    if !password::verify(current.to_owned(), account.password_hash.clone()).await? {
        throttle::record_failure(&state.db, &keys, now).await?;
        return Err(ApiError::validation(
            "current_password",
            "Your current password is not right. Try again.",
        ));
    }
    if let Some(problem) = password_rules::problem(new_password, &account.username) {
        return Err(ApiError::validation("new_password", problem));
    }
    let hashed = password::hash(new_password.to_owned()).await?;
    let txn = state.db.begin().await?;
    accounts::set_password(&txn, account.id, &hashed, now).await?;
    sessions::end_all(
        &txn,
        account.id,
        Some(caller.session_id),
        "password changed",
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// A new one-time code for an account, replacing any unused one.
pub async fn issue_code(
    conn: &impl ConnectionTrait,
    account: &account::Model,
    purpose: &str,
    created_by: i32,
) -> Result<shared::accounts::ActivationCode, ApiError> {
    let now = Utc::now();
    let code = codes::new_code()?;
    let expires_at = now + Duration::hours(CODE_HOURS);
    accounts::add_code(
        conn,
        account.id,
        &tokens::sha256_hex(&codes::normalise(&code)),
        purpose,
        created_by,
        now,
        expires_at,
    )
    .await?;
    Ok(shared::accounts::ActivationCode {
        username: account.username.clone(),
        code,
        expires_at,
    })
}

/// First codes for accounts just made by an operator command (the CSV
/// import), a chunk a statement; the same codes, hashes and lifetime as
/// [`issue_code`]. No account made them: each names its own account as
/// its maker, as `backend staff add` does.
pub async fn issue_first_codes(
    conn: &impl ConnectionTrait,
    made: &[account::Model],
    purpose: &str,
) -> Result<Vec<shared::accounts::ActivationCode>, ApiError> {
    let now = Utc::now();
    let expires_at = now + Duration::hours(CODE_HOURS);
    let mut out = Vec::with_capacity(made.len());
    let mut rows = Vec::with_capacity(made.len());
    for account in made {
        let code = codes::new_code()?;
        rows.push((
            account.id,
            tokens::sha256_hex(&codes::normalise(&code)),
            account.id,
        ));
        out.push(shared::accounts::ActivationCode {
            username: account.username.clone(),
            code,
            expires_at,
        });
    }
    accounts::add_first_codes(conn, &rows, purpose, now, expires_at).await?;
    Ok(out)
}
