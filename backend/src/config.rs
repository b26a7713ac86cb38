//! Settings: defaults, then an optional TOML file, then environment variables.
//!
//! The contract (README): `DATABASE_URL`, `BIND_ADDR`, `DATA_DIR`, `DEMO_DATA`.
//! Secrets live in [`crate::secrets`] and never in `Debug` output.

use crate::client_addr::NetList;
use crate::secrets::{env_or_file, Secret};
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct Settings {
    /// Address to listen on; port 0 picks a free port (tests).
    pub bind_addr: String,
    /// Where the SQLite file, generated keys and other state live.
    pub data_dir: PathBuf,
    /// `sqlite://...` or `postgres://...`.
    pub database_url: String,
    /// The built PWA (trunk's `dist/`), served at `/`.
    pub public_dir: PathBuf,
    /// Seed the demo people (never unless asked).
    pub demo_data: bool,
    /// Largest JSON body accepted, in bytes.
    pub max_body_bytes: usize,
    /// Log as JSON lines instead of human-readable text.
    pub log_json: bool,
    /// Contact for push services (RFC 8292 `sub`): mailto: or https:.
    pub vapid_subject: String,
    /// JWT `iss` and `aud`.
    pub jwt_issuer: String,
    pub jwt_audience: String,
    /// Minutes an access token lives.
    pub access_token_minutes: i64,
    /// HTTP worker threads; `None` means one per core.
    pub workers: Option<usize>,
    /// Run the background worker (scheduled jobs, push delivery). Tests
    /// that drive it by hand turn it off.
    pub background_jobs: bool,
    /// Push delivery (`[push]` in the settings file).
    pub push: PushSettings,
    /// Reverse proxies whose forwarding headers are believed (see
    /// [`crate::client_addr`]). Empty: none, the peer is the client.
    pub trusted_proxies: NetList,
    /// Client addresses that may read `/metrics`.
    pub metrics_allow: NetList,
    /// A bearer token that may read `/metrics` from anywhere.
    pub metrics_token: Option<Secret>,
}

