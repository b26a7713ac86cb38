//! Who is on the other end: the client's address and whether it used HTTPS,
//! when the server may sit behind reverse proxies (`TRUSTED_PROXIES`).
//!
//! Forwarding headers are believed only when the TCP peer is a trusted
//! proxy; from anyone else they are ignored, or one attacker could pick the
//! address the sign-in throttle counts. The client is then the right-most
//! address in `X-Forwarded-For` (else `Forwarded: for=`) that is not itself a
//! trusted proxy: each proxy appends the address it saw, so everything left
//! of the last untrusted hop may have been written by the client. A header
//! that cannot be read whole (garbage, empty entries, ports, brackets, too
//! many hops) is ignored too: the peer is used.

use ipnet::IpNet;
use std::net::IpAddr;

/// More hops than any real proxy chain: no more are read from the right.
pub const MAX_HOPS: usize = 16;

/// A list of addresses and CIDR ranges (`TRUSTED_PROXIES`, `METRICS_ALLOW`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NetList(Vec<IpNet>);

impl NetList {
    /// Comma-separated addresses (`192.0.2.1`, `::1`) or ranges
    /// (`10.0.0.0/8`, `fd00::/8`); spaces around entries are fine, an empty
    /// text is an empty list.
    pub fn parse(text: &str) -> Result<NetList, String> {
        let mut nets = vec![];
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let net = match part.parse::<IpNet>() {
                Ok(n) => n,
                Err(_) => part
                    .parse::<IpAddr>()
                    .map(IpNet::from)
                    .map_err(|_| format!("{part:?} is not an IP address or CIDR range"))?,
            };
            nets.push(net.trunc());
        }
        Ok(NetList(nets))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// As the setting is written (`127.0.0.1/32, 10.0.0.0/8`), for
    /// `config check`.
    pub fn describe(&self) -> String {
        if self.0.is_empty() {
            return "(none)".to_owned();
        }
        self.0
            .iter()
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Is the address in the list? An IPv4 address seen as IPv4-mapped IPv6
    /// (`::ffff:192.0.2.1`, from a dual-stack socket) counts as itself.
    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        self.0.iter().any(|n| n.contains(&ip))
    }
}

fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6
            .to_ipv4_mapped()
            .map(IpAddr::V4)
            .unwrap_or(IpAddr::V6(v6)),
        v4 => v4,
    }
}

/// The forwarding headers of a request, as received (all lines of each).
#[derive(Debug, Default, Clone, Copy)]
pub struct Forwarding<'a> {
    pub x_forwarded_for: &'a [&'a str],
    pub forwarded: &'a [&'a str],
    pub x_forwarded_proto: &'a [&'a str],
}

/// Who the client is, as far as this server can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Client {
    /// `None` only when the server could not see its peer (never over TCP).
    pub ip: Option<IpAddr>,
    /// The client reached the edge over HTTPS.
    pub https: bool,
}

/// The client behind `peer`. `peer_https` is whether this server's own
/// connection was TLS.
pub fn resolve(
    peer: Option<IpAddr>,
    peer_https: bool,
    trusted: &NetList,
    headers: Forwarding<'_>,
) -> Client {
    let peer = peer.map(canonical);
    let Some(p) = peer.filter(|p| trusted.contains(*p)) else {
        return Client {
            ip: peer,
            https: peer_https,
        };
    };
    let hops = if !headers.x_forwarded_for.is_empty() {
        Some(x_forwarded_for(headers.x_forwarded_for))
    } else if !headers.forwarded.is_empty() {
        forwarded(headers.forwarded, "for").map(|v| {
            v.iter()
                .map(|f| f.as_deref().and_then(forwarded_node))
                .collect::<Vec<_>>()
        })
    } else {
        None
    };
    let ip = hops
        .map(|hops| right_most_untrusted(&hops, trusted).unwrap_or(p))
        .unwrap_or(p);
    let proto = if !headers.x_forwarded_proto.is_empty() {
        single(headers.x_forwarded_proto)
    } else {
        // The element the nearest proxy (the trusted peer) added.
        forwarded(headers.forwarded, "proto").and_then(|v| v.last().cloned().flatten())
    };
    let https = match proto.map(|p| p.to_ascii_lowercase()).as_deref() {
        Some("https") => true,
        Some("http") => false,
        _ => peer_https,
    };
    Client {
        ip: Some(ip),
        https,
    }
}

