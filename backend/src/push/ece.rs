//! Message encryption for Web Push (RFC 8291) in the `aes128gcm` content
//! coding (RFC 8188), with RustCrypto: P-256 ECDH, HKDF-SHA-256, AES-128-GCM.
//!
//! The `ece` crate (what the `web-push` crate uses) only encrypts with a
//! random salt and key pair of its own, so it cannot be checked against
//! RFC 8291 Appendix A. [`encrypt_with`] takes both as inputs and reproduces
//! the appendix byte for byte (see the tests); [`encrypt`] draws them fresh
//! for every message, as the RFC requires.

use hkdf::Hkdf;
use p256::elliptic_curve::sec1::ToEncodedPoint;
use sha2::Sha256;

/// Record size written in the header. One record holds the whole message:
/// push services accept at most 4096 bytes of body.
pub const RECORD_SIZE: u32 = 4096;
const SALT_LEN: usize = 16;
const AUTH_LEN: usize = 16;
const KEY_LEN: usize = 65;
const TAG_LEN: usize = 16;
/// salt (16) + rs (4) + idlen (1) + keyid (65).
pub const HEADER_LEN: usize = SALT_LEN + 4 + 1 + KEY_LEN;
/// The most plaintext (with padding) one message can carry: the record
/// holds it, a delimiter byte and the tag.
pub const MAX_PLAINTEXT: usize = RECORD_SIZE as usize - HEADER_LEN - TAG_LEN - 1;

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum EceError {
    #[error("the browser's public key is not an uncompressed P-256 point")]
    BadPublicKey,
    #[error("the auth secret must be 16 bytes")]
    BadAuthSecret,
    #[error("the salt must be 16 bytes")]
    BadSalt,
    #[error("the server key is not a P-256 private key")]
    BadPrivateKey,
    #[error("the message is too long for one push")]
    TooLong,
    #[error("no randomness available")]
    Random,
    #[error("the message could not be decrypted")]
    Decrypt,
}

/// The keys derived for one message.
struct Derived {
    cek: [u8; 16],
    nonce: [u8; 12],
}

/// RFC 8291 section 3.4 and RFC 8188 section 2.2.
fn derive(
    ecdh_secret: &[u8],
    auth_secret: &[u8],
    ua_public: &[u8],
    as_public: &[u8],
    salt: &[u8],
) -> Result<Derived, EceError> {
    // PRK_key = HKDF-Extract(auth_secret, ecdh_secret)
    // IKM = HKDF-Expand(PRK_key, "WebPush: info" || 0x00 || ua_public || as_public, 32)
    let mut key_info = Vec::with_capacity(14 + 2 * KEY_LEN);
    key_info.extend_from_slice(b"WebPush: info\0");
    key_info.extend_from_slice(ua_public);
    key_info.extend_from_slice(as_public);
    let mut ikm = [0u8; 32];
    Hkdf::<Sha256>::new(Some(auth_secret), ecdh_secret)
        .expand(&key_info, &mut ikm)
        .map_err(|_| EceError::Decrypt)?;
    // PRK = HKDF-Extract(salt, IKM); CEK and NONCE from it.
    let prk = Hkdf::<Sha256>::new(Some(salt), &ikm);
    let mut cek = [0u8; 16];
    let mut nonce = [0u8; 12];
    prk.expand(b"Content-Encoding: aes128gcm\0", &mut cek)
        .map_err(|_| EceError::Decrypt)?;
    prk.expand(b"Content-Encoding: nonce\0", &mut nonce)
        .map_err(|_| EceError::Decrypt)?;
    Ok(Derived { cek, nonce })
}

fn nonce(bytes: [u8; 12]) -> aes_gcm::Nonce<aes_gcm::aead::consts::U12> {
    aes_gcm::Nonce::from(bytes)
}

fn public_key(bytes: &[u8]) -> Result<p256::PublicKey, EceError> {
    if bytes.len() != KEY_LEN || bytes.first() != Some(&4) {
        return Err(EceError::BadPublicKey);
    }
    p256::PublicKey::from_sec1_bytes(bytes).map_err(|_| EceError::BadPublicKey)
}

