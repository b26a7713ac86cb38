//! `backend config check`: the effective settings with no secret values,
//! and in production mode a refusal, with plain reasons, of settings that
//! are weak or missing.

use crate::config::Settings;
use crate::secrets::{self, KeySource};
use std::path::Path;

/// What `config check` found.
#[derive(Debug, Clone, Default)]
pub struct ConfigReport {
    /// (setting, value or "set"/"generated"/"missing"), in print order.
    pub settings: Vec<(String, String)>,
    /// Reasons production mode refuses; empty when all is well.
    pub problems: Vec<String>,
    /// Worth knowing, never refused.
    pub notes: Vec<String>,
}

/// A database URL with its password hidden.
fn redact_url(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        _ => url.to_owned(),
    }
}

#[cfg(unix)]
fn owner_only(path: &Path) -> Option<bool> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .ok()
        .map(|m| m.permissions().mode() & 0o077 == 0)
}

#[cfg(not(unix))]
fn owner_only(_path: &Path) -> Option<bool> {
    None
}

/// Checks the settings as the server would load them. `production`: also
/// list what must not go live (the command then exits 1).
pub fn check(settings: &Settings, production: bool) -> ConfigReport {
    let mut r = ConfigReport::default();
    let mut set = |k: &str, v: String| r.settings.push((k.to_owned(), v));
    set("DATA_DIR", settings.data_dir.display().to_string());
    set("DATABASE_URL", redact_url(&settings.database_url));
    set("BIND_ADDR", settings.bind_addr.clone());
    set("PUBLIC_DIR", settings.public_dir.display().to_string());
    set("DEMO_DATA", settings.demo_data.to_string());
    set("LOG_JSON", settings.log_json.to_string());
    set("BACKGROUND_JOBS", settings.background_jobs.to_string());
    set("VAPID_SUBJECT", settings.vapid_subject.clone());
    set(
        "access token lifetime",
        format!("{} minutes", settings.access_token_minutes),
    );
    set("TRUSTED_PROXIES", settings.trusted_proxies.describe());
    set("METRICS_ALLOW", settings.metrics_allow.describe());
    set(
        "METRICS_TOKEN",
        if settings.metrics_token.is_some() {
            "set"
        } else {
            "missing"
        }
        .to_owned(),
    );
    let (jwt, vapid) = secrets::sources(&settings.data_dir);
    set("JWT_SECRET", jwt.as_str().to_owned());
    set("VAPID_PRIVATE_KEY", vapid.as_str().to_owned());
    let file = secrets::secrets_path(&settings.data_dir);

    if !production {
        return r;
    }
    let mut refuse = |why: String| r.problems.push(why);
    if settings.demo_data {
        refuse("DEMO_DATA is on: it adds made-up people, all with the same published password. Set DEMO_DATA=0.".to_owned());
    }
    match secrets::jwt_len(&settings.data_dir) {
        Ok(Some(n)) if n < 32 => refuse(format!(
            "JWT_SECRET is {n} bytes: use at least 32 random bytes."
        )),
        Ok(Some(_)) => {}
        Ok(None) => refuse("JWT_SECRET is missing and no key has been generated yet: start the server once, or set JWT_SECRET (at least 32 random bytes, base64url).".to_owned()),
        Err(e) => refuse(format!("The JWT key cannot be read: {e}")),
    }
    if vapid == KeySource::Missing {
        refuse("VAPID_PRIVATE_KEY is missing and no key has been generated yet: start the server once, or set VAPID_PRIVATE_KEY.".to_owned());
    }
    if (jwt == KeySource::Generated || vapid == KeySource::Generated)
        && owner_only(&file) == Some(false)
    {
        refuse(format!(
            "{} can be read by others: run chmod 600 on it.",
            file.display()
        ));
    }
    if jwt == KeySource::Generated || vapid == KeySource::Generated {
        r.notes.push(format!(
            "Keys generated into {} suit one server; several instances must share them (the same file, or JWT_SECRET and VAPID_PRIVATE_KEY).",
            file.display()
        ));
    }
    if settings.vapid_subject.ends_with("@localhost") || settings.vapid_subject.is_empty() {
        refuse("VAPID_SUBJECT is the placeholder: set it to the council's mailto: or https: contact, which push services use to reach you.".to_owned());
    }
    if settings.push.allow_loopback_http {
        refuse("[push] allow_loopback_http is on: it is for tests only.".to_owned());
    }
    if settings.access_token_minutes > 60 {
        refuse(format!(
            "Access tokens live {} minutes: at most 60 (10 is the default), so a stolen one is soon useless.",
            settings.access_token_minutes
        ));
    }
    match std::env::var("PUBLIC_URL") {
        Ok(u) if u.trim().starts_with("http://") => refuse(format!(
            "PUBLIC_URL is {u}: young people's data must only travel over https."
        )),
        _ => {}
    }
    if !settings.is_postgres() {
        r.notes
            .push("SQLite suits one server; several instances need PostgreSQL.".to_owned());
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_in_the_database_url_is_hidden() {
        let shown = redact_url("postgres://gfm:hunter2@db:5432/gfm");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("gfm"));
    }
}
