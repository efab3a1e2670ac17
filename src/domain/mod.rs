//! Hosts: where the registrable domain ("site") ends, IDN, IP literals.
//!
//! PLACEHOLDER IMPLEMENTATION: the interface is final, the body is being
//! replaced by the Public Suffix List table and RFC 3492 punycode.

/// A host split at its public suffix.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HostParts<'a> {
    /// The public suffix (`co.jp`, `pages.dev`), or the whole host for an IP.
    pub suffix: &'a str,
    /// Suffix plus one label (`example.co.jp`, `abc.pages.dev`); `None` for an IP
    /// literal, a bare suffix or a single label.
    pub registrable: Option<&'a str>,
    /// Whether the suffix comes from the list's PRIVATE section (hosting platforms).
    pub private_suffix: bool,
    /// Whether the host is an IPv4 or IPv6 literal.
    pub ip: bool,
}

/// Splits a canonical (lower-case ASCII) host at its public suffix.
pub fn split(host: &str) -> HostParts<'_> {
    let ip = is_ip(host);
    if ip {
        return HostParts { suffix: host, registrable: None, private_suffix: false, ip };
    }
    let labels: Vec<&str> = host.split('.').collect();
    let suffix_start = host.len() - labels.last().map_or(0, |l| l.len());
    let suffix = &host[suffix_start..];
    let registrable = if labels.len() >= 2 {
        let n = labels.len();
        let len = labels[n - 2].len() + 1 + labels[n - 1].len();
        Some(&host[host.len() - len..])
    } else {
        None
    };
    HostParts { suffix, registrable, private_suffix: false, ip }
}

/// Whether a canonical host is an IPv4 dotted-decimal or bracketed IPv6 literal.
pub fn is_ip(host: &str) -> bool {
    host.starts_with('[') || (host.split('.').count() == 4 && host.split('.').all(|p| p.parse::<u8>().is_ok()))
}

/// Converts a lower-case host to its ASCII form (punycode labels); `None` when a
/// label cannot be encoded.
pub fn to_ascii(host: &str) -> Option<String> {
    if host.is_ascii() {
        Some(host.to_string())
    } else {
        None
    }
}

/// Converts an ASCII host to the form a person reads (punycode labels decoded).
pub fn to_unicode(host: &str) -> String {
    host.to_string()
}
