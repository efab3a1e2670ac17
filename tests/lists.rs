//! Threat and trust lists: feed formats from small files written for the
//! tests, expression matching through the engine, the stored form, and a
//! property test with a deterministic generator.

use sagiguard::lists::{self, CompiledList, FeedError, Format, ListBuilder, LoadError, Role};
use sagiguard::verdict::Level;
use sagiguard::Engine;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/feeds/{name}", env!("CARGO_MANIFEST_DIR"));
    String::from_utf8_lossy(&std::fs::read(&path).expect("fixture exists")).into_owned()
}

fn compile(name: &str, role: Role) -> (CompiledList, lists::FeedReport) {
    lists::compile_feed(&fixture(name), role, name).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// An engine with one list from entries given inline.
fn engine_with(role: Role, entries: &[&str]) -> Engine {
    let mut b = ListBuilder::new(role);
    for e in entries {
        assert!(b.add_entry(e).unwrap(), "{e} should be a usable entry");
    }
    let mut engine = Engine::new();
    engine.lists_mut().insert(role, b.finish("test list").unwrap());
    engine
}

fn codes(engine: &Engine, url: &str) -> Vec<&'static str> {
    engine.check_url(url).unwrap().reasons.iter().map(|r| r.code).collect()
}

fn listed(engine: &Engine, url: &str) -> bool {
    codes(engine, url).iter().any(|c| *c == "threat-list" || *c == "trust-list")
}

// ---- feed formats -------------------------------------------------------

#[test]
fn openphish_urls_with_bom_crlf_comments_duplicates_and_garbage() {
    let (list, report) = compile("openphish.txt", Role::Block);
    assert_eq!(report.format, Format::Urls);
    assert_eq!((list.len(), report.accepted, report.skipped), (4, 5, 2));
    assert!(list.contains("login.evil-bank.example/secure/signin.php"));
    assert!(list.contains("phish.example.net/"));
    assert!(list.contains("abc.pages.dev/wallet/"));
    assert!(list.contains("203.0.113.9/paypal/login"));
}

#[test]
fn domain_list_with_wildcards_and_platform_suffixes() {
    let (list, report) = compile("domains.txt", Role::Block);
    assert_eq!(report.format, Format::Domains);
    assert_eq!((list.len(), report.skipped), (4, 3));
    for e in ["evil.example/", "wildcard.example/", "adblock.example/", "scam-shop.example.co.jp/"] {
        assert!(list.contains(e), "{e}");
    }
    assert!(!list.contains("pages.dev/"), "a hosting platform itself is never an entry");
}

#[test]
fn hosts_file() {
    let (list, report) = compile("hosts.txt", Role::Block);
    assert_eq!(report.format, Format::Hosts);
    assert_eq!((list.len(), report.skipped), (4, 2));
    for e in ["ads.tracker.example/", "malware.example/", "one.example/", "two.example/"] {
        assert!(list.contains(e), "{e}");
    }
    assert!(!list.contains("localhost/") && !list.contains("notasinkhole.example/"));
}

#[test]
fn jpcert_csv_with_header_quotes_and_broken_rows() {
    let (list, report) = compile("jpcert.csv", Role::Block);
    assert_eq!(report.format, Format::CsvUrl);
    assert_eq!((list.len(), report.skipped), (3, 2));
    assert!(list.contains("amaz0n-jp.example/ap/signin"));
    assert!(list.contains("smbc-card.example/login"));
    assert!(list.contains("mercari.fake.example/"));
}

#[test]
fn tranco_as_trust_list_skips_hosting_platforms() {
    let (list, report) = compile("tranco.csv", Role::Trust);
    assert_eq!(report.format, Format::CsvRank);
    assert_eq!((list.len(), report.skipped), (3, 3));
    let mut engine = Engine::new();
    engine.lists_mut().insert(Role::Trust, list);
    assert_eq!(engine.check_url("https://mail.google.com/").unwrap().level, Level::Trusted);
    assert_eq!(engine.check_url("https://www.amazon.co.jp/dp/1").unwrap().level, Level::Trusted);
    // `github.io` and `blogspot.com` are platforms: their customers are not trusted.
    assert!(!listed(&engine, "https://evil.github.io/login"));
    assert!(!listed(&engine, "https://scam.blogspot.com/"));
}

