//! Keys the server signs with: the JWT key and the VAPID (Web Push) key pair.
//!
//! Taken from the environment (`JWT_SECRET`, `VAPID_PRIVATE_KEY`, base64url)
//! when given; otherwise generated once into `$DATA_DIR/secrets.toml`, which
//! only the owner may read. Several instances share keys through the
//! environment or a shared data directory.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::Path;

/// Bytes that must never reach a log: `Debug` prints a placeholder.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Vec<u8>);

impl Secret {
    pub fn new(bytes: Vec<u8>) -> Secret {
        Secret(bytes)
    }
    pub fn expose(&self) -> &[u8] {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(redacted)")
    }
}

#[derive(Clone, Debug)]
pub struct Keys {
    /// HS256 key for access tokens.
    pub jwt: Secret,
    /// P-256 private scalar for VAPID (RFC 8292).
    pub vapid_private: Secret,
    /// Uncompressed P-256 public key, base64url: what browsers subscribe with.
    pub vapid_public_b64: String,
}

#[derive(Debug, thiserror::Error)]
pub enum SecretsError {
    #[error("could not use the secrets file {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{0}")]
    Invalid(String),
}

#[derive(Serialize, Deserialize)]
struct SecretsFile {
    jwt_secret: String,
    vapid_private_key: String,
}

/// A secret setting from the environment: `NAME`, or the contents of the
/// file `NAME_FILE` names (for Docker and systemd credentials, so the
/// secret is not in the process environment). Both set is refused: which
/// one wins would be a guess.
pub fn env_or_file(name: &str) -> Result<Option<String>, SecretsError> {
    let file_var = format!("{name}_FILE");
    pick(
        name,
        std::env::var(name).ok(),
        std::env::var_os(&file_var).filter(|f| !f.is_empty()),
    )
}

fn pick(
    name: &str,
    value: Option<String>,
    file: Option<std::ffi::OsString>,
) -> Result<Option<String>, SecretsError> {
    match (value, file) {
        (Some(_), Some(_)) => Err(SecretsError::Invalid(format!(
            "{name} and {name}_FILE are both set: set only one"
        ))),
        (Some(v), None) => Ok(Some(v)),
        (None, Some(path)) => {
            let path = std::path::PathBuf::from(path);
            let text = std::fs::read_to_string(&path).map_err(|source| SecretsError::Io {
                path: format!("{} ({name}_FILE)", path.display()),
                source,
            })?;
            // Editors and `echo` end files with a newline; it is not part of
            // the secret.
            Ok(Some(text.trim_end_matches(['\n', '\r']).to_owned()))
        }
        (None, None) => Ok(None),
    }
}

impl Keys {
    pub fn load_or_create(data_dir: &Path) -> Result<Keys, SecretsError> {
        let env_jwt = env_or_file("JWT_SECRET")?;
        let env_vapid = env_or_file("VAPID_PRIVATE_KEY")?;
        let (jwt, vapid) = match (env_jwt, env_vapid) {
            (Some(j), Some(v)) => (decode("JWT_SECRET", &j)?, decode("VAPID_PRIVATE_KEY", &v)?),
            (j, v) => {
                let file = read_or_create_file(data_dir)?;
                let jwt = match j {
                    Some(j) => decode("JWT_SECRET", &j)?,
                    None => decode("jwt_secret", &file.jwt_secret)?,
                };
                let vapid = match v {
                    Some(v) => decode("VAPID_PRIVATE_KEY", &v)?,
                    None => decode("vapid_private_key", &file.vapid_private_key)?,
                };
                (jwt, vapid)
            }
        };
        if jwt.len() < 32 {
            return Err(SecretsError::Invalid(
                "JWT_SECRET must be at least 32 bytes".to_owned(),
            ));
        }
        let vapid_public_b64 = vapid_public_key(&vapid)?;
        Ok(Keys {
            jwt: Secret(jwt),
            vapid_private: Secret(vapid),
            vapid_public_b64,
        })
    }
}

fn decode(name: &str, value: &str) -> Result<Vec<u8>, SecretsError> {
    URL_SAFE_NO_PAD
        .decode(value.trim().trim_end_matches('='))
        .map_err(|_| SecretsError::Invalid(format!("{name} must be base64url")))
}

