//! The brands scammers imitate: who they are, which registrable domains are
//! really theirs, and how their names look in host names and page text.
//!
//! The table is `data/brands.tsv` (format described at its top), compiled in and
//! parsed once into lookup structures ([`builtin`]). Three questions are asked
//! of it:
//! - *Is this site the brand's own?* [`Brands::official`], [`is_official`]: a hash
//!   lookup of the registrable domain.
//! - *Which brand names hide in this host label?* [`Brands::tokens_in`]: one pass
//!   of a byte trie over the label.
//! - *Which brands does this page claim to be?* [`Brands::mentioned_in`]: names in
//!   Japanese and English, case- and width-insensitive.
//!
//! The impersonation signals (`signals::impersonation`) and the form guard's
//! page-claim check are built on these.

mod hash;
mod names;
mod tokens;

pub use hash::{hash_bytes, FxMap};
pub use names::fold_width;
pub use tokens::TokenTrie;

use std::sync::OnceLock;

use names::NameMatcher;

/// One official registrable domain of a brand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Domain {
    /// The registrable domain, lower-case ASCII (`amazon.co.jp`).
    pub name: &'static str,
    /// Its label is an everyday word (`live.com`, `office.com`): official, but
    /// no typo or TLD-swap lookalikes should be derived from it.
    pub ordinary: bool,
}

impl Domain {
    /// The domain's first label, the part people recognise (`amazon` in `amazon.co.jp`).
    pub fn label(&self) -> &'static str {
        self.name.split('.').next().unwrap_or(self.name)
    }
}

/// How a brand's name looks inside a host label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Lower-case ASCII (`rakuten`, `eki-net`, `jcb`).
    pub text: &'static str,
    /// Short or ordinary-word token: counts only as a whole part of a label or
    /// among phishing bait words, never as a piece of another word.
    pub strict: bool,
}

/// A brand people can be tricked into trusting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Brand {
    /// Stable identifier (`smbc-card`).
    pub id: &'static str,
    /// The name shown in verdicts ("三井住友カード", "Amazon").
    pub name: &'static str,
    /// Every way people write it, the display name first.
    pub names: Vec<&'static str>,
    /// Its official registrable domains.
    pub domains: Vec<Domain>,
    /// Its host-name tokens.
    pub tokens: Vec<Token>,
}

/// A brand token found in a host label: `label[start..end]` is `token.text`.
#[derive(Clone, Copy, Debug)]
pub struct TokenHit<'a> {
    /// The brand the token belongs to.
    pub brand: &'a Brand,
    /// The token found.
    pub token: Token,
    /// Byte offset of the token in the label.
    pub start: usize,
    /// Byte offset just past the token.
    pub end: usize,
}

/// The parsed brand table with its lookup structures.
#[derive(Debug)]
pub struct Brands {
    brands: Vec<Brand>,
    /// Official domain → indices of the brands owning it.
    official: FxMap<&'static str, Vec<u16>>,
    /// Token index → (brand index, token).
    token_list: Vec<(u16, Token)>,
    trie: TokenTrie,
    names: NameMatcher,
}

const BRANDS_TSV: &str = include_str!(concat!(env!("OUT_DIR"), "/data/brands.tsv"));

/// The brand table compiled into this build, parsed on first use.
pub fn builtin() -> &'static Brands {
    static TABLE: OnceLock<Brands> = OnceLock::new();
    TABLE.get_or_init(|| Brands::parse(BRANDS_TSV).expect("data/brands.tsv is valid (checked by tests)"))
}

/// Whether `site` (a registrable domain) is one of `brand`'s official domains.
/// The form guard asks this when a page names a brand.
pub fn is_official(brand: &Brand, site: &str) -> bool {
    brand.domains.iter().any(|d| d.name == site)
}

fn valid_host_text(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.')
}

