//! The brands scammers imitate: who they are, which registrable domains are
//! really theirs, and how their names look in host names and page text.
//!
//! The table is `data/brands.tsv` (format described at its top), checked and
//! turned into static lookup tables by build.rs; all that is left for the first
//! use ([`builtin`]) is slicing the brands' strings out of the checked rows and
//! hashing the official domains, so the engine's first verdict after a wake
//! does not wait for a parse. Three
//! questions are asked of it:
//! - *Is this site the brand's own?* [`Brands::official`], [`is_official`]: a hash
//!   lookup of the registrable domain.
//! - *Which brand names hide in this host label?* [`Brands::tokens_in`]: at each
//!   position, the few tokens sharing its first two bytes.
//! - *Which brands does this page claim to be?* [`Brands::mentioned_in`]: names in
//!   Japanese and English, case- and width-insensitive.
//!
//! The impersonation signals (`signals::impersonation`) and the form guard's
//! page-claim check are built on these.

mod decode;
mod fold;
mod hash;
mod layout;
mod list;
mod names;
mod official;
#[cfg(test)]
mod source;
mod table;
mod tokens;

pub use fold::fold_width;
pub use hash::{hash_bytes, FxMap};
pub use list::List;
pub use tokens::TokenTrie;

use std::sync::OnceLock;

use decode::Decoded;
use layout::{symbol, token_bucket};
use table::{ONE_BYTE_TOKENS, TOKEN_LIST, TOKEN_STARTS};

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
        // A byte scan: the lookalike index takes the label of every domain on first use.
        let end = self.name.bytes().position(|b| b == b'.').unwrap_or(self.name.len());
        self.name.get(..end).unwrap_or(self.name)
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
    pub names: List<&'static str>,
    /// Its official registrable domains.
    pub domains: List<Domain>,
    /// Its host-name tokens.
    pub tokens: List<Token>,
}

impl Brand {
    /// The name to show a reader of English: its English-only name
    /// (`en:National Police Agency`) if it has one, else the first of its
    /// names written without Japanese letters (the table lists a brand's
    /// English name first among those), else the display name. "AEON CARD",
    /// not "イオンカード".
    pub fn english_name(&self) -> &'static str {
        let names = || self.names.iter().copied();
        names()
            .find_map(|n| n.strip_prefix(layout::ENGLISH_ONLY))
            .or_else(|| names().find(|n| !n.chars().any(is_japanese)))
            .unwrap_or(self.name)
    }
}

/// Kana, kanji, Japanese punctuation and full-width forms: what an English
/// reader may not be able to read.
fn is_japanese(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{30FF}' | '\u{3400}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}')
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

/// The brand table: the brands, decoded once, and the lookup structures
/// build.rs generated for them (`table.rs`).
#[derive(Debug)]
pub struct Brands {
    table: Decoded,
}

/// The brand table compiled into this build, decoded on first use.
pub fn builtin() -> &'static Brands {
    static TABLE: OnceLock<Brands> = OnceLock::new();
    TABLE.get_or_init(|| Brands { table: decode::decode() })
}

/// Whether `site` (a registrable domain) is one of `brand`'s official domains.
/// The form guard asks this when a page names a brand.
pub fn is_official(brand: &Brand, site: &str) -> bool {
    brand.domains.iter().any(|d| d.name == site)
}

/// Whether `text` starts with `token`, given that their first `known` bytes
/// (the bucket's) agree: a byte loop over the rest, as tokens are short and
/// mostly differ from the text within a byte or two of the bucket's.
#[inline]
fn starts_with(text: &[u8], token: &[u8], known: usize) -> bool {
    match (text.get(known..), token.get(known..)) {
        (Some(text), Some(token)) => text.len() >= token.len() && text.iter().zip(token).all(|(a, b)| a == b),
        _ => false,
    }
}

impl Brands {
    /// Every brand, in table order.
    pub fn all(&self) -> &[Brand] {
        &self.table.brands
    }

    /// The brand with this id.
    pub fn by_id(&self, id: &str) -> Option<&Brand> {
        self.table.brands.iter().find(|b| b.id == id)
    }

    /// The brand whose display name is `name`, the name a reason carries.
    pub fn named(&self, name: &str) -> Option<&Brand> {
        self.table.brands.iter().find(|b| b.name == name)
    }

    /// The (first) brand whose official domain `site` is; `site` is a
    /// registrable domain, lower-case ASCII.
    pub fn official(&self, site: &str) -> Option<&Brand> {
        let t = &self.table;
        let d = t.official.get(t.domains, site)?;
        t.brands.get(usize::from(*t.domain_brand.get(d)?))
    }

    /// Calls `found` for every brand token inside `label` (lower-case ASCII, one
    /// host label or any lower-case text), leftmost first and, at one position,
    /// shortest first. Whether a hit counts (strict tokens) is the caller's rule.
    #[inline]
    pub fn tokens_in<'a>(&'a self, label: &str, mut found: impl FnMut(TokenHit<'a>)) {
        let bytes = label.as_bytes();
        for start in 0..bytes.len() {
            let rest = &bytes[start..];
            let Some(first) = symbol(rest[0]) else { continue };
            // The one-byte token, then those that also share the next byte:
            // sorted, so the ones prefixing `rest` come shortest first.
            if ONE_BYTE_TOKENS {
                self.tokens_from(token_bucket(first, None), 1, rest, start, &mut found);
            }
            let Some(second) = rest.get(1).and_then(|&b| symbol(b)) else { continue };
            self.tokens_from(token_bucket(first, Some(second)), 2, rest, start, &mut found);
        }
    }

