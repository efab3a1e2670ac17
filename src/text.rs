//! Sentences for people, in Japanese and English.
//!
//! Every user-facing sentence the engine produces lives in `data/text/<lang>.tsv`
//! (`key<TAB>sentence`), compiled in. Keys are stable (`reason.ip-host`,
//! `level.caution`); sentences may hold `{brand}`, `{detail}` and `{host}`.
//! A test walks every key in both languages so none is missing or empty.

use std::sync::OnceLock;

use crate::verdict::Reason;

/// The languages SagiGuard speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English, for every locale that is not Japanese.
    En,
    /// Japanese (`ja`, `ja-JP`).
    Ja,
}

impl Lang {
    /// Picks the language for a browser locale such as `ja`, `ja-JP` or `en-US`;
    /// anything that is not Japanese gets English.
    pub fn from_tag(tag: &str) -> Lang {
        let t = tag.trim().to_ascii_lowercase();
        if t == "ja" || t.starts_with("ja-") || t.starts_with("ja_") {
            Lang::Ja
        } else {
            Lang::En
        }
    }

    /// Both languages, for tests and tools that walk every text.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ja];

}

/// The `(key, text)` rows of one language of a two-language table as build.rs
/// compiles it in: the English file as `key TAB text` lines, the Japanese one
/// as just the texts, line by line in the English file's key order (build.rs
/// stops the build unless both files hold the same keys in the same order),
/// so the keys ship once.
pub(crate) fn rows(lang: Lang, en: &'static str, ja: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    en.lines().filter_map(|l| l.split_once('\t')).zip(ja.lines()).map(move |((key, en), ja)| match lang {
        Lang::En => (key, en),
        Lang::Ja => (key, ja),
    })
}

/// The sentence table's rows in `lang` (see [`rows`]).
fn table(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    rows(lang, include_str!(concat!(env!("OUT_DIR"), "/data/text/en.tsv")), include_str!(concat!(env!("OUT_DIR"), "/data/text/ja.tsv")))
}

/// One language's table as `(key, sentence)` pairs sorted by key, split once:
/// every verdict shown asks for several sentences.
fn index(lang: Lang) -> &'static [(&'static str, &'static str)] {
    static INDEX: [OnceLock<Vec<(&str, &str)>>; 2] = [OnceLock::new(), OnceLock::new()];
    INDEX[lang as usize].get_or_init(|| {
        let mut pairs: Vec<(&str, &str)> = table(lang).collect();
        crate::sort::sort_by_key(&mut pairs, |&(k, _)| k);
        pairs
    })
}

/// Looks up a sentence by key; `None` when the key has no text in that language.
pub fn lookup(lang: Lang, key: &str) -> Option<&'static str> {
    let pairs = index(lang);
    pairs.binary_search_by_key(&key, |&(k, _)| k).ok().map(|i| pairs[i].1)
}

/// Every key of one language's table, for completeness tests.
pub fn keys(lang: Lang) -> impl Iterator<Item = &'static str> {
    table(lang).map(|(k, _)| k)
}

/// The sentence explaining a reason, with its facts filled in. Falls back to the
/// code itself rather than showing nothing (a test keeps that from happening).
pub fn reason_sentence(lang: Lang, reason: &Reason, host: &str) -> String {
    let key = format!("reason.{}", reason.code);
    let template = lookup(lang, &key).unwrap_or(reason.code);
    fill(template, reason.brand.map(|b| brand_name(lang, b)), reason.detail.as_deref(), host)
}

/// A brand's name as a reader of `lang` knows it: its Japanese display name in
/// Japanese, its English name in English. `name` is the display name a reason
/// or verdict carries.
pub fn brand_name(lang: Lang, name: &'static str) -> &'static str {
    match lang {
        Lang::Ja => name,
        Lang::En => crate::brands::builtin().named(name).map_or(name, crate::brands::Brand::english_name),
    }
}

fn fill(template: &str, brand: Option<&str>, detail: Option<&str>, host: &str) -> String {
    let brand = brand.unwrap_or("?");
    // A name that is a possessive already (Sainsbury's) takes no second 's.
    let template = if brand.ends_with("'s") || brand.ends_with("\u{2019}s") {
        std::borrow::Cow::Owned(template.replace("{brand}'s", brand))
    } else {
        std::borrow::Cow::Borrowed(template)
    };
    template
        .replace("{brand}", brand)
        .replace("{detail}", detail.unwrap_or(""))
        .replace("{host}", host)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verdict::Policy;

    #[test]
    fn a_possessive_name_takes_no_second_s() {
        let t = "not one of {brand}'s sites, but {brand} in name";
        assert_eq!(fill(t, Some("Sainsbury's"), None, ""), "not one of Sainsbury's sites, but Sainsbury's in name");
        assert_eq!(fill(t, Some("Tesco"), None, ""), "not one of Tesco's sites, but Tesco in name");
    }

    #[test]
    fn locale_tags() {
        assert_eq!(Lang::from_tag("ja-JP"), Lang::Ja);
        assert_eq!(Lang::from_tag("ja"), Lang::Ja);
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag(""), Lang::En);
    }

    #[test]
    fn both_languages_have_the_same_non_empty_keys() {
        let en: Vec<_> = keys(Lang::En).collect();
        let ja: Vec<_> = keys(Lang::Ja).collect();
        for k in &en {
            assert!(ja.contains(k), "{k} has no Japanese text");
            assert!(!lookup(Lang::En, k).unwrap().trim().is_empty(), "{k} is empty in en");
        }
        for k in &ja {
            assert!(en.contains(k), "{k} has no English text");
            assert!(!lookup(Lang::Ja, k).unwrap().trim().is_empty(), "{k} is empty in ja");
        }
    }

    #[test]
    fn every_policy_code_has_a_sentence() {
        for code in Policy::builtin().codes() {
            for lang in Lang::ALL {
                assert!(lookup(lang, &format!("reason.{code}")).is_some(), "reason.{code} missing in {lang:?}");
            }
        }
    }
}
