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

use super::hash::{hash64, hash64_pieces};
use super::store::CompiledList;
use crate::canon;
use crate::domain;
use crate::pasted;
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
    let refanged = pasted::refang(s);
    s = &refanged;
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

/// The expression hashes a URL is looked up by, in the two sets lists need.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Probes {
    /// Every expression: host suffixes × path prefixes, most specific first.
    pub all: Vec<u64>,
    /// The host suffixes' `host/` expressions alone, which are all a
    /// hosts-only list can hold.
    pub hosts: Vec<u64>,
}

impl Probes {
    /// The hashes worth looking up in `list`: its entries can only equal
    /// these (a hosts-only list holds no path, so only `host/` can match).
    pub fn for_list(&self, list: &CompiledList) -> &[u64] {
        if list.hosts_only() {
            &self.hosts
        } else {
            &self.all
        }
    }
}

/// The hashes of every expression of `target` that a list entry may match:
/// its host suffixes within `site` (only the exact host for an IP or a host
/// without a site), each with its path prefixes. `site` is the registrable
/// domain, or on a hosting platform the user's site, so that an entry naming
/// the platform (`weebly.com` on a trust list) does not cover its users' sites.
pub fn probe_hashes(target: &Target, site: Option<&str>) -> Probes {
    let mut out = Probes { all: Vec::with_capacity(30), hosts: Vec::with_capacity(5) };
    probe_hashes_into(target, site, &mut out);
    out
}

/// [`probe_hashes`] into buffers the caller keeps (cleared first). No
/// expression string is built: the host (or suffix), path and query are laid
/// out once per host in a stack buffer, and every expression of that host is
/// a prefix of it, since its path is a prefix of the URL's path. URLs too long
/// for the buffer hash each expression from its pieces.
pub fn probe_hashes_into(target: &Target, site: Option<&str>, out: &mut Probes) {
    out.all.clear();
    out.hosts.clear();
    let url = &target.url;
    let host = url.host.as_str();
    let min_len = match (site, target.ip) {
        (Some(site), false) => site.len(),
        _ => host.len(),
    };
    let parts = canon::ExpressionParts::new(url);
    let mut buf = [0u8; 512];
    for &h in parts.hosts().iter().filter(|h| h.len() >= min_len) {
        let laid = [h, url.path.as_str(), if url.query.is_some() { "?" } else { "" }, url.query.as_deref().unwrap_or("")];
        let fits = lay_out(&mut buf, &laid);
        for e in parts.iter().filter(|e| std::ptr::eq(e.host, h)) {
            let hash = match fits {
                Some(full) => hash64(&full[..e.len()]),
                None => hash64_pieces(e.pieces().map(str::as_bytes)),
            };
            out.all.push(hash);
            // `host/`: every URL has it (its path prefixes start with `/`).
            if e.len() == h.len() + 1 {
                out.hosts.push(hash);
            }
        }
    }
}

/// Writes `pieces` one after another into `buf`; the written part, or `None`
/// when they do not fit.
fn lay_out<'b>(buf: &'b mut [u8], pieces: &[&str]) -> Option<&'b [u8]> {
    let mut at = 0;
    for p in pieces {
        let end = at + p.len();
        buf.get_mut(at..end)?.copy_from_slice(p.as_bytes());
        at = end;
    }
    buf.get(..at)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lookup hashes are those of the expression strings a compiled list holds.
    #[test]
    fn probes_hash_the_expression_strings() {
        let long = format!("https://a.b.evil.example.co.jp/x/y/{}?q={}", "p".repeat(300), "v".repeat(300));
        for url in [long.as_str(), "https://a.b.evil.example.co.jp/x/y/z?q=1", "http://abc.pages.dev/", "http://192.0.2.7/a/b", "evil.example", "http://[2001:db8::1]/p?x"] {
            let t = Target::parse(url).unwrap();
            let min = if t.ip { t.url.host.len() } else { t.site.as_ref().map_or(t.url.host.len(), String::len) };
            let want: Vec<u64> = canon::expressions(&t.url)
                .iter()
                .filter(|e| e.split('/').next().unwrap_or("").len() >= min)
                .map(|e| hash64(e.as_bytes()))
                .collect();
            let probes = probe_hashes(&t, t.site.as_deref());
            assert_eq!(probes.all, want, "{url}");
            assert!(!want.is_empty());
            // One `host/` expression per host suffix, each among them all.
            let hosts: Vec<u64> = canon::expressions(&t.url)
                .iter()
                .filter(|e| e.split('/').next().unwrap_or("").len() >= min && e.ends_with('/') && e.matches('/').count() == 1)
                .map(|e| hash64(e.as_bytes()))
                .collect();
            assert_eq!(probes.hosts, hosts, "{url}");
            assert!(!hosts.is_empty());
        }
    }

    #[test]
    fn entries() {
        assert_eq!(entry_expression("evil.example").as_deref(), Some("evil.example/"));
        assert_eq!(entry_expression("*.evil.example").as_deref(), Some("evil.example/"));
        assert_eq!(entry_expression("||evil.example^").as_deref(), Some("evil.example/"));
        assert_eq!(entry_expression("hxxp://evil[.]example/a").as_deref(), Some("evil.example/a"));
        assert_eq!(entry_expression("hXXps[:]//evil(.)example/a").as_deref(), Some("evil.example/a"));
        assert_eq!(entry_expression("https://Evil.Example/login/?x=1").as_deref(), Some("evil.example/login/"));
        assert_eq!(entry_expression("localhost"), None);
        assert_eq!(entry_expression("two words"), None);
        assert_eq!(entry_expression("javascript://x.example/"), None);
        assert_eq!(entry_expression("a*b.example"), None);
        assert_eq!(entry_expression(""), None);
    }
}
