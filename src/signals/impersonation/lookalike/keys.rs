//! One family of brand keys (plain labels or skeletons) with its deletion
//! neighbourhood: every key with one byte deleted. A candidate one edit from
//! a key shares a one-deletion variant with it (or is one, or has one that is
//! the key), so finding them costs a few probes per character of the
//! candidate, whatever the number of brands.
//!
//! Keys are hashed with a polynomial hash, whose one-deletion variants all
//! follow from the whole key's hash in linear time, with no buffer.

use super::table::{Filter, Table};

/// Polynomial hash base (odd, so powers never vanish modulo 2^64).
const BASE: u64 = 0x100_0000_01b3;

/// `BASE`'s inverse modulo 2^64 (Newton's iteration; each step doubles the
/// correct low bits), to step the powers down as the deleted byte moves right.
const BASE_INV: u64 = {
    let mut inv = BASE;
    let mut i = 0;
    while i < 6 {
        inv = inv.wrapping_mul(2u64.wrapping_sub(BASE.wrapping_mul(inv)));
        i += 1;
    }
    inv
};

/// Polynomial hash of a key (also the lookalike index's key for everyday-word skeletons).
pub(super) fn poly(bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(0u64, poly_step)
}

/// [`poly`] of a key extended by `byte`, from the key's hash: for keys
/// hashed as they are built.
pub(super) fn poly_step(hash: u64, byte: u8) -> u64 {
    hash.wrapping_mul(BASE).wrapping_add(u64::from(byte))
}

/// Calls `f` with the [`poly`] hash of `bytes` without byte `i`, for each `i`
/// in order, until it returns true; whether it did. `whole` is the [`poly`]
/// hash of `bytes`, which the callers also need.
fn each_deletion(bytes: &[u8], whole: u64, mut f: impl FnMut(u64) -> bool) -> bool {
    // Without byte i: H - (prefix_i * (BASE - 1) + b_i) * BASE^(n-1-i).
    let mut power = BASE.wrapping_pow(u32::try_from(bytes.len()).unwrap_or(u32::MAX).saturating_sub(1));
    let mut prefix = 0u64;
    for &b in bytes {
        let removed = prefix.wrapping_mul(BASE - 1).wrapping_add(u64::from(b)).wrapping_mul(power);
        if f(whole.wrapping_sub(removed)) {
            return true;
        }
        prefix = poly_step(prefix, b);
        power = power.wrapping_mul(BASE_INV);
    }
    false
}

/// The keys of a family, one per entry, in one string.
#[derive(Default)]
pub(super) struct KeyList {
    text: String,
    /// Where each entry's key ends in `text`.
    ends: Vec<u32>,
    /// Whether each entry is indexed (see [`KeyList::push`]).
    indexed: Vec<bool>,
}

impl KeyList {
    /// Appends the key of the next entry; unless `indexed`, lookups never
    /// return the entry (an earlier entry that lookups cannot tell from it
    /// answers for it), though [`Keys::key`] still gives its key.
    pub(super) fn push(&mut self, key: &str, indexed: bool) {
        self.text.push_str(key);
        self.ends.push(self.text.len() as u32);
        self.indexed.push(indexed);
    }
}

/// A family of keys, indexed for exact and one-edit lookups.
pub(super) struct Keys {
    list: KeyList,
    /// Hash of a whole key → its entry (the first, when keys repeat).
    exact: Table,
    /// Hash of a key with one byte deleted → each entry with such a variant.
    deletions: Table,
    /// Every hash in `exact` or `deletions`: one test skips both tables.
    filter: Filter,
    /// Bit `n` set when some key has `n` bytes (bit 63: 63 or more, which no
    /// host label has), so that lookups skip the probes no key can answer. A
    /// 64-bit word: shifting a 128-bit one costs a dozen instructions a test.
    lengths: u64,
}

/// The bit of [`Keys::lengths`] for a key of `n` bytes.
fn length_bit(n: usize) -> u64 {
    1 << n.min(63)
}

