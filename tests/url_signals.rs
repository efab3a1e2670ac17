//! URL signals other than brand matching (hosting, host lexicon, path shapes),
//! through the public engine: what each must flag, and the near misses it must
//! leave alone. Every address here was written for these tests.

use sagiguard::verdict::{Level, Verdict};
use sagiguard::Engine;

fn check(url: &str) -> Verdict {
    Engine::new().check_url(url).unwrap_or_else(|e| panic!("{url}: {e}"))
}

fn codes(url: &str) -> Vec<&'static str> {
    check(url).reasons.iter().map(|r| r.code).collect()
}

fn has(url: &str, code: &str) -> bool {
    codes(url).contains(&code)
}

fn detail(url: &str, code: &str) -> Option<String> {
    check(url).reasons.into_iter().find(|r| r.code == code).and_then(|r| r.detail).map(String::from)
}

fn flagged(url: &str) -> bool {
    check(url).level >= Level::Caution
}

// --- hosting -------------------------------------------------------------

#[test]
fn user_sites_on_hosting_platforms() {
    assert!(has("https://my-shop-7.pages.dev/", "free-hosting"));
    assert!(has("https://x.y.workers.dev/path", "free-hosting"));
    assert!(has("https://someone.github.io/project/", "free-hosting"));
    assert!(has("https://pub-0a1b2c.r2.dev/index.html", "free-hosting"));
    assert!(has("http://mypage.weebly.com/", "free-hosting"));
    assert_eq!(detail("https://my-shop-7.pages.dev/", "free-hosting").as_deref(), Some("pages.dev"));
}

#[test]
fn platforms_own_pages_are_not_user_sites() {
    assert!(!has("https://pages.dev/", "free-hosting"));
    assert!(!has("https://www.weebly.com/", "free-hosting"));
    assert!(!has("https://github.io/", "free-hosting"));
    // A name that merely ends like a platform is not on it.
    assert!(!has("https://mypages.dev/", "free-hosting"));
    assert!(!has("https://notgithub.io/", "free-hosting"));
}

#[test]
fn path_hosted_user_content() {
    assert!(has("https://sites.google.com/view/some-club/home", "free-hosting"));
    assert!(!has("https://sites.google.com/", "free-hosting"));
    assert!(!has("https://www.google.com/search?q=x", "free-hosting"));
}

#[test]
fn a_plain_project_site_on_a_platform_is_not_flagged() {
    assert!(!flagged("https://cooking-notes.pages.dev/"));
    assert!(!flagged("https://alice.github.io/blog/2024/01/"));
    assert!(!flagged("https://team-wiki.netlify.app/docs/setup"));
}

#[test]
fn platform_plus_more_evidence_is_caution() {
    // Random name on a platform.
    assert!(flagged("https://xkqzvwpt.pages.dev/"));
    // Sign-in words in the user's own name on a platform.
    assert!(flagged("https://secure-login-center.weebly.com/"));
}

#[test]
fn dynamic_dns() {
    assert!(has("http://myhome.duckdns.org/", "dynamic-dns"));
    assert!(has("https://abc.ddns.net/login", "dynamic-dns"));
    assert!(flagged("http://qwzkvbnrtx.duckdns.org/ja/main"));
    assert!(!has("https://www.duckdns.org/", "dynamic-dns"));
    assert!(!has("https://duckdns.org/", "dynamic-dns"));
}

#[test]
fn ipfs_content() {
    assert!(has("https://ipfs.io/ipfs/QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG/login.html", "ipfs"));
    let cid = "bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi";
    assert!(has(&format!("https://{cid}.ipfs.dweb.link/"), "ipfs"));
    assert!(has(&format!("https://{cid}.ipfs.gateway.example/"), "ipfs"));
    assert!(!has("https://ipfs.tech/", "ipfs"));
    assert!(!has("https://example.com/docs/ipfs/", "ipfs"));
}

