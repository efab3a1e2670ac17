//! Structure of the address itself: IP hosts, hidden destinations, unusual
//! ports, plain http on pages that ask for credentials, and the path and query
//! shapes of phishing kits. Paths arrive canonical (fully unescaped), so
//! `%6c%6f%67%69%6e` is already `login` here.

use std::borrow::Cow;

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

/// The shortest and longest of [`BAIT_PATH_WORDS`], to skip other words quickly.
const BAIT_WORD_LEN: std::ops::RangeInclusive<usize> = 4..=12;

/// Name endings that make a path segment read as a host (`signin.att.com`).
const HOST_ENDINGS: &[&str] = &["com", "jp"];

/// Ports web servers answer on by default or by long convention.
const USUAL_PORTS: &[u16] = &[80, 443, 8080, 8443];

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
    let path = lower(&t.url.path);
    if t.url.scheme == "http" && CREDENTIAL_WORDS.iter().any(|w| path.contains(w)) {
        out.push(Reason::new("http-credentials"));
    }
    if let Some(word) = bait_path_word(&path) {
        out.push(Reason::new("bait-path").detail(word));
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
    well_known || host_like(path)
}

/// Whether some path segment reads as a host: a name, then a host ending as a
/// whole dot-separated part (`signin.att.com`, not `.com` or `notes.compact`).
/// One pass over the bytes, remembering where the current segment starts.
fn host_like(path: &str) -> bool {
    let bytes = path.as_bytes();
    let mut segment_start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'/' => segment_start = i + 1,
            b'.' if i > segment_start && bytes[segment_start] != b'.' => {
                let rest = &bytes[i + 1..];
                let ends = HOST_ENDINGS.iter().any(|e| {
                    rest.starts_with(e.as_bytes()) && rest.get(e.len()).is_none_or(|&b| b == b'.' || b == b'/')
                });
                if ends {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// `s` in lower case, copied only when it has upper-case letters.
fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

/// The first bait word that is a whole word of the path (`/secure/login.php`),
/// so that `/blog/logos` does not count.
fn bait_path_word(path: &str) -> Option<&'static str> {
    path.as_bytes()
        .split(|&b| !b.is_ascii_alphanumeric() && b != b'-')
        .filter(|word| BAIT_WORD_LEN.contains(&word.len()))
        .find_map(|word| BAIT_PATH_WORDS.iter().copied().find(|w| w.as_bytes() == word))
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
    fn bait_word_lengths_cover_the_list() {
        assert!(BAIT_PATH_WORDS.iter().all(|w| BAIT_WORD_LEN.contains(&w.len())));
    }

    #[test]
    fn host_like_segments() {
        assert!(host_like("/signin.att.com"));
        assert!(host_like("/a/www.godaddy.com.validation/x.html"));
        assert!(host_like("/shop.example.jp/"));
        assert!(!host_like("/.com/"));
        assert!(!host_like("/x/.hidden.com"));
        assert!(!host_like("/notes.compact"));
        assert!(!host_like("/index.html"));
    }

    #[test]
    fn plain_http_login() {
        assert_eq!(codes("http://shop.example/login"), ["http-credentials", "bait-path"]);
        assert_eq!(codes("https://shop.example/login"), ["bait-path"]);
        assert!(codes("http://shop.example/news").is_empty());
    }
}
