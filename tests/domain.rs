//! Registrable domains, IDN and IP literals through the public `domain` API.

use sagiguard::domain::{is_ip, split, to_ascii, to_unicode};

/// The Public Suffix List's own test vectors: publicsuffix.org `tests/test_psl.txt`
/// (`checkPublicSuffix(input, expected registrable domain)`), dedicated to the
/// public domain (CC0), restated as data. Left out: `checkPublicSuffix(null, null)`
/// (no null `&str` in Rust) and the `.local` cases the file itself comments out.
const PSL_TEST_VECTORS: &[(&str, Option<&str>)] = &[
    // Mixed case.
    ("COM", None),
    ("example.COM", Some("example.com")),
    ("WwW.example.COM", Some("example.com")),
    // Leading dot.
    (".com", None),
    (".example", None),
    (".example.com", None),
    (".example.example", None),
    // Unlisted TLD.
    ("example", None),
    ("example.example", Some("example.example")),
    ("b.example.example", Some("example.example")),
    ("a.b.example.example", Some("example.example")),
    // TLD with only 1 rule.
    ("biz", None),
    ("domain.biz", Some("domain.biz")),
    ("b.domain.biz", Some("domain.biz")),
    ("a.b.domain.biz", Some("domain.biz")),
    // TLD with some 2-level rules.
    ("com", None),
    ("example.com", Some("example.com")),
    ("b.example.com", Some("example.com")),
    ("a.b.example.com", Some("example.com")),
    ("uk.com", None),
    ("example.uk.com", Some("example.uk.com")),
    ("b.example.uk.com", Some("example.uk.com")),
    ("a.b.example.uk.com", Some("example.uk.com")),
    ("test.ac", Some("test.ac")),
    // TLD with only 1 (wildcard) rule.
    ("mm", None),
    ("c.mm", None),
    ("b.c.mm", Some("b.c.mm")),
    ("a.b.c.mm", Some("b.c.mm")),
    // More complex TLD.
    ("jp", None),
    ("test.jp", Some("test.jp")),
    ("www.test.jp", Some("test.jp")),
    ("ac.jp", None),
    ("test.ac.jp", Some("test.ac.jp")),
    ("www.test.ac.jp", Some("test.ac.jp")),
    ("kyoto.jp", None),
    ("test.kyoto.jp", Some("test.kyoto.jp")),
    ("ide.kyoto.jp", None),
    ("b.ide.kyoto.jp", Some("b.ide.kyoto.jp")),
    ("a.b.ide.kyoto.jp", Some("b.ide.kyoto.jp")),
    ("c.kobe.jp", None),
    ("b.c.kobe.jp", Some("b.c.kobe.jp")),
    ("a.b.c.kobe.jp", Some("b.c.kobe.jp")),
    ("city.kobe.jp", Some("city.kobe.jp")),
    ("www.city.kobe.jp", Some("city.kobe.jp")),
    // TLD with a wildcard rule and exceptions.
    ("ck", None),
    ("test.ck", None),
    ("b.test.ck", Some("b.test.ck")),
    ("a.b.test.ck", Some("b.test.ck")),
    ("www.ck", Some("www.ck")),
    ("www.www.ck", Some("www.ck")),
    // US K12.
    ("us", None),
    ("test.us", Some("test.us")),
    ("www.test.us", Some("test.us")),
    ("ak.us", None),
    ("test.ak.us", Some("test.ak.us")),
    ("www.test.ak.us", Some("test.ak.us")),
    ("k12.ak.us", None),
    ("test.k12.ak.us", Some("test.k12.ak.us")),
    ("www.test.k12.ak.us", Some("test.k12.ak.us")),
    // IDN labels.
    ("食狮.com.cn", Some("食狮.com.cn")),
    ("食狮.公司.cn", Some("食狮.公司.cn")),
    ("www.食狮.公司.cn", Some("食狮.公司.cn")),
    ("shishi.公司.cn", Some("shishi.公司.cn")),
    ("公司.cn", None),
    ("食狮.中国", Some("食狮.中国")),
    ("www.食狮.中国", Some("食狮.中国")),
    ("shishi.中国", Some("shishi.中国")),
    ("中国", None),
    // Same as above, but punycoded.
    ("xn--85x722f.com.cn", Some("xn--85x722f.com.cn")),
    ("xn--85x722f.xn--55qx5d.cn", Some("xn--85x722f.xn--55qx5d.cn")),
    ("www.xn--85x722f.xn--55qx5d.cn", Some("xn--85x722f.xn--55qx5d.cn")),
    ("shishi.xn--55qx5d.cn", Some("shishi.xn--55qx5d.cn")),
    ("xn--55qx5d.cn", None),
    ("xn--85x722f.xn--fiqs8s", Some("xn--85x722f.xn--fiqs8s")),
    ("www.xn--85x722f.xn--fiqs8s", Some("xn--85x722f.xn--fiqs8s")),
    ("shishi.xn--fiqs8s", Some("shishi.xn--fiqs8s")),
    ("xn--fiqs8s", None),
];