#[test]
fn url_shorteners_with_a_link_only() {
    assert!(has("https://bit.ly/3abcXyZ", "url-shortener"));
    assert!(has("https://t.co/AbC123xyz", "url-shortener"));
    assert!(has("https://tinyurl.com/2p8xyz9w", "url-shortener"));
    assert!(!has("https://bit.ly/", "url-shortener"));
    assert!(!has("https://tinyurl.company.example/abc", "url-shortener"));
    // The link id is the shortener's own, not a kit's tag on a site that is no shortener.
    assert_eq!(codes("https://bit.ly/3abcXyZ"), ["url-shortener"]);
    assert!(has("https://files.example.org/3abcXyZq", "link-id-path"));
}

#[test]
fn mail_click_trackers_hide_where_a_link_leads() {
    // Every link in a mail sent through these services is rewritten to one
    // of their hosts, so a scam mail's link shows only the service.
    assert_eq!(codes("https://u1234567.ct.sendgrid.net/ls/click?upn=Ab12Cd34"), ["link-tracker"]);
    // Its link id is the tracker's own, as a shortener's is.
    assert_eq!(codes("https://u1234567.ct.sendgrid.net/3abcXyZq"), ["link-tracker"]);
    assert!(has("https://shop.us17.list-manage.com/track/click?u=1a2b&id=3c4d", "link-tracker"));
    assert!(has("https://abcdefg.r.bh.d.sendibt3.com/tr/cl/Xy12", "link-tracker"));
    // The services' own sites are not links of theirs, and a look-alike
    // ending is no tracker.
    assert!(!has("https://sendgrid.com/", "link-tracker"));
    assert!(!has("https://list-manage.com/", "link-tracker"));
    assert!(!has("https://ct.sendgrid.net.example.com/ls/click", "link-tracker"));
}

#[test]
fn a_brands_open_shortener_is_a_shortened_link_not_the_brand_speaking() {
    // Anyone can make a t.co or lnkd.in link to anywhere: it is not the brand's page.
    for url in ["https://t.co/AbC123xyz", "https://lnkd.in/gAbC12x"] {
        let v = check(url);
        assert_eq!(v.level, Level::Caution, "{url}");
        assert!(!has(url, "official-domain"), "{url}");
    }
    // The shortener's own front page is nothing to warn about.
    assert!(!flagged("https://t.co/"));
    // A brand's shortener that leads only to its own pages stays official.
    assert_eq!(check("https://amzn.to/3xYzAbc").level, Level::Trusted);
    assert_eq!(check("https://youtu.be/dQw4w9WgXcQ").level, Level::Trusted);
}

// --- host lexicon --------------------------------------------------------

#[test]
fn abused_tlds() {
    assert!(has("https://shop-example.top/", "heavily-abused-tld"));
    assert_eq!(detail("https://shop-example.top/", "heavily-abused-tld").as_deref(), Some(".top"));
    assert!(!has("https://shop-example.com/", "heavily-abused-tld"));
    assert!(!has("https://shop-example.com/", "abused-tld"));
    // The ending must be the top-level domain, not a label elsewhere.
    assert!(!has("https://top.example.com/", "heavily-abused-tld"));
}

#[test]
fn random_labels() {
    assert!(has("https://qxvzkwjhtp.com/", "random-label"));
    assert!(has("https://www.f3a9c2e1b7d04a6f8e2c.example.com/", "random-label"));
    assert!(has("https://login.xkqzvwpt.example.org/", "random-label"));
    assert_eq!(detail("https://qxvzkwjhtp.com/", "random-label").as_deref(), Some("qxvzkwjhtp"));
    for word in ["https://www.shopping-street.com/", "https://kuroneko-delivery.jp/", "https://example.com/", "https://tokyo-bakery.net/"] {
        assert!(!has(word, "random-label"), "{word}");
    }
    // Short names and numbers are not judged.
    assert!(!has("https://xkq.com/", "random-label"));
    assert!(!has("https://20240101.example.com/", "random-label"));
}

#[test]
fn random_name_on_abused_tld_is_caution() {
    assert!(flagged("https://qxvzkwjhtp.cn/"));
    assert!(!flagged("https://flower-garden.cn/"));
}

