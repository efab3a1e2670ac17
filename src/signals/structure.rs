//! Structure of the address itself: IP hosts, hidden destinations, plain http
//! on pages that ask for credentials.

use crate::target::Target;
use crate::verdict::Reason;

/// Path words that mean "this page asks you to sign in or pay".
const CREDENTIAL_WORDS: &[&str] = &["login", "signin", "sign-in", "logon", "verify", "account", "password", "webscr", "billing", "payment", "card"];

pub(super) fn signals(t: &Target, out: &mut Vec<Reason>) {
    if t.ip {
        out.push(Reason::new("ip-host"));
    }
    if t.url.userinfo.as_deref().is_some_and(|u| !u.is_empty()) {
        out.push(Reason::new("userinfo"));
    }
    if t.url.scheme == "http" && asks_for_credentials(&t.url.path) {
        out.push(Reason::new("http-credentials"));
    }
}

fn asks_for_credentials(path: &str) -> bool {
    let path = path.to_ascii_lowercase();
    CREDENTIAL_WORDS.iter().any(|w| path.contains(w))
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
        assert_eq!(codes("http://shop.example/login"), ["http-credentials"]);
        assert!(codes("https://shop.example/login").is_empty());
        assert!(codes("http://shop.example/news").is_empty());
    }
}