    /// Calls `found` for the tokens of `bucket` that `rest`, the label from
    /// byte `start` on, starts with; the bucket's tokens and `rest` share
    /// their first `known` bytes.
    #[inline]
    fn tokens_from<'a>(&'a self, bucket: usize, known: usize, rest: &[u8], start: usize, found: &mut impl FnMut(TokenHit<'a>)) {
        let t = &self.table;
        // An empty bucket (no token starts with these bytes) ends here.
        let Some(&[from, to]) = TOKEN_STARTS.get(bucket..bucket + 2) else { return };
        let Some(numbers) = TOKEN_LIST.get(usize::from(from)..usize::from(to)).filter(|n| !n.is_empty()) else { return };
        for &number in numbers {
            let number = usize::from(number);
            let Some(&token) = t.tokens.get(number) else { continue };
            if starts_with(rest, token.text.as_bytes(), known) {
                if let Some(brand) = t.token_brand.get(number).and_then(|&b| t.brands.get(usize::from(b))) {
                    found(TokenHit { brand, token, start, end: start + token.text.len() });
                }
            }
        }
    }

    /// The brands a page's text names, each once, in order of first mention.
    /// Names match in Japanese and English, ignoring letter case and full-width
    /// forms; Latin names must be whole words, and short or everyday-word names
    /// ("au", "LINE") must also match their usual letter case.
    pub fn mentioned_in(&self, text: &str) -> Vec<&Brand> {
        let t = &self.table;
        names::find(t.names, &t.name_brand, text).into_iter().filter_map(|b| t.brands.get(usize::from(b))).collect()
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
    fn english_readers_get_english_names() {
        let b = builtin();
        let name = |id: &str| b.by_id(id).map(Brand::english_name);
        assert_eq!(name("aeon"), Some("AEON CARD"));
        assert_eq!(name("smbc-card"), Some("Sumitomo Mitsui Card"));
        assert_eq!(name("amazon"), Some("Amazon"));
        // An English-only name is shown, never looked for in page text.
        assert_eq!(name("npa"), Some("National Police Agency"));
        assert!(b.mentioned_in("Ministry of Justice").is_empty());
        assert_eq!(b.mentioned_in("法務省").first().map(|b| b.id), Some("moj"));
        for brand in b.all() {
            assert!(!brand.english_name().chars().any(is_japanese), "{} has no English name", brand.id);
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
    fn short_and_ordinary_names_need_whole_words_and_case() {
        let b = builtin();
        let ids = |t: &str| b.mentioned_in(t).into_iter().map(|x| x.id).collect::<Vec<_>>();
        assert!(ids("audio and Australia").is_empty());
        assert!(ids("AU dollar").is_empty());
        assert!(ids("Amazonian rivers").is_empty());
        assert!(ids("【三井住友カード】ご利用確認 amazon").starts_with(&["smbc-card", "amazon"]));
        assert!(ids("auからのお知らせ").contains(&"au"));
        assert!(ids("online deadline").is_empty());
        assert!(ids("a line of text").is_empty());
        assert_eq!(ids("LINEで送る"), ["line"]);
    }

    /// The generated statics say what `data/brands.tsv` says.
    #[test]
    fn static_table_matches_the_source() {
        let rows = source::parse(include_str!("../../data/brands.tsv")).unwrap();
        let b = builtin();
        assert_eq!(rows.len(), b.all().len());
        for (row, brand) in rows.iter().zip(b.all()) {
            assert_eq!(row.id, brand.id);
            assert_eq!(row.names[0], brand.name);
            assert!(row.names.iter().eq(brand.names.iter()));
            assert!(row.domains.iter().map(|(d, o)| (d.as_str(), *o)).eq(brand.domains.iter().map(|d| (d.name, d.ordinary))));
            assert!(row.tokens.iter().map(|(t, s)| (t.as_str(), *s)).eq(brand.tokens.iter().map(|t| (t.text, t.strict))));
        }
    }

    /// Each official domain finds its first owner; each token is found, as
    /// its first owner's, exactly where it is.
    #[test]
    fn every_domain_and_token_is_found() {
        let b = builtin();
        for (i, brand) in b.all().iter().enumerate() {
            for d in brand.domains.iter() {
                let first = b.all().iter().position(|o| is_official(o, d.name));
                assert_eq!(b.all().iter().position(|o| Some(o) == b.official(d.name)), first, "{}", d.name);
                assert!(first <= Some(i));
            }
            for t in brand.tokens.iter() {
                let owner = b.all().iter().find(|o| o.tokens.iter().any(|x| x.text == t.text)).map(|o| o.id);
                let label = format!("x.{}.", t.text);
                let mut hits = Vec::new();
                b.tokens_in(&label, |h| hits.push((h.brand.id, h.token.text, h.start, h.end)));
                assert!(hits.contains(&(owner.unwrap_or(""), t.text, 2, 2 + t.text.len())), "{}: {hits:?}", t.text);
            }
        }
        assert!(b.official("example.com").is_none());
    }

    #[test]
    fn tokens_at_one_place_come_shortest_first() {
        let mut hits = Vec::new();
        builtin().tokens_in("smbc-card", |h| hits.push((h.start, h.end)));
        let mut sorted = hits.clone();
        sorted.sort();
        assert_eq!(hits, sorted);
    }
}
