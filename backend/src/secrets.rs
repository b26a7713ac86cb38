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
    /// Keys `backend keys rotate-jwt` retired, newest first: tokens signed
    /// with one before it was retired stay valid until they expire.
    pub previous_jwt: Vec<RetiredKey>,
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

/// A JWT key that was replaced, and when.
#[derive(Clone, Debug)]
pub struct RetiredKey {
    pub secret: Secret,
    pub retired_at: chrono::DateTime<chrono::Utc>,
}

#[derive(Serialize, Deserialize)]
struct SecretsFile {
    jwt_secret: String,
    vapid_private_key: String,
    /// Replaced JWT keys, newest first (only the last few are kept).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    previous_jwt: Vec<StoredRetiredKey>,
}

#[derive(Clone, Serialize, Deserialize)]
struct StoredRetiredKey {
    secret: String,
    retired_at: chrono::DateTime<chrono::Utc>,
}

/// Retired keys kept in the file: enough for rotations minutes apart.
const KEEP_RETIRED: usize = 3;

/// Where generated keys live and what `keys rotate-jwt` rewrites.
pub fn secrets_path(data_dir: &Path) -> std::path::PathBuf {
    data_dir.join("secrets.toml")
}

/// Where each key comes from, for `config check` (never the value).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeySource {
    Environment,
    /// In `$DATA_DIR/secrets.toml`, written by the server.
    Generated,
    Missing,
}

impl KeySource {
    pub fn as_str(self) -> &'static str {
        match self {
            KeySource::Environment => "set",
            KeySource::Generated => "generated",
            KeySource::Missing => "missing",
        }
    }
}

/// Where the JWT and VAPID keys would come from, without creating anything.
pub fn sources(data_dir: &Path) -> (KeySource, KeySource) {
    let file = secrets_path(data_dir).exists();
    let of = |var: &str| {
        if env_or_file(var).is_ok_and(|v| v.is_some_and(|v| !v.trim().is_empty())) {
            KeySource::Environment
        } else if file {
            KeySource::Generated
        } else {
            KeySource::Missing
        }
    };
    (of("JWT_SECRET"), of("VAPID_PRIVATE_KEY"))
}

/// The JWT key's length in bytes when it is readable, for `config check`.
pub fn jwt_len(data_dir: &Path) -> Result<Option<usize>, SecretsError> {
    if let Some(v) = env_or_file("JWT_SECRET")? {
        return Ok(Some(decode("JWT_SECRET", &v)?.len()));
    }
    let path = secrets_path(data_dir);
    if !path.exists() {
        return Ok(None);
    }
    let file = read_file(&path)?;
    Ok(Some(decode("jwt_secret", &file.jwt_secret)?.len()))
}