impl Brands {
    /// Parses a brand table (see `data/brands.tsv` for the format).
    pub fn parse(text: &'static str) -> Result<Brands, String> {
        let mut table = Brands {
            brands: Vec::new(),
            official: FxMap::default(),
            token_list: Vec::new(),
            trie: TokenTrie::new(),
            names: NameMatcher::default(),
        };
        for (n, line) in text.lines().enumerate() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |why: &str| format!("data/brands.tsv line {}: {why}: {line:?}", n + 1);
            let cols: Vec<&'static str> = line.split('\t').collect();
            let [id, names, domains, tokens] = cols.as_slice() else { return Err(bad("want 4 columns")) };
            let index = u16::try_from(table.brands.len()).map_err(|_| bad("too many brands"))?;
            if table.brands.iter().any(|b| b.id == *id) {
                return Err(bad("duplicate id"));
            }
            let names: Vec<&'static str> = names.split('|').map(str::trim).filter(|s| !s.is_empty()).collect();
            let name = *names.first().ok_or_else(|| bad("no name"))?;
            let mut brand = Brand { id, name, names, domains: Vec::new(), tokens: Vec::new() };
            for d in domains.split('|') {
                let (ordinary, name) = match d.strip_prefix('~') {
                    Some(rest) => (true, rest),
                    None => (false, d),
                };
                if !valid_host_text(name) || !name.contains('.') {
                    return Err(bad("bad domain"));
                }
                brand.domains.push(Domain { name, ordinary });
                let owners = table.official.entry(name).or_default();
                if !owners.contains(&index) {
                    owners.push(index);
                }
            }
            for t in tokens.split('|') {
                let (strict, text) = match t.strip_prefix('=') {
                    Some(rest) => (true, rest),
                    None => (false, t),
                };
                if !valid_host_text(text) || text.contains('.') {
                    return Err(bad("bad token"));
                }
                let token = Token { text, strict };
                brand.tokens.push(token);
                let number = table.token_list.len() as u32;
                // A token two brands share (`yahoo`) stays with the first.
                if table.trie.insert(text, number) {
                    table.token_list.push((index, token));
                }
            }
            table.brands.push(brand);
        }
        let strict: Vec<&str> = table.token_list.iter().filter(|(_, t)| t.strict).map(|(_, t)| t.text).collect();
        for (i, brand) in table.brands.iter().enumerate() {
            for name in &brand.names {
                let ordinary = strict.iter().any(|t| t.eq_ignore_ascii_case(name));
                table.names.insert(name, i as u16, ordinary);
            }
        }
        Ok(table)
    }

    /// Every brand, in table order.
    pub fn all(&self) -> &[Brand] {
        &self.brands
    }

    /// The brand with this id.
    pub fn by_id(&self, id: &str) -> Option<&Brand> {
        self.brands.iter().find(|b| b.id == id)
    }

    /// The (first) brand whose official domain `site` is; `site` is a
    /// registrable domain, lower-case ASCII.
    pub fn official(&self, site: &str) -> Option<&Brand> {
        let owners = self.official.get(site)?;
        owners.first().map(|&i| &self.brands[usize::from(i)])
    }

    /// Calls `found` for every brand token inside `label` (lower-case ASCII, one
    /// host label or any lower-case text), leftmost first and, at one position,
    /// shortest first. Whether a hit counts (strict tokens) is the caller's rule.
    #[inline]
    pub fn tokens_in<'a>(&'a self, label: &str, mut found: impl FnMut(TokenHit<'a>)) {
        let bytes = label.as_bytes();
        for start in 0..bytes.len() {
            self.trie.each_at(bytes, start, |end, token| {
                if let Some(&(brand, token)) = self.token_list.get(token as usize) {
                    found(TokenHit { brand: &self.brands[usize::from(brand)], token, start, end });
                }
            });
        }
    }

    /// The brands a page's text names, each once, in order of first mention.
    /// Names match in Japanese and English, ignoring letter case and full-width
    /// forms; Latin names must be whole words, and short or everyday-word names
    /// ("au", "LINE") must also match their usual letter case.
    pub fn mentioned_in(&self, text: &str) -> Vec<&Brand> {
        self.names.find(text).into_iter().map(|i| &self.brands[usize::from(i)]).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_table_parses_and_is_large() {
        let b = builtin();
        assert!(b.all().len() >= 200, "only {} brands", b.all().len());
        for brand in b.all() {
            assert!(!brand.domains.is_empty(), "{} has no domain", brand.id);
            assert!(!brand.tokens.is_empty(), "{} has no token", brand.id);
        }
    }

    #[test]
    fn official_sites() {
        let b = builtin();
        assert_eq!(b.official("amazon.co.jp").map(|x| x.id), Some("amazon"));
        assert_eq!(b.official("vpass.ne.jp").map(|x| x.id), Some("smbc-card"));
        assert_eq!(b.official("eki-net.com").map(|x| x.id), Some("jreast"));
        assert!(b.official("amazon-co-jp.com").is_none());
        let smbc_card = b.by_id("smbc-card").unwrap();
        assert!(is_official(smbc_card, "smbc-card.com"));
        assert!(!is_official(smbc_card, "smbc.co.jp"));
    }

    #[test]
    fn japanese_brands_from_the_phishing_reports_are_covered() {
        let b = builtin();
        for id in ["amazon", "apple", "smbc-card", "jreast", "au", "aeon", "mercari", "saison", "epos", "nicos", "etc-meisai", "rakuten", "softbank", "jcb", "yamato", "sagawa", "japanpost", "docomo", "paypay"] {
            assert!(b.by_id(id).is_some(), "{id} missing");
        }
    }

    #[test]
    fn tokens_in_a_label() {
        let mut hits = Vec::new();
        builtin().tokens_in("www-smbc-card-jp", |h| hits.push((h.brand.id, h.token.text, h.start)));
        assert!(hits.contains(&("smbc", "smbc", 4)));
        assert!(hits.contains(&("smbc-card", "smbc-card", 4)));
    }

    #[test]
    fn pages_naming_brands() {
        let b = builtin();
        let ids = |t: &str| b.mentioned_in(t).into_iter().map(|x| x.id).collect::<Vec<_>>();
        assert_eq!(ids("【三井住友カード】ご利用確認のお願い"), ["smbc-card"]);
        assert_eq!(ids("えきねっと会員情報の更新"), ["jreast"]);
        assert_eq!(ids("Sign in to your ＡＭＡＺＯＮ account"), ["amazon"]);
        assert_eq!(ids("au PAYのご案内"), ["au"]);
        assert!(ids("We promise fresh audio on the line").is_empty());
    }

    #[test]
    fn bad_tables_are_errors() {
        assert!(Brands::parse("x\tX\tx.com").is_err());
        assert!(Brands::parse("x\tX\tX.COM\tx").is_err());
        assert!(Brands::parse("x\tX\tx.com\tx y").is_err());
        assert!(Brands::parse("x\tX\tx.com\tx\nx\tY\ty.com\ty").is_err());
    }
}
