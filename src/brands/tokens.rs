//! A byte trie over host-label words (the lure words around brand names):
//! finds every word starting at each position of a label in one pass, without
//! a hash per substring.

use super::layout::{symbol, SYMBOLS};

/// The trie: node 0 is the root; `next[n][s] == 0` means no edge.
#[derive(Debug, Default)]
pub struct TokenTrie {
    next: Vec<[u32; SYMBOLS]>,
    /// For each node, `token index + 1` when a token ends there, else 0.
    end: Vec<u32>,
}

impl TokenTrie {
    /// An empty trie.
    pub fn new() -> TokenTrie {
        TokenTrie { next: vec![[0; SYMBOLS]], end: vec![0] }
    }

    /// Adds `text` as token number `token`. Returns false when `text` has a byte
    /// no host label has (the table is then wrong) or was already added.
    pub fn insert(&mut self, text: &str, token: u32) -> bool {
        let mut node = 0usize;
        for &b in text.as_bytes() {
            let Some(s) = symbol(b) else { return false };
            if self.next[node][s] == 0 {
                self.next.push([0; SYMBOLS]);
                self.end.push(0);
                self.next[node][s] = (self.next.len() - 1) as u32;
            }
            node = self.next[node][s] as usize;
        }
        if node == 0 || self.end[node] != 0 {
            return false;
        }
        self.end[node] = token + 1;
        true
    }

    /// Calls `found(end, token)` for every token that starts at `start` in
    /// `bytes` (which should be lower-case), shortest first.
    #[inline]
    pub fn each_at(&self, bytes: &[u8], start: usize, mut found: impl FnMut(usize, u32)) {
        let mut node = 0usize;
        for (i, &b) in bytes.iter().enumerate().skip(start) {
            let Some(s) = symbol(b) else { return };
            let n = self.next[node][s];
            if n == 0 {
                return;
            }
            node = n as usize;
            if self.end[node] != 0 {
                found(i + 1, self.end[node] - 1);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_overlapping_tokens() {
        let mut t = TokenTrie::new();
        assert!(t.insert("smbc", 0));
        assert!(t.insert("smbc-card", 1));
        assert!(!t.insert("smbc", 2), "duplicates are refused");
        assert!(!t.insert("a.b", 3), "dots are not label bytes");
        let mut hits = Vec::new();
        let label = b"my-smbc-card1";
        for i in 0..label.len() {
            t.each_at(label, i, |end, tok| hits.push((i, end, tok)));
        }
        assert_eq!(hits, [(3, 7, 0), (3, 12, 1)]);
    }
}
