//! Published Safe Browsing canonicalization vectors, restated as data, plus
//! robustness tests (random bytes, very long inputs) for `canonicalize` and
//! `expressions`.
//!
//! Sources, named on each table:
//! - SPEC: Safe Browsing API v4 docs, "URLs and Hashing"
//!   (https://developers.google.com/safe-browsing/v4/urls-hashing), the
//!   canonicalization list and the suffix/prefix expression examples.
//! - FIREFOX: toolkit/components/url-classifier/tests/unit/test_canonicalization.js
//!   (public domain, CC0).
//! - GO: google/safebrowsing urls_test.go (the Go client; Apache-2.0, the
//!   vectors are restated as data only).
//!
//! Where sources disagree we follow the spec and say so next to the row.

use sagiguard::canon::{canonicalize, expressions, CanonError, CanonUrl, MAX_URL_LEN};

fn canon(input: &str) -> String {
    match canonicalize(input) {
        Ok(url) => url.to_canonical_string(),
        Err(e) => panic!("canonicalize({input:?}) failed: {e}"),
    }
}

fn check_table(table: &[(&str, &str)]) {
    for &(input, want) in table {
        assert_eq!(canon(input), want, "input {input:?}");
    }
}

/// SPEC: the canonicalization examples of the v4 "URLs and Hashing" page.
/// FIREFOX repeats most of them.
const SPEC_CANON: &[(&str, &str)] = &[
    ("http://host/%25%32%35", "http://host/%25"),
    ("http://host/%25%32%35%25%32%35", "http://host/%25%25"),
    ("http://host/%2525252525252525", "http://host/%25"),
    ("http://host/asdf%25%32%35asd", "http://host/asdf%25asd"),
    ("http://host/%%%25%32%35asd%%", "http://host/%25%25%25asd%25%25"),
    ("http://www.google.com/", "http://www.google.com/"),
    (
        "http://%31%36%38%2e%31%38%38%2e%39%39%2e%32%36/%2E%73%65%63%75%72%65/%77%77%77%2E%65%62%61%79%2E%63%6F%6D/",
        "http://168.188.99.26/.secure/www.ebay.com/",
    ),
    (
        "http://195.127.0.11/uploads/%20%20%20%20/.verify/.eBaysecure=updateuserdataxplimnbqmn-xplmvalidateinfoswqpcmlx=hgplmcx/",
        "http://195.127.0.11/uploads/%20%20%20%20/.verify/.eBaysecure=updateuserdataxplimnbqmn-xplmvalidateinfoswqpcmlx=hgplmcx/",
    ),
    (
        "http://host%23.com/%257Ea%2521b%2540c%2523d%2524e%25f%255E00%252611%252A22%252833%252944_55%252B",
        "http://host%23.com/~a!b@c%23d$e%25f^00&11*22(33)44_55+",
    ),
    ("http://3279880203/blah", "http://195.127.0.11/blah"),
    ("http://www.google.com/blah/..", "http://www.google.com/"),
    ("www.google.com/", "http://www.google.com/"),
    ("www.google.com", "http://www.google.com/"),
    ("http://www.evil.com/blah#frag", "http://www.evil.com/blah"),
    ("http://www.GOOgle.com/", "http://www.google.com/"),
    ("http://www.google.com.../", "http://www.google.com/"),
    ("http://www.google.com/foo\tbar\rbaz\n2", "http://www.google.com/foobarbaz2"),
    ("http://www.google.com/q?", "http://www.google.com/q?"),
    ("http://www.google.com/q?r?", "http://www.google.com/q?r?"),
    ("http://www.google.com/q?r?s", "http://www.google.com/q?r?s"),
    ("http://evil.com/foo#bar#baz", "http://evil.com/foo"),
    ("http://evil.com/foo;", "http://evil.com/foo;"),
    ("http://evil.com/foo?bar;", "http://evil.com/foo?bar;"),
    // The spec writes the input as the raw bytes "\x01\x80"; a Rust &str cannot
    // hold a lone 0x80 byte, so the same bytes arrive percent-encoded, which the
    // unescaping step turns into exactly those bytes.
    ("http://%01%80.com/", "http://%01%80.com/"),
    ("http://notrailingslash.com", "http://notrailingslash.com/"),
    // ("http://www.gotaport.com:1234/", ...) is checked in `port_is_kept_outside_expressions`.
    ("  http://www.google.com/  ", "http://www.google.com/"),
    ("http:// leadingspace.com/", "http://%20leadingspace.com/"),
    ("http://%20leadingspace.com/", "http://%20leadingspace.com/"),
    ("%20leadingspace.com/", "http://%20leadingspace.com/"),
    ("https://www.securesite.com/", "https://www.securesite.com/"),
    ("http://host.com/ab%23cd", "http://host.com/ab%23cd"),
    ("http://host.com//twoslashes?more//slashes", "http://host.com/twoslashes?more//slashes"),
];