#[test]
fn another_domain_in_the_subdomains() {
    assert!(has("https://www.bank.co.jp.example-login.net/", "domain-in-subdomain"));
    assert!(has("https://shop.com.account-check.info/", "domain-in-subdomain"));
    assert!(has("https://www2-mybank-co-jp.example.com/", "domain-in-subdomain"));
    assert!(flagged("https://www.bank.co.jp.example-login.net/"));
    // Localized subdomains and names that merely end in "-net" are fine.
    assert!(!has("https://jp.example.com/", "domain-in-subdomain"));
    assert!(!has("https://www.tokyo-net.co.jp/", "domain-in-subdomain"));
    assert!(!has("https://go-to-market.example.com/", "domain-in-subdomain"));
}

#[test]
fn many_labels_and_hyphens() {
    assert!(has("https://a.b.c.d.e.example.com/", "many-labels"));
    assert!(!has("https://news.example.com/", "many-labels"));
    assert!(has("https://secure-account-service-center.example/", "many-hyphens"));
    assert!(!has("https://red-bean-bakery.example/", "many-hyphens"));
}

#[test]
fn bait_words_in_the_site_name() {
    assert!(has("https://account-verify-center.com/", "bait-word-domain"));
    assert!(has("https://claim-airdrop-now.xyz/", "bait-word-domain"));
    // Honest names with everyday words, and sign-in subdomains of a site.
    assert!(!has("https://security-news.example/", "bait-word-domain"));
    assert!(!has("https://customer-support.example/", "bait-word-domain"));
    assert!(!has("https://login.example.com/", "bait-word-domain"));
}

#[test]
fn wallet_drainer_words_in_the_site_name_call_for_caution_alone() {
    for url in ["https://free-airdrop.com/", "https://wallet-rectify.io/", "https://nft-whitelist.net/"] {
        assert!(has(url, "drainer-word-domain") && flagged(url), "{url}: {:?}", codes(url));
    }
    // Other bait words alone stay below caution, and a drainer word must be whole
    // inside the name (`rectifiers` is no `rectify`).
    assert!(!flagged("https://my-wallet-shop.com/"));
    assert!(!has("https://cathodic-rectifiers.com/", "drainer-word-domain"));
    assert!(!flagged("https://cathodic-rectifiers.com/"));
}

// --- structure of the address --------------------------------------------

#[test]
fn unusual_ports() {
    assert!(has("http://example.com:8888/", "unusual-port"));
    assert!(!has("http://example.com:8080/", "unusual-port"));
    assert!(!has("https://example.com:443/", "unusual-port"));
}

#[test]
fn bait_words_in_the_path() {
    assert!(has("https://example.com/secure/login.php", "bait-path"));
    assert!(has("https://example.com/account/verify", "bait-path"));
    assert!(!has("https://example.com/blog/logos", "bait-path"));
    assert!(!has("https://example.com/updates-2024/", "bait-path"));
}

#[test]
fn disguised_paths_are_seen_through() {
    // Canonicalization unescapes the path, so escaped sign-in words still count.
    assert!(has("https://example.com/%6c%6f%67%69%6e", "bait-path"));
    assert!(!has("https://example.com/%E3%81%82%E3%81%84", "bait-path"));
}

#[test]
fn bare_token_queries() {
    assert!(has("https://example.com/?kqwzrtyu", "bare-query"));
    assert!(!has("https://example.com/?page=2", "bare-query"));
    assert!(!has("https://example.com/item?kqwzrtyu", "bare-query"));
    assert!(!has("https://example.com/?a", "bare-query"));
}

#[test]
fn kit_paths_on_hacked_sites() {
    assert!(has("https://example.org/.well-known/pki-validation/mail/index.html", "kit-path"));
    assert!(has("https://example.org/wp/signin.bank.com/index.html", "kit-path"));
    assert!(!has("https://example.org/.well-known/acme-challenge/tok", "kit-path"));
    assert!(!has("https://example.org/.well-known/security.txt", "kit-path"));
    assert!(!has("https://example.org/js/jquery.min.js", "kit-path"));
    assert!(!has("https://example.org/docs/System.Net.Http/", "kit-path"));
}

