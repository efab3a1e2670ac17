//! Impersonation: does the address pretend to belong to a brand it does not?
//!
//! Reasons, strongest first (codes are stable; weights live in `data/policy.tsv`):
//! - `official-domain`: the site is one of the brand's own (trust). Nothing
//!   else here is looked at: a brand's own domains are never flagged.
//! - `confusable-domain`: the registrable label reads exactly as a brand's
//!   (`аррӏе.com`, `arnazon.co.jp`, `paypa1.com`).
//! - `lookalike-domain`: near-identical to a brand's label: one unnoticed slip
//!   in a long label (`kuroneokyamato.com`, `myetherwalet.net`), hyphens moved
//!   (`smbccard.com`), the official domain glued (`smtbjp.com`) or split
//!   across labels (`am.azon.co.jp`).
//! - `typo-domain`: one typing slip from a shorter brand label (`amazpn.com`,
//!   `rakuetn.com`).
//! - `double-typo-domain`: two slips in a brand label of twelve letters or
//!   more (`americanexpzzess.com`).
//! - `bitsquat`: one flipped bit from a brand's label; `bitsquat-same-suffix`
//!   when kept under the brand's own suffix (`amazgn.com`).
//! - `loose-lookalike`: the brand's label once roughly similar letters are
//!   merged and doubled letters collapsed (`gnall`, `grrail`).
//! - `tld-swap`: a brand's exact label under another suffix (`smbc-card.hr`).
//! - `brand-in-subdomain`: a brand's official domain written into the
//!   subdomain of another site (`www.amazon.co.jp.xyz.info`).
//! - `brand-combo`: a brand token among bait words in the site's label
//!   (`amazon-security-update.com`, `myjcbloginjp.cc`, `amazon-login.pages.dev`).
//! - `brand-token-in-subdomain`: a brand token (with bait words or alone) in the
//!   subdomain labels of another site (`rakuten-login.example.cn`).
//! - `brand-in-domain`: a brand token among other words in the site's label
//!   (`amazonvideo.example`): weak alone.
//! - `brand-page-in-path`: a folder or page of an unrelated host named after
//!   the brand alone (`/rakuten/`, `/aeoncard.html`), as kits file their pages.
//! - `brand-in-path`: a brand named in the path of an unrelated host: weakest.
//!
//! Hosting platforms (public suffix list, private section) are separate sites:
//! on `amazon-login.pages.dev` the label judged is `amazon-login`.

mod combo;
mod lookalike;
mod path;
mod skeleton;

use std::borrow::Cow;

use super::words;
use crate::brands::{self, Brand, Brands};
use crate::domain;
use crate::target::Target;
use crate::verdict::Reason;
use combo::Strength;
use lookalike::Kind;
use path::InPath;