/// FIREFOX: rows of test_canonicalization.js beyond the spec's list.
const FIREFOX_CANON: &[(&str, &str)] = &[
    ("http://host.com/path?query%3Awith%3Acolons", "http://host.com/path?query:with:colons"),
    ("https://wiki.mozilla.org/index.php?title=MozillaWiki%3AHelp&action=history", "https://wiki.mozilla.org/index.php?title=MozillaWiki:Help&action=history"),
];

/// GO: TestCanonicalURL rows beyond the spec's list.
const GO_CANON: &[(&str, &str)] = &[
    ("ftp://ftp.myfiles.com/", "ftp://ftp.myfiles.com/"),
    // GO expects lower-case "%1b"; the spec says escapes use upper-case hex.
    ("http://some%1bhost.com/%1b", "http://some%1Bhost.com/%1B"),
    // GO drops every query ("http://www.google.com/q"); the spec keeps it.
    ("http://www.google.com/q?r?s%3F", "http://www.google.com/q?r?s?"),
    ("http://[2001:470:1:18::114]/", "http://[2001:470:1:18::114]/"),
    ("http%3A%2F%2Fwackyurl.com:80/", "http://wackyurl.com/"),
    ("http://W!eird<>Ho$^.com/", "http://w!eird<>ho$^.com/"),
    ("http://i.have.way.too.many.dots.com/", "http://i.have.way.too.many.dots.com/"),
];

#[test]
fn spec_canonical_forms() {
    check_table(SPEC_CANON);
}

#[test]
fn firefox_canonical_forms() {
    check_table(FIREFOX_CANON);
}

#[test]
fn go_canonical_forms() {
    check_table(GO_CANON);
}

/// SPEC (and FIREFOX) give "http://www.gotaport.com/" for
/// "http://www.gotaport.com:1234/". We keep a non-default port in the URL
/// because signals use it; the lookup expressions, which are what the spec's
/// canonical form is for, have no port, exactly as in the spec.
#[test]
fn port_is_kept_outside_expressions() {
    let url = canonicalize("http://www.gotaport.com:1234/").unwrap();
    assert_eq!(url.port, Some(1234));
    assert_eq!(url.to_canonical_string(), "http://www.gotaport.com:1234/");
    assert_eq!(expressions(&url), ["www.gotaport.com/", "gotaport.com/"]);
    // Default ports go away.
    assert_eq!(canon("https://a.example:443/x"), "https://a.example/x");
    assert_eq!(canon("http://a.example:0080/x"), "http://a.example/x");
}

/// GO: TestCanonicalURL rows that have no valid host.
#[test]
fn go_inputs_without_host_fail() {
    for input in [
        ":",
        "/blah",
        "#ref",
        "/blah#ref",
        "?query#ref",
        "/blah?query#ref",
        "/blah;param",
        "http://#ref",
        "http:///blah#ref",
        "http://?query#ref",
        "http:///blah?query#ref",
        "http:///blah;param",
        "http:///blah;param?query#ref",
        "mailto:bryner@google.com",
    ] {
        assert_eq!(canonicalize(input), Err(CanonError::NoHost), "input {input:?}");
    }
    assert_eq!(canonicalize(""), Err(CanonError::Empty));
    assert_eq!(canonicalize(" \t\r\n "), Err(CanonError::Empty));
}

