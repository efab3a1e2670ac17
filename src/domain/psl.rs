//! Public Suffix List lookups: where the part of a host that anyone can
//! register under ends (`co.jp`, `pages.dev`), so `a.example.co.jp` and
//! `b.example.co.jp` are one site but `x.pages.dev` and `y.pages.dev` are two.
//!
//! The list (data/public_suffix_list.dat) is compiled by build.rs into a
//! front-coded, sorted key table (format: `psl_format.rs`) that is searched in
//! place: nothing is built at startup.

use std::cmp::Ordering;

use super::idna;
use super::psl_format::{EXACT, EXACT_PRIVATE, EXCEPTION, EXCEPTION_PRIVATE, HEADER, SHARED_BITS, WILDCARD, WILDCARD_PRIVATE};

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
    let mut cursor = Cursor::default();
    suffix_by(host, |key| cursor.find(key))
}

/// [`public_suffix`] with the table looked up by `find` (the flags of a key,
/// `None` when it is not in the table), so that tests can check the cursor's
/// shortcut against fresh searches through the same rules.
fn suffix_by(host: &str, mut find: impl FnMut(&[u8]) -> Option<u8>) -> Suffix {
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
    let encoded;
    let ascii = if label.is_ascii() {
        label
    } else {
        encoded = idna::label_to_ascii(label)?;
        encoded.as_str()
    };
    let mut pos = len;
    if len > 0 {
        *key.get_mut(pos)? = b'.';
        pos += 1;
    }
    let end = pos.checked_add(ascii.len())?;
    let dest = key.get_mut(pos..end)?;
    dest.copy_from_slice(ascii.as_bytes());
    dest.make_ascii_lowercase();
    Some(end)
}

/// The flags stored for `key`, `None` when it is not in the table.
#[cfg(test)]
fn find(key: &[u8]) -> Option<u8> {
    Cursor::default().find(key)
}

/// Where the last successful lookup of [`public_suffix`] left the decoder.
///
/// Each lookup extends the previous key by one label (`com`, then
/// `com.example`), and a key sorts right after its prefix, so the next lookup
/// can usually go on decoding from the entry just found instead of searching
/// the block index and decoding its block from the start again. The decoder's
/// state stays valid because the entry it stands on equals the old key, a
/// prefix of the new one: it agrees with the new key on exactly as many bytes.
struct Cursor {
    /// The decoder, on the entry last found when `block` is set.
    entries: Entries,
    /// The number of the block `entries` decodes, once a key was found.
    block: Option<usize>,
}

impl Default for Cursor {
    fn default() -> Cursor {
        Cursor { entries: Entries::new(&[]), block: None }
    }
}

impl Cursor {
    /// The flags stored for `key`, `None` when it is not in the table. `key`
    /// must extend the key of the previous successful call on this cursor.
    fn find(&mut self, key: &[u8]) -> Option<u8> {
        // Blocks to search when the key is not in the block last decoded.
        let mut later = 0;
        if let Some(block) = self.block.take() {
            later = block + 1;
            // The key is in this block unless the next block starts at or below it.
            let next_starts_above = BLOCKS.get(later).is_none_or(|&start| cmp_first_key(start, key) == Ordering::Greater);
            if next_starts_above {
                return self.scan(block, key);
            }
        }
        let rest = BLOCKS.get(later..)?;
        let block = later + rest.partition_point(|&start| cmp_first_key(start, key) != Ordering::Greater).checked_sub(1)?;
        let start = usize::try_from(*BLOCKS.get(block)?).ok()?;
        let end = match BLOCKS.get(block + 1) {
            Some(&e) => usize::try_from(e).ok()?,
            None => TABLE.len(),
        };
        self.entries = Entries::new(TABLE.get(start..end)?);
        self.scan(block, key)
    }

    /// Decodes on in block `block` until an entry is not smaller than `key`;
    /// stays on that entry when it is the key.
    fn scan(&mut self, block: usize, key: &[u8]) -> Option<u8> {
        while let Some(order) = self.entries.next_cmp(key) {
            match order {
                Ordering::Less => {}
                Ordering::Equal => {
                    self.block = Some(block);
                    return Some(self.entries.flags);
                }
                Ordering::Greater => return None,
            }
        }
        None
    }
}

