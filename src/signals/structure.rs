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

/// `on_shortener`: the host is a link shortener or click tracker, whose links
/// are link ids by design (`url-shortener` and `link-tracker` say so), so
/// `link-id-path` would contradict them.
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
    let query = t.url.query.as_deref();
    let emailed = carries_email(&t.url.path) || query.is_some_and(carries_email);
    if emailed && !words::contains(&path, "reset") {
        out.push(Reason::new("email-in-link"));
    }
    if kit_command(&path) || query.is_some_and(|q| kit_command(&lower(q))) {
        out.push(Reason::new("kit-command"));
    }
    if path.len() > HASH_LEN && page_path(&path) && words::split(&path, b'/').any(hash_name) {
        out.push(Reason::new("hash-folder"));
    }
}

/// Whether `s` (a path or a query, both canonical: `%40` is `@` here) holds an e-mail address as a whole
/// path segment or parameter value (`?email=kim@example.com`,
/// `/kim@example.com/`): kits write the victim's address into the link they
/// send so that their sign-in page greets the person by it. A handle before
/// the address (`/@kim@example.social`) is a profile, not an address. Real
/// sites put the address into password-reset links (`/password/reset/TOKEN?
/// email=`), so a path with `reset` in it is not asked.
fn carries_email(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().filter(|&(_, &c)| c == b'@').any(|(at, _)| {
        let local = b[..at].iter().rev().take_while(|&&c| c.is_ascii_alphanumeric() || b"._+-".contains(&c)).count();
        let starts_part = at == local || b"/?=&".contains(&b[at - local - 1]);
        let host = &b[at + 1..];
        let host = &host[..host.iter().take_while(|&&c| c.is_ascii_alphanumeric() || c == b'-' || c == b'.').count()];
        let tld = host.rsplit(|&c| c == b'.').next().unwrap_or_default();
        let dotted = host.iter().position(|&c| c == b'.').is_some_and(|i| i > 0 && i < host.len() - tld.len());
        // `logo@2x.png`: an image's pixel density, not a mail host.
        let digits = host.iter().take_while(|c| c.is_ascii_digit()).count();
        let density = digits > 0 && host[digits..].starts_with(b"x.");
        local > 0 && starts_part && dotted && !density && tld.len() >= 2 && tld.iter().all(u8::is_ascii_alphabetic)
    })
}

/// Whether the path names a page rather than a file a page loads: its last
/// segment has no extension or a page's (`/x/`, `/info`, `/index.php`), not
/// `.woff` or `.json`, which sites keep in hash-named cache folders.
fn page_path(path: &str) -> bool {
    let last = path.rsplit('/').next().unwrap_or_default();
    match words::split_last_dot(last) {
        None => true,
        Some((_, ext)) => PAGE_EXTENSIONS.contains(&ext),
    }
}

/// Commands that kits copy from PayPal's and webmail's sign-in links
/// (`?cmd=_login-run`, `?cmd=login_submit`) and keep on the hacked sites they
/// run from; a site's own links do not carry another service's commands.
const KIT_COMMANDS: &[&str] = &["cmd=_", "login_submit", "cmd-login="];

/// [`KIT_COMMANDS`] indexed for one scan of a path or query.
const KIT: Words = Words::new(KIT_COMMANDS);

/// Whether `s` (lower case) holds one of [`KIT_COMMANDS`].
fn kit_command(s: &str) -> bool {
    KIT.first_in(s).is_some()
}

/// File extensions of pages people are shown.
const PAGE_EXTENSIONS: &[&str] = &["html", "htm", "php", "asp", "aspx", "jsp", "cgi"];

/// How many hex digits an MD5 sum takes.
const HASH_LEN: usize = 32;