/// Replaces the JWT key in `$DATA_DIR/secrets.toml` with a new random one,
/// keeping the old one as retired now. Refused when `JWT_SECRET` comes from
/// the environment: the file would not be used.
pub fn rotate_jwt(data_dir: &Path) -> Result<chrono::DateTime<chrono::Utc>, SecretsError> {
    if env_or_file("JWT_SECRET")?.is_some() {
        return Err(SecretsError::Invalid(
            "JWT_SECRET (or JWT_SECRET_FILE) is set in the environment, so the key in the data directory is not used. Put a new key in JWT_SECRET (at least 32 random bytes, base64url, such as the output of `head -c 32 /dev/urandom | basenc --base64url`) and restart every instance; people's apps then get new tokens with their refresh tokens, without signing in again.".to_owned(),
        ));
    }
    let path = secrets_path(data_dir);
    let mut file = read_or_create_file(data_dir)?;
    let now = chrono::Utc::now();
    file.previous_jwt.insert(
        0,
        StoredRetiredKey {
            secret: file.jwt_secret.clone(),
            retired_at: now,
        },
    );
    file.previous_jwt.truncate(KEEP_RETIRED);
    file.jwt_secret = URL_SAFE_NO_PAD.encode(random_bytes(32)?);
    let text = toml::to_string(&file)
        .map_err(|e| SecretsError::Invalid(format!("could not write secrets: {e}")))?;
    // A new file beside the old, then a rename: a crash leaves one whole.
    let tmp = data_dir.join("secrets.toml.new");
    let io = |source| SecretsError::Io {
        path: path.display().to_string(),
        source,
    };
    let _ = std::fs::remove_file(&tmp);
    write_owner_only(&tmp, text.as_bytes()).map_err(io)?;
    std::fs::rename(&tmp, &path).map_err(io)?;
    Ok(now)
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
        let (jwt, vapid, previous) = match (env_jwt, env_vapid) {
            (Some(j), Some(v)) => (
                decode("JWT_SECRET", &j)?,
                decode("VAPID_PRIVATE_KEY", &v)?,
                vec![],
            ),
            (j, v) => {
                let file = read_or_create_file(data_dir)?;
                // Retired keys only matter for the key in the file.
                let previous = if j.is_none() {
                    file.previous_jwt
                        .iter()
                        .map(|k| {
                            Ok(RetiredKey {
                                secret: Secret(decode("previous_jwt", &k.secret)?),
                                retired_at: k.retired_at,
                            })
                        })
                        .collect::<Result<Vec<_>, SecretsError>>()?
                } else {
                    vec![]
                };
                let jwt = match j {
                    Some(j) => decode("JWT_SECRET", &j)?,
                    None => decode("jwt_secret", &file.jwt_secret)?,
                };
                let vapid = match v {
                    Some(v) => decode("VAPID_PRIVATE_KEY", &v)?,
                    None => decode("vapid_private_key", &file.vapid_private_key)?,
                };
                (jwt, vapid, previous)
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
            previous_jwt: previous,
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
    let path = secrets_path(data_dir);
    let io = |source| SecretsError::Io {
        path: path.display().to_string(),
        source,
    };
    if path.exists() {
        return read_file(&path);
    }
    std::fs::create_dir_all(data_dir).map_err(io)?;
    let file = SecretsFile {
        jwt_secret: URL_SAFE_NO_PAD.encode(random_bytes(32)?),
        vapid_private_key: URL_SAFE_NO_PAD.encode(new_p256_private()?),
        previous_jwt: vec![],
    };
    let text = toml::to_string(&file)
        .map_err(|e| SecretsError::Invalid(format!("could not write secrets: {e}")))?;
    // Written whole beside the file, then linked into place (which fails if
    // it exists): a web server and a worker starting together on a new
    // server end up with one set of keys, never two, and never read a
    // half-written file.
    let tmp = data_dir.join(format!(
        "secrets.toml.{}.{}.tmp",
        std::process::id(),
        URL_SAFE_NO_PAD.encode(random_bytes(6)?)
    ));
    write_owner_only(&tmp, text.as_bytes()).map_err(io)?;
    let linked = std::fs::hard_link(&tmp, &path);
    let _ = std::fs::remove_file(&tmp);
    match linked {
        Ok(()) => Ok(file),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => read_file(&path),
        Err(e) => Err(io(e)),
    }
}

/// Makes `$DATA_DIR/secrets.toml` when there is none (`keys generate`).
/// `Ok(true)` when it was made now, `Ok(false)` when it was there already.
pub fn generate(data_dir: &Path) -> Result<bool, SecretsError> {
    let existed = secrets_path(data_dir).exists();
    read_or_create_file(data_dir)?;
    Ok(!existed)
}

fn read_file(path: &Path) -> Result<SecretsFile, SecretsError> {
    let text = std::fs::read_to_string(path).map_err(|source| SecretsError::Io {
        path: path.display().to_string(),
        source,
    })?;
    toml::from_str(&text)
        .map_err(|e| SecretsError::Invalid(format!("{} is not valid: {e}", path.display())))
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
    fn rotating_keeps_the_old_key_as_retired_and_the_file_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let before = Keys::load_or_create(dir.path()).unwrap();
        rotate_jwt(dir.path()).unwrap();
        let after = Keys::load_or_create(dir.path()).unwrap();
        assert_ne!(after.jwt, before.jwt);
        assert_eq!(after.previous_jwt.len(), 1);
        assert_eq!(after.previous_jwt[0].secret, before.jwt);
        // The push key is untouched: phones' subscriptions keep working.
        assert_eq!(after.vapid_public_b64, before.vapid_public_b64);
        for _ in 0..5 {
            rotate_jwt(dir.path()).unwrap();
        }
        let many = Keys::load_or_create(dir.path()).unwrap();
        assert_eq!(many.previous_jwt.len(), KEEP_RETIRED);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(secrets_path(dir.path()))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn debug_never_shows_secret_bytes() {
        let s = Secret::new(b"hunter2hunter2".to_vec());
        assert_eq!(format!("{s:?}"), "Secret(redacted)");
    }
}
