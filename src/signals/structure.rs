//! Structure of the address itself: IP hosts, hidden destinations, unusual
//! ports, plain http on pages that ask for credentials, and the path and query
//! shapes of phishing kits. Paths arrive canonical (fully unescaped), so
//! `%6c%6f%67%69%6e` is already `login` here.

use std::borrow::Cow;

use super::words::{self, Words};
use crate::target::Target;
use crate::verdict::Reason;

/// Path words that mean "this page asks you to sign in or pay".
const CREDENTIAL_WORDS: &[&str] = &[
    "login", "signin", "sign-in", "logon", "verify", "account", "password", "webscr", "billing", "payment", "card",
];
/// [`CREDENTIAL_WORDS`] indexed for one scan of the path.
const CREDENTIALS: Words = Words::new(CREDENTIAL_WORDS);

/// Path words of pages that ask for credentials under a pretext: the sign-in
/// words plus the "your account needs attention" vocabulary phishing kits use.
const BAIT_PATH_WORDS: &[&str] = &[
    "login", "signin", "sign-in", "logon", "verify", "verification", "webscr", "authenticate", "confirm", "unlock",
    "suspend", "suspended", "recover", "restore", "update", "secure", "billing", "payment", "wallet", "seed",
];

/// [`BAIT_PATH_WORDS`] indexed for whole-word lookups.
const BAIT_PATH: Words = Words::new(BAIT_PATH_WORDS);

/// The shortest and longest of [`BAIT_PATH_WORDS`], to skip other words quickly.
const BAIT_WORD_LEN: std::ops::RangeInclusive<usize> = 4..=12;

/// Name endings that make a path segment read as a host (`signin.att.com`).
const HOST_ENDINGS: &[&str] = &["com", "jp"];

/// Ports web servers answer on by default or by long convention.
const USUAL_PORTS: &[u16] = &[80, 443, 8080, 8443];

/// A query made of one bare token (`/?fuihhyra`): how kits tag their victims.
const BARE_QUERY_LEN: std::ops::RangeInclusive<usize> = 4..=16;

/// `on_shortener`: the host is a link shortener, whose links are link ids
/// by design (`url-shortener` says so), so `link-id-path` would contradict it.
pub(super) fn signals(t: &Target, on_shortener: bool, out: &mut Vec<Reason>) {
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
    if t.url.scheme == "http" && CREDENTIALS.first_in(&path).is_some() {
        out.push(Reason::new("http-credentials"));
    }
    if let Some(word) = bait_path_word(&path) {
        out.push(Reason::new("bait-path").detail(word));
    }
    if path == "/" && t.url.query.as_deref().is_some_and(bare_token) {
        out.push(Reason::new("bare-query"));
    }
    if kit_path(&path, t.site.as_deref().unwrap_or("")) {
        out.push(Reason::new("kit-path"));
    }
    if !on_shortener && link_id_path(&t.url.path) {
        out.push(Reason::new("link-id-path"));
    }
}

/// How long a short-link id is (`/wKe4t`, `/k7PqW2xZ9v`).
const LINK_ID_LEN: std::ops::RangeInclusive<usize> = 5..=12;

/// Whether the whole path is one short-link style id: letters of both cases
/// (and digits) in an order no word takes (`/k7PqW2xZ9v`, `/QZRTa/`). Kits
/// mint these per victim on hosts that are no link shortener; a real page's
/// one-segment path is a word, `CamelCase` words or a number.
fn link_id_path(path: &str) -> bool {
    let Some(rest) = path.strip_prefix('/') else { return false };
    let id = rest.strip_suffix('/').unwrap_or(rest).as_bytes();
    LINK_ID_LEN.contains(&id.len())
        && id.iter().all(u8::is_ascii_alphanumeric)
        && id.iter().any(u8::is_ascii_uppercase)
        && id.iter().any(u8::is_ascii_lowercase)
        && !word_like(id)
}

/// Whether `s` (ASCII letters and digits) reads as words: an optional
/// lower-case word, then capitalised words or acronyms (`iPhone`,
/// `ChangePassword`, `NYCBallet`, `PDF`), then optionally a number.
fn word_like(s: &[u8]) -> bool {
    let mut i = s.iter().take_while(|b| b.is_ascii_lowercase()).count();
    while i < s.len() {
        if s[i].is_ascii_digit() {
            return s[i..].iter().all(u8::is_ascii_digit);
        }
        let caps = s[i..].iter().take_while(|b| b.is_ascii_uppercase()).count();
        let lowers = s[i + caps..].iter().take_while(|b| b.is_ascii_lowercase()).count();
        let word = match caps {
            1 => lowers >= 1,
            0 => false,
            _ => lowers == 0 || lowers >= 2,
        };
        if !word {
            return false;
        }
        i += caps + lowers;
    }
    true
}