/// The right-most hop that is not a trusted proxy, read from the right:
/// only the entries the trusted proxies added are read, so nothing a client
/// writes at the front of the header (garbage, a hundred entries) can move
/// it. `None` when that hop cannot be read (the peer is used then); when
/// every hop read is trusted, the furthest one.
fn right_most_untrusted(hops: &[Option<IpAddr>], trusted: &NetList) -> Option<IpAddr> {
    let mut furthest = None;
    for hop in hops.iter().rev().take(MAX_HOPS) {
        let ip = canonical((*hop)?);
        if !trusted.contains(ip) {
            return Some(ip);
        }
        furthest = Some(ip);
    }
    furthest
}

/// Every line joined (several header lines are one list).
fn joined(lines: &[&str]) -> String {
    lines.join(",")
}

/// `X-Forwarded-For`: each entry, `None` where it is not a bare address.
fn x_forwarded_for(lines: &[&str]) -> Vec<Option<IpAddr>> {
    joined(lines)
        .split(',')
        .map(|h| h.trim().parse::<IpAddr>().ok())
        .collect()
}

/// The value of `key` in each element of `Forwarded` (RFC 7239), `None` in
/// an element without it or that cannot be read; `None` overall when there
/// is no such header.
fn forwarded(lines: &[&str], key: &str) -> Option<Vec<Option<String>>> {
    if lines.is_empty() {
        return None;
    }
    let all = joined(lines);
    Some(all.split(',').map(|e| element_value(e, key)).collect())
}

/// One element's value of `key`; `None` when absent or unreadable.
fn element_value(element: &str, key: &str) -> Option<String> {
    let mut value = None;
    for pair in element.split(';').map(str::trim) {
        let (k, v) = pair.split_once('=')?;
        if k.trim().eq_ignore_ascii_case(key) {
            let v = v.trim();
            let v = match v.strip_prefix('"') {
                Some(rest) => rest.strip_suffix('"')?,
                None => v,
            };
            value = Some(v.to_owned());
        }
    }
    value
}

/// A `for=` node: `192.0.2.1`, `192.0.2.1:4711`, `[2001:db8::1]` or
/// `[2001:db8::1]:4711` (RFC 7239 section 6). Obfuscated or `unknown`
/// nodes cannot be counted, so they refuse the header.
fn forwarded_node(v: &str) -> Option<IpAddr> {
    if let Some(rest) = v.strip_prefix('[') {
        let (ip, after) = rest.split_once(']')?;
        if !(after.is_empty() || valid_port(after.strip_prefix(':')?)) {
            return None;
        }
        return ip.parse::<std::net::Ipv6Addr>().ok().map(IpAddr::V6);
    }
    let ip = match v.split_once(':') {
        Some((ip, port)) if valid_port(port) => ip,
        Some(_) => return None,
        None => v,
    };
    ip.parse::<std::net::Ipv4Addr>().ok().map(IpAddr::V4)
}

fn valid_port(p: &str) -> bool {
    !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit())
}

/// A header that must hold one value: `None` for a list or nothing.
fn single(lines: &[&str]) -> Option<String> {
    match lines {
        [one] if !one.contains(',') && !one.trim().is_empty() => Some(one.trim().to_owned()),
        _ => None,
    }
}