fn registrable(host: &str) -> Option<String> {
    split(host).registrable.map(str::to_lowercase)
}

#[test]
fn psl_test_vectors_as_given() {
    assert!(PSL_TEST_VECTORS.len() >= 75);
    for (input, want) in PSL_TEST_VECTORS {
        assert_eq!(registrable(input).as_deref(), *want, "{input}");
    }
}

#[test]
fn psl_test_vectors_after_to_ascii() {
    // The engine's own path: canonical ASCII host first, then the split.
    for (input, want) in PSL_TEST_VECTORS {
        let got = to_ascii(input).and_then(|h| registrable(&h));
        let want = want.and_then(to_ascii);
        assert_eq!(got, want, "{input}");
    }
}

/// Cases written for this crate: (host, suffix, registrable, private section).
const SPLITS: &[(&str, &str, Option<&str>, bool)] = &[
    // Hosting platforms (PRIVATE section): each customer is its own site.
    ("x.duckdns.org", "duckdns.org", Some("x.duckdns.org"), true),
    ("www.x.duckdns.org", "duckdns.org", Some("x.duckdns.org"), true),
    ("y.pages.dev", "pages.dev", Some("y.pages.dev"), true),
    ("a.b.pages.dev", "pages.dev", Some("b.pages.dev"), true),
    ("z.github.io", "github.io", Some("z.github.io"), true),
    ("github.io", "github.io", None, true),
    ("pages.dev", "pages.dev", None, true),
    ("foo.blogspot.com", "blogspot.com", Some("foo.blogspot.com"), true),
    ("my-app.web.app", "web.app", Some("my-app.web.app"), true),
    ("site.netlify.app", "netlify.app", Some("site.netlify.app"), true),
    ("worker.acct.workers.dev", "workers.dev", Some("acct.workers.dev"), true),
    // A private wildcard rule: *.compute.amazonaws.com.
    ("ec2-1-2-3-4.us-east-2.compute.amazonaws.com", "us-east-2.compute.amazonaws.com", Some("ec2-1-2-3-4.us-east-2.compute.amazonaws.com"), true),
    // A private suffix itself is no one's site, like github.io.
    ("duckdns.org", "duckdns.org", None, true),
    // Rules from the ICANN section are not flagged.
    ("www.example.org", "org", Some("example.org"), false),
    ("www.github.com", "com", Some("github.com"), false),
    ("example.com", "com", Some("example.com"), false),
    // Japanese second-level and prefecture/city rules.
    ("example.co.jp", "co.jp", Some("example.co.jp"), false),
    ("www.example.co.jp", "co.jp", Some("example.co.jp"), false),
    ("co.jp", "co.jp", None, false),
    ("example.ne.jp", "ne.jp", Some("example.ne.jp"), false),
    ("tokyo.jp", "tokyo.jp", None, false),
    ("example.tokyo.jp", "tokyo.jp", Some("example.tokyo.jp"), false),
    ("shibuya.tokyo.jp", "shibuya.tokyo.jp", None, false),
    ("city.shibuya.tokyo.jp", "shibuya.tokyo.jp", Some("city.shibuya.tokyo.jp"), false),
    ("東京.jp", "東京.jp", None, false),
    ("xn--1lqs71d.jp", "xn--1lqs71d.jp", None, false),
    ("example.xn--1lqs71d.jp", "xn--1lqs71d.jp", Some("example.xn--1lqs71d.jp"), false),
    // Wildcard and exception rules.
    ("a.b.ck", "b.ck", Some("a.b.ck"), false),
    ("www.ck", "ck", Some("www.ck"), false),
    ("ck", "ck", None, false),
    ("foo.city.kobe.jp", "kobe.jp", Some("city.kobe.jp"), false),
    ("school.sch.uk", "school.sch.uk", None, false),
    ("www.school.sch.uk", "school.sch.uk", Some("www.school.sch.uk"), false),
    ("example.co.uk", "co.uk", Some("example.co.uk"), false),
    // Unknown TLD: the default rule `*`.
    ("shop.example.invalidtld", "invalidtld", Some("example.invalidtld"), false),
    ("localhost", "localhost", None, false),
    // Empty labels: no registrable domain.
    ("", "", None, false),
    ("example.com.", "", None, false),
    ("a..example.com", "com", None, false),
];