/// Runs the impersonation checks on `t`, appending what they see to `out`;
/// `person` is the site a person means by "this site" (`super::person_site`);
/// `account_named`: it is an account on a service that keeps a brand's name
/// for the brand (`microsoft.github.io`), so the brand's exact name is its own.
pub(super) fn signals(t: &Target, person: Option<&str>, account_named: bool, out: &mut Vec<Reason>) {
    let brands = brands::builtin();
    let Some(site) = t.site.as_deref() else { return };
    let host = t.url.host.as_str();
    if let Some((brand, domain)) = official(brands, host, site) {
        // The table's own copy of the name, when the host is the domain itself.
        let detail = match brand.domains.iter().find(|d| d.name == domain) {
            Some(d) => Cow::Borrowed(d.name),
            None => Cow::Owned(domain.to_string()),
        };
        out.push(Reason::new("official-domain").brand(brand.name).detail(detail));
        return;
    }
    let label = site_label(site, t.suffix());
    let mut flagged = false;

    // The name a person reads as the site's: on a hosting platform the
    // public suffix list lacks (`weebly.com`), the user's own
    // (`faceboook.weebly.com`), as the list makes it on the platforms it
    // knows (`faceboook.pages.dev`).
    let (named, named_label) = match person {
        Some(p) if p.len() > site.len() => (p, p.split('.').next().unwrap_or("")),
        _ => (site, label),
    };
    if !named_label.is_empty() {
        let readable = if t.has_punycode() { domain::to_unicode(named_label) } else { Cow::Borrowed(named_label) };
        let index = lookalike::index();
        let split = || (host.len() > named.len()).then(|| index.split_match(host)).flatten();
        let found = match index.check(named_label, &readable, named) {
            // An official name split by a dot (`t.witter.com`) says more than
            // the slip its last part may also be (`witter`).
            Some(l) if !matches!(l.kind, Kind::Confusable | Kind::NearIdentical | Kind::TldSwap) => split().or(Some(l)),
            found => found.or_else(split),
        };
        if let Some(l) = found {
            // A brand's exact name on an account platform: the brand's own account.
            if account_named && l.kind == Kind::TldSwap {
                return;
            }
            let code = match l.kind {
                Kind::Confusable => "confusable-domain",
                Kind::NearIdentical => "lookalike-domain",
                Kind::Typo => "typo-domain",
                Kind::Bitsquat => "bitsquat",
                Kind::BitsquatSameSuffix => "bitsquat-same-suffix",
                Kind::TldSwap => "tld-swap",
                Kind::Loose => "loose-lookalike",
                Kind::TwoSlips => "double-typo-domain",
            };
            out.push(Reason::new(code).brand(l.brand.name).detail(l.domain));
            flagged = true;
        }
    }

    let sub = t.subdomain();
    if !sub.is_empty() {
        if let Some((brand, domain)) = official_in_subdomain(brands, sub) {
            out.push(Reason::new("brand-in-subdomain").brand(brand.name).detail(domain));
            flagged = true;
        } else if let Some((brand, token)) = token_in_subdomain(brands, sub) {
            out.push(Reason::new("brand-token-in-subdomain").brand(brand.name).detail(token));
            flagged = true;
        }
    }

    if !flagged && !label.is_empty() {
        if let Some((brand, token, strength)) = label_token(brands, label) {
            // As for the lookalikes: the brand's own account, nothing to judge.
            if account_named && token == label {
                return;
            }
            let code = match strength {
                Strength::Combo => "brand-combo",
                Strength::Mention => "brand-in-domain",
            };
            out.push(Reason::new(code).brand(brand.name).detail(token));
            flagged = true;
        } else if let Some((brand, part)) = confusable_part(label) {
            out.push(Reason::new("brand-combo").brand(brand.name).detail(part.to_string()));
            flagged = true;
        }
    }

    if !flagged {
        if let Some((brand, place)) = path::brand_in_path(brands, &t.url.path) {
            let code = match place {
                InPath::Page => "brand-page-in-path",
                InPath::Named => "brand-in-path",
            };
            out.push(Reason::new(code).brand(brand.name));
        }
    }
}

/// The brand whose official domain `host` is or lies under. Only the site and
/// the host's labels above it are looked up, never a shorter suffix: on a
/// hosting platform (`x.s3.amazonaws.com`) the platform's owner is not the one
/// speaking.
fn official<'a>(brands: &'static Brands, host: &'a str, site: &str) -> Option<(&'static Brand, &'a str)> {
    let mut rest = host;
    loop {
        if let Some(brand) = brands.official(rest) {
            return Some((brand, rest));
        }
        if rest.len() <= site.len() {
            return None;
        }
        rest = &rest[words::dots(rest).next()? + 1..];
    }
}

/// The label left of the public suffix in the registrable domain (`amazon` in
/// `amazon.co.jp`, `abc` in `abc.pages.dev`).
fn site_label<'a>(site: &'a str, suffix: &str) -> &'a str {
    site.strip_suffix(suffix).and_then(|s| s.strip_suffix('.')).unwrap_or("")
}

/// Labels up to this many bytes are folded on the stack (each byte becomes
/// at most two); longer ones, which no host name has, in a `String`.
const FOLD_ON_STACK: usize = 64;