// --- near misses: real-looking legitimate addresses stay unflagged -------

#[test]
fn legitimate_addresses_are_not_flagged() {
    for url in [
        "https://www.amazon.co.jp/",
        "https://aws.amazon.com/console/",
        "https://smbc-card.com/",
        "https://paypal.me/someone",
        "https://www.example.co.jp/company/about.html",
        "https://shop.example.com/account/login?next=%2Fcart",
        "https://accounts.example.com/signin/v2",
        "https://jp.example.com/news/2024/",
        "https://tanaka-shoten.jp/",
        "https://yamada-bakery.shop-example.com/",
    ] {
        assert!(!flagged(url), "{url}: {:?}", codes(url));
    }
}

#[test]
fn hosting_and_lexical_signals_never_reach_danger() {
    for url in [
        "http://qxvzkwjhtp.duckdns.org:8888/.well-known/x/login.php?kqwzrtyu",
        "https://secure-login-verify-account.xkqzvwpt.top/signin/update",
        "https://www.bank.co.jp.account-verify.a.b.c.qxvzkwjhtp.cfd/%6c%6f%67%69%6e",
    ] {
        let v = check(url);
        assert_eq!(v.level, Level::Caution, "{url}: {:?}", codes(url));
    }
}

#[test]
fn subdomains_under_abused_endings() {
    assert!(has("https://secure.qwmartin.xyz/", "abused-tld-subdomain"));
    assert!(has("https://www.a.qwmartin.cn/", "abused-tld-subdomain"));
    assert!(!has("https://www.qwmartin.xyz/", "abused-tld-subdomain"));
    assert!(!has("https://news.example.com/", "abused-tld-subdomain"));
    assert!(!has("https://library.someuniv.edu.cn/", "abused-tld-subdomain"));
}

#[test]
fn throwaway_names_on_hosting_platforms() {
    assert!(flagged("https://wallet7731.pages.dev/"));
    assert!(flagged("https://createrewardportalnow.vercel.app/"));
    assert_eq!(detail("https://wallet7731.pages.dev/", "throwaway-hosted-name").as_deref(), Some("wallet7731"));
    assert!(!has("https://cooking-notes.pages.dev/", "throwaway-hosted-name"));
    assert!(!has("https://letters7.example.com/", "throwaway-hosted-name"));
}

#[test]
fn www_wedged_before_another_name() {
    assert!(flagged("https://www.e.qwmartin.com/"));
    assert!(has("https://www.card-info.qwmartin.net/login", "www-before-subdomain"));
    assert!(!has("https://www.qwmartin.com/", "www-before-subdomain"));
    assert!(!has("https://shop.qwmartin.com/", "www-before-subdomain"));
    // Government sites follow their org charts.
    assert!(!has("https://www.agency.state.gov/", "www-before-subdomain"));
    assert!(!has("https://www.office.example.gov.uk/", "www-before-subdomain"));
}

#[test]
fn random_names_in_layered_hosts() {
    assert!(has("https://login.xqzvkjwq.com/", "random-layered-host"));
    assert!(!has("https://xqzvkjwq.com/", "random-layered-host"));
    assert!(!has("https://login.shopping.com/", "random-layered-host"));
}

#[test]
fn machine_made_subdomains_call_for_caution() {
    for url in [
        "https://hzkpvu.qwmartin.com/",
        "https://8163.qwmartin.com/",
        "https://mta-sts.qwmartin.com/",
        "https://ns2.qwmartin.net/jp/",
        "https://_.qwmartin.com/",
    ] {
        assert_eq!(check(url).level, Level::Caution, "{url}: {:?}", codes(url));
    }
    assert_eq!(detail("https://8163.qwmartin.com/", "number-subdomain").as_deref(), Some("8163"));
}