#[test]
fn suffix_registrable_and_section() {
    for &(host, suffix, registrable, private) in SPLITS {
        let p = split(host);
        assert_eq!((p.suffix, p.registrable, p.private_suffix, p.ip), (suffix, registrable, private, false), "{host}");
    }
}

#[test]
fn ip_literals() {
    for host in ["127.0.0.1", "192.168.0.1", "8.8.8.8", "[::1]", "[2001:db8::8a2e:370:7334]", "[::ffff:10.0.0.1]"] {
        assert!(is_ip(host), "{host}");
        let p = split(host);
        assert_eq!((p.suffix, p.registrable, p.private_suffix, p.ip), (host, None, false, true), "{host}");
    }
    for host in ["1.2.3", "1.2.3.4.5", "256.0.0.1", "::1", "[::1", "1.2.3.4.com", "example.com", "[example.com]", "+1.2.3.4"] {
        assert!(!is_ip(host), "{host}");
        assert!(!split(host).ip, "{host}");
    }
    // Numbers that are not an address are an ordinary (unlisted) TLD.
    assert_eq!(split("1.2.3.4.5").registrable, Some("4.5"));
}

#[test]
fn to_ascii_cases() {
    let cases: &[(&str, Option<&str>)] = &[
        ("example.com", Some("example.com")),
        ("Example.COM", Some("example.com")),
        ("bücher.example", Some("xn--bcher-kva.example")),
        ("食狮.公司.cn", Some("xn--85x722f.xn--55qx5d.cn")),
        ("日本語。jp", Some("xn--wgv71a119e.jp")),
        ("例え．テスト", Some("xn--r8jz45g.xn--zckzah")),
        ("ｅｘａｍｐｌｅ｡ｃｏｍ", Some("example.com")),
        ("ＰＡＹＰＡＬ．ＣＯＭ", Some("paypal.com")),
        ("аррӏе.com", Some("xn--80ak6aa92e.com")),
        ("xn--bcher-kva.example", Some("xn--bcher-kva.example")),
        ("[::1]", Some("[::1]")),
        ("127.0.0.1", Some("127.0.0.1")),
        ("", None),
        ("a..b", None),
        (".example.com", None),
        ("example.com.", None),
        ("ex\u{0}ü.com", None),
    ];
    for (input, want) in cases {
        assert_eq!(to_ascii(input).as_deref(), *want, "{input:?}");
    }
    let long_label = format!("{}.com", "a".repeat(64));
    assert_eq!(to_ascii(&long_label), None);
    let long_host = vec!["abcdefghi"; 26].join(".");
    assert_eq!(long_host.len(), 259);
    assert_eq!(to_ascii(&long_host), None);
}