/// Folds the digits and hyphens that hide a token (`amaz0n`, `appl-e`), into
/// `buf` when the label fits.
fn fold_label<'b>(label: &str, buf: &'b mut [u8; 2 * FOLD_ON_STACK]) -> Option<Cow<'b, str>> {
    // Only these bytes fold (a byte above ASCII is rewritten as a character):
    // a label without them is left as it is.
    if !label.bytes().any(|b| matches!(b, b'-' | b'0' | b'1' | b'3' | b'5' | 0x80..)) {
        return None;
    }
    let chars = label.bytes().filter(|&b| b != b'-').map(|b| match b {
        b'0' => 'o',
        b'1' => 'l',
        b'3' => 'e',
        b'5' => 's',
        _ => char::from(b),
    });
    if label.len() > FOLD_ON_STACK {
        return Some(Cow::Owned(chars.collect()));
    }
    // UTF-8 by hand: every character here is below U+0100, one or two bytes.
    let mut n = 0;
    for c in chars {
        let c = c as u32;
        if c < 0x80 {
            buf[n] = c as u8;
            n += 1;
        } else {
            buf[n] = 0xC0 | (c >> 6) as u8;
            buf[n + 1] = 0x80 | (c & 0x3F) as u8;
            n += 2;
        }
    }
    std::str::from_utf8(&buf[..n]).ok().map(Cow::Borrowed)
}

/// The strongest brand token of a label, searched as written and, failing
/// that, with digit and hyphen tricks folded.
fn label_token(brands: &'static Brands, label: &str) -> Option<(&'static Brand, &'static str, Strength)> {
    if let Some((hit, s)) = combo::find(brands, label) {
        return Some((hit.brand, hit.token.text, s));
    }
    let mut buf = [0u8; 2 * FOLD_ON_STACK];
    let folded = fold_label(label, &mut buf)?;
    combo::find(brands, &folded).map(|(hit, s)| (hit.brand, hit.token.text, s))
}

/// The shortest hyphen-separated part [`confusable_part`] reads: shorter
/// parts have too many honest spellings that fold onto a brand's.
const CONFUSABLE_PART_MIN: usize = 5;

/// A hyphen-separated part of the site label that reads exactly as a brand's
/// name written in other letters (`app-teiegram`, `vvhatsapp-sx`): the
/// brand's name disguised and combined with other words, which the token
/// match, comparing letters as written, cannot see. Only exact confusable
/// readings count, never typos: parts are short words, and a one-letter slip
/// from a brand is often another word (`trust`, `truist`).
fn confusable_part(label: &str) -> Option<(&'static Brand, &str)> {
    if !label.contains('-') || label.starts_with("xn--") {
        return None;
    }
    let index = lookalike::index();
    label.split('-').filter(|p| p.len() >= CONFUSABLE_PART_MIN).find_map(|part| Some((index.confusable_word(part)?, part)))
}

/// An official domain spelled out in consecutive subdomain labels.
fn official_in_subdomain(brands: &'static Brands, sub: &str) -> Option<(&'static Brand, &'static str)> {
    let starts = std::iter::once(0).chain(words::dots(sub).map(|i| i + 1));
    for start in starts {
        let rest = &sub[start..];
        // Official domains have at most four labels.
        let ends = words::dots(rest).chain(std::iter::once(rest.len())).skip(1).take(3);
        for end in ends {
            if let Some(brand) = brands.official(&rest[..end]) {
                let domain = brand.domains.iter().find(|d| d.name == &rest[..end]).map_or("", |d| d.name);
                return Some((brand, domain));
            }
        }
    }
    None
}

