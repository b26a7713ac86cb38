//! Web Push, end to end, with no third-party notification service:
//!
//! - [`ece`]: message encryption (RFC 8291, `aes128gcm`), checked against
//!   RFC 8291 Appendix A byte for byte;
//! - [`vapid`]: the application server's identity (RFC 8292);
//! - [`outbox`]: delivery of the `push_delivery` outbox to push services
//!   (RFC 8030: TTL, Urgency, Topic), with retries and backoff;
//! - [`quiet`]: quiet hours in the council's time zone;
//! - [`scheduler`]: scheduled jobs (review reminders) and their planner;
//! - [`worker`]: the background task that runs both, and one pass on demand;
//! - [`manage`]: the rules behind the API (subscriptions, preferences).
//!
//! Exactly once: an event writes its notification and one outbox row per
//! device in its own transaction. A worker claims a row with a lease; the
//! claim and the outcome are single conditional UPDATEs, so two instances
//! never hold one row, and a crashed instance's lease runs out and another
//! finishes the row. Each message carries a Topic (the notification's id) so
//! a push service replaces, rather than adds, a resend of a message still
//! waiting for the device, and the payload's `id` lets the service worker
//! show a resend in place of the first.

pub mod ece;
pub mod manage;
pub mod outbox;
pub mod quiet;
pub mod scheduler;
pub mod vapid;
pub mod worker;

pub use crate::config::PushSettings;

/// Why an endpoint is not acceptable, in words for the person.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct EndpointError(pub &'static str);

fn is_loopback(host: &url::Host<&str>) -> bool {
    match host {
        url::Host::Domain(d) => d.eq_ignore_ascii_case("localhost"),
        url::Host::Ipv4(ip) => ip.is_loopback(),
        url::Host::Ipv6(ip) => ip.is_loopback(),
    }
}

/// Checks a push endpoint against the settings: https to a push service
/// (or loopback http when allowed for tests), no credentials, not too long.
pub fn check_endpoint(raw: &str, s: &PushSettings) -> Result<reqwest::Url, EndpointError> {
    if raw.len() > 2048 {
        return Err(EndpointError("That push address is too long."));
    }
    let url = reqwest::Url::parse(raw).map_err(|_| EndpointError("That is not a web address."))?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(EndpointError(
            "A push address cannot hold a user name or password.",
        ));
    }
    let host = url
        .host()
        .ok_or(EndpointError("That web address has no host."))?;
    match url.scheme() {
        "https" => {}
        "http" if s.allow_loopback_http && is_loopback(&host) => return Ok(url),
        _ => return Err(EndpointError("A push address must start with https://.")),
    }
    match host {
        url::Host::Domain(d) => {
            let d = d.to_ascii_lowercase();
            let allowed = s.allowed_hosts.is_empty()
                || s.allowed_hosts.iter().any(|h| {
                    let h = h.trim().trim_start_matches('.').to_ascii_lowercase();
                    d == h || d.ends_with(&format!(".{h}"))
                });
            if !allowed || d == "localhost" {
                return Err(EndpointError(
                    "That is not the address of a push service this app works with.",
                ));
            }
        }
        _ if !s.allowed_hosts.is_empty() => {
            return Err(EndpointError(
                "That is not the address of a push service this app works with.",
            ));
        }
        url::Host::Ipv4(ip) => {
            if ip.is_loopback()
                || ip.is_private()
                || ip.is_link_local()
                || ip.is_unspecified()
                || ip.is_broadcast()
            {
                return Err(EndpointError("A push address must be on the internet."));
            }
        }
        url::Host::Ipv6(ip) => {
            if ip.is_loopback() || ip.is_unspecified() || (ip.segments()[0] & 0xfe00) == 0xfc00 {
                return Err(EndpointError("A push address must be on the internet."));
            }
        }
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoints_must_be_https_to_a_push_service() {
        let s = PushSettings::default();
        assert!(check_endpoint("https://fcm.googleapis.com/fcm/send/abc", &s).is_ok());
        assert!(check_endpoint("https://updates.push.services.mozilla.com/wpush/v2/x", &s).is_ok());
        assert!(check_endpoint("https://web.push.apple.com/QH", &s).is_ok());
        assert!(check_endpoint("http://fcm.googleapis.com/fcm/send/abc", &s).is_err());
        assert!(check_endpoint("https://evil.example/fcm.googleapis.com", &s).is_err());
        assert!(check_endpoint("https://notfcm.googleapis.com.evil.example/", &s).is_err());
        assert!(check_endpoint("https://u:p@fcm.googleapis.com/x", &s).is_err());
        assert!(check_endpoint("https://10.0.0.1/x", &s).is_err());
        assert!(check_endpoint("http://127.0.0.1:9/x", &s).is_err());
        assert!(check_endpoint("not a url", &s).is_err());
        let open = PushSettings {
            allowed_hosts: vec![],
            ..PushSettings::default()
        };
        assert!(check_endpoint("https://push.example.org/x", &open).is_ok());
        assert!(check_endpoint("https://192.168.1.1/x", &open).is_err());
        assert!(check_endpoint("https://localhost/x", &open).is_err());
        let test = PushSettings {
            allow_loopback_http: true,
            ..PushSettings::default()
        };
        assert!(check_endpoint("http://127.0.0.1:9/x", &test).is_ok());
        assert!(check_endpoint("http://[::1]:9/x", &test).is_ok());
        assert!(check_endpoint("http://example.org/x", &test).is_err());
    }
}
