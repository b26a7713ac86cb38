//! Access tokens (JWT, HS256 only, minutes long) and opaque refresh tokens
//! (random, stored only as a SHA-256 hash). RFC 8725: one algorithm, every
//! registered claim required and checked, and a token type so a token of
//! another kind is never taken for an access token.

use crate::error::ApiError;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Utc};
use jsonwebtoken::{decode, encode, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub const ACCESS_TYPE: &str = "access";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct AccessClaims {
    pub iss: String,
    pub aud: String,
    /// The account's public id.
    pub sub: String,
    pub exp: i64,
    pub nbf: i64,
    pub iat: i64,
    /// Always "access".
    pub typ: String,
    /// The session's public id: a token dies with its session.
    pub sid: String,
}

pub struct TokenKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    /// Keys `backend keys rotate-jwt` replaced, with when: a token one of
    /// them signed before then stays valid until it expires.
    previous: Vec<(DecodingKey, i64)>,
    issuer: String,
    audience: String,
    lifetime_secs: i64,
}

impl TokenKeys {
    pub fn new(secret: &[u8], issuer: &str, audience: &str, lifetime_minutes: i64) -> TokenKeys {
        TokenKeys {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            previous: Vec::new(),
            issuer: issuer.to_owned(),
            audience: audience.to_owned(),
            lifetime_secs: lifetime_minutes.max(1) * 60,
        }
    }

    /// Also accepts tokens signed with these retired keys (key, when it was
    /// retired) for one token lifetime after their retirement.
    pub fn with_previous<'a>(
        mut self,
        previous: impl IntoIterator<Item = (&'a [u8], DateTime<Utc>)>,
    ) -> TokenKeys {
        self.previous = previous
            .into_iter()
            .map(|(k, at)| (DecodingKey::from_secret(k), at.timestamp()))
            .collect();
        self
    }

    pub fn lifetime_secs(&self) -> i64 {
        self.lifetime_secs
    }

    pub fn issue(
        &self,
        account: &str,
        session: &str,
        now: DateTime<Utc>,
    ) -> Result<String, ApiError> {
        let t = now.timestamp();
        let claims = AccessClaims {
            iss: self.issuer.clone(),
            aud: self.audience.clone(),
            sub: account.to_owned(),
            exp: t + self.lifetime_secs,
            nbf: t,
            iat: t,
            typ: ACCESS_TYPE.to_owned(),
            sid: session.to_owned(),
        };
        encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|e| ApiError::Internal(format!("sign token: {e}")))
    }

    /// Any failure is a plain 401: which check failed is not the caller's
    /// business.
    pub fn verify(&self, token: &str) -> Result<AccessClaims, ApiError> {
        let mut v = Validation::new(Algorithm::HS256);
        v.set_required_spec_claims(&["exp", "nbf", "iat", "iss", "aud", "sub"]);
        v.set_issuer(&[&self.issuer]);
        v.set_audience(&[&self.audience]);
        v.validate_exp = true;
        v.validate_nbf = true;
        v.leeway = 5;
        let claims = match decode::<AccessClaims>(token, &self.decoding, &v) {
            Ok(data) => data.claims,
            Err(e) => self.verify_previous(token, &v).ok_or_else(|| {
                tracing::debug!(error = %e, "access token refused");
                ApiError::Unauthorized
            })?,
        };
        if claims.typ != ACCESS_TYPE {
            return Err(ApiError::Unauthorized);
        }
        Ok(claims)
    }

    /// A token a retired key signed before it was retired, while the key is
    /// within one token lifetime of its retirement. A token it signed later
    /// (an instance not yet restarted) is refused: the app refreshes it.
    fn verify_previous(&self, token: &str, v: &Validation) -> Option<AccessClaims> {
        let now = Utc::now().timestamp();
        self.previous
            .iter()
            .filter(|(_, retired)| {
                now <= retired + self.lifetime_secs + i64::try_from(v.leeway).unwrap_or(0)
            })
            .find_map(|(key, retired)| {
                decode::<AccessClaims>(token, key, v)
                    .ok()
                    .filter(|d| d.claims.iat <= *retired)
                    .map(|d| d.claims)
            })
    }
}

/// A "known device" token: proof that this device signed in to this
/// account before, so strangers' failed guesses do not lock it out. It
/// grants nothing else.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct DeviceClaims {
    iss: String,
    aud: String,
    sub: String,
    exp: i64,
    nbf: i64,
    iat: i64,
    typ: String,
    jti: String,
}

const DEVICE_TYPE: &str = "device";
const DEVICE_DAYS: i64 = 365;