/// The optional file: every field may be left out.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSettings {
    bind_addr: Option<String>,
    database_url: Option<String>,
    public_dir: Option<PathBuf>,
    demo_data: Option<bool>,
    max_body_bytes: Option<usize>,
    log_json: Option<bool>,
    vapid_subject: Option<String>,
    jwt_issuer: Option<String>,
    jwt_audience: Option<String>,
    access_token_minutes: Option<i64>,
    background_jobs: Option<bool>,
    push: Option<PushSettings>,
    trusted_proxies: Option<String>,
    metrics_allow: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("could not read the settings file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("the settings file {path} is not valid: {source}")]
    Parse {
        path: PathBuf,
        source: toml::de::Error,
    },
    #[error("{name} is not valid: {why}")]
    Env { name: &'static str, why: String },
}

impl Settings {
    /// Defaults for a data directory, before the file and environment apply.
    pub fn defaults(data_dir: &Path) -> Settings {
        Settings {
            bind_addr: "127.0.0.1:8080".to_owned(),
            data_dir: data_dir.to_path_buf(),
            database_url: sqlite_url(&data_dir.join("goodforme.db")),
            public_dir: PathBuf::from("dist"),
            demo_data: false,
            max_body_bytes: 64 * 1024,
            log_json: false,
            vapid_subject: "mailto:goodforme@localhost".to_owned(),
            jwt_issuer: "good-for-me".to_owned(),
            jwt_audience: "good-for-me-api".to_owned(),
            access_token_minutes: 10,
            workers: None,
            background_jobs: true,
            push: PushSettings::default(),
            trusted_proxies: NetList::default(),
            metrics_allow: NetList::default(),
            metrics_token: None,
        }
    }

    /// Reads `DATA_DIR` (default `./data`), then `$GFM_CONFIG` or
    /// `$DATA_DIR/config.toml` when present, then the environment.
    pub fn load() -> Result<Settings, ConfigError> {
        let data_dir = std::env::var_os("DATA_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("data"));
        let mut s = Settings::defaults(&data_dir);
        let file = std::env::var_os("GFM_CONFIG")
            .map(PathBuf::from)
            .unwrap_or_else(|| data_dir.join("config.toml"));
        if file.exists() {
            let text = std::fs::read_to_string(&file).map_err(|source| ConfigError::Read {
                path: file.clone(),
                source,
            })?;
            let f: FileSettings = toml::from_str(&text).map_err(|source| ConfigError::Parse {
                path: file.clone(),
                source,
            })?;
            s.apply_file(f)?;
        }
        s.apply_env()?;
        Ok(s)
    }

    fn apply_file(&mut self, f: FileSettings) -> Result<(), ConfigError> {
        macro_rules! take {
            ($($field:ident),*) => { $( if let Some(v) = f.$field { self.$field = v; } )* };
        }
        take!(
            bind_addr,
            database_url,
            public_dir,
            demo_data,
            max_body_bytes,
            log_json,
            vapid_subject,
            jwt_issuer,
            jwt_audience,
            access_token_minutes,
            background_jobs,
            push
        );
        if let Some(v) = f.trusted_proxies {
            self.trusted_proxies = nets("trusted_proxies", &v)?;
        }
        if let Some(v) = f.metrics_allow {
            self.metrics_allow = nets("metrics_allow", &v)?;
        }
        Ok(())
    }

    fn apply_env(&mut self) -> Result<(), ConfigError> {
        if let Ok(v) = std::env::var("BIND_ADDR") {
            self.bind_addr = v;
        }
        if let Some(v) = secret("DATABASE_URL")? {
            if !v.trim().is_empty() {
                self.database_url = v;
            }
        }
        if let Ok(v) = std::env::var("PUBLIC_DIR") {
            self.public_dir = PathBuf::from(v);
        }
        if let Ok(v) = std::env::var("DEMO_DATA") {
            self.demo_data = parse_flag("DEMO_DATA", &v)?;
        }
        if let Ok(v) = std::env::var("LOG_JSON") {
            self.log_json = parse_flag("LOG_JSON", &v)?;
        }
        if let Ok(v) = std::env::var("VAPID_SUBJECT") {
            self.vapid_subject = v;
        }
        if let Ok(v) = std::env::var("BACKGROUND_JOBS") {
            self.background_jobs = parse_flag("BACKGROUND_JOBS", &v)?;
        }
        if let Ok(v) = std::env::var("TRUSTED_PROXIES") {
            self.trusted_proxies = nets("TRUSTED_PROXIES", &v)?;
        }
        if let Ok(v) = std::env::var("METRICS_ALLOW") {
            self.metrics_allow = nets("METRICS_ALLOW", &v)?;
        }
        if let Some(v) = secret("METRICS_TOKEN")? {
            let v = v.trim().to_owned();
            // A short token could be guessed; none at all turns it off.
            if !v.is_empty() && v.len() < 16 {
                return Err(ConfigError::Env {
                    name: "METRICS_TOKEN",
                    why: "must be at least 16 characters".to_owned(),
                });
            }
            self.metrics_token = (!v.is_empty()).then(|| Secret::new(v.into_bytes()));
        }
        // The rest of the settings file's keys, so that every setting can
        // come from the environment too (a container or a systemd unit).
        macro_rules! number {
            ($($name:literal => $($field:ident).+),* $(,)?) => {
                $( if let Ok(v) = std::env::var($name) { self.$($field).+ = parse_number($name, &v)?; } )*
            };
        }
        number!(
            "MAX_BODY_BYTES" => max_body_bytes,
            "ACCESS_TOKEN_MINUTES" => access_token_minutes,
            "PUSH_TTL_SECS" => push.ttl_secs,
            "PUSH_MAX_ATTEMPTS" => push.max_attempts,
            "PUSH_LEASE_SECS" => push.lease_secs,
            "PUSH_REQUEST_TIMEOUT_SECS" => push.request_timeout_secs,
            "PUSH_POLL_SECS" => push.poll_secs,
            "PUSH_BATCH" => push.batch,
            "PUSH_CONCURRENCY" => push.concurrency,
            "PUSH_MAX_DEVICES" => push.max_devices,
            "PUSH_KEEP_FINISHED_DAYS" => push.keep_finished_days,
        );
        if let Ok(v) = std::env::var("WORKERS") {
            self.workers = Some(parse_number("WORKERS", &v)?).filter(|n| *n > 0);
        }
        if let Ok(v) = std::env::var("JWT_ISSUER") {
            self.jwt_issuer = v;
        }
        if let Ok(v) = std::env::var("JWT_AUDIENCE") {
            self.jwt_audience = v;
        }
        if let Ok(v) = std::env::var("PUSH_ALLOWED_HOSTS") {
            self.push.allowed_hosts = v
                .split(',')
                .map(|h| h.trim().to_owned())
                .filter(|h| !h.is_empty())
                .collect();
        }
        if let Ok(v) = std::env::var("PUSH_ALLOW_LOOPBACK_HTTP") {
            self.push.allow_loopback_http = parse_flag("PUSH_ALLOW_LOOPBACK_HTTP", &v)?;
        }
        Ok(())
    }

    pub fn is_postgres(&self) -> bool {
        is_postgres_url(&self.database_url)
    }
}

pub fn is_postgres_url(url: &str) -> bool {
    url.starts_with("postgres://") || url.starts_with("postgresql://")
}

/// An SQLite URL that creates the file when missing.
pub fn sqlite_url(path: &Path) -> String {
    format!("sqlite://{}?mode=rwc", path.display())
}

fn nets(name: &'static str, v: &str) -> Result<NetList, ConfigError> {
    NetList::parse(v).map_err(|why| ConfigError::Env { name, why })
}

fn secret(name: &'static str) -> Result<Option<String>, ConfigError> {
    env_or_file(name).map_err(|e| ConfigError::Env {
        name,
        why: e.to_string(),
    })
}

fn parse_number<T: std::str::FromStr>(name: &'static str, v: &str) -> Result<T, ConfigError> {
    v.trim().parse().map_err(|_| ConfigError::Env {
        name,
        why: format!("expected a whole number, got {:?}", v.trim()),
    })
}

fn parse_flag(name: &'static str, v: &str) -> Result<bool, ConfigError> {
    match v.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" | "" => Ok(false),
        other => Err(ConfigError::Env {
            name,
            why: format!("expected 1 or 0, got {other:?}"),
        }),
    }
}

/// Push delivery settings (`[push]` in the settings file).
#[derive(Debug, Clone, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PushSettings {
    /// Accept `http://` endpoints on loopback (tests and benchmarks only).
    pub allow_loopback_http: bool,
    /// Push service hosts endpoints may point at (a host, or any host under
    /// it). Empty: any public https host. Keeps the server from being used
    /// to send requests to hosts of someone's choosing.
    pub allowed_hosts: Vec<String>,
    /// How long a push service keeps a message for a device that is off
    /// (RFC 8030 TTL), in seconds.
    pub ttl_secs: u32,
    /// Tries before a delivery is given up. Backing off from 30 s, doubling
    /// to at most 6 hours, 12 tries span about 17 hours: a push service
    /// down for an hour, or most of a day, loses nothing (8 spanned just
    /// over an hour).
    pub max_attempts: i32,
    /// How long a claim on an outbox row or job lasts, in seconds. Longer
    /// than a request can take.
    pub lease_secs: i64,
    pub request_timeout_secs: u64,
    /// How often the background worker looks for work, in seconds.
    pub poll_secs: u64,
    /// Outbox rows (and jobs) one pass claims.
    pub batch: u64,
    /// Requests in flight at once.
    pub concurrency: usize,
    /// Devices per person; registering another drops the oldest.
    pub max_devices: u64,
    /// Finished outbox rows are deleted after this many days.
    pub keep_finished_days: i64,
}