fn vapid_public_key(private: &[u8]) -> Result<String, SecretsError> {
    use p256::elliptic_curve::sec1::ToEncodedPoint;
    let key = p256::SecretKey::from_slice(private).map_err(|_| {
        SecretsError::Invalid("the VAPID private key is not a P-256 key".to_owned())
    })?;
    let point = key.public_key().to_encoded_point(false);
    Ok(URL_SAFE_NO_PAD.encode(point.as_bytes()))
}

fn random_bytes(n: usize) -> Result<Vec<u8>, SecretsError> {
    let mut buf = vec![0u8; n];
    getrandom::fill(&mut buf)
        .map_err(|e| SecretsError::Invalid(format!("no randomness available: {e}")))?;
    Ok(buf)
}

/// A P-256 private key: 32 random bytes, redrawn in the rare case they are
/// not a valid scalar.
fn new_p256_private() -> Result<Vec<u8>, SecretsError> {
    loop {
        let candidate = random_bytes(32)?;
        if p256::SecretKey::from_slice(&candidate).is_ok() {
            return Ok(candidate);
        }
    }
}

fn read_or_create_file(data_dir: &Path) -> Result<SecretsFile, SecretsError> {
    let path = data_dir.join("secrets.toml");
    let io = |source| SecretsError::Io {
        path: path.display().to_string(),
        source,
    };
    if path.exists() {
        let text = std::fs::read_to_string(&path).map_err(io)?;
        return toml::from_str(&text)
            .map_err(|e| SecretsError::Invalid(format!("{} is not valid: {e}", path.display())));
    }
    std::fs::create_dir_all(data_dir).map_err(io)?;
    let file = SecretsFile {
        jwt_secret: URL_SAFE_NO_PAD.encode(random_bytes(32)?),
        vapid_private_key: URL_SAFE_NO_PAD.encode(new_p256_private()?),
    };
    let text = toml::to_string(&file)
        .map_err(|e| SecretsError::Invalid(format!("could not write secrets: {e}")))?;
    write_owner_only(&path, text.as_bytes()).map_err(io)?;
    Ok(file)
}

#[cfg(unix)]
fn write_owner_only(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(bytes)?;
    f.sync_all()
}

#[cfg(not(unix))]
fn write_owner_only(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::write(path, bytes)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn generated_once_owner_only_and_stable() {
        let dir = tempfile::tempdir().unwrap();
        let a = Keys::load_or_create(dir.path()).unwrap();
        let b = Keys::load_or_create(dir.path()).unwrap();
        assert_eq!(a.jwt, b.jwt);
        assert_eq!(a.vapid_public_b64, b.vapid_public_b64);
        // 65-byte uncompressed point -> 87 base64url characters.
        assert_eq!(a.vapid_public_b64.len(), 87);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join("secrets.toml"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn a_secret_comes_from_its_variable_or_its_file_never_both() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("jwt");
        std::fs::write(&file, "from-the-file\n").unwrap();
        let f = || Some(file.clone().into_os_string());
        assert_eq!(
            pick("X", None, f()).unwrap().as_deref(),
            Some("from-the-file")
        );
        assert_eq!(
            pick("X", Some("direct".into()), None).unwrap().as_deref(),
            Some("direct")
        );
        assert_eq!(pick("X", None, None).unwrap(), None);
        let both = pick("X", Some("direct".into()), f()).unwrap_err();
        assert!(both.to_string().contains("X_FILE"), "{both}");
        // Only the trailing line end goes; other spaces are the secret's.
        std::fs::write(&file, " a b \r\n").unwrap();
        assert_eq!(pick("X", None, f()).unwrap().as_deref(), Some(" a b "));
        let missing = pick("X", None, Some(dir.path().join("nope").into_os_string()));
        assert!(matches!(missing, Err(SecretsError::Io { .. })));
    }

    #[test]
    fn debug_never_shows_secret_bytes() {
        let s = Secret::new(b"hunter2hunter2".to_vec());
        assert_eq!(format!("{s:?}"), "Secret(redacted)");
    }
}
