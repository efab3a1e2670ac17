//! A small, fast, non-cryptographic hasher for the brand tables' short keys.
//!
//! Lookups happen several times per URL (official domains, label skeletons,
//! edit-distance neighbours), so std's DoS-resistant SipHash is needlessly slow
//! here; the keys are our own compiled-in tables, not attacker-chosen maps.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Multiply-rotate hashing in the style of rustc's FxHasher.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // The last bytes, zero-padded, as a number: shifted out of the
            // last eight bytes when there are eight, so that no copy of a
            // variable length (a call) is made.
            let word = match bytes.len().checked_sub(8).and_then(|from| bytes.get(from..)) {
                Some(last) => {
                    let mut w = [0u8; 8];
                    w.copy_from_slice(last);
                    u64::from_le_bytes(w) >> (8 * (8 - rest.len()))
                }
                None => rest.iter().rev().fold(0, |w, &b| w << 8 | u64::from(b)),
            };
            self.add(word);
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashMap` using [`FxHasher`].
pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Hashes a byte string the way [`FxMap`] keys of `&[u8]`/`&str` are not hashed,
/// for maps keyed by a precomputed `u64` (edit-distance neighbourhoods).
#[inline]
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    h.write(bytes);
    h.write_u8(0xff);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_bytes_hash_as_zero_padded_words() {
        let text = b"www.example.co.jp.x";
        for n in 0..=text.len() {
            let mut padded = FxHasher::default();
            for c in text[..n].chunks(8) {
                let mut w = [0u8; 8];
                w[..c.len()].copy_from_slice(c);
                padded.add(u64::from_le_bytes(w));
            }
            let mut h = FxHasher::default();
            h.write(&text[..n]);
            assert_eq!(h.finish(), padded.finish(), "{n} bytes");
        }
    }
}
