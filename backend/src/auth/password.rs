//! argon2id at OWASP's minimum (m=19 MiB, t=2, p=1). Hashing is slow on
//! purpose, so it runs off the async executor.

use crate::error::ApiError;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use std::sync::OnceLock;
use tokio::sync::Semaphore;

fn argon2() -> Result<Argon2<'static>, ApiError> {
    let params = Params::new(19 * 1024, 2, 1, None)
        .map_err(|e| ApiError::Internal(format!("argon2 params: {e}")))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

fn hash_now(password: &str) -> Result<String, ApiError> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| ApiError::Internal(format!("randomness: {e}")))?;
    let salt =
        SaltString::encode_b64(&salt).map_err(|e| ApiError::Internal(format!("salt: {e}")))?;
    Ok(argon2()?
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| ApiError::Internal(format!("hash: {e}")))?
        .to_string())
}

/// At most one hash per core at a time. Each takes 19 MiB and a core for
/// tens of milliseconds: a burst of sign-ins waits here rather than holding
/// a gigabyte at once (which the allocator then keeps) and every core.
fn slots() -> &'static Semaphore {
    static SLOTS: OnceLock<Semaphore> = OnceLock::new();
    SLOTS
        .get_or_init(|| Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get())))
}

/// Runs password work on the blocking pool, one slot per core.
async fn off_executor<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let _slot = slots()
        .acquire()
        .await
        .map_err(|e| ApiError::Internal(format!("hash slots: {e}")))?;
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| ApiError::Internal(format!("hash task: {e}")))?
}

pub async fn hash(password: String) -> Result<String, ApiError> {
    off_executor(move || hash_now(&password)).await
}

/// A hash to check against when the username is unknown, so that an unknown
/// name takes as long as a wrong password.
fn dummy_hash() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| hash_now("not a real password, only for timing").unwrap_or_default())
}

/// True when `password` matches `stored`; with `None`, spends the same time
/// and answers false.
pub async fn verify(password: String, stored: Option<String>) -> Result<bool, ApiError> {
    off_executor(move || {
        let (hash, real) = match &stored {
            Some(h) => (h.as_str(), true),
            None => (dummy_hash(), false),
        };
        let parsed =
            PasswordHash::new(hash).map_err(|e| ApiError::Internal(format!("stored hash: {e}")))?;
        let ok = argon2()?
            .verify_password(password.as_bytes(), &parsed)
            .is_ok();
        Ok(ok && real)
    })
    .await
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[tokio::test]
    async fn hashes_are_argon2id_at_the_minimum_cost_and_verify() {
        let h = hash("purple tiger jumps".to_owned()).await.unwrap();
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(verify("purple tiger jumps".to_owned(), Some(h.clone()))
            .await
            .unwrap());
        assert!(!verify("purple tiger jump".to_owned(), Some(h))
            .await
            .unwrap());
        assert!(!verify("anything".to_owned(), None).await.unwrap());
    }
}