/// The client of an actix request, by the rules above.
pub fn of_request(req: &actix_web::HttpRequest, trusted: &NetList) -> Client {
    fn lines<'a>(req: &'a actix_web::HttpRequest, name: &str) -> Vec<&'a str> {
        req.headers()
            .get_all(name)
            // A header that is not text is kept as garbage, so it refuses
            // the whole header rather than vanishing.
            .map(|v| v.to_str().unwrap_or("\u{1}"))
            .collect()
    }
    let xff = lines(req, "x-forwarded-for");
    let fwd = lines(req, "forwarded");
    let proto = lines(req, "x-forwarded-proto");
    resolve(
        req.peer_addr().map(|a| a.ip()),
        req.app_config().secure(),
        trusted,
        Forwarding {
            x_forwarded_for: &xff,
            forwarded: &fwd,
            x_forwarded_proto: &proto,
        },
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    fn nets(s: &str) -> NetList {
        NetList::parse(s).unwrap()
    }

    fn xff(peer: &str, trusted: &str, header: &[&str]) -> IpAddr {
        resolve(
            Some(ip(peer)),
            false,
            &nets(trusted),
            Forwarding {
                x_forwarded_for: header,
                ..Default::default()
            },
        )
        .ip
        .unwrap()
    }

    fn fwd(peer: &str, trusted: &str, header: &[&str]) -> Client {
        resolve(
            Some(ip(peer)),
            false,
            &nets(trusted),
            Forwarding {
                forwarded: header,
                ..Default::default()
            },
        )
    }

    #[test]
    fn lists_parse_addresses_and_ranges_of_both_families() {
        let l = nets(" 10.0.0.0/8, 192.0.2.1 ,fd00::/8, ::1");
        assert!(l.contains(ip("10.200.3.4")));
        assert!(l.contains(ip("192.0.2.1")));
        assert!(!l.contains(ip("192.0.2.2")));
        assert!(l.contains(ip("fd12::5")));
        assert!(l.contains(ip("::1")));
        assert!(!l.contains(ip("2001:db8::1")));
        // A dual-stack socket's view of an IPv4 peer.
        assert!(l.contains(ip("::ffff:10.1.1.1")));
        assert!(nets("").is_empty());
        assert!(NetList::parse("10.0.0.0/33").is_err());
        assert!(NetList::parse("proxy.example").is_err());
        assert!(NetList::parse("10.0.0.1:80").is_err());
    }

    #[test]
    fn an_untrusted_peer_is_the_client_whatever_it_claims() {
        assert_eq!(
            xff("198.51.100.9", "", &["203.0.113.7"]),
            ip("198.51.100.9")
        );
        assert_eq!(
            xff("198.51.100.9", "127.0.0.1", &["203.0.113.7"]),
            ip("198.51.100.9")
        );
        let c = resolve(
            Some(ip("198.51.100.9")),
            false,
            &nets("127.0.0.1"),
            Forwarding {
                x_forwarded_proto: &["https"],
                forwarded: &["for=203.0.113.7;proto=https"],
                ..Default::default()
            },
        );
        assert_eq!(c.ip, Some(ip("198.51.100.9")));
        assert!(!c.https);
    }

    #[test]
    fn a_trusted_peer_names_the_right_most_untrusted_hop() {
        let t = "127.0.0.1, 10.0.0.0/8";
        assert_eq!(xff("127.0.0.1", t, &["203.0.113.7"]), ip("203.0.113.7"));
        // The client wrote the first entry itself; the proxies the rest.
        assert_eq!(
            xff("127.0.0.1", t, &["1.2.3.4, 203.0.113.7, 10.1.1.1"]),
            ip("203.0.113.7")
        );
        // Several header lines are one list.
        assert_eq!(
            xff("127.0.0.1", t, &["1.2.3.4", "203.0.113.8"]),
            ip("203.0.113.8")
        );
        assert_eq!(xff("127.0.0.1", t, &["2001:db8::7"]), ip("2001:db8::7"));
        // Every hop trusted: the furthest one.
        assert_eq!(xff("127.0.0.1", t, &["10.0.0.5, 10.0.0.6"]), ip("10.0.0.5"));
        // No header: the proxy itself.
        assert_eq!(xff("127.0.0.1", t, &[]), ip("127.0.0.1"));
    }

    #[test]
    fn a_malformed_hop_where_the_client_should_be_gives_the_peer() {
        let peer = "127.0.0.1";
        for bad in [
            "garbage",
            "",
            " ",
            "203.0.113.7,",
            "1.2.3.4, garbage",
            "203.0.113.7:4711",
            "[2001:db8::1]",
            "[2001:db8::1]:80",
            "unknown",
            "203.0.113.7 1.2.3.4",
            "999.1.1.1",
            "203.0.113.7\u{1}",
        ] {
            assert_eq!(xff(peer, peer, &[bad]), ip(peer), "{bad:?}");
        }
    }

    #[test]
    fn what_a_client_writes_in_front_of_its_proxy_changes_nothing() {
        // nginx appends the address it saw to whatever the client sent: the
        // client's own part is never read, however odd, so no client can
        // make its guesses count against the proxy's address (everyone's).
        let peer = "127.0.0.1";
        for front in [
            "garbage".to_owned(),
            String::new(),
            "203.0.113.7:4711".to_owned(),
            vec!["198.51.100.1"; MAX_HOPS * 4].join(","),
            " ".repeat(4096),
            "\u{1}".to_owned(),
        ] {
            let header = format!("{front},203.0.113.7");
            assert_eq!(xff(peer, peer, &[&header]), ip("203.0.113.7"), "{front:?}");
            assert_eq!(
                xff(peer, peer, &[&front, "203.0.113.7"]),
                ip("203.0.113.7"),
                "{front:?} as its own line"
            );
        }
        // A chain longer than any real one: the furthest hop read.
        let proxies = vec!["10.0.0.1"; MAX_HOPS + 4].join(",");
        assert_eq!(
            xff(
                peer,
                "127.0.0.1, 10.0.0.0/8",
                &[&format!("203.0.113.7,{proxies}")]
            ),
            ip("10.0.0.1")
        );
    }

    #[test]
    fn forwarded_for_follows_the_same_rules() {
        let t = "127.0.0.1";
        assert_eq!(
            fwd(
                "127.0.0.1",
                t,
                &["for=1.2.3.4, for=\"203.0.113.7:4711\";proto=https"]
            )
            .ip,
            Some(ip("203.0.113.7"))
        );
        assert_eq!(
            fwd("127.0.0.1", t, &["for=\"[2001:db8::7]:80\""]).ip,
            Some(ip("2001:db8::7"))
        );
        assert_eq!(
            fwd("127.0.0.1", t, &["For=203.0.113.7, for=127.0.0.1"]).ip,
            Some(ip("203.0.113.7"))
        );
        for bad in [
            "for=_hidden",
            "for=unknown",
            "for=2001:db8::1",
            "for=\"203.0.113.7",
            "nonsense",
            "proto=https",
            "for=203.0.113.7:port",
            "for=203.0.113.7, for=_hidden",
        ] {
            assert_eq!(
                fwd("127.0.0.1", t, &[bad]).ip,
                Some(ip("127.0.0.1")),
                "{bad:?}"
            );
        }
        assert_eq!(
            fwd("198.51.100.9", "", &["for=203.0.113.7"]).ip,
            Some(ip("198.51.100.9"))
        );
        // The client's own elements, in front, are never read.
        assert_eq!(
            fwd(
                "127.0.0.1",
                t,
                &["for=_hidden;by=x, nonsense, for=203.0.113.7"]
            )
            .ip,
            Some(ip("203.0.113.7"))
        );
    }

    #[test]
    fn the_scheme_comes_from_a_trusted_peer_only() {
        let https = |peer: &str, trusted: &str, xfp: &[&str], fwd: &[&str]| {
            resolve(
                Some(ip(peer)),
                false,
                &nets(trusted),
                Forwarding {
                    x_forwarded_proto: xfp,
                    forwarded: fwd,
                    ..Default::default()
                },
            )
            .https
        };
        assert!(https("127.0.0.1", "127.0.0.1", &["https"], &[]));
        assert!(https("127.0.0.1", "127.0.0.1", &["HTTPS"], &[]));
        assert!(!https("127.0.0.1", "127.0.0.1", &["http"], &[]));
        assert!(!https("127.0.0.1", "127.0.0.1", &["https, http"], &[]));
        assert!(!https("127.0.0.1", "127.0.0.1", &["gopher"], &[]));
        assert!(!https("127.0.0.1", "", &["https"], &[]));
        assert!(https(
            "127.0.0.1",
            "127.0.0.1",
            &[],
            &["for=1.2.3.4;proto=https"]
        ));
        assert!(!https("127.0.0.1", "", &[], &["for=1.2.3.4;proto=https"]));
        // The nearest proxy's element decides.
        assert!(!https(
            "127.0.0.1",
            "127.0.0.1",
            &[],
            &["proto=https, proto=http"]
        ));
    }

    #[test]
    fn mapped_ipv4_peers_are_plain_ipv4() {
        let c = resolve(
            Some(ip("::ffff:127.0.0.1")),
            false,
            &nets("127.0.0.1"),
            Forwarding {
                x_forwarded_for: &["203.0.113.7"],
                ..Default::default()
            },
        );
        assert_eq!(c.ip, Some(ip("203.0.113.7")));
        let c = resolve(
            Some(ip("::ffff:192.0.2.1")),
            false,
            &nets(""),
            Forwarding::default(),
        );
        assert_eq!(c.ip, Some(ip("192.0.2.1")));
    }
}
