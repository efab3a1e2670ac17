//! What a page asks for and claims to be, weighed against where it is
//! (`Engine::check_page`).

use sagiguard::forms::{FieldDescriptor, PageFacts, PageInput};
use sagiguard::verdict::Level;
use sagiguard::Engine;

fn login_page(title: &str) -> PageInput {
    let mut password = FieldDescriptor::new("input", "password");
    password.name = "password".into();
    let mut user = FieldDescriptor::new("input", "email");
    user.name = "email".into();
    PageInput { fields: vec![user, password], forms: vec![], facts: PageFacts { title: title.into(), ..PageFacts::default() } }
}

fn codes(url: &str, page: &PageInput) -> (Level, Vec<&'static str>) {
    let (v, _) = Engine::new().check_page(url, page).unwrap();
    (v.level, v.reasons.iter().map(|r| r.code).collect())
}

#[test]
fn a_brand_login_page_on_an_unrelated_site_is_suspicious() {
    let url = "https://members.example.com/signin";
    assert_eq!(Engine::new().check_url(url).unwrap().level, Level::Unknown);
    let (level, codes) = codes(url, &login_page("Amazon.co.jp サインイン"));
    assert!(codes.contains(&"page-claims-brand"), "{codes:?}");
    assert!(level >= Level::Caution);
}

#[test]
fn the_claim_names_the_brand() {
    let (v, _) = Engine::new().check_page("https://members.example.com/signin", &login_page("PayPal: Log in")).unwrap();
    assert_eq!(v.brand, Some("PayPal"));
}

#[test]
fn the_brand_on_its_own_site_and_ordinary_pages_are_not_flagged() {
    assert_eq!(codes("https://www.amazon.co.jp/ap/signin", &login_page("Amazon.co.jp サインイン")).0, Level::Trusted);
    let (level, codes) = codes("https://members.example.com/signin", &login_page("Members area - sign in"));
    assert_eq!(level, Level::Unknown, "{codes:?}");
    let mut no_fields = login_page("Amazon.co.jp サインイン");
    no_fields.fields.clear();
    assert!(!self::codes("https://members.example.com/", &no_fields).1.contains(&"page-claims-brand"));
}

#[test]
fn a_brand_page_on_its_own_name_under_another_country_ending_is_never_danger() {
    // Multinational brands run country sites the table cannot all list: the
    // claim agrees with the address, so only the address's own signs count.
    let url = "https://www.mercari.fr/account/login";
    let alone = Engine::new().check_url(url).unwrap();
    let (level, got) = codes(url, &login_page("メルカリ ログイン"));
    assert!(got.contains(&"tld-swap") && !got.contains(&"page-claims-brand"), "{got:?}");
    assert_eq!(level, alone.level);
    assert!(level < Level::Danger);
    // A lookalike of the name is no such country site: the claim still counts.
    let (level, got) = codes("https://www.mercarl.fr/account/login", &login_page("メルカリ ログイン"));
    assert!(got.contains(&"page-claims-brand"), "{got:?}");
    assert!(level >= Level::Caution);
}

#[test]
fn a_bad_page_url_is_an_error_not_a_panic() {
    assert!(Engine::new().check_page("", &login_page("x")).is_err());
}

#[test]
fn a_login_page_on_free_hosting_is_suspicious() {
    let url = "https://cooking-notes.pages.dev/account";
    assert_eq!(Engine::new().check_url(url).unwrap().level, Level::Unknown, "the address alone stays quiet");
    let (level, codes) = codes(url, &login_page("Sign in"));
    assert!(codes.contains(&"asks-on-free-hosting"), "{codes:?}");
    assert_eq!(level, Level::Caution);
    let (v, _) = Engine::new().check_page(url, &login_page("Sign in")).unwrap();
    let reason = v.reasons.iter().find(|r| r.code == "asks-on-free-hosting").unwrap();
    assert_eq!(reason.detail.as_deref(), Some("pages.dev"));
}

#[test]
fn a_project_site_that_asks_nothing_and_ordinary_logins_are_quiet() {
    let mut no_fields = login_page("Cooking notes");
    no_fields.fields.clear();
    assert_eq!(codes("https://cooking-notes.pages.dev/", &no_fields).0, Level::Unknown);
    let (level, codes) = codes("https://shop.example.com/login", &login_page("Sign in"));
    assert_eq!(level, Level::Unknown, "{codes:?}");
    assert!(!codes.contains(&"asks-on-free-hosting"));
}

#[test]
fn a_page_asking_for_a_wallet_recovery_phrase_is_suspicious_on_any_ordinary_site() {
    let mut phrase = FieldDescriptor::new("textarea", "textarea");
    phrase.label = "Secret Recovery Phrase".into();
    let page = PageInput { fields: vec![phrase], forms: vec![], facts: PageFacts { title: "Validate".into(), ..PageFacts::default() } };
    let url = "https://members.example.com/validate";
    assert_eq!(Engine::new().check_url(url).unwrap().level, Level::Unknown, "the address alone is quiet");
    let (v, report) = Engine::new().check_page(url, &page).unwrap();
    assert_eq!(v.level, Level::Caution);
    assert_eq!(v.reasons.iter().map(|r| r.code).collect::<Vec<_>>(), ["asks-recovery-phrase"]);
    assert_eq!(v.reasons[0].weight, 40, "caution on its own");
    assert_eq!(report.kinds.iter().map(|k| k.as_str()).collect::<Vec<_>>(), ["recovery-phrase"]);
    // On the wallet's own site the same box is no sign of a scam.
    assert_eq!(codes("https://metamask.io/", &page), (Level::Trusted, vec!["official-domain"]));
}
