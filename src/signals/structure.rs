//! Structure of the address itself: IP hosts, hidden destinations, unusual
//! ports, plain http or disguised paths on pages that ask for credentials, and
//! the path and query shapes of phishing kits.

use crate::target::Target;
use crate::verdict::Reason;

/// Path words that mean "this page asks you to sign in or pay".
const CREDENTIAL_WORDS: &[&str] = &[
    "login", "signin", "sign-in", "logon", "verify", "account", "password", "webscr", "billing", "payment", "card",
];

/// Path words of pages that ask for credentials under a pretext: the sign-in
/// words plus the "your account needs attention" vocabulary phishing kits use.
const BAIT_PATH_WORDS: &[&str] = &[
    "login", "signin", "sign-in", "logon", "verify", "verification", "webscr", "authenticate", "confirm", "unlock",
    "suspend", "suspended", "recover", "restore", "update", "secure", "billing", "payment", "wallet", "seed",
];

/// Name endings that make a path segment read as a host (`signin.att.com`).
const HOST_ENDINGS: &[&str] = &["com", "jp"];

/// Ports web servers answer on by default or by long convention.
const USUAL_PORTS: &[u16] = &[80, 443, 8080, 8443];

/// Percent-escaped letters or digits (which never need escaping) in the path
/// from which the path reads as disguised.
const ENCODED_ALNUM: usize = 3;

/// A query made of one bare token (`/?fuihhyra`): how kits tag their victims.
const BARE_QUERY_LEN: std::ops::RangeInclusive<usize> = 4..=16;

pub(super) fn signals(t: &Target, out: &mut Vec<Reason>) {
    if t.ip {
        out.push(Reason::new("ip-host"));
    }
    if t.url.userinfo.as_deref().is_some_and(|u| !u.is_empty()) {
        out.push(Reason::new("userinfo"));
    }
    if let Some(port) = t.url.port.filter(|p| !USUAL_PORTS.contains(p)) {
        out.push(Reason::new("unusual-port").detail(port.to_string()));
    }
    let path = t.url.path.to_ascii_lowercase();
    if t.url.scheme == "http" && CREDENTIAL_WORDS.iter().any(|w| path.contains(w)) {
        out.push(Reason::new("http-credentials"));
    }
    if let Some(word) = bait_path_word(&path) {
        out.push(Reason::new("bait-path").detail(word));
    }
    if encoded_alnum(&t.url.path) >= ENCODED_ALNUM {
        out.push(Reason::new("encoded-path"));
    }
    if path == "/" && t.url.query.as_deref().is_some_and(bare_token) {
        out.push(Reason::new("bare-query"));
    }
    if kit_path(&path) {
        out.push(Reason::new("kit-path"));
    }
}

/// Where phishing kits hide on hacked sites: pages under `/.well-known/` (which
/// holds machine-read files, never pages for people), or a folder named like
/// another site's host (`/signin.att.com/`, `/www.godaddy.com.validation/`).
fn kit_path(path: &str) -> bool {
    let well_known = path
        .strip_prefix("/.well-known/")
        .is_some_and(|rest| !rest.starts_with("acme-challenge/") && rest.contains('/'));
    well_known
        || path.split('/').any(|segment| {
            let mut parts = segment.split('.');
            parts.next().is_some_and(|first| !first.is_empty()) && parts.any(|p| HOST_ENDINGS.contains(&p))
        })
}

/// The first bait word that is a whole word of the path (`/secure/login.php`),
/// so that `/blog/logos` does not count.
fn bait_path_word(path: &str) -> Option<&'static str> {
    path.split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .find_map(|word| BAIT_PATH_WORDS.iter().copied().find(|w| *w == word))
}

/// How many `%XX` escapes in `s` encode an ASCII letter or digit.
fn encoded_alnum(s: &str) -> usize {
    s.as_bytes()
        .windows(3)
        .filter(|w| w[0] == b'%')
        .filter_map(|w| std::str::from_utf8(&w[1..]).ok().and_then(|h| u8::from_str_radix(h, 16).ok()))
        .filter(|b| b.is_ascii_alphanumeric())
        .count()
}

/// A query that is one bare lower-case token, no `key=value`.
fn bare_token(q: &str) -> bool {
    BARE_QUERY_LEN.contains(&q.len()) && q.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(url: &str) -> Vec<&'static str> {
        let mut out = Vec::new();
        signals(&Target::parse(url).unwrap(), &mut out);
        out.into_iter().map(|r| r.code).collect()
    }

    #[test]
    fn ip_host() {
        assert_eq!(codes("https://192.168.10.4/"), ["ip-host"]);
        assert!(codes("https://example.com/").is_empty());
    }

    #[test]
    fn userinfo_hides_destination() {
        assert!(codes("https://www.amazon.co.jp@evil.example/").contains(&"userinfo"));
    }

    #[test]
    fn plain_http_login() {
        assert_eq!(codes("http://shop.example/login"), ["http-credentials", "bait-path"]);
        assert_eq!(codes("https://shop.example/login"), ["bait-path"]);
        assert!(codes("http://shop.example/news").is_empty());
    }
}