#[test]
fn owners_subdomains_stay_unflagged() {
    for url in [
        "https://shop.qwmartin.com/",
        "https://blog.qwmartin.co.jp/2024/05/",
        "https://account.qwmartin.com/settings",
        "https://www3.qwmartin.com/",
        "https://mail.qwmartin.com/",
        "https://en.qwmartin.de/",
        "https://mta-sts.qwmartin.com/.well-known/mta-sts.txt",
        "https://hzkpvu.someuniv.ac.jp/",
        "https://cooking-notes.pages.dev/",
        "https://aws.amazon.com/",
    ] {
        assert!(!flagged(url), "{url}: {:?}", codes(url));
    }
}

#[test]
fn more_shorteners_hide_where_links_lead() {
    assert!(has("https://s.yam.com/Ab1Cd", "url-shortener"));
    assert!(flagged("https://qrs.ly/ab12cd"));
    assert!(!has("https://www.yam.com/news", "url-shortener"));
}

#[test]
fn short_link_ids_on_ordinary_hosts() {
    assert!(flagged("https://www.qwmartin.com/k7PqW2xZ9v"));
    assert!(has("https://qwmartin.com/QZRTa/", "link-id-path"));
    assert!(!has("https://www.qwmartin.com/ChangePassword", "link-id-path"));
    assert!(!has("https://www.qwmartin.com/about", "link-id-path"));
    assert!(!has("https://www.qwmartin.com/News-Events", "link-id-path"));
    assert!(!flagged("https://www.qwmartin.com/iPhone15"));
}

#[test]
fn endings_phishing_uses_five_times_its_share() {
    assert!(has("https://qwmartin.online/", "abused-tld"));
    assert!(flagged("https://secure.qwmartin.site/"));
    assert!(!flagged("https://qwmartin.site/"));
    assert!(!has("https://qwmartin.com/", "abused-tld"));
}

#[test]
fn endings_of_two_labels_abused_beyond_their_tld() {
    // `my.id` is abused far beyond `.id`: a layered name under it reaches
    // caution (abused-tld + abused-tld-subdomain), and the reason names `.my.id`.
    assert_eq!(detail("https://qwmartin.my.id/", "abused-tld").as_deref(), Some(".my.id"));
    assert!(flagged("https://secure.qwmartin.my.id/"));
    // The bare name alone does not, and `.id`'s other suffixes are not touched.
    assert!(!flagged("https://qwmartin.my.id/"));
    assert!(!has("https://qwmartin.co.id/", "abused-tld"));
    // A TLD's own tier still counts under a suffix of its (`.cn` under `com.cn`).
    assert_eq!(detail("https://qwmartin.com.cn/", "abused-tld").as_deref(), Some(".cn"));
}

#[test]
fn site_names_that_are_long_numbers() {
    for url in ["https://453451.cc/", "http://336655kk.com/login", "https://20250601.vip/"] {
        assert!(has(url, "number-name"), "{url}: {:?}", codes(url));
        assert!(flagged(url), "{url}: {:?}", codes(url));
    }
    assert_eq!(detail("https://453451.cc/", "number-name").as_deref(), Some("453451"));
    // Short numbers, names with words, phone-style names under East Asian
    // endings, IP addresses and numbers in subdomains are left alone.
    for url in ["https://4399.com/", "https://12345.com/", "https://shop24680.com/", "https://24680-shop.com/",
        "https://100860.cn/", "https://123456.co.jp/", "http://192.168.10.20/", "https://123456.qwmartin.com/"] {
        assert!(!has(url, "number-name"), "{url}: {:?}", codes(url));
    }
}

#[test]
fn sign_in_pages_over_plain_http() {
    // A sign-in page sent without encryption: unsafe in itself, and together
    // with a sign-in word in the path it reaches caution.
    assert!(flagged("http://shop.example/login"));
    assert!(flagged("http://qwmartin.com/account/signin.php"));
    // The same page over https, and plain http pages that ask for nothing, do not.
    assert!(!flagged("https://shop.example/login"));
    assert!(!flagged("http://shop.example/news/2026/"));
}

