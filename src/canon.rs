//! URL canonicalization and lookup expressions, following the Safe Browsing
//! "URLs and Hashing" rules.
//!
//! PLACEHOLDER IMPLEMENTATION: the interface is final, the body is being
//! replaced by the full spec implementation with its published test vectors.

use std::fmt;

/// A URL in Safe Browsing canonical form, split into the parts signals need.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CanonUrl {
    /// Lower-case scheme, `http` when the input had none.
    pub scheme: String,
    /// The `user:pass` part before an `@`, if the input had one (kept for signals;
    /// not part of the canonical string).
    pub userinfo: Option<String>,
    /// Canonical host: lower-case ASCII (IDN as punycode), dots trimmed and
    /// collapsed, IPv4 in dotted decimal.
    pub host: String,
    /// An explicit port that is not the scheme's default.
    pub port: Option<u16>,
    /// Canonical path, always starting with `/`.
    pub path: String,
    /// The query without its `?`, if there was one.
    pub query: Option<String>,
}

/// Why an input could not be canonicalized.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CanonError {
    /// Nothing but whitespace.
    Empty,
    /// Longer than the engine accepts.
    TooLong,
    /// No host could be found.
    NoHost,
    /// The host has characters no host can have.
    BadHost,
    /// The port is not a number from 0 to 65535.
    BadPort,
}

impl fmt::Display for CanonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            CanonError::Empty => "empty URL",
            CanonError::TooLong => "URL too long",
            CanonError::NoHost => "URL has no host",
            CanonError::BadHost => "URL host is not valid",
            CanonError::BadPort => "URL port is not valid",
        })
    }
}

impl std::error::Error for CanonError {}

/// Inputs longer than this are refused rather than processed.
pub const MAX_URL_LEN: usize = 64 * 1024;

impl CanonUrl {
    /// The canonical URL string (`scheme://host[:port]/path[?query]`).
    pub fn to_canonical_string(&self) -> String {
        let mut s = format!("{}://{}", self.scheme, self.host);
        if let Some(p) = self.port {
            s.push_str(&format!(":{p}"));
        }
        s.push_str(&self.path);
        if let Some(q) = &self.query {
            s.push('?');
            s.push_str(q);
        }
        s
    }
}

/// Canonicalizes a URL or bare domain as Safe Browsing does.
pub fn canonicalize(input: &str) -> Result<CanonUrl, CanonError> {
    if input.len() > MAX_URL_LEN {
        return Err(CanonError::TooLong);
    }
    let s: String = input.trim().chars().filter(|c| !matches!(c, '\t' | '\r' | '\n')).collect();
    if s.is_empty() {
        return Err(CanonError::Empty);
    }
    let s = s.split('#').next().unwrap_or("");
    let (scheme, rest) = match s.find("://") {
        Some(i) if s[..i].chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)) && i > 0 => {
            (s[..i].to_ascii_lowercase(), &s[i + 3..])
        }
        _ => ("http".to_string(), s),
    };
    let end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let (userinfo, hostport) = match authority.rfind('@') {
        Some(i) => (Some(authority[..i].to_string()), &authority[i + 1..]),
        None => (None, authority),
    };
    let (host, port) = match hostport.rfind(':') {
        Some(i) if !hostport.ends_with(']') => {
            let p = &hostport[i + 1..];
            let port = if p.is_empty() { None } else { Some(p.parse::<u16>().map_err(|_| CanonError::BadPort)?) };
            (&hostport[..i], port)
        }
        _ => (hostport, None),
    };
    let host = host.trim_matches('.').to_lowercase();
    if host.is_empty() {
        return Err(CanonError::NoHost);
    }
    let host = crate::domain::to_ascii(&host).ok_or(CanonError::BadHost)?;
    let (path, query) = match tail.split_once('?') {
        Some((p, q)) => (p, Some(q.to_string())),
        None => (tail, None),
    };
    let path = if path.is_empty() { "/".to_string() } else { path.to_string() };
    let port = port.filter(|p| !matches!((scheme.as_str(), p), ("http", 80) | ("https", 443)));
    Ok(CanonUrl { scheme, userinfo, host, port, path, query })
}

/// The host-suffix × path-prefix expressions a list entry can match, most
/// specific first (at most 5 hosts × 6 paths).
pub fn expressions(url: &CanonUrl) -> Vec<String> {
    vec![format!("{}{}", url.host, url.path), format!("{}/", url.host)]
}