/// The push services of the browsers people use: Chrome, Edge's and
/// Samsung's (FCM), Firefox (Mozilla autopush), Safari (Apple), Windows (WNS).
pub const DEFAULT_PUSH_HOSTS: &[&str] = &[
    "fcm.googleapis.com",
    "android.googleapis.com",
    "push.services.mozilla.com",
    "push.apple.com",
    "notify.windows.com",
];

impl Default for PushSettings {
    fn default() -> Self {
        PushSettings {
            allow_loopback_http: false,
            allowed_hosts: DEFAULT_PUSH_HOSTS.iter().map(|h| (*h).to_owned()).collect(),
            ttl_secs: 24 * 3600,
            max_attempts: 12,
            lease_secs: 120,
            request_timeout_secs: 10,
            poll_secs: 5,
            batch: 64,
            concurrency: 8,
            max_devices: 10,
            keep_finished_days: 30,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_accept_common_spellings_and_refuse_others() {
        assert!(matches!(parse_flag("X", "1"), Ok(true)));
        assert!(matches!(parse_flag("X", "off"), Ok(false)));
        assert!(parse_flag("X", "maybe").is_err());
    }

    #[test]
    fn a_file_overrides_only_what_it_names() {
        let mut s = Settings::defaults(Path::new("/tmp/x"));
        let f: FileSettings = toml::from_str("bind_addr = \"0.0.0.0:9000\"").unwrap_or_default();
        s.apply_file(f).unwrap_or_default();
        assert_eq!(s.bind_addr, "0.0.0.0:9000");
        assert!(s.database_url.starts_with("sqlite://"));
        assert!(s.trusted_proxies.is_empty());
    }

    #[test]
    fn proxy_and_metrics_lists_come_from_the_file_and_bad_ones_are_refused() {
        let mut s = Settings::defaults(Path::new("/tmp/x"));
        let f: FileSettings =
            toml::from_str("trusted_proxies = \"127.0.0.1, 10.0.0.0/8\"\nmetrics_allow = \"::1\"")
                .unwrap_or_default();
        assert!(s.apply_file(f).is_ok());
        assert!(s.trusted_proxies.contains(
            "10.9.9.9"
                .parse()
                .unwrap_or(std::net::Ipv4Addr::UNSPECIFIED.into())
        ));
        assert!(s
            .metrics_allow
            .contains(std::net::Ipv6Addr::LOCALHOST.into()));
        let bad: FileSettings = toml::from_str("trusted_proxies = \"nginx\"").unwrap_or_default();
        let err = s
            .apply_file(bad)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("trusted_proxies"), "{err}");
    }
}