fn ecdh(private: &p256::SecretKey, public: &p256::PublicKey) -> [u8; 32] {
    let shared = p256::ecdh::diffie_hellman(private.to_nonzero_scalar(), public.as_affine());
    let mut out = [0u8; 32];
    out.copy_from_slice(&shared.raw_secret_bytes()[..]);
    out
}

/// Checks a subscription's keys as a browser sent them: the P-256 public
/// key (65 bytes, uncompressed, on the curve) and the 16-byte auth secret.
pub fn check_subscription_keys(p256dh: &[u8], auth: &[u8]) -> Result<(), EceError> {
    public_key(p256dh)?;
    if auth.len() != AUTH_LEN {
        return Err(EceError::BadAuthSecret);
    }
    Ok(())
}

/// Encrypts with a given salt and application-server key pair (the private
/// scalar, 32 bytes), appending `pad` zero bytes of padding after the
/// delimiter. Only for checking against known vectors and for [`encrypt`]:
/// reusing a salt or key pair for two messages breaks the encryption.
pub fn encrypt_with(
    ua_public: &[u8],
    auth_secret: &[u8],
    plaintext: &[u8],
    as_private: &[u8],
    salt: &[u8],
    pad: usize,
) -> Result<Vec<u8>, EceError> {
    use aes_gcm::aead::{Aead, KeyInit};
    let ua = public_key(ua_public)?;
    if auth_secret.len() != AUTH_LEN {
        return Err(EceError::BadAuthSecret);
    }
    if salt.len() != SALT_LEN {
        return Err(EceError::BadSalt);
    }
    if plaintext.len() + pad > MAX_PLAINTEXT {
        return Err(EceError::TooLong);
    }
    let server = p256::SecretKey::from_slice(as_private).map_err(|_| EceError::BadPrivateKey)?;
    let as_public = server.public_key().to_encoded_point(false);
    let as_public = as_public.as_bytes();
    let secret = ecdh(&server, &ua);
    let d = derive(&secret, auth_secret, ua_public, as_public, salt)?;

    // One record, so it is the last: plaintext, delimiter 0x02, padding.
    let mut record = Vec::with_capacity(plaintext.len() + 1 + pad);
    record.extend_from_slice(plaintext);
    record.push(2);
    record.resize(plaintext.len() + 1 + pad, 0);
    let cipher = aes_gcm::Aes128Gcm::new_from_slice(&d.cek).map_err(|_| EceError::Decrypt)?;
    let sealed = cipher
        .encrypt(&nonce(d.nonce), record.as_slice())
        .map_err(|_| EceError::TooLong)?;

    let mut out = Vec::with_capacity(HEADER_LEN + sealed.len());
    out.extend_from_slice(salt);
    out.extend_from_slice(&RECORD_SIZE.to_be_bytes());
    out.push(KEY_LEN as u8);
    out.extend_from_slice(as_public);
    out.extend_from_slice(&sealed);
    Ok(out)
}

/// Encrypts one push message with a fresh salt and key pair. The plaintext
/// is padded up to a multiple of `pad_to` bytes so messages of different
/// kinds look the same size on the wire.
pub fn encrypt(
    ua_public: &[u8],
    auth_secret: &[u8],
    plaintext: &[u8],
    pad_to: usize,
) -> Result<Vec<u8>, EceError> {
    let mut salt = [0u8; SALT_LEN];
    getrandom::fill(&mut salt).map_err(|_| EceError::Random)?;
    let private = loop {
        let mut candidate = [0u8; 32];
        getrandom::fill(&mut candidate).map_err(|_| EceError::Random)?;
        if p256::SecretKey::from_slice(&candidate).is_ok() {
            break candidate;
        }
    };
    let pad = if pad_to > 0 {
        let rem = plaintext.len() % pad_to;
        if rem == 0 {
            0
        } else {
            pad_to - rem
        }
    } else {
        0
    };
    let pad = pad.min(MAX_PLAINTEXT.saturating_sub(plaintext.len()));
    encrypt_with(ua_public, auth_secret, plaintext, &private, &salt, pad)
}