#[test]
fn metamask_config_picks_the_array_for_the_role() {
    let (block, report) = compile("metamask-config.json", Role::Block);
    assert_eq!(report.format, Format::JsonMetamask);
    assert_eq!((block.len(), report.skipped), (3, 1));
    assert!(block.contains("airdrop-claim.example/"));
    assert!(!block.contains("metamask.io/"));
    let (trust, _) = compile("metamask-config.json", Role::Trust);
    assert_eq!(trust.len(), 2);
    assert!(trust.contains("metamask.io/") && !trust.contains("metamask-wallet.example/"));
}

#[test]
fn polkadot_all_json() {
    let (block, report) = compile("polkadot-all.json", Role::Block);
    assert_eq!(report.format, Format::JsonPolkadot);
    assert_eq!((block.len(), report.skipped), (3, 1));
    assert!(block.contains("kusama-gift.example/claim"), "defanged entries are refanged");
    let (trust, _) = compile("polkadot-all.json", Role::Trust);
    assert!(trust.contains("polkadot.network/"));
}

#[test]
fn unusable_feeds_are_errors_not_lists() {
    assert!(matches!(lists::compile_feed(&fixture("broken.json"), Role::Block, "x"), Err(FeedError::Json(_))));
    assert_eq!(lists::compile_feed(&fixture("no-entries.txt"), Role::Block, "x").unwrap_err(), FeedError::NoEntries { skipped: 2 });
    assert_eq!(lists::compile_feed("", Role::Block, "x").unwrap_err(), FeedError::NoEntries { skipped: 0 });
    // MetaMask config offered as a polkadot-less trust feed with no usable key.
    assert!(matches!(lists::compile_feed(r#"{"fuzzylist": ["a.example"]}"#, Role::Block, "x"), Err(FeedError::Json(_))));
    let huge = " ".repeat(lists::MAX_FEED_BYTES + 1);
    assert!(matches!(lists::compile_feed(&huge, Role::Block, "x"), Err(FeedError::TooLarge { .. })));
}

// ---- expression matching --------------------------------------------------

#[test]
fn path_prefix_entry_matches_subdomains_and_deeper_paths_only() {
    let engine = engine_with(Role::Block, &["evil.example/login/"]);
    let v = engine.check_url("http://a.evil.example/login/x?y").unwrap();
    assert_eq!(v.level, Level::Danger);
    let reason = v.reasons.iter().find(|r| r.code == "threat-list").unwrap();
    assert_eq!(reason.detail.as_deref(), Some("test list"));
    assert!(listed(&engine, "https://evil.example/login/"));
    assert!(!listed(&engine, "https://evil.example/"));
    assert!(!listed(&engine, "https://evil.example/other/login/"));
    assert!(!listed(&engine, "https://evil.example.com/login/"));
    assert!(!listed(&engine, "https://notevil.example/login/"));
}

#[test]
fn host_entry_covers_the_host_and_its_subdomains() {
    let engine = engine_with(Role::Block, &["evil.example"]);
    assert!(listed(&engine, "evil.example"));
    assert!(listed(&engine, "https://www.evil.example/any/path?q"));
    assert!(!listed(&engine, "https://evil.example.com/"));
    assert!(!listed(&engine, "https://example/"));
}

#[test]
fn hosts_only_lists_are_flagged_and_still_match_every_url_of_their_hosts() {
    let mut hosts = ListBuilder::new(Role::Block);
    for e in ["evil.example", "||bad.example^", "192.0.2.7", "*.worse.example"] {
        hosts.add_entry(e).unwrap();
    }
    let hosts = hosts.finish("hosts").unwrap();
    assert!(hosts.hosts_only() && hosts.meta().hosts_only);
    let mut mixed = ListBuilder::new(Role::Block);
    for e in ["evil.example", "https://phish.example/login/"] {
        mixed.add_entry(e).unwrap();
    }
    let mixed = mixed.finish("mixed").unwrap();
    assert!(!mixed.hosts_only());
    // Looked up by host expressions alone, a hosts-only list misses nothing.
    let mut engine = Engine::new();
    engine.lists_mut().insert(Role::Block, hosts);
    for url in ["https://evil.example/", "https://a.b.evil.example/x/y/z.html?q=1", "http://192.0.2.7/a/b", "https://bad.example/?x", "https://worse.example/p/"] {
        assert!(listed(&engine, url), "{url}");
    }
    assert!(!listed(&engine, "https://evil.example.com/a"));
    let mut engine = Engine::new();
    engine.lists_mut().insert(Role::Block, mixed);
    assert!(listed(&engine, "https://phish.example/login/x"));
    assert!(listed(&engine, "https://www.evil.example/a/b"));
    assert!(!listed(&engine, "https://phish.example/other"));
}

#[test]
fn a_list_stored_before_the_hosts_only_flag_is_looked_up_by_every_expression() {
    // Before the flag, the header's word at 44 was 0 for every list.
    let mut b = ListBuilder::new(Role::Block);
    b.add_entry("evil.example").unwrap();
    let mut bytes = b.finish("old").unwrap().into_bytes();
    bytes[44..48].copy_from_slice(&0u32.to_le_bytes());
    let sum = lists::hash::hash64(&bytes[16..]);
    bytes[8..16].copy_from_slice(&sum.to_le_bytes());
    let old = CompiledList::load("old", Role::Block, bytes).unwrap();
    assert!(!old.hosts_only());
    let mut engine = Engine::new();
    engine.lists_mut().insert(Role::Block, old);
    assert!(listed(&engine, "https://www.evil.example/a/b?c"));
}

#[test]
fn platform_customer_entry_never_blocks_the_platform() {
    let engine = engine_with(Role::Block, &["abc.pages.dev", "https://victim.github.io/phish/"]);
    assert!(listed(&engine, "https://abc.pages.dev/"));
    assert!(listed(&engine, "https://x.abc.pages.dev/"));
    assert!(!listed(&engine, "https://other.pages.dev/"));
    assert!(!listed(&engine, "https://pages.dev/"));
    assert!(listed(&engine, "https://victim.github.io/phish/index.html"));
    assert!(!listed(&engine, "https://victim.github.io/blog/"));
    let mut b = ListBuilder::new(Role::Trust);
    assert!(!b.add_entry("github.io").unwrap(), "a bare platform suffix is refused");
    assert!(!b.add_entry("co.jp").unwrap());
}

#[test]
fn a_platform_the_suffix_list_does_not_know_is_not_a_trust_for_its_users() {
    // `weebly.com` is a hosting platform from our own table, not the public
    // suffix list: an entry naming it covers the platform's own pages only.
    let engine = engine_with(Role::Trust, &["weebly.com"]);
    assert!(listed(&engine, "https://www.weebly.com/pricing"));
    assert!(!listed(&engine, "https://paypal-verify.weebly.com/"));
    // The site a person trusts from there is the user's site, not the platform.
    let mut engine = Engine::new();
    let v = engine.check_url("https://login.cooking-notes.weebly.com/").unwrap();
    assert_eq!(v.site.as_deref(), Some("cooking-notes.weebly.com"));
    let site = v.site.unwrap();
    engine.lists_mut().set_user_lists(&[site.as_str()], &[]).unwrap();
    assert_eq!(engine.check_url("https://cooking-notes.weebly.com/").unwrap().level, Level::Trusted);
    assert!(codes(&engine, "https://paypal-verify.weebly.com/").iter().all(|c| *c != "user-allow"));
    // Elsewhere the site stays the registrable domain.
    assert_eq!(engine.check_url("https://shop.example.co.jp/a").unwrap().site.as_deref(), Some("example.co.jp"));
}

#[test]
fn feeds_report_the_hosts_they_list_whole() {
    // A front-page entry covers the whole host: those go to the browser's
    // pre-load rule. Entries with a path, bracketed IPv6 literals and a hosting
    // platform's own name (a rule for it would cover every user) do not.
    let feed = "https://evil.example/\nhttp://phish.example/login.php\nwhole.example\nhttps://victim.weebly.com/\n\
                https://www.weebly.com/\nhttp://[2001:db8::1]/\nhttp://203.0.113.9/\nhttps://evil.example/?x=1\n";
    let (list, report) = lists::compile_feed(feed, Role::Block, "t").unwrap();
    assert_eq!(report.whole_hosts, ["203.0.113.9", "evil.example", "victim.weebly.com", "whole.example"]);
    assert_eq!(list.len(), 7);
    let many: String = (0..lists::MAX_WHOLE_HOSTS + 10).map(|i| format!("h{i}.example\n")).collect();
    assert_eq!(lists::compile_feed(&many, Role::Block, "t").unwrap().1.whole_hosts.len(), lists::MAX_WHOLE_HOSTS);
}

#[test]
fn ip_hosts_match_exactly() {
    let engine = engine_with(Role::Block, &["http://203.0.113.9/paypal/"]);
    assert!(listed(&engine, "http://203.0.113.9/paypal/login.html"));
    assert!(!listed(&engine, "http://203.0.113.10/paypal/login.html"));
    assert!(!listed(&engine, "http://203.0.113.9/"));
}

#[test]
fn block_beats_trust_and_the_users_own_lists_beat_both() {
    let mut engine = engine_with(Role::Block, &["shady.example"]);
    let mut trust = ListBuilder::new(Role::Trust);
    trust.add_entry("shady.example").unwrap();
    trust.add_entry("good.example").unwrap();
    engine.lists_mut().insert(Role::Trust, trust.finish("top sites").unwrap());
    assert_eq!(engine.check_url("https://shady.example/").unwrap().level, Level::Danger);
    assert_eq!(engine.check_url("https://good.example/").unwrap().level, Level::Trusted);

    let report = engine.lists_mut().set_user_lists(&["shady.example", "not a domain"], &["good.example"]).unwrap();
    assert_eq!((report.allow, report.block, report.skipped), (1, 1, 1));
    let v = engine.check_url("https://shady.example/").unwrap();
    assert_eq!(v.level, Level::Trusted);
    assert!(v.reasons.iter().any(|r| r.code == "user-allow"));
    let v = engine.check_url("https://good.example/").unwrap();
    assert_eq!(v.level, Level::Danger);
    assert!(v.reasons.iter().any(|r| r.code == "user-block"));

    engine.lists_mut().set_user_lists::<&str>(&[], &[]).unwrap();
    assert_eq!(engine.check_url("https://good.example/").unwrap().level, Level::Trusted);
    assert!(engine.lists_mut().remove(Role::Block, "test list"));
    assert_eq!(engine.check_url("https://shady.example/").unwrap().level, Level::Trusted);
}

#[test]
fn a_reloaded_list_replaces_the_one_with_its_name() {
    let mut engine = engine_with(Role::Block, &["old.example"]);
    let mut b = ListBuilder::new(Role::Block);
    b.add_entry("new.example").unwrap();
    engine.lists_mut().insert(Role::Block, b.finish("test list").unwrap());
    assert!(!listed(&engine, "https://old.example/"));
    assert!(listed(&engine, "https://new.example/"));
    assert_eq!(engine.lists().info().len(), 1);
}

// ---- stored form ----------------------------------------------------------

#[test]
fn round_trip_keeps_entries_and_metadata() {
    let (list, _) = compile("jpcert.csv", Role::Block);
    let bytes = list.as_bytes().to_vec();
    let loaded = CompiledList::load("JPCERT/CC", Role::Block, bytes.clone()).unwrap();
    assert_eq!(loaded.name(), "JPCERT/CC");
    assert_eq!(loaded.len(), list.len());
    let (m, n) = (loaded.meta(), list.meta());
    assert_eq!((m.role, m.format, m.entries, m.skipped, m.built_at, m.build_ms, m.hosts_only), (n.role, n.format, n.entries, n.skipped, n.built_at, n.build_ms, n.hosts_only));
    assert!(!m.hosts_only, "JPCERT/CC lists URLs with paths");
    assert!(loaded.contains("amaz0n-jp.example/ap/signin"));
    assert_eq!(loaded.as_bytes(), &bytes[..], "stored form is the memory form");
    assert_eq!(CompiledList::load("x", Role::Trust, bytes).unwrap_err(), LoadError::WrongRole);
}

#[test]
fn damaged_bytes_are_refused_without_panic() {
    let (list, _) = compile("openphish.txt", Role::Block);
    let good = list.as_bytes().to_vec();
    for i in 0..good.len() {
        let mut bad = good.clone();
        bad[i] ^= 0x5A;
        assert!(CompiledList::from_bytes(bad).is_err(), "flipped byte {i} accepted");
    }
    for len in 0..good.len() {
        assert!(CompiledList::from_bytes(good[..len].to_vec()).is_err(), "truncated to {len} accepted");
    }
    let mut longer = good.clone();
    longer.extend_from_slice(&[0; 8]);
    assert_eq!(CompiledList::from_bytes(longer).unwrap_err(), LoadError::BadLength);
    let mut rng = Rng(7);
    for _ in 0..200 {
        let len = (rng.next() % 4096) as usize;
        let mut junk: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        if junk.len() >= 4 && rng.next() % 2 == 0 {
            junk[..4].copy_from_slice(b"SGLS");
        }
        assert!(CompiledList::from_bytes(junk).is_err());
    }
}

// ---- property test ------------------------------------------------------------

/// splitmix64: deterministic, so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn label(&mut self) -> String {
        let len = 3 + (self.next() % 10) as usize;
        (0..len).map(|_| (b'a' + (self.next() % 26) as u8) as char).collect()
    }
}

#[test]
fn no_entry_is_lost_and_clean_urls_do_not_match() {
    const TLDS: &[&str] = &["com", "net", "jp", "co.jp", "xyz", "pages.dev", "github.io"];
    let mut rng = Rng(2024);
    let mut entries = Vec::new();
    for _ in 0..20_000 {
        let tld = TLDS[(rng.next() % TLDS.len() as u64) as usize];
        let host = format!("{}.{}.{tld}", rng.label(), rng.label());
        entries.push(match rng.next() % 3 {
            0 => host,
            1 => format!("https://{host}/{}/", rng.label()),
            _ => format!("http://{host}/{}/{}.html", rng.label(), rng.label()),
        });
    }
    let mut b = ListBuilder::new(Role::Block);
    let report = b.add_feed(&entries.join("\n")).unwrap();
    assert_eq!(report.skipped, 0);
    let list = b.finish("random").unwrap();
    let bytes = list.as_bytes().to_vec();
    assert!(bytes.len() as f64 / list.len() as f64 <= 5.0, "{} bytes for {} entries", bytes.len(), list.len());
    let mut engine = Engine::new();
    engine.lists_mut().insert(Role::Block, CompiledList::from_bytes(bytes).unwrap());
    for e in &entries {
        // A page under every entry: deeper path, query, a subdomain.
        let url = if e.contains("://") {
            let (scheme, rest) = e.split_once("://").unwrap();
            let suffix = if rest.ends_with('/') { "page?x=1" } else { "?x=1" };
            format!("{scheme}://www.{rest}{suffix}")
        } else {
            format!("https://www.{e}/some/page")
        };
        assert!(listed(&engine, &url), "entry {e} lost (probed with {url})");
    }
    let mut clean = Rng(99);
    for _ in 0..50_000 {
        let tld = TLDS[(clean.next() % TLDS.len() as u64) as usize];
        let url = format!("https://{}.{}.{tld}/{}/{}?q={}", clean.label(), clean.label(), clean.label(), clean.label(), clean.next());
        assert!(!listed(&engine, &url), "clean {url} matched");
    }
}

// ---- command line -------------------------------------------------------------

#[test]
fn cli_compile_stats_and_scan_with_lists() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let bin = env!("CARGO_BIN_EXE_sagiguard");
    let dir = std::env::temp_dir().join(format!("sagiguard-lists-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("block.sgl");
    let feeds = format!("{}/tests/fixtures/feeds", env!("CARGO_MANIFEST_DIR"));
    let status = Command::new(bin)
        .args(["list", "compile", &format!("{feeds}/openphish.txt"), &format!("{feeds}/hosts.txt"), "-o"])
        .arg(&out)
        .stderr(Stdio::null())
        .output()
        .unwrap();
    assert!(status.status.success());
    let stats = Command::new(bin).args(["list", "stats"]).arg(&out).output().unwrap();
    let stats = String::from_utf8(stats.stdout).unwrap();
    assert!(stats.contains("entries: 8"), "{stats}");
    assert!(stats.contains("format: mixed"), "{stats}");

    let mut scan = Command::new(bin)
        .arg("scan")
        .arg("--block")
        .arg(&out)
        .args(["--allow", &format!("{feeds}/tranco.csv")])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    scan.stdin.take().unwrap().write_all(b"http://phish.example.net/a\nhttps://www.google.com/\nhttps://evil.github.io/\n").unwrap();
    let text = String::from_utf8(scan.wait_with_output().unwrap().stdout).unwrap();
    let levels: Vec<&str> = text.lines().map(|l| l.split('\t').nth(1).unwrap()).collect();
    assert_eq!(levels, ["danger", "trusted", "unknown"], "{text}");
    std::fs::remove_dir_all(&dir).ok();
}
