//! Public Suffix List lookups: where the part of a host that anyone can
//! register under ends (`co.jp`, `pages.dev`), so `a.example.co.jp` and
//! `b.example.co.jp` are one site but `x.pages.dev` and `y.pages.dev` are two.
//!
//! The list (data/public_suffix_list.dat) is compiled by build.rs into a
//! front-coded, sorted key table (format: `psl_format.rs`) that is searched in
//! place: nothing is built at startup.

use super::idna;
use super::psl_format::{EXACT, EXACT_PRIVATE, EXCEPTION, EXCEPTION_PRIVATE, HEADER, WILDCARD, WILDCARD_PRIVATE};

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
    let mut key = [0u8; MAX_KEY_LEN];
    let mut len = 0;
    let mut best = Suffix { labels: 1, private: false };
    // Set when `*.` + the key so far is a rule: it matches one more label.
    let mut wildcard: Option<bool> = None;
    for (i, label) in host.rsplit('.').enumerate() {
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
fn find(key: &[u8]) -> Option<u8> {
    let block = BLOCKS.partition_point(|&start| first_key(start) <= key).checked_sub(1)?;
    let start = usize::try_from(*BLOCKS.get(block)?).ok()?;
    let end = match BLOCKS.get(block + 1) {
        Some(&e) => usize::try_from(e).ok()?,
        None => TABLE.len(),
    };
    let mut entries = Entries::new(TABLE.get(start..end)?);
    while let Some((entry, flags)) = entries.next_entry() {
        match entry.cmp(key) {
            std::cmp::Ordering::Less => {}
            std::cmp::Ordering::Equal => return Some(flags),
            std::cmp::Ordering::Greater => return None,
        }
    }
    None
}

/// The key of the (whole, unshared) entry starting at byte `start`.
fn first_key(start: u32) -> &'static [u8] {
    let rest = usize::try_from(start).ok().and_then(|s| TABLE.get(s + 2..)).unwrap_or(&[]);
    let n = rest.iter().position(|&b| b >= HEADER).unwrap_or(rest.len());
    &rest[..n]
}

/// Decodes the front-coded entries of a run of the table, one key at a time.
struct Entries {
    bytes: &'static [u8],
    pos: usize,
    key: [u8; MAX_KEY_LEN],
}

impl Entries {
    fn new(bytes: &'static [u8]) -> Entries {
        Entries { bytes, pos: 0, key: [0; MAX_KEY_LEN] }
    }

    /// The next key and its flags; `None` at the end (or on a malformed table).
    fn next_entry(&mut self) -> Option<(&[u8], u8)> {
        let header = *self.bytes.get(self.pos)?;
        let shared = usize::from(*self.bytes.get(self.pos + 1)?);
        let rest = self.bytes.get(self.pos + 2..)?;
        let n = rest.iter().position(|&b| b >= HEADER).unwrap_or(rest.len());
        let len = shared + n;
        self.key.get_mut(shared..len)?.copy_from_slice(&rest[..n]);
        self.pos += 2 + n;
        Some((&self.key[..len], header & !HEADER))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_every_key_is_found() {
        let mut entries = Entries::new(TABLE);
        let mut prev: Vec<u8> = Vec::new();
        let mut count: usize = 0;
        let mut rules = 0;
        while let Some((key, flags)) = entries.next_entry() {
            let key = key.to_vec();
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
            assert_eq!(TABLE.get(start as usize + 1), Some(&0), "block at {start}");
            assert!(!first_key(start).is_empty());
        }
        assert!(BLOCKS.len() > 1 && BLOCKS.len() < count);
        assert!(rules > 9000, "{rules} keys carry rules");
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