/// GO: TestParseIPAddress, through the host of a URL.
#[test]
fn go_ipv4_forms() {
    for (host, want) in [
        ("255.0.0.1", "255.0.0.1"),
        ("12.0x12.01234", "12.18.2.156"),
        ("012.034.01.055", "10.28.1.45"),
        ("0x12.0x43.0x44.0x01", "18.67.68.1"),
        ("167838211", "10.1.2.3"),
        ("3279880203", "195.127.0.11"),
        ("4294967295", "255.255.255.255"),
        // Not addresses, so they stay names.
        ("123.123.0.0.1", "123.123.0.0.1"),
        ("1.2.3.00x0", "1.2.3.00x0"),
        // GO truncates the out-of-range 276 to 20 ("20.2.0.3"); the spec asks for
        // "legal" encodings only and a browser refuses this host, so it stays a name.
        ("276.2.3", "276.2.3"),
        // GO mimics a Windows resolver quirk ("10.192.95.89"); the spec has no
        // such rule, so the space is escaped like any other.
        ("10.192.95.89 xy", "10.192.95.89%20xy"),
    ] {
        let url = canonicalize(&format!("http://{host}/")).unwrap();
        assert_eq!(url.host, want, "host {host:?}");
    }
    // Spec wording: "octal, hex, and fewer than four components".
    assert_eq!(canonicalize("http://017.0x10.258/").unwrap().host, "15.16.1.2");
    assert_eq!(canonicalize("http://0X7F.1/").unwrap().host, "127.0.0.1");
    assert_eq!(canonicalize("http://4294967296/").unwrap().host, "4294967296");
}

/// GO: TestCanonicalHost.
#[test]
fn go_canonical_hosts() {
    for (input, want) in [
        ("http://www.google.com/foo.html", "www.google.com"),
        ("http://google.com./foo.html", "google.com"),
        ("http://google.com.:8080/foo.html", "google.com"),
        ("http://google...com/foo.html", "google.com"),
        ("http://..google.com/foo.html", "google.com"),
        ("http://[FEDC:BA98:7654:3210:FEDC:BA98:7654:3210]:80/index.html", "[fedc:ba98:7654:3210:fedc:ba98:7654:3210]"),
        // GO keeps "[::192.9.5.5]" as written; the spec asks to normalize IPv6
        // (leading zeros dropped, zero runs as `::`), which writes it in hex.
        ("http://[::192.9.5.5]/ipng", "[::c009:505]"),
        ("http://0x12.0x43.0x44.0x01", "18.67.68.1"),
        ("http://192.168.0.1:80/index.html", "192.168.0.1"),
    ] {
        assert_eq!(canonicalize(input).unwrap().host, want, "input {input:?}");
    }
    assert_eq!(canonicalize("http://[2001:0db8:0000::1]/").unwrap().host, "[2001:db8::1]");
    assert_eq!(canonicalize("http://[2001:db8::1]:8443/").unwrap().port, Some(8443));
    assert_eq!(canonicalize("http://[not-ipv6]/"), Err(CanonError::BadHost));
}

/// GO: TestCanonicalPath.
#[test]
fn go_canonical_paths() {
    for (input, want) in [
        ("http://a.com", "/"),
        ("http://a.com/foo.html", "/foo.html"),
        ("http://a.com/foo/.././bar/./../foo.html", "/foo.html"),
        ("http://a.com/a/b/", "/a/b/"),
        ("http://a.com/a/b/c", "/a/b/c"),
        ("http://a.com//a//b///c////", "/a/b/c/"),
        ("http://%31%36%38%2e%31%38%38%2e%39%39%2e%32%36/%2E%73%65%63%75%72%65/%77%77%77%2E%65%62%61%79%2E%63%6F%6D/?query#fragment", "/.secure/www.ebay.com/"),
        (
            "http://195.127.0.11/uploads/%20%20%20%20/.verify/.eBaysecure=updateuserdataxplimnbqmn-xplmvalidateinfoswqpcmlx=hgplmcx/",
            "/uploads/%20%20%20%20/.verify/.eBaysecure=updateuserdataxplimnbqmn-xplmvalidateinfoswqpcmlx=hgplmcx/",
        ),
        ("http://host%23.com/%257Ea%2521b%2540c%2523d%2524e%25f%255E00%252611%252A22%252833%252944_55%252B", "/~a!b@c%23d$e%25f^00&11*22(33)44_55+"),
    ] {
        assert_eq!(canonicalize(input).unwrap().path, want, "input {input:?}");
    }
    // Spec: "/../" climbs one component, never above the root.
    assert_eq!(canonicalize("http://a.com/../../x/./y/..").unwrap().path, "/x/");
}

