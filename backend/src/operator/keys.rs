//! `backend keys generate`, `keys rotate-jwt` and `keys vapid`.

use super::{record_for_every_council, Operator, OperatorError};
use crate::config::Settings;
use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;

/// Makes the keys one server keeps in `$DATA_DIR/secrets.toml` (mode 600)
/// when they are not there, before the first start, so the web server and
/// the worker find them ready. `true` when they were made now. Keys from
/// the environment (`JWT_SECRET`, `VAPID_PRIVATE_KEY` or their `_FILE`s)
/// are used instead and nothing is written. A key made while councils
/// exist is in each one's audit trail.
pub async fn generate(
    db: &DatabaseConnection,
    settings: &Settings,
    operator: &Operator,
) -> Result<bool, OperatorError> {
    let (jwt, vapid) = crate::secrets::sources(&settings.data_dir);
    use crate::secrets::KeySource::Environment;
    if jwt == Environment && vapid == Environment {
        return Ok(false);
    }
    let made = crate::secrets::generate(&settings.data_dir)?;
    if made {
        record_for_every_council(db, operator, "keys.generate", "Keys generated").await?;
    }
    Ok(made)
}

/// A new JWT signing key in `$DATA_DIR/secrets.toml`; the old one is kept
/// as retired, so tokens it signed keep working until they expire (one
/// access-token lifetime). Running instances use the new key once
/// restarted. Written to every council's audit trail (a key is shared).
pub async fn rotate_jwt(
    db: &DatabaseConnection,
    settings: &Settings,
    operator: &Operator,
) -> Result<DateTime<Utc>, OperatorError> {
    let at = crate::secrets::rotate_jwt(&settings.data_dir)?;
    record_for_every_council(db, operator, "keys.rotate_jwt", "JWT signing key rotated").await?;
    Ok(at)
}

/// What rotating the push (VAPID) key takes and costs: there is no command
/// that does it, because it silently stops every phone's notifications.
pub fn vapid_instructions(settings: &Settings) -> String {
    format!(
        "Rotating the push (VAPID) key\n\
         \n\
         What it costs: every push subscription was made with the old public key,\n\
         so after the change no phone gets notifications until its owner turns\n\
         them on again in the app (Notification settings), which subscribes with\n\
         the new key. Tell young people and staff before you do it; a phone whose\n\
         owner never does gets nothing. Rotate only when the key may have leaked.\n\
         \n\
         How:\n\
         1. Stop every instance.\n\
         2. Either set VAPID_PRIVATE_KEY to a new P-256 private key (32 bytes,\n\
            base64url), or delete the vapid_private_key line from\n\
            {secrets} (keep jwt_secret!) and let the server make a new one:\n\
            it makes a new file only when there is none, so the simplest way is\n\
            to set VAPID_PRIVATE_KEY, e.g. from\n\
            openssl ecparam -name prime256v1 -genkey -noout | openssl ec -outform DER | tail -c +8 | head -c 32 | basenc --base64url | tr -d '=\\n'\n\
         3. Start every instance with the same key.\n",
        secrets = crate::secrets::secrets_path(&settings.data_dir).display()
    )
}