/// Compares the key of the (whole, unshared) entry starting at byte `start`
/// with `key`.
fn cmp_first_key(start: u32, key: &[u8]) -> Ordering {
    let rest = usize::try_from(start).ok().and_then(|s| TABLE.get(s + 1..)).unwrap_or(&[]);
    for (i, &b) in rest.iter().enumerate() {
        if b >= HEADER {
            return i.cmp(&key.len());
        }
        match key.get(i) {
            Some(&k) if k == b => {}
            Some(&k) => return b.cmp(&k),
            None => return Ordering::Greater,
        }
    }
    rest.len().cmp(&key.len())
}

/// Walks the front-coded entries of one block, comparing each with a key
/// without rebuilding it: only where its labels end, and how many leading
/// bytes the current entry has in common with the key, are tracked.
///
/// An entry keeps the previous entry's first `shared` labels (`kept` bytes)
/// and adds a dot and its own bytes. If `kept` exceeds `common` (the previous
/// entry's agreement with the key), the entry agrees with the key exactly as
/// far as the previous one did and is smaller, like it; otherwise it agrees on
/// `kept` bytes and the comparison continues in its own bytes.
struct Entries {
    bytes: &'static [u8],
    pos: usize,
    /// Byte offset where each label of the current entry ends.
    ends: [usize; MAX_LABELS],
    /// Bytes the current entry has in common with the key.
    common: usize,
    /// Flags of the current entry.
    flags: u8,
}

impl Entries {
    fn new(bytes: &'static [u8]) -> Entries {
        Entries { bytes, pos: 0, ends: [0; MAX_LABELS], common: 0, flags: 0 }
    }