#[test]
fn random_user_names_and_more_platforms() {
    assert!(flagged("https://xtrqbl.pages.dev/"));
    assert!(has("https://kxq.zvt.temporary.site/", "free-hosting"));
    assert!(has("https://someone.typeform.com/to/abc", "free-hosting"));
    for url in ["https://cooking-notes.pages.dev/", "https://portfolio-site.vercel.app/", "https://alice-blog.netlify.app/", "https://hello.typeform.com/"] {
        assert!(!flagged(url), "{url}: {:?}", codes(url));
    }
}

#[test]
fn object_storage_buckets_and_rental_server_names_are_user_sites() {
    // A bucket served as a web page is anyone's upload.
    assert!(has("https://my-photos.oss-ap-northeast-1.aliyuncs.com/index.html", "free-hosting"));
    assert!(has("https://files-1250000000.cos.ap-tokyo.myqcloud.com/a.html", "free-hosting"));
    assert!(flagged("https://aeon-card77.oss-ap-northeast-1.aliyuncs.com/aeon.html"));
    // The names Japanese rental servers give every new account.
    assert!(has("https://kotaro.xsrv.jp/", "free-hosting"));
    assert!(has("https://shop.onamaeweb.jp/", "free-hosting"));
    // An honest account there is no warning: the platform's own name is
    // not the user's lure.
    assert!(!flagged("https://kotaro.onamaeweb.jp/"));
    assert!(!flagged("https://kotaro.xsrv.jp/"));
    // The endpoint itself is the provider's, and a bucket alone is no warning.
    assert!(!has("https://oss-ap-northeast-1.aliyuncs.com/", "free-hosting"));
    assert!(!flagged("https://my-photos.oss-ap-northeast-1.aliyuncs.com/index.html"));
}

#[test]
fn control_panel_service_names() {
    assert!(flagged("https://cpcalendars.qwmartin.com/"));
    assert!(!flagged("https://webmail.qwmartin.com/"));
    assert!(!flagged("https://cpanel.qwmartin.com/"));
}

#[test]
fn site_names_made_of_lure_words() {
    assert!(flagged("https://loginverification-desk.com/"));
    assert!(has("https://secureonline-help.net/", "bait-word-pair"));
    assert!(!flagged("https://myaccount-qwmartin.com/"));
    assert!(!has("https://security-blog.com/", "bait-word-pair"));
}

#[test]
fn machine_made_names_under_abused_endings() {
    assert!(flagged("https://www.kvozdra.cn/"));
    assert!(has("https://hfdkrwen.xyz/", "random-name-abused-tld"));
    // Short abbreviations and words under the same endings stay unflagged,
    // and so does the same name under an ordinary ending.
    for url in ["https://abc.cn/", "https://dailynewshub.com.cn/", "https://moviesnight.xyz/", "https://kvozdra.com/", "https://kvozdra.edu.cn/"] {
        assert!(!flagged(url), "{url}: {:?}", codes(url));
    }
}

#[test]
fn names_only_a_machine_makes() {
    assert!(flagged("https://xkqzvbwpfjhd.com/"));
    assert!(!flagged("https://qwxzmrtk.com/"));
}

#[test]
fn subdomains_hung_on_a_random_looking_name() {
    assert!(has("https://shop.kvozdra.com/", "random-name-with-subdomains"));
    assert!(flagged("https://shop.kvozdra.com/"));
    assert!(!flagged("https://kvozdra.com/"));
    assert!(!flagged("https://shop.qwmartin.com/"));
    assert!(!has("https://shop.kvozdra.pages.dev/", "random-name-with-subdomains"));
}

#[test]
fn kit_folders_on_hacked_sites() {
    assert!(flagged("https://qwmartin.com/wp-content/plugins/abc/bank7/"));
    assert!(flagged("https://qwmartin.com/css/signin.att.com/index.php"));
    assert!(!flagged("https://www.qwmartin.com/sites/www.qwmartin.com/themes/logo.svg"));
    assert!(!flagged("https://qwmartin.com/wp-content/uploads/2024/05/menu.pdf"));
    assert!(!flagged("https://qwmartin.com/wp-admin/"));
}