/// What a browser does with a message: decrypts it with its private key
/// (32 bytes) and auth secret, and strips the padding. One record only.
pub fn decrypt(ua_private: &[u8], auth_secret: &[u8], body: &[u8]) -> Result<Vec<u8>, EceError> {
    use aes_gcm::aead::{Aead, KeyInit};
    if body.len() < HEADER_LEN + TAG_LEN + 1 {
        return Err(EceError::Decrypt);
    }
    let salt = &body[..SALT_LEN];
    let rs = u32::from_be_bytes([body[16], body[17], body[18], body[19]]);
    let idlen = usize::from(body[20]);
    if idlen != KEY_LEN || rs < 18 {
        return Err(EceError::Decrypt);
    }
    let as_public_bytes = &body[21..21 + KEY_LEN];
    let sealed = &body[HEADER_LEN..];
    if sealed.len() > rs as usize {
        return Err(EceError::Decrypt);
    }
    let as_public = public_key(as_public_bytes)?;
    let ua = p256::SecretKey::from_slice(ua_private).map_err(|_| EceError::BadPrivateKey)?;
    let ua_public = ua.public_key().to_encoded_point(false);
    let secret = ecdh(&ua, &as_public);
    let d = derive(
        &secret,
        auth_secret,
        ua_public.as_bytes(),
        as_public_bytes,
        salt,
    )?;
    let cipher = aes_gcm::Aes128Gcm::new_from_slice(&d.cek).map_err(|_| EceError::Decrypt)?;
    let mut record = cipher
        .decrypt(&nonce(d.nonce), sealed)
        .map_err(|_| EceError::Decrypt)?;
    // Strip padding back to the delimiter, which must be 0x02 (last record).
    while record.last() == Some(&0) {
        record.pop();
    }
    if record.pop() != Some(2) {
        return Err(EceError::Decrypt);
    }
    Ok(record)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;

    fn b(s: &str) -> Vec<u8> {
        URL_SAFE_NO_PAD.decode(s).unwrap()
    }

    #[test]
    fn a_fresh_message_round_trips_and_is_padded() {
        let ua_private = b("q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94");
        let ua_public = b("BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4");
        let auth = b("BTBZMqHH6r4Tts7J_aSIgg");
        let a = encrypt(&ua_public, &auth, b"hello", 64).unwrap();
        let c = encrypt(&ua_public, &auth, b"hello, again", 64).unwrap();
        assert_eq!(a.len(), c.len(), "padding hides the length");
        assert_ne!(a[..16], c[..16], "a new salt every time");
        assert_eq!(decrypt(&ua_private, &auth, &a).unwrap(), b"hello");
        assert_eq!(decrypt(&ua_private, &auth, &c).unwrap(), b"hello, again");
        let mut tampered = a.clone();
        let last = tampered.len() - 1;
        tampered[last] ^= 1;
        assert_eq!(
            decrypt(&ua_private, &auth, &tampered),
            Err(EceError::Decrypt)
        );
    }

    #[test]
    fn bad_keys_are_refused() {
        let auth = [0u8; 16];
        assert_eq!(
            encrypt(&[4u8; 65], &auth, b"x", 0),
            Err(EceError::BadPublicKey)
        );
        assert_eq!(
            check_subscription_keys(&[4u8; 64], &auth),
            Err(EceError::BadPublicKey)
        );
        let ua_public = b("BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4");
        assert_eq!(
            check_subscription_keys(&ua_public, &[0u8; 15]),
            Err(EceError::BadAuthSecret)
        );
        assert_eq!(
            encrypt(&ua_public, &auth, &[b'x'; MAX_PLAINTEXT + 1], 0),
            Err(EceError::TooLong)
        );
        assert!(encrypt(&ua_public, &auth, &[b'x'; MAX_PLAINTEXT], 0).is_ok());
    }
}
