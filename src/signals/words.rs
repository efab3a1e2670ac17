//! Finding words and separators inside the short texts of an address (a
//! label, a path).
//!
//! The standard substring search prepares each needle before it looks
//! (worth it on long texts); host labels and paths are a few dozen bytes, so
//! a plain scan that compares only where the first byte matches costs less.

/// A list of lower-case words, indexed by their first two letters so a scan
/// checks at each position only the words that start with the two letters
/// found there.
pub(super) struct Words {
    words: &'static [&'static str],
    /// For each letter, the words starting with it (bit `i` = `words[i]`).
    first: [u32; 26],
    /// For each letter, the words whose second letter it is.
    second: [u32; 26],
}

impl Words {
    /// Indexes `words` (at most 32, each starting with two letters `a`-`z`;
    /// checked when the constant is built).
    pub(super) const fn new(words: &'static [&'static str]) -> Words {
        let (mut first, mut second) = ([0u32; 26], [0u32; 26]);
        let mut i = 0;
        while i < words.len() {
            let (a, b) = (words[i].as_bytes()[0], words[i].as_bytes()[1]);
            assert!(a.is_ascii_lowercase() && b.is_ascii_lowercase() && i < 32);
            first[(a - b'a') as usize] |= 1 << i;
            second[(b - b'a') as usize] |= 1 << i;
            i += 1;
        }
        Words { words, first, second }
    }

    /// The first word found in `text`, by position (at one position, the one
    /// listed first).
    pub(super) fn first_in(&self, text: &str) -> Option<&'static str> {
        let bytes = text.as_bytes();
        // Each byte is looked up once: the words it starts, kept for the
        // next byte, and the words it can be the second letter of.
        let mut starting = 0u32;
        for (i, &b) in bytes.iter().enumerate() {
            let (first, second) = match b {
                b'a'..=b'z' => (self.first[usize::from(b - b'a')], self.second[usize::from(b - b'a')]),
                _ => (0, 0),
            };
            let mut mask = starting & second;
            starting = first;
            while mask != 0 {
                let word = self.words[mask.trailing_zeros() as usize];
                if bytes[i - 1..].starts_with(word.as_bytes()) {
                    return Some(word);
                }
                mask &= mask - 1;
            }
        }
        None
    }

    /// The listed word that `word` is, found among the few sharing its first two letters.
    pub(super) fn exactly(&self, word: &[u8]) -> Option<&'static str> {
        let (&a, &b) = (word.first()?, word.get(1)?);
        if !(a.is_ascii_lowercase() && b.is_ascii_lowercase()) {
            return None;
        }
        let mut mask = self.first[usize::from(a - b'a')] & self.second[usize::from(b - b'a')];
        while mask != 0 {
            let listed = self.words[mask.trailing_zeros() as usize];
            if listed.as_bytes() == word {
                return Some(listed);
            }
            mask &= mask - 1;
        }
        None
    }
}

/// Whether `needle` occurs in `text` (as `str::contains`, for short texts).
pub(super) fn contains(text: &str, needle: &str) -> bool {
    find_from(text, needle, 0).is_some()
}

/// Byte offset of the first `needle` in `text` at or after `from` (as
/// `text[from..].find(needle)` plus `from`, for short texts). Only where the
/// needle's first and last bytes both match are the bytes between compared.
pub(super) fn find_from(text: &str, needle: &str, from: usize) -> Option<usize> {
    let (text, needle) = (text.as_bytes(), needle.as_bytes());
    let (Some(&first), Some(&last)) = (needle.first(), needle.last()) else { return Some(from) };
    let last_start = text.len().checked_sub(needle.len())?;
    let n = needle.len();
    (from..=last_start).find(|&i| text[i] == first && text[i + n - 1] == last && &text[i..i + n] == needle)
}

/// Byte offsets of the non-overlapping `needle`s in `text`, left to right (as
/// `text.match_indices(needle)`, for short texts and a needle that is not
/// empty: an empty one is found once, at 0).
pub(super) fn offsets<'a>(text: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let mut from = Some(0);
    std::iter::from_fn(move || {
        let at = find_from(text, needle, from?)?;
        from = Some(at + needle.len()).filter(|_| !needle.is_empty());
        Some(at)
    })
}