#[test]
fn random_names_under_new_generic_endings_call_for_caution() {
    // A machine-made name under a new gTLD: random-label (25) + this (15).
    assert!(has("https://qzvkwrtp.skin/", "random-name-new-gtld"));
    assert_eq!(detail("https://qzvkwrtp.skin/", "random-name-new-gtld").as_deref(), Some(".skin"));
    assert!(flagged("https://xjtqbvrm.guru/"));
    // Legacy gTLDs, country codes and readable names under new gTLDs are left alone.
    for url in ["https://qzvkwrtp.com/", "https://qzvkwrtp.de/", "https://cooking-notes.guru/", "https://mountain.skin/"] {
        assert!(!has(url, "random-name-new-gtld"), "{url}: {:?}", codes(url));
    }
}

// --- writing systems --------------------------------------------------------

#[test]
fn labels_mixing_alphabets() {
    // "pаypal" with a Cyrillic а, and a Greek ο in a Latin name.
    assert!(has("https://p\u{430}ypal-help.example/", "idn-mixed-script"));
    assert!(has("https://g\u{3bf}ogle-login.example/", "idn-mixed-script"));
    assert_eq!(detail("https://p\u{430}ypal-help.example/", "idn-mixed-script").as_deref(), Some("Latin + Cyrillic"));
}

#[test]
fn labels_in_one_alphabet_with_marks_are_not_mixed() {
    // Digits, hyphens and underscores are no alphabet; Japanese names mix kana,
    // kanji and Latin letters by nature; a whole Cyrillic label is one script.
    for url in ["https://my_site.example.com/", "https://shop-24.example/", "https://\u{697d}\u{5929}abc.jp/",
        "https://\u{43f}\u{440}\u{438}\u{43c}\u{435}\u{440}.example/"] {
        assert!(!has(url, "idn-mixed-script"), "{url}: {:?}", codes(url));
    }
    assert_eq!(check("https://my_site.example.com/").level, Level::Caution, "an underscore is odd, not a homograph");
}

// --- links that forward (src/signals/redirect.rs) -----------------------------

#[test]
fn a_redirector_on_a_trusted_site_is_judged_by_where_it_leads() {
    // Percent-encoded, as mail and chat apps wrap links.
    let v = check("https://www.google.com/url?q=https%3A%2F%2Fwww.amazon.co.jp.account-check.example%2Fsignin&sa=D");
    assert_eq!(v.level, Level::Danger);
    assert_eq!(v.host, "www.amazon.co.jp.account-check.example");
    assert_eq!(v.site.as_deref(), Some("account-check.example"), "trusting or blocking means the destination");
    assert_eq!(detail("https://www.google.com/url?q=https%3A%2F%2Fwww.amazon.co.jp.account-check.example%2F", "forwards-to").as_deref(), Some("www.google.com"));
    // A bare address after `&`, and a free-hosted destination: caution.
    assert_eq!(check("http://links.example.net/click.php?g=1&https://bit.ly/abc123").level, Level::Caution);
}

#[test]
fn through_several_redirectors_the_reason_names_the_first() {
    let v = check("https://social.example/away.php?to=https://shop.example/redirect?link=https://paypal.com.secure-login.example/");
    assert_eq!(v.level, Level::Danger);
    let forwards: Vec<_> = v.reasons.iter().filter(|r| r.code == "forwards-to").collect();
    assert_eq!(forwards.len(), 1);
    assert_eq!(forwards[0].detail.as_deref(), Some("social.example"));
}

#[test]
fn harmless_destinations_and_return_addresses_leave_the_link_alone() {
    // A trusted redirector to a trusted or ordinary site stays as it was.
    let v = check("https://www.google.com/url?q=https://www.amazon.co.jp/&sa=D");
    assert_eq!(v.level, Level::Trusted);
    assert!(!has("https://www.google.com/url?q=https://www.amazon.co.jp/", "forwards-to"));
    assert!(!flagged("https://news.example/share?u=https://blog.example.org/post/1"));
    // A sign-in page's return address is not where the link goes: the page
    // shown is the brand's own.
    assert_eq!(check("https://accounts.google.com/signin?continue=https://someone.weebly.com/login").level, Level::Trusted);
    assert_eq!(check("https://login.example.com/authorize?redirect_uri=https://app.web.app/signin&client_id=1").level, Level::Unknown);
}