/// GO: TestParseURL (scheme, host and path of inputs without a scheme).
#[test]
fn go_parse_without_scheme() {
    for (input, host, port, path) in [
        ("www.google.com:8080/foo.html", "www.google.com", Some(8080), "/foo.html"),
        ("www.google.com:80/", "www.google.com", None, "/"),
        ("www.google.com:80", "www.google.com", None, "/"),
        ("http://www.google.com:8080/foo.html", "www.google.com", Some(8080), "/foo.html"),
    ] {
        let url = canonicalize(input).unwrap();
        assert_eq!((&*url.scheme, url.host.as_str(), url.port, url.path.as_str()), ("http", host, port, path), "{input:?}");
    }
    // GO: these have no usable host.
    assert_eq!(canonicalize(":8080/foo.html"), Err(CanonError::NoHost));
    assert_eq!(canonicalize("http:www.google.com:8080/foo.html"), Err(CanonError::NoHost));
    assert_eq!(canonicalize("www.google.com:xxyy/foo.html:80"), Err(CanonError::NoHost));
    assert_eq!(canonicalize("http://a.com:99999/"), Err(CanonError::BadPort));
    assert_eq!(canonicalize("http://a.com:8x/"), Err(CanonError::BadPort));
}

#[test]
fn userinfo_is_split_off() {
    let url = canonicalize("https://www.amazon.co.jp:pw@Evil.example:8443/login").unwrap();
    assert_eq!(url.userinfo.as_deref(), Some("www.amazon.co.jp:pw"));
    assert_eq!(url.host, "evil.example");
    assert_eq!(url.to_canonical_string(), "https://evil.example:8443/login");
    assert_eq!(canonicalize("http://a.com/x@y").unwrap().userinfo, None);
}