impl TokenKeys {
    pub fn issue_device(&self, username: &str, now: DateTime<Utc>) -> Result<String, ApiError> {
        let t = now.timestamp();
        let claims = DeviceClaims {
            iss: self.issuer.clone(),
            aud: format!("{}-device", self.audience),
            sub: username.to_lowercase(),
            exp: t + DEVICE_DAYS * 86_400,
            nbf: t,
            iat: t,
            typ: DEVICE_TYPE.to_owned(),
            jti: uuid::Uuid::new_v4().simple().to_string(),
        };
        encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|e| ApiError::Internal(format!("sign device token: {e}")))
    }

    /// The device's id, when the token is valid and is for this username.
    pub fn verify_device(&self, token: &str, username: &str) -> Option<String> {
        let mut v = Validation::new(Algorithm::HS256);
        v.set_required_spec_claims(&["exp", "nbf", "iat", "iss", "aud", "sub"]);
        v.set_issuer(&[&self.issuer]);
        v.set_audience(&[format!("{}-device", self.audience)]);
        let data = decode::<DeviceClaims>(token, &self.decoding, &v).ok()?;
        (data.claims.typ == DEVICE_TYPE && data.claims.sub == username.trim().to_lowercase())
            .then_some(data.claims.jti)
    }
}

/// 32 random bytes, base64url: an opaque token or code.
pub fn random_token() -> Result<String, ApiError> {
    let mut b = [0u8; 32];
    getrandom::fill(&mut b).map_err(|e| ApiError::Internal(format!("randomness: {e}")))?;
    Ok(URL_SAFE_NO_PAD.encode(b))
}

/// What is stored in place of a token or code.
pub fn sha256_hex(s: &str) -> String {
    hex::encode(Sha256::digest(s.as_bytes()))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn keys() -> TokenKeys {
        TokenKeys::new(&[7u8; 32], "good-for-me", "good-for-me-api", 10)
    }

    #[test]
    fn a_fresh_token_verifies() {
        let k = keys();
        let t = k.issue("acct", "sess", Utc::now()).unwrap();
        let c = k.verify(&t).unwrap();
        assert_eq!(c.sub, "acct");
        assert_eq!(c.sid, "sess");
    }

    #[test]
    fn expired_and_not_yet_valid_tokens_are_refused() {
        let k = keys();
        let old = k
            .issue("a", "s", Utc::now() - chrono::Duration::minutes(30))
            .unwrap();
        assert!(k.verify(&old).is_err());
        let future = k
            .issue("a", "s", Utc::now() + chrono::Duration::minutes(30))
            .unwrap();
        assert!(k.verify(&future).is_err());
    }

    #[test]
    fn another_key_or_audience_is_refused() {
        let other = TokenKeys::new(&[8u8; 32], "good-for-me", "good-for-me-api", 10);
        let t = other.issue("a", "s", Utc::now()).unwrap();
        assert!(keys().verify(&t).is_err());
        let aud = TokenKeys::new(&[7u8; 32], "good-for-me", "elsewhere", 10);
        let t = aud.issue("a", "s", Utc::now()).unwrap();
        assert!(keys().verify(&t).is_err());
    }

    #[test]
    fn device_tokens_are_not_access_tokens() {
        let k = keys();
        let d = k.issue_device("sam", Utc::now()).unwrap();
        assert!(k.verify(&d).is_err());
        assert!(k.verify_device(&d, "SAM").is_some());
        assert!(k.verify_device(&d, "alex").is_none());
        let a = k.issue("a", "s", Utc::now()).unwrap();
        assert!(k.verify_device(&a, "a").is_none());
    }

    #[test]
    fn a_retired_key_works_for_one_lifetime_and_only_for_tokens_it_signed_before() {
        let old = keys();
        let before = old.issue("a", "s", Utc::now()).unwrap();
        let retired = Utc::now() + chrono::Duration::seconds(1);
        let new = TokenKeys::new(&[9u8; 32], "good-for-me", "good-for-me-api", 10)
            .with_previous([(&[7u8; 32][..], retired)]);
        assert_eq!(new.verify(&before).unwrap().sub, "a");
        // Signed with the old key after its retirement: refused.
        let late = old
            .issue("a", "s", Utc::now() + chrono::Duration::seconds(30))
            .unwrap();
        assert!(new.verify(&late).is_err());
        // Retired longer ago than a token lives: refused.
        let long_ago = TokenKeys::new(&[9u8; 32], "good-for-me", "good-for-me-api", 10)
            .with_previous([(&[7u8; 32][..], Utc::now() - chrono::Duration::minutes(11))]);
        assert!(long_ago.verify(&before).is_err());
        // New tokens are signed with the new key.
        let fresh = new.issue("b", "s", Utc::now()).unwrap();
        assert!(old.verify(&fresh).is_err());
        assert!(new.verify(&fresh).is_ok());
    }

    #[test]
    fn hashes_are_stable_hex() {
        assert_eq!(sha256_hex("abc").len(), 64);
        assert_eq!(sha256_hex("abc"), sha256_hex("abc"));
    }
}
