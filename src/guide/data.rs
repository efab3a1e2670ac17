//! The guide's sentences: `data/guide/<lang>.tsv` (`key<TAB>text`), compiled in.
//!
//! Keys are stable; lists (steps, damage, prevention, intro) are every key under
//! a prefix, in the order the file gives them, so adding a step means adding a
//! line to each language's file. Tests keep both files' keys identical.

use crate::text::Lang;

/// Every `(key, text)` entry of one language, in file order (the compiled
/// form: `text::rows`).
pub(crate) fn entries(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    crate::text::rows(lang, include_str!(concat!(env!("OUT_DIR"), "/data/guide/en.tsv")), include_str!(concat!(env!("OUT_DIR"), "/data/guide/ja.tsv")))
}

/// The text for `key`, or `None` when that language lacks it.
pub(crate) fn get(lang: Lang, key: &str) -> Option<&'static str> {
    entries(lang).find_map(|(k, v)| (k == key).then_some(v))
}

/// The text for `key`, or an empty string when that language lacks it (a test
/// walks every key the guide uses, so this never reaches a person).
pub(crate) fn text(lang: Lang, key: &str) -> &'static str {
    get(lang, key).unwrap_or("")
}

/// The `(name, text)` entries directly under `prefix` (e.g. `card.step.` gives
/// `("call-issuer", "...")`), in file order.
pub(crate) fn under(lang: Lang, prefix: &str) -> Vec<(&'static str, &'static str)> {
    entries(lang)
        .filter_map(|(k, v)| k.strip_prefix(prefix).map(|name| (name, v)))
        .filter(|(name, _)| !name.is_empty() && !name.contains('.'))
        .collect()
}