/// Where phishing kits hide on hacked sites: pages under `/.well-known/` (which
/// holds machine-read files, never pages for people), or a folder named like
/// another site's host (`/signin.att.com/`, `/www.godaddy.com.validation/`),
/// or a page inside WordPress's code folders.
fn kit_path(path: &str, site: &str) -> bool {
    let well_known = path
        .strip_prefix("/.well-known/")
        .is_some_and(|rest| !rest.starts_with("acme-challenge/") && rest.contains('/'));
    well_known || host_like(path, site) || wordpress_page(path)
}

/// Whether the path is a page or folder inside WordPress's own code and file
/// folders (`/wp-content/plugins/x/login.php`, `/wp-includes/js/bank/`), which
/// hold scripts, styles and uploads, never pages for people.
fn wordpress_page(path: &str) -> bool {
    let inside = words::contains(path, "/wp-content/") || words::contains(path, "/wp-includes/");
    inside && (path.ends_with('/') || [".html", ".htm", ".php"].iter().any(|e| path.ends_with(e)))
}

/// Whether some path segment reads as another site's host: a name, then a
/// host ending as a whole dot-separated part (`signin.att.com`, not `.com` or
/// `notes.compact`). The site's own name (`/sites/www.example.com/`, a CMS's
/// per-site folder) and a whole address written into the path after `https:`
/// (feed readers, redirects) do not count.
fn host_like(path: &str, site: &str) -> bool {
    let mut previous = "";
    for segment in words::split(path, b'/') {
        let embedded = matches!(previous, "http:" | "https:" | "http" | "https");
        // The site's name is looked for last: most segments name no host at all.
        let own = || !site.is_empty() && words::contains(segment, site);
        if !embedded && !segment.starts_with('.') && names_host(segment) && !own() {
            return true;
        }
        previous = segment;
    }
    false
}

/// Whether `segment` has a host ending as a whole dot-separated part after a name.
fn names_host(segment: &str) -> bool {
    segment.bytes().enumerate().filter(|&(_, b)| b == b'.').any(|(i, _)| {
        let rest = &segment.as_bytes()[i + 1..];
        i > 0 && HOST_ENDINGS.iter().any(|e| rest.starts_with(e.as_bytes()) && rest.get(e.len()).is_none_or(|&b| b == b'.'))
    })
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
        .find_map(|word| BAIT_PATH.exactly(word))
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
        signals(&Target::parse(url).unwrap(), false, &mut out);
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
    fn pages_inside_wordpress_folders() {
        assert!(kit_path("/wp-content/plugins/x1/mailbox/", ""));
        assert!(kit_path("/wp-includes/js/auth/index.php", ""));
        assert!(!kit_path("/wp-content/uploads/2024/05/menu.pdf", ""));
        assert!(!kit_path("/wp-admin/", ""));
        assert!(!kit_path("/blog/wp-guide.html", ""));
    }

    #[test]
    fn host_like_segments() {
        assert!(host_like("/signin.att.com", ""));
        assert!(host_like("/a/www.godaddy.com.validation/x.html", ""));
        assert!(host_like("/shop.example.jp/", ""));
        assert!(!host_like("/.com/", ""));
        assert!(!host_like("/x/.hidden.com", ""));
        assert!(!host_like("/notes.compact", ""));
        assert!(!host_like("/index.html", ""));
        // The site's own name, and addresses written after `https:`.
        assert!(!host_like("/sites/www.example.com/themes/logo.svg", "example.com"));
        assert!(!host_like("/feed/https:/www.example.com/rss/", "other.example"));
        assert!(host_like("/sites/www.example.com/", "other.example"));
    }

    #[test]
    fn short_link_ids_as_the_whole_path() {
        for path in ["/k7PqW2xZ9v", "/QZRTa/", "/wKe4t", "/5HQV2m", "/pGjXLw"] {
            assert!(link_id_path(path), "{path}");
        }
        for path in ["/", "/ChangePassword", "/iPhone15", "/NYCBallet", "/about", "/kp929", "/News-Events", "/k7PqW2xZ9v/x", "/PDF", "/Ab", "/x.html"] {
            assert!(!link_id_path(path), "{path}");
        }
    }

    #[test]
    fn plain_http_login() {
        assert_eq!(codes("http://shop.example/login"), ["http-credentials", "bait-path"]);
        assert_eq!(codes("https://shop.example/login"), ["bait-path"]);
        assert!(codes("http://shop.example/news").is_empty());
    }
}
