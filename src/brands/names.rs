//! Finding brand names in page text ("三井住友カード", "Amazon", "ＪＣＢ"), for
//! the form guard's check that a page claiming a brand sits on its official site.

use super::fold::fold_width;
use super::layout::NAME_EXACT;
use super::table::NAME_LIST;

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// A name as page text is compared with it: width-folded and lower-cased
/// (build.rs sorted the names by this key).
fn key(name: &str) -> impl Iterator<Item = char> + '_ {
    name.chars().map(fold_width).flat_map(crate::lowercase::chars)
}

/// The number of characters of `name`'s key when `text` starts with them.
fn prefix_len(name: &str, text: &[char]) -> Option<usize> {
    let mut n = 0;
    for k in key(name) {
        if text.get(n) != Some(&k) {
            return None;
        }
        n += 1;
    }
    Some(n)
}

/// Brand numbers named in `text`, each once, in order of first mention (and,
/// at one place, shorter names first, then table order). `names` and
/// `name_brand` are every name and its brand, by number.
pub(super) fn find(names: &[&str], name_brand: &[u16], text: &str) -> Vec<u16> {
    let orig: Vec<char> = text.chars().map(fold_width).collect();
    let lower: Vec<char> = orig.iter().map(|&c| crate::lowercase::chars(c).next().unwrap_or(c)).collect();
    let name = |entry: u16| names.get(usize::from(entry & !NAME_EXACT)).copied().unwrap_or("");
    let mut found: Vec<u16> = Vec::new();
    for start in 0..lower.len() {
        if start > 0 && is_word_char(lower[start - 1]) && is_word_char(lower[start]) {
            // Only Japanese names may start inside a Latin word run; they
            // never begin with a Latin letter, so skip.
            continue;
        }
        let first = Some(lower[start]);
        // The names whose key starts with this character; those whose key
        // prefixes the text come in order of length, each key being a prefix
        // of the next.
        let from = NAME_LIST.partition_point(|&e| key(name(e)).next() < first);
        for &entry in NAME_LIST.get(from..).unwrap_or(&[]) {
            let name = name(entry);
            if key(name).next() != first {
                break;
            }
            let Some(len) = prefix_len(name, &lower[start..]) else { continue };
            let (end, last) = (start + len, start + len - 1);
            let word = name.chars().next().is_some_and(is_word_char) || name.chars().last().is_some_and(is_word_char);
            if word && end < lower.len() && is_word_char(lower[end]) && is_word_char(lower[last]) {
                continue;
            }
            if entry & NAME_EXACT != 0 && !orig[start..end].iter().copied().eq(name.chars()) {
                continue;
            }
            let Some(&brand) = name_brand.get(usize::from(entry & !NAME_EXACT)) else { continue };
            if !found.contains(&brand) {
                found.push(brand);
            }
        }
    }
    found
}