/// Whether `word` is one of `list` (as `list.contains(&word)`), comparing
/// the whole strings only where the length and first byte agree: the lists
/// are of short words, which mostly differ there.
pub(super) fn one_of(word: &str, list: &[&str]) -> bool {
    let (w, first) = (word.as_bytes(), word.as_bytes().first());
    list.iter().any(|l| l.len() == w.len() && l.as_bytes().first() == first && l.as_bytes() == w)
}

/// `text` without dots at either end (as `text.trim_matches('.')`, by a byte scan).
pub(super) fn trim_dots(text: &str) -> &str {
    let b = text.as_bytes();
    let start = b.iter().position(|&c| c != b'.').unwrap_or(b.len());
    let end = b.iter().rposition(|&c| c != b'.').map_or(start, |i| i + 1);
    text.get(start..end).unwrap_or("")
}

/// The parts of `text` between the ASCII separator `sep` (as
/// `text.split(char::from(sep))`), by a byte scan, which on short texts
/// costs less than the standard searcher.
pub(super) fn split(text: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(|b| b == sep) {
            Some(at) => {
                rest = Some(&r[at + 1..]);
                Some(&r[..at])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// `text` split at its last dot (as `text.rsplit_once('.')`).
pub(super) fn split_last_dot(text: &str) -> Option<(&str, &str)> {
    let dot = text.bytes().rposition(|b| b == b'.')?;
    Some((&text[..dot], &text[dot + 1..]))
}

/// Byte offsets of the dots in `text`, left to right.
pub(super) fn dots(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.bytes().enumerate().filter(|&(_, b)| b == b'.').map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: Words = Words::new(&["login", "log", "verify", "sign-in"]);

    #[test]
    fn first_word_by_position_then_list_order() {
        assert_eq!(LIST.first_in("my-login-verify"), Some("login"));
        assert_eq!(LIST.first_in("verify-logs"), Some("verify"));
        assert_eq!(LIST.first_in("/a/sign-in"), Some("sign-in"));
        assert_eq!(LIST.first_in("LOGIN"), None, "lower case only");
        assert_eq!(LIST.first_in(""), None);
        assert_eq!(LIST.first_in("l"), None);
        assert_eq!(LIST.exactly(b"log"), Some("log"));
        assert_eq!(LIST.exactly(b"logs"), None);
        assert_eq!(LIST.exactly(b"l"), None);
    }

    #[test]
    fn split_and_dots_agree_with_the_standard_ones() {
        for t in ["", "/", "//a", "/a/b.html", "a..b", "x.y.", "é/ü"] {
            assert_eq!(split(t, b'/').collect::<Vec<_>>(), t.split('/').collect::<Vec<_>>(), "{t:?}");
            assert_eq!(split(t, b'.').collect::<Vec<_>>(), t.split('.').collect::<Vec<_>>(), "{t:?}");
            assert_eq!(dots(t).collect::<Vec<_>>(), t.match_indices('.').map(|(i, _)| i).collect::<Vec<_>>(), "{t:?}");
            assert_eq!(split_last_dot(t), t.rsplit_once('.'), "{t:?}");
            assert_eq!(trim_dots(t), t.trim_matches('.'), "{t:?}");
            assert_eq!(one_of(t, &["", "a..b", "/a/b.html", "x"]), ["", "a..b", "/a/b.html", "x"].contains(&t), "{t:?}");
        }
    }

    #[test]
    fn contains_agrees_with_the_standard_search() {
        let texts = ["", "a", "abc", "/wp-content/x.php", "www.example.com", "aaab", "éa", "recoverecover", "aaaa"];
        let needles = ["", "a", "b", "ab", "abc", "abcd", "/wp-content/", "example.com", "aab", "é", "recover", "aa"];
        for t in texts {
            for n in needles {
                assert_eq!(contains(t, n), t.contains(n), "{t:?} {n:?}");
                assert_eq!(find_from(t, n, 0), t.find(n), "{t:?} {n:?}");
                if !n.is_empty() {
                    let standard: Vec<usize> = t.match_indices(n).map(|(i, _)| i).collect();
                    assert_eq!(offsets(t, n).collect::<Vec<_>>(), standard, "{t:?} {n:?}");
                }
            }
        }
    }
}
