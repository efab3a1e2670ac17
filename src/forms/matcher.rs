//! Finding the words of a lexicon list in one short text in a single pass.
//! Searching each of some two hundred words separately (`str::find` builds a
//! searcher per word) cost tens of microseconds per field; grouping the words
//! by first byte lets one scan of the text try, at each byte, only the few
//! words that can start there.

use super::lexicon::Word;

/// A word's first match: byte range in the text and position in its list.
pub(super) type Match = (usize, usize, usize);

/// The words of one lexicon list grouped by first byte.
pub(super) struct WordIndex {
    words: &'static [Word],
    /// For each first byte, the range of `order` holding the words starting with it.
    ranges: Vec<(u16, u16)>,
    /// Positions in `words`, grouped by first byte, list order within a group.
    order: Vec<u16>,
}

impl WordIndex {
    /// Indexes the words of `words` for which `keep` holds.
    pub fn new(words: &'static [Word], keep: impl Fn(&Word) -> bool) -> WordIndex {
        // Counting sort by first byte: list order is kept within a group.
        let first = |w: &Word| usize::from(w.text.as_bytes().first().copied().unwrap_or(0));
        let kept = || words.iter().enumerate().filter(|(_, w)| keep(w));
        let mut counts = [0u16; 256];
        for (_, w) in kept() {
            counts[first(w)] += 1;
        }
        let mut ranges = vec![(0u16, 0u16); 256];
        let mut at = 0u16;
        for (b, &n) in counts.iter().enumerate() {
            ranges[b] = (at, at);
            at += n;
        }
        let mut order = vec![0u16; usize::from(at)];
        for (i, w) in kept() {
            let slot = &mut ranges[first(w)].1;
            order[usize::from(*slot)] = i as u16;
            *slot += 1;
        }
        WordIndex { words, ranges, order }
    }

    /// The first match in `hay` of every indexed word, counting only matches
    /// for which `ok(start, end)` holds, added to `out`, which stays in list
    /// order with each word at most once (so several texts can share it).
    pub fn first_matches(&self, hay: &str, ok: impl Fn(usize, usize) -> bool, out: &mut Vec<Match>) {
        let bytes = hay.as_bytes();
        for (start, &b) in bytes.iter().enumerate() {
            let (lo, hi) = self.ranges[usize::from(b)];
            for &i in &self.order[usize::from(lo)..usize::from(hi)] {
                let i = usize::from(i);
                let text = self.words[i].text.as_bytes();
                let end = start + text.len();
                if bytes[start..].starts_with(text) && ok(start, end) {
                    // Few words match one text: a sorted insert is cheapest.
                    let at = out.partition_point(|m| m.2 < i);
                    if out.get(at).is_none_or(|m| m.2 != i) {
                        out.insert(at, (start, end, i));
                    }
                }
            }
        }
    }
}

/// Whether the byte range `start..end` of `hay` is a whole word: not preceded
/// or followed by an ASCII letter or digit.
pub(super) fn whole_word(hay: &str, start: usize, end: usize) -> bool {
    let bytes = hay.as_bytes();
    let before = start.checked_sub(1).and_then(|i| bytes.get(i)).is_some_and(u8::is_ascii_alphanumeric);
    let after = bytes.get(end).is_some_and(u8::is_ascii_alphanumeric);
    !before && !after
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::{NAME_PARTS, TEXT_WORDS};
    use super::super::normalize::find_words;
    use super::*;

    /// The single pass finds, for every word, the same first match as
    /// searching for that word alone.
    #[test]
    fn agrees_with_searching_each_word() {
        let texts = [
            "card number (cvv2) expiry date mm/yy",
            "カード番号 セキュリティコード 有効期限 クレジットカード番号",
            "email or username password one-time password",
            "ｐａｓｓ contraseña pin pinpin shipping",
            "",
            "id id2 login-id ログインid",
        ];
        let index = WordIndex::new(TEXT_WORDS, |w| w.text.is_ascii());
        for text in texts {
            let mut got = Vec::new();
            index.first_matches(text, |s, e| whole_word(text, s, e), &mut got);
            let want: Vec<Match> = TEXT_WORDS
                .iter()
                .enumerate()
                .filter(|(_, w)| w.text.is_ascii())
                .filter_map(|(i, w)| find_words(text, w.text).map(|(s, e)| (s, e, i)))
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
        let index = WordIndex::new(NAME_PARTS, |_| true);
        for hay in ["cardnumbercvc", "userpassword", "ccnumber", "birthdateyubin"] {
            let mut got = Vec::new();
            index.first_matches(hay, |_, _| true, &mut got);
            let want: Vec<Match> =
                NAME_PARTS.iter().enumerate().filter_map(|(i, w)| hay.find(w.text).map(|s| (s, s + w.text.len(), i))).collect();
            assert_eq!(got, want, "{hay:?}");
            assert!(!got.is_empty());
        }
    }

    #[test]
    fn whole_words() {
        assert!(whole_word("a pin b", 2, 5));
        assert!(!whole_word("spin", 1, 4));
        assert!(!whole_word("pin2", 0, 3));
        assert!(whole_word("パpinカ", 3, 6));
    }
}