    /// Moves to the next entry and compares it with `key`; `None` at the end
    /// (or on a malformed table).
    fn next_cmp(&mut self, key: &[u8]) -> Option<Ordering> {
        let header = *self.bytes.get(self.pos)?;
        let shared = usize::from(header & ((1 << SHARED_BITS) - 1));
        self.flags = *FLAGS.get(usize::from((header & !HEADER) >> SHARED_BITS))?;
        // `at`: offset in the entry's key of the next byte; `order`: decided?
        let (kept, mut at) = match shared.checked_sub(1) {
            Some(last) => {
                let kept = *self.ends.get(last)?;
                (kept, kept + 1)
            }
            None => (0, 0),
        };
        let mut order = None;
        let mut common = kept;
        if kept > self.common {
            order = Some(Ordering::Less);
            common = self.common;
        } else if shared > 0 {
            // The dot joining the kept labels to this entry's own.
            match key.get(kept) {
                Some(b'.') => common += 1,
                Some(&k) => order = Some(b'.'.cmp(&k)),
                None => order = Some(Ordering::Greater),
            }
        }
        let mut labels = shared;
        let mut i = self.pos + 1;
        // While undecided, compare byte by byte with the key...
        while order.is_none() {
            let b = match self.bytes.get(i) {
                Some(&b) if b < HEADER => b,
                _ => break,
            };
            if b == b'.' {
                *self.ends.get_mut(labels)? = at;
                labels += 1;
            }
            match key.get(at) {
                Some(&k) if k == b => common += 1,
                Some(&k) => order = Some(b.cmp(&k)),
                None => order = Some(Ordering::Greater),
            }
            at += 1;
            i += 1;
        }
        // ...then only find where the remaining labels and the entry end.
        let rest = self.bytes.get(i..).unwrap_or(&[]);
        let mut n = 0;
        for &b in rest {
            if b >= HEADER {
                break;
            }
            if b == b'.' {
                *self.ends.get_mut(labels)? = at + n;
                labels += 1;
            }
            n += 1;
        }
        at += n;
        i += n;
        *self.ends.get_mut(labels)? = at;
        self.pos = i;
        self.common = common;
        // All of the entry matched: equal, or a proper prefix of the key.
        Some(order.unwrap_or(if at < key.len() { Ordering::Less } else { Ordering::Equal }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    impl Entries {
        /// The next key in full (for checking the table itself): the key
        /// rebuilt from the previous one and the entry's own bytes.
        fn next_key_from(&mut self, prev: &[u8]) -> Option<(Vec<u8>, u8)> {
            let header = *self.bytes.get(self.pos)?;
            let shared = usize::from(header & ((1 << SHARED_BITS) - 1));
            let mut key = match shared {
                0 => Vec::new(),
                s => {
                    let labels: Vec<&[u8]> = prev.split(|&b| b == b'.').take(s).collect();
                    let mut k = labels.join(&b'.');
                    k.push(b'.');
                    k
                }
            };
            let rest = &self.bytes[self.pos + 1..];
            let n = rest.iter().position(|&b| b >= HEADER).unwrap_or(rest.len());
            key.extend_from_slice(&rest[..n]);
            // Advance through the real decoder so its state stays in step.
            self.next_cmp(&key)?;
            Some((key, self.flags))
        }
    }

    #[test]
    fn table_is_sorted_and_every_key_is_found() {
        let mut entries = Entries::new(TABLE);
        let mut prev: Vec<u8> = Vec::new();
        let mut count: usize = 0;
        let mut rules = 0;
        while let Some((key, flags)) = entries.next_key_from(&prev) {
            assert!(key > prev || count == 0, "not sorted at {:?}", String::from_utf8_lossy(&key));
            assert_eq!(find(&key), Some(flags), "{:?}", String::from_utf8_lossy(&key));
            if flags != 0 {
                rules += 1;
            }
            prev = key;
            count += 1;
        }
        // Each indexed block starts with a whole key.
        for &start in &BLOCKS {
            let header = TABLE.get(start as usize).copied().unwrap_or(0);
            assert_eq!(header & !HEADER & ((1 << SHARED_BITS) - 1), 0, "block at {start}");
            assert!(header >= HEADER);
        }
        assert!(BLOCKS.len() > 1 && BLOCKS.len() < count);
        assert!(rules > 9000, "{rules} keys carry rules");
    }

    #[test]
    fn near_misses_agree_with_a_plain_map() {
        let mut all = std::collections::HashMap::new();
        let mut entries = Entries::new(TABLE);
        let mut prev: Vec<u8> = Vec::new();
        while let Some((key, flags)) = entries.next_key_from(&prev) {
            all.insert(key.clone(), flags);
            prev = key;
        }
        for key in all.keys() {
            let mut variants = vec![key[..key.len() - 1].to_vec()];
            for extra in [&b"a"[..], b"-", b".", b"0", b"z", b".a", b".zz"] {
                variants.push([key.as_slice(), extra].concat());
            }
            for v in variants {
                assert_eq!(find(&v), all.get(&v).copied(), "{:?}", String::from_utf8_lossy(&v));
            }
        }
    }

    #[test]
    fn missing_keys_are_not_found() {
        for key in ["", "zzzzzz", "com.example", "jp.co.example", "aaa.", "\u{7f}"] {
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

    /// `public_suffix` with a fresh search for every key, as it was before
    /// the cursor: the reference the cursor's shortcut must agree with.
    fn public_suffix_without_cursor(host: &str) -> Suffix {
        suffix_by(host, find)
    }

    #[test]
    fn cursor_agrees_with_fresh_searches_for_every_key() {
        let mut entries = Entries::new(TABLE);
        let mut prev: Vec<u8> = Vec::new();
        let mut hosts = 0;
        while let Some((key, _)) = entries.next_key_from(&prev) {
            let text = String::from_utf8_lossy(&key).into_owned();
            let host: Vec<&str> = text.split('.').rev().collect();
            let host = host.join(".");
            for extra in ["", "a.", "www.", "zz.a.", "0-x.b.c."] {
                let h = format!("{extra}{host}");
                assert_eq!(public_suffix(&h), public_suffix_without_cursor(&h), "{h}");
                hosts += 1;
            }
            prev = key;
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