impl Keys {
    /// Indexes `list`, entry `e` being its `e`-th key.
    pub(super) fn new(list: KeyList) -> Keys {
        let mut exact = Table::with_capacity(list.ends.len());
        let mut deletions = Table::with_capacity(list.text.len());
        let mut filter = Filter::with_capacity(list.ends.len() + list.text.len());
        let mut lengths = 0;
        let mut start = 0;
        for (e, (&end, &indexed)) in list.ends.iter().zip(&list.indexed).enumerate() {
            let key = &list.text.as_bytes()[start..end as usize];
            start = end as usize;
            if !indexed {
                continue;
            }
            lengths |= length_bit(key.len());
            let whole = poly(key.iter().copied());
            exact.insert(whole, e as u32, true);
            filter.add(whole);
            each_deletion(key, whole, |h| {
                deletions.insert(h, e as u32, false);
                filter.add(h);
                false
            });
        }
        Keys { list, exact, deletions, filter, lengths }
    }

    /// The key of entry `e`.
    pub(super) fn key(&self, e: u32) -> &[u8] {
        let end = self.list.ends[e as usize] as usize;
        let start = e.checked_sub(1).map_or(0, |p| self.list.ends[p as usize] as usize);
        &self.list.text.as_bytes()[start..end]
    }

    fn has_length(&self, n: usize) -> bool {
        self.lengths & length_bit(n) != 0
    }

    /// The entry whose key is exactly `key`.
    pub(super) fn exact_match(&self, key: &[u8]) -> Option<u32> {
        let hash = poly(key.iter().copied());
        if !self.filter.may_have(hash) {
            return None;
        }
        let e = self.exact.first(hash)?;
        (self.key(e) == key).then_some(e)
    }

    /// Calls `found` with each entry one edit from `cand` (and its key) until
    /// it returns true. Hash hits are only candidates: `found` checks the edit.
    pub(super) fn one_edit(&self, cand: &[u8], mut found: impl FnMut(u32, &[u8]) -> bool) {
        let n = cand.len();
        if n == 0 || n > 128 {
            return;
        }
        let mut check = |e: u32| found(e, self.key(e));
        let (inserted, changed, omitted) = (self.has_length(n - 1), self.has_length(n), self.has_length(n + 1));
        let whole = poly(cand.iter().copied());
        if inserted || changed {
            let stopped = each_deletion(cand, whole, |variant| {
                if !self.filter.may_have(variant) {
                    return false;
                }
                // The candidate with one byte fewer is a key (an insertion)...
                (inserted && self.exact.first(variant).is_some_and(&mut check))
                    // ...or equals a key with one byte fewer (a substitution or swap).
                    || (changed && self.deletions.each(variant, &mut check))
            });
            if stopped {
                return;
            }
        }
        // The candidate is a key with one byte fewer (an omission).
        if omitted && self.filter.may_have(whole) {
            self.deletions.each(whole, &mut check);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deletion_hashes_match_deleted_keys() {
        assert_eq!(BASE.wrapping_mul(BASE_INV), 1);
        let key = b"amazon";
        let mut hashes = Vec::new();
        each_deletion(key, poly(key.iter().copied()), |h| {
            hashes.push(h);
            false
        });
        let expected: Vec<u64> = (0..key.len()).map(|i| poly([&key[..i], &key[i + 1..]].concat())).collect();
        assert_eq!(hashes, expected);
        assert!(!each_deletion(b"", 0, |_| true));
    }

    #[test]
    fn finds_keys_one_edit_away() {
        let mut list = KeyList::default();
        for (key, indexed) in [("amazon", true), ("apple", true), ("paypal", true), ("apple", false)] {
            list.push(key, indexed);
        }
        let keys = Keys::new(list);
        assert_eq!(keys.exact_match(b"apple"), Some(1));
        assert_eq!(keys.exact_match(b"appel"), None);
        let near = |cand: &str| {
            let mut all = Vec::new();
            keys.one_edit(cand.as_bytes(), |e, key| {
                all.push((e, String::from_utf8_lossy(key).into_owned()));
                false
            });
            all
        };
        assert_eq!(near("amazpn"), [(0, "amazon".to_string())]);
        assert_eq!(near("aple"), [(1, "apple".to_string())], "the repeat is not indexed");
        assert_eq!(keys.key(3), b"apple");
        assert_eq!(near("paypals"), [(2, "paypal".to_string())]);
        assert!(near("zzzzzz").is_empty());
        assert!(near(&"a".repeat(300)).is_empty());
    }
}
