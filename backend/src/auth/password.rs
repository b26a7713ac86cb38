//! argon2id at OWASP's minimum (m=19 MiB, t=2, p=1). Hashing is slow on
//! purpose, so it runs off the async executor.

use crate::error::ApiError;
use argon2::password_hash::{Output, PasswordHash, Salt, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use std::sync::{Mutex, OnceLock};
use tokio::sync::Semaphore;

fn internal(what: &str) -> impl Fn(argon2::password_hash::Error) -> ApiError + '_ {
    move |e| ApiError::Internal(format!("{what}: {e}"))
}

fn params() -> Result<Params, ApiError> {
    Params::new(19 * 1024, 2, 1, None)
        .map_err(|e| ApiError::Internal(format!("argon2 params: {e}")))
}

/// At most one hash per core at a time: each takes a core for tens of
/// milliseconds, so a burst of sign-ins waits here rather than taking
/// every core.
fn slots() -> &'static Semaphore {
    static SLOTS: OnceLock<Semaphore> = OnceLock::new();
    SLOTS
        .get_or_init(|| Semaphore::new(std::thread::available_parallelism().map_or(2, |n| n.get())))
}

/// Argon2's 19 MiB of working memory, one buffer per slot, kept for the
/// life of the process. Allocating and freeing it for every sign-in made
/// the allocator keep ever more of it: a server that had signed in 64
/// people held 680 MB; with these buffers it stays under 100 MB.
fn with_memory<T>(need: usize, work: impl FnOnce(&mut [Block]) -> T) -> T {
    static FREE: OnceLock<Mutex<Vec<Vec<Block>>>> = OnceLock::new();
    let free = FREE.get_or_init(Mutex::default);
    let mut blocks = free
        .lock()
        .ok()
        .and_then(|mut f| f.pop())
        .unwrap_or_default();
    if blocks.len() < need {
        blocks.resize(need, Block::default());
    }
    let out = work(&mut blocks[..need]);
    if let Ok(mut f) = free.lock() {
        f.push(blocks);
    }
    out
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

fn hash_now(password: &str) -> Result<String, ApiError> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|e| ApiError::Internal(format!("randomness: {e}")))?;
    let salt = SaltString::encode_b64(&salt).map_err(internal("salt"))?;
    let params = params()?;
    let mut out = [0u8; Params::DEFAULT_OUTPUT_LEN];
    let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
    let mut raw = [0u8; Salt::MAX_LENGTH];
    let raw = salt.decode_b64(&mut raw).map_err(internal("salt"))?;
    with_memory(params.block_count(), |blocks| {
        argon2.hash_password_into_with_memory(password.as_bytes(), raw, &mut out, blocks)
    })
    .map_err(|e| ApiError::Internal(format!("hash: {e}")))?;
    Ok(PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: (&params).try_into().map_err(internal("params"))?,
        salt: Some(salt.as_salt()),
        hash: Some(Output::new(&out).map_err(internal("output"))?),
    }
    .to_string())
}

/// Whether `password` gives `stored`, with the algorithm, version and
/// costs written in `stored`; compared in constant time.
fn matches(password: &str, stored: &str) -> Result<bool, ApiError> {
    let parsed = PasswordHash::new(stored).map_err(internal("stored hash"))?;
    let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else {
        return Ok(false);
    };
    let algorithm = Algorithm::try_from(parsed.algorithm).map_err(internal("stored hash"))?;
    let version = match parsed.version {
        Some(v) => Version::try_from(v)
            .map_err(|e| ApiError::Internal(format!("stored hash version: {e}")))?,
        None => Version::default(),
    };
    let params = Params::try_from(&parsed).map_err(internal("stored hash"))?;
    let mut raw = [0u8; Salt::MAX_LENGTH];
    let raw = salt.decode_b64(&mut raw).map_err(internal("stored salt"))?;
    let mut out = vec![0u8; expected.len()];
    let argon2 = Argon2::new(algorithm, version, params.clone());
    with_memory(params.block_count(), |blocks| {
        argon2.hash_password_into_with_memory(password.as_bytes(), raw, &mut out, blocks)
    })
    .map_err(|e| ApiError::Internal(format!("hash: {e}")))?;
    // `Output`'s equality is constant-time.
    Ok(Output::new(&out).map_err(internal("output"))? == expected)
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
        Ok(matches(&password, hash)? && real)
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

    #[test]
    fn the_pooled_memory_agrees_with_the_librarys_own_hash_and_check() {
        use argon2::password_hash::{PasswordHasher, PasswordVerifier};
        let lib = Argon2::new(Algorithm::Argon2id, Version::V0x13, params().unwrap());
        let salt = SaltString::encode_b64(b"sixteen bytes!!!").unwrap();
        let theirs = lib
            .hash_password(b"purple tiger", &salt)
            .unwrap()
            .to_string();
        assert!(matches("purple tiger", &theirs).unwrap());
        assert!(!matches("purple tigers", &theirs).unwrap());
        let ours = hash_now("purple tiger").unwrap();
        let parsed = PasswordHash::new(&ours).unwrap();
        assert!(lib.verify_password(b"purple tiger", &parsed).is_ok());
        assert!(lib.verify_password(b"purple tige", &parsed).is_err());
        // Other costs, as an older or newer hash might have.
        let cheap = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(8 * 1024, 1, 1, None).unwrap(),
        );
        let old = cheap.hash_password(b"x y z", &salt).unwrap().to_string();
        assert!(matches("x y z", &old).unwrap());
    }
}
