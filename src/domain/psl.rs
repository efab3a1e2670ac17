//! Public Suffix List lookups: where the part of a host that anyone can
//! register under ends (`co.jp`, `pages.dev`), so `a.example.co.jp` and
//! `b.example.co.jp` are one site but `x.pages.dev` and `y.pages.dev` are two.
//!
//! The list (data/public_suffix_list.dat) is compiled by build.rs into a
//! front-coded, sorted key table (format: `psl_format.rs`); `blocks.rs` looks
//! keys up in it, decoding each block of the table the first time it is needed.

use super::idna;
use super::psl_format::{EXACT, EXACT_PRIVATE, EXCEPTION, EXCEPTION_PRIVATE, WILDCARD, WILDCARD_PRIVATE};

mod blocks;

include!(concat!(env!("OUT_DIR"), "/psl_table.rs"));

/// The rule that prevailed for a host.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Suffix {
    /// How many labels, from the right, the public suffix has (at least 1).
    pub(super) labels: usize,
    /// Whether the prevailing rule is in the list's PRIVATE section.
    pub(super) private: bool,
}

/// The public suffix of `host` by the list's algorithm: among the matching
/// rules an exception rule prevails, else the one with the most labels, else
/// the default rule `*` (the last label). Labels are compared case-insensitively;
/// Unicode labels are compared in their `xn--` form.
pub(super) fn public_suffix(host: &str) -> Suffix {
    suffix_by(host, blocks::find)
}

/// [`public_suffix`] with the table looked up by `find` (the flags of a key,
/// `None` when it is not in the table), so that tests can check the lookups
/// against a plain map of every key through the same rules.
fn suffix_by(host: &str, find: impl Fn(&[u8]) -> Option<u8>) -> Suffix {
    let mut key = [0u8; MAX_KEY_LEN];
    let mut len = 0;
    let mut best = Suffix { labels: 1, private: false };
    // Set when `*.` + the key so far is a rule: it matches one more label.
    let mut wildcard: Option<bool> = None;
    for (i, label) in labels_from_right(host).enumerate() {
        let k = i + 1;
        if let Some(private) = wildcard.take() {
            best = Suffix { labels: k, private };
        }
        if k > MAX_LABELS {
            break;
        }
        len = match append_label(&mut key, len, label) {
            Some(l) => l,
            None => break,
        };
        // Every key on the way to a rule is in the table, so a missing key
        // means no longer rule can match.
        let flags = match find(&key[..len]) {
            Some(f) => f,
            None => break,
        };
        if flags & EXCEPTION != 0 {
            return Suffix { labels: k - 1, private: flags & EXCEPTION_PRIVATE != 0 };
        }
        if flags & EXACT != 0 {
            best = Suffix { labels: k, private: flags & EXACT_PRIVATE != 0 };
        }
        if flags & WILDCARD != 0 {
            wildcard = Some(flags & WILDCARD_PRIVATE != 0);
        }
    }
    best
}

/// The labels of `host`, rightmost first (a plain byte scan: hosts are short).
fn labels_from_right(host: &str) -> impl Iterator<Item = &str> {
    let mut end = Some(host.len());
    std::iter::from_fn(move || {
        let e = end?;
        let start = host.as_bytes()[..e].iter().rposition(|&b| b == b'.');
        end = start;
        host.get(start.map_or(0, |s| s + 1)..e)
    })
}

/// Appends `.label` (just `label` first) to the key in its ASCII form; `None`
/// when the key would be longer than any in the table (so cannot match) or the
/// label has no ASCII form.
fn append_label(key: &mut [u8; MAX_KEY_LEN], len: usize, label: &str) -> Option<usize> {
    let pos = match len {
        0 => 0,
        _ => {
            *key.get_mut(len)? = b'.';
            len + 1
        }
    };
    // Most labels are ASCII and fit: lower-cased as they are copied, in one pass.
    let end = pos.checked_add(label.len())?;
    if let Some(dest) = key.get_mut(pos..end) {
        if copy_ascii_lowercase(dest, label.as_bytes()) {
            return Some(end);
        }
    }
    if label.is_ascii() {
        return None;
    }
    let encoded = idna::label_to_ascii(label)?;
    let end = pos.checked_add(encoded.len())?;
    let dest = key.get_mut(pos..end)?;
    dest.copy_from_slice(encoded.as_bytes());
    dest.make_ascii_lowercase();
    Some(end)
}

/// Copies `src` into `dest` (as long) lower-cased; `false`, with `dest`
/// partly written, at the first byte that is not ASCII.
fn copy_ascii_lowercase(dest: &mut [u8], src: &[u8]) -> bool {
    for (d, &b) in dest.iter_mut().zip(src) {
        if !b.is_ascii() {
            return false;
        }
        *d = b.to_ascii_lowercase();
    }
    true
}

#[cfg(test)]
mod tests {
    use super::blocks::find;
    use super::*;
    use crate::domain::psl_format::{HEADER, SHARED_BITS};
    use std::collections::HashMap;