/// GO: "http://www.\xC3\xBCmlat.com/" -> "http://www.xn--mlat-zra.com/".
/// DEPENDS ON IDN: the punycode step is `domain::to_ascii`, written by another
/// helper. While it still refuses non-ASCII, the host's UTF-8 bytes are
/// escaped as the spec does for any byte >= 0x7f; both outcomes are asserted
/// so this test tightens by itself once punycode lands.
#[test]
fn idn_host_goes_to_punycode() {
    let url = canonicalize("http://www.\u{fc}mlat.com/").unwrap();
    let upper = canonicalize("http://WWW.\u{dc}MLAT.com/").unwrap();
    if sagiguard::domain::to_ascii("\u{fc}").is_some() {
        assert_eq!(url.host, "www.xn--mlat-zra.com");
    } else {
        assert_eq!(url.host, "www.%C3%BCmlat.com");
    }
    assert_eq!(upper.host, url.host);
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

fn exprs(input: &str) -> Vec<String> {
    expressions(&canonicalize(input).unwrap())
}

/// SPEC: the three suffix/prefix examples.
#[test]
fn spec_expressions() {
    assert_eq!(
        exprs("http://a.b.c/1/2.html?param=1"),
        ["a.b.c/1/2.html?param=1", "a.b.c/1/2.html", "a.b.c/1/", "a.b.c/", "b.c/1/2.html?param=1", "b.c/1/2.html", "b.c/1/", "b.c/"]
    );
    assert_eq!(
        sorted(exprs("http://a.b.c.d.e.f.g/1.html")),
        sorted(
            [
                "a.b.c.d.e.f.g/1.html",
                "a.b.c.d.e.f.g/",
                "c.d.e.f.g/1.html",
                "c.d.e.f.g/",
                "d.e.f.g/1.html",
                "d.e.f.g/",
                "e.f.g/1.html",
                "e.f.g/",
                "f.g/1.html",
                "f.g/",
            ]
            .map(String::from)
            .to_vec()
        )
    );
    assert_eq!(exprs("http://1.2.3.4/1/"), ["1.2.3.4/1/", "1.2.3.4/"]);
}

/// GO: TestGeneratePatterns (compared as sets, as GO does).
#[test]
fn go_expressions() {
    let table: &[(&str, &[&str])] = &[
        (
            "http://a.b.c/1/2.html?param=1/2",
            &["a.b.c/1/2.html?param=1/2", "a.b.c/1/2.html", "a.b.c/1/", "a.b.c/", "b.c/1/2.html?param=1/2", "b.c/1/2.html", "b.c/1/", "b.c/"],
        ),
        (
            "http://a.b.c/1/2/3/4/5/",
            &["a.b.c/1/2/3/4/5/", "a.b.c/1/2/3/", "a.b.c/1/2/", "a.b.c/1/", "a.b.c/", "b.c/1/2/3/4/5/", "b.c/1/2/3/", "b.c/1/2/", "b.c/1/", "b.c/"],
        ),
        ("http://a.b.c.d.e.f.g.h.i/", &["a.b.c.d.e.f.g.h.i/", "e.f.g.h.i/", "f.g.h.i/", "g.h.i/", "h.i/"]),
        ("http://a.b.c.d.e/1.html", &["a.b.c.d.e/1.html", "a.b.c.d.e/", "b.c.d.e/1.html", "b.c.d.e/", "c.d.e/1.html", "c.d.e/", "d.e/1.html", "d.e/"]),
        ("http://b.c/1/2/3.html?param=1/2", &["b.c/1/2/3.html?param=1/2", "b.c/1/2/3.html", "b.c/1/2/", "b.c/1/", "b.c/"]),
        // GO gives only "a.b/" because it drops queries; the spec keeps the empty
        // query ("http://www.google.com/q?" stays as is), so "a.b/?" is looked up too.
        ("http://a.b/?", &["a.b/?", "a.b/"]),
        ("http://[2001:470:1:18::114]/a/b", &["[2001:470:1:18::114]/a/b", "[2001:470:1:18::114]/a/", "[2001:470:1:18::114]/"]),
        ("http://1.2.3.4/a/b", &["1.2.3.4/a/b", "1.2.3.4/a/", "1.2.3.4/"]),
        ("http://a.b/", &["a.b/"]),
        ("http://b/", &["b/"]),
        ("https://a.b.c.d.e.f.g.h.i/", &["a.b.c.d.e.f.g.h.i/", "e.f.g.h.i/", "f.g.h.i/", "g.h.i/", "h.i/"]),
        ("a.b.c.d.e.f.g.h.i/", &["a.b.c.d.e.f.g.h.i/", "e.f.g.h.i/", "f.g.h.i/", "g.h.i/", "h.i/"]),
        ("[2001:470:1:18::114]/a/b", &["[2001:470:1:18::114]/a/b", "[2001:470:1:18::114]/a/", "[2001:470:1:18::114]/"]),
    ];
    // Note: GO lists 7 hosts for a.b.c.d.e.f.g.h.i (it also keeps c.d.e.f.g.h.i
    // and d.e.f.g.h.i); the spec allows "up to 4" besides the exact host,
    // formed from the last five components, so we give those 4.
    for &(input, want) in table {
        let want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
        assert_eq!(sorted(exprs(input)), sorted(want), "input {input:?}");
    }
}

/// GO: TestGenerateLookupHosts and TestGenerateLookupPaths, read off the
/// expressions.
#[test]
fn go_lookup_hosts_and_paths() {
    let hosts = |input: &str| {
        let url = canonicalize(input).unwrap();
        let mut out: Vec<String> = Vec::new();
        for e in expressions(&url) {
            let h = e.split('/').next().unwrap_or("").to_string();
            if !out.contains(&h) {
                out.push(h);
            }
        }
        out
    };
    assert_eq!(hosts("http://www.google.com/foo.html"), ["www.google.com", "google.com"]);
    assert_eq!(hosts("http://a.b.c.com/foo.html"), ["a.b.c.com", "b.c.com", "c.com"]);
    // GO also lists c.d.e.f.kita.tokyo.jp and d.e.f.kita.tokyo.jp (see above).
    assert_eq!(hosts("http://a.b.c.d.e.f.kita.tokyo.jp"), ["a.b.c.d.e.f.kita.tokyo.jp", "e.f.kita.tokyo.jp", "f.kita.tokyo.jp", "kita.tokyo.jp", "tokyo.jp"]);
    assert_eq!(hosts("http://[::192.9.5.5]/ipng"), ["[::c009:505]"]);

    // Two-label hosts have no shorter suffix, so every expression is host + path.
    let paths = |input: &str| {
        let url = canonicalize(input).unwrap();
        sorted(expressions(&url).iter().filter_map(|e| e.strip_prefix(url.host.as_str())).map(String::from).collect())
    };
    assert_eq!(paths("http://a.com/a/b/c.html"), sorted(["/", "/a/", "/a/b/", "/a/b/c.html"].map(String::from).to_vec()));
    assert_eq!(paths("http://a.b/"), ["/"]);
    assert_eq!(
        paths("http://a.com/a/b/c/d/e.html?123"),
        sorted(["/", "/a/", "/a/b/", "/a/b/c/", "/a/b/c/d/e.html", "/a/b/c/d/e.html?123"].map(String::from).to_vec())
    );
}

/// A small deterministic xorshift generator, so the random test needs no crate.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The start of a possibly huge input, for failure messages.
fn short(s: &str) -> String {
    s.chars().take(80).collect()
}

/// What must hold for every accepted input.
fn check_invariants(input: &str, url: &CanonUrl) {
    let s = url.to_canonical_string();
    let (i, o) = (short(input), short(&s));
    assert!(s.is_ascii() && !s.bytes().any(|b| b <= 0x20 || b == b'#'), "{i:?} -> {o:?}");
    assert!(!url.host.is_empty() && url.path.starts_with('/'), "{i:?} -> {o:?}");
    let e = expressions(url);
    assert!(!e.is_empty() && e.len() <= 30, "{i:?}");
    let mut unique = e.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), e.len(), "duplicate expressions for {i:?}");
    // The canonical form is a fixed point (when escaping has not pushed it
    // over the length limit).
    if s.len() <= MAX_URL_LEN {
        let again = canonicalize(&s).unwrap_or_else(|err| panic!("{i:?} -> {o:?} -> {err}"));
        assert!(again == CanonUrl { userinfo: None, ..url.clone() }, "{i:?} -> {o:?} -> {:?}", short(&again.to_canonical_string()));
    }
}