#[test]
fn to_unicode_cases() {
    let cases: &[(&str, &str)] = &[
        ("example.com", "example.com"),
        ("xn--bcher-kva.example", "bücher.example"),
        ("xn--85x722f.xn--55qx5d.cn", "食狮.公司.cn"),
        ("xn--wgv71a119e.jp", "日本語.jp"),
        ("xn--80ak6aa92e.com", "аррӏе.com"),
        // Invalid punycode and ASCII-only decodings are left alone.
        ("xn--.com", "xn--.com"),
        ("xn--zz.com", "xn--zz.com"),
        ("xn--abc-.com", "xn--abc-.com"),
        ("xn--bcher-kva-.com", "xn--bcher-kva-.com"),
        ("[::1]", "[::1]"),
        ("", ""),
    ];
    for (input, want) in cases {
        assert_eq!(to_unicode(input), *want, "{input}");
    }
}

#[test]
fn to_ascii_and_to_unicode_round_trip() {
    for host in ["bücher.example", "食狮.公司.cn", "日本語.jp", "пример.рф", "παράδειγμα.δοκιμή", "مثال.إختبار", "example.com"] {
        let ascii = to_ascii(host).unwrap_or_default();
        assert!(ascii.is_ascii(), "{host}");
        assert_eq!(to_unicode(&ascii), host);
    }
}

/// A small deterministic generator (xorshift) so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn exercise(s: &str) {
    let p = split(s);
    assert!(s.ends_with(p.suffix));
    if let Some(r) = p.registrable {
        assert!(s.ends_with(r) && r.ends_with(p.suffix) && r.len() > p.suffix.len());
    }
    let _ = is_ip(s);
    if let Some(a) = to_ascii(s) {
        assert!(a.is_ascii() && a.len() <= 253);
        let _ = split(&a);
        let _ = to_unicode(&a);
    }
    let _ = to_unicode(s);
}

#[test]
fn random_bytes_do_not_panic() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let pieces = ["xn--", ".", "-", "。", "．", "[", "]", ":", "*", "!", "ü", "食", "ｅ", "\u{200B}", "\u{FFFD}", "com", "jp", "ck", "pages.dev"];
    for _ in 0..20_000 {
        let len = (rng.next() % 40) as usize;
        let bytes: Vec<u8> = (0..len).map(|_| (rng.next() & 0xFF) as u8).collect();
        exercise(&String::from_utf8_lossy(&bytes));
        let mut s = String::new();
        for _ in 0..(rng.next() % 12) {
            s.push_str(pieces[(rng.next() % pieces.len() as u64) as usize]);
            if rng.next() % 3 == 0 {
                s.push(char::from(b'a' + (rng.next() % 26) as u8));
            }
        }
        exercise(&s);
    }
}

#[test]
fn long_inputs_do_not_panic() {
    let inputs = [
        "a.".repeat(100_000) + "com",
        "xn--".repeat(50_000),
        format!("xn--{}", "9".repeat(100_000)),
        format!("xn--{}.com", "a".repeat(100_000)),
        "食".repeat(50_000),
        ".".repeat(100_000),
        "。".repeat(30_000),
        format!("[{}]", ":".repeat(100_000)),
        "1.".repeat(50_000),
        "www.".repeat(25_000) + "pages.dev",
    ];
    for s in &inputs {
        exercise(s);
    }
    let deep = "a.".repeat(100_000) + "b.pages.dev";
    assert_eq!(split(&deep).registrable, Some("b.pages.dev"));
}