/// Whether a path segment is 32 hex digits, an MD5 sum
/// (`/c6ed1214de6b08d8908b52bae198400e/`): kits copy themselves into a
/// freshly named folder for each visitor, so that every victim's link differs
/// and no list can name them all. Pages people read are named in words.
fn hash_name(segment: &str) -> bool {
    segment.len() == HASH_LEN && segment.bytes().all(|b| b.is_ascii_hexdigit())
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
/// folders (`/wp-content/plugins/x/login.php`, `/wp-includes/js/bank/`,
/// `/wp-content/_message`), which hold scripts, styles and uploads, never
/// pages for people; or in a folder of its admin area, whose pages sit at its
/// top (`/wp-admin/css/colors/bank/`) but for the network and user screens.
fn wordpress_page(path: &str) -> bool {
    let mut from = 0;
    while let Some(at) = words::find_from(path, "/wp-", from) {
        let rest = &path[at + "/wp-".len()..];
        let inside = rest.starts_with("content/") || rest.starts_with("includes/");
        let admin = rest.strip_prefix("admin/").is_some_and(admin_subfolder);
        if inside || admin {
            return page_path(path);
        }
        from = at + 1;
    }
    false
}

/// Whether `rest`, the path after `/wp-admin/`, goes into a folder other
/// than the admin's own page folders.
fn admin_subfolder(rest: &str) -> bool {
    rest.split_once('/').is_some_and(|(folder, _)| !matches!(folder, "network" | "user"))
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
        assert!(!kit_path("/wp-admin/profile.php", ""));
        assert!(!kit_path("/wp-admin/network/sites.php", ""));
        assert!(!kit_path("/wp-admin/css/login.min.css", ""));
        assert!(kit_path("/wp-admin/css/colors/blue/bank/de/", ""));
        assert!(kit_path("/blog/wp-admin/includes/secure/index.php", ""));
        assert!(kit_path("/wp-content/_message", ""));
        assert!(!kit_path("/wp-content/uploads/fav/site.webmanifest", ""));
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
    fn addresses_written_into_the_link() {
        for url in [
            "https://shop.example/?email=kim@example.com",
            "https://shop.example/index.php?m=kim.lee+x@mail.example.co.jp&amp;r=1",
            "https://shop.example/kim@example.com/drive/",
            "https://shop.example/login?user=a@b.io",
        ] {
            assert!(codes(url).contains(&"email-in-link"), "{url}");
        }
        for url in [
            "https://social.example/@kim",
            "https://social.example/@kim@example.social",
            "https://shop.example/password/reset/5f1c?email=kim%40example.com",
            "https://shop.example/photo@2x.png",
            "https://shop.example/img/icon@3x.webp",
            "https://shop.example/?q=a@b",
            "https://shop.example/?v=@example.com",
            "https://shop.example/x@localhost",
            "https://shop.example/x@.com",
            "https://shop.example/x@host.123",
        ] {
            assert!(!codes(url).contains(&"email-in-link"), "{url}");
        }
    }

    #[test]
    fn commands_copied_from_sign_in_links() {
        assert!(codes("https://shop.example/mail/surf2.php?cmd=login_submit").contains(&"kit-command"));
        assert!(codes("https://shop.example/x/?CMD=_Login-Run&dispatch=5885").contains(&"kit-command"));
        assert!(codes("https://shop.example/jfk/cmd-login=7b26a8/?reff=x").contains(&"kit-command"));
        assert!(!codes("https://shop.example/?cmd=search&q=login").contains(&"kit-command"));
        assert!(!codes("https://shop.example/login_help.html").contains(&"kit-command"));
        // Every listed command is found, wherever it stands.
        assert!(KIT_COMMANDS.iter().all(|c| kit_command(c) && kit_command(&["x/", c, "1"].concat())));
    }

    #[test]
    fn folders_named_by_a_hash() {
        assert!(codes("https://shop.example/dir/c6ed1214de6b08d8908b52bae198400e/Verification.php").contains(&"hash-folder"));
        assert!(codes("https://shop.example/950CAAEA0281AA2BEBED8F9ECCA4BD30?sec=x").contains(&"hash-folder"));
        // One digit short, one too many, and a non-hex letter.
        assert!(!codes("https://shop.example/c6ed1214de6b08d8908b52bae198400/").contains(&"hash-folder"));
        assert!(!codes("https://shop.example/c6ed1214de6b08d8908b52bae198400e0/").contains(&"hash-folder"));
        assert!(!codes("https://shop.example/c6ed1214de6b08d8908b52bae198400g/").contains(&"hash-folder"));
        assert!(!codes("https://shop.example/c6ed1214de6b08d8908b52bae198400e.css").contains(&"hash-folder"));
        // Files a page loads from a cache folder.
        assert!(!codes("https://cdn.example/c6ed1214de6b08d8908b52bae198400e/font.woff").contains(&"hash-folder"));
        assert!(!codes("https://cdn.example/icons/c6ed1214de6b08d8908b52bae198400e/manifest.json").contains(&"hash-folder"));
    }

    #[test]
    fn plain_http_login() {
        assert_eq!(codes("http://shop.example/login"), ["http-credentials", "bait-path"]);
        assert_eq!(codes("https://shop.example/login"), ["bait-path"]);
        assert!(codes("http://shop.example/news").is_empty());
    }
}