#[test]
fn random_inputs_never_panic() {
    const PIECES: &[&str] = &[
        "%", "2", "5", "3", "F", "e", "0x", "0", "1", "9", ".", "..", "/", "//", "?", "#", "@", ":", "[", "]", "::", "a", "Z", "\u{fc}", "\u{3002}", " ", "\t",
        "\n", "http://", "https://", "HTTP://", "mailto:", "%2e", "%2F", "%3F", "%23", "%40", "%3A", "%5B", "%80", "%C3%BC", "%00", "xn--",
    ];
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    for _ in 0..20_000 {
        let mut s = String::new();
        for _ in 0..rng.below(24) {
            s.push_str(PIECES[rng.below(PIECES.len())]);
        }
        if let Ok(url) = canonicalize(&s) {
            check_invariants(&s, &url);
        }
    }
    for _ in 0..5_000 {
        let bytes: Vec<u8> = (0..rng.below(64)).map(|_| rng.next() as u8).collect();
        let s = String::from_utf8_lossy(&bytes);
        if let Ok(url) = canonicalize(&s) {
            check_invariants(&s, &url);
        }
    }
}

#[test]
fn very_long_inputs_are_bounded() {
    // Over the limit: refused before any work.
    for huge in ["a".repeat(1 << 20), ".".repeat(1_000_000), "%25".repeat(1_000_000), format!("http://a.com/{}", "x".repeat(MAX_URL_LEN))] {
        assert_eq!(canonicalize(&huge), Err(CanonError::TooLong));
    }
    // Just under the limit: processed in one pass (quadratic work here took
    // seconds before these were bounded; the bench measures it, not this test).
    let n = MAX_URL_LEN / 4;
    let cases = [
        format!("http://{}a.com{}/", ".".repeat(n), ".".repeat(n)),
        format!("http://h/{}", "%25".repeat(n)),
        // The worst case for repeated whole-URL passes: one escape per pass.
        format!("http://h/%{}", "25".repeat(n)),
        format!("http://h/{}", "/..".repeat(n)),
        format!("http://h/{}", "a/".repeat(n)),
        format!("http://h/?{}", "%%".repeat(n)),
        format!("http://{}@h/", "@".repeat(n)),
    ];
    for input in &cases {
        assert!(input.len() <= MAX_URL_LEN);
        let url = canonicalize(input).unwrap_or_else(|e| panic!("{}: {e}", short(input)));
        check_invariants(input, &url);
    }
    assert_eq!(canonicalize(&format!("http://[{}]/", ":".repeat(n))), Err(CanonError::BadHost));
    assert_eq!(canonicalize(&format!("http://h/%{}", "25".repeat(n))).unwrap().path, "/%25");
    assert_eq!(canonicalize(&format!("http://h/{}", "/..".repeat(n))).unwrap().path, "/");
    // A host no DNS name can be (RFC 1035: 253 bytes, 63 per label) is refused
    // before any signal looks at it, in every form it can come in.
    let cjk: String = (0..n / 3).map(|i| char::from_u32(0x4e00 + i as u32).unwrap_or('x')).collect();
    for host in ["a.".repeat(n), "1.".repeat(n), format!("0x{}", "f".repeat(n)), "amazon-".repeat(n / 7), cjk, "%5f".repeat(n / 3)] {
        assert_eq!(canonicalize(&format!("http://{host}/")), Err(CanonError::BadHost), "{}", short(&host));
    }
}

