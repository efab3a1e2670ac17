//! Links that pass the person on to another address: a query that carries a
//! whole web address (`www.google.com/url?q=https://…`, `vk.com/away.php?to=…`,
//! `click.php?…&https://t.co/…`), and web page translators that show another
//! site's page under their own address (`translate.google.com/translate?u=…`).
//! Open redirectors on well-known sites are how
//! scam links borrow a trusted name; where such a link leads is what matters,
//! so [`crate::Engine::check_url`] judges the destination too.
//!
//! The canonical query has been percent-decoded (Safe Browsing rules), so an
//! encoded `https%3A%2F%2F` reads as `https://` here, however often it was
//! encoded.

/// Parameters that say where to come back to after signing in or paying, not
/// where the link goes now. A real sign-in page carries its own site's return
/// address (`login.example.com/?continue=https://app.example.com/`); judging
/// that address instead of the sign-in page would misjudge the page in front
/// of the person.
const RETURN_PARAMS: &[&str] = &[
    "back", "backurl", "callback", "cancel_url", "continue", "next", "origin", "redirect_uri", "ref", "referer",
    "referrer", "return", "return_to", "return_url", "returnto", "returnurl", "service", "state", "success_url",
];

/// Parameters that hold what a person typed into a search box. A search for
/// an address (`google.com/search?q=https://…`) is not a link to it, but
/// Google's own redirector also says `q` (`google.com/url?q=…`): these count
/// only off a search page.
const SEARCH_PARAMS: &[&str] = &["k", "keyword", "keywords", "p", "q", "query", "s", "search", "text", "wd"];

/// Last path segments of search result pages (and the home page, `/?q=`).
const SEARCH_PAGES: &[&str] = &["", "find", "results", "s", "search"];

/// The address the link forwards to: the first query parameter (or bare
/// query part) whose value is an `http(s)://` or `www.` address, up to the
/// next `&`. `None` for a query that carries no address, or only return
/// addresses or search terms. `path` is the canonical path.
pub fn destination<'q>(path: &str, query: &'q str) -> Option<&'q str> {
    if is_translate_page(path) {
        if let Some(page) = translated_page(query) {
            return Some(page);
        }
    }
    // Most queries carry no address: one byte scan says so before any split.
    if !query.bytes().any(|b| b == b':' || b | 0x20 == b'w') {
        return None;
    }
    query.split('&').find_map(|part| {
        let (name, value) = match part.split_once('=') {
            Some((name, value)) => (name, value),
            None => ("", part),
        };
        let named = |list: &[&str]| list.iter().any(|p| p.eq_ignore_ascii_case(name));
        let searched = || named(SEARCH_PARAMS) && is_search_page(path);
        (is_web_address(value) && !named(RETURN_PARAMS) && !searched()).then_some(value)
    })
}

/// Whether `path` is a web page translator's (`translate.google.com/translate`),
/// which shows another site's page under its own address.
fn is_translate_page(path: &str) -> bool {
    path.eq_ignore_ascii_case("/translate")
}

/// The page a translator is asked to show: its `u` parameter, which may be
/// written without a scheme (`u=evil.example/login`), so a dot inside what
/// comes before any path is enough here; the engine parses it as it parses
/// any link, and a value that is no address leaves the link as it was.
fn translated_page(query: &str) -> Option<&str> {
    let value = query.split('&').find_map(|part| part.strip_prefix("u="))?;
    let host = value.split(['/', '?']).next().unwrap_or("");
    let dotted = host.trim_matches('.').contains('.') && !host.starts_with('.');
    (dotted || is_web_address(value)).then_some(value)
}

/// Whether `path` is a search result page or the home page.
fn is_search_page(path: &str) -> bool {
    let last = path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
    let last = last.split('.').next().unwrap_or(last);
    SEARCH_PAGES.iter().any(|p| p.eq_ignore_ascii_case(last))
}

/// Whether `value` starts like an address a browser would open.
fn is_web_address(value: &str) -> bool {
    let starts = |prefix: &str| value.get(..prefix.len()).is_some_and(|s| s.eq_ignore_ascii_case(prefix));
    (starts("http://") || starts("https://") || starts("www.")) && value.len() > "https://".len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_address_a_redirector_forwards_to() {
        assert_eq!(destination("/url", "q=https://evil.example/login&sa=D"), Some("https://evil.example/login"));
        assert_eq!(destination("/away.php", "cc_key=x&to=HTTP://evil.example/"), Some("HTTP://evil.example/"));
        assert_eq!(destination("/click.php", "g=14&comp=1&https://t.co/abc"), Some("https://t.co/abc"));
        assert_eq!(destination("/", "url=www.evil.example"), Some("www.evil.example"));
        assert_eq!(destination("/search", "to=https://evil.example/"), Some("https://evil.example/"));
        // A translator shows the page its `u` names, scheme or not.
        assert_eq!(destination("/translate", "hl=&sl=auto&tl=ja&u=evil.example/login"), Some("evil.example/login"));
        assert_eq!(destination("/translate", "sl=auto&u=https://evil.example/"), Some("https://evil.example/"));
    }

    #[test]
    fn a_translator_asked_for_no_page_forwards_nowhere() {
        assert_eq!(destination("/translate", "sl=auto&tl=ja&text=hello"), None);
        assert_eq!(destination("/translate", "u=hello"), None);
        assert_eq!(destination("/translate", "u=.example/"), None);
        // `u` elsewhere is an ordinary parameter.
        assert_eq!(destination("/profile", "u=evil.example"), None);
    }

    #[test]
    fn return_addresses_searches_and_plain_values_are_not_forwards() {
        assert_eq!(destination("/signin", "continue=https://mail.example.com/&hl=ja"), None);
        assert_eq!(destination("/authorize", "redirect_uri=https://app.example/cb&client_id=1"), None);
        assert_eq!(destination("/search", "q=https://evil.example/&hl=en"), None);
        assert_eq!(destination("/", "q=https://evil.example/"), None);
        assert_eq!(destination("/yandsearch/search.html", "text=https://evil.example/"), None);
        assert_eq!(destination("/url", "q=how+to+use+https&lang=en"), None);
        assert_eq!(destination("/go", "url=http://"), None);
        assert_eq!(destination("/go", ""), None);
    }
}