/// A brand token in a subdomain label (mentions included: a subdomain named
/// after a brand on someone else's site is already odd).
fn token_in_subdomain(brands: &'static Brands, sub: &str) -> Option<(&'static Brand, &'static str)> {
    words::split(sub, b'.')
        .filter(|l| l.len() >= 2 && *l != "www")
        .find_map(|l| label_token(brands, l))
        .map(|(b, t, _)| (b, t))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(url: &str) -> Vec<(&'static str, Option<&'static str>)> {
        let mut out = Vec::new();
        let t = Target::parse(url).unwrap();
        signals(&t, crate::signals::person_site_of(&t), false, &mut out);
        out.into_iter().map(|r| (r.code, r.brand)).collect()
    }

    fn codes(url: &str) -> Vec<&'static str> {
        seen(url).into_iter().map(|(c, _)| c).collect()
    }

    #[test]
    fn brand_domain_in_subdomains() {
        assert_eq!(seen("http://www.amazon.co.jp.xyz.info/"), [("brand-in-subdomain", Some("Amazon"))]);
        assert_eq!(codes("https://eki-net.com.example.cn/login"), ["brand-in-subdomain"]);
        assert_eq!(codes("https://rakuten-login.example.cn/"), ["brand-token-in-subdomain"]);
    }

    #[test]
    fn brand_combined_with_bait() {
        assert_eq!(seen("http://myjcbloginjp.cc/"), [("brand-combo", Some("JCB"))]);
        assert_eq!(codes("https://amazon-security-update.com/"), ["brand-combo"]);
        assert_eq!(codes("https://soporte-appl-e.us/"), ["brand-combo"]);
        assert_eq!(codes("https://amaz0n-login.top/"), ["brand-combo"]);
    }

    #[test]
    fn brand_in_path_of_unrelated_host() {
        assert_eq!(codes("https://evil.example/www.rakuten.co.jp/login"), ["brand-in-path"]);
        assert_eq!(codes("https://evil.example/files/Rakuten/top.html"), ["brand-page-in-path"]);
        assert_eq!(codes("https://evil.example/x/aeoncard.PHP"), ["brand-page-in-path"]);
        assert_eq!(codes("https://shop.example/mastercard-credit-card/"), ["brand-in-path"]);
        assert!(!codes("https://shop.example/au/line/").contains(&"brand-page-in-path"));
        assert_eq!(codes("https://shop.example/customers/shopify/logo.svg"), ["brand-in-path"]);
        assert!(codes("https://example.com/blog/2024/news").is_empty());
    }

    #[test]
    fn lookalikes() {
        assert_eq!(codes("https://amazpn.com/"), ["typo-domain"]);
        assert_eq!(codes("https://rakuetn.com/"), ["typo-domain"]);
        assert_eq!(codes("https://kuroneokyamato.com/"), ["lookalike-domain"]);
        assert_eq!(codes("https://arnazon.com/"), ["confusable-domain"]);
        assert_eq!(codes("https://mercari.xyz/"), ["tld-swap"]);
        assert_eq!(codes("https://gnall.com/"), ["loose-lookalike"]);
        assert_eq!(codes("https://qooglc.com/"), ["loose-lookalike"]);
        assert!(codes("https://g\u{43e}\u{43e}glc.com/").contains(&"loose-lookalike"), "Cyrillic o's");
        assert_eq!(codes("https://kuronckoyanato.co.jp/"), ["loose-lookalike"]);
        assert_eq!(codes("https://grrail.com/"), ["loose-lookalike"]);
        assert!(codes("https://goooooooooooogle.com/").is_empty(), "collapsed runs hide extra length");
        assert!(codes("https://gemini-cafe.com/").iter().all(|c| *c != "loose-lookalike"));
    }

    #[test]
    fn official_domains_only_say_so() {
        assert_eq!(codes("https://www.amazon.com/gp/signin"), ["official-domain"]);
        assert_eq!(codes("https://paypal.me/someone"), ["official-domain"]);
    }

    #[test]
    fn ordinary_sites_see_nothing() {
        for url in ["https://example.com/", "https://audio-shop.com/", "https://pineapple.com/", "https://beauty-salon.net/"] {
            assert!(codes(url).is_empty(), "{url}: {:?}", codes(url));
        }
    }
}