    /// Every key of the table in order with its flags, rebuilt by a decoder
    /// of its own (not `blocks.rs`'s), as the reference lookups must match.
    fn all_keys() -> Vec<(Vec<u8>, u8)> {
        let mut keys: Vec<(Vec<u8>, u8)> = Vec::new();
        let mut pos = 0;
        while let Some(&header) = TABLE.get(pos) {
            assert!(header >= HEADER, "entry at {pos}");
            let shared = usize::from(header & ((1 << SHARED_BITS) - 1));
            let flags = FLAGS[usize::from((header & !HEADER) >> SHARED_BITS)];
            let mut key = match (shared, keys.last()) {
                (0, _) => Vec::new(),
                (s, Some((prev, _))) => {
                    let labels: Vec<&[u8]> = prev.split(|&b| b == b'.').take(s).collect();
                    assert_eq!(labels.len(), s, "more shared labels than the previous key has");
                    let mut k = labels.join(&b'.');
                    k.push(b'.');
                    k
                }
                (_, None) => panic!("the first entry shares labels"),
            };
            let rest = &TABLE[pos + 1..];
            let n = rest.iter().position(|&b| b >= HEADER).unwrap_or(rest.len());
            key.extend_from_slice(&rest[..n]);
            keys.push((key, flags));
            pos += 1 + n;
        }
        keys
    }

    #[test]
    fn table_is_sorted_and_every_key_is_found() {
        let keys = all_keys();
        for pair in keys.windows(2) {
            assert!(pair[0].0 < pair[1].0, "not sorted at {:?}", String::from_utf8_lossy(&pair[1].0));
        }
        for (key, flags) in &keys {
            assert_eq!(find(key), Some(*flags), "{:?}", String::from_utf8_lossy(key));
        }
        // Each indexed block starts with a whole key.
        for &start in &BLOCKS {
            let header = TABLE.get(start as usize).copied().unwrap_or(0);
            assert_eq!(header & !HEADER & ((1 << SHARED_BITS) - 1), 0, "block at {start}");
            assert!(header >= HEADER);
        }
        assert!(BLOCKS.len() > 1 && BLOCKS.len() < keys.len());
        let rules = keys.iter().filter(|(_, flags)| *flags != 0).count();
        assert!(rules > 9000, "{rules} keys carry rules");
    }

    #[test]
    fn near_misses_agree_with_a_plain_map() {
        let all: HashMap<Vec<u8>, u8> = all_keys().into_iter().collect();
        for key in all.keys() {
            let mut variants = vec![key[..key.len() - 1].to_vec()];
            for extra in [&b"a"[..], b"-", b".", b"0", b"z", b".a", b".zz", b"\0", b"\xff"] {
                variants.push([key.as_slice(), extra].concat());
            }
            for v in variants {
                assert_eq!(find(&v), all.get(&v).copied(), "{:?}", String::from_utf8_lossy(&v));
            }
        }
    }

    #[test]
    fn missing_keys_are_not_found() {
        for key in ["", "zzzzzz", "com.example", "jp.co.example", "aaa.", "\u{7f}", "\0", "\u{ff}"] {
            assert_eq!(find(key.as_bytes()), None, "{key}");
        }
    }

    #[test]
    fn flags_of_known_rules() {
        assert_eq!(find(b"com"), Some(EXACT));
        assert_eq!(find(b"ck"), Some(WILDCARD));
        assert_eq!(find(b"ck.www"), Some(EXCEPTION));
        assert_eq!(find(b"dev.pages"), Some(EXACT | EXACT_PRIVATE));
        assert_eq!(find(b"jp.kobe"), Some(WILDCARD));
        assert_eq!(find(b"jp.kobe.city"), Some(EXCEPTION));
        assert_eq!(find(b"jp.tokyo"), Some(EXACT));
        assert_eq!(find(b"cn.xn--55qx5d"), Some(EXACT));
    }

    #[test]
    fn suffixes_agree_with_a_plain_map_for_every_key() {
        let keys = all_keys();
        let all: HashMap<Vec<u8>, u8> = keys.iter().cloned().collect();
        let mut hosts = 0;
        for (key, _) in &keys {
            let text = String::from_utf8_lossy(key).into_owned();
            let host: Vec<&str> = text.split('.').rev().collect();
            let host = host.join(".");
            for extra in ["", "a.", "www.", "zz.a.", "0-x.b.c."] {
                let h = format!("{extra}{host}");
                assert_eq!(public_suffix(&h), suffix_by(&h, |k| all.get(k).copied()), "{h}");
                hosts += 1;
            }
        }
        assert!(hosts > 50_000);
    }

    #[test]
    fn suffix_labels() {
        let cases = [
            ("com", 1, false),
            ("example.com", 1, false),
            ("example.co.jp", 2, false),
            ("x.y.pages.dev", 2, true),
            ("pages.dev", 2, true),
            ("a.b.c.kobe.jp", 3, false),
            ("www.ck", 1, false),
            ("a.b.ck", 2, false),
            ("example.unknowntld", 1, false),
            ("EXAMPLE.CO.JP", 2, false),
        ];
        for (host, labels, private) in cases {
            assert_eq!(public_suffix(host), Suffix { labels, private }, "{host}");
        }
    }
}
