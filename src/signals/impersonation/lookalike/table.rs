//! A multimap from 64-bit hashes to entry numbers in two flat arrays (open
//! addressing, linear probing), built once at its final size: adding a key
//! allocates nothing, which keeps the first check after a service-worker wake
//! cheap. Most lookups find nothing, so a bit set in front of the slots
//! (sixteen to thirty-two bits per pair, one set by each) answers most of them with one
//! load; the others probe a slot or two. Entries of one hash come back in the
//! order they were added, so matches stay in brand order.

/// Marks a free slot (entry numbers are far below it).
const EMPTY: u32 = u32::MAX;

/// Spreads a hash's bits before it picks a slot (Fibonacci hashing).
const MIX: u64 = 0x9e37_79b9_7f4a_7c15;

pub(super) struct Table {
    /// One bit per [`Table::filter_bit`] of the hashes added.
    filter: Vec<u64>,
    hashes: Vec<u64>,
    entries: Vec<u32>,
}

impl Table {
    /// A table with room for `n` pairs, at most half full.
    pub(super) fn with_capacity(n: usize) -> Table {
        let slots = 2 * n + 1;
        let words = (n / 4).next_power_of_two();
        Table { filter: vec![0; words], hashes: vec![0; slots], entries: vec![EMPTY; slots] }
    }

    /// The word and bit of `filter` standing for `hash`.
    fn filter_bit(&self, hash: u64) -> (usize, u64) {
        let spread = hash.wrapping_mul(MIX) as u32 as usize;
        ((spread >> 6) & (self.filter.len() - 1), 1 << (spread & 63))
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
        let (word, bit) = self.filter_bit(hash);
        self.filter[word] |= bit;
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
        let (word, bit) = self.filter_bit(hash);
        if self.filter[word] & bit == 0 {
            return false;
        }
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
}
