//! A multimap from 64-bit hashes to entry numbers in two flat arrays (open
//! addressing, linear probing), built once at its final size: adding a key
//! allocates nothing, which keeps the first check after a service-worker wake
//! cheap, and a lookup probes a slot or two. Entries of one hash come back
//! in the order they were added, so matches stay in brand order. Most
//! lookups find nothing: a [`Filter`] in front of the tables answers most of
//! them with one load.

/// Marks a free slot (entry numbers are far below it).
const EMPTY: u32 = u32::MAX;

/// Spreads a hash's bits before it picks a slot (Fibonacci hashing).
const MIX: u64 = 0x9e37_79b9_7f4a_7c15;

pub(super) struct Table {
    hashes: Vec<u64>,
    entries: Vec<u32>,
}

impl Table {
    /// A table with room for `n` pairs, at most half full.
    pub(super) fn with_capacity(n: usize) -> Table {
        let slots = 2 * n + 1;
        Table { hashes: vec![0; slots], entries: vec![EMPTY; slots] }
    }

    /// The slot where probing for `hash` starts.
    fn home(&self, hash: u64) -> usize {
        let spread = hash.wrapping_mul(MIX) >> 32;
        ((spread * self.hashes.len() as u64) >> 32) as usize
    }

    fn next(&self, slot: usize) -> usize {
        if slot + 1 == self.hashes.len() {
            0
        } else {
            slot + 1
        }
    }

    /// Adds `e` under `hash` unless that pair is already there, or, with
    /// `first_only`, unless `hash` has any entry (the first added wins).
    /// Adding more pairs than the capacity is a bug in the caller: the pair is dropped.
    pub(super) fn insert(&mut self, hash: u64, e: u32, first_only: bool) {
        let mut slot = self.home(hash);
        for _ in 0..self.hashes.len() {
            if self.entries[slot] == EMPTY {
                self.hashes[slot] = hash;
                self.entries[slot] = e;
                return;
            }
            if self.hashes[slot] == hash && (first_only || self.entries[slot] == e) {
                return;
            }
            slot = self.next(slot);
        }
    }

    /// Calls `f` with each entry of `hash`, in the order added, until it
    /// returns true; whether it did.
    pub(super) fn each(&self, hash: u64, mut f: impl FnMut(u32) -> bool) -> bool {
        let mut slot = self.home(hash);
        // A table always has a free slot, so this ends.
        while self.entries[slot] != EMPTY {
            if self.hashes[slot] == hash && f(self.entries[slot]) {
                return true;
            }
            slot = self.next(slot);
        }
        false
    }

    /// The first entry added under `hash`.
    pub(super) fn first(&self, hash: u64) -> Option<u32> {
        let mut found = None;
        self.each(hash, |e| {
            found = Some(e);
            true
        });
        found
    }
}

/// A set of hashes that may answer "maybe" for a hash never added (one in
/// thirty or so at sixteen to thirty-two bits per hash), never "no" for one added.
pub(super) struct Filter {
    words: Vec<u64>,
}

impl Filter {
    /// A filter for about `n` hashes.
    pub(super) fn with_capacity(n: usize) -> Filter {
        Filter { words: vec![0; (n / 4).next_power_of_two()] }
    }

    /// The word and bit standing for `hash` (other bits of the spread hash
    /// than a [`Table`]'s slot uses).
    fn bit(&self, hash: u64) -> (usize, u64) {
        let spread = hash.wrapping_mul(MIX) as u32 as usize;
        ((spread >> 6) & (self.words.len() - 1), 1 << (spread & 63))
    }

    pub(super) fn add(&mut self, hash: u64) {
        let (word, bit) = self.bit(hash);
        self.words[word] |= bit;
    }

    /// False only when `hash` was never added.
    pub(super) fn may_have(&self, hash: u64) -> bool {
        let (word, bit) = self.bit(hash);
        self.words[word] & bit != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_come_back_in_order_once() {
        let mut t = Table::with_capacity(5);
        for (h, e) in [(7, 0), (9, 1), (7, 2), (7, 0), (0, 3)] {
            t.insert(h, e, false);
        }
        let mut seen = Vec::new();
        t.each(7, |e| {
            seen.push(e);
            false
        });
        assert_eq!(seen, [0, 2]);
        assert_eq!(t.first(0), Some(3));
        assert_eq!(t.first(8), None);
        let mut firsts = Table::with_capacity(2);
        firsts.insert(4, 1, true);
        firsts.insert(4, 2, true);
        assert_eq!(firsts.first(4), Some(1));
        assert!(!Table::with_capacity(0).each(1, |_| true));
    }

    #[test]
    fn filters_never_miss_what_was_added() {
        let mut f = Filter::with_capacity(100);
        (0..100u64).for_each(|h| f.add(h * 0x1234_5678_9abc));
        assert!((0..100u64).all(|h| f.may_have(h * 0x1234_5678_9abc)));
        assert!(!Filter::with_capacity(0).may_have(5));
    }
}
