//! VAPID (RFC 8292): the application server proves who it is to a push
//! service with an ES256 JWT signed by its P-256 key.
//!
//! Signed with `jsonwebtoken` (already used for access tokens, with its
//! RustCrypto backend) rather than the `web-push` crate's builder: one JWT
//! library in the server, no OpenSSL, and every claim under our control
//! (`aud` the push endpoint's origin, `exp` at most 24 hours ahead, `sub`).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Duration, Utc};
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use p256::pkcs8::EncodePrivateKey;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::sync::Mutex;

/// How long a token is valid: RFC 8292 allows at most 24 hours.
pub const TOKEN_HOURS: i64 = 12;
/// A token is reused for this long, then a new one is signed.
const REUSE_MINUTES: i64 = 60;

#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Claims {
    pub aud: String,
    pub exp: i64,
    pub sub: String,
}

#[derive(Debug, thiserror::Error)]
pub enum VapidError {
    #[error("the VAPID private key is not a P-256 key")]
    BadKey,
    #[error("the push endpoint has no origin")]
    BadEndpoint,
    #[error("could not sign: {0}")]
    Sign(String),
}

/// Signs VAPID tokens, reusing each origin's token for an hour.
pub struct Vapid {
    key: EncodingKey,
    public_b64: String,
    subject: String,
    cache: Mutex<HashMap<String, (String, DateTime<Utc>)>>,
}

impl std::fmt::Debug for Vapid {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vapid")
            .field("public_b64", &self.public_b64)
            .field("subject", &self.subject)
            .finish_non_exhaustive()
    }
}

/// The origin (scheme, host, port when not the default) of a push
/// endpoint: the `aud` of its token.
pub fn origin_of(endpoint: &reqwest::Url) -> Result<String, VapidError> {
    let origin = endpoint.origin();
    if !origin.is_tuple() {
        return Err(VapidError::BadEndpoint);
    }
    Ok(origin.ascii_serialization())
}

impl Vapid {
    /// `private` is the 32-byte P-256 scalar; `public_b64` its uncompressed
    /// public key in base64url.
    pub fn new(private: &[u8], public_b64: &str, subject: &str) -> Result<Vapid, VapidError> {
        let secret = p256::SecretKey::from_slice(private).map_err(|_| VapidError::BadKey)?;
        let der = secret.to_pkcs8_der().map_err(|_| VapidError::BadKey)?;
        Ok(Vapid {
            key: EncodingKey::from_ec_der(der.as_bytes()),
            public_b64: public_b64.to_owned(),
            subject: subject.to_owned(),
            cache: Mutex::new(HashMap::new()),
        })
    }

    pub fn public_key_b64(&self) -> &str {
        &self.public_b64
    }

    /// A fresh token for this audience.
    pub fn sign(&self, aud: &str, now: DateTime<Utc>) -> Result<String, VapidError> {
        let claims = Claims {
            aud: aud.to_owned(),
            exp: (now + Duration::hours(TOKEN_HOURS)).timestamp(),
            sub: self.subject.clone(),
        };
        let mut header = Header::new(Algorithm::ES256);
        header.typ = Some("JWT".to_owned());
        jsonwebtoken::encode(&header, &claims, &self.key)
            .map_err(|e| VapidError::Sign(e.to_string()))
    }

    /// The `Authorization` header for a request to this endpoint:
    /// `vapid t=<JWT>, k=<public key>`. Tokens carry the real time: the
    /// push service checks `exp` against its own clock.
    pub fn authorization(&self, endpoint: &reqwest::Url) -> Result<String, VapidError> {
        let aud = origin_of(endpoint)?;
        let now = Utc::now();
        let cached = self
            .cache
            .lock()
            .ok()
            .and_then(|c| c.get(&aud).cloned())
            .filter(|(_, made)| now - *made < Duration::minutes(REUSE_MINUTES));
        let token = match cached {
            Some((t, _)) => t,
            None => {
                let t = self.sign(&aud, now)?;
                if let Ok(mut c) = self.cache.lock() {
                    if c.len() > 1000 {
                        c.clear();
                    }
                    c.insert(aud, (t.clone(), now));
                }
                t
            }
        };
        Ok(format!("vapid t={token}, k={}", self.public_b64))
    }
}

/// The public key's raw bytes, for checking a token.
pub fn public_key_bytes(public_b64: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(public_b64).ok()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn tokens_verify_with_the_public_key_and_name_the_origin() {
        // RFC 8291 Appendix A's application server key, reused here.
        let private = URL_SAFE_NO_PAD
            .decode("yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw")
            .unwrap();
        let public = "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
        let v = Vapid::new(&private, public, "mailto:test@example.org").unwrap();
        let url = reqwest::Url::parse("https://push.example.net:8443/wpush/v2/abc?x=1").unwrap();
        let header = v.authorization(&url).unwrap();
        let (t, k) = header
            .strip_prefix("vapid t=")
            .and_then(|r| r.split_once(", k="))
            .unwrap();
        assert_eq!(k, public);
        let key = public_key_bytes(k).unwrap();
        let dk = jsonwebtoken::DecodingKey::from_ec_components(
            &URL_SAFE_NO_PAD.encode(&key[1..33]),
            &URL_SAFE_NO_PAD.encode(&key[33..65]),
        )
        .unwrap();
        let mut val = jsonwebtoken::Validation::new(Algorithm::ES256);
        val.set_audience(&["https://push.example.net:8443"]);
        val.set_required_spec_claims(&["exp", "aud", "sub"]);
        let data = jsonwebtoken::decode::<Claims>(t, &dk, &val).unwrap();
        assert_eq!(data.claims.sub, "mailto:test@example.org");
        let ahead = data.claims.exp - Utc::now().timestamp();
        assert!(ahead > 0 && ahead <= 24 * 3600);
        // The same origin reuses the token; the default port is left out.
        assert_eq!(v.authorization(&url).unwrap(), header);
        let plain = reqwest::Url::parse("https://push.example.net:443/x").unwrap();
        assert_eq!(origin_of(&plain).unwrap(), "https://push.example.net");
    }
}
