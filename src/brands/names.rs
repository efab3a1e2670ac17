//! Finding brand names in page text ("三井住友カード", "Amazon", "ＪＣＢ"), for
//! the form guard's check that a page claiming a brand sits on its official site.

use super::hash::FxMap;

/// Folds the width and case differences people do not see: full-width ASCII
/// (`ＡＢＣ１`) to ASCII, the ideographic space to a space.
#[inline]
pub fn fold_width(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// One name ending at a trie node.
#[derive(Clone, Copy, Debug)]
struct NameEnd {
    brand: u16,
    /// Latin names must stand as whole words.
    word: bool,
    /// Short or ordinary-word Latin names ("au", "LINE", "VISA") must also match
    /// the table's letter case, so "line" or "visa" in running text do not count.
    exact_case: Option<&'static str>,
}

/// A character trie over every brand name, folded with [`fold_width`] and lower-cased.
#[derive(Debug, Default)]
pub struct NameMatcher {
    edges: FxMap<(u32, char), u32>,
    ends: FxMap<u32, Vec<NameEnd>>,
    nodes: u32,
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

impl NameMatcher {
    /// Adds one name of brand number `brand`; `ordinary` says the name is also an
    /// everyday word, so its case must match.
    pub fn insert(&mut self, name: &'static str, brand: u16, ordinary: bool) {
        let mut node = 0u32;
        for c in name.chars().map(fold_width).flat_map(char::to_lowercase) {
            node = match self.edges.get(&(node, c)) {
                Some(&n) => n,
                None => {
                    self.nodes += 1;
                    self.edges.insert((node, c), self.nodes);
                    self.nodes
                }
            };
        }
        if node == 0 {
            return;
        }
        let first = name.chars().next().unwrap_or(' ');
        let last = name.chars().last().unwrap_or(' ');
        let latin = name.is_ascii();
        let exact_case = (latin && (name.len() <= 4 || ordinary)).then_some(name);
        self.ends.entry(node).or_default().push(NameEnd {
            brand,
            word: is_word_char(first) || is_word_char(last),
            exact_case,
        });
    }

    /// Brand numbers named in `text`, each once, in order of first mention.
    pub fn find(&self, text: &str) -> Vec<u16> {
        let orig: Vec<char> = text.chars().map(fold_width).collect();
        let lower: Vec<char> = orig.iter().map(|c| c.to_lowercase().next().unwrap_or(*c)).collect();
        let mut found: Vec<u16> = Vec::new();
        for start in 0..lower.len() {
            if start > 0 && is_word_char(lower[start - 1]) && is_word_char(lower[start]) {
                // Only Japanese names may start inside a Latin word run; they
                // never begin with a Latin letter, so skip.
                continue;
            }
            let mut node = 0u32;
            for (i, &c) in lower.iter().enumerate().skip(start) {
                let Some(&n) = self.edges.get(&(node, c)) else { break };
                node = n;
                let Some(ends) = self.ends.get(&node) else { continue };
                let end = i + 1;
                for e in ends {
                    if e.word && end < lower.len() && is_word_char(lower[end]) && is_word_char(lower[i]) {
                        continue;
                    }
                    if let Some(exact) = e.exact_case {
                        if !orig[start..end].iter().copied().eq(exact.chars()) {
                            continue;
                        }
                    }
                    if !found.contains(&e.brand) {
                        found.push(e.brand);
                    }
                }
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher() -> NameMatcher {
        let mut m = NameMatcher::default();
        m.insert("Amazon", 0, false);
        m.insert("三井住友カード", 1, false);
        m.insert("au", 2, false);
        m.insert("LINE", 3, true);
        m
    }

    #[test]
    fn finds_names_in_any_width_and_case() {
        let m = matcher();
        assert_eq!(m.find("ＡＭＡＺＯＮをご利用の皆様"), [0]);
        assert_eq!(m.find("【三井住友カード】ご利用確認 amazon"), [1, 0]);
    }

    #[test]
    fn short_and_ordinary_names_need_whole_words_and_case() {
        let m = matcher();
        assert_eq!(m.find("auからのお知らせ"), [2]);
        assert!(m.find("audio and Australia").is_empty());
        assert!(m.find("AU dollar").is_empty());
        assert!(m.find("online deadline").is_empty());
        assert_eq!(m.find("LINEで送る"), [3]);
        assert!(m.find("a line of text").is_empty());
        assert!(m.find("Amazonian rivers").is_empty());
    }
}
