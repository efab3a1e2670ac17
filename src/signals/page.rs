//! What a page claims to be, against where it is: a page that shows a brand's
//! name in its title, headings or logo (or borrows the brand's own favicon),
//! asks for credentials or payment data, and is not on that brand's domain is
//! the strongest sign of a scam page we have. A page that asks for them on a
//! free hosting platform, where anyone can publish under any name, is the
//! commonest shape of a phishing page (`asks-on-free-hosting`): the address
//! alone stays below `caution`, so a project site that asks nothing is quiet.
//! A page that asks for a crypto wallet's recovery phrase or private key
//! (`asks-recovery-phrase`) is a scam wherever it is: wallets take the phrase
//! in their own app, never on a web page, so only the brands' own sites and
//! the sites a person trusts are spared.
//!
//! A brand's page on the brand's own name under another country's ending
//! (`vodafone.ie` when the table knows `vodafone.com`) is how multinational
//! brands run their country sites, and the table cannot know every one of
//! them: there the claim matches the address, the URL's own `tld-swap` stays
//! the only sign, and the page is never made `danger` by what it says.

use crate::brands::{self, Brand};
use crate::domain;
use crate::forms::{FieldKind, PageFacts};
use crate::target::Target;
use crate::verdict::Reason;

/// Where on the page the brand claim was seen (the reason's detail).
const IN_TITLE: &str = "title";
const IN_HEADING: &str = "heading";
const IN_LOGO: &str = "logo";
const IN_FAVICON: &str = "favicon";

/// Adds, when the page asks for sensitive data (`asks`, the sensitive kinds
/// its fields ask for): `page-claims-brand` if it claims a brand and is not
/// on one of that brand's official domains nor on the brand's own name under
/// another ending (`tld-swap` in `out`), `asks-on-free-hosting` if the URL's
/// reasons (`out`, already filled by the URL signals) place it on a free
/// hosting platform, and `asks-recovery-phrase` off the brands' own sites.
pub fn signals(target: &Target, facts: &PageFacts, asks: &[FieldKind], out: &mut Vec<Reason>) {
    if asks.is_empty() {
        return;
    }
    if let Some(hosting) = out.iter().find(|r| r.code == "free-hosting") {
        let mut reason = Reason::new("asks-on-free-hosting");
        reason.detail = hosting.detail.clone();
        out.push(reason);
    }
    let table = brands::builtin();
    let site = target.site.as_deref().unwrap_or(&target.url.host);
    if table.official(site).is_some() {
        return;
    }
    if asks.contains(&FieldKind::RecoveryPhrase) {
        out.push(Reason::new("asks-recovery-phrase"));
    }
    if let Some((brand, place)) = claimed_brand(facts, table) {
        let own_name_elsewhere = out.iter().any(|r| r.code == "tld-swap" && r.brand == Some(brand.name));
        if !brands::is_official(brand, site) && !own_name_elsewhere {
            out.push(Reason::new("page-claims-brand").brand(brand.name).detail(place));
        }
    }
}

/// The first brand the page presents itself as, and where it says so.
fn claimed_brand<'a>(facts: &PageFacts, table: &'a brands::Brands) -> Option<(&'a Brand, &'static str)> {
    let favicon_site = domain::split(&facts.favicon_host).registrable;
    if let Some(brand) = favicon_site.and_then(|s| table.official(s)) {
        return Some((brand, IN_FAVICON));
    }
    let sources = std::iter::once((facts.title.as_str(), IN_TITLE))
        .chain(facts.logo_alts.iter().map(|a| (a.as_str(), IN_LOGO)))
        .chain(facts.headings.iter().map(|h| (h.as_str(), IN_HEADING)));
    for (text, place) in sources {
        if let Some(brand) = table.mentioned_in(text).into_iter().next() {
            return Some((brand, place));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(title: &str) -> PageFacts {
        PageFacts { title: title.into(), ..PageFacts::default() }
    }

    fn codes(url: &str, facts: &PageFacts, asks: bool) -> Vec<(&'static str, Option<&'static str>)> {
        kinds_codes(url, facts, if asks { &[FieldKind::Password] } else { &[] })
    }

    fn kinds_codes(url: &str, facts: &PageFacts, asks: &[FieldKind]) -> Vec<(&'static str, Option<&'static str>)> {
        let mut out = Vec::new();
        signals(&Target::parse(url).unwrap(), facts, asks, &mut out);
        out.into_iter().map(|r| (r.code, r.brand)).collect()
    }

    #[test]
    fn brand_page_asking_for_data_elsewhere() {
        let got = codes("https://secure-check.example.net/login", &facts("Amazon.co.jp: Sign in"), true);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "page-claims-brand");
        let logo = PageFacts { logo_alts: vec!["三井住友カード".into()], ..PageFacts::default() };
        assert_eq!(codes("http://vpass-check.example.top/", &logo, true)[0].0, "page-claims-brand");
    }

    #[test]
    fn borrowed_favicon_counts() {
        let f = PageFacts { favicon_host: "www.paypal.com".into(), ..PageFacts::default() };
        assert_eq!(codes("https://account-review.example/", &f, true)[0].0, "page-claims-brand");
    }

    #[test]
    fn the_brand_itself_and_pages_that_ask_nothing_are_quiet() {
        assert!(codes("https://www.amazon.co.jp/ap/signin", &facts("Amazon.co.jp: Sign in"), true).is_empty());
        assert!(codes("https://blog.example.com/", &facts("My Amazon haul"), false).is_empty());
        assert!(codes("https://shop.example.com/login", &facts("Sign in - Example Shop"), true).is_empty());
    }

    #[test]
    fn a_recovery_phrase_asked_on_a_web_page() {
        let phrase = [FieldKind::RecoveryPhrase];
        assert_eq!(kinds_codes("https://wallet-validate.example.org/", &facts("Validate"), &phrase), [("asks-recovery-phrase", None)]);
        let claimed = kinds_codes("https://dapp-sync.example.org/", &facts("MetaMask"), &phrase);
        assert_eq!(claimed.iter().map(|c| c.0).collect::<Vec<_>>(), ["asks-recovery-phrase", "page-claims-brand"]);
        // The brands' own sites, and pages asking for other things, are not told off for it.
        assert!(kinds_codes("https://metamask.io/", &facts("MetaMask"), &phrase).is_empty());
        assert!(kinds_codes("https://wallet-validate.example.org/", &facts("Validate"), &[FieldKind::Password]).is_empty());
    }
}
