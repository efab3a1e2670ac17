//! From feed entries and URLs to the expressions the store holds.
//!
//! A list entry is a Safe Browsing expression, `host/` or `host/path`: it names
//! a host and everything under it, or one path prefix (`evil.example/login/`)
//! or one exact path. A URL is looked up by all of its host-suffix ×
//! path-prefix expressions (`crate::canon::expressions`), but only with host
//! suffixes that stay within its own site: the registrable domain, which for a
//! hosting platform (PSL private section) is the customer's own name
//! (`abc.pages.dev`). So an entry never reaches across sites, and an entry
//! that is a bare public suffix (`pages.dev`, `github.io`, `co.jp`) is refused:
//! it would block, or trust, every customer of a platform.

use super::hash::hash64;
use crate::canon;
use crate::domain;
use crate::target::Target;

/// Longest feed entry considered; longer ones are garbage.
const MAX_ENTRY: usize = 4096;

/// The expression a feed entry stands for (`host/` or `host/path`, no query),
/// or `None` when the entry is not usable: not a URL or domain, a bare public
/// suffix, a single label such as `localhost`, or a scheme that is not the web.
pub fn entry_expression(raw: &str) -> Option<String> {
    let mut s = raw.trim().trim_matches('"').trim();
    if s.is_empty() || s.len() > MAX_ENTRY || s.contains(char::is_whitespace) {
        return None;
    }
    // Adblock-style `||host^` and wildcards `*.host`, `.host`.
    s = s.strip_prefix("||").unwrap_or(s);
    s = s.strip_suffix('^').unwrap_or(s);
    s = s.strip_prefix("*.").unwrap_or(s);
    s = s.strip_prefix('.').unwrap_or(s);
    if s.contains('*') {
        return None;
    }
    let refanged;
    if s.contains("[.]") || s.starts_with("hxxp") {
        refanged = refang(s);
        s = &refanged;
    }
    if let Some(i) = s.find("://") {
        let scheme = s[..i].to_ascii_lowercase();
        if !matches!(scheme.as_str(), "http" | "https") {
            return None;
        }
    }
    let url = canon::canonicalize(s).ok()?;
    let parts = domain::split(&url.host);
    if parts.registrable.is_none() && !parts.ip {
        return None;
    }
    Some(format!("{}{}", url.host, url.path))
}

/// Undoes the usual "defanging" of threat feeds (`hxxp://`, `evil[.]example`).
fn refang(s: &str) -> String {
    let s = s.replace("[.]", ".");
    match s.strip_prefix("hxxp") {
        Some(rest) => format!("http{rest}"),
        None => s,
    }
}

/// The hashes of every expression of `target` that a list entry may match:
/// its host suffixes within its own site (only the exact host for an IP or a
/// host without a registrable domain), each with its path prefixes.
pub fn probe_hashes(target: &Target) -> Vec<u64> {
    let host = target.url.host.as_str();
    let min_len = match (&target.site, target.ip) {
        (Some(site), false) => site.len(),
        _ => host.len(),
    };
    canon::expressions(&target.url)
        .iter()
        .filter(|e| {
            let h = e.split('/').next().unwrap_or("");
            h.len() >= min_len && host.ends_with(h) && (h.len() == host.len() || host.as_bytes()[host.len() - h.len() - 1] == b'.')
        })
        .map(|e| hash64(e.as_bytes()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries() {
        assert_eq!(entry_expression("evil.example").as_deref(), Some("evil.example/"));
        assert_eq!(entry_expression("*.evil.example").as_deref(), Some("evil.example/"));
        assert_eq!(entry_expression("||evil.example^").as_deref(), Some("evil.example/"));
        assert_eq!(entry_expression("hxxp://evil[.]example/a").as_deref(), Some("evil.example/a"));
        assert_eq!(entry_expression("https://Evil.Example/login/?x=1").as_deref(), Some("evil.example/login/"));
        assert_eq!(entry_expression("localhost"), None);
        assert_eq!(entry_expression("two words"), None);
        assert_eq!(entry_expression("javascript://x.example/"), None);
        assert_eq!(entry_expression("a*b.example"), None);
        assert_eq!(entry_expression(""), None);
    }
}