#[test]
fn hosts_at_the_dns_limits() {
    let label = |len: usize| "a".repeat(len);
    // 63-byte labels pass, 64 do not.
    assert_eq!(canonicalize(&format!("http://{}.com/", label(63))).unwrap().host.len(), 67);
    assert_eq!(canonicalize(&format!("http://{}.com/", label(64))), Err(CanonError::BadHost));
    // 253 bytes in all pass (63+1+63+1+63+1+61), 254 do not.
    let at_limit = format!("{0}.{0}.{0}.{1}", label(63), label(61));
    assert_eq!(at_limit.len(), 253);
    assert_eq!(canonicalize(&format!("http://{at_limit}/")).unwrap().host, at_limit);
    assert_eq!(canonicalize(&format!("http://{at_limit}a/")), Err(CanonError::BadHost));
    // The same in upper case and with stray dots, which canonicalization drops first.
    assert_eq!(canonicalize(&format!("http://..{}../", at_limit.to_uppercase())).unwrap().host, at_limit);
    // An escape counts as the one byte it stands for.
    assert!(canonicalize(&format!("http://{}_.com/", label(62))).is_ok());
    // A Unicode label is measured in its punycode form: 20 kanji fit, 60 do not.
    let kanji = |len: u32| (0..len).map(|i| char::from_u32(0x4e00 + i * 7).unwrap_or('x')).collect::<String>();
    assert!(canonicalize(&format!("http://{}.jp/", kanji(20))).unwrap().host.starts_with("xn--"));
    assert_eq!(canonicalize(&format!("http://{}.jp/", kanji(60))), Err(CanonError::BadHost));
}
