//! Brand impersonation through the whole engine: what must be flagged, the
//! near misses that must not be, and every brand's own domains staying clean.

use sagiguard::brands;
use sagiguard::verdict::Level;
use sagiguard::Engine;

fn check(url: &str) -> (Level, Option<String>, Vec<&'static str>) {
    let v = Engine::new().check_url(url).expect("valid URL");
    (v.level, v.brand, v.reasons.iter().map(|r| r.code).collect())
}

fn assert_level(url: &str, level: Level, brand: Option<&str>) {
    let (got, got_brand, codes) = check(url);
    assert_eq!(got, level, "{url}: {codes:?}");
    if let Some(brand) = brand {
        assert_eq!(got_brand.as_deref(), Some(brand), "{url}: {codes:?}");
    }
}

#[test]
fn brand_domains_written_into_subdomains_are_dangerous() {
    assert_level("http://www.amazon.co.jp.xyz.info/ap/signin", Level::Danger, Some("Amazon"));
    assert_level("https://eki-net.com.example.cn/", Level::Danger, Some("JR東日本"));
    assert_level("https://www.smbc-card.com.jingle-bells.net/login", Level::Danger, Some("三井住友カード"));
}

#[test]
fn confusable_and_near_identical_domains_are_dangerous() {
    assert_level("https://arnazon.com/", Level::Danger, Some("Amazon"));
    assert_level("https://paypa1.com/signin", Level::Danger, Some("PayPal"));
    assert_level("https://kuroneokyamato.com/", Level::Danger, Some("ヤマト運輸"));
    assert_level("https://myetherwalet.net/", Level::Danger, Some("MyEtherWallet"));
    assert_level("https://smbccard.com/", Level::Danger, Some("三井住友カード"));
}

#[test]
fn typos_and_combos_call_for_caution() {
    assert_level("https://amazpn.com/", Level::Caution, Some("Amazon"));
    assert_level("http://myjcbloginjp.cc/", Level::Caution, Some("JCB"));
    assert_level("https://soporte-appl-e.us/", Level::Caution, Some("Apple"));
    assert_level("https://amazon-security-update.com/", Level::Caution, Some("Amazon"));
    assert_level("https://rakuten-card-login.net/", Level::Caution, Some("楽天カード"));
    // A hosting platform's project is its own site: the project's name is judged.
    assert_level("https://amazon-login.pages.dev/", Level::Caution, Some("Amazon"));
}

#[test]
fn brands_own_sites_are_trusted() {
    for url in [
        "https://www.amazon.co.jp/",
        "https://aws.amazon.com/console/",
        "https://smbc-card.com/mem/index.jsp",
        "https://www.vpass.ne.jp/login",
        "https://paypal.me/someone",
        "https://www.eki-net.com/",
        "https://id.apple.com/",
    ] {
        assert_level(url, Level::Trusted, None);
    }
}

#[test]
fn near_misses_stay_quiet() {
    for url in [
        // Short brand tokens inside ordinary names.
        "https://aucafe.jp/",
        "https://beauty-au.net/",
        "https://audio-technica.com/",
        "https://www.pineapple-farm.com/",
        "https://aeonian-books.com/",
        "https://online-deadline.com/",
        // Honest neighbours of short brand labels.
        "https://ample.com/",
        "https://apply.com/",
        // A real hosting-platform project without brand words.
        "https://my-portfolio.pages.dev/",
        "https://example.com/blog/2024/01/hello",
    ] {
        let (level, _, codes) = check(url);
        assert!(level <= Level::Unknown, "{url}: {level:?} {codes:?}");
    }
}

#[test]
fn every_official_domain_is_trusted_or_unknown() {
    let engine = Engine::new();
    for brand in brands::builtin().all() {
        for domain in &brand.domains {
            for host in [domain.name.to_string(), format!("www.{}", domain.name)] {
                let v = engine.check_url(&format!("https://{host}/login")).expect("valid URL");
                assert!(v.level <= Level::Unknown, "{host} ({}) is {:?}: {:?}", brand.id, v.level, v.reasons);
            }
        }
    }
}

#[test]
fn page_text_names_brands() {
    let b = brands::builtin();
    let named: Vec<&str> = b.mentioned_in("【ヤマト運輸】お荷物のお届けについて／ＡＭＡＺＯＮ").iter().map(|x| x.id).collect();
    assert_eq!(named, ["yamato", "amazon"]);
    let card = b.by_id("smbc-card").expect("in table");
    assert!(brands::is_official(card, "vpass.ne.jp"));
    assert!(!brands::is_official(card, "vpass-ne-jp.com"));
}