#[test]
fn a_page_shown_through_a_web_translator_is_judged_as_itself() {
    // Google Translate's page proxy shows any site under its own address;
    // its `u` names the page, often without a scheme.
    let v = check("https://translate.google.com/translate?hl=&sl=auto&tl=ja&u=kxq.vwbz.workers.dev/login");
    assert_eq!(v.level, Level::Caution);
    assert_eq!(v.host, "kxq.vwbz.workers.dev");
    assert_eq!(v.reasons[0].code, "forwards-to");
    assert_eq!(check("https://translate.google.co.jp/translate?sl=en&tl=ja&u=https://www.amazon.co.jp.account-check.example/").level, Level::Danger);
    // Translating an ordinary page, or text, is no warning.
    assert_eq!(check("https://translate.google.com/translate?sl=auto&tl=ja&u=https://www.example.org/news").level, Level::Trusted);
    assert!(!has("https://translate.google.com/translate?sl=auto&tl=ja&text=hello", "forwards-to"));
}

#[test]
fn searching_for_an_address_is_not_following_it() {
    let listed_looking = "https%3A%2F%2Fwww.amazon.co.jp.account-check.example%2F";
    for url in [
        format!("https://www.google.com/search?q={listed_looking}&hl=ja"),
        format!("https://duckduckgo.com/?q={listed_looking}"),
        format!("https://www.bing.com/search?q={listed_looking}&form=QBLH"),
    ] {
        assert!(!has(&url, "forwards-to"), "{url}");
        assert!(check(&url).level < Level::Danger, "{url}");
    }
}

#[test]
fn a_victims_address_written_into_the_link() {
    assert!(flagged("http://hacked-shop.example/cli/webmail/?email=kim.lee@corp.example.com"));
    assert!(flagged("https://hacked-shop.example/kim@corp.example.jp_OneDrive_Shared/"));
    // Percent-encoded, the address is still one.
    assert!(has("https://hacked-shop.example/auth/?login=kim%40corp.example.com", "email-in-link"));
    // Real sites confirm whose password is reset; handles and image densities are no addresses.
    assert!(!flagged("https://shop.example/password/reset/9b1f0c?email=kim%40example.com"));
    assert!(!flagged("https://social.example/@kim@other.example"));
    assert!(!flagged("https://shop.example/img/logo@2x.png"));
}

#[test]
fn kit_copies_in_hash_named_folders() {
    assert!(flagged("http://hacked-shop.example/lib/manual/73c9114ddd890d2e76f25b7738c22544/way.php"));
    assert!(flagged("https://hacked-shop.example/5D3C20A584DAF4CCEBE13CB258F5EA62/info"));
    assert!(!flagged("https://cdn.example/assets/486bff3681e7fd91f805c4b7f5ff4be2/manifest.json"));
    assert!(!flagged("https://shop.example/news/73c9114ddd890d2e76f25b7738c2254/"));
}

#[test]
fn kit_pages_in_wordpress_admin_folders_and_copied_commands() {
    assert!(flagged("https://hacked-shop.example/wp-admin/css/colors/blue/bank/DE/"));
    assert!(flagged("https://hacked-shop.example/wp-content/_message"));
    assert!(flagged("https://hacked-shop.example/docs/login.php?cmd=login_submit&id=4f2566"));
    assert!(!flagged("https://shop.example/wp-admin/"));
    assert!(!flagged("https://shop.example/wp-admin/network/sites.php"));
    assert!(!flagged("https://shop.example/wp-admin/css/login.min.css"));
    assert!(!flagged("https://shop.example/search?cmd=find&q=login"));
}
